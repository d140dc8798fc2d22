//! From events to GeoJSON layers: one per border, by period, a timeline, control intervals,
//! and the events too far from any border ("interior").
//!
//! Events stream through: each distinct place is resolved once and its geometry serialised
//! once; each feature is written to its layers as it comes (see [`writer`]). Only capture and
//! recapture events are kept in memory, for the control layer. Output is deterministic: the
//! same events give byte-identical files (features in input order, keys in fixed order, 6
//! decimals, no timestamps). The file layout is documented in `maps/README.md`.

mod control;
mod duplicates;
mod feature;
pub mod gpkg;
mod place;
mod report;
mod sink;
pub mod schema;
pub mod style;
pub mod writer;

use std::collections::{BTreeSet, HashMap};
use std::path::Path;
use std::sync::Arc;

use jiff::civil::Date;

use crate::diagnostic::Diagnostic;
use crate::events::{Event, EventType, Location, ReadError};
use crate::gazetteer::Gazetteer;
use crate::output::write_atomic;
use crate::spill::{self, SpillSort};
use control::{ControlEvent, write_control};
use duplicates::{first_duplicate, id_record};
use place::{Located, NotLocated, locate};
use report::{index_json, write_unresolved};
use sink::{LayerSink, SINK_BATCH};
use writer::Written;

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

/// Periods for `--by`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Period {
    /// One layer set per day.
    Day,
    /// Per ISO week.
    Week,
    /// Per month.
    Month,
}

impl Period {
    /// day, week or month.
    pub fn name(self) -> &'static str {
        match self {
            Period::Day => "day",
            Period::Week => "week",
            Period::Month => "month",
        }
    }

    /// Folder name under the output folder.
    pub fn folder(self) -> &'static str {
        match self {
            Period::Day => "by-day",
            Period::Week => "by-week",
            Period::Month => "by-month",
        }
    }

    /// The period a date falls in, as text: `2021-07-09`, `2021-W27`, `2021-07`.
    pub fn key(self, d: Date) -> String {
        match self {
            Period::Day => d.to_string(),
            Period::Week => {
                let w = d.iso_week_date();
                format!("{:04}-W{:02}", w.year(), w.week())
            }
            Period::Month => format!("{:04}-{:02}", d.year(), d.month()),
        }
    }
}

/// How to map.
#[derive(Debug, Clone)]
pub struct MapOptions {
    /// Events farther than this from every border go to the interior layer.
    pub max_distance_km: f64,
    /// Also write per-border layers for each period that has events.
    pub by: Option<Period>,
    /// Only events that started on or before this date; control intervals end there at the
    /// latest.
    pub as_of: Option<Date>,
    /// Write the rest when some place names do not resolve (listed in `unresolved.csv`).
    pub allow_unresolved: bool,
    /// Memory for sorting event ids (duplicates) and captures (control intervals), in bytes;
    /// beyond it they are sorted in runs on disk. Output does not depend on it.
    pub spill_budget: usize,
    /// Which layers to write.
    pub layers: Layers,
    /// How much each event feature carries.
    pub properties: Properties,
    /// The inputs, as their readers label events' origins (`events.csv`, `<stdin>`): each
    /// must give at least one event, unless `allow_empty`. When empty, the run as a whole must.
    pub inputs: Vec<String>,
    /// Publish even when an input (or the whole run) has no events.
    pub allow_empty: bool,
}

/// The layer families a run writes (`index.json` always). All by default.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Layers {
    /// One layer per border, headed by its line (`AFG-TJK.geojson` …).
    pub borders: bool,
    /// One layer per border and period (`by-day/2021-07-09/AFG-TJK.geojson` …), with `by`.
    pub periods: bool,
    /// Every event once, with start and end dates (`timeline.geojson`).
    pub timeline: bool,
    /// Control intervals from captures and recaptures (`control.geojson`).
    pub control: bool,
    /// Events beyond the distance limit and country-wide ones (`interior.geojson`).
    pub interior: bool,
}

impl Default for Layers {
    fn default() -> Self {
        Layers { borders: true, periods: true, timeline: true, control: true, interior: true }
    }
}

impl Layers {
    /// None of them (to switch on one by one).
    pub const NONE: Layers =
        Layers { borders: false, periods: false, timeline: false, control: false, interior: false };
}

