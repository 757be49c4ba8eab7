//! `newsdex serve` over real HTTP on an ephemeral loopback port (issue
//! #13): the JSON API on the sample corpus, its 400/404 answers, the page
//! and its headers, and the index picked up again after a re-index.

use serde_json::Value;

use crate::util::http::{request, url_encode, Server};
use crate::util::{assert_status, strs, Env};

const SEED_ID_END: &str = "seed/politics/000_12938842849ca153.txt";

fn total(v: &Value) -> u64 {
    v["total"].as_u64().expect("total")
}

#[test]
fn search_answers_as_the_cli_does_with_facets() {
    let env = Env::indexed_sample();
    let server = Server::start(env, &[]);
    let v = server.json(
        &format!("/api/search?q={}", url_encode("\"door to door\"")),
        200,
    );
    assert_eq!(v["query"], "\"door to door\"");
    let hits = v["hits"].as_array().unwrap();
    assert!(!hits.is_empty());
    let first = &hits[0];
    assert!(
        first["id"].as_str().unwrap().ends_with(SEED_ID_END),
        "{first}"
    );
    // The same object `search --json` prints for that hit.
    let (_, cli) = env.search_json(&["\"door to door\"", "-n", "1"]);
    for key in [
        "id",
        "title",
        "snippet",
        "highlights",
        "fragments",
        "people",
        "section",
    ] {
        assert_eq!(first[key], cli[0][key], "{key}");
    }
    let snippet: Vec<char> = first["snippet"].as_str().unwrap().chars().collect();
    let [s, e] = [0, 1].map(|i| first["highlights"][0][i].as_u64().unwrap() as usize);
    assert_eq!(
        snippet[s..e].iter().collect::<String>().to_lowercase(),
        "door to door"
    );
    // Facets count every article that matches, not the page.
    let v = server.json("/api/search?q=election&limit=1", 200);
    assert_eq!(v["hits"].as_array().unwrap().len(), 1);
    let sections = v["facets"]["sections"].as_array().unwrap();
    let summed: u64 = sections
        .iter()
        .map(|s| s["articles"].as_u64().unwrap())
        .sum();
    assert!(sections.len() >= 2, "{sections:?}");
    // An article counts once under each of its sections (Reuters topics),
    // so no one section has more than the total, though the sum may.
    assert!(
        sections
            .iter()
            .all(|s| s["articles"].as_u64().unwrap() <= total(&v))
            && summed > 1,
        "{sections:?} of {}",
        total(&v)
    );
    assert!(!v["facets"]["people"].as_array().unwrap().is_empty());
    assert!(v["took_ms"].as_f64().unwrap() >= 0.0);
    // A facet narrows: only that section.
    let name = sections[0]["name"].as_str().unwrap();
    let narrowed = server.json(
        &format!("/api/search?q=election&section={}", url_encode(name)),
        200,
    );
    assert_eq!(total(&narrowed), sections[0]["articles"].as_u64().unwrap());
    assert!(total(&narrowed) < total(&v));
    for h in narrowed["hits"].as_array().unwrap() {
        assert_eq!(h["section"].as_str().unwrap().to_lowercase(), name);
    }
}

#[test]
fn notices_and_suggestions_are_the_clis() {
    let env = Env::indexed_sample();
    let server = Server::start(env, &[]);
    // As typed (a confident correction would be searched instead; see
    // spelling.rs).
    let v = server.json(
        &format!(
            "/api/search?q={}&exact=true",
            url_encode("goverment budjet")
        ),
        200,
    );
    assert_eq!(v["relaxed"], true);
    assert_eq!(v["strict_stories"], 0);
    assert_eq!(
        v["divider"],
        serde_json::json!({"before": 0, "text": "no article has both goverment and budjet; closest matches, with some of them"})
    );
    // Said once, at the divider, not again among the notices.
    assert!(!strs(&v["notices"]).iter().any(|n| n.contains("closest")));
    let v = server.json("/api/search?q=corbin", 200);
    assert_eq!(v["suggestion"], "corbyn", "{v}");
    assert!(v["notices"]
        .as_array()
        .unwrap()
        .iter()
        .any(|n| n == "did you mean: corbyn"));
    // Paging: the same total on every page, and no article twice.
    let a = server.json("/api/search?q=oil&limit=5", 200);
    let b = server.json("/api/search?q=oil&limit=5&offset=5", 200);
    assert_eq!(total(&a), total(&b));
    let ids = |v: &Value| -> Vec<String> {
        v["hits"]
            .as_array()
            .unwrap()
            .iter()
            .map(|h| h["id"].as_str().unwrap().to_string())
            .collect()
    };
    assert!(ids(&a).iter().all(|id| !ids(&b).contains(id)));
    assert_eq!(b["hits"][0]["rank"], 6);
}

