//! The names datasets give article fields, and the cleaning of their
//! values: one mapping for JSON keys ([`super::json`]) and CSV column
//! headers ([`super::delimited`]), so that a `headline` column and a
//! `"headline"` key both fill [`crate::article::Draft::title`].
//!
//! Names are matched case-insensitively; where several names of one field
//! are present, the one listed first here wins (`content_original` over
//! `content`, see [`BODY_KEYS`]).

use chrono::{DateTime, Utc};

use crate::dates;

/// Names of the headline.
pub(super) const TITLE_KEYS: &[&str] = &["title", "headline", "name"];
/// Names of the article text. `content_original` first: in the AllSides
/// layout `content` is a tokenised copy of it ("Quetta , Mr. Rahami").
pub(super) const BODY_KEYS: &[&str] = &[
    "content_original",
    "body",
    "text",
    "content",
    "article",
    "articleBody",
    "maintext",
    "description",
];
/// Names of the publication date (never a crawl date such as
/// SaudiNewsNet's `date_extracted`).
pub(super) const DATE_KEYS: &[&str] = &[
    "date",
    "published",
    "published_at",
    "publishedAt",
    "datePublished",
    "pubdate",
    "date_publish",
    "created_at",
    "timestamp",
];
/// Names of the author(s).
pub(super) const BYLINE_KEYS: &[&str] = &["author", "byline", "authors", "creator"];
/// Names of the article's URL.
pub(super) const URL_KEYS: &[&str] = &["url", "link", "canonical_url", "source_url"];
/// Names of the publication.
pub(super) const SOURCE_KEYS: &[&str] =
    &["source", "publication", "publisher", "site_name", "outlet"];
/// Names of the section; `label` last: classification datasets (10kGNAD,
/// AG News) call their category so.
pub(super) const SECTION_KEYS: &[&str] = &["section", "category", "topic", "categories", "label"];

/// A [`crate::article::Draft`] field a dataset may name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Field {
    Title,
    Body,
    Date,
    Byline,
    Url,
    Source,
    Section,
}

impl Field {
    /// Every field, in the order a note lists them.
    pub(super) const ALL: [Field; 7] = [
        Field::Title,
        Field::Body,
        Field::Date,
        Field::Byline,
        Field::Url,
        Field::Source,
        Field::Section,
    ];

    /// The names this field goes by, most trusted first.
    pub(super) fn keys(self) -> &'static [&'static str] {
        match self {
            Field::Title => TITLE_KEYS,
            Field::Body => BODY_KEYS,
            Field::Date => DATE_KEYS,
            Field::Byline => BYLINE_KEYS,
            Field::Url => URL_KEYS,
            Field::Source => SOURCE_KEYS,
            Field::Section => SECTION_KEYS,
        }
    }

    /// The field a name means, with its rank among the field's names
    /// (0 = most trusted). Surrounding white space is ignored.
    pub(super) fn of(name: &str) -> Option<(Field, usize)> {
        let name = name.trim();
        Field::ALL.into_iter().find_map(|f| {
            f.keys()
                .iter()
                .position(|k| k.eq_ignore_ascii_case(name))
                .map(|rank| (f, rank))
        })
    }

    /// Lower-case name for notes.
    pub(super) fn name(self) -> &'static str {
        match self {
            Field::Title => "title",
            Field::Body => "body",
            Field::Date => "date",
            Field::Byline => "byline",
            Field::Url => "url",
            Field::Source => "source",
            Field::Section => "section",
        }
    }
}

/// Normalises line ends and makes every non-blank line a paragraph: in
/// scraped datasets a single `\n` separates paragraphs.
pub(super) fn paragraphs(s: &str) -> String {
    s.split(['\n', '\r'])
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// A date string, or a string of digits that is Unix seconds or
/// milliseconds (nine digits or more: a shorter number is no timestamp),
/// with the offset of the zone the string names.
pub(super) fn date_text(s: &str) -> Option<dates::Dated> {
    let s = s.trim();
    if s.len() >= 9 && s.bytes().all(|b| b.is_ascii_digit()) {
        return s.parse::<f64>().ok().and_then(timestamp);
    }
    dates::parse_dated(s)
}

/// Unix seconds, or milliseconds when the number is too big to be seconds
/// (1e11 seconds is the year 5138). An instant with no zone: no offset.
pub(super) fn timestamp(n: f64) -> Option<dates::Dated> {
    let secs = if n.abs() >= 1e11 { n / 1000.0 } else { n };
    let d = DateTime::<Utc>::from_timestamp(secs as i64, 0)?;
    // Round-trip through parse_date so timestamps get the same sanity
    // check (no year 1970 placeholders from a 0, no far future) as strings.
    let instant = dates::parse_date(&d.to_rfc3339()).filter(|_| secs > 0.0)?;
    Some(dates::Dated {
        instant,
        utc_offset: None,
    })
}

/// An author line without a leading "By"; `None` when blank.
pub(super) fn byline_text(s: &str) -> Option<String> {
    let s = s.trim();
    let s = match s.get(..3) {
        Some(by) if by.eq_ignore_ascii_case("by ") => s[3..].trim_start(),
        _ => s,
    };
    (!s.is_empty()).then(|| s.to_string())
}

/// An absolute http(s) URL with no white space in it.
pub(super) fn looks_like_url(s: &str) -> bool {
    let lower = s.get(..8).unwrap_or(s).to_ascii_lowercase();
    (lower.starts_with("http://") || lower.starts_with("https://"))
        && !s.contains(char::is_whitespace)
        && s.len() > 10
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_map_to_fields_with_their_rank() {
        assert_eq!(Field::of(" Headline "), Some((Field::Title, 1)));
        assert_eq!(Field::of("CONTENT_ORIGINAL"), Some((Field::Body, 0)));
        assert_eq!(Field::of("content"), Some((Field::Body, 3)));
        assert_eq!(Field::of("label"), Some((Field::Section, 4)));
        assert_eq!(Field::of("published"), Some((Field::Date, 1)));
        assert_eq!(Field::of("date_extracted"), None);
        assert_eq!(Field::of("id"), None);
    }

    #[test]
    fn values_are_cleaned() {
        assert_eq!(paragraphs("a\r\n\r\nb\nc "), "a\n\nb\n\nc");
        assert_eq!(byline_text(" By Ann Lee"), Some("Ann Lee".to_string()));
        assert_eq!(byline_text("  "), None);
        assert_eq!(date_text("1466000000"), date_text("1466000000000"));
        assert!(date_text("2016-06-15").is_some());
        assert_eq!(date_text("0000000000"), None);
        assert!(looks_like_url("https://example.com/a"));
        assert!(!looks_like_url("www.example.com"));
    }
}
