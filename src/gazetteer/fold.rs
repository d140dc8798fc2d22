//! Name folding: the keys that make "Mazar-i-Sharif", "Mazār-e Sharīf", "Mazari Sharif" and
//! "Мазари-Шариф" meet.
//!
//! Three keys of increasing tolerance are derived from every name and every query:
//!
//! | key | what it forgives | example |
//! |---|---|---|
//! | [`basic`] | case, diacritics, scripts (via transliteration), apostrophes and ‘ayn marks, hyphens and punctuation, repeated spaces | `Mazār-e Sharīf` → `mazar e sharif` |
//! | [`canonical`] | also the ezafe (`-i-`, `-e-`, `-ye`), a leading "the", and word boundaries | `Mazar-i-Sharif` → `mazarsharif` |
//! | [`phonetic`] | also vowels, common transliteration swaps (q/k, gh/g, w/v, dzh/zh/j, sz/sh/s, ow/o), a silent h after a vowel, doubled letters | `Towraghondi` → `trgnd` = `Torghundi` |
//!
//! The phonetic key is deliberately lossy; matches through it are scored lower and
//! ambiguity between candidates is reported by the resolver, never guessed away.

/// Words that are never a place on their own, even when a gazetteer lists them as aliases
/// (GeoNames gives "Hazrat" and "Khwaja" for Imam Sahib). Compared on [`canonical`] keys.
pub const GENERIC_WORDS: &[&str] = &[
    "bandar", "bazar", "bazaar", "bridge", "city", "darya", "deh", "hazrat", "imam", "kala", "kalai", "khan", "khwaja",
    "khoja", "khodzha", "khvajeh", "kot", "kotal", "nahr", "pass", "port", "post", "pul", "qala", "qalah", "qalai",
    "qaleh", "qarya", "qaryah", "qishlaq", "river", "rud", "sahib", "shahr", "sher", "shir", "town", "village", "ab",
];

/// Is this canonical key a generic word that must not resolve on its own?
pub fn is_generic(canonical_key: &str) -> bool {
    GENERIC_WORDS.contains(&canonical_key)
}

/// The most bytes [`basic`] makes of one character (🫰 is "hand with index finger and thumb
/// crossed"): a key is at most this many times as long, in bytes, as its name is in characters,
/// and every key is folded in time linear in its name. Checked for every `char` by a test.
pub const MAX_FOLD_EXPANSION: usize = 40;

/// Lower-case ASCII words separated by single spaces: diacritics dropped, other scripts
/// transliterated (Cyrillic, Greek, …; Arabic script loses its short vowels), apostrophes and
/// ‘ayn/hamza marks removed, every other non-alphanumeric character a word break.
///
/// ```
/// use bordermap::gazetteer::fold::basic;
/// assert_eq!(basic("Mazār-e Sharīf"), "mazar e sharif");
/// assert_eq!(basic("Мазари-Шариф"), "mazari sharif");
/// assert_eq!(basic("Islām Qal‘ah"), "islam qalah");
/// ```
pub fn basic(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    if name.is_ascii() {
        push_basic(&mut out, name);
    } else {
        // Marks that deunicode would turn into an apostrophe-like character or a space.
        let mut marks_removed = String::with_capacity(name.len());
        for c in name.chars() {
            if c.is_ascii_control() {
                // deunicode drops control characters (tab, newline, NUL …) after the first
                // non-ASCII one; they are word breaks here, as in ASCII names.
                marks_removed.push(' ');
            } else if !is_apostrophe(c) {
                marks_removed.push(c);
            }
        }
        push_basic(&mut out, &deunicode::deunicode(&marks_removed));
    }
    out
}

/// Apostrophes, ‘ayn and hamza marks, and the Cyrillic soft and hard signs: dropped, not word
/// breaks.
pub(crate) fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '`' | '´' | '‘' | '’' | 'ʻ' | 'ʼ' | 'ʽ' | 'ʾ' | 'ʿ' | 'ˈ' | '′' | 'ʹ' | 'ь' | 'Ь' | 'ъ' | 'Ъ')
}

