//! The API's errors: a status and a JSON body
//! `{"error": {"code", "message", "parameter"?, "column"?}}` that names
//! what to fix. A client's mistake is a 4xx; only the server's own trouble
//! (a damaged index) is a 5xx.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::Serialize;

use newsdex::error::Error;

/// An error answered to a client.
#[derive(Debug, Clone, Serialize)]
pub struct ApiError {
    /// HTTP status.
    #[serde(skip)]
    pub status: StatusCode,
    /// Machine-readable kind: `bad_parameter`, `query_syntax`, `not_found`,
    /// `no_index`, `busy`, `timeout`, `internal`.
    pub code: &'static str,
    /// The parameter at fault, if one is.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub parameter: Option<String>,
    /// For a query syntax error: the 1-based character column.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub column: Option<usize>,
    /// What is wrong and what to do, in one line.
    pub message: String,
    /// For an unknown person: the names near it, to offer instead.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub near: Vec<String>,
}

impl ApiError {
    /// A bad parameter (400).
    pub fn bad(parameter: &str, message: impl Into<String>) -> ApiError {
        ApiError {
            status: StatusCode::BAD_REQUEST,
            code: "bad_parameter",
            parameter: Some(parameter.to_string()),
            column: None,
            message: message.into(),
            near: Vec::new(),
        }
    }

    /// Something asked for that is not there (404).
    pub fn not_found(parameter: Option<&str>, message: impl Into<String>) -> ApiError {
        ApiError {
            status: StatusCode::NOT_FOUND,
            code: "not_found",
            parameter: parameter.map(str::to_string),
            column: None,
            message: message.into(),
            near: Vec::new(),
        }
    }

    /// The server cannot answer now (503): busy, timed out, no index.
    pub fn unavailable(code: &'static str, message: impl Into<String>) -> ApiError {
        ApiError {
            status: StatusCode::SERVICE_UNAVAILABLE,
            code,
            parameter: None,
            column: None,
            message: message.into(),
            near: Vec::new(),
        }
    }

    /// The same error offering `near` names instead.
    pub fn with_near(mut self, near: Vec<String>) -> ApiError {
        self.near = near;
        self
    }

    /// A library error met while answering: a query the parser refuses is
    /// the client's (400, with its column); anything else is the server's.
    pub fn from_library(e: Error) -> ApiError {
        match e {
            Error::Query { param, error } => ApiError {
                status: StatusCode::BAD_REQUEST,
                code: "query_syntax",
                parameter: Some(if param.is_some() { "person" } else { "q" }.to_string()),
                column: Some(error.column),
                message: error.to_string(),
                near: Vec::new(),
            },
            Error::NotFound(id) => {
                ApiError::not_found(Some("id"), format!("no article with id `{id}`"))
            }
            e @ (Error::NoIndex(_) | Error::SchemaMismatch { .. }) => {
                ApiError::unavailable("no_index", e.full())
            }
            e => {
                eprintln!("newsdex serve: error: {}", e.full());
                ApiError {
                    status: StatusCode::INTERNAL_SERVER_ERROR,
                    code: "internal",
                    parameter: None,
                    column: None,
                    message: e.full(),
                    near: Vec::new(),
                }
            }
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        #[derive(Serialize)]
        struct Body<'a> {
            error: &'a ApiError,
        }
        (self.status, Json(Body { error: &self })).into_response()
    }
}
