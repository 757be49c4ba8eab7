//! JSON and JSON Lines articles.
//!
//! A `.json` file holds one article object, an array of them, or a wrapper
//! object with the array under a key such as `articles`, `items`, `data` or
//! `results`; a `.jsonl` file holds one object per line. Scraper and dataset
//! layouts name their fields differently, so each [`Draft`] field is looked up
//! under a list of common names, case-insensitively, first usable value wins
//! (`headline` for the title, `datePublished` for the date, ...); the names
//! are `super::fields`', which CSV headers share.
//!
//! The AllSides dataset (`content_original` plus a tokenised copy under
//! `content`) is the reference layout: `content_original` is preferred and the
//! two are never both indexed. Body text gets one paragraph per line, joined
//! with `\n\n`. Missing fields stay missing.

use serde_json::{Map, Value};

use super::fields::{
    byline_text, date_text, looks_like_url, paragraphs, timestamp, BODY_KEYS, BYLINE_KEYS,
    DATE_KEYS, SECTION_KEYS, SOURCE_KEYS, TITLE_KEYS, URL_KEYS,
};
use super::{is_empty_record, ParsedFile, RecordProblem};
use crate::article::Draft;

/// Keys of a wrapper object that hold the article array, in order of trust.
const WRAPPER_KEYS: &[&str] = &[
    "articles",
    "items",
    "data",
    "results",
    "posts",
    "stories",
    "entries",
    "documents",
    "docs",
    "records",
];

/// Parses a `.json` file: one object, an array of objects, or a wrapper
/// object holding the array. Invalid JSON makes the whole file an `Err`
/// with serde's message (which names the line and column).
pub fn parse(text: &str) -> Result<ParsedFile, String> {
    let text = text.trim_start_matches('\u{feff}');
    let value: Value = match serde_json::from_str(text) {
        Ok(v) => v,
        Err(err) => {
            // A JSON Lines file saved as `.json` that the sniffer missed:
            // serde stops after the first object with "trailing characters".
            if err.to_string().starts_with("trailing characters") {
                if let Ok(parsed) = parse_lines(text) {
                    if !parsed.drafts.is_empty() {
                        return Ok(parsed);
                    }
                }
            }
            return Err(format!("invalid JSON: {err}"));
        }
    };
    let mut parsed = ParsedFile::default();
    match value {
        Value::Object(obj) => match wrapped_array(&obj) {
            Some((key, items)) => {
                let lines = element_lines(text, Some(key));
                push_items(&mut parsed, items, lines);
            }
            None => push_object(&mut parsed, &obj, first_value_line(text)),
        },
        Value::Array(items) => {
            let lines = element_lines(text, None);
            push_items(&mut parsed, &items, lines);
        }
        other => {
            return Err(format!(
                "JSON file holds {}, not an article object or array",
                kind(&other)
            ))
        }
    }
    Ok(parsed)
}

/// Parses JSON Lines: one object per line, blank lines ignored. A bad line
/// is a [`RecordProblem`] and the rest still count; a file in which no line
/// is a JSON object is an `Err`.
pub fn parse_lines(text: &str) -> Result<ParsedFile, String> {
    let text = text.trim_start_matches('\u{feff}');
    let mut parsed = ParsedFile::default();
    let mut objects = 0;
    let mut first_error = None;
    for (i, raw) in text.split('\n').enumerate() {
        let line_no = i as u64 + 1;
        let line = raw.trim();
        if line.is_empty() {
            continue;
        }
        let reason = match serde_json::from_str::<Value>(line) {
            Ok(Value::Object(obj)) => {
                objects += 1;
                push_object(&mut parsed, &obj, line_no);
                continue;
            }
            Ok(other) => format!("line holds {}, not an article object", kind(&other)),
            Err(err) => err.to_string(),
        };
        first_error.get_or_insert_with(|| format!("line {line_no}: {reason}"));
        parsed.problems.push(RecordProblem {
            line: line_no,
            reason,
        });
    }
    match first_error {
        Some(err) if objects == 0 => Err(format!("no valid JSON line; first error: {err}")),
        _ => Ok(parsed),
    }
}

