//! `bordermap map`.

use std::fs::File;
use std::io::Read;
use std::path::PathBuf;

use anyhow::Context;
use clap::ValueEnum;

use bordermap::events::{AcledReader, Event, EventReader, GdeltReader, ReadError, Region, UcdpReader, read_ahead};
use bordermap::gazetteer::Gazetteer;
use bordermap::layers::{
    DEFAULT_MAX_DISTANCE_KM, DEFAULT_SHARE_RADIUS_KM, Format, Layers, MAX_SHARE_RADIUS_KM, MapError, MapOptions,
    Period, Properties, map_events,
};
use bordermap::publish::Staging;

use super::online::OnlineArgs;
use super::{Exit, Sources};

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum By {
    /// A layer set per day.
    Day,
    /// Per ISO week.
    Week,
    /// Per month.
    Month,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LayerKind {
    /// The border lines (borders.geojson) and one layer per border (AFG-TJK-points …).
    Borders,
    /// One layer per border and period (needs --by).
    Periods,
    /// Every event once, with start and end (timeline-points/-lines).
    Timeline,
    /// Control intervals (control-points/-lines).
    Control,
    /// Events away from the borders (interior-points/-lines).
    Interior,
    /// One feature per place (and per place and period) listing its events (places-*).
    Places,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum PropertySet {
    /// Every field, match details, title, description and simplestyle styling.
    Full,
    /// Filtering fields and provenance only (id, dates, type, actors, claim, place, border,
    /// distance, source, URL): about a third of the size, for large extracts.
    Compact,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum InputFormat {
    /// Comma-separated, header row.
    Csv,
    /// One JSON object per line.
    Jsonl,
}

/// What the inputs are.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, ValueEnum)]
pub enum From {
    /// bordermap's own event records (CSV or JSON Lines; see maps/README.md).
    #[default]
    Bordermap,
    /// ACLED exports as ACLED publishes them (CSV with ACLED's columns).
    Acled,
    /// GDELT 1.0/2.0 event files as GDELT publishes them, unzipped (tab-separated, no header;
    /// rows outside --region are left out and counted; see "GDELT exports" in maps/README.md).
    Gdelt,
    /// UCDP GED CSVs as UCDP publishes them (GED 21.1–24.1, candidate releases).
    Ucdp,
}

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Event files: CSV or JSON Lines (by extension: .csv, .jsonl/.ndjson); `-` reads
    /// standard input. With --from acled, ACLED export CSVs; with --from gdelt, GDELT event
    /// files (unzipped); with --from ucdp, UCDP GED CSVs.
    #[arg(required = true, value_name = "EVENTS")]
    inputs: Vec<PathBuf>,
    /// What the inputs are: bordermap's own event records, or ACLED exports (each row an
    /// event at its coordinates, claimed by its sources; see "ACLED exports" in maps/README.md),
    /// or GDELT event files (each row in --region an event at its ActionGeo point, claimed by
    /// GDELT's machine coding of its source; see "GDELT exports" in maps/README.md).
    /// or UCDP GED CSVs (likewise; see "UCDP GED exports").
    #[arg(long, value_enum, default_value = "bordermap", value_name = "FORMAT")]
    from: From,
    /// Output folder (created if needed). The new layer set is built beside it and replaces the
    /// old set in one step; files you put in the folder (a QGIS project, notes) are kept.
    #[arg(long, value_name = "DIR")]
    out: PathBuf,
    /// Also write per-border layers for each day, week or month that has events.
    #[arg(long, value_enum)]
    by: Option<By>,
    /// Map the state as of this date (YYYY-MM-DD): later events are left out and control
    /// intervals end there.
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    as_of: Option<jiff::civil::Date>,
    /// Which layers to write (comma-separated); all by default. index.json is always written.
    #[arg(long, value_enum, value_delimiter = ',', value_name = "LAYERS")]
    layers: Vec<LayerKind>,
    /// Output formats, comma-separated: geojson (a file per layer, a QGIS style beside each,
    /// and a QGIS project), gpkg (one GeoPackage, bordermap.gpkg, with the styles inside), fgb
    /// (a FlatGeobuf file per layer, with its spatial index), geoparquet (one GeoParquet
    /// dataset of the events, events.parquet/, partitioned by border and day).
    #[arg(long, default_value = "geojson", value_name = "LIST", value_parser = parse_formats)]
    format: Formats,
    /// How much each event feature carries.
    #[arg(long, value_enum, default_value = "full", value_name = "SET")]
    properties: PropertySet,
    /// Events farther than this from every border go to interior.geojson.
    #[arg(long, default_value_t = DEFAULT_MAX_DISTANCE_KM, value_name = "KM")]
    max_distance_km: f64,
    /// In DIR/shares.csv (written with the control layer): how far a held place reaches along
    /// a border, geodesic km (0 < KM <= 500).
    #[arg(long, default_value_t = DEFAULT_SHARE_RADIUS_KM, value_name = "KM", allow_hyphen_values = true)]
    share_radius_km: f64,
    /// Write the layers even if some place names do not resolve; they are listed in
    /// DIR/unresolved.csv (the exit status is still 1).
    #[arg(long)]
    allow_unresolved: bool,
    /// Publish even when an input holds no events (an empty file, a header only). Without it,
    /// such a run is an error and the published layers are left as they are.
    #[arg(long)]
    allow_empty: bool,
    /// Print the CPU time of each stage of the run (read, locate, build, write, finish) and
    /// per event, and the wall time: where a slow run spends it.
    #[arg(long)]
    timings: bool,
    /// Format of the inputs, when the extension does not tell (standard input is CSV unless
    /// this says otherwise).
    #[arg(long, value_enum)]
    input_format: Option<InputFormat>,
    /// Look place names the gazetteer does not know up online, and use an answer when it is the
    /// only one under that name (its features then carry an `online-…` place id; pin it with
    /// `gazetteer lookup NAME --online --save`). Reads the inputs twice.
    #[arg(long)]
    online: bool,
    /// Where events given as lat/lon may lie: MINLON,MINLAT,MAXLON,MAXLAT, or `world`. Points
    /// outside it, or that look swapped, are refused; the default is Afghanistan and its
    /// neighbours (43,22,81,47). Events placed by name are not checked.
    #[arg(long, value_name = "BOX", default_value = "43,22,81,47", allow_hyphen_values = true)]
    region: Region,
    #[command(flatten)]
    net: OnlineArgs,
}

/// The formats of `--format`, in their fixed order.
#[derive(Debug, Clone)]
struct Formats(Vec<Format>);

fn parse_formats(s: &str) -> Result<Formats, String> {
    Format::parse_list(s).map(Formats)
}

fn parse_date(s: &str) -> Result<jiff::civil::Date, String> {
    s.parse().map_err(|_| format!("{s:?} is not a date (YYYY-MM-DD)"))
}

pub(super) type Events = Box<dyn Iterator<Item = Result<Event, ReadError>> + Send>;

/// The summary of the names checked against their points: a line for the far ones, with the
/// first listed, and one for names the gazetteer does not know.
fn print_name_checks(c: &bordermap::layers::NameChecks) {
    if c.far > 0 {
        eprintln!(
            "bordermap: {} event(s) have a place name that lies far from their coordinates (name_check = far; the \
             point is used as given — check the point, the name or the gazetteer):",
            c.far
        );
        for (at, id, detail) in &c.first_far {
            eprintln!("bordermap:   {at}: {id}: {detail}");
        }
        if c.far as usize > c.first_far.len() {
            eprintln!(
                "bordermap:   … and {} more (filter the layers on name_check = 'far')",
                c.far as usize - c.first_far.len()
            );
        }
    }
    if c.unknown + c.ambiguous > 0 {
        eprintln!(
            "bordermap: the place names of {} event(s) with coordinates could not be checked: {} unknown to the \
             gazetteer, {} ambiguous (name_check = unknown / ambiguous; add them with bordermap gazetteer add)",
            c.unknown + c.ambiguous,
            c.unknown,
            c.ambiguous
        );
    }
}

/// How events read from `path` name their origin.
pub(super) fn label(path: &std::path::Path) -> String {
    if path.as_os_str() == "-" { "<stdin>".to_string() } else { path.display().to_string() }
}

/// No reader: the header's errors printed, each a `file:line: error: …` line of its own.
fn refused(e: ReadError) -> Option<Events> {
    for line in e.to_string().lines() {
        eprintln!("bordermap: {}", line.trim_start());
    }
    None
}

fn boxed(r: impl Iterator<Item = Result<Event, ReadError>> + Send + 'static) -> Option<Events> {
    Some(Box::new(r))
}

/// An input's reader, or `None` when its header is unusable (the errors are printed: each is a
/// `file:line: error: …` line of its own).
pub(super) fn open(
    path: &PathBuf,
    from: From,
    forced: Option<InputFormat>,
    region: Region,
) -> anyhow::Result<Option<Events>> {
    let label = label(path);
    let reader: Box<dyn Read + Send> = if path.as_os_str() == "-" {
        Box::new(std::io::stdin())
    } else {
        let f = File::open(path)
            .map_err(|e| anyhow::anyhow!("cannot open {label}: {}", bordermap::publish::os_message(&e)))?;
        Box::new(f)
    };
    match from {
        From::Bordermap => {}
        From::Acled => {
            return Ok(AcledReader::new(reader, &label).map_or_else(refused, |r| boxed(r.with_region(region))));
        }
        From::Ucdp => return Ok(UcdpReader::new(reader, &label).map_or_else(refused, |r| boxed(r.with_region(region)))),
        From::Gdelt => {
            let r = match GdeltReader::new(reader, &label) {
                Ok(r) => r.with_region(region),
                Err(e) => return Ok(refused(e)),
            };
            // The rows left out are counted while reading, and told once it ends.
            let mut skipped = Some(r.skipped());
            return Ok(boxed(r.chain(std::iter::from_fn(move || {
                for line in skipped.take().map(|s| s.report(&region)).unwrap_or_default() {
                    eprintln!("bordermap: {label}: {line}");
                }
                None
            }))));
        }
    }
    let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("").to_ascii_lowercase();
    let format =
        forced.unwrap_or(if ext == "jsonl" || ext == "ndjson" { InputFormat::Jsonl } else { InputFormat::Csv });
    Ok(Some(match format {
        InputFormat::Jsonl => Box::new(EventReader::jsonl(reader, &label).with_region(region)),
        InputFormat::Csv => {
            let mut r = match EventReader::csv(reader, &label) {
                Ok(r) => r.with_region(region),
                Err(e) => return Ok(refused(e)),
            };
            for w in r.warnings() {
                eprintln!("bordermap: {w}");
            }
            Box::new(r)
        }
    }))
}

pub fn run(sources: &Sources, mut args: Args) -> anyhow::Result<Exit> {
    if !(args.max_distance_km.is_finite() && args.max_distance_km >= 0.0) {
        anyhow::bail!("--max-distance-km must be a distance in km, got {}", args.max_distance_km);
    }
    let r = args.share_radius_km;
    if !(r.is_finite() && r > 0.0 && r <= MAX_SHARE_RADIUS_KM) {
        anyhow::bail!("--share-radius-km must be a distance in km above 0 and at most {MAX_SHARE_RADIUS_KM}, got {r}");
    }
    let layers = if args.layers.is_empty() {
        Layers::default()
    } else {
        let has = |k| args.layers.contains(&k);
        Layers {
            borders: has(LayerKind::Borders),
            periods: has(LayerKind::Periods),
            timeline: has(LayerKind::Timeline),
            control: has(LayerKind::Control),
            interior: has(LayerKind::Interior),
            places: has(LayerKind::Places),
        }
    };
    if layers.periods && !args.layers.is_empty() && args.by.is_none() {
        anyhow::bail!("--layers periods needs --by day, week or month");
    }
    // Standard input, when read twice, is kept in a temporary file for the run.
    let mut spool = None;
    let gz = if args.online { with_online_places(sources, &mut args, &mut spool)? } else { sources.load()? };
    let gz = &gz;
    let mut inputs: Vec<Events> = Vec::new();
    let mut unusable = 0;
    for p in &args.inputs {
        match open(p, args.from, args.input_format, args.region)? {
            Some(events) => inputs.push(events),
            None => unusable += 1,
        }
    }
    if unusable > 0 {
        eprintln!(
            "bordermap: {unusable} input(s) cannot be read as events; nothing was changed in {}",
            args.out.display()
        );
        return Ok(Exit::Error);
    }
    // The new layers are built beside --out and replace the old set in one step; an error
    // before then leaves the published set as it was.
    let staging = Staging::begin(&args.out)?;
    for d in &staging.debris {
        eprintln!(
            "bordermap: {} {} left by an interrupted run ({} file(s), {})",
            if d.restored { "put back the layers" } else { "removed" },
            d.path.display(),
            d.files,
            human_bytes(d.bytes)
        );
    }
    let opts = MapOptions {
        max_distance_km: args.max_distance_km,
        by: args.by.map(|b| match b {
            By::Day => Period::Day,
            By::Week => Period::Week,
            By::Month => Period::Month,
        }),
        as_of: args.as_of,
        allow_unresolved: args.allow_unresolved,
        layers,
        properties: match args.properties {
            PropertySet::Full => Properties::Full,
            PropertySet::Compact => Properties::Compact,
        },
        inputs: args.inputs.iter().map(|p| label(p)).collect(),
        formats: args.format.0.clone(),
        allow_empty: args.allow_empty,
        share_radius_km: args.share_radius_km,
        ..MapOptions::default()
    };
    // Parsing runs on a second thread, ahead of the mapping.
    let wall = std::time::Instant::now();
    let events = read_ahead(inputs.into_iter().flatten());
    let read_clock = events.clock();
    match map_events(gz, events, staging.dir(), &opts) {
        Ok(mut report) => {
            report.stages.read = read_clock.get();
            // A GeoPackage is listed once per table.
            let mut files: Vec<String> = report.files.iter().map(|f| f.path.clone()).collect();
            files.dedup();
            let published = staging.commit(&files)?;
            if let Some(why) = &published.leftover {
                eprintln!("bordermap: the new layers are in place, but {why}; the next run removes what is left");
            }
            if published.kept > 0 {
                eprintln!("bordermap: kept {} file(s) of yours in {}", published.kept, args.out.display());
            }
            print_unresolved(&report.unresolved, "they are listed in unresolved.csv");
            if report.outside_periods > 0 {
                eprintln!(
                    "bordermap: {} event(s) known only to a longer span than one {} are in the time-aware layers \
                     (timeline, border, places), not in the per-{} folders",
                    report.outside_periods,
                    opts.by.map_or("period", |p| p.name()),
                    opts.by.map_or("period", |p| p.name()),
                );
            }
            print_name_checks(&report.name_checks);
            eprintln!(
                "mapped {} event(s) from {} place(s): {} on border layers, {} interior, {} after --as-of, {} unresolved; {} file(s) in {}",
                report.events_read,
                report.places,
                report.on_borders,
                report.interior,
                report.after_as_of,
                report.unresolved.len(),
                files.len(),
                args.out.display()
            );
            if args.timings {
                eprintln!(
                    "{}; wall {:.2} s (the publishing swap included)",
                    report.stages.summary(report.events_read),
                    wall.elapsed().as_secs_f64()
                );
            }
            Ok(if report.unresolved.is_empty() { Exit::Success } else { Exit::Incomplete })
        }
        Err(MapError::Unresolved(list)) => {
            print_unresolved(&list, "fix the first ones and run again");
            eprintln!(
                "bordermap: {} event(s) name places that do not resolve; nothing was written. Fix the names (or add \
                 place_id), or pass --allow-unresolved to write the rest",
                list.len()
            );
            Ok(Exit::Incomplete)
        }
        Err(MapError::Invalid(list)) => {
            eprintln!("{}", bordermap::diagnostic::DiagnosticList::new(&list).indent("bordermap: "));
            eprintln!(
                "bordermap: {} invalid event record(s); nothing was changed in {}",
                list.len(),
                args.out.display()
            );
            Ok(Exit::Error)
        }
        Err(MapError::DuplicateId(d)) => {
            eprintln!("bordermap: {d}");
            eprintln!("bordermap: event ids must be unique; nothing was changed in {}", args.out.display());
            Ok(Exit::Error)
        }
        Err(MapError::Io { path, message }) => Err(anyhow::anyhow!(
            "writing the new layers for --out {} (at {path}): {message}; the published layers were not changed",
            args.out.display()
        )),
        Err(e) => Err(e.into()),
    }
}

fn human_bytes(n: u64) -> String {
    match n {
        n if n >= 1 << 30 => format!("{:.1} GB", n as f64 / f64::from(1u32 << 30)),
        n if n >= 1 << 20 => format!("{:.1} MB", n as f64 / f64::from(1u32 << 20)),
        n if n >= 1 << 10 => format!("{:.1} KB", n as f64 / 1024.0),
        n => format!("{n} bytes"),
    }
}

/// The gazetteer with a layer of places found online for the names it does not know. Reads the
/// inputs once for their names (standard input is kept in a temporary file for the second read).
fn with_online_places(
    sources: &Sources,
    args: &mut Args,
    spool: &mut Option<tempfile::NamedTempFile>,
) -> anyhow::Result<Gazetteer> {
    if let Some(p) = args.inputs.iter_mut().find(|p| p.as_os_str() == "-") {
        let file = tempfile::NamedTempFile::new().context("spooling standard input")?;
        std::io::copy(&mut std::io::stdin().lock(), &mut file.as_file()).context("reading standard input")?;
        *p = file.path().to_path_buf();
        *spool = Some(file);
    }
    let gz = sources.load()?;
    let mut names = std::collections::BTreeSet::new();
    // A GDELT row is kept only with its ActionGeo point: no GDELT event is placed by name, and
    // reading the files twice would tell their left-out rows twice.
    let inputs = if args.from == From::Gdelt { &[][..] } else { &args.inputs[..] };
    for p in inputs {
        for e in open(p, args.from, args.input_format, args.region)?.into_iter().flatten().flatten() {
            if let bordermap::events::Location::Name(n) = e.location {
                names.insert(n);
            }
        }
    }
    let names: Vec<String> = names.into_iter().collect();
    let service = args.net.service()?;
    let layer = bordermap::gazetteer::online::layer_for_unknown(&gz, &service, &names)?;
    for (name, c) in &layer.used {
        eprintln!(
            "bordermap: {name:?} found online: {} {}:{} ({}); to keep it: bordermap gazetteer lookup {name:?} --online --save",
            c.name,
            c.provider.as_str(),
            c.provider_id,
            c.context
        );
    }
    for (name, why) in &layer.unsettled {
        eprintln!("bordermap: {name:?} not settled online: {why}");
    }
    // A failed lookup costs only its names: they stay unknown and take the unresolved path.
    for (name, e) in &layer.failed {
        eprintln!("bordermap: {name:?} not looked up online: {e}");
    }
    if layer.used.is_empty() {
        return Ok(gz);
    }
    let mut texts = sources.texts()?;
    texts.places.push(bordermap::gazetteer::PlacesSource::Text { text: layer.csv, label: "online lookups".into() });
    Ok(Gazetteer::from_texts(&texts)?)
}

/// The events whose place did not resolve: the first [`bordermap::diagnostic::LISTED`], then
/// how many more.
fn print_unresolved(list: &[bordermap::layers::Unresolved], where_rest: &str) {
    for u in list.iter().take(bordermap::diagnostic::LISTED) {
        eprintln!("bordermap: {}: place {} {}{}", u.origin, shown(&u.place), u.status, suggestions(&u.suggestions));
    }
    if list.len() > bordermap::diagnostic::LISTED {
        eprintln!(
            "bordermap: … and {} more ({} unresolved in all; {where_rest})",
            list.len() - bordermap::diagnostic::LISTED,
            list.len()
        );
    }
}

/// A name as quoted in a message: a name too long to be one is cut, with its length.
fn shown(name: &str) -> String {
    const SHOWN: usize = 80;
    let n = name.chars().count();
    if n <= SHOWN {
        format!("{name:?}")
    } else {
        let head: String = name.chars().take(SHOWN).collect();
        format!("{head:?}… ({n} characters)")
    }
}

fn suggestions(s: &[String]) -> String {
    if s.is_empty() { String::new() } else { format!(" — candidates/suggestions: {}", s.join("; ")) }
}
