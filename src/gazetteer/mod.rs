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
//! assert_eq!(gz.place_at(r.candidates[0].place).id, "afg-mazar-i-sharif");
//! ```

pub mod check;
pub mod disk_index;
pub mod edit;
pub mod fold;
pub mod geonames;
pub mod hints;
pub mod load;
pub mod online;
pub mod place;
pub mod resolve;

use std::collections::HashMap;
use std::path::{Path, PathBuf};

pub use place::{BorderSection, Origin, Place, PlaceKind};
pub use resolve::{Candidate, Hint, MatchKind, NameIndex, Near, PlaceFacts, Query, Resolution, Status};

use serde::Serialize;

use crate::borders::{BorderFacts, BorderSet, BordersError};
use crate::diagnostic::Diagnostic;

/// File names inside a gazetteer folder.
pub const BORDERS_FILE: &str = "borders.geojson";
/// Country polygons file name.
pub const COUNTRIES_FILE: &str = "countries.geojson";
/// Places file name.
pub const PLACES_FILE: &str = "places.csv";
/// The GeoNames layer of a gazetteer folder, under [`PLACES_FILE`] (optional): places generated
/// from GeoNames by `gazetteer/tools/bundle_geonames.sh`; the curated file wins over it.
pub const GEONAMES_FILE: &str = "geonames.csv";

/// The longest place name or alias, in characters, that the gazetteer stores and the resolver
/// looks up. Real names are short: the longest in use, Bangkok's ceremonial name, is 188
/// characters romanised; the bundled gazetteer's longest is 40. Longer text is not a name
/// (a pasted paragraph, a broken CSV column): loading refuses it (file, line, field),
/// `gazetteer add`/`alias` refuse it, and resolving it answers [`Status::TooLong`] at once.
pub const MAX_NAME_CHARS: usize = 256;

/// Whether a name (trimmed) has more than [`MAX_NAME_CHARS`] characters; looks at no more
/// than that many.
pub fn name_too_long(name: &str) -> bool {
    name.trim().chars().nth(MAX_NAME_CHARS).is_some()
}

/// "name is longer than 256 characters (…)": the message for a name [`name_too_long`] refuses,
/// with its start and length, never the whole of it.
pub fn too_long_message(name: &str) -> String {
    let start: String = name.trim().chars().take(40).collect();
    format!(
        "name is longer than {MAX_NAME_CHARS} characters ({} characters, starting {start:?}…)",
        name.trim().chars().count()
    )
}

const BUNDLED_BORDERS: &str = include_str!("../../gazetteer/borders.geojson");
const BUNDLED_COUNTRIES: &str = include_str!("../../gazetteer/countries.geojson");
const BUNDLED_PLACES: &str = include_str!("../../gazetteer/places.csv");
const BUNDLED_GEONAMES: &str = include_str!("../../gazetteer/geonames.csv");

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

/// Where a places layer comes from.
#[derive(Debug, Clone)]
pub enum PlacesSource {
    /// Text in memory (the bundled file, tests), with the label messages use.
    Text {
        /// The CSV text.
        text: String,
        /// How messages name it.
        label: String,
    },
    /// A file, read when the gazetteer loads (or indexed on disk when large).
    File(PathBuf),
}

impl PlacesSource {
    /// How messages name it.
    pub fn label(&self) -> String {
        match self {
            PlacesSource::Text { label, .. } => label.clone(),
            PlacesSource::File(p) => p.display().to_string(),
        }
    }

    /// Its text.
    pub fn read(&self) -> Result<std::borrow::Cow<'_, str>, GazetteerError> {
        match self {
            PlacesSource::Text { text, .. } => Ok(text.into()),
            PlacesSource::File(p) => read_labelled(p).map(|(t, _)| t.into()),
        }
    }
}

/// A gazetteer's sources: the border and country texts (labelled for messages) and the
/// places layers, lowest precedence first.
#[derive(Debug, Clone)]
pub struct GazetteerSources {
    /// `borders.geojson` text and label.
    pub borders: (String, String),
    /// `countries.geojson` text and label.
    pub countries: (String, String),
    /// Places layers, lowest precedence first: a row replaces a lower layer's row with the
    /// same id, and adds a place otherwise.
    pub places: Vec<PlacesSource>,
}

