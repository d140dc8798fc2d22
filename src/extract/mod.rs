//! The extractor: from an article (text, HTML, URL) to candidate events for an analyst to
//! review, in the mapper's event-record format.
//!
//! Read → locate → build, one module a step:
//! - [`Article`] (`article.rs`) is the input; [`text`] splits sentences (and statements at
//!   semicolons and bullets) and folds the text once; [`dateline`] cuts wire datelines off;
//! - `places.rs` finds the gazetteer's names with one Aho-Corasick automaton over the folded
//!   text ([`Extractor::mentions`]), settles shared names by context, the country named or the
//!   article's other places, and reads common nouns ("the town", "the border") as the place
//!   named before;
//! - [`rules`] reads the rule file (`rules.txt`: triggers with their inflections, actors,
//!   attribution, negation, modality) and finds its phrases in a sentence;
//! - [`clause`] turns a sentence's hits and places into events: each trigger with its places,
//!   its actor, negated or a plan;
//! - [`claims`] says who claims (a speaker, never a fragment) and what disputes it in the
//!   sentence; [`dates`] reads absolute and relative dates;
//! - this module puts them together per sentence; `answer.rs` then applies denials that reach
//!   back across sentences and drops an article's repeats (a headline and its lead); [`merge`]
//!   joins the same event across articles; `write.rs` writes the records (CSV, JSON Lines,
//!   JSON).
//!
//! Nothing is `confirmed` unless a sentence says so; a candidate without a date keeps an open
//! date and a note, and `map` refuses it until an analyst dates it.

pub mod claims;
pub mod clause;
pub mod dateline;
pub mod dates;
pub mod html;
pub mod rules;
pub mod text;

mod answer;
mod article;
mod merge;
mod places;
mod write;

use answer::{Denial, drop_repeats};
pub use article::Article;
pub use merge::merge;
pub use places::Mention;

pub use write::{CSV_COLUMNS, record, write_csv, write_json};

use aho_corasick::{AhoCorasick, MatchKind as AcMatchKind};
use jiff::ToSpan;
use jiff::civil::Date;
use serde::Serialize;

use crate::events::{ClaimStatus, EventDate, EventType};
use crate::gazetteer::{Gazetteer, PlaceFacts, PlaceKind, fold};
use clause::word_before;
use rules::{Hit, Rule, Rules};
use text::Folded;

/// A proposed event.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CandidateEvent {
    /// Id (from the source and the sentence number).
    pub id: String,
    /// When, with ACLED precision; `None` when neither the text nor the publication date says
    /// (the analyst dates it; `map` refuses the record until then).
    #[serde(serialize_with = "display_opt")]
    pub date: Option<EventDate>,
    /// The place as written.
    pub place: String,
    /// The gazetteer id, when the name resolved to one place.
    pub place_id: Option<String>,
    /// What happened.
    pub event_type: EventType,
    /// Who did it.
    pub actor: String,
    /// The other side.
    pub actor2: String,
    /// Where the claim stands.
    pub claim_status: ClaimStatus,
    /// Who said so.
    pub claimed_by: String,
    /// Who disputed or denied it.
    pub disputed_by: String,
    /// Share, for control claims.
    pub share: Option<f64>,
    /// Outlet(s), `|`-separated.
    pub source: String,
    /// URL(s), `|`-separated.
    pub url: String,
    /// Publication date of the first report.
    #[serde(serialize_with = "display_opt")]
    pub source_date: Option<Date>,
    /// The sentence.
    pub quote: String,
    /// How things were read: the date's words, unverified claims, ambiguous places.
    pub notes: String,
    /// 0–1: how much the extractor trusts the reading (see [`confidence`]).
    pub confidence: f64,
    /// Character offsets of the sentence in the article text (`start..end`, in characters).
    pub char_start: usize,
    /// End offset, in characters.
    pub char_end: usize,
}

