//! The evaluation corpus (tests/data/corpus) and the scoring of `examples/extract_eval`: the
//! scoring code on hand-made sets with known precision and recall, and every annotation row
//! checked against its article, the bundled gazetteer and the vocabulary.

#[path = "../examples/extract_eval/score.rs"]
mod score;

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::str::FromStr;

use bordermap::events::{ClaimStatus, EventType};
use bordermap::extract::Article;
use bordermap::gazetteer::Gazetteer;
use score::{Gold, Outcome, Proposal};

fn corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/corpus")
}

fn gold(article: &str, t: &str, place: &str, date: &str, actor: &str, status: &str) -> Gold {
    Gold {
        article: article.into(),
        event_type: t.into(),
        place_id: place.into(),
        date: date.into(),
        actor: actor.into(),
        claim_status: status.into(),
        ..Gold::default()
    }
}

fn prop(article: &str, t: &str, place: &str, date: &str, actor: &str, status: &str) -> Proposal {
    Proposal {
        article: article.into(),
        event_type: t.into(),
        place_id: place.into(),
        date: date.into(),
        actor: actor.into(),
        claim_status: status.into(),
        ..Proposal::default()
    }
}

/// Made-up places on a line: x km from the origin.
fn line_km() -> impl Fn(&str, &str) -> Option<f64> {
    let at: HashMap<&str, f64> = [("a", 0.0), ("a-near", 10.0), ("b", 100.0), ("c", 300.0)].into_iter().collect();
    move |p: &str, q: &str| Some((at.get(p)? - at.get(q)?).abs())
}

#[test]
fn scoring_a_small_set_with_known_precision_and_recall() {
    let g = vec![
        gold("x.txt", "capture", "a", "2021-07-09", "Taliban", "claimed"),
        gold("x.txt", "capture", "b", "2021-W27", "Taliban", "denied"),
        gold("x.txt", "flight_across_border", "c", "", "Afghan government forces", "claimed"),
        gold("y.txt", "capture", "a", "2021-07", "Taliban", "claimed"),
    ];
    let p = vec![
        // Matches the first (10 km off): date right, actor right by words, status right.
        prop("x.txt", "capture", "a-near", "2021-07-09", "insurgents", "claimed"),
        // Matches the second: a day in the week, actor wrong, status wrong.
        prop("x.txt", "capture", "b", "2021-07-08", "Iran", "claimed"),
        // Wrong type at c: a false positive, and the flight is missed.
        prop("x.txt", "clash", "c", "2021-07-09", "", "claimed"),
        // Right type and place, wrong article: a false positive; y's capture is missed.
        prop("z.txt", "capture", "a", "2021-07-09", "Taliban", "claimed"),
        // Unsettled place: never matches.
        prop("y.txt", "capture", "", "2021-07-09", "Taliban", "claimed"),
    ];
    let s = score::score(&g, &p, &line_km(), 25.0);
    let t = &s.total;
    assert_eq!((t.gold, t.proposed, t.matched), (4, 5, 2));
    assert!((t.precision() - 0.4).abs() < 1e-9 && (t.recall() - 0.5).abs() < 1e-9);
    assert!((t.f1() - 2.0 * 0.4 * 0.5 / 0.9).abs() < 1e-9);
    assert_eq!((t.dated, t.date_right, t.actor_right, t.status_right), (2, 2, 1, 1));
    let cap = &s.by_type["capture"];
    assert_eq!((cap.gold, cap.proposed, cap.matched), (3, 4, 2));
    assert_eq!(s.by_type["clash"].proposed, 1);
    assert_eq!(s.by_type["flight_across_border"].gold, 1);
    let misses: Vec<usize> =
        s.outcomes.iter().filter_map(|o| if let Outcome::Miss { gold } = o { Some(*gold) } else { None }).collect();
    assert_eq!(misses, vec![2, 3]);
    let fps: Vec<usize> = s
        .outcomes
        .iter()
        .filter_map(|o| if let Outcome::FalsePositive { proposal } = o { Some(*proposal) } else { None })
        .collect();
    assert_eq!(fps, vec![2, 3, 4]);
}

#[test]
fn greedy_matching_takes_the_nearest_first_and_each_side_once() {
    // Two annotations at a and a-near, two proposals at a-near and a: each pairs with its own
    // place (0 km) rather than the first with the first.
    let g = vec![gold("x", "capture", "a", "", "", "claimed"), gold("x", "capture", "a-near", "", "", "claimed")];
    let p = vec![prop("x", "capture", "a-near", "", "", "claimed"), prop("x", "capture", "a", "", "", "claimed")];
    let s = score::score(&g, &p, &line_km(), 25.0);
    assert_eq!(s.total.matched, 2);
    for o in &s.outcomes {
        if let Outcome::Match { km, .. } = o {
            assert_eq!(*km, 0.0);
        }
    }
    // One proposal for two annotations: one match, one miss, precision 1, recall 0.5.
    let s = score::score(&g, &p[..1], &line_km(), 25.0);
    assert_eq!((s.total.precision(), s.total.recall()), (1.0, 0.5));
    // Beyond 25 km: nothing.
    let s = score::score(
        &[gold("x", "capture", "a", "", "", "claimed")],
        &[prop("x", "capture", "b", "", "", "claimed")],
        &line_km(),
        25.0,
    );
    assert_eq!(s.total.matched, 0);
    // Nothing at all: zeros, not a division by zero.
    let s = score::score(&[], &[], &line_km(), 25.0);
    assert_eq!((s.total.precision(), s.total.recall(), s.total.f1()), (0.0, 0.0, 0.0));
}

