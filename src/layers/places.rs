//! Place summaries: one feature per place (and one per place and period in the period
//! folders) listing every event there, so that events stacked on one point or one line are
//! each reachable with a click: on the summary, which is drawn on top. Places with the same
//! geometry (a town and the base in it, given the town's point) share one summary. Line
//! summaries are drawn longest first and widest, so that a shorter line on top (a river, one
//! border) never hides a longer one under it (every border at once): its edges stay clickable.
//!
//! Each event is kept as a short record, sorted by place and date (on disk beyond a budget,
//! like the control intervals); once the input ends the records are read back in order and
//! each place's summary is written as its group ends. Memory holds one place at a time.

use std::collections::BTreeSet;
use std::fmt::Write as _;

use jiff::civil::Date;

use super::control::{date_from_key, date_key};
use super::feature::{Citation, until};
use super::format::{LayerSpec, Output};
use super::json::Object;
use super::place::{Geom, Located};
use super::schema::{GeomKind, LayerKind};
use super::{Period, style};
use crate::events::{ClaimStatus, Event, EventType};
use crate::spill::{self, SpillSort};

/// A summary lists at most this many events in its description (all are counted, and their
/// ids are in `event_ids` up to [`MAX_IDS`]).
pub const MAX_LISTED: usize = 50;
/// `event_ids` holds at most this many ids; beyond, it ends with how many more there are (the
/// timeline layer has them all, with the same `place_id`).
pub const MAX_IDS: usize = 1000;

/// An event as its place's summary needs it, borrowed from the event or from its record.
pub(super) struct PlaceEvent<'a> {
    start: Date,
    end: Date,
    id: &'a str,
    event_type: EventType,
    claim_status: ClaimStatus,
    claimed_by: &'a str,
    disputed_by: &'a str,
    source: &'a str,
    source_date: Option<Date>,
    place_id: &'a str,
    place_name: &'a str,
    /// The period the event lies within (none when it spans periods or without `--by`).
    period: Option<&'a str>,
}

impl<'a> PlaceEvent<'a> {
    /// The record of event `e` at the place whose cache key is `location`: sort keys (the
    /// place, the start, the id), then the fields as bytes ([`spill::Fields`]), each text once.
    pub(super) fn record(e: &Event, loc: &Located, location: &str, period: Option<&str>, r: &mut Vec<u8>) {
        r.clear();
        spill::key(r, location);
        r.extend_from_slice(&date_key(e.date.start));
        spill::key(r, &e.id);
        r.extend_from_slice(&date_key(e.date.end));
        let code = |i: Option<usize>| i.expect("every type and status is in ALL") as u8;
        r.push(code(EventType::ALL.iter().position(|&t| t == e.event_type)));
        r.push(code(ClaimStatus::ALL.iter().position(|&s| s == e.claim_status)));
        match e.source_date {
            Some(d) => {
                r.push(1);
                r.extend_from_slice(&date_key(d));
            }
            None => r.push(0),
        }
        for s in [&e.id, &e.claimed_by, &e.disputed_by, &e.source] {
            spill::put_str(r, s);
        }
        spill::put_str(r, loc.place_id.as_deref().unwrap_or(""));
        spill::put_str(r, &loc.place_name);
        spill::put_str(r, period.unwrap_or(""));
    }

