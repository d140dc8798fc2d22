//! From an HTML page to an [`Article`]: the body (not the menus, ads and footers), the
//! publication date from the page's metadata, the outlet and headline.
//!
//! The body: `[itemprop=articleBody]`, else `<article>`, else `<main>`, else the element whose
//! direct `<p>` children hold the most text (readability's core idea); its paragraphs, headings
//! and list items in order, with anything inside `nav`, `aside`, `footer`, `header`, `form`,
//! `figure`, `script` and `style` left out. The date: `article:published_time`, then JSON-LD
//! `datePublished`, `itemprop=datePublished`, `<meta name=date>`, then the first
//! `<time datetime>`.

use jiff::civil::Date;
use scraper::{ElementRef, Html, Selector};

use super::Article;

fn sel(s: &str) -> Selector {
    Selector::parse(s).expect("valid selector")
}

/// Decodes page bytes: the charset of the Content-Type header, else of a `<meta charset>`,
/// else UTF-8 (invalid bytes replaced).
pub fn decode(bytes: &[u8], content_type: Option<&str>) -> String {
    let label = content_type
        .and_then(|ct| {
            ct.split(';').find_map(|p| p.trim().strip_prefix("charset=")).map(|c| c.trim_matches('"').to_string())
        })
        .or_else(|| {
            // <meta charset="..."> or <meta http-equiv=... content="...; charset=...">, in the first 2 KB.
            let head = String::from_utf8_lossy(&bytes[..bytes.len().min(2048)]).to_ascii_lowercase();
            let at = head.find("charset=")? + "charset=".len();
            let rest = head[at..].trim_start_matches(['"', '\'']);
            Some(rest.chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_').collect())
        });
    let enc = label.and_then(|l| encoding_rs::Encoding::for_label(l.as_bytes())).unwrap_or(encoding_rs::UTF_8);
    enc.decode(bytes).0.into_owned()
}

/// Reads an article from HTML. `source` labels it when the page names no outlet.
pub fn article(html: &str, source: &str, url: &str) -> Article {
    let doc = Html::parse_document(html);
    let text = body(&doc);
    let meta = |q: &str| {
        doc.select(&sel(q)).next().and_then(|e| e.value().attr("content")).map(str::trim).filter(|s| !s.is_empty())
    };
    let published = meta("meta[property='article:published_time']")
        .and_then(date_prefix)
        .or_else(|| json_ld_date(&doc))
        .or_else(|| {
            doc.select(&sel("[itemprop='datePublished']"))
                .next()
                .and_then(|e| e.value().attr("content").or(e.value().attr("datetime")))
                .and_then(date_prefix)
        })
        .or_else(|| meta("meta[name='date']").and_then(date_prefix))
        .or_else(|| meta("meta[name='pubdate']").and_then(date_prefix))
        .or_else(|| {
            doc.select(&sel("time[datetime]")).next().and_then(|e| e.value().attr("datetime")).and_then(date_prefix)
        });
    let outlet = meta("meta[property='og:site_name']").map(str::to_string).unwrap_or_else(|| source.to_string());
    let title = meta("meta[property='og:title']")
        .map(str::to_string)
        .or_else(|| doc.select(&sel("title")).next().map(|t| t.text().collect::<String>().trim().to_string()))
        .filter(|t| !t.is_empty());
    Article { text, source: outlet, url: url.to_string(), published, title }
}

/// The date at the start of an ISO timestamp ("2021-07-09T10:00:00+04:30").
fn date_prefix(s: &str) -> Option<Date> {
    s.get(..10)?.parse().ok()
}

fn json_ld_date(doc: &Html) -> Option<Date> {
    for s in doc.select(&sel("script[type='application/ld+json']")) {
        let text: String = s.text().collect();
        let Ok(v) = serde_json::from_str::<serde_json::Value>(&text) else { continue };
        let mut stack = vec![&v];
        while let Some(v) = stack.pop() {
            match v {
                serde_json::Value::Object(m) => {
                    if let Some(d) = m.get("datePublished").and_then(|d| d.as_str()).and_then(date_prefix) {
                        return Some(d);
                    }
                    stack.extend(m.values());
                }
                serde_json::Value::Array(a) => stack.extend(a.iter()),
                _ => {}
            }
        }
    }
    None
}

const SKIPPED: &[&str] =
    &["nav", "aside", "footer", "header", "form", "figure", "script", "style", "noscript", "button"];

/// The article body as paragraphs separated by blank lines.
fn body(doc: &Html) -> String {
    let root = ["[itemprop='articleBody']", "article", "main"]
        .iter()
        .find_map(|q| doc.select(&sel(q)).next())
        .or_else(|| densest(doc))
        .unwrap_or_else(|| doc.root_element());
    let mut paragraphs = Vec::new();
    collect(root, &mut paragraphs);
    paragraphs.join("\n\n")
}

/// The element whose `<p>` children hold the most text.
fn densest(doc: &Html) -> Option<ElementRef<'_>> {
    let mut best: Option<(usize, ElementRef<'_>)> = None;
    for p in doc.select(&sel("p")) {
        let Some(parent) = p.parent().and_then(ElementRef::wrap) else { continue };
        let score: usize = parent
            .children()
            .filter_map(ElementRef::wrap)
            .filter(|c| c.value().name() == "p")
            .map(|c| c.text().map(str::len).sum::<usize>())
            .sum();
        if best.is_none_or(|(s, _)| score > s) {
            best = Some((score, parent));
        }
    }
    best.map(|(_, e)| e)
}

fn collect(e: ElementRef<'_>, out: &mut Vec<String>) {
    for child in e.children().filter_map(ElementRef::wrap) {
        let name = child.value().name();
        if SKIPPED.contains(&name) {
            continue;
        }
        if matches!(name, "p" | "h1" | "h2" | "h3" | "h4" | "li" | "blockquote") {
            let t: String = child.text().collect::<Vec<_>>().join("");
            let t = t.split_whitespace().collect::<Vec<_>>().join(" ");
            if !t.is_empty() {
                out.push(t);
            }
        } else {
            collect(child, out);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn body_date_and_outlet_come_from_the_page_not_its_menus() {
        let html = r#"<html><head><title>Border post falls | Example Wire</title>
            <meta property="og:site_name" content="Example Wire">
            <meta property="article:published_time" content="2021-07-09T08:30:00+04:30"></head>
            <body><nav><ul><li>Home</li><li>Kabul news</li></ul></nav>
            <article><h1>Border post falls</h1><p>The first   paragraph.</p><aside><p>Read more: Termez</p></aside>
            <p>The second paragraph.</p><footer>© 2021</footer></article></body></html>"#;
        let a = article(html, "page.html", "");
        assert_eq!(a.text, "Border post falls\n\nThe first paragraph.\n\nThe second paragraph.");
        assert_eq!(a.published.map(|d| d.to_string()).as_deref(), Some("2021-07-09"));
        assert_eq!(a.source, "Example Wire");
    }

    #[test]
    fn json_ld_time_and_densest_block_fall_backs() {
        let html = r#"<html><head><script type="application/ld+json">{"@graph":[{"@type":"NewsArticle","datePublished":"2021-07-28"}]}</script></head>
            <body><div class="menu"><p>a</p></div><div class="story"><p>Long paragraph one about the border.</p><p>And two.</p></div></body></html>"#;
        let a = article(html, "x", "");
        assert_eq!(a.published.map(|d| d.to_string()).as_deref(), Some("2021-07-28"));
        assert!(a.text.starts_with("Long paragraph one") && !a.text.contains("\na\n"), "{}", a.text);
        let t = article(r#"<p>x</p><time datetime="2021-10-02">2 Oct</time>"#, "x", "");
        assert_eq!(t.published.map(|d| d.to_string()).as_deref(), Some("2021-10-02"));
    }

    #[test]
    fn charsets_are_honoured() {
        let (bytes, _, _) = encoding_rs::WINDOWS_1251.encode("<p>Мазари-Шариф</p>");
        assert_eq!(decode(&bytes, Some("text/html; charset=windows-1251")), "<p>Мазари-Шариф</p>");
        let with_meta = [b"<meta charset=\"windows-1251\">".as_slice(), &bytes].concat();
        assert!(decode(&with_meta, Some("text/html")).contains("Мазари-Шариф"));
        assert_eq!(decode("Kunduz".as_bytes(), None), "Kunduz");
    }
}
