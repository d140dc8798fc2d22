//! Reading the places file (`places.csv`).
//!
//! Columns (header required, order free): `id, name, kind, country, lat, lon` required;
//! `geometry, aliases, geonames_id, source, notes` optional. `aliases` are `|`-separated;
//! `country` is one ISO3 code or two joined by `/` for places on a border; `geometry` is empty
//! for a point or `border:<BORDER-ID>:<from_km>-<to_km>` for the part of a border line between
//! two chainages (the rivers that form borders); several sections are joined by `;`.

use geo::{Geometry, MultiLineString, Point};

use super::place::{BorderSection, Origin, Place, PlaceKind};
use crate::borders::BorderSet;
use crate::diagnostic::Diagnostic;

/// The columns of a places file, in the order the bundled file and writers use.
pub const COLUMNS: [&str; 11] =
    ["id", "name", "kind", "country", "lat", "lon", "geometry", "aliases", "geonames_id", "source", "notes"];
const REQUIRED: [&str; 6] = ["id", "name", "kind", "country", "lat", "lon"];

/// Parses the `border:ID:FROM-TO` geometry form into (border id, from km, to km).
pub fn parse_border_section(spec: &str) -> Result<(String, f64, f64), String> {
    let rest = spec
        .strip_prefix("border:")
        .ok_or_else(|| format!("expected empty or border:<ID>:<from_km>-<to_km>, got {spec:?}"))?;
    let (id, range) = rest.rsplit_once(':').ok_or_else(|| format!("missing ':<from_km>-<to_km>' in {spec:?}"))?;
    let (a, b) = range.split_once('-').ok_or_else(|| format!("chainage range {range:?} is not <from_km>-<to_km>"))?;
    let num = |s: &str| s.trim().parse::<f64>().map_err(|_| format!("chainage {s:?} is not a number"));
    Ok((id.to_string(), num(a)?, num(b)?))
}

/// The geometry a `geometry` cell describes: the point when empty, else one border section or
/// several joined by `;` (a MultiLineString).
pub fn build_geometry(
    spec: &str,
    point: Point<f64>,
    borders: &BorderSet,
) -> Result<(Geometry<f64>, Vec<BorderSection>), String> {
    if spec.is_empty() {
        return Ok((Geometry::Point(point), Vec::new()));
    }
    let mut lines = Vec::new();
    let mut sections = Vec::new();
    for part in spec.split(';').map(str::trim) {
        let (bid, from, to) = parse_border_section(part)?;
        let b = borders.border(&bid).ok_or_else(|| format!("no border with id {bid:?}"))?;
        lines.push(b.section(from, to).map_err(|e| e.to_string())?);
        sections.push(BorderSection { border: b.id.clone(), from_km: from.max(0.0), to_km: to.min(b.length_km()) });
    }
    let g = if lines.len() == 1 {
        Geometry::LineString(lines.pop().expect("one line"))
    } else {
        Geometry::MultiLineString(MultiLineString(lines))
    };
    Ok((g, sections))
}

fn valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !id.starts_with('-')
        && !id.ends_with('-')
}

fn valid_iso3(c: &str) -> bool {
    c.len() == 3 && c.bytes().all(|b| b.is_ascii_uppercase())
}

/// Reads places from CSV text. Every row that parses becomes a [`Place`]; every row that does
/// not yields an error [`Diagnostic`] naming the file, line and field, and is left out (never
/// silently). `file` labels the text in messages.
pub fn read_places(text: &str, file: &str, borders: &BorderSet) -> (Vec<Place>, Vec<Diagnostic>) {
    let mut places = Vec::new();
    let (reader, mut diags) = match PlaceReader::new(text.as_bytes(), file, borders) {
        Ok(r) => r,
        Err(d) => return (places, d),
    };
    for row in reader {
        match row {
            Ok(p) => places.push(p),
            Err(mut d) => diags.append(&mut d),
        }
    }
    (places, diags)
}

/// Streams places from a CSV reader, one row at a time (see [`read_places`]): each item is a
/// place or the errors of its row.
pub struct PlaceReader<'b, R> {
    rdr: csv::Reader<R>,
    columns: Columns,
    file: String,
    borders: &'b BorderSet,
    record: csv::StringRecord,
    done: bool,
}

/// Where each of [`COLUMNS`] is in a file's header.
#[derive(Debug, Clone)]
struct Columns {
    idx: Vec<Option<usize>>,
    len: usize,
}

