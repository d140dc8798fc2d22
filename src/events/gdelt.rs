//! Reading GDELT event files (GDELT 1.0 and 2.0, as GDELT publishes them: tab-separated, no
//! header row, one event per line) into bordermap [`Event`]s, one row at a time.
//!
//! The layout of each row is told by its number of columns (see [`V1_COLUMNS`] and
//! [`V2_COLUMNS`] for the columns and where they come from): 57 (GDELT 1.0 backfiles, before
//! April 2013: no SOURCEURL), 58 (GDELT 1.0 daily files) or 61 (GDELT 2.0: every geography has an
//! ADM2Code, DATEADDED is YYYYMMDDHHMMSS). A first row of GDELT's column names (as exported from
//! BigQuery, tab- or comma-separated) is read as a header: the rows are then read by name.
//!
//! Every row is machine-coded from a news report: it is `claimed`, by "GDELT machine coding of"
//! the report's web domain, never a fact. Its point is the ActionGeo point, labelled with the
//! ActionGeo_FullName; its type comes from the CAMEO EventCode ([`CAMEO`], longest matching
//! prefix). GDELT is worldwide: rows whose point lies outside the [`Region`] and rows with no
//! action location are left out, and counted in [`GdeltSkipped`] (not errors). Any other bad row
//! is an error naming the file, its line and GDELT's column; it is never skipped.
//! See "GDELT exports" in `maps/README.md`.

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Chain, Cursor, Read};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use jiff::civil::Date;

use super::input::BOM;
use super::{ClaimStatus, Event, EventDate, EventType, Location, ReadError, Region};
use crate::diagnostic::Diagnostic;
use crate::gazetteer::Origin;

/// The columns of a GDELT 1.0 event row, in order (GDELT 1.0 Data Format Codebook,
/// <http://data.gdeltproject.org/documentation/GDELT-Data_Format_Codebook.pdf>). The historical
/// backfiles (to March 2013) have the first 57; the daily files from April 2013 add SOURCEURL.
pub const V1_COLUMNS: [&str; 58] = [
    "GLOBALEVENTID",
    "SQLDATE",
    "MonthYear",
    "Year",
    "FractionDate",
    "Actor1Code",
    "Actor1Name",
    "Actor1CountryCode",
    "Actor1KnownGroupCode",
    "Actor1EthnicCode",
    "Actor1Religion1Code",
    "Actor1Religion2Code",
    "Actor1Type1Code",
    "Actor1Type2Code",
    "Actor1Type3Code",
    "Actor2Code",
    "Actor2Name",
    "Actor2CountryCode",
    "Actor2KnownGroupCode",
    "Actor2EthnicCode",
    "Actor2Religion1Code",
    "Actor2Religion2Code",
    "Actor2Type1Code",
    "Actor2Type2Code",
    "Actor2Type3Code",
    "IsRootEvent",
    "EventCode",
    "EventBaseCode",
    "EventRootCode",
    "QuadClass",
    "GoldsteinScale",
    "NumMentions",
    "NumSources",
    "NumArticles",
    "AvgTone",
    "Actor1Geo_Type",
    "Actor1Geo_FullName",
    "Actor1Geo_CountryCode",
    "Actor1Geo_ADM1Code",
    "Actor1Geo_Lat",
    "Actor1Geo_Long",
    "Actor1Geo_FeatureID",
    "Actor2Geo_Type",
    "Actor2Geo_FullName",
    "Actor2Geo_CountryCode",
    "Actor2Geo_ADM1Code",
    "Actor2Geo_Lat",
    "Actor2Geo_Long",
    "Actor2Geo_FeatureID",
    "ActionGeo_Type",
    "ActionGeo_FullName",
    "ActionGeo_CountryCode",
    "ActionGeo_ADM1Code",
    "ActionGeo_Lat",
    "ActionGeo_Long",
    "ActionGeo_FeatureID",
    "DATEADDED",
    "SOURCEURL",
];

/// The columns of a GDELT 2.0 event row (the `.export.CSV` files), in order (GDELT Event
/// Codebook V2.0, <http://data.gdeltproject.org/documentation/GDELT-Event_Codebook-V2.0.pdf>):
/// GDELT 1.0's, with an ADM2Code after each ADM1Code, and DATEADDED as YYYYMMDDHHMMSS.
pub const V2_COLUMNS: [&str; 61] = [
    "GLOBALEVENTID",
    "SQLDATE",
    "MonthYear",
    "Year",
    "FractionDate",
    "Actor1Code",
    "Actor1Name",
    "Actor1CountryCode",
    "Actor1KnownGroupCode",
    "Actor1EthnicCode",
    "Actor1Religion1Code",
    "Actor1Religion2Code",
    "Actor1Type1Code",
    "Actor1Type2Code",
    "Actor1Type3Code",
    "Actor2Code",
    "Actor2Name",
    "Actor2CountryCode",
    "Actor2KnownGroupCode",
    "Actor2EthnicCode",
    "Actor2Religion1Code",
    "Actor2Religion2Code",
    "Actor2Type1Code",
    "Actor2Type2Code",
    "Actor2Type3Code",
    "IsRootEvent",
    "EventCode",
    "EventBaseCode",
    "EventRootCode",
    "QuadClass",
    "GoldsteinScale",
    "NumMentions",
    "NumSources",
    "NumArticles",
    "AvgTone",
    "Actor1Geo_Type",
    "Actor1Geo_FullName",
    "Actor1Geo_CountryCode",
    "Actor1Geo_ADM1Code",
    "Actor1Geo_ADM2Code",
    "Actor1Geo_Lat",
    "Actor1Geo_Long",
    "Actor1Geo_FeatureID",
    "Actor2Geo_Type",
    "Actor2Geo_FullName",
    "Actor2Geo_CountryCode",
    "Actor2Geo_ADM1Code",
    "Actor2Geo_ADM2Code",
    "Actor2Geo_Lat",
    "Actor2Geo_Long",
    "Actor2Geo_FeatureID",
    "ActionGeo_Type",
    "ActionGeo_FullName",
    "ActionGeo_CountryCode",
    "ActionGeo_ADM1Code",
    "ActionGeo_ADM2Code",
    "ActionGeo_Lat",
    "ActionGeo_Long",
    "ActionGeo_FeatureID",
    "DATEADDED",
    "SOURCEURL",
];

