//! The parse threads → writer pipeline: rayon's threads run each file's
//! job (`parse.rs`) and send the outcome down a bounded channel; the
//! thread that called the run takes them one by one, gives each article
//! its story ([`Assigner`]), hands it to tantivy's writer and records the
//! file in the manifest. The bytes in flight, from a file being read to
//! its articles indexed, are bounded by `budget.rs`; progress and Ctrl-C
//! go through [`Progress`].

use rayon::prelude::*;

use super::budget::{ByteBudget, Release};
use super::parse::{process, FileOutcome, Handoff, Job, OldArticles};
use super::sync::{write_failed, Run, Writing};
use super::{skips_of, FileNote, Options, Progress};
use crate::article::Article;
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
    /// Files whose articles are coming in batches ([`Handed::Part`]):
    /// their old articles are deleted once, before the first batch.
    streamed: std::collections::HashSet<String>,
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
            streamed: Default::default(),
            add_error: None,
            story_error: None,
        };
        let (opts, progress) = (self.opts, self.progress);
        let left = parse_in_parallel(
            jobs,
            opts,
            progress,
            old_articles,
            |handed, held| match handed {
                Handed::Part(key, articles) => write_part(&mut sink, key, articles, held),
                Handed::Done(job, outcome) => self.write_file(&mut sink, job, outcome, held),
            },
        );
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
    /// writer (after deleting its old ones, each holding its share of
    /// `held`), and records it.
    fn write_file(&mut self, sink: &mut Sink, job: &Job, outcome: FileOutcome, held: &mut Release) {
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
                let streamed = sink.streamed.remove(&key);
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
                if !sink.w.index_is_empty && !streamed {
                    sink.w.delete_file(&key);
                }
                report.articles_added += changes.added;
                report.articles_updated += changes.updated;
                report.articles_removed += changes.removed;
                report.articles_unchanged += changes.unchanged;
                sink.add(articles, held);
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

impl Sink<'_> {
    /// Gives articles their stories and hands them to tantivy's writer,
    /// each document holding its text's bytes of `held` until tantivy has
    /// indexed and dropped it.
    fn add(&mut self, articles: Vec<Article>, held: &mut Release) {
        for mut a in articles {
            if let Err(e) = self.stories.assign(&mut a) {
                self.story_error.get_or_insert(e);
            }
            let share = held.split((a.title.len() + a.body.len()) as u64);
            let doc = ArticleDoc::new(self.w.fields.clone(), a).holding(Box::new(share));
            if let Err(e) = self.w.writer.add_document(doc) {
                self.add_error.get_or_insert(e);
            }
        }
    }
}

/// One batch of a streamed file's articles: the file's old articles go
/// before its first batch (a delete in tantivy removes what was added
/// before it, so never after).
fn write_part(sink: &mut Sink, key: String, articles: Vec<Article>, held: &mut Release) {
    if !sink.streamed.contains(&key) {
        if !sink.w.index_is_empty {
            sink.w.delete_file(&key);
        }
        sink.streamed.insert(key);
    }
    sink.add(articles, held);
}

/// What a parse thread hands the writer's end: a batch of a streamed
/// file's articles, or a file done with its outcome.
enum Handed<'j, 'a> {
    Part(String, Vec<Article>),
    Done(&'j Job<'a>, FileOutcome),
}

/// What travels down the channel: a [`Handed`], with the budget it holds.
// The channel's slots were always the size of a done file (job, outcome,
// budget), as they were as a tuple: boxing it would add an allocation a
// file for nothing.
#[allow(clippy::large_enum_variant)]
enum Message<'a> {
    Part(String, Vec<Article>, Release),
    /// A file done, with the bytes of it not yet counted as read.
    Done(Job<'a>, FileOutcome, Release, u64),
}

