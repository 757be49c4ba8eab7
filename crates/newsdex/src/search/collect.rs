//! Collecting one page of matches: the top documents by score or date (with
//! the recency boost of `--sort recent`), and, for a plain query of two or
//! more words, the closest matches after the full ones, re-ranked by
//! meaning (`super::rerank`).
//!
//! The list a page is cut from does not depend on the page: the total and
//! the order are the same whatever `offset` and `limit` are.
//!
//! Unless every copy is asked for, the list holds each story once, at its
//! best-ranked copy (`crate::stories`): pages are cut from stories, and
//! the totals count both stories and articles.

use std::collections::HashSet;

use tantivy::collector::{Count, TopDocs};
use tantivy::query::Query;
use tantivy::{DocAddress, Order, Searcher};

use super::rerank::{blend_meaning, RERANK_DEPTH};
use super::{Page, Sort, RECENCY_HALF_LIFE_DAYS, RECENCY_WEIGHT};
use crate::error::Result;
use crate::query::{self, Compiled};
use crate::schema::Fields;
use crate::stories::{self, Stories};

/// Document addresses, best first, with their scores.
type Ranked = Vec<(f32, DocAddress)>;

/// One page of document addresses, with the counts around it.
pub(super) struct Collected {
    /// Articles matching (every word, or some when `relaxed`).
    pub total: usize,
    /// Stories among them (`total` when every copy is shown).
    pub stories: usize,
    /// Articles with every word.
    pub strict_total: usize,
    /// Stories with every word (`strict_total` when every copy is shown).
    pub strict_stories: usize,
    /// Whether the list holds closest matches (articles without every
    /// word) after the full ones, on whatever page: the same on every page.
    pub relaxed: bool,
    /// Where in the list the closest matches start (0-based): entries
    /// before it have every word.
    pub closest_from: usize,
    /// The page, best first, with scores.
    pub top: Vec<(f32, DocAddress)>,
}

/// Collects the page `page` asks for.
///
/// A plain query of two or more words (without `--all-words`) is answered
/// from one list whatever the page: every article with every word, in its
/// own order, then every article with some of the words (the closest
/// matches, the best [`RERANK_DEPTH`] re-ranked by meaning). The total
/// counts both; a page that lies among the full matches only needs the
/// count of the rest.
pub(super) fn collect(
    searcher: &Searcher,
    fields: &Fields,
    compiled: &Compiled,
    page: &Page,
    all_copies: bool,
) -> Result<Collected> {
    let count_apart = compiled.count_apart;
    let mut stories = (!all_copies).then(|| Stories::new(searcher));
    let want = page.offset + page.limit;
    // With copies shown once, the articles and stories matching are
    // counted in one pass, and the ranking counts nothing.
    let counted = match stories {
        Some(_) => Some(stories::count_both(searcher, &*compiled.query)?),
        None => None,
    };
    let (total, full, exhausted) = ranked(
        searcher,
        &*compiled.query,
        page.sort,
        want,
        Counting::new(count_apart, counted.map(|c| c.0)),
        stories.as_mut(),
    )?;
    let strict_stories = match counted {
        // Every copy shown: the articles are the list's entries.
        None => total,
        // The list holds every story.
        Some(_) if exhausted => full.len(),
        Some((_, stories)) => stories,
    };
    let cut = |list: &[(f32, DocAddress)]| -> Vec<(f32, DocAddress)> {
        list.iter()
            .skip(page.offset)
            .take(page.limit)
            .copied()
            .collect()
    };
    let mut out = Collected {
        total,
        stories: strict_stories,
        strict_total: total,
        strict_stories,
        relaxed: false,
        closest_from: usize::MAX,
        top: cut(&full),
    };
    let Some(plan) = &compiled.relaxed else {
        return Ok(out);
    };
    let partial = query::relaxed_query(plan, fields);
    if want <= out.stories {
        // Articles with some of the words count whatever the page, so
        // that the totals are the same on every page.
        if all_copies {
            out.total = partial.count(searcher)?.max(total);
            out.stories = out.total;
        } else {
            let (n, stories) = stories::count_both(searcher, &*partial)?;
            out.total = n.max(total);
            out.stories = stories.max(strict_stories);
        }
        out.relaxed = out.stories > strict_stories;
        out.closest_from = strict_stories;
        return Ok(out);
    }
    let (n, mut closest) =
        closest_matches(searcher, &*partial, page, total, &full, stories.as_mut())?;
    if n <= total {
        return Ok(out);
    }
    if page.sort == Sort::Relevance {
        // Only the best RERANK_DEPTH: the same ones whatever the page, so
        // pages beyond it do not reshuffle it.
        let n = closest.len().min(RERANK_DEPTH);
        let words = plan.words.iter().map(|w| w.typed.as_str());
        blend_meaning(searcher, words, &mut closest[..n])?;
    }
    out.closest_from = full.len();
    let mut merged = full;
    merged.extend(closest);
    out.top = cut(&merged);
    out.total = n;
    out.stories = if all_copies {
        n
    } else {
        stories::count(searcher, &*partial)?
    };
    out.relaxed = out.stories > strict_stories;
    Ok(out)
}

