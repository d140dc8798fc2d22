//! The events of one sentence: every trigger ([`super::rules`]) with the places that belong to
//! it, its actor, and whether it is negated ("had not fallen") or only a plan ("will hold
//! exercises"). Works on the folded sentence and the rule hits in it; knows nothing of the
//! gazetteer beyond each place's kind.
//!
//! - **Places to triggers.** Each place goes to the nearest trigger (a place after its verb
//!   counts a little nearer than one before it), so "troops crossed into Tajikistan as the
//!   Taliban took the Shir Khan Bandar crossing" is a flight and a capture, and "captured
//!   Islam Qala and Torghundi" is one capture at each. A trigger that needs an object
//!   (`[object]` in the rule file: "took Zaranj") counts only with a place right after it.
//! - **Containers.** Of a trigger's places, a province or a country next to a smaller place is
//!   where that place is, not a second event ("Zaranj in Nimruz").
//! - **A fight that ends in a capture** in the same sentence is the capture only (the corpus
//!   guidelines): clash triggers give way to a capture or recapture in the sentence.
//! - **Actors.** An actor named just before a verb of saying is the speaker, not the actor
//!   ("Iranian border guards confirmed …"). A passive trigger (`[by]`: "fell to", "was taken
//!   by") takes the actor after it; others the nearest before, then after. Armed men without a
//!   nationality ("border guards", "troops") are the nationality named just before them, else
//!   the rule file's `force default`.

use super::rules::{Hit, Rule, Rules};
use crate::events::EventType;
use crate::gazetteer::PlaceKind;

/// A place named in the sentence, at folded offsets of the sentence.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Arg {
    /// Start in the folded sentence.
    pub start: usize,
    /// End in the folded sentence.
    pub end: usize,
    /// The place's kind, when it resolved.
    pub kind: Option<PlaceKind>,
    /// Named as where someone speaks, as a landmark ("opposite Milak", "from Herat") or as the
    /// container of the place before it ("Zaranj in Nimruz"): an event's place only when the
    /// sentence names no other.
    pub weak: bool,
    /// Named after "from": where reinforcements come from is not where they go.
    pub from: bool,
}

/// An actor named in the sentence.
#[derive(Debug, Clone, PartialEq)]
pub struct ActorRef {
    /// The normalised name (the rule file's `actor NAME`).
    pub name: String,
    /// Start of the words in the folded sentence.
    pub start: usize,
    /// End.
    pub end: usize,
    /// Whether it speaks (a verb of saying follows) rather than acts.
    pub speaker: bool,
}

/// An event a sentence announces.
#[derive(Debug, Clone, PartialEq)]
pub struct Proposal {
    /// What happened.
    pub t: EventType,
    /// The share, for a control claim.
    pub share: Option<f64>,
    /// The trigger.
    pub trigger: Hit,
    /// Indexes into the sentence's args: where it happened (one event each).
    pub places: Vec<usize>,
    /// Who did it.
    pub actor: Option<ActorRef>,
    /// The other side (for a flight: the country fled into).
    pub actor2: Option<ActorRef>,
    /// "had not fallen", "denied that … had fallen".
    pub negated: bool,
    /// "will hold", "vowed to retake".
    pub modal: bool,
}

/// Words between folded offsets `a..b`.
pub(super) fn words_between(s: &str, a: usize, b: usize) -> usize {
    if b <= a {
        return 0;
    }
    s[a..b].split(' ').filter(|w| !w.is_empty()).count()
}

/// The word before folded offset `at`.
pub(super) fn word_before(s: &str, at: usize) -> &str {
    s[..at].trim_end().rsplit(' ').next().unwrap_or("")
}

/// Afghanistan's neighbours, as the rule file names them.
const NEIGHBOURS: &[&str] = &["Tajikistan", "Uzbekistan", "Turkmenistan", "Iran", "Pakistan", "China"];

/// How many bytes after a passive trigger its taker may start ("fell to the Taliban").
const PASSIVE_REACH: usize = 12;

/// Plural kind nouns that introduce a list of places.
const PLURAL_KINDS: &[&str] = &["crossings", "districts", "towns", "cities", "provinces", "posts", "ports", "capitals"];

/// How many words before a trigger negation and modality reach.
const NEGATION_REACH: usize = 3;
const MODAL_REACH: usize = 6;
/// How many words after an `[object]` trigger its place must start.
const OBJECT_REACH: usize = 5;

