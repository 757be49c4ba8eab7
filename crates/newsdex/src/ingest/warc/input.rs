//! The bytes of a web archive as one uncompressed stream, whatever its
//! compression: plain, gzipped per record (each record its own gzip
//! member, as crawlers write them), or gzipped whole. The record reader
//! ([`super::record`]) reads lines and blocks from it; this layer knows
//! nothing of records.
//!
//! Why not `flate2::read::MultiGzDecoder`: it hides where each member
//! starts, and a corrupt member ends the whole stream. Here each member
//! gets its own `flate2::bufread::GzDecoder` (which stops at the member's
//! end and leaves the rest of the file unread), so
//! - a position is known both in the uncompressed stream and as the file
//!   offset of the gzip member it lies in (what a CDX index gives, and
//!   where `dd`/`zcat` can start), see [`Position`];
//! - after a corrupt or truncated member, [`Input::skip_member`] scans the
//!   compressed bytes for the next gzip header and goes on from there.
//!
//! The inflater may read past a damaged member's end into the next one
//! before it fails, so the compressed bytes of the current member are
//! kept (up to 16 MB) and the search for the next header starts just
//! after the failed member's own. Only in a member longer than that (a
//! file gzipped whole) can a failure cost the member after it too.
//!
//! Memory: a 64 KB read buffer and whatever the caller asks to peek at;
//! never the whole file.

use std::collections::VecDeque;
use std::io::{self, Read};

use flate2::bufread::GzDecoder;

/// How much is read from the source or the inflater at a time.
const CHUNK: usize = 64 << 10;

/// The most compressed bytes of one gzip member kept, to look for the
/// next member inside them should this one fail (crawlers' members are
/// one record each, rarely over a few MB).
const MAX_HISTORY: usize = 16 << 20;

/// Where something lies in the archive.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Position {
    /// Byte offset in the uncompressed stream (the file offset itself
    /// when the file is not compressed).
    pub offset: u64,
    /// File offset of the gzip member holding it, for a gzipped file.
    pub member: Option<u64>,
    /// 1-based line in the uncompressed stream.
    pub line: u64,
}

impl Position {
    /// The place in words, for messages: `byte 2560`, or `byte 2560 of
    /// the uncompressed stream, in the gzip member at byte 1400`.
    pub fn describe(&self) -> String {
        match self.member {
            None => format!("byte {}", self.offset),
            Some(m) => format!(
                "byte {} of the uncompressed stream, in the gzip member at byte {m}",
                self.offset
            ),
        }
    }
}

/// A buffered reader that counts the bytes taken from it (the file offset)
/// and can be asked for a few bytes ahead, across its buffer's end, which
/// `std::io::BufReader` cannot.
pub(super) struct Counted<R> {
    inner: R,
    buf: Vec<u8>,
    pos: usize,
    /// File offset of `buf[pos]`.
    offset: u64,
    /// Set when the source itself failed (a read error, not bad data):
    /// no point in reading on.
    failed: bool,
    /// The bytes consumed since [`Counted::keep_history`], while they
    /// fit in [`MAX_HISTORY`], and the offset they start at.
    history: Option<Vec<u8>>,
    history_start: u64,
}

impl<R: Read> Counted<R> {
    fn new(inner: R) -> Self {
        Counted {
            inner,
            buf: Vec::new(),
            pos: 0,
            offset: 0,
            failed: false,
            history: None,
            history_start: 0,
        }
    }

    /// Keeps the bytes consumed from here on (a gzip member starts).
    fn keep_history(&mut self) {
        let mut h = self.history.take().unwrap_or_default();
        h.clear();
        self.history = Some(h);
        self.history_start = self.offset;
    }

    /// Goes back to one byte after where [`Counted::keep_history`] was
    /// called, if the bytes since are still kept.
    fn rewind_past_start(&mut self) {
        let Some(h) = self.history.take().filter(|h| !h.is_empty()) else {
            return;
        };
        let mut buf = h[1..].to_vec();
        buf.extend_from_slice(&self.buf[self.pos..]);
        self.buf = buf;
        self.pos = 0;
        self.offset = self.history_start + 1;
    }

