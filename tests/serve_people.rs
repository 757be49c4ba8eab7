//! A person's page as the API gives it, `GET /api/people/{name}` (issue
//! #25, item 11): the counts agree with `newsdex people --person` and
//! `search --person`, the forms of the name are merged, a name no article
//! gives is a 404 with the names near it; and the home page's listing of
//! the newest articles of the whole archive (item 13).

use serde_json::Value;

use crate::util::corpora::bbc_index;
use crate::util::http::{url_encode, Server};
use crate::util::{strs, Env};

fn n(v: &Value) -> u64 {
    v.as_u64().unwrap_or_else(|| panic!("a count: {v}"))
}

/// The JSON lines a command prints.
fn json_lines(out: &std::process::Output) -> Vec<Value> {
    assert!(out.status.success(), "{out:?}");
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

/// Checks that hold for any person's page: the timeline counts every
/// article once, each article is found under one of the forms, the person
/// is not among those named alongside, and the latest are newest first.
fn consistent(p: &Value) {
    let articles = n(&p["articles"]);
    let t = &p["timeline"];
    let dated: u64 = t["buckets"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| n(&b["articles"]))
        .sum();
    assert_eq!(dated + n(&t["undated"]), articles, "{t}");
    let forms: Vec<&str> = p["forms"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["name"].as_str().unwrap())
        .collect();
    let in_forms: u64 = p["forms"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| n(&f["articles"]))
        .sum();
    assert!(in_forms >= articles, "{}", p["forms"]);
    for other in p["alongside"].as_array().unwrap() {
        let name = other["name"].as_str().unwrap();
        assert!(!forms.contains(&name), "{name} is one of {forms:?}");
        assert!(n(&other["articles"]) <= articles);
    }
    let dates: Vec<&str> = p["latest"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|h| h["date"].as_str())
        .collect();
    assert!(dates.windows(2).all(|w| w[0] >= w[1]), "{dates:?}");
    assert!(n(&p["articles_with_copies"]) >= articles);
}

#[test]
fn a_persons_page_counts_as_the_command_line_does() {
    let env = Env::indexed_sample();
    let server = Server::start(env, &[]);
    let p = server.json(
        &format!(
            "/api/people/{}?alongside=5&limit=4",
            url_encode("Tony Blair")
        ),
        200,
    );
    assert_eq!(p["name"], "Tony Blair");
    consistent(&p);
    // `newsdex people --person` lists him first, with the same count, and
    // then the people named alongside him.
    let cli = json_lines(&env.run(&["--json", "people", "--person", "Tony Blair", "-n", "6"]));
    assert_eq!(cli[0]["name"], "Tony Blair");
    assert_eq!(p["articles"], cli[0]["articles"]);
    assert_eq!(p["alongside"].as_array().unwrap()[..], cli[1..]);
    // `search --person` finds the same articles, newest first.
    let (_, hits) = env.search_json(&["--person", "Tony Blair", "--sort", "newest", "-n", "4"]);
    let ids = |v: &[Value]| -> Vec<String> {
        v.iter()
            .map(|h| h["id"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(ids(p["latest"].as_array().unwrap()), ids(&hits));
    let s = server.json(
        &format!("/api/search?person={}&limit=1", url_encode("Tony Blair")),
        200,
    );
    assert_eq!(n(&s["stories"]), n(&p["articles"]));
    assert_eq!(n(&s["total"]), n(&p["articles_with_copies"]));
    // Any form of the name finds the same page.
    let by_form = server.json(&format!("/api/people/{}", url_encode("tony  BLAIR")), 200);
    assert_eq!(by_form["articles"], p["articles"]);
    // A timeline by year, as /api/timeline gives it.
    let y = server.json(
        &format!("/api/people/{}?by=year", url_encode("Tony Blair")),
        200,
    );
    let t = server.json(
        &format!("/api/timeline?person={}&by=year", url_encode("Tony Blair")),
        200,
    );
    assert_eq!(y["timeline"], t);
}

#[test]
fn an_unknown_person_is_a_404_naming_who_is_near() {
    let env = Env::indexed_sample();
    let server = Server::start(env, &[]);
    let v = server.json(&format!("/api/people/{}", url_encode("Mr Blair")), 404);
    assert_eq!(v["error"]["code"], "not_found");
    assert_eq!(v["error"]["parameter"], "name");
    assert!(strs(&v["error"]["near"]).contains(&"Tony Blair"), "{v}");
    assert!(
        v["error"]["message"]
            .as_str()
            .unwrap()
            .contains("try Tony Blair"),
        "{v}"
    );
    let v = server.json(&format!("/api/people/{}", url_encode("Qqqq Zzzz")), 404);
    assert!(v["error"]["near"].is_null(), "{v}");
    assert!(
        v["error"]["message"]
            .as_str()
            .unwrap()
            .contains("/api/people"),
        "{v}"
    );
    for (query, param) in [
        ("by=day", "by"),
        ("limit=0", "limit"),
        ("alongside=101", "alongside"),
        ("q=x", "q"),
    ] {
        let v = server.json(
            &format!("/api/people/{}?{query}", url_encode("Tony Blair")),
            400,
        );
        assert_eq!(v["error"]["parameter"], param, "{query}: {v}");
    }
    assert_eq!(
        server.json("/api/people/%20", 400)["error"]["parameter"],
        "name"
    );
    // The OpenAPI document describes the endpoint and the near names.
    let spec = server.json("/api/openapi.json", 200);
    assert!(spec["paths"]["/api/people/{name}"]["get"].is_object());
    assert!(
        spec["components"]["schemas"]["Error"]["properties"]["error"]["properties"]["near"]
            .is_object()
    );
    // The page answers the person's path and the directory's; the script
    // reads the path.
    for path in ["/people", "/people/", "/people/Tony%20Blair"] {
        let res = server.get(path);
        assert_eq!(res.status, 200, "{path}");
        assert!(res.body.contains("/assets/app.js"), "{path}");
    }
}

/// On BBC: each of the 40 most-mentioned people has a page whose count is
/// `search --person`'s, at least the people list's (which links surnames
/// alone to full names for its most frequent one-word names only), and the
/// same for the five most mentioned; forms merged as the list merges them.
#[test]
fn bbc_people_have_pages_that_count_as_search_does() {
    let Some(store) = bbc_index() else { return };
    let server = Server::start_at(store.path(), &[]);
    let listed = server.json("/api/people?limit=40", 200);
    for (i, person) in listed["people"].as_array().unwrap().iter().enumerate() {
        let name = person["name"].as_str().unwrap();
        let p = server.json(
            &format!("/api/people/{}?limit=1&alongside=3", url_encode(name)),
            200,
        );
        consistent(&p);
        let s = server.json(
            &format!("/api/search?person={}&limit=1", url_encode(name)),
            200,
        );
        assert_eq!(n(&s["stories"]), n(&p["articles"]), "{name}");
        assert!(n(&p["articles"]) >= n(&person["articles"]), "{name}");
        if i < 5 {
            assert_eq!(p["articles"], person["articles"], "{name}");
        }
    }
    // "Blair" alone, where the archive links it to him, is one of his forms.
    let p = server.json(&format!("/api/people/{}", url_encode("Tony Blair")), 200);
    let forms: Vec<&str> = p["forms"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["name"].as_str().unwrap())
        .collect();
    assert!(
        forms.contains(&"Tony Blair") && forms.contains(&"Blair"),
        "{forms:?}"
    );
    // A name with an apostrophe has its page (it found nothing before).
    let p = server.json(
        &format!("/api/people/{}", url_encode("Brian O'Driscoll")),
        200,
    );
    assert!(n(&p["articles"]) >= 15, "{p}");
}

/// Item 13: with no query and no filter, `sort=newest` lists the newest
/// articles of the whole archive (the home page's "latest"); with the
/// default order, no hits, as before.
#[test]
fn the_whole_archive_newest_first() {
    let env = Env::indexed_sample();
    let server = Server::start(env, &[]);
    let stats = server.json("/api/stats", 200);
    let v = server.json("/api/search?sort=newest&limit=5", 200);
    assert_eq!(v["total"], stats["articles"]);
    let hits = v["hits"].as_array().unwrap();
    assert_eq!(hits.len(), 5);
    let dates: Vec<&str> = hits
        .iter()
        .map(|h| h["date"].as_str().expect("dated first"))
        .collect();
    assert!(dates.windows(2).all(|w| w[0] >= w[1]), "{dates:?}");
    // The newest is the last day of the stats' date range.
    let last = stats["date_range"][1].as_str().unwrap();
    assert_eq!(&dates[0][..10], &last[..10], "{stats}");
    assert!(v["notices"].as_array().unwrap().is_empty(), "{v}");
    let v = server.json("/api/search", 200);
    assert!(v["hits"].as_array().unwrap().is_empty());
}
