//! Running a query against an index and returning data: ranked [`Hit`]s
//! with snippets, the counts a page needs, and a "did you mean" suggestion
//! when a query finds little. Nothing here prints; the command line's
//! printer and the HTTP server render [`SearchResults`].
//!
//! What to match is a [`Criteria`] (`crate::query::build` compiles it);
//! how to present it is a [`Page`]. [`search`] runs the stages, each in a
//! file of its own:
//!
//! - `collect`: the page of document addresses (top docs by score or date,
//!   the recency boost, full matches then closest matches);
//! - `rerank`: closest matches blended with meaning;
//! - `hits`: stored articles, passages and highlights for the page;
//! - `lines`: where each passage sits in its source file;
//! - `marks`: what a query marks in one whole article (the article view);
//! - `suggest`: spelling corrections: searched instead of the query when
//!   it found nothing with every word and the correction is confident
//!   (unless `Criteria::exact`), offered as "did you mean" otherwise.
//!
//! Ranking is BM25 over the stemmed headline (boosted 2x) and body, or by
//! date with `Sort::Newest`/`Sort::Oldest`. Date and section filters are
//! required clauses that do not change the score.

mod collect;
mod explain;
mod hits;
mod lines;
mod marks;
mod rerank;
mod suggest;

use std::fmt;
use std::time::Instant;

use serde::Serialize;
use tantivy::Searcher;

use crate::article::Article;
use crate::error::Result;
use crate::query;
pub use crate::query::Criteria;
use crate::schema::Fields;

pub use marks::{marks, Marks};
pub use rerank::{CLOSENESS_SPREAD, MEANING_WEIGHT, RERANK_DEPTH};

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

/// How to present the matches: which page, in what order, with what
/// passages. What to match is a [`Criteria`].
#[derive(Debug, Clone, PartialEq)]
pub struct Page {
    /// Hits to return.
    pub limit: usize,
    /// Hits to skip (for paging).
    pub offset: usize,
    /// Order of hits.
    pub sort: Sort,
    /// Fragments per hit (0: none, a list of headlines).
    pub snippets: usize,
    /// Target length of one snippet fragment, in characters.
    pub snippet_chars: usize,
    /// Look up source line numbers of fragments (reads the source files).
    pub locate_lines: bool,
}

