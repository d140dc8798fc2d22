//! What a run says about itself: its [`MapReport`] (counts, names that did not resolve or do
//! not fit their points, the time of each stage), `index.json` (options, counts, every file
//! with its feature count and period) and `unresolved.csv`.

use std::path::Path;

use super::format::Written;
use super::shares::SharesIndex;
use super::stages::StageTimes;
use super::{MapOptions, name_check};
use crate::events::Event;
use serde::Serialize;

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
    /// Events in no per-period layer, because their dates span more than one period (an event
    /// known to its month, with `--by day`); they are in the time-aware layers.
    pub outside_periods: u64,
    /// Events whose place did not resolve.
    pub unresolved: Vec<Unresolved>,
    /// Distinct places resolved.
    pub places: usize,
    /// Events with coordinates and a name, by the outcome of the name's check against the
    /// point ([`name_check`]).
    pub name_checks: NameChecks,
    /// CPU time per stage (`read` is zero here: the caller that reads ahead knows it).
    pub stages: StageTimes,
}

/// How many events' names fit their points, and the first that do not.
#[derive(Debug, Default, Clone)]
pub struct NameChecks {
    /// The name is a place within its allowance of the point.
    pub ok: u64,
    /// The name is a place farther than its allowance: flagged `far`.
    pub far: u64,
    /// The gazetteer does not know the name.
    pub unknown: u64,
    /// The name names several places near the point.
    pub ambiguous: u64,
    /// The first [`NameChecks::LISTED`] far ones: (file:line, event id, detail).
    pub first_far: Vec<(String, String, String)>,
}

impl NameChecks {
    /// How many far names are listed.
    pub const LISTED: usize = 10;

    pub(super) fn count(&mut self, e: &Event, c: &name_check::NameCheck) {
        match c.status {
            "ok" => self.ok += 1,
            "far" => {
                self.far += 1;
                if self.first_far.len() < Self::LISTED {
                    self.first_far.push((
                        format!("{}:{}", e.origin.file, e.origin.line),
                        e.id.clone(),
                        c.detail.clone(),
                    ));
                }
            }
            "unknown" => self.unknown += 1,
            "ambiguous" => self.ambiguous += 1,
            _ => {}
        }
    }
}

pub(super) fn write_unresolved(path: &Path, list: &[Unresolved]) -> std::io::Result<()> {
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

pub(super) fn index_json(
    written: &[Written],
    opts: &MapOptions,
    report: &MapReport,
    shares: Option<SharesIndex>,
) -> Vec<u8> {
    #[derive(Serialize)]
    struct FileOut<'a> {
        path: &'a str,
        format: &'static str,
        layer: Option<&'a str>,
        kind: Option<&'static str>,
        geometry: Option<&'static str>,
        group: Option<&'a str>,
        period: Option<&'a str>,
        features: u64,
    }
    /// Events with coordinates and a name, by how the name fits the point.
    #[derive(Serialize)]
    struct NameCheckOut {
        ok: u64,
        far: u64,
        unknown: u64,
        ambiguous: u64,
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
        events_outside_periods: u64,
        events_unresolved: usize,
        places_resolved: usize,
        name_check: NameCheckOut,
        files: Vec<FileOut<'a>>,
        /// Claims weighed against the record (`shares.csv`), when the control layer is on.
        #[serde(skip_serializing_if = "Option::is_none")]
        shares: Option<SharesIndex>,
    }
    let files = written
        .iter()
        .map(|w| FileOut {
            path: &w.path,
            format: w.format,
            layer: w.layer.as_ref().map(|l| l.title()),
            kind: w.layer.as_ref().map(|l| l.kind.as_str()),
            geometry: w.layer.as_ref().map(|l| l.geom.suffix()),
            group: w.layer.as_ref().map(|l| l.group.as_str()),
            period: w.layer.as_ref().and_then(|l| l.period.as_deref()),
            features: w.features,
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
        events_outside_periods: report.outside_periods,
        events_unresolved: report.unresolved.len(),
        places_resolved: report.places,
        name_check: NameCheckOut {
            ok: report.name_checks.ok,
            far: report.name_checks.far,
            unknown: report.name_checks.unknown,
            ambiguous: report.name_checks.ambiguous,
        },
        files,
        shares,
    };
    let mut out = serde_json::to_vec_pretty(&index).expect("index serialises");
    out.push(b'\n');
    out
}
