//! The JSON API's handlers. Each checks its parameters ([`Params`]), then
//! runs the same library calls the command line makes (`search::search`,
//! `facets`, `Opened::article_by_id`, `stats`) on a blocking thread, under
//! a time limit, and answers with their data.

use std::time::Instant;

use axum::extract::{Path, RawQuery, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::Serialize;

use super::error::ApiError;
use super::params::Params;
use super::App;
use crate::hit_json::{iso, HitJson};
use crate::serve::state::Generation;
use newsdex::article::Article;
use newsdex::facets::{self, Facets, Period, ValueCount};
use newsdex::people;
use newsdex::person_links;
use newsdex::search::{self, Criteria, Notice, Page, Sort};

/// Most hits one page may ask for.
pub const MAX_LIMIT: usize = 100;
/// Deepest page: hits skipped at most.
pub const MAX_OFFSET: usize = 10_000;
/// Values listed per facet.
pub const FACET_VALUES: usize = 20;

pub(super) const FILTERS: [&str; 7] = [
    "q",
    "person",
    "section",
    "lang",
    "since",
    "until",
    "all_copies",
];

/// Runs `job` on the blocking pool with the index as of now, within the
/// server's time limit and its bound on searches at once.
pub(super) async fn blocking<T: Send + 'static>(
    app: &App,
    job: impl FnOnce(&Generation) -> Result<T, ApiError> + Send + 'static,
) -> Result<T, ApiError> {
    let permit = tokio::time::timeout(app.limits.timeout, app.permits.clone().acquire_owned())
        .await
        .map_err(|_| ApiError::unavailable("busy", "the server is busy; try again shortly"))?
        .expect("semaphore never closed");
    let index = app.index.clone();
    let task = tokio::task::spawn_blocking(move || {
        let _permit = permit;
        let generation = index.current().map_err(ApiError::from_library)?;
        job(&generation)
    });
    match tokio::time::timeout(app.limits.timeout, task).await {
        Ok(Ok(result)) => result,
        Ok(Err(join)) => {
            eprintln!("newsdex serve: a request failed: {join}");
            Err(ApiError::from_library(newsdex::error::Error::Corrupt(
                "a request stopped unexpectedly".into(),
            )))
        }
        Err(_) => Err(ApiError::unavailable(
            "timeout",
            format!(
                "the request took over {} s; narrow the query or add filters",
                app.limits.timeout.as_secs()
            ),
        )),
    }
}

/// The filters shared by search, export, people and timeline.
pub(super) fn criteria(p: &Params) -> Result<Criteria, ApiError> {
    Ok(Criteria {
        query: p.one("q")?.unwrap_or_default(),
        since: p.date("since", false)?,
        until: p.date("until", true)?,
        sections: p.all("section"),
        people: p.all("person"),
        languages: p.all("lang"),
        any_words: false,
        all_words: false,
        exact: false,
        all_copies: p.flag("all_copies")?,
    })
}

/// The filters, and how a search (or an export) takes the query:
/// `all_words`, `exact`.
pub(super) fn search_criteria(p: &Params) -> Result<Criteria, ApiError> {
    let mut c = criteria(p)?;
    c.all_words = p.flag("all_words")?;
    c.exact = p.flag("exact")?;
    Ok(c)
}

/// The `sort` parameter (search and export).
pub(super) fn sort(p: &Params) -> Result<Sort, ApiError> {
    p.choice(
        "sort",
        Sort::Relevance,
        &[
            ("relevance", Sort::Relevance),
            ("recent", Sort::Recent),
            ("newest", Sort::Newest),
            ("oldest", Sort::Oldest),
        ],
    )
}

/// `GET /api/search`.
#[derive(Debug, Serialize)]
struct SearchJson<'a> {
    /// As typed.
    query: &'a str,
    /// The spelling correction searched instead, if any.
    corrected: Option<&'a str>,
    /// Matching articles, every copy counted.
    total: usize,
    /// Matching stories: copies of one story count once (as `total` with
    /// `all_copies=true`); pages are cut from these.
    stories: usize,
    strict_total: usize,
    /// Stories with every word: the figure to quote.
    strict_stories: usize,
    /// Whether the list holds closest matches after the full ones (on
    /// any page); the hits that are closest matches say `relaxed: true`.
    relaxed: bool,
    /// Where this page's closest matches start, and what to say there.
    divider: Option<DividerJson>,
    /// With `relaxed`: the words searched (content words, as typed).
    words: Vec<String>,
    offset: usize,
    limit: usize,
    took_ms: f64,
    notices: Vec<String>,
    /// The notices as data (`{kind, ...}`), for the page to word its way.
    notice_details: Vec<Notice>,
    suggestion: Option<&'a str>,
    hits: Vec<HitJson<'a>>,
    facets: Facets,
}

