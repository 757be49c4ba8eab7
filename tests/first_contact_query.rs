//! Issue #14, "First contact": fields and the query language. Reuters
//! articles belong to every topic they list and carry their places (item
//! 4); a pasted headline or URL is text, not a syntax error (item 7);
//! `e-mail` and `email` find the same articles (item 10); bylines and
//! sources match by word, URLs by host or prefix (item 15).

use std::collections::BTreeSet;
use std::path::Path;
use std::process::Output;

use serde_json::Value;

use crate::util::{assert_status, shared_path, stderr, stdout, Env};

/// A workspace with `files` of a shared corpus copied into `corpus/` and
/// indexed; `None` (test skipped) when the corpus is absent.
fn indexed(corpus: &str, files: &[&str]) -> Option<Env> {
    let Some(dir) = shared_path(corpus) else {
        eprintln!("skipped: ../shared/{corpus} not present");
        return None;
    };
    let env = Env::empty();
    for f in files {
        std::fs::copy(dir.join(f), env.corpus().join(f)).unwrap();
    }
    env.index_corpus();
    Some(env)
}

fn ids(hits: &[Value]) -> BTreeSet<String> {
    hits.iter()
        .map(|h| h["id"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn reuters_articles_belong_to_every_topic_and_have_places() {
    let files = ["reut2-000.sgm", "reut2-001.sgm"];
    let Some(env) = indexed("corpora/reuters21578", &files) else {
        return;
    };
    // Records that list wheat among their topics, counted in the files.
    let mut listed = 0;
    let mut listed_first = 0;
    for f in files {
        let text = std::fs::read(env.corpus().join(f)).unwrap();
        let text = String::from_utf8_lossy(&text);
        for topics in text.split("<TOPICS>").skip(1) {
            let topics = &topics[..topics.find("</TOPICS>").unwrap()];
            if topics.contains("<D>wheat</D>") {
                listed += 1;
                listed_first += usize::from(topics.starts_with("<D>wheat</D>"));
            }
        }
    }
    assert_eq!((listed, listed_first), (37, 2));

    let (code, by_query) = env.search_json(&["--limit", "500", "section:wheat"]);
    assert_eq!(code, 0);
    assert_eq!(by_query.len(), listed);
    let (_, by_flag) = env.search_json(&["--limit", "500", "--section", "wheat", ""]);
    assert_eq!(ids(&by_flag), ids(&by_query));
    // The first topic stays the section shown.
    let shown_wheat = by_query.iter().filter(|h| h["section"] == "wheat").count();
    assert_eq!(shown_wheat, listed_first);

    // Places: a field, in the JSON hit and in `show`.
    let (code, usa) = env.search_json(&["--limit", "5", "place:usa"]);
    assert_eq!(code, 0);
    assert_eq!(usa.len(), 5);
    for h in &usa {
        let places = h["places"].as_array().unwrap();
        assert!(places.iter().any(|p| p == "usa"), "{h}");
    }
    let (code, none) = env.search_json(&["place:atlantis"]);
    assert_eq!((code, none.len()), (1, 0));
    let id = usa[0]["id"].as_str().unwrap();
    let out = env.run(&["show", id]);
    assert_status(&out, 0);
    assert!(
        stdout(&out)
            .lines()
            .any(|l| l.starts_with("places") && l.contains("usa")),
        "{}",
        stdout(&out)
    );
    let out = env.run(&["--json", "show", id]);
    assert_status(&out, 0);
    let shown: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(shown["places"]
        .as_array()
        .unwrap()
        .iter()
        .any(|p| p == "usa"));
}

/// `newsdex --index <shared BBC index> ARGS`.
fn bbc(args: &[&str]) -> Option<Output> {
    let store = crate::util::bbc_index()?;
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_newsdex"))
        .env_remove("NEWSDEX_INDEX")
        .arg("--index")
        .arg(store.path())
        .args(args)
        .output()
        .unwrap();
    Some(out)
}

fn hits_of(out: &Output) -> Vec<Value> {
    stdout(out)
        .lines()
        .map(|l| serde_json::from_str::<Value>(l).unwrap())
        .filter(|v| v.get("rank").is_some())
        .collect()
}

#[test]
fn a_pasted_headline_or_url_is_searched_not_refused() {
    let Some(out) = bbc(&["--json", "search", "Obituary: Dame Alicia Markova"]) else {
        eprintln!("skipped: ../shared/corpora/bbc not present");
        return;
    };
    assert_status(&out, 0);
    let hits = hits_of(&out);
    assert_eq!(hits[0]["title"], "Obituary: Dame Alicia Markova");
    assert!(hits[0]["id"]
        .as_str()
        .unwrap()
        .ends_with("entertainment/021.txt"));

    // Nothing found: the notice says the word was not a field.
    let out = bbc(&["search", "Flibbertigibbet: qwxzvv"]).unwrap();
    assert_status(&out, 1);
    assert!(
        stderr(&out).contains(
            "`flibbertigibbet:` is not a field; searched it as a word (fields: title, body,"
        ),
        "{}",
        stderr(&out)
    );
    // Found: no such notice.
    let out = bbc(&["search", "Obituary: Markova"]).unwrap();
    assert_status(&out, 0);
    assert!(!stderr(&out).contains("not a field"), "{}", stderr(&out));

    // A URL is no error, whether or not an article has it.
    let out = bbc(&["search", "https://www.bbc.co.uk/news/uk-politics-123"]).unwrap();
    assert_status(&out, 1);
    assert!(!stderr(&out).contains("error"), "{}", stderr(&out));
}

#[test]
fn hyphenated_and_joined_words_find_the_same_articles() {
    let Some(email) = bbc(&[
        "--json",
        "search",
        "--all-words",
        "--all-copies",
        "--limit",
        "1000",
        "email",
    ]) else {
        eprintln!("skipped: ../shared/corpora/bbc not present");
        return;
    };
    let e_mail = bbc(&[
        "--json",
        "search",
        "--all-words",
        "--all-copies",
        "--limit",
        "1000",
        "e-mail",
    ])
    .unwrap();
    let (email, e_mail) = (hits_of(&email), hits_of(&e_mail));
    assert_eq!(ids(&email), ids(&e_mail));
    // Both at least find every article with either spelling as an exact word.
    let exact = |q: &str| {
        let out = bbc(&["--json", "search", "--all-copies", "--limit", "1000", q]).unwrap();
        ids(&hits_of(&out))
    };
    let (joined, hyphenated) = (exact("\"email\""), exact("\"e-mail\""));
    assert!(joined.len() >= 10 && hyphenated.len() >= 50);
    assert!(joined.union(&hyphenated).all(|id| ids(&email).contains(id)));
    assert!(email.len() > hyphenated.len().max(joined.len()));
    // `email` marks `e-mail` where that is how the article spells it.
    let only_hyphenated = email
        .iter()
        .find(|h| {
            let id = h["id"].as_str().unwrap();
            !joined.contains(id) && crate::util::marked(h).iter().any(|m| m.contains('-'))
        })
        .expect("a hit spelling it e-mail");
    let marked = crate::util::marked(only_hyphenated);
    assert!(
        marked
            .iter()
            .any(|m| m.eq_ignore_ascii_case("e-mail") || m.eq_ignore_ascii_case("e-mails")),
        "{marked:?}"
    );
}

/// The sample's JSON files, parsed.
fn allsides_files(dir: &Path) -> Vec<Value> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "json") {
            out.push(serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap());
        }
    }
    out
}

