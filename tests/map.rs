//! `bordermap map` on the bundled example and on small hand-made inputs.

mod util;

use std::path::{Path, PathBuf};

use predicates::prelude::*;
use serde_json::Value;
use util::bordermap;

const EXAMPLE: &str = "maps/afghan-borders-2021/events.csv";

/// Maps the bundled example (as the README does) into a fresh folder.
fn map_example(extra: &[&str]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    bordermap()
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(["map", EXAMPLE, "--out"])
        .arg(dir.path())
        .args(extra)
        .assert()
        .code(0);
    dir
}

fn read(path: &Path) -> Value {
    serde_json::from_slice(&std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))).unwrap()
}

fn features(path: &Path) -> Vec<Value> {
    read(path)["features"].as_array().unwrap().clone()
}

/// The features of a layer group (`AFG-TJK`, `timeline`, `by-day/2021-07-09/AFG-IRN`): its
/// points file, then its lines file, whichever exist.
fn group(dir: &Path, name: &str) -> Vec<Value> {
    let mut out = Vec::new();
    for suffix in ["points", "lines"] {
        let path = dir.join(format!("{name}-{suffix}.geojson"));
        if path.exists() {
            out.extend(features(&path));
        }
    }
    out
}

fn event<'a>(fs: &'a [Value], id: &str) -> Option<&'a Value> {
    fs.iter().find(|f| f["properties"]["id"] == id)
}

#[test]
fn example_events_land_on_the_right_borders() {
    let dir = map_example(&[]);
    let layer = |b: &str| group(dir.path(), b);
    let (irn, tkm, tjk, uzb) = (layer("AFG-IRN"), layer("AFG-TKM"), layer("AFG-TJK"), layer("AFG-UZB"));
    for id in ["afb-002", "afb-005"] {
        assert!(event(&irn, id).is_some(), "Islam Qala event {id} on AFG-IRN");
    }
    for id in ["afb-003", "afb-004"] {
        assert!(event(&tkm, id).is_some(), "Torghundi event {id} on AFG-TKM");
    }
    assert!(event(&tjk, "afb-007").is_some(), "Shir Khan Bandar on AFG-TJK");
    let flag = event(&tjk, "afb-008").expect("the Panj flag on AFG-TJK");
    assert_eq!(flag["geometry"]["type"], "MultiLineString");
    let consulate = event(&uzb, "afb-010").expect("consulate closure on AFG-UZB");
    assert!(consulate["properties"]["distance_km"].as_f64().unwrap() <= 60.0);
    let two_thirds = event(&tjk, "afb-001").unwrap();
    assert_eq!(two_thirds["geometry"]["type"], "MultiLineString");
    let share: f64 = two_thirds["properties"]["share"].as_str().unwrap().parse().unwrap();
    assert!((share - 0.67).abs() < 0.01, "{share}");
    // The "90 % of the borders" claim lies on every border; the border lines are a layer.
    let lines = features(&dir.path().join("borders.geojson"));
    for b in ["AFG-TJK", "AFG-IRN", "AFG-TKM", "AFG-UZB", "AFG-PAK", "AFG-CHN"] {
        let line = lines.iter().find(|f| f["properties"]["border"] == b).expect(b);
        assert_eq!(line["properties"]["kind"], "border");
        assert_eq!(event(&layer(b), "afb-022").expect(b)["properties"]["claim_status"], "denied");
    }
    // Moscow, Kabul and country-wide events are interior, not lost.
    let interior = group(dir.path(), "interior");
    for id in ["afb-011", "afb-012", "afb-023", "afb-028"] {
        assert!(event(&interior, id).is_some(), "{id} in interior");
    }
    let timeline = group(dir.path(), "timeline");
    assert_eq!(timeline.len(), 31, "every event once in the timeline");
    // Every event is listed by the summary of its place.
    let places = group(dir.path(), "places");
    for f in &timeline {
        let id = f["properties"]["id"].as_str().unwrap();
        let at = places.iter().filter(|p| p["properties"]["event_ids"].as_str().unwrap().split("; ").any(|x| x == id));
        assert_eq!(at.count(), 1, "{id} in one place summary");
    }
    let islam_qala = places.iter().find(|p| p["properties"]["place_id"] == "afg-islam-qala").unwrap();
    assert_eq!(islam_qala["properties"]["events"], 2);
    assert_eq!(
        (islam_qala["properties"]["claimed"].as_u64(), islam_qala["properties"]["disputed"].as_u64()),
        (Some(1), Some(1))
    );
}

