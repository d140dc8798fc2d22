//! `bordermap view`: a layers folder as one self-contained HTML page that works offline (from
//! a USB stick, with no network): the scene ([`crate::scene`]) embedded as JSON, and the
//! page's own script and style inlined. No library, no CDN, no tile server.
//!
//! The page (`page.html`, `page.css` and the scripts beside this file: `errors.js`,
//! `unpack.js`, `util.js`, `panel.js`, `chart.js`, `page.js`) draws on a canvas, so a map
//! of many events stays usable; its state is exposed for tests as `window.bordermapState`
//! and in `#bordermap-state`.

use std::collections::HashMap;

use serde_json::{Value, json};

use serde::Serialize;

use crate::scene::{Position, Scene, SceneControl, SceneEvent, Shape};

const PAGE: &str = include_str!("page.html");
/// The page's script, in the order it runs: errors kept first, the scene unpacked, helpers, the
/// side panel's cards, the chart, then the map and its controls.
const SCRIPTS: [&str; 6] = [
    include_str!("errors.js"),
    include_str!("unpack.js"),
    include_str!("util.js"),
    include_str!("panel.js"),
    include_str!("chart.js"),
    include_str!("page.js"),
];
const STYLE: &str = include_str!("page.css");

/// The marker in `page.html` the scene's JSON replaces.
const DATA_MARK: &str = "/*BORDERMAP-DATA*/";
/// The marker the script replaces.
const SCRIPT_MARK: &str = "/*BORDERMAP-SCRIPT*/";
/// The marker the style replaces.
const STYLE_MARK: &str = "/*BORDERMAP-STYLE*/";
/// The marker the page's title replaces.
const TITLE_MARK: &str = "BORDERMAP-TITLE";

/// The page for `scene`, as HTML text. The same scene gives the same bytes.
pub fn page(scene: &Scene) -> String {
    let data = script_safe(&serde_json::to_string(&Packed::new(scene)).expect("a scene serialises"));
    let title = html_escape(&format!("{} — bordermap", scene.title));
    // One pass over the template, so that nothing inserted is searched again for a marker.
    let script = SCRIPTS.join("\n");
    let mut out = String::with_capacity(PAGE.len() + data.len() + script.len() + STYLE.len());
    let mut rest = PAGE;
    while let Some((at, mark)) =
        [DATA_MARK, SCRIPT_MARK, STYLE_MARK, TITLE_MARK].iter().filter_map(|m| rest.find(m).map(|i| (i, *m))).min()
    {
        out.push_str(&rest[..at]);
        out.push_str(match mark {
            DATA_MARK => &data,
            SCRIPT_MARK => &script,
            STYLE_MARK => STYLE,
            _ => &title,
        });
        rest = &rest[at + mark.len()..];
    }
    out.push_str(rest);
    out
}

/// The scene as the page carries it: events and control intervals as rows of values in a
/// fixed field order (`fields`), every text once in `strings` (a row holds its index), and a
/// line that is a border's own line as that line's number among the borders' lines (in order)
/// instead of its positions. `page.js` (`unpack`) rebuilds the scene's objects. This keeps the
/// page to about a third of the plain JSON: field names, repeated actors, sources and dates, and
/// the border lines of claims over a whole border are not repeated. It is serialised as it
/// goes, a row at a time, so a page of 100,000 events needs little more than the scene itself.
struct Packed<'a> {
    scene: &'a Scene,
    strings: Strings<'a>,
    line_number: HashMap<Vec<u64>, usize>,
}

fn line_key(l: &[Position]) -> Vec<u64> {
    l.iter().flat_map(|p| [p[0].to_bits(), p[1].to_bits()]).collect()
}

impl<'a> Packed<'a> {
    fn new(scene: &'a Scene) -> Self {
        let mut strings = Strings::default();
        for e in &scene.events {
            event_texts(e).into_iter().chain(e.borders.iter().map(String::as_str)).for_each(|t| {
                strings.index(t);
            });
        }
        for c in &scene.control {
            control_texts(c).into_iter().for_each(|t| {
                strings.index(t);
            });
        }
        let line_number =
            scene.borders.iter().flat_map(|b| &b.lines).enumerate().map(|(i, l)| (line_key(l), i)).collect();
        Packed { scene, strings, line_number }
    }

    fn shape(&self, s: &'a Shape) -> Value {
        match s {
            Shape::Point(p) => json!(p),
            Shape::Lines(parts) => json!({ "l": parts
                .iter()
                .map(|l| self.line_number.get(&line_key(l)).map_or_else(|| json!(l), |&i| json!(i)))
                .collect::<Vec<_>>() }),
        }
    }

