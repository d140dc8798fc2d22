//! `bordermap gazetteer import geonames` on real-format rows.

mod util;

use std::path::{Path, PathBuf};

use predicates::prelude::*;
use serde_json::Value;
use util::bordermap;

fn data(f: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/geonames").join(f)
}

/// The binary over the curated places alone: the sample rows are GeoNames' and the bundled
/// GeoNames layer has them already.
fn bm(user: &Path) -> assert_cmd::Command {
    let mut c = bordermap();
    c.env("BORDERMAP_USER_PLACES", user).env("BORDERMAP_GAZETTEER", util::curated_gazetteer());
    c
}

fn best(user: &Path, name: &str) -> Value {
    let out = bm(user).args(["resolve", name, "--format", "json"]).output().unwrap();
    serde_json::from_slice::<Value>(&out.stdout).unwrap()[0]["best"].clone()
}

#[test]
fn imports_places_with_filtered_alternate_names() {
    let tmp = tempfile::tempdir().unwrap();
    let user = tmp.path().join("places.csv");
    bm(&user)
        .args(["gazetteer", "import", "geonames"])
        .arg(data("sample.cities500.txt"))
        .arg("--alternate-names")
        .arg(data("alternateNamesV2.sample.txt"))
        .args(["--countries", "TJ,TM"])
        .assert()
        .code(0)
        .stderr(predicate::str::contains("read 32 rows").and(predicate::str::contains("other country")));
    // New places resolve, with the usable alternate names.
    for (name, id) in [
        ("Tartiki", "tjk-tartiki-gn1220380"),
        ("Тартики", "tjk-tartiki-gn1220380"),
        ("Tartki", "tjk-tartiki-gn1220380"),
    ] {
        assert_eq!(best(&user, name)["id"], id, "{name}");
    }
    assert_eq!(best(&user, "Yoloten")["id"], "tkm-yoloten-gn1218021");
    let text = std::fs::read_to_string(&user).unwrap();
    let tartiki = text.lines().find(|l| l.starts_with("tjk-tartiki-gn1220380,")).unwrap();
    for not_alias in ["735140", "TRK", "http", "Qishlaq"] {
        assert!(!tartiki.contains(not_alias), "{not_alias} kept: {tartiki}");
    }
    // Arabic-script names are kept, and resolve in every letter form.
    assert!(tartiki.contains("تارتیکی"), "the Persian-script name is an alias: {tartiki}");
    for name in ["تارتیکی", "تارتيكي", "تارتِیکی"] {
        assert_eq!(best(&user, name)["id"], "tjk-tartiki-gn1220380", "{name}");
    }
    assert!(!text.contains("Murghab Station"), "colloquial names are not aliases");
    assert!(tartiki.contains("GeoNames P.PPL") && tartiki.contains("CC BY 4.0"), "{tartiki}");
    // Places the bundled gazetteer has (same GeoNames id) are merged, not duplicated.
    // Panj's one name the bundled row lacked, Tajik Панҷ, now folds as Panj does (ҷ is j):
    // nothing to merge, and no second Panj.
    assert_eq!(text.matches("1220750").count(), 0, "Panj is already present:\n{text}");
    assert!(text.contains("tjk-kolkhozobod,Kolkhozobod,"), "merged into its bundled id:\n{text}");
    bm(&user).args(["gazetteer", "check"]).assert().code(0);
}

#[test]
fn reimporting_changes_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let user = tmp.path().join("places.csv");
    let run = || {
        bm(&user).args(["gazetteer", "import", "geonames"]).arg(data("sample.cities500.txt")).assert().code(0);
        std::fs::read(&user).unwrap()
    };
    let first = run();
    let again = bm(&user).args(["gazetteer", "import", "geonames"]).arg(data("sample.cities500.txt")).output().unwrap();
    let stderr = String::from_utf8_lossy(&again.stderr);
    assert!(stderr.contains(" 0 added, 0 merged"), "{stderr}");
    assert_eq!(run(), first, "a second import leaves the file byte-identical");
}

#[test]
fn within_km_keeps_border_places_only() {
    let tmp = tempfile::tempdir().unwrap();
    let user = tmp.path().join("places.csv");
    bm(&user)
        .args(["gazetteer", "import", "geonames", "--within-km", "30"])
        .arg(data("sample.cities500.txt"))
        .assert()
        .code(0)
        .stderr(predicate::str::contains("farther than --within-km from a border"));
    let text = std::fs::read_to_string(&user).unwrap_or_default();
    assert!(!text.contains("Nukus"), "Nukus is 500 km from Afghanistan");
    assert!(text.contains("Zaybāk") || text.contains("Zaybak"), "Zebak is 25 km from the Tajik border:\n{text}");
}

#[test]
fn malformed_rows_are_reported_and_the_rest_imported() {
    let tmp = tempfile::tempdir().unwrap();
    let dump = tmp.path().join("AF.txt");
    let good = std::fs::read_to_string(data("sample.cities500.txt")).unwrap();
    let zaybak = good.lines().find(|l| l.starts_with("1120616\t")).unwrap();
    let bad_lat = zaybak.replacen("36.52947", "north", 1).replacen("1120616", "1120617", 1);
    std::fs::write(&dump, format!("1\tToo\tFew\tcolumns\n{bad_lat}\n{zaybak}\n")).unwrap();
    let user = tmp.path().join("places.csv");
    bm(&user).args(["gazetteer", "import", "geonames"]).arg(&dump).assert().code(1).stderr(
        predicate::str::contains("AF.txt:1: error: field 'row': 4 columns")
            .and(predicate::str::contains("AF.txt:2: error: field 'latitude/longitude'"))
            .and(predicate::str::contains("1 added")),
    );
    assert!(std::fs::read_to_string(&user).unwrap().contains("gn1120616"));
}

#[test]
fn dry_run_writes_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let user = tmp.path().join("places.csv");
    bm(&user)
        .args(["gazetteer", "import", "geonames", "--dry-run"])
        .arg(data("sample.cities500.txt"))
        .assert()
        .code(0)
        .stderr(predicate::str::contains("would import from 32 rows"));
    assert!(!user.exists());
}