impl Columns {
    /// The columns of a header; errors when a required one is missing, warnings for unknown ones.
    fn of(headers: &csv::StringRecord, file: &str) -> Result<(Self, Vec<Diagnostic>), Vec<Diagnostic>> {
        let col = |name: &str| headers.iter().position(|h| h.trim() == name);
        let missing: Vec<Diagnostic> = REQUIRED
            .iter()
            .filter(|req| col(req).is_none())
            .map(|req| Diagnostic::error(file, Some(1), Some(req), "required column is missing from the header"))
            .collect();
        if !missing.is_empty() {
            return Err(missing);
        }
        let warnings = headers
            .iter()
            .filter(|h| !COLUMNS.contains(&h.trim()))
            .map(|h| Diagnostic::warning(file, Some(1), Some(h), "unknown column, ignored"))
            .collect();
        Ok((Columns { idx: COLUMNS.iter().map(|c| col(c)).collect(), len: headers.len() }, warnings))
    }
}

/// Parses single rows of a places file (as the loader would read them), reusing one CSV
/// reader: building a reader costs more than parsing a row, which matters when an import
/// validates a million rows.
pub struct RowParser {
    rdr: csv::Reader<std::io::Cursor<Vec<u8>>>,
    columns: Columns,
    record: csv::StringRecord,
}

impl RowParser {
    /// A parser for rows under this header.
    pub fn new(header: &[String], file: &str) -> Result<Self, Vec<Diagnostic>> {
        let (columns, _) = Columns::of(&csv::StringRecord::from(header.to_vec()), file)?;
        let rdr =
            csv::ReaderBuilder::new().has_headers(false).flexible(true).from_reader(std::io::Cursor::new(Vec::new()));
        Ok(RowParser { rdr, columns, record: csv::StringRecord::new() })
    }

    /// Parses one row (the text of one record).
    pub fn parse(&mut self, row: &str, file: &str, borders: &BorderSet) -> Result<Place, Vec<Diagnostic>> {
        let buf = self.rdr.get_mut().get_mut();
        buf.clear();
        buf.extend_from_slice(row.as_bytes());
        let err = |m: String| vec![Diagnostic::error(file, None, None, m)];
        // Seeking to the start also resets the reader's state after the previous row's end.
        self.rdr.seek(csv::Position::new()).map_err(|e| err(e.to_string()))?;
        match self.rdr.read_record(&mut self.record) {
            Ok(true) => parse_record(&self.record, &self.columns, file, borders),
            Ok(false) => Err(err("empty row".into())),
            Err(e) => Err(err(format!("unreadable CSV record: {e}"))),
        }
    }
}

impl<'b, R: std::io::Read> PlaceReader<'b, R> {
    /// Reads the header. Errors when it lacks a required column; warnings for unknown columns.
    pub fn new(input: R, file: &str, borders: &'b BorderSet) -> Result<(Self, Vec<Diagnostic>), Vec<Diagnostic>> {
        let mut rdr = csv::ReaderBuilder::new().flexible(true).from_reader(input);
        let headers = match rdr.headers() {
            Ok(h) => h.clone(),
            Err(e) => return Err(vec![Diagnostic::error(file, Some(1), None, format!("unreadable header: {e}"))]),
        };
        let (columns, warnings) = Columns::of(&headers, file)?;
        let reader = PlaceReader {
            rdr,
            columns,
            file: file.to_string(),
            borders,
            record: csv::StringRecord::new(),
            done: false,
        };
        Ok((reader, warnings))
    }
}

impl<R: std::io::Read> Iterator for PlaceReader<'_, R> {
    type Item = Result<Place, Vec<Diagnostic>>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.done {
            return None;
        }
        match self.rdr.read_record(&mut self.record) {
            Ok(false) => None,
            Ok(true) => Some(parse_record(&self.record, &self.columns, &self.file, self.borders)),
            Err(e) => {
                let line = e.position().map(|p| p.line());
                let d = Diagnostic::error(&self.file, line, None, format!("unreadable CSV record: {e}"));
                // A read error does not go away on retry: report it once and stop.
                self.done = matches!(e.kind(), csv::ErrorKind::Io(_));
                Some(Err(vec![d]))
            }
        }
    }
}

