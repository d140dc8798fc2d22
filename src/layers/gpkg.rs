//! A GeoPackage writer: the layers of a run as feature tables of one `.gpkg` file, with the
//! field types of [`super::schema`] declared, a spatial index per table and a QGIS default style.
//!
//! It follows the GeoPackage Encoding Standard 1.3.1 (OGC 12-128r18): `application_id`
//! `GPKG`, `user_version` 10300, the core tables (`gpkg_spatial_ref_sys` with its three
//! required rows, `gpkg_contents`, `gpkg_geometry_columns`, `gpkg_extensions`), geometries as
//! GeoPackage binary (the `GP` header and WKB, written by geozero) in EPSG:4326, and the RTree
//! spatial index extension (Annex F.3) with the standard's triggers, as 1.3 has them. Styles
//! go to the `layer_styles` table QGIS itself creates when it saves a style into a GeoPackage
//! (same columns, registered like QGIS registers it: as `attributes` in `gpkg_contents`), as
//! the default style, which QGIS applies when it opens the layer.
//!
//! Writing is one transaction with the journal off and no syncs (the file is built inside a
//! staging folder and thrown away if the run fails); [`Gpkg::finish`] builds the indexes,
//! commits, closes and syncs the file. Nothing in the file is usable before it returns.
//!
//! Deterministic: the same calls give a byte-identical file. The standard's time columns
//! (`gpkg_contents.last_change`, `layer_styles.update_time`) hold [`FIXED_TIME`], not the
//! time of the run.

use std::borrow::Cow;
use std::collections::HashMap;
use std::fmt;
use std::io;
use std::path::{Path, PathBuf};

use geo::BoundingRect;
use geozero::wkb::{GpkgWkb, WkbDialect, WkbWriter};
use geozero::{CoordDimensions, GeozeroGeometry, ToGeo};
use rusqlite::types::{ToSqlOutput, ValueRef};
use rusqlite::{Connection, OpenFlags, params};
use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};

use super::schema::{Field, FieldType, GeomKind};

/// The value of the standard's timestamp columns (`gpkg_contents.last_change`,
/// `layer_styles.update_time`): fixed, so that a file depends on its contents only.
pub const FIXED_TIME: &str = "1970-01-01T00:00:00.000Z";

/// `GPKG`, the SQLite `application_id` of a GeoPackage (Requirement 2).
const APPLICATION_ID: i32 = 0x4750_4B47;
/// GeoPackage 1.3.0 (Requirement 2).
const USER_VERSION: i32 = 10300;
/// The geometry column of every table.
const GEOM: &str = "geom";
/// The integer primary key of every table.
const FID: &str = "fid";
/// WGS 84 as GDAL writes it into `gpkg_spatial_ref_sys`.
const WGS84_WKT: &str = r#"GEOGCS["WGS 84",DATUM["WGS_1984",SPHEROID["WGS 84",6378137,298.257223563,AUTHORITY["EPSG","7030"]],AUTHORITY["EPSG","6326"]],PRIMEM["Greenwich",0,AUTHORITY["EPSG","8901"]],UNIT["degree",0.0174532925199433,AUTHORITY["EPSG","9122"]],AXIS["Latitude",NORTH],AXIS["Longitude",EAST],AUTHORITY["EPSG","4326"]]"#;
/// `gpkg_extensions.definition` of the RTree index.
const RTREE_DEFINITION: &str = "http://www.geopackage.org/spec130/#extension_rtree";

/// The core tables, as in Annex C (Table Definition SQL) of the standard.
const CORE_SQL: &str = "
CREATE TABLE gpkg_spatial_ref_sys (
  srs_name TEXT NOT NULL,
  srs_id INTEGER PRIMARY KEY,
  organization TEXT NOT NULL,
  organization_coordsys_id INTEGER NOT NULL,
  definition  TEXT NOT NULL,
  description TEXT
);
CREATE TABLE gpkg_contents (
  table_name TEXT NOT NULL PRIMARY KEY,
  data_type TEXT NOT NULL,
  identifier TEXT UNIQUE,
  description TEXT DEFAULT '',
  last_change DATETIME NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
  min_x DOUBLE,
  min_y DOUBLE,
  max_x DOUBLE,
  max_y DOUBLE,
  srs_id INTEGER,
  CONSTRAINT fk_gc_r_srs_id FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys(srs_id)
);
CREATE TABLE gpkg_geometry_columns (
  table_name TEXT NOT NULL,
  column_name TEXT NOT NULL,
  geometry_type_name TEXT NOT NULL,
  srs_id INTEGER NOT NULL,
  z TINYINT NOT NULL,
  m TINYINT NOT NULL,
  CONSTRAINT pk_geom_cols PRIMARY KEY (table_name, column_name),
  CONSTRAINT uk_gc_table_name UNIQUE (table_name),
  CONSTRAINT fk_gc_tn FOREIGN KEY (table_name) REFERENCES gpkg_contents(table_name),
  CONSTRAINT fk_gc_srs FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys (srs_id)
);
CREATE TABLE gpkg_extensions (
  table_name TEXT,
  column_name TEXT,
  extension_name TEXT NOT NULL,
  definition TEXT NOT NULL,
  scope TEXT NOT NULL,
  CONSTRAINT ge_tce UNIQUE (table_name, column_name, extension_name)
);
";

/// QGIS's style table, with the columns and types it gets when QGIS creates it through GDAL
/// (`QgsOgrProviderMetadata::saveStyle`).
const LAYER_STYLES_SQL: &str = r#"CREATE TABLE "layer_styles" ( "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, "f_table_catalog" TEXT(256), "f_table_schema" TEXT(256), "f_table_name" TEXT(256), "f_geometry_column" TEXT(256), "styleName" TEXT(30), "styleQML" TEXT, "styleSLD" TEXT, "useAsDefault" BOOLEAN, "description" TEXT, "owner" TEXT(30), "ui" TEXT(30), "update_time" DATETIME DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')))"#;

/// Prepared statements kept: one insert per table, and a few for the rest.
const STATEMENT_CACHE: usize = 256;

/// A GeoPackage being written. See the module documentation.
pub struct Gpkg {
    conn: Connection,
    path: PathBuf,
    tables: Vec<Table>,
    has_styles: bool,
    /// The GeoPackage binary of the current feature, reused.
    wkb: Vec<u8>,
}

// A run writes its layers on a thread of their own.
const _: fn() = || {
    fn send<T: Send>() {}
    send::<Gpkg>();
};

/// A feature table of a [`Gpkg`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TableId(usize);

struct Table {
    name: String,
    fields: &'static [Field],
    /// Field name → position in `fields`.
    index: HashMap<&'static str, usize>,
    geom: GeomKind,
    insert_sql: String,
}

impl Gpkg {
    /// A new GeoPackage at `path` (which must not exist: it is written inside a staging folder
    /// that is published atomically).
    pub fn create(path: &Path) -> io::Result<Gpkg> {
        if path.exists() {
            return Err(io::Error::new(
                io::ErrorKind::AlreadyExists,
                format!("{}: the GeoPackage already exists", path.display()),
            ));
        }
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_CREATE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = Connection::open_with_flags(path, flags).map_err(sql_error(path))?;
        conn.set_prepared_statement_cache_capacity(STATEMENT_CACHE);
        let gpkg = Gpkg { conn, path: path.to_path_buf(), tables: Vec::new(), has_styles: false, wkb: Vec::new() };
        gpkg.init().map_err(sql_error(path))?;
        Ok(gpkg)
    }

