//! Helpers shared by the integration tests: the real binary, and temporary gazetteer folders.

#![allow(dead_code)]

use std::path::{Path, PathBuf};

use assert_cmd::Command;

/// The `bordermap` binary built by cargo.
pub fn bordermap() -> Command {
    let mut cmd = Command::cargo_bin("bordermap").expect("binary built");
    cmd.env_remove("BORDERMAP_GAZETTEER");
    // Never read a developer's own places file.
    cmd.env("BORDERMAP_USER_PLACES", "/nonexistent/bordermap-test/places.csv");
    cmd
}

/// The repository's bundled gazetteer folder.
pub fn bundled_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("gazetteer")
}

/// A temporary gazetteer folder: the bundled borders and countries, and the given places.csv.
pub fn gazetteer_with_places(places_csv: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    for f in ["borders.geojson", "countries.geojson"] {
        std::fs::copy(bundled_dir().join(f), dir.path().join(f)).expect("copy");
    }
    std::fs::write(dir.path().join("places.csv"), places_csv).expect("write places");
    dir
}

/// A gazetteer folder of the curated places alone (the bundled borders, countries and
/// places.csv, without the GeoNames layer, geonames.csv), made once per test binary: for tests
/// whose premise is a name or a GeoNames row the curated gazetteer does not have.
pub fn curated_gazetteer() -> &'static Path {
    static DIR: std::sync::OnceLock<tempfile::TempDir> = std::sync::OnceLock::new();
    DIR.get_or_init(|| {
        let dir = tempfile::tempdir().expect("temp dir");
        for f in ["borders.geojson", "countries.geojson", "places.csv"] {
            std::fs::copy(bundled_dir().join(f), dir.path().join(f)).expect("copy");
        }
        dir
    })
    .path()
}

/// The header of places.csv.
pub const HEADER: &str = "id,name,kind,country,lat,lon,geometry,aliases,geonames_id,source,notes\n";

/// Files (path → bytes) and folders (path ending in `/`) under `dir`: a folder's whole state,
/// to compare byte for byte.
pub fn tree(dir: &Path) -> std::collections::BTreeMap<String, Vec<u8>> {
    let mut out = std::collections::BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            let rel = p.strip_prefix(dir).unwrap().display().to_string();
            if p.is_dir() {
                out.insert(format!("{rel}/"), Vec::new());
                stack.push(p);
            } else {
                out.insert(rel, std::fs::read(&p).unwrap());
            }
        }
    }
    out
}

/// A layers folder's timeline (every event once), its features by event id.
pub fn timeline(dir: &Path) -> std::collections::BTreeMap<String, serde_json::Value> {
    let v: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.join("timeline-points.geojson")).unwrap()).unwrap();
    v["features"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| (f["properties"]["id"].as_str().unwrap().to_string(), f.clone()))
        .collect()
}

pub mod chromium;
pub mod python;
pub mod qgis;
