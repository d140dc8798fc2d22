//! The words that make a sentence an event: what happened (event type), who did it (actors),
//! who said so (attribution), who disputed it, and what makes a trigger no event (negation, a
//! plan). The vocabulary is data, not code: `src/extract/rules.txt` (its header documents the
//! format), parsed once into one automaton matched on the folded sentence (see
//! [`super::text::Folded`]) at word boundaries. `verb take = take takes took taken` lets a
//! phrase say `<take> over` once for every inflection.

use std::collections::HashMap;

use aho_corasick::{AhoCorasick, MatchKind};

use crate::events::{ClaimStatus, EventType};
use crate::gazetteer::fold;

/// The bundled rule file.
pub const RULES_TXT: &str = include_str!("rules.txt");

/// What a phrase of the rule file stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rule {
    /// An event type trigger; `object`: only with a place in the next words; `passive`: the
    /// actor is named after it.
    Trigger {
        /// The type.
        t: EventType,
        /// Needs a place right after it.
        object: bool,
        /// The actor follows ("fell to the Taliban").
        passive: bool,
        /// The side named after it lost the place ("was handed over by border police").
        loser: bool,
    },
    /// A control verb (with a share nearby: a control claim).
    Control,
    /// An actor: index into [`Rules::actor_names`].
    Actor(u16),
    /// Armed men without a nationality.
    Force,
    /// Attribution.
    Attribution,
    /// A dispute or denial.
    Dispute(ClaimStatus),
    /// Unverified.
    Unverified,
    /// Confirmation.
    Confirmation,
    /// Negates a trigger just after it.
    Negation,
    /// Makes a trigger after it a plan or a possibility.
    Modal,
    /// Points back at an earlier claim ("the reports").
    Refer,
    /// Looks like a trigger and is none ("exercise restraint").
    Ignore,
    /// The first part of a phrase with a gap (`<send> ... back`): index into the split table.
    Split(u16),
}

/// A rule met in a sentence, at folded byte offsets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    /// What it is.
    pub rule: Rule,
    /// Start in the folded sentence.
    pub start: usize,
    /// End in the folded sentence.
    pub end: usize,
}

/// The parsed rule file: one automaton over every phrase.
pub struct Rules {
    ac: AhoCorasick,
    rules: Vec<Rule>,
    /// Actor names, as `Rule::Actor` indexes them.
    pub actor_names: Vec<String>,
    /// The actor that armed men without a nationality stand for.
    pub force_default: String,
    /// Event types in the order the file first names them (earlier wins).
    pub type_order: Vec<EventType>,
    /// Nouns that make a phrase a speaker.
    pub speaker_words: std::collections::HashSet<String>,
    /// Phrases with a gap: for each head, the tails that may follow it within
    /// [`GAP_WORDS`] words, and what the whole stands for.
    splits: Vec<Vec<(String, Rule)>>,
    /// For a head that is also a phrase of its own, what it stands for alone.
    fallback: Vec<Option<Rule>>,
    /// The actor of an event type when the sentence names none (`default TYPE: NAME`).
    pub defaults: HashMap<EventType, String>,
}

/// How many words a gap (`...`) in a phrase may hold.
pub const GAP_WORDS: usize = 6;

impl std::fmt::Debug for Rules {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Rules").field("phrases", &self.rules.len()).finish()
    }
}

/// A fault in a rule file: its line and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuleError {
    /// 1-based line.
    pub line: usize,
    /// What is wrong, with a hint.
    pub message: String,
}

impl std::fmt::Display for RuleError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "line {}: {}", self.line, self.message)
    }
}

/// Longest rule file line read; longer is an error (a rule file is small).
const MAX_LINE: usize = 500;

impl Rules {
    /// The bundled rules.
    pub fn new() -> Self {
        Self::parse(RULES_TXT).expect("the bundled rules.txt parses (tested)")
    }

