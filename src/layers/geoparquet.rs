//! The GeoParquet format: one dataset of the run's events, `events.parquet/`, partitioned
//! Hive-style by border and day, for tools that read a folder of Parquet files as one table
//! (DuckDB, Spark/Sedona, GeoPandas, GDAL):
//!
//! ```text
//! events.parquet/border=AFG-TJK/date=2021-07-09/part-0.parquet
//! events.parquet/border=interior/date=2021-07-10/part-0.parquet
//! ```
//!
//! Its rows are the features of the top-level event layers of each border and of `interior`
//! (kind events, no period); not the timeline (which repeats them), the per-period copies, nor
//! the place, control and border layers. An event on two borders is a row under each, as it is
//! a feature in each border's layer. `date` is the event's `start`.
//!
//! Each file is GeoParquet 1.1: a WKB `geometry` column, a `bbox` covering column (a struct
//! of xmin/ymin/xmax/ymax per row, 1.1's `covering`), then the typed fields of the event layer
//! kind ([`arrow_type`] says which schema type becomes which Arrow/Parquet type), and the `geo`
//! key in the file's key-value metadata ([`geo_metadata`]): version, primary column, encoding,
//! the file's geometry types and bounding box. No `crs`: absent means OGC:CRS84 (WGS84
//! longitude/latitude), which the coordinates are.
//!
//! The partition columns are in the path, not in the files (the Hive convention: a reader adds
//! them from the folder names, and a column in both would clash). So the schema's `border`
//! field — the border the row's `distance_km`, `chainage_km` and `side` are measured to: the
//! partition's own border for a border row, the nearest one for an interior row — is written
//! as `nearest_border`.
//!
//! Memory: features arrive in input order, not partition order, and a run by day over years
//! has thousands of partitions. They are **sorted to disk first** ([`SpillSort`], as the
//! mapper's captures are: records held up to [`SORT_BUDGET`] bytes, then sorted runs in
//! unnamed temporary files, merged at the end) by (border, date, input order); the sorted stream is
//! then written one partition at a time, one file open at a time, in batches of
//! [`BATCH_ROWS`] rows, row groups of at most [`ROW_GROUP_ROWS`] rows or
//! [`ROW_GROUP_BYTES`] encoded bytes. Held at once: the sort's budget, one batch, one row
//! group being encoded. Sorting rather than a writer per open partition gives each partition
//! exactly one file with full row groups (an LRU of open writers would split a busy partition
//! into many small files and row groups), and rows in input order within a partition; the
//! cost is one pass through a temporary file, beside the disk the output needs anyway.
//!
//! Crates: `parquet` (with its `arrow` writer) and `arrow-array`/`arrow-schema` directly, and
//! the `geo` metadata written here (a small JSON object). The `geoparquet` crate (geoarrow-rs)
//! has a streaming encoder, but it wants GeoArrow arrays (`geoarrow-array`, `geoarrow-schema`,
//! `wkt`, `serde_with`, `futures` on top of the arrow crates) to make the same few keys; the
//! geometry here is already WKB from `geozero` and the bounding boxes are known per row.
//!
//! Deterministic: the same features give the same bytes (rows in input order within a
//! partition, no timestamps; `created_by` is fixed to `bordermap`).

use std::fs::File;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use arrow_array::builder::{
    BinaryBuilder, BooleanBuilder, Date32Builder, Float64Builder, Int64Builder, StringBuilder, StructBuilder,
};
use arrow_array::{ArrayRef, RecordBatch};
use arrow_schema::{DataType, Field as ArrowField, Fields, Schema, SchemaRef};
use geo::BoundingRect;
use geozero::{CoordDimensions, ToWkb};
use parquet::arrow::ArrowWriter;
use parquet::arrow::arrow_writer::ArrowWriterOptions;
use parquet::basic::Compression;
use parquet::file::metadata::KeyValue;
use parquet::file::properties::WriterProperties;
use serde_json::Value;

use super::Properties;
use super::format::{FormatWriter, LayerId, LayerSpec, Written};
use super::place::Geom;
use super::schema::{self, Field, FieldType, GeomKind, LayerKind};
use crate::spill::{self, SpillSort};

