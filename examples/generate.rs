//! Deterministic synthetic data for benchmarks: the same seed gives the same bytes.
//!
//! ```text
//! cargo run --release --example generate -- geonames ROWS [SEED]  > allCountries-like.txt
//! cargo run --release --example generate -- places N [SEED]       > places.csv
//! ```
//!
//! Places are scattered over lon 60–75, lat 29–39.5 (the Afghan borders and beyond), each with
//! a unique invented name (random consonant–vowel–consonant syllables, sometimes a second word
//! as real names have: "Kalan", "Bala", "-abad") and one or two alternate spellings. GeoNames
//! rows have the dump's 19 tab-separated columns; their country is the one whose polygon holds
//! the point (the bundled country polygons), so the importer's country check passes as it would
//! on real data.

use std::collections::HashSet;
use std::io::{BufWriter, Write};

use bordermap::gazetteer::Gazetteer;
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

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let usage = "usage: generate (geonames ROWS | places N) [SEED]";
    let (what, n) = match (args.first(), args.get(1).and_then(|n| n.parse::<usize>().ok())) {
        (Some(w), Some(n)) => (w.as_str(), n),
        _ => {
            eprintln!("{usage}");
            std::process::exit(2);
        }
    };
    let seed = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(1u64);
    let gz = Gazetteer::bundled().expect("bundled gazetteer");
    let countries: Vec<(&str, &str)> =
        vec![("AFG", "AF"), ("TJK", "TJ"), ("IRN", "IR"), ("TKM", "TM"), ("UZB", "UZ"), ("PAK", "PK")];
    let country_of = |p: Point<f64>| -> (&str, &str) {
        for (iso3, iso2) in &countries {
            if gz.borders().country(iso3).is_some_and(|c| c.covers(p)) {
                return (iso3, iso2);
            }
        }
        ("XXX", "XX")
    };
    let mut rng = Rng(seed);
    let mut seen = HashSet::new();
    let mut out = BufWriter::with_capacity(1 << 20, std::io::stdout().lock());
    if what == "places" {
        writeln!(out, "id,name,kind,country,lat,lon,geometry,aliases,geonames_id,source,notes").unwrap();
    } else if what != "geonames" {
        eprintln!("{usage}");
        std::process::exit(2);
    }
    let mut written = 0;
    while written < n {
        let p = Point::new(60.0 + 15.0 * rng.unit(), 29.0 + 10.5 * rng.unit());
        let name = unique_name(&mut rng, &mut seen);
        let (iso3, iso2) = country_of(p);
        let aliases: Vec<String> = (0..1 + rng.below(2)).map(|_| variant(&mut rng, &name)).collect();
        let population = [0u64, 0, 200, 800, 3_000, 12_000, 150_000][rng.below(7)];
        let code = ["PPL", "PPL", "PPL", "PPL", "PPLA3", "PPLX", "PPLA2"][rng.below(7)];
        let id = 5_000_000 + written;
        if what == "places" {
            if iso3 == "XXX" {
                continue; // a places file needs a country
            }
            let kind = if population >= 100_000 {
                "city"
            } else if population >= 10_000 {
                "town"
            } else {
                "village"
            };
            writeln!(
                out,
                "gen-{id},{name},{kind},{iso3},{:.5},{:.5},,{},{id},generated (seed {seed}),",
                p.y(),
                p.x(),
                aliases.join("|")
            )
            .unwrap();
        } else {
            let ascii = name.clone();
            writeln!(
                out,
                "{id}\t{name}\t{ascii}\t{}\t{:.5}\t{:.5}\tP\t{code}\t{iso2}\t\t00\t\t\t\t{population}\t\t1000\tAsia/Kabul\t2021-07-01",
                aliases.join(","),
                p.y(),
                p.x(),
            )
            .unwrap();
        }
        written += 1;
    }
    out.flush().unwrap();
}
