//! Spelling: a corrected query from the index's own words, offered when a
//! query finds little, and searched instead when it is confident.
//!
//! Every plain word may be corrected, several at once (`gordan brwon` →
//! `gordon brown`). Each correction is scored from the index alone:
//! how frequent the corrected words are, how far they are from what was
//! typed, and whether they stand together (as a phrase, or in one
//! article). The weights were tuned on the development half of
//! `tests/data/search/spelling.tsv` and checked on its held-out half.

use std::collections::HashMap;

use tantivy::collector::Count;
use tantivy::schema::Field;
use tantivy::{Searcher, Term};

use crate::error::{Error, Result};
use crate::query::{self, Compiled, Criteria};
use crate::schema::Fields;
use crate::snippet;

/// Cost of one edit in a word of [`REFERENCE_LENGTH`] letters, against
/// the natural log of a word's document frequency. Longer words have more
/// letters to get wrong: the cost shrinks in proportion.
const EDIT_COST: f64 = 2.5;
/// See [`EDIT_COST`].
const REFERENCE_LENGTH: f64 = 6.0;
/// Weight of the natural log of the number of articles with the corrected
/// words as one phrase (names are typed in order: `sadiq kahn` →
/// `sadiq khan`, not `said kahn`).
const TOGETHER_WEIGHT: f64 = 1.0;
/// Weight of the natural log of the number of articles with every
/// corrected word.
const FOUND_WEIGHT: f64 = 1.0;
/// A word the index knows is only replaced by a more frequent one that
/// stands beside the other words, and confidently only by one this many
/// times as frequent: a rare real name (`kahn`, 4 BBC articles) is not a
/// misspelt common one (`khan`, 9).
const KNOWN_RATIO: u64 = 20;
/// Least score for a correction to be searched instead of the query.
const CONFIDENT_SCORE: f64 = 0.0;
/// Least lead of the best correction over the next: two corrections about
/// as likely are a question for the user, not an answer.
const CONFIDENT_MARGIN: f64 = 0.5;
/// Replacements considered for each word, and combinations tried.
const OPTIONS_PER_WORD: usize = 8;
const COMBINATIONS: usize = 16;

/// A corrected query.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Spelling {
    /// The query with its misspelt words replaced.
    pub query: String,
    /// Whether it is confident enough to search instead of the query as
    /// typed (the query found nothing with every word).
    pub confident: bool,
}

/// One way to spell one word.
#[derive(Debug, Clone)]
struct Choice {
    word: String,
    /// Edits from the typed word, and its length in letters.
    dist: u8,
    typed_len: usize,
    df: u64,
}

/// A corrected query for `req`, whose plain words are `compiled.words`
/// and which found `strict_total` articles with every word; `None` when no
/// indexed words near the typed ones would do better.
///
/// A correction is offered only if it finds more articles with every word
/// than the query did, or if the query found none and every corrected word
/// is in the index. It is `confident` when the query found nothing with
/// every word and the correction scores at least [`CONFIDENT_SCORE`] and
/// [`CONFIDENT_MARGIN`] more than the next. A word the index knows is only
/// replaced when the replacement stands beside the other words in a
/// phrase, and confidently only by one [`KNOWN_RATIO`] times as frequent.
pub(super) fn correct(
    searcher: &Searcher,
    f: &Fields,
    req: &Criteria,
    compiled: &Compiled,
    strict_total: usize,
) -> Result<Option<Spelling>> {
    let typed = distinct_words(&compiled.words);
    // Built for English: words in another script or with letters English
    // does not write (`Flüchtling`) are never corrected, nor words in an
    // index with no English articles.
    if typed.is_empty() || typed.iter().any(|w| !w.is_ascii()) {
        return Ok(None);
    }
    let stemming = crate::query::Stemming::of_index(searcher, f);
    if !stemming.english {
        return Ok(None);
    }
    let choices = word_choices(searcher, f, &typed)?;
    let probe = Probe {
        searcher,
        f,
        stemming: &stemming,
        req,
    };
    let mut scored: Vec<Scored> = Vec::new();
    for (p, picked) in beam(&choices) {
        if let Some(s) = probe.score(&typed, &choices, p, &picked, strict_total)? {
            scored.push(s);
        }
    }
    Ok(best(scored, strict_total))
}

/// The plain words, each once whatever its case, in query order.
fn distinct_words(words: &[String]) -> Vec<&str> {
    let mut typed: Vec<&str> = Vec::new();
    for w in words {
        if !typed.iter().any(|t| t.eq_ignore_ascii_case(w)) {
            typed.push(w);
        }
    }
    typed
}

