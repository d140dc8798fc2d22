//! From events to map layers: one per border, by period, a timeline, control intervals,
//! place summaries, and the events too far from any border ("interior"); each in one geometry
//! type and with the fields of its kind (`schema`), in every output format asked for
//! (`format`: GeoJSON, GeoPackage).
//!
//! Events stream through: each distinct place is resolved once and its geometry serialised
//! once; each feature is written to its layers as it comes (`sink`). Captures (for control
//! intervals) and a short record of each event (for the place summaries) are sorted, on disk
//! beyond a budget, and written once the input ends. Output is deterministic: the same events
//! give byte-identical files (features in input order, keys in fixed order, 6 decimals, no
//! timestamps). The file layout is documented in `maps/README.md`.

mod control;
mod duplicates;
mod feature;
pub mod fgb;
pub mod format;
pub mod geojson;
pub mod geoparquet;
pub mod gpkg;
mod gpkg_format;
mod json;
pub mod name_check;
mod options;
mod place;
mod places;
pub mod project;
pub mod qml;
mod report;
pub mod schema;
mod shares;
mod sink;
mod stages;
pub mod style;

use std::collections::{BTreeSet, HashMap};
use std::path::Path;
use std::sync::Arc;

use jiff::civil::Date;

use crate::diagnostic::Diagnostic;
use crate::events::{Event, EventType, Location, ReadError};
use crate::gazetteer::Gazetteer;
use crate::output::write_atomic;
use crate::spill::SpillSort;
use control::{ControlEvent, write_control};
use duplicates::{first_duplicate, id_record};
pub use format::{Format, Written};
pub use options::{Layers, MapOptions, Period, Properties};
use place::{Hints, Located, NotLocated, locate};
use places::{PlaceEvent, write_places};
pub use report::{MapReport, NameChecks, Unresolved};
use report::{index_json, write_unresolved};
use shares::{Claim, write_shares};
pub use shares::{DEFAULT_SHARE_RADIUS_KM, MAX_SHARE_RADIUS_KM};
use sink::{LayerSink, SINK_BATCH};
pub use stages::StageTimes;

/// Events whose place is farther than this from every border go to `interior.geojson`.
/// 60 km keeps the capitals of the northern border provinces (Kunduz 53 km from the Tajik
/// border, Mazar-i-Sharif 54 km from the Uzbek one) with their border, and leaves Herat
/// (87 km), Kabul and Moscow in the interior.
pub const DEFAULT_MAX_DISTANCE_KM: f64 = 60.0;
/// Line geometries of events (rivers, whole borders) are simplified with this tolerance, in
/// degrees (~200 m), to keep files small.
pub const EVENT_LINE_SIMPLIFY_DEG: f64 = 0.002;
/// The border line heading each layer is simplified with this tolerance (~50 m): invisible
/// at any zoom a border map is read at, and it halves the files. Distances and chainages are
/// always computed on the full lines of the gazetteer.
pub const BORDER_LINE_SIMPLIFY_DEG: f64 = 0.0005;

/// The QGIS project of a run's layers, in its folder.
pub const PROJECT: &str = "bordermap.qgs";

/// Why a run wrote nothing.
#[derive(Debug, thiserror::Error)]
pub enum MapError {
    /// Records are invalid.
    #[error("{} invalid event record(s):\n{}", .0.len(), crate::diagnostic::DiagnosticList::new(.0).indent("  "))]
    Invalid(Vec<Diagnostic>),
    /// Place names did not resolve and `allow_unresolved` is off.
    #[error("{} event(s) name places that do not resolve; nothing was written (see the list, or use --allow-unresolved)", .0.len())]
    Unresolved(Vec<Unresolved>),
    /// Two events share an id.
    #[error("{0}")]
    DuplicateId(Diagnostic),
    /// An input named on the command line held no events (an empty file, a header only): a
    /// failed extraction or download, most likely, which must not replace a published map.
    #[error(
        "no events in {}: nothing was changed (an empty file or a header only; pass --allow-empty to publish an empty map)",
        .0.join(", ")
    )]
    Empty(Vec<String>),
    /// Writing failed.
    #[error("writing {path}: {message}")]
    Io {
        /// The folder or file.
        path: String,
        /// The system's message, one clause.
        message: String,
    },
}

