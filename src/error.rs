//! The library's error type. Every variant renders as one line that names the
//! file or argument concerned and, where there is one, what to do about it.

use std::path::PathBuf;

/// Errors from the index, search and ingest layers.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// No index has been built at the given location.
    #[error(
        "no index at {0}: run `newsdex index DIR` first (or pass --index / set NEWSDEX_INDEX)"
    )]
    NoIndex(PathBuf),
    /// Another process holds the writer lock.
    #[error("index at {0} is being updated by another newsdex process; wait for it to finish")]
    Locked(PathBuf),
    /// The index was written with a different schema.
    #[error(
        "index at {path} was built by another newsdex version (schema v{found}, this one reads v{expected}): run `newsdex rebuild`"
    )]
    SchemaMismatch {
        /// Index location.
        path: PathBuf,
        /// Version found in the manifest.
        found: u32,
        /// Version this build writes.
        expected: u32,
    },
    /// The index files are unreadable or inconsistent.
    #[error("index at {path} is damaged ({reason}): run `newsdex rebuild`")]
    Damaged {
        /// Index location.
        path: PathBuf,
        /// What was wrong.
        reason: String,
    },
    /// A source directory given on the command line does not exist.
    #[error("cannot index {path}: {reason}")]
    BadRoot {
        /// The argument as given.
        path: PathBuf,
        /// Why it cannot be used.
        reason: String,
    },
    /// The index has no recorded source roots (rebuild needs them).
    #[error("index at {0} records no source folders: run `newsdex index DIR` instead")]
    NoRoots(PathBuf),
    /// A query that cannot be run.
    #[error("invalid query: {0}")]
    Query(String),
    /// No article with that id or path.
    #[error("no article with id or path `{0}` in the index (try `newsdex search` to find its id)")]
    NotFound(String),
    /// An I/O error on a named path.
    #[error("{path}: {source}")]
    Io {
        /// The file or directory.
        path: PathBuf,
        /// The underlying error.
        #[source]
        source: std::io::Error,
    },
    /// An error from tantivy.
    #[error("search engine error: {0}")]
    Tantivy(#[from] tantivy::TantivyError),
}

/// The library's result type.
pub type Result<T> = std::result::Result<T, Error>;

impl Error {
    /// Wraps an I/O error with the path it concerns.
    pub fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Error {
        Error::Io {
            path: path.into(),
            source,
        }
    }
}
