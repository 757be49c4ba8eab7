//! The index manifest: a small JSON file beside the tantivy files recording
//! the schema version, the source roots, and a fingerprint of every indexed
//! source file (size, mtime, content hash), so that re-indexing touches only
//! what changed.
//!
//! It is written atomically (temporary file, fsync, rename, fsync of the
//! folder) after each tantivy commit. If a crash falls between the two, the
//! next run re-parses the files whose fingerprints are stale; since a file's
//! articles are always deleted by path before being re-added, that converges
//! to the right state without duplicates.

use std::collections::BTreeMap;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};

/// File name of the manifest inside a generation directory.
pub const FILE_NAME: &str = "manifest.json";

/// Everything the index knows about its sources.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Manifest {
    /// Schema version the index was built with.
    pub schema_version: u32,
    /// newsdex version that last wrote the index.
    pub newsdex_version: String,
    /// When the index was first created.
    pub created: DateTime<Utc>,
    /// When an `index` or `rebuild` run last committed.
    pub last_indexed: Option<DateTime<Utc>>,
    /// Source roots, in the order they were added.
    pub roots: Vec<Root>,
    /// Fingerprints of indexed files, by absolute path.
    pub files: BTreeMap<String, FileRecord>,
}

/// A source folder (or file) given to `newsdex index`.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Root {
    /// Absolute, canonical path.
    pub path: PathBuf,
    /// Short unique label, the first part of article ids.
    pub label: String,
    /// The language `index --lang` gave for every article under it (an
    /// ISO 639-1 code), over what sources say and detection finds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
}

/// Fingerprint of one indexed source file.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct FileRecord {
    /// Label of the root the file was indexed under: one shared string for
    /// all of a root's files (a million files are a million records).
    pub root: Arc<str>,
    /// Size in bytes.
    pub size: u64,
    /// Modification time in nanoseconds since the Unix epoch.
    pub mtime_ns: i128,
    /// xxh3-128 of the file's bytes; hex in the file.
    #[serde(with = "hex128")]
    pub hash: u128,
    /// Number of articles indexed from the file.
    pub articles: u64,
    /// Why the file, or records in it, could not be indexed; reported again
    /// on every run while the file is unchanged, without re-reading it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub problems: Vec<Problem>,
}

/// A 128-bit hash as hex text: the form the manifest has always used.
mod hex128 {
    use serde::{de::Error, Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(hash: &u128, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&format!("{hash:016x}"))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<u128, D::Error> {
        let text = std::borrow::Cow::<str>::deserialize(d)?;
        u128::from_str_radix(&text, 16)
            .map_err(|_| D::Error::custom(format!("bad file hash {text:?}")))
    }
}

/// A recorded reason a file or one of its records was not indexed.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Problem {
    /// The record's line, or `None` when the whole file was unusable.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub line: Option<u64>,
    /// Why.
    pub reason: String,
}

impl Manifest {
    /// An empty manifest for a new index.
    pub fn new() -> Manifest {
        Manifest {
            schema_version: crate::schema::SCHEMA_VERSION,
            newsdex_version: env!("CARGO_PKG_VERSION").to_string(),
            created: Utc::now(),
            last_indexed: None,
            roots: Vec::new(),
            files: BTreeMap::new(),
        }
    }

    /// Reads the manifest in `dir` (a generation directory).
    ///
    /// A missing or unparseable manifest is [`Error::ManifestLost`]: the
    /// source folders it named are unknown, so `rebuild` cannot help.
    pub fn load(dir: &Path) -> Result<Manifest> {
        let path = dir.join(FILE_NAME);
        let lost = |reason: String| Error::ManifestLost {
            path: dir.parent().unwrap_or(dir).to_path_buf(),
            reason: format!("{}: {reason}", path.display()),
        };
        let bytes = fs::read(&path).map_err(|e| match e.kind() {
            std::io::ErrorKind::NotFound => lost("missing".to_string()),
            _ => Error::io(&path, e),
        })?;
        let mut manifest: Manifest =
            serde_json::from_slice(&bytes).map_err(|e| lost(e.to_string()))?;
        manifest.share_root_labels();
        Ok(manifest)
    }

    /// Makes every file record of a root point at one copy of its label.
    fn share_root_labels(&mut self) {
        let labels: Vec<Arc<str>> = self.roots.iter().map(|r| Arc::from(&*r.label)).collect();
        for rec in self.files.values_mut() {
            if let Some(l) = labels.iter().find(|l| **l == rec.root) {
                rec.root = Arc::clone(l);
            }
        }
    }

    /// Writes the manifest into `dir` atomically.
    pub fn save(&self, dir: &Path) -> Result<()> {
        write_atomic_with(&dir.join(FILE_NAME), |w| {
            serde_json::to_writer(w, self).map_err(std::io::Error::from)
        })
    }

    /// Number of articles recorded across all files.
    pub fn article_count(&self) -> u64 {
        self.files.values().map(|f| f.articles).sum()
    }

