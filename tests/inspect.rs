use serde_json::Value;

use crate::util::{assert_status, stdout, Env};

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