impl GazetteerSources {
    /// The gazetteer compiled into the binary (the repository's `gazetteer/` folder).
    pub fn bundled() -> Self {
        let label = |f: &str| format!("gazetteer/{f}");
        GazetteerSources {
            borders: (BUNDLED_BORDERS.to_string(), label(BORDERS_FILE)),
            countries: (BUNDLED_COUNTRIES.to_string(), label(COUNTRIES_FILE)),
            places: vec![
                PlacesSource::Text { text: BUNDLED_GEONAMES.to_string(), label: label(GEONAMES_FILE) },
                PlacesSource::Text { text: BUNDLED_PLACES.to_string(), label: label(PLACES_FILE) },
            ],
        }
    }

    /// A complete gazetteer folder.
    pub fn read_dir(dir: &Path) -> Result<Self, GazetteerError> {
        let geonames = dir.join(GEONAMES_FILE);
        let mut places = Vec::new();
        if geonames.is_file() {
            places.push(PlacesSource::File(geonames));
        }
        places.push(PlacesSource::File(dir.join(PLACES_FILE)));
        Ok(GazetteerSources {
            borders: read_labelled(&dir.join(BORDERS_FILE))?,
            countries: read_labelled(&dir.join(COUNTRIES_FILE))?,
            places,
        })
    }

    /// Adds a layer on top: a places CSV file, or a folder. A folder with its own
    /// `borders.geojson` is a complete gazetteer and replaces everything below it; any other
    /// folder contributes its `places.csv`.
    pub fn with_layer(mut self, path: &Path) -> Result<Self, GazetteerError> {
        let file = if path.is_dir() {
            if path.join(BORDERS_FILE).exists() {
                return GazetteerSources::read_dir(path);
            }
            path.join(PLACES_FILE)
        } else {
            path.to_path_buf()
        };
        // Fail now, naming the layer, rather than later.
        std::fs::metadata(&file).map_err(|source| GazetteerError::Io { path: file.clone(), source })?;
        self.places.push(PlacesSource::File(file));
        Ok(self)
    }
}

fn read_labelled(path: &Path) -> Result<(String, String), GazetteerError> {
    std::fs::read_to_string(path)
        .map(|t| (t, path.display().to_string()))
        .map_err(|source| GazetteerError::Io { path: path.to_path_buf(), source })
}

/// Reads every places layer and merges them, in memory: within a layer ids must be unique (an
/// error otherwise); a later layer's row replaces an earlier one with the same id, in place.
/// Unreadable files are errors.
pub fn read_merged(t: &GazetteerSources, borders: &BorderSet) -> (Vec<Place>, Vec<Diagnostic>) {
    let mut merged = Merged::default();
    let mut diags = Vec::new();
    for (rank, src) in t.places.iter().enumerate() {
        match src.read() {
            Ok(text) => merged.add_layer(rank, &text, &src.label(), borders, &mut diags),
            Err(e) => diags.push(Diagnostic::error(&src.label(), None, None, e.to_string())),
        }
    }
    (merged.places, diags)
}

/// Places of in-memory layers, merged by id, with the rank of the layer each came from.
#[derive(Default)]
struct Merged {
    places: Vec<Place>,
    ranks: Vec<usize>,
    by_id: HashMap<String, usize>,
}

impl Merged {
    fn add_layer(&mut self, rank: usize, text: &str, label: &str, borders: &BorderSet, diags: &mut Vec<Diagnostic>) {
        let (places, d) = load::read_places(text, label, borders);
        diags.extend(d);
        diags.extend(check::duplicate_ids(&places));
        let mut seen_here = std::collections::HashSet::new();
        for p in places {
            if !seen_here.insert(p.id.clone()) {
                continue; // reported as a duplicate above
            }
            match self.by_id.get(&p.id) {
                Some(&i) => {
                    self.places[i] = p;
                    self.ranks[i] = rank;
                }
                None => {
                    self.by_id.insert(p.id.clone(), self.places.len());
                    self.places.push(p);
                    self.ranks.push(rank);
                }
            }
        }
    }
}

