//! The on-disk index of a large places file, built once and kept beside it.
//!
//! Parsing a places file and folding every name costs ~13 µs a place: fine for the bundled
//! gazetteer and a user's few hundred additions, ~13 s for a million imported GeoNames rows.
//! For a large file (see [`super::LoadOptions`]) the loader instead keeps `<file>.bmindex`
//! beside it and memory-maps it, so a load costs the same whatever the size, and records are
//! decoded only when a place is used.
//!
//! The index is a cache, never the data: it is rebuilt whenever the places file's size,
//! modification time or inode, the border lines it was validated against, or the format
//! version differ from those recorded in its header; it is written like every other file
//! (temporary file + rename), so a reader never sees half of one; deleting it is always safe.
//! Where it cannot be written (a read-only folder) it is built in memory for this run only.
//!
//! Layout (little-endian; offsets from the start of the file):
//!
//! | part | content |
//! |---|---|
//! | header | magic, version, the source fingerprint, counts, and the parts' offsets and lengths |
//! | hot | per place, 40 bytes: lon, lat (f64), record offset (u64), kind, countries (up to two ISO3), line |
//! | records | per place: id, name, geometry, source, notes, aliases, GeoNames id |
//! | entries | per indexed name, 16 bytes: place, offset and length of the name in `records`, primary |
//! | postings | lists of `entry << 4 \| tiers` (u32) for keys shared by several names |
//! | names | an `fst` map from every key (exact, basic, canonical, phonetic) to its posting or list |
//! | ids | an `fst` map from place id to place number |
//! | geonames | (GeoNames id u64, place u32, pad) sorted by id, 16 bytes each |
//! | warnings | diagnostics found while building (`line\tfield\tmessage` lines) |
//! | table | a hash table of every key (linear probing, load ≤ 2/3): slots of (key offset, value) u32 |
//! | keys | the keys, each a length byte and its bytes |
//!
//! One `fst` over all four tiers is smaller than four maps: most names have the same exact,
//! basic and canonical key, stored once. The `fst` serves the searches (edit distance,
//! prefixes); exact key lookups, the hot path, go through the hash table: two cache misses
//! (slot, key) instead of one per `fst` node — 2.3 µs → ~1 µs a resolve at a million names.

use std::borrow::Cow;
use std::io::{BufReader, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use fst::{Automaton, IntoStreamer, Streamer};
use geo::Point;

use super::GazetteerError;
use super::load::{PlaceReader, build_geometry};
use super::place::{Origin, Place, PlaceKind};
use super::resolve::{NameKeys, NameSource, Tier, edit_similarity};
use crate::borders::BorderSet;
use crate::diagnostic::{Diagnostic, Severity};

/// Appended to a places file's name to name its index.
pub const INDEX_SUFFIX: &str = ".bmindex";
const MAGIC: &[u8; 8] = b"BMAPIDX\0";
/// Bumped whenever the layout or what is indexed changes.
const VERSION: u32 = 3;
const HEADER_LEN: usize = 256;
const HOT_LEN: usize = 40;
const ENTRY_LEN: usize = 16;
const GEONAMES_LEN: usize = 16;
const PARTS: usize = 10;
const HOT: usize = 0;
const RECORDS: usize = 1;
const ENTRIES: usize = 2;
const POSTINGS: usize = 3;
const NAMES: usize = 4;
const IDS: usize = 5;
const GEONAMES: usize = 6;
const WARNINGS: usize = 7;
const TABLE: usize = 8;
const KEYS: usize = 9;
/// Keys longer than this are looked up in the `fst` only.
const MAX_TABLE_KEY: usize = 255;
/// Marks an empty slot of the hash table.
const EMPTY: u32 = u32::MAX;
/// Set in an `fst` value that points into `postings` rather than being a single posting.
const LIST_BIT: u64 = 1 << 63;
/// Up to this many names, suggestions compare an unknown name with every name (as in memory);
/// above, only with those a few edits away or sharing a prefix.
const FULL_SCAN_ENTRIES: usize = 50_000;
/// Suggestions from prefix matches stop after this many keys.
const MAX_PREFIX_SUGGESTIONS: usize = 64;

/// The index file for a places file.
pub fn index_path(source: &Path) -> PathBuf {
    let mut name = source.as_os_str().to_owned();
    name.push(INDEX_SUFFIX);
    PathBuf::from(name)
}

/// What an index was built from: when any of it changes, the index is stale.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Fingerprint {
    len: u64,
    mtime_s: i64,
    mtime_ns: u32,
    ino: u64,
    borders: u64,
}

impl Fingerprint {
    fn of(source: &Path, borders: &BorderSet) -> std::io::Result<Self> {
        let m = std::fs::metadata(source)?;
        let (mtime_s, mtime_ns) = match m.modified()?.duration_since(std::time::UNIX_EPOCH) {
            Ok(d) => (d.as_secs() as i64, d.subsec_nanos()),
            Err(e) => (-(e.duration().as_secs() as i64), e.duration().subsec_nanos()),
        };
        #[cfg(unix)]
        let ino = std::os::unix::fs::MetadataExt::ino(&m);
        #[cfg(not(unix))]
        let ino = 0;
        Ok(Fingerprint { len: m.len(), mtime_s, mtime_ns, ino, borders: borders.fingerprint() })
    }

