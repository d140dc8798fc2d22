//! The extractor: from an article (text, HTML, URL) to candidate events for an analyst to
//! review, in the mapper's event-record format.
//!
//! Read → locate → build, one module a step:
//! - [`text`] splits sentences (and statements at semicolons and bullets) and folds the text
//!   once; [`dateline`] cuts wire datelines off;
//! - the gazetteer's names are found with one Aho-Corasick automaton over the folded text
//!   ([`Extractor::mentions`]), settled by context, by the country named, or by the article's
//!   other places; common nouns ("the town", "the border") stand for the place named before;
//! - [`rules`] reads the rule file (`rules.txt`: triggers with their inflections, actors,
//!   attribution, negation, modality) and finds its phrases in a sentence;
//! - [`clause`] turns a sentence's hits and places into events: each trigger with its places,
//!   its actor, negated or a plan;
//! - [`claims`] says who claims (a speaker, never a fragment) and what disputes it;
//!   [`dates`] reads absolute and relative dates;
//! - this module puts them together per article — dates, denials that reach back across
//!   sentences, repeats (a headline and its lead) dropped — and [`merge`] joins the same event
//!   across articles; `write` writes the records (CSV, JSON Lines, JSON).
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
mod write;

pub use write::{CSV_COLUMNS, record, write_csv, write_json};

use aho_corasick::{AhoCorasick, MatchKind as AcMatchKind};
use jiff::ToSpan;
use jiff::civil::Date;
use serde::Serialize;

use crate::events::{ClaimStatus, EventDate, EventType};
use crate::gazetteer::{Gazetteer, PlaceFacts, PlaceKind, Query, Status, fold};
use rules::{Hit, Rule, Rules};
use text::{Folded, Sentence};

/// An article to read.
#[derive(Debug, Clone, Default)]
pub struct Article {
    /// The body text (paragraphs separated by blank lines).
    pub text: String,
    /// The outlet, or the file, for `source`.
    pub source: String,
    /// Its URL, if it came from one.
    pub url: String,
    /// Publication date, which relative dates are resolved against.
    pub published: Option<Date>,
    /// Headline, if known.
    pub title: Option<String>,
    /// What reading it left out, for the user ("nested deeper than 256 …"; see
    /// [`html::MAX_HTML_BYTES`] and [`html::MAX_HTML_DEPTH`]).
    pub warnings: Vec<String>,
}

impl Article {
    /// An article from a fetched page: HTML (also when the server names no type) or plain text,
    /// decoded with the charset it declares; any other content type is refused.
    pub fn from_http(body: &[u8], content_type: Option<&str>, source: &str, url: &str) -> Result<Article, String> {
        let ct = content_type.unwrap_or("").to_ascii_lowercase();
        if ct.is_empty() || ct.starts_with("text/html") || ct.starts_with("application/xhtml") {
            Ok(html::article(&html::decode(body, content_type), source, url).with_recordable_date())
        } else if ct.starts_with("text/plain") {
            let text = html::decode(body, content_type);
            Ok(Article { text, source: source.to_string(), url: url.to_string(), ..Article::default() })
        } else {
            Err(format!("not an article: the server sent {ct:?}, not HTML or text"))
        }
    }

    /// The article without a publication date that no event record may have (a page's
    /// metadata saying 2109), with a warning that says so.
    fn with_recordable_date(mut self) -> Article {
        if let Some(d) = self.published.filter(|&d| !crate::events::date::recordable(d)) {
            self.warnings.push(format!(
                "the page's publication date {d} is outside {}..={}: ignored",
                crate::events::date::MIN_YEAR,
                crate::events::date::MAX_YEAR
            ));
            self.published = None;
        }
        self
    }

