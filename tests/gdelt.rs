//! GDELT event files: `bordermap map --from gdelt` and `bordermap convert --from gdelt` on
//! GDELT-style samples written for these tests (`tests/data/gdelt/`, not GDELT's data): a GDELT
//! 2.0 export (61 columns), a GDELT 1.0 daily file (58 columns, CRLF) and a 1.0 backfile-style
//! file (57 columns).

mod util;

use std::collections::BTreeMap;
use std::path::Path;

use predicates::prelude::*;
use serde_json::{Value, json};
use util::{bordermap, timeline};

const V2: &str = "tests/data/gdelt/20210709-sample.export.CSV";
const V1_DAILY: &str = "tests/data/gdelt/20210815-sample.1.0-daily.CSV";
const V1_BACKFILE: &str = "tests/data/gdelt/2021-sample.1.0-backfile.csv";

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// `bordermap map ARGS… --out DIR`, expecting exit 0; the folder and standard error.
fn map(args: &[&str]) -> (tempfile::TempDir, String) {
    let dir = tempfile::tempdir().unwrap();
    let out = bordermap().current_dir(root()).arg("map").args(args).arg("--out").arg(dir.path()).output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr).to_string();
    assert_eq!(out.status.code(), Some(0), "{err}");
    (dir, err)
}

#[test]
fn every_kept_2_0_row_maps_with_its_type_fields_and_point() {
    let (dir, err) = map(&["--from", "gdelt", V2]);
    let events = timeline(dir.path());
    // 21 rows: 3 outside the region (Aleppo, Donetsk, Washington), 2 with no action location.
    assert_eq!(events.len(), 16, "{:?}", events.keys());
    assert!(
        err.contains(
            "bordermap: tests/data/gdelt/20210709-sample.export.CSV: left out 3 GDELT row(s) outside the region (lon 43..81, lat 22..47): widen it with --region MINLON,MINLAT,MAXLON,MAXLAT or --region world"
        ),
        "{err}"
    );
    assert!(err.contains("bordermap: tests/data/gdelt/20210709-sample.export.CSV: left out 2 GDELT row(s) with no action location (ActionGeo_Type 0)"), "{err}");
    for far in ["1008000015", "1008000016", "1008000017", "1008000018", "1008000019"] {
        assert!(!events.contains_key(&format!("gdelt-{far}")), "{far}");
    }
    let ty = |id: &str| events[&format!("gdelt-{id}")]["properties"]["type"].as_str().unwrap().to_string();
    for (id, want) in [
        ("1008000001", "capture"),
        ("1008000002", "clash"),
        ("1008000003", "shelling_artillery_missile_attack"),
        ("1008000004", "air_drone_strike"),
        ("1008000005", "suicide_bomb"),
        ("1008000006", "change_to_group_activity"),
        ("1008000007", "reinforcement"),
        ("1008000008", "military_exercise"),
        ("1008000009", "peaceful_protest"),
        ("1008000010", "violent_demonstration"),
        ("1008000011", "arrests"),
        ("1008000012", "agreement"),
        ("1008000013", "statement"),
        ("1008000014", "abduction"),
        ("1008000020", "statement"),
        ("1008000021", "refugees"),
    ] {
        assert_eq!(ty(id), want, "{id}");
    }
    let f = &events["gdelt-1008000001"];
    assert_eq!(f["geometry"]["coordinates"], json!([61.0667, 34.6667]));
    let p = &f["properties"];
    assert_eq!(p["start"], "2021-07-09");
    assert_eq!(p["place"], "Islam Qala, Herat, Afghanistan");
    assert_eq!((p["matched"].as_str(), p["border"].as_str()), (Some("coordinates"), Some("AFG-IRN")));
    assert_eq!((p["actor"].as_str(), p["actor2"].as_str()), (Some("TALIBAN"), Some("AFGHAN BORDER GUARD")));
    assert_eq!(p["claim_status"], "claimed");
    assert_eq!(p["claimed_by"], "GDELT machine coding of tolonews.example");
    assert_eq!(p["source"], "tolonews.example");
    assert_eq!(p["url"], "https://www.tolonews.example/afghanistan-173912");
    assert_eq!(p["citation"], "tolonews.example, 2021-07-09");
    assert_eq!((p["admin1"].as_str(), p["admin2"].as_str()), (Some("AF11"), Some("AF1123")));
    assert_eq!((p["geo_precision"].as_u64(), p["fatalities"].as_u64()), (Some(1), Some(0)));
    assert_eq!(p["acled_sub_event_type"], "Non-state actor overtakes territory");
    assert_eq!(p["tags"], "gdelt:192; root:19");
    assert_eq!(p["country"], "AFG");
    // The full name's place part ("Islam Qala") is checked against the point: it fits.
    assert_eq!(p["name_check"], "ok");
    assert!(p["name_check_detail"].as_str().unwrap().starts_with("\"Islam Qala\" is afg-islam-qala"));
    assert_eq!(events["gdelt-1008000013"]["properties"]["name_check"], "", "a country's name is not checked");
    assert!(events.values().filter(|f| f["properties"]["name_check"] == "ok").count() == 15);
    assert_eq!(
        p["notes"],
        "CAMEO 192 Occupy territory; QuadClass 4; GoldsteinScale -9.5; NumMentions 24; NumSources 6; NumArticles 24; \
         AvgTone -7.4137931034483"
    );
    // A country-level row (type 1) and a province-level row (type 5) are a larger area.
    let country = &events["gdelt-1008000013"]["properties"];
    assert_eq!((country["geo_precision"].as_u64(), country["actor"].as_str()), (Some(3), Some("IRN")));
    assert_eq!(events["gdelt-1008000014"]["properties"]["geo_precision"], 3);
    assert_eq!(events["gdelt-1008000014"]["geometry"]["coordinates"], json!([70.812, 36.7347]));
    // A 4-digit code not in the table takes its root; the note says so.
    assert!(
        events["gdelt-1008000020"]["properties"]["notes"]
            .as_str()
            .unwrap()
            .starts_with("CAMEO 1384 (under 13 Threaten)")
    );
    // Every row is GDELT's machine coding of a report, never drawn as fact.
    assert!(events.values().all(|f| f["properties"]["claim_status"] == "claimed"));
}

