//! The nearest border segment to a point, by geodesic distance on WGS84.
//!
//! Segments are kept in 3-D Earth-centred coordinates (ECEF), where the straight-line (chord)
//! distance in metres is cheap. A geodesic is never shorter than its chord, and exceeds it by a
//! known, tiny amount (c³/24R²: 2.6 cm at 10 km, 25 m at 275 km). So the search is: the segment
//! nearest by chord; its geodesic distance G (Karney, to the spherical closest point); then only
//! the segments whose chord is within G (plus the sag of a segment below the surface) can be
//! nearer, and those are measured too.
//!
//! Two indexes answer "which segments are nearest by chord":
//! - an R-tree over all segments (any point on Earth);
//! - over the region around the borders, a grid of cells of [`CELL_DEG`] degrees (coarser for
//!   borders spanning more than a region: see [`MAX_CELLS`]), each with the
//!   short list of segments that can be chord-nearest anywhere in it, within a margin. A cell's
//!   list is made from the R-tree on the cell's third query (see [`Grid`]). A query scans the
//!   list and checks that the margin covered everything within G; if not (rare), it asks the
//!   R-tree. Both give the same answer to the bit (ties go to the first segment in file order).
//!
//! A segment is left out of a cell's list only when, for every point x of the cell, some other
//! segment s* is nearer to x by more than the margin. For the cell's centre c, its chord radius
//! r and f(x) = d(x, s) − d(x, s*): |f(x) − f(c)| ≤ 2r (both distances are 1-Lipschitz), and,
//! away from the segments, ≤ r·|e_s − e_s*| + r²/2·(1/(d_s − r) + 1/(d_s* − r)), where e are the
//! unit directions from the segments to c (the gradient of a distance to a convex set changes
//! by at most 1/d per unit of travel). The second bound keeps far cells' lists short: their
//! segments all lie in nearly the same direction.

use std::sync::OnceLock;
use std::sync::atomic::AtomicU8;
use std::sync::atomic::Ordering::Relaxed;

use geo::{Coord, Distance, Geodesic, LineString, Point};
use rstar::{AABB, PointDistance, RTree, RTreeObject};

use super::Nearest;

/// WGS84 semi-major axis, metres.
const WGS84_A: f64 = 6_378_137.0;
/// WGS84 first eccentricity squared.
const WGS84_E2: f64 = 0.006_694_379_990_14;
/// Smallest radius of curvature on WGS84 (meridional, at the equator), metres.
const WGS84_R_MIN: f64 = 6_335_439.0;
/// Largest radius of curvature on WGS84 (at the poles), metres.
const WGS84_R_MAX: f64 = 6_399_594.0;

/// Side of a grid cell, degrees (about 5.5 × 4.5 km in the region).
const CELL_DEG: f64 = 0.05;
/// Most cells in a grid: for borders spanning a continent the cells are made coarser (by
/// doubling their side) until they fit (1 M cells: 2.5 MB before any list is made).
const MAX_CELLS: usize = 1 << 20;
/// Fewest points worth a thread of their own in [`SegmentIndex::nearest_many`].
const MANY_CHUNK_MIN: usize = 4096;
/// How far beyond the borders' bounding box the grid reaches, degrees.
const GRID_REACH_DEG: f64 = 2.0;

/// A lon/lat position as Earth-centred, Earth-fixed coordinates in metres (on the ellipsoid).
fn ecef(c: Coord<f64>) -> [f64; 3] {
    positions(c).0
}

/// A lon/lat position in ECEF (metres, on the ellipsoid) and as a unit vector on the sphere
/// (latitude taken as spherical, as haversine formulas take it).
fn positions(c: Coord<f64>) -> ([f64; 3], [f64; 3]) {
    let (lat, lon) = (c.y.to_radians(), c.x.to_radians());
    let (sin_lat, cos_lat) = lat.sin_cos();
    let (sin_lon, cos_lon) = lon.sin_cos();
    let n = WGS84_A / (1.0 - WGS84_E2 * sin_lat * sin_lat).sqrt();
    let unit = [cos_lat * cos_lon, cos_lat * sin_lon, sin_lat];
    ([n * unit[0], n * unit[1], n * (1.0 - WGS84_E2) * sin_lat], unit)
}

/// The lon/lat of a unit vector.
fn lon_lat(v: [f64; 3]) -> Point<f64> {
    Point::new(v[1].atan2(v[0]).to_degrees(), v[2].atan2(v[0].hypot(v[1])).to_degrees())
}

fn sub3(a: [f64; 3], b: [f64; 3]) -> [f64; 3] {
    [a[0] - b[0], a[1] - b[1], a[2] - b[2]]
}

