//! HTTP for everything bordermap fetches (online gazetteer lookups, articles): one client with
//! limits that a hostile or broken server cannot get around, an on-disk cache, a per-host
//! request interval (Nominatim asks for at most one request a second), and errors that never
//! show credentials.
//!
//! - Timeouts: [`FetchOptions::timeout`] is a deadline for the whole request — connecting,
//!   redirects, headers and the body — not a limit per read: a server that trickles a byte a
//!   second is cut off at the deadline (it used to keep a 3 s request going for 42 s).
//!   [`FetchOptions::connect_timeout`] bounds connecting alone.
//! - The body is read up to [`FetchOptions::max_bytes`] and refused beyond (whatever
//!   `Content-Length` claims); redirects are followed up to [`FetchOptions::max_redirects`].
//! - A real User-Agent naming bordermap and its version.
//! - Nothing printed shows a secret: every URL and every piece of server-provided text in a
//!   message (error pages, redirect targets, transport errors) goes through [`redact_text`],
//!   which drops user info (`user:pass@`), masks the values of the query parameters in
//!   [`SECRET_PARAMS`] (and any whose name contains one of [`SECRET_PARAM_PARTS`]) as `***`,
//!   and scrubs known secret values: those of the request's own URL (user info, secret query
//!   values) and those given to [`Fetcher::with_secret`] (the GeoNames account name), which a
//!   server may echo anywhere (`HTTP 500: … ?…&username=…`, a redirect to `/u/<name>/…`).
//!   reqwest's own errors carry the full URL, so they are shown only without it.
//! - TLS is rustls with the ring provider (no OpenSSL).

use std::collections::HashMap;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::{Duration, Instant, SystemTime};

use reqwest::Url;

/// Query parameters whose values are secrets (compared case-insensitively): shown as `***`.
pub const SECRET_PARAMS: &[&str] = &[
    "username",
    "user",
    "login",
    "email",
    "key",
    "apikey",
    "api_key",
    "api-key",
    "token",
    "access_token",
    "auth",
    "authorization",
    "password",
    "passwd",
    "pass",
    "pwd",
    "secret",
    "client_secret",
    "sig",
    "signature",
    "session",
    "sessionid",
    "sid",
    "credential",
    "credentials",
];

/// A query parameter whose name contains one of these (case-insensitively) is secret too:
/// `refresh_token`, `x-api-key`, `aws_secret_access_key`, `user_password`.
pub const SECRET_PARAM_PARTS: &[&str] = &["token", "secret", "passw", "apikey", "api_key", "api-key", "signature"];

