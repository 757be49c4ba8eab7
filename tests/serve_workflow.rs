//! A reporter's work after a search, over the API (issue #25, items 9,
//! 10, 12 and 17): every hit exported as CSV or JSON Lines, in the
//! search's order and with its filters, the same rows `search --csv`
//! writes; the article with what was searched marked; copies with their
//! headlines; the stored text by id.

use serde_json::Value;

use crate::util::corpora::bbc_index;
use crate::util::http::{url_encode_path, Response, Server};
use crate::util::{assert_status, stdout, Env, EXPORT_COLUMNS};

const BODY: &str = "The harbour board voted on Monday to close the old \
fish market, ending two centuries of trade on the quay, after engineers \
found the pilings beneath it had rotted through.\n\n\
Board chair Ingrid Solberg said the market would move to a new hall by \
the ferry terminal within eighteen months, at a cost of forty million \
crowns, most of it from the port's reserves.\n\n\
Traders said the move would cut them off from tourists and asked for a \
year without rent; the board promised to consider it at its next \
meeting, in the spring.\n\n\
The opposition said the board had known about the pilings for a decade \
and left them to rot, and called for an inquiry into how the reserves \
had been spent in that time.";

/// A workspace of a few articles with awkward headlines: a comma and
/// quotes, a line break, and two copies of one story under different
/// headlines and sources.
fn tricky() -> Env {
    let env = Env::empty();
    let line = |title: &str, body: &str, source: &str, date: &str| {
        serde_json::json!({"title": title, "body": body, "source": source, "date": date})
            .to_string()
    };
    let lines = [
        line(
            "Market closes, \"for good\", say traders",
            "The fish market closes for good, traders say. The harbour board agreed.",
            "Harbour Post",
            "2024-03-01",
        ),
        line(
            "Two lines\nof headline about the market",
            "A market headline broken over two lines by its feed.",
            "Wire",
            "2024-03-02",
        ),
        line(
            "Harbour board shuts fish market",
            BODY,
            "Harbour Post",
            "2024-03-04",
        ),
        line(
            "Old fish market to close",
            BODY,
            "Coast Times",
            "2024-03-05",
        ),
    ];
    env.write("feed.jsonl", lines.join("\n") + "\n");
    // A file name with a comma, quotes and a line break, as its path
    // column gives it.
    env.write(
        "notes/quay, \"east\"\nside.txt",
        "Quay market notes\n\nThe market on the east quay opens at dawn.\n",
    );
    env.index_corpus();
    env
}

/// `GET path`, asserting a 200 with `content-type` starting `kind`.
fn download(server: &Server, path: &str, kind: &str) -> Response {
    let res = server.get(path);
    assert_eq!(res.status, 200, "GET {path}: {}", res.body);
    let got = res.header("content-type").unwrap_or_default();
    assert!(got.starts_with(kind), "GET {path}: {got}");
    res
}

/// CSV text as a header and records, through the `csv` crate.
fn csv_records(text: &str) -> (Vec<String>, Vec<Vec<String>>) {
    let mut r = csv::Reader::from_reader(text.as_bytes());
    let header = r.headers().unwrap().iter().map(str::to_string).collect();
    let rows = r
        .records()
        .map(|rec| rec.unwrap().iter().map(str::to_string).collect())
        .collect();
    (header, rows)
}

fn json_lines(text: &str) -> Vec<Value> {
    text.lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect()
}

/// Ids of the whole list `/api/search` pages through for `query`.
fn paged_ids(server: &Server, query: &str) -> Vec<String> {
    let mut ids = Vec::new();
    loop {
        let v = server.json(
            &format!("/api/search?{query}&limit=100&offset={}", ids.len()),
            200,
        );
        let hits = v["hits"].as_array().unwrap();
        if hits.is_empty() {
            return ids;
        }
        ids.extend(hits.iter().map(|h| h["id"].as_str().unwrap().to_string()));
    }
}