fn push_basic(out: &mut String, ascii: &str) {
    let mut pending_space = false;
    for b in ascii.bytes() {
        match FOLD[b as usize & 0x7f] {
            FOLD_SKIP => {}
            FOLD_SPACE => pending_space = true,
            f => {
                if pending_space && !out.is_empty() {
                    out.push(' ');
                }
                pending_space = false;
                out.push(f as char);
            }
        }
    }
}

/// What [`basic`] makes of each ASCII byte: letters lower-cased and digits kept as they are,
/// [`FOLD_SKIP`] for apostrophes (dropped), [`FOLD_SPACE`] for every other byte (a word break).
/// Shared with the extractor's folding of running text, which must agree with it.
pub(crate) const FOLD: [u8; 128] = {
    let mut t = [FOLD_SPACE; 128];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        t[b] = match c {
            b'a'..=b'z' | b'0'..=b'9' => c,
            b'A'..=b'Z' => c + 32,
            b'\'' | b'`' => FOLD_SKIP,
            _ => FOLD_SPACE,
        };
        b += 1;
    }
    t
};
/// A word break in [`FOLD`].
pub(crate) const FOLD_SPACE: u8 = 0;
/// A dropped byte in [`FOLD`].
pub(crate) const FOLD_SKIP: u8 = 1;

/// Ezafe particles and the article, dropped as whole words by [`canonical`].
const JOINERS: &[&str] = &["i", "e", "y", "ye", "yi", "the"];

/// The basic key with the ezafe and "the" dropped and the words joined: word boundaries and
/// the "-i-" / "-e-" / "-ye" between words no longer matter.
///
/// ```
/// use bordermap::gazetteer::fold::canonical;
/// assert_eq!(canonical("Mazar-i-Sharif"), "mazarsharif");
/// assert_eq!(canonical("Mazar-e Sharif"), canonical("Mazar e-Sharif"));
/// assert_eq!(canonical("Qal'ah-ye Kuf"), "qalahkuf");
/// ```
pub fn canonical(name: &str) -> String {
    canonical_from_basic(&basic(name))
}

/// [`canonical`] for a key that is already [`basic`].
pub fn canonical_from_basic(basic_key: &str) -> String {
    let mut out = String::with_capacity(basic_key.len());
    let words: Vec<&str> = basic_key.split(' ').filter(|w| !w.is_empty()).collect();
    for (i, w) in words.iter().enumerate() {
        // A joiner is only dropped between or before other words, never when it is all there is.
        if words.len() > 1 && JOINERS.contains(w) && !(i == words.len() - 1 && *w == "the") {
            continue;
        }
        out.push_str(w);
    }
    out
}

fn is_vowel(b: u8) -> bool {
    matches!(b, b'a' | b'e' | b'i' | b'o' | b'u' | b'y')
}

/// A consonant skeleton of the canonical key: transliteration swaps applied, vowels dropped
/// (a leading vowel kept as `a`), doubled letters collapsed.
///
/// ```
/// use bordermap::gazetteer::fold::phonetic;
/// assert_eq!(phonetic("Torghundi"), phonetic("Towraghondi"));
/// assert_eq!(phonetic("Panj"), phonetic("Pyandzh"));
/// assert_eq!(phonetic("Islam Qala"), phonetic("Eslam Qal'eh"));
/// assert_eq!(phonetic("Kunduz"), phonetic("Qondoz"));
/// ```
pub fn phonetic(name: &str) -> String {
    phonetic_from_canonical(&canonical(name))
}

