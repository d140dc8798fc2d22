//! From events to GeoJSON layers: one per border, by period, a timeline, control intervals,
//! and the events too far from any border ("interior").
//!
//! Events stream through: each distinct place is resolved once and its geometry serialised
//! once; each feature is written to its layers as it comes (see [`writer`]). Only capture and
//! recapture events are kept in memory, for the control layer. Output is deterministic: the
//! same events give byte-identical files (features in input order, keys in fixed order, 6
//! decimals, no timestamps). The file layout is documented in `maps/README.md`.

pub mod style;
pub mod writer;

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::Path;
use std::sync::Arc;

use geo::{Coord, Geometry, MapCoords, Simplify};
use jiff::civil::Date;
use serde::Serialize;

use crate::diagnostic::Diagnostic;
use crate::events::{ClaimStatus, Event, EventType, Location, ReadError, geo_precision_for};
use crate::gazetteer::{Gazetteer, PlaceKind, Query, Status};
use crate::output::{round_coord, round_to, write_atomic};
use crate::spill::{self, SpillSort};
use writer::{LayerFiles, Written};

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
    #[error("{} invalid event record(s):\n{}", .0.len(), .0.iter().take(20).map(|d| format!("  {d}")).collect::<Vec<_>>().join("\n"))]
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

/// Why a place did not resolve (status) and its candidates or suggestions.
type NotLocated = (String, Vec<String>);

/// (border id, distance km, chainage km, side) of a place on a border layer.
type BorderRef = (String, f64, f64, Option<String>);

/// What an event's features are made from.
struct PropsContext<'a> {
    e: &'a Event,
    loc: &'a Located,
    as_reported: &'a str,
    title: &'a str,
    description: &'a str,
    style: &'a style::Style,
}

impl<'a> PropsContext<'a> {
    /// The feature of this event on a layer.
    fn feature(&self, properties: Properties, layer: &'a str, b: Option<&'a BorderRef>) -> Vec<u8> {
        match properties {
            Properties::Full => feature_json(&self.loc.geometry_json, &self.props(layer, b)),
            Properties::Compact => feature_json(&self.loc.geometry_json, &CompactProps::from(self.props(layer, b))),
        }
    }

    fn props(&self, layer: &'a str, b: Option<&'a BorderRef>) -> EventProps<'a> {
        let (e, loc) = (self.e, self.loc);
        EventProps {
            kind: "event",
            id: &e.id,
            title: self.title,
            description: self.description,
            date: Shown(e.date),
            start: Shown(e.date.start),
            end: Shown(e.date.end),
            time_precision: e.date.precision.code(),
            event_type: e.event_type.as_str(),
            acled_event_type: &e.acled_event_type,
            acled_sub_event_type: &e.acled_sub_event_type,
            actor: &e.actor,
            actor2: &e.actor2,
            claim_status: e.claim_status.as_str(),
            claimed_by: &e.claimed_by,
            disputed_by: &e.disputed_by,
            share: e.share,
            place: self.as_reported,
            place_id: loc.place_id.as_deref(),
            place_name: &loc.place_name,
            place_kind: loc.place_kind,
            matched: loc.matched,
            match_score: loc.match_score,
            geo_precision: e.geo_precision.unwrap_or(loc.default_geo_precision),
            layer,
            border: b.map(|b| b.0.as_str()).or(loc.nearest.as_ref().map(|n| n.0.as_str())),
            distance_km: b.map(|b| b.1).or(loc.nearest.as_ref().map(|n| n.1)),
            chainage_km: b.map(|b| b.2),
            side: b.and_then(|b| b.3.as_deref()),
            source: &e.source,
            url: &e.url,
            source_date: e.source_date.map(Shown),
            quote: &e.quote,
            notes: &e.notes,
            input_file: &e.origin.file,
            input_line: e.origin.line,
            style: self.style,
        }
    }
}

