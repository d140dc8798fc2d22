//! Real headless Chromium for the tests: found, run with the network off and a time limit,
//! and every process of it ended.

use std::io::Read as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// The window every page is drawn in (and every screenshot's size).
pub const WINDOW: &str = "1280,800";

/// The Chromium binary (`BORDERMAP_CHROMIUM`, else `chromium`), or `None` after saying that
/// `test` is skipped; a failure under CI=true, which must have it.
pub fn find(test: &str) -> Option<PathBuf> {
    let candidates: Vec<PathBuf> = match std::env::var_os("BORDERMAP_CHROMIUM") {
        Some(c) => vec![c.into()],
        None => ["chromium", "chromium-browser"].iter().map(PathBuf::from).collect(),
    };
    for c in candidates {
        let ok = Command::new(&c)
            .arg("--version")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|s| s.success());
        if ok {
            return Some(c);
        }
    }
    assert!(std::env::var("CI").as_deref() != Ok("true"), "CI must have chromium (apt-get install chromium)");
    eprintln!("chromium not installed: skipping {test} (install the Debian package chromium to run it)");
    None
}

/// A file:// URL for an existing path.
pub fn file_url(path: &Path) -> String {
    let path = path.canonicalize().unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut url = String::from("file://");
    for b in path.to_str().expect("UTF-8 path").bytes() {
        if b.is_ascii_alphanumeric() || b"/-_.~".contains(&b) {
            url.push(b as char);
        } else {
            url.push_str(&format!("%{b:02X}"));
        }
    }
    url
}

/// What one Chromium run gave.
pub struct Run {
    /// Its standard output (the DOM with `--dump-dom`).
    pub stdout: String,
    /// Its log.
    pub stderr: String,
    /// How long it ran.
    pub took: Duration,
}

/// Runs headless Chromium with `args` (the page's URL among them) for `budget_ms` of the
/// page's virtual time, in a profile of its own, with the network off (no name resolves, the
/// proxy is a closed port) and its log on stderr. Killed, with its whole process group, and
/// the test failed, after `timeout`.
pub fn run(bin: &Path, args: &[String], budget_ms: u32, timeout: Duration) -> Run {
    use std::os::unix::process::CommandExt as _;
    let tmp = tempfile::tempdir().unwrap();
    let stdout_path = tmp.path().join("chromium.out");
    let stderr_path = tmp.path().join("chromium.err");
    let started = Instant::now();
    let mut child = Command::new(bin)
        .args([
            "--headless=new",
            // Chromium's sandbox refuses to run as root (CI containers); the page is our own.
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--no-default-browser-check",
            "--disable-extensions",
            "--hide-scrollbars",
            "--host-resolver-rules=MAP * ~NOTFOUND",
            "--proxy-server=127.0.0.1:9",
            "--enable-logging=stderr",
            "--v=0",
        ])
        .arg(format!("--user-data-dir={}", tmp.path().join("profile").display()))
        .arg(format!("--window-size={WINDOW}"))
        .arg(format!("--virtual-time-budget={budget_ms}"))
        .args(args)
        .stdin(Stdio::null())
        .stdout(std::fs::File::create(&stdout_path).unwrap())
        .stderr(std::fs::File::create(&stderr_path).unwrap())
        .process_group(0)
        .spawn()
        .unwrap_or_else(|e| panic!("{}: {e}", bin.display()));
    let status = loop {
        if let Some(s) = child.try_wait().unwrap() {
            break Some(s);
        }
        if started.elapsed() > timeout {
            break None;
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    let took = started.elapsed();
    // Chromium's own processes are in the group of the one started here: end them all.
    let _ = Command::new("kill").args(["-KILL", "--", &format!("-{}", child.id())]).stderr(Stdio::null()).status();
    let _ = child.wait();
    let mut stderr = String::new();
    let _ = std::fs::File::open(&stderr_path).and_then(|mut f| f.read_to_string(&mut stderr));
    let Some(status) = status else {
        panic!("chromium did not finish within {timeout:?}; its stderr:\n{stderr}");
    };
    assert!(status.success(), "chromium failed ({status}); its stderr:\n{stderr}");
    Run { stdout: std::fs::read_to_string(&stdout_path).unwrap(), stderr, took }
}
