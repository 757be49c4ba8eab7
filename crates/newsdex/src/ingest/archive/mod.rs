//! Zip and tar archives of articles (`.zip`, `.tar`, `.tar.gz`/`.tgz`,
//! `.tar.zst`/`.tzst`), read member by member.
//!
//! Datasets ship packed: SaudiNewsNet as one zipped JSON file per day,
//! AllSides as 37,554 JSON files in a `.tar.zst`. [`Archive::members`]
//! streams them: one member's bytes in memory at a time, never the whole
//! archive nor its unpacked size, and nothing written to disk. A member
//! over the size cap is reported ([`ArchiveProblem`]) without being read,
//! and so is one that expands past it; directories, links and hidden
//! members (`.DS_Store`, `__MACOSX/`, as [`super::walk`] passes over hidden
//! files) are not members. [`parse_member`] reads a member like a file of
//! its name: its own detected format (JSON, CSV, HTML, text, a `<doc>`
//! collection ...), through [`super::parse_file`]. An archive inside an
//! archive is reported, not opened (a zip quine would never end).
//!
//! Opening and iterating are two steps (`Archive::open`, then `members`)
//! because the `tar` crate's entries borrow their archive.
//!
//! Each record read from a member carries it ([`crate::article::MemberPlace`]),
//! so that its id names the member: `corpus/2015-07-23.zip#2015-07-23.json#12`
//! for the thirteenth record of a JSON member, `corpus/pages.tar#a.html`
//! for a member that is one page. [`stream`] reads an archive from disk
//! for the indexer, [`parse_all`] one held in memory.

mod parse;

pub use parse::{parse_all, parse_member, stream};

use std::fs::File;
use std::io::{BufReader, Cursor, Read, Seek};
use std::path::Path;

use super::compress::Compression;
use super::reporting::{Armed, Reporting};

/// An archive format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A zip archive (members deflated or stored).
    Zip,
    /// A tar archive, plain or with its whole stream compressed.
    Tar(Option<Compression>),
}

impl Kind {
    /// The archive a file name announces: `.zip`, `.tar`, `.tgz`,
    /// `.tar.gz`, `.tzst`, `.tar.zst`.
    pub fn from_path(path: &Path) -> Option<Kind> {
        let name = path.file_name()?.to_str()?.to_ascii_lowercase();
        let (stem, ext) = name.rsplit_once('.')?;
        Some(match ext {
            "zip" => Kind::Zip,
            "tar" => Kind::Tar(None),
            "tgz" => Kind::Tar(Some(Compression::Gzip)),
            "tzst" => Kind::Tar(Some(Compression::Zstd)),
            _ if stem.ends_with(".tar") => Kind::Tar(Some(Compression::from_extension(ext)?)),
            _ => return None,
        })
    }

    /// The archive `bytes` hold, when it is known to be one: zip by its
    /// signature, else a tar, compressed when gzip or zstd magic says so.
    pub fn sniff(bytes: &[u8]) -> Kind {
        if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06") {
            Kind::Zip
        } else {
            Kind::Tar(Compression::sniff(bytes))
        }
    }

    /// Short name for messages.
    pub fn name(self) -> &'static str {
        match self {
            Kind::Zip => "zip",
            Kind::Tar(None) => "tar",
            Kind::Tar(Some(Compression::Gzip)) => "tar.gz",
            Kind::Tar(Some(Compression::Zstd)) => "tar.zst",
        }
    }
}

/// One file inside an archive.
#[derive(Debug, Clone)]
pub struct Member {
    /// Its path inside the archive, `/`-separated (`jsons/0a1b.json`).
    pub path: String,
    /// Its bytes, as stored once unpacked.
    pub bytes: Vec<u8>,
}

/// A member that could not be read, or an archive that stopped reading.
#[derive(Debug, Clone, PartialEq)]
pub struct ArchiveProblem {
    /// The member concerned; `None` when the archive itself broke off.
    pub member: Option<String>,
    /// Why it was not read.
    pub reason: String,
}

