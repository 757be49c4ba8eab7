//! Filters (`--section`, `--person`, `--since`, `--until`) on `search` and
//! on the commands that count and export: alone or with words, and what an
//! empty result says about why nothing matched (issues #2 and #14).

use serde_json::Value;

use crate::util::corpora::corpus;
use crate::util::json::{file_names, json_lines};
use crate::util::{assert_status, copy_dir, stderr, stdout, Env};

#[test]
fn filters_by_date_and_section() {
    let env = Env::indexed_sample();
    let (_, all) = env.search_json(&["oil", "--limit", "100"]);
    let (_, dated) = env.search_json(&[
        "oil",
        "--since",
        "1987-03-01",
        "--until",
        "1987-03-31",
        "--limit",
        "100",
    ]);
    assert!(!dated.is_empty() && dated.len() < all.len());
    for h in &dated {
        let d = h["date"].as_str().unwrap();
        assert!(d.starts_with("1987-03"), "{d}");
    }
    let (_, sport) = env.search_json(&["match", "--section", "Sport", "--limit", "100"]);
    assert!(!sport.is_empty());
    assert!(sport.iter().all(|h| h["section"] == "sport"));
    let (_, field) = env.search_json(&["section:sport", "match", "--limit", "100"]);
    assert_eq!(field.len(), sport.len());
}

/// Item 11: filters alone select; an empty result says which filter is why.
#[test]
fn filters_without_words_and_why_nothing_matched() {
    let env = Env::indexed_sample();
    let (code, hits) = env.search_json(&["--section", "politics", "-n", "100"]);
    assert_eq!(code, 0);
    assert!(hits.len() > 10);
    assert!(hits.iter().all(|h| h["section"] == "politics"));
    let (code, hits) = env.search_json(&["--person", "Tony Blair"]);
    assert_eq!(code, 0);
    assert!(hits.iter().all(|h| h["people"]
        .as_array()
        .unwrap()
        .iter()
        .any(|p| p == "Tony Blair")));

    let out = env.run(&["search", "--person", "Mr Blair"]);
    assert_status(&out, 1);
    let err = stderr(&out);
    assert!(!err.contains("``"), "{err}");
    assert!(
        err.contains("no article names `Mr Blair`") && err.contains("Tony Blair"),
        "{err}"
    );

    let out = env.run(&["search", "--section", "politcs", "budget"]);
    assert_status(&out, 1);
    assert!(stderr(&out).contains("no article is in section `politcs`; near it: politics"));

    let out = env.run(&["search", "--since", "2006", "--until", "2005", "oil"]);
    assert!(
        stderr(&out).contains("ends before it starts"),
        "{}",
        stderr(&out)
    );

    // No words and no filter: a one-line error with an example.
    let out = env.run(&["search"]);
    assert_status(&out, 2);
    assert!(stderr(&out).contains("give a query, or a filter"));

    // --json with no hits always prints one line saying so.
    let out = env.run(&["--json", "search", "--section", "nope", "zzzqqq"]);
    assert_status(&out, 1);
    let lines = json_lines(&out);
    assert_eq!(lines.len(), 1, "{lines:?}");
    assert_eq!(lines[0]["total"], 0);
    assert!(
        lines[0]["notices"].as_array().unwrap().len() >= 2,
        "{lines:?}"
    );
}

/// Item 11 on an index whose articles have no dates (BBC has none).
#[test]
fn dates_asked_of_an_undated_archive_say_so() {
    let Some(bbc) = corpus("bbc/tech") else {
        return;
    };
    let env = Env::empty();
    copy_dir(&bbc, &env.corpus().join("tech"));
    env.index_corpus();
    let out = env.run(&["search", "--since", "2004", "broadband"]);
    assert_status(&out, 1);
    assert!(
        stderr(&out).contains("no article in this index has a date"),
        "{}",
        stderr(&out)
    );
}

