//! `bordermap map` publishes a layer set as a whole: an empty input never replaces a published
//! map, the user's files in the folder are kept, stale folders and debris go, and OS errors are
//! one clean line naming what the user gave.

mod util;

use std::path::{Path, PathBuf};

use predicates::prelude::*;
use util::{bordermap, tree};

const EXAMPLE: &str = "maps/afghan-borders-2021/events.csv";
const HEADER: &str = "id,date,place,type,actor,claim_status,claimed_by,source\n";

fn example() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(EXAMPLE)
}

/// A folder with the example mapped by day into `pub/`.
fn published() -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("pub");
    bordermap().arg("map").arg(example()).arg("--out").arg(&out).args(["--by", "day"]).assert().code(0);
    (tmp, out)
}

fn hidden_siblings(parent: &Path) -> Vec<String> {
    std::fs::read_dir(parent)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with('.'))
        .collect()
}

#[test]
fn empty_input_never_replaces_a_published_map() {
    let (tmp, out) = published();
    let before = tree(&out);
    let header_only = tmp.path().join("header.csv");
    std::fs::write(&header_only, HEADER).unwrap();
    let empty_jsonl = tmp.path().join("empty.jsonl");
    std::fs::write(&empty_jsonl, "").unwrap();
    let zero = tmp.path().join("zero.csv");
    std::fs::write(&zero, "").unwrap();
    for input in [&header_only, &empty_jsonl, &zero] {
        let r = bordermap().arg("map").arg(input).arg("--out").arg(&out).args(["--by", "day"]).output().unwrap();
        assert_eq!(r.status.code(), Some(2), "{}: {}", input.display(), String::from_utf8_lossy(&r.stderr));
        assert!(tree(&out) == before, "{} changed the published map", input.display());
    }
    // The same through a pipe, as `extract URL | map -` does when the extraction fails.
    bordermap()
        .args(["map", "-", "--by", "day", "--out"])
        .arg(&out)
        .write_stdin(HEADER)
        .assert()
        .code(2)
        .stderr(predicates::str::contains("no events in <stdin>").and(predicates::str::contains("--allow-empty")));
    assert!(tree(&out) == before);
    assert_eq!(hidden_siblings(tmp.path()), Vec::<String>::new(), "nothing left beside the folder");
}

#[test]
fn an_input_without_events_among_others_is_refused_unless_allowed() {
    let (tmp, out) = published();
    let header_only = tmp.path().join("failed-download.csv");
    std::fs::write(&header_only, HEADER).unwrap();
    bordermap()
        .arg("map")
        .arg(example())
        .arg(&header_only)
        .arg("--out")
        .arg(&out)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("failed-download.csv").and(predicate::str::contains("nothing was changed")));
    assert!(out.join("by-day").exists(), "the by-day map is still there");
    bordermap().arg("map").arg(&header_only).arg("--out").arg(&out).arg("--allow-empty").assert().code(0);
    let index: serde_json::Value = serde_json::from_slice(&std::fs::read(out.join("index.json")).unwrap()).unwrap();
    assert_eq!(index["events_read"], 0);
    assert!(!out.join("by-day").exists(), "an empty map, as asked");
}

