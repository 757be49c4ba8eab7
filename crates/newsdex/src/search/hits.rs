//! Turning a page of document addresses into [`Hit`]s: the stored article,
//! its best passages with the query's words (and the people it asks for)
//! marked, where each passage sits in the source file, and, for closest
//! matches, which query words the article has.

use tantivy::{DocAddress, Searcher, TantivyDocument};

use super::lines::SourceCache;
use super::{Hit, Page, Passage, Snippet};
use crate::article::Article;
use crate::error::Result;
use crate::query::{self, Compiled};
use crate::schema::{self, Fields};
use crate::snippet;

/// The hits for `top`, ranked from `page.offset + 1`; those from list
/// position `closest_from` (0-based) on are closest matches.
pub(super) fn build(
    searcher: &Searcher,
    f: &Fields,
    compiled: &Compiled,
    closest_from: usize,
    top: Vec<(f32, DocAddress)>,
    page: &Page,
) -> Result<Vec<Hit>> {
    let mut sources = SourceCache::default();
    let mut hits = Vec::with_capacity(top.len());
    for (i, (score, addr)) in top.into_iter().enumerate().take(page.limit) {
        let doc: TantivyDocument = searcher.doc(addr)?;
        let mut article = schema::from_document(f, &doc);
        crate::person_links::drop_things(searcher, f, &mut article.people)?;
        let mentions = person_mentions(
            &article,
            &compiled.highlights.people,
            crate::people::Field::Body,
        );
        // No passages asked for: a list of headlines.
        let frags = if page.snippets == 0 {
            Vec::new()
        } else {
            snippet::fragments(
                &article.body,
                article.language.as_deref(),
                &compiled.highlights,
                &mentions,
                page.snippet_chars,
                page.snippets,
            )
        };
        let lines = if page.locate_lines {
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
        let closest = page.offset + i >= closest_from;
        let matched = match &compiled.relaxed {
            Some(plan) if closest => Some(matched_words(&article, &plan.words)),
            _ => None,
        };
        article.body = String::new();
        hits.push(Hit {
            rank: page.offset + i + 1,
            score,
            article,
            passages,
            snippet: Snippet { text, highlights },
            closest,
            matched,
            copies: Vec::new(),
        });
    }
    Ok(hits)
}

/// The query words (as typed) whose stems occur in the article.
pub(super) fn matched_words(article: &Article, words: &[query::RelaxedWord]) -> Vec<String> {
    let present = snippet::stems_of([article.title.as_str(), article.body.as_str()]);
    words
        .iter()
        .filter(|w| w.stems.iter().all(|s| present.contains(s)))
        .map(|w| w.typed.clone())
        .collect()
}

/// Byte ranges in the `field` (body or headline) where the people a query
/// asks for are named (`Mr Khan` for `person:"Sadiq Khan"`), found by
/// re-running the extractor on the hit: cheaper than storing every mention
/// in the index.
pub(super) fn person_mentions(
    article: &Article,
    wanted: &[query::PersonMatch],
    field: crate::people::Field,
) -> Vec<std::ops::Range<usize>> {
    if wanted.is_empty() {
        return Vec::new();
    }
    let people = crate::people::extract(&article.title, &article.body, article.language.as_deref());
    // A whole name the article never gives in full matched through its
    // surname alone (`crate::person_links`): mark that surname.
    let linked: Vec<&query::PersonMatch> = wanted
        .iter()
        .filter(|w| !people.iter().any(|p| w.matches(&p.name)))
        .collect();
    people
        .into_iter()
        .filter(|p| {
            wanted.iter().any(|w| w.matches(&p.name))
                || linked.iter().any(|w| w.surname_alone(&p.name))
        })
        .flat_map(|p| p.mentions)
        .filter(|m| m.field == field)
        .map(|m| m.start..m.end)
        .collect()
}
