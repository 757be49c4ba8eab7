//! `person:`: the people the ingester found. A word of a name
//! (`person:khan`), a prefix (`person:kha*`), a fuzzy word, or a whole
//! name in quotes under any of its forms (`"Donald Trump"` finds `Donald
//! J. Trump`, not `George H. W. Bush` for `"George W. Bush"`).
//! [`PersonMatch`] says which people a term asks for, for the snippet
//! code and a hit's people (`crate::search`); the compiler's walk
//! (`compiler.rs`) calls `Compiler::person` here. Names are read with
//! `crate::people` (normalised forms, [`Variant`], the surname rule).
//!
//! [`PersonNameQuery`] is `person:"Donald Trump"`: every form of the full
//! name, and the articles that name the person by surname alone when the
//! archive links that surname to the name (`crate::person_links`).
//!
//! The link depends on the whole index, so it is looked up when the query
//! meets a searcher (in [`Query::weight`], as `StemQuery` looks up
//! a stem's words): compiling a query stays a pure function of its text.
//! A search weighs its query more than once (a count, then the page), so
//! the lookup is kept for the searcher's generation: on the 1x benchmark
//! corpus it was done twice per `person:"Donald Trump"`, 23M instructions
//! each.

use std::sync::{Arc, Mutex};
use tantivy::query::{BooleanQuery, BoostQuery, EnableScoring, Occur, Query, TermQuery, Weight};
use tantivy::schema::IndexRecordOption;

use tantivy::{Searcher, SearcherGeneration, Term};

use super::compiler::{
    either, fuzzy_query, prefix_query, qerr, range_error, select_only, term_query, tokens,
    Compiler, Leaf, Q,
};
use super::parse::{Match, QueryError};
use crate::people::name_forms::key_term;
use crate::people::Variant;
use crate::schema::Fields;

/// How a `person:` term picks people.
#[derive(Debug, Clone, PartialEq)]
pub enum PersonMatch {
    /// A whole canonical name, normalised (`person:"Sadiq Khan"`); it
    /// matches every form of the name (`crate::people::Variant`).
    Name(String),
    /// One word of a name, normalised (`person:khan`).
    Word(String),
    /// A prefix of a word of a name (`person:kha*`).
    Prefix(String),
}

impl PersonMatch {
    /// Whether a canonical name is one this term asks for.
    pub fn matches(&self, name: &str) -> bool {
        let norm = crate::people::normalise(name);
        let mut words = norm
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty());
        match self {
            PersonMatch::Name(n) => {
                crate::people::Variant::of(n).compatible(&crate::people::Variant::of(name))
            }
            PersonMatch::Word(w) => words.any(|x| x == w),
            PersonMatch::Prefix(p) => words.any(|x| x.starts_with(p.as_str())),
        }
    }
}

impl PersonMatch {
    /// Whether a one-word name is the surname of the whole name this term
    /// asks for (`Trump` for `person:"Donald Trump"`): what a link across
    /// articles matched (`crate::person_links`).
    pub fn surname_alone(&self, name: &str) -> bool {
        let PersonMatch::Name(n) = self else {
            return false;
        };
        let asked = crate::people::Variant::of(n);
        let found = crate::people::Variant::of(name);
        !found.key.contains(' ')
            && crate::people::link_rule::surname(&asked) == Some(found.key.as_str())
    }
}

/// Whether a `person:` term of this kind compiles to one scored term (an
/// exact name or word, scored by its mention count) rather than a
/// selection of many names with a separate score.
pub(super) fn person_is_one_term(kind: &Match) -> bool {
    matches!(kind, Match::Word | Match::Phrase { .. })
}

