//! Where things happen: the gazetteer's names found in an article, settled when several places
//! share one (a kind word near it, the country named, the article's other places, a town and
//! its namesake district), common nouns that stand for a place named before ("the town", "the
//! crossing", "the border"), and places named as where someone speaks rather than where
//! anything happens.

use super::Extractor;
use super::rules::{Hit, Rule, Rules};
use super::text::Folded;
use crate::events::EventType;
use crate::gazetteer::{PlaceFacts, PlaceKind, Query, Status, fold};

/// A place mentioned in the text.
#[derive(Debug, Clone, PartialEq)]
pub struct Mention {
    /// Byte range in the article text.
    pub start: usize,
    /// End.
    pub end: usize,
    /// The words as written (with a kind word next to them when there is one).
    pub text: String,
    /// The place, when the name resolved to one.
    pub place: Option<usize>,
    /// Candidates when ambiguous.
    pub tied: Vec<usize>,
    /// The words just before it (for context rules).
    pub context_before: String,
    /// The word just after it (folded).
    pub context_after: String,
    /// Named by a common noun ("the town"), standing for the place named before.
    pub anaphor: bool,
    /// Byte range in the folded text.
    pub fstart: usize,
    /// End.
    pub fend: usize,
}

/// How far apart places sharing a name may be and still be one place on the map.
const CO_LOCATED_KM: f64 = 15.0;

/// How near the article's other places an ambiguous name's candidate must be to be chosen.
const NEIGHBOUR_KM: f64 = 150.0;

/// The kind a few words before a name point to.
pub(super) fn context_kind(context: &str) -> Option<PlaceKind> {
    let words: Vec<&str> = context.split(' ').rev().take(5).collect();
    if words.iter().any(|w| matches!(*w, "bridge" | "river" | "bank" | "banks" | "across" | "waters")) {
        return Some(PlaceKind::River);
    }
    if words.contains(&"district") || words.contains(&"districts") {
        return Some(PlaceKind::District);
    }
    if words.contains(&"province") || words.contains(&"provinces") {
        return Some(PlaceKind::Province);
    }
    None
}

/// ISO3 of the countries named as actors in a sentence.
pub(super) fn named_countries(rules: &Rules, hits: &[Hit]) -> Vec<&'static str> {
    let mut out = Vec::new();
    for h in hits {
        if let Rule::Actor(i) = h.rule {
            let iso = match rules.actor(i) {
                "Tajikistan" => "TJK",
                "Uzbekistan" => "UZB",
                "Iran" => "IRN",
                "Turkmenistan" => "TKM",
                "Pakistan" => "PAK",
                "China" => "CHN",
                "Russia" => "RUS",
                _ => continue,
            };
            if !out.contains(&iso) {
                out.push(iso);
            }
        }
    }
    out
}