fn dot3(a: [f64; 3], b: [f64; 3]) -> f64 {
    a[0] * b[0] + a[1] * b[1] + a[2] * b[2]
}

fn norm3(a: [f64; 3]) -> f64 {
    dot3(a, a).sqrt()
}

fn cross3(a: [f64; 3], b: [f64; 3]) -> [f64; 3] {
    [a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]]
}

fn scale3(a: [f64; 3], k: f64) -> [f64; 3] {
    [a[0] * k, a[1] * k, a[2] * k]
}

/// A lower bound, in metres, on the geodesic distance to any point of a segment whose chord
/// distance is `chord_m`: an arc of curvature at most 1/R_max is longer than its chord by at
/// least c³/24R²; half of that is claimed, for safety on the ellipsoid. `sag_m` is how far the
/// straight segment can dip below the surface between its ends.
fn geodesic_lower_bound_m(chord_m: f64, sag_m: f64) -> f64 {
    let k = chord_m / WGS84_R_MAX;
    chord_m * (1.0 + 0.5 * k * k / 24.0) - sag_m - 0.001
}

/// An upper bound on how much a geodesic of chord `chord_m` exceeds it (curvature at least
/// 1/R_min), doubled.
fn geodesic_excess_bound_m(chord_m: f64) -> f64 {
    2.0 * chord_m * chord_m * chord_m / (24.0 * WGS84_R_MIN * WGS84_R_MIN)
}

/// A vertex of a border line: lon/lat, ECEF, and the unit vector on the sphere.
#[derive(Debug, Clone, Copy)]
struct Vertex {
    at: Coord<f64>,
    xyz: [f64; 3],
    unit: [f64; 3],
}

/// One border segment, from vertex `first` to the next.
#[derive(Debug, Clone, Copy)]
struct Segment {
    /// Unit normal of the great circle through the ends (zero when they coincide).
    normal: [f64; 3],
    /// How far the straight segment dips below the surface between its ends, at most, m.
    sag_m: f64,
    first: u32,
    segment: u32,
    border: u16,
}

/// A segment's straight chord in ECEF, with its id: the R-tree's element.
#[derive(Debug, Clone)]
struct Chord {
    a: [f64; 3],
    b: [f64; 3],
    id: u32,
}

/// Where on the chord `a`–`b` the closest point to `p` is (0 at `a`, 1 at `b`).
#[inline]
fn chord_t(a: &[f64; 3], b: &[f64; 3], p: &[f64; 3]) -> f64 {
    let (ab, ap) = (sub3(*b, *a), sub3(*p, *a));
    let len2 = dot3(ab, ab);
    if len2 > 0.0 { (dot3(ap, ab) / len2).clamp(0.0, 1.0) } else { 0.0 }
}

/// The closest point of the chord `a`–`b` to `p`, ECEF.
fn chord_closest(a: &[f64; 3], b: &[f64; 3], p: &[f64; 3]) -> [f64; 3] {
    let t = chord_t(a, b, p);
    [a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1]), a[2] + t * (b[2] - a[2])]
}

/// Squared straight-line distance from `p` to the chord `a`–`b`, m².
#[inline]
fn chord_distance_2(a: &[f64; 3], b: &[f64; 3], p: &[f64; 3]) -> f64 {
    let (ab, ap) = (sub3(*b, *a), sub3(*p, *a));
    let t = chord_t(a, b, p);
    let d = [ap[0] - t * ab[0], ap[1] - t * ab[1], ap[2] - t * ab[2]];
    dot3(d, d)
}

impl RTreeObject for Chord {
    type Envelope = AABB<[f64; 3]>;

    fn envelope(&self) -> Self::Envelope {
        AABB::from_corners(self.a, self.b)
    }
}

impl PointDistance for Chord {
    fn distance_2(&self, p: &[f64; 3]) -> f64 {
        chord_distance_2(&self.a, &self.b, p)
    }
}

/// A grid cell's candidates: the segments (ids, ascending) that can be chord-nearest to a point
/// of the cell, and the margin within which every other segment's chord is known to lose.
#[derive(Debug)]
struct Cell {
    segments: Box<[u32]>,
    margin_m: f64,
}

/// The grid over the region around the borders. A cell's list is made on the cell's
/// [`BUILD_AFTER`]th query (before that the R-tree answers: a list costs two or three R-tree
/// queries to make, wasted on a cell asked once), and memory for cells is taken
/// [`BLOCK`] × [`BLOCK`] cells at a time, where lists are made.
#[derive(Debug)]
struct Grid {
    lon0: f64,
    lat0: f64,
    /// Side of a cell, degrees: [`CELL_DEG`], or coarser.
    step: f64,
    nx: usize,
    ny: usize,
    /// Blocks per row.
    bx: usize,
    /// Queries per cell, up to [`BUILD_AFTER`].
    visits: Box<[AtomicU8]>,
    blocks: Box<[OnceLock<Block>]>,
}

