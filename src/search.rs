//! Running a query against an opened index and returning data: ranked
//! [`Hit`]s with snippets, and a "did you mean" suggestion when a query
//! finds little. Nothing here prints; `crate::output` renders.
//!
//! The query language is `crate::query`'s; ranking is BM25 over the stemmed
//! headline (boosted 2x) and body, or by date with `--sort newest|oldest`.
//! Date and section filters from the command line are added as required
//! clauses that do not change the score.

use std::collections::HashMap;
use std::path::Path;

use chrono::{DateTime, Utc};
use serde::Serialize;
use tantivy::collector::{Count, TopDocs};
use tantivy::query::{BooleanQuery, ConstScoreQuery, Occur, Query, TermQuery};
use tantivy::schema::IndexRecordOption;
use tantivy::{DocAddress, Order, Searcher, TantivyDocument, Term};

use crate::article::Article;
use crate::error::{Error, Result};
use crate::query::{self, Compiled};
use crate::schema::{self, KEYWORD_ANALYZER};
use crate::snippet::{self, Fragment};
use crate::store::Opened;

/// How to order hits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Sort {
    /// Best BM25 score first.
    #[default]
    Relevance,
    /// Most recent first (undated articles last).
    Newest,
    /// Oldest first (undated articles last).
    Oldest,
    /// Relevance with a recency boost: the score is multiplied by
    /// `1 + RECENCY_WEIGHT * 2^(-age / RECENCY_HALF_LIFE_DAYS)`, the age
    /// counted back from the newest article in the index.
    Recent,
}

/// Most a recent article's score can gain with [`Sort::Recent`] (50%).
pub const RECENCY_WEIGHT: f32 = 0.5;
/// Age at which the recency boost has halved.
pub const RECENCY_HALF_LIFE_DAYS: f32 = 365.0;

/// What to search for.
#[derive(Debug, Clone)]
pub struct SearchRequest {
    /// The query, in newsdex query syntax.
    pub query: String,
    /// Hits to return.
    pub limit: usize,
    /// Hits to skip (for paging).
    pub offset: usize,
    /// Only articles dated on or after this instant.
    pub since: Option<DateTime<Utc>>,
    /// Only articles dated before this instant.
    pub until: Option<DateTime<Utc>>,
    /// Only articles in one of these sections (any, if empty).
    pub sections: Vec<String>,
    /// Only articles that mention each of these people (canonical names).
    pub people: Vec<String>,
    /// Target length of one snippet fragment, in characters.
    pub snippet_chars: usize,
    /// Fragments per hit.
    pub snippets: usize,
    /// Order of hits.
    pub sort: Sort,
    /// Look up source line numbers of fragments (reads the source files).
    pub locate_lines: bool,
    /// Never fall back to partial matching.
    pub all_words: bool,
}

impl Default for SearchRequest {
    fn default() -> Self {
        SearchRequest {
            query: String::new(),
            limit: 10,
            offset: 0,
            since: None,
            until: None,
            sections: Vec::new(),
            people: Vec::new(),
            snippet_chars: 200,
            snippets: 3,
            sort: Sort::Relevance,
            locate_lines: true,
            all_words: false,
        }
    }
}

/// A passage of a hit, with where it sits in the source.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Passage {
    /// The passage, white space collapsed; `…` marks a cut.
    pub text: String,
    /// Marked spans as `[start, end)` character offsets into `text`.
    pub highlights: Vec<[usize; 2]>,
    /// Character offset of the passage in the article body.
    pub body_offset: usize,
    /// 1-based line of the source file where the passage starts (the
    /// article's first line when the passage cannot be found verbatim).
    pub line: u64,
}

/// The snippet of a hit: its passages joined with `…`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Snippet {
    /// Plain text of all passages joined.
    pub text: String,
    /// Highlighted spans as `[start, end)` character offsets into `text`.
    pub highlights: Vec<[usize; 2]>,
}

/// One ranked match.
#[derive(Debug, Clone, Serialize)]
pub struct Hit {
    /// 1-based rank, counting the offset.
    pub rank: usize,
    /// BM25 score (0 when sorted by date).
    pub score: f32,
    /// The article's stored fields (the body is left empty to keep hits light).
    pub article: Article,
    /// The passages, best first.
    pub passages: Vec<Passage>,
    /// The passages joined.
    pub snippet: Snippet,
    /// With relaxed matching: the query words this article contains.
    pub matched: Option<Vec<String>>,
}

