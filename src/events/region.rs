//! Where event coordinates may plausibly be: a lon/lat box, by default Afghanistan and its
//! neighbours. A point outside it is a typo or a swapped pair (Islam Qala given as lat 61.1,
//! lon 34.5 lands in Russia), refused by the events reader rather than mapped thousands of km
//! from any border. Events placed by name or `place_id` are not checked: the gazetteer decides
//! where those are (Moscow is a fine place for a statement).

use std::fmt;
use std::str::FromStr;

/// A lon/lat bounding box (WGS84 degrees, edges included), the area event coordinates are
/// expected in.
///
/// ```
/// use bordermap::events::Region;
/// let r = Region::DEFAULT;
/// assert!(r.check(61.1, 34.5).is_ok()); // Islam Qala, lon 61.1, lat 34.5
/// let e = r.check(34.5, 61.1).unwrap_err(); // the same pair swapped: in Russia
/// assert!(e.contains("look swapped"));
/// let wide: Region = "30,20,90,65".parse().unwrap();
/// assert!(wide.check(34.5, 61.1).is_ok());
/// assert!("world".parse::<Region>().unwrap().check(-74.0, 40.7).is_ok());
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Region {
    /// Western edge (longitude).
    pub min_lon: f64,
    /// Southern edge (latitude).
    pub min_lat: f64,
    /// Eastern edge (longitude).
    pub max_lon: f64,
    /// Northern edge (latitude).
    pub max_lat: f64,
}

impl Region {
    /// Afghanistan and its neighbours with about a degree of margin: lon 43–81, lat 22–47.
    /// Iran's west (44° E), Pakistan's south (23.7° N), Uzbekistan and Kyrgyzstan's north
    /// (45.6° N, 43.3° N), Pakistan and Xinjiang's border area (to 80° E). A point outside is
    /// hundreds of km from any Afghan border.
    pub const DEFAULT: Region = Region { min_lon: 43.0, min_lat: 22.0, max_lon: 81.0, max_lat: 47.0 };

    /// The whole globe: only the lat/lon ranges are checked, no swaps can be told.
    pub const WORLD: Region = Region { min_lon: -180.0, min_lat: -90.0, max_lon: 180.0, max_lat: 90.0 };

    /// Whether the point lies in the box.
    pub fn contains(&self, lon: f64, lat: f64) -> bool {
        (self.min_lon..=self.max_lon).contains(&lon) && (self.min_lat..=self.max_lat).contains(&lat)
    }

    /// `Ok` for a point in the region; otherwise what is wrong with it (the two values look
    /// swapped, or the point is outside the region) and how to widen it.
    pub fn check(&self, lon: f64, lat: f64) -> Result<(), String> {
        if self.contains(lon, lat) {
            return Ok(());
        }
        if self.contains(lat, lon) {
            return Err(format!(
                "lat {lat} / lon {lon} look swapped: lat {lon}, lon {lat} would lie in the region ({self}); \
                 exchange the two values (if the point is right after all, widen the region: bordermap map \
                 --region MINLON,MINLAT,MAXLON,MAXLAT, or --region world)"
            ));
        }
        Err(format!(
            "lat {lat}, lon {lon} lies outside the region ({self}), far from any Afghan border (to map it anyway, \
             widen the region: bordermap map --region MINLON,MINLAT,MAXLON,MAXLAT, or --region world)"
        ))
    }
}

impl Default for Region {
    fn default() -> Self {
        Region::DEFAULT
    }
}

impl fmt::Display for Region {
    /// `lon 43..81, lat 22..47`, or `the world`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if *self == Region::WORLD {
            return f.write_str("the world");
        }
        write!(f, "lon {}..{}, lat {}..{}", self.min_lon, self.max_lon, self.min_lat, self.max_lat)
    }
}

impl FromStr for Region {
    type Err = String;

    /// `MINLON,MINLAT,MAXLON,MAXLAT` in degrees, or `world`.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        if s.trim().eq_ignore_ascii_case("world") {
            return Ok(Region::WORLD);
        }
        let usage = || {
            format!("{s:?} is not a region: give MINLON,MINLAT,MAXLON,MAXLAT in degrees (e.g. 43,22,81,47) or world")
        };
        let v: Vec<f64> =
            s.split(',').map(|p| p.trim().parse::<f64>()).collect::<Result<_, _>>().map_err(|_| usage())?;
        let [min_lon, min_lat, max_lon, max_lat] = v[..] else { return Err(usage()) };
        let r = Region { min_lon, min_lat, max_lon, max_lat };
        if !v.iter().all(|x| x.is_finite()) {
            return Err(usage());
        }
        if !(-180.0..=180.0).contains(&min_lon) || !(-180.0..=180.0).contains(&max_lon) {
            return Err(format!("{s:?}: longitudes must be within -180..180"));
        }
        if !(-90.0..=90.0).contains(&min_lat) || !(-90.0..=90.0).contains(&max_lat) {
            return Err(format!("{s:?}: latitudes must be within -90..90"));
        }
        if min_lon >= max_lon || min_lat >= max_lat {
            return Err(format!("{s:?}: the minimum must be below the maximum (MINLON,MINLAT,MAXLON,MAXLAT)"));
        }
        Ok(r)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn swapped_islam_qala_is_told_apart_from_a_far_point() {
        let r = Region::DEFAULT;
        // The region's capitals and border towns are inside.
        for (lon, lat) in
            [(61.1, 34.5), (69.2, 34.5), (68.8, 38.5), (51.4, 35.7), (73.0, 33.7), (69.2, 41.3), (76.0, 39.5)]
        {
            assert!(r.check(lon, lat).is_ok(), "{lon},{lat}");
        }
        assert!(r.check(34.5, 61.1).unwrap_err().contains("look swapped"));
        let far = r.check(-74.0, 40.7).unwrap_err();
        assert!(far.contains("outside the region") && !far.contains("swapped"), "{far}");
    }

    #[test]
    fn regions_parse_and_refuse_nonsense() {
        assert_eq!("43,22,81,47".parse::<Region>(), Ok(Region::DEFAULT));
        assert_eq!(" World ".parse::<Region>(), Ok(Region::WORLD));
        for bad in ["", "1,2,3", "1,2,3,4,5", "a,b,c,d", "81,22,43,47", "0,0,200,10", "0,-91,10,10", "NaN,0,1,1"] {
            assert!(bad.parse::<Region>().is_err(), "{bad}");
        }
        assert_eq!(Region::DEFAULT.to_string(), "lon 43..81, lat 22..47");
    }
}