/// How to load a gazetteer.
#[derive(Debug, Clone)]
pub struct LoadOptions {
    /// Places files at least this large are indexed on disk ([`disk_index`]) rather than read
    /// into memory; `None` never indexes.
    pub index_min_bytes: Option<u64>,
}

/// Places files from this size (~2,500 rows) are indexed on disk by default: below it, reading
/// them costs less than 30 ms.
pub const DEFAULT_INDEX_MIN_BYTES: u64 = 256 * 1024;

impl Default for LoadOptions {
    fn default() -> Self {
        LoadOptions { index_min_bytes: Some(DEFAULT_INDEX_MIN_BYTES) }
    }
}

/// A layer indexed on disk, and the number of its first place in the gazetteer's numbering.
#[derive(Debug)]
struct DiskLayer {
    index: disk_index::DiskIndex,
    base: usize,
}

/// Places, borders and the name index, ready to resolve names.
///
/// Places are numbered from 0: first those read into memory (the bundled gazetteer and small
/// layers, merged by id), then those of each layer indexed on disk. A place replaced by a
/// higher layer keeps its number but is hidden: never resolved, listed or returned by id.
#[derive(Debug)]
pub struct Gazetteer {
    places: Vec<Place>,
    disk: Vec<DiskLayer>,
    hidden: std::collections::HashSet<usize>,
    borders: BorderSet,
    index: NameIndex,
    by_id: HashMap<String, usize>,
    by_geonames: HashMap<u64, usize>,
    /// Warnings found while loading (shared aliases are not among them: see `check`).
    pub warnings: Vec<Diagnostic>,
    /// For each layer indexed on disk by this load: (places file, why it was (re)built).
    pub rebuilt_indexes: Vec<(PathBuf, String)>,
}

impl Gazetteer {
    /// The gazetteer compiled into the binary.
    pub fn bundled() -> Result<Self, GazetteerError> {
        Self::from_texts(&GazetteerSources::bundled())
    }

    /// Loads a complete gazetteer folder.
    pub fn load_dir(dir: &Path) -> Result<Self, GazetteerError> {
        Self::from_texts(&GazetteerSources::read_dir(dir)?)
    }

    /// The bundled gazetteer with layers on top (see [`GazetteerSources::with_layer`]).
    pub fn load_layers(layers: &[PathBuf], opts: &LoadOptions) -> Result<Self, GazetteerError> {
        let mut t = GazetteerSources::bundled();
        for l in layers {
            t = t.with_layer(l)?;
        }
        Self::load(&t, opts)
    }

    /// Loads with the default options.
    pub fn from_texts(t: &GazetteerSources) -> Result<Self, GazetteerError> {
        Self::load(t, &LoadOptions::default())
    }

