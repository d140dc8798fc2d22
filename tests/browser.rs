//! In a real browser (headless Chromium): the top-level GeoJSON layers drawn the way
//! geojson.io draws them (simplestyle-spec markers and lines, a popup with the properties as a
//! table; `borders` at the bottom, then `*-lines`, `*-points`, and `places-*` on top), and
//! every event of the example reachable with a click: on its own feature, or on a feature on
//! top of it whose popup lists it (a place summary's `event_ids`).
//!
//! The page and its script are `tests/browser/view.html` and `view.js`, with Leaflet vendored
//! under `tests/browser/vendor/leaflet/`; this test writes the layers into a `data.js` next to
//! the output (Chromium does not `fetch` file:// URLs, but loads scripts from them) and reads
//! the page's verdict back from `chromium --dump-dom`. No network.
//!
//! Needs `chromium` (Debian package `chromium`; `BORDERMAP_CHROMIUM` names another binary).
//! Without it the tests are skipped, except with `CI=true`, where that is a failure.
//!
//! `BORDERMAP_WRITE_SCREENSHOT=1 cargo test --test browser screenshot` (or
//! `tests/browser/screenshot.sh`) rewrites `docs/img/geojson-view.png`.

mod util;

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use serde_json::{Value, json};
use util::chromium::{self, WINDOW, file_url};

/// How long one Chromium run may take before it is killed and the test fails.
const TIMEOUT: Duration = Duration::from_secs(30);
/// Virtual time Chromium lets the page run (drawing and the check are synchronous, after load).
const BUDGET_MS: u32 = 5000;

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The layers folder the page draws: the real binary's output for the example,
/// `map maps/afghan-borders-2021/events.csv --out TMP --by day`.
///
/// `BORDERMAP_BROWSER_LAYERS=DIR` checks another layers folder instead.
fn layers(tmp: &Path) -> PathBuf {
    if let Some(dir) = std::env::var_os("BORDERMAP_BROWSER_LAYERS") {
        return dir.into();
    }
    let out = tmp.join("layers");
    util::bordermap()
        .current_dir(repo())
        .args(["map", "maps/afghan-borders-2021/events.csv", "--out"])
        .arg(&out)
        .args(["--by", "day"])
        .assert()
        .code(0);
    out
}