    /// A label for a new root at `path`: its folder name, made unique.
    pub fn new_label(&self, path: &Path) -> String {
        let base = path
            .file_name()
            .map(|n| n.to_string_lossy().replace(['/', '#', ' '], "_"))
            .filter(|n| !n.is_empty())
            .unwrap_or_else(|| "root".to_string());
        let taken = |l: &str| self.roots.iter().any(|r| r.label == l);
        if !taken(&base) {
            return base;
        }
        (2..)
            .map(|n| format!("{base}-{n}"))
            .find(|l| !taken(l))
            .expect("unbounded range")
    }
}

impl Default for Manifest {
    fn default() -> Self {
        Manifest::new()
    }
}

/// Writes `bytes` to `path` so that readers see the old or the new content,
/// never a mix: temporary file, fsync, rename, fsync of the folder.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    write_atomic_with(path, |w| w.write_all(bytes))
}

/// Writes a file atomically from what `fill` writes into it, without
/// holding it all in memory (a million-file manifest is over 100 MB).
pub fn write_atomic_with(
    path: &Path,
    fill: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> Result<()> {
    let tmp = path.with_extension("tmp");
    let write = || -> std::io::Result<()> {
        // On any failure (a full disk) the old file is untouched; only the
        // temporary one is left, and it is removed below.
        let mut w = std::io::BufWriter::with_capacity(1 << 20, fs::File::create(&tmp)?);
        fill(&mut w)?;
        let f = w.into_inner().map_err(|e| e.into_error())?;
        f.sync_all()?;
        fs::rename(&tmp, path)?;
        if let Some(parent) = path.parent() {
            // Make the rename itself durable.
            fs::File::open(parent)?.sync_all()?;
        }
        Ok(())
    };
    write().map_err(|e| {
        let _ = fs::remove_file(&tmp);
        Error::io(path, e)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn saves_and_loads_atomically() {
        let dir = tempfile::tempdir().unwrap();
        let mut m = Manifest::new();
        m.roots.push(Root {
            path: "/data/bbc".into(),
            label: "bbc".into(),
            language: None,
        });
        m.files.insert(
            "/data/bbc/a.txt".into(),
            FileRecord {
                root: "bbc".into(),
                size: 10,
                mtime_ns: 1,
                hash: 0xab,
                articles: 1,
                problems: vec![Problem {
                    line: Some(3),
                    reason: "bad".into(),
                }],
            },
        );
        let mut b = m.files["/data/bbc/a.txt"].clone();
        b.hash = 0x00ff_0000_0000_0000_0000_0000_0000_0001;
        m.files.insert("/data/bbc/b.txt".into(), b);
        m.save(dir.path()).unwrap();
        let back = Manifest::load(dir.path()).unwrap();
        assert_eq!(back, m);
        assert!(!dir.path().join("manifest.tmp").exists());
        // One copy of the label for all of a root's files.
        let (a, b) = (
            &back.files["/data/bbc/a.txt"],
            &back.files["/data/bbc/b.txt"],
        );
        assert!(Arc::ptr_eq(&a.root, &b.root));
        assert_eq!(m.new_label(Path::new("/other/bbc")), "bbc-2");
        assert_eq!(m.new_label(Path::new("/other/reuters")), "reuters");
    }

    #[test]
    fn garbage_manifest_says_to_index_again() {
        let dir = tempfile::tempdir().unwrap();
        let gen = dir.path().join("gen-000001");
        fs::create_dir(&gen).unwrap();
        fs::write(gen.join(FILE_NAME), b"{not json").unwrap();
        let err = Manifest::load(&gen).unwrap_err().to_string();
        assert!(err.contains("manifest.json"), "{err}");
        assert!(err.contains("newsdex index DIR"), "{err}");
        assert!(!err.contains("rebuild"), "{err}");
    }

    #[test]
    fn old_manifests_without_problems_still_load() {
        let dir = tempfile::tempdir().unwrap();
        let old = r#"{"schema_version":1,"newsdex_version":"0.1.0","created":"2024-01-01T00:00:00Z",
            "last_indexed":null,"roots":[],"files":{"/a.txt":{"root":"a","size":1,"mtime_ns":2,"hash":"ff","articles":1}}}"#;
        fs::write(dir.path().join(FILE_NAME), old).unwrap();
        let m = Manifest::load(dir.path()).unwrap();
        assert!(m.files["/a.txt"].problems.is_empty());
    }

    #[test]
    fn failed_write_leaves_the_old_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("CURRENT");
        write_atomic(&path, b"gen-000001\n").unwrap();
        // A directory where the temporary file should go makes the write fail.
        fs::create_dir(dir.path().join("CURRENT.tmp")).unwrap();
        assert!(write_atomic(&path, b"gen-000002\n").is_err());
        assert_eq!(fs::read(&path).unwrap(), b"gen-000001\n");
    }
}