impl Extractor<'_> {
    pub(super) fn mentions_in(&self, text: &str, folded: &Folded) -> Vec<Mention> {
        let f = folded.text.as_bytes();
        let mut out = Vec::new();
        // Articles repeat their places: each phrase is resolved once.
        let mut resolved: std::collections::HashMap<&str, crate::gazetteer::Resolution> = Default::default();
        for m in self.names.find_iter(&folded.text) {
            let (s, e) = (m.start(), m.end());
            if (s > 0 && f[s - 1] != b' ') || (e < f.len() && f[e] != b' ') {
                continue;
            }
            // A kind word right before or after ("River Panj", "Panj district") goes with it.
            let before = folded.text[..s].trim_end().rsplit(' ').next().unwrap_or("");
            let after = folded.text[e..].trim_start().split(' ').next().unwrap_or("");
            let is_kind = |w: &str| !w.is_empty() && fold::KIND_WORDS.iter().any(|(k, _)| *k == w);
            let (fs, fe) = if is_kind(after) {
                (s, e + 1 + after.len())
            } else if is_kind(before) {
                (s - 1 - before.len(), e)
            } else {
                (s, e)
            };
            let (os, oe) = folded.original(fs, fe, text);
            let phrase = &text[os..oe];
            let r = resolved.entry(phrase).or_insert_with(|| self.gz.resolve(&Query::new(phrase)));
            let (place, tied) = match r.status {
                Status::Resolved => (Some(r.candidates[0].place), Vec::new()),
                Status::Ambiguous => {
                    // Context decides: a kind word in the few words before ("the bridge across
                    // the Panj" is the river), or after ("Qaramqol, a district of …").
                    let context = &folded.text[s.saturating_sub(40)..s];
                    let after_ctx: String = folded.text[e..].split(' ').take(5).collect::<Vec<_>>().join(" ");
                    let kind = context_kind(context).or_else(|| context_kind(&after_ctx));
                    let hinted = kind.and_then(|k| {
                        let q = Query { kind: Some(k), ..Query::new(phrase) };
                        self.gz.resolve(&q).resolved().map(|c| c.place)
                    });
                    // A town and the district named after it, a few km apart: one place for a
                    // map of the border, the town first.
                    let hinted =
                        hinted.or_else(|| self.co_located(&r.tied().iter().map(|c| c.place).collect::<Vec<_>>()));
                    (hinted, if hinted.is_some() { Vec::new() } else { r.tied().iter().map(|c| c.place).collect() })
                }
                _ => continue,
            };
            let context_before = folded.text[fs.saturating_sub(30)..fs].to_string();
            let context_after = folded.text[fe..].trim_start().split(' ').next().unwrap_or("").to_string();
            out.push(Mention {
                start: os,
                end: oe,
                text: phrase.to_string(),
                place,
                tied,
                context_before,
                context_after,
                anaphor: false,
                fstart: fs,
                fend: fe,
            });
        }
        out
    }

    /// Whether a place is named as where someone speaks or as a government that speaks, not
    /// where anything happens: "officials in Herat province", "Herat officials said", "Moscow
    /// says", "told reporters in Moscow".
    pub(super) fn speaks_there(&self, m: &Mention) -> bool {
        let before: Vec<&str> = m.context_before.split(' ').filter(|w| !w.is_empty()).rev().take(2).collect();
        let after = m.context_after.as_str();
        if before.first() == Some(&"in")
            && before.get(1).is_some_and(|w| {
                (self.rules.speaker_words.contains(*w)
                    && !matches!(
                        *w,
                        "forces"
                            | "army"
                            | "troops"
                            | "group"
                            | "police"
                            | "guards"
                            | "guard"
                            | "movement"
                            | "delegation"
                            | "residents"
                            | "resident"
                    ))
                    || matches!(
                        *w,
                        "reporters"
                            | "conference"
                            | "briefing"
                            | "statement"
                            | "meeting"
                            | "talks"
                            | "correspondent"
                            | "journalist"
                            | "reporter"
                            | "traders"
                            | "witnesses"
                            | "locals"
                            | "journalists"
                            | "said"
                            | "told"
                            | "announced"
                            | "stated"
                            | "speaking"
                            | "spoke"
                            | "says"
                    )
            })
        {
            return true;
        }
        if self.rules.speaker_words.contains(after) && !matches!(after, "forces" | "army" | "troops" | "group") {
            return true;
        }
        // A capital or country named as a government ("Moscow says", "Kabul denied") speaks,
        // unless a preposition or a verb of taking puts it there ("in Kabul", "captured Kabul").
        let f = fold::basic(&m.text);
        let is_actor =
            self.rules.hits(&f).iter().any(|h| matches!(h.rule, Rule::Actor(_)) && h.start == 0 && h.end == f.len());
        is_actor
            && !matches!(
                before.first().copied().unwrap_or(""),
                "in" | "at"
                    | "near"
                    | "to"
                    | "into"
                    | "from"
                    | "of"
                    | "on"
                    | "with"
                    | "across"
                    | "captured"
                    | "seized"
                    | "entered"
                    | "took"
                    | "reached"
            )
    }

    /// The places a sentence names by a common noun ("the town", "the district centre",
    /// "the crossing", "the river", "the border"): each the last place of that kind named
    /// before the sentence, as a mention at the noun's words. Not when a name follows ("the
    /// town of Zaranj", "the border with Iran"): that name is the mention.
    pub(super) fn anaphors(
        &self,
        text: &str,
        folded: &Folded,
        start: usize,
        end: usize,
        before: &[Mention],
        named: &[&Mention],
    ) -> Vec<Mention> {
        const NOUNS: &[(&str, &[PlaceKind])] = &[
            ("the provincial capital", &[PlaceKind::City, PlaceKind::Town]),
            ("the city", &[PlaceKind::City, PlaceKind::Town]),
            ("the town", &[PlaceKind::Town, PlaceKind::City, PlaceKind::District]),
            ("the district centre", &[PlaceKind::District, PlaceKind::Town]),
            ("the district center", &[PlaceKind::District, PlaceKind::Town]),
            ("the district", &[PlaceKind::District, PlaceKind::Town]),
            ("the border crossing", &[PlaceKind::Crossing, PlaceKind::Town]),
            ("the crossing", &[PlaceKind::Crossing, PlaceKind::Town]),
            ("the border post", &[PlaceKind::Crossing, PlaceKind::Town]),
            ("the port", &[PlaceKind::Crossing, PlaceKind::Town]),
            ("the customs post", &[PlaceKind::Crossing, PlaceKind::Town]),
            ("the post", &[PlaceKind::Crossing, PlaceKind::Town]),
            ("the checkpoint", &[PlaceKind::Crossing, PlaceKind::Town]),
            ("the crossing point", &[PlaceKind::Crossing, PlaceKind::Town]),
            ("the river", &[PlaceKind::River]),
            ("the bridge", &[PlaceKind::Bridge]),
            ("the border", &[PlaceKind::Border, PlaceKind::Country]),
            ("the frontier", &[PlaceKind::Border, PlaceKind::Country]),
            ("the southern border", &[PlaceKind::Border, PlaceKind::Country]),
            ("the southern frontier", &[PlaceKind::Border, PlaceKind::Country]),
            ("the northern border", &[PlaceKind::Border, PlaceKind::Country]),
            ("the northern frontier", &[PlaceKind::Border, PlaceKind::Country]),
            ("the eastern border", &[PlaceKind::Border, PlaceKind::Country]),
            ("the western border", &[PlaceKind::Border, PlaceKind::Country]),
            ("the state border", &[PlaceKind::Border, PlaceKind::Country]),
            ("the province", &[PlaceKind::Province]),
        ];
        let (fa, fb) = folded.range(start, end);
        let sfold = &folded.text[fa..fb];
        let mut out: Vec<Mention> = Vec::new();
        const HEADS: &[&str] = &[
            "capital",
            "city",
            "town",
            "district",
            "crossing",
            "post",
            "port",
            "checkpoint",
            "river",
            "bridge",
            "border",
            "frontier",
            "province",
        ];
        if !sfold.split(' ').any(|w| HEADS.contains(&w)) {
            return out;
        }
        // One pass over the "the"s of the sentence; the nouns are tried longest first at each.
        let at_the = sfold.match_indices("the ").map(|(i, _)| i).filter(|&i| i == 0 || sfold.as_bytes()[i - 1] == b' ');
        let mut found: Vec<(usize, &str, &[PlaceKind])> = Vec::new();
        for at in at_the {
            let rest = &sfold[at..];
            let fits = NOUNS
                .iter()
                .filter(|(n, _)| rest.starts_with(n) && rest.as_bytes().get(n.len()).is_none_or(|&b| b == b' '));
            if let Some((n, k)) = fits.max_by_key(|(n, _)| n.len()) {
                found.push((at, n, k));
            }
        }
        for (at, noun, kinds) in found {
            let kinds: &[PlaceKind] = kinds;
            {
                let word_end = at + noun.len();
                let next = sfold[word_end..].trim_start().split(' ').next().unwrap_or("");
                let (gs, ge) = (fa + at, fa + word_end);
                let overlaps = |m: &Mention| m.fstart < ge && gs < m.fend;
                if matches!(
                    next,
                    "of" | "with"
                        | "between"
                        | "at"
                        | "crossing"
                        | "guards"
                        | "police"
                        | "forces"
                        | "regiment"
                        | "troops"
                ) || named.iter().any(|m| overlaps(m) || m.fstart == ge + 1)
                    || out.iter().any(overlaps)
                {
                    continue;
                }
                let fits = |m: &&Mention| {
                    m.place.is_some_and(|p| {
                        let k = self.gz.kind(p);
                        kinds.contains(&k) && !(k == PlaceKind::Country && self.gz.id(p) == "afg")
                    })
                };
                // "At Torkham, … the crossing": a place of the sentence before one of the text
                // (a country named in it stands for its border: "Uzbekistan … on the border").
                let in_sentence = named.iter().rev().find(|m| m.fend <= gs && fits(m)).copied();
                if in_sentence.is_some_and(|m| m.place.is_some_and(|p| self.gz.kind(p) != PlaceKind::Country)) {
                    continue;
                }
                let antecedent = in_sentence.or_else(|| before.iter().rev().find(fits));
                let Some(a) = antecedent else { continue };
                let mut place = a.place;
                if let Some(p) = place
                    && self.gz.kind(p) == PlaceKind::Country
                {
                    place = self.gz.place_index(&format!("border-afg-{}", self.gz.id(p)));
                    if place.is_none() {
                        continue;
                    }
                }
                let (os, oe) = folded.original(gs, ge, text);
                out.push(Mention {
                    start: os,
                    end: oe,
                    text: a.text.clone(),
                    place,
                    tied: Vec::new(),
                    context_before: folded.text[gs.saturating_sub(30)..gs].to_string(),
                    context_after: next.to_string(),
                    anaphor: true,
                    fstart: gs,
                    fend: ge,
                });
            }
        }
        out
    }

    /// Of candidates all within [`CO_LOCATED_KM`] of each other (a town and its district, a
    /// crossing and its town), the town, city or crossing; else the first.
    pub(super) fn co_located(&self, tied: &[usize]) -> Option<usize> {
        use geo::{Distance, Geodesic};
        let first = *tied.first()?;
        let p0 = self.gz.point(first);
        if tied.iter().any(|&p| Geodesic.distance(p0, self.gz.point(p)) / 1000.0 > CO_LOCATED_KM) {
            return None;
        }
        // Ishkashim on the Afghan bank and Ishkashim on the Tajik one are two places.
        let country = self.gz.place(self.gz.id(first)).and_then(|p| p.countries.first().cloned())?;
        if !tied.iter().all(|&p| self.gz.in_country(p, &country)) {
            return None;
        }
        let rank = |p: usize| match self.gz.kind(p) {
            PlaceKind::Town | PlaceKind::City => 0,
            PlaceKind::Crossing => 1,
            PlaceKind::District => 2,
            _ => 3,
        };
        tied.iter().copied().min_by_key(|&p| rank(p))
    }

    /// Ambiguous places settled by the article's other places: of the places sharing a name,
    /// the one clearly nearest (geodesic) the towns, districts and crossings the article names
    /// unambiguously ("Fayzabad" in an article about Badakhshan's districts is Badakhshan's).
    pub(super) fn settle_by_neighbours(&self, mentions: &mut [Mention]) {
        // A ranking with a factor-of-two margin, not a distance anyone reads: the haversine is
        // plenty, and an order of magnitude cheaper than the geodesic.
        use geo::{Distance, Haversine as Geodesic};
        if !mentions.iter().any(|m| m.place.is_none() && m.tied.len() >= 2) {
            return;
        }
        let mut seen: Vec<usize> = mentions
            .iter()
            .filter_map(|m| m.place)
            .filter(|&p| !matches!(self.gz.kind(p), PlaceKind::Country | PlaceKind::Border | PlaceKind::River))
            .collect();
        seen.sort_unstable();
        seen.dedup();
        let anchors: Vec<geo::Point<f64>> = seen.into_iter().map(|p| self.gz.point(p)).collect();
        if anchors.is_empty() {
            return;
        }
        for m in mentions.iter_mut().filter(|m| m.place.is_none() && m.tied.len() >= 2) {
            let mut by: Vec<(f64, usize)> = m
                .tied
                .iter()
                .map(|&p| {
                    let here = self.gz.point(p);
                    let d = anchors.iter().map(|a| Geodesic.distance(*a, here)).fold(f64::INFINITY, f64::min);
                    (d / 1000.0, p)
                })
                .collect();
            by.sort_by(|a, b| a.0.total_cmp(&b.0));
            let (best, next) = (by[0], by[1]);
            if best.0 <= NEIGHBOUR_KM && next.0 >= 2.0 * best.0.max(1.0) {
                m.place = Some(best.1);
                m.tied.clear();
            }
        }
    }

    /// An ambiguous place settled by the country the sentence names, if one fits.
    pub(super) fn settle_by_country(&self, mention: &mut Mention, hits: &[Hit], notes: &mut Vec<String>) {
        let by_country: Vec<usize> = named_countries(&self.rules, hits)
            .into_iter()
            .filter_map(|iso| {
                let q = Query { country: Some(iso.to_string()), ..Query::new(mention.text.clone()) };
                self.gz.resolve(&q).resolved().map(|c| c.place).filter(|p| mention.tied.contains(p))
            })
            .collect();
        if let [p] = by_country[..] {
            notes.push(format!("{:?} taken as {} by the country named in the sentence", mention.text, self.gz.id(p)));
            mention.place = Some(p);
            mention.tied.clear();
        }
    }

    /// A neighbour country standing for its border with Afghanistan: the border place, when
    /// the sentence is about a border ("fled into Tajikistan", "a crossing with Turkmenistan").
    pub(super) fn border_for(&self, m: &Mention, t: EventType, sfold: &str) -> Option<Mention> {
        let p = m.place?;
        if self.gz.kind(p) != PlaceKind::Country || self.gz.id(p) == "afg" {
            return None;
        }
        let padded = format!(" {sfold} ");
        let about_border = t == EventType::FlightAcrossBorder
            || [" border ", " frontier ", " crossing ", " borders "].iter().any(|w| padded.contains(w));
        if !about_border {
            return None;
        }
        let border = self.gz.place_index(&format!("border-afg-{}", self.gz.id(p)))?;
        Some(Mention { place: Some(border), tied: Vec::new(), ..m.clone() })
    }
}
