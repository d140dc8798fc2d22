//! `map --format fgb` on the bundled example, read back by GDAL and by real QGIS: every
//! GeoJSON layer has its FlatGeobuf file with the same features (ids, coordinates to 6
//! decimals, property values), typed columns, CRS EPSG:4326 and a packed R-tree index that
//! answers a bounding-box query; and the same input gives the same bytes.
//!
//! Needs `ogrinfo`/`ogr2ogr` (Debian gdal-bin) and a Python with `qgis.core` (Debian
//! python3-qgis qgis-providers; see tests/qgis.rs). Without them the tests say so and pass,
//! except under `CI=true`, where their absence is a failure.

mod util;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use bordermap::layers::Properties;
use bordermap::layers::schema::{self, FieldType, LayerKind};
use serde_json::Value;
use util::bordermap;

const EXAMPLE: &str = "maps/afghan-borders-2021/events.csv";
/// A rectangle over part of the example (western Afghanistan and the Iran/Turkmenistan
/// borders), for the bounding-box queries.
const RECT: [f64; 4] = [60.0, 29.0, 65.0, 35.0];

/// The example mapped once per test binary, `--by day --format geojson,fgb`.
fn example() -> &'static Path {
    static DIR: std::sync::OnceLock<tempfile::TempDir> = std::sync::OnceLock::new();
    DIR.get_or_init(|| map_example(&["geojson", "fgb"])).path()
}

fn map_example(formats: &[&str]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    bordermap()
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(["map", EXAMPLE, "--by", "day", "--format", &formats.join(","), "--out"])
        .arg(dir.path())
        .assert()
        .success();
    dir
}

/// index.json's file entries.
fn index(dir: &Path) -> Vec<Value> {
    let v: Value = serde_json::from_slice(&std::fs::read(dir.join("index.json")).unwrap()).unwrap();
    v["files"].as_array().unwrap().clone()
}

fn kind_from(s: &str) -> LayerKind {
    LayerKind::ALL.into_iter().find(|k| k.as_str() == s).unwrap_or_else(|| panic!("kind {s}"))
}

/// Whether GDAL is here; a failure under CI=true when it is not.
fn have_gdal() -> bool {
    let ok = Command::new("ogrinfo").arg("--version").output().is_ok_and(|o| o.status.success())
        && Command::new("ogr2ogr").arg("--version").output().is_ok_and(|o| o.status.success());
    if !ok {
        assert!(
            std::env::var("CI").as_deref() != Ok("true"),
            "CI must have ogrinfo and ogr2ogr (apt-get install gdal-bin)"
        );
        eprintln!("GDAL not installed: skipping the GDAL check of the FlatGeobuf files (install gdal-bin to run it)");
    }
    ok
}

/// How GDAL names a field type of the schema in a FlatGeobuf file: FlatGeobuf has no date
/// type (GDAL itself writes a Date field as DateTime), integers are 64-bit as in the
/// GeoPackage.
fn gdal_type(ty: FieldType) -> &'static str {
    match ty {
        FieldType::Text => "String",
        FieldType::Integer => "Integer64",
        FieldType::Real => "Real",
        FieldType::Date => "DateTime",
        FieldType::Boolean => "Integer(Boolean)",
    }
}

/// A layer's features as GeoJSON (the file itself, or GDAL's translation of a .fgb), by id.
fn features_by_id(v: &Value) -> BTreeMap<String, Value> {
    let mut out = BTreeMap::new();
    for f in v["features"].as_array().unwrap() {
        let id = f["properties"]["id"].as_str().unwrap().to_string();
        assert!(out.insert(id.clone(), f.clone()).is_none(), "id {id} twice");
    }
    out
}

fn ogr2ogr_geojson(path: &Path) -> Value {
    let out = Command::new("ogr2ogr").args(["-f", "GeoJSON", "/vsistdout/"]).arg(path).output().unwrap();
    assert!(out.status.success(), "ogr2ogr {}: {}", path.display(), String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).unwrap()
}

