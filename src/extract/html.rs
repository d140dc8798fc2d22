//! From an HTML page to an [`Article`]: the body (not the menus, ads and footers), the
//! publication date from the page's metadata, the outlet and headline.
//!
//! The body: `[itemprop=articleBody]`, else `<article>`, else `<main>`, else the element whose
//! direct `<p>` children hold the most text (readability's core idea); its paragraphs, headings
//! and list items in order, with anything inside `nav`, `aside`, `footer`, `header`, `form`,
//! `figure`, `script` and `style` left out. The date: `article:published_time`, then JSON-LD
//! `datePublished`, `itemprop=datePublished`, `<meta name=date>`, then the first
//! `<time datetime>`.
//!
//! Bounded work: the HTML parser (html5ever) checks scopes by walking its stack of open
//! elements, so its time grows with the square of the nesting depth (40,000 nested `<div>`:
//! 23.5 s; 100,000: over two minutes). Before parsing, a page is read up to
//! [`MAX_HTML_BYTES`] (the rest is left out, with a warning), and [`bound_depth`] removes the
//! start tags that would open an element deeper than [`MAX_HTML_DEPTH`] (and their end tags;
//! their text is kept), with a warning: parsing is then linear in the page's size.

use std::borrow::Cow;

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

/// Most bytes of a page that are read: 8 MiB, more than any article page (with its scripts
/// and inline styles) needs; beyond it, the rest is left out with a warning.
pub const MAX_HTML_BYTES: usize = 8 * 1024 * 1024;

/// Deepest element nesting kept: article pages nest 20 to 60 deep, Blink's parser stops
/// nesting at 512; deeper start tags are dropped (their text is kept) with a warning.
pub const MAX_HTML_DEPTH: usize = 256;

/// Reads an article from HTML. `source` labels it when the page names no outlet. A page over
/// [`MAX_HTML_BYTES`] or nested deeper than [`MAX_HTML_DEPTH`] is read within those limits, and
/// [`Article::warnings`] says what was left out.
pub fn article(html: &str, source: &str, url: &str) -> Article {
    article_within(html, source, url, MAX_HTML_BYTES, MAX_HTML_DEPTH)
}

fn article_within(html: &str, source: &str, url: &str, max_bytes: usize, max_depth: usize) -> Article {
    let mut warnings = Vec::new();
    let mut html = html;
    if html.len() > max_bytes {
        let mut cut = max_bytes;
        while !html.is_char_boundary(cut) {
            cut -= 1;
        }
        warnings.push(format!("the page has {} bytes: only the first {max_bytes} are read", html.len()));
        html = &html[..cut];
    }
    let (html, dropped) = bound_depth(html, max_depth);
    if dropped > 0 {
        warnings.push(format!(
            "the page nests elements deeper than {max_depth}: {dropped} tag(s) past that depth were ignored (their text is kept)"
        ));
    }
    let doc = Html::parse_document(&html);
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
    Article { text, source: outlet, url: url.to_string(), published, title, warnings }
}

/// Elements with no end tag: never open.
const VOID: &[&str] = &[
    "area", "base", "basefont", "bgsound", "br", "col", "embed", "frame", "hr", "image", "img", "input", "keygen",
    "link", "meta", "param", "source", "track", "wbr",
];
/// Elements whose content the parser reads as text up to their end tag.
const RAW_TEXT: &[&str] =
    &["script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "noscript", "plaintext"];
/// Elements that bound a scope (HTML's "has an element in scope", with those of MathML and
/// SVG, and `button` always: more boundaries only make [`bound_depth`] close less).
const SCOPE: &[&str] = &[
    "applet",
    "caption",
    "html",
    "table",
    "td",
    "th",
    "marquee",
    "object",
    "template",
    "button",
    "mi",
    "mo",
    "mn",
    "ms",
    "mtext",
    "annotation-xml",
    "foreignobject",
    "desc",
    "title",
];
/// Formatting elements: the parser reopens them after an implied close, so an implied close
/// keeps them open here.
const FORMATTING: &[&str] =
    &["a", "b", "big", "code", "em", "font", "i", "nobr", "s", "small", "strike", "strong", "tt", "u"];
/// Start tags that close an open `<p>` (in button scope).
const CLOSES_P: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "center",
    "details",
    "dialog",
    "dir",
    "div",
    "dl",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "header",
    "hgroup",
    "main",
    "menu",
    "nav",
    "ol",
    "p",
    "search",
    "section",
    "summary",
    "ul",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "pre",
    "listing",
    "form",
    "li",
    "dd",
    "dt",
];
/// Phrasing elements that are not "special" in HTML's parsing rules (unknown elements are
/// taken as special here: the model then closes less).
const NOT_SPECIAL: &[&str] = &[
    "a", "abbr", "b", "bdi", "bdo", "big", "cite", "code", "data", "dfn", "em", "font", "i", "kbd", "label", "mark",
    "nobr", "q", "s", "samp", "small", "span", "strike", "strong", "sub", "sup", "time", "tt", "u", "var",
];