    /// At least `n` bytes buffered, unless the source ends first.
    fn fill_at_least(&mut self, n: usize) -> io::Result<&[u8]> {
        while self.buf.len() - self.pos < n {
            if self.pos > 0 {
                self.buf.drain(..self.pos);
                self.pos = 0;
            }
            let len = self.buf.len();
            self.buf.resize(len + CHUNK.max(n), 0);
            let got = match self.inner.read(&mut self.buf[len..]) {
                Ok(got) => got,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => 0,
                Err(e) => {
                    self.buf.truncate(len);
                    self.failed = true;
                    return Err(e);
                }
            };
            self.buf.truncate(len + got);
            if got == 0 {
                break;
            }
        }
        Ok(&self.buf[self.pos..])
    }
}

impl<R: Read> Read for Counted<R> {
    fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
        let n = {
            let avail = io::BufRead::fill_buf(self)?;
            let n = avail.len().min(out.len());
            out[..n].copy_from_slice(&avail[..n]);
            n
        };
        io::BufRead::consume(self, n);
        Ok(n)
    }
}

impl<R: Read> io::BufRead for Counted<R> {
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        if self.pos == self.buf.len() {
            self.fill_at_least(1)
        } else {
            Ok(&self.buf[self.pos..])
        }
    }

    fn consume(&mut self, n: usize) {
        if let Some(h) = &mut self.history {
            if h.len() + n <= MAX_HISTORY {
                h.extend_from_slice(&self.buf[self.pos..self.pos + n]);
            } else {
                self.history = None;
            }
        }
        self.pos += n;
        self.offset += n as u64;
    }
}

/// Where the uncompressed bytes come from.
enum Source<R> {
    /// Not compressed.
    Plain(Counted<R>),
    /// Gzipped, between two members (or before the first).
    Between(Counted<R>),
    /// Gzipped, inside a member.
    Member(Box<GzDecoder<Counted<R>>>),
    /// A member failed (why): [`Input::skip_member`] must be called.
    Broken(Counted<R>, String),
    /// Nothing more to read.
    Done,
}

/// Whether `b` opens a gzip member: the magic, deflate, no reserved flag
/// bits, and a plausible compression-level byte. Strict, so that a scan
/// through compressed data rarely stops at a chance `1f 8b`.
fn gzip_header(b: &[u8]) -> bool {
    b.len() >= 10 && b[..3] == [0x1f, 0x8b, 8] && b[3] & 0xe0 == 0 && matches!(b[8], 0 | 2 | 4)
}

/// The archive as an uncompressed byte stream with positions; see the
/// module doc.
pub(super) struct Input<R> {
    src: Source<R>,
    /// Uncompressed bytes read ahead; `buf[pos..]` is not yet consumed.
    buf: Vec<u8>,
    pos: usize,
    /// Uncompressed bytes consumed, and newlines among them.
    consumed: u64,
    lines: u64,
    /// Uncompressed offset at which each recent gzip member starts, with
    /// its file offset (pruned as reading moves on).
    members: VecDeque<(u64, u64)>,
    gzip: bool,
}

impl<R: Read> Input<R> {
    /// Reads `inner`, gzipped or not (told by its first bytes).
    pub(super) fn new(inner: R) -> io::Result<Self> {
        let mut counted = Counted::new(inner);
        let gzip = counted.fill_at_least(2)?.starts_with(&[0x1f, 0x8b]);
        Ok(Input {
            src: if gzip {
                Source::Between(counted)
            } else {
                Source::Plain(counted)
            },
            buf: Vec::new(),
            pos: 0,
            consumed: 0,
            lines: 0,
            members: VecDeque::new(),
            gzip,
        })
    }

    /// Where the next unconsumed byte lies.
    pub(super) fn position(&mut self) -> Position {
        // Start the next gzip member if the last one just ended, so that
        // its offset is known. A failure shows again at the next read.
        let _ = self.peek(1);
        while self.members.len() > 1 && self.members[1].0 <= self.consumed {
            self.members.pop_front();
        }
        let member = self
            .members
            .front()
            .filter(|(at, _)| *at <= self.consumed)
            .map(|(_, file)| *file);
        Position {
            offset: self.consumed,
            member: if self.gzip { member.or(Some(0)) } else { None },
            line: self.lines + 1,
        }
    }

