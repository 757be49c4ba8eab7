//! News-database exports: the files LexisNexis, Nexis Uni, Lexis Advance,
//! Factiva and Europresse hand a researcher, each holding many documents
//! with their fields written out as labels (`BYLINE:`, `Section:`, `SN`),
//! around cover pages, copyright lines and `End of Document` furniture.
//! One document becomes one [`Draft`]; the labels become its fields and
//! never its text.
//!
//! [`sniff`] recognises an export by its content, whatever its extension
//! (a LexisNexis batch saved as `.txt`, a Factiva page saved as `.html`);
//! [`Layout`] names the vendor's layout and [`parse`] (text) or
//! [`parse_binary`] (a `.docx`) runs its parser. One file per layout:
//! [`lexisnexis_text`] (LexisNexis Academic TXT, and the document reading
//! the HTML export shares), [`lexisnexis_html`], [`nexis_docx`] (Nexis Uni
//! and Lexis Advance Word files, read by [`docx`]), [`factiva`] (HTML and
//! XML) and [`europresse`]; [`blocks`] turns plain text and HTML into the
//! runs of lines they all read, [`fields`] the `LABEL: value` fields and
//! what each becomes. Shared here: dates in the languages the vendors
//! print them in, the body's paragraphs and the rule that a document
//! without body text is reported, not indexed.
//!
//! Parsers take text (or bytes, for Word files) and give a [`ParsedFile`]:
//! they never see tantivy, and never panic on odd input.

pub mod blocks;
pub mod docx;
pub mod europresse;
pub mod factiva;
pub mod fields;
pub mod lexisnexis_html;
pub mod lexisnexis_text;
pub mod nexis_docx;
#[cfg(test)]
mod samples;

use std::sync::LazyLock;

use chrono::{DateTime, Utc};
use regex::Regex;

use super::{compress, ParsedFile, RecordProblem};
use crate::article::Draft;
use crate::dates;
use crate::text::collapse_ws;

/// A vendor's export layout: which parser reads the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    /// LexisNexis Academic plain text: `N of M DOCUMENTS` separators.
    LexisNexisText,
    /// LexisNexis Academic HTML: `<DOCFULL>` sections.
    LexisNexisHtml,
    /// A Word file: a Nexis Uni or Lexis Advance export (`End of Document`
    /// separators), or any other Word document as one article.
    Docx,
    /// Factiva "Save as HTML": one `div.article` per document.
    FactivaHtml,
    /// Factiva XML: one `<article>` element per document.
    FactivaXml,
    /// Europresse HTML: one document per publication header.
    Europresse,
}

impl Layout {
    /// Short lower-case name for messages.
    pub fn name(self) -> &'static str {
        match self {
            Layout::LexisNexisText => "lexisnexis-text",
            Layout::LexisNexisHtml => "lexisnexis-html",
            Layout::Docx => "docx",
            Layout::FactivaHtml => "factiva-html",
            Layout::FactivaXml => "factiva-xml",
            Layout::Europresse => "europresse",
        }
    }

    /// Whether the layout is HTML (its `<meta charset>` counts when
    /// decoding).
    pub fn is_html(self) -> bool {
        matches!(
            self,
            Layout::LexisNexisHtml | Layout::FactivaHtml | Layout::Europresse
        )
    }

    /// Whether the parser reads bytes rather than decoded text (a zip).
    pub fn is_binary(self) -> bool {
        self == Layout::Docx
    }
}

/// How much of a file [`sniff`] reads. Factiva pages open with a 65 KB
/// style sheet before the first document, so 1 KB is not enough.
const SNIFF_BYTES: usize = 256 * 1024;

