//! From the user's query string to a tantivy query, plus what the snippet
//! code needs to highlight.
//!
//! [`parse`] (in `parse.rs`) turns the string into a [`Node`] tree or a
//! [`QueryError`] with a column and a hint; [`compile`] turns the tree into
//! tantivy queries against the schema's fields:
//!
//! - bare words go to the stemmed `all_text` field (headline and body as
//!   one text), so `campaigns` finds `campaign`; `title:word` to the
//!   stemmed `title`, `body:word` to the unstemmed body words that share
//!   its stem ([`StemVariantsQuery`]); a word that splits in several
//!   (`U.S.`) is matched as an exact phrase, and a hyphenated one
//!   (`e-mail`) also as its joined form (`email`), which the index holds
//!   for every hyphenated word, so `email` and `e-mail` find the same;
//! - quoted phrases, prefixes (`camp*`) and fuzzy words (`corbin~1`) go to
//!   the unstemmed `title_exact` and `body_exact` copies, so `"door to door"`
//!   does not match `doors to doors`;
//! - `section:` and `place:` match whole values (any of an article's);
//!   `byline:` and `source:` match a word (`byline:collinson`) or, quoted,
//!   words in order (`byline:"Stephen Collinson"`, co-bylines included);
//!   `url:` a host (`url:nytimes.com`, `www.` or not) or a prefix
//!   (`url:https://www.nytimes.com/2016/`, scheme ignored); `date:` takes
//!   a year, month, day or `[from TO to]`; these select without scoring;
//! - `person:` matches the people the ingester found: a whole name in
//!   quotes, under any of its forms (`"Donald Trump"` finds `Donald J.
//!   Trump`, not `George H. W. Bush` for `"George W. Bush"`), or one word
//!   of a name.

mod build;
pub mod parse;
mod person;
mod stem_variants;

use std::collections::HashSet;

use tantivy::query::{
    AllQuery, BooleanQuery, BoostQuery, ConstScoreQuery, FuzzyTermQuery, Occur, PhrasePrefixQuery,
    PhraseQuery, Query, TermQuery,
};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::tokenizer::TextAnalyzer;
use tantivy::Term;

pub use build::{build, Criteria};
pub use parse::{is_plain, parse, parse_query, FieldName, Match, Node, ParsedQuery, QueryError};
pub use stem_variants::{shared_prefix, StemVariantsQuery};

use crate::dates::parse_period;
use crate::schema::{self, Fields};
use crate::terms::{self, date_range};

/// Boost of the headline relative to the body.
pub const TITLE_BOOST: f32 = 2.0;

/// What the snippet code should mark in an article's text.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Highlights {
    /// Stemmed words: any word with the same stem is marked.
    pub stems: HashSet<String>,
    /// Exact word sequences (lower-cased, accent-folded), with the number of
    /// other words allowed between them (0 for a plain phrase).
    pub phrases: Vec<(Vec<String>, u32)>,
    /// Word prefixes.
    pub prefixes: Vec<String>,
    /// Words and the edit distance within which others match them.
    pub fuzzy: Vec<(String, u8)>,
    /// People asked for: mentions of these are marked.
    pub people: Vec<PersonMatch>,
}

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

impl Highlights {
    /// Whether there is nothing to mark.
    pub fn is_empty(&self) -> bool {
        self.stems.is_empty()
            && self.phrases.is_empty()
            && self.prefixes.is_empty()
            && self.fuzzy.is_empty()
            && self.people.is_empty()
    }
}

/// A compiled query.
pub struct Compiled {
    /// The tantivy query.
    pub query: Box<dyn Query>,
    /// For a plain query (words, maybe filters), the plan for partial
    /// matching. `None` when the query uses explicit syntax.
    pub relaxed: Option<RelaxedPlan>,
    /// What to highlight in snippets.
    pub highlights: Highlights,
    /// The plain words of the query (not negated, not phrases), as typed,
    /// for "did you mean" suggestions.
    pub words: Vec<String>,
    /// Whether counting all matches in a pass of its own, apart from
    /// collecting the best page, is cheaper than one pass doing both:
    /// true unless the query has a phrase (matched twice), an `OR`
    /// (walking a union twice costs more than skipping blocks saves:
    /// a 10-word OR on a million articles went from 24 to 52 ms) or a
    /// filter.
    pub count_apart: bool,
    /// Words written like a field that name none (`obituary:`), searched
    /// as words: worth a word to the user when nothing matches.
    pub not_fields: Vec<String>,
}