/// [`phonetic`] for a key that is already [`canonical`].
pub fn phonetic_from_canonical(key: &str) -> String {
    let s = key.as_bytes();
    // First pass: multi-letter transliteration swaps to single symbols.
    let mut t: Vec<u8> = Vec::with_capacity(s.len());
    let mut i = 0;
    while i < s.len() {
        let rest = &s[i..];
        let (sym, used): (u8, usize) = if rest.starts_with(b"dzh") || rest.starts_with(b"dsh") {
            (b'j', 3)
        } else if rest.starts_with(b"tch") {
            (b'c', 3)
        } else if rest.starts_with(b"zh") || rest.starts_with(b"dj") || rest.starts_with(b"dz") {
            (b'j', 2)
        } else if rest.starts_with(b"sh") || rest.starts_with(b"sz") || rest.starts_with(b"sch") {
            (b's', if rest.starts_with(b"sch") { 3 } else { 2 })
        } else if rest.starts_with(b"ch") || rest.starts_with(b"cz") {
            (b'c', 2)
        } else if rest.starts_with(b"kh") {
            (b'x', 2)
        } else if rest.starts_with(b"gh") {
            (b'g', 2)
        } else if rest.starts_with(b"ph") {
            (b'f', 2)
        } else if rest.starts_with(b"ck") {
            (b'k', 2)
        } else {
            let c = rest[0];
            let mapped = match c {
                b'q' => b'k',
                b'w' => b'v',
                b'j' => b'j',
                other => other,
            };
            (mapped, 1)
        };
        t.push(sym);
        i += used;
    }
    // Second pass: vowels, silent letters, doubles.
    let mut out = String::with_capacity(t.len());
    let mut prev: u8 = 0;
    for (k, &c) in t.iter().enumerate() {
        let prev_src = if k > 0 { t[k - 1] } else { 0 };
        let next_src = t.get(k + 1).copied();
        let sym = if is_vowel(c) {
            if k == 0 { b'a' } else { continue }
        } else if c == b'v' && k > 0 && is_vowel(prev_src) && next_src.is_none_or(|n| !is_vowel(n)) {
            // "ow"/"aw" diphthongs: Towraghondi, Dowlatabad.
            continue;
        } else if c == b'h' && k > 0 && is_vowel(prev_src) && next_src.is_none_or(|n| !is_vowel(n)) {
            // Silent final h: Qaleh, Qal'ah.
            continue;
        } else if c.is_ascii_digit() || c.is_ascii_lowercase() {
            c
        } else {
            continue;
        };
        if sym != prev {
            out.push(sym as char);
        }
        prev = sym;
    }
    out
}

/// Words that say what kind of place a name is, which the press puts before or after it:
/// "River Panj", "Kunduz province", "the Islam Qala crossing". The resolver strips them (when
/// the full name does not match) and uses them as a kind hint. Matched on basic keys, longest
/// first.
pub const KIND_WORDS: &[(&str, &str)] = &[
    ("border crossing point", "crossing"),
    ("border crossing", "crossing"),
    ("crossing point", "crossing"),
    ("border checkpoint", "crossing"),
    ("border post", "crossing"),
    ("port of entry", "crossing"),
    ("dry port", "crossing"),
    ("checkpoint", "crossing"),
    ("crossing", "crossing"),
    ("port", "crossing"),
    ("post", "crossing"),
    ("river", "river"),
    ("darya", "river"),
    ("province of", "province"),
    ("province", "province"),
    ("provincial capital", "city"),
    ("wilayat", "province"),
    ("velayat", "province"),
    ("oblast", "province"),
    ("region", "province"),
    ("viloyati", "province"),
    ("district of", "district"),
    ("district", "district"),
    ("city of", "city"),
    ("city", "city"),
    ("town of", "town"),
    ("town", "town"),
    ("village of", "village"),
    ("village", "village"),
    ("military base", "base"),
    ("base", "base"),
];

