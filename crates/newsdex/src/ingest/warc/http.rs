//! The HTTP response inside a `response` record (or an ARC capture): the
//! status line, the header fields, and the body with its transfer and
//! content encodings undone: chunked transfer encoding, then gzip or
//! deflate. Read leniently, as browsers do: header lines may end in `\n`
//! alone (ClueWeb), a body that is not really chunked is taken as it is,
//! and a compressed body cut short keeps what inflated.

use std::borrow::Cow;
use std::io::Read;

/// A parsed HTTP response.
#[derive(Debug, Clone, PartialEq)]
pub struct Response<'a> {
    /// The status code (200, 301, 404 ...).
    pub status: u16,
    /// Header fields in order.
    pub headers: Vec<(String, String)>,
    /// The body as sent (still chunked or compressed).
    pub body: &'a [u8],
}

impl Response<'_> {
    /// The value of a header field (name case-insensitive).
    pub fn header(&self, name: &str) -> Option<&str> {
        field(&self.headers, name)
    }

    /// The body with chunking and compression undone.
    pub fn payload(&self) -> Cow<'_, [u8]> {
        let chunked = self
            .header("Transfer-Encoding")
            .is_some_and(|v| v.to_ascii_lowercase().contains("chunked"));
        let body: Cow<[u8]> = match chunked.then(|| dechunk(self.body)).flatten() {
            Some(b) => Cow::Owned(b),
            None => Cow::Borrowed(self.body),
        };
        let encoding = self
            .header("Content-Encoding")
            .unwrap_or("")
            .trim()
            .to_ascii_lowercase();
        match encoding.as_str() {
            "gzip" | "x-gzip" => {
                inflate(flate2::read::MultiGzDecoder::new(&body[..])).map_or(body, Cow::Owned)
            }
            "deflate" => inflate(flate2::read::ZlibDecoder::new(&body[..]))
                .or_else(|| inflate(flate2::read::DeflateDecoder::new(&body[..])))
                .map_or(body, Cow::Owned),
            _ => body,
        }
    }
}

/// The value of the first header field called `name` (case-insensitive),
/// in HTTP's headers or a WARC record's.
pub(super) fn field<'a>(headers: &'a [(String, String)], name: &str) -> Option<&'a str> {
    headers
        .iter()
        .find(|(k, _)| k.eq_ignore_ascii_case(name))
        .map(|(_, v)| v.as_str())
}

/// Reads an HTTP response; `None` when `block` does not start with an
/// HTTP status line.
pub fn parse_response(block: &[u8]) -> Option<Response<'_>> {
    let (status_line, mut rest) = split_line(block)?;
    let status_line = std::str::from_utf8(status_line).ok()?;
    let mut parts = status_line.split_ascii_whitespace();
    if !parts.next()?.starts_with("HTTP/") {
        return None;
    }
    let status: u16 = parts.next()?.parse().ok()?;
    let mut headers: Vec<(String, String)> = Vec::new();
    loop {
        let Some((line, after)) = split_line(rest) else {
            // Headers with no blank line after them: no body.
            rest = &[];
            break;
        };
        rest = after;
        if line.is_empty() {
            break;
        }
        let text = String::from_utf8_lossy(line);
        if text.starts_with([' ', '\t']) {
            if let Some((_, v)) = headers.last_mut() {
                v.push(' ');
                v.push_str(text.trim());
            }
        } else if let Some((k, v)) = text.split_once(':') {
            headers.push((k.trim().to_string(), v.trim().to_string()));
        }
    }
    Some(Response {
        status,
        headers,
        body: rest,
    })
}

/// The first line (without `\r\n` or `\n`) and what follows it.
fn split_line(b: &[u8]) -> Option<(&[u8], &[u8])> {
    if b.is_empty() {
        return None;
    }
    match b.iter().position(|&c| c == b'\n') {
        Some(i) => {
            let line = &b[..i];
            Some((line.strip_suffix(b"\r").unwrap_or(line), &b[i + 1..]))
        }
        None => Some((b, &[])),
    }
}

