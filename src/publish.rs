//! Replacing a folder of outputs in one step, so that a reader, a kill or a full disk sees the
//! old set of files or the new one, never a mix.
//!
//! A run writes its whole set into a staging folder beside the output folder (in the same
//! parent, so on the same file system): `.NAME.bordermap-new-PID-NONCE`. On success the two
//! folders are swapped by one `renameat2(RENAME_EXCHANGE)`; the old set, now under the staging
//! name, is renamed `.NAME.bordermap-old-…`, files the user saved into it during the swap are
//! moved across, and it is renamed `.NAME.bordermap-gone-…` and removed. Until the swap the output folder is
//! the old set, untouched; after it, the new one.
//!
//! Files in the output folder that bordermap did not write — those its `index.json` does not
//! list: a QGIS project, notes — are carried into the new set as hard links before the swap
//! (the same files, not copies), and anything that appears in the old folder during the swap
//! is moved across before the old set is removed. A user's file is never rewritten or removed.
//!
//! A staging folder is locked (`flock` on the folder itself) while its run lives, and so is the
//! output folder, so a second run on the same folder waits for nothing and is refused. A
//! staging folder that is not locked is the debris of a killed run: the next run removes it
//! (and says so), as it does hidden `.bordermap-*.tmp` files that earlier versions left inside
//! the output folder. Where the file system cannot swap two folders in one step, the old set is
//! moved aside and the new one renamed in its place (two steps); a run killed between the two
//! leaves the old set aside, and the next run puts it back before anything else.

use std::collections::BTreeSet;
use std::fs::{self, File};
use std::io;
use std::path::{Path, PathBuf};

/// The file that lists what a run wrote. Its `files[].path` are the folder's bordermap files.
pub const INDEX: &str = "index.json";

/// Why a folder could not be published. Each message names what the user gave and says what
/// to do; none repeats its cause.
#[derive(Debug, thiserror::Error)]
pub enum PublishError {
    /// The output path is a file.
    #[error("--out {0} is a file, not a folder: give a folder for the layers (it is created if needed)")]
    OutIsFile(PathBuf),
    /// The output path cannot be a folder of its own (`/`).
    #[error("--out {0} cannot hold the layers: give a folder of their own, such as {0}/layers")]
    NoName(PathBuf),
    /// The folder holds files and bordermap has never written to it.
    #[error(
        "--out {dir} already holds files that bordermap did not write ({examples}; no bordermap index.json): \
         give a new or empty folder. bordermap keeps its layers in a folder of their own and replaces them as a \
         whole at each run; files you add there later (a QGIS project, notes) are kept"
    )]
    NotOurs {
        /// The output folder.
        dir: PathBuf,
        /// A few of the names found.
        examples: String,
    },
    /// A file the user put in the folder has the name of a new output file.
    #[error(
        "{} was not written by bordermap (its index.json does not list it), and this run writes a file of that \
         name: move your file out of the folder, or give another --out. Nothing was changed",
        .0.display()
    )]
    Collision(PathBuf),
    /// Another run holds the folder.
    #[error("another bordermap run is writing {0}: wait for it to finish. Nothing was changed")]
    Busy(PathBuf),
    /// A file-system operation failed.
    #[error("{what} {}: {message}", .path.display())]
    Io {
        /// What was being done ("creating", "writing the new layers beside", …).
        what: &'static str,
        /// The path involved.
        path: PathBuf,
        /// The system's message.
        message: String,
    },
}

impl PublishError {
    fn io<'a>(what: &'static str, path: &'a Path) -> impl FnOnce(io::Error) -> PublishError + 'a {
        move |e| PublishError::Io { what, path: path.to_path_buf(), message: os_message(&e) }
    }
}

/// An OS error as one clause: "No space left on device", without "(os error 28)".
pub fn os_message(e: &io::Error) -> String {
    let text = e.to_string();
    match text.find(" (os error") {
        Some(i) => text[..i].to_string(),
        None => text,
    }
}

/// What an earlier, interrupted run left behind and this one removed (or put back).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Debris {
    /// The folder or file.
    pub path: PathBuf,
    /// Files in it.
    pub files: u64,
    /// Their size.
    pub bytes: u64,
    /// It was the previous layer set, moved aside by a run killed mid-swap, and was put back.
    pub restored: bool,
}

