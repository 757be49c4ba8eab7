//! Bringing an index up to date with its source folders: the incremental
//! `index` run and the from-scratch `rebuild`.
//!
//! Flow of one run: resolve the folders to roots recorded in the manifest,
//! walk them ([`crate::ingest::walk`]), compare each file's size and mtime
//! (then content hash) with its fingerprint, parse only new or changed files
//! in parallel (rayon), and hand the resulting [`Article`]s to tantivy's
//! writer while parsing goes on. A changed file's articles are deleted by
//! path before its new ones are added, so a re-run after a crash never
//! duplicates anything. One commit at the end, then the manifest.
//!
//! A changed file's articles are counted one by one: each new article's
//! [`record_fingerprint`] is looked for among those of the file's articles
//! as the index holds them, so that editing one record of a 1,000-record
//! SGML file reports one article updated and 999 unchanged.
//!
//! This module sees articles and files, never file formats: parsing is
//! [`crate::ingest::parse_bytes_limited`]'s business.

use std::collections::HashSet;
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Instant;

use chrono::Utc;
use rayon::prelude::*;
use serde::Serialize;
use tantivy::{IndexWriter, Term};
use xxhash_rust::xxh3::xxh3_128;

use crate::annotate::annotate;
use crate::article::{Article, Origin};
use crate::error::{Error, Result};
use crate::ingest::{self, FileEntry, IgnoreReason, Ignored};
use crate::manifest::{FileRecord, Manifest, Problem, Root};
use crate::schema::ArticleDoc;
use crate::store::{Opened, Store, WriteLock};
use crate::stories::Assigner;

