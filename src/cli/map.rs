//! `bordermap map`.

use std::fs::File;
use std::io::Read;
use std::path::PathBuf;

use anyhow::Context;
use clap::ValueEnum;

use bordermap::events::{Event, EventReader, ReadError, read_ahead};
use bordermap::gazetteer::Gazetteer;
use bordermap::layers::{DEFAULT_MAX_DISTANCE_KM, Layers, MapError, MapOptions, Period, Properties, map_events};

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
    /// One layer per border, headed by its line.
    Borders,
    /// One layer per border and period (needs --by).
    Periods,
    /// Every event once, with start and end (timeline.geojson).
    Timeline,
    /// Control intervals (control.geojson).
    Control,
    /// Events away from the borders (interior.geojson).
    Interior,
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

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Event files: CSV or JSON Lines (by extension: .csv, .jsonl/.ndjson); `-` reads
    /// standard input.
    #[arg(required = true, value_name = "EVENTS")]
    inputs: Vec<PathBuf>,
    /// Output folder (created if needed; files in it are replaced atomically).
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
    /// How much each event feature carries.
    #[arg(long, value_enum, default_value = "full", value_name = "SET")]
    properties: PropertySet,
    /// Events farther than this from every border go to interior.geojson.
    #[arg(long, default_value_t = DEFAULT_MAX_DISTANCE_KM, value_name = "KM")]
    max_distance_km: f64,
    /// Write the layers even if some place names do not resolve; they are listed in
    /// DIR/unresolved.csv (the exit status is still 1).
    #[arg(long)]
    allow_unresolved: bool,
    /// Format of the inputs, when the extension does not tell (standard input is CSV unless
    /// this says otherwise).
    #[arg(long, value_enum)]
    input_format: Option<InputFormat>,
    /// Look place names the gazetteer does not know up online, and use an answer when it is the
    /// only one under that name (its features then carry an `online-…` place id; pin it with
    /// `gazetteer lookup NAME --online --save`). Reads the inputs twice.
    #[arg(long)]
    online: bool,
    #[command(flatten)]
    net: OnlineArgs,
}

fn parse_date(s: &str) -> Result<jiff::civil::Date, String> {
    s.parse().map_err(|_| format!("{s:?} is not a date (YYYY-MM-DD)"))
}

type Events = Box<dyn Iterator<Item = Result<Event, ReadError>> + Send>;

fn open(path: &PathBuf, forced: Option<InputFormat>) -> anyhow::Result<Events> {
    let (reader, label): (Box<dyn Read + Send>, String) = if path.as_os_str() == "-" {
        (Box::new(std::io::stdin()), "<stdin>".to_string())
    } else {
        let f = File::open(path).with_context(|| format!("cannot open {}", path.display()))?;
        (Box::new(f), path.display().to_string())
    };
    let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("").to_ascii_lowercase();
    let format =
        forced.unwrap_or(if ext == "jsonl" || ext == "ndjson" { InputFormat::Jsonl } else { InputFormat::Csv });
    Ok(match format {
        InputFormat::Jsonl => Box::new(EventReader::jsonl(reader, &label)),
        InputFormat::Csv => {
            let mut r = EventReader::csv(reader, &label).map_err(|e| anyhow::anyhow!("{e}"))?;
            for w in r.warnings() {
                eprintln!("bordermap: {w}");
            }
            Box::new(r)
        }
    })
}

pub fn run(sources: &Sources, mut args: Args) -> anyhow::Result<Exit> {
    if !(args.max_distance_km.is_finite() && args.max_distance_km >= 0.0) {
        anyhow::bail!("--max-distance-km must be a distance in km, got {}", args.max_distance_km);
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
    for p in &args.inputs {
        inputs.push(open(p, args.input_format)?);
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
        ..MapOptions::default()
    };
    // Parsing runs on a second thread, ahead of the mapping.
    match map_events(gz, read_ahead(inputs.into_iter().flatten()), &args.out, &opts) {
        Ok(report) => {
            for u in &report.unresolved {
                eprintln!("bordermap: {}: place {:?} {}{}", u.origin, u.place, u.status, suggestions(&u.suggestions));
            }
            eprintln!(
                "mapped {} event(s) from {} place(s): {} on border layers, {} interior, {} after --as-of, {} unresolved; {} file(s) in {}",
                report.events_read,
                report.places,
                report.on_borders,
                report.interior,
                report.after_as_of,
                report.unresolved.len(),
                report.files.len(),
                args.out.display()
            );
            Ok(if report.unresolved.is_empty() { Exit::Success } else { Exit::Incomplete })
        }
        Err(MapError::Unresolved(list)) => {
            for u in &list {
                eprintln!("bordermap: {}: place {:?} {}{}", u.origin, u.place, u.status, suggestions(&u.suggestions));
            }
            eprintln!(
                "bordermap: {} event(s) name places that do not resolve; nothing was written. Fix the names (or add \
                 place_id), or pass --allow-unresolved to write the rest",
                list.len()
            );
            Ok(Exit::Incomplete)
        }
        Err(e) => Err(e.into()),
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
    for p in &args.inputs {
        for e in open(p, args.input_format)?.flatten() {
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

fn suggestions(s: &[String]) -> String {
    if s.is_empty() { String::new() } else { format!(" — candidates/suggestions: {}", s.join("; ")) }
}
