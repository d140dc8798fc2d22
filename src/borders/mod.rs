//! Border lines and country polygons: the nearest border to a point, the geodesic distance to
//! it, the chainage along it, and the side of it a point lies on.
//!
//! Distances are geodesic on WGS84 (Karney's algorithm, [`Geodesic`]); how the nearest border
//! is found fast is told in `src/borders/nearest.rs`.

mod nearest;

use std::fmt;

use geo::{
    BoundingRect, Closest, Coord, Distance, Geodesic, HaversineClosestPoint, InterpolatePoint, Intersects, Line,
    LineString, MultiPolygon, Point, Rect,
};
use geojson::{Feature, GeoJson};
use rstar::{AABB, RTree};
use serde::Serialize;

use nearest::SegmentIndex;

/// Metres in a degree of latitude, at its shortest (the equator).
const M_PER_DEG_LAT_MIN: f64 = 110_574.0;
/// Metres in a degree of longitude at the equator.
const M_PER_DEG_LON_EQ: f64 = 111_320.0;
/// Points closer than this to a border line are "on the line": no side is claimed for them.
pub const ON_LINE_M: f64 = 50.0;
/// Beyond this distance from the nearest border, a point that no country polygon covers gets
/// no side: the line's orientation says nothing useful that far away.
pub const LINE_SIDE_MAX_KM: f64 = 100.0;

/// How far (km) a border section's ends may lie beyond the line's ends: chainages are written
/// to 0.1 km.
pub const SECTION_END_SLACK_KM: f64 = 0.1;

/// Errors reading border or country files.
#[derive(Debug, thiserror::Error)]
pub enum BordersError {
    /// The file is not GeoJSON, or not a FeatureCollection.
    #[error("{file}: not a GeoJSON FeatureCollection: {message}")]
    Format {
        /// File label.
        file: String,
        /// What the parser said.
        message: String,
    },
    /// One feature is unusable.
    #[error("{file}: feature {index} field '{field}': {message}")]
    Feature {
        /// File label.
        file: String,
        /// 0-based index of the feature in the collection.
        index: usize,
        /// The property or member at fault.
        field: String,
        /// What is wrong.
        message: String,
    },
    /// A border section refers to something that does not exist.
    #[error("{0}")]
    Section(String),
}

/// One border line between Afghanistan and a neighbour.
#[derive(Debug, Clone)]
pub struct Border {
    /// Stable id, `AFG-TJK` etc.
    pub id: String,
    /// ISO3 of the first country (Afghanistan in the bundled data).
    pub a: String,
    /// ISO3 of the second country.
    pub b: String,
    /// Name for legends.
    pub name: String,
    /// The line, lon/lat.
    pub line: LineString<f64>,
    /// Cumulative geodesic length in metres at each vertex.
    cum_m: Vec<f64>,
    /// ISO3 of the country on the right of the line's direction, found from the polygons.
    pub right_side: Option<String>,
    /// Where the geometry comes from.
    pub source: String,
    /// Licence of the geometry.
    pub license: String,
}

impl Border {
    /// Geodesic length in km.
    pub fn length_km(&self) -> f64 {
        self.cum_m.last().copied().unwrap_or(0.0) / 1000.0
    }

    /// The part of the line between two chainages (km from the start), as a new line. Ends up
    /// to [`SECTION_END_SLACK_KM`] beyond the line (lengths written to 0.1 km) are clamped.
    pub fn section(&self, from_km: f64, to_km: f64) -> Result<LineString<f64>, BordersError> {
        let len = self.length_km();
        let ok = |v: f64| v.is_finite() && (-SECTION_END_SLACK_KM..=len + SECTION_END_SLACK_KM).contains(&v);
        if !ok(from_km) || !ok(to_km) || from_km >= to_km {
            return Err(BordersError::Section(format!(
                "section {from_km}-{to_km} km is not within {} (0-{len:.1} km, start before end)",
                self.id
            )));
        }
        let (from_m, to_m) = (from_km.max(0.0) * 1000.0, to_km.min(len) * 1000.0);
        let mut coords = vec![self.point_at_m(from_m).0];
        for (i, c) in self.line.0.iter().enumerate() {
            if self.cum_m[i] > from_m && self.cum_m[i] < to_m {
                coords.push(*c);
            }
        }
        coords.push(self.point_at_m(to_m).0);
        Ok(LineString::new(coords))
    }