impl ArchiveProblem {
    fn new(member: Option<&str>, reason: impl Into<String>) -> ArchiveProblem {
        ArchiveProblem {
            member: member.map(str::to_string),
            reason: reason.into(),
        }
    }
}

/// A reader zip can seek in: a file, or bytes in memory.
trait ReadSeek: Read + Seek {}
impl<T: Read + Seek> ReadSeek for T {}

enum Inner<'a> {
    Zip(zip::ZipArchive<Box<dyn ReadSeek + 'a>>),
    /// A zip whose central directory cannot be read (a download cut
    /// short): its members read in order from their local headers, with
    /// why the directory failed.
    ZipStream(Box<dyn ReadSeek + 'a>, String),
    Tar(tar::Archive<Box<dyn Read + 'a>>),
}

/// An open archive. `'a` is the life of the bytes it reads from
/// (`'static` for a file).
pub struct Archive<'a> {
    inner: Inner<'a>,
    kind: Kind,
    max_member: u64,
}

impl Archive<'static> {
    /// Opens the archive at `path` (its kind from the name, else from its
    /// first bytes). Members larger than `max_member` bytes are reported,
    /// not read. A zip's directory is read here; a tar is read as its
    /// members are.
    pub fn open(path: &Path, max_member: u64) -> Result<Archive<'static>, String> {
        let (file, kind) = open_file(path)?;
        Archive::from_reader(Box::new(BufReader::new(file)), kind, max_member, None)
    }
}

/// The file at `path`, and the archive its name (else its first bytes)
/// says it is.
fn open_file(path: &Path) -> Result<(File, Kind), String> {
    let mut file = File::open(path).map_err(|e| format!("cannot open: {e}"))?;
    let kind = match Kind::from_path(path) {
        Some(kind) => kind,
        None => {
            let mut magic = Vec::with_capacity(4);
            (&mut file)
                .take(4)
                .read_to_end(&mut magic)
                .map_err(|e| format!("cannot read: {e}"))?;
            file.rewind().map_err(|e| format!("cannot read: {e}"))?;
            Kind::sniff(&magic)
        }
    };
    Ok((file, kind))
}

impl<'a> Archive<'a> {
    /// [`Archive::open`], telling `on_read` how far into the file reading
    /// has got as members are read (`super::reporting`).
    pub fn open_reporting(
        path: &Path,
        max_member: u64,
        on_read: &'a mut dyn FnMut(u64),
    ) -> Result<Archive<'a>, String> {
        let (file, kind) = open_file(path)?;
        // A zip's positions count once its directory, at the end, is read.
        let armed: Armed = std::rc::Rc::new(std::cell::Cell::new(kind != Kind::Zip));
        let reporting = Reporting::new(file, armed.clone(), on_read);
        let reader = Box::new(BufReader::new(reporting));
        Archive::from_reader(reader, kind, max_member, Some(armed))
    }

    /// An archive held in memory.
    pub fn from_bytes(bytes: &'a [u8], kind: Kind, max_member: u64) -> Result<Archive<'a>, String> {
        Archive::from_reader(Box::new(Cursor::new(bytes)), kind, max_member, None)
    }

    /// The archive `reader` holds; `arm`, if given, is set once it is open.
    fn from_reader(
        reader: Box<dyn ReadSeek + 'a>,
        kind: Kind,
        max_member: u64,
        arm: Option<Armed>,
    ) -> Result<Archive<'a>, String> {
        let inner = match kind {
            Kind::Zip => zip_or_stream(reader)?,
            Kind::Tar(compression) => {
                let stream: Box<dyn Read + 'a> = match compression {
                    None => reader,
                    Some(Compression::Gzip) => Box::new(flate2::read::MultiGzDecoder::new(reader)),
                    Some(Compression::Zstd) => Box::new(
                        zstd::stream::read::Decoder::new(reader)
                            .map_err(|e| format!("cannot read zstd data: {e}"))?,
                    ),
                };
                Inner::Tar(tar::Archive::new(stream))
            }
        };
        if let Some(arm) = arm {
            arm.set(true);
        }
        Ok(Archive {
            inner,
            kind,
            max_member,
        })
    }

    /// What kind of archive it is.
    pub fn kind(&self) -> Kind {
        self.kind
    }

    /// The members, in archive order, each read into memory when the
    /// iterator reaches it. A member that cannot be read is an `Err` and
    /// the next one follows; a tar stream that breaks off ends with one.
    pub fn members(&mut self) -> Result<Members<'_, 'a>, String> {
        let max = self.max_member;
        let mut pending = None;
        let state = match &mut self.inner {
            Inner::Zip(zip) => State::Zip { zip, next: 0 },
            Inner::ZipStream(reader, why) => {
                pending = Some(ArchiveProblem::new(
                    None,
                    format!(
                        "zip directory unreadable ({why}): members read from their own headers"
                    ),
                ));
                State::ZipStream(reader)
            }
            Inner::Tar(tar) => State::Tar(
                tar.entries()
                    .map_err(|e| format!("not a readable tar archive: {e}"))?,
            ),
        };
        Ok(Members {
            state,
            max,
            pending,
            done: false,
        })
    }
}

