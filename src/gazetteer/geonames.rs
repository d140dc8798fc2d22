//! Importing GeoNames dumps (`allCountries.txt`, `AF.txt`, `cities500.txt` … and the optional
//! `alternateNamesV2.txt`) into a user places file.
//!
//! The dump is streamed: a row is parsed, filtered (country, feature code, then a bounding box
//! around the borders, then the geodesic distance to the nearest border) and either kept or
//! counted as skipped, so memory holds only the places kept. Alternate names are then
//! streamed for the kept ids only. Codes, URLs, generic words and scripts that fold badly
//! (CJK, Georgian …) are not kept as aliases; Latin, Cyrillic and Arabic script (Dari,
//! Pashto, Persian, Arabic, Urdu: see `fold::letter_form`) are. Places already in the gazetteer (same GeoNames
//! id, or the same folded name within [`SAME_PLACE_KM`]) are merged, not duplicated: their
//! new aliases are added. Everything is written in one locked, atomic update (see
//! [`super::edit`]).

use std::collections::{BTreeMap, HashMap, HashSet};
use std::io::BufRead;

use geo::{Distance, Geodesic, Point};

use super::{Gazetteer, PlaceFacts, PlaceKind, fold};
use crate::diagnostic::{Diagnostic, DiagnosticList};

/// A dump line without its line end, or why it is not text.
/// Calls `f` with each line's number (1-based) and its text, or why it is not UTF-8 text;
/// `progress` gets the bytes read.
fn each_line(
    mut input: impl BufRead,
    mut progress: impl FnMut(u64),
    mut f: impl FnMut(u64, Result<&str, String>),
) -> std::io::Result<()> {
    let mut buf = Vec::new();
    let mut line_no = 0u64;
    loop {
        buf.clear();
        let n = input.read_until(b'\n', &mut buf)?;
        if n == 0 {
            return Ok(());
        }
        line_no += 1;
        progress(n as u64);
        f(line_no, utf8_line(&buf));
    }
}

fn utf8_line(bytes: &[u8]) -> Result<&str, String> {
    let bytes = bytes.strip_suffix(b"\n").unwrap_or(bytes);
    let bytes = bytes.strip_suffix(b"\r").unwrap_or(bytes);
    std::str::from_utf8(bytes).map_err(|e| {
        let at = e.valid_up_to();
        format!(
            "not UTF-8 text: byte 0x{:02X} at byte {} of the row (GeoNames dumps are UTF-8; was the file converted \
             to another encoding?)",
            bytes[at],
            at + 1
        )
    })
}

/// Two places with the same folded name closer than this are the same place.
pub const SAME_PLACE_KM: f64 = 5.0;
/// At most this many aliases are kept per imported place.
pub const MAX_ALIASES: usize = 30;
/// Feature codes imported when none are given: populated places, border posts, streams,
/// passes, bridges, military bases, first- and second-level divisions.
pub const DEFAULT_FEATURE_CODES: &[&str] = &[
    "P.PPL", "P.PPLA", "P.PPLA2", "P.PPLA3", "P.PPLA4", "P.PPLC", "P.PPLX", "S.PSTB", "H.STM", "T.PASS", "S.BDG",
    "S.MILB", "A.ADM1", "A.ADM2",
];
/// Alternate-name "languages" that are not names.
pub(crate) const NOT_NAMES: &[&str] =
    &["link", "post", "iata", "icao", "faac", "abbr", "unlc", "wkdt", "fr_1793", "tcid"];

/// ISO 3166 alpha-2 to alpha-3 for the countries of the region.
pub fn iso3(iso2: &str) -> Option<&'static str> {
    Some(match iso2 {
        "AF" => "AFG",
        "TJ" => "TJK",
        "IR" => "IRN",
        "TM" => "TKM",
        "UZ" => "UZB",
        "PK" => "PAK",
        "CN" => "CHN",
        "RU" => "RUS",
        "KG" => "KGZ",
        "KZ" => "KAZ",
        "IN" => "IND",
        _ => return None,
    })
}