    /// The point at a distance along the line, in metres from its start.
    pub fn point_at_m(&self, m: f64) -> Point<f64> {
        let pts = &self.line.0;
        let i = self.cum_m.partition_point(|&c| c <= m).clamp(1, pts.len() - 1);
        let (s, e) = (Point::from(pts[i - 1]), Point::from(pts[i]));
        let seg = self.cum_m[i] - self.cum_m[i - 1];
        if seg <= 0.0 {
            return s;
        }
        let d = (m - self.cum_m[i - 1]).clamp(0.0, seg);
        Geodesic.point_at_distance_between(s, e, d)
    }
}

/// A country polygon, for placing a point in a country.
#[derive(Debug, Clone)]
pub struct Country {
    /// ISO3 code.
    pub iso3: String,
    /// Name.
    pub name: String,
    /// The polygons.
    pub shape: MultiPolygon<f64>,
    /// Whether the polygon was clipped to the region (so a country's own representative point
    /// may lie outside it).
    pub clipped: bool,
    bbox: Option<Rect<f64>>,
    /// Every ring edge, for point-in-polygon by ray casting without visiting them all.
    edges: RTree<Line<f64>>,
}

impl Country {
    fn new(iso3: String, name: String, shape: MultiPolygon<f64>, clipped: bool) -> Self {
        let edges: Vec<Line<f64>> = shape
            .0
            .iter()
            .flat_map(|poly| std::iter::once(poly.exterior()).chain(poly.interiors()))
            .flat_map(|ring| ring.lines())
            .collect();
        let bbox = shape.bounding_rect();
        Country { iso3, name, shape, clipped, bbox, edges: RTree::bulk_load(edges) }
    }

    /// Whether the polygon covers the point (boundary included, to floating-point precision).
    ///
    /// Even-odd ray casting eastwards from the point, visiting only the edges whose bounding
    /// boxes the ray meets; holes and multiple parts need no special case.
    pub fn covers(&self, p: Point<f64>) -> bool {
        let Some(bbox) = self.bbox else { return false };
        if !bbox.intersects(&p) {
            return false;
        }
        let ray = AABB::from_corners(p, Point::new(bbox.max().x, p.y()));
        let mut inside = false;
        for e in self.edges.locate_in_envelope_intersecting(&ray) {
            let (a, b) = (e.start, e.end);
            if e.intersects(&p) {
                return true;
            }
            if (a.y > p.y()) != (b.y > p.y()) {
                let x = a.x + (p.y() - a.y) * (b.x - a.x) / (b.y - a.y);
                if p.x() < x {
                    inside = !inside;
                }
            }
        }
        inside
    }

    /// Geodesic distance in metres from a point outside the polygon to its edge (0 inside).
    ///
    /// Edges come from the R-tree by planar distance in degrees; the search stops when that
    /// distance, times the fewest metres a degree can span up to the point's latitude plus a
    /// degree, exceeds the best geodesic distance found.
    pub fn distance_m(&self, p: Point<f64>) -> f64 {
        self.distance_m_within(p, f64::INFINITY).unwrap_or(f64::INFINITY)
    }

    /// [`Country::distance_m`] when it is at most `limit_m`, else `None` (found without
    /// visiting the far edges).
    pub fn distance_m_within(&self, p: Point<f64>, limit_m: f64) -> Option<f64> {
        if self.covers(p) {
            return Some(0.0);
        }
        let lat = (p.y().abs() + 1.0).min(89.0);
        let scale = 0.98 * M_PER_DEG_LAT_MIN.min(M_PER_DEG_LON_EQ * lat.to_radians().cos());
        let mut best = f64::INFINITY;
        for (e, d2) in self.edges.nearest_neighbor_iter_with_distance_2(&p) {
            if d2.sqrt() * scale > best.min(limit_m) {
                break;
            }
            if let Some(c) = closest_on_line(e, p) {
                best = best.min(Geodesic.distance(p, c));
            }
        }
        (best <= limit_m).then_some(best)
    }
}

