//! One file's job on a parse thread: read it, fingerprint it, and if its
//! content changed, parse it into annotated [`Article`]s and count how they
//! compare with the file's articles in the index. Talks to
//! [`crate::ingest`] (which format, which parser) and [`annotate`]; what
//! changed is `changes.rs`'s, what becomes of the outcome `pipeline.rs`'s.

use std::fs;
use std::path::Path;
use std::sync::Arc;

use super::changes::{self, Changes};
use super::roots::Scope;
use super::Skipped;
use crate::annotate::annotate;
use crate::article::{Article, Draft, Origin};
use crate::ingest::{self, FileEntry, Format, IgnoreReason};
use crate::manifest::{FileRecord, Problem};

/// A file the walk found new or changed, to be read again.
pub(super) struct Job<'a> {
    pub(super) entry: FileEntry,
    pub(super) scope: &'a Scope,
    /// The file's record from the last run (boxed: most jobs of a big
    /// first run have none, and a million jobs wait at once).
    pub(super) old: Option<Box<FileRecord>>,
}

/// What reading one file produced.
pub(super) enum FileOutcome {
    /// Same content as recorded (only the mtime moved).
    Same(FileRecord),
    /// Parsed: the new fingerprint (with any bad records), its articles,
    /// how they compare with the file's articles in the index, and what
    /// the parser said besides ([`Said`]). A streamed file's articles went
    /// to the writer in batches before it ([`process`]'s `emit`), and its
    /// list here is empty.
    Parsed(FileRecord, Vec<Article>, Changes, Said),
    /// A project file that is not an article (`README.txt`): passed over,
    /// and not recorded, so it is looked at again on each run.
    Ignored(IgnoreReason),
    /// Read, but unusable (binary, empty, unparseable): the fingerprint
    /// with the reason, so it is not re-read until it changes.
    Unusable(FileRecord),
    /// Could not be read (the next run tries again).
    Failed(Skipped),
}

/// What a parser said of a file besides its articles and bad records:
/// what it guessed (`index --verbose` prints it) and the records it passed
/// over on purpose, counted by kind (a web archive's requests, redirects).
#[derive(Debug, Default)]
pub(super) struct Said {
    pub(super) notes: Vec<String>,
    pub(super) passed_over: Vec<(String, u64)>,
}

/// The index as last committed, with its fields: to count what changed in
/// a file it holds.
pub(super) type OldArticles = (tantivy::Searcher, crate::schema::Fields);

/// What a streamed file's job hands on while it is read: its articles in
/// batches (`emit`), and how far into the file it has read (`read_to`, a
/// byte position that only grows).
pub(super) struct Handoff<'h> {
    pub(super) emit: &'h mut dyn FnMut(Vec<Article>),
    pub(super) read_to: &'h mut dyn FnMut(u64),
}

/// Reads, fingerprints and (if changed) parses one file. `old_articles`
/// is the index as last committed, to count what changed in a file it
/// holds. A file that [`ingest::streams`] is never held whole: its
/// articles go to the `handoff` in batches as it is read.
pub(super) fn process(
    job: &Job,
    max_file_size: u64,
    old_articles: Option<&OldArticles>,
    handoff: Handoff<'_>,
) -> FileOutcome {
    let path = &job.entry.path;
    if ingest::streams(path) {
        return stream(job, max_file_size, old_articles, handoff);
    }
    let bytes = match fs::read(path) {
        Ok(b) => b,
        Err(e) => return cannot_read(path, e),
    };
    let hash = xxhash_rust::xxh3::xxh3_128(&bytes);
    let rec = match fresh_record(job, bytes.len() as u64, hash) {
        Ok(rec) => rec,
        Err(same) => return FileOutcome::Same(same),
    };
    parse(job, &bytes, rec, max_file_size, old_articles)
}

/// Parses a file whose content changed (or is new) into its articles, and
/// records its problems and article count in `rec`.
fn parse(
    job: &Job,
    bytes: &[u8],
    rec: FileRecord,
    max_file_size: u64,
    old_articles: Option<&OldArticles>,
) -> FileOutcome {
    let path = &job.entry.path;
    // --max-file-size also caps what a compressed file may expand to.
    let Some((format, parsed)) = ingest::parse_file(path, bytes, max_file_size) else {
        return unusable(rec, "not an article format".to_string());
    };
    let mut parsed = match parsed {
        Ok(p) => p,
        Err(_) if job.entry.project => return FileOutcome::Ignored(IgnoreReason::ProjectFile),
        Err(reason) => return unusable(rec, format!("{} file: {reason}", format.name())),
    };
    if job.entry.project && !ingest::reads_as_article(format, &parsed) {
        return FileOutcome::Ignored(IgnoreReason::ProjectFile);
    }
    let abs = ingest::path_string(path);
    let drafts = std::mem::take(&mut parsed.drafts);
    let articles = articles_of(job, path, &abs, format, drafts, 0);
    let prints: Vec<u64> = articles.iter().map(changes::record_fingerprint).collect();
    let changes = changes::count(job.old.is_some(), old_articles, &abs, &prints);
    parsed_outcome(rec, parsed, articles, prints.len() as u64, changes)
}

