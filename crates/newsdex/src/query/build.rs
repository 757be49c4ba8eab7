//! What to match, as every front end asks for it: the query string plus the
//! filters the command line and the HTTP API give apart from it (dates,
//! sections, people, all words). [`build`] turns [`Criteria`] into one
//! [`Compiled`] query; `search`, `people`, `timeline` and the server's
//! facets all start here, so they always count the same articles.

use chrono::{DateTime, Utc};
use tantivy::query::{AllQuery, BooleanQuery, ConstScoreQuery, Occur, Query, TermQuery};
use tantivy::schema::IndexRecordOption;
use tantivy::Term;

use super::{compile, Compiled, Stemming};
use crate::error::{Error, Result};
use crate::schema::{self, Fields};
use crate::terms::date_range;

/// What to match: the query and the filters beside it. How to present the
/// matches (page, order, snippets) is `crate::search::Page`'s job.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Criteria {
    /// The query, in newsdex query syntax.
    pub query: String,
    /// Only articles dated on or after this time, on the article's own
    /// clock (its local date, `Article::local_date`): `2012-08-12` finds an
    /// article published at 08:00 +09:00 that day.
    pub since: Option<DateTime<Utc>>,
    /// Only articles dated before this time, on the article's own clock.
    pub until: Option<DateTime<Utc>>,
    /// Only articles in one of these sections (any, if empty).
    pub sections: Vec<String>,
    /// Only articles that mention each of these people (canonical names).
    pub people: Vec<String>,
    /// Only articles in one of these languages (ISO 639-1 codes or names;
    /// any, if empty).
    pub languages: Vec<String>,
    /// Never fall back to partial matching.
    pub all_words: bool,
    /// Match what a search lists when it falls back to closest matches:
    /// every article with some of a plain query's words (the full matches
    /// and the closest ones), so that counts over these criteria
    /// (`crate::facets`) describe that list. No effect on a query that
    /// does not relax (one word, explicit syntax, `all_words`).
    pub any_words: bool,
    /// Search the query as typed: never search a spelling correction
    /// instead (one may still be suggested).
    pub exact: bool,
    /// Show and count every copy of a story (`crate::stories`), not each
    /// story once at its best-ranked copy.
    pub all_copies: bool,
}

impl Criteria {
    /// Criteria for a query string alone.
    pub fn query(query: impl Into<String>) -> Criteria {
        Criteria {
            query: query.into(),
            ..Criteria::default()
        }
    }

    /// Whether nothing at all is asked for (no query, no filter).
    pub fn is_empty(&self) -> bool {
        self.query.trim().is_empty()
            && self.since.is_none()
            && self.until.is_none()
            && self.sections.is_empty()
            && self.people.is_empty()
            && self.languages.is_empty()
    }
}

/// Parses the query and adds the filters: one tantivy query, with the plans
/// for highlighting and partial matching.
///
/// An empty query matches every article the filters let through
/// (`search --person NAME`, a facet click on the page), and with no
/// filter every article (the server's home page lists the newest). The
/// command line asks for a query or a filter before it gets here.
pub fn build(fields: &Fields, stemming: &Stemming, c: &Criteria) -> Result<Compiled> {
    let f = fields;
    let mut compiled = if c.query.trim().is_empty() {
        Compiled {
            query: Box::new(AllQuery),
            relaxed: None,
            highlights: Default::default(),
            words: Vec::new(),
            count_apart: true,
            not_fields: Vec::new(),
            left_out: Vec::new(),
        }
    } else {
        compile(&c.query, f, stemming).map_err(|error| Error::Query { param: None, error })?
    };
    // `--person` terms score like `person:` in the query; filters do not.
    let mut scored: Vec<Box<dyn Query>> = Vec::new();
    for name in &c.people {
        let q = format!("person:\"{}\"", name.replace('"', " "));
        let person = compile(&q, f, stemming).map_err(|error| Error::Query {
            param: Some(format!("--person {name:?}")),
            error,
        })?;
        compiled.highlights.people.extend(person.highlights.people);
        scored.push(person.query);
    }
    let mut filters: Vec<Box<dyn Query>> = Vec::new();
    if c.since.is_some() || c.until.is_some() {
        filters.push(date_range(f.local_date, c.since, c.until));
    }
    if !c.sections.is_empty() {
        let any: Vec<(Occur, Box<dyn Query>)> = c
            .sections
            .iter()
            .map(|s| {
                let q: Box<dyn Query> = Box::new(TermQuery::new(
                    keyword_term(f.section, s),
                    IndexRecordOption::Basic,
                ));
                (Occur::Should, q)
            })
            .collect();
        filters.push(Box::new(BooleanQuery::new(any)));
    }
    if !c.languages.is_empty() {
        let any: Vec<(Occur, Box<dyn Query>)> = c
            .languages
            .iter()
            .map(|l| {
                let term = Term::from_field_text(f.language, &crate::article::language_code(l));
                let q: Box<dyn Query> = Box::new(TermQuery::new(term, IndexRecordOption::Basic));
                (Occur::Should, q)
            })
            .collect();
        filters.push(Box::new(BooleanQuery::new(any)));
    }
    if c.all_words {
        compiled.relaxed = None;
    }
    let any_words = c.any_words && compiled.relaxed.is_some();
    // Filters select; they must not move the BM25 score.
    let required: Vec<Box<dyn Query>> = scored
        .into_iter()
        .chain(
            filters
                .into_iter()
                .map(|q| Box::new(ConstScoreQuery::new(q, 0.0)) as Box<dyn Query>),
        )
        .collect();
    if !required.is_empty() {
        // A filter or person clause cannot skip blocks: counting apart
        // would walk the intersection twice.
        compiled.count_apart = false;
        if let Some(plan) = &mut compiled.relaxed {
            plan.filters.extend(required.iter().map(|q| q.box_clone()));
        }
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = vec![(Occur::Must, compiled.query)];
        clauses.extend(required.into_iter().map(|q| (Occur::Must, q)));
        compiled.query = Box::new(BooleanQuery::new(clauses));
    }
    if any_words {
        if let Some(plan) = &compiled.relaxed {
            // The plan holds the filters too.
            compiled.query = super::relaxed_query(plan, f);
        }
    }
    Ok(compiled)
}

/// The indexed term for a keyword value (lower-cased, accents folded), as
/// the index's keyword analyzer makes it.
fn keyword_term(field: tantivy::schema::Field, value: &str) -> Term {
    Term::from_field_text(field, &schema::fold_keyword(value))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_filter_alone_matches_everything_it_lets_through() {
        let (_, fields) = schema::build();
        let c = Criteria {
            sections: vec!["Politics".into()],
            ..Criteria::default()
        };
        let compiled = build(&fields, &Stemming::english(), &c).unwrap();
        assert!(!compiled.count_apart);
        assert!(format!("{:?}", compiled.query).contains("politics"));
    }

    #[test]
    fn a_bad_person_names_the_option() {
        let (_, fields) = schema::build();
        let c = Criteria {
            query: "khan".into(),
            people: vec!["x\\".into()],
            ..Criteria::default()
        };
        // Quotes and backslashes cannot break out of the person clause;
        // whatever the parser says names --person.
        if let Err(e) = build(&fields, &Stemming::english(), &c) {
            assert!(e.to_string().contains("--person"), "{e}");
        }
        assert!(Criteria::default().is_empty());
        assert!(!Criteria::query("x").is_empty());
    }
}