#[test]
fn article_people_timeline_stats_health() {
    let env = Env::indexed_sample();
    let server = Server::start(env, &[]);
    let hit = &server.json(
        &format!("/api/search?q={}", url_encode("\"door to door\"")),
        200,
    )["hits"][0];
    let id = hit["id"].as_str().unwrap();
    let a = server.json(&format!("/api/articles/{}", url_encode(id)), 200);
    assert_eq!(a["id"], id);
    assert!(a["body"].as_str().unwrap().contains("door to door"));
    // Each mention's span, in characters, holds the name as written.
    let body: Vec<char> = a["body"].as_str().unwrap().chars().collect();
    let title: Vec<char> = a["title"].as_str().unwrap().chars().collect();
    let khan = a["people"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["name"] == "Sadiq Khan")
        .expect("Sadiq Khan listed");
    let mentions = khan["mentions"].as_array().unwrap();
    assert!(mentions.len() >= 2, "{khan}");
    for m in mentions {
        let text = if m["field"] == "title" { &title } else { &body };
        let (s, e) = (
            m["start"].as_u64().unwrap() as usize,
            m["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(
            text[s..e].iter().collect::<String>(),
            m["text"].as_str().unwrap()
        );
        let words = m["text"].as_str().unwrap().split_whitespace();
        assert!(
            words
                .into_iter()
                .all(|w| ["Sadiq", "Khan", "Mr"].contains(&w)),
            "{m}"
        );
    }
    assert!(mentions.iter().any(|m| m["text"] == "Sadiq Khan"));
    // An id with a slash also works unencoded (the route takes the rest).
    assert_eq!(server.json(&format!("/api/articles/{id}"), 200)["id"], id);

    let p = server.json(
        &format!(
            "/api/people?q={}&limit=5",
            url_encode("person:\"Tony Blair\"")
        ),
        200,
    );
    assert_eq!(p["people"][0]["name"], "Tony Blair");
    assert!(p["people"].as_array().unwrap().len() <= 5);
    let cli = env.run(&["--json", "people", "person:\"Tony Blair\"", "-n", "5"]);
    let cli_first: Value =
        serde_json::from_str(String::from_utf8_lossy(&cli.stdout).lines().next().unwrap()).unwrap();
    assert_eq!(p["people"][0], cli_first);

    let t = server.json("/api/timeline?q=oil&by=year", 200);
    let buckets = t["buckets"].as_array().unwrap();
    assert!(!buckets.is_empty());
    let dated: u64 = buckets
        .iter()
        .map(|b| b["articles"].as_u64().unwrap())
        .sum();
    assert_eq!(dated + t["undated"].as_u64().unwrap(), total(&t));

    let s = server.json("/api/stats", 200);
    assert_eq!(s["articles"], 1341);
    assert!(s["files"].as_u64().unwrap() > 300, "{s}");
    assert_eq!(server.json("/healthz", 200)["status"], "ok");
}

#[test]
fn bad_requests_are_400s_naming_the_parameter() {
    let env = Env::indexed_sample();
    let server = Server::start(env, &[]);
    for (query, param) in [
        ("q=oil&limit=0", "limit"),
        ("q=oil&limit=101", "limit"),
        ("q=oil&limit=ten", "limit"),
        ("q=oil&offset=-1", "offset"),
        ("q=oil&since=yesterday-ish", "since"),
        ("q=oil&until=2016-13-45", "until"),
        ("q=oil&sort=best", "sort"),
        ("q=oil&snippets=0", "snippets"),
        ("q=oil&limt=3", "limt"),
        ("q=oil&q=gas", "q"),
    ] {
        let v = server.json(&format!("/api/search?{query}"), 400);
        assert_eq!(v["error"]["code"], "bad_parameter", "{query}: {v}");
        assert_eq!(v["error"]["parameter"], param, "{query}: {v}");
        assert!(!v["error"]["message"].as_str().unwrap().is_empty());
    }
    let v = server.json(&format!("/api/search?q={}", url_encode("\"door to")), 400);
    assert_eq!(v["error"]["code"], "query_syntax");
    assert_eq!(v["error"]["parameter"], "q");
    assert_eq!(v["error"]["column"], 1, "{v}");
    assert_eq!(
        server.json("/api/timeline?by=day", 400)["error"]["parameter"],
        "by"
    );
    assert_eq!(
        server.json("/api/people?limit=0", 400)["error"]["parameter"],
        "limit"
    );
    let long = "a".repeat(1001);
    assert_eq!(
        server.json(&format!("/api/search?q={long}"), 400)["error"]["parameter"],
        "q"
    );
    let v = server.json("/api/articles/no-such-article", 404);
    assert_eq!(v["error"]["code"], "not_found");
    assert_eq!(
        server.json("/api/nothing", 404)["error"]["code"],
        "not_found"
    );
    // Odd input never makes a 5xx.
    for path in [
        "/api/search?q=%00%ff",
        "/api/search?q=((((((((((((((((((((((((((((((((((((a",
        "/api/search?q=*",
        "/api/search?q=title%3A",
        "/api/search?person=%22&q=a",
        "/api/search?q=a~9",
        "/api/search?section=&since=&q=",
        "/api/articles/..%2F..%2Fetc%2Fpasswd",
        "/api/articles/%2Fetc%2Fpasswd",
        "/api/people?q=%22",
        "/api/timeline?q=date%3A%5B2020+TO",
    ] {
        let res = server.get(path);
        assert!(res.status < 500, "{path}: {} {}", res.status, res.body);
        assert!(!res.body.contains("root:x:0"), "{path}");
    }
    // GET only; a body is refused.
    let res = request(&server.addr, "POST", "/api/search?q=oil", &[], Some("{}"));
    assert_eq!(res.status, 405);
}

#[test]
fn page_assets_headers_and_openapi() {
    let env = Env::indexed_sample();
    let server = Server::start(env, &[]);
    let page = server.get("/?q=%22door+to+door%22");
    assert_eq!(page.status, 200);
    assert!(page.body.contains("/assets/app.js"));
    let csp = page.header("content-security-policy").expect("CSP");
    assert!(csp.contains("script-src 'self'"), "{csp}");
    assert_eq!(page.header("x-content-type-options"), Some("nosniff"));
    assert_eq!(server.get("/assets/app.js").status, 200);
    assert_eq!(server.get("/assets/app.css").status, 200);
    let module = server.get("/assets/results.js");
    assert_eq!(module.status, 200);
    assert!(module
        .header("content-type")
        .unwrap()
        .starts_with("text/javascript"));
    // No file serving, no listing, no way out.
    for path in [
        "/assets/",
        "/assets/../Cargo.toml",
        "/assets/mod.rs",
        "/assets/%2E%2E%2Fmod.rs",
        "/src/main.rs",
        "/.newsdex",
    ] {
        assert_eq!(server.get(path).status, 404, "{path}");
    }
    // No CORS unless asked for.
    let res = request(
        &server.addr,
        "GET",
        "/api/stats",
        &[("Origin", "https://evil.example")],
        None,
    );
    assert_eq!(res.status, 200);
    assert!(res.header("access-control-allow-origin").is_none());
    let spec = server.json("/api/openapi.json", 200);
    let paths = spec["paths"].as_object().unwrap();
    for p in [
        "/api/search",
        "/api/articles/{id}",
        "/api/people",
        "/api/timeline",
        "/api/stats",
        "/healthz",
    ] {
        assert!(paths.contains_key(p), "{p}");
    }
}

#[test]
fn cors_only_for_the_origin_given() {
    let env = Env::indexed_sample();
    let server = Server::start(env, &["--cors", "https://desk.example.org"]);
    let ok = request(
        &server.addr,
        "GET",
        "/api/stats",
        &[("Origin", "https://desk.example.org")],
        None,
    );
    assert_eq!(
        ok.header("access-control-allow-origin"),
        Some("https://desk.example.org")
    );
    let other = request(
        &server.addr,
        "GET",
        "/api/stats",
        &[("Origin", "https://evil.example")],
        None,
    );
    assert_ne!(
        other.header("access-control-allow-origin"),
        Some("https://evil.example")
    );
    let out = env.run(&["serve", "--cors", "desk.example.org/x"]);
    assert_status(&out, 2);
    assert!(String::from_utf8_lossy(&out.stderr).contains("--cors"));
}

#[test]
fn a_busy_address_is_a_one_line_error() {
    let env = Env::indexed_sample();
    let server = Server::start(env, &[]);
    let out = env.run(&["serve", "--addr", &server.addr]);
    assert_status(&out, 2);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("cannot listen on") && err.contains("--addr"),
        "{err}"
    );
    let empty = Env::empty();
    let out = empty.run(&["serve", "--addr", "127.0.0.1:0"]);
    assert_status(&out, 2);
    assert!(String::from_utf8_lossy(&out.stderr).contains("no index"));
}