    fn write(&self, h: &mut [u8]) {
        h[16..24].copy_from_slice(&self.len.to_le_bytes());
        h[24..32].copy_from_slice(&self.mtime_s.to_le_bytes());
        h[32..36].copy_from_slice(&self.mtime_ns.to_le_bytes());
        h[40..48].copy_from_slice(&self.ino.to_le_bytes());
        h[48..56].copy_from_slice(&self.borders.to_le_bytes());
    }

    fn read(h: &[u8]) -> Self {
        Fingerprint {
            len: u64_at(h, 16),
            mtime_s: u64_at(h, 24) as i64,
            mtime_ns: u32_at(h, 32),
            ino: u64_at(h, 40),
            borders: u64_at(h, 48),
        }
    }
}

fn u64_at(b: &[u8], at: usize) -> u64 {
    u64::from_le_bytes(b[at..at + 8].try_into().expect("8 bytes"))
}

fn u32_at(b: &[u8], at: usize) -> u32 {
    u32::from_le_bytes(b[at..at + 4].try_into().expect("4 bytes"))
}

fn f64_at(b: &[u8], at: usize) -> f64 {
    f64::from_le_bytes(b[at..at + 8].try_into().expect("8 bytes"))
}

/// The bytes of an index: mapped from its file, or built in memory when it could not be written.
enum Backing {
    Mapped(memmap2::Mmap),
    Memory(Vec<u8>),
}

/// A part of the index bytes, shareable with the `fst` maps.
#[derive(Clone)]
struct Part {
    data: Arc<Backing>,
    start: usize,
    end: usize,
}

impl AsRef<[u8]> for Part {
    fn as_ref(&self) -> &[u8] {
        let all: &[u8] = match &*self.data {
            Backing::Mapped(m) => m,
            Backing::Memory(v) => v,
        };
        &all[self.start..self.end]
    }
}

/// A places file's index, open for lookups.
pub struct DiskIndex {
    source: PathBuf,
    label: String,
    hot: Part,
    records: Part,
    entries: Part,
    postings: Part,
    geonames: Part,
    names: fst::Map<Part>,
    ids: fst::Map<Part>,
    table: Part,
    keys: Part,
    places: usize,
    /// Warnings found when the index was built (unknown columns).
    pub warnings: Vec<Diagnostic>,
    /// Why this load (re)built the index, when it did; `None` when it was up to date.
    pub rebuilt: Option<String>,
}

impl std::fmt::Debug for DiskIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("DiskIndex").field("source", &self.source).field("places", &self.places).finish()
    }
}

/// Why an index file cannot be used as it is (said when it is rebuilt).
type Stale = String;

impl DiskIndex {
    /// Opens the index beside `source`, building (and saving) it first when it is missing or
    /// stale. `label` names the file in messages. Fails, with every error, when the places
    /// file has invalid rows, as loading it in memory would.
    pub fn open_or_build(source: &Path, label: &str, borders: &BorderSet) -> Result<Self, GazetteerError> {
        let io = |e: std::io::Error| GazetteerError::Io { path: source.to_path_buf(), source: e };
        let fp = Fingerprint::of(source, borders).map_err(io)?;
        let path = index_path(source);
        let opened =
            Self::open(&path, fp).and_then(|d| Self::from_backing(d, source, label, None).map_err(|e| e.to_string()));
        let why = match opened {
            Ok(ix) => return Ok(ix),
            Err(why) => why,
        };
        let built = build(source, label, borders, fp)?;
        // Save it for next time; where that is impossible, use it for this run only.
        let saved =
            crate::output::write_atomic_with(&path, |w| built.write_to(w)).map_err(|e| e.to_string()).and_then(|()| {
                // Readable by whoever can read the places file (temporary files are private).
                if let Ok(m) = std::fs::metadata(source) {
                    let _ = std::fs::set_permissions(&path, m.permissions());
                }
                Self::open(&path, fp)
            });
        let data = match saved {
            Ok(d) => d,
            Err(_) => Backing::Memory(built.into_bytes()),
        };
        Self::from_backing(data, source, label, Some(why))
    }

    fn open(path: &Path, fp: Fingerprint) -> Result<Backing, Stale> {
        let file = match std::fs::File::open(path) {
            Ok(f) => f,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Err("no index yet".into()),
            Err(e) => return Err(format!("cannot open the index: {e}")),
        };
        // SAFETY: bordermap replaces index files only by renaming a new file over them, so the
        // mapped file is never changed under us by bordermap; another program truncating it
        // while mapped would be a bug outside our control (as with every mmap-based index).
        let map = unsafe { memmap2::Mmap::map(&file) }.map_err(|e| format!("cannot map the index: {e}"))?;
        if map.len() < HEADER_LEN || &map[..8] != MAGIC {
            return Err("the index file is not a bordermap index".into());
        }
        if u32_at(&map, 8) != VERSION {
            return Err("the index was made by another version of bordermap".into());
        }
        let old = Fingerprint::read(&map);
        if old.borders != fp.borders {
            return Err("the border lines changed".into());
        }
        if old != fp {
            return Err("the places file changed".into());
        }
        Ok(Backing::Mapped(map))
    }

