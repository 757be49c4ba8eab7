//! Leaves over the article's text: bare words, `title:` and `body:`, as a
//! word, a quoted phrase, a prefix (`camp*`) or a fuzzy word (`corbin~1`).
//!
//! A bare word goes to the stemmed `title` and the body words sharing its
//! stem as one BM25 ([`StemQuery`]), `title:word` to the stemmed `title`,
//! `body:word` to the body words alone; phrases, prefixes and
//! fuzzy words to the unstemmed `title_exact` and `body_exact`. Each leaf
//! also notes what the snippet code should mark ([`super::Highlights`]).
//! Called by the compiler's walk (`compiler.rs`); the relaxed plan
//! (`relaxed.rs`) uses [`stemmed_word`], [`exact_fields`] and
//! `hyphen_joined`.

use std::collections::BTreeSet;

use tantivy::query::{BooleanQuery, Occur};
use tantivy::schema::Field;

use super::compiler::{
    either, fuzzy_query, phrase, range_error, several_words_error, term_query, tokens,
    words_prefix_query, Compiler, Leaf, Q,
};
use super::parse::{FieldName, Match, QueryError};
use super::stem_variants::{Lookups, StemQuery};
use crate::language::Stem;
use crate::schema::{self, Fields};

/// One stemmed word, its Latin words stemmed by `latin`: one BM25 over
/// headline and body together, or the headline's stemmed words, or the
/// body words with that stem.
pub(super) fn stemmed_word(
    f: &Fields,
    field: Option<FieldName>,
    stem: &str,
    latin: Stem,
    lookups: &Lookups,
) -> Q {
    any_stem(f, field, &[(stem.to_string(), latin)], lookups)
}

/// Any of a word's stems (one per language it could be in, each with its
/// stemmer), as one word; `lookups` shares its terms with the search's
/// other queries for the same word.
pub(super) fn any_stem(
    f: &Fields,
    field: Option<FieldName>,
    stems: &[(String, Stem)],
    lookups: &Lookups,
) -> Q {
    match field {
        Some(FieldName::Title) => {
            // The headline is stemmed in each article's language: one
            // term per distinct stem.
            let distinct: BTreeSet<&str> = stems.iter().map(|(s, _)| s.as_str()).collect();
            match distinct.len() {
                1 => term_query(f.title, stems[0].0.as_str()),
                _ => Box::new(BooleanQuery::new(
                    distinct
                        .into_iter()
                        .map(|s| (Occur::Should, term_query(f.title, s)))
                        .collect(),
                )),
            }
        }
        Some(FieldName::Body) => Box::new(StemQuery::body(f, stems, lookups)),
        _ => Box::new(StemQuery::headline_and_body(f, stems, lookups)),
    }
}

/// Whether a token is one character of a script indexed in pairs.
fn is_one_paired_char(token: &str) -> bool {
    let mut chars = token.chars();
    matches!((chars.next(), chars.next()), (Some(c), None) if crate::language::is_bigrammed(c))
}

/// The headline's query for `title:`, the body's for `body:`, either
/// (the headline boosted) for a bare word.
fn title_or_body(field: Option<FieldName>, title: Q, body: Q) -> Q {
    match field {
        Some(FieldName::Title) => title,
        Some(FieldName::Body) => body,
        _ => either(title, body),
    }
}

/// The same query over the headline's and the body's unstemmed words.
pub(super) fn exact_fields(f: &Fields, field: Option<FieldName>, make: impl Fn(Field) -> Q) -> Q {
    title_or_body(field, make(f.title_exact), make(f.body_exact))
}

