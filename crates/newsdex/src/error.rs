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
    /// The manifest is gone or unreadable, so the source folders are unknown.
    #[error(
        "index at {path} has lost its manifest ({reason}), so its source folders are unknown: remove {path} and run `newsdex index DIR...` again"
    )]
    ManifestLost {
        /// Index location.
        path: PathBuf,
        /// What was wrong.
        reason: String,
    },
    /// Writing the index failed part-way (a full disk, a read-only folder).
    #[error(
        "could not write the index at {path} ({reason}): it still holds its last completed run; free disk space (or fix the cause) and run the command again"
    )]
    WriteFailed {
        /// Index location.
        path: PathBuf,
        /// What failed.
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
    /// A query that cannot be parsed, with the column and hint; `param`
    /// names the option it came from when not the query itself.
    #[error("invalid query: {}{error}", param.as_deref().map(|p| format!("{p}: ")).unwrap_or_default())]
    Query {
        /// The option that held it (`--person "x"`), if not the query.
        param: Option<String>,
        /// What the parser said.
        error: QueryError,
    },
    /// A rebuild stopped at the user's request.
    #[error("rebuild interrupted: the index is as it was before it started")]
    Interrupted,
    /// The server cannot listen on an address.
    #[error("cannot listen on {addr}: {reason} (give another --addr, e.g. 127.0.0.1:0 for any free port)")]
    BadAddress {
        /// The address as given.
        addr: String,
        /// Why not.
        reason: String,
    },
    /// No article with that id or path.
    #[error("no article with id or path `{0}` in the index (try `newsdex search` to find its id)")]
    NotFound(String),
    /// An I/O error on a named path. The message is the path alone: the
    /// cause follows from the source chain (`{:#}` prints `path: cause`
    /// once; naming it here too printed it twice).
    #[error("{}", path.display())]
    Io {
        /// The file or directory.
        path: PathBuf,
        /// The underlying error.
        #[source]
        source: std::io::Error,
    },
    /// Index data found damaged while reading it (a missing, truncated or
    /// corrupted file that only showed when it was read).
    #[error("the index is damaged ({0}): run `newsdex rebuild`")]
    Corrupt(String),
    /// An error from tantivy. Not a `#[source]`: its message is already in
    /// this one, and `{:#}` would print it twice.
    #[error("search engine error: {0}")]
    Tantivy(tantivy::TantivyError),
}

/// The library's result type.
pub type Result<T> = std::result::Result<T, Error>;

impl Error {
    /// The message with its causes, `a: b: c`, as the command line's
    /// `{:#}` prints it, for front ends that show one string.
    pub fn full(&self) -> String {
        let mut out = self.to_string();
        let mut cause = std::error::Error::source(self);
        while let Some(c) = cause {
            out.push_str(": ");
            out.push_str(&c.to_string());
            cause = c.source();
        }
        out
    }

    /// An I/O error met while reading index data (fast fields, term
    /// dictionaries): treated like the tantivy error it would be.
    pub fn engine_io(e: std::io::Error) -> Error {
        Error::from(tantivy::TantivyError::from(e))
    }
}

impl From<tantivy::TantivyError> for Error {
    /// Errors that mean the index files are missing or corrupt become
    /// [`Error::Corrupt`] (which tells the user to rebuild) rather than a raw
    /// search-engine message; anything else stays [`Error::Tantivy`].
    fn from(e: tantivy::TantivyError) -> Error {
        match damage_reason(&e) {
            Some(reason) => Error::Corrupt(reason),
            None => Error::Tantivy(e),
        }
    }
}