/// How the side of a border was decided.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SideBasis {
    /// Exactly one country polygon covers the point.
    Polygon,
    /// No polygon (or more than one) covers the point; the side of the nearest segment, with
    /// the line's orientation known from the polygons, decides.
    Line,
    /// The point is within [`ON_LINE_M`] of the line: no side.
    OnLine,
    /// No polygon covers the point and it is more than [`LINE_SIDE_MAX_KM`] from the line.
    Unknown,
}

impl fmt::Display for SideBasis {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            SideBasis::Polygon => "polygon",
            SideBasis::Line => "line",
            SideBasis::OnLine => "on_line",
            SideBasis::Unknown => "unknown",
        })
    }
}

/// Where a point stands relative to the nearest border.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BorderFacts {
    /// Id of the nearest border, e.g. `AFG-IRN`.
    pub border: String,
    /// Geodesic distance to it, km.
    pub distance_km: f64,
    /// Distance along the border from its start to the closest point, km.
    pub chainage_km: f64,
    /// ISO3 of the country the point lies in, when known.
    pub side: Option<String>,
    /// How `side` was decided.
    pub side_basis: SideBasis,
    /// The closest point on the border (lon, lat).
    #[serde(skip)]
    pub closest: Point<f64>,
}

/// The nearest point on one border.
#[derive(Debug, Clone, Copy)]
pub struct Nearest {
    /// Index of the border in [`BorderSet::borders`].
    pub border: usize,
    /// Index of the segment (its start vertex).
    pub segment: usize,
    /// Geodesic distance, metres.
    pub distance_m: f64,
    /// The closest point.
    pub closest: Point<f64>,
}

/// All borders and country polygons, indexed for nearest-border queries.
pub struct BorderSet {
    /// The borders, in file order.
    pub borders: Vec<Border>,
    /// The country polygons, in file order.
    pub countries: Vec<Country>,
    /// Border segments, indexed for nearest-border queries.
    index: SegmentIndex,
    /// A hash of the border file's text: what on-disk place indexes were validated against.
    fingerprint: u64,
}

impl fmt::Debug for BorderSet {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("BorderSet")
            .field("borders", &self.borders.iter().map(|b| &b.id).collect::<Vec<_>>())
            .field("countries", &self.countries.iter().map(|c| &c.iso3).collect::<Vec<_>>())
            .finish()
    }
}

fn prop_str(f: &Feature, key: &str) -> Option<String> {
    f.property(key).and_then(|v| v.as_str()).map(str::to_string)
}

fn parse_collection(text: &str, file: &str) -> Result<Vec<Feature>, BordersError> {
    let gj: GeoJson = text
        .parse()
        .map_err(|e: geojson::Error| BordersError::Format { file: file.to_string(), message: e.to_string() })?;
    match gj {
        GeoJson::FeatureCollection(fc) => Ok(fc.features),
        _ => Err(BordersError::Format { file: file.to_string(), message: "expected a FeatureCollection".into() }),
    }
}

fn feature_err(file: &str, index: usize, field: &str, message: impl Into<String>) -> BordersError {
    BordersError::Feature { file: file.to_string(), index, field: field.to_string(), message: message.into() }
}

fn check_coords<'a>(
    coords: impl Iterator<Item = &'a Coord<f64>>,
    file: &str,
    index: usize,
) -> Result<(), BordersError> {
    for c in coords {
        if !(c.x.is_finite() && c.y.is_finite() && (-180.0..=180.0).contains(&c.x) && (-90.0..=90.0).contains(&c.y)) {
            return Err(feature_err(
                file,
                index,
                "geometry",
                format!("coordinate ({}, {}) is not a lon/lat position", c.x, c.y),
            ));
        }
    }
    Ok(())
}

/// 64-bit FNV-1a: a stable hash (unlike std's, the same across Rust releases).
pub(crate) fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3))
}

impl BorderSet {
    /// A hash of the border lines' source text (stable across runs and releases).
    pub fn fingerprint(&self) -> u64 {
        self.fingerprint
    }

