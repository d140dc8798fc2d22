//! Dates in news text, absolute ("9 July 2021", "July 9", "2021-07-09", "in July") and
//! relative ("on Friday", "yesterday", "this week", "last month"), resolved against the
//! publication date with the precision ACLED would code: day, ISO week, or month.

use jiff::ToSpan;
use jiff::civil::{Date, Weekday};

use crate::events::date::{EventDate, Precision};

/// A date found in a sentence.
#[derive(Debug, Clone, PartialEq)]
pub struct FoundDate {
    /// The date and its precision.
    pub date: EventDate,
    /// The words it was read from.
    pub text: String,
    /// Whether it needed the publication date (relative, or a day without a year).
    pub relative: bool,
}

use crate::events::date::MONTH_NAMES as MONTHS;

fn month_of(w: &str) -> Option<i8> {
    let w = w.trim_end_matches('.');
    if w.len() < 3 {
        return None;
    }
    MONTHS
        .iter()
        .position(|m| *m == w || (w.len() == 3 && m.starts_with(w)) || (w == "sept" && *m == "september"))
        .map(|i| i as i8 + 1)
}

pub(super) fn weekday_of(w: &str) -> Option<Weekday> {
    Some(match w {
        "monday" => Weekday::Monday,
        "tuesday" => Weekday::Tuesday,
        "wednesday" => Weekday::Wednesday,
        "thursday" => Weekday::Thursday,
        "friday" => Weekday::Friday,
        "saturday" => Weekday::Saturday,
        "sunday" => Weekday::Sunday,
        _ => return None,
    })
}

fn day_of(w: &str) -> Option<i8> {
    let d = w.trim_end_matches(|c: char| c.is_ascii_alphabetic() || c == ',').parse::<i8>().ok()?;
    (1..=31).contains(&d).then_some(d)
}

fn year_of(w: &str) -> Option<i16> {
    let y = w.trim_end_matches([',', '.']).parse::<i16>().ok()?;
    (1900..=2100).contains(&y).then_some(y)
}

fn day(d: Date, text: String, relative: bool) -> FoundDate {
    FoundDate { date: EventDate { start: d, end: d, precision: Precision::Day }, text, relative }
}

fn week_of(d: Date, text: String) -> FoundDate {
    let monday = d.checked_sub((d.weekday().to_monday_zero_offset() as i64).days()).unwrap_or(d);
    let sunday = monday.checked_add(6.days()).unwrap_or(monday);
    FoundDate { date: EventDate { start: monday, end: sunday, precision: Precision::Week }, text, relative: true }
}

fn month_span(y: i16, m: i8, text: String, relative: bool) -> Option<FoundDate> {
    let start = Date::new(y, m, 1).ok()?;
    let end = start.last_of_month();
    Some(FoundDate { date: EventDate { start, end, precision: Precision::Month }, text, relative })
}

/// Whether a folded sentence may hold a date (a digit, a month or weekday, a relative word):
/// a cheap test that spares most sentences the full reading.
pub fn may_have_date(folded: &str) -> bool {
    const WORDS: &[&str] = &[
        "today",
        "tonight",
        "yesterday",
        "week",
        "month",
        "hours",
        "days",
        "overnight",
        "weekend",
        "previous",
        "before",
        "ago",
    ];
    folded.split(' ').any(|w| {
        w.bytes().any(|b| b.is_ascii_digit())
            || WORDS.contains(&w)
            || weekday_of(w).is_some()
            || (w.len() >= 3 && month_of(w).is_some())
    })
}

/// The dates in a sentence, in order. Words that need the publication date are skipped when it
/// is `None`.
pub fn find_dates(sentence: &str, published: Option<Date>) -> Vec<FoundDate> {
    find_dates_folded(&crate::gazetteer::fold::basic(sentence), published)
}

