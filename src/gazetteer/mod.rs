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
pub mod edit;
pub mod fold;
pub mod geonames;
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
    /// Places files (text and label), lowest precedence first: a row replaces an earlier
    /// file's row with the same id, and adds a place otherwise.
    pub places: Vec<(String, String)>,
}

impl GazetteerTexts {
    /// The gazetteer compiled into the binary (the repository's `gazetteer/` folder).
    pub fn bundled() -> Self {
        let label = |f: &str| format!("gazetteer/{f}");
        GazetteerTexts {
            borders: (BUNDLED_BORDERS.to_string(), label(BORDERS_FILE)),
            countries: (BUNDLED_COUNTRIES.to_string(), label(COUNTRIES_FILE)),
            places: vec![(BUNDLED_PLACES.to_string(), label(PLACES_FILE))],
        }
    }

    /// Reads the three files of a complete gazetteer folder.
    pub fn read_dir(dir: &Path) -> Result<Self, GazetteerError> {
        Ok(GazetteerTexts {
            borders: read_labelled(&dir.join(BORDERS_FILE))?,
            countries: read_labelled(&dir.join(COUNTRIES_FILE))?,
            places: vec![read_labelled(&dir.join(PLACES_FILE))?],
        })
    }

    /// Adds a layer on top: a places CSV file, or a folder. A folder with its own
    /// `borders.geojson` is a complete gazetteer and replaces everything below it; any other
    /// folder contributes its `places.csv`.
    pub fn with_layer(mut self, path: &Path) -> Result<Self, GazetteerError> {
        if path.is_dir() {
            if path.join(BORDERS_FILE).exists() {
                return GazetteerTexts::read_dir(path);
            }
            self.places.push(read_labelled(&path.join(PLACES_FILE))?);
        } else {
            self.places.push(read_labelled(path)?);
        }
        Ok(self)
    }
}

fn read_labelled(path: &Path) -> Result<(String, String), GazetteerError> {
    std::fs::read_to_string(path)
        .map(|t| (t, path.display().to_string()))
        .map_err(|source| GazetteerError::Io { path: path.to_path_buf(), source })
}

/// Reads every places file of `t` and merges them: within a file ids must be unique (an
/// error otherwise); a later file's row replaces an earlier one with the same id, in place.
pub fn read_merged(t: &GazetteerTexts, borders: &BorderSet) -> (Vec<Place>, Vec<Diagnostic>) {
    let mut merged: Vec<Place> = Vec::new();
    let mut by_id: HashMap<String, usize> = HashMap::new();
    let mut diags = Vec::new();
    for (text, label) in &t.places {
        let (places, d) = load::read_places(text, label, borders);
        diags.extend(d);
        diags.extend(check::duplicate_ids(&places));
        let mut seen_here = std::collections::HashSet::new();
        for p in places {
            if !seen_here.insert(p.id.clone()) {
                continue; // reported as a duplicate above
            }
            match by_id.get(&p.id) {
                Some(&i) => merged[i] = p,
                None => {
                    by_id.insert(p.id.clone(), merged.len());
                    merged.push(p);
                }
            }
        }
    }
    (merged, diags)
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

    /// Loads a complete gazetteer folder.
    pub fn load_dir(dir: &Path) -> Result<Self, GazetteerError> {
        Self::from_texts(&GazetteerTexts::read_dir(dir)?)
    }

    /// The bundled gazetteer with layers on top (see [`GazetteerTexts::with_layer`]).
    pub fn load_layers(layers: &[PathBuf]) -> Result<Self, GazetteerError> {
        let mut t = GazetteerTexts::bundled();
        for l in layers {
            t = t.with_layer(l)?;
        }
        Self::from_texts(&t)
    }

    /// Builds a gazetteer from file texts. Fails with every record error found.
    pub fn from_texts(t: &GazetteerTexts) -> Result<Self, GazetteerError> {
        let borders = BorderSet::from_geojson(&t.borders.0, &t.borders.1, &t.countries.0, &t.countries.1)?;
        let (places, diags) = read_merged(t, &borders);
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

/// The user's own places file, where edits and imports go: `$XDG_DATA_HOME/bordermap/places.csv`,
/// else `~/.local/share/bordermap/places.csv`. (The CLI lets `--user-places` or
/// `BORDERMAP_USER_PLACES` name another.) `None` when neither variable is set.
pub fn default_user_places() -> Option<PathBuf> {
    let data = std::env::var_os("XDG_DATA_HOME").filter(|v| !v.is_empty()).map(PathBuf::from).or_else(|| {
        std::env::var_os("HOME").filter(|v| !v.is_empty()).map(|h| PathBuf::from(h).join(".local/share"))
    })?;
    Some(data.join("bordermap").join(PLACES_FILE))
}

impl Gazetteer {
    /// Places matching the filters, in file order, with their geodesic distance (km) from
    /// `near` when given (then only those within `km`, nearest first).
    pub fn select(
        &self,
        country: Option<&str>,
        kind: Option<PlaceKind>,
        near: Option<(usize, f64)>,
    ) -> Vec<(usize, Option<f64>)> {
        use geo::{Distance, Geodesic};
        let mut out: Vec<(usize, Option<f64>)> = self
            .places
            .iter()
            .enumerate()
            .filter(|(_, p)| country.is_none_or(|c| p.in_country(c)))
            .filter(|(_, p)| kind.is_none_or(|k| p.kind == k))
            .filter_map(|(i, p)| match near {
                None => Some((i, None)),
                Some((c, km)) => {
                    let d = Geodesic.distance(self.places[c].point, p.point) / 1000.0;
                    (d <= km && i != c).then_some((i, Some(d)))
                }
            })
            .collect();
        if near.is_some() {
            out.sort_by(|a, b| a.1.unwrap_or(0.0).total_cmp(&b.1.unwrap_or(0.0)).then(a.0.cmp(&b.0)));
        }
        out
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
