//! The GeoParquet dataset (`map --format geoparquet`) read by DuckDB: the real binary maps the
//! bundled example (`--by day --format geojson,geoparquet`), and `tests/duckdb/check_parquet.py`
//! reads `events.parquet/**/*.parquet` with DuckDB's `read_parquet(..., hive_partitioning =
//! true)`, the `geo` metadata with DuckDB's `parquet_kv_metadata` and pyarrow, and the WKB with
//! shapely.
//!
//! Checked:
//! - the rows per (border, day) and their `sum(distance_km)`, as DuckDB groups them by the
//!   partition folders, against the features of the GeoJSON layers `AFG-*-points/lines` and
//!   `interior-*`, counted by their `start`: the same events, in the same partitions, with the
//!   same distances;
//! - the column types DuckDB reads: `start`/`end`/`until` DATE, numbers DOUBLE/BIGINT, `share`
//!   DOUBLE, text VARCHAR, `geometry` recognised as a geometry (DuckDB reads GeoParquet's WKB
//!   column as GEOMETRY even without its spatial extension), the partition columns `border`
//!   (text) and `date` (DATE) from the paths;
//! - each file's `geo` metadata: the keys GeoParquet 1.1 requires (`version` 1.1.0,
//!   `primary_column`, `columns.geometry.encoding` WKB, `geometry_types`) and the optional ones
//!   written (`bbox`, `covering`), no `crs` (so OGC:CRS84); pyarrow (hence GeoPandas) reads the
//!   same `geo` as DuckDB;
//! - each file's geometry, decoded by shapely: valid, not empty, of the types the metadata
//!   says, within lon/lat, the file's `bbox` the union of the rows', each row's `bbox` covering
//!   column equal to its geometry's bounds;
//! - `index.json` lists every part file with format `geoparquet` and its row count;
//! - a second run writes the same bytes.
//!
//! Not checked: DuckDB's spatial extension (`ST_*`) — it is downloaded from the extension
//! repository, which the test machines cannot reach (the script tries `INSTALL spatial` and
//! reports the error; the test prints it); validation against the GeoParquet JSON schema file
//! (not available offline: the required keys are checked instead); Spark/Sedona reading it.
//!
//! Needs a Python with `duckdb`, `pyarrow` and `shapely`: `$BORDERMAP_DUCKDB_PYTHON`, else
//! `.venv-duckdb/bin/python` in the repository (`python3 -m venv .venv-duckdb &&
//! .venv-duckdb/bin/pip install duckdb pyarrow shapely`). Without one the test says so and
//! passes, except under `CI=true` (`.ci/run` makes the venv), where it fails.

mod util;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;
use util::bordermap;

const EXAMPLE: &str = "maps/afghan-borders-2021/events.csv";

/// A Python that imports duckdb, pyarrow and shapely, or `None` (after saying so; a failure
/// under CI=true).
fn duckdb_python() -> Option<PathBuf> {
    let mut candidates: Vec<PathBuf> = Vec::new();
    if let Some(p) = std::env::var_os("BORDERMAP_DUCKDB_PYTHON") {
        candidates.push(p.into());
    }
    candidates.push(Path::new(env!("CARGO_MANIFEST_DIR")).join(".venv-duckdb/bin/python"));
    util::python::importing(
        candidates,
        "duckdb, pyarrow, shapely",
        "a Python with duckdb, pyarrow and shapely (BORDERMAP_DUCKDB_PYTHON; .ci/run makes one)",
        "no Python with duckdb, pyarrow and shapely (BORDERMAP_DUCKDB_PYTHON or .venv-duckdb/bin/python): skipping the DuckDB check",
    )
}

fn map_example(out: &Path) {
    bordermap()
        .args(["map", EXAMPLE, "--by", "day", "--format", "geojson,geoparquet", "--out"])
        .arg(out)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .assert()
        .success();
}

/// (border or `interior`, start day) → (features, sum of distance_km), from the GeoJSON layers.
fn from_geojson(dir: &Path) -> BTreeMap<(String, String), (u64, f64)> {
    let mut out: BTreeMap<(String, String), (u64, f64)> = BTreeMap::new();
    for e in std::fs::read_dir(dir).unwrap() {
        let name = e.unwrap().file_name().to_string_lossy().into_owned();
        let Some(stem) = name.strip_suffix(".geojson") else { continue };
        let Some(group) = stem.strip_suffix("-points").or_else(|| stem.strip_suffix("-lines")) else { continue };
        if !(group.starts_with("AFG-") || group == "interior") {
            continue;
        }
        let v: Value = serde_json::from_slice(&std::fs::read(dir.join(&name)).unwrap()).unwrap();
        for f in v["features"].as_array().unwrap() {
            let p = &f["properties"];
            let day = p["start"].as_str().unwrap().to_string();
            let e = out.entry((group.to_string(), day)).or_default();
            e.0 += 1;
            e.1 += p["distance_km"].as_f64().unwrap();
        }
    }
    out
}