/// Settings for an `index` or `rebuild` run.
#[derive(Debug, Clone)]
pub struct Options {
    /// Writer memory budget in bytes (tantivy's heap, split across threads).
    pub memory_bytes: usize,
    /// Files larger than this are skipped with a message.
    pub max_file_size: u64,
    /// Forget recorded roots that no longer exist (and their articles).
    pub prune: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            memory_bytes: 256 << 20,
            max_file_size: 64 << 20,
            prune: false,
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

/// One folder to walk, and the root it belongs to.
#[derive(Debug, Clone)]
struct Scope {
    label: Arc<str>,
    /// The recorded root (a folder inside it when only that is walked).
    root: PathBuf,
    scope: PathBuf,
}

/// How an index run reports its progress: the command line draws a bar,
/// the server or a test may log or ignore it. Called from the thread that
/// hands files to the writer.
pub trait Progress: Sync {
    /// The run will handle `files` files (once the walk is done).
    fn start(&self, files: u64);
    /// `n` more files are handled.
    fn advance(&self, n: u64);
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
    fn start(&self, _files: u64) {}
    fn advance(&self, _n: u64) {}
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
    let start = Instant::now();
    let lock = store.lock()?;
    store.remove_stale_generations(&lock);
    let mut opened = store.open_or_create(&lock)?;
    let mut report = Report::default();
    let scopes = if dirs.is_empty() {
        if opened.manifest.roots.is_empty() {
            return Err(Error::NoRoots(store.path().to_path_buf()));
        }
        recorded_scopes(&mut opened.manifest, opts.prune, &mut report)
    } else {
        resolve_roots(&mut opened.manifest, dirs)?
    };
    sync(
        store,
        &lock,
        &mut opened,
        &scopes,
        opts,
        progress,
        &mut report,
    )?;
    report.elapsed_secs = start.elapsed().as_secs_f64();
    Ok(report)
}

/// `newsdex rebuild`: re-reads every recorded root into a new generation and
/// makes it live only once it is complete.
pub fn rebuild(store: &Store, opts: &Options, progress: &dyn Progress) -> Result<Report> {
    let start = Instant::now();
    let lock = store.lock()?;
    store.remove_stale_generations(&lock);
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
    for root in &old.roots {
        if root.path.exists() {
            fresh.roots.push(root.clone());
        } else if opts.prune {
            report.pruned_roots.push(root.path.clone());
        } else {
            let articles: u64 = old
                .files
                .values()
                .filter(|f| *f.root == *root.label)
                .map(|f| f.articles)
                .sum();
            return Err(Error::BadRoot {
                path: root.path.clone(),
                reason: format!(
                    "source folder no longer exists; rebuilding would drop its {articles} articles. Restore it, or pass --prune to drop them"
                ),
            });
        }
    }
    let mut opened = store.create_generation(&lock, fresh)?;
    let scopes: Vec<Scope> = opened
        .manifest
        .roots
        .iter()
        .map(|r| Scope {
            label: Arc::from(&*r.label),
            root: r.path.clone(),
            scope: r.path.clone(),
        })
        .collect();
    let result = sync(
        store,
        &lock,
        &mut opened,
        &scopes,
        opts,
        progress,
        &mut report,
    );
    let result = match result {
        Ok(()) if report.interrupted => Err(Error::Interrupted),
        other => other,
    };
    if let Err(e) = result {
        // Leave the live index alone; drop the half-built one.
        let _ = fs::remove_dir_all(&opened.dir);
        return Err(e);
    }
    store.publish(&lock, &opened.dir)?;
    report.elapsed_secs = start.elapsed().as_secs_f64();
    Ok(report)
}

/// Scopes for every recorded root; missing ones are reported, and dropped
/// from the manifest only with `prune`.
fn recorded_scopes(manifest: &mut Manifest, prune: bool, report: &mut Report) -> Vec<Scope> {
    let mut scopes = Vec::new();
    let mut kept = Vec::new();
    for root in std::mem::take(&mut manifest.roots) {
        if root.path.exists() {
            scopes.push(Scope {
                label: Arc::from(&*root.label),
                root: root.path.clone(),
                scope: root.path.clone(),
            });
            kept.push(root);
        } else if prune {
            report.pruned_roots.push(root.path.clone());
        } else {
            report.missing_roots.push(root.path.clone());
            kept.push(root);
        }
    }
    manifest.roots = kept;
    scopes
}

/// Maps the folders given on the command line to roots: inside a recorded
/// root, it is that root (only the sub-folder is walked); otherwise it is a
/// new root, which absorbs any recorded roots inside it.
fn resolve_roots(manifest: &mut Manifest, dirs: &[PathBuf]) -> Result<Vec<Scope>> {
    let mut scopes: Vec<Scope> = Vec::new();
    for dir in dirs {
        let abs = fs::canonicalize(dir).map_err(|e| Error::BadRoot {
            path: dir.clone(),
            reason: match e.kind() {
                std::io::ErrorKind::NotFound => "no such file or directory".to_string(),
                _ => e.to_string(),
            },
        })?;
        if let Some(root) = manifest.roots.iter().find(|r| abs.starts_with(&r.path)) {
            scopes.push(Scope {
                label: Arc::from(&*root.label),
                root: root.path.clone(),
                scope: abs,
            });
            continue;
        }
        manifest.roots.retain(|r| !r.path.starts_with(&abs));
        let label = manifest.new_label(&abs);
        manifest.roots.push(Root {
            path: abs.clone(),
            label: label.clone(),
        });
        scopes.retain(|s| !s.scope.starts_with(&abs));
        scopes.push(Scope {
            label: Arc::from(label),
            root: abs.clone(),
            scope: abs,
        });
    }
    Ok(scopes)
}

/// What reading one file produced.
enum FileOutcome {
    /// Same content as recorded (only the mtime moved).
    Same(FileRecord),
    /// Parsed: the new fingerprint (with any bad records), its articles,
    /// and how they compare with the file's articles in the index.
    Parsed(FileRecord, Vec<Article>, Changes),
    /// A project file that is not an article (`README.txt`): passed over,
    /// and not recorded, so it is looked at again on each run.
    Ignored(IgnoreReason),
    /// Read, but unusable (binary, empty, unparseable): the fingerprint
    /// with the reason, so it is not re-read until it changes.
    Unusable(FileRecord),
    /// Could not be read (the next run tries again).
    Failed(Skipped),
}

/// How a changed file's new articles compare with its old ones.
#[derive(Debug, Default, Clone, Copy, PartialEq)]
struct Changes {
    added: u64,
    updated: u64,
    removed: u64,
    unchanged: u64,
}

impl Changes {
    /// Matches the new articles' fingerprints against the old ones as a
    /// multiset (a record moved within the file is unchanged); the rest
    /// pair up as updated, the surplus is added or removed.
    fn compare(old: &[u64], new: &[u64]) -> Changes {
        let mut left: std::collections::HashMap<u64, u32> = std::collections::HashMap::new();
        for fp in old {
            *left.entry(*fp).or_default() += 1;
        }
        let mut unchanged = 0;
        for fp in new {
            if let Some(n) = left.get_mut(fp).filter(|n| **n > 0) {
                *n -= 1;
                unchanged += 1;
            }
        }
        let new_changed = new.len() as u64 - unchanged;
        let old_changed = old.len() as u64 - unchanged;
        let updated = new_changed.min(old_changed);
        Changes {
            added: new_changed - updated,
            updated,
            removed: old_changed - updated,
            unchanged,
        }
    }
}

/// What identifies an article's content, apart from where it sits in its
/// file (id, record number, line): headline, text and metadata (sections
/// and places too), the date to the second as the index stores it. Two records are the same
/// article when their fingerprints are equal.
pub fn record_fingerprint(a: &Article) -> u64 {
    use xxhash_rust::xxh3::Xxh3;
    let mut h = Xxh3::new();
    let mut field = |s: Option<&str>| {
        match s {
            Some(s) => {
                h.update(&(s.len() as u64).to_le_bytes());
                h.update(s.as_bytes());
            }
            None => h.update(&u64::MAX.to_le_bytes()),
        };
    };
    field(Some(&a.title));
    field(Some(&a.body));
    field(a.date.map(|d| d.timestamp().to_string()).as_deref());
    field(a.byline.as_deref());
    // Every section in order, as the index stores them (one field), so
    // that the first of them reads back as `section`.
    for s in a.section.iter().chain(&a.other_sections) {
        field(Some(s));
    }
    field(None);
    for p in &a.places {
        field(Some(p));
    }
    field(None);
    field(a.source.as_deref());
    field(a.url.as_deref());
    h.digest()
}

/// The fingerprints of the articles the index holds for one source file.
fn stored_fingerprints(
    searcher: &tantivy::Searcher,
    fields: &crate::schema::Fields,
    key: &str,
) -> tantivy::Result<Vec<u64>> {
    use tantivy::query::TermQuery;
    use tantivy::schema::IndexRecordOption;
    let q = TermQuery::new(
        Term::from_field_text(fields.path, key),
        IndexRecordOption::Basic,
    );
    let docs = searcher.search(&q, &tantivy::collector::DocSetCollector)?;
    docs.into_iter()
        .map(|addr| {
            let doc: tantivy::TantivyDocument = searcher.doc(addr)?;
            Ok(record_fingerprint(&crate::schema::from_document(
                fields, &doc,
            )))
        })
        .collect()
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

/// The least source bytes parsed ahead of the writer, whatever `--memory`.
const MIN_PARSE_BUDGET: u64 = 32 << 20;

/// Source bytes being parsed or waiting for the writer, bounded: a parser
/// waits before taking a file that would go over the limit, unless nothing
/// else is held (so a file larger than the limit still goes through).
struct ByteBudget {
    limit: u64,
    held: std::sync::Mutex<u64>,
    freed: std::sync::Condvar,
}

/// Gives its bytes back to the budget when dropped.
struct Release<'a> {
    budget: &'a ByteBudget,
    bytes: u64,
}

impl Drop for Release<'_> {
    fn drop(&mut self) {
        let mut held = self.budget.held.lock().unwrap_or_else(|e| e.into_inner());
        *held -= self.bytes;
        self.budget.freed.notify_all();
    }
}

