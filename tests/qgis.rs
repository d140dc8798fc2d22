//! The layers in real QGIS (PyQGIS, headless): `tests/qgis/check_layers.py` opens every
//! GeoJSON file with its `.qml`, checks geometry, counts, field names and types against
//! `schema.rs`, the styles, the temporal filter day by day, the project and the GeoPackage,
//! on the example mapped by the real binary; and fails on a broken copy of the hand-made
//! fixture `tests/qgis/fixture/` (`make_fixture.py`).
//!
//! Needs a Python with `qgis.core` (Debian: `python3-qgis qgis-providers`). Without it the
//! tests say so and pass, except under `CI=true`, where its absence is a failure. The Python
//! tried: `$BORDERMAP_QGIS_PYTHON`, then `python3` on PATH, then `/usr/bin/python3` (Debian's
//! QGIS bindings are for the system Python, which a pyenv or venv `python3` does not see).

mod util;

use std::path::Path;
use std::process::Command;

use bordermap::layers::Properties;
use bordermap::layers::project::{ProjectLayer, project_qgs};
use bordermap::layers::qml::layer_qml;
use bordermap::layers::schema::{self, GeomKind, LayerKind};
use serde_json::{Value, json};
use util::bordermap;

const EXAMPLE: &str = "maps/afghan-borders-2021/events.csv";

/// The fields of every kind, as check_layers.py reads them.
fn schema_json(properties: Properties, list: fn(LayerKind, Properties) -> &'static [schema::Field]) -> Value {
    let mut out = serde_json::Map::new();
    for kind in LayerKind::ALL {
        let fields: Vec<Value> =
            list(kind, properties).iter().map(|f| json!([f.name, format!("{:?}", f.ty)])).collect();
        out.insert(kind.as_str().to_string(), Value::Array(fields));
    }
    Value::Object(out)
}

fn kind_from(s: &str) -> LayerKind {
    LayerKind::ALL.into_iter().find(|k| k.as_str() == s).unwrap_or_else(|| panic!("kind {s}"))
}

fn geom_from(s: &str) -> GeomKind {
    GeomKind::ALL.into_iter().find(|g| g.suffix() == s).unwrap_or_else(|| panic!("geometry {s}"))
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        let target = to.join(e.file_name());
        if e.file_type().unwrap().is_dir() {
            copy_dir(&e.path(), &target);
        } else {
            std::fs::copy(e.path(), &target).unwrap();
        }
    }
}

/// The example mapped by the real binary (`--by day`), as GeoJSON (with a style beside each
/// file and the project) and as a GeoPackage.
fn map_example(properties: Properties) -> tempfile::TempDir {
    let flag = match properties {
        Properties::Full => "full",
        Properties::Compact => "compact",
    };
    let dir = tempfile::tempdir().unwrap();
    bordermap()
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(["map", EXAMPLE, "--by", "day", "--properties", flag, "--format", "geojson,gpkg", "--out"])
        .arg(dir.path())
        .assert()
        .success();
    for file in ["borders.geojson", "borders.qml", "bordermap.qgs", "bordermap.gpkg"] {
        assert!(dir.path().join(file).exists(), "the run wrote no {file}");
    }
    dir
}

/// Writes the `.qml` beside each GeoJSON file and `bordermap.qgs` for the hand-made fixture
/// (the real runs write their own, and those are what is checked).
fn add_styles_and_project(dir: &Path, properties: Properties) {
    let mut supplied = 0;
    let index: Value = serde_json::from_slice(&std::fs::read(dir.join("index.json")).unwrap()).unwrap();
    let mut layers = Vec::new();
    let (mut first, mut last) = (None, None);
    for f in index["files"].as_array().unwrap() {
        if f["format"] != "geojson" {
            continue;
        }
        let path = f["path"].as_str().unwrap();
        let (kind, geom) = (kind_from(f["kind"].as_str().unwrap()), geom_from(f["geometry"].as_str().unwrap()));
        let qml = dir.join(path).with_extension("qml");
        if !qml.exists() {
            std::fs::write(&qml, layer_qml(kind, geom, properties)).unwrap();
            supplied += 1;
        }
        if kind.is_temporal() {
            let data: Value = serde_json::from_slice(&std::fs::read(dir.join(path)).unwrap()).unwrap();
            for feature in data["features"].as_array().unwrap() {
                let p = &feature["properties"];
                let start: jiff::civil::Date = p["start"].as_str().unwrap().parse().unwrap();
                let until: jiff::civil::Date = p["until"].as_str().unwrap().parse().unwrap();
                first = Some(first.map_or(start, |d: jiff::civil::Date| d.min(start)));
                last = Some(last.map_or(until, |d: jiff::civil::Date| d.max(until)));
            }
        }
        if f["period"].is_null() {
            layers.push(ProjectLayer {
                name: f["layer"].as_str().unwrap().to_string(),
                source: path.to_string(),
                provider: "ogr",
                kind,
                geom,
                group: f["group"].as_str().unwrap_or("").to_string(),
                visible: kind != LayerKind::Events || f["group"] != "timeline",
            });
        }
    }
    // Drawing order, top first: places, events, control, borders.
    let rank = |k: LayerKind| match k {
        LayerKind::Places => 0,
        LayerKind::Events => 1,
        LayerKind::Control => 2,
        LayerKind::Border => 3,
    };
    layers.sort_by_key(|l| (rank(l.kind), l.group.clone(), l.geom));
    let qgs = dir.join("bordermap.qgs");
    if !qgs.exists() {
        let range = first.zip(last);
        std::fs::write(&qgs, project_qgs("bordermap", &layers, range, properties)).unwrap();
        eprintln!("the run wrote no bordermap.qgs: the test wrote one (qml.rs, project.rs)");
    }
    if supplied > 0 {
        eprintln!("the run wrote no .qml beside {supplied} GeoJSON file(s): the test wrote them (qml.rs)");
    }
}