/// Whether a query parameter's values are secret.
pub fn is_secret_param(name: &str) -> bool {
    let n = name.to_ascii_lowercase();
    SECRET_PARAMS.contains(&n.as_str()) || SECRET_PARAM_PARTS.iter().any(|p| n.contains(p))
}

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
#[derive(Debug, Clone, thiserror::Error)]
pub enum FetchError {
    /// Not an http(s) URL.
    #[error("{url}: not an http or https URL")]
    BadUrl {
        /// The URL as given (redacted).
        url: String,
    },
    /// No complete answer by the deadline.
    #[error("{url}: no complete answer within {secs} s (timeout for the whole request)")]
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
    /// Values never shown (see [`Fetcher::with_secret`]).
    secrets: Vec<String>,
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
        Ok(Fetcher { client, opts, intervals: HashMap::new(), last: Mutex::new(HashMap::new()), secrets: Vec::new() })
    }

    /// A value that no message may show (an account name, a key), wherever a server puts it.
    /// The secrets of a request's own URL (user info, [`SECRET_PARAMS`] values) need not be
    /// given: they are scrubbed from that request's messages anyway.
    pub fn with_secret(mut self, secret: &str) -> Self {
        if !secret.is_empty() && !self.secrets.iter().any(|s| s == secret) {
            self.secrets.push(secret.to_string());
        }
        self
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
        let deadline = Instant::now() + self.opts.timeout;
        let secrets = self.secrets_of(url);
        let shown = redact_text(url.as_str(), &secrets);
        let timeout = || FetchError::Timeout { url: shown.clone(), secs: self.opts.timeout.as_secs() };
        let transport = |e: reqwest::Error| {
            if e.is_timeout() {
                timeout()
            } else if e.is_redirect() {
                FetchError::Redirects { url: shown.clone(), limit: self.opts.max_redirects }
            } else {
                FetchError::Transport {
                    url: shown.clone(),
                    reason: redact_text(&error_chain(&e.without_url()), &secrets),
                }
            }
        };
        // The request's own timeout runs from connecting to the end of the body (reqwest's
        // client-wide one restarts at every read of the body); the loop below checks the
        // deadline too, whatever the transport does.
        let mut resp = self.client.get(url.clone()).timeout(self.opts.timeout).send().map_err(transport)?;
        let status = resp.status().as_u16();
        let final_url = redact_text(resp.url().as_str(), &secrets);
        let content_type =
            resp.headers().get(reqwest::header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).map(String::from);
        if resp.content_length().is_some_and(|n| n > self.opts.max_bytes) {
            return Err(FetchError::TooLarge { url: shown, limit: self.opts.max_bytes });
        }
        let mut body = Vec::new();
        let mut buf = vec![0u8; 64 * 1024];
        loop {
            if Instant::now() >= deadline {
                return Err(timeout());
            }
            match resp.read(&mut buf) {
                Ok(0) => break,
                Ok(n) => {
                    body.extend_from_slice(&buf[..n]);
                    if body.len() as u64 > self.opts.max_bytes {
                        return Err(FetchError::TooLarge { url: shown, limit: self.opts.max_bytes });
                    }
                }
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                Err(e) if is_timeout(&e) || Instant::now() >= deadline => return Err(timeout()),
                Err(e) => {
                    let reason = redact_text(&format!("reading the answer: {e}"), &secrets);
                    return Err(FetchError::Transport { url: shown, reason });
                }
            }
        }
        if !(200..300).contains(&status) {
            // Error pages often echo the request, credentials and all: redacted before cut.
            let page = redact_text(&String::from_utf8_lossy(&body), &secrets);
            let excerpt: String = page.chars().take(200).collect();
            return Err(FetchError::Status { url: final_url, status, excerpt: excerpt.trim().to_string() });
        }
        Ok(Fetched { url: final_url, status, content_type, body, from_cache: false })
    }

    /// The values no message about a request to `url` may show: the fetcher's own, the URL's
    /// user info and its secret query values.
    fn secrets_of(&self, url: &Url) -> Vec<String> {
        let mut out = self.secrets.clone();
        let percent = |s: &str| percent_decode(s);
        out.extend([percent(url.username()), url.password().map(percent).unwrap_or_default()]);
        out.extend(url.query_pairs().filter(|(k, _)| is_secret_param(k)).map(|(_, v)| v.into_owned()));
        out.retain(|s| !s.is_empty());
        out
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

/// A URL fit to show: [`redact_text`] with no secrets but its own.
pub fn redact(url: &Url) -> String {
    let mut secrets = vec![percent_decode(url.username()), url.password().map(percent_decode).unwrap_or_default()];
    secrets.extend(url.query_pairs().filter(|(k, _)| is_secret_param(k)).map(|(_, v)| v.into_owned()));
    secrets.retain(|s| !s.is_empty());
    redact_text(url.as_str(), &secrets)
}

/// Text fit to show, whatever it holds — a URL as given, an error page, a server's message:
/// the user info of every `scheme://user:pass@host` is dropped, the value of every
/// `?name=value` / `&name=value` whose name [`is_secret_param`] becomes `***`, and each of
/// `secrets` (as written, URL-encoded or percent-encoded) becomes `***` wherever it appears.
/// Every printer of URLs or server text in bordermap goes through this. Linear in the text.
///
/// ```
/// use bordermap::fetch::redact_text;
/// let shown = redact_text("HTTP 500 for https://bob:pw@x.org/s?q=Herat&username=alice (alice)", &["alice".into()]);
/// assert_eq!(shown, "HTTP 500 for https://x.org/s?q=Herat&username=*** (***)");
/// ```
pub fn redact_text(text: &str, secrets: &[String]) -> String {
    let mut s = mask_secret_params(&drop_userinfo(text));
    for secret in secrets.iter().filter(|x| !x.is_empty()) {
        let encoded = form_encode(secret);
        let percent = encoded.replace('+', "%20");
        for form in [secret.as_str(), encoded.as_str(), percent.as_str()] {
            if s.contains(form) {
                s = s.replace(form, "***");
            }
        }
    }
    s
}

/// `scheme://user:pass@host…` → `scheme://host…`, for every URL in the text.
fn drop_userinfo(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find("://") {
        let (head, tail) = rest.split_at(at + 3);
        out.push_str(head);
        let authority_end =
            tail.find(|c: char| matches!(c, '/' | '?' | '#' | '"' | '\'' | '<' | '>') || c.is_whitespace());
        let authority = &tail[..authority_end.unwrap_or(tail.len())];
        match authority.rfind('@') {
            Some(a) => rest = &tail[a + 1..],
            None => rest = tail,
        }
    }
    out.push_str(rest);
    out
}

/// The value of every `?name=` / `&name=` / `;name=` (`&amp;name=` in HTML) whose name
/// [`is_secret_param`] → `***`.
fn mask_secret_params(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let mut copied = 0;
    let mut i = 0;
    while i < bytes.len() {
        if matches!(bytes[i], b'?' | b'&' | b';') {
            let start = i + 1;
            let mut j = start;
            while j < bytes.len() && (bytes[j].is_ascii_alphanumeric() || matches!(bytes[j], b'_' | b'-' | b'.')) {
                j += 1;
            }
            if j > start && bytes.get(j) == Some(&b'=') && is_secret_param(&text[start..j]) {
                let value_start = j + 1;
                let mut k = value_start;
                while k < bytes.len()
                    && !matches!(bytes[k], b'&' | b'#' | b'"' | b'\'' | b'<' | b'>' | b';' | b')' | b']' | b'}')
                    && !bytes[k].is_ascii_whitespace()
                {
                    k += 1;
                }
                out.push_str(&text[copied..value_start]);
                out.push_str("***");
                copied = k;
                i = k;
                continue;
            }
            i = j;
            continue;
        }
        i += 1;
    }
    out.push_str(&text[copied..]);
    out
}

/// A value as a query string carries it (`application/x-www-form-urlencoded`).
fn form_encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'*' | b'-' | b'.' | b'_' => out.push(b as char),
            b' ' => out.push('+'),
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

/// `%xx` escapes decoded (user info in a `Url` stays percent-encoded).
fn percent_decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        let hex = |c: u8| (c as char).to_digit(16);
        if b[i] == b'%'
            && let (Some(h), Some(l)) = (b.get(i + 1).and_then(|&c| hex(c)), b.get(i + 2).and_then(|&c| hex(c)))
        {
            out.push((h * 16 + l) as u8);
            i += 3;
            continue;
        }
        out.push(b[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
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
    fn secrets_are_redacted_from_any_text() {
        let secrets = vec!["s3cret user".to_string()];
        for (text, want) in [
            ("see https://u:p@h.org/x?a=1&token=T0K&b=2#f", "see https://h.org/x?a=1&token=***&b=2#f"),
            ("<a href=\"/s?q=x&amp;api_key=K&amp;n=1\">", "<a href=\"/s?q=x&amp;api_key=***&amp;n=1\">"),
            ("?refresh_token=abc def", "?refresh_token=*** def"),
            ("account s3cret user is not enabled", "account *** is not enabled"),
            ("/u/s3cret+user/ and /u/s3cret%20user/", "/u/***/ and /u/***/"),
            ("ftp://a@b ssh://c:d@e/f http://plain/x?Username=Z", "ftp://b ssh://e/f http://plain/x?Username=***"),
            ("no url here: a=b&c=d", "no url here: a=b&c=d"),
            ("?=x&=&username=", "?=x&=&username=***"),
        ] {
            assert_eq!(redact_text(text, &secrets), want, "{text}");
        }
        // Any text at all: no panic, and a masked value never survives.
        proptest::proptest!(|(a in ".{0,40}", b in "[a-z0-9]{4,12}")| {
            let text = format!("{a}?key={b}&{a}");
            let masked = format!("key={b}");
            let shown = redact_text(&text, &[]);
            proptest::prop_assert!(!shown.contains(&masked), "{}", shown);
            let _ = redact_text(&a, std::slice::from_ref(&b));
        });
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
