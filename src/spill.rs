//! Sorting more records than memory should hold: records (byte strings, compared as bytes)
//! collect in memory up to a budget, are then sorted and written to an unnamed temporary file
//! (a "run"), and [`SpillSort::finish`] merges the runs. The mapper keeps what it must see in
//! order — event ids, to find duplicates; captures, for control intervals — this way, so its
//! memory does not grow with the number of events.
//!
//! [`key`] encodes strings so that byte order of the encoding is the order of the strings and
//! a key ends where its terminator is, whatever bytes the string holds.

use std::cmp::Reverse;
use std::collections::BinaryHeap;
use std::fs::File;
use std::io::{BufReader, BufWriter, Read, Seek, Write};
use std::path::{Path, PathBuf};

/// Records held in memory before a run is written.
pub const DEFAULT_BUDGET: usize = 8 << 20;
/// Read buffer of each run while merging (a run per budget's worth of records: 10 M event ids
/// make about 60).
const MERGE_BUFFER: usize = 16 << 10;

/// Appends `s` to `out` as a sort key: NUL bytes escaped (0 → 0 0xff), ended by 0 0. Keys
/// compare as the strings do, and a key is never a prefix of another's bytes.
pub fn key(out: &mut Vec<u8>, s: &str) {
    for &b in s.as_bytes() {
        out.push(b);
        if b == 0 {
            out.push(0xff);
        }
    }
    out.extend_from_slice(&[0, 0]);
}

/// Reads back a key written by [`key`] at the start of `bytes`: the string and the rest.
pub fn split_key(bytes: &[u8]) -> Option<(String, &[u8])> {
    let mut s = Vec::new();
    let mut i = 0;
    while i + 1 < bytes.len() {
        match (bytes[i], bytes[i + 1]) {
            (0, 0) => return String::from_utf8(s).ok().map(|s| (s, &bytes[i + 2..])),
            (0, 0xff) => {
                s.push(0);
                i += 2;
            }
            (b, _) => {
                s.push(b);
                i += 1;
            }
        }
    }
    None
}

/// The raw bytes of a key written by [`key`] at the start of `bytes` (terminator included) and
/// the rest, without decoding it: to compare keys, or skip one.
pub fn key_span(bytes: &[u8]) -> Option<(&[u8], &[u8])> {
    let mut i = 0;
    while i + 1 < bytes.len() {
        match (bytes[i], bytes[i + 1]) {
            (0, 0) => return Some(bytes.split_at(i + 2)),
            (0, _) => i += 2,
            _ => i += 1,
        }
    }
    None
}

/// Appends a record's field, `s`, as its length (4 bytes) and bytes: for the part of a record
/// after its sort keys, read back by [`Fields`] without copying.
pub fn put_str(out: &mut Vec<u8>, s: &str) {
    out.extend_from_slice(&(s.len() as u32).to_le_bytes());
    out.extend_from_slice(s.as_bytes());
}

/// Reads the fields written by [`put_str`] (and single bytes and fixed arrays pushed as they
/// are), in order, borrowing from the record. `None` when the record is cut short or its text
/// is not UTF-8: a corrupt run.
pub struct Fields<'a>(pub &'a [u8]);

impl<'a> Fields<'a> {
    /// The next `n` bytes.
    pub fn bytes(&mut self, n: usize) -> Option<&'a [u8]> {
        if self.0.len() < n {
            return None;
        }
        let (head, rest) = self.0.split_at(n);
        self.0 = rest;
        Some(head)
    }

    /// The next byte.
    pub fn u8(&mut self) -> Option<u8> {
        self.bytes(1).map(|b| b[0])
    }

    /// The next text field.
    pub fn str(&mut self) -> Option<&'a str> {
        let len = u32::from_le_bytes(self.bytes(4)?.try_into().ok()?) as usize;
        std::str::from_utf8(self.bytes(len)?).ok()
    }
}

