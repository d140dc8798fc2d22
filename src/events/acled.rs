//! Reading ACLED exports as ACLED publishes them (the codebook's columns, in any order, with
//! extra or missing optional columns, a byte-order mark, CRLF line ends) into bordermap
//! [`Event`]s, one row at a time.
//!
//! Every row maps: its coordinates are its location (`location` kept as the label), its event
//! and sub-event type keep ACLED's words in `acled_event_type`/`acled_sub_event_type`, and
//! [`event_type`] gives the bordermap type each of ACLED's 25 sub-event types implies. ACLED
//! rows are coded from reports: they are `claimed`, by the outlets in the row's `source`
//! (see "ACLED exports" in `maps/README.md` for why). ACLED's `timestamp` is when the row was
//! uploaded to ACLED, not when a report was published, so `source_date` stays empty.
//!
//! A bad row is an error naming the file, its line and the ACLED column; it is never skipped.

use std::io::Read;

use jiff::civil::Date;

use super::export_csv::{ExportCsv, Row, file_error};
use super::{ClaimStatus, Event, EventDate, EventType, Location, Precision, ReadError, Region};
use crate::diagnostic::Diagnostic;
use crate::gazetteer::Origin;

/// ACLED's six event types and their 25 sub-event types (codebook 2023–2024), each with the
/// bordermap type it maps to.
pub const TAXONOMY: [(&str, &str, EventType); 25] = [
    ("Battles", "Armed clash", EventType::Clash),
    ("Battles", "Government regains territory", EventType::Recapture),
    ("Battles", "Non-state actor overtakes territory", EventType::Capture),
    ("Explosions/Remote violence", "Chemical weapon", EventType::ChemicalWeapon),
    ("Explosions/Remote violence", "Air/drone strike", EventType::AirDroneStrike),
    ("Explosions/Remote violence", "Suicide bomb", EventType::SuicideBomb),
    ("Explosions/Remote violence", "Shelling/artillery/missile attack", EventType::ShellingArtilleryMissileAttack),
    ("Explosions/Remote violence", "Remote explosive/landmine/IED", EventType::RemoteExplosive),
    ("Explosions/Remote violence", "Grenade", EventType::Grenade),
    ("Violence against civilians", "Sexual violence", EventType::SexualViolence),
    ("Violence against civilians", "Attack", EventType::Attack),
    ("Violence against civilians", "Abduction/forced disappearance", EventType::Abduction),
    ("Protests", "Peaceful protest", EventType::PeacefulProtest),
    ("Protests", "Protest with intervention", EventType::ProtestWithIntervention),
    ("Protests", "Excessive force against protesters", EventType::ExcessiveForceAgainstProtesters),
    ("Riots", "Violent demonstration", EventType::ViolentDemonstration),
    ("Riots", "Mob violence", EventType::MobViolence),
    ("Strategic developments", "Agreement", EventType::Agreement),
    ("Strategic developments", "Arrests", EventType::Arrests),
    ("Strategic developments", "Change to group/activity", EventType::ChangeToGroupActivity),
    ("Strategic developments", "Disrupted weapons use", EventType::DisruptedWeaponsUse),
    ("Strategic developments", "Headquarters or base established", EventType::Reinforcement),
    ("Strategic developments", "Looting/property destruction", EventType::LootingPropertyDestruction),
    ("Strategic developments", "Non-violent transfer of territory", EventType::Capture),
    ("Strategic developments", "Other", EventType::Other),
];

/// A type or sub-type name compared loosely: lower case, letters and digits only (so
/// "Air/drone strike", "air-drone strike" and "AIR DRONE STRIKE" are one), with ACLED's older
/// spelling "protestors" read as "protesters".
fn key(s: &str) -> String {
    s.to_lowercase().replace("protestors", "protesters").chars().filter(|c| c.is_alphanumeric()).collect()
}

/// The bordermap type of an ACLED row, from its `sub_event_type` (and, when that is empty or
/// not one of the 25, its `event_type`): never refused. A sub-type ACLED may add later falls
/// back to its family: Battles → clash, Violence against civilians → attack, anything else →
/// other; the row keeps ACLED's words in `acled_event_type`/`acled_sub_event_type`.
pub fn event_type(acled_event_type: &str, acled_sub_event_type: &str) -> EventType {
    let sub = key(acled_sub_event_type);
    if let Some(&(_, _, t)) = TAXONOMY.iter().find(|(_, s, _)| key(s) == sub) {
        return t;
    }
    match key(acled_event_type).as_str() {
        "battles" => EventType::Clash,
        "violenceagainstcivilians" => EventType::Attack,
        _ => EventType::Other,
    }
}