impl ByteBudget {
    fn new(limit: u64) -> ByteBudget {
        ByteBudget {
            limit,
            held: std::sync::Mutex::new(0),
            freed: std::sync::Condvar::new(),
        }
    }

    /// Waits until `bytes` (at most the limit) fit and takes them; they
    /// are given back when the guard is dropped, wherever that happens (a
    /// parser that fails drops it too, so no one waits for it forever).
    fn acquire(&self, bytes: u64) -> Release<'_> {
        let bytes = bytes.min(self.limit);
        let mut held = self.held.lock().unwrap_or_else(|e| e.into_inner());
        while *held > 0 && *held + bytes > self.limit {
            held = self.freed.wait(held).unwrap_or_else(|e| e.into_inner());
        }
        *held += bytes;
        Release {
            budget: self,
            bytes,
        }
    }
}

/// A failure while writing the index, as one line that says the index still
/// holds its last committed state. Damage is reported as damage.
fn write_failed(index_dir: &Path, e: Error) -> Error {
    let reason = match e {
        Error::Damaged { .. } | Error::Corrupt(_) | Error::WriteFailed { .. } => return e,
        Error::Io { path, source } => format!("{}: {source}", path.display()),
        Error::Tantivy(tantivy::TantivyError::ErrorInThread(_)) => {
            // tantivy drops the worker's io::Error; this is nearly always it.
            "an indexing thread could not write its files; is the disk full?".to_string()
        }
        Error::Tantivy(tantivy::TantivyError::IoError(io)) => io.to_string(),
        other => other.to_string(),
    };
    Error::WriteFailed {
        path: index_dir.to_path_buf(),
        reason,
    }
}

