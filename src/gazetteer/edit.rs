//! Changing a user gazetteer file: add a place, add an alias, remove a place.
//!
//! Every change is validated as `gazetteer check` would (ranges, swapped lat/lon, inside the
//! declared country, aliases that collide with another place's names or are generic words),
//! then written under a lock (a `.lock` file beside the places file, so two processes adding
//! at once are serialised and neither addition is lost) by writing a temporary file and
//! renaming it over the old one (a crash or a full disk leaves the old file whole). Rows that
//! are not changed keep their exact text and order.

use std::collections::HashMap;
use std::fs::File;
use std::path::{Path, PathBuf};

use super::check::check_place;
use super::load::{COLUMNS, RowParser};
use super::{Gazetteer, PlaceFacts, PlaceKind, fold};

use crate::diagnostic::Diagnostic;
use crate::output::write_atomic;

/// Why a change was not made.
#[derive(Debug, thiserror::Error)]
pub enum EditError {
    /// The change breaks a rule that `--force` may override (listed).
    #[error("refused:\n{}\n(use --force to make the change anyway)", .0.iter().map(|r| format!("  {r}")).collect::<Vec<_>>().join("\n"))]
    Refused(Vec<String>),
    /// The values are invalid (out of range, unknown kind…): not overridable.
    #[error("invalid:\n{}", .0.iter().map(|d| format!("  {d}")).collect::<Vec<_>>().join("\n"))]
    Invalid(Vec<Diagnostic>),
    /// No place with that id in the user file.
    #[error("{0}")]
    NotFound(String),
    /// Reading, locking or writing failed.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// The cause.
        source: std::io::Error,
    },
}

fn io_err(path: &Path) -> impl FnOnce(std::io::Error) -> EditError + '_ {
    move |source| EditError::Io { path: path.to_path_buf(), source }
}

/// A place to add.
#[derive(Debug, Clone, Default)]
pub struct NewPlace {
    /// Id; derived from country and name when `None`.
    pub id: Option<String>,
    /// Name.
    pub name: String,
    /// Kind.
    pub kind: Option<PlaceKind>,
    /// ISO3 code(s), `/`-joined.
    pub country: String,
    /// Latitude.
    pub lat: f64,
    /// Longitude.
    pub lon: f64,
    /// Aliases.
    pub aliases: Vec<String>,
    /// GeoNames id.
    pub geonames_id: Option<u64>,
    /// Source of the coordinates.
    pub source: String,
    /// Notes.
    pub notes: String,
}

impl NewPlace {
    /// The row's values by column name (see [`COLUMNS`]), with this id.
    pub fn fields(&self, id: &str) -> HashMap<&'static str, String> {
        HashMap::from([
            ("id", id.to_string()),
            ("name", self.name.clone()),
            ("kind", self.kind.map_or(String::new(), |k| k.as_str().to_string())),
            ("country", self.country.clone()),
            ("lat", format!("{}", self.lat)),
            ("lon", format!("{}", self.lon)),
            ("aliases", self.aliases.join("|")),
            ("geonames_id", self.geonames_id.map_or(String::new(), |g| g.to_string())),
            ("source", self.source.clone()),
            ("notes", self.notes.clone()),
        ])
    }
}

/// An id from a country and a name: `tjk-nizhny-panj`.
pub fn derive_id(country: &str, name: &str) -> String {
    let cc = country.split('/').next().unwrap_or("").to_ascii_lowercase();
    let slug: Vec<String> = fold::basic(name).split(' ').filter(|w| !w.is_empty()).map(str::to_string).collect();
    format!("{cc}-{}", slug.join("-"))
}

/// A places file as text, with where each row starts and ends.
struct Doc {
    text: String,
    changed: bool,
    header: Vec<String>,
    /// (id, byte start, byte end) of each row.
    rows: Vec<(String, usize, usize)>,
}