/// The line before the first closest match of a page.
#[derive(Debug, Serialize)]
struct DividerJson {
    /// Index into `hits` of the first closest match.
    before: usize,
    /// What to say there.
    text: String,
}

/// `GET /api/search`: a page of hits, the notices the command line gives,
/// and facets over every article the query matches.
pub async fn search(State(app): State<App>, RawQuery(raw): RawQuery) -> Response {
    let started = Instant::now();
    let run = async {
        let mut allowed = FILTERS.to_vec();
        allowed.extend(["limit", "offset", "sort", "snippets", "all_words", "exact"]);
        let p = Params::parse(raw.as_deref(), &allowed)?;
        let c = search_criteria(&p)?;
        let page = Page {
            limit: p.number("limit", 10, 1, MAX_LIMIT)?,
            offset: p.number("offset", 0, 0, MAX_OFFSET)?,
            sort: sort(&p)?,
            snippets: p.number("snippets", 3, 1, 10)?,
            snippet_chars: 200,
            locate_lines: true,
        };
        blocking(&app, move |g| {
            let searcher = g.opened.searcher().map_err(lib)?;
            let fields = &g.opened.fields;
            let results = if c.is_empty() && !matches!(page.sort, Sort::Newest | Sort::Oldest) {
                // Nothing asked yet: the landing page shows the facets of
                // the whole archive, and no hits (but the newest or oldest
                // articles of the archive, when asked by date).
                None
            } else {
                Some(search::search(&searcher, fields, &c, &page).map_err(lib)?)
            };
            // The facets describe the list: the correction searched
            // instead, the closest matches too.
            let listed = results.as_ref().map_or(&c, |r| &r.listed);
            let facets =
                facets::facets(&searcher, fields, Some(listed), FACET_VALUES).map_err(lib)?;
            Ok((c, page, results, facets))
        })
        .await
    };
    match run.await {
        Ok((c, page, results, facets)) => {
            // No results when nothing was asked yet: the landing page.
            let r = results.as_ref();
            let body = SearchJson {
                query: &c.query,
                corrected: r.and_then(|r| r.corrected.as_deref()),
                total: r.map_or(0, |r| r.total),
                stories: r.map_or(0, |r| r.stories),
                strict_total: r.map_or(0, |r| r.strict_total),
                strict_stories: r.map_or(0, |r| r.strict_stories),
                relaxed: r.is_some_and(|r| r.relaxed),
                words: r.map_or_else(Vec::new, |r| r.words.clone()),
                divider: r.and_then(|r| r.divider()).map(|(before, n)| DividerJson {
                    before,
                    text: n.to_string(),
                }),
                offset: page.offset,
                limit: page.limit,
                took_ms: (started.elapsed().as_secs_f64() * 1e4).round() / 10.0,
                notices: r.map_or_else(Vec::new, |r| {
                    r.notices().iter().map(ToString::to_string).collect()
                }),
                notice_details: r.map_or_else(Vec::new, |r| r.notices()),
                suggestion: r.and_then(|r| r.suggestion.as_deref()),
                hits: r.map_or_else(Vec::new, |r| r.hits.iter().map(HitJson::from).collect()),
                facets,
            };
            Json(body).into_response()
        }
        Err(e) => e.into_response(),
    }
}

/// The answer: the data as JSON, or the error.
pub(super) fn respond<T: Serialize>(result: Result<T, ApiError>) -> Response {
    match result {
        Ok(body) => Json(body).into_response(),
        Err(e) => e.into_response(),
    }
}

pub(super) fn lib(e: impl Into<newsdex::error::Error>) -> ApiError {
    ApiError::from_library(e.into())
}

/// A person in an article, with every mention.
#[derive(Debug, Serialize)]
struct PersonJson {
    name: String,
    mentions: Vec<MentionJson>,
    /// The full name the archive links this surname to (`newsdex::links`).
    #[serde(skip_serializing_if = "Option::is_none")]
    linked: Option<LinkJson>,
}

/// A link across articles, as `show --json` gives it, without the name.
#[derive(Debug, Serialize)]
struct LinkJson {
    person: String,
    inferred: bool,
    articles: u32,
    others: u32,
    #[serde(skip_serializing_if = "Option::is_none")]
    year: Option<i32>,
}