fn display_opt<S: serde::Serializer, T: std::fmt::Display>(v: &Option<T>, s: S) -> Result<S::Ok, S::Error> {
    match v {
        Some(v) => s.collect_str(v),
        None => s.serialize_none(),
    }
}

/// What [`Extractor::extract_reporting`] found.
#[derive(Debug, Clone, Default)]
pub struct Extraction {
    /// The candidates.
    pub events: Vec<CandidateEvent>,
    /// Sentences with an event at a place that could not be dated.
    pub left_out: Vec<String>,
}

/// The extractor: the gazetteer's names in one automaton, and the rules.
pub struct Extractor<'g> {
    gz: &'g Gazetteer,
    names: AhoCorasick,
    rules: Rules,
}

impl std::fmt::Debug for Extractor<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Extractor").field("patterns", &self.names.patterns_len()).finish()
    }
}

/// Names shorter than this (folded) are not looked for in text: too many false hits.
const MIN_NAME_LEN: usize = 3;

impl<'g> Extractor<'g> {
    /// The extractor with the bundled rules.
    pub fn new(gz: &'g Gazetteer) -> Self {
        Self::with_rules(gz, Rules::new())
    }

    /// The extractor with other rules than the bundled ones (`extract --rules FILE`): builds
    /// the automaton over every name and alias of the gazetteer (generic words and very short
    /// names left out).
    pub fn with_rules(gz: &'g Gazetteer, rules: Rules) -> Self {
        let mut keys: Vec<String> = Vec::new();
        gz.for_each_name(&mut |_, primary, name| {
            let key = fold::basic(name);
            let key = key.strip_prefix("the ").unwrap_or(&key);
            if key.len() < MIN_NAME_LEN || (!primary && fold::is_generic(&fold::canonical_from_basic(key))) {
                return;
            }
            if fold::is_generic(&fold::canonical_from_basic(key)) {
                return; // a primary name that is a generic word never resolves alone either
            }
            keys.push(key.to_string());
        });
        keys.sort_unstable();
        keys.dedup();
        // A DFA is fastest but grows with the names; past ~20,000 the automaton picks its own.
        let kind = (keys.len() <= 20_000).then_some(aho_corasick::AhoCorasickKind::DFA);
        let names = AhoCorasick::builder()
            .match_kind(AcMatchKind::LeftmostLongest)
            .kind(kind)
            .build(&keys)
            .expect("automaton over folded names");
        Extractor { gz, names, rules }
    }

    /// The places mentioned in a text, in order.
    pub fn mentions(&self, text: &str) -> Vec<Mention> {
        let folded = Folded::new(text);
        self.mentions_in(text, &folded)
    }

    /// The candidate events in an article.
    pub fn extract(&self, article: &Article) -> Vec<CandidateEvent> {
        self.extract_reporting(article).events
    }