use super::date::MONTH_NAMES as MONTHS;

/// Parses ACLED's `event_date`: `24 April 2021` (as in ACLED's CSV downloads; `24-April-2021`
/// and `24 Apr 2021` too) or `2021-04-24` (the API's form). Never panics.
pub fn parse_date(s: &str) -> Result<Date, String> {
    let t = s.trim();
    let bad = || format!("{t:?} is not a date (ACLED writes \"24 April 2021\" or 2021-04-24)");
    if t.is_empty() {
        return Err("empty: an ACLED row needs its event_date".into());
    }
    let parts: Vec<&str> =
        t.split(|c: char| c == '-' || c == '/' || c.is_whitespace()).filter(|p| !p.is_empty()).collect();
    let [a, b, c] = parts[..] else { return Err(bad()) };
    let num = |p: &str, max_len: usize| -> Option<i32> {
        (!p.is_empty() && p.len() <= max_len && p.bytes().all(|b| b.is_ascii_digit())).then(|| p.parse().ok()).flatten()
    };
    let (y, m, d) = if a.len() == 4 {
        (num(a, 4), num(b, 2), num(c, 2))
    } else {
        let month = b.to_lowercase();
        let m = MONTHS.iter().position(|name| month.len() >= 3 && name.starts_with(&month)).map(|i| i as i32 + 1);
        (num(c, 4).filter(|_| c.len() == 4), m, num(a, 2))
    };
    let (Some(y), Some(m), Some(d)) = (y, m, d) else { return Err(bad()) };
    let (Ok(y), Ok(m), Ok(d)) = (i16::try_from(y), i8::try_from(m), i8::try_from(d)) else { return Err(bad()) };
    Date::new(y, m, d).map_err(|_| format!("{t:?} is not a day of the calendar"))
}

/// The ACLED columns bordermap reads.
const READ: [&str; 24] = [
    "event_id_cnty",
    "event_date",
    "time_precision",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "actor2",
    "assoc_actor_2",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "notes",
    "fatalities",
    "tags",
    // As ISO3 in `country`.
    "iso",
    "country",
    // Read only to tell an ACLED export from other files; not kept.
    "disorder_type",
    "timestamp",
];

/// The columns an ACLED export must have for bordermap to read it.
pub const REQUIRED: [&str; 3] = ["event_id_cnty", "event_date", "event_type"];

/// Streams [`Event`]s from an ACLED export (CSV with ACLED's header row).
pub struct AcledReader<R: Read> {
    csv: ExportCsv<R>,
    region: Region,
}

impl<R: Read> AcledReader<R> {
    /// Reads the header row and checks it: every missing required column (event_id_cnty,
    /// event_date, event_type, and latitude/longitude or location) is reported at once, and a
    /// bordermap events file given as ACLED says so.
    pub fn new(reader: R, file: &str) -> Result<Self, ReadError> {
        let no_header = "an ACLED export starts with ACLED's column names (event_id_cnty, event_date, …)";
        let csv = ExportCsv::open(reader, file, &READ, no_header)?;
        let bordermap = ["id", "date", "type", "claim_status"].iter().all(|c| csv.names(c));
        if bordermap && !csv.has("event_id_cnty") {
            return Err(file_error(
                file,
                Some(1),
                "this looks like a bordermap events file (id, date, type, claim_status), not an ACLED export: read it \
                 without --from acled (or with --from bordermap)",
            ));
        }
        let mut errs = Vec::new();
        for c in REQUIRED {
            if !csv.has(c) {
                errs.push(Diagnostic::error(file, Some(1), Some(c), "required ACLED column is missing".to_string()));
            }
        }
        let point = csv.has("latitude") && csv.has("longitude");
        if !point && !csv.has("location") {
            errs.push(Diagnostic::error(
                file,
                Some(1),
                Some("latitude"),
                "no location column: an ACLED row needs latitude and longitude, or location".to_string(),
            ));
        }
        if !errs.is_empty() {
            return Err(ReadError(errs));
        }
        Ok(AcledReader { csv, region: Region::DEFAULT })
    }

    /// Checks coordinates against `region` instead of [`Region::DEFAULT`].
    pub fn with_region(mut self, region: Region) -> Self {
        self.region = region;
        self
    }
}

/// ACLED's `; `-separated sources as bordermap's `|`-separated list.
fn sources(s: &str) -> String {
    s.split(';').map(str::trim).filter(|s| !s.is_empty()).collect::<Vec<_>>().join("|")
}

