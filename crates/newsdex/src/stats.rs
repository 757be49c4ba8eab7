//! Figures about an index: article count, per-section counts, date range,
//! size on disk, roots. Read from fast fields, so it stays quick on large
//! indexes (no stored documents are loaded).

use std::collections::BTreeMap;
use std::path::PathBuf;

use chrono::{DateTime, Utc};
use serde::Serialize;

use crate::error::{Error, Result};
use crate::store::{Opened, Store};

/// What `newsdex stats` reports.
#[derive(Debug, Clone, Serialize)]
pub struct Stats {
    /// Location of the index.
    pub index: PathBuf,
    /// Live articles.
    pub articles: u64,
    /// Articles per section (articles without one under `""` are omitted).
    pub sections: BTreeMap<String, u64>,
    /// Articles per language (ISO 639-1 code; articles of no known
    /// language are omitted).
    pub languages: BTreeMap<String, u64>,
    /// Earliest and latest article date, if any article has a date.
    pub date_range: Option<[DateTime<Utc>; 2]>,
    /// Articles without a date.
    pub undated: u64,
    /// Size of the index on disk, in bytes.
    pub index_bytes: u64,
    /// Source folders.
    pub roots: Vec<PathBuf>,
    /// Source files recorded.
    pub files: u64,
    /// When the index was last updated.
    pub last_indexed: Option<DateTime<Utc>>,
    /// Schema version.
    pub schema_version: u32,
}

/// Articles per value of one string fast column, in one segment.
struct Tally {
    col: Option<tantivy::columnar::StrColumn>,
    counts: Vec<u64>,
}

impl Tally {
    fn new(col: Option<tantivy::columnar::StrColumn>) -> Tally {
        let counts = vec![0; col.as_ref().map_or(0, |c| c.num_terms())];
        Tally { col, counts }
    }

    /// Counts the values of `doc`.
    fn add(&mut self, doc: u32) {
        if let Some(col) = &self.col {
            for ord in col.term_ords(doc) {
                self.counts[ord as usize] += 1;
            }
        }
    }

    /// Adds the counts to `map`, by value.
    fn into_map(self, map: &mut BTreeMap<String, u64>) -> Result<()> {
        let Some(col) = &self.col else {
            return Ok(());
        };
        for (ord, count) in self.counts.iter().enumerate() {
            if *count == 0 {
                continue;
            }
            let mut name = String::new();
            col.ord_to_str(ord as u64, &mut name)
                .map_err(Error::engine_io)?;
            *map.entry(name).or_default() += count;
        }
        Ok(())
    }
}

/// Computes the figures for an opened index.
pub fn stats(store: &Store, opened: &Opened) -> Result<Stats> {
    let searcher = opened.searcher()?;
    let mut sections: BTreeMap<String, u64> = BTreeMap::new();
    let mut languages: BTreeMap<String, u64> = BTreeMap::new();
    let mut articles = 0u64;
    let mut undated = 0u64;
    let mut min: Option<i64> = None;
    let mut max: Option<i64> = None;
    for segment in searcher.segment_readers() {
        let fast = segment.fast_fields();
        let mut section = Tally::new(fast.str("section").map_err(Error::from)?);
        let mut language = Tally::new(fast.str("language").map_err(Error::from)?);
        let date_col = fast.date("date").map_err(Error::from)?;
        let alive = segment.alive_bitset();
        for doc in 0..segment.max_doc() {
            if alive.is_some_and(|b| !b.is_alive(doc)) {
                continue;
            }
            articles += 1;
            section.add(doc);
            language.add(doc);
            match date_col.first(doc) {
                Some(d) => {
                    let secs = d.into_timestamp_secs();
                    min = Some(min.map_or(secs, |m| m.min(secs)));
                    max = Some(max.map_or(secs, |m| m.max(secs)));
                }
                None => undated += 1,
            }
        }
        section.into_map(&mut sections)?;
        language.into_map(&mut languages)?;
    }
    let date_range = match (min, max) {
        (Some(a), Some(b)) => Some([
            DateTime::from_timestamp(a, 0).unwrap_or_default(),
            DateTime::from_timestamp(b, 0).unwrap_or_default(),
        ]),
        _ => None,
    };
    Ok(Stats {
        index: store.path().to_path_buf(),
        articles,
        sections,
        languages,
        date_range,
        undated,
        index_bytes: store.size_on_disk()?,
        roots: opened
            .manifest
            .roots
            .iter()
            .map(|r| r.path.clone())
            .collect(),
        files: opened.manifest.files.len() as u64,
        last_indexed: opened.manifest.last_indexed,
        schema_version: opened.manifest.schema_version,
    })
}
