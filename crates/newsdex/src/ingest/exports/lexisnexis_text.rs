//! LexisNexis Academic plain-text batch exports, and the reading of one
//! LexisNexis document that the HTML export ([`super::lexisnexis_html`])
//! shares.
//!
//! A batch opens with a cover (`Download Request: Selected Items: 1-10`,
//! `Time Of Request: ...`, `Send To:`, `Terms:`), dropped whole: the
//! request time is never a document's date. Each document starts at a
//! line that is only `N of M DOCUMENTS` (`Dokument N von M`, `Document N
//! de M`) and reads, in blocks between blank lines:
//!
//! ```text
//!                       1 of 10 DOCUMENTS
//!                         Guardian.com              publication → source
//!                   January 11, 2010 Monday         date (edition lines under it)
//! Lorem ipsum dolor sit amet                        headline (may wrap)
//! BYLINE: Andrew Sparrow                            header fields
//! SECTION: FEATURES; Pg. 6
//! LENGTH: 355 words
//! Lorem ipsum dolor sit amet, consectetur ...       body paragraphs
//! LOAD-DATE: January 11, 2010                       trailer fields
//! LANGUAGE: ENGLISH
//! PUBLICATION-TYPE: Newspaper
//!                Copyright 2010 Guardian Unlimited  copyright
//! ```
//!
//! Fields are labels in capitals, in the language of the LexisNexis
//! interface (`RUBRIQUE:`, `LONGUEUR:`, `SPRACHE:`). `BYLINE` gives the
//! byline, `SECTION` the section without its page (`FEATURES`),
//! `LANGUAGE` the language as given (`ENGLISH`), `LOAD-DATE` the date
//! only when the date line has none; the other labels (`LENGTH`,
//! `GRAPHIC`, `PUBLICATION-TYPE`, `JOURNAL-CODE`, subject and company
//! codes ...) are dropped, and no label is ever body text. The body ends
//! at the first trailer label; copyright lines after it go too.

use super::blocks::{text_blocks, Block};
use super::fields::{byline_of, label_field, language_of, section_of, split_label, Field};
use super::{body_of, document_number, export_date, is_copyright, push_document};
use crate::article::Draft;
use crate::ingest::sgml::paragraphs;
use crate::ingest::ParsedFile;
use crate::text::collapse_ws;

/// Parses a LexisNexis Academic TXT export: one draft per document, in
/// order, `line` at its `N of M DOCUMENTS` line.
pub fn parse(text: &str) -> Result<ParsedFile, String> {
    let lines: Vec<&str> = text.lines().collect();
    let starts: Vec<usize> = (0..lines.len())
        .filter(|&i| document_number(lines[i]).is_some())
        .collect();
    if starts.is_empty() {
        return Err("no `N of M DOCUMENTS` line: not a LexisNexis export".to_string());
    }
    let mut parsed = ParsedFile::default();
    for (k, &start) in starts.iter().enumerate() {
        let end = starts.get(k + 1).copied().unwrap_or(lines.len());
        let blocks = text_blocks(lines[start + 1..end].iter().copied());
        let mut draft = read_document(&blocks);
        draft.line = start as u64 + 1;
        push_document(&mut parsed, draft, k + 1, "LexisNexis");
    }
    Ok(parsed)
}

/// `(label, value)` when a block opens with a label in capitals
/// (`LOAD-DATE: January 11, 2010`); the value runs on over the block's
/// other lines.
fn caps_label(block: &Block) -> Option<(&str, String)> {
    let (label, value) = split_label(block.first()?)?;
    let caps = label.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && label
            .chars()
            .all(|c| c.is_uppercase() || c == '-' || c == ' ');
    if !caps {
        return None;
    }
    let mut value = value.to_string();
    for line in &block[1..] {
        value.push(' ');
        value.push_str(line);
    }
    Some((label, collapse_ws(&value)))
}

/// The field a block is, when it is a known label ([`label_field`]). A
/// label in capitals that is not known is body text (`OBAMA: we will
/// act`), unless a known header label follows it with only labels between
/// (`BYLINE: ...`, `EDITION: ...`, `LENGTH: ...`).
fn known(block: &Block) -> Option<(Field, String)> {
    let (label, value) = caps_label(block)?;
    Some((label_field(label)?, value))
}