/// The articles with `word` in the body or the headline (counted once in
/// each).
fn doc_freq(searcher: &Searcher, f: &Fields, word: &str) -> Result<u64> {
    Ok(
        searcher.doc_freq(&Term::from_field_text(f.body_exact, word))?
            + searcher.doc_freq(&Term::from_field_text(f.title_exact, word))?,
    )
}

/// Each word's choices: as typed first, then its replacements.
fn word_choices(searcher: &Searcher, f: &Fields, typed: &[&str]) -> Result<Vec<Vec<Choice>>> {
    let mut choices: Vec<Vec<Choice>> = Vec::new();
    for t in typed {
        let word = t.to_lowercase();
        let own = doc_freq(searcher, f, &word)?;
        let mut list = vec![Choice {
            word: word.clone(),
            dist: 0,
            typed_len: word.chars().count(),
            df: own,
        }];
        if word.chars().count() >= 3 && word.chars().all(char::is_alphabetic) {
            let mut near = near_words(searcher, &[f.body_exact, f.title_exact], &word)?;
            near.retain(|c| c.df > own);
            near.sort_by(|a, b| prior(b).total_cmp(&prior(a)).then(a.word.cmp(&b.word)));
            list.extend(near.into_iter().take(OPTIONS_PER_WORD));
        }
        choices.push(list);
    }
    Ok(choices)
}

/// The most likely combinations, a word at a time (a beam): each with its
/// gain over the words as typed and the choice picked for each word.
fn beam(choices: &[Vec<Choice>]) -> Vec<(f64, Vec<usize>)> {
    let mut beam: Vec<(f64, Vec<usize>)> = vec![(0.0, Vec::new())];
    for list in choices {
        let mut next = Vec::new();
        for (p, picked) in &beam {
            for (i, c) in list.iter().enumerate() {
                let mut picked = picked.clone();
                picked.push(i);
                // Against the word as typed: a word the index knows is
                // likely as it is.
                let gain = if i == 0 {
                    0.0
                } else {
                    prior(c) - (list[0].df as f64).ln_1p()
                };
                next.push((p + gain, picked));
            }
        }
        next.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        next.truncate(COMBINATIONS);
        beam = next;
    }
    beam
}

/// A correction worth offering, scored.
struct Scored {
    score: f64,
    /// The corrected query.
    query: String,
    /// Sure of every known word replaced.
    sure: bool,
}

/// Counts what a corrected query finds, with the request's filters.
struct Probe<'a> {
    searcher: &'a Searcher,
    f: &'a Fields,
    /// The index's languages, read once for every probe.
    stemming: &'a crate::query::Stemming,
    req: &'a Criteria,
}

impl Probe<'_> {
    /// The articles `query` finds, `None` when it does not compile.
    fn count(&self, query: String) -> Result<Option<usize>> {
        let probe = Criteria {
            query,
            ..self.req.clone()
        };
        match query::build(self.f, self.stemming, &probe) {
            Ok(c) => Ok(Some(self.searcher.search(&*c.query, &Count)?)),
            Err(_) => Ok(None),
        }
    }

    /// The combination `picked` (gain `p`) as a corrected query and its
    /// score, `None` when it changes nothing, finds no more than the query
    /// did, or replaces a known word away from the other words.
    fn score(
        &self,
        typed: &[&str],
        choices: &[Vec<Choice>],
        p: f64,
        picked: &[usize],
        strict_total: usize,
    ) -> Result<Option<Scored>> {
        if picked.iter().all(|&i| i == 0) {
            return Ok(None);
        }
        let words: Vec<&Choice> = picked.iter().zip(choices).map(|(&i, l)| &l[i]).collect();
        let mut option = self.req.query.clone();
        for (t, c) in typed.iter().zip(&words) {
            if c.dist > 0 {
                option = replace_word(&option, t, &c.word);
            }
        }
        let Some(hits) = self.count(option.clone())? else {
            return Ok(None);
        };
        let all_known = words.iter().all(|c| c.df > 0);
        if hits <= strict_total && !(strict_total == 0 && all_known) {
            return Ok(None);
        }
        let together = if words.len() > 1 {
            let phrase: Vec<&str> = words.iter().map(|c| c.word.as_str()).collect();
            self.count(format!("\"{}\"", phrase.join(" ")))?
                .unwrap_or(0)
        } else {
            0
        };
        // Context, for several words; one word's count of articles would
        // count its frequency again (and its stem's).
        let context = if words.len() > 1 {
            TOGETHER_WEIGHT * (together as f64).ln_1p() + FOUND_WEIGHT * (hits as f64).ln_1p()
        } else {
            0.0
        };
        let score = p + context;
        // A known word is only replaced beside the other words, and
        // confidently only by a much more frequent one.
        let replaced = picked.iter().zip(choices).filter(|(&i, _)| i > 0);
        let known: Vec<(u64, u64)> = replaced
            .filter(|(_, l)| l[0].df > 0)
            .map(|(&i, l)| (l[0].df, l[i].df))
            .collect();
        if !known.is_empty() && together == 0 {
            return Ok(None);
        }
        let sure = known.iter().all(|&(own, df)| df >= own * KNOWN_RATIO);
        Ok(Some(Scored {
            score,
            query: option,
            sure,
        }))
    }
}

