//! `body:campaigns`: a stemmed word in the body alone.
//!
//! The body is indexed stemmed only inside `all_text` (headline and body
//! together) and unstemmed, with positions, in `body_exact`. A stemmed word
//! restricted to the body is therefore answered from `body_exact`: the
//! query looks up, in each segment's term dictionary, the unstemmed words
//! whose stem is the query's (`campaign`, `campaigns`, `campaigning`), and
//! scores them as one BM25 disjunction. The lookup is a range scan over the
//! words sharing the stem's first letters, done once per search.

use std::collections::BTreeSet;

use tantivy::query::{BooleanQuery, EnableScoring, Occur, Query, TermQuery, Weight};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::{Searcher, TantivyError, Term};

/// Matches the words of an unstemmed `field` whose stem is `stem`.
#[derive(Clone, Debug)]
pub struct StemVariantsQuery {
    field: Field,
    stem: String,
}

impl StemVariantsQuery {
    /// A query for the words of `field` (indexed with the unstemmed
    /// analyzer) that `schema::text_analyzer` stems to `stem`.
    pub fn new(field: Field, stem: impl Into<String>) -> StemVariantsQuery {
        StemVariantsQuery {
            field,
            stem: stem.into(),
        }
    }
}

/// The first letters every word with this stem shares, as far as English
/// stemming goes: the stemmer mostly cuts suffixes, and at most rewrites the
/// last two letters of what it keeps (`happy` -> `happi`).
pub fn shared_prefix(stem: &str) -> &str {
    let chars = stem.chars().count();
    let keep = chars.saturating_sub(2).max(chars.min(3));
    match stem.char_indices().nth(keep) {
        Some((i, _)) => &stem[..i],
        None => stem,
    }
}

/// Every word of `field`, over all segments, that stems to `stem`.
pub fn variants(searcher: &Searcher, field: Field, stem: &str) -> tantivy::Result<Vec<String>> {
    let prefix = shared_prefix(stem);
    let mut upper = prefix.as_bytes().to_vec();
    upper.push(0xFF); // above every UTF-8 continuation of the prefix
    let mut stems = crate::schema::StemCache::default();
    let mut stemmed = String::new();
    let mut found = BTreeSet::new();
    for segment in searcher.segment_readers() {
        let inverted = segment.inverted_index(field)?;
        let mut stream = inverted
            .terms()
            .range()
            .ge(prefix)
            .lt(&upper)
            .into_stream()?;
        while stream.advance() {
            let Ok(word) = std::str::from_utf8(stream.key()) else {
                continue;
            };
            if found.contains(word) {
                continue;
            }
            // The field's words are already lower-cased and folded.
            stemmed.clear();
            stemmed.push_str(word);
            stems.stem_into(&mut stemmed);
            if stemmed == stem {
                found.insert(word.to_string());
            }
        }
    }
    Ok(found.into_iter().collect())
}

impl Query for StemVariantsQuery {
    fn weight(&self, enable_scoring: EnableScoring<'_>) -> tantivy::Result<Box<dyn Weight>> {
        let searcher = enable_scoring.searcher().ok_or_else(|| {
            TantivyError::InvalidArgument("a body: word needs the index's words".into())
        })?;
        let clauses: Vec<(Occur, Box<dyn Query>)> = variants(searcher, self.field, &self.stem)?
            .into_iter()
            .map(|w| {
                let q: Box<dyn Query> = Box::new(TermQuery::new(
                    Term::from_field_text(self.field, &w),
                    IndexRecordOption::WithFreqs,
                ));
                (Occur::Should, q)
            })
            .collect();
        BooleanQuery::new(clauses).weight(enable_scoring)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tantivy::collector::Count;
    use tantivy::doc;

    #[test]
    fn prefix_keeps_what_the_stemmer_does_not_rewrite() {
        assert_eq!(shared_prefix("campaign"), "campai");
        assert_eq!(shared_prefix("happi"), "hap");
        assert_eq!(shared_prefix("war"), "war");
        assert_eq!(shared_prefix("ox"), "ox");
        assert_eq!(shared_prefix("café"), "caf");
    }

    #[test]
    fn finds_every_word_with_the_stem_in_every_segment() {
        let (schema, f) = crate::schema::build();
        let index = tantivy::Index::create_in_ram(schema);
        crate::schema::register_analyzers(&index);
        let mut w: tantivy::IndexWriter = index.writer(15_000_000).unwrap();
        w.add_document(doc!(f.body_exact => "She campaigned for years."))
            .unwrap();
        w.commit().unwrap();
        w.add_document(doc!(f.body_exact => "The campaigns, a camp and campaigning."))
            .unwrap();
        w.add_document(doc!(f.body_exact => "Happy people; happiness."))
            .unwrap();
        w.add_document(doc!(f.body_exact => "Nothing here."))
            .unwrap();
        w.commit().unwrap();
        let searcher = index.reader().unwrap().searcher();
        assert_eq!(
            variants(&searcher, f.body_exact, "campaign").unwrap(),
            ["campaigned", "campaigning", "campaigns"]
        );
        assert_eq!(
            variants(&searcher, f.body_exact, "happi").unwrap(),
            ["happiness", "happy"]
        );
        let q = StemVariantsQuery::new(f.body_exact, "campaign");
        assert_eq!(searcher.search(&q, &Count).unwrap(), 2);
        let none = StemVariantsQuery::new(f.body_exact, "zebra");
        assert_eq!(searcher.search(&none, &Count).unwrap(), 0);
    }
}