/// The export layout a text or HTML file's content shows, if any. Markers
/// are ones no ordinary article carries: LexisNexis HTML's `<DOCFULL>`
/// comments, Europresse's `DocPublicationName` class, Factiva's field-code
/// table (`<b>HD</b>`) or its article classes on a page that names
/// Factiva or Dow Jones, Factiva XML's `<ppsarticle>`/`<accessionNo>` elements, and a
/// line that is only `N of M DOCUMENTS` (also in German and French).
pub fn sniff(bytes: &[u8]) -> Option<Layout> {
    let head = compress::head(bytes, SNIFF_BYTES);
    if head.starts_with(b"PK\x03\x04") {
        return None;
    }
    let head = String::from_utf8_lossy(&head);
    let lower = head.to_ascii_lowercase();
    let has = |s: &str| lower.contains(s);
    if has("<docfull>") || has("lxncomment") {
        Some(Layout::LexisNexisHtml)
    } else if has("docpublicationname") {
        Some(Layout::Europresse)
    } else if (has("<b>hd</b>") && (has("<b>pd</b>") || has("<b>sn</b>")))
        || ((has("factiva") || has("dow jones"))
            && has("class=\"article ")
            && has("articleparagraph"))
    {
        Some(Layout::FactivaHtml)
    } else if has("<ppsarticle") || (has("<article") && has("<accessionno")) {
        Some(Layout::FactivaXml)
    } else if head.lines().any(|l| document_number(l).is_some()) {
        Some(Layout::LexisNexisText)
    } else {
        None
    }
}

/// Parses an export held as text.
pub fn parse(text: &str, layout: Layout) -> Result<ParsedFile, String> {
    match layout {
        Layout::LexisNexisText => lexisnexis_text::parse(text),
        Layout::LexisNexisHtml => lexisnexis_html::parse(text),
        Layout::FactivaHtml => factiva::parse_html(text),
        Layout::FactivaXml => factiva::parse_xml(text),
        Layout::Europresse => europresse::parse(text),
        Layout::Docx => Err("a Word file is read from its bytes".to_string()),
    }
}

/// Parses an export held as bytes (a `.docx`), expanding at most `limit`
/// bytes of it.
pub fn parse_binary(bytes: &[u8], layout: Layout, limit: u64) -> Result<ParsedFile, String> {
    match layout {
        Layout::Docx => nexis_docx::parse_file(bytes, limit),
        other => Err(format!("{} is a text format", other.name())),
    }
}

/// `1 of 10 DOCUMENTS`, `Dokument 3 von 12`, `Document 2 de 5`: a
/// LexisNexis document separator, alone on its line.
static DOCUMENT_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:(\d+) of \d+ DOCUMENTS?|(?:Dokument|Document) (\d+) (?:von|de) \d+)$")
        .expect("valid regex")
});

/// The document number when `line` is a LexisNexis separator.
pub(super) fn document_number(line: &str) -> Option<u64> {
    let c = DOCUMENT_NUMBER.captures(line.trim())?;
    c.get(1).or(c.get(2))?.as_str().parse().ok()
}

/// Month names in the other languages exports print dates in, with the
/// English name `dates` reads. Compared lower-case, whole words only.
const MONTHS: &[(&str, &str)] = &[
    // French
    ("janvier", "january"),
    ("février", "february"),
    ("fevrier", "february"),
    ("mars", "march"),
    ("avril", "april"),
    ("mai", "may"),
    ("juin", "june"),
    ("juillet", "july"),
    ("août", "august"),
    ("aout", "august"),
    ("septembre", "september"),
    ("octobre", "october"),
    ("novembre", "november"),
    ("décembre", "december"),
    ("decembre", "december"),
    // German
    ("januar", "january"),
    ("jänner", "january"),
    ("februar", "february"),
    ("märz", "march"),
    ("maerz", "march"),
    ("juni", "june"),
    ("juli", "july"),
    ("oktober", "october"),
    ("dezember", "december"),
    // Spanish, Italian, Portuguese, Dutch
    ("enero", "january"),
    ("gennaio", "january"),
    ("janeiro", "january"),
    ("januari", "january"),
    ("febrero", "february"),
    ("febbraio", "february"),
    ("fevereiro", "february"),
    ("februari", "february"),
    ("marzo", "march"),
    ("março", "march"),
    ("maart", "march"),
    ("abril", "april"),
    ("aprile", "april"),
    ("mayo", "may"),
    ("maggio", "may"),
    ("maio", "may"),
    ("mei", "may"),
    ("junio", "june"),
    ("giugno", "june"),
    ("junho", "june"),
    ("julio", "july"),
    ("luglio", "july"),
    ("julho", "july"),
    ("agosto", "august"),
    ("augustus", "august"),
    ("septiembre", "september"),
    ("setiembre", "september"),
    ("settembre", "september"),
    ("setembro", "september"),
    ("octubre", "october"),
    ("ottobre", "october"),
    ("outubro", "october"),
    ("noviembre", "november"),
    ("novembro", "november"),
    ("diciembre", "december"),
    ("dicembre", "december"),
    ("dezembro", "december"),
];

