//! The fields of LexisNexis and Nexis exports: `LABEL: value` lines
//! (`split_label`), the labels the vendors write in their English,
//! French and German interfaces and what each says (`label_field`), and
//! what a value becomes: a section without its page (`section_of`), a
//! language as given (`language_of`), a byline's names (`byline_of`).

use std::sync::LazyLock;

use regex::Regex;

use crate::text::collapse_ws;

/// What a field label of a LexisNexis or Nexis export says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Field {
    Byline,
    Section,
    /// A standfirst (`HIGHLIGHT:`, `ENCART:`): text, put before the body.
    Intro,
    /// Another field of the header (`LENGTH:`, `DATELINE:`): dropped.
    Header,
    Language,
    LoadDate,
    /// The article's address (`URL:`).
    Url,
    /// Another field after the body (`GRAPHIC:`, subject codes): dropped.
    Trailer,
}

impl Field {
    /// Whether the field comes before the body.
    pub(super) fn in_header(self) -> bool {
        matches!(
            self,
            Field::Byline | Field::Section | Field::Intro | Field::Header
        )
    }
}

/// The labels LexisNexis and Nexis write (English, French and German
/// interfaces; LexisNexis Academic in capitals, Nexis Uni in title case),
/// lower-cased, and what each says.
const LABELS: &[(&str, Field)] = &[
    ("byline", Field::Byline),
    ("author", Field::Byline),
    ("auteur", Field::Byline),
    ("autor", Field::Byline),
    ("section", Field::Section),
    ("rubrique", Field::Section),
    ("rubrik", Field::Section),
    ("highlight", Field::Intro),
    ("encart", Field::Intro),
    ("insert", Field::Intro),
    ("abstract", Field::Intro),
    ("length", Field::Header),
    ("longueur", Field::Header),
    ("länge", Field::Header),
    ("dateline", Field::Header),
    ("series", Field::Header),
    ("edition", Field::Header),
    ("language", Field::Language),
    ("langue", Field::Language),
    ("sprache", Field::Language),
    ("load-date", Field::LoadDate),
    ("date-chargement", Field::LoadDate),
    ("graphic", Field::Trailer),
    ("grafik", Field::Trailer),
    ("publication-type", Field::Trailer),
    ("publication type", Field::Trailer),
    ("type-publication", Field::Trailer),
    ("journal-code", Field::Trailer),
    ("journal code", Field::Trailer),
    ("subject", Field::Trailer),
    ("sujet", Field::Trailer),
    ("organization", Field::Trailer),
    ("organisation", Field::Trailer),
    ("person", Field::Trailer),
    ("company", Field::Trailer),
    ("societe", Field::Trailer),
    ("ticker", Field::Trailer),
    ("stock-symbol", Field::Trailer),
    ("symbole-boursier", Field::Trailer),
    ("industry", Field::Trailer),
    ("activity-sector", Field::Trailer),
    ("secteur-activite", Field::Trailer),
    ("geographic", Field::Trailer),
    ("geo-localization", Field::Trailer),
    ("localisation-geo", Field::Trailer),
    ("city", Field::Trailer),
    ("state", Field::Trailer),
    ("country", Field::Trailer),
    ("correction", Field::Trailer),
    ("correction-date", Field::Trailer),
    ("distribution", Field::Trailer),
    ("document-type", Field::Trailer),
    ("notes", Field::Trailer),
    ("update", Field::Trailer),
    ("url", Field::Url),
];

/// The field a label names, in any case (`LOAD-DATE`, `Load-Date`).
pub(super) fn label_field(label: &str) -> Option<Field> {
    let label = label.to_lowercase();
    LABELS.iter().find(|(l, _)| *l == label).map(|(_, f)| *f)
}

