//! `bordermap resolve`.

use std::io::Write;

use clap::ValueEnum;
use geo::{Coord, MapCoords};
use serde::Serialize;

use bordermap::gazetteer::{Gazetteer, MatchKind, Near, PlaceKind, PlaceReport, Query, Resolution, Status};
use bordermap::output::round_coord;

use super::online::{CandidateOut as OnlineOut, OnlineArgs, describe, print_candidates};
use super::{Exit, opt_num, parse_lat_lon, print_table, stdout};

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum Format {
    /// Aligned columns for reading.
    Table,
    /// One JSON array, an object per name.
    Json,
    /// A GeoJSON FeatureCollection of the places found (RFC 7946).
    Geojson,
}

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Names to resolve, as the press writes them ("Mazar-e Sharif", "River Panj").
    #[arg(required = true, value_name = "NAME")]
    names: Vec<String>,
    /// Prefer places in this country (ISO3, e.g. TJK).
    #[arg(long, value_name = "ISO3")]
    country: Option<String>,
    /// Prefer places of this kind.
    #[arg(long, value_parser = parse_kind)]
    kind: Option<PlaceKind>,
    /// Prefer places near a point (LAT,LON) or a border (AFG-TJK).
    #[arg(long, value_name = "LAT,LON|BORDER", conflicts_with = "admin1")]
    near: Option<String>,
    /// Prefer places in this province (its name, as ACLED's admin1 or UCDP's adm_1 give it:
    /// "Balkh", "Herat province"): places near its centre win a tie.
    #[arg(long, value_name = "PROVINCE")]
    admin1: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Table)]
    format: Format,
    /// Look names the gazetteer does not know up online, and show what is found (to review:
    /// nothing found online counts as resolved; `gazetteer lookup NAME --online --save` adds it).
    #[arg(long)]
    online: bool,
    #[command(flatten)]
    net: OnlineArgs,
}

fn parse_kind(s: &str) -> Result<PlaceKind, String> {
    s.parse()
}

#[derive(Serialize)]
struct CandidateOut {
    #[serde(flatten)]
    place: PlaceReport,
    matched: MatchKind,
    matched_name: String,
    score: f64,
}

#[derive(Serialize)]
struct ResolutionOut {
    query: String,
    status: Status,
    best: Option<CandidateOut>,
    candidates: Vec<CandidateOut>,
    suggestions: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    online: Option<Vec<OnlineOut>>,
    /// Why the name could not be looked up online, when it was asked and failed.
    #[serde(skip_serializing_if = "Option::is_none")]
    online_error: Option<String>,
}

fn candidate_out(gz: &Gazetteer, c: &bordermap::gazetteer::Candidate) -> CandidateOut {
    CandidateOut {
        place: gz.report(c.place),
        matched: c.matched,
        matched_name: c.matched_name.clone(),
        score: (c.score * 1000.0).round() / 1000.0,
    }
}

fn to_out(gz: &Gazetteer, r: &Resolution) -> ResolutionOut {
    ResolutionOut {
        query: r.query.clone(),
        status: r.status,
        best: r.resolved().map(|c| candidate_out(gz, c)),
        candidates: r.candidates.iter().map(|c| candidate_out(gz, c)).collect(),
        suggestions: r.suggestions.clone(),
        online: None,
        online_error: None,
    }
}

pub fn run(gz: &Gazetteer, args: Args) -> anyhow::Result<Exit> {
    let near = match &args.near {
        None => None,
        Some(s) if s.contains(',') => Some(Near::Point(parse_lat_lon(s).map_err(anyhow::Error::msg)?)),
        Some(s) => {
            let b = gz
                .borders()
                .border(s)
                .ok_or_else(|| anyhow::anyhow!("--near {s:?}: neither LAT,LON nor a border id"))?;
            Some(Near::Border(b.id.clone()))
        }
    };
    // A country the gazetteer does not know would silently prefer nothing.
    let country = match &args.country {
        Some(c) => Some(gz.known_country(c).map_err(|e| anyhow::anyhow!("--country {e}"))?),
        None => None,
    };
    // Likewise a province it does not know.
    let near = match &args.admin1 {
        Some(a) => Some(Near::Point(gz.province_point(a, country.as_deref().unwrap_or("")).ok_or_else(|| {
            anyhow::anyhow!(
                "--admin1 {a:?}: not a province the gazetteer knows (see `bordermap resolve {a:?} --kind province`)"
            )
        })?)),
        None => near,
    };
    let queries: Vec<Query> = args
        .names
        .iter()
        .map(|name| Query { name: name.clone(), country: country.clone(), kind: args.kind, near: near.clone() })
        .collect();
    let resolutions: Vec<Resolution> = queries.iter().map(|q| gz.resolve(q)).collect();

    // Names the gazetteer does not know, looked up online when asked.
    // A failed lookup costs only its own name: it stays unknown, with the reason.
    let mut online: Vec<(usize, Vec<OnlineOut>)> = Vec::new();
    let mut online_failed: Vec<(usize, String)> = Vec::new();
    if args.online {
        let service = args.net.service()?;
        let unknown: Vec<usize> =
            resolutions.iter().enumerate().filter(|(_, r)| r.status == Status::Unknown).map(|(i, _)| i).collect();
        let looked = service.lookup_each(unknown.iter().map(|&i| resolutions[i].query.as_str()));
        for (&i, (_, found)) in unknown.iter().zip(looked) {
            match found {
                Ok(found) => online.push((i, describe(gz, found))),
                Err(e) => online_failed.push((i, e.to_string())),
            }
        }
    }
    let mut out = stdout();
    match args.format {
        Format::Json => {
            let mut all: Vec<ResolutionOut> = resolutions.iter().map(|r| to_out(gz, r)).collect();
            for (i, cs) in online {
                all[i].online = Some(cs);
            }
            for (i, e) in &online_failed {
                all[*i].online_error = Some(e.clone());
            }
            serde_json::to_writer_pretty(&mut out, &all)?;
            writeln!(out)?;
        }
        Format::Geojson => write_geojson(gz, &resolutions, &mut out)?,
        Format::Table => {
            write_table(gz, &resolutions, &mut out)?;
            if !online.is_empty() {
                writeln!(
                    out,
                    "\nFound online (not in the gazetteer; review, then `bordermap gazetteer lookup NAME --online --save`):"
                )?;
                let rows: Vec<(String, Vec<OnlineOut>)> =
                    online.into_iter().map(|(i, cs)| (resolutions[i].query.clone(), cs)).collect();
                print_candidates(&mut out, &rows)?;
            }
        }
    }
    out.flush()?;
    drop(out);

    let mut exit = Exit::Success;
    for (i, r) in resolutions.iter().enumerate() {
        if r.status != Status::Resolved {
            exit = Exit::Incomplete;
            eprintln!("bordermap: {}", describe_failure(gz, r, &queries[i]));
        }
        if let Some((_, e)) = online_failed.iter().find(|(j, _)| *j == i) {
            eprintln!("bordermap: {:?} not looked up online: {e}", r.query);
        }
    }
    Ok(exit)
}

