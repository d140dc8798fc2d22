//! The layer thread: events with their places, in input order, become features appended to
//! every layer they belong to (border, period, timeline, interior), in every output format.

use std::collections::HashMap;
use std::path::Path;
use std::sync::Arc;

use jiff::civil::Date;

use super::feature::{PropsContext, border_feature, write_citation, write_description, write_share, write_title};
use super::format::{LayerId, LayerSpec, Output};
use super::place::Located;
use super::schema::{GeomKind, LayerKind};
use super::stages::Split;
use super::{MapOptions, Properties, style};
use crate::events::{Event, Location};
use crate::gazetteer::Gazetteer;

/// The layers of a run and what writing an event to them needs: run on a thread of its own,
/// fed in input order, so that building, serialising and appending features (half the work of
/// a large run) overlaps with reading and locating.
pub(super) struct LayerSink {
    pub(super) out: Output,
    pub(super) opts: MapOptions,
    /// The layer of each (group, geometry) of the whole run: a few, searched in order.
    top: Vec<(String, GeomKind, LayerId)>,
    /// The layer of each (start date, geometry, border) of the per-period layers.
    period_layers: HashMap<(Date, GeomKind), Vec<(String, LayerId)>>,
    /// Events not in any period layer: their dates span more than one period.
    pub(super) outside_periods: u64,
    /// The properties being written, in a reused buffer.
    buf: Vec<u8>,
    /// The texts made for each event, in reused buffers.
    texts: Texts,
    /// The sampled split of this thread's time between building and writing.
    pub(super) split: Split,
    /// This thread's CPU time, when it has finished.
    pub(super) cpu: std::time::Duration,
}

impl LayerSink {
    /// The run's output, with the border lines written first.
    pub(super) fn new(gz: &Gazetteer, out_dir: &Path, opts: &MapOptions) -> std::io::Result<Self> {
        let mut out = Output::new(out_dir, &opts.formats, opts.properties)?;
        if opts.layers.borders {
            let spec = LayerSpec {
                name: "borders".into(),
                kind: LayerKind::Border,
                geom: GeomKind::Line,
                group: "borders".into(),
                period: None,
            };
            let layer = out.layer(spec)?;
            for b in &gz.borders().borders {
                let (geom, props) = border_feature(gz, &b.id);
                out.push(layer, &geom, &props)?;
            }
        }
        Ok(LayerSink {
            out,
            opts: opts.clone(),
            top: Vec::new(),
            period_layers: HashMap::new(),
            outside_periods: 0,
            buf: Vec::with_capacity(2048),
            texts: Texts::default(),
            split: Split::default(),
            cpu: std::time::Duration::ZERO,
        })
    }

    /// Writes batches of events until the channel closes.
    pub(super) fn run(mut self, rx: std::sync::mpsc::Receiver<Vec<(Event, Arc<Located>)>>) -> std::io::Result<Self> {
        for batch in rx {
            for (e, loc) in batch {
                self.write(&e, &loc)?;
            }
        }
        self.cpu = crate::clock::thread_cpu();
        Ok(self)
    }

    /// The run-wide layer of a group and geometry.
    fn top_layer(&mut self, group: &str, geom: GeomKind) -> std::io::Result<LayerId> {
        if let Some(&(_, _, id)) = self.top.iter().find(|(g, k, _)| g == group && *k == geom) {
            return Ok(id);
        }
        let id = self.out.layer(LayerSpec::top(group, LayerKind::Events, geom))?;
        self.top.push((group.to_string(), geom, id));
        Ok(id)
    }

    /// The layer of a border and geometry for the period starting the day of `start`.
    fn period_layer(&mut self, start: Date, border: &str, geom: GeomKind) -> std::io::Result<LayerId> {
        let by_border = self.period_layers.entry((start, geom)).or_default();
        if let Some(&(_, id)) = by_border.iter().find(|(b, _)| b == border) {
            return Ok(id);
        }
        let p = self.opts.by.expect("period layers only with --by");
        // Another day of the same week or month may have started it: `layer` finds it by name.
        let id = self.out.layer(LayerSpec::in_period(p.folder(), &p.key(start), border, LayerKind::Events, geom))?;
        by_border.push((border.to_string(), id));
        Ok(id)
    }