/// The columns a header row must name for its rows to be read.
pub const REQUIRED: [&str; 6] =
    ["GLOBALEVENTID", "SQLDATE", "EventCode", "ActionGeo_Type", "ActionGeo_Lat", "ActionGeo_Long"];

/// CAMEO event codes and their labels (CAMEO 1.1b3, as in GDELT's `CAMEO.eventcodes.txt`), each
/// with the bordermap type it maps to. A row's EventCode takes the entry of its longest prefix
/// in the table (the 4-digit code, then its 3-digit base, then its 2-digit root); every root is
/// here, so every valid code has a type. Choices that need a word (see "GDELT exports" in
/// `maps/README.md`): 0874 "Retreat or surrender militarily" is `change_to_group_activity`, not
/// `flight_across_border` (nothing says a border was crossed) nor `capture` (nothing says who
/// took the place); 152 "Increase military alert status" is `military_exercise` (a readiness
/// measure), 150/154 are `reinforcement`; 0871 "Declare truce, ceasefire" and 057 "Sign formal
/// agreement" are `agreement`; 183 (bombings not specified below) is `suicide_bomb`, its
/// vehicular, roadside and location bombings `remote_explosive`.
pub const CAMEO: &[(&str, &str, EventType)] = &[
    ("01", "Make public statement", EventType::Statement),
    ("02", "Appeal", EventType::Statement),
    ("03", "Express intent to cooperate", EventType::Statement),
    ("04", "Consult", EventType::Statement),
    ("05", "Engage in diplomatic cooperation", EventType::Statement),
    ("057", "Sign formal agreement", EventType::Agreement),
    ("06", "Engage in material cooperation", EventType::Other),
    ("07", "Provide aid", EventType::Other),
    ("072", "Provide military aid", EventType::MilitaryAid),
    ("075", "Grant asylum", EventType::Refugees),
    ("08", "Yield", EventType::Other),
    ("0871", "Declare truce, ceasefire", EventType::Agreement),
    ("0874", "Retreat or surrender militarily", EventType::ChangeToGroupActivity),
    ("09", "Investigate", EventType::Other),
    ("10", "Demand", EventType::Statement),
    ("11", "Disapprove", EventType::Statement),
    ("12", "Reject", EventType::Statement),
    ("13", "Threaten", EventType::Statement),
    ("14", "Protest", EventType::PeacefulProtest),
    ("145", "Protest violently, riot, not specified below", EventType::ViolentDemonstration),
    ("15", "Exhibit force posture", EventType::Other),
    ("150", "Demonstrate military or police power, not specified below", EventType::Reinforcement),
    ("152", "Increase military alert status", EventType::MilitaryExercise),
    ("154", "Mobilize or increase armed forces", EventType::Reinforcement),
    ("16", "Reduce relations", EventType::Other),
    ("17", "Coerce", EventType::Other),
    ("171", "Seize or damage property, not specified below", EventType::LootingPropertyDestruction),
    ("1711", "Confiscate property", EventType::LootingPropertyDestruction),
    ("1712", "Destroy property", EventType::LootingPropertyDestruction),
    ("172", "Impose administrative sanctions, not specified below", EventType::Other),
    ("1721", "Impose restrictions on political freedoms", EventType::Other),
    ("1723", "Impose curfew", EventType::Other),
    ("1724", "Impose state of emergency or martial law", EventType::Other),
    ("173", "Arrest, detain, or charge with legal action", EventType::Arrests),
    ("175", "Use tactics of violent repression", EventType::Attack),
    ("18", "Assault", EventType::Attack),
    ("180", "Use unconventional violence, not specified below", EventType::Attack),
    ("181", "Abduct, hijack, or take hostage", EventType::Abduction),
    ("182", "Physically assault, not specified below", EventType::Attack),
    ("1821", "Sexually assault", EventType::SexualViolence),
    ("1822", "Torture", EventType::Attack),
    ("1823", "Kill by physical assault", EventType::Attack),
    ("183", "Conduct suicide, car, or other non-military bombing, not specified below", EventType::SuicideBomb),
    ("1831", "Carry out suicide bombing", EventType::SuicideBomb),
    ("1832", "Carry out vehicular bombing", EventType::RemoteExplosive),
    ("1833", "Carry out roadside bombing", EventType::RemoteExplosive),
    ("1834", "Carry out location bombing", EventType::RemoteExplosive),
    ("184", "Use as human shield", EventType::Attack),
    ("185", "Attempt to assassinate", EventType::Attack),
    ("186", "Assassinate", EventType::Attack),
    ("19", "Fight", EventType::Clash),
    ("190", "Use conventional military force, not specified below", EventType::Clash),
    ("191", "Impose blockade, restrict movement", EventType::Other),
    ("192", "Occupy territory", EventType::Capture),
    ("193", "Fight with small arms and light weapons", EventType::Clash),
    ("194", "Fight with artillery and tanks", EventType::ShellingArtilleryMissileAttack),
    ("195", "Employ aerial weapons, not specified below", EventType::AirDroneStrike),
    ("1951", "Employ precision-guided aerial munitions", EventType::AirDroneStrike),
    ("1952", "Employ remotely piloted aerial munitions", EventType::AirDroneStrike),
    ("196", "Violate ceasefire", EventType::Clash),
    ("20", "Use unconventional mass violence", EventType::Attack),
    ("2041", "Use chemical, biological, or radiological weapons", EventType::ChemicalWeapon),
];

/// The table entry of a CAMEO event code: the longest prefix of `code` in [`CAMEO`] (4 digits,
/// then 3, then the root's 2), or `None` for a code of no known root.
pub fn cameo(code: &str) -> Option<&'static (&'static str, &'static str, EventType)> {
    let code = code.trim();
    (2..=code.len().min(4)).rev().find_map(|n| {
        let prefix = code.get(..n)?;
        CAMEO.iter().find(|e| e.0 == prefix)
    })
}

/// The bordermap type of a CAMEO event code (`other` for a code of no known root).
pub fn event_type(code: &str) -> EventType {
    cameo(code).map_or(EventType::Other, |e| e.2)
}

/// Rows left out, not errors: counted while reading, shared with whoever prints them (the CLI
/// keeps a clone of the [`Arc`] from [`GdeltReader::skipped`] before boxing the reader).
#[derive(Debug, Default)]
pub struct GdeltSkipped {
    /// Rows whose ActionGeo point lies outside the region.
    pub outside_region: AtomicU64,
    /// Rows with no action location (ActionGeo_Type 0, or no coordinates).
    pub no_location: AtomicU64,
}

