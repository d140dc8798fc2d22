//! The page of `bordermap view` in a real browser (headless Chromium, network off): the real
//! binary writes the layers (`map … --by day`) and the page (`view`), Chromium opens it from
//! disk with hash parameters (`#as-of=…&border=…&click=LON,LAT`), and the page's state
//! (`<pre id="bordermap-state">`) is checked against the layers' GeoJSON, read here in Rust.
//!
//! Needs `chromium` (Debian package `chromium`; `BORDERMAP_CHROMIUM` names another binary).
//! Without it the tests are skipped, except with `CI=true`, where that is a failure.
//!
//! `BORDERMAP_WRITE_SCREENSHOT=1 cargo test --test view screenshots` (or
//! `tests/browser/view-screenshots.sh`) rewrites `docs/img/view-2021-07-09.png` and
//! `docs/img/view-2021-10-31.png`.

mod util;

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use std::time::Duration;

use serde_json::Value;
use util::chromium::{self, WINDOW, file_url};

/// How long one Chromium run may take before it is killed and the test fails.
const TIMEOUT: Duration = Duration::from_secs(60);
/// Virtual time Chromium lets the page run (drawing is synchronous, at load).
const BUDGET_MS: u32 = 3000;
/// Islam Qala, the Iranian crossing.
const ISLAM_QALA: [f64; 2] = [61.06667, 34.66667];

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The example's layers and page, made once per test binary with the real binary:
/// `map maps/afghan-borders-2021/events.csv --out TMP/afghan-borders-2021/layers --by day`,
/// then `view` of that folder `--out` its `view.html`.
fn example() -> &'static Path {
    static DIR: OnceLock<(tempfile::TempDir, PathBuf)> = OnceLock::new();
    &DIR.get_or_init(|| {
        let tmp = tempfile::tempdir().unwrap();
        // Named as the example is, so that the page's title is the example's.
        let out = tmp.path().join("afghan-borders-2021/layers");
        util::bordermap()
            .current_dir(repo())
            .args(["map", "maps/afghan-borders-2021/events.csv", "--out"])
            .arg(&out)
            .args(["--by", "day"])
            .assert()
            .code(0);
        view(&out);
        (tmp, out)
    })
    .1
}

/// Writes `DIR/view.html` with the real binary; returns its path.
fn view(dir: &Path) -> PathBuf {
    let page = dir.join("view.html");
    util::bordermap().arg("view").arg(dir).arg("--out").arg(&page).assert().code(0);
    page
}

/// A copy of the example's layers folder (its files, not `by-day/`), in `tmp`.
fn copy_layers(tmp: &Path) -> PathBuf {
    let out = tmp.join("layers");
    std::fs::create_dir_all(&out).unwrap();
    for entry in std::fs::read_dir(example()).unwrap() {
        let entry = entry.unwrap();
        if entry.file_type().unwrap().is_file() {
            std::fs::copy(entry.path(), out.join(entry.file_name())).unwrap();
        }
    }
    out
}

fn read_json(path: &Path) -> Value {
    let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_slice(&bytes).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn features(path: &Path) -> Vec<Value> {
    read_json(path)["features"].as_array().unwrap_or_else(|| panic!("{}: no features", path.display())).clone()
}

fn unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&nbsp;", "\u{a0}")
        .replace("&amp;", "&")
}

/// The page opened with `hash` (`as-of=…&…`), its DOM dumped; the state parsed and checked to
/// have no error, no resource loaded and no console line.
fn open(bin: &Path, page: &Path, hash: &str) -> (Value, String) {
    let run = chromium::run(bin, &["--dump-dom".to_string(), format!("{}#{hash}", file_url(page))], BUDGET_MS, TIMEOUT);
    let dom = run.stdout;
    let open = "<pre id=\"bordermap-state\" hidden=\"\">";
    let start = dom.find(open).unwrap_or_else(|| panic!("no state in the page:\n{dom}")) + open.len();
    let end = start + dom[start..].find("</pre>").expect("</pre>");
    let text = unescape(&dom[start..end]);
    let state: Value =
        serde_json::from_str(&text).unwrap_or_else(|e| panic!("the page's state is no JSON ({e}):\n{text}"));
    assert_eq!(state["errors"], serde_json::json!([]), "errors in the page ({hash})");
    assert_eq!(state["resources"], 0, "resources loaded by the page ({hash})");
    let console: Vec<&str> = run.stderr.lines().filter(|l| l.contains("CONSOLE")).collect();
    assert!(console.is_empty(), "console lines of the page ({hash}):\n{}", console.join("\n"));
    println!("{hash}: chromium {:.1} s; page timing (ms) {}", run.took.as_secs_f64(), state["timing"]);
    (state, dom)
}

