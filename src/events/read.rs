//! Reading events from CSV and JSON Lines, one record at a time.
//!
//! Both formats have the same fields (see `maps/README.md`). A bad record is an error naming
//! the file, line and field; it is never skipped silently. Reading streams: memory does not
//! grow with the file.

use std::io::{BufRead, BufReader, Chain, Cursor, Read};

use serde::Deserialize;

use super::header::{RECORD_DOC, check_header};
use super::input::{CrlfToLf, QuoteWatch, Start, peek_start, unclosed_quote};
use super::{ClaimStatus, Event, EventDate, EventType, Location, Precision, Region};
use crate::diagnostic::{Diagnostic, DiagnosticList};
use crate::gazetteer::Origin;

/// The fields of an event record, as text.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct RawEvent<T> {
    id: Option<T>,
    date: Option<T>,
    time_precision: Option<T>,
    place: Option<T>,
    place_id: Option<T>,
    lat: Option<T>,
    lon: Option<T>,
    #[serde(rename = "type")]
    event_type: Option<T>,
    acled_event_type: Option<T>,
    acled_sub_event_type: Option<T>,
    actor: Option<T>,
    actor2: Option<T>,
    claim_status: Option<T>,
    claimed_by: Option<T>,
    disputed_by: Option<T>,
    share: Option<T>,
    source: Option<T>,
    url: Option<T>,
    source_date: Option<T>,
    quote: Option<T>,
    notes: Option<T>,
    geo_precision: Option<T>,
    fatalities: Option<T>,
    admin1: Option<T>,
    admin2: Option<T>,
    admin3: Option<T>,
    assoc_actor_1: Option<T>,
    assoc_actor_2: Option<T>,
    tags: Option<T>,
    country: Option<T>,
}

/// A JSON string or number, kept as text (so `"lat": 36.7` and `"lat": "36.7"` both work).
#[derive(Debug, Default)]
struct Text(String);

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Any {
            S(String),
            I(i64),
            F(f64),
            B(bool),
        }
        Ok(Text(match Any::deserialize(d)? {
            Any::S(s) => s,
            Any::I(i) => i.to_string(),
            Any::F(f) => f.to_string(),
            Any::B(b) => b.to_string(),
        }))
    }
}

/// The columns an events file may have.
pub const COLUMNS: [&str; 30] = [
    "id",
    "date",
    "time_precision",
    "place",
    "place_id",
    "lat",
    "lon",
    "type",
    "acled_event_type",
    "acled_sub_event_type",
    "actor",
    "actor2",
    "claim_status",
    "claimed_by",
    "disputed_by",
    "share",
    "source",
    "url",
    "source_date",
    "quote",
    "notes",
    "geo_precision",
    "fatalities",
    "admin1",
    "admin2",
    "admin3",
    "assoc_actor_1",
    "assoc_actor_2",
    "tags",
    "country",
];

/// Columns `bordermap extract` adds for the analyst's review (confidence, where the sentence
/// is in the article): accepted, and not used by the mapper.
pub const REVIEW_COLUMNS: [&str; 3] = ["confidence", "char_start", "char_end"];

/// The columns every events CSV must have.
pub const REQUIRED_COLUMNS: [&str; 4] = ["id", "date", "type", "claim_status"];

/// A record that could not be read; all its faults are listed (the first
/// [`crate::diagnostic::LISTED`], then how many more).
#[derive(Debug, thiserror::Error)]
#[error("{}", DiagnosticList::new(.0))]
pub struct ReadError(pub Vec<Diagnostic>);

