//! The write session `update` and `rebuild` open ([`Session`]), and one
//! run in it, phase by phase, over one [`Run`]: walk and decide per file
//! (`changes.rs`), find the files gone, open the writer, delete the files
//! gone, parse and write (`pipeline.rs`), then one commit and the manifest
//! that describes it. Talks to the [`Store`]'s opened generation (its
//! tantivy index, fields and manifest) and to the [`Report`].

use std::time::Instant;

use chrono::Utc;
use tantivy::{IndexWriter, Term};

use super::changes::Walked;
use super::parse::OldArticles;
use super::roots::Scope;
use super::{Options, Progress, Report};
use crate::error::{Error, Result};
use crate::schema::{ArticleDoc, Fields};
use crate::store::{Opened, Store, WriteLock};

/// A write session on the store, as `update` and `rebuild` begin: the
/// write lock held, stale generations swept, the clock started.
pub(super) struct Session<'a> {
    store: &'a Store,
    pub(super) lock: WriteLock,
    opts: &'a Options,
    progress: &'a dyn Progress,
    start: Instant,
}

impl<'a> Session<'a> {
    /// Takes the lock and sweeps what earlier runs left behind.
    pub(super) fn begin(
        store: &'a Store,
        opts: &'a Options,
        progress: &'a dyn Progress,
    ) -> Result<Session<'a>> {
        let start = Instant::now();
        let lock = store.lock()?;
        store.remove_stale_generations(&lock);
        Ok(Session {
            store,
            lock,
            opts,
            progress,
            start,
        })
    }

    /// Brings `opened` (a generation of the store) up to date with the
    /// scopes: one [`Run`].
    pub(super) fn sync(
        &self,
        opened: &mut Opened,
        scopes: &[Scope],
        report: &mut Report,
    ) -> Result<()> {
        Run {
            store: self.store,
            _lock: &self.lock,
            opened,
            scopes,
            opts: self.opts,
            progress: self.progress,
            report,
        }
        .sync()
    }

    /// Seconds since the session began.
    pub(super) fn elapsed_secs(&self) -> f64 {
        self.start.elapsed().as_secs_f64()
    }
}

/// What the phases of one run share: where the index is, the generation
/// being written, the scopes to walk, the settings, and what to report to.
pub(super) struct Run<'a> {
    pub(super) store: &'a Store,
    /// Held for the whole run: only its holder writes the index.
    pub(super) _lock: &'a WriteLock,
    pub(super) opened: &'a mut Opened,
    pub(super) scopes: &'a [Scope],
    pub(super) opts: &'a Options,
    pub(super) progress: &'a dyn Progress,
    pub(super) report: &'a mut Report,
}

/// The writer's side of a run, from the walk's end to the commit.
pub(super) struct Writing {
    pub(super) writer: IndexWriter<ArticleDoc>,
    pub(super) fields: Fields,
    /// The index held no documents when the run began (a first run, a
    /// rebuild): a changed file has no old articles to delete.
    pub(super) index_is_empty: bool,
}

impl Writing {
    /// Deletes the articles of the file at `key` (its absolute path), as
    /// of the commit.
    pub(super) fn delete_file(&mut self, key: &str) {
        self.writer
            .delete_term(Term::from_field_text(self.fields.path, key));
    }
}

