//! The words that make a sentence an event: what happened (event type), who did it (actors),
//! who said so (attribution) and who disputed it. Matched on the folded sentence (see
//! [`super::text::Folded`]) at word boundaries; each list is the vocabulary of the press
//! reports the project is built from, and is documented in `maps/README.md`.

use aho_corasick::{AhoCorasick, MatchKind};

use crate::events::{ClaimStatus, EventType};

/// Phrases announcing an event of a type, strongest first within a type.
pub const TRIGGERS: &[(EventType, &[&str])] = &[
    (
        EventType::Recapture,
        &["retook", "retaken", "recaptured", "regained control", "took back", "won back", "pushed back the taliban"],
    ),
    (
        EventType::Capture,
        &[
            "captured",
            "capture of",
            "seized",
            "seizure of",
            "fell to",
            "fell into the hands",
            "took control",
            "taken control",
            "take control",
            "overran",
            "overrun",
            "in the hands of",
            "under the control of",
            "now controlled",
            "entirely theirs",
            "wholly theirs",
            "under taliban control",
        ],
    ),
    (
        EventType::FlagRaising,
        &["raised a flag", "raised their flag", "raised the flag", "flag was raised", "flag flying", "hoisted"],
    ),
    (
        EventType::FlightAcrossBorder,
        &[
            "fled into",
            "fled across",
            "fled to",
            "crossed into",
            "crossed the border",
            "sought refuge in",
            "retreated into",
            "escaped into",
        ],
    ),
    (EventType::RefusedEntry, &["refused entry", "denied entry", "turned back", "sent back"]),
    (
        EventType::MilitaryExercise,
        &[
            "drills",
            "exercise",
            "exercises",
            "combat readiness",
            "military exercise",
            "military exercises",
            "joint exercise",
            "joint exercises",
            "war games",
            "manoeuvres",
            "maneuvers",
        ],
    ),
    (
        EventType::ConsulateClosure,
        &[
            "closed its consulate",
            "close its consulate",
            "closing its consulate",
            "shut its consulate",
            "consulate closed",
            "consulate was closed",
            "suspended the work of its consulate",
            "suspended consular",
        ],
    ),
    (
        EventType::Reinforcement,
        &[
            "reinforcements",
            "relocated",
            "strengthen its force",
            "bolster its forces",
            "reinforced",
            "sent troops",
            "deployed",
            "mobilised",
            "mobilized",
            "moved troops",
            "additional troops",
        ],
    ),
    (
        EventType::MilitaryAid,
        &[
            "military aid",
            "supplies of weaponry",
            "with weapons",
            "weapons and equipment",
            "military equipment",
            "weapons deliveries",
            "delivered weapons",
            "supplied weapons",
            "arms deliveries",
        ],
    ),
    (EventType::Refugees, &["refugees", "displaced", "asylum seekers"]),
    (
        EventType::Clash,
        &["clashes", "clashed", "fighting", "heavy fighting", "attacked", "attack on", "battle for", "shelled"],
    ),
];

/// Phrases for "controls part of": the share comes from [`share_of`].
pub const CONTROL_WORDS: &[&str] = &["control", "controls", "controlled", "controlling", "hold", "holds", "held"];

/// Actors and the words that name them.
pub const ACTORS: &[(&str, &[&str])] = &[
    ("Taliban", &["taliban", "islamic emirate", "insurgents", "militants"]),
    (
        "Afghan government forces",
        &[
            "afghan government",
            "afghan forces",
            "government forces",
            "afghan troops",
            "afghan army",
            "afghan soldiers",
            "afghan security forces",
            "afghan border guards",
            "afghan servicemen",
            "andsf",
            "kabul",
        ],
    ),
    ("Russia", &["russia", "russian", "moscow", "kremlin"]),
    ("CSTO", &["csto", "collective security treaty organization", "collective security treaty organisation"]),
    ("Tajikistan", &["tajikistan", "tajik", "dushanbe"]),
    ("Uzbekistan", &["uzbekistan", "uzbek", "tashkent"]),
    ("Iran", &["iran", "iranian", "tehran"]),
    ("Turkmenistan", &["turkmenistan", "turkmen", "ashgabat"]),
    ("Pakistan", &["pakistan", "pakistani", "islamabad"]),
    ("China", &["china", "chinese", "beijing"]),
];

