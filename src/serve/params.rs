//! Request parameters, checked: each bad one is a 400 that names it. The
//! raw query string is read by hand rather than through a serde extractor,
//! so repeated parameters (`section=a&section=b`) work, unknown ones are
//! refused by name (a typo such as `limt` is not silently ignored), and
//! every message says what to send instead.

use chrono::{DateTime, Utc};

use super::error::ApiError;
use newsdex::dates::parse_period;

/// Longest query string accepted, in bytes.
pub const MAX_QUERY_STRING: usize = 8 * 1024;
/// Longest value of any one parameter (a query, a name), in characters.
pub const MAX_VALUE_CHARS: usize = 1000;
/// Most values of a repeatable parameter.
pub const MAX_REPEATS: usize = 20;

/// The parameters of one request.
#[derive(Debug, Default)]
pub struct Params {
    pairs: Vec<(String, String)>,
}

impl Params {
    /// Parses a raw query string, allowing only the names in `allowed`.
    pub fn parse(raw: Option<&str>, allowed: &[&str]) -> Result<Params, ApiError> {
        let raw = raw.unwrap_or("");
        if raw.len() > MAX_QUERY_STRING {
            return Err(ApiError::bad(
                "query string",
                format!("the query string is over {MAX_QUERY_STRING} bytes"),
            ));
        }
        let mut pairs = Vec::new();
        for (k, v) in form_urlencoded::parse(raw.as_bytes()) {
            if !allowed.contains(&k.as_ref()) {
                return Err(ApiError::bad(
                    &k,
                    format!(
                        "unknown parameter `{}`; this endpoint takes {}",
                        k,
                        allowed.join(", ")
                    ),
                ));
            }
            if v.chars().count() > MAX_VALUE_CHARS {
                return Err(ApiError::bad(
                    &k,
                    format!("`{k}` is over {MAX_VALUE_CHARS} characters"),
                ));
            }
            pairs.push((k.into_owned(), v.into_owned()));
        }
        let params = Params { pairs };
        for name in allowed {
            if params.pairs.iter().filter(|(k, _)| k == name).count() > MAX_REPEATS {
                return Err(ApiError::bad(
                    name,
                    format!("`{name}` is given more than {MAX_REPEATS} times"),
                ));
            }
        }
        Ok(params)
    }

    /// Every value of `name`, in order, empty ones left out.
    pub fn all(&self, name: &str) -> Vec<String> {
        self.pairs
            .iter()
            .filter(|(k, v)| k == name && !v.trim().is_empty())
            .map(|(_, v)| v.trim().to_string())
            .collect()
    }

    /// The one value of `name` (an empty value counts as none: a form's
    /// empty field).
    pub fn one(&self, name: &str) -> Result<Option<String>, ApiError> {
        Ok(self.given(name)?.filter(|v| !v.is_empty()))
    }

    /// The one value of `name` as sent, trimmed, even when empty.
    fn given(&self, name: &str) -> Result<Option<String>, ApiError> {
        let mut values: Vec<String> = self
            .pairs
            .iter()
            .filter(|(k, _)| k == name)
            .map(|(_, v)| v.trim().to_string())
            .collect();
        match values.len() {
            0 => Ok(None),
            1 => Ok(values.pop()),
            _ => Err(ApiError::bad(
                name,
                format!("`{name}` is given more than once"),
            )),
        }
    }

    /// A whole number in `min..=max`, `default` when absent (an empty
    /// value is not a number).
    pub fn number(
        &self,
        name: &str,
        default: usize,
        min: usize,
        max: usize,
    ) -> Result<usize, ApiError> {
        let Some(v) = self.given(name)? else {
            return Ok(default);
        };
        match v.parse::<usize>() {
            Ok(n) if (min..=max).contains(&n) => Ok(n),
            _ => Err(ApiError::bad(
                name,
                format!("`{name}` must be a whole number from {min} to {max}, not `{v}`"),
            )),
        }
    }