/// How much an event feature carries.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Properties {
    /// Every field of the record, what the mapper found (match, distance, chainage, side),
    /// a title and description for pop-ups, simplestyle styling, the input file and line.
    #[default]
    Full,
    /// The fields an analyst filters and styles on, and provenance: id, dates, type, actors,
    /// claim, place, border, distance, source, URL (about a third of the size; for extracts of
    /// millions of events). Quote, notes, titles and styling are left out.
    Compact,
}

impl Default for MapOptions {
    fn default() -> Self {
        MapOptions {
            max_distance_km: DEFAULT_MAX_DISTANCE_KM,
            by: None,
            as_of: None,
            allow_unresolved: false,
            spill_budget: spill::DEFAULT_BUDGET,
            layers: Layers::default(),
            properties: Properties::Full,
            inputs: Vec::new(),
            allow_empty: false,
        }
    }
}

/// A place name that did not resolve to one place.
#[derive(Debug, Clone, PartialEq)]
pub struct Unresolved {
    /// File and line of the first event that names it.
    pub origin: crate::gazetteer::Origin,
    /// Event id.
    pub event_id: String,
    /// The name or place_id as given.
    pub place: String,
    /// unknown, ambiguous, generic, or no such id.
    pub status: String,
    /// Candidates (ambiguous) or suggestions (unknown).
    pub suggestions: Vec<String>,
}

/// What a run produced.
#[derive(Debug, Default)]
pub struct MapReport {
    /// Files written, in path order (index.json and unresolved.csv included).
    pub files: Vec<Written>,
    /// Events read.
    pub events_read: u64,
    /// Events on a border layer.
    pub on_borders: u64,
    /// Events in the interior layer.
    pub interior: u64,
    /// Events after `as_of`, left out by request.
    pub after_as_of: u64,
    /// Events whose place did not resolve.
    pub unresolved: Vec<Unresolved>,
    /// Distinct places resolved.
    pub places: usize,
}

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
        let sink = match layer_thread.join() {
            Ok(r) => r.map_err(io_error(out_dir))?,
            Err(panic) => std::panic::resume_unwind(panic),
        };
        run.finish(sink)
    })
}

/// A run's `MapError::Io` for a path.
fn io_error(path: &Path) -> impl FnOnce(std::io::Error) -> MapError + use<> {
    let path = path.display().to_string();
    move |e: std::io::Error| MapError::Io { path, message: crate::publish::os_message(&e) }
}