impl Default for Page {
    fn default() -> Self {
        Page {
            limit: 10,
            offset: 0,
            sort: Sort::Relevance,
            snippets: 3,
            snippet_chars: 200,
            locate_lines: true,
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
    /// A closest match: the article lacks some of the query's words (it
    /// comes after every article that has them all).
    pub closest: bool,
    /// For a closest match: the query words this article contains.
    pub matched: Option<Vec<String>>,
    /// The other copies of this article's story (`crate::stories`), shown
    /// once here: their stored fields, bodies left empty; none with
    /// `Criteria::all_copies`.
    pub copies: Vec<Article>,
}

/// The answer to a search.
#[derive(Debug, Clone)]
pub struct SearchResults {
    /// The query as asked (typed).
    pub query: String,
    /// The spelling correction searched instead of `query`, if any.
    pub corrected: Option<String>,
    /// Number of articles in the list the pages are cut from: with closest
    /// matches, every article with some of the words.
    pub total: usize,
    /// Number of stories in that list: copies of one story count once
    /// (equal to `total` with `Criteria::all_copies`). Pages are cut from
    /// these.
    pub stories: usize,
    /// Stories with every word: the figure to quote (the first
    /// `strict_stories` of the list; equal to `strict_total` with
    /// `Criteria::all_copies`).
    pub strict_stories: usize,
    /// The requested page of hits, best first.
    pub hits: Vec<Hit>,
    /// A corrected query that finds more, when this one found little.
    pub suggestion: Option<String>,
    /// Whether the list holds closest matches (articles without every
    /// word) after those with every word: the same on every page. Which
    /// hits are closest matches is [`Hit::closest`].
    pub relaxed: bool,
    /// Articles that matched every word (`total` counts those with some
    /// word too, for a plain query of two or more words).
    pub strict_total: usize,
    /// Content words of the query (stop words left out), when relaxed.
    pub words: Vec<String>,
    /// Criteria that match exactly the articles of the list: the query
    /// searched (the correction, if one was searched instead), with
    /// `any_words` when the list holds closest matches. Counts over them
    /// (`crate::facets`) describe what is listed.
    pub listed: Criteria,
    /// Hits skipped before this page.
    pub offset: usize,
    /// Time the search took, in milliseconds.
    pub took_ms: f64,
    /// When nothing matched: the filters that match nothing, explained.
    pub reasons: Vec<Notice>,
    /// Words of the query written like a field that name none
    /// (`obituary:`), searched as words.
    pub not_fields: Vec<String>,
    /// A question's function words, left out of the search (`why`, `did`).
    pub left_out: Vec<String>,
    /// The words searched, as typed, when some were left out.
    pub searched_words: Vec<String>,
}

/// Something a front end should tell the user besides the hits, in the
/// order given by [`SearchResults::notices`]. Its `Display` is the
/// sentence; front ends add their own hints (the command line names
/// `--all-words`). Serialised as `{"kind": "closest", ...fields}`, so a
/// front end with words of its own (the web page) can say it its way.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Notice {
    /// Closest matches follow: the articles from here on lack some of
    /// the words. Said where they start ([`SearchResults::divider`]), not
    /// among the notices.
    Closest {
        /// Stories (or articles, `stories` false) with every word.
        strict: usize,
        /// Whether `strict` counts stories.
        stories: bool,
        /// The words searched (content words, as typed).
        words: Vec<String>,
    },
    /// The query reads as a question: its function words were left out.
    Question {
        /// The words searched.
        searched: Vec<String>,
        /// The words left out.
        left_out: Vec<String>,
    },
    /// The query as typed found nothing with every word; a spelling
    /// correction was searched instead.
    Corrected {
        /// The query searched.
        searched: String,
        /// The query as typed.
        typed: String,
    },
    /// Nothing matched.
    NoMatches {
        /// The query as asked.
        query: String,
    },
    /// Articles matched, but the page starts after the last of them.
    PastTheEnd {
        /// Matching articles (stories, when copies are shown once).
        total: usize,
        /// Whether `total` counts stories.
        stories: bool,
    },
    /// A corrected query finds more.
    DidYouMean {
        /// The corrected query.
        query: String,
    },
    /// `since` is not before `until`.
    EmptyRange,
    /// Dates were asked of an index whose articles have none.
    NoDates,
    /// No article is in this section.
    UnknownSection {
        /// The section asked for.
        name: String,
        /// Sections with a near name, most articles first.
        near: Vec<String>,
    },
    /// No article names this person.
    UnknownPerson {
        /// The name asked for.
        name: String,
        /// People with that surname, most articles first.
        near: Vec<String>,
    },
    /// Nothing matched, and the query had a word written like a field
    /// (`obituary:`) that names none: it was searched as a word.
    NotAField {
        /// The word, without its colon.
        word: String,
    },
}

impl fmt::Display for Notice {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Notice::Closest {
                strict,
                stories,
                words,
            } => {
                let unit = if *stories { "story" } else { "article" };
                let all = match words.len() {
                    2 => format!("both {}", words.join(" and ")),
                    _ => format!("all of {}", words.join(", ")),
                };
                match strict {
                    0 => write!(f, "no {unit} has {all}; closest matches, with some of them"),
                    _ => write!(f, "closest matches, with only some of {}", words.join(", ")),
                }
            }
            Notice::Question { searched, left_out } => {
                let left: Vec<String> = left_out.iter().map(|w| format!("`{w}`")).collect();
                write!(
                    f,
                    "searched for {} (a question: left out {})",
                    searched.join(" "),
                    left.join(", ")
                )
            }
            Notice::NoMatches { query } if query.trim().is_empty() => {
                write!(f, "no article matches the filters given")
            }
            Notice::Corrected { searched, typed } => {
                write!(
                    f,
                    "showing results for {searched}; search instead for {typed}"
                )
            }
            Notice::NoMatches { query } => write!(f, "no matches for `{query}`"),
            Notice::PastTheEnd { total, stories } => write!(
                f,
                "no results on this page: {total} matching {}, the last at {total}",
                if *stories { "stories" } else { "articles" }
            ),
            Notice::DidYouMean { query } => write!(f, "did you mean: {query}"),
            Notice::EmptyRange => write!(
                f,
                "the date range ends before it starts (--since is after --until)"
            ),
            Notice::NoDates => write!(
                f,
                "no article in this index has a date, so a date filter matches nothing"
            ),
            Notice::UnknownSection { name, near } => {
                write!(f, "no article is in section `{name}`")?;
                match near.as_slice() {
                    [] => write!(f, " (`newsdex stats` lists the sections)"),
                    near => write!(f, "; near it: {}", near.join(", ")),
                }
            }
            Notice::UnknownPerson { name, near } => {
                write!(f, "no article names `{name}` as a person")?;
                match near.as_slice() {
                    [] => write!(f, " (`newsdex people` lists who is named)"),
                    near => write!(f, "; try {}", near.join(", ")),
                }
            }
            Notice::NotAField { word } => {
                let names: Vec<&str> = query::FieldName::ALL.iter().map(|(n, _)| *n).collect();
                write!(
                    f,
                    "`{word}:` is not a field; searched it as a word (fields: {})",
                    names.join(", ")
                )
            }
        }
    }
}