    fn event_row(&self, e: &'a SceneEvent) -> Vec<Value> {
        let mut row: Vec<Value> = event_texts(e).into_iter().map(|t| json!(self.strings.get(t))).collect();
        row.push(Value::Array(e.borders.iter().map(|b| json!(self.strings.get(b))).collect()));
        row.push(self.shape(&e.shape));
        row
    }

    fn control_row(&self, c: &'a SceneControl) -> Vec<Value> {
        let mut row: Vec<Value> = control_texts(c).into_iter().map(|t| json!(self.strings.get(t))).collect();
        row.push(json!(c.ongoing));
        row.push(self.shape(&c.shape));
        row
    }
}

/// The texts of an event row, in [`EVENT_FIELDS`] order.
fn event_texts(e: &SceneEvent) -> [&str; 20] {
    [
        &e.id,
        &e.event_type,
        &e.claim_status,
        &e.actor,
        &e.actor2,
        &e.start,
        &e.end,
        &e.until,
        &e.precision,
        &e.place_name,
        &e.title,
        &e.claimed_by,
        &e.disputed_by,
        &e.share,
        &e.source,
        &e.url,
        &e.citation,
        &e.quote,
        &e.notes,
        &e.color,
    ]
}

/// The texts of a control row, in [`CONTROL_FIELDS`] order.
fn control_texts(c: &SceneControl) -> [&str; 12] {
    [
        &c.id,
        &c.place_name,
        &c.actor,
        &c.claim_status,
        &c.start,
        &c.until,
        &c.claimed_by,
        &c.disputed_by,
        &c.started_by,
        &c.ended_by,
        &c.border,
        &c.color,
    ]
}

/// Rows serialised one at a time.
struct Rows<I>(std::cell::RefCell<Option<I>>);

impl<I: Iterator<Item = Vec<Value>>> Serialize for Rows<I> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let rows = self.0.borrow_mut().take().expect("rows are serialised once");
        s.collect_seq(rows)
    }
}

impl Serialize for Packed<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let sc = self.scene;
        let mut m = s.serialize_map(None)?;
        m.serialize_entry("title", &sc.title)?;
        m.serialize_entry("generator", &sc.generator)?;
        m.serialize_entry("first", &sc.first)?;
        m.serialize_entry("last", &sc.last)?;
        m.serialize_entry("bbox", &sc.bbox)?;
        m.serialize_entry("borders", &sc.borders)?;
        let events = Rows(std::cell::RefCell::new(Some(sc.events.iter().map(|e| self.event_row(e)))));
        m.serialize_entry("events", &json!({ "fields": EVENT_FIELDS }))?;
        m.serialize_entry("event_rows", &events)?;
        let control = Rows(std::cell::RefCell::new(Some(sc.control.iter().map(|c| self.control_row(c)))));
        m.serialize_entry("control", &json!({ "fields": CONTROL_FIELDS }))?;
        m.serialize_entry("control_rows", &control)?;
        m.serialize_entry("shares", &sc.shares)?;
        m.serialize_entry("share_radius_km", &sc.share_radius_km)?;
        m.serialize_entry("legend", &sc.legend)?;
        m.serialize_entry("attribution", &sc.attribution)?;
        m.serialize_entry("strings", &self.strings.list)?;
        m.end()
    }
}

/// The fields of a packed event row (`event_rows`): texts (indexes into `strings`), then
/// `borders` (indexes) and `shape` (a position `[lon, lat]`, or lines `{"l": [...]}`, each line
/// its positions or its number among the borders' lines).
const EVENT_FIELDS: [&str; 22] = [
    "id",
    "type",
    "claim_status",
    "actor",
    "actor2",
    "start",
    "end",
    "until",
    "precision",
    "place_name",
    "title",
    "claimed_by",
    "disputed_by",
    "share",
    "source",
    "url",
    "citation",
    "quote",
    "notes",
    "color",
    "borders",
    "shape",
];
/// The fields of a packed control row (`control_rows`): texts, then `ongoing` (a boolean) and
/// `shape`.
const CONTROL_FIELDS: [&str; 14] = [
    "id",
    "place_name",
    "actor",
    "claim_status",
    "start",
    "until",
    "claimed_by",
    "disputed_by",
    "started_by",
    "ended_by",
    "border",
    "color",
    "ongoing",
    "shape",
];

/// Each distinct text once, numbered in order of first use.
#[derive(Default)]
struct Strings<'a> {
    list: Vec<&'a str>,
    index: HashMap<&'a str, usize>,
}

