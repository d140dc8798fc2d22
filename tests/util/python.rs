//! A Python for the tests that need one (QGIS's bindings, DuckDB): the first candidate that
//! imports what the test needs.

use std::path::PathBuf;
use std::process::Command;

/// The first of `candidates` that runs `import {imports}` (headless: `QT_QPA_PLATFORM` is
/// `offscreen`), or `None` after printing `skipping`; under CI=true, a failure saying
/// `ci_needs`, since CI installs them all.
pub fn importing(candidates: Vec<PathBuf>, imports: &str, ci_needs: &str, skipping: &str) -> Option<PathBuf> {
    for python in candidates {
        let ok = Command::new(&python)
            .args(["-c", &format!("import {imports}")])
            .env("QT_QPA_PLATFORM", "offscreen")
            .output()
            .is_ok_and(|o| o.status.success());
        if ok {
            return Some(python);
        }
    }
    assert!(std::env::var("CI").as_deref() != Ok("true"), "CI must have {ci_needs}");
    eprintln!("{skipping}");
    None
}
