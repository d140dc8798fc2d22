//! An event as a GeoJSON Feature: its properties (full or compact, in a fixed order), its
//! title and description, and the border line that heads each border layer.

use geo::Geometry;
use jiff::civil::Date;
use serde::Serialize;

use super::place::{BorderRef, Geom, Located};
use super::{BORDER_LINE_SIMPLIFY_DEG, Properties, style};
use crate::events::{ClaimStatus, Event};
use crate::gazetteer::Gazetteer;
use crate::output::round_to;

/// What an event's features are made from.
pub(super) struct PropsContext<'a> {
    pub(super) e: &'a Event,
    pub(super) loc: &'a Located,
    pub(super) as_reported: &'a str,
    pub(super) title: &'a str,
    pub(super) description: &'a str,
    pub(super) share: &'a str,
    pub(super) citation: &'a str,
    pub(super) style: &'a style::Style,
}

impl<'a> PropsContext<'a> {
    /// Serialises the properties of this event on a layer (labelled `layer`, on border `b`)
    /// into `out`, replacing what was there.
    pub(super) fn write(&self, properties: Properties, layer: &'a str, b: Option<&'a BorderRef>, out: &mut Vec<u8>) {
        out.clear();
        match properties {
            Properties::Full => serde_json::to_writer(out, &self.props(layer, b)),
            Properties::Compact => serde_json::to_writer(out, &CompactProps::from(self.props(layer, b))),
        }
        .expect("properties serialise");
    }

    fn props(&self, layer: &'a str, b: Option<&'a BorderRef>) -> EventProps<'a> {
        let (e, loc) = (self.e, self.loc);
        // An interior event's border fields are those of its nearest border.
        let on = b.or(loc.nearest.as_ref());
        EventProps {
            kind: "event",
            id: &e.id,
            title: self.title,
            description: self.description,
            start: Shown(e.date.start),
            end: Shown(e.date.end),
            until: Shown(until(e.date.end)),
            precision: e.date.precision.name(),
            time_precision: e.date.precision.code(),
            event_type: e.event_type.as_str(),
            acled_event_type: &e.acled_event_type,
            acled_sub_event_type: &e.acled_sub_event_type,
            actor: &e.actor,
            actor2: &e.actor2,
            claim_status: e.claim_status.as_str(),
            claimed_by: &e.claimed_by,
            disputed_by: &e.disputed_by,
            share: self.share,
            place: self.as_reported,
            place_id: loc.place_id.as_deref().unwrap_or(""),
            place_name: &loc.place_name,
            place_kind: loc.place_kind.unwrap_or(""),
            matched: loc.matched,
            match_score: loc.match_score,
            geo_precision: e.geo_precision.unwrap_or(loc.default_geo_precision),
            layer,
            border: on.map_or("", |b| b.0.as_str()),
            distance_km: on.map_or(f64::NAN, |b| b.1),
            chainage_km: on.map_or(f64::NAN, |b| b.2),
            side: on.and_then(|b| b.3.as_deref()).unwrap_or(""),
            source: &e.source,
            url: &e.url,
            citation: self.citation,
            quote: &e.quote,
            notes: &e.notes,
            fatalities: e.fatalities,
            admin1: &e.admin1,
            admin2: &e.admin2,
            admin3: &e.admin3,
            assoc_actor_1: &e.assoc_actor_1,
            assoc_actor_2: &e.assoc_actor_2,
            tags: &e.tags,
            country: &e.country,
            name_check: loc.name_check.status,
            name_check_detail: &loc.name_check.detail,
            input_file: &e.origin.file,
            input_line: e.origin.line,
            style: self.style,
        }
    }
}

/// The day after `end`: the exclusive end of an interval whose last day is `end`.
pub(super) fn until(end: Date) -> Date {
    end.tomorrow().unwrap_or(end)
}

/// An event's share as text: `0.667`, or empty (text in every format: see `schema.rs`).
pub(super) fn share_text(share: Option<f64>) -> String {
    share.map(|s| s.to_string()).unwrap_or_default()
}

/// The source as cited: outlet and date (`Reuters, 2021-07-09`). Never a bare date, so that
/// GIS software reads it as text in every file.
pub(super) fn citation(e: &Event) -> String {
    let outlet = if e.source.is_empty() { "source not given" } else { e.source.as_str() };
    match e.source_date {
        Some(d) => format!("{outlet}, {d}"),
        None => outlet.to_string(),
    }
}