fn convert(row: &Row, file: &str, line: u64, region: &Region) -> Result<Event, ReadError> {
    let mut errs = Vec::new();
    let mut err = |field: &str, msg: String| errs.push(Diagnostic::error(file, Some(line), Some(field), msg));
    let id = row.get("event_id_cnty").to_string();
    if id.is_empty() {
        err("event_id_cnty", "empty".into());
    }
    let precision = match row.get("time_precision") {
        "" => None,
        t => match t.parse::<u8>().ok().and_then(Precision::from_code) {
            Some(p) => Some(p),
            None => {
                err("time_precision", format!("{t:?} is not 1, 2 or 3"));
                None
            }
        },
    };
    let date = match parse_date(row.get("event_date")).and_then(|d| EventDate::parse(&d.to_string(), precision)) {
        Ok(d) => Some(d),
        Err(m) => {
            err("event_date", m);
            None
        }
    };
    let mut number = |field: &str, range: std::ops::RangeInclusive<f64>| -> Option<f64> {
        super::read::number_in(row.get(field), range).unwrap_or_else(|m| {
            err(field, m);
            None
        })
    };
    let lat = number("latitude", -90.0..=90.0);
    let lon = number("longitude", -180.0..=180.0);
    let geo_precision = number("geo_precision", 1.0..=3.0).map(|v| v as u8);
    let place = row.get("location").to_string();
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
            err("latitude", "no latitude/longitude and no location: the row has no place".into());
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
    let fatalities = match row.get("fatalities") {
        "" => 0,
        t => t.parse::<u32>().unwrap_or_else(|_| {
            err("fatalities", format!("{t:?} is not a count (a whole number, 0 or more)"));
            0
        }),
    };
    let (Some(date), Some(location)) = (date, location) else { return Err(ReadError(errs)) };
    if !errs.is_empty() {
        return Err(ReadError(errs));
    }
    let (acled_type, acled_sub) = (row.get("event_type"), row.get("sub_event_type"));
    let t = event_type(acled_type, acled_sub);
    // ACLED's words as given; an empty one is derived from the type, as for bordermap's own
    // records (so that a converted record reads back the same).
    let or = |given: &str, derived: &str| if given.is_empty() { derived.to_string() } else { given.to_string() };
    let source = sources(row.get("source"));
    Ok(Event {
        id,
        date,
        location,
        event_type: t,
        acled_event_type: or(acled_type, t.acled().0),
        acled_sub_event_type: or(acled_sub, t.acled().1),
        actor: row.get("actor1").to_string(),
        actor2: row.get("actor2").to_string(),
        claim_status: ClaimStatus::Claimed,
        claimed_by: source.clone(),
        disputed_by: String::new(),
        share: None,
        source,
        url: String::new(),
        // ACLED's `timestamp` is when the row was uploaded, not when a report was published.
        source_date: None,
        quote: String::new(),
        notes: row.get("notes").to_string(),
        geo_precision,
        fatalities,
        admin1: row.get("admin1").to_string(),
        admin2: row.get("admin2").to_string(),
        admin3: row.get("admin3").to_string(),
        assoc_actor_1: row.get("assoc_actor_1").to_string(),
        assoc_actor_2: row.get("assoc_actor_2").to_string(),
        tags: row.get("tags").to_string(),
        country: super::country::iso3(row.get("iso"))
            .or_else(|| super::country::iso3(row.get("country")))
            .unwrap_or("")
            .to_string(),
        origin: Origin { file: file.to_string(), line },
    })
}

impl<R: Read> Iterator for AcledReader<R> {
    type Item = Result<Event, ReadError>;

    fn next(&mut self) -> Option<Self::Item> {
        let region = self.region;
        Some(self.csv.next_row()?.and_then(|(line, row)| convert(&row, row.file, line, &region)))
    }
}

#[cfg(test)]
mod tests {
    use super::super::input::CrlfToLf;
    use super::*;

    const HEADER: &str = "event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,\
                          assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,iso,region,\
                          country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,source_scale,\
                          notes,fatalities,tags,timestamp\n";

    fn read(body: &str) -> Vec<Result<Event, ReadError>> {
        AcledReader::new(format!("{HEADER}{body}").as_bytes(), "a.csv").unwrap().collect()
    }