/// The dataset's folder in the output folder.
pub const DATASET: &str = "events.parquet";
/// Rows of a row group at most.
pub const ROW_GROUP_ROWS: usize = 64 * 1024;
/// Encoded bytes of a row group at most (events with full properties are ~1 KB each: a row
/// group of 64k of them would hold ~64 MB while it is encoded).
pub const ROW_GROUP_BYTES: usize = 32 << 20;
/// Bytes of records the sort holds before it writes a sorted run (an unnamed temporary file in
/// the output folder). A record is an event's WKB and JSON properties, ~1.5 KB with
/// `--properties full`: 10 M events make ~15 GB of records, ~240 runs, merged with a 16 KB
/// buffer and a file descriptor each (the mapper's own sorts hold ids of a few bytes and do
/// with 8 MB).
pub const SORT_BUDGET: usize = 64 << 20;
/// Rows built into Arrow arrays before they are handed to the Parquet writer.
pub const BATCH_ROWS: usize = 8 * 1024;
/// The geometry column, the primary (and only) one.
const GEOMETRY: &str = "geometry";
/// The covering column of per-row bounding boxes.
const BBOX: &str = "bbox";

/// The Arrow type of a schema field (Parquet's logical type follows from it):
///
/// | schema    | Arrow     | Parquet                 |
/// |-----------|-----------|-------------------------|
/// | `Text`    | `Utf8`    | BYTE_ARRAY (STRING)     |
/// | `Integer` | `Int64`   | INT64                   |
/// | `Real`    | `Float64` | DOUBLE                  |
/// | `Date`    | `Date32`  | INT32 (DATE)            |
/// | `Boolean` | `Boolean` | BOOLEAN                 |
///
/// So `start`, `end`, `until` are DATE; `distance_km`, `chainage_km`, `match_score` DOUBLE;
/// `fatalities`, `time_precision`, `geo_precision`, `input_line` INT64; `share` (Real in
/// [`schema::typed_fields`]) a nullable DOUBLE; the rest strings, `""` when empty as in every
/// other format.
pub fn arrow_type(ty: FieldType) -> DataType {
    match ty {
        FieldType::Text => DataType::Utf8,
        FieldType::Integer => DataType::Int64,
        FieldType::Real => DataType::Float64,
        FieldType::Date => DataType::Date32,
        FieldType::Boolean => DataType::Boolean,
    }
}

/// A schema field's column name in the files: its own, but `border` (the partition's name)
/// becomes `nearest_border`.
pub fn column_name(field: &Field) -> &'static str {
    if field.name == "border" { "nearest_border" } else { field.name }
}

fn bbox_fields() -> Fields {
    ["xmin", "ymin", "xmax", "ymax"].into_iter().map(|n| ArrowField::new(n, DataType::Float64, false)).collect()
}

/// The files' Arrow schema: `geometry` (WKB), `bbox`, then the event fields in schema order.
/// Only `share` may be null (and `bbox`, for an empty geometry, which the layers never have).
pub fn arrow_schema(properties: Properties) -> SchemaRef {
    let mut cols = vec![
        ArrowField::new(GEOMETRY, DataType::Binary, false),
        ArrowField::new(BBOX, DataType::Struct(bbox_fields()), true),
    ];
    for f in schema::typed_fields(LayerKind::Events, properties) {
        cols.push(ArrowField::new(column_name(f), arrow_type(f.ty), f.name == "share"));
    }
    Arc::new(Schema::new(cols))
}

/// The relative path of a partition's `n`th file: `events.parquet/border=B/date=D/part-N.parquet`.
pub fn partition_path(border: &str, date: &str, n: usize) -> String {
    format!("{DATASET}/border={}/date={date}/part-{n}.parquet", escape_hive(border))
}

