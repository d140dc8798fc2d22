//! UCDP GED files: `bordermap map --from ucdp` and `bordermap convert --from ucdp` on samples in
//! UCDP's layout written for these tests (`tests/data/ucdp/*.csv`: invented rows, not UCDP's
//! data). `afghanistan-sample.csv` has 18 rows across the Afghan borders, June–September 2021,
//! in the release layout (`2021-07-09` dates, LF); `candidate-sample.csv` 3 rows in the
//! candidate releases' (`2021-07-09 00:00:00.000` dates, CRLF).

mod util;

use std::collections::BTreeMap;
use std::path::Path;

use predicates::prelude::*;
use serde_json::{Value, json};
use util::{bordermap, timeline};

const SAMPLE: &str = "tests/data/ucdp/afghanistan-sample.csv";
const CANDIDATE: &str = "tests/data/ucdp/candidate-sample.csv";

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// `bordermap map ARGS… --out DIR`, expecting exit 0; the folder.
fn map(args: &[&str]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    bordermap().current_dir(root()).arg("map").args(args).arg("--out").arg(dir.path()).assert().code(0);
    dir
}

fn rows_in(file: &str) -> usize {
    csv::Reader::from_path(root().join(file)).unwrap().records().count()
}

#[test]
fn every_row_maps_with_the_type_its_violence_implies() {
    let dir = map(&["--from", "ucdp", SAMPLE]);
    let events = timeline(dir.path());
    assert_eq!(events.len(), rows_in(SAMPLE));
    assert_eq!(events.len(), 18);
    let p = |id: &str, k: &str| events[id]["properties"][k].clone();
    for (id, ty) in [("ucdp-433001", "clash"), ("ucdp-433011", "clash"), ("ucdp-433013", "attack")] {
        assert_eq!(p(id, "type"), ty, "{id}");
    }
    assert_eq!(
        (p("ucdp-433013", "acled_event_type"), p("ucdp-433013", "actor2")),
        (json!("Violence against civilians"), json!("Civilians"))
    );
    assert!(
        p("ucdp-433011", "notes")
            .as_str()
            .unwrap()
            .starts_with("UCDP type_of_violence 2 (non-state); conflict IS - Taleban")
    );
    // All three types of violence are there; every row is a claim by its sources, never a fact.
    let kinds: std::collections::BTreeSet<String> = events
        .values()
        .map(|f| f["properties"]["notes"].as_str().unwrap().split(' ').nth(2).unwrap().to_string())
        .collect();
    assert_eq!(kinds.into_iter().collect::<Vec<_>>(), ["1", "2", "3"]);
    assert!(events.values().all(|f| f["properties"]["claim_status"] == "claimed"));
    assert!(events.values().all(|f| f["properties"]["claimed_by"] == f["properties"]["source"]));
    assert!(events.values().all(|f| f["properties"]["url"] == ""));
    // Every border of Afghanistan's the sample touches.
    let borders: std::collections::BTreeSet<&str> =
        events.values().map(|f| f["properties"]["border"].as_str().unwrap()).collect();
    assert_eq!(borders.into_iter().collect::<Vec<_>>(), ["AFG-IRN", "AFG-PAK", "AFG-TJK", "AFG-TKM", "AFG-UZB"]);
}

