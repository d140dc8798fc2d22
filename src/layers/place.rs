//! Placing an event: its location (a name, a place id or a point) resolved once per distinct
//! place to a geometry, ready to write, and the borders it lies on.

use std::collections::BTreeSet;
use std::sync::Arc;

use geo::{Coord, Geometry, MapCoords, Simplify};

use super::EVENT_LINE_SIMPLIFY_DEG;
use crate::events::{Location, geo_precision_for};
use crate::gazetteer::{Gazetteer, PlaceKind, Query, Status};
use crate::output::{round_coord, round_to};

/// Why a place did not resolve (status) and its candidates or suggestions.
pub(super) type NotLocated = (String, Vec<String>);

/// (border id, distance km, chainage km, side) of a place on a border layer.
pub(super) type BorderRef = (String, f64, f64, Option<String>);

/// A resolved location, computed once per distinct place.
pub(super) struct Located {
    pub(super) place_id: Option<String>,
    pub(super) place_name: String,
    pub(super) place_kind: Option<&'static str>,
    pub(super) matched: Option<&'static str>,
    pub(super) match_score: Option<f64>,
    pub(super) geometry_json: Arc<str>,
    pub(super) default_geo_precision: u8,
    /// One per border the place is on; empty for the interior.
    pub(super) borders: Vec<BorderRef>,
    /// Nearest border facts for interior places (for the record).
    pub(super) nearest: Option<(String, f64)>,
}

pub(super) fn geometry_json(g: &Geometry<f64>, simplify_deg: f64) -> String {
    let g = match g {
        Geometry::LineString(ls) if simplify_deg > 0.0 => Geometry::LineString(ls.simplify(simplify_deg)),
        Geometry::MultiLineString(ml) if simplify_deg > 0.0 => Geometry::MultiLineString(ml.simplify(simplify_deg)),
        _ => g.clone(),
    };
    let g = g.map_coords(|c| Coord { x: round_coord(c.x), y: round_coord(c.y) });
    serde_json::to_string(&geojson::Geometry::from(&g)).expect("geometry serialises")
}

pub(super) fn locate(gz: &Gazetteer, loc: &Location, max_km: f64) -> Result<Located, NotLocated> {
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