    /// Builds the set from the text of a borders file (one LineString feature per border, with
    /// properties `id`, `a`, `b`, `name`) and of a countries file (MultiPolygon or Polygon
    /// features with property `id`, an ISO3 code). `*_file` label the texts in messages.
    pub fn from_geojson(
        borders_text: &str,
        borders_file: &str,
        countries_text: &str,
        countries_file: &str,
    ) -> Result<Self, BordersError> {
        let mut countries = Vec::new();
        for (i, f) in parse_collection(countries_text, countries_file)?.iter().enumerate() {
            let iso3 = prop_str(f, "id").ok_or_else(|| feature_err(countries_file, i, "id", "missing ISO3 id"))?;
            let geom = f.geometry.as_ref().ok_or_else(|| feature_err(countries_file, i, "geometry", "missing"))?;
            let shape: MultiPolygon<f64> = match geo::Geometry::<f64>::try_from(geom) {
                Ok(geo::Geometry::MultiPolygon(mp)) => mp,
                Ok(geo::Geometry::Polygon(p)) => MultiPolygon(vec![p]),
                Ok(other) => {
                    return Err(feature_err(
                        countries_file,
                        i,
                        "geometry",
                        format!("expected a (Multi)Polygon, got {other:?}").chars().take(80).collect::<String>(),
                    ));
                }
                Err(e) => return Err(feature_err(countries_file, i, "geometry", e.to_string())),
            };
            check_coords(shape.0.iter().flat_map(|p| p.exterior().0.iter()), countries_file, i)?;
            let name = prop_str(f, "name").unwrap_or_else(|| iso3.clone());
            let clipped = f.property("clipped_to_region").and_then(|v| v.as_bool()).unwrap_or(false);
            countries.push(Country::new(iso3, name, shape, clipped));
        }

        let mut borders: Vec<Border> = Vec::new();
        for (i, f) in parse_collection(borders_text, borders_file)?.iter().enumerate() {
            let id = prop_str(f, "id").ok_or_else(|| feature_err(borders_file, i, "id", "missing"))?;
            if borders.iter().any(|b| b.id == id) {
                return Err(feature_err(borders_file, i, "id", format!("duplicate border id {id}")));
            }
            let a = prop_str(f, "a").ok_or_else(|| feature_err(borders_file, i, "a", "missing ISO3"))?;
            let b = prop_str(f, "b").ok_or_else(|| feature_err(borders_file, i, "b", "missing ISO3"))?;
            let geom = f.geometry.as_ref().ok_or_else(|| feature_err(borders_file, i, "geometry", "missing"))?;
            let line = LineString::<f64>::try_from(geom)
                .map_err(|e| feature_err(borders_file, i, "geometry", format!("not a LineString: {e}")))?;
            if line.0.len() < 2 {
                return Err(feature_err(borders_file, i, "geometry", "fewer than 2 positions"));
            }
            check_coords(line.0.iter(), borders_file, i)?;
            let mut cum_m = Vec::with_capacity(line.0.len());
            let mut acc = 0.0;
            cum_m.push(0.0);
            for w in line.0.windows(2) {
                acc += Geodesic.distance(Point::from(w[0]), Point::from(w[1]));
                cum_m.push(acc);
            }
            borders.push(Border {
                name: prop_str(f, "name").unwrap_or_else(|| id.clone()),
                source: prop_str(f, "source").unwrap_or_default(),
                license: prop_str(f, "license").unwrap_or_default(),
                id,
                a,
                b,
                line,
                cum_m,
                right_side: None,
            });
        }

        let index = SegmentIndex::new(&borders.iter().map(|b| &b.line).collect::<Vec<_>>());
        let fingerprint = fnv1a(borders_text.as_bytes());
        let mut set = BorderSet { borders, countries, index, fingerprint };
        for i in 0..set.borders.len() {
            set.borders[i].right_side = set.orientation_of(i).0;
        }
        Ok(set)
    }

    /// Border by id (case-insensitive).
    pub fn border(&self, id: &str) -> Option<&Border> {
        self.borders.iter().find(|b| b.id.eq_ignore_ascii_case(id))
    }

    /// Country polygon by ISO3 code (case-insensitive).
    pub fn country(&self, iso3: &str) -> Option<&Country> {
        self.countries.iter().find(|c| c.iso3.eq_ignore_ascii_case(iso3))
    }

