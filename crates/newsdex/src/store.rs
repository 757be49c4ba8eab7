//! The index directory on disk: where the tantivy index and its manifest
//! live, how a rebuilt index replaces the old one atomically, and the lock
//! that keeps two writers apart.
//!
//! Layout of an index directory (`--index`, `NEWSDEX_INDEX`, `./.newsdex`):
//!
//! ```text
//! .newsdex/
//!   CURRENT          name of the live generation, e.g. "gen-000001"
//!   lock             held (flock) by the one running `index` or `rebuild`
//!   gen-000001/
//!     manifest.json  schema version, roots, per-file fingerprints
//!     tantivy/       the tantivy index
//! ```
//!
//! `index` updates the live generation in place (tantivy commits are atomic).
//! Readers pin the tantivy `meta.json` they opened and keep its files mapped
//! (see [`Store::open`]), so a commit or merge by a concurrent `index` run,
//! which deletes files no longer listed, never pulls files out from under a
//! search. `rebuild` writes a new generation beside it and then replaces `CURRENT`
//! with an atomic rename, so searches see the old index until the new one is
//! complete, and a failed or killed rebuild leaves the old one untouched.

use std::fs::{self, File};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use tantivy::collector::TopDocs;
use tantivy::directory::error::{
    DeleteError, LockError, OpenDirectoryError, OpenReadError, OpenWriteError,
};
use tantivy::directory::{
    Directory, DirectoryLock, FileHandle, Lock, MmapDirectory, WatchCallback, WatchHandle, WritePtr,
};
use tantivy::query::TermQuery;
use tantivy::schema::IndexRecordOption;
use tantivy::{Index, IndexReader, ReloadPolicy, TantivyDocument, Term};

use crate::article::Article;

use crate::error::{damage_reason, Error, Result};
use crate::manifest::{write_atomic, Manifest};
use crate::schema::{self, Fields};
use crate::terms::term_query;

const CURRENT: &str = "CURRENT";
const LOCK: &str = "lock";
const GEN_PREFIX: &str = "gen-";

/// An index directory.
#[derive(Debug, Clone)]
pub struct Store {
    dir: PathBuf,
}

/// An opened generation: tantivy index, field handles and manifest.
pub struct Opened {
    /// The tantivy index, analyzers registered.
    pub index: Index,
    /// Field handles.
    pub fields: Fields,
    /// The manifest as last committed (without the per-file fingerprints
    /// when opened with [`Store::open_for_search`]).
    pub manifest: Manifest,
    /// The generation directory.
    pub dir: PathBuf,
    /// The reader that checked every segment on open. Kept so that its
    /// memory maps (shared with any later reader of `index`) stay valid even
    /// if a concurrent writer deletes the files.
    checked: Option<IndexReader>,
}

impl Opened {
    /// A searcher over the index as opened: for a search, the reader that
    /// checked the segments (opening a second one cost about as much
    /// again); for a writer, a fresh reader.
    pub fn searcher(&self) -> tantivy::Result<tantivy::Searcher> {
        match &self.checked {
            Some(reader) => Ok(reader.searcher()),
            None => Ok(self.index.reader()?.searcher()),
        }
    }
}

/// Reading stored articles.
impl Opened {
    /// Fetches the article with this id, or the articles of a file: by
    /// its source path, or by its id without what follows its `#` (the
    /// `#n` of each record; an archive's `#member` or `#member#n`), or of
    /// an archive's member: `corpus/a.zip#day.json` for its `#n` records.
    pub fn find_article(&self, key: &str) -> Result<Vec<Article>> {
        let f = &self.fields;
        let searcher = self.searcher()?;
        let term = |field, value: &str| term_query(field, value, IndexRecordOption::Basic);
        let mut queries = vec![term(f.id, key)];
        if let Ok(abs) = std::fs::canonicalize(key) {
            queries.push(term(f.path, &abs.to_string_lossy()));
        }
        queries.push(term(f.path, key));
        // The id of a multi-article file or an archive without its `#n`
        // or `#member...`: every record (of a member, given its id).
        let records = format!("{}#.+", regex::escape(key));
        if let Ok(q) = tantivy::query::RegexQuery::from_pattern(&records, f.id) {
            queries.push(Box::new(q));
        }
        for q in queries {
            let top = searcher.search(&*q, &TopDocs::with_limit(100_000).order_by_score())?;
            if !top.is_empty() {
                let mut out: Vec<Article> = top
                    .into_iter()
                    .map(|(_, addr)| {
                        searcher
                            .doc::<TantivyDocument>(addr)
                            .map(|d| schema::from_document(f, &d))
                    })
                    .collect::<tantivy::Result<_>>()?;
                out.sort_by_key(|a| a.record);
                return Ok(out);
            }
        }
        Err(Error::NotFound(key.to_string()))
    }

