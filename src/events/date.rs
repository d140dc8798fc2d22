//! Event dates as reports give them: a day, a week, or a month, with ACLED's time_precision.

use std::fmt;

use jiff::civil::{Date, ISOWeekDate, Weekday};
use serde::Serialize;

/// How precisely the date is known (ACLED's `time_precision`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub enum Precision {
    /// 1: the day is known.
    Day = 1,
    /// 2: the week is known ("this week", "last week").
    Week = 2,
    /// 3: the month is known ("last month").
    Month = 3,
}

impl Precision {
    /// ACLED's code.
    pub fn code(self) -> u8 {
        self as u8
    }

    /// `day`, `week` or `month`.
    pub fn name(self) -> &'static str {
        match self {
            Precision::Day => "day",
            Precision::Week => "week",
            Precision::Month => "month",
        }
    }

    /// From ACLED's code.
    pub fn from_code(c: u8) -> Option<Precision> {
        match c {
            1 => Some(Precision::Day),
            2 => Some(Precision::Week),
            3 => Some(Precision::Month),
            _ => None,
        }
    }
}

/// The earliest year an event record may have. Conflict records, ACLED's and UCDP's included,
/// start well after it; a year before it is a typo or a broken conversion, not history.
pub const MIN_YEAR: i16 = 1900;
/// The latest year an event record may have (reports can date planned events, not 9999).
pub const MAX_YEAR: i16 = 2100;

/// The months' English names, lower case, January first (for dates written in words).
pub const MONTH_NAMES: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// Whether an event record may have this date: its year within [`MIN_YEAR`]..=[`MAX_YEAR`].
/// The extractor keeps to it, so that what it writes the mapper reads.
pub fn recordable(d: Date) -> bool {
    (MIN_YEAR..=MAX_YEAR).contains(&d.year())
}

fn year_in_bounds(s: &str, year: i16) -> Result<(), String> {
    if (MIN_YEAR..=MAX_YEAR).contains(&year) {
        Ok(())
    } else {
        Err(format!("{s:?}: year {year} is outside {MIN_YEAR}..={MAX_YEAR}, the years an event record may have"))
    }
}

/// A date or a period, with the first and last day it covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct EventDate {
    /// First day the event may have happened.
    pub start: Date,
    /// Last day (equal to `start` for a day).
    pub end: Date,
    /// How precisely it is known.
    pub precision: Precision,
}

