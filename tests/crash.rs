//! `bordermap map` killed (SIGKILL) at moments spread over a run: the published folder is the
//! old layer set or the new one, byte for byte, with the user's own files, and the next run
//! removes what the killed one left.
//!
//! The number of kills is `BORDERMAP_CRASH_TRIALS` (default 6); the moments are fixed
//! fractions of a full run's duration, measured first, half of them in its last fifth, where
//! the new set is put in place.

mod util;

use std::collections::BTreeMap;
use std::path::Path;
use std::time::{Duration, Instant};

use util::tree;

fn write_tree(dir: &Path, t: &BTreeMap<String, Vec<u8>>) {
    for (rel, bytes) in t {
        let p = dir.join(rel);
        if rel.ends_with('/') {
            std::fs::create_dir_all(&p).unwrap();
        } else {
            std::fs::create_dir_all(p.parent().unwrap()).unwrap();
            std::fs::write(&p, bytes).unwrap();
        }
    }
}

/// `n` events at points over the borders and beyond, dates over five months (splitmix64).
fn events(n: usize, seed: u64) -> String {
    let mut s = seed;
    let mut next = move || {
        s = s.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = s;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        ((z ^ (z >> 31)) >> 11) as f64 / (1u64 << 53) as f64
    };
    let start = jiff::civil::date(2021, 5, 1);
    let mut csv = String::from("id,date,lat,lon,type,actor,claim_status,claimed_by,source\n");
    for i in 0..n {
        let day = start.checked_add(jiff::Span::new().days((next() * 150.0) as i64)).unwrap();
        let (lat, lon) = (29.5 + 9.5 * next(), 60.5 + 14.0 * next());
        let (t, status) = if next() < 0.5 { ("clash", "claimed") } else { ("capture", "disputed") };
        csv.push_str(&format!("g{seed}-{i},{day},{lat:.5},{lon:.5},{t},Taliban,{status},Taliban,generated\n"));
    }
    csv
}

fn map(events: &Path, out: &Path) -> std::process::Command {
    let mut cmd = std::process::Command::new(assert_cmd::cargo::cargo_bin!("bordermap"));
    cmd.env("BORDERMAP_USER_PLACES", "/nonexistent/bordermap-test/places.csv")
        .env_remove("BORDERMAP_GAZETTEER")
        .arg("map")
        .arg(events)
        .arg("--out")
        .arg(out)
        .args(["--by", "day"]);
    cmd
}

fn siblings_left(parent: &Path) -> Vec<String> {
    std::fs::read_dir(parent)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".pub.bordermap-"))
        .collect()
}

#[test]
fn a_killed_map_leaves_the_old_set_or_the_new_one_and_the_next_run_no_debris() {
    let trials: usize = std::env::var("BORDERMAP_CRASH_TRIALS").ok().and_then(|v| v.parse().ok()).unwrap_or(6);
    let tmp = tempfile::tempdir().unwrap();
    let (a, b) = (tmp.path().join("a.csv"), tmp.path().join("b.csv"));
    std::fs::write(&a, events(2000, 1)).unwrap();
    std::fs::write(&b, events(2000, 2)).unwrap();
    let out = tmp.path().join("pub");

    // The old set: A's layers and the user's files.
    assert!(map(&a, &out).status().unwrap().success());
    std::fs::write(out.join("project.qgs"), "<qgis/>").unwrap();
    std::fs::create_dir_all(out.join("notes")).unwrap();
    std::fs::write(out.join("notes/sources.txt"), "my notes").unwrap();
    let old = tree(&out);
    assert!(old.len() > 250, "a run with many files: {}", old.len());

    // The new set: B's layers and the same user files; and how long a run takes.
    let started = Instant::now();
    assert!(map(&b, &out).status().unwrap().success());
    let full = started.elapsed();
    let new = tree(&out);
    assert!(new.contains_key("project.qgs") && new.contains_key("notes/sources.txt"));
    assert_ne!(old, new);

    let (mut saw_old, mut saw_new) = (0, 0);
    for k in 0..trials {
        std::fs::remove_dir_all(&out).unwrap();
        write_tree(&out, &old);
        // Half the kills over the whole run, half in its last fifth (the swap is at the end).
        let f = if k % 2 == 0 { 0.05 + 1.0 * k as f64 / trials as f64 } else { 0.8 + 0.3 * k as f64 / trials as f64 };
        let mut child = map(&b, &out).stderr(std::process::Stdio::null()).spawn().unwrap();
        std::thread::sleep(Duration::from_secs_f64(full.as_secs_f64() * f));
        let _ = child.kill();
        child.wait().unwrap();

        let now = tree(&out);
        if now == old {
            saw_old += 1;
        } else if now == new {
            saw_new += 1;
        } else {
            let only_now: Vec<_> = now.keys().filter(|p| old.get(*p) != now.get(*p)).take(5).collect();
            panic!("kill {k} at {f:.2} of the run mixed two sets: differs from the old one in {only_now:?}");
        }

        // The next run completes and leaves nothing beside the folder or in it.
        let left = siblings_left(tmp.path());
        let rerun = map(&b, &out).output().unwrap();
        assert!(rerun.status.success(), "{}", String::from_utf8_lossy(&rerun.stderr));
        let said = String::from_utf8_lossy(&rerun.stderr);
        if !left.is_empty() {
            assert!(said.contains("left by an interrupted run"), "debris {left:?} not reported: {said}");
        }
        assert_eq!(siblings_left(tmp.path()), Vec::<String>::new(), "debris after the next run");
        assert!(tree(&out) == new, "kill {k}: the next run's layers differ from a clean run's");
    }
    eprintln!("{trials} kills: {saw_old} left the old set, {saw_new} the new one (full run {full:?})");
    assert!(saw_old > 0, "the earliest kills come before the swap");
}
