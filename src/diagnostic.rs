//! Messages about input files that name the file, line and field.

use std::fmt;

use serde::Serialize;

/// How serious a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The data is wrong: loading refuses it, `gazetteer check` exits non-zero.
    Error,
    /// Worth a look, not fatal (an alias shared by two places, a generic-word alias).
    Warning,
}

/// One finding about an input file.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// The file as named by the user or the bundled data's relative path.
    pub file: String,
    /// 1-based line, where the finding is about one record.
    pub line: Option<u64>,
    /// The column or property at fault.
    pub field: Option<String>,
    /// What is wrong, and where it helps, what to do.
    pub message: String,
}

impl Diagnostic {
    /// An error about one field of one record.
    pub fn error(file: &str, line: Option<u64>, field: Option<&str>, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            file: file.to_string(),
            line,
            field: field.map(str::to_string),
            message: message.into(),
        }
    }

    /// A warning about one field of one record.
    pub fn warning(file: &str, line: Option<u64>, field: Option<&str>, message: impl Into<String>) -> Self {
        Diagnostic { severity: Severity::Warning, ..Diagnostic::error(file, line, field, message) }
    }

    /// Whether this is an error.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file)?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
        }
        let sev = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        write!(f, ": {sev}: ")?;
        if let Some(field) = &self.field {
            write!(f, "field '{field}': ")?;
        }
        f.write_str(&self.message)
    }
}

/// How many diagnostics a [`DiagnosticList`] shows unless told otherwise.
pub const LISTED: usize = 20;

/// A list of diagnostics as text: the first few, one a line, then `… and K more (M errors in
/// all)` when some were left off, so a long list is counted without flooding the terminal.
///
/// `total` may exceed the diagnostics given, for callers that keep only the first ones and
/// count the rest (a GeoNames import keeps 20 of a million malformed rows).
///
/// ```
/// use bordermap::diagnostic::{Diagnostic, DiagnosticList};
/// let ds: Vec<Diagnostic> =
///     (1..=31).map(|l| Diagnostic::error("e.csv", Some(l), Some("date"), "not a date")).collect();
/// let text = DiagnosticList::new(&ds).max(2).indent("  ").to_string();
/// assert_eq!(
///     text,
///     "  e.csv:1: error: field 'date': not a date\n  e.csv:2: error: field 'date': not a date\n  … and 29 more (31 errors in all)"
/// );
/// ```
#[derive(Debug, Clone, Copy)]
pub struct DiagnosticList<'a> {
    diagnostics: &'a [Diagnostic],
    total: usize,
    max: usize,
    indent: &'a str,
}

impl<'a> DiagnosticList<'a> {
    /// All of `diagnostics`, the first [`LISTED`] shown, no indent.
    pub fn new(diagnostics: &'a [Diagnostic]) -> Self {
        DiagnosticList { diagnostics, total: diagnostics.len(), max: LISTED, indent: "" }
    }

    /// Show at most `max` lines of diagnostics.
    pub fn max(self, max: usize) -> Self {
        DiagnosticList { max, ..self }
    }

    /// The number of findings in all, when only the first were kept (never less than the
    /// number given).
    pub fn total(self, total: usize) -> Self {
        DiagnosticList { total: total.max(self.diagnostics.len()), ..self }
    }

    /// Put `indent` before each line.
    pub fn indent(self, indent: &'a str) -> Self {
        DiagnosticList { indent, ..self }
    }
}

impl fmt::Display for DiagnosticList<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let shown = self.diagnostics.len().min(self.max);
        for (i, d) in self.diagnostics[..shown].iter().enumerate() {
            if i > 0 {
                f.write_str("\n")?;
            }
            write!(f, "{}{d}", self.indent)?;
        }
        if self.total > shown {
            if shown > 0 {
                f.write_str("\n")?;
            }
            let errors = self.diagnostics.iter().all(Diagnostic::is_error);
            let warnings = self.diagnostics.iter().all(|d| !d.is_error());
            let noun = match (errors, warnings, self.total == 1) {
                (true, _, true) => "error",
                (true, _, false) => "errors",
                (_, true, true) => "warning",
                (_, true, false) => "warnings",
                (_, _, true) => "finding",
                (_, _, false) => "findings",
            };
            write!(f, "{}… and {} more ({} {noun} in all)", self.indent, self.total - shown, self.total)?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_twenty_of_31_errors_listed_says_how_many_more() {
        let ds: Vec<Diagnostic> = (1..=31).map(|l| Diagnostic::error("e.csv", Some(l), None, "bad")).collect();
        let text = DiagnosticList::new(&ds).to_string();
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.len(), LISTED + 1);
        assert_eq!(lines[0], "e.csv:1: error: bad");
        assert_eq!(lines[LISTED], "… and 11 more (31 errors in all)");
        // Short lists are listed whole, with nothing added.
        assert_eq!(DiagnosticList::new(&ds[..2]).to_string(), "e.csv:1: error: bad\ne.csv:2: error: bad");
        // A count beyond the kept ones.
        let kept = DiagnosticList::new(&ds[..3]).max(3).total(1000).to_string();
        assert!(kept.ends_with("\n… and 997 more (1000 errors in all)"), "{kept}");
        let none = DiagnosticList::new(&[]).max(0).total(5).to_string();
        assert_eq!(none, "… and 5 more (5 errors in all)");
        let w = [Diagnostic::warning("a", None, None, "x"), Diagnostic::warning("a", None, None, "y")];
        assert_eq!(DiagnosticList::new(&w).max(1).to_string(), "a: warning: x\n… and 1 more (2 warnings in all)");
    }

    #[test]
    fn display_names_file_line_and_field() {
        let d = Diagnostic::error("gazetteer/places.csv", Some(12), Some("lat"), "not a number: \"3x\"");
        assert_eq!(d.to_string(), "gazetteer/places.csv:12: error: field 'lat': not a number: \"3x\"");
        let w = Diagnostic::warning("b.geojson", None, None, "odd");
        assert_eq!(w.to_string(), "b.geojson: warning: odd");
    }
}
