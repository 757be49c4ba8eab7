//! The ingester: finds article files under a source root and turns each into
//! [`Draft`]s with the parser for its format.
//!
//! Flow: [`walk`] lists candidate files (walkdir) with their size and mtime;
//! [`Format::detect`] picks a parser by extension, then by sniffing the
//! content; [`parse_bytes`] decompresses `.gz`/`.zst` files ([`compress`]),
//! decodes the bytes ([`decode`]) and runs the parser.
//! One file per format: [`text`], [`html`], [`json`] (JSON and JSON Lines),
//! [`sgml`] (Reuters-21578). Parsers return drafts and per-record problems;
//! they never see tantivy, nor compressed bytes.

pub mod compress;
pub mod decode;
pub mod html;
pub mod json;
pub mod sgml;
pub mod text;

use std::path::{Path, PathBuf};
use std::time::UNIX_EPOCH;

use crate::article::Draft;

/// A supported article file format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Plain text: headline on the first line, paragraphs after.
    Text,
    /// An HTML article page.
    Html,
    /// A JSON object, or an array of objects, one article each.
    Json,
    /// JSON Lines: one article object per line.
    JsonLines,
    /// Reuters-21578 SGML: many `<REUTERS>` articles per file.
    Sgml,
}

impl Format {
    /// The format a file name's extension promises, if any. A compression
    /// suffix is looked through: `story.html.gz` is HTML.
    pub fn from_extension(path: &Path) -> Option<Format> {
        let path = strip_compression(path);
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        Some(match ext.as_str() {
            "txt" | "text" => Format::Text,
            "html" | "htm" | "xhtml" | "shtml" => Format::Html,
            "json" => Format::Json,
            "jsonl" | "ndjson" => Format::JsonLines,
            "sgm" | "sgml" => Format::Sgml,
            _ => return None,
        })
    }

    /// Picks the parser for a file: the extension's format, corrected by the
    /// content where they disagree (an HTML page saved as `.txt`, a JSON Lines
    /// file saved as `.json`).
    pub fn detect(path: &Path, bytes: &[u8]) -> Option<Format> {
        let by_ext = Format::from_extension(path)?;
        let head = compress::head(bytes, 1024);
        let head = String::from_utf8_lossy(&head);
        let head = head.trim_start_matches('\u{feff}').trim_start();
        let lower = head.to_ascii_lowercase();
        let looks_html = lower.starts_with("<!doctype html") || lower.starts_with("<html");
        Some(match by_ext {
            Format::Text if looks_html => Format::Html,
            Format::Text
                if lower.starts_with("<!doctype lewis") || lower.starts_with("<reuters") =>
            {
                Format::Sgml
            }
            Format::Json if looks_like_json_lines(&compress::head(bytes, 64 * 1024)) => {
                Format::JsonLines
            }
            other => other,
        })
    }

    /// Whether one file of this format may hold several articles.
    pub fn multi_record(self) -> bool {
        matches!(self, Format::Json | Format::JsonLines | Format::Sgml)
    }

    /// Short lower-case name for messages.
    pub fn name(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Html => "html",
            Format::Json => "json",
            Format::JsonLines => "jsonl",
            Format::Sgml => "sgml",
        }
    }
}

/// Two or more lines that each start a JSON object: JSON Lines.
fn looks_like_json_lines(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(64 * 1024)];
    let mut objects = 0;
    for line in head.split(|&b| b == b'\n').take(3) {
        let line = line.trim_ascii();
        if line.starts_with(b"{") && line.ends_with(b"}") {
            objects += 1;
        }
    }
    objects >= 2
}

/// What a parser found in one file.
#[derive(Debug, Default)]
pub struct Parsed {
    /// The articles, in file order.
    pub drafts: Vec<Draft>,
    /// Records that could not be read (the rest of the file still counts).
    pub problems: Vec<RecordProblem>,
}

/// A record a parser had to skip.
#[derive(Debug, Clone, PartialEq)]
pub struct RecordProblem {
    /// 1-based line where the record starts.
    pub line: u64,
    /// Why it was skipped.
    pub reason: String,
}

/// The most a compressed file may expand to when the caller gives no limit:
/// the default `--max-file-size`.
pub const DEFAULT_MAX_DECOMPRESSED: u64 = 64 << 20;

/// Decodes and parses one file's bytes (gzip or zstd compressed ones
/// expanding to at most [`DEFAULT_MAX_DECOMPRESSED`]). `Err` means the whole
/// file is unusable (binary, unparseable, no article in it), with the reason.
pub fn parse_bytes(bytes: &[u8], format: Format) -> Result<Parsed, String> {
    parse_bytes_limited(bytes, format, DEFAULT_MAX_DECOMPRESSED)
}

