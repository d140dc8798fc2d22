//! How a run maps: the period of its per-period layers, the layer families and how much each
//! event feature carries, and the rest of [`MapOptions`].

use jiff::civil::Date;

use super::DEFAULT_MAX_DISTANCE_KM;
use super::format::Format;
use super::shares::DEFAULT_SHARE_RADIUS_KM;
use crate::spill;

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
        let mut s = String::new();
        self.write_key(d, &mut s);
        s
    }

    /// [`Period::key`], appended to `out`.
    pub fn write_key(self, d: Date, out: &mut String) {
        use std::fmt::Write;
        let _ = match self {
            Period::Day => write!(out, "{d}"),
            Period::Week => {
                let w = d.iso_week_date();
                write!(out, "{:04}-W{:02}", w.year(), w.week())
            }
            Period::Month => write!(out, "{:04}-{:02}", d.year(), d.month()),
        };
    }

    /// Whether two dates fall in the same period (`key(a) == key(b)`, without the texts).
    pub fn same(self, a: Date, b: Date) -> bool {
        match self {
            Period::Day => a == b,
            Period::Week => {
                let (a, b) = (a.iso_week_date(), b.iso_week_date());
                (a.year(), a.week()) == (b.year(), b.week())
            }
            Period::Month => (a.year(), a.month()) == (b.year(), b.month()),
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
    /// The output formats, each once (GeoJSON by default).
    pub formats: Vec<Format>,
    /// How far (km, geodesic) a held place reaches along a border in `shares.csv`.
    pub share_radius_km: f64,
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
    /// Control intervals from captures and recaptures (`control-*.geojson`).
    pub control: bool,
    /// One feature per place (and per place and period), listing its events (`places-*`).
    pub places: bool,
    /// Events beyond the distance limit and country-wide ones (`interior.geojson`).
    pub interior: bool,
}

impl Default for Layers {
    fn default() -> Self {
        Layers { borders: true, periods: true, timeline: true, control: true, interior: true, places: true }
    }
}

impl Layers {
    /// None of them (to switch on one by one).
    pub const NONE: Layers =
        Layers { borders: false, periods: false, timeline: false, control: false, interior: false, places: false };
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
            formats: vec![Format::GeoJson],
            share_radius_km: DEFAULT_SHARE_RADIUS_KM,
        }
    }
}
