//! Reading UCDP Georeferenced Event Dataset (GED) CSVs as UCDP publishes them (the GED
//! 21.1–24.1 releases and the monthly candidate releases, `GEDEvent_v…csv`) into bordermap
//! [`Event`]s, one row at a time.
//!
//! The layout is the codebook's 49 columns (UCDP GED codebook, "Variables"): `id, relid, year,
//! active_year, code_status, type_of_violence, conflict_dset_id, conflict_new_id,
//! conflict_name, dyad_dset_id, dyad_new_id, dyad_name, side_a_dset_id, side_a_new_id, side_a,
//! side_b_dset_id, side_b_new_id, side_b, number_of_sources, source_article, source_office,
//! source_date, source_headline, source_original, where_prec, where_coordinates,
//! where_description, adm_1, adm_2, latitude, longitude, geom_wkt, priogrid_gid, country,
//! country_id, region, event_clarity, date_prec, date_start, date_end, deaths_a, deaths_b,
//! deaths_civilians, deaths_unknown, best, high, low, gwnoa, gwnob`. Columns are found by
//! name, in any order; extra ones are ignored.
//!
//! Every row maps: its coordinates are its location (`where_coordinates`, UCDP's name for the
//! place the coordinates stand for, kept as the label), `date_start`–`date_end` its date range,
//! `type_of_violence` its type (1 state-based and 2 non-state → clash, 3 one-sided → attack).
//! GED rows are coded by UCDP's researchers from news reports and other sources: they are
//! `claimed`, by the outlets in `source_office`, never confirmed (see "UCDP GED exports" in
//! `maps/README.md` for why). What the record has no field for (conflict and dyad, clarity,
//! precisions, the death counts by side, the citation) goes into `notes`.
//!
//! A bad row is an error naming the file, its line and the UCDP column; it is never skipped.

use std::io::Read;

use jiff::civil::Date;

use super::export_csv::{ExportCsv, Row, file_error};
use super::{ClaimStatus, Event, EventDate, EventType, Location, ReadError, Region};
use crate::diagnostic::Diagnostic;
use crate::gazetteer::Origin;

/// UCDP's `type_of_violence` codes, their codebook names, and the bordermap type each gives.
/// State-based (1) and non-state (2) violence are fighting between organised armed groups (a
/// `clash`; GED does not say whether control changed); one-sided violence (3) is an organised
/// group's attack on civilians (an `attack`, ACLED's "Violence against civilians / Attack").
pub const TYPES: [(u8, &str, EventType); 3] =
    [(1, "state-based", EventType::Clash), (2, "non-state", EventType::Clash), (3, "one-sided", EventType::Attack)];

/// bordermap's `geo_precision` (1 exact place, 2 near it / a district, 3 a larger area) for
/// UCDP's `where_prec`: 1 exact location → 1; 2 within about 25 km of a known point → 1; 3 a
/// second-order administrative division (district) → 2; 4 a first-order one (province) → 3;
/// 5 a linear feature (a road, a river, a border), 6 only the country, 7 international
/// waters or airspace → 3.
pub fn geo_precision(where_prec: u8) -> Option<u8> {
    match where_prec {
        1 | 2 => Some(1),
        3 => Some(2),
        4..=7 => Some(3),
        _ => None,
    }
}

/// The longest `source_headline` kept as the record's `quote`, in characters (GED rows join
/// the headlines of every source; the rest is cut, marked with `…`).
pub const MAX_QUOTE: usize = 500;
/// The longest text of any one column kept in `notes` (conflict and dyad names,
/// `where_description`, `source_article`), in characters.
pub const MAX_NOTE_PART: usize = 1000;

/// `s`, cut to `max` characters (ending in `…` when cut).
fn bounded(s: &str, max: usize) -> String {
    match s.char_indices().nth(max) {
        None => s.to_string(),
        Some((i, _)) => format!("{}…", s[..i].trim_end()),
    }
}

