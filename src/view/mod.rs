//! `bordermap view`: a layers folder as one self-contained HTML page that works offline (from
//! a USB stick, with no network): the scene ([`crate::scene`]) embedded as JSON, and the
//! page's own script and style inlined. No library, no CDN, no tile server.
//!
//! The page (`page.html`, `page.js`, `page.css` beside this file) draws on a canvas, so a map
//! of many events stays usable; its state is exposed for tests as `window.bordermapState`
//! and in `#bordermap-state`.

use crate::scene::Scene;

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
    let data = script_safe(&serde_json::to_string(scene).expect("a scene serialises"));
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
        assert_eq!(v["events"].as_array().unwrap().len(), 31);
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

    #[test]
    fn the_same_scene_gives_the_same_bytes() {
        assert_eq!(page(&example()), page(&example()));
    }
}
