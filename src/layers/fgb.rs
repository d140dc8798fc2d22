//! The FlatGeobuf format: one `X.fgb` per layer, beside where `X.geojson` goes (by-period
//! folders included), written with the `flatgeobuf` crate: its packed Hilbert R-tree spatial
//! index, typed columns (the GeoPackage's types, [`schema::typed_fields`]), CRS EPSG:4326, and
//! the layer's title as the file's `title` (and its name).
//!
//! A FlatGeobuf file needs all its features before it is written: they are sorted along the
//! Hilbert curve to build the index, and the file holds them in that order. The crate's
//! `FgbWriter` does this (each feature encoded to an anonymous temporary file, a bounding box
//! and an offset per feature in memory), but it is not used here: it leaves out the part ends
//! of a one-part MultiLineString, which the FlatGeobuf of GDAL 3.6 (and so QGIS 3.22)
//! refuses to read ("Unexpected nullptr: MultiLineString ends data"). The features are encoded
//! here with the crate's FlatBuffers types, and the index built with its `packed_r_tree`.
//!
//! A run by day has thousands of layers fed in no order. As `geojson.rs` does, each layer's
//! features are spooled (part ends, coordinates, and the properties as FlatGeobuf encodes them,
//! typed when the feature comes, so that a wrong value is an error then) to a temporary
//! file of the layer, beside where it goes, through a buffer appended when it reaches
//! [`LAYER_BUFFER`] bytes or when all buffers pass [`MEMORY_BUDGET`]: at most one file is open
//! and memory is bounded, whatever the number of layers. At [`FormatWriter::finish`] the
//! layers are written one at a time: the spool is encoded to a second temporary file (the
//! FlatGeobuf features in input order), then the header, the index and the features in
//! Hilbert order are written to a temporary file that is synced and renamed into place. Memory
//! for the layer being written is [`PEAK_BYTES_PER_FEATURE`] a feature (about 92 MB for a
//! layer of a million features), the features themselves on disk.
//!
//! Dates: FlatGeobuf has no date type, only `DateTime` (ISO 8601 text). `start`, `end` and
//! `until` are `DateTime` columns holding `YYYY-MM-DD`: GDAL reads them as DateTime fields at
//! midnight, QGIS as QDateTime. `""` (unknown) and JSON null are left out of a feature (a
//! FlatGeobuf feature lists only the properties it has: GDAL and QGIS read them as NULL).
//!
//! The same input gives the same bytes: the columns are in schema order, features in the
//! order they came, and the Hilbert sort is stable.

use std::fs::{File, OpenOptions};
use std::io::{BufReader, BufWriter, Read, Write};
use std::path::{Path, PathBuf};

use flatbuffers::FlatBufferBuilder;
use flatgeobuf::packed_r_tree::{NodeItem, PackedRTree, calc_extent, hilbert_sort};
use flatgeobuf::{
    Column, ColumnArgs, ColumnType, Crs, CrsArgs, Feature, FeatureArgs, GeometryArgs, GeometryType, Header, HeaderArgs,
};
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
/// Memory per feature of the layer being written, at its peak (building the tree): a leaf
/// node (bounding box and offset, 40 bytes), the feature's size (4) and its place in the
/// Hilbert order (4), and the packed tree (40 a node, about 1.07 nodes a feature with 16
/// children a node). The stable sort before it needs less (the leaves, sizes, and half the
/// leaves' size as scratch).
pub const PEAK_BYTES_PER_FEATURE: usize = 40 + 4 + 4 + 43;