    #[test]
    fn the_taxonomy_has_six_types_and_25_sub_types_each_mapped() {
        let families: std::collections::BTreeSet<&str> = TAXONOMY.iter().map(|t| t.0).collect();
        assert_eq!(families.len(), 6);
        for (family, sub, t) in TAXONOMY {
            assert_eq!(event_type(family, sub), t, "{sub}");
            assert_eq!(event_type("", &sub.to_uppercase()), t, "{sub}");
            // A type of ACLED's own says so the other way round too.
            if !matches!(t, EventType::Clash | EventType::Capture | EventType::Recapture | EventType::Reinforcement) {
                assert_eq!(t.acled(), (family, sub), "{t:?}");
            }
        }
        assert_eq!(
            event_type("Protests", "Excessive force against protestors"),
            EventType::ExcessiveForceAgainstProtesters
        );
        assert_eq!(event_type("Battles", ""), EventType::Clash);
        assert_eq!(event_type("Violence against civilians", "Something new"), EventType::Attack);
        assert_eq!(event_type("Something", "else"), EventType::Other);
    }

    #[test]
    fn both_date_forms_parse() {
        let d = Date::new(2021, 4, 24).unwrap();
        for s in ["24 April 2021", "2021-04-24", " 24-April-2021 ", "24 Apr 2021", "24 april 2021", "24/April/2021"] {
            assert_eq!(parse_date(s), Ok(d), "{s}");
        }
        for s in ["", "April 2021", "31 February 2021", "24 Ap 2021", "24 April 21", "2021-13-01", "x y z"] {
            assert!(parse_date(s).is_err(), "{s}");
        }
    }

    #[test]
    fn a_row_maps_with_its_fields() {
        let rs = read(
            "AFG54321,09 July 2021,2021,1,Political violence,Battles,Non-state actor overtakes territory,Taliban,,2,\
             Military Forces of Afghanistan (2004-2021),,1,12,,4,South Asia,Afghanistan,Herat,Kohsan,,Islam Qala,34.6614,\
             61.0664,1,Pajhwok Afghan News; Xinhua,National-International,\"Taliban took the \"\"Islam Qala\"\" crossing, officials said.\",3,,1626134400\n",
        );
        let e = rs[0].as_ref().unwrap();
        assert_eq!(e.id, "AFG54321");
        assert_eq!(e.event_type, EventType::Capture);
        assert_eq!(e.acled_sub_event_type, "Non-state actor overtakes territory");
        assert_eq!(e.location, Location::Point { lon: 61.0664, lat: 34.6614, label: Some("Islam Qala".into()) });
        assert_eq!((e.claim_status, e.claimed_by.as_str()), (ClaimStatus::Claimed, "Pajhwok Afghan News|Xinhua"));
        assert_eq!((e.fatalities, e.admin1.as_str(), e.admin2.as_str()), (3, "Herat", "Kohsan"));
        assert_eq!(e.notes, "Taliban took the \"Islam Qala\" crossing, officials said.");
        assert_eq!((e.geo_precision, e.source_date, e.origin.line), (Some(1), None, 2));
        assert_eq!(e.country, "AFG");
    }

    #[test]
    fn bad_fields_are_named_with_their_line() {
        let ok = "Political violence,Battles,Armed clash,Taliban,,2,,,,,,4,South Asia,Afghanistan,Herat,,,X";
        let rs = read(&format!(
            "A1,9 Jully 2021,2021,1,{ok},34.6,61.0,1,S,,n,0,,1\n\
             A2,2021-07-09,2021,5,{ok},34.6,61.0,1,S,,n,0,,1\n\
             A3,2021-07-09,2021,1,{ok},34.6,,1,S,,n,0,,1\n\
             A4,2021-07-09,2021,1,{ok},34.6,61.0,1,S,,n,many,,1\n\
             A5,2021-07-09,2021,1,{ok},61.0,34.6,1,S,,n,0,,1\n"
        ));
        let got: Vec<(Option<u64>, Option<String>)> =
            rs.iter().map(|r| r.as_ref().unwrap_err().0[0].clone()).map(|d| (d.line, d.field)).collect();
        let want: Vec<(Option<u64>, Option<String>)> =
            [(2, "event_date"), (3, "time_precision"), (4, "longitude"), (5, "fatalities"), (6, "latitude/longitude")]
                .into_iter()
                .map(|(l, f)| (Some(l), Some(f.to_string())))
                .collect();
        assert_eq!(got, want);
    }