/// An external sort of byte records.
pub struct SpillSort {
    bytes: Vec<u8>,
    spans: Vec<(usize, usize)>,
    budget: usize,
    /// Where runs go (unnamed files); the system's temporary folder if `None`.
    dir: Option<PathBuf>,
    runs: Vec<File>,
    len: u64,
}

impl SpillSort {
    /// A sorter holding at most about `budget` bytes of records in memory, its runs in the
    /// system's temporary folder.
    pub fn new(budget: usize) -> Self {
        SpillSort { bytes: Vec::new(), spans: Vec::new(), budget, dir: None, runs: Vec::new(), len: 0 }
    }

    /// The same, with its runs in `dir` (unnamed: nothing is left there, even after a crash).
    pub fn new_in(budget: usize, dir: &Path) -> Self {
        SpillSort { dir: Some(dir.to_path_buf()), ..SpillSort::new(budget) }
    }

    /// Adds a record.
    pub fn push(&mut self, record: &[u8]) -> std::io::Result<()> {
        if !self.spans.is_empty() && self.bytes.len() + record.len() + 16 * self.spans.len() > self.budget {
            self.spill()?;
        }
        self.spans.push((self.bytes.len(), record.len()));
        self.bytes.extend_from_slice(record);
        self.len += 1;
        Ok(())
    }

    /// Records added.
    pub fn len(&self) -> u64 {
        self.len
    }

    /// Whether no record was added.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Runs written to disk so far.
    pub fn runs(&self) -> usize {
        self.runs.len()
    }

    fn sort_in_memory(&mut self) {
        let bytes = &self.bytes;
        self.spans.sort_unstable_by(|a, b| bytes[a.0..a.0 + a.1].cmp(&bytes[b.0..b.0 + b.1]));
    }

    fn spill(&mut self) -> std::io::Result<()> {
        self.sort_in_memory();
        let file = match &self.dir {
            Some(dir) => tempfile::tempfile_in(dir)?,
            None => tempfile::tempfile()?,
        };
        let mut w = BufWriter::with_capacity(1 << 16, file);
        for &(at, len) in &self.spans {
            w.write_all(&(len as u32).to_le_bytes())?;
            w.write_all(&self.bytes[at..at + len])?;
        }
        let mut f = w.into_inner().map_err(|e| e.into_error())?;
        f.rewind()?;
        self.runs.push(f);
        self.bytes.clear();
        self.spans.clear();
        Ok(())
    }

    /// The records in byte order (equal records in any order).
    pub fn finish(mut self) -> std::io::Result<Sorted> {
        if self.runs.is_empty() {
            self.sort_in_memory();
            return Ok(Sorted::Memory { bytes: self.bytes, spans: self.spans.into_iter() });
        }
        if !self.spans.is_empty() {
            self.spill()?;
        }
        let mut readers: Vec<BufReader<File>> =
            self.runs.into_iter().map(|f| BufReader::with_capacity(MERGE_BUFFER, f)).collect();
        let mut heap = BinaryHeap::new();
        for (i, r) in readers.iter_mut().enumerate() {
            if let Some(rec) = read_record(r)? {
                heap.push(Reverse((rec, i)));
            }
        }
        Ok(Sorted::Merge { readers, heap })
    }
}

fn read_record(r: &mut impl Read) -> std::io::Result<Option<Vec<u8>>> {
    let mut len = [0u8; 4];
    match r.read_exact(&mut len) {
        Ok(()) => {}
        Err(e) if e.kind() == std::io::ErrorKind::UnexpectedEof => return Ok(None),
        Err(e) => return Err(e),
    }
    let mut rec = vec![0; u32::from_le_bytes(len) as usize];
    r.read_exact(&mut rec)?;
    Ok(Some(rec))
}

