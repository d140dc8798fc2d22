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
}

impl Status {
    /// Lower-case label.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Resolved => "resolved",
            Status::Ambiguous => "ambiguous",
            Status::Generic => "generic",
            Status::Unknown => "unknown",
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

/// Folded key → indices of the entries filed under it.
type KeyMap = HashMap<String, Vec<u32>>;

#[derive(Debug, Clone)]
struct Entry {
    place: u32,
    primary: bool,
    text: String,
    canonical: String,
}

/// The lookup tables over every name and alias of a list of places.
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
    s.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase()
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
                let basic = fold::basic(name);
                let canonical = fold::canonical_from_basic(&basic);
                if canonical.is_empty() {
                    continue;
                }
                if !primary && fold::is_generic(&canonical) {
                    ix.generic_aliases.push((pi, name.to_string()));
                    continue;
                }
                let e = ix.entries.len() as u32;
                ix.exact.entry(exact_key(name)).or_default().push(e);
                ix.basic.entry(basic).or_default().push(e);
                let phon = fold::phonetic_from_canonical(&canonical);
                if phon.len() >= MIN_PHONETIC_LEN {
                    ix.phonetic.entry(phon).or_default().push(e);
                }
                ix.canonical.entry(canonical.clone()).or_default().push(e);
                ix.entries.push(Entry { place: pi as u32, primary, text: name.to_string(), canonical });
            }
        }
        ix
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
        let mut out: Vec<usize> = self
            .canonical
            .get(key)
            .map(|es| es.iter().map(|&e| self.entries[e as usize].place as usize).collect())
            .unwrap_or_default();
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
        let mut found: HashMap<usize, Candidate> = HashMap::new();
        let offer = |found: &mut HashMap<usize, Candidate>, e: u32, score: f64, how: MatchKind| {
            let entry = &self.entries[e as usize];
            let place = entry.place as usize;
            let better = found.get(&place).is_none_or(|c| score > c.score);
            if better {
                found.insert(place, Candidate { place, score, matched: how, matched_name: entry.text.clone() });
            }
        };

        let basic = fold::basic(&q.name);
        let basic = basic.strip_prefix("the ").unwrap_or(&basic).to_string();
        // The query as written, and (if it has one) without its kind word, with the kind that
        // word names as a hint: "River Panj" → ("panj", river).
        let mut forms: Vec<(String, Option<&'static str>)> = vec![(basic.clone(), None)];
        if let Some((rest, kind)) = fold::strip_kind_word(&basic) {
            // "Province of Herat" is filed as "Herat Province": try the kind word after the name.
            forms.push((format!("{rest} {kind}"), Some(kind)));
            forms.push((rest, Some(kind)));
        }
        let kind_word: Option<&'static str> = forms.iter().find_map(|(_, w)| *w);
        let score_for = |e: u32, name_score: f64, alias_score: f64| {
            if self.entries[e as usize].primary { name_score } else { alias_score }
        };
        if let Some(es) = self.exact.get(&exact_key(&q.name)) {
            for &e in es {
                offer(&mut found, e, score_for(e, 1.00, 0.97), MatchKind::Exact);
            }
        }
        for (form, _) in &forms {
            let canonical = fold::canonical_from_basic(form);
            let tiers: [(&KeyMap, String, f64, f64, MatchKind); 3] = [
                (&self.basic, form.clone(), 0.95, 0.94, MatchKind::Folded),
                (&self.canonical, canonical.clone(), 0.93, 0.92, MatchKind::Folded),
                (&self.phonetic, fold::phonetic_from_canonical(&canonical), 0.88, 0.87, MatchKind::Phonetic),
            ];
            for (map, key, ns, as_, how) in tiers {
                if let Some(es) = map.get(&key) {
                    for &e in es {
                        offer(&mut found, e, score_for(e, ns, as_), how);
                    }
                }
            }
        }
        if found.is_empty() {
            for (form, _) in &forms {
                let canonical = fold::canonical_from_basic(form);
                for (e, sim) in self.fuzzy(&canonical) {
                    offer(&mut found, e, 0.80 * sim, MatchKind::Fuzzy);
                }
            }
        }

        if found.is_empty() {
            let generic = forms.iter().any(|(f, _)| fold::is_generic(&fold::canonical_from_basic(f)))
                || fold::is_generic(&fold::canonical_from_basic(&basic));
            return Resolution {
                query: q.name.clone(),
                status: if generic { Status::Generic } else { Status::Unknown },
                candidates: Vec::new(),
                suggestions: if generic { Vec::new() } else { self.suggest(places, &basic, 3) },
            };
        }

        let mut candidates: Vec<Candidate> = found.into_values().collect();
        for c in &mut candidates {
            let p = &places[c.place];
            c.score += p.kind.prominence();
            if kind_word.is_some_and(|w| kind_word_fits(w, p.kind)) {
                c.score += HINT_BONUS;
            }
            if q.country.as_deref().is_some_and(|iso| p.in_country(iso)) {
                c.score += HINT_BONUS;
            }
            if q.kind.is_some_and(|k| k == p.kind) {
                c.score += HINT_BONUS;
            }
            let near_km = match &q.near {
                Some(Near::Point(pt)) => Some(Geodesic.distance(*pt, p.point) / 1000.0),
                Some(Near::Border(id)) => border_distance_km(c.place, id),
                None => None,
            };
            if let Some(d) = near_km {
                c.score += HINT_BONUS * (1.0 - d / NEAR_RANGE_KM).max(0.0);
            }
            // Scores are compared for ties; keep them free of floating-point dust.
            c.score = (c.score * 1e6).round() / 1e6;
        }
        candidates
            .sort_by(|a, b| b.score.total_cmp(&a.score).then_with(|| places[a.place].id.cmp(&places[b.place].id)));
        candidates.truncate(MAX_CANDIDATES);
        let status = match candidates.get(1) {
            Some(second) if candidates[0].score - second.score < AMBIGUITY_MARGIN => Status::Ambiguous,
            _ => Status::Resolved,
        };
        Resolution { query: q.name.clone(), status, candidates, suggestions: Vec::new() }
    }

    /// Entries within a small edit distance of a canonical key, with a similarity in 0..1.
    fn fuzzy(&self, canonical: &str) -> Vec<(u32, f64)> {
        let n = canonical.chars().count();
        // Short names are too easily one slip from another real name ("Kokul" / "Kobul").
        let max_edits = match n {
            0..=5 => return Vec::new(),
            6..=8 => 1,
            9..=12 => 2,
            _ => 3,
        };
        let mut out = Vec::new();
        for (e, entry) in self.entries.iter().enumerate() {
            let m = entry.canonical.len();
            if m.abs_diff(n) > max_edits {
                continue;
            }
            let d = strsim::damerau_levenshtein(canonical, &entry.canonical);
            if d <= max_edits {
                out.push((e as u32, 1.0 - d as f64 / n.max(m) as f64));
            }
        }
        out
    }

    /// The names closest to a query, for "did you mean" messages.
    pub fn suggest(&self, places: &[Place], basic_key: &str, n: usize) -> Vec<String> {
        let canonical = fold::canonical_from_basic(basic_key);
        if canonical.is_empty() {
            return Vec::new();
        }
        let mut best: HashMap<usize, (f64, &str)> = HashMap::new();
        for entry in &self.entries {
            let sim = strsim::jaro_winkler(&canonical, &entry.canonical);
            let slot = best.entry(entry.place as usize).or_insert((0.0, &entry.text));
            if sim > slot.0 {
                *slot = (sim, &entry.text);
            }
        }
        let mut ranked: Vec<(f64, usize, &str)> = best
            .into_iter()
            .filter(|(_, (s, _))| *s >= SUGGESTION_MIN_SIMILARITY)
            .map(|(p, (s, t))| (s, p, t))
            .collect();
        ranked.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| places[a.1].id.cmp(&places[b.1].id)));
        ranked
            .into_iter()
            .take(n)
            .map(|(_, p, t)| {
                let place = &places[p];
                if t == place.name {
                    format!("{} ({}, {})", place.name, place.kind, place.country_label())
                } else {
                    format!("{t} → {} ({}, {})", place.name, place.kind, place.country_label())
                }
            })
            .collect()
    }
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

    #[test]
    fn suggestions_name_the_place() {
        let p = toy();
        let r = resolve(&p, Query::new("Imam Sahib Bazaar Road"));
        assert_eq!(r.status, Status::Unknown);
        assert!(r.suggestions.iter().any(|s| s.contains("Imam Sahib (town, AFG)")), "{:?}", r.suggestions);
    }
}
