//! `newsdex search`: hits as text (headlines only or with passages), JSON
//! and CSV; paging; exit codes; the index from the environment (issues #2,
//! #14).

use std::collections::HashSet;
use std::process::Output;

use crate::util::corpora::{bbc, bbc_json};
use crate::util::json::ids;
use crate::util::{assert_status, marked, stderr, stdout, Env, EXPORT_COLUMNS};

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

/// Items 13 and 14: a headline-only list, and CSV for spreadsheets.
#[test]
fn headline_lists_and_csv() {
    let env = Env::indexed_sample();
    let out = env.run(&["search", "--snippets", "0", "-n", "3", "economy"]);
    assert_status(&out, 0);
    let text = stdout(&out);
    assert_eq!(text.matches("\n\n").count(), 3, "three blocks: {text}");
    assert!(!text.contains("**"), "no passages: {text}");

    let out = env.run(&["search", "--csv", "-n", "5", "\"door to door\" OR economy"]);
    assert_status(&out, 0);
    let mut rows = csv_rows(&stdout(&out));
    let header = rows.remove(0);
    // The columns of the page's export (`/api/export`), then the snippet.
    assert_eq!(header, [&EXPORT_COLUMNS[..], &["snippet"]].concat());
    assert_eq!(rows.len(), 5);
    assert!(rows.iter().all(|r| r.len() == 14));
    // The seed's snippet holds quotes and commas: quoted, quotes doubled.
    let raw = stdout(&out);
    assert!(
        raw.contains("\"He told activists: \"\"We are going"),
        "{raw}"
    );
    let out = env.run(&["--json", "search", "--csv", "x"]);
    assert_status(&out, 2);
    assert!(stderr(&out).contains("--csv and --json"));
}

/// A small RFC 4180 reader for the test.
fn csv_rows(text: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let (mut row, mut field, mut quoted) = (Vec::new(), String::new(), false);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                field.push('"');
                chars.next();
            }
            ('"', _) => quoted = !quoted,
            (',', false) => row.push(std::mem::take(&mut field)),
            ('\n', false) => {
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            ('\r', false) => {}
            (c, _) => field.push(c),
        }
    }
    rows
}

/// The footer's figures: `STRICT stories with all 2 words · MORE more with
/// some of them · showing A-B (N articles, copies shown once)`, or `TOTAL
/// matching articles · showing A-B` without closest matches. Returns the
/// list's length (what pages are cut from) and the stories with every
/// word.
fn footer(out: &Output) -> (usize, usize) {
    let text = stdout(out);
    let line = text
        .lines()
        .rev()
        .find(|l| l.contains(" · showing "))
        .unwrap_or_else(|| panic!("no footer in {text}"));
    let num = |s: &str| s.trim().parse::<usize>().unwrap();
    let first = |s: &str| num(s.split_whitespace().next().unwrap());
    let parts: Vec<&str> = line.split(" · ").collect();
    if parts[0].contains(" matching ") {
        let total = first(parts[0]);
        return (total, total);
    }
    let (strict, more) = (first(parts[0]), first(parts[1]));
    assert!(parts[1].ends_with("more with some of them"), "{line}");
    (strict + more, strict)
}

#[test]
fn every_page_is_cut_from_one_list_whatever_the_limit() {
    let Some(first) = bbc(&["search", "supreme court", "--snippets", "1"]) else {
        return;
    };
    assert_status(&first, 0);
    let (total, strict) = footer(&first);
    assert!(strict > 0 && total > strict + 100, "{total} {strict}");
    let text = stdout(&first);
    assert!(
        text.contains(&format!(
            "{strict} stories with both words · {} more with some of them · showing 1-10 (",
            total - strict
        )),
        "{text}"
    );
    // The closest matches start after the last story with both words, on
    // whatever page, with a line saying so.
    let edge = bbc(&[
        "search",
        "supreme court",
        "--offset",
        &(strict - 2).to_string(),
        "-n",
        "4",
    ])
    .unwrap();
    let ranks: Vec<String> = stdout(&edge)
        .lines()
        .filter(|l| {
            l.starts_with("-- closest")
                || l.trim_start()
                    .split(". ")
                    .next()
                    .is_some_and(|n| n.parse::<usize>().is_ok())
        })
        .map(|l| l.split(". ").next().unwrap().trim().to_string())
        .collect();
    let divider = "-- closest matches, with only some of supreme, court (--all-words for exact) --";
    let want = [
        (strict - 1).to_string(),
        strict.to_string(),
        divider.to_string(),
        (strict + 1).to_string(),
        (strict + 2).to_string(),
    ];
    assert_eq!(ranks, want, "{}", stdout(&edge));
    // Pages past the full matches say the same.
    let far = bbc(&["search", "supreme court", "--offset", "150", "-n", "5"]).unwrap();
    assert_eq!(footer(&far), (total, strict));
    let whole = ids(&bbc_json(&["supreme court", "-n", "1000", "--snippets", "1"]).unwrap());
    assert_eq!(whole.len(), total);
    assert_eq!(whole.iter().collect::<HashSet<_>>().len(), total);
    for limit in [7, 50, 333] {
        let mut paged = Vec::new();
        let mut offset = 0;
        while offset < total {
            let (o, l) = (offset.to_string(), limit.to_string());
            let args = ["supreme court", "--offset", &o, "-n", &l, "--snippets", "1"];
            paged.extend(ids(&bbc_json(&args).unwrap()));
            offset += limit;
        }
        assert_eq!(paged, whole, "pages of {limit}");
    }
    // An odd offset lands where the whole list says.
    let page = ids(&bbc_json(&["supreme court", "--offset", "13", "-n", "20"]).unwrap());
    assert_eq!(page, whole[13..33]);
    // Past the end: how many there are.
    let past = bbc(&["search", "supreme court", "--offset", "5000"]).unwrap();
    assert_status(&past, 1);
    assert!(
        stderr(&past).contains(&format!(
            "no results on this page: {total} matching stories, the last at {total}"
        )),
        "{}",
        stderr(&past)
    );
    let lines = bbc_json(&["supreme court", "--offset", "5000"]).unwrap();
    assert_eq!(lines.len(), 1);
    assert_eq!(lines[0]["stories"], total);
    assert!(lines[0]["total"].as_u64().unwrap() as usize >= total);
    assert_eq!(lines[0]["strict_total"], strict);
}
