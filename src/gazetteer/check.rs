//! `gazetteer check`: every fault in a gazetteer's files, with file:line.
//!
//! Errors: unreadable or invalid records (see [`super::load`]), duplicate ids, coordinates that
//! look swapped, points outside their declared country, a line place whose point is far from
//! its line, a border whose orientation the polygons cannot settle.
//! Warnings: names shared by several places (listed, they are what makes resolution
//! ambiguous), aliases that are generic words, borders whose countries have no polygon.

use std::collections::HashMap;

use geo::{Closest, Distance, Geodesic, HaversineClosestPoint, Point};

use super::GazetteerSources;
use super::place::Place;
use super::resolve::NameIndex;
use crate::borders::BorderSet;
use crate::diagnostic::Diagnostic;

/// How far (km) a point may lie outside its declared country's polygon: the polygons are
/// simplified to ~100 m and follow the river bank along the Panj, so a riverside village can
/// fall just outside.
pub const OUTSIDE_TOLERANCE_KM: f64 = 2.0;
/// The same for places that may sit on the border line (crossings, bridges, rivers, passes).
pub const ON_BORDER_TOLERANCE_KM: f64 = 5.0;
/// How far a line place's representative point may be from its line.
pub const LINE_POINT_TOLERANCE_KM: f64 = 5.0;

/// What a check found, and what it covered.
#[derive(Debug, Default)]
pub struct Report {
    /// Every finding, errors and warnings, in file order.
    pub diagnostics: Vec<Diagnostic>,
    /// Places read without record errors.
    pub places: usize,
    /// Borders read.
    pub borders: usize,
}

impl Report {
    /// Number of errors.
    pub fn errors(&self) -> usize {
        self.diagnostics.iter().filter(|d| d.is_error()).count()
    }

    /// Number of warnings.
    pub fn warnings(&self) -> usize {
        self.diagnostics.len() - self.errors()
    }
}

/// Errors for ids used by more than one place, naming both lines.
pub fn duplicate_ids(places: &[Place]) -> Vec<Diagnostic> {
    let mut first: HashMap<&str, &Place> = HashMap::new();
    let mut out = Vec::new();
    for p in places {
        if let Some(prev) = first.get(p.id.as_str()) {
            out.push(Diagnostic::error(
                &p.origin.file,
                Some(p.origin.line),
                Some("id"),
                format!("duplicate id {:?} (first used at {})", p.id, prev.origin),
            ));
        } else {
            first.insert(&p.id, p);
        }
    }
    out
}

/// Checks a gazetteer's files.
pub fn check(t: &GazetteerSources) -> Report {
    let mut report = Report::default();
    let borders = match BorderSet::from_geojson(&t.borders.0, &t.borders.1, &t.countries.0, &t.countries.1) {
        Ok(b) => b,
        Err(e) => {
            report.diagnostics.push(Diagnostic::error(&t.borders.1, None, None, e.to_string()));
            return report;
        }
    };
    report.borders = borders.borders.len();
    report.diagnostics.extend(check_borders(&borders, &t.borders.1));

    let (places, diags) = super::read_merged(t, &borders);
    report.places = places.len();
    report.diagnostics.extend(diags);
    for p in &places {
        report.diagnostics.extend(check_place(p, &borders));
    }
    let index = NameIndex::build(&places);
    for (pi, alias) in &index.generic_aliases {
        let p = &places[*pi];
        report.diagnostics.push(Diagnostic::warning(
            &p.origin.file,
            Some(p.origin.line),
            Some("aliases"),
            format!(
                "alias {alias:?} is a generic word; it will not resolve on its own (remove it or make it specific)"
            ),
        ));
    }
    for (key, ps) in index.shared_names() {
        let first = &places[ps[0]];
        let others: Vec<String> = ps[1..].iter().map(|&i| format!("{} ({})", places[i].id, places[i].origin)).collect();
        report.diagnostics.push(Diagnostic::warning(
            &first.origin.file,
            Some(first.origin.line),
            Some("aliases"),
            format!(
                "name {key:?} is shared by {} and {}: ranked by kind and hints, reported ambiguous when too close",
                first.id,
                others.join(", ")
            ),
        ));
    }
    report.diagnostics.sort_by(|a, b| (&a.file, a.line, a.severity).cmp(&(&b.file, b.line, b.severity)));
    report
}