/// The markup of the element with `id` up to the first `end` after it (its DOM, not the script).
fn part<'a>(dom: &'a str, id: &str, end: &str) -> &'a str {
    let start = dom.find(&format!("id=\"{id}\"")).unwrap_or_else(|| panic!("no #{id} in the page"));
    let rest = &dom[start..];
    &rest[..rest.find(end).unwrap_or_else(|| panic!("no {end} after #{id}"))]
}

fn strings(v: &Value) -> Vec<String> {
    v.as_array().expect("an array").iter().map(|s| s.as_str().expect("a string").to_string()).collect()
}

/// An event of the layers, as the test reads it (not as the page does).
#[derive(Debug, Clone)]
struct Event {
    start: String,
    until: String,
    status: String,
    point: Option<[f64; 2]>,
    /// The border layers it is in (empty: the interior layer).
    borders: BTreeSet<String>,
    claimed_by: String,
    disputed_by: String,
}

/// Every event of the timeline (`timeline-*.geojson`: each event once), with the border layers
/// it is in (from `index.json`: the top-level events files of each border's group).
fn events(dir: &Path) -> BTreeMap<String, Event> {
    let mut out = BTreeMap::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let name = entry.unwrap().file_name().to_string_lossy().to_string();
        if !(name.starts_with("timeline-") && name.ends_with(".geojson")) {
            continue;
        }
        for f in features(&dir.join(&name)) {
            let p = &f["properties"];
            let s = |k: &str| p[k].as_str().unwrap_or("").to_string();
            let point = (f["geometry"]["type"] == "Point").then(|| {
                let c = &f["geometry"]["coordinates"];
                [c[0].as_f64().unwrap(), c[1].as_f64().unwrap()]
            });
            let e = Event {
                start: s("start"),
                until: s("until"),
                status: s("claim_status"),
                point,
                borders: BTreeSet::new(),
                claimed_by: s("claimed_by"),
                disputed_by: s("disputed_by"),
            };
            assert!(out.insert(s("id"), e).is_none(), "{} twice in the timeline", s("id"));
        }
    }
    assert!(!out.is_empty(), "no timeline-*.geojson in {}", dir.display());
    let index = read_json(&dir.join("index.json"));
    for f in index["files"].as_array().unwrap() {
        let group = f["group"].as_str().unwrap_or("");
        if f["kind"] != "events" || f["format"] != "geojson" || !f["period"].is_null() {
            continue;
        }
        if group == "timeline" || group == "interior" {
            continue;
        }
        for feat in features(&dir.join(f["path"].as_str().unwrap())) {
            let id = feat["properties"]["id"].as_str().unwrap();
            out.get_mut(id)
                .unwrap_or_else(|| panic!("{id} of {group} not in the timeline"))
                .borders
                .insert(group.into());
        }
    }
    out
}

fn active(e: &Event, day: &str) -> bool {
    e.start.as_str() <= day && day < e.until.as_str()
}

/// The control intervals held on `day` (`control-points.geojson`), with their status and border.
fn control_held(dir: &Path, day: &str) -> BTreeMap<String, (String, String)> {
    features(&dir.join("control-points.geojson"))
        .iter()
        .map(|f| &f["properties"])
        .filter(|p| p["start"].as_str().unwrap() <= day && day < p["until"].as_str().unwrap())
        .map(|p| {
            let s = |k: &str| p[k].as_str().unwrap_or("").to_string();
            (s("id"), (s("claim_status"), s("border")))
        })
        .collect()
}

