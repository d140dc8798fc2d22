//! The name-against-coordinates check for events that come with both (ACLED, GDELT and UCDP
//! exports): the export's point is used as given, and its place name is resolved in the
//! gazetteer near that point; when the place of that name lies farther from the point than its
//! kind allows, the event is flagged `far` — the point, the name or the gazetteer is wrong, and
//! an analyst should look. Nothing is moved.
//!
//! How far is too far depends on what the name names: a town's gazetteer point is the town,
//! a district's or a province's is its centre (see [`allowance_km`]). A country name is not
//! checked (any point in it fits), nor is a name matched only by sound or spelling distance
//! (phonetic or fuzzy: more likely another place than a misplaced one).

use geo::{Closest, ClosestPoint, Distance, Geodesic, Geometry, Point};

use crate::gazetteer::{Gazetteer, MatchKind, Near, PlaceKind, Query, Status};

/// How far (km) a point may lie from the gazetteer's place of its name: 25 km for a place that
/// is a point (a town, a crossing, a bridge …) or a line (a river, a border: distance to the
/// line), 60 km from a district's centre, 250 km from a province's; `None` for a country.
pub fn allowance_km(kind: PlaceKind) -> Option<f64> {
    match kind {
        PlaceKind::Country => None,
        PlaceKind::Province => Some(250.0),
        PlaceKind::District => Some(60.0),
        _ => Some(FAR_KM),
    }
}

/// The allowance for places that are points or lines.
pub const FAR_KM: f64 = 25.0;

/// The outcome, as written in the `name_check` and `name_check_detail` fields.
#[derive(Debug, Clone, PartialEq)]
pub struct NameCheck {
    /// `""` (nothing to check: no name, or a country's), `ok`, `far`, `unknown` (the
    /// gazetteer does not know the name) or `ambiguous` (it knows several such places near
    /// the point).
    pub status: &'static str,
    /// What was found: the place, its distance and the allowance.
    pub detail: String,
}

impl NameCheck {
    /// No check made.
    pub const NONE: NameCheck = NameCheck { status: "", detail: String::new() };
}

/// The place a location label names, without what follows it: GDELT's `ActionGeo_FullName`
/// is "Islam Qala, Herat, Afghanistan" (place, province, country) or "Herat, Afghanistan
/// (general)"; the first part is the place.
///
/// ```
/// use bordermap::layers::name_check::place_part;
/// assert_eq!(place_part("Islam Qala, Herat, Afghanistan"), "Islam Qala");
/// assert_eq!(place_part("Badakhshan (general)"), "Badakhshan");
/// assert_eq!(place_part(" Torghundi "), "Torghundi");
/// ```
pub fn place_part(label: &str) -> &str {
    let first = label.split(',').next().unwrap_or("").trim();
    first.strip_suffix("(general)").map_or(first, str::trim_end)
}

/// Resolves the place `name` names ([`place_part`]) near (lon, lat), preferring places in
/// `country` (ISO3, or empty), and compares.
pub fn check(gz: &Gazetteer, name: &str, lon: f64, lat: f64, country: &str) -> NameCheck {
    let name = place_part(name);
    if name.is_empty() {
        return NameCheck::NONE;
    }
    let at = Point::new(lon, lat);
    let q = Query {
        country: (!country.is_empty()).then(|| country.to_string()),
        near: Some(Near::Point(at)),
        ..Query::new(name)
    };
    let r = gz.resolve(&q);
    let strong = |m: MatchKind| matches!(m, MatchKind::Exact | MatchKind::Folded);
    let Some(best) = r.candidates.first().filter(|c| strong(c.matched)) else {
        return NameCheck { status: "unknown", detail: format!("{name:?} is not in the gazetteer") };
    };
    let place = gz.place_at(best.place);
    let Some(allow) = allowance_km(place.kind) else { return NameCheck::NONE };
    if r.status == Status::Ambiguous {
        let ids: Vec<String> = r.candidates.iter().map(|c| gz.place_at(c.place).id.clone()).collect();
        return NameCheck { status: "ambiguous", detail: format!("{name:?} names several places: {}", ids.join(", ")) };
    }
    let km = distance_km(at, &place.geometry);
    let detail = format!(
        "{name:?} is {} ({} {}) {km:.1} km from the given point (allowed {allow} km for a {})",
        place.id,
        place.country_label(),
        place.kind,
        place.kind
    );
    NameCheck { status: if km > allow { "far" } else { "ok" }, detail }
}

/// Geodesic km from `p` to the nearest point of `g` (its closest point found in degrees, which
/// is close enough at the distances that matter here).
fn distance_km(p: Point<f64>, g: &Geometry<f64>) -> f64 {
    let target = match g.closest_point(&p) {
        Closest::Intersection(c) | Closest::SinglePoint(c) => c,
        Closest::Indeterminate => match g {
            Geometry::Point(q) => *q,
            _ => return f64::INFINITY,
        },
    };
    Geodesic.distance(p, target) / 1000.0
}

#[cfg(test)]
mod tests {
    use super::*;

    fn gz() -> Gazetteer {
        Gazetteer::bundled().unwrap()
    }

    #[test]
    fn a_name_at_its_place_is_ok_and_far_from_it_is_flagged() {
        let gz = gz();
        // Islam Qala crossing, at its own point and 100 km east of it (in Herat city).
        let ok = check(&gz, "Islam Qala", 61.07, 34.66, "AFG");
        assert_eq!(ok.status, "ok", "{ok:?}");
        let far = check(&gz, "Islam Qala", 62.2, 34.35, "AFG");
        assert_eq!(far.status, "far", "{far:?}");
        assert!(far.detail.contains("km from the given point"), "{}", far.detail);
    }

    #[test]
    fn a_gdelt_full_name_is_checked_by_its_place() {
        let gz = gz();
        assert_eq!(check(&gz, "Islam Qala, Herat, Afghanistan", 61.07, 34.66, "AFG").status, "ok");
        assert_eq!(check(&gz, "Islam Qala, Herat, Afghanistan", 62.2, 34.35, "AFG").status, "far");
        assert_eq!(check(&gz, "Afghanistan", 62.2, 34.35, "AFG").status, "");
    }

    #[test]
    fn countries_nothing_and_unknown_names() {
        let gz = gz();
        assert_eq!(check(&gz, "Afghanistan", 61.07, 34.66, "").status, "");
        assert_eq!(check(&gz, "  ", 61.07, 34.66, "").status, "");
        assert_eq!(check(&gz, "Qqqxyzzy", 61.07, 34.66, "").status, "unknown");
    }

    #[test]
    fn a_province_allows_its_extent() {
        let gz = gz();
        // Herat city lies ~100 km from the province's centre: within a province's allowance.
        assert_eq!(check(&gz, "Herat province", 62.2, 34.35, "AFG").status, "ok");
    }

    #[test]
    fn distance_to_a_line_is_to_its_nearest_point() {
        let line = Geometry::LineString(geo::LineString::from(vec![(69.0, 37.0), (70.0, 37.0)]));
        let d = distance_km(Point::new(69.5, 37.1), &line);
        assert!((d - 11.1).abs() < 0.2, "{d}");
    }
}