/// A partition value as a folder name: Hive escapes `/`, `=`, `%` and control characters as
/// `%XX` (border ids are `AFG-TJK`, so this is only for safety).
fn escape_hive(v: &str) -> String {
    let mut out = String::with_capacity(v.len());
    for c in v.chars() {
        if c == '/' || c == '=' || c == '%' || c == '\\' || c.is_control() || c == ':' {
            for b in c.to_string().bytes() {
                out.push_str(&format!("%{b:02X}"));
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// The geometry types and bounding box of one file.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Extent {
    /// Any Point rows.
    pub points: bool,
    /// Any MultiLineString rows.
    pub lines: bool,
    /// xmin, ymin, xmax, ymax; `None` before the first non-empty geometry.
    pub bbox: Option<[f64; 4]>,
}

impl Extent {
    fn add(&mut self, kind: GeomKind, bbox: Option<[f64; 4]>) {
        match kind {
            GeomKind::Point => self.points = true,
            GeomKind::Line => self.lines = true,
        }
        if let Some(b) = bbox {
            self.bbox = Some(match self.bbox {
                None => b,
                Some(a) => [a[0].min(b[0]), a[1].min(b[1]), a[2].max(b[2]), a[3].max(b[3])],
            });
        }
    }
}

/// The GeoParquet 1.1 `geo` metadata of a file with this extent.
pub fn geo_metadata(extent: &Extent) -> String {
    let mut types = Vec::new();
    if extent.lines {
        types.push("MultiLineString");
    }
    if extent.points {
        types.push("Point");
    }
    let mut column = serde_json::json!({
        "encoding": "WKB",
        "geometry_types": types,
        "covering": {"bbox": {
            "xmin": [BBOX, "xmin"], "ymin": [BBOX, "ymin"], "xmax": [BBOX, "xmax"], "ymax": [BBOX, "ymax"],
        }},
    });
    if let Some(b) = extent.bbox {
        column["bbox"] = serde_json::json!(b);
    }
    serde_json::json!({"version": "1.1.0", "primary_column": GEOMETRY, "columns": {GEOMETRY: column}}).to_string()
}

/// Days since 1970-01-01 of a `YYYY-MM-DD` date (Parquet's DATE).
fn date32(s: &str) -> Option<i32> {
    let d: jiff::civil::Date = s.parse().ok()?;
    let (y, m, day) = (i64::from(d.year()), i64::from(d.month()), i64::from(d.day()));
    // Days from civil (H. Hinnant's algorithm).
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    i32::try_from(era * 146_097 + doe - 719_468).ok()
}

fn invalid(why: String) -> std::io::Error {
    std::io::Error::new(std::io::ErrorKind::InvalidData, why)
}

/// The GeoParquet writer of a run.
pub struct GeoParquet {
    dir: PathBuf,
    properties: Properties,
    /// The partition (border id or `interior`) of each layer whose features are rows.
    partitions: Vec<Option<String>>,
    sort: SpillSort,
    seq: u64,
    wkb: Vec<u8>,
    record: Vec<u8>,
}

impl GeoParquet {
    /// The dataset, to be written under `dir`.
    pub fn new(dir: &Path, properties: Properties) -> std::io::Result<Self> {
        Self::with_sort_budget(dir, properties, SORT_BUDGET)
    }

    fn with_sort_budget(dir: &Path, properties: Properties, budget: usize) -> std::io::Result<Self> {
        Ok(GeoParquet {
            dir: dir.to_path_buf(),
            properties,
            partitions: Vec::new(),
            sort: SpillSort::new_in(budget, dir),
            seq: 0,
            wkb: Vec::new(),
            record: Vec::new(),
        })
    }
}

/// Whether a layer's features are rows of the dataset, and under which border.
fn partition_of(spec: &LayerSpec) -> Option<String> {
    let top_events = spec.kind == LayerKind::Events && spec.period.is_none();
    let group = spec.group.as_str();
    (top_events && group != "timeline" && !["places", "control", "borders"].contains(&group)).then(|| group.into())
}

#[derive(serde::Deserialize)]
struct Start<'a> {
    #[serde(borrow)]
    start: std::borrow::Cow<'a, str>,
}

impl FormatWriter for GeoParquet {
    fn begin(&mut self, id: LayerId, spec: &LayerSpec) -> std::io::Result<()> {
        debug_assert_eq!(id.0, self.partitions.len());
        self.partitions.push(partition_of(spec));
        Ok(())
    }

    fn feature(&mut self, id: LayerId, geom: &Geom, props: &[u8]) -> std::io::Result<()> {
        let Some(border) = &self.partitions[id.0] else { return Ok(()) };
        let start: Start<'_> = serde_json::from_slice(props)
            .map_err(|e| invalid(format!("GeoParquet: an event's properties have no start date: {e}")))?;
        if date32(&start.start).is_none() {
            return Err(invalid(format!("GeoParquet: an event's start {:?} is not a date", start.start)));
        }
        self.wkb = geom.geometry.to_wkb(CoordDimensions::xy()).map_err(|e| invalid(format!("GeoParquet: {e}")))?;
        let bbox = geom.geometry.bounding_rect().map(|r| [r.min().x, r.min().y, r.max().x, r.max().y]);
        // Record: border key, date key, input order (big-endian: sorts as numbers), then the
        // payload: geometry kind, bbox (or none), WKB, properties.
        let r = &mut self.record;
        r.clear();
        spill::key(r, border);
        spill::key(r, &start.start);
        r.extend_from_slice(&self.seq.to_be_bytes());
        self.seq += 1;
        r.push(match geom.kind {
            GeomKind::Point => 0,
            GeomKind::Line => 1,
        });
        match bbox {
            Some(b) => {
                r.push(1);
                for v in b {
                    r.extend_from_slice(&v.to_le_bytes());
                }
            }
            None => r.push(0),
        }
        r.extend_from_slice(&(self.wkb.len() as u32).to_le_bytes());
        r.extend_from_slice(&self.wkb);
        r.extend_from_slice(props);
        self.sort.push(&self.record)
    }

    fn finish(self: Box<Self>, _layers: &[(LayerSpec, u64)]) -> std::io::Result<Vec<Written>> {
        let GeoParquet { dir, properties, sort, .. } = *self;
        let mut out = Vec::new();
        let mut current: Option<PartFile> = None;
        for rec in sort.finish()? {
            let rec = rec?;
            let row = Row::decode(&rec)?;
            let same = current.as_ref().is_some_and(|p| p.border == row.border && p.date == row.date);
            if !same {
                if let Some(p) = current.take() {
                    out.push(p.close()?);
                }
                current = Some(PartFile::create(&dir, &row.border, &row.date, properties)?);
            }
            current.as_mut().expect("a file is open").push(&row)?;
        }
        if let Some(p) = current.take() {
            out.push(p.close()?);
        }
        Ok(out)
    }
}

/// One sorted record, decoded.
struct Row<'a> {
    border: String,
    date: String,
    kind: GeomKind,
    bbox: Option<[f64; 4]>,
    wkb: &'a [u8],
    props: &'a [u8],
}

impl<'a> Row<'a> {
    fn decode(rec: &'a [u8]) -> std::io::Result<Row<'a>> {
        let bad = || std::io::Error::other("GeoParquet: corrupt sort record");
        let (border, rest) = spill::split_key(rec).ok_or_else(bad)?;
        let (date, rest) = spill::split_key(rest).ok_or_else(bad)?;
        let rest = rest.get(8..).ok_or_else(bad)?;
        let (&kind, rest) = rest.split_first().ok_or_else(bad)?;
        let kind = if kind == 0 { GeomKind::Point } else { GeomKind::Line };
        let (&has, mut rest) = rest.split_first().ok_or_else(bad)?;
        let bbox = if has == 1 {
            let mut b = [0.0; 4];
            for v in &mut b {
                let (x, r) = rest.split_first_chunk::<8>().ok_or_else(bad)?;
                *v = f64::from_le_bytes(*x);
                rest = r;
            }
            Some(b)
        } else {
            None
        };
        let (len, rest) = rest.split_first_chunk::<4>().ok_or_else(bad)?;
        let len = u32::from_le_bytes(*len) as usize;
        let wkb = rest.get(..len).ok_or_else(bad)?;
        let props = &rest[len..];
        Ok(Row { border, date, kind, bbox, wkb, props })
    }
}

/// A column being built.
enum Col {
    Text(StringBuilder),
    Integer(Int64Builder),
    Real(Float64Builder),
    Date(Date32Builder),
    Boolean(BooleanBuilder),
}

impl Col {
    fn new(ty: FieldType) -> Col {
        match ty {
            FieldType::Text => Col::Text(StringBuilder::new()),
            FieldType::Integer => Col::Integer(Int64Builder::new()),
            FieldType::Real => Col::Real(Float64Builder::new()),
            FieldType::Date => Col::Date(Date32Builder::new()),
            FieldType::Boolean => Col::Boolean(BooleanBuilder::new()),
        }
    }

    /// Appends a JSON value; `Err` if it is not of the column's type. Null only for `share`
    /// (as the other formats, an empty `share` text is null).
    fn push(&mut self, v: Option<&Value>, nullable: bool) -> Result<(), ()> {
        let v = match v {
            Some(Value::Null) | None if nullable => None,
            Some(Value::String(s)) if nullable && s.is_empty() => None,
            Some(v) => Some(v),
            None => return Err(()),
        };
        match (self, v) {
            (Col::Real(b), None) => b.append_null(),
            (Col::Text(b), None) => b.append_null(),
            (Col::Integer(b), None) => b.append_null(),
            (Col::Date(b), None) => b.append_null(),
            (Col::Boolean(b), None) => b.append_null(),
            (Col::Text(b), Some(Value::String(s))) => b.append_value(s),
            (Col::Integer(b), Some(Value::Number(n))) => b.append_value(n.as_i64().ok_or(())?),
            (Col::Real(b), Some(Value::Number(n))) => b.append_value(n.as_f64().ok_or(())?),
            // `share` is text in the JSON ("0.667"), a number here.
            (Col::Real(b), Some(Value::String(s))) => b.append_value(s.parse().map_err(|_| ())?),
            (Col::Date(b), Some(Value::String(s))) => b.append_value(date32(s).ok_or(())?),
            (Col::Boolean(b), Some(Value::Bool(x))) => b.append_value(*x),
            _ => return Err(()),
        }
        Ok(())
    }

    fn finish(&mut self) -> ArrayRef {
        match self {
            Col::Text(b) => Arc::new(b.finish()),
            Col::Integer(b) => Arc::new(b.finish()),
            Col::Real(b) => Arc::new(b.finish()),
            Col::Date(b) => Arc::new(b.finish()),
            Col::Boolean(b) => Arc::new(b.finish()),
        }
    }
}

/// One partition's file being written.
struct PartFile {
    border: String,
    date: String,
    rel: String,
    writer: ArrowWriter<File>,
    schema: SchemaRef,
    fields: &'static [Field],
    geometry: BinaryBuilder,
    bbox: StructBuilder,
    cols: Vec<Col>,
    in_batch: usize,
    rows: u64,
    extent: Extent,
}

impl PartFile {
    fn create(dir: &Path, border: &str, date: &str, properties: Properties) -> std::io::Result<PartFile> {
        let rel = partition_path(border, date, 0);
        let path = dir.join(&rel);
        std::fs::create_dir_all(path.parent().expect("a partition file has a folder"))?;
        let schema = arrow_schema(properties);
        let props = WriterProperties::builder()
            .set_compression(Compression::SNAPPY)
            .set_max_row_group_row_count(Some(ROW_GROUP_ROWS))
            .set_max_row_group_bytes(Some(ROW_GROUP_BYTES))
            .set_created_by("bordermap".into())
            .build();
        // No `ARROW:schema` key: pyarrow (and so GeoPandas) takes a file's schema metadata from
        // it when present, and it is written before the `geo` key is known, so they would not
        // see `geo`. The Parquet types say the same (STRING, DATE, DOUBLE, INT64).
        let options = ArrowWriterOptions::new().with_properties(props).with_skip_arrow_metadata(true);
        let writer =
            ArrowWriter::try_new_with_options(File::create(&path)?, schema.clone(), options).map_err(pq_err(&rel))?;
        let fields = schema::typed_fields(LayerKind::Events, properties);
        Ok(PartFile {
            border: border.into(),
            date: date.into(),
            rel,
            writer,
            schema,
            fields,
            geometry: BinaryBuilder::new(),
            bbox: StructBuilder::from_fields(bbox_fields(), BATCH_ROWS),
            cols: fields.iter().map(|f| Col::new(f.ty)).collect(),
            in_batch: 0,
            rows: 0,
            extent: Extent::default(),
        })
    }

    fn push(&mut self, row: &Row<'_>) -> std::io::Result<()> {
        let props: serde_json::Map<String, Value> = serde_json::from_slice(row.props)
            .map_err(|e| invalid(format!("{}: properties are not a JSON object: {e}", self.rel)))?;
        for (field, col) in self.fields.iter().zip(&mut self.cols) {
            let v = props.get(field.name);
            col.push(v, field.name == "share").map_err(|()| {
                invalid(format!("{}: field {:?} is not a {:?}: {v:?}", self.rel, field.name, field.ty))
            })?;
        }
        self.geometry.append_value(row.wkb);
        match row.bbox {
            Some(b) => {
                for (i, v) in b.into_iter().enumerate() {
                    self.bbox.field_builder::<Float64Builder>(i).expect("bbox fields are f64").append_value(v);
                }
                self.bbox.append(true);
            }
            None => {
                for i in 0..4 {
                    self.bbox.field_builder::<Float64Builder>(i).expect("bbox fields are f64").append_value(0.0);
                }
                self.bbox.append(false);
            }
        }
        self.extent.add(row.kind, row.bbox);
        self.in_batch += 1;
        self.rows += 1;
        if self.in_batch >= BATCH_ROWS {
            self.write_batch()?;
        }
        Ok(())
    }

    fn write_batch(&mut self) -> std::io::Result<()> {
        if self.in_batch == 0 {
            return Ok(());
        }
        let mut arrays: Vec<ArrayRef> = vec![Arc::new(self.geometry.finish()), Arc::new(self.bbox.finish())];
        arrays.extend(self.cols.iter_mut().map(Col::finish));
        let batch =
            RecordBatch::try_new(self.schema.clone(), arrays).map_err(|e| invalid(format!("{}: {e}", self.rel)))?;
        self.writer.write(&batch).map_err(pq_err(&self.rel))?;
        self.in_batch = 0;
        Ok(())
    }

    fn close(mut self) -> std::io::Result<Written> {
        self.write_batch()?;
        self.writer.append_key_value_metadata(KeyValue::new("geo".into(), geo_metadata(&self.extent)));
        let rel = self.rel.clone();
        let file = self.writer.into_inner().map_err(pq_err(&rel))?;
        file.sync_all()?;
        Ok(Written { path: rel, format: "geoparquet", layer: None, features: self.rows })
    }
}

fn pq_err(rel: &str) -> impl FnOnce(parquet::errors::ParquetError) -> std::io::Error + '_ {
    move |e| std::io::Error::other(format!("{rel}: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn schema_fields_map_to_typed_columns() {
        let s = arrow_schema(Properties::Full);
        let ty = |n: &str| s.field_with_name(n).unwrap().data_type().clone();
        assert_eq!(s.field(0).name(), "geometry");
        assert_eq!(ty("geometry"), DataType::Binary);
        assert!(matches!(ty("bbox"), DataType::Struct(f) if f.len() == 4));
        for d in ["start", "end", "until"] {
            assert_eq!(ty(d), DataType::Date32, "{d}");
        }
        assert_eq!(ty("distance_km"), DataType::Float64);
        assert_eq!(ty("fatalities"), DataType::Int64);
        assert_eq!(ty("title"), DataType::Utf8);
        assert_eq!(ty("share"), DataType::Float64);
        assert!(s.field_with_name("share").unwrap().is_nullable());
        assert!(!s.field_with_name("distance_km").unwrap().is_nullable());
        assert!(s.field_with_name("border").is_err(), "border is the partition");
        assert_eq!(ty("nearest_border"), DataType::Utf8);
        assert_eq!(s.fields().len(), 2 + schema::EVENT_FULL.len());
        assert_eq!(arrow_schema(Properties::Compact).fields().len(), 2 + schema::EVENT_COMPACT.len());
    }

    #[test]
    fn dates_are_days_since_1970() {
        assert_eq!(date32("1970-01-01"), Some(0));
        assert_eq!(date32("1970-03-01"), Some(59));
        assert_eq!(date32("2021-07-09"), Some(18_817));
        assert_eq!(date32("1969-12-31"), Some(-1));
        assert_eq!(date32("2021-02-30"), None);
    }

    #[test]
    fn partition_paths_are_hive_style() {
        assert_eq!(
            partition_path("AFG-TJK", "2021-07-09", 0),
            "events.parquet/border=AFG-TJK/date=2021-07-09/part-0.parquet"
        );
        assert_eq!(
            partition_path("interior", "2021-07-10", 2),
            "events.parquet/border=interior/date=2021-07-10/part-2.parquet"
        );
        assert_eq!(escape_hive("a/b=c%"), "a%2Fb%3Dc%25");
    }

    #[test]
    fn only_top_level_border_and_interior_event_layers_are_rows() {
        let top = |g: &str, k| partition_of(&LayerSpec::top(g, k, GeomKind::Point));
        assert_eq!(top("AFG-TJK", LayerKind::Events).as_deref(), Some("AFG-TJK"));
        assert_eq!(top("interior", LayerKind::Events).as_deref(), Some("interior"));
        assert_eq!(top("timeline", LayerKind::Events), None);
        assert_eq!(top("places", LayerKind::Places), None);
        assert_eq!(top("control", LayerKind::Control), None);
        assert_eq!(top("borders", LayerKind::Border), None);
        let day = LayerSpec::in_period("by-day", "2021-07-09", "AFG-TJK", LayerKind::Events, GeomKind::Point);
        assert_eq!(partition_of(&day), None);
    }

    #[test]
    fn geo_metadata_is_geoparquet_1_1() {
        let mut e = Extent::default();
        e.add(GeomKind::Point, Some([70.0, 37.0, 70.0, 37.0]));
        e.add(GeomKind::Line, Some([69.5, 37.2, 71.0, 38.0]));
        let v: Value = serde_json::from_str(&geo_metadata(&e)).unwrap();
        assert_eq!(v["version"], "1.1.0");
        assert_eq!(v["primary_column"], "geometry");
        let g = &v["columns"]["geometry"];
        assert_eq!(g["encoding"], "WKB");
        assert_eq!(g["geometry_types"], serde_json::json!(["MultiLineString", "Point"]));
        assert_eq!(g["bbox"], serde_json::json!([69.5, 37.0, 71.0, 38.0]));
        assert!(g.get("crs").is_none(), "absent: OGC:CRS84");
        assert_eq!(g["covering"]["bbox"]["xmin"], serde_json::json!(["bbox", "xmin"]));
        let mut p = Extent::default();
        p.add(GeomKind::Point, Some([1.0, 2.0, 1.0, 2.0]));
        let v: Value = serde_json::from_str(&geo_metadata(&p)).unwrap();
        assert_eq!(v["columns"]["geometry"]["geometry_types"], serde_json::json!(["Point"]));
    }

    /// Compact properties with this id and start, every other field a value of its type.
    fn compact_props(id: &str, start: &str) -> Vec<u8> {
        let mut m = serde_json::Map::new();
        for f in schema::EVENT_COMPACT {
            let v = match f.ty {
                FieldType::Date => Value::from(start),
                FieldType::Integer => Value::from(1),
                FieldType::Real => Value::from(2.5),
                _ => Value::from(""),
            };
            m.insert(f.name.into(), v);
        }
        m.insert("id".into(), Value::from(id));
        serde_json::to_vec(&m).unwrap()
    }

    fn read_ids(path: &Path) -> Vec<String> {
        let reader =
            parquet::arrow::arrow_reader::ParquetRecordBatchReader::try_new(File::open(path).unwrap(), 1024).unwrap();
        let mut out = Vec::new();
        for batch in reader {
            let batch = batch.unwrap();
            let col = batch.column_by_name("id").unwrap();
            let col = col.as_any().downcast_ref::<arrow_array::StringArray>().unwrap();
            out.extend(col.iter().map(|v| v.unwrap().to_string()));
        }
        out
    }

    #[test]
    fn rows_spilled_to_disk_come_back_in_input_order_per_partition() {
        let dir = tempfile::tempdir().unwrap();
        let mut w = Box::new(GeoParquet::with_sort_budget(dir.path(), Properties::Compact, 4096).unwrap());
        let borders = ["AFG-TJK", "AFG-UZB", "interior"];
        for (i, b) in borders.iter().enumerate() {
            w.begin(LayerId(i), &LayerSpec::top(b, LayerKind::Events, GeomKind::Point)).unwrap();
        }
        let geom = Geom::new(&geo::Geometry::Point(geo::Point::new(69.1, 37.2)), 0.0);
        let n = 3000;
        let day = |i: usize| format!("2021-07-{:02}", 1 + (i * 7) % 5);
        for i in 0..n {
            w.feature(LayerId(i % 3), &geom, &compact_props(&format!("e{i}"), &day(i))).unwrap();
        }
        assert!(w.sort.runs() > 10, "spilled: {} runs", w.sort.runs());
        let written = w.finish(&[]).unwrap();
        assert_eq!(written.len(), 15);
        assert_eq!(written.iter().map(|w| w.features).sum::<u64>(), n as u64);
        for f in &written {
            let want: Vec<String> = (0..n)
                .filter(|&i| f.path == partition_path(borders[i % 3], &day(i), 0))
                .map(|i| format!("e{i}"))
                .collect();
            assert_eq!(read_ids(&dir.path().join(&f.path)), want, "{}", f.path);
        }
    }

    #[test]
    fn rows_are_sorted_into_one_file_per_partition_in_input_order() {
        let dir = tempfile::tempdir().unwrap();
        let mut w = Box::new(GeoParquet::new(dir.path(), Properties::Compact).unwrap());
        let specs = [
            LayerSpec::top("AFG-TJK", LayerKind::Events, GeomKind::Point),
            LayerSpec::top("timeline", LayerKind::Events, GeomKind::Point),
            LayerSpec::top("interior", LayerKind::Events, GeomKind::Point),
        ];
        for (i, s) in specs.iter().enumerate() {
            w.begin(LayerId(i), s).unwrap();
        }
        let geom = Geom::new(&geo::Geometry::Point(geo::Point::new(69.1, 37.2)), 0.0);
        for (layer, id, start) in [
            (0, "a", "2021-07-10"),
            (0, "b", "2021-07-09"),
            (1, "t", "2021-07-09"),
            (2, "c", "2021-07-09"),
            (0, "d", "2021-07-10"),
        ] {
            w.feature(LayerId(layer), &geom, &compact_props(id, start)).unwrap();
        }
        let written = w.finish(&[]).unwrap();
        let got: Vec<(&str, u64)> = written.iter().map(|w| (w.path.as_str(), w.features)).collect();
        assert_eq!(
            got,
            [
                ("events.parquet/border=AFG-TJK/date=2021-07-09/part-0.parquet", 1),
                ("events.parquet/border=AFG-TJK/date=2021-07-10/part-0.parquet", 2),
                ("events.parquet/border=interior/date=2021-07-09/part-0.parquet", 1),
            ]
        );
        use parquet::file::reader::{FileReader, SerializedFileReader};
        let path = dir.path().join(&written[1].path);
        let r = SerializedFileReader::new(File::open(&path).unwrap()).unwrap();
        let kv = r.metadata().file_metadata().key_value_metadata().unwrap();
        let geo = kv.iter().find(|k| k.key == "geo").unwrap().value.as_deref().unwrap();
        let v: Value = serde_json::from_str(geo).unwrap();
        assert_eq!(v["columns"]["geometry"]["bbox"], serde_json::json!([69.1, 37.2, 69.1, 37.2]));
        assert_eq!(r.metadata().file_metadata().created_by(), Some("bordermap"));
        let reader =
            parquet::arrow::arrow_reader::ParquetRecordBatchReader::try_new(File::open(&path).unwrap(), 1024).unwrap();
        let batch = reader.into_iter().next().unwrap().unwrap();
        let ids = batch.column_by_name("id").unwrap();
        let ids = ids.as_any().downcast_ref::<arrow_array::StringArray>().unwrap();
        assert_eq!(ids.iter().collect::<Vec<_>>(), [Some("a"), Some("d")]);
        assert_eq!(batch.column_by_name("share").unwrap().null_count(), 2, "an empty share is null");
    }
}