impl EventDate {
    /// Parses `YYYY-MM-DD`, `YYYY-Www` (ISO week) or `YYYY-MM`. With `precision` given (from a
    /// `time_precision` column), a day is widened to its ISO week or month. Years outside
    /// [`MIN_YEAR`]..=[`MAX_YEAR`] are refused; no input panics.
    ///
    /// ```
    /// use bordermap::events::{EventDate, Precision};
    /// let w = EventDate::parse("2021-W27", None).unwrap();
    /// assert_eq!((w.start.to_string(), w.end.to_string()), ("2021-07-05".into(), "2021-07-11".into()));
    /// let m = EventDate::parse("2021-06", None).unwrap();
    /// assert_eq!((m.end.to_string(), m.precision), ("2021-06-30".into(), Precision::Month));
    /// assert!(EventDate::parse("0000-01-01", None).is_err());
    /// ```
    pub fn parse(s: &str, precision: Option<Precision>) -> Result<EventDate, String> {
        let s = s.trim();
        if let Some((a, b)) = s.split_once('/') {
            return EventDate::parse_range(s, a, b, precision);
        }
        let bad = || format!("{s:?} is not a date (YYYY-MM-DD, YYYY-Www, YYYY-MM or YYYY-MM-DD/YYYY-MM-DD)");
        let week_form = s.len() == 8 && matches!(s.as_bytes().get(4..6), Some(b"-W" | b"-w"));
        let parsed = if let Some((y, w)) = week_form.then(|| (&s[..4], &s[6..])) {
            let year: i16 = digits(y, 4).ok_or_else(bad)?;
            let week: i8 = digits(w, 2).ok_or_else(bad)?;
            year_in_bounds(s, year)?;
            let start = ISOWeekDate::new(year, week, Weekday::Monday).map_err(|e| format!("{s:?}: {e}"))?.date();
            let end = ISOWeekDate::new(year, week, Weekday::Sunday).map_err(|e| format!("{s:?}: {e}"))?.date();
            EventDate { start, end, precision: Precision::Week }
        } else if s.len() == 7 {
            let (y, m) = s.split_once('-').ok_or_else(bad)?;
            let (year, month): (i16, i8) = (digits(y, 4).ok_or_else(bad)?, digits(m, 2).ok_or_else(bad)?);
            year_in_bounds(s, year)?;
            let start = Date::new(year, month, 1).map_err(|e| format!("{s:?}: {e}"))?;
            EventDate { start, end: start.last_of_month(), precision: Precision::Month }
        } else {
            // Only the form documented: jiff also reads `20210709` and `+002021-07-09`.
            let shaped = s.len() == 10
                && s.bytes().enumerate().all(|(i, b)| if i == 4 || i == 7 { b == b'-' } else { b.is_ascii_digit() });
            let d: Date = if shaped { s.parse().map_err(|_| bad())? } else { return Err(bad()) };
            year_in_bounds(s, d.year())?;
            EventDate { start: d, end: d, precision: Precision::Day }
        };
        match precision {
            None => Ok(parsed),
            Some(p) if p == parsed.precision => Ok(parsed),
            Some(p) if parsed.precision == Precision::Day => {
                EventDate::widen(parsed.start, p).ok_or_else(|| format!("{s:?}: its week runs beyond the calendar"))
            }
            Some(p) => Err(format!(
                "time_precision {} does not fit {s:?}, which is already a {}",
                p.code(),
                if parsed.precision == Precision::Week { "week" } else { "month" }
            )),
        }
    }

    /// The days `start` to `end`, both included (UCDP's `date_start`/`date_end`, an ISO 8601
    /// interval `2021-07-08/2021-07-10`). Its precision is the finest of ACLED's that covers
    /// it: a day when the two are one day, a week for up to 7 days, a month beyond (ACLED's
    /// scale ends there; `start` and `end` say how long the range really is).
    ///
    /// ```
    /// use bordermap::events::{EventDate, Precision};
    /// use jiff::civil::date;
    /// let r = EventDate::range(date(2021, 7, 8), date(2021, 7, 10)).unwrap();
    /// assert_eq!((r.precision, r.to_string()), (Precision::Week, "2021-07-08/2021-07-10".to_string()));
    /// assert_eq!(EventDate::parse("2021-07-08/2021-07-10", None), Ok(r));
    /// // A range that is a whole ISO week or month is written as one.
    /// let w = EventDate::range(date(2021, 7, 5), date(2021, 7, 11)).unwrap();
    /// assert_eq!(w.to_string(), "2021-W27");
    /// assert!(EventDate::range(date(2021, 7, 10), date(2021, 7, 8)).is_err());
    /// ```
    pub fn range(start: Date, end: Date) -> Result<EventDate, String> {
        let shown = format!("{start}/{end}");
        year_in_bounds(&shown, start.year())?;
        year_in_bounds(&shown, end.year())?;
        if end < start {
            return Err(format!("{shown:?}: the range ends before it starts"));
        }
        let days = start.until(end).map(|s| s.get_days()).unwrap_or(i32::MAX);
        let precision = match days {
            0 => Precision::Day,
            1..=6 => Precision::Week,
            _ => Precision::Month,
        };
        Ok(EventDate { start, end, precision })
    }

