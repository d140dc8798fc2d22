//! ACLED exports: `bordermap map --from acled` and `bordermap convert --from acled` on an
//! ACLED-style sample written for these tests (`tests/data/acled/afghanistan-sample.csv`, not
//! ACLED's data: its terms forbid redistribution).

mod util;

use std::collections::BTreeMap;
use std::path::Path;

use predicates::prelude::*;
use serde_json::Value;
use util::{bordermap, timeline};

const SAMPLE: &str = "tests/data/acled/afghanistan-sample.csv";

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// `bordermap map ARGS… --out DIR`, expecting exit 0; the folder.
fn map(args: &[&str]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    bordermap().current_dir(root()).arg("map").args(args).arg("--out").arg(dir.path()).assert().code(0);
    dir
}

fn rows_in_sample() -> usize {
    let mut r = csv::Reader::from_path(root().join(SAMPLE)).unwrap();
    r.records().count()
}

#[test]
fn every_row_maps_with_the_type_it_implies() {
    let dir = map(&["--from", "acled", SAMPLE]);
    let events = timeline(dir.path());
    assert_eq!(events.len(), rows_in_sample());
    assert_eq!(events.len(), 28);
    let ty = |id: &str| events[id]["properties"]["type"].as_str().unwrap().to_string();
    for (id, want) in [
        ("AFG51001", "capture"),
        ("AFG51011", "clash"),
        ("AFG51021", "recapture"),
        ("AFG51040", "air_drone_strike"),
        ("AFG51041", "shelling_artillery_missile_attack"),
        ("AFG51042", "remote_explosive"),
        ("AFG51043", "suicide_bomb"),
        ("AFG51044", "grenade"),
        ("AFG51050", "attack"),
        ("AFG51051", "abduction"),
        ("AFG51060", "peaceful_protest"),
        ("AFG51061", "protest_with_intervention"),
        ("AFG51062", "excessive_force_against_protesters"),
        ("AFG51070", "violent_demonstration"),
        ("AFG51071", "mob_violence"),
        ("AFG51080", "agreement"),
        ("AFG51081", "capture"),
        ("AFG51082", "looting_property_destruction"),
        ("AFG51083", "reinforcement"),
        ("AFG51084", "change_to_group_activity"),
        ("AFG51085", "arrests"),
        ("AFG51086", "disrupted_weapons_use"),
        ("AFG51087", "other"),
    ] {
        assert_eq!(ty(id), want, "{id}");
    }
    // Every one of ACLED's six event types is there, with ACLED's words kept.
    let families: std::collections::BTreeSet<&str> =
        events.values().map(|f| f["properties"]["acled_event_type"].as_str().unwrap()).collect();
    assert_eq!(families.len(), 6, "{families:?}");
    assert_eq!(events["AFG51081"]["properties"]["acled_sub_event_type"], "Non-violent transfer of territory");
    // Every row is a claim by its sources, never drawn as fact.
    assert!(events.values().all(|f| f["properties"]["claim_status"] == "claimed"));
}

#[test]
fn coordinates_dates_and_fields_are_kept() {
    let dir = map(&["--from", "acled", SAMPLE, "--by", "day"]);
    let events = timeline(dir.path());
    let islam_qala = &events["AFG51001"];
    assert_eq!(islam_qala["geometry"]["coordinates"], serde_json::json!([61.0667, 34.6667]));
    let p = &islam_qala["properties"];
    assert_eq!((p["start"].as_str(), p["matched"].as_str()), (Some("2021-07-09"), Some("coordinates")));
    assert_eq!((p["place"].as_str(), p["border"].as_str()), (Some("Islam Qala"), Some("AFG-IRN")));
    assert_eq!(p["source"], "Pajhwok Afghan News|Xinhua");
    assert_eq!(p["claimed_by"], "Pajhwok Afghan News|Xinhua");
    assert_eq!((p["admin1"].as_str(), p["admin2"].as_str()), (Some("Herat"), Some("Kohsan")));
    assert!(p["notes"].as_str().unwrap().contains("the \"Islam Qala\" border crossing with Iran (Kohsan, Herat)"));
    // ISO dates too; the week and month of time_precision 2 and 3.
    assert_eq!(events["AFG51002"]["properties"]["start"], "2021-07-09");
    let week = &events["AFG51071"]["properties"];
    assert_eq!((week["precision"].as_str(), week["start"].as_str()), (Some("week"), Some("2021-07-19")));
    let month = &events["AFG51086"]["properties"];
    assert_eq!((month["precision"].as_str(), month["end"].as_str()), (Some("month"), Some("2021-07-31")));
    // Fatalities (0 when none), associated actors, tags, a note with a line break.
    assert_eq!(events["AFG51043"]["properties"]["fatalities"], 183);
    assert_eq!(events["AFG51080"]["properties"]["fatalities"], 0);
    assert_eq!(events["AFG51060"]["properties"]["assoc_actor_1"], "Women (Afghanistan)");
    assert_eq!(events["AFG51060"]["properties"]["tags"], "crowd size=around 50");
    assert_eq!(events["AFG51043"]["properties"]["assoc_actor_2"], "Military Forces of the United States");
    assert!(events["AFG51050"]["properties"]["notes"].as_str().unwrap().contains("government.\nThe Taliban denied"));
    // A row without coordinates is placed by its location name.
    assert_eq!(events["AFG51082"]["properties"]["place_id"], "afg-hairatan");
    // ACLED's upload timestamp is no publication date.
    assert_eq!(p["citation"], "Pajhwok Afghan News|Xinhua");
    assert!(dir.path().join("by-day/2021-07-09").is_dir());
}