#[test]
fn the_page_shows_the_events_and_control_of_the_day() {
    let Some(bin) = chromium::find("the view page check") else { return };
    let dir = example();
    let all = events(dir);
    for day in ["2021-07-09", "2021-10-31"] {
        let (state, dom) = open(&bin, &dir.join("view.html"), &format!("as-of={day}"));
        assert_eq!(state["asOf"], day);
        let expected: Vec<String> = all.iter().filter(|(_, e)| active(e, day)).map(|(id, _)| id.clone()).collect();
        assert!(!expected.is_empty(), "no event active on {day}: a poor check");
        assert_eq!(strings(&state["shown"]["events"]), expected, "events shown on {day}");
        let held: Vec<String> = control_held(dir, day).into_keys().collect();
        assert!(!held.is_empty(), "nothing held on {day}");
        assert_eq!(strings(&state["shown"]["control"]), held, "control intervals shown on {day}");
        assert!(
            part(&dom, "counts", "</span>").contains(&format!("{} of {} events shown", expected.len(), all.len())),
            "the counts on {day}"
        );
        assert!(part(&dom, "title", "</h1>").contains("afghan-borders-2021"), "the title");
        assert!(part(&dom, "generator", "</span>").contains("bordermap"), "the generator");
        // The chart of the example's shares.csv, for AFG-TJK (the default): its record rows and
        // its claims, each labelled with who made it.
        let rows: Vec<csv::StringRecord> =
            csv::Reader::from_path(dir.join("shares.csv")).unwrap().records().map(Result::unwrap).collect();
        let count = |kind: &str| rows.iter().filter(|r| &r[0] == kind && &r[1] == "AFG-TJK").count();
        assert!(count("claim") >= 2, "a poor check: the example's Tajik claims are gone");
        assert_eq!(state["chart"]["border"], "AFG-TJK");
        assert_eq!(state["chart"]["records"], count("record"));
        assert_eq!(state["chart"]["claims"], count("claim"));
        assert!(part(&dom, "chart-body", "</section>").contains("Russian Foreign Ministry"), "a claim and who made it");
        assert!(
            part(&dom, "attribution", "</div>").contains("Borders: © OpenStreetMap contributors"),
            "the attribution"
        );
    }
}

#[test]
fn the_page_of_the_example_is_small_and_self_contained() {
    let page = example().join("view.html");
    let html = std::fs::read_to_string(&page).unwrap();
    println!("the example's page: {} bytes", html.len());
    assert!(html.len() < 1_000_000, "{} bytes", html.len());
    for banned in ["<link", "<img", "<iframe", " src=", "url(", "@import", "fetch(", "XMLHttpRequest"] {
        // The scene's JSON is escaped (no `<`), so markup and code can only be the page's own.
        assert!(!html.contains(banned), "the page holds {banned:?}");
    }
}

#[test]
fn a_border_and_status_filter_shows_that_subset() {
    let Some(bin) = chromium::find("the view filter check") else { return };
    let dir = example();
    let day = "2021-07-09";
    let (state, _) = open(&bin, &dir.join("view.html"), &format!("as-of={day}&border=AFG-TJK&status=claimed"));
    assert_eq!(strings(&state["filters"]["border"]), ["AFG-TJK"]);
    assert_eq!(strings(&state["filters"]["status"]), ["claimed"]);
    let all = events(dir);
    let on_layers: Vec<String> = all
        .iter()
        .filter(|(_, e)| active(e, day) && e.status == "claimed" && e.borders.contains("AFG-TJK"))
        .map(|(id, _)| id.clone())
        .collect();
    assert!(!on_layers.is_empty(), "a poor check: nothing claimed on AFG-TJK on {day}");
    // An interior event is on no border (not on its nearest one, AFG-TJK for Moscow).
    assert_eq!(strings(&state["shown"]["events"]), on_layers, "events on AFG-TJK claimed on {day}");
    let held: Vec<String> = control_held(dir, day)
        .into_iter()
        .filter(|(_, (status, border))| status == "claimed" && border == "AFG-TJK")
        .map(|(id, _)| id)
        .collect();
    assert_eq!(strings(&state["shown"]["control"]), held, "control on AFG-TJK, claimed");
}