/// The actors of a sentence: actor words, and force words with the nationality before them.
pub fn actors(rules: &Rules, s: &str, hits: &[Hit]) -> Vec<ActorRef> {
    let mut out: Vec<ActorRef> = Vec::new();
    for (i, h) in hits.iter().enumerate() {
        let name = match h.rule {
            // "the Iranian frontier", "the Tajik side": a place, not an actor.
            Rule::Actor(_) if adjective_of_place(s, h.end, hits.get(i + 1)) => continue,
            Rule::Actor(a) => rules.actor(a).to_string(),
            Rule::Force => {
                // "Tajik border guards": the nationality just before owns them.
                if let Some(last) = out.last_mut()
                    && words_between(s, last.end, h.start) <= 1
                    && i > 0
                    && matches!(hits[i - 1].rule, Rule::Actor(_))
                {
                    last.end = h.end;
                    continue;
                }
                rules.force_default.clone()
            }
            _ => continue,
        };
        out.push(ActorRef { name, start: h.start, end: h.end, speaker: false });
    }
    for a in &mut out {
        let says_after = hits.iter().any(|h| {
            matches!(h.rule, Rule::Attribution | Rule::Confirmation | Rule::Dispute(_))
                && h.start >= a.end
                && words_between(s, a.end, h.start) <= 4
        });
        let according_to = hits.iter().any(|h| {
            h.rule == Rule::Attribution
                && h.end <= a.start
                && words_between(s, h.end, a.start) <= 2
                && (s[h.start..h.end].starts_with("according") || s[h.start..h.end] == *"told")
        });
        a.speaker = says_after || according_to;
    }
    out
}

/// Whether the actor word ending at `end` qualifies a place ("Iranian border", "Tajik
/// side"), unless armed men follow ("Tajik border guards": the next hit is a force).
fn adjective_of_place(s: &str, end: usize, next: Option<&Hit>) -> bool {
    let after = s[end..].trim_start().split(' ').next().unwrap_or("");
    let place_word = matches!(
        after,
        "border"
            | "frontier"
            | "side"
            | "territory"
            | "soil"
            | "bank"
            | "city"
            | "capital"
            | "province"
            | "provinces"
            | "town"
            | "villages"
            | "airspace"
    );
    place_word && !next.is_some_and(|n| n.rule == Rule::Force && n.start <= end + 1 + after.len())
}

/// Whether "may" at folded offset `at` is the month ("in May", "May 5").
fn may_is_month(s: &str, at: usize, end: usize) -> bool {
    let before = word_before(s, at);
    let after = s[end..].trim_start().split(' ').next().unwrap_or("");
    matches!(before, "in" | "since" | "early" | "late" | "mid" | "of" | "until" | "by" | "from" | "end")
        || after.bytes().next().is_some_and(|b| b.is_ascii_digit())
}

