//! Plain-text articles: headline on the first non-empty line, then optional
//! metadata lines (a dateline such as `Updated`, `Published 5 May 2016`, a
//! `By ...` byline), then paragraphs separated by blank lines.
//!
//! Archive and database exports write a header block instead: `Key: value`
//! lines at the top (`Title:`, `Headline:`, `Date:`, `Published:`,
//! `Author:`, `Byline:`, `By:`, `Source:`, `Publication:`, `Section:`,
//! `URL:`, `Length:`; keys case-insensitive), ending at the first blank line
//! or the first line that is not such a line. They become
//! fields, never body text (`Length:` is dropped). The block must start on
//! the first line and with a known key, so a story opening with
//! `Washington: the president said` keeps that line as its headline. With no
//! `Title:` in the block, the headline is the first line after it.
//!
//! Scraped collections such as the livedoor news corpus open with the page's
//! address instead: a first line that is a bare `http(s)://` URL is the
//! article's url, a date line under it its date, and the next line the
//! headline (`url_lead`).
//!
//! Page furniture that copy-pasted or scraped text carries (`Advertisement`,
//! `Share this article`, `Image caption ...`) is dropped wherever it appears.
//! Hard-wrapped paragraphs are re-joined; paragraph breaks are kept as `\n\n`.
//! HTML entities (`&#233;`, `&amp;`) are decoded first
//! ([`super::html::decode_entities`]).

use super::ParsedFile;
use crate::article::Draft;
use crate::dates;

/// Parses one plain-text article.
pub fn parse(text: &str) -> Result<ParsedFile, String> {
    // Exports scraped from web pages keep entities (`Jos&#233; Manuel
    // Barroso` in 22 BBC files): decoded before any line is read, so names
    // and words are searchable as written.
    let decoded;
    let text = if text.contains('&') {
        decoded = super::html::decode_entities(text);
        decoded.as_str()
    } else {
        text
    };
    let mut lines = text.lines().map(str::trim).peekable();
    while lines.peek() == Some(&"") {
        lines.next();
    }
    let header = read_header(&mut lines);
    let mut draft = Draft {
        line: 1,
        ..Draft::default()
    };
    // Kept with its zone until the end, where the header's wins.
    let mut date = None;
    if !header.found {
        (draft.url, date) = url_lead(&mut lines);
    }
    let mut overlong = None;
    match header.title {
        Some(_) => draft.title = header.title.clone(),
        None => {
            let first = loop {
                match lines.next() {
                    Some("") => continue,
                    Some(line) => break line,
                    None if header.found => {
                        return Err("header block but no article text".to_string())
                    }
                    None => return Err("empty file (no text)".to_string()),
                }
            };
            // A first line far longer than any headline is text with no
            // line breaks (or a paragraph with no headline): it stays in
            // the body, and the headline is its opening words.
            draft.title = Some(match headline_of_long_line(first) {
                Some(t) => {
                    overlong = Some(first);
                    t
                }
                None => first.to_string(),
            });
        }
    }

    // Metadata lines directly under the headline (blank lines between them
    // are allowed): at most three, and only while they look like metadata.
    let mut meta_seen = 0;
    while meta_seen < 3 {
        while lines.peek() == Some(&"") {
            lines.next();
        }
        let Some(&line) = lines.peek() else { break };
        if let Some(date_line) = dateline(line) {
            if date.is_none() {
                date = dates::find_dated(date_line);
            }
        } else if let Some(by) = byline(line) {
            draft.byline = Some(by.to_string());
        } else if is_furniture(line) {
            // Furniture between headline and text, e.g. "Share this article".
        } else {
            break;
        }
        lines.next();
        meta_seen += 1;
    }

    let mut paragraphs: Vec<String> = Vec::new();
    let mut current = String::new();
    if let Some(line) = overlong {
        paragraphs.push(line.to_string());
    }
    for line in lines {
        if line.is_empty() {
            if !current.is_empty() {
                paragraphs.push(std::mem::take(&mut current));
            }
            continue;
        }
        if is_furniture(line) {
            continue;
        }
        if !current.is_empty() {
            current.push(' ');
        }
        current.push_str(line);
    }
    if !current.is_empty() {
        paragraphs.push(current);
    }
    draft.body = paragraphs.join("\n\n");
    // The header's fields win over what lines under the headline said.
    draft.set_date(header.date.or(date));
    draft.byline = header.byline.or(draft.byline);
    draft.source = header.source;
    draft.section = header.section;
    draft.url = header.url.or(draft.url);
    Ok(ParsedFile {
        drafts: vec![draft],
        ..ParsedFile::default()
    })
}

