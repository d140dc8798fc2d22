//! `bordermap render`: a static map of a layers folder as of one date, for a report or an
//! article: the borders, the events of that day styled by type and claim status (earlier ones
//! faded), who holds what, a legend, a title, the share of the border on record beside the
//! claimed shares, and the data's attribution.
//!
//! [`svg`] draws the scene as SVG text ([`draw`]); [`png`] rasterises that SVG with `resvg`
//! and the font bundled in `fonts/` (DejaVu Sans), never the system's fonts, so the same input
//! gives the same bytes on any machine.

mod draw;
mod frame;

pub use frame::Frame;

use jiff::civil::Date;

use crate::scene::Scene;

/// The smallest and largest picture side, in pixels.
pub const SIZE_LIMITS: std::ops::RangeInclusive<u32> = 200..=8000;

/// What to draw.
#[derive(Debug, Clone)]
pub struct RenderOptions {
    /// The day whose state is drawn.
    pub as_of: Date,
    /// Only this border's events and intervals, framed on it; `None`: all.
    pub border: Option<String>,
    /// Picture width, pixels.
    pub width: u32,
    /// Picture height, pixels.
    pub height: u32,
}

impl RenderOptions {
    /// The default size (1600 × 1000) as of `as_of`, all borders.
    pub fn new(as_of: Date) -> Self {
        RenderOptions { as_of, border: None, width: 1600, height: 1000 }
    }
}

/// Why a picture cannot be drawn.
#[derive(Debug, thiserror::Error)]
pub enum RenderError {
    /// `--border` names no border of the folder.
    #[error("no border {given:?} in this layers folder; its borders: {known}")]
    UnknownBorder {
        /// As given.
        given: String,
        /// The folder's border ids.
        known: String,
    },
    /// A side outside [`SIZE_LIMITS`].
    #[error("a picture of {0}×{1} pixels: each side must be 200 to 8000")]
    Size(u32, u32),
    /// The SVG could not be rasterised (a bug: the SVG is ours).
    #[error("rasterising the map: {0}")]
    Raster(String),
}

/// The map as SVG text.
pub fn svg(scene: &Scene, opts: &RenderOptions) -> Result<String, RenderError> {
    if !SIZE_LIMITS.contains(&opts.width) || !SIZE_LIMITS.contains(&opts.height) {
        return Err(RenderError::Size(opts.width, opts.height));
    }
    if let Some(b) = &opts.border
        && !scene.borders.iter().any(|x| &x.id == b)
    {
        let known: Vec<&str> = scene.borders.iter().map(|b| b.id.as_str()).collect();
        return Err(RenderError::UnknownBorder { given: b.clone(), known: known.join(", ") });
    }
    Ok(draw::draw(scene, opts))
}

/// The map as PNG bytes: [`svg`] rasterised.
pub fn png(scene: &Scene, opts: &RenderOptions) -> Result<Vec<u8>, RenderError> {
    let text = svg(scene, opts)?;
    rasterise(&text)
}

