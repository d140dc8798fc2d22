//! Running text: sentences, and a folded copy that maps back to the original offsets.

use crate::gazetteer::fold::{CharFolder, FOLD, FOLD_SKIP, FOLD_SPACE};

/// A sentence: its byte range in the article text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sentence {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// Number of the paragraph it is in (paragraphs are separated by blank lines).
    pub paragraph: usize,
}

/// Words after which a full stop does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "gen", "lt", "col", "maj", "capt", "sgt", "st", "no", "vs", "etc", "e.g", "i.e", "u.s",
    "u.n", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "approx", "gov", "rep",
    "sen", "prof", "inc", "ltd", "co",
];

/// Splits text into sentences: at `.`, `!` or `?` (and closing quotes or brackets after them)
/// followed by white space and a capital letter, digit or opening quote — unless the word
/// before is an abbreviation or a single capital (an initial) — and at blank lines.
pub fn sentences(text: &str) -> Vec<Sentence> {
    let mut out = Vec::new();
    let bytes = text.as_bytes();
    let mut start = skip_space(text, 0);
    let mut paragraph = 0;
    let mut i = start;
    while i < bytes.len() {
        // Blank line: paragraph break.
        if bytes[i] == b'\n' {
            let mut j = i + 1;
            while j < bytes.len() && (bytes[j] == b' ' || bytes[j] == b'\t' || bytes[j] == b'\r') {
                j += 1;
            }
            // A bulleted line ("- Torkham: …", "• …") starts a paragraph of its own.
            let bullet = j < bytes.len() && matches!(bytes[j], b'-' | b'*') && bytes.get(j + 1) == Some(&b' ')
                || text[j..].starts_with("• ");
            if bullet {
                push(&mut out, text, start, i, paragraph);
                paragraph += 1;
                start = skip_space(text, j);
                i = start;
                continue;
            }
            if j < bytes.len() && bytes[j] == b'\n' {
                push(&mut out, text, start, i, paragraph);
                paragraph += 1;
                start = skip_space(text, j);
                i = start;
                continue;
            }
        }
        // A semicolon joins two statements ("Qaramqol falls; clashes continue in Andkhoy"):
        // each is read as a sentence of its own.
        if bytes[i] == b';' && bytes.get(i + 1) == Some(&b' ') {
            push(&mut out, text, start, i, paragraph);
            start = skip_space(text, i + 1);
            i = start;
            continue;
        }
        if matches!(bytes[i], b'.' | b'!' | b'?') {
            let mut j = i + 1;
            // Closing quotes and brackets belong to the sentence.
            while j < bytes.len() {
                let rest = &text[j..];
                let c = rest.chars().next().expect("in bounds");
                if matches!(c, '"' | '\'' | ')' | '”' | '’' | '»') {
                    j += c.len_utf8();
                } else {
                    break;
                }
            }
            let next = skip_space(text, j);
            let had_space = next > j;
            let starts_new = text[next..]
                .chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit() || matches!(c, '"' | '“' | '«' | '\'' | '‘'));
            if bytes[i] == b'.' && is_abbreviation(&text[start..i]) {
                i += 1;
                continue;
            }
            if had_space && starts_new {
                push(&mut out, text, start, j, paragraph);
                if text[j..next].matches('\n').count() >= 2 {
                    paragraph += 1;
                }
                start = next;
                i = next;
                continue;
            }
        }
        // On to the next byte that can end a sentence or a paragraph (ASCII bytes never occur
        // inside a multi-byte character).
        i += 1;
        i += bytes[i.min(bytes.len())..]
            .iter()
            .position(|b| matches!(b, b'.' | b'!' | b'?' | b'\n'))
            .unwrap_or(bytes.len() - i.min(bytes.len()));
    }
    push(&mut out, text, start, bytes.len(), paragraph);
    out
}

fn skip_space(text: &str, mut i: usize) -> usize {
    while let Some(c) = text[i..].chars().next() {
        if !c.is_whitespace() {
            break;
        }
        i += c.len_utf8();
    }
    i
}

fn push(out: &mut Vec<Sentence>, text: &str, start: usize, end: usize, paragraph: usize) {
    let s = &text[start..end];
    let trimmed_end = start + s.trim_end().len();
    if trimmed_end > start {
        out.push(Sentence { start, end: trimmed_end, paragraph });
    }
}

/// Whether the text before a full stop ends with an abbreviation or an initial.
fn is_abbreviation(before: &str) -> bool {
    let word = before.rsplit(|c: char| c.is_whitespace() || c == '(').next().unwrap_or("");
    let w = word.trim_start_matches(['"', '“', '\'']).to_lowercase();
    (w.chars().count() == 1 && word.chars().all(char::is_uppercase)) || ABBREVIATIONS.contains(&w.as_str())
}

/// A folded copy of text, as [`crate::gazetteer::fold::basic`] folds names (lower-case ASCII,
/// transliterated, apostrophes dropped, every other non-alphanumeric run a single space), with
/// the original byte offset of each folded byte.
#[derive(Debug, Clone)]
pub struct Folded {
    /// The folded text.
    pub text: String,
    /// `offsets[k]`: where folded byte `k` comes from in the original.
    pub offsets: Vec<usize>,
    /// Length of the original text (the end of the last character).
    pub original_len: usize,
}