/// A resolved location, computed once per distinct place.
struct Located {
    place_id: Option<String>,
    place_name: String,
    place_kind: Option<&'static str>,
    matched: Option<&'static str>,
    match_score: Option<f64>,
    geometry_json: Arc<str>,
    default_geo_precision: u8,
    /// One per border the place is on; empty for the interior.
    borders: Vec<BorderRef>,
    /// Nearest border facts for interior places (for the record).
    nearest: Option<(String, f64)>,
}

fn geometry_json(g: &Geometry<f64>, simplify_deg: f64) -> String {
    let g = match g {
        Geometry::LineString(ls) if simplify_deg > 0.0 => Geometry::LineString(ls.simplify(simplify_deg)),
        Geometry::MultiLineString(ml) if simplify_deg > 0.0 => Geometry::MultiLineString(ml.simplify(simplify_deg)),
        _ => g.clone(),
    };
    let g = g.map_coords(|c| Coord { x: round_coord(c.x), y: round_coord(c.y) });
    serde_json::to_string(&geojson::Geometry::from(&g)).expect("geometry serialises")
}

fn locate(gz: &Gazetteer, loc: &Location, max_km: f64) -> Result<Located, NotLocated> {
    let r3 = |v: f64| round_to(v, 3);
    let (place_idx, matched, score) = match loc {
        Location::Point { lon, lat, label } => {
            let p = geo::Point::new(*lon, *lat);
            let facts = gz.borders().facts_for_point(p);
            let mut borders = Vec::new();
            let mut nearest = None;
            if let Some(f) = facts {
                if f.distance_km <= max_km {
                    borders.push((f.border.clone(), r3(f.distance_km), r3(f.chainage_km), f.side.clone()));
                } else {
                    nearest = Some((f.border.clone(), r3(f.distance_km)));
                }
            }
            return Ok(Located {
                place_id: None,
                place_name: label.clone().unwrap_or_else(|| format!("{lat:.5}, {lon:.5}")),
                place_kind: None,
                matched: None,
                match_score: None,
                geometry_json: geometry_json(&Geometry::Point(p), 0.0).into(),
                default_geo_precision: 1,
                borders,
                nearest,
            });
        }
        Location::PlaceId(id) => match gz.place_index(id) {
            Some(i) => (i, "place_id", None),
            None => return Err(("no such place_id".into(), Vec::new())),
        },
        Location::Name(name) => {
            let r = gz.resolve(&Query::new(name.clone()));
            match r.status {
                Status::Resolved => {
                    let c = &r.candidates[0];
                    (c.place, c.matched.as_str(), Some(round_to(c.score, 3)))
                }
                Status::Ambiguous => {
                    let list = r
                        .candidates
                        .iter()
                        .map(|c| {
                            let p = gz.place_at(c.place);
                            format!("{} ({} {}, score {:.3})", p.id, p.country_label(), p.kind, c.score)
                        })
                        .collect();
                    return Err(("ambiguous".into(), list));
                }
                s => return Err((s.as_str().to_string(), r.suggestions)),
            }
        }
    };
    let place = gz.place_at(place_idx);
    let mut borders = Vec::new();
    let mut nearest = None;
    if !place.sections.is_empty() {
        let mut seen = BTreeSet::new();
        for s in &place.sections {
            if seen.insert(s.border.clone()) {
                borders.push((s.border.clone(), 0.0, r3(s.from_km), None));
            }
        }
    } else if let Some(f) = gz.border_facts(place_idx) {
        // A country-wide event has no position on a border: its point is only a label.
        if f.distance_km <= max_km && place.kind != PlaceKind::Country {
            borders.push((f.border.clone(), r3(f.distance_km), r3(f.chainage_km), f.side.clone()));
        } else {
            nearest = Some((f.border.clone(), r3(f.distance_km)));
        }
    }
    Ok(Located {
        place_id: Some(place.id.clone()),
        place_name: place.name.clone(),
        place_kind: Some(place.kind.as_str()),
        matched: Some(matched),
        match_score: score,
        geometry_json: geometry_json(&place.geometry, EVENT_LINE_SIMPLIFY_DEG).into(),
        default_geo_precision: geo_precision_for(place.kind),
        borders,
        nearest,
    })
}

