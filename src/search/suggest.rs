//! "Did you mean": a corrected query from the index's own words, offered
//! when a query finds little.

use std::collections::HashMap;

use tantivy::collector::Count;
use tantivy::{Searcher, Term};

use crate::error::{Error, Result};
use crate::query::{self, Compiled, Criteria};
use crate::schema::Fields;
use crate::snippet;

/// "Did you mean": proposes a query with one misspelt word replaced by an
/// indexed word within edit distance 1 (2 for words over four letters).
///
/// Each replacement that is more frequent than the typed word is tried; the
/// winner is the one whose words most often stand together as a phrase
/// (names are typed in order: `sadiq kahn` → `sadiq khan`, not `said kahn`),
/// then the closest, then the one that finds most articles. Offered only if it finds more than
/// the query did.
pub(super) fn suggest(
    searcher: &Searcher,
    f: &Fields,
    req: &Criteria,
    compiled: &Compiled,
    total: usize,
) -> Result<Option<String>> {
    if compiled.words.is_empty() {
        return Ok(None);
    }
    let exact_df = |word: &str| -> Result<u64> {
        Ok(
            searcher.doc_freq(&Term::from_field_text(f.body_exact, word))?
                + searcher.doc_freq(&Term::from_field_text(f.title_exact, word))?,
        )
    };
    // (distance, typed word was in the index, corrected query)
    let mut options: Vec<(u8, bool, String)> = Vec::new();
    for typed in &compiled.words {
        let word = typed.to_lowercase();
        if word.chars().count() < 3 || !word.chars().all(char::is_alphabetic) {
            continue;
        }
        let own = exact_df(&word)?;
        // A known word may only be replaced when nothing was found.
        if own > 0 && total > 0 {
            continue;
        }
        for (dist, cand) in near_words(searcher, f.body_exact, &word, own)? {
            if let Some(at) = req.query.find(typed.as_str()) {
                let mut q = req.query.clone();
                q.replace_range(at..at + typed.len(), &cand);
                options.push((dist, own > 0, q));
            }
        }
    }
    type Score = (usize, std::cmp::Reverse<u8>, usize);
    let mut best: Option<(Score, String)> = None;
    for (dist, known, option) in options {
        let mut probe = req.clone();
        probe.query = option.clone();
        let Ok(compiled) = query::build(f, &probe) else {
            continue;
        };
        let hits = searcher.search(&*compiled.query, &Count)?;
        if hits <= total {
            continue;
        }
        let together = if compiled.words.len() > 1 {
            probe.query = format!("\"{}\"", compiled.words.join(" "));
            match query::build(f, &probe) {
                Ok(c) => searcher.search(&*c.query, &Count)?,
                Err(_) => 0,
            }
        } else {
            0
        };
        // A word the index knows is only replaced when the query found
        // nothing and the replacement stands beside the other words.
        if known && (total > 0 || together == 0) {
            continue;
        }
        let score = (together, std::cmp::Reverse(dist), hits);
        if best.as_ref().is_none_or(|(b, _)| score > *b) {
            best = Some((score, option));
        }
    }
    Ok(best.map(|(_, q)| q))
}

/// Up to three indexed words near `word` (same first letter) that are more
/// frequent than it, closest and most frequent first.
fn near_words(
    searcher: &Searcher,
    field: tantivy::schema::Field,
    word: &str,
    own_df: u64,
) -> Result<Vec<(u8, String)>> {
    let max_dist: u8 = if word.chars().count() <= 4 { 1 } else { 2 };
    let mut found: HashMap<String, (u8, u64)> = HashMap::new();
    // Only words with the same first letter: misspellings rarely change
    // it, and it narrows the scan of the term dictionary to a range.
    let Some(first) = word.chars().next() else {
        return Ok(Vec::new());
    };
    let lower_bound = first.to_string();
    let upper_bound = char::from_u32(first as u32 + 1).map(|c| c.to_string());
    for segment in searcher.segment_readers() {
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
            let entry = found.entry(cand.to_string()).or_insert((dist, 0));
            entry.1 += stream.value().doc_freq as u64;
        }
    }
    let mut list: Vec<(u8, u64, String)> = found
        .into_iter()
        .filter(|(_, (_, df))| *df > own_df)
        .map(|(w, (d, df))| (d, df, w))
        .collect();
    list.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)).then(a.2.cmp(&b.2)));
    Ok(list.into_iter().take(3).map(|(d, _, w)| (d, w)).collect())
}
