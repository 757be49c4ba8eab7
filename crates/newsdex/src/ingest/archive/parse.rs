//! Parsing an archive's members: each by its own format ([`parse_member`]);
//! from disk, member by member, each member's drafts handed on as it is
//! read ([`stream`], what the indexer uses); or, for an archive in memory,
//! all of them into one multi-record [`ParsedFile`] ([`parse_all`]).

use std::collections::BTreeMap;
use std::path::Path;

use super::{Archive, Kind, Member};
use crate::article::MemberPlace;
use crate::ingest::{
    is_project_file, parse_file, reads_as_article, Format, ParsedFile, RecordProblem,
};

/// Parses one member as a file of its name would be ([`parse_file`]):
/// `None` when its name is not an article format. A member that is itself
/// an archive is an `Err`, not opened.
pub fn parse_member(member: &Member, limit: u64) -> Option<(Format, Result<ParsedFile, String>)> {
    let path = Path::new(&member.path);
    if Format::from_extension(path) == Some(Format::Archive) {
        return Some((
            Format::Archive,
            Err("an archive inside an archive is not opened".to_string()),
        ));
    }
    parse_file(path, &member.bytes, limit)
}

/// Every member's drafts in one [`ParsedFile`], members over `limit`
/// reported: an archive held in memory (`ingest::parse_bytes`; the indexer
/// streams archives from disk with [`stream`]). Problems name their
/// member; members of no article format are counted in a note, by
/// extension.
pub fn parse_all(bytes: &[u8], limit: u64) -> Result<ParsedFile, String> {
    let archive = Archive::from_bytes(bytes, Kind::sniff(bytes), limit)?;
    gather(archive, limit, None)
}

/// An archive on disk, member by member, never whole: each member's
/// drafts go to `on_batch` as soon as it is read, so memory holds one
/// member at a time however large the archive; how far into the file
/// reading has got goes to `on_read` (the file's size last). What
/// [`parse_all`] gives, but for the drafts, which the returned file no
/// longer holds.
pub fn stream(
    path: &Path,
    limit: u64,
    on_batch: &mut dyn FnMut(Vec<crate::article::Draft>),
    on_read: &mut dyn FnMut(u64),
) -> Result<ParsedFile, String> {
    let size = std::fs::metadata(path).map_or(0, |m| m.len());
    let archive = Archive::open_reporting(path, limit, &mut *on_read)?;
    let out = gather(archive, limit, Some(on_batch));
    on_read(size);
    out
}

/// Reads every member of `archive`; with `on_batch`, each member's drafts
/// are handed on as soon as it is read instead of kept.
fn gather(
    mut archive: Archive<'_>,
    limit: u64,
    mut on_batch: Option<&mut dyn FnMut(Vec<crate::article::Draft>)>,
) -> Result<ParsedFile, String> {
    let kind = archive.kind();
    let mut all = Gathered::default();
    for member in archive.members()? {
        match member {
            Ok(m) => all.add(&m, limit),
            Err(p) => {
                let at = p.member.map_or(String::new(), |m| format!("member {m}: "));
                all.out.problems.push(problem(format!("{at}{}", p.reason)));
            }
        }
        if let Some(hand_on) = on_batch.as_mut() {
            if !all.out.drafts.is_empty() {
                all.drafts_seen += all.out.drafts.len() as u64;
                hand_on(std::mem::take(&mut all.out.drafts));
            }
        }
    }
    all.finish(kind)
}

/// What [`parse_all`] has gathered so far.
#[derive(Default)]
struct Gathered {
    out: ParsedFile,
    /// Drafts already handed on by [`stream`].
    drafts_seen: u64,
    /// Members of no article format, by extension.
    passed_over: BTreeMap<String, usize>,
    /// `README.txt` and the like that read as no article.
    project_files: Vec<String>,
}

impl Gathered {
    /// One member's drafts, problems and notes, each named by the member.
    fn add(&mut self, member: &Member, limit: u64) {
        let name = &member.path;
        let parsed = match parse_member(member, limit) {
            None => {
                *self.passed_over.entry(extension(name)).or_default() += 1;
                return;
            }
            Some((format, Err(reason))) => {
                let reason = format!("member {name}: {} file: {reason}", format.name());
                self.out.problems.push(problem(reason));
                return;
            }
            Some((format, Ok(parsed))) => {
                if is_project_file(Path::new(name)) && !reads_as_article(format, &parsed) {
                    self.project_files.push(name.clone());
                    return;
                }
                (format, parsed)
            }
        };
        let (format, parsed) = parsed;
        let out = &mut self.out;
        // Each record is named by its member, and numbered within it when
        // the member's format holds several (as a file of its own would be).
        let multi = format.multi_record();
        out.drafts
            .extend(parsed.drafts.into_iter().enumerate().map(|(i, mut d)| {
                d.member = Some(MemberPlace {
                    path: name.clone(),
                    record: multi.then_some(i as u64),
                });
                d
            }));
        out.problems.extend(
            parsed
                .problems
                .into_iter()
                .map(|p| problem(format!("member {name}, line {}: {}", p.line, p.reason))),
        );
        let notes = parsed.notes.into_iter();
        out.notes
            .extend(notes.map(|n| format!("member {name}: {n}")));
    }

    /// The file, with notes on what was passed over; `Err` when no
    /// member gave an article or a problem.
    fn finish(mut self, kind: Kind) -> Result<ParsedFile, String> {
        let notes = &mut self.out.notes;
        if !self.project_files.is_empty() {
            let names = self.project_files.join(", ");
            notes.push(format!(
                "project files in the archive, not articles: {names}"
            ));
        }
        if !self.passed_over.is_empty() {
            let n: usize = self.passed_over.values().sum();
            let by: Vec<String> = self
                .passed_over
                .iter()
                .map(|(e, n)| format!("{e} {n}"))
                .collect();
            notes.push(format!(
                "{n} {} archive member(s) not read, not an article format: {}",
                kind.name(),
                by.join(", ")
            ));
        }
        if self.out.drafts.is_empty() && self.drafts_seen == 0 && self.out.problems.is_empty() {
            let why = notes.join("; ");
            return Err(format!("no article in the {} archive ({why})", kind.name()));
        }
        Ok(self.out)
    }
}

/// A problem in an archive: never at a line of the archive file itself
/// (a member's line is in the reason).
fn problem(reason: String) -> RecordProblem {
    RecordProblem { line: 0, reason }
}

/// `.png` for `a/b.png`, `(none)` for a name without an extension.
fn extension(name: &str) -> String {
    let file = name.rsplit('/').next().unwrap_or(name);
    match file.rsplit_once('.') {
        Some((stem, ext)) if !stem.is_empty() => format!(".{}", ext.to_ascii_lowercase()),
        _ => "(none)".to_string(),
    }
}
