//! Field queries and the fields behind them: `title:` and `body:`, Reuters
//! articles in every topic they list and with their places, bylines and
//! sources matched by word, URLs by host or prefix (issues #2 and #14).

use serde_json::Value;

use crate::util::corpora::{corpus, indexed, json_files};
use crate::util::json::id_set;
use crate::util::{assert_status, marked, stdout, Env};

/// `title:` and `body:` restrict a stemmed word to one field; together they
/// find what the bare word finds. The body has no stemmed index of its own:
/// `body:campaigns` expands to the body's words with that stem.
#[test]
fn title_and_body_fields_split_a_bare_word() {
    let env = Env::indexed_sample();
    let ids = |hits: &[serde_json::Value]| -> std::collections::BTreeSet<String> {
        hits.iter().map(|h| h["id"].to_string()).collect()
    };
    let (_, bare) = env.search_json(&["campaigns", "--limit", "10000"]);
    let (_, title) = env.search_json(&["title:campaigns", "--limit", "10000"]);
    let (_, body) = env.search_json(&["body:campaigns", "--limit", "10000"]);
    let (_, either) = env.search_json(&[
        "--limit",
        "10000",
        "--",
        "title:campaigns OR body:campaigns",
    ]);
    assert!(!title.is_empty() && !body.is_empty());
    assert!(title.len() < bare.len() && body.len() <= bare.len());
    assert_eq!(ids(&either), ids(&bare));
    for hit in &title {
        let t = hit["title"].as_str().unwrap().to_lowercase();
        assert!(t.contains("campaign"), "{t}");
    }
    // Every body hit shows an inflection of the word in its snippet.
    for hit in &body {
        let marks = marked(hit);
        assert!(
            marks
                .iter()
                .any(|m| m.to_lowercase().starts_with("campaign")),
            "{marks:?} in {}",
            hit["id"]
        );
    }
    let forms: std::collections::BTreeSet<String> = body
        .iter()
        .flat_map(marked)
        .map(|m| m.to_lowercase())
        .collect();
    assert!(forms.len() > 1, "only {forms:?}");
}

#[test]
fn reuters_articles_belong_to_every_topic_and_have_places() {
    let files = ["reut2-000.sgm", "reut2-001.sgm"];
    let Some(env) = indexed("reuters21578", &files) else {
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
    assert_eq!(id_set(&by_flag), id_set(&by_query));
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

#[test]
fn bylines_and_sources_match_by_word_and_urls_by_host_or_prefix() {
    let Some(dir) = corpus("allsides-article-bias/sample") else {
        return;
    };
    let env = Env::empty();
    crate::util::copy_dir(&dir, &env.corpus());
    env.index_corpus();
    let files: Vec<Value> = json_files(&dir).into_iter().map(|(_, v)| v).collect();
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
    assert_eq!(id_set(&whole), id_set(&hits));
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