impl GdeltSkipped {
    /// The counts as they are now: (outside_region, no_location).
    pub fn counts(&self) -> (u64, u64) {
        (self.outside_region.load(Ordering::Relaxed), self.no_location.load(Ordering::Relaxed))
    }

    /// The lines to print about rows left out (none when none were).
    pub fn report(&self, region: &Region) -> Vec<String> {
        let (outside, none) = self.counts();
        let mut lines = Vec::new();
        if outside > 0 {
            lines.push(format!("left out {outside} GDELT row(s) outside the region ({region}): widen it with --region MINLON,MINLAT,MAXLON,MAXLAT or --region world"));
        }
        if none > 0 {
            lines.push(format!("left out {none} GDELT row(s) with no action location (ActionGeo_Type 0)"));
        }
        lines
    }
}

/// The longest line read; a longer one is an error (GDELT's rows are well under 4 KiB).
pub const MAX_LINE: usize = 1 << 20;
/// The most columns a header row may have.
const MAX_HEADER_COLUMNS: usize = 1000;

/// How the rows are laid out.
enum Layout {
    /// No header: by the number of tab-separated columns.
    Positional {
        v1_57: HashMap<&'static str, usize>,
        v1_58: HashMap<&'static str, usize>,
        v2: HashMap<&'static str, usize>,
    },
    /// A header row of column names, rows split at `delimiter`.
    Named { cols: HashMap<&'static str, usize>, delimiter: u8 },
}

fn index(cols: &[&'static str]) -> HashMap<&'static str, usize> {
    cols.iter().enumerate().map(|(i, &c)| (c, i)).collect()
}

/// Streams [`Event`]s from a GDELT 1.0 or 2.0 event file (unzipped).
pub struct GdeltReader<R: Read> {
    file: String,
    region: Region,
    input: BufReader<Chain<Cursor<Vec<u8>>, R>>,
    layout: Layout,
    /// The 1-based number of the line last read.
    line: u64,
    /// The first line, read to look for a header, still to convert.
    pending: Option<Vec<u8>>,
    buf: Vec<u8>,
    skipped: Arc<GdeltSkipped>,
    done: bool,
}

/// One line of input: its bytes without the line end, or `None` when too long (skipped to its end).
fn read_line<R: Read>(input: &mut BufReader<R>, buf: &mut Vec<u8>) -> std::io::Result<Option<bool>> {
    buf.clear();
    let mut too_long = false;
    let mut any = false;
    loop {
        let chunk = match input.fill_buf() {
            Ok(c) => c,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if chunk.is_empty() {
            break;
        }
        any = true;
        let (take, end) = match memchr::memchr(b'\n', chunk) {
            Some(i) => (i, true),
            None => (chunk.len(), false),
        };
        if !too_long {
            if buf.len() + take > MAX_LINE {
                too_long = true;
                buf.clear();
            } else {
                buf.extend_from_slice(&chunk[..take]);
            }
        }
        input.consume(if end { take + 1 } else { take });
        if end {
            break;
        }
    }
    if !any {
        return Ok(None);
    }
    if buf.last() == Some(&b'\r') {
        buf.pop();
    }
    Ok(Some(too_long))
}

impl<R: Read> GdeltReader<R> {
    /// Opens a GDELT event file: refuses a zip or gzip archive and an empty file, and reads a
    /// first row of column names as a header.
    pub fn new(reader: R, file: &str) -> Result<Self, ReadError> {
        let one = |line: Option<u64>, msg: String| ReadError(vec![Diagnostic::error(file, line, None, msg)]);
        // The first bytes, however the input arrives: enough to tell an archive and a BOM.
        let mut reader = reader;
        let mut head = Vec::new();
        let mut chunk = [0u8; 4];
        while head.len() < 4 {
            match reader.read(&mut chunk[..4 - head.len()]) {
                Ok(0) => break,
                Ok(n) => head.extend_from_slice(&chunk[..n]),
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(one(None, format!("cannot read: {e}"))),
            }
        }
        if head.starts_with(b"PK\x03\x04") || head.starts_with(b"PK\x05\x06") {
            return Err(one(
                None,
                "this is a zip archive, as GDELT publishes its files: unzip it first (unzip FILE.zip) and give the \
                 .CSV inside"
                    .into(),
            ));
        }
        if head.starts_with(b"\x1f\x8b") {
            return Err(one(None, "this is a gzip archive: decompress it first (gunzip FILE.gz)".into()));
        }
        if head.starts_with(BOM) {
            head.drain(..BOM.len());
        }
        let input = BufReader::with_capacity(1 << 16, Cursor::new(head).chain(reader));
        let mut r = GdeltReader {
            file: file.to_string(),
            region: Region::DEFAULT,
            input,
            layout: Layout::Positional {
                v1_57: index(&V1_COLUMNS[..57]),
                v1_58: index(&V1_COLUMNS),
                v2: index(&V2_COLUMNS),
            },
            line: 0,
            pending: None,
            buf: Vec::new(),
            skipped: Arc::new(GdeltSkipped::default()),
            done: false,
        };
        // The first line that is not blank: a header, or the first row.
        let mut first = Vec::new();
        loop {
            match read_line(&mut r.input, &mut first) {
                Err(e) => return Err(one(None, format!("cannot read: {e}"))),
                Ok(None) => {
                    return Err(one(
                        None,
                        "the file is empty: a GDELT event file has one event per line (tab-separated, GLOBALEVENTID \
                         first)"
                            .into(),
                    ));
                }
                Ok(Some(too_long)) => {
                    r.line += 1;
                    if too_long || !first.iter().all(u8::is_ascii_whitespace) {
                        if too_long {
                            return Err(one(
                                Some(r.line),
                                format!("the line is longer than {MAX_LINE} bytes: not a GDELT event file"),
                            ));
                        }
                        break;
                    }
                }
            }
        }
        let text = String::from_utf8_lossy(&first);
        let lead = text.split(['\t', ',']).next().unwrap_or("").trim().trim_matches('"');
        if lead.eq_ignore_ascii_case("globaleventid")
            || (text.to_ascii_lowercase().contains("globaleventid") && !lead.bytes().all(|b| b.is_ascii_digit()))
        {
            let delimiter = if text.contains('\t') { b'\t' } else { b',' };
            let names = split(&first, delimiter).map_err(|m| one(Some(r.line), m))?;
            if names.len() > MAX_HEADER_COLUMNS {
                return Err(one(Some(r.line), format!("{} columns: a GDELT header has at most 61", names.len())));
            }
            let mut cols = HashMap::new();
            for (i, n) in names.iter().enumerate() {
                let n = n.trim().trim_start_matches('\u{feff}');
                if let Some(&c) = V2_COLUMNS.iter().find(|c| c.eq_ignore_ascii_case(n)) {
                    cols.entry(c).or_insert(i);
                }
            }
            let missing: Vec<Diagnostic> = REQUIRED
                .iter()
                .filter(|c| !cols.contains_key(*c))
                .map(|c| {
                    Diagnostic::error(
                        file,
                        Some(r.line),
                        Some(c),
                        "required GDELT column is missing from the header row".to_string(),
                    )
                })
                .collect();
            if !missing.is_empty() {
                return Err(ReadError(missing));
            }
            r.layout = Layout::Named { cols, delimiter };
        } else if lead.bytes().all(|b| b.is_ascii_digit()) && !lead.is_empty() {
            r.pending = Some(first);
        } else {
            let lower = text.to_lowercase();
            let bordermap =
                ["id", "date", "type", "claim_status"].iter().all(|c| lower.split([',', '\t']).any(|n| n.trim() == *c));
            let msg = if bordermap {
                "this looks like a bordermap events file (id, date, type, claim_status), not a GDELT event file: read \
                 it without --from gdelt (or with --from bordermap)"
                    .to_string()
            } else {
                "this is not a GDELT event file: GDELT's files have no header row and one event per line, \
                 tab-separated, GLOBALEVENTID (a number) first, 57, 58 or 61 columns; a header row, if any, names \
                 GDELT's columns (GLOBALEVENTID, SQLDATE, …)"
                    .to_string()
            };
            return Err(one(Some(r.line), msg));
        }
        Ok(r)
    }

    /// Keeps rows whose ActionGeo point lies in `region` instead of [`Region::DEFAULT`].
    pub fn with_region(mut self, region: Region) -> Self {
        self.region = region;
        self
    }

    /// The counts of rows left out so far (outside the region, no location), shared.
    pub fn skipped(&self) -> Arc<GdeltSkipped> {
        Arc::clone(&self.skipped)
    }
}

/// The fields of a line, split at `delimiter` (a comma-separated line as CSV, with quotes).
fn split(line: &[u8], delimiter: u8) -> Result<Vec<String>, String> {
    let text =
        std::str::from_utf8(line).map_err(|e| format!("the line is not UTF-8 text (at byte {})", e.valid_up_to()))?;
    if delimiter == b'\t' {
        return Ok(text.split('\t').map(str::to_string).collect());
    }
    let mut rdr = csv::ReaderBuilder::new().has_headers(false).flexible(true).from_reader(text.as_bytes());
    let mut rec = csv::StringRecord::new();
    match rdr.read_record(&mut rec) {
        Ok(true) => {}
        Ok(false) => return Ok(Vec::new()),
        Err(e) => return Err(format!("unreadable comma-separated row: {e}")),
    }
    if rdr.position().byte() < text.len() as u64 {
        return Err("a quoted field runs past the end of the line (a GDELT row is one line)".into());
    }
    Ok(rec.iter().map(str::to_string).collect())
}

/// One row, by GDELT column name.
struct Row<'a> {
    fields: &'a [String],
    cols: &'a HashMap<&'static str, usize>,
}

impl Row<'_> {
    fn get(&self, c: &str) -> &str {
        self.cols.get(c).and_then(|&i| self.fields.get(i)).map_or("", |s| s.trim())
    }
}

/// YYYYMMDD (or YYYYMMDDHHMMSS when `long` is allowed) as a day an event record may have.
fn day(t: &str, long_ok: bool) -> Result<Date, String> {
    let ok_len = t.len() == 8 || (long_ok && t.len() == 14);
    if !ok_len || !t.bytes().all(|b| b.is_ascii_digit()) {
        let form = if long_ok { "YYYYMMDD or YYYYMMDDHHMMSS" } else { "YYYYMMDD" };
        return Err(format!("{t:?} is not a date ({form})"));
    }
    let (y, m, d): (i16, i8, i8) =
        (t[..4].parse().unwrap_or(0), t[4..6].parse().unwrap_or(0), t[6..8].parse().unwrap_or(0));
    let date = Date::new(y, m, d).map_err(|_| format!("{t:?} is not a day of the calendar"))?;
    if !super::date::recordable(date) {
        return Err(format!(
            "{t:?}: year {y} is outside {}..={}, the years an event record may have",
            super::date::MIN_YEAR,
            super::date::MAX_YEAR
        ));
    }
    Ok(date)
}

/// The web domain of a URL (`https://www.example.com/a` → `example.com`), or `None` when it is not one.
fn domain(url: &str) -> Option<String> {
    let lower = url.to_ascii_lowercase();
    let rest = lower.strip_prefix("http://").or_else(|| lower.strip_prefix("https://"))?;
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    let host = host.rsplit('@').next().unwrap_or("");
    let host = host.split(':').next().unwrap_or("");
    let host = host.strip_prefix("www.").unwrap_or(host);
    (!host.is_empty()).then(|| host.to_string())
}

/// What happened to a row.
enum Outcome {
    Event(Box<Event>),
    OutsideRegion,
    NoLocation,
}

fn convert(row: &Row, v2: bool, file: &str, line: u64, region: &Region) -> Result<Outcome, ReadError> {
    let mut errs = Vec::new();
    let mut err = |field: &str, msg: String| errs.push(Diagnostic::error(file, Some(line), Some(field), msg));
    let id = row.get("GLOBALEVENTID");
    if id.is_empty() || id.len() > 20 || !id.bytes().all(|b| b.is_ascii_digit()) {
        err("GLOBALEVENTID", format!("{id:?} is not a GDELT event number"));
    }
    let date = match day(row.get("SQLDATE"), false).and_then(|d| EventDate::parse(&d.to_string(), None)) {
        Ok(d) => Some(d),
        Err(m) => {
            err("SQLDATE", m);
            None
        }
    };
    let code = row.get("EventCode");
    let entry = if (2..=4).contains(&code.len()) && code.bytes().all(|b| b.is_ascii_digit()) {
        let e = cameo(code);
        if e.is_none() {
            err("EventCode", format!("{code:?} is not a CAMEO event code (its root {} is not 01..20)", &code[..2]));
        }
        e
    } else {
        err("EventCode", format!("{code:?} is not a CAMEO event code (2 to 4 digits)"));
        None
    };
    let geo_type = match row.get("ActionGeo_Type") {
        "" => Some(0),
        t => match t.parse::<u8>() {
            Ok(g) if g <= 5 => Some(g),
            _ => {
                err("ActionGeo_Type", format!("{t:?} is not a GDELT geographic type (0 to 5)"));
                None
            }
        },
    };
    let mut number = |field: &str, range: std::ops::RangeInclusive<f64>| -> Option<f64> {
        super::read::number_in(row.get(field), range).unwrap_or_else(|m| {
            err(field, m);
            None
        })
    };
    let lat = number("ActionGeo_Lat", -90.0..=90.0);
    let lon = number("ActionGeo_Long", -180.0..=180.0);
    let added = match row.get("DATEADDED") {
        "" => None,
        t => match day(t, true) {
            Ok(d) => Some(d),
            Err(m) => {
                err("DATEADDED", m);
                None
            }
        },
    };
    if !errs.is_empty() {
        return Err(ReadError(errs));
    }
    let (Some(date), Some(geo_type), Some(&(_, label, t))) = (date, geo_type, entry) else {
        return Err(ReadError(errs));
    };
    let (Some(lat), Some(lon)) = (lat, lon) else { return Ok(Outcome::NoLocation) };
    if geo_type == 0 {
        return Ok(Outcome::NoLocation);
    }
    if !region.contains(lon, lat) {
        return Ok(Outcome::OutsideRegion);
    }
    let place = row.get("ActionGeo_FullName");
    let url_field = row.get("SOURCEURL");
    let (source, url) = match domain(url_field) {
        Some(d) => (d, url_field.to_string()),
        // GDELT 1.0 names some non-web sources ("BBC Monitoring") in SOURCEURL.
        None if !url_field.is_empty() => (url_field.to_string(), String::new()),
        None => ("GDELT".to_string(), String::new()),
    };
    let claimed_by = if url_field.is_empty() {
        "GDELT machine coding".to_string()
    } else {
        format!("GDELT machine coding of {source}")
    };
    let (cameo_code, _, _) = entry.copied().unwrap_or(("", "", EventType::Other));
    let described = if cameo_code == code {
        format!("CAMEO {code} {label}")
    } else {
        format!("CAMEO {code} (under {cameo_code} {label})")
    };
    let mut notes = vec![described];
    for c in ["QuadClass", "GoldsteinScale", "NumMentions", "NumSources", "NumArticles", "AvgTone"] {
        let v = row.get(c);
        if !v.is_empty() {
            notes.push(format!("{c} {v}"));
        }
    }
    let root = match row.get("EventRootCode") {
        "" => &code[..2],
        r => r,
    };
    let actor = |name: &str, code: &str| {
        let n = row.get(name);
        if n.is_empty() { row.get(code).to_string() } else { n.to_string() }
    };
    let (acled_type, acled_sub) = t.acled();
    Ok(Outcome::Event(Box::new(Event {
        id: format!("gdelt-{id}"),
        date,
        location: Location::Point { lon, lat, label: (!place.is_empty()).then(|| place.to_string()) },
        event_type: t,
        acled_event_type: acled_type.to_string(),
        acled_sub_event_type: acled_sub.to_string(),
        actor: actor("Actor1Name", "Actor1Code"),
        actor2: actor("Actor2Name", "Actor2Code"),
        claim_status: ClaimStatus::Claimed,
        claimed_by,
        disputed_by: String::new(),
        share: None,
        source,
        url,
        source_date: added,
        quote: String::new(),
        notes: notes.join("; "),
        // 1 country, 2 US state, 5 world state (ADM1): a larger area (3); 3 US city, 4 world city: 1.
        geo_precision: Some(if matches!(geo_type, 3 | 4) { 1 } else { 3 }),
        fatalities: 0,
        admin1: row.get("ActionGeo_ADM1Code").to_string(),
        admin2: if v2 { row.get("ActionGeo_ADM2Code").to_string() } else { String::new() },
        admin3: String::new(),
        assoc_actor_1: String::new(),
        assoc_actor_2: String::new(),
        tags: format!("gdelt:{code}; root:{root}"),
        country: super::country::from_fips(row.get("ActionGeo_CountryCode")).unwrap_or("").to_string(),
        origin: Origin { file: file.to_string(), line },
    })))
}

impl<R: Read> GdeltReader<R> {
    /// The next line to convert: (its number, its bytes), or an error, or `None` at the end.
    fn next_line(&mut self) -> Option<Result<(u64, Vec<u8>), ReadError>> {
        if let Some(l) = self.pending.take() {
            return Some(Ok((self.line, l)));
        }
        let mut buf = std::mem::take(&mut self.buf);
        let r = match read_line(&mut self.input, &mut buf) {
            Err(e) => {
                self.done = true;
                Some(Err(ReadError(vec![Diagnostic::error(
                    &self.file,
                    Some(self.line + 1),
                    None,
                    format!("cannot read: {e}"),
                )])))
            }
            Ok(None) => None,
            Ok(Some(too_long)) => {
                self.line += 1;
                if too_long {
                    Some(Err(ReadError(vec![Diagnostic::error(
                        &self.file,
                        Some(self.line),
                        None,
                        format!("the line is longer than {MAX_LINE} bytes: not a GDELT event row"),
                    )])))
                } else {
                    Some(Ok((self.line, buf.clone())))
                }
            }
        };
        self.buf = buf;
        r
    }
}

impl<R: Read> Iterator for GdeltReader<R> {
    type Item = Result<Event, ReadError>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if self.done {
                return None;
            }
            let (line, bytes) = match self.next_line()? {
                Ok(l) => l,
                Err(e) => return Some(Err(e)),
            };
            // A blank line (a trailing empty line) is not an event.
            if bytes.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            let file = self.file.as_str();
            let one = |msg: String| Some(Err(ReadError(vec![Diagnostic::error(file, Some(line), None, msg)])));
            let (delimiter, named) = match &self.layout {
                Layout::Named { delimiter, .. } => (*delimiter, true),
                Layout::Positional { .. } => (b'\t', false),
            };
            let fields = match split(&bytes, delimiter) {
                Ok(f) => f,
                Err(m) => return one(m),
            };
            let (cols, v2) = match &self.layout {
                Layout::Named { cols, .. } => (cols, cols.contains_key("ActionGeo_ADM2Code")),
                Layout::Positional { v1_57, v1_58, v2 } => match fields.len() {
                    57 => (v1_57, false),
                    58 => (v1_58, false),
                    61 => (v2, true),
                    n => {
                        return one(format!(
                            "{n} tab-separated column(s): a GDELT event row has 57 (GDELT 1.0 backfiles), 58 (GDELT \
                             1.0 daily files) or 61 (GDELT 2.0)"
                        ));
                    }
                },
            };
            if named && fields.len() < cols.values().max().map_or(0, |m| m + 1) {
                return one(format!("{} column(s), fewer than the header row names", fields.len()));
            }
            match convert(&Row { fields: &fields, cols }, v2, file, line, &self.region) {
                Ok(Outcome::Event(e)) => return Some(Ok(*e)),
                Ok(Outcome::OutsideRegion) => {
                    self.skipped.outside_region.fetch_add(1, Ordering::Relaxed);
                }
                Ok(Outcome::NoLocation) => {
                    self.skipped.no_location.fetch_add(1, Ordering::Relaxed);
                }
                Err(e) => return Some(Err(e)),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A row of `cols` (57, 58 or 61 columns) near Islam Qala, with `set` overriding fields.
    fn row(cols: usize, set: &[(&str, &str)]) -> String {
        let names: &[&str] = if cols == 61 { &V2_COLUMNS } else { &V1_COLUMNS[..cols] };
        let defaults: &[(&str, &str)] = &[
            ("GLOBALEVENTID", "1000001"),
            ("SQLDATE", "20210709"),
            ("MonthYear", "202107"),
            ("Year", "2021"),
            ("FractionDate", "2021.5178"),
            ("Actor1Code", "TAL"),
            ("Actor1Name", "TALIBAN"),
            ("Actor2Code", "AFGMIL"),
            ("Actor2Name", "AFGHANISTAN"),
            ("IsRootEvent", "1"),
            ("EventCode", "193"),
            ("EventBaseCode", "193"),
            ("EventRootCode", "19"),
            ("QuadClass", "4"),
            ("GoldsteinScale", "-10.0"),
            ("NumMentions", "12"),
            ("NumSources", "3"),
            ("NumArticles", "12"),
            ("AvgTone", "-5.2"),
            ("ActionGeo_Type", "4"),
            ("ActionGeo_FullName", "Islam Qala, Herat, Afghanistan"),
            ("ActionGeo_CountryCode", "AF"),
            ("ActionGeo_ADM1Code", "AF11"),
            ("ActionGeo_ADM2Code", "AF11-1234"),
            ("ActionGeo_Lat", "34.6667"),
            ("ActionGeo_Long", "61.0667"),
            ("ActionGeo_FeatureID", "-3378435"),
            ("DATEADDED", if cols == 61 { "20210709143000" } else { "20210709" }),
            ("SOURCEURL", "https://www.example-news.af/2021/07/09/islam-qala"),
        ];
        names
            .iter()
            .map(|n| set.iter().chain(defaults).find(|(k, _)| k == n).map_or("", |(_, v)| v).to_string())
            .collect::<Vec<_>>()
            .join("\t")
    }

    fn read(text: &str) -> Vec<Result<Event, ReadError>> {
        GdeltReader::new(text.as_bytes(), "g.csv").unwrap().collect()
    }

    fn first_error(r: &Result<Event, ReadError>) -> (Option<u64>, Option<String>, String) {
        let d = r.as_ref().unwrap_err().0[0].clone();
        (d.line, d.field.clone(), d.to_string())
    }

    #[test]
    fn the_cameo_table_is_sound_and_each_entry_maps() {
        let mut seen = std::collections::HashSet::new();
        for &(code, label, t) in CAMEO {
            assert!(seen.insert(code), "{code} twice");
            assert!((2..=4).contains(&code.len()) && code.bytes().all(|b| b.is_ascii_digit()), "{code}");
            assert!(!label.is_empty());
            assert_eq!(event_type(code), t, "{code}");
            assert_eq!(cameo(code).unwrap().1, label);
            // Every entry's root is in the table.
            assert!(CAMEO.iter().any(|e| e.0 == &code[..2]), "{code} has no root entry");
        }
        for root in 1..=20 {
            assert!(cameo(&format!("{root:02}")).is_some(), "root {root:02}");
        }
        for (code, want) in [
            ("190", EventType::Clash),
            ("193", EventType::Clash),
            ("194", EventType::ShellingArtilleryMissileAttack),
            ("195", EventType::AirDroneStrike),
            ("1951", EventType::AirDroneStrike),
            ("1952", EventType::AirDroneStrike),
            ("192", EventType::Capture),
            ("196", EventType::Clash),
            ("183", EventType::SuicideBomb),
            ("181", EventType::Abduction),
            ("182", EventType::Attack),
            ("186", EventType::Attack),
            ("202", EventType::Attack),
            ("0874", EventType::ChangeToGroupActivity),
            ("154", EventType::Reinforcement),
            ("152", EventType::MilitaryExercise),
            ("141", EventType::PeacefulProtest),
            ("145", EventType::ViolentDemonstration),
            ("173", EventType::Arrests),
            ("057", EventType::Agreement),
            ("0871", EventType::Agreement),
            ("010", EventType::Statement),
            ("036", EventType::Statement),
        ] {
            assert_eq!(event_type(code), want, "{code}");
        }
    }

    #[test]
    fn the_longest_prefix_wins() {
        assert_eq!(cameo("1831").unwrap().0, "1831");
        assert_eq!(cameo("1832").unwrap().2, EventType::RemoteExplosive);
        // A 4-digit code not in the table takes its base, then its root.
        assert_eq!(cameo("1384").unwrap().0, "13");
        assert_eq!(cameo("1453").unwrap().0, "145");
        assert_eq!(cameo("0873").unwrap().0, "08");
        assert_eq!(cameo("1953"), cameo("195"));
        assert_eq!(cameo("99"), None);
        assert_eq!(cameo("1"), None);
        assert_eq!(event_type("x"), EventType::Other);
    }

    #[test]
    fn a_2_0_row_maps_with_its_fields() {
        let rs = read(&format!("{}\n", row(61, &[])));
        let e = rs[0].as_ref().unwrap();
        assert_eq!(e.id, "gdelt-1000001");
        assert_eq!(e.date.to_string(), "2021-07-09");
        assert_eq!(
            e.location,
            Location::Point { lon: 61.0667, lat: 34.6667, label: Some("Islam Qala, Herat, Afghanistan".into()) }
        );
        assert_eq!((e.event_type, e.acled_event_type.as_str()), (EventType::Clash, "Battles"));
        assert_eq!((e.actor.as_str(), e.actor2.as_str()), ("TALIBAN", "AFGHANISTAN"));
        assert_eq!(e.claim_status, ClaimStatus::Claimed);
        assert_eq!(e.claimed_by, "GDELT machine coding of example-news.af");
        assert_eq!(
            (e.source.as_str(), e.url.as_str()),
            ("example-news.af", "https://www.example-news.af/2021/07/09/islam-qala")
        );
        assert_eq!(e.source_date, Some(Date::constant(2021, 7, 9)));
        assert_eq!(
            e.notes,
            "CAMEO 193 Fight with small arms and light weapons; QuadClass 4; GoldsteinScale -10.0; NumMentions 12; \
             NumSources 3; NumArticles 12; AvgTone -5.2"
        );
        assert_eq!(e.tags, "gdelt:193; root:19");
        assert_eq!((e.admin1.as_str(), e.admin2.as_str(), e.country.as_str()), ("AF11", "AF11-1234", "AFG"));
        assert_eq!((e.geo_precision, e.fatalities, e.origin.line), (Some(1), 0, 1));
    }

    #[test]
    fn the_1_0_layouts_map_too() {
        let text = format!(
            "{}\n{}\n",
            row(58, &[("ActionGeo_Type", "5"), ("ActionGeo_CountryCode", "TI"), ("Actor1Name", "")]),
            row(57, &[("GLOBALEVENTID", "7"), ("ActionGeo_Type", "1"), ("EventCode", "1384"), ("EventRootCode", "")])
        );
        let rs = read(&text);
        let a = rs[0].as_ref().unwrap();
        assert_eq!((a.geo_precision, a.country.as_str(), a.admin2.as_str()), (Some(3), "TJK", ""));
        assert_eq!(a.actor, "TAL");
        assert_eq!(a.source_date, Some(Date::constant(2021, 7, 9)));
        let b = rs[1].as_ref().unwrap();
        assert_eq!((b.id.as_str(), b.geo_precision), ("gdelt-7", Some(3)));
        assert_eq!((b.source.as_str(), b.claimed_by.as_str(), b.url.as_str()), ("GDELT", "GDELT machine coding", ""));
        assert_eq!(b.event_type, EventType::Statement);
        assert!(b.notes.starts_with("CAMEO 1384 (under 13 Threaten); "), "{}", b.notes);
        assert_eq!(b.tags, "gdelt:1384; root:13");
        assert_eq!(b.origin.line, 2);
    }

    #[test]
    fn rows_outside_the_region_or_without_a_place_are_counted_not_errors() {
        let text = [
            row(61, &[("ActionGeo_Lat", "36.2"), ("ActionGeo_Long", "37.16")]), // Aleppo
            row(61, &[("ActionGeo_Type", "0"), ("ActionGeo_Lat", ""), ("ActionGeo_Long", "")]),
            row(61, &[("ActionGeo_Lat", ""), ("ActionGeo_Long", "")]),
            row(61, &[]),
        ]
        .join("\n");
        let r = GdeltReader::new(text.as_bytes(), "g.csv").unwrap();
        let skipped = r.skipped();
        let rs: Vec<_> = r.collect();
        assert_eq!(rs.len(), 1);
        assert_eq!(skipped.counts(), (1, 2));
        let lines = skipped.report(&Region::DEFAULT);
        assert_eq!(
            lines[0],
            "left out 1 GDELT row(s) outside the region (lon 43..81, lat 22..47): widen it with --region MINLON,MINLAT,MAXLON,MAXLAT or --region world"
        );
        assert_eq!(lines[1], "left out 2 GDELT row(s) with no action location (ActionGeo_Type 0)");
        // A wider region keeps Aleppo.
        let r = GdeltReader::new(text.as_bytes(), "g.csv").unwrap().with_region(Region::WORLD);
        assert_eq!(r.filter(|e| e.is_ok()).count(), 2);
    }

    #[test]
    fn bad_rows_name_their_line_and_column() {
        let text = [
            row(61, &[("SQLDATE", "20210732")]),
            row(61, &[("ActionGeo_Lat", "north")]),
            row(61, &[("ActionGeo_Long", "1e400")]),
            row(61, &[("GLOBALEVENTID", "x1")]),
            row(61, &[("EventCode", "2a")]),
            row(61, &[("EventCode", "99")]),
            row(61, &[("ActionGeo_Type", "7")]),
            row(61, &[("DATEADDED", "2021")]),
            row(61, &[("SQLDATE", "18991231")]),
            "1\t2\t3".to_string(),
            row(61, &[]),
        ]
        .join("\n");
        let rs = read(&text);
        let got: Vec<(Option<u64>, Option<String>)> = rs[..10]
            .iter()
            .map(|r| {
                let (l, f, _) = first_error(r);
                (l, f)
            })
            .collect();
        let want: Vec<(Option<u64>, Option<String>)> = [
            (1, Some("SQLDATE")),
            (2, Some("ActionGeo_Lat")),
            (3, Some("ActionGeo_Long")),
            (4, Some("GLOBALEVENTID")),
            (5, Some("EventCode")),
            (6, Some("EventCode")),
            (7, Some("ActionGeo_Type")),
            (8, Some("DATEADDED")),
            (9, Some("SQLDATE")),
            (10, None),
        ]
        .into_iter()
        .map(|(l, f)| (Some(l), f.map(str::to_string)))
        .collect();
        assert_eq!(got, want);
        assert!(first_error(&rs[9]).2.contains("57 (GDELT 1.0 backfiles), 58 (GDELT 1.0 daily files) or 61"));
        assert!(rs[10].is_ok());
        assert!(first_error(&rs[8]).2.contains("outside 1900..=2100"));
    }

    /// Gives its bytes `n` at a time.
    struct Trickle<'a>(&'a [u8], usize);

    impl Read for Trickle<'_> {
        fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
            let n = self.0.len().min(self.1).min(buf.len());
            buf[..n].copy_from_slice(&self.0[..n]);
            self.0 = &self.0[n..];
            Ok(n)
        }
    }