/// [`parse_bytes`] with the caller's cap (`--max-file-size`) on what a
/// compressed file may expand to, so that a zip bomb is refused with a
/// reason instead of filling memory.
pub fn parse_bytes_limited(bytes: &[u8], format: Format, limit: u64) -> Result<Parsed, String> {
    let bytes = compress::decompress(bytes, limit)?;
    let decoded = decode::decode(&bytes, format == Format::Html)?;
    let text = decoded.text.as_str();
    // Said once here rather than in each parser's own words ("invalid JSON:
    // EOF while parsing", "no <REUTERS> records").
    if text.trim_start_matches('\u{feff}').trim().is_empty() {
        return Err("empty file (no text)".to_string());
    }
    let parsed = match format {
        Format::Text => text::parse(text)?,
        Format::Html => html::parse(text)?,
        Format::Json => json::parse(text)?,
        Format::JsonLines => json::parse_lines(text)?,
        Format::Sgml => sgml::parse(text)?,
    };
    if parsed.drafts.is_empty() && parsed.problems.is_empty() {
        return Err("no article text found".to_string());
    }
    Ok(parsed)
}

/// A candidate article file found by [`walk`].
#[derive(Debug, Clone)]
pub struct FileEntry {
    /// Absolute path.
    pub path: PathBuf,
    /// Path relative to the root, `/`-separated.
    pub rel: String,
    /// Size in bytes.
    pub size: u64,
    /// Modification time, nanoseconds since the Unix epoch.
    pub mtime_ns: i128,
}

/// A path the walk could not use, with the reason.
#[derive(Debug, Clone)]
pub struct WalkProblem {
    /// The path (or the root) concerned.
    pub path: PathBuf,
    /// Why it was skipped.
    pub reason: String,
}

/// Everything a walk of one root found.
#[derive(Debug, Default)]
pub struct Walk {
    /// Files with no supported extension (counted, not parsed).
    pub ignored: u64,
    /// Entries that could not be read.
    pub problems: Vec<WalkProblem>,
}

/// Lists the article files under `root` (an absolute, existing directory or
/// file). Hidden files and folders and anything under `exclude` (the index
/// itself, when it lives inside a root) are passed over; symbolic links are
/// followed, with loops reported rather than followed forever.
///
/// Each file with a supported extension goes to `on_file` as it is found,
/// in order of relative path: a list of a million entries would be held
/// at once for nothing.
pub fn walk(root: &Path, exclude: &Path, mut on_file: impl FnMut(FileEntry)) -> Walk {
    let mut out = Walk::default();
    let walker = walkdir::WalkDir::new(root)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| {
            e.depth() == 0 || (!is_hidden(e.file_name()) && !e.path().starts_with(exclude))
        });
    for entry in walker {
        let entry = match entry {
            Ok(e) => e,
            Err(err) => {
                let path = err.path().unwrap_or(root).to_path_buf();
                let reason = if err.loop_ancestor().is_some() {
                    "symbolic link loop, not followed".to_string()
                } else if is_broken_link(&path, err.io_error()) {
                    match std::fs::read_link(&path) {
                        Ok(target) => format!(
                            "broken symbolic link: its target {} does not exist",
                            target.display()
                        ),
                        Err(_) => "broken symbolic link".to_string(),
                    }
                } else {
                    match err.io_error() {
                        Some(io) => io.to_string(),
                        None => err.to_string(),
                    }
                };
                out.problems.push(WalkProblem { path, reason });
                continue;
            }
        };
        if !entry.file_type().is_file() {
            continue;
        }
        let path = entry.path();
        if Format::from_extension(path).is_none() || is_not_article(path) {
            out.ignored += 1;
            continue;
        }
        let meta = match entry.metadata() {
            Ok(m) => m,
            Err(err) => {
                out.problems.push(WalkProblem {
                    path: path.to_path_buf(),
                    reason: err.to_string(),
                });
                continue;
            }
        };
        let mtime_ns = meta
            .modified()
            .ok()
            .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
            .map_or(0, |d| d.as_nanos() as i128);
        let rel = match path.strip_prefix(root) {
            Ok(r) if !r.as_os_str().is_empty() => rel_string(r),
            // The root is itself a file.
            _ => path.file_name().map(escape_os_str).unwrap_or_default(),
        };
        on_file(FileEntry {
            path: path.to_path_buf(),
            rel,
            size: meta.len(),
            mtime_ns,
        });
    }
    out
}

/// A link whose target is missing: following it fails with "not found"
/// although the link itself is there.
fn is_broken_link(path: &Path, err: Option<&std::io::Error>) -> bool {
    err.is_some_and(|e| e.kind() == std::io::ErrorKind::NotFound)
        && std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink())
}

/// The string form of a path used as its key in the manifest and its
/// `path` in the index. A name that is not UTF-8 (an old Latin-1 `café.txt`)
/// keeps each invalid byte as `\xHH` instead of a replacement character, so
/// that `café.txt` and `cafè.txt` stay two files rather than one key.
pub fn path_string(path: &Path) -> String {
    escape_os_str(path.as_os_str())
}

fn escape_os_str(s: &std::ffi::OsStr) -> String {
    if let Some(s) = s.to_str() {
        return s.to_string();
    }
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt;
        let mut out = String::new();
        for chunk in s.as_bytes().utf8_chunks() {
            out.push_str(chunk.valid());
            for b in chunk.invalid() {
                out.push_str(&format!("\\x{b:02X}"));
            }
        }
        out
    }
    #[cfg(not(unix))]
    {
        s.to_string_lossy().into_owned()
    }
}