/// What a header block field fills.
#[derive(Debug, Clone, Copy, PartialEq)]
enum HeaderKey {
    Title,
    Date,
    Byline,
    Source,
    Section,
    Url,
    /// Known, not kept: `Length: 523 words`.
    Dropped,
}

/// The keys of a header block, lower-cased.
const HEADER_KEYS: &[(&str, HeaderKey)] = &[
    ("title", HeaderKey::Title),
    ("headline", HeaderKey::Title),
    ("date", HeaderKey::Date),
    ("published", HeaderKey::Date),
    ("author", HeaderKey::Byline),
    ("byline", HeaderKey::Byline),
    ("by", HeaderKey::Byline),
    ("source", HeaderKey::Source),
    ("publication", HeaderKey::Source),
    ("section", HeaderKey::Section),
    ("url", HeaderKey::Url),
    ("length", HeaderKey::Dropped),
];

/// The url and date of a file that opens with its page's address (the
/// livedoor layout: URL, ISO date, headline, body), consumed from `lines`
/// (whose next line is the first non-blank one). A URL line with no text
/// after it is left alone, to be the headline as any first line is; so is
/// everything when the first line is not a bare `http(s)://` URL.
fn url_lead<'a, I>(lines: &mut std::iter::Peekable<I>) -> (Option<String>, Option<dates::Dated>)
where
    I: Iterator<Item = &'a str> + Clone,
{
    let Some(&first) = lines.peek() else {
        return (None, None);
    };
    if !super::fields::looks_like_url(first) {
        return (None, None);
    }
    let mut after = lines.clone().skip(1).filter(|l| !l.is_empty());
    let Some(next) = after.next() else {
        return (None, None);
    };
    let date = dateline(next).and_then(dates::find_dated);
    if date.is_some() && after.next().is_none() {
        // A URL and a date and nothing else: no headline to take.
        return (None, None);
    }
    lines.next();
    if date.is_some() {
        while lines.peek() == Some(&"") {
            lines.next();
        }
        lines.next();
    }
    (Some(first.to_string()), date)
}

/// The fields of a header block.
#[derive(Debug, Default)]
struct Header {
    /// Whether the file opens with a header block at all.
    found: bool,
    title: Option<String>,
    date: Option<dates::Dated>,
    byline: Option<String>,
    source: Option<String>,
    section: Option<String>,
    url: Option<String>,
}

/// `(key, value)` when `line` is `Key: value` with a known key.
fn header_line(line: &str) -> Option<(HeaderKey, &str)> {
    let (key, value) = line.split_once(':')?;
    let key = key.trim();
    let (_, field) = HEADER_KEYS
        .iter()
        .find(|(k, _)| k.eq_ignore_ascii_case(key))?;
    Some((*field, value.trim()))
}

/// Reads the header block at the top of a file (its first non-blank line
/// comes next in `lines`): `Key: value` lines with known keys, up to a
/// blank line (consumed) or the first other line (left for the body).
/// Repeated `Author:` lines are joined with `, `; a later `Title:` does not
/// replace the first.
fn read_header<'a, I: Iterator<Item = &'a str>>(lines: &mut std::iter::Peekable<I>) -> Header {
    let mut h = Header::default();
    while let Some(&line) = lines.peek() {
        if line.is_empty() {
            if h.found {
                lines.next();
            }
            break;
        }
        let Some((key, value)) = header_line(line) else {
            break;
        };
        lines.next();
        h.found = true;
        let value = (!value.is_empty()).then(|| value.to_string());
        match key {
            HeaderKey::Title => h.title = h.title.take().or(value),
            HeaderKey::Date => {
                h.date = h
                    .date
                    .or_else(|| value.as_deref().and_then(dates::parse_dated))
            }
            HeaderKey::Byline => {
                let value = value.map(|v| strip_by(&v).to_string());
                h.byline = match (h.byline.take(), value) {
                    (Some(a), Some(b)) => Some(format!("{a}, {b}")),
                    (a, b) => a.or(b),
                }
            }
            HeaderKey::Source => h.source = h.source.take().or(value),
            HeaderKey::Section => h.section = h.section.take().or(value),
            HeaderKey::Url => h.url = h.url.take().or(value),
            HeaderKey::Dropped => {}
        }
    }
    h
}

