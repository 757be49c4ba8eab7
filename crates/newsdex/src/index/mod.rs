//! Bringing an index up to date with its source folders: the incremental
//! `index` run and the from-scratch `rebuild`.
//!
//! Flow of one run: resolve the folders to roots recorded in the manifest,
//! walk them ([`crate::ingest::walk`]), compare each file's size and mtime
//! (then content hash) with its fingerprint, parse only new or changed files
//! in parallel (rayon), and hand the resulting
//! [`Article`](crate::article::Article)s to tantivy's writer while parsing
//! goes on. A changed file's articles are deleted by path before its new
//! ones are added, so a re-run after a crash never duplicates anything.
//! One commit at the end, then the manifest.
//!
//! A changed file's articles are counted one by one: each new article's
//! [`record_fingerprint`] is looked for among those of the file's articles
//! as the index holds them, so that editing one record of a 1,000-record
//! SGML file reports one article updated and 999 unchanged.
//!
//! This module sees articles and files, never file formats: parsing is
//! [`crate::ingest::parse_bytes_limited`]'s business.
//!
//! One job a file:
//! - `roots.rs`: the folders given, or those recorded, as manifest roots;
//! - `sync.rs`: the write session (lock, clock) and one run's phases in
//!   order over one `Run`: walk, delete the files gone, parse and write,
//!   commit and save the manifest;
//! - `changes.rs`: what changed since the last run: the walk's per-file
//!   decision from size and mtime, the files gone, and record by record
//!   within a changed file ([`record_fingerprint`]);
//! - `parse.rs`: one file read, fingerprinted and (if changed) parsed;
//! - `pipeline.rs`: the parse threads, and the writer's end that takes
//!   each parsed file, bounded by `budget.rs`'s byte budget.

use std::fs;
use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::error::{Error, Result};
use crate::ingest::{IgnoreReason, Ignored};
use crate::manifest::{FileRecord, Manifest};
use crate::store::Store;

mod budget;
mod changes;
mod parse;
mod pipeline;
mod roots;
mod sync;

pub use changes::record_fingerprint;
use roots::{recorded_scopes, resolve_roots, Scope};
use sync::Session;

/// Settings for an `index` or `rebuild` run.
#[derive(Debug, Clone)]
pub struct Options {
    /// The indexer's memory budget in bytes: the text in flight (files
    /// being parsed, articles waiting for tantivy: [`Options::text_bytes`])
    /// and tantivy's writer heap (the rest, split across its threads).
    pub memory_bytes: usize,
    /// Files larger than this are skipped with a message.
    pub max_file_size: u64,
    /// Forget recorded roots that no longer exist (and their articles).
    pub prune: bool,
    /// The language of every article under the folders given (`index
    /// --lang`, an ISO 639-1 code), over what sources say and detection
    /// finds; recorded on their roots, so `rebuild` keeps it.
    pub language: Option<String>,
}

impl Options {
    /// The part of the budget for text in flight: an eighth, at least
    /// 8 MB. Parsing stays ahead of the
    /// writer with far less than tantivy's heap: on the 1x benchmark
    /// corpus half of 256 MB (the old share) gave the same speed as an
    /// eighth and 40 MB more peak memory.
    pub fn text_bytes(&self) -> usize {
        (self.memory_bytes / 8).max(budget::MIN_TEXT_BUDGET as usize)
    }

    /// The part of the budget for tantivy's writer heap: the rest.
    pub fn writer_bytes(&self) -> usize {
        self.memory_bytes.saturating_sub(self.text_bytes())
    }
}

impl Default for Options {
    fn default() -> Self {
        Options {
            memory_bytes: 256 << 20,
            max_file_size: 64 << 20,
            prune: false,
            language: None,
        }
    }
}

/// A file or record that was not indexed, and why.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Skipped {
    /// The file.
    pub path: PathBuf,
    /// For a record inside a multi-article file: its line.
    pub line: Option<u64>,
    /// Why it was skipped.
    pub reason: String,
}