    /// The countries whose polygons cover the point.
    pub fn countries_at(&self, p: Point<f64>) -> Vec<&Country> {
        self.countries.iter().filter(|c| c.covers(p)).collect()
    }

    /// Which of the border's two countries is on the right of its direction, probed at nine
    /// points 3 km either side of the line; the second value counts the probes that agree with
    /// the verdict and the third those that disagree (for `gazetteer check`).
    pub fn orientation_of(&self, border: usize) -> (Option<String>, usize, usize) {
        let b = &self.borders[border];
        let (Some(ca), Some(cb)) = (self.country(&b.a), self.country(&b.b)) else {
            return (None, 0, 0);
        };
        let n = b.line.0.len() - 1;
        let (mut a_right, mut b_right) = (0, 0);
        for k in 1..=9 {
            let seg = Line::new(b.line.0[n * k / 10], b.line.0[(n * k / 10 + 1).min(n)]);
            let mid = Point::from(seg.start + (seg.end - seg.start) * 0.5);
            let (r, l) = (offset_point(&seg, mid, 3000.0), offset_point(&seg, mid, -3000.0));
            if ca.covers(r) && cb.covers(l) && !ca.covers(l) {
                a_right += 1;
            } else if cb.covers(r) && ca.covers(l) && !cb.covers(l) {
                b_right += 1;
            }
        }
        match a_right.cmp(&b_right) {
            std::cmp::Ordering::Greater => (Some(b.a.clone()), a_right, b_right),
            std::cmp::Ordering::Less => (Some(b.b.clone()), b_right, a_right),
            std::cmp::Ordering::Equal => (None, 0, a_right + b_right),
        }
    }

    /// The nearest point on any border to `p`, or `None` if there are no borders (see
    /// `src/borders/nearest.rs` for how it is found).
    pub fn nearest(&self, p: Point<f64>) -> Option<Nearest> {
        self.index.nearest(p)
    }

    /// Whether `p` is within `limit_m` metres (geodesic) of a border: what `nearest` says, but
    /// far points are ruled out without measuring a geodesic.
    pub fn within_m(&self, p: Point<f64>, limit_m: f64) -> bool {
        self.index.within_m(p, limit_m)
    }

    /// [`BorderSet::nearest`] for each point, in order; on all cores, for large batches.
    pub fn nearest_many(&self, points: &[Point<f64>]) -> Vec<Option<Nearest>> {
        self.index.nearest_many(points)
    }

    /// The nearest point on every border by brute force, for tests and checks.
    pub fn nearest_brute_force(&self, p: Point<f64>) -> Option<Nearest> {
        self.index.nearest_brute_force(p)
    }

    /// Chainage (metres from the border's start) of a nearest point.
    pub fn chainage_m(&self, n: &Nearest) -> f64 {
        let b = &self.borders[n.border];
        let start = Point::from(b.line.0[n.segment]);
        b.cum_m[n.segment] + Geodesic.distance(start, n.closest)
    }

    /// Nearest border, distance, chainage and side for a point.
    pub fn facts_for_point(&self, p: Point<f64>) -> Option<BorderFacts> {
        let n = self.nearest(p)?;
        Some(self.facts_from(p, &n))
    }

    fn facts_from(&self, p: Point<f64>, n: &Nearest) -> BorderFacts {
        let border = &self.borders[n.border];
        let (side, side_basis) = self.side_of(p, n);
        BorderFacts {
            border: border.id.clone(),
            distance_km: n.distance_m / 1000.0,
            chainage_km: self.chainage_m(n) / 1000.0,
            side,
            side_basis,
            closest: n.closest,
        }
    }

    /// Border facts for any geometry: for lines and polygons, those of the vertex nearest to a
    /// border (a line that touches the border stops the search early).
    pub fn facts_for_geometry(&self, g: &geo::Geometry<f64>) -> Option<BorderFacts> {
        use geo::CoordsIter;
        if let geo::Geometry::Point(p) = g {
            return self.facts_for_point(*p);
        }
        let mut best: Option<(Point<f64>, Nearest)> = None;
        for c in g.coords_iter() {
            let p = Point::from(c);
            if let Some(n) = self.nearest(p)
                && best.as_ref().is_none_or(|(_, b)| n.distance_m < b.distance_m)
            {
                let touching = n.distance_m < 1.0;
                best = Some((p, n));
                if touching {
                    break;
                }
            }
        }
        best.map(|(p, n)| self.facts_from(p, &n))
    }

