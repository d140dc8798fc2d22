//! An event as a GeoJSON Feature: its properties (full or compact, in a fixed order), its
//! title and description, and the border line that heads each border layer.

use geo::Geometry;
use jiff::civil::Date;
use serde::Serialize;

use super::place::{BorderRef, Located, geometry_json};
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
    pub(super) style: &'a style::Style,
}

impl<'a> PropsContext<'a> {
    /// The feature of this event on a layer.
    pub(super) fn feature(&self, properties: Properties, layer: &'a str, b: Option<&'a BorderRef>) -> Vec<u8> {
        match properties {
            Properties::Full => feature_json(&self.loc.geometry_json, &self.props(layer, b)),
            Properties::Compact => feature_json(&self.loc.geometry_json, &CompactProps::from(self.props(layer, b))),
        }
    }

    fn props(&self, layer: &'a str, b: Option<&'a BorderRef>) -> EventProps<'a> {
        let (e, loc) = (self.e, self.loc);
        EventProps {
            kind: "event",
            id: &e.id,
            title: self.title,
            description: self.description,
            date: Shown(e.date),
            start: Shown(e.date.start),
            end: Shown(e.date.end),
            time_precision: e.date.precision.code(),
            event_type: e.event_type.as_str(),
            acled_event_type: &e.acled_event_type,
            acled_sub_event_type: &e.acled_sub_event_type,
            actor: &e.actor,
            actor2: &e.actor2,
            claim_status: e.claim_status.as_str(),
            claimed_by: &e.claimed_by,
            disputed_by: &e.disputed_by,
            share: e.share,
            place: self.as_reported,
            place_id: loc.place_id.as_deref(),
            place_name: &loc.place_name,
            place_kind: loc.place_kind,
            matched: loc.matched,
            match_score: loc.match_score,
            geo_precision: e.geo_precision.unwrap_or(loc.default_geo_precision),
            layer,
            border: b.map(|b| b.0.as_str()).or(loc.nearest.as_ref().map(|n| n.0.as_str())),
            distance_km: b.map(|b| b.1).or(loc.nearest.as_ref().map(|n| n.1)),
            chainage_km: b.map(|b| b.2),
            side: b.and_then(|b| b.3.as_deref()),
            source: &e.source,
            url: &e.url,
            source_date: e.source_date.map(Shown),
            quote: &e.quote,
            notes: &e.notes,
            input_file: &e.origin.file,
            input_line: e.origin.line,
            style: self.style,
        }
    }
}

/// The properties of an event feature, in a fixed order.
#[derive(Serialize)]
pub(super) struct EventProps<'a> {
    pub(super) kind: &'static str,
    pub(super) id: &'a str,
    pub(super) title: &'a str,
    pub(super) description: &'a str,
    pub(super) date: Shown<crate::events::EventDate>,
    pub(super) start: Shown<Date>,
    pub(super) end: Shown<Date>,
    pub(super) time_precision: u8,
    #[serde(rename = "type")]
    pub(super) event_type: &'static str,
    pub(super) acled_event_type: &'a str,
    pub(super) acled_sub_event_type: &'a str,
    pub(super) actor: &'a str,
    actor2: &'a str,
    pub(super) claim_status: &'static str,
    pub(super) claimed_by: &'a str,
    pub(super) disputed_by: &'a str,
    pub(super) share: Option<f64>,
    pub(super) place: &'a str,
    pub(super) place_id: Option<&'a str>,
    pub(super) place_name: &'a str,
    pub(super) place_kind: Option<&'static str>,
    pub(super) matched: Option<&'static str>,
    pub(super) match_score: Option<f64>,
    pub(super) geo_precision: u8,
    pub(super) layer: &'a str,
    pub(super) border: Option<&'a str>,
    pub(super) distance_km: Option<f64>,
    pub(super) chainage_km: Option<f64>,
    pub(super) side: Option<&'a str>,
    pub(super) source: &'a str,
    pub(super) url: &'a str,
    pub(super) source_date: Option<Shown<Date>>,
    pub(super) quote: &'a str,
    pub(super) notes: &'a str,
    pub(super) input_file: &'a str,
    pub(super) input_line: u64,
    #[serde(flatten)]
    pub(super) style: &'a style::Style,
}

/// The compact properties of an event feature ([`Properties::Compact`]), in a fixed order.
#[derive(Serialize)]
pub(super) struct CompactProps<'a> {
    pub(super) id: &'a str,
    pub(super) start: Shown<Date>,
    pub(super) end: Shown<Date>,
    pub(super) time_precision: u8,
    #[serde(rename = "type")]
    pub(super) event_type: &'static str,
    pub(super) actor: &'a str,
    actor2: &'a str,
    pub(super) claim_status: &'static str,
    pub(super) claimed_by: &'a str,
    pub(super) disputed_by: &'a str,
    pub(super) share: Option<f64>,
    pub(super) place: &'a str,
    pub(super) place_id: Option<&'a str>,
    pub(super) place_name: &'a str,
    pub(super) geo_precision: u8,
    pub(super) border: Option<&'a str>,
    pub(super) distance_km: Option<f64>,
    pub(super) side: Option<&'a str>,
    pub(super) source: &'a str,
    pub(super) url: &'a str,
    pub(super) source_date: Option<Shown<Date>>,
}

impl<'a> From<EventProps<'a>> for CompactProps<'a> {
    /// The compact subset of the full properties (so that both say the same).
    fn from(p: EventProps<'a>) -> Self {
        CompactProps {
            id: p.id,
            start: p.start,
            end: p.end,
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
            geo_precision: p.geo_precision,
            border: p.border,
            distance_km: p.distance_km,
            side: p.side,
            source: p.source,
            url: p.url,
            source_date: p.source_date,
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

pub(super) fn feature_json(geometry: &str, props: &impl Serialize) -> Vec<u8> {
    let mut buf = Vec::with_capacity(512 + geometry.len());
    buf.extend_from_slice(b"{\"type\":\"Feature\",\"geometry\":");
    buf.extend_from_slice(geometry.as_bytes());
    buf.extend_from_slice(b",\"properties\":");
    serde_json::to_writer(&mut buf, props).expect("properties serialise");
    buf.push(b'}');
    buf
}

/// The border line feature that heads each border layer.
pub(super) fn border_feature(gz: &Gazetteer, id: &str) -> Vec<u8> {
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
    feature_json(&geometry_json(&Geometry::LineString(b.line.clone()), BORDER_LINE_SIMPLIFY_DEG), &props)
}
