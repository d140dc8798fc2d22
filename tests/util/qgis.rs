//! Real QGIS for the tests: a Python that imports `qgis.core`, headless.

use std::path::PathBuf;

/// A Python that imports `qgis.core` (`BORDERMAP_QGIS_PYTHON`, else `python3`), or `None`
/// after saying that `what` is skipped; a failure under CI=true, which must have QGIS.
pub fn python(what: &str) -> Option<PathBuf> {
    let mut candidates: Vec<PathBuf> = Vec::new();
    if let Some(p) = std::env::var_os("BORDERMAP_QGIS_PYTHON") {
        candidates.push(p.into());
    }
    candidates.push("python3".into());
    candidates.push("/usr/bin/python3".into());
    super::python::importing(
        candidates,
        "qgis.core",
        "QGIS's Python bindings (apt-get install python3-qgis qgis-providers)",
        &format!(
            "QGIS not installed (no python3 imports qgis.core): skipping {what} (install python3-qgis qgis-providers to run it)"
        ),
    )
}
