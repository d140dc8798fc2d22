//! `bordermap view`: a layers folder as one self-contained HTML page that works offline (from
//! a USB stick, with no network): the scene ([`crate::scene`]) embedded as JSON, and the
//! page's own script and style inlined. No library, no CDN, no tile server.
//!
//! The page (`page.html`, `page.js`, `page.css` beside this file) draws on a canvas, so a map
//! of many events stays usable; its state is exposed for tests as `window.bordermapState`
//! and in `#bordermap-state`.

use std::collections::HashMap;

use serde_json::{Value, json};

use crate::scene::{Position, Scene, Shape};

const PAGE: &str = include_str!("page.html");
const SCRIPT: &str = include_str!("page.js");
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
    let data = script_safe(&serde_json::to_string(&packed(scene)).expect("a scene serialises"));
    let title = html_escape(&format!("{} — bordermap", scene.title));
    // One pass over the template, so that nothing inserted is searched again for a marker.
    let mut out = String::with_capacity(PAGE.len() + data.len() + SCRIPT.len() + STYLE.len());
    let mut rest = PAGE;
    while let Some((at, mark)) =
        [DATA_MARK, SCRIPT_MARK, STYLE_MARK, TITLE_MARK].iter().filter_map(|m| rest.find(m).map(|i| (i, *m))).min()
    {
        out.push_str(&rest[..at]);
        out.push_str(match mark {
            DATA_MARK => &data,
            SCRIPT_MARK => SCRIPT,
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
/// instead of its positions. `page.js` (`unpack`) rebuilds the scene's objects.
/// This keeps the page to about a third of the plain JSON: field names, repeated actors,
/// sources and dates, and the border lines of claims over a whole border are not repeated.
fn packed(scene: &Scene) -> Value {
    let mut strings = Strings::default();
    let border_lines: Vec<&Vec<Position>> = scene.borders.iter().flat_map(|b| &b.lines).collect();
    let key = |l: &[Position]| -> Vec<u64> { l.iter().flat_map(|p| [p[0].to_bits(), p[1].to_bits()]).collect() };
    let line_number: HashMap<Vec<u64>, usize> = border_lines.iter().enumerate().map(|(i, l)| (key(l), i)).collect();
    let shape = |s: &Shape| -> Value {
        match s {
            Shape::Point(p) => json!(p),
            Shape::Lines(parts) => {
                json!({ "l": parts.iter().map(|l| line_number.get(&key(l)).map_or_else(|| json!(l), |&i| json!(i))).collect::<Vec<_>>() })
            }
        }
    };
    let events: Vec<Value> = scene
        .events
        .iter()
        .map(|e| {
            let mut row: Vec<Value> = [
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
            .into_iter()
            .map(|t| json!(strings.index(t)))
            .collect();
            row.push(Value::Array(e.borders.iter().map(|b| json!(strings.index(b))).collect()));
            row.push(shape(&e.shape));
            Value::Array(row)
        })
        .collect();
    let control: Vec<Value> = scene
        .control
        .iter()
        .map(|c| {
            let mut row: Vec<Value> = [
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
            .into_iter()
            .map(|t| json!(strings.index(t)))
            .collect();
            row.push(json!(c.ongoing));
            row.push(shape(&c.shape));
            Value::Array(row)
        })
        .collect();
    let mut v = serde_json::to_value(scene).expect("a scene serialises");
    v["events"] = json!({ "fields": EVENT_FIELDS, "rows": events });
    v["control"] = json!({ "fields": CONTROL_FIELDS, "rows": control });
    v["strings"] = json!(strings.list);
    v
}

/// The fields of a packed event row: texts (indexes into `strings`), then `borders` (indexes)
/// and `shape` (a position `[lon, lat]`, or lines `{"l": [...]}`, each line its positions or
/// its number among the borders' lines).
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
/// The fields of a packed control row: texts, then `ongoing` (a boolean) and `shape`.
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
struct Strings {
    list: Vec<String>,
    index: HashMap<String, usize>,
}

impl Strings {
    fn index(&mut self, s: &str) -> usize {
        if let Some(&i) = self.index.get(s) {
            return i;
        }
        self.list.push(s.to_string());
        self.index.insert(s.to_string(), self.list.len() - 1);
        self.list.len() - 1
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
        assert_eq!(v["events"]["rows"].as_array().unwrap().len(), 31);
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
        v[part]["rows"]
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
        let packed = packed(&s);
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
