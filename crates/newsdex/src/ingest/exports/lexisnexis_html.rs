//! LexisNexis Academic HTML exports: the same documents as the plain-text
//! export ([`super::lexisnexis_text`]), each between comments that hide
//! LexisNexis' XML markers from the browser:
//!
//! ```text
//! <!-- Hide XML section from browser <DOC NUMBER=1> <DOCFULL> -->
//! <BR><DIV CLASS="c0"><P><SPAN>1 of 2 DOCUMENTS</SPAN></P></DIV>
//! <BR><DIV CLASS="c3"><P><SPAN>Some Newspaper</SPAN></P></DIV>
//! <BR><DIV CLASS="c3"><P><SPAN>December</SPAN><SPAN> 19, 1991, Sunday</SPAN></P></DIV>
//! <BR><DIV CLASS="c5"><P><SPAN CLASS="c7">Heading One</SPAN></P></DIV>
//! <BR><DIV CLASS="c5"><P><SPAN CLASS="c8">BYLINE: </SPAN><SPAN>By PAPER AUTHOR</SPAN></P></DIV>
//! ...
//! <!-- Hide XML section from browser </DOCFULL> </DOC> -->
//! ```
//!
//! Each section is parsed on its own (scraper), turned into blocks
//! ([`super::blocks::html_blocks`]: a `<P>` a block, a `<BR>` a line, a
//! table row a line) and read like a plain-text document. The cover
//! (`Download Request`, the logo) sits before the first section and is
//! never read; a section LexisNexis could not render ("We are sorry but
//! there is an error in this document") has no body and is reported. A
//! file without the comments is split at its `N of M DOCUMENTS` blocks.

use std::sync::LazyLock;

use regex::Regex;
use scraper::Html;

use super::blocks::{html_blocks, Block};
use super::lexisnexis_text::read_document;
use super::{document_number, push_document, LineCounter};
use crate::ingest::ParsedFile;

/// Parses a LexisNexis HTML export: one draft per document, `line` at its
/// `<DOC NUMBER=..>` comment (or its `N of M DOCUMENTS` text).
pub fn parse(text: &str) -> Result<ParsedFile, String> {
    let sections = doc_sections(text);
    if sections.is_empty() {
        return parse_unmarked(text);
    }
    let mut parsed = ParsedFile::default();
    let mut lines = LineCounter::new(text);
    for (k, (at, html)) in sections.into_iter().enumerate() {
        let page = Html::parse_fragment(html);
        let mut blocks = html_blocks(page.root_element(), |_| None);
        if blocks
            .first()
            .is_some_and(|b| document_number(&b[0]).is_some())
        {
            blocks.remove(0);
        }
        let mut draft = read_document(&blocks);
        draft.line = lines.line_of(at);
        push_document(&mut parsed, draft, k + 1, "LexisNexis");
    }
    Ok(parsed)
}

/// The documents' HTML: from each `<DOCFULL>` marker's comment end to the
/// next `</DOCFULL>` (or the next `<DOCFULL>`, or the end), with the
/// offset of the comment that opens it.
fn doc_sections(text: &str) -> Vec<(usize, &str)> {
    // ASCII lower-casing keeps byte offsets.
    let lower = text.to_ascii_lowercase();
    let marks: Vec<usize> = lower.match_indices("<docfull>").map(|(i, _)| i).collect();
    let mut out = Vec::new();
    for (k, &mark) in marks.iter().enumerate() {
        let next = marks.get(k + 1).copied().unwrap_or(text.len());
        let start = match lower[mark..next].find("-->") {
            Some(c) => mark + c + 3,
            None => mark + "<docfull>".len(),
        };
        let end = lower[start..next]
            .find("</docfull>")
            .map_or(next, |e| start + e);
        let opens = lower[..mark].rfind("<!--").unwrap_or(mark);
        out.push((opens, &text[start..end]));
    }
    out
}

/// `N of M DOCUMENTS` anywhere in the page source, for the lines of a
/// file without `<DOCFULL>` markers.
static DOCUMENT_TEXT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\d+ of \d+ DOCUMENTS?|(?:Dokument|Document) \d+ (?:von|de) \d+")
        .expect("valid regex")
});