/// The kind of place for a GeoNames feature class and code (and population).
pub fn kind_for(class_code: &str, population: u64) -> Option<PlaceKind> {
    Some(match class_code {
        "P.PPLC" | "P.PPLA" => PlaceKind::City,
        "P.PPLA2" | "P.PPLA3" | "P.PPLA4" => PlaceKind::Town,
        c if c.starts_with("P.") => {
            if population >= 100_000 {
                PlaceKind::City
            } else if population >= 10_000 {
                PlaceKind::Town
            } else {
                PlaceKind::Village
            }
        }
        "S.PSTB" => PlaceKind::Crossing,
        "H.STM" => PlaceKind::River,
        "T.PASS" => PlaceKind::Pass,
        "S.BDG" => PlaceKind::Bridge,
        "S.MILB" => PlaceKind::Base,
        "A.ADM1" => PlaceKind::Province,
        "A.ADM2" => PlaceKind::District,
        _ => return None,
    })
}

/// What to import.
#[derive(Debug, Clone)]
pub struct ImportOptions {
    /// ISO2 country codes to keep (empty: all the region's countries).
    pub countries: Vec<String>,
    /// `class.code` values to keep.
    pub feature_codes: Vec<String>,
    /// Keep only places within this distance of a border.
    pub within_km: Option<f64>,
}

impl Default for ImportOptions {
    fn default() -> Self {
        ImportOptions {
            countries: Vec::new(),
            feature_codes: DEFAULT_FEATURE_CODES.iter().map(|s| s.to_string()).collect(),
            within_km: None,
        }
    }
}

/// A place read from a dump and kept.
#[derive(Debug, Clone, PartialEq)]
pub struct Imported {
    /// GeoNames id.
    pub geonames_id: u64,
    /// Name.
    pub name: String,
    /// Kind.
    pub kind: PlaceKind,
    /// ISO3.
    pub country: &'static str,
    /// Latitude.
    pub lat: f64,
    /// Longitude.
    pub lon: f64,
    /// Aliases (ASCII name and alternate names, filtered).
    pub aliases: Vec<String>,
    /// Feature class and code, e.g. `P.PPLA2`.
    pub feature: String,
    /// Modification date in the dump.
    pub modified: String,
}

/// Counts of what happened to the rows.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct ImportStats {
    /// Rows read.
    pub rows: u64,
    /// Kept (before merging).
    pub kept: u64,
    /// Skipped, by reason.
    pub skipped: BTreeMap<&'static str, u64>,
    /// Malformed rows (the first ones listed in `problems`).
    pub malformed: u64,
    /// Alternate-name rows read, and used.
    pub alternate_rows: u64,
    /// Alternate names added as aliases.
    pub alternate_used: u64,
    /// Alternate-name rows that could not be read (listed in `problems` too).
    pub alternate_malformed: u64,
}

/// At most this many malformed rows are listed by file and line.
pub const MAX_LISTED_PROBLEMS: usize = 20;

/// Streams places out of GeoNames dump rows.
pub struct Importer<'a> {
    gz: &'a Gazetteer,
    opts: ImportOptions,
    codes: HashSet<String>,
    countries: HashSet<String>,
    bbox: Option<(f64, f64, f64, f64)>,
    /// Kept places by GeoNames id, in input order of first sight.
    pub kept: Vec<Imported>,
    by_id: HashMap<u64, usize>,
    /// What happened.
    pub stats: ImportStats,
    /// Malformed rows, by file and line (the first [`MAX_LISTED_PROBLEMS`]).
    pub problems: Vec<Diagnostic>,
}

