//! The ingester: finds article files under a source root and turns each into
//! [`Draft`]s with the parser for its format.
//!
//! Flow: [`walk`] lists candidate files (walkdir) with their size and mtime,
//! and the files it passes over with the reason ([`IgnoreReason`]);
//! [`Format::detect`] picks a parser by extension, then by sniffing the
//! content; [`parse_bytes`] decompresses `.gz`/`.zst` files ([`compress`]),
//! decodes the bytes ([`decode`]) and runs the parser; [`parse_file`] does
//! both, falling back to the extension's parser when a sniffed one fails.
//!
//! Conventional project files (`README`, `LICENSE.md`, `COPYING`, ... see
//! [`is_project_file`]) sit beside articles in corpus folders. They are
//! passed over only when they do not parse as an article
//! ([`reads_as_article`]); any other name (`source.html`, `readme.html`)
//! is read like every file.
//! One file per format: [`text`], [`html`], [`json`] (JSON and JSON Lines),
//! [`sgml`] (Reuters-21578), [`delimited`] (CSV and TSV, column names
//! mapped by `fields` as JSON keys are), [`trec`] (`<doc>` collections,
//! found by content whatever their name), [`warc`] (WARC, ARC and WET
//! web archives), and the news-database exports
//! of LexisNexis, Nexis Uni, Factiva and Europresse in [`exports`] (a
//! folder: one file per vendor layout); [`archive`] reads zip and tar
//! archives member by member. Parsers return drafts and per-record
//! problems; they never see tantivy, nor compressed bytes. A file read as
//! a stream ([`stream_file`]) also says how far into it reading has got
//! (`reporting`), for progress by bytes.

pub mod archive;
pub mod byline;
pub mod compress;
pub mod decode;
pub mod delimited;
pub mod exports;
mod fields;
pub mod html;
mod ignored;
pub mod json;
mod reporting;
pub mod sgml;
pub mod text;
pub mod trec;
pub mod warc;

pub use ignored::ignored_by_extension;
pub use reporting::STEP as STREAM_STEP;

use std::path::{Path, PathBuf};
use std::time::UNIX_EPOCH;

use serde::Serialize;

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
    /// A news-database export (LexisNexis, Nexis Uni, Factiva,
    /// Europresse): many documents per file.
    Export(exports::Layout),
    /// CSV or TSV: one article per row.
    Csv,
    /// A TREC-style collection: many `<doc>` articles per file.
    Trec,
    /// A zip or tar archive, each member read by its own format.
    Archive,
    /// A web archive (WARC, ARC, WET; WAT files give no article): one
    /// article per HTML page captured.
    Warc,
}

impl Format {
    /// The format a file name's extension promises, if any. A compression
    /// suffix is looked through: `story.html.gz` is HTML.
    pub fn from_extension(path: &Path) -> Option<Format> {
        if archive::Kind::from_path(path).is_some() {
            return Some(Format::Archive);
        }
        let path = strip_compression(path);
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        Some(match ext.as_str() {
            "txt" | "text" => Format::Text,
            "html" | "htm" | "xhtml" | "shtml" => Format::Html,
            "json" => Format::Json,
            "jsonl" | "ndjson" => Format::JsonLines,
            "sgm" | "sgml" => Format::Sgml,
            "docx" => Format::Export(exports::Layout::Docx),
            "csv" | "tsv" | "tab" => Format::Csv,
            "trec" => Format::Trec,
            "warc" | "arc" | "wet" | "wat" => Format::Warc,
            _ => return None,
        })
    }

