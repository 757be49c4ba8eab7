//! Date parsing for the many ways news formats write a date.
//!
//! Every parser calls [`parse_date`] on a field that should hold a date, or
//! [`find_date`] on a free-text line such as `Updated May 3, 2016 10:04:11`.
//! Results are normalised to UTC; a date without a time is midnight UTC, a
//! time without a zone is taken as UTC. [`parse_dated`] and [`find_dated`]
//! also keep the offset from UTC the source wrote (`+09:00`), so that an
//! article's own day ([`local_time`]) can be told from the UTC one: a
//! Tokyo paper's 08:00 on 12 August is 23:00 UTC on the 11th. Dates outside 1800 to next year are
//! treated as missing: archives carry placeholders like `0001-01-01` and typos
//! like `2050`, and a missing date is better than an invented one.

use std::sync::LazyLock;

use chrono::{DateTime, Datelike, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime, TimeZone, Utc};
use regex::Regex;

/// A date as a source wrote it: the instant, and the offset from UTC it
/// was written with, when the source gave a zone (`Z` is an offset of 0).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Dated {
    /// The instant, in UTC.
    pub instant: DateTime<Utc>,
    /// Seconds east of UTC of the source's zone, when it named one.
    pub utc_offset: Option<i32>,
}

impl Dated {
    /// The wall-clock time where it was written, as if it were UTC
    /// ([`local_time`]).
    pub fn local(&self) -> DateTime<Utc> {
        local_time(self.instant, self.utc_offset)
    }
}

/// The wall-clock time at `offset` seconds east of UTC, written as if it
/// were UTC: what an article's own day, month and year are read from
/// (2012-08-11T23:00:00Z at +09:00 is 2012-08-12T08:00:00 "Z"). Without an
/// offset, the instant itself.
pub fn local_time(instant: DateTime<Utc>, offset: Option<i32>) -> DateTime<Utc> {
    match offset {
        Some(secs) => instant + chrono::Duration::seconds(i64::from(secs)),
        None => instant,
    }
}

/// The instant at `offset` seconds east of UTC as that zone writes it
/// (`2012-08-12T08:00:00+09:00`), or `None` without an offset or for an
/// offset no zone has.
pub fn with_offset(instant: DateTime<Utc>, offset: Option<i32>) -> Option<DateTime<FixedOffset>> {
    Some(instant.with_timezone(&FixedOffset::east_opt(offset?)?))
}

/// Parses a field that holds a date (and maybe a time), in any common format.
pub fn parse_date(s: &str) -> Option<DateTime<Utc>> {
    parse_dated(s).map(|d| d.instant)
}

/// [`parse_date`], keeping the offset of the zone the field names.
pub fn parse_dated(s: &str) -> Option<Dated> {
    let s = s.trim();
    if s.is_empty() {
        return None;
    }
    if let Ok(d) = DateTime::parse_from_rfc3339(s) {
        return sane(d);
    }
    if let Ok(d) = DateTime::parse_from_rfc2822(s) {
        return sane(d);
    }
    find_dated(s)
}

/// Finds the first date in a line of free text, e.g. `Published 5 May 2016`.
pub fn find_date(s: &str) -> Option<DateTime<Utc>> {
    find_dated(s).map(|d| d.instant)
}

/// [`find_date`], keeping the offset of the zone the line names.
pub fn find_dated(s: &str) -> Option<Dated> {
    let (date, rest) = find_day(s)?;
    let (time, offset) = find_time(rest);
    let naive = NaiveDateTime::new(date, time.unwrap_or(NaiveTime::MIN));
    match offset {
        Some(off) => sane(off.from_local_datetime(&naive).single()?),
        None => {
            let instant = sane_instant(Utc.from_utc_datetime(&naive))?;
            Some(Dated {
                instant,
                utc_offset: None,
            })
        }
    }
}

/// A date written with a zone, if sane.
fn sane(d: DateTime<FixedOffset>) -> Option<Dated> {
    Some(Dated {
        instant: sane_instant(d.with_timezone(&Utc))?,
        utc_offset: Some(d.offset().local_minus_utc()),
    })
}

/// Rejects dates no archive article can have.
fn sane_instant(d: DateTime<Utc>) -> Option<DateTime<Utc>> {
    let max_year = Utc::now().year() + 1;
    (1800..=max_year).contains(&d.year()).then_some(d)
}

