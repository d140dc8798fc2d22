//! Extending the gazetteer: layers, list, add, alias, remove.

mod util;

use std::path::{Path, PathBuf};

use predicates::prelude::*;
use serde_json::Value;
use util::bordermap;

fn user(dir: &Path) -> PathBuf {
    dir.join("mine/places.csv")
}

/// `bordermap` with the user places file in `dir`.
fn bm(dir: &Path) -> assert_cmd::Command {
    let mut c = bordermap();
    c.env("BORDERMAP_USER_PLACES", user(dir));
    c
}

fn best(dir: &Path, name: &str) -> Value {
    let out = bm(dir).args(["resolve", name, "--format", "json"]).output().unwrap();
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    v[0]["best"].clone()
}

const ADD_POST: [&str; 11] = [
    "gazetteer",
    "add",
    "Nizhny Pyandzh Post",
    "--lat",
    "37.2",
    "--lon",
    "68.6",
    "--kind",
    "crossing",
    "--country",
    "TJK",
];

#[test]
fn added_places_resolve_and_list() {
    let tmp = tempfile::tempdir().unwrap();
    bm(tmp.path())
        .args(["gazetteer", "add", "Kokul Post", "--lat", "37.39", "--lon", "69.46", "--kind", "crossing"])
        .args(["--country", "AFG", "--alias", "Kokul", "--source", "analyst note"])
        .assert()
        .code(0)
        .stderr(predicate::str::contains("added afg-kokul-post"));
    let text = std::fs::read_to_string(user(tmp.path())).unwrap();
    assert!(text.starts_with("id,name,kind,country,lat,lon,geometry,aliases,geonames_id,source,notes\n"), "{text}");
    assert_eq!(best(tmp.path(), "Kokul")["id"], "afg-kokul-post");
    assert_eq!(best(tmp.path(), "Kokul")["border"], "AFG-TJK");
    bm(tmp.path())
        .args(["gazetteer", "list", "--country", "AFG", "--kind", "crossing"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("afg-kokul-post").and(predicate::str::contains("mine/places.csv:2")));
    // The bundled data is untouched: without the user file the name is unknown.
    bordermap().args(["resolve", "Kokul"]).assert().code(1);
}

#[test]
fn collisions_and_bad_points_are_refused_unless_forced() {
    let tmp = tempfile::tempdir().unwrap();
    // "Panj" is already three places' name.
    bm(tmp.path())
        .args(["gazetteer", "add", "Panj Ferry", "--lat", "37.23", "--lon", "69.1", "--kind", "crossing"])
        .args(["--country", "TJK", "--alias", "Panj"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("\"Panj\" is already a name of").and(predicate::str::contains("--force")));
    assert!(!user(tmp.path()).exists() || !std::fs::read_to_string(user(tmp.path())).unwrap().contains("Ferry"));
    // Dushanbe's coordinates declared Afghan.
    bm(tmp.path())
        .args([
            "gazetteer",
            "add",
            "Wrong Town",
            "--lat",
            "38.54",
            "--lon",
            "68.78",
            "--kind",
            "town",
            "--country",
            "AFG",
        ])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("outside AFG"));
    // Kunduz with lat and lon exchanged.
    bm(tmp.path())
        .args([
            "gazetteer",
            "add",
            "Swapped Town",
            "--lat",
            "68.857",
            "--lon",
            "36.729",
            "--kind",
            "town",
            "--country",
            "AFG",
        ])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("swapped"));
    // A generic word as an alias.
    bm(tmp.path())
        .args(["gazetteer", "add", "Qala Nau Post", "--lat", "37.39", "--lon", "69.46", "--kind", "crossing"])
        .args(["--country", "AFG", "--alias", "Qala"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("generic word"));
    // Out of range is invalid, and --force does not override that.
    bm(tmp.path())
        .args([
            "gazetteer",
            "add",
            "Nowhere",
            "--lat",
            "95",
            "--lon",
            "68",
            "--kind",
            "town",
            "--country",
            "AFG",
            "--force",
        ])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("field 'lat'"));
    // Forced collision goes through.
    bm(tmp.path())
        .args(["gazetteer", "add", "Panj Ferry", "--lat", "37.23", "--lon", "69.1", "--kind", "crossing"])
        .args(["--country", "TJK", "--alias", "Panj", "--force"])
        .assert()
        .code(0);
}

#[test]
fn existing_ids_need_force_and_then_override() {
    let tmp = tempfile::tempdir().unwrap();
    bm(tmp.path()).args(ADD_POST).assert().code(0);
    bm(tmp.path()).args(ADD_POST).assert().code(2).stderr(predicate::str::contains("exists already"));
    // Overriding a bundled place by id: Torghundi moved onto the line.
    bm(tmp.path())
        .args(["gazetteer", "add", "Torghundi", "--id", "afg-torghundi", "--lat", "35.2508", "--lon", "62.2907"])
        .args(["--kind", "crossing", "--country", "AFG", "--alias", "Towraghondi", "--force"])
        .assert()
        .code(0);
    let t = best(tmp.path(), "Towraghondi");
    assert_eq!((t["id"].as_str(), t["lat"].as_f64()), (Some("afg-torghundi"), Some(35.2508)));
}