enum State<'s, 'a> {
    Zip {
        zip: &'s mut zip::ZipArchive<Box<dyn ReadSeek + 'a>>,
        next: usize,
    },
    ZipStream(&'s mut Box<dyn ReadSeek + 'a>),
    Tar(tar::Entries<'s, Box<dyn Read + 'a>>),
}

/// The iterator [`Archive::members`] returns.
pub struct Members<'s, 'a> {
    state: State<'s, 'a>,
    max: u64,
    /// A problem to report before the first member (a zip read without
    /// its directory).
    pending: Option<ArchiveProblem>,
    done: bool,
}

impl Iterator for Members<'_, '_> {
    type Item = Result<Member, ArchiveProblem>;

    fn next(&mut self) -> Option<Self::Item> {
        let max = self.max;
        if let Some(p) = self.pending.take() {
            return Some(Err(p));
        }
        while !self.done {
            let step = match &mut self.state {
                State::Zip { zip, next } => {
                    if *next >= zip.len() {
                        return None;
                    }
                    *next += 1;
                    zip_member(zip, *next - 1, max)
                }
                State::ZipStream(reader) => match zip::read::read_zipfile_from_stream(reader) {
                    Ok(None) => return None,
                    Ok(Some(mut file)) => {
                        let path = String::from_utf8_lossy(file.name_raw()).into_owned();
                        if !file.is_file() || is_hidden_member(&path) {
                            None
                        } else {
                            let size = file.size();
                            let member = read_capped(&mut file, &path, size, max);
                            // Where the next header starts is known only
                            // from a member read whole.
                            self.done = member.is_err();
                            Some(member)
                        }
                    }
                    Err(e) => {
                        // No header where the next member should start.
                        self.done = true;
                        Some(Err(ArchiveProblem::new(
                            None,
                            format!("zip archive broken off: {e}"),
                        )))
                    }
                },
                State::Tar(entries) => match entries.next() {
                    None => return None,
                    Some(Ok(entry)) => {
                        let member = tar_member(entry, max);
                        // A member that cannot be unpacked leaves the
                        // stream where no later header can be found.
                        self.done = matches!(&member, Some(Err(p)) if p.reason.starts_with(UNPACK));
                        member
                    }
                    Some(Err(e)) => {
                        // The stream is lost: nothing after this can be found.
                        self.done = true;
                        Some(Err(ArchiveProblem::new(
                            None,
                            format!("tar stream broken off: {e}"),
                        )))
                    }
                },
            };
            if step.is_some() {
                return step;
            }
        }
        None
    }
}