/// Runs check_layers.py on `dir`; its report goes to the test's output.
fn check(python: &Path, dir: &Path, properties: Properties) -> (bool, String) {
    let schema = dir.join("schema.json");
    std::fs::write(&schema, serde_json::to_vec_pretty(&schema_json(properties, schema::fields)).unwrap()).unwrap();
    // The GeoPackage declares its types: `share` is Real there (schema::typed_fields).
    let gpkg_schema = dir.join("gpkg_schema.json");
    std::fs::write(&gpkg_schema, serde_json::to_vec_pretty(&schema_json(properties, schema::typed_fields)).unwrap())
        .unwrap();
    // Qt wants a private runtime folder; a fresh one keeps QGIS's files out of $HOME too.
    let home = tempfile::tempdir().unwrap();
    let runtime = home.path().join("runtime");
    std::os::unix::fs::DirBuilderExt::mode(&mut std::fs::DirBuilder::new(), 0o700).create(&runtime).unwrap();
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/qgis/check_layers.py");
    let out = Command::new(python)
        .arg(script)
        .arg(dir)
        .arg("--schema")
        .arg(&schema)
        .arg("--gpkg-schema")
        .arg(&gpkg_schema)
        .env("QT_QPA_PLATFORM", "offscreen")
        .env("XDG_RUNTIME_DIR", &runtime)
        .env("HOME", home.path())
        .output()
        .expect("run python");
    let report = String::from_utf8_lossy(&out.stdout).to_string();
    eprintln!("{report}");
    let stderr = String::from_utf8_lossy(&out.stderr);
    if !out.status.success() {
        eprintln!("{stderr}");
    }
    assert!(out.status.code().is_some_and(|c| c <= 1), "check_layers.py crashed: {stderr}");
    (out.status.success(), report)
}

fn check_example(properties: Properties) {
    let Some(python) = util::qgis::python("the QGIS check") else { return };
    let dir = map_example(properties);
    let (ok, report) = check(&python, dir.path(), properties);
    if std::env::var_os("BORDERMAP_QGIS_KEEP").is_some() {
        eprintln!("kept {}", dir.keep().display());
    }
    assert!(ok, "QGIS check failed:\n{report}");
    assert!(report.contains("bordermap.qgs:"), "the project was checked:\n{report}");
}

#[test]
fn qgis_opens_every_layer_styled_with_the_right_features_each_day() {
    check_example(Properties::Full);
}

/// `--properties compact`: events without titles, styles and map tips on the fields they keep.
#[test]
fn qgis_opens_compact_layers_styled() {
    check_example(Properties::Compact);
}

/// The check fails when it should: a wrong count in index.json, a missing style, temporal
/// control on the inclusive `end` (one-day features vanish), a display expression on a
/// missing field.
#[test]
fn qgis_check_fails_on_broken_layers() {
    let Some(python) = util::qgis::python("the QGIS check") else { return };
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/qgis/fixture"), dir.path());
    add_styles_and_project(dir.path(), Properties::Full);
    let index_path = dir.path().join("index.json");
    let mut index: Value = serde_json::from_slice(&std::fs::read(&index_path).unwrap()).unwrap();
    index["files"][0]["features"] = json!(99);
    std::fs::write(&index_path, serde_json::to_vec(&index).unwrap()).unwrap();
    std::fs::remove_file(dir.path().join("AFG-TJK-lines.qml")).unwrap();
    // Temporal control on `end` instead of `until`: a one-day event would vanish on its day.
    let control = dir.path().join("control-points.qml");
    let qml = std::fs::read_to_string(&control).unwrap().replace("endField=\"until\"", "endField=\"end\"");
    std::fs::write(&control, qml).unwrap();
    // A display expression on a field the layer lacks (a full style on compact events, say).
    let points = dir.path().join("timeline-points.qml");
    let qml = std::fs::read_to_string(&points)
        .unwrap()
        .replace("&quot;title&quot;</previewExpression>", "&quot;headline&quot;</previewExpression>");
    std::fs::write(&points, qml).unwrap();
    let (ok, report) = check(&python, dir.path(), Properties::Full);
    assert!(!ok, "the check passed broken layers:\n{report}");
    assert!(report.contains("FAIL AFG-TJK-points.geojson: QGIS counts 4, index.json 99"), "{report}");
    assert!(report.contains("FAIL AFG-TJK-lines.geojson: no .qml beside it"), "{report}");
    assert!(report.contains("FAIL control-points.geojson: temporal fields 'start', 'end'"), "{report}");
    assert!(report.contains("FAIL control-points.geojson: 2021-07-11: QGIS shows []"), "{report}");
    assert!(
        report.contains("FAIL timeline-points.geojson: display expression uses missing fields ['headline']"),
        "{report}"
    );
}