    fn side_of(&self, p: Point<f64>, n: &Nearest) -> (Option<String>, SideBasis) {
        if n.distance_m < ON_LINE_M {
            return (None, SideBasis::OnLine);
        }
        let inside = self.countries_at(p);
        if inside.len() == 1 {
            return (Some(inside[0].iso3.clone()), SideBasis::Polygon);
        }
        let border = &self.borders[n.border];
        if n.distance_m / 1000.0 > LINE_SIDE_MAX_KM {
            return (None, SideBasis::Unknown);
        }
        let Some(right) = &border.right_side else {
            return (None, SideBasis::Unknown);
        };
        let left = if *right == border.a { &border.b } else { &border.a };
        let seg = Line::new(border.line.0[n.segment], border.line.0[n.segment + 1]);
        let on_right = cross_local(&seg, p) < 0.0;
        (Some(if on_right { right.clone() } else { left.clone() }), SideBasis::Line)
    }
}

/// The closest point to `p` on the great-circle arc of a lon/lat segment (geo's; the nearest
/// border has its own, see `nearest.rs`), for distances to country polygons.
fn closest_on_line(seg: &Line<f64>, p: Point<f64>) -> Option<Point<f64>> {
    match seg.haversine_closest_point(&p) {
        Closest::SinglePoint(c) | Closest::Intersection(c) => Some(c),
        Closest::Indeterminate => None,
    }
}

/// Cross product of the segment direction and the vector to `p`, in a local metric frame
/// (longitude scaled by cos(lat)); negative when `p` is on the right.
fn cross_local(seg: &Line<f64>, p: Point<f64>) -> f64 {
    let k = seg.start.y.to_radians().cos();
    let (dx, dy) = ((seg.end.x - seg.start.x) * k, seg.end.y - seg.start.y);
    let (px, py) = ((p.x() - seg.start.x) * k, p.y() - seg.start.y);
    dx * py - dy * px
}