    fn init(&self) -> rusqlite::Result<()> {
        let c = &self.conn;
        // Before the first table: the page size is fixed then.
        c.execute_batch(
            "PRAGMA page_size = 4096;
             PRAGMA journal_mode = OFF;
             PRAGMA synchronous = OFF;
             PRAGMA locking_mode = EXCLUSIVE;
             PRAGMA temp_store = MEMORY;
             PRAGMA cache_size = -65536;",
        )?;
        c.pragma_update(None, "application_id", APPLICATION_ID)?;
        c.pragma_update(None, "user_version", USER_VERSION)?;
        c.execute_batch("BEGIN")?;
        c.execute_batch(CORE_SQL)?;
        let mut srs = c.prepare(
            "INSERT INTO gpkg_spatial_ref_sys (srs_name, srs_id, organization, organization_coordsys_id, definition, description) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        )?;
        srs.execute(params![
            "Undefined Cartesian SRS",
            -1,
            "NONE",
            -1,
            "undefined",
            "undefined Cartesian coordinate reference system"
        ])?;
        srs.execute(params![
            "Undefined geographic SRS",
            0,
            "NONE",
            0,
            "undefined",
            "undefined geographic coordinate reference system"
        ])?;
        srs.execute(params![
            "WGS 84 geodetic",
            4326,
            "EPSG",
            4326,
            WGS84_WKT,
            "longitude/latitude coordinates in decimal degrees on the WGS 84 spheroid"
        ])?;
        Ok(())
    }

    /// A feature table `table` (e.g. "AFG-TJK-points"), with an integer primary key `fid`, a
    /// geometry column `geom` of `geom.ogc_name()` in EPSG:4326, and the columns of `fields`
    /// with declared types (Text → TEXT, Integer → INTEGER, Real → REAL, Date → DATE, Boolean
    /// → BOOLEAN), registered in `gpkg_contents` (data type `features`, `identifier`, an empty
    /// description) and `gpkg_geometry_columns`. `style` (style name, QML document) is stored
    /// in `layer_styles` as the table's default style.
    pub fn add_table(
        &mut self,
        table: &str,
        identifier: &str,
        fields: &'static [Field],
        geom: GeomKind,
        style: Option<(&str, &str)>,
    ) -> io::Result<TableId> {
        let invalid =
            |why: String| io::Error::new(io::ErrorKind::InvalidInput, format!("GeoPackage table {table:?}: {why}"));
        if table.is_empty() || table.to_ascii_lowercase().starts_with("gpkg_") || table.contains('\0') {
            return Err(invalid("not a name for a feature table".into()));
        }
        if table == "layer_styles" || self.tables.iter().any(|t| t.name.eq_ignore_ascii_case(table)) {
            return Err(invalid("a table of that name exists".into()));
        }
        let mut index = HashMap::with_capacity(fields.len());
        for (i, f) in fields.iter().enumerate() {
            if f.name.eq_ignore_ascii_case(FID) || f.name.eq_ignore_ascii_case(GEOM) {
                return Err(invalid(format!("field {:?} has the name of a column of its own", f.name)));
            }
            if index.insert(f.name, i).is_some() {
                return Err(invalid(format!("field {:?} is listed twice", f.name)));
            }
        }
        let mut create = format!(
            "CREATE TABLE {} ({} INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, {} {}",
            quote(table),
            quote(FID),
            quote(GEOM),
            geom.ogc_name()
        );
        let mut insert = format!("INSERT INTO {} ({}", quote(table), quote(GEOM));
        for f in fields {
            create.push_str(&format!(", {} {}", quote(f.name), sql_type(f.ty)));
            insert.push_str(&format!(", {}", quote(f.name)));
        }
        create.push(')');
        insert.push_str(") VALUES (?");
        insert.push_str(&", ?".repeat(fields.len()));
        insert.push(')');

        let c = &self.conn;
        let result = (|| -> rusqlite::Result<()> {
            c.execute_batch(&create)?;
            c.execute(
                "INSERT INTO gpkg_contents (table_name, data_type, identifier, description, last_change, srs_id) VALUES (?1, 'features', ?2, '', ?3, 4326)",
                params![table, identifier, FIXED_TIME],
            )?;
            c.execute(
                "INSERT INTO gpkg_geometry_columns (table_name, column_name, geometry_type_name, srs_id, z, m) VALUES (?1, ?2, ?3, 4326, 0, 0)",
                params![table, GEOM, geom.ogc_name()],
            )?;
            if let Some((name, qml)) = style {
                if !self.has_styles {
                    c.execute_batch(LAYER_STYLES_SQL)?;
                    c.execute(
                        "INSERT INTO gpkg_contents (table_name, data_type, identifier, description, last_change) VALUES ('layer_styles', 'attributes', 'layer_styles', '', ?1)",
                        [FIXED_TIME],
                    )?;
                }
                c.execute(
                    r#"INSERT INTO "layer_styles" ("f_table_catalog", "f_table_schema", "f_table_name", "f_geometry_column", "styleName", "styleQML", "styleSLD", "useAsDefault", "description", "owner", "ui", "update_time") VALUES ('', '', ?1, ?2, ?3, ?4, '', 1, ?5, '', NULL, ?6)"#,
                    params![table, GEOM, name, qml, identifier, FIXED_TIME],
                )?;
            }
            Ok(())
        })();
        result.map_err(|e| io::Error::other(format!("{}: table {table:?}: {e}", self.path.display())))?;
        if style.is_some() {
            self.has_styles = true;
        }
        self.tables.push(Table { name: table.to_string(), fields, index, geom, insert_sql: insert });
        Ok(TableId(self.tables.len() - 1))
    }

    /// One feature: its geometry (a Point for [`GeomKind::Point`]; a LineString or
    /// MultiLineString for [`GeomKind::Line`], always stored as MULTILINESTRING) and its
    /// properties as the JSON object text of the GeoJSON file, converted by the declared field
    /// types: Text from strings; Integer and Real from JSON numbers, or from strings holding a
    /// number (`""` → NULL); Date from `YYYY-MM-DD` strings (`""` → NULL); Boolean from
    /// true/false. A JSON null, or a field missing from the object → NULL; an unknown key is
    /// ignored. A value of the wrong type is an `InvalidData` error naming table, field and
    /// value.
    pub fn insert(&mut self, t: TableId, geometry: &geo::Geometry<f64>, props_json: &[u8]) -> io::Result<()> {
        let table = self.tables.get(t.0).ok_or_else(|| io::Error::new(io::ErrorKind::InvalidInput, "no such table"))?;
        encode_geometry(&mut self.wkb, table, geometry)?;

        let mut values: Vec<Option<Json<'_>>> = Vec::with_capacity(table.fields.len());
        values.resize_with(table.fields.len(), || None);
        let mut de = serde_json::Deserializer::from_slice(props_json);
        PropsSeed { fields: table.fields, index: &table.index, values: &mut values }
            .deserialize(&mut de)
            .and_then(|()| de.end())
            .map_err(|e| {
                invalid_data(format!("GeoPackage table {:?}: properties are not a JSON object: {e}", table.name))
            })?;

        let sql_err =
            |e: rusqlite::Error| io::Error::other(format!("{}: table {:?}: {e}", self.path.display(), table.name));
        let mut stmt = self.conn.prepare_cached(&table.insert_sql).map_err(sql_err)?;
        stmt.raw_bind_parameter(1, ToSqlOutput::Borrowed(ValueRef::Blob(&self.wkb))).map_err(sql_err)?;
        for (i, (field, value)) in table.fields.iter().zip(&values).enumerate() {
            let v = convert(field.ty, value.as_ref())
                .map_err(|()| wrong_type(&table.name, field, value.as_ref().unwrap_or(&Json::Null)))?;
            stmt.raw_bind_parameter(i + 2, v).map_err(sql_err)?;
        }
        stmt.raw_execute().map_err(sql_err)?;
        Ok(())
    }

    /// Builds each table's spatial index (an `rtree_<table>_geom` virtual table filled from
    /// the features' envelopes, then the standard's triggers, created after the data so that
    /// the inserts need no `ST_*` functions; registered in `gpkg_extensions`), sets the
    /// extents in `gpkg_contents`, commits, closes and syncs the file.
    pub fn finish(self) -> io::Result<()> {
        let Gpkg { conn, path, tables, .. } = self;
        (|| -> rusqlite::Result<()> {
            for t in &tables {
                build_index(&conn, t)?;
            }
            conn.execute_batch("COMMIT")
        })()
        .map_err(sql_error(&path))?;
        conn.close().map_err(|(_, e)| sql_error(&path)(e))?;
        std::fs::File::open(&path)?.sync_all()
    }
}

/// The SQL type a field is declared with.
fn sql_type(ty: FieldType) -> &'static str {
    match ty {
        FieldType::Text => "TEXT",
        FieldType::Integer => "INTEGER",
        FieldType::Real => "REAL",
        FieldType::Date => "DATE",
        FieldType::Boolean => "BOOLEAN",
    }
}