/// The article array of a wrapper object, with the key it sits under.
fn wrapped_array(obj: &Map<String, Value>) -> Option<(&str, &[Value])> {
    // An object with body text of its own is an article, even if it has a
    // `data` or `items` array; a feed's `name` or `title` does not make the
    // wrapper an article.
    if body(obj).is_some() {
        return None;
    }
    let (key, items) = WRAPPER_KEYS.iter().find_map(|want| {
        obj.iter().find_map(|(k, v)| match v {
            Value::Array(items) if k.eq_ignore_ascii_case(want) => {
                Some((k.as_str(), items.as_slice()))
            }
            _ => None,
        })
    })?;
    let articles = if items.is_empty() {
        text_field(obj, TITLE_KEYS).is_none()
    } else {
        items.iter().any(Value::is_object)
    };
    articles.then_some((key, items))
}

/// Adds one record per array item. `lines` holds the start line of each
/// item when the scan could compute it.
fn push_items(parsed: &mut ParsedFile, items: &[Value], lines: Option<Vec<u64>>) {
    for (i, item) in items.iter().enumerate() {
        let line = lines.as_ref().and_then(|l| l.get(i).copied()).unwrap_or(1);
        match item {
            Value::Object(obj) => push_object(parsed, obj, line),
            other => parsed.problems.push(RecordProblem {
                line,
                reason: format!("array item is {}, not an article object", kind(other)),
            }),
        }
    }
}

fn push_object(parsed: &mut ParsedFile, obj: &Map<String, Value>, line: u64) {
    match draft(obj, line) {
        Some(d) => parsed.drafts.push(d),
        None => parsed.problems.push(RecordProblem {
            line,
            reason: "JSON object with neither title nor body text".to_string(),
        }),
    }
}

/// Maps one article object to a draft; `None` without title and body.
fn draft(obj: &Map<String, Value>, line: u64) -> Option<Draft> {
    let title = text_field(obj, TITLE_KEYS).map(|t| t.trim().to_string());
    let body = body(obj).unwrap_or_default();
    if is_empty_record(title.as_deref(), &body) {
        return None;
    }
    let date = lookup(obj, DATE_KEYS).find_map(date_value);
    Some(Draft {
        title,
        body,
        date: date.map(|d| d.instant),
        utc_offset: date.and_then(|d| d.utc_offset),
        byline: lookup(obj, BYLINE_KEYS).find_map(byline_value),
        section: lookup(obj, SECTION_KEYS).find_map(first_text),
        source: lookup(obj, SOURCE_KEYS).find_map(name_value),
        url: lookup(obj, URL_KEYS)
            .filter_map(Value::as_str)
            .map(str::trim)
            .find(|u| looks_like_url(u))
            .map(str::to_string),
        line,
        ..Draft::default()
    })
}

/// Values of `obj` under any of `names` (case-insensitive), in the order of
/// `names`.
fn lookup<'a>(
    obj: &'a Map<String, Value>,
    names: &'a [&'a str],
) -> impl Iterator<Item = &'a Value> + 'a {
    names.iter().flat_map(move |name| {
        obj.iter()
            .filter(move |(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v)
    })
}

/// The first non-blank string under any of `names`.
fn text_field<'a>(obj: &'a Map<String, Value>, names: &'a [&'a str]) -> Option<&'a str> {
    lookup(obj, names)
        .filter_map(Value::as_str)
        .find(|s| !s.trim().is_empty())
}

/// The body: the first non-blank string (or array of paragraph strings)
/// under a body key, one paragraph per line.
fn body(obj: &Map<String, Value>) -> Option<String> {
    lookup(obj, BODY_KEYS).find_map(|v| {
        let text = match v {
            Value::String(s) => paragraphs(s),
            Value::Array(parts) => paragraphs(
                &parts
                    .iter()
                    .filter_map(Value::as_str)
                    .collect::<Vec<_>>()
                    .join("\n"),
            ),
            _ => return None,
        };
        (!text.is_empty()).then_some(text)
    })
}