impl AsRef<str> for Text {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

fn text<T: AsRef<str>>(t: &Option<T>) -> &str {
    t.as_ref().map_or("", |t| t.as_ref().trim())
}

fn convert<T: AsRef<str>>(raw: RawEvent<T>, file: &str, line: u64, region: &Region) -> Result<Event, ReadError> {
    let mut errs = Vec::new();
    let mut err = |field: &str, msg: String| errs.push(Diagnostic::error(file, Some(line), Some(field), msg));

    let id = text(&raw.id).to_string();
    if id.is_empty() {
        err("id", "empty".into());
    }
    let precision = match text(&raw.time_precision) {
        "" => None,
        t => match t.parse::<u8>().ok().and_then(Precision::from_code) {
            Some(p) => Some(p),
            None => {
                err("time_precision", format!("{t:?} is not 1, 2 or 3"));
                None
            }
        },
    };
    let date = match EventDate::parse(text(&raw.date), precision) {
        Ok(d) => Some(d),
        // `extract` leaves a date open when neither the text nor the page says when: the
        // record waits for an analyst, and the map waits for the record.
        Err(_) if text(&raw.date).is_empty() => {
            err(
                "date",
                "empty: the date is open (bordermap extract writes an empty date when neither the article nor its \
                 publication date says when); fill it in after review (YYYY-MM-DD, YYYY-Www or YYYY-MM), or \
                 delete the row"
                    .into(),
            );
            None
        }
        Err(m) => {
            err("date", m);
            None
        }
    };
    let event_type = match text(&raw.event_type).parse::<EventType>() {
        Ok(t) => Some(t),
        Err(m) => {
            err("type", m);
            None
        }
    };
    let claim_status = match text(&raw.claim_status) {
        "" => {
            err("claim_status", "empty: say claimed, confirmed, disputed or denied".into());
            None
        }
        t => match t.parse::<ClaimStatus>() {
            Ok(c) => Some(c),
            Err(m) => {
                err("claim_status", m);
                None
            }
        },
    };
    let mut number = |field: &str, t: &str, range: std::ops::RangeInclusive<f64>| -> Option<f64> {
        number_in(t, range).unwrap_or_else(|m| {
            err(field, m);
            None
        })
    };
    let lat = number("lat", text(&raw.lat), -90.0..=90.0);
    let lon = number("lon", text(&raw.lon), -180.0..=180.0);
    let share = number("share", text(&raw.share), 0.0..=1.0);
    let geo_precision = number("geo_precision", text(&raw.geo_precision), 1.0..=3.0).map(|v| v as u8);
    let fatalities = match text(&raw.fatalities) {
        "" => 0,
        t => t.parse::<u32>().unwrap_or_else(|_| {
            err("fatalities", format!("{t:?} is not a count (a whole number, 0 or more)"));
            0
        }),
    };
    let (place, place_id) = (text(&raw.place).to_string(), text(&raw.place_id).to_string());
    let location = match (lat, lon, text(&raw.lat).is_empty(), text(&raw.lon).is_empty()) {
        (Some(lat), Some(lon), _, _) => match region.check(lon, lat) {
            Ok(()) => Some(Location::Point { lon, lat, label: (!place.is_empty()).then_some(place) }),
            Err(m) => {
                err("lat/lon", m);
                None
            }
        },
        (_, _, true, true) if !place_id.is_empty() => Some(Location::PlaceId(place_id)),
        (_, _, true, true) if !place.is_empty() => Some(Location::Name(place)),
        (_, _, true, true) => {
            err("place", "no place, place_id or lat/lon: an event needs a location".into());
            None
        }
        (_, _, lat_empty, _) => {
            if lat_empty || text(&raw.lon).is_empty() {
                err(if lat_empty { "lat" } else { "lon" }, "give both lat and lon, or neither".into());
            }
            None
        }
    };
    let source_date = match text(&raw.source_date) {
        "" => None,
        t => match EventDate::parse(t, None) {
            Ok(d) if d.precision == Precision::Day => Some(d.start),
            Ok(_) => {
                err("source_date", format!("{t:?} is not a day (YYYY-MM-DD)"));
                None
            }
            Err(m) if m.contains("is not a date") => {
                err("source_date", format!("{t:?} is not a date (YYYY-MM-DD)"));
                None
            }
            Err(m) => {
                err("source_date", m);
                None
            }
        },
    };

    let country = match text(&raw.country) {
        "" => String::new(),
        t if t.len() == 3 && t.bytes().all(|b| b.is_ascii_alphabetic()) => t.to_ascii_uppercase(),
        t => {
            err("country", format!("{t:?} is not an ISO 3166-1 alpha-3 code (AFG, TJK, IRN …)"));
            String::new()
        }
    };
    let (Some(date), Some(event_type), Some(claim_status), Some(location)) = (date, event_type, claim_status, location)
    else {
        return Err(ReadError(errs));
    };
    if !errs.is_empty() {
        return Err(ReadError(errs));
    }
    let (acled_type, acled_sub) = event_type.acled();
    let or = |t: &Option<T>, default: &str| {
        let v = text(t);
        if v.is_empty() { default.to_string() } else { v.to_string() }
    };
    Ok(Event {
        id,
        date,
        location,
        event_type,
        acled_event_type: or(&raw.acled_event_type, acled_type),
        acled_sub_event_type: or(&raw.acled_sub_event_type, acled_sub),
        actor: text(&raw.actor).to_string(),
        actor2: text(&raw.actor2).to_string(),
        claim_status,
        claimed_by: text(&raw.claimed_by).to_string(),
        disputed_by: text(&raw.disputed_by).to_string(),
        share,
        source: text(&raw.source).to_string(),
        url: text(&raw.url).to_string(),
        source_date,
        quote: text(&raw.quote).to_string(),
        notes: text(&raw.notes).to_string(),
        geo_precision,
        fatalities,
        admin1: text(&raw.admin1).to_string(),
        admin2: text(&raw.admin2).to_string(),
        admin3: text(&raw.admin3).to_string(),
        assoc_actor_1: text(&raw.assoc_actor_1).to_string(),
        assoc_actor_2: text(&raw.assoc_actor_2).to_string(),
        tags: text(&raw.tags).to_string(),
        country,
        origin: Origin { file: file.to_string(), line },
    })
}

/// The input of the CSV reader: what [`peek_start`] read, then the rest, through a
/// [`QuoteWatch`].
/// CRLF line ends are read as LF: the `csv` crate numbers the records after a CRLF one line too
/// low (see [`CrlfToLf`]), and a diagnostic must name the right line.
type CsvInput<R> = QuoteWatch<CrlfToLf<Chain<Cursor<Vec<u8>>, R>>>;

enum Inner<R: Read> {
    Csv {
        rdr: Box<csv::Reader<CsvInput<R>>>,
        headers: csv::StringRecord,
        record: csv::StringRecord,
        warnings: Vec<Diagnostic>,
    },
    Jsonl(std::io::Lines<BufReader<R>>, u64),
}

/// Streams events from a CSV or JSON Lines source.
///
/// Coordinates (`lat`/`lon`) are checked against a [`Region`], [`Region::DEFAULT`] unless
/// [`EventReader::with_region`] says otherwise: a point outside it, or one whose lat and lon
/// look swapped, is an error for its record.
pub struct EventReader<R: Read> {
    file: String,
    region: Region,
    inner: Inner<R>,
}

impl<R: Read> EventReader<R> {
    /// CSV with a header row. The header is checked first: every missing required column is
    /// reported at once, with "did you mean" from the columns present, and a header that looks
    /// like another format (ACLED, UCDP, GDELT, a semicolon or tab delimiter) or an empty file
    /// says so. Unknown columns are reported in one warning (see [`EventReader::warnings`]).
    /// A quote left open at the end of the input is an error for the record it is in.
    pub fn csv(mut reader: R, file: &str) -> Result<Self, ReadError> {
        let one = |line: Option<u64>, msg: String| ReadError(vec![Diagnostic::error(file, line, None, msg)]);
        let needs = "an events CSV starts with a header row: at least id, date, type, claim_status and a location \
                     column (place, place_id, or lat and lon)";
        let (head, start) = peek_start(&mut reader).map_err(|e| one(None, format!("cannot read: {e}")))?;
        match start {
            Start::Empty => return Err(one(None, format!("the file is empty (0 bytes); {needs}; {RECORD_DOC}"))),
            Start::BomOnly => {
                return Err(one(None, format!("the file holds only a byte-order mark, no header row; {needs}")));
            }
            Start::Blank(n) => {
                return Err(one(None, format!("the file holds only whitespace ({n} bytes), no header row; {needs}")));
            }
            Start::Text => {}
        }
        let mut rdr = csv::ReaderBuilder::new()
            .flexible(false)
            .from_reader(QuoteWatch::new(CrlfToLf::new(Cursor::new(head).chain(reader))));
        let headers = rdr.headers().map_err(|e| one(Some(1), format!("unreadable header: {e}")))?.clone();
        let watch = rdr.get_ref();
        if let Some(u) = watch.unclosed_in(0, rdr.position().byte().max(1)) {
            return Err(ReadError(vec![unclosed_quote(file, u, None, watch.last_line())]));
        }
        let (errors, warnings) = check_header(&headers, file);
        if !errors.is_empty() {
            return Err(ReadError(errors));
        }
        Ok(EventReader {
            file: file.to_string(),
            region: Region::DEFAULT,
            inner: Inner::Csv { rdr: Box::new(rdr), headers, record: csv::StringRecord::new(), warnings },
        })
    }