impl SearchResults {
    /// What to say just before the first closest match on this page (the
    /// index into `hits` and the notice), if the page has one.
    pub fn divider(&self) -> Option<(usize, Notice)> {
        let at = self.hits.iter().position(|h| h.closest)?;
        Some((
            at,
            Notice::Closest {
                strict: self.strict_stories,
                stories: self.stories < self.total,
                words: self.words.clone(),
            },
        ))
    }

    /// What to tell the user besides the hits, in the order to say it
    /// (the closest matches' divider is apart: [`SearchResults::divider`]).
    pub fn notices(&self) -> Vec<Notice> {
        let mut out = Vec::new();
        if let Some(searched) = &self.corrected {
            out.push(Notice::Corrected {
                searched: searched.clone(),
                typed: self.query.clone(),
            });
        }
        if !self.left_out.is_empty() {
            out.push(Notice::Question {
                searched: self.searched_words.clone(),
                left_out: self.left_out.clone(),
            });
        }
        if self.hits.is_empty() && self.total > 0 {
            out.push(Notice::PastTheEnd {
                total: self.stories,
                stories: self.stories < self.total,
            });
        } else if self.hits.is_empty() {
            out.push(Notice::NoMatches {
                query: self.query.clone(),
            });
            out.extend(
                self.not_fields
                    .iter()
                    .map(|w| Notice::NotAField { word: w.clone() }),
            );
        }
        out.extend(self.reasons.iter().cloned());
        if let Some(s) = &self.suggestion {
            out.push(Notice::DidYouMean { query: s.clone() });
        }
        out
    }
}

/// Suggestions are looked for below this many articles with every word.
const SUGGEST_BELOW: usize = 3;

/// Runs a search and returns one page of hits with snippets.
///
/// When the query finds no article with every word and a confident
/// spelling correction finds some, the correction is searched instead
/// (`corrected`), unless `criteria.exact` or the query has quotes; a less
/// confident one is offered as `suggestion`.
pub fn search(
    searcher: &Searcher,
    fields: &Fields,
    criteria: &Criteria,
    page: &Page,
) -> Result<SearchResults> {
    let started = Instant::now();
    let (mut results, compiled) = run(searcher, fields, criteria, page)?;
    if results.strict_total < SUGGEST_BELOW {
        let spelling =
            suggest::correct(searcher, fields, criteria, &compiled, results.strict_total)?;
        if let Some(s) = spelling {
            let switch = s.confident && !criteria.exact && !criteria.query.contains('"');
            let instead = if switch {
                let c = Criteria {
                    query: s.query.clone(),
                    ..criteria.clone()
                };
                Some(run(searcher, fields, &c, page)?.0).filter(|r| r.total > 0)
            } else {
                None
            };
            match instead {
                Some(r) => {
                    results = SearchResults {
                        query: criteria.query.clone(),
                        corrected: Some(s.query),
                        ..r
                    }
                }
                None => results.suggestion = Some(s.query),
            }
        }
    }
    results.took_ms = started.elapsed().as_secs_f64() * 1000.0;
    Ok(results)
}