    /// The candidate events in an article, and what was read but left out (plans, history,
    /// denials with nothing to deny), so that the caller can say so.
    ///
    /// Read → locate → build: sentences and datelines ([`dateline`]); per sentence its places,
    /// rule hits and events ([`clause`]); the claim of each ([`claims`]) and its date
    /// ([`dates`]); then, over the whole article, denials and disputes that reach back to the
    /// claims they answer, and the headline's repeat of the lead dropped.
    pub fn extract_reporting(&self, article: &Article) -> Extraction {
        use crate::events::date::recordable;
        let text = &article.text;
        let folded = Folded::new(text);
        let mut mentions = self.mentions_in(text, &folded);
        self.settle_by_neighbours(&mut mentions);
        let sentences = text::sentences(text);
        let stem = source_stem(article);
        let mut left_out = Vec::new();
        // Datelines: where each sentence's own words start, and the outlet they name.
        let mut body_start: Vec<usize> = sentences.iter().map(|s| s.start).collect();
        let mut outlet = outlet_of(article);
        for (k, s) in sentences.iter().enumerate() {
            if (k == 0 || sentences[k - 1].paragraph != s.paragraph || k < 3)
                && let Some(d) = dateline::at(text, s.start)
                && d.end < s.end
            {
                body_start[k] = d.end;
                if outlet.is_none() {
                    outlet = d.outlet;
                }
            }
        }
        // A date no event record may have (a page's metadata saying 2109) is no date.
        let mut published = article.published.filter(|&d| recordable(d));
        let mut reference_note = None;
        if published.is_none() {
            // Without a publication date, the latest full date the text gives anchors the
            // relative ones ("on Friday", "July 8").
            published = sentences
                .iter()
                .zip(&body_start)
                .flat_map(|(s, &b)| dates::find_dates_folded(folded.slice(b, s.end), None))
                .filter(|f| {
                    !f.relative && f.date.precision == crate::events::Precision::Day && recordable(f.date.start)
                })
                .map(|f| f.date.end)
                .max();
            reference_note = published
                .map(|d| format!("no publication date: relative dates read against {d}, the latest date in the text"));
        }
        let year = published.map(|d| d.year());
        let mut dates_of: Vec<Option<Option<dates::FoundDate>>> = vec![None; sentences.len()];
        let mut dates_at = |k: usize| -> Option<dates::FoundDate> {
            dates_of[k]
                .get_or_insert_with(|| {
                    let sf = folded.slice(body_start[k], sentences[k].end);
                    if !dates::may_have_date(sf) {
                        return None;
                    }
                    let found: Vec<dates::FoundDate> = dates::find_dates_folded(sf, published)
                        .into_iter()
                        .filter(|f| recordable(f.date.start) && recordable(f.date.end))
                        .collect();
                    // "… fell in the past 48 hours, officials said on Sunday": the day of
                    // saying dates the event only when the sentence gives no other.
                    let said = |f: &dates::FoundDate| {
                        sf.find(&format!(" {}", f.text)).is_some_and(|at| {
                            let ws: Vec<&str> = sf[..at].split(' ').rev().take(3).collect();
                            ws.first() == Some(&"on") && ws[1..].iter().any(|w| SAYING.contains(w))
                                || ws.first().is_some_and(|w| SAYING.contains(w))
                        })
                    };
                    // "said on Sunday that … after forces withdrew overnight": the night
                    // before the day of saying, not the publication.
                    match (found.iter().find(|f| !said(f)), found.iter().find(|f| said(f))) {
                        (Some(f), Some(s)) if matches!(f.text.as_str(), "overnight" | "today" | "tonight") => {
                            Some(s.clone())
                        }
                        (Some(f), _) => Some(f.clone()),
                        (None, s) => s.cloned(),
                    }
                })
                .clone()
        };
        let mut out: Vec<CandidateEvent> = Vec::new();
        // Per candidate: its sentence, and how good its date is (2 the sentence's, 1 the
        // paragraph's, 0 the publication's, -1 none).
        let mut origin: Vec<(usize, i8, bool)> = Vec::new();
        let mut denials: Vec<Denial> = Vec::new();
        let mut last_speaker: Option<String> = None;
        let mut said_in: Vec<usize> = Vec::new();
        let mut hits_of: Vec<Vec<Hit>> = Vec::with_capacity(sentences.len());
        let mut pending: Vec<clause::Proposal> = Vec::new();
        let mut pending_kind: Option<&'static str> = None;
        let mut pending_date: Option<dates::FoundDate> = None;
        for (k, s) in sentences.iter().enumerate() {
            let start = body_start[k];
            let sentence = &text[start..s.end];
            let (fa, _) = folded.range(start, s.end);
            let sfold = folded.slice(start, s.end);
            let mut hits = self.rules.hits(sfold);
            // A trigger inside a place's name is part of the name: "crossing" of "the Islam
            // Qala crossing" crosses nothing.
            let first = mentions.partition_point(|m| m.start < start);
            let names: Vec<(usize, usize)> = mentions[first..]
                .iter()
                .take_while(|m| m.end <= s.end)
                .map(|m| (m.fstart.saturating_sub(fa), m.fend.saturating_sub(fa)))
                .collect();
            hits.retain(|h| {
                !matches!(h.rule, Rule::Trigger { .. } | Rule::Control)
                    || !names.iter().any(|&(a, b)| h.start >= a && h.start < b)
            });
            // Most sentences announce nothing: of them only who speaks is kept (for a "he
            // said" later) and their hits (a denial may answer an earlier claim).
            let eventful = hits.iter().any(|h| matches!(h.rule, Rule::Trigger { .. } | Rule::Control | Rule::Negation));
            let listing = !pending.is_empty() && list_of(sfold).is_some();
            if !(eventful || listing) {
                if hits.iter().any(|h| h.rule == Rule::Attribution) {
                    said_in.push(k);
                }
                pending.clear();
                pending_kind = None;
                hits_of.push(hits);
                continue;
            }
            // Who spoke last, read only now that a sentence may need it for a "he said".
            if let Some(named) = said_in.drain(..).rev().find_map(|j| {
                let (b, e) = (body_start[j], sentences[j].end);
                let sf = folded.slice(b, e);
                let c = claims::sentence_claim(&self.rules, &text[b..e], sf, &hits_of[j], None, None);
                (!c.claimed_by.is_empty()).then_some(c.claimed_by)
            }) {
                last_speaker = Some(named);
            }
            let first = mentions.partition_point(|m| m.start < start);
            let named: Vec<&Mention> = mentions[first..].iter().take_while(|m| m.end <= s.end).collect();
            // "the town", "the crossing", "the border": the place named before.
            let anaphors = self.anaphors(text, &folded, start, s.end, &mentions[..first], &named);
            let mut in_sentence: Vec<&Mention> = named.into_iter().chain(anaphors.iter()).collect();
            in_sentence.sort_by_key(|m| m.start);
            let args: Vec<clause::Arg> = in_sentence
                .iter()
                .enumerate()
                .map(|(i, m)| {
                    let (start, end) = (m.fstart - fa, m.fend - fa);
                    // "Islam Qala (Herat)": the province in brackets.
                    let bracketed = i > 0 && text.get(in_sentence[i - 1].end..m.start).is_some_and(|b| b.trim() == "(");
                    // "Zaranj, the capital of Nimruz province": where it is.
                    let capital_of = i > 0 && {
                        let between = sfold.get(in_sentence[i - 1].fend - fa..start).unwrap_or("");
                        between.split(' ').count() <= 5 && between.contains("capital of")
                    };
                    let container = bracketed
                        || capital_of
                        || i > 0 && {
                            let prev = &in_sentence[i - 1];
                            let between = sfold.get(prev.fend - fa..start).unwrap_or("x x x x");
                            let ws: Vec<&str> = between.split(' ').filter(|w| !w.is_empty()).collect();
                            ws.len() <= 4
                                && (ws.contains(&"in")
                                    || ws.contains(&"over")
                                    || ws.contains(&"on")
                                    || ws.contains(&"for"))
                                && ws.iter().all(|w| {
                                    matches!(
                                        *w,
                                        "in" | "of"
                                            | "the"
                                            | "over"
                                            | "on"
                                            | "for"
                                            | "southern"
                                            | "northern"
                                            | "eastern"
                                            | "western"
                                            | "northeastern"
                                            | "northwestern"
                                            | "southeastern"
                                            | "southwestern"
                                            | "central"
                                            | "district"
                                            | "province"
                                            | "crossing"
                                            | "city"
                                            | "border"
                                            | "town"
                                            | "post"
                                            | "port"
                                            | "area"
                                            | "region"
                                            | "crossings"
                                            | "districts"
                                            | "towns"
                                            | "posts"
                                            | "ports"
                                    )
                                })
                        };
                    let before = word_before(sfold, start);
                    // "across the Amu Darya from Termez": a landmark too.
                    let across_from = before == "from" && {
                        let head: Vec<&str> = sfold[..start].split(' ').rev().take(6).collect();
                        head.contains(&"across")
                    };
                    let landmark = matches!(before, "opposite" | "facing" | "towards" | "toward") || across_from;
                    clause::Arg {
                        start,
                        end,
                        kind: m.place.map(|p| self.gz.kind(p)),
                        weak: container || landmark || self.speaks_there(m),
                        from: before == "from",
                    }
                })
                .collect();
            let share = rules::share_of(sfold).or_else(|| rules::percent_sign_share(sentence));
            let mut continued: Option<dates::FoundDate> = None;
            // A denial may name no place ("denied the district had fallen"): it is read too.
            let worth = !in_sentence.is_empty() || hits.iter().any(|h| h.rule == Rule::Negation);
            let mut props = if worth { clause::propose(&self.rules, sfold, &hits, &args, share) } else { Vec::new() };
            // "Seven districts have fallen. The districts are A, B and C.": a list without a
            // trigger takes the placeless events of the sentence before.
            if props.iter().all(|p| p.places.is_empty())
                && args.len() >= 2
                && !hits.iter().any(|h| matches!(h.rule, Rule::Trigger { .. }))
                && list_of(sfold).is_some()
                && list_of(sfold) == pending_kind
            {
                props = pending
                    .iter()
                    .map(|p: &clause::Proposal| {
                        let mut p = clause::Proposal {
                            places: (0..args.len()).filter(|&i| !args[i].weak).collect(),
                            ..p.clone()
                        };
                        // Its words are in the sentence before: no offsets here.
                        p.trigger = Hit { start: 0, end: 0, ..p.trigger };
                        for a in [&mut p.actor, &mut p.actor2].into_iter().flatten() {
                            (a.start, a.end) = (0, 0);
                        }
                        p
                    })
                    .collect();
                continued = pending_date.clone();
            }
            pending = props
                .iter()
                .filter(|p| {
                    !p.negated
                        && !p.modal
                        && p.places.iter().all(|&i| {
                            matches!(args[i].kind, Some(PlaceKind::Province | PlaceKind::Country | PlaceKind::Border))
                        })
                })
                .map(|p| clause::Proposal { places: Vec::new(), ..p.clone() })
                .collect();
            pending_kind = list_of(sfold);
            let claim =
                claims::sentence_claim(&self.rules, sentence, sfold, &hits, last_speaker.as_deref(), outlet.as_deref());
            if hits.iter().any(|h| h.rule == Rule::Attribution)
                && !claim.claimed_by.is_empty()
                && Some(&claim.claimed_by) != outlet.as_ref()
            {
                last_speaker = Some(claim.claimed_by.clone());
            }
            let found_date = if props.is_empty() { None } else { dates_at(k).or(continued) };
            if !props.is_empty() {
                pending_date = found_date.clone();
            }
            for p in &props {
                let ids: Vec<usize> = p.places.iter().filter_map(|&i| in_sentence[i].place).collect();
                if p.modal {
                    if !p.places.is_empty() {
                        left_out.push(format!(
                            "sentence {}: {} read as a plan or a possibility, not an event",
                            k + 1,
                            p.t.as_str()
                        ));
                    }
                    continue;
                }
                if p.negated {
                    denials.push(Denial { sentence: k, t: p.t, places: ids, by: claim.claimed_by.clone() });
                    continue;
                }
                if p.places.is_empty() {
                    continue;
                }
                // "Rumours that soldiers had crossed into Turkmenistan were rejected": a rumour
                // denied in the same breath, with no one claiming it, is no event.
                let head = &sfold[..p.trigger.start.min(sfold.len())];
                if (head.contains("rumour") || head.contains("rumor"))
                    && hits.iter().any(|h| matches!(h.rule, Rule::Dispute(_)))
                {
                    left_out.push(format!("sentence {}: {} in a rumour the sentence denies", k + 1, p.t.as_str()));
                    continue;
                }
                // The date: the sentence's, else the paragraph's, else the publication's, else open.
                let mut notes: Vec<String> = Vec::new();
                notes.extend(reference_note.iter().cloned());
                let last_date = if found_date.is_some() {
                    None
                } else {
                    (0..k).rev().find_map(|j| dates_at(j).map(|d| (sentences[j].paragraph, d)))
                };
                let (date, quality) = match (&found_date, &last_date, published) {
                    (Some(d), _, _) => {
                        let shift = shift_before_trigger(sfold, p.trigger.start);
                        if shift != 0 && d.date.precision == crate::events::Precision::Day {
                            notes.push(format!(
                                "date from {:?}, {} day(s) {}",
                                d.text,
                                shift.abs(),
                                if shift < 0 { "before" } else { "after" }
                            ));
                            let moved = d.date.start.checked_add(shift.days()).unwrap_or(d.date.start);
                            (Some(EventDate { start: moved, end: moved, precision: crate::events::Precision::Day }), 2)
                        } else {
                            notes.push(format!("date from {:?}", d.text));
                            (Some(d.date), 2)
                        }
                    }
                    (None, Some((para, d)), _) if *para == s.paragraph || follows_on(sfold) => {
                        notes.push(format!("date from {:?} earlier in the text", d.text));
                        (Some(d.date), 1)
                    }
                    (None, _, Some(pd)) => {
                        notes.push("no date in the text: publication date".into());
                        (Some(EventDate { start: pd, end: pd, precision: crate::events::Precision::Day }), 0)
                    }
                    _ => {
                        notes.push("date open: the text gives none and the article has no publication date; date it after review (map refuses it until then)".into());
                        (None, -1)
                    }
                };
                if let (Some(d), Some(y)) = (date, year)
                    && (d.end.year() < y - 1 || names_an_earlier_year(sfold, y))
                {
                    left_out.push(format!("sentence {}: {} dated {} read as history", k + 1, p.t.as_str(), d));
                    continue;
                }
                if let (Some(d), Some(pd), 2) = (date, article.published, quality)
                    && d.start > pd
                {
                    left_out.push(format!(
                        "sentence {}: {} dated {} after publication: a plan or a forecast",
                        k + 1,
                        p.t.as_str(),
                        d
                    ));
                    continue;
                }
                let actor = p.actor.as_ref().map(|a| a.name.clone()).unwrap_or_default();
                if let Some(a) = &p.actor
                    && a.end > a.start
                {
                    let (os, oe) = folded.original(fa + a.start, fa + a.end, text);
                    notes.push(format!("actor as written: {:?}", &text[os..oe]));
                }
                let actor2 = p.actor2.as_ref().map(|a| a.name.clone()).unwrap_or_default();
                // "the loss of Sheberghan the previous day, and of Zaranj on Friday": with several
                // places and several dates, each place takes the date that follows it.
                let own_dates: Vec<(usize, dates::FoundDate)> = if p.places.len() >= 2 && quality == 2 {
                    let found = dates::find_dates_folded(sfold, published);
                    let mut from = 0;
                    let mut at: Vec<(usize, dates::FoundDate)> = Vec::new();
                    for f in found.into_iter().filter(|f| recordable(f.date.start) && recordable(f.date.end)) {
                        if let Some(x) = sfold[from..].find(f.text.as_str()) {
                            from += x + f.text.len();
                            at.push((from - f.text.len(), f));
                        }
                    }
                    if at.len() >= 2 { at } else { Vec::new() }
                } else {
                    Vec::new()
                };
                for &i in &p.places {
                    let m = in_sentence[i];
                    let mut notes = notes.clone();
                    let mut date = date;
                    if !own_dates.is_empty() {
                        let here = args[i].end;
                        let next_place =
                            p.places.iter().map(|&j| args[j].start).filter(|&x| x > here).min().unwrap_or(usize::MAX);
                        if let Some((_, f)) = own_dates.iter().find(|(x, _)| *x >= here && *x < next_place) {
                            date = Some(f.date);
                            notes.push(format!("date of this place from {:?}", f.text));
                        }
                    }
                    let mut mention = match self.border_for(m, p.t, sfold) {
                        Some(b) => {
                            notes.push(format!("{:?} read as its border with Afghanistan", m.text));
                            b
                        }
                        None => m.clone(),
                    };
                    if mention.place.is_none() {
                        self.settle_by_country(&mut mention, &hits, &mut notes);
                    }
                    let claim = claim.clone();
                    notes.extend(claim.notes.iter().cloned());
                    if !mention.tied.is_empty() {
                        let ids: Vec<&str> = mention.tied.iter().map(|&p| self.gz.id(p)).collect();
                        notes.push(format!("place ambiguous: {}", ids.join(" / ")));
                    }
                    let confidence = confidence(
                        mention.place.is_some(),
                        quality == 2,
                        !claim.claimed_by.is_empty(),
                        !actor.is_empty(),
                    );
                    let suffix =
                        out.iter().filter(|c: &&CandidateEvent| c.char_start == chars_before(text, s.start)).count();
                    out.push(CandidateEvent {
                        id: format!("{stem}-{:03}{}", k + 1, suffix_letters(suffix)),
                        date,
                        place: mention.text.clone(),
                        place_id: mention.place.map(|p| self.gz.id(p).to_string()),
                        event_type: p.t,
                        actor: actor.clone(),
                        actor2: actor2.clone(),
                        claim_status: claim.status,
                        claimed_by: claim.claimed_by,
                        disputed_by: claim.disputed_by,
                        share: p.share,
                        source: article.source.clone(),
                        url: article.url.clone(),
                        source_date: article.published.filter(|&d| recordable(d)),
                        quote: one_line(&text[s.start..s.end]),
                        notes: notes.join("; "),
                        confidence,
                        char_start: chars_before(text, s.start),
                        char_end: chars_before(text, s.end),
                    });
                    origin.push((k, quality, m.anaphor));
                }
            }
            hits_of.push(hits);
        }
        self.answer_back(&sentences, &body_start, text, &folded, &hits_of, &denials, &mut out, &origin, &mut left_out);
        let events = drop_repeats(out, &origin);
        let events = self.drop_border_restatements(events);
        Extraction { events, left_out }
    }
}

