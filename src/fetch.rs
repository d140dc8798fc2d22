//! HTTP for everything bordermap fetches (online gazetteer lookups, articles): one client with
//! limits that a hostile or broken server cannot get around, an on-disk cache, a per-host
//! request interval (Nominatim asks for at most one request a second), and errors that never
//! show credentials.
//!
//! - Timeouts: connecting, and the whole request (headers and body).
//! - The body is read up to [`FetchOptions::max_bytes`] and refused beyond (whatever
//!   `Content-Length` claims); redirects are followed up to [`FetchOptions::max_redirects`].
//! - A real User-Agent naming bordermap and its version.
//! - URLs in messages and in the cache's metadata are redacted: user info is dropped and the
//!   values of credential-like query parameters (`username`, `key`, `token` …) become `***`.
//!   reqwest's own errors carry the full URL, so they are shown only without it.
//! - TLS is rustls with the ring provider (no OpenSSL).

use std::collections::HashMap;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::{Duration, Instant, SystemTime};

use reqwest::Url;

/// Query parameters whose values are secrets.
const SECRET_PARAMS: &[&str] =
    &["username", "user", "key", "apikey", "api_key", "token", "access_token", "password", "email"];

/// Limits and identity of the HTTP client.
#[derive(Debug, Clone)]
pub struct FetchOptions {
    /// Whole-request timeout (connect, headers, body).
    pub timeout: Duration,
    /// Connect timeout.
    pub connect_timeout: Duration,
    /// Largest body accepted, in bytes.
    pub max_bytes: u64,
    /// Most redirects followed.
    pub max_redirects: usize,
    /// The User-Agent header.
    pub user_agent: String,
    /// Where answers are cached (`None`: no cache).
    pub cache_dir: Option<PathBuf>,
    /// How long a cached answer is used.
    pub cache_ttl: Duration,
}

impl Default for FetchOptions {
    fn default() -> Self {
        FetchOptions {
            timeout: Duration::from_secs(30),
            connect_timeout: Duration::from_secs(10),
            max_bytes: 5 * 1024 * 1024,
            max_redirects: 5,
            user_agent: default_user_agent(),
            cache_dir: default_cache_dir(),
            cache_ttl: Duration::from_secs(30 * 24 * 3600),
        }
    }
}

/// `bordermap/<version> (+<repository>)`: what servers' usage policies ask for.
pub fn default_user_agent() -> String {
    format!("bordermap/{} (+https://github.com/bordermap/bordermap)", env!("CARGO_PKG_VERSION"))
}

/// `$XDG_CACHE_HOME/bordermap/http`, else `~/.cache/bordermap/http`.
pub fn default_cache_dir() -> Option<PathBuf> {
    let base = std::env::var_os("XDG_CACHE_HOME")
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").filter(|v| !v.is_empty()).map(|h| PathBuf::from(h).join(".cache")))?;
    Some(base.join("bordermap").join("http"))
}

/// Why a fetch failed. Every URL in here is redacted.
#[derive(Debug, thiserror::Error)]
pub enum FetchError {
    /// Not an http(s) URL.
    #[error("{url}: not an http or https URL")]
    BadUrl {
        /// The URL as given (redacted).
        url: String,
    },
    /// No answer in time.
    #[error("{url}: no answer within {secs} s (timeout)")]
    Timeout {
        /// Redacted URL.
        url: String,
        /// The timeout.
        secs: u64,
    },
    /// The body is larger than allowed.
    #[error("{url}: the answer is larger than the {limit}-byte limit; refused")]
    TooLarge {
        /// Redacted URL.
        url: String,
        /// The limit.
        limit: u64,
    },
    /// Redirected too many times (or in a loop).
    #[error("{url}: more than {limit} redirects (a redirect loop?)")]
    Redirects {
        /// Redacted URL.
        url: String,
        /// The limit.
        limit: usize,
    },
    /// The server answered with an error status.
    #[error("{url}: HTTP {status}{}", if .excerpt.is_empty() { String::new() } else { format!(": {}", .excerpt) })]
    Status {
        /// Redacted URL.
        url: String,
        /// The status code.
        status: u16,
        /// The start of the body, for the reason.
        excerpt: String,
    },
    /// Connecting or reading failed.
    #[error("{url}: {reason}")]
    Transport {
        /// Redacted URL.
        url: String,
        /// What went wrong (without the URL).
        reason: String,
    },
}

/// An answer.
#[derive(Debug, Clone)]
pub struct Fetched {
    /// The URL finally answered (after redirects), redacted.
    pub url: String,
    /// HTTP status (2xx).
    pub status: u16,
    /// The Content-Type header, if any.
    pub content_type: Option<String>,
    /// The body.
    pub body: Vec<u8>,
    /// Whether it came from the disk cache.
    pub from_cache: bool,
}