#[test]
fn claims_are_never_drawn_as_facts() {
    let dir = map_example(&[]);
    let tjk = group(dir.path(), "AFG-TJK");
    let irn = group(dir.path(), "AFG-IRN");
    let confirmed = &event(&tjk, "afb-007").unwrap()["properties"]; // Shir Khan Bandar, confirmed
    let disputed = &event(&irn, "afb-002").unwrap()["properties"]; // Islam Qala, disputed
    assert_eq!((confirmed["type"].as_str(), disputed["type"].as_str()), (Some("capture"), Some("capture")));
    assert_ne!(confirmed["marker-color"], disputed["marker-color"]);
    assert_ne!(confirmed["marker-size"], disputed["marker-size"]);
    assert!(disputed["title"].as_str().unwrap().contains("(disputed)"));
    assert!(disputed["disputed_by"].as_str().unwrap().contains("Iran"));
    assert!(disputed["description"].as_str().unwrap().contains("claimed by Taliban"));
    // Control intervals carry the status of the capture that started them.
    let control = group(dir.path(), "control");
    let islam_qala = control.iter().find(|f| f["properties"]["place_id"] == "afg-islam-qala").unwrap();
    assert_eq!(islam_qala["properties"]["claim_status"], "disputed");
    assert_eq!(islam_qala["properties"]["ongoing"], true);
    let skb = control.iter().find(|f| f["properties"]["place_id"] == "afg-shir-khan-bandar").unwrap();
    assert_eq!(skb["properties"]["claim_status"], "confirmed");
    assert_ne!(islam_qala["properties"]["marker-color"], skb["properties"]["marker-color"]);
}

#[test]
fn output_is_rfc7946_with_six_decimals_and_provenance() {
    let dir = map_example(&[]);
    for f in group(dir.path(), "timeline") {
        let p = &f["properties"];
        for field in ["source", "claim_status", "start", "end", "input_file"] {
            assert!(!p[field].is_null(), "{} lacks {field}", p["id"]);
        }
        let text = f["geometry"]["coordinates"].to_string();
        for num in text.split(['[', ']', ',']).filter(|s| !s.is_empty()) {
            let decimals = num.split('.').nth(1).map_or(0, str::len);
            assert!(decimals <= 6, "{num} in {}", p["id"]);
        }
        let first = first_position(&f["geometry"]["coordinates"]);
        assert!((55.0..80.0).contains(&first.0) || first.0 < 40.0, "lon first: {first:?}");
        assert!((25.0..60.0).contains(&first.1), "lat second: {first:?}");
    }
}

fn first_position(v: &Value) -> (f64, f64) {
    if v[0].is_number() { (v[0].as_f64().unwrap(), v[1].as_f64().unwrap()) } else { first_position(&v[0]) }
}

fn all_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() { out.extend(all_files(&p)) } else { out.push(p) }
    }
    out.sort();
    out
}

