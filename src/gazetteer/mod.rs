//! The gazetteer: border places, their press spellings, and resolving names to them.
//!
//! A gazetteer is a folder with three files (the bundled one is `gazetteer/` in the
//! repository, compiled into the binary):
//! - `borders.geojson`: one LineString per border (see [`crate::borders`]);
//! - `countries.geojson`: country polygons, to place a point in a country;
//! - `places.csv`: the places (see [`load`] for the columns).
//!
//! ```
//! use bordermap::gazetteer::{Gazetteer, Query, Status};
//! let gz = Gazetteer::bundled().unwrap();
//! let r = gz.resolve(&Query::new("Mazar-e Sharif"));
//! assert_eq!(r.status, Status::Resolved);
//! assert_eq!(gz.places()[r.candidates[0].place].id, "afg-mazar-i-sharif");
//! ```

pub mod check;
pub mod fold;
pub mod load;
pub mod place;
pub mod resolve;

use std::collections::HashMap;
use std::path::{Path, PathBuf};

pub use place::{BorderSection, Origin, Place, PlaceKind};
pub use resolve::{Candidate, MatchKind, NameIndex, Near, Query, Resolution, Status};

use serde::Serialize;

use crate::borders::{BorderFacts, BorderSet, BordersError};
use crate::diagnostic::Diagnostic;

/// File names inside a gazetteer folder.
pub const BORDERS_FILE: &str = "borders.geojson";
/// Country polygons file name.
pub const COUNTRIES_FILE: &str = "countries.geojson";
/// Places file name.
pub const PLACES_FILE: &str = "places.csv";

const BUNDLED_BORDERS: &str = include_str!("../../gazetteer/borders.geojson");
const BUNDLED_COUNTRIES: &str = include_str!("../../gazetteer/countries.geojson");
const BUNDLED_PLACES: &str = include_str!("../../gazetteer/places.csv");

/// Errors loading a gazetteer.
#[derive(Debug, thiserror::Error)]
pub enum GazetteerError {
    /// A file could not be read.
    #[error("cannot read {path}: {source}")]
    Io {
        /// The path.
        path: PathBuf,
        /// The cause.
        source: std::io::Error,
    },
    /// The border or country geometry is unusable.
    #[error(transparent)]
    Borders(#[from] BordersError),
    /// Records are invalid; every error found is listed.
    #[error("{} error(s) in the gazetteer:\n{}", .0.len(), format_diagnostics(.0))]
    Invalid(Vec<Diagnostic>),
}

fn format_diagnostics(d: &[Diagnostic]) -> String {
    const SHOWN: usize = 20;
    let mut s: Vec<String> = d.iter().take(SHOWN).map(|d| format!("  {d}")).collect();
    if d.len() > SHOWN {
        s.push(format!("  … and {} more (run `bordermap gazetteer check`)", d.len() - SHOWN));
    }
    s.join("\n")
}

/// The texts of a gazetteer's files, labelled for messages.
#[derive(Debug, Clone)]
pub struct GazetteerTexts {
    /// `borders.geojson` text and label.
    pub borders: (String, String),
    /// `countries.geojson` text and label.
    pub countries: (String, String),
    /// `places.csv` text and label.
    pub places: (String, String),
}

impl GazetteerTexts {
    /// The gazetteer compiled into the binary (the repository's `gazetteer/` folder).
    pub fn bundled() -> Self {
        let label = |f: &str| format!("gazetteer/{f}");
        GazetteerTexts {
            borders: (BUNDLED_BORDERS.to_string(), label(BORDERS_FILE)),
            countries: (BUNDLED_COUNTRIES.to_string(), label(COUNTRIES_FILE)),
            places: (BUNDLED_PLACES.to_string(), label(PLACES_FILE)),
        }
    }

    /// Reads the three files of a gazetteer folder.
    pub fn read_dir(dir: &Path) -> Result<Self, GazetteerError> {
        let read = |f: &str| {
            let path = dir.join(f);
            std::fs::read_to_string(&path)
                .map(|t| (t, path.display().to_string()))
                .map_err(|source| GazetteerError::Io { path, source })
        };
        Ok(GazetteerTexts {
            borders: read(BORDERS_FILE)?,
            countries: read(COUNTRIES_FILE)?,
            places: read(PLACES_FILE)?,
        })
    }
}

/// Places, borders and the name index, ready to resolve names.
#[derive(Debug)]
pub struct Gazetteer {
    places: Vec<Place>,
    borders: BorderSet,
    index: NameIndex,
    by_id: HashMap<String, usize>,
    /// Warnings found while loading (shared aliases are not among them: see `check`).
    pub warnings: Vec<Diagnostic>,
}

impl Gazetteer {
    /// The gazetteer compiled into the binary.
    pub fn bundled() -> Result<Self, GazetteerError> {
        Self::from_texts(&GazetteerTexts::bundled())
    }

    /// Loads a gazetteer folder.
    pub fn load_dir(dir: &Path) -> Result<Self, GazetteerError> {
        Self::from_texts(&GazetteerTexts::read_dir(dir)?)
    }