/// Item 13: people, sources, bylines, timeline and export take the
/// filters; counts by source and by byline.
#[test]
fn counts_and_exports_take_the_same_filters() {
    let env = Env::indexed_sample();
    let all: Vec<Value> = json_lines(&env.run(&["--json", "people", "-n", "5"]));
    let politics: Vec<Value> =
        json_lines(&env.run(&["--json", "people", "--section", "politics", "-n", "5"]));
    assert_ne!(all, politics);
    assert_eq!(politics[0]["name"], "Tony Blair");

    let out = env.run(&["sources", "-n", "3"]);
    assert_status(&out, 0);
    let text = stdout(&out);
    assert!(text.lines().next().unwrap().ends_with("Reuters"), "{text}");
    assert!(text.contains("sources listed"));
    let bylines = json_lines(&env.run(&["--json", "bylines", "-n", "3"]));
    assert_eq!(bylines.len(), 3);
    assert!(bylines[0]["articles"].as_u64().unwrap() >= bylines[2]["articles"].as_u64().unwrap());

    // Timeline with a date filter: only the months asked for, no empty
    // periods before the first match or after the last.
    let t = json_lines(&env.run(&[
        "--json", "timeline", "oil", "--since", "1987-03", "--until", "1987-03",
    ]));
    assert_eq!(t.len(), 1, "{t:?}");
    assert_eq!(t[0]["period"], "1987-03");
    let t = json_lines(&env.run(&["--json", "timeline", "--by", "year"]));
    assert!(t.first().unwrap()["articles"].as_u64().unwrap() > 0);
    assert!(t.last().unwrap()["articles"].as_u64().unwrap() > 0);

    let out = env.run(&["export", "--section", "politics", "budget"]);
    assert_status(&out, 0);
    let exported = json_lines(&out);
    let (_, hits) = env.search_json(&["--section", "politics", "budget", "-n", "100"]);
    assert_eq!(exported.len(), hits.len());
    assert!(exported.iter().all(|a| a["body"]
        .as_str()
        .unwrap()
        .to_lowercase()
        .contains("budget")));
}