/// A date string, or a number of Unix seconds or milliseconds.
fn date_value(v: &Value) -> Option<crate::dates::Dated> {
    match v {
        Value::String(s) => date_text(s),
        Value::Number(n) => n.as_f64().and_then(timestamp),
        _ => None,
    }
}

/// Author(s): a string, an array of strings or `{"name": ...}` objects, or
/// one such object. Joined with ", ", a leading "By" removed.
fn byline_value(v: &Value) -> Option<String> {
    let joined = match v {
        Value::Array(items) => items
            .iter()
            .filter_map(name_value)
            .collect::<Vec<_>>()
            .join(", "),
        other => name_value(other)?,
    };
    byline_text(&joined)
}

/// A non-blank string, or the `name` of an object.
fn name_value(v: &Value) -> Option<String> {
    let s = match v {
        Value::String(s) => s.as_str(),
        Value::Object(obj) => text_field(obj, &["name"])?,
        _ => return None,
    };
    let s = s.trim();
    (!s.is_empty()).then(|| s.to_string())
}

/// A string, or the first usable item of an array (`categories`).
fn first_text(v: &Value) -> Option<String> {
    match v {
        Value::Array(items) => items.iter().find_map(name_value),
        other => name_value(other),
    }
}

fn kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

// Line numbers of array items. serde_json's `Value` keeps no positions, so a
// small scanner walks the (already validated) text once to find where each
// item of the article array starts.

/// Line of the first non-blank character (where a lone object starts).
fn first_value_line(text: &str) -> u64 {
    let start = text.len() - text.trim_start().len();
    1 + count_newlines(&text[..start])
}

/// Start lines of the items of the top-level array (`key` = `None`) or of the
/// array under `key` in the top-level object. `None` when the scan fails.
fn element_lines(text: &str, key: Option<&str>) -> Option<Vec<u64>> {
    let b = text.as_bytes();
    let mut i = skip_ws(b, 0);
    if let Some(key) = key {
        if b.get(i) != Some(&b'{') {
            return None;
        }
        i += 1;
        loop {
            i = skip_ws(b, i);
            if b.get(i) != Some(&b'"') {
                return None;
            }
            let key_end = skip_value(b, i)?;
            // Keys with escapes never match; the caller then falls back to 1.
            let this_key = &text[i + 1..key_end - 1];
            i = skip_ws(b, key_end);
            if b.get(i) != Some(&b':') {
                return None;
            }
            i = skip_ws(b, i + 1);
            if this_key == key && b.get(i) == Some(&b'[') {
                break;
            }
            i = skip_ws(b, skip_value(b, i)?);
            if b.get(i) != Some(&b',') {
                return None;
            }
            i += 1;
        }
    }
    if b.get(i) != Some(&b'[') {
        return None;
    }
    let mut offsets = Vec::new();
    i += 1;
    loop {
        i = skip_ws(b, i);
        match b.get(i) {
            Some(b']') | None => break,
            Some(b',') => i += 1,
            Some(_) => {
                offsets.push(i);
                i = skip_value(b, i)?;
            }
        }
    }
    // Offsets increase, so lines are counted in one pass.
    let mut lines = Vec::with_capacity(offsets.len());
    let (mut line, mut counted) = (1, 0);
    for off in offsets {
        line += count_newlines(&text[counted..off]);
        counted = off;
        lines.push(line);
    }
    Some(lines)
}

fn skip_ws(b: &[u8], mut i: usize) -> usize {
    while b.get(i).is_some_and(|c| c.is_ascii_whitespace()) {
        i += 1;
    }
    i
}