/// A page with no `<DOCFULL>` markers: its blocks split at each `N of M
/// DOCUMENTS` block, what comes before the first (the cover) dropped.
fn parse_unmarked(text: &str) -> Result<ParsedFile, String> {
    let page = Html::parse_document(text);
    let blocks = html_blocks(page.root_element(), |_| None);
    let starts: Vec<usize> = (0..blocks.len())
        .filter(|&i| document_number(&blocks[i][0]).is_some())
        .collect();
    if starts.is_empty() {
        return Err("no LexisNexis documents (no <DOCFULL> section, no `N of M DOCUMENTS`)".into());
    }
    let mut lines = LineCounter::new(text);
    let mut offsets = DOCUMENT_TEXT.find_iter(text).map(|m| m.start());
    let mut parsed = ParsedFile::default();
    for (k, &start) in starts.iter().enumerate() {
        let end = starts.get(k + 1).copied().unwrap_or(blocks.len());
        let doc: &[Block] = &blocks[start + 1..end];
        let mut draft = read_document(doc);
        draft.line = offsets.next().map_or(1, |at| lines.line_of(at));
        push_document(&mut parsed, draft, k + 1, "LexisNexis");
    }
    Ok(parsed)
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = r#"<HTML><HEAD><STYLE>.c0 { text-align: center; }</STYLE>
<TITLE>&nbsp;</TITLE></HEAD><BODY>
<DIV CLASS="c5"><P><SPAN>Download Request: Selected Items: 1-2<BR>Time Of Request: Tuesday, October 15, 2019</SPAN></P></DIV>
<A NAME="DOC_ID_0_0"></A><!-- Hide XML section from browser
<DOC NUMBER=1>
<DOCFULL> -->
<BR><DIV CLASS="c0"><P CLASS="c1"><SPAN CLASS="c2">1 of 2 DOCUMENTS</SPAN></P>
</DIV>
<BR><DIV CLASS="c3"><BR><P CLASS="c1"><SPAN CLASS="c2">Some Newspaper</SPAN></P></DIV>
<BR><DIV CLASS="c3"><P CLASS="c1"><SPAN CLASS="c4">January</SPAN><SPAN CLASS="c2"> 28, 1993, Tuesday, Late Edition - Final<BR>Correction Appended</SPAN></P></DIV>
<BR><DIV CLASS="c5"><P CLASS="c6"><SPAN CLASS="c7">First part;<BR>Second part</SPAN></P></DIV>
<BR><DIV CLASS="c5"><P CLASS="c6"><SPAN CLASS="c8">BYLINE: </SPAN><SPAN CLASS="c2">By PAPER AUTHOR</SPAN></P></DIV>
<BR><DIV CLASS="c5"><P CLASS="c6"><SPAN CLASS="c8">SECTION: </SPAN><SPAN CLASS="c2">Section B; Page 22, Column 2; National Desk</SPAN></P></DIV>
<BR><DIV CLASS="c5"><P CLASS="c9"><SPAN CLASS="c2">A list:<BR>&nbsp;<BR>Category 1</SPAN></P>
<P CLASS="c9"><SPAN CLASS="c2">Blah &quot;blah&quot;.</SPAN></P></DIV>
<BR><DIV CLASS="c5"><P CLASS="c6"><SPAN CLASS="c8">LANGUAGE: </SPAN><SPAN CLASS="c2">ENGLISH</SPAN></P></DIV>
<BR><DIV CLASS="c5"><P CLASS="c6"><SPAN CLASS="c8"> CORRECTION:<BR></SPAN></P><P CLASS="c9"><SPAN CLASS="c2">Some correction.</SPAN></P></DIV>
<BR><DIV CLASS="c3"><P CLASS="c1"><SPAN CLASS="c2">Copyright 1990 My Company</SPAN></P></DIV>
<!-- Hide XML section from browser
</DOCFULL>
</DOC> -->
<A NAME="DOC_ID_2_0"></A><!-- Hide XML section from browser
<DOC NUMBER=1>
<DOCFULL> -->
<BR><DIV CLASS="c5"><P CLASS="c6"><SPAN CLASS="c2">We are sorry but there is an error in this document.</SPAN></P>
</DIV>
<!-- Hide XML section from browser
</DOCFULL>
</DOC> -->
</BODY></HTML>"#;

    #[test]
    fn sections_become_documents() {
        let p = parse(PAGE).unwrap();
        assert_eq!(p.drafts.len(), 1);
        let d = &p.drafts[0];
        assert_eq!(d.line, 4);
        assert_eq!(d.title.as_deref(), Some("First part; Second part"));
        assert_eq!(d.source.as_deref(), Some("Some Newspaper"));
        assert_eq!(d.date.unwrap().to_rfc3339(), "1993-01-28T00:00:00+00:00");
        assert_eq!(d.byline.as_deref(), Some("Paper Author"));
        assert_eq!(d.section.as_deref(), Some("Section B"));
        assert_eq!(d.language.as_deref(), Some("ENGLISH"));
        assert_eq!(d.body, "A list:\n\nCategory 1\n\nBlah \"blah\".");
        assert_eq!(p.problems.len(), 1);
        assert_eq!(p.problems[0].line, 22);
    }

    #[test]
    fn a_page_without_markers_splits_at_document_lines() {
        let page = "<html><body><p>Download Request: 1-1</p><p>1 of 1 DOCUMENTS</p>\
            <p>Wire</p><p>May 3, 2016</p><p>Head</p><p>LENGTH: 2 words</p><p>Two words.</p></body></html>";
        let p = parse(page).unwrap();
        assert_eq!(p.drafts.len(), 1);
        assert_eq!(p.drafts[0].title.as_deref(), Some("Head"));
        assert_eq!(p.drafts[0].body, "Two words.");
        assert!(parse("<html><body><p>Nothing</p></body></html>").is_err());
    }
}
