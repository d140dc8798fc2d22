//! The phrase bank (`tests/data/corpus/phrases.csv`): 400 one-sentence reports, each naming
//! one place, in the ways outlets phrase each event type — and the ways that are no event
//! (denials, plans, idioms). It is development material, like the corpus's dev split: the rule
//! file was extended against it. The floors are the figures at the time of writing, so that a
//! change that loses vocabulary fails here with the sentences it lost.

use std::collections::BTreeMap;
use std::path::Path;

use bordermap::extract::{Article, Extractor};
use bordermap::gazetteer::Gazetteer;

#[test]
fn the_phrase_bank_is_read_as_its_author_meant() {
    let gz = Gazetteer::bundled().unwrap();
    let ex = Extractor::new(&gz);
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/corpus/phrases.csv");
    let mut r = csv::Reader::from_path(path).unwrap();
    // polarity → (right, all), and the first wrong ones of each.
    let mut tally: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    let mut wrong: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for row in r.records().map(Result::unwrap) {
        let (t, polarity, sentence) = (&row[0], &row[1], &row[2]);
        let article = Article {
            text: sentence.to_string(),
            source: "phrase".into(),
            published: Some(jiff::civil::date(2021, 7, 10)),
            ..Article::default()
        };
        let found: Vec<String> = ex.extract(&article).into_iter().map(|c| c.event_type.as_str().to_string()).collect();
        let right = match polarity {
            "event" => found.iter().any(|f| f == t),
            "none" => found.is_empty(),
            _ => !found.iter().any(|f| f == t),
        };
        let e = tally.entry(polarity.to_string()).or_default();
        e.1 += 1;
        if right {
            e.0 += 1;
        } else {
            wrong.entry(polarity.to_string()).or_default().push(format!("[{t}] {sentence} -> {found:?}"));
        }
    }
    for (p, (right, all)) in &tally {
        eprintln!("{p}: {right}/{all}");
        for w in wrong.get(p).into_iter().flatten().take(5) {
            eprintln!("  {w}");
        }
    }
    let share = |p: &str| tally.get(p).map_or(0.0, |(r, a)| *r as f64 / *a as f64);
    assert_eq!(tally.values().map(|v| v.1).sum::<usize>(), 400);
    assert!(share("event") >= 0.78, "events found: {:.2}", share("event"));
    assert!(share("negated") >= 0.9, "denials not read as events: {:.2}", share("negated"));
    assert!(share("plan") >= 0.85, "plans not read as events: {:.2}", share("plan"));
    assert!(share("none") >= 0.95, "non-events left alone: {:.2}", share("none"));
}
