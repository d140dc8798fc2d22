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
    /// `time_precision` column), a day is widened to its ISO week or month.
    ///
    /// ```
    /// use bordermap::events::{EventDate, Precision};
    /// let w = EventDate::parse("2021-W27", None).unwrap();
    /// assert_eq!((w.start.to_string(), w.end.to_string()), ("2021-07-05".into(), "2021-07-11".into()));
    /// let m = EventDate::parse("2021-06", None).unwrap();
    /// assert_eq!((m.end.to_string(), m.precision), ("2021-06-30".into(), Precision::Month));
    /// ```
    pub fn parse(s: &str, precision: Option<Precision>) -> Result<EventDate, String> {
        let s = s.trim();
        let bad = || format!("{s:?} is not a date (YYYY-MM-DD, YYYY-Www or YYYY-MM)");
        let parsed = if let Some((y, w)) = s.split_once("-W").or_else(|| s.split_once("-w")) {
            let year: i16 = y.parse().map_err(|_| bad())?;
            let week: i8 = w.parse().map_err(|_| bad())?;
            let start = ISOWeekDate::new(year, week, Weekday::Monday).map_err(|e| format!("{s:?}: {e}"))?.date();
            let end = ISOWeekDate::new(year, week, Weekday::Sunday).map_err(|e| format!("{s:?}: {e}"))?.date();
            EventDate { start, end, precision: Precision::Week }
        } else if s.len() == 7 {
            let (y, m) = s.split_once('-').ok_or_else(bad)?;
            let start = Date::new(y.parse().map_err(|_| bad())?, m.parse().map_err(|_| bad())?, 1)
                .map_err(|e| format!("{s:?}: {e}"))?;
            EventDate { start, end: start.last_of_month(), precision: Precision::Month }
        } else {
            let d: Date = s.parse().map_err(|_| bad())?;
            EventDate { start: d, end: d, precision: Precision::Day }
        };
        match precision {
            None => Ok(parsed),
            Some(p) if p == parsed.precision => Ok(parsed),
            Some(p) if parsed.precision == Precision::Day => Ok(EventDate::widen(parsed.start, p)),
            Some(p) => Err(format!(
                "time_precision {} does not fit {s:?}, which is already a {}",
                p.code(),
                if parsed.precision == Precision::Week { "week" } else { "month" }
            )),
        }
    }

    /// The week or month around a day.
    pub fn widen(day: Date, p: Precision) -> EventDate {
        match p {
            Precision::Day => EventDate { start: day, end: day, precision: p },
            Precision::Week => {
                let iso = day.iso_week_date();
                let start = ISOWeekDate::new(iso.year(), iso.week(), Weekday::Monday).expect("valid week").date();
                let end = ISOWeekDate::new(iso.year(), iso.week(), Weekday::Sunday).expect("valid week").date();
                EventDate { start, end, precision: p }
            }
            Precision::Month => EventDate { start: day.first_of_month(), end: day.last_of_month(), precision: p },
        }
    }
}

impl fmt::Display for EventDate {
    /// The date as ACLED-style text: `2021-07-09`, `2021-W27`, `2021-07`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
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
        for s in ["", "9 July 2021", "2021-13-01", "2021-02-30", "2021-W54", "2021-7", "July"] {
            assert!(EventDate::parse(s, None).is_err(), "{s}");
        }
    }

    proptest! {
        #[test]
        fn every_date_round_trips(y in 1990i16..2040, doy in 0i32..365, p in 1u8..=3) {
            let day = Date::new(y, 1, 1).unwrap().checked_add(jiff::Span::new().days(doy)).unwrap();
            let d = EventDate::widen(day, Precision::from_code(p).unwrap());
            prop_assert!(d.start <= day && day <= d.end);
            let again = EventDate::parse(&d.to_string(), None).unwrap();
            prop_assert_eq!(again, d);
        }
    }
}
