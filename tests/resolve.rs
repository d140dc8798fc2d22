//! `bordermap resolve`, run as a user would.

mod util;

use predicates::prelude::*;
use serde_json::Value;
use util::bordermap;

fn resolve_json(args: &[&str]) -> (Vec<Value>, i32) {
    let out = bordermap().arg("resolve").args(args).args(["--format", "json"]).output().unwrap();
    let v: Value = serde_json::from_slice(&out.stdout).expect("stdout is JSON");
    (v.as_array().unwrap().clone(), out.status.code().unwrap())
}

fn best_id(r: &Value) -> Option<&str> {
    r["best"]["id"].as_str()
}

/// Spellings met in agency copy, transliteration tables and Russian/Tajik media, each with
/// the place it must resolve to on its own (no hints).
const VARIANTS: &[(&str, &str)] = &[
    ("Mazar-i-Sharif", "afg-mazar-i-sharif"),
    ("Mazar-e Sharif", "afg-mazar-i-sharif"),
    ("Mazar-e-Sharif", "afg-mazar-i-sharif"),
    ("Mazari Sharif", "afg-mazar-i-sharif"),
    ("Mazār-e Sharīf", "afg-mazar-i-sharif"),
    ("Мазари-Шариф", "afg-mazar-i-sharif"),
    ("MAZAR I SHARIF", "afg-mazar-i-sharif"),
    ("Mazar-e Charif", "afg-mazar-i-sharif"),
    ("Mazare Sharif", "afg-mazar-i-sharif"),
    ("Shir Khan Bandar", "afg-shir-khan-bandar"),
    ("Sher Khan Bandar", "afg-shir-khan-bandar"),
    ("Shirkhan Bandar", "afg-shir-khan-bandar"),
    ("Sherkhan-Bandar", "afg-shir-khan-bandar"),
    ("Шерхан-Бандар", "afg-shir-khan-bandar"),
    ("Torghundi", "afg-torghundi"),
    ("Towraghondi", "afg-torghundi"),
    ("Turghundi", "afg-torghundi"),
    ("Tor Ghundi", "afg-torghundi"),
    ("Torghundy", "afg-torghundi"),
    ("Towr Ghondi", "afg-torghundi"),
    ("Termez", "uzb-termez"),
    ("Termiz", "uzb-termez"),
    ("Термез", "uzb-termez"),
    ("Kunduz", "afg-kunduz"),
    ("Kondoz", "afg-kunduz"),
    ("Qunduz", "afg-kunduz"),
    ("Kondūz", "afg-kunduz"),
    ("Кундуз", "afg-kunduz"),
    ("Islam Qala", "afg-islam-qala"),
    ("Islam Qal'a", "afg-islam-qala"),
    ("Islām Qal‘ah", "afg-islam-qala"),
    ("Eslam Qaleh", "afg-islam-qala"),
    ("Islam Kala", "afg-islam-qala"),
    ("Kafir Qala", "afg-islam-qala"),
    ("the Islam Qala crossing", "afg-islam-qala"),
    ("Islam Qala border crossing", "afg-islam-qala"),
    ("River Panj", "river-panj"),
    ("the Panj River", "river-panj"),
    ("Pyanj River", "river-panj"),
    ("Пяндж river", "river-panj"),
    ("Amu Darya", "river-amu-darya"),
    ("Amudarya", "river-amu-darya"),
    ("Oxus", "river-amu-darya"),
    ("Hari Rud", "river-hari-rud"),
    ("Harirud", "river-hari-rud"),
    ("Hairatan", "afg-hairatan"),
    ("Hayratan", "afg-hairatan"),
    ("Хайратон", "afg-hairatan"),
    ("Dushanbe", "tjk-dushanbe"),
    ("Душанбе", "tjk-dushanbe"),
    ("Dušanbe", "tjk-dushanbe"),
    ("Kunduz province", "afg-kunduz-province"),
    ("Province of Herat", "afg-herat-province"),
    ("Herat city", "afg-herat"),
    ("Badakhshan", "afg-badakhshan-province"),
    ("Balkh province", "afg-balkh-province"),
    ("Imam Sahib district", "afg-imam-sahib-district"),
    ("Panj district", "tjk-panj-district"),
    ("201st base", "tjk-201st-base"),
    ("the 201st Russian military base", "tjk-201st-base"),
    ("Panji Poyon", "tjk-panji-poyon"),
    ("Nizhny Panj", "tjk-panji-poyon"),
    ("Dogharoun", "irn-dogharoun"),
    ("Dogharun", "irn-dogharoun"),
    ("Serhetabat", "tkm-serhetabat"),
    ("Kushka", "tkm-serhetabat"),
    ("Aqina", "afg-aqina"),
    ("Imamnazar", "tkm-imamnazar"),
    ("Moscow", "rus-moscow"),
    ("Kabul", "afg-kabul"),
    ("Tajikistan", "tjk"),
    ("Таджикистан", "tjk"),
    // Typos: one or two slips of the keyboard.
    ("Mazar-i-Sharfi", "afg-mazar-i-sharif"),
    ("Torghundii", "afg-torghundi"),
    ("Dushnabe", "tjk-dushanbe"),
    ("Hairtan", "afg-hairatan"),
    ("Shir Kahn Bandar", "afg-shir-khan-bandar"),
];