    /// Loads a gazetteer: large places files through their on-disk index (built first when
    /// missing or stale), the others into memory. Fails with every record error found.
    pub fn load(t: &GazetteerSources, opts: &LoadOptions) -> Result<Self, GazetteerError> {
        let borders = BorderSet::from_geojson(&t.borders.0, &t.borders.1, &t.countries.0, &t.countries.1)?;
        let mut merged = Merged::default();
        let mut diags = Vec::new();
        let mut disk: Vec<(usize, disk_index::DiskIndex)> = Vec::new();
        for (rank, src) in t.places.iter().enumerate() {
            let big = match (src, opts.index_min_bytes) {
                (PlacesSource::File(p), Some(min)) => {
                    let m = std::fs::metadata(p).map_err(|source| GazetteerError::Io { path: p.clone(), source })?;
                    m.len() >= min
                }
                _ => false,
            };
            match src {
                PlacesSource::File(p) if big => {
                    let ix = disk_index::DiskIndex::open_or_build(p, &src.label(), &borders)?;
                    diags.extend(ix.warnings.iter().cloned());
                    disk.push((rank, ix));
                }
                _ => merged.add_layer(rank, &src.read()?, &src.label(), &borders, &mut diags),
            }
        }
        let (errors, warnings): (Vec<_>, Vec<_>) = diags.into_iter().partition(Diagnostic::is_error);
        if !errors.is_empty() {
            return Err(GazetteerError::Invalid(errors));
        }
        // A place read into memory gives way to a higher layer indexed on disk…
        let Merged { places, ranks, .. } = merged;
        let (places, ranks): (Vec<Place>, Vec<usize>) = places
            .into_iter()
            .zip(ranks)
            .filter(|(p, r)| !disk.iter().any(|(dr, d)| dr > r && d.find_id(&p.id).is_some()))
            .unzip();
        // …and a place on disk to any higher layer's place with the same id.
        let mut hidden = std::collections::HashSet::new();
        let mut base = places.len();
        for (k, (rank, ix)) in disk.iter().enumerate() {
            for (p, r) in places.iter().zip(&ranks) {
                if let Some(j) = ix.find_id(&p.id).filter(|_| r > rank) {
                    hidden.insert(base + j);
                }
            }
            for (_, higher) in &disk[k + 1..] {
                // Walk the smaller file's ids, look each up in the larger.
                if ix.len() <= higher.len() {
                    hidden.extend(ix.ids().filter(|(id, _)| higher.find_id(id).is_some()).map(|(_, j)| base + j));
                } else {
                    hidden.extend(higher.ids().filter_map(|(id, _)| ix.find_id(&id)).map(|j| base + j));
                }
            }
            base += ix.len();
        }
        let mut gz = Self::from_parts(places, borders, warnings);
        let mut base = gz.places.len();
        for (_, ix) in disk {
            if let Some(why) = &ix.rebuilt {
                gz.rebuilt_indexes.push((ix.source().to_path_buf(), why.clone()));
            }
            let n = ix.len();
            gz.disk.push(DiskLayer { index: ix, base });
            base += n;
        }
        gz.hidden = hidden;
        Ok(gz)
    }

    /// Builds a gazetteer from places already read (ids must be unique).
    pub fn from_parts(places: Vec<Place>, borders: BorderSet, warnings: Vec<Diagnostic>) -> Self {
        let index = NameIndex::build(&places);
        let by_id = places.iter().enumerate().map(|(i, p)| (p.id.clone(), i)).collect();
        let by_geonames = places.iter().enumerate().filter_map(|(i, p)| Some((p.geonames_id?, i))).collect();
        Gazetteer {
            places,
            disk: Vec::new(),
            hidden: Default::default(),
            borders,
            index,
            by_id,
            by_geonames,
            warnings,
            rebuilt_indexes: Vec::new(),
        }
    }

    /// Number of place slots (hidden ones included): place numbers are below this.
    pub fn len(&self) -> usize {
        self.places.len() + self.disk.iter().map(|d| d.index.len()).sum::<usize>()
    }