static ISO: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:\b|T)").unwrap());
static NUMERIC_MDY: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b(\d{1,2})/(\d{1,2})/(\d{4}|\d{2})\b").unwrap());
static DAY_MON_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(\d{1,2})(?:st|nd|rd|th)?(?:\s+|-|\s+of\s+)([a-z]{3,9})\.?,?(?:\s+|-)(\d{4})\b",
    )
    .unwrap()
});
static MON_DAY_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b([a-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b").unwrap()
});
static TIME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(am|pm|a\.m\.|p\.m\.)?(?:\s*(Z\b|[+-]\d{2}:?\d{2}\b|GMT|UTC|BST|CET|CEST|EST|EDT|CST|CDT|MST|MDT|PST|PDT)\b)?",
    )
    .unwrap()
});

/// Finds the leftmost date in `s`; returns it and the text after it.
fn find_day(s: &str) -> Option<(NaiveDate, &str)> {
    let mut best: Option<(usize, NaiveDate, usize)> = None;
    let mut consider = |start: usize, end: usize, date: Option<NaiveDate>| {
        if let Some(d) = date {
            if best.is_none_or(|(b, _, _)| start < b) {
                best = Some((start, d, end));
            }
        }
    };
    for c in ISO.captures_iter(s) {
        let m = c.get(0).unwrap();
        consider(m.start(), m.end(), ymd(&c[1], &c[2], &c[3]));
    }
    for c in NUMERIC_MDY.captures_iter(s) {
        let m = c.get(0).unwrap();
        consider(m.start(), m.end(), ymd(&c[3], &c[1], &c[2]));
    }
    for c in DAY_MON_YEAR.captures_iter(s) {
        let m = c.get(0).unwrap();
        let date = month(&c[2]).and_then(|mo| ymd(&c[3], &mo.to_string(), &c[1]));
        consider(m.start(), m.end(), date);
    }
    for c in MON_DAY_YEAR.captures_iter(s) {
        let m = c.get(0).unwrap();
        let date = month(&c[1]).and_then(|mo| ymd(&c[3], &mo.to_string(), &c[2]));
        consider(m.start(), m.end(), date);
    }
    best.map(|(_, d, end)| (d, &s[end..]))
}

/// Builds a date from year, month and day strings; two-digit years are
/// read as 1950-2049.
fn ymd(y: &str, m: &str, d: &str) -> Option<NaiveDate> {
    let mut year: i32 = y.parse().ok()?;
    if y.len() == 2 {
        year += if year < 50 { 2000 } else { 1900 };
    }
    NaiveDate::from_ymd_opt(year, m.parse().ok()?, d.parse().ok()?)
}

/// Month number from an English month name or abbreviation.
fn month(name: &str) -> Option<u32> {
    const NAMES: [&str; 12] = [
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
    let lower = name.to_ascii_lowercase();
    if lower == "sept" {
        return Some(9);
    }
    NAMES
        .iter()
        .position(|full| {
            lower.len() >= 3
                && (full.starts_with(lower.as_str()) && (lower.len() == 3 || **full == lower))
        })
        .map(|i| i as u32 + 1)
}

/// Finds a time of day (and zone) at the start of what follows a date.
fn find_time(rest: &str) -> (Option<NaiveTime>, Option<FixedOffset>) {
    // Only look near the date: "May 3, 2016 10:04" or "2016-05-03T10:04:11Z".
    let near: &str = {
        let limit = rest.char_indices().nth(40).map_or(rest.len(), |(i, _)| i);
        &rest[..limit]
    };
    let Some(c) = TIME.captures(near) else {
        return (None, None);
    };
    let mut hour: u32 = c[1].parse().unwrap_or(0);
    let minute: u32 = c[2].parse().unwrap_or(0);
    let second: u32 = c.get(3).map_or(0, |m| m.as_str().parse().unwrap_or(0));
    if let Some(ampm) = c.get(4) {
        let pm = ampm.as_str().to_ascii_lowercase().starts_with('p');
        hour %= 12;
        if pm {
            hour += 12;
        }
    }
    let time = NaiveTime::from_hms_opt(hour, minute, second.min(59));
    let offset = c.get(5).and_then(|z| zone_offset(z.as_str()));
    (time, offset)
}

/// Offset of a zone written as `Z`, `+01:00`, `-0500` or a common abbreviation.
fn zone_offset(z: &str) -> Option<FixedOffset> {
    let hours = |h: i32| FixedOffset::east_opt(h * 3600);
    match z.to_ascii_uppercase().as_str() {
        "Z" | "GMT" | "UTC" => hours(0),
        "BST" | "CET" => hours(1),
        "CEST" => hours(2),
        "EST" => hours(-5),
        "EDT" => hours(-4),
        "CDT" => hours(-5),
        "CST" | "MDT" => hours(-6),
        "MST" | "PDT" => hours(-7),
        "PST" => hours(-8),
        other => {
            let sign = if other.starts_with('-') { -1 } else { 1 };
            let digits: String = other.chars().filter(char::is_ascii_digit).collect();
            if digits.len() != 4 {
                return None;
            }
            let h: i32 = digits[..2].parse().ok()?;
            let m: i32 = digits[2..].parse().ok()?;
            FixedOffset::east_opt(sign * (h * 3600 + m * 60))
        }
    }
}

/// `/2019/04/28/` or `/2019-04-28/` (also `/20120612/`) in a URL path.
static URL_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"/((?:19|20)\d{2})[/-]?(0[1-9]|1[0-2])[/-]?(0[1-9]|[12]\d|3[01])(?:/|[-_.]|$)")
        .expect("valid regex")
});