/// Removes the start tags that would open an element deeper than `max_depth` (and the end tags
/// that go with them), keeping everything else byte for byte; returns the text and the number of
/// start tags removed. One pass over the text, with a stack of at most `max_depth` open elements
/// modelled on the HTML parser's: comments, doctypes, quoted attribute values and raw-text
/// elements (`<script>`, `<style>` …) are skipped as the parser skips them; end tags close the
/// nearest open element of their name within its scope; `<p>`, `<li>`, `<dd>`, `<dt>`, `<tr>`,
/// `<td>`, `<option>` close their open predecessors as the parser does; formatting elements
/// stay open across implied closes (the parser reopens them). Where the model and the parser
/// could differ it keeps more elements open than the parser does, so the parser never nests
/// deeper than the model allows (bar a few elements the parser adds itself).
pub fn bound_depth(html: &str, max_depth: usize) -> (Cow<'_, str>, usize) {
    let b = html.as_bytes();
    let n = b.len();
    let mut stack: Vec<String> = Vec::new();
    let mut dropped_open: std::collections::HashMap<String, usize> = Default::default();
    let mut dropped = 0usize;
    // Byte ranges of removed tags.
    let mut cuts: Vec<(usize, usize)> = Vec::new();
    let find = |from: usize, pat: &[u8]| -> Option<usize> {
        if from >= n {
            return None;
        }
        b[from..].windows(pat.len()).position(|w| w == pat).map(|p| from + p)
    };
    let mut i = 0;
    while i < n {
        let Some(lt) = b[i..].iter().position(|&c| c == b'<').map(|p| i + p) else { break };
        i = lt + 1;
        let next = b.get(i).copied();
        match next {
            Some(b'!') => {
                if b[i..].starts_with(b"!--") {
                    let body = i + 3;
                    i = if b[body..].starts_with(b">") {
                        body + 1
                    } else if b[body..].starts_with(b"->") {
                        body + 2
                    } else {
                        // The first `-->` or `--!>`.
                        let mut at = body;
                        loop {
                            let Some(p) = find(at, b"--") else { break n };
                            match b.get(p + 2) {
                                Some(b'>') => break p + 3,
                                Some(b'!') if b.get(p + 3) == Some(&b'>') => break p + 4,
                                _ => at = p + 1,
                            }
                        }
                    };
                } else {
                    i = find(i, b">").map_or(n, |p| p + 1);
                }
            }
            Some(b'?') => i = find(i, b">").map_or(n, |p| p + 1),
            Some(b'/') => {
                let start = i + 1;
                match b.get(start) {
                    Some(c) if c.is_ascii_alphabetic() => {
                        let (name, end) = tag(b, start);
                        i = end;
                        if let Some(k) = dropped_open.get_mut(&name).filter(|k| **k > 0) {
                            *k -= 1;
                            cuts.push((lt, end));
                            continue;
                        }
                        let extra: &[&str] = match name.as_str() {
                            "p" => &[],
                            "li" => &["ol", "ul"],
                            _ => &[],
                        };
                        let at = if FORMATTING.contains(&name.as_str()) {
                            // The adoption agency closes the element (and reopens the formatting
                            // ones above it) when nothing special is above it; otherwise it may
                            // leave elements open: then close nothing.
                            in_scope(&stack, &name, &[])
                                .filter(|&at| stack[at + 1..].iter().all(|e| NOT_SPECIAL.contains(&e.as_str())))
                        } else if matches!(
                            name.as_str(),
                            "table" | "tbody" | "thead" | "tfoot" | "tr" | "td" | "th" | "caption"
                        ) {
                            stack.iter().rposition(|e| *e == name).filter(|&at| {
                                !stack[at + 1..].iter().any(|e| matches!(e.as_str(), "table" | "template" | "html"))
                            })
                        } else {
                            in_scope(&stack, &name, extra)
                        };
                        if let Some(at) = at {
                            close_to(&mut stack, at);
                        }
                    }
                    Some(b'>') => i = start + 1,
                    _ => i = find(i, b">").map_or(n, |p| p + 1),
                }
            }
            Some(c) if c.is_ascii_alphabetic() => {
                let (name, end) = tag(b, i);
                i = end;
                // `<div/>`: HTML ignores the slash on non-void elements, which open all the same.
                if VOID.contains(&name.as_str()) {
                    continue;
                }
                implied_closes(&mut stack, &name);
                // Elements the parser opens itself: <tbody> and <tr> around a bare row or cell.
                let implied: &[&str] = match (name.as_str(), stack.last().map(String::as_str)) {
                    ("tr", Some("table")) => &["tbody"],
                    ("td" | "th", Some("table")) => &["tbody", "tr"],
                    ("td" | "th", Some("tbody" | "thead" | "tfoot")) => &["tr"],
                    _ => &[],
                };
                if stack.len() + implied.len() >= max_depth {
                    cuts.push((lt, end));
                    *dropped_open.entry(name).or_default() += 1;
                    dropped += 1;
                    continue;
                }
                let foreign = stack.iter().any(|e| e == "svg" || e == "math");
                if RAW_TEXT.contains(&name.as_str()) && !foreign {
                    if name == "plaintext" {
                        break;
                    }
                    // Up to `</name` followed by a space, `/` or `>`, case aside.
                    let mut at = i;
                    i = loop {
                        let Some(p) = find(at, b"</") else { break n };
                        let after = p + 2 + name.len();
                        if b.get(p + 2..after).is_some_and(|t| t.eq_ignore_ascii_case(name.as_bytes()))
                            && b.get(after)
                                .is_none_or(|c| matches!(c, b' ' | b'\t' | b'\n' | b'\r' | b'\x0c' | b'/' | b'>'))
                        {
                            break p;
                        }
                        at = p + 2;
                    };
                    continue;
                }
                stack.extend(implied.iter().map(|e| e.to_string()));
                stack.push(name);
            }
            _ => {}
        }
    }
    if cuts.is_empty() {
        return (Cow::Borrowed(html), 0);
    }
    let mut out = String::with_capacity(html.len());
    let mut at = 0;
    for (a, z) in cuts {
        out.push_str(&html[at..a]);
        at = z;
    }
    out.push_str(&html[at..]);
    (Cow::Owned(out), dropped)
}