/// An SQL identifier, double-quoted.
fn quote(name: &str) -> String {
    format!("\"{}\"", name.replace('"', "\"\""))
}

fn invalid_data(message: String) -> io::Error {
    io::Error::new(io::ErrorKind::InvalidData, message)
}

fn sql_error(path: &Path) -> impl Fn(rusqlite::Error) -> io::Error + '_ {
    move |e| io::Error::other(format!("{}: {e}", path.display()))
}

/// Writes the GeoPackage binary of a feature's geometry into `out`: a Point, or a
/// MultiLineString (from a LineString too) with its envelope in the header.
fn encode_geometry(out: &mut Vec<u8>, table: &Table, geometry: &geo::Geometry<f64>) -> io::Result<()> {
    let bad = |why: &str| invalid_data(format!("GeoPackage table {:?}: {why}", table.name));
    let multi;
    let (g, envelope, empty) = match (table.geom, geometry) {
        (GeomKind::Point, geo::Geometry::Point(p)) => {
            if !(p.x().is_finite() && p.y().is_finite()) {
                return Err(bad("a point's coordinates are not finite"));
            }
            (geometry, Vec::new(), false)
        }
        (GeomKind::Line, geo::Geometry::LineString(_) | geo::Geometry::MultiLineString(_)) => {
            let g = match geometry {
                geo::Geometry::LineString(l) => {
                    multi = geo::Geometry::MultiLineString(geo::MultiLineString::new(vec![l.clone()]));
                    &multi
                }
                _ => geometry,
            };
            let geo::Geometry::MultiLineString(m) = g else { unreachable!() };
            if m.iter().flat_map(|l| l.coords()).any(|c| !(c.x.is_finite() && c.y.is_finite())) {
                return Err(bad("a line's coordinates are not finite"));
            }
            match m.bounding_rect() {
                Some(r) => (g, vec![r.min().x, r.max().x, r.min().y, r.max().y], false),
                None => (g, Vec::new(), true),
            }
        }
        (kind, other) => {
            let name = match other {
                geo::Geometry::Point(_) => "a Point",
                geo::Geometry::Line(_) => "a Line",
                geo::Geometry::LineString(_) => "a LineString",
                geo::Geometry::Polygon(_) => "a Polygon",
                geo::Geometry::MultiPoint(_) => "a MultiPoint",
                geo::Geometry::MultiLineString(_) => "a MultiLineString",
                geo::Geometry::MultiPolygon(_) => "a MultiPolygon",
                geo::Geometry::GeometryCollection(_) => "a GeometryCollection",
                geo::Geometry::Rect(_) => "a Rect",
                geo::Geometry::Triangle(_) => "a Triangle",
            };
            return Err(bad(&format!("{name} in a table of {}", kind.ogc_name())));
        }
    };
    out.clear();
    let xy = CoordDimensions::xy();
    let mut writer = WkbWriter::with_extended_opts(
        &mut *out,
        WkbDialect::Geopackage,
        xy,
        xy,
        Some(4326),
        envelope,
        CoordDimensions::default(),
        false,
        empty,
    );
    g.process_geom(&mut writer).map_err(|e| bad(&format!("encoding the geometry: {e}")))
}

/// Fills a table's RTree from its features' envelopes, creates the standard's triggers,
/// registers the extension and sets the table's extent.
fn build_index(conn: &Connection, t: &Table) -> rusqlite::Result<()> {
    let (tq, c, i) = (quote(&t.name), quote(GEOM), quote(FID));
    let rtree = quote(&format!("rtree_{}_{GEOM}", t.name));
    conn.execute_batch(&format!("CREATE VIRTUAL TABLE {rtree} USING rtree(id, minx, maxx, miny, maxy)"))?;
    let mut extent: Option<geo::Rect<f64>> = None;
    {
        let mut select = conn.prepare(&format!("SELECT {i}, {c} FROM {tq} ORDER BY {i}"))?;
        let mut insert = conn.prepare(&format!("INSERT INTO {rtree} VALUES (?1, ?2, ?3, ?4, ?5)"))?;
        let mut rows = select.query([])?;
        while let Some(row) = rows.next()? {
            let fid: i64 = row.get(0)?;
            let blob = match row.get_ref(1)? {
                ValueRef::Blob(b) => b.to_vec(),
                _ => continue,
            };
            let geometry = GpkgWkb(blob)
                .to_geo()
                .map_err(|e| rusqlite::Error::ToSqlConversionFailure(format!("feature {fid}: {e}").into()))?;
            let Some(r) = geometry.bounding_rect() else { continue }; // empty: not indexed
            insert.execute(params![fid, r.min().x, r.max().x, r.min().y, r.max().y])?;
            extent = Some(match extent {
                None => r,
                Some(e) => geo::Rect::new(
                    geo::coord! { x: e.min().x.min(r.min().x), y: e.min().y.min(r.min().y) },
                    geo::coord! { x: e.max().x.max(r.max().x), y: e.max().y.max(r.max().y) },
                ),
            });
        }
    }
    if let Some(e) = extent {
        conn.execute(
            "UPDATE gpkg_contents SET min_x = ?1, min_y = ?2, max_x = ?3, max_y = ?4 WHERE table_name = ?5",
            params![e.min().x, e.min().y, e.max().x, e.max().y, t.name],
        )?;
    }
    conn.execute_batch(&rtree_triggers(&t.name))?;
    conn.execute(
        "INSERT INTO gpkg_extensions (table_name, column_name, extension_name, definition, scope) VALUES (?1, ?2, 'gpkg_rtree_index', ?3, 'write-only')",
        params![t.name, GEOM, RTREE_DEFINITION],
    )?;
    Ok(())
}

