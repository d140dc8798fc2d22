//! Mapper hot paths: reading event CSV, and mapping (locating each place once, building and
//! serialising each feature, appending it to a layer) with full and compact properties.
//!
//! `cargo bench --bench map`; the whole job at a million events is `bench/map.sh`.

use std::hint::black_box;

use bordermap::events::EventReader;
use bordermap::gazetteer::Gazetteer;
use bordermap::layers::{Layers, MapOptions, Properties, map_events};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};

/// 20,000 events over the bundled example's places, in a fixed pseudo-random order.
fn events_csv() -> String {
    let places = ["Islam Qala", "Shir Khan Bandar", "Kunduz", "Hairatan", "Torghundi", "Termez", "Mazar-i-Sharif"];
    let types = ["capture", "clash", "recapture", "control_claim"];
    let status = ["claimed", "disputed", "confirmed", "denied"];
    let mut csv =
        String::from("id,date,place,type,actor,actor2,claim_status,claimed_by,share,source,url,source_date\n");
    let mut x: u64 = 1;
    for i in 0..20_000 {
        x = x.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        let r = (x >> 33) as usize;
        let t = types[r % types.len()];
        let share = if t == "control_claim" { "0.6" } else { "" };
        csv.push_str(&format!(
            "ev-{i},2021-{:02}-{:02},{},{t},Taliban,Afghan government forces,{},Taliban,{share},Bench Wire,https://example.org/{i},2021-07-10\n",
            5 + r % 5,
            1 + r % 28,
            places[r % places.len()],
            status[(r / 7) % status.len()],
        ));
    }
    csv
}

fn mapping(c: &mut Criterion) {
    let gz = Gazetteer::bundled().unwrap();
    let csv = events_csv();
    let mut g = c.benchmark_group("map");
    g.sample_size(10);
    g.throughput(Throughput::Elements(20_000));
    g.bench_function("read_csv", |b| {
        b.iter(|| EventReader::csv(black_box(csv.as_bytes()), "bench.csv").unwrap().filter(|e| e.is_ok()).count())
    });
    for (name, properties) in [("full", Properties::Full), ("compact", Properties::Compact)] {
        // One layer (the timeline), so that the figure is features built and serialised, not
        // files created and synced.
        let opts =
            MapOptions { layers: Layers { timeline: true, ..Layers::NONE }, properties, ..MapOptions::default() };
        g.bench_function(format!("features_{name}"), |b| {
            b.iter(|| {
                let dir = tempfile::tempdir().unwrap();
                let events = EventReader::csv(csv.as_bytes(), "bench.csv").unwrap();
                map_events(&gz, events, dir.path(), black_box(&opts)).unwrap().on_borders
            })
        });
    }
    g.finish();
}

criterion_group!(benches, mapping);
criterion_main!(benches);