pub(crate) fn usable_alias(s: &str) -> bool {
    let t = s.trim();
    if t.is_empty() || t.len() > 80 || t.contains("://") || t.starts_with("www.") {
        return false;
    }
    // Codes: digits, or short all-caps letters/digits ("TRK", "AF-KDZ").
    if t.chars().all(|c| c.is_ascii_digit() || c == '-' || c == ' ')
        || (t.len() <= 6 && t.chars().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '-'))
    {
        return false;
    }
    // Latin (with diacritics), Cyrillic and Arabic script (its letter forms, marks and digits
    // folded to the Dari letters by `fold::letter_form`) fold well; CJK becomes pinyin-like
    // noise: left out.
    let arabic = |c: char| {
        ('\u{0600}'..='\u{06FF}').contains(&c)
            || ('\u{0750}'..='\u{077F}').contains(&c)
            || ('\u{FB50}'..='\u{FDFF}').contains(&c)
            || ('\u{FE70}'..='\u{FEFF}').contains(&c)
            || ('\u{200C}'..='\u{200F}').contains(&c)
    };
    if !t.chars().all(|c| {
        c.is_ascii()
            || ('\u{00C0}'..='\u{024F}').contains(&c)
            || ('\u{0400}'..='\u{04FF}').contains(&c)
            || ('\u{1E00}'..='\u{1EFF}').contains(&c)
            || "‘’ʻʼʿʾ`´".contains(c)
            || arabic(c)
    }) {
        return false;
    }
    // Arabic script: a name needs a letter (not only digits and marks).
    if t.chars().any(arabic) {
        return t.chars().any(|c| c.is_alphabetic()) && !fold::is_generic(&fold::canonical(t));
    }
    // GeoNames lists lower-case romanisations of Arabic-script names ("khsan", "bazar
    // qrghan"): consonant noise, not spellings anyone writes. Real names start with a capital.
    if !t.chars().next().is_some_and(char::is_uppercase) {
        return false;
    }
    !fold::is_generic(&fold::canonical(t))
}

impl<'a> Importer<'a> {
    /// An importer for the gazetteer's borders.
    pub fn new(gz: &'a Gazetteer, opts: ImportOptions) -> Self {
        let codes = opts.feature_codes.iter().map(|c| c.trim().to_ascii_uppercase()).collect();
        let countries = opts.countries.iter().map(|c| c.trim().to_ascii_uppercase()).collect();
        // A box around every border, widened by the distance (a degree of longitude is at
        // least 60 km up to 57° N): rows outside it skip the exact distance computation.
        let bbox = opts.within_km.map(|km| {
            let (mut x0, mut y0, mut x1, mut y1) = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
            for c in gz.borders().borders.iter().flat_map(|b| b.line.0.iter()) {
                (x0, y0, x1, y1) = (x0.min(c.x), y0.min(c.y), x1.max(c.x), y1.max(c.y));
            }
            let (dlat, dlon) = (km / 110.0 + 0.01, km / 60.0 + 0.01);
            (x0 - dlon, y0 - dlat, x1 + dlon, y1 + dlat)
        });
        Importer {
            gz,
            opts,
            codes,
            countries,
            bbox,
            kept: Vec::new(),
            by_id: HashMap::new(),
            stats: ImportStats::default(),
            problems: Vec::new(),
        }
    }

    fn skip(&mut self, why: &'static str) {
        *self.stats.skipped.entry(why).or_default() += 1;
    }

    fn malformed(&mut self, file: &str, line: u64, field: &str, msg: String) {
        self.stats.malformed += 1;
        self.problem(file, line, field, msg);
    }

    /// Lists a problem (the first [`MAX_LISTED_PROBLEMS`]).
    fn problem(&mut self, file: &str, line: u64, field: &str, msg: String) {
        if self.problems.len() < MAX_LISTED_PROBLEMS {
            self.problems.push(Diagnostic::error(file, Some(line), Some(field), msg));
        }
    }