    /// The article with this id, looked up by id alone: nothing in `id`
    /// ever reaches the file system (the server's `/api/articles/{id}`).
    pub fn article_by_id(&self, id: &str) -> Result<Option<Article>> {
        let searcher = self.searcher()?;
        let q = TermQuery::new(
            Term::from_field_text(self.fields.id, id),
            IndexRecordOption::Basic,
        );
        let top = searcher.search(&q, &TopDocs::with_limit(1).order_by_score())?;
        match top.first() {
            Some((_, addr)) => {
                let doc: TantivyDocument = searcher.doc(*addr)?;
                Ok(Some(schema::from_document(&self.fields, &doc)))
            }
            None => Ok(None),
        }
    }

    /// Visits the stored articles a query matches, in index order; stops at
    /// the first error the visitor returns.
    pub fn for_each_matching<E: From<Error>>(
        &self,
        query: &dyn tantivy::query::Query,
        mut visit: impl FnMut(Article) -> std::result::Result<(), E>,
    ) -> std::result::Result<(), E> {
        let searcher = self.searcher().map_err(Error::from)?;
        let mut docs: Vec<tantivy::DocAddress> = searcher
            .search(query, &tantivy::collector::DocSetCollector)
            .map_err(Error::from)?
            .into_iter()
            .collect();
        docs.sort();
        for addr in docs {
            let doc: TantivyDocument = searcher.doc(addr).map_err(Error::from)?;
            visit(schema::from_document(&self.fields, &doc))?;
        }
        Ok(())
    }

    /// Visits every stored article (in index order); stops at the first error
    /// the visitor returns.
    pub fn for_each_article<E: From<Error>>(
        &self,
        mut visit: impl FnMut(Article) -> std::result::Result<(), E>,
    ) -> std::result::Result<(), E> {
        let searcher = self.searcher().map_err(Error::from)?;
        for segment in searcher.segment_readers() {
            let store = segment.get_store_reader(64).map_err(Error::engine_io)?;
            let alive = segment.alive_bitset();
            for doc_id in 0..segment.max_doc() {
                if alive.is_some_and(|b| !b.is_alive(doc_id)) {
                    continue;
                }
                let doc: TantivyDocument = store.get(doc_id).map_err(Error::from)?;
                visit(schema::from_document(&self.fields, &doc))?;
            }
        }
        Ok(())
    }
}

/// One commit of one generation, as [`Store::version`] reads it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Version {
    /// The generation directory.
    pub generation: PathBuf,
    /// Its tantivy `meta.json`, if readable.
    meta: Option<Arc<Vec<u8>>>,
}

/// Exclusive right to write to a store; released on drop.
#[derive(Debug)]
pub struct WriteLock {
    _file: File,
}

impl Store {
    /// The store at `dir` (which may not exist yet).
    pub fn at(dir: impl Into<PathBuf>) -> Store {
        Store { dir: dir.into() }
    }

    /// The index directory.
    pub fn path(&self) -> &Path {
        &self.dir
    }