/// SVG text (ours) to PNG bytes, with the bundled font only.
fn rasterise(svg_text: &str) -> Result<Vec<u8>, RenderError> {
    use resvg::{tiny_skia, usvg};
    static FONT: &[u8] = include_bytes!("fonts/DejaVuSans.ttf");
    let mut options = usvg::Options::default();
    let db = options.fontdb_mut();
    db.load_font_data(FONT.to_vec());
    db.set_sans_serif_family(draw::FONT_FAMILY);
    options.font_family = draw::FONT_FAMILY.to_string();
    let tree = usvg::Tree::from_str(svg_text, &options).map_err(|e| RenderError::Raster(e.to_string()))?;
    let size = tree.size().to_int_size();
    let mut pixmap =
        tiny_skia::Pixmap::new(size.width(), size.height()).ok_or_else(|| RenderError::Raster("no pixmap".into()))?;
    resvg::render(&tree, tiny_skia::Transform::default(), &mut pixmap.as_mut());
    pixmap.encode_png().map_err(|e| RenderError::Raster(e.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use resvg::tiny_skia::Pixmap;

    fn example() -> Scene {
        crate::scene::read_scene(
            &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("maps/afghan-borders-2021/layers"),
        )
        .unwrap()
    }

    fn day(s: &str) -> Date {
        s.parse().unwrap()
    }

    #[test]
    fn the_same_scene_gives_the_same_png_bytes() {
        let s = example();
        let o = RenderOptions { width: 600, height: 400, ..RenderOptions::new(day("2021-07-09")) };
        assert_eq!(png(&s, &o).unwrap(), png(&s, &o).unwrap());
    }

    #[test]
    fn an_event_of_the_day_is_drawn_in_its_colour_at_its_place() {
        let s = example();
        let o = RenderOptions::new(day("2021-07-09"));
        let frame = Frame::new(&s, &o);
        let svg_text = svg(&s, &o).unwrap();
        let pix = Pixmap::decode_png(&png(&s, &o).unwrap()).unwrap();
        assert_eq!((pix.width(), pix.height()), (1600, 1000));
        // Islam Qala's capture (afb-002), disputed, shares its spot with a statement: drawn
        // beside it, in its layer's colour, within a few pixels of its point.
        let e = s.events.iter().find(|e| e.id == "afb-002").unwrap();
        let crate::scene::Shape::Point(p) = e.shape else { panic!("a point") };
        let (px, py) = frame.project(p);
        let (x, y) = drawn_at(&svg_text, "afb-002");
        assert!((x - px).hypot(y - py) < 12.0, "afb-002 drawn at ({x},{y}), its point at ({px:.1},{py:.1})");
        let want = hex(&e.color);
        let near = (-2..=2).flat_map(|dx| (-2..=2).map(move |dy| (dx, dy))).any(|(dx, dy)| {
            let c = pix.pixel((x.round() as i32 + dx) as u32, (y.round() as i32 + dy) as u32).unwrap();
            close(rgb(c), want, 24)
        });
        assert!(near, "no pixel of {} near ({x:.0},{y:.0})", e.color);
    }

    #[test]
    fn an_unknown_border_is_refused_with_the_known_ones() {
        let s = example();
        let o = RenderOptions { border: Some("AFG-XXX".into()), ..RenderOptions::new(day("2021-07-09")) };
        let e = svg(&s, &o).unwrap_err().to_string();
        assert!(e.contains("AFG-XXX") && e.contains("AFG-TJK"), "{e}");
        let o = RenderOptions { width: 10, ..RenderOptions::new(day("2021-07-09")) };
        assert!(matches!(svg(&s, &o), Err(RenderError::Size(10, 1000))));
    }

    #[test]
    fn text_from_the_data_is_escaped() {
        let mut s = example();
        s.events.iter_mut().for_each(|e| e.place_name = "<b>&\"x\"</b>".into());
        let text = svg(&s, &RenderOptions::new(day("2021-07-09"))).unwrap();
        assert!(!text.contains("<b>") && text.contains("&lt;b&gt;&amp;"));
        rasterise(&text).unwrap();
    }

    /// Where the SVG draws the marker of event `id` (its circle's centre).
    fn drawn_at(svg: &str, id: &str) -> (f64, f64) {
        let tag = svg
            .lines()
            .find(|l| l.starts_with("<circle") && l.contains(&format!("data-id=\"{id}\"")))
            .expect("a marker");
        let attr = |name: &str| -> f64 {
            let at = tag.find(&format!(" {name}=\"")).unwrap() + name.len() + 3;
            tag[at..at + tag[at..].find('"').unwrap()].parse().unwrap()
        };
        (attr("cx"), attr("cy"))
    }

    pub(super) fn hex(c: &str) -> [u8; 3] {
        let v = u32::from_str_radix(c.trim_start_matches('#'), 16).unwrap();
        [(v >> 16) as u8, (v >> 8) as u8, v as u8]
    }

    fn rgb(c: resvg::tiny_skia::PremultipliedColorU8) -> [u8; 3] {
        let c = c.demultiply();
        [c.red(), c.green(), c.blue()]
    }

    fn close(a: [u8; 3], b: [u8; 3], tol: i32) -> bool {
        a.iter().zip(b).all(|(x, y)| (i32::from(*x) - i32::from(y)).abs() <= tol)
    }
}
