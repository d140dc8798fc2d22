//! Extraction throughput: a ~4 KB news article through the whole extractor (sentences, place
//! automaton, rules, dates, claims), with the bundled gazetteer.
//!
//! `cargo bench --bench extract`; for a gazetteer of a million names see
//! `examples/extract_scale.rs`.

use std::hint::black_box;

use bordermap::extract::{Article, Extractor};
use bordermap::gazetteer::Gazetteer;
use criterion::{Criterion, Throughput, criterion_group, criterion_main};

/// The test articles, repeated to about 4 KB.
pub fn article() -> Article {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/articles/");
    let mut text = String::new();
    while text.len() < 4000 {
        for f in ["a-border-roundup.txt", "c-frontier.txt"] {
            text.push_str(&std::fs::read_to_string(format!("{dir}{f}")).expect("test article"));
            text.push_str("\n\n");
        }
    }
    Article { text, source: "bench".into(), published: Some(jiff::civil::date(2021, 7, 9)), ..Article::default() }
}

fn extraction(c: &mut Criterion) {
    let gz = Gazetteer::bundled().unwrap();
    let ex = Extractor::new(&gz);
    let a = article();
    let mut g = c.benchmark_group("extract");
    g.throughput(Throughput::Bytes(a.text.len() as u64));
    g.bench_function("article_4kb", |b| b.iter(|| ex.extract(black_box(&a)).len()));
    g.bench_function("mentions_4kb", |b| b.iter(|| ex.mentions(black_box(&a.text)).len()));
    g.finish();
    c.bench_function("extract/build_automaton_bundled", |b| b.iter(|| Extractor::new(black_box(&gz))));
}

criterion_group!(benches, extraction);
criterion_main!(benches);