#[test]
fn coordinates_ranges_and_fields_are_kept() {
    let dir = map(&["--from", "ucdp", SAMPLE, "--by", "day"]);
    let events = timeline(dir.path());
    let islam_qala = &events["ucdp-433001"];
    assert_eq!(islam_qala["geometry"]["coordinates"], json!([61.066667, 34.666667]));
    let p = &islam_qala["properties"];
    assert_eq!(
        (p["place"].as_str(), p["matched"].as_str(), p["border"].as_str()),
        (Some("Islam Qala town"), Some("coordinates"), Some("AFG-IRN"))
    );
    assert_eq!(
        (p["start"].as_str(), p["end"].as_str(), p["until"].as_str()),
        (Some("2021-07-09"), Some("2021-07-09"), Some("2021-07-10"))
    );
    assert_eq!((p["admin1"].as_str(), p["admin2"].as_str()), (Some("Herat province"), Some("Kohsan district")));
    assert_eq!((p["fatalities"].as_u64(), p["geo_precision"].as_u64()), (Some(5), Some(1)));
    assert_eq!((p["actor"].as_str(), p["actor2"].as_str()), (Some("Government of Afghanistan"), Some("Taleban")));
    assert_eq!(p["tags"], "ucdp:conflict:333; ucdp:dyad:745");
    assert_eq!(p["quote"], "Taliban overrun Islam Qala port;Afghan forces leave Iran border post");
    // The first source's date is the citation's.
    assert_eq!(p["citation"], "Pajhwok Afghan News|Xinhua, 2021-07-09");
    let notes = p["notes"].as_str().unwrap();
    for part in [
        "conflict Afghanistan: Government",
        "dyad Government of Afghanistan - Taleban",
        "event_clarity 1; date_prec 1; where_prec 1",
        "deaths a/b/civilians/unknown 3/2/0/0, low 4, high 7",
        "where_description: at the customs compound of the border crossing",
        "source_article: Pajhwok Afghan News,2021-07-09,Taliban overrun Islam Qala port",
    ] {
        assert!(notes.contains(part), "{part:?} not in {notes:?}");
    }
    // Ranges of 1, 3 and 30 days, with `until` the day after the last.
    let range = |id: &str| {
        let p = &events[id]["properties"];
        [&p["start"], &p["end"], &p["until"], &p["precision"]].map(|v| v.as_str().unwrap().to_string())
    };
    assert_eq!(range("ucdp-433006"), ["2021-08-06", "2021-08-08", "2021-08-09", "week"]);
    assert_eq!(range("ucdp-433014"), ["2021-08-01", "2021-08-30", "2021-08-31", "month"]);
    assert_eq!(range("ucdp-433013"), ["2021-07-16", "2021-07-17", "2021-07-18", "week"]);
    // where_prec: a district (3) and a province (4).
    assert_eq!(events["ucdp-433017"]["properties"]["geo_precision"], 2);
    assert_eq!(events["ucdp-433014"]["properties"]["geo_precision"], 3);
    // Several sources, `;` in UCDP, `|` in the record.
    assert_eq!(events["ucdp-433003"]["properties"]["source"], "Reuters|AFP|Dawn");
    assert_eq!(events["ucdp-433017"]["properties"]["claimed_by"], "Pajhwok Afghan News|Tasnim News Agency|IRNA");
    // Low clarity is said; a headline with a line break is kept.
    assert!(events["ucdp-433010"]["properties"]["notes"].as_str().unwrap().contains("event_clarity 2; low clarity"));
    assert_eq!(events["ucdp-433015"]["properties"]["quote"], "Man shot at Zaranj bridge to Iran,\nwitnesses say");
    assert_eq!(events["ucdp-433015"]["properties"]["input_line"], 16);
    assert_eq!(events["ucdp-433016"]["properties"]["input_line"], 18);
    // A row without coordinates is placed by where_coordinates through the gazetteer.
    assert_eq!(events["ucdp-433016"]["properties"]["place_id"], "afg-hairatan");
    // A row in Pakistan.
    assert_eq!(events["ucdp-433018"]["properties"]["border"], "AFG-PAK");
    assert!(dir.path().join("by-day/2021-07-09").is_dir());
}

#[test]
fn candidate_releases_dates_with_a_time_of_day_and_crlf() {
    let events = timeline(map(&["--from", "ucdp", CANDIDATE]).path());
    assert_eq!(events.len(), 3);
    let p = &events["ucdp-440102"]["properties"];
    assert_eq!(
        (p["start"].as_str(), p["end"].as_str(), p["until"].as_str()),
        (Some("2021-08-10"), Some("2021-08-12"), Some("2021-08-13"))
    );
    assert_eq!(p["citation"], "TOLOnews|Afghanistan International, 2021-08-13");
    assert_eq!(p["input_line"], 3);
    assert_eq!(events["ucdp-440103"]["properties"]["input_line"], 4);
}

