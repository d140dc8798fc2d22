//! The output formats, behind one interface (as GDAL's drivers are): the run decides which
//! layers there are and which features go in each; each [`FormatWriter`] turns them into its
//! files. Adding a format is one file implementing [`FormatWriter`] and one line in
//! [`Format::writer`].
//!
//! A feature reaches every writer as its geometry ([`Geom`]: the geometry, its kind and its
//! GeoJSON text) and its properties as one JSON object, serialised once for all formats, with
//! exactly the fields of its layer kind (`schema.rs`) in order.

use std::collections::HashMap;
use std::path::Path;

use super::Properties;
use super::place::Geom;
use super::schema::{GeomKind, LayerKind};

/// One layer of a run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LayerSpec {
    /// Its path without extension, `/`-separated: `AFG-TJK-points`,
    /// `by-day/2021-07-09/AFG-TJK-points`.
    pub name: String,
    /// What its features are.
    pub kind: LayerKind,
    /// Its one geometry type.
    pub geom: GeomKind,
    /// The border id, or `timeline`, `interior`, `control`, `places`, `borders`.
    pub group: String,
    /// The period of a per-period layer (`2021-07-09`, `2021-W27`, `2021-07`).
    pub period: Option<String>,
}

impl LayerSpec {
    /// A layer of the whole run (not per period): `{group}-{points|lines}`.
    pub fn top(group: &str, kind: LayerKind, geom: GeomKind) -> LayerSpec {
        LayerSpec { name: format!("{group}-{}", geom.suffix()), kind, geom, group: group.into(), period: None }
    }

    /// The layer of a group for one period, in the period's folder.
    pub fn in_period(folder: &str, period: &str, group: &str, kind: LayerKind, geom: GeomKind) -> LayerSpec {
        LayerSpec {
            name: format!("{folder}/{period}/{group}-{}", geom.suffix()),
            kind,
            geom,
            group: group.into(),
            period: Some(period.into()),
        }
    }

    /// The last part of its name: what it is called in a GIS.
    pub fn title(&self) -> &str {
        self.name.rsplit('/').next().unwrap_or(&self.name)
    }
}

/// A started layer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct LayerId(pub usize);

/// What was written to one file.
#[derive(Debug, Clone, PartialEq)]
pub struct Written {
    /// Path relative to the output folder, `/`-separated.
    pub path: String,
    /// `geojson`, `qml`, `gpkg`, `fgb`, `geoparquet`, `qgs`, `json`, `csv`.
    pub format: &'static str,
    /// The layer a GeoJSON file holds.
    pub layer: Option<LayerSpec>,
    /// Number of features (of rows for a CSV; of all its tables for a GeoPackage).
    pub features: u64,
}

/// One output format.
pub trait FormatWriter: Send {
    /// A new layer, before its first feature.
    fn begin(&mut self, id: LayerId, spec: &LayerSpec) -> std::io::Result<()>;
    /// One feature of a layer: `props` is its JSON properties object.
    fn feature(&mut self, id: LayerId, geom: &Geom, props: &[u8]) -> std::io::Result<()>;
    /// Closes its files (inside the run's staging folder) and says what it wrote; `layers`
    /// are every layer with its feature count, in the order they were started.
    fn finish(self: Box<Self>, layers: &[(LayerSpec, u64)]) -> std::io::Result<Vec<Written>>;
}

/// The formats `map --format` knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Format {
    /// GeoJSON (RFC 7946), one file per layer, with a QGIS style beside each.
    GeoJson,
    /// One GeoPackage, `bordermap.gpkg`, a table per layer of the whole run.
    Gpkg,
    /// One GeoParquet dataset of the events, `events.parquet/`, by border and day.
    GeoParquet,
    /// FlatGeobuf, one file per layer (beside where its GeoJSON goes), with its spatial index.
    Fgb,
}

impl Format {
    /// Every format.
    pub const ALL: [Format; 4] = [Format::GeoJson, Format::Gpkg, Format::GeoParquet, Format::Fgb];