impl Folded {
    /// Folds `text`.
    pub fn new(text: &str) -> Self {
        let mut out: Vec<u8> = Vec::with_capacity(text.len());
        let mut offsets = Vec::with_capacity(text.len());
        let mut pending_space: Option<usize> = None;
        let mut push = |b: u8, at: usize, out: &mut Vec<u8>, offsets: &mut Vec<usize>| {
            let f = FOLD[b as usize & 0x7f];
            if f > FOLD_SKIP {
                if let Some(sp) = pending_space.take()
                    && !out.is_empty()
                {
                    out.push(b' ');
                    offsets.push(sp);
                }
                out.push(f);
                offsets.push(at);
            } else if f == FOLD_SPACE && pending_space.is_none() {
                pending_space = Some(at);
            }
        };
        let bytes = text.as_bytes();
        let mut folder = CharFolder::default();
        let mut at = 0;
        while at < bytes.len() {
            let b = bytes[at];
            if b.is_ascii() {
                // The fast path: most news text is ASCII.
                folder.ascii(b as char);
                push(b, at, &mut out, &mut offsets);
                at += 1;
                continue;
            }
            let c = text[at..].chars().next().expect("a char boundary");
            for d in folder.fold(text, at, c).bytes() {
                push(d, at, &mut out, &mut offsets);
            }
            at += c.len_utf8();
        }
        let text_out = String::from_utf8(out).expect("ASCII");
        Folded { text: text_out, offsets, original_len: text.len() }
    }

    /// The folded text of the original byte range `start..end` (a sentence): what
    /// [`crate::gazetteer::fold::basic`] gives for it.
    pub fn slice(&self, start: usize, end: usize) -> &str {
        let (a, b) = self.range(start, end);
        &self.text[a..b]
    }

    /// The folded byte range of the original range `start..end`, without the spaces at its
    /// ends: [`Folded::slice`] is `&self.text[a..b]`.
    pub fn range(&self, start: usize, end: usize) -> (usize, usize) {
        let mut a = self.offsets.partition_point(|&o| o < start);
        let mut b = self.offsets.partition_point(|&o| o < end);
        let t = self.text.as_bytes();
        while a < b && t[a] == b' ' {
            a += 1;
        }
        while b > a && t[b - 1] == b' ' {
            b -= 1;
        }
        (a, b)
    }

    /// The original byte range of folded bytes `start..end`.
    pub fn original(&self, start: usize, end: usize, original: &str) -> (usize, usize) {
        let s = self.offsets[start];
        let last = self.offsets[end - 1];
        let e = last + original[last..].chars().next().map_or(1, char::len_utf8);
        (s, e)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn texts(t: &str) -> Vec<&str> {
        sentences(t).iter().map(|s| &t[s.start..s.end]).collect()
    }

    #[test]
    fn sentences_split_on_stops_not_on_abbreviations_or_initials() {
        let t = "Gen. Ahmadi said the post fell. \"It is ours,\" he said! Mr. J. Smith of the U.S. embassy \
                 agreed. On 9 July, 2021 it rained.\n\nA new paragraph starts here";
        assert_eq!(
            texts(t),
            [
                "Gen. Ahmadi said the post fell.",
                "\"It is ours,\" he said!",
                "Mr. J. Smith of the U.S. embassy agreed.",
                "On 9 July, 2021 it rained.",
                "A new paragraph starts here"
            ]
        );
        let s = sentences(t);
        assert_eq!((s[3].paragraph, s[4].paragraph), (0, 1));
    }

    #[test]
    fn folding_matches_name_folding_and_maps_back() {
        let t = "In Mazār-e Sharīf and Мазари-Шариф, the Islam Qal‘ah post…";
        let f = Folded::new(t);
        assert_eq!(f.text, "in mazar e sharif and mazari sharif the islam qalah post");
        let at = f.text.find("islam qalah").unwrap();
        let (s, e) = f.original(at, at + "islam qalah".len(), t);
        assert_eq!(&t[s..e], "Islam Qal‘ah");
        assert_eq!(f.slice(t.find("the Islam").unwrap(), t.len()), "the islam qalah post");
        let at = f.text.find("mazari sharif").unwrap();
        let (s, e) = f.original(at, at + "mazari sharif".len(), t);
        assert_eq!(&t[s..e], "Мазари-Шариф");
    }

    proptest! {
        #[test]
        fn folded_text_is_what_name_folding_gives(s in "\\PC{0,60}") {
            let f = Folded::new(&s);
            prop_assert_eq!(&f.text, &crate::gazetteer::fold::basic(&s));
            prop_assert_eq!(f.text.len(), f.offsets.len());
        }

        #[test]
        fn folded_arabic_script_is_what_name_folding_gives(s in "[\u{0600}-\u{06FF}\u{200C}\u{200D} a-z'.]{0,60}") {
            let f = Folded::new(&s);
            prop_assert_eq!(&f.text, &crate::gazetteer::fold::basic(&s));
            prop_assert_eq!(f.text.len(), f.offsets.len());
        }

        #[test]
        fn sentences_are_in_order_within_the_text(s in "[A-Za-z .!?\n\"]{0,120}") {
            let mut last = 0;
            for x in sentences(&s) {
                prop_assert!(x.start >= last && x.end > x.start && x.end <= s.len());
                last = x.end;
            }
        }
    }
}
