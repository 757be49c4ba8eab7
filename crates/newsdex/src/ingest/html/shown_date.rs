//! The publication date as a page shows it to readers, for pages whose
//! markup names none (no meta tag, JSON-LD, `<time>` or date in the URL):
//! blogs, small sites and CMS templates of many languages, the pages
//! htmldate's test suite collects. First an element marked as a date by
//! its class or id (`.published`, `.newsdatum`, `.entry-date`,
//! `<abbr title>`), then the first date in the page's description, then
//! in its text.
//!
//! Dates in the forms European pages write them: `16.12.2012`,
//! `15.2.2018, 19:51`, `02.12.19`, `19. Juli 2014`, `27 juin 2019`,
//! `2 de diciembre de 2019`, month names in English, German, French,
//! Italian, Spanish, Portuguese and Dutch; then whatever
//! [`crate::dates::find_date`] reads. A time of day written just after
//! the date is kept (as UTC, like any time without a zone); else the day
//! alone, at midnight UTC.

use std::sync::LazyLock;

use chrono::{DateTime, NaiveDate, Utc};
use regex::Regex;
use scraper::{ElementRef, Html, Selector};

use super::tree::{element_text, sel};
use crate::dates::{find_date, parse_date};

/// Elements whose class or id says they hold a date.
static DATE_MARKED: LazyLock<Selector> = LazyLock::new(|| {
    sel(
        "abbr[title], [class*=date i], [id*=date i], [class*=datum i], [class*=publish i], \
         [class*=posted i], [class*=created i], [class*=fecha i], [class*=data i], \
         [class~=info], [class~=meta], [class~=time]",
    )
});

static BODY: LazyLock<Selector> = LazyLock::new(|| sel("body"));

static DESCRIPTION: LazyLock<Selector> = LazyLock::new(|| {
    sel(r#"meta[name="description" i][content], meta[property="og:description" i][content]"#)
});

/// `16.12.2012`, `15.2.2018`, `02.12.19`: day, month, year.
static DOTTED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|[^\d.])(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4}|\d{2})(?:[^\d.]|$)")
        .expect("valid regex")
});

/// `19. Juli 2014`, `27 juin 2019`, `2 de diciembre de 2019`.
static DAY_MONTH: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(\d{1,2})(?:\.|er|º)?\s+(?:de\s+)?(\p{L}{3,10})\.?,?\s+(?:de\s+)?(\d{4})\b")
        .expect("valid regex")
});

/// `Dezember 16th, 2012`, `giugno 13, 2019`.
static MONTH_DAY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(\p{L}{3,10})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b")
        .expect("valid regex")
});

/// Month names and abbreviations of the languages news pages come in.
const MONTHS: [&[&str]; 12] = [
    &[
        "january", "jan", "januar", "jänner", "janvier", "janv", "gennaio", "genn", "enero", "ene",
        "janeiro", "januari",
    ],
    &[
        "february",
        "feb",
        "februar",
        "février",
        "fevrier",
        "févr",
        "fevr",
        "febbraio",
        "febrero",
        "fevereiro",
        "fev",
        "februari",
    ],
    &[
        "march", "mar", "märz", "maerz", "mars", "marzo", "março", "marco", "maart", "mrz",
    ],
    &["april", "apr", "avril", "avr", "aprile", "abril", "abr"],
    &["may", "mai", "maggio", "mag", "mayo", "maio", "mei"],
    &[
        "june", "jun", "juni", "juin", "giugno", "giu", "junio", "junho",
    ],
    &[
        "july", "jul", "juli", "juillet", "juil", "luglio", "lug", "julio", "julho",
    ],
    &["august", "aug", "août", "aout", "agosto", "ago", "augustus"],
    &[
        "september",
        "sep",
        "sept",
        "septembre",
        "settembre",
        "set",
        "septiembre",
        "setiembre",
        "setembro",
    ],
    &[
        "october", "oct", "oktober", "okt", "octobre", "ottobre", "ott", "octubre", "outubro",
        "out",
    ],
    &["november", "nov", "novembre", "noviembre", "novembro"],
    &[
        "december",
        "dec",
        "dezember",
        "dez",
        "décembre",
        "decembre",
        "déc",
        "dicembre",
        "dic",
        "diciembre",
        "dezembro",
    ],
];

fn month(name: &str) -> Option<u32> {
    let lower = name.to_lowercase();
    MONTHS
        .iter()
        .position(|names| names.contains(&lower.as_str()))
        .map(|i| i as u32 + 1)
}

fn day(y: &str, m: u32, d: &str) -> Option<NaiveDate> {
    let mut year: i32 = y.parse().ok()?;
    if y.len() == 2 {
        year += if year < 50 { 2000 } else { 1900 };
    }
    NaiveDate::from_ymd_opt(year, m, d.parse().ok()?)
}