/// The properties of an event feature, in a fixed order.
#[derive(Serialize)]
struct EventProps<'a> {
    kind: &'static str,
    id: &'a str,
    title: &'a str,
    description: &'a str,
    date: Shown<crate::events::EventDate>,
    start: Shown<Date>,
    end: Shown<Date>,
    time_precision: u8,
    #[serde(rename = "type")]
    event_type: &'static str,
    acled_event_type: &'a str,
    acled_sub_event_type: &'a str,
    actor: &'a str,
    actor2: &'a str,
    claim_status: &'static str,
    claimed_by: &'a str,
    disputed_by: &'a str,
    share: Option<f64>,
    place: &'a str,
    place_id: Option<&'a str>,
    place_name: &'a str,
    place_kind: Option<&'static str>,
    matched: Option<&'static str>,
    match_score: Option<f64>,
    geo_precision: u8,
    layer: &'a str,
    border: Option<&'a str>,
    distance_km: Option<f64>,
    chainage_km: Option<f64>,
    side: Option<&'a str>,
    source: &'a str,
    url: &'a str,
    source_date: Option<Shown<Date>>,
    quote: &'a str,
    notes: &'a str,
    input_file: &'a str,
    input_line: u64,
    #[serde(flatten)]
    style: &'a style::Style,
}

/// The compact properties of an event feature ([`Properties::Compact`]), in a fixed order.
#[derive(Serialize)]
struct CompactProps<'a> {
    id: &'a str,
    start: Shown<Date>,
    end: Shown<Date>,
    time_precision: u8,
    #[serde(rename = "type")]
    event_type: &'static str,
    actor: &'a str,
    actor2: &'a str,
    claim_status: &'static str,
    claimed_by: &'a str,
    disputed_by: &'a str,
    share: Option<f64>,
    place: &'a str,
    place_id: Option<&'a str>,
    place_name: &'a str,
    geo_precision: u8,
    border: Option<&'a str>,
    distance_km: Option<f64>,
    side: Option<&'a str>,
    source: &'a str,
    url: &'a str,
    source_date: Option<Shown<Date>>,
}

impl<'a> From<EventProps<'a>> for CompactProps<'a> {
    /// The compact subset of the full properties (so that both say the same).
    fn from(p: EventProps<'a>) -> Self {
        CompactProps {
            id: p.id,
            start: p.start,
            end: p.end,
            time_precision: p.time_precision,
            event_type: p.event_type,
            actor: p.actor,
            actor2: p.actor2,
            claim_status: p.claim_status,
            claimed_by: p.claimed_by,
            disputed_by: p.disputed_by,
            share: p.share,
            place: p.place,
            place_id: p.place_id,
            place_name: p.place_name,
            geo_precision: p.geo_precision,
            border: p.border,
            distance_km: p.distance_km,
            side: p.side,
            source: p.source,
            url: p.url,
            source_date: p.source_date,
        }
    }
}

/// A value written as its text (`Display`) straight into the JSON, without a String.
struct Shown<T>(T);

impl<T: std::fmt::Display> Serialize for Shown<T> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(&self.0)
    }
}

fn description(e: &Event) -> String {
    let mut parts = vec![e.date.to_string()];
    if !e.actor.is_empty() {
        parts.push(e.actor.clone());
    }
    let mut claim = e.claim_status.as_str().to_string();
    if !e.claimed_by.is_empty() {
        claim.push_str(&format!(": claimed by {}", e.claimed_by));
    }
    if !e.disputed_by.is_empty() {
        let verb = if e.claim_status == ClaimStatus::Denied { "denied" } else { "disputed" };
        claim.push_str(&format!("; {verb} by {}", e.disputed_by));
    }
    parts.push(claim);
    if let Some(s) = e.share {
        parts.push(format!("share {:.0} %", s * 100.0));
    }
    let mut src = if e.source.is_empty() { "source not given".to_string() } else { e.source.clone() };
    if let Some(d) = e.source_date {
        src.push_str(&format!(", {d}"));
    }
    if !e.url.is_empty() {
        src.push_str(&format!(", {}", e.url));
    }
    parts.push(src);
    parts.join(" · ")
}