struct Job<'a> {
    entry: FileEntry,
    scope: &'a Scope,
    /// The file's record from the last run (boxed: most jobs of a big
    /// first run have none, and a million jobs wait at once).
    old: Option<Box<FileRecord>>,
}

fn sync(
    store: &Store,
    _lock: &WriteLock,
    opened: &mut Opened,
    scopes: &[Scope],
    opts: &Options,
    progress: &dyn Progress,
    report: &mut Report,
) -> Result<()> {
    let exclude = fs::canonicalize(store.path()).unwrap_or_else(|_| store.path().to_path_buf());
    let manifest = &mut opened.manifest;

    // 1. Walk, and decide per file from size and mtime alone.
    let mut jobs: Vec<Job> = Vec::new();
    // Paths walked, as 128-bit hashes: a million path strings would be
    // about 100 MB; two different paths sharing a hash is a chance of one
    // in 10^26 at that size.
    let mut seen: HashSet<u128> = HashSet::new();
    let mut unreadable: HashSet<String> = HashSet::new();
    for scope in scopes {
        let walk = ingest::walk(&scope.scope, &exclude, |entry| {
            let key = ingest::path_string(&entry.path);
            if !seen.insert(xxh3_128(key.as_bytes())) {
                return; // reached twice through a symbolic link
            }
            report.files_seen += 1;
            let old = manifest.files.get(&key);
            if let Some(rec) = old {
                if rec.root == scope.label
                    && rec.size == entry.size
                    && rec.mtime_ns == entry.mtime_ns
                {
                    report.files_unchanged += 1;
                    report.articles_unchanged += rec.articles;
                    report.skipped.extend(skips_of(&entry.path, rec));
                    return;
                }
            }
            if entry.size > opts.max_file_size {
                report.skipped.push(Skipped {
                    path: entry.path.clone(),
                    line: None,
                    reason: format!(
                        "file is {} MB, over --max-file-size {} MB",
                        entry.size >> 20,
                        opts.max_file_size >> 20
                    ),
                });
                unreadable.insert(key);
                return;
            }
            // Copied only for the files that are read again.
            let old = old.cloned().map(Box::new);
            jobs.push(Job { entry, scope, old });
        });
        report.files_ignored += walk.ignored.len() as u64;
        report.ignored.extend(walk.ignored);
        for p in walk.problems {
            unreadable.insert(ingest::path_string(&p.path));
            report.skipped.push(Skipped {
                path: p.path,
                line: None,
                reason: p.reason,
            });
        }
    }

    // 2. Files recorded under the walked scopes that are gone, and files of
    //    roots no longer recorded (dropped with --prune).
    let scope_keys: Vec<String> = scopes
        .iter()
        .map(|s| ingest::path_string(&s.scope))
        .collect();
    let gone: Vec<String> = manifest
        .files
        .iter()
        .filter(|(k, rec)| {
            if seen.contains(&xxh3_128(k.as_bytes())) || unreadable.contains(*k) {
                return false;
            }
            let in_scope = scope_keys.iter().any(|s| Path::new(k).starts_with(s));
            in_scope || !manifest.roots.iter().any(|r| *r.label == *rec.root)
        })
        .map(|(k, _)| k.clone())
        .collect();
    // A set of every path walked: 100 MB for a million files, no longer
    // needed while the files are parsed and indexed.
    drop(seen);
    drop(unreadable);

    // 3. Parse in parallel while the writer indexes.
    let threads = std::thread::available_parallelism()
        .map_or(2, |n| n.get())
        .min(8);
    let per_thread_min = 15 << 20;
    let threads = threads.min((opts.memory_bytes / per_thread_min).max(1));
    let index_dir = store.path().to_path_buf();
    let failed = |e: Error| write_failed(&index_dir, e);
    // One merge at a time: merges map what they read (see `merges`), and
    // on two cores a second merge thread only competes with the indexers.
    let options = tantivy::indexer::IndexWriterOptions::builder()
        .num_worker_threads(threads)
        .memory_budget_per_thread((opts.memory_bytes / threads).max(per_thread_min))
        .num_merge_threads(1)
        .build();
    let mut writer: IndexWriter<ArticleDoc> = opened
        .index
        .writer_with_options(options)
        .map_err(|e| failed(e.into()))?;
    // A run killed inside tantivy's commit can leave files that no commit
    // names, such as `<segment>.<opstamp>.del`. The next run repeats the
    // same operations, reaches the same opstamp and would fail creating
    // that file again ("FileAlreadyExists"), so sweep them first. Only
    // files the last commit does not use are removed; if the sweep fails,
    // indexing goes on and any real problem shows up when writing.
    let _ = writer.garbage_collect_files().wait();
    writer.set_merge_policy(Box::new(crate::merges::BoundedMerges::default()));
    let fields = opened.fields.clone();
    let path_term = |p: &str| Term::from_field_text(fields.path, p);
    // Deleting a file's old articles by path before adding its new ones is
    // what makes a re-run after a crash converge. An index with no documents
    // (a first run, a rebuild) has nothing to delete, and a million useless
    // delete terms cost a term lookup per segment each at commit.
    let index_is_empty = opened
        .index
        .searchable_segment_metas()
        .map_err(|e| failed(e.into()))?
        .iter()
        .all(|m| m.max_doc() == 0);

    // The index as last committed: to compare a changed file's new
    // articles with its old ones, and to find the stories new articles
    // belong to. A run with nothing to parse never opens it.
    let old_articles = if !index_is_empty && !jobs.is_empty() {
        let reader: tantivy::IndexReader = opened
            .index
            .reader_builder()
            .reload_policy(tantivy::ReloadPolicy::Manual)
            .try_into()
            .map_err(|e: tantivy::TantivyError| failed(e.into()))?;
        Some((reader.searcher(), fields.clone()))
    } else {
        None
    };

    for key in &gone {
        if let Some(rec) = manifest.files.remove(key) {
            writer.delete_term(path_term(key));
            report.files_removed += 1;
            report.articles_removed += rec.articles;
        }
    }

    let mut stories =
        Assigner::new(&fields, old_articles.as_ref().map(|(s, _)| s)).map_err(failed)?;

    progress.start(jobs.len() as u64);
    let mut left = jobs.len() as u64;
    let (tx, rx) = crossbeam_channel::bounded::<(Job, FileOutcome, Release)>(256);
    let mut add_error: Option<tantivy::TantivyError> = None;
    let mut story_error: Option<Error> = None;
    // Parsed files wait for the writer; this bounds the source bytes they
    // come from, not just their number (256 files of 64 MB would be 16 GB).
    let budget = ByteBudget::new((opts.memory_bytes as u64 / 2).max(MIN_PARSE_BUDGET));
    std::thread::scope(|s| {
        // Each job travels with its outcome and is freed once handled: a
        // million paths and old records need not outlive their turn.
        let budget = &budget;
        let old_articles = old_articles.as_ref();
        s.spawn(move || {
            jobs.into_par_iter().for_each_with(tx, |tx, job| {
                if progress.stop_requested() {
                    return;
                }
                let held = budget.acquire(job.entry.size);
                let outcome = process(&job, opts.max_file_size, old_articles);
                let _ = tx.send((job, outcome, held));
            });
        });
        // `_held` is released when this file's articles are with the writer.
        for (job, outcome, _held) in rx {
            // Unhandled files keep their old records (and articles), so
            // the next run reads them again; what was handled commits.
            if progress.stop_requested() {
                break;
            }
            left -= 1;
            progress.advance(1);
            let job = &job;
            let key = ingest::path_string(&job.entry.path);
            match outcome {
                FileOutcome::Same(rec) => {
                    report.files_unchanged += 1;
                    report.articles_unchanged += rec.articles;
                    report.bytes_read += rec.size;
                    report.skipped.extend(skips_of(&job.entry.path, &rec));
                    manifest.files.insert(key, rec);
                }
                FileOutcome::Parsed(rec, articles, changes) => {
                    report.files_parsed += 1;
                    report.bytes_read += rec.size;
                    report.skipped.extend(skips_of(&job.entry.path, &rec));
                    if !index_is_empty {
                        writer.delete_term(path_term(&key));
                    }
                    report.articles_added += changes.added;
                    report.articles_updated += changes.updated;
                    report.articles_removed += changes.removed;
                    report.articles_unchanged += changes.unchanged;
                    for mut a in articles {
                        if let Err(e) = stories.assign(&mut a) {
                            story_error.get_or_insert(e);
                        }
                        let doc = ArticleDoc::new(fields.clone(), a);
                        if let Err(e) = writer.add_document(doc) {
                            add_error.get_or_insert(e);
                        }
                    }
                    manifest.files.insert(key, rec);
                }
                FileOutcome::Unusable(rec) => {
                    // Recorded, so an unchanged bad file is reported again
                    // next time without being read again. Any articles it
                    // had before go.
                    report.files_parsed += 1;
                    report.bytes_read += rec.size;
                    report.skipped.extend(skips_of(&job.entry.path, &rec));
                    if let Some(old) = &job.old {
                        writer.delete_term(path_term(&key));
                        report.articles_removed += old.articles;
                    }
                    manifest.files.insert(key, rec);
                }
                FileOutcome::Ignored(reason) => {
                    // Counted as seen by the walk, which could not tell.
                    report.files_seen -= 1;
                    report.files_ignored += 1;
                    report.bytes_read += job.entry.size;
                    report.ignored.push(Ignored {
                        path: job.entry.path.clone(),
                        reason,
                    });
                    // Indexed as an article by an older version: no more.
                    if let Some(old) = manifest.files.remove(&key) {
                        writer.delete_term(path_term(&key));
                        report.articles_removed += old.articles;
                    }
                }
                FileOutcome::Failed(skip) => report.skipped.push(skip),
            }
        }
    });
    progress.finish();
    if let Some(e) = add_error {
        return Err(failed(e.into()));
    }
    if let Some(e) = story_error {
        return Err(failed(e));
    }
    report.articles_joined_stories = stories.joined;
    if left > 0 {
        report.interrupted = true;
        report.files_left = left;
    }

    // 4. One commit, then the manifest that describes it. A crash between
    //    the two is harmless: the next run re-parses the files whose
    //    fingerprints are stale, deleting by path before adding.
    writer.commit().map_err(|e| failed(e.into()))?;
    writer
        .wait_merging_threads()
        .map_err(|e| failed(e.into()))?;
    manifest.last_indexed = Some(Utc::now());
    manifest.newsdex_version = env!("CARGO_PKG_VERSION").to_string();
    manifest.save(&opened.dir).map_err(failed)?;
    report.articles_total = manifest.article_count();
    report
        .skipped
        .sort_by(|a, b| (&a.path, a.line).cmp(&(&b.path, b.line)));
    report.ignored.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(())
}

