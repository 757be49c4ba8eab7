//! newsdex: full-text search for news archives.
#![warn(missing_docs)]

pub mod article;
pub mod dates;
pub mod error;
pub mod facets;
pub mod hashing;
pub mod index;
pub mod ingest;
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
pub mod wire;