    /// Whether the gazetteer has no place.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The numbers of all visible places, in order.
    pub fn place_indices(&self) -> impl Iterator<Item = usize> + '_ {
        (0..self.len()).filter(|i| !self.hidden.contains(i))
    }

    /// Whether a place is visible (not replaced by a higher layer).
    pub fn is_visible(&self, i: usize) -> bool {
        i < self.len() && !self.hidden.contains(&i)
    }

    fn locate(&self, i: usize) -> Result<usize, (&disk_index::DiskIndex, usize)> {
        if i < self.places.len() {
            return Ok(i);
        }
        let d = self.disk.iter().rev().find(|d| d.base <= i).expect("a place number below len()");
        Err((&d.index, i - d.base))
    }

    /// The point of the province a first-level admin name names ("Herat", "Herat province",
    /// "ولایت هرات"), in `country` (ISO3) when given: a `near` hint for the places of that
    /// province. `None` for a code (GDELT's `AF06`), an unknown name, an ambiguous one, or one
    /// that is not a province.
    ///
    /// ```
    /// let gz = bordermap::gazetteer::Gazetteer::bundled().unwrap();
    /// assert!(gz.province_point("Herat", "AFG").is_some());
    /// assert!(gz.province_point("Herat province", "").is_some());
    /// assert_eq!(gz.province_point("AF11", "AFG"), None);
    /// ```
    pub fn province_point(&self, admin1: &str, country: &str) -> Option<geo::Point<f64>> {
        let a = admin1.trim();
        if a.is_empty() || a.chars().any(|c| c.is_ascii_digit()) {
            return None;
        }
        // A province named after its capital answers to "Ghazni province", the bare name
        // being the city's.
        [a.to_string(), format!("{a} province")].into_iter().find_map(|name| {
            let q = Query {
                kind: Some(PlaceKind::Province),
                country: (!country.is_empty()).then(|| country.to_string()),
                ..Query::new(name)
            };
            let r = self.resolve(&q);
            let c = r.candidates.first().filter(|_| r.status == Status::Resolved)?;
            let p = self.place_at(c.place);
            (p.kind == PlaceKind::Province).then_some(p.point)
        })
    }

    /// A place by number: borrowed when in memory, decoded from its index otherwise.
    pub fn place_at(&self, i: usize) -> std::borrow::Cow<'_, Place> {
        match self.locate(i) {
            Ok(i) => std::borrow::Cow::Borrowed(&self.places[i]),
            Err((ix, j)) => std::borrow::Cow::Owned(ix.place(j, &self.borders)),
        }
    }

    /// A place by id.
    pub fn place(&self, id: &str) -> Option<std::borrow::Cow<'_, Place>> {
        self.place_index(id).map(|i| self.place_at(i))
    }

    /// Number of a (visible) place by id.
    pub fn place_index(&self, id: &str) -> Option<usize> {
        for d in self.disk.iter().rev() {
            if let Some(j) = d.index.find_id(id).map(|j| d.base + j).filter(|i| !self.hidden.contains(i)) {
                return Some(j);
            }
        }
        self.by_id.get(id).copied()
    }

    /// Number of the place with this GeoNames id, if any.
    pub fn place_by_geonames(&self, gid: u64) -> Option<usize> {
        for d in self.disk.iter().rev() {
            if let Some(j) = d.index.find_geonames(gid).map(|j| d.base + j).filter(|i| !self.hidden.contains(i)) {
                return Some(j);
            }
        }
        self.by_geonames.get(&gid).copied()
    }

    /// The visible places that have a name with this canonical key.
    pub fn places_with_canonical(&self, key: &str) -> Vec<usize> {
        let mut out = Vec::new();
        self.sources().lookup(key, resolve::Tier::Canonical as u32, &mut |p, _, _, _| out.push(p));
        out.sort_unstable();
        out.dedup();
        out
    }

    fn sources(&self) -> resolve::Sources<'_> {
        let mut stores: Vec<(&dyn resolve::NameSource, usize)> = vec![(&self.index, 0)];
        stores.extend(self.disk.iter().map(|d| (&d.index as &dyn resolve::NameSource, d.base)));
        resolve::Sources { stores, hidden: Some(&self.hidden) }
    }

    /// Calls `f(place, primary, name)` for every indexed name and alias of the visible places
    /// (generic-word aliases are not indexed).
    pub fn for_each_name(&self, f: &mut dyn FnMut(usize, bool, &str)) {
        for (i, p) in self.places.iter().enumerate() {
            for (k, n) in p.names().enumerate() {
                f(i, k == 0, n);
            }
        }
        for d in &self.disk {
            d.index.for_each_name(&mut |p, primary, n| {
                if !self.hidden.contains(&(d.base + p)) {
                    f(d.base + p, primary, n)
                }
            });
        }
    }

    /// Borders and country polygons.
    pub fn borders(&self) -> &BorderSet {
        &self.borders
    }

    /// Resolves a name, with the query's hints.
    pub fn resolve(&self, q: &Query) -> Resolution {
        let border_km = |place: usize, border_id: &str| -> Option<f64> {
            let b = self.borders.border(border_id)?;
            let p = resolve::PlaceFacts::point(self, place);
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
        resolve::resolve_in(&self.sources(), self, q, &border_km)
    }

    /// For each place tied in an ambiguous resolution of `q`, the hints that settle it (see
    /// [`resolve::separating_hints`]): each checked by resolving again.
    pub fn separating_hints(&self, q: &Query, r: &Resolution) -> Vec<(usize, Vec<Hint>)> {
        let countries = |i: usize| self.place_at(i).countries.clone();
        resolve::separating_hints(self, q, r, &countries, &|q| self.resolve(q))
    }

    /// The ISO3 codes the gazetteer knows: those of its places and its country polygons, sorted.
    pub fn country_codes(&self) -> Vec<String> {
        let mut codes: std::collections::BTreeSet<String> =
            self.borders.countries.iter().map(|c| c.iso3.clone()).collect();
        codes.extend(self.places.iter().flat_map(|p| p.countries.iter().cloned()));
        for d in &self.disk {
            for j in 0..d.index.len() {
                codes.extend(d.index.countries(j).map(str::to_string));
            }
        }
        codes.into_iter().collect()
    }

    /// `code` as an ISO3 code the gazetteer knows (upper-cased), or an error naming the
    /// closest ones ("did you mean …?") or, when none is close, all of them.
    pub fn known_country(&self, code: &str) -> Result<String, String> {
        let want = code.trim().to_ascii_uppercase();
        let codes = self.country_codes();
        if codes.contains(&want) {
            return Ok(want);
        }
        let close: Vec<&str> = codes
            .iter()
            .filter(|c| {
                strsim::damerau_levenshtein(c, &want) <= 1
                    || (want.len() > 3 && want.get(..3).is_some_and(|p| c.starts_with(p)))
            })
            .map(String::as_str)
            .collect();
        Err(if close.is_empty() {
            format!("{code:?} is not a country of the gazetteer (ISO3 codes it knows: {})", codes.join(", "))
        } else {
            format!("{code:?} is not a country of the gazetteer; did you mean {}?", close.join(" or "))
        })
    }

    /// Nearest border, distance, chainage and side for a place. A place made of border
    /// sections (a river, a whole border) lies on its first section's border, at the chainage
    /// of the section's start; any other line at its vertex nearest to a border.
    pub fn border_facts(&self, place: usize) -> Option<BorderFacts> {
        let p = self.place_at(place);
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

impl resolve::PlaceFacts for Gazetteer {
    fn kind(&self, i: usize) -> PlaceKind {
        match self.locate(i) {
            Ok(i) => self.places[i].kind,
            Err((ix, j)) => ix.kind(j),
        }
    }
    fn in_country(&self, i: usize, iso3: &str) -> bool {
        match self.locate(i) {
            Ok(i) => self.places[i].in_country(iso3),
            Err((ix, j)) => ix.in_country(j, iso3),
        }
    }
    fn point(&self, i: usize) -> geo::Point<f64> {
        match self.locate(i) {
            Ok(i) => self.places[i].point,
            Err((ix, j)) => ix.point(j),
        }
    }
    fn id(&self, i: usize) -> &str {
        match self.locate(i) {
            Ok(i) => &self.places[i].id,
            Err((ix, j)) => ix.id(j),
        }
    }
    fn label(&self, i: usize) -> String {
        match self.locate(i) {
            Ok(i) => self.places.label(i),
            Err((ix, j)) => {
                let countries: Vec<&str> = ix.countries(j).collect();
                format!("{} ({}, {})", ix.name(j), ix.kind(j), countries.join("/"))
            }
        }
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
            .place_indices()
            .filter(|&i| country.is_none_or(|c| self.in_country(i, c)))
            .filter(|&i| kind.is_none_or(|k| PlaceFacts::kind(self, i) == k))
            .filter_map(|i| match near {
                None => Some((i, None)),
                Some((c, km)) => {
                    let d = Geodesic.distance(self.point(c), self.point(i)) / 1000.0;
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
        let p = self.place_at(place);
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