/// The HTTP client.
pub struct Fetcher {
    client: reqwest::blocking::Client,
    opts: FetchOptions,
    /// Least time between two requests to a host.
    intervals: HashMap<String, Duration>,
    last: Mutex<HashMap<String, Instant>>,
}

impl std::fmt::Debug for Fetcher {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Fetcher").field("opts", &self.opts).finish()
    }
}

impl Fetcher {
    /// A client with these limits.
    pub fn new(opts: FetchOptions) -> Result<Self, FetchError> {
        // reqwest is built with `rustls-no-provider`: the process needs a provider before the
        // first client (an error only means one is installed already).
        let _ = rustls::crypto::ring::default_provider().install_default();
        let client = reqwest::blocking::Client::builder()
            .timeout(opts.timeout)
            .connect_timeout(opts.connect_timeout)
            .redirect(reqwest::redirect::Policy::limited(opts.max_redirects))
            .user_agent(opts.user_agent.clone())
            .build()
            .map_err(|e| FetchError::Transport { url: String::new(), reason: e.without_url().to_string() })?;
        Ok(Fetcher { client, opts, intervals: HashMap::new(), last: Mutex::new(HashMap::new()) })
    }

    /// Requests to `host` are spaced at least `interval` apart (within this process, and
    /// across processes sharing the cache folder).
    pub fn with_interval(mut self, host: &str, interval: Duration) -> Self {
        self.intervals.insert(host.to_string(), interval);
        self
    }

    /// The options in use.
    pub fn options(&self) -> &FetchOptions {
        &self.opts
    }

    /// GETs a URL: from the cache when a fresh answer is there, else from the network. A 2xx
    /// answer that `cacheable` accepts is cached.
    pub fn get(&self, url: &Url, cacheable: &dyn Fn(&Fetched) -> bool) -> Result<Fetched, FetchError> {
        if !matches!(url.scheme(), "http" | "https") {
            return Err(FetchError::BadUrl { url: redact(url) });
        }
        let cache_file = self.opts.cache_dir.as_ref().map(|d| d.join(cache_key(url)));
        if let Some(hit) = cache_file.as_deref().and_then(|f| self.read_cache(f)) {
            return Ok(hit);
        }
        self.wait_turn(url);
        let fetched = self.fetch(url)?;
        if let Some(f) = cache_file
            && cacheable(&fetched)
        {
            // A cache that cannot be written is not worth failing the lookup for.
            let _ = write_cache(&f, &fetched);
        }
        Ok(fetched)
    }

    fn fetch(&self, url: &Url) -> Result<Fetched, FetchError> {
        let shown = redact(url);
        let transport = |e: reqwest::Error| {
            if e.is_timeout() {
                FetchError::Timeout { url: shown.clone(), secs: self.opts.timeout.as_secs() }
            } else if e.is_redirect() {
                FetchError::Redirects { url: shown.clone(), limit: self.opts.max_redirects }
            } else {
                FetchError::Transport { url: shown.clone(), reason: error_chain(&e.without_url()) }
            }
        };
        let resp = self.client.get(url.clone()).send().map_err(transport)?;
        let status = resp.status().as_u16();
        let final_url = redact(resp.url());
        let content_type =
            resp.headers().get(reqwest::header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).map(String::from);
        if resp.content_length().is_some_and(|n| n > self.opts.max_bytes) {
            return Err(FetchError::TooLarge { url: shown, limit: self.opts.max_bytes });
        }
        let mut body = Vec::new();
        resp.take(self.opts.max_bytes + 1).read_to_end(&mut body).map_err(|e| {
            if is_timeout(&e) {
                FetchError::Timeout { url: shown.clone(), secs: self.opts.timeout.as_secs() }
            } else {
                FetchError::Transport { url: shown.clone(), reason: format!("reading the answer: {e}") }
            }
        })?;
        if body.len() as u64 > self.opts.max_bytes {
            return Err(FetchError::TooLarge { url: shown, limit: self.opts.max_bytes });
        }
        if !(200..300).contains(&status) {
            let excerpt: String = String::from_utf8_lossy(&body).chars().take(200).collect();
            return Err(FetchError::Status { url: final_url, status, excerpt: excerpt.trim().to_string() });
        }
        Ok(Fetched { url: final_url, status, content_type, body, from_cache: false })
    }

    /// Sleeps until the host's interval since its last request has passed.
    fn wait_turn(&self, url: &Url) {
        let Some(host) = url.host_str() else { return };
        let Some(&interval) = self.intervals.get(host) else { return };
        let mut last = self.last.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(prev) = last.get(host) {
            let since = prev.elapsed();
            if since < interval {
                std::thread::sleep(interval - since);
            }
        }
        // Other processes: a stamp file per host in the cache folder, touched at each request.
        if let Some(dir) = &self.opts.cache_dir {
            let stamp = dir.join(format!("last-request-{}", host.replace(|c: char| !c.is_ascii_alphanumeric(), "_")));
            if let Ok(age) =
                std::fs::metadata(&stamp).and_then(|m| m.modified()).map(|t| t.elapsed().unwrap_or_default())
                && age < interval
            {
                std::thread::sleep(interval - age);
            }
            let _ = std::fs::create_dir_all(dir).and_then(|()| std::fs::write(&stamp, b""));
        }
        last.insert(host.to_string(), Instant::now());
    }