/// The point `metres` to the right (negative: left) of `at`, perpendicular to the segment.
fn offset_point(seg: &Line<f64>, at: Point<f64>, metres: f64) -> Point<f64> {
    let k = at.y().to_radians().cos();
    let (dx, dy) = ((seg.end.x - seg.start.x) * k * M_PER_DEG_LON_EQ, (seg.end.y - seg.start.y) * M_PER_DEG_LAT_MIN);
    let len = (dx * dx + dy * dy).sqrt().max(f64::MIN_POSITIVE);
    let (nx, ny) = (dy / len, -dx / len); // right-hand normal
    Point::new(at.x() + nx * metres / (M_PER_DEG_LON_EQ * k), at.y() + ny * metres / M_PER_DEG_LAT_MIN)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A square "country" A on the left half and B on the right, split by a north-running line.
    fn toy() -> BorderSet {
        let borders = r#"{"type":"FeatureCollection","features":[
          {"type":"Feature","properties":{"id":"A-B","a":"AAA","b":"BBB"},
           "geometry":{"type":"LineString","coordinates":[[65.0,35.0],[65.0,36.0],[65.0,37.0]]}}]}"#;
        let countries = r#"{"type":"FeatureCollection","features":[
          {"type":"Feature","properties":{"id":"AAA"},"geometry":{"type":"Polygon",
           "coordinates":[[[64.0,35.0],[65.0,35.0],[65.0,37.0],[64.0,37.0],[64.0,35.0]]]}},
          {"type":"Feature","properties":{"id":"BBB"},"geometry":{"type":"Polygon",
           "coordinates":[[[65.0,35.0],[66.0,35.0],[66.0,37.0],[65.0,37.0],[65.0,35.0]]]}}]}"#;
        BorderSet::from_geojson(borders, "b.geojson", countries, "c.geojson").unwrap()
    }

    #[test]
    fn distance_and_chainage_are_geodesic() {
        let set = toy();
        let f = set.facts_for_point(Point::new(65.5, 36.0)).unwrap();
        // Half a degree of longitude at 36° N on WGS84 is 45.1 km.
        assert!((f.distance_km - 45.1).abs() < 0.2, "{f:?}");
        // One degree of latitude from 35° N: 110.96 km.
        assert!((f.chainage_km - 110.96).abs() < 0.2, "{f:?}");
        assert_eq!(f.side.as_deref(), Some("BBB"));
        assert_eq!(f.side_basis, SideBasis::Polygon);
        assert!((set.borders[0].length_km() - 221.9).abs() < 0.3);
    }

    #[test]
    fn orientation_and_line_side_outside_polygons() {
        let set = toy();
        // Going north, B (east) is on the right.
        assert_eq!(set.borders[0].right_side.as_deref(), Some("BBB"));
        // Outside both squares (north of them) but within 100 km: the line decides.
        let f = set.facts_for_point(Point::new(64.8, 37.2)).unwrap();
        assert_eq!((f.side.as_deref(), f.side_basis), (Some("AAA"), SideBasis::Line));
        let f = set.facts_for_point(Point::new(65.0, 36.5)).unwrap();
        assert_eq!((f.side, f.side_basis), (None, SideBasis::OnLine));
        let f = set.facts_for_point(Point::new(70.0, 40.0)).unwrap();
        assert_eq!(f.side_basis, SideBasis::Unknown);
    }

    #[test]
    fn ray_casting_agrees_with_geo_on_a_polygon_with_a_hole() {
        use geo::{Contains, Polygon, polygon};
        let outer: Polygon<f64> =
            polygon![(x: 0.0, y: 0.0), (x: 4.0, y: 0.0), (x: 4.0, y: 4.0), (x: 2.0, y: 2.5), (x: 0.0, y: 4.0)];
        let hole = LineString::from(vec![(1.0, 1.0), (2.0, 1.0), (2.0, 2.0), (1.0, 2.0), (1.0, 1.0)]);
        let poly = Polygon::new(outer.exterior().clone(), vec![hole]);
        let c = Country::new("XXX".into(), "X".into(), MultiPolygon(vec![poly.clone()]), false);
        for i in 0..=40 {
            for j in 0..=40 {
                let p = Point::new(-0.05 + i as f64 * 0.1025, -0.05 + j as f64 * 0.1025);
                let on_boundary = poly.exterior().intersects(&p) || poly.interiors()[0].intersects(&p);
                if !on_boundary {
                    assert_eq!(c.covers(p), poly.contains(&p), "{p:?}");
                }
            }
        }
        assert!(c.covers(Point::new(0.0, 2.0)), "boundary counts as covered");
        assert!(!c.covers(Point::new(1.5, 1.5)), "inside the hole");
    }

    #[test]
    fn sections_cut_at_chainages() {
        let set = toy();
        let b = &set.borders[0];
        let s = b.section(50.0, 150.0).unwrap();
        let len: f64 = s.0.windows(2).map(|w| Geodesic.distance(Point::from(w[0]), Point::from(w[1]))).sum();
        assert!((len / 1000.0 - 100.0).abs() < 0.01, "{len}");
        assert_eq!(s.0.len(), 3); // start, the vertex at 36° N, end
        assert!(b.section(150.0, 50.0).is_err());
        assert!(b.section(0.0, 500.0).is_err());
    }

    #[test]
    fn bad_files_name_the_feature_and_field() {
        let c = r#"{"type":"FeatureCollection","features":[]}"#;
        let bad = r#"{"type":"FeatureCollection","features":[
          {"type":"Feature","properties":{"id":"X","a":"AAA","b":"BBB"},
           "geometry":{"type":"LineString","coordinates":[[365.0,35.0],[65.0,36.0]]}}]}"#;
        let e = BorderSet::from_geojson(bad, "b.geojson", c, "c.geojson").unwrap_err().to_string();
        assert!(e.contains("b.geojson") && e.contains("feature 0") && e.contains("geometry"), "{e}");
        let e = BorderSet::from_geojson("[1,2]", "b.geojson", c, "c.geojson").unwrap_err().to_string();
        assert!(e.contains("b.geojson"), "{e}");
    }
}
