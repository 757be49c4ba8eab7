//! Web archives: WARC (1.0, 1.1, and Heritrix's 0.17/0.18), ARC (v1, v2)
//! and Common Crawl's WET files, plain, gzipped per record, or gzipped
//! whole, read as a stream: one record in memory at a time.
//!
//! Layers, bottom up: `input` gives the uncompressed stream with
//! positions (gzip member by member); [`record`] reads WARC and ARC
//! (`arc`) records from it, reporting damaged ones with their position
//! and going on at the next record; [`http`] reads the HTTP response in a
//! record; [`page`] turns a record into a [`Draft`] or names the kind of
//! record it is. [`Articles`] strings them together: an iterator of
//! drafts and problems over any reader, counting what it skips
//! ([`Skipped`]); [`parse`] collects it for [`super::parse_bytes`].
//!
//! What becomes of each record: a 2xx HTML `response` (or ARC capture, or
//! HTML `resource`) is an article through the HTML extractor, its URL the
//! target URI, its date the page's own, the crawl date kept apart as
//! `crawled`; a WET `conversion` record is a plain-text article (title on
//! its first line). Requests, metadata (all of a WAT file), warcinfo,
//! revisits, redirects, error statuses, non-HTML payloads and pages
//! without text are counted by kind and skipped.
//!
//! Written by hand over `std::io::Read` with flate2, not with the `warc`
//! crate (0.4): that one reads WARC only (no ARC), hides gzip member
//! boundaries behind `MultiGzDecoder` (so no member offsets, and a
//! corrupt member ends the file), requires the exact `\r\n\r\n` after
//! each record (ClueWeb and others differ) and has no way to resume
//! after a malformed record.

mod arc;
pub mod http;
mod input;
pub mod page;
pub mod record;

#[cfg(test)]
mod samples;

use std::collections::BTreeMap;
use std::io::Read;

pub use self::input::Position;
pub use self::page::{draft_of, Outcome};
pub use self::record::{Problem, Reader, Record};
use super::reporting::Reporting;
use super::{compress, ParsedFile, RecordProblem};
use crate::article::Draft;

/// Records that gave no article, counted by kind (`request`,
/// `redirect`, `not HTML` ...; see [`page::draft_of`]).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Skipped(BTreeMap<&'static str, u64>);

impl Skipped {
    /// Counts one record of `kind`.
    pub fn add(&mut self, kind: &'static str) {
        *self.0.entry(kind).or_default() += 1;
    }

    /// How many records of `kind` were skipped.
    pub fn get(&self, kind: &str) -> u64 {
        self.0.get(kind).copied().unwrap_or(0)
    }

    /// How many records were skipped in all.
    pub fn total(&self) -> u64 {
        self.0.values().sum()
    }

    /// The counts by kind, in name order.
    pub fn to_vec(&self) -> Vec<(String, u64)> {
        self.0.iter().map(|(k, n)| (k.to_string(), *n)).collect()
    }
}

/// The articles of a web archive, read as a stream from any reader (a
/// `BufReader<File>` or a byte slice): each item is an article, or a
/// damaged record with its position; [`Articles::skipped`] counts the
/// records that are no article.
pub struct Articles<R> {
    records: Reader<R>,
    skipped: Skipped,
    read: u64,
}

impl<R: Read> Articles<R> {
    /// Reads `inner`, plain or gzipped.
    pub fn new(inner: R) -> Articles<R> {
        Articles {
            records: Reader::new(inner),
            skipped: Skipped::default(),
            read: 0,
        }
    }

    /// Leaves out records whose content is longer than `limit` bytes
    /// (counted as `oversized`).
    pub fn max_block(mut self, limit: u64) -> Articles<R> {
        self.records = self.records.max_block(limit);
        self
    }

    /// The records skipped so far, by kind.
    pub fn skipped(&self) -> &Skipped {
        &self.skipped
    }

    /// The records read so far (articles and skipped ones).
    pub fn records(&self) -> u64 {
        self.read
    }
}

