//! The FlatGeobuf format: one `X.fgb` per layer, beside where `X.geojson` goes (by-period
//! folders included), written with the `flatgeobuf` crate: its packed Hilbert R-tree spatial
//! index, typed columns (the GeoPackage's types, [`schema::typed_fields`]), CRS EPSG:4326, and
//! the layer's title as the file's `title` (and its name).
//!
//! The crate's [`FgbWriter`] needs all the features of a file before it writes it (it sorts them
//! along the Hilbert curve to build the index); it keeps their bytes in an anonymous temporary
//! file and, in memory, a bounding box and an offset per feature. A run by day has thousands of
//! layers fed in no order: one `FgbWriter` per layer would hold thousands of open files. So, as
//! `geojson.rs` does, each layer's features are spooled (geometry as WKB, properties as their
//! JSON text) to a temporary file of the layer in the output folder, through a buffer appended
//! when it reaches [`LAYER_BUFFER`] bytes or when all buffers pass [`MEMORY_BUDGET`]; at
//! [`FormatWriter::finish`] the layers are written one at a time, each replayed from its spool
//! into one `FgbWriter`, written to a temporary file beside its place, synced and renamed into
//! place. Memory is then the buffers plus, for the layer being written, the crate's
//! per-feature index entries (about 160 bytes a feature at the peak, see [`PEAK_BYTES_PER_FEATURE`]).
//!
//! Dates: FlatGeobuf has no date type, only `DateTime` (ISO 8601 text). `start`, `end` and
//! `until` are `DateTime` columns holding `YYYY-MM-DD`: GDAL reads them as DateTime fields at
//! midnight, QGIS as QDateTime. `""` (unknown) and JSON null are left out of a feature (a
//! FlatGeobuf feature lists only the properties it has: GDAL and QGIS read them as NULL).
//!
//! The same input gives the same bytes: the columns are in schema order, features in the
//! order they came, and the crate's Hilbert sort is stable.

use std::fs::{File, OpenOptions};
use std::io::{BufReader, BufWriter, Read, Write};
use std::path::{Path, PathBuf};

use flatgeobuf::{ColumnType, FgbCrs, FgbWriter, FgbWriterOptions, GeometryType};
use geozero::wkb::Wkb;
use geozero::{ColumnValue, CoordDimensions, PropertyProcessor, ToWkb};
use serde_json::Value;
use tempfile::TempPath;

use super::Properties;
use super::format::{FormatWriter, LayerId, LayerSpec, Written};
use super::place::Geom;
use super::schema::{self, Field, FieldType, GeomKind};

/// A layer's spool buffer is appended to its file when it reaches this size.
pub const LAYER_BUFFER: usize = 128 << 10;
/// All spool buffers are written out when together they pass this size.
pub const MEMORY_BUDGET: usize = 8 << 20;
/// What the crate holds in memory per feature of the file being written, at its peak (in
/// `FgbWriter::write`): a leaf node (40 bytes: bbox and offset) and a temporary-file offset
/// (16) per feature while features are added, then a copy of the leaves with the output
/// offsets (40), the packed tree (40 per node, about 1.07 nodes per feature with 16 children a
/// node) and the stable sort's scratch (20).
pub const PEAK_BYTES_PER_FEATURE: usize = 40 + 16 + 40 + 43 + 20;

/// The FlatGeobuf writer of a run.
pub struct Fgb {
    dir: PathBuf,
    properties: Properties,
    layers: Vec<Spool>,
    /// Bytes held in all buffers.
    held: usize,
}

/// One layer's features, waiting in a temporary file (and a buffer).
struct Spool {
    spec: LayerSpec,
    path: TempPath,
    buf: Vec<u8>,
    features: u64,
}

impl Spool {
    fn flush(&mut self) -> std::io::Result<()> {
        if !self.buf.is_empty() {
            OpenOptions::new().append(true).open(&self.path)?.write_all(&self.buf)?;
            self.buf.clear();
        }
        Ok(())
    }
}

/// A temporary file in `parent`, readable by others as the layers are (0666 less the umask).
fn temp_in(parent: &Path, suffix: &str) -> std::io::Result<tempfile::NamedTempFile> {
    let mut builder = tempfile::Builder::new();
    builder.prefix(".bordermap-").suffix(suffix);
    #[cfg(unix)]
    builder.permissions(std::os::unix::fs::PermissionsExt::from_mode(0o666));
    builder.tempfile_in(parent)
}