    /// Reads one dump row (19 tab-separated columns).
    pub fn row(&mut self, line_text: &str, file: &str, line: u64) {
        self.stats.rows += 1;
        let cols: Vec<&str> = line_text.trim_end_matches(['\n', '\r']).split('\t').collect();
        if cols.len() != 19 {
            self.malformed(file, line, "row", format!("{} columns where GeoNames rows have 19", cols.len()));
            return;
        }
        let Ok(id) = cols[0].parse::<u64>() else {
            return self.malformed(file, line, "geonameid", format!("{:?} is not a number", cols[0]));
        };
        let feature = format!("{}.{}", cols[6], cols[7]);
        if !self.countries.is_empty() && !self.countries.contains(cols[8]) {
            return self.skip("other country");
        }
        let Some(country) = iso3(cols[8]) else { return self.skip("country outside the region") };
        if !self.codes.contains(&feature) {
            return self.skip("feature code not selected");
        }
        let (Ok(lat), Ok(lon)) = (cols[4].parse::<f64>(), cols[5].parse::<f64>()) else {
            return self.malformed(
                file,
                line,
                "latitude/longitude",
                format!("{:?}, {:?} are not numbers", cols[4], cols[5]),
            );
        };
        if !(lat.is_finite() && lon.is_finite() && lat.abs() <= 90.0 && lon.abs() <= 180.0) {
            return self.malformed(file, line, "latitude/longitude", format!("{lat}, {lon} out of range"));
        }
        if let Some((x0, y0, x1, y1)) = self.bbox
            && !(x0..=x1).contains(&lon) | !(y0..=y1).contains(&lat)
        {
            return self.skip("farther than --within-km from a border");
        }
        if let Some(km) = self.opts.within_km
            && !self.gz.borders().within_m(Point::new(lon, lat), km * 1000.0)
        {
            return self.skip("farther than --within-km from a border");
        }
        let population = cols[14].parse::<u64>().unwrap_or(0);
        let Some(kind) = kind_for(&feature, population) else { return self.skip("feature code not selected") };
        let name = cols[1].trim().to_string();
        if name.is_empty() {
            return self.malformed(file, line, "name", "empty".into());
        }
        let mut aliases = Vec::new();
        let mut seen: HashSet<String> = HashSet::from([fold::alias_key(&name)]);
        for a in std::iter::once(cols[2]).chain(cols[3].split(',')) {
            if aliases.len() < MAX_ALIASES && usable_alias(a) && seen.insert(fold::alias_key(a)) {
                aliases.push(a.trim().to_string());
            }
        }
        if self.by_id.contains_key(&id) {
            return self.skip("duplicate geonameid");
        }
        self.by_id.insert(id, self.kept.len());
        self.stats.kept += 1;
        self.kept.push(Imported {
            geonames_id: id,
            name,
            kind,
            country,
            lat,
            lon,
            aliases,
            feature,
            modified: cols[18].to_string(),
        });
    }

    /// Reads a whole dump. A row that is not UTF-8 is a malformed row (file and line), not the
    /// end of the import; only a failure to read is an error.
    pub fn read(&mut self, input: impl BufRead, file: &str, progress: impl FnMut(u64)) -> std::io::Result<()> {
        each_line(input, progress, |line_no, line| match line {
            Ok(line) if line.is_empty() || line.starts_with('#') => {}
            Ok(line) => self.row(line, file, line_no),
            Err(msg) => {
                self.stats.rows += 1;
                self.malformed(file, line_no, "row", msg);
            }
        })
    }

    /// Reads an alternateNamesV2 file, adding the usable names of kept places as aliases. A
    /// row that is not UTF-8 is counted as malformed and listed (under `alternate names`).
    pub fn read_alternate_names(&mut self, input: impl BufRead, progress: impl FnMut(u64)) -> std::io::Result<()> {
        each_line(input, progress, |line_no, line| {
            self.stats.alternate_rows += 1;
            match line {
                Ok(line) => self.alternate_name(line),
                Err(msg) => {
                    self.stats.alternate_malformed += 1;
                    self.problem("alternate names", line_no, "row", msg);
                }
            }
        })
    }