/// The events of a folded sentence `s` with its rule hits and places.
/// `share` is the share the sentence names, if any ("two thirds", "70%").
pub fn propose(rules: &Rules, s: &str, hits: &[Hit], args: &[Arg], share: Option<f64>) -> Vec<Proposal> {
    let mut props: Vec<Proposal> = Vec::new();
    for h in hits {
        let Rule::Trigger { t, object, .. } = h.rule else {
            if h.rule == Rule::Control
                && let Some(sh) = share
            {
                props.push(proposal(EventType::ControlClaim, Some(sh), *h));
            }
            continue;
        };
        // "have taken most of the crossings that matter: Shir Khan Bandar, …": a plural kind
        // noun between the verb and its places reaches further.
        let reach = |a: &Arg| {
            let n = words_between(s, h.end, a.start);
            n <= OBJECT_REACH
                || (n <= 2 * OBJECT_REACH && s[h.end..a.start].split(' ').any(|w| PLURAL_KINDS.contains(&w)))
        };
        if object && !args.iter().any(|a| a.start >= h.end && reach(a)) {
            continue;
        }
        // "had taken control of 70 percent of the border", "captured the whole of Nimruz
        // province": a control claim.
        let words = &s[h.start..h.end];
        // The share before it counts too: "said the whole of Nimruz was now theirs".
        let share_next = share_within(s, h.end, 4) || {
            let head: Vec<&str> = s[..h.start].split(' ').filter(|w| !w.is_empty()).collect();
            let from = head.len().saturating_sub(6);
            super::rules::share_of(&head[from..].join(" ")).is_some()
        };
        if let Some(sh) = share
            && (words.contains("control") || words.contains("hands") || share_next)
            && matches!(t, EventType::Capture)
        {
            props.push(proposal(EventType::ControlClaim, Some(sh), *h));
            continue;
        }
        props.push(proposal(t, None, *h));
    }
    if props.is_empty() {
        return props;
    }
    for p in &mut props {
        let at = p.trigger.start;
        // "not", "no": three words; "denied that", "rejected reports that": a clause's length.
        p.negated = hits.iter().any(|n| {
            let reach = if s[n.start..n.end].contains(' ') { 2 * NEGATION_REACH } else { NEGATION_REACH };
            n.rule == Rule::Negation && n.end <= at && words_between(s, n.end, at) <= reach
        });
        p.modal = hits.iter().any(|n| {
            n.rule == Rule::Modal
                && n.end <= at
                && words_between(s, n.end, at) <= MODAL_REACH
                && !(&s[n.start..n.end] == "may" && may_is_month(s, n.start, n.end))
        });
    }
    // "Should Tajikistan come under attack, …", "If the Taliban reach the border, …": the
    // whole sentence is a condition.
    let first = s.split(' ').next().unwrap_or("");
    if matches!(first, "should" | "if" | "unless" | "were" | "whether") {
        for p in &mut props {
            p.modal = true;
        }
    }
    // A fight that ends in a capture: the capture only.
    let taking =
        props.iter().any(|p| matches!(p.t, EventType::Capture | EventType::Recapture) && !p.negated && !p.modal);
    if taking {
        props.retain(|p| p.t != EventType::Clash);
    }
    // One control claim per sentence.
    let mut seen_control = false;
    props.retain(|p| {
        if p.t != EventType::ControlClaim {
            return true;
        }
        let first = !seen_control;
        seen_control = true;
        first
    });
    // Places to the nearest trigger; landmarks and containers only when there is nothing else.
    let strong = args.iter().any(|a| !a.weak);
    for (i, a) in args.iter().enumerate() {
        if a.weak && strong {
            continue;
        }
        let dist = |p: &Proposal| {
            let object = matches!(p.trigger.rule, Rule::Trigger { object: true, .. });
            if a.end <= p.trigger.start && object {
                usize::MAX / 2
            } else if a.start >= p.trigger.end {
                (a.start - p.trigger.end) * 4
            } else if a.end <= p.trigger.start {
                (p.trigger.start - a.end) * 5
            } else {
                0
            }
        };
        let control_wants = |p: &Proposal| p.t == EventType::ControlClaim;
        if let Some(best) = (0..props.len()).min_by_key(|&k| {
            // A control claim reaches for what is controlled wherever it is in the sentence.
            let d = dist(&props[k]);
            if control_wants(&props[k])
                && matches!(a.kind, Some(PlaceKind::Border | PlaceKind::Province | PlaceKind::Country))
            {
                d / 4
            } else {
                d
            }
        }) {
            props[best].places.push(i);
        }
    }
    untangle(&mut props, s, args);
    // "… a day after the Taliban said they had captured both": the places of the sentence's
    // other trigger.
    for k in 0..props.len() {
        let next = s[props[k].trigger.end..].trim_start();
        if props[k].places.is_empty()
            && ["both", "them", "the two", "all three", "each"].iter().any(|w| next.starts_with(w))
        {
            let mut others: Vec<usize> =
                props.iter().enumerate().filter(|(j, _)| *j != k).flat_map(|(_, p)| p.places.clone()).collect();
            others.sort_unstable();
            others.dedup();
            props[k].places = others;
        }
    }
    for p in &mut props {
        // No one captures, raises a flag over or fights over a whole country: a country next
        // to such a trigger says whose border or crossing it is.
        if matches!(
            p.t,
            EventType::Capture | EventType::Recapture | EventType::FlagRaising | EventType::Clash | EventType::Attack
        ) {
            p.places.retain(|&i| args[i].kind != Some(PlaceKind::Country));
            // "commandos flown in from Kabul": where they came from.
            if p.places.iter().any(|&i| !args[i].from) {
                p.places.retain(|&i| !args[i].from);
            }
            // "a series of districts on the border with Tajikistan": the border describes them.
            let others =
                args.iter().any(|a| !matches!(a.kind, Some(PlaceKind::Border | PlaceKind::Country | PlaceKind::River)));
            if others {
                p.places.retain(|&i| !matches!(args[i].kind, Some(PlaceKind::Border | PlaceKind::River)));
            }
        }
        // "crossed the Panj river near Qalai Khumb": the village, not the whole river.
        if p.t == EventType::FlightAcrossBorder
            && p.places
                .iter()
                .any(|&i| !matches!(args[i].kind, Some(PlaceKind::River | PlaceKind::Border | PlaceKind::Country)))
        {
            p.places.retain(|&i| args[i].kind != Some(PlaceKind::River));
        }
        if matches!(p.t, EventType::Reinforcement | EventType::MilitaryAid) && p.places.iter().any(|&i| !args[i].from) {
            p.places.retain(|&i| !args[i].from);
        }
        drop_containers(p, args, s.split(' ').any(|w| matches!(w, "border" | "frontier" | "borders")));
        // Families or residents fleeing are refugees, not soldiers crossing a border.
        if p.t == EventType::FlightAcrossBorder && civilians_before(s, p.trigger.start) {
            p.t = EventType::Refugees;
        }
        // Soldiers falling back to the airport cross no border: a flight needs one (a border,
        // a river, a bridge, a crossing, a neighbour or the word).
        if p.t == EventType::FlightAcrossBorder && !crosses_a_border(s, args) {
            p.places.clear();
        }
        // "exercises … would take place", "reinforcements … will be sent": a plan.
        if matches!(p.t, EventType::MilitaryExercise | EventType::Reinforcement) && !p.modal {
            let end = p.trigger.end;
            p.modal = hits
                .iter()
                .any(|n| n.rule == Rule::Modal && n.start >= end && words_between(s, end, n.start) <= MODAL_AFTER_NOUN);
        }
    }
    let people = actors(rules, s, hits);
    for p in &mut props {
        p.actor = actor_of(p, &people, s);
        // "was handed over by border police": they lost it; the taker is not named.
        if matches!(p.trigger.rule, Rule::Trigger { loser: true, .. }) {
            p.actor2 = p.actor.take();
        }
        // Soldiers who "surrendered to Uzbek border guards" or "enter Iran" flee across the
        // border: a capture whose taker is a neighbour state, or an entry into a neighbour.
        if p.t == EventType::Capture {
            let words = &s[p.trigger.start..p.trigger.end];
            let into_neighbour = words.starts_with("enter")
                && args.iter().any(|a| {
                    a.kind == Some(PlaceKind::Country)
                        && a.start >= p.trigger.end
                        && words_between(s, p.trigger.end, a.start) <= 1
                });
            let by_neighbour = matches!(p.trigger.rule, Rule::Trigger { passive: true, loser: false, .. })
                && p.actor.as_ref().is_some_and(|a| a.start >= p.trigger.end && NEIGHBOURS.contains(&a.name.as_str()));
            if into_neighbour || by_neighbour {
                p.t = EventType::FlightAcrossBorder;
                p.actor2 = p.actor.take().filter(|_| by_neighbour);
                if into_neighbour {
                    // The country entered is the place: its border, as for any flight.
                    p.places = args
                        .iter()
                        .enumerate()
                        .filter(|(_, a)| a.start >= p.trigger.end && !a.weak)
                        .map(|(i, _)| i)
                        .collect();
                }
            }
        }
        if p.t == EventType::FlightAcrossBorder {
            let at = p.trigger.end;
            p.actor2 =
                people.iter().find(|a| a.start >= at && a.name != rules.force_default && a.name != "Taliban").cloned();
            if p.actor.as_ref().is_none_or(|a| p.actor2.as_ref().is_some_and(|b| b.name == a.name)) {
                p.actor = Some(ActorRef { name: rules.force_default.clone(), start: at, end: at, speaker: false });
            }
        }
        if p.t == EventType::Refugees {
            p.actor = None;
        }
        // Government forces taking a place take it back: in a war where the government held
        // every place first, that is a recapture.
        let taker = |a: &ActorRef| {
            // The subject of an active verb, or the agent of a passive one.
            let passive = matches!(p.trigger.rule, Rule::Trigger { passive: true, .. });
            if passive { a.start >= p.trigger.end } else { a.end <= p.trigger.start }
        };
        if p.t == EventType::Capture
            && p.actor.as_ref().is_some_and(|a| a.name == rules.force_default && !a.speaker && taker(a))
        {
            p.t = EventType::Recapture;
        }
        if p.actor.is_none()
            && let Some(name) = rules.defaults.get(&p.t)
        {
            let at = p.trigger.end;
            p.actor = Some(ActorRef { name: name.clone(), start: at, end: at, speaker: false });
        }
    }
    props
}

