//! The layer thread: events with their places, in input order, become features appended to
//! every layer they belong to (border, period, timeline, interior).

use std::collections::{BTreeMap, HashMap};
use std::path::Path;
use std::sync::Arc;

use jiff::civil::Date;

use super::feature::{PropsContext, border_feature, description};
use super::place::Located;
use super::writer::{self, LayerFiles};
use super::{MapOptions, Properties, style};
use crate::events::{Event, Location};
use crate::gazetteer::Gazetteer;

/// The layers of a run and what writing an event to them needs: run on a thread of its own,
/// fed in input order, so that building, serialising and appending features (half the work of
/// a large run) overlaps with reading and locating.
pub(super) struct LayerSink<'h> {
    pub(super) files: LayerFiles,
    pub(super) opts: MapOptions,
    pub(super) heads: HashMap<&'h str, Vec<u8>>,
    pub(super) border_layers: HashMap<&'h str, writer::LayerId>,
    pub(super) interior_layer: Option<writer::LayerId>,
    pub(super) timeline_layer: Option<writer::LayerId>,
    /// The layer of each (start date, border) of the per-period layers.
    pub(super) period_layers: HashMap<Date, HashMap<String, writer::LayerId>>,
    /// The period of each per-period layer.
    pub(super) periods: BTreeMap<String, String>,
}

impl<'h> LayerSink<'h> {
    /// Starts the layers every run has: each border's, headed by its line (simplified and
    /// serialised once: it heads the per-period layers too), interior and timeline.
    pub(super) fn new(gz: &'h Gazetteer, out_dir: &Path, opts: &MapOptions) -> std::io::Result<Self> {
        let mut files = LayerFiles::new(out_dir)?;
        let heads: HashMap<&str, Vec<u8>> =
            gz.borders().borders.iter().map(|b| (b.id.as_str(), border_feature(gz, &b.id))).collect();
        let mut border_layers = HashMap::new();
        for b in gz.borders().borders.iter().filter(|_| opts.layers.borders) {
            let rel = format!("{}.geojson", b.id);
            files.push(&rel, &heads[b.id.as_str()])?;
            border_layers.insert(b.id.as_str(), files.start(&rel)?);
        }
        let interior_layer = opts.layers.interior.then(|| files.start("interior.geojson")).transpose()?;
        let timeline_layer = opts.layers.timeline.then(|| files.start("timeline.geojson")).transpose()?;
        Ok(LayerSink {
            files,
            opts: opts.clone(),
            heads,
            border_layers,
            interior_layer,
            timeline_layer,
            period_layers: HashMap::new(),
            periods: BTreeMap::new(),
        })
    }

    /// Writes batches of events until the channel closes.
    pub(super) fn run(mut self, rx: std::sync::mpsc::Receiver<Vec<(Event, Arc<Located>)>>) -> std::io::Result<Self> {
        for batch in rx {
            for (e, loc) in batch {
                self.write(&e, &loc)?;
            }
        }
        Ok(self)
    }

    /// Writes one event's features to its layers.
    fn write(&mut self, e: &Event, loc: &Located) -> std::io::Result<()> {
        let (opts, want) = (&self.opts, &self.opts.layers);
        let as_reported = match &e.location {
            Location::Name(n) => n.as_str(),
            Location::PlaceId(id) => id.as_str(),
            Location::Point { label, .. } => label.as_deref().unwrap_or(""),
        };
        let (title, desc) = match opts.properties {
            Properties::Full => {
                (format!("{}: {} ({})", e.event_type.label(), loc.place_name, e.claim_status), description(e))
            }
            Properties::Compact => (String::new(), String::new()),
        };
        let style = style::event_style(e.event_type, e.claim_status);
        let ctx = PropsContext { e, loc, as_reported, title: &title, description: &desc, style };
        if loc.borders.is_empty() {
            if want.interior || want.timeline {
                let f = ctx.feature(opts.properties, "interior", None);
                for layer in [self.interior_layer, self.timeline_layer].into_iter().flatten() {
                    self.files.push_to(layer, &f)?;
                }
            }
            return Ok(());
        }
        let period = opts.by.filter(|_| want.periods);
        for (i, b) in loc.borders.iter().enumerate() {
            if !(want.borders || period.is_some() || (want.timeline && i == 0)) {
                continue;
            }
            let f = ctx.feature(opts.properties, &b.0, Some(b));
            if let Some(&layer) = self.border_layers.get(b.0.as_str()) {
                self.files.push_to(layer, &f)?;
            }
            if let Some(p) = period {
                let by_border = self.period_layers.entry(e.date.start).or_default();
                let layer = match by_border.get(b.0.as_str()) {
                    Some(&l) => l,
                    None => {
                        let rel = format!("{}/{}/{}.geojson", p.folder(), p.key(e.date.start), b.0);
                        // Another day of the same week or month may have started it.
                        if !self.files.has(&rel) {
                            // A new layer: headed by its border line.
                            self.periods.insert(rel.clone(), p.key(e.date.start));
                            self.files.push(&rel, &self.heads[b.0.as_str()])?;
                        }
                        let l = self.files.start(&rel)?;
                        by_border.insert(b.0.clone(), l);
                        l
                    }
                };
                self.files.push_to(layer, &f)?;
            }
            if let Some(layer) = self.timeline_layer.filter(|_| i == 0) {
                self.files.push_to(layer, &f)?;
            }
        }
        Ok(())
    }
}

/// Events handed to the layer thread at a time.
pub(super) const SINK_BATCH: usize = 256;
