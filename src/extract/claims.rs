//! Who claims and who disputes: the speaker at a verb of saying ("X said", "according to X",
//! "X told AFP"), kept only when it names a speaker (a noun of the rule file's `speaker` list,
//! an actor, or a capitalised name), never a fragment of the sentence; a pronoun ("he said")
//! is the last speaker the article named. Without a speaker, the outlet states it in its own
//! voice; without an outlet, `claimed_by` stays empty and a note says so.

use super::rules::{Hit, Rule, Rules};
use crate::events::ClaimStatus;
use crate::gazetteer::fold;

/// Where a sentence's events stand.
#[derive(Debug, Clone, PartialEq)]
pub struct Claim {
    /// The status.
    pub status: ClaimStatus,
    /// Who says so.
    pub claimed_by: String,
    /// Who disputes or denies it.
    pub disputed_by: String,
    /// How it was read.
    pub notes: Vec<String>,
}

/// Words that may start a speaker phrase but are not part of it.
const LEADING: &[&str] = &[
    "and",
    "but",
    "while",
    "as",
    "the",
    "a",
    "an",
    "also",
    "however",
    "meanwhile",
    "then",
    "when",
    "after",
    "before",
    "if",
    "since",
    "although",
    "though",
    "because",
    "where",
    "so",
];
/// Words that are no part of a name: a capitalised preposition or time word ("On Friday",
/// "Earlier"); weekdays and months are [`super::dates::weekday_of`] and
/// [`crate::events::date::MONTH_NAMES`].
const NOT_NAMES: &[&str] = &["on", "in", "at", "by", "earlier", "later", "today", "yesterday"];

/// Whether a folded word cannot be part of a speaker's name.
fn not_a_name(w: &str) -> bool {
    NOT_NAMES.contains(&w) || super::dates::weekday_of(w).is_some() || crate::events::date::MONTH_NAMES.contains(&w)
}
/// Auxiliaries between a speaker and the verb ("X, Y, was quoted as saying").
const AUXILIARIES: &[&str] =
    &["was", "were", "is", "are", "has", "had", "have", "also", "reportedly", "later", "earlier"];
/// Pronouns: a speaker named before.
const PRONOUNS: &[&str] = &["he", "she", "they", "it", "we", "i", "who", "which", "that", "this"];
/// Longest speaker phrase, in words.
const MAX_SPEAKER_WORDS: usize = 8;

