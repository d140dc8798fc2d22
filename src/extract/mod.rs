//! The extractor: from an article (text, HTML, URL) to candidate events for an analyst to
//! review, in the mapper's event-record format.
//!
//! For each sentence: the places in it (one Aho-Corasick automaton over the folded names and
//! aliases of the whole gazetteer, matched on the folded text at word boundaries, longest
//! first, then resolved with the words around them as hints), the rules it meets
//! ([`rules`]: event types, actors, attribution, disputes), and its dates ([`dates`]). A
//! sentence with an event trigger (or a control verb with a share) and a place becomes a
//! candidate. Its claim status comes from attribution in the sentence and disputes, denials or
//! "could not be verified" in it or the next sentence of the paragraph: nothing is `confirmed`
//! unless a sentence says so. The event's place is the most precise one in the sentence (a
//! crossing or a town before its province, a province before a country), nearest the trigger.
//!
//! Each candidate keeps the sentence as `quote`, its character offsets, the source and a
//! confidence; candidates from several articles about the same event (type, place, date) are
//! merged with every source kept ([`merge`]).

pub mod dates;
pub mod html;
pub mod rules;
pub mod text;

use aho_corasick::{AhoCorasick, MatchKind as AcMatchKind};
use jiff::civil::Date;
use serde::Serialize;

use crate::events::{ClaimStatus, EventDate, EventType};
use crate::gazetteer::{Gazetteer, PlaceFacts, PlaceKind, Query, Status, fold};
use rules::{ACTORS, Hit, Rule, Rules};
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
    /// When, with ACLED precision.
    #[serde(serialize_with = "display")]
    pub date: EventDate,
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

