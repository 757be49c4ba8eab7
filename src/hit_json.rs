//! The JSON forms of the library's answers, shared by every front end:
//! `newsdex search --json` prints one [`HitJson`] per line, and the HTTP
//! API's `/api/search` returns the same objects in its `hits`. Keeping them
//! here means a script can move from one to the other unchanged.

use serde::Serialize;

use newsdex::search::{Hit, Passage};

/// The JSON form of one search hit (one object per line).
#[derive(Debug, Serialize)]
pub struct HitJson<'a> {
    /// 1-based rank.
    pub rank: usize,
    /// BM25 score.
    pub score: f32,
    /// Article id.
    pub id: &'a str,
    /// Absolute source path.
    pub path: &'a str,
    /// 1-based line where the article starts in its file.
    pub line: u64,
    /// Headline.
    pub title: &'a str,
    /// ISO 8601 date in UTC (`...Z`) or null.
    pub date: Option<String>,
    /// The same instant in the zone the source dated it in
    /// (`2012-08-12T08:00:00+09:00`), when the source named one: its day
    /// is the article's own, the one `--since`/`--until` go by.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date_local: Option<String>,
    /// Section or null.
    pub section: Option<&'a str>,
    /// Byline or null.
    pub byline: Option<&'a str>,
    /// Source or null.
    pub source: Option<&'a str>,
    /// URL or null.
    pub url: Option<&'a str>,
    /// The language the source names (ISO 639-1 code where known), when
    /// it names one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub language: Option<&'a str>,
    /// When a crawler fetched the page (web archives), ISO 8601: never the
    /// publication date.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub crawled: Option<String>,
    /// Words in the article.
    pub word_count: u64,
    /// Canonical names of the people the article mentions.
    pub people: &'a [String],
    /// Places the article is about (Reuters `<PLACES>`), maybe none.
    pub places: &'a [String],
    /// Snippet, plain text: the passages joined with `…`.
    pub snippet: &'a str,
    /// `[start, end)` character offsets of highlights in `snippet`.
    pub highlights: &'a [[usize; 2]],
    /// The passages, best first, each with its highlights and position.
    pub fragments: &'a [Passage],
    /// A corrected query that finds more, when this one found little.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub suggestion: Option<&'a str>,
    /// With a spelling correction searched instead: the query as typed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub query: Option<&'a str>,
    /// With a spelling correction searched instead: the query searched.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub corrected: Option<&'a str>,
    /// Present (true) when this hit is a closest match: the article lacks
    /// some of the query's words (it comes after every one that has them
    /// all).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub relaxed: bool,
    /// With `relaxed`: the query words this article contains.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub matched: Option<&'a [String]>,
    /// Ids of the other copies of this story, shown once here (empty with
    /// `--all-copies`).
    pub copies: Vec<&'a str>,
    /// The same copies, each with what tells it apart: headline, date,
    /// source, section.
    pub copy_articles: Vec<CopyJson<'a>>,
}

/// Another copy of a hit's story, as the page lists it.
#[derive(Debug, Serialize)]
pub struct CopyJson<'a> {
    /// Article id.
    pub id: &'a str,
    /// Headline.
    pub title: &'a str,
    /// ISO 8601 date in UTC (`...Z`) or null.
    pub date: Option<String>,
    /// The same instant in the zone the source dated it in, when it named
    /// one (as [`HitJson::date_local`]).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date_local: Option<String>,
    /// Source or null.
    pub source: Option<&'a str>,
    /// Section or null.
    pub section: Option<&'a str>,
}

impl<'a> From<&'a newsdex::article::Article> for CopyJson<'a> {
    fn from(a: &'a newsdex::article::Article) -> Self {
        CopyJson {
            id: &a.id,
            title: &a.title,
            date: a.date.map(iso),
            date_local: zoned_iso(a),
            source: a.source.as_deref(),
            section: a.section.as_deref(),
        }
    }
}

impl<'a> From<&'a Hit> for HitJson<'a> {
    fn from(h: &'a Hit) -> Self {
        let a = &h.article;
        HitJson {
            rank: h.rank,
            score: h.score,
            id: &a.id,
            path: &a.path,
            line: a.line,
            title: &a.title,
            date: a.date.map(iso),
            date_local: zoned_iso(a),
            section: a.section.as_deref(),
            byline: a.byline.as_deref(),
            language: a.language.as_deref(),
            crawled: a.crawled.map(iso),
            source: a.source.as_deref(),
            url: a.url.as_deref(),
            word_count: a.word_count,
            people: &a.people,
            places: &a.places,
            snippet: &h.snippet.text,
            highlights: &h.snippet.highlights,
            fragments: &h.passages,
            suggestion: None,
            query: None,
            corrected: None,
            relaxed: h.closest,
            matched: h.matched.as_deref(),
            copies: h.copies.iter().map(|c| c.id.as_str()).collect(),
            copy_articles: h.copies.iter().map(CopyJson::from).collect(),
        }
    }
}

/// The article's date in the zone the source named, ISO 8601 with its
/// offset (`2012-08-12T08:00:00+09:00`), seconds precision; `None` when
/// undated or dated without a zone.
pub fn zoned_iso(a: &newsdex::article::Article) -> Option<String> {
    a.zoned_date()
        .map(|d| d.to_rfc3339_opts(chrono::SecondsFormat::Secs, true))
}

/// The article's own day (`2012-08-12`): its date where it was published,
/// `undated` without one.
pub fn local_day(a: &newsdex::article::Article) -> String {
    a.local_date()
        .map_or("undated".to_string(), |d| d.format("%Y-%m-%d").to_string())
}

/// ISO 8601 in UTC with a `Z`, seconds precision.
pub fn iso(d: chrono::DateTime<chrono::Utc>) -> String {
    d.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}