/// Coordinates of a geometry, flattened, rounded to 6 decimals (as integers of 1e-6 degree).
fn coords(g: &Value) -> Vec<i64> {
    fn walk(v: &Value, out: &mut Vec<i64>) {
        match v {
            Value::Number(n) => out.push((n.as_f64().unwrap() * 1e6).round() as i64),
            Value::Array(a) => a.iter().for_each(|x| walk(x, out)),
            _ => panic!("coordinate {v}"),
        }
    }
    let mut out = Vec::new();
    walk(&g["coordinates"], &mut out);
    out
}

/// A GeoJSON property as the FlatGeobuf column of its type holds it, as GDAL writes it back
/// to GeoJSON: `""` for a number or a date is no value (null); a date is at midnight.
fn expected(ty: FieldType, v: &Value) -> Value {
    match (ty, v) {
        (FieldType::Integer | FieldType::Real | FieldType::Date, Value::String(s)) if s.is_empty() => Value::Null,
        (FieldType::Date, Value::String(s)) => Value::String(format!("{s}T00:00:00")),
        (FieldType::Integer, Value::String(s)) => s.parse::<i64>().unwrap().into(),
        (FieldType::Real, Value::String(s)) => s.parse::<f64>().unwrap().into(),
        (FieldType::Real, Value::Number(n)) => n.as_f64().unwrap().into(),
        _ => v.clone(),
    }
}

fn same_value(want: &Value, got: &Value) -> bool {
    match (want.as_f64(), got.as_f64()) {
        (Some(a), Some(b)) => a == b,
        _ => want == got,
    }
}

#[test]
fn every_geojson_layer_has_its_fgb_beside_it_in_the_index() {
    let dir = example();
    let files = index(dir);
    let of = |format: &str| -> BTreeMap<String, &Value> {
        files
            .iter()
            .filter(|f| f["format"] == format)
            .map(|f| (f["path"].as_str().unwrap().rsplit_once('.').unwrap().0.to_string(), f))
            .collect()
    };
    let (geojson, fgb) = (of("geojson"), of("fgb"));
    assert!(geojson.len() > 20, "{}", geojson.len());
    assert!(geojson.keys().any(|k| k.starts_with("by-day/")), "by-day layers");
    assert_eq!(geojson.keys().collect::<Vec<_>>(), fgb.keys().collect::<Vec<_>>());
    for (stem, g) in &geojson {
        let f = fgb[stem];
        for key in ["layer", "kind", "geometry", "group", "period", "features"] {
            assert_eq!(g[key], f[key], "{stem}: {key}");
        }
        assert!(dir.join(format!("{stem}.fgb")).is_file(), "{stem}.fgb");
    }
    // No spool or temporary file is left.
    let left: Vec<String> = util::tree(dir).into_keys().filter(|p| p.contains(".bordermap-")).collect();
    assert!(left.is_empty(), "{left:?}");
}

