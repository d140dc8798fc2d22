//! Load time and resolve rate of a large gazetteer: the bundled one plus a places file (as
//! `--gazetteer FILE` would load it, through its on-disk index).
//!
//! ```text
//! cargo run --release --example gazetteer_scale -- PLACES.csv [QUERIES [PHASES]]
//! ```
//!
//! Prints, one per line: the first load (which builds the index when it is missing or stale),
//! the best of 5 later loads, the number of names, and single-thread resolve rates for exact
//! names, for folded spellings (upper case, accents) and for unknown names, over QUERIES
//! (default 1,000,000) names drawn deterministically from the file (PHASES: a comma-separated
//! subset of `exact,folded,unknown`). Peak RSS at the end.

use std::hint::black_box;
use std::path::PathBuf;
use std::time::Instant;

use bordermap::gazetteer::{Gazetteer, LoadOptions, Query, Status};

fn peak_rss_mb() -> f64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<f64>().ok())
        .map_or(f64::NAN, |kb| kb / 1024.0)
}

fn main() {
    let mut args = std::env::args().skip(1);
    let file = PathBuf::from(args.next().expect("usage: gazetteer_scale PLACES.csv [QUERIES]"));
    let queries: usize = args.next().and_then(|q| q.parse().ok()).unwrap_or(1_000_000);
    let phases = args.next().unwrap_or_else(|| "exact,folded,unknown".to_string());
    let opts = LoadOptions::default();
    let layers = [file.clone()];

    let t = Instant::now();
    let gz = Gazetteer::load_layers(&layers, &opts).expect("load");
    let first = t.elapsed();
    let how = match gz.rebuilt_indexes.first() {
        Some((_, why)) => format!("index built: {why}"),
        None => "index up to date".to_string(),
    };
    println!("first load          {:>10.3} s   ({how})", first.as_secs_f64());
    drop(gz);
    let mut best = f64::INFINITY;
    let mut gz = None;
    for _ in 0..5 {
        let t = Instant::now();
        let g = Gazetteer::load_layers(&layers, &opts).expect("load");
        best = best.min(t.elapsed().as_secs_f64());
        gz = Some(g);
    }
    let gz = gz.expect("loaded");
    println!("load (best of 5)    {:>10.1} ms", best * 1000.0);

    // Names to look up: every name and alias of the file's places, read straight from the CSV.
    let mut rdr = csv::Reader::from_path(&file).expect("read places");
    let headers = rdr.headers().expect("header").clone();
    let col = |n: &str| headers.iter().position(|h| h == n).expect("column");
    let (name_col, alias_col) = (col("name"), col("aliases"));
    let mut names: Vec<String> = Vec::new();
    for r in rdr.records() {
        let r = r.expect("record");
        names.push(r[name_col].to_string());
        names.extend(r[alias_col].split('|').filter(|a| !a.is_empty()).map(str::to_string));
    }
    println!("names in the file   {:>10}", names.len());
    println!("places (all layers) {:>10}", gz.place_indices().count());

    // A fixed stride through the names: deterministic, and not in file order.
    let pick = |k: usize| &names[(k.wrapping_mul(2_654_435_761)) % names.len()];
    let rate = |label: &str, make: &dyn Fn(usize) -> String| {
        let qs: Vec<Query> = (0..queries).map(|k| Query::new(make(k))).collect();
        let t = Instant::now();
        let mut resolved = 0usize;
        for q in &qs {
            let r = gz.resolve(black_box(q));
            resolved += usize::from(r.status != Status::Unknown);
        }
        let s = t.elapsed().as_secs_f64();
        println!(
            "{label:<19} {:>10.0} names/s   ({} of {} found, {:.2} µs each)",
            queries as f64 / s,
            resolved,
            queries,
            s * 1e6 / queries as f64
        );
    };
    if phases.contains("exact") {
        // The first pass also faults the mapped index into memory; the second is steady state.
        rate("resolve exact cold", &|k| pick(k).clone());
        rate("resolve exact", &|k| pick(k).clone());
        // The gazetteer is shared read-only between threads: the machine's two cores.
        let threads = std::thread::available_parallelism().map_or(2, |n| n.get());
        let qs: Vec<Query> = (0..queries).map(|k| Query::new(pick(k).clone())).collect();
        let t = Instant::now();
        std::thread::scope(|s| {
            for chunk in qs.chunks(queries.div_ceil(threads)) {
                let gz = &gz;
                s.spawn(move || chunk.iter().filter(|q| gz.resolve(black_box(q)).status != Status::Unknown).count());
            }
        });
        let secs = t.elapsed().as_secs_f64();
        println!("resolve exact x{threads:<5} {:>10.0} names/s   ({threads} threads)", queries as f64 / secs);
    }
    if phases.contains("folded") {
        rate("resolve folded", &|k| pick(k).to_uppercase());
    }
    if !phases.contains("unknown") {
        println!("peak RSS            {:>10.1} MB", peak_rss_mb());
        return;
    }
    let unknown = queries.min(10_000);
    let qs: Vec<Query> = (0..unknown).map(|k| Query::new(format!("Zzyqxw {k}"))).collect();
    let t = Instant::now();
    for q in &qs {
        black_box(gz.resolve(q));
    }
    let s = t.elapsed().as_secs_f64();
    println!("resolve unknown     {:>10.0} names/s   (with suggestions)", unknown as f64 / s);
    println!("peak RSS            {:>10.1} MB", peak_rss_mb());
}