/// A date written in a URL's path (`/2019/04/28/`, sohu's `/20120612/`,
/// `/2019/nov/18/`):
/// the day only (midnight UTC). The query and fragment are not looked at.
/// The HTML reader's last resort, and a TREC-style collection's when its
/// records have no date tag.
pub fn date_in_url(url: &str) -> Option<DateTime<Utc>> {
    let path = url.split(['?', '#']).next().unwrap_or(url);
    if let Some(c) = URL_DATE.captures(path) {
        return parse_date(&format!("{}-{}-{}", &c[1], &c[2], &c[3]));
    }
    let c = URL_MONTH_NAME.captures(path)?;
    parse_date(&format!("{} {} {}", &c[3], &c[2], &c[1]))
}

/// `/2019/nov/18/` (PolitiFact, the Guardian) in a URL path.
static URL_MONTH_NAME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)/((?:19|20)\d{2})/([a-z]{3})/(0?[1-9]|[12]\d|3[01])/").expect("valid regex")
});

#[cfg(test)]
mod tests {
    use super::*;

    fn iso(s: &str) -> Option<String> {
        parse_date(s).map(|d| d.to_rfc3339_opts(chrono::SecondsFormat::Secs, true))
    }

    #[test]
    fn iso_and_rfc_forms() {
        assert_eq!(iso("2016-05-03").as_deref(), Some("2016-05-03T00:00:00Z"));
        assert_eq!(
            iso("2016-05-03T10:04:11Z").as_deref(),
            Some("2016-05-03T10:04:11Z")
        );
        assert_eq!(
            iso("2016-05-03T10:04:11+01:00").as_deref(),
            Some("2016-05-03T09:04:11Z")
        );
        assert_eq!(
            iso("2016-05-03T10:04:11.250-0500").as_deref(),
            Some("2016-05-03T15:04:11Z")
        );
        assert_eq!(
            iso("2016-05-03 10:04").as_deref(),
            Some("2016-05-03T10:04:00Z")
        );
        assert_eq!(
            iso("Tue, 3 May 2016 10:04:11 +0100").as_deref(),
            Some("2016-05-03T09:04:11Z")
        );
    }

    #[test]
    fn written_forms_in_free_text() {
        assert_eq!(
            iso("Published 5 May 2016").as_deref(),
            Some("2016-05-05T00:00:00Z")
        );
        assert_eq!(
            iso("Updated May 3, 2016 10:04:11").as_deref(),
            Some("2016-05-03T10:04:11Z")
        );
        assert_eq!(
            iso("Sept. 20, 2016").as_deref(),
            Some("2016-09-20T00:00:00Z")
        );
        assert_eq!(
            iso("Tuesday 3rd May 2016, 4:15 pm BST").as_deref(),
            Some("2016-05-03T15:15:00Z")
        );
        assert_eq!(
            iso("26-FEB-1987 15:01:01.79").as_deref(),
            Some("1987-02-26T15:01:01Z")
        );
    }