#[test]
fn same_input_gives_byte_identical_layers_and_the_committed_ones_are_current() {
    let a = map_example(&["--by", "day"]);
    let b = map_example(&["--by", "day"]);
    let committed = Path::new(env!("CARGO_MANIFEST_DIR")).join("maps/afghan-borders-2021/layers");
    let rel = |root: &Path| -> Vec<String> {
        all_files(root).iter().map(|p| p.strip_prefix(root).unwrap().display().to_string()).collect()
    };
    assert_eq!(rel(a.path()), rel(b.path()));
    assert_eq!(rel(a.path()), rel(&committed), "regenerate maps/afghan-borders-2021/layers (README command)");
    for r in rel(a.path()) {
        let (x, y, z) = (a.path().join(&r), b.path().join(&r), committed.join(&r));
        assert_eq!(std::fs::read(&x).unwrap(), std::fs::read(&y).unwrap(), "{r} differs between runs");
        assert_eq!(std::fs::read(&x).unwrap(), std::fs::read(&z).unwrap(), "committed {r} is stale");
    }
}

#[test]
fn index_lists_every_file_with_its_count() {
    let dir = map_example(&["--by", "week"]);
    let index = read(&dir.path().join("index.json"));
    assert_eq!(index["events_read"], 31);
    assert_eq!(index["by"], "week");
    for f in index["files"].as_array().unwrap() {
        let path = dir.path().join(f["path"].as_str().unwrap());
        assert!(path.exists(), "{path:?}");
        if path.extension().is_some_and(|e| e == "geojson") {
            assert_eq!(features(&path).len() as u64, f["features"].as_u64().unwrap(), "{path:?}");
        }
    }
    let f = group(dir.path(), "by-week/2021-W27/AFG-TJK");
    assert!(f.iter().all(|f| f["properties"]["kind"] == "event"));
    assert!(event(&f, "afb-009").is_some(), "the week-27 flight into Tajikistan");
    assert!(event(&f, "afb-007").is_none(), "June's capture is not in week 27");
}

#[test]
fn layers_and_compact_properties_choose_what_is_written() {
    let dir = map_example(&["--by", "week", "--layers", "periods,control", "--properties", "compact"]);
    let mut files: Vec<String> = all_files(dir.path())
        .iter()
        .map(|p| p.strip_prefix(dir.path()).unwrap().display().to_string())
        .filter(|p| !p.starts_with("by-week/"))
        .collect();
    files.sort();
    assert_eq!(files, ["bordermap.qgs", "control-points.geojson", "control-points.qml", "index.json", "shares.csv"]);
    let week27 = group(dir.path(), "by-week/2021-W27/AFG-TJK");
    let flight = event(&week27, "afb-009").expect("the week-27 flight into Tajikistan");
    let keys: Vec<&str> = flight["properties"].as_object().unwrap().keys().map(String::as_str).collect();
    for k in ["id", "start", "end", "type", "claim_status", "claimed_by", "disputed_by", "source", "url", "border"] {
        assert!(keys.contains(&k), "{k} in {keys:?}");
    }
    for k in ["title", "description", "marker-color", "quote", "input_line"] {
        assert!(!keys.contains(&k), "{k} not in compact properties");
    }
    // The full set for the same feature is much larger.
    let full = map_example(&["--by", "week"]);
    let full27 = group(full.path(), "by-week/2021-W27/AFG-TJK");
    let full_keys = event(&full27, "afb-009").unwrap()["properties"].as_object().unwrap().len();
    assert!(keys.len() * 3 / 2 < full_keys, "{} vs {full_keys}", keys.len());
    // Periods without a period is a usage error, and nothing is written.
    let out = tempfile::tempdir().unwrap();
    bordermap()
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(["map", EXAMPLE, "--layers", "periods", "--out"])
        .arg(out.path().join("x"))
        .assert()
        .failure()
        .stderr(predicate::str::contains("--layers periods needs --by"));
    assert!(!out.path().join("x").exists());
}

