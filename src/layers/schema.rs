//! What every layer holds: its kind (events, border lines, control intervals, place
//! summaries), one geometry type, and the fields of its kind with their types.
//!
//! GeoJSON declares no field types: GIS software guesses each file's types from its values, and
//! a field that is null in a whole file reads as text. So every field listed here is written in
//! every feature of its kind, never null: text fields are `""` when empty, and numbers and
//! dates are always known (a distance to the nearest border, `match_score` 1 for coordinates
//! given). The two values that can be unknown are text: `share` ("0.667" or "") and the
//! source's date, which is part of `citation` ("Reuters, 2021-07-09"). The GeoPackage
//! declares the types listed here ([`typed_fields`]: `share` is Real there, NULL when unknown).
//!
//! Dates: `start` is the first day an event (or interval) covers, `end` the last (inclusive),
//! and `until` the day after `end` (exclusive): the form QGIS's temporal controller, GDAL and
//! most time sliders take by default (start included, end excluded), so a one-day event with
//! `start = end = 2021-07-09` has `until = 2021-07-10` and shows for the whole day in any of
//! them, with or without bordermap's styles.

use super::Properties;

/// The kinds of layer a run writes; every file of a kind has the same fields.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum LayerKind {
    /// Events (border, per-period, timeline and interior layers).
    Events,
    /// The border lines (`borders.geojson`).
    Border,
    /// Control intervals (`control-*.geojson`).
    Control,
    /// One feature per place (and period), listing its events (`places-*.geojson`).
    Places,
}

impl LayerKind {
    /// Every kind.
    pub const ALL: [LayerKind; 4] = [LayerKind::Events, LayerKind::Border, LayerKind::Control, LayerKind::Places];

    /// `events`, `border`, `control`, `places` (as in `index.json`).
    pub fn as_str(self) -> &'static str {
        match self {
            LayerKind::Events => "events",
            LayerKind::Border => "border",
            LayerKind::Control => "control",
            LayerKind::Places => "places",
        }
    }

    /// Whether its features have `start`/`until` dates (all but the border lines).
    pub fn is_temporal(self) -> bool {
        self != LayerKind::Border
    }
}

/// The one geometry type of a layer. Places are points (towns, crossings) or lines (rivers,
/// border sections, whole borders); lines are always written as MultiLineString.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum GeomKind {
    /// Point.
    Point,
    /// MultiLineString.
    Line,
}

impl GeomKind {
    /// Both, points first.
    pub const ALL: [GeomKind; 2] = [GeomKind::Point, GeomKind::Line];

    /// The suffix of a layer's name: `points` or `lines` (`AFG-TJK-points.geojson`).
    pub fn suffix(self) -> &'static str {
        match self {
            GeomKind::Point => "points",
            GeomKind::Line => "lines",
        }
    }

    /// The geometry type as OGC and GeoPackage name it.
    pub fn ogc_name(self) -> &'static str {
        match self {
            GeomKind::Point => "POINT",
            GeomKind::Line => "MULTILINESTRING",
        }
    }
}

/// The type of a field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldType {
    /// Text, `""` when empty.
    Text,
    /// An integer.
    Integer,
    /// A floating-point number.
    Real,
    /// A calendar date, `YYYY-MM-DD`.
    Date,
    /// True or false.
    Boolean,
}

/// A field of a layer kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Field {
    /// Its name, as in the files.
    pub name: &'static str,
    /// Its type.
    pub ty: FieldType,
}

const fn f(name: &'static str, ty: FieldType) -> Field {
    Field { name, ty }
}

use FieldType::{Boolean, Date, Integer, Real, Text};

/// The simplestyle fields of event, control and place features (geojson.io and web viewers).
const STYLE: [Field; 6] = [
    f("marker-color", Text),
    f("marker-symbol", Text),
    f("marker-size", Text),
    f("stroke", Text),
    f("stroke-width", Real),
    f("stroke-opacity", Real),
];