/// Every file under `dir`, by relative path.
fn files(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    util::tree(dir).into_iter().filter(|(k, _)| !k.ends_with('/')).collect()
}

#[test]
fn duckdb_reads_the_examples_dataset_as_the_geojson_layers_say() {
    let Some(python) = duckdb_python() else { return };
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("L");
    map_example(&out);
    let dataset = out.join("events.parquet");
    let run = Command::new(&python)
        .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/duckdb/check_parquet.py"))
        .arg(&dataset)
        .output()
        .unwrap();
    assert!(run.status.success(), "check_parquet.py failed:\n{}", String::from_utf8_lossy(&run.stderr));
    let got: Value = serde_json::from_slice(&run.stdout).unwrap();
    eprintln!("DuckDB spatial extension: {}", got["spatial"]);

    // Rows and distances per border and day.
    let want = from_geojson(&out);
    assert!(want.len() > 10 && want.keys().any(|k| k.0 == "interior"), "{want:?}");
    let mut duck = BTreeMap::new();
    for g in got["groups"].as_array().unwrap() {
        let key = (g[0].as_str().unwrap().to_string(), g[1].as_str().unwrap().to_string());
        duck.insert(key, (g[2].as_u64().unwrap(), g[3].as_f64().unwrap()));
    }
    assert_eq!(duck.keys().collect::<Vec<_>>(), want.keys().collect::<Vec<_>>());
    for (k, (n, km)) in &want {
        let (dn, dkm) = duck[k];
        assert_eq!(dn, *n, "{k:?}");
        assert!((dkm - km).abs() < 1e-6, "{k:?}: DuckDB {dkm} km, GeoJSON {km} km");
    }

    // Column types.
    let types = &got["types"];
    let expect = [
        ("start", "DATE"),
        ("end", "DATE"),
        ("until", "DATE"),
        ("date", "DATE"),
        ("border", "VARCHAR"),
        ("nearest_border", "VARCHAR"),
        ("id", "VARCHAR"),
        ("distance_km", "DOUBLE"),
        ("chainage_km", "DOUBLE"),
        ("share", "DOUBLE"),
        ("fatalities", "BIGINT"),
        ("input_line", "BIGINT"),
    ];
    for (col, ty) in expect {
        assert_eq!(types[col], ty, "{col}: {types}");
    }
    assert!(types["geometry"].as_str().unwrap().starts_with("GEOMETRY"), "{types}");
    assert!(types["bbox"].as_str().unwrap().starts_with("STRUCT(xmin DOUBLE"), "{types}");

    // Each file: its geo metadata and geometry.
    let index: Value = serde_json::from_slice(&std::fs::read(out.join("index.json")).unwrap()).unwrap();
    let listed: BTreeMap<String, u64> = index["files"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["format"] == "geoparquet")
        .map(|f| (f["path"].as_str().unwrap().to_string(), f["features"].as_u64().unwrap()))
        .collect();
    let mut read = BTreeMap::new();
    for f in got["files"].as_array().unwrap() {
        let path = f["path"].as_str().unwrap();
        assert_eq!(f["problems"], serde_json::json!([]), "{path}");
        let geo = &f["geo"];
        assert_eq!(geo["version"], "1.1.0", "{path}");
        assert_eq!(geo["primary_column"], "geometry", "{path}");
        let col = &geo["columns"]["geometry"];
        assert_eq!(col["encoding"], "WKB", "{path}");
        let types = col["geometry_types"].as_array().unwrap();
        assert!(!types.is_empty() && types.iter().all(|t| t == "Point" || t == "MultiLineString"), "{path}: {col}");
        assert_eq!(col["bbox"].as_array().map(Vec::len), Some(4), "{path}");
        assert!(col.get("crs").is_none(), "{path}: no crs is OGC:CRS84");
        assert_eq!(col["covering"]["bbox"]["ymax"], serde_json::json!(["bbox", "ymax"]), "{path}");
        read.insert(format!("events.parquet/{path}"), f["rows"].as_u64().unwrap());
    }
    assert_eq!(read, listed, "index.json lists each part file with its rows");
    assert!(read.keys().all(|p| p.ends_with("/part-0.parquet")), "one file per partition");

    // The same input, the same bytes.
    let again = tmp.path().join("L2");
    map_example(&again);
    assert!(files(&dataset) == files(&again.join("events.parquet")), "a second run wrote other bytes");
}