/// A byline value without a leading `By ` (`Byline: By Jane Doe`).
fn strip_by(s: &str) -> &str {
    match s.get(..3) {
        Some(by) if by.eq_ignore_ascii_case("by ") => s[3..].trim_start(),
        _ => s,
    }
}

/// Longest first line taken whole as the headline, in characters.
const MAX_HEADLINE_CHARS: usize = 300;

/// For a first line over [`MAX_HEADLINE_CHARS`], a headline made of its
/// first sentence or, failing that, its first 200 characters cut at a word,
/// with `…`. `None` for a line of headline length.
fn headline_of_long_line(line: &str) -> Option<String> {
    if line.chars().count() <= MAX_HEADLINE_CHARS {
        return None;
    }
    let head: String = line.chars().take(200).collect();
    if let Some(end) = head.find(". ").filter(|&e| e >= 20) {
        return Some(head[..=end].to_string());
    }
    let cut = head.rfind(' ').filter(|&c| c >= 100).unwrap_or(head.len());
    Some(format!("{}…", head[..cut].trim_end()))
}

/// The text of a dateline if `line` is one: `Updated`, `Posted 3 May`,
/// `Published 5 May 2016`, `Last updated: ...`, or a line that is just a date.
fn dateline(line: &str) -> Option<&str> {
    const LEADS: [&str; 6] = [
        "updated",
        "last updated",
        "posted",
        "published",
        "first published",
        "date:",
    ];
    let lower = line.to_ascii_lowercase();
    for lead in LEADS {
        if let Some(rest) = lower.strip_prefix(lead) {
            // "Updated" alone, or followed by punctuation / space and a date;
            // not a sentence like "Updated figures show ...".
            let rest_trim = rest.trim_start_matches([':', ' ', '-', '\u{2013}']);
            if rest.is_empty()
                || dates::find_date(rest_trim).is_some()
                || (rest.starts_with([':', ' ']) && line.split_whitespace().count() <= 3)
            {
                return Some(&line[line.len() - rest.len()..]);
            }
        }
    }
    // A short line that is only a date (and maybe a time and zone).
    let words = line.split_whitespace().count();
    if words <= 8 && dates::find_date(line).is_some() && !line.ends_with('.') {
        let letters = line.chars().filter(|c| c.is_alphabetic()).count();
        if letters <= 24 {
            return Some(line);
        }
    }
    None
}

/// The author names if `line` is a byline such as `By Jane Smith`.
fn byline(line: &str) -> Option<&str> {
    let rest = line
        .strip_prefix("By ")
        .or_else(|| line.strip_prefix("BY "))?;
    let words = rest.split_whitespace().count();
    let looks_like_names = rest
        .split_whitespace()
        .next()
        .is_some_and(|w| w.starts_with(|c: char| c.is_uppercase()));
    (words > 0 && words <= 8 && looks_like_names && !rest.ends_with('.')).then_some(rest.trim())
}

