//! Events: what happened (or what somebody says happened), where and when, and who says so.
//!
//! The record follows ACLED's codebook where it can (event_type / sub_event_type,
//! time_precision and geo_precision 1/2/3, actor / actor2) and adds what ACLED lacks: claims.
//! Every event carries a [`ClaimStatus`] with who made the claim and who disputed it, a `share`
//! for claims such as "controls two-thirds of the border", and its provenance (outlet, URL,
//! article date, quote). The full field list is in `maps/README.md`.

pub mod date;
mod header;
mod input;
pub mod read;
pub mod region;

use std::fmt;
use std::str::FromStr;

use serde::Serialize;

pub use date::{EventDate, Precision};
pub use read::{EventReader, ReadAhead, ReadError, read_ahead};
pub use region::Region;

use crate::gazetteer::{Origin, PlaceKind};

/// What kind of event, from a fixed vocabulary so layers can be filtered and styled.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EventType {
    /// An armed group takes a place (Taliban take a crossing).
    Capture,
    /// A place is taken back by whoever held it before (government forces retake a district).
    Recapture,
    /// Fighting without a change of control.
    Clash,
    /// A claim that an actor controls a place, a border or a share of it.
    ControlClaim,
    /// A flag or other symbol of control raised.
    FlagRaising,
    /// Soldiers or officials fleeing across a border.
    FlightAcrossBorder,
    /// People turned back at a border.
    RefusedEntry,
    /// Drills, exercises, readiness checks.
    MilitaryExercise,
    /// Troops moved to or massed at a border.
    Reinforcement,
    /// Weapons, equipment or training supplied to an ally.
    MilitaryAid,
    /// A consulate or embassy closed.
    ConsulateClosure,
    /// Refugee movements, or pledges about them.
    Refugees,
    /// A statement, warning or appeal.
    Statement,
}

impl EventType {
    /// Every type, in documentation order.
    pub const ALL: [EventType; 13] = [
        EventType::Capture,
        EventType::Recapture,
        EventType::Clash,
        EventType::ControlClaim,
        EventType::FlagRaising,
        EventType::FlightAcrossBorder,
        EventType::RefusedEntry,
        EventType::MilitaryExercise,
        EventType::Reinforcement,
        EventType::MilitaryAid,
        EventType::ConsulateClosure,
        EventType::Refugees,
        EventType::Statement,
    ];

    /// The snake_case name used in files.
    pub fn as_str(self) -> &'static str {
        match self {
            EventType::Capture => "capture",
            EventType::Recapture => "recapture",
            EventType::Clash => "clash",
            EventType::ControlClaim => "control_claim",
            EventType::FlagRaising => "flag_raising",
            EventType::FlightAcrossBorder => "flight_across_border",
            EventType::RefusedEntry => "refused_entry",
            EventType::MilitaryExercise => "military_exercise",
            EventType::Reinforcement => "reinforcement",
            EventType::MilitaryAid => "military_aid",
            EventType::ConsulateClosure => "consulate_closure",
            EventType::Refugees => "refugees",
            EventType::Statement => "statement",
        }
    }

    /// A label for legends and titles.
    pub fn label(self) -> &'static str {
        match self {
            EventType::Capture => "Capture",
            EventType::Recapture => "Recapture",
            EventType::Clash => "Clash",
            EventType::ControlClaim => "Control claim",
            EventType::FlagRaising => "Flag raised",
            EventType::FlightAcrossBorder => "Flight across the border",
            EventType::RefusedEntry => "Refused entry",
            EventType::MilitaryExercise => "Military exercise",
            EventType::Reinforcement => "Reinforcement",
            EventType::MilitaryAid => "Military aid",
            EventType::ConsulateClosure => "Consulate closure",
            EventType::Refugees => "Refugees",
            EventType::Statement => "Statement",
        }
    }

    /// ACLED's event_type and sub_event_type for this type, where one fits. Claims and
    /// statements have no ACLED counterpart; they are coded "Strategic developments / Other"
    /// as ACLED does for events that change the situation without violence.
    pub fn acled(self) -> (&'static str, &'static str) {
        match self {
            EventType::Capture => ("Battles", "Non-state actor overtakes territory"),
            EventType::Recapture => ("Battles", "Government regains territory"),
            EventType::Clash => ("Battles", "Armed clash"),
            EventType::Reinforcement | EventType::MilitaryAid => ("Strategic developments", "Change to group/activity"),
            _ => ("Strategic developments", "Other"),
        }
    }
}