#[test]
fn gdal_reads_each_fgb_with_the_features_and_types_of_its_geojson() {
    if !have_gdal() {
        return;
    }
    let dir = example();
    let mut checked = 0;
    for f in index(dir).iter().filter(|f| f["format"] == "geojson") {
        let rel = f["path"].as_str().unwrap();
        let fgb = dir.join(rel).with_extension("fgb");
        let kind = kind_from(f["kind"].as_str().unwrap());
        let fields = schema::typed_fields(kind, Properties::Full);

        // ogrinfo: the layer, its geometry, count, CRS and declared types.
        let out = Command::new("ogrinfo").args(["-ro", "-al", "-so"]).arg(&fgb).output().unwrap();
        let info = String::from_utf8_lossy(&out.stdout);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success() && !stderr.contains("ERROR") && !stderr.contains("Warning"), "{rel}: {stderr}");
        assert!(info.contains(&format!("Layer name: {}\n", f["layer"].as_str().unwrap())), "{rel}:\n{info}");
        let geometry = if f["geometry"] == "points" { "Point" } else { "Multi Line String" };
        assert!(info.contains(&format!("Geometry: {geometry}\n")), "{rel}:\n{info}");
        assert!(info.contains(&format!("Feature Count: {}\n", f["features"])), "{rel}:\n{info}");
        assert!(info.contains("ID[\"EPSG\",4326]"), "{rel}:\n{info}");
        for field in fields {
            let line = format!("\n{}: {} ", field.name, gdal_type(field.ty));
            assert!(info.contains(&line), "{rel}: {} as {}:\n{info}", field.name, gdal_type(field.ty));
        }

        // ogr2ogr back to GeoJSON: the same features, coordinates and values.
        let original: Value = serde_json::from_slice(&std::fs::read(dir.join(rel)).unwrap()).unwrap();
        let (want, got) = (features_by_id(&original), features_by_id(&ogr2ogr_geojson(&fgb)));
        assert_eq!(want.keys().collect::<Vec<_>>(), got.keys().collect::<Vec<_>>(), "{rel}: ids");
        for (id, w) in &want {
            let g = &got[id];
            assert_eq!(w["geometry"]["type"], g["geometry"]["type"], "{rel} {id}");
            assert_eq!(coords(&w["geometry"]), coords(&g["geometry"]), "{rel} {id}: coordinates");
            for field in fields {
                let (a, b) = (expected(field.ty, &w["properties"][field.name]), &g["properties"][field.name]);
                assert!(same_value(&a, b), "{rel} {id}: {} is {b}, not {a}", field.name);
            }
            checked += 1;
        }
    }
    assert!(checked > 50, "{checked} features checked");
}

#[test]
fn each_fgb_has_a_packed_rtree_that_answers_a_bbox_query() {
    let dir = example();
    let mut queried = 0;
    for f in index(dir).iter().filter(|f| f["format"] == "fgb") {
        let rel = f["path"].as_str().unwrap();
        // The header: an index of 16 children a node, and the layer's title.
        let mut file = std::io::BufReader::new(std::fs::File::open(dir.join(rel)).unwrap());
        let reader = flatgeobuf::FgbReader::open(&mut file).unwrap();
        let header = reader.header();
        assert_eq!(header.index_node_size(), 16, "{rel}");
        assert_eq!(header.features_count(), f["features"].as_u64().unwrap(), "{rel}");
        assert_eq!(header.title(), f["layer"].as_str(), "{rel}");
        assert_eq!(header.crs().map(|c| c.code()), Some(4326), "{rel}");

        // A bbox query through the index returns the points inside the rectangle, no others.
        if f["geometry"] != "points" || f["features"] == 0 {
            continue;
        }
        let geojson: Value =
            serde_json::from_slice(&std::fs::read(dir.join(rel).with_extension("geojson")).unwrap()).unwrap();
        let mut inside: Vec<String> = features_by_id(&geojson)
            .into_iter()
            .filter(|(_, f)| {
                let c = &f["geometry"]["coordinates"];
                let (x, y) = (c[0].as_f64().unwrap(), c[1].as_f64().unwrap());
                (RECT[0]..=RECT[2]).contains(&x) && (RECT[1]..=RECT[3]).contains(&y)
            })
            .map(|(id, _)| id)
            .collect();
        inside.sort();
        let mut found = reader.select_bbox(RECT[0], RECT[1], RECT[2], RECT[3]).unwrap();
        let mut ids = Vec::new();
        while let Some(feature) = flatgeobuf::FallibleStreamingIterator::next(&mut found).unwrap() {
            ids.push(flatgeobuf::FeatureProperties::property::<String>(feature, "id").unwrap());
        }
        ids.sort();
        assert_eq!(ids, inside, "{rel}");
        if !inside.is_empty() && inside.len() < f["features"].as_u64().unwrap() as usize {
            queried += 1;
        }

        // GDAL's spatial filter the same.
        if have_gdal() {
            let spat: Vec<String> = RECT.iter().map(|v| v.to_string()).collect();
            let out = Command::new("ogr2ogr")
                .args(["-f", "GeoJSON", "/vsistdout/", "-spat"])
                .args(&spat)
                .arg(dir.join(rel))
                .output()
                .unwrap();
            assert!(out.status.success(), "{rel}: {}", String::from_utf8_lossy(&out.stderr));
            let v: Value = serde_json::from_slice(&out.stdout).unwrap();
            assert_eq!(features_by_id(&v).into_keys().collect::<Vec<_>>(), inside, "{rel}: ogr2ogr -spat");
        }
    }
    assert!(queried >= 2, "the rectangle splits at least two point layers ({queried})");
}

