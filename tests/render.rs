//! `bordermap render`, run as a user runs it on the example's layers: PNG and SVG compared by
//! content (size, a drawing, the legend, the colour of each event of the day at its drawn
//! place, who holds what), the same bytes twice, and clear refusals.

mod util;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use resvg::tiny_skia::Pixmap;
use serde_json::Value;

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn example_layers() -> PathBuf {
    repo().join("maps/afghan-borders-2021/layers")
}

fn render(args: &[&str], out: &Path) {
    util::bordermap().arg("render").arg(example_layers()).args(args).arg("--out").arg(out).assert().code(0);
}

/// The elements of the SVG with a `data-id`, by id: (class, cx, cy) for circles.
fn drawn(svg: &str) -> BTreeMap<String, (String, f64, f64)> {
    let attr = |tag: &str, name: &str| -> Option<String> {
        let at = tag.find(&format!(" {name}=\""))? + name.len() + 3;
        Some(tag[at..at + tag[at..].find('"')?].to_string())
    };
    svg.lines()
        .filter(|l| l.starts_with("<circle") && l.contains("data-id="))
        .filter_map(|l| {
            Some((attr(l, "data-id")?, (attr(l, "class")?, attr(l, "cx")?.parse().ok()?, attr(l, "cy")?.parse().ok()?)))
        })
        .collect()
}

/// The example's events and their layer colours, from its timeline layer.
fn colours() -> BTreeMap<String, (String, String, String)> {
    let mut out = BTreeMap::new();
    for f in ["timeline-points.geojson", "control-points.geojson"] {
        let v: Value = serde_json::from_slice(&std::fs::read(example_layers().join(f)).unwrap()).unwrap();
        for feat in v["features"].as_array().unwrap() {
            let p = &feat["properties"];
            let s = |k: &str| p[k].as_str().unwrap_or_default().to_string();
            out.insert(s("id"), (s("marker-color"), s("start"), s("until")));
        }
    }
    out
}

fn hex(c: &str) -> [u8; 3] {
    let v = u32::from_str_radix(c.trim_start_matches('#'), 16).unwrap();
    [(v >> 16) as u8, (v >> 8) as u8, v as u8]
}

fn pixel(p: &Pixmap, x: f64, y: f64) -> [u8; 3] {
    let c = p.pixel(x.round() as u32, y.round() as u32).unwrap().demultiply();
    [c.red(), c.green(), c.blue()]
}

fn close(a: [u8; 3], b: [u8; 3]) -> bool {
    a.iter().zip(b).all(|(x, y)| (i32::from(*x) - i32::from(y)).abs() <= 24)
}

#[test]
fn each_event_of_the_day_is_drawn_in_its_colour_at_its_place_and_the_legend_is_there() {
    let tmp = tempfile::tempdir().unwrap();
    for day in ["2021-07-09", "2021-10-31"] {
        let (png, svg) = (tmp.path().join(format!("{day}.png")), tmp.path().join(format!("{day}.svg")));
        render(&["--as-of", day], &png);
        render(&["--as-of", day], &svg);
        let pix = Pixmap::decode_png(&std::fs::read(&png).unwrap()).unwrap();
        assert_eq!((pix.width(), pix.height()), (1600, 1000));
        let svg = std::fs::read_to_string(&svg).unwrap();
        assert!(svg.contains(">Legend</text>") && svg.contains(&format!("as of {day}")));
        assert!(svg.contains("OpenStreetMap") && svg.contains("GeoNames"), "attribution");
        // Not a blank page: the map and panel hold thousands of drawn pixels.
        let inked = pix.pixels().iter().filter(|c| c.red() < 200 || c.green() < 200 || c.blue() < 200).count();
        assert!(inked > 20_000, "{inked} dark pixels");
        // The legend's text is drawn (dark pixels in the panel's top rows).
        let legend_ink = (1190..1590)
            .flat_map(|x| (70..130).map(move |y| (x, y)))
            .filter(|&(x, y)| pixel(&pix, x as f64, y as f64)[0] < 100)
            .count();
        assert!(legend_ink > 100, "legend text: {legend_ink} dark pixels");
        let colours = colours();
        let shown = drawn(&svg);
        let mut checked = 0;
        for (id, (colour, start, until)) in &colours {
            let active = start.as_str() <= day && day < until.as_str();
            match shown.get(id) {
                Some((class, x, y)) if class == "event" => {
                    assert!(active, "{id} drawn as of the day on {day} but active {start}..{until}");
                    assert!(
                        close(pixel(&pix, *x, *y), hex(colour)),
                        "{id} on {day}: {:?} at ({x},{y}), want {colour}",
                        pixel(&pix, *x, *y)
                    );
                    checked += 1;
                }
                Some((class, ..)) if class == "control" => assert!(active, "{id} held on {day}? {start}..{until}"),
                Some((class, ..)) => assert_eq!(class, "event earlier", "{id}: faded only when over by {day}"),
                None => {} // a line event, or one that starts later: see the next test
            }
        }
        let floor = if day == "2021-07-09" { 3 } else { 1 };
        assert!(checked >= floor, "{checked} events of {day} checked by colour");
    }
}