/// What a commit did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Published {
    /// Files of the user's carried into the new set.
    pub kept: u64,
    /// Whether an old set was replaced (false when the folder was new).
    pub replaced: bool,
    /// Whether the swap was the two-step fallback rather than one exchange.
    pub two_step: bool,
    /// What could not be tidied after the new set was in place (the old set not removed): the
    /// run succeeded, and the next one removes it.
    pub leftover: Option<String>,
}

/// A staging folder for a new set of outputs. Dropped without [`Staging::commit`], it is
/// removed and the output folder is as it was.
#[derive(Debug)]
pub struct Staging {
    target: PathBuf,
    dir: PathBuf,
    old: PathBuf,
    /// Where the old set goes once the user's files in it are across: removed from there.
    gone: PathBuf,
    /// Held while the run lives: the output folder's lock, then the staging folder's.
    _locks: Vec<File>,
    done: bool,
    /// Debris of earlier runs removed by [`Staging::begin`].
    pub debris: Vec<Debris>,
}

impl Staging {
    /// Prepares to replace the folder `out` (created when the run commits, if it does not
    /// exist): removes the debris of killed runs and makes an empty staging folder beside it.
    pub fn begin(out: &Path) -> Result<Staging, PublishError> {
        let target = resolve_target(out)?;
        let parent = target.parent().expect("resolved targets have a parent").to_path_buf();
        let name = target.file_name().expect("resolved targets have a name").to_string_lossy().into_owned();
        let mut locks = Vec::new();
        let mut debris = Vec::new();
        // A set moved aside by a two-step swap that was killed goes back first.
        if !target.exists() {
            debris.extend(restore_moved_aside(&parent, &name, &target)?);
        }
        if target.is_dir() {
            let lock = File::open(&target).map_err(PublishError::io("opening", &target))?;
            match lock.try_lock() {
                Ok(()) => locks.push(lock),
                Err(fs::TryLockError::WouldBlock) => return Err(PublishError::Busy(out.to_path_buf())),
                Err(fs::TryLockError::Error(_)) => {} // no locks on this file system: go on without
            }
            check_ours(out, &target)?;
        }
        debris.extend(remove_debris(&parent, &name, &target)?);

        let nonce = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_nanos());
        let token = format!("{}-{:x}", std::process::id(), nonce & 0xffff_ffff_ffff);
        let dir = parent.join(format!(".{name}.bordermap-new-{token}"));
        let old = parent.join(format!(".{name}.bordermap-old-{token}"));
        let gone = parent.join(format!(".{name}.bordermap-gone-{token}"));
        create_dir(&dir).map_err(PublishError::io("creating the new layers' folder", &dir))?;
        let mut staging = Staging { target: target.clone(), dir, old, gone, _locks: locks, done: false, debris };
        if let Ok(m) = fs::metadata(&target) {
            fs::set_permissions(&staging.dir, m.permissions())
                .map_err(PublishError::io("setting the permissions of", &staging.dir))?;
        }
        // Held until the process ends: a folder whose lock nobody holds is debris.
        if let Ok(lock) = File::open(&staging.dir)
            && lock.try_lock().is_ok()
        {
            staging._locks.push(lock);
        }
        Ok(staging)
    }

    /// The folder to write the new set into.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The output folder, as resolved (a symbolic link to a folder is followed).
    pub fn target(&self) -> &Path {
        &self.target
    }

    /// Puts the new set in place of the old in one step. `files` are the paths, relative to
    /// the staging folder and `/`-separated, of every file the run wrote there (its index
    /// included).
    pub fn commit(mut self, files: &[String]) -> Result<Published, PublishError> {
        let new_set: BTreeSet<&str> = files.iter().map(String::as_str).collect();
        sync_dirs(&self.dir).map_err(PublishError::io("syncing", &self.dir))?;
        if !self.target.exists() {
            fs::rename(&self.dir, &self.target).map_err(PublishError::io("moving the new layers to", &self.target))?;
            self.done = true;
            sync_dir(self.target.parent().unwrap_or(Path::new(".")));
            return Ok(Published::default());
        }
        let mut owned: BTreeSet<String> = previous_files(&self.target.join(INDEX)).into_iter().collect();
        owned.insert(INDEX.to_string());
        let mut kept = 0;
        carry_user_files(&self.target, &self.dir, "", &owned, &new_set, &mut kept)?;
        sync_dir(&self.dir);

        let two_step = match exchange(&self.dir, &self.target) {
            Ok(()) => {
                // The old set is now under the staging name: rename it so that, if this run is
                // killed before it is removed, the next run knows it for the old set.
                if fs::rename(&self.dir, &self.old).is_err() {
                    self.old = self.dir.clone();
                }
                false
            }
            Err(e) if swap_unsupported(&e) => {
                fs::rename(&self.target, &self.old)
                    .map_err(PublishError::io("moving the old layers aside from", &self.target))?;
                if let Err(e) = fs::rename(&self.dir, &self.target) {
                    let _ = fs::rename(&self.old, &self.target);
                    return Err(PublishError::io("moving the new layers to", &self.target)(e));
                }
                true
            }
            Err(e) => return Err(PublishError::io("swapping the new layers in place of", &self.target)(e)),
        };
        self.done = true;
        sync_dir(self.target.parent().unwrap_or(Path::new(".")));
        // The new set is published: what follows is tidying, and a failure is said, not fatal.
        // Whatever a user saved into the old folder while the swap ran goes across first.
        // Then the old set is renamed `-gone-` before it is removed: a run killed while removing
        // it leaves a folder whose index may be gone already, and the next run must not take
        // what is left for files of the user's.
        let tidy = move_user_files(&self.old, &self.target, "", &owned)
            .map(|moved| kept += moved)
            .map_err(|e| format!("keeping your files from {}: {}", self.old.display(), os_message(&e)))
            .and_then(|()| {
                fs::rename(&self.old, &self.gone)
                    .and_then(|()| fs::remove_dir_all(&self.gone))
                    .map_err(|e| format!("removing the old layers at {}: {}", self.old.display(), os_message(&e)))
            });
        Ok(Published { kept, replaced: true, two_step, leftover: tidy.err() })
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.done {
            let _ = fs::remove_dir_all(&self.dir);
        }
    }
}

