//! Entry points for the fuzz targets (`fuzz/`) and their corpus replay (`tests/fuzz_corpus.rs`).
//!
//! One function per target, each taking the fuzzer's bytes and driving the public API the way
//! the command line does, then asserting invariants the code guarantees. A panic is a finding:
//! libFuzzer reports it as a crash, and the replay test as a failure naming the input file.
//! Not part of the library's API (hidden from the docs, no stability promise).
//!
//! Shared, expensive state (the bundled gazetteer and the extractor's automaton) is built once.
#![doc(hidden)]

use std::io::Cursor;
use std::sync::OnceLock;

use jiff::civil::Date;

use crate::events::write::CsvWriter;
use crate::events::{AcledReader, ClaimStatus, Event, EventDate, EventReader, Location, Precision, ReadError};
use crate::extract::{self, Article, Extractor, dates, text};
use crate::gazetteer::geonames::{ImportOptions, Importer};
use crate::gazetteer::{
    Gazetteer, GazetteerSources, NameIndex, Near, PlaceKind, PlacesSource, Query, Resolution, Status, edit, fold,
    resolve::MAX_CANDIDATES,
};

/// The bundled gazetteer, loaded once.
fn gazetteer() -> &'static Gazetteer {
    static GZ: OnceLock<Gazetteer> = OnceLock::new();
    GZ.get_or_init(|| Gazetteer::bundled().expect("the bundled gazetteer loads"))
}

/// The extractor over the bundled gazetteer, built once.
fn extractor() -> &'static Extractor<'static> {
    static EX: OnceLock<Extractor<'static>> = OnceLock::new();
    EX.get_or_init(|| Extractor::new(gazetteer()))
}

/// The bundled gazetteer's sources, read once (cloned for each input).
fn bundled_sources() -> &'static GazetteerSources {
    static SRC: OnceLock<GazetteerSources> = OnceLock::new();
    SRC.get_or_init(GazetteerSources::bundled)
}

/// The bytes as text the way the command line gets text: arguments and text files must be
/// UTF-8, so anything else is refused before the parsers see it.
fn utf8(data: &[u8]) -> Option<&str> {
    std::str::from_utf8(data).ok()
}

fn check_event_date(d: &EventDate, what: &str) {
    assert!(d.start <= d.end, "{what}: start {} after end {}", d.start, d.end);
    if d.precision == Precision::Day {
        assert_eq!(d.start, d.end, "{what}: a day has one date");
    }
}

/// Every event the reader yields, with the invariants of a good record checked. `limit` bounds
/// the number of items: each consumes at least a byte, so more means the reader is looping.
fn drain_events(events: impl Iterator<Item = Result<Event, ReadError>>, limit: usize) -> Vec<Event> {
    let mut accepted = Vec::new();
    for (n, e) in events.enumerate() {
        assert!(n <= limit, "the reader yielded more records than the input has bytes");
        let Ok(e) = e else { continue };
        assert!(!e.id.is_empty(), "an event without an id was accepted");
        check_event_date(&e.date, &e.id);
        if let Location::Point { lon, lat, .. } = e.location {
            assert!(lon.is_finite() && lat.is_finite() && lon.abs() <= 180.0 && lat.abs() <= 90.0, "{lon}, {lat}");
        }
        if let Some(s) = e.share {
            assert!((0.0..=1.0).contains(&s), "share {s}");
        }
        if let Some(g) = e.geo_precision {
            assert!((1..=3).contains(&g), "geo_precision {g}");
        }
        assert!(e.origin.line >= 1);
        accepted.push(e);
    }
    accepted
}

/// `bordermap map FILE.csv`: the events CSV reader (header, then every record).
pub fn events_csv(data: &[u8]) {
    let Ok(mut r) = EventReader::csv(data, "fuzz.csv") else { return };
    let _ = r.warnings();
    drain_events(r, data.len() + 1);
}