#[test]
fn rerun_removes_stale_period_folders_instead_of_leaving_them_empty() {
    let (tmp, out) = published();
    let one = tmp.path().join("one.csv");
    std::fs::write(&one, format!("{HEADER}e1,2021-08-01,Islam Qala,capture,Taliban,claimed,Taliban,x\n")).unwrap();
    bordermap().arg("map").arg(&one).arg("--out").arg(&out).args(["--by", "day"]).assert().code(0);
    let days: Vec<String> = std::fs::read_dir(out.join("by-day"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(days, ["2021-08-01"]);
}

#[test]
fn user_files_in_the_output_folder_are_kept_as_they_are() {
    let (tmp, out) = published();
    std::fs::write(out.join("borders.qgs"), "<qgis/>").unwrap();
    std::fs::create_dir_all(out.join("notes/empty")).unwrap();
    std::fs::write(out.join("by-day/README.txt"), "what these are").unwrap();
    #[cfg(unix)]
    let inode = std::os::unix::fs::MetadataExt::ino(&std::fs::metadata(out.join("borders.qgs")).unwrap());
    bordermap()
        .arg("map")
        .arg(example())
        .arg("--out")
        .arg(&out)
        .assert()
        .code(0)
        .stderr(predicate::str::contains("kept 2 file(s) of yours"));
    assert_eq!(std::fs::read(out.join("borders.qgs")).unwrap(), b"<qgis/>");
    assert_eq!(std::fs::read(out.join("by-day/README.txt")).unwrap(), b"what these are");
    assert!(out.join("notes/empty").is_dir());
    assert!(!out.join("by-day/2021-07-09").exists(), "the stale by-day layers went");
    #[cfg(unix)]
    assert_eq!(std::os::unix::fs::MetadataExt::ino(&std::fs::metadata(out.join("borders.qgs")).unwrap()), inode);
    assert_eq!(hidden_siblings(tmp.path()), Vec::<String>::new());
}

#[test]
fn debris_of_killed_runs_is_removed_and_said() {
    let (tmp, out) = published();
    // What a killed run of this version leaves beside the folder, and older versions inside it.
    let staging = tmp.path().join(".pub.bordermap-new-4242-deadbeef");
    std::fs::create_dir_all(staging.join("by-day/2021-07-09")).unwrap();
    std::fs::write(staging.join("by-day/2021-07-09/AFG-IRN.geojson"), vec![b'x'; 3000]).unwrap();
    std::fs::write(out.join(".bordermap-AbC123.tmp"), "half a layer").unwrap();
    std::fs::write(out.join("by-day/.bordermap-XyZ789.tmp"), "half a layer").unwrap();
    bordermap().arg("map").arg(example()).arg("--out").arg(&out).assert().code(0).stderr(
        predicate::str::contains(".pub.bordermap-new-4242-deadbeef left by an interrupted run (1 file(s), 2.9 KB)")
            .and(predicate::str::contains(".bordermap-AbC123.tmp left by an interrupted run")),
    );
    assert_eq!(hidden_siblings(tmp.path()), Vec::<String>::new());
    assert!(!tree(&out).keys().any(|k| k.contains(".bordermap-")), "{:?}", tree(&out).keys());
}

#[test]
fn a_folder_bordermap_did_not_write_is_refused() {
    let tmp = tempfile::tempdir().unwrap();
    let home = tmp.path().join("home");
    std::fs::create_dir_all(home.join("Documents")).unwrap();
    std::fs::write(home.join("thesis.docx"), "years of work").unwrap();
    bordermap()
        .arg("map")
        .arg(example())
        .arg("--out")
        .arg(&home)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("already holds files that bordermap did not write (Documents, thesis.docx"));
    assert_eq!(std::fs::read(home.join("thesis.docx")).unwrap(), b"years of work");
    assert_eq!(hidden_siblings(tmp.path()), Vec::<String>::new());
}

#[test]
fn out_that_is_a_file_is_one_clean_line() {
    let tmp = tempfile::tempdir().unwrap();
    let file = tmp.path().join("afile");
    std::fs::write(&file, "x").unwrap();
    let r = bordermap().arg("map").arg(example()).arg("--out").arg(&file).output().unwrap();
    assert_eq!(r.status.code(), Some(2));
    let err = String::from_utf8_lossy(&r.stderr);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("--out ") && err.contains("afile is a file, not a folder"), "{err}");
    assert!(!err.contains("os error") && !err.contains("File exists"), "{err}");
    // A path under a file.
    let r = bordermap().arg("map").arg(example()).arg("--out").arg(file.join("layers")).output().unwrap();
    assert_eq!(r.status.code(), Some(2));
    let err = String::from_utf8_lossy(&r.stderr);
    assert!(err.contains("is a file, not a folder") && err.lines().count() == 1, "{err}");
}

#[test]
fn missing_input_is_one_clean_line() {
    let tmp = tempfile::tempdir().unwrap();
    let r = bordermap().args(["map", "no-such-events.csv", "--out"]).arg(tmp.path().join("o")).output().unwrap();
    assert_eq!(r.status.code(), Some(2));
    let err = String::from_utf8_lossy(&r.stderr);
    assert_eq!(err.trim(), "bordermap: error: cannot open no-such-events.csv: No such file or directory");
}

/// A full disk: one line, the published set unchanged, nothing left. Needs a small tmpfs
/// (root, and a kernel that lets this process mount one); said and skipped otherwise.
#[test]
fn no_space_left_is_reported_once_and_changes_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let mnt = tmp.path().join("small");
    std::fs::create_dir(&mnt).unwrap();
    let mounted = std::process::Command::new("mount")
        .args(["-t", "tmpfs", "-o", "size=1200k", "tmpfs"])
        .arg(&mnt)
        .stderr(std::process::Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    if !mounted {
        eprintln!("SKIPPED: no_space_left_is_reported_once_and_changes_nothing: cannot mount a small tmpfs here");
        return;
    }
    struct Unmount(PathBuf);
    impl Drop for Unmount {
        fn drop(&mut self) {
            let _ = std::process::Command::new("umount").arg(&self.0).status();
        }
    }
    let _guard = Unmount(mnt.clone());
    let out = mnt.join("pub");
    // A small published map (one layer, its style, the project: ~480 KB) fits; the by-day
    // one (~3.9 MB) does not.
    let one = tmp.path().join("one.csv");
    std::fs::write(&one, format!("{HEADER}e1,2021-08-01,Islam Qala,capture,Taliban,claimed,Taliban,x\n")).unwrap();
    bordermap().arg("map").arg(&one).arg("--out").arg(&out).args(["--layers", "borders"]).assert().code(0);
    let before = tree(&out);
    let r = bordermap().arg("map").arg(example()).arg("--out").arg(&out).args(["--by", "day"]).output().unwrap();
    assert_eq!(r.status.code(), Some(2));
    let err = String::from_utf8_lossy(&r.stderr);
    assert_eq!(err.matches("No space left on device").count(), 1, "{err}");
    assert!(err.contains("the published layers were not changed") && !err.contains("os error"), "{err}");
    assert!(tree(&out) == before);
    assert_eq!(hidden_siblings(&mnt), Vec::<String>::new());
}