    /// Picks the parser for a file: the extension's format, corrected by the
    /// content where they disagree (an HTML page or a JSON article saved as
    /// `.txt`, a JSON Lines file saved as `.json`).
    pub fn detect(path: &Path, bytes: &[u8]) -> Option<Format> {
        let by_ext = Format::from_extension(path).or_else(|| Format::by_content(path, bytes))?;
        // A database export by its content, whatever its extension says.
        if matches!(by_ext, Format::Text | Format::Html | Format::Export(_)) {
            if let Some(layout) = exports::sniff(bytes) {
                return Some(Format::Export(layout));
            }
        }
        let head = compress::head(bytes, 1024);
        let head = String::from_utf8_lossy(&head);
        let head = head.trim_start_matches('\u{feff}').trim_start();
        let lower = head.to_ascii_lowercase();
        let looks_html = lower.starts_with("<!doctype html") || lower.starts_with("<html");
        let json_lines = || looks_like_json_lines(&compress::head(bytes, 64 * 1024));
        Some(match by_ext {
            Format::Archive => Format::Archive,
            _ if warc::sniff(head.as_bytes()) => Format::Warc,
            _ if trec::looks_like(head) => Format::Trec,
            Format::Text if looks_html => Format::Html,
            Format::Text
                if lower.starts_with("<!doctype lewis") || lower.starts_with("<reuters") =>
            {
                Format::Sgml
            }
            Format::Text if json_lines() => Format::JsonLines,
            Format::Text if looks_like_json(head) => Format::Json,
            Format::Json if json_lines() => Format::JsonLines,
            Format::Export(exports::Layout::FactivaXml) if looks_html => Format::Html,
            other => other,
        })
    }

    /// Whether one file of this format may hold several articles.
    pub fn multi_record(self) -> bool {
        matches!(
            self,
            Format::Json
                | Format::JsonLines
                | Format::Sgml
                | Format::Csv
                | Format::Trec
                | Format::Archive
                | Format::Export(_)
                | Format::Warc
        )
    }

    /// Short lower-case name for messages.
    pub fn name(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Html => "html",
            Format::Json => "json",
            Format::JsonLines => "jsonl",
            Format::Sgml => "sgml",
            Format::Export(layout) => layout.name(),
            Format::Csv => "csv",
            Format::Trec => "trec",
            Format::Archive => "archive",
            Format::Warc => "warc",
        }
    }

    /// The format of a file whose name promises none but may hold
    /// articles (no extension, a number, `.dat`, `.xml`: what TREC-style
    /// collections and Factiva XML exports are called), from its first
    /// bytes. Any other `.xml` (a feed, a sitemap) is no article format:
    /// passed over by the walk and counted, never a failed file.
    pub fn by_content(path: &Path, bytes: &[u8]) -> Option<Format> {
        let path = strip_compression(path);
        let ext = path
            .extension()
            .map(|e| e.to_string_lossy().to_ascii_lowercase());
        let named = match ext.as_deref() {
            None => true,
            Some(e) => matches!(e, "dat" | "xml") || e.bytes().all(|b| b.is_ascii_digit()),
        };
        if !named {
            return None;
        }
        if exports::sniff(bytes) == Some(exports::Layout::FactivaXml) {
            return Some(Format::Export(exports::Layout::FactivaXml));
        }
        let head = compress::head(bytes, 1024);
        trec::looks_like(&String::from_utf8_lossy(&head)).then_some(Format::Trec)
    }
}

