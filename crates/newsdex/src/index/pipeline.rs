//! The parse threads → writer pipeline: rayon's threads run each file's
//! job (`parse.rs`) and send the outcome down a bounded channel; the
//! thread that called the run takes them one by one, gives each article
//! its story ([`Assigner`]), hands it to tantivy's writer and records the
//! file in the manifest. The source bytes in flight are bounded by
//! `budget.rs`; progress and Ctrl-C go through [`Progress`].

use rayon::prelude::*;

use super::budget::{ByteBudget, Release, MIN_PARSE_BUDGET};
use super::parse::{process, FileOutcome, Job, OldArticles};
use super::sync::{write_failed, Run, Writing};
use super::{skips_of, FileNote, Options, Progress};
use crate::error::{Error, Result};
use crate::ingest::{self, Ignored};
use crate::schema::ArticleDoc;
use crate::stories::Assigner;

/// What the writer's end keeps from file to file: the writer, the story
/// assigner, and the first error of each kind (the run fails with it once
/// the pipeline has drained).
struct Sink<'w> {
    w: &'w mut Writing,
    stories: Assigner,
    add_error: Option<tantivy::TantivyError>,
    story_error: Option<Error>,
}

impl Run<'_> {
    /// Parses the jobs in parallel while the writer indexes what they
    /// give; a stop the user asked for leaves the rest for the next run.
    pub(super) fn parse_and_write(
        &mut self,
        w: &mut Writing,
        old_articles: Option<&OldArticles>,
        jobs: Vec<Job>,
    ) -> Result<()> {
        let store = self.store;
        let failed = |e: Error| write_failed(store.path(), e);
        let stories = Assigner::new(&w.fields, old_articles.map(|(s, _)| s)).map_err(failed)?;
        let mut sink = Sink {
            w,
            stories,
            add_error: None,
            story_error: None,
        };
        let (opts, progress) = (self.opts, self.progress);
        let left = parse_in_parallel(jobs, opts, progress, old_articles, |job, outcome| {
            self.write_file(&mut sink, job, outcome)
        });
        if let Some(e) = sink.add_error {
            return Err(failed(e.into()));
        }
        if let Some(e) = sink.story_error {
            return Err(failed(e));
        }
        self.report.articles_joined_stories = sink.stories.joined;
        if left > 0 {
            self.report.interrupted = true;
            self.report.files_left = left;
        }
        Ok(())
    }

    /// Takes one file's outcome: counts it, hands its articles to the
    /// writer (after deleting its old ones), and records it.
    fn write_file(&mut self, sink: &mut Sink, job: &Job, outcome: FileOutcome) {
        let report = &mut *self.report;
        let manifest = &mut self.opened.manifest;
        let key = ingest::path_string(&job.entry.path);
        match outcome {
            FileOutcome::Same(rec) => {
                report.files_unchanged += 1;
                report.articles_unchanged += rec.articles;
                report.bytes_read += rec.size;
                report.skipped.extend(skips_of(&job.entry.path, &rec));
                manifest.files.insert(key, rec);
            }
            FileOutcome::Parsed(rec, articles, changes, said) => {
                report.files_parsed += 1;
                for note in said.notes {
                    report.notes.push(FileNote {
                        path: job.entry.path.clone(),
                        note,
                    });
                }
                for (kind, n) in said.passed_over {
                    *report.records_passed_over.entry(kind).or_default() += n;
                }
                report.bytes_read += rec.size;
                report.skipped.extend(skips_of(&job.entry.path, &rec));
                if !sink.w.index_is_empty {
                    sink.w.delete_file(&key);
                }
                report.articles_added += changes.added;
                report.articles_updated += changes.updated;
                report.articles_removed += changes.removed;
                report.articles_unchanged += changes.unchanged;
                for mut a in articles {
                    if let Err(e) = sink.stories.assign(&mut a) {
                        sink.story_error.get_or_insert(e);
                    }
                    let doc = ArticleDoc::new(sink.w.fields.clone(), a);
                    if let Err(e) = sink.w.writer.add_document(doc) {
                        sink.add_error.get_or_insert(e);
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
                    sink.w.delete_file(&key);
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
                    sink.w.delete_file(&key);
                    report.articles_removed += old.articles;
                }
            }
            FileOutcome::Failed(skip) => report.skipped.push(skip),
        }
    }
}

/// Runs `jobs` on rayon's threads and gives each file, with its outcome, to
/// `write` on this thread as parsing finishes. Returns how many files were
/// not handled because the user asked to stop.
fn parse_in_parallel<'a>(
    jobs: Vec<Job<'a>>,
    opts: &Options,
    progress: &dyn Progress,
    old_articles: Option<&OldArticles>,
    mut write: impl FnMut(&Job<'a>, FileOutcome),
) -> u64 {
    progress.start(jobs.len() as u64);
    let mut left = jobs.len() as u64;
    let (tx, rx) = crossbeam_channel::bounded::<(Job, FileOutcome, Release)>(256);
    // Parsed files wait for the writer; this bounds the source bytes they
    // come from, not just their number (256 files of 64 MB would be 16 GB).
    let budget = ByteBudget::new((opts.memory_bytes as u64 / 2).max(MIN_PARSE_BUDGET));
    std::thread::scope(|s| {
        // Each job travels with its outcome and is freed once handled: a
        // million paths and old records need not outlive their turn.
        let budget = &budget;
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
            write(&job, outcome);
        }
    });
    progress.finish();
    left
}