/// The folder to replace: `out` made absolute, a symbolic link to a folder followed (the link
/// stays; what it points to is replaced).
fn resolve_target(out: &Path) -> Result<PathBuf, PublishError> {
    match fs::metadata(out) {
        Ok(m) if m.is_dir() => {
            let t = fs::canonicalize(out).map_err(PublishError::io("resolving", out))?;
            if t.parent().is_none() || t.file_name().is_none() {
                return Err(PublishError::NoName(out.to_path_buf()));
            }
            Ok(t)
        }
        Ok(_) => Err(PublishError::OutIsFile(out.to_path_buf())),
        Err(_) if let Some(file) = out.ancestors().skip(1).find(|a| a.is_file()) => {
            Err(PublishError::OutIsFile(file.to_path_buf()))
        }
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            let name = out.file_name().filter(|n| *n != "." && *n != "..");
            let Some(name) = name else { return Err(PublishError::NoName(out.to_path_buf())) };
            let parent = match out.parent() {
                Some(p) if !p.as_os_str().is_empty() => p,
                _ => Path::new("."),
            };
            fs::create_dir_all(parent).map_err(PublishError::io("creating", parent))?;
            Ok(fs::canonicalize(parent).map_err(PublishError::io("resolving", parent))?.join(name))
        }
        Err(e) => Err(PublishError::io("reading", out)(e)),
    }
}

/// An existing output folder is bordermap's (its index.json says so) or empty.
fn check_ours(out: &Path, target: &Path) -> Result<(), PublishError> {
    if is_bordermap_index(&target.join(INDEX)) {
        return Ok(());
    }
    let mut names: Vec<String> = fs::read_dir(target)
        .map_err(PublishError::io("reading", target))?
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| !is_temp_debris(n))
        .collect();
    if names.is_empty() {
        return Ok(());
    }
    names.sort();
    let n = names.len();
    let mut examples = names.into_iter().take(3).collect::<Vec<_>>().join(", ");
    if n > 3 {
        examples.push_str(&format!(" and {} more", n - 3));
    }
    Err(PublishError::NotOurs { dir: out.to_path_buf(), examples })
}

