//! Placing an event: its location (a name, a place id or a point) resolved once per distinct
//! place to a geometry, ready to write, and the borders it lies on.

use std::collections::BTreeSet;
use std::sync::Arc;

use geo::{Coord, Geometry, MapCoords, Simplify};

use super::EVENT_LINE_SIMPLIFY_DEG;
use super::name_check::{self, NameCheck};
use super::schema::GeomKind;
use crate::events::{Location, geo_precision_for};
use crate::gazetteer::{Gazetteer, Near, PlaceKind, Query, Status};
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
    pub(super) matched: &'static str,
    /// 1 for a place given by id or coordinates.
    pub(super) match_score: f64,
    pub(super) geom: Geom,
    pub(super) default_geo_precision: u8,
    /// One per border the place is on; empty for the interior.
    pub(super) borders: Vec<BorderRef>,
    /// The nearest border of an interior place (for the record): id, distance, chainage, side.
    pub(super) nearest: Option<BorderRef>,
    /// For a point with a name: the name checked against the point ([`name_check`]).
    pub(super) name_check: NameCheck,
}

/// What an event's record says about where it is besides its location, used to resolve its
/// name (or to check the name of its point): the country (ISO3) and first-level admin area the
/// source gives, each empty when not given.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct Hints<'a> {
    pub(super) country: &'a str,
    pub(super) admin1: &'a str,
}

/// A place's geometry as written: simplified, rounded to 6 decimals, one of the two geometry
/// kinds of the layers (a LineString becomes a one-part MultiLineString), and its GeoJSON
/// text, serialised once.
pub struct Geom {
    /// Point or MultiLineString.
    pub geometry: Geometry<f64>,
    /// Which.
    pub kind: GeomKind,
    /// The GeoJSON geometry object.
    pub json: Arc<str>,
}

impl Geom {
    /// `g` simplified with `simplify_deg` (lines only) and rounded.
    pub fn new(g: &Geometry<f64>, simplify_deg: f64) -> Geom {
        let g = match g {
            Geometry::LineString(ls) if simplify_deg > 0.0 => {
                Geometry::MultiLineString(geo::MultiLineString(vec![ls.simplify(simplify_deg)]))
            }
            Geometry::LineString(ls) => Geometry::MultiLineString(geo::MultiLineString(vec![ls.clone()])),
            Geometry::MultiLineString(ml) if simplify_deg > 0.0 => Geometry::MultiLineString(ml.simplify(simplify_deg)),
            _ => g.clone(),
        };
        let geometry = g.map_coords(|c| Coord { x: round_coord(c.x), y: round_coord(c.y) });
        let kind = match geometry {
            Geometry::MultiLineString(_) => GeomKind::Line,
            _ => GeomKind::Point,
        };
        let json = serde_json::to_string(&geojson::Geometry::from(&geometry)).expect("geometry serialises").into();
        Geom { geometry, kind, json }
    }
}