fn feature_json(geometry: &str, props: &impl Serialize) -> Vec<u8> {
    let mut buf = Vec::with_capacity(512 + geometry.len());
    buf.extend_from_slice(b"{\"type\":\"Feature\",\"geometry\":");
    buf.extend_from_slice(geometry.as_bytes());
    buf.extend_from_slice(b",\"properties\":");
    serde_json::to_writer(&mut buf, props).expect("properties serialise");
    buf.push(b'}');
    buf
}

/// The border line feature that heads each border layer.
fn border_feature(gz: &Gazetteer, id: &str) -> Vec<u8> {
    let b = gz.borders().border(id).expect("known border");
    #[derive(Serialize)]
    struct Props<'a> {
        kind: &'static str,
        id: &'a str,
        title: &'a str,
        description: String,
        border: &'a str,
        length_km: f64,
        source: &'a str,
        license: &'a str,
        stroke: &'static str,
        #[serde(rename = "stroke-width")]
        stroke_width: f64,
        #[serde(rename = "stroke-opacity")]
        stroke_opacity: f64,
    }
    let length = round_to(b.length_km(), 1);
    let props = Props {
        kind: "border",
        id: &b.id,
        title: &b.name,
        description: format!("{} km; {}", length, b.license),
        border: &b.id,
        length_km: length,
        source: &b.source,
        license: &b.license,
        stroke: "#444444",
        stroke_width: 2.0,
        stroke_opacity: 0.9,
    };
    feature_json(&geometry_json(&Geometry::LineString(b.line.clone()), BORDER_LINE_SIMPLIFY_DEG), &props)
}

/// A capture or recapture, kept (in a [`SpillSort`]) for the control layer.
#[derive(Serialize, serde::Deserialize)]
struct ControlEvent {
    place_key: String,
    start: Date,
    event_id: String,
    event_type: EventType,
    actor: String,
    claim_status: ClaimStatus,
    claimed_by: String,
    disputed_by: String,
    source: String,
    place_name: String,
    /// The location's key in the run's place cache (its geometry is there).
    location: String,
    border: Option<String>,
}

impl ControlEvent {
    /// The record to sort: place, start date, event id (the order of the intervals), then the
    /// whole event.
    fn record(&self) -> Vec<u8> {
        let mut r = Vec::with_capacity(256);
        spill::key(&mut r, &self.place_key);
        r.extend_from_slice(&date_key(self.start));
        spill::key(&mut r, &self.event_id);
        serde_json::to_writer(&mut r, self).expect("control event serialises");
        r
    }

    fn from_record(r: &[u8]) -> std::io::Result<Self> {
        let bad = || std::io::Error::other("corrupt control record");
        let (_, rest) = spill::split_key(r).ok_or_else(bad)?;
        let (_, rest) = spill::split_key(rest.get(4..).ok_or_else(bad)?).ok_or_else(bad)?;
        serde_json::from_slice(rest).map_err(|_| bad())
    }
}

/// A date as 4 bytes whose byte order is the date order.
fn date_key(d: Date) -> [u8; 4] {
    let y = (i32::from(d.year()) + 32768) as u16;
    let [a, b] = y.to_be_bytes();
    [a, b, d.month() as u8, d.day() as u8]
}

/// An event id and where it was read, to find ids used twice without holding them all.
fn id_record(id: &str, file: u32, line: u64) -> Vec<u8> {
    let mut r = Vec::with_capacity(id.len() + 14);
    spill::key(&mut r, id);
    r.extend_from_slice(&file.to_be_bytes());
    r.extend_from_slice(&line.to_be_bytes());
    r
}

