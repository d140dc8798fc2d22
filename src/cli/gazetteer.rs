//! `bordermap gazetteer …`.

use std::io::Write;
use std::path::Path;

use clap::{Subcommand, ValueEnum};

use bordermap::gazetteer::{GazetteerTexts, check};

use super::{Exit, stdout};

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
}

pub fn run(dir: Option<&Path>, cmd: Command) -> anyhow::Result<Exit> {
    match cmd {
        Command::Check { format, warnings } => {
            let texts = match dir {
                Some(d) => GazetteerTexts::read_dir(d)?,
                None => GazetteerTexts::bundled(),
            };
            let report = check::check(&texts);
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
    }
}
