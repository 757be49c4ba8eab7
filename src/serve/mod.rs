//! `newsdex serve`: the same search, people and timeline code the command
//! line uses, as a JSON API and a web page, from the one binary.
//!
//! - `api`: the handlers, each a caller of the library like `commands/`;
//! - `params`: checked request parameters (a bad one is a 400 naming it);
//! - `export`: every hit of a search as a CSV or JSON Lines download;
//! - `error`: the JSON error bodies;
//! - `state`: the index, opened once and again after a commit;
//! - `assets/`: the page's HTML, CSS and JavaScript, compiled in, and the
//!   OpenAPI document.
//!
//! Searches run on tokio's blocking pool, at most [`Limits::concurrent`]
//! at once and each within [`Limits::timeout`], so a slow query never
//! stalls the others. Nothing a request sends reaches the file system as a
//! path: articles are looked up by id in the index, and the assets are
//! fixed strings (no directory listing, no file serving).

mod api;
mod error;
mod export;
mod params;
mod person;
mod state;

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::{Duration, Instant};

use axum::extract::Request;
use axum::http::{header, HeaderName, HeaderValue, Method, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use tokio::sync::Semaphore;
use tower_http::cors::CorsLayer;
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::set_header::SetResponseHeaderLayer;

pub use error::ApiError;

use newsdex::error::{Error, Result};
use newsdex::store::Store;

/// Bounds on what one request may cost.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// Longest a request may run before it is answered with a 503.
    pub timeout: Duration,
    /// Searches running at once; others wait (within `timeout`).
    pub concurrent: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            timeout: Duration::from_secs(10),
            concurrent: 8,
        }
    }
}

/// How to serve.
#[derive(Debug, Clone)]
pub struct Config {
    /// Address to listen on (port 0 picks a free one).
    pub addr: SocketAddr,
    /// The one origin allowed to call the API from another site, if any.
    pub cors: Option<HeaderValue>,
    /// Bounds on each request.
    pub limits: Limits,
    /// Log each request (method, path, status, time; never the query) on
    /// stderr.
    pub log: bool,
}

/// What every handler shares.
#[derive(Clone)]
pub(crate) struct App {
    index: Arc<state::Index>,
    permits: Arc<Semaphore>,
    /// Exports running at once (`export::running_at_once`): each also
    /// holds one of `permits` while it searches.
    exports: Arc<Semaphore>,
    limits: Limits,
}

/// Opens the index, binds `config.addr`, calls `ready` with the address
/// bound, and answers requests until Ctrl-C or SIGTERM.
pub fn run(store: Store, config: Config, ready: impl FnOnce(SocketAddr)) -> Result<()> {
    let index = state::Index::open(store)?;
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(|e| Error::io("tokio runtime", e))?;
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::bind(config.addr)
            .await
            .map_err(|e| Error::BadAddress {
                addr: config.addr.to_string(),
                reason: e.to_string(),
            })?;
        let bound = listener
            .local_addr()
            .map_err(|e| Error::io("listening socket", e))?;
        let app = App {
            index: Arc::new(index),
            permits: Arc::new(Semaphore::new(config.limits.concurrent.max(1))),
            exports: Arc::new(Semaphore::new(export::running_at_once(
                config.limits.concurrent,
            ))),
            limits: config.limits,
        };
        let router = router(app, &config);
        ready(bound);
        axum::serve(listener, router)
            .with_graceful_shutdown(shutdown())
            .await
            .map_err(|e| Error::io("serving", e))
    })
}

/// The routes and the layers around them.
pub(crate) fn router(app: App, config: &Config) -> Router {
    let api = Router::new()
        .route("/api/search", get(api::search))
        .route("/api/articles/{*id}", get(api::article))
        .route("/api/text/{*id}", get(api::text))
        .route("/api/export", get(export::export))
        .route("/api/people", get(api::people_list))
        .route("/api/people/{name}", get(person::person))
        .route("/api/timeline", get(api::timeline))
        .route("/api/stats", get(api::stats))
        .route("/api/openapi.json", get(openapi))
        .route("/healthz", get(api::health))
        .route("/", get(page))
        // The people directory and a person's page: the page's script
        // reads the path.
        .route("/people", get(page))
        .route("/people/", get(page))
        .route("/people/{name}", get(page))
        .route("/assets/{name}", get(asset))
        .route("/favicon.ico", get(favicon))
        .fallback(not_found)
        .with_state(app);
    let mut router = api
        // GET only: any body at all is refused.
        .layer(RequestBodyLimitLayer::new(1024))
        .layer(SetResponseHeaderLayer::overriding(
            header::X_CONTENT_TYPE_OPTIONS,
            HeaderValue::from_static("nosniff"),
        ))
        .layer(SetResponseHeaderLayer::overriding(
            header::REFERRER_POLICY,
            HeaderValue::from_static("no-referrer"),
        ))
        .layer(SetResponseHeaderLayer::overriding(
            HeaderName::from_static("x-frame-options"),
            HeaderValue::from_static("DENY"),
        ));
    if let Some(origin) = &config.cors {
        router = router.layer(
            CorsLayer::new()
                .allow_origin(origin.clone())
                .allow_methods([Method::GET]),
        );
    }
    if config.log {
        router = router.layer(middleware::from_fn(log_request));
    }
    router
}