    fn from_backing(
        data: Backing,
        source: &Path,
        label: &str,
        rebuilt: Option<String>,
    ) -> Result<Self, GazetteerError> {
        let corrupt = |why: String| GazetteerError::Io {
            path: index_path(source),
            source: std::io::Error::new(
                std::io::ErrorKind::InvalidData,
                format!("{why} (delete the file to rebuild it)"),
            ),
        };
        let data = Arc::new(data);
        let all = Part { data: data.clone(), start: 0, end: usize::MAX };
        let len = match &*data {
            Backing::Mapped(m) => m.len(),
            Backing::Memory(v) => v.len(),
        };
        let header = Part { end: HEADER_LEN.min(len), ..all.clone() };
        let h = header.as_ref();
        if h.len() < HEADER_LEN {
            return Err(corrupt("truncated header".into()));
        }
        let places = u64_at(h, 56) as usize;
        let entries = u64_at(h, 64) as usize;
        let mut parts = Vec::with_capacity(PARTS);
        for k in 0..PARTS {
            let (off, n) = (u64_at(h, 72 + 16 * k) as usize, u64_at(h, 80 + 16 * k) as usize);
            if off.checked_add(n).is_none_or(|end| end > len) {
                return Err(corrupt(format!("part {k} lies outside the file")));
            }
            parts.push(Part { data: data.clone(), start: off, end: off + n });
        }
        if parts[HOT].as_ref().len() != places * HOT_LEN
            || parts[ENTRIES].as_ref().len() != entries * ENTRY_LEN
            || parts[TABLE].as_ref().len() % 8 != 0
        {
            return Err(corrupt("counts do not match the parts".into()));
        }
        let names = fst::Map::new(parts[NAMES].clone()).map_err(|e| corrupt(e.to_string()))?;
        let ids = fst::Map::new(parts[IDS].clone()).map_err(|e| corrupt(e.to_string()))?;
        let warnings = String::from_utf8_lossy(parts[WARNINGS].as_ref())
            .lines()
            .filter_map(|l| {
                let mut f = l.splitn(3, '\t');
                let (line, field, msg) = (f.next()?, f.next()?, f.next()?);
                let field = (!field.is_empty()).then_some(field);
                Some(Diagnostic::warning(label, line.parse().ok(), field, msg.to_string()))
            })
            .collect();
        Ok(DiskIndex {
            source: source.to_path_buf(),
            label: label.to_string(),
            hot: parts[HOT].clone(),
            records: parts[RECORDS].clone(),
            entries: parts[ENTRIES].clone(),
            postings: parts[POSTINGS].clone(),
            geonames: parts[GEONAMES].clone(),
            names,
            ids,
            table: parts[TABLE].clone(),
            keys: parts[KEYS].clone(),
            places,
            warnings,
            rebuilt,
        })
    }

    /// Number of places.
    pub fn len(&self) -> usize {
        self.places
    }

    /// Whether the file has no places.
    pub fn is_empty(&self) -> bool {
        self.places == 0
    }

    /// The places file this indexes.
    pub fn source(&self) -> &Path {
        &self.source
    }

    fn hot(&self, i: usize) -> &[u8] {
        &self.hot.as_ref()[i * HOT_LEN..(i + 1) * HOT_LEN]
    }

    /// A place's point.
    pub fn point(&self, i: usize) -> Point<f64> {
        let h = self.hot(i);
        Point::new(f64_at(h, 0), f64_at(h, 8))
    }

    /// A place's kind.
    pub fn kind(&self, i: usize) -> PlaceKind {
        PlaceKind::ALL[self.hot(i)[24] as usize]
    }

    /// A place's countries (ISO3).
    pub fn countries(&self, i: usize) -> impl Iterator<Item = &str> {
        let h = self.hot(i);
        let n = h[25] as usize;
        (0..n).map(move |k| std::str::from_utf8(&h[26 + 3 * k..29 + 3 * k]).unwrap_or("???"))
    }

    /// Whether a place is declared in this country.
    pub fn in_country(&self, i: usize, iso3: &str) -> bool {
        self.countries(i).any(|c| c.eq_ignore_ascii_case(iso3))
    }