/// The properties of an event feature, in the order of [`schema::EVENT_FULL`].
///
/// [`schema::EVENT_FULL`]: super::schema::EVENT_FULL
#[derive(Serialize)]
pub(super) struct EventProps<'a> {
    kind: &'static str,
    id: &'a str,
    title: &'a str,
    description: &'a str,
    start: Shown<Date>,
    end: Shown<Date>,
    until: Shown<Date>,
    precision: &'static str,
    time_precision: u8,
    #[serde(rename = "type")]
    event_type: &'static str,
    acled_event_type: &'a str,
    acled_sub_event_type: &'a str,
    actor: &'a str,
    actor2: &'a str,
    claim_status: &'static str,
    claimed_by: &'a str,
    disputed_by: &'a str,
    share: &'a str,
    place: &'a str,
    place_id: &'a str,
    place_name: &'a str,
    place_kind: &'static str,
    matched: &'static str,
    match_score: f64,
    geo_precision: u8,
    layer: &'a str,
    border: &'a str,
    distance_km: f64,
    chainage_km: f64,
    side: &'a str,
    source: &'a str,
    url: &'a str,
    citation: &'a str,
    quote: &'a str,
    notes: &'a str,
    fatalities: u32,
    admin1: &'a str,
    admin2: &'a str,
    admin3: &'a str,
    assoc_actor_1: &'a str,
    assoc_actor_2: &'a str,
    tags: &'a str,
    country: &'a str,
    name_check: &'static str,
    name_check_detail: &'a str,
    input_file: &'a str,
    input_line: u64,
    #[serde(flatten)]
    style: &'a style::Style,
}

/// The compact properties of an event feature ([`Properties::Compact`]), in the order of
/// [`schema::EVENT_COMPACT`].
///
/// [`schema::EVENT_COMPACT`]: super::schema::EVENT_COMPACT
#[derive(Serialize)]
pub(super) struct CompactProps<'a> {
    id: &'a str,
    start: Shown<Date>,
    end: Shown<Date>,
    until: Shown<Date>,
    precision: &'static str,
    time_precision: u8,
    #[serde(rename = "type")]
    event_type: &'static str,
    actor: &'a str,
    actor2: &'a str,
    claim_status: &'static str,
    claimed_by: &'a str,
    disputed_by: &'a str,
    share: &'a str,
    place: &'a str,
    place_id: &'a str,
    place_name: &'a str,
    name_check: &'static str,
    geo_precision: u8,
    border: &'a str,
    distance_km: f64,
    side: &'a str,
    source: &'a str,
    url: &'a str,
    citation: &'a str,
}

impl<'a> From<EventProps<'a>> for CompactProps<'a> {
    /// The compact subset of the full properties (so that both say the same).
    fn from(p: EventProps<'a>) -> Self {
        CompactProps {
            id: p.id,
            start: p.start,
            end: p.end,
            until: p.until,
            precision: p.precision,
            time_precision: p.time_precision,
            event_type: p.event_type,
            actor: p.actor,
            actor2: p.actor2,
            claim_status: p.claim_status,
            claimed_by: p.claimed_by,
            disputed_by: p.disputed_by,
            share: p.share,
            place: p.place,
            place_id: p.place_id,
            place_name: p.place_name,
            name_check: p.name_check,
            geo_precision: p.geo_precision,
            border: p.border,
            distance_km: p.distance_km,
            side: p.side,
            source: p.source,
            url: p.url,
            citation: p.citation,
        }
    }
}

/// A value written as its text (`Display`) straight into the JSON, without a String.
pub(super) struct Shown<T>(T);

impl<T: std::fmt::Display> Serialize for Shown<T> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(&self.0)
    }
}

pub(super) fn description(e: &Event) -> String {
    let mut parts = vec![e.date.to_string()];
    if !e.actor.is_empty() {
        parts.push(e.actor.clone());
    }
    let mut claim = e.claim_status.as_str().to_string();
    if !e.claimed_by.is_empty() {
        claim.push_str(&format!(": claimed by {}", e.claimed_by));
    }
    if !e.disputed_by.is_empty() {
        let verb = if e.claim_status == ClaimStatus::Denied { "denied" } else { "disputed" };
        claim.push_str(&format!("; {verb} by {}", e.disputed_by));
    }
    parts.push(claim);
    if let Some(s) = e.share {
        parts.push(format!("share {:.0} %", s * 100.0));
    }
    let mut src = if e.source.is_empty() { "source not given".to_string() } else { e.source.clone() };
    if let Some(d) = e.source_date {
        src.push_str(&format!(", {d}"));
    }
    if !e.url.is_empty() {
        src.push_str(&format!(", {}", e.url));
    }
    parts.push(src);
    parts.join(" · ")
}

/// The feature of a border line (`borders.geojson`): its geometry and properties.
pub(super) fn border_feature(gz: &Gazetteer, id: &str) -> (Geom, Vec<u8>) {
    let b = gz.borders().border(id).expect("known border");
    #[derive(Serialize)]
    struct Props<'a> {
        kind: &'static str,
        id: &'a str,
        title: &'a str,
        description: String,
        border: &'a str,
        length_km: f64,
        source: &'a str,
        license: &'a str,
        stroke: &'static str,
        #[serde(rename = "stroke-width")]
        stroke_width: f64,
        #[serde(rename = "stroke-opacity")]
        stroke_opacity: f64,
    }
    let length = round_to(b.length_km(), 1);
    let props = Props {
        kind: "border",
        id: &b.id,
        title: &b.name,
        description: format!("{} km; {}", length, b.license),
        border: &b.id,
        length_km: length,
        source: &b.source,
        license: &b.license,
        stroke: "#444444",
        stroke_width: 2.0,
        stroke_opacity: 0.9,
    };
    let geom = Geom::new(&Geometry::LineString(b.line.clone()), BORDER_LINE_SIMPLIFY_DEG);
    (geom, serde_json::to_vec(&props).expect("properties serialise"))
}