#[test]
fn press_spellings_resolve_to_the_same_place() {
    let names: Vec<&str> = VARIANTS.iter().map(|(n, _)| *n).collect();
    let (rs, code) = resolve_json(&names);
    let mut wrong = Vec::new();
    for ((name, want), r) in VARIANTS.iter().zip(&rs) {
        assert_eq!(r["query"], *name);
        if best_id(r) != Some(*want) {
            wrong.push(format!("{name}: got {} {:?}, want {want}", r["status"], best_id(r)));
        }
    }
    assert!(wrong.is_empty(), "{} of {} wrong:\n{}", wrong.len(), VARIANTS.len(), wrong.join("\n"));
    assert_eq!(code, 0);
}

#[test]
fn match_kinds_say_how_a_name_was_met() {
    let (rs, _) = resolve_json(&["Kunduz", "Mazār-e Sharīf", "Mazar e-Sharif", "Towraghondi Bazaar", "Mazr Sherif"]);
    assert_eq!(rs[0]["best"]["matched"], "exact");
    assert_eq!(rs[1]["best"]["matched"], "exact"); // listed alias, diacritics and all
    assert_eq!(rs[2]["best"]["matched"], "folded");
    assert_eq!(rs[4]["best"]["matched"], "phonetic");
    let (rs, _) = resolve_json(&["Dushanbr"]);
    assert_eq!(rs[0]["best"]["matched"], "fuzzy");
}

#[test]
fn ambiguous_names_are_reported_not_guessed() {
    for name in ["Panj", "Ishkashim", "Pyandzh", "Moskva"] {
        let (rs, code) = resolve_json(&[name]);
        assert_eq!(rs[0]["status"], "ambiguous", "{name}: {}", rs[0]);
        assert!(rs[0]["best"].is_null(), "{name}");
        assert!(rs[0]["candidates"].as_array().unwrap().len() >= 2, "{name}");
        assert_eq!(code, 1, "{name}");
    }
    // "Panj" is a town, a river and a district; all three are offered.
    let (rs, _) = resolve_json(&["Panj"]);
    let ids: Vec<&str> = rs[0]["candidates"].as_array().unwrap().iter().map(|c| c["id"].as_str().unwrap()).collect();
    for id in ["tjk-panj", "river-panj", "tjk-panj-district"] {
        assert!(ids.contains(&id), "{ids:?}");
    }
}