#[test]
fn as_of_maps_the_state_on_a_date() {
    let dir = map_example(&["--as-of", "2021-07-01"]);
    let index = read(&dir.path().join("index.json"));
    assert_eq!(index["as_of"], "2021-07-01");
    let timeline = group(dir.path(), "timeline");
    assert!(timeline.iter().all(|f| f["properties"]["start"].as_str().unwrap() <= "2021-07-01"));
    assert!(event(&timeline, "afb-007").is_some() && event(&timeline, "afb-002").is_none());
    let control = group(dir.path(), "control");
    assert_eq!(control.len(), 1, "only Shir Khan Bandar was held by 1 July");
    assert_eq!(control[0]["properties"]["end"], "2021-07-01");
    assert_eq!(control[0]["properties"]["until"], "2021-07-02");
}

#[test]
fn rerunning_without_by_removes_stale_period_layers() {
    let dir = map_example(&["--by", "day"]);
    assert!(dir.path().join("by-day/2021-07-09/AFG-IRN-points.geojson").exists());
    bordermap()
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(["map", EXAMPLE, "--out"])
        .arg(dir.path())
        .assert()
        .code(0);
    assert!(!dir.path().join("by-day").exists());
    assert!(dir.path().join("AFG-IRN-points.geojson").exists());
}

const HEADER: &str = "id,date,place,type,actor,claim_status,claimed_by,source\n";

fn write_events(body: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("events.csv");
    std::fs::write(&path, format!("{HEADER}{body}")).unwrap();
    (dir, path)
}

#[test]
fn unresolved_names_stop_the_run_unless_allowed() {
    let (tmp, events) = write_events(
        "e1,2021-07-09,Islam Qala,capture,Taliban,claimed,Taliban,x\n\
         e2,2021-07-09,Torgundi Bazar Road,capture,Taliban,claimed,Taliban,x\n\
         e3,2021-07-09,Panj,clash,Taliban,claimed,Taliban,x\n",
    );
    let out = tmp.path().join("layers");
    bordermap().args(["map"]).arg(&events).arg("--out").arg(&out).assert().code(1).stderr(
        predicate::str::contains("events.csv:3: place \"Torgundi Bazar Road\" unknown")
            .and(predicate::str::contains("events.csv:4: place \"Panj\" ambiguous"))
            .and(predicate::str::contains("river-panj"))
            .and(predicate::str::contains("nothing was written")),
    );
    let left: Vec<_> = if out.exists() { all_files(&out) } else { Vec::new() };
    assert!(left.is_empty(), "nothing written: {left:?}");

    bordermap().args(["map"]).arg(&events).arg("--out").arg(&out).arg("--allow-unresolved").assert().code(1);
    let irn = group(&out, "AFG-IRN");
    assert!(event(&irn, "e1").is_some());
    let csv = std::fs::read_to_string(out.join("unresolved.csv")).unwrap();
    assert!(csv.starts_with("file,line,event_id,place,status,suggestions\n"), "{csv}");
    assert!(csv.contains(",3,e2,Torgundi Bazar Road,unknown,") && csv.contains(",4,e3,Panj,ambiguous,"), "{csv}");
}