/// Reads, fingerprints and (if changed) parses one file. `old_articles`
/// is the index as last committed, to count what changed in a file it
/// holds.
fn process(
    job: &Job,
    max_file_size: u64,
    old_articles: Option<&(tantivy::Searcher, crate::schema::Fields)>,
) -> FileOutcome {
    let path = &job.entry.path;
    let fail = |reason: String| {
        FileOutcome::Failed(Skipped {
            path: path.clone(),
            line: None,
            reason,
        })
    };
    let bytes = match fs::read(path) {
        Ok(b) => b,
        Err(e) => return fail(format!("cannot read: {e}")),
    };
    let hash = xxhash_rust::xxh3::xxh3_128(&bytes);
    let mut rec = FileRecord {
        root: Arc::clone(&job.scope.label),
        size: bytes.len() as u64,
        mtime_ns: job.entry.mtime_ns,
        hash,
        articles: 0,
        problems: Vec::new(),
    };
    if let Some(old) = &job.old {
        if old.root == rec.root && old.hash == rec.hash {
            rec.articles = old.articles;
            rec.problems = old.problems.clone();
            return FileOutcome::Same(rec);
        }
    }
    let unusable = |mut rec: FileRecord, reason: String| {
        rec.problems = vec![Problem { line: None, reason }];
        FileOutcome::Unusable(rec)
    };
    // --max-file-size also caps what a compressed file may expand to.
    let Some((format, parsed)) = ingest::parse_file(path, &bytes, max_file_size) else {
        return unusable(rec, "not an article format".to_string());
    };
    let parsed = match parsed {
        Ok(p) => p,
        Err(_) if job.entry.project => return FileOutcome::Ignored(IgnoreReason::ProjectFile),
        Err(reason) => return unusable(rec, format!("{} file: {reason}", format.name())),
    };
    if job.entry.project && !ingest::reads_as_article(format, &parsed) {
        return FileOutcome::Ignored(IgnoreReason::ProjectFile);
    }
    let abs = ingest::path_string(path);
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
        abs_path: &abs,
        parent_name: parent_name.as_deref(),
        multi_record: format.multi_record(),
    };
    let articles: Vec<Article> = parsed
        .drafts
        .into_iter()
        .enumerate()
        .map(|(i, d)| {
            let mut a = Article::from_draft(d, &origin, i as u64);
            annotate(&mut a);
            a
        })
        .collect();
    rec.problems = parsed
        .problems
        .into_iter()
        .map(|p| Problem {
            line: Some(p.line),
            reason: p.reason,
        })
        .collect();
    rec.articles = articles.len() as u64;
    let new: Vec<u64> = articles.iter().map(record_fingerprint).collect();
    let old = match (&job.old, old_articles) {
        // A lookup that fails counts the file's articles as new rather
        // than failing the run: the counts are a report, not the index.
        (Some(_), Some((searcher, fields))) => {
            stored_fingerprints(searcher, fields, &abs).unwrap_or_default()
        }
        _ => Vec::new(),
    };
    let changes = Changes::compare(&old, &new);
    FileOutcome::Parsed(rec, articles, changes)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicBool, Ordering};
    use std::time::Duration;

    #[test]
    fn changes_count_records_not_files() {
        let c = Changes::compare(&[1, 2, 3, 4], &[1, 2, 9, 4]);
        assert_eq!(
            c,
            Changes {
                added: 0,
                updated: 1,
                removed: 0,
                unchanged: 3
            }
        );
        // Moved, added, removed.
        let c = Changes::compare(&[1, 2, 3], &[3, 1, 2, 5, 6]);
        assert_eq!((c.unchanged, c.added, c.updated, c.removed), (3, 2, 0, 0));
        let c = Changes::compare(&[1, 2, 3], &[2]);
        assert_eq!((c.unchanged, c.added, c.updated, c.removed), (1, 0, 0, 2));
        // Two identical records stay two.
        let c = Changes::compare(&[7, 7], &[7, 7, 7]);
        assert_eq!((c.unchanged, c.added), (2, 1));
        let c = Changes::compare(&[], &[1, 2]);
        assert_eq!((c.added, c.updated), (2, 0));
    }

    #[test]
    fn byte_budget_waits_for_room_and_lets_a_huge_file_through_alone() {
        let budget = ByteBudget::new(100);
        // Larger than the limit, nothing else held: goes through, clamped.
        let huge = budget.acquire(1_000);
        assert_eq!(huge.bytes, 100);
        drop(huge);

        let first = budget.acquire(80);
        let second_in = AtomicBool::new(false);
        std::thread::scope(|s| {
            s.spawn(|| {
                let _second = budget.acquire(50);
                second_in.store(true, Ordering::SeqCst);
            });
            std::thread::sleep(Duration::from_millis(100));
            assert!(!second_in.load(Ordering::SeqCst), "went over the limit");
            drop(first);
        });
        assert!(second_in.load(Ordering::SeqCst));
        assert_eq!(*budget.held.lock().unwrap(), 0);
    }
}