    #[test]
    fn zones_are_kept_as_offsets() {
        let d = parse_dated("2012-08-12T08:00:00+0900").unwrap();
        assert_eq!(
            iso("2012-08-12T08:00:00+0900").as_deref(),
            Some("2012-08-11T23:00:00Z")
        );
        assert_eq!(d.utc_offset, Some(9 * 3600));
        assert_eq!(d.local().date_naive().to_string(), "2012-08-12");
        assert_eq!(
            with_offset(d.instant, d.utc_offset).unwrap().to_rfc3339(),
            "2012-08-12T08:00:00+09:00"
        );
        let d = find_dated("Tuesday 3rd May 2016, 4:15 pm EDT").unwrap();
        assert_eq!(
            (d.utc_offset, d.local().to_rfc3339()),
            (Some(-4 * 3600), "2016-05-03T16:15:00+00:00".into())
        );
        assert_eq!(
            parse_dated("Tue, 3 May 2016 23:30:00 -0500")
                .unwrap()
                .utc_offset,
            Some(-5 * 3600)
        );
        assert_eq!(
            parse_dated("2016-05-03T10:04:11Z").unwrap().utc_offset,
            Some(0)
        );
        // No zone: no offset, and the local time is the instant.
        for s in [
            "2016-05-03",
            "2016-05-03 10:04",
            "Updated May 3, 2016 10:04:11",
        ] {
            let d = parse_dated(s).unwrap();
            assert_eq!((d.utc_offset, d.local()), (None, d.instant), "{s}");
            assert_eq!(with_offset(d.instant, d.utc_offset), None);
        }
    }

    #[test]
    fn us_short_dates() {
        assert_eq!(iso("6/15/17").as_deref(), Some("2017-06-15T00:00:00Z"));
        assert_eq!(iso("12/1/2016").as_deref(), Some("2016-12-01T00:00:00Z"));
    }

    #[test]
    fn nonsense_and_placeholders_are_missing() {
        for s in [
            "",
            "Updated",
            "0001-01-01",
            "2050-01-01",
            "2016-13-45",
            "May",
            "Mayor 3, 2016",
        ] {
            assert_eq!(iso(s), None, "{s:?}");
        }
    }
}

/// A calendar period given on the command line: `2016`, `2016-05`, a month
/// by name (`March 2016`, `Mar 2016`), a day in any format [`parse_date`]
/// reads, or an exact instant. Returns the first instant of the period and
/// the first instant after it.
pub fn parse_period(s: &str) -> Option<(DateTime<Utc>, DateTime<Utc>)> {
    let s = s.trim();
    let day = |y: i32, m: u32, d: u32| {
        NaiveDate::from_ymd_opt(y, m, d).map(|d| Utc.from_utc_datetime(&d.and_time(NaiveTime::MIN)))
    };
    if s.len() == 4 && s.bytes().all(|b| b.is_ascii_digit()) {
        let y: i32 = s.parse().ok()?;
        return Some((day(y, 1, 1)?, day(y + 1, 1, 1)?));
    }
    if let Some((y, m)) = s.split_once('-') {
        if y.len() == 4
            && (1..=2).contains(&m.len())
            && (y.to_owned() + m).bytes().all(|b| b.is_ascii_digit())
        {
            let (y, m): (i32, u32) = (y.parse().ok()?, m.parse().ok()?);
            let next = if m == 12 {
                day(y + 1, 1, 1)?
            } else {
                day(y, m + 1, 1)?
            };
            return Some((day(y, m, 1)?, next));
        }
    }
    if let Some((name, y)) = s.split_once(|c: char| c.is_whitespace() || c == ',') {
        let y = y.trim_start_matches([',', ' ']).trim();
        if let (Some(m), true) = (
            month(name.trim_end_matches('.')),
            y.len() == 4 && y.bytes().all(|b| b.is_ascii_digit()),
        ) {
            return parse_period(&format!("{y}-{m:02}"));
        }
    }
    let instant = parse_date(s)?;
    let has_time = TIME.is_match(s) || s.contains('T');
    if has_time {
        Some((instant, instant + chrono::Duration::seconds(1)))
    } else {
        Some((instant, instant + chrono::Duration::days(1)))
    }
}

#[cfg(test)]
mod period_tests {
    use super::*;

    #[test]
    fn periods() {
        let (a, b) = parse_period("2016").unwrap();
        assert_eq!(
            (a.to_rfc3339(), b.to_rfc3339()),
            (
                "2016-01-01T00:00:00+00:00".into(),
                "2017-01-01T00:00:00+00:00".into()
            )
        );
        let (a, b) = parse_period("2016-12").unwrap();
        assert_eq!((a.month(), b.year(), b.month()), (12, 2017, 1));
        let (a, b) = parse_period("3 May 2016").unwrap();
        assert_eq!((a.day(), b.day()), (3, 4));
        assert!(parse_period("yesterday-ish").is_none());
        assert!(parse_period("2016-13").is_none());
        // A month by name, as a person types it in a form (issue #25).
        for s in ["March 2015", "Mar 2015", "march, 2015", "Mar. 2015"] {
            assert_eq!(parse_period(s), parse_period("2015-03"), "{s}");
        }
        assert!(parse_period("Mayor 2015").is_none());
        assert!(parse_period("March 15").is_none());
    }
}