fn is_bordermap_index(path: &Path) -> bool {
    let Ok(text) = fs::read(path) else { return false };
    serde_json::from_slice::<serde_json::Value>(&text)
        .is_ok_and(|v| v["generator"].as_str().is_some_and(|g| g.starts_with("bordermap")))
}

/// The files an earlier run wrote, from its index.json (only safe relative paths).
pub fn previous_files(index: &Path) -> Vec<String> {
    let Ok(text) = fs::read(index) else { return Vec::new() };
    let Ok(v) = serde_json::from_slice::<serde_json::Value>(&text) else { return Vec::new() };
    v["files"]
        .as_array()
        .map(|a| {
            a.iter().filter_map(|f| f["path"].as_str()).filter(|p| is_safe_relative(p)).map(str::to_string).collect()
        })
        .unwrap_or_default()
}

fn is_safe_relative(p: &str) -> bool {
    !p.starts_with('/') && !p.split('/').any(|c| c == ".." || c == "." || c.is_empty())
}

/// A temporary file of bordermap's atomic writes (`.bordermap-….tmp`).
fn is_temp_debris(name: &str) -> bool {
    name.starts_with(".bordermap-") && name.ends_with(".tmp")
}

fn create_dir(dir: &Path) -> io::Result<()> {
    let mut b = fs::DirBuilder::new();
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut b, 0o777); // less the umask, like mkdir
    b.create(dir)
}

/// Staging folders of runs that no longer hold their lock, and bordermap's temporary files
/// inside the output folder: removed, and returned to be reported.
fn remove_debris(parent: &Path, name: &str, target: &Path) -> Result<Vec<Debris>, PublishError> {
    let mut found = Vec::new();
    let prefix = format!(".{name}.bordermap-");
    let entries = fs::read_dir(parent).map_err(PublishError::io("reading", parent))?;
    let mut paths: Vec<PathBuf> = entries
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().starts_with(&prefix))
        .map(|e| e.path())
        .collect();
    paths.sort();
    for path in paths {
        if !path.is_dir() || !unlocked(&path) {
            continue; // a live run's
        }
        let is_old = path.file_name().is_some_and(|n| n.to_string_lossy().contains(".bordermap-old-"));
        if is_old && target.is_dir() && is_bordermap_index(&path.join(INDEX)) {
            // Killed after its swap, before the old set was let go: the user's files in it are
            // in the new set already, or arrived during the swap and go across now. (Its index
            // tells them from the layers; `-gone-` and `-new-` folders are only removed.)
            let mut owned: BTreeSet<String> = previous_files(&path.join(INDEX)).into_iter().collect();
            owned.insert(INDEX.to_string());
            let _ = move_user_files(&path, target, "", &owned);
        }
        let (files, bytes) = size_of(&path);
        fs::remove_dir_all(&path).map_err(PublishError::io("removing the debris of an interrupted run at", &path))?;
        found.push(Debris { path, files, bytes, restored: false });
    }
    if target.is_dir() {
        remove_temp_files(target, &mut found).map_err(PublishError::io("removing temporary files in", target))?;
    }
    Ok(found)
}

/// Puts back a layer set that a killed two-step swap left aside (`target` does not exist).
fn restore_moved_aside(parent: &Path, name: &str, target: &Path) -> Result<Option<Debris>, PublishError> {
    let prefix = format!(".{name}.bordermap-old-");
    let Ok(entries) = fs::read_dir(parent) else { return Ok(None) };
    let mut aside: Vec<PathBuf> = entries
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().starts_with(&prefix))
        .map(|e| e.path())
        .filter(|p| p.is_dir() && unlocked(p))
        .collect();
    aside.sort();
    let Some(path) = aside.pop() else { return Ok(None) };
    let (files, bytes) = size_of(&path);
    fs::rename(&path, target).map_err(PublishError::io("putting back the layers moved aside at", &path))?;
    Ok(Some(Debris { path, files, bytes, restored: true }))
}

