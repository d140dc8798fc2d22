//! Control intervals: captures and recaptures, sorted by place and date (on disk beyond a
//! budget), become per-place intervals of who holds what, with the claim status of the event
//! that started each.

use std::sync::Arc;

use jiff::civil::Date;
use serde::Serialize;

use super::feature::until;
use super::format::{LayerSpec, Output};
use super::place::Located;
use super::schema::LayerKind;
use super::shares::Held;
use super::style;
use crate::events::{ClaimStatus, Event, EventType};
use crate::spill::{self, SpillSort};

/// A capture or recapture, kept (in a [`SpillSort`]) for the control layer.
#[derive(Serialize, serde::Deserialize)]
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
    /// whole event.
    pub(super) fn record(&self) -> Vec<u8> {
        let mut r = Vec::with_capacity(256);
        spill::key(&mut r, &self.place_key);
        r.extend_from_slice(&date_key(self.start));
        spill::key(&mut r, &self.event_id);
        serde_json::to_writer(&mut r, self).expect("control event serialises");
        r
    }

    pub(super) fn from_record(r: &[u8]) -> std::io::Result<Self> {
        let bad = || std::io::Error::other("corrupt control record");
        let (_, rest) = spill::split_key(r).ok_or_else(bad)?;
        let (_, rest) = spill::split_key(rest.get(4..).ok_or_else(bad)?).ok_or_else(bad)?;
        serde_json::from_slice(rest).map_err(|_| bad())
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
    #[derive(Serialize)]
    struct Props<'a> {
        kind: &'static str,
        id: String,
        title: String,
        description: String,
        place_id: &'a str,
        place_name: &'a str,
        actor: &'a str,
        start: String,
        end: String,
        until: String,
        ongoing: bool,
        claim_status: &'static str,
        claimed_by: &'a str,
        disputed_by: &'a str,
        started_by: &'a str,
        start_type: &'static str,
        ended_by: &'a str,
        border: &'a str,
        source: &'a str,
        #[serde(flatten)]
        style: &'a style::Style,
    }
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
        let props = Props {
            kind: "control",
            id: format!("control-{}", e.event_id),
            title: format!(
                "{} holds {} ({})",
                if e.actor.is_empty() { "?" } else { &e.actor },
                e.place_name,
                e.claim_status
            ),
            description: format!(
                "from {}{}; {}{}{}",
                e.start,
                match next {
                    Some(n) =>
                        format!(" to {end} ({} from {})", if n.actor.is_empty() { "?" } else { &n.actor }, n.start),
                    None => format!(", still held on {end}"),
                },
                e.claim_status,
                if e.claimed_by.is_empty() { String::new() } else { format!(": claimed by {}", e.claimed_by) },
                if e.disputed_by.is_empty() { String::new() } else { format!("; disputed by {}", e.disputed_by) }
            ),
            place_id: &e.place_key,
            place_name: &e.place_name,
            actor: &e.actor,
            start: e.start.to_string(),
            end: end.to_string(),
            until: until_day.to_string(),
            ongoing: next.is_none(),
            claim_status: e.claim_status.as_str(),
            claimed_by: &e.claimed_by,
            disputed_by: &e.disputed_by,
            started_by: &e.event_id,
            start_type: e.event_type.as_str(),
            ended_by: next.map_or("", |n| n.event_id.as_str()),
            border: e.border.as_deref().unwrap_or(""),
            source: &e.source,
            style: style::event_style(e.event_type, e.claim_status),
        };
        let layer = out.layer(LayerSpec::top("control", LayerKind::Control, loc.geom.kind))?;
        out.push(layer, &loc.geom, &serde_json::to_vec(&props).expect("properties serialise"))?;
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
