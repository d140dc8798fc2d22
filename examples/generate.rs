//! Deterministic synthetic data for benchmarks: the same seed gives the same bytes.
//!
//! ```text
//! cargo run --release --example generate -- geonames ROWS [SEED]  > allCountries-like.txt
//! cargo run --release --example generate -- places N [SEED]       > places.csv
//! cargo run --release --example generate -- events M N [SEED]      > events.csv
//! cargo run --release --example generate -- events-at M N [SEED]   > events.csv  (with lat, lon)
//! ```
//!
//! Places are scattered over lon 60–75, lat 29–39.5 (the Afghan borders and beyond), each with
//! a unique invented name (random consonant–vowel–consonant syllables, sometimes a second word
//! as real names have: "Kalan", "Bala", "-abad") and one or two alternate spellings. GeoNames
//! rows have the dump's 19 tab-separated columns; their country is the one whose polygon holds
//! the point (the bundled country polygons), so the importer's country check passes as it would
//! on real data.
//!
//! Events name the places of `places N SEED` (the same seed gives the same places): M rows of
//! the mapper's CSV (`events-at`: with each place's `lat` and `lon` as well, the name kept as a
//! label, as ACLED-like feeds come), dates over May–September 2021 in no order (as merged feeds come), places
//! Zipf-skewed (exponent 1.07: a few places have most events, as in ACLED), one in five named
//! by an alternate spelling, a few event types, actors and claim statuses.

use std::collections::HashSet;
use std::io::{BufWriter, Write};

use bordermap::gazetteer::{Gazetteer, GazetteerSources, PlacesSource, Query};
use geo::Point;

/// splitmix64: small, fast, and the same everywhere.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
}

const ONSETS: &[&str] =
    &["b", "d", "f", "g", "gh", "h", "j", "k", "kh", "l", "m", "n", "p", "q", "r", "s", "sh", "t", "v", "z", "ch", "y"];
const VOWELS: &[&str] = &["a", "e", "i", "o", "u", "aa", "ai"];
const CODAS: &[&str] = &["", "", "n", "r", "l", "m", "z", "sh", "k", "d", "b"];
const SECOND: &[&str] = &["Kalan", "Khurd", "Bala", "Payin", "Sufla", "Ulya", "Now", "Kuhna"];
const SUFFIX: &[&str] = &["abad", "kent", "dara", "tepa", "qishlaq"];

fn word(rng: &mut Rng, syllables: usize) -> String {
    let mut w = String::new();
    for _ in 0..syllables {
        w.push_str(ONSETS[rng.below(ONSETS.len())]);
        w.push_str(VOWELS[rng.below(VOWELS.len())]);
        w.push_str(CODAS[rng.below(CODAS.len())]);
    }
    let mut c = w.chars();
    c.next().map(|f| f.to_uppercase().chain(c).collect()).unwrap_or_default()
}

/// A new name whose folded form no earlier name has.
fn unique_name(rng: &mut Rng, seen: &mut HashSet<String>) -> String {
    loop {
        let syllables = 2 + rng.below(2);
        let mut name = word(rng, syllables);
        match rng.below(10) {
            0 => name = format!("{name} {}", SECOND[rng.below(SECOND.len())]),
            1 => name.push_str(SUFFIX[rng.below(SUFFIX.len())]),
            _ => {}
        }
        if seen.insert(bordermap::gazetteer::fold::canonical(&name)) {
            return name;
        }
    }
}

/// A spelling variant as transliterations differ: a vowel or a consonant swapped.
fn variant(rng: &mut Rng, name: &str) -> String {
    const SWAPS: &[(&str, &str)] =
        &[("a", "e"), ("o", "u"), ("q", "k"), ("gh", "g"), ("i", "ee"), ("u", "oo"), ("v", "w"), ("j", "dzh")];
    let (a, b) = SWAPS[rng.below(SWAPS.len())];
    if name.contains(a) { name.replacen(a, b, 1) } else { format!("{name}i") }
}

/// One generated place.
struct GenPlace {
    id: usize,
    name: String,
    aliases: Vec<String>,
    point: Point<f64>,
    population: u64,
    code: &'static str,
    iso: (&'static str, &'static str),
}