/// The innermost open `name` when no scope boundary (or `extra` element) is above it.
fn in_scope(stack: &[String], name: &str, extra: &[&str]) -> Option<usize> {
    for (i, e) in stack.iter().enumerate().rev() {
        if e == name {
            return Some(i);
        }
        if SCOPE.contains(&e.as_str()) || extra.contains(&e.as_str()) {
            return None;
        }
    }
    None
}

/// Pops down to (and including) `at`, keeping formatting elements open.
fn close_to(stack: &mut Vec<String>, at: usize) {
    let kept: Vec<String> = stack[at + 1..].iter().filter(|e| FORMATTING.contains(&e.as_str())).cloned().collect();
    stack.truncate(at);
    stack.extend(kept);
}

/// The open elements a start tag closes before it opens (a subset of what the parser closes).
fn implied_closes(stack: &mut Vec<String>, name: &str) {
    if CLOSES_P.contains(&name)
        && let Some(at) = in_scope(stack, "p", &[])
    {
        close_to(stack, at);
    }
    let targets: &[&str] = match name {
        "li" => &["li"],
        "dd" | "dt" => &["dd", "dt"],
        _ => &[],
    };
    if !targets.is_empty() {
        for k in (0..stack.len()).rev() {
            if targets.contains(&stack[k].as_str()) {
                close_to(stack, k);
                break;
            }
            if !matches!(stack[k].as_str(), "address" | "div" | "p") && !NOT_SPECIAL.contains(&stack[k].as_str()) {
                break;
            }
        }
    }
    let table_part = |stop: &[&str], targets: &[&str], stack: &mut Vec<String>| {
        for k in (0..stack.len()).rev() {
            if targets.contains(&stack[k].as_str()) {
                close_to(stack, k);
                return;
            }
            if stop.contains(&stack[k].as_str()) {
                return;
            }
        }
    };
    match name {
        "tr" => table_part(&["table", "template", "html"], &["tr"], stack),
        "td" | "th" => table_part(&["tr", "table", "template", "html"], &["td", "th"], stack),
        "tbody" | "thead" | "tfoot" => table_part(&["table", "template", "html"], &["tbody", "thead", "tfoot"], stack),
        "option" | "optgroup" => {
            if stack.last().is_some_and(|e| e == "option") {
                stack.pop();
            }
            if name == "optgroup" && stack.last().is_some_and(|e| e == "optgroup") {
                stack.pop();
            }
        }
        _ => {}
    }
}

