//! Events: what happened (or what somebody says happened), where and when, and who says so.
//!
//! The record follows ACLED's codebook where it can (event_type / sub_event_type,
//! time_precision and geo_precision 1/2/3, actor / actor2) and adds what ACLED lacks: claims.
//! Every event carries a [`ClaimStatus`] with who made the claim and who disputed it, a `share`
//! for claims such as "controls two-thirds of the border", and its provenance (outlet, URL,
//! article date, quote). The full field list is in `maps/README.md`.

pub mod acled;
pub mod country;
pub mod date;
mod export_csv;
pub mod gdelt;
mod header;
mod input;
pub mod read;
pub mod region;
pub mod ucdp;
pub mod write;

use std::fmt;
use std::str::FromStr;

use serde::Serialize;

pub use acled::AcledReader;
pub use date::{EventDate, Precision};
pub use gdelt::{GdeltReader, GdeltSkipped};
pub use read::{EventReader, ReadAhead, ReadClock, ReadError, read_ahead};
pub use region::Region;
pub use ucdp::UcdpReader;

use crate::gazetteer::{Origin, PlaceKind};

/// What kind of event, from a fixed vocabulary so layers can be filtered and styled.
///
/// The first thirteen are bordermap's own; the rest are ACLED sub-event types that none of
/// those implies, one each, so that every row of an ACLED export has a type of its own (the
/// mapping of all 25 is in `maps/README.md`, "ACLED exports", and in [`acled::event_type`]).
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
    /// An air or drone strike (ACLED).
    AirDroneStrike,
    /// Shelling, artillery or missile fire (ACLED).
    ShellingArtilleryMissileAttack,
    /// A remote explosive, landmine or IED (ACLED).
    RemoteExplosive,
    /// A suicide bombing (ACLED).
    SuicideBomb,
    /// A grenade attack (ACLED).
    Grenade,
    /// Use of a chemical weapon (ACLED).
    ChemicalWeapon,
    /// An armed group attacks civilians (ACLED's Violence against civilians / Attack).
    Attack,
    /// An abduction or forced disappearance (ACLED).
    Abduction,
    /// Sexual violence (ACLED).
    SexualViolence,
    /// A peaceful protest (ACLED).
    PeacefulProtest,
    /// A peaceful protest that is dispersed or suppressed (ACLED).
    ProtestWithIntervention,
    /// Lethal or excessive force against protesters (ACLED).
    ExcessiveForceAgainstProtesters,
    /// A demonstration turned violent (ACLED's Riots).
    ViolentDemonstration,
    /// Mob violence (ACLED's Riots).
    MobViolence,
    /// An agreement: ceasefire, peace deal, prisoner exchange (ACLED).
    Agreement,
    /// Arrests or detentions (ACLED).
    Arrests,
    /// A change to a group or its activity: new commanders, recruitment, weapons seized (ACLED).
    ChangeToGroupActivity,
    /// An explosive defused, an attack foiled (ACLED).
    DisruptedWeaponsUse,
    /// Looting or destruction of property (ACLED).
    LootingPropertyDestruction,
    /// Any other strategic development (ACLED's Other, or an ACLED row of a type bordermap does not know).
    Other,
}

