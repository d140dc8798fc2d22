//! A layers folder (the output of `bordermap map`) read back for drawing: the borders, every
//! event once, the control intervals and the shares table, with the styles of the layers.
//! `view` embeds it in an HTML page; `render` draws it as SVG or PNG.
//!
//! Lines are simplified (Ramer–Douglas–Peucker, [`SIMPLIFY_DEG`]) and coordinates rounded to
//! [`DECIMALS`]: a picture needs far less than the layers' 6 decimals, and the page stays small.
//! Reading is bounded: a file over [`MAX_FILE_BYTES`] is refused, not read.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use geo::{LineString, Simplify};
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::events::{ClaimStatus, EventType};
use crate::layers::style;

/// Tolerance of the line simplification, in degrees (~100 m).
pub const SIMPLIFY_DEG: f64 = 0.001;
/// Decimals kept in the scene's coordinates (~1 m).
pub const DECIMALS: i32 = 5;
/// The largest layer file read (a layers folder of 10 M events has no single file this big
/// among those read here: the timeline is split by kind of geometry).
pub const MAX_FILE_BYTES: u64 = 2 << 30;

/// A position: lon, lat (WGS84).
pub type Position = [f64; 2];

/// What went wrong reading a layers folder.
#[derive(Debug, thiserror::Error)]
pub enum SceneError {
    /// The folder has no `index.json`: it is not a layers folder.
    #[error(
        "{0}: no index.json here; give the folder `bordermap map --out DIR` wrote (e.g. maps/afghan-borders-2021/layers)"
    )]
    NotLayers(PathBuf),
    /// A file could not be read.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
    /// A file is not what `map` writes.
    #[error("{path}: {message}")]
    Format {
        /// The file.
        path: PathBuf,
        /// What is wrong, with the feature or line.
        message: String,
    },
}

/// A feature's geometry in the scene.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub enum Shape {
    /// A point.
    Point(Position),
    /// Lines (a MultiLineString's parts).
    Lines(Vec<Vec<Position>>),
}

/// One border line.
#[derive(Debug, Clone, Serialize)]
pub struct SceneBorder {
    /// `AFG-TJK` etc.
    pub id: String,
    /// "Afghanistan-Tajikistan border".
    pub title: String,
    /// Geodesic length.
    pub length_km: f64,
    /// Where the geometry comes from, and its licence.
    pub source: String,
    /// The line's parts.
    pub lines: Vec<Vec<Position>>,
}

/// One event, as its layers give it (the fields a reader of the map needs).
#[derive(Debug, Clone, Serialize)]
pub struct SceneEvent {
    /// Event id.
    pub id: String,
    /// Event type (`capture` …).
    #[serde(rename = "type")]
    pub event_type: String,
    /// `confirmed`, `claimed`, `disputed` or `denied`.
    pub claim_status: String,
    /// Main actor.
    pub actor: String,
    /// The other side.
    pub actor2: String,
    /// First day.
    pub start: String,
    /// Last day.
    pub end: String,
    /// The day after `end` (exclusive end).
    pub until: String,
    /// `day`, `week`, `month`, `range` …
    pub precision: String,
    /// The borders it is drawn on (empty: interior).
    pub borders: Vec<String>,
    /// The place as resolved.
    pub place_name: String,
    /// The layer's title for it.
    pub title: String,
    /// Who made the claim.
    pub claimed_by: String,
    /// Who disputed or denied it.
    pub disputed_by: String,
    /// The claimed share, as text (`0.67`), or empty.
    pub share: String,
    /// Outlet(s).
    pub source: String,
    /// URL(s), `|`-separated.
    pub url: String,
    /// Outlet and date, for a citation.
    pub citation: String,
    /// The supporting quote.
    pub quote: String,
    /// Remarks.
    pub notes: String,
    /// The layer's colour for it (by type and status).
    pub color: String,
    /// Where.
    pub shape: Shape,
}

/// One control interval: who holds a place from `start` until `until` (exclusive).
#[derive(Debug, Clone, Serialize)]
pub struct SceneControl {
    /// `control-<event id>`.
    pub id: String,
    /// The place.
    pub place_name: String,
    /// Who holds it.
    pub actor: String,
    /// The claim status of the event that started it.
    pub claim_status: String,
    /// First day held.
    pub start: String,
    /// The first day no longer held (or the day after the horizon).
    pub until: String,
    /// Still held at the horizon.
    pub ongoing: bool,
    /// Who claimed the event that started it.
    pub claimed_by: String,
    /// Who disputed it.
    pub disputed_by: String,
    /// The event that started it.
    pub started_by: String,
    /// The event that ended it, or empty.
    pub ended_by: String,
    /// Its border, or empty.
    pub border: String,
    /// The layer's colour.
    pub color: String,
    /// Where.
    pub shape: Shape,
}