/// Maps events into layers under `out_dir`, a new folder of the run's own (a
/// [`crate::publish::Staging`] folder, which replaces the published one in one step when the
/// run succeeds). An error (invalid records, an input without events, place names that do not
/// resolve without `allow_unresolved`) leaves `out_dir` to be thrown away.
///
/// Events are read and placed here, and written to their layers on a thread of their own
/// (`src/layers/sink.rs`); ids, captures and the run's report are finished once the input ends.
pub fn map_events<I>(gz: &Gazetteer, events: I, out_dir: &Path, opts: &MapOptions) -> Result<MapReport, MapError>
where
    I: IntoIterator<Item = Result<Event, ReadError>>,
{
    let sink = LayerSink::new(gz, out_dir, opts).map_err(io_error(out_dir))?;
    let mut run = Run::new(gz, out_dir, opts);
    std::thread::scope(|scope| {
        let (tx, rx) = std::sync::mpsc::sync_channel::<Vec<(Event, Arc<Located>)>>(4);
        let layer_thread = std::thread::Builder::new()
            .name("bordermap-layers".into())
            .spawn_scoped(scope, move || sink.run(rx))
            .map_err(io_error(out_dir))?;
        let mut batch = Vec::with_capacity(SINK_BATCH);
        let mut sink_stopped = false;
        let locate_from = crate::clock::thread_cpu();
        for item in events {
            let Some(placed) = run.place(item)? else { continue };
            batch.push(placed);
            if batch.len() == SINK_BATCH
                && tx.send(std::mem::replace(&mut batch, Vec::with_capacity(SINK_BATCH))).is_err()
            {
                sink_stopped = true; // it failed: its error is taken below
                break;
            }
        }
        if !sink_stopped {
            let _ = tx.send(batch);
        }
        drop(tx);
        let locate = crate::clock::thread_cpu() - locate_from;
        let sink = match layer_thread.join() {
            Ok(r) => r.map_err(io_error(out_dir))?,
            Err(panic) => std::panic::resume_unwind(panic),
        };
        let (build, write) = sink.split.apportion(sink.cpu);
        let finish_from = crate::clock::thread_cpu();
        let mut report = run.finish(sink)?;
        let finish = crate::clock::thread_cpu() - finish_from;
        report.stages = StageTimes { read: std::time::Duration::ZERO, locate, build, write, finish };
        Ok(report)
    })
}

/// A run's `MapError::Io` for a path.
/// (The path is made text only when there is an error: this is on the path of every event.)
fn io_error(path: &Path) -> impl FnOnce(std::io::Error) -> MapError + '_ {
    move |e: std::io::Error| MapError::Io { path: path.display().to_string(), message: crate::publish::os_message(&e) }
}

/// A hash map for lookups made once per event: `foldhash` is several times faster than the
/// standard SipHash on short keys, and seeded per process like it.
type FastMap<K, V> = HashMap<K, V, foldhash::fast::RandomState>;

/// The reading and placing side of a run: what it has seen, the places it has located (each
/// distinct place once), and the ids and captures it sorts for the end.
struct Run<'g> {
    gz: &'g Gazetteer,
    opts: &'g MapOptions,
    out_dir: &'g Path,
    report: MapReport,
    invalid: Vec<Diagnostic>,
    cache: FastMap<String, Result<Arc<Located>, NotLocated>>,
    /// The cache key of the current event, built in a reused buffer: most events name a place
    /// seen before, and then nothing is allocated.
    key_buf: String,
    /// (id, input, line) of every event, to find ids used twice.
    ids: SpillSort,
    /// The inputs that gave events, in order.
    input_files: Vec<String>,
    /// Captures and recaptures, for the control layer.
    control: SpillSort,
    /// Every event in short, for the place summaries.
    places: SpillSort,
    /// The current event's record for the control layer or the place summaries, and its
    /// period, in reused buffers.
    record_buf: Vec<u8>,
    period_buf: String,
    /// The place summary of each geometry: the cache key of the first place seen with it.
    summary_keys: FastMap<Arc<str>, String>,
    /// Cache keys of places that did not resolve.
    unresolved_keys: BTreeSet<String>,
    /// The last date in the data: where open control intervals end without --as-of.
    horizon: Option<Date>,
    /// The first date in the data.
    first_date: Option<Date>,
    /// `control_claim` events with a share at located places, for `shares.csv`.
    claims: Vec<Claim>,
    /// `control_claim` events at located places without a share (counted in `index.json`).
    claims_without_share: u64,
}