/// The outcome of a parsed file: its record with the parser's problems and
/// article count, and what the parser said besides.
fn parsed_outcome(
    mut rec: FileRecord,
    parsed: ingest::ParsedFile,
    articles: Vec<Article>,
    count: u64,
    changes: Changes,
) -> FileOutcome {
    rec.problems = parsed
        .problems
        .into_iter()
        .map(|p| Problem {
            line: (p.line > 0).then_some(p.line),
            reason: p.reason,
        })
        .collect();
    rec.articles = count;
    let said = Said {
        notes: parsed.notes,
        passed_over: parsed.skipped,
    };
    FileOutcome::Parsed(rec, articles, changes, said)
}

/// A web archive or an archive, read as a stream: fingerprinted in a
/// first pass (a hash of its bytes, read a megabyte at a time), then, if
/// it changed, parsed record by record or member by member, each batch of
/// articles handed on as soon as it is annotated, and how far the parse
/// has read with it.
fn stream(
    job: &Job,
    max_file_size: u64,
    old_articles: Option<&OldArticles>,
    handoff: Handoff<'_>,
) -> FileOutcome {
    let Handoff { emit, read_to } = handoff;
    let path = &job.entry.path;
    let (size, hash) = match hash_file(path) {
        Ok(h) => h,
        Err(e) => return cannot_read(path, e),
    };
    let rec = match fresh_record(job, size, hash) {
        Ok(rec) => rec,
        Err(same) => return FileOutcome::Same(same),
    };
    let abs = ingest::path_string(path);
    let format = Format::from_extension(path).unwrap_or(Format::Warc);
    let mut prints = Vec::new();
    let mut on_batch = |drafts: Vec<Draft>| {
        let first = prints.len() as u64;
        let articles = articles_of(job, path, &abs, format, drafts, first);
        prints.extend(articles.iter().map(changes::record_fingerprint));
        emit(articles);
    };
    let parsed = ingest::stream_file(path, max_file_size, &mut on_batch, read_to);
    let parsed = match parsed {
        Ok(p) => p,
        Err(reason) if prints.is_empty() => {
            return unusable(rec, format!("{} file: {reason}", format.name()));
        }
        Err(reason) => ingest::ParsedFile {
            problems: vec![ingest::RecordProblem { line: 0, reason }],
            ..Default::default()
        },
    };
    let changes = changes::count(job.old.is_some(), old_articles, &abs, &prints);
    parsed_outcome(rec, parsed, Vec::new(), prints.len() as u64, changes)
}

/// A file that could not be read (the next run tries again).
fn cannot_read(path: &Path, e: std::io::Error) -> FileOutcome {
    FileOutcome::Failed(Skipped {
        path: path.to_path_buf(),
        line: None,
        reason: format!("cannot read: {e}"),
    })
}

/// A file read but unusable, with the reason, recorded so that it is not
/// read again until it changes.
fn unusable(mut rec: FileRecord, reason: String) -> FileOutcome {
    rec.problems = vec![Problem { line: None, reason }];
    FileOutcome::Unusable(rec)
}

/// The file's new record from its size and content hash; `Err` with the
/// record to keep when its content is the same as recorded (only the
/// mtime moved).
fn fresh_record(job: &Job, size: u64, hash: u128) -> Result<FileRecord, FileRecord> {
    let mut rec = FileRecord {
        root: Arc::clone(&job.scope.label),
        size,
        mtime_ns: job.entry.mtime_ns,
        hash,
        articles: 0,
        problems: Vec::new(),
    };
    if let Some(old) = &job.old {
        if changes::same_content(old, &rec) {
            rec.articles = old.articles;
            rec.problems = old.problems.clone();
            return Err(rec);
        }
    }
    Ok(rec)
}

/// A file's size and content hash, read a megabyte at a time: the same
/// hash as of its bytes whole (xxh3-128), without holding them.
fn hash_file(path: &Path) -> std::io::Result<(u64, u128)> {
    use std::io::Read;
    let mut file = fs::File::open(path)?;
    let mut hasher = xxhash_rust::xxh3::Xxh3::new();
    let mut buf = vec![0u8; 1 << 20];
    let mut size = 0u64;
    loop {
        let n = file.read(&mut buf)?;
        if n == 0 {
            break;
        }
        hasher.update(&buf[..n]);
        size += n as u64;
    }
    Ok((size, hasher.digest128()))
}

/// A file's drafts as annotated articles, placed by the file's root,
/// path and folder; `first` numbers the first of them (a streamed file's
/// later batches go on from the earlier ones).
fn articles_of(
    job: &Job,
    path: &Path,
    abs: &str,
    format: Format,
    drafts: Vec<Draft>,
    first: u64,
) -> Vec<Article> {
    // The folder holding the file is its section when the format gives
    // none, but not the root's own folder: `newsdex index aeb/` would
    // put every page of a flat folder in section `aeb`. Nor, when the
    // root is this one file, the folder it happens to sit in.
    let parent_name = path
        .parent()
        .filter(|p| *p != job.scope.root && *path != job.scope.root)
        .and_then(|p| p.file_name())
        .map(|n| n.to_string_lossy().into_owned());
    let origin = Origin {
        root_label: &job.scope.label,
        rel_path: &job.entry.rel,
        abs_path: abs,
        parent_name: parent_name.as_deref(),
        multi_record: format.multi_record(),
    };
    drafts
        .into_iter()
        .enumerate()
        .map(|(i, d)| {
            let mut a = Article::from_draft(d, &origin, first + i as u64);
            if let Some(lang) = &job.scope.language {
                a.language = Some(lang.to_string());
            }
            annotate(&mut a);
            a
        })
        .collect()
}