fn is_trailer(block: &Block) -> bool {
    known(block).is_some_and(|(f, _)| !f.in_header())
}

/// An edition line under the date (`Edition 1;`, `Late Edition - Final`)
/// when a blank line parted them.
fn is_edition(block: &Block) -> bool {
    let text = block.join(" ");
    block.len() <= 2
        && text.split_whitespace().count() <= 6
        && (text.to_lowercase().contains("edition") || text.ends_with(';'))
}

/// One document's blocks (its `N of M DOCUMENTS` line left out) as a
/// draft; `line` is the caller's. The body may come out empty (a graphic
/// or an error page): the caller reports that.
pub(super) fn read_document(blocks: &[Block]) -> Draft {
    let mut draft = Draft::default();
    // The publication, then the date line: the first of the opening
    // blocks with a date in it (a headline's date comes after).
    let dated = blocks
        .iter()
        .take(4)
        .position(|b| known(b).is_none() && export_date(&b[0]).is_some());
    let mut at = match dated {
        Some(d) => {
            draft.date = export_date(&blocks[d][0]);
            d + 1
        }
        None => 1,
    };
    let opening = dated.unwrap_or(1).min(blocks.len());
    let mut headline: Vec<&str> = Vec::new();
    for (i, b) in blocks[..opening].iter().enumerate() {
        if known(b).is_some() {
            continue;
        }
        if i == 0 {
            draft.source = Some(b.join(" "));
        } else {
            headline.extend(b.iter().map(String::as_str));
        }
    }
    // The headline: the blocks up to the header's first known label, or
    // one block when no header label follows. A headline may look like a
    // label (`EXCLUSIVE: BANK FAILS`); only known labels end it.
    while dated.is_some()
        && blocks.len() > at + 1
        && is_edition(&blocks[at])
        && known(&blocks[at + 1]).is_none()
    {
        at += 1;
    }
    let rest = &blocks[at.min(blocks.len())..];
    let first_label = rest.iter().position(|b| known(b).is_some());
    let take = match first_label {
        Some(n) if !is_trailer(&rest[n]) => n,
        _ => usize::from(rest.first().is_some_and(|b| known(b).is_none())),
    };
    for b in &rest[..take] {
        headline.extend(b.iter().map(String::as_str));
    }
    let title = collapse_ws(&headline.join(" "));
    draft.title = (!title.is_empty()).then_some(title);
    read_fields_and_body(&rest[take..], &mut draft);
    draft
}

/// Whether a listed header label (`LENGTH:`) comes next among `rest`,
/// after labels only.
fn header_label_follows(rest: &[Block]) -> bool {
    for b in rest {
        match known(b) {
            Some((f, _)) if f.in_header() => return true,
            Some(_) => return false,
            None if caps_label(b).is_some() => continue,
            None => return false,
        }
    }
    false
}

/// The header fields, the body and the trailer of a document, from its
/// first block after the headline.
fn read_fields_and_body(blocks: &[Block], draft: &mut Draft) {
    let mut paras: Vec<String> = Vec::new();
    let mut load_date = None;
    let mut in_body = true;
    for (i, b) in blocks.iter().enumerate() {
        let field = known(b).or_else(|| {
            let (_, value) = caps_label(b).filter(|_| header_label_follows(&blocks[i + 1..]))?;
            Some((Field::Header, value))
        });
        let Some((field, value)) = field else {
            if in_body {
                paras.push(paragraphs(
                    &b.iter().map(String::as_str).collect::<Vec<_>>(),
                ));
            }
            continue;
        };
        match field {
            Field::Byline => draft.byline = byline_of(&value, draft.source.as_deref()),
            Field::Section => draft.section = section_of(&value),
            Field::Intro => paras.push(value),
            Field::Header => {}
            Field::Language => draft.language = language_of(&value),
            Field::LoadDate => load_date = export_date(&value),
            Field::Url => draft.url = Some(value),
            Field::Trailer => {}
        }
        if !field.in_header() {
            in_body = false;
        }
    }
    while paras.last().is_some_and(|p| is_copyright(p)) {
        paras.pop();
    }
    draft.body = body_of(&paras);
    draft.date = draft.date.or(load_date);
}

#[cfg(test)]
mod tests {
    use super::*;

