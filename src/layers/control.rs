//! Control intervals: captures and recaptures, sorted by place and date (on disk beyond a
//! budget), become per-place intervals of who holds what, with the claim status of the event
//! that started each.

use std::sync::Arc;

use jiff::civil::Date;
use std::fmt::Write as _;

use super::feature::until;
use super::format::{LayerSpec, Output};
use super::json::Object;
use super::place::Located;
use super::schema::LayerKind;
use super::shares::Held;
use super::style;
use crate::events::{ClaimStatus, Event, EventType};
use crate::spill::{self, SpillSort};

/// A capture or recapture, kept (in a [`SpillSort`]) for the control layer.
pub(super) struct ControlEvent {
    pub(super) place_key: String,
    pub(super) start: Date,
    pub(super) event_id: String,
    pub(super) event_type: EventType,
    pub(super) actor: String,
    pub(super) claim_status: ClaimStatus,
    pub(super) claimed_by: String,
    pub(super) disputed_by: String,
    pub(super) source: String,
    pub(super) place_name: String,
    /// The location's key in the run's place cache (its geometry is there).
    pub(super) location: String,
    pub(super) border: Option<String>,
}

impl ControlEvent {
    /// The capture or recapture `e` at its located place (`location`: its key in the run's
    /// place cache).
    pub(super) fn new(e: &Event, loc: &Located, location: &str) -> Self {
        ControlEvent {
            place_key: loc.place_id.clone().unwrap_or_else(|| location.to_string()),
            start: e.date.start,
            event_id: e.id.clone(),
            event_type: e.event_type,
            actor: e.actor.clone(),
            claim_status: e.claim_status,
            claimed_by: e.claimed_by.clone(),
            disputed_by: e.disputed_by.clone(),
            source: e.source.clone(),
            place_name: loc.place_name.clone(),
            location: location.to_string(),
            border: loc.borders.first().or(loc.nearest.as_ref()).map(|b| b.0.clone()),
        }
    }

    /// The record to sort: place, start date, event id (the order of the intervals), then the
    /// rest of the event as fields ([`spill::Fields`]).
    pub(super) fn record(&self, r: &mut Vec<u8>) {
        r.clear();
        spill::key(r, &self.place_key);
        r.extend_from_slice(&date_key(self.start));
        spill::key(r, &self.event_id);
        let code = |i: Option<usize>| i.expect("every type and status is in ALL") as u8;
        r.push(code(EventType::ALL.iter().position(|&t| t == self.event_type)));
        r.push(code(ClaimStatus::ALL.iter().position(|&s| s == self.claim_status)));
        r.push(u8::from(self.border.is_some()));
        for s in [&self.place_key, &self.event_id, &self.actor, &self.claimed_by, &self.disputed_by] {
            spill::put_str(r, s);
        }
        for s in [&self.source, &self.place_name, &self.location] {
            spill::put_str(r, s);
        }
        spill::put_str(r, self.border.as_deref().unwrap_or(""));
    }

    pub(super) fn from_record(r: &[u8]) -> std::io::Result<Self> {
        let bad = || std::io::Error::other("corrupt control record");
        let (place, rest) = spill::key_span(r).ok_or_else(bad)?;
        let start = date_from_key(rest.get(..4).ok_or_else(bad)?).ok_or_else(bad)?;
        let (_, rest) = spill::key_span(&rest[4..]).ok_or_else(bad)?;
        debug_assert!(!place.is_empty());
        let parse = || {
            let mut f = spill::Fields(rest);
            let event_type = *EventType::ALL.get(f.u8()? as usize)?;
            let claim_status = *ClaimStatus::ALL.get(f.u8()? as usize)?;
            let has_border = f.u8()? == 1;
            let mut text = || f.str().map(str::to_string);
            let (place_key, event_id, actor, claimed_by, disputed_by) = (text()?, text()?, text()?, text()?, text()?);
            let (source, place_name, location, border) = (text()?, text()?, text()?, text()?);
            Some(ControlEvent {
                place_key,
                start,
                event_id,
                event_type,
                actor,
                claim_status,
                claimed_by,
                disputed_by,
                source,
                place_name,
                location,
                border: has_border.then_some(border),
            })
        };
        parse().ok_or_else(bad)
    }
}

/// A date as 4 bytes whose byte order is the date order.
pub(super) fn date_key(d: Date) -> [u8; 4] {
    let y = (i32::from(d.year()) + 32768) as u16;
    let [a, b] = y.to_be_bytes();
    [a, b, d.month() as u8, d.day() as u8]
}