/// [`BLOCK`] × [`BLOCK`] cells, row by row.
type Block = Box<[OnceLock<Cell>]>;

/// See [`Grid`].
const BUILD_AFTER: u8 = 3;
/// See [`Grid`].
const BLOCK: usize = 4;

impl Grid {
    /// The grid over a bounding box (lon min, lat min, lon max, lat max) and around it.
    fn around(bbox: Option<[f64; 4]>) -> Grid {
        let Some([x0, y0, x1, y1]) = bbox else {
            let (visits, blocks) = (Box::new([]), Box::new([]));
            return Grid { lon0: 0.0, lat0: 0.0, step: CELL_DEG, nx: 0, ny: 0, bx: 0, visits, blocks };
        };
        let (x0, y0) = ((x0 - GRID_REACH_DEG).max(-180.0), (y0 - GRID_REACH_DEG).max(-89.0));
        let (x1, y1) = ((x1 + GRID_REACH_DEG).min(180.0), (y1 + GRID_REACH_DEG).min(89.0));
        let mut step = CELL_DEG;
        let cells = |step: f64| (((x1 - x0) / step).ceil() + 1.0) * (((y1 - y0) / step).ceil() + 1.0);
        while cells(step) > MAX_CELLS as f64 {
            step *= 2.0;
        }
        let (lon0, lat0) = ((x0 / step).floor() * step, (y0 / step).floor() * step);
        let nx = ((x1 - lon0) / step).ceil() as usize;
        let ny = ((y1 - lat0) / step).ceil() as usize;
        let bx = nx.div_ceil(BLOCK);
        Grid {
            lon0,
            lat0,
            step,
            nx,
            ny,
            bx,
            visits: (0..nx * ny).map(|_| AtomicU8::new(0)).collect(),
            blocks: (0..bx * ny.div_ceil(BLOCK)).map(|_| OnceLock::new()).collect(),
        }
    }

    /// The column and row of the cell holding `p`, if the grid covers it.
    fn locate(&self, p: &Point<f64>) -> Option<(usize, usize)> {
        let (fx, fy) = ((p.x() - self.lon0) / self.step, (p.y() - self.lat0) / self.step);
        if !(fx >= 0.0 && fy >= 0.0) {
            return None; // also NaN
        }
        let (i, j) = (fx as usize, fy as usize);
        (i < self.nx && j < self.ny).then_some((i, j))
    }

    /// Cell (i, j)'s slot, if it is time it had a list, counting `queries` more queries.
    fn slot(&self, i: usize, j: usize, queries: u8) -> Option<&OnceLock<Cell>> {
        let visits = &self.visits[j * self.nx + i];
        let queries = queries.min(BUILD_AFTER); // so the count cannot wrap
        if visits.load(Relaxed) < BUILD_AFTER
            && visits.fetch_add(queries, Relaxed).saturating_add(queries) < BUILD_AFTER
        {
            return None;
        }
        let block = self.blocks[(j / BLOCK) * self.bx + i / BLOCK]
            .get_or_init(|| (0..BLOCK * BLOCK).map(|_| OnceLock::new()).collect());
        Some(&block[(j % BLOCK) * BLOCK + i % BLOCK])
    }
}

/// Border segments indexed for nearest-segment queries.
pub(super) struct SegmentIndex {
    /// All vertices, border by border.
    vertices: Vec<Vertex>,
    /// All segments, border by border, in line order: a segment's id is its position here.
    segments: Vec<Segment>,
    tree: RTree<Chord>,
    /// The greatest depth of a straight segment below the surface (longest segment).
    max_sag_m: f64,
    /// The segments' bounding box: lon min, lat min, lon max, lat max.
    bbox: Option<[f64; 4]>,
    /// Made on the first query: loading borders to resolve a name costs nothing here.
    grid: OnceLock<Grid>,
}