    const EXPORT: &str = "\u{feff}\r\n\r\nDownload Request: Selected Items: 1-2\r\n\
        Time Of Request: Friday, March 20, 2018  16:51:31\r\n\r\nSend To:\r\n   LIBRARY\r\n\r\n\
        Terms: (Sample File)\r\n\r\n\r\n                1 of 2 DOCUMENTS\r\n\r\n\r\n\
        \x20                 The Sun (England)\r\n\r\n          January 11, 2010 Monday\r\n\
        \x20                 Edition 1;\r\n                  Scotland\r\n\r\n\
        EXCLUSIVE: Council approves budget after\r\nlong debate\r\n\r\nBYLINE: BY JANE DOE\r\n\r\n\
        SECTION: FEATURES; Pg. 6\r\n\r\nLENGTH: 355 words\r\n\r\n\
        The council approved the well-\r\nknown budget.\r\n\r\nIt passed 7-2.\r\n\r\n\
        LOAD-DATE: January 12, 2010\r\n\r\nLANGUAGE: ENGLISH\r\n\r\nGRAPHIC: A photo\r\n\r\n\
        URL: http://www.thesun.co.uk/budget\r\n\r\n\
        PUBLICATION-TYPE: Newspaper\r\n\r\n\r\n      Copyright 2010 News Group\r\n\
        \x20     All Rights Reserved\r\n\r\n                2 of 2 DOCUMENTS\r\n\r\n\
        \x20           Guardian\r\n\r\nHeadline only\r\n\r\nLENGTH: 0 words\r\n\r\n\
        LOAD-DATE: January 9, 2010\r\n";

    #[test]
    fn documents_fields_and_body() {
        let p = parse(EXPORT).unwrap();
        assert_eq!(p.drafts.len(), 1);
        let d = &p.drafts[0];
        assert_eq!(d.line, 12);
        assert_eq!(
            d.title.as_deref(),
            Some("EXCLUSIVE: Council approves budget after long debate")
        );
        assert_eq!(d.source.as_deref(), Some("The Sun (England)"));
        assert_eq!(d.date.unwrap().to_rfc3339(), "2010-01-11T00:00:00+00:00");
        assert_eq!(d.byline.as_deref(), Some("Jane Doe"));
        assert_eq!(d.section.as_deref(), Some("FEATURES"));
        assert_eq!(d.language.as_deref(), Some("ENGLISH"));
        assert_eq!(d.url.as_deref(), Some("http://www.thesun.co.uk/budget"));
        assert_eq!(
            d.body,
            "The council approved the well-known budget.\n\nIt passed 7-2."
        );
        // The second has no body: reported with its line, never indexed.
        assert_eq!(p.problems.len(), 1);
        assert_eq!(p.problems[0].line, 49);
        assert!(p.problems[0].reason.contains("document 2 (Headline only)"));
    }

    #[test]
    fn no_headline_no_labels_and_load_date_fallback() {
        let text = "1 of 1 DOCUMENTS\n\nDaily Planet\n\nSECTION: Pg. 12\n\nEDITION: Late\n\n\
            LENGTH: 9 words\n\n\
            OBAMA: we will act.\n\nMore text.\n\nLOAD-DATE: 3 April 2013\n\nMATP\n\nCopyright 2013";
        let d = &parse(text).unwrap().drafts[0];
        assert_eq!(d.title, None);
        assert_eq!(d.section, None);
        assert_eq!(d.date.unwrap().to_rfc3339(), "2013-04-03T00:00:00+00:00");
        assert_eq!(d.body, "OBAMA: we will act.\n\nMore text.");
        // No label at all: the first block is the headline, the rest text.
        let d = &parse("1 of 1 DOCUMENTS\n\nWire\n\nMay 3, 2016\n\nHead\n\nText.")
            .unwrap()
            .drafts[0];
        assert_eq!(
            (d.title.as_deref(), d.body.as_str()),
            (Some("Head"), "Text.")
        );
    }

    #[test]
    fn not_an_export_and_odd_input() {
        assert!(parse("Just an article\n\nText.").is_err());
        let p = parse("3 of 3 DOCUMENTS\n").unwrap();
        assert!(p.drafts.is_empty());
        assert_eq!(p.problems.len(), 1);
        let p = parse("1 of 1 DOCUMENTS\n\nBYLINE:\n\nLOAD-DATE:\n\n:\n\n\u{a0}").unwrap();
        assert!(p.drafts.is_empty());
    }
}
