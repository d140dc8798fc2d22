//! Scoring extractor proposals against hand annotations (tests/data/corpus): greedy matching
//! by (type, place within a distance), then precision / recall / F1 per type, and date, actor
//! and claim-status accuracy over the matched pairs.
//!
//! Shared by `examples/extract_eval` and `tests/extract_corpus.rs` (included with `#[path]`),
//! and kept out of the library on purpose: it is evaluation code with no use to a library
//! user, it must not change when the extractor does (part 2 of issue 16 rewrites
//! `src/extract/`), and keeping it here means neither the example nor the test rebuilds the
//! library. It depends only on `std` and `jiff` (dates), and takes place distances from the
//! caller, so the test can run it on made-up places.

#![allow(dead_code)]

use std::collections::BTreeMap;
use std::fmt::Write as _;

/// The normalised actor names of the corpus (tests/data/corpus/README.md): the Afghan sides,
/// then states (their forces, border guards or government), then organisations.
pub const ACTORS: &[&str] = &[
    "Taliban",
    "Afghan government forces",
    "Tajikistan",
    "Uzbekistan",
    "Turkmenistan",
    "Iran",
    "Pakistan",
    "Russia",
    "China",
    "India",
    "Turkey",
    "CSTO",
];

/// Words (lower case, matched as a substring of the lower-cased actor) that name each actor,
/// first match wins: how a proposal's actor is normalised.
const ACTOR_WORDS: &[(&str, &[&str])] = &[
    ("Taliban", &["taliban", "islamic emirate", "insurgent", "militant", "mujahideen"]),
    (
        "Afghan government forces",
        &[
            "afghan government",
            "government forces",
            "government troops",
            "afghan forces",
            "afghan troops",
            "afghan army",
            "afghan soldiers",
            "afghan security",
            "afghan border",
            "afghan servicemen",
            "andsf",
            "security forces",
            "commandos",
            "kabul",
        ],
    ),
    ("CSTO", &["csto", "collective security treaty"]),
    ("Tajikistan", &["tajik", "dushanbe"]),
    ("Uzbekistan", &["uzbek", "tashkent"]),
    ("Turkmenistan", &["turkmen", "ashgabat"]),
    ("Iran", &["iran", "tehran"]),
    ("Pakistan", &["pakistan", "islamabad", "frontier corps"]),
    ("Russia", &["russia", "moscow", "kremlin"]),
    ("China", &["china", "chinese", "beijing"]),
    ("India", &["india", "new delhi"]),
    ("Turkey", &["turkey", "turkish", "ankara"]),
];

/// An actor as written, normalised to [`ACTORS`] (case-insensitive): the first actor named in
/// the string (a proposal may list several, `;`-separated), `""` for none, and the string
/// itself, trimmed, when no word of the list occurs in it.
pub fn normalise_actor(actor: &str) -> String {
    let first = actor.split(';').next().unwrap_or("").trim();
    if first.is_empty() {
        return String::new();
    }
    let lower = first.to_lowercase();
    if let Some(a) = ACTORS.iter().find(|a| a.to_lowercase() == lower) {
        return a.to_string();
    }
    for (name, words) in ACTOR_WORDS {
        if words.iter().any(|w| lower.contains(w)) {
            return name.to_string();
        }
    }
    first.to_string()
}

/// One annotated event.
#[derive(Debug, Clone, Default)]
pub struct Gold {
    pub article: String,
    pub event_type: String,
    pub place_id: String,
    /// `YYYY-MM-DD`, `YYYY-Www`, `YYYY-MM` or empty.
    pub date: String,
    pub actor: String,
    pub claim_status: String,
    pub claimed_by: String,
    pub quote: String,
}

/// One proposal of the extractor.
#[derive(Debug, Clone, Default)]
pub struct Proposal {
    pub article: String,
    pub event_type: String,
    /// Empty when the extractor left the place unsettled.
    pub place_id: String,
    /// The place as written.
    pub place: String,
    /// As the extractor writes it (`YYYY-MM-DD`, `YYYY-Www`, `YYYY-MM`, a range `A/B`) or empty.
    pub date: String,
    pub actor: String,
    pub claim_status: String,
    /// The sentence it was read from.
    pub sentence: String,
}