    /// Whether the failure was the source's own (a read error) rather
    /// than bad data: then nothing further can be read.
    pub(super) fn source_failed(&self) -> bool {
        match &self.src {
            Source::Plain(c) | Source::Between(c) | Source::Broken(c, _) => c.failed,
            Source::Member(d) => d.get_ref().failed,
            Source::Done => false,
        }
    }

    /// Appends the next uncompressed bytes to `buf`; 0 at the end.
    fn refill(&mut self) -> io::Result<usize> {
        if self.pos > 0 && self.pos >= self.buf.len() / 2 {
            self.buf.drain(..self.pos);
            self.pos = 0;
        }
        let len = self.buf.len();
        self.buf.resize(len + CHUNK, 0);
        let got = self.read_source(len);
        self.buf.truncate(len + *got.as_ref().unwrap_or(&0));
        got
    }

    /// Reads into `buf[at..]` from the source, moving between gzip
    /// members as they end.
    fn read_source(&mut self, at: usize) -> io::Result<usize> {
        loop {
            match std::mem::replace(&mut self.src, Source::Done) {
                Source::Plain(mut c) => {
                    let got = c.read(&mut self.buf[at..]);
                    self.src = Source::Plain(c);
                    return got;
                }
                Source::Member(mut d) => match d.read(&mut self.buf[at..]) {
                    Ok(0) => self.src = Source::Between(d.into_inner()),
                    Ok(n) => {
                        self.src = Source::Member(d);
                        return Ok(n);
                    }
                    Err(e) => {
                        self.src = Source::Broken(d.into_inner(), e.to_string());
                        return Err(e);
                    }
                },
                Source::Between(mut c) => {
                    let head = c.fill_at_least(10)?;
                    if head.is_empty() {
                        return Ok(0);
                    }
                    if !gzip_header(head) {
                        let why = format!("no gzip member at byte {}", c.offset);
                        self.src = Source::Broken(c, why.clone());
                        return Err(io::Error::new(io::ErrorKind::InvalidData, why));
                    }
                    // What is buffered before `at` comes before this member.
                    let starts = self.consumed + (at - self.pos) as u64;
                    self.members.push_back((starts, c.offset));
                    c.keep_history();
                    self.src = Source::Member(Box::new(GzDecoder::new(c)));
                }
                Source::Broken(c, why) => {
                    let e = io::Error::new(io::ErrorKind::InvalidData, why.clone());
                    self.src = Source::Broken(c, why);
                    return Err(e);
                }
                Source::Done => return Ok(0),
            }
        }
    }

    /// The unconsumed bytes, at least `n` of them unless the stream ends
    /// first.
    pub(super) fn peek(&mut self, n: usize) -> io::Result<&[u8]> {
        while self.buf.len() - self.pos < n {
            if self.refill()? == 0 {
                break;
            }
        }
        Ok(&self.buf[self.pos..])
    }

    /// Some unconsumed bytes; empty only at the end of the stream.
    pub(super) fn fill(&mut self) -> io::Result<&[u8]> {
        self.peek(1)
    }

    /// Marks `n` buffered bytes as read.
    pub(super) fn consume(&mut self, n: usize) {
        let taken = &self.buf[self.pos..self.pos + n];
        self.lines += taken.iter().filter(|&&b| b == b'\n').count() as u64;
        self.consumed += n as u64;
        self.pos += n;
    }

    /// Reads up to `n` bytes into `out`; fewer only at the end.
    pub(super) fn read_into(&mut self, n: u64, out: &mut Vec<u8>) -> io::Result<u64> {
        let mut left = n;
        while left > 0 {
            let avail = self.fill()?;
            if avail.is_empty() {
                break;
            }
            let take = avail.len().min(left.min(usize::MAX as u64) as usize);
            out.extend_from_slice(&avail[..take]);
            self.consume(take);
            left -= take as u64;
        }
        Ok(n - left)
    }

    /// Skips up to `n` bytes; fewer only at the end.
    pub(super) fn skip(&mut self, n: u64) -> io::Result<u64> {
        let mut left = n;
        while left > 0 {
            let avail = self.fill()?.len();
            if avail == 0 {
                break;
            }
            let take = avail.min(left.min(usize::MAX as u64) as usize);
            self.consume(take);
            left -= take as u64;
        }
        Ok(n - left)
    }