/// The speaker at an attribution or dispute hit `h` of a sentence (original text and folded),
/// or `None` for a pronoun, or an empty string when what stands there is no speaker.
pub fn speaker(rules: &Rules, sentence: &str, sfold: &str, h: &Hit) -> Option<String> {
    let word = &sfold[h.start..h.end];
    let words: Vec<&str> = sentence.split_whitespace().collect();
    let first = word.split(' ').next().unwrap_or("");
    // Which occurrence of the word: count those before the hit in the folded text.
    let nth = sfold[..h.start].split(' ').filter(|w| *w == first).count();
    // The word as folded: ASCII words compare without folding (most of them).
    let is_first = |w: &str| {
        let t = w.trim_matches(|c: char| !c.is_alphanumeric());
        if t.is_ascii() && !t.contains(['\'', '-']) {
            t.eq_ignore_ascii_case(first)
        } else {
            fold::basic(w).split(' ').next() == Some(first)
        }
    };
    let at = words.iter().enumerate().filter(|(_, w)| is_first(w)).nth(nth).map(|(i, _)| i)?;
    let n = word.split(' ').count();
    let clean = |w: &str| w.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'' && c != '-').to_string();
    let phrase: Vec<String> = if word == "according to" || word == "quoted" || word == "cited" {
        let mut s = Vec::new();
        for w in words.iter().skip(at + n).take(MAX_SPEAKER_WORDS) {
            let stop = w.ends_with(',') || w.ends_with('.') || w.ends_with(';') || w.ends_with(':');
            s.push(clean(w));
            if stop {
                break;
            }
        }
        s
    } else {
        let is_break =
            |w: &str| w.ends_with(',') || w.ends_with(';') || w.ends_with('"') || w.ends_with('”') || w.ends_with(':');
        let back = |end: usize| -> (Vec<String>, Option<usize>) {
            let mut s = Vec::new();
            for j in (end.saturating_sub(MAX_SPEAKER_WORDS)..end).rev() {
                if is_break(words[j]) {
                    return (s, Some(j));
                }
                s.push(clean(words[j]));
            }
            (s, None)
        };
        let (mut s, comma) = back(at);
        s.retain(|w| !AUXILIARIES.contains(&w.to_ascii_lowercase().as_str()));
        if s.is_empty() {
            // After a quotation: "…," said the governor / the governor said.
            let mut after = Vec::new();
            for w in words.iter().skip(at + n).take(MAX_SPEAKER_WORDS) {
                let stop = w.ends_with(',') || w.ends_with('.') || w.ends_with(';');
                after.push(clean(w));
                if stop {
                    break;
                }
            }
            if let Some(c) = comma
                && !words[c].ends_with('"')
                && !words[c].ends_with('”')
            {
                // Only auxiliaries after the comma: the speaker is the phrase before it.
                let (before, _) = back(c);
                s = std::iter::once(clean(words[c])).chain(before).collect();
            } else if !after.is_empty() && !after[0].eq_ignore_ascii_case("that") {
                after.reverse();
                s = after;
            }
        }
        s.reverse();
        s
    };
    let mut phrase: Vec<String> = phrase.into_iter().filter(|w| !w.is_empty()).collect();
    // "The Taliban made huge gains and said …": the speaker is the subject before the
    // conjunction, its leading words only, not the clause.
    if let Some(k) = phrase.iter().rposition(|w| matches!(w.to_ascii_lowercase().as_str(), "and" | "but")) {
        let after: Vec<String> = phrase[k + 1..].to_vec();
        phrase = if after.is_empty() {
            phrase[..k]
                .iter()
                .take_while(|w| {
                    w.chars().next().is_some_and(char::is_uppercase)
                        || LEADING.contains(&w.to_ascii_lowercase().as_str())
                })
                .cloned()
                .collect()
        } else {
            after
        };
    }
    while phrase.first().is_some_and(|w| LEADING.contains(&w.to_ascii_lowercase().as_str())) {
        phrase.remove(0);
    }
    // "told AFP": the speaker is before "told", the outlet after it is not the speaker.
    let raw = phrase.join(" ");
    let folded = fold::basic(&raw);
    if folded.is_empty() {
        return Some(String::new());
    }
    if PRONOUNS.contains(&folded.as_str()) {
        return None;
    }
    Some(if is_speaker(rules, &raw) { raw } else { String::new() })
}

/// Whether a phrase names a speaker: a speaker noun, an actor, or a capitalised name.
pub fn is_speaker(rules: &Rules, raw: &str) -> bool {
    let folded = fold::basic(raw);
    if folded.split(' ').any(|w| rules.speaker_words.contains(w)) {
        return true;
    }
    if rules.hits(&folded).iter().any(|h| matches!(h.rule, Rule::Actor(_) | Rule::Force)) {
        return true;
    }
    // A name: every word capitalised (or a particle), at most five, no date word.
    let ws: Vec<&str> = raw.split_whitespace().collect();
    if folded.split(' ').any(not_a_name) {
        return false;
    }
    !ws.is_empty()
        && ws.len() <= 5
        && ws.iter().any(|w| w.chars().next().is_some_and(char::is_uppercase))
        && ws.iter().all(|w| {
            w.chars().next().is_some_and(char::is_uppercase) || matches!(*w, "of" | "al" | "ul" | "bin" | "de" | "the")
        })
}

/// The claim of a sentence's events: who says so, who disputes (in the sentence), what leaves
/// it unverified. `last_speaker` answers a pronoun; `outlet` speaks when no one else does.
pub fn sentence_claim(
    rules: &Rules,
    sentence: &str,
    sfold: &str,
    hits: &[Hit],
    last_speaker: Option<&str>,
    outlet: Option<&str>,
) -> Claim {
    let mut c = Claim {
        status: ClaimStatus::Claimed,
        claimed_by: String::new(),
        disputed_by: String::new(),
        notes: Vec::new(),
    };
    for h in hits.iter().filter(|h| h.rule == Rule::Attribution) {
        match speaker(rules, sentence, sfold, h) {
            Some(s) if !s.is_empty() => {
                c.claimed_by = s;
                break;
            }
            None if last_speaker.is_some() => {
                c.claimed_by = last_speaker.unwrap_or_default().to_string();
                c.notes.push(format!("speaker {:?} read as {:?}", &sfold[h.start..h.end], c.claimed_by));
                break;
            }
            _ => {}
        }
    }
    if c.claimed_by.is_empty() {
        match outlet {
            Some(o) => c.claimed_by = o.to_string(),
            None => c.notes.push("no speaker and no outlet named: claimed_by left empty".into()),
        }
    }
    apply_disputes(rules, &mut c, sentence, sfold, hits, true);
    c
}