#[test]
fn a_ucdp_file_without_from_says_so_and_other_files_with_it_too() {
    let out = tempfile::tempdir().unwrap();
    bordermap()
        .current_dir(root())
        .args(["map", SAMPLE, "--out"])
        .arg(out.path())
        .assert()
        .code(2)
        .stderr(predicate::str::contains("looks like a UCDP GED file").and(predicate::str::contains("--from ucdp")));
    for (file, says) in [
        ("maps/afghan-borders-2021/events.csv", "looks like a bordermap events file"),
        ("tests/data/acled/afghanistan-sample.csv", "looks like an ACLED export"),
    ] {
        bordermap()
            .current_dir(root())
            .args(["map", "--from", "ucdp", file, "--out"])
            .arg(out.path())
            .assert()
            .code(2)
            .stderr(predicate::str::contains(says));
    }
}

#[test]
fn convert_writes_records_that_map_reads_back_the_same() {
    let work = tempfile::tempdir().unwrap();
    let csv_out = work.path().join("events.csv");
    bordermap()
        .current_dir(root())
        .args(["convert", "--from", "ucdp", SAMPLE, CANDIDATE, "--out"])
        .arg(&csv_out)
        .assert()
        .code(0)
        .stderr(predicate::str::contains("converted 21 event(s)"));
    let jsonl = bordermap()
        .current_dir(root())
        .args(["convert", "--from", "ucdp", SAMPLE, CANDIDATE, "--to", "jsonl"])
        .output()
        .unwrap();
    assert!(jsonl.status.success());
    let jsonl_out = work.path().join("events.jsonl");
    std::fs::write(&jsonl_out, &jsonl.stdout).unwrap();
    assert_eq!(String::from_utf8_lossy(&jsonl.stdout).lines().count(), 21);

    // Where each event came from differs; nothing else does.
    let strip = |m: BTreeMap<String, Value>| -> BTreeMap<String, Value> {
        m.into_iter()
            .map(|(k, mut f)| {
                let p = f["properties"].as_object_mut().unwrap();
                p.remove("input_file");
                p.remove("input_line");
                (k, f)
            })
            .collect()
    };
    let direct = strip(timeline(map(&["--from", "ucdp", SAMPLE, CANDIDATE]).path()));
    assert_eq!(direct.len(), 21);
    for file in [&csv_out, &jsonl_out] {
        let back = strip(timeline(map(&[file.to_str().unwrap()]).path()));
        assert_eq!(back, direct, "{}", file.display());
    }
}

#[test]
fn a_bad_row_names_file_line_and_column_and_nothing_is_written() {
    let work = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(root().join(SAMPLE)).unwrap();
    // Row 3 (line 4) ends before it starts, and CRLF line ends throughout (line 16 holds a
    // headline with a line break: the rows after it keep their own numbers).
    let bad = text
        .replacen("2021-07-14,2021-07-14", "2021-07-14,2021-07-12", 1)
        .replacen("2021-09-05,2021-09-05", "2021-09-05,2021-09-31", 1)
        .replace('\n', "\r\n");
    let path = work.path().join("bad.csv");
    std::fs::write(&path, bad).unwrap();
    let out = work.path().join("events.csv");
    bordermap().args(["convert", "--from", "ucdp"]).arg(&path).arg("--out").arg(&out).assert().code(2).stderr(
        predicate::str::contains(format!("{}:4: error: field 'date_end'", path.display()))
            .and(predicate::str::contains(format!("{}:20: error: field 'date_end'", path.display())))
            .and(predicate::str::contains("2 invalid row(s); nothing was written")),
    );
    assert!(!out.exists());
    let layers = work.path().join("layers");
    bordermap()
        .args(["map", "--from", "ucdp"])
        .arg(&path)
        .arg("--out")
        .arg(&layers)
        .assert()
        .code(2)
        .stderr(predicate::str::contains(":4: error: field 'date_end'"));
    assert!(!layers.join("index.json").exists());
}