fn check_borders(borders: &BorderSet, file: &str) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for (i, b) in borders.borders.iter().enumerate() {
        let missing: Vec<&str> =
            [&b.a, &b.b].into_iter().filter(|c| borders.country(c).is_none()).map(String::as_str).collect();
        if !missing.is_empty() {
            out.push(Diagnostic::warning(
                file,
                None,
                Some("a/b"),
                format!("border {}: no polygon for {}; sides cannot be told along it", b.id, missing.join(", ")),
            ));
            continue;
        }
        let (right, agree, disagree) = borders.orientation_of(i);
        match right {
            None => out.push(Diagnostic::error(
                file,
                None,
                Some("geometry"),
                format!("border {}: the country polygons do not tell which side is which", b.id),
            )),
            Some(r) if disagree > 0 => out.push(Diagnostic::warning(
                file,
                None,
                Some("geometry"),
                format!("border {}: {agree} probes put {r} on the right, {disagree} disagree", b.id),
            )),
            Some(_) => {}
        }
    }
    out
}

/// The point checks for one place: line point near its line, inside its declared country,
/// swapped lat/lon.
pub(crate) fn check_place(p: &Place, borders: &BorderSet) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let err = |field: &str, msg: String| Diagnostic::error(&p.origin.file, Some(p.origin.line), Some(field), msg);

    if !matches!(p.geometry, geo::Geometry::Point(_)) {
        let d = match p.geometry.haversine_closest_point(&p.point) {
            Closest::SinglePoint(c) | Closest::Intersection(c) => Geodesic.distance(p.point, c) / 1000.0,
            Closest::Indeterminate => f64::INFINITY,
        };
        if d > LINE_POINT_TOLERANCE_KM {
            out.push(err("lat/lon", format!("the point is {d:.1} km from the place's own line ({})", p.geometry_spec)));
        }
    }

    // Inside the declared country? Only where every declared country has a polygon.
    let polys: Vec<_> = p.countries.iter().filter_map(|c| borders.country(c)).collect();
    if polys.len() != p.countries.len() || polys.is_empty() {
        return out;
    }
    if p.kind == super::PlaceKind::Country && polys.iter().any(|c| c.clipped) {
        return out; // a country's centre may lie beyond its polygon's clip to the region
    }
    let tolerance = if p.kind.may_sit_on_border() { ON_BORDER_TOLERANCE_KM } else { OUTSIDE_TOLERANCE_KM };
    // Exact up to 100 km; beyond that "more than 100 km" says enough and costs nothing.
    const FAR_M: f64 = 100_000.0;
    let outside_km =
        polys.iter().filter_map(|c| c.distance_m_within(p.point, FAR_M)).fold(f64::INFINITY, f64::min) / 1000.0;
    if outside_km <= tolerance {
        return out;
    }
    let swapped = Point::new(p.point.y(), p.point.x());
    if polys.iter().any(|c| c.covers(swapped)) {
        out.push(err(
            "lat/lon",
            format!(
                "lat {} / lon {} look swapped: ({}, {}) would lie in {}",
                p.point.y(),
                p.point.x(),
                p.point.x(),
                p.point.y(),
                p.country_label()
            ),
        ));
        return out;
    }
    let inside: Vec<&str> = borders.countries_at(p.point).iter().map(|c| c.iso3.as_str()).collect();
    let where_ = if inside.is_empty() { String::new() } else { format!(", in {}", inside.join("/")) };
    out.push(err(
        "country",
        format!(
            "({:.5}, {:.5}) lies {} outside {} (tolerance {tolerance} km for a {}){where_}",
            p.point.y(),
            p.point.x(),
            if outside_km.is_finite() { format!("{outside_km:.1} km") } else { "more than 100 km".to_string() },
            p.country_label(),
            p.kind
        ),
    ));
    out
}
