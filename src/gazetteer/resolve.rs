//! From a name as the press writes it to ranked gazetteer candidates.
//!
//! Each name and alias is indexed under four keys (see [`super::fold`]); a query is looked up
//! under each, from the strictest to the most tolerant, and only when all fail is it compared
//! by edit distance. Scores:
//!
//! | how it matched | primary name | alias |
//! |---|---|---|
//! | exact (case and spacing aside) | 1.00 | 0.97 |
//! | folded: basic key | 0.95 | 0.94 |
//! | folded: canonical key | 0.93 | 0.92 |
//! | phonetic key | 0.88 | 0.87 |
//! | fuzzy (edit distance on canonical keys) | ≤ 0.80 | ≤ 0.80 |
//!
//! plus the kind's [`PlaceKind::prominence`] (≤ 0.04), plus [`HINT_BONUS`] for each hint the
//! place satisfies (country, kind, a kind word in the query such as "River Panj", and up to
//! that much for `near`). When the two best places are less than [`AMBIGUITY_MARGIN`] apart the
//! resolution is [`Status::Ambiguous`]: the caller is told, nothing is guessed.

use std::collections::HashMap;

use geo::{Distance, Geodesic, Point};
use serde::Serialize;

use super::fold;
use super::place::{Place, PlaceKind};

/// Added to a candidate's score for each hint it satisfies.
pub use super::hints::{Hint, separating_hints};

pub const HINT_BONUS: f64 = 0.15;
/// Two places closer than this in score are too close to call.
pub const AMBIGUITY_MARGIN: f64 = 0.04;
/// How many candidates a resolution keeps (the best and its alternatives).
pub const MAX_CANDIDATES: usize = 5;
/// Jaro-Winkler similarity (on canonical keys) a name needs to be suggested for an unknown one.
pub const SUGGESTION_MIN_SIMILARITY: f64 = 0.8;
/// `near` hints lose their effect linearly up to this distance.
pub const NEAR_RANGE_KM: f64 = 500.0;

/// How a query met a name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum MatchKind {
    /// The same text, case and spacing aside.
    Exact,
    /// The same after folding diacritics, scripts, punctuation and the ezafe.
    Folded,
    /// The same consonant skeleton after transliteration swaps.
    Phonetic,
    /// Within a small edit distance.
    Fuzzy,
}

impl MatchKind {
    /// Lower-case label.
    pub fn as_str(self) -> &'static str {
        match self {
            MatchKind::Exact => "exact",
            MatchKind::Folded => "folded",
            MatchKind::Phonetic => "phonetic",
            MatchKind::Fuzzy => "fuzzy",
        }
    }
}

/// Where the caller thinks the place is.
#[derive(Debug, Clone, PartialEq)]
pub enum Near {
    /// Near a point (lon, lat).
    Point(Point<f64>),
    /// Near a border (by id); needs the border's distance, supplied by the caller.
    Border(String),
}

/// A name to resolve, with optional hints.
#[derive(Debug, Clone, Default)]
pub struct Query {
    /// The name as reported.
    pub name: String,
    /// Prefer places in this country (ISO3).
    pub country: Option<String>,
    /// Prefer places of this kind.
    pub kind: Option<PlaceKind>,
    /// Prefer places near this.
    pub near: Option<Near>,
}

impl Query {
    /// A query with no hints.
    pub fn new(name: impl Into<String>) -> Self {
        Query { name: name.into(), ..Default::default() }
    }
}

/// One candidate place for a query.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Candidate {
    /// Index of the place in the gazetteer.
    #[serde(skip)]
    pub place: usize,
    /// Higher is better; see the module docs.
    pub score: f64,
    /// How the query met the place's name.
    pub matched: MatchKind,
    /// The name or alias it met.
    pub matched_name: String,
}

/// The outcome for one query.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// One place stands clearly ahead.
    Resolved,
    /// Two or more places are too close to call.
    Ambiguous,
    /// The query is a generic word ("Khwaja", "Qala") that names no place on its own.
    Generic,
    /// No place matches.
    Unknown,
    /// The name is longer than [`super::MAX_NAME_CHARS`]: no place has such a name, and it
    /// is not looked up.
    TooLong,
}

impl Status {
    /// Lower-case label.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Resolved => "resolved",
            Status::Ambiguous => "ambiguous",
            Status::Generic => "generic",
            Status::Unknown => "unknown",
            Status::TooLong => "too_long",
        }
    }
}

/// A query's ranked candidates and verdict.
#[derive(Debug, Clone, PartialEq)]
pub struct Resolution {
    /// The query as given.
    pub query: String,
    /// The verdict.
    pub status: Status,
    /// Best first; empty for unknown and generic names.
    pub candidates: Vec<Candidate>,
    /// For unknown names: the closest names in the gazetteer.
    pub suggestions: Vec<String>,
}

