//! An event as a GeoJSON Feature: its properties (full or compact, in a fixed order), its
//! title and description, and the border line that heads each border layer.

use std::fmt::Write as _;

use geo::Geometry;
use jiff::civil::Date;
use serde::Serialize;

use super::json::Object;
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
    /// into `out`, replacing what was there: the fields of [`schema::EVENT_FULL`] or
    /// [`schema::EVENT_COMPACT`], in their order.
    ///
    /// [`schema::EVENT_FULL`]: super::schema::EVENT_FULL
    /// [`schema::EVENT_COMPACT`]: super::schema::EVENT_COMPACT
    pub(super) fn write(&self, properties: Properties, layer: &'a str, b: Option<&'a BorderRef>, out: &mut Vec<u8>) {
        out.clear();
        let (e, loc) = (self.e, self.loc);
        // An interior event's border fields are those of its nearest border.
        let on = b.or(loc.nearest.as_ref());
        let border = on.map_or("", |b| b.0.as_str());
        let distance_km = on.map_or(f64::NAN, |b| b.1);
        let side = on.and_then(|b| b.3.as_deref()).unwrap_or("");
        let place_id = loc.place_id.as_deref().unwrap_or("");
        let geo_precision = e.geo_precision.unwrap_or(loc.default_geo_precision);
        let mut o = Object::begin(out);
        if properties == Properties::Compact {
            o.str("id", &e.id);
            self.dates(&mut o);
            o.str("type", e.event_type.as_str()).str("actor", &e.actor).str("actor2", &e.actor2);
            self.claim(&mut o);
            o.str("place", self.as_reported).str("place_id", place_id).str("place_name", &loc.place_name);
            o.str("name_check", loc.name_check.status).uint("geo_precision", geo_precision.into());
            o.str("border", border).real("distance_km", distance_km).str("side", side);
            o.str("source", &e.source).str("url", &e.url).str("citation", self.citation);
            o.end();
            return;
        }
        o.str("kind", "event").str("id", &e.id).str("title", self.title).str("description", self.description);
        self.dates(&mut o);
        o.str("type", e.event_type.as_str());
        o.str("acled_event_type", &e.acled_event_type).str("acled_sub_event_type", &e.acled_sub_event_type);
        o.str("actor", &e.actor).str("actor2", &e.actor2);
        self.claim(&mut o);
        o.str("place", self.as_reported).str("place_id", place_id).str("place_name", &loc.place_name);
        o.str("place_kind", loc.place_kind.unwrap_or("")).str("matched", loc.matched);
        o.real("match_score", loc.match_score).uint("geo_precision", geo_precision.into());
        o.str("layer", layer).str("border", border).real("distance_km", distance_km);
        o.real("chainage_km", on.map_or(f64::NAN, |b| b.2)).str("side", side);
        o.str("source", &e.source).str("url", &e.url).str("citation", self.citation);
        o.str("quote", &e.quote).str("notes", &e.notes).uint("fatalities", e.fatalities.into());
        o.str("admin1", &e.admin1).str("admin2", &e.admin2).str("admin3", &e.admin3);
        o.str("assoc_actor_1", &e.assoc_actor_1).str("assoc_actor_2", &e.assoc_actor_2);
        o.str("tags", &e.tags).str("country", &e.country);
        o.str("name_check", loc.name_check.status).str("name_check_detail", &loc.name_check.detail);
        o.str("input_file", &e.origin.file).uint("input_line", e.origin.line);
        self.style.write(&mut o);
        o.end();
    }

    /// `start`, `end`, `until`, `precision`, `time_precision`.
    fn dates(&self, o: &mut Object) {
        let d = &self.e.date;
        o.date("start", d.start).date("end", d.end).date("until", until(d.end));
        o.str("precision", d.precision.name()).uint("time_precision", d.precision.code().into());
    }

    /// `claim_status`, `claimed_by`, `disputed_by`, `share`.
    fn claim(&self, o: &mut Object) {
        let e = self.e;
        o.str("claim_status", e.claim_status.as_str()).str("claimed_by", &e.claimed_by);
        o.str("disputed_by", &e.disputed_by).str("share", self.share);
    }
}

/// The day after `end`: the exclusive end of an interval whose last day is `end`.
pub(super) fn until(end: Date) -> Date {
    end.tomorrow().unwrap_or(end)
}

/// An event's share as text into a buffer, replacing what was there: `0.667`, or empty (text
/// in every format: see `schema.rs`).
pub(super) fn write_share(share: Option<f64>, out: &mut String) {
    out.clear();
    if let Some(s) = share {
        let _ = write!(out, "{s}");
    }
}

/// The source as cited: outlet and date (`Reuters, 2021-07-09`). Never a bare date, so that
/// GIS software reads it as text in every file.
pub(super) struct Citation<'a>(pub(super) &'a str, pub(super) Option<Date>);

impl std::fmt::Display for Citation<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(if self.0.is_empty() { "source not given" } else { self.0 })?;
        match self.1 {
            Some(d) => write!(f, ", {d}"),
            None => Ok(()),
        }
    }
}

/// An event's [`Citation`] into a buffer, replacing what was there.
pub(super) fn write_citation(e: &Event, out: &mut String) {
    out.clear();
    let _ = write!(out, "{}", Citation(&e.source, e.source_date));
}

/// An event's title in pop-ups, into a buffer: `Capture: Islam Qala (claimed)`.
pub(super) fn write_title(e: &Event, loc: &Located, out: &mut String) {
    out.clear();
    let _ = write!(out, "{}: {} ({})", e.event_type.label(), loc.place_name, e.claim_status);
}

/// An event's description in pop-ups, into a buffer: date, actor, the claim and who made and
/// disputed it, the share, the source (`2021-07-09 · Taliban · claimed: claimed by Taliban ·
/// Reuters, 2021-07-09, https://…`).
pub(super) fn write_description(e: &Event, out: &mut String) {
    out.clear();
    let _ = write!(out, "{}", e.date);
    if !e.actor.is_empty() {
        let _ = write!(out, " · {}", e.actor);
    }
    let _ = write!(out, " · {}", e.claim_status.as_str());
    if !e.claimed_by.is_empty() {
        let _ = write!(out, ": claimed by {}", e.claimed_by);
    }
    if !e.disputed_by.is_empty() {
        let verb = if e.claim_status == ClaimStatus::Denied { "denied" } else { "disputed" };
        let _ = write!(out, "; {verb} by {}", e.disputed_by);
    }
    if let Some(s) = e.share {
        let _ = write!(out, " · share {:.0} %", s * 100.0);
    }
    let _ = write!(out, " · {}", Citation(&e.source, e.source_date));
    if !e.url.is_empty() {
        let _ = write!(out, ", {}", e.url);
    }
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