/// Words saying who speaks: "X said", "according to X".
pub const ATTRIBUTION: &[&str] = &[
    "quoted as saying",
    "quoted as claiming",
    "claiming",
    "saying",
    "said",
    "says",
    "say",
    "claimed",
    "claims",
    "claim",
    "according to",
    "announced",
    "told",
    "stated",
    "reported",
    "tweeted",
    "wrote",
    "posted",
    "insisted",
    "asserted",
];

/// Words that dispute or deny a claim, with the status they give it.
pub const DISPUTES: &[(ClaimStatus, &[&str])] = &[
    (ClaimStatus::Denied, &["denied", "denies", "deny", "dismissed as a lie", "a lie", "false", "untrue", "fake"]),
    (
        ClaimStatus::Disputed,
        &["disputed", "disputes", "rejected", "rejects", "dismissed", "contradicted", "questioned"],
    ),
];

/// Words that leave a claim unconfirmed (noted, not a dispute by anyone).
pub const UNVERIFIED: &[&str] = &[
    "could not be verified",
    "could not be independently verified",
    "not independently verified",
    "unverified",
    "not been confirmed",
    "not confirmed",
    "did not confirm",
    "has not confirmed",
    "had not confirmed",
    "unconfirmed",
    "could not be confirmed",
    "hard to corroborate",
    "could not be corroborated",
];

/// Words that confirm: a second party saying it happened.
pub const CONFIRMATIONS: &[&str] = &["confirmed", "confirms", "acknowledged", "admitted"];

/// What a phrase list entry stands for.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Rule {
    /// An event type trigger.
    Trigger(EventType),
    /// A control verb (with a share nearby: a control claim).
    Control,
    /// An actor.
    Actor(usize),
    /// Attribution.
    Attribution,
    /// A dispute or denial.
    Dispute(ClaimStatus),
    /// Unverified.
    Unverified,
    /// Confirmation.
    Confirmation,
}

/// One automaton over every phrase above.
pub struct Rules {
    ac: AhoCorasick,
    rules: Vec<Rule>,
}

impl std::fmt::Debug for Rules {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Rules").field("phrases", &self.rules.len()).finish()
    }
}

/// A rule met in a sentence, at folded byte offsets.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Hit {
    /// What it is.
    pub rule: Rule,
    /// Start in the folded sentence.
    pub start: usize,
    /// End in the folded sentence.
    pub end: usize,
}

impl Rules {
    /// Builds the automaton.
    pub fn new() -> Self {
        let mut phrases: Vec<String> = Vec::new();
        let mut rules = Vec::new();
        let mut add = |p: &str, r: Rule| {
            phrases.push(crate::gazetteer::fold::basic(p));
            rules.push(r);
        };
        for (t, ps) in TRIGGERS {
            ps.iter().for_each(|p| add(p, Rule::Trigger(*t)));
        }
        CONTROL_WORDS.iter().for_each(|p| add(p, Rule::Control));
        for (i, (_, ps)) in ACTORS.iter().enumerate() {
            ps.iter().for_each(|p| add(p, Rule::Actor(i)));
        }
        ATTRIBUTION.iter().for_each(|p| add(p, Rule::Attribution));
        for (s, ps) in DISPUTES {
            ps.iter().for_each(|p| add(p, Rule::Dispute(*s)));
        }
        UNVERIFIED.iter().for_each(|p| add(p, Rule::Unverified));
        CONFIRMATIONS.iter().for_each(|p| add(p, Rule::Confirmation));
        // A few hundred phrases: a full DFA is small and the fastest to run.
        let ac = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .kind(Some(aho_corasick::AhoCorasickKind::DFA))
            .build(&phrases)
            .expect("small automaton");
        Rules { ac, rules }
    }

