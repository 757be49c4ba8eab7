//! Records, one at a time: a WARC record (`WARC/1.0`, `1.1`, `0.17`,
//! `0.18`: a version line, named header fields, a blank line,
//! `Content-Length` bytes of content block, then `\r\n\r\n`) or an ARC
//! record (`super::arc`), read from the uncompressed stream
//! (`super::input`).
//!
//! A damaged record gives a [`Problem`] with its position, and reading
//! goes on: a record whose length does not end where the next record
//! starts is dropped and the stream scanned for the next `WARC/` line or
//! ARC header; if its length ran into the next record, what it took is
//! given back first, so that record is kept. A damaged gzip member is
//! skipped to the next one (`Input::skip_member`). A record cut off by
//! the end of the file is reported; nothing after it is lost, since
//! nothing is after it. Separators are read leniently (any run of CR and
//! LF between records), header lines may end in `\n` alone, and folded
//! header lines are joined.

use std::io::{self, Read};

use chrono::{DateTime, Utc};

use super::arc::{self, ArcHeader, Parsed};
use super::input::{Input, Position};

/// The longest header line kept whole; longer lines are not headers.
const MAX_LINE: usize = 64 << 10;
/// The most header lines one record may have.
const MAX_HEADERS: usize = 1024;

/// One record of a web archive.
#[derive(Debug, Clone, PartialEq)]
pub struct Record {
    /// `WARC/1.0`, `WARC/0.17` ..., or `ARC/1` for an ARC record.
    pub version: String,
    /// The record type, lower case: `response`, `request`, `warcinfo`,
    /// `metadata`, `revisit`, `resource`, `conversion` ... An ARC
    /// capture is a `response`, its `filedesc` record a `warcinfo`.
    pub kind: String,
    /// `WARC-Target-URI` (angle brackets some writers add taken off), or
    /// an ARC record's URL.
    pub target_uri: Option<String>,
    /// `WARC-Date`, or an ARC record's date: when it was captured.
    pub date: Option<DateTime<Utc>>,
    /// Every header field, in order (an ARC record: `Content-Type` and
    /// `ARC-IP-Address`).
    pub headers: Vec<(String, String)>,
    /// The content block: for a `response`, the HTTP response as it came
    /// over the wire. Empty when [`Record::oversized`].
    pub block: Vec<u8>,
    /// The block's length (`Content-Length`).
    pub length: u64,
    /// The block was longer than the reader's limit and was left out.
    pub oversized: bool,
    /// Where the record starts.
    pub at: Position,
}

impl Record {
    /// The value of a header field (name case-insensitive).
    pub fn header(&self, name: &str) -> Option<&str> {
        super::http::field(&self.headers, name)
    }
}

/// A record that could not be read, or damage between records.
#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    /// Where the damaged record (or the damage) starts.
    pub at: Position,
    /// What was wrong and what was skipped.
    pub reason: String,
}

/// Why reading a record stopped.
enum Fail {
    /// The stream failed: a damaged gzip member, or the source itself.
    Io(io::Error),
    /// The record is malformed; the stream is readable.
    Bad(String),
    /// The file ends inside the record.
    Cut(String),
}

impl From<io::Error> for Fail {
    fn from(e: io::Error) -> Fail {
        Fail::Io(e)
    }
}

/// An iterator over the records of a web archive read from any reader
/// (a `BufReader<File>`, a byte slice); it holds one record at a time.
pub struct Reader<R> {
    input: Option<Input<R>>,
    /// An error opening the stream, given as the first problem.
    opening: Option<io::Error>,
    max_block: u64,
    arc_version: u8,
    done: bool,
}

impl<R: Read> Reader<R> {
    /// Reads `inner`, plain or gzipped.
    pub fn new(inner: R) -> Reader<R> {
        let (input, opening) = match Input::new(inner) {
            Ok(i) => (Some(i), None),
            Err(e) => (None, Some(e)),
        };
        Reader {
            input,
            opening,
            max_block: crate::ingest::DEFAULT_MAX_DECOMPRESSED,
            arc_version: 1,
            done: false,
        }
    }

