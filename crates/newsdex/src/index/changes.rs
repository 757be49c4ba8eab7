//! What changed since the last run, file by file and record by record.
//!
//! File by file: the walk ([`crate::ingest::walk`]) compares each file's
//! size and mtime with its fingerprint in the manifest and keeps only the
//! files to read again; a file read again whose content hash is the
//! recorded one is unchanged after all ([`same_content`]); recorded files
//! the walk no longer finds are gone. Record by record: a changed file's
//! new articles are matched by [`record_fingerprint`] against those the
//! index holds for it ([`Changes`]). Talks to the manifest, the walk and a
//! searcher over the index as last committed; never to the writer.

use std::collections::HashSet;
use std::fs;
use std::path::Path;

use tantivy::Term;
use xxhash_rust::xxh3::xxh3_128;

use super::parse::{Job, OldArticles};
use super::sync::Run;
use super::{skips_of, Skipped};
use crate::article::Article;
use crate::ingest;
use crate::manifest::FileRecord;

/// What the walk found: the files to read again, and the paths walked or
/// unreadable, which tell the recorded files that are gone.
pub(super) struct Walked<'a> {
    pub(super) jobs: Vec<Job<'a>>,
    /// Paths walked, as 128-bit hashes: a million path strings would be
    /// about 100 MB; two different paths sharing a hash is a chance of one
    /// in 10^26 at that size.
    pub(super) seen: HashSet<u128>,
    pub(super) unreadable: HashSet<String>,
}

impl<'a> Run<'a> {
    /// Walks the scopes and decides per file from size and mtime alone:
    /// unchanged files are counted here, the rest become jobs.
    pub(super) fn walk(&mut self) -> Walked<'a> {
        let exclude =
            fs::canonicalize(self.store.path()).unwrap_or_else(|_| self.store.path().to_path_buf());
        let manifest = &self.opened.manifest;
        let report = &mut *self.report;
        let opts = self.opts;
        let mut jobs: Vec<Job> = Vec::new();
        let mut seen: HashSet<u128> = HashSet::new();
        let mut unreadable: HashSet<String> = HashSet::new();
        for scope in self.scopes {
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
                // A web archive or an archive is read as a stream: the
                // limit holds for each record or member instead.
                if entry.size > opts.max_file_size && !ingest::streams(&entry.path) {
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
        Walked {
            jobs,
            seen,
            unreadable,
        }
    }

    /// Files recorded under the walked scopes that are gone, and files of
    /// roots no longer recorded (dropped with --prune).
    pub(super) fn gone(&self, seen: &HashSet<u128>, unreadable: &HashSet<String>) -> Vec<String> {
        let manifest = &self.opened.manifest;
        let scope_keys: Vec<String> = self
            .scopes
            .iter()
            .map(|s| ingest::path_string(&s.scope))
            .collect();
        manifest
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
            .collect()
    }
}

/// Whether a file read again holds what its record says it held, under
/// the same root (only its mtime moved).
pub(super) fn same_content(old: &FileRecord, new: &FileRecord) -> bool {
    old.root == new.root && old.hash == new.hash
}

/// How a changed file's new articles compare with its old ones.
#[derive(Debug, Default, Clone, Copy, PartialEq)]
pub(super) struct Changes {
    pub(super) added: u64,
    pub(super) updated: u64,
    pub(super) removed: u64,
    pub(super) unchanged: u64,
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

/// How the new articles of the file at `key` (their fingerprints: a
/// streamed file's articles went to the writer in batches as it was read)
/// compare with those the index (`old_articles`, as last committed) holds
/// for it; `indexed_before`: the file has a record from the last run.
pub(super) fn count(
    indexed_before: bool,
    old_articles: Option<&OldArticles>,
    key: &str,
    new: &[u64],
) -> Changes {
    let old = match (indexed_before, old_articles) {
        // A lookup that fails counts the file's articles as new rather
        // than failing the run: the counts are a report, not the index.
        (true, Some((searcher, fields))) => {
            stored_fingerprints(searcher, fields, key).unwrap_or_default()
        }
        _ => Vec::new(),
    };
    Changes::compare(&old, new)
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

#[cfg(test)]
mod tests {
    use super::*;

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
}