    /// Parses a rule file (format: the header of `rules.txt`).
    pub fn parse(src: &str) -> Result<Self, RuleError> {
        let mut verbs: HashMap<String, Vec<String>> = HashMap::new();
        let mut phrases: Vec<String> = Vec::new();
        let mut rules: Vec<Rule> = Vec::new();
        let mut seen: HashMap<String, usize> = HashMap::new();
        let mut actor_names: Vec<String> = Vec::new();
        let mut force_default = String::new();
        let mut type_order: Vec<EventType> = Vec::new();
        let mut speaker_words = std::collections::HashSet::new();
        let mut splits: Vec<Vec<(String, Rule)>> = Vec::new();
        let mut fallback: Vec<Option<Rule>> = Vec::new();
        let mut defaults: HashMap<EventType, String> = HashMap::new();
        let mut split_of: HashMap<String, usize> = HashMap::new();
        for (n, raw) in src.lines().enumerate() {
            let line_no = n + 1;
            let err = |message: String| RuleError { line: line_no, message };
            if raw.len() > MAX_LINE {
                return Err(err(format!("longer than {MAX_LINE} bytes")));
            }
            let line = raw.split('#').next().unwrap_or("").trim();
            if line.is_empty() {
                continue;
            }
            if let Some(def) = line.strip_prefix("verb ") {
                let (lemma, forms) =
                    def.split_once('=').ok_or_else(|| err("a verb line is `verb LEMMA = FORM FORM …`".into()))?;
                let forms: Vec<String> = forms.split_whitespace().map(fold::basic).collect();
                if forms.is_empty() {
                    return Err(err(format!("verb {:?} has no forms", lemma.trim())));
                }
                if verbs.insert(lemma.trim().to_string(), forms).is_some() {
                    return Err(err(format!("verb {:?} is defined twice", lemma.trim())));
                }
                continue;
            }
            let (key, phrase) = line
                .split_once(':')
                .ok_or_else(|| err("expected `KEY: PHRASE` or `verb LEMMA = FORMS` (see the header)".into()))?;
            let phrase = phrase.trim();
            if phrase.is_empty() {
                return Err(err(format!("{key:?} has no phrase")));
            }
            let (key, flag) = match key.trim().split_once('[') {
                Some((k, f)) => (k.trim(), Some(f.trim_end_matches(']').trim())),
                None => (key.trim(), None),
            };
            if let Some(t) = key.strip_prefix("default ") {
                let t: EventType = t.parse().map_err(|e| err(format!("default: {e}")))?;
                defaults.insert(t, phrase.to_string());
                continue;
            }
            let rule = if let Some(name) = key.strip_prefix("actor ") {
                let name = name.trim().to_string();
                let i = actor_names.iter().position(|a| *a == name).unwrap_or_else(|| {
                    actor_names.push(name);
                    actor_names.len() - 1
                });
                Rule::Actor(i as u16)
            } else {
                match key {
                    "control" => Rule::Control,
                    "force" => Rule::Force,
                    "force default" => {
                        force_default = phrase.to_string();
                        continue;
                    }
                    "speaker" => {
                        speaker_words.insert(fold::basic(phrase));
                        continue;
                    }
                    "attribution" => Rule::Attribution,
                    "denied" => Rule::Dispute(ClaimStatus::Denied),
                    "disputed" => Rule::Dispute(ClaimStatus::Disputed),
                    "unverified" => Rule::Unverified,
                    "confirmed" => Rule::Confirmation,
                    "negation" => Rule::Negation,
                    "modal" => Rule::Modal,
                    "refer" => Rule::Refer,
                    "ignore" => Rule::Ignore,
                    other => {
                        let t: EventType = other.parse().map_err(|_| {
                            err(format!("unknown key {other:?}: an event type, actor NAME, force, control, attribution, denied, disputed, unverified, confirmed, negation, modal, speaker, refer, ignore"))
                        })?;
                        if !type_order.contains(&t) {
                            type_order.push(t);
                        }
                        Rule::Trigger {
                            t,
                            object: flag == Some("object"),
                            passive: flag == Some("by") || flag == Some("loser"),
                            loser: flag == Some("loser"),
                        }
                    }
                }
            };
            if let Some(f) = flag
                && (!matches!(rule, Rule::Trigger { .. }) || !matches!(f, "object" | "by" | "loser"))
            {
                return Err(err(format!("unknown flag [{f}]: [object], [by] or [loser], on triggers only")));
            }
            if let Some((head, tail)) = phrase.split_once(" ... ") {
                let tails = expand(tail, &verbs).map_err(err)?;
                for h in expand(head, &verbs).map_err(err)? {
                    let k = *split_of.entry(h.clone()).or_insert_with(|| {
                        splits.push(Vec::new());
                        fallback.push(None);
                        splits.len() - 1
                    });
                    splits[k].extend(tails.iter().map(|t| (t.clone(), rule)));
                    let r = Rule::Split(k as u16);
                    if let Some(&prev) = seen.get(&h) {
                        // A head that is a phrase of its own ("take" in `<take> ... back from`
                        // and `capture [object]: <take>`): the phrase stands when no tail follows.
                        if rules[prev] != r {
                            if fallback[k].is_some_and(|f| f != rules[prev]) || matches!(rules[prev], Rule::Split(_)) {
                                return Err(err(format!("{h:?} is already a phrase of another rule")));
                            }
                            fallback[k] = Some(rules[prev]);
                            rules[prev] = r;
                        }
                        continue;
                    }
                    seen.insert(h.clone(), phrases.len());
                    phrases.push(h);
                    rules.push(r);
                }
                continue;
            }
            for p in expand(phrase, &verbs).map_err(err)? {
                if let Some(&prev) = seen.get(&p) {
                    // The head of a gapped phrase: this rule stands when no tail follows.
                    if let Rule::Split(k) = rules[prev] {
                        let f = &mut fallback[k as usize];
                        if f.is_some_and(|f| f != rule) {
                            return Err(err(format!("{p:?} is already a phrase of another rule")));
                        }
                        *f = Some(rule);
                        continue;
                    }
                    if rules[prev] != rule {
                        return Err(err(format!("{p:?} is already a phrase of another rule")));
                    }
                    continue;
                }
                seen.insert(p.clone(), phrases.len());
                phrases.push(p);
                rules.push(rule);
            }
        }
        if phrases.is_empty() {
            return Err(RuleError { line: 0, message: "no rules".into() });
        }
        if force_default.is_empty() {
            force_default = "Afghan government forces".into();
        }
        // A few thousand phrases (verbs expanded): a full DFA is megabytes and misses the
        // cache; the contiguous NFA was measured faster (extract_scale: 3.6–6.1k → 6.6–8.2k
        // articles/s).
        let ac = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .kind(Some(aho_corasick::AhoCorasickKind::ContiguousNFA))
            .build(&phrases)
            .map_err(|e| RuleError { line: 0, message: format!("automaton: {e}") })?;
        Ok(Rules { ac, rules, actor_names, force_default, type_order, speaker_words, splits, fallback, defaults })
    }