/// Every accepted export row written as bordermap's own record (`convert`) and read back
/// (`map`, over the whole world, as the rows were read): the same events, none lost. Each is
/// a claim (`claimed`), with the id prefix of its export.
fn converts_and_reads_back(events: &[Event], export: &str, id_prefix: &str) {
    let mut w = CsvWriter::new(Vec::new()).expect("writing to memory");
    for e in events {
        assert_eq!(e.claim_status, ClaimStatus::Claimed, "{}: an {export} row drawn as more than a claim", e.id);
        assert!(e.id.starts_with(id_prefix), "{}: an {export} id without its prefix {id_prefix:?}", e.id);
        w.write(e).expect("writing to memory");
    }
    let csv = w.finish().expect("writing to memory");
    let back = EventReader::csv(csv.as_slice(), "back.csv").expect("the written header reads back");
    let back: Vec<_> = back.with_region(crate::events::Region::WORLD).collect();
    assert_eq!(back.len(), events.len(), "the converted records read back as another number of records");
    for (e, b) in events.iter().zip(back) {
        let mut b = b.unwrap_or_else(|err| panic!("{}: the converted record does not read back: {err}", e.id));
        b.origin = e.origin.clone();
        assert_eq!(&b, e, "the converted record reads back different");
    }
}

/// `bordermap map --from acled FILE.csv` and `bordermap convert --from acled`: the ACLED
/// reader, then every accepted row written as bordermap's own record and read back.
pub fn acled_csv(data: &[u8]) {
    let Ok(r) = AcledReader::new(data, "fuzz.csv") else { return };
    converts_and_reads_back(&drain_events(r, data.len() + 1), "ACLED", "");
}

/// `bordermap map --from gdelt FILE` and `bordermap convert --from gdelt`: the GDELT reader
/// (worldwide region, so that far rows are converted too), then every accepted row written as
/// bordermap's own record and read back.
pub fn gdelt_tsv(data: &[u8]) {
    let Ok(r) = crate::events::GdeltReader::new(data, "fuzz.csv") else { return };
    let r = r.with_region(crate::events::Region::WORLD);
    let skipped = r.skipped();
    let events = drain_events(r, data.len() + 1);
    let (outside, none) = skipped.counts();
    assert!(events.len() as u64 + outside + none <= data.len() as u64 + 1, "more rows than bytes");
    assert_eq!(outside, 0, "a row outside the whole world");
    // With the default region, the rows kept worldwide are kept or counted as outside it.
    if let Ok(r) = crate::events::GdeltReader::new(data, "fuzz.csv") {
        let near = r.skipped();
        let kept = r.filter(|e| e.is_ok()).count() as u64;
        let (far, none_near) = near.counts();
        assert_eq!((kept + far, none_near), (events.len() as u64, none), "the region filter lost or made rows");
    }
    converts_and_reads_back(&events, "GDELT", "gdelt-");
}

/// `bordermap map --from ucdp FILE.csv` and `bordermap convert --from ucdp`: the UCDP GED
/// reader, then every accepted row written as bordermap's own record and read back.
pub fn ucdp_csv(data: &[u8]) {
    let Ok(r) = crate::events::UcdpReader::new(data, "fuzz.csv") else { return };
    let events = drain_events(r, data.len() + 1);
    for e in &events {
        assert!(e.quote.chars().count() <= crate::events::ucdp::MAX_QUOTE + 1, "{}: an unbounded quote", e.id);
    }
    converts_and_reads_back(&events, "UCDP", "ucdp-");
}

/// `bordermap map FILE.jsonl`: the JSON Lines reader.
pub fn events_jsonl(data: &[u8]) {
    drain_events(EventReader::jsonl(data, "fuzz.jsonl"), data.len() + 1);
}