/// One search as asked, without spelling: the results (no suggestion yet)
/// and the compiled query.
fn run(
    searcher: &Searcher,
    fields: &Fields,
    criteria: &Criteria,
    page: &Page,
) -> Result<(SearchResults, query::Compiled)> {
    let stemming = query::Stemming::of_index(searcher, fields);
    let mut compiled = query::build(fields, &stemming, criteria)?;
    let got = collect::collect(searcher, fields, &compiled, page, criteria.all_copies)?;
    let copies = if criteria.all_copies {
        vec![Vec::new(); got.top.len()]
    } else {
        let mut stories = crate::stories::Stories::new(searcher);
        got.top
            .iter()
            .map(|&(_, at)| crate::stories::copies(searcher, fields, &mut stories, at))
            .collect::<Result<Vec<_>>>()?
    };
    let plan = compiled.relaxed.as_ref().filter(|_| got.relaxed);
    let listed = Criteria {
        any_words: got.relaxed,
        ..criteria.clone()
    };
    if let Some(plan) = plan {
        closest_highlights(&mut compiled.highlights, plan);
    }
    let words = plan.map_or_else(Vec::new, |p| {
        p.words.iter().map(|w| w.typed.clone()).collect()
    });
    let mut hits = hits::build(searcher, fields, &compiled, got.closest_from, got.top, page)?;
    for (hit, copies) in hits.iter_mut().zip(copies) {
        hit.copies = copies;
    }
    let reasons = if got.total == 0 {
        explain::explain(searcher, fields, criteria)?
    } else {
        Vec::new()
    };
    let results = SearchResults {
        reasons,
        not_fields: compiled.not_fields.clone(),
        left_out: compiled.left_out.clone(),
        searched_words: if compiled.left_out.is_empty() {
            Vec::new()
        } else {
            let bare = |w: &String| w.trim_matches(|c: char| !c.is_alphanumeric()).to_string();
            compiled.words.iter().map(bare).collect()
        },
        query: criteria.query.clone(),
        corrected: None,
        total: got.total,
        stories: got.stories,
        strict_stories: got.strict_stories,
        hits,
        suggestion: None,
        relaxed: got.relaxed,
        strict_total: got.strict_total,
        words,
        listed,
        offset: page.offset,
        took_ms: 0.0,
    };
    Ok((results, compiled))
}