/// Issue #24: dates are filtered by the article's own day. A text file
/// dated 01:00 in Tokyo on 3 May 2016 (16:00 UTC on the 2nd) is on 3 May
/// for `--since`/`--until`, `date:`, the timeline and the text output,
/// while its JSON `date` stays the UTC instant. One dated 1 June at 01:00
/// in Tokyo is in June; one dated with no zone behaves as before.
#[test]
fn dates_are_filtered_by_the_articles_own_day() {
    let env = Env::empty();
    env.write(
        "tokyo.txt",
        "Dam opens in Gifu\n\n2016-05-03T01:00:00+09:00\n\nThe new dam opened before dawn.\n",
    );
    env.write(
        "june.txt",
        "Dam report published\n\n2016-06-01T01:00:00+09:00\n\nThe dam report came out.\n",
    );
    env.write(
        "plain.txt",
        "Dam closes in Ohio\n\n2016-05-02 23:00\n\nThe old dam closed late at night.\n",
    );
    env.index_corpus();
    let ids = |hits: &[Value]| file_names(hits, "id");

    let (_, hits) = env.search_json(&["dam", "--since", "2016-05-03", "--until", "2016-05-03"]);
    assert_eq!(ids(&hits), ["tokyo.txt"]);
    assert_eq!(
        hits[0]["date"], "2016-05-02T16:00:00Z",
        "JSON keeps the UTC instant"
    );
    assert_eq!(hits[0]["date_local"], "2016-05-03T01:00:00+09:00");
    let (_, hits) = env.search_json(&["dam", "--since", "2016-05-02", "--until", "2016-05-02"]);
    assert_eq!(
        ids(&hits),
        ["plain.txt"],
        "a date without a zone is as before"
    );
    assert!(hits[0].get("date_local").is_none());
    let (_, hits) = env.search_json(&["date:2016-05-03"]);
    assert_eq!(ids(&hits), ["tokyo.txt"]);
    let (_, hits) = env.search_json(&["dam date:2016-06"]);
    assert_eq!(ids(&hits), ["june.txt"]);

    let t = json_lines(&env.run(&["--json", "timeline", "dam"]));
    let months: Vec<(&str, u64)> = t
        .iter()
        .map(|b| {
            (
                b["period"].as_str().unwrap(),
                b["articles"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(months, [("2016-05", 2), ("2016-06", 1)]);

    let out = env.run(&["search", "gifu"]);
    assert_status(&out, 0);
    let text = stdout(&out);
    assert!(
        text.contains("2016-05-03") && !text.contains("2016-05-02"),
        "{text}"
    );
    let out = env.run(&["show", "corpus/tokyo.txt"]);
    assert!(
        stdout(&out).contains("2016-05-03T01:00:00+09:00"),
        "{}",
        stdout(&out)
    );
}

/// Issue #24 on the livedoor corpus (dated `+0900`): `--since D --until D`
/// finds the articles published on D in Tokyo, those before 09:00 (the
/// previous day in UTC) included, and not those of the next day's early
/// morning.
#[test]
fn livedoor_articles_are_on_their_tokyo_day() {
    let Some(dir) = corpus("languages/ja-livedoor") else {
        return;
    };
    let env = Env::empty();
    // 2012-06-28 13:00 and 07:55, 2012-06-29 06:55 and 23:02, Tokyo time.
    let files = [
        "it-life-hack/it-life-hack-6702282.txt",
        "smax/smax-6701039.txt",
        "smax/smax-6704860.txt",
        "kaden-channel/kaden-channel-6708506.txt",
    ];
    for f in files {
        let name = f.rsplit('/').next().unwrap();
        std::fs::copy(dir.join(f), env.corpus().join(name)).unwrap();
    }
    env.index_corpus();
    let day = |d: &str| {
        let (code, hits) = env.search_json(&["--since", d, "--until", d, "-n", "10"]);
        assert_eq!(code, if hits.is_empty() { 1 } else { 0 }, "{d}");
        (file_names(&hits, "id"), hits)
    };
    let (ids, hits) = day("2012-06-28");
    assert_eq!(ids, ["it-life-hack-6702282.txt", "smax-6701039.txt"]);
    let (ids, _) = day("2012-06-29");
    assert_eq!(ids, ["kaden-channel-6708506.txt", "smax-6704860.txt"]);
    assert!(
        day("2012-06-27").0.is_empty(),
        "07:55 in Tokyo is not the day before"
    );
    // JSON: `date` in UTC as before, `date_local` on the Tokyo clock.
    let early = hits
        .iter()
        .find(|h| h["id"].as_str().unwrap().ends_with("smax-6701039.txt"));
    let early = early.unwrap();
    assert_eq!(early["date"], "2012-06-27T22:55:00Z");
    assert_eq!(early["date_local"], "2012-06-28T07:55:00+09:00");
}

/// Issue #25 item 5: the bare date ranges the page advertises (`1987-03..`,
/// `..1987-02`, `1987-03-02..1987-03`) select what `--since`/`--until`
/// select, beside words; an impossible date is an error naming it.
#[test]
fn bare_date_ranges_in_the_query_are_since_and_until() {
    let env = Env::indexed_sample();
    let ids = |args: &[&str]| -> Vec<String> {
        let mut all = args.to_vec();
        all.extend(["--limit", "100"]);
        let (code, hits) = env.search_json(&all);
        assert_eq!(code, 0, "{args:?}");
        let mut ids: Vec<String> = hits.iter().map(|h| h["id"].to_string()).collect();
        ids.sort();
        ids
    };
    let every = ids(&["oil"]);
    for (bare, since, until) in [
        ("oil 1987-03..", Some("1987-03"), None),
        ("oil ..1987-02", None, Some("1987-02")),
        (
            "1987-03-02..1987-03 oil",
            Some("1987-03-02"),
            Some("1987-03"),
        ),
        (
            "oil date:1987-02..1987-02",
            Some("1987-02"),
            Some("1987-02"),
        ),
    ] {
        let mut flags = vec!["oil"];
        if let Some(s) = since {
            flags.extend(["--since", s]);
        }
        if let Some(u) = until {
            flags.extend(["--until", u]);
        }
        let got = ids(&[bare]);
        assert!(!got.is_empty() && got.len() < every.len(), "{bare}");
        assert_eq!(got, ids(&flags), "{bare}");
    }
    let out = env.run(&["search", "oil 1987-13.."]);
    assert_status(&out, 2);
    assert!(
        stderr(&out).contains("`1987-13` is not a date"),
        "{}",
        stderr(&out)
    );
}

/// Issue #25 item 7: a `section:` or `person:` clause typed in the query
/// that matches nothing gets the help `--section` and `--person` get.
#[test]
fn query_clauses_that_match_nothing_say_what_is_near() {
    let env = Env::indexed_sample();
    let out = env.run(&["search", "section:politcs budget"]);
    assert_status(&out, 1);
    assert!(
        stderr(&out).contains("no article is in section `politcs`; near it: politics"),
        "{}",
        stderr(&out)
    );
    let out = env.run(&["search", "person:\"Mr Blair\" budget"]);
    assert_status(&out, 1);
    assert!(
        stderr(&out).contains("no article names `Mr Blair` as a person; try Tony Blair"),
        "{}",
        stderr(&out)
    );
}
