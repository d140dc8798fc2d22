//! Claims weighed against the record (`shares.csv`): for each border and date, the share of
//! the border's length within `radius_km` of the places the control intervals give to an
//! actor, beside every `control_claim` that states a share ("two-thirds of the border").
//!
//! Method (documented in `maps/README.md`):
//! - each border is cut along its chainage into pieces of [`SAMPLE_KM`] (the last one
//!   shorter) and each piece is represented by its midpoint ([`Border::point_at_m`]);
//! - a piece is covered by a place when the geodesic distance from the place to the midpoint
//!   is at most the radius; covered km = the covered pieces' lengths, so that two places
//!   reaching the same piece count it once;
//! - a place counts for every border it reaches (geometrically, not by its `border` field);
//!   only point locations count;
//! - two bases: `confirmed` (intervals started by a confirmed event) and
//!   `confirmed_or_claimed`; disputed and denied intervals never count;
//! - `all` is every border together: covered km summed over borders / their total length;
//! - per border, actor and basis, the value is a step function over dates; one row per
//!   maximal interval of constant value (and constant set of places within reach) with a
//!   share above 0, `from` inclusive, `until` exclusive.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::Path;

use geo::{Distance, Geodesic, Haversine, Point};
use jiff::civil::Date;
use serde::Serialize;

use crate::borders::{Border, BorderSet};
use crate::events::ClaimStatus;
use crate::output::round_to;

/// The sampling step along each border, in km.
pub const SAMPLE_KM: f64 = 0.5;
/// How far (km) a held place is taken to reach along a border, by default.
pub const DEFAULT_SHARE_RADIUS_KM: f64 = 25.0;
/// The largest radius `--share-radius-km` accepts.
pub const MAX_SHARE_RADIUS_KM: f64 = 500.0;
/// The border id of every border together.
pub const ALL: &str = "all";

/// The two bases, in output order.
const BASES: [&str; 2] = ["confirmed", "confirmed_or_claimed"];

/// A control interval at a point: `place_name` is held by `actor` from `start` until `until`
/// (exclusive), as the event that started it claimed (`status`).
#[derive(Debug, Clone)]
pub(super) struct Held {
    pub(super) place_name: String,
    pub(super) point: Point<f64>,
    pub(super) actor: String,
    pub(super) status: ClaimStatus,
    pub(super) start: Date,
    pub(super) until: Date,
}

/// A `control_claim` event at a located place.
#[derive(Debug, Clone)]
pub(super) struct Claim {
    pub(super) event_id: String,
    pub(super) actor: String,
    pub(super) status: ClaimStatus,
    pub(super) claimed_by: String,
    pub(super) disputed_by: String,
    pub(super) source: String,
    pub(super) quote: String,
    pub(super) share: Option<f64>,
    pub(super) start: Date,
    pub(super) until: Date,
    /// The borders its place is on (none for the interior or a whole country).
    pub(super) borders: Vec<String>,
}

/// Whether an interval counts on a basis.
fn counts(status: ClaimStatus, basis: &str) -> bool {
    match status {
        ClaimStatus::Confirmed => true,
        ClaimStatus::Claimed => basis == "confirmed_or_claimed",
        ClaimStatus::Disputed | ClaimStatus::Denied => false,
    }
}

/// The claim columns of a `claim` row.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct ClaimCols {
    pub(super) event_id: String,
    pub(super) claimed_by: String,
    pub(super) disputed_by: String,
    pub(super) source: String,
    pub(super) quote: String,
    /// The record's share for the claim's actor on its `from` date: (confirmed,
    /// confirmed_or_claimed).
    pub(super) on_record: (f64, f64),
}

/// One row of `shares.csv`.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Row {
    /// `record` or `claim`.
    pub(super) kind: &'static str,
    pub(super) border: String,
    pub(super) actor: String,
    pub(super) basis: String,
    pub(super) from: Date,
    pub(super) until: Date,
    pub(super) share: f64,
    pub(super) km: f64,
    pub(super) border_km: f64,
    /// The held places within reach of the border (record rows), sorted.
    pub(super) places: Vec<String>,
    pub(super) claim: Option<ClaimCols>,
}

/// The rows and the counts for `index.json`.
#[derive(Debug, Clone)]
pub(super) struct Shares {
    pub(super) radius_km: f64,
    pub(super) rows: Vec<Row>,
    pub(super) claims_without_share: u64,
    pub(super) claims_off_border: u64,
}

/// How far (as a fraction) the spherical distance may be from the geodesic one: at most
/// about 0.56% on WGS84; 1% to be safe.
const HAVERSINE_SLACK: f64 = 0.01;

/// The size (degrees) of the cells of the grid that finds the pieces near a place.
const CELL_DEG: f64 = 0.25;