impl<'g> Run<'g> {
    fn new(gz: &'g Gazetteer, out_dir: &'g Path, opts: &'g MapOptions) -> Self {
        // Ids and captures are sorted on disk when they outgrow memory, in the run's own
        // folder (which has room for the layers; the system's temporary folder may be small).
        Run {
            gz,
            opts,
            out_dir,
            report: MapReport::default(),
            invalid: Vec::new(),
            cache: FastMap::default(),
            key_buf: String::new(),
            ids: SpillSort::new_in(opts.spill_budget / 2, out_dir),
            input_files: Vec::new(),
            control: SpillSort::new_in(opts.spill_budget / 4, out_dir),
            places: SpillSort::new_in(opts.spill_budget / 4, out_dir),
            record_buf: Vec::new(),
            period_buf: String::new(),
            summary_keys: FastMap::default(),
            unresolved_keys: BTreeSet::new(),
            horizon: None,
            first_date: None,
            claims: Vec::new(),
            claims_without_share: 0,
        }
    }

    /// Takes one record: counted, its id kept, its place located. Returns it with its place
    /// when it is to be written; invalid records, events after --as-of and unresolved places
    /// are kept for the report instead.
    fn place(&mut self, item: Result<Event, ReadError>) -> Result<Option<(Event, Arc<Located>)>, MapError> {
        let (opts, out_dir) = (self.opts, self.out_dir);
        let e = match item {
            Ok(e) => e,
            Err(ReadError(d)) => {
                self.invalid.extend(d);
                return Ok(None);
            }
        };
        self.report.events_read += 1;
        if self.input_files.last() != Some(&e.origin.file) {
            self.input_files.push(e.origin.file.clone());
        }
        let input = (self.input_files.len() - 1) as u32;
        self.ids.push(&id_record(&e.id, input, e.origin.line)).map_err(io_error(out_dir))?;
        if !self.invalid.is_empty() {
            return Ok(None); // keep reading to report every bad record, but write nothing more
        }
        if opts.as_of.is_some_and(|d| e.date.start > d) {
            self.report.after_as_of += 1;
            return Ok(None);
        }
        self.horizon = self.horizon.max(Some(e.date.end));
        self.first_date = Some(self.first_date.map_or(e.date.start, |d| d.min(e.date.start)));
        let hints = Hints { country: &e.country, admin1: &e.admin1 };
        let as_reported = cache_key(&mut self.key_buf, &e.location, hints);
        let key = self.key_buf.as_str();
        let located = match self.cache.get(key) {
            Some(l) => l.clone(),
            None => {
                let l = locate(self.gz, &e.location, hints, opts.max_distance_km).map(Arc::new);
                self.cache.insert(key.to_string(), l.clone());
                l
            }
        };
        let loc = match located {
            Ok(l) => l,
            Err((status, suggestions)) => {
                self.report.unresolved.push(Unresolved {
                    origin: e.origin.clone(),
                    event_id: e.id.clone(),
                    place: as_reported.to_string(),
                    status,
                    suggestions,
                });
                self.unresolved_keys.insert(key.to_string());
                return Ok(None);
            }
        };
        self.report.name_checks.count(&e, &loc.name_check);
        if loc.borders.is_empty() {
            self.report.interior += 1;
        } else {
            self.report.on_borders += 1;
        }
        if opts.layers.control && matches!(e.event_type, EventType::Capture | EventType::Recapture) {
            let c = ControlEvent::new(&e, &loc, key);
            c.record(&mut self.record_buf);
            self.control.push(&self.record_buf).map_err(io_error(out_dir))?;
        }
        if opts.layers.control && e.event_type == EventType::ControlClaim && e.share.is_none() {
            self.claims_without_share += 1;
        } else if opts.layers.control && e.event_type == EventType::ControlClaim {
            self.claims.push(Claim {
                event_id: e.id.clone(),
                actor: e.actor.clone(),
                status: e.claim_status,
                claimed_by: e.claimed_by.clone(),
                disputed_by: e.disputed_by.clone(),
                source: e.source.clone(),
                quote: e.quote.clone(),
                share: e.share,
                start: e.date.start,
                until: feature::until(e.date.end),
                borders: loc.borders.iter().map(|b| b.0.clone()).collect(),
            });
        }
        if opts.layers.places {
            // The period the event lies within, for the period folders' summaries.
            let period = opts
                .by
                .filter(|p| opts.layers.periods && !loc.borders.is_empty() && p.same(e.date.start, e.date.end))
                .map(|p| {
                    self.period_buf.clear();
                    p.write_key(e.date.start, &mut self.period_buf);
                    self.period_buf.as_str()
                });
            // Places with the same geometry share a summary: the key of the first of them.
            let shared = match self.summary_keys.get(&loc.geom.json) {
                Some(k) => k.as_str(),
                None => self.summary_keys.entry(loc.geom.json.clone()).or_insert_with(|| key.to_string()),
            };
            PlaceEvent::record(&e, &loc, shared, period, &mut self.record_buf);
            self.places.push(&self.record_buf).map_err(io_error(out_dir))?;
        }
        Ok(Some((e, loc)))
    }