impl Fgb {
    /// Layers as FlatGeobuf files under `dir`.
    pub fn new(dir: &Path, properties: Properties) -> std::io::Result<Self> {
        std::fs::create_dir_all(dir)?;
        Ok(Fgb { dir: dir.to_path_buf(), properties, layers: Vec::new(), held: 0 })
    }

    /// Writes one layer's file from its spool; returns its feature count.
    fn write_layer(&self, spool: Spool) -> std::io::Result<Written> {
        let Spool { spec, path: spool_path, mut buf, features } = spool;
        let rel = format!("{}.fgb", spec.name);
        let target = self.dir.join(&rel);
        let parent = target.parent().expect("layer paths have a parent");
        let fields = schema::typed_fields(spec.kind, self.properties);
        let description = format!(
            "bordermap {} layer{} ({} {})",
            spec.kind.as_str(),
            spec.period.as_deref().map(|p| format!(" of {p}")).unwrap_or_default(),
            spec.group,
            spec.geom.suffix()
        );
        let mut fgb = FgbWriter::create_with_options(
            spec.title(),
            match spec.geom {
                GeomKind::Point => GeometryType::Point,
                GeomKind::Line => GeometryType::MultiLineString,
            },
            FgbWriterOptions {
                write_index: true,
                detect_type: false,
                promote_to_multi: true,
                crs: FgbCrs { code: 4326, ..Default::default() },
                title: Some(spec.title()),
                description: Some(&description),
                ..Default::default()
            },
        )
        .map_err(fgb_error(&rel))?;
        for f in fields {
            fgb.add_column(f.name, column_type(f.ty), |_, col| col.nullable = true);
        }

        // Replay the spool: the file, then what is still in the buffer.
        let mut reader = BufReader::new(File::open(&spool_path)?).chain(std::io::Cursor::new(std::mem::take(&mut buf)));
        let mut wkb = Vec::new();
        let mut props = Vec::new();
        for _ in 0..features {
            read_record(&mut reader, &mut wkb)?;
            read_record(&mut reader, &mut props)?;
            let values = typed_values(&spec.name, fields, &props)?;
            let mut failed = None;
            fgb.add_feature_geom(Wkb(&wkb), |feat| {
                for (i, (field, value)) in fields.iter().zip(&values).enumerate() {
                    let Some(value) = value else { continue };
                    let column = match value {
                        Typed::Text(s) => ColumnValue::String(s),
                        Typed::DateTime(s) => ColumnValue::DateTime(s),
                        Typed::Long(n) => ColumnValue::Long(*n),
                        Typed::Double(x) => ColumnValue::Double(*x),
                        Typed::Bool(b) => ColumnValue::Bool(*b),
                    };
                    if let Err(e) = feat.property(i, field.name, &column) {
                        failed.get_or_insert(e);
                    }
                }
            })
            .map_err(|e| std::io::Error::other(format!("{rel}: {e}")))?;
            if let Some(e) = failed {
                return Err(std::io::Error::other(format!("{rel}: {e}")));
            }
        }
        drop(reader);
        drop(spool_path);

        let tmp = temp_in(parent, ".tmp")?;
        let mut out = BufWriter::new(tmp.as_file());
        fgb.write(&mut out).map_err(fgb_error(&rel))?;
        out.flush()?;
        drop(out);
        tmp.as_file().sync_all()?;
        tmp.persist(&target).map_err(|e| e.error)?;
        Ok(Written { path: rel, format: "fgb", layer: Some(spec), features })
    }
}

fn fgb_error(rel: &str) -> impl Fn(flatgeobuf::Error) -> std::io::Error + '_ {
    move |e| std::io::Error::other(format!("{rel}: {e}"))
}

/// The FlatGeobuf column type of a field type.
fn column_type(ty: FieldType) -> ColumnType {
    match ty {
        FieldType::Text => ColumnType::String,
        FieldType::Integer => ColumnType::Long,
        FieldType::Real => ColumnType::Double,
        FieldType::Date => ColumnType::DateTime,
        FieldType::Boolean => ColumnType::Bool,
    }
}