    /// Builds a gazetteer from file texts. Fails with every record error found.
    pub fn from_texts(t: &GazetteerTexts) -> Result<Self, GazetteerError> {
        let borders = BorderSet::from_geojson(&t.borders.0, &t.borders.1, &t.countries.0, &t.countries.1)?;
        let (places, mut diags) = load::read_places(&t.places.0, &t.places.1, &borders);
        diags.extend(check::duplicate_ids(&places));
        let (errors, warnings): (Vec<_>, Vec<_>) = diags.into_iter().partition(Diagnostic::is_error);
        if !errors.is_empty() {
            return Err(GazetteerError::Invalid(errors));
        }
        Ok(Self::from_parts(places, borders, warnings))
    }

    /// Builds a gazetteer from places already read (ids must be unique).
    pub fn from_parts(places: Vec<Place>, borders: BorderSet, warnings: Vec<Diagnostic>) -> Self {
        let index = NameIndex::build(&places);
        let by_id = places.iter().enumerate().map(|(i, p)| (p.id.clone(), i)).collect();
        Gazetteer { places, borders, index, by_id, warnings }
    }

    /// All places, in file order.
    pub fn places(&self) -> &[Place] {
        &self.places
    }

    /// A place by id.
    pub fn place(&self, id: &str) -> Option<&Place> {
        self.by_id.get(id).map(|&i| &self.places[i])
    }

    /// Index of a place by id.
    pub fn place_index(&self, id: &str) -> Option<usize> {
        self.by_id.get(id).copied()
    }

    /// Borders and country polygons.
    pub fn borders(&self) -> &BorderSet {
        &self.borders
    }

    /// The name index.
    pub fn index(&self) -> &NameIndex {
        &self.index
    }

    /// Resolves a name, with the query's hints.
    pub fn resolve(&self, q: &Query) -> Resolution {
        let border_km = |place: usize, border_id: &str| -> Option<f64> {
            let b = self.borders.border(border_id)?;
            let p = self.places[place].point;
            // Distance to that border specifically: nearest on its own segments.
            let mut best = f64::INFINITY;
            for seg in b.line.lines() {
                use geo::{Closest, Distance, Geodesic, HaversineClosestPoint};
                if let Closest::SinglePoint(c) | Closest::Intersection(c) = seg.haversine_closest_point(&p) {
                    best = best.min(Geodesic.distance(p, c));
                }
            }
            Some(best / 1000.0)
        };
        self.index.resolve(&self.places, q, &border_km)
    }

    /// Nearest border, distance, chainage and side for a place. A place made of border
    /// sections (a river, a whole border) lies on its first section's border, at the chainage
    /// of the section's start; any other line at its vertex nearest to a border.
    pub fn border_facts(&self, place: usize) -> Option<BorderFacts> {
        let p = &self.places[place];
        if let Some(s) = p.sections.first() {
            let b = self.borders.border(&s.border)?;
            return Some(BorderFacts {
                border: b.id.clone(),
                distance_km: 0.0,
                chainage_km: s.from_km,
                side: None,
                side_basis: crate::borders::SideBasis::OnLine,
                closest: b.point_at_m(s.from_km * 1000.0),
            });
        }
        self.borders.facts_for_geometry(&p.geometry)
    }
}

/// A place and where it stands relative to the borders: the record reports print.
#[derive(Debug, Clone, Serialize)]
pub struct PlaceReport {
    /// Place id.
    pub id: String,
    /// Name for legends.
    pub name: String,
    /// Kind.
    pub kind: PlaceKind,
    /// ISO3 code(s), `/`-joined.
    pub country: String,
    /// Latitude of the representative point, 6 decimals.
    pub lat: f64,
    /// Longitude of the representative point, 6 decimals.
    pub lon: f64,
    /// GeoNames id, if any.
    pub geonames_id: Option<u64>,
    /// Where the place's data comes from.
    pub source: String,
    /// Nearest border id.
    pub border: Option<String>,
    /// Geodesic distance to it, km (3 decimals).
    pub distance_km: Option<f64>,
    /// Chainage of the closest point, km from the border's start (3 decimals).
    pub chainage_km: Option<f64>,
    /// ISO3 of the country the place lies in, where known.
    pub side: Option<String>,
    /// How the side was decided.
    pub side_basis: Option<crate::borders::SideBasis>,
}

impl Gazetteer {
    /// The report for a place: its fields and its border facts.
    pub fn report(&self, place: usize) -> PlaceReport {
        let p = &self.places[place];
        let facts = self.border_facts(place);
        let r3 = |v: f64| (v * 1000.0).round() / 1000.0;
        let r6 = |v: f64| (v * 1e6).round() / 1e6;
        PlaceReport {
            id: p.id.clone(),
            name: p.name.clone(),
            kind: p.kind,
            country: p.country_label(),
            lat: r6(p.point.y()),
            lon: r6(p.point.x()),
            geonames_id: p.geonames_id,
            source: p.source.clone(),
            border: facts.as_ref().map(|f| f.border.clone()),
            distance_km: facts.as_ref().map(|f| r3(f.distance_km)),
            chainage_km: facts.as_ref().map(|f| r3(f.chainage_km)),
            side: facts.as_ref().and_then(|f| f.side.clone()),
            side_basis: facts.as_ref().map(|f| f.side_basis),
        }
    }
}
