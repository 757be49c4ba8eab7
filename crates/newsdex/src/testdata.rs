//! Test fixtures: [`ram_index`], an in-memory index every searching test
//! builds on, and reading the shared corpora in tests: the folder beside the crate, and
//! an evaluation item's headline and body as its label names it. Both
//! evaluations (`people::eval`, `stories::eval`) read through here.
//!
//! An item is `{"source": <path under ../shared>}`, plus `"newid"` for a
//! record of a Reuters-21578 SGML file or `"key"` for an entry of the
//! article-extraction benchmark's `ground-truth.json`, or `"member"` for an
//! AllSides article packed in `jsons.tar.zst` (read with `tar --zstd`, see
//! [`Loader::unpack`]). Plain-text files
//! give their first line as the headline and the rest as the body; JSON
//! files (AllSides) `title` and `content_original`. `tools/people/corpus.py`
//! reads them the same way.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use crate::annotate::annotate;
use crate::article::{Article, Draft, Origin};
use crate::ingest::{Format, ParsedFile, DEFAULT_MAX_DECOMPRESSED};
use crate::schema::{self, ArticleDoc, Fields};

/// The shared corpora (`../shared` beside the crate). `None` when it is
/// absent, which only a machine outside CI may be: with `CI` set, a test
/// that needs it fails rather than passing on nothing.
pub fn shared() -> Option<PathBuf> {
    let p = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared"));
    if p.is_dir() {
        return Some(p.to_path_buf());
    }
    assert!(
        std::env::var_os("CI").is_none(),
        "CI is set but {} is missing: the evaluation cannot run",
        p.display()
    );
    eprintln!("note: {} not found; evaluation skipped", p.display());
    None
}

/// A file of the shared corpora (`rel` under `../shared`) read as `index`
/// reads it, through [`crate::ingest::parse_file`] with the default size
/// limit; `None` when the corpora are absent ([`shared`]).
pub fn parse_shared(rel: &str) -> Option<(Format, ParsedFile)> {
    let path = shared()?.join(rel);
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let (format, parsed) = crate::ingest::parse_file(&path, &bytes, DEFAULT_MAX_DECOMPRESSED)
        .unwrap_or_else(|| panic!("{}: not an article format", path.display()));
    let parsed = parsed.unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    Some((format, parsed))
}

/// Where an evaluation item's text is.
#[derive(Debug, Clone, serde::Deserialize)]
pub struct Item {
    /// Path under `../shared`.
    pub source: String,
    /// Reuters NEWID of the record, for `.sgm` files.
    pub newid: Option<u64>,
    /// Entry of the article-extraction benchmark's ground truth.
    pub key: Option<String>,
    /// Path inside the archive `source` (`jsons/<ID>.json`).
    pub member: Option<String>,
}

/// Reads evaluation items, keeping the benchmark's ground truth (a few
/// MB of JSON) once parsed and each Reuters file (1.3 MB, hundreds of
/// records asked for) once decoded.
pub struct Loader {
    root: PathBuf,
    benchmark: HashMap<String, serde_json::Value>,
    reuters: HashMap<String, String>,
    /// Headline and body of archive members, by member path.
    packed: HashMap<String, (String, String)>,
}

impl Loader {
    /// A loader of the items under `root` (the shared corpora).
    pub fn new(root: &Path) -> Loader {
        Loader {
            root: root.to_path_buf(),
            benchmark: HashMap::new(),
            reuters: HashMap::new(),
            packed: HashMap::new(),
        }
    }

    /// Reads the archived items among `items` (`member`), one `tar` pass per
    /// archive, so that [`Loader::load`] finds them. The error says what
    /// could not be read: `tar` without zstd, or a member not found.
    pub fn unpack<'a>(&mut self, items: impl IntoIterator<Item = &'a Item>) -> Result<(), String> {
        let mut by_archive: HashMap<&str, Vec<&str>> = HashMap::new();
        for it in items {
            if let Some(m) = &it.member {
                by_archive.entry(&it.source).or_default().push(m);
            }
        }
        for (archive, members) in by_archive {
            let path = self.root.join(archive);
            let out = std::process::Command::new("tar")
                .args(["--zstd", "-xOf"])
                .arg(&path)
                .args(&members)
                .output()
                .map_err(|e| format!("running tar on {}: {e}", path.display()))?;
            if !out.status.success() {
                return Err(format!(
                    "tar --zstd could not read {} members of {} (is zstd installed?): {}",
                    members.len(),
                    path.display(),
                    String::from_utf8_lossy(&out.stderr).trim()
                ));
            }
            // The members' JSON objects one after another; each names
            // itself by its ID.
            let stream =
                serde_json::Deserializer::from_slice(&out.stdout).into_iter::<serde_json::Value>();
            for v in stream {
                let v = v.map_err(|e| format!("an article of {}: {e}", path.display()))?;
                let s = |k: &str| v[k].as_str().unwrap_or_default().to_string();
                let member = format!("jsons/{}.json", s("ID"));
                self.packed
                    .insert(member, (s("title"), s("content_original")));
            }
            if let Some(m) = members.iter().find(|m| !self.packed.contains_key(**m)) {
                return Err(format!("{m} not found in {}", path.display()));
            }
        }
        Ok(())
    }

    /// The text of a Reuters file, decoded once.
    fn reuters(&mut self, source: &str) -> &str {
        let path = self.root.join(source);
        self.reuters.entry(source.to_string()).or_insert_with(|| {
            let bytes = std::fs::read(&path).expect("reading Reuters file");
            // Reuters-21578 is Latin-1.
            bytes.iter().map(|&b| b as char).collect()
        })
    }

    /// The day of a Reuters record ([`reuters_day`]); `None` for other items.
    pub fn day(&mut self, item: &Item) -> Option<i64> {
        let id = item.newid?;
        reuters_day(self.reuters(&item.source), id)
    }

    /// Headline and body of `item`. Text files are read as the ingester
    /// indexes them: entities such as `&#233;` decoded, as `ingest::text`
    /// decodes them.
    pub fn load(&mut self, item: &Item) -> (String, String) {
        if let Some(m) = &item.member {
            return self
                .packed
                .get(m)
                .cloned()
                .expect("archived items are unpacked (Loader::unpack) before they are loaded");
        }
        if let Some(id) = item.newid {
            return reuters_record(self.reuters(&item.source), id).expect("NEWID in Reuters file");
        }
        let path = self.root.join(&item.source);
        if let Some(key) = &item.key {
            let truth = self
                .benchmark
                .entry(item.source.clone())
                .or_insert_with(|| {
                    let raw = std::fs::read_to_string(&path).expect("reading ground truth");
                    serde_json::from_str(&raw).expect("ground-truth JSON")
                });
            let body = truth[key.as_str()]["articleBody"]
                .as_str()
                .expect("articleBody of the item's key");
            return (String::new(), body.to_string());
        }
        let raw = std::fs::read_to_string(&path).expect("reading an evaluation article");
        if item.source.ends_with(".json") {
            let v: serde_json::Value = serde_json::from_str(&raw).expect("allsides JSON");
            let s = |k: &str| v[k].as_str().unwrap_or_default().to_string();
            return (s("title"), s("content_original"));
        }
        let raw = crate::ingest::html::decode_entities(&raw);
        let (title, body) = raw.split_once('\n').unwrap_or((&raw, ""));
        (title.trim().to_string(), body.trim_start().to_string())
    }
}

