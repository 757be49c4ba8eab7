//! `GET /api/people/{name}`: a person's page as data, from one library
//! call (`newsdex::person_profile::profile`): how many articles name them,
//! a timeline, the forms of the name they are found under, who is named
//! alongside, and their latest articles. A name no article gives is a 404
//! that names the people with the same surname.

use axum::extract::{Path, RawQuery, State};
use axum::response::Response;
use serde::Serialize;

use super::api::{blocking, lib, period, respond};
use super::error::ApiError;
use super::params::{Params, MAX_VALUE_CHARS};
use super::App;
use crate::hit_json::HitJson;
use newsdex::facets::{Timeline, ValueCount};
use newsdex::person_profile::{self, Lookup, Options};

/// The answer.
#[derive(Debug, Serialize)]
struct PersonJson<'a> {
    /// The name as asked.
    name: &'a str,
    /// Articles naming the person, copies of a story counted once (as
    /// `/api/people` and `newsdex people` count).
    articles: u64,
    /// The same with every copy counted (as `/api/search`'s `total`).
    articles_with_copies: usize,
    /// Names as the articles give them under which the person is found.
    forms: &'a [ValueCount],
    /// Their articles per period; `undated` counts those without a date.
    timeline: &'a Timeline,
    /// People named in the same articles, most first.
    alongside: &'a [ValueCount],
    /// The newest articles (undated ones last), each as `/api/search`
    /// gives a hit.
    latest: Vec<HitJson<'a>>,
}

/// `GET /api/people/{name}?by=&limit=&alongside=`.
pub async fn person(
    State(app): State<App>,
    Path(name): Path<String>,
    RawQuery(raw): RawQuery,
) -> Response {
    let run = async {
        let p = Params::parse(raw.as_deref(), &["by", "limit", "alongside"])?;
        let name = name.trim().to_string();
        if name.is_empty() || name.chars().count() > MAX_VALUE_CHARS {
            return Err(ApiError::bad(
                "name",
                format!("give a person's name of 1 to {MAX_VALUE_CHARS} characters"),
            ));
        }
        let opts = Options {
            by: period(&p)?,
            latest: p.number("limit", 10, 1, super::api::MAX_LIMIT)?,
            alongside: p.number("alongside", 20, 1, 100)?,
        };
        blocking(&app, move |g| {
            let searcher = g.opened.searcher().map_err(lib)?;
            let found =
                person_profile::profile(&searcher, &g.opened.fields, &name, opts).map_err(lib)?;
            match found {
                Lookup::Found(profile) => Ok(profile),
                Lookup::Unknown { near } => Err(unknown(&name, near)),
            }
        })
        .await
    };
    respond(run.await.map(|profile| {
        let json = PersonJson {
            name: &profile.name,
            articles: profile.counts.articles,
            articles_with_copies: profile.latest.total,
            forms: &profile.counts.forms,
            timeline: &profile.counts.timeline,
            alongside: &profile.counts.alongside,
            latest: profile.latest.hits.iter().map(HitJson::from).collect(),
        };
        serde_json::to_value(json).expect("plain data serialises")
    }))
}

/// The 404 for a name no article gives, with the near names to try.
fn unknown(name: &str, near: Vec<String>) -> ApiError {
    let message = match near.as_slice() {
        [] => format!("no article names `{name}` as a person; /api/people lists who is named"),
        near => format!(
            "no article names `{name}` as a person; try {}",
            near.join(", ")
        ),
    };
    ApiError::not_found(Some("name"), message).with_near(near)
}