/// A row of `shares.csv` (see `maps/README.md`, "Claims weighed against the record").
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct ShareRow {
    /// `record` or `claim`.
    pub kind: String,
    /// A border id, or `all`.
    pub border: String,
    /// Who holds (record) or is said to hold (claim).
    pub actor: String,
    /// Record: `confirmed` or `confirmed_or_claimed`; claim: its claim status.
    pub basis: String,
    /// First day.
    pub from: String,
    /// The first day after.
    pub until: String,
    /// 0–1.
    pub share: f64,
    /// Border km covered (record) or claimed (claim).
    pub km: f64,
    /// The border's length.
    pub border_km: f64,
    /// The reach of a held place, km.
    pub radius_km: f64,
    /// Record: the held places within reach.
    #[serde(default)]
    pub places: String,
    /// Claim: the event.
    #[serde(default)]
    pub event_id: String,
    /// Claim: who claimed it.
    #[serde(default)]
    pub claimed_by: String,
    /// Claim: who disputed it.
    #[serde(default)]
    pub disputed_by: String,
    /// Claim: the outlet.
    #[serde(default)]
    pub source: String,
    /// Claim: the quote.
    #[serde(default)]
    pub quote: String,
    /// Claim: the record's share for its actor on its date, confirmed only.
    #[serde(default, deserialize_with = "empty_as_none")]
    pub on_record_confirmed: Option<f64>,
    /// Claim: the same, confirmed or claimed.
    #[serde(default, deserialize_with = "empty_as_none")]
    pub on_record_confirmed_or_claimed: Option<f64>,
}

fn empty_as_none<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<f64>, D::Error> {
    let s = String::deserialize(d)?;
    if s.trim().is_empty() { Ok(None) } else { s.trim().parse().map(Some).map_err(serde::de::Error::custom) }
}

/// An event type in the legend: its name, label and colour (confirmed; claims are lighter).
#[derive(Debug, Clone, Serialize)]
pub struct LegendType {
    /// `capture` …
    #[serde(rename = "type")]
    pub event_type: String,
    /// "Capture" …
    pub label: String,
    /// The colour of a confirmed event of this type.
    pub color: String,
}

/// Everything a picture of a layers folder shows.
#[derive(Debug, Clone, Serialize)]
pub struct Scene {
    /// The folder's name, for a title.
    pub title: String,
    /// `bordermap x.y.z` that wrote the layers.
    pub generator: String,
    /// The first day of any event or interval.
    pub first: String,
    /// The last day (the latest `until` less a day).
    pub last: String,
    /// lon/lat bounds: west, south, east, north.
    pub bbox: [f64; 4],
    /// The borders.
    pub borders: Vec<SceneBorder>,
    /// Every event once, in id order.
    pub events: Vec<SceneEvent>,
    /// Control intervals, in place and date order.
    pub control: Vec<SceneControl>,
    /// The shares table (empty when the folder has none).
    pub shares: Vec<ShareRow>,
    /// The share radius, when there is a shares table.
    pub share_radius_km: Option<f64>,
    /// The event types present, for the legend.
    pub legend: Vec<LegendType>,
    /// Data attribution for the map's corner.
    pub attribution: String,
}