/// The first date written in `s`, in any of the module doc's forms.
pub(super) fn date_in_text(s: &str) -> Option<DateTime<Utc>> {
    // (start, end, day) of the leftmost date.
    let mut best: Option<(usize, usize, NaiveDate)> = None;
    let mut consider = |m: Option<regex::Match<'_>>, d: Option<NaiveDate>| {
        if let (Some(m), Some(d)) = (m, d) {
            if best.is_none_or(|(b, _, _)| m.start() < b) {
                best = Some((m.start(), m.end(), d));
            }
        }
    };
    for c in DOTTED.captures_iter(s) {
        let m: u32 = c[2].parse().unwrap_or(0);
        consider(c.get(0), day(&c[3], m, &c[1]));
    }
    for c in DAY_MONTH.captures_iter(s) {
        consider(c.get(0), month(&c[2]).and_then(|m| day(&c[3], m, &c[1])));
    }
    for c in MONTH_DAY.captures_iter(s) {
        consider(c.get(0), month(&c[1]).and_then(|m| day(&c[3], m, &c[2])));
    }
    let Some((_, end, d)) = best else {
        return find_date(s);
    };
    // A time of day just after the date (`06.10.2017 11:15`, `15.2.2018,
    // 19:51`), taken as UTC like any time without a zone.
    let after: String = s[end..].chars().take(16).collect();
    let day = d.format("%Y-%m-%d").to_string();
    TIME_AFTER
        .captures(&after)
        .and_then(|t| parse_date(&format!("{day}T{:0>2}:{}:00Z", &t[1], &t[2])))
        .or_else(|| parse_date(&day))
}

/// `, 19:51`, ` um 11:15`, ` à 10h30` right after a date.
static TIME_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[\s,|–-]*(?:um\s+|à\s+|alle\s+|at\s+)?([01]?\d|2[0-3])[:h]([0-5]\d)\b")
        .expect("valid regex")
});

/// The date of the first element marked as one that gives a date: its
/// `title`, `datetime` or `content` attribute, else its (short) text.
pub(super) fn marked_date(doc: &Html) -> Option<DateTime<Utc>> {
    doc.select(&DATE_MARKED).find_map(|e: ElementRef<'_>| {
        let attr = ["datetime", "content", "title"]
            .iter()
            .filter_map(|a| e.attr(a))
            .find_map(|v| parse_date(v).or_else(|| date_in_text(v)));
        attr.or_else(|| {
            let text = element_text(e);
            (text.chars().count() <= 120)
                .then(|| date_in_text(&text))
                .flatten()
        })
    })
}

/// The first date in the page's description (`Notizia del 14 Gennaio
/// 2020`), else in its visible text (scripts and styles left out).
pub(super) fn text_date(doc: &Html) -> Option<DateTime<Utc>> {
    let described = doc
        .select(&DESCRIPTION)
        .filter_map(|e| e.attr("content"))
        .find_map(date_in_text);
    if described.is_some() {
        return described;
    }
    let body = doc.select(&BODY).next()?;
    let mut text = String::new();
    for node in body.descendants() {
        let Some(t) = node.value().as_text() else {
            continue;
        };
        let in_code = node
            .parent()
            .and_then(ElementRef::wrap)
            .is_some_and(|p| matches!(p.value().name(), "script" | "style" | "noscript"));
        if !in_code {
            text.push_str(t);
            text.push(' ');
        }
        if text.len() > 200_000 {
            break;
        }
    }
    date_in_text(&text)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day_of(s: &str) -> Option<String> {
        date_in_text(s).map(|d| d.format("%Y-%m-%d").to_string())
    }

    #[test]
    fn european_forms() {
        let timed = date_in_text("06.10.2017 11:15").unwrap();
        assert_eq!(timed.to_rfc3339(), "2017-10-06T11:15:00+00:00");
        assert_eq!(
            day_of("veröffentlicht am 16.12.2012").as_deref(),
            Some("2012-12-16")
        );
        assert_eq!(
            day_of("Donnerstag, 15.2.2018, 19:51").as_deref(),
            Some("2018-02-15")
        );
        assert_eq!(day_of("(02.12.19)").as_deref(), Some("2019-12-02"));
        assert_eq!(
            day_of("Samstag, 19. Juli 2014").as_deref(),
            Some("2014-07-19")
        );
        assert_eq!(day_of("jeudi 27 juin 2019").as_deref(), Some("2019-06-27"));
        assert_eq!(
            day_of("2 de diciembre de 2019").as_deref(),
            Some("2019-12-02")
        );
        assert_eq!(day_of("1er août 2019").as_deref(), Some("2019-08-01"));
        assert_eq!(day_of("Dezember 16th, 2012").as_deref(), Some("2012-12-16"));
        assert_eq!(
            day_of("Updated 2016/11/18 06:31").as_deref(),
            Some("2016-11-18")
        );
        assert_eq!(day_of("version 1.2.3 and 10 items in 2019"), None);
    }

    #[test]
    fn marked_elements_then_text() {
        let doc = Html::parse_document(
            r#"<body><p>Menu</p><p class="newsdatum">[<a href="/x">Samstag, 19. Juli 2014</a>]</p></body>"#,
        );
        assert_eq!(
            marked_date(&doc).unwrap().to_rfc3339(),
            "2014-07-19T00:00:00+00:00"
        );
        let doc = Html::parse_document(
            r#"<body><script>var d = "01.01.2001";</script><h1>T</h1><p><strong>(18.01.2018)</strong> Text.</p></body>"#,
        );
        assert_eq!(marked_date(&doc), None);
        assert_eq!(
            text_date(&doc).unwrap().to_rfc3339(),
            "2018-01-18T00:00:00+00:00"
        );
    }
}