/// A user places layer (CSV text) over the bundled gazetteer: the layers read and merged by id
/// as [`Gazetteer::load`] does for in-memory layers, then indexed and each new name resolved.
///
/// The bundled border set is shared rather than parsed again for every input (it is 2 MB of
/// GeoJSON, and [`crate::borders::BorderSet`] cannot be cloned); the rest is the load path.
pub fn places_csv(data: &[u8]) {
    let Some(text) = utf8(data) else { return };
    let base = gazetteer();
    let mut sources = bundled_sources().clone();
    let label = "fuzz/places.csv";
    sources.places.push(PlacesSource::Text { text: text.to_string(), label: label.into() });
    let (places, diags) = crate::gazetteer::read_merged(&sources, base.borders());
    // A layer replaces places by id or adds them; it never removes one.
    assert!(places.len() >= base.len(), "{} places after merging, {} before", places.len(), base.len());
    let mut ids = std::collections::HashSet::new();
    for p in &places {
        assert!(ids.insert(p.id.as_str()), "id {:?} twice after merging", p.id);
        assert!(p.point.x().is_finite() && p.point.y().is_finite(), "{}: point {:?}", p.id, p.point);
    }
    if diags.iter().any(crate::diagnostic::Diagnostic::is_error) {
        return; // the load refuses the layer
    }
    let index = NameIndex::build(&places);
    let no_border = |_: usize, _: &str| None;
    for p in places.iter().filter(|p| p.origin.file == label) {
        let r = index.resolve(&places, &Query::new(p.name.clone()), &no_border);
        check_resolution(&r, &p.name, places.len(), |_| true);
    }
}

/// The import's hints, given as comment lines at the top of the dump (`#within_km=50`,
/// `#countries=AF,TJ`, `#codes=P.PPL,S.PSTB`); a line `#alternateNames` starts the
/// alternateNamesV2 rows.
fn import_options(dump: &str) -> ImportOptions {
    let mut opts = ImportOptions::default();
    for line in dump.lines().take_while(|l| l.starts_with('#')) {
        if let Some(v) = line.strip_prefix("#within_km=") {
            opts.within_km = v.trim().parse().ok();
        } else if let Some(v) = line.strip_prefix("#countries=") {
            opts.countries = v.split(',').map(str::to_string).collect();
        } else if let Some(v) = line.strip_prefix("#codes=") {
            opts.feature_codes = v.split(',').map(str::to_string).collect();
        }
    }
    opts
}

/// `bordermap gazetteer import --dry-run`: GeoNames dump rows, then alternateNames rows, then
/// the merge with the gazetteer (a dry run into a user file that does not exist: nothing is
/// written).
pub fn geonames_rows(data: &[u8]) {
    const ALT: &[u8] = b"#alternateNames\n";
    let (dump, alt) = match data.windows(ALT.len()).position(|w| w == ALT) {
        Some(at) => (&data[..at], Some(&data[at + ALT.len()..])),
        None => (data, None),
    };
    // Any number, as `--within-km` takes any f64 (NaN, inf and negative ones included).
    let opts = import_options(&String::from_utf8_lossy(dump));
    let gz = gazetteer();
    let mut imp = Importer::new(gz, opts);
    // An unreadable dump (not UTF-8) stops the import, as in the command line.
    if imp.read(Cursor::new(dump), "fuzz.txt", |_| {}).is_err() {
        return;
    }
    if let Some(alt) = alt
        && imp.read_alternate_names(Cursor::new(alt), |_| {}).is_err()
    {
        return;
    }
    let s = &imp.stats;
    assert_eq!(s.kept as usize, imp.kept.len());
    assert!(s.kept + s.malformed + s.skipped.values().sum::<u64>() <= s.rows, "{s:?}");
    assert!(imp.problems.len() <= crate::gazetteer::geonames::MAX_LISTED_PROBLEMS);
    for p in &imp.kept {
        assert!(p.lat.is_finite() && p.lon.is_finite() && p.lat.abs() <= 90.0 && p.lon.abs() <= 180.0);
        assert!(p.aliases.len() <= crate::gazetteer::geonames::MAX_ALIASES, "{} aliases", p.aliases.len());
        assert!(!p.name.is_empty());
        if let Some(i) = imp.existing_match(p) {
            assert!(gz.is_visible(i), "matched hidden place {i}");
        }
    }
    let missing = std::env::temp_dir().join("bordermap-fuzz-no-such-dir").join("places.csv");
    let _ = edit::import(gz, &missing, &imp, true);
    assert!(!missing.exists(), "a dry-run import wrote {}", missing.display());
}