#[test]
fn an_acled_export_without_from_says_so() {
    let out = tempfile::tempdir().unwrap();
    bordermap()
        .current_dir(root())
        .args(["map", SAMPLE, "--out"])
        .arg(out.path())
        .assert()
        .code(2)
        .stderr(predicate::str::contains("looks like an ACLED export").and(predicate::str::contains("--from acled")));
    // And the other way round.
    bordermap()
        .current_dir(root())
        .args(["map", "--from", "acled", "maps/afghan-borders-2021/events.csv", "--out"])
        .arg(out.path())
        .assert()
        .code(2)
        .stderr(predicate::str::contains("looks like a bordermap events file"));
}

#[test]
fn convert_writes_records_that_map_reads_back_the_same() {
    let work = tempfile::tempdir().unwrap();
    let csv_out = work.path().join("events.csv");
    bordermap()
        .current_dir(root())
        .args(["convert", "--from", "acled", SAMPLE, "--out"])
        .arg(&csv_out)
        .assert()
        .code(0)
        .stderr(predicate::str::contains("converted 28 event(s)"));
    // To stdout as JSON Lines too.
    let jsonl =
        bordermap().current_dir(root()).args(["convert", "--from", "acled", SAMPLE, "--to", "jsonl"]).output().unwrap();
    assert!(jsonl.status.success());
    let jsonl_out = work.path().join("events.jsonl");
    std::fs::write(&jsonl_out, &jsonl.stdout).unwrap();
    assert_eq!(String::from_utf8_lossy(&jsonl.stdout).lines().count(), 28);

    let direct = timeline(map(&["--from", "acled", SAMPLE]).path());
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
    let direct = strip(direct);
    for file in [&csv_out, &jsonl_out] {
        let back = strip(timeline(map(&[file.to_str().unwrap()]).path()));
        assert_eq!(back, direct, "{}", file.display());
    }
}

#[test]
fn a_bad_row_names_file_line_and_field_and_nothing_is_written() {
    let work = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(root().join(SAMPLE)).unwrap();
    // Row 3 (line 4) gets an impossible date, and CRLF line ends throughout.
    let bad = text.replacen("2021-07-09,2021,1", "2021-07-32,2021,1", 1).replace('\n', "\r\n");
    let path = work.path().join("bad.csv");
    std::fs::write(&path, bad).unwrap();
    let out = work.path().join("events.csv");
    bordermap().args(["convert", "--from", "acled"]).arg(&path).arg("--out").arg(&out).assert().code(2).stderr(
        predicate::str::contains(format!("{}:3: error: field 'event_date'", path.display()))
            .and(predicate::str::contains("1 invalid row(s); nothing was written")),
    );
    assert!(!out.exists());
    let layers = work.path().join("layers");
    bordermap()
        .args(["map", "--from", "acled"])
        .arg(&path)
        .arg("--out")
        .arg(&layers)
        .assert()
        .code(2)
        .stderr(predicate::str::contains(":3: error: field 'event_date'"));
    assert!(!layers.join("index.json").exists());
}

#[test]
fn a_name_far_from_its_coordinates_is_flagged_not_moved() {
    let far = "tests/data/acled/far-names.csv";
    let dir = tempfile::tempdir().unwrap();
    let out = bordermap()
        .current_dir(root())
        .args(["map", "--from", "acled", far, "--out"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("2 event(s) have a place name that lies far from their coordinates"), "{stderr}");
    assert!(stderr.contains(&format!("{far}:2: AFG52001: \"Islam Qala\" is afg-islam-qala")), "{stderr}");
    assert!(stderr.contains("1 unknown to the gazetteer"), "{stderr}");
    let events = timeline(dir.path());
    let check = |id: &str| {
        let p = &events[id]["properties"];
        (p["name_check"].as_str().unwrap().to_string(), events[id]["geometry"]["coordinates"].clone())
    };
    // Used as given: the point is the export's, the flag says the name is elsewhere.
    assert_eq!(check("AFG52001"), ("far".to_string(), serde_json::json!([62.1997, 34.3482])));
    assert_eq!(check("AFG52005").0, "far");
    assert_eq!(check("AFG52002").0, "ok");
    assert_eq!(check("AFG52004").0, "ok");
    assert_eq!(check("AFG52003").0, "unknown");
    let detail = events["AFG52001"]["properties"]["name_check_detail"].as_str().unwrap();
    assert!(detail.contains("109.9 km") && detail.contains("allowed 25 km"), "{detail}");
    assert_eq!(events["AFG52001"]["properties"]["country"], "AFG");
    let index: Value = serde_json::from_slice(&std::fs::read(dir.path().join("index.json")).unwrap()).unwrap();
    assert_eq!(index["name_check"], serde_json::json!({"ok": 2, "far": 2, "unknown": 1, "ambiguous": 0}));
}