/// The answer to a [`SearchRequest`].
#[derive(Debug, Clone)]
pub struct SearchResults {
    /// Number of matching articles in the whole index.
    pub total: usize,
    /// The requested page of hits, best first.
    pub hits: Vec<Hit>,
    /// A corrected query that finds more, when this one found little.
    pub suggestion: Option<String>,
    /// Whether the hits are partial matches because fewer than a page of
    /// articles matched every word.
    pub relaxed: bool,
    /// Articles that matched every word (equals `total` unless relaxed).
    pub strict_total: usize,
    /// Content words of the query (stop words left out), when relaxed.
    pub words: Vec<String>,
}

/// Parses the user's query (and filters) into a tantivy query.
pub fn build_query(opened: &Opened, req: &SearchRequest) -> Result<Compiled> {
    let f = &opened.fields;
    let mut compiled = if req.query.trim().is_empty() && !req.people.is_empty() {
        // `search --person NAME` alone: every article that names them.
        Compiled {
            query: Box::new(tantivy::query::AllQuery),
            relaxed: None,
            highlights: Default::default(),
            words: Vec::new(),
            count_apart: true,
        }
    } else {
        query::compile(&req.query, f).map_err(|e| Error::Query(e.to_string()))?
    };
    // `--person` terms score like `person:` in the query; filters do not.
    let mut scored: Vec<Box<dyn Query>> = Vec::new();
    for name in &req.people {
        let q = format!("person:\"{}\"", name.replace('"', " "));
        let person =
            query::compile(&q, f).map_err(|e| Error::Query(format!("--person {name:?}: {e}")))?;
        compiled.highlights.people.extend(person.highlights.people);
        scored.push(person.query);
    }
    let mut filters: Vec<Box<dyn Query>> = Vec::new();
    if req.since.is_some() || req.until.is_some() {
        filters.push(query::date_range(f.date, req.since, req.until));
    }
    if !req.sections.is_empty() {
        let any: Vec<(Occur, Box<dyn Query>)> = req
            .sections
            .iter()
            .map(|s| {
                let q: Box<dyn Query> = Box::new(TermQuery::new(
                    keyword_term(opened, f.section, s),
                    IndexRecordOption::Basic,
                ));
                (Occur::Should, q)
            })
            .collect();
        filters.push(Box::new(BooleanQuery::new(any)));
    }
    if req.all_words {
        compiled.relaxed = None;
    }
    // Filters select; they must not move the BM25 score.
    let required: Vec<Box<dyn Query>> = scored
        .into_iter()
        .chain(
            filters
                .into_iter()
                .map(|q| Box::new(ConstScoreQuery::new(q, 0.0)) as Box<dyn Query>),
        )
        .collect();
    if !required.is_empty() {
        // A filter or person clause cannot skip blocks: counting apart
        // would walk the intersection twice.
        compiled.count_apart = false;
        if let Some(plan) = &mut compiled.relaxed {
            plan.filters.extend(required.iter().map(|q| q.box_clone()));
        }
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = vec![(Occur::Must, compiled.query)];
        clauses.extend(required.into_iter().map(|q| (Occur::Must, q)));
        compiled.query = Box::new(BooleanQuery::new(clauses));
    }
    Ok(compiled)
}

/// The indexed term for a keyword value (lower-cased, accents folded).
fn keyword_term(opened: &Opened, field: tantivy::schema::Field, value: &str) -> Term {
    let mut analyzer = opened
        .index
        .tokenizers()
        .get(KEYWORD_ANALYZER)
        .expect("keyword analyzer registered");
    let mut stream = analyzer.token_stream(value);
    let mut text = value.to_string();
    if let Some(tok) = stream.next() {
        text = tok.text.clone();
    }
    Term::from_field_text(field, &text)
}