/// Reads the layers folder `dir`.
pub fn read_scene(dir: &Path) -> Result<Scene, SceneError> {
    let index_path = dir.join(crate::publish::INDEX);
    if !index_path.is_file() {
        return Err(SceneError::NotLayers(dir.to_path_buf()));
    }
    let index = read_json(&index_path)?;
    let files: Vec<&Value> =
        index.get("files").and_then(Value::as_array).map(|a| a.iter().collect()).unwrap_or_default();
    let top = |kind: &str| -> Vec<PathBuf> {
        files
            .iter()
            .filter(|f| f.get("period").is_none_or(Value::is_null))
            .filter(|f| f.get("format").and_then(Value::as_str) == Some("geojson"))
            .filter(|f| f.get("kind").and_then(Value::as_str) == Some(kind))
            .filter_map(|f| f.get("path").and_then(Value::as_str))
            .map(|p| dir.join(p))
            .collect()
    };
    let mut borders = Vec::new();
    for path in top("border") {
        for (i, f) in features::<FeatureIn>(&path)?.into_iter().enumerate() {
            let p = &f.properties;
            borders.push(SceneBorder {
                id: p.id.0.clone(),
                title: p.title.0.clone(),
                length_km: p.length_km.0.parse().unwrap_or(0.0),
                source: [p.source.0.as_str(), p.license.0.as_str()].join("; "),
                lines: match shape(f.geometry.as_ref(), &path, i)? {
                    Shape::Lines(l) => l,
                    Shape::Point(_) => return Err(format_err(&path, i, "a border is a line")),
                },
            });
        }
    }
    // Every event is in the timeline once, with its whole geometry and one border; the border
    // layers (ids and borders only: they are most of the folder's bytes) give the others.
    let event_files = top("events");
    let is_timeline = |p: &PathBuf| p.file_name().is_some_and(|n| n.to_string_lossy().starts_with("timeline-"));
    let has_timeline = event_files.iter().any(is_timeline);
    let mut events: BTreeMap<String, SceneEvent> = BTreeMap::new();
    for path in event_files.iter().filter(|p| !has_timeline || is_timeline(p)) {
        for (i, f) in features::<FeatureIn>(path)?.into_iter().enumerate() {
            let e = scene_event(f, path, i)?;
            match events.get_mut(&e.id) {
                Some(seen) => merge_event(seen, e),
                None => {
                    events.insert(e.id.clone(), e);
                }
            }
        }
    }
    if has_timeline {
        for path in event_files.iter().filter(|p| !is_timeline(p)) {
            for f in features::<IdIn>(path)? {
                let (id, border) = (f.properties.id.0, f.properties.border.0);
                if let Some(e) = events.get_mut(&id)
                    && !border.is_empty()
                    && f.properties.layer.0 != "interior"
                    && !e.borders.contains(&border)
                {
                    e.borders.push(border);
                }
            }
        }
    }
    for e in events.values_mut() {
        e.borders.sort();
        if let Shape::Lines(parts) = &mut e.shape {
            for part in parts.iter_mut() {
                if let Some(line) = whole_border_line(&borders, part) {
                    *part = line.clone();
                }
            }
        }
    }
    let mut control = Vec::new();
    for path in top("control") {
        for (i, f) in features::<FeatureIn>(&path)?.into_iter().enumerate() {
            let shape = shape(f.geometry.as_ref(), &path, i)?;
            let p = f.properties;
            control.push(SceneControl {
                id: p.id.0,
                place_name: p.place_name.0,
                actor: p.actor.0,
                claim_status: p.claim_status.0,
                start: p.start.0,
                until: p.until.0,
                ongoing: p.ongoing.0 == "true",
                claimed_by: p.claimed_by.0,
                disputed_by: p.disputed_by.0,
                started_by: p.started_by.0,
                ended_by: p.ended_by.0,
                border: p.border.0,
                color: p.marker_color.0,
                shape,
            });
        }
    }
    let shares_path = dir.join("shares.csv");
    let shares = if shares_path.is_file() { read_shares(&shares_path)? } else { Vec::new() };
    let events: Vec<SceneEvent> = events.into_values().collect();
    let first = events.iter().map(|e| e.start.as_str()).chain(control.iter().map(|c| c.start.as_str())).min();
    let last_until = events.iter().map(|e| e.until.as_str()).chain(control.iter().map(|c| c.until.as_str())).max();
    let last = last_until
        .and_then(|u| u.parse::<jiff::civil::Date>().ok())
        .and_then(|d| d.yesterday().ok())
        .map(|d| d.to_string())
        .unwrap_or_default();
    let legend = EventType::ALL
        .iter()
        .filter(|t| events.iter().any(|e| e.event_type == t.as_str()))
        .map(|&t| LegendType {
            event_type: t.as_str().to_string(),
            label: t.label().to_string(),
            color: style::event_style(t, ClaimStatus::Confirmed).marker_color.clone(),
        })
        .collect();
    let attribution = attribution(&borders);
    let title = dir
        .canonicalize()
        .ok()
        .and_then(|d| {
            let name = d.file_name()?.to_string_lossy().to_string();
            // `maps/afghan-borders-2021/layers`: the project's name, not "layers".
            if name == "layers" { d.parent()?.file_name().map(|n| n.to_string_lossy().to_string()) } else { Some(name) }
        })
        .unwrap_or_else(|| "bordermap".into());
    Ok(Scene {
        title,
        generator: index.get("generator").and_then(Value::as_str).unwrap_or("bordermap").to_string(),
        first: first.unwrap_or_default().to_string(),
        last,
        bbox: bbox(&borders, &events, &control),
        borders,
        events,
        control,
        share_radius_km: shares.first().map(|r| r.radius_km),
        shares,
        legend,
        attribution,
    })
}