/// One mention: where in the title or body, in characters.
#[derive(Debug, Serialize)]
struct MentionJson {
    field: &'static str,
    start: usize,
    end: usize,
    text: String,
}

/// `GET /api/articles/{id}`.
#[derive(Debug, Serialize)]
struct ArticleJson {
    id: String,
    path: String,
    line: u64,
    title: String,
    date: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    date_local: Option<String>,
    section: Option<String>,
    byline: Option<String>,
    source: Option<String>,
    url: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    language: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    crawled: Option<String>,
    word_count: u64,
    body: String,
    people: Vec<PersonJson>,
    /// What the search (`q`, `person`) marks in the headline and body, in
    /// order: empty when nothing was asked.
    matches: Vec<MentionJson>,
}

impl ArticleJson {
    fn new(a: Article, marks: search::Marks) -> ArticleJson {
        let span = |field: &'static str, text: &str, [start, end]: [usize; 2]| MentionJson {
            field,
            start,
            end,
            text: text.chars().skip(start).take(end - start).collect(),
        };
        let matches = (marks.title.iter().map(|m| span("title", &a.title, *m)))
            .chain(marks.body.iter().map(|m| span("body", &a.body, *m)))
            .collect();
        let found = people::extract(&a.title, &a.body, a.language.as_deref());
        let people = found
            .into_iter()
            .map(|p| PersonJson {
                linked: a
                    .person_links
                    .iter()
                    .find(|l| l.name == p.name)
                    .map(|l| LinkJson {
                        person: l.person.clone(),
                        inferred: l.inferred,
                        articles: l.articles,
                        others: l.others,
                        year: l.year,
                    }),
                name: p.name,
                mentions: p
                    .mentions
                    .iter()
                    .map(|m| {
                        let (field, text) = match m.field {
                            people::Field::Title => ("title", &a.title),
                            people::Field::Body => ("body", &a.body),
                        };
                        MentionJson {
                            field,
                            start: text[..m.start].chars().count(),
                            end: text[..m.end].chars().count(),
                            text: text[m.start..m.end].to_string(),
                        }
                    })
                    .collect(),
            })
            .collect();
        ArticleJson {
            date: a.date.map(iso),
            date_local: crate::hit_json::zoned_iso(&a),
            id: a.id,
            path: a.path,
            line: a.line,
            title: a.title,
            section: a.section,
            byline: a.byline,
            source: a.source,
            url: a.url,
            language: a.language,
            crawled: a.crawled.map(iso),
            word_count: a.word_count,
            body: a.body,
            people,
            matches,
        }
    }
}

/// `GET /api/articles/{id}`: the stored article, its people and the
/// character spans of each mention, and with `q` or `person` what that
/// search marks in it. Looked up by id only.
pub async fn article(
    State(app): State<App>,
    Path(id): Path<String>,
    RawQuery(raw): RawQuery,
) -> Response {
    let run = async {
        let p = Params::parse(raw.as_deref(), &["q", "person"])?;
        let asked = Criteria {
            query: p.one("q")?.unwrap_or_default(),
            people: p.all("person"),
            ..Criteria::default()
        };
        checked_id(&id)?;
        blocking(&app, move |g| {
            let mut a = stored(g, &id)?;
            let searcher = g.opened.searcher().map_err(lib)?;
            person_links::complete(&searcher, &g.opened.fields, &mut a).map_err(lib)?;
            let marks = search::marks(&searcher, &g.opened.fields, &asked, &a).map_err(lib)?;
            Ok(ArticleJson::new(a, marks))
        })
        .await
    };
    respond(run.await)
}

/// An id from a path, checked for length.
fn checked_id(id: &str) -> Result<(), ApiError> {
    if id.chars().count() > super::params::MAX_VALUE_CHARS {
        return Err(ApiError::bad("id", "the id is too long"));
    }
    Ok(())
}

/// The stored article with this id, or a 404.
fn stored(g: &Generation, id: &str) -> Result<Article, ApiError> {
    g.opened.article_by_id(id).map_err(lib)?.ok_or_else(|| {
        ApiError::not_found(
            Some("id"),
            format!("no article with id `{id}` (ids are as /api/search gives them)"),
        )
    })
}

