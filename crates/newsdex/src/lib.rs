//! newsdex: full-text search for news archives.
//!
//! The library does the work and returns data; front ends print or serve
//! it. Both front ends, the command line and the HTTP server, live in the
//! `newsdex` binary's package at the top of the repository and call the
//! same functions; this crate has no terminal and no HTTP crate.
//!
//! The map is `docs/ARCHITECTURE.md`: one section per module, the data
//! flow of `index` and `search`, and the layer rule that `layers.rs`
//! checks (a module imports only from the modules below it).
//!
//! Indexing: file → [`ingest`] (one parser per format; never sees tantivy)
//! → [`article::Article`] → [`annotate`] (its [`people`], [`meaning`]
//! vector and near-duplicate [`sketch::Sketch`]) → [`stories::Assigner`]
//! gives it a story → [`schema`] document → [`index`] (incremental update
//! or rebuild into a [`store`] generation; progress through
//! [`index::Progress`]).
//!
//! Searching: query string + filters = [`query::Criteria`] →
//! [`query::build`] (parse, compile, add filters) → [`search::search`]
//! (collect the page, re-rank closest matches by [`meaning`], build hits
//! with [`snippet`] passages, suggest) → [`search::SearchResults`], which
//! the front ends print or send as JSON. [`facets`] counts people,
//! sections, sources and months over the same [`query::Criteria`]. Both
//! show and count each story once ([`stories::collapse`]) unless
//! `Criteria::all_copies`.
#![warn(missing_docs)]

pub mod annotate;
pub mod article;
pub mod dates;
pub mod error;
pub mod facets;
pub mod hashing;
pub mod index;
pub mod ingest;
pub mod language;
#[cfg(test)]
mod layers;
pub mod manifest;
pub mod meaning;
pub mod merges;
pub mod people;
pub mod person_links;
pub mod person_profile;
pub mod query;
pub mod schema;
pub mod search;
pub mod sketch;
pub mod snippet;
pub mod stats;
pub mod store;
pub mod stories;
pub mod terms;
#[cfg(test)]
mod testdata;
pub mod text;
