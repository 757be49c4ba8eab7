//! How far into a streamed file reading has got, for a progress bar that
//! moves with the bytes of one large file (a 1 GB WARC) rather than only
//! when it is done.
//!
//! [`Reporting`] sits between the file and the buffered reader that the
//! web-archive or archive reader takes, counts where reading is, and calls
//! back with the furthest position reached each time it passes another
//! [`STEP`]: positions only grow, and the caller is told the file's size
//! when it is done. A zip reads its directory at the file's end before
//! any member, so its positions count only once the archive is open
//! ([`Armed`]). The library reports; what draws it (the command line's
//! bar) is the caller's.

use std::cell::Cell;
use std::io::{self, Read, Seek, SeekFrom};
use std::rc::Rc;

/// How far reading goes between two reports: a few hundred reports for a
/// gigabyte, none for a small file.
pub const STEP: u64 = 4 << 20;

/// Whether positions count yet; shared between the reader and whoever
/// opens what reads from it.
pub type Armed = Rc<Cell<bool>>;

/// A reader (and seeker) that reports the furthest position read.
pub struct Reporting<'a, R> {
    inner: R,
    pos: u64,
    next: u64,
    armed: Armed,
    on_read: &'a mut dyn FnMut(u64),
}

impl<'a, R> Reporting<'a, R> {
    /// Reports positions in `inner` to `on_read` while `armed` holds.
    pub fn new(inner: R, armed: Armed, on_read: &'a mut dyn FnMut(u64)) -> Reporting<'a, R> {
        Reporting {
            inner,
            pos: 0,
            next: STEP,
            armed,
            on_read,
        }
    }

    fn moved(&mut self) {
        if self.pos >= self.next && self.armed.get() {
            (self.on_read)(self.pos);
            self.next = self.pos + STEP;
        }
    }
}

impl<R: Read> Read for Reporting<'_, R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.pos += n as u64;
        self.moved();
        Ok(n)
    }
}

impl<R: Seek> Seek for Reporting<'_, R> {
    fn seek(&mut self, to: SeekFrom) -> io::Result<u64> {
        self.pos = self.inner.seek(to)?;
        Ok(self.pos)
    }
}

/// Armed from the start.
pub fn armed() -> Armed {
    Rc::new(Cell::new(true))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    /// What `stream_file` says of how far it has read a file.
    fn positions(name: &str, bytes: &[u8]) -> (Vec<u64>, usize) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(name);
        std::fs::write(&path, bytes).unwrap();
        let mut seen = Vec::new();
        let mut drafts = 0;
        let parsed = crate::ingest::stream_file(
            &path,
            64 << 20,
            &mut |batch| drafts += batch.len(),
            &mut |at| seen.push(at),
        );
        assert!(parsed.is_ok(), "{name}: {:?}", parsed.err());
        (seen, drafts)
    }

    /// Positions only grow, come every [`STEP`] or so, and end at the
    /// file's size, for a web archive, a zip and a tar.
    #[test]
    fn a_streamed_file_reports_its_bytes_up_to_its_size() {
        let warc = crate::testdata::big_warc();
        let text = |i: u8| format!("Story {i}\n\n{}", "The council met again. ".repeat(150_000));
        let stories: Vec<(String, String)> =
            (0..3).map(|i| (format!("s{i}.txt"), text(i))).collect();
        let mut zip = zip::ZipWriter::new(io::Cursor::new(Vec::new()));
        let stored = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Stored);
        for (name, body) in &stories {
            zip.start_file(name.as_str(), stored).unwrap();
            zip.write_all(body.as_bytes()).unwrap();
        }
        let zip = zip.finish().unwrap().into_inner();
        let mut tar = tar::Builder::new(Vec::new());
        for (name, body) in &stories {
            let mut h = tar::Header::new_gnu();
            h.set_size(body.len() as u64);
            h.set_mode(0o644);
            h.set_cksum();
            tar.append_data(&mut h, name, body.as_bytes()).unwrap();
        }
        let tar = tar.into_inner().unwrap();
        for (name, bytes, articles) in [
            ("crawl.warc", &warc, 1),
            ("day.zip", &zip, 3),
            ("day.tar", &tar, 3),
        ] {
            let size = bytes.len() as u64;
            assert!(size > 2 * STEP, "{name}: {size}");
            let (seen, drafts) = positions(name, bytes);
            assert_eq!(drafts, articles, "{name}");
            assert!(seen.windows(2).all(|w| w[0] < w[1]), "{name}: {seen:?}");
            assert_eq!(seen.last(), Some(&size), "{name}: {seen:?}");
            // On the way, not only at the end; never more than a step apart
            // (a buffer's fill at most past it).
            assert!(seen.len() >= 3, "{name}: {seen:?}");
            assert!(seen[0] <= STEP + (1 << 20), "{name}: {seen:?}");
        }
    }

    #[test]
    fn reports_the_furthest_position_once_armed() {
        let data = vec![7u8; (STEP * 3 + 10) as usize];
        let mut seen = Vec::new();
        let mut on_read = |p| seen.push(p);
        let armed: Armed = Rc::new(Cell::new(false));
        let mut r = Reporting::new(io::Cursor::new(&data), armed.clone(), &mut on_read);
        // Unarmed: a read at the end (a zip's directory) is not reported.
        r.seek(SeekFrom::End(-5)).unwrap();
        r.read_to_end(&mut Vec::new()).unwrap();
        armed.set(true);
        r.seek(SeekFrom::Start(0)).unwrap();
        let mut buf = vec![0u8; (STEP / 2) as usize];
        while r.read(&mut buf).unwrap() > 0 {}
        drop(r);
        assert_eq!(seen, [STEP, STEP * 2, STEP * 3]);
    }
}