#[test]
fn the_same_input_gives_the_same_fgb_bytes() {
    let again = map_example(&["fgb"]);
    let fgb = |dir: &Path| -> BTreeMap<String, Vec<u8>> {
        util::tree(dir).into_iter().filter(|(p, _)| p.ends_with(".fgb")).collect()
    };
    let (a, b) = (fgb(example()), fgb(again.path()));
    assert!(a.len() > 20);
    assert_eq!(a.keys().collect::<Vec<_>>(), b.keys().collect::<Vec<_>>());
    for (path, bytes) in &a {
        assert!(bytes == &b[path], "{path} differs between two runs");
    }
    // `--format fgb` alone lists its files in index.json too.
    assert!(index(again.path()).iter().all(|f| f["format"] != "geojson"));
    assert_eq!(index(again.path()).iter().filter(|f| f["format"] == "fgb").count(), a.len());
}

/// QGIS's own type names for the schema's types in a FlatGeobuf file (through GDAL).
fn qgis_type(ty: FieldType) -> &'static str {
    match ty {
        FieldType::Text => "String",
        FieldType::Integer => "Integer64",
        FieldType::Real => "Real",
        FieldType::Date => "DateTime",
        FieldType::Boolean => "Boolean",
    }
}

#[test]
fn qgis_opens_each_fgb_with_its_count_crs_types_and_index() {
    let Some(python) = util::qgis::python("the QGIS check of the FlatGeobuf files") else { return };
    let dir = example();
    let files: Vec<Value> = index(dir).into_iter().filter(|f| f["format"] == "fgb").collect();
    let mut paths: Vec<PathBuf> = files.iter().map(|f| dir.join(f["path"].as_str().unwrap())).collect();
    // A copy without its index, where GDAL can make one: QGIS must tell the two apart.
    let scratch = tempfile::tempdir().unwrap();
    let no_index = scratch.path().join("no-index.fgb");
    let copied = Command::new("ogr2ogr")
        .args(["-f", "FlatGeobuf", "-lco", "SPATIAL_INDEX=NO"])
        .arg(&no_index)
        .arg(dir.join("timeline-points.fgb"))
        .output()
        .is_ok_and(|o| o.status.success());
    if copied {
        paths.push(no_index.clone());
    }

    let home = tempfile::tempdir().unwrap();
    let runtime = home.path().join("runtime");
    std::os::unix::fs::DirBuilderExt::mode(&mut std::fs::DirBuilder::new(), 0o700).create(&runtime).unwrap();
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/qgis/check_fgb.py");
    let rect: Vec<String> = RECT.iter().map(|v| v.to_string()).collect();
    let out = Command::new(python)
        .arg(script)
        .arg("--rect")
        .arg(rect.join(","))
        .args(&paths)
        .env("QT_QPA_PLATFORM", "offscreen")
        .env("XDG_RUNTIME_DIR", &runtime)
        .env("HOME", home.path())
        .output()
        .expect("run python");
    assert!(out.status.success(), "check_fgb.py: {}", String::from_utf8_lossy(&out.stderr));
    let report: Value = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("check_fgb.py printed no JSON ({e}): {}", String::from_utf8_lossy(&out.stdout)));

    for f in &files {
        let rel = f["path"].as_str().unwrap();
        let r = &report[dir.join(rel).display().to_string()];
        assert_eq!(r["valid"], true, "{rel}: {r}");
        assert_eq!(r["count"], f["features"], "{rel}");
        assert_eq!(r["iterated"], f["features"], "{rel}");
        assert_eq!(r["crs"], "EPSG:4326", "{rel}");
        assert_eq!(r["name"], f["layer"], "{rel}");
        assert_eq!(r["spatial_index"], true, "{rel}: QGIS sees no spatial index");
        let geometry = if f["geometry"] == "points" { "Point" } else { "MultiLineString" };
        assert_eq!(r["geometry"], geometry, "{rel}");
        let want: Vec<Value> = schema::typed_fields(kind_from(f["kind"].as_str().unwrap()), Properties::Full)
            .iter()
            .map(|fd| serde_json::json!([fd.name, qgis_type(fd.ty)]))
            .collect();
        assert_eq!(r["fields"].as_array().unwrap(), &want, "{rel}: fields");
        // The same ids as the GeoJSON layer, and the rectangle's.
        let geojson: Value =
            serde_json::from_slice(&std::fs::read(dir.join(rel).with_extension("geojson")).unwrap()).unwrap();
        let ids: Vec<String> = features_by_id(&geojson).into_keys().collect();
        let got: Vec<String> = serde_json::from_value(r["ids"].clone()).unwrap();
        assert_eq!(got, ids, "{rel}: ids");
        assert!(r["ids_in_rect"].as_array().unwrap().len() <= ids.len(), "{rel}");
    }
    let timeline = &report[dir.join("timeline-points.fgb").display().to_string()];
    let in_rect = timeline["ids_in_rect"].as_array().unwrap().len();
    assert!(in_rect > 0 && in_rect < timeline["count"].as_u64().unwrap() as usize, "{timeline}");
    if copied {
        let r = &report[no_index.display().to_string()];
        assert_eq!(r["valid"], true);
        assert_eq!(r["spatial_index"], false, "the copy without an index is told apart: {r}");
        assert_eq!(r["ids_in_rect"], timeline["ids_in_rect"]);
    }
}

