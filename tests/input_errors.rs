//! Bad input given to the real binary: each test is named after the defect it pins. Every
//! one must exit 2 (or 1 for an import with malformed rows) with a message naming the file,
//! line and field, and never panic.

mod util;

use std::path::{Path, PathBuf};

use predicates::prelude::*;
use util::bordermap;

/// Writes `content` to `name` in a fresh folder; returns the folder and the file.
fn input(name: &str, content: &[u8]) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    std::fs::write(&path, content).unwrap();
    (dir, path)
}

/// Runs `bordermap map FILE --out DIR/out ARGS…` in the file's folder (so messages name it
/// as given); returns (exit code, stderr).
fn map(dir: &Path, file: &str, args: &[&str]) -> (i32, String) {
    let out = bordermap().current_dir(dir).args(["map", file, "--out", "out"]).args(args).output().unwrap();
    (out.status.code().unwrap_or(-1), String::from_utf8_lossy(&out.stderr).into_owned())
}

/// Files in the output folder (none when it was not made).
fn written(dir: &Path) -> usize {
    std::fs::read_dir(dir.join("out")).map_or(0, |d| d.count())
}

const HEADER: &str = "id,date,place,lat,lon,type,actor,claim_status,source\n";

#[test]
fn acled_export_without_from_acled_suggests_it() {
    let (dir, _) = input(
        "acled.csv",
        b"event_id_cnty,event_date,year,time_precision,event_type,sub_event_type,actor1,actor2,location,latitude,longitude,geo_precision,source,notes\n\
          AFG123,2021-07-09,2021,1,Battles,Armed clash,Taliban,Military Forces,Islam Qala,34.66,61.07,1,Xinhua,x\n",
    );
    let (code, err) = map(dir.path(), "acled.csv", &[]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("acled.csv:1:") && err.contains("ACLED export"), "{err}");
    assert!(err.contains("--from acled") && !err.contains("required columns missing"), "{err}");
    assert_eq!(written(dir.path()), 0, "nothing written");
    // With the flag, the same file maps.
    let (code, err) = map(dir.path(), "acled.csv", &["--from", "acled"]);
    assert_eq!(code, 0, "{err}");
}

#[test]
fn misspelt_columns_get_did_you_mean() {
    let (dir, _) = input("e.csv", b"ID,Date,place,typ,claim_status,soruce\ne1,2021-07-09,Herat,capture,claimed,x\n");
    let (code, err) = map(dir.path(), "e.csv", &[]);
    assert_eq!(code, 2, "{err}");
    for want in [
        "e.csv:1: error: field 'id': required column is missing; did you mean the column \"ID\"?",
        "e.csv:1: error: field 'date': required column is missing; did you mean the column \"Date\"?",
        "e.csv:1: error: field 'type': required column is missing; did you mean the column \"typ\"?",
    ] {
        assert!(err.contains(want), "{want}\n---\n{err}");
    }
}

#[test]
fn semicolon_tab_and_gdelt_files_are_not_reported_as_missing_id() {
    for (name, text, want) in [
        ("semi.csv", "id;date;place;type;claim_status\ne1;2021-07-09;Herat;capture;claimed\n", "semicolon-separated"),
        ("tab.csv", "id\tdate\tplace\ttype\tclaim_status\ne1\t2021-07-09\tHerat\tcapture\tclaimed\n", "tab-separated"),
        ("gdelt.csv", "410412347\t20150218\t201502\t2015\t2015.1315\tAFG\tKabul, Kabol, Afghanistan\n", "GDELT"),
    ] {
        let (dir, _) = input(name, text.as_bytes());
        let (code, err) = map(dir.path(), name, &[]);
        assert_eq!(code, 2, "{name}: {err}");
        assert!(err.contains(want) && !err.contains("field 'id'"), "{name}: {err}");
    }
}

#[test]
fn empty_bom_only_and_blank_files_say_so() {
    for (text, want) in [
        (&b""[..], "the file is empty (0 bytes)"),
        (b"\xEF\xBB\xBF", "only a byte-order mark"),
        (b"  \n\n", "only whitespace"),
    ] {
        let (dir, _) = input("e.csv", text);
        let (code, err) = map(dir.path(), "e.csv", &[]);
        assert_eq!(code, 2, "{err}");
        assert!(err.contains(want) && !err.contains("field 'id'"), "{err}");
    }
}

#[test]
fn million_unknown_columns_print_one_warning_line() {
    let mut text = String::from("id,date,place,type,claim_status");
    for i in 0..1_000_000 {
        text.push_str(&format!(",x{i}"));
    }
    text.push('\n');
    let (dir, _) = input("wide.csv", text.as_bytes());
    let started = std::time::Instant::now();
    let (_, err) = map(dir.path(), "wide.csv", &[]);
    assert!(started.elapsed().as_secs() < 30, "took {:?}", started.elapsed());
    assert!(err.lines().count() <= 4, "{}", &err[..err.len().min(2000)]);
    assert!(
        err.contains("1000000 unknown columns, ignored: \"x0\", \"x1\"") && err.contains("and 999995 more"),
        "{err}"
    );
}

