//! Checking an events CSV's header: every missing required column at once with "did you
//! mean" from the columns present, unknown columns in one warning, and a hint when the header
//! looks like another format (ACLED, UCDP GED, GDELT, another delimiter).

use super::read::{COLUMNS, REQUIRED_COLUMNS, REVIEW_COLUMNS};
use crate::diagnostic::Diagnostic;

/// A column name compared loosely: trimmed, lower case, `-` and spaces as `_`.
pub(super) fn loose(h: &str) -> String {
    h.trim().to_lowercase().replace([' ', '-'], "_")
}

/// Other names people give the columns bordermap reads.
pub(super) const SYNONYMS: &[(&str, &str)] = &[
    ("latitude", "lat"),
    ("longitude", "lon"),
    ("lng", "lon"),
    ("long", "lon"),
    ("location", "place"),
    ("place_name", "place"),
    ("event_id", "id"),
    ("status", "claim_status"),
];

/// How far apart two loose names are, when close enough to suggest one for the other:
/// the same loose name or a synonym (0), else at most 2 edits and a third of the length.
pub(super) fn closeness(a: &str, b: &str) -> Option<usize> {
    if a == b || SYNONYMS.iter().any(|&(x, y)| (x, y) == (a, b) || (y, x) == (a, b)) {
        return Some(0);
    }
    if a.len().abs_diff(b.len()) > 2 {
        return None; // cheap: most of a million unknown columns end here
    }
    let d = strsim::damerau_levenshtein(a, b);
    (d <= 2 && d * 3 <= a.len().min(b.len())).then_some(d)
}

/// The candidate closest to `want`, if one is close enough.
pub(super) fn did_you_mean<'a>(want: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let want = loose(want);
    candidates
        .into_iter()
        .filter_map(|c| closeness(&want, &loose(c)).map(|d| (d, c)))
        .min_by_key(|&(d, _)| d)
        .map(|(_, c)| c)
}

/// At most this many unknown columns are named in the warning about them.
pub(super) const UNKNOWN_LISTED: usize = 5;
/// "Did you mean" looks at most at this many unknown columns (a header may have millions).
pub(super) const SUGGEST_FROM: usize = 10_000;

pub(super) const RECORD_DOC: &str = "see \"The event record\" in maps/README.md";

/// The header's faults: errors (missing columns, another format) and warnings (unknown columns).
pub(super) fn check_header(headers: &csv::StringRecord, file: &str) -> (Vec<Diagnostic>, Vec<Diagnostic>) {
    let known = |h: &str| COLUMNS.contains(&h) || REVIEW_COLUMNS.contains(&h);
    // One pass over the header, however long: the known columns it has, the first unknown ones.
    let mut present = Vec::new();
    let mut unknown = Vec::new();
    let mut unknown_count = 0usize;
    for h in headers.iter() {
        if known(h) {
            present.push(h);
        } else {
            unknown_count += 1;
            if unknown.len() < SUGGEST_FROM {
                unknown.push(h);
            }
        }
    }
    let has = |c: &str| present.contains(&c);
    let mut errors = Vec::new();
    let missing: Vec<&str> = REQUIRED_COLUMNS.into_iter().filter(|c| !has(c)).collect();
    let no_location = !(has("place") || has("place_id") || (has("lat") && has("lon")));
    if (!missing.is_empty() || no_location)
        && let Some(hint) = other_format(headers)
    {
        return (vec![Diagnostic::error(file, Some(1), None, hint)], Vec::new());
    }
    for c in &missing {
        let msg = match did_you_mean(c, unknown.iter().copied()) {
            Some(h) => format!("required column is missing; did you mean the column {h:?}? (name it {c})"),
            None => format!("required column is missing ({RECORD_DOC})"),
        };
        errors.push(Diagnostic::error(file, Some(1), Some(c), msg));
    }
    if no_location {
        let near: Vec<String> = ["place", "place_id", "lat", "lon"]
            .into_iter()
            .filter(|c| !has(c))
            .filter_map(|c| did_you_mean(c, unknown.iter().copied()).map(|h| format!("{h:?} for {c}")))
            .collect();
        let hint = if near.is_empty() { String::new() } else { format!("; did you mean {}?", near.join(", ")) };
        errors.push(Diagnostic::error(
            file,
            Some(1),
            Some("place"),
            format!("no location column: an event needs place, place_id, or lat and lon{hint}"),
        ));
    }
    let mut warnings = Vec::new();
    let suggest = |h: &str| match did_you_mean(h, COLUMNS.into_iter().chain(REVIEW_COLUMNS).filter(|c| !has(c))) {
        Some(c) => format!("{h:?} (did you mean {c:?}?)"),
        None => format!("{h:?}"),
    };
    match unknown_count {
        0 => {}
        1 => warnings.push(Diagnostic::warning(
            file,
            Some(1),
            Some(unknown[0]),
            match did_you_mean(unknown[0], COLUMNS.into_iter().chain(REVIEW_COLUMNS).filter(|c| !has(c))) {
                Some(c) => format!("unknown column, ignored; did you mean {c:?}?"),
                None => "unknown column, ignored".to_string(),
            },
        )),
        n => {
            let listed: Vec<String> = unknown.iter().take(UNKNOWN_LISTED).map(|h| suggest(h)).collect();
            let more = if n > UNKNOWN_LISTED { format!(" and {} more", n - UNKNOWN_LISTED) } else { String::new() };
            warnings.push(Diagnostic::warning(
                file,
                Some(1),
                None,
                format!("{n} unknown columns, ignored: {}{more} ({RECORD_DOC})", listed.join(", ")),
            ));
        }
    }
    (errors, warnings)
}

