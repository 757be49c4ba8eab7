//! Nexis Uni and Lexis Advance Word exports (`.docx`, read by
//! [`super::docx`]). The documents follow one another, each ending at an
//! `End of Document` paragraph:
//!
//! ```text
//! Lorem ipsum dolor sit amet                     headline
//! The Guardian(London)                           publication → source
//! July 1, 2019 Monday 9:20 AM GMT                date (and edition)
//! Copyright 2019 The Guardian ...                dropped
//! Section: POLITICS; Version:28                  fields: `Label:` and a
//! Length: 355 words                                non-breaking space
//! Byline: Mattha Busby (now), Andrew Sparrow
//! Body                                           the body follows
//! Lorem ipsum dolor sit amet, ...
//! Graphic                                        captions: dropped
//! Classification                                 trailer fields
//! Language: ENGLISH
//! Load-Date: July 4, 2019
//! End of Document
//! ```
//!
//! A Nexis Uni batch opens with a cover (`Date and Time:`, `Job Number:`,
//! `Documents (10)`, a numbered list of the headlines, the search terms)
//! before the first document: the header is read from its end (the date
//! line is the last dated paragraph of the three before the first field,
//! the publication the one above it, the headline the one above that), so
//! the cover, and the download time in it, is never read. `Byline` gives
//! the byline, `Section` the section without its version or page,
//! `Language` the language as given, `Load-Date` the date only when the
//! date line has none; other fields are dropped.
//!
//! A Word file without that layout (no `End of Document`, no `Body` under
//! fields) is one article, read as plain text ([`crate::ingest::text`]).

use super::fields::{byline_of, label_field, language_of, section_of, split_label, Field};
use super::{body_of, docx, export_date, is_copyright, push_document};
use crate::article::Draft;
use crate::ingest::{text, ParsedFile};

/// Parses a Word file: a Nexis export gives one draft per document (their
/// `line` is 1: a Word file has no lines), another Word document one.
pub fn parse_file(bytes: &[u8], limit: u64) -> Result<ParsedFile, String> {
    if bytes.trim_ascii().is_empty() {
        return Err("empty file (no text)".to_string());
    }
    let paragraphs = docx::paragraphs(bytes, limit)?;
    let lines: Vec<String> = paragraphs
        .iter()
        .flat_map(|p| p.split('\n'))
        .map(crate::text::collapse_ws)
        .filter(|l| !l.is_empty())
        .collect();
    if lines.is_empty() {
        return Err("Word document with no text".to_string());
    }
    if !is_nexis(&lines) {
        return text::parse(&lines.join("\n\n"));
    }
    Ok(parse_lines(&lines))
}

/// Whether the paragraphs are a Nexis export: `End of Document` markers,
/// or a `Body` paragraph after Nexis fields.
fn is_nexis(lines: &[String]) -> bool {
    lines.iter().any(|l| l == END)
        || lines
            .iter()
            .position(|l| l == "Body")
            .is_some_and(|b| lines[..b].iter().any(|l| field(l).is_some()))
}

const END: &str = "End of Document";

/// The documents of a Nexis export's paragraphs. Text after the last `End
/// of Document` is a document only when it has fields.
pub(super) fn parse_lines(lines: &[String]) -> ParsedFile {
    let mut parsed = ParsedFile::default();
    let mut number = 0;
    let ends = lines.iter().filter(|l| *l == END).count();
    for (i, doc) in lines.split(|l| l == END).enumerate() {
        let last = i == ends;
        if doc.is_empty() || (last && !doc.iter().any(|l| field(l).is_some())) {
            continue;
        }
        number += 1;
        let mut draft = read_document(doc);
        draft.line = 1;
        push_document(&mut parsed, draft, number, "Nexis");
    }
    parsed
}

/// `(field, value)` when `line` is a Nexis field ([`label_field`]): only
/// known labels are, so `Washington: the president said` is text.
fn field(line: &str) -> Option<(Field, &str)> {
    let (label, value) = split_label(line)?;
    Some((label_field(label)?, value))
}

/// Paragraphs that end the body: section headings and trailer fields.
fn ends_body(line: &str) -> bool {
    matches!(line, "Classification" | "Graphic" | "Notes")
        || field(line).is_some_and(|(f, _)| !f.in_header())
}

/// Lines of a Nexis Uni cover page, never a document's header.
fn is_cover(line: &str) -> bool {
    const LEADS: &[&str] = &[
        "Date and Time:",
        "Job Number:",
        "Documents (",
        "Client/Matter:",
        "Search Terms:",
        "Search Type:",
        "Narrowed by",
        "Content Type",
        "Download Request:",
        "Time Of Request:",
    ];
    LEADS.iter().any(|l| line.starts_with(l))
}