#[test]
fn hints_settle_ambiguity() {
    let (rs, code) = resolve_json(&["Ishkashim", "--country", "TJK"]);
    assert_eq!((best_id(&rs[0]), code), (Some("tjk-ishkashim"), 0));
    let (rs, _) = resolve_json(&["Ishkashim", "--country", "AFG"]);
    assert_eq!(best_id(&rs[0]), Some("afg-ishkashim"));
    let (rs, _) = resolve_json(&["Panj", "--kind", "river"]);
    assert_eq!(best_id(&rs[0]), Some("river-panj"));
    let (rs, _) = resolve_json(&["Panj", "--kind", "district"]);
    assert_eq!(best_id(&rs[0]), Some("tjk-panj-district"));
    let (rs, _) = resolve_json(&["Herat", "--country", "IRN"]);
    assert_eq!(best_id(&rs[0]), Some("irn-shahr-e-herat"));
    // Near Tajikistan's Ishkoshim (its coordinates) or near Afghan Ishkashim.
    let (rs, _) = resolve_json(&["Moskva", "--near", "37.6,69.6"]);
    assert_eq!(best_id(&rs[0]), Some("tjk-moskva"));
    let (rs, _) = resolve_json(&["Moskva", "--near", "55.7,37.6"]);
    assert_eq!(best_id(&rs[0]), Some("rus-moscow"));
    let (rs, _) = resolve_json(&["Moskva", "--near", "AFG-TJK"]);
    assert_eq!(best_id(&rs[0]), Some("tjk-moskva"));
}

#[test]
fn herat_prefers_the_city_and_lists_the_village() {
    let (rs, code) = resolve_json(&["Herat"]);
    assert_eq!((best_id(&rs[0]), code), (Some("afg-herat"), 0));
    let alts: Vec<&str> = rs[0]["candidates"].as_array().unwrap().iter().map(|c| c["id"].as_str().unwrap()).collect();
    assert!(alts.contains(&"irn-shahr-e-herat"), "{alts:?}");
}

#[test]
fn generic_words_never_resolve_alone() {
    for word in ["Khwaja", "Hazrat", "Bandar", "Qala", "Qal'ah", "the river", "Kala"] {
        let (rs, code) = resolve_json(&[word]);
        assert_eq!(rs[0]["status"], "generic", "{word}: {}", rs[0]);
        assert!(rs[0]["candidates"].as_array().unwrap().is_empty(), "{word}");
        assert_eq!(code, 1);
    }
    // Imam Sahib is still found by its real names.
    let (rs, _) = resolve_json(&["Imam Sahib"]);
    assert_eq!(best_id(&rs[0]), Some("afg-imam-sahib"));
}

#[test]
fn unknown_names_get_suggestions_and_do_not_stop_the_others() {
    let (rs, code) = resolve_json(&["Mazar-i-Sharif", "Qalai Zalmai", "Torgundi Station Road", "Kunduz"]);
    assert_eq!(code, 1);
    assert_eq!(best_id(&rs[0]), Some("afg-mazar-i-sharif"));
    assert_eq!(rs[1]["status"], "unknown");
    assert_eq!(best_id(&rs[3]), Some("afg-kunduz"));
    let (rs, _) = resolve_json(&["Torghundistan"]);
    assert_eq!(rs[0]["status"], "unknown");
    let sugg = rs[0]["suggestions"].as_array().unwrap();
    assert!(sugg.iter().any(|s| s.as_str().unwrap().contains("Torghundi")), "{sugg:?}");
}

#[test]
fn border_facts_for_known_places() {
    let (rs, _) = resolve_json(&[
        "Islam Qala",
        "Mazar-i-Sharif",
        "Dushanbe",
        "Torghundi",
        "Hairatan",
        "Termez",
        "Shir Khan Bandar",
    ]);
    let facts = |i: usize| {
        let b = &rs[i]["best"];
        (
            b["border"].as_str().unwrap().to_string(),
            b["distance_km"].as_f64().unwrap(),
            b["side"].as_str().map(str::to_string),
        )
    };
    let (b, d, side) = facts(0);
    assert_eq!((b.as_str(), side.as_deref()), ("AFG-IRN", Some("AFG")));
    assert!(d > 1.0 && d < 10.0, "Islam Qala {d} km");
    let (b, d, side) = facts(1);
    assert_eq!((b.as_str(), side.as_deref()), ("AFG-UZB", Some("AFG")));
    assert!(d > 30.0 && d < 90.0, "Mazar-i-Sharif {d} km");
    let (b, d, side) = facts(2);
    assert_eq!((b.as_str(), side.as_deref()), ("AFG-TJK", Some("TJK")));
    assert!(d > 100.0 && d < 160.0, "Dushanbe {d} km");
    let (b, d, _) = facts(3);
    assert_eq!(b, "AFG-TKM");
    assert!(d < 3.0);
    let (b, _, side) = facts(4);
    assert_eq!((b.as_str(), side.as_deref()), ("AFG-UZB", Some("AFG")));
    let (b, _, side) = facts(5);
    assert_eq!((b.as_str(), side.as_deref()), ("AFG-UZB", Some("UZB")));
    let (b, d, side) = facts(6);
    assert_eq!((b.as_str(), side.as_deref()), ("AFG-TJK", Some("AFG")));
    assert!(d < 3.0);
    // Chainage grows eastwards along AFG-TJK: Shir Khan Bandar (km ~113) before Ishkashim (~900).
    let (rs2, _) = resolve_json(&["Ishkashim", "--country", "AFG"]);
    assert!(rs[6]["best"]["chainage_km"].as_f64().unwrap() < rs2[0]["best"]["chainage_km"].as_f64().unwrap());
}