    /// An article from a file: HTML when it is named `.html` or `.htm`, else UTF-8 text.
    pub fn from_file(bytes: Vec<u8>, name: &str) -> Result<Article, String> {
        let ext = name.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase()).unwrap_or_default();
        if ext == "html" || ext == "htm" {
            return Ok(html::article(&html::decode(&bytes, None), name, "").with_recordable_date());
        }
        let text = String::from_utf8(bytes).map_err(|_| format!("{name} is not UTF-8 text"))?;
        Ok(Article { text, source: name.to_string(), ..Article::default() })
    }
}

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
    /// Builds the automaton over every name and alias of the gazetteer (generic words and very
    /// short names left out).
    pub fn new(gz: &'g Gazetteer) -> Self {
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
        Extractor { gz, names, rules: Rules::new() }
    }

    /// The extractor with other rules than the bundled ones (`extract --rules FILE`).
    pub fn with_rules(gz: &'g Gazetteer, rules: Rules) -> Self {
        Extractor { rules, ..Self::new(gz) }
    }

    /// The places mentioned in a text, in order.
    pub fn mentions(&self, text: &str) -> Vec<Mention> {
        let folded = Folded::new(text);
        self.mentions_in(text, &folded)
    }

    fn mentions_in(&self, text: &str, folded: &Folded) -> Vec<Mention> {
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

    /// "84 servicemen crossed the border" after "… crossed the Friendship Bridge on 14 August":
    /// a flight at a whole border restates one at a place when both are in the article and
    /// their dates meet; the one at the place stays.
    fn drop_border_restatements(&self, events: Vec<CandidateEvent>) -> Vec<CandidateEvent> {
        let at_border = |c: &CandidateEvent| {
            c.place_id
                .as_deref()
                .and_then(|id| self.gz.place_index(id))
                .is_some_and(|p| matches!(self.gz.kind(p), PlaceKind::Border | PlaceKind::Country))
        };
        let flights: Vec<(bool, Option<EventDate>)> = events
            .iter()
            .map(|c| (c.event_type == EventType::FlightAcrossBorder && !at_border(c) && c.place_id.is_some(), c.date))
            .collect();
        events
            .into_iter()
            .filter(|c| {
                !(c.event_type == EventType::FlightAcrossBorder
                    && at_border(c)
                    && flights.iter().any(|&(specific, d)| specific && overlap(d, c.date)))
            })
            .collect()
    }

    /// Whether a place is named as where someone speaks or as a government that speaks, not
    /// where anything happens: "officials in Herat province", "Herat officials said", "Moscow
    /// says", "told reporters in Moscow".
    fn speaks_there(&self, m: &Mention) -> bool {
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
    fn anaphors(
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
    fn co_located(&self, tied: &[usize]) -> Option<usize> {
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
    fn settle_by_neighbours(&self, mentions: &mut [Mention]) {
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
    fn settle_by_country(&self, mention: &mut Mention, hits: &[Hit], notes: &mut Vec<String>) {
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

    /// Denials and disputes that answer claims made elsewhere in the article: a negated trigger
    /// ("had not fallen") denies the claims of its type and place anywhere in the article; a
    /// sentence without events of its own disputes the claims whose place it names, or —
    /// when it points back ("the reports", "the claim") or follows in the same paragraph —
    /// the claims of the last sentence that made any, up to two paragraphs back.
    #[allow(clippy::too_many_arguments)]
    fn answer_back(
        &self,
        sentences: &[Sentence],
        body_start: &[usize],
        text: &str,
        folded: &Folded,
        hits_of: &[Vec<Hit>],
        denials: &[Denial],
        out: &mut [CandidateEvent],
        origin: &[(usize, i8, bool)],
        left_out: &mut Vec<String>,
    ) {
        let paragraph = |k: usize| sentences[k].paragraph;
        for d in denials {
            let same_place = |c: &CandidateEvent| {
                c.place_id.as_deref().is_some_and(|id| d.places.iter().any(|&p| self.gz.id(p) == id))
            };
            let any_same_place = out.iter().any(|c| c.event_type == d.t && same_place(c));
            let mut hit = false;
            for (c, &(k, _, _)) in out.iter_mut().zip(origin) {
                // "the crossing had not fallen": the claims of its type just before, when it
                // names no place that has one.
                let recent = !any_same_place && k < d.sentence && paragraph(d.sentence) - paragraph(k) <= 3;
                if c.event_type == d.t && (same_place(c) || recent) {
                    let mut claim = claims::Claim {
                        status: c.claim_status,
                        claimed_by: String::new(),
                        disputed_by: std::mem::take(&mut c.disputed_by),
                        notes: Vec::new(),
                    };
                    claims::dispute(&mut claim, ClaimStatus::Denied, d.by.clone());
                    c.claim_status = claim.status;
                    c.disputed_by = claim.disputed_by;
                    push_note(&mut c.notes, &format!("denied in sentence {}", d.sentence + 1));
                    hit = true;
                }
            }
            if !hit {
                left_out.push(format!(
                    "sentence {}: a denial ({}) with no claim to deny",
                    d.sentence + 1,
                    d.t.as_str()
                ));
            }
        }
        let with_events: std::collections::BTreeSet<usize> = origin.iter().map(|&(k, _, _)| k).collect();
        for (j, hits) in hits_of.iter().enumerate() {
            let answers =
                hits.iter().any(|h| matches!(h.rule, Rule::Dispute(_) | Rule::Unverified | Rule::Confirmation));
            if with_events.contains(&j) || !answers {
                continue;
            }
            let s = &sentences[j];
            let sentence = &text[body_start[j]..s.end];
            let sfold = folded.slice(body_start[j], s.end);
            let padded = format!(" {sfold} ");
            let named: Vec<usize> = (0..out.len())
                .filter(|&c| {
                    origin[c].0 != j
                        && !out[c].place.is_empty()
                        && padded.contains(&format!(" {} ", fold::basic(&out[c].place)))
                })
                .collect();
            // "rejected the reports", "called such statements propaganda", "denied it".
            let refers = hits.iter().any(|r| {
                // A pronoun points back only as the object: "denied it", not "It denied …".
                let pronoun = matches!(&sfold[r.start..r.end], "it" | "this" | "them");
                r.rule == Rule::Refer
                    && hits.iter().any(|d| {
                        matches!(d.rule, Rule::Dispute(_) | Rule::Confirmation)
                            && (d.end <= r.start
                                && sfold[d.end..r.start].split(' ').filter(|w| !w.is_empty()).count() <= 3
                                || !pronoun
                                    && r.end <= d.start
                                    && sfold[r.end..d.start].split(' ').filter(|w| !w.is_empty()).count() <= 4)
                    })
            });
            // "dismissed the claim as a lie": the pointing back inside the phrase itself.
            let refers = refers
                || hits.iter().any(|d| {
                    matches!(d.rule, Rule::Dispute(_)) && {
                        let w = &sfold[d.start..d.end];
                        w.contains("claim") || w.contains("report") || w.contains("statement")
                    }
                });
            let last = with_events.range(..j).next_back().copied();
            let (targets, same): (Vec<usize>, bool) = if !named.is_empty() {
                (named, true)
            } else if let Some(last) = last
                && paragraph(j) - paragraph(last) <= 2
                && (refers
                    || (paragraph(j) == paragraph(last)
                        && j - last == 1
                        && !hits.iter().any(|h| matches!(h.rule, Rule::Dispute(_) | Rule::Confirmation))))
            {
                // Pointing back: the claims of the last sentence that made any. The next
                // sentence of a paragraph, without a dispute of its own, may only leave them
                // unverified.
                ((0..out.len()).filter(|&c| origin[c].0 == last).collect(), refers)
            } else {
                (Vec::new(), false)
            };
            for c in targets {
                let ev = &mut out[c];
                let mut claim = claims::Claim {
                    status: ev.claim_status,
                    claimed_by: String::new(),
                    disputed_by: std::mem::take(&mut ev.disputed_by),
                    notes: Vec::new(),
                };
                claims::apply_disputes(&self.rules, &mut claim, sentence, sfold, hits, same);
                ev.claim_status = claim.status;
                ev.disputed_by = claim.disputed_by;
                for n in &claim.notes {
                    push_note(&mut ev.notes, n);
                }
                if claim.status != ClaimStatus::Claimed {
                    push_note(&mut ev.notes, &format!("{} in sentence {}", claim.status.as_str(), j + 1));
                }
            }
        }
    }
}

/// A negated trigger: who denies what, where.
#[derive(Debug, Clone)]
struct Denial {
    sentence: usize,
    t: EventType,
    places: Vec<usize>,
    by: String,
}

/// How far apart places sharing a name may be and still be one place on the map.
const CO_LOCATED_KM: f64 = 15.0;

/// How near the article's other places an ambiguous name's candidate must be to be chosen.
const NEIGHBOUR_KM: f64 = 150.0;

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

/// The word before folded offset `at`.
fn word_before(s: &str, at: usize) -> &str {
    s[..at].trim_end().rsplit(' ').next().unwrap_or("")
}

/// Appends a note (`; `-separated) unless it is there.
fn push_note(notes: &mut String, n: &str) {
    if notes.split("; ").any(|x| x == n) {
        return;
    }
    if !notes.is_empty() {
        notes.push_str("; ");
    }
    notes.push_str(n);
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

/// Whether two dates share a day (a day inside a range, equal days).
fn overlap(a: Option<EventDate>, b: Option<EventDate>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => a.start <= b.end && b.start <= a.end,
        (None, None) => true,
        _ => false,
    }
}

/// Candidates without the repeats of one article: the same type at the same place, where one
/// is dated only by the publication (a headline repeating the lead) or both on the same day.
fn drop_repeats(all: Vec<CandidateEvent>, origin: &[(usize, i8, bool)]) -> Vec<CandidateEvent> {
    let key = |c: &CandidateEvent| (c.event_type, c.place_id.clone().unwrap_or_else(|| fold::canonical(&c.place)));
    let mut kept: Vec<usize> = Vec::new();
    let mut absorbed: Vec<(usize, usize)> = Vec::new();
    for i in 0..all.len() {
        let repeat = kept.iter().position(|&j| {
            key(&all[i]) == key(&all[j])
                && (overlap(all[i].date, all[j].date) || origin[i].1 <= 0 || origin[j].1 <= 0 || origin[i].2)
        });
        match repeat {
            // Keep the better dated; on a tie the first (the lead before later mentions).
            Some(k) => {
                let j = kept[k];
                let (keep, drop) = if origin[i].1 > origin[j].1 { (i, j) } else { (j, i) };
                kept[k] = keep;
                absorbed.push((keep, drop));
            }
            None => kept.push(i),
        }
    }
    kept.sort_unstable();
    let mut all: Vec<Option<CandidateEvent>> = all.into_iter().map(Some).collect();
    // What the repeat said still counts: a confirmation or a denial in it, its speakers.
    for (keep, drop) in absorbed.into_iter().rev() {
        let (Some(d), true) = (all[drop].take(), all[keep].is_some()) else { continue };
        let k = all[keep].as_mut().expect("checked");
        let rank = |s: ClaimStatus| match s {
            ClaimStatus::Claimed => 0,
            ClaimStatus::Confirmed => 1,
            ClaimStatus::Disputed => 2,
            ClaimStatus::Denied => 3,
        };
        if rank(d.claim_status) > rank(k.claim_status) {
            k.claim_status = d.claim_status;
        }
        for (into, from) in [(&mut k.claimed_by, &d.claimed_by), (&mut k.disputed_by, &d.disputed_by)] {
            if !from.is_empty() && !into.split("; ").any(|x| x == from) {
                if !into.is_empty() {
                    into.push_str("; ");
                }
                into.push_str(from);
            }
        }
    }
    kept.into_iter().filter_map(|i| all[i].take()).collect()
}

impl<'g> Extractor<'g> {
    /// A neighbour country standing for its border with Afghanistan: the border place, when
    /// the sentence is about a border ("fled into Tajikistan", "a crossing with Turkmenistan").
    fn border_for(&self, m: &Mention, t: EventType, sfold: &str) -> Option<Mention> {
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

/// The kind a few words before a name point to.
fn context_kind(context: &str) -> Option<PlaceKind> {
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

/// Merges candidates about the same event (type, place, date) from several articles: sources,
/// URLs, claimants and disputers are joined; the strongest status wins (denied over disputed
/// over claimed; confirmed only when no report disputes); the first quote and id are kept.
pub fn merge(mut all: Vec<CandidateEvent>) -> Vec<CandidateEvent> {
    let key = |c: &CandidateEvent| {
        (
            c.event_type.as_str(),
            c.place_id.clone().unwrap_or_else(|| fold::canonical(&c.place)),
            c.date.map(|d| d.to_string()).unwrap_or_default(),
        )
    };
    let mut out: Vec<CandidateEvent> = Vec::new();
    let mut index: std::collections::HashMap<(&'static str, String, String), usize> = Default::default();
    for c in all.drain(..) {
        match index.get(&key(&c)) {
            None => {
                index.insert(key(&c), out.len());
                out.push(c);
            }
            Some(&i) => {
                let m = &mut out[i];
                let join = |a: &mut String, b: &str, sep: &str| {
                    if !b.is_empty() && !a.split(sep).any(|x| x == b) {
                        if !a.is_empty() {
                            a.push_str(sep);
                        }
                        a.push_str(b);
                    }
                };
                join(&mut m.source, &c.source, " | ");
                join(&mut m.url, &c.url, " | ");
                join(&mut m.claimed_by, &c.claimed_by, "; ");
                join(&mut m.disputed_by, &c.disputed_by, "; ");
                join(&mut m.notes, &c.notes, "; ");
                let rank = |s: ClaimStatus| match s {
                    ClaimStatus::Denied => 3,
                    ClaimStatus::Disputed => 2,
                    ClaimStatus::Claimed => 1,
                    ClaimStatus::Confirmed => 0,
                };
                if rank(c.claim_status) > rank(m.claim_status)
                    || (m.claim_status == ClaimStatus::Confirmed && c.claim_status != ClaimStatus::Confirmed)
                {
                    m.claim_status = c.claim_status;
                }
                m.confidence = m.confidence.max(c.confidence);
                m.source_date = match (m.source_date, c.source_date) {
                    (Some(a), Some(b)) => Some(a.min(b)),
                    (a, b) => a.or(b),
                };
            }
        }
    }
    out
}

/// ISO3 of the countries named as actors in a sentence.
fn named_countries(rules: &Rules, hits: &[Hit]) -> Vec<&'static str> {
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
