//! `person:"Donald Trump"`: every form of the full name, and the articles
//! that name the person by surname alone when the archive links that
//! surname to the name (`crate::person_links`).
//!
//! The link depends on the whole index, so it is looked up when the query
//! meets a searcher (in [`Query::weight`], as `StemVariantsQuery` looks up
//! a stem's words): compiling a query stays a pure function of its text.
//! A search weighs its query more than once (a count, then the page), so
//! the lookup is kept for the searcher's generation: on the 1x benchmark
//! corpus it was done twice per `person:"Donald Trump"`, 23M instructions
//! each.

use std::sync::{Arc, Mutex};
use tantivy::query::{BooleanQuery, BoostQuery, EnableScoring, Occur, Query, TermQuery, Weight};
use tantivy::schema::IndexRecordOption;

use tantivy::{Searcher, SearcherGeneration, Term};

use crate::people::name_forms::key_term;
use crate::people::Variant;
use crate::schema::Fields;

/// A whole person's name.
#[derive(Clone, Debug)]
pub struct PersonNameQuery {
    fields: Fields,
    name: Variant,
    /// The linked articles' clause, for the index state it was built on.
    linked: Arc<Mutex<Option<(SearcherGeneration, Linked)>>>,
}

/// The clause that finds the articles naming the person by surname alone,
/// `None` when the archive links no such article.
type Linked = Option<Box<dyn Query>>;

impl PersonNameQuery {
    /// The query for a name as typed ("Donald J. Trump").
    pub fn new(fields: &Fields, name: &str) -> PersonNameQuery {
        PersonNameQuery {
            fields: fields.clone(),
            name: Variant::of(name),
            linked: Arc::default(),
        }
    }

    /// The articles that name the person in one of the name's forms,
    /// scored by how often (the indexed term frequency).
    fn named(&self) -> Vec<(Occur, Box<dyn Query>)> {
        self.name
            .query_terms()
            .iter()
            .map(|t| {
                let q: Box<dyn Query> = Box::new(TermQuery::new(
                    Term::from_field_text(self.fields.person_key, t),
                    IndexRecordOption::WithFreqs,
                ));
                (Occur::Should, q)
            })
            .collect()
    }

    /// BM25's IDF of the most frequent of these terms.
    fn idf(&self, searcher: &Searcher, terms: &[String]) -> tantivy::Result<f64> {
        let n = searcher.num_docs() as f64;
        let mut df = 0u64;
        for t in terms {
            df = df.max(searcher.doc_freq(&Term::from_field_text(self.fields.person_key, t))?);
        }
        let df = df as f64;
        Ok((1.0 + (n - df + 0.5) / (df + 0.5)).ln().max(f64::EPSILON))
    }
}

/// The key a one-word name with this name's surname is indexed under.
fn surname_key(name: &Variant) -> &str {
    crate::people::link_rule::surname(name).unwrap_or(&name.key)
}

impl PersonNameQuery {
    /// The linked articles' clause for this searcher, built once per index
    /// state.
    fn linked(&self, searcher: &Searcher) -> tantivy::Result<Linked> {
        let mut cached = self.linked.lock().unwrap_or_else(|e| e.into_inner());
        if let Some((generation, linked)) = cached.as_ref() {
            if generation == searcher.generation() {
                return Ok(linked.as_ref().map(|q| q.box_clone()));
            }
        }
        let linked = crate::person_links::linked_query(searcher, &self.fields, &self.name)
            .map_err(|e| tantivy::TantivyError::InternalError(e.to_string()))?;
        // The surname term is rarer than the full name's, so its IDF alone
        // ranked inferred matches first (on 3,000 AllSides articles the top
        // 3 for "Donald Trump" never named him in full). Scaled to nine
        // tenths of the full name's IDF, an inferred match ranks just below
        // an article that names the person in full as often.
        let linked: Linked = match linked {
            Some(q) => {
                let boost = 0.9 * self.idf(searcher, &self.name.query_terms())?
                    / self.idf(searcher, &[key_term(surname_key(&self.name))])?;
                Some(Box::new(BoostQuery::new(q, boost as f32)))
            }
            None => None,
        };
        *cached = Some((
            searcher.generation().clone(),
            linked.as_ref().map(|q| q.box_clone()),
        ));
        Ok(linked)
    }
}

impl Query for PersonNameQuery {
    fn weight(&self, enable_scoring: EnableScoring<'_>) -> tantivy::Result<Box<dyn Weight>> {
        let mut clauses = self.named();
        if let Some(searcher) = enable_scoring.searcher() {
            if let Some(q) = self.linked(searcher)? {
                clauses.push((Occur::Should, q));
            }
        }
        match clauses.len() {
            1 => clauses.pop().expect("one clause").1.weight(enable_scoring),
            _ => BooleanQuery::new(clauses).weight(enable_scoring),
        }
    }
}