/// The sample pieces of every border, one after another.
struct Samples {
    points: Vec<Point<f64>>,
    /// The border of each piece.
    border_of: Vec<usize>,
    /// Per border: its pieces' range in `points`.
    ranges: Vec<std::ops::Range<usize>>,
    /// Per border: the length (km) of its last piece (the others are [`SAMPLE_KM`]).
    last_km: Vec<f64>,
    /// Per border: its length (km).
    len_km: Vec<f64>,
    /// The pieces by grid cell ([`CELL_DEG`]), each list ascending.
    grid: HashMap<(i32, i32), Vec<usize>>,
}

fn cell(lon: f64, lat: f64) -> (i32, i32) {
    ((lon / CELL_DEG).floor() as i32, (lat / CELL_DEG).floor() as i32)
}

impl Samples {
    fn new(borders: &[Border]) -> Self {
        let step_m = SAMPLE_KM * 1000.0;
        let mut s = Samples {
            points: Vec::new(),
            border_of: Vec::new(),
            ranges: Vec::new(),
            last_km: Vec::new(),
            len_km: Vec::new(),
            grid: HashMap::new(),
        };
        for (b, border) in borders.iter().enumerate() {
            let len_m = border.length_km() * 1000.0;
            let n = (len_m / step_m).ceil().max(1.0) as usize;
            let first = s.points.len();
            for i in 0..n {
                let from = i as f64 * step_m;
                let to = ((i + 1) as f64 * step_m).min(len_m);
                let p = border.point_at_m((from + to) / 2.0);
                s.grid.entry(cell(p.x(), p.y())).or_default().push(s.points.len());
                s.points.push(p);
                s.border_of.push(b);
            }
            s.ranges.push(first..s.points.len());
            s.last_km.push((len_m - (n - 1) as f64 * step_m).max(0.0) / 1000.0);
            s.len_km.push(len_m / 1000.0);
        }
        s
    }

    /// The pieces (global indices, ascending) whose midpoints lie within `radius_m` of `p`.
    /// The grid cells that meet a box in degrees holding the circle give the candidates; the
    /// geodesic distance decides.
    fn covered_by(&self, p: Point<f64>, radius_m: f64) -> Vec<usize> {
        // A degree of latitude is at least 110,574 m; one of longitude at least 111,319 m ×
        // cos(latitude). 1% slack against rounding.
        let dlat = radius_m / 110_574.0 * 1.01;
        let max_lat = (p.y().abs() + dlat).min(90.0);
        let cos = max_lat.to_radians().cos();
        let dlon = if cos > 1e-6 { radius_m / (111_319.0 * cos) * 1.01 } else { f64::INFINITY };
        // The geodesic distance decides; the spherical one, within 0.6% of it, settles the
        // pieces clearly in or out first (the geodesic is ten times slower).
        let within = |i: &usize| {
            let q = self.points[*i];
            let h = Haversine.distance(p, q);
            if h < radius_m * (1.0 - HAVERSINE_SLACK) {
                true
            } else if h > radius_m * (1.0 + HAVERSINE_SLACK) {
                false
            } else {
                Geodesic.distance(p, q) <= radius_m
            }
        };
        if p.x() - dlon < -180.0 || p.x() + dlon > 180.0 {
            // Across the antimeridian or near a pole: every piece is a candidate.
            return (0..self.points.len()).filter(within).collect();
        }
        let (x0, y0) = cell(p.x() - dlon, p.y() - dlat);
        let (x1, y1) = cell(p.x() + dlon, p.y() + dlat);
        let mut out = Vec::new();
        for x in x0..=x1 {
            for y in y0..=y1 {
                if let Some(list) = self.grid.get(&(x, y)) {
                    out.extend(list.iter().copied().filter(within));
                }
            }
        }
        out.sort_unstable();
        out
    }
}

/// A maximal interval of constant covered length (and places within reach).
#[derive(Debug, Clone, PartialEq)]
struct Segment {
    from: Date,
    until: Date,
    km: f64,
    places: Vec<String>,
}