    /// Takes the writer lock, creating the directory if needed. Fails at once
    /// if another process holds it.
    pub fn lock(&self) -> Result<WriteLock> {
        fs::create_dir_all(&self.dir).map_err(|e| Error::io(&self.dir, e))?;
        let path = self.dir.join(LOCK);
        let file = File::options()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&path)
            .map_err(|e| Error::io(&path, e))?;
        match file.try_lock() {
            Ok(()) => Ok(WriteLock { _file: file }),
            Err(fs::TryLockError::WouldBlock) => Err(Error::Locked(self.dir.clone())),
            Err(fs::TryLockError::Error(e)) => Err(Error::io(&path, e)),
        }
    }

    /// Whether an `index` or `rebuild` holds the writer lock now. Takes a
    /// shared lock for an instant to find out, so call it only when it
    /// matters (a search of an empty index), not on every search.
    pub fn is_being_written(&self) -> bool {
        let Ok(file) = File::open(self.dir.join(LOCK)) else {
            return false;
        };
        match file.try_lock_shared() {
            Ok(()) => {
                let _ = file.unlock();
                false
            }
            Err(fs::TryLockError::WouldBlock) => true,
            Err(fs::TryLockError::Error(_)) => false,
        }
    }

    /// The live generation directory, if an index has been created.
    pub fn current(&self) -> Result<Option<PathBuf>> {
        let path = self.dir.join(CURRENT);
        match fs::read_to_string(&path) {
            Ok(name) => {
                let name = name.trim();
                if !name.starts_with(GEN_PREFIX) || name.contains('/') {
                    return Err(Error::Damaged {
                        path: self.dir.clone(),
                        reason: format!("{} names no generation", path.display()),
                    });
                }
                Ok(Some(self.dir.join(name)))
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
            Err(e) => Err(Error::io(path, e)),
        }
    }

    /// Opens the live generation for reading.
    ///
    /// Writers may change the files while this runs: a rebuild swaps
    /// generations, and an `index` run commits and deletes merged-away
    /// segment files. So the tantivy `meta.json` is read once and pinned,
    /// every segment it lists is opened (which also finds damaged files),
    /// and a failure is retried when `CURRENT` or `meta.json` changed in
    /// the meantime. Only a failure on a stable index is reported.
    pub fn open(&self) -> Result<Opened> {
        self.open_with(ManifestPart::Whole)
    }

    /// Opens the live generation for a search, which needs the index but
    /// not the manifest's per-file fingerprints: the returned
    /// [`Opened::manifest`] has its schema version, roots and dates, and an
    /// empty `files` map.
    ///
    /// The fingerprints are most of the manifest (about 150 bytes per source
    /// file: 9 MB for 60,000 files, 150 MB for a million), and parsing them
    /// was most of a command-line search's time. Only the head of the file,
    /// which comes before them, is read.
    pub fn open_for_search(&self) -> Result<Opened> {
        self.open_with(ManifestPart::Head)
    }

    fn open_with(&self, part: ManifestPart) -> Result<Opened> {
        let mut last_err = None;
        for attempt in 0..5 {
            if attempt > 0 {
                std::thread::sleep(std::time::Duration::from_millis(20 << attempt));
            }
            let Some(gen) = self.current()? else {
                return Err(Error::NoIndex(self.dir.clone()));
            };
            let meta = read_tantivy_meta(&gen);
            match open_generation(&gen, meta.clone(), part) {
                Ok(o) => return Ok(o),
                Err(e) => {
                    let stable = self.current()?.as_deref() == Some(gen.as_path())
                        && read_tantivy_meta(&gen) == meta;
                    if stable {
                        return Err(e);
                    }
                    last_err = Some(e);
                }
            }
        }
        Err(last_err.unwrap_or_else(|| Error::NoIndex(self.dir.clone())))
    }

    /// Opens the live generation for writing, creating an empty index if
    /// there is none. Requires the lock.
    pub fn open_or_create(&self, _lock: &WriteLock) -> Result<Opened> {
        match self.current()? {
            Some(gen) => open_generation(&gen, None, ManifestPart::Whole),
            None => {
                let opened = self.create_generation(_lock, Manifest::new())?;
                self.publish(_lock, &opened.dir)?;
                Ok(opened)
            }
        }
    }

    /// Creates a new, empty generation beside the live one (not yet live).
    pub fn create_generation(&self, _lock: &WriteLock, manifest: Manifest) -> Result<Opened> {
        let live = self.current()?;
        let mut n = live
            .as_deref()
            .and_then(generation_number)
            .map_or(1, |n| n + 1);
        let dir = loop {
            let dir = self.dir.join(format!("{GEN_PREFIX}{n:06}"));
            if !dir.exists() {
                break dir;
            }
            n += 1;
        };
        let tantivy_dir = dir.join("tantivy");
        fs::create_dir_all(&tantivy_dir).map_err(|e| Error::io(&tantivy_dir, e))?;
        let (schema, fields) = schema::build();
        let index = Index::builder()
            .schema(schema)
            .settings(schema::index_settings())
            .create_in_dir(&tantivy_dir)?;
        schema::register_analyzers(&index);
        manifest.save(&dir)?;
        Ok(Opened {
            index,
            fields,
            manifest,
            dir,
            checked: None,
        })
    }

    /// Makes `gen` the live generation (atomic rename of `CURRENT`), then
    /// removes every other generation.
    pub fn publish(&self, lock: &WriteLock, gen: &Path) -> Result<()> {
        let name = gen
            .file_name()
            .and_then(|n| n.to_str())
            .expect("generation directories have UTF-8 names");
        write_atomic(&self.dir.join(CURRENT), format!("{name}\n").as_bytes())?;
        self.remove_stale_generations(lock);
        Ok(())
    }

    /// Deletes generations that are not live: the old one after a rebuild,
    /// or the leftovers of a rebuild that was killed. Best effort: a search
    /// that still has old files open keeps reading them (Unix semantics).
    pub fn remove_stale_generations(&self, _lock: &WriteLock) {
        let Ok(Some(live)) = self.current() else {
            return;
        };
        let Ok(entries) = fs::read_dir(&self.dir) else {
            return;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            let is_gen = path
                .file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with(GEN_PREFIX));
            if is_gen && path != live {
                let _ = fs::remove_dir_all(&path);
            }
        }
    }

    /// What identifies the index as it is now: the live generation and its
    /// last commit (the tantivy `meta.json`). A long-running reader (the
    /// server) compares it with the one it opened to see that `index` or
    /// `rebuild` committed, and opens the index again.
    pub fn version(&self) -> Result<Option<Version>> {
        Ok(self.current()?.map(|gen| {
            let meta = read_tantivy_meta(&gen);
            Version {
                generation: gen,
                meta,
            }
        }))
    }

    /// Size on disk of the live generation, in bytes.
    pub fn size_on_disk(&self) -> Result<u64> {
        let Some(gen) = self.current()? else {
            return Ok(0);
        };
        Ok(walkdir::WalkDir::new(gen)
            .into_iter()
            .flatten()
            .filter_map(|e| e.metadata().ok())
            .filter(|m| m.is_file())
            .map(|m| m.len())
            .sum())
    }
}

