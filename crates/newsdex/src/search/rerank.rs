//! Re-ranking closest matches by meaning: when fewer than a page of
//! articles has every word, the partial matches are reordered by their
//! word score blended with how close each article's topic (its stored
//! meaning vector, `crate::meaning`) is to the query's.

use std::collections::HashMap;

use tantivy::{DocAddress, Searcher};

use crate::error::Result;
use crate::query;
use crate::schema;

/// How many of a relaxed query's best matches the meaning blend reorders.
pub const RERANK_DEPTH: usize = 100;

/// Weight of meaning against the word-match score in relaxed matching.
/// Measured on the paraphrase set (MRR, closest matches blended over 100
/// candidates in a simulation): 0 gives 0.76, 0.5 0.81, 1 0.81, 1.5 0.80.
pub const MEANING_WEIGHT: f32 = 1.0;

/// The typical spread (standard deviation) of closeness to the query among
/// a relaxed query's 100 best candidates: 0.08 (median over the paraphrase
/// set). Closeness is divided by it, a fixed scale rather than each list's
/// own, so a short list is not blown up (with two candidates, any
/// difference would become one standard deviation).
pub const CLOSENESS_SPREAD: f32 = 0.08;

/// Reorders relaxed candidates by their word-match score blended with how
/// close each article's meaning is to the query's.
///
/// The score is standardised over the candidates (minus the mean, over the
/// deviation), so the blend does not depend on the query's length;
/// closeness, a cosine, is counted from its mean in units of
/// [`CLOSENESS_SPREAD`]. The deviation counts as at least half a
/// [`query::COORDINATION_BONUS`] (one more word matched is two units), so
/// in a short list a small BM25 difference is not inflated (over the
/// paraphrase set's 100-candidate lists the deviation is 3.6-18, median
/// 6.8: the floor changes none of their rankings). The blend, put back on
/// the scale of the word scores, becomes each hit's score. Nothing changes
/// when the query has no word the meaning table knows.
pub(super) fn blend_meaning<'a>(
    searcher: &Searcher,
    words: impl IntoIterator<Item = &'a str>,
    hits: &mut [(f32, DocAddress)],
) -> Result<()> {
    // The meaning table is English: a query in another script is left
    // to its words.
    let words: Vec<&str> = words.into_iter().collect();
    if words
        .iter()
        .any(|w| crate::language::script_of_word(w) != crate::language::Script::Latin)
    {
        return Ok(());
    }
    let want = crate::meaning::of_query(words);
    if want.is_empty() || hits.len() < 2 {
        return Ok(());
    }
    let mut columns: HashMap<u32, Vec<tantivy::columnar::Column<u64>>> = HashMap::new();
    let mut closeness = Vec::with_capacity(hits.len());
    for (_, addr) in hits.iter() {
        let cols = match columns.entry(addr.segment_ord) {
            std::collections::hash_map::Entry::Occupied(e) => e.into_mut(),
            std::collections::hash_map::Entry::Vacant(e) => {
                let fast = searcher.segment_reader(addr.segment_ord).fast_fields();
                let mut cols = Vec::with_capacity(crate::meaning::PACKED);
                for i in 0..crate::meaning::PACKED {
                    cols.push(fast.u64(&schema::meaning_column(i))?);
                }
                e.insert(cols)
            }
        };
        let packed: [u64; crate::meaning::PACKED] =
            std::array::from_fn(|i| cols[i].first(addr.doc_id).unwrap_or(0));
        closeness.push(crate::meaning::Meaning::unpack(packed).cosine(&want));
    }
    let scores: Vec<f32> = hits.iter().map(|(s, _)| *s).collect();
    let (zs, mean, sd) = standardise(&scores, query::COORDINATION_BONUS / 2.0);
    let mean_closeness = closeness.iter().sum::<f32>() / closeness.len() as f32;
    let mut blended: Vec<(f32, DocAddress)> = hits
        .iter()
        .enumerate()
        .map(|(i, (_, addr))| {
            let near = (closeness[i] - mean_closeness) / CLOSENESS_SPREAD;
            (zs[i] + MEANING_WEIGHT * near, *addr)
        })
        .collect();
    blended.sort_by(|a, b| b.0.total_cmp(&a.0));
    // Shown on the scale of the word-match scores, and above 0 like them.
    for (hit, (z, addr)) in hits.iter_mut().zip(blended) {
        *hit = ((mean + sd * z / (1.0 + MEANING_WEIGHT)).max(1e-3), addr);
    }
    Ok(())
}

/// Values minus their mean, over their standard deviation or `min_sd`,
/// whichever is larger; with the mean and the divisor.
fn standardise(values: &[f32], min_sd: f32) -> (Vec<f32>, f32, f32) {
    let n = values.len().max(1) as f32;
    let mean = values.iter().sum::<f32>() / n;
    let sd = (values.iter().map(|v| (v - mean).powi(2)).sum::<f32>() / n)
        .sqrt()
        .max(min_sd);
    (values.iter().map(|v| (v - mean) / sd).collect(), mean, sd)
}
