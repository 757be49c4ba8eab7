//! From the user's query string to a tantivy query, plus what the snippet
//! code needs to highlight.
//!
//! [`parse()`] (in `parse.rs`) turns the string into a [`Node`] tree or a
//! [`QueryError`] with a column and a hint; [`compile`] turns the tree into
//! tantivy queries against the schema's fields:
//!
//! - bare words match the stemmed `title` and the unstemmed body words
//!   that share their stem, scored as one text ([`StemQuery`]), so
//!   `campaigns` finds `campaign`; `title:word` the stemmed `title`,
//!   `body:word` the body's words alone; a word that splits in several
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
//!   a year, month, day or `[from TO to]` of the article's own day (where
//!   it was published); these select without scoring;
//! - `person:` matches the people the ingester found: a whole name in
//!   quotes, under any of its forms (`"Donald Trump"` finds `Donald J.
//!   Trump`, not `George H. W. Bush` for `"George W. Bush"`), or one word
//!   of a name.
//!
//! One job a file: `compiler.rs` walks the tree and sends each leaf to its
//! field group (`text_fields.rs`, `keyword_fields.rs`, `person.rs`);
//! `highlights.rs` is what the snippet code marks, `relaxed.rs` the plan
//! for closest matches when not every word matches, `build.rs` adds the
//! filters the front ends give apart from the query string.

mod build;
mod compiler;
mod highlights;
mod keyword_fields;
mod languages;
pub mod parse;
mod person;
mod question;
mod relaxed;
mod stem_union;
mod stem_variants;
mod text_fields;

use tantivy::query::Query;

pub use build::{build, Criteria};
pub use highlights::Highlights;
pub use languages::Stemming;
pub use parse::{is_plain, parse, parse_query, FieldName, Match, Node, ParsedQuery, QueryError};
pub use person::PersonMatch;
pub use relaxed::{relaxed_query, RelaxedPlan, RelaxedWord, COORDINATION_BONUS};
pub use stem_variants::{variants, StemQuery};

use crate::schema::Fields;
use compiler::{has_or_or_filter, qerr, Compiler};

/// Boost of the headline relative to the body.
pub const TITLE_BOOST: f32 = 2.0;

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
    /// The function words of a query typed as a question (`why`, `did`),
    /// left out of the search (`question.rs`), lower-cased.
    pub left_out: Vec<String>,
}

/// Parses and compiles a query for the schema's fields, its words stemmed
/// as the index's languages stem them.
pub fn compile(input: &str, fields: &Fields, stemming: &Stemming) -> Result<Compiled, QueryError> {
    let ParsedQuery { node, not_fields } = parse_query(input)?;
    let plain = is_plain(input);
    let mut c = Compiler::new(fields, stemming);
    c.left_out = question::function_words(&node, input, plain);
    let query = c.node(&node, false)?.ok_or_else(|| {
        qerr(
            0,
            "the query has no searchable words",
            "use letters or digits; punctuation and symbols are not indexed",
        )
    })?;
    let relaxed = if plain { c.relaxed(&node)? } else { None };
    let count_apart = c.highlights.phrases.is_empty() && !has_or_or_filter(&node);
    Ok(Compiled {
        query,
        relaxed,
        highlights: c.highlights,
        words: c.words,
        count_apart,
        not_fields,
        left_out: c.left_out,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::schema;

    #[test]
    fn symbols_only_is_an_error_not_a_match_all() {
        let (_, f) = schema::build();
        let en = Stemming::english();
        let e = compile("😀 !!!", &f, &en).err().unwrap();
        assert!(e.message.contains("no searchable words"));
        assert!(compile("date:someday", &f, &en).is_err());
        assert!(compile("title:[a TO b]", &f, &en).is_err());
    }
}