/// The best correction, confident when the query found nothing with every
/// word, every known word replaced is sure, and it scores well enough and
/// well ahead of the next.
fn best(mut scored: Vec<Scored>, strict_total: usize) -> Option<Spelling> {
    scored.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.query.cmp(&b.query)));
    let first = scored.first()?;
    let next = scored.get(1).map_or(f64::NEG_INFINITY, |s| s.score);
    let confident = strict_total == 0
        && first.sure
        && first.score >= CONFIDENT_SCORE
        && first.score - next >= CONFIDENT_MARGIN;
    Some(Spelling {
        query: first.query.clone(),
        confident,
    })
}

/// How likely a replacement is before context: frequent and close.
fn prior(c: &Choice) -> f64 {
    let per_edit = EDIT_COST * REFERENCE_LENGTH / c.typed_len.max(1) as f64;
    (c.df as f64).ln_1p() - per_edit * f64::from(c.dist)
}

/// `query` with the first whole-word occurrence of `typed` replaced.
fn replace_word(query: &str, typed: &str, with: &str) -> String {
    let is_word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    let mut from = 0;
    while let Some(at) = query[from..].find(typed).map(|i| i + from) {
        let end = at + typed.len();
        if !is_word(query[..at].chars().next_back()) && !is_word(query[end..].chars().next()) {
            return format!("{}{with}{}", &query[..at], &query[end..]);
        }
        from = end;
    }
    query.to_string()
}

/// Indexed words near `word` (same first letter) in `fields`, within edit
/// distance 1 (2 for words over four letters, transpositions counting
/// one), with their document frequency summed over the fields.
fn near_words(searcher: &Searcher, fields: &[Field], word: &str) -> Result<Vec<Choice>> {
    let max_dist: u8 = if word.chars().count() <= 4 { 1 } else { 2 };
    let mut found: HashMap<String, Choice> = HashMap::new();
    // Only words with the same first letter: misspellings rarely change
    // it, and it narrows the scan of the term dictionary to a range.
    let Some(first) = word.chars().next() else {
        return Ok(Vec::new());
    };
    let lower_bound = first.to_string();
    let upper_bound = char::from_u32(first as u32 + 1).map(|c| c.to_string());
    for segment in searcher.segment_readers() {
        for &field in fields {
            let inv = segment.inverted_index(field)?;
            let mut range = inv.terms().range().ge(lower_bound.as_bytes());
            if let Some(upper) = &upper_bound {
                range = range.lt(upper.as_bytes());
            }
            let mut stream = range.into_stream().map_err(Error::engine_io)?;
            while stream.advance() {
                let Ok(cand) = std::str::from_utf8(stream.key()) else {
                    continue;
                };
                if cand.len().abs_diff(word.len()) > max_dist as usize || cand == word {
                    continue;
                }
                let dist = if snippet::within_distance(cand, word, 1) {
                    1
                } else if max_dist == 2 && snippet::within_distance(cand, word, 2) {
                    2
                } else {
                    continue;
                };
                let entry = found.entry(cand.to_string()).or_insert(Choice {
                    word: cand.to_string(),
                    dist,
                    typed_len: word.chars().count(),
                    df: 0,
                });
                entry.df += stream.value().doc_freq as u64;
            }
        }
    }
    Ok(found.into_values().collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whole_words_are_replaced() {
        assert_eq!(replace_word("on london on", "on", "in"), "in london on");
        assert_eq!(replace_word("londonon on", "on", "in"), "londonon in");
        assert_eq!(
            replace_word("Gordan Brwon", "Brwon", "brown"),
            "Gordan brown"
        );
        assert_eq!(replace_word("abc", "x", "y"), "abc");
    }
}