/// The reading and placing side of a run: what it has seen, the places it has located (each
/// distinct place once), and the ids and captures it sorts for the end.
struct Run<'g> {
    gz: &'g Gazetteer,
    opts: &'g MapOptions,
    out_dir: &'g Path,
    report: MapReport,
    invalid: Vec<Diagnostic>,
    cache: HashMap<String, Result<Arc<Located>, NotLocated>>,
    /// The cache key of the current event, built in a reused buffer: most events name a place
    /// seen before, and then nothing is allocated.
    key_buf: String,
    /// (id, input, line) of every event, to find ids used twice.
    ids: SpillSort,
    /// The inputs that gave events, in order.
    input_files: Vec<String>,
    /// Captures and recaptures, for the control layer.
    control: SpillSort,
    /// Cache keys of places that did not resolve.
    unresolved_keys: BTreeSet<String>,
    /// The last date in the data: where open control intervals end without --as-of.
    horizon: Option<Date>,
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
            cache: HashMap::new(),
            key_buf: String::new(),
            ids: SpillSort::new_in(opts.spill_budget / 2, out_dir),
            input_files: Vec::new(),
            control: SpillSort::new_in(opts.spill_budget / 2, out_dir),
            unresolved_keys: BTreeSet::new(),
            horizon: None,
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
        let as_reported = cache_key(&mut self.key_buf, &e.location);
        let key = self.key_buf.as_str();
        let located = match self.cache.get(key) {
            Some(l) => l.clone(),
            None => {
                let l = locate(self.gz, &e.location, opts.max_distance_km).map(Arc::new);
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
        if loc.borders.is_empty() {
            self.report.interior += 1;
        } else {
            self.report.on_borders += 1;
        }
        if opts.layers.control && matches!(e.event_type, EventType::Capture | EventType::Recapture) {
            let c = ControlEvent::new(&e, &loc, key);
            self.control.push(&c.record()).map_err(io_error(out_dir))?;
        }
        Ok(Some((e, loc)))
    }

    /// After the input: the checks that need all of it (ids used twice, invalid records,
    /// empty inputs, unresolved places), then the control layer, the layers closed, and the
    /// run's report files.
    fn finish(self, sink: LayerSink) -> Result<MapReport, MapError> {
        let (opts, out_dir) = (self.opts, self.out_dir);
        let LayerSink { mut files, periods, .. } = sink;
        if let Some((id, first, second)) = first_duplicate(self.ids, &self.input_files).map_err(io_error(out_dir))? {
            return Err(MapError::DuplicateId(Diagnostic::error(
                &second.file,
                Some(second.line),
                Some("id"),
                format!("duplicate event id {id:?} (first at {first})"),
            )));
        }
        if !self.invalid.is_empty() {
            return Err(MapError::Invalid(self.invalid));
        }
        if !opts.allow_empty {
            let seen: BTreeSet<&str> = self.input_files.iter().map(String::as_str).collect();
            let mut empty: Vec<String> = opts.inputs.iter().filter(|i| !seen.contains(i.as_str())).cloned().collect();
            if self.report.events_read == 0 && empty.is_empty() {
                empty.push("the input".into());
            }
            if !empty.is_empty() {
                return Err(MapError::Empty(empty));
            }
        }
        let mut report = self.report;
        if !report.unresolved.is_empty() && !opts.allow_unresolved {
            return Err(MapError::Unresolved(report.unresolved));
        }
        report.places = self.cache.len() - self.unresolved_keys.len();
        let cache = &self.cache;
        let geometry_of = |location: &str| match cache.get(location) {
            Some(Ok(l)) => l.geometry_json.clone(),
            _ => Arc::from("null"),
        };
        if opts.layers.control {
            write_control(&mut files, self.control, &geometry_of, opts.as_of.or(self.horizon))
                .map_err(io_error(out_dir))?;
        }
        let mut written = files.commit().map_err(io_error(out_dir))?;
        if opts.allow_unresolved {
            let path = out_dir.join("unresolved.csv");
            write_unresolved(&path, &report.unresolved).map_err(io_error(&path))?;
            written.push(Written { path: "unresolved.csv".into(), features: report.unresolved.len() as u64 });
        }
        let index_path = out_dir.join(crate::publish::INDEX);
        let index = index_json(&written, &periods, opts, &report);
        write_atomic(&index_path, &index).map_err(io_error(&index_path))?;
        written.push(Written { path: crate::publish::INDEX.into(), features: 0 });
        written.sort_by(|a, b| a.path.cmp(&b.path));
        report.files = written;
        Ok(report)
    }
}

/// Writes the cache key of a location into `buf` (`n:` a name lower-cased, `i:` a place id,
/// `p:` a point) and returns the location as reported.
fn cache_key<'e>(buf: &mut String, location: &'e Location) -> &'e str {
    buf.clear();
    match location {
        Location::Name(n) => {
            buf.push_str("n:");
            buf.extend(n.chars().flat_map(char::to_lowercase));
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
        assert!(in_memory.contains_key("control.geojson") && in_memory.len() > 10);
        assert_eq!(in_memory.keys().collect::<Vec<_>>(), spilled.keys().collect::<Vec<_>>());
        for (k, v) in &in_memory {
            assert!(v == &spilled[k], "{k} differs when sorted on disk");
        }
        let control: serde_json::Value = serde_json::from_slice(&in_memory["control.geojson"]).unwrap();
        assert!(control["features"].as_array().unwrap().len() >= 3);
    }

    #[test]
    fn the_first_reused_id_in_input_order_is_reported_with_its_first_use() {
        let header = "id,date,place,type,actor,claim_status,claimed_by,source\n";
        let row = |id: &str| format!("{id},2021-07-09,Islam Qala,capture,Taliban,claimed,Taliban,x\n");
        let mut csv = header.to_string();
        for id in ["z", "b", "a", "q", "a", "z", "b"] {
            csv.push_str(&row(id));
        }
        for budget in [64, spill::DEFAULT_BUDGET] {
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
