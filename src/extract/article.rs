//! An article to read: its text, outlet, URL and publication date, from a file or a fetched
//! page.

use jiff::civil::Date;

use super::html;

/// An article to read.
#[derive(Debug, Clone, Default)]
pub struct Article {
    /// The body text (paragraphs separated by blank lines).
    pub text: String,
    /// The outlet, or the file, for `source`.
    pub source: String,
    /// Its URL, if it came from one.
    pub url: String,
    /// Publication date, which relative dates are resolved against.
    pub published: Option<Date>,
    /// Headline, if known.
    pub title: Option<String>,
    /// What reading it left out, for the user ("nested deeper than 256 …"; see
    /// [`html::MAX_HTML_BYTES`] and [`html::MAX_HTML_DEPTH`]).
    pub warnings: Vec<String>,
}

impl Article {
    /// An article from a fetched page: HTML (also when the server names no type) or plain text,
    /// decoded with the charset it declares; any other content type is refused.
    pub fn from_http(body: &[u8], content_type: Option<&str>, source: &str, url: &str) -> Result<Article, String> {
        let ct = content_type.unwrap_or("").to_ascii_lowercase();
        if ct.is_empty() || ct.starts_with("text/html") || ct.starts_with("application/xhtml") {
            Ok(html::article(&html::decode(body, content_type), source, url).with_recordable_date())
        } else if ct.starts_with("text/plain") {
            let text = html::decode(body, content_type);
            Ok(Article { text, source: source.to_string(), url: url.to_string(), ..Article::default() })
        } else {
            Err(format!("not an article: the server sent {ct:?}, not HTML or text"))
        }
    }

    /// The article without a publication date that no event record may have (a page's
    /// metadata saying 2109), with a warning that says so.
    fn with_recordable_date(mut self) -> Article {
        if let Some(d) = self.published.filter(|&d| !crate::events::date::recordable(d)) {
            self.warnings.push(format!(
                "the page's publication date {d} is outside {}..={}: ignored",
                crate::events::date::MIN_YEAR,
                crate::events::date::MAX_YEAR
            ));
            self.published = None;
        }
        self
    }

    /// An article from a file: HTML when it is named `.html` or `.htm`, else UTF-8 text.
    pub fn from_file(bytes: Vec<u8>, name: &str) -> Result<Article, String> {
        let ext = name.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase()).unwrap_or_default();
        if ext == "html" || ext == "htm" {
            return Ok(html::article(&html::decode(&bytes, None), name, "").with_recordable_date());
        }
        let text = String::from_utf8(bytes).map_err(|_| format!("{name} is not UTF-8 text"))?;
        Ok(Article { text, source: name.to_string(), ..Article::default() })
    }
}