#[test]
fn unclosed_quote_at_end_of_csv_is_an_error() {
    let text = format!(
        "{HEADER}e1,2021-07-09,Islam Qala,,,capture,Taliban,claimed,\"Outlet\ne2,2021-07-10,Herat,,,capture,Taliban,claimed,x\n"
    );
    let (dir, _) = input("e.csv", text.as_bytes());
    let (code, err) = map(dir.path(), "e.csv", &[]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("e.csv:2: error: field 'source': a quote opened here is never closed"), "{err}");
    assert_eq!(written(dir.path()), 0, "nothing written");
}

#[test]
fn truncated_json_line_is_an_error() {
    let text = "{\"id\":\"a\",\"date\":\"2021-07-09\",\"place\":\"Herat\",\"type\":\"capture\",\"claim_status\":\"claimed\"}\n\
                {\"id\":\"b\",\"date\":\"2021-07-09\",\"place\":\"Her";
    let (dir, _) = input("e.jsonl", text.as_bytes());
    let (code, err) = map(dir.path(), "e.jsonl", &[]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("e.jsonl:2: error: truncated"), "{err}");
}

#[test]
fn jsonl_with_byte_order_mark_is_read() {
    let text = "\u{feff}{\"id\":\"a\",\"date\":\"2021-07-09\",\"place\":\"Islam Qala\",\"type\":\"capture\",\"claim_status\":\"claimed\"}\n";
    let (dir, _) = input("e.jsonl", text.as_bytes());
    let (code, err) = map(dir.path(), "e.jsonl", &[]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("mapped 1 event(s)"), "{err}");
}

#[test]
fn swapped_lat_lon_in_events_is_refused() {
    // Islam Qala is lat 34.66, lon 61.07; swapped, it lands in Russia.
    let text = format!("{HEADER}e1,2021-07-09,Islam Qala,61.07,34.66,capture,Taliban,claimed,x\n");
    let (dir, _) = input("e.csv", text.as_bytes());
    let (code, err) = map(dir.path(), "e.csv", &[]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("e.csv:2: error: field 'lat/lon': lat 61.07 / lon 34.66 look swapped"), "{err}");
}

#[test]
fn far_coordinates_are_refused_unless_the_region_is_widened() {
    let text = format!("{HEADER}e1,2021-07-09,New York,40.71,-74.0,statement,UN,claimed,x\n");
    let (dir, _) = input("e.csv", text.as_bytes());
    let (code, err) = map(dir.path(), "e.csv", &[]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("e.csv:2: error: field 'lat/lon'") && err.contains("outside the region"), "{err}");
    // The hint works: the flag it names takes the point.
    for region in ["world", "-80,20,90,60"] {
        let (code, err) = map(dir.path(), "e.csv", &["--region", region]);
        assert_eq!(code, 0, "--region {region}: {err}");
    }
    let (code, err) = map(dir.path(), "e.csv", &["--region", "90,20,-80,60"]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("the minimum must be below the maximum"), "{err}");
}

#[test]
fn week_date_at_end_of_9999_does_not_panic() {
    let text = "id,date,time_precision,place,type,claim_status\n\
                e1,9999-12-31,2,Herat,capture,claimed\n\
                e2,0000-01-01,,Herat,capture,claimed\n";
    let (dir, _) = input("e.csv", text.as_bytes());
    let (code, err) = map(dir.path(), "e.csv", &[]);
    assert_eq!(code, 2, "{err}");
    assert!(!err.contains("panicked"), "{err}");
    assert!(err.contains("e.csv:2: error: field 'date'") && err.contains("year 9999 is outside 1900..=2100"), "{err}");
    assert!(err.contains("e.csv:3: error: field 'date'") && err.contains("year 0 is outside"), "{err}");
}

#[test]
fn bad_utf8_byte_in_geonames_import_names_its_line() {
    let sample = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/geonames/sample.cities500.txt");
    let mut dump = std::fs::read(&sample).unwrap();
    // Break the second row's name with a byte that is not UTF-8.
    let second = dump.iter().position(|&b| b == b'\n').unwrap() + 1;
    let tab = second + dump[second..].iter().position(|&b| b == b'\t').unwrap();
    dump[tab + 2] = 0xFF;
    let rows = dump.iter().filter(|&&b| b == b'\n').count();
    let (dir, path) = input("dump.txt", &dump);
    let out = bordermap()
        .env("BORDERMAP_USER_PLACES", dir.path().join("places.csv"))
        .args(["gazetteer", "import", "geonames", "--dry-run"])
        .arg(&path)
        .assert()
        .code(1)
        .stderr(predicate::str::contains(format!("{}:2: error: field 'row': not UTF-8 text", path.display())));
    let err = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
    assert!(err.contains(&format!("rows {rows}")) || err.contains(&format!("{rows} rows")), "{err}");
    assert!(err.contains("1 malformed"), "{err}");
}
