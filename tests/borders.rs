//! Border geometry on the bundled data, through the library.

use bordermap::gazetteer::Gazetteer;
use geo::Point;
use proptest::prelude::*;

fn gz() -> &'static Gazetteer {
    static GZ: std::sync::OnceLock<Gazetteer> = std::sync::OnceLock::new();
    GZ.get_or_init(|| Gazetteer::bundled().expect("bundled gazetteer loads"))
}

#[test]
fn border_lengths_match_published_figures() {
    // CIA World Factbook figures; the OSM lines are within 4 % of each.
    for (id, published) in [("AFG-TJK", 1357.0), ("AFG-IRN", 921.0), ("AFG-TKM", 804.0), ("AFG-UZB", 144.0)] {
        let b = gz().borders().border(id).unwrap();
        let ratio = b.length_km() / published;
        assert!((0.96..1.04).contains(&ratio), "{id}: {} km vs {published}", b.length_km());
    }
}

#[test]
fn afghanistan_is_on_the_right_of_every_line() {
    for b in &gz().borders().borders {
        assert_eq!(b.right_side.as_deref(), Some("AFG"), "{}", b.id);
    }
}

#[test]
fn far_points_still_find_their_nearest_border() {
    let set = gz().borders();
    for p in [Point::new(37.61556, 55.75222), Point::new(51.42, 35.69), Point::new(104.0, 35.0)] {
        let a = set.nearest(p).unwrap();
        let b = set.nearest_brute_force(p).unwrap();
        assert!((a.distance_m - b.distance_m).abs() < 0.1, "{p:?}: {} vs {}", a.distance_m, b.distance_m);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// The R-tree search with its lower bound finds what brute force finds, to 0.1 m.
    #[test]
    fn indexed_nearest_equals_brute_force(lon in 55.0f64..80.0, lat in 25.0f64..45.0) {
        let set = gz().borders();
        let p = Point::new(lon, lat);
        let a = set.nearest(p).unwrap();
        let b = set.nearest_brute_force(p).unwrap();
        prop_assert!((a.distance_m - b.distance_m).abs() < 0.1, "{:?}: {} vs {}", p, a.distance_m, b.distance_m);
    }
}