/// What a parser guessed about one file it read.
#[derive(Debug, Clone, Serialize)]
pub struct FileNote {
    /// The file.
    pub path: PathBuf,
    /// The guess, in words ("no header row: body from column 2").
    pub note: String,
}

/// What an `index` or `rebuild` run did.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Report {
    /// Files with an article format that were found.
    pub files_seen: u64,
    /// Files passed over: not an article format, or a project file
    /// (`README`, `LICENSE`, ...) that is not an article. Listed in
    /// `ignored`.
    pub files_ignored: u64,
    /// Files whose fingerprint had not changed.
    pub files_unchanged: u64,
    /// Files read and parsed.
    pub files_parsed: u64,
    /// Files that disappeared since the last run.
    pub files_removed: u64,
    /// Articles indexed for the first time (a changed file's articles
    /// beyond the number it had count here).
    pub articles_added: u64,
    /// Articles of changed files whose content changed (headline, text or
    /// metadata: see [`record_fingerprint`]).
    pub articles_updated: u64,
    /// Articles deleted because their file (or record) went away.
    pub articles_removed: u64,
    /// Articles in unchanged files, and articles of changed files that are
    /// the same as before (999 of a 1,000-record file with one edit).
    pub articles_unchanged: u64,
    /// Articles in the index after the run.
    pub articles_total: u64,
    /// Articles indexed in this run that are copies of a story already in
    /// the index or added earlier in the run (`crate::stories`).
    pub articles_joined_stories: u64,
    /// Files and records that could not be indexed.
    pub skipped: Vec<Skipped>,
    /// Every file passed over, with the reason, in path order.
    pub ignored: Vec<Ignored>,
    /// What parsers guessed about files they read (a CSV file's columns
    /// with no header row), one note each.
    pub notes: Vec<FileNote>,
    /// Records inside files passed over on purpose, by kind, summed over
    /// the run (a web archive's `request`, `redirect`, `not HTML` ...).
    pub records_passed_over: std::collections::BTreeMap<String, u64>,
    /// Recorded source folders that no longer exist, whose articles are
    /// kept (no --prune).
    pub missing_roots: Vec<PathBuf>,
    /// Recorded source folders that no longer exist, dropped with their
    /// articles (--prune).
    pub pruned_roots: Vec<PathBuf>,
    /// Bytes of source files read.
    pub bytes_read: u64,
    /// Wall time of the run.
    pub elapsed_secs: f64,
    /// Stopped at the user's request before every file was handled; what
    /// was handled is committed.
    pub interrupted: bool,
    /// With `interrupted`: files not handled, read again by the next run.
    pub files_left: u64,
}

impl Report {
    /// How many files were passed over for each reason, most common first
    /// (ties in the order of [`IgnoreReason`]).
    pub fn ignored_by_reason(&self) -> Vec<(IgnoreReason, Vec<&Path>)> {
        let mut by: std::collections::BTreeMap<IgnoreReason, Vec<&Path>> = Default::default();
        for i in &self.ignored {
            by.entry(i.reason).or_default().push(&i.path);
        }
        let mut out: Vec<_> = by.into_iter().collect();
        out.sort_by(|a, b| b.1.len().cmp(&a.1.len()).then(a.0.cmp(&b.0)));
        out
    }

    /// Throughput over the bytes read, in MB/s.
    pub fn mb_per_sec(&self) -> f64 {
        if self.elapsed_secs > 0.0 {
            self.bytes_read as f64 / 1e6 / self.elapsed_secs
        } else {
            0.0
        }
    }
}