/// Counts for one type, one split or the whole.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Counts {
    pub gold: usize,
    pub proposed: usize,
    pub matched: usize,
    /// Matched pairs whose annotation has a date, and of those, with the date right.
    pub dated: usize,
    pub date_right: usize,
    pub actor_right: usize,
    pub status_right: usize,
}

impl Counts {
    pub fn precision(&self) -> f64 {
        ratio(self.matched, self.proposed)
    }
    pub fn recall(&self) -> f64 {
        ratio(self.matched, self.gold)
    }
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 { 0.0 } else { 2.0 * p * r / (p + r) }
    }
    fn add(&mut self, o: &Counts) {
        self.gold += o.gold;
        self.proposed += o.proposed;
        self.matched += o.matched;
        self.dated += o.dated;
        self.date_right += o.date_right;
        self.actor_right += o.actor_right;
        self.status_right += o.status_right;
    }
}

/// `n / d`, 0 when `d` is 0 (nothing to find or nothing proposed scores 0, not 1: an empty
/// row is printed with its counts, which say why).
pub fn ratio(n: usize, d: usize) -> f64 {
    if d == 0 { 0.0 } else { n as f64 / d as f64 }
}

/// A matched pair, a miss or a false positive, for `--verbose`.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    /// Indices into the gold and proposal lists, and the distance in km.
    Match {
        gold: usize,
        proposal: usize,
        km: f64,
        date_ok: Option<bool>,
        actor_ok: bool,
        status_ok: bool,
    },
    Miss {
        gold: usize,
    },
    FalsePositive {
        proposal: usize,
    },
}

/// The result of [`score`].
#[derive(Debug, Clone, Default)]
pub struct Scored {
    pub by_type: BTreeMap<String, Counts>,
    pub total: Counts,
    pub outcomes: Vec<Outcome>,
}

/// Whether a proposal's date is right for an annotation's: the same day for a day; a date
/// inside the week or month (or the same week or month) for a week or a month. `None` when
/// the annotation has no date (not counted).
pub fn date_right(gold: &str, proposed: &str) -> Option<bool> {
    let g = period(gold)?;
    let Some(p) = period(proposed) else { return Some(false) };
    Some(p.0 >= g.0 && p.1 <= g.1)
}

/// First and last day of a date as written (`YYYY-MM-DD`, `YYYY-Www`, `YYYY-MM`, `A/B`).
pub fn period(s: &str) -> Option<(jiff::civil::Date, jiff::civil::Date)> {
    use jiff::civil::{Date, ISOWeekDate, Weekday};
    let s = s.trim();
    if s.is_empty() {
        return None;
    }
    if let Some((a, b)) = s.split_once('/') {
        return Some((period(a)?.0, period(b)?.1));
    }
    if let Some((y, w)) = s.split_once("-W") {
        let (y, w): (i16, i8) = (y.parse().ok()?, w.parse().ok()?);
        let mon = ISOWeekDate::new(y, w, Weekday::Monday).ok()?.date();
        let sun = ISOWeekDate::new(y, w, Weekday::Sunday).ok()?.date();
        return Some((mon, sun));
    }
    let parts: Vec<&str> = s.split('-').collect();
    match parts.as_slice() {
        [y, m] => {
            let first = Date::new(y.parse().ok()?, m.parse().ok()?, 1).ok()?;
            Some((first, first.last_of_month()))
        }
        [_, _, _] => {
            let d: Date = s.parse().ok()?;
            Some((d, d))
        }
        _ => None,
    }
}