/// Candidates and text of an extraction, checked; then the CSV `bordermap extract` writes, read
/// back by the events reader as `bordermap extract … | bordermap map -` does.
fn extract_and_check(article: &Article) {
    let ex = extractor();
    let text = &article.text;
    let chars = text.chars().count();
    let found = ex.extract_reporting(article);
    for c in &found.events {
        if let Some(d) = &c.date {
            check_event_date(d, &c.id);
        }
        assert!(c.char_start <= c.char_end && c.char_end <= chars, "{}..{} of {chars}", c.char_start, c.char_end);
        assert!((0.0..=0.95).contains(&c.confidence), "confidence {}", c.confidence);
        if let Some(s) = c.share {
            assert!((0.0..=1.0).contains(&s), "share {s}");
        }
    }
    let merged = extract::merge(found.events);
    let mut csv = Vec::new();
    extract::write_csv(&mut csv, &merged).expect("writing to memory");
    let back = EventReader::csv(csv.as_slice(), "extract.csv").expect("the extractor's header is an events header");
    let mut n = 0;
    for e in back {
        // An open date is refused by design, until an analyst dates the record; nothing else.
        if let Err(e) = e
            && !e.to_string().contains("the date is open")
        {
            panic!("the extractor wrote a record the mapper refuses: {e}\n{}", String::from_utf8_lossy(&csv));
        }
        n += 1;
    }
    assert_eq!(n, merged.len(), "records written and read back");
    let open = merged.iter().filter(|c| c.date.is_none()).count();
    assert!(
        merged.iter().filter(|c| c.date.is_none()).all(|c| c.notes.contains("date open")),
        "{open} open dates, each with its note"
    );
}

/// `bordermap extract page.html`: an article from HTML bytes, then extraction.
pub fn html_article(data: &[u8]) {
    let article = Article::from_file(data.to_vec(), "fuzz.html").expect("HTML is always read");
    extract_and_check(&article);
}

/// `bordermap extract article.txt [--published DATE]`: sentences, place mentions, extraction.
/// A first line that is a date (YYYY-MM-DD) is taken as `--published`.
pub fn text_article(data: &[u8]) {
    let Ok(mut article) = Article::from_file(data.to_vec(), "fuzz.txt") else { return };
    if let Some((first, rest)) = article.text.split_once('\n')
        && let Ok(d) = first.trim().parse::<Date>()
    {
        article.published = Some(d);
        article.text = rest.to_string();
    }
    let text = article.text.as_str();
    let mut last = 0;
    for s in text::sentences(text) {
        assert!(s.start >= last && s.start < s.end && s.end <= text.len(), "sentence {s:?} after {last}");
        assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end), "sentence {s:?} splits a char");
        last = s.end;
    }
    let gz = gazetteer();
    for m in extractor().mentions(text) {
        assert!(m.start < m.end && m.end <= text.len(), "mention {}..{}", m.start, m.end);
        assert_eq!(&text[m.start..m.end], m.text);
        assert!(m.place.is_none_or(|p| gz.is_visible(p)) && m.tied.iter().all(|&p| gz.is_visible(p)));
    }
    extract_and_check(&article);
}

/// Publication dates the extractor's relative dates are tried against.
fn published_dates() -> [Option<Date>; 4] {
    [None, Some(jiff::civil::date(2021, 7, 9)), Some(Date::MIN), Some(Date::MAX)]
}

/// Event dates (`date` and `time_precision` columns) and the extractor's reading of dates in
/// sentences. The first line is also tried as the date column; the whole text as a sentence.
pub fn dates(data: &[u8]) {
    let Some(s) = utf8(data) else { return };
    let first = s.lines().next().unwrap_or("");
    for p in [None, Some(Precision::Day), Some(Precision::Week), Some(Precision::Month)] {
        for input in [s, first] {
            let Ok(d) = EventDate::parse(input, p) else { continue };
            check_event_date(&d, input);
            if let Some(p) = p {
                assert_eq!(d.precision, p, "{input:?}");
            }
            // What the mapper and extractor write reads back the same.
            if (0..=9999).contains(&d.start.year()) && (0..=9999).contains(&d.end.year()) {
                let again = EventDate::parse(&d.to_string(), None);
                assert_eq!(again.as_ref(), Ok(&d), "{input:?} shown as {d}");
            }
        }
    }
    let folded = fold::basic(s);
    let published = first.trim().parse::<Date>().ok();
    for p in published_dates().into_iter().chain([published]) {
        let found = dates::find_dates(s, p);
        assert_eq!(found, dates::find_dates_folded(&folded, p));
        for f in &found {
            check_event_date(&f.date, &f.text);
        }
        // Extraction reads dates only where this says there may be one.
        if !dates::may_have_date(&folded) {
            assert!(found.is_empty(), "{folded:?}: may_have_date said no, found {found:?}");
        }
    }
}

