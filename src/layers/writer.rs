//! Output files written as streams: each layer is a temporary file in the output folder that
//! features are appended to; nothing appears under its real name until [`LayerFiles::commit`]
//! renames them all, and dropping without committing leaves the folder as it was.

use std::collections::BTreeMap;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use tempfile::NamedTempFile;

/// One FeatureCollection being written.
struct Open {
    out: BufWriter<NamedTempFile>,
    features: u64,
}

/// All the FeatureCollections of one run, keyed by their path relative to the output folder.
pub struct LayerFiles {
    dir: PathBuf,
    open: BTreeMap<String, Open>,
}

/// What was written to one file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Written {
    /// Path relative to the output folder, `/`-separated.
    pub path: String,
    /// Number of features.
    pub features: u64,
}

impl LayerFiles {
    /// Layers to be written under `dir` (created if needed).
    pub fn new(dir: &Path) -> std::io::Result<Self> {
        std::fs::create_dir_all(dir)?;
        Ok(LayerFiles { dir: dir.to_path_buf(), open: BTreeMap::new() })
    }

    /// Whether a layer has been started.
    pub fn has(&self, rel: &str) -> bool {
        self.open.contains_key(rel)
    }

    /// Starts a layer if it is not started yet (an empty layer is still written).
    pub fn start(&mut self, rel: &str) -> std::io::Result<()> {
        if !self.open.contains_key(rel) {
            let path = self.dir.join(rel);
            let parent = path.parent().expect("layer paths have a parent").to_path_buf();
            std::fs::create_dir_all(&parent)?;
            let tmp = tempfile::Builder::new().prefix(".bordermap-").suffix(".tmp").tempfile_in(&parent)?;
            let mut out = BufWriter::with_capacity(1 << 16, tmp);
            out.write_all(b"{\"type\":\"FeatureCollection\",\"features\":[\n")?;
            self.open.insert(rel.to_string(), Open { out, features: 0 });
        }
        Ok(())
    }

    /// Appends one feature (its JSON text) to a layer, starting the layer if needed.
    pub fn push(&mut self, rel: &str, feature_json: &[u8]) -> std::io::Result<()> {
        self.start(rel)?;
        let layer = self.open.get_mut(rel).expect("just started");
        if layer.features > 0 {
            layer.out.write_all(b",\n")?;
        }
        layer.out.write_all(feature_json)?;
        layer.features += 1;
        Ok(())
    }

    /// Closes every layer, syncs it and renames it into place. Returns what was written, in
    /// path order.
    pub fn commit(self) -> std::io::Result<Vec<Written>> {
        let mut done = Vec::new();
        for (rel, mut layer) in self.open {
            layer.out.write_all(b"\n]}\n")?;
            let tmp = layer.out.into_inner().map_err(|e| e.into_error())?;
            tmp.as_file().sync_all()?;
            tmp.persist(self.dir.join(&rel)).map_err(|e| e.error)?;
            done.push(Written { path: rel, features: layer.features });
        }
        Ok(done)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nothing_appears_until_commit_and_drop_leaves_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let mut files = LayerFiles::new(dir.path()).unwrap();
        files.push("a.geojson", b"{\"type\":\"Feature\"}").unwrap();
        files.push("sub/b.geojson", b"{}").unwrap();
        assert!(!dir.path().join("a.geojson").exists());
        drop(files);
        let left: Vec<_> = walk(dir.path());
        assert!(left.iter().all(|p| !p.ends_with(".tmp") && !p.ends_with(".geojson")), "{left:?}");
    }

    #[test]
    fn commit_writes_valid_collections() {
        let dir = tempfile::tempdir().unwrap();
        let mut files = LayerFiles::new(dir.path()).unwrap();
        files.push("a.geojson", b"{\"type\":\"Feature\",\"geometry\":null,\"properties\":{}}").unwrap();
        files.push("a.geojson", b"{\"type\":\"Feature\",\"geometry\":null,\"properties\":{}}").unwrap();
        let w = files.commit().unwrap();
        assert_eq!(w, vec![Written { path: "a.geojson".into(), features: 2 }]);
        let v: serde_json::Value =
            serde_json::from_slice(&std::fs::read(dir.path().join("a.geojson")).unwrap()).unwrap();
        assert_eq!(v["features"].as_array().unwrap().len(), 2);
    }

    fn walk(dir: &Path) -> Vec<String> {
        let mut out = Vec::new();
        for e in std::fs::read_dir(dir).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                out.extend(walk(&p));
            } else {
                out.push(p.display().to_string());
            }
        }
        out
    }
}
