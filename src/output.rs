//! Writing results: files appear whole or not at all, numbers are rounded the same way every
//! time.

use std::io::Write;
use std::path::Path;

/// Decimal places for coordinates (RFC 7946 suggests 6: about 10 cm).
pub const COORD_DECIMALS: i32 = 6;

/// Rounds a coordinate to [`COORD_DECIMALS`] places.
pub fn round_coord(v: f64) -> f64 {
    round_to(v, COORD_DECIMALS)
}

/// Rounds to `decimals` places (ties away from zero), without `-0`.
pub fn round_to(v: f64, decimals: i32) -> f64 {
    let k = 10f64.powi(decimals);
    let r = (v * k).round() / k;
    if r == 0.0 { 0.0 } else { r }
}

/// Writes `bytes` to `path` atomically: a temporary file in the same folder is written, synced
/// and renamed over the target, so readers see the old file or the new one, never a part.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    write_atomic_with(path, |w| w.write_all(bytes))
}

/// Like [`write_atomic`], with the content produced by a closure writing to a buffered writer.
pub fn write_atomic_with(path: &Path, fill: impl FnOnce(&mut dyn Write) -> std::io::Result<()>) -> std::io::Result<()> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    // The new file keeps the old one's permissions; a first one gets the usual ones (0666 less
    // the umask), not the temporary file's private 0600.
    let mut builder = tempfile::Builder::new();
    builder.prefix(".bordermap-").suffix(".tmp");
    match std::fs::metadata(path) {
        Ok(m) => {
            builder.permissions(m.permissions());
        }
        Err(_) => {
            #[cfg(unix)]
            builder.permissions(std::os::unix::fs::PermissionsExt::from_mode(0o666));
        }
    }
    let mut tmp = builder.tempfile_in(dir)?;
    {
        let mut w = std::io::BufWriter::new(tmp.as_file_mut());
        fill(&mut w)?;
        w.flush()?;
    }
    tmp.as_file().sync_all()?;
    tmp.persist(path).map_err(|e| e.error)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rounding_is_stable() {
        assert_eq!(round_coord(61.066_666_666), 61.066667);
        assert_eq!(round_coord(-0.000_000_1), 0.0);
        assert_eq!(round_to(2.345, 1), 2.3);
    }

    #[cfg(unix)]
    #[test]
    fn new_files_are_not_private_and_replaced_files_keep_their_mode() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let f = dir.path().join("layer.geojson");
        write_atomic(&f, b"{}").unwrap();
        let mode = std::fs::metadata(&f).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode & 0o044, 0o044 & !umask_guess(), "group/other may read unless the umask says no: {mode:o}");
        std::fs::set_permissions(&f, std::fs::Permissions::from_mode(0o640)).unwrap();
        write_atomic(&f, b"{ }").unwrap();
        assert_eq!(std::fs::metadata(&f).unwrap().permissions().mode() & 0o777, 0o640);
    }

    /// The process umask's read bits, found by creating a file.
    #[cfg(unix)]
    fn umask_guess() -> u32 {
        use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("probe");
        std::fs::OpenOptions::new().write(true).create(true).truncate(true).mode(0o666).open(&p).unwrap();
        !std::fs::metadata(&p).unwrap().permissions().mode() & 0o044
    }

    #[test]
    fn failed_write_leaves_old_file_and_no_temp() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("out.json");
        write_atomic(&target, b"old").unwrap();
        let err = write_atomic_with(&target, |w| {
            w.write_all(b"half")?;
            Err(std::io::Error::other("disk full"))
        });
        assert!(err.is_err());
        assert_eq!(std::fs::read(&target).unwrap(), b"old");
        let names: Vec<_> = std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
        assert_eq!(names.len(), 1, "temporary file left behind: {names:?}");
        write_atomic(&target, b"new").unwrap();
        assert_eq!(std::fs::read(&target).unwrap(), b"new");
    }
}