impl Compiler<'_> {
    /// `person:khan` matches a word of a name; `person:"Sadiq Khan"` a
    /// whole name (either case- and accent-insensitively). Articles that
    /// use the name's last word more often ("Khan", "Mr Khan") rank higher.
    pub(super) fn person(&mut self, leaf: &Leaf) -> Result<Q, QueryError> {
        let Leaf {
            text,
            kind,
            pos,
            negated,
        } = *leaf;
        let f = self.f;
        let words = tokens(&mut self.exact, text);
        if words.is_empty() {
            return Err(qerr(
                pos,
                "`person:` needs a name",
                "write person:khan or person:\"Sadiq Khan\"",
            ));
        }
        let (query, spec) = person_term(f, text, &words, kind, pos)?;
        if !negated {
            self.highlights.people.push(spec);
        }
        if person_is_one_term(kind) {
            return Ok(query);
        }
        // A prefix or fuzzy name matches many names, each scored alike:
        // rank by how often the article uses the name's last word.
        let last = words.last().expect("non-empty");
        let boost: Q = either(
            term_query(f.title_exact, last),
            term_query(f.body_exact, last),
        );
        Ok(Box::new(BooleanQuery::new(vec![
            (Occur::Must, select_only(query)),
            (Occur::Should, boost),
        ])))
    }
}

/// The query for a `person:` term (`text` as written, cut into non-empty
/// `words`), and the people it asks for.
fn person_term(
    f: &Fields,
    text: &str,
    words: &[String],
    kind: &Match,
    pos: usize,
) -> Result<(Q, PersonMatch), QueryError> {
    // An exact name scores by how often the article names the person
    // (the indexed term frequency): one term, so a top-10 search skips
    // blocks of articles that cannot make the page.
    Ok(match kind {
        Match::Prefix => {
            let last = words.last().expect("non-empty");
            (
                prefix_query(f.person_text, last),
                PersonMatch::Prefix(last.clone()),
            )
        }
        Match::Fuzzy { distance } if words.len() == 1 => (
            fuzzy_query(f.person_text, &words[0], *distance),
            // Mentions are marked for the names the index holds, below.
            PersonMatch::Word(words[0].clone()),
        ),
        Match::Range { .. } => return Err(range_error(pos, "write person:\"Sadiq Khan\"")),
        _ if words.len() == 1 => (
            term_query(f.person_text, &words[0]),
            PersonMatch::Word(words[0].clone()),
        ),
        // Every form of the name: with or without middle initials,
        // dots or a suffix (`crate::people::Variant`), and the surname
        // alone where the archive links it to the name. A quoted name is
        // read as the index read it (`Variant::of` the name as written):
        // its words would cut `O'Driscoll` into `o driscoll`.
        _ => {
            let name = match kind {
                Match::Phrase { .. } => crate::people::normalise(text),
                _ => words.join(" "),
            };
            (
                Box::new(PersonNameQuery::new(f, &name)) as Q,
                PersonMatch::Name(name),
            )
        }
    })
}

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

#[cfg(test)]
mod tests {
    use crate::query::{build, Criteria, Stemming};

    /// Issue #25: a quoted name with an apostrophe finds its articles
    /// (`O'Driscoll` was cut into `o driscoll`, a name no article has), so
    /// the person's page of a name from the people list is never empty.
    #[test]
    fn a_name_with_an_apostrophe_finds_its_articles() {
        let (index, f) = crate::testdata::ram_index(&[
            (
                "sport",
                "Ireland win",
                "Brian O'Driscoll scored twice. O'Driscoll said the team was ready.",
            ),
            (
                "sport",
                "Lions tour",
                "Captain Brian O’Driscoll led the Lions.",
            ),
            ("sport", "Wales lose", "Gareth Thomas was injured."),
        ]);
        let s = index.reader().unwrap().searcher();
        let count = |c: &Criteria| {
            build(&f, &Stemming::of_index(&s, &f), c)
                .unwrap()
                .query
                .count(&s)
                .unwrap()
        };
        for typed in ["Brian O'Driscoll", "brian o’driscoll"] {
            let c = Criteria {
                people: vec![typed.into()],
                ..Criteria::default()
            };
            assert_eq!(count(&c), 2, "{typed}");
        }
        assert_eq!(count(&Criteria::query("person:\"Brian O'Driscoll\"")), 2);
        assert_eq!(count(&Criteria::query("person:driscoll")), 2);
    }
}