impl SegmentIndex {
    pub(super) fn new(lines: &[&LineString<f64>]) -> SegmentIndex {
        let n: usize = lines.iter().map(|l| l.0.len()).sum();
        let mut vertices = Vec::with_capacity(n);
        let mut segments = Vec::with_capacity(n);
        let mut chords = Vec::with_capacity(n);
        let mut max_sag_m: f64 = 0.0;
        let mut bbox: Option<[f64; 4]> = None;
        for (bi, line) in lines.iter().enumerate() {
            for (si, &at) in line.0.iter().enumerate() {
                let [x0, y0, x1, y1] = bbox.get_or_insert([at.x, at.y, at.x, at.y]);
                (*x0, *y0, *x1, *y1) = (x0.min(at.x), y0.min(at.y), x1.max(at.x), y1.max(at.y));
                let (xyz, unit) = positions(at);
                vertices.push(Vertex { at, xyz, unit });
                if si == 0 {
                    continue;
                }
                let (a, b) = (&vertices[vertices.len() - 2], &vertices[vertices.len() - 1]);
                let d = sub3(b.xyz, a.xyz);
                let sag_m = dot3(d, d) / (8.0 * WGS84_R_MIN);
                max_sag_m = max_sag_m.max(sag_m);
                let normal = cross3(a.unit, b.unit);
                let len = norm3(normal);
                let normal = if len < 1e-15 { [0.0; 3] } else { scale3(normal, 1.0 / len) };
                let id = segments.len() as u32;
                chords.push(Chord { a: a.xyz, b: b.xyz, id });
                let first = (vertices.len() - 2) as u32;
                segments.push(Segment { normal, sag_m, first, segment: si as u32 - 1, border: bi as u16 });
            }
        }
        SegmentIndex { vertices, segments, tree: RTree::bulk_load(chords), max_sag_m, bbox, grid: OnceLock::new() }
    }

    /// The ends of segment `id`.
    #[inline]
    fn ends(&self, id: u32) -> (&Vertex, &Vertex) {
        let first = self.segments[id as usize].first as usize;
        (&self.vertices[first], &self.vertices[first + 1])
    }

    /// Squared chord distance from `q` (ECEF) to segment `id`.
    #[inline]
    fn chord_2(&self, id: u32, q: &[f64; 3]) -> f64 {
        let (a, b) = self.ends(id);
        chord_distance_2(&a.xyz, &b.xyz, q)
    }

    /// The closest point to `p` (unit vector `up`) on the great-circle arc of segment `id`:
    /// what geo's `HaversineClosestPoint` computes with bearings and destinations, by vector
    /// algebra (a tenth of the trigonometry), and never past the segment's ends (a test checks).
    fn closest_on_arc(&self, id: u32, p: Point<f64>, up: [f64; 3]) -> Point<f64> {
        let (a, b) = self.ends(id);
        if p.0 == a.at || p.0 == b.at {
            return p;
        }
        let (ua, ub, normal) = (a.unit, b.unit, self.segments[id as usize].normal);
        if normal == [0.0; 3] {
            return Point::from(a.at); // the ends coincide
        }
        let off = dot3(up, normal);
        let g = sub3(up, scale3(normal, off));
        let len = norm3(g);
        if len > 0.0 {
            let g = scale3(g, 1.0 / len);
            if dot3(cross3(ua, g), normal) >= 0.0 && dot3(cross3(g, ub), normal) >= 0.0 {
                return if off.abs() < f64::EPSILON { p } else { lon_lat(g) };
            }
        }
        Point::from(if dot3(up, ua) > dot3(up, ub) { a.at } else { b.at })
    }

    /// The nearest point on any segment to `p`, or `None` if there are no segments.
    pub(super) fn nearest(&self, p: Point<f64>) -> Option<Nearest> {
        self.nearest_counting(p, 1)
    }

    /// [`SegmentIndex::nearest`], counting `queries` queries to `p`'s cell.
    fn nearest_counting(&self, p: Point<f64>, queries: u8) -> Option<Nearest> {
        let (q, up) = positions(p.0);
        let Some(cell) = self.cell(&p, queries) else {
            return self.nearest_in_tree(p, q, up);
        };
        let (first, first_d2) = self.list_nearest(cell, &q)?;
        self.answer_from_cell(cell, p, (q, up), first, first_d2)
            .or_else(|| Some(self.answer_from_tree(p, (q, up), first)))
    }

    /// Whether `p` is within `limit_m` metres (geodesic) of a segment. Points whose chord
    /// distance alone rules it out are answered without measuring a geodesic.
    pub(super) fn within_m(&self, p: Point<f64>, limit_m: f64) -> bool {
        let q = ecef(p.0);
        let chord_2 = match self.cell(&p, 1) {
            Some(cell) => self.list_nearest(cell, &q).map(|(_, d2)| d2),
            None => self.tree.nearest_neighbor(&q).map(|c| c.distance_2(&q)),
        };
        match chord_2 {
            None => false,
            Some(d2) if geodesic_lower_bound_m(d2.sqrt(), self.max_sag_m) > limit_m => false,
            Some(_) => self.nearest_counting(p, 0).is_some_and(|n| n.distance_m <= limit_m),
        }
    }