    #[test]
    fn column_order_bom_crlf_and_missing_optional_columns_are_fine() {
        let text =
            "\u{feff}latitude,longitude,event_type,event_date,event_id_cnty\r\n34.66,61.07,Riots,2021-08-01,A1\r\n";
        let rs: Vec<_> = AcledReader::new(text.as_bytes(), "a.csv").unwrap().collect();
        let e = rs[0].as_ref().unwrap();
        assert_eq!((e.event_type, e.fatalities, e.claimed_by.as_str()), (EventType::Other, 0, ""));
        let e = AcledReader::new("event_date,location\n".as_bytes(), "a.csv").err().unwrap();
        let fields: Vec<_> = e.0.iter().map(|d| d.field.clone().unwrap()).collect();
        assert_eq!(fields, ["event_id_cnty", "event_type"]);
        let e = AcledReader::new("id,date,type,claim_status,place\n".as_bytes(), "a.csv").err().unwrap();
        assert!(e.to_string().contains("bordermap events file"), "{e}");
    }

    #[test]
    fn crlf_rows_have_their_own_line_numbers() {
        let body = "A1,x,2021,1,,Battles,Armed clash,T,,,,,,,,,,,,,,X,34.6,61.0,1,S,,\"a\r\nb\",0,,1\r\n\
                    A2,y,2021,1,,Battles,Armed clash,T,,,,,,,,,,,,,,X,34.6,61.0,1,S,,n,0,,1\r\n\
                    A3,2021-07-09,2021,1,,Battles,Armed clash,T,,,,,,,,,,,,,,X,34.6,61.0,1,S,,\"r\rq\",0,,1\r";
        let text = format!("{}{body}", HEADER.replace('\n', "\r\n"));
        let rs: Vec<_> = AcledReader::new(text.as_bytes(), "a.csv").unwrap().collect();
        let lines: Vec<Option<u64>> = rs[..2].iter().map(|r| r.as_ref().unwrap_err().0[0].line).collect();
        assert_eq!(lines, [Some(2), Some(4)]);
        assert_eq!(rs[2].as_ref().unwrap().notes, "r\rq");
        // However the input arrives.
        let mut out = Vec::new();
        let mut r = CrlfToLf::new(std::io::Read::chain(&b"a\r"[..], &b"\nb\r"[..]));
        r.buf = vec![0; 1];
        std::io::copy(&mut r, &mut out).unwrap();
        assert_eq!(out, b"a\nb\r");
    }

    proptest::proptest! {
        #[test]
        fn the_date_parser_never_panics(s in "\\PC{0,30}") {
            let _ = parse_date(&s);
        }

        #[test]
        fn the_date_parser_takes_both_forms(y in 1900i16..2100, m in 1i8..=12, d in 1i8..=28) {
            let date = Date::new(y, m, d).unwrap();
            let long = format!("{d} {} {y}", MONTHS[(m - 1) as usize]);
            proptest::prop_assert_eq!(parse_date(&long), Ok(date));
            proptest::prop_assert_eq!(parse_date(&date.to_string()), Ok(date));
        }

        #[test]
        fn no_acled_input_panics(bytes in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..200)) {
            let mut text = HEADER.as_bytes().to_vec();
            text.extend(bytes);
            // Reads, converts, and reads the conversion back (the fuzz target's checks).
            crate::fuzzing::acled_csv(&text);
        }

        #[test]
        fn rows_of_odd_fields_convert_and_read_back(
            rows in proptest::collection::vec(
                (
                    "A[0-9]{1,3}| A1 |",
                    "[0-9]{1,2} (April|Apr|july|Jully) 20[0-9]{2}|2021-0[1-9]-[0-3][0-9]|2021-02-29|",
                    "[0-4]?",
                    "Battles|Riots|Protests|Strategic developments|x|",
                    "Armed clash|Other|Peaceful protestors|Air/drone strike|y|",
                    "3[0-9]\\.[0-9]{1,6}|-?[0-9]{1,3}|",
                    "6[0-9]\\.[0-9]{1,6}|1e3|NaN|",
                    "\\PC{0,12}",
                    "[0-9]{0,3}|-1|",
                ),
                0..6,
            )
        ) {
            let mut text = String::from(HEADER);
            let q = |s: &str| format!("\"{}\"", s.replace('"', "\"\""));
            for (id, date, tp, et, st, lat, lon, notes, fat) in rows {
                text.push_str(&format!(
                    "{id},{date},2021,{tp},,{et},{st},T,,,,,,,,,,,,,,{},{lat},{lon},,A; B,,{},{fat},,\n",
                    q(&notes),
                    q(&notes)
                ));
            }
            crate::fuzzing::acled_csv(text.as_bytes());
        }
    }
}
