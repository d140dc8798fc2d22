//! Command-line interface: argument definitions (clap derive) and dispatch. Each subcommand's
//! module parses its arguments into library calls and prints the result; decisions belong to
//! the library.

mod borders;
mod convert;
mod extract;
mod gazetteer;
mod map;
mod online;
mod render;
mod resolve;
mod view;

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use clap::{Parser, Subcommand};

use bordermap::gazetteer::disk_index::index_path;
use bordermap::gazetteer::{Gazetteer, GazetteerSources};

/// Exit statuses. 2 is also what clap uses for a usage error.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    /// Everything asked for was done.
    Success = 0,
    /// The run completed but some input did not resolve (unknown, generic or ambiguous names),
    /// or `gazetteer check` found errors. Output for the rest is complete.
    Incomplete = 1,
    /// Bad arguments, unreadable or invalid input: nothing (or nothing reliable) was produced.
    Error = 2,
}

impl From<Exit> for ExitCode {
    fn from(e: Exit) -> Self {
        ExitCode::from(e as u8)
    }
}

/// Map conflict events along Afghanistan's borders.
#[derive(Debug, Parser)]
#[command(name = "bordermap", version, about, max_term_width = 100)]
pub struct Cli {
    /// A gazetteer layer on top of the bundled one: a places CSV file, or a folder with a
    /// places.csv (a folder that also has borders.geojson and countries.geojson replaces the
    /// bundled gazetteer instead). Repeatable; later layers win. BORDERMAP_GAZETTEER holds a
    /// ':'-separated list, used when no --gazetteer is given.
    #[arg(long, global = true, env = "BORDERMAP_GAZETTEER", value_name = "PATH", value_delimiter = ':')]
    gazetteer: Vec<PathBuf>,

    /// Your own places file: the top layer (it wins over every other), and where `gazetteer
    /// add`, `alias`, `remove` and `import` write. Default: $XDG_DATA_HOME/bordermap/places.csv
    /// or ~/.local/share/bordermap/places.csv.
    #[arg(long, global = true, env = "BORDERMAP_USER_PLACES", value_name = "FILE")]
    user_places: Option<PathBuf>,

    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Resolve place names to gazetteer places, with their border facts.
    ///
    /// Exit status: 0 when every name resolved unambiguously, 1 when some name is unknown,
    /// generic or ambiguous (the others are still printed), 2 on bad input.
    Resolve(resolve::Args),
    /// Inspect and validate the gazetteer.
    #[command(subcommand)]
    Gazetteer(gazetteer::Command),
    /// List the borders, or locate points relative to them.
    Borders(borders::Args),
    /// Turn events into GeoJSON layers: one per border, by period, a timeline, control
    /// intervals, and the interior.
    ///
    /// Exit status: 0 when every event was mapped, 1 when some place names did not resolve
    /// (nothing is written unless --allow-unresolved), 2 on invalid records or bad arguments.
    Map(map::Args),
    /// Read articles (text, HTML, URLs) and propose the events in them, with places resolved,
    /// dates, actors and claim status, as an events CSV for review (`extract … | bordermap map -`).
    ///
    /// Exit status: 0 when every input was read, 1 when some could not be (the others are
    /// still written), 2 on bad arguments.
    Extract(extract::Args),
    /// Read event exports (ACLED) and write them as bordermap's own event records (CSV or
    /// JSON Lines) to review and edit before `bordermap map`.
    ///
    /// Exit status: 0 when every row was converted, 2 on invalid rows or bad arguments
    /// (nothing is written).
    Convert(convert::Args),
    /// Write one offline HTML page of a layers folder: borders, events and control drawn with
    /// a date slider, filters, a legend, claims against the record, and a click on anything
    /// listing its events with their sources. No network needed to open it.
    ///
    /// Exit status: 0 when the page was written, 2 when the folder could not be read.
    View(view::Args),
    /// Draw a static map of a layers folder as of a date, as PNG or SVG, for a report: the
    /// borders, the day's events by type and claim status, who holds what, a legend, the
    /// share of the border on record beside the claimed shares, and the attribution.
    ///
    /// Exit status: 0 when the picture was written, 2 on bad arguments or an unreadable folder.
    Render(render::Args),
}

/// Where the gazetteer comes from: the layers, lowest first, and the user's own file.
pub struct Sources {
    layers: Vec<PathBuf>,
    user_places: Option<PathBuf>,
}

impl Sources {
    /// The layers to read: the --gazetteer ones, then the user file if it exists.
    fn all_layers(&self) -> Vec<PathBuf> {
        let mut l = self.layers.clone();
        if let Some(u) = self.user_places.as_ref().filter(|u| u.exists()) {
            l.push(u.clone());
        }
        l
    }

    fn texts(&self) -> anyhow::Result<GazetteerSources> {
        let mut t = GazetteerSources::bundled();
        for l in self.all_layers() {
            t = t.with_layer(&l).with_context(|| format!("reading gazetteer layer {}", l.display()))?;
        }
        Ok(t)
    }