/// The FlatGeobuf writer of a run.
pub struct Fgb {
    dir: PathBuf,
    properties: Properties,
    layers: Vec<Spool>,
    /// Bytes held in all buffers.
    held: usize,
    /// A feature's properties, encoded.
    values: Vec<u8>,
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
        Ok(Fgb { dir: dir.to_path_buf(), properties, layers: Vec::new(), held: 0, values: Vec::new() })
    }

    /// Writes one layer's file from its spool.
    fn write_layer(&self, spool: Spool) -> std::io::Result<Written> {
        let Spool { spec, path: spool_path, mut buf, features } = spool;
        let rel = format!("{}.fgb", spec.name);
        let target = self.dir.join(&rel);
        let parent = target.parent().expect("layer paths have a parent");
        let fields = schema::typed_fields(spec.kind, self.properties);

        // Each feature encoded, in the order it came, to a temporary file beside the target;
        // in memory its bounding box and size.
        let encoded = temp_in(parent, ".fgb-features")?;
        let mut enc = BufWriter::new(encoded.as_file());
        let mut reader = BufReader::new(File::open(&spool_path)?).chain(std::io::Cursor::new(std::mem::take(&mut buf)));
        let mut nodes: Vec<NodeItem> = Vec::with_capacity(features as usize);
        let mut sizes: Vec<u32> = Vec::with_capacity(features as usize);
        let (mut ends, mut xy, mut values) = (Vec::new(), Vec::new(), Vec::new());
        let mut fbb = FlatBufferBuilder::new();
        for i in 0..features {
            read_geometry(&mut reader, &mut ends, &mut xy)?;
            read_record(&mut reader, &mut values)?;
            let mut node = NodeItem::create(i);
            for c in xy.chunks_exact(2) {
                node.expand_xy(c[0], c[1]);
            }
            nodes.push(node);
            fbb.reset();
            let geometry = GeometryArgs {
                xy: Some(fbb.create_vector(&xy)),
                // Always for lines, one part too: GDAL before 3.7 reads no MultiLineString
                // without them (the crate's own writer leaves a single part's out).
                ends: (spec.geom == GeomKind::Line).then(|| fbb.create_vector(&ends)),
                ..Default::default()
            };
            let geometry = flatgeobuf::Geometry::create(&mut fbb, &geometry);
            let properties = Some(fbb.create_vector(&values));
            let feature =
                Feature::create(&mut fbb, &FeatureArgs { geometry: Some(geometry), properties, columns: None });
            fbb.finish_size_prefixed(feature, None);
            let bytes = fbb.finished_data();
            sizes.push(
                u32::try_from(bytes.len())
                    .map_err(|_| std::io::Error::other(format!("{rel}: a feature over 4 GiB")))?,
            );
            enc.write_all(bytes)?;
        }
        drop(reader);
        drop(spool_path);
        enc.flush()?;
        drop(enc);

        // The header.
        let tmp = temp_in(parent, ".tmp")?;
        let mut out = BufWriter::new(tmp.as_file());
        out.write_all(&MAGIC_BYTES)?;
        let extent = calc_extent(&nodes);
        let description = format!(
            "bordermap {} layer{} ({} {})",
            spec.kind.as_str(),
            spec.period.as_deref().map(|p| format!(" of {p}")).unwrap_or_default(),
            spec.group,
            spec.geom.suffix()
        );
        let mut hb = FlatBufferBuilder::new();
        let columns: Vec<_> = fields
            .iter()
            .map(|f| {
                let name = Some(hb.create_string(f.name));
                Column::create(
                    &mut hb,
                    &ColumnArgs { name, type_: column_type(f.ty), nullable: true, ..Default::default() },
                )
            })
            .collect();
        let header = HeaderArgs {
            name: Some(hb.create_string(spec.title())),
            envelope: (!nodes.is_empty())
                .then(|| hb.create_vector(&[extent.min_x, extent.min_y, extent.max_x, extent.max_y])),
            geometry_type: match spec.geom {
                GeomKind::Point => GeometryType::Point,
                GeomKind::Line => GeometryType::MultiLineString,
            },
            columns: Some(hb.create_vector(&columns)),
            features_count: features,
            index_node_size: INDEX_NODE_SIZE,
            crs: Some(Crs::create(&mut hb, &CrsArgs { code: 4326, ..Default::default() })),
            title: Some(hb.create_string(spec.title())),
            description: Some(hb.create_string(&description)),
            ..Default::default()
        };
        let header = Header::create(&mut hb, &header);
        hb.finish_size_prefixed(header, None);
        out.write_all(hb.finished_data())?;

        // The index: features along the Hilbert curve (a stable sort: ties keep their order),
        // each node's offset its feature's in the data that follows.
        let mut order: Vec<u32> = Vec::new();
        if !nodes.is_empty() {
            hilbert_sort(&mut nodes, &extent);
            order = nodes.iter().map(|n| n.offset as u32).collect();
            let mut offset = 0u64;
            for n in &mut nodes {
                let size = sizes[n.offset as usize] as u64;
                n.offset = offset;
                offset += size;
            }
            let tree = PackedRTree::build(&nodes, &extent, INDEX_NODE_SIZE).map_err(fgb_error(&rel))?;
            drop(nodes);
            tree.stream_write(&mut out)?;
        }

        // The features, in that order.
        let mut starts: Vec<u64> = Vec::with_capacity(sizes.len());
        let mut at = 0u64;
        for s in &sizes {
            starts.push(at);
            at += *s as u64;
        }
        // One positioned read a feature (a buffered reader would refill its whole buffer at
        // each jump).
        let data = encoded.as_file();
        let mut bytes = Vec::new();
        for i in order {
            bytes.resize(sizes[i as usize] as usize, 0);
            std::os::unix::fs::FileExt::read_exact_at(data, &mut bytes, starts[i as usize])?;
            out.write_all(&bytes)?;
        }
        drop(encoded);
        out.flush()?;
        drop(out);
        tmp.as_file().sync_all()?;
        tmp.persist(&target).map_err(|e| e.error)?;
        Ok(Written { path: rel, format: "fgb", layer: Some(spec), features })
    }
}