/// Whether a share is named in the `n` words after folded offset `at`.
fn share_within(s: &str, at: usize, n: usize) -> bool {
    let rest: Vec<&str> = s[at..].split(' ').filter(|w| !w.is_empty()).take(n + 2).collect();
    super::rules::share_of(&rest.join(" ")).is_some()
}

/// Whether a sentence has a border in it: a border, river, bridge or crossing place, a
/// country, or a word for one.
fn crosses_a_border(s: &str, args: &[Arg]) -> bool {
    args.iter().any(|a| {
        matches!(
            a.kind,
            Some(PlaceKind::Border | PlaceKind::River | PlaceKind::Bridge | PlaceKind::Crossing | PlaceKind::Country)
        )
    }) || s
        .split(' ')
        .any(|w| matches!(w, "border" | "frontier" | "river" | "territory" | "airspace" | "bridge" | "crossing"))
}

/// How many words after a noun trigger ("exercises") a modal makes it a plan.
const MODAL_AFTER_NOUN: usize = 8;

/// Whether civilians are who move, in the words before a verb of fleeing.
fn civilians_before(s: &str, at: usize) -> bool {
    let words: Vec<&str> = s[..at].split(' ').filter(|w| !w.is_empty()).rev().take(8).collect();
    let civil = |w: &&str| {
        matches!(
            *w,
            "families"
                | "residents"
                | "civilians"
                | "people"
                | "villagers"
                | "refugees"
                | "women"
                | "children"
                | "inhabitants"
                | "locals"
        )
    };
    let armed = |w: &&str| {
        matches!(
            *w,
            "soldiers" | "troops" | "servicemen" | "forces" | "guards" | "police" | "commandos" | "army" | "officers"
        )
    };
    words.iter().position(civil).is_some_and(|c| words.iter().position(armed).is_none_or(|a| a > c))
}