/// Page furniture: lines that are part of the page, not of the article.
fn is_furniture(line: &str) -> bool {
    const EXACT: [&str; 16] = [
        "advertisement",
        "advertisements",
        "share this article",
        "share this",
        "share",
        "related stories",
        "related topics",
        "related articles",
        "more on this story",
        "media playback is unsupported on your device",
        "continue reading the main story",
        "story continues below advertisement",
        "skip advertisement",
        "read more",
        "top stories",
        "sponsored content",
    ];
    const PREFIXES: [&str; 4] = [
        "image caption",
        "image copyright",
        "getty images",
        "media caption",
    ];
    let lower = line.to_lowercase();
    let lower = lower.trim_end_matches([':', '.']);
    EXACT.contains(&lower) || PREFIXES.iter().any(|p| lower.starts_with(p))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_entities_are_decoded() {
        let p = parse("Barroso&#8217;s plan\n\nJos&#233; Manuel Barroso &amp; Josep Borrell met.")
            .unwrap();
        let d = &p.drafts[0];
        assert_eq!(d.title.as_deref(), Some("Barroso’s plan"));
        assert_eq!(d.body, "José Manuel Barroso & Josep Borrell met.");
    }

    #[test]
    fn a_file_on_one_long_line_keeps_its_text_and_gets_a_short_headline() {
        let line = "Quarry blasting shook the village again on Monday. ".repeat(100);
        let p = parse(&line).unwrap();
        let d = &p.drafts[0];
        assert_eq!(
            d.title.as_deref(),
            Some("Quarry blasting shook the village again on Monday.")
        );
        assert_eq!(d.body, line.trim());

        let words = "word ".repeat(1000);
        let p = parse(&words).unwrap();
        let title = p.drafts[0].title.clone().unwrap();
        assert!(
            title.ends_with("word…") && title.chars().count() <= 201,
            "{title}"
        );
    }

    const SEED: &str = "Jeremy Corbyn and Sadiq Khan unite for mayoral campaign after loyalty list leak\n\nUpdated\n\nJeremy Corbyn and Sadiq Khan sought to show a united front.\n\nMr Khan joked.\n\n\"Jeremy Corbyn's name is not on the ballot paper.\"\n\nAdvertisement";

    fn one(text: &str) -> Draft {
        let mut p = parse(text).unwrap();
        assert_eq!(p.drafts.len(), 1);
        p.drafts.remove(0)
    }

    #[test]
    fn seed_layout_drops_dateline_and_furniture() {
        let d = one(SEED);
        assert_eq!(
            d.title.as_deref(),
            Some("Jeremy Corbyn and Sadiq Khan unite for mayoral campaign after loyalty list leak")
        );
        assert!(!d.body.contains("Updated"));
        assert!(!d.body.contains("Advertisement"));
        assert!(d.body.starts_with("Jeremy Corbyn and Sadiq Khan sought"));
        assert!(d.body.ends_with("ballot paper.\""));
        assert_eq!(d.body.matches("\n\n").count(), 2);
        assert_eq!(d.date, None);
    }

    #[test]
    fn datelines_give_dates() {
        let d = one("Headline\n\nPublished 5 May 2016\n\nText here.");
        assert_eq!(d.date.unwrap().to_rfc3339(), "2016-05-05T00:00:00+00:00");
        assert_eq!(d.body, "Text here.");
        let d = one("Headline\nUpdated May 3, 2016 10:04:11\n\nText here.");
        assert_eq!(d.date.unwrap().to_rfc3339(), "2016-05-03T10:04:11+00:00");
        assert_eq!(d.utc_offset, None, "no zone written, none kept");
        let d = one("Headline\nUpdated May 3, 2016 10:04 pm EDT\n\nText here.");
        assert_eq!(d.utc_offset, Some(-4 * 3600));
        let d = one("Date: 2016-05-03T01:00:00+09:00\n\nHeadline\n\nText here.");
        assert_eq!(d.date.unwrap().to_rfc3339(), "2016-05-02T16:00:00+00:00");
        assert_eq!(
            d.utc_offset,
            Some(9 * 3600),
            "a header's date keeps its zone"
        );
        let d = one("Headline\n\n3 May 2016\n\nBy Jane Smith\n\nText here.");
        assert_eq!(d.date.unwrap().to_rfc3339(), "2016-05-03T00:00:00+00:00");
        assert_eq!(d.byline.as_deref(), Some("Jane Smith"));
        assert_eq!(d.body, "Text here.");
    }

    #[test]
    fn sentences_that_start_like_metadata_stay_in_body() {
        let d = one("Headline\n\nUpdated figures show growth slowed in May.\n\nBy the end of the year, more.");
        assert!(d.body.starts_with("Updated figures show"));
        assert!(d.body.contains("By the end of the year"));
    }

    #[test]
    fn bbc_layout_and_wrapped_lines() {
        let d = one("Ad sales boost Time Warner profit\n\nQuarterly profits at US media giant\nTimeWarner jumped 76%.\n\nImage caption The firm's HQ\n\nThe firm said.\n");
        assert_eq!(
            d.title.as_deref(),
            Some("Ad sales boost Time Warner profit")
        );
        assert_eq!(
            d.body,
            "Quarterly profits at US media giant TimeWarner jumped 76%.\n\nThe firm said."
        );
    }

    #[test]
    fn header_block_gives_fields_not_body() {
        let d = one("Title: Council approves budget\nDate: 4 March 2020\nAUTHOR: By Jane Doe\nsource: Daily Post\nSection: Local\nURL: https://example.com/budget\nLength: 523 words\n\nThe council approved the budget.\n\nIt passed 7-2.\n");
        assert_eq!(d.title.as_deref(), Some("Council approves budget"));
        assert_eq!(d.date.unwrap().to_rfc3339(), "2020-03-04T00:00:00+00:00");
        assert_eq!(d.byline.as_deref(), Some("Jane Doe"));
        assert_eq!(d.source.as_deref(), Some("Daily Post"));
        assert_eq!(d.section.as_deref(), Some("Local"));
        assert_eq!(d.url.as_deref(), Some("https://example.com/budget"));
        assert_eq!(d.body, "The council approved the budget.\n\nIt passed 7-2.");

        // Headline, Published, Byline, By, Publication; the block ends at
        // the first line that is not a known key.
        let d = one("Headline: Dam opens\nPublished: 2019-04-28T10:04:00Z\nBy: Ann Lee\nByline: Bo Chan\nPublication: Wire\nThe dam opened on Sunday.\n");
        assert_eq!(d.title.as_deref(), Some("Dam opens"));
        assert_eq!(d.date.unwrap().to_rfc3339(), "2019-04-28T10:04:00+00:00");
        assert_eq!(d.byline.as_deref(), Some("Ann Lee, Bo Chan"));
        assert_eq!(d.source.as_deref(), Some("Wire"));
        assert_eq!(d.body, "The dam opened on Sunday.");

        // No Title: the first line after the block is the headline.
        let d =
            one("Date: 2020-03-04\nSource: AP\n\nCouncil approves budget\n\nThe council voted.");
        assert_eq!(d.title.as_deref(), Some("Council approves budget"));
        assert_eq!(d.source.as_deref(), Some("AP"));
        assert_eq!(d.body, "The council voted.");
        assert!(parse("Date: 2020-03-04\nLength: 3 words\n").is_err());
    }

    #[test]
    fn a_first_line_with_a_colon_is_not_a_header() {
        let d = one("Washington: the president said\n\nMore text.");
        assert_eq!(d.title.as_deref(), Some("Washington: the president said"));
        assert_eq!(d.body, "More text.");
        // A known key further down is body text.
        let d = one("Council approves budget\n\nSource: the council's minutes.\n\nTitle: Draft");
        assert_eq!(d.title.as_deref(), Some("Council approves budget"));
        assert_eq!(d.source, None);
        assert!(d.body.contains("Source: the council's minutes."));
        assert!(d.body.contains("Title: Draft"));
    }

    /// The livedoor news corpus: URL, ISO date with its zone, headline,
    /// then the body with no blank line under the headline.
    #[test]
    fn a_leading_url_line_is_the_url_and_the_date_under_it_the_date() {
        let d = one("http://news.livedoor.com/article/detail/6275633/\n2012-02-13T19:00:00+0900\nベインの最新ビジュアル公開\n\u{3000}本年度最高の興行収入は確実！？\n\n\u{3000}本作は続編。\n");
        assert_eq!(
            d.url.as_deref(),
            Some("http://news.livedoor.com/article/detail/6275633/")
        );
        assert_eq!(d.date.unwrap().to_rfc3339(), "2012-02-13T10:00:00+00:00");
        assert_eq!(d.utc_offset, Some(9 * 3600), "the zone is kept");
        assert_eq!(d.title.as_deref(), Some("ベインの最新ビジュアル公開"));
        assert_eq!(d.body, "本年度最高の興行収入は確実！？\n\n本作は続編。");

        // No date line: the line under the URL is the headline.
        let d = one("https://example.com/a/1\n\nDam opens\n\nThe dam opened.");
        assert_eq!(d.url.as_deref(), Some("https://example.com/a/1"));
        assert_eq!(d.title.as_deref(), Some("Dam opens"));
        assert_eq!(d.body, "The dam opened.");
        assert_eq!(d.date, None);

        // A URL with nothing (or only a date) under it stays the headline;
        // a header block's URL wins; a sentence with a link is no URL line.
        let d = one("https://example.com/a/1\n");
        assert_eq!(d.title.as_deref(), Some("https://example.com/a/1"));
        assert_eq!(d.url, None);
        let d = one("https://example.com/a/1\n2012-02-13T19:00:00+0900\n");
        assert_eq!(d.title.as_deref(), Some("https://example.com/a/1"));
        let d = one("URL: https://example.com/b\n\nhttps://example.com/a\n\nText.");
        assert_eq!(d.url.as_deref(), Some("https://example.com/b"));
        assert_eq!(d.title.as_deref(), Some("https://example.com/a"));
        let d = one("https://example.com/a says so\n\nText.");
        assert_eq!(d.title.as_deref(), Some("https://example.com/a says so"));
        assert_eq!(d.url, None);
    }

    #[test]
    fn headline_only_and_empty_files() {
        let d = one("Just a headline\n");
        assert_eq!(d.body, "");
        assert!(parse("").is_err());
        assert!(parse(" \n\t\n").is_err());
        let d = one("\r\nTitle\r\n\r\nBody line\r\n");
        assert_eq!(d.title.as_deref(), Some("Title"));
        assert_eq!(d.body, "Body line");
    }
}