fn generation_number(gen: &Path) -> Option<u64> {
    gen.file_name()?
        .to_str()?
        .strip_prefix(GEN_PREFIX)?
        .parse()
        .ok()
}

/// The bytes of a generation's tantivy `meta.json`, if readable.
fn read_tantivy_meta(gen: &Path) -> Option<Arc<Vec<u8>>> {
    fs::read(gen.join("tantivy").join("meta.json"))
        .ok()
        .map(Arc::new)
}

/// Opens a generation. With `pinned` (readers), tantivy sees those bytes as
/// its `meta.json` for as long as the index is open; without (writers, who
/// hold the lock), it reads the file itself.
fn open_generation(gen: &Path, pinned: Option<Arc<Vec<u8>>>, part: ManifestPart) -> Result<Opened> {
    let root = gen.parent().unwrap_or(gen).to_path_buf();
    let damaged = |reason: String| Error::Damaged {
        path: root.clone(),
        reason,
    };
    let manifest = match part {
        ManifestPart::Whole => Manifest::load(gen)?,
        ManifestPart::Head => load_manifest_head(gen)?,
    };
    if manifest.schema_version != schema::SCHEMA_VERSION {
        return Err(Error::SchemaMismatch {
            path: root.clone(),
            found: manifest.schema_version,
            expected: schema::SCHEMA_VERSION,
        });
    }
    let tantivy_dir = gen.join("tantivy");
    let tantivy_err = |e: tantivy::TantivyError| match damage_reason(&e) {
        Some(reason) => damaged(reason),
        None => Error::Tantivy(e),
    };
    let mmap = MmapDirectory::open(&tantivy_dir).map_err(|e| match e {
        OpenDirectoryError::DoesNotExist(p) => {
            damaged(format!("folder {} is missing", p.display()))
        }
        other => tantivy_err(other.into()),
    })?;
    let reading = pinned.is_some();
    let index = match pinned {
        Some(meta) => Index::open(Pinned { inner: mmap, meta }),
        None => Index::open(mmap),
    }
    .map_err(tantivy_err)?;
    schema::register_analyzers(&index);
    let fields = schema::fields_of(&index.schema()).map_err(|e| damaged(e.to_string()))?;
    let checked = check_segments(&index).map_err(tantivy_err)?;
    Ok(Opened {
        index,
        fields,
        manifest,
        dir: gen.to_path_buf(),
        // A writer holds the lock, so nothing changes under it.
        checked: reading.then_some(checked),
    })
}