/// Item 9 on BBC: a 300-hit search exports every hit, not a page, in the
/// order the search lists them; the filters hold; a search that falls
/// back to closest matches says which rows have every word; a list
/// longer than one batch (2,000 hits) comes whole and equals `search
/// --csv`'s columns.
#[test]
fn export_holds_every_hit_in_the_search_order() {
    let Some(store) = bbc_index() else {
        return;
    };
    let server = Server::start_at(store.path(), &[]);
    let res = download(&server, "/api/export?format=csv&q=minister", "text/csv");
    assert_eq!(
        res.header("content-disposition"),
        Some("attachment; filename=\"newsdex-minister.csv\"")
    );
    let (header, rows) = csv_records(&res.body);
    assert_eq!(header, EXPORT_COLUMNS);
    let stories = server.json("/api/search?q=minister", 200)["stories"]
        .as_u64()
        .unwrap() as usize;
    assert!(stories >= 300, "{stories}");
    assert_eq!(rows.len(), stories);
    assert_eq!(
        res.header("x-newsdex-rows"),
        Some(stories.to_string().as_str())
    );
    let ids: Vec<&str> = rows.iter().map(|r| r[1].as_str()).collect();
    assert_eq!(ids, paged_ids(&server, "q=minister"));
    assert!(rows
        .iter()
        .enumerate()
        .all(|(i, r)| r[0] == (i + 1).to_string()));
    assert!(rows.iter().all(|r| r[11] == "true" && r[12].is_empty()));

    // Filters: only sport, as many as the search lists.
    let res = download(
        &server,
        "/api/export?format=jsonl&q=win&section=sport",
        "application/x-ndjson",
    );
    let rows = json_lines(&res.body);
    let listed = server.json("/api/search?q=win&section=sport", 200)["stories"].clone();
    assert_eq!(rows.len() as u64, listed.as_u64().unwrap());
    assert!(rows.iter().all(|r| r["section"] == "sport"), "{rows:?}");

    // Closest matches: after every row with both words, the rows with one,
    // each naming it.
    let res = download(
        &server,
        "/api/export?format=jsonl&q=gordon+brown",
        "application/x-ndjson",
    );
    let rows = json_lines(&res.body);
    assert_eq!(
        rows.iter()
            .map(|r| r["id"].as_str().unwrap())
            .collect::<Vec<_>>(),
        paged_ids(&server, "q=gordon+brown")
    );
    let full = rows.iter().take_while(|r| r["every_word"] == true).count();
    assert!(full > 50 && full < rows.len(), "{full} of {}", rows.len());
    for r in &rows[full..] {
        assert_eq!(r["every_word"], false, "{r}");
        let matched = r["matched"].as_array().unwrap();
        assert!(matched == &["gordon"] || matched == &["brown"], "{r}");
    }

    // More than one batch: every hit, the columns `search --csv` writes.
    let res = download(&server, "/api/export?format=csv&q=said", "text/csv");
    let (_, api) = csv_records(&res.body);
    assert!(api.len() > 1500, "{}", api.len());
    let out = crate::util::newsdex_at(
        store.path(),
        &[
            "search",
            "--csv",
            "--snippets",
            "0",
            "--limit",
            "100000",
            "said",
        ],
    )
    .output()
    .unwrap();
    assert_status(&out, 0);
    let (header, cli) = csv_records(&stdout(&out));
    assert_eq!(header[..13], EXPORT_COLUMNS);
    assert_eq!(header[13], "snippet");
    let cli: Vec<Vec<String>> = cli.into_iter().map(|r| r[..13].to_vec()).collect();
    assert_eq!(api, cli);
}

/// Item 9 on a small corpus: quoting, JSON Lines that parse, the stored
/// fields, and the parameters checked by name.
#[test]
fn export_quotes_parses_and_checks_its_parameters() {
    let env = tricky();
    let server = Server::start(&env, &[]);
    let res = download(&server, "/api/export?format=csv&q=market", "text/csv");
    assert!(
        res.body
            .contains("\"Market closes, \"\"for good\"\", say traders\""),
        "{}",
        res.body
    );
    let (_, rows) = csv_records(&res.body);
    let titles: Vec<&str> = rows.iter().map(|r| r[2].as_str()).collect();
    assert!(
        titles.contains(&"Market closes, \"for good\", say traders"),
        "{titles:?}"
    );
    // Headlines are stored on one line.
    assert!(
        titles.contains(&"Two lines of headline about the market"),
        "{titles:?}"
    );
    let odd = rows.iter().find(|r| r[2] == "Quay market notes").unwrap();
    assert!(
        odd[8].ends_with("/notes/quay, \"east\"\nside.txt"),
        "{odd:?}"
    );
    assert!(
        res.body.contains("quay, \"\"east\"\"\nside.txt\""),
        "{}",
        res.body
    );
    // The two copies are one story: one row.
    assert_eq!(rows.len(), 4, "{titles:?}");
    let res = download(
        &server,
        "/api/export?format=jsonl&q=market&all_copies=true&sort=oldest",
        "application/x-ndjson",
    );
    let rows = json_lines(&res.body);
    let rows: Vec<Value> = rows.into_iter().filter(|r| !r["date"].is_null()).collect();
    assert_eq!(rows.len(), 4);
    let dates: Vec<&str> = rows.iter().map(|r| r["date"].as_str().unwrap()).collect();
    assert_eq!(dates[0], "2024-03-01T00:00:00Z");
    assert!(dates.windows(2).all(|w| w[0] <= w[1]), "{dates:?}");
    assert_eq!(rows[3]["source"], "Coast Times");
    assert!(rows[0]["path"].as_str().unwrap().ends_with("feed.jsonl"));
    assert!(rows[0]["line"].as_u64().unwrap() >= 1);

    // `newsdex export` (whole stored articles) names and writes the
    // fields both give alike.
    let out = env.run(&["export", "--all-copies", "market"]);
    assert_status(&out, 0);
    let stored = json_lines(&stdout(&out));
    assert_eq!(stored.len(), rows.len() + 1, "the undated one too");
    for row in &rows {
        let a = stored.iter().find(|a| a["id"] == row["id"]).unwrap();
        for key in [
            "title", "date", "source", "section", "byline", "url", "path", "line", "people",
        ] {
            assert_eq!(a[key], row[key], "{key}");
        }
    }

    for (query, parameter) in [
        ("q=market", "format"),
        ("q=market&format=xlsx", "format"),
        ("format=csv", "q"),
        ("format=csv&q=market&sort=best", "sort"),
        ("format=csv&q=market&limit=10", "limit"),
        ("format=csv&q=%22market", "q"),
    ] {
        let v = server.json(&format!("/api/export?{query}"), 400);
        assert_eq!(v["error"]["parameter"], parameter, "{query}: {v}");
        assert!(
            v["error"]["message"].as_str().unwrap().contains(parameter),
            "{query}: {v}"
        );
    }
}