    /// The list of `p`'s cell, if the cell has one (or it is time it had), counting `queries`
    /// queries.
    fn cell(&self, p: &Point<f64>, queries: u8) -> Option<&Cell> {
        let grid = self.grid.get_or_init(|| Grid::around(self.bbox));
        let (i, j) = grid.locate(p)?;
        Some(grid.slot(i, j, queries)?.get_or_init(|| self.make_cell(grid, i, j)))
    }

    /// [`SegmentIndex::nearest`] for many points, in their order. The points are taken cell by
    /// cell (so that each cell's list is read from memory once, not once per point, and made at
    /// once when enough points share it) and shared out among the machine's cores.
    pub(super) fn nearest_many(&self, points: &[Point<f64>]) -> Vec<Option<Nearest>> {
        let grid = self.grid.get_or_init(|| Grid::around(self.bbox));
        let mut order: Vec<(u32, u32)> = points
            .iter()
            .enumerate()
            .map(|(k, p)| (grid.locate(p).map_or(u32::MAX, |(i, j)| (j * grid.nx + i) as u32), k as u32))
            .collect();
        order.sort_unstable();
        let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
        let chunk = order.len().div_ceil(threads).max(MANY_CHUNK_MIN);
        let found: Vec<Vec<Option<Nearest>>> = std::thread::scope(|scope| {
            let workers: Vec<_> =
                order.chunks(chunk).map(|part| scope.spawn(move || self.nearest_sorted(points, part))).collect();
            workers.into_iter().map(|w| w.join().unwrap_or_else(|e| std::panic::resume_unwind(e))).collect()
        });
        let mut out = vec![None; points.len()];
        for (&(_, k), n) in order.iter().zip(found.into_iter().flatten()) {
            out[k as usize] = n;
        }
        out
    }

    /// The nearest segment to the points `part` picks, sorted by cell: each cell's queries are
    /// counted when its first point comes.
    fn nearest_sorted(&self, points: &[Point<f64>], part: &[(u32, u32)]) -> Vec<Option<Nearest>> {
        let mut found = Vec::with_capacity(part.len());
        for run in part.chunk_by(|a, b| a.0 == b.0) {
            let queries = u8::try_from(run.len()).unwrap_or(BUILD_AFTER);
            for (n, &(_, k)) in run.iter().enumerate() {
                found.push(self.nearest_counting(points[k as usize], if n == 0 { queries } else { 0 }));
            }
        }
        found
    }

    /// Every segment measured: for tests and checks.
    pub(super) fn nearest_brute_force(&self, p: Point<f64>) -> Option<Nearest> {
        let up = positions(p.0).1;
        (0..self.segments.len() as u32)
            .map(|id| self.segment_distance(id, p, up))
            .reduce(|best, n| if n.distance_m < best.distance_m { n } else { best })
    }

    /// The segment of a cell's list nearest to `q` by chord, and its squared chord: the
    /// nearest of all segments (a segment is left out of a list only if another always beats it).
    #[inline]
    fn list_nearest(&self, cell: &Cell, q: &[f64; 3]) -> Option<(u32, f64)> {
        let mut best = None;
        for &id in &cell.segments {
            let d2 = self.chord_2(id, q);
            if best.is_none_or(|(_, b)| d2 < b) {
                best = Some((id, d2));
            }
        }
        best
    }

    /// The answer from a cell's list, or `None` when the list cannot vouch for it.
    #[cfg(test)]
    fn nearest_in_cell(&self, cell: &Cell, p: Point<f64>, q: [f64; 3], up: [f64; 3]) -> Option<Nearest> {
        let (first, first_d2) = self.list_nearest(cell, &q)?;
        self.answer_from_cell(cell, p, (q, up), first, first_d2)
    }

    /// From the chord-nearest segment `first`, the answer of the cell's list, or `None` when a
    /// segment left out of the list could be nearer.
    fn answer_from_cell(
        &self,
        cell: &Cell,
        p: Point<f64>,
        (q, up): ([f64; 3], [f64; 3]),
        first: u32,
        first_d2: f64,
    ) -> Option<Nearest> {
        let best = self.segment_distance(first, p, up);
        if best.distance_m + 1.0 - first_d2.sqrt() > cell.margin_m {
            return None;
        }
        Some(self.refine(p, (q, up), first, best, cell.segments.iter().copied()))
    }