#[test]
fn aliases_and_removal() {
    let tmp = tempfile::tempdir().unwrap();
    // An alias for a bundled place: the row is copied into the user file with it.
    assert_eq!(best(tmp.path(), "Eslam Ghala")["matched"], "fuzzy");
    bm(tmp.path()).args(["gazetteer", "alias", "Islam Qala", "Eslam Ghala"]).assert().code(0);
    let b = best(tmp.path(), "Eslam Ghala");
    assert_eq!((b["id"].as_str(), b["matched"].as_str()), (Some("afg-islam-qala"), Some("exact")));
    let text = std::fs::read_to_string(user(tmp.path())).unwrap();
    assert!(text.contains("afg-islam-qala,Islam Qala,crossing,AFG,34.66667,61.06667"), "{text}");
    // A colliding alias is refused.
    bm(tmp.path())
        .args(["gazetteer", "alias", "afg-islam-qala", "Herat"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("already a name of afg-herat"));
    // Remove: user places go; bundled ones cannot be removed.
    bm(tmp.path()).args(ADD_POST).assert().code(0);
    bm(tmp.path()).args(["gazetteer", "remove", "tjk-nizhny-pyandzh-post"]).assert().code(0);
    assert_eq!(best(tmp.path(), "Nizhny Pyandzh Post")["id"], "tjk-panji-poyon", "the removed post is gone");
    bm(tmp.path())
        .args(["gazetteer", "remove", "afg-herat"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("not in").and(predicate::str::contains("--force")));
    bm(tmp.path()).args(["gazetteer", "remove", "no-such-id"]).assert().code(2);
}

#[test]
fn existing_rows_keep_their_text_and_order() {
    let tmp = tempfile::tempdir().unwrap();
    let file = user(tmp.path());
    std::fs::create_dir_all(file.parent().unwrap()).unwrap();
    let before = "id,name,kind,country,lat,lon,notes\n\
                  afg-z-post,Z Post,crossing,AFG,37.39000,69.46000,\"hand-written, with a comma\"\n\
                  afg-a-post,A Post,crossing,AFG,37.3800,69.4500,\n";
    std::fs::write(&file, before).unwrap();
    bm(tmp.path()).args(ADD_POST).assert().code(0);
    // This file has no aliases column: the alias is refused rather than lost.
    bm(tmp.path())
        .args(["gazetteer", "alias", "afg-a-post", "Alpha Post"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no column for aliases"));
    // An alias the place already has (in folded form) changes nothing.
    let before_noop = std::fs::read_to_string(&file).unwrap();
    bm(tmp.path()).args(["gazetteer", "alias", "afg-a-post", "A-Post"]).assert().code(0);
    assert_eq!(std::fs::read_to_string(&file).unwrap(), before_noop);
    let after = std::fs::read_to_string(&file).unwrap();
    let lines: Vec<&str> = after.lines().collect();
    assert_eq!(lines[0], "id,name,kind,country,lat,lon,notes", "the file's own columns are kept");
    assert_eq!(lines[1], "afg-z-post,Z Post,crossing,AFG,37.39000,69.46000,\"hand-written, with a comma\"");
    assert!(lines[2].starts_with("afg-a-post,A Post,crossing,AFG,37.3800,69.4500"), "{after}");
    assert!(lines[3].starts_with("tjk-nizhny-pyandzh-post,"), "{after}");
    assert_eq!(lines.len(), 4);
}

#[test]
fn concurrent_adds_lose_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let bin = assert_cmd::cargo::cargo_bin("bordermap");
    let children: Vec<_> = (0..8)
        .map(|i| {
            std::process::Command::new(&bin)
                .env("BORDERMAP_USER_PLACES", user(tmp.path()))
                .env_remove("BORDERMAP_GAZETTEER")
                .args(["gazetteer", "add", &format!("Test Post {i}"), "--lat"])
                .arg(format!("{}", 37.30 + i as f64 * 0.01))
                .args(["--lon", "69.4", "--kind", "crossing", "--country", "AFG"])
                .stderr(std::process::Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    for c in children {
        let out = c.wait_with_output().unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    }
    let text = std::fs::read_to_string(user(tmp.path())).unwrap();
    for i in 0..8 {
        assert!(text.contains(&format!("afg-test-post-{i},")), "post {i} lost:\n{text}");
    }
    assert_eq!(text.lines().count(), 9);
    bm(tmp.path()).args(["gazetteer", "check"]).assert().code(0);
}

#[test]
fn layers_stack_with_the_user_file_on_top() {
    let tmp = tempfile::tempdir().unwrap();
    let team = tmp.path().join("team.csv");
    std::fs::write(
        &team,
        "id,name,kind,country,lat,lon,aliases\n\
         afg-kokul-post,Kokul Post,crossing,AFG,37.39,69.46,Kokul\n\
         afg-islam-qala,Islam Qala,crossing,AFG,34.6684,61.0,Islam Qala port\n",
    )
    .unwrap();
    // A team layer adds a place and overrides a bundled one by id.
    let out = bm(tmp.path())
        .args(["resolve", "Kokul", "Islam Qala", "--format", "json", "--gazetteer"])
        .arg(&team)
        .output()
        .unwrap();
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v[0]["best"]["id"], "afg-kokul-post");
    assert_eq!(v[1]["best"]["lon"], 61.0);
    // The same through the environment variable.
    let out = bm(tmp.path())
        .env("BORDERMAP_GAZETTEER", &team)
        .args(["resolve", "Kokul", "--format", "json"])
        .output()
        .unwrap();
    assert!(out.status.success());
    // The user file wins over the team layer.
    bm(tmp.path())
        .args(["gazetteer", "add", "Kokul Post", "--id", "afg-kokul-post", "--lat", "37.385", "--lon", "69.455"])
        .args(["--kind", "crossing", "--country", "AFG", "--force", "--gazetteer"])
        .arg(&team)
        .assert()
        .code(0);
    let out =
        bm(tmp.path()).args(["resolve", "Kokul Post", "--format", "json", "--gazetteer"]).arg(&team).output().unwrap();
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v[0]["best"]["lat"], 37.385);
    // A broken layer is reported with its own file and line.
    std::fs::write(&team, "id,name,kind,country,lat,lon\nafg-x,X,town,AFG,north,69\n").unwrap();
    bm(tmp.path())
        .args(["resolve", "Kunduz", "--gazetteer"])
        .arg(&team)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("team.csv:2").and(predicate::str::contains("field 'lat'")));
}

#[test]
fn list_near_a_place() {
    let out = bordermap().args(["gazetteer", "list", "--near", "Islam Qala", "--km", "25"]).output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("irn-dogharoun") && text.contains("afg-kuhsan"), "{text}");
    assert!(!text.contains("afg-herat "), "{text}");
    let dogharoun = text.lines().position(|l| l.starts_with("irn-dogharoun")).unwrap();
    let kuhsan = text.lines().position(|l| l.starts_with("afg-kuhsan")).unwrap();
    assert!(dogharoun < kuhsan, "nearest first:\n{text}");
    bordermap().args(["gazetteer", "list", "--near", "Atlantis", "--km", "5"]).assert().code(2);
}

/// A user places file large enough to be indexed on disk (over 256 KiB): 3,000 invented villages.
fn large_user_file(dir: &Path) -> PathBuf {
    let mut text = String::from(util::HEADER);
    for i in 0..3000 {
        // Unique, pronounceable names: two syllables from the row number.
        let syl = ["ka", "ro", "mi", "tu", "se", "na", "bo", "li", "qu", "de"];
        let name = format!("{}{}{}dara", syl[i % 10], syl[(i / 10) % 10], syl[(i / 100) % 10]);
        let name = format!("{}{} Village {}", name[..1].to_uppercase(), &name[1..], i / 1000);
        text.push_str(&format!(
            "test-{i},{name},village,AFG,{:.4},{:.4},,,,test data for the on-disk index,padding to make rows realistic\n",
            34.0 + (i % 50) as f64 * 0.01,
            66.0 + (i / 50) as f64 * 0.01
        ));
    }
    let file = user(dir);
    std::fs::create_dir_all(file.parent().unwrap()).unwrap();
    std::fs::write(&file, text).unwrap();
    assert!(std::fs::metadata(&file).unwrap().len() > 256 * 1024);
    file
}

#[test]
fn a_large_user_file_is_indexed_once_and_reindexed_after_an_edit() {
    let dir = tempfile::tempdir().unwrap();
    let file = large_user_file(dir.path());
    let index = PathBuf::from(format!("{}.bmindex", file.display()));
    bm(dir.path())
        .args(["resolve", "Kamikadara Village 1"])
        .assert()
        .success()
        .stderr(predicate::str::contains("indexed").and(predicate::str::contains("no index yet")))
        .stdout(predicate::str::contains("test-1020"));
    assert!(index.exists());
    // Up to date: used silently.
    bm(dir.path()).args(["resolve", "Kamikadara Village 1"]).assert().success().stderr(predicate::str::is_empty());
    // An edit changes the file: the next load rebuilds the index and sees the new place.
    bm(dir.path()).args(ADD_POST).assert().success();
    bm(dir.path())
        .args(["resolve", "Nizhny Pyandzh Post"])
        .assert()
        .success()
        .stderr(predicate::str::contains("the places file changed"));
    bm(dir.path())
        .args(["gazetteer", "list", "--kind", "village", "--country", "AFG"])
        .assert()
        .success()
        .stdout(predicate::str::contains("test-0 ").and(predicate::str::contains("test-2999 ")));
    // Typos and suggestions work through the index too.
    best_is(dir.path(), "Setumidara Vilage 1", "test-1234");
    bm(dir.path()).args(["resolve", "Zzyzx Unknown"]).assert().code(1);
}

fn best_is(dir: &Path, name: &str, id: &str) {
    assert_eq!(best(dir, name)["id"], id, "{name}");
}