    /// JSON Lines: one object per line, the same field names as the CSV columns; blank lines
    /// are skipped, a byte-order mark at the start is too.
    pub fn jsonl(reader: R, file: &str) -> Self {
        EventReader {
            file: file.to_string(),
            region: Region::DEFAULT,
            inner: Inner::Jsonl(BufReader::new(reader).lines(), 0),
        }
    }

    /// Checks coordinates against `region` instead of [`Region::DEFAULT`] ([`Region::WORLD`]
    /// checks only the lat/lon ranges).
    pub fn with_region(mut self, region: Region) -> Self {
        self.region = region;
        self
    }

    /// Warnings about the file as a whole (unknown columns), taken once.
    pub fn warnings(&mut self) -> Vec<Diagnostic> {
        match &mut self.inner {
            Inner::Csv { warnings, .. } => std::mem::take(warnings),
            Inner::Jsonl(..) => Vec::new(),
        }
    }
}

impl<R: Read> Iterator for EventReader<R> {
    type Item = Result<Event, ReadError>;

    fn next(&mut self) -> Option<Self::Item> {
        let file = self.file.as_str();
        let region = &self.region;
        match &mut self.inner {
            Inner::Csv { rdr, headers, record, .. } => match rdr.read_record(record) {
                Ok(false) => None,
                Ok(true) => {
                    let (line, start) = record.position().map_or((0, 0), |p| (p.line(), p.byte()));
                    let watch = rdr.get_ref();
                    if let Some(u) = watch.unclosed_in(start, rdr.position().byte()) {
                        let field = record.len().checked_sub(1).and_then(|i| headers.get(i));
                        return Some(Err(ReadError(vec![unclosed_quote(file, u, field, watch.last_line())])));
                    }
                    // Fields borrowed from the record: every CSV field is text, so no copy and
                    // none of the guessing `Text` does for JSON.
                    Some(match record.deserialize::<RawEvent<&str>>(Some(headers)) {
                        Ok(raw) => convert(raw, file, line, region),
                        Err(e) => Err(ReadError(vec![Diagnostic::error(file, Some(line), None, format!("{e}"))])),
                    })
                }
                Err(e) => {
                    let watch = rdr.get_ref();
                    if let csv::ErrorKind::UnequalLengths { pos: Some(p), len, .. } = e.kind()
                        && let Some(u) = watch.unclosed_in(p.byte(), rdr.position().byte())
                    {
                        let field = (*len as usize).checked_sub(1).and_then(|i| headers.get(i));
                        return Some(Err(ReadError(vec![unclosed_quote(file, u, field, watch.last_line())])));
                    }
                    let line = e.position().map(|p| p.line());
                    Some(Err(ReadError(vec![Diagnostic::error(
                        file,
                        line,
                        None,
                        format!("unreadable CSV record: {e}"),
                    )])))
                }
            },
            Inner::Jsonl(lines, n) => loop {
                let line = lines.next()?;
                *n += 1;
                let line = match line {
                    Ok(l) => l,
                    Err(e) if e.kind() == std::io::ErrorKind::InvalidData => {
                        let msg = "the line is not UTF-8 text (JSON Lines files are UTF-8)";
                        return Some(Err(ReadError(vec![Diagnostic::error(file, Some(*n), None, msg)])));
                    }
                    Err(e) => {
                        return Some(Err(ReadError(vec![Diagnostic::error(file, Some(*n), None, e.to_string())])));
                    }
                };
                let text = if *n == 1 { line.strip_prefix('\u{feff}').unwrap_or(&line) } else { &line };
                if text.trim().is_empty() {
                    continue;
                }
                return Some(match serde_json::from_str::<RawEvent<Text>>(text) {
                    Ok(raw) => convert(raw, file, *n, region),
                    Err(e) if e.is_eof() => Err(ReadError(vec![Diagnostic::error(
                        file,
                        Some(*n),
                        None,
                        format!(
                            "truncated: the line ends inside its JSON object ({e}); the file may be cut off \
                             (one complete object per line)"
                        ),
                    )])),
                    Err(e) => Err(ReadError(vec![Diagnostic::error(
                        file,
                        Some(*n),
                        None,
                        format!("not a JSON object of event fields: {e}"),
                    )])),
                });
            },
        }
    }
}

/// Events read on another thread, a batch ahead of their consumer: parsing (about half the
/// work of mapping a large CSV) runs on a second core. Order and errors are those of
/// `events`; a panic while reading is raised again in the consumer, never taken for the end
/// of the input.
pub fn read_ahead<I>(events: I) -> ReadAhead
where
    I: IntoIterator<Item = Result<Event, ReadError>>,
    I::IntoIter: Send + 'static,
{
    const BATCH: usize = 512;
    let mut events = events.into_iter();
    let (tx, rx) = std::sync::mpsc::sync_channel::<Vec<Result<Event, ReadError>>>(4);
    let cpu = ReadClock::default();
    let thread_cpu = cpu.clone();
    let thread = std::thread::Builder::new()
        .name("bordermap-read".into())
        .spawn(move || {
            loop {
                let batch: Vec<_> = events.by_ref().take(BATCH).collect();
                thread_cpu.0.store(crate::clock::thread_cpu().as_nanos() as u64, std::sync::atomic::Ordering::Relaxed);
                let last = batch.len() < BATCH;
                // The consumer stopped (an error): stop reading too.
                if tx.send(batch).is_err() || last {
                    return;
                }
            }
        })
        .expect("a thread can be started");
    ReadAhead { rx, batch: Vec::new().into_iter(), thread: Some(thread), cpu }
}

/// The CPU time the read-ahead thread has spent reading, shared with it.
#[derive(Debug, Clone, Default)]
pub struct ReadClock(std::sync::Arc<std::sync::atomic::AtomicU64>);

impl ReadClock {
    /// CPU time spent reading so far.
    pub fn get(&self) -> std::time::Duration {
        std::time::Duration::from_nanos(self.0.load(std::sync::atomic::Ordering::Relaxed))
    }
}

/// The iterator of [`read_ahead`].
pub struct ReadAhead {
    rx: std::sync::mpsc::Receiver<Vec<Result<Event, ReadError>>>,
    batch: std::vec::IntoIter<Result<Event, ReadError>>,
    thread: Option<std::thread::JoinHandle<()>>,
    cpu: ReadClock,
}

impl ReadAhead {
    /// The reading thread's CPU time, readable after the iterator is gone.
    pub fn clock(&self) -> ReadClock {
        self.cpu.clone()
    }
}

impl Iterator for ReadAhead {
    type Item = Result<Event, ReadError>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if let Some(e) = self.batch.next() {
                return Some(e);
            }
            match self.rx.recv() {
                Ok(batch) => self.batch = batch.into_iter(),
                Err(_) => {
                    if let Some(t) = self.thread.take()
                        && let Err(panic) = t.join()
                    {
                        std::panic::resume_unwind(panic);
                    }
                    return None;
                }
            }
        }
    }
}