/// An event's fields with `--properties full` (the default), in file order.
pub const EVENT_FULL: &[Field] = &[
    f("kind", Text),
    f("id", Text),
    f("title", Text),
    f("description", Text),
    f("start", Date),
    f("end", Date),
    f("until", Date),
    f("precision", Text),
    f("time_precision", Integer),
    f("type", Text),
    f("acled_event_type", Text),
    f("acled_sub_event_type", Text),
    f("actor", Text),
    f("actor2", Text),
    f("claim_status", Text),
    f("claimed_by", Text),
    f("disputed_by", Text),
    f("share", Text),
    f("place", Text),
    f("place_id", Text),
    f("place_name", Text),
    f("place_kind", Text),
    f("matched", Text),
    f("match_score", Real),
    f("geo_precision", Integer),
    f("layer", Text),
    f("border", Text),
    f("distance_km", Real),
    f("chainage_km", Real),
    f("side", Text),
    f("source", Text),
    f("url", Text),
    f("citation", Text),
    f("quote", Text),
    f("notes", Text),
    f("fatalities", Integer),
    f("admin1", Text),
    f("admin2", Text),
    f("admin3", Text),
    f("assoc_actor_1", Text),
    f("assoc_actor_2", Text),
    f("tags", Text),
    f("country", Text),
    f("name_check", Text),
    f("name_check_detail", Text),
    f("input_file", Text),
    f("input_line", Integer),
    STYLE[0],
    STYLE[1],
    STYLE[2],
    STYLE[3],
    STYLE[4],
    STYLE[5],
];

/// An event's fields with `--properties compact`, in file order.
pub const EVENT_COMPACT: &[Field] = &[
    f("id", Text),
    f("start", Date),
    f("end", Date),
    f("until", Date),
    f("precision", Text),
    f("time_precision", Integer),
    f("type", Text),
    f("actor", Text),
    f("actor2", Text),
    f("claim_status", Text),
    f("claimed_by", Text),
    f("disputed_by", Text),
    f("share", Text),
    f("place", Text),
    f("place_id", Text),
    f("place_name", Text),
    f("name_check", Text),
    f("geo_precision", Integer),
    f("border", Text),
    f("distance_km", Real),
    f("side", Text),
    f("source", Text),
    f("url", Text),
    f("citation", Text),
];

/// A border line's fields.
pub const BORDER: &[Field] = &[
    f("kind", Text),
    f("id", Text),
    f("title", Text),
    f("description", Text),
    f("border", Text),
    f("length_km", Real),
    f("source", Text),
    f("license", Text),
    f("stroke", Text),
    f("stroke-width", Real),
    f("stroke-opacity", Real),
];

/// A control interval's fields.
pub const CONTROL: &[Field] = &[
    f("kind", Text),
    f("id", Text),
    f("title", Text),
    f("description", Text),
    f("place_id", Text),
    f("place_name", Text),
    f("actor", Text),
    f("start", Date),
    f("end", Date),
    f("until", Date),
    f("ongoing", Boolean),
    f("claim_status", Text),
    f("claimed_by", Text),
    f("disputed_by", Text),
    f("started_by", Text),
    f("start_type", Text),
    f("ended_by", Text),
    f("border", Text),
    f("source", Text),
    STYLE[0],
    STYLE[1],
    STYLE[2],
    STYLE[3],
    STYLE[4],
    STYLE[5],
];

/// A place summary's fields: one feature per place (per period in the period folders).
pub const PLACES: &[Field] = &[
    f("kind", Text),
    f("id", Text),
    f("title", Text),
    f("description", Text),
    f("place_id", Text),
    f("place_name", Text),
    f("border", Text),
    f("start", Date),
    f("end", Date),
    f("until", Date),
    f("events", Integer),
    f("event_ids", Text),
    f("confirmed", Integer),
    f("claimed", Integer),
    f("disputed", Integer),
    f("denied", Integer),
    f("types", Text),
    f("sources", Text),
    STYLE[0],
    STYLE[1],
    STYLE[2],
    STYLE[3],
    STYLE[4],
    STYLE[5],
];

/// The fields of a kind, in file order.
pub fn fields(kind: LayerKind, properties: Properties) -> &'static [Field] {
    match (kind, properties) {
        (LayerKind::Events, Properties::Full) => EVENT_FULL,
        (LayerKind::Events, Properties::Compact) => EVENT_COMPACT,
        (LayerKind::Border, _) => BORDER,
        (LayerKind::Control, _) => CONTROL,
        (LayerKind::Places, _) => PLACES,
    }
}

/// The fields as a format with declared column types (the GeoPackage) has them: as [`fields`],
/// but `share` is Real there, NULL when unknown (a NULL does not change a declared type).
pub fn typed_fields(kind: LayerKind, properties: Properties) -> &'static [Field] {
    static EVENTS: std::sync::OnceLock<[Vec<Field>; 2]> = std::sync::OnceLock::new();
    if kind != LayerKind::Events {
        return fields(kind, properties);
    }
    let typed = |list: &[Field]| -> Vec<Field> {
        list.iter().map(|f| if f.name == "share" { Field { name: f.name, ty: Real } } else { *f }).collect()
    };
    let lists = EVENTS.get_or_init(|| [typed(EVENT_FULL), typed(EVENT_COMPACT)]);
    match properties {
        Properties::Full => &lists[0],
        Properties::Compact => &lists[1],
    }
}