/// The step function of covered km for one scope (a border, or every border with `None`):
/// a sweep over the intervals' starts and ends, counting how many intervals cover each piece.
fn sweep<'a>(s: &Samples, scope: Option<usize>, intervals: &[(&'a Held, &'a [usize])]) -> Vec<Segment> {
    // A coverage list is ascending and a border's pieces are one range: its part in scope is a
    // slice of it (no copy per interval: a run of a million events has hundreds of thousands).
    let in_scope = |cov: &'a [usize]| -> &'a [usize] {
        match scope {
            None => cov,
            Some(b) => {
                let r = &s.ranges[b];
                &cov[cov.partition_point(|&i| i < r.start)..cov.partition_point(|&i| i < r.end)]
            }
        }
    };
    let relevant: Vec<(&Held, &[usize])> = intervals
        .iter()
        .filter(|(h, _)| h.until > h.start)
        .map(|(h, cov)| (*h, in_scope(cov)))
        .filter(|(_, cov)| !cov.is_empty())
        .collect();
    // Every start (+1) and until (−1), in date order.
    let mut changes: Vec<(Date, i32, usize)> =
        relevant.iter().enumerate().flat_map(|(k, (h, _))| [(h.start, 1, k), (h.until, -1, k)]).collect();
    changes.sort_by_key(|c| c.0);
    let mut dates: Vec<Date> = changes.iter().map(|c| c.0).collect();
    dates.dedup();
    let mut count = vec![0u32; s.points.len()];
    // Per border: covered pieces other than the last, and whether the last is covered.
    let mut full = vec![0usize; s.ranges.len()];
    let mut last = vec![false; s.ranges.len()];
    let mut places: BTreeMap<&str, usize> = BTreeMap::new();
    let mut out: Vec<Segment> = Vec::new();
    let mut pending = changes.iter().peekable();
    let mut places_changed = false;
    for (k, &d) in dates.iter().enumerate() {
        while let Some(&(_, delta, idx)) = pending.next_if(|c| c.0 == d) {
            let (h, cov) = &relevant[idx];
            for &i in cov.iter() {
                let before = count[i];
                count[i] = count[i].saturating_add_signed(delta);
                if (before == 0) != (count[i] == 0) {
                    let b = s.border_of[i];
                    if i + 1 == s.ranges[b].end {
                        last[b] = count[i] > 0;
                    } else if delta > 0 {
                        full[b] += 1;
                    } else {
                        full[b] -= 1;
                    }
                }
            }
            let n = places.entry(h.place_name.as_str()).or_default();
            *n = n.saturating_add_signed(delta as isize);
            if *n == 0 {
                places.remove(h.place_name.as_str());
                places_changed = true;
            } else if *n == 1 && delta > 0 {
                places_changed = true;
            }
        }
        let Some(&next) = dates.get(k + 1) else { break };
        let km: f64 = (0..s.ranges.len())
            .filter(|&b| scope.is_none_or(|x| x == b))
            .map(|b| full[b] as f64 * SAMPLE_KM + if last[b] { s.last_km[b] } else { 0.0 })
            .sum();
        if km <= 0.0 {
            continue;
        }
        // The names are listed again only when a place came or went since the last segment.
        match out.last_mut() {
            Some(prev) if prev.until == d && prev.km == km && !places_changed => prev.until = next,
            Some(prev) if prev.until == d && prev.km == km && prev.places == listed(&places) => prev.until = next,
            _ => out.push(Segment { from: d, until: next, km, places: listed(&places) }),
        }
        places_changed = false;
    }
    out
}

/// The most place names a row lists; beyond them it says how many more.
const MAX_PLACES_LISTED: usize = 20;

/// The names of the held places within reach, sorted: the first [`MAX_PLACES_LISTED`], then
/// "… and N more" (a row of a large run may have thousands).
fn listed(places: &BTreeMap<&str, usize>) -> Vec<String> {
    let mut out: Vec<String> = places.keys().take(MAX_PLACES_LISTED).map(|n| n.to_string()).collect();
    if places.len() > MAX_PLACES_LISTED {
        out.push(format!("… and {} more", places.len() - MAX_PLACES_LISTED));
    }
    out
}

/// The share on a date of a step function.
fn share_on(segments: &[Segment], len_km: f64, d: Date) -> f64 {
    segments.iter().find(|s| s.from <= d && d < s.until).map_or(0.0, |s| s.km / len_km)
}