impl Run<'_> {
    /// Brings the opened generation up to date with the scopes.
    fn sync(mut self) -> Result<()> {
        // 1. Walk, and decide per file from size and mtime alone.
        let Walked {
            jobs,
            seen,
            unreadable,
        } = self.walk();

        // 2. Files recorded under the walked scopes that are gone, and files
        //    of roots no longer recorded (dropped with --prune).
        let gone = self.gone(&seen, &unreadable);
        // A set of every path walked: 100 MB for a million files, no longer
        // needed while the files are parsed and indexed.
        drop(seen);
        drop(unreadable);

        // 3. Parse in parallel while the writer indexes.
        let (mut w, old_articles) = self.open_writer(!jobs.is_empty())?;
        self.remove_gone(&mut w, &gone);
        self.parse_and_write(&mut w, old_articles.as_ref(), jobs)?;

        // 4. One commit, then the manifest that describes it. A crash between
        //    the two is harmless: the next run re-parses the files whose
        //    fingerprints are stale, deleting by path before adding.
        self.commit(w)
    }

    /// Opens the generation's writer (threads and memory from the
    /// options), and, when there is something to parse and the index holds
    /// documents, a searcher over the index as last committed.
    fn open_writer(&self, any_jobs: bool) -> Result<(Writing, Option<OldArticles>)> {
        let opts = self.opts;
        let threads = std::thread::available_parallelism()
            .map_or(2, |n| n.get())
            .min(8);
        let per_thread_min = 15 << 20;
        let heap = opts.writer_bytes();
        let threads = threads.min((heap / per_thread_min).max(1));
        let failed = |e: Error| write_failed(self.store.path(), e);
        // One merge at a time: merges map what they read (see `merges`), and
        // on two cores a second merge thread only competes with the indexers.
        let options = tantivy::indexer::IndexWriterOptions::builder()
            .num_worker_threads(threads)
            .memory_budget_per_thread((heap / threads).max(per_thread_min))
            .num_merge_threads(1)
            .build();
        let writer: IndexWriter<ArticleDoc> = self
            .opened
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
        let fields = self.opened.fields.clone();
        // Deleting a file's old articles by path before adding its new ones is
        // what makes a re-run after a crash converge. An index with no documents
        // (a first run, a rebuild) has nothing to delete, and a million useless
        // delete terms cost a term lookup per segment each at commit.
        let index_is_empty = self
            .opened
            .index
            .searchable_segment_metas()
            .map_err(|e| failed(e.into()))?
            .iter()
            .all(|m| m.max_doc() == 0);

        // The index as last committed: to compare a changed file's new
        // articles with its old ones, and to find the stories new articles
        // belong to. A run with nothing to parse never opens it.
        let old_articles = if !index_is_empty && any_jobs {
            let reader: tantivy::IndexReader = self
                .opened
                .index
                .reader_builder()
                .reload_policy(tantivy::ReloadPolicy::Manual)
                .try_into()
                .map_err(|e: tantivy::TantivyError| failed(e.into()))?;
            Some((reader.searcher(), fields.clone()))
        } else {
            None
        };
        let w = Writing {
            writer,
            fields,
            index_is_empty,
        };
        Ok((w, old_articles))
    }

    /// Deletes the articles of the files gone and forgets their records.
    fn remove_gone(&mut self, w: &mut Writing, gone: &[String]) {
        for key in gone {
            if let Some(rec) = self.opened.manifest.files.remove(key) {
                w.delete_file(key);
                self.report.files_removed += 1;
                self.report.articles_removed += rec.articles;
            }
        }
    }

    /// Commits, waits for the merges, saves the manifest, and puts the
    /// report's totals and lists in order.
    fn commit(&mut self, w: Writing) -> Result<()> {
        let store = self.store;
        let failed = |e: Error| write_failed(store.path(), e);
        let mut writer = w.writer;
        writer.commit().map_err(|e| failed(e.into()))?;
        writer
            .wait_merging_threads()
            .map_err(|e| failed(e.into()))?;
        let manifest = &mut self.opened.manifest;
        manifest.last_indexed = Some(Utc::now());
        manifest.newsdex_version = env!("CARGO_PKG_VERSION").to_string();
        manifest.save(&self.opened.dir).map_err(failed)?;
        let report = &mut *self.report;
        report.articles_total = manifest.article_count();
        report
            .skipped
            .sort_by(|a, b| (&a.path, a.line).cmp(&(&b.path, b.line)));
        report.ignored.sort_by(|a, b| a.path.cmp(&b.path));
        Ok(())
    }
}

/// A failure while writing the index, as one line that says the index still
/// holds its last committed state. Damage is reported as damage.
pub(super) fn write_failed(index_dir: &std::path::Path, e: Error) -> Error {
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