/// A number field: none when empty, an error when it is not a finite number in `range`.
pub(super) fn number_in(t: &str, range: std::ops::RangeInclusive<f64>) -> Result<Option<f64>, String> {
    if t.is_empty() {
        return Ok(None);
    }
    match t.parse::<f64>() {
        Ok(v) if v.is_finite() && range.contains(&v) => Ok(Some(v)),
        Ok(v) => Err(format!("{v} is out of range ({}..={})", range.start(), range.end())),
        Err(_) => Err(format!("{t:?} is not a number")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::events::header::other_format;

    const HEADER: &str = "id,date,place,lat,lon,type,actor,claim_status,claimed_by,share,source\n";

    fn read_csv(body: &str) -> Vec<Result<Event, ReadError>> {
        EventReader::csv(format!("{HEADER}{body}").as_bytes(), "e.csv").unwrap().collect()
    }

    #[test]
    fn reading_ahead_keeps_order_and_errors() {
        let mut body = String::new();
        for i in 0..2000 {
            body.push_str(&format!("e{i},2021-07-{:02},Kunduz,,,capture,Taliban,claimed,,,x\n", 1 + i % 28));
        }
        body.push_str("bad,2021-13-01,Kunduz,,,capture,Taliban,claimed,,,x\n");
        let direct: Vec<String> = read_csv(&body).into_iter().map(|r| format!("{r:?}")).collect();
        let reader = EventReader::csv(std::io::Cursor::new(format!("{HEADER}{body}").into_bytes()), "e.csv").unwrap();
        let ahead: Vec<String> = read_ahead(reader).map(|r| format!("{r:?}")).collect();
        assert_eq!(direct.len(), 2001);
        assert_eq!(ahead, direct);
    }

    #[test]
    #[should_panic(expected = "reader broke")]
    fn a_panic_while_reading_is_not_the_end_of_the_input() {
        let events = (0..10_000).map(|i| if i == 5000 { panic!("reader broke") } else { Err(ReadError(Vec::new())) });
        let _ = read_ahead(events).count();
    }

    #[test]
    fn csv_rows_become_events() {
        let rs = read_csv(
            "e1,2021-07-09,Islam Qala,,,capture,Taliban,claimed,Taliban spokesman,,Outlet\n\
             e2,2021-W27,,37.2,67.4,flight_across_border,Afghan army,claimed,,,\n\
             e3,2021-07,Afghan-Tajik border,,,control_claim,Taliban,disputed,Russia,0.67,\n",
        );
        let es: Vec<Event> = rs.into_iter().map(Result::unwrap).collect();
        assert_eq!(es[0].location, Location::Name("Islam Qala".into()));
        assert_eq!(es[0].origin.line, 2);
        assert_eq!(es[0].acled_sub_event_type, "Non-state actor overtakes territory");
        assert_eq!(es[1].location, Location::Point { lon: 67.4, lat: 37.2, label: None });
        assert_eq!(es[1].date.precision, Precision::Week);
        assert_eq!((es[2].share, es[2].origin.line), (Some(0.67), 4));
    }

    #[test]
    fn each_bad_field_is_named_with_its_line() {
        let rs = read_csv(
            "e1,9 July,Islam Qala,,,capture,Taliban,claimed,,,\n\
             e2,2021-07-09,Islam Qala,,,seizure,Taliban,claimed,,,\n\
             e3,2021-07-09,Islam Qala,,,capture,Taliban,rumoured,,,\n\
             e4,2021-07-09,,,,capture,Taliban,claimed,,,\n\
             e5,2021-07-09,X,37.2,,capture,Taliban,claimed,,,\n\
             e6,2021-07-09,X,,,control_claim,Taliban,claimed,,1.5,\n\
             ,2021-07-09,X,,,capture,Taliban,claimed,,,\n\
             e8,2021-07-09,X,,,capture,Taliban,claimed\n",
        );
        let found: Vec<(Option<u64>, Option<String>)> = rs
            .iter()
            .map(|r| {
                let d = &r.as_ref().unwrap_err().0[0];
                (d.line, d.field.clone())
            })
            .collect();
        let want: Vec<(Option<u64>, Option<String>)> = [
            (2, Some("date")),
            (3, Some("type")),
            (4, Some("claim_status")),
            (5, Some("place")),
            (6, Some("lon")),
            (7, Some("share")),
            (8, Some("id")),
            (9, None),
        ]
        .into_iter()
        .map(|(l, f)| (Some(l), f.map(str::to_string)))
        .collect();
        assert_eq!(found, want);
    }

    #[test]
    fn jsonl_takes_numbers_or_strings_and_counts_lines() {
        let text = "{\"id\":\"a\",\"date\":\"2021-07-09\",\"lat\":34.67,\"lon\":\"61.07\",\"type\":\"capture\",\"claim_status\":\"claimed\"}\n\
                    \n\
                    {\"id\":\"b\",\"date\":\"2021-07-09\",\"place\":\"Torghundi\",\"type\":\"capture\",\"claim_status\":\"claimed\",\"share\":0.5}\n\
                    not json\n";
        let rs: Vec<_> = EventReader::jsonl(text.as_bytes(), "e.jsonl").collect();
        assert_eq!(rs.len(), 3);
        assert!(matches!(rs[0].as_ref().unwrap().location, Location::Point { .. }));
        assert_eq!(rs[1].as_ref().unwrap().origin.line, 3);
        assert_eq!(rs[2].as_ref().unwrap_err().0[0].line, Some(4));
    }

    #[test]
    fn missing_required_columns_are_refused() {
        let e = EventReader::csv("id,date,place\n".as_bytes(), "e.csv").err().unwrap();
        assert_eq!(e.0[0].field.as_deref(), Some("type"));
    }

    fn header_error(text: &[u8]) -> String {
        EventReader::csv(text, "e.csv").err().expect("refused").to_string()
    }

    #[test]
    fn every_missing_column_is_reported_at_once_with_did_you_mean() {
        let e = EventReader::csv("ID,Date,place,typ,claimstatus\n".as_bytes(), "e.csv").err().unwrap();
        let got: Vec<String> = e.0.iter().map(|d| d.to_string()).collect();
        assert_eq!(got.len(), 4, "{got:#?}");
        assert!(
            got[0]
                .starts_with("e.csv:1: error: field 'id': required column is missing; did you mean the column \"ID\"?")
        );
        assert!(got[1].contains("field 'date'") && got[1].contains("\"Date\""));
        assert!(got[2].contains("field 'type'") && got[2].contains("\"typ\""));
        assert!(got[3].contains("field 'claim_status'") && got[3].contains("\"claimstatus\""));
        // No location column at all is said too, with a synonym where one is there.
        let e = header_error(b"id,date,type,claim_status,latitude,longitude\n");
        assert!(e.contains("no location column") && e.contains("\"latitude\" for lat"), "{e}");
    }

    #[test]
    fn crlf_records_are_numbered_by_their_own_lines() {
        // A quoted field with a line break, then bad records: each named by its first line.
        let text = "id,date,place,type,claim_status,notes\r\n\
                    a1,2021-07-09,Islam Qala,capture,claimed,\"two\r\nlines\"\r\n\
                    a2,2021-07-32,Islam Qala,capture,claimed,x\r\n\
                    a3,2021-07-09,Islam Qala,capture,maybe,x\r\n\
                    a4,2021-07-09,Islam Qala,capture,claimed,\"r\rq\"\r\n";
        let rs: Vec<_> = EventReader::csv(text.as_bytes(), "e.csv").unwrap().collect();
        let ok = rs[0].as_ref().unwrap();
        assert_eq!((ok.origin.line, ok.notes.as_str()), (2, "two\nlines"));
        let lines: Vec<Option<u64>> = rs[1..3].iter().map(|r| r.as_ref().unwrap_err().0[0].line).collect();
        assert_eq!(lines, [Some(4), Some(5)]);
        let last = rs[3].as_ref().unwrap();
        assert_eq!((last.origin.line, last.notes.as_str()), (6, "r\rq"));
    }

    #[test]
    fn acled_export_gets_a_conversion_hint_naming_every_missing_column() {
        let e = header_error(
            b"event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,actor2,\
              country,admin1,location,latitude,longitude,geo_precision,source,notes,fatalities\n\
              AFG1,2021-07-09,2021,1,Political violence,Battles,Armed clash,Taliban,Military Forces,Afghanistan,Herat,\
              Islam Qala,34.66,61.07,1,Xinhua,x,0\n",
        );
        assert!(e.contains("looks like an ACLED export") && e.contains("--from acled"), "{e}");
        assert!(e.contains("bordermap convert --from acled"), "{e}");
        let e = header_error(b"id,year,date_start,date_end,side_a,side_b,where_coordinates,latitude,longitude\n");
        assert!(e.contains("UCDP GED") && e.contains("bordermap convert --from ucdp"), "{e}");
    }

    #[test]
    fn gdelt_semicolon_and_tab_files_say_what_they_are() {
        let gdelt = b"410412347\t20150218\t201502\t2015\t2015.1315\tAFG\tAFGHANISTAN\tAFG\t\t\t\t\t\t\t\t\tKabul, Kabol, Afghanistan\n";
        let e = header_error(gdelt);
        assert!(e.contains("GDELT") && e.contains("SQLDATE"), "{e}");
        let e = header_error(b"id;date;place;type;claim_status\ne1;2021-07-09;Herat;capture;claimed\n");
        assert!(e.contains("semicolon-separated (id;date;place;type …)") && !e.contains("field 'id'"), "{e}");
        let e = header_error(b"id\tdate\tplace\ttype\tclaim_status\n");
        assert!(e.contains("tab-separated") && !e.contains("field 'id'"), "{e}");
        let e = header_error(b"event_id_cnty;event_date;event_type;location\n");
        assert!(e.contains("semicolon-separated") && e.contains("ACLED"), "{e}");
    }

    #[test]
    fn empty_bom_only_and_blank_files_say_so() {
        assert!(header_error(b"").contains("the file is empty (0 bytes)"));
        assert!(header_error(b"\xEF\xBB\xBF").contains("only a byte-order mark"));
        assert!(header_error(b"\xEF\xBB\xBF \n\r\n\t").contains("only whitespace (5 bytes)"));
        assert!(header_error(b"\n\n  \n").contains("only whitespace (5 bytes)"));
        // A BOM then a header is fine.
        let text = format!("\u{feff}{HEADER}e1,2021-07-09,Herat,,,capture,T,claimed,,,\n");
        let r = EventReader::csv(text.as_bytes(), "e.csv");
        assert_eq!(r.unwrap().filter(Result::is_ok).count(), 1);
    }

    #[test]
    fn a_million_unknown_columns_make_one_warning_line() {
        let mut header = String::from("id,date,place,type,claim_status");
        for i in 0..1_000_000 {
            header.push_str(&format!(",c{i}"));
        }
        header.push('\n');
        let started = std::time::Instant::now();
        let mut r = EventReader::csv(header.as_bytes(), "e.csv").unwrap();
        let w = r.warnings();
        assert!(started.elapsed().as_secs() < 10, "{:?}", started.elapsed());
        assert_eq!(w.len(), 1);
        let text = w[0].to_string();
        assert!(text.starts_with("e.csv:1: warning: 1000000 unknown columns, ignored: \"c0\", \"c1\""), "{text}");
        assert!(text.contains("and 999995 more") && !text.contains('\n'), "{text}");
        // A misspelt optional column is pointed at its name.
        let mut r = EventReader::csv("id,date,place,type,claim_status,soruce\n".as_bytes(), "e.csv").unwrap();
        assert_eq!(
            r.warnings()[0].to_string(),
            "e.csv:1: warning: field 'soruce': unknown column, ignored; did you mean \"source\"?"
        );
    }

    #[test]
    fn unclosed_quote_at_end_of_csv_is_an_error() {
        // In the last column: the record has all its fields and used to be read as good.
        let rs = read_csv(
            "e1,2021-07-09,Herat,,,capture,Taliban,claimed,,,\"Outlet\ne2,2021-07-09,Herat,,,capture,Taliban,claimed,,,x\n",
        );
        assert_eq!(rs.len(), 1);
        let d = &rs[0].as_ref().unwrap_err().0[0];
        assert_eq!((d.line, d.field.as_deref()), (Some(2), Some("source")));
        assert!(d.message.contains("never closed") && d.message.contains("(line 3)"), "{d}");
        // In a middle column (the record is then short of fields), after good records, with
        // quoted newlines and "" before it that are closed.
        let rs = read_csv(
            "e1,2021-07-09,Herat,,,capture,\"Tali\nban \"\"x\"\"\",claimed,,,x\n\
             e2,2021-07-09,Herat,,,capture,5\" gun,claimed,,,x\n\
             e3,2021-07-09,Herat,,,capture,\"Taliban,claimed,,,x\n",
        );
        assert!(rs[0].is_ok() && rs[1].is_ok(), "{rs:?}");
        let d = &rs[2].as_ref().unwrap_err().0[0];
        assert_eq!((d.line, d.field.as_deref()), (Some(5), Some("actor")), "{d}");
        // In the header.
        assert!(
            header_error(b"id,date,\"place,type,claim_status\n")
                .contains("e.csv:1: error: a quote opened here is never closed")
        );
    }

    #[test]
    fn quote_watch_reads_the_same_a_byte_at_a_time() {
        struct Trickle<'a>(&'a [u8]);
        impl Read for Trickle<'_> {
            fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
                let Some((&b, rest)) = self.0.split_first() else { return Ok(0) };
                buf[0] = b;
                self.0 = rest;
                Ok(1)
            }
        }
        for text in ["a,\"b\"\"\nc\"\n\"d", "a,\"b\"\"\",\"c\"\n", "\"", "x\"y,\"z\"\"", "a,\"\"\n\"\r\nb"] {
            let whole = {
                let mut w = QuoteWatch::new(text.as_bytes());
                std::io::copy(&mut w, &mut std::io::sink()).unwrap();
                (w.unclosed.map(|u| (u.offset, u.line)), w.line)
            };
            let mut t = QuoteWatch::new(Trickle(text.as_bytes()));
            std::io::copy(&mut t, &mut std::io::sink()).unwrap();
            assert_eq!((t.unclosed.map(|u| (u.offset, u.line)), t.line), whole, "{text:?}");
        }
    }

    #[test]
    fn truncated_json_line_is_an_error_with_its_line() {
        let text = "{\"id\":\"a\",\"date\":\"2021-07-09\",\"place\":\"Herat\",\"type\":\"capture\",\"claim_status\":\"claimed\"}\n\
                    {\"id\":\"b\",\"date\":\"2021-07-09\",\"pla";
        let rs: Vec<_> = EventReader::jsonl(text.as_bytes(), "e.jsonl").collect();
        assert!(rs[0].is_ok());
        let d = rs[1].as_ref().unwrap_err().0[0].to_string();
        assert!(d.starts_with("e.jsonl:2: error: truncated: the line ends inside its JSON object"), "{d}");
    }

    #[test]
    fn jsonl_accepts_a_byte_order_mark() {
        let text = "\u{feff}{\"id\":\"a\",\"date\":\"2021-07-09\",\"place\":\"Herat\",\"type\":\"capture\",\"claim_status\":\"claimed\"}\n";
        let rs: Vec<_> = EventReader::jsonl(text.as_bytes(), "e.jsonl").collect();
        assert_eq!(rs[0].as_ref().unwrap().id, "a");
    }

    #[test]
    fn swapped_or_far_coordinates_are_refused_with_line_and_field() {
        let rs = read_csv(
            "e1,2021-07-09,Islam Qala,34.66,61.07,capture,Taliban,claimed,,,\n\
             e2,2021-07-09,Islam Qala,61.07,34.66,capture,Taliban,claimed,,,\n\
             e3,2021-07-09,New York,40.7,-74.0,statement,UN,claimed,,,\n",
        );
        assert!(rs[0].is_ok());
        let d = &rs[1].as_ref().unwrap_err().0[0];
        assert_eq!((d.line, d.field.as_deref()), (Some(3), Some("lat/lon")));
        assert!(d.message.contains("look swapped"), "{d}");
        let d = &rs[2].as_ref().unwrap_err().0[0];
        assert!(d.message.contains("outside the region") && d.message.contains("--region"), "{d}");
        // A wider region takes them.
        let text = format!("{HEADER}e3,2021-07-09,New York,40.7,-74.0,statement,UN,claimed,,,\n");
        let r = EventReader::csv(text.as_bytes(), "e.csv").unwrap().with_region(Region::WORLD);
        assert!(r.into_iter().all(|e| e.is_ok()));
        let j = "{\"id\":\"a\",\"date\":\"2021-07-09\",\"lat\":61.07,\"lon\":34.66,\"type\":\"capture\",\"claim_status\":\"claimed\"}";
        let rs: Vec<_> = EventReader::jsonl(j.as_bytes(), "e.jsonl").collect();
        assert!(rs[0].as_ref().unwrap_err().0[0].message.contains("look swapped"));
    }

    #[test]
    fn source_dates_are_range_checked() {
        let h = "id,date,place,type,claim_status,source_date\n";
        let rs: Vec<_> =
            EventReader::csv(format!("{h}e1,2021-07-09,Herat,capture,claimed,0000-01-01\n").as_bytes(), "e.csv")
                .unwrap()
                .collect();
        assert_eq!(rs[0].as_ref().unwrap_err().0[0].field.as_deref(), Some("source_date"));
    }

    proptest::proptest! {
        #[test]
        fn no_header_panics(cols in proptest::collection::vec("\\PC{0,12}|id|date|type|claim_status|place|lat|event_date|;|\t", 0..12)) {
            let header = csv::StringRecord::from(cols.clone());
            let _ = check_header(&header, "e.csv");
            let _ = other_format(&header);
        }

        #[test]
        fn no_csv_input_panics(bytes in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..200), with_header in proptest::prelude::any::<bool>()) {
            let mut text = if with_header { HEADER.as_bytes().to_vec() } else { Vec::new() };
            text.extend(bytes);
            if let Ok(r) = EventReader::csv(text.as_slice(), "e.csv") {
                for e in r.take(1000) {
                    let _ = e.map_err(|e| e.to_string());
                }
            }
            for e in EventReader::jsonl(text.as_slice(), "e.jsonl").take(1000) {
                let _ = e.map_err(|e| e.to_string());
            }
        }

        #[test]
        fn a_header_with_the_required_columns_is_accepted(extra in proptest::collection::vec("[a-z_]{1,10}", 0..6)) {
            let mut cols: Vec<String> = ["id", "date", "place", "type", "claim_status"].map(String::from).to_vec();
            cols.extend(extra);
            let header = csv::StringRecord::from(cols);
            let (errors, warnings) = check_header(&header, "e.csv");
            proptest::prop_assert!(errors.is_empty(), "{errors:?}");
            proptest::prop_assert!(warnings.len() <= 1);
        }
    }
}