/// Runs a search and returns one page of hits with snippets.
pub fn search(opened: &Opened, req: &SearchRequest) -> Result<SearchResults> {
    let mut compiled = build_query(opened, req)?;
    let searcher = opened.searcher()?;
    let count_apart = compiled.count_apart;
    let (mut total, mut top) = top_docs(&searcher, &*compiled.query, req, count_apart)?;
    // Fewer than a page of articles has every word of a plain query: fill
    // the page with the best partial matches, after the full ones.
    let strict_total = total;
    let mut relaxed = false;
    if let Some(plan) = &compiled.relaxed {
        if total < req.offset + req.limit {
            let partial = query::relaxed_query(plan, &opened.fields);
            // Deep enough for the page, and for RERANK_DEPTH closest
            // matches besides the full ones: the blend with meaning
            // reorders those, and every page is cut from the same list.
            let depth = (req.offset + req.limit).max(RERANK_DEPTH + total);
            let whole = SearchRequest {
                offset: 0,
                limit: depth,
                ..req.clone()
            };
            // Every full match fits in `depth`; from the first page on,
            // they are the ones already found.
            let full = if req.offset == 0 {
                top.clone()
            } else {
                top_docs(&searcher, &*compiled.query, &whole, count_apart)?.1
            };
            // Its union of scored and constant clauses cannot skip blocks.
            let (n, partial) = top_docs(&searcher, &*partial, &whole, false)?;
            if n > total {
                // Articles with every word first, in their own order; the
                // closest matches after them.
                let mut closest: Vec<(f32, DocAddress)> = partial
                    .into_iter()
                    .filter(|(_, addr)| !full.iter().any(|(_, a)| a == addr))
                    .collect();
                if req.sort == Sort::Relevance {
                    // Only the best RERANK_DEPTH: the same ones whatever
                    // the page, so pages beyond it do not reshuffle it.
                    let n = closest.len().min(RERANK_DEPTH);
                    let words = plan.words.iter().map(|w| w.typed.as_str());
                    blend_meaning(&searcher, words, &mut closest[..n])?;
                }
                let mut merged = full;
                merged.extend(closest);
                top = merged
                    .into_iter()
                    .skip(req.offset)
                    .take(req.limit)
                    .collect();
                (total, relaxed) = (n, true);
            }
        }
    }
    if let (Some(plan), true) = (&compiled.relaxed, relaxed) {
        // Closest matches mark the words that made them match: not `to`
        // or `the` in every line, which count for nothing here.
        let content: std::collections::HashSet<&str> = plan
            .words
            .iter()
            .flat_map(|w| w.stems.iter().map(String::as_str))
            .collect();
        compiled
            .highlights
            .stems
            .retain(|s| content.contains(s.as_str()));
    }
    let f = &opened.fields;
    let mut sources = SourceCache::default();
    let mut hits = Vec::with_capacity(top.len());
    for (i, (score, addr)) in top.into_iter().enumerate().take(req.limit) {
        let doc: TantivyDocument = searcher.doc(addr)?;
        let mut article = schema::from_document(f, &doc);
        let mentions = person_mentions(&article, &compiled.highlights.people);
        let frags = snippet::fragments(
            &article.body,
            &compiled.highlights,
            &mentions,
            req.snippet_chars,
            req.snippets.max(1),
        );
        let lines = if req.locate_lines {
            sources.lines(&article, &frags)
        } else {
            vec![article.line; frags.len()]
        };
        let (text, highlights) = snippet::join(&frags);
        let passages = frags
            .into_iter()
            .zip(lines)
            .map(|(fr, line)| Passage {
                text: fr.text,
                highlights: fr.highlights,
                body_offset: fr.body_offset,
                line,
            })
            .collect();
        let matched = match (&compiled.relaxed, relaxed) {
            (Some(plan), true) => Some(matched_words(&article, &plan.words)),
            _ => None,
        };
        article.body = String::new();
        hits.push(Hit {
            rank: req.offset + i + 1,
            score,
            article,
            passages,
            snippet: Snippet { text, highlights },
            matched,
        });
    }
    let suggestion = if strict_total < 3 {
        suggest(opened, &searcher, req, &compiled, strict_total)?
    } else {
        None
    };
    Ok(SearchResults {
        total,
        hits,
        suggestion,
        relaxed,
        strict_total,
        words: match (&compiled.relaxed, relaxed) {
            (Some(plan), true) => plan.words.iter().map(|w| w.typed.clone()).collect(),
            _ => Vec::new(),
        },
    })
}

