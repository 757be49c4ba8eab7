//! CLI tests against the real `newsdex` binary.

mod util;

// Indexing the sample corpus, incremental re-index, rebuild (issue #2).
mod index;
// Search output, JSON fields, filters and exit codes (issue #2).
mod search;
// stats, show and export (issue #2).
mod inspect;