/// `<TITLE>` and `<BODY>` of the record `NEWID="id"`, entities decoded.
pub fn reuters_record(text: &str, id: u64) -> Option<(String, String)> {
    let at = text.find(&format!("NEWID=\"{id}\""))?;
    let rec = &text[at..text[at..].find("</REUTERS>").map_or(text.len(), |e| at + e)];
    let tag = |name: &str| {
        let open = format!("<{name}>");
        let s = rec.find(&open)? + open.len();
        let e = rec[s..].find(&format!("</{name}>"))? + s;
        Some(
            rec[s..e]
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&amp;", "&")
                .replace("&#3;", ""),
        )
    };
    Some((tag("TITLE").unwrap_or_default(), tag("BODY")?))
}

/// The `<DATE>` of the record `NEWID="id"` (`2-MAR-1987 ...`), as days
/// since 1987-01-01, for the tests that need a record's date.
pub fn reuters_day(text: &str, id: u64) -> Option<i64> {
    let at = text.find(&format!("NEWID=\"{id}\""))?;
    let s = text[at..].find("<DATE>")? + at + 6;
    let date = text[s..].split_whitespace().next()?;
    let mut parts = date.split('-');
    let day: i64 = parts.next()?.trim().parse().ok()?;
    let month = parts.next()?;
    const MONTHS: [&str; 12] = [
        "JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC",
    ];
    let m = MONTHS.iter().position(|x| x.eq_ignore_ascii_case(month))? as i64;
    Some(m * 31 + day)
}

/// An in-memory index of `(section, headline, body)` articles, through
/// the ingester's own `Article::from_draft` and `annotate`, the
/// indexer's stories and its document: the fixture of every test that
/// searches.
pub(crate) fn ram_index(articles: &[(&str, &str, &str)]) -> (tantivy::Index, Fields) {
    let (schema, fields) = schema::build();
    let index = tantivy::Index::create_in_ram(schema);
    schema::register_analyzers(&index);
    let mut w: tantivy::IndexWriter<ArticleDoc> = index.writer(15_000_000).unwrap();
    let mut stories = crate::stories::Assigner::new(&fields, None).unwrap();
    for (i, (section, title, body)) in articles.iter().enumerate() {
        let rel = format!("{section}/{i:03}.txt");
        let abs = format!("/news/{rel}");
        let origin = Origin {
            root_label: "news",
            rel_path: &rel,
            abs_path: &abs,
            parent_name: Some(section),
            multi_record: false,
        };
        let draft = Draft {
            title: Some(title.to_string()),
            body: body.to_string(),
            ..Draft::default()
        };
        let mut a = Article::from_draft(draft, &origin, 0);
        annotate(&mut a);
        stories.assign(&mut a).unwrap();
        w.add_document(ArticleDoc::new(fields.clone(), a)).unwrap();
    }
    w.commit().unwrap();
    (index, fields)
}

/// A WARC record of `kind`: an HTTP 200 response of `content_type`.
fn warc_record(kind: &str, content_type: &str, body: &[u8]) -> Vec<u8> {
    let mut block = format!("HTTP/1.1 200 OK\r\nContent-Type: {content_type}\r\n\r\n").into_bytes();
    block.extend_from_slice(body);
    let mut r = format!(
        "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Target-URI: http://example.com/{}\r\n\
         WARC-Date: 2024-05-18T01:58:10Z\r\nContent-Length: {}\r\n\r\n",
        body.len(),
        block.len()
    )
    .into_bytes();
    r.extend_from_slice(&block);
    r.extend_from_slice(b"\r\n\r\n");
    r
}

/// A web archive of about 10 MB: a page, then images (passed over).
pub fn big_warc() -> Vec<u8> {
    let page = b"<html><head><title>Flood warning issued</title></head>\
        <body><article><p>The river rose overnight and the council met.</p></article></body></html>";
    let mut warc = warc_record("response", "text/html", page);
    for i in 0..5u8 {
        warc.extend(warc_record("response", "image/jpeg", &vec![i; 2 << 20]));
    }
    warc
}