/// Whether no live run holds the folder's lock.
fn unlocked(dir: &Path) -> bool {
    match File::open(dir) {
        Ok(f) => match f.try_lock() {
            Ok(()) => true,
            Err(fs::TryLockError::WouldBlock) => false,
            Err(fs::TryLockError::Error(_)) => true,
        },
        Err(_) => false,
    }
}

fn remove_temp_files(dir: &Path, found: &mut Vec<Debris>) -> io::Result<()> {
    for e in fs::read_dir(dir)? {
        let e = e?;
        let t = e.file_type()?;
        if t.is_dir() {
            remove_temp_files(&e.path(), found)?;
        } else if t.is_file() && is_temp_debris(&e.file_name().to_string_lossy()) {
            let bytes = e.metadata().map_or(0, |m| m.len());
            fs::remove_file(e.path())?;
            found.push(Debris { path: e.path(), files: 1, bytes, restored: false });
        }
    }
    Ok(())
}

fn size_of(path: &Path) -> (u64, u64) {
    let mut files = 0;
    let mut bytes = 0;
    let mut stack = vec![path.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in fs::read_dir(&d).into_iter().flatten().flatten() {
            match e.file_type() {
                Ok(t) if t.is_dir() => stack.push(e.path()),
                Ok(_) => {
                    files += 1;
                    bytes += e.metadata().map_or(0, |m| m.len());
                }
                Err(_) => {}
            }
        }
    }
    (files, bytes)
}

fn join_rel(prefix: &str, name: &str) -> String {
    if prefix.is_empty() { name.to_string() } else { format!("{prefix}/{name}") }
}

/// Hard-links into `to` every entry of `from` (recursively) that bordermap did not write:
/// not listed in `owned`, not a temporary file. A folder is recreated when it holds such an
/// entry, or is empty and no file bordermap wrote was in it (an empty folder of the user's).
fn carry_user_files(
    from_root: &Path,
    to_root: &Path,
    rel: &str,
    owned: &BTreeSet<String>,
    new_set: &BTreeSet<&str>,
    kept: &mut u64,
) -> Result<(), PublishError> {
    let from = from_root.join(rel);
    let entries = fs::read_dir(&from).map_err(PublishError::io("reading", &from))?;
    let mut empty = true;
    for e in entries {
        let e = e.map_err(PublishError::io("reading", &from))?;
        empty = false;
        let name = e.file_name().to_string_lossy().into_owned();
        let path = join_rel(rel, &name);
        let t = e.file_type().map_err(PublishError::io("reading", &e.path()))?;
        if t.is_dir() {
            carry_user_files(from_root, to_root, &path, owned, new_set, kept)?;
        } else if !owned.contains(&path) && !is_temp_debris(&name) {
            if new_set.contains(path.as_str()) {
                return Err(PublishError::Collision(from_root.join(&path)));
            }
            let dest = to_root.join(&path);
            if let Some(p) = dest.parent() {
                fs::create_dir_all(p).map_err(PublishError::io("creating", p))?;
            }
            fs::hard_link(e.path(), &dest)
                .map_err(PublishError::io("keeping your file (a hard link failed)", &e.path()))?;
            *kept += 1;
        }
    }
    let prefix = format!("{rel}/");
    if empty && !rel.is_empty() && !owned.iter().any(|o| o.starts_with(&prefix)) {
        let dest = to_root.join(rel);
        fs::create_dir_all(&dest).map_err(PublishError::io("creating", &dest))?;
    }
    Ok(())
}