fn is_hidden(name: &std::ffi::OsStr) -> bool {
    name.to_str().is_some_and(|n| n.starts_with('.'))
}

/// README, LICENSE and similar files that sit beside articles in corpus
/// folders are documentation, not news.
fn is_not_article(path: &Path) -> bool {
    let stem = strip_compression(path)
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or_default()
        .to_ascii_uppercase();
    matches!(
        stem.as_str(),
        "README" | "LICENSE" | "LICENCE" | "COPYING" | "CHANGELOG" | "SOURCE" | "ATTRIBUTION"
    )
}

/// The path without a compression suffix: `a/story.html.gz` → `a/story.html`.
fn strip_compression(path: &Path) -> std::borrow::Cow<'_, Path> {
    let compressed = path
        .extension()
        .and_then(|e| e.to_str())
        .and_then(compress::Compression::from_extension)
        .is_some();
    if compressed {
        std::borrow::Cow::Owned(path.with_extension(""))
    } else {
        std::borrow::Cow::Borrowed(path)
    }
}

/// A relative path as a `/`-separated string (non-UTF-8 bytes escaped as
/// in [`path_string`]).
fn rel_string(rel: &Path) -> String {
    rel.components()
        .map(|c| escape_os_str(c.as_os_str()))
        .collect::<Vec<_>>()
        .join("/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn format_by_extension_and_sniffing() {
        let p = Path::new;
        assert_eq!(
            Format::detect(p("a.txt"), b"Headline\n\nBody"),
            Some(Format::Text)
        );
        assert_eq!(
            Format::detect(p("a.TXT"), b"<!DOCTYPE html><html>"),
            Some(Format::Html)
        );
        assert_eq!(
            Format::detect(p("a.json"), b"{\"a\":1}\n{\"a\":2}\n"),
            Some(Format::JsonLines)
        );
        assert_eq!(
            Format::detect(p("a.json"), b"{\n \"a\": 1\n}\n"),
            Some(Format::Json)
        );
        assert_eq!(
            Format::detect(p("a.sgm"), b"<!DOCTYPE lewis"),
            Some(Format::Sgml)
        );
        assert_eq!(Format::detect(p("a.png"), b"\x89PNG"), None);
        assert!(is_not_article(p("bbc/README.TXT")));
        assert!(!is_not_article(p("bbc/001.txt")));
    }

    #[cfg(unix)]
    #[test]
    fn non_utf8_names_stay_distinct() {
        use std::ffi::OsStr;
        use std::os::unix::ffi::OsStrExt;
        let a = Path::new(OsStr::from_bytes(b"/news/caf\xe9.txt"));
        let b = Path::new(OsStr::from_bytes(b"/news/caf\xe8.txt"));
        assert_eq!(path_string(a), "/news/caf\\xE9.txt");
        assert_ne!(path_string(a), path_string(b));
        assert_eq!(path_string(Path::new("/news/café.txt")), "/news/café.txt");
        assert_eq!(
            rel_string(Path::new(OsStr::from_bytes(b"x/\xff.txt"))),
            "x/\\xFF.txt"
        );
    }

    #[test]
    fn compressed_files_are_read_transparently() {
        use std::io::Write;
        let p = Path::new;
        assert_eq!(Format::from_extension(p("h/x.html.gz")), Some(Format::Html));
        assert_eq!(
            Format::from_extension(p("a.JSONL.zst")),
            Some(Format::JsonLines)
        );
        assert_eq!(Format::from_extension(p("corpus.tar.gz")), None);
        assert_eq!(Format::from_extension(p("x.gz")), None);
        assert!(is_not_article(p("README.txt.gz")));
        let page = "<html><head><title>Flood warning issued</title></head>\
            <body><p>The river rose overnight.</p></body></html>";
        let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        enc.write_all(page.as_bytes()).unwrap();
        let gz = enc.finish().unwrap();
        // Sniffing sees through the compression: HTML saved as `.txt.gz`.
        assert_eq!(Format::detect(p("x.txt.gz"), &gz), Some(Format::Html));
        let d = &parse_bytes(&gz, Format::Html).unwrap().drafts[0];
        assert_eq!(d.title.as_deref(), Some("Flood warning issued"));
        assert_eq!(d.body, "The river rose overnight.");
        let err = parse_bytes_limited(&gz, Format::Html, 20).unwrap_err();
        assert!(err.contains("--max-file-size"), "{err}");
        let lines = zstd::stream::encode_all(&b"{\"a\":1}\n{\"a\":2}\n"[..], 1).unwrap();
        assert_eq!(
            Format::detect(p("x.json.zst"), &lines),
            Some(Format::JsonLines)
        );
    }

    #[test]
    fn blank_files_are_empty_in_every_format() {
        for format in [
            Format::Text,
            Format::Html,
            Format::Json,
            Format::JsonLines,
            Format::Sgml,
        ] {
            let err = parse_bytes(b" \n\t\r\n", format).unwrap_err();
            assert_eq!(err, "empty file (no text)", "{format:?}");
        }
    }
}
