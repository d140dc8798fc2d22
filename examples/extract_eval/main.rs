//! `bordermap extract` scored on the evaluation corpus (tests/data/corpus, issue 16): each
//! article is read as the CLI reads a file (`Article::from_file`, then `--published` and
//! `--source` from articles.csv, then `extract::merge` over the article's candidates, as
//! `bordermap extract FILE` does), its proposals are matched to the annotations by (type,
//! place within 25 km geodesic, between the gazetteer points of the two place ids), and
//! precision, recall and F1 are printed per split and per type, with date, actor and
//! claim-status accuracy over the matched pairs, then throughput. No network.
//!
//! ```text
//! cargo run --example extract_eval -- [--split dev|heldout|all] [--verbose] [--no-throughput]
//! ```
//!
//! Everything printed is deterministic except the throughput line (last; `--no-throughput`
//! leaves it out). A proposal's actor is normalised with `score::normalise_actor`: its first
//! `;`-separated name, matched case-insensitively against the corpus list, else by words
//! ("government forces", "ANDSF" → Afghan government forces; "insurgents" → Taliban; "Tajik
//! border guards" → Tajikistan …).

mod score;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::Instant;

use bordermap::extract::{self, Article, CandidateEvent, Extractor};
use bordermap::gazetteer::{Gazetteer, PlaceFacts};
use geo::{Distance, Geodesic};

use score::{Gold, Outcome, Proposal};

/// Proposal and annotation places further apart than this do not match.
const MAX_KM: f64 = 25.0;

struct Meta {
    split: String,
    published: Option<jiff::civil::Date>,
    outlet: String,
}

fn corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/corpus")
}

fn read_articles() -> BTreeMap<String, Meta> {
    let mut r = csv::Reader::from_path(corpus().join("articles.csv")).expect("articles.csv");
    r.records()
        .map(|row| {
            let row = row.expect("articles.csv row");
            let published = (!row[2].is_empty()).then(|| row[2].parse().expect("articles.csv: published"));
            (row[0].to_string(), Meta { split: row[1].to_string(), published, outlet: row[3].to_string() })
        })
        .collect()
}

fn read_gold() -> Vec<Gold> {
    let mut r = csv::Reader::from_path(corpus().join("annotations.csv")).expect("annotations.csv");
    r.records()
        .map(|row| {
            let row = row.expect("annotations.csv row");
            Gold {
                article: row[0].to_string(),
                event_type: row[1].to_string(),
                place_id: row[2].to_string(),
                date: row[3].to_string(),
                actor: row[4].to_string(),
                claim_status: row[5].to_string(),
                claimed_by: row[6].to_string(),
                quote: row[7].to_string(),
            }
        })
        .collect()
}

/// The article as `bordermap extract FILE --published P --source S` reads it.
fn article(name: &str, meta: &Meta) -> Article {
    let bytes = std::fs::read(corpus().join(name)).expect("corpus article");
    let mut a = Article::from_file(bytes, name).expect("readable article");
    if meta.published.is_some() {
        a.published = meta.published;
    }
    if !meta.outlet.is_empty() {
        a.source = meta.outlet.clone();
    }
    a
}

fn proposal(article: &str, c: &CandidateEvent) -> Proposal {
    Proposal {
        article: article.to_string(),
        event_type: c.event_type.as_str().to_string(),
        place_id: c.place_id.clone().unwrap_or_default(),
        place: c.place.clone(),
        date: c.date.map(|d| d.to_string()).unwrap_or_default(),
        actor: c.actor.clone(),
        claim_status: c.claim_status.as_str().to_string(),
        sentence: c.quote.clone(),
    }
}