    fn record(&self, i: usize) -> Record<'_> {
        let off = u64_at(self.hot(i), 16) as usize;
        Record { bytes: self.records.as_ref(), at: off }
    }

    /// A place's id.
    pub fn id(&self, i: usize) -> &str {
        self.record(i).string()
    }

    /// A place's primary name.
    pub fn name(&self, i: usize) -> &str {
        let mut r = self.record(i);
        r.string();
        r.string()
    }

    /// The place with this id, if the file has one.
    pub fn find_id(&self, id: &str) -> Option<usize> {
        self.ids.get(id).map(|v| v as usize)
    }

    /// Every id, in sorted order, with its place.
    pub fn ids(&self) -> impl Iterator<Item = (String, usize)> + '_ {
        let mut out = Vec::new();
        let mut s = self.ids.stream();
        while let Some((k, v)) = s.next() {
            out.push((String::from_utf8_lossy(k).into_owned(), v as usize));
        }
        out.into_iter()
    }

    /// The place with this GeoNames id, if any.
    pub fn find_geonames(&self, gid: u64) -> Option<usize> {
        let g = self.geonames.as_ref();
        let n = g.len() / GEONAMES_LEN;
        let (mut lo, mut hi) = (0, n);
        while lo < hi {
            let mid = (lo + hi) / 2;
            let v = u64_at(g, mid * GEONAMES_LEN);
            match v.cmp(&gid) {
                std::cmp::Ordering::Less => lo = mid + 1,
                std::cmp::Ordering::Greater => hi = mid,
                std::cmp::Ordering::Equal => return Some(u32_at(g, mid * GEONAMES_LEN + 8) as usize),
            }
        }
        None
    }

    /// Decodes a whole place. `borders` must be those the index was validated against (the
    /// loader guarantees it: other borders make the index stale).
    pub fn place(&self, i: usize, borders: &BorderSet) -> Place {
        let h = self.hot(i);
        let mut r = self.record(i);
        let id = r.string().to_string();
        let name = r.string().to_string();
        let geometry_spec = r.string().to_string();
        let source = r.string().to_string();
        let notes = r.string().to_string();
        let n_aliases = r.u32() as usize;
        let aliases = (0..n_aliases).map(|_| r.string().to_string()).collect();
        let geonames_id = Some(r.u64()).filter(|&g| g != u64::MAX);
        let point = self.point(i);
        let (geometry, sections) = build_geometry(&geometry_spec, point, borders)
            .unwrap_or_else(|e| panic!("index of {} out of step with its borders: {e}", self.label));
        Place {
            id,
            name,
            kind: self.kind(i),
            countries: self.countries(i).map(str::to_string).collect(),
            point,
            geometry,
            geometry_spec,
            sections,
            aliases,
            geonames_id,
            source,
            notes,
            origin: Origin { file: self.label.clone(), line: u64::from(u32_at(h, 32)) },
        }
    }

    /// An entry's place and whether it is the primary name.
    fn entry(&self, e: usize) -> (usize, bool) {
        let b = &self.entries.as_ref()[e * ENTRY_LEN..(e + 1) * ENTRY_LEN];
        (u32_at(b, 0) as usize, b[12] == 1)
    }

    /// Calls `f(place, primary, name)` for every indexed name.
    pub fn for_each_name(&self, f: &mut dyn FnMut(usize, bool, &str)) {
        for e in 0..self.entries.as_ref().len() / ENTRY_LEN {
            let (p, primary) = self.entry(e);
            f(p, primary, self.entry_text(e));
        }
    }

    /// An entry's text.
    fn entry_text(&self, e: usize) -> &str {
        let b = &self.entries.as_ref()[e * ENTRY_LEN..(e + 1) * ENTRY_LEN];
        let (off, len) = (u32_at(b, 4) as usize, u32_at(b, 8) as usize);
        std::str::from_utf8(&self.records.as_ref()[off..off + len]).unwrap_or("?")
    }

    /// Calls `f(posting)` for each posting under an `fst` value.
    fn postings(&self, value: u64, f: &mut dyn FnMut(u32)) {
        if value & LIST_BIT == 0 {
            return f(value as u32);
        }
        let p = self.postings.as_ref();
        let at = ((value & !LIST_BIT) as usize) * 4;
        let n = u32_at(p, at) as usize;
        for k in 0..n {
            f(u32_at(p, at + 4 + 4 * k));
        }
    }

    /// Calls `f(place, entry, key)` for the names whose canonical key the automaton accepts,
    /// stopping after `limit` keys.
    fn canonical_hits<A: Automaton>(&self, aut: A, limit: usize, f: &mut dyn FnMut(usize, u64, &str)) {
        let mut s = self.names.search(aut).into_stream();
        let mut n = 0;
        while let Some((key, value)) = s.next() {
            let Ok(key) = std::str::from_utf8(key) else { continue };
            let mut any = false;
            self.postings(value, &mut |p| {
                if p & Tier::Canonical as u32 != 0 {
                    let (place, _) = self.entry((p >> 4) as usize);
                    f(place, u64::from(p >> 4), key);
                    any = true;
                }
            });
            n += usize::from(any);
            if n >= limit {
                break;
            }
        }
    }
}

impl DiskIndex {
    /// The `fst` value of a key, through the hash table.
    fn value_of(&self, key: &str) -> Option<u64> {
        if key.len() > MAX_TABLE_KEY {
            return self.names.get(key);
        }
        let table = self.table.as_ref();
        let keys = self.keys.as_ref();
        let n = table.len() / 8;
        if n == 0 {
            return None;
        }
        let mut slot = table_slot(key.as_bytes(), n);
        loop {
            let off = u32_at(table, slot * 8);
            if off == EMPTY {
                return None;
            }
            let off = off as usize;
            let len = keys[off] as usize;
            if len == key.len() && &keys[off + 1..off + 1 + len] == key.as_bytes() {
                let v = u32_at(table, slot * 8 + 4);
                return Some(if v & (1 << 31) != 0 { LIST_BIT | u64::from(v & !(1 << 31)) } else { u64::from(v) });
            }
            slot = (slot + 1) % n;
        }
    }
}

