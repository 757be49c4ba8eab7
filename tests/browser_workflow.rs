//! A reporter's work after a search, in headless Chromium on BBC (issue
//! #25, items 9, 10, 12 and 17): the export links download every result
//! of the search shown; a hit's citation; the article view marks a
//! searched phrase (not its words elsewhere) with a count and a jump to
//! the first match; copies listed by headline; the stored text instead of
//! a dead `file://` link. Uses the `Browser` of `browser.rs`; skips as it
//! does without chromedriver, and without `../shared`.

use serde_json::Value;

use crate::browser::{Browser, SETTLED};
use crate::util::corpora::bbc_index;
use crate::util::http::{url_encode_path, Server};

/// `GET url` from inside the page (a synchronous request, as a click on
/// the link would fetch it): the status and body.
fn fetch_in_page(b: &Browser, url: &str) -> (u64, String) {
    let v = b.js(&format!(
        "const x = new XMLHttpRequest(); x.open('GET', {}, false); x.send();
         return [x.status, x.responseText];",
        serde_json::to_string(url).unwrap()
    ));
    (v[0].as_u64().unwrap(), v[1].as_str().unwrap().to_string())
}

/// Item 9: the links beside the count carry the search and its filters,
/// and what they download holds every result, not the page; each hit has
/// a citation to copy.
#[test]
fn export_links_download_every_result_and_hits_cite() {
    let Some(store) = bbc_index() else {
        return;
    };
    let Some(b) = Browser::start() else {
        return;
    };
    let server = Server::start_at(store.path(), &[]);
    let stories = server.json("/api/search?q=minister", 200)["stories"]
        .as_u64()
        .unwrap();
    b.go(&format!("{}/?q=minister", server.url()));
    b.wait("results", SETTLED);
    let href = b.wait(
        "export link",
        "const a = document.querySelector('#export-csv'); return a && a.getAttribute('href');",
    );
    assert_eq!(href, "/api/export?format=csv&q=minister");
    assert_eq!(
        b.js("return document.querySelector('#export-csv').hasAttribute('download')"),
        true
    );
    let said = b.js("return document.querySelector('#export').textContent");
    assert!(
        said.as_str()
            .unwrap()
            .contains(&format!("all {stories} results")),
        "{said}"
    );
    let (status, csv) = fetch_in_page(&b, href.as_str().unwrap());
    assert_eq!(status, 200);
    let mut r = csv::Reader::from_reader(csv.as_bytes());
    let rows: Vec<csv::StringRecord> = r.records().map(|x| x.unwrap()).collect();
    assert!(stories >= 300, "{stories}");
    assert_eq!(rows.len() as u64, stories, "every result, not the page");
    b.screenshot("serve-export-links.png");

    // A filter on the page is a filter of the export.
    let filtered = server.json("/api/search?q=minister&person=Tony+Blair", 200)["stories"]
        .as_u64()
        .unwrap();
    b.go(&format!("{}/?q=minister&person=Tony+Blair", server.url()));
    b.wait("results", SETTLED);
    let jsonl = b.wait(
        "filtered link",
        "const a = document.querySelector('#export-jsonl');
         return a && a.getAttribute('href').includes('person=') && a.getAttribute('href');",
    );
    assert_eq!(
        jsonl,
        "/api/export?format=jsonl&q=minister&person=Tony+Blair"
    );
    let (_, text) = fetch_in_page(&b, jsonl.as_str().unwrap());
    assert!(
        filtered > 50 && filtered < stories,
        "{filtered} of {stories}"
    );
    assert_eq!(text.lines().count() as u64, filtered);

    // The first hit's citation: headline, date, and the file (BBC has no
    // URLs). Copied, or shown in a box to copy by hand.
    let first = b.js(
        "const h = document.querySelector('article.hit');
         return [h.querySelector('.hit-title').textContent, h.querySelector('.cite').dataset.copy];",
    );
    let (title, cite) = (first[0].as_str().unwrap(), first[1].as_str().unwrap());
    assert!(
        cite.starts_with(&format!("“{title}”, undated, file /")),
        "{cite}"
    );
    assert!(cite.contains("/politics/"), "{cite}");
    b.click("article.hit .cite");
    let done = b.wait(
        "copied",
        "const b = document.querySelector('article.hit .cite');
         const box = document.querySelector('article.hit .copy-box');
         return b.textContent === 'Copied' ? 'clipboard' : box ? box.value : '';",
    );
    assert!(done == "clipboard" || done == cite, "{done}");
    // Without a clipboard (plain HTTP from another machine): the text
    // selected in a box, to copy by hand.
    b.js("Object.defineProperty(navigator, 'clipboard', { value: undefined, configurable: true })");
    b.click("article.hit .cite");
    let selected = b.wait(
        "copy box",
        "const box = document.querySelector('article.hit .copy-box');
         return box && document.activeElement === box
             && box.value.slice(box.selectionStart, box.selectionEnd);",
    );
    assert_eq!(selected, cite);
}

