//! First contact (issue #14): what a newcomer sees on the sample corpus and
//! the real corpora in `../shared/corpora/` — filters without words and why
//! they match nothing (item 11), ids `show` accepts (12), the same filters
//! and counts by source and byline for `people`, `timeline`, `export` (13),
//! CSV (14), help, completions and the man page (16).

use serde_json::Value;

use crate::util::{assert_status, copy_dir, shared_path, stderr, stdout, Env};

fn json_lines(out: &std::process::Output) -> Vec<Value> {
    stdout(out)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect()
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
    let Some(bbc) = shared_path("corpora/bbc/tech") else {
        eprintln!("skipped: ../shared/corpora/bbc is absent");
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
    assert_eq!(
        header,
        ["rank", "date", "section", "source", "byline", "title", "id", "path", "url", "snippet"]
    );
    assert_eq!(rows.len(), 5);
    assert!(rows.iter().all(|r| r.len() == 10));
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

/// Item 16: help that teaches, completions and a man page.
#[test]
fn help_completions_and_man_page() {
    let env = Env::empty();
    let help = stdout(&env.run(&["search", "--help"]));
    for want in [
        "Query syntax:",
        "\"door to door\"",
        "person:\"Tony Blair\"",
        "--csv",
    ] {
        assert!(help.contains(want), "{want} in {help}");
    }
    let help = stdout(&env.run(&["index", "--help"]));
    assert!(help.contains("Formats") && help.contains(".sgm"), "{help}");
    for shell in ["bash", "zsh", "fish", "powershell"] {
        let out = env.run(&["completions", shell]);
        assert_status(&out, 0);
        assert!(stdout(&out).contains("newsdex"), "{shell}");
        assert!(
            stdout(&out).contains("serve"),
            "{shell} completes subcommands"
        );
    }
    let out = env.run(&["completions", "tcsh"]);
    assert_status(&out, 2);
    let man = stdout(&env.run(&["man"]));
    assert!(
        man.starts_with(".ie") || man.contains(".TH newsdex"),
        "{man}"
    );
    assert!(man.contains("search") && man.contains("serve"));
}

/// Item 17: messages that read like a tool someone has used.
#[test]
fn index_messages_for_a_newcomer() {
    let env = Env::empty();
    env.write("moved/a.txt", "One headline\n\nOne body about a council.\n");
    let out = env.run(&["index", "corpus/moved"]);
    assert_status(&out, 0);
    let err = stderr(&out);
    assert!(err.contains("1 file seen"), "{err}");
    assert!(!err.contains("MB/s"), "no rate for a tiny run: {err}");
    // The folder moves away; --prune forgets it and does not also say its
    // articles are kept.
    std::fs::rename(env.corpus().join("moved"), env.root().join("elsewhere")).unwrap();
    let out = env.run(&["index", "--prune"]);
    assert_status(&out, 0);
    let err = stderr(&out);
    assert!(err.contains("1 removed"), "{err}");
    assert!(err.contains("forgotten with its articles"), "{err}");
    assert!(!err.contains("are kept"), "{err}");
    // --index naming a file: one line, said once.
    let file = env.root().join("not-a-folder");
    std::fs::write(&file, "x").unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_newsdex"))
        .arg("--index")
        .arg(&file)
        .args(["search", "x"])
        .output()
        .unwrap();
    assert_status(&out, 2);
    let err = stderr(&out);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("is a file, not an index folder"), "{err}");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_newsdex"))
        .arg("--index")
        .arg(file.join("sub"))
        .args(["search", "x"])
        .output()
        .unwrap();
    let err = stderr(&out);
    assert_eq!(err.matches("Not a directory").count(), 1, "{err}");
}

/// Item 17: a search while the very first index is being built says so.
#[test]
fn a_search_during_the_first_index_says_it_is_being_built() {
    let Some(bbc) = shared_path("corpora/bbc") else {
        eprintln!("skipped: ../shared/corpora/bbc is absent");
        return;
    };
    let env = Env::empty();
    let mut indexing = env
        .process(&["index", "--quiet"])
        .arg(&bbc)
        .spawn()
        .expect("start index");
    // Once the empty index exists, search it while the run goes on.
    wait_for_index(&env);
    let out = env.run(&["search", "economy"]);
    let still_running = indexing.try_wait().unwrap().is_none();
    indexing.wait().unwrap();
    if still_running && out.status.code() == Some(1) {
        assert!(
            stderr(&out).contains("the index is still being built"),
            "{}",
            stderr(&out)
        );
    } else {
        eprintln!("the index finished before the search ran: nothing to check");
    }
    // Once built, the same search finds articles.
    assert_status(&env.run(&["search", "economy"]), 0);
}

/// Item 17: Ctrl-C during `index` commits what was done, says what is
/// left, exits 130; the next run finishes the rest without duplicates.
#[test]
fn ctrl_c_during_index_commits_what_was_done() {
    let Some(bbc) = shared_path("corpora/bbc") else {
        eprintln!("skipped: ../shared/corpora/bbc is absent");
        return;
    };
    let env = Env::empty();
    let child = env
        .process(&["index"])
        .arg(&bbc)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("start index");
    wait_for_index(&env);
    std::thread::sleep(std::time::Duration::from_millis(300));
    // SAFETY: sending a signal to our own child process.
    unsafe { libc::kill(child.id() as i32, libc::SIGINT) };
    let out = child.wait_with_output().unwrap();
    let full: Vec<Value> = {
        let o = env.run(&["--json", "index"]);
        assert_status(&o, 0);
        json_lines(&o)
    };
    if out.status.code() == Some(130) {
        let err = stderr(&out);
        assert!(err.contains("committing what is indexed so far"), "{err}");
        assert!(
            err.contains("interrupted: what was indexed is committed"),
            "{err}"
        );
        assert!(full[0]["articles_added"].as_u64().unwrap() > 0);
    } else {
        assert_status(&out, 0);
        eprintln!("the index finished before Ctrl-C: only the re-run is checked");
    }
    let total = full[0]["articles_total"].as_u64().unwrap();
    assert_eq!(
        total,
        full[0]["files_seen"].as_u64().unwrap(),
        "one article a file"
    );
    let again = json_lines(&env.run(&["--json", "index"]));
    assert_eq!(again[0]["articles_total"].as_u64().unwrap(), total);
    assert_eq!(again[0]["files_parsed"], 0);
}

/// Waits until a first `index` run has made the (empty) index.
fn wait_for_index(env: &Env) {
    let current = env.index().join("CURRENT");
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    while !current.exists() {
        assert!(std::time::Instant::now() < deadline, "no index made");
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
}
