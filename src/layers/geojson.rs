//! The GeoJSON format: one FeatureCollection per layer (RFC 7946), written as a stream. Each
//! layer is a temporary file in the output folder that features are appended to; nothing
//! appears under its real name until [`LayerFiles::commit`] renames them all, and dropping
//! without committing leaves the folder as it was.
//!
//! A run by day over a few years has thousands of layers, fed in no order. Keeping each open
//! with its own buffer would need thousands of file descriptors (more than the usual limit of
//! 1,024) and a buffer each; instead each layer's features collect in memory and are appended
//! to its temporary file (opened, written, closed) when its buffer reaches
//! [`LAYER_BUFFER`] bytes, or all buffers when together they pass [`MEMORY_BUDGET`]. Memory
//! stays bounded and at most one file is open at a time; the bytes written are the same.

use std::collections::HashMap;
use std::fs::OpenOptions;
use std::io::Write;
use std::path::{Path, PathBuf};

use tempfile::TempPath;

use super::Properties;
use super::format::{FormatWriter, LayerId, LayerSpec, Written};
use super::place::Geom;
use super::schema::{GeomKind, LayerKind};

/// The GeoJSON writer of a run: a file per layer, and beside each its QGIS style
/// (`X.geojson`, `X.qml`), which QGIS applies when it opens the file.
pub struct GeoJson {
    files: LayerFiles,
    dir: PathBuf,
    properties: Properties,
}

impl GeoJson {
    /// Layers as GeoJSON files under `dir`.
    pub fn new(dir: &Path, properties: Properties) -> std::io::Result<Self> {
        Ok(GeoJson { files: LayerFiles::new(dir)?, dir: dir.to_path_buf(), properties })
    }

    /// Writes the style of each layer beside it. Layers of one kind and geometry have the same
    /// style: it is written once and the others are hard links to it (a run by day over years
    /// has thousands of layers), or copies where the file system has no links.
    fn styles(&self, layers: &[(LayerSpec, u64)]) -> std::io::Result<Vec<Written>> {
        let mut first: HashMap<(LayerKind, GeomKind), PathBuf> = HashMap::new();
        let mut out = Vec::new();
        for (spec, _) in layers {
            let rel = format!("{}.qml", spec.name);
            let path = self.dir.join(&rel);
            match first.get(&(spec.kind, spec.geom)) {
                Some(original) => {
                    if std::fs::hard_link(original, &path).is_err() {
                        std::fs::copy(original, &path)?;
                    }
                }
                None => {
                    std::fs::write(&path, super::qml::layer_qml(spec.kind, spec.geom, self.properties))?;
                    first.insert((spec.kind, spec.geom), path);
                }
            }
            out.push(Written { path: rel, format: "qml", layer: None, features: 0 });
        }
        Ok(out)
    }
}

impl FormatWriter for GeoJson {
    fn begin(&mut self, id: LayerId, spec: &LayerSpec) -> std::io::Result<()> {
        let started = self.files.start(&format!("{}.geojson", spec.name))?;
        debug_assert_eq!(started, id);
        Ok(())
    }

    fn feature(&mut self, id: LayerId, geom: &Geom, props: &[u8]) -> std::io::Result<()> {
        self.files.push_to(
            id,
            &[b"{\"type\":\"Feature\",\"geometry\":", geom.json.as_bytes(), b",\"properties\":", props, b"}"],
        )
    }

    fn finish(self: Box<Self>, layers: &[(LayerSpec, u64)]) -> std::io::Result<Vec<Written>> {
        let styles = self.styles(layers)?;
        let counts = self.files.commit()?;
        let mut out: Vec<Written> = counts
            .into_iter()
            .zip(layers)
            .map(|((path, features), (spec, _))| Written {
                path,
                format: "geojson",
                layer: Some(spec.clone()),
                features,
            })
            .collect();
        out.extend(styles);
        Ok(out)
    }
}

/// A layer's buffer is appended to its file when it reaches this size.
pub const LAYER_BUFFER: usize = 128 << 10;
/// All buffers are written out when together they pass this size.
pub const MEMORY_BUDGET: usize = 8 << 20;

/// One FeatureCollection being written.
struct Open {
    path: TempPath,
    buf: Vec<u8>,
    features: u64,
}

impl Open {
    fn flush(&mut self) -> std::io::Result<()> {
        if !self.buf.is_empty() {
            OpenOptions::new().append(true).open(&self.path)?.write_all(&self.buf)?;
            self.buf.clear();
        }
        Ok(())
    }
}

/// All the FeatureCollections of one run, by their path relative to the output folder.
pub struct LayerFiles {
    dir: PathBuf,
    /// Layer of each path.
    index: HashMap<String, LayerId>,
    open: Vec<(String, Open)>,
    /// Bytes held in all buffers.
    held: usize,
}