/// Words that join the places of one list ("Kunduz, Taloqan and Sheberghan", "the districts
/// of Khwahan and Darwaz").
fn joins_a_list(s: &str, a: usize, b: usize) -> bool {
    let between: Vec<&str> = s.get(a..b).unwrap_or("x").split(' ').filter(|w| !w.is_empty()).collect();
    between.len() <= 6
        && between.iter().all(|w| {
            matches!(
                *w,
                "and"
                    | "or"
                    | "as"
                    | "well"
                    | "also"
                    | "the"
                    | "both"
                    | "on"
                    | "with"
                    | "frontier"
                    | "tajik"
                    | "iranian"
                    | "turkmen"
                    | "uzbek"
                    | "pakistani"
                    | "chinese"
                    | "afghan"
                    | "district"
                    | "districts"
                    | "crossing"
                    | "crossings"
                    | "border"
                    | "town"
                    | "towns"
                    | "city"
                    | "cities"
                    | "port"
                    | "province"
                    | "provinces"
                    | "capital"
                    | "capitals"
                    | "post"
                    | "posts"
                    | "then"
                    | "later"
                    | "its"
            )
        })
}

/// A trigger keeps the place nearest it and the places listed with that one; its other places
/// go to the next-nearest trigger that can take them ("refused entry to soldiers who tried to
/// cross near Serhetabat on the day Torghundi fell": Serhetabat is the refusal's).
fn untangle(props: &mut [Proposal], s: &str, args: &[Arg]) {
    let gap = |p: &Proposal, a: &Arg| {
        if a.start >= p.trigger.end { a.start - p.trigger.end } else { p.trigger.start.saturating_sub(a.end) }
    };
    let mut moved: Vec<(usize, usize)> = Vec::new();
    for (k, p) in props.iter_mut().enumerate() {
        if p.places.len() < 2 || p.t == EventType::ControlClaim {
            continue;
        }
        p.places.sort_by_key(|&i| args[i].start);
        let nearest = (0..p.places.len()).min_by_key(|&j| gap(p, &args[p.places[j]])).unwrap_or(0);
        let (mut lo, mut hi) = (nearest, nearest);
        while lo > 0 && joins_a_list(s, args[p.places[lo - 1]].end, args[p.places[lo]].start) {
            lo -= 1;
        }
        while hi + 1 < p.places.len() && joins_a_list(s, args[p.places[hi]].end, args[p.places[hi + 1]].start) {
            hi += 1;
        }
        for (j, &i) in p.places.iter().enumerate() {
            if j < lo || j > hi {
                moved.push((k, i));
            }
        }
        let keep: Vec<usize> = p.places[lo..=hi].to_vec();
        p.places = keep;
    }
    for (from, i) in moved {
        let a = &args[i];
        let to = (0..props.len()).filter(|&k| k != from).min_by_key(|&k| gap(&props[k], a));
        match to {
            Some(k) => props[k].places.push(i),
            // No other trigger: the place stays with its own (a second place of the event).
            None => props[from].places.push(i),
        }
    }
}