#[test]
fn every_point_event_active_on_the_day_is_drawn() {
    let tmp = tempfile::tempdir().unwrap();
    let svg_path = tmp.path().join("m.svg");
    render(&["--as-of", "2021-07-09"], &svg_path);
    let svg = std::fs::read_to_string(&svg_path).unwrap();
    let v: Value =
        serde_json::from_slice(&std::fs::read(example_layers().join("timeline-points.geojson")).unwrap()).unwrap();
    let shown = drawn(&svg);
    let at = svg.find("data-elsewhere=\"").unwrap() + 16;
    let elsewhere: Vec<&str> = svg[at..at + svg[at..].find('"').unwrap()].split(' ').collect();
    let mut n = 0;
    for f in v["features"].as_array().unwrap() {
        let p = &f["properties"];
        let (id, start, until) =
            (p["id"].as_str().unwrap(), p["start"].as_str().unwrap(), p["until"].as_str().unwrap());
        if start <= "2021-07-09" && "2021-07-09" < until {
            // Drawn, or named as off the map (a statement in Moscow).
            assert!(shown.get(id).map(|s| s.0.as_str()) == Some("event") || elsewhere.contains(&id), "{id}");
            n += usize::from(shown.contains_key(id));
        } else if until <= "2021-07-09" {
            assert_eq!(shown.get(id).map(|s| s.0.as_str()), Some("event earlier"), "{id}");
        } else {
            assert!(!shown.contains_key(id), "{id} starts after the day");
        }
    }
    assert!(n >= 5, "{n}");
}

#[test]
fn the_same_input_gives_the_same_bytes_and_a_border_frames_its_own() {
    let tmp = tempfile::tempdir().unwrap();
    let (a, b, c) = (tmp.path().join("a.png"), tmp.path().join("b.png"), tmp.path().join("tjk.svg"));
    render(&["--as-of", "2021-07-09", "--width", "800", "--height", "500"], &a);
    render(&["--as-of", "2021-07-09", "--width", "800", "--height", "500"], &b);
    assert_eq!(std::fs::read(&a).unwrap(), std::fs::read(&b).unwrap());
    render(&["--as-of", "2021-07-09", "--border", "AFG-TJK"], &c);
    let svg = std::fs::read_to_string(&c).unwrap();
    assert!(svg.contains("Afghanistan-Tajikistan border: as of 2021-07-09"));
    // Only the Tajik border's events: Islam Qala (Iran) is not drawn.
    assert!(!svg.contains("data-id=\"afb-002\""));
    assert!(svg.contains("Shir Khan Bandar"));
}

#[test]
fn bad_arguments_are_refused_with_a_hint_and_nothing_written() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("m.png");
    let run = |args: &[&str], dir: &Path| {
        let a = util::bordermap().arg("render").arg(dir).args(args).assert().code(2);
        String::from_utf8_lossy(&a.get_output().stderr).to_string()
    };
    let o = out.to_str().unwrap();
    let e = run(&["--as-of", "2021-07-09", "--border", "AFG-XYZ", "--out", o], &example_layers());
    assert!(e.contains("AFG-XYZ") && e.contains("AFG-TJK"), "{e}");
    let e = run(&["--as-of", "2021-07-09", "--out", tmp.path().join("m.jpg").to_str().unwrap()], &example_layers());
    assert!(e.contains(".png or .svg"), "{e}");
    let e = run(&["--as-of", "2021-07-09", "--out", o], tmp.path());
    assert!(e.contains("no index.json") && e.contains("bordermap map --out"), "{e}");
    let e = run(&["--as-of", "2021-07-09", "--width", "5", "--out", o], &example_layers());
    assert!(e.contains("200 to 8000"), "{e}");
    assert!(!out.exists());
}

#[test]
fn the_shares_panel_sets_the_claims_beside_the_record() {
    let tmp = tempfile::tempdir().unwrap();
    let svg_path = tmp.path().join("m.svg");
    render(&["--as-of", "2021-07-09", "--border", "AFG-TJK"], &svg_path);
    let svg = std::fs::read_to_string(&svg_path).unwrap();
    let rows: Vec<csv::StringRecord> =
        csv::Reader::from_path(example_layers().join("shares.csv")).unwrap().records().map(Result::unwrap).collect();
    let record = rows
        .iter()
        .find(|r| {
            &r[0] == "record"
                && &r[1] == "AFG-TJK"
                && &r[3] == "confirmed"
                && &r[4] <= "2021-07-09"
                && "2021-07-09" < &r[5]
        })
        .expect("a record row for AFG-TJK on the day");
    let pct = (record[6].parse::<f64>().unwrap() * 100.0).round();
    assert!(svg.contains(&format!("on record {pct:.0} % confirmed")), "the record's share, {pct} %");
    for r in rows.iter().filter(|r| &r[0] == "claim" && &r[1] == "AFG-TJK" && &r[4] <= "2021-07-09") {
        assert!(svg.contains(&format!("class=\"claim\" data-id=\"{}\"", &r[11])), "a tick for claim {}", &r[11]);
        let claimed = (r[6].parse::<f64>().unwrap() * 100.0).round();
        assert!(svg.contains(&format!("claimed {claimed:.0} % on {}", &r[4])), "claim {} labelled", &r[11]);
    }
    // Before the claims were made, no tick.
    render(&["--as-of", "2021-07-01", "--border", "AFG-TJK"], &svg_path);
    assert!(!std::fs::read_to_string(&svg_path).unwrap().contains("class=\"claim\""));
}