#[test]
fn a_click_at_islam_qala_lists_what_is_there() {
    let Some(bin) = chromium::find("the view click check") else { return };
    let dir = example();
    let day = "2021-07-09";
    let hash = format!("as-of={day}&click={},{}", ISLAM_QALA[0], ISLAM_QALA[1]);
    let (state, dom) = open(&bin, &dir.join("view.html"), &hash);
    let all = events(dir);
    let selected: BTreeSet<String> = strings(&state["selected"]).into_iter().collect();
    let here: Vec<&String> = all
        .iter()
        .filter(|(_, e)| {
            active(e, day) && e.point.is_some_and(|p| (p[0] - ISLAM_QALA[0]).hypot(p[1] - ISLAM_QALA[1]) < 1e-4)
        })
        .map(|(id, _)| id)
        .collect();
    assert!(here.len() >= 2, "events at Islam Qala on {day}: {here:?}");
    for id in &here {
        assert!(selected.contains(*id), "{id} at Islam Qala not selected: {selected:?}");
    }
    for id in &selected {
        if let Some(e) = all.get(id) {
            assert!(active(e, day), "{id} selected but not active on {day}");
            // Anything else selected is a line passing within 8 px (a claim along the border).
            assert!(here.contains(&id) || e.point.is_none(), "{id} selected, neither at Islam Qala nor a line");
        } else {
            assert!(control_held(dir, day).contains_key(id), "{id} selected: no event, no interval held");
        }
    }
    assert!(selected.contains("control-afb-002"), "the Taliban's hold of Islam Qala: {selected:?}");
    // The panel lists each with who claimed and who disputed it.
    let panel = unescape(part(&dom, "selection", "</aside>"));
    for id in &here {
        let e = &all[*id];
        assert!(panel.contains(&format!("data-id=\"{id}\"")), "{id} not in the panel");
        for text in [&e.claimed_by, &e.disputed_by] {
            assert!(panel.contains(text.as_str()), "{id}: {text:?} not in the panel");
        }
    }
    assert!(all["afb-002"].disputed_by.contains("Iran"), "the example's disputed capture");
}

/// Play: one day per 100 ms (Chromium's virtual time runs 3 s), stopping at the last day.
#[test]
fn play_runs_to_the_last_day_and_stops() {
    let Some(bin) = chromium::find("the view play check") else { return };
    let dir = example();
    let (state, _) = open(&bin, &dir.join("view.html"), "as-of=2021-10-25&play=1");
    assert_eq!(state["asOf"], "2021-10-31", "played to the end");
    assert_eq!(state["playing"], false, "stopped at the end");
    let held: Vec<String> = control_held(dir, "2021-10-31").into_keys().collect();
    assert_eq!(strings(&state["shown"]["control"]), held, "the state of the last day");
}

/// An event whose quote, title and link are markup or script: shown as text, never run.
#[test]
fn hostile_data_is_shown_as_text() {
    let Some(bin) = chromium::find("the view hostile-data check") else { return };
    let tmp = tempfile::tempdir().unwrap();
    let dir = copy_layers(tmp.path());
    let quote = "<img src=x onerror=alert(1)>";
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "geojson") {
            continue;
        }
        let mut fc = read_json(&path);
        let mut changed = false;
        for f in fc["features"].as_array_mut().unwrap() {
            let p = &mut f["properties"];
            if p["id"] == "afb-002" {
                p["quote"] = quote.into();
                p["notes"] = "<script>alert(2)</script><b>bold</b>".into();
                p["url"] = "javascript:alert(3) | https://example.org/a?b=1&c=2".into();
                p["claimed_by"] = "<svg onload=alert(4)>".into();
                changed = true;
            }
        }
        if changed {
            std::fs::write(&path, serde_json::to_vec(&fc).unwrap()).unwrap();
        }
    }
    let page = view(&dir);
    let hash = format!("as-of=2021-07-09&click={},{}", ISLAM_QALA[0], ISLAM_QALA[1]);
    let (state, dom) = open(&bin, &page, &hash);
    assert!(strings(&state["selected"]).contains(&"afb-002".to_string()), "{}", state["selected"]);
    let body = &dom[dom.find("<body").unwrap()..dom.find("id=\"bordermap-data\"").unwrap()];
    for element in ["<img", "<b>", "<svg onload", "<script>alert"] {
        assert!(!body.contains(element), "an element {element:?} made from the data");
    }
    assert!(body.contains("&lt;img src=x onerror=alert(1)&gt;"), "the quote as text");
    assert!(body.contains("&lt;svg onload=alert(4)&gt;"), "claimed_by as text");
    assert!(!body.contains("href=\"javascript:"), "a javascript: link");
    assert!(body.contains("href=\"https://example.org/a?b=1&amp;c=2\""), "the web link");
    assert!(body.contains("rel=\"noopener noreferrer\"") && body.contains("target=\"_blank\""));
}

