//! The extractor's output: candidates as the mapper's event record (CSV, JSON Lines or one
//! JSON array), field for field the same in every format, plus review columns the mapper
//! ignores. A candidate whose date was left open writes an empty `date`, which `map` refuses
//! until an analyst dates it.

use super::CandidateEvent;

/// The columns [`write_csv`] writes: the mapper's event record, then review columns the mapper
/// ignores.
pub const CSV_COLUMNS: [&str; 22] = [
    "id",
    "date",
    "time_precision",
    "place",
    "place_id",
    "lat",
    "lon",
    "type",
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
    "confidence",
    "char_start",
    "char_end",
];

/// Writes candidates as an events CSV (what `bordermap map` reads).
pub fn write_csv(out: &mut dyn std::io::Write, cs: &[CandidateEvent]) -> std::io::Result<()> {
    let mut w = csv::WriterBuilder::new().terminator(csv::Terminator::Any(b'\n')).from_writer(out);
    w.write_record(CSV_COLUMNS)?;
    for c in cs {
        w.write_record(record(c))?;
    }
    w.flush()
}

/// A candidate as the mapper's event record plus the review columns, in the order of
/// [`CSV_COLUMNS`]: what every output format writes, so that each reads back in `map`.
pub fn record(c: &CandidateEvent) -> [String; CSV_COLUMNS.len()] {
    [
        c.id.clone(),
        c.date.map(|d| d.to_string()).unwrap_or_default(),
        String::new(),
        c.place.clone(),
        c.place_id.clone().unwrap_or_default(),
        String::new(),
        String::new(),
        c.event_type.as_str().to_string(),
        c.actor.clone(),
        c.actor2.clone(),
        c.claim_status.as_str().to_string(),
        c.claimed_by.clone(),
        c.disputed_by.clone(),
        c.share.map(|s| s.to_string()).unwrap_or_default(),
        c.source.clone(),
        c.url.clone(),
        c.source_date.map(|d| d.to_string()).unwrap_or_default(),
        c.quote.clone(),
        c.notes.clone(),
        format!("{:.2}", c.confidence),
        c.char_start.to_string(),
        c.char_end.to_string(),
    ]
}

/// Candidates as JSON objects with the fields of [`CSV_COLUMNS`] (the mapper's names: `type`,
/// not `event_type`): one per line (JSON Lines, which `bordermap map` reads), or one array.
pub fn write_json(out: &mut dyn std::io::Write, cs: &[CandidateEvent], lines: bool) -> std::io::Result<()> {
    let object = |c: &CandidateEvent| -> serde_json::Map<String, serde_json::Value> {
        CSV_COLUMNS.iter().zip(record(c)).map(|(k, v)| (k.to_string(), serde_json::Value::String(v))).collect()
    };
    if lines {
        for c in cs {
            serde_json::to_writer(&mut *out, &object(c))?;
            writeln!(out)?;
        }
    } else {
        let all: Vec<_> = cs.iter().map(object).collect();
        serde_json::to_writer_pretty(&mut *out, &all)?;
        writeln!(out)?;
    }
    Ok(())
}