/// Matches proposals to annotations, article by article: every (annotation, proposal) pair of
/// the same article and type whose places lie within `max_km` of each other (`km` gives the
/// distance between two place ids, `None` when either is unknown or empty) is a candidate;
/// candidates are taken greedily, nearest first (ties: annotation order, then proposal order),
/// each annotation and proposal at most once.
pub fn score(gold: &[Gold], proposed: &[Proposal], km: &dyn Fn(&str, &str) -> Option<f64>, max_km: f64) -> Scored {
    let mut cands: Vec<(f64, usize, usize)> = Vec::new();
    for (gi, g) in gold.iter().enumerate() {
        for (pi, p) in proposed.iter().enumerate() {
            if p.article != g.article || p.event_type != g.event_type {
                continue;
            }
            let d = if p.place_id == g.place_id && !g.place_id.is_empty() {
                Some(0.0)
            } else {
                km(&g.place_id, &p.place_id)
            };
            if let Some(d) = d.filter(|&d| d <= max_km) {
                cands.push((d, gi, pi));
            }
        }
    }
    cands.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    let mut g_used = vec![None; gold.len()];
    let mut p_used = vec![false; proposed.len()];
    for (d, gi, pi) in cands {
        if g_used[gi].is_none() && !p_used[pi] {
            g_used[gi] = Some((pi, d));
            p_used[pi] = true;
        }
    }
    let mut s = Scored::default();
    for g in gold {
        s.by_type.entry(g.event_type.clone()).or_default().gold += 1;
    }
    for p in proposed {
        s.by_type.entry(p.event_type.clone()).or_default().proposed += 1;
    }
    for (gi, g) in gold.iter().enumerate() {
        let Some((pi, km)) = g_used[gi] else {
            s.outcomes.push(Outcome::Miss { gold: gi });
            continue;
        };
        let p = &proposed[pi];
        let date_ok = date_right(&g.date, &p.date);
        let actor_ok = normalise_actor(&g.actor).to_lowercase() == normalise_actor(&p.actor).to_lowercase();
        let status_ok = g.claim_status.eq_ignore_ascii_case(&p.claim_status);
        let c = s.by_type.get_mut(&g.event_type).expect("counted above");
        c.matched += 1;
        if let Some(ok) = date_ok {
            c.dated += 1;
            c.date_right += ok as usize;
        }
        c.actor_right += actor_ok as usize;
        c.status_right += status_ok as usize;
        s.outcomes.push(Outcome::Match { gold: gi, proposal: pi, km, date_ok, actor_ok, status_ok });
    }
    for (pi, used) in p_used.iter().enumerate() {
        if !used {
            s.outcomes.push(Outcome::FalsePositive { proposal: pi });
        }
    }
    for c in s.by_type.values() {
        let mut t = s.total.clone();
        t.add(c);
        s.total = t;
    }
    s
}

/// The table [`score`]'s counts make: one row per type, then the total.
pub fn table(title: &str, s: &Scored) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "== {title}");
    let _ = writeln!(
        out,
        "{:<22} {:>4} {:>4} {:>4}  {:>5} {:>5} {:>5}  {:>9} {:>9} {:>9}",
        "type", "gold", "prop", "tp", "P", "R", "F1", "date", "actor", "status"
    );
    let row = |out: &mut String, name: &str, c: &Counts| {
        let _ = writeln!(
            out,
            "{:<22} {:>4} {:>4} {:>4}  {:>5.2} {:>5.2} {:>5.2}  {:>9} {:>9} {:>9}",
            name,
            c.gold,
            c.proposed,
            c.matched,
            c.precision(),
            c.recall(),
            c.f1(),
            format!("{}/{}", c.date_right, c.dated),
            format!("{}/{}", c.actor_right, c.matched),
            format!("{}/{}", c.status_right, c.matched),
        );
    };
    for (t, c) in &s.by_type {
        row(&mut out, t, c);
    }
    row(&mut out, "ALL", &s.total);
    let t = &s.total;
    let _ = writeln!(
        out,
        "summary: precision {:.3} recall {:.3} F1 {:.3}; matched: date {:.3} ({} dated) actor {:.3} status {:.3}",
        t.precision(),
        t.recall(),
        t.f1(),
        ratio(t.date_right, t.dated),
        t.dated,
        ratio(t.actor_right, t.matched),
        ratio(t.status_right, t.matched),
    );
    out
}