/// Whether a `person:` term of this kind compiles to one scored term (an
/// exact name or word, scored by its mention count) rather than a
/// selection of many names with a separate score.
fn person_is_one_term(kind: &Match) -> bool {
    matches!(kind, Match::Word | Match::Phrase { .. })
}

/// Whether the query has an `OR`, or a clause that only selects
/// (`section:`, `date:`, `person:smi*`, ...): neither can skip blocks, so
/// counting apart would walk the matches twice.
fn has_or_or_filter(node: &Node) -> bool {
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

struct Compiler<'a> {
    f: &'a Fields,
    text: TextAnalyzer,
    exact: TextAnalyzer,
    keyword: TextAnalyzer,
    highlights: Highlights,
    words: Vec<String>,
}

fn tokens(analyzer: &mut TextAnalyzer, text: &str) -> Vec<String> {
    let mut stream = analyzer.token_stream(text);
    let mut out = Vec::new();
    while let Some(tok) = stream.next() {
        out.push(tok.text.clone());
    }
    out
}

fn qerr(pos: usize, message: impl Into<String>, hint: impl Into<String>) -> QueryError {
    QueryError {
        column: pos + 1,
        message: message.into(),
        hint: hint.into(),
    }
}

type Q = Box<dyn Query>;

fn term_query(field: Field, text: &str) -> Q {
    terms::term_query(field, text, IndexRecordOption::WithFreqs)
}

fn select_only(q: Q) -> Q {
    Box::new(ConstScoreQuery::new(q, 0.0))
}

/// One stemmed word: one BM25 over headline and body together, or the
/// headline's stemmed words, or the body words with that stem.
fn stemmed_word(f: &Fields, field: Option<FieldName>, stem: &str) -> Q {
    match field {
        Some(FieldName::Title) => term_query(f.title, stem),
        Some(FieldName::Body) => Box::new(StemVariantsQuery::new(f.body_exact, stem)),
        _ => term_query(f.all_text, stem),
    }
}

/// Title (boosted) or body.
fn either(title: Q, body: Q) -> Q {
    Box::new(BooleanQuery::new(vec![
        (
            Occur::Should,
            Box::new(BoostQuery::new(title, TITLE_BOOST)) as Q,
        ),
        (Occur::Should, body),
    ]))
}