/// Items 10, 12 and 17: a phrase search opens an article with the phrase
/// marked (a lone "Brown" is not), a count and a working jump; a hit's
/// copies are listed by headline; the file is a path to copy and a link
/// to the stored text, never `file://`.
#[test]
fn the_article_marks_a_searched_phrase_and_copies_show_headlines() {
    let Some(store) = bbc_index() else {
        return;
    };
    let Some(b) = Browser::start() else {
        return;
    };
    let server = Server::start_at(store.path(), &[]);
    // An article with the phrase whose headline says "Brown" alone.
    let v = server.json("/api/search?q=%22gordon+brown%22&limit=100", 200);
    let hit = v["hits"]
        .as_array()
        .unwrap()
        .iter()
        .find(|h| {
            let t = h["title"].as_str().unwrap();
            t.contains("Brown") && !t.contains("Gordon")
        })
        .expect("a headline with Brown alone");
    let id = hit["id"].as_str().unwrap();
    b.go(&format!(
        "{}/?q=%22gordon+brown%22&article={}",
        server.url(),
        url_encode_path(id)
    ));
    let said = b.wait(
        "matches line",
        "const p = document.querySelector('#article-matches'); return p && p.textContent;",
    );
    let marks: Value = b.js(
        "return [...document.querySelectorAll('#article-view mark.match[data-match]')].map(m => m.textContent)",
    );
    let marks: Vec<&str> = marks
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m.as_str().unwrap())
        .collect();
    assert!(!marks.is_empty());
    assert!(
        marks.iter().all(|m| m.to_lowercase() == "gordon brown"),
        "{marks:?}"
    );
    let count = said.as_str().unwrap();
    assert!(
        count.starts_with(&format!("{} match", marks.len())),
        "{count}"
    );
    assert_eq!(
        b.js("return document.querySelectorAll('#article-title mark.match').length"),
        0,
        "the headline's lone Brown is not the phrase"
    );
    b.js("window.scrollTo(0, 0)");
    b.click("#jump-to-match");
    let focused = b.wait(
        "jump",
        "const m = document.activeElement; return m && m.id === 'first-match' && m.textContent;",
    );
    assert_eq!(focused.as_str().unwrap().to_lowercase(), "gordon brown");
    b.screenshot("serve-article-phrase-marked.png");

    // The file: no dead file:// link; the stored text by id.
    assert_eq!(
        b.js("return document.querySelectorAll('a[href^=\"file:\"]').length"),
        0
    );
    let text = b.js("return document.querySelector('#stored-text').getAttribute('href')");
    let (status, body) = fetch_in_page(&b, text.as_str().unwrap());
    assert_eq!(status, 200);
    assert!(
        body.starts_with(&format!("Title: {}\n", hit["title"].as_str().unwrap())),
        "{body}"
    );
    let cite = b.js("return document.querySelector('#copy-citation').dataset.copy");
    let path = hit["path"].as_str().unwrap();
    assert!(
        cite.as_str().unwrap().ends_with(&format!("file {path}")),
        "{cite}"
    );

    // Copies by headline, source and date, not by id.
    let v = server.json("/api/search?q=brown&limit=100", 200);
    let with_copies = v["hits"]
        .as_array()
        .unwrap()
        .iter()
        .find(|h| !h["copy_articles"].as_array().unwrap().is_empty())
        .expect("a hit with copies");
    b.go(&format!("{}/?q=brown&limit=100", server.url()));
    b.wait("results", SETTLED);
    let shown = b.js(&format!(
        "const h = document.querySelector('article.hit[data-id=\"{}\"]');
         return [...h.querySelectorAll('.copies li a')].map(a => a.textContent);",
        with_copies["id"].as_str().unwrap()
    ));
    let want: Vec<&Value> = with_copies["copy_articles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| &c["title"])
        .collect();
    assert_eq!(shown.as_array().unwrap().iter().collect::<Vec<_>>(), want);
    b.js(&format!(
        "document.querySelector('article.hit[data-id=\"{}\"] .copies').scrollIntoView()",
        with_copies["id"].as_str().unwrap()
    ));
    b.screenshot("serve-copies.png");
}