/// [`find_dates`] on a sentence already folded ([`crate::gazetteer::fold::basic`]: lower case,
/// punctuation gone, so "July 9, 2021" reads "july 9 2021" and "2021-07-09" "2021 07 09").
pub fn find_dates_folded(folded: &str, published: Option<Date>) -> Vec<FoundDate> {
    let words: Vec<&str> = folded.split(' ').filter(|w| !w.is_empty()).collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let w = words[i];
        let next = |k: usize| words.get(i + k).copied().unwrap_or("");
        // 2021-07-09
        if w.len() == 4
            && next(1).len() == 2
            && next(2).len() == 2
            && year_of(w).is_some()
            && let Ok(d) = format!("{w}-{}-{}", next(1), next(2)).parse::<Date>()
        {
            out.push(day(d, d.to_string(), false));
            i += 3;
            continue;
        }
        // 9 July [2021] / July 9[, 2021]
        let day_month = match (day_of(w), month_of(next(1)), month_of(w), day_of(next(1))) {
            (Some(d), Some(m), _, _) | (_, _, Some(m), Some(d)) => Some((d, m)),
            _ => None,
        };
        if let Some((d, m)) = day_month {
            let (y, used) = match year_of(next(2)) {
                Some(y) => (Some(y), 3),
                None => (None, 2),
            };
            out.extend(with_year(y, m, d, published, &words[i..i + used]));
            i += used;
            continue;
        }
        // July 2021 / in July
        if let Some(m) = month_of(w) {
            if let Some(y) = year_of(next(1)) {
                out.extend(month_span(y, m, words[i..i + 2].join(" "), false));
                i += 2;
                continue;
            }
            // "in July": the last July up to the publication date. "may" alone is a verb.
            let prev = if i > 0 { words[i - 1] } else { "" };
            // "in July", "early July", "the first week of July" (the month: the week is not sure).
            if matches!(prev, "in" | "since" | "during" | "early" | "late" | "mid" | "of" | "throughout")
                && w != "may"
                && let Some(p) = published
            {
                let y = if m > p.month() { p.year() - 1 } else { p.year() };
                out.extend(month_span(y, m, format!("{prev} {w}"), true));
            }
            i += 1;
            continue;
        }
        let Some(p) = published else {
            i += 1;
            continue;
        };
        // "on the night of Sunday to Monday": the morning's day.
        if w == "night"
            && next(1) == "of"
            && weekday_of(next(2)).is_some()
            && next(3) == "to"
            && let Some(wd) = weekday_of(next(4))
        {
            let back = (p.weekday().to_monday_zero_offset() - wd.to_monday_zero_offset()).rem_euclid(7);
            if let Ok(d) = p.checked_sub((back as i64).days()) {
                out.push(day(d, words[i..i + 5].join(" "), true));
            }
            i += 5;
            continue;
        }
        // "since Monday": from that day to the publication.
        if w == "since"
            && let Some(wd) = weekday_of(next(1))
        {
            let back = (p.weekday().to_monday_zero_offset() - wd.to_monday_zero_offset()).rem_euclid(7);
            let back = if back == 0 { 7 } else { back };
            if let Ok(d) = p.checked_sub((back as i64).days())
                && let Ok(r) = EventDate::range(d, p)
            {
                out.push(FoundDate { date: r, text: format!("since {}", next(1)), relative: true });
            }
            i += 2;
            continue;
        }
        // on Friday: the last Friday up to the publication date.
        if let Some(wd) = weekday_of(w) {
            let mut back = (p.weekday().to_monday_zero_offset() - wd.to_monday_zero_offset()).rem_euclid(7);
            // "last Thursday" in a Thursday article: a week back.
            if back == 0 && i > 0 && words[i - 1] == "last" {
                back = 7;
            }
            if let Ok(d) = p.checked_sub((back as i64).days()) {
                out.push(day(d, w.to_string(), true));
            }
            i += 1;
            continue;
        }
        match (w, next(1).trim_end_matches([',', '.'])) {
            ("today", _) => out.push(day(p, w.to_string(), true)),
            ("yesterday", _) => out.extend(p.checked_sub(1.day()).ok().map(|d| day(d, w.to_string(), true))),
            ("this", "week") | ("earlier", "this") => {
                out.push(week_of(p, "this week".into()));
                i += 1;
            }
            // "in the past 48 hours", "in recent days", "over the past few days": the week.
            ("past", "48")
            | ("past", "72")
            | ("last", "48")
            | ("recent", "days")
            | ("past", "few")
            | ("last", "few")
            | ("past", "two")
            | ("past", "three") => {
                out.push(week_of(p, format!("{w} {}", next(1))));
                i += 1;
            }
            ("overnight", _) | ("tonight", _) => out.push(day(p, w.to_string(), true)),
            // "two days ago", "three days ago".
            (n, "days") if next(2) == "ago" => {
                if let Some(k) = number_word(n)
                    && let Ok(d) = p.checked_sub((k as i64).days())
                {
                    out.push(day(d, format!("{n} days ago"), true));
                }
                i += 2;
            }
            ("past", "week") => {
                out.push(week_of(p, "past week".into()));
                i += 1;
            }
            // "at the weekend", "over the weekend": the last Saturday and Sunday.
            ("weekend", _) => {
                let sat = (p.weekday().to_monday_zero_offset() - 5).rem_euclid(7);
                if let Ok(s) = p.checked_sub((sat as i64).days())
                    && let Ok(r) = EventDate::range(s, s.checked_add(1.day()).unwrap_or(s).min(p))
                {
                    out.push(FoundDate { date: r, text: "weekend".into(), relative: true });
                }
            }
            ("previous", "day") | ("day", "before") if i > 0 && words[i - 1] == "the" => {
                out.extend(p.checked_sub(1.day()).ok().map(|d| day(d, format!("the {w} {}", next(1)), true)));
                i += 1;
            }
            ("a", "week") if next(2) == "ago" => {
                out.extend(p.checked_sub(7.days()).ok().map(|d| day(d, "a week ago".into(), true)));
                i += 2;
            }
            ("last", "week") => {
                out.extend(p.checked_sub(7.days()).ok().map(|d| week_of(d, "last week".into())));
                i += 1;
            }
            ("next", "week") => {
                out.extend(p.checked_add(7.days()).ok().map(|d| week_of(d, "next week".into())));
                i += 1;
            }
            ("this", "month") => {
                out.extend(month_span(p.year(), p.month(), "this month".into(), true));
                i += 1;
            }
            ("last", "month") | ("past", "month") => {
                let d = p.first_of_month().checked_sub(1.day()).unwrap_or(p);
                out.extend(month_span(d.year(), d.month(), "last month".into(), true));
                i += 1;
            }
            _ => {}
        }
        i += 1;
    }
    out
}