fn display<S: serde::Serializer, T: std::fmt::Display>(v: &T, s: S) -> Result<S::Ok, S::Error> {
    s.collect_str(v)
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
                    // the Panj" is the river).
                    let context = &folded.text[s.saturating_sub(40)..s];
                    let hinted = context_kind(context).and_then(|k| {
                        let q = Query { kind: Some(k), ..Query::new(phrase) };
                        self.gz.resolve(&q).resolved().map(|c| c.place)
                    });
                    (hinted, if hinted.is_some() { Vec::new() } else { r.tied().iter().map(|c| c.place).collect() })
                }
                _ => continue,
            };
            let context_before = folded.text[s.saturating_sub(30)..s].to_string();
            out.push(Mention { start: os, end: oe, text: phrase.to_string(), place, tied, context_before });
        }
        out
    }

    /// The candidate events in an article.
    pub fn extract(&self, article: &Article) -> Vec<CandidateEvent> {
        self.extract_reporting(article).events
    }

    /// The candidate events in an article, and the sentences that announce an event at a place
    /// but were left out (no date to put them at), so that the caller can say so.
    pub fn extract_reporting(&self, article: &Article) -> Extraction {
        use crate::events::date::recordable;
        let text = &article.text;
        // A date no event record may have (a page's metadata saying 2109) is no date: the
        // mapper would refuse the record.
        let published = article.published.filter(|&d| recordable(d));
        let folded = Folded::new(text);
        let mentions = self.mentions_in(text, &folded);
        let sentences = text::sentences(text);
        let stem = source_stem(article);
        let mut out = Vec::new();
        let mut left_out = Vec::new();
        // Dates are read only where an event needs them (its sentence, then back up the text).
        let mut dates_of: Vec<Option<Option<dates::FoundDate>>> = vec![None; sentences.len()];
        let mut dates_at = |k: usize| -> Option<dates::FoundDate> {
            dates_of[k]
                .get_or_insert_with(|| {
                    let s = &sentences[k];
                    if !dates::may_have_date(folded.slice(s.start, s.end)) {
                        return None;
                    }
                    dates::find_dates_folded(folded.slice(s.start, s.end), published)
                        .into_iter()
                        .find(|f| recordable(f.date.start) && recordable(f.date.end))
                })
                .clone()
        };
        for (k, s) in sentences.iter().enumerate() {
            let sentence = &text[s.start..s.end];
            let sfold = folded.slice(s.start, s.end);
            // Mentions are in text order: those of this sentence are a run of them.
            let first = mentions.partition_point(|m| m.start < s.start);
            let in_sentence: Vec<&Mention> = mentions[first..].iter().take_while(|m| m.end <= s.end).collect();
            if in_sentence.is_empty() {
                continue; // no place, no event
            }
            let hits = self.rules.hits(sfold);
            let types = self.event_types(&hits, sfold, sentence);
            let mut sentence_facts: Option<(Claim, String)> = None;
            for (n, &(event_type, share, trigger_at)) in types.iter().enumerate() {
                let found_date = dates_at(k);
                let last_date = if found_date.is_some() {
                    None
                } else {
                    (0..k).rev().find_map(|j| dates_at(j).map(|d| (sentences[j].paragraph, d)))
                };
                let Some(mention) = self.event_place(&in_sentence, event_type, trigger_at, s) else { continue };
                let mut notes = Vec::new();
                let mut mention = match self.border_for(mention, event_type, sfold) {
                    Some(b) => {
                        notes.push(format!("{:?} read as its border with Afghanistan", mention.text));
                        b
                    }
                    None => mention.clone(),
                };
                if mention.place.is_none() {
                    // Two places share the name: a country named in the sentence may tell which.
                    let by_country: Vec<usize> = named_countries(&hits)
                        .into_iter()
                        .filter_map(|iso| {
                            let q = Query { country: Some(iso.to_string()), ..Query::new(mention.text.clone()) };
                            self.gz.resolve(&q).resolved().map(|c| c.place).filter(|p| mention.tied.contains(p))
                        })
                        .collect();
                    if let [p] = by_country[..] {
                        notes.push(format!(
                            "{:?} taken as {} by the country named in the sentence",
                            mention.text,
                            self.gz.id(p)
                        ));
                        mention.place = Some(p);
                        mention.tied.clear();
                    }
                }
                // The date: in the sentence, else earlier in the paragraph, else publication.
                let date = match (&found_date, &last_date, published) {
                    (Some(d), _, _) => {
                        notes.push(format!("date from {:?}", d.text));
                        d.date
                    }
                    (None, Some((p, d)), _) if *p == s.paragraph || follows_on(sfold) => {
                        notes.push(format!("date from {:?} earlier in the text", d.text));
                        d.date
                    }
                    (None, _, Some(p)) => {
                        notes.push("no date in the text: publication date".into());
                        EventDate { start: p, end: p, precision: crate::events::Precision::Day }
                    }
                    _ => {
                        left_out.push(format!(
                            "sentence {} ({} at {}): no date in the text and no publication date",
                            k + 1,
                            event_type.as_str(),
                            mention.text
                        ));
                        continue;
                    }
                };
                let (actor, actor2) = actors(event_type, &hits);
                // Who said it, and the quote, belong to the sentence: read once for its events.
                let (claim, quote) = sentence_facts.get_or_insert_with(|| {
                    let next = sentences
                        .get(k + 1)
                        .filter(|n| n.paragraph == s.paragraph)
                        .map(|n| (&text[n.start..n.end], folded.slice(n.start, n.end)));
                    (self.claim(sentence, sfold, &hits, next, article), one_line(sentence))
                });
                let claim = claim.clone();
                notes.extend(claim.notes.iter().cloned());
                if !mention.tied.is_empty() {
                    let ids: Vec<&str> = mention.tied.iter().map(|&p| self.gz.id(p)).collect();
                    notes.push(format!("place ambiguous: {}", ids.join(" / ")));
                }
                let confidence = confidence(
                    mention.place.is_some(),
                    found_date.is_some(),
                    !claim.claimed_by.is_empty(),
                    !actor.is_empty(),
                );
                out.push(CandidateEvent {
                    id: format!("{stem}-{:03}{}", k + 1, ["", "b", "c"][n.min(2)]),
                    date,
                    place: mention.text.clone(),
                    place_id: mention.place.map(|p| self.gz.id(p).to_string()),
                    event_type,
                    actor,
                    actor2,
                    claim_status: claim.status,
                    claimed_by: claim.claimed_by,
                    disputed_by: claim.disputed_by,
                    share,
                    source: article.source.clone(),
                    url: article.url.clone(),
                    source_date: published,
                    quote: quote.clone(),
                    notes: notes.join("; "),
                    confidence,
                    char_start: chars_before(text, s.start),
                    char_end: chars_before(text, s.end),
                });
            }
        }
        Extraction { events: out, left_out }
    }

    /// The event type a sentence announces, its share (control claims), and where its trigger
    /// is (folded offset).
    /// The events a sentence announces: a control claim (a control verb with a share) and the
    /// strongest trigger (the order of [`rules::TRIGGERS`]), each with where its trigger is
    /// (folded offset). "Drills next week near the border, where the Taliban claim to control
    /// 90 %" is two events.
    fn event_types(&self, hits: &[Hit], sfold: &str, sentence: &str) -> Vec<(EventType, Option<f64>, usize)> {
        let mut out = Vec::new();
        if let Some(h) = hits.iter().find(|h| h.rule == Rule::Control)
            && let Some(share) = rules::share_of(sfold).or_else(|| rules::percent_sign_share(sentence))
        {
            out.push((EventType::ControlClaim, Some(share), h.start));
        }
        let rank = |t: EventType| rules::TRIGGERS.iter().position(|(x, _)| *x == t).unwrap_or(usize::MAX);
        let strongest = hits
            .iter()
            .filter_map(|h| match h.rule {
                Rule::Trigger(t) => Some((t, h.start)),
                _ => None,
            })
            .min_by_key(|(t, at)| (rank(*t), *at));
        // A capture "under the control of" next to a control claim is the claim itself.
        if let Some((t, at)) = strongest
            && !(out.len() == 1 && t == EventType::Capture)
        {
            out.push((t, None, at));
        }
        out
    }

    /// The most precise place of the sentence, nearest the trigger.
    fn event_place<'m>(
        &self,
        ms: &[&'m Mention],
        t: EventType,
        trigger_at: usize,
        s: &Sentence,
    ) -> Option<&'m Mention> {
        let precision = |m: &Mention| {
            // A capital or country named as a government ("Moscow says", "Kabul denied",
            // "Russia will hold") is a speaker, not a place — unless a preposition or a verb of
            // taking puts it there ("in Kabul", "captured Kabul").
            let folded = fold::basic(&m.text);
            if ACTORS.iter().any(|(_, words)| words.contains(&folded.as_str())) {
                let placed = matches!(
                    m.context_before.trim_end().rsplit(' ').next().unwrap_or(""),
                    "in" | "at"
                        | "near"
                        | "to"
                        | "into"
                        | "from"
                        | "of"
                        | "on"
                        | "captured"
                        | "seized"
                        | "entered"
                        | "took"
                );
                return if placed { 3 } else { 9 };
            }
            match m.place.map(|p| self.gz.kind(p)) {
                // A share of a border is a claim about the border.
                Some(PlaceKind::Border) if t == EventType::ControlClaim => 0,
                Some(PlaceKind::Country) => 3,
                Some(PlaceKind::Border) => 2,
                Some(PlaceKind::Province) => 1,
                _ => 0,
            }
        };
        let trigger_byte = s.start + trigger_at;
        ms.iter().filter(|m| precision(m) < 9).min_by_key(|m| (precision(m), m.start.abs_diff(trigger_byte))).copied()
    }

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

    fn claim(&self, sentence: &str, sfold: &str, hits: &[Hit], next: Option<(&str, &str)>, article: &Article) -> Claim {
        let mut c = Claim {
            status: ClaimStatus::Claimed,
            claimed_by: String::new(),
            disputed_by: String::new(),
            notes: Vec::new(),
        };
        if let Some(h) = hits.iter().find(|h| h.rule == Rule::Attribution) {
            c.claimed_by = speaker(sentence, sfold, h);
        }
        if c.claimed_by.is_empty() {
            c.claimed_by = format!("reported by {}", article.source);
        }
        let mut consider = |hits: &[Hit], sentence: &str, sfold: &str, same: bool| {
            for h in hits {
                match h.rule {
                    Rule::Dispute(st) => {
                        // Denied outranks disputed.
                        if c.status != ClaimStatus::Denied {
                            c.status = st;
                        }
                        let who = speaker(sentence, sfold, h);
                        if !who.is_empty() && !c.disputed_by.contains(&who) {
                            if !c.disputed_by.is_empty() {
                                c.disputed_by.push_str("; ");
                            }
                            c.disputed_by.push_str(&who);
                        }
                    }
                    Rule::Unverified => {
                        c.notes.push(format!("unverified ({})", &sfold[h.start..h.end]));
                    }
                    Rule::Confirmation if same && c.status == ClaimStatus::Claimed => {
                        c.status = ClaimStatus::Confirmed;
                        c.notes.push("confirmed in the same sentence".into());
                    }
                    _ => {}
                }
            }
        };
        consider(hits, sentence, sfold, true);
        if let Some((n, nf)) = next {
            let nh = self.rules.hits(nf);
            // The next sentence disputes this one only when it has no event of its own.
            if !nh.iter().any(|h| matches!(h.rule, Rule::Trigger(_))) {
                consider(&nh, n, nf, false);
            }
        }
        c
    }
}