    #[test]
    fn bom_crlf_split_reads_and_a_trailing_empty_line_are_fine() {
        let text = format!("\u{feff}{}\r\n{}\r\n\r\n", row(61, &[]), row(58, &[("GLOBALEVENTID", "2")]));
        for n in [1, 2, 7, 1 << 16] {
            let rs: Vec<_> = GdeltReader::new(Trickle(text.as_bytes(), n), "g.csv").unwrap().collect();
            assert_eq!(rs.len(), 2, "{n}");
            let (a, b) = (rs[0].as_ref().unwrap(), rs[1].as_ref().unwrap());
            assert_eq!((a.id.as_str(), a.origin.line), ("gdelt-1000001", 1));
            assert_eq!((b.id.as_str(), b.origin.line), ("gdelt-2", 2));
            assert_eq!(b.url, "https://www.example-news.af/2021/07/09/islam-qala");
        }
    }

    #[test]
    fn empty_zipped_and_other_files_are_refused_clearly() {
        for text in ["", "\u{feff}", "\n \n"] {
            let e = GdeltReader::new(text.as_bytes(), "g.csv").err().unwrap();
            assert!(e.to_string().contains("the file is empty"), "{e}");
        }
        let e = GdeltReader::new(&b"PK\x03\x04rest"[..], "g.zip").err().unwrap();
        assert!(e.to_string().contains("unzip it first"), "{e}");
        let e = GdeltReader::new(&b"id,date,place,type,claim_status\n"[..], "g.csv").err().unwrap();
        assert!(e.to_string().contains("bordermap events file"), "{e}");
        let e = GdeltReader::new(&b"hello\tworld\n"[..], "g.csv").err().unwrap();
        assert!(e.to_string().contains("GLOBALEVENTID"), "{e}");
    }

