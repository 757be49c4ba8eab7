//! newsdex: full-text search for news archives.
//!
//! The library does the work and returns data; front ends print or serve
//! it. Two front ends call the same functions: the command line (the
//! binary's `commands/` and `output.rs`) and the HTTP server ([`serve`]).
//!
//! Indexing: file → [`ingest`] (one parser per format; never sees tantivy)
//! → [`article::Article`] (with its [`people`], [`meaning`] vector and
//! near-duplicate [`stories::Sketch`]) → [`stories::Assigner`] gives it a
//! story → [`schema`] document → [`index`] (incremental update or rebuild
//! into a [`store`] generation; progress through [`index::Progress`]).
//!
//! Searching: query string + filters = [`query::Criteria`] →
//! [`query::build`] (parse, compile, add filters) → [`search::search`]
//! (collect the page, re-rank closest matches by [`meaning`], build hits
//! with [`snippet`] passages, suggest) → [`search::SearchResults`] →
//! printed by the binary, or [`wire::HitJson`] in the server's answers.
//! [`facets`] counts people, sections, sources and months over the same
//! [`query::Criteria`]. Both show and count each story once
//! ([`stories::collapse`]) unless `Criteria::all_copies`.
#![warn(missing_docs)]

pub mod article;
pub mod dates;
pub mod error;
pub mod facets;
pub mod hashing;
pub mod index;
pub mod ingest;
pub mod links;
pub mod manifest;
pub mod meaning;
pub mod merges;
pub mod people;
pub mod query;
pub mod schema;
pub mod search;
pub mod serve;
pub mod snippet;
pub mod stats;
pub mod store;
pub mod stories;
#[cfg(test)]
mod testdata;
pub mod wire;