    /// The rules met in a folded sentence, at word boundaries, in order.
    pub fn hits(&self, folded: &str) -> Vec<Hit> {
        let b = folded.as_bytes();
        self.ac
            .find_iter(folded)
            .filter(|m| (m.start() == 0 || b[m.start() - 1] == b' ') && (m.end() == b.len() || b[m.end()] == b' '))
            .map(|m| Hit { rule: self.rules[m.pattern().as_usize()], start: m.start(), end: m.end() })
            .collect()
    }
}

impl Default for Rules {
    fn default() -> Self {
        Self::new()
    }
}

/// A share of something in a folded sentence: "two thirds", "70 percent", "90 per cent",
/// "half", "most of" is not a number and gives none.
pub fn share_of(folded: &str) -> Option<f64> {
    const WORDS: &[(&str, f64)] = &[
        ("two thirds", 2.0 / 3.0),
        ("one third", 1.0 / 3.0),
        ("a third", 1.0 / 3.0),
        ("three quarters", 0.75),
        ("a quarter", 0.25),
        ("one quarter", 0.25),
        ("half", 0.5),
    ];
    let words: Vec<&str> = folded.split(' ').collect();
    for (i, w) in words.iter().enumerate() {
        let next = words.get(i + 1).copied().unwrap_or("");
        if let Ok(n) = w.parse::<f64>()
            && (next == "percent" || next == "per" || next == "pct")
            && (0.0..=100.0).contains(&n)
        {
            return Some((n / 100.0 * 1000.0).round() / 1000.0);
        }
    }
    // "70%": the folded text drops the sign; the original is checked by the caller.
    let padded = format!(" {folded} ");
    WORDS.iter().find(|(p, _)| padded.contains(&format!(" {p} "))).map(|(_, v)| (v * 1000.0).round() / 1000.0)
}

/// A share written with a percent sign in the original sentence ("70%", "90 %").
pub fn percent_sign_share(sentence: &str) -> Option<f64> {
    let b = sentence.as_bytes();
    let at = sentence.find('%')?;
    let mut i = at;
    while i > 0 && b[i - 1] == b' ' {
        i -= 1;
    }
    let end = i;
    while i > 0 && (b[i - 1].is_ascii_digit() || b[i - 1] == b'.') {
        i -= 1;
    }
    let n: f64 = sentence[i..end].parse().ok()?;
    (0.0..=100.0).contains(&n).then(|| (n / 100.0 * 1000.0).round() / 1000.0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gazetteer::fold::basic;

    #[test]
    fn triggers_respect_word_boundaries_and_prefer_the_longest() {
        let r = Rules::new();
        let kinds = |s: &str| r.hits(&basic(s)).into_iter().map(|h| h.rule).collect::<Vec<_>>();
        assert_eq!(kinds("Government forces retook the town"), [Rule::Actor(1), Rule::Trigger(EventType::Recapture)]);
        assert!(
            !kinds("the recaptured post").contains(&Rule::Trigger(EventType::Capture)),
            "recaptured is not captured"
        );
        assert_eq!(
            kinds("The Taliban seized it, a spokesman said"),
            [Rule::Actor(0), Rule::Trigger(EventType::Capture), Rule::Attribution]
        );
        assert!(kinds("Tajikistan's drills").contains(&Rule::Trigger(EventType::MilitaryExercise)));
        assert!(kinds("the claim was dismissed as a lie").contains(&Rule::Dispute(ClaimStatus::Denied)));
    }

    #[test]
    fn shares() {
        assert_eq!(share_of(&basic("controls two-thirds of the border")), Some(0.667));
        assert_eq!(share_of(&basic("holds 85 percent of the frontier")), Some(0.85));
        assert_eq!(share_of(&basic("nearly 90 per cent")), Some(0.9));
        assert_eq!(percent_sign_share("control 70% of the border"), Some(0.7));
        assert_eq!(share_of(&basic("controls most of the border")), None);
    }
}