fn read_json(path: &Path) -> Value {
    let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_slice(&bytes).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The index entries of the top-level GeoJSON files (`format` geojson, `period` null).
fn top_level(dir: &Path) -> Vec<Value> {
    let index = read_json(&dir.join("index.json"));
    let files = index["files"].as_array().expect("index.json has files");
    let top: Vec<Value> = files.iter().filter(|f| f["format"] == "geojson" && f["period"].is_null()).cloned().collect();
    assert!(!top.is_empty(), "no top-level GeoJSON file in {}", dir.join("index.json").display());
    top
}

/// Writes `data.js` (every top-level GeoJSON layer, with its index entry) into `tmp`. Each
/// file goes in as written, so that its properties keep their order in the popups.
fn write_data(dir: &Path, entries: &[Value], tmp: &Path) -> PathBuf {
    let mut js = String::from("bordermapView([\n");
    for (i, e) in entries.iter().enumerate() {
        let path = dir.join(e["path"].as_str().expect("path"));
        let raw = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        serde_json::from_str::<Value>(&raw).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let entry = serde_json::to_string(e).unwrap();
        let entry = entry.strip_suffix('}').expect("an object");
        js.push_str(&format!("{}{entry},\"data\":{raw}}}\n", if i == 0 { "" } else { "," }));
    }
    js.push_str("]);\n");
    let out = tmp.join("data.js");
    std::fs::write(&out, js).unwrap();
    out
}

/// The page's URL, drawing `data.js`.
fn page_url(data_js: &Path, extra: &str) -> String {
    let data = file_url(data_js).replace('%', "%25").replace('&', "%26");
    format!("{}?data={data}{extra}", file_url(&repo().join("tests/browser/view.html")))
}

/// The page's verdict: the JSON in `<pre id="result">` of the dumped DOM.
fn result_of(dom: &str) -> Value {
    let open = "<pre id=\"result\">";
    let start = dom.rfind(open).unwrap_or_else(|| panic!("no result in the page:\n{dom}")) + open.len();
    let end = start + dom[start..].find("</pre>").expect("</pre>");
    let text = dom[start..end]
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&nbsp;", "\u{a0}")
        .replace("&amp;", "&");
    let v: Value =
        serde_json::from_str(&text).unwrap_or_else(|e| panic!("the page's result is no JSON ({e}):\n{text}"));
    assert!(v.get("error").is_none(), "the page failed: {}", v["error"]);
    v
}

fn strings(v: &Value) -> BTreeSet<String> {
    v.as_array().expect("an array").iter().map(|s| s.as_str().expect("a string").to_string()).collect()
}

/// Event ids per top-level events layer, read here (not by the page).
fn event_ids(dir: &Path, entries: &[Value]) -> BTreeMap<String, Vec<String>> {
    let mut out = BTreeMap::new();
    for e in entries.iter().filter(|e| e["kind"] == "events") {
        let fc = read_json(&dir.join(e["path"].as_str().unwrap()));
        let ids = fc["features"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["properties"]["id"].as_str().expect("an event has an id").to_string())
            .collect();
        out.insert(e["layer"].as_str().unwrap().to_string(), ids);
    }
    out
}

/// Bottom to top, as geojson.io would be given them: borders, lines, points, places.
fn rank(e: &Value) -> u8 {
    match (e["kind"].as_str(), e["geometry"].as_str()) {
        (Some("border"), _) => 0,
        (Some("places"), Some("points")) => 4,
        (Some("places"), _) => 3,
        (_, Some("points")) => 2,
        _ => 1,
    }
}

#[test]
fn every_event_is_reachable_with_a_click() {
    let Some(bin) = chromium::find("the browser reachability check") else { return };
    let tmp = tempfile::tempdir().unwrap();
    let dir = layers(tmp.path());
    let entries = top_level(&dir);
    let data = write_data(&dir, &entries, tmp.path());
    let started = Instant::now();
    let dom = chromium::run(&bin, &["--dump-dom".to_string(), page_url(&data, "")], BUDGET_MS, TIMEOUT).stdout;
    let took = started.elapsed();
    let r = result_of(&dom);

    // Drawn: every top-level GeoJSON layer, in geojson.io order, every feature.
    assert_eq!(r["leaflet"], "1.9.4");
    let mut order: Vec<&Value> = entries.iter().collect();
    order.sort_by_key(|e| rank(e)); // stable: index order within a rank
    let expected: Vec<&str> = order.iter().map(|e| e["layer"].as_str().unwrap()).collect();
    let drawn: Vec<&str> = r["layers"].as_array().unwrap().iter().map(|l| l.as_str().unwrap()).collect();
    assert_eq!(drawn, expected, "layers drawn, bottom to top");
    let features: u64 = entries.iter().map(|e| e["features"].as_u64().expect("features")).sum();
    assert_eq!(r["features"], features, "features drawn");
    let by_layer = event_ids(&dir, &entries);
    let all: BTreeSet<String> = by_layer.values().flatten().cloned().collect();
    assert!(!all.is_empty(), "no events in the layers");
    assert_eq!(strings(&r["event_ids"]), all, "the event ids the page drew");

    // Every click opened the popup of the feature on top where it was made.
    assert_eq!(r["problems"], json!([]), "clicks that did not open the clicked feature's popup");
    // A place summary lists only events of the layers.
    let listed = strings(&r["places_event_ids"]);
    let strays: Vec<&String> = listed.difference(&all).collect();
    assert!(strays.is_empty(), "place summaries list ids that are no event of the layers: {strays:?}");

    let reached = strings(&r["reached"]);
    let only_via_places = strings(&r["only_via_places"]);
    let taken = r["taken"].as_array().unwrap();
    println!(
        "chromium: {:.1} s; {} features in {} layers, {} clicks; {} of {} events reached, \
         {} of them only through a place summary (buried under other features): {}",
        took.as_secs_f64(),
        r["features"],
        drawn.len(),
        r["clicks"],
        all.intersection(&reached).count(),
        all.len(),
        only_via_places.len(),
        only_via_places.iter().cloned().collect::<Vec<_>>().join(", ")
    );
    println!(
        "{} features reached with a click on themselves, {} covered (their click taken by another):",
        r["features_reached_themselves"],
        taken.len()
    );
    for t in taken {
        println!(
            "  {} <- {}",
            t["feature"].as_str().unwrap(),
            strings(&t["by"]).into_iter().collect::<Vec<_>>().join(", ")
        );
    }
    for u in r["unreached"].as_array().unwrap() {
        println!("  {} never clicked: {} at its points", u["feature"], u["found"]);
    }

    let missing: Vec<&String> = all.difference(&reached).collect();
    if !missing.is_empty() {
        let mut why = String::new();
        for id in &missing {
            for t in taken.iter().chain(r["unreached"].as_array().unwrap()) {
                let f = t["feature"].as_str().unwrap();
                if f.ends_with(&format!(":{id}")) {
                    why.push_str(&format!("\n  {f}: covered by {}", t.get("by").unwrap_or(&t["found"])));
                }
            }
        }
        panic!(
            "{} of {} events cannot be reached with a click in the geojson.io view: {missing:?}{why}",
            missing.len(),
            all.len()
        );
    }
}

/// The screenshot for the docs: the same page, the map fitted to the data, the popup of the
/// busiest place open. Always taken (and checked to be a PNG of the window's size); written
/// to `docs/img/geojson-view.png` with `BORDERMAP_WRITE_SCREENSHOT=1`.
#[test]
fn screenshot() {
    let Some(bin) = chromium::find("the screenshot") else { return };
    let tmp = tempfile::tempdir().unwrap();
    let dir = layers(tmp.path());
    let entries = top_level(&dir);
    let data = write_data(&dir, &entries, tmp.path());
    let png = tmp.path().join("geojson-view.png");
    chromium::run(&bin, &[format!("--screenshot={}", png.display()), page_url(&data, "&shot=1")], BUDGET_MS, TIMEOUT);
    let bytes = std::fs::read(&png).unwrap_or_else(|e| panic!("no screenshot: {e}"));
    assert_eq!(&bytes[..8], b"\x89PNG\r\n\x1a\n", "a PNG");
    let (w, h) =
        (u32::from_be_bytes(bytes[16..20].try_into().unwrap()), u32::from_be_bytes(bytes[20..24].try_into().unwrap()));
    assert_eq!(format!("{w},{h}"), WINDOW, "the screenshot's size");
    assert!(bytes.len() > 20_000, "a screenshot of {} bytes: a blank page?", bytes.len());
    assert!(bytes.len() < 300_000, "the screenshot is {} bytes: keep it under 300 KB", bytes.len());
    if std::env::var_os("BORDERMAP_WRITE_SCREENSHOT").is_some() {
        let out = repo().join("docs/img/geojson-view.png");
        std::fs::create_dir_all(out.parent().unwrap()).unwrap();
        std::fs::write(&out, &bytes).unwrap();
        println!("wrote {} ({} KB)", out.display(), bytes.len() / 1024);
    }
}