/// The first event (in input order) whose id an earlier event has, with that earlier one.
fn first_duplicate(
    ids: SpillSort,
    files: &[String],
) -> std::io::Result<Option<(String, crate::gazetteer::Origin, crate::gazetteer::Origin)>> {
    let origin = |rest: &[u8]| {
        let file = u32::from_be_bytes(rest[..4].try_into().expect("4 bytes")) as usize;
        let line = u64::from_be_bytes(rest[4..12].try_into().expect("8 bytes"));
        ((file, line), crate::gazetteer::Origin { file: files[file].clone(), line })
    };
    let mut previous: Option<Vec<u8>> = None;
    let mut found: Option<((usize, u64), String, crate::gazetteer::Origin, crate::gazetteer::Origin)> = None;
    for r in ids.finish()? {
        let r = r?;
        let (id, rest) = spill::split_key(&r).ok_or_else(|| std::io::Error::other("corrupt id record"))?;
        if let Some(p) = &previous
            && let Some((pid, prest)) = spill::split_key(p)
            && pid == id
        {
            // Sorted by id, then input order: `p` came first.
            let (at, second) = origin(rest);
            if found.as_ref().is_none_or(|f| at < f.0) {
                found = Some((at, id, origin(prest).1, second));
            }
            continue; // keep the first occurrence as `previous`
        }
        previous = Some(r);
    }
    Ok(found.map(|(_, id, first, second)| (id, first, second)))
}

/// The layers of a run and what writing an event to them needs: run on a thread of its own,
/// fed in input order, so that building, serialising and appending features (half the work of
/// a large run) overlaps with reading and locating.
struct LayerSink<'h> {
    files: LayerFiles,
    opts: MapOptions,
    heads: HashMap<&'h str, Vec<u8>>,
    border_layers: HashMap<&'h str, writer::LayerId>,
    interior_layer: Option<writer::LayerId>,
    timeline_layer: Option<writer::LayerId>,
    /// The layer of each (start date, border) of the per-period layers.
    period_layers: HashMap<Date, HashMap<String, writer::LayerId>>,
    /// The period of each per-period layer.
    periods: BTreeMap<String, String>,
}