impl Doc {
    fn parse(text: String, path: &Path) -> Result<Doc, EditError> {
        if text.trim().is_empty() {
            let header = COLUMNS.iter().map(|c| c.to_string()).collect::<Vec<_>>();
            return Ok(Doc { text: format!("{}\n", header.join(",")), changed: false, header, rows: Vec::new() });
        }
        let mut rdr = csv::ReaderBuilder::new().flexible(true).from_reader(text.as_bytes());
        let header: Vec<String> = rdr
            .headers()
            .map_err(|e| {
                EditError::Invalid(vec![Diagnostic::error(&path.display().to_string(), Some(1), None, e.to_string())])
            })?
            .iter()
            .map(|h| h.trim().to_string())
            .collect();
        let id_col = header.iter().position(|h| h == "id");
        let mut rows = Vec::new();
        let mut rec = csv::StringRecord::new();
        loop {
            match rdr.read_record(&mut rec) {
                Ok(true) => {
                    let start = rec.position().map_or(0, |p| p.byte() as usize);
                    let id = id_col.and_then(|i| rec.get(i)).unwrap_or("").trim().to_string();
                    rows.push((id, start, 0));
                }
                Ok(false) => break,
                Err(e) => {
                    let line = e.position().map(|p| p.line());
                    return Err(EditError::Invalid(vec![Diagnostic::error(
                        &path.display().to_string(),
                        line,
                        None,
                        e.to_string(),
                    )]));
                }
            }
        }
        for i in 0..rows.len() {
            rows[i].2 = rows.get(i + 1).map_or(text.len(), |r| r.1);
        }
        Ok(Doc { text, changed: false, header, rows })
    }

    /// The row for these fields in the file's own column order. A value for a column the file
    /// does not have would be lost: that is refused, never dropped.
    fn row_text(&self, fields: &HashMap<&str, String>) -> Result<String, EditError> {
        let missing: Vec<&str> = fields
            .iter()
            .filter(|(k, v)| !v.is_empty() && !self.header.iter().any(|h| h == *k))
            .map(|(k, _)| *k)
            .collect();
        if !missing.is_empty() {
            let mut missing = missing;
            missing.sort_unstable();
            return Err(EditError::Refused(vec![format!(
                "the file has no column for {}: add {} to its header first",
                missing.join(", "),
                if missing.len() == 1 { "it" } else { "them" }
            )]));
        }
        let mut w = csv::WriterBuilder::new().terminator(csv::Terminator::Any(b'\n')).from_writer(Vec::new());
        let rec: Vec<&str> = self.header.iter().map(|h| fields.get(h.as_str()).map_or("", String::as_str)).collect();
        w.write_record(&rec).expect("writing to memory");
        Ok(String::from_utf8(w.into_inner().expect("in memory")).expect("utf-8 in, utf-8 out"))
    }

    fn fields(&self, row: usize) -> HashMap<String, String> {
        let (_, a, b) = &self.rows[row];
        let mut rdr =
            csv::ReaderBuilder::new().has_headers(false).flexible(true).from_reader(&self.text.as_bytes()[*a..*b]);
        let rec = rdr.records().next().and_then(Result::ok).unwrap_or_default();
        self.header.iter().cloned().zip(rec.iter().map(str::to_string)).collect()
    }

    fn find(&self, id: &str) -> Option<usize> {
        self.rows.iter().position(|r| r.0 == id)
    }

    fn append(&mut self, row: &str) {
        self.changed = true;
        if !self.text.ends_with('\n') {
            self.text.push('\n');
        }
        self.text.push_str(row);
    }

    fn replace(&mut self, idx: usize, row: &str) {
        self.changed = true;
        let (_, a, b) = self.rows[idx];
        // Keep the old row's line ending if it had none (last line without newline).
        let row =
            if self.text[a..b].ends_with('\n') { row.to_string() } else { row.trim_end_matches('\n').to_string() };
        self.text.replace_range(a..b, &row);
    }

    fn remove(&mut self, idx: usize) {
        self.changed = true;
        let (_, a, b) = self.rows[idx];
        self.text.replace_range(a..b, "");
    }
}