    /// The event of a record, and the raw sort key of its place.
    fn from_record(r: &'a [u8]) -> std::io::Result<(&'a [u8], Self)> {
        let bad = || std::io::Error::other("corrupt place record");
        let (location, rest) = spill::key_span(r).ok_or_else(bad)?;
        let (_, rest) = spill::key_span(rest.get(4..).ok_or_else(bad)?).ok_or_else(bad)?;
        let start = date_from_key(&r[location.len()..location.len() + 4]).ok_or_else(bad)?;
        let parse = || {
            let mut f = spill::Fields(rest);
            let end = date_from_key(f.bytes(4)?)?;
            let event_type = *EventType::ALL.get(f.u8()? as usize)?;
            let claim_status = *ClaimStatus::ALL.get(f.u8()? as usize)?;
            let source_date = match f.u8()? {
                0 => None,
                _ => Some(date_from_key(f.bytes(4)?)?),
            };
            let (id, claimed_by, disputed_by, source) = (f.str()?, f.str()?, f.str()?, f.str()?);
            let (place_id, place_name, period) = (f.str()?, f.str()?, f.str()?);
            Some(PlaceEvent {
                start,
                end,
                id,
                event_type,
                claim_status,
                claimed_by,
                disputed_by,
                source,
                source_date,
                place_id,
                place_name,
                period: (!period.is_empty()).then_some(period),
            })
        };
        Ok((location, parse().ok_or_else(bad)?))
    }
}

/// The events of one place (or of one place in one period), summed up as they come.
#[derive(Default)]
struct Summary {
    period: Option<String>,
    events: u64,
    first: Option<Date>,
    last: Option<Date>,
    ids: String,
    lines: String,
    counts: [u64; 4],
    types: BTreeSet<&'static str>,
    sources: BTreeSet<String>,
    /// The places (ids and names, in order of first event) sharing this geometry.
    place_ids: Vec<String>,
    place_names: Vec<String>,
}

/// At most this many distinct sources are named in `sources`.
const MAX_SOURCES: usize = 20;

impl Summary {
    fn add(&mut self, e: &PlaceEvent) {
        self.events += 1;
        self.first = Some(self.first.map_or(e.start, |d| d.min(e.start)));
        self.last = Some(self.last.map_or(e.end, |d| d.max(e.end)));
        if self.events as usize <= MAX_IDS {
            if !self.ids.is_empty() {
                self.ids.push_str("; ");
            }
            self.ids.push_str(e.id);
        }
        if self.events as usize <= MAX_LISTED {
            let _ = write!(self.lines, "\n{} {} [{}] {}", e.start, e.event_type.as_str(), e.id, e.claim_status);
            if !e.claimed_by.is_empty() {
                let _ = write!(self.lines, ", claimed by {}", e.claimed_by);
            }
            if !e.disputed_by.is_empty() {
                let verb = if e.claim_status == ClaimStatus::Denied { "denied" } else { "disputed" };
                let _ = write!(self.lines, ", {verb} by {}", e.disputed_by);
            }
            let _ = write!(self.lines, " ({})", Citation(e.source, e.source_date));
        }
        let i = ClaimStatus::ALL.iter().position(|&s| s == e.claim_status).expect("every status is in ALL");
        self.counts[i] += 1;
        self.types.insert(e.event_type.as_str());
        if self.sources.len() < MAX_SOURCES && !e.source.is_empty() {
            self.sources.insert(e.source.to_string());
        }
        if !self.place_names.iter().any(|n| n == e.place_name) {
            self.place_names.push(e.place_name.to_string());
        }
        if !e.place_id.is_empty() && !self.place_ids.iter().any(|i| i == e.place_id) {
            self.place_ids.push(e.place_id.to_string());
        }
    }

    fn count(&self, s: ClaimStatus) -> u64 {
        self.counts[ClaimStatus::ALL.iter().position(|&x| x == s).expect("every status is in ALL")]
    }