fn describe_failure(gz: &Gazetteer, r: &Resolution, q: &Query) -> String {
    match r.status {
        Status::Resolved => String::new(),
        Status::TooLong => bordermap::gazetteer::too_long_message(&r.query),
        Status::Generic => format!("{:?} is a generic word, not a place name on its own", r.query),
        Status::Unknown if r.suggestions.is_empty() => {
            format!("{:?} not found in the gazetteer", r.query)
        }
        Status::Unknown => {
            format!("{:?} not found in the gazetteer; did you mean: {}", r.query, r.suggestions.join("; "))
        }
        Status::Ambiguous => {
            let names: Vec<String> = r
                .tied()
                .iter()
                .map(|c| {
                    let p = gz.place_at(c.place);
                    format!("{} ({} {}, {})", p.id, p.country_label(), p.kind, c.score)
                })
                .collect();
            // Only hints that settle it, each checked by resolving with it.
            let hints: Vec<String> = gz
                .separating_hints(q, r)
                .into_iter()
                .map(|(place, hs)| {
                    let hs: Vec<String> = hs.iter().map(ToString::to_string).collect();
                    format!("{} for {}", hs.join(" or "), gz.place_at(place).id)
                })
                .collect();
            format!("{:?} is ambiguous: {} — to choose: {}", r.query, names.join(" vs "), hints.join("; "))
        }
    }
}

fn write_table(gz: &Gazetteer, rs: &[Resolution], out: &mut dyn Write) -> std::io::Result<()> {
    let header =
        ["QUERY", "STATUS", "ID", "NAME", "KIND", "COUNTRY", "MATCH", "SCORE", "BORDER", "KM", "CHAINAGE", "SIDE"];
    let mut rows = Vec::new();
    for r in rs {
        if r.candidates.is_empty() {
            let query = if r.status == Status::TooLong {
                format!("{}…", r.query.chars().take(40).collect::<String>())
            } else {
                r.query.clone()
            };
            let mut row = vec![query, r.status.as_str().to_string()];
            row.extend(std::iter::repeat_n("-".to_string(), header.len() - 2));
            rows.push(row);
        }
        for (i, c) in r.candidates.iter().enumerate() {
            let rep = gz.report(c.place);
            let (query, status) = if i == 0 {
                (r.query.clone(), r.status.as_str().to_string())
            } else {
                (String::new(), "alternative".to_string())
            };
            rows.push(vec![
                query,
                status,
                rep.id,
                rep.name,
                rep.kind.to_string(),
                rep.country,
                c.matched.as_str().to_string(),
                format!("{:.3}", c.score),
                rep.border.unwrap_or_else(|| "-".into()),
                opt_num(rep.distance_km, 1),
                opt_num(rep.chainage_km, 1),
                rep.side.unwrap_or_else(|| rep.side_basis.map_or("-".into(), |b| b.to_string())),
            ]);
        }
    }
    print_table(out, &header, &rows)
}

fn write_geojson(gz: &Gazetteer, rs: &[Resolution], out: &mut dyn Write) -> anyhow::Result<()> {
    let mut features = Vec::new();
    for r in rs {
        let shown = match r.status {
            Status::Resolved => &r.candidates[..1],
            Status::Ambiguous => r.tied(),
            _ => &[],
        };
        for c in shown {
            let place = gz.place_at(c.place);
            let g = place.geometry.map_coords(|c| Coord { x: round_coord(c.x), y: round_coord(c.y) });
            let mut props = serde_json::Map::new();
            props.insert("query".into(), r.query.clone().into());
            props.insert("status".into(), r.status.as_str().into());
            if let serde_json::Value::Object(m) = serde_json::to_value(candidate_out(gz, c))? {
                props.extend(m);
            }
            features.push(geojson::Feature {
                geometry: Some(geojson::Geometry::from(&g)),
                properties: Some(props),
                ..Default::default()
            });
        }
    }
    let fc = geojson::FeatureCollection { features, bbox: None, foreign_members: None };
    serde_json::to_writer(&mut *out, &fc)?;
    writeln!(out)?;
    Ok(())
}