    fn parse_range(s: &str, a: &str, b: &str, precision: Option<Precision>) -> Result<EventDate, String> {
        let day = |t: &str| match EventDate::parse(t, None) {
            Ok(d) if d.precision == Precision::Day && !t.contains('/') => Ok(d.start),
            Ok(_) => Err(format!("{s:?}: each end of a range is a day (YYYY-MM-DD/YYYY-MM-DD)")),
            Err(e) => Err(e),
        };
        let r = EventDate::range(day(a)?, day(b)?)?;
        match precision {
            Some(p) if p != r.precision => Err(format!(
                "time_precision {} does not fit {s:?}, a range of {} day(s) (its precision is {})",
                p.code(),
                r.start.until(r.end).map(|s| s.get_days() + 1).unwrap_or(0),
                r.precision.code()
            )),
            _ => Ok(r),
        }
    }

    /// Whether the date is one day, ISO week or calendar month, as [`EventDate::widen`] makes
    /// them, rather than a range of other days.
    pub fn is_canonical(&self) -> bool {
        EventDate::widen(self.start, self.precision).is_some_and(|d| d == *self)
    }

    /// The week or month around a day; `None` only when the week runs past the calendar's
    /// ends (the last days of 9999), which [`EventDate::parse`]'s year bounds never reach.
    pub fn widen(day: Date, p: Precision) -> Option<EventDate> {
        Some(match p {
            Precision::Day => EventDate { start: day, end: day, precision: p },
            Precision::Week => {
                let iso = day.iso_week_date();
                let start = ISOWeekDate::new(iso.year(), iso.week(), Weekday::Monday).ok()?.date();
                let end = ISOWeekDate::new(iso.year(), iso.week(), Weekday::Sunday).ok()?.date();
                EventDate { start, end, precision: p }
            }
            Precision::Month => EventDate { start: day.first_of_month(), end: day.last_of_month(), precision: p },
        })
    }
}

/// Exactly `n` ASCII digits as a number (no sign, no spaces: `"+2021"` is not a year).
fn digits<T: std::str::FromStr>(s: &str, n: usize) -> Option<T> {
    if s.len() == n && s.bytes().all(|b| b.is_ascii_digit()) { s.parse().ok() } else { None }
}