/// The triggers of GeoPackage 1.3.1 Annex F.3, with <t>, <c> and <i> replaced by the table,
/// geometry column and primary key (quoted).
fn rtree_triggers(table: &str) -> String {
    const TEMPLATE: &str = r#"
/* Conditions: Insertion of non-empty geometry
   Actions   : Insert record into rtree */
CREATE TRIGGER <n_insert> AFTER INSERT ON <t>
  WHEN (new.<c> NOT NULL AND NOT ST_IsEmpty(NEW.<c>))
BEGIN
  INSERT OR REPLACE INTO <r> VALUES (
    NEW.<i>,
    ST_MinX(NEW.<c>), ST_MaxX(NEW.<c>),
    ST_MinY(NEW.<c>), ST_MaxY(NEW.<c>)
  );
END;

/* Conditions: Update of geometry column to non-empty geometry
               No row ID change
   Actions   : Update record in rtree */
CREATE TRIGGER <n_update1> AFTER UPDATE OF <c> ON <t>
  WHEN OLD.<i> = NEW.<i> AND
       (NEW.<c> NOTNULL AND NOT ST_IsEmpty(NEW.<c>))
BEGIN
  INSERT OR REPLACE INTO <r> VALUES (
    NEW.<i>,
    ST_MinX(NEW.<c>), ST_MaxX(NEW.<c>),
    ST_MinY(NEW.<c>), ST_MaxY(NEW.<c>)
  );
END;

/* Conditions: Update of geometry column to empty geometry
               No row ID change
   Actions   : Remove record from rtree */
CREATE TRIGGER <n_update2> AFTER UPDATE OF <c> ON <t>
  WHEN OLD.<i> = NEW.<i> AND
       (NEW.<c> ISNULL OR ST_IsEmpty(NEW.<c>))
BEGIN
  DELETE FROM <r> WHERE id = OLD.<i>;
END;

/* Conditions: Update of any column
               Row ID change
               Non-empty geometry
   Actions   : Remove record from rtree for old <i>
               Insert record into rtree for new <i> */
CREATE TRIGGER <n_update3> AFTER UPDATE ON <t>
  WHEN OLD.<i> != NEW.<i> AND
       (NEW.<c> NOTNULL AND NOT ST_IsEmpty(NEW.<c>))
BEGIN
  DELETE FROM <r> WHERE id = OLD.<i>;
  INSERT OR REPLACE INTO <r> VALUES (
    NEW.<i>,
    ST_MinX(NEW.<c>), ST_MaxX(NEW.<c>),
    ST_MinY(NEW.<c>), ST_MaxY(NEW.<c>)
  );
END;

/* Conditions: Update of any column
               Row ID change
               Empty geometry
   Actions   : Remove record from rtree for old and new <i> */
CREATE TRIGGER <n_update4> AFTER UPDATE ON <t>
  WHEN OLD.<i> != NEW.<i> AND
       (NEW.<c> ISNULL OR ST_IsEmpty(NEW.<c>))
BEGIN
  DELETE FROM <r> WHERE id IN (OLD.<i>, NEW.<i>);
END;

/* Conditions: Row deleted
   Actions   : Remove record from rtree for old <i> */
CREATE TRIGGER <n_delete> AFTER DELETE ON <t>
  WHEN old.<c> NOT NULL
BEGIN
  DELETE FROM <r> WHERE id = OLD.<i>;
END;
"#;
    let rtree = format!("rtree_{table}_{GEOM}");
    let mut sql = TEMPLATE.to_string();
    for suffix in ["insert", "update1", "update2", "update3", "update4", "delete"] {
        sql = sql.replace(&format!("<n_{suffix}>"), &quote(&format!("{rtree}_{suffix}")));
    }
    // In the comments too, harmlessly: <i> reads as the key's name there.
    sql.replace("<r>", &quote(&rtree))
        .replace("<t>", &quote(table))
        .replace("<c>", &quote(GEOM))
        .replace("<i>", &quote(FID))
}

/// A JSON value of a property, strings borrowed from the input where they have no escapes.
#[derive(Debug)]
enum Json<'a> {
    Null,
    Bool(bool),
    Int(i64),
    UInt(u64),
    Float(f64),
    Str(Cow<'a, str>),
    /// An array or an object.
    Nested(&'static str),
}

impl fmt::Display for Json<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Json::Null => f.write_str("null"),
            Json::Bool(b) => write!(f, "{b}"),
            Json::Int(i) => write!(f, "{i}"),
            Json::UInt(u) => write!(f, "{u}"),
            Json::Float(x) => write!(f, "{x}"),
            Json::Str(s) => write!(f, "{:?}", s.as_ref()),
            Json::Nested(what) => f.write_str(what),
        }
    }
}

impl<'de> de::Deserialize<'de> for Json<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Json<'de>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a JSON value")
            }
            fn visit_unit<E>(self) -> Result<Json<'de>, E> {
                Ok(Json::Null)
            }
            fn visit_none<E>(self) -> Result<Json<'de>, E> {
                Ok(Json::Null)
            }
            fn visit_bool<E>(self, b: bool) -> Result<Json<'de>, E> {
                Ok(Json::Bool(b))
            }
            fn visit_i64<E>(self, i: i64) -> Result<Json<'de>, E> {
                Ok(Json::Int(i))
            }
            fn visit_u64<E>(self, u: u64) -> Result<Json<'de>, E> {
                Ok(match i64::try_from(u) {
                    Ok(i) => Json::Int(i),
                    Err(_) => Json::UInt(u),
                })
            }
            fn visit_f64<E>(self, x: f64) -> Result<Json<'de>, E> {
                Ok(Json::Float(x))
            }
            fn visit_borrowed_str<E>(self, s: &'de str) -> Result<Json<'de>, E> {
                Ok(Json::Str(Cow::Borrowed(s)))
            }
            fn visit_str<E>(self, s: &str) -> Result<Json<'de>, E> {
                Ok(Json::Str(Cow::Owned(s.to_string())))
            }
            fn visit_string<E>(self, s: String) -> Result<Json<'de>, E> {
                Ok(Json::Str(Cow::Owned(s)))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Json<'de>, A::Error> {
                while seq.next_element::<IgnoredAny>()?.is_some() {}
                Ok(Json::Nested("an array"))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Json<'de>, A::Error> {
                while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
                Ok(Json::Nested("an object"))
            }
        }
        d.deserialize_any(V)
    }
}

/// A key of the properties object, borrowed where it has no escapes.
struct Key<'a>(Cow<'a, str>);

impl<'de> de::Deserialize<'de> for Key<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Key<'de>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a key")
            }
            fn visit_borrowed_str<E>(self, s: &'de str) -> Result<Key<'de>, E> {
                Ok(Key(Cow::Borrowed(s)))
            }
            fn visit_str<E>(self, s: &str) -> Result<Key<'de>, E> {
                Ok(Key(Cow::Owned(s.to_string())))
            }
        }
        d.deserialize_str(V)
    }
}