/// The first slot to probe for a key in a table of `n` slots.
fn table_slot(key: &[u8], n: usize) -> usize {
    let mut h = crate::borders::fnv1a(key);
    // splitmix64's finaliser: FNV's low bits alone cluster.
    h = (h ^ (h >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    h = (h ^ (h >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    h ^= h >> 31;
    ((u128::from(h) * n as u128) >> 64) as usize
}

impl NameSource for DiskIndex {
    fn lookup(&self, key: &str, tiers: u32, f: &mut dyn FnMut(usize, bool, u32, u64)) {
        let Some(value) = self.value_of(key) else { return };
        self.postings(value, &mut |p| {
            let matched = p & 0xf & tiers;
            if matched != 0 {
                let (place, primary) = self.entry((p >> 4) as usize);
                f(place, primary, matched, u64::from(p >> 4));
            }
        });
    }

    fn name(&self, handle: u64) -> &str {
        self.entry_text(handle as usize)
    }

    fn fuzzy(&self, canonical: &str, max_edits: usize, f: &mut dyn FnMut(usize, u64, f64)) {
        // The automaton counts a transposition as two edits, Damerau-Levenshtein as one: for one
        // edit, search two and keep what is within one transposition included. (From two
        // edits up, a single transposition is within reach anyway.)
        let wide = if max_edits == 1 { 2 } else { max_edits as u32 };
        let lev = fst::automaton::Levenshtein::new(canonical, wide)
            .or_else(|_| fst::automaton::Levenshtein::new(canonical, max_edits as u32));
        let Ok(lev) = lev else { return };
        let first = canonical.chars().next().map(String::from).unwrap_or_default();
        let aut = fst::automaton::Str::new(&first).starts_with().intersection(lev);
        self.canonical_hits(aut, usize::MAX, &mut |place, text, key| {
            let d = strsim::damerau_levenshtein(canonical, key);
            if d <= max_edits {
                f(place, text, edit_similarity(d, canonical, key));
            }
        });
    }

    fn similar(&self, canonical: &str, f: &mut dyn FnMut(usize, u64, &str)) {
        if self.entries.as_ref().len() / ENTRY_LEN <= FULL_SCAN_ENTRIES {
            // Small enough to compare with every name, as the in-memory index does.
            return self.canonical_hits(fst::automaton::AlwaysMatch, usize::MAX, f);
        }
        let edits = if canonical.len() >= 6 { 2 } else { 1 };
        if let Ok(lev) = fst::automaton::Levenshtein::new(canonical, edits) {
            let first = canonical.chars().next().map(String::from).unwrap_or_default();
            let aut = fst::automaton::Str::new(&first).starts_with().intersection(lev);
            self.canonical_hits(aut, MAX_PREFIX_SUGGESTIONS, f);
        }
        // Names that begin the query ("Imam Sahib" for "Imam Sahib Bazaar Road"), and names
        // the query begins.
        for (at, _) in canonical.char_indices().skip(4) {
            self.lookup(&canonical[..at], Tier::Canonical as u32, &mut |p, _, _, e| f(p, e, &canonical[..at]));
        }
        self.canonical_hits(fst::automaton::Str::new(canonical).starts_with(), MAX_PREFIX_SUGGESTIONS, f);
    }
}

/// Reads strings and numbers from a place record.
struct Record<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Record<'a> {
    fn u32(&mut self) -> u32 {
        let v = u32_at(self.bytes, self.at);
        self.at += 4;
        v
    }

    fn u64(&mut self) -> u64 {
        let v = u64_at(self.bytes, self.at);
        self.at += 8;
        v
    }

    fn string(&mut self) -> &'a str {
        let n = self.u32() as usize;
        let s = &self.bytes[self.at..self.at + n];
        self.at += n;
        std::str::from_utf8(s).unwrap_or("?")
    }
}

/// Builds the index bytes of a places file, streaming its rows.
fn build(source: &Path, label: &str, borders: &BorderSet, fp: Fingerprint) -> Result<Built, GazetteerError> {
    let io = |e: std::io::Error| GazetteerError::Io { path: source.to_path_buf(), source: e };
    let file = std::fs::File::open(source).map_err(io)?;
    let (reader, warnings) =
        PlaceReader::new(BufReader::with_capacity(1 << 20, file), label, borders).map_err(GazetteerError::Invalid)?;
    let mut b = Builder::default();
    let mut errors = Vec::new();
    for row in reader {
        match row {
            Ok(p) => b.add(&p).map_err(|m| GazetteerError::Invalid(vec![Diagnostic::error(label, None, None, m)]))?,
            Err(d) => errors.extend(d),
        }
    }
    errors.extend(b.duplicate_ids(label));
    if !errors.is_empty() {
        return Err(GazetteerError::Invalid(errors));
    }
    Ok(b.finish(fp, &warnings))
}

/// Accumulates the parts of an index.
#[derive(Default)]
struct Builder {
    hot: Vec<u8>,
    records: Vec<u8>,
    entries: Vec<u8>,
    /// Key bytes, and (offset, length, posting) into them.
    key_bytes: Vec<u8>,
    keys: Vec<(u32, u32, u32)>,
    /// (offset, length) of each place's id in `records`, and its line.
    ids: Vec<(u32, u32, u32)>,
    geonames: Vec<(u64, u32)>,
    n_entries: usize,
}

impl Builder {
    fn add(&mut self, p: &Place) -> Result<(), String> {
        let too_big = || "the places file is too large to index (over 4 GB of names or 268 M names)".to_string();
        let i = u32::try_from(self.hot.len() / HOT_LEN).map_err(|_| too_big())?;
        let rec_off = self.records.len();
        // hot
        self.hot.extend_from_slice(&p.point.x().to_le_bytes());
        self.hot.extend_from_slice(&p.point.y().to_le_bytes());
        self.hot.extend_from_slice(&(rec_off as u64).to_le_bytes());
        let kind = PlaceKind::ALL.iter().position(|k| *k == p.kind).expect("a kind") as u8;
        let mut countries = [0u8; 6];
        for (k, c) in p.countries.iter().take(2).enumerate() {
            countries[3 * k..3 * k + 3].copy_from_slice(&c.as_bytes()[..3]);
        }
        self.hot.push(kind);
        self.hot.push(p.countries.len().min(2) as u8);
        self.hot.extend_from_slice(&countries);
        self.hot.extend_from_slice(&u32::try_from(p.origin.line).unwrap_or(u32::MAX).to_le_bytes());
        self.hot.extend_from_slice(&[0; 4]);
        // record
        let mut name_at = Vec::with_capacity(1 + p.aliases.len());
        let id_at = self.push_string(&p.id);
        name_at.push(self.push_string(&p.name));
        for s in [&p.geometry_spec, &p.source, &p.notes] {
            self.push_string(s);
        }
        self.records.extend_from_slice(&(p.aliases.len() as u32).to_le_bytes());
        for a in &p.aliases {
            name_at.push(self.push_string(a));
        }
        self.records.extend_from_slice(&p.geonames_id.unwrap_or(u64::MAX).to_le_bytes());
        if self.records.len() > u32::MAX as usize {
            return Err(too_big());
        }
        self.ids.push((id_at as u32, p.id.len() as u32, u32::try_from(p.origin.line).unwrap_or(u32::MAX)));
        if let Some(g) = p.geonames_id {
            self.geonames.push((g, i));
        }
        // entries and keys
        for (ni, (name, at)) in p.names().zip(name_at).enumerate() {
            let primary = ni == 0;
            let Some(keys) = NameKeys::of(name) else { continue };
            if !primary && keys.is_generic() {
                continue;
            }
            let e = u32::try_from(self.n_entries).ok().filter(|e| *e < (1 << 28)).ok_or_else(too_big)?;
            self.n_entries += 1;
            self.entries.extend_from_slice(&i.to_le_bytes());
            self.entries.extend_from_slice(&(at as u32).to_le_bytes());
            self.entries.extend_from_slice(&(name.len() as u32).to_le_bytes());
            self.entries.extend_from_slice(&[u8::from(primary), 0, 0, 0]);
            // One posting per distinct key, with the tiers it serves.
            let mut merged: Vec<(&str, u32)> = Vec::with_capacity(4);
            for (tier, key) in keys.each() {
                match merged.iter_mut().find(|(k, _)| *k == key) {
                    Some(m) => m.1 |= tier as u32,
                    None => merged.push((key, tier as u32)),
                }
            }
            for (key, tiers) in merged {
                let off = u32::try_from(self.key_bytes.len()).map_err(|_| too_big())?;
                self.key_bytes.extend_from_slice(key.as_bytes());
                self.keys.push((off, key.len() as u32, e << 4 | tiers));
            }
        }
        Ok(())
    }

    /// Writes a length-prefixed string to `records`; returns where its bytes start.
    fn push_string(&mut self, s: &str) -> usize {
        self.records.extend_from_slice(&(s.len() as u32).to_le_bytes());
        let at = self.records.len();
        self.records.extend_from_slice(s.as_bytes());
        at
    }

    fn id_of(&self, (off, len, _): (u32, u32, u32)) -> &[u8] {
        &self.records[off as usize..(off + len) as usize]
    }

    /// Errors for ids used twice in the file, naming both lines.
    fn duplicate_ids(&mut self, label: &str) -> Vec<Diagnostic> {
        let mut order: Vec<usize> = (0..self.ids.len()).collect();
        order.sort_by(|&a, &b| self.id_of(self.ids[a]).cmp(self.id_of(self.ids[b])).then(a.cmp(&b)));
        let mut out = Vec::new();
        for w in order.windows(2) {
            let (a, b) = (self.ids[w[0]], self.ids[w[1]]);
            if self.id_of(a) == self.id_of(b) {
                let id = String::from_utf8_lossy(self.id_of(b));
                let msg = format!("duplicate id {id:?} (first on line {})", a.2);
                out.push(Diagnostic::error(label, Some(u64::from(b.2)), Some("id"), msg));
            }
        }
        out.sort_by_key(|d| d.line);
        out
    }

    fn finish(mut self, fp: Fingerprint, warnings: &[Diagnostic]) -> Built {
        // names: sort (key, posting), group equal keys.
        let kb = std::mem::take(&mut self.key_bytes);
        let key = |&(off, len, _): &(u32, u32, u32)| &kb[off as usize..(off + len) as usize];
        // The keys' first 8 bytes, big-endian, order most pairs without touching the key bytes.
        let prefix = |e: &(u32, u32, u32)| {
            let k = key(e);
            let mut p = [0u8; 8];
            p[..k.len().min(8)].copy_from_slice(&k[..k.len().min(8)]);
            u64::from_be_bytes(p)
        };
        let mut order: Vec<(u64, (u32, u32, u32))> = self.keys.iter().map(|e| (prefix(e), *e)).collect();
        order.sort_unstable_by(|(pa, a), (pb, b)| pa.cmp(pb).then_with(|| key(a).cmp(key(b))).then(a.2.cmp(&b.2)));
        self.keys = order.into_iter().map(|(_, e)| e).collect();
        let mut names = fst::MapBuilder::memory();
        let mut postings: Vec<u8> = Vec::new();
        let distinct = self.keys.windows(2).filter(|w| key(&w[0]) != key(&w[1])).count() + 1;
        let n_slots = if self.keys.is_empty() { 0 } else { distinct * 3 / 2 + 1 };
        let mut table = vec![EMPTY; 2 * n_slots];
        let mut table_keys: Vec<u8> = Vec::new();
        let mut i = 0;
        while i < self.keys.len() {
            let k = key(&self.keys[i]);
            let j = i + self.keys[i..].iter().take_while(|e| key(e) == k).count();
            let value = if j - i == 1 {
                u64::from(self.keys[i].2)
            } else {
                let at = (postings.len() / 4) as u64;
                postings.extend_from_slice(&((j - i) as u32).to_le_bytes());
                for e in &self.keys[i..j] {
                    postings.extend_from_slice(&e.2.to_le_bytes());
                }
                LIST_BIT | at
            };
            names.insert(k, value).expect("keys are sorted and distinct");
            if k.len() <= MAX_TABLE_KEY {
                let v = if value & LIST_BIT != 0 { (1 << 31) | (value & !LIST_BIT) as u32 } else { value as u32 };
                let mut slot = table_slot(k, n_slots);
                while table[2 * slot] != EMPTY {
                    slot = (slot + 1) % n_slots;
                }
                table[2 * slot] = table_keys.len() as u32;
                table[2 * slot + 1] = v;
                table_keys.push(k.len() as u8);
                table_keys.extend_from_slice(k);
            }
            i = j;
        }
        let names = names.into_inner().expect("in memory");
        // ids
        let mut order: Vec<usize> = (0..self.ids.len()).collect();
        order.sort_by(|&a, &b| self.id_of(self.ids[a]).cmp(self.id_of(self.ids[b])));
        let mut ids = fst::MapBuilder::memory();
        for p in order {
            ids.insert(self.id_of(self.ids[p]), p as u64).expect("ids are sorted and distinct");
        }
        let ids = ids.into_inner().expect("in memory");
        // geonames
        self.geonames.sort_unstable();
        self.geonames.dedup_by_key(|g| g.0);
        let mut geonames = Vec::with_capacity(self.geonames.len() * GEONAMES_LEN);
        for (g, p) in &self.geonames {
            geonames.extend_from_slice(&g.to_le_bytes());
            geonames.extend_from_slice(&p.to_le_bytes());
            geonames.extend_from_slice(&[0; 4]);
        }
        let mut warn = String::new();
        for d in warnings.iter().filter(|d| d.severity == Severity::Warning) {
            let line = d.line.map(|l| l.to_string()).unwrap_or_default();
            warn.push_str(&format!("{line}\t{}\t{}\n", d.field.as_deref().unwrap_or(""), d.message.replace('\n', " ")));
        }
        let table: Vec<u8> = table.iter().flat_map(|v| v.to_le_bytes()).collect();
        let n_places = self.hot.len() / HOT_LEN;
        let parts: Vec<Vec<u8>> = vec![
            std::mem::take(&mut self.hot),
            std::mem::take(&mut self.records),
            std::mem::take(&mut self.entries),
            postings,
            names,
            ids,
            geonames,
            warn.into_bytes(),
            table,
            table_keys,
        ];
        debug_assert_eq!(parts.len(), PARTS);
        let mut header = vec![0u8; HEADER_LEN];
        header[..8].copy_from_slice(MAGIC);
        header[8..12].copy_from_slice(&VERSION.to_le_bytes());
        fp.write(&mut header);
        header[56..64].copy_from_slice(&(n_places as u64).to_le_bytes());
        header[64..72].copy_from_slice(&(self.n_entries as u64).to_le_bytes());
        let mut at = HEADER_LEN;
        for (k, part) in parts.iter().enumerate() {
            at = at.next_multiple_of(8); // parts are 8-byte aligned
            header[72 + 16 * k..80 + 16 * k].copy_from_slice(&(at as u64).to_le_bytes());
            header[80 + 16 * k..88 + 16 * k].copy_from_slice(&(part.len() as u64).to_le_bytes());
            at += part.len();
        }
        Built { header, parts }
    }
}

/// A built index, not yet written: written part by part, never copied whole.
struct Built {
    header: Vec<u8>,
    parts: Vec<Vec<u8>>,
}

impl Built {
    fn write_to(&self, out: &mut dyn Write) -> std::io::Result<()> {
        out.write_all(&self.header)?;
        let mut at = self.header.len();
        for p in &self.parts {
            let pad = at.next_multiple_of(8) - at;
            out.write_all(&[0u8; 8][..pad])?;
            out.write_all(p)?;
            at += pad + p.len();
        }
        Ok(())
    }

    fn into_bytes(self) -> Vec<u8> {
        let mut v = Vec::new();
        self.write_to(&mut v).expect("in memory");
        v
    }
}

/// Borrowed or decoded: what the gazetteer hands out for a place.
pub type PlaceRef<'a> = Cow<'a, Place>;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gazetteer::{Gazetteer, GazetteerSources, LoadOptions, PlaceFacts, PlacesSource, Query};

    /// The bundled gazetteer with its places file copied to `dir`, loaded from there.
    fn sources_in(dir: &Path) -> (GazetteerSources, PathBuf) {
        let mut t = GazetteerSources::bundled();
        let file = dir.join("places.csv");
        // The curated layer (the last, on top of the GeoNames one).
        std::fs::write(&file, t.places.last().unwrap().read().unwrap().as_bytes()).unwrap();
        t.places = vec![PlacesSource::File(file.clone())];
        (t, file)
    }

    const ON_DISK: LoadOptions = LoadOptions { index_min_bytes: Some(0) };
    const IN_MEMORY: LoadOptions = LoadOptions { index_min_bytes: None };

    fn queries(gz: &Gazetteer) -> Vec<String> {
        let mut q: Vec<String> =
            gz.place_indices().flat_map(|i| gz.place_at(i).names().map(str::to_string).collect::<Vec<_>>()).collect();
        q.extend(
            [
                "Mazar-e Sharif",
                "Мазари-Шариф",
                "the River Panj",
                "Kunduz province",
                "Province of Herat",
                "Panj",
                "Qala",
                "Khwaja",
                "Islam Qalaa",
                "Shir Khan Bandarr",
                "Sher Khan",
                "Imam Sahib Bazaar Road",
                "Nowhere-abad",
                "",
            ]
            .map(str::to_string),
        );
        q
    }

    #[test]
    fn an_indexed_file_resolves_and_decodes_exactly_as_in_memory() {
        let dir = tempfile::tempdir().unwrap();
        let (t, file) = sources_in(dir.path());
        let mem = Gazetteer::load(&t, &IN_MEMORY).unwrap();
        let disk = Gazetteer::load(&t, &ON_DISK).unwrap();
        assert!(index_path(&file).exists());
        assert_eq!(disk.rebuilt_indexes.len(), 1);
        assert_eq!(mem.len(), disk.len());
        // Bundled texts are not indexed: only files are. Numbering is the same here.
        for i in mem.place_indices() {
            assert_eq!(*mem.place_at(i), *disk.place_at(i), "place {i}");
            assert_eq!(disk.place_index(&mem.place_at(i).id), Some(i));
            assert_eq!(mem.label(i), disk.label(i));
        }
        for q in queries(&mem) {
            assert_eq!(mem.resolve(&Query::new(q.clone())), disk.resolve(&Query::new(q.clone())), "{q:?}");
        }
        assert_eq!(mem.places_with_canonical("panj"), disk.places_with_canonical("panj"));
        let gid = mem.place_indices().find_map(|i| mem.place_at(i).geonames_id).unwrap();
        assert_eq!(mem.place_by_geonames(gid), disk.place_by_geonames(gid));
        assert_eq!(disk.place_by_geonames(1), None);
        // A second load finds the index up to date.
        let again = Gazetteer::load(&t, &ON_DISK).unwrap();
        assert!(again.rebuilt_indexes.is_empty());
    }

    #[test]
    fn a_changed_or_damaged_source_rebuilds_the_index() {
        let dir = tempfile::tempdir().unwrap();
        let (t, file) = sources_in(dir.path());
        Gazetteer::load(&t, &ON_DISK).unwrap();
        let mut text = std::fs::read_to_string(&file).unwrap();
        text.push_str("xxx-new-place,Qaryat Nawa,village,AFG,36.5,66.5,,Nawa Qarya,,test,\n");
        std::fs::write(&file, text).unwrap();
        let gz = Gazetteer::load(&t, &ON_DISK).unwrap();
        assert_eq!(gz.rebuilt_indexes[0].1, "the places file changed");
        assert!(gz.resolve(&Query::new("Nawa Qarya")).resolved().is_some());
        std::fs::write(index_path(&file), b"garbage").unwrap();
        let gz = Gazetteer::load(&t, &ON_DISK).unwrap();
        assert_eq!(gz.rebuilt_indexes[0].1, "the index file is not a bordermap index");
        assert!(gz.place("xxx-new-place").is_some());
    }

    #[test]
    fn invalid_rows_fail_the_build_with_file_line_and_field() {
        let dir = tempfile::tempdir().unwrap();
        let (mut t, file) = sources_in(dir.path());
        let mut text = std::fs::read_to_string(&file).unwrap();
        text.push_str("afg-kabul,Kabul again,city,AFG,34.5,69.2,,,,,\nbad-lat,Bad,village,AFG,134.5,69.2,,,,,\n");
        std::fs::write(&file, &text).unwrap();
        let Err(GazetteerError::Invalid(d)) = Gazetteer::load(&t, &ON_DISK) else { panic!("loaded") };
        let fields: Vec<_> = d.iter().map(|d| d.field.as_deref()).collect();
        assert_eq!(fields, [Some("lat"), Some("id")], "{d:?}");
        assert!(d[1].message.contains("duplicate id \"afg-kabul\""), "{}", d[1]);
        assert!(!index_path(&file).exists(), "no index for an invalid file");
        t.places.clear();
    }

    #[test]
    fn higher_layers_hide_lower_places_with_the_same_id() {
        let dir = tempfile::tempdir().unwrap();
        let (mut t, file) = sources_in(dir.path());
        // Bundled text below, the indexed copy in the middle, a small override on top.
        let curated = || {
            let mut c = GazetteerSources::bundled();
            c.places = vec![c.places.pop().unwrap()];
            c
        };
        t.places.insert(0, curated().places.remove(0));
        let top = dir.path().join("top.csv");
        std::fs::write(&top, "id,name,kind,country,lat,lon\nafg-kabul,Kabul Override,city,AFG,34.5,69.2\n").unwrap();
        t.places.push(PlacesSource::File(top));
        let opts = LoadOptions { index_min_bytes: Some(1000) };
        let gz = Gazetteer::load(&t, &opts).unwrap();
        let n = gz.place_indices().count();
        let bundled = Gazetteer::from_texts(&curated()).unwrap();
        assert_eq!(n, bundled.len(), "every id once");
        assert_eq!(gz.place("afg-kabul").unwrap().name, "Kabul Override");
        let herat = gz.place("afg-herat").unwrap();
        assert_eq!(herat.origin.file, file.display().to_string(), "the indexed layer wins over the bundled one");
        let r = gz.resolve(&Query::new("Kabul Override"));
        assert_eq!(gz.id(r.resolved().unwrap().place), "afg-kabul");
        assert!(gz.resolve(&Query::new("Herat")).resolved().is_some(), "not ambiguous with its hidden twin");
    }

    #[test]
    fn an_unwritable_folder_indexes_in_memory() {
        let dir = tempfile::tempdir().unwrap();
        let (t, file) = sources_in(dir.path());
        std::fs::create_dir(index_path(&file)).unwrap(); // the index path cannot be a file
        let gz = Gazetteer::load(&t, &ON_DISK).unwrap();
        assert!(gz.resolve(&Query::new("Kabul")).resolved().is_some());
        assert!(index_path(&file).is_dir());
    }
}