impl LayerFiles {
    /// Layers to be written under `dir` (created if needed).
    pub fn new(dir: &Path) -> std::io::Result<Self> {
        std::fs::create_dir_all(dir)?;
        Ok(LayerFiles { dir: dir.to_path_buf(), index: HashMap::new(), open: Vec::new(), held: 0 })
    }

    /// Starts a layer if it is not started yet (an empty layer is still written).
    pub fn start(&mut self, rel: &str) -> std::io::Result<LayerId> {
        if let Some(&id) = self.index.get(rel) {
            return Ok(id);
        }
        let path = self.dir.join(rel);
        let parent = path.parent().expect("layer paths have a parent").to_path_buf();
        std::fs::create_dir_all(&parent)?;
        // Layers are read by others: created 0666 less the umask, not a temporary file's
        // private 0600.
        let mut builder = tempfile::Builder::new();
        builder.prefix(".bordermap-").suffix(".tmp");
        #[cfg(unix)]
        builder.permissions(std::os::unix::fs::PermissionsExt::from_mode(0o666));
        let tmp = builder.tempfile_in(&parent)?;
        let mut buf = Vec::with_capacity(256);
        buf.extend_from_slice(b"{\"type\":\"FeatureCollection\",\"features\":[\n");
        self.held += buf.len();
        let id = LayerId(self.open.len());
        self.open.push((rel.to_string(), Open { path: tmp.into_temp_path(), buf, features: 0 }));
        self.index.insert(rel.to_string(), id);
        Ok(id)
    }

    /// Appends one feature (its JSON text, in parts) to a layer, starting the layer if needed.
    #[cfg(test)]
    fn push(&mut self, rel: &str, feature_json: &[u8]) -> std::io::Result<()> {
        let id = self.start(rel)?;
        self.push_to(id, &[feature_json])
    }

    /// Appends one feature, its JSON text in parts, to a started layer.
    pub fn push_to(&mut self, id: LayerId, parts: &[&[u8]]) -> std::io::Result<()> {
        let layer = &mut self.open[id.0].1;
        let before = layer.buf.len();
        if layer.features > 0 {
            layer.buf.extend_from_slice(b",\n");
        }
        for p in parts {
            layer.buf.extend_from_slice(p);
        }
        layer.features += 1;
        self.held += layer.buf.len() - before;
        if layer.buf.len() >= LAYER_BUFFER {
            self.held -= layer.buf.len();
            layer.flush()?;
        }
        if self.held > MEMORY_BUDGET {
            for (_, layer) in &mut self.open {
                layer.flush()?;
                layer.buf.shrink_to(4096);
            }
            self.held = 0;
        }
        Ok(())
    }

    /// Closes every layer, syncs it and renames it into place. Returns each path with its
    /// feature count, in the order the layers were started.
    pub fn commit(self) -> std::io::Result<Vec<(String, u64)>> {
        let mut done = Vec::new();
        for (rel, mut layer) in self.open {
            layer.buf.extend_from_slice(b"\n]}\n");
            let mut f = OpenOptions::new().append(true).open(&layer.path)?;
            f.write_all(&layer.buf)?;
            f.sync_all()?;
            drop(f);
            layer.path.persist(self.dir.join(&rel)).map_err(|e| e.error)?;
            done.push((rel, layer.features));
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
        assert_eq!(w, vec![("a.geojson".to_string(), 2)]);
        let v: serde_json::Value =
            serde_json::from_slice(&std::fs::read(dir.path().join("a.geojson")).unwrap()).unwrap();
        assert_eq!(v["features"].as_array().unwrap().len(), 2);
    }

    #[test]
    fn layers_larger_than_their_buffer_are_appended_in_order() {
        let dir = tempfile::tempdir().unwrap();
        let mut files = LayerFiles::new(dir.path()).unwrap();
        let feature = |i: usize| {
            format!(
                "{{\"type\":\"Feature\",\"geometry\":null,\"properties\":{{\"i\":{i},\"pad\":\"{}\"}}}}",
                "x".repeat(200)
            )
        };
        let n = 10 * LAYER_BUFFER / 200; // each of the 7 layers passes its buffer
        for i in 0..n {
            files.push(&format!("by-day/{}/l.geojson", i % 7), feature(i).as_bytes()).unwrap();
        }
        let w = files.commit().unwrap();
        assert_eq!(w.len(), 7);
        for k in 0..7 {
            let v: serde_json::Value =
                serde_json::from_slice(&std::fs::read(dir.path().join(format!("by-day/{k}/l.geojson"))).unwrap())
                    .unwrap();
            let got: Vec<u64> =
                v["features"].as_array().unwrap().iter().map(|f| f["properties"]["i"].as_u64().unwrap()).collect();
            let want: Vec<u64> = (0..n as u64).filter(|i| i % 7 == k).collect();
            assert_eq!(got, want);
        }
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