    /// The answer from the R-tree alone.
    fn nearest_in_tree(&self, p: Point<f64>, q: [f64; 3], up: [f64; 3]) -> Option<Nearest> {
        let first = self.tree.nearest_neighbor(&q)?.id;
        Some(self.answer_from_tree(p, (q, up), first))
    }

    /// From the chord-nearest segment `first`, the segments the R-tree finds within reach.
    fn answer_from_tree(&self, p: Point<f64>, (q, up): ([f64; 3], [f64; 3]), first: u32) -> Nearest {
        let best = self.segment_distance(first, p, up);
        let reach = best.distance_m + self.max_sag_m + 1.0;
        let others = self.tree.locate_within_distance(q, reach * reach).map(|c| c.id);
        self.refine(p, (q, up), first, best, others)
    }

    /// Measures the segments whose chord from `q`, less their sag, is within the best geodesic
    /// distance so far, starting from the chord-nearest one.
    fn refine(
        &self,
        p: Point<f64>,
        (q, up): ([f64; 3], [f64; 3]),
        first: u32,
        mut best: Nearest,
        others: impl Iterator<Item = u32>,
    ) -> Nearest {
        for id in others {
            let seg = &self.segments[id as usize];
            if id == first || geodesic_lower_bound_m(self.chord_2(id, &q).sqrt(), seg.sag_m) > best.distance_m {
                continue;
            }
            let c = self.closest_on_arc(id, p, up);
            // A shared vertex is the same point at the same distance: no need to measure it.
            let d = if c == best.closest { best.distance_m } else { Geodesic.distance(p, c) };
            // Ties go to the first segment in file order, whichever index found them.
            let first_in_file = (seg.border as usize, seg.segment as usize) < (best.border, best.segment);
            if d < best.distance_m || (d == best.distance_m && first_in_file) {
                best =
                    Nearest { border: seg.border as usize, segment: seg.segment as usize, distance_m: d, closest: c };
            }
        }
        best
    }

    fn segment_distance(&self, id: u32, p: Point<f64>, up: [f64; 3]) -> Nearest {
        let seg = &self.segments[id as usize];
        let c = self.closest_on_arc(id, p, up);
        Nearest {
            border: seg.border as usize,
            segment: seg.segment as usize,
            distance_m: Geodesic.distance(p, c),
            closest: c,
        }
    }

    /// The candidates of cell (i, j): see the module's notes for why the test is safe.
    fn make_cell(&self, grid: &Grid, i: usize, j: usize) -> Cell {
        let step = grid.step;
        let (x0, y0) = (grid.lon0 + i as f64 * step, grid.lat0 + j as f64 * step);
        let centre = Coord { x: x0 + step / 2.0, y: y0 + step / 2.0 };
        let c = ecef(centre);
        // The patch is all but flat at this size: its farthest points from the centre are corners.
        let corners = [(x0, y0), (x0 + step, y0), (x0, y0 + step), (x0 + step, y0 + step)];
        let r = corners.iter().map(|&(x, y)| norm3(sub3(ecef(Coord { x, y }), c))).fold(0.0, f64::max) * 1.001 + 1.0;
        let Some(nearest) = self.tree.nearest_neighbor(&c) else {
            return Cell { segments: Box::new([]), margin_m: 0.0 };
        };
        let d_star = nearest.distance_2(&c).sqrt();
        // A left-out segment s is beaten by s* by more than margin + its sag everywhere in the
        // cell; a query checks that its geodesic exceeds its chord by less than the margin.
        let far = d_star + r;
        let margin_m = 2.0 + geodesic_excess_bound_m(far) + 1e-4 * far;
        let e_star = unit_from(chord_closest(&nearest.a, &nearest.b, &c), c);
        let pool = d_star + 2.0 * r + margin_m + self.max_sag_m;
        let mut segments: Vec<u32> = self
            .tree
            .locate_within_distance(c, pool * pool)
            .filter(|s| {
                let d_s = s.distance_2(&c).sqrt();
                let mut slack = 2.0 * r;
                if d_s > 2.0 * r && d_star > 2.0 * r {
                    let turn = norm3(sub3(unit_from(chord_closest(&s.a, &s.b, &c), c), e_star));
                    slack = slack.min(r * turn + r * r / 2.0 * (1.0 / (d_s - r) + 1.0 / (d_star - r)));
                }
                d_s - d_star <= margin_m + self.segments[s.id as usize].sag_m + slack
            })
            .map(|s| s.id)
            .collect();
        segments.sort_unstable();
        Cell { segments: segments.into_boxed_slice(), margin_m }
    }
}