fn main() {
    let mut split = "all".to_string();
    let (mut verbose, mut throughput) = (false, true);
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--split" => split = args.next().expect("--split dev|heldout|all"),
            "--verbose" => verbose = true,
            "--no-throughput" => throughput = false,
            _ => {
                eprintln!("usage: extract_eval [--split dev|heldout|all] [--verbose] [--no-throughput]");
                std::process::exit(2);
            }
        }
    }
    if !["dev", "heldout", "all"].contains(&split.as_str()) {
        eprintln!("--split is dev, heldout or all, not {split:?}");
        std::process::exit(2);
    }
    let gz = Gazetteer::bundled().expect("bundled gazetteer");
    let ex = Extractor::new(&gz);
    let metas = read_articles();
    let gold = read_gold();
    let inputs: Vec<(String, Article)> = metas.iter().map(|(n, m)| (n.clone(), article(n, m))).collect();
    let mut proposed = Vec::new();
    for (name, a) in &inputs {
        let found = extract::merge(ex.extract(a));
        proposed.extend(found.iter().map(|c| proposal(name, c)));
    }
    let km = |a: &str, b: &str| -> Option<f64> {
        let (i, j) = (gz.place_index(a)?, gz.place_index(b)?);
        Some(Geodesic.distance(PlaceFacts::point(&gz, i), PlaceFacts::point(&gz, j)) / 1000.0)
    };
    let splits: Vec<&str> = if split == "all" { vec!["dev", "heldout", "all"] } else { vec![split.as_str()] };
    let n_articles = |s: &str| metas.values().filter(|m| s == "all" || m.split == s).count();
    println!(
        "extract_eval: {} articles, {} annotated events, {} proposals; match: type + place within {MAX_KM} km",
        metas.len(),
        gold.len(),
        proposed.len()
    );
    for s in &splits {
        let in_split = |a: &str| *s == "all" || metas.get(a).is_some_and(|m| m.split == *s);
        let g: Vec<Gold> = gold.iter().filter(|g| in_split(&g.article)).cloned().collect();
        let p: Vec<Proposal> = proposed.iter().filter(|p| in_split(&p.article)).cloned().collect();
        let scored = score::score(&g, &p, &km, MAX_KM);
        println!();
        print!("{}", score::table(&format!("{s} ({} articles)", n_articles(s)), &scored));
        if verbose {
            for o in &scored.outcomes {
                match o {
                    Outcome::Miss { gold } => {
                        let g = &g[*gold];
                        println!(
                            "  MISS {} {} {} {} [{}]: {:?}",
                            g.article, g.event_type, g.place_id, g.date, g.claim_status, g.quote
                        );
                    }
                    Outcome::FalsePositive { proposal } => {
                        let p = &p[*proposal];
                        let place = if p.place_id.is_empty() {
                            format!("{:?} (unsettled)", p.place)
                        } else {
                            p.place_id.clone()
                        };
                        println!(
                            "  FP   {} {} {} {} [{}]: {:?}",
                            p.article, p.event_type, place, p.date, p.claim_status, p.sentence
                        );
                    }
                    Outcome::Match { gold, proposal, date_ok, actor_ok, status_ok, .. } => {
                        let (gg, pp) = (&g[*gold], &p[*proposal]);
                        if *date_ok == Some(false) || !actor_ok || !status_ok {
                            println!(
                                "  PART {} {} {}: date {} vs {}, actor {:?} vs {:?}, status {} vs {}",
                                gg.article,
                                gg.event_type,
                                gg.place_id,
                                gg.date,
                                pp.date,
                                gg.actor,
                                pp.actor,
                                gg.claim_status,
                                pp.claim_status
                            );
                        }
                    }
                }
            }
        }
    }
    if throughput {
        // The whole corpus, repeated until at least a second has passed.
        let t = Instant::now();
        let mut n = 0usize;
        let mut events = 0usize;
        while t.elapsed().as_secs_f64() < 1.0 {
            for (_, a) in &inputs {
                events += std::hint::black_box(extract::merge(ex.extract(a))).len();
                n += 1;
            }
        }
        let secs = t.elapsed().as_secs_f64();
        let profile = if cfg!(debug_assertions) { "debug build" } else { "release build" };
        println!();
        println!(
            "throughput: {:.0} articles/s ({n} articles, {events} candidates, {secs:.2} s, one thread, {profile})",
            n as f64 / secs
        );
    }
}