#[test]
fn a_wider_region_keeps_the_far_rows() {
    let (dir, err) = map(&["--from", "gdelt", V2, "--region", "world"]);
    let events = timeline(dir.path());
    assert_eq!(events.len(), 19);
    assert!(!err.contains("outside the region"), "{err}");
    assert_eq!(events["gdelt-1008000017"]["geometry"]["coordinates"], json!([-77.0364, 38.8951]));
    assert_eq!(events["gdelt-1008000015"]["properties"]["type"], "clash");
}

#[test]
fn the_1_0_layouts_map_too() {
    let (dir, err) = map(&["--from", "gdelt", V1_DAILY, V1_BACKFILE]);
    let events = timeline(dir.path());
    // Daily: 6 rows, 1 in Syria, 1 with no location. Backfile: 4 rows, 1 in Ukraine.
    assert_eq!(events.len(), 7, "{:?}", events.keys());
    assert!(err.contains("left out 1 GDELT row(s) with no action location"), "{err}");
    assert_eq!(err.matches("left out 1 GDELT row(s) outside the region").count(), 2, "{err}");
    let p = &events["gdelt-780000101"]["properties"];
    assert_eq!((p["type"].as_str(), p["start"].as_str()), (Some("clash"), Some("2021-06-23")));
    assert_eq!((p["admin1"].as_str(), p["admin2"].as_str()), (Some("AF24"), Some("")));
    assert_eq!(p["citation"], "tolonews.example, 2021-06-23");
    assert_eq!(events["gdelt-780000101"]["geometry"]["coordinates"], json!([68.9167, 37.1833]));
    // A non-web source named in SOURCEURL.
    let p = &events["gdelt-780000102"]["properties"];
    assert_eq!(
        (p["type"].as_str(), p["source"].as_str(), p["url"].as_str()),
        (Some("agreement"), Some("BBC Monitoring"), Some(""))
    );
    assert_eq!(p["claimed_by"], "GDELT machine coding of BBC Monitoring");
    // The 57-column rows have no SOURCEURL: GDELT is the source.
    let p = &events["gdelt-250000201"]["properties"];
    assert_eq!((p["type"].as_str(), p["source"].as_str()), (Some("attack"), Some("GDELT")));
    assert_eq!(p["claimed_by"], "GDELT machine coding");
    assert_eq!(p["input_line"], 1);
    assert_eq!(events["gdelt-250000202"]["properties"]["type"], "suicide_bomb");
    assert_eq!(events["gdelt-250000203"]["properties"]["type"], "statement");
    assert_eq!(events["gdelt-250000203"]["properties"]["geo_precision"], 3);
}