#[test]
fn a_new_commit_is_picked_up_without_a_restart() {
    let env = Env::with_sample();
    env.index_corpus();
    let server = Server::start(&env, &[]);
    let find = || total(&server.json("/api/search?q=zyzzogeton", 200));
    assert_eq!(find(), 0);
    let before = server.json("/api/stats", 200)["articles"].as_u64().unwrap();
    env.write(
        "late/news.txt",
        "Zyzzogeton sighted over the Thames\n\nA zyzzogeton was seen over London today.\n",
    );
    env.index_corpus();
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    while find() == 0 {
        assert!(
            std::time::Instant::now() < deadline,
            "new article never found"
        );
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    assert_eq!(server.json("/api/stats", 200)["articles"], before + 1);
    // A rebuild swaps in a new generation: still answered, same articles.
    assert_status(&env.run(&["rebuild", "--quiet"]), 0);
    std::thread::sleep(std::time::Duration::from_millis(400));
    assert_eq!(find(), 1);
    assert_eq!(server.json("/healthz", 200)["articles"], before + 1);
}

/// Issue #25: the command line, the API and the page say the same: the
/// stories with every word, how many more have some of them, which hits
/// are closest matches (the divider just before the first of them, on
/// whatever page and whatever the limit), and the notices.
#[test]
fn the_cli_and_the_api_agree_on_counts_closest_matches_and_notices() {
    let env = Env::indexed_sample();
    let server = Server::start(env, &[]);
    for (q, offset, limit) in [
        ("Labour election campaign", 0, 10),
        ("Labour election campaign", 5, 3),
        ("Labour election campaign", 0, 3),
        ("why did oil prices rise", 0, 10),
        ("mayoral campaign xylophone", 0, 5),
        ("corbin", 0, 10),
    ] {
        let (o, l) = (offset.to_string(), limit.to_string());
        let api = server.json(
            &format!("/api/search?q={}&offset={o}&limit={l}", url_encode(q)),
            200,
        );
        let (_, cli) = env.search_json(&[q, "--offset", &o, "-n", &l]);
        let ranks = |hits: &[Value]| -> Vec<(u64, bool)> {
            hits.iter()
                .map(|h| (h["rank"].as_u64().unwrap(), h["relaxed"] == true))
                .collect()
        };
        let api_hits = api["hits"].as_array().unwrap();
        assert_eq!(ranks(api_hits), ranks(&cli), "{q} {o} {l}");
        // The divider sits just before the first hit that lacks a word.
        let first_closest = api_hits.iter().position(|h| h["relaxed"] == true);
        assert_eq!(
            api["divider"]["before"].as_u64().map(|n| n as usize),
            first_closest,
            "{q}"
        );
        // A hit with every word comes before every closest match.
        let strict = api["strict_stories"].as_u64().unwrap();
        for h in api_hits {
            assert_eq!(
                h["relaxed"] == true,
                h["rank"].as_u64().unwrap() > strict,
                "{q}: {h}"
            );
        }
        // The text footer and notices are the API's figures and notices.
        let out = env.run(&["search", q, "--offset", &o, "-n", &l]);
        let text = crate::util::stdout(&out);
        let stories = api["stories"].as_u64().unwrap();
        let figures = if api["relaxed"] == true {
            let unit = if stories < api["total"].as_u64().unwrap() {
                "stor"
            } else {
                "article"
            };
            format!("{strict} {unit}")
        } else {
            format!("{stories} matching ")
        };
        assert!(
            stories == 0 || text.contains(&figures),
            "{q}: {figures} in {text}"
        );
        if api["relaxed"] == true {
            assert!(
                text.contains(&format!(" · {} more with some of them", stories - strict)),
                "{text}"
            );
        }
        let said = crate::util::stderr(&out);
        for notice in strs(&api["notices"]) {
            assert!(said.contains(notice), "{q}: {notice:?} not in {said}");
        }
        if let Some(divider) = api["divider"]["text"].as_str() {
            assert!(text.contains(&format!("-- {divider} (")), "{text}");
        }
    }
}

/// Issue #25 items 4, 5, 7, 8, 17: notices as data beside the sentences,
/// the help for `section:`/`person:` typed in the query, undated matches
/// counted in the facets as in the timeline, the bare date ranges, and an
/// icon.
#[test]
fn notices_as_data_undated_counts_and_an_icon() {
    let env = Env::indexed_sample();
    let server = Server::start(env, &[]);
    let v = server.json("/api/search?q=budget&since=2005&until=2004", 200);
    assert_eq!(
        v["notice_details"],
        serde_json::json!([
            {"kind": "no_matches", "query": "budget"},
            {"kind": "empty_range"}
        ]),
        "{v}"
    );
    assert_eq!(strs(&v["notices"]).len(), 2, "the sentences stay: {v}");
    let v = server.json(
        &format!(
            "/api/search?q={}",
            url_encode("person:\"Mr Blair\" section:politcs")
        ),
        200,
    );
    let kinds: Vec<&str> = v["notice_details"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["kind"].as_str().unwrap())
        .collect();
    assert_eq!(
        kinds,
        ["no_matches", "unknown_section", "unknown_person"],
        "{v}"
    );
    assert_eq!(v["notice_details"][1]["near"][0], "politics", "{v}");
    assert_eq!(v["notice_details"][2]["near"][0], "Tony Blair", "{v}");
    // Undated matches: counted apart, the same in the facets and the
    // timeline; the dated ones are in the months.
    let v = server.json("/api/search?q=oil", 200);
    let t = server.json("/api/timeline?q=oil", 200);
    let undated = v["facets"]["undated"].as_u64().unwrap();
    assert!(undated > 0, "{}", v["facets"]);
    assert_eq!(undated, t["undated"].as_u64().unwrap());
    let dated: u64 = v["facets"]["months"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["articles"].as_u64().unwrap())
        .sum();
    assert_eq!(dated + undated, v["stories"].as_u64().unwrap());
    // The bare range is the date filter.
    let bare = server.json(
        &format!("/api/search?q={}", url_encode("oil 1987-03..")),
        200,
    );
    let since = server.json("/api/search?q=oil&since=1987-03", 200);
    assert_eq!(total(&bare), total(&since));
    assert!(total(&bare) > 0 && total(&bare) < total(&v));
    let icon = server.get("/favicon.ico");
    assert_eq!(icon.status, 200);
    assert_eq!(icon.header("content-type"), Some("image/x-icon"));
}

/// Issue #25: the sidebar lists people as `/api/people` and `newsdex
/// people` do for the same articles (a surname alone under the full name
/// it links to, the forms of a name together), the landing page's too;
/// the whole archive's list, kept until the next commit, follows one.
#[test]
fn sidebar_people_are_the_people_list() {
    let env = Env::with_sample();
    env.index_corpus();
    let server = Server::start(&env, &[]);
    for q in ["", "q=election", "q=minister"] {
        let side = server.json(&format!("/api/search?{q}"), 200)["facets"]["people"].clone();
        let n = side.as_array().unwrap().len();
        assert!(n > 0, "{q}");
        let list = server.json(&format!("/api/people?{q}&limit={n}"), 200);
        assert_eq!(side, list["people"], "{q}");
        let query = q.strip_prefix("q=").unwrap_or("");
        let mut args = vec!["--json", "people", "--limit"];
        let limit = n.to_string();
        args.push(&limit);
        if !query.is_empty() {
            args.push(query);
        }
        let out = env.run(&args);
        assert_status(&out, 0);
        let cli: Vec<Value> = String::from_utf8_lossy(&out.stdout)
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        assert_eq!(side, Value::Array(cli), "{q}");
    }
    let named = || {
        server.json("/api/people?limit=1000", 200)["people"]
            .as_array()
            .unwrap()
            .iter()
            .any(|p| p["name"] == "John Quillfeather")
    };
    assert!(!named());
    env.write(
        "late/news.txt",
        "Minister resigns\n\nJohn Quillfeather, the transport minister, resigned on Monday. \
         \"I have done my best,\" said John Quillfeather, 54. Mr Quillfeather will stay on as an MP.\n",
    );
    env.index_corpus();
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    while !named() {
        assert!(
            std::time::Instant::now() < deadline,
            "the list never changed"
        );
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
}