/// Appends a length-prefixed record.
fn write_record(out: &mut Vec<u8>, bytes: &[u8]) {
    out.extend_from_slice(&(bytes.len() as u32).to_le_bytes());
    out.extend_from_slice(bytes);
}

fn read_record(r: &mut impl Read, into: &mut Vec<u8>) -> std::io::Result<()> {
    let mut len = [0u8; 4];
    r.read_exact(&mut len)?;
    into.resize(u32::from_le_bytes(len) as usize, 0);
    r.read_exact(into)
}

/// A property's value, as its column stores it.
#[derive(Debug, PartialEq)]
enum Typed {
    Text(String),
    DateTime(String),
    Long(i64),
    Double(f64),
    Bool(bool),
}

/// A properties object's values in field order, typed as the GeoPackage types them
/// (`gpkg.rs`): Text from strings; Integer and Real from numbers or strings holding one;
/// Date from `YYYY-MM-DD`; Boolean from true/false; `""` for a number or date, null, or a
/// missing field → `None`. Unknown keys are ignored; a value of another type is an error.
fn typed_values(layer: &str, fields: &[Field], props: &[u8]) -> std::io::Result<Vec<Option<Typed>>> {
    let invalid =
        |m: String| std::io::Error::new(std::io::ErrorKind::InvalidData, format!("FlatGeobuf layer {layer:?}: {m}"));
    let mut object = match serde_json::from_slice::<Value>(props) {
        Ok(Value::Object(o)) => o,
        Ok(_) => return Err(invalid("properties are not a JSON object".into())),
        Err(e) => return Err(invalid(format!("properties are not a JSON object: {e}"))),
    };
    fields
        .iter()
        .map(|f| {
            let v = object.remove(f.name).unwrap_or(Value::Null);
            convert(f.ty, v).map_err(|v| invalid(format!("field {:?} is {v}, not of type {:?}", f.name, f.ty)))
        })
        .collect()
}

fn convert(ty: FieldType, v: Value) -> Result<Option<Typed>, Value> {
    Ok(Some(match (ty, v) {
        (_, Value::Null) => return Ok(None),
        (FieldType::Text, Value::String(s)) => Typed::Text(s),
        (FieldType::Integer | FieldType::Real | FieldType::Date, Value::String(s)) if s.is_empty() => return Ok(None),
        (FieldType::Integer, Value::Number(n)) => match n.as_i64() {
            Some(i) => Typed::Long(i),
            None => match n.as_f64() {
                Some(x) if x.fract() == 0.0 && x.abs() < 9.0e15 => Typed::Long(x as i64),
                _ => return Err(Value::Number(n)),
            },
        },
        (FieldType::Integer, Value::String(s)) => match s.parse::<i64>() {
            Ok(i) => Typed::Long(i),
            Err(_) => return Err(Value::String(s)),
        },
        (FieldType::Real, Value::Number(n)) => Typed::Double(n.as_f64().ok_or(Value::Number(n))?),
        (FieldType::Real, Value::String(s)) => match s.parse::<f64>() {
            Ok(x) if x.is_finite() => Typed::Double(x),
            _ => return Err(Value::String(s)),
        },
        (FieldType::Date, Value::String(s)) if is_date(&s) => Typed::DateTime(s),
        (FieldType::Boolean, Value::Bool(b)) => Typed::Bool(b),
        (_, v) => return Err(v),
    }))
}

/// Whether a text is a calendar date `YYYY-MM-DD`.
fn is_date(s: &str) -> bool {
    s.len() == 10 && s.as_bytes()[4] == b'-' && s.as_bytes()[7] == b'-' && s.parse::<jiff::civil::Date>().is_ok()
}

impl FormatWriter for Fgb {
    fn begin(&mut self, id: LayerId, spec: &LayerSpec) -> std::io::Result<()> {
        debug_assert_eq!(id.0, self.layers.len());
        let target = self.dir.join(format!("{}.fgb", spec.name));
        let parent = target.parent().expect("layer paths have a parent");
        std::fs::create_dir_all(parent)?;
        let path = temp_in(parent, ".fgb-spool")?.into_temp_path();
        self.layers.push(Spool { spec: spec.clone(), path, buf: Vec::new(), features: 0 });
        Ok(())
    }