#[test]
fn with_fgb_alone_the_project_opens_the_fgb_layers_styled_and_time_aware() {
    let Some(python) = util::qgis::python("the QGIS check of the FlatGeobuf files") else { return };
    let dir = map_example(&["fgb"]);
    let home = tempfile::tempdir().unwrap();
    let runtime = home.path().join("runtime");
    std::os::unix::fs::DirBuilderExt::mode(&mut std::fs::DirBuilder::new(), 0o700).create(&runtime).unwrap();
    let out = Command::new(python)
        .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/qgis/check_fgb.py"))
        .arg("--project")
        .arg(dir.path().join("bordermap.qgs"))
        .env("QT_QPA_PLATFORM", "offscreen")
        .env("XDG_RUNTIME_DIR", &runtime)
        .env("HOME", home.path())
        .output()
        .expect("run python");
    assert!(out.status.success(), "check_fgb.py: {}", String::from_utf8_lossy(&out.stderr));
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    let project = report["project"].as_object().unwrap();
    // The project's layers: the whole-run ones (not per period).
    let files = index(dir.path());
    let top: Vec<&Value> = files.iter().filter(|f| f["period"].is_null() && f["format"] == "fgb").collect();
    let mut want: Vec<&str> = top.iter().map(|f| f["layer"].as_str().unwrap()).collect();
    want.sort();
    let mut names: Vec<&str> = project.keys().map(String::as_str).collect();
    names.sort();
    assert_eq!(names, want, "the project's layers");
    for f in top {
        let name = f["layer"].as_str().unwrap();
        let l = &project[name];
        assert_eq!(l["valid"], true, "{name}: {l}");
        assert!(l["source"].as_str().unwrap().contains(&format!("{name}.fgb")), "{name}: {l}");
        assert_eq!(l["count"], f["features"], "{name}");
        let styled =
            if matches!(f["kind"].as_str(), Some("events" | "control")) { "RuleRenderer" } else { "singleSymbol" };
        assert_eq!(l["renderer"], styled, "{name}");
        assert_eq!(l["temporal"], f["kind"] != "border", "{name}: temporal control");
    }
}