/// How near (degrees, each coordinate) a line's ends must be to a border line's ends to be
/// that border line: the mapper writes a claim over a whole border with its own
/// simplification and a computed end point (~10 m off).
const SAME_END_DEG: f64 = 0.002;

/// The border line `part` is, when it runs from one end of a border line to the other: then it
/// is drawn (and carried in the page) as that line, not as a copy of it.
fn whole_border_line<'b>(borders: &'b [SceneBorder], part: &[Position]) -> Option<&'b Vec<Position>> {
    let near = |a: &Position, b: &Position| (a[0] - b[0]).abs() <= SAME_END_DEG && (a[1] - b[1]).abs() <= SAME_END_DEG;
    let (first, last) = (part.first()?, part.last()?);
    borders
        .iter()
        .flat_map(|b| &b.lines)
        .find(|l| l.len() >= 2 && l.first().is_some_and(|a| near(a, first)) && l.last().is_some_and(|b| near(b, last)))
}

fn attribution(borders: &[SceneBorder]) -> String {
    let mut parts = vec!["Borders: © OpenStreetMap contributors (ODbL)".to_string()];
    if borders.iter().any(|b| !b.source.contains("OpenStreetMap")) {
        parts[0] = "Borders: see borders.geojson (source, licence)".into();
    }
    parts.push("places: GeoNames (CC BY 4.0) and the bordermap gazetteer".into());
    parts.join("; ")
}

fn read_shares(path: &Path) -> Result<Vec<ShareRow>, SceneError> {
    let file = std::fs::File::open(path).map_err(|source| SceneError::Io { path: path.into(), source })?;
    let mut rows = Vec::new();
    for (i, r) in csv::Reader::from_reader(file).deserialize::<ShareRow>().enumerate() {
        rows.push(r.map_err(|e| SceneError::Format { path: path.into(), message: format!("record {}: {e}", i + 1) })?);
    }
    Ok(rows)
}

fn bbox(borders: &[SceneBorder], events: &[SceneEvent], control: &[SceneControl]) -> [f64; 4] {
    let mut b = [f64::INFINITY, f64::INFINITY, f64::NEG_INFINITY, f64::NEG_INFINITY];
    let mut add = |p: &Position| {
        b = [b[0].min(p[0]), b[1].min(p[1]), b[2].max(p[0]), b[3].max(p[1])];
    };
    for l in borders.iter().flat_map(|b| &b.lines) {
        l.iter().for_each(&mut add);
    }
    for s in events.iter().map(|e| &e.shape).chain(control.iter().map(|c| &c.shape)) {
        match s {
            Shape::Point(p) => add(p),
            Shape::Lines(ls) => ls.iter().flatten().for_each(&mut add),
        }
    }
    if b[0].is_finite() { b } else { [60.0, 29.0, 75.0, 39.0] }
}

/// An event seen again (on another border's layer): its borders and lines added.
fn merge_event(seen: &mut SceneEvent, e: SceneEvent) {
    for b in e.borders {
        if !seen.borders.contains(&b) {
            seen.borders.push(b);
        }
    }
    if let (Shape::Lines(a), Shape::Lines(b)) = (&mut seen.shape, e.shape) {
        for part in b {
            if !a.contains(&part) {
                a.push(part);
            }
        }
    }
}

/// A feature of a layer, with the properties the scene reads (any others skipped).
#[derive(Deserialize)]
struct FeatureIn {
    geometry: Option<GeometryIn>,
    #[serde(default)]
    properties: PropsIn,
}

#[derive(Deserialize)]
struct GeometryIn {
    #[serde(rename = "type")]
    kind: String,
    #[serde(default)]
    coordinates: Value,
}

/// The properties of a feature the scene reads; any JSON scalar is read as its text.
#[derive(Deserialize, Default)]
#[serde(default)]
struct PropsIn {
    id: Text,
    #[serde(rename = "type")]
    event_type: Text,
    claim_status: Text,
    actor: Text,
    actor2: Text,
    start: Text,
    end: Text,
    until: Text,
    precision: Text,
    border: Text,
    layer: Text,
    place_name: Text,
    title: Text,
    claimed_by: Text,
    disputed_by: Text,
    share: Text,
    source: Text,
    url: Text,
    citation: Text,
    quote: Text,
    notes: Text,
    #[serde(rename = "marker-color")]
    marker_color: Text,
    ongoing: Text,
    started_by: Text,
    ended_by: Text,
    length_km: Text,
    license: Text,
}

