//! Gazetteer hot paths: loading, folding, resolving (per match tier), nearest border.
//!
//! `cargo bench --bench gazetteer`; figures for this machine are in the README.

use std::hint::black_box;

use bordermap::gazetteer::{Gazetteer, GazetteerSources, Query, fold};
use criterion::{BatchSize, Criterion, Throughput, criterion_group, criterion_main};
use geo::Point;

fn load(c: &mut Criterion) {
    let texts = GazetteerSources::bundled();
    c.bench_function("gazetteer/load_bundled", |b| b.iter(|| Gazetteer::from_texts(black_box(&texts)).unwrap()));
    // The curated places alone (the bundled data before its GeoNames layer), for comparison.
    let mut curated = texts.clone();
    curated.places.retain(|p| p.label().ends_with(bordermap::gazetteer::PLACES_FILE));
    assert_eq!(curated.places.len(), 1);
    c.bench_function("gazetteer/load_curated_only", |b| b.iter(|| Gazetteer::from_texts(black_box(&curated)).unwrap()));
}

fn folding(c: &mut Criterion) {
    let names = ["Mazār-e Sharīf", "Мазари-Шариф", "Shir Khan Bandar", "Towraghondi", "Islam Qal'ah"];
    let mut g = c.benchmark_group("fold");
    g.throughput(Throughput::Elements(names.len() as u64));
    g.bench_function("basic", |b| b.iter(|| names.iter().map(|n| fold::basic(black_box(n)).len()).sum::<usize>()));
    g.bench_function("phonetic", |b| {
        b.iter(|| names.iter().map(|n| fold::phonetic(black_box(n)).len()).sum::<usize>())
    });
    g.finish();
}

fn resolving(c: &mut Criterion) {
    let gz = Gazetteer::bundled().unwrap();
    let sets: [(&str, &[&str]); 4] = [
        ("exact", &["Kunduz", "Mazar-i-Sharif", "Islam Qala", "Termez", "Hairatan", "Dushanbe"]),
        ("folded", &["Mazar e-Sharif", "ISLAM QALA", "Sherkhan-Bandar", "Mazār-i Sharīf", "Termez city", "River Panj"]),
        ("phonetic", &["Mazr Sherif", "Towrghondee", "Qondoz", "Islam Qaleh", "Hayretan", "Termyz"]),
        ("fuzzy_or_unknown", &["Dushanbr", "Torghundii", "Hairtan", "Atlantis", "Mazar-i-Sharfi", "Kabulistan"]),
    ];
    let mut g = c.benchmark_group("resolve");
    for (name, qs) in sets {
        let queries: Vec<Query> = qs.iter().map(|q| Query::new(*q)).collect();
        g.throughput(Throughput::Elements(queries.len() as u64));
        g.bench_function(name, |b| {
            b.iter(|| queries.iter().map(|q| gz.resolve(black_box(q)).candidates.len()).sum::<usize>())
        });
    }
    g.finish();
}

fn nearest_border(c: &mut Criterion) {
    let gz = Gazetteer::bundled().unwrap();
    // A fixed grid over the region: deterministic, and mostly within 300 km of a border.
    let points: Vec<Point<f64>> = (0..40)
        .flat_map(|i| (0..25).map(move |j| Point::new(60.0 + 15.0 * i as f64 / 40.0, 29.0 + 10.5 * j as f64 / 25.0)))
        .collect();
    let mut g = c.benchmark_group("borders");
    g.throughput(Throughput::Elements(points.len() as u64));
    g.bench_function("nearest_geodesic", |b| {
        b.iter(|| points.iter().map(|p| gz.borders().nearest(black_box(*p)).unwrap().distance_m).sum::<f64>())
    });
    g.bench_function("facts_with_side", |b| {
        b.iter(|| points.iter().filter_map(|p| gz.borders().facts_for_point(black_box(*p))).count())
    });
    g.finish();

    // A million points scattered uniformly over the region (seeded): every 0.05° cell is hit
    // about 16 times. "cold" starts from freshly loaded borders, so it includes making each
    // cell's list on first use; "warm" is the same batch again.
    let scattered: Vec<Point<f64>> = {
        let mut s: u64 = 0x9e37_79b9_7f4a_7c15;
        let mut next = move || {
            s ^= s << 13;
            s ^= s >> 7;
            s ^= s << 17;
            (s >> 11) as f64 / (1u64 << 53) as f64
        };
        (0..1_000_000).map(|_| Point::new(60.0 + 15.0 * next(), 29.0 + 10.5 * next())).collect()
    };
    let mut g = c.benchmark_group("borders_batch");
    g.sample_size(10).throughput(Throughput::Elements(scattered.len() as u64));
    g.bench_function("nearest_many_cold", |b| {
        b.iter_batched(
            || Gazetteer::bundled().unwrap(),
            |gz| gz.borders().nearest_many(black_box(&scattered)).len(),
            BatchSize::PerIteration,
        )
    });
    gz.borders().nearest_many(&scattered);
    g.bench_function("nearest_many_warm", |b| b.iter(|| gz.borders().nearest_many(black_box(&scattered)).len()));
    g.finish();
}

criterion_group!(benches, load, folding, resolving, nearest_border);
criterion_main!(benches);