/// Text that opens a JSON object (`{` then a key or `}`) or an array of
/// objects (`[` then `{`): no headline of a plain-text article does.
fn looks_like_json(head: &str) -> bool {
    let after = |open: char| {
        head.strip_prefix(open)
            .map(|rest| rest.trim_start().chars().next())
    };
    matches!(after('{'), Some(Some('"' | '}'))) || matches!(after('['), Some(Some('{')))
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

/// Whether a file is read as a stream ([`stream_file`]) rather than whole:
/// web archives and zip or tar archives, by name, which may be far larger
/// than memory or `--max-file-size`. Their limit applies to each record or
/// member instead.
pub fn streams(path: &Path) -> bool {
    matches!(
        Format::from_extension(path),
        Some(Format::Warc | Format::Archive)
    )
}

/// Whether a file's bytes on disk, decoded, are its articles' text, so that
/// a passage can be found in it by line: not compressed, not an archive or
/// a web archive ([`streams`]), not a Word file.
pub fn text_on_disk(path: &Path) -> bool {
    let binary = matches!(
        Format::from_extension(path),
        Some(Format::Export(layout)) if layout.is_binary()
    );
    !binary && !streams(path) && matches!(strip_compression(path), std::borrow::Cow::Borrowed(_))
}

/// Reads a file that [`streams`] from disk, its drafts handed to
/// `on_batch` as they are read (records or members over `limit` bytes are
/// reported, not read), and how far into the file reading has got to
/// `on_read`: a byte position that only grows, every few megabytes, and
/// the file's size once it is read. The returned file holds the problems,
/// notes and skip counts; `Err` means the file is unusable, with the
/// reason.
pub fn stream_file(
    path: &Path,
    limit: u64,
    on_batch: &mut dyn FnMut(Vec<Draft>),
    on_read: &mut dyn FnMut(u64),
) -> Result<ParsedFile, String> {
    match Format::from_extension(path) {
        Some(Format::Warc) => warc::stream(path, limit, on_batch, on_read),
        Some(Format::Archive) => archive::stream(path, limit, on_batch, on_read),
        _ => Err("not a web archive or an archive".to_string()),
    }
}

/// What a parser found in one file.
#[derive(Debug, Default)]
pub struct ParsedFile {
    /// The articles, in file order.
    pub drafts: Vec<Draft>,
    /// Records that could not be read (the rest of the file still counts).
    pub problems: Vec<RecordProblem>,
    /// What the parser had to guess, in words for `index --verbose` ("no
    /// header row: body from column 2, section from column 1"), and what
    /// it passed over inside the file (an archive's members of no article
    /// format). Empty when the file said everything itself.
    pub notes: Vec<String>,
    /// Records passed over on purpose, counted by kind (a web archive's
    /// requests, redirects, images ...); empty for other formats.
    pub skipped: Vec<(String, u64)>,
}

/// Whether a parsed record is empty: neither a title nor body text. The
/// HTML, JSON and SGML parsers each refuse or skip such a record, in their
/// own words.
fn is_empty_record(title: Option<&str>, body: &str) -> bool {
    title.is_none() && body.is_empty()
}

/// A record a parser had to skip.
#[derive(Debug, Clone, PartialEq)]
pub struct RecordProblem {
    /// 1-based line where the record starts; 0 when the problem is at no
    /// line of the file (a zip or tar archive's: the member's line, if
    /// any, is in the reason).
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
pub fn parse_bytes(bytes: &[u8], format: Format) -> Result<ParsedFile, String> {
    parse_bytes_limited(bytes, format, DEFAULT_MAX_DECOMPRESSED)
}

/// [`parse_bytes`] with the caller's cap (`--max-file-size`) on what a
/// compressed file may expand to, so that a zip bomb is refused with a
/// reason instead of filling memory.
pub fn parse_bytes_limited(bytes: &[u8], format: Format, limit: u64) -> Result<ParsedFile, String> {
    if format == Format::Archive {
        // Members one at a time, never the whole archive decompressed.
        return archive::parse_all(bytes, limit);
    }
    // A web archive decompresses itself, gzip member by member, so that a
    // damaged member costs one record and not the file; `limit` caps
    // each record rather than the whole.
    if format == Format::Warc {
        return warc::parse(bytes, limit);
    }
    let bytes = compress::decompress(bytes, limit)?;
    if let Format::Export(layout) = format {
        if layout.is_binary() {
            return exports::parse_binary(&bytes, layout, limit);
        }
    }
    let html = matches!(format, Format::Html)
        || matches!(format, Format::Export(layout) if layout.is_html());
    let decoded = decode::decode(&bytes, html)?;
    let text = decoded.text.as_str();
    // Said once here rather than in each parser's own words ("invalid JSON:
    // EOF while parsing", "no <REUTERS> records").
    if text.trim_start_matches('\u{feff}').trim().is_empty() {
        return Err("empty file (no text)".to_string());
    }
    let mut parsed = match format {
        Format::Text => text::parse(text)?,
        Format::Html => html::parse(text)?,
        Format::Json => json::parse(text)?,
        Format::JsonLines => json::parse_lines(text)?,
        Format::Sgml => sgml::parse(text)?,
        Format::Export(layout) => exports::parse(text, layout)?,
        Format::Csv => delimited::parse(text)?,
        Format::Trec => trec::parse(text)?,
        Format::Archive => unreachable!("archives are read above"),
        // Read above; kept here so that the match stays exhaustive.
        Format::Warc => warc::parse(text.as_bytes(), limit)?,
    };
    if decoded.detected {
        let note = format!(
            "no BOM or declared charset: decoded as {} (detected)",
            decoded.encoding
        );
        parsed.notes.insert(0, note);
    }
    if parsed.drafts.is_empty() && parsed.problems.is_empty() {
        return Err("no article text found".to_string());
    }
    Ok(parsed)
}

/// Detects a file's format ([`Format::detect`]) and parses it
/// ([`parse_bytes_limited`]). When sniffing chose another format than the
/// extension's and that parse fails (a `.txt` that opens like JSON but is
/// not), the extension's parser gets the file instead, so nothing that
/// read before sniffing is lost. `None` when the extension is not an
/// article format; otherwise the format used and what it gave.
pub fn parse_file(
    path: &Path,
    bytes: &[u8],
    limit: u64,
) -> Option<(Format, Result<ParsedFile, String>)> {
    let by_ext = Format::from_extension(path).or_else(|| Format::by_content(path, bytes))?;
    let format = Format::detect(path, bytes)?;
    let parsed = parse_bytes_limited(bytes, format, limit);
    if parsed.is_err() && format != by_ext {
        if let Ok(p) = parse_bytes_limited(bytes, by_ext, limit) {
            return Some((by_ext, Ok(p)));
        }
    }
    Some((format, parsed))
}

/// Whether what a project-named file ([`is_project_file`]) parsed into is
/// an article rather than documentation. Plain text is an article only
/// when it carries article metadata: a header block (`Title:`, `Date:`
/// ...), or a dateline or `By` line under its headline, i.e. the parser
/// found a date, byline, source, section or URL. A README in prose has
/// none of those. The structured formats (an HTML page, JSON, JSON Lines,
/// SGML records, also when sniffed inside a `.txt`) are articles when
/// they gave at least one.
pub fn reads_as_article(format: Format, parsed: &ParsedFile) -> bool {
    match format {
        Format::Text => parsed.drafts.iter().any(|d| {
            d.date.is_some()
                || d.byline.is_some()
                || d.source.is_some()
                || d.section.is_some()
                || d.url.is_some()
        }),
        _ => !parsed.drafts.is_empty(),
    }
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
    /// A conventional project file name with an article extension
    /// (`README.txt`): read, and passed over unless it
    /// [`reads_as_article`].
    pub project: bool,
}

/// Why a file is not read as an article.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub enum IgnoreReason {
    /// A conventional project file ([`is_project_file`]) that does not
    /// parse as an article ([`reads_as_article`]).
    #[serde(rename = "project file")]
    ProjectFile,
    /// An extension newsdex does not read (`.md`, `.pdf`, `.jpg`, ...).
    #[serde(rename = "not an article format")]
    NotArticleFormat,
}

impl IgnoreReason {
    /// The reason as the summaries print it.
    pub fn as_str(self) -> &'static str {
        match self {
            IgnoreReason::ProjectFile => "project file",
            IgnoreReason::NotArticleFormat => "not an article format",
        }
    }
}