impl EventType {
    /// Every type, in documentation order.
    pub const ALL: [EventType; 33] = [
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
        EventType::AirDroneStrike,
        EventType::ShellingArtilleryMissileAttack,
        EventType::RemoteExplosive,
        EventType::SuicideBomb,
        EventType::Grenade,
        EventType::ChemicalWeapon,
        EventType::Attack,
        EventType::Abduction,
        EventType::SexualViolence,
        EventType::PeacefulProtest,
        EventType::ProtestWithIntervention,
        EventType::ExcessiveForceAgainstProtesters,
        EventType::ViolentDemonstration,
        EventType::MobViolence,
        EventType::Agreement,
        EventType::Arrests,
        EventType::ChangeToGroupActivity,
        EventType::DisruptedWeaponsUse,
        EventType::LootingPropertyDestruction,
        EventType::Other,
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
            EventType::AirDroneStrike => "air_drone_strike",
            EventType::ShellingArtilleryMissileAttack => "shelling_artillery_missile_attack",
            EventType::RemoteExplosive => "remote_explosive",
            EventType::SuicideBomb => "suicide_bomb",
            EventType::Grenade => "grenade",
            EventType::ChemicalWeapon => "chemical_weapon",
            EventType::Attack => "attack",
            EventType::Abduction => "abduction",
            EventType::SexualViolence => "sexual_violence",
            EventType::PeacefulProtest => "peaceful_protest",
            EventType::ProtestWithIntervention => "protest_with_intervention",
            EventType::ExcessiveForceAgainstProtesters => "excessive_force_against_protesters",
            EventType::ViolentDemonstration => "violent_demonstration",
            EventType::MobViolence => "mob_violence",
            EventType::Agreement => "agreement",
            EventType::Arrests => "arrests",
            EventType::ChangeToGroupActivity => "change_to_group_activity",
            EventType::DisruptedWeaponsUse => "disrupted_weapons_use",
            EventType::LootingPropertyDestruction => "looting_property_destruction",
            EventType::Other => "other",
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
            EventType::AirDroneStrike => "Air/drone strike",
            EventType::ShellingArtilleryMissileAttack => "Shelling/artillery/missile attack",
            EventType::RemoteExplosive => "Remote explosive/landmine/IED",
            EventType::SuicideBomb => "Suicide bomb",
            EventType::Grenade => "Grenade",
            EventType::ChemicalWeapon => "Chemical weapon",
            EventType::Attack => "Attack on civilians",
            EventType::Abduction => "Abduction/forced disappearance",
            EventType::SexualViolence => "Sexual violence",
            EventType::PeacefulProtest => "Peaceful protest",
            EventType::ProtestWithIntervention => "Protest with intervention",
            EventType::ExcessiveForceAgainstProtesters => "Excessive force against protesters",
            EventType::ViolentDemonstration => "Violent demonstration",
            EventType::MobViolence => "Mob violence",
            EventType::Agreement => "Agreement",
            EventType::Arrests => "Arrests",
            EventType::ChangeToGroupActivity => "Change to group/activity",
            EventType::DisruptedWeaponsUse => "Disrupted weapons use",
            EventType::LootingPropertyDestruction => "Looting/property destruction",
            EventType::Other => "Other",
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
            EventType::AirDroneStrike => ("Explosions/Remote violence", "Air/drone strike"),
            EventType::ShellingArtilleryMissileAttack => {
                ("Explosions/Remote violence", "Shelling/artillery/missile attack")
            }
            EventType::RemoteExplosive => ("Explosions/Remote violence", "Remote explosive/landmine/IED"),
            EventType::SuicideBomb => ("Explosions/Remote violence", "Suicide bomb"),
            EventType::Grenade => ("Explosions/Remote violence", "Grenade"),
            EventType::ChemicalWeapon => ("Explosions/Remote violence", "Chemical weapon"),
            EventType::Attack => ("Violence against civilians", "Attack"),
            EventType::Abduction => ("Violence against civilians", "Abduction/forced disappearance"),
            EventType::SexualViolence => ("Violence against civilians", "Sexual violence"),
            EventType::PeacefulProtest => ("Protests", "Peaceful protest"),
            EventType::ProtestWithIntervention => ("Protests", "Protest with intervention"),
            EventType::ExcessiveForceAgainstProtesters => ("Protests", "Excessive force against protesters"),
            EventType::ViolentDemonstration => ("Riots", "Violent demonstration"),
            EventType::MobViolence => ("Riots", "Mob violence"),
            EventType::Agreement => ("Strategic developments", "Agreement"),
            EventType::Arrests => ("Strategic developments", "Arrests"),
            EventType::ChangeToGroupActivity => ("Strategic developments", "Change to group/activity"),
            EventType::DisruptedWeaponsUse => ("Strategic developments", "Disrupted weapons use"),
            EventType::LootingPropertyDestruction => ("Strategic developments", "Looting/property destruction"),
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
    /// Contradicted or questioned by a contrary account ("could not be verified" is no
    /// dispute: it leaves a claim `claimed`).
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
    /// Reported fatalities (ACLED's `fatalities`); 0 when not given.
    pub fatalities: u32,
    /// First-level admin area (province), as the source gives it (ACLED's `admin1`).
    pub admin1: String,
    /// Second-level admin area (district).
    pub admin2: String,
    /// Third-level admin area.
    pub admin3: String,
    /// Actors associated with `actor` (ACLED's `assoc_actor_1`, `; `-separated).
    pub assoc_actor_1: String,
    /// Actors associated with `actor2`.
    pub assoc_actor_2: String,
    /// ACLED's tags (crowd size, "women targeted: …"), as given.
    pub tags: String,
    /// The country the source places the event in: an ISO 3166-1 alpha-3 code (`AFG`), or
    /// empty when the source does not say. A hint for resolving the place's name.
    pub country: String,
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