/// Reads a properties object into the slots of a table's fields.
struct PropsSeed<'a, 'de> {
    fields: &'static [Field],
    index: &'a HashMap<&'static str, usize>,
    values: &'a mut [Option<Json<'de>>],
}

impl<'de> DeserializeSeed<'de> for PropsSeed<'_, 'de> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for PropsSeed<'_, 'de> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an object")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        // Keys come in field order (the GeoJSON writer's): the next field is tried first.
        let mut next = 0;
        while let Some(Key(key)) = map.next_key::<Key<'de>>()? {
            let at = match self.fields.get(next) {
                Some(f) if f.name == key => Some(next),
                _ => self.index.get(key.as_ref()).copied(),
            };
            match at {
                Some(i) => {
                    self.values[i] = Some(map.next_value::<Json<'de>>()?);
                    next = i + 1;
                }
                None => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        Ok(())
    }
}

/// A property's value as the SQL value of its field's type; `Err` when it is of another type.
fn convert<'a>(ty: FieldType, v: Option<&'a Json<'a>>) -> Result<ToSqlOutput<'a>, ()> {
    let out = |v: ValueRef<'a>| Ok(ToSqlOutput::Borrowed(v));
    let v = match v {
        None | Some(Json::Null) => return out(ValueRef::Null),
        Some(v) => v,
    };
    match (ty, v) {
        (FieldType::Text, Json::Str(s)) => out(ValueRef::Text(s.as_bytes())),
        (FieldType::Integer, Json::Int(i)) => out(ValueRef::Integer(*i)),
        (FieldType::Integer, Json::Float(x)) if x.fract() == 0.0 && x.abs() < 9.0e15 => {
            out(ValueRef::Integer(*x as i64))
        }
        (FieldType::Integer | FieldType::Real | FieldType::Date, Json::Str(s)) if s.is_empty() => out(ValueRef::Null),
        (FieldType::Integer, Json::Str(s)) => s.parse::<i64>().map(|i| out(ValueRef::Integer(i))).map_err(|_| ())?,
        (FieldType::Real, Json::Int(i)) => out(ValueRef::Real(*i as f64)),
        (FieldType::Real, Json::UInt(u)) => out(ValueRef::Real(*u as f64)),
        (FieldType::Real, Json::Float(x)) => out(ValueRef::Real(*x)),
        (FieldType::Real, Json::Str(s)) => match s.parse::<f64>() {
            Ok(x) if x.is_finite() => out(ValueRef::Real(x)),
            _ => Err(()),
        },
        (FieldType::Date, Json::Str(s)) if is_date(s) => out(ValueRef::Text(s.as_bytes())),
        (FieldType::Boolean, Json::Bool(b)) => out(ValueRef::Integer(*b as i64)),
        _ => Err(()),
    }
}

/// Whether a text is a calendar date `YYYY-MM-DD`.
fn is_date(s: &str) -> bool {
    let b = s.as_bytes();
    let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' || !digits(0..4) || !digits(5..7) || !digits(8..10) {
        return false;
    }
    let n = |r: std::ops::Range<usize>| s[r].parse::<i16>().unwrap_or(0);
    jiff::civil::Date::new(n(0..4), n(5..7) as i8, n(8..10) as i8).is_ok()
}