/// Verbs of saying after which a date is the claim's, not the event's.
const SAYING: &[&str] = &[
    "said",
    "says",
    "told",
    "announced",
    "reported",
    "confirmed",
    "claimed",
    "stated",
    "tweeted",
    "added",
    "denied",
    "reporters",
    "statement",
];

/// Days to shift an event's date by when the words before its trigger put it before or after
/// the sentence's date ("on Saturday night, a day after the insurgents seized …": Friday).
fn shift_before_trigger(sfold: &str, trigger_at: usize) -> i64 {
    let head = &sfold[..trigger_at.min(sfold.len())];
    let tail: Vec<&str> = head.split(' ').filter(|w| !w.is_empty()).rev().take(8).collect();
    let joined: Vec<&str> = tail.into_iter().rev().collect();
    let j = format!(" {} ", joined.join(" "));
    for (words, days) in [
        (" a day after ", -1),
        (" the day after ", -1),
        (" one day after ", -1),
        (" two days after ", -2),
        (" a day before ", 1),
        (" the day before ", 1),
    ] {
        if j.contains(words) {
            return days;
        }
    }
    0
}

/// The plural kind word a sentence lists places by ("seven districts", "the districts are").
fn list_of(sfold: &str) -> Option<&'static str> {
    const KINDS: &[&str] = &["districts", "crossings", "towns", "cities", "provinces", "capitals", "posts"];
    sfold.split(' ').find_map(|w| KINDS.iter().find(|k| **k == w).copied())
}