/// The magic bytes that open a FlatGeobuf file (version 3).
const MAGIC_BYTES: [u8; 8] = [b'f', b'g', b'b', flatgeobuf::VERSION, b'f', b'g', b'b', 0];
/// Children per node of the packed R-tree (the crate's and GDAL's default).
const INDEX_NODE_SIZE: u16 = PackedRTree::DEFAULT_NODE_SIZE;

/// Encodes a feature's values as FlatGeobuf properties: each present one as its column index
/// (u16) and its value, little-endian (strings with their u32 length).
fn encode_properties(values: &[Option<Typed>], out: &mut Vec<u8>) {
    out.clear();
    for (i, v) in values.iter().enumerate() {
        let Some(v) = v else { continue };
        out.extend_from_slice(&(i as u16).to_le_bytes());
        match v {
            Typed::Text(s) | Typed::DateTime(s) => {
                out.extend_from_slice(&(s.len() as u32).to_le_bytes());
                out.extend_from_slice(s.as_bytes());
            }
            Typed::Long(n) => out.extend_from_slice(&n.to_le_bytes()),
            Typed::Double(x) => out.extend_from_slice(&x.to_le_bytes()),
            Typed::Bool(b) => out.push(*b as u8),
        }
    }
}

/// Appends a geometry to a spool: its part ends (none for a point) and its coordinates.
fn write_geometry(out: &mut Vec<u8>, g: &geo::Geometry<f64>) -> std::io::Result<()> {
    let mut ends: Vec<u32> = Vec::new();
    let mut xy: Vec<f64> = Vec::new();
    match g {
        geo::Geometry::Point(p) => xy.extend([p.x(), p.y()]),
        geo::Geometry::MultiLineString(ml) => {
            for ls in &ml.0 {
                xy.extend(ls.0.iter().flat_map(|c| [c.x, c.y]));
                ends.push((xy.len() / 2) as u32);
            }
        }
        other => return Err(std::io::Error::other(format!("FlatGeobuf: a {other:?} in a layer of points or lines"))),
    }
    out.extend_from_slice(&(ends.len() as u32).to_le_bytes());
    ends.iter().for_each(|e| out.extend_from_slice(&e.to_le_bytes()));
    out.extend_from_slice(&(xy.len() as u32).to_le_bytes());
    xy.iter().for_each(|v| out.extend_from_slice(&v.to_le_bytes()));
    Ok(())
}