#[test]
fn convert_writes_records_that_map_reads_back_the_same() {
    let work = tempfile::tempdir().unwrap();
    let csv_out = work.path().join("events.csv");
    bordermap()
        .current_dir(root())
        .args(["convert", "--from", "gdelt", V2, V1_DAILY, V1_BACKFILE, "--out"])
        .arg(&csv_out)
        .assert()
        .code(0)
        .stderr(
            predicate::str::contains("converted 23 event(s)")
                .and(predicate::str::contains("left out 3 GDELT row(s) outside the region")),
        );
    let jsonl = bordermap()
        .current_dir(root())
        .args(["convert", "--from", "gdelt", V2, V1_DAILY, V1_BACKFILE, "--to", "jsonl"])
        .output()
        .unwrap();
    assert!(jsonl.status.success());
    let jsonl_out = work.path().join("events.jsonl");
    std::fs::write(&jsonl_out, &jsonl.stdout).unwrap();
    assert_eq!(String::from_utf8_lossy(&jsonl.stdout).lines().count(), 23);

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
    let direct = strip(timeline(map(&["--from", "gdelt", V2, V1_DAILY, V1_BACKFILE]).0.path()));
    assert_eq!(direct.len(), 23);
    for file in [&csv_out, &jsonl_out] {
        let back = strip(timeline(map(&[file.to_str().unwrap()]).0.path()));
        assert_eq!(back, direct, "{}", file.display());
    }
}

#[test]
fn a_gdelt_file_without_from_says_so_and_bad_rows_name_line_and_column() {
    let out = tempfile::tempdir().unwrap();
    bordermap().current_dir(root()).args(["map", V2, "--out"]).arg(out.path()).assert().code(2).stderr(
        predicate::str::contains("looks like a GDELT event file").and(predicate::str::contains("--from gdelt")),
    );
    let work = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(root().join(V2)).unwrap();
    // Line 3 gets a latitude that is not a number; line 5 loses its last column.
    let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
    lines[2] = lines[2].replace("\t35.25\t", "\t35.25N\t");
    let cut = lines[4].rfind('\t').unwrap();
    lines[4].truncate(cut);
    let path = work.path().join("bad.export.CSV");
    std::fs::write(&path, lines.join("\n")).unwrap();
    let csv_out = work.path().join("events.csv");
    bordermap().args(["convert", "--from", "gdelt"]).arg(&path).arg("--out").arg(&csv_out).assert().code(2).stderr(
        predicate::str::contains(format!("{}:3: error: field 'ActionGeo_Lat'", path.display()))
            .and(predicate::str::contains(format!("{}:5: error:", path.display())))
            .and(predicate::str::contains("60 tab-separated column(s)"))
            .and(predicate::str::contains("2 invalid row(s); nothing was written")),
    );
    assert!(!csv_out.exists());
    // A zip is refused with what to do.
    let zip = work.path().join("20210709.export.CSV.zip");
    std::fs::write(&zip, b"PK\x03\x04\x14\x00\x00\x00").unwrap();
    bordermap()
        .args(["map", "--from", "gdelt"])
        .arg(&zip)
        .arg("--out")
        .arg(work.path().join("layers"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("unzip it first"));
}
