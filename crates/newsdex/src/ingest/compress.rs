//! Transparent decompression of `.gz` and `.zst` article files.
//!
//! Compression is recognised by its magic bytes (gzip `1f 8b`, zstd
//! `28 b5 2f fd`), not by the file name, so a compressed page saved without
//! the suffix is read too; the name only tells the walker which format is
//! inside (`x.html.gz` is HTML, see [`super::Format::from_extension`]).
//! Parsers never see compressed bytes: [`super::parse_bytes`] and
//! [`super::Format::detect`] call [`decompress`] / [`head`] first.
//!
//! Output is capped: a small file that expands without bound (a zip bomb)
//! is refused with a reason once it passes the limit, rather than eating
//! memory. The limit is the one `--max-file-size` sets for plain files.

use std::borrow::Cow;
use std::io::Read;

/// A compression format newsdex reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Compression {
    /// gzip (RFC 1952), possibly several members concatenated.
    Gzip,
    /// Zstandard frames.
    Zstd,
}

impl Compression {
    /// The compression `bytes` start with, if any.
    pub fn sniff(bytes: &[u8]) -> Option<Compression> {
        if bytes.starts_with(&[0x1f, 0x8b]) {
            Some(Compression::Gzip)
        } else if bytes.starts_with(&[0x28, 0xb5, 0x2f, 0xfd]) {
            Some(Compression::Zstd)
        } else {
            None
        }
    }

    /// The compression a file-name extension names (`gz`, `zst`), if any.
    pub fn from_extension(ext: &str) -> Option<Compression> {
        match ext.to_ascii_lowercase().as_str() {
            "gz" | "gzip" => Some(Compression::Gzip),
            "zst" | "zstd" => Some(Compression::Zstd),
            _ => None,
        }
    }

    /// Short name for messages.
    pub fn name(self) -> &'static str {
        match self {
            Compression::Gzip => "gzip",
            Compression::Zstd => "zstd",
        }
    }

    fn reader<'a>(self, bytes: &'a [u8]) -> Result<Box<dyn Read + 'a>, String> {
        Ok(match self {
            // MultiGzDecoder: `cat a.gz b.gz` is a valid gzip file.
            Compression::Gzip => Box::new(flate2::read::MultiGzDecoder::new(bytes)),
            Compression::Zstd => Box::new(
                zstd::stream::read::Decoder::with_buffer(bytes)
                    .map_err(|e| format!("cannot read zstd data: {e}"))?,
            ),
        })
    }
}

/// The bytes of a file with any compression removed: borrowed unchanged
/// when the file is not compressed, else decompressed into memory, refusing
/// output longer than `limit` bytes.
pub fn decompress(bytes: &[u8], limit: u64) -> Result<Cow<'_, [u8]>, String> {
    let Some(kind) = Compression::sniff(bytes) else {
        return Ok(Cow::Borrowed(bytes));
    };
    let mut out = Vec::new();
    // One byte past the limit tells "exactly at the limit" from "over it".
    kind.reader(bytes)?
        .take(limit.saturating_add(1))
        .read_to_end(&mut out)
        .map_err(|e| format!("cannot decompress {} data: {e}", kind.name()))?;
    if out.len() as u64 > limit {
        return Err(format!(
            "{} data expands to over {}, the --max-file-size limit",
            kind.name(),
            megabytes(limit)
        ));
    }
    Ok(Cow::Owned(out))
}

/// Up to `n` leading bytes of the content, decompressed if need be (for
/// sniffing the format); a damaged stream gives what could be read.
pub fn head(bytes: &[u8], n: usize) -> Cow<'_, [u8]> {
    let Some(kind) = Compression::sniff(bytes) else {
        return Cow::Borrowed(&bytes[..bytes.len().min(n)]);
    };
    let mut out = Vec::with_capacity(n);
    if let Ok(reader) = kind.reader(bytes) {
        // An error part-way leaves what was read before it in `out`.
        let _ = reader.take(n as u64).read_to_end(&mut out);
    }
    Cow::Owned(out)
}

fn megabytes(bytes: u64) -> String {
    if bytes >= 1 << 20 && bytes.is_multiple_of(1 << 20) {
        format!("{} MB", bytes >> 20)
    } else {
        format!("{bytes} bytes")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn gzip(data: &[u8]) -> Vec<u8> {
        let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        enc.write_all(data).unwrap();
        enc.finish().unwrap()
    }

    #[test]
    fn plain_bytes_pass_through_unchanged() {
        let out = decompress(b"<html>", 10).unwrap();
        assert!(matches!(out, Cow::Borrowed(b"<html>")));
        assert_eq!(&*head(b"abcdef", 3), b"abc");
    }

    #[test]
    fn gzip_and_zstd_round_trip() {
        let page = b"<html><body><p>Flood warning issued.</p></body></html>".repeat(20);
        assert_eq!(&*decompress(&gzip(&page), 1 << 20).unwrap(), &page[..]);
        let zst = zstd::stream::encode_all(&page[..], 3).unwrap();
        assert_eq!(Compression::sniff(&zst), Some(Compression::Zstd));
        assert_eq!(&*decompress(&zst, 1 << 20).unwrap(), &page[..]);
        assert_eq!(&*head(&zst, 6), b"<html>");
        // Two gzip members concatenated are one file.
        let mut two = gzip(b"first ");
        two.extend(gzip(b"second"));
        assert_eq!(&*decompress(&two, 100).unwrap(), b"first second");
    }

    #[test]
    fn a_bomb_stops_at_the_limit() {
        // 64 MB of zeros compresses to about 64 KB.
        let bomb = gzip(&vec![0u8; 64 << 20]);
        assert!(bomb.len() < 1 << 20);
        let err = decompress(&bomb, 1 << 20).unwrap_err();
        assert_eq!(
            err,
            "gzip data expands to over 1 MB, the --max-file-size limit"
        );
        // Exactly at the limit is fine.
        assert_eq!(decompress(&gzip(&[7; 100]), 100).unwrap().len(), 100);
    }

    #[test]
    fn damaged_streams_are_errors_not_panics() {
        let mut gz = gzip(&b"some article text ".repeat(100));
        let n = gz.len();
        gz.truncate(n / 2);
        let err = decompress(&gz, 1 << 20).unwrap_err();
        assert!(err.starts_with("cannot decompress gzip data"), "{err}");
        assert!(decompress(&[0x1f, 0x8b, 0, 0], 100).is_err());
        assert!(decompress(&[0x28, 0xb5, 0x2f, 0xfd, 1, 2, 3], 100).is_err());
        let _ = head(&[0x1f, 0x8b, 9, 9, 9], 10);
    }
}