/// Name folding: every key, and the extractor's folding of running text, which must agree.
pub fn fold(data: &[u8]) {
    let s = String::from_utf8_lossy(data);
    let basic = fold::basic(&s);
    assert!(basic.is_ascii(), "{basic:?}");
    assert!(!basic.starts_with(' ') && !basic.ends_with(' ') && !basic.contains("  "), "{basic:?}");
    assert_eq!(fold::basic(&basic), basic, "basic is idempotent");
    let canonical = fold::canonical(&s);
    assert_eq!(fold::canonical_from_basic(&basic), canonical);
    assert!(canonical.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit()), "{canonical:?}");
    assert_eq!(fold::canonical(&canonical), canonical, "canonical is idempotent");
    let phonetic = fold::phonetic(&s);
    assert_eq!(fold::phonetic_from_canonical(&canonical), phonetic);
    assert!(phonetic.len() <= canonical.len(), "{phonetic:?} longer than {canonical:?}");
    let _ = fold::is_generic(&canonical);
    if let Some((rest, kind)) = fold::strip_kind_word(&basic) {
        assert!(!rest.is_empty() && rest.len() < basic.len(), "{basic:?} → {rest:?}");
        assert!(fold::KIND_WORDS.iter().any(|(_, k)| *k == kind));
    }
    let folded = text::Folded::new(&s);
    assert_eq!(folded.offsets.len(), folded.text.len());
    assert!(folded.offsets.windows(2).all(|w| w[0] <= w[1]), "offsets go back");
    assert!(folded.offsets.iter().all(|&o| o < s.len() && s.is_char_boundary(o)));
    if !folded.text.is_empty() {
        let (a, b) = folded.original(0, folded.text.len(), &s);
        assert!(a < b && b <= s.len(), "{a}..{b} of {}", s.len());
    }
    assert_eq!(folded.slice(0, s.len()), folded.text.trim());
    assert_eq!(folded.text, basic, "running-text folding agrees with name folding");
}

/// Hints for [`resolve`], chosen by the input's first byte.
fn hints(b: u8) -> (Option<String>, Option<PlaceKind>, Option<Near>) {
    const COUNTRIES: [Option<&str>; 8] =
        [None, Some("AFG"), Some("TJK"), Some("IRN"), Some("UZB"), Some("tkm"), Some("PAK"), Some("XXX")];
    let country = COUNTRIES[usize::from(b & 7)].map(str::to_string);
    let kind = match (b >> 3) & 15 {
        k if usize::from(k) < PlaceKind::ALL.len() => Some(PlaceKind::ALL[usize::from(k)]),
        _ => None,
    };
    let near = match b >> 7 {
        0 => Some(Near::Point(geo::Point::new(68.86, 36.73))),
        _ => Some(Near::Border("AFG-TJK".into())),
    };
    (country, kind, near)
}

/// The invariants of a resolution: candidates are real places, ranked, at most
/// [`MAX_CANDIDATES`], and the status agrees with them.
fn check_resolution(r: &Resolution, name: &str, len: usize, visible: impl Fn(usize) -> bool) {
    assert_eq!(r.query, name);
    assert!(r.candidates.len() <= MAX_CANDIDATES);
    for c in &r.candidates {
        assert!(c.place < len && visible(c.place), "candidate {} is not a place", c.place);
        assert!(c.score.is_finite(), "score {}", c.score);
    }
    assert!(r.candidates.windows(2).all(|w| w[0].score >= w[1].score), "candidates out of order");
    match r.status {
        Status::Resolved => assert!(!r.candidates.is_empty() && r.resolved().is_some() && r.tied().len() == 1),
        Status::Ambiguous => assert!(r.candidates.len() >= 2 && r.resolved().is_none() && r.tied().len() >= 2),
        Status::Generic | Status::Unknown => assert!(r.candidates.is_empty() && r.tied().is_empty()),
        Status::TooLong => assert!(
            r.candidates.is_empty() && name.chars().count() > crate::gazetteer::MAX_NAME_CHARS,
            "too long at {} characters",
            name.chars().count()
        ),
    }
    if r.status != Status::Unknown {
        assert!(r.suggestions.is_empty());
    }
}