    fn read_cache(&self, file: &Path) -> Option<Fetched> {
        let meta = std::fs::metadata(file).ok()?;
        let age = SystemTime::now().duration_since(meta.modified().ok()?).unwrap_or_default();
        if age > self.opts.cache_ttl {
            return None;
        }
        let bytes = std::fs::read(file).ok()?;
        // A header line of JSON metadata, then the body.
        let split = bytes.iter().position(|&b| b == b'\n')?;
        let head: serde_json::Value = serde_json::from_slice(&bytes[..split]).ok()?;
        Some(Fetched {
            url: head["url"].as_str()?.to_string(),
            status: head["status"].as_u64()? as u16,
            content_type: head["content_type"].as_str().map(String::from),
            body: bytes[split + 1..].to_vec(),
            from_cache: true,
        })
    }
}

fn write_cache(file: &Path, f: &Fetched) -> std::io::Result<()> {
    if let Some(dir) = file.parent() {
        std::fs::create_dir_all(dir)?;
    }
    let head = serde_json::json!({ "url": f.url, "status": f.status, "content_type": f.content_type });
    let mut bytes = serde_json::to_vec(&head)?;
    bytes.push(b'\n');
    bytes.extend_from_slice(&f.body);
    crate::output::write_atomic(file, &bytes)
}

/// The cache file name for a URL: a hash of the whole URL (credentials included, so two users'
/// answers never mix), never the URL itself.
fn cache_key(url: &Url) -> String {
    format!("{:016x}", crate::borders::fnv1a(url.as_str().as_bytes()))
}

/// Whether a body read failed on the timeout: the error wraps reqwest's, which wraps its
/// timer's, at a depth that varies; look down the whole chain.
fn is_timeout(e: &std::io::Error) -> bool {
    let mut cur: Option<&dyn std::error::Error> = Some(e);
    while let Some(c) = cur {
        if c.downcast_ref::<reqwest::Error>().is_some_and(reqwest::Error::is_timeout)
            || c.downcast_ref::<std::io::Error>().is_some_and(|io| io.kind() == std::io::ErrorKind::TimedOut)
            || c.to_string().contains("timed out")
        {
            return true;
        }
        cur = c.source();
    }
    false
}

/// An error and its causes, joined: reqwest's top-level message alone is often "error sending
/// request".
fn error_chain(e: &dyn std::error::Error) -> String {
    let mut s = e.to_string();
    let mut cur = e.source();
    while let Some(c) = cur {
        let m = c.to_string();
        if !s.contains(&m) {
            s.push_str(": ");
            s.push_str(&m);
        }
        cur = c.source();
    }
    s
}

/// A URL fit to show: no user info, and secret query values replaced by `***`.
pub fn redact(url: &Url) -> String {
    let mut u = url.clone();
    let _ = u.set_username("");
    let _ = u.set_password(None);
    if u.query().is_some() {
        let pairs: Vec<(String, String)> = u
            .query_pairs()
            .map(|(k, v)| {
                let secret = SECRET_PARAMS.contains(&k.to_ascii_lowercase().as_str());
                (k.into_owned(), if secret { "***".to_string() } else { v.into_owned() })
            })
            .collect();
        u.query_pairs_mut().clear().extend_pairs(pairs);
    }
    u.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn redaction_hides_credentials_and_keeps_the_rest() {
        let u =
            Url::parse("https://bob:pw@api.example.org/searchJSON?q=Islam+Qala&username=secretuser&maxRows=5").unwrap();
        let r = redact(&u);
        assert!(!r.contains("secretuser") && !r.contains("bob") && !r.contains("pw@"), "{r}");
        assert!(r.contains("q=Islam+Qala") && r.contains("username=***") && r.contains("maxRows=5"), "{r}");
    }

    #[test]
    fn cache_keys_differ_by_credentials_but_never_contain_them() {
        let a = Url::parse("https://x.org/s?q=a&username=alice").unwrap();
        let b = Url::parse("https://x.org/s?q=a&username=bob").unwrap();
        assert_ne!(cache_key(&a), cache_key(&b));
        assert!(!cache_key(&a).contains("alice"));
    }

    #[test]
    fn non_http_urls_are_refused() {
        let f = Fetcher::new(FetchOptions { cache_dir: None, ..Default::default() }).unwrap();
        let err = f.get(&Url::parse("file:///etc/passwd").unwrap(), &|_| true).unwrap_err();
        assert!(matches!(err, FetchError::BadUrl { .. }));
    }
}
