//! The relaxed plan: closest matches when not every word of a plain query
//! matches. A plain query (words, maybe filters) is split into its content
//! words, each made optional, and its filters, still required;
//! [`relaxed_query`] scores an article by how many of the words it has
//! ([`COORDINATION_BONUS`] each), then BM25.
//!
//! [`super::compile`] makes the plan with the compiler (`compiler.rs`);
//! `crate::search` builds the query when the strict one finds too little,
//! and reranks with the bonus. Words are matched as `text_fields.rs`
//! matches them.

use tantivy::query::{BooleanQuery, ConstScoreQuery, Occur, Query};

use super::compiler::{phrase, tokens, Compiler, Q};
use super::parse::{FieldName, Node, QueryError};
use super::stem_variants::Lookups;
use super::text_fields::{any_stem, exact_fields, stemmed_word};
use crate::language::{has_bigrammed, Stem};
use crate::schema::Fields;

/// Score added for each query word an article contains, on top of BM25, in
/// relaxed matching: large against a typical BM25 term score (1-8), it
/// makes "matches more of the words" the first criterion and BM25 (rarer
/// words, more occurrences, headline) the second. Measured on the
/// paraphrase set: 0 gives MRR 0.73, 1 0.74, 10 0.75, 30 0.74; weighting the
/// bonus by IDF did worse (0.65-0.74).
pub const COORDINATION_BONUS: f32 = 10.0;

/// Words too common to count towards "matches more of the words".
const STOP_WORDS: &[&str] = &[
    "a", "about", "after", "all", "also", "an", "and", "any", "are", "as", "at", "be", "been",
    "but", "by", "can", "could", "did", "do", "does", "for", "from", "get", "gets", "got", "had",
    "has", "have", "he", "her", "his", "how", "i", "if", "in", "into", "is", "it", "its", "more",
    "new", "not", "of", "on", "one", "or", "our", "out", "over", "s", "she", "so", "some", "t",
    "than", "that", "the", "their", "them", "then", "there", "they", "this", "to", "up", "us",
    "was", "we", "were", "what", "when", "which", "who", "will", "with", "would", "you",
];

/// A content word of a plain query, for relaxed matching.
#[derive(Debug, Clone, PartialEq)]
pub struct RelaxedWord {
    /// The word as typed.
    pub typed: String,
    /// Its stems (several for `war-torn`).
    pub stems: Vec<String>,
    /// For a one-stem word, its stems in the index's other languages
    /// (`crate::query::Stemming`), any of which matches too, each with
    /// the stemmer of its Latin words.
    pub other_stems: Vec<(String, Stem)>,
    /// Its unstemmed words, for a word that splits in several.
    pub exact: Vec<String>,
    /// `title:` or `body:` if the word was restricted to one.
    pub field: Option<FieldName>,
}

/// The relaxed form of a plain query: its content words, each optional,
/// and its filters, still required. Built into a query by
/// [`relaxed_query`] once index statistics are at hand.
pub struct RelaxedPlan {
    /// Content words (stop words and repeats left out).
    pub words: Vec<RelaxedWord>,
    /// Required clauses (`section:`, `date:`, ...).
    pub filters: Vec<Box<dyn Query>>,
    /// The lookups of the query's stemmed words, which the relaxed query
    /// shares.
    pub(crate) lookups: Lookups,
}

impl RelaxedPlan {
    /// Adds a word, unless one with the same stems is there.
    fn push(&mut self, word: RelaxedWord) {
        if !self.words.iter().any(|w| w.stems == word.stems) {
            self.words.push(word);
        }
    }
}