    /// Leaves out (and marks [`Record::oversized`]) any content block
    /// longer than `limit` bytes (by default 64 MB,
    /// [`crate::ingest::DEFAULT_MAX_DECOMPRESSED`]), so one huge capture
    /// (a video) cannot fill memory.
    pub fn max_block(mut self, limit: u64) -> Reader<R> {
        self.max_block = limit;
        self
    }

    fn input(&mut self) -> &mut Input<R> {
        self.input.as_mut().expect("input is open while reading")
    }

    /// Consumes the CR and LF bytes between records; false at the end.
    fn skip_separators(&mut self) -> io::Result<bool> {
        let input = self.input();
        loop {
            let avail = input.fill()?;
            if avail.is_empty() {
                return Ok(false);
            }
            let n = avail
                .iter()
                .take_while(|b| matches!(b, b'\r' | b'\n'))
                .count();
            if n == 0 {
                return Ok(true);
            }
            input.consume(n);
        }
    }

    /// The next line without its line ending; the first [`MAX_LINE`]
    /// bytes of a longer one, with its full length. `None` at the end.
    fn read_line(&mut self) -> io::Result<Option<(Vec<u8>, usize)>> {
        let input = self.input();
        let mut line = Vec::new();
        let mut len = 0;
        loop {
            let avail = input.fill()?;
            if avail.is_empty() {
                return Ok((len > 0).then_some((line, len)));
            }
            let (take, end) = match avail.iter().position(|&b| b == b'\n') {
                Some(i) => (i + 1, true),
                None => (avail.len(), false),
            };
            let keep = take.min(MAX_LINE.saturating_sub(line.len()));
            line.extend_from_slice(&avail[..keep]);
            len += take;
            input.consume(take);
            if end {
                while line.last().is_some_and(|b| matches!(b, b'\r' | b'\n')) {
                    line.pop();
                }
                return Ok(Some((line, len)));
            }
        }
    }

    /// Whether a line opens a record: `WARC/` and a digit, or an ARC
    /// header line (a malformed one too: it is where the next record is).
    fn opens_record(&self, line: &[u8]) -> bool {
        warc_version(line).is_some()
            || arc::parse_header(line, self.arc_version) != Parsed::NotHeader
    }

    /// Reads the record starting at `at`, whose first line is `first`.
    fn read_record(&mut self, first: &[u8], at: Position) -> Result<Record, Fail> {
        if let Some(version) = warc_version(first) {
            return self.warc_record(version, at);
        }
        match arc::parse_header(first, self.arc_version) {
            Parsed::Header(h) => self.arc_record(h, at),
            Parsed::Invalid(why) => Err(Fail::Bad(why)),
            Parsed::NotHeader => Err(Fail::Bad(format!(
                "not a WARC or ARC record: `{}`",
                excerpt(first)
            ))),
        }
    }

    fn warc_record(&mut self, version: String, at: Position) -> Result<Record, Fail> {
        let headers = self.header_fields()?;
        let field = |name: &str| super::http::field(&headers, name);
        let length = field("Content-Length")
            .and_then(|v| v.trim().parse::<u64>().ok())
            .ok_or_else(|| Fail::Bad("no valid Content-Length".to_string()))?;
        let mut record = Record {
            version,
            kind: field("WARC-Type").unwrap_or("").to_ascii_lowercase(),
            target_uri: field("WARC-Target-URI")
                .map(clean_uri)
                .filter(|u| !u.is_empty()),
            date: field("WARC-Date").and_then(warc_date),
            block: Vec::new(),
            length,
            oversized: false,
            at,
            headers,
        };
        self.read_block(&mut record)?;
        Ok(record)
    }

    fn arc_record(&mut self, h: ArcHeader, at: Position) -> Result<Record, Fail> {
        let filedesc = h.url.starts_with("filedesc:");
        let mut record = Record {
            version: format!("ARC/{}", self.arc_version),
            kind: if filedesc { "warcinfo" } else { "response" }.to_string(),
            target_uri: (!filedesc).then(|| h.url.clone()),
            date: h.date,
            headers: vec![
                ("Content-Type".to_string(), h.mime),
                ("ARC-IP-Address".to_string(), h.ip),
            ],
            block: Vec::new(),
            length: h.length,
            oversized: false,
            at,
        };
        self.read_block(&mut record)?;
        if filedesc {
            self.arc_version = arc::version_of(&record.block);
        }
        Ok(record)
    }