fn wrong_type(table: &str, field: &Field, value: &Json<'_>) -> io::Error {
    let expected = match field.ty {
        FieldType::Text => "a string",
        FieldType::Integer => "an integer (or a string holding one, or \"\")",
        FieldType::Real => "a number (or a string holding one, or \"\")",
        FieldType::Date => "a date YYYY-MM-DD (or \"\")",
        FieldType::Boolean => "true or false",
    };
    invalid_data(format!("GeoPackage table {table:?}: field {:?} is {value}, not {expected}", field.name))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layers::schema::{CONTROL, EVENT_FULL, PLACES};
    use FieldType::{Boolean, Date, Integer, Real, Text};

    const FIELDS: &[Field] = &[
        Field { name: "kind", ty: Text },
        Field { name: "id", ty: Text },
        Field { name: "start", ty: Date },
        Field { name: "end", ty: Date },
        Field { name: "type", ty: Text },
        Field { name: "share", ty: Real },
        Field { name: "input_line", ty: Integer },
        Field { name: "ongoing", ty: Boolean },
        Field { name: "marker-color", ty: Text },
        Field { name: "distance_km", ty: Real },
    ];

    const QML: &str = "<!DOCTYPE qgis><qgis version=\"3.28\"><renderer-v2 type=\"singleSymbol\"/></qgis>";

    fn point(x: f64, y: f64) -> geo::Geometry<f64> {
        geo::Point::new(x, y).into()
    }

    fn line(coords: &[(f64, f64)]) -> geo::Geometry<f64> {
        geo::LineString::from(coords.to_vec()).into()
    }

    /// Three tables (points, lines, an empty one) with a feature of each kind of value.
    fn write_sample(path: &Path) -> io::Result<()> {
        let mut g = Gpkg::create(path)?;
        let pts =
            g.add_table("AFG-TJK-points", "AFG-TJK points", FIELDS, GeomKind::Point, Some(("AFG-TJK-points", QML)))?;
        let lines = g.add_table("AFG-TJK-lines", "AFG-TJK lines", FIELDS, GeomKind::Line, None)?;
        g.add_table("control-points", "control points", CONTROL, GeomKind::Point, Some(("control", QML)))?;
        g.insert(
            pts,
            &point(69.5, 37.25),
            br##"{"kind":"event","id":"e1","start":"2021-07-09","end":"2021-07-10","type":"capture","share":"0.667","input_line":"12","ongoing":true,"marker-color":"#d7191c","distance_km":1.5,"unknown":[1,{"a":2}]}"##,
        )?;
        g.insert(pts, &point(70.0, 38.0), br#"{"kind":"event","id":"e\"2","start":"","share":"","input_line":7,"ongoing":false,"distance_km":"2.25"}"#)?;
        g.insert(pts, &point(-1.0, 36.5), br#"{"id":"e3","share":1,"distance_km":null,"input_line":3.0}"#)?;
        g.insert(lines, &line(&[(68.0, 37.0), (69.0, 38.5)]), br#"{"id":"l1"}"#)?;
        let multi = geo::MultiLineString::new(vec![
            geo::LineString::from(vec![(60.0, 30.0), (61.0, 31.0)]),
            geo::LineString::from(vec![(75.0, 29.0), (74.0, 35.0)]),
        ]);
        g.insert(lines, &multi.into(), br#"{"id":"l2"}"#)?;
        g.insert(lines, &geo::MultiLineString::<f64>::new(vec![]).into(), br#"{"id":"empty"}"#)?;
        g.finish()
    }

    fn open(path: &Path) -> Connection {
        Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY).unwrap()
    }

    #[test]
    fn tables_read_back_with_their_types_values_and_index() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("layers.gpkg");
        write_sample(&path).unwrap();
        let c = open(&path);
        let pragma = |p: &str| c.query_row(&format!("PRAGMA {p}"), [], |r| r.get::<_, i64>(0)).unwrap();
        assert_eq!(pragma("application_id"), 0x4750_4B47);
        assert_eq!(pragma("user_version"), 10300);
        assert_eq!(c.query_row("PRAGMA journal_mode", [], |r| r.get::<_, String>(0)).unwrap(), "delete");

        let srs: Vec<i64> = c
            .prepare("SELECT srs_id FROM gpkg_spatial_ref_sys ORDER BY srs_id")
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        assert_eq!(srs, [-1, 0, 4326]);

        let types: Vec<(String, String, bool)> = c
            .prepare(r#"PRAGMA table_info("AFG-TJK-points")"#)
            .unwrap()
            .query_map([], |r| Ok((r.get(1)?, r.get(2)?, r.get::<_, i64>(5)? == 1)))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        let expected = [
            ("fid", "INTEGER", true),
            ("geom", "POINT", false),
            ("kind", "TEXT", false),
            ("id", "TEXT", false),
            ("start", "DATE", false),
            ("end", "DATE", false),
            ("type", "TEXT", false),
            ("share", "REAL", false),
            ("input_line", "INTEGER", false),
            ("ongoing", "BOOLEAN", false),
            ("marker-color", "TEXT", false),
            ("distance_km", "REAL", false),
        ];
        let got: Vec<(&str, &str, bool)> = types.iter().map(|(n, t, pk)| (n.as_str(), t.as_str(), *pk)).collect();
        assert_eq!(got, expected);

        type Row = (i64, Option<String>, String, Option<String>, Option<f64>, Option<i64>, Option<i64>, Option<f64>);
        let rows: Vec<Row> = c
            .prepare(r#"SELECT fid, kind, id, start, share, input_line, ongoing, distance_km FROM "AFG-TJK-points" ORDER BY fid"#)
            .unwrap()
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?, r.get(6)?, r.get(7)?)))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        assert_eq!(
            rows,
            [
                (
                    1,
                    Some("event".into()),
                    "e1".into(),
                    Some("2021-07-09".into()),
                    Some(0.667),
                    Some(12),
                    Some(1),
                    Some(1.5)
                ),
                (2, Some("event".into()), "e\"2".into(), None, None, Some(7), Some(0), Some(2.25)),
                (3, None, "e3".into(), None, Some(1.0), Some(3), None, None),
            ]
        );
        // Stored with the SQL types, not as text.
        let typeof_: Vec<String> = c
            .prepare(r#"SELECT typeof(share) || typeof(input_line) || typeof(ongoing) || typeof(start) FROM "AFG-TJK-points" WHERE fid = 1"#)
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        assert_eq!(typeof_, ["realintegerintegertext"]);

        // GeoPackage binary: magic, version 0, flags (little-endian; no envelope for points,
        // [minx maxx miny maxy] for lines), srs_id 4326, then WKB.
        let blob: Vec<u8> =
            c.query_row(r#"SELECT geom FROM "AFG-TJK-points" WHERE fid = 1"#, [], |r| r.get(0)).unwrap();
        assert_eq!(&blob[..8], &[b'G', b'P', 0, 0b0000_0001, 0xE6, 0x10, 0, 0]);
        assert_eq!(GpkgWkb(blob).to_geo().unwrap(), point(69.5, 37.25));
        let blob: Vec<u8> = c.query_row(r#"SELECT geom FROM "AFG-TJK-lines" WHERE fid = 1"#, [], |r| r.get(0)).unwrap();
        assert_eq!(&blob[..4], &[b'G', b'P', 0, 0b0000_0011]);
        let env: Vec<f64> = blob[8..40].chunks(8).map(|b| f64::from_le_bytes(b.try_into().unwrap())).collect();
        assert_eq!(env, [68.0, 69.0, 37.0, 38.5]);
        let multi = geo::MultiLineString::new(vec![geo::LineString::from(vec![(68.0, 37.0), (69.0, 38.5)])]);
        assert_eq!(GpkgWkb(blob).to_geo().unwrap(), geo::Geometry::MultiLineString(multi));
        let blob: Vec<u8> = c.query_row(r#"SELECT geom FROM "AFG-TJK-lines" WHERE fid = 3"#, [], |r| r.get(0)).unwrap();
        assert_eq!(blob[3] & 0b0001_0000, 0b0001_0000, "the empty flag");

        // The index: every non-empty geometry, with its envelope (stored as f32).
        let rtree: Vec<(i64, f64, f64, f64, f64)> = c
            .prepare(r#"SELECT id, minx, maxx, miny, maxy FROM "rtree_AFG-TJK-lines_geom" ORDER BY id"#)
            .unwrap()
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        assert_eq!(rtree, [(1, 68.0, 69.0, 37.0, 38.5), (2, 60.0, 75.0, 29.0, 35.0)]);
        let n: i64 = c.query_row(r#"SELECT count(*) FROM "rtree_AFG-TJK-points_geom""#, [], |r| r.get(0)).unwrap();
        assert_eq!(n, 3);
        let n: i64 = c.query_row(r#"SELECT count(*) FROM "rtree_control-points_geom""#, [], |r| r.get(0)).unwrap();
        assert_eq!(n, 0);
        let triggers: Vec<String> = c
            .prepare(
                "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'AFG-TJK-lines' ORDER BY name",
            )
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        let suffixes = ["delete", "insert", "update1", "update2", "update3", "update4"];
        assert_eq!(triggers, suffixes.map(|s| format!("rtree_AFG-TJK-lines_geom_{s}")));
        let vtab: String = c
            .query_row("SELECT sql FROM sqlite_master WHERE name = 'rtree_AFG-TJK-lines_geom'", [], |r| r.get(0))
            .unwrap();
        assert_eq!(vtab, r#"CREATE VIRTUAL TABLE "rtree_AFG-TJK-lines_geom" USING rtree(id, minx, maxx, miny, maxy)"#);
        let ext: i64 = c
            .query_row(
                "SELECT count(*) FROM gpkg_extensions WHERE extension_name = 'gpkg_rtree_index' AND column_name = 'geom' AND scope = 'write-only'",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(ext, 3);

        // Contents and extents (NULL for the empty table).
        type Contents =
            (String, String, String, String, Option<f64>, Option<f64>, Option<f64>, Option<f64>, Option<i64>);
        let contents: Vec<Contents> = c
            .prepare("SELECT table_name, data_type, identifier, last_change, min_x, min_y, max_x, max_y, srs_id FROM gpkg_contents ORDER BY table_name")
            .unwrap()
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?, r.get(6)?, r.get(7)?, r.get(8)?)))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        let t = FIXED_TIME.to_string();
        assert_eq!(
            contents,
            [
                (
                    "AFG-TJK-lines".into(),
                    "features".into(),
                    "AFG-TJK lines".into(),
                    t.clone(),
                    Some(60.0),
                    Some(29.0),
                    Some(75.0),
                    Some(38.5),
                    Some(4326)
                ),
                (
                    "AFG-TJK-points".into(),
                    "features".into(),
                    "AFG-TJK points".into(),
                    t.clone(),
                    Some(-1.0),
                    Some(36.5),
                    Some(70.0),
                    Some(38.0),
                    Some(4326)
                ),
                (
                    "control-points".into(),
                    "features".into(),
                    "control points".into(),
                    t.clone(),
                    None,
                    None,
                    None,
                    None,
                    Some(4326)
                ),
                (
                    "layer_styles".into(),
                    "attributes".into(),
                    "layer_styles".into(),
                    t.clone(),
                    None,
                    None,
                    None,
                    None,
                    None
                ),
            ]
        );
        let geometry_columns: Vec<(String, String, String, i64)> = c
            .prepare("SELECT table_name, column_name, geometry_type_name, srs_id FROM gpkg_geometry_columns WHERE z = 0 AND m = 0 ORDER BY table_name")
            .unwrap()
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        assert_eq!(
            geometry_columns,
            [
                ("AFG-TJK-lines".into(), "geom".into(), "MULTILINESTRING".into(), 4326),
                ("AFG-TJK-points".into(), "geom".into(), "POINT".into(), 4326),
                ("control-points".into(), "geom".into(), "POINT".into(), 4326),
            ]
        );

        // The default styles, as QGIS looks them up (f_table_schema = '', useAsDefault).
        let styles: Vec<(String, String, String, String, String)> = c
            .prepare(
                "SELECT f_table_name, f_geometry_column, styleName, styleQML, update_time FROM layer_styles WHERE f_table_schema = '' AND f_table_catalog = '' AND useAsDefault ORDER BY id",
            )
            .unwrap()
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        assert_eq!(
            styles,
            [
                ("AFG-TJK-points".into(), "geom".into(), "AFG-TJK-points".into(), QML.into(), t.clone()),
                ("control-points".into(), "geom".into(), "control".into(), QML.into(), t),
            ]
        );
        let check: String = c.query_row("PRAGMA integrity_check", [], |r| r.get(0)).unwrap();
        assert_eq!(check, "ok");
    }

    #[test]
    fn the_same_calls_give_the_same_bytes() {
        let dir = tempfile::tempdir().unwrap();
        let (a, b) = (dir.path().join("a.gpkg"), dir.path().join("b.gpkg"));
        write_sample(&a).unwrap();
        write_sample(&b).unwrap();
        let (a, b) = (std::fs::read(a).unwrap(), std::fs::read(b).unwrap());
        assert!(a.len() > 4096);
        assert!(a == b, "two runs differ");
    }

    #[test]
    fn a_value_of_the_wrong_type_is_an_error_naming_table_field_and_value() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("x.gpkg");
        let mut g = Gpkg::create(&path).unwrap();
        let t = g.add_table("AFG-IRN-points", "AFG-IRN points", FIELDS, GeomKind::Point, None).unwrap();
        let p = point(61.0, 34.0);
        for (props, field, value) in [
            (r#"{"input_line":"12a"}"#, "input_line", r#""12a""#),
            (r#"{"input_line":1.5}"#, "input_line", "1.5"),
            (r#"{"share":"0,667"}"#, "share", r#""0,667""#),
            (r#"{"share":true}"#, "share", "true"),
            (r#"{"start":"2021-7-9"}"#, "start", r#""2021-7-9""#),
            (r#"{"end":"2021-02-30"}"#, "end", r#""2021-02-30""#),
            (r#"{"ongoing":"yes"}"#, "ongoing", r#""yes""#),
            (r#"{"ongoing":1}"#, "ongoing", "1"),
            (r#"{"id":3}"#, "id", "3"),
            (r#"{"type":["a"]}"#, "type", "an array"),
        ] {
            let e = g.insert(t, &p, props.as_bytes()).unwrap_err();
            assert_eq!(e.kind(), io::ErrorKind::InvalidData, "{props}");
            let m = e.to_string();
            assert!(
                m.contains("\"AFG-IRN-points\"") && m.contains(&format!("field {field:?} is {value},")),
                "{props}: {m}"
            );
        }
        for props in ["[1]", "{\"id\":", "", "{} {}"] {
            let e = g.insert(t, &p, props.as_bytes()).unwrap_err();
            assert_eq!(e.kind(), io::ErrorKind::InvalidData, "{props}");
            assert!(e.to_string().contains("\"AFG-IRN-points\""), "{e}");
        }
        for bad in [line(&[(0.0, 0.0), (1.0, 1.0)]), point(f64::NAN, 1.0)] {
            let e = g.insert(t, &bad, b"{}").unwrap_err();
            assert_eq!(e.kind(), io::ErrorKind::InvalidData, "{e}");
        }
        // Nothing of the failed features was written; the file is still good.
        g.insert(t, &p, br#"{"id":"ok"}"#).unwrap();
        g.finish().unwrap();
        let n: i64 = open(&path).query_row(r#"SELECT count(*) FROM "AFG-IRN-points""#, [], |r| r.get(0)).unwrap();
        assert_eq!(n, 1);
    }

    #[test]
    fn tables_and_paths_that_cannot_be_written_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("x.gpkg");
        std::fs::write(&path, b"").unwrap();
        assert_eq!(Gpkg::create(&path).err().unwrap().kind(), io::ErrorKind::AlreadyExists);
        let mut g = Gpkg::create(&dir.path().join("y.gpkg")).unwrap();
        g.add_table("a", "a", FIELDS, GeomKind::Point, None).unwrap();
        const FID_FIELD: &[Field] = &[Field { name: "fid", ty: Text }];
        for (name, fields) in [("A", FIELDS), ("gpkg_x", FIELDS), ("layer_styles", FIELDS), ("b", FID_FIELD)] {
            let e = g.add_table(name, name, fields, GeomKind::Point, None).unwrap_err();
            assert_eq!(e.kind(), io::ErrorKind::InvalidInput, "{name}: {e}");
        }
    }

    /// The schema's own field lists, every kind and geometry, as GDAL reads them: each layer
    /// with its geometry type, feature count and declared field types. Needs `ogrinfo` (Debian
    /// gdal-bin); a failure when CI=true and it is missing. GDAL's GeoPackage validator runs
    /// too when it is installed (python3-gdal).
    #[test]
    fn gdal_reads_every_table_with_its_types() {
        let Ok(version) = std::process::Command::new("ogrinfo").arg("--version").output() else {
            assert!(std::env::var("CI").as_deref() != Ok("true"), "CI must have ogrinfo (apt-get install gdal-bin)");
            eprintln!("ogrinfo not installed: skipping the GDAL check of the GeoPackage (install gdal-bin to run it)");
            return;
        };
        assert!(version.status.success());
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("layers.gpkg");
        let mut g = Gpkg::create(&path).unwrap();
        let events = g
            .add_table("AFG-TJK-points", "AFG-TJK points", EVENT_FULL, GeomKind::Point, Some(("events", QML)))
            .unwrap();
        let lines = g.add_table("AFG-TJK-lines", "AFG-TJK lines", EVENT_FULL, GeomKind::Line, None).unwrap();
        let control = g.add_table("control-points", "control points", CONTROL, GeomKind::Point, None).unwrap();
        g.add_table("places-lines", "places lines", PLACES, GeomKind::Line, None).unwrap();
        let props = r#"{"kind":"event","id":"e1","start":"2021-07-09","end":"2021-07-09","until":"2021-07-10","time_precision":1,"share":"","match_score":1,"distance_km":3.5,"stroke-width":2}"#;
        g.insert(events, &point(69.5, 37.25), props.as_bytes()).unwrap();
        g.insert(events, &point(69.6, 37.3), props.as_bytes()).unwrap();
        g.insert(lines, &line(&[(68.0, 37.0), (69.0, 38.5)]), props.as_bytes()).unwrap();
        g.insert(control, &point(61.0, 34.0), br#"{"id":"c1","ongoing":true,"start":"2021-07-09"}"#).unwrap();
        g.finish().unwrap();

        let out = std::process::Command::new("ogrinfo").args(["-ro", "-so", "-al"]).arg(&path).output().unwrap();
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(!stderr.contains("ERROR") && !stderr.contains("Warning"), "{stderr}");
        // One block per layer, from "Layer name: X" to the next.
        let layer = |name: &str| -> String {
            let start =
                text.find(&format!("Layer name: {name}\n")).unwrap_or_else(|| panic!("no layer {name}:\n{text}"));
            let rest = &text[start + 1..];
            rest[..rest.find("Layer name: ").unwrap_or(rest.len())].to_string()
        };
        for (name, geometry, count, fields) in [
            ("AFG-TJK-points", "Point", 2, EVENT_FULL),
            ("AFG-TJK-lines", "Multi Line String", 1, EVENT_FULL),
            ("control-points", "Point", 1, CONTROL),
            ("places-lines", "Multi Line String", 0, PLACES),
        ] {
            let block = layer(name);
            assert!(block.contains(&format!("Geometry: {geometry}\n")), "{name}:\n{block}");
            assert!(block.contains(&format!("Feature Count: {count}\n")), "{name}:\n{block}");
            assert!(
                block.contains("FID Column = fid\n") && block.contains("Geometry Column = geom\n"),
                "{name}:\n{block}"
            );
            assert!(
                block.contains("ID[\"EPSG\",4326]") || block.contains("AUTHORITY[\"EPSG\",\"4326\"]"),
                "{name}:\n{block}"
            );
            for f in fields {
                let ty = match f.ty {
                    Text => "String",
                    Integer => "Integer64",
                    Real => "Real",
                    Date => "Date",
                    Boolean => "Integer(Boolean)",
                };
                assert!(block.contains(&format!("\n{}: {ty} ", f.name)), "{name}: {} as {ty}:\n{block}", f.name);
            }
        }
        assert!(layer("AFG-TJK-points").contains("Extent: (69.500000, 37.250000) - (69.600000, 37.300000)"), "{text}");

        match validator() {
            None => eprintln!("GDAL's validate_gpkg.py (python3-gdal) not installed: skipping the validation"),
            Some((python, script)) => {
                let out =
                    std::process::Command::new(python).arg(script).args(["-k", "--extra"]).arg(&path).output().unwrap();
                assert!(
                    out.status.success() && out.stdout.is_empty(),
                    "validate_gpkg.py:\n{}{}",
                    String::from_utf8_lossy(&out.stdout),
                    String::from_utf8_lossy(&out.stderr)
                );
            }
        }
    }

    /// GDAL's GeoPackage validator where Debian's python3-gdal installs it, with a Python that
    /// imports GDAL's bindings.
    fn validator() -> Option<(&'static str, &'static str)> {
        let script = [
            "/usr/lib/python3/dist-packages/osgeo_utils/samples/validate_gpkg.py",
            "/usr/share/doc/python3-gdal/examples/validate_gpkg.py",
        ]
        .into_iter()
        .find(|p| Path::new(p).exists())?;
        let python = ["/usr/bin/python3", "python3"].into_iter().find(|py| {
            std::process::Command::new(py).args(["-c", "import osgeo.ogr"]).output().is_ok_and(|o| o.status.success())
        })?;
        Some((python, script))
    }

    /// An ad-hoc measure, not run by default: 1 M event points with every field of
    /// `--properties full`, into the GeoPackage at `$GPKG_BENCH_OUT` (or a temporary one).
    /// `cargo test --release --lib layers::gpkg::tests::million -- --ignored --nocapture`
    #[test]
    #[ignore]
    fn million_points() {
        let dir = tempfile::tempdir().unwrap();
        let path = std::env::var_os("GPKG_BENCH_OUT").map(PathBuf::from).unwrap_or_else(|| dir.path().join("m.gpkg"));
        let n = 1_000_000;
        let props = |i: u64, buf: &mut String| {
            use std::fmt::Write;
            buf.clear();
            let _ = write!(
                buf,
                r##"{{"kind":"event","id":"ev-{i}","title":"Capture of Place {p}","description":"Taliban captured the district centre of Place {p} after clashes with ANDSF; reported by local sources.","start":"2021-07-{d:02}","end":"2021-07-{d:02}","until":"2021-07-{e:02}","precision":"day","time_precision":1,"type":"capture","acled_event_type":"Battles","acled_sub_event_type":"Armed clash","actor":"Taliban","actor2":"ANDSF","claim_status":"claimed","claimed_by":"Taliban","disputed_by":"","share":"{share}","place":"Place {p}","place_id":"place-{p}","place_name":"Place {p}","place_kind":"district","matched":"Place {p}","match_score":0.95,"geo_precision":2,"layer":"AFG-TJK","border":"AFG-TJK","distance_km":{dist:.3},"chainage_km":{ch:.3},"side":"AFG","source":"Reuters","url":"https://example.org/news/{i}","citation":"Reuters, 2021-07-{d:02}","quote":"The district fell overnight.","notes":"","input_file":"events.csv","input_line":{line},"marker-color":"#d7191c","marker-symbol":"triangle","marker-size":"medium","stroke":"#d7191c","stroke-width":2,"stroke-opacity":0.8}}"##,
                p = i % 5000,
                d = 1 + i % 28,
                e = 2 + i % 28,
                share = if i.is_multiple_of(3) { "0.667" } else { "" },
                dist = (i % 600) as f64 / 10.0,
                ch = (i % 13000) as f64 / 10.0,
                line = i + 2,
            );
        };
        let mut buf = String::new();
        let t0 = std::time::Instant::now();
        let mut bytes = 0;
        for i in 0..n {
            props(i, &mut buf);
            bytes += buf.len();
        }
        let generate = t0.elapsed();
        let t0 = std::time::Instant::now();
        let mut g = Gpkg::create(&path).unwrap();
        let t = g
            .add_table("AFG-TJK-points", "AFG-TJK points", EVENT_FULL, GeomKind::Point, Some(("events", QML)))
            .unwrap();
        for i in 0..n {
            props(i, &mut buf);
            let p = point(67.0 + (i % 7919) as f64 * 0.001, 36.0 + (i % 6133) as f64 * 0.0005);
            g.insert(t, &p, buf.as_bytes()).unwrap();
        }
        let inserted = t0.elapsed();
        g.finish().unwrap();
        let total = t0.elapsed();
        let size = std::fs::metadata(&path).unwrap().len();
        let count: i64 =
            open(&path).query_row(r#"SELECT count(*) FROM "rtree_AFG-TJK-points_geom""#, [], |r| r.get(0)).unwrap();
        assert_eq!(count, n as i64);
        eprintln!(
            "{n} points, {:.0} MB of properties (generated in {:.2} s, included below): inserts {:.2} s, finish {:.2} s, total {:.2} s; file {:.1} MB",
            bytes as f64 / 1e6,
            generate.as_secs_f64(),
            inserted.as_secs_f64(),
            (total - inserted).as_secs_f64(),
            total.as_secs_f64(),
            size as f64 / 1e6
        );
    }
}