fn proposal(t: EventType, share: Option<f64>, trigger: Hit) -> Proposal {
    Proposal { t, share, trigger, places: Vec::new(), actor: None, actor2: None, negated: false, modal: false }
}

/// A trigger's places without the containers of its other places.
fn drop_containers(p: &mut Proposal, args: &[Arg], border_words: bool) {
    let rank = |k: Option<PlaceKind>| match k {
        Some(PlaceKind::Country) => 3,
        Some(PlaceKind::Province) => 2,
        Some(PlaceKind::Border) => 1,
        _ => 0,
    };
    if p.t == EventType::ControlClaim {
        // What is controlled: the border, else the province or the country; one place.
        // "the whole of the Afghan side of Iran's eastern frontier": the country named with a
        // border word is the border.
        if let Some(&best) = p.places.iter().min_by_key(|&&i| match args[i].kind {
            Some(PlaceKind::Border) => 0,
            Some(PlaceKind::Country) if border_words => 0,
            Some(PlaceKind::Province) => 1,
            Some(PlaceKind::Country) => 2,
            _ => 3,
        }) {
            p.places = vec![best];
        }
        return;
    }
    let Some(finest) = p.places.iter().map(|&i| rank(args[i].kind)).min() else { return };
    // A border next to a town is the town's border: keep the town; keep borders alone.
    p.places.retain(|&i| rank(args[i].kind) == finest);
}

