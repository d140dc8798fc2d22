//! `bordermap gazetteer check`: the bundled data passes, and each kind of fault is caught with
//! its file and line.

mod util;

use predicates::prelude::*;
use util::{HEADER, bordermap, gazetteer_with_places};

#[test]
fn bundled_gazetteer_passes() {
    bordermap().args(["gazetteer", "check"]).assert().code(0).stderr(predicate::str::contains("0 error(s)"));
    // The same files read from the repository folder.
    bordermap().args(["gazetteer", "check", "--gazetteer"]).arg(util::bundled_dir()).assert().code(0);
}

#[test]
fn bundled_gazetteer_is_large_enough_and_covers_the_seed_places() {
    let out = bordermap().args(["gazetteer", "check", "-w"]).output().unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    let n: usize = stderr.split_whitespace().nth(1).unwrap().parse().unwrap();
    assert!(n >= 150, "{stderr}");
}

/// Runs check on a places file and returns (exit code, stdout).
fn check(places: &str) -> (i32, String) {
    let dir = gazetteer_with_places(places);
    let out = bordermap().args(["gazetteer", "check", "-w", "--gazetteer"]).arg(dir.path()).output().unwrap();
    (out.status.code().unwrap(), String::from_utf8(out.stdout).unwrap())
}

const GOOD: &str = "afg-kunduz,Kunduz,city,AFG,36.72895,68.85700,,Kondoz,1135689,GeoNames,\n";

#[test]
fn a_clean_file_passes() {
    let (code, out) = check(&format!("{HEADER}{GOOD}"));
    assert_eq!(code, 0, "{out}");
}

#[test]
fn duplicate_ids_are_errors_naming_both_lines() {
    let (code, out) = check(&format!("{HEADER}{GOOD}{GOOD}"));
    assert_eq!(code, 1);
    assert!(out.contains("places.csv:3: error: field 'id': duplicate id \"afg-kunduz\""), "{out}");
    assert!(out.contains("first used at") && out.contains("places.csv:2"), "{out}");
}

#[test]
fn coordinates_out_of_range_are_errors() {
    let (code, out) = check(&format!("{HEADER}afg-x,X,town,AFG,136.7,68.8,,,,,\n"));
    assert_eq!(code, 1);
    assert!(out.contains("places.csv:2: error: field 'lat'") && out.contains("out of range"), "{out}");
    let (code, out) = check(&format!("{HEADER}afg-x,X,town,AFG,36.7,-268.8,,,,,\n"));
    assert_eq!(code, 1);
    assert!(out.contains("field 'lon'"), "{out}");
    let (code, out) = check(&format!("{HEADER}afg-x,X,town,AFG,north,68.8,,,,,\n"));
    assert_eq!(code, 1);
    assert!(out.contains("field 'lat'") && out.contains("not a number"), "{out}");
}

#[test]
fn swapped_lat_lon_is_named_as_such() {
    // Kunduz with lat and lon exchanged: (68.857 N, 36.729 E) is in the Arctic.
    let (code, out) = check(&format!("{HEADER}afg-kunduz,Kunduz,city,AFG,68.85700,36.72895,,,,,\n"));
    assert_eq!(code, 1);
    assert!(out.contains("places.csv:2: error: field 'lat/lon'") && out.contains("swapped"), "{out}");
}

#[test]
fn a_point_outside_its_country_is_an_error() {
    // Dushanbe's coordinates declared as Afghan.
    let (code, out) = check(&format!("{HEADER}afg-dushanbe,Dushanbe,city,AFG,38.53575,68.77905,,,,,\n"));
    assert_eq!(code, 1);
    assert!(out.contains("field 'country'") && out.contains("outside AFG") && out.contains("in TJK"), "{out}");
}

#[test]
fn crossings_may_sit_on_the_line_but_not_far_beyond_it() {
    // Dogharoun's point on the line is fine for a crossing declared IRN ...
    let (code, out) = check(&format!("{HEADER}irn-dogharoun,Dogharoun,crossing,IRN,34.66840,60.99964,,,,,\n"));
    assert_eq!(code, 0, "{out}");
    // ... but the Afghan town of Islam Qala, 6 km inside Afghanistan, is not in Iran.
    let (code, out) = check(&format!("{HEADER}irn-islam-qala,Islam Qala,crossing,IRN,34.66667,61.06667,,,,,\n"));
    assert_eq!(code, 1, "{out}");
}

#[test]
fn broken_geometry_is_an_error() {
    let bad = [
        "river-x,X River,river,AFG/TJK,37.2,69.1,border:AFG-XXX:0-10,,,,\n",
        "river-x,X River,river,AFG/TJK,37.2,69.1,border:AFG-TJK:100-5000,,,,\n",
        "river-x,X River,river,AFG/TJK,37.2,69.1,LINESTRING(69 37),,,,\n",
        // A valid section far from the place's own point.
        "river-x,X River,river,AFG/TJK,37.2,69.1,border:AFG-TJK:900-1000,,,,\n",
    ];
    for row in bad {
        let (code, out) = check(&format!("{HEADER}{row}"));
        assert_eq!(code, 1, "{row}: {out}");
        assert!(out.contains("places.csv:2: error:"), "{row}: {out}");
    }
}

#[test]
fn shared_aliases_are_listed_not_fatal() {
    let rows = format!("{HEADER}{GOOD}afg-kunduz-province,Kunduz Province,province,AFG,36.8,68.75,,Kunduz,,,\n");
    let (code, out) = check(&rows);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("warning") && out.contains("\"kunduz\" is shared by"), "{out}");
}

#[test]
fn generic_aliases_are_flagged() {
    let (code, out) = check(&format!(
        "{HEADER}afg-imam-sahib,Imam Sahib,town,AFG,37.18897,68.93644,,Hazrat|Khwaja|Imam Saheb,1142545,,\n"
    ));
    assert_eq!(code, 0);
    assert!(out.contains("alias \"Hazrat\" is a generic word") && out.contains("alias \"Khwaja\""), "{out}");
}

#[test]
fn bad_kind_country_and_id_are_errors() {
    for (row, field) in [
        ("afg-x,X,hamlet,AFG,36.7,68.8,,,,,\n", "kind"),
        ("afg-x,X,town,Afghanistan,36.7,68.8,,,,,\n", "country"),
        ("AFG X,X,town,AFG,36.7,68.8,,,,,\n", "id"),
        ("afg-x,,town,AFG,36.7,68.8,,,,,\n", "name"),
        ("afg-x,X,town,AFG,36.7,68.8,,,12ab,,\n", "geonames_id"),
    ] {
        let (code, out) = check(&format!("{HEADER}{row}"));
        assert_eq!(code, 1, "{row}");
        assert!(out.contains(&format!("places.csv:2: error: field '{field}'")), "{row}: {out}");
    }
}

#[test]
fn json_format_lists_findings() {
    let dir = gazetteer_with_places(&format!("{HEADER}{GOOD}{GOOD}"));
    let out =
        bordermap().args(["gazetteer", "check", "--format", "json", "--gazetteer"]).arg(dir.path()).output().unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v[0]["severity"], "error");
    assert_eq!(v[0]["line"], 3);
    assert_eq!(v[0]["field"], "id");
}

#[test]
fn a_missing_gazetteer_folder_is_exit_2() {
    bordermap()
        .args(["gazetteer", "check", "--gazetteer", "/nonexistent/gz"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("/nonexistent/gz"));
}
