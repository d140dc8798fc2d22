//! The raw bytes of an events CSV before the `csv` crate reads them: how the input starts
//! (empty, a byte-order mark only, blank), and whether it ends inside a quoted field.

use std::io::Read;

use crate::diagnostic::Diagnostic;

/// How an input starts, before any CSV is parsed.
pub(super) enum Start {
    Empty,
    BomOnly,
    Blank(usize),
    Text,
}

pub(super) const BOM: &[u8] = b"\xEF\xBB\xBF";

/// Reads the start of `reader` until a byte that is neither a byte-order mark nor whitespace
/// (or 64 KiB, or the end): enough to tell an empty file from one that only looks empty. The
/// bytes read come back without the byte-order mark, to be read again.
pub(super) fn peek_start<R: Read>(reader: &mut R) -> std::io::Result<(Vec<u8>, Start)> {
    let mut head = Vec::new();
    let mut chunk = [0u8; 8192];
    let body = |h: &[u8]| -> usize { if h.starts_with(BOM) { BOM.len() } else { 0 } };
    loop {
        let n = match reader.read(&mut chunk) {
            Ok(n) => n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if n == 0 {
            let b = body(&head);
            let start = if head.is_empty() {
                Start::Empty
            } else if head.len() == b {
                Start::BomOnly
            } else if head[b..].iter().all(u8::is_ascii_whitespace) {
                Start::Blank(head.len() - b)
            } else {
                Start::Text
            };
            head.drain(..b);
            return Ok((head, start));
        }
        head.extend_from_slice(&chunk[..n]);
        // A BOM may arrive a byte at a time: only decide once three bytes are in.
        let b = body(&head);
        if head.len() >= 3 && (head.len() >= 1 << 16 || head[b..].iter().any(|c| !c.is_ascii_whitespace())) {
            head.drain(..b);
            return Ok((head, Start::Text));
        }
    }
}

/// Where a quoted field opened that the input never closed.
#[derive(Debug, Clone, Copy)]
pub(super) struct Unclosed {
    /// Byte offset of the opening quote.
    pub(super) offset: u64,
    /// Its 1-based line.
    pub(super) line: u64,
}

/// Passes bytes through, following CSV quoting as the `csv` crate reads it (a quote opens a
/// quoted field only at the start of a field; `""` inside one is a quote), to tell whether the
/// input ended inside a quoted field. The `csv` crate ends such a field at the end of the
/// input without a word, taking the rest of the file into it.
pub(super) struct QuoteWatch<R> {
    inner: R,
    /// Bytes passed.
    offset: u64,
    /// The 1-based line at `offset`.
    pub(super) line: u64,
    in_quote: bool,
    /// Inside a quoted field, the last byte was a quote: closing, or the first of `""`.
    quote_last: bool,
    /// The last byte passed (a newline before the first).
    prev: u8,
    opened: Unclosed,
    /// Set at the end of the input when a quoted field is still open.
    pub(super) unclosed: Option<Unclosed>,
}

impl<R> QuoteWatch<R> {
    pub(super) fn new(inner: R) -> Self {
        QuoteWatch {
            inner,
            offset: 0,
            line: 1,
            in_quote: false,
            quote_last: false,
            prev: b'\n',
            opened: Unclosed { offset: 0, line: 1 },
            unclosed: None,
        }
    }

    fn scan(&mut self, buf: &[u8]) {
        let newlines = |b: &[u8]| memchr::memchr_iter(b'\n', b).count() as u64;
        let (mut i, mut counted) = (0, 0);
        while i < buf.len() {
            if self.in_quote {
                if self.quote_last {
                    self.quote_last = false;
                    if buf[i] == b'"' {
                        i += 1; // `""`: a quote inside the field
                    } else {
                        self.in_quote = false; // that quote closed the field; read on unquoted
                    }
                    continue;
                }
                match memchr::memchr(b'"', &buf[i..]) {
                    Some(k) => {
                        i += k + 1;
                        self.quote_last = true;
                    }
                    None => i = buf.len(),
                }
            } else {
                match memchr::memchr(b'"', &buf[i..]) {
                    Some(k) => {
                        let at = i + k;
                        let before = if at == 0 { self.prev } else { buf[at - 1] };
                        if matches!(before, b',' | b'\n' | b'\r') {
                            self.line += newlines(&buf[counted..at]);
                            counted = at;
                            self.in_quote = true;
                            self.opened = Unclosed { offset: self.offset + at as u64, line: self.line };
                        }
                        i = at + 1;
                    }
                    None => i = buf.len(),
                }
            }
        }
        self.line += newlines(&buf[counted..]);
        self.offset += buf.len() as u64;
        if let Some(&last) = buf.last() {
            self.prev = last;
        }
    }

    /// The number of the last line passed (a newline ends a line, it does not start one).
    pub(super) fn last_line(&self) -> u64 {
        if self.prev == b'\n' && self.offset > 0 { self.line - 1 } else { self.line }
    }

    /// The quoted field left open at the end of the input, if it lies at or after `from`
    /// and before `to` (byte offsets of a record).
    pub(super) fn unclosed_in(&self, from: u64, to: u64) -> Option<Unclosed> {
        self.unclosed.filter(|u| (from..to).contains(&u.offset))
    }
}

impl<R: Read> Read for QuoteWatch<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        if n == 0 {
            if self.in_quote {
                self.unclosed = Some(self.opened);
            }
        } else {
            self.scan(&buf[..n]);
        }
        Ok(n)
    }
}

/// Passes bytes through with each CRLF as LF. The `csv` crate reads CRLF line ends, but then
/// gives every record after one a line number one too low (the record is taken to start at
/// the `\n` of the line before); ACLED's and UCDP's downloads have CRLF line ends, and a diagnostic must
/// name the right line. A quoted field's CRLF becomes LF too.
pub(super) struct CrlfToLf<R> {
    inner: R,
    pub(super) buf: Vec<u8>,
    out: Vec<u8>,
    at: usize,
    cr: bool,
}

impl<R: Read> CrlfToLf<R> {
    pub(super) fn new(inner: R) -> Self {
        CrlfToLf { inner, buf: vec![0; 1 << 16], out: Vec::new(), at: 0, cr: false }
    }
}

impl<R: Read> Read for CrlfToLf<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        while self.at == self.out.len() {
            self.out.clear();
            self.at = 0;
            let n = self.inner.read(&mut self.buf)?;
            if n == 0 {
                if !std::mem::take(&mut self.cr) {
                    return Ok(0);
                }
                self.out.push(b'\r');
                break;
            }
            for &b in &self.buf[..n] {
                if std::mem::take(&mut self.cr) && b != b'\n' {
                    self.out.push(b'\r');
                }
                if b == b'\r' {
                    self.cr = true;
                } else {
                    self.out.push(b);
                }
            }
        }
        let n = buf.len().min(self.out.len() - self.at);
        buf[..n].copy_from_slice(&self.out[self.at..self.at + n]);
        self.at += n;
        Ok(n)
    }
}

pub(super) fn unclosed_quote(file: &str, u: Unclosed, field: Option<&str>, last_line: u64) -> Diagnostic {
    let runs = if last_line > u.line {
        format!("it runs to the end of the file (line {last_line}), taking every line after it into the field")
    } else {
        "it runs to the end of the file".to_string()
    };
    Diagnostic::error(
        file,
        Some(u.line),
        field,
        format!(
            "a quote opened here is never closed: {runs}; the file may be cut off (close the quote; a quote inside a \
             quoted field is written twice: \"\")"
        ),
    )
}