    fn load(&self) -> anyhow::Result<Gazetteer> {
        let gz = Gazetteer::from_texts(&self.texts()?).context("loading the gazetteer")?;
        for (file, why) in &gz.rebuilt_indexes {
            eprintln!("indexed {} ({why}): later loads use {}", file.display(), index_path(file).display());
        }
        Ok(gz)
    }

    fn user_file(&self) -> anyhow::Result<&std::path::Path> {
        self.user_places.as_deref().ok_or_else(|| {
            anyhow::anyhow!("no user places file: pass --user-places FILE or set BORDERMAP_USER_PLACES (or HOME)")
        })
    }
}

/// Runs a parsed command line.
pub fn run(cli: Cli) -> anyhow::Result<Exit> {
    let sources = Sources {
        layers: cli.gazetteer,
        user_places: cli.user_places.or_else(bordermap::gazetteer::default_user_places),
    };
    match cli.command {
        Command::Resolve(args) => resolve::run(&sources.load()?, args),
        Command::Gazetteer(cmd) => gazetteer::run(&sources, cmd),
        Command::Borders(args) => borders::run(&sources.load()?, args),
        Command::Map(args) => map::run(&sources, args),
        Command::Extract(args) => extract::run(&sources.load()?, args),
        Command::Convert(args) => convert::run(args),
        Command::View(args) => view::run(args),
        Command::Render(args) => render::run(args),
    }
}

/// Writes to stdout, locked and buffered.
fn stdout() -> std::io::BufWriter<std::io::StdoutLock<'static>> {
    std::io::BufWriter::new(std::io::stdout().lock())
}

/// Parses "LAT,LON" (decimal degrees) into a point.
fn parse_lat_lon(s: &str) -> Result<geo::Point<f64>, String> {
    let (a, b) = s.split_once(',').ok_or_else(|| format!("{s:?} is not LAT,LON"))?;
    let lat: f64 = a.trim().parse().map_err(|_| format!("latitude {a:?} is not a number"))?;
    let lon: f64 = b.trim().parse().map_err(|_| format!("longitude {b:?} is not a number"))?;
    if !(-90.0..=90.0).contains(&lat) || !(-180.0..=180.0).contains(&lon) {
        return Err(format!("{s:?} is out of range (LAT within ±90, LON within ±180)"));
    }
    Ok(geo::Point::new(lon, lat))
}

/// Formats an optional number with fixed decimals, or "-".
fn opt_num(v: Option<f64>, decimals: usize) -> String {
    v.map_or_else(|| "-".to_string(), |v| format!("{v:.decimals$}"))
}

/// Columns are aligned up to this many characters: a longer cell is printed whole and pushes
/// the rest of its own row right, rather than widening its column for every row.
const MAX_ALIGNED_WIDTH: usize = 60;

/// Prints rows as left-aligned columns. Padding is written by hand: `format!("{c:<w$}")`
/// panics for widths past `u16::MAX` ("Formatting argument out of range").
fn print_table(out: &mut dyn std::io::Write, header: &[&str], rows: &[Vec<String>]) -> std::io::Result<()> {
    let mut widths: Vec<usize> = header.iter().map(|h| h.chars().count().min(MAX_ALIGNED_WIDTH)).collect();
    for r in rows {
        for (w, c) in widths.iter_mut().zip(r) {
            *w = (*w).max(c.chars().count().min(MAX_ALIGNED_WIDTH));
        }
    }
    let line = |cells: Vec<&str>| {
        let mut s = String::new();
        for (i, (c, w)) in cells.iter().zip(&widths).enumerate() {
            s.push_str(c);
            if i + 1 < cells.len() {
                let pad = w.saturating_sub(c.chars().count()) + 2;
                s.extend(std::iter::repeat_n(' ', pad));
            }
        }
        s.truncate(s.trim_end().len());
        s
    };
    writeln!(out, "{}", line(header.to_vec()))?;
    for r in rows {
        writeln!(out, "{}", line(r.iter().map(String::as_str).collect()))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_name_in_table_output_does_not_panic() {
        let long = "x".repeat(70_000);
        let rows = vec![vec![long.clone(), "a".into(), "b".into()], vec!["short".into(), "c".into(), "d".into()]];
        let mut out = Vec::new();
        print_table(&mut out, &["NAME", "K", "V"], &rows).unwrap();
        let text = String::from_utf8(out).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        assert!(lines[1].starts_with(&long) && lines[1].ends_with("  a  b"), "the long cell is whole");
        // The other rows are aligned as if the long cell were MAX_ALIGNED_WIDTH wide.
        assert_eq!(lines[2], format!("short{}c  d", " ".repeat(MAX_ALIGNED_WIDTH - 5 + 2)));
        assert_eq!(lines[0].len(), lines[2].len());
    }

    #[test]
    fn table_columns_are_aligned() {
        let rows = vec![vec!["ab".to_string(), "x".into()], vec!["abcd".to_string(), "y".into()]];
        let mut out = Vec::new();
        print_table(&mut out, &["N", "V"], &rows).unwrap();
        assert_eq!(String::from_utf8(out).unwrap(), "N     V\nab    x\nabcd  y\n");
    }
}