#[test]
fn dates_and_actors_are_compared_as_documented() {
    use score::{date_right, normalise_actor};
    assert_eq!(date_right("2021-07-09", "2021-07-09"), Some(true));
    assert_eq!(date_right("2021-07-09", "2021-07-08"), Some(false));
    assert_eq!(date_right("2021-07-09", "2021-W27"), Some(false), "a week is not the day");
    assert_eq!(date_right("2021-W27", "2021-07-11"), Some(true), "Sunday 11 July is in week 27");
    assert_eq!(date_right("2021-W27", "2021-07-12"), Some(false));
    assert_eq!(date_right("2021-07", "2021-W27"), Some(true));
    assert_eq!(date_right("2021-07", "2021-07-05/2021-07-09"), Some(true));
    assert_eq!(date_right("2021-06", "2021-W26"), Some(false), "week 26 of 2021 ends on 4 July");
    assert_eq!(date_right("2021-07-09", ""), Some(false));
    assert_eq!(date_right("", "2021-07-09"), None, "an undated annotation is not counted");
    assert_eq!(normalise_actor("Taliban"), "Taliban");
    assert_eq!(normalise_actor("taliban fighters"), "Taliban");
    assert_eq!(normalise_actor("Insurgents"), "Taliban");
    assert_eq!(normalise_actor("ANDSF"), "Afghan government forces");
    assert_eq!(normalise_actor("security forces"), "Afghan government forces");
    assert_eq!(normalise_actor("Tajik border guards"), "Tajikistan");
    assert_eq!(normalise_actor("Iranian border guards; Taliban"), "Iran");
    assert_eq!(normalise_actor(""), "");
}

#[test]
fn every_annotation_row_is_well_formed() {
    let gz = Gazetteer::bundled().unwrap();
    let mut arts = csv::Reader::from_path(corpus().join("articles.csv")).unwrap();
    assert_eq!(arts.headers().unwrap(), vec!["article", "split", "published", "outlet", "style"]);
    let mut texts: BTreeMap<String, String> = BTreeMap::new();
    let mut heldout = 0;
    for row in arts.records() {
        let row = row.unwrap();
        let name = &row[0];
        assert!(["dev", "heldout"].contains(&&row[1]), "{name}: split {:?}", &row[1]);
        heldout += (&row[1] == "heldout") as usize;
        if !row[2].is_empty() {
            jiff::civil::Date::from_str(&row[2]).unwrap_or_else(|e| panic!("{name}: published {:?}: {e}", &row[2]));
        }
        let bytes = std::fs::read(corpus().join(name)).unwrap_or_else(|e| panic!("{name}: {e}"));
        let text = Article::from_file(bytes, name).unwrap().text;
        let words = text.split_whitespace().count();
        assert!((150..=700).contains(&words), "{name}: {words} words");
        assert!(texts.insert(name.to_string(), text).is_none(), "{name} listed twice");
    }
    assert!(texts.len() >= 40, "{} articles", texts.len());
    assert!(heldout * 4 >= texts.len() && heldout * 2 <= texts.len(), "{heldout} held out of {}", texts.len());
    // Every article in the directory is listed.
    for e in std::fs::read_dir(corpus()).unwrap() {
        let n = e.unwrap().file_name().to_string_lossy().into_owned();
        if n.ends_with(".txt") || n.ends_with(".html") {
            assert!(texts.contains_key(&n), "{n} is not in articles.csv");
        }
    }
    let mut ann = csv::Reader::from_path(corpus().join("annotations.csv")).unwrap();
    assert_eq!(
        ann.headers().unwrap(),
        vec!["article", "type", "place_id", "date", "actor", "claim_status", "claimed_by", "quote"]
    );
    let mut n = 0;
    for (i, row) in ann.records().enumerate() {
        let row = row.unwrap();
        let at = format!("annotations.csv row {}", i + 2);
        let text = texts.get(&row[0]).unwrap_or_else(|| panic!("{at}: no article {:?}", &row[0]));
        EventType::from_str(&row[1]).unwrap_or_else(|e| panic!("{at}: {e}"));
        assert!(gz.place_index(&row[2]).is_some(), "{at}: place_id {:?} is not in the bundled gazetteer", &row[2]);
        if !row[3].is_empty() {
            assert!(score::period(&row[3]).is_some() && !row[3].contains('/'), "{at}: date {:?}", &row[3]);
        }
        assert!(row[4].is_empty() || score::ACTORS.contains(&&row[4]), "{at}: actor {:?} is not in the list", &row[4]);
        ClaimStatus::from_str(&row[5]).unwrap_or_else(|e| panic!("{at}: {e}"));
        assert!(!row[7].is_empty() && text.contains(&row[7]), "{at}: quote {:?} is not in {}", &row[7], &row[0]);
        n += 1;
    }
    assert!(n >= 100, "{n} annotations");
}