    #[test]
    fn a_header_row_is_read_by_name() {
        // Tab-separated, every column of 2.0.
        let text = format!("{}\n{}\n", V2_COLUMNS.join("\t"), row(61, &[]));
        let rs = read(&text);
        let e = rs[0].as_ref().unwrap();
        assert_eq!((e.origin.line, e.admin2.as_str()), (2, "AF11-1234"));
        // Comma-separated, a few columns in another order, names in any case, a quoted place.
        let text = "SQLDATE,globaleventid,EventCode,ActionGeo_Type,ActionGeo_FullName,ActionGeo_Lat,ActionGeo_Long,SOURCEURL\n\
                    20210801,42,145,4,\"Zaranj, Nimroz, Afghanistan\",30.9667,61.8833,http://example.org/z\n\
                    20210801,43,145,4,\"Zaranj, Nimroz\",north,61.8833,\n";
        let rs = read(text);
        let e = rs[0].as_ref().unwrap();
        assert_eq!((e.id.as_str(), e.event_type), ("gdelt-42", EventType::ViolentDemonstration));
        assert_eq!(
            e.location,
            Location::Point { lon: 61.8833, lat: 30.9667, label: Some("Zaranj, Nimroz, Afghanistan".into()) }
        );
        assert_eq!((e.tags.as_str(), e.source.as_str()), ("gdelt:145; root:14", "example.org"));
        assert_eq!(first_error(&rs[1]).0, Some(3));
        assert_eq!(first_error(&rs[1]).1.as_deref(), Some("ActionGeo_Lat"));
        // A header without the columns bordermap needs.
        let e = GdeltReader::new(&b"GLOBALEVENTID,SQLDATE\n"[..], "g.csv").err().unwrap();
        let fields: Vec<_> = e.0.iter().map(|d| d.field.clone().unwrap()).collect();
        assert_eq!(fields, ["EventCode", "ActionGeo_Type", "ActionGeo_Lat", "ActionGeo_Long"]);
    }

