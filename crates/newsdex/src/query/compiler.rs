//! The compiler's walk over a parsed [`Node`] tree: `AND`, `OR` and `NOT`
//! become boolean clauses here, and each leaf goes to the file of its field
//! group (`text_fields.rs`, `keyword_fields.rs`, `person.rs`). Also the
//! small query-building helpers those files share: the analyzers' tokens,
//! term, phrase and boolean queries, the headline's boost, a clause that
//! selects without scoring.
//!
//! It talks to the parser's types (`parse.rs`), the schema's fields and
//! analyzers, and `crate::terms` for term queries.

use tantivy::query::{
    AllQuery, BooleanQuery, BoostQuery, ConstScoreQuery, FuzzyTermQuery, Occur, PhrasePrefixQuery,
    PhraseQuery, Query,
};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::tokenizer::TextAnalyzer;
use tantivy::Term;

use super::keyword_fields;
use super::languages::Stemming;
use super::parse::{FieldName, Match, Node, QueryError};
use super::person::person_is_one_term;
use super::stem_variants::Lookups;
use super::{Highlights, TITLE_BOOST};
use crate::schema::{self, Fields};
use crate::terms;

/// Compiles the leaves of one query, gathering what to highlight and the
/// plain words as it goes.
pub(super) struct Compiler<'a> {
    pub(super) f: &'a Fields,
    /// The languages the index stems words in (`languages.rs`).
    pub(super) stemming: &'a Stemming,
    /// The stemming analyzer of `title` and of stemmed query words.
    pub(super) text: TextAnalyzer,
    /// The unstemmed analyzer of `title_exact`, `body_exact` and the like.
    pub(super) exact: TextAnalyzer,
    /// The analyzer of whole values (`section`, `place`).
    pub(super) keyword: TextAnalyzer,
    pub(super) highlights: Highlights,
    pub(super) words: Vec<String>,
    /// Words of a question left out of the search (`question.rs`).
    pub(super) left_out: Vec<String>,
    /// The stemmed words' lookups, shared with the relaxed plan.
    pub(super) lookups: Lookups,
}

impl<'a> Compiler<'a> {
    /// A compiler for the schema's fields, with nothing gathered yet.
    pub(super) fn new(f: &'a Fields, stemming: &'a Stemming) -> Compiler<'a> {
        Compiler {
            f,
            stemming,
            text: schema::text_analyzer(),
            exact: schema::exact_query_analyzer(),
            keyword: schema::keyword_analyzer(),
            highlights: Highlights::default(),
            words: Vec::new(),
            left_out: Vec::new(),
            lookups: Lookups::default(),
        }
    }
}

impl Compiler<'_> {
    /// The query for a node, `None` when it has nothing to search (symbols
    /// only). Under a `NOT` (`negated`) nothing is highlighted.
    pub(super) fn node(&mut self, node: &Node, negated: bool) -> Result<Option<Q>, QueryError> {
        match node {
            Node::And(children) => {
                let mut clauses: Vec<(Occur, Q)> = Vec::new();
                let mut stop = Vec::new();
                for child in children {
                    if self.is_left_out(child) {
                        continue;
                    }
                    match child {
                        Node::Not(inner) => {
                            if let Some(q) = self.node(inner, !negated)? {
                                clauses.push((Occur::MustNot, q));
                                stop.push(false);
                            }
                        }
                        _ => {
                            if let Some(q) = self.node(child, negated)? {
                                clauses.push((Occur::Must, q));
                                stop.push(self.is_stop_leaf(child));
                            }
                        }
                    }
                }
                // Stop words score but never decide a match, unless the
                // query is nothing else.
                let content = (0..clauses.len()).any(|i| clauses[i].0 == Occur::Must && !stop[i]);
                if content {
                    for (clause, stop) in clauses.iter_mut().zip(stop) {
                        if stop {
                            clause.0 = Occur::Should;
                        }
                    }
                }
                Ok(boolean(clauses))
            }
            Node::Or(children) => {
                let mut clauses: Vec<(Occur, Q)> = Vec::new();
                for child in children {
                    if let Some(q) = self.node(child, negated)? {
                        clauses.push((Occur::Should, q));
                    }
                }
                Ok((!clauses.is_empty()).then(|| Box::new(BooleanQuery::new(clauses)) as Q))
            }
            Node::Not(inner) => Ok(self
                .node(inner, !negated)?
                .map(|q| boolean(vec![(Occur::MustNot, q)]).expect("one clause"))),
            Node::Leaf {
                field,
                text,
                kind,
                pos,
            } => self.leaf(*field, text, kind, *pos, negated),
        }
    }

    /// Whether a node is a word of a question left out of the search.
    pub(super) fn is_left_out(&self, node: &Node) -> bool {
        matches!(node, Node::Leaf { field: None, text, kind: Match::Word, .. }
            if self.left_out.contains(&text.to_lowercase()))
    }

    /// Whether a node is a bare word that is a stop word in the index's
    /// languages (`languages.rs`).
    fn is_stop_leaf(&self, node: &Node) -> bool {
        matches!(node, Node::Leaf { field: None, text, kind: Match::Word, .. }
            if self.stemming.is_stop_word(text))
    }

    /// One leaf, compiled by its field group.
    pub(super) fn leaf(
        &mut self,
        field: Option<FieldName>,
        text: &str,
        kind: &Match,
        pos: usize,
        negated: bool,
    ) -> Result<Option<Q>, QueryError> {
        use FieldName as F;
        let f = self.f;
        let leaf = Leaf {
            text,
            kind,
            pos,
            negated,
        };
        match field {
            None | Some(F::Title) | Some(F::Body) => self.text_leaf(field, &leaf),
            Some(F::Person) => self.person(&leaf).map(Some),
            Some(F::Byline) => self.words_of(f.byline_text, &leaf),
            Some(F::Source) => self.words_of(f.source_text, &leaf),
            Some(F::Section) => self.whole_value(f.section, &leaf),
            Some(F::Place) => self.whole_value(f.place, &leaf),
            Some(F::Id) => Ok(Some(select_only(term_query(f.id, text)))),
            Some(F::Url) => keyword_fields::url(f, &leaf),
            Some(F::Lang) => Ok(Some(select_only(term_query(
                f.language,
                &crate::article::language_code(text),
            )))),
            Some(F::Date) => keyword_fields::date(f, &leaf),
        }
    }
}

