//! Leaves over an article's labels rather than its text: `byline:` and
//! `source:` (words of the value), `section:` and `place:` (whole values),
//! `id:`, `url:` (a host or a prefix) and `date:` (a period or a range).
//! These select without scoring, so they never move BM25.
//!
//! Called by the compiler's walk (`compiler.rs`); talks to the schema's
//! fields and its keyword and URL forms, `crate::dates` for periods and
//! `crate::terms` for date ranges.

use tantivy::schema::{Field, IndexRecordOption};

use super::compiler::{
    fuzzy_query, phrase, prefix_query, qerr, range_error, select_only, several_words_error,
    term_query, tokens, words_prefix_query, Compiler, Leaf, Q,
};
use super::parse::{Match, QueryError};
use crate::dates::parse_period;
use crate::schema::{self, Fields};
use crate::terms::{self, date_range};

impl Compiler<'_> {
    /// A `byline:` or `source:` term over the words of the value: one word
    /// (`byline:collinson`), words in order (`byline:"Stephen Collinson"`,
    /// which also finds `Analysis Stephen Collinson` and co-bylines), a
    /// prefix or a fuzzy word.
    pub(super) fn words_of(&mut self, target: Field, leaf: &Leaf) -> Result<Option<Q>, QueryError> {
        let Leaf {
            text, kind, pos, ..
        } = *leaf;
        let toks = tokens(&mut self.exact, text);
        let Some(last) = toks.last() else {
            return Ok(None);
        };
        let q = match kind {
            Match::Word | Match::Phrase { .. } if toks.len() == 1 => term_query(target, last),
            Match::Word => phrase(target, &toks, 0),
            Match::Phrase { slop } => phrase(target, &toks, *slop),
            Match::Prefix => words_prefix_query(target, &toks),
            Match::Fuzzy { distance } if toks.len() == 1 => fuzzy_query(target, last, *distance),
            Match::Fuzzy { .. } => return Err(several_words_error(pos, text)),
            Match::Range { .. } => {
                return Err(range_error(
                    pos,
                    "write byline:smith or byline:\"Jane Smith\"",
                ))
            }
        };
        Ok(Some(select_only(q)))
    }

    /// A `section:` or `place:` term: the whole value, folded as the index
    /// folds it (or its prefix, or values within an edit distance).
    pub(super) fn whole_value(
        &mut self,
        target: Field,
        leaf: &Leaf,
    ) -> Result<Option<Q>, QueryError> {
        let Leaf {
            text, kind, pos, ..
        } = *leaf;
        let value = tokens(&mut self.keyword, text.trim()).concat();
        if value.is_empty() {
            return Ok(None);
        }
        let q: Q = match kind {
            Match::Word | Match::Phrase { .. } => term_query(target, &value),
            Match::Prefix => prefix_query(target, &value),
            Match::Fuzzy { distance } => fuzzy_query(target, &value, *distance),
            Match::Range { .. } => {
                return Err(range_error(pos, "write date:[2016-01-01 TO 2016-05-05]"))
            }
        };
        Ok(Some(select_only(q)))
    }
}

/// `url:`: a host (`nytimes.com`, `www.` or not) or a prefix of the
/// address (`https://www.nytimes.com/2016/`, scheme ignored).
pub(super) fn url(f: &Fields, leaf: &Leaf) -> Result<Option<Q>, QueryError> {
    let Leaf {
        text, kind, pos, ..
    } = *leaf;
    if matches!(kind, Match::Range { .. }) {
        return Err(range_error(
            pos,
            "write url:nytimes.com or url:https://www.nytimes.com/2016/",
        ));
    }
    let key = schema::url_key(text);
    if key.is_empty() {
        return Ok(None);
    }
    // A host alone is a whole key (`nytimes.com` is not
    // `nytimes.community.org`); anything longer a prefix.
    let q: Q = if key.contains(['/', '?', '#']) {
        prefix_query(f.url_parts, &key)
    } else {
        terms::term_query(f.url_parts, &key, IndexRecordOption::Basic)
    };
    Ok(Some(select_only(q)))
}

/// `date:`: a year, month or day, or `[from TO to]` with either end open,
/// of the article's own day: its date where it was published
/// (`local_date`).
pub(super) fn date(f: &Fields, leaf: &Leaf) -> Result<Option<Q>, QueryError> {
    let Leaf {
        text, kind, pos, ..
    } = *leaf;
    let bad = |v: &str| {
        qerr(
            pos,
            format!("`{v}` is not a date"),
            "write date:2016, date:2016-05, date:2016-05-03, 2016-05.. or 2016-01-01..2016-05-05",
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
    Ok(Some(select_only(date_range(f.local_date, lower, upper))))
}

#[cfg(test)]
mod tests {
    use crate::query::compile;
    use crate::schema;

    #[test]
    fn pasted_headlines_search_their_words() {
        let (_, f) = schema::build();
        let c = compile(
            "Obituary: Dame Alicia Markova",
            &f,
            &crate::query::Stemming::english(),
        )
        .unwrap();
        assert_eq!(c.not_fields, vec!["obituary".to_string()]);
        assert!(c.highlights.stems.contains("obituari"));
        assert!(c.relaxed.is_some());
        let c = compile(
            "https://www.bbc.co.uk/news/uk-politics-123",
            &f,
            &crate::query::Stemming::english(),
        )
        .unwrap();
        assert!(c.not_fields.is_empty());
        assert!(format!("{:?}", c.query).contains("www.bbc.co.uk/news/uk-politics-123"));
        for q in [
            "url:nytimes.com",
            "url:https://www.nytimes.com/2016/",
            "byline:collinson",
        ] {
            assert!(
                compile(q, &f, &crate::query::Stemming::english()).is_ok(),
                "{q}"
            );
        }
        assert!(compile("byline:[a TO b]", &f, &crate::query::Stemming::english()).is_err());
        assert!(compile(
            "byline:stephen~1 source:cn*",
            &f,
            &crate::query::Stemming::english()
        )
        .is_ok());
        assert!(compile("byline:o'neill~1", &f, &crate::query::Stemming::english()).is_err());
    }
}