/// Runs `jobs` on rayon's threads and gives each file, with its outcome and
/// the budget it holds, to `write` on this thread as parsing finishes (and
/// a streamed file's batches as they are read); what `write` leaves of the
/// budget goes back after it. Returns how many files were not handled
/// because the user asked to stop.
fn parse_in_parallel<'a>(
    jobs: Vec<Job<'a>>,
    opts: &Options,
    progress: &dyn Progress,
    old_articles: Option<&OldArticles>,
    mut write: impl FnMut(Handed<'_, 'a>, &mut Release),
) -> u64 {
    let bytes = jobs.iter().map(|j| j.entry.size).sum();
    progress.start(jobs.len() as u64, bytes);
    let mut left = jobs.len() as u64;
    let (tx, rx) = crossbeam_channel::bounded::<Message>(256);
    // Parsed files wait for the writer, and their articles for tantivy;
    // this bounds their bytes, not just their number (256 files of 64 MB
    // would be 16 GB; tantivy queues 10,000 documents of any size).
    let budget = std::sync::Arc::new(ByteBudget::new(opts.text_bytes() as u64));
    std::thread::scope(|s| {
        // Each job travels with its outcome and is freed once handled: a
        // million paths and old records need not outlive their turn.
        let budget = &budget;
        s.spawn(move || {
            jobs.into_par_iter().for_each_with(tx, |tx, job| {
                if progress.stop_requested() {
                    return;
                }
                // A streamed file holds the budget batch by batch, never
                // for its whole size (which may exceed the budget).
                let streams = ingest::streams(&job.entry.path);
                let held = budget.acquire(if streams { 0 } else { job.entry.size });
                let key = ingest::path_string(&job.entry.path);
                let mut emit = |articles: Vec<Article>| {
                    let bytes = articles.iter().map(|a| a.body.len() as u64).sum();
                    let part = budget.acquire(bytes);
                    let _ = tx.send(Message::Part(key.clone(), articles, part));
                };
                // A streamed file's bytes count as they are read, up to
                // its size at the walk (it may have grown since).
                let size = job.entry.size;
                let mut counted = 0u64;
                let mut read_to = |at: u64| {
                    let at = at.min(size);
                    if at > counted {
                        progress.advance(0, at - counted);
                        counted = at;
                    }
                };
                let handoff = Handoff {
                    emit: &mut emit,
                    read_to: &mut read_to,
                };
                let outcome = process(&job, opts.max_file_size, old_articles, handoff);
                let rest = size - counted;
                let _ = tx.send(Message::Done(job, outcome, held, rest));
            });
        });
        // What `write` leaves of `held` is released when it returns.
        for message in rx {
            // Unhandled files keep their old records (and articles), so
            // the next run reads them again; what was handled commits.
            if progress.stop_requested() {
                break;
            }
            match message {
                Message::Part(key, articles, mut held) => {
                    write(Handed::Part(key, articles), &mut held)
                }
                Message::Done(job, outcome, mut held, rest) => {
                    left -= 1;
                    progress.advance(1, rest);
                    write(Handed::Done(&job, outcome), &mut held);
                }
            }
        }
    });
    progress.finish();
    left
}

#[cfg(test)]
mod tests {
    use std::sync::Mutex;

    use crate::index::{update, Options, Progress};
    use crate::store::Store;

    /// Every report, in order.
    #[derive(Default)]
    struct Recorded {
        start: Mutex<Vec<(u64, u64)>>,
        steps: Mutex<Vec<(u64, u64)>>,
    }

    impl Progress for Recorded {
        fn start(&self, files: u64, bytes: u64) {
            self.start.lock().unwrap().push((files, bytes));
        }
        fn advance(&self, files: u64, bytes: u64) {
            self.steps.lock().unwrap().push((files, bytes));
        }
        fn finish(&self) {}
    }

    /// A web archive's bytes are counted while it is read, not only when
    /// it is done; files and bytes add up to what the run started with.
    #[test]
    fn a_streamed_files_bytes_count_as_it_is_read() {
        let dir = tempfile::tempdir().unwrap();
        let corpus = dir.path().join("corpus");
        std::fs::create_dir_all(&corpus).unwrap();
        let warc = crate::testdata::big_warc();
        std::fs::write(corpus.join("crawl.warc"), &warc).unwrap();
        let note = "Tram line reopens\n\nThe tram line reopened today.";
        std::fs::write(corpus.join("note.txt"), note).unwrap();
        let store = Store::at(dir.path().join("index"));
        let progress = Recorded::default();
        let report = update(&store, &[corpus], &Options::default(), &progress).unwrap();
        assert_eq!(report.articles_total, 2);
        let total = (warc.len() + note.len()) as u64;
        assert_eq!(*progress.start.lock().unwrap(), [(2, total)]);
        let steps = progress.steps.lock().unwrap();
        assert_eq!(steps.iter().map(|s| s.0).sum::<u64>(), 2, "{steps:?}");
        assert_eq!(steps.iter().map(|s| s.1).sum::<u64>(), total, "{steps:?}");
        let while_read: Vec<u64> = steps.iter().filter(|s| s.0 == 0).map(|s| s.1).collect();
        assert!(while_read.len() >= 2, "{steps:?}");
        assert!(
            while_read.iter().sum::<u64>() >= 2 * crate::ingest::STREAM_STEP,
            "{steps:?}"
        );
    }
}