/// Runs `change` on the file's text under an exclusive lock, then replaces the file
/// atomically if the text changed. The file (and its folder) is created if missing.
fn locked_update<T>(path: &Path, change: impl FnOnce(&mut Doc) -> Result<T, EditError>) -> Result<T, EditError> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(io_err(dir))?;
    }
    let lock_path = PathBuf::from(format!("{}.lock", path.display()));
    let lock = File::options().create(true).truncate(false).write(true).open(&lock_path).map_err(io_err(&lock_path))?;
    lock.lock().map_err(io_err(&lock_path))?;
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => String::new(),
        Err(e) => return Err(io_err(path)(e)),
    };
    let mut doc = Doc::parse(text, path)?;
    let out = change(&mut doc)?;
    if doc.changed {
        write_atomic(path, doc.text.as_bytes()).map_err(io_err(path))?;
    }
    drop(lock); // released on close
    Ok(out)
}

/// The canonical keys of `names` that another place (not `except_id`) already has, as
/// messages; and the names that are generic words.
fn name_conflicts(gz: &Gazetteer, names: &[&str], except_id: &str) -> Vec<String> {
    let mut out = Vec::new();
    for n in names {
        let key = fold::canonical(n);
        if fold::is_generic(&key) {
            out.push(format!("{n:?} is a generic word and would never resolve on its own"));
            continue;
        }
        let others: Vec<&str> = gz
            .places_with_canonical(&key)
            .into_iter()
            .map(|i| PlaceFacts::id(gz, i))
            .filter(|id| *id != except_id)
            .collect();
        if !others.is_empty() {
            out.push(format!("{n:?} is already a name of {}: it would make that name ambiguous", others.join(", ")));
        }
    }
    out
}

/// Validates a row as the loader and `gazetteer check` would; returns the errors that
/// `--force` may override (outside the country, swapped) separately from hard ones.
fn validate_row(gz: &Gazetteer, parser: &mut RowParser, row: &str, label: &str) -> Result<Vec<String>, EditError> {
    let place = parser.parse(row, label, gz.borders()).map_err(EditError::Invalid)?;
    Ok(check_place(&place, gz.borders()).into_iter().filter(Diagnostic::is_error).map(|d| d.message).collect())
}

/// A row parser for a document's header.
fn row_parser(doc: &Doc, label: &str) -> Result<RowParser, EditError> {
    RowParser::new(&doc.header, label).map_err(EditError::Invalid)
}

/// Adds a place to the user file; returns its id. With `force`, an existing id is replaced
/// and name collisions and country checks are overridden (ranges and formats never are).
pub fn add(gz: &Gazetteer, user_file: &Path, p: &NewPlace, force: bool) -> Result<String, EditError> {
    let label = user_file.display().to_string();
    let long: Vec<Diagnostic> = std::iter::once(("name", &p.name))
        .chain(p.aliases.iter().map(|a| ("aliases", a)))
        .filter(|(_, n)| super::name_too_long(n))
        .map(|(field, n)| Diagnostic::error(&label, None, Some(field), super::too_long_message(n)))
        .collect();
    if !long.is_empty() {
        return Err(EditError::Invalid(long));
    }
    let id = p.id.clone().unwrap_or_else(|| derive_id(&p.country, &p.name));
    locked_update(user_file, |doc| {
        let existing = doc.find(&id);
        let mut refusals = Vec::new();
        if (existing.is_some() || gz.place(&id).is_some()) && !force {
            refusals.push(format!("id {id:?} exists already; --force replaces it (use --id for a new place)"));
        }
        let names: Vec<&str> = std::iter::once(p.name.as_str()).chain(p.aliases.iter().map(String::as_str)).collect();
        refusals.extend(name_conflicts(gz, &names, &id));
        let fields = p.fields(&id);
        let row = doc.row_text(&fields)?;
        refusals.extend(validate_row(gz, &mut row_parser(doc, &label)?, &row, &label)?);
        if !refusals.is_empty() && !force {
            return Err(EditError::Refused(refusals));
        }
        match existing {
            Some(i) => doc.replace(i, &row),
            None => doc.append(&row),
        }
        Ok(id.clone())
    })
}