    /// One alternateNamesV2 row: its name becomes an alias of a kept place when it is one the
    /// press could write.
    fn alternate_name(&mut self, line: &str) {
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() < 4 {
            return;
        }
        let Some(&k) = cols[1].parse::<u64>().ok().and_then(|id| self.by_id.get(&id)) else { return };
        if NOT_NAMES.contains(&cols[2]) || cols.get(6) == Some(&"1") || !usable_alias(cols[3]) {
            return; // codes, links; colloquial names are not what the press writes
        }
        let p = &mut self.kept[k];
        let key = fold::alias_key(cols[3]);
        if p.aliases.len() < MAX_ALIASES
            && fold::alias_key(&p.name) != key
            && !p.aliases.iter().any(|a| fold::alias_key(a) == key)
        {
            p.aliases.push(cols[3].trim().to_string());
            self.stats.alternate_used += 1;
        }
    }

    /// The malformed rows as text: the first ones listed, then how many more (see
    /// [`DiagnosticList`]); empty when there were none.
    pub fn problem_list(&self, indent: &str) -> String {
        DiagnosticList::new(&self.problems).total(self.stats.malformed as usize).indent(indent).to_string()
    }

    /// The existing place an imported one is the same as: same GeoNames id, or the same folded
    /// name within [`SAME_PLACE_KM`] and a kind of the same sort ([`same_sort`]: a town is not
    /// the province or the district named after it, whose centre it may be).
    pub fn existing_match(&self, p: &Imported) -> Option<usize> {
        if let Some(i) = self.gz.place_by_geonames(p.geonames_id) {
            return Some(i);
        }
        let here = Point::new(p.lon, p.lat);
        self.gz.places_with_canonical(&fold::canonical(&p.name)).into_iter().find(|&i| {
            same_sort(PlaceFacts::kind(self.gz, i), p.kind)
                && Geodesic.distance(PlaceFacts::point(self.gz, i), here) / 1000.0 <= SAME_PLACE_KM
        })
    }
}