/// A zip archive by its directory; when that cannot be read but the file
/// opens with a member's header (a zip cut short, or with a damaged
/// directory), its members one by one from their own headers.
fn zip_or_stream<'a>(mut reader: Box<dyn ReadSeek + 'a>) -> Result<Inner<'a>, String> {
    use std::io::SeekFrom;
    let why = match zip::ZipArchive::new(&mut reader) {
        Ok(_) => None,
        Err(e) => Some(e.to_string()),
    };
    reader
        .seek(SeekFrom::Start(0))
        .map_err(|e| format!("cannot read: {e}"))?;
    let Some(why) = why else {
        let zip = zip::ZipArchive::new(reader).map_err(|e| format!("cannot read: {e}"))?;
        return Ok(Inner::Zip(zip));
    };
    let mut magic = [0u8; 4];
    let opens_with_member = reader.read_exact(&mut magic).is_ok() && magic == *b"PK\x03\x04";
    if !opens_with_member {
        return Err(format!("not a readable zip archive: {why}"));
    }
    reader
        .seek(SeekFrom::Start(0))
        .map_err(|e| format!("cannot read: {e}"))?;
    Ok(Inner::ZipStream(reader, why))
}

/// The zip member at `index`; `None` for a directory, a link or a hidden
/// file.
fn zip_member<R: Read + Seek>(
    zip: &mut zip::ZipArchive<R>,
    index: usize,
    max: u64,
) -> Option<Result<Member, ArchiveProblem>> {
    let name = zip
        .name_for_index(index)
        .and_then(Result::ok)
        .map_or_else(|| format!("member {}", index + 1), |n| n.into_owned());
    let mut file = match zip.by_index(index) {
        Ok(f) => f,
        Err(e) => return Some(Err(ArchiveProblem::new(Some(&name), e.to_string()))),
    };
    let path = String::from_utf8_lossy(file.name_raw()).into_owned();
    if !file.is_file() || is_hidden_member(&path) {
        return None;
    }
    let size = file.size();
    Some(read_capped(&mut file, &path, size, max))
}

/// The tar entry as a member; `None` for anything but a regular file, or
/// a hidden one.
fn tar_member<R: Read>(
    mut entry: tar::Entry<'_, R>,
    max: u64,
) -> Option<Result<Member, ArchiveProblem>> {
    if !entry.header().entry_type().is_file() {
        return None;
    }
    let path = String::from_utf8_lossy(&entry.path_bytes()).into_owned();
    if is_hidden_member(&path) {
        return None;
    }
    let size = entry.size();
    Some(read_capped(&mut entry, &path, size, max))
}

/// Reads a member of `size` bytes (as its header says) unless that, or
/// what it really expands to, is over `max`.
fn read_capped(
    reader: &mut impl Read,
    path: &str,
    size: u64,
    max: u64,
) -> Result<Member, ArchiveProblem> {
    let over = || {
        ArchiveProblem::new(
            Some(path),
            format!(
                "member is over {}, the --max-file-size limit: not read",
                mb(max)
            ),
        )
    };
    if size > max {
        return Err(over());
    }
    let mut bytes = Vec::with_capacity(size as usize);
    // One byte past the limit tells a member that lied about its size.
    reader
        .take(max.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|e| ArchiveProblem::new(Some(path), format!("{UNPACK}: {e}")))?;
    if bytes.len() as u64 > max {
        return Err(over());
    }
    // A tar entry reads as a short file when the archive ends inside it.
    if (bytes.len() as u64) < size {
        return Err(ArchiveProblem::new(
            Some(path),
            format!(
                "{UNPACK}: member cut short: {} of {size} bytes (the archive ends early)",
                bytes.len()
            ),
        ));
    }
    Ok(Member {
        path: path.trim_start_matches("./").to_string(),
        bytes,
    })
}

/// How a member that could not be unpacked is reported.
const UNPACK: &str = "cannot unpack";

fn mb(bytes: u64) -> String {
    if bytes >= 1 << 20 {
        format!("{} MB", bytes >> 20)
    } else {
        format!("{bytes} bytes")
    }
}