/// Adds an alias to a place; returns false when the place already has it (in folded form).
/// A place that is not in the user file (a bundled one) is copied there with the alias
/// added: the copy overrides the bundled row by id.
pub fn add_alias(gz: &Gazetteer, user_file: &Path, id: &str, alias: &str, force: bool) -> Result<bool, EditError> {
    let label = user_file.display().to_string();
    if super::name_too_long(alias) {
        return Err(EditError::Invalid(vec![Diagnostic::error(
            &label,
            None,
            Some("aliases"),
            super::too_long_message(alias),
        )]));
    }
    locked_update(user_file, |doc| {
        let mut fields = place_fields(gz, doc, id)?;
        let name = fields.get("name").cloned().unwrap_or_default();
        let aliases = fields.entry("aliases".to_string()).or_default();
        if std::iter::once(name.as_str())
            .chain(aliases.split('|'))
            .any(|a| fold::alias_key(a) == fold::alias_key(alias))
        {
            return Ok(false); // already there: nothing to change
        }
        let refusals = name_conflicts(gz, &[alias], id);
        if !refusals.is_empty() && !force {
            return Err(EditError::Refused(refusals));
        }
        if !aliases.is_empty() {
            aliases.push('|');
        }
        aliases.push_str(alias);
        let borrowed: HashMap<&str, String> = fields.iter().map(|(k, v)| (k.as_str(), v.clone())).collect();
        let row = doc.row_text(&borrowed)?;
        validate_row(gz, &mut row_parser(doc, &label)?, &row, &label)?;
        match doc.find(id) {
            Some(i) => doc.replace(i, &row),
            None => doc.append(&row),
        }
        Ok(true)
    })
}

/// The fields of a place: its row in the user file, or the row of the layer it comes from.
fn place_fields(gz: &Gazetteer, doc: &Doc, id: &str) -> Result<HashMap<String, String>, EditError> {
    if let Some(i) = doc.find(id) {
        return Ok(doc.fields(i));
    }
    let p = gz.place(id).ok_or_else(|| EditError::NotFound(format!("no place with id {id:?}")))?;
    Ok(HashMap::from([
        ("id".to_string(), p.id.clone()),
        ("name".to_string(), p.name.clone()),
        ("kind".to_string(), p.kind.as_str().to_string()),
        ("country".to_string(), p.country_label()),
        ("lat".to_string(), format!("{}", p.point.y())),
        ("lon".to_string(), format!("{}", p.point.x())),
        ("geometry".to_string(), p.geometry_spec.clone()),
        ("aliases".to_string(), p.aliases.join("|")),
        ("geonames_id".to_string(), p.geonames_id.map_or(String::new(), |g| g.to_string())),
        ("source".to_string(), p.source.clone()),
        ("notes".to_string(), p.notes.clone()),
    ]))
}

/// What an import did.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct ImportOutcome {
    /// New places written.
    pub added: u64,
    /// Existing places that gained aliases.
    pub merged: u64,
    /// Existing places with nothing new.
    pub unchanged: u64,
    /// Rows refused by the checks (outside their country …), with the reason.
    pub refused: Vec<String>,
}

