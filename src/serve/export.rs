//! `GET /api/export`: every hit of a search, not a page, as CSV or JSON
//! Lines (`crate::hit_rows`, the rows `search --csv` writes), for
//! download.
//!
//! The rows come from the same `search::search` as `/api/search`, page
//! after page of [`BATCH`] hits with snippets off: the library cuts every
//! page from one list, so the rows are the search's list in its order,
//! closest matches included when it falls back (each row says whether it
//! has every word). The first page is searched before answering, so a bad
//! query is still a 400; the rest streams as it is searched, on the
//! blocking pool and holding one of the server's search permits, under a
//! longer time limit than a search ([`TIME_FACTOR`] times it). At most
//! [`MAX_ROWS`] rows; a last line says when the rows stop short and why.

use std::time::{Duration, Instant};

use axum::body::{Body, Bytes};
use axum::extract::{RawQuery, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use tokio::sync::{mpsc, oneshot};

use super::api::{criteria, lib, sort, FILTERS};
use super::error::ApiError;
use super::params::Params;
use super::state::Index;
use super::App;
use crate::hit_rows::{Form, HitRow};
use newsdex::search::{self, Criteria, Page, SearchResults};

/// Most rows one export holds.
pub const MAX_ROWS: usize = 100_000;
/// Hits searched at a time.
pub const BATCH: usize = 1_000;
/// An export may run this many times the server's time limit for a
/// request (60 s with the default 10 s).
pub const TIME_FACTOR: u32 = 6;

/// What the first page tells the response's headers.
struct Start {
    /// Rows the export will hold (unless the time limit cuts it).
    rows: usize,
    /// Hits in the search's list.
    listed: usize,
}

/// A chunk of the body, or the end of it.
type Chunk = Result<Bytes, std::io::Error>;

/// `GET /api/export`: the search's hits as a CSV or JSON Lines download.
pub async fn export(State(app): State<App>, RawQuery(raw): RawQuery) -> Response {
    match start(app, raw).await {
        Ok(response) => response,
        Err(e) => e.into_response(),
    }
}

async fn start(app: App, raw: Option<String>) -> Result<Response, ApiError> {
    let mut allowed = FILTERS.to_vec();
    allowed.extend(["format", "sort", "all_words", "exact"]);
    let p = Params::parse(raw.as_deref(), &allowed)?;
    let form = match p.one("format")? {
        None => Err(ApiError::bad(
            "format",
            "give `format`: csv or jsonl (JSON Lines)",
        )),
        Some(_) => p.choice(
            "format",
            Form::Csv,
            &[("csv", Form::Csv), ("jsonl", Form::JsonLines)],
        ),
    }?;
    let mut c = criteria(&p)?;
    c.all_words = p.choice("all_words", false, &[("true", true), ("false", false)])?;
    c.exact = p.choice("exact", false, &[("true", true), ("false", false)])?;
    if c.is_empty() {
        return Err(ApiError::bad(
            "q",
            "give a query (`q`) or a filter: an export holds the hits of a search",
        ));
    }
    let page = Page {
        limit: BATCH,
        offset: 0,
        sort: sort(&p)?,
        snippets: 0,
        snippet_chars: 0,
        locate_lines: false,
    };
    let filename = format!("{}.{}", file_stem(&c.query), form.extension());
    let permit = tokio::time::timeout(app.limits.timeout, app.permits.clone().acquire_owned())
        .await
        .map_err(|_| ApiError::unavailable("busy", "the server is busy; try again shortly"))?
        .expect("semaphore never closed");
    let (first_tx, first_rx) = oneshot::channel();
    let (tx, rx) = mpsc::unbounded_channel::<Chunk>();
    let index = app.index.clone();
    let limit = app.limits.timeout * TIME_FACTOR;
    tokio::task::spawn_blocking(move || {
        let _permit = permit;
        let job = Job {
            form,
            criteria: c,
            page,
            limit,
            tx,
        };
        job.run(&index, first_tx);
    });
    let first = tokio::time::timeout(app.limits.timeout, first_rx)
        .await
        .map_err(|_| {
            ApiError::unavailable(
                "timeout",
                format!(
                    "the export's first {BATCH} hits took over {} s; narrow the query or add filters",
                    app.limits.timeout.as_secs()
                ),
            )
        })?
        .map_err(|_| {
            lib(newsdex::error::Error::Corrupt(
                "an export stopped unexpectedly".into(),
            ))
        })??;
    let mut rx = rx;
    let body = Body::from_stream(futures_util::stream::poll_fn(move |cx| rx.poll_recv(cx)));
    let content_type = match form {
        Form::Csv => "text/csv; charset=utf-8",
        Form::JsonLines => "application/x-ndjson; charset=utf-8",
    };
    Ok((
        [
            (header::CONTENT_TYPE, content_type.to_string()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{filename}\""),
            ),
            (header::CACHE_CONTROL, "no-store".to_string()),
            (
                header::HeaderName::from_static("x-newsdex-rows"),
                first.rows.to_string(),
            ),
            (
                header::HeaderName::from_static("x-newsdex-listed"),
                first.listed.to_string(),
            ),
        ],
        body,
    )
        .into_response())
}