impl Resolution {
    /// The best candidate, if the query resolved unambiguously.
    pub fn resolved(&self) -> Option<&Candidate> {
        (self.status == Status::Resolved).then(|| &self.candidates[0])
    }

    /// The candidates too close to the best to tell apart from it (the best included): one
    /// for a resolved name, two or more for an ambiguous one, none otherwise.
    pub fn tied(&self) -> &[Candidate] {
        let Some(best) = self.candidates.first() else { return &[] };
        let n = self.candidates.iter().take_while(|c| best.score - c.score < AMBIGUITY_MARGIN).count();
        &self.candidates[..n]
    }
}

/// The tiers a name is filed under; a posting in an on-disk index carries them as bits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Tier {
    /// Case and spacing folded.
    Exact = 1,
    /// [`fold::basic`].
    Basic = 2,
    /// [`fold::canonical_from_basic`].
    Canonical = 4,
    /// [`fold::phonetic_from_canonical`].
    Phonetic = 8,
}

/// The keys one name is filed under.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct NameKeys {
    pub exact: String,
    pub basic: String,
    pub canonical: String,
    /// Left out when too short to match on.
    pub phonetic: Option<String>,
}

impl NameKeys {
    /// The keys of a name; `None` when it folds to nothing.
    pub(crate) fn of(name: &str) -> Option<Self> {
        let basic = fold::basic(name);
        let canonical = fold::canonical_from_basic(&basic);
        if canonical.is_empty() {
            return None;
        }
        let phonetic = Some(fold::phonetic_from_canonical(&canonical)).filter(|p| p.len() >= MIN_PHONETIC_LEN);
        Some(NameKeys { exact: exact_key(name), basic, canonical, phonetic })
    }

    /// Each (tier, key).
    pub(crate) fn each(&self) -> impl Iterator<Item = (Tier, &str)> {
        [
            (Tier::Exact, Some(self.exact.as_str())),
            (Tier::Basic, Some(self.basic.as_str())),
            (Tier::Canonical, Some(self.canonical.as_str())),
            (Tier::Phonetic, self.phonetic.as_deref()),
        ]
        .into_iter()
        .filter_map(|(t, k)| k.map(|k| (t, k)))
    }

    /// Whether an alias with these keys is a generic word, left out of the index.
    pub(crate) fn is_generic(&self) -> bool {
        fold::is_generic(&self.canonical)
    }
}

/// A store of names the resolver searches: the in-memory [`NameIndex`], or an on-disk index
/// of a large places file. Places are numbered locally (from 0) by each store; names are
/// handed out as handles, turned into text ([`NameSource::name`]) only for the candidates kept.
pub(crate) trait NameSource {
    /// Calls `f(place, primary, tiers, name)` for each name filed under `key` in any of the
    /// `tiers` asked (a mask of [`Tier`] bits); the call's `tiers` are those it matched.
    fn lookup(&self, key: &str, tiers: u32, f: &mut dyn FnMut(usize, bool, u32, u64));
    /// The text of a name handle.
    fn name(&self, handle: u64) -> &str;
    /// Names whose canonical key is within `max_edits` (Damerau-Levenshtein) of `canonical`:
    /// `f(place, name, similarity in 0..1)`.
    fn fuzzy(&self, canonical: &str, max_edits: usize, f: &mut dyn FnMut(usize, u64, f64));
    /// Names that may be worth suggesting for an unknown `canonical` key (a superset is fine:
    /// the caller ranks by Jaro-Winkler similarity): `f(place, name, name's canonical key)`.
    fn similar(&self, canonical: &str, f: &mut dyn FnMut(usize, u64, &str));
}

/// A name in one of several stores.
#[derive(Debug, Clone, Copy)]
pub(crate) struct NameRef {
    store: usize,
    handle: u64,
}

/// What ranking needs to know of a place, by its index.
pub trait PlaceFacts {
    /// Its kind.
    fn kind(&self, i: usize) -> PlaceKind;
    /// Whether it is declared in this country (ISO3).
    fn in_country(&self, i: usize, iso3: &str) -> bool;
    /// Its representative point.
    fn point(&self, i: usize) -> Point<f64>;
    /// Its id (ties are broken by id).
    fn id(&self, i: usize) -> &str;
    /// "Name (kind, CTY)", for suggestions.
    fn label(&self, i: usize) -> String;
}

impl PlaceFacts for [Place] {
    fn kind(&self, i: usize) -> PlaceKind {
        self[i].kind
    }
    fn in_country(&self, i: usize, iso3: &str) -> bool {
        self[i].in_country(iso3)
    }
    fn point(&self, i: usize) -> Point<f64> {
        self[i].point
    }
    fn id(&self, i: usize) -> &str {
        &self[i].id
    }
    fn label(&self, i: usize) -> String {
        format!("{} ({}, {})", self[i].name, self[i].kind, self[i].country_label())
    }
}