    /// Puts bytes just consumed back in front of the stream (a record
    /// whose length ran into the next record gives back what it took).
    pub(super) fn unread(&mut self, bytes: &[u8]) {
        let n = bytes.len();
        if self.pos >= n {
            self.pos -= n;
            self.buf[self.pos..self.pos + n].copy_from_slice(bytes);
        } else {
            let mut buf = bytes.to_vec();
            buf.extend_from_slice(&self.buf[self.pos..]);
            self.buf = buf;
            self.pos = 0;
        }
        self.consumed -= n as u64;
        self.lines -= bytes.iter().filter(|&&b| b == b'\n').count() as u64;
    }

    /// After a gzip member failed: drops what was read ahead and goes on
    /// at the next gzip header in the file. Returns the file offset where
    /// reading resumes, `None` when no member follows.
    pub(super) fn skip_member(&mut self) -> io::Result<Option<u64>> {
        let mut c = match std::mem::replace(&mut self.src, Source::Done) {
            Source::Broken(c, _) | Source::Between(c) => c,
            Source::Member(d) => d.into_inner(),
            other => {
                self.src = other;
                return Ok(None);
            }
        };
        self.consume(self.buf.len() - self.pos);
        c.rewind_past_start();
        c.history = None;
        loop {
            let head = c.fill_at_least(10)?;
            if head.len() < 10 {
                let n = head.len();
                io::BufRead::consume(&mut c, n);
                return Ok(None);
            }
            let found = (0..=head.len() - 10).find(|&i| gzip_header(&head[i..]));
            match found {
                Some(i) => {
                    io::BufRead::consume(&mut c, i);
                    let at = c.offset;
                    self.src = Source::Between(c);
                    return Ok(Some(at));
                }
                None => {
                    let n = head.len() - 9;
                    io::BufRead::consume(&mut c, n);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::warc::tests::gzip;

    fn all(input: &mut Input<&[u8]>) -> Vec<u8> {
        let mut out = Vec::new();
        input.read_into(u64::MAX, &mut out).unwrap();
        out
    }

    #[test]
    fn plain_and_gzipped_streams_read_alike() {
        let mut plain = Input::new(&b"one\ntwo\n"[..]).unwrap();
        assert_eq!(plain.position().member, None);
        assert_eq!(all(&mut plain), b"one\ntwo\n");
        assert_eq!(plain.position().line, 3);
        let mut two = gzip(b"one\n");
        let second = two.len() as u64;
        two.extend(gzip(b"two\n"));
        let mut gz = Input::new(&two[..]).unwrap();
        assert_eq!(gz.peek(3).unwrap(), b"one\n");
        gz.consume(4);
        gz.peek(1).unwrap();
        let at = gz.position();
        assert_eq!((at.offset, at.member, at.line), (4, Some(second), 2));
        assert_eq!(all(&mut gz), b"two\n");
    }

    #[test]
    fn a_corrupt_member_is_skipped_to_the_next() {
        let mut file = gzip(b"first\n");
        let mut bad = gzip(&b"second member text ".repeat(50));
        let n = bad.len();
        bad[n / 2..n - 8].fill(0xff);
        file.extend(&bad);
        let third = file.len() as u64;
        file.extend(gzip(b"third\n"));
        let mut input = Input::new(&file[..]).unwrap();
        let mut out = Vec::new();
        assert!(input.read_into(u64::MAX, &mut out).is_err());
        assert!(out.starts_with(b"first\n"));
        assert!(!input.source_failed());
        assert_eq!(input.skip_member().unwrap(), Some(third));
        assert_eq!(all(&mut input), b"third\n");
    }

    #[test]
    fn unread_puts_bytes_back() {
        let mut input = Input::new(&b"abc\ndef"[..]).unwrap();
        let mut out = Vec::new();
        input.read_into(5, &mut out).unwrap();
        input.unread(&out[3..]);
        assert_eq!(input.position().offset, 3);
        assert_eq!(input.position().line, 1);
        assert_eq!(all(&mut input), b"\ndef");
    }
}