/// A leaf of the tree as the field groups take it, its field apart.
pub(super) struct Leaf<'a> {
    /// The value as written.
    pub(super) text: &'a str,
    pub(super) kind: &'a Match,
    /// Where it stands in the query, for errors.
    pub(super) pos: usize,
    /// Under a `NOT`: nothing of it is highlighted.
    pub(super) negated: bool,
}

/// Whether the query has an `OR`, or a clause that only selects
/// (`section:`, `date:`, `person:smi*`, ...): neither can skip blocks, so
/// counting apart would walk the matches twice.
pub(super) fn has_or_or_filter(node: &Node) -> bool {
    match node {
        Node::Or(_) => true,
        Node::And(children) => children.iter().any(has_or_or_filter),
        Node::Not(inner) => has_or_or_filter(inner),
        Node::Leaf { field, kind, .. } => match field {
            None | Some(FieldName::Title) | Some(FieldName::Body) => false,
            Some(FieldName::Person) => !person_is_one_term(kind),
            _ => true,
        },
    }
}

pub(super) fn tokens(analyzer: &mut TextAnalyzer, text: &str) -> Vec<String> {
    let mut stream = analyzer.token_stream(text);
    let mut out = Vec::new();
    while let Some(tok) = stream.next() {
        out.push(tok.text.clone());
    }
    out
}

pub(super) fn qerr(pos: usize, message: impl Into<String>, hint: impl Into<String>) -> QueryError {
    QueryError {
        column: pos + 1,
        message: message.into(),
        hint: hint.into(),
    }
}

/// `ranges work on dates only`, with a hint for the field it was used on.
pub(super) fn range_error(pos: usize, hint: &str) -> QueryError {
    qerr(pos, "ranges work on dates only", hint)
}

/// A fuzzy term (`corbin~1`) that is several words.
pub(super) fn several_words_error(pos: usize, text: &str) -> QueryError {
    qerr(
        pos,
        format!("`{text}~` is several words"),
        "fuzzy matching works on one word at a time",
    )
}

pub(super) type Q = Box<dyn Query>;

pub(super) fn term_query(field: Field, text: &str) -> Q {
    terms::term_query(field, text, IndexRecordOption::WithFreqs)
}

pub(super) fn select_only(q: Q) -> Q {
    Box::new(ConstScoreQuery::new(q, 0.0))
}

/// Title (boosted) or body.
pub(super) fn either(title: Q, body: Q) -> Q {
    Box::new(BooleanQuery::new(vec![
        (
            Occur::Should,
            Box::new(BoostQuery::new(title, TITLE_BOOST)) as Q,
        ),
        (Occur::Should, body),
    ]))
}

pub(super) fn phrase(field: Field, toks: &[String], slop: u32) -> Q {
    // tantivy's phrase needs two terms or more.
    match toks {
        [] => return Box::new(tantivy::query::EmptyQuery),
        [one] => return term_query(field, one),
        _ => {}
    }
    let terms: Vec<Term> = toks
        .iter()
        .map(|t| Term::from_field_text(field, t))
        .collect();
    let mut q = PhraseQuery::new(terms);
    q.set_slop(slop);
    Box::new(q)
}

/// The terms of `field` that start with `prefix`.
pub(super) fn prefix_query(field: Field, prefix: &str) -> Q {
    Box::new(FuzzyTermQuery::new_prefix(
        Term::from_field_text(field, prefix),
        0,
        false,
    ))
}

/// Words in a row, the last one a prefix (`camp*`, `"door to d"*`).
pub(super) fn words_prefix_query(field: Field, toks: &[String]) -> Q {
    match toks {
        [one] => prefix_query(field, one),
        _ => Box::new(PhrasePrefixQuery::new(
            toks.iter()
                .map(|t| Term::from_field_text(field, t))
                .collect(),
        )),
    }
}

/// The terms of `field` within `distance` edits of `word`, transpositions
/// counting one.
pub(super) fn fuzzy_query(field: Field, word: &str, distance: u8) -> Q {
    Box::new(FuzzyTermQuery::new(
        Term::from_field_text(field, word),
        distance,
        true,
    ))
}

/// A boolean query, with a match-all clause when every clause is negative.
fn boolean(mut clauses: Vec<(Occur, Q)>) -> Option<Q> {
    if clauses.is_empty() {
        return None;
    }
    if clauses.iter().all(|(o, _)| *o == Occur::MustNot) {
        clauses.push((Occur::Must, Box::new(AllQuery)));
    }
    if clauses.len() == 1 && clauses[0].0 == Occur::Must {
        return clauses.pop().map(|(_, q)| q);
    }
    Some(Box::new(BooleanQuery::new(clauses)))
}