    #[test]
    fn a_very_long_line_is_an_error_and_reading_goes_on() {
        let text = format!("{}\n{}\n{}\n", row(61, &[]), "9".repeat(MAX_LINE + 10), row(61, &[]));
        let rs = read(&text);
        assert_eq!(rs.len(), 3);
        assert_eq!(first_error(&rs[1]).0, Some(2));
        assert_eq!(rs[2].as_ref().unwrap().origin.line, 3);
    }

    proptest::proptest! {
        #[test]
        fn no_gdelt_input_panics(bytes in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..300)) {
            crate::fuzzing::gdelt_tsv(&bytes);
            let mut text = row(61, &[]).into_bytes();
            text.push(b'\n');
            text.extend(bytes);
            crate::fuzzing::gdelt_tsv(&text);
        }

        #[test]
        fn valid_rows_convert_and_read_back(
            rows in proptest::collection::vec(
                (
                    proptest::sample::select(vec![57usize, 58, 61]),
                    "[0-9]{1,12}",
                    "20(19|20|21|22)(0[1-9]|1[0-2])(0[1-9]|1[0-9]|2[0-8])",
                    proptest::sample::select(CAMEO.iter().map(|e| e.0).collect::<Vec<_>>()),
                    "[0-5]",
                    "(2[2-9]|3[0-9]|4[0-7])\\.[0-9]{0,6}|-?[0-9]{1,2}(\\.[0-9]{1,4})?|",
                    "(4[3-9]|[5-7][0-9]|80)\\.[0-9]{0,6}|-?1?[0-9]{1,2}|",
                    "[^\t\n\r]{0,20}",
                    "https?://[a-z.]{1,12}/[^\t\n\r ]{0,10}|BBC Monitoring|",
                    "[A-Z]{0,2}",
                ),
                0..6,
            )
        ) {
            let mut text = String::new();
            for (cols, id, date, code, ty, lat, lon, name, url, cc) in rows {
                text.push_str(&row(cols, &[
                    ("GLOBALEVENTID", &id),
                    ("SQLDATE", &date),
                    ("EventCode", code),
                    ("ActionGeo_Type", &ty),
                    ("ActionGeo_Lat", &lat),
                    ("ActionGeo_Long", &lon),
                    ("ActionGeo_FullName", &name),
                    ("Actor1Name", &name),
                    ("SOURCEURL", &url),
                    ("ActionGeo_CountryCode", &cc),
                ]));
                text.push('\n');
            }
            crate::fuzzing::gdelt_tsv(text.as_bytes());
        }
    }
}