/// Moves from `from` into `to` each entry bordermap did not write that `to` lacks (what a user
/// saved into the old folder while the swap ran). Returns how many were moved.
fn move_user_files(from_root: &Path, to_root: &Path, rel: &str, owned: &BTreeSet<String>) -> io::Result<u64> {
    let mut moved = 0;
    for e in fs::read_dir(from_root.join(rel))? {
        let e = e?;
        let name = e.file_name().to_string_lossy().into_owned();
        let path = join_rel(rel, &name);
        let dest = to_root.join(&path);
        if e.file_type()?.is_dir() {
            if dest.is_dir() {
                moved += move_user_files(from_root, to_root, &path, owned)?;
            } else if fs::symlink_metadata(&dest).is_err() && !owned.iter().any(|o| o.starts_with(&format!("{path}/")))
            {
                fs::rename(e.path(), &dest)?;
                moved += 1;
            } else {
                moved += move_user_files(from_root, to_root, &path, owned)?;
            }
        } else if !owned.contains(&path) && !is_temp_debris(&name) && fs::symlink_metadata(&dest).is_err() {
            if let Some(p) = dest.parent() {
                fs::create_dir_all(p)?;
            }
            fs::rename(e.path(), &dest)?;
            moved += 1;
        }
    }
    Ok(moved)
}

/// Swaps two folders in one step.
#[cfg(any(target_os = "linux", target_os = "android", target_os = "macos", target_os = "ios"))]
fn exchange(a: &Path, b: &Path) -> io::Result<()> {
    use rustix::fs::{CWD, RenameFlags, renameat_with};
    renameat_with(CWD, a, CWD, b, RenameFlags::EXCHANGE).map_err(io::Error::from)
}

#[cfg(not(any(target_os = "linux", target_os = "android", target_os = "macos", target_os = "ios")))]
fn exchange(_a: &Path, _b: &Path) -> io::Result<()> {
    Err(io::Error::from(io::ErrorKind::Unsupported))
}

/// The swap is not available here (old kernel, a file system without it): use two steps.
fn swap_unsupported(e: &io::Error) -> bool {
    const EINVAL: i32 = 22;
    const ENOSYS: i32 = 38;
    const EOPNOTSUPP: i32 = 95;
    e.kind() == io::ErrorKind::Unsupported || matches!(e.raw_os_error(), Some(EINVAL | ENOSYS | EOPNOTSUPP))
}

/// Syncs every folder under `dir` (the files were synced when written), so that the set is on
/// disk before it replaces the old one.
fn sync_dirs(dir: &Path) -> io::Result<()> {
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in fs::read_dir(&d)? {
            let e = e?;
            if e.file_type()?.is_dir() {
                stack.push(e.path());
            }
        }
        sync_dir(&d);
    }
    Ok(())
}