/// A small count in words or digits ("two", "3").
fn number_word(w: &str) -> Option<u8> {
    const WORDS: &[&str] = &["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"];
    WORDS.iter().position(|x| *x == w).map(|i| i as u8).or_else(|| w.parse::<u8>().ok().filter(|n| *n <= 31))
}

/// A day of a month, in the given year or — without one — the latest such day up to the
/// publication date.
fn with_year(y: Option<i16>, m: i8, d: i8, published: Option<Date>, words: &[&str]) -> Option<FoundDate> {
    let text = words.join(" ").trim_end_matches([',', '.']).to_string();
    match (y, published) {
        (Some(y), _) => Date::new(y, m, d).ok().map(|date| day(date, text, false)),
        (None, Some(p)) => {
            let this = Date::new(p.year(), m, d).ok()?;
            let date = if this > p { Date::new(p.year() - 1, m, d).ok()? } else { this };
            Some(day(date, text, true))
        }
        (None, None) => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    fn first(s: &str, p: Option<Date>) -> Option<(String, Precision, Date)> {
        find_dates(s, p).into_iter().next().map(|f| (f.date.start.to_string(), f.date.precision, f.date.end))
    }

    #[test]
    fn absolute_dates() {
        let p = Some(date(2021, 7, 12));
        assert_eq!(first("On 9 July 2021 the post fell", None).unwrap().0, "2021-07-09");
        assert_eq!(first("on July 9, 2021, fighters", None).unwrap().0, "2021-07-09");
        assert_eq!(first("reported on 2021-07-09.", None).unwrap().0, "2021-07-09");
        assert_eq!(first("on July 9 they", p).unwrap().0, "2021-07-09");
        assert_eq!(
            first("since December 28 they", p).unwrap().0,
            "2020-12-28",
            "no year: the last one before publication"
        );
        let (s, prec, end) = first("in July 2021 the", None).unwrap();
        assert_eq!((s.as_str(), prec, end), ("2021-07-01", Precision::Month, date(2021, 7, 31)));
        assert_eq!(first("in June the", p).unwrap().1, Precision::Month);
        assert!(first("it may rain", p).is_none(), "'may' is a verb");
    }

    #[test]
    fn relative_dates_resolve_against_the_publication_date() {
        // Friday 9 July 2021.
        let fri = Some(date(2021, 7, 9));
        assert_eq!(first("said on Friday", fri).unwrap().0, "2021-07-09");
        assert_eq!(first("fell on Wednesday", fri).unwrap().0, "2021-07-07");
        assert_eq!(first("fell yesterday", fri).unwrap().0, "2021-07-08");
        let (s, prec, end) = first("captured this week", fri).unwrap();
        assert_eq!((s.as_str(), prec, end), ("2021-07-05", Precision::Week, date(2021, 7, 11)));
        let (s, prec, _) = first("drills next week", fri).unwrap();
        assert_eq!((s.as_str(), prec), ("2021-07-12", Precision::Week));
        let mon = Some(date(2021, 7, 5));
        let (s, _, end) = first("fighting since Friday", mon).unwrap();
        assert_eq!((s.as_str(), end), ("2021-07-02", date(2021, 7, 5)), "a range to publication");
        let (s, _, end) = first("taken at the weekend", mon).unwrap();
        assert_eq!((s.as_str(), end), ("2021-07-03", date(2021, 7, 4)));
        assert_eq!(first("crossed on the night of Sunday to Monday", mon).unwrap().0, "2021-07-05");
        assert_eq!(first("had fallen the previous day", mon).unwrap().0, "2021-07-04");
        assert_eq!(first("moved a week ago", mon).unwrap().0, "2021-06-28");
        assert_eq!(first("in the first week of July", mon).unwrap().1, Precision::Month);
        let (s, prec, end) = first("seized last month", Some(date(2021, 7, 28))).unwrap();
        assert_eq!((s.as_str(), prec, end), ("2021-06-01", Precision::Month, date(2021, 6, 30)));
        assert!(first("on Friday", None).is_none(), "relative dates need a publication date");
        let thu = Some(date(2021, 7, 22));
        assert_eq!(first("took it last Thursday", thu).unwrap().0, "2021-07-15", "a week back");
        assert_eq!(first("took it on Thursday", thu).unwrap().0, "2021-07-22");
        assert_eq!(first("fled two days ago", thu).unwrap().0, "2021-07-20");
        assert_eq!(first("crossed overnight", thu).unwrap().0, "2021-07-22");
        let (s, prec, _) = first("fell in the past 48 hours", Some(date(2021, 7, 4))).unwrap();
        assert_eq!((s.as_str(), prec), ("2021-06-28", Precision::Week));
        assert_eq!(first("arrived in recent days", thu).unwrap().1, Precision::Week);
    }
}
