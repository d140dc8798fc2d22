//! `bordermap extract`.

use std::io::{Read, Write};

use anyhow::Context;
use clap::ValueEnum;

use bordermap::extract::{self, Article, Extractor};
use bordermap::fetch::{FetchOptions, Fetcher, redact, redact_text};
use bordermap::gazetteer::Gazetteer;

use super::{Exit, stdout};

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum Format {
    /// The mapper's events CSV (plus review columns): `extract … | bordermap map -` works.
    Csv,
    /// The same records as JSON Lines, one object per line: `extract --format jsonl … > e.jsonl`
    /// and `bordermap map e.jsonl` work.
    Jsonl,
    /// The same records as one JSON array.
    Json,
}

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Articles: text files, HTML files (.html, .htm), http(s) URLs, or `-` for text on
    /// standard input.
    #[arg(required = true, value_name = "INPUT")]
    inputs: Vec<String>,
    /// Publication date (YYYY-MM-DD) for relative dates ("on Friday", "last month"); overrides
    /// the date in an HTML page's metadata.
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    published: Option<jiff::civil::Date>,
    /// The outlet, for `source` (default: the page's site name, or the file name).
    #[arg(long, value_name = "NAME")]
    source: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Csv)]
    format: Format,
    /// Keep one candidate per sentence per article, without merging the same event across
    /// articles.
    #[arg(long)]
    no_merge: bool,
    /// Seconds before fetching a URL is abandoned.
    #[arg(long, value_name = "S", default_value_t = 20)]
    timeout: u64,
    /// Largest page fetched, in bytes.
    #[arg(long, value_name = "N", default_value_t = 5 * 1024 * 1024)]
    max_bytes: u64,
    /// A rule file to read instead of the bundled one (the format is in the bundled
    /// `src/extract/rules.txt`; copy it and edit).
    #[arg(long, value_name = "FILE")]
    rules: Option<std::path::PathBuf>,
}

/// Largest rule file read.
const MAX_RULES_BYTES: u64 = 4 * 1024 * 1024;

fn read_rules(path: &std::path::Path) -> anyhow::Result<extract::rules::Rules> {
    let shown = path.display();
    let len = std::fs::metadata(path).with_context(|| format!("{shown}"))?.len();
    anyhow::ensure!(
        len <= MAX_RULES_BYTES,
        "{shown}: {len} bytes, more than the {MAX_RULES_BYTES}-byte limit for a rule file"
    );
    let text = std::fs::read_to_string(path).with_context(|| format!("{shown}: not UTF-8 text"))?;
    extract::rules::Rules::parse(&text).map_err(|e| {
        anyhow::anyhow!(
            "{shown}:{}: {} (the format is in the header of the bundled src/extract/rules.txt)",
            e.line,
            e.message
        )
    })
}

fn parse_date(s: &str) -> Result<jiff::civil::Date, String> {
    let d: jiff::civil::Date = s.parse().map_err(|_| format!("{s:?} is not a date (YYYY-MM-DD)"))?;
    if !bordermap::events::date::recordable(d) {
        return Err(format!(
            "{s:?} is outside {}..={}, the years an event record may have",
            bordermap::events::date::MIN_YEAR,
            bordermap::events::date::MAX_YEAR
        ));
    }
    Ok(d)
}

pub fn run(gz: &Gazetteer, args: Args) -> anyhow::Result<Exit> {
    let ex = match &args.rules {
        Some(path) => Extractor::with_rules(gz, read_rules(path)?),
        None => Extractor::new(gz),
    };
    let mut fetcher: Option<Fetcher> = None;
    let mut all = Vec::new();
    let mut failed = 0;
    for input in &args.inputs {
        // Inputs are printed redacted: a URL may carry user:pass@ or ?token=.
        let shown = match reqwest::Url::parse(input) {
            Ok(u) if matches!(u.scheme(), "http" | "https") => redact(&u),
            _ => redact_text(input, &[]),
        };
        let input_shown = &shown;
        let article = match read_input(input, &args, &mut fetcher) {
            Ok(a) => a,
            Err(e) => {
                let msg = format!("{e:#}");
                // Fetch errors name the (redacted) URL already.
                if e.downcast_ref::<bordermap::fetch::FetchError>().is_some() {
                    eprintln!("bordermap: {msg}");
                } else {
                    eprintln!("bordermap: {input_shown}: {msg}");
                }
                failed += 1;
                continue;
            }
        };
        for w in &article.warnings {
            eprintln!("bordermap: {input_shown}: {w}");
        }
        if article.published.is_none() {
            eprintln!(
                "bordermap: {input_shown}: no publication date (pass --published): relative dates are read against the latest full date in the text, else left open"
            );
        }
        let found = ex.extract_reporting(&article);
        for l in &found.left_out {
            eprintln!("bordermap: {input_shown}: left out {l}");
        }
        eprintln!("{input_shown}: {} candidate event(s)", found.events.len());
        all.extend(found.events);
    }
    let all = if args.no_merge { all } else { extract::merge(all) };
    let mut out = stdout();
    match args.format {
        Format::Csv => extract::write_csv(&mut out, &all)?,
        Format::Jsonl => extract::write_json(&mut out, &all, true)?,
        Format::Json => extract::write_json(&mut out, &all, false)?,
    }
    out.flush()?;
    Ok(if failed > 0 { Exit::Incomplete } else { Exit::Success })
}

fn read_input(input: &str, args: &Args, fetcher: &mut Option<Fetcher>) -> anyhow::Result<Article> {
    let mut article = if input.starts_with("http://") || input.starts_with("https://") {
        let url = reqwest::Url::parse(input).context("not a URL")?;
        if fetcher.is_none() {
            let opts = FetchOptions {
                timeout: std::time::Duration::from_secs(args.timeout.max(1)),
                max_bytes: args.max_bytes,
                cache_dir: None,
                ..FetchOptions::default()
            };
            *fetcher = Some(Fetcher::new(opts)?);
        }
        let page = fetcher.as_ref().expect("set above").get(&url, &|_| false)?;
        let host = url.host_str().unwrap_or("");
        Article::from_http(&page.body, page.content_type.as_deref(), host, &page.url).map_err(anyhow::Error::msg)?
    } else if input == "-" {
        let mut text = String::new();
        std::io::stdin().read_to_string(&mut text).context("reading standard input")?;
        Article { text, source: "stdin".into(), ..Article::default() }
    } else {
        let path = std::path::Path::new(input);
        let bytes = std::fs::read(path).with_context(|| format!("cannot read {input}"))?;
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        Article::from_file(bytes, &name).map_err(anyhow::Error::msg)?
    };
    if let Some(p) = args.published {
        article.published = Some(p);
    }
    if let Some(s) = &args.source {
        article.source = s.clone();
    }
    Ok(article)
}