/// The unit vector from `from` towards `to`.
fn unit_from(from: [f64; 3], to: [f64; 3]) -> [f64; 3] {
    let d = sub3(to, from);
    let n = norm3(d).max(f64::MIN_POSITIVE);
    [d[0] / n, d[1] / n, d[2] / n]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chord_bound_never_exceeds_the_geodesic() {
        let p = Point::new(61.0, 34.7);
        for (lon, lat) in [(61.05, 34.65), (61.5, 34.0), (64.0, 30.0), (69.0, 38.5), (75.0, 37.0), (37.6, 55.75)] {
            let c = Coord { x: lon, y: lat };
            let chord = norm3(sub3(ecef(p.0), ecef(c)));
            let geodesic = Geodesic.distance(p, Point::from(c));
            let lb = geodesic_lower_bound_m(chord, 0.0);
            assert!(lb <= geodesic, "{lb} > {geodesic}");
            assert!(chord + geodesic_excess_bound_m(chord) >= geodesic, "{chord} + excess < {geodesic}");
            // … and, within the region (under 1000 km), tight to 0.05 %.
            if geodesic < 1.0e6 {
                assert!((geodesic - lb) / geodesic < 5e-4, "{lb} vs {geodesic}");
            }
        }
    }
}
#[cfg(test)]
mod index_tests {
    use super::*;
    use proptest::prelude::*;

    fn index() -> &'static SegmentIndex {
        static GZ: OnceLock<crate::gazetteer::Gazetteer> = OnceLock::new();
        &GZ.get_or_init(|| crate::gazetteer::Gazetteer::bundled().unwrap()).borders().index
    }

    /// Near the lines, where lists are longest and ties at shared vertices common.
    fn near_a_vertex() -> impl Strategy<Value = Point<f64>> {
        (0..index().vertices.len(), -0.3f64..0.3, -0.3f64..0.3)
            .prop_map(|(i, dx, dy)| Point::new(index().vertices[i].at.x + dx, index().vertices[i].at.y + dy))
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]

        /// A cell's list gives what the R-tree gives, to the bit (so output does not depend on
        /// which answered), or declines.
        #[test]
        fn cells_agree_with_the_tree(p in prop_oneof![near_a_vertex(), (55.0f64..80.0, 25.0f64..45.0).prop_map(Point::from)]) {
            let ix = index();
            let (q, up) = positions(p.0);
            let by_tree = ix.nearest_in_tree(p, q, up).unwrap();
            if let Some(by_cell) = by_cell(p) {
                prop_assert_eq!(
                    (by_cell.border, by_cell.segment, by_cell.distance_m, by_cell.closest),
                    (by_tree.border, by_tree.segment, by_tree.distance_m, by_tree.closest)
                );
            }
            let any = ix.nearest(p).unwrap();
            prop_assert_eq!((any.segment, any.distance_m), (by_tree.segment, by_tree.distance_m));
        }
    }

    /// The answer of the list of `p`'s cell, made afresh.
    fn by_cell(p: Point<f64>) -> Option<Nearest> {
        let ix = index();
        let grid = ix.grid.get_or_init(|| Grid::around(ix.bbox));
        let (i, j) = grid.locate(&p)?;
        let (q, up) = positions(p.0);
        ix.nearest_in_cell(&ix.make_cell(grid, i, j), p, q, up)
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]

        /// `within_m` says what the nearest distance says, near the threshold too.
        #[test]
        fn within_agrees_with_nearest(
            p in prop_oneof![near_a_vertex(), (55.0f64..80.0, 25.0f64..45.0).prop_map(Point::from)],
            limit_km in prop_oneof![0.0f64..5.0, 0.0f64..500.0],
        ) {
            let ix = index();
            let d = ix.nearest(p).unwrap().distance_m;
            prop_assert_eq!(ix.within_m(p, limit_km * 1000.0), d <= limit_km * 1000.0);
            prop_assert!(ix.within_m(p, d) && (d == 0.0 || !ix.within_m(p, d * (1.0 - 1e-12))));
        }
    }

    #[test]
    fn a_border_around_the_world_gets_a_coarser_grid() {
        let line = LineString::from(vec![(-179.0, -60.0), (0.0, 0.0), (179.0, 70.0)]);
        let ix = SegmentIndex::new(&[&line]);
        let grid = ix.grid.get_or_init(|| Grid::around(ix.bbox));
        assert!(grid.nx * grid.ny <= MAX_CELLS && grid.step > CELL_DEG, "{} × {} of {}°", grid.nx, grid.ny, grid.step);
        for p in [Point::new(10.0, 10.0), Point::new(-120.0, -30.0), Point::new(170.0, 80.0)] {
            let (q, up) = positions(p.0);
            let by_tree = ix.nearest_in_tree(p, q, up).unwrap();
            for _ in 0..BUILD_AFTER {
                assert_eq!(ix.nearest(p).unwrap().distance_m, by_tree.distance_m);
            }
        }
    }

    #[test]
    fn lists_seldom_decline() {
        // Every 7th vertex, and 0.01° to 0.2° off it; and a coarse grid over the region.
        let ix = index();
        let near = ix.vertices.iter().step_by(7).enumerate().map(|(k, v)| {
            let off = 0.01 + 0.19 * (k % 20) as f64 / 19.0;
            Point::new(v.at.x + off, v.at.y - off / 2.0)
        });
        let region =
            (0..60).flat_map(|i| (0..42).map(move |j| Point::new(60.0 + 0.25 * i as f64, 29.0 + 0.25 * j as f64)));
        let points: Vec<Point<f64>> = near.chain(region).collect();
        let declined = points.iter().filter(|p| by_cell(**p).is_none()).count();
        assert!(declined * 200 < points.len(), "{declined} of {} declined", points.len());
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(24))]

        /// And brute force agrees with both (24 cases: each measures all 26 k segments).
        #[test]
        fn near_the_lines_cells_agree_with_brute_force(p in near_a_vertex()) {
            let ix = index();
            let (a, b) = (ix.nearest(p).unwrap(), ix.nearest_brute_force(p).unwrap());
            prop_assert!((a.distance_m - b.distance_m).abs() < 1e-6, "{p:?}: {a:?} vs {b:?}");
        }
    }

    #[test]
    fn many_points_come_back_in_their_order() {
        let ix = index();
        // Enough points for two threads, inside and outside the grid, repeated cells, not sorted.
        let points: Vec<Point<f64>> = (0..2 * MANY_CHUNK_MIN + 17)
            .map(|k| {
                let t = (k * 7919 % 10_007) as f64 / 10_007.0;
                Point::new(40.0 + 50.0 * t, 25.0 + 20.0 * (1.0 - t * t))
            })
            .collect();
        let many = ix.nearest_many(&points);
        assert_eq!(many.len(), points.len());
        for (p, n) in points.iter().zip(&many) {
            let one = ix.nearest(*p).unwrap();
            let n = n.unwrap();
            assert_eq!((n.border, n.segment, n.distance_m), (one.border, one.segment, one.distance_m), "{p:?}");
        }
        assert!(ix.nearest_many(&[]).is_empty());
    }
}