impl<'h> LayerSink<'h> {
    /// Starts the layers every run has: each border's, headed by its line (simplified and
    /// serialised once: it heads the per-period layers too), interior and timeline.
    fn new(gz: &'h Gazetteer, out_dir: &Path, opts: &MapOptions) -> std::io::Result<Self> {
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
    fn run(mut self, rx: std::sync::mpsc::Receiver<Vec<(Event, Arc<Located>)>>) -> std::io::Result<Self> {
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
const SINK_BATCH: usize = 256;

/// Maps events into layers under `out_dir`, a new folder of the run's own (a
/// [`crate::publish::Staging`] folder, which replaces the published one in one step when the
/// run succeeds). An error (invalid records, an input without events, place names that do not
/// resolve without `allow_unresolved`) leaves `out_dir` to be thrown away.
pub fn map_events<I>(gz: &Gazetteer, events: I, out_dir: &Path, opts: &MapOptions) -> Result<MapReport, MapError>
where
    I: IntoIterator<Item = Result<Event, ReadError>>,
{
    let io = |path: &Path| {
        let path = path.display().to_string();
        move |e: std::io::Error| MapError::Io { path, message: crate::publish::os_message(&e) }
    };
    let mut report = MapReport::default();
    let mut invalid = Vec::new();
    let mut cache: HashMap<String, Result<Arc<Located>, NotLocated>> = HashMap::new();
    let mut key_buf = String::new();
    // Ids and captures are sorted on disk when they outgrow memory: memory does not grow
    // with the number of events.
    // Their runs go to the output folder, which has room for the layers, rather than the
    // system's temporary folder, which may be small.
    let sink = LayerSink::new(gz, out_dir, opts).map_err(io(out_dir))?;
    let mut ids = SpillSort::new_in(opts.spill_budget / 2, out_dir);
    let mut input_files: Vec<String> = Vec::new();
    let mut control = SpillSort::new_in(opts.spill_budget / 2, out_dir);
    let mut reported_unresolved: BTreeSet<String> = BTreeSet::new();
    let mut horizon: Option<Date> = None;

    std::thread::scope(|scope| {
        let (tx, rx) = std::sync::mpsc::sync_channel::<Vec<(Event, Arc<Located>)>>(4);
        let layer_thread = std::thread::Builder::new()
            .name("bordermap-layers".into())
            .spawn_scoped(scope, move || sink.run(rx))
            .map_err(io(out_dir))?;
        let mut batch = Vec::with_capacity(SINK_BATCH);
        let mut sink_stopped = false;
        for item in events {
            let e = match item {
                Ok(e) => e,
                Err(ReadError(d)) => {
                    invalid.extend(d);
                    continue;
                }
            };
            report.events_read += 1;
            if input_files.last() != Some(&e.origin.file) {
                input_files.push(e.origin.file.clone());
            }
            ids.push(&id_record(&e.id, (input_files.len() - 1) as u32, e.origin.line)).map_err(io(out_dir))?;
            if !invalid.is_empty() {
                continue; // keep reading to report every bad record, but write nothing more
            }
            if opts.as_of.is_some_and(|d| e.date.start > d) {
                report.after_as_of += 1;
                continue;
            }
            horizon = horizon.max(Some(e.date.end));
            // The place's key in the cache, built in a reused buffer: most events name a place
            // seen before, and then nothing is allocated.
            key_buf.clear();
            let as_reported = match &e.location {
                Location::Name(n) => {
                    key_buf.push_str("n:");
                    key_buf.extend(n.chars().flat_map(char::to_lowercase));
                    n.as_str()
                }
                Location::PlaceId(id) => {
                    key_buf.push_str("i:");
                    key_buf.push_str(id);
                    id.as_str()
                }
                Location::Point { lon, lat, label } => {
                    use std::fmt::Write;
                    let _ = write!(key_buf, "p:{lon},{lat}");
                    label.as_deref().unwrap_or("")
                }
            };
            let key = key_buf.as_str();
            let located = match cache.get(key) {
                Some(l) => l.clone(),
                None => {
                    let l = locate(gz, &e.location, opts.max_distance_km).map(Arc::new);
                    cache.insert(key.to_string(), l.clone());
                    l
                }
            };
            let loc = match located {
                Ok(l) => l,
                Err((status, suggestions)) => {
                    report.unresolved.push(Unresolved {
                        origin: e.origin.clone(),
                        event_id: e.id.clone(),
                        place: as_reported.to_string(),
                        status,
                        suggestions,
                    });
                    reported_unresolved.insert(key.to_string());
                    continue;
                }
            };

            let want = &opts.layers;
            if loc.borders.is_empty() {
                report.interior += 1;
            } else {
                report.on_borders += 1;
            }
            if want.control && matches!(e.event_type, EventType::Capture | EventType::Recapture) {
                let c = ControlEvent {
                    place_key: loc.place_id.clone().unwrap_or_else(|| key.to_string()),
                    start: e.date.start,
                    event_id: e.id.clone(),
                    event_type: e.event_type,
                    actor: e.actor.clone(),
                    claim_status: e.claim_status,
                    claimed_by: e.claimed_by.clone(),
                    disputed_by: e.disputed_by.clone(),
                    source: e.source.clone(),
                    place_name: loc.place_name.clone(),
                    location: key.to_string(),
                    border: loc.borders.first().map(|b| b.0.clone()),
                };
                control.push(&c.record()).map_err(io(out_dir))?;
            }
            batch.push((e, loc));
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
            Ok(r) => r.map_err(io(out_dir))?,
            Err(panic) => std::panic::resume_unwind(panic),
        };
        let LayerSink { mut files, periods, .. } = sink;

        if let Some((id, first, second)) = first_duplicate(ids, &input_files).map_err(io(out_dir))? {
            return Err(MapError::DuplicateId(Diagnostic::error(
                &second.file,
                Some(second.line),
                Some("id"),
                format!("duplicate event id {id:?} (first at {first})"),
            )));
        }
        if !invalid.is_empty() {
            return Err(MapError::Invalid(invalid));
        }
        if !opts.allow_empty {
            let seen: BTreeSet<&str> = input_files.iter().map(String::as_str).collect();
            let mut empty: Vec<String> = opts.inputs.iter().filter(|i| !seen.contains(i.as_str())).cloned().collect();
            if report.events_read == 0 && empty.is_empty() {
                empty.push("the input".into());
            }
            if !empty.is_empty() {
                return Err(MapError::Empty(empty));
            }
        }
        if !report.unresolved.is_empty() && !opts.allow_unresolved {
            return Err(MapError::Unresolved(report.unresolved));
        }
        report.places = cache.len() - reported_unresolved.len();
        let geometry_of = |location: &str| match cache.get(location) {
            Some(Ok(l)) => l.geometry_json.clone(),
            _ => Arc::from("null"),
        };
        if opts.layers.control {
            write_control(&mut files, control, &geometry_of, opts.as_of.or(horizon)).map_err(io(out_dir))?;
        }
        let mut written = files.commit().map_err(io(out_dir))?;

        if opts.allow_unresolved {
            let path = out_dir.join("unresolved.csv");
            write_unresolved(&path, &report.unresolved).map_err(io(&path))?;
            written.push(Written { path: "unresolved.csv".into(), features: report.unresolved.len() as u64 });
        }
        let index_path = out_dir.join(crate::publish::INDEX);
        let index = index_json(&written, &periods, opts, &report);
        write_atomic(&index_path, &index).map_err(io(&index_path))?;
        written.push(Written { path: crate::publish::INDEX.into(), features: 0 });
        written.sort_by(|a, b| a.path.cmp(&b.path));
        report.files = written;
        Ok(report)
    })
}

/// Control intervals: per place, each capture or recapture starts an interval for its actor,
/// which ends where the next one by another actor starts. An interval still open ends at
/// `horizon` (the `--as-of` date, or the last date in the data) with `ongoing` true, so that
/// `end` is always a date and GIS software types it as one. The interval carries the claim
/// status of the event that started it.
fn write_control(
    files: &mut LayerFiles,
    events: SpillSort,
    geometry_of: &dyn Fn(&str) -> Arc<str>,
    horizon: Option<Date>,
) -> std::io::Result<()> {
    #[derive(Serialize)]
    struct Props<'a> {
        kind: &'static str,
        id: String,
        title: String,
        description: String,
        place_id: &'a str,
        place_name: &'a str,
        actor: &'a str,
        start: String,
        end: Option<String>,
        ongoing: bool,
        claim_status: &'static str,
        claimed_by: &'a str,
        disputed_by: &'a str,
        started_by: &'a str,
        start_type: &'static str,
        ended_by: Option<&'a str>,
        border: Option<&'a str>,
        source: &'a str,
        #[serde(flatten)]
        style: &'a style::Style,
    }
    files.start("control.geojson")?;
    // In (place, start, event id) order, an interval is one event followed by those of the same
    // actor at the same place; the next event by another actor there ends it.
    let mut sorted = events.finish()?.map(|r| r.and_then(|r| ControlEvent::from_record(&r)));
    let mut current = sorted.next().transpose()?;
    while let Some(e) = current {
        let mut following = sorted.next().transpose()?;
        while following.as_ref().is_some_and(|n| n.place_key == e.place_key && n.actor == e.actor) {
            following = sorted.next().transpose()?;
        }
        let next = following.as_ref().filter(|n| n.place_key == e.place_key);
        let end = next.map(|n| n.start).or(horizon);
        let props = Props {
            kind: "control",
            id: format!("control-{}", e.event_id),
            title: format!(
                "{} holds {} ({})",
                if e.actor.is_empty() { "?" } else { &e.actor },
                e.place_name,
                e.claim_status
            ),
            description: format!(
                "from {}{}; {}{}{}",
                e.start,
                match (next, end) {
                    (Some(_), Some(d)) => format!(" to {d}"),
                    (None, Some(d)) => format!(", still held on {d}"),
                    _ => " (ongoing)".into(),
                },
                e.claim_status,
                if e.claimed_by.is_empty() { String::new() } else { format!(": claimed by {}", e.claimed_by) },
                if e.disputed_by.is_empty() { String::new() } else { format!("; disputed by {}", e.disputed_by) }
            ),
            place_id: &e.place_key,
            place_name: &e.place_name,
            actor: &e.actor,
            start: e.start.to_string(),
            end: end.map(|d| d.to_string()),
            ongoing: next.is_none(),
            claim_status: e.claim_status.as_str(),
            claimed_by: &e.claimed_by,
            disputed_by: &e.disputed_by,
            started_by: &e.event_id,
            start_type: e.event_type.as_str(),
            ended_by: next.map(|n| n.event_id.as_str()),
            border: e.border.as_deref(),
            source: &e.source,
            style: style::event_style(e.event_type, e.claim_status),
        };
        files.push("control.geojson", &feature_json(&geometry_of(&e.location), &props))?;
        current = following;
    }
    Ok(())
}

fn write_unresolved(path: &Path, list: &[Unresolved]) -> std::io::Result<()> {
    crate::output::write_atomic_with(path, |w| {
        let mut csv = csv::Writer::from_writer(w);
        csv.write_record(["file", "line", "event_id", "place", "status", "suggestions"])?;
        for u in list {
            csv.write_record([
                u.origin.file.as_str(),
                &u.origin.line.to_string(),
                &u.event_id,
                &u.place,
                &u.status,
                &u.suggestions.join("; "),
            ])?;
        }
        csv.flush()
    })
}

fn index_json(
    written: &[Written],
    periods: &BTreeMap<String, String>,
    opts: &MapOptions,
    report: &MapReport,
) -> Vec<u8> {
    #[derive(Serialize)]
    struct FileOut<'a> {
        path: &'a str,
        layer: String,
        period: Option<&'a str>,
        features: u64,
    }
    #[derive(Serialize)]
    struct Index<'a> {
        generator: String,
        max_distance_km: f64,
        by: Option<&'static str>,
        as_of: Option<String>,
        events_read: u64,
        events_on_borders: u64,
        events_interior: u64,
        events_after_as_of: u64,
        events_unresolved: usize,
        places_resolved: usize,
        files: Vec<FileOut<'a>>,
    }
    let files = written
        .iter()
        .map(|w| {
            let stem = w.path.rsplit('/').next().unwrap_or(&w.path);
            FileOut {
                path: &w.path,
                layer: stem.trim_end_matches(".geojson").trim_end_matches(".csv").to_string(),
                period: periods.get(&w.path).map(String::as_str),
                features: w.features,
            }
        })
        .collect();
    let index = Index {
        generator: format!("bordermap {}", env!("CARGO_PKG_VERSION")),
        max_distance_km: opts.max_distance_km,
        by: opts.by.map(|p| p.name()),
        as_of: opts.as_of.map(|d| d.to_string()),
        events_read: report.events_read,
        events_on_borders: report.on_borders,
        events_interior: report.interior,
        events_after_as_of: report.after_as_of,
        events_unresolved: report.unresolved.len(),
        places_resolved: report.places,
        files,
    };
    let mut out = serde_json::to_vec_pretty(&index).expect("index serialises");
    out.push(b'\n');
    out
}

#[cfg(test)]
mod tests {
    use super::*;
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
