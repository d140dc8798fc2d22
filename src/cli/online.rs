//! Options and printing shared by the commands that may look names up online
//! (`gazetteer lookup`, `resolve --online`, `map --online`).

use std::io::Write;
use std::time::Duration;

use clap::ValueEnum;
use serde::Serialize;

use bordermap::fetch::{FetchOptions, Fetcher};
use bordermap::gazetteer::online::{self, LookupConfig, OnlineCandidate, OnlineLookup, Provider};
use bordermap::gazetteer::{Gazetteer, PlaceFacts};

use super::{opt_num, print_table};

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum ProviderArg {
    /// GeoNames searchJSON (needs BORDERMAP_GEONAMES_USERNAME).
    Geonames,
    /// OpenStreetMap Nominatim (at most one request a second).
    Nominatim,
}

/// How to reach the online gazetteers.
#[derive(Debug, Clone, clap::Args)]
pub struct OnlineArgs {
    /// Which service: default geonames when BORDERMAP_GEONAMES_USERNAME is set, else nominatim.
    #[arg(long, value_enum)]
    pub provider: Option<ProviderArg>,
    /// Base URL of the service (a mirror, a local instance).
    #[arg(long, value_name = "URL", env = "BORDERMAP_ONLINE_URL")]
    pub base_url: Option<reqwest::Url>,
    /// Countries to search (ISO2, comma-separated); default Afghanistan and its neighbours.
    #[arg(long = "online-countries", value_name = "CC,…", value_delimiter = ',')]
    pub countries: Vec<String>,
    /// Seconds before a request is abandoned.
    #[arg(long, value_name = "S", default_value_t = 20)]
    pub timeout: u64,
    /// Answers are cached here (default: $XDG_CACHE_HOME/bordermap/http).
    #[arg(long, value_name = "DIR", env = "BORDERMAP_CACHE_DIR")]
    pub cache_dir: Option<std::path::PathBuf>,
    /// Do not read or write the answer cache.
    #[arg(long)]
    pub no_cache: bool,
}

impl OnlineArgs {
    /// The lookup service these options describe.
    pub fn service(&self) -> anyhow::Result<OnlineLookup> {
        let username = std::env::var("BORDERMAP_GEONAMES_USERNAME").ok().filter(|u| !u.is_empty());
        let provider = match self.provider {
            Some(ProviderArg::Geonames) => Provider::Geonames,
            Some(ProviderArg::Nominatim) => Provider::Nominatim,
            None if username.is_some() => Provider::Geonames,
            None => Provider::Nominatim,
        };
        let base_url = match &self.base_url {
            Some(u) => u.clone(),
            None => reqwest::Url::parse(provider.default_base_url())?,
        };
        let countries = if self.countries.is_empty() {
            online::DEFAULT_COUNTRIES.iter().map(|c| c.to_string()).collect()
        } else {
            self.countries.iter().map(|c| c.trim().to_uppercase()).collect()
        };
        let opts = FetchOptions {
            timeout: Duration::from_secs(self.timeout.max(1)),
            max_bytes: 2 * 1024 * 1024,
            cache_dir: if self.no_cache {
                None
            } else {
                self.cache_dir.clone().or_else(bordermap::fetch::default_cache_dir)
            },
            ..FetchOptions::default()
        };
        let config = LookupConfig { provider, base_url, username, countries, max_rows: 10 };
        Ok(OnlineLookup::new(Fetcher::new(opts)?, config)?)
    }
}

/// An online candidate as printed: its fields, where it lies relative to the borders, and the
/// gazetteer place it already is, if any.
#[derive(Debug, Serialize)]
pub struct CandidateOut {
    /// 1-based number, for `--pick`.
    pub n: usize,
    #[serde(flatten)]
    pub candidate: OnlineCandidate,
    /// Nearest border.
    pub border: Option<String>,
    /// Geodesic distance to it, km.
    pub distance_km: Option<f64>,
    /// Side, where known.
    pub side: Option<String>,
    /// The id of the gazetteer place it already is.
    pub in_gazetteer: Option<String>,
}

/// Adds border facts and gazetteer matches to candidates.
pub fn describe(gz: &Gazetteer, candidates: Vec<OnlineCandidate>) -> Vec<CandidateOut> {
    candidates
        .into_iter()
        .enumerate()
        .map(|(i, c)| {
            let facts = gz.borders().facts_for_point(geo::Point::new(c.lon, c.lat));
            let known = online::known_as(gz, &c).map(|p| gz.id(p).to_string());
            CandidateOut {
                n: i + 1,
                border: facts.as_ref().map(|f| f.border.clone()),
                distance_km: facts.as_ref().map(|f| (f.distance_km * 10.0).round() / 10.0),
                side: facts.and_then(|f| f.side),
                in_gazetteer: known,
                candidate: c,
            }
        })
        .collect()
}

/// Prints candidates for each query as a table.
pub fn print_candidates(out: &mut dyn Write, rows: &[(String, Vec<CandidateOut>)]) -> std::io::Result<()> {
    let header = [
        "QUERY",
        "N",
        "SOURCE",
        "NAME",
        "KIND",
        "COUNTRY",
        "LAT",
        "LON",
        "BORDER",
        "KM",
        "SIDE",
        "IN GAZETTEER",
        "WHERE",
    ];
    let mut table = Vec::new();
    for (query, cs) in rows {
        if cs.is_empty() {
            let mut row = vec![query.clone(), "-".into(), "(nothing found online)".into()];
            row.extend(std::iter::repeat_n("-".to_string(), header.len() - 3));
            table.push(row);
        }
        for (i, c) in cs.iter().enumerate() {
            let k = &c.candidate;
            table.push(vec![
                if i == 0 { query.clone() } else { String::new() },
                c.n.to_string(),
                format!("{}:{}", k.provider.as_str(), k.provider_id),
                k.name.clone(),
                k.kind.map_or_else(|| format!("? ({})", k.feature), |k| k.to_string()),
                k.country.clone().unwrap_or_else(|| "-".into()),
                format!("{:.5}", k.lat),
                format!("{:.5}", k.lon),
                c.border.clone().unwrap_or_else(|| "-".into()),
                opt_num(c.distance_km, 1),
                c.side.clone().unwrap_or_else(|| "-".into()),
                c.in_gazetteer.clone().unwrap_or_else(|| "-".into()),
                k.context.clone(),
            ]);
        }
    }
    print_table(out, &header, &table)
}