/// Who did it: the actor a passive trigger names after it; else the nearest actor before the
/// trigger that is not a speaker, then after; then a speaker.
fn actor_of(p: &Proposal, people: &[ActorRef], sentence: &str) -> Option<ActorRef> {
    let (s, e) = (p.trigger.start, p.trigger.end);
    let passive = matches!(p.trigger.rule, Rule::Trigger { passive: true, .. });
    // "the fall of Kunduz", "the capture of Qarqin": a noun names its taker only with "by".
    let words = &sentence[s..e];
    if words.ends_with(" of") || words == "of" || words.starts_with("handover") || words.starts_with("takeover") {
        return people
            .iter()
            .filter(|a| a.start >= e && !a.speaker && a.start - e <= 40 && word_before(sentence, a.start) == "by")
            .min_by_key(|a| a.start)
            .cloned();
    }
    let after =
        |speaking: bool| people.iter().filter(|a| a.start >= e && a.speaker == speaking).min_by_key(|a| a.start - e);
    let before =
        |speaking: bool| people.iter().filter(|a| a.end <= s && a.speaker == speaking).min_by_key(|a| s - a.end);
    // "The Taliban said they had seized …": the speaker before the verb is its subject when no
    // one else is; a name after an active verb is its object ("captured … from government forces").
    // A passive names its taker right after it ("fell to the Taliban", "was taken by …");
    // without one the sentence does not say who took it (the subject is the place).
    let found = if passive {
        after(false).filter(|a| a.start.saturating_sub(e) <= PASSIVE_REACH)
    } else {
        before(false).or_else(|| before(true)).or_else(|| after(false))
    };
    found.or_else(|| after(true)).cloned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gazetteer::fold::basic;

    /// The proposals of a sentence whose places are the given words (folded), of the given kinds.
    fn run(sentence: &str, places: &[(&str, PlaceKind)]) -> Vec<(EventType, Vec<String>, String, bool, bool)> {
        let r = Rules::new();
        let s = basic(sentence);
        let args: Vec<Arg> = places
            .iter()
            .map(|(w, k)| {
                let at = s.find(&basic(w)).unwrap_or_else(|| panic!("{w} in {s}"));
                Arg { start: at, end: at + basic(w).len(), kind: Some(*k), weak: false, from: false }
            })
            .collect();
        let hits = r.hits(&s);
        propose(&r, &s, &hits, &args, super::super::rules::share_of(&s))
            .into_iter()
            .filter(|p| !p.places.is_empty())
            .map(|p| {
                let places = p.places.iter().map(|&i| places[i].0.to_string()).collect();
                (p.t, places, p.actor.map(|a| a.name).unwrap_or_default(), p.negated, p.modal)
            })
            .collect()
    }

    use PlaceKind::{Country, Crossing, District, Province, Town};

    #[test]
    fn several_places_and_several_events_in_one_sentence() {
        let got = run(
            "The Taliban captured Islam Qala and Torghundi on Friday",
            &[("Islam Qala", Crossing), ("Torghundi", Crossing)],
        );
        assert_eq!(
            got,
            [(EventType::Capture, vec!["Islam Qala".into(), "Torghundi".into()], "Taliban".into(), false, false)]
        );
        let got = run(
            "more than a hundred Afghan troops crossed into Tajikistan as the Taliban took the Shir Khan Bandar crossing",
            &[("Tajikistan", Country), ("Shir Khan Bandar", Crossing)],
        );
        assert_eq!(got.len(), 2, "{got:?}");
        assert_eq!((got[0].0, got[0].2.as_str()), (EventType::FlightAcrossBorder, "Afghan government forces"));
        assert_eq!(
            (got[1].0, got[1].1[0].as_str(), got[1].2.as_str()),
            (EventType::Capture, "Shir Khan Bandar", "Taliban")
        );
    }

    #[test]
    fn containers_are_not_events() {
        let got = run("the Taliban took Zaranj in Nimruz province", &[("Zaranj", Town), ("Nimruz", Province)]);
        assert_eq!(got[0].1, ["Zaranj"]);
        let got =
            run("insurgents overran Imam Sahib district in Kunduz", &[("Imam Sahib", District), ("Kunduz", Province)]);
        assert_eq!(got[0].1, ["Imam Sahib"]);
    }

    #[test]
    fn negation_plans_and_objects() {
        let got = run("the spokesman said the crossing at Islam Qala had not fallen", &[("Islam Qala", Crossing)]);
        assert!(got[0].3, "negated: {got:?}");
        let got = run("the ministry denied that Spin Boldak had fallen", &[("Spin Boldak", Town)]);
        assert!(got[0].3, "negated: {got:?}");
        let got = run("the CSTO will hold joint exercises in Tajikistan", &[("Tajikistan", Country)]);
        assert!(got[0].4, "a plan: {got:?}");
        let got = run("officials vowed to retake Zaranj", &[("Zaranj", Town)]);
        assert!(got[0].4, "a vow: {got:?}");
        let got = run("since May the Taliban have seized Kunduz", &[("Kunduz", Town)]);
        assert!(!got[0].4, "May the month is no modal: {got:?}");
        assert!(run("delegates took part in talks in Kabul", &[("Kabul", Town)]).is_empty());
        assert_eq!(run("fighters took Zaranj on Friday", &[("Zaranj", Town)])[0].0, EventType::Capture);
    }

    #[test]
    fn actors_by_role() {
        let got =
            run("Government troops recaptured Spin Boldak, Iranian border guards confirmed", &[("Spin Boldak", Town)]);
        assert_eq!(got[0].2, "Afghan government forces");
        let got = run("Zaranj fell to the Taliban", &[("Zaranj", Town)]);
        assert_eq!(got[0].2, "Taliban");
        let got =
            run("Tajik border guards said Afghan soldiers had crossed into Tajikistan", &[("Tajikistan", Country)]);
        assert_eq!(got[0].2, "Afghan government forces");
        let got = run("Uzbek armed forces held exercises near Termez", &[("Termez", Town)]);
        assert_eq!(got[0].2, "Uzbekistan");
        let got = run(
            "a fight for Spin Boldak ended when the Taliban seized it and Spin Boldak fell",
            &[("Spin Boldak", Town)],
        );
        assert!(got.iter().all(|g| g.0 != EventType::Clash), "{got:?}");
    }

    #[test]
    fn control_shares() {
        let got = run(
            "the Taliban had taken control of more than 70 percent of the border with Tajikistan",
            &[("Tajikistan", Country)],
        );
        assert_eq!(got[0].0, EventType::ControlClaim, "{got:?}");
    }
}