#[test]
fn rivers_are_lines_on_the_border() {
    let out = bordermap().args(["resolve", "River Panj", "Amu Darya", "--format", "geojson"]).output().unwrap();
    assert!(out.status.success());
    let fc: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(fc["type"], "FeatureCollection");
    let f = &fc["features"].as_array().unwrap();
    assert_eq!(f.len(), 2);
    assert_eq!(f[0]["geometry"]["type"], "LineString");
    assert_eq!(f[1]["geometry"]["type"], "MultiLineString");
    assert_eq!(f[0]["properties"]["distance_km"], 0.0);
    assert_eq!(f[0]["properties"]["side_basis"], "on_line");
    // RFC 7946: lon, lat order, at most 6 decimals.
    let first = &f[0]["geometry"]["coordinates"][0];
    let (lon, lat) = (first[0].as_f64().unwrap(), first[1].as_f64().unwrap());
    assert!((60.0..76.0).contains(&lon) && (29.0..40.0).contains(&lat), "{first}");
    for c in f[0]["geometry"]["coordinates"].as_array().unwrap() {
        for v in c.as_array().unwrap() {
            let s = v.to_string();
            let decimals = s.split('.').nth(1).map_or(0, str::len);
            assert!(decimals <= 6, "{s}");
        }
    }
}