#[test]
fn invalid_rows_are_errors_with_file_line_and_field() {
    let (tmp, events) = write_events(
        "e1,2021-07-09,Islam Qala,capture,Taliban,claimed,Taliban,x\n\
         e2,9 July,Islam Qala,capture,Taliban,claimed,Taliban,x\n\
         e3,2021-07-09,Islam Qala,capture,Taliban,maybe,Taliban,x\n",
    );
    let out = tmp.path().join("layers");
    bordermap().args(["map"]).arg(&events).arg("--out").arg(&out).assert().code(2).stderr(
        predicate::str::contains("events.csv:3: error: field 'date'")
            .and(predicate::str::contains("events.csv:4: error: field 'claim_status'")),
    );
    assert!(!out.join("AFG-IRN-points.geojson").exists());
    // Duplicate ids too.
    let (tmp, events) = write_events(
        "e1,2021-07-09,Islam Qala,capture,Taliban,claimed,Taliban,x\n\
         e1,2021-07-10,Torghundi,capture,Taliban,claimed,Taliban,x\n",
    );
    bordermap()
        .args(["map"])
        .arg(&events)
        .arg("--out")
        .arg(tmp.path().join("l"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("duplicate event id \"e1\""));
}

#[test]
fn json_lines_and_stdin_work_like_csv() {
    let tmp = tempfile::tempdir().unwrap();
    let jsonl = tmp.path().join("e.jsonl");
    std::fs::write(
        &jsonl,
        "{\"id\":\"j1\",\"date\":\"2021-07-09\",\"place\":\"Islam Qala\",\"type\":\"capture\",\"actor\":\"Taliban\",\"claim_status\":\"disputed\"}\n\
         {\"id\":\"j2\",\"date\":\"2021-W27\",\"lat\":37.22,\"lon\":67.43,\"type\":\"flight_across_border\",\"claim_status\":\"claimed\"}\n",
    )
    .unwrap();
    bordermap().arg("map").arg(&jsonl).arg("--out").arg(tmp.path().join("a")).assert().code(0);
    let irn = group(&tmp.path().join("a"), "AFG-IRN");
    assert_eq!(event(&irn, "j1").unwrap()["properties"]["claim_status"], "disputed");
    let uzb = group(&tmp.path().join("a"), "AFG-UZB");
    assert_eq!(event(&uzb, "j2").unwrap()["geometry"]["coordinates"], serde_json::json!([67.43, 37.22]));
    bordermap()
        .args(["map", "-", "--input-format", "jsonl", "--out"])
        .arg(tmp.path().join("b"))
        .write_stdin(std::fs::read(&jsonl).unwrap())
        .assert()
        .code(0);
    assert!(event(&group(&tmp.path().join("b"), "AFG-IRN"), "j1").is_some());
}

/// GDAL reads every layer of the example, with the expected counts and Date fields. Needs
/// `ogrinfo` (Debian gdal-bin); CI installs it and sets CI=true, which makes its absence a
/// failure there.
#[test]
fn ogrinfo_reads_every_layer_with_date_fields() {
    let Ok(version) = std::process::Command::new("ogrinfo").arg("--version").output() else {
        assert!(std::env::var_os("CI").is_none(), "CI must have ogrinfo (apt-get install gdal-bin)");
        eprintln!("ogrinfo not installed: skipping the GDAL check (install gdal-bin to run it)");
        return;
    };
    assert!(version.status.success());
    let dir = map_example(&["--by", "day"]);
    let index = read(&dir.path().join("index.json"));
    for f in index["files"].as_array().unwrap() {
        let path = f["path"].as_str().unwrap();
        if !path.ends_with(".geojson") {
            continue;
        }
        let out = std::process::Command::new("ogrinfo")
            .args(["-ro", "-so", "-al"])
            .arg(dir.path().join(path))
            .output()
            .unwrap();
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(out.status.success(), "{path}: {}", String::from_utf8_lossy(&out.stderr));
        assert!(text.contains(&format!("Feature Count: {}", f["features"])), "{path}:\n{text}");
        if f["kind"] != "border" {
            for field in ["start", "end", "until"] {
                assert!(text.contains(&format!("{field}: Date")), "{path}: {field}\n{text}");
            }
        }
        let geometry = if f["geometry"] == "points" { "Geometry: Point" } else { "Geometry: Multi Line String" };
        assert!(text.contains(geometry), "{path}:\n{text}");
    }
}

/// `--format geojson,gpkg` writes both into the folder: the GeoPackage has a table per
/// whole-run layer, with the same feature counts, byte-identical from run to run; an unknown
/// format is a usage error naming the known ones.
#[test]
fn geopackage_beside_geojson_with_a_table_per_layer() {
    let a = map_example(&["--by", "day", "--format", "geojson,gpkg"]);
    let b = map_example(&["--by", "day", "--format", "gpkg,geojson"]);
    let (ga, gb) = (a.path().join("bordermap.gpkg"), b.path().join("bordermap.gpkg"));
    assert_eq!(std::fs::read(&ga).unwrap(), std::fs::read(&gb).unwrap(), "same input, same GeoPackage");
    let index = read(&a.path().join("index.json"));
    let files = index["files"].as_array().unwrap();
    let tables: Vec<&Value> = files.iter().filter(|f| f["format"] == "gpkg").collect();
    let top: Vec<&Value> = files.iter().filter(|f| f["format"] == "geojson" && f["period"].is_null()).collect();
    assert_eq!(tables.len(), top.len(), "a table per whole-run layer");
    for t in &tables {
        let twin = top.iter().find(|g| g["layer"] == t["layer"]).expect("the same layer as GeoJSON");
        assert_eq!(t["features"], twin["features"], "{}", t["layer"]);
        assert_eq!(t["path"], "bordermap.gpkg");
    }
    // A GeoPackage alone; the project then opens its tables.
    let only = map_example(&["--format", "gpkg"]);
    let names: Vec<String> =
        all_files(only.path()).iter().map(|p| p.strip_prefix(only.path()).unwrap().display().to_string()).collect();
    assert_eq!(names, ["bordermap.gpkg", "bordermap.qgs", "index.json", "shares.csv"]);
    let qgs = std::fs::read_to_string(only.path().join("bordermap.qgs")).unwrap();
    assert!(qgs.contains("./bordermap.gpkg|layername=AFG-TJK-points"), "the project opens the tables");
    bordermap()
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(["map", EXAMPLE, "--format", "geojson,shp", "--out"])
        .arg(a.path())
        .assert()
        .code(2)
        .stderr(predicate::str::contains("unknown format \"shp\"").and(predicate::str::contains("geojson, gpkg")));
}

/// `shares.csv`: the "two-thirds of the Tajik border" claim beside what the record supports
/// (Shir Khan Bandar alone on that border, a few percent), and its summary in index.json.
#[test]
fn shares_weigh_the_claims_against_the_record() {
    let dir = map_example(&[]);
    let text = std::fs::read_to_string(dir.path().join("shares.csv")).unwrap();
    assert_eq!(
        text.lines().next().unwrap(),
        "kind,border,actor,basis,from,until,share,km,border_km,radius_km,places,event_id,claimed_by,disputed_by,\
         source,quote,on_record_confirmed,on_record_confirmed_or_claimed"
    );
    let mut csv = csv::Reader::from_reader(text.as_bytes());
    let headers = csv.headers().unwrap().clone();
    let rows: Vec<std::collections::HashMap<String, String>> = csv
        .records()
        .map(|r| headers.iter().map(String::from).zip(r.unwrap().iter().map(String::from)).collect())
        .collect();
    let claim = rows.iter().find(|r| r["event_id"] == "afb-001").expect("the claim row of afb-001");
    assert_eq!((claim["kind"].as_str(), claim["border"].as_str()), ("claim", "AFG-TJK"));
    assert_eq!(
        (claim["actor"].as_str(), claim["basis"].as_str(), claim["from"].as_str()),
        ("Taliban", "claimed", "2021-07-09")
    );
    assert!(claim["claimed_by"].starts_with("Russian Foreign Ministry"), "{}", claim["claimed_by"]);
    assert_eq!(claim["share"].parse::<f64>().unwrap(), 0.67);
    assert_eq!(claim["radius_km"], "25");
    for basis in ["on_record_confirmed", "on_record_confirmed_or_claimed"] {
        let v: f64 = claim[basis].parse().unwrap();
        assert!(v > 0.0 && v < 0.67 / 5.0, "{basis} = {v}: far below the claimed 0.67");
    }
    let record = rows
        .iter()
        .find(|r| r["kind"] == "record" && r["border"] == "AFG-TJK" && r["basis"] == "confirmed")
        .expect("a record row for the Tajik border");
    assert_eq!(record["places"], "Shir Khan Bandar");
    assert!(record["from"].as_str() <= "2021-07-09" && "2021-07-09" < record["until"].as_str());
    assert_eq!(record["share"], claim["on_record_confirmed"]);
    assert!(rows.iter().any(|r| r["kind"] == "claim" && r["border"] == "all" && r["event_id"] == "afb-022"));
    let index = read(&dir.path().join("index.json"));
    let shares = &index["shares"];
    assert_eq!(shares["file"], "shares.csv");
    assert_eq!((shares["radius_km"].as_f64(), shares["sample_km"].as_f64()), (Some(25.0), Some(0.5)));
    let claims = shares["claims"].as_array().unwrap();
    assert_eq!(shares["claim_rows"].as_u64(), Some(claims.len() as u64));
    assert_eq!(shares["record_rows"].as_u64().unwrap() + claims.len() as u64, rows.len() as u64);
    assert_eq!(shares["claims_without_share"], 2, "afb-017 and afb-018 give no share");
    assert_eq!(shares["claims_off_border"], 1, "afb-012 is about Afghanistan's territory");
    let c = claims.iter().find(|c| c["event_id"] == "afb-001").unwrap();
    assert_eq!(
        (c["border"].as_str(), c["date"].as_str(), c["share"].as_f64()),
        (Some("AFG-TJK"), Some("2021-07-09"), Some(0.67))
    );
    assert_eq!(c["on_record_confirmed"].as_f64(), claim["on_record_confirmed"].parse().ok());
    let listed = index["files"].as_array().unwrap().iter().find(|f| f["path"] == "shares.csv").expect("listed");
    assert_eq!(listed["format"], "csv");
    // A wider radius reaches more of the border; without the control layer there is no file.
    let wide = map_example(&["--share-radius-km", "50"]);
    let wide_index = read(&wide.path().join("index.json"));
    let w = wide_index["shares"]["claims"].as_array().unwrap().iter().find(|c| c["event_id"] == "afb-001").cloned();
    assert!(w.unwrap()["on_record_confirmed"].as_f64() > c["on_record_confirmed"].as_f64());
    let none = map_example(&["--layers", "timeline"]);
    assert!(!none.path().join("shares.csv").exists());
    assert!(read(&none.path().join("index.json")).get("shares").is_none());
    for bad in ["0", "-5", "501", "NaN", "inf"] {
        bordermap()
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .args(["map", EXAMPLE, "--share-radius-km", bad, "--out"])
            .arg(dir.path().join("x"))
            .assert()
            .failure()
            .stderr(predicate::str::contains("--share-radius-km must be"));
    }
}

/// `--timings` names the CPU time of each stage, per event (figures, not checked against any
/// speed: that is the benchmarks' job), and changes nothing in the output.
#[test]
fn timings_name_each_stage_and_change_no_output() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (dir.path().join("a"), dir.path().join("b"));
    let run = |out: &Path, extra: &[&str]| {
        let o = bordermap()
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .args(["map", EXAMPLE, "--by", "day", "--out"])
            .arg(out)
            .args(extra)
            .assert()
            .code(0);
        String::from_utf8_lossy(&o.get_output().stderr).to_string()
    };
    let with = run(&a, &["--timings"]);
    let line = with.lines().find(|l| l.starts_with("stages (CPU time):")).unwrap_or_else(|| panic!("{with}"));
    for stage in ["read", "locate", "build", "write", "finish"] {
        assert!(line.contains(&format!("{stage} ")) && line.contains("µs/event"), "{stage}: {line}");
    }
    assert!(line.contains("wall "), "{line}");
    let without = run(&b, &[]);
    assert!(!without.contains("stages (CPU time)"));
    for f in ["index.json", "AFG-TJK-points.geojson", "shares.csv"] {
        assert_eq!(std::fs::read(a.join(f)).unwrap(), std::fs::read(b.join(f)).unwrap(), "{f}");
    }
}