/// Writes the places an [`Importer`](super::geonames::Importer) kept: new ones appended, and
/// the aliases of those that match an existing place merged into it (a place from another
/// layer is copied into the user file with them). With `dry_run` nothing is written.
pub fn import(
    gz: &Gazetteer,
    user_file: &Path,
    importer: &super::geonames::Importer,
    dry_run: bool,
) -> Result<ImportOutcome, EditError> {
    let label = user_file.display().to_string();
    let run = |doc: &mut Doc| -> Result<ImportOutcome, EditError> {
        let mut out = ImportOutcome::default();
        let mut parser: Option<RowParser> = None;
        for p in &importer.kept {
            if let Some(i) = importer.existing_match(p) {
                let id = PlaceFacts::id(gz, i).to_string();
                let mut fields = place_fields(gz, doc, &id)?;
                let name = fields.get("name").cloned().unwrap_or_default();
                let aliases = fields.entry("aliases".to_string()).or_default();
                let mut keys: std::collections::HashSet<String> =
                    std::iter::once(name.as_str()).chain(aliases.split('|')).map(fold::alias_key).collect();
                let mut added = 0;
                for a in std::iter::once(&p.name).chain(&p.aliases) {
                    if keys.insert(fold::alias_key(a)) {
                        if !aliases.is_empty() {
                            aliases.push('|');
                        }
                        aliases.push_str(a);
                        added += 1;
                    }
                }
                if fields.get("geonames_id").is_none_or(|g| g.is_empty()) {
                    fields.insert("geonames_id".into(), p.geonames_id.to_string());
                    added += 1;
                }
                if added == 0 {
                    out.unchanged += 1;
                    continue;
                }
                let borrowed: HashMap<&str, String> = fields.iter().map(|(k, v)| (k.as_str(), v.clone())).collect();
                let row = doc.row_text(&borrowed)?;
                match doc.find(&id) {
                    Some(r) => doc.replace(r, &row),
                    None => doc.append(&row),
                }
                out.merged += 1;
                continue;
            }
            let id = format!("{}-gn{}", derive_id(p.country, &p.name), p.geonames_id);
            let fields: HashMap<&str, String> = HashMap::from([
                ("id", id.clone()),
                ("name", p.name.clone()),
                ("kind", p.kind.as_str().to_string()),
                ("country", p.country.to_string()),
                ("lat", format!("{}", p.lat)),
                ("lon", format!("{}", p.lon)),
                ("aliases", p.aliases.join("|")),
                ("geonames_id", p.geonames_id.to_string()),
                ("source", format!("GeoNames {} (modified {}); CC BY 4.0", p.feature, p.modified)),
            ]);
            let row = doc.row_text(&fields)?;
            let parser = match &mut parser {
                Some(p) => p,
                None => parser.insert(row_parser(doc, &label)?),
            };
            match validate_row(gz, parser, &row, &label) {
                Ok(problems) if problems.is_empty() => {
                    doc.append(&row);
                    out.added += 1;
                }
                Ok(problems) => out.refused.push(format!("{} ({}): {}", p.name, p.geonames_id, problems.join("; "))),
                Err(e) => out.refused.push(format!("{} ({}): {e}", p.name, p.geonames_id)),
            }
        }
        Ok(out)
    };
    if dry_run {
        let text = std::fs::read_to_string(user_file).unwrap_or_default();
        return run(&mut Doc::parse(text, user_file)?);
    }
    locked_update(user_file, run)
}

/// Removes a place from the user file. Bundled places cannot be removed (they would come
/// back with the next upgrade); override them instead.
pub fn remove(gz: &Gazetteer, user_file: &Path, id: &str) -> Result<(), EditError> {
    locked_update(user_file, |doc| match doc.find(id) {
        Some(i) => {
            doc.remove(i);
            Ok(())
        }
        None if gz.place(id).is_some() => Err(EditError::NotFound(format!(
            "{id:?} is not in {} (it comes from another gazetteer layer, e.g. the bundled one, which is not edited; \
             `gazetteer add --id {id} --force` overrides it)",
            user_file.display()
        ))),
        None => Err(EditError::NotFound(format!("no place with id {id:?}"))),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_derive_from_country_and_name() {
        assert_eq!(derive_id("TJK", "Nizhny Panj"), "tjk-nizhny-panj");
        assert_eq!(derive_id("AFG/TJK", "Qal'ah-ye Kuf Bridge"), "afg-qalah-ye-kuf-bridge");
    }

    #[test]
    fn rows_are_spliced_without_touching_the_others() {
        let text = "id,name,kind,country,lat,lon\n\
                    a-1,\"One, quoted\",town,AFG,35,65\n\
                    a-2,Two,town,AFG,35,65\n"
            .to_string();
        let mut doc = Doc::parse(text.clone(), Path::new("p.csv")).unwrap();
        assert_eq!(doc.rows.iter().map(|r| r.0.as_str()).collect::<Vec<_>>(), ["a-1", "a-2"]);
        assert_eq!(doc.fields(0)["name"], "One, quoted");
        doc.remove(1);
        assert_eq!(doc.text, "id,name,kind,country,lat,lon\na-1,\"One, quoted\",town,AFG,35,65\n");
        let mut doc = Doc::parse(text, Path::new("p.csv")).unwrap();
        let row = doc.row_text(&HashMap::from([("id", "a-3".to_string()), ("name", "Three".to_string())])).unwrap();
        assert!(doc.row_text(&HashMap::from([("aliases", "x".to_string())])).is_err(), "no aliases column");
        doc.append(&row);
        assert!(doc.text.ends_with("a-2,Two,town,AFG,35,65\na-3,Three,,,,\n"), "{}", doc.text);
    }
}