/// The name stores to search, each with the number of its first place in the caller's
/// numbering, and the places hidden (replaced by a higher layer).
pub(crate) struct Sources<'a> {
    pub stores: Vec<(&'a dyn NameSource, usize)>,
    pub hidden: Option<&'a std::collections::HashSet<usize>>,
}

impl Sources<'_> {
    fn visible(&self, i: usize) -> bool {
        self.hidden.is_none_or(|h| !h.contains(&i))
    }

    /// [`NameSource::lookup`] over every store, in the caller's numbering, hidden places left out.
    pub(crate) fn lookup(&self, key: &str, tiers: u32, f: &mut dyn FnMut(usize, bool, u32, NameRef)) {
        for (store, &(s, base)) in self.stores.iter().enumerate() {
            s.lookup(key, tiers, &mut |p, primary, t, handle| {
                if self.visible(base + p) {
                    f(base + p, primary, t, NameRef { store, handle })
                }
            });
        }
    }

    fn name(&self, r: NameRef) -> &str {
        self.stores[r.store].0.name(r.handle)
    }

    fn fuzzy(&self, canonical: &str, max_edits: usize, f: &mut dyn FnMut(usize, NameRef, f64)) {
        for (store, &(s, base)) in self.stores.iter().enumerate() {
            s.fuzzy(canonical, max_edits, &mut |p, handle, sim| {
                if self.visible(base + p) {
                    f(base + p, NameRef { store, handle }, sim)
                }
            });
        }
    }

    fn similar(&self, canonical: &str, f: &mut dyn FnMut(usize, NameRef, &str)) {
        for (store, &(s, base)) in self.stores.iter().enumerate() {
            s.similar(canonical, &mut |p, handle, key| {
                if self.visible(base + p) {
                    f(base + p, NameRef { store, handle }, key)
                }
            });
        }
    }
}

/// Most edits a fuzzy match may need, by the length of the query's canonical key: short names
/// are too easily one slip from another real name ("Kokul" / "Kobul").
pub(crate) fn max_edits_for(len: usize) -> Option<usize> {
    match len {
        0..=5 => None,
        6..=8 => Some(1),
        9..=12 => Some(2),
        _ => Some(3),
    }
}

/// Fuzzy matches share their first letter with the query: slips in the first letter are rare in
/// print, the phonetic tier already covers its transliteration swaps (q/k, e/i), and anchoring
/// keeps the search of a million-name index to one branch of it.
pub(crate) fn same_first_letter(a: &str, b: &str) -> bool {
    a.chars().next() == b.chars().next()
}

/// Similarity of two canonical keys `d` edits apart.
pub(crate) fn edit_similarity(d: usize, a: &str, b: &str) -> f64 {
    1.0 - d as f64 / a.chars().count().max(b.chars().count()).max(1) as f64
}

/// Folded key → indices of the entries filed under it.
type KeyMap = HashMap<String, Vec<u32>>;

#[derive(Debug, Clone)]
struct Entry {
    place: u32,
    primary: bool,
    text: String,
    canonical: String,
}

/// The lookup tables over every name and alias of a list of places, in memory.
#[derive(Debug, Default)]
pub struct NameIndex {
    entries: Vec<Entry>,
    exact: KeyMap,
    basic: KeyMap,
    canonical: KeyMap,
    phonetic: KeyMap,
    /// Entries left out because their alias is a generic word: (place, alias).
    pub generic_aliases: Vec<(usize, String)>,
}

/// Case and spacing folded, nothing else.
fn exact_key(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for w in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(w.chars().flat_map(char::to_lowercase));
    }
    out
}

/// Phonetic keys shorter than this are too lossy to match on.
const MIN_PHONETIC_LEN: usize = 3;

impl NameIndex {
    /// Indexes the names of `places`.
    pub fn build(places: &[Place]) -> Self {
        let mut ix = NameIndex::default();
        for (pi, place) in places.iter().enumerate() {
            for (ni, name) in place.names().enumerate() {
                let primary = ni == 0;
                let Some(keys) = NameKeys::of(name) else { continue };
                if !primary && keys.is_generic() {
                    ix.generic_aliases.push((pi, name.to_string()));
                    continue;
                }
                let e = ix.entries.len() as u32;
                for (tier, key) in keys.each() {
                    ix.map_mut(tier).entry(key.to_string()).or_default().push(e);
                }
                ix.entries.push(Entry { place: pi as u32, primary, text: name.to_string(), canonical: keys.canonical });
            }
        }
        ix
    }

    fn map(&self, tier: Tier) -> &KeyMap {
        match tier {
            Tier::Exact => &self.exact,
            Tier::Basic => &self.basic,
            Tier::Canonical => &self.canonical,
            Tier::Phonetic => &self.phonetic,
        }
    }

    fn map_mut(&mut self, tier: Tier) -> &mut KeyMap {
        match tier {
            Tier::Exact => &mut self.exact,
            Tier::Basic => &mut self.basic,
            Tier::Canonical => &mut self.canonical,
            Tier::Phonetic => &mut self.phonetic,
        }
    }