/// The places of a seed, in order; `keep` says which to yield (a places file needs a country).
fn places(gz: &Gazetteer, seed: u64, n: usize, keep: impl Fn(&GenPlace) -> bool, mut f: impl FnMut(&GenPlace)) {
    const COUNTRIES: &[(&str, &str)] =
        &[("AFG", "AF"), ("TJK", "TJ"), ("IRN", "IR"), ("TKM", "TM"), ("UZB", "UZ"), ("PAK", "PK")];
    let country_of = |p: Point<f64>| -> (&'static str, &'static str) {
        for &(iso3, iso2) in COUNTRIES {
            if gz.borders().country(iso3).is_some_and(|c| c.covers(p)) {
                return (iso3, iso2);
            }
        }
        ("XXX", "XX")
    };
    let mut rng = Rng(seed);
    let mut seen = HashSet::new();
    let mut written = 0;
    while written < n {
        let point = Point::new(60.0 + 15.0 * rng.unit(), 29.0 + 10.5 * rng.unit());
        let name = unique_name(&mut rng, &mut seen);
        let iso = country_of(point);
        let aliases: Vec<String> = (0..1 + rng.below(2)).map(|_| variant(&mut rng, &name)).collect();
        let population = [0u64, 0, 200, 800, 3_000, 12_000, 150_000][rng.below(7)];
        let code = ["PPL", "PPL", "PPL", "PPL", "PPLA3", "PPLX", "PPLA2"][rng.below(7)];
        let p = GenPlace { id: 5_000_000 + written, name, aliases, point, population, code, iso };
        if keep(&p) {
            f(&p);
            written += 1;
        }
    }
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let usage = "usage: generate (geonames ROWS | places N | events M N | events-at M N) [SEED]";
    let number = |i: usize| args.get(i).and_then(|n| n.parse::<usize>().ok());
    let fail = || -> ! {
        eprintln!("{usage}");
        std::process::exit(2);
    };
    let (what, n) = match (args.first(), number(1)) {
        (Some(w), Some(n)) => (w.as_str(), n),
        _ => fail(),
    };
    let seed_at = if what.starts_with("events") { 3 } else { 2 };
    let seed = args.get(seed_at).and_then(|s| s.parse().ok()).unwrap_or(1u64);
    let gz = Gazetteer::bundled().expect("bundled gazetteer");
    let mut out = BufWriter::with_capacity(1 << 20, std::io::stdout().lock());
    let has_country = |p: &GenPlace| p.iso.0 != "XXX";
    match what {
        "places" => {
            writeln!(out, "{PLACES_HEADER}").unwrap();
            places(&gz, seed, n, has_country, |p| places_row(&mut out, p, seed).unwrap());
        }
        "geonames" => places(
            &gz,
            seed,
            n,
            |_| true,
            |p| {
                writeln!(
                    out,
                    "{}\t{}\t{}\t{}\t{:.5}\t{:.5}\tP\t{}\t{}\t\t00\t\t\t\t{}\t\t1000\tAsia/Kabul\t2021-07-01",
                    p.id,
                    p.name,
                    p.name,
                    p.aliases.join(","),
                    p.point.y(),
                    p.point.x(),
                    p.code,
                    p.iso.1,
                    p.population
                )
                .unwrap();
            },
        ),
        "events" | "events-at" => {
            let Some(n_places) = number(2) else { fail() };
            // The spellings events use are those that resolve to their place (a generated alias
            // may sound like another place's name): the benchmark maps, it does not report.
            let mut csv = format!("{PLACES_HEADER}\n").into_bytes();
            let mut generated = Vec::with_capacity(n_places);
            places(&gz, seed, n_places, has_country, |p| {
                places_row(&mut csv, p, seed).unwrap();
                generated.push((
                    p.id,
                    std::iter::once(p.name.clone()).chain(p.aliases.clone()).collect::<Vec<_>>(),
                    p.point,
                ));
            });
            let mut sources = GazetteerSources::bundled();
            let text = String::from_utf8(csv).expect("generated text");
            sources.places.push(PlacesSource::Text { text, label: "generated".into() });
            let with_places = Gazetteer::from_texts(&sources).expect("generated places load");
            let named: Vec<(Vec<String>, Point<f64>)> = generated
                .into_iter()
                .map(|(id, spellings, point)| {
                    let own = format!("gen-{id}");
                    let resolving = spellings
                        .into_iter()
                        .filter(|s| {
                            let r = with_places.resolve(&Query::new(s.clone()));
                            r.resolved().is_some_and(|c| with_places.place_at(c.place).id == own)
                        })
                        .collect::<Vec<_>>();
                    (resolving, point)
                })
                .filter(|(s, _)| !s.is_empty())
                .collect();
            events(&mut out, &named, n, seed, what == "events-at");
        }
        _ => fail(),
    }
    out.flush().unwrap();
}