impl fmt::Display for EventType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for EventType {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let t = s.trim().to_ascii_lowercase().replace([' ', '-'], "_");
        EventType::ALL.into_iter().find(|k| k.as_str() == t).ok_or_else(|| {
            let all: Vec<&str> = EventType::ALL.iter().map(|k| k.as_str()).collect();
            format!("unknown type {s:?} (expected one of: {})", all.join(", "))
        })
    }
}

/// Where a claim stands. Only `confirmed` events are drawn as facts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ClaimStatus {
    /// Somebody says so; nobody else has confirmed or contradicted it yet.
    Claimed,
    /// Confirmed by the other side or by independent sources.
    Confirmed,
    /// Contradicted, questioned or "could not be verified".
    Disputed,
    /// Flatly denied ("dismissed as a lie"), including by the claimant later.
    Denied,
}

impl ClaimStatus {
    /// Every status.
    pub const ALL: [ClaimStatus; 4] =
        [ClaimStatus::Claimed, ClaimStatus::Confirmed, ClaimStatus::Disputed, ClaimStatus::Denied];

    /// The name used in files.
    pub fn as_str(self) -> &'static str {
        match self {
            ClaimStatus::Claimed => "claimed",
            ClaimStatus::Confirmed => "confirmed",
            ClaimStatus::Disputed => "disputed",
            ClaimStatus::Denied => "denied",
        }
    }
}

impl fmt::Display for ClaimStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for ClaimStatus {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let t = s.trim().to_ascii_lowercase();
        ClaimStatus::ALL
            .into_iter()
            .find(|k| k.as_str() == t)
            .ok_or_else(|| format!("unknown claim_status {s:?} (expected claimed, confirmed, disputed or denied)"))
    }
}

/// Where an event is: a name for the gazetteer, a gazetteer id, or coordinates.
#[derive(Debug, Clone, PartialEq)]
pub enum Location {
    /// A place name as reported, resolved by the gazetteer.
    Name(String),
    /// A gazetteer id (`place_id` column), used as is.
    PlaceId(String),
    /// Explicit coordinates, lon/lat WGS84 (the `place`, if any, is kept as a label).
    Point {
        /// Longitude.
        lon: f64,
        /// Latitude.
        lat: f64,
        /// The name as reported, if given.
        label: Option<String>,
    },
}

/// One event record.
#[derive(Debug, Clone, PartialEq)]
pub struct Event {
    /// Identifier, unique within a map project.
    pub id: String,
    /// When.
    pub date: EventDate,
    /// Where.
    pub location: Location,
    /// What.
    pub event_type: EventType,
    /// ACLED event_type (given, or derived from `event_type`).
    pub acled_event_type: String,
    /// ACLED sub_event_type (given, or derived).
    pub acled_sub_event_type: String,
    /// Main actor.
    pub actor: String,
    /// Second actor (the other side, the target).
    pub actor2: String,
    /// Where the claim stands.
    pub claim_status: ClaimStatus,
    /// Who made the claim (spokesman, ministry, outlet).
    pub claimed_by: String,
    /// Who disputed or denied it.
    pub disputed_by: String,
    /// Share (0–1) for claims over part of something ("two-thirds of the border").
    pub share: Option<f64>,
    /// Outlet(s), `|`-separated when several reported it.
    pub source: String,
    /// URL(s) of the report(s), `|`-separated.
    pub url: String,
    /// Publication date of the (first) report, when known.
    pub source_date: Option<jiff::civil::Date>,
    /// A short quote or paraphrase supporting the record.
    pub quote: String,
    /// Remarks: how the date was worked out, what is uncertain.
    pub notes: String,
    /// ACLED geo_precision: 1 exact place, 2 near it / part of a region, 3 a larger area;
    /// `None` to derive it from the place's kind.
    pub geo_precision: Option<u8>,
    /// File and line of the record.
    pub origin: Origin,
}

/// ACLED's geo_precision for a place of this kind, when the record does not give one.
pub fn geo_precision_for(kind: PlaceKind) -> u8 {
    match kind {
        PlaceKind::City
        | PlaceKind::Town
        | PlaceKind::Village
        | PlaceKind::Crossing
        | PlaceKind::Bridge
        | PlaceKind::Base
        | PlaceKind::Pass => 1,
        PlaceKind::District | PlaceKind::River => 2,
        PlaceKind::Province | PlaceKind::Country | PlaceKind::Border => 3,
    }
}