    fn feature(&mut self, id: LayerId, geom: &Geom, props: &[u8]) -> std::io::Result<()> {
        let wkb = geom
            .geometry
            .to_wkb(CoordDimensions::xy())
            .map_err(|e| std::io::Error::other(format!("FlatGeobuf: geometry: {e}")))?;
        let spool = &mut self.layers[id.0];
        let before = spool.buf.len();
        write_record(&mut spool.buf, &wkb);
        write_record(&mut spool.buf, props);
        spool.features += 1;
        self.held += spool.buf.len() - before;
        if spool.buf.len() >= LAYER_BUFFER {
            self.held -= spool.buf.len();
            spool.flush()?;
        }
        if self.held > MEMORY_BUDGET {
            for spool in &mut self.layers {
                spool.flush()?;
                spool.buf.shrink_to(4096);
            }
            self.held = 0;
        }
        Ok(())
    }

    fn finish(mut self: Box<Self>, _layers: &[(LayerSpec, u64)]) -> std::io::Result<Vec<Written>> {
        let spools = std::mem::take(&mut self.layers);
        spools.into_iter().map(|s| self.write_layer(s)).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layers::format::FormatWriter;
    use crate::layers::schema::LayerKind;
    use flatgeobuf::{FallibleStreamingIterator, FeatureProperties, FgbReader};

    fn point(x: f64, y: f64) -> Geom {
        Geom::new(&geo::Geometry::Point(geo::Point::new(x, y)), 0.0)
    }

    fn props(id: &str, start: &str) -> String {
        format!(
            r#"{{"kind":"event","id":"{id}","start":"{start}","end":"{start}","until":"","time_precision":1,"share":"0.5","match_score":1,"distance_km":"3.25","fatalities":"","stroke-width":2,"unknown":[1]}}"#
        )
    }

    /// Writes `n` points into two layers, one of them by day, with a writer whose buffers
    /// are passed on the way when `n` is large.
    fn write(dir: &Path, n: usize) -> Vec<Written> {
        let mut w: Box<dyn FormatWriter> = Box::new(Fgb::new(dir, Properties::Full).unwrap());
        let a = LayerSpec::top("AFG-TJK", LayerKind::Events, GeomKind::Point);
        let b = LayerSpec::in_period("by-day", "2021-07-09", "AFG-TJK", LayerKind::Events, GeomKind::Point);
        w.begin(LayerId(0), &a).unwrap();
        w.begin(LayerId(1), &b).unwrap();
        for i in 0..n {
            let g = point(60.0 + (i % 100) as f64 * 0.1, 30.0 + (i / 100) as f64 * 0.01);
            w.feature(LayerId(i % 2), &g, props(&format!("e{i}"), "2021-07-09").as_bytes()).unwrap();
        }
        let layers = [(a, n.div_ceil(2) as u64), (b, (n / 2) as u64)];
        w.finish(&layers).unwrap()
    }

    #[test]
    fn layers_read_back_with_their_index_types_and_values() {
        let dir = tempfile::tempdir().unwrap();
        let written = write(dir.path(), 10);
        assert_eq!(
            written.iter().map(|w| (w.path.as_str(), w.format, w.features)).collect::<Vec<_>>(),
            [("AFG-TJK-points.fgb", "fgb", 5), ("by-day/2021-07-09/AFG-TJK-points.fgb", "fgb", 5)]
        );
        let mut file = BufReader::new(File::open(dir.path().join("AFG-TJK-points.fgb")).unwrap());
        let reader = FgbReader::open(&mut file).unwrap();
        let header = reader.header();
        assert_eq!(header.features_count(), 5);
        assert_eq!(header.index_node_size(), 16);
        assert_eq!(header.geometry_type(), GeometryType::Point);
        assert_eq!(header.crs().unwrap().code(), 4326);
        assert_eq!(header.title(), Some("AFG-TJK-points"));
        let columns = header.columns().unwrap();
        let types: Vec<(String, ColumnType)> = columns.iter().map(|c| (c.name().to_string(), c.type_())).collect();
        let want: Vec<(String, ColumnType)> = schema::typed_fields(LayerKind::Events, Properties::Full)
            .iter()
            .map(|f| (f.name.to_string(), column_type(f.ty)))
            .collect();
        assert_eq!(types, want);
        assert!(types.contains(&("start".into(), ColumnType::DateTime)));
        assert!(types.contains(&("share".into(), ColumnType::Double)));
        let mut features = reader.select_all().unwrap();
        let mut ids = Vec::new();
        while let Some(f) = features.next().unwrap() {
            ids.push(f.property::<String>("id").unwrap());
            assert_eq!(f.property::<String>("start").unwrap(), "2021-07-09");
            assert_eq!(f.property::<f64>("share").unwrap(), 0.5);
            assert_eq!(f.property::<f64>("distance_km").unwrap(), 3.25);
            assert_eq!(f.property::<i64>("time_precision").unwrap(), 1);
            assert!(f.property::<String>("until").is_err(), "\"\" is left out");
            assert!(f.property::<i64>("fatalities").is_err(), "\"\" is left out");
        }
        ids.sort();
        assert_eq!(ids, ["e0", "e2", "e4", "e6", "e8"]);
        // Nothing but the layers is left.
        let mut left: Vec<String> = walk(dir.path());
        left.sort();
        assert_eq!(left, ["AFG-TJK-points.fgb", "by-day/2021-07-09/AFG-TJK-points.fgb"]);
    }

    #[test]
    fn a_bbox_query_finds_the_features_inside_through_the_index() {
        let dir = tempfile::tempdir().unwrap();
        write(dir.path(), 20_000);
        let mut file = BufReader::new(File::open(dir.path().join("AFG-TJK-points.fgb")).unwrap());
        let reader = FgbReader::open(&mut file).unwrap();
        assert_eq!(reader.header().features_count(), 10_000);
        let mut found = reader.select_bbox(60.95, 29.99, 61.25, 30.055).unwrap();
        let mut n = 0;
        while found.next().unwrap().is_some() {
            n += 1;
        }
        // x 61.0, 61.2 (even i: x steps of 0.2 from 60.0) at y 30.00..30.05 (6 rows).
        assert_eq!(n, 2 * 6);
    }

    #[test]
    fn the_same_input_gives_the_same_bytes() {
        let (a, b) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
        write(a.path(), 3000);
        write(b.path(), 3000);
        for rel in ["AFG-TJK-points.fgb", "by-day/2021-07-09/AFG-TJK-points.fgb"] {
            assert_eq!(std::fs::read(a.path().join(rel)).unwrap(), std::fs::read(b.path().join(rel)).unwrap(), "{rel}");
        }
    }

    #[test]
    fn a_value_of_the_wrong_type_is_an_error_naming_layer_and_field() {
        let fields = schema::typed_fields(LayerKind::Events, Properties::Full);
        let e = typed_values("L", fields, br#"{"start":"9 July"}"#).unwrap_err();
        assert!(e.to_string().contains("\"L\"") && e.to_string().contains("\"start\""), "{e}");
        let e = typed_values("L", fields, br#"{"fatalities":1.5}"#).unwrap_err();
        assert!(e.to_string().contains("\"fatalities\""), "{e}");
        assert!(typed_values("L", fields, b"[]").is_err());
        assert!(!is_date("2021-02-30") && is_date("2021-02-28") && !is_date("20210228"));
    }

    #[test]
    fn an_empty_layer_is_written_with_its_columns() {
        let dir = tempfile::tempdir().unwrap();
        let mut w: Box<dyn FormatWriter> = Box::new(Fgb::new(dir.path(), Properties::Compact).unwrap());
        let spec = LayerSpec::top("control", LayerKind::Control, GeomKind::Line);
        w.begin(LayerId(0), &spec).unwrap();
        let written = w.finish(&[(spec, 0)]).unwrap();
        assert_eq!(written[0].features, 0);
        let mut file = BufReader::new(File::open(dir.path().join("control-lines.fgb")).unwrap());
        let reader = FgbReader::open(&mut file).unwrap();
        assert_eq!(reader.header().features_count(), 0);
        assert_eq!(reader.header().columns().unwrap().len(), schema::CONTROL.len());
    }

    fn walk(dir: &Path) -> Vec<String> {
        let mut out = Vec::new();
        for e in std::fs::read_dir(dir).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                out.extend(walk(&p).into_iter().map(|s| format!("{}/{s}", p.file_name().unwrap().to_string_lossy())));
            } else {
                out.push(p.file_name().unwrap().to_string_lossy().into_owned());
            }
        }
        out
    }
}
