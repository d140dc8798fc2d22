//! The look of events: colour by event type, and the claim status distinct in colour *and*
//! form, so that a claim is never drawn like a fact. Used for the simplestyle properties
//! (geojson.io, web viewers) and by the QGIS styles (`qml.rs`).
//!
//! | status | colour | points | lines |
//! |---|---|---|---|
//! | confirmed | the type's colour | large, solid | widest, opaque, solid |
//! | claimed | the type's colour, lighter | medium | narrower, dashed (QGIS) |
//! | disputed | the type's colour, muted to grey | small | thin, dotted (QGIS) |
//! | denied | [`DENIED_COLOUR`] (no type uses it) | small cross | thinnest, dash-dot (QGIS) |

use crate::events::{ClaimStatus, EventType};

/// Colour of an event type (hex).
pub fn type_colour(t: EventType) -> &'static str {
    match t {
        EventType::Capture => "#d62728",
        EventType::Recapture => "#1f77b4",
        EventType::Clash => "#ff7f0e",
        EventType::ControlClaim => "#9467bd",
        EventType::FlagRaising => "#8c564b",
        EventType::FlightAcrossBorder => "#e377c2",
        EventType::RefusedEntry => "#008080",
        EventType::MilitaryExercise => "#2ca02c",
        EventType::Reinforcement => "#17becf",
        EventType::MilitaryAid => "#bcbd22",
        EventType::ConsulateClosure => "#393b79",
        EventType::Refugees => "#ff9896",
        EventType::Statement => "#e7ba52",
        // ACLED's own sub-event types, a family of colours per ACLED event type: browns and
        // oranges for Explosions/Remote violence, magentas for Violence against civilians,
        // greens for Protests, olive for Riots, purples and pale blue for Strategic
        // developments, grey for Other.
        EventType::AirDroneStrike => "#8c2d04",
        EventType::ShellingArtilleryMissileAttack => "#cc4c02",
        EventType::RemoteExplosive => "#fd8d3c",
        EventType::SuicideBomb => "#662506",
        EventType::Grenade => "#fdae6b",
        EventType::ChemicalWeapon => "#993404",
        EventType::Attack => "#ae017e",
        EventType::Abduction => "#7a0177",
        EventType::SexualViolence => "#f768a1",
        EventType::PeacefulProtest => "#41ab5d",
        EventType::ProtestWithIntervention => "#006d2c",
        EventType::ExcessiveForceAgainstProtesters => "#00441b",
        EventType::ViolentDemonstration => "#b8860b",
        EventType::MobViolence => "#808000",
        EventType::Agreement => "#9ecae1",
        EventType::Arrests => "#3f007d",
        EventType::ChangeToGroupActivity => "#54278f",
        EventType::DisruptedWeaponsUse => "#807dba",
        EventType::LootingPropertyDestruction => "#8b4513",
        EventType::Other => "#969696",
    }
}

/// The colour of denied events, whatever their type: a dark grey that no type uses.
pub const DENIED_COLOUR: &str = "#595959";

/// The colour of place summaries (drawn on top of the events they list).
pub const SUMMARY_COLOUR: &str = "#222222";

/// The colour of an event of this type and claim status.
pub fn status_colour(t: EventType, status: ClaimStatus) -> String {
    let base = type_colour(t);
    match status {
        ClaimStatus::Confirmed => base.to_string(),
        ClaimStatus::Claimed => tinted(base, 0.75),
        ClaimStatus::Disputed => muted(base, 0.45),
        ClaimStatus::Denied => DENIED_COLOUR.to_string(),
    }
}

/// A Maki icon name for an event type.
pub fn type_symbol(t: EventType) -> &'static str {
    match t {
        EventType::Capture => "danger",
        EventType::Recapture => "triangle",
        EventType::Clash => "fire-station",
        EventType::ControlClaim | EventType::FlagRaising => "embassy",
        EventType::FlightAcrossBorder => "entrance",
        EventType::RefusedEntry => "roadblock",
        EventType::MilitaryExercise | EventType::Reinforcement => "police",
        EventType::MilitaryAid => "warehouse",
        EventType::ConsulateClosure => "town-hall",
        EventType::Refugees => "shelter",
        EventType::Statement => "information",
        EventType::AirDroneStrike => "airfield",
        EventType::ShellingArtilleryMissileAttack => "rocket",
        EventType::RemoteExplosive => "triangle-stroke",
        EventType::SuicideBomb => "fire-station",
        EventType::Grenade => "circle-stroke",
        EventType::ChemicalWeapon => "industry",
        EventType::Attack => "square",
        EventType::Abduction => "car",
        EventType::SexualViolence => "square-stroke",
        EventType::PeacefulProtest => "town",
        EventType::ProtestWithIntervention => "police",
        EventType::ExcessiveForceAgainstProtesters => "hospital",
        EventType::ViolentDemonstration => "star",
        EventType::MobViolence => "star-stroke",
        EventType::Agreement => "landmark",
        EventType::Arrests => "prison",
        EventType::ChangeToGroupActivity => "building",
        EventType::DisruptedWeaponsUse => "circle",
        EventType::LootingPropertyDestruction => "shop",
        EventType::Other => "marker",
    }
}

