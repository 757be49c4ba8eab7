//! CLI tests against the real `newsdex` binary.

mod util;

// Indexing the sample corpus, incremental re-index, rebuild (issue #2).
mod index;
// Search output, JSON fields, filters and exit codes (issue #2).
mod search;
// stats, show and export (issue #2).
mod inspect;
// Quoted phrases return exactly what a normalised grep finds (issue #4).
mod phrase;
// Random and adversarial queries never panic or hang (issue #4).
mod query_fuzz;
// Known-item and paraphrase query sets: success@k and MRR with floors.
mod ranking;
// Query syntax, exact phrases, passages, suggestions via the CLI (issue #4).
mod syntax;
// Person search, people and timeline commands (issue #3).
mod people;
// Messy input files and broken or foreign indexes (issue #5).
mod reliability;
// SIGKILL during index/rebuild, a second writer, searches while writing (issue #5).
mod crash;
// HTML body extraction (benchmark F1) and page metadata, with floors (issue #7).
mod extraction;
// `newsdex serve`: the JSON API over HTTP, errors, reloads (issue #13).
mod serve;
// The search page in headless Chromium over WebDriver (issue #13).
mod browser;
// First contact: filters, ids, counts, CSV, help (issue #14 items 11-14, 16, 17).
mod first_contact;
// First contact: fields and the query language (issue #14 items 4, 7, 10, 15).
mod first_contact_query;
// First contact: misspellings and paging (issue #14 items 8, 9).
mod first_contact_search;
// First contact: files newsdex is pointed at (issue #14 items 1-3, 5, 6).
mod first_contact_ingest;
// Story clusters: copies shown and counted once, duplicates (issue #16).
mod stories;
// People across articles: a surname alone links to a full name (issue #15).
mod links;