/// The closest matches after the full ones (`full`, `total` articles),
/// best first, from the query with some of the words, and how many
/// articles that query matches. Deep enough for the page, and for
/// RERANK_DEPTH closest matches besides the full ones: the blend with
/// meaning reorders those, and every page is cut from the same list. Every
/// full match comes before the closest ones (all of them are in `full`:
/// the page reaches past them). With copies shown once (`stories`), deeper
/// until the page has its stories, and no closest match is a copy of a
/// story among the full ones.
fn closest_matches(
    searcher: &Searcher,
    partial: &dyn Query,
    page: &Page,
    total: usize,
    full: &Ranked,
    mut stories: Option<&mut Stories<'_>>,
) -> Result<(usize, Ranked)> {
    let want = page.offset + page.limit;
    let is_full: HashSet<DocAddress> = full.iter().map(|(_, a)| *a).collect();
    let mut depth = want.max(RERANK_DEPTH + total);
    loop {
        // Its union of scored and constant clauses cannot skip blocks.
        let (n, partial_top) = top_docs(
            searcher,
            partial,
            page.sort,
            0,
            depth,
            Counting::new(false, None),
        )?;
        let exhausted = partial_top.len() >= n;
        let mut closest: Ranked = partial_top
            .into_iter()
            .filter(|(_, addr)| !is_full.contains(addr))
            .collect();
        if let Some(st) = stories.as_deref_mut() {
            let mut seen = HashSet::new();
            for &(_, at) in full {
                seen.insert(st.of(at)?);
            }
            closest = stories::collapse(st, closest, &mut seen)?;
        }
        if exhausted || full.len() + closest.len() >= want.max(RERANK_DEPTH + full.len()) {
            return Ok((n, closest));
        }
        depth *= 4;
    }
}

/// The ranked list down to `want` entries (stories when `stories` is
/// given, each at its best-ranked copy), the number of matching articles,
/// and whether the list holds every match.
fn ranked(
    searcher: &Searcher,
    query: &dyn Query,
    sort: Sort,
    want: usize,
    counting: Counting,
    stories: Option<&mut Stories<'_>>,
) -> Result<(usize, Ranked, bool)> {
    let Some(st) = stories else {
        let (n, list) = top_docs(searcher, query, sort, 0, want, counting)?;
        let exhausted = list.len() >= n;
        return Ok((n, list, exhausted));
    };
    // Most stories have one copy: a little deeper than the page is
    // usually enough; each round looks four times deeper.
    let mut depth = (want + want / 2).max(want + 10);
    loop {
        let (n, list) = top_docs(searcher, query, sort, 0, depth, counting)?;
        let exhausted = list.len() >= n;
        let mut seen = HashSet::new();
        let mut kept = stories::collapse(st, list, &mut seen)?;
        if kept.len() >= want || exhausted {
            // The page needs `want`; the list is cut there so that the
            // same list serves every page up to it.
            let exhausted = exhausted && kept.len() <= want;
            kept.truncate(want);
            return Ok((n, kept, exhausted));
        }
        depth *= 4;
    }
}

/// How [`top_docs`] learns how many documents match.
#[derive(Clone, Copy)]
pub(super) enum Counting {
    /// Counted already: the ranking counts nothing.
    Known(usize),
    /// Counted in a pass of its own (a search by relevance; else with the
    /// ranking).
    Apart,
    /// Counted as the ranking goes.
    Along,
}

impl Counting {
    /// `Known` when `known` is given, else as `count_apart` says.
    pub(super) fn new(count_apart: bool, known: Option<usize>) -> Counting {
        match (known, count_apart) {
            (Some(n), _) => Counting::Known(n),
            (None, true) => Counting::Apart,
            (None, false) => Counting::Along,
        }
    }
}

/// Counts all matches (unless `counting` knows how many) and collects one
/// page, by score or by date.
pub(super) fn top_docs(
    searcher: &Searcher,
    query: &dyn Query,
    sort: Sort,
    offset: usize,
    limit: usize,
    counting: Counting,
) -> Result<(usize, Vec<(f32, DocAddress)>)> {
    let top = TopDocs::with_limit(limit.max(1)).and_offset(offset);
    if let (Counting::Known(n), Sort::Relevance) = (counting, sort) {
        return Ok((n, searcher.search(query, &top.order_by_score())?));
    }
    let count_apart = matches!(counting, Counting::Apart);
    Ok(match sort {
        // Counted apart: a count alone needs no scores (a single word's is
        // its document frequency), and top-k by score alone can skip
        // blocks that cannot make the page (block-max WAND), which a
        // (Count, TopDocs) pair forbids. Phrases would be matched twice.
        Sort::Relevance if count_apart => (
            query.count(searcher)?,
            searcher.search(query, &top.order_by_score())?,
        ),
        Sort::Relevance => searcher.search(query, &(Count, top.order_by_score()))?,
        Sort::Recent => {
            let newest = searcher
                .segment_readers()
                .iter()
                .filter_map(|s| s.fast_fields().date("date").ok().map(|c| c.max_value()))
                .max()
                .map_or(0, |d| d.into_timestamp_secs());
            let collector = top.tweak_score(move |segment: &tantivy::SegmentReader| {
                let dates = segment.fast_fields().date("date").ok();
                move |doc: tantivy::DocId, score: tantivy::Score| {
                    let Some(d) = dates.as_ref().and_then(|c| c.first(doc)) else {
                        return score;
                    };
                    let age_days = (newest - d.into_timestamp_secs()).max(0) as f32 / 86_400.0;
                    score * (1.0 + RECENCY_WEIGHT * (-age_days / RECENCY_HALF_LIFE_DAYS).exp2())
                }
            });
            searcher.search(query, &(Count, collector))?
        }
        Sort::Newest | Sort::Oldest => {
            let order = if sort == Sort::Newest {
                Order::Desc
            } else {
                Order::Asc
            };
            let (n, docs) = searcher.search(
                query,
                &(
                    Count,
                    top.order_by_fast_field::<tantivy::DateTime>("date", order),
                ),
            )?;
            (n, docs.into_iter().map(|(_, a)| (0.0, a)).collect())
        }
    })
}