/// Parses one record into a place, or the errors of each bad field.
fn parse_record(
    record: &csv::StringRecord,
    columns: &Columns,
    file: &str,
    borders: &BorderSet,
) -> Result<Place, Vec<Diagnostic>> {
    let line = record.position().map(|p| p.line()).unwrap_or(0);
    if record.len() != columns.len {
        return Err(vec![Diagnostic::error(
            file,
            Some(line),
            None,
            format!("{} fields where the header has {}", record.len(), columns.len),
        )]);
    }
    let get = |c: usize| columns.idx[c].and_then(|i| record.get(i)).unwrap_or("").trim();
    let mut row_errors = Vec::new();
    let mut err = |field: &str, msg: String| {
        row_errors.push(Diagnostic::error(file, Some(line), Some(field), msg));
    };

    let id = get(0);
    if !valid_id(id) {
        err("id", format!("{id:?} is not a valid id (lower-case letters, digits and '-')"));
    }
    let name = get(1);
    if name.is_empty() {
        err("name", "empty".into());
    } else if super::name_too_long(name) {
        err("name", super::too_long_message(name));
    }
    let kind = match get(2).parse::<PlaceKind>() {
        Ok(k) => Some(k),
        Err(m) => {
            err("kind", m);
            None
        }
    };
    let countries: Vec<String> = get(3).split('/').map(|c| c.trim().to_string()).collect();
    if countries.is_empty() || countries.len() > 2 || !countries.iter().all(|c| valid_iso3(c)) {
        err("country", format!("{:?} is not an ISO3 code or two joined by '/' (e.g. AFG, AFG/TJK)", get(3)));
    }
    let coord = |field: &str, raw: &str, limit: f64, err: &mut dyn FnMut(&str, String)| -> Option<f64> {
        match raw.parse::<f64>() {
            Ok(v) if v.is_finite() && v.abs() <= limit => Some(v),
            Ok(v) => {
                err(field, format!("{v} is out of range (±{limit})"));
                None
            }
            Err(_) => {
                err(field, format!("{raw:?} is not a number"));
                None
            }
        }
    };
    let lat = coord("lat", get(4), 90.0, &mut err);
    let lon = coord("lon", get(5), 180.0, &mut err);
    let geometry_spec = get(6).to_string();
    let aliases: Vec<String> = get(7).split('|').map(str::trim).filter(|a| !a.is_empty()).map(str::to_string).collect();
    for a in aliases.iter().filter(|a| super::name_too_long(a)) {
        err("aliases", format!("alias: {}", super::too_long_message(a)));
    }
    let geonames_id = match get(8) {
        "" => None,
        raw => match raw.parse::<u64>() {
            Ok(v) => Some(v),
            Err(_) => {
                err("geonames_id", format!("{raw:?} is not a GeoNames id (a whole number)"));
                None
            }
        },
    };
    let (Some(lat), Some(lon), Some(kind)) = (lat, lon, kind) else {
        return Err(row_errors);
    };
    let point = Point::new(lon, lat);
    let geometry = match build_geometry(&geometry_spec, point, borders) {
        Ok(gs) => Some(gs),
        Err(m) => {
            err("geometry", m);
            None
        }
    };
    if !row_errors.is_empty() {
        return Err(row_errors);
    }
    let (geometry, sections) = geometry.expect("set when no error");
    Ok(Place {
        sections,
        id: id.to_string(),
        name: name.to_string(),
        kind,
        countries,
        point,
        geometry,
        geometry_spec,
        aliases,
        geonames_id,
        source: get(9).to_string(),
        notes: get(10).to_string(),
        origin: Origin { file: file.to_string(), line },
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn borders() -> BorderSet {
        let b = r#"{"type":"FeatureCollection","features":[
          {"type":"Feature","properties":{"id":"A-B","a":"AAA","b":"BBB"},
           "geometry":{"type":"LineString","coordinates":[[65.0,35.0],[65.0,37.0]]}}]}"#;
        BorderSet::from_geojson(b, "b", r#"{"type":"FeatureCollection","features":[]}"#, "c").unwrap()
    }

    #[test]
    fn reads_points_lines_and_aliases() {
        let text = "id,name,kind,country,lat,lon,geometry,aliases,geonames_id,source,notes\n\
                    aaa-one,One,town,AAA,35.5,64.5,,Uno| Eins ,123,src,\n\
                    river-x,X River,river,AAA/BBB,36,65,border:A-B:10-100,X,,src,\n";
        let (places, diags) = read_places(text, "p.csv", &borders());
        assert!(diags.is_empty(), "{diags:?}");
        assert_eq!(places.len(), 2);
        assert_eq!(places[0].aliases, vec!["Uno", "Eins"]);
        assert_eq!(places[0].geonames_id, Some(123));
        assert_eq!(places[0].origin.line, 2);
        assert!(matches!(places[1].geometry, Geometry::LineString(_)));
        assert_eq!(places[1].countries, vec!["AAA", "BBB"]);
    }

    #[test]
    fn names_longer_than_the_cap_are_refused_with_line_and_field() {
        let long = "N".repeat(super::super::MAX_NAME_CHARS + 1);
        let fits = "N".repeat(super::super::MAX_NAME_CHARS);
        let text = format!(
            "id,name,kind,country,lat,lon,geometry,aliases\n\
             aaa-fits,{fits},town,AAA,35,64,,\n\
             aaa-long,{long},town,AAA,35,64,,\n\
             aaa-alias,One,town,AAA,35,64,,Uno|{long}\n"
        );
        let (places, diags) = read_places(&text, "p.csv", &borders());
        assert_eq!(places.len(), 1, "{diags:?}");
        let shown: Vec<String> = diags.iter().map(|d| d.to_string()).collect();
        assert_eq!(diags.len(), 2, "{shown:?}");
        assert!(shown[0].contains("p.csv:3") && shown[0].contains("'name'"), "{}", shown[0]);
        assert!(shown[0].contains("longer than 256 characters") && shown[0].len() < 400, "{}", shown[0]);
        assert!(shown[1].contains("p.csv:4") && shown[1].contains("'aliases'"), "{}", shown[1]);
    }

    #[test]
    fn each_bad_field_is_reported_with_its_line() {
        let text = "id,name,kind,country,lat,lon\n\
                    Bad Id,One,town,AAA,35,64\n\
                    ok-1,,town,AAA,35,64\n\
                    ok-2,Two,hamlet,AAA,35,64\n\
                    ok-3,Three,town,Afghanistan,35,64\n\
                    ok-4,Four,town,AAA,95,64\n\
                    ok-5,Five,town,AAA,35,east\n\
                    ok-6,Six,river,AAA,35,64\n\
                    ok-7,Seven,town,AAA,35\n";
        let (places, diags) = read_places(text, "p.csv", &borders());
        let fields: Vec<(Option<u64>, Option<&str>)> = diags.iter().map(|d| (d.line, d.field.as_deref())).collect();
        assert_eq!(
            fields,
            vec![
                (Some(2), Some("id")),
                (Some(3), Some("name")),
                (Some(4), Some("kind")),
                (Some(5), Some("country")),
                (Some(6), Some("lat")),
                (Some(7), Some("lon")),
                (Some(9), None),
            ]
        );
        assert_eq!(places.len(), 1, "only ok-6 is clean");
    }

    #[test]
    fn bad_geometry_specs_are_errors() {
        let text = "id,name,kind,country,lat,lon,geometry\n\
                    r-1,R,river,AAA,35,64,border:NOPE:0-10\n\
                    r-2,R,river,AAA,35,64,border:A-B:0-9999\n\
                    r-3,R,river,AAA,35,64,LINESTRING(1 2)\n";
        let (places, diags) = read_places(text, "p.csv", &borders());
        assert!(places.is_empty());
        assert_eq!(diags.len(), 3);
        assert!(diags.iter().all(|d| d.field.as_deref() == Some("geometry")), "{diags:?}");
    }

    #[test]
    fn missing_required_column_is_named() {
        let (_, diags) = read_places("id,name,kind,country,lat\n", "p.csv", &borders());
        assert_eq!(diags[0].field.as_deref(), Some("lon"));
    }

    #[test]
    fn border_section_spec_parses() {
        assert_eq!(parse_border_section("border:AFG-TJK:0-12.5").unwrap(), ("AFG-TJK".into(), 0.0, 12.5));
        assert!(parse_border_section("AFG-TJK:0-1").is_err());
        assert!(parse_border_section("border:AFG-TJK:x-1").is_err());
        let b = borders();
        let (g, sections) = build_geometry("border:A-B:0-10; border:A-B:20-30", Point::new(65.0, 35.0), &b).unwrap();
        assert_eq!(sections[1], BorderSection { border: "A-B".into(), from_km: 20.0, to_km: 30.0 });
        assert!(matches!(g, Geometry::MultiLineString(ref m) if m.0.len() == 2));
    }
}
