//! Hints that settle an ambiguous name: for each tied candidate, the `--kind`, `--country` (or
//! both) that makes `resolve` answer it alone, checked by resolving again, else its place id.
//! The ambiguity messages offer only these.

use serde::Serialize;

use super::PlaceKind;
use super::resolve::{PlaceFacts, Query, Resolution, Status};

/// A hint that, added to a query, makes an ambiguous name resolve to one of its candidates.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Hint {
    /// `--kind`.
    Kind(PlaceKind),
    /// `--country`.
    Country(String),
    /// `--kind` and `--country` together.
    KindAndCountry(PlaceKind, String),
    /// Nothing in a query separates it: name the place by id (an events file's `place_id`).
    PlaceId(String),
}

impl Hint {
    /// The query with this hint added (a place id changes nothing: it is not a query hint).
    pub fn apply(&self, q: &Query) -> Query {
        let mut q = q.clone();
        match self {
            Hint::Kind(k) => q.kind = Some(*k),
            Hint::Country(c) => q.country = Some(c.clone()),
            Hint::KindAndCountry(k, c) => {
                q.kind = Some(*k);
                q.country = Some(c.clone());
            }
            Hint::PlaceId(_) => {}
        }
        q
    }
}

impl std::fmt::Display for Hint {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Hint::Kind(k) => write!(f, "--kind {k}"),
            Hint::Country(c) => write!(f, "--country {c}"),
            Hint::KindAndCountry(k, c) => write!(f, "--kind {k} --country {c}"),
            Hint::PlaceId(id) => write!(f, "place_id {id}"),
        }
    }
}

/// For each candidate tied in `r` (the resolution of `q`), the hints that really settle the
/// name for it: a `--kind` or `--country` (or both) that, added to `q`, makes `resolve` answer
/// that candidate alone — each one checked by resolving again — or, when none does, its place
/// id. `countries(place)` gives a place's ISO3 codes. Empty unless `r` is ambiguous.
pub fn separating_hints<P: PlaceFacts + ?Sized>(
    places: &P,
    q: &Query,
    r: &Resolution,
    countries: &dyn Fn(usize) -> Vec<String>,
    resolve: &dyn Fn(&Query) -> Resolution,
) -> Vec<(usize, Vec<Hint>)> {
    if r.status != Status::Ambiguous {
        return Vec::new();
    }
    let works = |h: &Hint, place: usize| resolve(&h.apply(q)).resolved().is_some_and(|c| c.place == place);
    r.tied()
        .iter()
        .map(|c| {
            let kind = places.kind(c.place);
            let cs = countries(c.place);
            let mut tried: Vec<Hint> = Vec::new();
            if q.kind.is_none() {
                tried.push(Hint::Kind(kind));
            }
            if q.country.is_none() {
                tried.extend(cs.iter().map(|c| Hint::Country(c.clone())));
            }
            let mut ok: Vec<Hint> = tried.into_iter().filter(|h| works(h, c.place)).collect();
            if ok.is_empty() && q.kind.is_none() && q.country.is_none() {
                ok = cs.iter().map(|cc| Hint::KindAndCountry(kind, cc.clone())).filter(|h| works(h, c.place)).collect();
            }
            if ok.is_empty() {
                ok.push(Hint::PlaceId(places.id(c.place).to_string()));
            }
            (c.place, ok)
        })
        .collect()
}