impl<'a> Strings<'a> {
    fn index(&mut self, s: &'a str) -> usize {
        if let Some(&i) = self.index.get(s) {
            return i;
        }
        self.list.push(s);
        self.index.insert(s, self.list.len() - 1);
        self.list.len() - 1
    }

    fn get(&self, s: &str) -> usize {
        self.index[s]
    }
}

/// JSON that can sit inside a `<script>` element: no `<` (so no `</script>`), and no U+2028 or
/// U+2029 (line ends to older JavaScript). Escaped as JSON escapes, so the value is unchanged.
fn script_safe(json: &str) -> String {
    json.replace('<', "\\u003c").replace('\u{2028}', "\\u2028").replace('\u{2029}', "\\u2029")
}

fn html_escape(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn example() -> Scene {
        crate::scene::read_scene(
            &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("maps/afghan-borders-2021/layers"),
        )
        .unwrap()
    }

    #[test]
    fn the_page_holds_the_scene_and_no_outside_reference() {
        let html = page(&example());
        let start = html.find("id=\"bordermap-data\"").expect("data element");
        let body = &html[html[start..].find('>').unwrap() + start + 1..];
        let json = &body[..body.find("</script>").unwrap()];
        let v: serde_json::Value = serde_json::from_str(json).expect("the embedded scene parses");
        assert_eq!(v["event_rows"].as_array().unwrap().len(), 31);
        for banned in ["http://", "https://", "src=\"//", "@import"] {
            let outside: Vec<&str> = html
                .match_indices(banned)
                .map(|(i, _)| &html[i.saturating_sub(40)..(i + 60).min(html.len())])
                .collect();
            // Source links of events are data (JSON strings), shown only when clicked.
            assert!(outside.iter().all(|c| c.contains("\"url\"") || c.contains("\\\"")), "{banned}: {outside:?}");
        }
        assert!(html.len() < 1_000_000, "{} bytes", html.len());
    }

    #[test]
    fn nothing_in_the_data_can_close_the_script() {
        let mut s = example();
        s.events[0].quote = "a </script><script>alert(1)</script> \u{2028} quote".into();
        let html = page(&s);
        assert_eq!(html.matches("</script>").count(), page(&example()).matches("</script>").count());
        assert!(!html.contains('\u{2028}'));
    }

    /// What `page.js` does to the packed scene, done in Rust: the objects of the scene's JSON.
    fn unpack(v: &Value, part: &str) -> Vec<Value> {
        let strings = v["strings"].as_array().unwrap();
        let lines: Vec<Value> =
            v["borders"].as_array().unwrap().iter().flat_map(|b| b["lines"].as_array().unwrap().clone()).collect();
        let fields = v[part]["fields"].as_array().unwrap();
        v[&format!("{}_rows", part.trim_end_matches('s'))]
            .as_array()
            .unwrap()
            .iter()
            .map(|row| {
                let mut o = serde_json::Map::new();
                for (f, x) in fields.iter().zip(row.as_array().unwrap()) {
                    let f = f.as_str().unwrap();
                    let value = match f {
                        "ongoing" => x.clone(),
                        "borders" => Value::Array(
                            x.as_array()
                                .unwrap()
                                .iter()
                                .map(|i| strings[i.as_u64().unwrap() as usize].clone())
                                .collect(),
                        ),
                        "shape" if x.is_array() => x.clone(),
                        "shape" => Value::Array(
                            x["l"]
                                .as_array()
                                .unwrap()
                                .iter()
                                .map(|p| {
                                    if p.is_number() { lines[p.as_u64().unwrap() as usize].clone() } else { p.clone() }
                                })
                                .collect(),
                        ),
                        _ => strings[x.as_u64().unwrap() as usize].clone(),
                    };
                    o.insert(f.to_string(), value);
                }
                Value::Object(o)
            })
            .collect()
    }

    #[test]
    fn the_packed_scene_unpacks_to_the_scene_and_is_smaller() {
        let s = example();
        let plain = serde_json::to_value(&s).unwrap();
        let packed = serde_json::to_value(Packed::new(&s)).unwrap();
        for part in ["events", "control"] {
            let want = plain[part].as_array().unwrap();
            let got = unpack(&packed, part);
            assert_eq!(got.len(), want.len());
            for (g, w) in got.iter().zip(want) {
                assert!(g == w, "{part} {}: unpacked differs", w["id"]);
            }
        }
        let (p, q) = (serde_json::to_string(&plain).unwrap().len(), serde_json::to_string(&packed).unwrap().len());
        assert!(q * 2 < p, "packed {q} bytes, plain {p}");
    }

    #[test]
    fn the_same_scene_gives_the_same_bytes() {
        assert_eq!(page(&example()), page(&example()));
    }
}