    /// A date (`2016`, `2016-05`, `2016-05-03` or any form the command line
    /// takes): the start of that period, or with `end` the instant just
    /// after it, so `until=2016-05` includes all of May.
    pub fn date(&self, name: &str, end: bool) -> Result<Option<DateTime<Utc>>, ApiError> {
        let Some(v) = self.one(name)? else {
            return Ok(None);
        };
        match parse_period(&v) {
            Some((start, stop)) => Ok(Some(if end { stop } else { start })),
            None => Err(ApiError::bad(
                name,
                format!("`{name}` must be a date like 2016-05-03, 3 May 2016, 2016-05, May 2016 or 2016, not `{v}`"),
            )),
        }
    }

    /// `true` or `false` (case-insensitive), false when absent.
    pub fn flag(&self, name: &str) -> Result<bool, ApiError> {
        self.choice(name, false, &[("true", true), ("false", false)])
    }

    /// One of `choices` (case-insensitive), `default` when absent.
    pub fn choice<T: Copy>(
        &self,
        name: &str,
        default: T,
        choices: &[(&str, T)],
    ) -> Result<T, ApiError> {
        let Some(v) = self.given(name)? else {
            return Ok(default);
        };
        choices
            .iter()
            .find(|(label, _)| label.eq_ignore_ascii_case(&v))
            .map(|(_, t)| *t)
            .ok_or_else(|| {
                let names: Vec<&str> = choices.iter().map(|(l, _)| *l).collect();
                ApiError::bad(
                    name,
                    format!("`{name}` must be one of {}, not `{v}`", names.join(", ")),
                )
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repeated_and_unknown_parameters() {
        let p = Params::parse(
            Some("q=a+b&section=x&section=y&limit=5"),
            &["q", "section", "limit"],
        )
        .unwrap();
        assert_eq!(p.one("q").unwrap().as_deref(), Some("a b"));
        assert_eq!(p.all("section"), ["x", "y"]);
        assert_eq!(p.number("limit", 10, 1, 100).unwrap(), 5);
        let err = Params::parse(Some("limt=5"), &["q", "limit"]).unwrap_err();
        assert_eq!(err.parameter.as_deref(), Some("limt"));
        let err = Params::parse(Some("q=a&q=b"), &["q"])
            .unwrap()
            .one("q")
            .unwrap_err();
        assert!(err.message.contains("more than once"), "{}", err.message);
    }

    #[test]
    fn numbers_dates_and_choices_are_checked() {
        let p = Params::parse(
            Some("limit=0&offset=-1&since=2016-05&until=nope&sort=NEWEST&by=day"),
            &["limit", "offset", "since", "until", "sort", "by"],
        )
        .unwrap();
        assert!(p.number("limit", 10, 1, 100).is_err());
        assert!(p.number("offset", 0, 0, 10).is_err());
        let since = p.date("since", false).unwrap().unwrap();
        assert_eq!(since.to_rfc3339(), "2016-05-01T00:00:00+00:00");
        assert_eq!(
            p.date("until", true).unwrap_err().parameter.as_deref(),
            Some("until")
        );
        assert_eq!(
            p.choice("sort", 0, &[("relevance", 0), ("newest", 1)])
                .unwrap(),
            1
        );
        assert!(p.choice("by", 0, &[("week", 0), ("month", 1)]).is_err());
    }

    #[test]
    fn oversized_input_is_refused() {
        let long = "a".repeat(MAX_VALUE_CHARS + 1);
        assert!(Params::parse(Some(&format!("q={long}")), &["q"]).is_err());
        let huge = "q=a&".repeat(MAX_QUERY_STRING);
        assert!(Params::parse(Some(&huge), &["q"]).is_err());
        let many = "section=a&".repeat(MAX_REPEATS + 1);
        assert!(Params::parse(Some(&many), &["section"]).is_err());
        let empty = "section=&".repeat(MAX_REPEATS + 1);
        assert!(Params::parse(Some(&empty), &["section"]).is_err());
        // An empty number or choice is not absent; an empty text is.
        let p = Params::parse(Some("limit=&sort=&q="), &["limit", "sort", "q"]).unwrap();
        assert!(p.number("limit", 10, 1, 100).is_err());
        assert!(p.choice("sort", 0, &[("relevance", 0)]).is_err());
        assert_eq!(p.one("q").unwrap(), None);
    }
}