/// A feature of a border layer read for its id and border only (the geometry skipped).
#[derive(Deserialize)]
struct IdIn {
    #[serde(default)]
    properties: IdPropsIn,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct IdPropsIn {
    id: Text,
    border: Text,
    layer: Text,
}

/// A JSON scalar as text: strings as they are, numbers and booleans written, null empty.
#[derive(Default)]
struct Text(String);

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> serde::de::Visitor<'de> for V {
            type Value = Text;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a string, number, boolean or null")
            }
            fn visit_str<E>(self, v: &str) -> Result<Text, E> {
                Ok(Text(v.to_string()))
            }
            fn visit_string<E>(self, v: String) -> Result<Text, E> {
                Ok(Text(v))
            }
            fn visit_i64<E>(self, v: i64) -> Result<Text, E> {
                Ok(Text(v.to_string()))
            }
            fn visit_u64<E>(self, v: u64) -> Result<Text, E> {
                Ok(Text(v.to_string()))
            }
            fn visit_f64<E>(self, v: f64) -> Result<Text, E> {
                Ok(Text(v.to_string()))
            }
            fn visit_bool<E>(self, v: bool) -> Result<Text, E> {
                Ok(Text(v.to_string()))
            }
            fn visit_unit<E>(self) -> Result<Text, E> {
                Ok(Text::default())
            }
            fn visit_none<E>(self) -> Result<Text, E> {
                Ok(Text::default())
            }
        }
        d.deserialize_any(V)
    }
}

fn scene_event(f: FeatureIn, path: &Path, i: usize) -> Result<SceneEvent, SceneError> {
    let shape = shape(f.geometry.as_ref(), path, i)?;
    let p = f.properties;
    if p.id.0.is_empty() {
        return Err(format_err(path, i, "an event without an id"));
    }
    Ok(SceneEvent {
        id: p.id.0,
        event_type: p.event_type.0,
        claim_status: p.claim_status.0,
        actor: p.actor.0,
        actor2: p.actor2.0,
        start: p.start.0,
        end: p.end.0,
        until: p.until.0,
        precision: p.precision.0,
        // An interior event's `border` is its nearest one, for the record: it is on none.
        borders: if p.border.0.is_empty() || p.layer.0 == "interior" { Vec::new() } else { vec![p.border.0] },
        place_name: p.place_name.0,
        title: p.title.0,
        claimed_by: p.claimed_by.0,
        disputed_by: p.disputed_by.0,
        share: p.share.0,
        source: p.source.0,
        url: p.url.0,
        citation: p.citation.0,
        quote: p.quote.0,
        notes: p.notes.0,
        color: p.marker_color.0,
        shape,
    })
}

fn read_bytes(path: &Path) -> Result<Vec<u8>, SceneError> {
    let io = |source| SceneError::Io { path: path.into(), source };
    let len = std::fs::metadata(path).map_err(io)?.len();
    if len > MAX_FILE_BYTES {
        return Err(SceneError::Format {
            path: path.into(),
            message: format!("{len} bytes, over the {MAX_FILE_BYTES}-byte limit of a drawing"),
        });
    }
    std::fs::read(path).map_err(io)
}

fn read_json(path: &Path) -> Result<Value, SceneError> {
    serde_json::from_slice(&read_bytes(path)?)
        .map_err(|e| SceneError::Format { path: path.into(), message: e.to_string() })
}

/// The features of a FeatureCollection file.
fn features<F: serde::de::DeserializeOwned>(path: &Path) -> Result<Vec<F>, SceneError> {
    #[derive(Deserialize)]
    #[serde(bound = "F: serde::de::DeserializeOwned")]
    struct Collection<F> {
        features: Vec<F>,
    }
    serde_json::from_slice::<Collection<F>>(&read_bytes(path)?)
        .map(|c| c.features)
        .map_err(|e| SceneError::Format { path: path.into(), message: format!("not a layer of `bordermap map`: {e}") })
}

fn format_err(path: &Path, i: usize, message: &str) -> SceneError {
    SceneError::Format { path: path.into(), message: format!("feature {}: {message}", i + 1) }
}

fn round(v: f64) -> f64 {
    let k = 10f64.powi(DECIMALS);
    (v * k).round() / k
}