    /// Number of indexed names.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether no name is indexed.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The places that have a name with this canonical key.
    pub fn places_with_canonical(&self, key: &str) -> Vec<usize> {
        let mut out = Vec::new();
        self.lookup(key, Tier::Canonical as u32, &mut |p, _, _, _| out.push(p));
        out.sort_unstable();
        out.dedup();
        out
    }

    /// Pairs of places that share a folded name: (canonical key, the places' indices).
    pub fn shared_names(&self) -> Vec<(String, Vec<usize>)> {
        let mut out = Vec::new();
        for (key, es) in &self.canonical {
            let mut places: Vec<usize> = es.iter().map(|&e| self.entries[e as usize].place as usize).collect();
            places.sort_unstable();
            places.dedup();
            if places.len() > 1 {
                out.push((key.clone(), places));
            }
        }
        out.sort();
        out
    }

    /// Resolves a query against `places` (the list the index was built from).
    /// `border_distance_km(place, border_id)` supplies distances for `Near::Border` hints.
    pub fn resolve(
        &self,
        places: &[Place],
        q: &Query,
        border_distance_km: &dyn Fn(usize, &str) -> Option<f64>,
    ) -> Resolution {
        let sources = Sources { stores: vec![(self, 0)], hidden: None };
        resolve_in(&sources, places, q, border_distance_km)
    }
}

impl NameSource for NameIndex {
    fn lookup(&self, key: &str, tiers: u32, f: &mut dyn FnMut(usize, bool, u32, u64)) {
        for tier in [Tier::Exact, Tier::Basic, Tier::Canonical, Tier::Phonetic] {
            if tiers & tier as u32 == 0 {
                continue;
            }
            for &e in self.map(tier).get(key).into_iter().flatten() {
                let entry = &self.entries[e as usize];
                f(entry.place as usize, entry.primary, tier as u32, u64::from(e));
            }
        }
    }

    fn name(&self, handle: u64) -> &str {
        &self.entries[handle as usize].text
    }

    fn fuzzy(&self, canonical: &str, max_edits: usize, f: &mut dyn FnMut(usize, u64, f64)) {
        let n = canonical.len();
        for (e, entry) in self.entries.iter().enumerate() {
            if entry.canonical.len().abs_diff(n) > max_edits || !same_first_letter(canonical, &entry.canonical) {
                continue;
            }
            count_work(n * entry.canonical.len());
            let d = strsim::damerau_levenshtein(canonical, &entry.canonical);
            if d <= max_edits {
                f(entry.place as usize, e as u64, edit_similarity(d, canonical, &entry.canonical));
            }
        }
    }

    fn similar(&self, _canonical: &str, f: &mut dyn FnMut(usize, u64, &str)) {
        for (e, entry) in self.entries.iter().enumerate() {
            f(entry.place as usize, e as u64, &entry.canonical);
        }
    }
}

/// Resolves a query against name stores; the algorithm the module docs describe. A name
/// longer than [`super::MAX_NAME_CHARS`] is answered [`Status::TooLong`] without being folded.
pub(crate) fn resolve_in<P: PlaceFacts + ?Sized>(
    sources: &Sources<'_>,
    places: &P,
    q: &Query,
    border_distance_km: &dyn Fn(usize, &str) -> Option<f64>,
) -> Resolution {
    if super::name_too_long(&q.name) {
        return Resolution {
            query: q.name.clone(),
            status: Status::TooLong,
            candidates: Vec::new(),
            suggestions: Vec::new(),
        };
    }
    resolve_any_length(sources, places, q, border_distance_km)
}