/// A tag's lower-case name (starting at `at`) and the byte after its `>` (or the end), its
/// attributes skipped as the HTML tokenizer reads them (quoted values may hold `>`).
fn tag(b: &[u8], at: usize) -> (String, usize) {
    let n = b.len();
    let mut i = at;
    while i < n && !matches!(b[i], b' ' | b'\t' | b'\n' | b'\r' | b'\x0c' | b'/' | b'>') {
        i += 1;
    }
    let name = String::from_utf8_lossy(&b[at..i]).to_ascii_lowercase();
    // Attributes: a value is quoted only when its first character (after `=` and spaces) is a quote.
    while i < n {
        match b[i] {
            b'>' => return (name, i + 1),
            b'=' => {
                i += 1;
                while i < n && matches!(b[i], b' ' | b'\t' | b'\n' | b'\r' | b'\x0c') {
                    i += 1;
                }
                if i < n && (b[i] == b'"' || b[i] == b'\'') {
                    let q = b[i];
                    i = b[i + 1..].iter().position(|&c| c == q).map_or(n, |p| i + 1 + p + 1);
                }
            }
            _ => i += 1,
        }
    }
    (name, n)
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

    /// The deepest element of a parsed page, counted without recursion.
    fn depth_of(html: &str) -> usize {
        let doc = Html::parse_document(html);
        doc.tree.root().descendants().map(|n| n.ancestors().count()).max().unwrap_or(0)
    }

    #[test]
    fn deeply_nested_html_is_bounded_in_depth() {
        // 40,000 nested <div> took 23.5 s and 100,000 over two minutes: the parser's work grows
        // with the square of the depth. Counted here, not timed: the parsed tree is no deeper
        // than the limit (and a few elements the parser adds).
        for (open, close) in
            [("<div>", "</div>"), ("<span class='a>b'>", "</span>"), ("<b><i>", ""), ("<table><tr><td>", "")]
        {
            let html = format!("<p>Start.</p>{}<p>Deep text.</p>{}", open.repeat(40_000), close.repeat(40_000));
            let (bounded, dropped) = bound_depth(&html, MAX_HTML_DEPTH);
            assert!(dropped > 30_000, "{open}: {dropped} dropped");
            assert!(depth_of(&bounded) <= MAX_HTML_DEPTH + 8, "{open}: depth {}", depth_of(&bounded));
            assert!(bounded.contains("<p>Deep text.</p>") || bounded.contains("Deep text."), "{open}: text kept");
            let a = article(&html, "x", "");
            assert!(a.text.contains("Start."), "{open}: {}", a.text);
            assert!(a.warnings.iter().any(|w| w.contains("deeper than 256")), "{:?}", a.warnings);
        }
    }

    #[test]
    fn sloppy_but_ordinary_html_is_left_alone() {
        // Unclosed <p> and <li>, misnested formatting, comments, scripts holding markup, quoted
        // '>' in attributes: nothing reaches the limit, nothing is removed.
        let mut html =
            String::from("<html><head><script>var s = '<div><div><div>';</script><style>p>a{}</style></head><body>");
        for k in 0..2_000 {
            html.push_str(&format!(
                "<p>Para {k} <a href='x>y'>link</a> <b>bold <i>both</b> italic</i><!-- <div><div> --><ul><li>a<li>b</ul><table><tr><td>1<td>2<tr><td>3</table><select><option>a<option>b</select><dl><dt>t<dd>d</dl><img src=x><br/>"
            ));
        }
        let (bounded, dropped) = bound_depth(&html, MAX_HTML_DEPTH);
        assert_eq!(dropped, 0);
        assert!(matches!(bounded, Cow::Borrowed(_)));
    }

    #[test]
    fn unclosed_formatting_reopened_by_the_parser_counts_towards_the_limit() {
        // The parser reopens <b> in every paragraph: its tree deepens though each </p> closes.
        let html = "<p><b>x</p>y".repeat(5_000);
        let (bounded, dropped) = bound_depth(&html, MAX_HTML_DEPTH);
        assert!(dropped > 0);
        assert!(depth_of(&bounded) <= MAX_HTML_DEPTH + 8, "depth {}", depth_of(&bounded));
    }

    #[test]
    fn a_page_over_the_size_limit_is_read_up_to_it() {
        let mut html = String::from("<article><p>Kept at the start.</p>");
        html.push_str(&"<p>filler é</p>".repeat(100));
        html.push_str("<p>Never read.</p></article>");
        for cut in 1_000..1_020 {
            // Any cut, mid-character included.
            let a = article_within(&html, "x", "", cut, MAX_HTML_DEPTH);
            assert!(a.text.starts_with("Kept at the start.") && !a.text.contains("Never read."));
            assert!(
                a.warnings.iter().any(|w| w.contains(&format!("only the first {cut} are read"))),
                "{:?}",
                a.warnings
            );
        }
        assert!(article(&html, "x", "").warnings.is_empty());
    }

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