impl std::fmt::Display for IgnoreReason {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A file passed over, and why (serialised with its extension too: see
/// [`ignored_by_extension`]).
#[derive(Debug, Clone, PartialEq)]
pub struct Ignored {
    /// The file.
    pub path: PathBuf,
    /// Why it is not read as an article.
    pub reason: IgnoreReason,
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
    /// Files passed over by name: no article extension, or a project file
    /// that has none.
    pub ignored: Vec<Ignored>,
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
        let project = is_project_file(path);
        if Format::from_extension(path).is_none() && !content_is_article(path) {
            out.ignored.push(Ignored {
                path: path.to_path_buf(),
                reason: if project {
                    IgnoreReason::ProjectFile
                } else {
                    IgnoreReason::NotArticleFormat
                },
            });
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
            project,
        });
    }
    out
}

/// Whether a file the walk cannot place by name opens like an article
/// collection ([`Format::by_content`]): its first kilobyte is read.
fn content_is_article(path: &Path) -> bool {
    use std::io::Read;
    let mut head = Vec::with_capacity(1024);
    let read = std::fs::File::open(path).and_then(|f| f.take(1024).read_to_end(&mut head));
    read.is_ok() && Format::by_content(path, &head).is_some()
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

/// Names of the documentation files software and data sets ship with.
pub const PROJECT_NAMES: &[&str] = &[
    "README",
    "LICENSE",
    "LICENCE",
    "COPYING",
    "COPYRIGHT",
    "NOTICE",
    "CHANGELOG",
    "CHANGES",
    "AUTHORS",
    "CONTRIBUTORS",
    "CONTRIBUTING",
    "ATTRIBUTION",
    "CITATION",
    "CODE_OF_CONDUCT",
    "INSTALL",
];

/// Extensions a project file is written with: none, or a text or markup
/// one (`README.md`, `LICENSE.txt`, `NOTICE.rst`).
pub const PROJECT_EXTENSIONS: &[&str] = &["md", "markdown", "txt", "text", "rst", "adoc", "org"];

/// Whether a file has the exact name of a conventional project file:
/// one of [`PROJECT_NAMES`] with no extension or one of
/// [`PROJECT_EXTENSIONS`], case-insensitive, a compression suffix looked
/// through (`README.txt.gz`). Other names that merely start the same
/// way are files like any other: `source.html`, `readme.html`,
/// `license-plate-story.txt`.
pub fn is_project_file(path: &Path) -> bool {
    let path = strip_compression(path);
    let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
        return false;
    };
    let (stem, ext) = match name.rsplit_once('.') {
        Some((stem, ext)) if !stem.is_empty() => (stem, ext),
        _ => (name, ""),
    };
    PROJECT_NAMES.iter().any(|n| n.eq_ignore_ascii_case(stem))
        && (ext.is_empty()
            || PROJECT_EXTENSIONS
                .iter()
                .any(|e| e.eq_ignore_ascii_case(ext)))
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
    fn an_xml_file_is_an_article_format_only_when_its_content_says_so() {
        let p = Path::new("news/feed.xml");
        assert_eq!(Format::from_extension(p), None);
        let rss = b"<?xml version=\"1.0\"?><rss><channel><item>x</item></channel></rss>";
        assert_eq!(Format::by_content(p, rss), None);
        let factiva = b"<?xml version=\"1.0\"?><PPSResponse><ppsArticleResponse><ppsarticle><article><accessionNo>X</accessionNo>";
        assert_eq!(
            Format::by_content(p, factiva),
            Some(Format::Export(exports::Layout::FactivaXml))
        );
        let trec = b"<doc><docno>1</docno><text>Body.</text></doc>";
        assert_eq!(Format::by_content(p, trec), Some(Format::Trec));
    }

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
        // Database exports by content (issue #23), a Word file by name.
        let export = |l| Some(Format::Export(l));
        assert_eq!(
            Format::detect(p("batch.txt"), b"Download Request\n\n  1 of 2 DOCUMENTS\n"),
            export(exports::Layout::LexisNexisText)
        );
        assert_eq!(
            Format::detect(p("a.docx"), b"PK\x03\x04"),
            export(exports::Layout::Docx)
        );
        assert_eq!(
            Format::detect(p("a.xml"), b"<ppsarticle><article>"),
            export(exports::Layout::FactivaXml)
        );
        // JSON saved as `.txt`: an object, JSON Lines, an array of objects.
        assert_eq!(
            Format::detect(p("a.txt"), b"\xef\xbb\xbf {\n \"title\": \"x\"}"),
            Some(Format::Json)
        );
        assert_eq!(
            Format::detect(p("a.txt"), b"{\"a\":1}\n{\"a\":2}\n"),
            Some(Format::JsonLines)
        );
        assert_eq!(
            Format::detect(p("a.txt"), b"[ {\"a\":1} ]"),
            Some(Format::Json)
        );
        // Braces in prose are not JSON.
        assert_eq!(
            Format::detect(p("a.txt"), b"{Draft} Council budget\n\nText."),
            Some(Format::Text)
        );
        assert_eq!(
            Format::detect(p("a.txt"), b"[Updated] Council budget"),
            Some(Format::Text)
        );
    }

    #[test]
    fn project_files_by_exact_name() {
        let p = Path::new;
        for name in [
            "bbc/README.TXT",
            "README",
            "readme.md",
            "LICENSE",
            "License.md",
            "COPYING",
            "NOTICE",
            "CHANGELOG.md",
            "README.txt.gz",
        ] {
            assert!(is_project_file(p(name)), "{name}");
        }
        for name in [
            "pages/nytimes-1/source.html",
            "SOURCE.md",
            "readme.html",
            "license.json",
            "bbc/001.txt",
            "LICENSE-MIT",
            "readme-first.txt",
            ".md",
        ] {
            assert!(!is_project_file(p(name)), "{name}");
        }
    }

    #[test]
    fn a_sniffed_format_that_fails_falls_back_to_the_extension() {
        let p = Path::new;
        let (f, parsed) = parse_file(p("a.txt"), b"{\"title\": \"Cut", 1 << 20).unwrap();
        assert_eq!(f, Format::Text);
        let d = &parsed.unwrap().drafts[0];
        assert_eq!(d.title.as_deref(), Some("{\"title\": \"Cut"));
        let (f, parsed) = parse_file(
            p("a.txt"),
            br#"{"headline": "Council approves budget", "body": "The council voted."}"#,
            1 << 20,
        )
        .unwrap();
        assert_eq!(f, Format::Json);
        let d = &parsed.unwrap().drafts[0];
        assert_eq!(d.title.as_deref(), Some("Council approves budget"));
        assert!(parse_file(p("a.png"), b"x", 1).is_none());
    }

    #[test]
    fn project_text_is_an_article_only_with_metadata() {
        let text = |s: &str| text::parse(s).unwrap();
        let prose =
            text("Reuters-21578 text categorization test collection\n\nThis README describes it.");
        assert!(!reads_as_article(Format::Text, &prose));
        let header = text("Title: Council approves budget\nDate: 2020-03-04\n\nThe council voted.");
        assert!(reads_as_article(Format::Text, &header));
        let dated = text("Council approves budget\n\nPublished 5 May 2016\n\nThe council voted.");
        assert!(reads_as_article(Format::Text, &dated));
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
        // A compressed tar is an archive, read member by member.
        assert_eq!(
            Format::from_extension(p("corpus.tar.gz")),
            Some(Format::Archive)
        );
        assert_eq!(Format::from_extension(p("x.gz")), None);
        assert!(is_project_file(p("README.txt.gz")));
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
            Format::Export(exports::Layout::LexisNexisText),
            Format::Export(exports::Layout::Docx),
        ] {
            let err = parse_bytes(b" \n\t\r\n", format).unwrap_err();
            assert_eq!(err, "empty file (no text)", "{format:?}");
        }
    }
}