/// How much of the manifest to read when opening a generation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ManifestPart {
    /// Everything, file fingerprints included (writers, `stats`).
    Whole,
    /// Everything but the fingerprints (searches).
    Head,
}

/// The manifest without its `files` map, reading only the bytes before it.
///
/// serde writes the manifest's fields in declaration order, `files` last, so
/// the head is everything before the first `,"files":`. That byte sequence
/// cannot occur inside a JSON string (a quote there is escaped as `\"`), so
/// its first occurrence is the key. Anything unexpected falls back to the
/// full [`Manifest::load`], which also gives the usual errors.
fn load_manifest_head(gen: &Path) -> Result<Manifest> {
    use std::io::Read;
    const KEY: &[u8] = b",\"files\":";
    let path = gen.join(crate::manifest::FILE_NAME);
    let Ok(mut file) = File::open(&path) else {
        return Manifest::load(gen);
    };
    let mut head = Vec::with_capacity(16 << 10);
    let mut chunk = vec![0u8; 16 << 10];
    let mut searched: usize = 0;
    let end = loop {
        let n = match file.read(&mut chunk) {
            Ok(0) | Err(_) => return Manifest::load(gen),
            Ok(n) => n,
        };
        head.extend_from_slice(&chunk[..n]);
        let from = searched.saturating_sub(KEY.len());
        if let Some(i) = head[from..].windows(KEY.len()).position(|w| w == KEY) {
            break from + i;
        }
        searched = head.len();
    };
    head.truncate(end);
    head.extend_from_slice(b",\"files\":{}}");
    match serde_json::from_slice(&head) {
        Ok(m) => Ok(m),
        Err(_) => Manifest::load(gen),
    }
}

/// Opens every file of every segment (term dictionaries, postings, fast
/// fields, norms, deletes, as tantivy's segment readers do, checking each
/// file's footer), its positions (through one field that has them: tantivy
/// takes a missing positions file for an empty one) and its document
/// store. Catches missing and truncated files at open time, with a clear
/// message, instead of halfway through a search. Cheap: files are
/// memory-mapped, not read. The other fields' term dictionaries are opened
/// when a search first needs them: opening all of them (6 segments of 24
/// indexed fields on the 1x benchmark index) was 7% of a one-word search's
/// instructions, and a page fault each.
fn check_segments(index: &Index) -> tantivy::Result<IndexReader> {
    let reader = index
        .reader_builder()
        .reload_policy(ReloadPolicy::Manual)
        .try_into()?;
    let schema = index.schema();
    let with_positions = schema.fields().find_map(|(field, entry)| {
        let indexing = entry.field_type().get_index_record_option()?;
        indexing.has_positions().then_some(field)
    });
    for segment in reader.searcher().segment_readers() {
        if let Some(field) = with_positions {
            segment.inverted_index(field)?;
        }
        segment.get_store_reader(0)?;
    }
    Ok(reader)
}

/// A tantivy directory that answers reads of `meta.json` with the bytes
/// read when the index was opened, so every reader made from this index
/// sees the same commit. Everything else goes to the memory-mapped folder.
#[derive(Debug, Clone)]
struct Pinned {
    inner: MmapDirectory,
    meta: Arc<Vec<u8>>,
}

impl Pinned {
    fn is_meta(path: &Path) -> bool {
        path == Path::new("meta.json")
    }
}