/// A hint when a header that lacks bordermap's columns looks like another format: another
/// delimiter, or an ACLED, UCDP GED or GDELT file. ACLED exports are read with `--from acled`
/// and UCDP GED files with `--from ucdp` (the hints say so); for GDELT the hint says how its
/// columns map to bordermap's.
pub(super) fn other_format(headers: &csv::StringRecord) -> Option<String> {
    // The header line as it was, near enough (a comma inside a GDELT place name split it).
    let line: String = headers.iter().collect::<Vec<_>>().join(",");
    let first_tab = line.split('\t').next().unwrap_or("");
    if line.contains('\t') && !first_tab.is_empty() && first_tab.bytes().all(|b| b.is_ascii_digit()) {
        return Some(
            "this looks like a GDELT event file (tab-separated, no header row, GLOBALEVENTID and SQLDATE first): \
             read it as one with --from gdelt (bordermap map --from gdelt FILE … --out DIR), or turn it into bordermap's \
             own event records to review first (bordermap convert --from gdelt FILE --out events.csv); see \
             \"GDELT exports\" in maps/README.md"
                .to_string(),
        );
    }
    let mut delimited = None;
    for (d, name) in [(';', "semicolon"), ('\t', "tab")] {
        let parts: Vec<&str> = line.split(d).map(|p| p.trim().trim_matches('"')).collect();
        if parts.len() >= 2 && parts.len() > headers.len() {
            delimited = Some((name, parts));
            break;
        }
    }
    let names: Vec<String> = match &delimited {
        Some((_, parts)) => parts.iter().map(|p| loose(p)).collect(),
        None => headers.iter().map(loose).collect(),
    };
    let has = |c: &str| names.iter().any(|n| n == c);
    let acled = has("event_id_cnty") || (has("event_date") && has("event_type"));
    let ucdp = !acled && has("date_start") && (has("where_coordinates") || has("side_a"));
    let format = if acled {
        Some(
            "this looks like an ACLED export (event_id_cnty, event_date, event_type …): read it as one with --from \
             acled (bordermap map --from acled FILE … --out DIR), or turn it into bordermap's own event records to \
             review first (bordermap convert --from acled FILE --out events.csv); see \"ACLED exports\" in \
             maps/README.md"
                .to_string(),
        )
    } else if ucdp {
        Some(
            "this looks like a UCDP GED file (date_start, where_coordinates, side_a …): read it as one with --from \
             ucdp (bordermap map --from ucdp FILE … --out DIR), or turn it into bordermap's own event records to \
             review first (bordermap convert --from ucdp FILE --out events.csv); see \"UCDP GED exports\" in \
             maps/README.md"
                .to_string(),
        )
    } else {
        None
    };
    let missing: Vec<&str> = REQUIRED_COLUMNS.into_iter().filter(|c| !has(c)).collect();
    // An ACLED export or a UCDP GED file is read as one: bordermap's columns are not what it lacks.
    let missing = if missing.is_empty() || acled || ucdp {
        String::new()
    } else {
        format!("; required columns missing: {}", missing.join(", "))
    };
    match (delimited, format) {
        (Some((name, parts)), format) => {
            let shown: Vec<&str> = parts.iter().take(4).copied().collect();
            let mut m = format!(
                "the header is {name}-separated ({}{}), but bordermap reads comma-separated CSV (or JSON Lines): save \
                 the file again with ',' as the field delimiter",
                shown.join(if name == "tab" { " ⇥ " } else { ";" }),
                if parts.len() > 4 { " …" } else { "" }
            );
            if let Some(f) = format {
                m.push_str("; ");
                m.push_str(&f);
                m.push_str(&missing);
            }
            Some(m)
        }
        (None, format) => format.map(|f| f + &missing),
    }
}