#[derive(Debug, Clone)]
struct Claim {
    status: ClaimStatus,
    claimed_by: String,
    disputed_by: String,
    notes: Vec<String>,
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
    ["afterwards", "afterward", "soon after", "later that", "the same day", "that day", "shortly after"]
        .iter()
        .any(|w| padded.contains(&format!(" {w} ")))
}

/// ISO3 of the countries named as actors in a sentence.
fn named_countries(hits: &[Hit]) -> Vec<&'static str> {
    let mut out = Vec::new();
    for h in hits {
        if let Rule::Actor(i) = h.rule {
            let iso = match ACTORS[i].0 {
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

/// The kind a few words before a name point to.
fn context_kind(context: &str) -> Option<PlaceKind> {
    let words: Vec<&str> = context.split(' ').rev().take(5).collect();
    if words.iter().any(|w| matches!(*w, "bridge" | "river" | "bank" | "banks" | "across" | "waters")) {
        return Some(PlaceKind::River);
    }
    if words.contains(&"district") {
        return Some(PlaceKind::District);
    }
    if words.contains(&"province") {
        return Some(PlaceKind::Province);
    }
    None
}

/// Actors for an event type from the actors named in the sentence.
fn actors(t: EventType, hits: &[Hit]) -> (String, String) {
    let mut named: Vec<&str> = Vec::new();
    for h in hits {
        if let Rule::Actor(i) = h.rule
            && !named.contains(&ACTORS[i].0)
        {
            named.push(ACTORS[i].0);
        }
    }
    let has = |a: &str| named.contains(&a);
    let (taliban, gov) = ("Taliban", "Afghan government forces");
    match t {
        EventType::Capture | EventType::FlagRaising | EventType::ControlClaim if has(taliban) => {
            (taliban.into(), if has(gov) { gov.into() } else { String::new() })
        }
        EventType::Recapture if has(gov) || has(taliban) => {
            (gov.into(), if has(taliban) { taliban.into() } else { String::new() })
        }
        EventType::FlightAcrossBorder => {
            let to = named.iter().find(|a| **a != taliban && **a != gov).map(|a| a.to_string()).unwrap_or_default();
            (gov.into(), to)
        }
        _ => (
            named.first().map(|a| a.to_string()).unwrap_or_default(),
            named.get(1).map(|a| a.to_string()).unwrap_or_default(),
        ),
    }
}

/// Who speaks at an attribution or dispute word: "X said" → X (the words before it back to a
/// comma or the sentence start, at most six); "according to X" → X.
fn speaker(sentence: &str, sfold: &str, h: &Hit) -> String {
    let word = &sfold[h.start..h.end];
    let words: Vec<&str> = sentence.split_whitespace().collect();
    let first = word.split(' ').next().unwrap_or("");
    // Rule words are ASCII: compare without folding every word of the sentence.
    let Some(at) =
        words.iter().position(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).eq_ignore_ascii_case(first))
    else {
        return String::new();
    };
    let take = |range: &[&str]| {
        let mut s: Vec<&str> = Vec::new();
        for w in range {
            let stop = w.ends_with(',') || w.ends_with('.') || w.ends_with(';');
            s.push(w.trim_end_matches([',', '.', ';']));
            if stop {
                break;
            }
        }
        s.join(" ").trim_matches(['"', '“', '”']).to_string()
    };
    let n = word.split(' ').count();
    let raw = if word == "according to" {
        take(&words[(at + n).min(words.len())..(at + n + 6).min(words.len())])
    } else {
        // Backwards to a comma or the start, past auxiliaries ("X, Y, was quoted as saying": Y).
        const AUXILIARIES: &[&str] = &["was", "were", "is", "are", "has", "had", "have", "also", "reportedly"];
        let is_break = |w: &str| w.ends_with(',') || w.ends_with(';') || w.ends_with('"') || w.ends_with('”');
        let back = |end: usize| -> (Vec<&str>, Option<usize>) {
            let mut s = Vec::new();
            for j in (end.saturating_sub(6)..end).rev() {
                if is_break(words[j]) {
                    return (s, Some(j));
                }
                s.push(words[j]);
            }
            (s, None)
        };
        let (mut s, comma) = back(at);
        s.retain(|w| !AUXILIARIES.contains(&w.to_ascii_lowercase().as_str()));
        if s.is_empty()
            && let Some(c) = comma
        {
            // Only auxiliaries after the comma: the speaker is the phrase before it.
            let (before, _) = back(c);
            s = std::iter::once(words[c].trim_end_matches([',', ';'])).chain(before).collect();
        }
        s.reverse();
        s.join(" ")
    };
    let raw = raw.trim_start_matches(|c: char| !c.is_alphanumeric()).trim();
    let raw = ["the ", "The ", "a ", "A ", "an ", "An "].iter().find_map(|a| raw.strip_prefix(a)).unwrap_or(raw);
    // A pronoun or a clause is no speaker.
    if raw.is_empty()
        || matches!(fold::basic(raw).as_str(), "he" | "she" | "they" | "it" | "we" | "i" | "which" | "who" | "that")
    {
        return String::new();
    }
    raw.to_string()
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
        (c.event_type.as_str(), c.place_id.clone().unwrap_or_else(|| fold::canonical(&c.place)), c.date.to_string())
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

/// The columns [`write_csv`] writes: the mapper's event record, then review columns the mapper
/// ignores.
pub const CSV_COLUMNS: [&str; 22] = [
    "id",
    "date",
    "time_precision",
    "place",
    "place_id",
    "lat",
    "lon",
    "type",
    "actor",
    "actor2",
    "claim_status",
    "claimed_by",
    "disputed_by",
    "share",
    "source",
    "url",
    "source_date",
    "quote",
    "notes",
    "confidence",
    "char_start",
    "char_end",
];

/// Writes candidates as an events CSV (what `bordermap map` reads).
pub fn write_csv(out: &mut dyn std::io::Write, cs: &[CandidateEvent]) -> std::io::Result<()> {
    let mut w = csv::WriterBuilder::new().terminator(csv::Terminator::Any(b'\n')).from_writer(out);
    w.write_record(CSV_COLUMNS)?;
    for c in cs {
        w.write_record(record(c))?;
    }
    w.flush()
}

/// A candidate as the mapper's event record plus the review columns, in the order of
/// [`CSV_COLUMNS`]: what every output format writes, so that each reads back in `map`.
pub fn record(c: &CandidateEvent) -> [String; CSV_COLUMNS.len()] {
    [
        c.id.clone(),
        c.date.to_string(),
        String::new(),
        c.place.clone(),
        c.place_id.clone().unwrap_or_default(),
        String::new(),
        String::new(),
        c.event_type.as_str().to_string(),
        c.actor.clone(),
        c.actor2.clone(),
        c.claim_status.as_str().to_string(),
        c.claimed_by.clone(),
        c.disputed_by.clone(),
        c.share.map(|s| s.to_string()).unwrap_or_default(),
        c.source.clone(),
        c.url.clone(),
        c.source_date.map(|d| d.to_string()).unwrap_or_default(),
        c.quote.clone(),
        c.notes.clone(),
        format!("{:.2}", c.confidence),
        c.char_start.to_string(),
        c.char_end.to_string(),
    ]
}

/// Candidates as JSON objects with the fields of [`CSV_COLUMNS`] (the mapper's names: `type`,
/// not `event_type`): one per line (JSON Lines, which `bordermap map` reads), or one array.
pub fn write_json(out: &mut dyn std::io::Write, cs: &[CandidateEvent], lines: bool) -> std::io::Result<()> {
    let object = |c: &CandidateEvent| -> serde_json::Map<String, serde_json::Value> {
        CSV_COLUMNS.iter().zip(record(c)).map(|(k, v)| (k.to_string(), serde_json::Value::String(v))).collect()
    };
    if lines {
        for c in cs {
            serde_json::to_writer(&mut *out, &object(c))?;
            writeln!(out)?;
        }
    } else {
        let all: Vec<_> = cs.iter().map(object).collect();
        serde_json::to_writer_pretty(&mut *out, &all)?;
        writeln!(out)?;
    }
    Ok(())
}