/// Undoes chunked transfer encoding; `None` when the body is not
/// chunked after all (its first line is no chunk size), so the caller
/// keeps it as it is. A body cut off inside a chunk keeps what came.
fn dechunk(mut b: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(b.len());
    let mut first = true;
    while let Some((line, rest)) = split_line(b) {
        let size = std::str::from_utf8(line).ok().and_then(|l| {
            let hex = l.split(';').next()?.trim();
            usize::from_str_radix(hex, 16).ok()
        });
        let Some(size) = size else {
            // Not a size line: a body that only claimed to be chunked,
            // or the end of a damaged one.
            return if first { None } else { Some(out) };
        };
        first = false;
        if size == 0 {
            break;
        }
        let take = size.min(rest.len());
        out.extend_from_slice(&rest[..take]);
        b = &rest[take..];
        b = b
            .strip_prefix(b"\r\n")
            .or_else(|| b.strip_prefix(b"\n"))
            .unwrap_or(b);
    }
    (!first).then_some(out)
}

/// What a decompressor gives, up to the first error; `None` when it
/// gives nothing at all (the body was not compressed after all).
fn inflate(mut r: impl Read) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    let mut buf = [0u8; 32 << 10];
    loop {
        match r.read(&mut buf) {
            Ok(0) | Err(_) => break,
            Ok(n) => out.extend_from_slice(&buf[..n]),
        }
    }
    (!out.is_empty()).then_some(out)
}

/// The media type (lower case) and charset of a `Content-Type` value:
/// `text/html; charset="ISO-8859-1"` → (`text/html`, `ISO-8859-1`).
pub fn media_type(v: &str) -> (String, Option<String>) {
    let mut parts = v.split(';');
    let mime = parts.next().unwrap_or("").trim().to_ascii_lowercase();
    let charset = parts.find_map(|p| {
        let (k, v) = p.split_once('=')?;
        k.trim()
            .eq_ignore_ascii_case("charset")
            .then(|| v.trim().trim_matches(['"', '\'']).to_string())
            .filter(|c| !c.is_empty())
    });
    (mime, charset)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    #[test]
    fn status_headers_and_body() {
        let r = parse_response(
            b"HTTP/1.1 200 OK\r\nContent-Type: text/html;\r\n charset=utf-8\r\n\r\n<p>x</p>",
        )
        .unwrap();
        assert_eq!(r.status, 200);
        assert_eq!(r.header("content-type"), Some("text/html; charset=utf-8"));
        assert_eq!(r.body, b"<p>x</p>");
        // Bare LF line ends (ClueWeb).
        let r = parse_response(b"HTTP/1.0 404 Not Found\nServer: x\n\nbody").unwrap();
        assert_eq!((r.status, r.body), (404, &b"body"[..]));
        assert!(parse_response(b"GET / HTTP/1.1\r\n\r\n").is_none());
        assert!(parse_response(b"").is_none());
        assert!(parse_response(b"HTTP/1.1 abc\r\n\r\n").is_none());
    }

    #[test]
    fn chunked_and_compressed_bodies() {
        let r = parse_response(
            b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n4\r\n<p>a\r\n5;x=y\r\nbc</p\r\n1\r\n>\r\n0\r\n\r\n",
        )
        .unwrap();
        assert_eq!(&*r.payload(), b"<p>abc</p>");
        // Claims chunked, is not: kept as sent.
        let r =
            parse_response(b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n<html>").unwrap();
        assert_eq!(&*r.payload(), b"<html>");
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        gz.write_all(b"<p>inflated</p>").unwrap();
        let gz = gz.finish().unwrap();
        let mut block = b"HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\n\r\n".to_vec();
        block.extend_from_slice(&gz[..gz.len() - 4]); // trailer cut short
        assert_eq!(
            &*parse_response(&block).unwrap().payload(),
            b"<p>inflated</p>"
        );
        let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::fast());
        z.write_all(b"<p>zlib</p>").unwrap();
        let mut block = b"HTTP/1.1 200 OK\r\nContent-Encoding: deflate\r\n\r\n".to_vec();
        block.extend(z.finish().unwrap());
        assert_eq!(&*parse_response(&block).unwrap().payload(), b"<p>zlib</p>");
    }

    #[test]
    fn content_types() {
        assert_eq!(
            media_type("Text/HTML; charset=\"ISO-8859-1\""),
            ("text/html".to_string(), Some("ISO-8859-1".to_string()))
        );
        assert_eq!(media_type("text/plain"), ("text/plain".to_string(), None));
    }
}