/// `(label, value)` when `line` is `LABEL: value` (also with a
/// non-breaking space after the colon, or nothing after it): a label is
/// one to three words of letters and hyphens, at most 32 characters.
pub(super) fn split_label(line: &str) -> Option<(&str, &str)> {
    let line = line.trim_start();
    let (label, value) = line.split_once(':')?;
    let ok = !label.is_empty()
        && label.chars().count() <= 32
        && label.split(' ').count() <= 3
        && label.chars().next().is_some_and(char::is_alphabetic)
        && label
            .chars()
            .all(|c| c.is_alphabetic() || c == '-' || c == ' ')
        && (value.is_empty() || value.starts_with(char::is_whitespace));
    ok.then(|| (label.trim(), value.trim()))
}

/// The section of a `SECTION:` value without page, column and version
/// parts: `FEATURES; Pg. 6` → `FEATURES`, `Section B; Page 22, Column 2;
/// National Desk` → `Section B`, `Pg. 999` → none.
pub(super) fn section_of(value: &str) -> Option<String> {
    static PAGE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)^(?:pg\.?|pages?|p\.|s\.|column|col\.|part|version)\s*:?\s*[\w,.-]*")
            .expect("valid regex")
    });
    value
        .split(';')
        .map(collapse_ws)
        .find(|p| !p.is_empty() && !PAGE.is_match(p))
}

/// The language of a `LANGUAGE:` value, as given: its first part
/// (`ENGLISH; ENGLISHS` → `ENGLISH`).
pub(super) fn language_of(value: &str) -> Option<String> {
    let first = collapse_ws(value.split(';').next().unwrap_or(""));
    (!first.is_empty()).then_some(first)
}

/// A byline field's names ([`crate::ingest::byline::clean`], the publication
/// dropped like an agency: `BY STEPHEN POLLARD` → `Stephen Pollard`), or
/// the field as printed, without `By`, when that finds no name in it (an
/// e-mail address, `Letters`): the export says it is the byline.
pub(super) fn byline_of(value: &str, source: Option<&str>) -> Option<String> {
    let outlets: Vec<&str> = source.into_iter().collect();
    if let Some(names) = crate::ingest::byline::clean(value, &outlets) {
        return Some(names);
    }
    let v = collapse_ws(value);
    let v = match v.get(..3) {
        Some(by) if by.eq_ignore_ascii_case("by ") => v[3..].to_string(),
        _ => v,
    };
    (!v.is_empty()).then_some(v)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_sections_languages_bylines() {
        assert_eq!(
            split_label("BYLINE: Andrew Sparrow"),
            Some(("BYLINE", "Andrew Sparrow"))
        );
        assert_eq!(
            split_label("Section:\u{a0}POLITICS; Version:28"),
            Some(("Section", "POLITICS; Version:28"))
        );
        assert_eq!(split_label(" CORRECTION:"), Some(("CORRECTION", "")));
        assert_eq!(
            split_label("Journal Code:\u{a0}IIN"),
            Some(("Journal Code", "IIN"))
        );
        assert_eq!(split_label("http://example.com"), None);
        assert_eq!(split_label("10:30 GMT"), None);
        assert_eq!(split_label("Officials in the capital said: no"), None);
        assert_eq!(section_of("FEATURES; Pg. 6").as_deref(), Some("FEATURES"));
        assert_eq!(
            section_of("Section B; Page 22, Column 2; National Desk").as_deref(),
            Some("Section B")
        );
        assert_eq!(section_of("Pg. 999"), None);
        assert_eq!(
            section_of("POLITICS; Version:28").as_deref(),
            Some("POLITICS")
        );
        assert_eq!(language_of("ENGLISH; ENGLISHS").as_deref(), Some("ENGLISH"));
        assert_eq!(
            byline_of("BY STEPHEN POLLARD", None).as_deref(),
            Some("Stephen Pollard")
        );
        assert_eq!(
            byline_of("journalist@example.invalid", None).as_deref(),
            Some("journalist@example.invalid")
        );
    }
}