    /// The summary's properties, in the order of [`super::schema::PLACES`].
    fn props(&self, id: &str, border: &str, stroke_width: f64) -> Vec<u8> {
        let (place_id, place_name) = (self.place_ids.join("; "), self.place_names.join("; "));
        let (first, last) = (self.first.expect("a summary has events"), self.last.expect("a summary has events"));
        let mut statuses = String::new();
        for s in ClaimStatus::ALL.iter().filter(|&&s| self.count(s) > 0) {
            let sep = if statuses.is_empty() { "" } else { ", " };
            let _ = write!(statuses, "{sep}{} {}", self.count(*s), s.as_str());
        }
        let plural = if self.events == 1 { "" } else { "s" };
        let mut text = String::with_capacity(64 + self.lines.len());
        let mut o_buf = Vec::with_capacity(256 + 2 * self.lines.len() + self.ids.len());
        let mut o = Object::begin(&mut o_buf);
        o.str("kind", "place");
        match &self.period {
            Some(p) => {
                let _ = write!(text, "{id}@{p}");
            }
            None => text.push_str(id),
        }
        o.str("id", &text);
        text.clear();
        let _ = write!(text, "{place_name}: {} event{plural} ({statuses})", self.events);
        o.str("title", &text);
        text.clear();
        let _ = write!(text, "{} event{plural} at {place_name}", self.events);
        if let Some(p) = &self.period {
            let _ = write!(text, " in {p}");
        }
        let _ = write!(text, " ({statuses}):{}", self.lines);
        if self.events as usize > MAX_LISTED {
            let _ = write!(text, "\n… and {} more (all in the timeline layer)", self.events as usize - MAX_LISTED);
        }
        o.str("description", &text);
        o.str("place_id", &place_id).str("place_name", &place_name).str("border", border);
        o.date("start", first).date("end", last).date("until", until(last)).uint("events", self.events);
        if self.events as usize > MAX_IDS {
            text.clear();
            let _ = write!(text, "{}; … and {} more", self.ids, self.events as usize - MAX_IDS);
            o.str("event_ids", &text);
        } else {
            o.str("event_ids", &self.ids);
        }
        o.uint("confirmed", self.count(ClaimStatus::Confirmed)).uint("claimed", self.count(ClaimStatus::Claimed));
        o.uint("disputed", self.count(ClaimStatus::Disputed)).uint("denied", self.count(ClaimStatus::Denied));
        text.clear();
        for (i, t) in self.types.iter().enumerate() {
            text.push_str(if i == 0 { "" } else { "; " });
            text.push_str(t);
        }
        o.str("types", &text);
        text.clear();
        for (i, t) in self.sources.iter().enumerate() {
            text.push_str(if i == 0 { "" } else { "; " });
            text.push_str(t);
        }
        o.str("sources", &text);
        o.str("marker-color", style::SUMMARY_COLOUR);
        text.clear();
        if self.events < 10 {
            let _ = write!(text, "{}", self.events);
        }
        o.str("marker-symbol", &text).str("marker-size", "small").str("stroke", style::SUMMARY_COLOUR);
        // Light: the event lines under it keep their colours, and it still takes a click.
        o.real("stroke-width", stroke_width).real("stroke-opacity", 0.25);
        o.end();
        o_buf
    }
}

/// Writes the summaries: `places-{points,lines}` for the whole run and, with `by`, one per
/// period folder. `located` gives each place's facts by its cache key.
pub(super) fn write_places(
    out: &mut Output,
    events: SpillSort,
    located: &dyn Fn(&str) -> Option<std::sync::Arc<Located>>,
    by: Option<Period>,
) -> std::io::Result<()> {
    let mut sorted = events.finish()?;
    let mut lines = Vec::new();
    // The records of one place come together; a group ends where the place's key changes.
    let mut group: Option<(Vec<u8>, Group)> = None;
    for record in &mut sorted {
        let record = record?;
        let (key, e) = PlaceEvent::from_record(&record)?;
        if group.as_ref().is_none_or(|(k, _)| k.as_slice() != key) {
            if let Some((_, done)) = group.take() {
                done.finish(out, by, &mut lines)?;
            }
            let (location, _) = spill::split_key(key).ok_or_else(|| std::io::Error::other("corrupt place record"))?;
            group = Some((key.to_vec(), Group::new(located(&location), &location)));
        }
        group.as_mut().expect("just set").1.add(by, &e);
    }
    if let Some((_, done)) = group {
        done.finish(out, by, &mut lines)?;
    }
    write_lines(out, lines)
}

/// The widest and narrowest line summaries, px: the longest line is the widest.
const LINE_WIDTHS: (f64, f64) = (9.0, 2.0);