/// Whether a sentence names a year before `year` ("in 2020", "since 1998"): history.
fn names_an_earlier_year(sfold: &str, year: i16) -> bool {
    let ws: Vec<&str> = sfold.split(' ').collect();
    ws.windows(2).any(|w| {
        // "in 2020", "since 1998", "in the 1980s" (folded: "the 1980s").
        let decade = w[1].strip_suffix('s').filter(|d| d.len() == 4 && d.ends_with('0'));
        (matches!(w[0], "in" | "since" | "of" | "until" | "during")
            && w[1].len() == 4
            && w[1].parse::<i16>().is_ok_and(|y| (1900..year).contains(&y)))
            || decade.and_then(|d| d.parse::<i16>().ok()).is_some_and(|y| (1900..year - 9).contains(&y))
    })
}

/// "", "b", "c", …, "z", then "z26" and on: several events of one sentence.
fn suffix_letters(n: usize) -> String {
    match n {
        0 => String::new(),
        1..=25 => char::from(b'a' + n as u8).to_string(),
        _ => format!("z{n}"),
    }
}

/// The outlet an article names (`--source`, a page's site name), not a file name.
fn outlet_of(a: &Article) -> Option<String> {
    let s = a.source.trim();
    let file_like = s.is_empty()
        || s == "-"
        || s.contains('/')
        || s.rsplit_once('.')
            .is_some_and(|(_, e)| matches!(e.to_ascii_lowercase().as_str(), "txt" | "html" | "htm" | "md"));
    (!file_like).then(|| s.to_string())
}

