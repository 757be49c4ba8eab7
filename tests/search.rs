use crate::util::{assert_status, marked, stderr, stdout, Env};

const SEED: &str = "000_12938842849ca153.txt";
const SEED_TITLE: &str =
    "Jeremy Corbyn and Sadiq Khan unite for mayoral campaign after loyalty list leak";

#[test]
fn phrase_finds_the_seed_first_with_the_phrase_highlighted() {
    let env = Env::indexed_sample();
    let (code, hits) = env.search_json(&["\"door to door\""]);
    assert_eq!(code, 0);
    let first = &hits[0];
    assert!(first["path"].as_str().unwrap().ends_with(SEED), "{first}");
    assert_eq!(first["title"], SEED_TITLE);
    let marks = marked(first);
    assert!(
        marks.iter().any(|h| h.contains("door to door")),
        "{marks:?}"
    );
}

#[test]
fn json_hits_carry_every_field() {
    let env = Env::indexed_sample();
    let (code, hits) = env.search_json(&["Corbyn", "Khan", "--limit", "3"]);
    assert_eq!(code, 0);
    assert!(!hits.is_empty() && hits.len() <= 3);
    for (i, hit) in hits.iter().enumerate() {
        assert_eq!(hit["rank"], (i + 1) as u64);
        assert!(hit["score"].as_f64().unwrap() > 0.0);
        for key in ["id", "path", "title", "snippet"] {
            assert!(
                hit[key].as_str().is_some_and(|s| !s.is_empty()),
                "{key} in {hit}"
            );
        }
        for key in ["date", "section", "byline"] {
            assert!(
                hit.get(key).is_some(),
                "{key} present (maybe null) in {hit}"
            );
        }
        // Every highlight is a word of the query, stemmed or not.
        for h in marked(hit) {
            let h = h.to_lowercase();
            assert!(h.contains("corbyn") || h.contains("khan"), "{h}");
        }
    }
    let ranks: Vec<f64> = hits.iter().map(|h| h["score"].as_f64().unwrap()).collect();
    assert!(
        ranks.windows(2).all(|w| w[0] >= w[1]),
        "sorted by score: {ranks:?}"
    );
}

#[test]
fn reuters_articles_have_dates_and_topics_as_sections() {
    let env = Env::indexed_sample();
    let (code, hits) = env.search_json(&["Bahia", "cocoa", "review"]);
    assert_eq!(code, 0);
    let hit = &hits[0];
    assert_eq!(hit["title"], "BAHIA COCOA REVIEW");
    assert_eq!(hit["date"], "1987-02-26T15:01:01Z");
    assert_eq!(hit["section"], "cocoa");
    assert!(
        hit["id"].as_str().unwrap().ends_with("reut2-000.sgm#0"),
        "{hit}"
    );
}

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

#[test]
fn query_operators_work() {
    let env = Env::indexed_sample();
    let (_, both) = env.search_json(&["Corbyn", "Khan", "--all-words", "--limit", "1000"]);
    let (_, either) = env.search_json(&["Corbyn", "OR", "Khan", "--limit", "1000"]);
    let (_, without) = env.search_json(&["--limit", "1000", "--", "Corbyn -Khan"]);
    assert!(either.len() > both.len());
    assert!(without.iter().all(|h| h["title"] != SEED_TITLE));
    assert_eq!(
        both.len() + without.len(),
        env.search_json(&["Corbyn", "--limit", "1000"]).1.len()
    );
}

#[test]
fn paging_with_offset() {
    let env = Env::indexed_sample();
    let (_, page1) = env.search_json(&["government", "--limit", "5"]);
    let (_, page2) = env.search_json(&["government", "--limit", "5", "--offset", "5"]);
    assert_eq!(page1.len(), 5);
    assert_eq!(page2[0]["rank"], 6);
    let ids1: Vec<_> = page1.iter().map(|h| h["id"].clone()).collect();
    assert!(page2.iter().all(|h| !ids1.contains(&h["id"])));
}

#[test]
fn exit_codes_follow_grep() {
    let env = Env::indexed_sample();
    assert_status(&env.run(&["search", "corbyn"]), 0);
    let none = env.run(&["search", "xylophonequux"]);
    assert_status(&none, 1);
    assert!(stdout(&none).is_empty());
    let bad = env.run(&["search", "title:(unclosed"]);
    assert_status(&bad, 2);
    assert!(stderr(&bad).contains("invalid query"), "{}", stderr(&bad));
    let bad_date = env.run(&["search", "corbyn", "--since", "soonish"]);
    assert_status(&bad_date, 2);
    assert!(
        stderr(&bad_date).contains("--since"),
        "{}",
        stderr(&bad_date)
    );
}

#[test]
fn missing_index_is_exit_2_with_a_hint() {
    let env = Env::empty();
    let out = env.run(&["search", "corbyn"]);
    assert_status(&out, 2);
    let err = stderr(&out);
    assert!(
        err.contains("no index at") && err.contains("newsdex index"),
        "{err}"
    );
    assert_eq!(err.lines().count(), 1);
}

#[test]
fn text_output_marks_matches_without_colour() {
    let env = Env::indexed_sample();
    let out = env.run(&["search", "\"door to door\""]);
    assert_status(&out, 0);
    let text = stdout(&out);
    assert!(text.contains(SEED_TITLE), "{text}");
    assert!(text.contains("**door to door**"), "{text}");
    assert!(!text.contains('\u{1b}'), "no colour in a pipe");
    let coloured = stdout(&env.run(&["--color", "always", "search", "\"door to door\""]));
    assert!(
        coloured.contains('\u{1b}') && !coloured.contains("**"),
        "{coloured}"
    );
}

#[test]
fn index_location_from_environment() {
    let env = Env::indexed_sample();
    let mut cmd = assert_cmd::Command::new(env!("CARGO_BIN_EXE_newsdex"));
    cmd.current_dir(env.root())
        .env("NEWSDEX_INDEX", env.index())
        .args(["search", "corbyn"]);
    cmd.assert().success();
}

#[test]
fn broken_pipe_is_not_an_error() {
    use std::io::Read;
    use std::process::{Command, Stdio};
    let env = Env::indexed_sample();
    let mut child = Command::new(env!("CARGO_BIN_EXE_newsdex"))
        .arg("--index")
        .arg(env.index())
        .args(["export"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = [0u8; 64];
    child
        .stdout
        .as_mut()
        .unwrap()
        .read_exact(&mut first)
        .unwrap();
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

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
