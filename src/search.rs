//! Running a query against an opened index and returning data: ranked
//! [`Hit`]s with snippets. Nothing here prints; `crate::output` renders.
//!
//! Query syntax is tantivy's: words are all required by default (`AND`),
//! `OR`, `-word`, `"quoted phrases"`, `field:value` (title, body, section,
//! source, byline, id, url), ranked with BM25 over title (boosted) and body.
//! Date and section filters from the command line are added as required
//! clauses that do not change the score.

use std::ops::Bound;

use chrono::{DateTime, Utc};
use serde::Serialize;
use tantivy::collector::{Count, TopDocs};
use tantivy::query::{
    BooleanQuery, ConstScoreQuery, Occur, Query, QueryParser, RangeQuery, TermQuery,
};
use tantivy::schema::IndexRecordOption;
use tantivy::snippet::SnippetGenerator;
use tantivy::{DateTime as TantivyDateTime, TantivyDocument, Term};

use crate::article::Article;
use crate::error::{Error, Result};
use crate::schema::{self, KEYWORD_ANALYZER};
use crate::store::Opened;

/// Boost of the title field relative to the body.
pub const TITLE_BOOST: f32 = 2.0;

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
    /// Target snippet length in characters.
    pub snippet_chars: usize,
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
            snippet_chars: 200,
        }
    }
}

/// A passage of an article with the matching words marked.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Snippet {
    /// Plain text, white space collapsed; `…` marks a cut.
    pub text: String,
    /// Highlighted spans as `[start, end)` character offsets into `text`.
    pub highlights: Vec<[usize; 2]>,
}

/// One ranked match.
#[derive(Debug, Clone, Serialize)]
pub struct Hit {
    /// 1-based rank, counting the offset.
    pub rank: usize,
    /// BM25 score.
    pub score: f32,
    /// The article's stored fields (the body is left empty to keep hits light).
    pub article: Article,
    /// The best matching passage.
    pub snippet: Snippet,
}

/// The answer to a [`SearchRequest`].
#[derive(Debug, Clone)]
pub struct SearchResults {
    /// Number of matching articles in the whole index.
    pub total: usize,
    /// The requested page of hits, best first.
    pub hits: Vec<Hit>,
}

/// Parses the user's query (and filters) into a tantivy query.
pub fn build_query(opened: &Opened, req: &SearchRequest) -> Result<Box<dyn Query>> {
    let f = &opened.fields;
    let mut parser = QueryParser::for_index(&opened.index, vec![f.title, f.body]);
    parser.set_conjunction_by_default();
    parser.set_field_boost(f.title, TITLE_BOOST);
    let text = req.query.trim();
    if text.is_empty() {
        return Err(Error::Query(
            "the query is empty: give some words to search for".into(),
        ));
    }
    // tantivy's parser has panicked on odd input in the past; never let that
    // take the process down.
    let parsed = std::panic::catch_unwind(|| parser.parse_query(text))
        .map_err(|_| Error::Query(format!("cannot parse `{text}`")))?
        .map_err(|e| Error::Query(format!("{e} in `{text}`")))?;
    let mut filters: Vec<(Occur, Box<dyn Query>)> = Vec::new();
    if req.since.is_some() || req.until.is_some() {
        let term = |d: DateTime<Utc>| {
            Term::from_field_date(f.date, TantivyDateTime::from_timestamp_secs(d.timestamp()))
        };
        let lower = req
            .since
            .map_or(Bound::Unbounded, |d| Bound::Included(term(d)));
        let upper = req
            .until
            .map_or(Bound::Unbounded, |d| Bound::Excluded(term(d)));
        filters.push((Occur::Must, Box::new(RangeQuery::new(lower, upper))));
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
        filters.push((Occur::Must, Box::new(BooleanQuery::new(any))));
    }
    if filters.is_empty() {
        return Ok(parsed);
    }
    let mut clauses: Vec<(Occur, Box<dyn Query>)> = vec![(Occur::Must, parsed)];
    for (occur, q) in filters {
        // Filters select; they must not move the BM25 score.
        clauses.push((occur, Box::new(ConstScoreQuery::new(q, 0.0))));
    }
    Ok(Box::new(BooleanQuery::new(clauses)))
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
    let query = build_query(opened, req)?;
    let reader = opened.index.reader()?;
    let searcher = reader.searcher();
    let top = TopDocs::with_limit(req.limit.max(1))
        .and_offset(req.offset)
        .order_by_score();
    let (total, top) = searcher.search(&query, &(Count, top))?;
    let f = &opened.fields;
    let mut gen = SnippetGenerator::create(&searcher, &*query, f.body)?;
    gen.set_max_num_chars(req.snippet_chars);
    let mut hits = Vec::with_capacity(top.len());
    for (i, (score, addr)) in top.into_iter().enumerate().take(req.limit) {
        let doc: TantivyDocument = searcher.doc(addr)?;
        let mut article = schema::from_document(f, &doc);
        let snip = gen.snippet(&article.body);
        let snippet = if snip.fragment().is_empty() {
            lead_snippet(&article.body, req.snippet_chars)
        } else {
            let range = snip.fragment_range();
            make_snippet(
                snip.fragment(),
                snip.highlighted(),
                range.start > 0,
                range.end < article.body.len(),
            )
        };
        article.body = String::new();
        hits.push(Hit {
            rank: req.offset + i + 1,
            score,
            article,
            snippet,
        });
    }
    Ok(SearchResults { total, hits })
}