/// `5. Juli`, `10.Dezember`: a German day number with its full stop.
static DAY_WITH_STOP: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b(\d{1,2})\.\s*(\p{L})").expect("valid regex"));

/// The date an export's date line gives (`January 11, 2010 Monday`,
/// `29 décembre 2011`, `Dienstag 10. Dezember 2019`, `July 1, 2019 Monday
/// 9:20 AM GMT`), through [`dates::find_date`]: month names in French,
/// German, Spanish, Italian, Portuguese and Dutch are read as the English
/// ones first, `1er` as `1`.
pub(super) fn export_date(line: &str) -> Option<DateTime<Utc>> {
    if let Some(d) = dates::find_date(line) {
        return Some(d);
    }
    let line = DAY_WITH_STOP.replace_all(line, "$1 $2");
    let mut out = String::with_capacity(line.len());
    let mut word = String::new();
    let flush = |word: &mut String, out: &mut String| {
        let lower = word.to_lowercase();
        match MONTHS.iter().find(|(name, _)| *name == lower) {
            Some((_, english)) => out.push_str(english),
            None if lower == "1er" => out.push('1'),
            None => out.push_str(word),
        }
        word.clear();
    };
    for c in line.chars() {
        if c.is_alphanumeric() {
            word.push(c);
        } else {
            flush(&mut word, &mut out);
            out.push(c);
        }
    }
    flush(&mut word, &mut out);
    dates::find_date(&out)
}

/// A copyright line: `Copyright 2010 ...`, `© 2012 ...`, `(c) 2011 ...`.
pub(super) fn is_copyright(line: &str) -> bool {
    let l = line.trim_start();
    l.starts_with('©')
        || l.get(..9)
            .is_some_and(|s| s.eq_ignore_ascii_case("copyright"))
        || l.get(..4).is_some_and(|s| s.eq_ignore_ascii_case("(c) "))
}

/// A body from paragraphs: each paragraph's white space collapsed, empty
/// ones left out, joined with `\n\n`.
pub(super) fn body_of<S: AsRef<str>>(paragraphs: impl IntoIterator<Item = S>) -> String {
    paragraphs
        .into_iter()
        .map(|p| collapse_ws(p.as_ref()))
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// Adds a document to what a file gave: the draft when it has body text,
/// else a [`RecordProblem`] naming the document (`number`, 1-based) and
/// its headline (or what stands in its place: LexisNexis' "We are sorry
/// but there is an error in this document"), so a graphic-only or
/// unreadable document is reported rather than indexed as an empty
/// article.
pub(super) fn push_document(parsed: &mut ParsedFile, draft: Draft, number: usize, vendor: &str) {
    if !draft.body.trim().is_empty() {
        parsed.drafts.push(draft);
        return;
    }
    let what = match draft.title.as_deref().or(draft.source.as_deref()) {
        Some(t) => format!(" ({})", shorten(t, 80)),
        None => String::new(),
    };
    parsed.problems.push(RecordProblem {
        line: draft.line.max(1),
        reason: format!("{vendor} document {number}{what} has no body text"),
    });
}

/// At most `max` characters of `s`, with `…` when cut.
pub(super) fn shorten(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        return s.to_string();
    }
    let cut: String = s.chars().take(max).collect();
    format!("{}…", cut.trim_end())
}

/// The text an XML entity or character reference stands for (`&amp;`,
/// `&#233;`), which quick-xml hands over apart from the text around it;
/// decoded as the HTML parser decodes entities. `None` for an unknown one.
pub(super) fn xml_reference(r: &quick_xml::events::BytesRef<'_>) -> Option<String> {
    let reference = format!("&{};", &*r.xml10_content());
    let text = super::html::decode_entities(&reference);
    (text != reference).then_some(text)
}

