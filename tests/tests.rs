//! CLI tests against the real `newsdex` binary.

mod util;

// Indexing the sample corpus, incremental re-index, rebuild (issue #2).
mod index;
// Search output, JSON fields, filters and exit codes (issue #2).
mod search;
// stats, show and export (issue #2).
mod inspect;
// Messy input files and broken or foreign indexes (issue #5).
mod reliability;
// SIGKILL during index/rebuild, a second writer, searches while writing (issue #5).
mod crash;