/// `GET /api/text/{id}`: the stored article as plain text, to read or
/// save: a header block (`Title:`, `Date:`, `Source:` ...; the one
/// `newsdex index` reads back from a `.txt` file), a blank line, the body.
/// Looked up by id in the index: no part of the request names a file.
pub async fn text(
    State(app): State<App>,
    Path(id): Path<String>,
    RawQuery(raw): RawQuery,
) -> Response {
    let run = async {
        Params::parse(raw.as_deref(), &[])?;
        checked_id(&id)?;
        blocking(&app, move |g| stored(g, &id)).await
    };
    let a = match run.await {
        Ok(a) => a,
        Err(e) => return e.into_response(),
    };
    let one_line = |v: &str| v.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut text = format!("Title: {}\n", one_line(&a.title));
    let date = a.zoned_date().map(|d| d.to_rfc3339()).or(a.date.map(iso));
    let fields = [
        ("Date", date),
        ("Source", a.source.clone()),
        ("Section", a.section.clone()),
        ("Byline", a.byline.clone()),
        ("URL", a.url.clone()),
    ];
    for (key, value) in fields {
        if let Some(v) = value.filter(|v| !v.trim().is_empty()) {
            text.push_str(&format!("{key}: {}\n", one_line(&v)));
        }
    }
    text.push('\n');
    text.push_str(a.body.trim_end());
    text.push('\n');
    let name: String = a
        .path
        .rsplit(['/', '\\'])
        .next()
        .map(|file| file.rsplit_once('.').map_or(file, |(stem, _)| stem))
        .filter(|stem| !stem.is_empty())
        .unwrap_or("article")
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '.' || c == '-' || c == '_' {
                c
            } else {
                '_'
            }
        })
        .collect();
    (
        [
            (
                header::CONTENT_TYPE,
                "text/plain; charset=utf-8".to_string(),
            ),
            (
                header::CONTENT_DISPOSITION,
                format!("inline; filename=\"{name}.txt\""),
            ),
            (
                header::CONTENT_SECURITY_POLICY,
                "default-src 'none'".to_string(),
            ),
        ],
        text,
    )
        .into_response()
}

/// `GET /api/people`.
#[derive(Debug, Serialize)]
struct PeopleJson {
    total: u64,
    people: Vec<ValueCount>,
}

/// `GET /api/people`: the people most mentioned in the matching articles.
pub async fn people_list(State(app): State<App>, RawQuery(raw): RawQuery) -> Response {
    let run = async {
        let mut allowed = FILTERS.to_vec();
        allowed.push("limit");
        let p = Params::parse(raw.as_deref(), &allowed)?;
        let c = criteria(&p)?;
        let limit = p.number("limit", 20, 1, 1000)?;
        blocking(&app, move |g| {
            let searcher = g.opened.searcher().map_err(lib)?;
            let (total, people) =
                facets::people(&searcher, &g.opened.fields, Some(&c), limit).map_err(lib)?;
            Ok(PeopleJson { total, people })
        })
        .await
    };
    respond(run.await)
}

/// `GET /api/timeline`: matching articles per week, month or year.
pub async fn timeline(State(app): State<App>, RawQuery(raw): RawQuery) -> Response {
    let run = async {
        let mut allowed = FILTERS.to_vec();
        allowed.push("by");
        let p = Params::parse(raw.as_deref(), &allowed)?;
        let c = criteria(&p)?;
        let by = period(&p)?;
        blocking(&app, move |g| {
            let searcher = g.opened.searcher().map_err(lib)?;
            facets::timeline(&searcher, &g.opened.fields, Some(&c), by).map_err(lib)
        })
        .await
    };
    respond(run.await)
}

/// The `by` parameter: a timeline's periods (a month by default).
pub(super) fn period(p: &Params) -> Result<Period, ApiError> {
    p.choice(
        "by",
        Period::Month,
        &[
            ("week", Period::Week),
            ("month", Period::Month),
            ("year", Period::Year),
        ],
    )
}

/// `GET /api/stats`: the figures `newsdex stats --json` prints.
pub async fn stats(State(app): State<App>, RawQuery(raw): RawQuery) -> Response {
    let run = async {
        Params::parse(raw.as_deref(), &[])?;
        let store = app.index.store().clone();
        blocking(&app, move |g| g.stats(&store).map_err(lib)).await
    };
    respond(run.await)
}

/// `GET /healthz`: the server is up and has an index.
pub async fn health(State(app): State<App>) -> Response {
    #[derive(Serialize)]
    struct Health {
        status: &'static str,
        articles: u64,
    }
    let run = blocking(&app, |g| {
        let searcher = g.opened.searcher().map_err(lib)?;
        Ok(Health {
            status: "ok",
            articles: searcher.num_docs(),
        })
    });
    respond(run.await)
}