/// If `e` means the index files are damaged (missing, truncated, corrupt or
/// unreadable by this version), a short description naming the file.
pub fn damage_reason(e: &tantivy::TantivyError) -> Option<String> {
    use std::io::ErrorKind;
    use tantivy::directory::error::OpenReadError;
    use tantivy::TantivyError as T;
    let reason = match e {
        T::OpenReadError(OpenReadError::FileDoesNotExist(p)) => {
            format!("file {} is missing", p.display())
        }
        T::OpenReadError(OpenReadError::IoError { io_error, filepath }) => {
            format!(
                "file {}: {}",
                filepath.display(),
                first_sentence(&io_error.to_string())
            )
        }
        T::OpenReadError(OpenReadError::IncompatibleIndex(_)) | T::IncompatibleIndex(_) => {
            "written by an incompatible version of the search engine".to_string()
        }
        T::OpenDirectoryError(d) => first_sentence(&d.to_string()),
        T::DataCorruption(d) => {
            // The Debug form is the only one; it can quote a whole file's
            // content after "Content:", which is noise here.
            // Shape: Data corruption (in file `"meta.json"`): Comment. Content: ...
            let text = format!("{d:?}");
            let text = text.split(" Content:").next().unwrap_or_default();
            let text = text.trim_start_matches("Data corruption");
            let (file, comment) = match text.strip_prefix(" (in file `\"") {
                Some(rest) => match rest.split_once("\"`): ") {
                    Some((file, comment)) => (Some(file), comment),
                    None => (None, rest),
                },
                None => (None, text.trim_start_matches(": ")),
            };
            match file {
                Some(file) => format!("file {file}: {}", first_sentence(comment)),
                None => first_sentence(comment),
            }
        }
        T::IoError(io)
            if matches!(io.kind(), ErrorKind::InvalidData | ErrorKind::UnexpectedEof) =>
        {
            format!("unreadable data: {}", first_sentence(&io.to_string()))
        }
        T::FieldNotFound(f) => format!("field `{f}` is missing from its schema"),
        T::SchemaError(s) => format!("schema: {}", first_sentence(s)),
        _ => return None,
    };
    Some(reason)
}

/// The text up to the first ". " (tantivy's messages go on with advice
/// that does not apply here), at most 200 characters.
fn first_sentence(text: &str) -> String {
    let text = text.split(". ").next().unwrap_or_default();
    let text = text.trim().trim_end_matches('.');
    if text.chars().count() > 200 {
        let cut: String = text.chars().take(200).collect();
        format!("{cut}…")
    } else {
        text.to_string()
    }
}

impl Error {
    /// Whether this error means the index is damaged and must be rebuilt.
    pub fn is_damage(&self) -> bool {
        matches!(self, Error::Damaged { .. } | Error::Corrupt(_))
    }

    /// Wraps an I/O error with the path it concerns.
    pub fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Error {
        Error::Io {
            path: path.into(),
            source,
        }
    }
}

/// A query that cannot be parsed: where and why, with a hint.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QueryError {
    /// 1-based character column.
    pub column: usize,
    /// What is wrong.
    pub message: String,
    /// What to do instead.
    pub hint: String,
}

impl std::fmt::Display for QueryError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "at column {}: {} ({})",
            self.column, self.message, self.hint
        )
    }
}

impl std::error::Error for QueryError {}

#[cfg(test)]
mod tests {
    use super::*;
    use tantivy::directory::error::OpenReadError;

    #[test]
    fn damaged_index_files_become_one_line_rebuild_errors() {
        let missing = tantivy::TantivyError::from(OpenReadError::FileDoesNotExist(
            "/ix/gen-000001/tantivy/abc.store".into(),
        ));
        let err = Error::from(missing).to_string();
        assert_eq!(
            err,
            "the index is damaged (file /ix/gen-000001/tantivy/abc.store is missing): run `newsdex rebuild`"
        );

        let truncated = tantivy::TantivyError::from(OpenReadError::wrap_io_error(
            std::io::Error::new(
                std::io::ErrorKind::InvalidData,
                "Footer magic byte mismatch. File corrupted or index was created using old an tantivy version",
            ),
            "abc.fast".into(),
        ));
        let err = Error::from(truncated).to_string();
        assert_eq!(
            err,
            "the index is damaged (file abc.fast: Footer magic byte mismatch): run `newsdex rebuild`"
        );

        // Not damage: stays a search-engine error.
        let other = tantivy::TantivyError::InvalidArgument("x".into());
        assert!(matches!(Error::from(other), Error::Tantivy(_)));
    }
}