/// Mixes a hex colour towards light grey: `keep` of the colour, the rest grey.
fn muted(hex: &str, keep: f64) -> String {
    let c = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).unwrap_or(0) as f64;
    let m = |v: f64| (v * keep + 190.0 * (1.0 - keep)).round() as u8;
    format!("#{:02x}{:02x}{:02x}", m(c(1)), m(c(3)), m(c(5)))
}

/// Mixes a hex colour towards white: `keep` of the colour, the rest white.
fn tinted(hex: &str, keep: f64) -> String {
    let c = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).unwrap_or(0) as f64;
    let m = |v: f64| (v * keep + 255.0 * (1.0 - keep)).round() as u8;
    format!("#{:02x}{:02x}{:02x}", m(c(1)), m(c(3)), m(c(5)))
}

/// The simplestyle properties of one event feature.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Style {
    /// Point colour.
    #[serde(rename = "marker-color")]
    pub marker_color: String,
    /// Point icon (Maki).
    #[serde(rename = "marker-symbol")]
    pub marker_symbol: &'static str,
    /// small, medium or large.
    #[serde(rename = "marker-size")]
    pub marker_size: &'static str,
    /// Line colour.
    pub stroke: String,
    /// Line width, px.
    #[serde(rename = "stroke-width")]
    pub stroke_width: f64,
    /// Line opacity.
    #[serde(rename = "stroke-opacity")]
    pub stroke_opacity: f64,
}

impl Style {
    /// Writes the six fields into a feature's properties, in the order of the serialised form.
    pub(super) fn write(&self, o: &mut super::json::Object) {
        o.str("marker-color", &self.marker_color).str("marker-symbol", self.marker_symbol);
        o.str("marker-size", self.marker_size).str("stroke", &self.stroke);
        o.real("stroke-width", self.stroke_width).real("stroke-opacity", self.stroke_opacity);
    }
}

/// The style for an event of this type and claim status (made once per pair).
pub fn event_style(t: EventType, status: ClaimStatus) -> &'static Style {
    static TABLE: std::sync::OnceLock<Vec<Style>> = std::sync::OnceLock::new();
    let table = TABLE.get_or_init(|| {
        EventType::ALL.iter().flat_map(|&t| ClaimStatus::ALL.iter().map(move |&s| make_style(t, s))).collect()
    });
    let ti = EventType::ALL.iter().position(|&x| x == t).expect("every type is in ALL");
    let si = ClaimStatus::ALL.iter().position(|&x| x == status).expect("every status is in ALL");
    &table[ti * ClaimStatus::ALL.len() + si]
}

fn make_style(t: EventType, status: ClaimStatus) -> Style {
    let colour = status_colour(t, status);
    let (size, width, opacity) = match status {
        ClaimStatus::Confirmed => ("large", 5.0, 1.0),
        ClaimStatus::Claimed => ("medium", 3.0, 0.85),
        ClaimStatus::Disputed => ("small", 2.0, 0.6),
        ClaimStatus::Denied => ("small", 1.5, 0.7),
    };
    let symbol = if status == ClaimStatus::Denied { "cross" } else { type_symbol(t) };
    Style {
        marker_color: colour.clone(),
        marker_symbol: symbol,
        marker_size: size,
        stroke: colour,
        stroke_width: width,
        stroke_opacity: opacity,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn claims_are_not_drawn_like_facts() {
        let confirmed = event_style(EventType::Capture, ClaimStatus::Confirmed);
        let claimed = event_style(EventType::Capture, ClaimStatus::Claimed);
        let disputed = event_style(EventType::Capture, ClaimStatus::Disputed);
        let denied = event_style(EventType::Capture, ClaimStatus::Denied);
        assert_eq!(confirmed.marker_color, "#d62728");
        assert_ne!(confirmed.marker_size, claimed.marker_size);
        assert_ne!(disputed.marker_color, confirmed.marker_color);
        assert_eq!(denied.marker_symbol, "cross");
        assert!(disputed.stroke_opacity < claimed.stroke_opacity && claimed.stroke_opacity < confirmed.stroke_opacity);
        assert_eq!(muted("#ffffff", 0.0), "#bebebe");
    }

    #[test]
    fn every_status_has_its_own_colour_and_denied_is_no_types_colour() {
        for t in EventType::ALL {
            let colours: std::collections::BTreeSet<String> =
                ClaimStatus::ALL.iter().map(|&s| status_colour(t, s)).collect();
            assert_eq!(colours.len(), ClaimStatus::ALL.len(), "{t:?}");
            assert_ne!(type_colour(t), DENIED_COLOUR, "{t:?}");
            assert_ne!(type_colour(t), SUMMARY_COLOUR, "{t:?}");
        }
        // bordermap's own thirteen types are told apart by colour alone; so, as it is, is
        // every ACLED type (grouped by ACLED family, a shade each).
        let original: std::collections::BTreeSet<&str> = EventType::ALL[..13].iter().map(|&t| type_colour(t)).collect();
        assert_eq!(original.len(), 13, "one colour per original type");
        let types: std::collections::BTreeSet<&str> = EventType::ALL.iter().map(|&t| type_colour(t)).collect();
        assert_eq!(types.len(), EventType::ALL.len(), "one colour per type");
    }
}