/// What closest matches mark: the words that made them match, not `to`
/// or `the` in every line, which count for nothing there.
fn closest_highlights(highlights: &mut query::Highlights, plan: &query::RelaxedPlan) {
    let content: std::collections::HashSet<&str> = plan
        .words
        .iter()
        .flat_map(|w| w.stems.iter().map(String::as_str))
        .collect();
    highlights.stems.retain(|s| content.contains(s.as_str()));
    // Unspaced Chinese or Japanese matched pair by pair: mark the pairs.
    let pairs = content.iter().filter(|s| crate::language::has_bigrammed(s));
    highlights.stems.extend(pairs.map(|s| s.to_string()));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testdata::ram_index;

    fn page(limit: usize, offset: usize) -> Page {
        Page {
            limit,
            offset,
            locate_lines: false,
            ..Page::default()
        }
    }

    fn titles(r: &SearchResults) -> Vec<&str> {
        r.hits.iter().map(|h| h.article.title.as_str()).collect()
    }

    const ARTICLES: &[(&str, &str, &str)] = &[
        (
            "politics",
            "Budget row",
            "The chancellor's budget angered the opposition. Tax rises.",
        ),
        (
            "politics",
            "Election called",
            "The prime minister called an election. Voters go to the polls in May.",
        ),
        (
            "business",
            "Oil prices climb",
            "Oil prices rose as supply fell. Traders bought oil.",
        ),
        (
            "sport",
            "Cup final",
            "The cup final went to penalties after extra time.",
        ),
        (
            "business",
            "Budget cheers markets",
            "Markets rose after the budget. The chancellor cut tax.",
        ),
        (
            "politics",
            "Tax debate",
            "MPs debated tax. Gordon Brown defended the budget.",
        ),
    ];

    #[test]
    fn every_word_first_headline_counts_double() {
        let (index, f) = ram_index(ARTICLES);
        let s = index.reader().unwrap().searcher();
        let r = search(&s, &f, &Criteria::query("budget"), &page(10, 0)).unwrap();
        assert_eq!(r.total, 3);
        assert!(!r.relaxed);
        // The two with the word in the headline come before the one with it
        // only in the body.
        assert_eq!(titles(&r)[2], "Tax debate", "{:?}", titles(&r));
        let passage = &r.hits[0].passages[0];
        let marked: Vec<String> = passage
            .highlights
            .iter()
            .map(|[a, b]| passage.text.chars().skip(*a).take(b - a).collect())
            .collect();
        assert!(
            marked.iter().all(|m| m.eq_ignore_ascii_case("budget")),
            "{marked:?}"
        );
    }

    #[test]
    fn too_few_full_matches_bring_closest_matches_after_them() {
        let (index, f) = ram_index(ARTICLES);
        let s = index.reader().unwrap().searcher();
        let r = search(&s, &f, &Criteria::query("budget oil"), &page(10, 0)).unwrap();
        assert!(r.relaxed);
        assert_eq!(r.strict_total, 0);
        assert_eq!(r.total, 4, "{:?}", titles(&r));
        assert!(r
            .hits
            .iter()
            .all(|h| h.closest && h.matched.as_ref().is_some_and(|m| m.len() == 1)));
        let (at, divider) = r.divider().unwrap();
        assert_eq!(at, 0);
        assert_eq!(
            divider.to_string(),
            "no article has both budget and oil; closest matches, with some of them"
        );
        assert!(!r
            .notices()
            .iter()
            .any(|n| matches!(n, Notice::Closest { .. })));
        // Not with all_words.
        let strict = Criteria {
            all_words: true,
            ..Criteria::query("budget oil")
        };
        let r = search(&s, &f, &strict, &page(10, 0)).unwrap();
        assert!(!r.relaxed && r.hits.is_empty());
        assert!(r.notices().contains(&Notice::NoMatches {
            query: "budget oil".into()
        }));
    }

    #[test]
    fn an_unknown_field_is_a_word_and_said_so_when_nothing_matches() {
        let (index, f) = ram_index(ARTICLES);
        let s = index.reader().unwrap().searcher();
        let r = search(&s, &f, &Criteria::query("Budget: row"), &page(10, 0)).unwrap();
        assert_eq!((r.strict_total, titles(&r)[0]), (1, "Budget row"));
        assert!(!r
            .notices()
            .iter()
            .any(|n| matches!(n, Notice::NotAField { .. })));
        let strict = Criteria {
            all_words: true,
            ..Criteria::query("Zebra: budget")
        };
        let r = search(&s, &f, &strict, &page(10, 0)).unwrap();
        let notice = Notice::NotAField {
            word: "zebra".into(),
        };
        assert!(r.notices().contains(&notice), "{:?}", r.notices());
        assert!(notice
            .to_string()
            .starts_with("`zebra:` is not a field; searched it as a word (fields: title, body,"));
    }

    #[test]
    fn pages_are_cut_from_one_list() {
        let (index, f) = ram_index(ARTICLES);
        let s = index.reader().unwrap().searcher();
        let c = Criteria::query("budget tax oil");
        let whole = search(&s, &f, &c, &page(10, 0)).unwrap();
        let mut paged = Vec::new();
        for offset in (0..whole.total).step_by(2) {
            let p = search(&s, &f, &c, &page(2, offset)).unwrap();
            assert_eq!(
                p.total, whole.total,
                "the total does not depend on the page"
            );
            paged.extend(p.hits.into_iter().map(|h| (h.rank, h.article.id)));
        }
        let ids: Vec<(usize, String)> = whole
            .hits
            .into_iter()
            .map(|h| (h.rank, h.article.id))
            .collect();
        assert_eq!(paged, ids);
    }

    #[test]
    fn filters_select_without_changing_scores() {
        let (index, f) = ram_index(ARTICLES);
        let s = index.reader().unwrap().searcher();
        let all = search(&s, &f, &Criteria::query("budget"), &page(10, 0)).unwrap();
        let c = Criteria {
            sections: vec!["Politics".into()],
            ..Criteria::query("budget")
        };
        let politics = search(&s, &f, &c, &page(10, 0)).unwrap();
        assert_eq!(politics.total, 2);
        for h in &politics.hits {
            let same = all
                .hits
                .iter()
                .find(|a| a.article.id == h.article.id)
                .unwrap();
            assert_eq!(same.score, h.score);
        }
    }

    #[test]
    fn a_misspelling_gets_a_suggestion_from_the_index() {
        let (index, f) = ram_index(ARTICLES);
        let s = index.reader().unwrap().searcher();
        let r = search(&s, &f, &Criteria::query("chancelor"), &page(10, 0)).unwrap();
        assert_eq!(r.total, 0);
        assert_eq!(r.suggestion.as_deref(), Some("chancellor"));
        assert_eq!(
            r.notices().last(),
            Some(&Notice::DidYouMean {
                query: "chancellor".into()
            })
        );
        // As data, for front ends with words of their own (issue #25).
        assert_eq!(
            serde_json::to_value(r.notices()).unwrap(),
            serde_json::json!([
                {"kind": "no_matches", "query": "chancelor"},
                {"kind": "did_you_mean", "query": "chancellor"}
            ])
        );
        // A query that finds enough gets none.
        let r = search(&s, &f, &Criteria::query("budget"), &page(10, 0)).unwrap();
        assert_eq!(r.suggestion, None);
    }

    #[test]
    fn the_total_and_order_do_not_depend_on_the_page() {
        let (index, f) = ram_index(ARTICLES);
        let s = index.reader().unwrap().searcher();
        let c = Criteria::query("tax chancellor");
        // Two articles have both words, one has `tax` only: a page among
        // the full matches counts it too.
        let first = search(&s, &f, &c, &page(1, 0)).unwrap();
        assert_eq!((first.total, first.strict_total), (3, 2));
        assert_eq!((first.stories, first.strict_stories), (3, 2));
        // The list has closest matches, whatever the page: only the hit
        // that lacks a word is one, and the divider sits just before it.
        assert!(first.relaxed);
        assert!(first.divider().is_none());
        let whole = search(&s, &f, &c, &page(10, 0)).unwrap();
        assert_eq!(whole.divider().map(|(at, _)| at), Some(2));
        // The facets of the list count what it lists, closest matches too.
        let counted = crate::facets::facets(&s, &f, Some(&whole.listed), 10).unwrap();
        assert_eq!(counted.total, 3);
        let mut paged = Vec::new();
        for offset in 0..3 {
            let p = search(&s, &f, &c, &page(1, offset)).unwrap();
            assert_eq!((p.total, p.strict_total, p.strict_stories), (3, 2, 2));
            assert!(p.relaxed);
            assert_eq!(p.hits[0].closest, offset == 2);
            assert_eq!(p.hits[0].matched.is_some(), offset == 2);
            assert_eq!(p.divider().is_some(), offset == 2);
            paged.extend(p.hits.into_iter().map(|h| h.article.id));
        }
        let ids: Vec<String> = whole.hits.into_iter().map(|h| h.article.id).collect();
        assert_eq!(paged, ids);
        // Past the end: how many there are.
        let past = search(&s, &f, &c, &page(5, 7)).unwrap();
        assert!(past.hits.is_empty());
        assert_eq!(
            past.notices(),
            vec![Notice::PastTheEnd {
                total: 3,
                stories: false
            }]
        );
    }

    #[test]
    fn a_confident_correction_is_searched_instead_unless_exact() {
        let mut articles = ARTICLES.to_vec();
        for _ in 0..10 {
            articles.push((
                "politics",
                "Brown speech",
                "Gordon Brown spoke to the party conference.",
            ));
        }
        let (index, f) = ram_index(&articles);
        let s = index.reader().unwrap().searcher();
        let r = search(&s, &f, &Criteria::query("gordan brwon"), &page(10, 0)).unwrap();
        assert_eq!(r.query, "gordan brwon");
        assert_eq!(r.corrected.as_deref(), Some("gordon brown"));
        assert_eq!(r.total, 11);
        // What the list holds: the correction's matches.
        assert_eq!(r.listed.query, "gordon brown");
        let counted = crate::facets::facets(&s, &f, Some(&r.listed), 10).unwrap();
        assert_eq!(
            (counted.total, r.stories),
            (2, 2),
            "ten copies of one story"
        );
        assert_eq!(
            r.notices()[0],
            Notice::Corrected {
                searched: "gordon brown".into(),
                typed: "gordan brwon".into()
            }
        );
        let exact = Criteria {
            exact: true,
            ..Criteria::query("gordan brwon")
        };
        let r = search(&s, &f, &exact, &page(10, 0)).unwrap();
        assert_eq!((r.total, r.corrected.as_deref()), (0, None));
        assert_eq!(r.suggestion.as_deref(), Some("gordon brown"));
        // Quotes keep the query as typed too.
        let quoted = Criteria::query("\"gordan\" brwon");
        let r = search(&s, &f, &quoted, &page(10, 0)).unwrap();
        assert_eq!(r.corrected, None);
    }

    /// Issue #25: a question's function words neither gate nor count.
    #[test]
    fn a_question_is_searched_for_its_subject() {
        let (index, f) = ram_index(ARTICLES);
        let s = index.reader().unwrap().searcher();
        let r = search(
            &s,
            &f,
            &Criteria::query("Why did oil prices climb?"),
            &page(10, 0),
        )
        .unwrap();
        assert_eq!((r.strict_total, titles(&r)[0]), (1, "Oil prices climb"));
        assert_eq!(
            r.notices()[0].to_string(),
            "searched for oil prices climb (a question: left out `why`, `did`)"
        );
        // Not a question: every word counts.
        let r = search(&s, &f, &Criteria::query("oil prices why"), &page(10, 0)).unwrap();
        assert_eq!(r.strict_total, 0);
        assert!(r.left_out.is_empty());
    }

    #[test]
    fn sorting_by_date_gives_no_scores() {
        let (index, f) = ram_index(ARTICLES);
        let s = index.reader().unwrap().searcher();
        let c = Criteria::query("tax");
        let p = Page {
            sort: Sort::Newest,
            ..page(10, 0)
        };
        let r = search(&s, &f, &c, &p).unwrap();
        assert_eq!(r.total, 3);
        assert!(r.hits.iter().all(|h| h.score == 0.0));
    }

    /// Issue #25: the server's home page lists the newest articles of the
    /// whole archive: no query and no filter matches every article.
    #[test]
    fn nothing_asked_matches_the_whole_archive() {
        let (index, f) = ram_index(ARTICLES);
        let s = index.reader().unwrap().searcher();
        let p = Page {
            sort: Sort::Newest,
            ..page(2, 0)
        };
        let r = search(&s, &f, &Criteria::default(), &p).unwrap();
        assert_eq!(r.total as u64, s.num_docs());
        assert_eq!(r.hits.len(), 2);
        assert!(!r.relaxed);
        assert!(r.notices().is_empty(), "{:?}", r.notices());
    }
}
