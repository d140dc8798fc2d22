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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_names_file_line_and_field() {
        let d = Diagnostic::error("gazetteer/places.csv", Some(12), Some("lat"), "not a number: \"3x\"");
        assert_eq!(d.to_string(), "gazetteer/places.csv:12: error: field 'lat': not a number: \"3x\"");
        let w = Diagnostic::warning("b.geojson", None, None, "odd");
        assert_eq!(w.to_string(), "b.geojson: warning: odd");
    }
}