    /// After the input: the checks that need all of it (ids used twice, invalid records,
    /// empty inputs, unresolved places), then the control layer, the layers closed, and the
    /// run's report files.
    ///
    /// The check for ids used twice (a merge of every id), the shares (`shares.csv`) and the
    /// write-back of the event layers run on threads of their own beside the control and place
    /// layers.
    fn finish(self, sink: LayerSink) -> Result<MapReport, MapError> {
        let (opts, out_dir) = (self.opts, self.out_dir);
        let LayerSink { mut out, outside_periods, .. } = sink;
        let Run { gz, ids, input_files, invalid, mut report, cache, unresolved_keys, .. } = self;
        let (control, places, claims) = (self.control, self.places, self.claims);
        let (horizon, first_date, claims_without_share) = (self.horizon, self.first_date, self.claims_without_share);
        std::thread::scope(|scope| {
            let input_files = &input_files;
            let duplicates = scope.spawn(move || first_duplicate(ids, input_files));
            let duplicate = |duplicates: std::thread::ScopedJoinHandle<'_, std::io::Result<Option<Duplicate>>>| -> Result<(), MapError> {
                let found = match duplicates.join() {
                    Ok(found) => found.map_err(io_error(out_dir))?,
                    Err(panic) => std::panic::resume_unwind(panic),
                };
                match found {
                    Some((id, first, second)) => Err(MapError::DuplicateId(Diagnostic::error(
                        &second.file,
                        Some(second.line),
                        Some("id"),
                        format!("duplicate event id {id:?} (first at {first})"),
                    ))),
                    None => Ok(()),
                }
            };
            // An id used twice is reported before any other fault.
            if let Some(fault) = early_fault(opts, &invalid, input_files, &report) {
                duplicate(duplicates)?;
                return Err(fault);
            }
            // The event layers are complete: their gigabytes start going to disk now, beside
            // the control and place layers, so that committing (which syncs every file, and
            // is what makes them durable) finds little left to write. (Not for a run that
            // fails: its folder is thrown away.)
            scope.spawn(move || {
                let _ = std::fs::File::open(out_dir).map(|d| rustix::fs::syncfs(&d));
            });
            report.places = cache.len() - unresolved_keys.len();
            report.outside_periods = outside_periods;
            let located = |location: &str| match cache.get(location) {
                Some(Ok(l)) => Some(l.clone()),
                _ => None,
            };
            let shares = if opts.layers.control {
                let held =
                    write_control(&mut out, control, &located, opts.as_of.or(horizon)).map_err(io_error(out_dir))?;
                let claims = &claims;
                Some(scope.spawn(move || {
                    let mut shares = shares::compute(gz.borders(), &held, claims, opts.share_radius_km);
                    shares.claims_without_share += claims_without_share;
                    shares
                }))
            } else {
                None
            };
            if opts.layers.places {
                write_places(&mut out, places, &located, opts.by).map_err(io_error(out_dir))?;
            }
            // Nothing is committed under its name when an id is used twice.
            duplicate(duplicates)?;
            let written = out.finish().map_err(io_error(out_dir))?;
            let shares = shares.map(|t| t.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic)));
            finish_report(opts, out_dir, written, report, shares, first_date.zip(opts.as_of.or(horizon)))
        })
    }
}