/// The offset just past the JSON value starting at `i`.
fn skip_value(b: &[u8], i: usize) -> Option<usize> {
    match *b.get(i)? {
        b'"' => {
            let mut j = i + 1;
            loop {
                match *b.get(j)? {
                    b'\\' => j += 2,
                    b'"' => return Some(j + 1),
                    _ => j += 1,
                }
            }
        }
        b'{' | b'[' => {
            let mut depth = 0usize;
            let mut j = i;
            loop {
                match *b.get(j)? {
                    b'"' => {
                        j = skip_value(b, j)?;
                        continue;
                    }
                    b'{' | b'[' => depth += 1,
                    b'}' | b']' => {
                        depth -= 1;
                        if depth == 0 {
                            return Some(j + 1);
                        }
                    }
                    _ => {}
                }
                j += 1;
            }
        }
        _ => {
            let mut j = i;
            while b
                .get(j)
                .is_some_and(|c| !matches!(c, b',' | b'}' | b']') && !c.is_ascii_whitespace())
            {
                j += 1;
            }
            Some(j)
        }
    }
}

fn count_newlines(s: &str) -> u64 {
    s.bytes().filter(|&b| b == b'\n').count() as u64
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ymd(d: Option<chrono::DateTime<chrono::Utc>>) -> String {
        d.map(|d| d.format("%Y-%m-%d %H:%M:%S").to_string())
            .unwrap_or_default()
    }

    #[test]
    fn single_object_with_common_field_names() {
        let text = r#"
{
  "Headline": "  Mayor wins  ",
  "articleBody": "First paragraph\r\nwith a second line.\n\n\nThird.",
  "datePublished": "2016-05-03T10:04:11-04:00",
  "author": [{"name": "Ann Lee"}, {"name": "Bo Chan"}],
  "link": "https://example.com/a",
  "publisher": {"name": "Daily Planet"},
  "categories": ["politics", "local"],
  "tags": ["ignored"]
}"#;
        let p = parse(text).unwrap();
        assert!(p.problems.is_empty());
        let d = &p.drafts[0];
        assert_eq!(d.line, 2);
        assert_eq!(d.title.as_deref(), Some("Mayor wins"));
        assert_eq!(d.body, "First paragraph\n\nwith a second line.\n\nThird.");
        assert_eq!(ymd(d.date), "2016-05-03 14:04:11");
        assert_eq!(d.byline.as_deref(), Some("Ann Lee, Bo Chan"));
        assert_eq!(d.url.as_deref(), Some("https://example.com/a"));
        assert_eq!(d.source.as_deref(), Some("Daily Planet"));
        assert_eq!(d.section.as_deref(), Some("politics"));
    }

    #[test]
    fn allsides_layout_prefers_content_original() {
        let text = r#"{
    "topic": "terrorism",
    "source": "New York Times - News",
    "bias": 0,
    "url": "http://www.nytimes.com/2016/09/20/nyregion/rahami.html?hp",
    "title": "Bomb Suspect Changed After Trip Abroad, Friends Say",
    "date": "6/15/17",
    "authors": "N. R. Kleinfield, Jane Doe",
    "content": "Besides his trip to Quetta , Mr. Rahami visited Karachi .",
    "content_original": "Besides his trip to Quetta, Mr. Rahami visited Karachi.\nMuch about it.",
    "source_url": "www.nytimes.com",
    "bias_text": "left",
    "ID": "004Gt3gcsotuiYmz"
}"#;
        let d = &parse(text).unwrap().drafts[0];
        assert_eq!(
            d.body,
            "Besides his trip to Quetta, Mr. Rahami visited Karachi.\n\nMuch about it."
        );
        assert_eq!(ymd(d.date), "2017-06-15 00:00:00");
        assert_eq!(d.byline.as_deref(), Some("N. R. Kleinfield, Jane Doe"));
        assert_eq!(d.section.as_deref(), Some("terrorism"));
        assert_eq!(d.source.as_deref(), Some("New York Times - News"));
        assert_eq!(
            d.url.as_deref(),
            Some("http://www.nytimes.com/2016/09/20/nyregion/rahami.html?hp")
        );
    }

    #[test]
    fn empty_fields_stay_missing_and_source_url_needs_a_scheme() {
        let text = r#"{"title": "T", "date": "", "published": "2020-01-02",
            "authors": "", "content_original": "", "content": "Tokenised .",
            "source_url": "www.example.com"}"#;
        let d = &parse(text).unwrap().drafts[0];
        // An empty `date` falls through to the next date key; an empty
        // `content_original` to the next body key.
        assert_eq!(ymd(d.date), "2020-01-02 00:00:00");
        assert_eq!(d.body, "Tokenised .");
        assert_eq!(d.byline, None);
        assert_eq!(d.url, None);
        let d = &parse(r#"{"title": "T", "date": ""}"#).unwrap().drafts[0];
        assert_eq!(
            (d.date, d.body.as_str(), d.source.clone()),
            (None, "", None)
        );
    }

    #[test]
    fn array_items_report_their_start_lines() {
        let text = "[\n  {\"title\": \"A\", \"text\": \"x\", \"timestamp\": 1466000000},\n  \
            {\"title\": \"B\",\n   \"body\": \"y\", \"published_at\": 1466000000000},\n  \
            {\"bias\": 1},\n  \"stray\"\n]";
        let p = parse(text).unwrap();
        assert_eq!(p.drafts.len(), 2);
        assert_eq!(p.drafts[0].line, 2);
        assert_eq!(p.drafts[1].line, 3);
        assert_eq!(ymd(p.drafts[0].date), "2016-06-15 14:13:20");
        assert_eq!(p.drafts[0].date, p.drafts[1].date);
        let lines: Vec<_> = p.problems.iter().map(|p| p.line).collect();
        assert_eq!(lines, [5, 6]);
        assert!(p.problems[1].reason.contains("a string"));
    }

    #[test]
    fn wrapper_object_holds_the_array() {
        let text = "{\"status\": \"ok\", \"note\": \"a \\\"quoted\\\" [x]\",\n\
            \"Articles\": [\n{\"headline\": \"One\"},\n{\"headline\": \"Two\", \"description\": \"D\"}]}";
        let p = parse(text).unwrap();
        let titles: Vec<_> = p
            .drafts
            .iter()
            .map(|d| d.title.as_deref().unwrap())
            .collect();
        assert_eq!(titles, ["One", "Two"]);
        assert_eq!(p.drafts[1].body, "D");
        assert_eq!(p.drafts.iter().map(|d| d.line).collect::<Vec<_>>(), [3, 4]);
    }

    #[test]
    fn invalid_json_is_an_error_with_position() {
        let err = parse("{\n  \"title\": \"Cut off\",\n  \"body\": \"mid").unwrap_err();
        assert!(err.contains("line 3"), "{err}");
        assert!(parse("\"just a string\"").is_err());
        let p = parse(r#"{"bias": 1}"#).unwrap();
        assert_eq!(p.problems.len(), 1);
    }

    #[test]
    fn json_lines_with_a_bad_line() {
        let text = "{\"title\": \"A\", \"body\": \"a\"}\n\n{\"title\": \"B\", \"body\": \r\n\
            {\"title\": \"C\", \"body\": \"c\"}\r\n[1]\n";
        let p = parse_lines(text).unwrap();
        let titles: Vec<_> = p
            .drafts
            .iter()
            .map(|d| d.title.as_deref().unwrap())
            .collect();
        assert_eq!(titles, ["A", "C"]);
        assert_eq!(p.drafts[1].line, 4);
        assert_eq!(p.problems.len(), 2);
        assert_eq!(p.problems[0].line, 3);
        assert!(
            p.problems[0].reason.contains("EOF"),
            "{}",
            p.problems[0].reason
        );
        assert_eq!(p.problems[1].line, 5);
        let err = parse_lines("not json\n{broken\n").unwrap_err();
        assert!(err.contains("line 1"), "{err}");
        // A JSON Lines file handed to the `.json` parser still works.
        assert_eq!(parse(text).unwrap().drafts.len(), 2);
    }

    fn corpus_files(dir: &str) -> Option<Vec<std::path::PathBuf>> {
        let mut paths: Vec<_> = std::fs::read_dir(dir)
            .ok()?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|e| e == "json" || e == "jsonl"))
            .collect();
        paths.sort();
        Some(paths)
    }

    /// Every file of the checked-in sample and of the shared AllSides sample
    /// parses to one draft with a title and body.
    #[test]
    fn real_allsides_files() {
        let dirs = [
            concat!(env!("CARGO_MANIFEST_DIR"), "/../../sample_corpus/allsides"),
            concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/../../../shared/corpora/allsides-article-bias/sample"
            ),
        ];
        for dir in dirs {
            let Some(paths) = corpus_files(dir) else {
                eprintln!("skipped: {dir} not found");
                continue;
            };
            let (mut drafts, mut dated, mut bylines) = (0, 0, 0);
            for path in &paths {
                let text = std::fs::read_to_string(path).unwrap();
                let jsonl = path.extension().is_some_and(|e| e == "jsonl");
                let p = if jsonl {
                    parse_lines(&text)
                } else {
                    parse(&text)
                }
                .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
                assert!(
                    p.problems.is_empty(),
                    "{}: {:?}",
                    path.display(),
                    p.problems
                );
                for d in &p.drafts {
                    assert!(
                        d.title.is_some() && !d.body.is_empty(),
                        "{}",
                        path.display()
                    );
                    if !jsonl {
                        // The body is `content_original`, not the tokenised
                        // `content`.
                        let v: Value = serde_json::from_str(&text).unwrap();
                        let original = v["content_original"].as_str().unwrap();
                        assert_eq!(d.body, paragraphs(original), "{}", path.display());
                        // Missing fields stay missing (issue #7): an empty
                        // `date` or `authors` gives none, never a guess.
                        let given = |k: &str| v[k].as_str().is_some_and(|s| !s.trim().is_empty());
                        assert_eq!(d.date.is_some(), given("date"), "{}", path.display());
                        assert_eq!(d.byline.is_some(), given("authors"), "{}", path.display());
                        assert_eq!(d.section.is_some(), given("topic"), "{}", path.display());
                        assert_eq!(d.source.is_some(), given("source"), "{}", path.display());
                        if let (Some(raw), Some(date)) = (v["date"].as_str(), d.date) {
                            // ISO `2016-09-20` or US `6/15/17`: the same day.
                            let (y, m, day) = match raw.split('/').collect::<Vec<_>>()[..] {
                                [m, day, y] => (y.to_string(), m.to_string(), day.to_string()),
                                _ => {
                                    let p: Vec<&str> = raw.split('-').collect();
                                    (p[0].to_string(), p[1].to_string(), p[2].to_string())
                                }
                            };
                            let y: i32 = y.parse().unwrap();
                            let y = if y < 100 { 2000 + y } else { y };
                            assert_eq!(
                                date.format("%Y-%m-%d").to_string(),
                                format!(
                                    "{y:04}-{:02}-{:02}",
                                    m.parse::<u32>().unwrap(),
                                    day.parse::<u32>().unwrap()
                                ),
                                "{}",
                                path.display()
                            );
                        }
                    }
                    assert!(d.url.as_deref().is_some_and(|u| u.starts_with("http")));
                }
                drafts += p.drafts.len();
                dated += p.drafts.iter().filter(|d| d.date.is_some()).count();
                bylines += p.drafts.iter().filter(|d| d.byline.is_some()).count();
            }
            eprintln!(
                "{dir}: {} files, {drafts} drafts, {dated} dated, {bylines} with byline",
                paths.len()
            );
        }
    }
}
