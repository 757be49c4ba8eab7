//! Search hits as rows for a spreadsheet or a script: one [`HitRow`] a hit,
//! written as CSV (RFC 4180 quoting, through the `csv` crate) or as JSON
//! Lines. `newsdex search --csv` and the server's `/api/export` both write
//! these rows, so a file saved from the page and one made on the command
//! line have the same columns (the command line adds the snippet).

use std::io::{self, Write};

use serde::Serialize;

use crate::hit_json::iso;
use newsdex::search::Hit;

/// The columns, in order; also the keys of a JSON Lines row.
pub const COLUMNS: [&str; 13] = [
    "rank",
    "id",
    "title",
    "date",
    "source",
    "section",
    "byline",
    "url",
    "path",
    "line",
    "people",
    "every_word",
    "matched",
];

/// One hit as a row.
#[derive(Debug, Serialize)]
pub struct HitRow<'a> {
    /// 1-based rank in the search's list.
    pub rank: usize,
    /// Article id.
    pub id: &'a str,
    /// Headline.
    pub title: &'a str,
    /// ISO 8601 date in UTC (`...Z`), or none.
    pub date: Option<String>,
    /// Source.
    pub source: Option<&'a str>,
    /// Section.
    pub section: Option<&'a str>,
    /// Byline.
    pub byline: Option<&'a str>,
    /// URL.
    pub url: Option<&'a str>,
    /// Absolute path of the source file.
    pub path: &'a str,
    /// 1-based line where the article starts in that file.
    pub line: u64,
    /// Canonical names of the people the article mentions (`; ` between
    /// them in CSV).
    pub people: &'a [String],
    /// Whether the article has every word of the query (false for the
    /// closest matches a search falls back to).
    pub every_word: bool,
    /// For a closest match, the query words it has (space-separated in
    /// CSV); empty when it has every word.
    pub matched: &'a [String],
}

impl<'a> HitRow<'a> {
    /// The row of `hit`: `every_word` unless it is a closest match
    /// (`Hit::closest`).
    pub fn new(hit: &'a Hit) -> HitRow<'a> {
        let a = &hit.article;
        let matched = hit.matched.as_deref().unwrap_or_default();
        let every_word = !hit.closest;
        HitRow {
            rank: hit.rank,
            id: &a.id,
            title: &a.title,
            date: a.date.map(iso),
            source: a.source.as_deref(),
            section: a.section.as_deref(),
            byline: a.byline.as_deref(),
            url: a.url.as_deref(),
            path: &a.path,
            line: a.line,
            people: &a.people,
            every_word,
            matched: if every_word { &[] } else { matched },
        }
    }

    /// The row's CSV fields, in [`COLUMNS`] order.
    pub fn fields(&self) -> [String; 13] {
        let text = |v: Option<&str>| v.unwrap_or_default().to_string();
        [
            self.rank.to_string(),
            self.id.to_string(),
            self.title.to_string(),
            self.date.clone().unwrap_or_default(),
            text(self.source),
            text(self.section),
            text(self.byline),
            text(self.url),
            self.path.to_string(),
            self.line.to_string(),
            self.people.join("; "),
            self.every_word.to_string(),
            self.matched.join(" "),
        ]
    }
}

/// The two forms rows are written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    /// CSV with a header row.
    Csv,
    /// One JSON object a line.
    JsonLines,
}

impl Form {
    /// The file name extension.
    pub fn extension(self) -> &'static str {
        match self {
            Form::Csv => "csv",
            Form::JsonLines => "jsonl",
        }
    }

    /// The header row (CSV), or nothing. `extra` columns follow
    /// [`COLUMNS`].
    pub fn header(self, out: impl Write, extra: &[&str]) -> io::Result<()> {
        match self {
            Form::Csv => {
                let mut w = csv::Writer::from_writer(out);
                w.write_record(COLUMNS.iter().chain(extra))?;
                w.flush()
            }
            Form::JsonLines => Ok(()),
        }
    }

    /// One row, with `extra` fields after [`COLUMNS`] in CSV (JSON Lines
    /// rows have the columns only).
    pub fn row(self, mut out: impl Write, row: &HitRow, extra: &[&str]) -> io::Result<()> {
        match self {
            Form::Csv => {
                let mut w = csv::WriterBuilder::new()
                    .has_headers(false)
                    .from_writer(out);
                let fields = row.fields();
                w.write_record(
                    fields
                        .iter()
                        .map(String::as_str)
                        .chain(extra.iter().copied()),
                )?;
                w.flush()
            }
            Form::JsonLines => {
                serde_json::to_writer(&mut out, row)?;
                writeln!(out)
            }
        }
    }

    /// A last line saying the rows stop short of the list, and why: in CSV
    /// a row whose first field says so (the others empty, so the file
    /// still parses), in JSON Lines `{"cut": true, "rows", "total",
    /// "message"}`.
    pub fn cut(self, mut out: impl Write, rows: usize, total: usize, why: &str) -> io::Result<()> {
        let message = format!("cut: {rows} of {total} rows; {why}");
        match self {
            Form::Csv => {
                let mut w = csv::WriterBuilder::new()
                    .has_headers(false)
                    .from_writer(out);
                let mut record = vec![String::new(); COLUMNS.len()];
                record[0] = format!("# {message}");
                w.write_record(&record)?;
                w.flush()
            }
            Form::JsonLines => {
                let obj = serde_json::json!({
                    "cut": true, "rows": rows, "total": total, "message": message,
                });
                serde_json::to_writer(&mut out, &obj)?;
                writeln!(out)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_quotes_commas_quotes_and_newlines() {
        let people = vec!["Gordon Brown".to_string(), "Tony Blair".to_string()];
        let row = HitRow {
            rank: 1,
            id: "a.txt",
            title: "Brown, Blair and \"the deal\"\nagain",
            date: None,
            source: Some("BBC"),
            section: None,
            byline: None,
            url: None,
            path: "/x/a.txt",
            line: 3,
            people: &people,
            every_word: false,
            matched: &["brown".to_string()],
        };
        let mut buf = Vec::new();
        Form::Csv.header(&mut buf, &[]).unwrap();
        Form::Csv.row(&mut buf, &row, &[]).unwrap();
        let text = String::from_utf8(buf.clone()).unwrap();
        assert!(
            text.contains("\"Brown, Blair and \"\"the deal\"\"\nagain\""),
            "{text}"
        );
        let mut r = csv::Reader::from_reader(buf.as_slice());
        assert_eq!(r.headers().unwrap().len(), COLUMNS.len());
        let rec = r.records().next().unwrap().unwrap();
        assert_eq!(&rec[2], row.title);
        assert_eq!(&rec[10], "Gordon Brown; Tony Blair");
        assert_eq!((&rec[11], &rec[12]), ("false", "brown"));
        let mut buf = Vec::new();
        Form::JsonLines.row(&mut buf, &row, &[]).unwrap();
        let v: serde_json::Value = serde_json::from_slice(&buf).unwrap();
        assert_eq!(v["title"], row.title);
        assert_eq!(v["people"][1], "Tony Blair");
        let keys: Vec<&str> = v.as_object().unwrap().keys().map(String::as_str).collect();
        let mut columns = COLUMNS.to_vec();
        columns.sort_unstable();
        let mut keys = keys;
        keys.sort_unstable();
        assert_eq!(keys, columns);
    }
}
