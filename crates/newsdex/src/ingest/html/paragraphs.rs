//! Paragraphs from the text the body walk meets: lines and `<br>` breaks
//! gathered into paragraphs, and the ones kept that read as article text
//! (not link lists, labels, datelines or bare links). Fed by
//! [`super::body`].

use std::sync::LazyLock;

use regex::Regex;

use crate::ingest::byline::looks_like_url;
use crate::text::collapse_ws;

/// Text outside any paragraph-like element is kept only when at least this
/// long, so that labels, dates and button text stay out of the body.
pub(super) const MIN_LOOSE_TEXT: usize = 100;

/// A paragraph whose text is mostly link text is a link list, not prose.
const MAX_LINK_DENSITY: f64 = 0.8;

/// Builds paragraphs from text as the walk meets it.
#[derive(Default)]
pub(super) struct Collector {
    paras: Vec<String>,
    /// Finished lines of the current paragraph (`<br>` ends a line).
    lines: Vec<String>,
    line: String,
    /// Whether the current paragraph's text sits inside a block element.
    in_block: bool,
    chars: usize,
    link_chars: usize,
    /// Keep text outside block elements even when it does not look like
    /// prose: used for a fragment already known to be the article (JSON-LD
    /// markup) and for bare pages where the strict pass found nothing.
    lenient: bool,
}

impl Collector {
    /// A collector; `lenient` as in [`Collector::lenient`].
    pub(super) fn new(lenient: bool) -> Self {
        Collector {
            lenient,
            ..Collector::default()
        }
    }

    /// A table cell: on the row's line, apart from the cell before it.
    pub(super) fn cell(&mut self) {
        self.line.push(' ');
    }

    /// Ends the last paragraph and gives them all.
    pub(super) fn finish(mut self) -> Vec<String> {
        self.flush();
        self.paras
    }

    pub(super) fn text(&mut self, s: &str, in_block: bool, in_link: bool, in_pre: bool) {
        if s.trim().is_empty() {
            self.line.push(' ');
            return;
        }
        self.in_block |= in_block;
        let n = s.trim().len();
        self.chars += n;
        if in_link {
            self.link_chars += n;
        }
        if in_pre {
            let mut parts = s.split('\n');
            if let Some(first) = parts.next() {
                self.line.push_str(first);
            }
            for part in parts {
                self.lines.push(std::mem::take(&mut self.line));
                self.line.push_str(part);
            }
        } else {
            self.line.push_str(s);
        }
    }

    /// `<br>`: a line break; two in a row end the paragraph.
    pub(super) fn line_break(&mut self) {
        if self.line.trim().is_empty() && self.lines.iter().any(|l| !l.trim().is_empty()) {
            self.flush();
        } else {
            self.lines.push(std::mem::take(&mut self.line));
        }
    }

    pub(super) fn flush(&mut self) {
        self.lines.push(std::mem::take(&mut self.line));
        let text = self
            .lines
            .drain(..)
            .map(|l| collapse_ws(&l))
            .filter(|l| !l.is_empty())
            .collect::<Vec<_>>()
            .join("\n");
        let keep = !text.is_empty()
            && (self.in_block || self.lenient || is_prose(&text))
            && (self.link_chars as f64) <= MAX_LINK_DENSITY * self.chars as f64
            && !is_filler(&text)
            && self.paras.last() != Some(&text);
        if keep {
            self.paras.push(text);
        }
        self.in_block = false;
        self.chars = 0;
        self.link_chars = 0;
    }
}

/// Whether text found outside any paragraph element reads like prose rather
/// than a label, date or button: long, or a sentence of several words.
fn is_prose(text: &str) -> bool {
    if text.len() >= MIN_LOOSE_TEXT {
        return true;
    }
    let sentence_end = text
        .trim_end()
        .ends_with(['.', '!', '?', '"', '”', '’', '\'', ')', '。']);
    text.len() >= 40 && text.split_whitespace().count() >= 6 && sentence_end
}

/// Words a dateline is made of besides numbers: "Updated: 18 Nov 2019,
/// 19:11", "Nov 18, 2019 at 9:24 pm ET • 2 min read".
static DATELINE_WORD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(?:\d+(?:st|nd|rd|th)?|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*|(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*|updated?|published|posted|last|modified|at|on|am|pm|a|p|m|et|gmt|utc|bst|est|edt|cst|cdt|pst|pdt|ist|cet|cest|min|mins|minute|minutes|read|time|hours?|ago)$",
    )
    .expect("valid regex")
});
static WORDS: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\w+").expect("valid regex"));

/// A line that only dates the page (publication or update time, reading
/// time): page furniture, not article text.
fn is_dateline(text: &str) -> bool {
    text.len() < 100
        && text.bytes().any(|b| b.is_ascii_digit())
        && text.chars().any(char::is_alphabetic)
        && WORDS
            .find_iter(text)
            .all(|w| DATELINE_WORD.is_match(w.as_str()))
}

/// Labels publishers put between paragraphs, datelines, and bare links.
fn is_filler(text: &str) -> bool {
    if is_dateline(text) || (!text.contains(char::is_whitespace) && looks_like_url(text)) {
        return true;
    }
    text.len() < 60
        && matches!(
            text.to_lowercase().trim_end_matches(['.', ':', '…']),
            "advertisement"
                | "advertisements"
                | "ad"
                | "story continues below advertisement"
                | "continue reading the main story"
                | "continue reading"
                | "read more"
                | "supported by"
                | "share this article"
                | "share"
                | "related"
                | "comments"
                | "this slideshow requires javascript"
        )
}