/// Characters before a byte offset (ASCII text needs no count).
fn chars_before(text: &str, at: usize) -> usize {
    let head = &text[..at];
    if head.is_ascii() { at } else { head.chars().count() }
}

/// Whether a sentence continues the story of the one before ("soon afterwards", "later that
/// day"), so that its date carries over a paragraph break.
fn follows_on(sfold: &str) -> bool {
    let padded = format!(" {sfold} ");
    [
        "afterwards",
        "afterward",
        "soon after",
        "later that",
        "the same day",
        "that day",
        "shortly after",
        "hours before",
        "hours after",
        "hours later",
        "minutes later",
    ]
    .iter()
    .any(|w| padded.contains(&format!(" {w} ")))
}

/// The sentence on one line, its runs of white space as one space.
fn one_line(sentence: &str) -> String {
    let mut out = String::with_capacity(sentence.len());
    for w in sentence.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

/// 0.4, plus 0.2 when the place resolved to one, 0.15 for a date in the sentence, 0.15 for
/// attribution, 0.1 for a named actor; at most 0.95 (a reading is never certain).
pub fn confidence(place: bool, date: bool, attribution: bool, actor: bool) -> f64 {
    let c = 0.4
        + 0.2 * f64::from(u8::from(place))
        + 0.15 * f64::from(u8::from(date))
        + 0.15 * f64::from(u8::from(attribution))
        + 0.1 * f64::from(u8::from(actor));
    (c.min(0.95) * 100.0).round() / 100.0
}

/// A short name for ids: the file stem or the URL's last path part, folded.
fn source_stem(a: &Article) -> String {
    let base =
        if a.url.is_empty() { a.source.as_str() } else { a.url.trim_end_matches('/').rsplit('/').next().unwrap_or("") };
    let base = base.rsplit('/').next().unwrap_or(base);
    let base = base.split('.').next().unwrap_or(base);
    let s: String = fold::basic(base).split(' ').filter(|w| !w.is_empty()).collect::<Vec<_>>().join("-");
    if s.is_empty() { "x".into() } else { s.chars().take(40).collect() }
}
