//! Claims across the article: denials and disputes that answer a claim made sentences or
//! paragraphs away, and the repeats of one event in one article (a headline and its lead; a
//! flight at a whole border restating one at a place) dropped, what they said kept.

use super::clause::words_between;
use super::rules::{Hit, Rule};
use super::text::{Folded, Sentence};
use super::{CandidateEvent, Extractor, claims};
use crate::events::{ClaimStatus, EventDate, EventType};
use crate::gazetteer::{PlaceFacts, PlaceKind, fold};

/// A negated trigger: who denies what, where.
#[derive(Debug, Clone)]
pub(super) struct Denial {
    pub(super) sentence: usize,
    pub(super) t: EventType,
    pub(super) places: Vec<usize>,
    pub(super) by: String,
}

/// Whether two dates share a day (a day inside a range, equal days).
pub(super) fn overlap(a: Option<EventDate>, b: Option<EventDate>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => a.start <= b.end && b.start <= a.end,
        (None, None) => true,
        _ => false,
    }
}

/// Candidates without the repeats of one article: the same type at the same place, where one
/// is dated only by the publication (a headline repeating the lead) or both on the same day.
pub(super) fn drop_repeats(all: Vec<CandidateEvent>, origin: &[(usize, i8, bool)]) -> Vec<CandidateEvent> {
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

/// Appends a note (`; `-separated) unless it is there.
pub(super) fn push_note(notes: &mut String, n: &str) {
    if notes.split("; ").any(|x| x == n) {
        return;
    }
    if !notes.is_empty() {
        notes.push_str("; ");
    }
    notes.push_str(n);
}

impl Extractor<'_> {
    /// Denials and disputes that answer claims made elsewhere in the article: a negated trigger
    /// ("had not fallen") denies the claims of its type and place anywhere in the article; a
    /// sentence without events of its own disputes the claims whose place it names, or —
    /// when it points back ("the reports", "the claim") or follows in the same paragraph —
    /// the claims of the last sentence that made any, up to two paragraphs back.
    #[allow(clippy::too_many_arguments)]
    pub(super) fn answer_back(
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
                            && (d.end <= r.start && words_between(sfold, d.end, r.start) <= 3
                                || !pronoun && r.end <= d.start && words_between(sfold, r.end, d.start) <= 4)
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

    /// "84 servicemen crossed the border" after "… crossed the Friendship Bridge on 14 August":
    /// a flight at a whole border restates one at a place when both are in the article and
    /// their dates meet; the one at the place stays.
    pub(super) fn drop_border_restatements(&self, events: Vec<CandidateEvent>) -> Vec<CandidateEvent> {
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
}