    /// The rules met in a folded sentence, at word boundaries, in order.
    pub fn hits(&self, folded: &str) -> Vec<Hit> {
        let b = folded.as_bytes();
        let mut out: Vec<Hit> = Vec::new();
        for m in self.ac.find_iter(folded) {
            if !((m.start() == 0 || b[m.start() - 1] == b' ') && (m.end() == b.len() || b[m.end()] == b' ')) {
                continue;
            }
            let rule = self.rules[m.pattern().as_usize()];
            let Rule::Split(k) = rule else {
                out.push(Hit { rule, start: m.start(), end: m.end() });
                continue;
            };
            // A head: the whole phrase when a tail follows within the gap, else the head's own
            // rule if it has one.
            let mut at = m.end();
            let before = out.len();
            'gap: for _ in 0..=GAP_WORDS {
                let rest = &folded[at..];
                let rest = rest.strip_prefix(' ').unwrap_or(rest);
                let base = folded.len() - rest.len();
                for (tail, r) in &self.splits[k as usize] {
                    if rest.starts_with(tail.as_str()) && rest.as_bytes().get(tail.len()).is_none_or(|&c| c == b' ') {
                        out.push(Hit { rule: *r, start: m.start(), end: base + tail.len() });
                        break 'gap;
                    }
                }
                match rest.find(' ') {
                    Some(i) => at = base + i,
                    None => break,
                }
            }
            if out.len() == before
                && let Some(r) = self.fallback[k as usize]
            {
                out.push(Hit { rule: r, start: m.start(), end: m.end() });
            }
        }
        // A gapped phrase may enclose hits found inside it ("sent hundreds of Afghans back"):
        // the gapped one stands, the enclosed go.
        let spans: Vec<(usize, usize)> = out.iter().filter(|h| h.end - h.start > 0).map(|h| (h.start, h.end)).collect();
        out.retain(|h| {
            !matches!(h.rule, Rule::Trigger { .. } | Rule::Control)
                || !spans.iter().any(|&(s, e)| s <= h.start && h.end <= e && (s, e) != (h.start, h.end))
        });
        out.sort_by_key(|h| h.start);
        out
    }

    /// Rank of an event type: lower wins.
    pub fn rank(&self, t: EventType) -> usize {
        self.type_order.iter().position(|x| *x == t).unwrap_or(usize::MAX)
    }

    /// The actor's name.
    pub fn actor(&self, i: u16) -> &str {
        &self.actor_names[i as usize]
    }

    /// The number of phrases (after expanding verbs).
    pub fn len(&self) -> usize {
        self.rules.len()
    }

    /// Whether there are none (never, for a parsed file).
    pub fn is_empty(&self) -> bool {
        self.rules.is_empty()
    }
}