/// Weighs the claims against the held intervals, border by border (file order, then `all`).
pub(super) fn compute(borders: &BorderSet, held: &[Held], claims: &[Claim], radius_km: f64) -> Shares {
    let s = Samples::new(&borders.borders);
    let radius_m = radius_km * 1000.0;
    // Each distinct point's coverage, once.
    let mut by_point: HashMap<(u64, u64), usize> = HashMap::new();
    let mut coverage: Vec<Vec<usize>> = Vec::new();
    let cov_of: Vec<usize> = held
        .iter()
        .map(|h| {
            *by_point.entry((h.point.x().to_bits(), h.point.y().to_bits())).or_insert_with(|| {
                coverage.push(s.covered_by(h.point, radius_m));
                coverage.len() - 1
            })
        })
        .collect();
    let actors: BTreeSet<&str> = held.iter().map(|h| h.actor.as_str()).collect();
    let total_km: f64 = s.len_km.iter().sum();
    let scopes: Vec<(String, Option<usize>, f64)> = borders
        .borders
        .iter()
        .enumerate()
        .map(|(b, border)| (border.id.clone(), Some(b), s.len_km[b]))
        .chain(std::iter::once((ALL.to_string(), None, total_km)))
        .collect();
    // (scope index, actor, basis) → step function.
    let mut steps: HashMap<(usize, &str, &str), Vec<Segment>> = HashMap::new();
    let mut rows = Vec::new();
    let mut claim_rows: Vec<Vec<Row>> = vec![Vec::new(); scopes.len()];
    let (mut without_share, mut off_border) = (0, 0);
    for c in claims {
        let Some(share) = c.share else {
            without_share += 1;
            continue;
        };
        let scope = match c.borders.as_slice() {
            [] => None,
            [one] => scopes.iter().position(|(id, b, _)| b.is_some() && id == one),
            _ => Some(scopes.len() - 1),
        };
        let Some(scope) = scope else {
            off_border += 1;
            continue;
        };
        claim_rows[scope].push(Row {
            kind: "claim",
            border: scopes[scope].0.clone(),
            actor: c.actor.clone(),
            basis: c.status.as_str().to_string(),
            from: c.start,
            until: c.until,
            share,
            km: share * scopes[scope].2,
            border_km: scopes[scope].2,
            places: Vec::new(),
            claim: Some(ClaimCols {
                event_id: c.event_id.clone(),
                claimed_by: c.claimed_by.clone(),
                disputed_by: c.disputed_by.clone(),
                source: c.source.clone(),
                quote: c.quote.clone(),
                on_record: (0.0, 0.0),
            }),
        });
    }
    for (k, (id, scope, len_km)) in scopes.iter().enumerate() {
        if *len_km <= 0.0 {
            continue;
        }
        let mut record = Vec::new();
        for &actor in &actors {
            for basis in BASES {
                let intervals: Vec<(&Held, &[usize])> = held
                    .iter()
                    .zip(&cov_of)
                    .filter(|(h, _)| h.actor == actor && counts(h.status, basis))
                    .map(|(h, &c)| (h, coverage[c].as_slice()))
                    .collect();
                let segments = sweep(&s, *scope, &intervals);
                for seg in &segments {
                    record.push(Row {
                        kind: "record",
                        border: id.clone(),
                        actor: actor.to_string(),
                        basis: basis.to_string(),
                        from: seg.from,
                        until: seg.until,
                        share: seg.km / len_km,
                        km: seg.km,
                        border_km: *len_km,
                        places: seg.places.clone(),
                        claim: None,
                    });
                }
                steps.insert((k, actor, basis), segments);
            }
        }
        record.sort_by(|a, b| (&a.actor, &a.basis, a.from).cmp(&(&b.actor, &b.basis, b.from)));
        rows.extend(record);
        let mut claimed = std::mem::take(&mut claim_rows[k]);
        for r in &mut claimed {
            let on = |basis: &str| {
                steps.get(&(k, r.actor.as_str(), basis)).map_or(0.0, |segs| share_on(segs, *len_km, r.from))
            };
            let on_record = (on(BASES[0]), on(BASES[1]));
            if let Some(c) = &mut r.claim {
                c.on_record = on_record;
            }
        }
        claimed.sort_by(|a, b| {
            let id = |r: &Row| r.claim.as_ref().map(|c| c.event_id.clone()).unwrap_or_default();
            (&a.actor, &a.basis, a.from, id(a)).cmp(&(&b.actor, &b.basis, b.from, id(b)))
        });
        rows.extend(claimed);
    }
    Shares { radius_km, rows, claims_without_share: without_share, claims_off_border: off_border }
}

/// The columns of `shares.csv`, in order (a contract: other tools read them by name).
pub const COLUMNS: [&str; 18] = [
    "kind",
    "border",
    "actor",
    "basis",
    "from",
    "until",
    "share",
    "km",
    "border_km",
    "radius_km",
    "places",
    "event_id",
    "claimed_by",
    "disputed_by",
    "source",
    "quote",
    "on_record_confirmed",
    "on_record_confirmed_or_claimed",
];

/// Writes `shares.csv`.
pub(super) fn write_shares(path: &Path, shares: &Shares) -> std::io::Result<()> {
    crate::output::write_atomic_with(path, |w| {
        let mut csv = csv::Writer::from_writer(w);
        csv.write_record(COLUMNS)?;
        for r in &shares.rows {
            let c = r.claim.as_ref();
            let text = |f: fn(&ClaimCols) -> &str| c.map_or("", f).to_string();
            let on = |v: fn(&ClaimCols) -> f64| c.map_or(String::new(), |c| format!("{:.4}", v(c)));
            csv.write_record([
                r.kind.to_string(),
                r.border.clone(),
                r.actor.clone(),
                r.basis.clone(),
                r.from.to_string(),
                r.until.to_string(),
                format!("{:.4}", r.share),
                format!("{:.1}", r.km),
                format!("{:.1}", r.border_km),
                format!("{}", shares.radius_km),
                r.places.join("; "),
                text(|c| &c.event_id),
                text(|c| &c.claimed_by),
                text(|c| &c.disputed_by),
                text(|c| &c.source),
                text(|c| &c.quote),
                on(|c| c.on_record.0),
                on(|c| c.on_record.1),
            ])?;
        }
        csv.flush()
    })
}