/// Items 10, 12 and 17: the article marks a searched phrase as one span
/// (not each word wherever it is), in characters; copies come with their
/// headlines; the stored text is served by id, never by path.
#[test]
fn article_marks_copies_and_stored_text() {
    let env = tricky();
    let server = Server::start(&env, &[]);
    let v = server.json("/api/search?q=pilings", 200);
    let hit = &v["hits"][0];
    assert_eq!(hit["copies"].as_array().unwrap().len(), 1, "{v}");
    let copy = &hit["copy_articles"][0];
    assert_eq!(copy["id"], hit["copies"][0]);
    let titles = [
        hit["title"].as_str().unwrap(),
        copy["title"].as_str().unwrap(),
    ];
    assert!(titles.contains(&"Old fish market to close"), "{titles:?}");
    assert!(
        titles.contains(&"Harbour board shuts fish market"),
        "{titles:?}"
    );
    assert!(
        copy["source"].is_string() && copy["date"].is_string(),
        "{copy}"
    );

    let id = hit["id"].as_str().unwrap();
    let path = format!("/api/articles/{}?q=%22fish+market%22", url_encode_path(id));
    let a = server.json(&path, 200);
    let body: Vec<char> = a["body"].as_str().unwrap().chars().collect();
    let title: Vec<char> = a["title"].as_str().unwrap().chars().collect();
    let matches = a["matches"].as_array().unwrap();
    assert!(!matches.is_empty(), "{a}");
    for m in matches {
        let text = if m["field"] == "title" { &title } else { &body };
        let [s, e] = [&m["start"], &m["end"]].map(|x| x.as_u64().unwrap() as usize);
        let span: String = text[s..e].iter().collect();
        assert_eq!(span.to_lowercase(), "fish market", "{m}");
        assert_eq!(m["text"], span.as_str());
    }
    // The word alone (`the market would move`) is marked by a search for
    // the word, not by the phrase.
    let words = server.json(
        &format!("/api/articles/{}?q=market", url_encode_path(id)),
        200,
    );
    assert!(
        words["matches"].as_array().unwrap().len() > matches.len(),
        "{words}"
    );
    let none = server.json(&format!("/api/articles/{}", url_encode_path(id)), 200);
    assert_eq!(none["matches"], serde_json::json!([]));
    let v = server.json(
        &format!("/api/articles/{}?sort=new", url_encode_path(id)),
        400,
    );
    assert_eq!(v["error"]["parameter"], "sort");

    let spec = server.json("/api/openapi.json", 200);
    for p in ["/api/export", "/api/text/{id}"] {
        assert!(spec["paths"].get(p).is_some(), "{p}");
    }
    let res = download(
        &server,
        &format!("/api/text/{}", url_encode_path(id)),
        "text/plain",
    );
    assert!(res
        .body
        .starts_with(&format!("Title: {}\n", a["title"].as_str().unwrap())));
    assert!(
        res.body.contains("\n\nThe harbour board voted on Monday"),
        "{}",
        res.body
    );
    for bad in [
        "/api/text/..%2F..%2Fetc%2Fpasswd",
        "/api/text/feed.jsonl",
        "/api/text/%2Fetc%2Fpasswd",
    ] {
        let v = server.json(bad, 404);
        assert_eq!(v["error"]["parameter"], "id", "{bad}: {v}");
    }
}