impl Compiler<'_> {
    /// Splits a plain query into content words and filters; `None` when it
    /// has fewer than two content words (relaxing would change nothing).
    pub(super) fn relaxed(&mut self, node: &Node) -> Result<Option<RelaxedPlan>, QueryError> {
        let leaves: Vec<&Node> = match node {
            Node::And(children) => children.iter().collect(),
            leaf => vec![leaf],
        };
        let mut plan = RelaxedPlan {
            words: Vec::new(),
            filters: Vec::new(),
            lookups: self.lookups.clone(),
        };
        for leaf in leaves {
            if self.is_left_out(leaf) {
                continue;
            }
            let Node::Leaf {
                field,
                text,
                kind,
                pos,
            } = leaf
            else {
                return Ok(None);
            };
            match field {
                None | Some(FieldName::Title) | Some(FieldName::Body) => {
                    let exact = tokens(&mut self.exact, text);
                    if exact.is_empty()
                        || exact.iter().all(|t| STOP_WORDS.contains(&t.as_str()))
                        || self.stemming.is_stop_word(text)
                    {
                        continue;
                    }
                    if exact.len() > 1 && exact.iter().any(|t| has_bigrammed(t)) {
                        // Unspaced Chinese or Japanese (`IPO申报放缓`):
                        // each pair of characters, and each word in
                        // other letters, counts as a word; a character
                        // alone (the end of a run) does not.
                        for part in exact {
                            if has_bigrammed(&part) && part.chars().nth(1).is_none() {
                                continue;
                            }
                            // The part's stem, if it is one word once
                            // lower-cased (`İ` is two).
                            let mut stems = tokens(&mut self.text, &part);
                            if has_bigrammed(&part) || stems.len() != 1 {
                                stems = vec![part.clone()];
                            }
                            plan.push(RelaxedWord {
                                typed: part.clone(),
                                stems,
                                other_stems: Vec::new(),
                                exact: vec![part],
                                field: *field,
                            });
                        }
                        continue;
                    }
                    // `e-mail` is one word, `email`, which the index also
                    // holds for every `e-mail`.
                    let mut variants = self.stems_in_languages(text);
                    let stems = match self.hyphen_joined(text) {
                        Some(joined) => vec![joined],
                        None => variants.remove(0).0,
                    };
                    let other_stems = variants
                        .into_iter()
                        .filter(|(v, _)| v.len() == 1 && stems.len() == 1)
                        .map(|(mut v, latin)| (v.remove(0), latin))
                        .collect();
                    plan.push(RelaxedWord {
                        typed: text.clone(),
                        stems,
                        other_stems,
                        exact,
                        field: *field,
                    });
                }
                _ => {
                    if let Some(q) = self.leaf(*field, text, kind, *pos, false)? {
                        plan.filters.push(q);
                    }
                }
            }
        }
        Ok((plan.words.len() >= 2).then_some(plan))
    }
}

/// The relaxed query: every content word optional (at least one
/// required), each scored by BM25 over headline and body plus
/// [`COORDINATION_BONUS`], so articles that match more of the words come
/// first and, among those, BM25 (rarer words, more often) decides.
pub fn relaxed_query(plan: &RelaxedPlan, f: &Fields) -> Box<dyn Query> {
    let mut should: Vec<(Occur, Q)> = Vec::new();
    for w in &plan.words {
        let matcher = || -> Q {
            if w.stems.len() == 1 {
                // The first stem is English's (or a joined word's).
                let first = (w.stems[0].clone(), Stem::English);
                if w.other_stems.is_empty() {
                    return stemmed_word(f, w.field, &first.0, first.1, &plan.lookups);
                }
                let mut all = vec![first];
                all.extend(w.other_stems.iter().cloned());
                return any_stem(f, w.field, &all, &plan.lookups);
            }
            exact_fields(f, w.field, |target| phrase(target, &w.exact, 0))
        };
        should.push((Occur::Should, matcher()));
        should.push((
            Occur::Should,
            Box::new(ConstScoreQuery::new(matcher(), COORDINATION_BONUS)),
        ));
    }
    let any_word: Q = Box::new(BooleanQuery::new(should));
    if plan.filters.is_empty() {
        return any_word;
    }
    let mut clauses: Vec<(Occur, Q)> = plan
        .filters
        .iter()
        .map(|q| (Occur::Must, q.box_clone()))
        .collect();
    clauses.push((Occur::Must, any_word));
    Box::new(BooleanQuery::new(clauses))
}