/// A phrase with its `<verb>`s expanded to every form, folded.
fn expand(phrase: &str, verbs: &HashMap<String, Vec<String>>) -> Result<Vec<String>, String> {
    let mut out = vec![String::new()];
    for word in phrase.split_whitespace() {
        let forms: Vec<String> = match word.strip_prefix('<').and_then(|w| w.strip_suffix('>')) {
            Some(lemma) => verbs
                .get(lemma)
                .cloned()
                .ok_or_else(|| format!("<{lemma}> is not a verb of this file: add `verb {lemma} = …` above"))?,
            None => vec![fold::basic(word)],
        };
        out = out
            .iter()
            .flat_map(|head| forms.iter().map(move |f| if head.is_empty() { f.clone() } else { format!("{head} {f}") }))
            .collect();
    }
    out.retain(|p| !p.is_empty());
    if out.is_empty() {
        return Err(format!("{phrase:?} folds to nothing"));
    }
    Ok(out)
}

impl Default for Rules {
    fn default() -> Self {
        Self::new()
    }
}

/// A share of something in a folded sentence: "two thirds", "70 percent", "90 per cent",
/// "half", "most of" is not a number and gives none.
pub fn share_of(folded: &str) -> Option<f64> {
    const HINTS: &[&str] = &["third", "quarter", "half", "whole", "entire", "every", "all ", "full control"];
    const WORDS: &[(&str, f64)] = &[
        ("two thirds", 2.0 / 3.0),
        ("one third", 1.0 / 3.0),
        ("a third", 1.0 / 3.0),
        ("three quarters", 0.75),
        ("a quarter", 0.25),
        ("one quarter", 0.25),
        ("half", 0.5),
        ("the whole of", 1.0),
        ("the whole", 1.0),
        ("every district", 1.0),
        ("all the districts", 1.0),
        ("the entire", 1.0),
        ("all crossings", 1.0),
        ("all the crossings", 1.0),
        ("all districts", 1.0),
        ("all roads", 1.0),
        ("full control", 1.0),
        ("entirely in", 1.0),
        ("entirety of", 1.0),
    ];
    let round = |v: f64| (v * 1000.0).round() / 1000.0;
    // Numbers first, and only when there is a digit: "70 percent", "26 of … 28 districts".
    if folded.bytes().any(|b| b.is_ascii_digit()) {
        let words: Vec<&str> = folded.split(' ').collect();
        for (i, w) in words.iter().enumerate() {
            let Ok(n) = w.parse::<f64>() else { continue };
            let next = words.get(i + 1).copied().unwrap_or("");
            if matches!(next, "percent" | "per" | "pct") && (0.0..=100.0).contains(&n) {
                return Some(round(n / 100.0));
            }
            if next == "of"
                && let Some(m) = words[i + 2..(i + 5).min(words.len())].iter().find_map(|x| x.parse::<f64>().ok())
                && m > n
                && n > 0.0
            {
                return Some(round(n / m));
            }
        }
    }
    // Words, only when one of them is there ("70%": the folded text drops the sign; the
    // original is checked by the caller).
    if !HINTS.iter().any(|h| folded.contains(h)) {
        return None;
    }
    let padded = format!(" {folded} ");
    // "the second half of July" is a time, not a share.
    let padded = padded.replace(" first half ", " ").replace(" second half ", " ");
    WORDS.iter().find(|(p, _)| padded.contains(&format!(" {p} "))).map(|(_, v)| round(*v))
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

    fn trig(r: &Rules, s: &str) -> Vec<EventType> {
        r.hits(&basic(s))
            .into_iter()
            .filter_map(|h| match h.rule {
                Rule::Trigger { t, .. } => Some(t),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn the_bundled_file_parses_and_expands_inflections() {
        let r = Rules::new();
        assert!(r.len() > 500, "{}", r.len());
        for s in [
            "the town has fallen to the Taliban",
            "fighters overran the post",
            "they had taken over the city",
            "was seized",
            "the crossing fell",
            "the post was overrun",
        ] {
            assert_eq!(trig(&r, s), [EventType::Capture], "{s}");
        }
        assert_eq!(trig(&r, "Government forces retook the town"), [EventType::Recapture]);
        assert!(!trig(&r, "the recaptured post").contains(&EventType::Capture), "recaptured is not captured");
        assert_eq!(
            trig(&r, "soldiers abandoned their posts and crossed into Tajikistan"),
            [EventType::FlightAcrossBorder]
        );
        assert!(r.actor_names.iter().any(|a| a == "Taliban"));
        assert!(r.speaker_words.contains("spokesman"));
        assert_eq!(r.rank(EventType::Recapture), 0);
    }

    #[test]
    fn flags_negation_and_modality_are_hits() {
        let r = Rules::new();
        let h = r.hits(&basic("fighters took Zaranj"));
        assert!(matches!(h[0].rule, Rule::Trigger { t: EventType::Capture, object: true, passive: false, .. }));
        let h = r.hits(&basic("fell to the Taliban"));
        assert!(matches!(h[0].rule, Rule::Trigger { passive: true, .. }));
        let rules: Vec<Rule> = r.hits(&basic("the district had not fallen")).into_iter().map(|h| h.rule).collect();
        assert!(rules.contains(&Rule::Negation));
        let rules: Vec<Rule> = r.hits(&basic("the CSTO will hold exercises")).into_iter().map(|h| h.rule).collect();
        assert!(rules.contains(&Rule::Modal));
        assert!(
            r.hits(&basic("the claim was dismissed as a lie"))
                .iter()
                .any(|h| h.rule == Rule::Dispute(ClaimStatus::Denied))
        );
    }

    #[test]
    fn rule_file_faults_name_their_line() {
        let e = Rules::parse("capture: <grab>\n").unwrap_err();
        assert_eq!(e.line, 1);
        assert!(e.message.contains("verb grab"), "{e}");
        let e = Rules::parse("# c\n\nkapture: took\n").unwrap_err();
        assert_eq!(e.line, 3);
        assert!(e.message.contains("unknown key"), "{e}");
        let e = Rules::parse("capture: took\nclash: took\n").unwrap_err();
        assert!(e.message.contains("another rule"), "{e}");
        let e = Rules::parse("attribution [object]: said\n").unwrap_err();
        assert!(e.message.contains("flag"), "{e}");
        assert!(Rules::parse("").is_err());
        let ok = Rules::parse("verb grab = grab grabs grabbed\ncapture: <grab>\n").unwrap();
        assert_eq!(ok.len(), 3);
    }

    #[test]
    fn phrases_with_a_gap() {
        let r = Rules::parse("verb send = send sent\nrefused_entry: <send> ... back\nactor Afghan: afghans\n").unwrap();
        let h = r.hits(&basic("guards sent hundreds of undocumented Afghans back on Monday"));
        assert_eq!(h.len(), 2, "{h:?}");
        assert!(matches!(h[0].rule, Rule::Trigger { t: EventType::RefusedEntry, .. }));
        assert!(matches!(h[1].rule, Rule::Actor(_)), "an actor inside the gap stays");
        assert!(
            r.hits(&basic("guards sent a letter to the ministry about the matter and went back")).is_empty(),
            "too far"
        );
        assert!(r.hits(&basic("they sent it")).is_empty());
        // A head that is a phrase of its own stands alone when no tail follows.
        let r =
            Rules::parse("verb take = take took\ncapture [object]: <take>\nrecapture: <take> ... back from\n").unwrap();
        let one = |s: &str| r.hits(&basic(s)).into_iter().map(|h| h.rule).collect::<Vec<_>>();
        assert!(matches!(
            one("militias took Khwahan back from the militants")[..],
            [Rule::Trigger { t: EventType::Recapture, .. }]
        ));
        assert!(matches!(one("fighters took Khwahan")[..], [Rule::Trigger { t: EventType::Capture, .. }]));
    }

    proptest::proptest! {
        #[test]
        fn any_rule_file_parses_or_names_a_line(src in "(verb [a-z]{1,5} = [a-z ]{0,12}\n|[a-z_ ]{1,14}(\\[[a-z]{0,6}\\])?: [a-z<> .]{0,20}\n|#[^\n]{0,10}\n){0,12}") {
            match Rules::parse(&src) {
                Ok(r) => {
                    let f = basic("they took zaranj and fell back to the border");
                    for h in r.hits(&f) {
                        proptest::prop_assert!(h.start <= h.end && h.end <= f.len());
                    }
                }
                Err(e) => proptest::prop_assert!(e.line <= src.lines().count()),
            }
        }
    }

    #[test]
    fn shares() {
        assert_eq!(share_of(&basic("controls two-thirds of the border")), Some(0.667));
        assert_eq!(share_of(&basic("holds 85 percent of the frontier")), Some(0.85));
        assert_eq!(share_of(&basic("nearly 90 per cent")), Some(0.9));
        assert_eq!(percent_sign_share("control 70% of the border"), Some(0.7));
        assert_eq!(share_of(&basic("controls most of the border")), None);
        assert_eq!(share_of(&basic("now control 26 of Badakhshan's 28 districts")), Some(0.929));
    }
}