    /// Header lines up to the blank line; folded lines joined.
    fn header_fields(&mut self) -> Result<Vec<(String, String)>, Fail> {
        let mut headers: Vec<(String, String)> = Vec::new();
        loop {
            let Some((line, len)) = self.read_line()? else {
                return Err(Fail::Cut("the file ends inside its header".to_string()));
            };
            if line.is_empty() {
                return Ok(headers);
            }
            let text = String::from_utf8_lossy(&line);
            if len > MAX_LINE || headers.len() >= MAX_HEADERS {
                return Err(Fail::Bad("header too long".to_string()));
            }
            if text.starts_with([' ', '\t']) {
                if let Some((_, v)) = headers.last_mut() {
                    v.push(' ');
                    v.push_str(text.trim());
                    continue;
                }
            }
            let Some((name, value)) = text.split_once(':') else {
                return Err(Fail::Bad(format!(
                    "malformed header line `{}`",
                    excerpt(&line)
                )));
            };
            headers.push((name.trim().to_string(), value.trim().to_string()));
        }
    }

    /// Reads (or, over the limit, skips) the record's block and checks
    /// that the next record starts where it ends.
    fn read_block(&mut self, record: &mut Record) -> Result<(), Fail> {
        let length = record.length;
        let got = if length > self.max_block {
            record.oversized = true;
            self.input().skip(length)?
        } else {
            record.block.reserve(length.min(16 << 20) as usize);
            let input = self.input.as_mut().expect("input is open while reading");
            input.read_into(length, &mut record.block)?
        };
        // Damage just after a complete record belongs to the next one.
        if got == length && self.next_record_follows().unwrap_or(true) {
            return Ok(());
        }
        // A length too long took the start of the next record: give back
        // what follows the last `WARC/` line inside the block.
        if let Some(k) = embedded_record(&record.block) {
            let tail = record.block.split_off(k);
            self.input().unread(&tail);
            return Err(Fail::Bad(format!(
                "its Content-Length ({length}) runs into the next record"
            )));
        }
        if got < length {
            return Err(Fail::Cut(format!(
                "truncated: its Content-Length is {length} but the file ends after {got} bytes"
            )));
        }
        Err(Fail::Bad(format!(
            "its Content-Length ({length}) does not end where a record starts"
        )))
    }

    /// Whether, after any CR and LF bytes, the stream ends or a record
    /// starts.
    fn next_record_follows(&mut self) -> io::Result<bool> {
        let mut want = 64;
        loop {
            let head = self.input().peek(want)?;
            let short = head.len() < want;
            let skip = head
                .iter()
                .take_while(|b| matches!(b, b'\r' | b'\n'))
                .count();
            let rest = &head[skip..];
            let line_end = rest.iter().position(|&b| b == b'\n');
            if rest.is_empty() && short {
                return Ok(true);
            }
            if line_end.is_some() || short || want >= MAX_LINE {
                let line = rest[..line_end.unwrap_or(rest.len())].to_vec();
                let line = line.strip_suffix(b"\r").unwrap_or(&line);
                return Ok(line.starts_with(b"WARC/") || self.opens_record(line));
            }
            want *= 4;
        }
    }

    /// Scans for the next record after damage; returns where it starts
    /// (`None`: the file ends first) and the bytes skipped. A damaged
    /// gzip member on the way is skipped too.
    fn resync(&mut self) -> io::Result<Option<Position>> {
        loop {
            let at = self.input().position();
            match self.read_line() {
                Ok(None) => return Ok(None),
                Ok(Some((line, len))) => {
                    if len <= MAX_LINE && self.opens_record(&line) {
                        let mut back = line;
                        back.push(b'\n');
                        self.input().unread(&back);
                        return Ok(Some(at));
                    }
                }
                Err(e) if self.input().source_failed() => return Err(e),
                Err(_) => {
                    if self.input().skip_member()?.is_none() {
                        return Ok(None);
                    }
                }
            }
        }
    }