impl fmt::Display for EventDate {
    /// The date as ACLED-style text: `2021-07-09`, `2021-W27`, `2021-07`, or a range of other
    /// days as `2021-07-08/2021-07-10`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if !self.is_canonical() {
            return write!(f, "{}/{}", self.start, self.end);
        }
        match self.precision {
            Precision::Day => write!(f, "{}", self.start),
            Precision::Week => {
                let iso = self.start.iso_week_date();
                write!(f, "{:04}-W{:02}", iso.year(), iso.week())
            }
            Precision::Month => write!(f, "{:04}-{:02}", self.start.year(), self.start.month()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn forms_and_ranges() {
        let d = EventDate::parse("2021-07-09", None).unwrap();
        assert_eq!((d.start, d.end, d.precision), (d.start, d.start, Precision::Day));
        assert_eq!(d.to_string(), "2021-07-09");
        let w = EventDate::parse("2021-W01", None).unwrap();
        assert_eq!((w.start.to_string(), w.end.to_string()), ("2021-01-04".into(), "2021-01-10".into()));
        let m = EventDate::parse("2024-02", None).unwrap();
        assert_eq!(m.end.to_string(), "2024-02-29");
        assert_eq!(m.to_string(), "2024-02");
    }

    #[test]
    fn precision_column_widens_a_day() {
        let w = EventDate::parse("2021-07-09", Some(Precision::Week)).unwrap();
        assert_eq!((w.start.to_string(), w.to_string()), ("2021-07-05".into(), "2021-W27".into()));
        let m = EventDate::parse("2021-07-09", Some(Precision::Month)).unwrap();
        assert_eq!((m.start.to_string(), m.end.to_string()), ("2021-07-01".into(), "2021-07-31".into()));
        assert!(EventDate::parse("2021-07", Some(Precision::Day)).is_err());
    }

    #[test]
    fn bad_dates_are_refused() {
        for s in [
            "",
            "9 July 2021",
            "2021-13-01",
            "2021-02-30",
            "2021-W54",
            "2021-7",
            "July",
            "2021-07-10/2021-07-08",
            "2021-07/2021-08",
            "2021-07-08/",
            "/2021-07-08",
            "2021-07-08/2021-07-09/2021-07-10",
            "1899-12-31/1900-01-02",
        ] {
            assert!(EventDate::parse(s, None).is_err(), "{s}");
        }
    }

    #[test]
    fn week_date_at_end_of_9999_does_not_panic() {
        // The ISO week of 9999-12-31 ends on 10000-01-02: widening it used to panic.
        for s in ["9999-12-31", "9999-12-27", "9999-W52"] {
            assert!(EventDate::parse(s, Some(Precision::Week)).is_err(), "{s}");
        }
        assert_eq!(EventDate::widen(Date::constant(9999, 12, 31), Precision::Week), None);
    }

    #[test]
    fn year_zero_and_years_no_record_has_are_refused() {
        for s in ["0000-01-01", "1899-12-31", "2101-01-01", "0001-W01", "9999-12", "-000001-01-01", "+002021-07-09"] {
            let e = EventDate::parse(s, None).unwrap_err();
            assert!(e.contains("outside 1900..=2100") || e.contains("is not a date"), "{s}: {e}");
        }
        for s in ["1900-01-01", "2100-12-31", "1900-W01", "2100-12"] {
            assert!(EventDate::parse(s, None).is_ok(), "{s}");
        }
    }

    proptest! {
        #[test]
        fn no_string_panics_and_parsed_years_are_in_bounds(s in "\\PC{0,16}", p in 0u8..=3) {
            if let Ok(d) = EventDate::parse(&s, Precision::from_code(p)) {
                prop_assert!((MIN_YEAR..=MAX_YEAR).contains(&d.start.year()), "{s:?} → {d:?}");
                prop_assert!(d.end.year() <= MAX_YEAR + 1 && d.start <= d.end);
            }
        }

        #[test]
        fn no_date_like_string_panics(y in 0u16..=9999, a in 0u8..=99, b in 0u8..=99, form in 0u8..3, p in 0u8..=3) {
            let s = match form {
                0 => format!("{y:04}-{a:02}-{b:02}"),
                1 => format!("{y:04}-W{a:02}"),
                _ => format!("{y:04}-{a:02}"),
            };
            if let Ok(d) = EventDate::parse(&s, Precision::from_code(p)) {
                prop_assert!((MIN_YEAR..=MAX_YEAR).contains(&d.start.year()), "{s:?} → {d:?}");
            }
        }

        #[test]
        fn every_range_round_trips(y in 1990i16..2040, doy in 0i32..365, len in 0i32..400) {
            let start = Date::new(y, 1, 1).unwrap().checked_add(jiff::Span::new().days(doy)).unwrap();
            let end = start.checked_add(jiff::Span::new().days(len)).unwrap();
            let r = EventDate::range(start, end).unwrap();
            prop_assert_eq!((r.start, r.end), (start, end));
            prop_assert_eq!(EventDate::parse(&r.to_string(), None), Ok(r));
            prop_assert_eq!(EventDate::parse(&r.to_string(), Some(r.precision)), Ok(r));
        }

        #[test]
        fn every_date_round_trips(y in 1990i16..2040, doy in 0i32..365, p in 1u8..=3) {
            let day = Date::new(y, 1, 1).unwrap().checked_add(jiff::Span::new().days(doy)).unwrap();
            let d = EventDate::widen(day, Precision::from_code(p).unwrap()).unwrap();
            prop_assert!(d.start <= day && day <= d.end);
            let again = EventDate::parse(&d.to_string(), None).unwrap();
            prop_assert_eq!(again, d);
        }
    }
}
