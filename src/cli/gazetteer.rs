//! `bordermap gazetteer …`.

use std::io::Write;

use anyhow::Context;
use clap::{Subcommand, ValueEnum};

use bordermap::gazetteer::edit::{self, NewPlace};
use bordermap::gazetteer::{PlaceKind, Query, check};

use super::online::{OnlineArgs, describe, print_candidates};
use super::{Exit, Sources, opt_num, print_table, stdout};

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum CheckFormat {
    /// One line per finding: file:line: severity: field 'x': message.
    Text,
    /// A JSON array of findings.
    Json,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Validate the gazetteer: duplicate ids, shared aliases (listed, not fatal), coordinates
    /// out of range or swapped, points outside their declared country, broken geometry.
    ///
    /// Exit status: 0 when there are no errors (warnings allowed), 1 when there are errors,
    /// 2 when the files cannot be read.
    Check {
        /// Output format.
        #[arg(long, value_enum, default_value_t = CheckFormat::Text)]
        format: CheckFormat,
        /// Also print warnings (shared names, generic aliases).
        #[arg(long, short)]
        warnings: bool,
    },
    /// List places, optionally by country, kind, or distance from a place.
    List {
        /// Only places in this country (ISO3).
        #[arg(long, value_name = "ISO3")]
        country: Option<String>,
        /// Only places of this kind.
        #[arg(long, value_parser = parse_kind)]
        kind: Option<PlaceKind>,
        /// Only places within --km of this place (a name or an id), nearest first.
        #[arg(long, value_name = "PLACE", requires = "km")]
        near: Option<String>,
        /// Radius for --near, km.
        #[arg(long, value_name = "N")]
        km: Option<f64>,
    },
    /// Add a place to your user places file (validated first; refused on name collisions or
    /// a point outside its country unless --force).
    Add {
        /// The name for legends.
        name: String,
        /// Latitude, WGS84 decimal degrees.
        #[arg(long, allow_hyphen_values = true)]
        lat: f64,
        /// Longitude, WGS84 decimal degrees.
        #[arg(long, allow_hyphen_values = true)]
        lon: f64,
        /// Kind.
        #[arg(long, value_parser = parse_kind)]
        kind: PlaceKind,
        /// ISO3 code, or two joined by '/' for a place on a border.
        #[arg(long, value_name = "ISO3")]
        country: String,
        /// Another spelling (repeatable).
        #[arg(long = "alias", value_name = "ALIAS")]
        aliases: Vec<String>,
        /// GeoNames id.
        #[arg(long)]
        geonames_id: Option<u64>,
        /// Where the coordinates come from.
        #[arg(long, default_value = "")]
        source: String,
        /// Notes.
        #[arg(long, default_value = "")]
        notes: String,
        /// Id (default: ISO3 and name, e.g. afg-new-post).
        #[arg(long)]
        id: Option<String>,
        /// Make the change despite collisions, an existing id or a country check.
        #[arg(long)]
        force: bool,
    },
    /// Add a spelling to a place (a bundled place is copied into your file with it).
    Alias {
        /// The place: an id, or a name that resolves unambiguously.
        place: String,
        /// The new spelling.
        alias: String,
        /// Add it even if another place has that name.
        #[arg(long)]
        force: bool,
    },
    /// Remove a place from your user places file.
    Remove {
        /// Its id.
        id: String,
    },
    /// Import places from a data source into your user places file.
    #[command(subcommand)]
    Import(ImportSource),
    /// Look names up in an online gazetteer (GeoNames or Nominatim) and show the candidates
    /// with their border facts; --save adds one to your user places file, validated as `add`.
    ///
    /// Needs --online: nothing goes over the network unless asked. Answers are cached on disk.
    /// Exit status: 0 when every name has candidates (or the chosen one was saved), 1 when some
    /// name has none, 2 when a request or the save failed.
    Lookup {
        /// Names to look up.
        #[arg(required = true, value_name = "NAME")]
        names: Vec<String>,
        /// Go online (required).
        #[arg(long)]
        online: bool,
        #[command(flatten)]
        net: OnlineArgs,
        /// Add a candidate to your user places file (one name at a time).
        #[arg(long)]
        save: bool,
        /// The candidate --save adds (the N column); required when there are several.
        #[arg(long, value_name = "N")]
        pick: Option<usize>,
        /// Kind for --save, when the service's feature type maps to none (or to override it).
        #[arg(long, value_parser = parse_kind)]
        kind: Option<PlaceKind>,
        /// Save even where validation refuses (outside its country, a name collision).
        #[arg(long)]
        force: bool,
        /// Output format.
        #[arg(long, value_enum, default_value_t = CheckFormat::Text)]
        format: CheckFormat,
    },
}

