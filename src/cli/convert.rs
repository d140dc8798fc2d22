//! `bordermap convert`: event exports (ACLED) → bordermap's own event records.

use std::io::{Seek, Write};
use std::path::PathBuf;

use anyhow::Context;
use clap::ValueEnum;

use bordermap::diagnostic::{Diagnostic, DiagnosticList};
use bordermap::events::Region;
use bordermap::events::write::{CsvWriter, write_jsonl};

use super::Exit;
use super::map::{From, open};

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum To {
    /// An events CSV with a header row of every column.
    Csv,
    /// One JSON object per line.
    Jsonl,
}

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Export files; `-` reads standard input.
    #[arg(required = true, value_name = "FILES")]
    inputs: Vec<PathBuf>,
    /// What the inputs are (see `bordermap map --help`).
    #[arg(long, value_enum, default_value = "bordermap", value_name = "FORMAT")]
    from: From,
    /// The records to write.
    #[arg(long, value_enum, default_value = "csv")]
    to: To,
    /// Write to this file (replaced in one step, only when every row converted) instead of
    /// standard output.
    #[arg(long, value_name = "FILE")]
    out: Option<PathBuf>,
    /// Where coordinates may lie, as for `bordermap map` (MINLON,MINLAT,MAXLON,MAXLAT or `world`).
    #[arg(long, value_name = "BOX", default_value = "43,22,81,47", allow_hyphen_values = true)]
    region: Region,
}

/// Converts every input into `w`; the invalid rows' diagnostics, and how many events were
/// written.
fn convert(args: &Args, w: &mut dyn Write) -> anyhow::Result<Option<(Vec<Diagnostic>, usize)>> {
    let mut inputs = Vec::new();
    for p in &args.inputs {
        match open(p, args.from, None, args.region)? {
            Some(events) => inputs.push(events),
            None => return Ok(None),
        }
    }
    let (mut invalid, mut n) = (Vec::new(), 0usize);
    enum Sink<'a> {
        Csv(Box<CsvWriter<&'a mut dyn Write>>),
        Jsonl(&'a mut dyn Write),
    }
    let mut sink = match args.to {
        To::Csv => Sink::Csv(Box::new(CsvWriter::new(w)?)),
        To::Jsonl => Sink::Jsonl(w),
    };
    for e in inputs.into_iter().flatten() {
        match e {
            Ok(e) if invalid.is_empty() => {
                match &mut sink {
                    Sink::Csv(c) => c.write(&e)?,
                    Sink::Jsonl(w) => write_jsonl(*w, &e)?,
                }
                n += 1;
            }
            Ok(_) => {}
            Err(e) => invalid.extend(e.0),
        }
    }
    if let Sink::Csv(c) = sink {
        c.finish()?;
    }
    Ok(Some((invalid, n)))
}

pub fn run(args: Args) -> anyhow::Result<Exit> {
    // Written to a temporary file first: an invalid row leaves --out (or standard output)
    // untouched.
    let mut tmp = tempfile::tempfile().context("creating a temporary file")?;
    let result = {
        let mut buf = std::io::BufWriter::new(&mut tmp);
        let r = convert(&args, &mut buf)?;
        buf.flush()?;
        r
    };
    let Some((invalid, n)) = result else {
        eprintln!("bordermap: an input cannot be read; nothing was written");
        return Ok(Exit::Error);
    };
    if !invalid.is_empty() {
        eprintln!("{}", DiagnosticList::new(&invalid).indent("bordermap: "));
        eprintln!("bordermap: {} invalid row(s); nothing was written", invalid.len());
        return Ok(Exit::Error);
    }
    tmp.rewind()?;
    match &args.out {
        Some(out) => {
            bordermap::output::write_atomic_with(out, |w| std::io::copy(&mut tmp, w).map(|_| ()))
                .with_context(|| format!("writing {}", out.display()))?;
            eprintln!("converted {n} event(s) to {}", out.display());
        }
        None => {
            let mut out = super::stdout();
            std::io::copy(&mut tmp, &mut out)?;
            out.flush()?;
            eprintln!("converted {n} event(s)");
        }
    }
    Ok(Exit::Success)
}
