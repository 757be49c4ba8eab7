//! Tantivy queries for one term and for a date range: the two lookups the
//! store, the person links and the query compiler all make. Above
//! `schema`, below everything that searches.

use std::ops::Bound;

use tantivy::query::{ExistsQuery, Query, RangeQuery, TermQuery};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::{DateTime as TantivyDateTime, Term};

/// A query for the articles whose `field` holds the term `text`, with the
/// postings detail `record` (`WithFreqs` where it ranks, `Basic` for a
/// lookup).
pub fn term_query(field: Field, text: &str, record: IndexRecordOption) -> Box<dyn Query> {
    Box::new(TermQuery::new(Term::from_field_text(field, text), record))
}

/// A date range query `[lower, upper)`.
pub fn date_range(
    field: Field,
    lower: Option<chrono::DateTime<chrono::Utc>>,
    upper: Option<chrono::DateTime<chrono::Utc>>,
) -> Box<dyn Query> {
    if lower.is_none() && upper.is_none() {
        // `date:[* TO *]`: any dated article (tantivy refuses a range with
        // no bound at all).
        return Box::new(ExistsQuery::new("date".to_string(), false));
    }
    let term = |d: chrono::DateTime<chrono::Utc>| {
        Term::from_field_date(field, TantivyDateTime::from_timestamp_secs(d.timestamp()))
    };
    Box::new(RangeQuery::new(
        lower.map_or(Bound::Unbounded, |d| Bound::Included(term(d))),
        upper.map_or(Bound::Unbounded, |d| Bound::Excluded(term(d))),
    ))
}