#[derive(Debug, Subcommand)]
pub enum ImportSource {
    /// GeoNames dumps (allCountries.txt, AF.txt, cities500.txt …: 19 tab-separated columns),
    /// streamed; alternate names from alternateNamesV2.txt become aliases. Places already in
    /// the gazetteer (same GeoNames id, or same name within 5 km) gain aliases instead of
    /// being duplicated.
    ///
    /// Exit status: 0 when every row was read, 1 when some rows were malformed or refused
    /// (the rest is imported), 2 when nothing could be imported.
    Geonames {
        /// Dump files.
        #[arg(required = true)]
        files: Vec<std::path::PathBuf>,
        /// ISO2 country codes to keep, comma-separated (default: AF,TJ,IR,TM,UZ,PK,CN).
        #[arg(long, value_delimiter = ',', default_value = "AF,TJ,IR,TM,UZ,PK,CN")]
        countries: Vec<String>,
        /// Feature class.code values to keep, comma-separated.
        #[arg(
            long,
            value_delimiter = ',',
            default_value = "P.PPL,P.PPLA,P.PPLA2,P.PPLA3,P.PPLA4,P.PPLC,P.PPLX,S.PSTB,H.STM,T.PASS,S.BDG,S.MILB,A.ADM1,A.ADM2"
        )]
        feature_codes: Vec<String>,
        /// Keep only places within this distance of a border, km.
        #[arg(long, value_name = "N")]
        within_km: Option<f64>,
        /// alternateNamesV2.txt, for more spellings.
        #[arg(long, value_name = "FILE")]
        alternate_names: Option<std::path::PathBuf>,
        /// Report what would be imported without writing.
        #[arg(long)]
        dry_run: bool,
    },
}

fn parse_kind(s: &str) -> Result<PlaceKind, String> {
    s.parse()
}