/// An id used twice: the id, its first use and the second.
type Duplicate = (String, crate::gazetteer::Origin, crate::gazetteer::Origin);

/// The faults found once the input ends, but for ids used twice: invalid records, inputs
/// without events, names that did not resolve (without `allow_unresolved`).
fn early_fault(
    opts: &MapOptions,
    invalid: &[Diagnostic],
    input_files: &[String],
    report: &MapReport,
) -> Option<MapError> {
    if !invalid.is_empty() {
        return Some(MapError::Invalid(invalid.to_vec()));
    }
    if !opts.allow_empty {
        let seen: BTreeSet<&str> = input_files.iter().map(String::as_str).collect();
        let mut empty: Vec<String> = opts.inputs.iter().filter(|i| !seen.contains(i.as_str())).cloned().collect();
        if report.events_read == 0 && empty.is_empty() {
            empty.push("the input".into());
        }
        if !empty.is_empty() {
            return Some(MapError::Empty(empty));
        }
    }
    if !report.unresolved.is_empty() && !opts.allow_unresolved {
        return Some(MapError::Unresolved(report.unresolved.clone()));
    }
    None
}

/// The run's project, lists and index, once its layers are written: `bordermap.qgs`,
/// `unresolved.csv`, `shares.csv`, `index.json`.
fn finish_report(
    opts: &MapOptions,
    out_dir: &Path,
    mut written: Vec<Written>,
    mut report: MapReport,
    shares: Option<shares::Shares>,
    dates: Option<(Date, Date)>,
) -> Result<MapReport, MapError> {
    let range = dates.map(|(a, b)| (a, feature::until(b)));
    if let Some(qgs) = project::run_project(&written, range, opts.properties) {
        let path = out_dir.join(PROJECT);
        std::fs::write(&path, qgs).map_err(io_error(&path))?;
        written.push(Written { path: PROJECT.into(), format: "qgs", layer: None, features: 0 });
    }
    if opts.allow_unresolved {
        let path = out_dir.join("unresolved.csv");
        write_unresolved(&path, &report.unresolved).map_err(io_error(&path))?;
        written.push(Written {
            path: "unresolved.csv".into(),
            format: "csv",
            layer: None,
            features: report.unresolved.len() as u64,
        });
    }
    if let Some(shares) = &shares {
        let path = out_dir.join(shares::FILE);
        write_shares(&path, shares).map_err(io_error(&path))?;
        written.push(Written {
            path: shares::FILE.into(),
            format: "csv",
            layer: None,
            features: shares.rows.len() as u64,
        });
    }
    written.push(Written { path: crate::publish::INDEX.into(), format: "json", layer: None, features: 0 });
    written.sort_by(|a, b| a.path.cmp(&b.path));
    let index_path = out_dir.join(crate::publish::INDEX);
    let index = index_json(&written, opts, &report, shares.as_ref().map(|s| s.index()));
    write_atomic(&index_path, &index).map_err(io_error(&index_path))?;
    written.sort_by(|a, b| a.path.cmp(&b.path));
    report.files = written;
    Ok(report)
}