pub(super) fn locate(gz: &Gazetteer, loc: &Location, hints: Hints, max_km: f64) -> Result<Located, NotLocated> {
    let r3 = |v: f64| round_to(v, 3);
    let (place_idx, matched, score) = match loc {
        Location::Point { lon, lat, label } => {
            let p = geo::Point::new(*lon, *lat);
            let facts = gz.borders().facts_for_point(p);
            let mut borders = Vec::new();
            let mut nearest = None;
            if let Some(f) = facts {
                let b = (f.border.clone(), r3(f.distance_km), r3(f.chainage_km), f.side.clone());
                if f.distance_km <= max_km {
                    borders.push(b);
                } else {
                    nearest = Some(b);
                }
            }
            return Ok(Located {
                place_id: None,
                place_name: label.clone().unwrap_or_else(|| format!("{lat:.5}, {lon:.5}")),
                place_kind: None,
                matched: "coordinates",
                match_score: 1.0,
                geom: Geom::new(&Geometry::Point(p), 0.0),
                default_geo_precision: 1,
                borders,
                nearest,
                name_check: label
                    .as_deref()
                    .map_or(NameCheck::NONE, |n| name_check::check(gz, n, *lon, *lat, hints.country)),
            });
        }
        Location::PlaceId(id) => match gz.place_index(id) {
            Some(i) => (i, "place_id", 1.0),
            None => return Err(("no such place_id".into(), Vec::new())),
        },
        Location::Name(name) => {
            let q = Query {
                country: (!hints.country.is_empty()).then(|| hints.country.to_string()),
                near: gz.province_point(hints.admin1, hints.country).map(Near::Point),
                ..Query::new(name.clone())
            };
            let r = gz.resolve(&q);
            match r.status {
                Status::Resolved => {
                    let c = &r.candidates[0];
                    (c.place, c.matched.as_str(), round_to(c.score, 3))
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
        let b = (f.border.clone(), r3(f.distance_km), r3(f.chainage_km), f.side.clone());
        if f.distance_km <= max_km && place.kind != PlaceKind::Country {
            borders.push(b);
        } else {
            nearest = Some(b);
        }
    }
    Ok(Located {
        place_id: Some(place.id.clone()),
        place_name: place.name.clone(),
        place_kind: Some(place.kind.as_str()),
        matched,
        match_score: score,
        geom: Geom::new(&place.geometry, EVENT_LINE_SIMPLIFY_DEG),
        default_geo_precision: geo_precision_for(place.kind),
        borders,
        nearest,
        name_check: NameCheck::NONE,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gazetteer::{GazetteerSources, PlacesSource};

    /// The bundled gazetteer with two villages of one name, in Herat and in Balkh provinces.
    fn with_homonyms() -> Gazetteer {
        let mut t = GazetteerSources::bundled();
        let text = "id,name,kind,country,lat,lon,geometry,aliases,geonames_id,source,notes\n\
                    afg-test-zindajan-herat,Zindajan Testabad,village,AFG,34.40,62.60,,,,test,\n\
                    afg-test-zindajan-balkh,Zindajan Testabad,village,AFG,36.70,67.00,,,,test,\n";
        t.places.push(PlacesSource::Text { text: text.into(), label: "test.csv".into() });
        Gazetteer::from_texts(&t).unwrap()
    }

    fn place_id(r: Result<Located, NotLocated>) -> Result<String, String> {
        r.map(|l| l.place_id.unwrap_or_default()).map_err(|e| e.0)
    }

    #[test]
    fn admin1_settles_a_homonym_and_a_code_does_not_guess() {
        let gz = with_homonyms();
        let loc = Location::Name("Zindajan Testabad".into());
        let at = |admin1: &str| place_id(locate(&gz, &loc, Hints { country: "AFG", admin1 }, 60.0));
        assert_eq!(at(""), Err("ambiguous".to_string()));
        assert_eq!(at("Balkh").as_deref(), Ok("afg-test-zindajan-balkh"));
        assert_eq!(at("Herat province").as_deref(), Ok("afg-test-zindajan-herat"));
        assert_eq!(at("AF30"), Err("ambiguous".to_string()));
        assert_eq!(at("Atlantis"), Err("ambiguous".to_string()));
    }

    #[test]
    fn a_point_checks_its_name_near_itself() {
        let gz = with_homonyms();
        // Near the Balkh village, the name fits; the Herat one does not make it far.
        let loc = Location::Point { lon: 67.01, lat: 36.71, label: Some("Zindajan Testabad".into()) };
        let l = locate(&gz, &loc, Hints::default(), 60.0).unwrap();
        assert_eq!(l.name_check.status, "ok", "{:?}", l.name_check);
        // 37 km east of the Herat village, 400 km from the other: far, from the nearer one.
        let loc = Location::Point { lon: 63.0, lat: 34.4, label: Some("Zindajan Testabad".into()) };
        let l = locate(&gz, &loc, Hints::default(), 60.0).unwrap();
        assert_eq!(l.name_check.status, "far", "{:?}", l.name_check);
        assert!(l.name_check.detail.contains("afg-test-zindajan-herat"), "{}", l.name_check.detail);
        // Halfway between them, the name cannot be checked: ambiguous, both listed.
        let loc = Location::Point { lon: 64.8, lat: 35.55, label: Some("Zindajan Testabad".into()) };
        let l = locate(&gz, &loc, Hints::default(), 60.0).unwrap();
        assert_eq!(l.name_check.status, "ambiguous", "{:?}", l.name_check);
        let loc = Location::Point { lon: 67.01, lat: 36.71, label: None };
        assert_eq!(locate(&gz, &loc, Hints::default(), 60.0).unwrap().name_check, NameCheck::NONE);
    }
}