    /// Writes one event's features to its layers.
    fn write(&mut self, e: &Event, loc: &Located) -> std::io::Result<()> {
        let started = self.split.sample().then(std::time::Instant::now);
        let mut pushing = std::time::Duration::ZERO;
        let (properties, want) = (self.opts.properties, self.opts.layers);
        let as_reported = match &e.location {
            Location::Name(n) => n.as_str(),
            Location::PlaceId(id) => id.as_str(),
            Location::Point { label, .. } => label.as_deref().unwrap_or(""),
        };
        let texts = &mut self.texts;
        if properties == Properties::Full {
            write_title(e, loc, &mut texts.title);
            write_description(e, &mut texts.description);
        }
        write_share(e.share, &mut texts.share);
        write_citation(e, &mut texts.citation);
        let style = style::event_style(e.event_type, e.claim_status);
        let texts = std::mem::take(&mut self.texts);
        let ctx = PropsContext {
            e,
            loc,
            as_reported,
            title: &texts.title,
            description: &texts.description,
            share: &texts.share,
            citation: &texts.citation,
            style,
        };
        let geom = loc.geom.kind;
        let mut buf = std::mem::take(&mut self.buf);
        if loc.borders.is_empty() {
            if want.interior || want.timeline {
                ctx.write(properties, "interior", None, &mut buf);
                for (wanted, group) in [(want.interior, "interior"), (want.timeline, "timeline")] {
                    if wanted {
                        let layer = self.top_layer(group, geom)?;
                        self.push(layer, loc, &buf, started.is_some(), &mut pushing)?;
                    }
                }
            }
            self.buf = buf;
            self.texts = texts;
            self.split.add(started, pushing);
            return Ok(());
        }
        // An event goes to a period's layer only when its dates lie within that period: an
        // event known to its month is not filed under the month's first day.
        let mut period = self.opts.by.filter(|_| want.periods);
        if let Some(p) = period
            && !p.same(e.date.start, e.date.end)
        {
            period = None;
            self.outside_periods += 1;
        }
        for (i, b) in loc.borders.iter().enumerate() {
            if !(want.borders || period.is_some() || (want.timeline && i == 0)) {
                continue;
            }
            ctx.write(properties, &b.0, Some(b), &mut buf);
            if want.borders {
                let layer = self.top_layer(&b.0, geom)?;
                self.push(layer, loc, &buf, started.is_some(), &mut pushing)?;
            }
            if period.is_some() {
                let layer = self.period_layer(e.date.start, &b.0, geom)?;
                self.push(layer, loc, &buf, started.is_some(), &mut pushing)?;
            }
            if want.timeline && i == 0 {
                let layer = self.top_layer("timeline", geom)?;
                self.push(layer, loc, &buf, started.is_some(), &mut pushing)?;
            }
        }
        self.buf = buf;
        self.texts = texts;
        self.split.add(started, pushing);
        Ok(())
    }

    /// Appends a feature to a layer in every format; when `timed`, adds the time to `pushing`.
    fn push(
        &mut self,
        layer: LayerId,
        loc: &Located,
        props: &[u8],
        timed: bool,
        pushing: &mut std::time::Duration,
    ) -> std::io::Result<()> {
        let t = timed.then(std::time::Instant::now);
        self.out.push(layer, &loc.geom, props)?;
        if let Some(t) = t {
            *pushing += t.elapsed();
        }
        Ok(())
    }
}

/// The texts of an event's features that are made rather than copied, in buffers kept from
/// one event to the next (most events then allocate nothing).
#[derive(Default)]
struct Texts {
    title: String,
    description: String,
    share: String,
    citation: String,
}

/// Events handed to the layer thread at a time.
pub(super) const SINK_BATCH: usize = 256;