impl Compiler<'_> {
    fn node(&mut self, node: &Node, negated: bool) -> Result<Option<Q>, QueryError> {
        match node {
            Node::And(children) => {
                let mut clauses: Vec<(Occur, Q)> = Vec::new();
                for child in children {
                    match child {
                        Node::Not(inner) => {
                            if let Some(q) = self.node(inner, !negated)? {
                                clauses.push((Occur::MustNot, q));
                            }
                        }
                        _ => {
                            if let Some(q) = self.node(child, negated)? {
                                clauses.push((Occur::Must, q));
                            }
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

    fn leaf(
        &mut self,
        field: Option<FieldName>,
        text: &str,
        kind: &Match,
        pos: usize,
        negated: bool,
    ) -> Result<Option<Q>, QueryError> {
        use FieldName as F;
        let f = self.f;
        match field {
            None | Some(F::Title) | Some(F::Body) => {
                let pick = |title: Q, body: Q| -> Q {
                    match field {
                        Some(F::Title) => title,
                        Some(F::Body) => body,
                        _ => either(title, body),
                    }
                };
                match kind {
                    Match::Word => {
                        let toks = tokens(&mut self.text, text);
                        let joined = self.hyphen_joined(text);
                        if !negated {
                            if toks.len() == 1 && field.is_none() {
                                self.words.push(text.to_string());
                            }
                            if toks.len() > 1 {
                                let exact = tokens(&mut self.exact, text);
                                self.highlights.phrases.push((exact, 0));
                            } else {
                                self.highlights.stems.extend(toks.iter().cloned());
                            }
                            self.highlights.stems.extend(joined.iter().cloned());
                        }
                        Ok(match toks.len() {
                            0 => None,
                            1 => Some(stemmed_word(f, field, &toks[0])),
                            _ => {
                                let exact = tokens(&mut self.exact, text);
                                let parts = pick(
                                    phrase(f.title_exact, &exact, 0),
                                    phrase(f.body_exact, &exact, 0),
                                );
                                Some(match joined {
                                    // `e-mail`: the parts in a row, or `email`.
                                    Some(stem) => Box::new(BooleanQuery::new(vec![
                                        (Occur::Should, parts),
                                        (Occur::Should, stemmed_word(f, field, &stem)),
                                    ])),
                                    None => parts,
                                })
                            }
                        })
                    }
                    Match::Phrase { slop } => {
                        let toks = tokens(&mut self.exact, text);
                        if !negated && !toks.is_empty() {
                            self.highlights.phrases.push((toks.clone(), *slop));
                        }
                        Ok(match toks.len() {
                            0 => None,
                            1 => Some(pick(
                                term_query(f.title_exact, &toks[0]),
                                term_query(f.body_exact, &toks[0]),
                            )),
                            _ => Some(pick(
                                phrase(f.title_exact, &toks, *slop),
                                phrase(f.body_exact, &toks, *slop),
                            )),
                        })
                    }
                    Match::Prefix => {
                        let toks = tokens(&mut self.exact, text);
                        let Some(last) = toks.last() else {
                            return Ok(None);
                        };
                        if !negated {
                            self.highlights.prefixes.push(last.clone());
                        }
                        let make = |field: Field| -> Q {
                            if toks.len() == 1 {
                                Box::new(FuzzyTermQuery::new_prefix(
                                    Term::from_field_text(field, last),
                                    0,
                                    false,
                                ))
                            } else {
                                let terms = toks
                                    .iter()
                                    .map(|t| Term::from_field_text(field, t))
                                    .collect();
                                Box::new(PhrasePrefixQuery::new(terms))
                            }
                        };
                        Ok(Some(pick(make(f.title_exact), make(f.body_exact))))
                    }
                    Match::Fuzzy { distance } => {
                        let toks = tokens(&mut self.exact, text);
                        if toks.is_empty() {
                            return Ok(None);
                        }
                        if toks.len() > 1 {
                            return Err(qerr(
                                pos,
                                format!("`{text}~` is several words"),
                                "fuzzy matching works on one word at a time",
                            ));
                        }
                        if !negated {
                            self.highlights.fuzzy.push((toks[0].clone(), *distance));
                        }
                        let make = |field: Field| -> Q {
                            Box::new(FuzzyTermQuery::new(
                                Term::from_field_text(field, &toks[0]),
                                *distance,
                                true,
                            ))
                        };
                        Ok(Some(pick(make(f.title_exact), make(f.body_exact))))
                    }
                    Match::Range { .. } => Err(qerr(
                        pos,
                        "ranges work on dates only",
                        "write date:[2016-01-01 TO 2016-05-05]",
                    )),
                }
            }
            Some(F::Byline) | Some(F::Source) => {
                let target = if field == Some(F::Byline) {
                    f.byline_text
                } else {
                    f.source_text
                };
                self.words_of(target, text, kind, pos)
                    .map(|q| q.map(select_only))
            }
            Some(F::Section) | Some(F::Place) => {
                let target = match field {
                    Some(F::Section) => f.section,
                    _ => f.place,
                };
                let value = tokens(&mut self.keyword, text.trim()).concat();
                if value.is_empty() {
                    return Ok(None);
                }
                let q: Q = match kind {
                    Match::Word | Match::Phrase { .. } => term_query(target, &value),
                    Match::Prefix => Box::new(FuzzyTermQuery::new_prefix(
                        Term::from_field_text(target, &value),
                        0,
                        false,
                    )),
                    Match::Fuzzy { distance } => Box::new(FuzzyTermQuery::new(
                        Term::from_field_text(target, &value),
                        *distance,
                        true,
                    )),
                    Match::Range { .. } => {
                        return Err(qerr(
                            pos,
                            "ranges work on dates only",
                            "write date:[2016-01-01 TO 2016-05-05]",
                        ))
                    }
                };
                Ok(Some(select_only(q)))
            }
            Some(F::Id) => Ok(Some(select_only(term_query(f.id, text)))),
            Some(F::Url) => {
                if matches!(kind, Match::Range { .. }) {
                    return Err(qerr(
                        pos,
                        "ranges work on dates only",
                        "write url:nytimes.com or url:https://www.nytimes.com/2016/",
                    ));
                }
                let key = schema::url_key(text);
                if key.is_empty() {
                    return Ok(None);
                }
                let term = Term::from_field_text(f.url_parts, &key);
                // A host alone is a whole key (`nytimes.com` is not
                // `nytimes.community.org`); anything longer a prefix.
                let q: Q = if key.contains(['/', '?', '#']) {
                    Box::new(FuzzyTermQuery::new_prefix(term, 0, false))
                } else {
                    Box::new(TermQuery::new(term, IndexRecordOption::Basic))
                };
                Ok(Some(select_only(q)))
            }
            Some(F::Date) => {
                let bad = |v: &str| {
                    qerr(
                        pos,
                        format!("`{v}` is not a date"),
                        "write date:2016, date:2016-05, date:2016-05-03 or date:[2016-01-01 TO 2016-05-05]",
                    )
                };
                let (lower, upper) = match kind {
                    Match::Range { from, to } => {
                        let lower = match from {
                            Some(v) => Some(parse_period(v).ok_or_else(|| bad(v))?.0),
                            None => None,
                        };
                        let upper = match to {
                            Some(v) => Some(parse_period(v).ok_or_else(|| bad(v))?.1),
                            None => None,
                        };
                        (lower, upper)
                    }
                    _ => {
                        let (a, b) = parse_period(text).ok_or_else(|| bad(text))?;
                        (Some(a), Some(b))
                    }
                };
                Ok(Some(select_only(date_range(f.date, lower, upper))))
            }
            Some(F::Person) => self.person(text, kind, pos, negated).map(Some),
        }
    }
}

impl Compiler<'_> {
    /// The stem of a hyphenated word's parts joined (`e-mail` gives
    /// `email`), as the index holds it beside the parts; `None` unless
    /// the word is two or more parts with one hyphen between each.
    fn hyphen_joined(&mut self, text: &str) -> Option<String> {
        let mut stream = self.exact.token_stream(text);
        let mut joined = String::new();
        let mut parts = 0;
        let mut prev_end = None;
        while let Some(tok) = stream.next() {
            if let Some(end) = prev_end {
                let hyphen = text[end..].chars().next().map_or(0, char::len_utf8);
                if !schema::hyphen_follows(text, end) || tok.offset_from != end + hyphen {
                    return None;
                }
            }
            joined.push_str(&tok.text);
            parts += 1;
            prev_end = Some(tok.offset_to);
        }
        if parts < 2 {
            return None;
        }
        let stems = tokens(&mut self.text, &joined);
        (stems.len() == 1).then(|| stems.into_iter().next().expect("one"))
    }

    /// A `byline:` or `source:` term over the words of the value: one word
    /// (`byline:collinson`), words in order (`byline:"Stephen Collinson"`,
    /// which also finds `Analysis Stephen Collinson` and co-bylines), a
    /// prefix or a fuzzy word.
    fn words_of(
        &mut self,
        target: Field,
        text: &str,
        kind: &Match,
        pos: usize,
    ) -> Result<Option<Q>, QueryError> {
        let toks = tokens(&mut self.exact, text);
        let Some(last) = toks.last() else {
            return Ok(None);
        };
        Ok(Some(match kind {
            Match::Word | Match::Phrase { .. } if toks.len() == 1 => term_query(target, last),
            Match::Word => phrase(target, &toks, 0),
            Match::Phrase { slop } => phrase(target, &toks, *slop),
            Match::Prefix if toks.len() == 1 => Box::new(FuzzyTermQuery::new_prefix(
                Term::from_field_text(target, last),
                0,
                false,
            )),
            Match::Prefix => Box::new(PhrasePrefixQuery::new(
                toks.iter()
                    .map(|t| Term::from_field_text(target, t))
                    .collect(),
            )),
            Match::Fuzzy { distance } if toks.len() == 1 => Box::new(FuzzyTermQuery::new(
                Term::from_field_text(target, last),
                *distance,
                true,
            )),
            Match::Fuzzy { .. } => {
                return Err(qerr(
                    pos,
                    format!("`{text}~` is several words"),
                    "fuzzy matching works on one word at a time",
                ))
            }
            Match::Range { .. } => {
                return Err(qerr(
                    pos,
                    "ranges work on dates only",
                    "write byline:smith or byline:\"Jane Smith\"",
                ))
            }
        }))
    }

    /// `person:khan` matches a word of a name; `person:"Sadiq Khan"` a
    /// whole name (either case- and accent-insensitively). Articles that
    /// use the name's last word more often ("Khan", "Mr Khan") rank higher.
    fn person(
        &mut self,
        text: &str,
        kind: &Match,
        pos: usize,
        negated: bool,
    ) -> Result<Q, QueryError> {
        let f = self.f;
        let words = tokens(&mut self.exact, text);
        if words.is_empty() {
            return Err(qerr(
                pos,
                "`person:` needs a name",
                "write person:khan or person:\"Sadiq Khan\"",
            ));
        }
        // An exact name scores by how often the article names the person
        // (the indexed term frequency): one term, so a top-10 search skips
        // blocks of articles that cannot make the page.
        let (query, spec): (Q, PersonMatch) = match kind {
            Match::Prefix => {
                let last = words.last().expect("non-empty");
                let q = Box::new(FuzzyTermQuery::new_prefix(
                    Term::from_field_text(f.person_text, last),
                    0,
                    false,
                ));
                (q, PersonMatch::Prefix(last.clone()))
            }
            Match::Fuzzy { distance } if words.len() == 1 => {
                let q = Box::new(FuzzyTermQuery::new(
                    Term::from_field_text(f.person_text, &words[0]),
                    *distance,
                    true,
                ));
                // Mentions are marked for the names the index holds, below.
                (q, PersonMatch::Word(words[0].clone()))
            }
            Match::Range { .. } => {
                return Err(qerr(
                    pos,
                    "ranges work on dates only",
                    "write person:\"Sadiq Khan\"",
                ))
            }
            _ if words.len() == 1 => (
                term_query(f.person_text, &words[0]),
                PersonMatch::Word(words[0].clone()),
            ),
            // Every form of the name: with or without middle initials,
            // dots or a suffix (`crate::people::Variant`), and the surname
            // alone where the archive links it to the name.
            _ => {
                let name = words.join(" ");
                (
                    Box::new(person::PersonNameQuery::new(f, &name)),
                    PersonMatch::Name(name),
                )
            }
        };
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

fn phrase(field: Field, toks: &[String], slop: u32) -> Q {
    let terms: Vec<Term> = toks
        .iter()
        .map(|t| Term::from_field_text(field, t))
        .collect();
    let mut q = PhraseQuery::new(terms);
    q.set_slop(slop);
    Box::new(q)
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

/// Parses and compiles a query for the schema's fields.
pub fn compile(input: &str, fields: &Fields) -> Result<Compiled, QueryError> {
    let ParsedQuery { node, not_fields } = parse_query(input)?;
    let mut c = Compiler {
        f: fields,
        text: schema::text_analyzer(),
        exact: schema::exact_analyzer(),
        keyword: schema::keyword_analyzer(),
        highlights: Highlights::default(),
        words: Vec::new(),
    };
    let query = c.node(&node, false)?.ok_or_else(|| {
        qerr(
            0,
            "the query has no searchable words",
            "use letters or digits; punctuation and symbols are not indexed",
        )
    })?;
    let relaxed = if is_plain(input) {
        c.relaxed(&node)?
    } else {
        None
    };
    let count_apart = c.highlights.phrases.is_empty() && !has_or_or_filter(&node);
    Ok(Compiled {
        query,
        relaxed,
        highlights: c.highlights,
        words: c.words,
        count_apart,
        not_fields,
    })
}

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
}

impl Compiler<'_> {
    /// Splits a plain query into content words and filters; `None` when it
    /// has fewer than two content words (relaxing would change nothing).
    fn relaxed(&mut self, node: &Node) -> Result<Option<RelaxedPlan>, QueryError> {
        let leaves: Vec<&Node> = match node {
            Node::And(children) => children.iter().collect(),
            leaf => vec![leaf],
        };
        let mut plan = RelaxedPlan {
            words: Vec::new(),
            filters: Vec::new(),
        };
        for leaf in leaves {
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
                    if exact.is_empty() || exact.iter().all(|t| STOP_WORDS.contains(&t.as_str())) {
                        continue;
                    }
                    // `e-mail` is one word, `email`, which the index also
                    // holds for every `e-mail`.
                    let stems = match self.hyphen_joined(text) {
                        Some(joined) => vec![joined],
                        None => tokens(&mut self.text, text),
                    };
                    if plan.words.iter().any(|w| w.stems == stems) {
                        continue;
                    }
                    plan.words.push(RelaxedWord {
                        typed: text.clone(),
                        stems,
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
                return stemmed_word(f, w.field, &w.stems[0]);
            }
            let (title, body) = (
                phrase(f.title_exact, &w.exact, 0),
                phrase(f.body_exact, &w.exact, 0),
            );
            match w.field {
                Some(FieldName::Title) => title,
                Some(FieldName::Body) => body,
                _ => either(title, body),
            }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn highlights_follow_the_query() {
        let (_, f) = schema::build();
        let c = compile("campaigns \"Door to door\" camp* corbin~1 -khan", &f).unwrap();
        assert!(c.highlights.stems.contains("campaign"));
        assert!(
            !c.highlights.stems.contains("khan"),
            "negated words are not marked"
        );
        assert_eq!(
            c.highlights.phrases,
            vec![(vec!["door".into(), "to".into(), "door".into()], 0)]
        );
        assert_eq!(c.highlights.prefixes, vec!["camp".to_string()]);
        assert_eq!(c.highlights.fuzzy, vec![("corbin".to_string(), 1)]);
        assert_eq!(c.words, vec!["campaigns".to_string()]);
    }

    #[test]
    fn hyphenated_words_are_also_joined() {
        let (_, f) = schema::build();
        let c = compile("e-mail", &f).unwrap();
        assert!(c.highlights.stems.contains("email"));
        assert_eq!(
            c.highlights.phrases,
            vec![(vec!["e".into(), "mail".into()], 0)]
        );
        let c = compile("U.S. e-mail-based x--y", &f).unwrap();
        assert!(!c.highlights.stems.contains("us"));
        assert!(c.highlights.stems.contains("emailbas"));
        assert!(!c.highlights.stems.contains("xy"));
        let c = compile("send e-mail", &f).unwrap();
        let plan = c.relaxed.unwrap();
        assert_eq!(plan.words[1].stems, vec!["email".to_string()]);
    }

    #[test]
    fn pasted_headlines_search_their_words() {
        let (_, f) = schema::build();
        let c = compile("Obituary: Dame Alicia Markova", &f).unwrap();
        assert_eq!(c.not_fields, vec!["obituary".to_string()]);
        assert!(c.highlights.stems.contains("obituari"));
        assert!(c.relaxed.is_some());
        let c = compile("https://www.bbc.co.uk/news/uk-politics-123", &f).unwrap();
        assert!(c.not_fields.is_empty());
        assert!(format!("{:?}", c.query).contains("www.bbc.co.uk/news/uk-politics-123"));
        for q in [
            "url:nytimes.com",
            "url:https://www.nytimes.com/2016/",
            "byline:collinson",
        ] {
            assert!(compile(q, &f).is_ok(), "{q}");
        }
        assert!(compile("byline:[a TO b]", &f).is_err());
        assert!(compile("byline:stephen~1 source:cn*", &f).is_ok());
        assert!(compile("byline:o'neill~1", &f).is_err());
    }

    #[test]
    fn symbols_only_is_an_error_not_a_match_all() {
        let (_, f) = schema::build();
        let e = compile("😀 !!!", &f).err().unwrap();
        assert!(e.message.contains("no searchable words"));
        assert!(compile("date:someday", &f).is_err());
        assert!(compile("title:[a TO b]", &f).is_err());
    }
}
