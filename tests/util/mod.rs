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

/// The header of places.csv.
pub const HEADER: &str = "id,name,kind,country,lat,lon,geometry,aliases,geonames_id,source,notes\n";
