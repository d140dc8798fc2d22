//! JSON objects written straight into a byte buffer, field by field, in the order given: the
//! properties of a feature. A million events are tens of millions of fields, and going through
//! `serde`'s serializer cost each one a key escaped at run time and a value scanned byte by
//! byte; here keys are the schema's own names (plain ASCII, written as they are), a text value
//! that needs no escaping (almost all) is copied whole after one pass that the compiler
//! vectorises, and dates are written digit by digit. The text is the same as `serde_json`
//! writes, byte for byte (the tests compare them), so files do not change with the writer.

use jiff::civil::Date;

/// A JSON object being written into a buffer; [`Object::end`] closes it.
pub(super) struct Object<'b> {
    out: &'b mut Vec<u8>,
    empty: bool,
}

impl<'b> Object<'b> {
    /// Opens an object at the end of `out`.
    pub(super) fn begin(out: &'b mut Vec<u8>) -> Self {
        out.push(b'{');
        Object { out, empty: true }
    }

    fn key(&mut self, key: &str) {
        debug_assert!(!needs_escape(key.as_bytes()), "keys are plain: {key:?}");
        if !self.empty {
            self.out.push(b',');
        }
        self.empty = false;
        self.out.push(b'"');
        self.out.extend_from_slice(key.as_bytes());
        self.out.extend_from_slice(b"\":");
    }

    /// A text field.
    pub(super) fn str(&mut self, key: &str, value: &str) -> &mut Self {
        self.key(key);
        string(self.out, value);
        self
    }

    /// An integer field.
    pub(super) fn uint(&mut self, key: &str, value: u64) -> &mut Self {
        self.key(key);
        self.out.extend_from_slice(itoa::Buffer::new().format(value).as_bytes());
        self
    }

    /// A number field, as `serde_json` writes it (shortest form that reads back the same;
    /// `null` when not finite).
    pub(super) fn real(&mut self, key: &str, value: f64) -> &mut Self {
        self.key(key);
        serde_json::to_writer(&mut *self.out, &value).expect("writing to memory");
        self
    }

    /// A true-or-false field.
    pub(super) fn bool(&mut self, key: &str, value: bool) -> &mut Self {
        self.key(key);
        self.out.extend_from_slice(if value { b"true" } else { b"false" });
        self
    }

    /// A date field, `"YYYY-MM-DD"`.
    pub(super) fn date(&mut self, key: &str, value: Date) -> &mut Self {
        self.key(key);
        date(self.out, value);
        self
    }

    /// Closes the object.
    pub(super) fn end(self) {
        self.out.push(b'}');
    }
}

/// Whether a text needs escaping in JSON: a quote, a backslash or a control character. One
/// pass without an early exit, which the compiler turns into vector instructions.
fn needs_escape(s: &[u8]) -> bool {
    s.iter().fold(false, |any, &b| any | (b < 0x20) | (b == b'"') | (b == b'\\'))
}

/// Writes `s` as a JSON string.
pub(super) fn string(out: &mut Vec<u8>, s: &str) {
    if needs_escape(s.as_bytes()) {
        serde_json::to_writer(&mut *out, s).expect("writing to memory");
    } else {
        out.reserve(s.len() + 2);
        out.push(b'"');
        out.extend_from_slice(s.as_bytes());
        out.push(b'"');
    }
}

/// Writes a date as a JSON string, `"YYYY-MM-DD"` (as `jiff` shows it).
pub(super) fn date(out: &mut Vec<u8>, d: Date) {
    let (y, m, day) = (d.year(), d.month(), d.day());
    if !(0..=9999).contains(&y) {
        // Years jiff shows with a sign and six digits: rare enough for the slow path.
        string(out, &d.to_string());
        return;
    }
    let y = y as u16;
    let digit = |v: u16| b'0' + v as u8;
    out.extend_from_slice(&[
        b'"',
        digit(y / 1000),
        digit(y / 100 % 10),
        digit(y / 10 % 10),
        digit(y % 10),
        b'-',
        digit(m as u16 / 10),
        digit(m as u16 % 10),
        b'-',
        digit(day as u16 / 10),
        digit(day as u16 % 10),
        b'"',
    ]);
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn via_serde<T: serde::Serialize + ?Sized>(v: &T) -> Vec<u8> {
        serde_json::to_vec(v).unwrap()
    }

    #[test]
    fn an_object_is_what_serde_json_writes() {
        let mut out = Vec::new();
        let mut o = Object::begin(&mut out);
        o.str("id", "ev-1").uint("line", 42).real("km", 1.5).real("nan", f64::NAN);
        o.date("start", jiff::civil::date(2021, 7, 9)).str("q", "say \"no\"\n").bool("t", true).bool("f", false);
        o.end();
        let want =
            r#"{"id":"ev-1","line":42,"km":1.5,"nan":null,"start":"2021-07-09","q":"say \"no\"\n","t":true,"f":false}"#;
        assert_eq!(String::from_utf8(out).unwrap(), want);
        let mut empty = Vec::new();
        Object::begin(&mut empty).end();
        assert_eq!(empty, b"{}");
    }

    #[test]
    fn dates_outside_four_digit_years_take_the_slow_path() {
        for d in [jiff::civil::date(-5, 1, 2), jiff::civil::date(1, 1, 1), jiff::civil::date(9999, 12, 31)] {
            let mut out = Vec::new();
            date(&mut out, d);
            assert_eq!(out, via_serde(&d.to_string()), "{d}");
        }
    }

    proptest! {
        #[test]
        fn strings_are_written_as_serde_json_writes_them(s in any::<String>(), t in "[\\x00-\\x7f]{0,80}") {
            for v in [&s, &t] {
                let mut out = Vec::new();
                string(&mut out, v);
                prop_assert_eq!(&out, &via_serde(v.as_str()));
            }
        }

        #[test]
        fn numbers_and_dates_are_written_as_serde_json_writes_them(
            n in any::<u64>(), x in any::<f64>(), days in 0i32..3_000_000,
        ) {
            let d = jiff::civil::date(1, 1, 1).checked_add(jiff::Span::new().days(days)).unwrap_or(jiff::civil::date(9999, 12, 31));
            let mut out = Vec::new();
            let mut o = Object::begin(&mut out);
            o.uint("n", n).real("x", x).date("d", d);
            o.end();
            let want = format!(r#"{{"n":{},"x":{},"d":{}}}"#,
                String::from_utf8(via_serde(&n)).unwrap(),
                String::from_utf8(via_serde(&x)).unwrap(),
                String::from_utf8(via_serde(&d.to_string())).unwrap());
            prop_assert_eq!(String::from_utf8(out).unwrap(), want);
        }
    }
}