/// [`resolve_in`] without the length cap. Its work is linear in the name's length (plus what
/// the gazetteer's size costs): every step folds or hashes the name a bounded number of
/// times, and the similarity measures (quadratic in their inputs) only ever compare it with
/// names of comparable length (see [`lengths_may_be_similar`] and the fuzzy tier's edit bound).
fn resolve_any_length<P: PlaceFacts + ?Sized>(
    sources: &Sources<'_>,
    places: &P,
    q: &Query,
    border_distance_km: &dyn Fn(usize, &str) -> Option<f64>,
) -> Resolution {
    /// The best match of a place so far.
    struct Found {
        score: f64,
        how: MatchKind,
        name: NameRef,
    }
    // Few places match a name: a list beats a hash map here.
    let mut found: Vec<(usize, Found)> = Vec::new();
    let offer = |found: &mut Vec<(usize, Found)>, place: usize, score: f64, how: MatchKind, name: NameRef| match found
        .iter_mut()
        .find(|(p, _)| *p == place)
    {
        Some((_, c)) if score > c.score => *c = Found { score, how, name },
        Some(_) => {}
        None => found.push((place, Found { score, how, name })),
    };
    // The score of a name met under a tier (the best of those it matched).
    let tier_score = |tiers: u32, primary: bool| -> (f64, MatchKind) {
        let (n, a, how) = if tiers & Tier::Exact as u32 != 0 {
            (1.00, 0.97, MatchKind::Exact)
        } else if tiers & Tier::Basic as u32 != 0 {
            (0.95, 0.94, MatchKind::Folded)
        } else if tiers & Tier::Canonical as u32 != 0 {
            (0.93, 0.92, MatchKind::Folded)
        } else {
            (PHONETIC_SCORE, PHONETIC_SCORE - 0.01, MatchKind::Phonetic)
        };
        (if primary { n } else { a }, how)
    };

    let basic = fold::basic(&q.name);
    let basic = basic.strip_prefix("the ").unwrap_or(&basic).to_string();
    // The query as written, and (if it has one) without its kind word, with the kind that
    // word names as a hint: "River Panj" → ("panj", river).
    let mut forms: Vec<String> = vec![basic.clone()];
    let mut kind_word: Option<&'static str> = None;
    if let Some((rest, kind)) = fold::strip_kind_word(&basic) {
        // "Province of Herat" is filed as "Herat Province": try the kind word after the name.
        forms.push(format!("{rest} {kind}"));
        forms.push(rest);
        kind_word = Some(kind);
    }
    let canonicals: Vec<String> = forms.iter().map(|f| fold::canonical_from_basic(f)).collect();
    // Each distinct key is looked up once, for all the tiers it stands for.
    let exact = exact_key(&q.name);
    fn want<'k>(keys: &mut Vec<(&'k str, u32)>, key: &'k str, tier: Tier) {
        match keys.iter_mut().find(|(k, _)| *k == key) {
            Some(k) => k.1 |= tier as u32,
            None => keys.push((key, tier as u32)),
        }
    }
    let mut keys: Vec<(&str, u32)> = Vec::with_capacity(8);
    want(&mut keys, &exact, Tier::Exact);
    for (form, canonical) in forms.iter().zip(&canonicals) {
        want(&mut keys, form, Tier::Basic);
        want(&mut keys, canonical, Tier::Canonical);
    }
    let run = |keys: &[(&str, u32)], found: &mut Vec<(usize, Found)>| {
        for (key, tiers) in keys {
            sources.lookup(key, *tiers, &mut |p, primary, t, name| {
                let (score, how) = tier_score(t, primary);
                offer(found, p, score, how, name)
            });
        }
    };
    run(&keys, &mut found);
    // Phonetic matches are many and weak: looked for only when one could come within reach of
    // the best match so far (no exact match yet, or hints that could lift a phonetic one).
    let hints = [kind_word.is_some(), q.country.is_some(), q.kind.is_some(), q.near.is_some()];
    let ceiling = PHONETIC_SCORE + MAX_PROMINENCE + HINT_BONUS * hints.iter().filter(|h| **h).count() as f64;
    let best = found.iter().map(|(_, f)| f.score).fold(f64::NEG_INFINITY, f64::max);
    if ceiling >= best - AMBIGUITY_MARGIN {
        let mut phonetic: Vec<String> = Vec::new();
        for c in &canonicals {
            let key = fold::phonetic_from_canonical(c);
            if key.len() >= MIN_PHONETIC_LEN && !phonetic.contains(&key) {
                phonetic.push(key);
            }
        }
        let keys: Vec<(&str, u32)> = phonetic.iter().map(|k| (k.as_str(), Tier::Phonetic as u32)).collect();
        run(&keys, &mut found);
    }
    // A generic word ("Hazrat", "Qala") names no place on its own: it is not compared by
    // spelling distance either, where it would meet a place that merely looks like it.
    let generic = canonicals.iter().any(|c| fold::is_generic(c));
    if found.is_empty() && !generic {
        for canonical in &canonicals {
            if let Some(max_edits) = max_edits_for(canonical.chars().count()) {
                sources.fuzzy(canonical, max_edits, &mut |p, name, sim| {
                    offer(&mut found, p, 0.80 * sim, MatchKind::Fuzzy, name)
                });
            }
        }
    }

    if found.is_empty() {
        return Resolution {
            query: q.name.clone(),
            status: if generic { Status::Generic } else { Status::Unknown },
            candidates: Vec::new(),
            suggestions: if generic { Vec::new() } else { suggest(sources, places, &basic, 3) },
        };
    }

    let mut ranked: Vec<(usize, f64, MatchKind, NameRef)> = found
        .into_iter()
        .map(|(place, f)| {
            let kind = places.kind(place);
            let mut score = f.score + kind.prominence();
            if kind_word.is_some_and(|w| kind_word_fits(w, kind)) {
                score += HINT_BONUS;
            }
            if q.country.as_deref().is_some_and(|iso| places.in_country(place, iso)) {
                score += HINT_BONUS;
            }
            if q.kind.is_some_and(|k| k == kind) {
                score += HINT_BONUS;
            }
            let near_km = match &q.near {
                Some(Near::Point(pt)) => Some(Geodesic.distance(*pt, places.point(place)) / 1000.0),
                Some(Near::Border(id)) => border_distance_km(place, id),
                None => None,
            };
            if let Some(d) = near_km {
                score += HINT_BONUS * (1.0 - d / NEAR_RANGE_KM).max(0.0);
            }
            // Scores are compared for ties; keep them free of floating-point dust.
            (place, (score * 1e6).round() / 1e6, f.how, f.name)
        })
        .collect();
    let order = |a: &(usize, f64, MatchKind, NameRef), b: &(usize, f64, MatchKind, NameRef)| {
        b.1.total_cmp(&a.1).then_with(|| places.id(a.0).cmp(places.id(b.0)))
    };
    if ranked.len() > MAX_CANDIDATES {
        ranked.select_nth_unstable_by(MAX_CANDIDATES - 1, order);
        ranked.truncate(MAX_CANDIDATES);
    }
    ranked.sort_by(order);
    let candidates: Vec<Candidate> = ranked
        .into_iter()
        .map(|(place, score, matched, name)| Candidate {
            place,
            score,
            matched,
            matched_name: sources.name(name).to_string(),
        })
        .collect();
    let status = match candidates.get(1) {
        Some(second) if candidates[0].score - second.score < AMBIGUITY_MARGIN => Status::Ambiguous,
        _ => Status::Resolved,
    };
    Resolution { query: q.name.clone(), status, candidates, suggestions: Vec::new() }
}