/// One document's paragraphs (its `End of Document` left out) as a draft.
fn read_document(lines: &[String]) -> Draft {
    let mut draft = Draft::default();
    let first = lines
        .iter()
        .position(|l| l == "Body" || matches!(field(l), Some((f, _)) if f.in_header()))
        .unwrap_or(lines.len());
    let header: Vec<&str> = lines[..first]
        .iter()
        .map(String::as_str)
        .filter(|l| !is_copyright(l) && !is_cover(l))
        .collect();
    read_header(&header, &mut draft);
    let mut paras: Vec<&str> = Vec::new();
    let mut at = first;
    while let Some(line) = lines.get(at) {
        match field(line) {
            Some((Field::Intro, value)) => paras.push(value),
            Some((f, value)) if f.in_header() => read_field(f, value, &mut draft),
            _ if line == "Body" || line == "Text" => {
                at += 1;
                break;
            }
            _ => break,
        }
        at += 1;
    }
    let body_end = lines[at..]
        .iter()
        .position(|l| ends_body(l))
        .map_or(lines.len(), |e| at + e);
    paras.extend(lines[at..body_end].iter().map(String::as_str));
    draft.body = body_of(&paras);
    let mut load_date = None;
    for line in &lines[body_end..] {
        match field(line) {
            Some((Field::LoadDate, value)) => load_date = export_date(value),
            Some((f @ (Field::Language | Field::Url), value)) => read_field(f, value, &mut draft),
            _ => {}
        }
    }
    draft.date = draft.date.or(load_date);
    draft
}

/// Headline, publication and date from the paragraphs before the first
/// field (copyright and cover lines left out), read from their end.
fn read_header(header: &[&str], draft: &mut Draft) {
    let from = header.len().saturating_sub(3);
    let dated = (from..header.len())
        .rev()
        .find(|&i| export_date(header[i]).is_some());
    let (title, source) = match dated {
        Some(d) => {
            draft.date = export_date(header[d]);
            match d {
                0 => (None, None),
                1 => (Some(0), None),
                _ => (Some(d - 2), Some(d - 1)),
            }
        }
        None => match header.len() {
            0 => (None, None),
            1 => (Some(0), None),
            n => (Some(n - 2), Some(n - 1)),
        },
    };
    draft.title = title.map(|i| header[i].to_string());
    draft.source = source.map(|i| header[i].to_string());
}

fn read_field(f: Field, value: &str, draft: &mut Draft) {
    match f {
        Field::Byline => draft.byline = byline_of(value, draft.source.as_deref()),
        Field::Section => draft.section = section_of(value),
        Field::Language => draft.language = language_of(value),
        Field::Url => draft.url = Some(value.to_string()),
        Field::Intro | Field::Header | Field::LoadDate | Field::Trailer => {}
    }
}

#[cfg(test)]
mod tests {
    use super::super::docx::tests::docx;
    use super::*;

    const EXPORT: &[&str] = &[
        "Date and Time: Friday, 5. July 2019 09:31:00 CEST",
        "Job Number: 00000001",
        "Documents (2)",
        "1. Council approves budget",
        "Search Terms: budget",
        "Council approves budget",
        "The Daily Post (London)",
        "July 1, 2019 Monday 9:20 AM GMT",
        "\nCopyright 2019 The Daily Post All Rights Reserved",
        "Section:\u{a0}POLITICS; Version:28",
        "Length:\u{a0}355 words",
        "Byline:\u{a0}Jane Doe and John Roe",
        "Body",
        "The council approved the budget.",
        "Washington: it passed 7-2.",
        "\nGraphic",
        "A photo of the council.",
        "Classification",
        "Language:\u{a0}ENGLISH\n\n",
        "Load-Date:\u{a0}July 4, 2019",
        "\nEnd of Document",
        "Photo of the week",
        "The Daily Post (London)",
        "Section:\u{a0}PICTURES",
        "Body",
        "Load-Date:\u{a0}July 3, 2019",
        "\nEnd of Document",
    ];

    #[test]
    fn documents_fields_and_body() {
        let p = parse_file(&docx(EXPORT), 1 << 20).unwrap();
        assert_eq!(p.drafts.len(), 1);
        let d = &p.drafts[0];
        assert_eq!(d.title.as_deref(), Some("Council approves budget"));
        assert_eq!(d.source.as_deref(), Some("The Daily Post (London)"));
        assert_eq!(d.date.unwrap().to_rfc3339(), "2019-07-01T09:20:00+00:00");
        assert_eq!(d.byline.as_deref(), Some("Jane Doe and John Roe"));
        assert_eq!(d.section.as_deref(), Some("POLITICS"));
        assert_eq!(d.language.as_deref(), Some("ENGLISH"));
        assert_eq!(
            d.body,
            "The council approved the budget.\n\nWashington: it passed 7-2."
        );
        assert_eq!(p.problems.len(), 1);
        assert!(p.problems[0]
            .reason
            .contains("Nexis document 2 (Photo of the week) has no body text"));
    }

    #[test]
    fn another_word_document_is_one_article() {
        let p = parse_file(&docx(&["Flood warning issued", "The river rose."]), 1 << 20).unwrap();
        assert_eq!(p.drafts.len(), 1);
        assert_eq!(p.drafts[0].title.as_deref(), Some("Flood warning issued"));
        assert_eq!(p.drafts[0].body, "The river rose.");
        assert!(parse_file(&docx(&["", " "]), 1 << 20).is_err());
        assert_eq!(
            parse_file(b" \n", 1 << 20).unwrap_err(),
            "empty file (no text)"
        );
    }

    #[test]
    fn no_date_line_and_no_cover() {
        let lines: Vec<String> = [
            "Headline",
            "Wire",
            "Byline:\u{a0}By Ann Lee",
            "Body",
            "Text.",
            END,
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        let d = &parse_lines(&lines).drafts[0];
        assert_eq!(d.title.as_deref(), Some("Headline"));
        assert_eq!(d.source.as_deref(), Some("Wire"));
        assert_eq!(d.date, None);
        assert_eq!(d.byline.as_deref(), Some("Ann Lee"));
        assert_eq!(d.body, "Text.");
    }
}
