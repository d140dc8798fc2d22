//! The CSV side of reading a published export (ACLED, UCDP GED): the header row read by column
//! name (any order, extra columns ignored, a byte-order mark and CRLF line ends accepted), then
//! one record at a time, with a quote left open at the end of the file and blank rows told
//! apart from records. What the columns mean is each export's reader's business.

use std::collections::HashMap;
use std::io::{Chain, Cursor, Read};

use super::ReadError;
use super::header::loose;
use super::input::{CrlfToLf, QuoteWatch, Start, peek_start, unclosed_quote};
use crate::diagnostic::Diagnostic;

type Input<R> = QuoteWatch<CrlfToLf<Chain<Cursor<Vec<u8>>, R>>>;

/// An export's rows, by the column names the reader knows.
pub(super) struct ExportCsv<R: Read> {
    pub(super) file: String,
    rdr: Box<csv::Reader<Input<R>>>,
    headers: csv::StringRecord,
    cols: HashMap<&'static str, usize>,
    /// Every header name, loosely compared (for telling one export from another).
    pub(super) names: Vec<String>,
    record: csv::StringRecord,
}

/// One record, by column name.
pub(super) struct Row<'a> {
    /// The file, as diagnostics name it.
    pub(super) file: &'a str,
    record: &'a csv::StringRecord,
    cols: &'a HashMap<&'static str, usize>,
}

impl Row<'_> {
    /// The trimmed value of a column (empty when the file has no such column).
    pub(super) fn get(&self, c: &str) -> &str {
        self.cols.get(c).and_then(|&i| self.record.get(i)).map_or("", str::trim)
    }
}

/// An error of the file as a whole (`line` 1 is the header).
pub(super) fn file_error(file: &str, line: Option<u64>, msg: impl Into<String>) -> ReadError {
    ReadError(vec![Diagnostic::error(file, line, None, msg.into())])
}

impl<R: Read> ExportCsv<R> {
    /// Reads the header row, keeping the columns of `known`. `no_header` says what the export's
    /// first row should be, for an empty or blank file.
    pub(super) fn open(mut reader: R, file: &str, known: &[&'static str], no_header: &str) -> Result<Self, ReadError> {
        let (head, start) = peek_start(&mut reader).map_err(|e| file_error(file, None, format!("cannot read: {e}")))?;
        if !matches!(start, Start::Text) {
            return Err(file_error(file, None, format!("the file holds no header row: {no_header}")));
        }
        let mut rdr = csv::ReaderBuilder::new()
            .flexible(false)
            .from_reader(QuoteWatch::new(CrlfToLf::new(Cursor::new(head).chain(reader))));
        let headers = rdr.headers().map_err(|e| file_error(file, Some(1), format!("unreadable header: {e}")))?.clone();
        let watch = rdr.get_ref();
        if let Some(u) = watch.unclosed_in(0, rdr.position().byte().max(1)) {
            return Err(ReadError(vec![unclosed_quote(file, u, None, watch.last_line())]));
        }
        let mut cols = HashMap::new();
        let mut names = Vec::new();
        for (i, h) in headers.iter().enumerate() {
            let h = loose(h);
            if let Some(&c) = known.iter().find(|&&c| c == h) {
                cols.entry(c).or_insert(i);
            }
            names.push(h);
        }
        Ok(ExportCsv {
            file: file.to_string(),
            rdr: Box::new(rdr),
            headers,
            cols,
            names,
            record: csv::StringRecord::new(),
        })
    }

    /// Whether the file has this known column.
    pub(super) fn has(&self, c: &str) -> bool {
        self.cols.contains_key(c)
    }

    /// Whether the header names this column, known or not.
    pub(super) fn names(&self, c: &str) -> bool {
        self.names.iter().any(|n| n == c)
    }

    /// The next record that is not blank (a trailing `,,,,` line is not a row), with its first
    /// line; a record that runs into a quote never closed, or that the `csv` crate cannot read,
    /// is an error naming its line.
    pub(super) fn next_row(&mut self) -> Option<Result<(u64, Row<'_>), ReadError>> {
        let file = self.file.as_str();
        loop {
            match self.rdr.read_record(&mut self.record) {
                Ok(false) => return None,
                Ok(true) => {
                    let (line, start) = self.record.position().map_or((0, 0), |p| (p.line(), p.byte()));
                    let watch = self.rdr.get_ref();
                    if let Some(u) = watch.unclosed_in(start, self.rdr.position().byte()) {
                        let field = self.record.len().checked_sub(1).and_then(|i| self.headers.get(i));
                        return Some(Err(ReadError(vec![unclosed_quote(file, u, field, watch.last_line())])));
                    }
                    if self.record.iter().all(|f| f.trim().is_empty()) {
                        continue;
                    }
                    return Some(Ok((line, Row { file, record: &self.record, cols: &self.cols })));
                }
                Err(e) => {
                    let watch = self.rdr.get_ref();
                    if let csv::ErrorKind::UnequalLengths { pos: Some(p), len, .. } = e.kind()
                        && let Some(u) = watch.unclosed_in(p.byte(), self.rdr.position().byte())
                    {
                        let field = (*len as usize).checked_sub(1).and_then(|i| self.headers.get(i));
                        return Some(Err(ReadError(vec![unclosed_quote(file, u, field, watch.last_line())])));
                    }
                    let line = e.position().map(|p| p.line());
                    return Some(Err(file_error(file, line, format!("unreadable CSV record: {e}"))));
                }
            }
        }
    }
}
