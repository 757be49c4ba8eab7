//! JSON as pages hand-write it into JSON-LD scripts: comment and CDATA
//! wrappers, comments, trailing commas, single quotes, raw control
//! characters in strings, several values in one script. Gives
//! `serde_json` values to [`super::jsonld`].

use std::iter::Peekable;
use std::str::Chars;

use serde_json::Value;

/// Parses a JSON-LD script body, tolerating what pages commonly get wrong:
/// HTML comment or CDATA wrappers, a trailing `;`, raw newlines or tabs
/// inside strings, `//` and `/* */` comments, trailing commas,
/// single-quoted strings, and several objects one after the other
/// (`{...}{...}` or `{...},{...}`). Empty when nothing can be read.
pub(super) fn parse_json_lenient(raw: &str) -> Vec<Value> {
    let mut s = raw.trim();
    for prefix in ["<!--", "//<![CDATA[", "<![CDATA["] {
        s = s.strip_prefix(prefix).unwrap_or(s).trim();
    }
    for suffix in ["-->", "//]]>", "]]>", ";"] {
        s = s.strip_suffix(suffix).unwrap_or(s).trim();
    }
    if s.is_empty() {
        return Vec::new();
    }
    if let Ok(v) = serde_json::from_str(s) {
        return vec![v];
    }
    let relaxed = relax_json(s);
    if let Ok(v) = serde_json::from_str(&relaxed) {
        return vec![v];
    }
    // Several top-level values: read them in turn, stopping at the first
    // that fails (what came before it still counts).
    let mut values = Vec::new();
    let mut stream = serde_json::Deserializer::from_str(&relaxed).into_iter::<Value>();
    while let Some(Ok(v)) = stream.next() {
        values.push(v);
    }
    values
}

/// Rewrites the JSON that pages hand-write into JSON: comments go, a comma
/// before `}` or `]` or between top-level values goes, control characters
/// inside strings become spaces, and `'single-quoted'` strings become
/// double-quoted. One pass, tracking whether it is inside a string.
fn relax_json(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    let mut depth = 0i32;
    // Inside a string: its quote character.
    let mut quote: Option<char> = None;
    // A comma waiting to see what follows it.
    let mut comma = false;
    while let Some(c) = chars.next() {
        if let Some(q) = quote {
            match c {
                '\\' => match chars.next() {
                    // `\'` is JavaScript, not JSON.
                    Some('\'') => out.push('\''),
                    Some(n) => {
                        out.push(c);
                        out.push(n);
                    }
                    None => {}
                },
                c if c == q => {
                    out.push('"');
                    quote = None;
                }
                '"' => out.push_str("\\\""),
                c if c.is_control() => out.push(' '),
                c => out.push(c),
            }
            continue;
        }
        if c == '/' && skip_comment(&mut chars) {
            continue;
        }
        if c.is_whitespace() {
            out.push(c);
            continue;
        }
        if comma {
            comma = false;
            // Not before a closing bracket, nor between top-level values.
            if !matches!(c, '}' | ']') && depth > 0 {
                out.push(',');
            }
        }
        match c {
            ',' => comma = true,
            '"' | '\'' => {
                quote = Some(c);
                out.push('"');
            }
            '{' | '[' => {
                depth += 1;
                out.push(c);
            }
            '}' | ']' => {
                depth -= 1;
                out.push(c);
            }
            c => out.push(c),
        }
    }
    out
}

/// After a `/` outside strings: skips a `//` or `/* */` comment, and says
/// whether there was one.
fn skip_comment(chars: &mut Peekable<Chars<'_>>) -> bool {
    match chars.peek() {
        Some('/') => {
            for n in chars.by_ref() {
                if n == '\n' {
                    break;
                }
            }
            true
        }
        Some('*') => {
            chars.next();
            let mut prev = ' ';
            for n in chars.by_ref() {
                if prev == '*' && n == '/' {
                    break;
                }
                prev = n;
            }
            true
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::html::tests::draft;

    #[test]
    fn lenient_json_ld_still_gives_a_date() {
        let ld = |script: &str| {
            draft(&format!(
                r#"<html><head><script type="application/ld+json">{script}</script></head><body><p>x</p></body></html>"#
            ))
            .date
            .map(|d| d.to_rfc3339())
        };
        let want = Some("2019-11-18T21:06:51+00:00".to_string());
        // Trailing commas (smithsonianmag.com).
        assert_eq!(
            ld(
                r#"{"@type": "NewsArticle", "headline": "H", "datePublished": "2019-11-18T16:06:51-05:00", "keywords": ["a", "b", ], }"#
            ),
            want
        );
        // A comment and a stray brace (hawaiinewsnow.com).
        assert_eq!(
            ld("{\"@type\": \"NewsArticle\", \"headline\": \"H\",\n // will be empty\n \"datePublished\": \"2019-11-18T21:06:51Z\"}\n}"),
            want
        );
        // Single quotes (reuters.com).
        assert_eq!(
            ld(
                r#"{"@type": "NewsArticle", "headline": "H", "description": 'It "rose"', "datePublished": "2019-11-18T21:06:51Z"}"#
            ),
            want
        );
        // Several objects, and @graph.
        assert_eq!(
            ld(
                r#"{"@type": "WebSite", "name": "S"}, {"@type": "NewsArticle", "headline": "H", "datePublished": "2019-11-18T21:06:51Z"}"#
            ),
            want
        );
        assert_eq!(
            ld(
                r#"{"@type": "WebSite", "name": "S"}{"@graph": [{"@type": "NewsArticle", "headline": "H", "datePublished": "2019-11-18T21:06:51Z"}]}"#
            ),
            want
        );
        // Past repair (an unescaped quote inside a string): found by pattern.
        assert_eq!(
            ld(
                r#"{"@type": "Article", "headline": "H", "description": "It said "no", then", "datePublished": "2019-11-18T21:06:51Z"}"#
            ),
            want
        );
        let relaxed = relax_json(r#"{'a': 'it\'s "so"', "b": [1, 2,], /* c */ }"#);
        assert_eq!(
            serde_json::from_str::<Value>(&relaxed).unwrap(),
            serde_json::json!({"a": "it's \"so\"", "b": [1, 2]})
        );
    }
}