/// `bordermap resolve NAME [--country … --kind … --near …]` against the bundled gazetteer:
/// without hints, then with hints chosen by the first byte; the report of each candidate as
/// the command prints it.
pub fn resolve(data: &[u8]) {
    let name = String::from_utf8_lossy(data).into_owned();
    let gz = gazetteer();
    let plain = gz.resolve(&Query::new(name.clone()));
    check_resolution(&plain, &name, gz.len(), |i| gz.is_visible(i));
    let (country, kind, near) = hints(data.first().copied().unwrap_or(0));
    let hinted = gz.resolve(&Query { name: name.clone(), country, kind, near });
    check_resolution(&hinted, &name, gz.len(), |i| gz.is_visible(i));
    for c in plain.candidates.iter().chain(&hinted.candidates) {
        let _ = gz.report(c.place);
    }
}

/// A rule file (`extract --rules FILE`): parsing never panics; a parsed file's hits lie inside
/// the text, in order, on word boundaries.
pub fn rules_file(data: &[u8]) {
    let Ok(src) = std::str::from_utf8(data) else { return };
    let (rules, text) = src.split_once("\n---\n").unwrap_or((src, "the taliban took zaranj and fell back"));
    let Ok(r) = extract::rules::Rules::parse(rules) else { return };
    let folded = crate::gazetteer::fold::basic(text);
    let hits = r.hits(&folded);
    let mut last = 0;
    for h in &hits {
        assert!(h.start <= h.end && h.end <= folded.len(), "{h:?} outside {}", folded.len());
        assert!(h.start >= last, "hits in order");
        assert!(h.start == 0 || folded.as_bytes()[h.start - 1] == b' ', "word start");
        last = h.start;
    }
}

/// A layers folder someone sent, read for drawing: the first byte picks which of its files the
/// rest is (a points layer, the control layer, the borders, or shares.csv), the others being
/// the example's. What reads must draw: the SVG parses, the page's embedded scene parses back.
pub fn layers_folder(data: &[u8]) {
    const FILES: [&str; 4] = ["timeline-points.geojson", "control-points.geojson", "borders.geojson", "shares.csv"];
    let Some((&pick, content)) = data.split_first() else { return };
    let target = FILES[usize::from(pick) % FILES.len()];
    let dir = tempfile::tempdir().expect("a temp dir");
    let index = serde_json::json!({"generator": "fuzz", "files": FILES[..3].iter().map(|f| {
        let kind = match *f { "borders.geojson" => "border", "control-points.geojson" => "control", _ => "events" };
        serde_json::json!({"path": f, "format": "geojson", "kind": kind, "period": null})
    }).collect::<Vec<_>>()});
    std::fs::write(dir.path().join("index.json"), index.to_string()).expect("write");
    let example = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("maps/afghan-borders-2021/layers");
    for f in FILES {
        let bytes = if f == target { content.to_vec() } else { std::fs::read(example.join(f)).unwrap_or_default() };
        std::fs::write(dir.path().join(f), bytes).expect("write");
    }
    let Ok(scene) = crate::scene::read_scene(dir.path()) else { return };
    let as_of = scene.first.parse::<Date>().unwrap_or(Date::constant(2021, 7, 9));
    let opts = crate::render::RenderOptions { width: 240, height: 200, ..crate::render::RenderOptions::new(as_of) };
    crate::render::png(&scene, &opts).expect("what reads is drawn");
    let html = crate::view::page(&scene);
    let start = html.find("id=\"bordermap-data\">").expect("the data element") + "id=\"bordermap-data\">".len();
    let json = &html[start..start + html[start..].find("</script>").expect("the data element ends")];
    let back: serde_json::Value = serde_json::from_str(json).expect("the embedded scene parses");
    assert_eq!(back["event_rows"].as_array().map(Vec::len), Some(scene.events.len()));
}