/// One export, run on a blocking thread.
struct Job {
    form: Form,
    criteria: Criteria,
    page: Page,
    limit: Duration,
    tx: mpsc::UnboundedSender<Chunk>,
}

impl Job {
    /// Searches the first page and says how it went on `first`, then
    /// sends the rows page by page until the list, [`MAX_ROWS`] or the
    /// time limit ends them, or the client goes away.
    fn run(mut self, index: &Index, first: oneshot::Sender<Result<Start, ApiError>>) {
        let started = Instant::now();
        let generation = match index.current().map_err(ApiError::from_library) {
            Ok(g) => g,
            Err(e) => return drop(first.send(Err(e))),
        };
        let opened = &generation.opened;
        let search = |page: &Page| -> Result<SearchResults, ApiError> {
            let searcher = opened.searcher().map_err(lib)?;
            search::search(&searcher, &opened.fields, &self.criteria, page).map_err(lib)
        };
        let mut results = match search(&self.page) {
            Ok(r) => r,
            Err(e) => return drop(first.send(Err(e))),
        };
        // Pages are cut from stories (every article with `all_copies`).
        let listed = results.stories;
        let rows = listed.min(MAX_ROWS);
        if first.send(Ok(Start { rows, listed })).is_err() {
            return;
        }
        let mut buf = Vec::new();
        let _ = self.form.header(&mut buf, &[]);
        let mut sent = 0;
        loop {
            for hit in results.hits.iter().take(rows - sent) {
                let _ = self
                    .form
                    .row(&mut buf, &HitRow::new(hit, results.words.len()), &[]);
            }
            sent += results.hits.len().min(rows - sent);
            if !self.send(&mut buf) {
                return;
            }
            if sent >= rows || results.hits.is_empty() {
                break;
            }
            if started.elapsed() > self.limit {
                let why = format!(
                    "the export took over {} s; narrow the query or add filters",
                    self.limit.as_secs()
                );
                let _ = self.form.cut(&mut buf, sent, listed, &why);
                self.send(&mut buf);
                return;
            }
            self.page.offset = sent;
            results = match search(&self.page) {
                Ok(r) => r,
                Err(e) => {
                    let _ = self.form.cut(&mut buf, sent, listed, &e.message);
                    self.send(&mut buf);
                    return;
                }
            };
        }
        if rows < listed {
            let why =
                format!("an export holds at most {MAX_ROWS} rows; narrow the query or add filters");
            let _ = self.form.cut(&mut buf, sent, listed, &why);
            self.send(&mut buf);
        }
    }

    /// Sends what `buf` holds; false when the client has gone.
    fn send(&self, buf: &mut Vec<u8>) -> bool {
        self.tx.send(Ok(Bytes::from(std::mem::take(buf)))).is_ok()
    }
}

/// The downloaded file's name without extension: `newsdex-` and the
/// query's letters and digits (ASCII, lower case, `-` between words, at
/// most 40), or `newsdex-export`.
fn file_stem(query: &str) -> String {
    let words: Vec<String> = query
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_ascii_lowercase)
        .collect();
    let mut stem = String::new();
    for w in words {
        if stem.len() + w.len() + 1 > 40 {
            break;
        }
        if !stem.is_empty() {
            stem.push('-');
        }
        stem.push_str(&w);
    }
    if stem.is_empty() {
        "newsdex-export".to_string()
    } else {
        format!("newsdex-{stem}")
    }
}

#[cfg(test)]
mod tests {
    use super::file_stem;

    #[test]
    fn file_names_are_plain() {
        assert_eq!(
            file_stem("\"Gordon Brown\" person:x"),
            "newsdex-gordon-brown-person-x"
        );
        assert_eq!(file_stem("الرياض"), "newsdex-export");
        assert_eq!(file_stem(""), "newsdex-export");
        assert!(file_stem(&"word ".repeat(50)).len() <= 48);
    }
}