/// Parses a GED date: `2021-07-09` (the codebook's form), `2021-07-09 00:00:00.000` (as UCDP's
/// CSVs of GED 21.1–23.1 and the candidate releases write it; any time of day is dropped), or
/// `7/9/2021` (month/day/year, as a GED CSV saved again by a spreadsheet in US settings has it).
/// Never panics.
pub fn parse_date(s: &str) -> Result<Date, String> {
    let t = s.trim();
    let bad = || format!("{t:?} is not a date (UCDP writes 2021-07-09 or 2021-07-09 00:00:00.000)");
    if t.is_empty() {
        return Err("empty: a UCDP row needs its dates".into());
    }
    if t.len() > 40 {
        return Err(bad());
    }
    // A time of day after the date: `2021-07-09 00:00:00.000`, `2021-07-09T00:00:00`.
    let day = match t.find([' ', 'T']) {
        Some(i) => {
            let time = t[i + 1..].trim();
            let timelike = !time.is_empty()
                && time.bytes().all(|b| b.is_ascii_digit() || b == b':' || b == b'.')
                && time.as_bytes()[0].is_ascii_digit();
            if !timelike {
                return Err(bad());
            }
            &t[..i]
        }
        None => t,
    };
    let num = |p: &str, min_len: usize, max_len: usize| -> Option<i32> {
        (p.len() >= min_len && p.len() <= max_len && p.bytes().all(|b| b.is_ascii_digit()))
            .then(|| p.parse().ok())
            .flatten()
    };
    let (y, m, d) = if let [y, m, d] = day.split('-').collect::<Vec<_>>()[..] {
        (num(y, 4, 4), num(m, 2, 2), num(d, 2, 2))
    } else if let [m, d, y] = day.split('/').collect::<Vec<_>>()[..] {
        (num(y, 4, 4), num(m, 1, 2), num(d, 1, 2))
    } else {
        return Err(bad());
    };
    let (Some(y), Some(m), Some(d)) = (y, m, d) else { return Err(bad()) };
    let (Ok(y), Ok(m), Ok(d)) = (i16::try_from(y), i8::try_from(m), i8::try_from(d)) else { return Err(bad()) };
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

/// The UCDP columns bordermap reads.
const READ: [&str; 31] = [
    "id",
    "type_of_violence",
    "conflict_new_id",
    "conflict_name",
    "dyad_new_id",
    "dyad_name",
    "side_a",
    "side_b",
    "source_article",
    "source_office",
    "source_date",
    "source_headline",
    "where_prec",
    "where_coordinates",
    "where_description",
    "adm_1",
    "adm_2",
    "latitude",
    "longitude",
    "country",
    "event_clarity",
    "date_prec",
    "date_start",
    "date_end",
    "deaths_a",
    "deaths_b",
    "deaths_civilians",
    "deaths_unknown",
    "best",
    "high",
    "low",
];

/// The columns a UCDP GED file must have for bordermap to read it (and `date_end` or
/// `date_prec`, and `latitude`/`longitude` or `where_coordinates`).
pub const REQUIRED: [&str; 3] = ["id", "date_start", "type_of_violence"];

/// Streams [`Event`]s from a UCDP GED CSV (with UCDP's header row).
pub struct UcdpReader<R: Read> {
    csv: ExportCsv<R>,
    region: Region,
}

impl<R: Read> UcdpReader<R> {
    /// Reads the header row and checks it: every missing required column (id, date_start,
    /// type_of_violence, date_end or date_prec, latitude/longitude or where_coordinates) is
    /// reported at once, and a bordermap events file or an ACLED export given as UCDP says so.
    pub fn new(reader: R, file: &str) -> Result<Self, ReadError> {
        let no_header = "a UCDP GED file starts with UCDP's column names (id, relid, year, …)";
        let csv = ExportCsv::open(reader, file, &READ, no_header)?;
        if !csv.has("date_start") {
            if ["id", "date", "type", "claim_status"].iter().all(|c| csv.names(c)) {
                return Err(file_error(
                    file,
                    Some(1),
                    "this looks like a bordermap events file (id, date, type, claim_status), not a UCDP GED file: \
                     read it without --from ucdp (or with --from bordermap)",
                ));
            }
            if csv.names("event_id_cnty") || (csv.names("event_date") && csv.names("event_type")) {
                return Err(file_error(
                    file,
                    Some(1),
                    "this looks like an ACLED export (event_id_cnty, event_date, event_type …), not a UCDP GED \
                     file: read it with --from acled",
                ));
            }
        }
        let mut errs = Vec::new();
        for c in REQUIRED {
            if !csv.has(c) {
                errs.push(Diagnostic::error(file, Some(1), Some(c), "required UCDP column is missing".to_string()));
            }
        }
        if !csv.has("date_end") && !csv.has("date_prec") {
            errs.push(Diagnostic::error(
                file,
                Some(1),
                Some("date_end"),
                "no date_end and no date_prec: a UCDP row needs its last day, or date_prec 1 for a single day"
                    .to_string(),
            ));
        }
        let point = csv.has("latitude") && csv.has("longitude");
        if !point && !csv.has("where_coordinates") {
            errs.push(Diagnostic::error(
                file,
                Some(1),
                Some("latitude"),
                "no location column: a UCDP row needs latitude and longitude, or where_coordinates".to_string(),
            ));
        }
        if !errs.is_empty() {
            return Err(ReadError(errs));
        }
        Ok(UcdpReader { csv, region: Region::DEFAULT })
    }

    /// Checks coordinates against `region` instead of [`Region::DEFAULT`].
    pub fn with_region(mut self, region: Region) -> Self {
        self.region = region;
        self
    }
}

/// UCDP's `;`-separated list as bordermap's `|`-separated one (each item trimmed, empty ones
/// and `|` inside an item dropped).
fn list(s: &str) -> String {
    s.split(';')
        .map(|p| p.replace('|', " "))
        .map(|p| p.trim().to_string())
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join("|")
}

fn convert(row: &Row, file: &str, line: u64, region: &Region) -> Result<Event, ReadError> {
    let mut errs = Vec::new();
    let mut err = |field: &str, msg: String| errs.push(Diagnostic::error(file, Some(line), Some(field), msg));
    let raw_id = row.get("id");
    if raw_id.is_empty() {
        err("id", "empty".into());
    } else if raw_id.chars().count() > 64 || raw_id.chars().any(char::is_whitespace) {
        err("id", format!("{:?} is not a UCDP event id (a number, as 123456)", bounded(raw_id, 64)));
    }
    // A small code (1, 2, …) in `lo..=hi`; `None` when empty.
    let mut code = |field: &str, lo: u8, hi: u8, what: &str| -> Option<u8> {
        match row.get(field) {
            "" => None,
            t => match t.parse::<u8>() {
                Ok(v) if (lo..=hi).contains(&v) => Some(v),
                _ => {
                    err(field, format!("{:?} is not {what}", bounded(t, 20)));
                    None
                }
            },
        }
    };
    let violence = code("type_of_violence", 1, 3, "1 (state-based), 2 (non-state) or 3 (one-sided)");
    let where_prec = code("where_prec", 1, 7, "a where_prec of 1 to 7");
    let date_prec = code("date_prec", 1, 5, "a date_prec of 1 to 5");
    let clarity = code("event_clarity", 1, 2, "1 (high) or 2 (low)");
    if violence.is_none() && row.get("type_of_violence").is_empty() {
        err("type_of_violence", "empty: a UCDP row needs its type of violence (1, 2 or 3)".into());
    }
    let mut day = |field: &str| match row.get(field) {
        "" => None,
        t => parse_date(t).map_err(|m| err(field, m)).ok(),
    };
    let start = day("date_start");
    let end = day("date_end");
    let (start_t, end_t) = (row.get("date_start"), row.get("date_end"));
    let mut count = |field: &str| -> Option<u32> {
        match row.get(field) {
            "" => None,
            t => t
                .parse::<u32>()
                .map_err(|_| err(field, format!("{:?} is not a count (a whole number, 0 or more)", bounded(t, 20))))
                .ok(),
        }
    };
    let deaths: Vec<Option<u32>> =
        ["deaths_a", "deaths_b", "deaths_civilians", "deaths_unknown", "low", "high"].map(&mut count).into();
    let best = count("best");
    let date = match (start, end) {
        (Some(s), Some(e)) => EventDate::range(s, e).map_err(|m| err("date_end", m)).ok(),
        (Some(s), None) if end_t.is_empty() && date_prec.is_none_or(|p| p == 1) => EventDate::range(s, s).ok(),
        (Some(_), None) if end_t.is_empty() => {
            err(
                "date_end",
                format!(
                    "empty, with date_prec {}: a UCDP row of a date range needs its last day",
                    date_prec.unwrap_or(0)
                ),
            );
            None
        }
        (None, _) if start_t.is_empty() => {
            err("date_start", "empty: a UCDP row needs its first day".into());
            None
        }
        _ => None,
    };
    let mut number = |field: &str, range: std::ops::RangeInclusive<f64>| -> Option<f64> {
        super::read::number_in(row.get(field), range).unwrap_or_else(|m| {
            err(field, m);
            None
        })
    };
    let lat = number("latitude", -90.0..=90.0);
    let lon = number("longitude", -180.0..=180.0);
    let place = bounded(row.get("where_coordinates"), MAX_NOTE_PART);
    let (lat_t, lon_t) = (row.get("latitude"), row.get("longitude"));
    let location = match (lat, lon) {
        (Some(lat), Some(lon)) => match region.check(lon, lat) {
            Ok(()) => Some(Location::Point { lon, lat, label: (!place.is_empty()).then_some(place) }),
            Err(m) => {
                err("latitude/longitude", m);
                None
            }
        },
        _ if lat_t.is_empty() && lon_t.is_empty() && !place.is_empty() => Some(Location::Name(place)),
        _ if lat_t.is_empty() && lon_t.is_empty() => {
            err("latitude", "no latitude/longitude and no where_coordinates: the row has no place".into());
            None
        }
        _ => {
            if lat_t.is_empty() || lon_t.is_empty() {
                let f = if lat_t.is_empty() { "latitude" } else { "longitude" };
                err(f, "empty: give both latitude and longitude, or neither".into());
            }
            None
        }
    };
    // The first date of `source_date` (`;`-separated, one per source), when it is one.
    let source_date = row.get("source_date").split(';').next().and_then(|d| parse_date(d).ok());
    let (Some(date), Some(location), Some(violence)) = (date, location, violence) else {
        return Err(ReadError(errs));
    };
    if !errs.is_empty() {
        return Err(ReadError(errs));
    }
    let &(_, type_name, t) = TYPES.iter().find(|(c, _, _)| *c == violence).unwrap_or(&TYPES[0]);
    let text = |field: &str| bounded(row.get(field), MAX_NOTE_PART);
    let show = |v: Option<u8>| v.map_or("?".to_string(), |v| v.to_string());
    let shown = |v: Option<u32>| v.map_or("?".to_string(), |v| v.to_string());
    let mut notes = vec![format!("UCDP type_of_violence {violence} ({type_name})")];
    for (label, field) in [("conflict", "conflict_name"), ("dyad", "dyad_name")] {
        let v = text(field);
        if !v.is_empty() {
            notes.push(format!("{label} {v}"));
        }
    }
    notes.push(format!("event_clarity {}", show(clarity)));
    if clarity == Some(2) {
        notes.push("low clarity".into());
    }
    notes.push(format!("date_prec {}", show(date_prec)));
    notes.push(format!("where_prec {}", show(where_prec)));
    notes.push(format!(
        "deaths a/b/civilians/unknown {}/{}/{}/{}, low {}, high {}",
        shown(deaths[0]),
        shown(deaths[1]),
        shown(deaths[2]),
        shown(deaths[3]),
        shown(deaths[4]),
        shown(deaths[5])
    ));
    for (label, field) in [("where_description", "where_description"), ("source_article", "source_article")] {
        let v = text(field);
        if !v.is_empty() {
            notes.push(format!("{label}: {v}"));
        }
    }
    let tags: Vec<String> = [("conflict", "conflict_new_id"), ("dyad", "dyad_new_id")]
        .into_iter()
        .map(|(label, field)| (label, bounded(row.get(field), 64)))
        .filter(|(_, v)| !v.is_empty())
        .map(|(label, v)| format!("ucdp:{label}:{v}"))
        .collect();
    let source = list(&bounded(row.get("source_office"), MAX_NOTE_PART));
    Ok(Event {
        id: format!("ucdp-{raw_id}"),
        date,
        location,
        event_type: t,
        acled_event_type: t.acled().0.to_string(),
        acled_sub_event_type: t.acled().1.to_string(),
        actor: text("side_a"),
        actor2: text("side_b"),
        claim_status: ClaimStatus::Claimed,
        claimed_by: source.clone(),
        disputed_by: String::new(),
        share: None,
        source,
        url: String::new(),
        source_date,
        quote: bounded(row.get("source_headline"), MAX_QUOTE),
        notes: notes.join("; "),
        geo_precision: where_prec.and_then(geo_precision),
        fatalities: best.unwrap_or(0),
        admin1: text("adm_1"),
        admin2: text("adm_2"),
        admin3: String::new(),
        assoc_actor_1: String::new(),
        assoc_actor_2: String::new(),
        tags: tags.join("; "),
        country: super::country::iso3(row.get("country")).unwrap_or("").to_string(),
        origin: Origin { file: file.to_string(), line },
    })
}

impl<R: Read> Iterator for UcdpReader<R> {
    type Item = Result<Event, ReadError>;

    fn next(&mut self) -> Option<Self::Item> {
        let region = self.region;
        Some(self.csv.next_row()?.and_then(|(line, row)| convert(&row, row.file, line, &region)))
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use super::*;

    /// The GED CSV's header, in UCDP's order.
    const COLUMNS: [&str; 49] = [
        "id",
        "relid",
        "year",
        "active_year",
        "code_status",
        "type_of_violence",
        "conflict_dset_id",
        "conflict_new_id",
        "conflict_name",
        "dyad_dset_id",
        "dyad_new_id",
        "dyad_name",
        "side_a_dset_id",
        "side_a_new_id",
        "side_a",
        "side_b_dset_id",
        "side_b_new_id",
        "side_b",
        "number_of_sources",
        "source_article",
        "source_office",
        "source_date",
        "source_headline",
        "source_original",
        "where_prec",
        "where_coordinates",
        "where_description",
        "adm_1",
        "adm_2",
        "latitude",
        "longitude",
        "geom_wkt",
        "priogrid_gid",
        "country",
        "country_id",
        "region",
        "event_clarity",
        "date_prec",
        "date_start",
        "date_end",
        "deaths_a",
        "deaths_b",
        "deaths_civilians",
        "deaths_unknown",
        "best",
        "high",
        "low",
        "gwnoa",
        "gwnob",
    ];

    fn header() -> String {
        COLUMNS.join(",") + "\n"
    }

    fn q(s: &str) -> String {
        format!("\"{}\"", s.replace('"', "\"\""))
    }

    /// A row of the full layout: a one-day state-based clash at Islam Qala, with `changes`.
    fn row(changes: &[(&str, &str)]) -> String {
        let mut v: HashMap<&str, String> = [
            ("id", "412345"),
            ("relid", "AFG-2021-1-333-10"),
            ("year", "2021"),
            ("active_year", "1"),
            ("code_status", "Clear"),
            ("type_of_violence", "1"),
            ("conflict_dset_id", "333"),
            ("conflict_new_id", "333"),
            ("conflict_name", "Afghanistan: Government"),
            ("dyad_dset_id", "745"),
            ("dyad_new_id", "745"),
            ("dyad_name", "Government of Afghanistan - Taleban"),
            ("side_a", "Government of Afghanistan"),
            ("side_b", "Taleban"),
            ("number_of_sources", "2"),
            ("source_article", "Pajhwok Afghan News, 2021-07-09, \"Taliban overrun Islam Qala\""),
            ("source_office", "Pajhwok Afghan News;Xinhua"),
            ("source_date", "2021-07-09;2021-07-10"),
            ("source_headline", "Taliban overrun Islam Qala;Fighting at Afghan-Iran border"),
            ("where_prec", "1"),
            ("where_coordinates", "Islam Qala town"),
            ("where_description", "at the border crossing"),
            ("adm_1", "Herat province"),
            ("adm_2", "Kohsan district"),
            ("latitude", "34.666667"),
            ("longitude", "61.066667"),
            ("geom_wkt", "POINT (61.066667 34.666667)"),
            ("priogrid_gid", "181083"),
            ("country", "Afghanistan"),
            ("country_id", "700"),
            ("region", "Asia"),
            ("event_clarity", "1"),
            ("date_prec", "1"),
            ("date_start", "2021-07-09"),
            ("date_end", "2021-07-09"),
            ("deaths_a", "3"),
            ("deaths_b", "2"),
            ("deaths_civilians", "0"),
            ("deaths_unknown", "0"),
            ("best", "5"),
            ("high", "6"),
            ("low", "4"),
            ("gwnoa", "700"),
        ]
        .into_iter()
        .map(|(k, v)| (k, v.to_string()))
        .collect();
        for &(k, val) in changes {
            v.insert(k, val.to_string());
        }
        COLUMNS.iter().map(|c| q(v.get(c).map_or("", String::as_str))).collect::<Vec<_>>().join(",") + "\n"
    }

    fn read(body: &str) -> Vec<Result<Event, ReadError>> {
        UcdpReader::new(format!("{}{body}", header()).as_bytes(), "g.csv").unwrap().collect()
    }

    fn one(changes: &[(&str, &str)]) -> Result<Event, ReadError> {
        read(&row(changes)).pop().unwrap()
    }

    #[test]
    fn a_row_maps_with_its_fields() {
        let e = one(&[]).unwrap();
        assert_eq!(e.id, "ucdp-412345");
        assert_eq!((e.date.to_string(), e.date.precision), ("2021-07-09".to_string(), super::super::Precision::Day));
        assert_eq!(
            e.location,
            Location::Point { lon: 61.066667, lat: 34.666667, label: Some("Islam Qala town".into()) }
        );
        assert_eq!((e.event_type, e.acled_event_type.as_str()), (EventType::Clash, "Battles"));
        assert_eq!((e.actor.as_str(), e.actor2.as_str()), ("Government of Afghanistan", "Taleban"));
        assert_eq!((e.claim_status, e.claimed_by.as_str()), (ClaimStatus::Claimed, "Pajhwok Afghan News|Xinhua"));
        assert_eq!(e.source, "Pajhwok Afghan News|Xinhua");
        assert_eq!((e.url.as_str(), e.source_date), ("", Some(Date::constant(2021, 7, 9))));
        assert_eq!(e.quote, "Taliban overrun Islam Qala;Fighting at Afghan-Iran border");
        assert_eq!((e.fatalities, e.geo_precision, e.country.as_str()), (5, Some(1), "AFG"));
        assert_eq!((e.admin1.as_str(), e.admin2.as_str()), ("Herat province", "Kohsan district"));
        assert_eq!(e.tags, "ucdp:conflict:333; ucdp:dyad:745");
        assert_eq!(
            e.notes,
            "UCDP type_of_violence 1 (state-based); conflict Afghanistan: Government; dyad Government of \
             Afghanistan - Taleban; event_clarity 1; date_prec 1; where_prec 1; deaths a/b/civilians/unknown \
             3/2/0/0, low 4, high 6; where_description: at the border crossing; source_article: Pajhwok Afghan \
             News, 2021-07-09, \"Taliban overrun Islam Qala\""
        );
        assert_eq!(e.origin.line, 2);
    }

    #[test]
    fn types_of_violence_where_prec_and_clarity() {
        let e = one(&[("type_of_violence", "3"), ("side_b", "Civilians"), ("event_clarity", "2")]).unwrap();
        assert_eq!((e.event_type, e.acled_sub_event_type.as_str()), (EventType::Attack, "Attack"));
        assert!(e.notes.starts_with("UCDP type_of_violence 3 (one-sided)") && e.notes.contains("low clarity"));
        assert_eq!(one(&[("type_of_violence", "2")]).unwrap().event_type, EventType::Clash);
        for (wp, gp) in [("1", 1), ("2", 1), ("3", 2), ("4", 3), ("5", 3), ("6", 3), ("7", 3)] {
            assert_eq!(one(&[("where_prec", wp)]).unwrap().geo_precision, Some(gp), "{wp}");
        }
        assert_eq!(one(&[("where_prec", "")]).unwrap().geo_precision, None);
        assert_eq!(one(&[("country", "Iran")]).unwrap().country, "IRN");
        assert_eq!(one(&[("country", "")]).unwrap().country, "");
    }

    #[test]
    fn both_date_forms_and_ranges() {
        let d = Date::constant(2021, 7, 9);
        for s in ["2021-07-09", " 2021-07-09 00:00:00.000 ", "2021-07-09T00:00:00", "7/9/2021", "07/09/2021"] {
            assert_eq!(parse_date(s), Ok(d), "{s}");
        }
        for s in ["", "2021-7-9", "9 July 2021", "2021-07-32", "2021-07-09 noon", "1899-12-31", "20210709", "7/9/21"] {
            assert!(parse_date(s).is_err(), "{s}");
        }
        let three = one(&[("date_start", "2021-08-01 00:00:00.000"), ("date_end", "2021-08-03 00:00:00.000")]);
        let three = three.unwrap();
        assert_eq!((three.date.start, three.date.end), (Date::constant(2021, 8, 1), Date::constant(2021, 8, 3)));
        assert_eq!(three.date.to_string(), "2021-08-01/2021-08-03");
        let month = one(&[("date_start", "6/1/2021"), ("date_end", "6/30/2021"), ("date_prec", "4")]).unwrap();
        assert_eq!(month.date.to_string(), "2021-06");
        assert!(month.notes.contains("date_prec 4"));
        // No date_end: one day when date_prec says so (or is not given), an error otherwise.
        let text = "id,date_start,date_prec,type_of_violence,latitude,longitude\n1,2021-07-09,1,1,34.6,61.0\n\
                    2,2021-07-09,,1,34.6,61.0\n3,2021-07-09,3,1,34.6,61.0\n";
        let rs: Vec<_> = UcdpReader::new(text.as_bytes(), "g.csv").unwrap().collect();
        assert_eq!(rs[0].as_ref().unwrap().date.to_string(), "2021-07-09");
        assert_eq!(rs[1].as_ref().unwrap().date.to_string(), "2021-07-09");
        assert_eq!(rs[2].as_ref().unwrap_err().0[0].field.as_deref(), Some("date_end"));
    }

    #[test]
    fn bad_fields_are_named_with_their_line() {
        let body = [
            row(&[("date_start", "2021-07-32")]),
            row(&[("date_end", "2021-07-01")]),
            row(&[("type_of_violence", "4")]),
            row(&[("longitude", "")]),
            row(&[("best", "many")]),
            row(&[("latitude", "61.066667"), ("longitude", "34.666667")]),
            row(&[("where_prec", "8")]),
            row(&[("id", "")]),
            row(&[("date_prec", "0")]),
            row(&[("event_clarity", "3")]),
            row(&[("latitude", ""), ("longitude", ""), ("where_coordinates", "")]),
        ]
        .concat();
        let got: Vec<(Option<u64>, Option<String>)> =
            read(&body).iter().map(|r| r.as_ref().unwrap_err().0[0].clone()).map(|d| (d.line, d.field)).collect();
        let want: Vec<(Option<u64>, Option<String>)> = [
            (2, "date_start"),
            (3, "date_end"),
            (4, "type_of_violence"),
            (5, "longitude"),
            (6, "best"),
            (7, "latitude/longitude"),
            (8, "where_prec"),
            (9, "id"),
            (10, "date_prec"),
            (11, "event_clarity"),
            (12, "latitude"),
        ]
        .into_iter()
        .map(|(l, f)| (Some(l), Some(f.to_string())))
        .collect();
        assert_eq!(got, want);
    }

    #[test]
    fn column_order_bom_missing_columns_and_other_formats() {
        let text = "\u{feff}latitude,longitude,type_of_violence,date_end,date_start,id\n34.66,61.07,3,2021-08-01,\
                    2021-08-01,9\n";
        let rs: Vec<_> = UcdpReader::new(text.as_bytes(), "g.csv").unwrap().collect();
        let e = rs[0].as_ref().unwrap();
        assert_eq!(
            (e.id.as_str(), e.event_type, e.fatalities, e.claimed_by.as_str()),
            ("ucdp-9", EventType::Attack, 0, "")
        );
        // Every missing required column at once.
        let e = UcdpReader::new("year,country\n".as_bytes(), "g.csv").err().unwrap();
        let fields: Vec<_> = e.0.iter().map(|d| d.field.clone().unwrap()).collect();
        assert_eq!(fields, ["id", "date_start", "type_of_violence", "date_end", "latitude"]);
        // Coordinates or a place name is enough.
        assert!(
            UcdpReader::new("id,date_start,date_prec,type_of_violence,where_coordinates\n".as_bytes(), "g").is_ok()
        );
        let e = UcdpReader::new("id,date,type,claim_status,place\n".as_bytes(), "g.csv").err().unwrap();
        assert!(e.to_string().contains("bordermap events file"), "{e}");
        let acled = "event_id_cnty,event_date,event_type,latitude,longitude\n";
        let e = UcdpReader::new(acled.as_bytes(), "g.csv").err().unwrap();
        assert!(e.to_string().contains("ACLED export") && e.to_string().contains("--from acled"), "{e}");
        for empty in ["", "\u{feff}", " \n\n"] {
            let e = UcdpReader::new(empty.as_bytes(), "g.csv").err().unwrap();
            assert!(e.to_string().contains("no header row"), "{e}");
        }
        // A header only, and blank trailing rows: no events, no errors.
        assert_eq!(read("").len(), 0);
        assert_eq!(read(&",".repeat(48)).len(), 0);
        assert_eq!(read(&format!("{}\n{}\n", ",".repeat(48), ",".repeat(48))).len(), 0);
    }

    #[test]
    fn crlf_quoted_newlines_and_unclosed_quotes() {
        let body = [
            row(&[("where_description", "near the\r\ncrossing"), ("date_start", "x")]),
            row(&[("date_end", "y")]),
            row(&[("source_headline", "Taliban\r\ntake \"Islam Qala\"")]),
        ]
        .concat()
        .replace("\"\n", "\"\r\n");
        let text = format!("{}{body}", header().replace('\n', "\r\n"));
        let rs: Vec<_> = UcdpReader::new(text.as_bytes(), "g.csv").unwrap().collect();
        let lines: Vec<Option<u64>> = rs[..2].iter().map(|r| r.as_ref().unwrap_err().0[0].line).collect();
        assert_eq!(lines, [Some(2), Some(4)]);
        let e = rs[2].as_ref().unwrap();
        assert_eq!((e.quote.as_str(), e.origin.line), ("Taliban\ntake \"Islam Qala\"", 5));
        // A quote never closed is named, not swallowed.
        let r = row(&[]);
        let cut = format!("{}{}\"cut off\nthe rest", header(), &r[..r.len() - 3]);
        let rs: Vec<_> = UcdpReader::new(cut.as_bytes(), "g.csv").unwrap().collect();
        let d = &rs[0].as_ref().unwrap_err().0[0];
        assert!(d.message.contains("never closed") && d.line == Some(2), "{d:?}");
    }

    #[test]
    fn long_texts_are_bounded() {
        let long = "Taliban take the border ".repeat(100);
        let e = one(&[("source_headline", &long), ("where_description", &long)]).unwrap();
        assert_eq!(e.quote.chars().count(), MAX_QUOTE + 1);
        assert!(e.quote.ends_with('…'));
        assert!(e.notes.chars().count() < 2 * MAX_NOTE_PART + 400);
        let e = one(&[("id", &"9".repeat(100))]).unwrap_err();
        assert_eq!(e.0[0].field.as_deref(), Some("id"));
    }

    proptest::proptest! {
        #[test]
        fn the_date_parser_never_panics(s in "\\PC{0,30}") {
            let _ = parse_date(&s);
        }

        #[test]
        fn no_ucdp_input_panics(bytes in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..300)) {
            let mut text = header().into_bytes();
            text.extend(bytes);
            // Reads, converts, and reads the conversion back (the fuzz target's checks).
            crate::fuzzing::ucdp_csv(&text);
        }

        #[test]
        fn rows_of_odd_fields_convert_and_read_back(
            rows in proptest::collection::vec(
                (
                    "[0-9]{1,6}| 7 |",
                    "[0-4]?",
                    "2021-0[1-9]-[0-3][0-9]( 00:00:00\\.000)?|[0-9]{1,2}/[0-9]{1,2}/2021|2021-02-29|",
                    "2021-0[6-9]-[0-3][0-9]|",
                    "[0-8]?",
                    "3[0-9]\\.[0-9]{1,6}|-?[0-9]{1,3}|",
                    "6[0-9]\\.[0-9]{1,6}|1e3|NaN|",
                    "\\PC{0,12}",
                    "[0-9]{0,3}|-1|",
                    "[A-Za-z ;|]{0,20}",
                ),
                0..6,
            )
        ) {
            let mut text = header();
            for (id, tv, ds, de, wp, lat, lon, free, best, office) in rows {
                text.push_str(&row(&[
                    ("id", &id),
                    ("type_of_violence", &tv),
                    ("date_start", &ds),
                    ("date_end", &de),
                    ("where_prec", &wp),
                    ("latitude", &lat),
                    ("longitude", &lon),
                    ("where_coordinates", &free),
                    ("source_headline", &free),
                    ("conflict_name", &free),
                    ("best", &best),
                    ("source_office", &office),
                ]));
            }
            crate::fuzzing::ucdp_csv(text.as_bytes());
        }
    }
}