/// How an index run reports its progress: the command line draws a bar,
/// the server or a test may log or ignore it. Progress is in files and in
/// bytes: a file read whole counts its bytes when it is handled, a file
/// read as a stream (a web archive, a zip or tar archive) as it is read,
/// so that one 1 GB WARC moves the count too. Called from the thread that
/// hands files to the writer, and, for the bytes of a streamed file, from
/// the parse thread reading it.
pub trait Progress: Sync {
    /// The run will handle `files` files of `bytes` bytes in all (once the
    /// walk is done; files unchanged by size and time are not among them).
    fn start(&self, files: u64, bytes: u64);
    /// `files` more files are handled and `bytes` more of their bytes
    /// read. By the end, the bytes reported add up to the total given to
    /// [`Progress::start`] (for the files handled).
    fn advance(&self, files: u64, bytes: u64);
    /// All files are handled (the commit follows).
    fn finish(&self);
    /// Whether the user asked to stop (Ctrl-C): the run then handles no
    /// more files, commits what it has, and says what is left.
    fn stop_requested(&self) -> bool {
        false
    }
}

/// Reports nothing.
#[derive(Debug, Clone, Copy, Default)]
pub struct NoProgress;

impl Progress for NoProgress {
    fn start(&self, _files: u64, _bytes: u64) {}
    fn advance(&self, _files: u64, _bytes: u64) {}
    fn finish(&self) {}
}

/// `newsdex index DIR...`: adds the folders as roots (or updates them if
/// they are recorded already) and brings the index up to date with them.
/// With no folders, updates every recorded root.
pub fn update(
    store: &Store,
    dirs: &[PathBuf],
    opts: &Options,
    progress: &dyn Progress,
) -> Result<Report> {
    let session = Session::begin(store, opts, progress)?;
    let mut opened = store.open_or_create(&session.lock)?;
    let mut report = Report::default();
    let scopes = if dirs.is_empty() {
        if opened.manifest.roots.is_empty() {
            return Err(Error::NoRoots(store.path().to_path_buf()));
        }
        recorded_scopes(&mut opened.manifest, opts.prune, &mut report)
    } else {
        resolve_roots(&mut opened.manifest, dirs, opts.language.as_deref())?
    };
    session.sync(&mut opened, &scopes, &mut report)?;
    report.elapsed_secs = session.elapsed_secs();
    Ok(report)
}

/// `newsdex rebuild`: re-reads every recorded root into a new generation and
/// makes it live only once it is complete.
pub fn rebuild(store: &Store, opts: &Options, progress: &dyn Progress) -> Result<Report> {
    let session = Session::begin(store, opts, progress)?;
    // The roots come from the manifest alone, so a rebuild also works when
    // the tantivy files are damaged or from an older schema.
    let Some(live) = store.current()? else {
        return Err(Error::NoIndex(store.path().to_path_buf()));
    };
    let old = Manifest::load(&live)?;
    if old.roots.is_empty() {
        return Err(Error::NoRoots(store.path().to_path_buf()));
    }
    let mut fresh = Manifest::new();
    fresh.created = old.created;
    let mut report = Report::default();
    fresh.roots = roots::kept_for_rebuild(&old, opts.prune, &mut report)?;
    let mut opened = store.create_generation(&session.lock, fresh)?;
    let scopes: Vec<Scope> = opened.manifest.roots.iter().map(Scope::whole).collect();
    let result = match session.sync(&mut opened, &scopes, &mut report) {
        Ok(()) if report.interrupted => Err(Error::Interrupted),
        other => other,
    };
    if let Err(e) = result {
        // Leave the live index alone; drop the half-built one.
        let _ = fs::remove_dir_all(&opened.dir);
        return Err(e);
    }
    store.publish(&session.lock, &opened.dir)?;
    report.elapsed_secs = session.elapsed_secs();
    Ok(report)
}

/// The skipped entries a file's record carries.
fn skips_of(path: &Path, rec: &FileRecord) -> Vec<Skipped> {
    rec.problems
        .iter()
        .map(|p| Skipped {
            path: path.to_path_buf(),
            line: p.line,
            reason: p.reason.clone(),
        })
        .collect()
}