#[cfg(test)]
mod arc_tests {
    use super::*;
    use proptest::prelude::*;

    fn segment(a: Coord<f64>, b: Coord<f64>) -> SegmentIndex {
        SegmentIndex::new(&[&LineString::new(vec![a, b])])
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]
        /// Against the arc sampled at 4001 points: what is found is on the arc, and no sample
        /// is nearer. (geo's `HaversineClosestPoint` fails this: for a point 226 km from a
        /// 36 km segment it can return a point 800 m past the segment's end.)
        #[test]
        fn closest_on_arc_is_the_closest_point_of_the_arc(
            ax in 60.0f64..75.0, ay in 29.0f64..39.5, dx in -0.5f64..0.5, dy in -0.5f64..0.5,
            px in -3.0f64..3.0, py in -3.0f64..3.0,
        ) {
            let (a, b) = (Coord { x: ax, y: ay }, Coord { x: ax + dx, y: ay + dy });
            let seg = segment(a, b);
            let p = Point::new(ax + px, ay + py);
            let found = seg.closest_on_arc(0, p, positions(p.0).1);
            let d = |x: Point<f64>, y: Point<f64>| geo::Haversine.distance(x, y);
            let length = d(a.into(), b.into());
            prop_assert!(d(a.into(), found) + d(found, b.into()) - length < 1e-3, "{found:?} is off the arc");
            let (ua, ub) = (positions(a).1, positions(b).1);
            let omega = dot3(ua, ub).clamp(-1.0, 1.0).acos();
            let nearest_sample = (0..=4000)
                .map(|k| {
                    let t = k as f64 / 4000.0;
                    let v = if omega < 1e-12 {
                        ua
                    } else {
                        let (wa, wb) = (((1.0 - t) * omega).sin() / omega.sin(), (t * omega).sin() / omega.sin());
                        [wa * ua[0] + wb * ub[0], wa * ua[1] + wb * ub[1], wa * ua[2] + wb * ub[2]]
                    };
                    d(p, lon_lat(v))
                })
                .fold(f64::INFINITY, f64::min);
            prop_assert!(d(p, found) <= nearest_sample + 1e-6, "{found:?}: {} > {nearest_sample}", d(p, found));
        }
    }
}