/// Writes the cache key of a location into `buf` (`n:` a name lower-cased, `i:` a place id,
/// `p:` a point; then the hints that change how a name resolves or is checked, when given)
/// and returns the location as reported.
fn cache_key<'e>(buf: &mut String, location: &'e Location, hints: Hints) -> &'e str {
    buf.clear();
    let push_hints = |buf: &mut String, admin1: bool| {
        if !hints.country.is_empty() {
            buf.push_str("\u{1f}c:");
            buf.push_str(hints.country);
        }
        if admin1 && !hints.admin1.is_empty() {
            buf.push_str("\u{1f}a:");
            buf.extend(hints.admin1.chars().flat_map(char::to_lowercase));
        }
    };
    match location {
        Location::Name(n) => {
            buf.push_str("n:");
            buf.extend(n.chars().flat_map(char::to_lowercase));
            push_hints(buf, true);
            n.as_str()
        }
        Location::PlaceId(id) => {
            buf.push_str("i:");
            buf.push_str(id);
            id.as_str()
        }
        Location::Point { lon, lat, label } => {
            use std::fmt::Write;
            let _ = write!(buf, "p:{lon},{lat}");
            // The name is checked against the point: a point keyed without it would keep the
            // first name's check for every name given there.
            if let Some(l) = label {
                buf.push_str("\u{1f}n:");
                buf.extend(l.chars().flat_map(char::to_lowercase));
                push_hints(buf, false);
            }
            label.as_deref().unwrap_or("")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    use crate::events::EventReader;

    const EXAMPLE: &str = include_str!("../../maps/afghan-borders-2021/events.csv");

    fn run(csv: &str, opts: &MapOptions) -> (Result<MapReport, MapError>, BTreeMap<String, Vec<u8>>) {
        let gz = Gazetteer::bundled().unwrap();
        let dir = tempfile::tempdir().unwrap();
        let events = EventReader::csv(csv.as_bytes(), "events.csv").unwrap();
        let report = map_events(&gz, events, dir.path(), opts);
        let mut files = BTreeMap::new();
        let mut stack = vec![dir.path().to_path_buf()];
        while let Some(d) = stack.pop() {
            for e in std::fs::read_dir(&d).unwrap() {
                let p = e.unwrap().path();
                if p.is_dir() {
                    stack.push(p);
                } else {
                    let rel = p.strip_prefix(dir.path()).unwrap().display().to_string();
                    files.insert(rel, std::fs::read(&p).unwrap());
                }
            }
        }
        (report, files)
    }

    #[test]
    fn sorting_on_disk_changes_nothing() {
        let opts = MapOptions { by: Some(Period::Week), ..MapOptions::default() };
        let (a, in_memory) = run(EXAMPLE, &opts);
        let (b, spilled) = run(EXAMPLE, &MapOptions { spill_budget: 64, ..opts });
        a.unwrap();
        b.unwrap();
        assert!(in_memory.contains_key("control-points.geojson") && in_memory.len() > 10);
        assert_eq!(in_memory.keys().collect::<Vec<_>>(), spilled.keys().collect::<Vec<_>>());
        for (k, v) in &in_memory {
            assert!(v == &spilled[k], "{k} differs when sorted on disk");
        }
        let control: serde_json::Value = serde_json::from_slice(&in_memory["control-points.geojson"]).unwrap();
        assert!(control["features"].as_array().unwrap().len() >= 3);
    }

    #[derive(serde::Deserialize)]
    struct Collection {
        features: Vec<Feature>,
    }

    #[derive(serde::Deserialize)]
    struct Feature {
        geometry: serde_json::Value,
        properties: Ordered,
    }

    /// A JSON object's members in the order of the text.
    struct Ordered(Vec<(String, serde_json::Value)>);

    impl<'de> serde::Deserialize<'de> for Ordered {
        fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
            struct V;
            impl<'de> serde::de::Visitor<'de> for V {
                type Value = Ordered;
                fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                    f.write_str("an object")
                }
                fn visit_map<A: serde::de::MapAccess<'de>>(self, mut m: A) -> Result<Ordered, A::Error> {
                    let mut out = Vec::new();
                    while let Some(kv) = m.next_entry()? {
                        out.push(kv);
                    }
                    Ok(Ordered(out))
                }
            }
            d.deserialize_map(V)
        }
    }

    /// Every feature of every file has exactly the fields of its kind, in order, with values
    /// of their type and never null: what makes GIS software read one schema per kind.
    #[test]
    fn every_file_of_a_kind_has_the_fields_of_its_kind_with_their_types() {
        use schema::FieldType;
        for properties in [Properties::Full, Properties::Compact] {
            let opts = MapOptions { by: Some(Period::Day), properties, ..MapOptions::default() };
            let (report, files) = run(EXAMPLE, &opts);
            let report = report.unwrap();
            let mut kinds = BTreeSet::new();
            for w in &report.files {
                let Some(layer) = w.layer.as_ref().filter(|_| w.format == "geojson") else { continue };
                kinds.insert(layer.kind);
                let v: Collection = serde_json::from_slice(&files[&w.path]).unwrap();
                let features = v.features;
                assert_eq!(features.len() as u64, w.features, "{}", w.path);
                assert!(!features.is_empty(), "{}: a layer is written only when it has features", w.path);
                let fields = schema::fields(layer.kind, properties);
                for f in features {
                    let want = match layer.geom {
                        schema::GeomKind::Point => "Point",
                        schema::GeomKind::Line => "MultiLineString",
                    };
                    assert_eq!(f.geometry["type"], want, "{}", w.path);
                    let names: Vec<&str> = f.properties.0.iter().map(|(k, _)| k.as_str()).collect();
                    let wanted: Vec<&str> = fields.iter().map(|f| f.name).collect();
                    assert_eq!(names, wanted, "{}", w.path);
                    for (field, (_, v)) in fields.iter().zip(&f.properties.0) {
                        let ok = match field.ty {
                            FieldType::Text => v.as_str().is_some_and(|s| s.parse::<Date>().is_err()),
                            FieldType::Integer => v.is_i64() || v.is_u64(),
                            FieldType::Real => v.is_f64() && v.to_string().contains('.'),
                            FieldType::Date => v.as_str().is_some_and(|s| s.parse::<Date>().is_ok()),
                            FieldType::Boolean => v.is_boolean(),
                        };
                        assert!(ok, "{}: {} = {v} is not {:?}", w.path, field.name, field.ty);
                    }
                }
            }
            assert!(kinds.len() == schema::LayerKind::ALL.len(), "{kinds:?}");
        }
    }

    #[test]
    fn an_event_known_to_its_month_is_in_no_day_layer_and_covers_its_month_in_the_timeline() {
        let csv = "id,date,place,type,actor,claim_status,claimed_by,source\n\
                   d,2021-07-09,Islam Qala,capture,Taliban,claimed,Taliban,x\n\
                   m,2021-07,Islam Qala,clash,Taliban,claimed,Taliban,x\n";
        let (report, files) = run(csv, &MapOptions { by: Some(Period::Day), ..MapOptions::default() });
        assert_eq!(report.unwrap().outside_periods, 1);
        let ids = |path: &str| -> Vec<String> {
            let v: serde_json::Value = serde_json::from_slice(&files[path]).unwrap();
            v["features"]
                .as_array()
                .unwrap()
                .iter()
                .map(|f| f["properties"]["id"].as_str().unwrap().to_string())
                .collect()
        };
        assert_eq!(ids("by-day/2021-07-09/AFG-IRN-points.geojson"), ["d"]);
        assert!(!files.keys().any(|k| k.starts_with("by-day/2021-07-01")), "{:?}", files.keys());
        let v: serde_json::Value = serde_json::from_slice(&files["timeline-points.geojson"]).unwrap();
        let m = &v["features"][1]["properties"];
        assert_eq!(
            (m["id"].as_str(), m["start"].as_str(), m["end"].as_str(), m["until"].as_str()),
            (Some("m"), Some("2021-07-01"), Some("2021-07-31"), Some("2021-08-01"))
        );
        assert_eq!(m["precision"], "month");
        let v: serde_json::Value = serde_json::from_slice(&files["places-points.geojson"]).unwrap();
        assert_eq!(v["features"][0]["properties"]["event_ids"], "m; d", "in date order");
    }

    #[test]
    fn the_first_reused_id_in_input_order_is_reported_with_its_first_use() {
        let header = "id,date,place,type,actor,claim_status,claimed_by,source\n";
        let row = |id: &str| format!("{id},2021-07-09,Islam Qala,capture,Taliban,claimed,Taliban,x\n");
        let mut csv = header.to_string();
        for id in ["z", "b", "a", "q", "a", "z", "b"] {
            csv.push_str(&row(id));
        }
        for budget in [64, crate::spill::DEFAULT_BUDGET] {
            let (r, files) = run(&csv, &MapOptions { spill_budget: budget, ..MapOptions::default() });
            match r {
                Err(MapError::DuplicateId(d)) => {
                    let text = d.to_string();
                    assert!(text.contains("events.csv:6") && text.contains("\"a\" (first at events.csv:4)"), "{text}");
                }
                other => panic!("expected a duplicate id, got {other:?}"),
            }
            assert!(files.is_empty(), "nothing written: {:?}", files.keys());
        }
    }
}