fn position(v: &Value) -> Option<Position> {
    let a = v.as_array()?;
    let (x, y) = (a.first()?.as_f64()?, a.get(1)?.as_f64()?);
    ((-180.0..=180.0).contains(&x) && (-90.0..=90.0).contains(&y)).then(|| [round(x), round(y)])
}

/// A line simplified and rounded; consecutive repeats dropped.
fn line(v: &Value) -> Option<Vec<Position>> {
    let coords: Vec<geo::Coord<f64>> =
        v.as_array()?.iter().map(|c| position(c).map(|[x, y]| geo::coord! { x: x, y: y })).collect::<Option<_>>()?;
    let simple = LineString::new(coords).simplify(SIMPLIFY_DEG);
    let mut out: Vec<Position> = Vec::with_capacity(simple.0.len());
    for c in simple.0 {
        let p = [round(c.x), round(c.y)];
        if out.last() != Some(&p) {
            out.push(p);
        }
    }
    Some(out)
}

fn shape(g: Option<&GeometryIn>, path: &Path, i: usize) -> Result<Shape, SceneError> {
    let g = g.ok_or_else(|| format_err(path, i, "no geometry"))?;
    let bad = || format_err(path, i, "coordinates are not lon/lat positions");
    let coords = &g.coordinates;
    match g.kind.as_str() {
        "Point" => position(coords).map(Shape::Point).ok_or_else(bad),
        "LineString" => line(coords).map(|l| Shape::Lines(vec![l])).ok_or_else(bad),
        "MultiLineString" => coords
            .as_array()
            .and_then(|parts| parts.iter().map(line).collect::<Option<Vec<_>>>())
            .map(Shape::Lines)
            .ok_or_else(bad),
        other => Err(format_err(path, i, &format!("geometry type {other:?}: a layer of `map` has points and lines"))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn example() -> Scene {
        read_scene(&Path::new(env!("CARGO_MANIFEST_DIR")).join("maps/afghan-borders-2021/layers")).unwrap()
    }

    #[test]
    fn the_example_has_every_event_once_with_its_borders() {
        let s = example();
        assert_eq!(s.events.len(), 31, "events_read of the example");
        assert_eq!(s.borders.len(), 6);
        let all = s.events.iter().find(|e| e.id == "afb-022").unwrap();
        assert_eq!(all.borders.len(), 6, "the 90 % claim is on every border: {:?}", all.borders);
        let moscow = s.events.iter().find(|e| e.id == "afb-014").unwrap();
        assert!(moscow.borders.is_empty(), "an interior event is on no border: {:?}", moscow.borders);
        assert!(s.control.len() >= 3);
        assert_eq!(s.first, "2021-06-01");
        assert!(s.last.as_str() >= "2021-10-31", "{}", s.last);
        assert!(s.legend.iter().any(|l| l.event_type == "capture" && l.color == "#d62728"));
    }

    #[test]
    fn lines_are_simplified_and_rounded() {
        let s = example();
        let raw = std::fs::read_to_string(
            Path::new(env!("CARGO_MANIFEST_DIR")).join("maps/afghan-borders-2021/layers/borders.geojson"),
        )
        .unwrap();
        let drawn: usize = s.borders.iter().flat_map(|b| &b.lines).map(Vec::len).sum();
        let raw_positions = raw.matches("],[").count();
        assert!(drawn * 5 < raw_positions * 4, "{drawn} positions drawn of {raw_positions}");
        let p = s.borders[0].lines[0][0];
        assert_eq!(round(p[0]), p[0]);
    }

    #[test]
    fn a_folder_without_index_is_refused_with_a_hint() {
        let dir = tempfile::tempdir().unwrap();
        let e = read_scene(dir.path()).unwrap_err().to_string();
        assert!(e.contains("no index.json") && e.contains("bordermap map --out"), "{e}");
    }

    #[test]
    fn a_broken_layer_names_its_file() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("index.json"),
            r#"{"files":[{"path":"borders.geojson","format":"geojson","kind":"border","period":null}]}"#,
        )
        .unwrap();
        std::fs::write(
            dir.path().join("borders.geojson"),
            r#"{"type":"FeatureCollection","features":[{"geometry":{"type":"Point","coordinates":[500,1]}}]}"#,
        )
        .unwrap();
        let e = read_scene(dir.path()).unwrap_err().to_string();
        assert!(e.contains("borders.geojson") && e.contains("feature 1"), "{e}");
    }
}