#[test]
fn bylines_and_sources_match_by_word_and_urls_by_host_or_prefix() {
    let Some(dir) = shared_path("corpora/allsides-article-bias/sample") else {
        eprintln!("skipped: ../shared/corpora/allsides-article-bias/sample not present");
        return;
    };
    let env = Env::empty();
    crate::util::copy_dir(&dir, &env.corpus());
    env.index_corpus();
    let files = allsides_files(&dir);
    let count = |pred: &dyn Fn(&Value) -> bool| files.iter().filter(|v| pred(v)).count();
    let words = |s: &str| -> Vec<String> {
        s.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect()
    };

    let (code, hits) = env.search_json(&["byline:collinson"]);
    assert_eq!(code, 0);
    assert_eq!(
        hits.len(),
        count(&|v| words(v["authors"].as_str().unwrap_or("")).contains(&"collinson".into()))
    );
    assert!(hits[0]["byline"]
        .as_str()
        .unwrap()
        .contains("Stephen Collinson"));
    let (_, whole) = env.search_json(&["byline:\"Stephen Collinson\""]);
    assert_eq!(ids(&whole), ids(&hits));
    let (code, none) = env.search_json(&["byline:\"Collinson Stephen\""]);
    assert_eq!((code, none.len()), (1, 0));

    let (code, cnn) = env.search_json(&["--limit", "100", "source:cnn"]);
    assert_eq!(code, 0);
    let want = count(&|v| words(v["source"].as_str().unwrap_or("")).contains(&"cnn".into()));
    assert!(want >= 5);
    assert_eq!(cnn.len(), want);

    let (code, nyt) = env.search_json(&["--limit", "100", "url:nytimes.com"]);
    assert_eq!(code, 0);
    let host_is_nyt = |v: &Value| {
        let url = v["url"].as_str().unwrap_or("");
        let host = url
            .split("://")
            .nth(1)
            .unwrap_or("")
            .split('/')
            .next()
            .unwrap();
        host == "nytimes.com" || host.ends_with(".nytimes.com")
    };
    assert_eq!(nyt.len(), count(&host_is_nyt));
    assert!(!nyt.is_empty());
    let (code, y2016) = env.search_json(&["url:https://www.nytimes.com/2016/"]);
    assert_eq!(code, 0);
    assert_eq!(
        y2016.len(),
        count(&|v| host_is_nyt(v) && v["url"].as_str().unwrap().contains("nytimes.com/2016/"))
    );
    assert!(y2016.len() < nyt.len());

    // A pasted URL finds its article.
    let url = nyt[0]["url"].as_str().unwrap();
    let (code, pasted) = env.search_json(&[url]);
    assert_eq!(code, 0);
    assert_eq!(pasted[0]["url"].as_str(), Some(url));
}