/// The chart from a hand-made shares table (`tests/data/view/shares-hand-made.csv`): the
/// record's steps and the claims as dots, for AFG-TJK and for `all`.
#[test]
fn without_a_shares_table_the_chart_says_so() {
    let Some(bin) = chromium::find("the view empty chart check") else { return };
    let tmp = tempfile::tempdir().unwrap();
    let dir = copy_layers(tmp.path());
    std::fs::remove_file(dir.join("shares.csv")).unwrap();
    let (state, dom) = open(&bin, &view(&dir), "as-of=2021-07-09");
    assert!(part(&dom, "chart-body", "</section>").contains("no shares table in this folder"), "the empty chart");
    assert_eq!(state["chart"]["records"], 0);
}

#[test]
fn the_chart_draws_a_shares_table() {
    let Some(bin) = chromium::find("the view chart check") else { return };
    let tmp = tempfile::tempdir().unwrap();
    let dir = copy_layers(tmp.path());
    std::fs::copy(repo().join("tests/data/view/shares-hand-made.csv"), dir.join("shares.csv")).unwrap();
    let page = view(&dir);
    let (state, dom) = open(&bin, &page, "as-of=2021-07-09");
    assert_eq!(state["chart"]["border"], "AFG-TJK", "the default border");
    assert_eq!(state["chart"]["records"], 4);
    assert_eq!(state["chart"]["claims"], 2);
    let chart = part(&dom, "chart-body", "</section>");
    assert_eq!(chart.matches("class=\"claim\"").count(), 2, "two claim dots");
    assert_eq!(chart.matches("class=\"record\"").count(), 2, "a step line per actor and basis");
    assert!(chart.contains("stroke-dasharray=\"6 4\""), "confirmed or claimed: dashed");
    assert!(chart.contains("Russian Foreign Ministry 67 %"), "a claim labelled with who claimed it");
    assert!(chart.contains("class=\"as-of\""), "the slider's date");
    assert!(!chart.contains("<b>"), "a quote's markup as text");
    assert!(!chart.contains("no shares table"), "the chart is drawn");
}

/// Screenshots for the docs (always taken and checked; written with
/// `BORDERMAP_WRITE_SCREENSHOT=1`): 2021-07-09 with a click at Islam Qala, and 2021-10-31.
#[test]
fn screenshots() {
    let Some(bin) = chromium::find("the view screenshots") else { return };
    let page = example().join("view.html");
    let shots = [
        ("view-2021-07-09.png", format!("as-of=2021-07-09&click={},{}", ISLAM_QALA[0], ISLAM_QALA[1])),
        ("view-2021-10-31.png", "as-of=2021-10-31&earlier=1".to_string()),
    ];
    for (name, hash) in shots {
        let tmp = tempfile::tempdir().unwrap();
        let png = tmp.path().join(name);
        let url = format!("{}#{hash}", file_url(&page));
        chromium::run(&bin, &[format!("--screenshot={}", png.display()), url], BUDGET_MS, TIMEOUT);
        let bytes = std::fs::read(&png).unwrap_or_else(|e| panic!("no screenshot: {e}"));
        assert_eq!(&bytes[..8], b"\x89PNG\r\n\x1a\n", "a PNG");
        let (w, h) = (
            u32::from_be_bytes(bytes[16..20].try_into().unwrap()),
            u32::from_be_bytes(bytes[20..24].try_into().unwrap()),
        );
        assert_eq!(format!("{w},{h}"), WINDOW, "the screenshot's size");
        assert!(bytes.len() > 30_000, "a screenshot of {} bytes: a blank page?", bytes.len());
        assert!(bytes.len() < 400_000, "the screenshot is {} bytes: keep it under 400 KB", bytes.len());
        if std::env::var_os("BORDERMAP_WRITE_SCREENSHOT").is_some() {
            let out = repo().join("docs/img").join(name);
            std::fs::create_dir_all(out.parent().unwrap()).unwrap();
            std::fs::write(&out, &bytes).unwrap();
            println!("wrote {} ({} KB)", out.display(), bytes.len() / 1024);
        }
    }
}