pub fn run(sources: &Sources, cmd: Command) -> anyhow::Result<Exit> {
    match cmd {
        Command::Check { format, warnings } => {
            let report = check::check(&sources.texts()?);
            let mut out = stdout();
            let shown: Vec<_> = report.diagnostics.iter().filter(|d| warnings || d.is_error()).collect();
            match format {
                CheckFormat::Json => {
                    serde_json::to_writer_pretty(&mut out, &shown)?;
                    writeln!(out)?;
                }
                CheckFormat::Text => {
                    for d in &shown {
                        writeln!(out, "{d}")?;
                    }
                }
            }
            out.flush()?;
            eprintln!(
                "checked {} places and {} borders: {} error(s), {} warning(s){}",
                report.places,
                report.borders,
                report.errors(),
                report.warnings(),
                if warnings || report.warnings() == 0 { "" } else { " (-w to list them)" }
            );
            Ok(if report.errors() > 0 { Exit::Incomplete } else { Exit::Success })
        }
        Command::List { country, kind, near, km } => {
            let gz = sources.load()?;
            let country = match country {
                Some(c) => Some(gz.known_country(&c).map_err(|e| anyhow::anyhow!("--country {e}"))?),
                None => None,
            };
            let near = match near {
                None => None,
                Some(name) => Some((place_index(&gz, &name)?, km.unwrap_or(0.0))),
            };
            let rows: Vec<Vec<String>> = gz
                .select(country.as_deref(), kind, near)
                .into_iter()
                .map(|(i, d)| {
                    let p = gz.place_at(i);
                    vec![
                        p.id.clone(),
                        p.name.clone(),
                        p.kind.to_string(),
                        p.country_label(),
                        format!("{:.5}", p.point.y()),
                        format!("{:.5}", p.point.x()),
                        opt_num(d, 1),
                        p.origin.to_string(),
                    ]
                })
                .collect();
            let n = rows.len();
            print_table(&mut stdout(), &["ID", "NAME", "KIND", "COUNTRY", "LAT", "LON", "KM", "FROM"], &rows)?;
            eprintln!("{n} place(s)");
            Ok(Exit::Success)
        }
        Command::Add { name, lat, lon, kind, country, aliases, geonames_id, source, notes, id, force } => {
            let gz = sources.load()?;
            let file = sources.user_file()?;
            let p = NewPlace { id, name, kind: Some(kind), country, lat, lon, aliases, geonames_id, source, notes };
            let id = edit::add(&gz, file, &p, force)?;
            eprintln!("added {id} to {}", file.display());
            Ok(Exit::Success)
        }
        Command::Alias { place, alias, force } => {
            let gz = sources.load()?;
            let file = sources.user_file()?;
            let i = place_index(&gz, &place)?;
            let id = gz.place_at(i).id.clone();
            if edit::add_alias(&gz, file, &id, &alias, force)? {
                eprintln!("{id} now has the alias {alias:?} (in {})", file.display());
            } else {
                eprintln!("{id} already has the name {alias:?} (in folded form): nothing changed");
            }
            Ok(Exit::Success)
        }
        Command::Import(ImportSource::Geonames {
            files,
            countries,
            feature_codes,
            within_km,
            alternate_names,
            dry_run,
        }) => import_geonames(sources, files, countries, feature_codes, within_km, alternate_names, dry_run),
        Command::Lookup { names, online, net, save, pick, kind, force, format } => {
            if !online {
                anyhow::bail!(
                    "`gazetteer lookup` goes online only when asked: add --online (for the local gazetteer, use `bordermap resolve`)"
                );
            }
            if save && names.len() != 1 {
                anyhow::bail!("--save adds one place: give one name at a time");
            }
            let gz = sources.load()?;
            let service = net.service()?;
            let mut rows = Vec::new();
            for name in &names {
                let found = service.lookup(name).with_context(|| format!("looking up {name:?} online"))?;
                rows.push((name.clone(), describe(&gz, found)));
            }
            let mut out = stdout();
            match format {
                CheckFormat::Json => {
                    let all: Vec<serde_json::Value> =
                        rows.iter().map(|(q, cs)| serde_json::json!({ "query": q, "candidates": cs })).collect();
                    serde_json::to_writer_pretty(&mut out, &all)?;
                    writeln!(out)?;
                }
                CheckFormat::Text => print_candidates(&mut out, &rows)?,
            }
            out.flush()?;
            drop(out);
            if save {
                return save_candidate(&gz, sources, &names[0], &rows[0].1, pick, kind, force);
            }
            let empty: Vec<&str> = rows.iter().filter(|(_, cs)| cs.is_empty()).map(|(q, _)| q.as_str()).collect();
            for q in &empty {
                eprintln!("bordermap: nothing found online for {q:?}");
            }
            Ok(if empty.is_empty() { Exit::Success } else { Exit::Incomplete })
        }
        Command::Remove { id } => {
            let gz = sources.load()?;
            let file = sources.user_file()?;
            edit::remove(&gz, file, &id)?;
            eprintln!("removed {id} from {}", file.display());
            Ok(Exit::Success)
        }
    }
}

/// Adds the chosen online candidate to the user places file.
fn save_candidate(
    gz: &bordermap::gazetteer::Gazetteer,
    sources: &Sources,
    query: &str,
    candidates: &[super::online::CandidateOut],
    pick: Option<usize>,
    kind: Option<PlaceKind>,
    force: bool,
) -> anyhow::Result<Exit> {
    let chosen = match (pick, candidates.len()) {
        (_, 0) => anyhow::bail!("nothing found online for {query:?}: nothing to save"),
        (None, 1) => &candidates[0],
        (None, n) => anyhow::bail!("{n} candidates for {query:?}: choose one with --pick N (the N column)"),
        (Some(p), n) if p == 0 || p > n => anyhow::bail!("--pick {p}: there are {n} candidate(s)"),
        (Some(p), _) => &candidates[p - 1],
    };
    if let Some(id) = &chosen.in_gazetteer {
        anyhow::bail!(
            "{} is already in the gazetteer as {id}; to add the spelling: bordermap gazetteer alias {id} {query:?}",
            chosen.candidate.name
        );
    }
    let mut row = chosen.candidate.to_new_place(query);
    row.kind = kind.or(row.kind);
    if row.kind.is_none() {
        anyhow::bail!("the service's feature type {:?} maps to no kind: pass --kind", chosen.candidate.feature);
    }
    if row.country.is_empty() {
        anyhow::bail!("the service gave no country for {}: add it with `gazetteer add` instead", chosen.candidate.name);
    }
    let file = sources.user_file()?;
    let id = edit::add(gz, file, &row, force)?;
    eprintln!("added {id} ({}) to {}", row.source, file.display());
    Ok(Exit::Success)
}