const PLACES_HEADER: &str = "id,name,kind,country,lat,lon,geometry,aliases,geonames_id,source,notes";

/// A generated place as a row of a places file.
fn places_row(out: &mut impl Write, p: &GenPlace, seed: u64) -> std::io::Result<()> {
    let kind = match p.population {
        100_000.. => "city",
        10_000.. => "town",
        _ => "village",
    };
    writeln!(
        out,
        "gen-{},{},{kind},{},{:.5},{:.5},,{},{},generated (seed {seed}),",
        p.id,
        p.name,
        p.iso.0,
        p.point.y(),
        p.point.x(),
        p.aliases.join("|"),
        p.id
    )
}

/// M events over places (each given by the spellings that may name it; the first is its
/// name), Zipf-skewed, as the mapper's CSV.
fn events(out: &mut impl Write, places: &[(Vec<String>, Point<f64>)], m: usize, seed: u64, at_points: bool) {
    // Cumulative Zipf weights: rank k has weight 1 / k^1.07. Ranks are shuffled over the places
    // (by a seeded permutation), so the busy places are anywhere on the map.
    let mut cumulative = Vec::with_capacity(places.len());
    let mut total = 0.0;
    for k in 1..=places.len() {
        total += 1.0 / (k as f64).powf(1.07);
        cumulative.push(total);
    }
    let mut rng = Rng(seed ^ 0x5eed_e7e7);
    let mut order: Vec<usize> = (0..places.len()).collect();
    for i in (1..order.len()).rev() {
        order.swap(i, rng.below(i + 1));
    }
    const TYPES: &[&str] = &["capture", "capture", "clash", "clash", "clash", "recapture", "control_claim", "refugees"];
    const ACTORS: &[&str] = &["Taliban", "Taliban", "Taliban", "Afghan government forces", "local militia"];
    const STATUS: &[&str] = &["claimed", "claimed", "claimed", "disputed", "confirmed", "denied"];
    const SOURCES: &[&str] = &["Synthetic Wire", "Example Daily", "Test Radio"];
    let first = jiff::civil::date(2021, 5, 1);
    let header = "id,date,place,type,actor,actor2,claim_status,claimed_by,share,source,url,source_date";
    if at_points {
        writeln!(out, "{header},lat,lon").unwrap();
    } else {
        writeln!(out, "{header}").unwrap();
    }
    for i in 0..m {
        let rank = cumulative.partition_point(|&c| c < rng.unit() * total).min(places.len() - 1);
        let (spellings, point) = &places[order[rank]];
        let place = if spellings.len() > 1 && rng.below(5) == 0 {
            &spellings[1 + rng.below(spellings.len() - 1)]
        } else {
            &spellings[0]
        };
        let date = first + jiff::Span::new().days(rng.below(153) as i64);
        let kind = TYPES[rng.below(TYPES.len())];
        let actor = ACTORS[rng.below(ACTORS.len())];
        let actor2 = if actor == "Taliban" { "Afghan government forces" } else { "Taliban" };
        let status = STATUS[rng.below(STATUS.len())];
        let share = if kind == "control_claim" { format!("0.{}", 5 + rng.below(5)) } else { String::new() };
        let source = SOURCES[rng.below(SOURCES.len())];
        let published = date + jiff::Span::new().days(rng.below(3) as i64);
        write!(
            out,
            "ev-{i:08},{date},{place},{kind},{actor},{actor2},{status},{actor},{share},{source},https://example.org/{i},{published}"
        )
        .unwrap();
        if at_points {
            writeln!(out, ",{:.5},{:.5}", point.y(), point.x()).unwrap();
        } else {
            writeln!(out).unwrap();
        }
    }
}
