//! The GeoPackage format: one file, `bordermap.gpkg`, with a table per whole-run layer and its
//! QGIS style inside (`layer_styles`), over the writer in `gpkg.rs`. The per-period layers are
//! not repeated there: in a GeoPackage a user filters the time-aware tables by date (QGIS's
//! Temporal Controller does it), and thousands of per-day tables would only get in the way.

use std::collections::HashMap;
use std::path::Path;

use super::Properties;
use super::format::{FormatWriter, LayerId, LayerSpec, Written};
use super::gpkg::{Gpkg, TableId};
use super::place::Geom;
use super::schema::{self, GeomKind, LayerKind};

/// The GeoPackage's name in the output folder.
pub const GPKG: &str = "bordermap.gpkg";

/// The GeoPackage writer of a run.
pub struct GpkgFormat {
    gpkg: Gpkg,
    properties: Properties,
    /// The table of each layer (none for per-period layers).
    tables: Vec<Option<TableId>>,
    /// The style of each kind and geometry, made once.
    styles: HashMap<(LayerKind, GeomKind), String>,
}

impl GpkgFormat {
    /// A new `bordermap.gpkg` in `dir`.
    pub fn new(dir: &Path, properties: Properties) -> std::io::Result<Self> {
        Ok(GpkgFormat { gpkg: Gpkg::create(&dir.join(GPKG))?, properties, tables: Vec::new(), styles: HashMap::new() })
    }
}

impl FormatWriter for GpkgFormat {
    fn begin(&mut self, id: LayerId, spec: &LayerSpec) -> std::io::Result<()> {
        debug_assert_eq!(id.0, self.tables.len());
        if spec.period.is_some() {
            self.tables.push(None);
            return Ok(());
        }
        let properties = self.properties;
        let qml = self
            .styles
            .entry((spec.kind, spec.geom))
            .or_insert_with(|| super::qml::layer_qml(spec.kind, spec.geom, properties));
        let fields = schema::typed_fields(spec.kind, properties);
        let table = self.gpkg.add_table(&spec.name, &spec.name, fields, spec.geom, Some((&spec.name, qml)))?;
        self.tables.push(Some(table));
        Ok(())
    }

    fn feature(&mut self, id: LayerId, geom: &Geom, props: &[u8]) -> std::io::Result<()> {
        match self.tables[id.0] {
            Some(t) => self.gpkg.insert(t, &geom.geometry, props),
            None => Ok(()),
        }
    }

    fn finish(self: Box<Self>, layers: &[(LayerSpec, u64)]) -> std::io::Result<Vec<Written>> {
        let GpkgFormat { gpkg, tables, .. } = *self;
        gpkg.finish()?;
        Ok(layers
            .iter()
            .zip(&tables)
            .filter(|(_, t)| t.is_some())
            .map(|((spec, n), _)| Written {
                path: GPKG.into(),
                format: "gpkg",
                layer: Some(spec.clone()),
                features: *n,
            })
            .collect())
    }
}
