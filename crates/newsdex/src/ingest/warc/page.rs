//! From a record to an article, or to the kind of record it is when it
//! is none: a successful (2xx) HTML `response` (or ARC capture, or an HTML
//! `resource`) goes through the HTML extractor ([`crate::ingest::html`]);
//! a WET `conversion` record through the plain-text parser
//! ([`crate::ingest::text`]: the page title on its first line). The
//! Draft's URL is the record's target URI, its `crawled` the record's
//! date; its `date` is only what the page itself says.
//!
//! The text's encoding: a byte-order mark, else the charset of the HTTP
//! `Content-Type`, else the page's own `<meta charset>`, else detection
//! ([`crate::ingest::decode`]). As there, valid non-ASCII UTF-8 wins over
//! a declared legacy charset: servers' defaults are often stale.

use encoding_rs::{Encoding, UTF_8};

use super::http;
use super::record::Record;
use crate::article::Draft;
use crate::ingest::{decode, html, text};

/// What a record gives.
#[derive(Debug)]
pub enum Outcome {
    /// An article.
    Article(Box<Draft>),
    /// No article: the kind of record, as counted in the summary
    /// (`request`, `redirect`, `not HTML` ...).
    Skipped(&'static str),
}

/// The article a record holds, or why it holds none.
pub fn draft_of(record: &Record) -> Outcome {
    match record.kind.as_str() {
        "response" => response(record),
        "resource" => match record.oversized {
            true => Outcome::Skipped("oversized"),
            false => page(record, &record.block, record.header("Content-Type"), None),
        },
        "conversion" => conversion(record),
        "warcinfo" => Outcome::Skipped("warcinfo"),
        "request" => Outcome::Skipped("request"),
        "metadata" => Outcome::Skipped("metadata"),
        "revisit" => Outcome::Skipped("revisit"),
        "continuation" => Outcome::Skipped("continuation"),
        _ => Outcome::Skipped("other record type"),
    }
}

/// An HTTP response: its status decides, then its payload.
fn response(record: &Record) -> Outcome {
    if record.oversized {
        return Outcome::Skipped("oversized");
    }
    let Some(resp) = http::parse_response(&record.block) else {
        // A DNS lookup (`dns:` URIs), or a block with no HTTP status line.
        return Outcome::Skipped("not HTTP");
    };
    match resp.status {
        200..=299 => {}
        300..=399 => return Outcome::Skipped("redirect"),
        400..=599 => return Outcome::Skipped("error status"),
        _ => return Outcome::Skipped("other status"),
    }
    let payload = resp.payload();
    page(
        record,
        &payload,
        resp.header("Content-Type"),
        resp.header("Content-Language"),
    )
}

/// An HTML page fetched from the record's target URI.
fn page(record: &Record, body: &[u8], content_type: Option<&str>, lang: Option<&str>) -> Outcome {
    let (mime, charset) = content_type.map(http::media_type).unwrap_or_default();
    let is_html = match mime.as_str() {
        "text/html" | "application/xhtml+xml" => true,
        // Unlabelled: what the bytes look like.
        "" | "application/octet-stream" | "unknown/unknown" => looks_like_html(body),
        _ => false,
    };
    if !is_html {
        return Outcome::Skipped("not HTML");
    }
    let Ok(text) = decode_page(body, charset.as_deref()) else {
        return Outcome::Skipped("not text");
    };
    match html::parse_fetched(&text, record.target_uri.as_deref()) {
        Ok(mut parsed) if !parsed.drafts.is_empty() => {
            let mut draft = parsed.drafts.swap_remove(0);
            finish(&mut draft, record);
            draft.language = first_language(lang);
            Outcome::Article(Box::new(draft))
        }
        _ => Outcome::Skipped("no text"),
    }
}

/// A WET record: the page's text, its title on the first line.
fn conversion(record: &Record) -> Outcome {
    if record.oversized {
        return Outcome::Skipped("oversized");
    }
    let Ok(decoded) = decode::decode(&record.block, false) else {
        return Outcome::Skipped("not text");
    };
    match text::parse(&decoded.text) {
        Ok(mut parsed) if !parsed.drafts.is_empty() => {
            let mut draft = parsed.drafts.swap_remove(0);
            finish(&mut draft, record);
            draft.language = first_language(record.header("WARC-Identified-Content-Language"));
            Outcome::Article(Box::new(draft))
        }
        _ => Outcome::Skipped("no text"),
    }
}

/// What every article from a record carries: its URL, crawl date, line.
fn finish(draft: &mut Draft, record: &Record) {
    if let Some(uri) = &record.target_uri {
        draft.url = Some(uri.clone());
    }
    draft.crawled = record.date;
    draft.line = record.at.line;
}

/// The first of a list of languages (`de, en`, `arg,spa`).
fn first_language(v: Option<&str>) -> Option<String> {
    v.and_then(|v| v.split(',').next())
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_string)
}

/// Whether an unlabelled payload is an HTML page.
fn looks_like_html(body: &[u8]) -> bool {
    let head = &body[..body.len().min(1024)];
    let head = String::from_utf8_lossy(head).to_ascii_lowercase();
    let head = head.trim_start_matches('\u{feff}').trim_start();
    head.starts_with("<!doctype html") || head.starts_with("<html") || head.contains("<body")
}

/// The page as text: see the module doc for the order of evidence.
fn decode_page(body: &[u8], declared: Option<&str>) -> Result<String, String> {
    let declared = declared.and_then(|c| Encoding::for_label(c.trim().as_bytes()));
    if let Some(enc) = declared.filter(|e| *e != UTF_8) {
        let utf8 = std::str::from_utf8(body).is_ok_and(|s| !s.is_ascii());
        if Encoding::for_bom(body).is_none() && !utf8 {
            let (text, _) = enc.decode_without_bom_handling(body);
            return Ok(text.into_owned());
        }
    }
    decode::decode(body, true).map(|d| d.text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_http_charset_comes_before_the_page() {
        // Latin-1 bytes, the header says so, the page says nothing.
        let body = b"<html><body><p>caf\xe9</p></body></html>";
        assert!(decode_page(body, Some("iso-8859-1"))
            .unwrap()
            .contains("café"));
        // The header says Shift_JIS: "日本" in Shift_JIS.
        let sjis = b"<p>\x93\xfa\x96\x7b</p>";
        assert!(decode_page(sjis, Some("Shift_JIS"))
            .unwrap()
            .contains("日本"));
        // No header: the page's meta, else detection.
        let meta = b"<html><head><meta charset=\"iso-8859-1\"></head><body>caf\xe9</body></html>";
        assert!(decode_page(meta, None).unwrap().contains("café"));
        // A stale legacy declaration loses to valid UTF-8.
        assert!(decode_page("<p>café</p>".as_bytes(), Some("iso-8859-1"))
            .unwrap()
            .contains("café"));
    }

    #[test]
    fn languages_and_sniffing() {
        assert_eq!(first_language(Some("arg,spa")).as_deref(), Some("arg"));
        assert_eq!(first_language(Some(" ")), None);
        assert!(looks_like_html(b"\n<!DOCTYPE html><html>"));
        assert!(!looks_like_html(b"GIF89a"));
    }
}