/// Base score of a phonetic match on a primary name (an alias scores 0.01 less).
const PHONETIC_SCORE: f64 = 0.88;
/// The greatest [`PlaceKind::prominence`].
const MAX_PROMINENCE: f64 = 0.04;

/// The names closest to an unknown query, for "did you mean" messages.
fn suggest<P: PlaceFacts + ?Sized>(sources: &Sources<'_>, places: &P, basic_key: &str, n: usize) -> Vec<String> {
    let canonical = fold::canonical_from_basic(basic_key);
    if canonical.is_empty() {
        return Vec::new();
    }
    // Folded keys are ASCII: bytes are characters.
    let query_chars = canonical.len();
    let mut best: HashMap<usize, (f64, NameRef)> = HashMap::new();
    sources.similar(&canonical, &mut |p, name, key| {
        // Jaro-Winkler costs |query| × |key|: compared with every name, a long query cost
        // seconds (110,000 characters: 5.7 s). Only names of comparable length can be similar.
        if !lengths_may_be_similar(query_chars, key.len()) {
            return;
        }
        count_work(query_chars * key.len());
        let sim = strsim::jaro_winkler(&canonical, key);
        if sim < SUGGESTION_MIN_SIMILARITY {
            return;
        }
        if best.get(&p).is_none_or(|b| sim > b.0) {
            best.insert(p, (sim, name));
        }
    });
    let mut ranked: Vec<(f64, usize, NameRef)> = best.into_iter().map(|(p, (s, t))| (s, p, t)).collect();
    ranked.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| places.id(a.1).cmp(places.id(b.1))));
    ranked
        .into_iter()
        .take(n)
        .map(|(_, p, name)| {
            let label = places.label(p);
            let t = sources.name(name);
            if label.starts_with(&format!("{t} (")) { label } else { format!("{t} → {label}") }
        })
        .collect()
}

/// Whether strings of `a` and `b` characters can be [`SUGGESTION_MIN_SIMILARITY`]-similar.
/// Jaro similarity is (m/|a| + m/|b| + (m − t)/m) / 3 with m ≤ min(|a|, |b|) matches, so at
/// most (min/max + 2) / 3; strsim's Jaro-Winkler adds its prefix bonus only above a Jaro of
/// 0.7, so a similarity above 0.7 needs min/max > 0.1.
fn lengths_may_be_similar(a: usize, b: usize) -> bool {
    const _: () = assert!(SUGGESTION_MIN_SIMILARITY > 0.7, "the length bound assumes it");
    let (lo, hi) = (a.min(b), a.max(b));
    lo > 0 && hi < 10 * lo
}