/// Fetches one article by id, or by source path (the first article of that
/// file, or every article when `all_records`).
pub fn find_article(opened: &Opened, key: &str) -> Result<Vec<Article>> {
    let f = &opened.fields;
    let reader = opened.index.reader()?;
    let searcher = reader.searcher();
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
    let reader = opened.index.reader().map_err(Error::from)?;
    let searcher = reader.searcher();
    for segment in searcher.segment_readers() {
        let store = segment
            .get_store_reader(64)
            .map_err(|e| Error::Tantivy(e.into()))?;
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

/// A snippet from the start of the body, for hits that match only in the
/// title or metadata.
fn lead_snippet(body: &str, max_chars: usize) -> Snippet {
    let mut end = 0;
    for (i, c) in body.char_indices() {
        if i >= max_chars {
            break;
        }
        if c.is_whitespace() {
            end = i;
        }
        if i + c.len_utf8() == body.len() {
            end = body.len();
        }
    }
    if body.len() <= max_chars {
        end = body.len();
    }
    make_snippet(&body[..end], &[], false, end < body.len())
}

/// Collapses white space in a fragment, adds `…` where it was cut, and turns
/// byte ranges into character offsets.
fn make_snippet(
    fragment: &str,
    ranges: &[std::ops::Range<usize>],
    cut_start: bool,
    cut_end: bool,
) -> Snippet {
    let mut text = String::new();
    let mut chars = 0usize;
    let mut highlights: Vec<[usize; 2]> = Vec::new();
    if cut_start {
        text.push('…');
        chars += 1;
    }
    let mut pending_space = false;
    // Highlight boundaries, as byte offsets into the fragment.
    let mut open: Option<usize> = None;
    for (i, c) in fragment.char_indices() {
        for r in ranges {
            if r.end == i && open.is_some() {
                highlights.push([open.take().unwrap(), chars]);
            }
        }
        if c.is_whitespace() {
            pending_space = !text.is_empty() && !text.ends_with('…');
            continue;
        }
        if pending_space {
            text.push(' ');
            chars += 1;
            pending_space = false;
        }
        if ranges.iter().any(|r| r.start == i) && open.is_none() {
            open = Some(chars);
        }
        text.push(c);
        chars += 1;
    }
    if let Some(start) = open {
        highlights.push([start, chars]);
    }
    if cut_end {
        text.push('…');
    }
    // "door to door" reads better as one highlight than as three.
    let chars_vec: Vec<char> = text.chars().collect();
    let mut merged: Vec<[usize; 2]> = Vec::new();
    for h in highlights {
        if let Some(last) = merged.last_mut() {
            if h[0] >= last[1] && chars_vec[last[1]..h[0]].iter().all(|c| *c == ' ') {
                last[1] = h[1];
                continue;
            }
        }
        merged.push(h);
    }
    Snippet {
        text,
        highlights: merged,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snippet_offsets_are_characters_after_collapsing() {
        let frag = "Café  owners\n\ncampaign hard";
        // "owners" is bytes 7..13, "campaign" 15..23.
        let s = make_snippet(frag, &[7..13, 15..23], true, true);
        assert_eq!(s.text, "…Café owners campaign hard…");
        let pick = |h: [usize; 2]| {
            s.text
                .chars()
                .skip(h[0])
                .take(h[1] - h[0])
                .collect::<String>()
        };
        assert_eq!(s.highlights.len(), 1);
        assert_eq!(pick(s.highlights[0]), "owners campaign");
        let s = make_snippet("a door, to door", &[2..6, 11..15], false, false);
        assert_eq!(s.highlights, vec![[2, 6], [11, 15]]);
    }

    #[test]
    fn lead_snippet_cuts_at_a_word() {
        let s = lead_snippet("one two three four", 9);
        assert_eq!(s.text, "one two…");
        assert!(s.highlights.is_empty());
        assert_eq!(lead_snippet("short", 200).text, "short");
    }
}
