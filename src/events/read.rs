//! Reading events from CSV and JSON Lines, one record at a time.
//!
//! Both formats have the same fields (see `maps/README.md`). A bad record is an error naming
//! the file, line and field; it is never skipped silently. Reading streams: memory does not
//! grow with the file.

use std::io::{BufRead, BufReader, Read};

use serde::Deserialize;

use super::{ClaimStatus, Event, EventDate, EventType, Location, Precision};
use crate::diagnostic::Diagnostic;
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
pub const COLUMNS: [&str; 22] = [
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
];

/// Columns `bordermap extract` adds for the analyst's review (confidence, where the sentence
/// is in the article): accepted, and not used by the mapper.
pub const REVIEW_COLUMNS: [&str; 3] = ["confidence", "char_start", "char_end"];

/// A record that could not be read; all its faults are listed.
#[derive(Debug, thiserror::Error)]
#[error("{}", .0.iter().map(|d| d.to_string()).collect::<Vec<_>>().join("\n"))]
pub struct ReadError(pub Vec<Diagnostic>);

impl AsRef<str> for Text {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

fn text<T: AsRef<str>>(t: &Option<T>) -> &str {
    t.as_ref().map_or("", |t| t.as_ref().trim())
}

fn convert<T: AsRef<str>>(raw: RawEvent<T>, file: &str, line: u64) -> Result<Event, ReadError> {
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
        if t.is_empty() {
            return None;
        }
        match t.parse::<f64>() {
            Ok(v) if v.is_finite() && range.contains(&v) => Some(v),
            Ok(v) => {
                err(field, format!("{v} is out of range ({}..={})", range.start(), range.end()));
                None
            }
            Err(_) => {
                err(field, format!("{t:?} is not a number"));
                None
            }
        }
    };
    let lat = number("lat", text(&raw.lat), -90.0..=90.0);
    let lon = number("lon", text(&raw.lon), -180.0..=180.0);
    let share = number("share", text(&raw.share), 0.0..=1.0);
    let geo_precision = number("geo_precision", text(&raw.geo_precision), 1.0..=3.0).map(|v| v as u8);
    let (place, place_id) = (text(&raw.place).to_string(), text(&raw.place_id).to_string());
    let location = match (lat, lon, text(&raw.lat).is_empty(), text(&raw.lon).is_empty()) {
        (Some(lat), Some(lon), _, _) => Some(Location::Point { lon, lat, label: (!place.is_empty()).then_some(place) }),
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
        t => match t.parse::<jiff::civil::Date>() {
            Ok(d) => Some(d),
            Err(_) => {
                err("source_date", format!("{t:?} is not a date (YYYY-MM-DD)"));
                None
            }
        },
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
        origin: Origin { file: file.to_string(), line },
    })
}

enum Inner<R: Read> {
    Csv {
        rdr: csv::Reader<R>,
        /// The column of each of [`COLUMNS`], when the file has it.
        headers: csv::StringRecord,
        record: csv::StringRecord,
        warnings: Vec<Diagnostic>,
    },
    Jsonl(std::io::Lines<BufReader<R>>, u64),
}

/// Streams events from a CSV or JSON Lines source.
pub struct EventReader<R: Read> {
    file: String,
    inner: Inner<R>,
}

impl<R: Read> EventReader<R> {
    /// CSV with a header row. Unknown columns are reported once as warnings (see
    /// [`EventReader::warnings`]).
    pub fn csv(reader: R, file: &str) -> Result<Self, ReadError> {
        let mut rdr = csv::ReaderBuilder::new().flexible(false).from_reader(reader);
        let headers = rdr
            .headers()
            .map_err(|e| ReadError(vec![Diagnostic::error(file, Some(1), None, format!("unreadable header: {e}"))]))?
            .clone();
        let mut warnings = Vec::new();
        for h in headers.iter() {
            if !COLUMNS.contains(&h) && !REVIEW_COLUMNS.contains(&h) {
                warnings.push(Diagnostic::warning(file, Some(1), Some(h), "unknown column, ignored"));
            }
        }
        for req in ["id", "date", "type", "claim_status"] {
            if !headers.iter().any(|h| h == req) {
                return Err(ReadError(vec![Diagnostic::error(file, Some(1), Some(req), "required column is missing")]));
            }
        }
        Ok(EventReader {
            file: file.to_string(),
            inner: Inner::Csv { rdr, headers, record: csv::StringRecord::new(), warnings },
        })
    }

    /// JSON Lines: one object per line, the same field names as the CSV columns; blank lines
    /// are skipped.
    pub fn jsonl(reader: R, file: &str) -> Self {
        EventReader { file: file.to_string(), inner: Inner::Jsonl(BufReader::new(reader).lines(), 0) }
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
        match &mut self.inner {
            Inner::Csv { rdr, headers, record, .. } => match rdr.read_record(record) {
                Ok(false) => None,
                Ok(true) => {
                    let line = record.position().map_or(0, |p| p.line());
                    // Fields borrowed from the record: every CSV field is text, so no copy and
                    // none of the guessing `Text` does for JSON.
                    Some(match record.deserialize::<RawEvent<&str>>(Some(headers)) {
                        Ok(raw) => convert(raw, file, line),
                        Err(e) => Err(ReadError(vec![Diagnostic::error(file, Some(line), None, format!("{e}"))])),
                    })
                }
                Err(e) => {
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
                    Err(e) => {
                        return Some(Err(ReadError(vec![Diagnostic::error(file, Some(*n), None, e.to_string())])));
                    }
                };
                if line.trim().is_empty() {
                    continue;
                }
                return Some(match serde_json::from_str::<RawEvent<Text>>(&line) {
                    Ok(raw) => convert(raw, file, *n),
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
    let thread = std::thread::Builder::new()
        .name("bordermap-read".into())
        .spawn(move || {
            loop {
                let batch: Vec<_> = events.by_ref().take(BATCH).collect();
                let last = batch.len() < BATCH;
                // The consumer stopped (an error): stop reading too.
                if tx.send(batch).is_err() || last {
                    return;
                }
            }
        })
        .expect("a thread can be started");
    ReadAhead { rx, batch: Vec::new().into_iter(), thread: Some(thread) }
}

/// The iterator of [`read_ahead`].
pub struct ReadAhead {
    rx: std::sync::mpsc::Receiver<Vec<Result<Event, ReadError>>>,
    batch: std::vec::IntoIter<Result<Event, ReadError>>,
    thread: Option<std::thread::JoinHandle<()>>,
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

#[cfg(test)]
mod tests {
    use super::*;

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
}
