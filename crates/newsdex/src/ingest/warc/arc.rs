//! ARC record header lines: the Internet Archive's format before WARC.
//!
//! An ARC file is a `filedesc://` record (its version block: `1 0 name`,
//! then the field names), then one record per capture, each a header line
//! and `length` bytes (the HTTP response as fetched), then a newline.
//! Version 1: `URL IP DATE MIME LENGTH`; version 2 adds result code,
//! checksum, location, offset and file name before the length. The date
//! is `YYYYMMDDhhmmss`. URLs with spaces occur (Heritrix wrote them as
//! fetched), so the fields are counted from the right.

use chrono::{DateTime, NaiveDateTime, Utc};

/// What an ARC header line says.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct ArcHeader {
    pub url: String,
    pub ip: String,
    pub date: Option<DateTime<Utc>>,
    pub mime: String,
    pub length: u64,
}

/// How a line reads as an ARC header.
#[derive(Debug, PartialEq)]
pub(super) enum Parsed {
    /// A well-formed header.
    Header(ArcHeader),
    /// A header line with a field that cannot be used (a length of `-1`).
    Invalid(String),
    /// Not a header line at all.
    NotHeader,
}

/// Reads `line` (without its newline) as an ARC header of `version` (1 or
/// 2, from the file's `filedesc` block).
pub(super) fn parse_header(line: &[u8], version: u8) -> Parsed {
    let Ok(line) = std::str::from_utf8(line) else {
        return Parsed::NotHeader;
    };
    let fields: Vec<&str> = line.split_ascii_whitespace().collect();
    // Fields after the URL: v1 ip date mime length; v2 five more.
    let after = if version >= 2 { 9 } else { 4 };
    if fields.len() <= after {
        return Parsed::NotHeader;
    }
    let n = fields.len();
    let url = fields[..n - after].join(" ");
    let (ip, date, mime) = (
        fields[n - after],
        fields[n - after + 1],
        fields[n - after + 2],
    );
    let scheme = url.split_once(':').is_some_and(|(s, _)| {
        !s.is_empty()
            && s.bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"+-.".contains(&b))
    });
    let date_like = (8..=18).contains(&date.len()) && date.bytes().all(|b| b.is_ascii_digit());
    if !scheme
        || !date_like
        || !ip
            .bytes()
            .all(|b| b.is_ascii_hexdigit() || b".:-".contains(&b))
    {
        return Parsed::NotHeader;
    }
    let Ok(length) = fields[n - 1].parse::<u64>() else {
        return Parsed::Invalid(format!(
            "ARC header with an invalid length `{}`",
            fields[n - 1]
        ));
    };
    Parsed::Header(ArcHeader {
        url,
        ip: ip.to_string(),
        date: arc_date(date),
        mime: mime.to_string(),
        length,
    })
}

/// `20140216050221` as a UTC time; `None` for any other length.
fn arc_date(s: &str) -> Option<DateTime<Utc>> {
    if s.len() != 14 {
        return None;
    }
    NaiveDateTime::parse_from_str(s, "%Y%m%d%H%M%S")
        .ok()
        .map(|d| d.and_utc())
}

/// The version a `filedesc` block gives on its first line (`1 0 name`).
pub(super) fn version_of(filedesc_block: &[u8]) -> u8 {
    match filedesc_block.first() {
        Some(b'2') => 2,
        _ => 1,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn header(line: &str, v: u8) -> ArcHeader {
        match parse_header(line.as_bytes(), v) {
            Parsed::Header(h) => h,
            other => panic!("{line}: {other:?}"),
        }
    }

    #[test]
    fn version_1_and_2_lines() {
        let h = header(
            "http://example.com/ 93.184.216.119 20140216050221 text/html 1591",
            1,
        );
        assert_eq!(
            (h.url.as_str(), h.mime.as_str(), h.length),
            ("http://example.com/", "text/html", 1591)
        );
        assert_eq!(h.date.unwrap().to_rfc3339(), "2014-02-16T05:02:21+00:00");
        let h = header(
            "http://a.org/x 1.2.3.4 20080430204826 text/html 200 ABCD - 0 f.arc 42",
            2,
        );
        assert_eq!((h.url.as_str(), h.length), ("http://a.org/x", 42));
        // Spaces inside the URL.
        let h = header("http://e.com/a b c 1.2.3.4 20140216050221 text/html 7", 1);
        assert_eq!(h.url, "http://e.com/a b c");
        assert_eq!(
            header(
                "dns:www.archive.org 68.87.76.178 20080430204825 text/dns 56",
                1
            )
            .length,
            56
        );
    }

    #[test]
    fn bad_lines() {
        let p = |s: &str| parse_header(s.as_bytes(), 1);
        assert!(matches!(
            p("http://e.com/ 1.2.3.4 201404010000000000 text/html -1"),
            Parsed::Invalid(_)
        ));
        assert!(matches!(
            p("http://e.com/ 1.2.3.4 20140401000000 text/html abc"),
            Parsed::Invalid(_)
        ));
        assert_eq!(p("<p>Some text of five words</p>"), Parsed::NotHeader);
        assert_eq!(p("HTTP/1.1 200 OK"), Parsed::NotHeader);
        assert_eq!(p(""), Parsed::NotHeader);
        assert_eq!(version_of(b"2 0 x\n"), 2);
    }
}