/// The date of a [`date_key`]; `None` if the bytes are no date.
pub(super) fn date_from_key(k: &[u8]) -> Option<Date> {
    let [a, b, m, d] = *k else { return None };
    let y = i32::from(u16::from_be_bytes([a, b])) - 32768;
    Date::new(i16::try_from(y).ok()?, m as i8, d as i8).ok()
}

/// Control intervals: per place, each capture or recapture starts an interval for its actor,
/// which ends the day before the next one by another actor there (`until` is that day). An
/// interval still open ends at `horizon` (the `--as-of` date, or the last date in the data)
/// with `ongoing` true, so that `end` is always a date and GIS software types it as one. The
/// interval carries the claim status of the event that started it.
///
/// Returns the intervals at point locations, for `shares.csv` ([`super::shares`]).
pub(super) fn write_control(
    out: &mut Output,
    events: SpillSort,
    located: &dyn Fn(&str) -> Option<Arc<Located>>,
    horizon: Option<Date>,
) -> std::io::Result<Vec<Held>> {
    let mut props = Vec::with_capacity(1024);
    let (mut title, mut description) = (String::new(), String::new());
    // In (place, start, event id) order, an interval is one event followed by those of the same
    // actor at the same place; the next event by another actor there ends it.
    let mut sorted = events.finish()?.map(|r| r.and_then(|r| ControlEvent::from_record(&r)));
    let mut current = sorted.next().transpose()?;
    let mut held = Vec::new();
    while let Some(e) = current {
        let mut following = sorted.next().transpose()?;
        while following.as_ref().is_some_and(|n| n.place_key == e.place_key && n.actor == e.actor) {
            following = sorted.next().transpose()?;
        }
        let next = following.as_ref().filter(|n| n.place_key == e.place_key);
        // The last day held: the day before the next holder's first, or the horizon.
        let (end, until_day) = match next {
            Some(n) => (n.start.yesterday().unwrap_or(n.start).max(e.start), n.start.max(until(e.start))),
            None => {
                let end = horizon.unwrap_or(e.start).max(e.start);
                (end, until(end))
            }
        };
        let Some(loc) = located(&e.location) else {
            current = following;
            continue;
        };
        let who = |actor: &str| if actor.is_empty() { "?" } else { actor }.to_string();
        title.clear();
        let _ = write!(title, "{} holds {} ({})", who(&e.actor), e.place_name, e.claim_status);
        description.clear();
        let _ = write!(description, "from {}", e.start);
        let _ = match next {
            Some(n) => write!(description, " to {end} ({} from {})", who(&n.actor), n.start),
            None => write!(description, ", still held on {end}"),
        };
        let _ = write!(description, "; {}", e.claim_status);
        if !e.claimed_by.is_empty() {
            let _ = write!(description, ": claimed by {}", e.claimed_by);
        }
        if !e.disputed_by.is_empty() {
            let _ = write!(description, "; disputed by {}", e.disputed_by);
        }
        props.clear();
        let mut o = Object::begin(&mut props);
        o.str("kind", "control").str("id", &format!("control-{}", e.event_id));
        o.str("title", &title).str("description", &description);
        o.str("place_id", &e.place_key).str("place_name", &e.place_name).str("actor", &e.actor);
        o.date("start", e.start).date("end", end).date("until", until_day).bool("ongoing", next.is_none());
        o.str("claim_status", e.claim_status.as_str()).str("claimed_by", &e.claimed_by);
        o.str("disputed_by", &e.disputed_by).str("started_by", &e.event_id);
        o.str("start_type", e.event_type.as_str()).str("ended_by", next.map_or("", |n| n.event_id.as_str()));
        o.str("border", e.border.as_deref().unwrap_or("")).str("source", &e.source);
        style::event_style(e.event_type, e.claim_status).write(&mut o);
        o.end();
        let layer = out.layer(LayerSpec::top("control", LayerKind::Control, loc.geom.kind))?;
        out.push(layer, &loc.geom, &props)?;
        if let geo::Geometry::Point(point) = loc.geom.geometry {
            held.push(Held {
                place_name: e.place_name.clone(),
                point,
                actor: e.actor.clone(),
                status: e.claim_status,
                start: e.start,
                until: until_day,
            });
        }
        current = following;
    }
    Ok(held)
}
