//! Where things go on the picture: the map's box, the side panel, and the projection from
//! lon/lat to pixels (equirectangular, scaled by the cosine of the middle latitude, so that
//! shapes are true near the centre of a map the size of Afghanistan's borders).

use super::RenderOptions;
use crate::scene::{Position, Scene};

/// Height of the title band, pixels.
pub(super) const TITLE_H: f64 = 64.0;
/// Height of the attribution band at the bottom, pixels.
pub(super) const FOOT_H: f64 = 30.0;
/// Width of the side panel (legend, shares), pixels.
pub(super) const PANEL_W: f64 = 400.0;
/// Margin around the map's box, pixels.
pub(super) const MARGIN: f64 = 16.0;

/// The picture's layout and projection.
#[derive(Debug, Clone, Copy)]
pub struct Frame {
    /// Picture width.
    pub width: f64,
    /// Picture height.
    pub height: f64,
    /// The map's box: x, y, width, height.
    pub map: [f64; 4],
    /// The side panel's box.
    pub panel: [f64; 4],
    lon0: f64,
    lat0: f64,
    scale: f64,
    kx: f64,
    cx: f64,
    cy: f64,
}

impl Frame {
    /// The frame for `scene` drawn with `opts`: the map fits the borders drawn (the one given,
    /// or all) with a tenth of margin.
    pub fn new(scene: &Scene, opts: &RenderOptions) -> Self {
        let (width, height) = (f64::from(opts.width), f64::from(opts.height));
        let panel_w = PANEL_W.min(width * 0.4);
        let map = [MARGIN, TITLE_H, width - panel_w - 2.0 * MARGIN, height - TITLE_H - FOOT_H];
        let panel = [width - panel_w - MARGIN, TITLE_H, panel_w, height - TITLE_H - FOOT_H];
        let mut b = [f64::INFINITY, f64::INFINITY, f64::NEG_INFINITY, f64::NEG_INFINITY];
        for border in scene.borders.iter().filter(|x| opts.border.as_ref().is_none_or(|id| &x.id == id)) {
            for p in border.lines.iter().flatten() {
                b = [b[0].min(p[0]), b[1].min(p[1]), b[2].max(p[0]), b[3].max(p[1])];
            }
        }
        if !b[0].is_finite() {
            b = scene.bbox;
        }
        let (mx, my) = (((b[2] - b[0]) * 0.1).max(0.2), ((b[3] - b[1]) * 0.1).max(0.2));
        let b = [b[0] - mx, b[1] - my, b[2] + mx, b[3] + my];
        let lat0 = (b[1] + b[3]) / 2.0;
        let kx = lat0.to_radians().cos().max(0.1);
        let scale = (map[2] / ((b[2] - b[0]) * kx)).min(map[3] / (b[3] - b[1]));
        Frame {
            width,
            height,
            map,
            panel,
            lon0: (b[0] + b[2]) / 2.0,
            lat0,
            scale,
            kx,
            cx: map[0] + map[2] / 2.0,
            cy: map[1] + map[3] / 2.0,
        }
    }

    /// Pixel position of a lon/lat position.
    pub fn project(&self, p: Position) -> (f64, f64) {
        (self.cx + (p[0] - self.lon0) * self.kx * self.scale, self.cy - (p[1] - self.lat0) * self.scale)
    }

    /// Whether a pixel position lies in the map's box.
    pub fn in_map(&self, (x, y): (f64, f64)) -> bool {
        x >= self.map[0] && x <= self.map[0] + self.map[2] && y >= self.map[1] && y <= self.map[1] + self.map[3]
    }

    /// Pixels per km at the map's middle latitude (for the scale bar).
    pub fn px_per_km(&self) -> f64 {
        self.scale / 111.32
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn north_is_up_east_is_right_and_the_centre_is_the_middle() {
        let s = crate::scene::read_scene(
            &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("maps/afghan-borders-2021/layers"),
        )
        .unwrap();
        let f = Frame::new(&s, &RenderOptions::new("2021-07-09".parse().unwrap()));
        let (x1, y1) = f.project([61.0, 35.0]);
        let (x2, y2) = f.project([70.0, 37.0]);
        assert!(x2 > x1 && y2 < y1);
        let (cx, cy) = f.project([f.lon0, f.lat0]);
        assert!((cx - (f.map[0] + f.map[2] / 2.0)).abs() < 1e-9 && (cy - (f.map[1] + f.map[3] / 2.0)).abs() < 1e-9);
        // Every border vertex is inside the map's box.
        assert!(s.borders.iter().flat_map(|b| b.lines.iter().flatten()).all(|p| f.in_map(f.project(*p))));
    }
}