fn sync_dir(dir: &Path) {
    if let Ok(f) = File::open(dir) {
        let _ = f.sync_all();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn index(files: &[&str]) -> String {
        let list: Vec<String> = files.iter().map(|f| format!("{{\"path\":\"{f}\"}}")).collect();
        format!("{{\"generator\":\"bordermap test\",\"files\":[{}]}}", list.join(","))
    }

    /// Publishes `files` (path, content) into `out` as one run would.
    fn publish(out: &Path, files: &[(&str, &str)]) -> Result<Published, PublishError> {
        let s = Staging::begin(out)?;
        let mut paths = Vec::new();
        for (p, text) in files {
            let f = s.dir().join(p);
            fs::create_dir_all(f.parent().unwrap()).unwrap();
            fs::write(&f, text).unwrap();
            paths.push(p.to_string());
        }
        let idx: Vec<&str> = files.iter().map(|f| f.0).collect();
        fs::write(s.dir().join(INDEX), index(&idx)).unwrap();
        paths.push(INDEX.to_string());
        s.commit(&paths)
    }

    fn tree(dir: &Path) -> Vec<String> {
        let mut out = Vec::new();
        let mut stack = vec![dir.to_path_buf()];
        while let Some(d) = stack.pop() {
            for e in fs::read_dir(&d).unwrap() {
                let p = e.unwrap().path();
                let rel = p.strip_prefix(dir).unwrap().display().to_string();
                if p.is_dir() {
                    out.push(format!("{rel}/"));
                    stack.push(p);
                } else {
                    out.push(rel);
                }
            }
        }
        out.sort();
        out
    }

    #[test]
    fn a_new_folder_appears_whole_and_nothing_is_left_beside_it() {
        let parent = tempfile::tempdir().unwrap();
        let out = parent.path().join("pub");
        publish(&out, &[("a.geojson", "A"), ("by-day/2021-07-09/a.geojson", "A1")]).unwrap();
        assert_eq!(
            tree(&out),
            ["a.geojson", "by-day/", "by-day/2021-07-09/", "by-day/2021-07-09/a.geojson", "index.json"]
        );
        assert_eq!(tree(parent.path()).iter().filter(|p| p.starts_with('.')).count(), 0);
    }

    #[test]
    fn stale_files_and_their_folders_go_and_user_files_stay_the_same_files() {
        let parent = tempfile::tempdir().unwrap();
        let out = parent.path().join("pub");
        publish(&out, &[("a.geojson", "A"), ("by-day/2021-07-09/a.geojson", "old day")]).unwrap();
        fs::write(out.join("project.qgs"), "mine").unwrap();
        fs::create_dir_all(out.join("notes/empty")).unwrap();
        fs::write(out.join("by-day/readme.txt"), "mine too").unwrap();
        #[cfg(unix)]
        let inode = std::os::unix::fs::MetadataExt::ino(&fs::metadata(out.join("project.qgs")).unwrap());
        let done = publish(&out, &[("a.geojson", "A2"), ("by-day/2021-07-10/a.geojson", "new day")]).unwrap();
        assert_eq!(done.kept, 2);
        assert!(done.replaced);
        assert_eq!(
            tree(&out),
            [
                "a.geojson",
                "by-day/",
                "by-day/2021-07-10/",
                "by-day/2021-07-10/a.geojson",
                "by-day/readme.txt",
                "index.json",
                "notes/",
                "notes/empty/",
                "project.qgs"
            ]
        );
        assert_eq!(fs::read_to_string(out.join("a.geojson")).unwrap(), "A2");
        #[cfg(unix)]
        assert_eq!(std::os::unix::fs::MetadataExt::ino(&fs::metadata(out.join("project.qgs")).unwrap()), inode);
        assert_eq!(tree(parent.path()).iter().filter(|p| p.starts_with('.')).count(), 0);
    }

    #[test]
    fn a_user_file_with_a_layer_name_stops_the_run_and_changes_nothing() {
        let parent = tempfile::tempdir().unwrap();
        let out = parent.path().join("pub");
        publish(&out, &[("a.geojson", "A")]).unwrap();
        fs::write(out.join("b.geojson"), "the user's").unwrap();
        let before = tree(&out);
        let err = publish(&out, &[("a.geojson", "A2"), ("b.geojson", "B")]).unwrap_err();
        assert!(matches!(err, PublishError::Collision(_)), "{err}");
        assert_eq!(tree(&out), before);
        assert_eq!(fs::read_to_string(out.join("a.geojson")).unwrap(), "A");
        assert_eq!(tree(parent.path()).iter().filter(|p| p.starts_with('.')).count(), 0, "staging removed");
    }

    #[test]
    fn a_folder_bordermap_did_not_write_is_refused_unless_empty() {
        let parent = tempfile::tempdir().unwrap();
        let out = parent.path().join("home");
        fs::create_dir(&out).unwrap();
        publish(&out, &[("a.geojson", "A")]).unwrap(); // empty: fine
        let other = parent.path().join("other");
        fs::create_dir(&other).unwrap();
        fs::write(other.join("thesis.docx"), "x").unwrap();
        let err = publish(&other, &[("a.geojson", "A")]).unwrap_err();
        assert!(err.to_string().contains("thesis.docx"), "{err}");
        let file = parent.path().join("afile");
        fs::write(&file, "x").unwrap();
        let err = publish(&file, &[]).unwrap_err();
        assert_eq!(
            err.to_string(),
            format!(
                "--out {} is a file, not a folder: give a folder for the layers (it is created if needed)",
                file.display()
            )
        );
    }

    #[test]
    fn debris_of_killed_runs_is_removed_and_reported() {
        let parent = tempfile::tempdir().unwrap();
        let out = parent.path().join("pub");
        publish(&out, &[("a.geojson", "A")]).unwrap();
        let dead = parent.path().join(".pub.bordermap-new-1-abc");
        fs::create_dir_all(dead.join("by-day")).unwrap();
        fs::write(dead.join("by-day/x.geojson"), "12345").unwrap();
        fs::write(out.join(".bordermap-xyz.tmp"), "123").unwrap();
        let other = parent.path().join(".other.bordermap-new-1-abc"); // another folder's: not ours
        fs::create_dir(&other).unwrap();
        let s = Staging::begin(&out).unwrap();
        let mut d = s.debris.clone();
        d.sort_by(|a, b| a.path.cmp(&b.path));
        assert_eq!(d.len(), 2, "{d:?}");
        assert_eq!((d[0].files, d[0].bytes), (1, 5));
        assert_eq!((d[1].files, d[1].bytes), (1, 3));
        assert!(!dead.exists() && !out.join(".bordermap-xyz.tmp").exists() && other.exists());
        drop(s);
        assert_eq!(tree(&out), ["a.geojson", "index.json"]);
    }

    /// Found by the crash test (1 kill in 22): a run killed while removing the old set left a
    /// folder without its index, and the next run took the old layers left in it for files of
    /// the user's and moved them into the new set.
    #[test]
    fn an_old_set_killed_while_being_removed_is_not_taken_for_user_files() {
        let parent = tempfile::tempdir().unwrap();
        let out = parent.path().join("pub");
        publish(&out, &[("a.geojson", "A2")]).unwrap();
        let half_removed = parent.path().join(".pub.bordermap-old-1-abc");
        fs::create_dir_all(half_removed.join("by-day/2021-05-03")).unwrap();
        fs::write(half_removed.join("by-day/2021-05-03/a.geojson"), "an old layer").unwrap();
        let gone = parent.path().join(".pub.bordermap-gone-1-abc");
        fs::create_dir_all(&gone).unwrap();
        fs::write(gone.join("b.geojson"), "an old layer").unwrap();
        // An old set killed before it was let go, with a file the user saved during the swap.
        let whole = parent.path().join(".pub.bordermap-old-2-def");
        fs::create_dir_all(&whole).unwrap();
        fs::write(whole.join(INDEX), index(&["a.geojson"])).unwrap();
        fs::write(whole.join("a.geojson"), "A1").unwrap();
        fs::write(whole.join("saved-during-the-swap.qgs"), "mine").unwrap();
        let s = Staging::begin(&out).unwrap();
        assert_eq!(s.debris.len(), 3, "{:?}", s.debris);
        drop(s);
        assert_eq!(tree(&out), ["a.geojson", "index.json", "saved-during-the-swap.qgs"]);
        assert_eq!(fs::read_to_string(out.join("a.geojson")).unwrap(), "A2");
        assert_eq!(tree(parent.path()).iter().filter(|p| p.starts_with('.')).count(), 0);
    }

    #[test]
    fn a_live_run_s_staging_folder_is_left_alone_and_a_second_run_is_refused() {
        let parent = tempfile::tempdir().unwrap();
        let out = parent.path().join("pub");
        publish(&out, &[("a.geojson", "A")]).unwrap();
        let first = Staging::begin(&out).unwrap();
        assert!(first.dir().exists());
        let err = Staging::begin(&out).unwrap_err();
        assert!(matches!(err, PublishError::Busy(_)), "{err}");
        assert!(first.dir().exists(), "the live run's folder is kept");
    }

    #[test]
    fn a_set_moved_aside_by_a_killed_two_step_swap_is_put_back() {
        let parent = tempfile::tempdir().unwrap();
        let out = parent.path().join("pub");
        publish(&out, &[("a.geojson", "A")]).unwrap();
        let aside = parent.path().join(".pub.bordermap-old-1-abc");
        fs::rename(&out, &aside).unwrap();
        let s = Staging::begin(&out).unwrap();
        assert!(s.debris.iter().any(|d| d.restored), "{:?}", s.debris);
        drop(s);
        assert_eq!(fs::read_to_string(out.join("a.geojson")).unwrap(), "A");
        assert!(!aside.exists());
    }

    #[test]
    fn os_messages_lose_their_error_number() {
        let e = io::Error::from_raw_os_error(28);
        assert_eq!(os_message(&e), "No space left on device");
    }
}