/// Split a basic key into the name and the kind word stripped from its start or end, if any.
/// A leading "the" is always dropped. Returns `None` when nothing was stripped or nothing would
/// be left.
///
/// ```
/// use bordermap::gazetteer::fold::{basic, strip_kind_word};
/// assert_eq!(strip_kind_word(&basic("the River Panj")), Some(("panj".to_string(), "river")));
/// assert_eq!(strip_kind_word(&basic("Kunduz province")), Some(("kunduz".to_string(), "province")));
/// assert_eq!(strip_kind_word(&basic("Panj")), None);
/// ```
pub fn strip_kind_word(basic_key: &str) -> Option<(String, &'static str)> {
    let key = basic_key.strip_prefix("the ").unwrap_or(basic_key);
    for (word, kind) in KIND_WORDS {
        if let Some(rest) = key.strip_suffix(word)
            && let Some(rest) = rest.strip_suffix(' ')
        {
            let rest = rest.strip_prefix("the ").unwrap_or(rest).trim();
            if !rest.is_empty() {
                return Some((rest.to_string(), kind));
            }
        }
        if let Some(rest) = key.strip_prefix(word)
            && let Some(rest) = rest.strip_prefix(' ')
        {
            let rest = rest.strip_prefix("the ").unwrap_or(rest).trim();
            if !rest.is_empty() {
                return Some((rest.to_string(), kind));
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Found by the `fold` fuzz target: control characters after a non-ASCII one were dropped
    /// (joining words) where the ASCII path and the extractor's running-text folding break.
    #[test]
    fn control_char_after_non_ascii_is_a_word_break() {
        assert_eq!(basic("Mazār-e\tSharīf\nKunduz"), "mazar e sharif kunduz");
        assert_eq!(basic("\u{FFFD}h\0k"), basic("h\0k"));
        assert_eq!(basic("Mazar-e\tSharif\nKunduz"), "mazar e sharif kunduz");
    }

    #[test]
    fn basic_folds_case_marks_and_scripts() {
        assert_eq!(basic("  MAZAR-I-SHARIF "), "mazar i sharif");
        assert_eq!(basic("Mazār-e Šarīf"), "mazar e sarif");
        assert_eq!(basic("Dasht-e Qal‘ah"), "dasht e qalah");
        assert_eq!(basic("Islam Qal`ah"), "islam qalah");
        assert_eq!(basic("Qal’a-i-Kūf"), "qala i kuf");
        assert_eq!(basic("Пяндж"), "piandzh");
        assert_eq!(basic("Термез"), "termez");
        assert_eq!(basic("Dzhil’kul’"), "dzhilkul");
        assert_eq!(basic("Kunduz (city)"), "kunduz city");
        assert_eq!(basic(""), "");
        assert_eq!(basic("--"), "");
    }

    #[test]
    fn canonical_drops_ezafe_and_word_breaks() {
        let want = "mazarsharif";
        for v in ["Mazar-i-Sharif", "Mazar-e Sharif", "Mazar-e-Sharif", "Mazar i Sharif", "Mazār-e Sharīf"] {
            assert_eq!(canonical(v), want, "{v}");
        }
        assert_eq!(canonical("Shir Khan Bandar"), canonical("Shirkhan Bandar"));
        assert_eq!(canonical("the Panj"), "panj");
        // A lone joiner word stays what it is.
        assert_eq!(canonical("e"), "e");
    }

    #[test]
    fn phonetic_meets_press_spellings() {
        let groups: &[&[&str]] = &[
            &["Mazar-i-Sharif", "Mazari Sharif", "Мазари-Шариф", "Mazar-e Šarif", "Mazare Srif", "Mazori Sharif"],
            &["Shir Khan Bandar", "Sher Khan Bandar", "Shirkhan Bandar", "Sherkhan Bandar"],
            &["Torghundi", "Towraghondi", "Turghundi", "Tor Ghundi", "Turgundi", "Torghondi"],
            &["Panj", "Pyanj", "Pyandzh", "Pyandj", "Пяндж"],
            &["Termez", "Termiz", "Tirmiz", "Термез"],
            &["Kunduz", "Kondoz", "Qunduz", "Qonduz", "Kondûz"],
            &["Islam Qala", "Eslam Qaleh", "Islam Qal'ah", "Islam Kala", "Islam Killa"],
            &["Hairatan", "Hayratan", "Heyratan"],
            &["Dushanbe", "Dušanbe", "Душанбе", "Dyushanbe"],
            &["Dowlatabad", "Daulatabad", "Dawlatabad"],
            &["Khwaja Ghar", "Khvaja Ghar", "Khwaja-i-Ghar"],
        ];
        for g in groups {
            let want = phonetic(g[0]);
            for v in g.iter() {
                assert_eq!(phonetic(v), want, "{v} vs {}", g[0]);
            }
        }
        assert_ne!(phonetic("Herat"), phonetic("Termez"));
        assert_ne!(phonetic("Kunduz"), phonetic("Khost"));
    }

    #[test]
    fn kind_words_strip_from_either_end() {
        let s = |q: &str| strip_kind_word(&basic(q));
        assert_eq!(s("Panj River"), Some(("panj".into(), "river")));
        assert_eq!(s("the Islam Qala border crossing"), Some(("islam qala".into(), "crossing")));
        assert_eq!(s("Province of Herat"), Some(("herat".into(), "province")));
        assert_eq!(s("Kunduz district"), Some(("kunduz".into(), "district")));
        assert_eq!(s("River"), None);
        assert_eq!(s("Riverside"), None);
        assert_eq!(s("Amu Darya"), Some(("amu".into(), "river")));
    }

    #[test]
    fn generic_words_are_recognised_on_canonical_keys() {
        assert!(is_generic(&canonical("Khwaja")));
        assert!(is_generic(&canonical("Hazrat")));
        assert!(is_generic(&canonical("Qal'ah")));
        assert!(!is_generic(&canonical("Khwaja Ghar")));
    }

    #[test]
    fn fold_output_is_bounded_for_every_char() {
        for c in (0..=0x10FFFF_u32).filter_map(char::from_u32) {
            let n = basic(c.encode_utf8(&mut [0; 4])).len();
            assert!(n <= MAX_FOLD_EXPANSION, "{c:?} folds to {n} bytes");
        }
    }

    #[test]
    fn folding_a_long_name_is_linear() {
        // 2 MB of mixed scripts, kind words and joiners: every key within its bound.
        let name = "Mazār-e Sharīf River Мазари-Шариф the i e ye 🫰 dzh-sch'  ".repeat(40_000);
        let chars = name.chars().count();
        let b = basic(&name);
        let c = canonical_from_basic(&b);
        let p = phonetic_from_canonical(&c);
        assert!(b.len() <= MAX_FOLD_EXPANSION * chars && c.len() <= b.len() && p.len() <= c.len());
        assert!(strip_kind_word(&b).is_none_or(|(rest, _)| rest.len() <= b.len()));
    }

    proptest! {
        #[test]
        fn folding_never_panics_and_is_bounded_by_its_input(s in "\\PC{0,200}|.{0,200}") {
            let chars = s.chars().count();
            let b = basic(&s);
            let c = canonical_from_basic(&b);
            let p = phonetic_from_canonical(&c);
            prop_assert!(b.len() <= MAX_FOLD_EXPANSION * chars, "{} bytes from {chars} chars", b.len());
            prop_assert!(c.len() <= b.len() && p.len() <= c.len());
            prop_assert_eq!(canonical(&s), c);
            prop_assert_eq!(phonetic(&s), p);
            if let Some((rest, _)) = strip_kind_word(&b) {
                prop_assert!(rest.len() < b.len());
            }
        }

        #[test]
        fn basic_is_idempotent_and_ascii(s in "\\PC{0,40}") {
            let b = basic(&s);
            prop_assert!(b.is_ascii());
            prop_assert_eq!(basic(&b), b.clone());
            prop_assert!(!b.starts_with(' ') && !b.ends_with(' ') && !b.contains("  "));
        }

        #[test]
        fn keys_ignore_case_and_punctuation(s in "[A-Za-z]{1,12}( [A-Za-z]{1,12}){0,3}") {
            let upper = s.to_uppercase();
            let hyphened = s.replace(' ', "-");
            prop_assert_eq!(basic(&s), basic(&upper));
            prop_assert_eq!(canonical(&s), canonical(&hyphened));
            prop_assert_eq!(phonetic(&s), phonetic(&upper));
        }

        #[test]
        fn phonetic_never_longer_than_canonical(s in "\\PC{0,40}") {
            let c = canonical(&s);
            prop_assert!(phonetic_from_canonical(&c).len() <= c.len());
        }
    }
}