impl Compiler<'_> {
    /// A leaf with no field, `title:` or `body:`.
    pub(super) fn text_leaf(
        &mut self,
        field: Option<FieldName>,
        leaf: &Leaf,
    ) -> Result<Option<Q>, QueryError> {
        let Leaf { text, negated, .. } = *leaf;
        match leaf.kind {
            Match::Word => Ok(self.word(field, text, negated)),
            Match::Phrase { slop } => Ok(self.phrase(field, text, *slop, negated)),
            Match::Prefix => Ok(self.prefix(field, text, negated)),
            Match::Fuzzy { distance } => self.fuzzy(field, text, *distance, leaf.pos, negated),
            Match::Range { .. } => Err(range_error(
                leaf.pos,
                "write date:[2016-01-01 TO 2016-05-05]",
            )),
        }
    }

    /// A word: its stem (one per language it could be in, any of them),
    /// or, for a word that splits in several (`U.S.`, `金メダル`), its
    /// parts as an exact phrase, or their joined form (`e-mail`, `email`);
    /// one character of Chinese or Japanese, any word starting with it.
    fn word(&mut self, field: Option<FieldName>, text: &str, negated: bool) -> Option<Q> {
        let f = self.f;
        let variants = self.stems_in_languages(text);
        let toks = variants[0].0.clone();
        let alternatives: Vec<(String, Stem)> = variants
            .iter()
            .filter(|(v, _)| v.len() == 1)
            .map(|(v, latin)| (v[0].clone(), *latin))
            .collect();
        let joined = self.hyphen_joined(text);
        if toks.len() == 1 && is_one_paired_char(&toks[0]) {
            return self.prefix(field, text, negated);
        }
        if !negated {
            if toks.len() == 1 && field.is_none() {
                self.words.push(text.to_string());
            }
            if toks.len() > 1 {
                let exact = tokens(&mut self.exact, text);
                self.highlights.phrases.push((exact, 0));
            } else {
                let stems = alternatives.iter().map(|(s, _)| s.clone());
                self.highlights.stems.extend(stems);
            }
            self.highlights.stems.extend(joined.iter().cloned());
        }
        match toks.len() {
            0 => None,
            1 => Some(any_stem(f, field, &alternatives, &self.lookups)),
            _ => {
                let exact = tokens(&mut self.exact, text);
                let parts = exact_fields(f, field, |target| phrase(target, &exact, 0));
                Some(match joined {
                    // `e-mail`: the parts in a row, or `email`.
                    Some(stem) => Box::new(BooleanQuery::new(vec![
                        (Occur::Should, parts),
                        (
                            Occur::Should,
                            stemmed_word(f, field, &stem, Stem::English, &self.lookups),
                        ),
                    ])),
                    None => parts,
                })
            }
        }
    }

    /// A quoted phrase, with the words allowed between its words.
    fn phrase(
        &mut self,
        field: Option<FieldName>,
        text: &str,
        slop: u32,
        negated: bool,
    ) -> Option<Q> {
        let toks = tokens(&mut self.exact, text);
        if !negated && !toks.is_empty() {
            self.highlights.phrases.push((toks.clone(), slop));
        }
        match toks.len() {
            0 => None,
            1 => Some(exact_fields(self.f, field, |target| {
                term_query(target, &toks[0])
            })),
            _ => Some(exact_fields(self.f, field, |target| {
                phrase(target, &toks, slop)
            })),
        }
    }

    /// A prefix (`camp*`), or words in a row ending in one.
    fn prefix(&mut self, field: Option<FieldName>, text: &str, negated: bool) -> Option<Q> {
        let toks = tokens(&mut self.exact, text);
        let last = toks.last()?;
        if !negated {
            self.highlights.prefixes.push(last.clone());
        }
        Some(exact_fields(self.f, field, |target| {
            words_prefix_query(target, &toks)
        }))
    }

    /// A word and the others within `distance` edits of it.
    fn fuzzy(
        &mut self,
        field: Option<FieldName>,
        text: &str,
        distance: u8,
        pos: usize,
        negated: bool,
    ) -> Result<Option<Q>, QueryError> {
        let toks = tokens(&mut self.exact, text);
        if toks.is_empty() {
            return Ok(None);
        }
        if toks.len() > 1 {
            return Err(several_words_error(pos, text));
        }
        if !negated {
            self.highlights.fuzzy.push((toks[0].clone(), distance));
        }
        Ok(Some(exact_fields(self.f, field, |target| {
            fuzzy_query(target, &toks[0], distance)
        })))
    }

    /// The stem of a hyphenated word's parts joined (`e-mail` gives
    /// `email`), as the index holds it beside the parts; `None` unless
    /// the word is two or more parts with one hyphen between each.
    pub(super) fn hyphen_joined(&mut self, text: &str) -> Option<String> {
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
}

#[cfg(test)]
mod tests {
    use crate::query::compile;
    use crate::schema;

    #[test]
    fn highlights_follow_the_query() {
        let (_, f) = schema::build();
        let c = compile(
            "campaigns \"Door to door\" camp* corbin~1 -khan",
            &f,
            &crate::query::Stemming::english(),
        )
        .unwrap();
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
        let c = compile("e-mail", &f, &crate::query::Stemming::english()).unwrap();
        assert!(c.highlights.stems.contains("email"));
        assert_eq!(
            c.highlights.phrases,
            vec![(vec!["e".into(), "mail".into()], 0)]
        );
        let c = compile(
            "U.S. e-mail-based x--y",
            &f,
            &crate::query::Stemming::english(),
        )
        .unwrap();
        assert!(!c.highlights.stems.contains("us"));
        assert!(c.highlights.stems.contains("emailbas"));
        assert!(!c.highlights.stems.contains("xy"));
        let c = compile("send e-mail", &f, &crate::query::Stemming::english()).unwrap();
        let plan = c.relaxed.unwrap();
        assert_eq!(plan.words[1].stems, vec!["email".to_string()]);
    }
}
