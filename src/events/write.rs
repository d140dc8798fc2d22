//! Writing events as bordermap's own event records (CSV or JSON Lines, the columns of
//! [`COLUMNS`]), so that what `bordermap convert` writes `bordermap map` reads back as the same
//! events.

use std::io::Write;

use super::read::COLUMNS;
use super::{Event, Location, Precision};

/// The fields of `e` as text, in the order of [`COLUMNS`].
pub fn record(e: &Event) -> [String; COLUMNS.len()] {
    let (place, place_id, lat, lon) = match &e.location {
        Location::Name(n) => (n.clone(), String::new(), String::new(), String::new()),
        Location::PlaceId(p) => (String::new(), p.clone(), String::new(), String::new()),
        Location::Point { lon, lat, label } => {
            (label.clone().unwrap_or_default(), String::new(), lat.to_string(), lon.to_string())
        }
    };
    // The first day with its precision: read back, the day is widened to the same week or
    // month. A range of other days is written as one (`2021-07-08/2021-07-10`).
    let time_precision = match e.date.precision {
        Precision::Day => String::new(),
        p => p.code().to_string(),
    };
    let date = if e.date.is_canonical() { e.date.start.to_string() } else { e.date.to_string() };
    [
        e.id.clone(),
        date,
        time_precision,
        place,
        place_id,
        lat,
        lon,
        e.event_type.as_str().to_string(),
        e.acled_event_type.clone(),
        e.acled_sub_event_type.clone(),
        e.actor.clone(),
        e.actor2.clone(),
        e.claim_status.as_str().to_string(),
        e.claimed_by.clone(),
        e.disputed_by.clone(),
        e.share.map(|s| s.to_string()).unwrap_or_default(),
        e.source.clone(),
        e.url.clone(),
        e.source_date.map(|d| d.to_string()).unwrap_or_default(),
        e.quote.clone(),
        e.notes.clone(),
        e.geo_precision.map(|g| g.to_string()).unwrap_or_default(),
        e.fatalities.to_string(),
        e.admin1.clone(),
        e.admin2.clone(),
        e.admin3.clone(),
        e.assoc_actor_1.clone(),
        e.assoc_actor_2.clone(),
        e.tags.clone(),
        e.country.clone(),
    ]
}

/// Writes events as an events CSV with a header row of every column.
pub struct CsvWriter<W: Write>(csv::Writer<W>);

impl<W: Write> CsvWriter<W> {
    /// Starts the CSV: writes the header row.
    pub fn new(w: W) -> std::io::Result<Self> {
        let mut w = csv::Writer::from_writer(w);
        w.write_record(COLUMNS)?;
        Ok(CsvWriter(w))
    }

    /// Writes one event.
    pub fn write(&mut self, e: &Event) -> std::io::Result<()> {
        Ok(self.0.write_record(record(e))?)
    }

    /// Flushes and returns the writer.
    pub fn finish(self) -> std::io::Result<W> {
        self.0.into_inner().map_err(|e| e.into_error())
    }
}

/// Writes one event as a JSON Lines record (every column, as text), newline included.
pub fn write_jsonl(w: &mut dyn Write, e: &Event) -> std::io::Result<()> {
    let map: serde_json::Map<String, serde_json::Value> =
        COLUMNS.iter().zip(record(e)).map(|(c, v)| (c.to_string(), serde_json::Value::String(v))).collect();
    serde_json::to_writer(&mut *w, &map)?;
    w.write_all(b"\n")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::events::{AcledReader, EventReader};

    #[test]
    fn written_events_read_back_the_same() {
        let acled = "event_id_cnty,event_date,time_precision,event_type,sub_event_type,actor1,location,latitude,longitude,\
                     source,notes,fatalities,admin1,tags\n\
                     A1,24 April 2021,2,Battles,Armed clash,Taliban,Kunduz,36.7286,68.8681,A; B,\"x, \"\"y\"\"\n z\",4,Kunduz,t\n\
                     A2,2021-04-24,3,Protests,Peaceful protest,Protesters,Zaranj,30.9594,61.8604,C,,,Nimroz,\n";
        let events: Vec<Event> = AcledReader::new(acled.as_bytes(), "a.csv").unwrap().map(Result::unwrap).collect();
        let mut w = CsvWriter::new(Vec::new()).unwrap();
        let mut jsonl = Vec::new();
        for e in &events {
            w.write(e).unwrap();
            write_jsonl(&mut jsonl, e).unwrap();
        }
        let csv = w.finish().unwrap();
        let strip = |mut e: Event| {
            e.origin.file.clear();
            e.origin.line = 0;
            e
        };
        let want: Vec<Event> = events.into_iter().map(strip).collect();
        let back: Vec<Event> = EventReader::csv(csv.as_slice(), "e.csv").unwrap().map(|e| strip(e.unwrap())).collect();
        assert_eq!(back, want);
        let back: Vec<Event> = EventReader::jsonl(jsonl.as_slice(), "e.jsonl").map(|e| strip(e.unwrap())).collect();
        assert_eq!(back, want);
    }
}