impl<R: Read> Iterator for Articles<R> {
    type Item = Result<Draft, Problem>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            match self.records.next()? {
                Err(p) => return Some(Err(p)),
                Ok(record) => {
                    self.read += 1;
                    match draft_of(&record) {
                        Outcome::Article(d) => return Some(Ok(*d)),
                        Outcome::Skipped(kind) => self.skipped.add(kind),
                    }
                }
            }
        }
    }
}

/// Whether the (uncompressed) start of a file is a web archive's: a WARC
/// version line or an ARC `filedesc://` record.
pub fn sniff(head: &[u8]) -> bool {
    let head = head.trim_ascii_start();
    (head.starts_with(b"WARC/") && head.get(5).is_some_and(u8::is_ascii_digit))
        || head.starts_with(b"filedesc://")
}

/// Reads a whole web archive held in memory ([`stream`] reads one from
/// disk). Records longer than `limit` are left out. `Err` when the file is
/// empty or is no web archive at all; a file of requests or metadata alone
/// (a WAT file) is `Ok` with no article.
pub fn parse(bytes: &[u8], limit: u64) -> Result<ParsedFile, String> {
    check_head(bytes)?;
    let mut drafts = Vec::new();
    let mut out = read(bytes, limit, usize::MAX, &mut |batch| drafts.extend(batch));
    out.drafts = drafts;
    Ok(out)
}

/// Reads a web archive from disk as a stream, never whole: the drafts go
/// to `on_batch` [`STREAM_BATCH`] at a time, so memory stays flat however
/// large the file; how far reading has got goes to `on_read` (the file's
/// size last). Otherwise what [`parse`] gives (the returned file holds
/// the problems and skip counts, not the drafts).
pub fn stream(
    path: &std::path::Path,
    limit: u64,
    on_batch: &mut dyn FnMut(Vec<Draft>),
    on_read: &mut dyn FnMut(u64),
) -> Result<ParsedFile, String> {
    let open = || std::fs::File::open(path).map_err(|e| format!("cannot open: {e}"));
    let mut head = Vec::with_capacity(64 << 10);
    open()?
        .take(64 << 10)
        .read_to_end(&mut head)
        .map_err(|e| format!("cannot read: {e}"))?;
    check_head(&head)?;
    let file = open()?;
    let size = file.metadata().map_or(0, |m| m.len());
    let file = Reporting::new(file, super::reporting::armed(), &mut *on_read);
    let reader = std::io::BufReader::with_capacity(1 << 20, file);
    let out = read(reader, limit, STREAM_BATCH, on_batch);
    on_read(size);
    Ok(out)
}

/// `Err` unless the (maybe compressed) start of a file is a web archive's.
fn check_head(start: &[u8]) -> Result<(), String> {
    let head = compress::head(start, 64);
    if head.trim_ascii().is_empty() {
        return Err("empty file (no text)".to_string());
    }
    if !sniff(&head) {
        return Err(
            "not a WARC or ARC file (no `WARC/` or `filedesc://` record at the start)".to_string(),
        );
    }
    Ok(())
}

/// Every record of a web archive: its pages to `on_batch`, `batch` at a
/// time; its damaged records and skip counts in the returned file.
fn read(
    reader: impl Read,
    limit: u64,
    batch: usize,
    on_batch: &mut dyn FnMut(Vec<Draft>),
) -> ParsedFile {
    let mut articles = Articles::new(reader).max_block(limit);
    let mut out = ParsedFile::default();
    let mut pages = Vec::new();
    for item in articles.by_ref() {
        match item {
            Ok(d) => pages.push(d),
            Err(p) => out.problems.push(RecordProblem {
                line: p.at.line,
                reason: p.reason,
            }),
        }
        if pages.len() >= batch {
            on_batch(std::mem::take(&mut pages));
        }
    }
    if !pages.is_empty() {
        on_batch(pages);
    }
    out.skipped = articles.skipped().to_vec();
    out
}

/// Pages handed on at once by [`stream`]: enough to keep the writer busy,
/// few enough that a batch of long pages stays a few megabytes.
pub const STREAM_BATCH: usize = 64;

#[cfg(test)]
mod tests;
