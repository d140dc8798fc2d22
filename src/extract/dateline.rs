//! Wire-copy datelines: `KABUL, July 8 (Reuters) -`, `DUSHANBE (AFP) -`, `TASHKENT, July 30.
//! /TASS/.`, `ZAHEDAN, Aug. 7 (IRNA) --`. A dateline says where the story was filed and when,
//! not where or when the event was: its places and dates are not read as the event's. Its
//! outlet (in brackets or slashes) is kept: it says who reports when the article names no
//! source.

/// A dateline at the start of a paragraph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dateline {
    /// Byte offset (in the article) where the dateline ends, separator included.
    pub end: usize,
    /// The outlet named in it ("Reuters"), if any.
    pub outlet: Option<String>,
}

/// Longest dateline looked for (bytes): `MAZAR-I-SHARIF, Afghanistan, Aug. 14 (Reuters) -` is 48.
const MAX_LEN: usize = 90;

/// The dateline at `start` of `text` (a paragraph's first byte), if there is one: an upper-case
/// place word of three letters or more first, then at most a country, a date and an outlet,
/// then a dash (`-`, `--`, `–`, `—`) or TASS's `/TASS/.`.
pub fn at(text: &str, start: usize) -> Option<Dateline> {
    let rest = &text[start..];
    let head_end = rest.char_indices().nth(MAX_LEN).map_or(rest.len(), |(i, _)| i);
    let head = &rest[..head_end];
    // The first word: capitals (and hyphens, apostrophes), three letters or more.
    let first: String = head.chars().take_while(|c| c.is_alphabetic() || *c == '-' || *c == '\'').collect();
    let letters = first.chars().filter(|c| c.is_alphabetic()).count();
    if letters < 3 || first.chars().any(|c| c.is_lowercase()) {
        return None;
    }
    // The separator: the first dash between spaces, a colon ("FAYZABAD:", "KANDAHAR CITY
    // (Pajhwok):"), or "/OUTLET/." .
    let mut best: Option<(usize, usize)> = None;
    for sep in [" - ", " -- ", " – ", " — ", " —", " –", ": ", "): "] {
        if let Some(i) = head.find(sep)
            && best.is_none_or(|(b, _)| i < b)
        {
            best = Some((i, i + sep.len()));
        }
    }
    let mut outlet = None;
    if let Some(a) = head.find(" /")
        && let Some(b) = head[a + 2..].find("/")
        && best.is_none_or(|(i, _)| a < i)
    {
        let name = &head[a + 2..a + 2 + b];
        if !name.is_empty() && name.len() <= 30 && !name.contains(' ') {
            let after = a + 2 + b + 1;
            let after = after + usize::from(head[after..].starts_with('.'));
            best = Some((a, after));
            outlet = Some(name.to_string());
        }
    }
    let (sep_at, end) = best?;
    let before = &head[..sep_at];
    // A colon ends a dateline only after capitals (and an outlet in brackets): "FAYZABAD:",
    // not "Officials said: …".
    if head[sep_at..].starts_with(':') || head[sep_at..].starts_with("):") {
        let place = before.split('(').next().unwrap_or("");
        if place.chars().any(char::is_lowercase) {
            return None;
        }
    }
    // Nothing sentence-like before the dash: no verb-y lower-case run of words.
    let lower_words = before.split_whitespace().filter(|w| w.chars().next().is_some_and(char::is_lowercase)).count();
    if lower_words > 1 {
        return None;
    }
    let before = &head[..sep_at + usize::from(head[sep_at..].starts_with(')'))];
    if outlet.is_none()
        && let (Some(a), Some(b)) = (before.rfind('('), before.rfind(')'))
        && a < b
    {
        let name = before[a + 1..b].trim();
        if !name.is_empty() {
            outlet = Some(name.to_string());
        }
    }
    let end = end + head[end..].len() - head[end..].trim_start().len();
    Some(Dateline { end: start + end, outlet })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dl(s: &str) -> Option<(String, Option<String>)> {
        at(s, 0).map(|d| (s[d.end..].to_string(), d.outlet))
    }

    #[test]
    fn wire_datelines() {
        assert_eq!(
            dl("KUNDUZ, Afghanistan, June 22 (Reuters) - Taliban fighters seized"),
            Some(("Taliban fighters seized".into(), Some("Reuters".into())))
        );
        assert_eq!(dl("DUSHANBE (AFP) - More than"), Some(("More than".into(), Some("AFP".into()))));
        assert_eq!(dl("TASHKENT, July 30. /TASS/. Russian"), Some(("Russian".into(), Some("TASS".into()))));
        assert_eq!(dl("ZAHEDAN, Aug. 7 (IRNA) -- The border"), Some(("The border".into(), Some("IRNA".into()))));
        assert_eq!(dl("MAZAR-I-SHARIF, Afghanistan – Residents"), Some(("Residents".into(), None)));
        assert_eq!(dl("DUSHANBE, July 5 - Another group"), Some(("Another group".into(), None)));
        assert_eq!(dl("FAYZABAD: Seven districts"), Some(("Seven districts".into(), None)));
        assert_eq!(
            dl("KANDAHAR CITY (Pajhwok): Taliban fighters"),
            Some(("Taliban fighters".into(), Some("Pajhwok".into())))
        );
    }

    proptest::proptest! {
        #[test]
        fn a_dateline_ends_inside_its_text_on_a_char_boundary(s in "\\PC{0,120}") {
            if let Some(d) = at(&s, 0) {
                proptest::prop_assert!(d.end <= s.len() && s.is_char_boundary(d.end));
            }
        }

        #[test]
        fn wire_shaped_heads_are_cut_at_the_dash(city in "[A-Z]{3,12}", outlet in "[A-Z][a-z]{2,8}", body in "[A-Z][a-z ]{0,40}") {
            let s = format!("{city} ({outlet}) - {body}");
            let d = at(&s, 0).expect("a dateline");
            proptest::prop_assert_eq!(&s[d.end..], body.as_str());
            proptest::prop_assert_eq!(d.outlet.as_deref(), Some(outlet.as_str()));
        }
    }

    #[test]
    fn not_datelines() {
        assert_eq!(dl("Taliban fighters seized the post - officials said"), None);
        assert_eq!(dl("The CSTO - a Russian-led bloc - said"), None);
        assert_eq!(dl("UN agencies said - in a statement"), None, "two letters");
        assert_eq!(dl("NATO forces said on Friday that they were leaving - and"), None);
        assert_eq!(dl(""), None);
        assert_eq!(dl("KABUL officials said: the post fell"), None);
    }
}
