//! CLI tests against the real `newsdex` binary.

mod util;

// Indexing and rebuilding: every format, re-indexing by record, messages (issues #2, #14).
mod index;
// Files newsdex is pointed at and the fields parsed from them (issue #14).
mod ingest;
// News-database exports: one article per document, `file#n` ids, no covers (issue #23).
mod exports;
// Published datasets as downloaded: CSV, a zip of JSON, a GBK <doc> collection (issue #23).
mod datasets;
// Search output as text, JSON and CSV, paging, exit codes (issues #2, #14).
mod search;
// Filters on search, counts and export, and why nothing matched (issues #2, #14).
mod filters;
// Field queries: title/body, Reuters topics and places, bylines, sources, URLs (issues #2, #14).
mod fields;
// stats, show (ids, file:line, multi-article files) and export (issues #2, #14).
mod inspect;
// Help, shell completions and the man page (issue #14).
mod help;
// Quoted phrases return exactly what a normalised grep finds (issue #4).
mod phrase;
// Random and adversarial queries never panic or hang (issue #4).
mod query_fuzz;
// Known-item and paraphrase query sets: success@k and MRR with floors.
mod ranking;
// Known-item queries in German, Russian, Arabic, Japanese and Chinese, dev and held out (issue #24).
mod languages;
// Query syntax, phrases, passages, closest matches, pasted text, hyphens (issues #4, #8, #14).
mod syntax;
// Misspellings: did-you-mean, corrections, --exact, the API, the spelling evaluation (issues #4, #14).
mod spelling;
// Person search, people and timeline commands (issue #3).
mod people;
// Messy input files and broken or foreign indexes (issue #5).
mod reliability;
// SIGKILL and Ctrl-C during index/rebuild, a second writer, searches while writing (issues #5, #14).
mod crash;
// HTML body extraction (benchmark F1) and page metadata, with floors (issue #7).
mod extraction;
// `newsdex serve`: the JSON API over HTTP, errors, reloads (issue #13).
mod serve;
// Exports, citations, searched phrases marked, copies by headline, in Chromium (issue #25).
mod browser_workflow;
// Exports, searched words marked in the article, copies, stored text over the API (issue #25).
mod serve_workflow;
// The search page in headless Chromium over WebDriver (issue #13).
mod browser;
// A person's page and the home page's newest articles, over the API (issue #25).
mod serve_people;
// Person pages, the people directory and the home page in Chromium (issue #25).
mod browser_people;
// The page's keyboard, dates, notices, phone layout and axe-core check (issue #25).
mod browser_access;
// Story clusters: copies shown and counted once, duplicates (issue #16).
mod stories;
// People across articles: a surname alone links to a full name (issue #15).
mod links;
// Web archives: WARC, ARC and WET pages, damaged records, copies as stories (issue #23).
mod warc;
// News in other languages: detection, stemming, character pairs, filters (issue #24).
mod multilingual;
// Zip and tar archives: ids naming the member, damaged archives under --strict (issue #23).
mod archives;