impl Directory for Pinned {
    fn get_file_handle(
        &self,
        path: &Path,
    ) -> std::result::Result<Arc<dyn FileHandle>, OpenReadError> {
        self.inner.get_file_handle(path)
    }

    fn delete(&self, path: &Path) -> std::result::Result<(), DeleteError> {
        self.inner.delete(path)
    }

    fn exists(&self, path: &Path) -> std::result::Result<bool, OpenReadError> {
        if Pinned::is_meta(path) {
            return Ok(true);
        }
        self.inner.exists(path)
    }

    fn open_write(&self, path: &Path) -> std::result::Result<WritePtr, OpenWriteError> {
        self.inner.open_write(path)
    }

    fn atomic_read(&self, path: &Path) -> std::result::Result<Vec<u8>, OpenReadError> {
        if Pinned::is_meta(path) {
            return Ok(self.meta.as_ref().clone());
        }
        self.inner.atomic_read(path)
    }

    fn atomic_write(&self, path: &Path, data: &[u8]) -> std::io::Result<()> {
        self.inner.atomic_write(path, data)
    }

    fn sync_directory(&self) -> std::io::Result<()> {
        self.inner.sync_directory()
    }

    fn acquire_lock(&self, lock: &Lock) -> std::result::Result<DirectoryLock, LockError> {
        self.inner.acquire_lock(lock)
    }

    fn watch(&self, _callback: WatchCallback) -> tantivy::Result<WatchHandle> {
        // The pinned meta never changes, so there is nothing to watch.
        Ok(WatchHandle::empty())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn missing_index_is_a_clear_error() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::at(dir.path().join("none"));
        let err = store.open().err().unwrap().to_string();
        assert!(err.starts_with("no index at"), "{err}");
    }

    #[test]
    fn second_writer_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::at(dir.path());
        let _held = store.lock().unwrap();
        let err = store.lock().unwrap_err().to_string();
        assert!(
            err.contains("being updated by another newsdex process"),
            "{err}"
        );
    }

    #[test]
    fn publish_swaps_generations_and_removes_the_old() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::at(dir.path());
        let lock = store.lock().unwrap();
        let first = store.open_or_create(&lock).unwrap();
        let second = store.create_generation(&lock, Manifest::new()).unwrap();
        assert_ne!(first.dir, second.dir);
        assert_eq!(store.current().unwrap().unwrap(), first.dir);
        store.publish(&lock, &second.dir).unwrap();
        assert_eq!(store.current().unwrap().unwrap(), second.dir);
        assert!(!first.dir.exists());
        assert!(store.open().is_ok());
    }

    #[test]
    fn search_open_reads_the_manifest_head_only() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::at(dir.path());
        let lock = store.lock().unwrap();
        let opened = store.open_or_create(&lock).unwrap();
        let mut m = opened.manifest.clone();
        m.roots.push(crate::manifest::Root {
            path: PathBuf::from("/news/a \"quoted\",\"files\": folder"),
            label: "a".into(),
            language: None,
        });
        for i in 0..2000 {
            m.files.insert(
                format!("/news/{i}.txt"),
                crate::manifest::FileRecord {
                    root: "a".into(),
                    size: i,
                    mtime_ns: 0,
                    hash: 0,
                    articles: 1,
                    problems: Vec::new(),
                },
            );
        }
        m.save(&opened.dir).unwrap();
        let lean = store.open_for_search().unwrap().manifest;
        assert!(lean.files.is_empty());
        assert_eq!(lean.roots, m.roots);
        assert_eq!(lean.schema_version, m.schema_version);
        assert_eq!(lean.created, m.created);
        assert_eq!(store.open().unwrap().manifest, m);
    }

    #[test]
    fn schema_mismatch_asks_for_rebuild() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::at(dir.path());
        let lock = store.lock().unwrap();
        let opened = store.open_or_create(&lock).unwrap();
        let mut m = opened.manifest.clone();
        m.schema_version = 0;
        m.save(&opened.dir).unwrap();
        let err = store.open().err().unwrap().to_string();
        assert!(err.contains("newsdex rebuild"), "{err}");
        let err = store.open_for_search().err().unwrap().to_string();
        assert!(err.contains("newsdex rebuild"), "{err}");
    }
}