/// The `shares` object of `index.json`.
#[derive(Serialize)]
pub(super) struct SharesIndex {
    file: &'static str,
    radius_km: f64,
    sample_km: f64,
    record_rows: usize,
    claim_rows: usize,
    claims_without_share: u64,
    claims_off_border: u64,
    claims: Vec<ClaimIndex>,
}

/// A claim beside the record, for `index.json`.
#[derive(Serialize)]
struct ClaimIndex {
    event_id: String,
    border: String,
    date: String,
    actor: String,
    claim_status: String,
    claimed_by: String,
    share: f64,
    on_record_confirmed: f64,
    on_record_confirmed_or_claimed: f64,
}

/// The file's name in the output folder.
pub(super) const FILE: &str = "shares.csv";

impl Shares {
    pub(super) fn index(&self) -> SharesIndex {
        let claims: Vec<ClaimIndex> = self
            .rows
            .iter()
            .filter_map(|r| {
                let c = r.claim.as_ref()?;
                Some(ClaimIndex {
                    event_id: c.event_id.clone(),
                    border: r.border.clone(),
                    date: r.from.to_string(),
                    actor: r.actor.clone(),
                    claim_status: r.basis.clone(),
                    claimed_by: c.claimed_by.clone(),
                    share: r.share,
                    on_record_confirmed: round_to(c.on_record.0, 4),
                    on_record_confirmed_or_claimed: round_to(c.on_record.1, 4),
                })
            })
            .collect();
        SharesIndex {
            file: FILE,
            radius_km: self.radius_km,
            sample_km: SAMPLE_KM,
            record_rows: self.rows.len() - claims.len(),
            claim_rows: claims.len(),
            claims_without_share: self.claims_without_share,
            claims_off_border: self.claims_off_border,
            claims,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Two meridian borders: A-B from 35°N to 37°N at 65°E (about 222 km), C-D from 35°N to
    /// 36°N at 70°E (about 111 km).
    fn borders() -> BorderSet {
        let b = r#"{"type":"FeatureCollection","features":[
          {"type":"Feature","properties":{"id":"A-B","a":"AAA","b":"BBB"},
           "geometry":{"type":"LineString","coordinates":[[65.0,35.0],[65.0,37.0]]}},
          {"type":"Feature","properties":{"id":"C-D","a":"AAA","b":"DDD"},
           "geometry":{"type":"LineString","coordinates":[[70.0,35.0],[70.0,36.0]]}}]}"#;
        BorderSet::from_geojson(b, "b", r#"{"type":"FeatureCollection","features":[]}"#, "c").unwrap()
    }

    fn d(s: &str) -> Date {
        s.parse().unwrap()
    }

    fn held(name: &str, lon: f64, lat: f64, status: ClaimStatus, start: &str, until: &str) -> Held {
        Held {
            place_name: name.into(),
            point: Point::new(lon, lat),
            actor: "Taliban".into(),
            status,
            start: d(start),
            until: d(until),
        }
    }

    fn confirmed(name: &str, lon: f64, lat: f64) -> Held {
        held(name, lon, lat, ClaimStatus::Confirmed, "2021-07-01", "2021-08-01")
    }

    fn rows<'a>(s: &'a Shares, border: &str, basis: &str) -> Vec<&'a Row> {
        s.rows.iter().filter(|r| r.kind == "record" && r.border == border && r.basis == basis).collect()
    }

    /// Sampling error: a piece is in or out by its midpoint, so each end of a covered stretch
    /// may be off by up to half a piece; a stretch has two ends.
    const SAMPLING_KM: f64 = SAMPLE_KM + 1e-9;

    #[test]
    fn a_row_lists_at_most_twenty_places_and_counts_the_rest() {
        let names: Vec<String> = (0..25).map(|i| format!("P{i:02}")).collect();
        let map: BTreeMap<&str, usize> = names.iter().map(|n| (n.as_str(), 1)).collect();
        let l = listed(&map);
        assert_eq!(l.len(), 21);
        assert_eq!((l[0].as_str(), l[19].as_str(), l[20].as_str()), ("P00", "P19", "… and 5 more"));
        let few: BTreeMap<&str, usize> = names[..3].iter().map(|n| (n.as_str(), 1)).collect();
        assert_eq!(listed(&few), ["P00", "P01", "P02"]);
    }

    #[test]
    fn a_place_on_the_line_covers_twice_the_radius_and_one_off_it_the_chord() {
        let b = borders();
        let len = b.borders[0].length_km();
        assert!((len - 222.0).abs() < 1.0, "{len}");
        let s = compute(&b, &[confirmed("On", 65.0, 36.0)], &[], 25.0);
        let r = rows(&s, "A-B", "confirmed");
        assert_eq!(r.len(), 1);
        assert!((r[0].km - 50.0).abs() <= SAMPLING_KM, "50 km within the sampling error: {}", r[0].km);
        assert!((r[0].share - r[0].km / len).abs() < 1e-12);
        assert_eq!(r[0].places, ["On"]);
        assert_eq!((r[0].from, r[0].until), (d("2021-07-01"), d("2021-08-01")));
        // 15 km east of the line (0.1666° of longitude at 36°N is 15.0 km): a chord of
        // 2 × √(25² − 15²) = 40 km, within the sampling error (and 0.2 km for the metre-scale
        // difference between the geodesic and a plane at that size).
        let east =
            15.0 / (111.32 * 36f64.to_radians().cos() / (1.0 - 0.00669 * 36f64.to_radians().sin().powi(2)).sqrt());
        let at = Point::new(65.0 + east, 36.0);
        let off = Geodesic.distance(at, Point::new(65.0, 36.0));
        assert!((off - 15_000.0).abs() < 20.0, "{off}");
        let s = compute(&b, &[confirmed("Off", 65.0 + east, 36.0)], &[], 25.0);
        let r = rows(&s, "A-B", "confirmed");
        assert!((r[0].km - 40.0).abs() <= SAMPLING_KM + 0.2, "40 km within the sampling error: {}", r[0].km);
    }

    #[test]
    fn overlapping_places_are_not_counted_twice() {
        let b = borders();
        // 0.1° of latitude apart (11.1 km): together 50 + 11.1 km, not 100.
        let s = compute(&b, &[confirmed("N", 65.0, 36.1), confirmed("S", 65.0, 36.0)], &[], 25.0);
        let r = rows(&s, "A-B", "confirmed");
        assert_eq!(r.len(), 1);
        assert!((r[0].km - 61.1).abs() <= SAMPLING_KM + 0.1, "{}", r[0].km);
        assert_eq!(r[0].places, ["N", "S"], "sorted");
        // The same place twice (two intervals of one place) counts once.
        let s = compute(&b, &[confirmed("S", 65.0, 36.0), confirmed("S", 65.0, 36.0)], &[], 25.0);
        assert!((rows(&s, "A-B", "confirmed")[0].km - 50.0).abs() <= SAMPLING_KM);
    }

    #[test]
    fn claimed_counts_only_with_claimed_and_disputed_or_denied_never() {
        let b = borders();
        let claimed = held("C", 65.0, 36.0, ClaimStatus::Claimed, "2021-07-01", "2021-08-01");
        let s = compute(&b, &[claimed], &[], 25.0);
        assert!(rows(&s, "A-B", "confirmed").is_empty());
        assert_eq!(rows(&s, "A-B", "confirmed_or_claimed").len(), 1);
        for status in [ClaimStatus::Disputed, ClaimStatus::Denied] {
            let h = held("X", 65.0, 36.0, status, "2021-07-01", "2021-08-01");
            let s = compute(&b, &[h], &[], 25.0);
            assert!(s.rows.is_empty(), "{status:?}: {:?}", s.rows);
        }
    }

    #[test]
    fn the_step_function_splits_at_starts_and_untils() {
        let b = borders();
        let a = held("A", 65.0, 35.5, ClaimStatus::Confirmed, "2021-07-01", "2021-07-10");
        let c = held("B", 65.0, 36.5, ClaimStatus::Confirmed, "2021-07-05", "2021-07-20");
        // A held again later, after a gap: a row of its own.
        let a2 = held("A", 65.0, 35.5, ClaimStatus::Confirmed, "2021-07-25", "2021-07-26");
        let s = compute(&b, &[a, c, a2], &[], 25.0);
        let r = rows(&s, "A-B", "confirmed");
        let spans: Vec<(String, String, Vec<String>)> =
            r.iter().map(|r| (r.from.to_string(), r.until.to_string(), r.places.clone())).collect();
        let names = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(
            spans,
            [
                ("2021-07-01".into(), "2021-07-05".into(), names(&["A"])),
                ("2021-07-05".into(), "2021-07-10".into(), names(&["A", "B"])),
                ("2021-07-10".into(), "2021-07-20".into(), names(&["B"])),
                ("2021-07-25".into(), "2021-07-26".into(), names(&["A"])),
            ]
        );
        assert!((r[1].km - 100.0).abs() <= 2.0 * SAMPLING_KM, "two stretches 111 km apart: {}", r[1].km);
        // Back-to-back intervals of the same value make one row.
        let x = held("A", 65.0, 35.5, ClaimStatus::Confirmed, "2021-07-01", "2021-07-10");
        let y = held("A", 65.0, 35.5, ClaimStatus::Confirmed, "2021-07-10", "2021-07-20");
        let s = compute(&b, &[x, y], &[], 25.0);
        let r = rows(&s, "A-B", "confirmed");
        assert_eq!(r.len(), 1);
        assert_eq!((r[0].from, r[0].until), (d("2021-07-01"), d("2021-07-20")));
    }

    #[test]
    fn a_place_beyond_the_radius_of_every_border_adds_nothing() {
        let b = borders();
        // 66°E is about 90 km from the first border and 360 km from the second.
        let s = compute(&b, &[confirmed("Far", 66.0, 36.0)], &[], 25.0);
        assert!(s.rows.is_empty(), "{:?}", s.rows);
        // With a radius that reaches it, it counts.
        let s = compute(&b, &[confirmed("Far", 66.0, 36.0)], &[], 100.0);
        assert!(!rows(&s, "A-B", "confirmed").is_empty());
    }

    #[test]
    fn all_is_the_length_weighted_sum_and_a_place_counts_for_every_border_it_reaches() {
        let b = borders();
        let (l1, l2) = (b.borders[0].length_km(), b.borders[1].length_km());
        let s = compute(&b, &[confirmed("P", 65.0, 36.0), confirmed("Q", 70.0, 35.5)], &[], 25.0);
        let (r1, r2, all) = (rows(&s, "A-B", "confirmed"), rows(&s, "C-D", "confirmed"), rows(&s, ALL, "confirmed"));
        assert_eq!((r1.len(), r2.len(), all.len()), (1, 1, 1));
        assert!((all[0].km - (r1[0].km + r2[0].km)).abs() < 1e-9);
        assert!((all[0].border_km - (l1 + l2)).abs() < 1e-9);
        assert!((all[0].share - (r1[0].share * l1 + r2[0].share * l2) / (l1 + l2)).abs() < 1e-12);
        assert_eq!(all[0].places, ["P", "Q"]);
        // Order: border in file order, then all; record before claim; basis.
        let order: Vec<(&str, &str)> = s.rows.iter().map(|r| (r.border.as_str(), r.basis.as_str())).collect();
        assert_eq!(
            order,
            [
                ("A-B", "confirmed"),
                ("A-B", "confirmed_or_claimed"),
                ("C-D", "confirmed"),
                ("C-D", "confirmed_or_claimed"),
                ("all", "confirmed"),
                ("all", "confirmed_or_claimed"),
            ]
        );
        // A place between the borders (about 227 km from each) counts for both when it
        // reaches them, whatever border its record names.
        let s = compute(&b, &[confirmed("Between", 67.5, 35.5)], &[], 250.0);
        assert!(!rows(&s, "A-B", "confirmed").is_empty() && !rows(&s, "C-D", "confirmed").is_empty());
        // A place 11.1 km beyond the end of C-D (36°N), on its meridian: the last 13.9 km.
        let s = compute(&b, &[confirmed("End", 70.0, 36.1)], &[], 25.0);
        let r = rows(&s, "C-D", "confirmed");
        assert!((r[0].km - 14.0).abs() <= SAMPLING_KM + 0.1, "{}", r[0].km);
        // The last piece is shorter than SAMPLE_KM and weighs its length.
        let covered_all = compute(&b, &[confirmed("Big", 70.0, 35.5)], &[], 200.0);
        let r = rows(&covered_all, "C-D", "confirmed");
        assert!((r[0].km - l2).abs() < 1e-9 && (r[0].share - 1.0).abs() < 1e-12, "{} of {l2}", r[0].km);
    }

    fn claim(id: &str, share: Option<f64>, borders: &[&str], date: &str) -> Claim {
        Claim {
            event_id: id.into(),
            actor: "Taliban".into(),
            status: ClaimStatus::Claimed,
            claimed_by: "a ministry".into(),
            disputed_by: String::new(),
            source: "an outlet".into(),
            quote: "two-thirds".into(),
            share,
            start: d(date),
            until: d(date).tomorrow().unwrap(),
            borders: borders.iter().map(|s| s.to_string()).collect(),
        }
    }

    #[test]
    fn a_claim_row_carries_the_records_share_on_its_date() {
        let b = borders();
        let h = [
            confirmed("P", 65.0, 36.0),
            held("C", 65.0, 36.5, ClaimStatus::Claimed, "2021-07-05", "2021-08-01"),
            confirmed("Q", 70.0, 35.5),
        ];
        let claims = [
            claim("early", Some(0.67), &["A-B"], "2021-07-02"),
            claim("late", Some(0.7), &["A-B"], "2021-07-09"),
            claim("after", Some(0.5), &["A-B"], "2021-08-01"),
            claim("every", Some(0.9), &["A-B", "C-D"], "2021-07-09"),
            claim("none", None, &["A-B"], "2021-07-09"),
            claim("inland", Some(0.85), &[], "2021-07-09"),
        ];
        let s = compute(&b, &h, &claims, 25.0);
        assert_eq!((s.claims_without_share, s.claims_off_border), (1, 1));
        let find = |id: &str| s.rows.iter().find(|r| r.claim.as_ref().is_some_and(|c| c.event_id == id)).unwrap();
        let on = |border: &str, basis: &str, date: &str| {
            rows(&s, border, basis).iter().find(|r| r.from <= d(date) && d(date) < r.until).map_or(0.0, |r| r.share)
        };
        let early = find("early");
        assert_eq!(
            early.claim.as_ref().unwrap().on_record,
            (on("A-B", "confirmed", "2021-07-02"), on("A-B", "confirmed_or_claimed", "2021-07-02"))
        );
        let c = find("late").claim.as_ref().unwrap();
        assert!(c.on_record.1 > c.on_record.0 && c.on_record.0 > 0.0, "{:?}", c.on_record);
        assert_eq!(
            c.on_record,
            (on("A-B", "confirmed", "2021-07-09"), on("A-B", "confirmed_or_claimed", "2021-07-09"))
        );
        assert_eq!(find("after").claim.as_ref().unwrap().on_record, (0.0, 0.0), "nothing held on its date");
        let every = find("every");
        assert_eq!(every.border, ALL);
        assert!((every.km - 0.9 * every.border_km).abs() < 1e-9);
        assert_eq!(every.claim.as_ref().unwrap().on_record.0, on(ALL, "confirmed", "2021-07-09"));
        assert_eq!((early.kind, early.basis.as_str(), early.share), ("claim", "claimed", 0.67));
        // Claims follow the record rows of their border.
        let kinds: Vec<(&str, &str)> = s.rows.iter().map(|r| (r.border.as_str(), r.kind)).collect();
        let first_claim = kinds.iter().position(|k| k == &("A-B", "claim")).unwrap();
        assert!(kinds[..first_claim].iter().all(|k| k == &("A-B", "record")));
        assert!(kinds[first_claim..].iter().take_while(|k| k.0 == "A-B").all(|k| k.1 == "claim"));
    }

    #[test]
    fn the_csv_has_the_contracted_columns() {
        let b = borders();
        let s = compute(&b, &[confirmed("P", 65.0, 36.0)], &[claim("c", Some(0.67), &["A-B"], "2021-07-09")], 25.0);
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(FILE);
        write_shares(&path, &s).unwrap();
        let text = std::fs::read_to_string(&path).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines[0], COLUMNS.join(","));
        assert!(lines[1].starts_with("record,A-B,Taliban,confirmed,2021-07-01,2021-08-01,0.22"), "{}", lines[1]);
        assert!(lines[1].ends_with(",25,P,,,,,,,"), "{}", lines[1]);
        let claim_line = lines.iter().find(|l| l.starts_with("claim,")).unwrap();
        assert!(
            claim_line.contains(",0.6700,") && claim_line.contains(",c,a ministry,,an outlet,two-thirds,0.22"),
            "{claim_line}"
        );
        let index = serde_json::to_value(s.index()).unwrap();
        assert_eq!(index["record_rows"], 4, "A-B and all, two bases each");
        assert_eq!(index["claim_rows"], 1);
        assert_eq!(index["claims"][0]["event_id"], "c");
    }
}

