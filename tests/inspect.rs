use serde_json::Value;

use crate::util::{assert_status, stderr, stdout, Env};

#[test]
fn stats_json_has_counts_sections_and_dates() {
    let env = Env::with_sample();
    let r = env.index_corpus();
    let out = env.run(&["--json", "stats"]);
    assert_status(&out, 0);
    let s: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(s["articles"], r["articles_total"]);
    for section in ["business", "entertainment", "politics", "sport", "tech"] {
        assert!(
            s["sections"][section].as_u64().unwrap() >= 60,
            "{section}: {s}"
        );
    }
    assert_eq!(s["date_range"][0].as_str().unwrap(), "1987-02-26T15:01:01Z");
    assert!(s["index_bytes"].as_u64().unwrap() > 100_000);
    assert!(s["roots"][0].as_str().unwrap().ends_with("corpus"));
    let text = stdout(&env.run(&["stats"]));
    assert!(
        text.contains("articles:") && text.contains("politics"),
        "{text}"
    );
}

#[test]
fn show_by_id_and_by_path() {
    let env = Env::indexed_sample();
    let (_, hits) = env.search_json(&["\"door to door\""]);
    let id = hits[0]["id"].as_str().unwrap();
    let out = env.run(&["--json", "show", id]);
    assert_status(&out, 0);
    let a: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(a["id"], id);
    let body = a["body"].as_str().unwrap();
    assert!(body.contains("door to door"));
    assert!(!body.contains("Advertisement") && !body.starts_with("Updated"));
    for key in [
        "path",
        "title",
        "date",
        "byline",
        "section",
        "source",
        "url",
        "word_count",
        "content_hash",
    ] {
        assert!(a.get(key).is_some(), "{key}");
    }
    let by_path = env.run(&[
        "--json",
        "show",
        "corpus/seed/politics/000_12938842849ca153.txt",
    ]);
    assert_status(&by_path, 0);
    assert_eq!(
        serde_json::from_slice::<Value>(&by_path.stdout).unwrap()["id"],
        id
    );
    let text = stdout(&env.run(&["show", id]));
    assert!(text.starts_with("Jeremy Corbyn and Sadiq Khan"), "{text}");
    let missing = env.run(&["show", "nope"]);
    assert_status(&missing, 2);
}

#[test]
fn export_writes_every_article_as_json_lines() {
    let env = Env::with_sample();
    let r = env.index_corpus();
    let out = env.run(&["export"]);
    assert_status(&out, 0);
    let lines: Vec<Value> = stdout(&out)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len() as u64, r["articles_total"].as_u64().unwrap());
    assert!(lines
        .iter()
        .all(|a| a["id"].is_string() && a["body"].is_string()));
    // Same shape as `show --json`.
    let id = lines[0]["id"].as_str().unwrap();
    let shown: Value = serde_json::from_slice(&env.run(&["--json", "show", id]).stdout).unwrap();
    assert_eq!(shown, lines[0]);
}

/// Item 12: text output names each hit by something `show` accepts, and
/// gives source and byline; `show FILE:LINE` and `show FILE` of a
/// multi-article file.
#[test]
fn hits_are_named_by_ids_show_accepts() {
    let env = Env::indexed_sample();
    let out = env.run(&["search", "wheat", "--section", "grain", "-n", "3"]);
    assert_status(&out, 0);
    let text = stdout(&out);
    // A Reuters record: its id (`corpus/reuters/reut2-000.sgm#N`), then
    // file:line of the passage.
    let place = text
        .lines()
        .map(str::trim)
        .find(|l| l.starts_with("corpus/reuters/") && l.contains('#'))
        .unwrap_or_else(|| panic!("no id line in {text}"));
    assert!(text.contains("· Reuters"), "source shown: {text}");
    let (id, file_line) = place.split_once(" · ").expect("id · file:line");
    let by_id = env.run(&["--json", "show", id]);
    assert_status(&by_id, 0);
    let article: Value = serde_json::from_slice(&by_id.stdout).unwrap();
    let by_line = env.run(&["--json", "show", file_line]);
    assert_status(&by_line, 0);
    let same: Value = serde_json::from_slice(&by_line.stdout).unwrap();
    assert_eq!(same["id"], article["id"], "{file_line} is in {id}");
    // A whole multi-article file: a list, not a thousand articles.
    let file = id.split('#').next().unwrap();
    let out = env.run(&["show", file]);
    assert_status(&out, 0);
    let listed = stdout(&out);
    assert_eq!(listed.lines().count(), 1000, "one line per article");
    assert!(listed
        .lines()
        .all(|l| l.starts_with(file) && l.contains('#')));
    assert!(stderr(&out).contains("holds 1000 articles"));
    // Byline shown when there is one (AllSides JSON).
    let out = env.run(&["search", "-n", "50", "--snippets", "0", "trump"]);
    let text = stdout(&out);
    let (_, hits) = env.search_json(&["-n", "50", "trump"]);
    let with_byline = hits
        .iter()
        .find(|h| h["byline"].is_string())
        .expect("a hit with a byline");
    assert!(
        text.contains(with_byline["byline"].as_str().unwrap()),
        "{text}"
    );
}
