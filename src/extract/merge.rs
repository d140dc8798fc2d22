//! The same event reported by several articles, merged into one candidate with every source.

use super::CandidateEvent;
use crate::events::ClaimStatus;
use crate::gazetteer::fold;

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