/// Writes the line summaries of each layer longest first, each narrower than the one before
/// (by rank of length, down to the narrowest width).
fn write_lines(out: &mut Output, mut lines: Vec<LineSummary>) -> std::io::Result<()> {
    lines.sort_by(|a, b| a.layer.name.cmp(&b.layer.name).then(b.length_m.total_cmp(&a.length_m)).then(a.id.cmp(&b.id)));
    let mut rank = 0;
    for i in 0..lines.len() {
        rank = if i > 0 && lines[i - 1].layer == lines[i].layer { rank + 1 } else { 0 };
        let l = &lines[i];
        let width = (LINE_WIDTHS.0 - 1.5 * rank as f64).max(LINE_WIDTHS.1);
        let layer = out.layer(l.layer.clone())?;
        out.push(layer, &l.loc.geom, &l.summary.props(&l.id, &l.border, width))?;
    }
    Ok(())
}

/// A line place's summary, held until all are known (there are few line places: rivers,
/// border sections, whole borders).
struct LineSummary {
    layer: LayerSpec,
    length_m: f64,
    id: String,
    border: String,
    loc: std::sync::Arc<Located>,
    summary: Summary,
}

/// The events of one place as they are read: its summary for the whole run, and those of
/// each period.
struct Group {
    /// The place (none if it did not resolve: then nothing is written).
    loc: Option<std::sync::Arc<Located>>,
    id: String,
    whole: Summary,
    periods: Vec<Summary>,
}

impl Group {
    fn new(loc: Option<std::sync::Arc<Located>>, location: &str) -> Self {
        let id = loc.as_ref().and_then(|l| l.place_id.clone()).unwrap_or_else(|| format!("place-{location}"));
        Group { loc, id, whole: Summary::default(), periods: Vec::new() }
    }

    fn add(&mut self, by: Option<Period>, e: &PlaceEvent) {
        self.whole.add(e);
        if by.is_some()
            && let Some(period) = e.period
        {
            // Events come in date order: a period's events are together.
            if self.periods.last().is_none_or(|p| p.period.as_deref() != Some(period)) {
                self.periods.push(Summary { period: Some(period.to_string()), ..Summary::default() });
            }
            self.periods.last_mut().expect("just pushed").add(e);
        }
    }

    fn finish(self, out: &mut Output, by: Option<Period>, lines: &mut Vec<LineSummary>) -> std::io::Result<()> {
        let Some(loc) = self.loc else { return Ok(()) };
        let border = loc.borders.first().or(loc.nearest.as_ref()).map_or("", |b| b.0.as_str()).to_string();
        let geom = loc.geom.kind;
        let specs = self.periods.into_iter().map(|s| {
            let p = s.period.clone().expect("period summaries have a period");
            (Some(p), s)
        });
        for (period, summary) in std::iter::once((None, self.whole)).chain(specs) {
            let layer = match &period {
                None => LayerSpec::top("places", LayerKind::Places, geom),
                Some(p) => {
                    let by = by.expect("period summaries only with --by");
                    LayerSpec::in_period(by.folder(), p, "places", LayerKind::Places, geom)
                }
            };
            match geom {
                GeomKind::Point => {
                    let id = out.layer(layer)?;
                    out.push(id, &loc.geom, &summary.props(&self.id, &border, 1.0))?;
                }
                GeomKind::Line => lines.push(LineSummary {
                    layer,
                    length_m: line_length_m(&loc.geom),
                    id: self.id.clone(),
                    border: border.clone(),
                    loc: loc.clone(),
                    summary,
                }),
            }
        }
        Ok(())
    }
}

/// The geodesic length of a line, m.
fn line_length_m(g: &Geom) -> f64 {
    use geo::{Geodesic, Length};
    match &g.geometry {
        geo::Geometry::MultiLineString(ml) => ml.0.iter().map(|l| Geodesic.length(l)).sum(),
        _ => 0.0,
    }
}