/// One line per request on stderr. The query string is left out: what a
/// newsroom searches for is nobody else's business.
async fn log_request(req: Request, next: Next) -> Response {
    let (method, path) = (req.method().clone(), req.uri().path().to_string());
    let started = Instant::now();
    let res = next.run(req).await;
    eprintln!(
        "{} {method} {path} {} {:.1} ms",
        chrono::Utc::now().format("%Y-%m-%dT%H:%M:%SZ"),
        res.status().as_u16(),
        started.elapsed().as_secs_f64() * 1e3
    );
    res
}

async fn shutdown() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = term => {},
    }
}

/// The page may load its own script and style and nothing else: with
/// every piece of text inserted as text, not markup, this is the second
/// wall against script in an article.
const PAGE_POLICY: &str = "default-src 'none'; script-src 'self'; style-src 'self'; \
     img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'self'; \
     frame-ancestors 'none'";

async fn page() -> Response {
    (
        [
            (header::CONTENT_TYPE, "text/html; charset=utf-8"),
            (header::CONTENT_SECURITY_POLICY, PAGE_POLICY),
            (header::CACHE_CONTROL, "no-cache"),
        ],
        include_str!("assets/index.html"),
    )
        .into_response()
}

/// The page's files, compiled in: name, content type, text. Nothing else
/// is served under `/assets/`.
const ASSETS: &[(&str, &str, &str)] = &[
    ("app.css", CSS, include_str!("assets/app.css")),
    ("app.js", JS, include_str!("assets/app.js")),
    ("article.js", JS, include_str!("assets/article.js")),
    ("cite.js", JS, include_str!("assets/cite.js")),
    ("dom.js", JS, include_str!("assets/dom.js")),
    ("export.js", JS, include_str!("assets/export.js")),
    ("facets.js", JS, include_str!("assets/facets.js")),
    ("fetch.js", JS, include_str!("assets/fetch.js")),
    ("filters.js", JS, include_str!("assets/filters.js")),
    ("home.js", JS, include_str!("assets/home.js")),
    ("notices.js", JS, include_str!("assets/notices.js")),
    ("people.js", JS, include_str!("assets/people.js")),
    ("results.js", JS, include_str!("assets/results.js")),
    ("state.js", JS, include_str!("assets/state.js")),
    ("timeline.js", JS, include_str!("assets/timeline.js")),
];
const JS: &str = "text/javascript; charset=utf-8";
const CSS: &str = "text/css; charset=utf-8";

/// `GET /assets/{name}`: one of [`ASSETS`], or a 404.
async fn asset(axum::extract::Path(name): axum::extract::Path<String>) -> Response {
    match ASSETS.iter().find(|(n, _, _)| *n == name) {
        Some(&(_, kind, text)) => (
            [
                (header::CONTENT_TYPE, kind),
                (header::CACHE_CONTROL, "no-cache"),
            ],
            text,
        )
            .into_response(),
        None => (StatusCode::NOT_FOUND, "not found\n").into_response(),
    }
}

/// The page's icon (32x32, compiled in), so browsers asking for it get
/// one rather than a 404.
async fn favicon() -> Response {
    (
        [
            (header::CONTENT_TYPE, "image/x-icon"),
            (header::CACHE_CONTROL, "max-age=86400"),
        ],
        include_bytes!("assets/favicon.ico").as_slice(),
    )
        .into_response()
}

async fn openapi() -> Response {
    (
        [(header::CONTENT_TYPE, "application/json")],
        include_str!("openapi.json"),
    )
        .into_response()
}

async fn not_found(req: Request) -> Response {
    let path = req.uri().path();
    if path.starts_with("/api/") {
        ApiError::not_found(
            None,
            format!("no such endpoint `{path}`; see /api/openapi.json"),
        )
        .into_response()
    } else {
        (StatusCode::NOT_FOUND, "not found\n").into_response()
    }
}

#[cfg(test)]
mod tests {
    use super::ASSETS;

    /// Every file in `assets/` is served, and every module a script
    /// imports is one of them: a module left out of [`ASSETS`] would break
    /// the page only in a browser.
    #[test]
    fn every_asset_and_every_import_is_served() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/src/serve/assets");
        let served = |name: &str| ASSETS.iter().any(|(n, _, _)| *n == name);
        for entry in std::fs::read_dir(dir).unwrap() {
            let name = entry.unwrap().file_name().into_string().unwrap();
            if name.ends_with(".js") || name.ends_with(".css") {
                assert!(served(&name), "assets/{name} is not in ASSETS");
            }
        }
        for (name, _, text) in ASSETS {
            for import in text.split("from \"./").skip(1) {
                let target = &import[..import.find('"').unwrap()];
                assert!(
                    served(target),
                    "{name} imports {target}, which is not served"
                );
            }
        }
    }
}
