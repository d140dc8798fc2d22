//! What a gazetteer entry is.

use std::fmt;
use std::str::FromStr;

use geo::{Geometry, Point};
use serde::Serialize;

/// The kind of a place, as the press and analysts distinguish them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PlaceKind {
    /// A sovereign state.
    Country,
    /// A first-level division: Afghan province (velayat), Tajik or Uzbek region, Iranian ostan.
    Province,
    /// A second-level division (Afghan woleswali, Tajik nohiya); its point is the district seat.
    District,
    /// A capital or a large city.
    City,
    /// A town, often a district seat.
    Town,
    /// A village.
    Village,
    /// An official border crossing or port of entry (often a town of the same name).
    Crossing,
    /// A bridge, usually across a border river.
    Bridge,
    /// A river; its geometry is a line.
    River,
    /// A military base or garrison.
    Base,
    /// A mountain pass.
    Pass,
    /// A whole border, or several: its geometry is the border line(s).
    Border,
}

impl PlaceKind {
    /// Every kind, in the order used for listings and documentation.
    pub const ALL: [PlaceKind; 12] = [
        PlaceKind::Country,
        PlaceKind::Province,
        PlaceKind::District,
        PlaceKind::City,
        PlaceKind::Town,
        PlaceKind::Village,
        PlaceKind::Crossing,
        PlaceKind::Bridge,
        PlaceKind::River,
        PlaceKind::Base,
        PlaceKind::Pass,
        PlaceKind::Border,
    ];

    /// The lower-case name used in files and on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            PlaceKind::Country => "country",
            PlaceKind::Province => "province",
            PlaceKind::District => "district",
            PlaceKind::City => "city",
            PlaceKind::Town => "town",
            PlaceKind::Village => "village",
            PlaceKind::Crossing => "crossing",
            PlaceKind::Bridge => "bridge",
            PlaceKind::River => "river",
            PlaceKind::Base => "base",
            PlaceKind::Pass => "pass",
            PlaceKind::Border => "border",
        }
    }

    /// Whether a place of this kind may sit on (or straddle) a border line, so that its point
    /// lying just outside its declared country is expected.
    pub fn may_sit_on_border(self) -> bool {
        matches!(self, PlaceKind::Crossing | PlaceKind::Bridge | PlaceKind::River | PlaceKind::Pass | PlaceKind::Border)
    }

    /// Whether a place of this kind is a settlement (city, town, village).
    pub fn is_settlement(self) -> bool {
        matches!(self, PlaceKind::City | PlaceKind::Town | PlaceKind::Village)
    }

    /// How readily a bare name refers to a place of this kind, used to break near-ties: a
    /// city called "Herat" is meant more often than a village of that name. Small on purpose:
    /// it never outweighs a better spelling match or a hint.
    pub fn prominence(self) -> f64 {
        match self {
            PlaceKind::Country | PlaceKind::Border => 0.04,
            PlaceKind::River => 0.04,
            PlaceKind::City => 0.03,
            PlaceKind::Crossing => 0.025,
            PlaceKind::Town | PlaceKind::Base | PlaceKind::Bridge => 0.02,
            PlaceKind::Pass => 0.015,
            PlaceKind::Province => 0.01,
            PlaceKind::District => 0.005,
            PlaceKind::Village => 0.0,
        }
    }
}

impl fmt::Display for PlaceKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for PlaceKind {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let t = s.trim().to_ascii_lowercase();
        PlaceKind::ALL.into_iter().find(|k| k.as_str() == t).ok_or_else(|| {
            let all: Vec<&str> = PlaceKind::ALL.iter().map(|k| k.as_str()).collect();
            let close = all.iter().find(|k| strsim::damerau_levenshtein(k, &t) <= 2 && t.len() >= 3);
            let hint = close.map(|k| format!("; did you mean {k}?")).unwrap_or_default();
            format!("unknown kind {s:?} (expected one of: {}){hint}", all.join(", "))
        })
    }
}

/// A stretch of a border line, by chainage: the geometry of rivers and whole-border places.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BorderSection {
    /// Border id.
    pub border: String,
    /// Start, km from the border's start.
    pub from_km: f64,
    /// End, km from the border's start.
    pub to_km: f64,
}

/// Where a record came from, for error messages and provenance.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Origin {
    /// The file as the user named it (or the bundled file's relative path).
    pub file: String,
    /// 1-based line number of the record.
    pub line: u64,
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.file, self.line)
    }
}

/// One gazetteer entry.
#[derive(Debug, Clone, PartialEq)]
pub struct Place {
    /// Stable identifier, `[a-z0-9-]+`, e.g. `afg-islam-qala`.
    pub id: String,
    /// The name to show in legends and tables.
    pub name: String,
    /// What the place is.
    pub kind: PlaceKind,
    /// ISO 3166-1 alpha-3 codes: one, or two for a place on a border (a bridge, a river).
    pub countries: Vec<String>,
    /// Representative point (lon, lat), WGS84. For a line, a point on it used for labels.
    pub point: Point<f64>,
    /// The geometry used for distances: the point itself, or a line for rivers.
    pub geometry: Geometry<f64>,
    /// The geometry as written in the file (empty for a point), kept for round trips.
    pub geometry_spec: String,
    /// The border sections the geometry is made of (empty for a point).
    pub sections: Vec<BorderSection>,
    /// Other spellings, as written.
    pub aliases: Vec<String>,
    /// GeoNames id, where the place is in GeoNames.
    pub geonames_id: Option<u64>,
    /// Where the coordinates and names come from.
    pub source: String,
    /// Free-text remarks.
    pub notes: String,
    /// File and line the entry was read from.
    pub origin: Origin,
}

impl Place {
    /// The country codes joined as written in files: `AFG` or `AFG/TJK`.
    pub fn country_label(&self) -> String {
        self.countries.join("/")
    }

    /// Whether the place is declared in this country (ISO3, case-insensitive).
    pub fn in_country(&self, iso3: &str) -> bool {
        self.countries.iter().any(|c| c.eq_ignore_ascii_case(iso3))
    }

    /// The primary name followed by the aliases.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.name.as_str()).chain(self.aliases.iter().map(String::as_str))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_round_trip_through_their_names() {
        for k in PlaceKind::ALL {
            assert_eq!(k.as_str().parse::<PlaceKind>().unwrap(), k);
        }
        assert_eq!(" River ".parse::<PlaceKind>().unwrap(), PlaceKind::River);
        let err = "hamlet".parse::<PlaceKind>().unwrap_err();
        assert!(err.contains("hamlet") && err.contains("crossing"), "{err}");
    }
}