/// A place by id, or by a name that resolves unambiguously.
fn place_index(gz: &bordermap::gazetteer::Gazetteer, s: &str) -> anyhow::Result<usize> {
    if let Some(i) = gz.place_index(s) {
        return Ok(i);
    }
    let r = gz.resolve(&Query::new(s));
    r.resolved().map(|c| c.place).ok_or_else(|| {
        anyhow::anyhow!("{s:?} is not a place id and does not resolve to one place ({})", r.status.as_str())
    })
}

fn open_with_progress(
    path: &std::path::Path,
) -> anyhow::Result<(std::io::BufReader<std::fs::File>, indicatif::ProgressBar)> {
    use std::io::IsTerminal;
    let f = std::fs::File::open(path).with_context(|| format!("cannot open {}", path.display()))?;
    let len = f.metadata().map(|m| m.len()).unwrap_or(0);
    let bar = if std::io::stderr().is_terminal() {
        let b = indicatif::ProgressBar::new(len);
        b.set_style(
            indicatif::ProgressStyle::with_template("{msg} [{bar:30}] {bytes}/{total_bytes} {bytes_per_sec} ETA {eta}")
                .expect("valid template")
                .progress_chars("=> "),
        );
        b.set_message(path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default());
        b
    } else {
        indicatif::ProgressBar::hidden()
    };
    Ok((std::io::BufReader::with_capacity(1 << 20, f), bar))
}

#[allow(clippy::too_many_arguments)]
fn import_geonames(
    sources: &Sources,
    files: Vec<std::path::PathBuf>,
    countries: Vec<String>,
    feature_codes: Vec<String>,
    within_km: Option<f64>,
    alternate_names: Option<std::path::PathBuf>,
    dry_run: bool,
) -> anyhow::Result<Exit> {
    use bordermap::gazetteer::geonames::{ImportOptions, Importer};
    let gz = sources.load()?;
    let user = sources.user_file()?;
    let mut imp = Importer::new(&gz, ImportOptions { countries, feature_codes, within_km });
    let started = std::time::Instant::now();
    for f in &files {
        let (reader, bar) = open_with_progress(f)?;
        imp.read(reader, &f.display().to_string(), |n| bar.inc(n))
            .with_context(|| format!("reading {}", f.display()))?;
        bar.finish_and_clear();
    }
    if let Some(alt) = &alternate_names {
        let (reader, bar) = open_with_progress(alt)?;
        imp.read_alternate_names(reader, |n| bar.inc(n)).with_context(|| format!("reading {}", alt.display()))?;
        bar.finish_and_clear();
    }
    let secs = started.elapsed().as_secs_f64();
    for p in &imp.problems {
        eprintln!("bordermap: {p}");
    }
    let outcome = edit::import(&gz, user, &imp, dry_run)?;
    const SHOWN: usize = 20;
    for r in outcome.refused.iter().take(SHOWN) {
        eprintln!("bordermap: refused {r}");
    }
    if outcome.refused.len() > SHOWN {
        eprintln!("bordermap: … and {} more refused", outcome.refused.len() - SHOWN);
    }
    let s = &imp.stats;
    let skipped: Vec<String> = s.skipped.iter().map(|(why, n)| format!("{n} {why}")).collect();
    eprintln!(
        "{} {} rows in {:.1} s ({:.0} rows/s): {} added, {} merged into existing places, {} already present, {} refused, {} malformed; skipped: {}{}",
        if dry_run { "would import from" } else { "read" },
        s.rows,
        secs,
        s.rows as f64 / secs.max(1e-9),
        outcome.added,
        outcome.merged,
        outcome.unchanged,
        outcome.refused.len(),
        s.malformed,
        if skipped.is_empty() { "none".to_string() } else { skipped.join(", ") },
        if alternate_names.is_some() {
            format!(
                "; {} alternate names used of {} rows ({} malformed)",
                s.alternate_used, s.alternate_rows, s.alternate_malformed
            )
        } else {
            String::new()
        }
    );
    if !dry_run {
        eprintln!("written to {}", user.display());
    }
    let malformed = s.malformed + s.alternate_malformed;
    Ok(if malformed > 0 || !outcome.refused.is_empty() { Exit::Incomplete } else { Exit::Success })
}