#[cfg(test)]
mod scale {
    use super::*;

    /// Thousands of places along the bundled borders (about 12,000 pieces), each held for a
    /// few weeks by one of three actors: the grid keeps it quick, and every share stays a
    /// share.
    #[test]
    fn thousands_of_places_on_the_bundled_borders() {
        let gz = crate::gazetteer::Gazetteer::bundled().unwrap();
        let b = gz.borders();
        let start: Date = "2021-01-01".parse().unwrap();
        let statuses = [ClaimStatus::Confirmed, ClaimStatus::Claimed, ClaimStatus::Disputed];
        let held: Vec<Held> = (0..3000)
            .map(|i| {
                let border = &b.borders[i % b.borders.len()];
                let at = border.point_at_m((i as f64 * 7_919.0) % (border.length_km() * 1000.0));
                let from = start.checked_add(jiff::Span::new().days((i % 200) as i64)).unwrap();
                Held {
                    place_name: format!("p{i}"),
                    point: Point::new(at.x() + 0.01 * ((i % 7) as f64 - 3.0), at.y()),
                    actor: ["A", "B", "C"][i % 3].into(),
                    status: statuses[i % 3],
                    start: from,
                    until: from.checked_add(jiff::Span::new().days(20 + (i % 30) as i64)).unwrap(),
                }
            })
            .collect();
        let t = std::time::Instant::now();
        let s = compute(b, &held, &[], DEFAULT_SHARE_RADIUS_KM);
        let took = t.elapsed();
        assert!(!s.rows.is_empty());
        assert!(s.rows.iter().all(|r| r.share > 0.0 && r.share <= 1.0 + 1e-12 && r.from < r.until));
        eprintln!("{} rows from {} intervals in {took:?}", s.rows.len(), held.len());
        assert!(took < std::time::Duration::from_secs(60), "{took:?}");
    }
}