/// Disputes, unverified words and confirmations of a sentence applied to a claim (`same`: the
/// claim's own sentence, where a confirmation counts).
pub fn apply_disputes(rules: &Rules, c: &mut Claim, sentence: &str, sfold: &str, hits: &[Hit], same: bool) {
    for h in hits {
        match h.rule {
            Rule::Dispute(st) => dispute(c, st, speaker(rules, sentence, sfold, h).unwrap_or_default()),
            Rule::Unverified => c.notes.push(format!("unverified ({})", &sfold[h.start..h.end])),
            Rule::Confirmation if same && c.status == ClaimStatus::Claimed => {
                c.status = ClaimStatus::Confirmed;
                c.notes.push("confirmed in the same sentence".into());
            }
            _ => {}
        }
    }
}

/// A dispute or denial by `who` (denied outranks disputed).
pub fn dispute(c: &mut Claim, st: ClaimStatus, who: String) {
    if c.status != ClaimStatus::Denied {
        c.status = st;
    }
    if !who.is_empty() && !c.disputed_by.split("; ").any(|x| x == who) {
        if !c.disputed_by.is_empty() {
            c.disputed_by.push_str("; ");
        }
        c.disputed_by.push_str(&who);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn who(sentence: &str) -> Option<String> {
        let r = Rules::new();
        let f = fold::basic(sentence);
        let h = r.hits(&f).into_iter().find(|h| matches!(h.rule, Rule::Attribution | Rule::Dispute(_)))?;
        speaker(&r, sentence, &f, &h)
    }

    #[test]
    fn speakers_are_names_or_roles_never_fragments() {
        assert_eq!(who("The Taliban seized the crossing, a Taliban spokesman said.").unwrap(), "Taliban spokesman");
        assert_eq!(who("The post fell, according to the Tajik border service.").unwrap(), "Tajik border service");
        assert_eq!(who("\"It is ours,\" said the district governor.").unwrap(), "district governor");
        assert_eq!(
            who("The Taliban made huge military gains and said they held Islam Qala").unwrap(),
            "Taliban",
            "not the clause"
        );
        assert_eq!(
            who("Fighting went on all day and officials said the post fell").unwrap(),
            "officials",
            "after the conjunction"
        );
        assert_eq!(who("made huge military gains and said it").unwrap(), "", "no subject: no speaker");
        assert_eq!(
            who("and a Taliban government spokesman said it was theirs").unwrap(),
            "Taliban government spokesman"
        );
        assert_eq!(who("Haji Rahmat Khan told AFP the crossing fell").unwrap(), "Haji Rahmat Khan");
        assert_eq!(who("he said the crossing fell"), None, "a pronoun");
        assert_eq!(who("The interior ministry rejected the reports.").unwrap(), "interior ministry");
    }

    #[test]
    fn claims_fall_back_to_the_outlet_or_say_none() {
        let r = Rules::new();
        let s = "The Taliban took Zaranj on Friday.";
        let f = fold::basic(s);
        let c = sentence_claim(&r, s, &f, &r.hits(&f), None, Some("AFP"));
        assert_eq!(c.claimed_by, "AFP");
        let c = sentence_claim(&r, s, &f, &r.hits(&f), None, None);
        assert_eq!(c.claimed_by, "");
        assert!(c.notes[0].contains("no speaker"), "{:?}", c.notes);
        let s = "The city has fallen, he said.";
        let f = fold::basic(s);
        let c = sentence_claim(&r, s, &f, &r.hits(&f), Some("the deputy governor"), None);
        assert_eq!(c.claimed_by, "the deputy governor");
    }
}