/// Sorted records: from memory, or merged from runs on disk.
pub enum Sorted {
    /// Everything fitted in memory.
    Memory {
        /// The records' bytes.
        bytes: Vec<u8>,
        /// (offset, length) of each record, sorted.
        spans: std::vec::IntoIter<(usize, usize)>,
    },
    /// A k-way merge of runs.
    Merge {
        /// One reader per run.
        readers: Vec<BufReader<File>>,
        /// The next record of each run, smallest first.
        heap: BinaryHeap<Reverse<(Vec<u8>, usize)>>,
    },
}

impl Iterator for Sorted {
    type Item = std::io::Result<Vec<u8>>;

    fn next(&mut self) -> Option<Self::Item> {
        match self {
            Sorted::Memory { bytes, spans } => spans.next().map(|(at, len)| Ok(bytes[at..at + len].to_vec())),
            Sorted::Merge { readers, heap } => {
                let Reverse((rec, i)) = heap.pop()?;
                match read_record(&mut readers[i]) {
                    Ok(Some(next)) => heap.push(Reverse((next, i))),
                    Ok(None) => {}
                    Err(e) => return Some(Err(e)),
                }
                Some(Ok(rec))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn runs_go_to_the_folder_given() {
        let dir = tempfile::tempdir().unwrap();
        let mut sort = SpillSort::new_in(8, dir.path());
        for r in [b"b", b"a", b"c"] {
            sort.push(r).unwrap();
        }
        let sorted: Vec<Vec<u8>> = sort.finish().unwrap().map(Result::unwrap).collect();
        assert_eq!(sorted, [b"a".to_vec(), b"b".to_vec(), b"c".to_vec()]);
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0, "runs are unnamed");
        // Where runs cannot be made, the push that spills says so.
        let mut sort = SpillSort::new_in(8, &dir.path().join("gone"));
        let pushed: std::io::Result<()> = [b"b", b"a", b"c"].iter().try_for_each(|r| sort.push(*r));
        assert!(pushed.is_err());
    }

    fn sorted(records: &[Vec<u8>], budget: usize) -> (Vec<Vec<u8>>, usize) {
        let mut s = SpillSort::new(budget);
        for r in records {
            s.push(r).unwrap();
        }
        let runs = s.runs();
        (s.finish().unwrap().map(Result::unwrap).collect(), runs)
    }

    #[test]
    fn spills_and_merges_in_order() {
        let records: Vec<Vec<u8>> =
            (0..10_000u32).map(|i| (i.wrapping_mul(2_654_435_761) % 5000).to_be_bytes().to_vec()).collect();
        let (out, runs) = sorted(&records, 4096);
        assert!(runs > 10, "small budget spills: {runs} runs");
        let mut want = records.clone();
        want.sort();
        assert_eq!(out, want);
    }

    #[test]
    fn keys_survive_nul_bytes_and_round_trip() {
        let mut a = Vec::new();
        key(&mut a, "a\0b");
        a.extend_from_slice(b"rest");
        assert_eq!(split_key(&a), Some(("a\0b".to_string(), &b"rest"[..])));
        assert_eq!(split_key(b"no end"), None);
    }

    proptest! {
        #[test]
        fn key_order_is_string_order(a in "\\PC{0,6}|[a\\x00b]{0,6}", b in "\\PC{0,6}|[a\\x00b]{0,6}", ta in any::<u8>(), tb in any::<u8>()) {
            let (mut ka, mut kb) = (Vec::new(), Vec::new());
            key(&mut ka, &a);
            key(&mut kb, &b);
            // What follows a key never changes the order of different strings.
            ka.push(ta);
            kb.push(tb);
            if a != b {
                prop_assert_eq!(ka.cmp(&kb), a.as_bytes().cmp(b.as_bytes()));
            }
        }

        #[test]
        fn any_budget_gives_the_same_order(records in proptest::collection::vec(proptest::collection::vec(any::<u8>(), 0..8), 0..200), budget in 1usize..300) {
            let (out, _) = sorted(&records, budget);
            let mut want = records.clone();
            want.sort();
            prop_assert_eq!(out, want);
        }
    }
}