#[cfg(test)]
thread_local! {
    /// Character pairs compared by the quadratic similarity measures, for tests that prove the
    /// resolver's work linear without timing it.
    static WORK: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

#[inline]
fn count_work(_pairs: usize) {
    #[cfg(test)]
    WORK.with(|w| w.set(w.get() + _pairs));
}

/// Whether a kind word from the query ("river", "province", "crossing" …) fits a kind.
fn kind_word_fits(word: &str, kind: PlaceKind) -> bool {
    match word {
        "crossing" => matches!(kind, PlaceKind::Crossing | PlaceKind::Bridge),
        "city" => matches!(kind, PlaceKind::City | PlaceKind::Town),
        "town" => kind.is_settlement() || kind == PlaceKind::Crossing,
        "village" => matches!(kind, PlaceKind::Village | PlaceKind::Town),
        other => other == kind.as_str(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gazetteer::place::Origin;
    use geo::Geometry;

    fn place(id: &str, name: &str, kind: PlaceKind, country: &str, aliases: &[&str], lon: f64, lat: f64) -> Place {
        Place {
            id: id.into(),
            name: name.into(),
            kind,
            countries: country.split('/').map(str::to_string).collect(),
            point: Point::new(lon, lat),
            geometry: Geometry::Point(Point::new(lon, lat)),
            geometry_spec: String::new(),
            sections: Vec::new(),
            aliases: aliases.iter().map(|a| a.to_string()).collect(),
            geonames_id: None,
            source: String::new(),
            notes: String::new(),
            origin: Origin { file: "t.csv".into(), line: 2 },
        }
    }

    fn toy() -> Vec<Place> {
        vec![
            place("tjk-panj", "Panj", PlaceKind::Town, "TJK", &["Pyandzh"], 69.1, 37.24),
            place("river-panj", "Panj River", PlaceKind::River, "AFG/TJK", &["Panj", "Pyandzh"], 69.08, 37.22),
            place(
                "afg-imam-sahib",
                "Imam Sahib",
                PlaceKind::Town,
                "AFG",
                &["Hazrat", "Khwaja", "Imam Saheb"],
                68.94,
                37.19,
            ),
            place("afg-kunduz", "Kunduz", PlaceKind::City, "AFG", &["Kondoz"], 68.86, 36.73),
            place("afg-kunduz-province", "Kunduz Province", PlaceKind::Province, "AFG", &[], 68.75, 36.8),
        ]
    }

    fn resolve(places: &[Place], q: Query) -> Resolution {
        NameIndex::build(places).resolve(places, &q, &|_, _| None)
    }

    fn best(places: &[Place], r: &Resolution) -> Option<String> {
        r.resolved().map(|c| places[c.place].id.clone())
    }

    #[test]
    fn near_ties_are_ambiguous_and_list_both() {
        let p = toy();
        let r = resolve(&p, Query::new("Panj"));
        assert_eq!(r.status, Status::Ambiguous);
        let ids: Vec<&str> = r.candidates.iter().map(|c| p[c.place].id.as_str()).collect();
        assert_eq!(ids, ["tjk-panj", "river-panj"]);
    }

    #[test]
    fn kind_words_and_hints_break_ties() {
        let p = toy();
        assert_eq!(best(&p, &resolve(&p, Query::new("the River Panj"))).as_deref(), Some("river-panj"));
        assert_eq!(best(&p, &resolve(&p, Query::new("Kunduz province"))).as_deref(), Some("afg-kunduz-province"));
        assert_eq!(best(&p, &resolve(&p, Query::new("Province of Kunduz"))).as_deref(), Some("afg-kunduz-province"));
        let q = Query { kind: Some(PlaceKind::River), ..Query::new("Pyandzh") };
        assert_eq!(best(&p, &resolve(&p, q)).as_deref(), Some("river-panj"));
        let q = Query { country: Some("TJK".into()), ..Query::new("Pyandzh") };
        // Both are in TJK: the hint does not separate them.
        assert_eq!(resolve(&p, q).status, Status::Ambiguous);
        let q = Query { near: Some(Near::Point(Point::new(69.1, 37.24))), ..Query::new("Panj") };
        // 2 km apart: proximity cannot separate them either.
        assert_eq!(resolve(&p, q).status, Status::Ambiguous);
    }

    #[test]
    fn ambiguity_hints_are_those_that_settle_it() {
        let p = toy();
        let ix = NameIndex::build(&p);
        let run = |q: &Query| ix.resolve(&p, q, &|_, _| None);
        let countries = |i: usize| p[i].countries.clone();
        for q in [Query::new("Panj"), Query { country: Some("TJK".into()), ..Query::new("Pyandzh") }] {
            let r = run(&q);
            let hints = separating_hints(p.as_slice(), &q, &r, &countries, &run);
            assert_eq!(hints.len(), r.tied().len(), "{hints:?}");
            for (place, hs) in &hints {
                assert!(!hs.is_empty());
                for h in hs {
                    match h {
                        Hint::PlaceId(id) => assert_eq!(id, &p[*place].id),
                        h => assert_eq!(run(&h.apply(&q)).resolved().map(|c| c.place), Some(*place), "{h}"),
                    }
                }
            }
            // --country TJK does not separate a TJK town from an AFG/TJK river: never offered.
            assert!(hints.iter().flat_map(|(_, h)| h).all(|h| *h != Hint::Country("TJK".into())), "{hints:?}");
        }
        let r = run(&Query::new("Kunduz"));
        assert!(separating_hints(p.as_slice(), &Query::new("Kunduz"), &r, &countries, &run).is_empty());
    }

    #[test]
    fn generic_aliases_are_not_indexed() {
        let p = toy();
        let ix = NameIndex::build(&p);
        assert_eq!(ix.generic_aliases.len(), 2);
        for w in ["Hazrat", "Khwaja", "khwaja", "Qala"] {
            let r = resolve(&p, Query::new(w));
            assert_eq!(r.status, Status::Generic, "{w}");
            assert!(r.candidates.is_empty());
        }
        assert_eq!(best(&p, &resolve(&p, Query::new("Imam Saheb"))).as_deref(), Some("afg-imam-sahib"));
    }

    #[test]
    fn tiers_are_tried_from_strict_to_tolerant() {
        let p = toy();
        let r = resolve(&p, Query::new("kondoz"));
        assert_eq!((r.candidates[0].matched, r.candidates[0].matched_name.as_str()), (MatchKind::Exact, "Kondoz"));
        let r = resolve(&p, Query::new("Qunduz"));
        assert_eq!(r.candidates[0].matched, MatchKind::Phonetic);
        let r = resolve(&p, Query::new("Kunduzz province"));
        assert_eq!(best(&p, &r).as_deref(), Some("afg-kunduz-province"));
        let r = resolve(&p, Query::new("Imam Sahhib"));
        assert_eq!(r.candidates[0].matched, MatchKind::Phonetic);
        let r = resolve(&p, Query::new("Imam Sahbi"));
        assert_eq!((best(&p, &r).as_deref(), r.candidates[0].matched), (Some("afg-imam-sahib"), MatchKind::Fuzzy));
    }

    #[test]
    fn unknown_and_empty_queries() {
        let p = toy();
        let r = resolve(&p, Query::new("Kundooz-abad-shahr"));
        assert_eq!(r.status, Status::Unknown);
        let r = resolve(&p, Query::new("Kundoz"));
        assert_ne!(r.status, Status::Unknown);
        for q in ["", "  ", "--", "the"] {
            let r = resolve(&p, Query::new(q));
            assert_eq!(r.status, Status::Unknown, "{q:?}");
            assert!(r.suggestions.is_empty());
        }
    }

    /// Work (character pairs compared) to resolve `name` without the length cap.
    fn work_for(places: &[Place], name: &str) -> (usize, Resolution) {
        WORK.with(|w| w.set(0));
        let ix = NameIndex::build(places);
        let sources = Sources { stores: vec![(&ix, 0)], hidden: None };
        let r = resolve_any_length(&sources, places, &Query::new(name), &|_, _| None);
        (WORK.with(|w| w.get()), r)
    }

    #[test]
    fn resolve_work_is_linear_in_name_length() {
        let p = toy();
        // Names that get past the exact tiers to fuzzy matching and suggestions.
        for unit in ["Imam Sahib Bazaar ", "kunduzx", "Пяндж-"] {
            let (small, _) = work_for(&p, &unit.repeat(4));
            for n in [1_000, 100_000] {
                let (work, r) = work_for(&p, &unit.repeat(n));
                assert_eq!(r.status, Status::Unknown);
                // Before: every name was compared with the whole query (n × the gazetteer).
                assert!(work <= small, "{unit:?} × {n}: {work} pairs compared (4 units: {small})");
            }
        }
    }

    #[test]
    fn name_longer_than_the_cap_is_too_long_at_once() {
        let p = toy();
        let long = "Kunduz ".repeat(1_000_000);
        WORK.with(|w| w.set(0));
        let r = resolve(&p, Query::new(long.clone()));
        assert_eq!((r.status, r.candidates.len(), WORK.with(|w| w.get())), (Status::TooLong, 0, 0));
        let fits = "k".repeat(crate::gazetteer::MAX_NAME_CHARS);
        assert_eq!(resolve(&p, Query::new(fits)).status, Status::Unknown);
        let over = "k".repeat(crate::gazetteer::MAX_NAME_CHARS + 1);
        assert_eq!(resolve(&p, Query::new(format!("  {over}  "))).status, Status::TooLong);
    }

    #[test]
    fn the_length_bound_never_drops_a_similar_name() {
        use proptest::prelude::*;
        proptest!(|(a in "[a-f]{1,30}", b in "[a-f]{1,300}")| {
            if !lengths_may_be_similar(a.len(), b.len()) {
                prop_assert!(strsim::jaro_winkler(&a, &b) < SUGGESTION_MIN_SIMILARITY);
                prop_assert!(strsim::jaro_winkler(&b, &a) < SUGGESTION_MIN_SIMILARITY);
            }
        });
    }

    #[test]
    fn suggestions_name_the_place() {
        let p = toy();
        let r = resolve(&p, Query::new("Imam Sahib Bazaar Road"));
        assert_eq!(r.status, Status::Unknown);
        assert!(r.suggestions.iter().any(|s| s.contains("Imam Sahib (town, AFG)")), "{:?}", r.suggestions);
    }
}