/// Whether two kinds can be one place: areas (country, province, district) and lines (river,
/// border) only of the same kind; the point places (a city, a town, a crossing …) among
/// themselves, since sources disagree on what a place is ("town" or "crossing").
pub fn same_sort(a: PlaceKind, b: PlaceKind) -> bool {
    use PlaceKind::*;
    let point = |k: PlaceKind| !matches!(k, Country | Province | District | River | Border);
    a == b || (point(a) && point(b))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_town_is_not_the_province_or_district_named_after_it() {
        use PlaceKind::*;
        assert!(same_sort(Town, Crossing) && same_sort(City, Town) && same_sort(Province, Province));
        for (a, b) in [(Town, Province), (City, District), (Village, Country), (Town, River), (District, Province)] {
            assert!(!same_sort(a, b) && !same_sort(b, a), "{a:?} {b:?}");
        }
    }

    #[test]
    fn aliases_drop_codes_links_scripts_and_generic_words() {
        for ok in [
            "Tartki",
            "Тартики",
            "Qal‘ah-ye Kūf",
            "Mazār-e Sharīf",
            "Khwaja Ghar",
            "تارتیکی",
            "كهسان",
            "مزار\u{200C}شریف",
            "اسلام قلعه",
            "شیرخان بندر",
        ] {
            assert!(usable_alias(ok), "{ok}");
        }
        for no in [
            "",
            "735140",
            "TRK",
            "AF-KDZ",
            "https://en.wikipedia.org/wiki/X",
            "Qishlaq",
            "قلعه",
            "خواجه",
            "ولسوالی",
            "۱۲۳",
            "Khwaja",
            "库尔干",
            "khsan",
            "bazar qrghan",
        ] {
            assert!(!usable_alias(no), "{no}");
        }
    }

    #[test]
    fn bad_utf8_byte_in_geonames_row_is_an_error_with_its_line() {
        let gz = Gazetteer::bundled().unwrap();
        let mut imp = Importer::new(&gz, ImportOptions::default());
        let row = |id: u32, name: &[u8]| -> Vec<u8> {
            let mut r = format!("{id}\t").into_bytes();
            r.extend_from_slice(name);
            r.extend_from_slice(b"\tTartki\t\t37.1\t68.4\tP\tPPL\tTJ\t\t\t\t\t\t0\t\t400\tAsia/Dushanbe\t2020-01-01\n");
            r
        };
        let mut dump = row(1, b"Tartki");
        dump.extend(row(2, b"Tart\xFFki"));
        dump.extend(row(3, b"Kalai"));
        imp.read(dump.as_slice(), "AF.txt", |_| {}).expect("a bad byte does not stop the import");
        assert_eq!((imp.stats.rows, imp.stats.kept, imp.stats.malformed), (3, 2, 1));
        let d = imp.problems[0].to_string();
        assert!(d.starts_with("AF.txt:2: error: field 'row': not UTF-8 text: byte 0xFF at byte 7"), "{d}");
        assert_eq!(imp.problem_list("  "), format!("  {d}"));
        let mut alt = b"1\t1\tru\t\xC0\t\t\t\t\t\t\n".to_vec();
        alt.extend(b"2\t3\ten\tKalai-Khumb\t\t\t\t\t\t\n");
        imp.read_alternate_names(alt.as_slice(), |_| {}).unwrap();
        // Counted apart: `malformed` is of dump rows (rows = kept + skipped + malformed).
        assert_eq!((imp.stats.malformed, imp.stats.alternate_malformed, imp.stats.alternate_used), (1, 1, 1));
        assert!(imp.problems[1].to_string().starts_with("alternate names:1: error: field 'row': not UTF-8"));
    }

    #[test]
    fn arabic_script_alternate_names_are_kept_on_import() {
        // Two rows of tests/data/geonames/sample.cities500.txt (GeoNames, CC BY 4.0).
        let sample = include_str!("../../tests/data/geonames/sample.cities500.txt");
        let gz = Gazetteer::bundled().unwrap();
        let mut imp = Importer::new(&gz, ImportOptions::default());
        for (n, line) in
            sample.lines().enumerate().filter(|(_, l)| l.starts_with("1120483\t") || l.starts_with("1142545\t"))
        {
            imp.row(line, "sample.cities500.txt", n as u64 + 1);
        }
        let kuhsan = imp.kept.iter().find(|p| p.geonames_id == 1120483).expect("Kuhsan kept");
        for name in ["کهسان", "کوهستان", "Kohsan"] {
            assert!(kuhsan.aliases.iter().any(|a| a == name), "{name} missing: {:?}", kuhsan.aliases);
        }
        // The lower-case romanisations GeoNames lists are still left out.
        assert!(!kuhsan.aliases.iter().any(|a| a == "khsan" || a == "kwhstan"), "{:?}", kuhsan.aliases);
        let imam = imp.kept.iter().find(|p| p.geonames_id == 1142545).expect("Imam Sahib kept");
        assert!(imam.aliases.iter().any(|a| a == "امام صاحب"), "{:?}", imam.aliases);
        // Kept apart from the Latin names even when the keys agree (تارتیکی and Tartiki).
        assert_eq!(fold::canonical("تارتیکی"), fold::canonical("Tartiki"));
        assert_ne!(fold::alias_key("تارتیکی"), fold::alias_key("Tartiki"));
        assert_eq!(fold::alias_key("تارتيكي"), fold::alias_key("تارتیکی"));
    }

    #[test]
    fn kinds_follow_feature_codes_and_population() {
        assert_eq!(kind_for("P.PPLA", 0), Some(PlaceKind::City));
        assert_eq!(kind_for("P.PPL", 500), Some(PlaceKind::Village));
        assert_eq!(kind_for("P.PPL", 25_000), Some(PlaceKind::Town));
        assert_eq!(kind_for("S.PSTB", 0), Some(PlaceKind::Crossing));
        assert_eq!(kind_for("L.AREA", 0), None);
    }
}
