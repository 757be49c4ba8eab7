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
//! longer time limit than a search ([`TIME_FACTOR`] times it); a quarter
//! as many exports as searches, and half the cores, run at once
//! ([`running_at_once`]).
//! At most [`MAX_ROWS`] rows; a last line says when the rows stop short
//! and why.

use std::time::{Duration, Instant};

use axum::body::{Body, Bytes};
use axum::extract::{RawQuery, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use tokio::sync::{mpsc, oneshot};

use super::api::{lib, search_criteria, sort, FILTERS};
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

/// Exports that may run at once: a quarter of the searches that may, and
/// half the machine's cores (at least one), so that exports never hold
/// every search permit nor every core and searches stay quick while they
/// run. Measured on 2 cores, 37,554 AllSides articles, debug build: a
/// search took 50-100 ms idle and 220-330 ms while two exports ran.
pub fn running_at_once(concurrent: usize) -> usize {
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    (concurrent / 4).min(cores / 2).max(1)
}

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
    let c = search_criteria(&p)?;
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
    // An export waits for its turn among exports, then for a search
    // permit, each within the request time limit.
    let turn = tokio::time::timeout(app.limits.timeout, app.exports.clone().acquire_owned())
        .await
        .map_err(|_| {
            ApiError::unavailable(
                "busy",
                format!(
                    "the server runs {} export(s) at once and all are taken; try again when one finishes",
                    running_at_once(app.limits.concurrent)
                ),
            )
        })?
        .expect("semaphore never closed");
    let permit = tokio::time::timeout(app.limits.timeout, app.permits.clone().acquire_owned())
        .await
        .map_err(|_| ApiError::unavailable("busy", "the server is busy; try again shortly"))?
        .expect("semaphore never closed");
    let (first_tx, first_rx) = oneshot::channel();
    let (tx, rx) = mpsc::unbounded_channel::<Chunk>();
    let index = app.index.clone();
    let limit = app.limits.timeout * TIME_FACTOR;
    tokio::task::spawn_blocking(move || {
        let _permits = (turn, permit);
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
    fn run(self, index: &Index, first: oneshot::Sender<Result<Start, ApiError>>) {
        let started = Instant::now();
        let generation = match index.current().map_err(ApiError::from_library) {
            Ok(g) => g,
            Err(e) => return drop(first.send(Err(e))),
        };
        let opened = &generation.opened;
        let search = |offset: usize| -> Result<SearchResults, ApiError> {
            let searcher = opened.searcher().map_err(lib)?;
            let page = Page {
                offset,
                ..self.page.clone()
            };
            search::search(&searcher, &opened.fields, &self.criteria, &page).map_err(lib)
        };
        let mut results = match search(0) {
            Ok(r) => r,
            Err(e) => return drop(first.send(Err(e))),
        };
        // Pages are cut from stories (every article with `all_copies`).
        let listed = results.stories;
        let rows = listed.min(MAX_ROWS);
        if first.send(Ok(Start { rows, listed })).is_err() {
            return;
        }
        let plan = Plan {
            form: self.form,
            listed,
            max_rows: MAX_ROWS,
            deadline: started + self.limit,
            limit: self.limit,
        };
        let form = self.form;
        plan.stream(
            |offset, take, buf| {
                if offset > 0 {
                    results = search(offset).map_err(|e| e.message)?;
                }
                for hit in results.hits.iter().take(take) {
                    let _ = form.row(&mut *buf, &HitRow::new(hit), &[]);
                }
                Ok(results.hits.len().min(take))
            },
            |bytes| self.tx.send(Ok(Bytes::from(bytes))).is_ok(),
        );
    }
}

/// How one export's rows are cut into pages and when they stop.
struct Plan {
    form: Form,
    /// Hits in the search's list.
    listed: usize,
    /// Most rows to send.
    max_rows: usize,
    /// When to stop searching more pages.
    deadline: Instant,
    /// The time limit, to name it.
    limit: Duration,
}

impl Plan {
    /// The header, then page after page: `page(offset, take, buf)` writes
    /// at most `take` rows from `offset` into `buf` and says how many (0
    /// at the end of the list), and `send` sends a chunk (false when the
    /// client has gone). A last line says why the rows stop short of the
    /// list: the row bound, the deadline, or a failed page.
    fn stream(
        &self,
        mut page: impl FnMut(usize, usize, &mut Vec<u8>) -> Result<usize, String>,
        mut send: impl FnMut(Vec<u8>) -> bool,
    ) {
        let rows = self.listed.min(self.max_rows);
        let mut buf = Vec::new();
        let _ = self.form.header(&mut buf, &[]);
        let mut sent = 0;
        let stopped = loop {
            let got = match page(sent, rows - sent, &mut buf) {
                Ok(n) => n,
                Err(message) => break Some(message),
            };
            sent += got;
            if !send(std::mem::take(&mut buf)) {
                return;
            }
            if sent >= rows || got == 0 {
                break None;
            }
            if Instant::now() > self.deadline {
                break Some(format!(
                    "the export took over {} s; narrow the query or add filters",
                    self.limit.as_secs()
                ));
            }
        };
        let why = stopped.or_else(|| {
            (rows < self.listed).then(|| {
                format!(
                    "an export holds at most {} rows; narrow the query or add filters",
                    self.max_rows
                )
            })
        });
        if let Some(why) = why {
            let _ = self.form.cut(&mut buf, sent, self.listed, &why);
            send(buf);
        }
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
    use super::*;

    /// A list of `listed` rows `row N`, sent through `plan` in pages of
    /// `batch`, the first page failing with `fail` if given: the lines.
    fn streamed(plan: &Plan, batch: usize, fail: Option<usize>) -> Vec<String> {
        let mut out = Vec::new();
        plan.stream(
            |offset, take, buf| {
                if fail == Some(offset) {
                    return Err("the index went away".into());
                }
                let n = take.min(batch).min(plan.listed - offset);
                for i in offset..offset + n {
                    buf.extend_from_slice(format!("row {}\n", i + 1).as_bytes());
                }
                Ok(n)
            },
            |bytes| {
                out.extend_from_slice(&bytes);
                true
            },
        );
        String::from_utf8(out)
            .unwrap()
            .lines()
            .map(str::to_string)
            .collect()
    }

    fn plan(listed: usize, max_rows: usize, deadline: Instant) -> Plan {
        Plan {
            form: Form::JsonLines,
            listed,
            max_rows,
            deadline,
            limit: Duration::from_secs(60),
        }
    }

    #[test]
    fn rows_stop_at_the_list_the_bound_or_the_deadline_and_say_why() {
        let later = Instant::now() + Duration::from_secs(3600);
        let all = streamed(&plan(25, 100, later), 4, None);
        assert_eq!(all.len(), 25);
        assert_eq!((all[0].as_str(), all[24].as_str()), ("row 1", "row 25"));
        let cut = streamed(&plan(25, 10, later), 4, None);
        assert_eq!(cut.len(), 11);
        assert_eq!(cut[9], "row 10");
        let last: serde_json::Value = serde_json::from_str(&cut[10]).unwrap();
        assert_eq!(
            (last["cut"].clone(), last["rows"].clone()),
            (true.into(), 10.into())
        );
        assert!(last["message"]
            .as_str()
            .unwrap()
            .contains("at most 10 rows"));
        // Past the deadline after the first page: that page, then why.
        let late = streamed(&plan(25, 100, Instant::now()), 4, None);
        assert_eq!(late.len(), 5);
        assert!(late[4].contains("took over 60 s"), "{}", late[4]);
        // A failed page: what came before, then the error.
        let failed = streamed(&plan(25, 100, later), 4, Some(8));
        assert_eq!(failed.len(), 9);
        assert!(failed[8].contains("the index went away"), "{}", failed[8]);
        // CSV: the header, and a cut line the reader takes as a row.
        let csv = Plan {
            form: Form::Csv,
            ..plan(5, 2, later)
        };
        let lines = streamed(&csv, 4, None);
        assert!(lines[0].starts_with("rank,id,title"));
        assert!(lines[3].starts_with("# cut: 2 of 5 rows; an export holds at most 2 rows"));
        assert_eq!(lines[3].matches(',').count(), 12, "{}", lines[3]);
    }

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