fn read_geometry(r: &mut impl Read, ends: &mut Vec<u32>, xy: &mut Vec<f64>) -> std::io::Result<()> {
    let mut word = [0u8; 4];
    let mut double = [0u8; 8];
    r.read_exact(&mut word)?;
    ends.clear();
    for _ in 0..u32::from_le_bytes(word) {
        let mut e = [0u8; 4];
        r.read_exact(&mut e)?;
        ends.push(u32::from_le_bytes(e));
    }
    r.read_exact(&mut word)?;
    xy.clear();
    for _ in 0..u32::from_le_bytes(word) {
        r.read_exact(&mut double)?;
        xy.push(f64::from_le_bytes(double));
    }
    Ok(())
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
        let spool = &mut self.layers[id.0];
        let fields = schema::typed_fields(spool.spec.kind, self.properties);
        let typed = typed_values(&spool.spec.name, fields, props)?;
        encode_properties(&typed, &mut self.values);
        let before = spool.buf.len();
        write_geometry(&mut spool.buf, &geom.geometry)?;
        write_record(&mut spool.buf, &self.values);
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
        // The writer says so when the feature comes.
        let dir = tempfile::tempdir().unwrap();
        let mut w = Fgb::new(dir.path(), Properties::Full).unwrap();
        let spec = LayerSpec::top("AFG-TJK", LayerKind::Events, GeomKind::Point);
        w.begin(LayerId(0), &spec).unwrap();
        let e = w.feature(LayerId(0), &point(60.0, 30.0), br#"{"share":"half"}"#).unwrap_err();
        assert_eq!(e.kind(), std::io::ErrorKind::InvalidData);
        assert!(e.to_string().contains("\"share\"") && e.to_string().contains("AFG-TJK-points"), "{e}");
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

    #[test]
    fn a_one_part_line_keeps_its_part_ends_and_thousands_of_layers_need_one_file_open() {
        let dir = tempfile::tempdir().unwrap();
        let mut w: Box<dyn FormatWriter> = Box::new(Fgb::new(dir.path(), Properties::Full).unwrap());
        let line = Geom::new(
            &geo::Geometry::LineString(geo::LineString::from(vec![(60.0, 30.0), (61.0, 31.0), (62.0, 30.5)])),
            0.0,
        );
        let mut layers = Vec::new();
        // More layers than the usual limit of 1,024 open files.
        for day in 0..1100 {
            let spec =
                LayerSpec::in_period("by-day", &format!("d{day:04}"), "AFG-TJK", LayerKind::Events, GeomKind::Line);
            w.begin(LayerId(day), &spec).unwrap();
            layers.push((spec, 1));
        }
        for day in 0..1100 {
            w.feature(LayerId(day), &line, props(&format!("e{day}"), "2021-07-09").as_bytes()).unwrap();
        }
        let written = w.finish(&layers).unwrap();
        assert_eq!(written.len(), 1100);
        let mut file = BufReader::new(File::open(dir.path().join("by-day/d0042/AFG-TJK-lines.fgb")).unwrap());
        let reader = FgbReader::open(&mut file).unwrap();
        assert_eq!(reader.header().geometry_type(), GeometryType::MultiLineString);
        let mut features = reader.select_all().unwrap();
        let f = features.next().unwrap().unwrap();
        let g = f.geometry().unwrap();
        assert_eq!(g.ends().map(|e| e.iter().collect::<Vec<u32>>()), Some(vec![3]));
        assert_eq!(g.xy().unwrap().iter().collect::<Vec<f64>>(), [60.0, 30.0, 61.0, 31.0, 62.0, 30.5]);
        assert_eq!(f.property::<String>("id").unwrap(), "e42");
        assert_eq!(walk(dir.path()).len(), 1100, "no spool left");
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