    /// As `--format` names it.
    pub fn as_str(self) -> &'static str {
        match self {
            Format::GeoJson => "geojson",
            Format::Gpkg => "gpkg",
            Format::GeoParquet => "geoparquet",
            Format::Fgb => "fgb",
        }
    }

    /// Parses a comma-separated list (`geojson,gpkg`): each format once, in a fixed order.
    pub fn parse_list(s: &str) -> Result<Vec<Format>, String> {
        let mut out = Vec::new();
        for part in s.split(',').map(str::trim) {
            let f = Format::ALL.into_iter().find(|f| f.as_str().eq_ignore_ascii_case(part)).ok_or_else(|| {
                let all: Vec<&str> = Format::ALL.iter().map(|f| f.as_str()).collect();
                format!("unknown format {part:?} (formats: {}; a list is comma-separated)", all.join(", "))
            })?;
            if !out.contains(&f) {
                out.push(f);
            }
        }
        out.sort();
        Ok(out)
    }

    /// A writer for this format, writing under `dir`.
    pub fn writer(self, dir: &Path, properties: Properties) -> std::io::Result<Box<dyn FormatWriter>> {
        Ok(match self {
            Format::GeoJson => Box::new(super::geojson::GeoJson::new(dir, properties)?),
            Format::Gpkg => Box::new(super::gpkg_format::GpkgFormat::new(dir, properties)?),
            Format::GeoParquet => Box::new(super::geoparquet::GeoParquet::new(dir, properties)?),
            Format::Fgb => Box::new(super::fgb::Fgb::new(dir, properties)?),
        })
    }
}

/// Every layer of a run, fanned out to each format.
pub struct Output {
    writers: Vec<Box<dyn FormatWriter>>,
    layers: Vec<(LayerSpec, u64)>,
    by_name: HashMap<String, LayerId>,
}

impl Output {
    /// The writers of `formats`, writing under `dir`.
    pub fn new(dir: &Path, formats: &[Format], properties: Properties) -> std::io::Result<Self> {
        let writers = formats.iter().map(|f| f.writer(dir, properties)).collect::<Result<_, _>>()?;
        Ok(Output { writers, layers: Vec::new(), by_name: HashMap::new() })
    }

    /// The layer named `spec.name`, started with `spec` if it is new.
    pub fn layer(&mut self, spec: LayerSpec) -> std::io::Result<LayerId> {
        if let Some(&id) = self.by_name.get(&spec.name) {
            return Ok(id);
        }
        let id = LayerId(self.layers.len());
        for w in &mut self.writers {
            w.begin(id, &spec)?;
        }
        self.by_name.insert(spec.name.clone(), id);
        self.layers.push((spec, 0));
        Ok(id)
    }

    /// Appends a feature to a layer in every format.
    pub fn push(&mut self, id: LayerId, geom: &Geom, props: &[u8]) -> std::io::Result<()> {
        for w in &mut self.writers {
            w.feature(id, geom, props)?;
        }
        self.layers[id.0].1 += 1;
        Ok(())
    }

    /// Closes every format; what was written, in path order.
    pub fn finish(self) -> std::io::Result<Vec<Written>> {
        let mut out = Vec::new();
        for w in self.writers {
            out.extend(w.finish(&self.layers)?);
        }
        out.sort_by(|a, b| a.path.cmp(&b.path));
        Ok(out)
    }

    /// Every layer started, with its feature count.
    pub fn layers(&self) -> &[(LayerSpec, u64)] {
        &self.layers
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn format_lists_parse_once_each_in_order_and_name_the_known_ones() {
        assert_eq!(Format::parse_list("gpkg,geojson,GPKG").unwrap(), [Format::GeoJson, Format::Gpkg]);
        let e = Format::parse_list("geojson,shp").unwrap_err();
        assert!(e.contains("\"shp\"") && e.contains("geojson, gpkg"), "{e}");
    }
}