/// The query words (as typed) whose stems occur in the article.
fn matched_words(article: &Article, words: &[query::RelaxedWord]) -> Vec<String> {
    let present = snippet::stems_of([article.title.as_str(), article.body.as_str()]);
    words
        .iter()
        .filter(|w| w.stems.iter().all(|s| present.contains(s)))
        .map(|w| w.typed.clone())
        .collect()
}

/// Byte ranges in the body where the people a query asks for are named
/// (`Mr Khan` for `person:"Sadiq Khan"`), found by re-running the extractor
/// on the hit: cheaper than storing every mention in the index.
fn person_mentions(
    article: &Article,
    wanted: &[query::PersonMatch],
) -> Vec<std::ops::Range<usize>> {
    if wanted.is_empty() {
        return Vec::new();
    }
    crate::people::extract(&article.title, &article.body)
        .into_iter()
        .filter(|p| wanted.iter().any(|w| w.matches(&p.name)))
        .flat_map(|p| p.mentions)
        .filter(|m| m.field == crate::people::Field::Body)
        .map(|m| m.start..m.end)
        .collect()
}

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
fn blend_meaning<'a>(
    searcher: &Searcher,
    words: impl IntoIterator<Item = &'a str>,
    hits: &mut [(f32, DocAddress)],
) -> Result<()> {
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

/// Counts all matches and collects one page, by score or by date. With
/// `count_apart`, a search by relevance counts in a pass of its own.
fn top_docs(
    searcher: &Searcher,
    query: &dyn Query,
    req: &SearchRequest,
    count_apart: bool,
) -> Result<(usize, Vec<(f32, DocAddress)>)> {
    let top = TopDocs::with_limit(req.limit.max(1)).and_offset(req.offset);
    Ok(match req.sort {
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
            let order = if req.sort == Sort::Newest {
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

/// "Did you mean": proposes a query with one misspelt word replaced by an
/// indexed word within edit distance 1 (2 for words over four letters).
///
/// Each replacement that is more frequent than the typed word is tried; the
/// winner is the one whose words most often stand together as a phrase
/// (names are typed in order: `sadiq kahn` → `sadiq khan`, not `said kahn`),
/// then the closest, then the one that finds most articles. Offered only if it finds more than
/// the query did.
fn suggest(
    opened: &Opened,
    searcher: &Searcher,
    req: &SearchRequest,
    compiled: &Compiled,
    total: usize,
) -> Result<Option<String>> {
    if compiled.words.is_empty() {
        return Ok(None);
    }
    let f = &opened.fields;
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
        let Ok(compiled) = build_query(opened, &probe) else {
            continue;
        };
        let hits = searcher.search(&*compiled.query, &Count)?;
        if hits <= total {
            continue;
        }
        let together = if compiled.words.len() > 1 {
            probe.query = format!("\"{}\"", compiled.words.join(" "));
            match build_query(opened, &probe) {
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

/// Finds the source line of each passage by looking for its opening words
/// in the (decoded) source file; files are read once per search.
#[derive(Default)]
struct SourceCache {
    files: HashMap<String, Option<Vec<(usize, u64)>>>,
    text: HashMap<String, String>,
}

impl SourceCache {
    fn lines(&mut self, article: &Article, frags: &[Fragment]) -> Vec<u64> {
        if !self.files.contains_key(&article.path) {
            let loaded = std::fs::read(Path::new(&article.path))
                .ok()
                .and_then(|b| crate::ingest::decode::decode(&b, false).ok())
                .map(|d| normalise_with_lines(&d.text));
            match loaded {
                Some((text, map)) => {
                    self.text.insert(article.path.clone(), text);
                    self.files.insert(article.path.clone(), Some(map));
                }
                None => {
                    self.files.insert(article.path.clone(), None);
                }
            }
        }
        let (Some(Some(map)), Some(text)) =
            (self.files.get(&article.path), self.text.get(&article.path))
        else {
            return vec![article.line; frags.len()];
        };
        // Search from the article's own first line on (multi-article files).
        let from = map
            .iter()
            .find(|(_, line)| *line >= article.line)
            .map_or(0, |(at, _)| *at);
        frags
            .iter()
            .map(|fr| {
                let words: Vec<&str> = fr.text.trim_start_matches('…').split(' ').take(6).collect();
                let needle = words.join(" ");
                let needle = needle.trim_end_matches('…');
                if needle.len() < 8 {
                    return article.line;
                }
                match text[from..].find(needle) {
                    Some(at) => line_at(map, from + at),
                    None => article.line,
                }
            })
            .collect()
    }
}

/// Collapses white space in `text`, recording where each line starts in the
/// collapsed string.
fn normalise_with_lines(text: &str) -> (String, Vec<(usize, u64)>) {
    let mut out = String::with_capacity(text.len());
    let mut map = vec![(0usize, 1u64)];
    let mut line = 1u64;
    let mut pending_space = false;
    for c in text.chars() {
        if c == '\n' {
            line += 1;
            map.push((
                out.len() + usize::from(pending_space || !out.is_empty()),
                line,
            ));
        }
        if c.is_whitespace() {
            pending_space = !out.is_empty();
            continue;
        }
        if pending_space {
            out.push(' ');
            pending_space = false;
        }
        out.push(c);
    }
    (out, map)
}

/// The line holding byte `at` of the collapsed text.
fn line_at(map: &[(usize, u64)], at: usize) -> u64 {
    match map.binary_search_by(|(start, _)| start.cmp(&at)) {
        Ok(i) => map[i..]
            .iter()
            .take_while(|(s, _)| *s == at)
            .last()
            .map_or(1, |(_, l)| *l),
        Err(i) => map[i.saturating_sub(1)].1,
    }
}

/// Fetches one article by id, or by source path (the first article of that
/// file, or every article when `all_records`).
pub fn find_article(opened: &Opened, key: &str) -> Result<Vec<Article>> {
    let f = &opened.fields;
    let searcher = opened.searcher()?;
    let mut terms = vec![(f.id, key.to_string())];
    if let Ok(abs) = std::fs::canonicalize(key) {
        terms.push((f.path, abs.to_string_lossy().into_owned()));
    }
    terms.push((f.path, key.to_string()));
    for (field, value) in terms {
        let q = TermQuery::new(
            Term::from_field_text(field, &value),
            IndexRecordOption::Basic,
        );
        let top = searcher.search(&q, &TopDocs::with_limit(100_000).order_by_score())?;
        if !top.is_empty() {
            let mut out: Vec<Article> = top
                .into_iter()
                .map(|(_, addr)| {
                    searcher
                        .doc::<TantivyDocument>(addr)
                        .map(|d| schema::from_document(f, &d))
                })
                .collect::<tantivy::Result<_>>()?;
            out.sort_by_key(|a| a.record);
            return Ok(out);
        }
    }
    Err(Error::NotFound(key.to_string()))
}

/// Visits every stored article (in index order); stops at the first error
/// the visitor returns.
pub fn for_each_article<E: From<Error>>(
    opened: &Opened,
    mut visit: impl FnMut(Article) -> std::result::Result<(), E>,
) -> std::result::Result<(), E> {
    let searcher = opened.searcher().map_err(Error::from)?;
    for segment in searcher.segment_readers() {
        let store = segment.get_store_reader(64).map_err(Error::engine_io)?;
        let alive = segment.alive_bitset();
        for doc_id in 0..segment.max_doc() {
            if alive.is_some_and(|b| !b.is_alive(doc_id)) {
                continue;
            }
            let doc: TantivyDocument = store.get(doc_id).map_err(Error::from)?;
            visit(schema::from_document(&opened.fields, &doc))?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_are_found_in_collapsed_text() {
        let (text, map) = normalise_with_lines("Title\n\nFirst  para\ngoes on.\n\nSecond one.");
        assert_eq!(text, "Title First para goes on. Second one.");
        assert_eq!(line_at(&map, text.find("First").unwrap()), 3);
        assert_eq!(line_at(&map, text.find("goes").unwrap()), 4);
        assert_eq!(line_at(&map, text.find("Second").unwrap()), 6);
        assert_eq!(line_at(&map, 0), 1);
    }
}
