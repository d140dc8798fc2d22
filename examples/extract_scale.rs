//! Extraction throughput with a large gazetteer (the bundled one plus a places file, e.g. the
//! one `bench/gazetteer.sh` makes): automaton build time, then articles/s and MB/s on one
//! thread over ~4 KB articles made from the test articles (by default the two event-dense
//! ones; name one of tests/data/articles, e.g. d-analysis.txt, for a typical density).
//!
//! ```text
//! cargo run --release --example extract_scale -- [PLACES.csv|-] [ARTICLES [TEST-ARTICLE]]
//! ```

use std::hint::black_box;
use std::path::PathBuf;
use std::time::Instant;

use bordermap::extract::{Article, Extractor};
use bordermap::gazetteer::{Gazetteer, LoadOptions};

fn main() {
    let mut args = std::env::args().skip(1);
    let file = args.next().filter(|f| !f.is_empty() && f != "-").map(PathBuf::from);
    let n: usize = args.next().and_then(|s| s.parse().ok()).unwrap_or(20_000);
    let files: Vec<String> = match args.next() {
        Some(f) => vec![f],
        None => vec!["a-border-roundup.txt".into(), "c-frontier.txt".into()],
    };
    let gz = match &file {
        Some(f) => Gazetteer::load_layers(std::slice::from_ref(f), &LoadOptions::default()).expect("load"),
        None => Gazetteer::bundled().expect("bundled"),
    };
    let mut names = 0usize;
    gz.for_each_name(&mut |_, _, _| names += 1);
    let t = Instant::now();
    let ex = Extractor::new(&gz);
    println!("names {names}, automaton built in {:.2} s", t.elapsed().as_secs_f64());
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/articles/");
    let mut text = String::new();
    while text.len() < 4000 {
        for f in &files {
            text.push_str(&std::fs::read_to_string(format!("{dir}{f}")).expect("test article"));
            text.push_str("\n\n");
        }
    }
    let a =
        Article { text, source: "bench".into(), published: Some(jiff::civil::date(2021, 7, 9)), ..Article::default() };
    let t = Instant::now();
    let mut events = 0;
    for _ in 0..n {
        events += ex.extract(black_box(&a)).len();
    }
    let s = t.elapsed().as_secs_f64();
    println!(
        "{n} articles of {} bytes: {:.0} articles/s, {:.1} MB/s, {} events each (one thread)",
        a.text.len(),
        n as f64 / s,
        (n * a.text.len()) as f64 / s / 1e6,
        events / n
    );
}