    /// The problem for a record that failed at `at`, after moving on to
    /// the next readable record.
    fn recover(&mut self, fail: Fail, at: Position, what: &str) -> Problem {
        let reason = match fail {
            Fail::Cut(why) => why,
            Fail::Io(e) if self.input().source_failed() => {
                self.done = true;
                return Problem {
                    at,
                    reason: format!("{what}: cannot read on: {e}"),
                };
            }
            Fail::Io(e) => match self.input().skip_member() {
                Ok(Some(next)) => {
                    format!("damaged gzip data ({e}); went on at the gzip member at byte {next}")
                }
                Ok(None) => format!("damaged gzip data ({e}); no gzip member follows"),
                Err(e2) => {
                    self.done = true;
                    format!("damaged gzip data ({e}), then {e2}")
                }
            },
            Fail::Bad(why) => match self.resync() {
                Ok(Some(next)) => format!(
                    "{why}; skipped {} bytes to the next record at {}",
                    next.offset - at.offset,
                    next.describe()
                ),
                Ok(None) => format!("{why}; no record follows"),
                Err(e) => {
                    self.done = true;
                    format!("{why}; then cannot read on: {e}")
                }
            },
        };
        Problem {
            at,
            reason: format!("{what} at {}: {reason}", at.describe()),
        }
    }
}

impl<R: Read> Iterator for Reader<R> {
    type Item = Result<Record, Problem>;

    fn next(&mut self) -> Option<Self::Item> {
        if let Some(e) = self.opening.take() {
            self.done = true;
            return Some(Err(Problem {
                at: Position::default(),
                reason: format!("cannot read: {e}"),
            }));
        }
        if self.done || self.input.is_none() {
            return None;
        }
        let outcome = self.skip_separators().map_err(Fail::Io).and_then(|more| {
            let at = self.input().position();
            if !more {
                return Ok(None);
            }
            match self.read_line()? {
                None => Ok(None),
                Some((first, _)) => Ok(Some((first, at))),
            }
        });
        let (first, at) = match outcome {
            Ok(None) => {
                self.done = true;
                return None;
            }
            Ok(Some(found)) => found,
            Err(fail) => {
                let at = self.input().position();
                return Some(Err(self.recover(fail, at, "record")));
            }
        };
        match self.read_record(&first, at) {
            Ok(record) => Some(Ok(record)),
            Err(fail) => {
                let what = record_name(&first);
                Some(Err(self.recover(fail, at, &what)))
            }
        }
    }
}

/// `1.0` from `WARC/1.0`: the version line of a WARC record.
fn warc_version(line: &[u8]) -> Option<String> {
    let v = line.strip_prefix(b"WARC/")?;
    v.first()
        .is_some_and(u8::is_ascii_digit)
        .then(|| format!("WARC/{}", String::from_utf8_lossy(v).trim()))
}

/// `WARC record` or `ARC record`, for messages.
fn record_name(first: &[u8]) -> String {
    if first.starts_with(b"WARC/") {
        "WARC record".to_string()
    } else {
        "ARC record".to_string()
    }
}

/// Where, inside a block, a WARC record starts on a line of its own:
/// the offset of its `W` (the first such line: everything from there on
/// belongs to the records after).
fn embedded_record(block: &[u8]) -> Option<usize> {
    (1..block.len().saturating_sub(6)).find(|&i| {
        block[i - 1] == b'\n' && block[i..].starts_with(b"WARC/") && block[i + 5].is_ascii_digit()
    })
}

/// A target URI as written, without the `<...>` wget puts around it.
fn clean_uri(v: &str) -> String {
    let v = v.trim();
    v.strip_prefix('<')
        .and_then(|v| v.strip_suffix('>'))
        .unwrap_or(v)
        .trim()
        .to_string()
}

/// `WARC-Date`: RFC 3339 (`2017-03-06T04:03:53Z`, with fractions in WARC
/// 1.1), else whatever [`crate::dates::parse_date`] reads.
fn warc_date(v: &str) -> Option<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(v.trim())
        .map(|d| d.with_timezone(&Utc))
        .ok()
        .or_else(|| crate::dates::parse_date(v))
}

/// The start of a line for a message: printable, at most 60 characters.
fn excerpt(line: &[u8]) -> String {
    String::from_utf8_lossy(line)
        .chars()
        .take(60)
        .map(|c| if c.is_control() { '?' } else { c })
        .collect()
}