/// 1-based line numbers of byte offsets in one text, counted once from
/// the start however many offsets are asked for, in increasing order.
pub(super) struct LineCounter<'a> {
    text: &'a str,
    at: usize,
    line: u64,
}

impl<'a> LineCounter<'a> {
    /// A counter at the start of `text`.
    pub(super) fn new(text: &'a str) -> Self {
        LineCounter {
            text,
            at: 0,
            line: 1,
        }
    }

    /// The line of byte `offset` (at or after the last one asked for).
    pub(super) fn line_of(&mut self, offset: usize) -> u64 {
        let offset = offset.min(self.text.len());
        if offset > self.at {
            let counted = self.text.as_bytes()[self.at..offset]
                .iter()
                .filter(|&&b| b == b'\n')
                .count();
            self.line += counted as u64;
            self.at = offset;
        }
        self.line
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> Option<String> {
        export_date(s).map(|d| d.format("%Y-%m-%d %H:%M").to_string())
    }

    #[test]
    fn dates_in_the_vendors_languages() {
        assert_eq!(
            day("January 11, 2010 Monday").as_deref(),
            Some("2010-01-11 00:00")
        );
        assert_eq!(
            day("July 1, 2019 Monday 9:20 AM GMT").as_deref(),
            Some("2019-07-01 09:20")
        );
        assert_eq!(day("29 décembre 2011").as_deref(), Some("2011-12-29 00:00"));
        assert_eq!(
            day("Politique, jeudi 5 octobre 2013").as_deref(),
            Some("2013-10-05 00:00")
        );
        assert_eq!(
            day("Dienstag 10.Dezember 2019").as_deref(),
            Some("2019-12-10 00:00")
        );
        assert_eq!(day("1er mars 2006").as_deref(), Some("2006-03-01 00:00"));
        assert_eq!(day("Mars attacks"), None);
    }

    #[test]
    fn copyright_lines() {
        assert!(is_copyright("Copyright 2010 Guardian Unlimited"));
        assert!(is_copyright("© 2012 Newspaper."));
        assert!(!is_copyright("Copy 2013 The Daily Planet"));
        assert!(is_copyright("(c) 2011 Test company."));
    }

    #[test]
    fn separators_and_sniffing() {
        assert_eq!(document_number("     1 of 10 DOCUMENTS"), Some(1));
        assert_eq!(document_number("8 of 383 DOCUMENTS\r"), Some(8));
        assert_eq!(document_number("Dokument 3 von 12"), Some(3));
        assert_eq!(document_number("1 of 10 documents in the file"), None);
        let txt = "Download Request: Selected Items: 1-2\n\n     1 of 2 DOCUMENTS\n\nX";
        assert_eq!(sniff(txt.as_bytes()), Some(Layout::LexisNexisText));
        assert_eq!(sniff(b"Headline\n\nOne of two documents said so."), None);
        assert_eq!(
            sniff(b"<html><!-- <DOC NUMBER=1>\n<DOCFULL> -->"),
            Some(Layout::LexisNexisHtml)
        );
        assert_eq!(
            sniff(b"<html><span class=\"DocPublicationName\">Le Monde</span>"),
            Some(Layout::Europresse)
        );
        assert_eq!(
            sniff(b"<td class=\"index\"><b>HD</b></td><td class=\"index\"><b>PD</b></td>"),
            Some(Layout::FactivaHtml)
        );
        assert_eq!(
            sniff(b"<?xml version=\"1.0\"?><ppsarticle><article>"),
            Some(Layout::FactivaXml)
        );
        assert_eq!(sniff(b"<html><body><article><p>Text</p></article>"), None);
        assert_eq!(sniff(b"PK\x03\x04 1 of 2 DOCUMENTS\n"), None);
    }

    #[test]
    fn lines_are_counted_once() {
        let text = "a\nb\nc\nd";
        let mut lines = LineCounter::new(text);
        assert_eq!(lines.line_of(0), 1);
        assert_eq!(lines.line_of(2), 2);
        assert_eq!(lines.line_of(6), 4);
        assert_eq!(lines.line_of(99), 4);
    }
}
