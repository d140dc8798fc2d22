//! Replays the fuzz corpus (`fuzz/corpus/<target>/`) and every crash input kept as a
//! regression (`fuzz/regressions/<target>/`) through the fuzz targets' entry functions, on
//! stable and in the ordinary `cargo test`: CI checks them without the nightly fuzz build.
//! A panic in an entry fails the target's test, naming each file that failed and why.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};

/// The files of `fuzz/corpus/<target>` and `fuzz/regressions/<target>`, sorted (hidden files
/// such as `.gitkeep` left out). The corpus must not be empty.
fn inputs(target: &str) -> Vec<PathBuf> {
    let fuzz = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz");
    let mut files = Vec::new();
    for dir in ["corpus", "regressions"] {
        let Ok(entries) = std::fs::read_dir(fuzz.join(dir).join(target)) else { continue };
        for e in entries {
            let path = e.expect("a readable directory entry").path();
            if path.is_file() && !path.file_name().is_some_and(|n| n.to_string_lossy().starts_with('.')) {
                files.push(path);
            }
        }
    }
    files.sort();
    assert!(
        files.iter().any(|f| f.components().any(|c| c.as_os_str() == "corpus")),
        "fuzz/corpus/{target} has no inputs"
    );
    files
}

fn panic_message(p: &(dyn std::any::Any + Send)) -> String {
    p.downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| p.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "(a panic without a message)".into())
}

/// Runs `entry` on every input of `target`; fails listing each input that panicked.
fn replay(target: &str, entry: fn(&[u8])) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut failed = Vec::new();
    let files = inputs(target);
    for f in &files {
        let data = std::fs::read(f).unwrap_or_else(|e| panic!("cannot read {}: {e}", f.display()));
        if let Err(p) = catch_unwind(AssertUnwindSafe(|| entry(&data))) {
            let name = f.strip_prefix(root).unwrap_or(f);
            failed.push(format!("  {}: {}", name.display(), panic_message(p.as_ref())));
        }
    }
    assert!(failed.is_empty(), "{target}: {} of {} inputs failed:\n{}", failed.len(), files.len(), failed.join("\n"));
}

macro_rules! targets {
    ($($t:ident),* $(,)?) => {
        $(
            #[test]
            fn $t() {
                replay(stringify!($t), bordermap::fuzzing::$t);
            }
        )*
    };
}

targets!(
    events_csv,
    events_jsonl,
    acled_csv,
    gdelt_tsv,
    ucdp_csv,
    places_csv,
    geonames_rows,
    html_article,
    text_article,
    dates,
    fold,
    resolve,
    rules_file,
    layers_folder
);