/// A member under a hidden folder or with a hidden name (`.DS_Store`,
/// `._story.json`), or macOS's `__MACOSX/` resource forks.
fn is_hidden_member(path: &str) -> bool {
    path.split('/')
        .any(|part| (part.starts_with('.') && part != "." && part != "..") || part == "__MACOSX")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::Format;
    use std::io::Write;

    const ARTICLES: &str = r#"[{"title": "Flood warning", "content": "The river rose."},
{"title": "", "content": ""},
{"title": "Council budget", "content": "The council voted."}]"#;

    fn zip_of(files: &[(&str, &[u8])]) -> Vec<u8> {
        let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
        let opts = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        for (name, bytes) in files {
            w.start_file(*name, opts).unwrap();
            w.write_all(bytes).unwrap();
        }
        w.finish().unwrap().into_inner()
    }

    fn tar_of(files: &[(&str, &[u8])]) -> Vec<u8> {
        let mut b = tar::Builder::new(Vec::new());
        for (name, bytes) in files {
            let mut h = tar::Header::new_gnu();
            h.set_size(bytes.len() as u64);
            h.set_mode(0o644);
            h.set_cksum();
            b.append_data(&mut h, name, *bytes).unwrap();
        }
        b.into_inner().unwrap()
    }

    fn names(bytes: &[u8], kind: Kind, max: u64) -> Vec<Result<String, ArchiveProblem>> {
        let mut archive = Archive::from_bytes(bytes, kind, max).unwrap();
        let members = archive.members().unwrap();
        members.map(|m| m.map(|m| m.path)).collect()
    }

    #[test]
    fn kinds_by_name_and_by_magic() {
        let k = |n: &str| Kind::from_path(Path::new(n));
        assert_eq!(k("a/2015-07-23.ZIP"), Some(Kind::Zip));
        assert_eq!(k("jsons.tar.zst"), Some(Kind::Tar(Some(Compression::Zstd))));
        assert_eq!(k("x.tgz"), Some(Kind::Tar(Some(Compression::Gzip))));
        assert_eq!(k("x.tar.gz"), Some(Kind::Tar(Some(Compression::Gzip))));
        assert_eq!(k("x.tar"), Some(Kind::Tar(None)));
        assert_eq!(k("x.json.gz"), None);
        assert_eq!(k("tar"), None);
        assert_eq!(Kind::sniff(&zip_of(&[])), Kind::Zip);
        assert_eq!(Kind::sniff(&tar_of(&[])), Kind::Tar(None));
    }

    #[test]
    fn zip_members_stream_by_their_own_format() {
        let csv = b"headline;text\nStorm closes road;The coast road shut.\n";
        let bytes = zip_of(&[
            ("day/2015.json", ARTICLES.as_bytes()),
            ("day/list.csv", csv),
            ("day/photo.png", b"\x89PNG"),
            ("__MACOSX/day/._2015.json", b"\0\x05\x16\x07"),
            ("day/big.txt", &[b'a'; 300]),
        ]);
        let got = names(&bytes, Kind::Zip, 200);
        assert_eq!(got.len(), 4);
        assert_eq!(got[0].as_deref().unwrap(), "day/2015.json");
        assert_eq!(got[2].as_deref().unwrap(), "day/photo.png");
        let big = got[3].clone().unwrap_err();
        assert_eq!(big.member.as_deref(), Some("day/big.txt"));
        assert_eq!(
            big.reason,
            "member is over 200 bytes, the --max-file-size limit: not read"
        );

        let p = parse_all(&bytes, 200).unwrap();
        let titles: Vec<_> = p.drafts.iter().filter_map(|d| d.title.as_deref()).collect();
        assert_eq!(
            titles,
            ["Flood warning", "Council budget", "Storm closes road"]
        );
        // Each names its member, numbered among the member's articles
        // (JSON and CSV hold several), as a file's are.
        let places: Vec<_> = p
            .drafts
            .iter()
            .map(|d| d.member.clone().map(|m| (m.path, m.record)))
            .collect();
        let place = |path: &str, n| Some((path.to_string(), Some(n)));
        assert_eq!(
            places,
            [
                place("day/2015.json", 0),
                place("day/2015.json", 1),
                place("day/list.csv", 0)
            ]
        );
        let reasons: Vec<_> = p
            .problems
            .iter()
            .map(|p| (p.line, p.reason.as_str()))
            .collect();
        assert_eq!(
            reasons,
            [
                (
                    0,
                    "member day/2015.json, line 2: JSON object with neither title nor body text"
                ),
                (
                    0,
                    "member day/big.txt: member is over 200 bytes, the --max-file-size limit: not read"
                )
            ]
        );
        assert!(
            p.notes.contains(
                &"1 zip archive member(s) not read, not an article format: .png 1".to_string()
            ),
            "{:?}",
            p.notes
        );
        assert!(p
            .notes
            .iter()
            .any(|n| n.starts_with("member day/list.csv: header row")));
    }

    #[test]
    fn tar_plain_gzip_and_zstd() {
        let trec = b"<doc><contenttitle>Storm</contenttitle><content>Wind.</content></doc>";
        let tar = tar_of(&[
            (
                "jsons/a.json",
                br#"{"title": "A", "content_original": "Text a."}"#,
            ),
            ("jsons/.b.json", b"{}"),
            ("collection.dat", trec),
            ("README.md", b"# About"),
            ("inner.zip", &zip_of(&[])),
        ]);
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        gz.write_all(&tar).unwrap();
        let gz = gz.finish().unwrap();
        let zst = zstd::stream::encode_all(&tar[..], 1).unwrap();
        for bytes in [&tar, &gz, &zst] {
            let kind = Kind::sniff(bytes);
            let got: Vec<_> = names(bytes, kind, 1 << 20)
                .into_iter()
                .map(Result::unwrap)
                .collect();
            assert_eq!(
                got,
                ["jsons/a.json", "collection.dat", "README.md", "inner.zip"]
            );
            let p = parse_all(bytes, 1 << 20).unwrap();
            let titles: Vec<_> = p.drafts.iter().filter_map(|d| d.title.as_deref()).collect();
            assert_eq!(titles, ["A", "Storm"], "{}", kind.name());
            assert_eq!(p.problems.len(), 1);
            assert_eq!(
                p.problems[0].reason,
                "member inner.zip: archive file: an archive inside an archive is not opened"
            );
        }
    }

    #[test]
    fn a_broken_archive_keeps_what_came_before() {
        let tar = tar_of(&[
            ("a.json", br#"{"title": "A"}"#),
            ("b.json", br#"{"title": "B"}"#),
        ]);
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        gz.write_all(&tar).unwrap();
        let mut gz = gz.finish().unwrap();
        gz.truncate(gz.len() / 2);
        let got = names(&gz, Kind::sniff(&gz), 1 << 20);
        assert!(
            got.last()
                .unwrap()
                .as_ref()
                .is_err_and(|p| p.member.is_none()),
            "{got:?}"
        );
        // Not a zip at all; a zip header and then nothing readable.
        assert!(Archive::from_bytes(b"plain text", Kind::Zip, 100).is_err());
        let junk = names(b"PK\x03\x04junk", Kind::Zip, 100);
        assert!(junk.iter().all(Result::is_err), "{junk:?}");
        assert!(parse_all(&zip_of(&[("a.png", b"x")]), 100).is_err());
    }

    /// A zip cut short has no directory: its members are read from their
    /// own headers, up to where it breaks off, and both are reported.
    #[test]
    fn a_truncated_zip_keeps_its_whole_members() {
        let body = |c: char| format!(r#"{{"title": "{c}", "content": "{}"}}"#, "word ".repeat(40));
        let (a, b, c) = (body('A'), body('B'), body('C'));
        let zip = zip_of(&[
            ("a.json", a.as_bytes()),
            ("b.json", b.as_bytes()),
            ("c.json", c.as_bytes()),
        ]);
        // Into the third member's data: the directory and c.json are lost.
        let cut = &zip[..zip.len() - 200];
        let got = names(cut, Kind::Zip, 1 << 20);
        let ok: Vec<&str> = got.iter().filter_map(|m| m.as_deref().ok()).collect();
        assert_eq!(ok, ["a.json", "b.json"], "{got:?}");
        let problems: Vec<&ArchiveProblem> = got.iter().filter_map(|m| m.as_ref().err()).collect();
        assert!(
            problems[0].reason.starts_with("zip directory unreadable ("),
            "{problems:?}"
        );
        assert_eq!(problems.len(), 2, "{problems:?}");
        let p = parse_all(cut, 1 << 20).unwrap();
        let titles: Vec<_> = p.drafts.iter().filter_map(|d| d.title.as_deref()).collect();
        assert_eq!(titles, ["A", "B"]);
        assert_eq!(p.problems.len(), 2, "{:?}", p.problems);
    }

    /// A member whose compressed data is damaged is reported by name; the
    /// members around it are read.
    #[test]
    fn a_corrupt_zip_member_is_named_and_the_rest_read() {
        let text = "The council voted on the budget. ".repeat(30);
        let zip = zip_of(&[
            ("a.txt", text.as_bytes()),
            ("b.txt", text.as_bytes()),
            ("c.txt", text.as_bytes()),
        ]);
        let mut bad = zip.clone();
        let at = find(&bad, b"b.txt").unwrap() + 5 + 4;
        for byte in &mut bad[at..at + 8] {
            *byte ^= 0x5a;
        }
        let got = names(&bad, Kind::Zip, 1 << 20);
        assert_eq!(got.len(), 3, "{got:?}");
        assert!(got[0].is_ok() && got[2].is_ok(), "{got:?}");
        let p = got[1].as_ref().unwrap_err();
        assert_eq!(p.member.as_deref(), Some("b.txt"), "{p:?}");
        assert!(p.reason.starts_with("cannot unpack: "), "{p:?}");
    }

    fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
        hay.windows(needle.len()).position(|w| w == needle)
    }

    /// An archive of the shared corpora, opened with the default cap.
    fn open_shared(rel: &str) -> Option<Archive<'static>> {
        let path = crate::testdata::shared()?.join(rel);
        Some(Archive::open(&path, 64 << 20).unwrap())
    }

    /// SaudiNewsNet's daily zip: one JSON array of 1,318 records, two of
    /// them with neither title nor text.
    #[test]
    fn real_saudinewsnet_zip() {
        let Some(mut archive) = open_shared("corpora/languages/ar-saudinewsnet/2015-07-23.zip")
        else {
            return;
        };
        let members: Vec<Member> = archive.members().unwrap().map(Result::unwrap).collect();
        assert_eq!(members.len(), 1);
        assert_eq!(members[0].path, "2015-07-23.json");
        let (format, parsed) = parse_member(&members[0], 64 << 20).unwrap();
        assert_eq!(format, Format::Json);
        let parsed = parsed.unwrap();
        assert_eq!(parsed.drafts.len(), 1316);
        assert_eq!(parsed.problems.len(), 2);
        // Arabic headlines, the source, the URL; no date (the records have
        // only the crawl's `date_extracted`).
        let d = &parsed.drafts[0];
        assert_eq!(d.title.as_deref(), Some("المالكي ونصيحة سعود الفيصل"));
        assert_eq!(d.source.as_deref(), Some("aawsat"));
        assert!(d
            .url
            .as_deref()
            .unwrap()
            .starts_with("http://aawsat.com/home/article/412746/"));
        assert_eq!(d.date, None);
        // The same through `parse_file`, as `index` reads it today.
        let rel = "corpora/languages/ar-saudinewsnet/2015-07-23.zip";
        let (format, all) = crate::testdata::parse_shared(rel).unwrap();
        assert_eq!(
            (format, all.drafts.len(), all.problems.len()),
            (Format::Archive, 1316, 2)
        );
        assert!(all.problems[0]
            .reason
            .starts_with("member 2015-07-23.json, line "));
    }

    /// The whole AllSides archive (78 MB of zstd, 477 MB unpacked), streamed:
    /// every one of its 37,554 members is a JSON article. Slow in a debug
    /// build: `cargo test -p newsdex allsides_archive -- --ignored`.
    #[test]
    #[ignore]
    fn real_allsides_archive_streams() {
        let Some(mut archive) = open_shared("corpora/allsides-article-bias/jsons.tar.zst") else {
            return;
        };
        let (mut members, mut drafts) = (0, 0);
        for member in archive.members().unwrap() {
            let member = member.unwrap();
            let (format, parsed) = parse_member(&member, 64 << 20).unwrap();
            assert_eq!(format, Format::Json, "{}", member.path);
            drafts += parsed.unwrap().drafts.len();
            members += 1;
        }
        assert_eq!((members, drafts), (37_554, 37_554));
    }
}