#[test]
fn table_output_and_exit_codes() {
    bordermap()
        .args(["resolve", "Mazar-e Sharif", "Islam Qala"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("afg-mazar-i-sharif").and(predicate::str::contains("AFG-IRN")));
    bordermap()
        .args(["resolve", "Panj"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("ambiguous").and(predicate::str::contains("--kind")));
    bordermap().args(["resolve", "Atlantis"]).assert().code(1).stderr(predicate::str::contains("not found"));
    // Usage errors and bad hints are errors (2), not "unresolved" (1).
    bordermap().args(["resolve"]).assert().code(2);
    bordermap().args(["resolve", "Panj", "--kind", "hamlet"]).assert().code(2);
    bordermap()
        .args(["resolve", "Panj", "--near", "nowhere"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--near"));
    bordermap().args(["resolve", "Panj", "--near", "95,10"]).assert().code(2);
}

#[test]
fn json_output_is_deterministic() {
    let run =
        || bordermap().args(["resolve", "Panj", "Herat", "Islam Qala", "--format", "json"]).output().unwrap().stdout;
    assert_eq!(run(), run());
}

#[test]
fn a_broken_gazetteer_is_refused_with_file_and_line() {
    let dir = util::gazetteer_with_places(&format!("{}x-1,X,town,AFG,91,65,,,,,\n", util::HEADER));
    bordermap()
        .args(["resolve", "X", "--gazetteer"])
        .arg(dir.path())
        .assert()
        .code(2)
        .stderr(predicate::str::contains("places.csv:2").and(predicate::str::contains("lat")));
}

/// The hints the ambiguity message offers: (hint arguments, the place id they are for).
fn offered_hints(stderr: &str) -> Vec<(Vec<String>, String)> {
    let line = stderr.lines().find(|l| l.contains("is ambiguous")).expect("an ambiguity message");
    let choose = line.split_once("to choose: ").expect("hints offered").1;
    let mut out = Vec::new();
    for part in choose.split("; ") {
        let (hints, id) = part.rsplit_once(" for ").unwrap();
        for h in hints.split(" or ") {
            out.push((h.split(' ').map(str::to_string).collect(), id.to_string()));
        }
    }
    out
}

#[test]
fn ambiguity_message_offers_only_hints_that_settle_it() {
    // "Panj" offered --country and --near, which do not settle it (a TJK town, an AFG/TJK
    // river, a TJK district). Every hint offered now resolves to the place it is offered for.
    for name in ["Panj", "Pyandzh", "Ishkashim", "Moskva"] {
        let out = bordermap().args(["resolve", name]).output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(!stderr.contains("--near"), "{stderr}");
        let hints = offered_hints(&stderr);
        assert!(hints.len() >= 2, "{name}: {stderr}");
        for (args, id) in hints {
            if args[0] == "place_id" {
                assert_eq!(args[1], id);
                continue;
            }
            let mut all = vec![name];
            all.extend(args.iter().map(String::as_str));
            let (rs, code) = resolve_json(&all);
            assert_eq!((best_id(&rs[0]), code), (Some(id.as_str()), 0), "{name} {args:?}");
        }
    }
    let out = bordermap().args(["resolve", "Panj"]).output().unwrap();
    assert!(!String::from_utf8_lossy(&out.stderr).contains("--country TJK"), "TJK holds both");
}

#[test]
fn unknown_country_or_kind_is_an_error_with_did_you_mean() {
    // --country XXX was accepted without a word (and preferred nothing).
    bordermap().args(["resolve", "Panj", "--country", "XXX"]).assert().code(2).stderr(
        predicate::str::contains("\"XXX\" is not a country of the gazetteer").and(predicate::str::contains("TJK")),
    );
    bordermap()
        .args(["resolve", "Panj", "--country", "TJJ"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("did you mean TJK?"));
    bordermap()
        .args(["gazetteer", "list", "--country", "AFX"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("did you mean AFG?"));
    let (rs, code) = resolve_json(&["Ishkashim", "--country", "tjk"]);
    assert_eq!((best_id(&rs[0]), code), (Some("tjk-ishkashim"), 0), "lower case is fine");
    bordermap()
        .args(["resolve", "Panj", "--kind", "twon"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("did you mean town?"));
}

/// Homonyms across the country (the GeoNames layer): reported, each hint the message offers
/// settles them, and a province (`--admin1`, as ACLED's admin1 gives it) does too.
#[test]
fn homonyms_of_the_whole_country_are_settled_by_their_hints() {
    let (rs, code) = resolve_json(&["Qarabagh"]);
    assert_eq!((rs[0]["status"].as_str(), code), (Some("ambiguous"), 1), "{}", rs[0]);
    // Qarabagh of Ghazni (33.2 N) and Qarabagh of Faryab (35.8 N): a province settles it.
    let (rs, code) = resolve_json(&["Qarabagh", "--admin1", "Ghazni"]);
    assert_eq!((best_id(&rs[0]), code), (Some("afg-qarah-bagh-gn1129680"), 0), "{}", rs[0]);
    let (rs, _) = resolve_json(&["Qarabagh", "--admin1", "Faryab province"]);
    assert_eq!(best_id(&rs[0]), Some("afg-qarah-bagh-gn1129678"), "{}", rs[0]);
    // A province the gazetteer does not know is an error, not a silent nothing.
    let out = bordermap().args(["resolve", "Qarabagh", "--admin1", "Atlantis"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("not a province the gazetteer knows"));
    // The Iranian city and the Badakhshan district centre: `--country IRN`, as offered.
    let out = bordermap().args(["resolve", "Mashhad"]).output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("--country IRN"), "{err}");
    let (rs, _) = resolve_json(&["Mashhad", "--country", "IRN"]);
    assert_eq!(best_id(&rs[0]), Some("irn-mashhad"));
    // Every provincial capital resolves to the city, not to the province named after it.
    for (name, id) in [("Ghazni", "afg-ghazni-gn1141269"), ("Kandahar", "afg-kandahar"), ("Khost", "afg-khost")] {
        let (rs, _) = resolve_json(&[name]);
        assert_eq!(best_id(&rs[0]), Some(id), "{name}: {}", rs[0]);
    }
}
