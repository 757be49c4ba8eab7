//! `newsdex index` and `rebuild`: every format of the sample corpus, the
//! incremental re-index (changed records, not whole files), its messages,
//! and the BBC corpus (issues #2 and #14).

use std::fs;
use std::path::PathBuf;

use serde_json::Value;

use crate::util::corpora::{corpus, with_files};
use crate::util::json::n;
use crate::util::{assert_status, stderr, Env};

#[test]
fn sample_corpus_indexes_every_format() {
    let env = Env::with_sample();
    let r = env.index_corpus();
    // 1 seed + 300 BBC + 12 AllSides JSON + 1 JSONL + 6 HTML + 1 SGML file,
    // and 9 in other languages: CSV, JSON, text, a GBK <doc> collection.
    assert_eq!(n(&r, "files_seen"), 330, "{r}");
    assert_eq!(n(&r, "files_parsed"), 330, "{r}");
    assert!(r["skipped"].as_array().unwrap().is_empty(), "{r}");
    // Reuters adds about a thousand articles from its one file.
    let total = n(&r, "articles_total");
    assert!(total > 1300, "{r}");
    assert_eq!(n(&r, "articles_added"), total);
    assert_eq!(
        n(&r, "files_ignored"),
        1,
        "ATTRIBUTION.md is not an article: {r}"
    );
}

#[test]
fn second_run_touches_nothing() {
    let env = Env::with_sample();
    let first = env.index_corpus();
    let second = env.index_corpus();
    assert_eq!(n(&second, "files_parsed"), 0, "{second}");
    assert_eq!(n(&second, "articles_added"), 0);
    assert_eq!(n(&second, "articles_updated"), 0);
    assert_eq!(n(&second, "articles_removed"), 0);
    assert_eq!(
        n(&second, "articles_unchanged"),
        n(&first, "articles_total")
    );
    assert_eq!(n(&second, "articles_total"), n(&first, "articles_total"));
}

#[test]
fn incremental_add_change_delete() {
    let env = Env::empty();
    env.write(
        "politics/a.txt",
        "Mayor opens bridge\n\nThe mayor opened a bridge.\n",
    );
    env.write(
        "politics/b.txt",
        "Council tax rises\n\nCouncil tax will rise.\n",
    );
    env.write("sport/c.txt", "United win cup\n\nUnited won the cup.\n");
    let r = env.index_corpus();
    assert_eq!(n(&r, "articles_added"), 3);

    // Add one, change one, delete one.
    env.write(
        "sport/d.txt",
        "Rovers sign striker\n\nRovers signed a striker.\n",
    );
    env.write(
        "politics/a.txt",
        "Mayor closes bridge\n\nThe mayor closed the zeppelin bridge.\n",
    );
    fs::remove_file(env.corpus().join("politics/b.txt")).unwrap();
    let r = env.index_corpus();
    assert_eq!(n(&r, "files_parsed"), 2, "{r}");
    assert_eq!(n(&r, "articles_added"), 1, "{r}");
    assert_eq!(n(&r, "articles_updated"), 1, "{r}");
    assert_eq!(n(&r, "articles_removed"), 1, "{r}");
    assert_eq!(n(&r, "articles_unchanged"), 1, "{r}");
    assert_eq!(n(&r, "articles_total"), 3, "{r}");

    // The index reflects it: new text found, old text and deleted file gone.
    let (code, hits) = env.search_json(&["zeppelin"]);
    assert_eq!(code, 0);
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0]["title"], "Mayor closes bridge");
    assert_eq!(
        env.search_json(&["opened"]).0,
        1,
        "old text of a changed file is gone"
    );
    assert_eq!(env.search_json(&["council"]).0, 1, "deleted file is gone");
    assert_eq!(env.search_json(&["striker"]).1.len(), 1);
}

#[test]
fn touched_but_unchanged_file_is_not_reindexed() {
    let env = Env::empty();
    let path = env.write("a.txt", "Headline\n\nBody text.\n");
    env.index_corpus();
    let later = std::time::SystemTime::now() + std::time::Duration::from_secs(5);
    fs::File::options()
        .write(true)
        .open(&path)
        .unwrap()
        .set_modified(later)
        .unwrap();
    let r = env.index_corpus();
    assert_eq!(n(&r, "files_parsed"), 0, "{r}");
    assert_eq!(n(&r, "files_unchanged"), 1, "{r}");
}

#[test]
fn bad_files_are_reported_and_the_rest_indexed() {
    let env = Env::empty();
    env.write("good.txt", "Good headline\n\nGood body.\n");
    env.write("image.txt", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0");
    env.write("empty.txt", "   \n");
    let r = env.index_corpus();
    assert_eq!(n(&r, "articles_total"), 1, "{r}");
    let skipped = r["skipped"].as_array().unwrap();
    assert_eq!(skipped.len(), 2, "{r}");
    let text = serde_json::to_string(skipped).unwrap();
    assert!(
        text.contains("image.txt") && text.contains("binary"),
        "{text}"
    );
    assert!(
        text.contains("empty.txt") && text.contains("empty"),
        "{text}"
    );

    // Plain output names the files; --strict turns the skips into exit 2.
    let out = env.run(&["index", "--strict", "corpus"]);
    assert_status(&out, 2);
    let err = stderr(&out);
    assert!(err.contains("image.txt"), "{err}");
    assert!(err.contains("--strict"), "{err}");
}

#[test]
fn missing_folder_is_a_clear_error() {
    let env = Env::empty();
    let out = env.run(&["index", "no-such-folder"]);
    assert_status(&out, 2);
    let err = stderr(&out);
    assert!(
        err.contains("no-such-folder") && err.contains("no such file"),
        "{err}"
    );
    assert_eq!(err.lines().count(), 1, "{err}");
}

#[test]
fn rebuild_replaces_the_index_and_keeps_searches_answering() {
    let env = Env::empty();
    env.write(
        "a.txt",
        "Mayor opens bridge\n\nThe mayor opened a bridge.\n",
    );
    env.index_corpus();
    env.write("b.txt", "Harbour reopens\n\nThe harbour reopened.\n");
    let out = env.run(&["--json", "rebuild"]);
    assert_status(&out, 0);
    let r: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(n(&r, "articles_total"), 2, "{r}");
    assert_eq!(n(&r, "articles_added"), 2, "{r}");
    assert_eq!(env.search_json(&["harbour"]).1.len(), 1);
    // Only one generation is left on disk.
    let gens = fs::read_dir(env.index())
        .unwrap()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().starts_with("gen-"))
        .count();
    assert_eq!(gens, 1);
}

#[test]
fn failed_rebuild_leaves_the_old_index() {
    let env = Env::empty();
    env.write(
        "a.txt",
        "Mayor opens bridge\n\nThe mayor opened a bridge.\n",
    );
    env.index_corpus();
    fs::remove_dir_all(env.corpus()).unwrap();
    let out = env.run(&["rebuild"]);
    assert_status(&out, 2);
    let err = stderr(&out);
    assert!(
        err.contains("no longer exists") && err.contains("--prune"),
        "{err}"
    );
    assert_eq!(
        env.search_json(&["bridge"]).1.len(),
        1,
        "old index still answers"
    );
}

#[test]
fn rebuild_without_an_index_says_so() {
    let env = Env::empty();
    let out = env.run(&["rebuild"]);
    assert_status(&out, 2);
    assert!(stderr(&out).contains("no index at"), "{}", stderr(&out));
}

/// Issue #2's acceptance check: the BBC folder's five section folders give
/// 2,225 articles with the first line as title and the folder as section,
/// its `README.TXT` and `SOURCE.md` are passed over (issue #14), and a
/// second run changes nothing.
#[test]
fn bbc_corpus_titles_and_sections() {
    let Some(bbc) = corpus("bbc") else {
        return;
    };
    let env = Env::empty();
    let bbc = bbc.to_string_lossy().into_owned();
    let args = ["--json", "index", bbc.as_str()];
    let out = env.run(&args);
    assert_status(&out, 0);
    let r: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(n(&r, "articles_total"), 2225, "{r}");
    assert!(r["skipped"].as_array().unwrap().is_empty(), "{r}");
    let ignored: Vec<(String, String)> = r["ignored"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| {
            let path = std::path::Path::new(i["path"].as_str().unwrap());
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            (name, i["reason"].as_str().unwrap().to_string())
        })
        .collect();
    assert_eq!(
        ignored,
        [
            ("README.TXT".to_string(), "project file".to_string()),
            ("SOURCE.md".to_string(), "not an article format".to_string())
        ],
        "{r}"
    );

    let export = env.run(&["export"]);
    assert_status(&export, 0);
    let mut seen = 0;
    for line in String::from_utf8_lossy(&export.stdout).lines() {
        let a: Value = serde_json::from_str(line).unwrap();
        let path = std::path::Path::new(a["path"].as_str().unwrap());
        let folder = path
            .parent()
            .unwrap()
            .file_name()
            .unwrap()
            .to_str()
            .unwrap();
        assert_eq!(a["section"], folder, "{}", path.display());
        let raw = fs::read(path).unwrap();
        let first = String::from_utf8_lossy(&raw)
            .lines()
            .next()
            .unwrap()
            .to_string();
        // The ingester decodes entities ("&#163;1.8m" is "£1.8m").
        let first = newsdex::ingest::html::decode_entities(&first);
        let first = first.split_whitespace().collect::<Vec<_>>().join(" ");
        if !first.contains('\u{FFFD}') {
            assert_eq!(a["title"], first.as_str(), "{}", path.display());
        }
        assert!(
            !a["body"].as_str().unwrap().is_empty(),
            "{}",
            path.display()
        );
        seen += 1;
    }
    assert_eq!(seen, 2225);

    let again = env.run(&args);
    let r: Value = serde_json::from_slice(&again.stdout).unwrap();
    assert_eq!(n(&r, "files_parsed"), 0, "{r}");
    assert_eq!(n(&r, "articles_unchanged"), 2225, "{r}");
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

/// The two Reuters files `reut2-000.sgm` and `reut2-001.sgm`, 1,000
/// records each.
fn reuters_env() -> Option<(Env, PathBuf)> {
    let env = with_files("reuters21578", &["reut2-000.sgm", "reut2-001.sgm"])?;
    let path = env.corpus().join("reut2-001.sgm");
    Some((env, path))
}

/// Item 6: one record of a 1,000-record SGML file edited is one article
/// updated, not 1,000; a record deleted is one removed, one added is one
/// added; the rest of the file counts as unchanged.
#[test]
fn reindexing_counts_changed_records_not_files() {
    let Some((env, path)) = reuters_env() else {
        return;
    };
    let r = env.index_corpus();
    assert_eq!(n(&r, "articles_total"), 2000, "{r}");
    let mut text = fs::read(&path).unwrap();
    // Edit one word in the body of one record.
    let body = b"<BODY>";
    let at = text
        .windows(6)
        .skip(200_000)
        .position(|w| w == body)
        .unwrap()
        + 200_000;
    text.splice(at + 6..at + 6, b"Revised: ".iter().copied());
    fs::write(&path, &text).unwrap();
    let r = env.index_corpus();
    assert_eq!(
        (
            n(&r, "files_parsed"),
            n(&r, "articles_added"),
            n(&r, "articles_updated"),
            n(&r, "articles_removed"),
            n(&r, "articles_unchanged")
        ),
        (1, 0, 1, 0, 1999),
        "{r}"
    );
    let (code, hits) = env.search_json(&["revised", "--limit", "5"]);
    assert_eq!(code, 0);
    assert!(hits
        .iter()
        .any(|h| h["path"].as_str().unwrap().ends_with("reut2-001.sgm")));

    // Delete the last record.
    let last = text.windows(8).rposition(|w| w == b"<REUTERS").unwrap();
    let end = text[last..]
        .windows(10)
        .position(|w| w == b"</REUTERS>")
        .unwrap()
        + last
        + 10;
    let removed: Vec<u8> = text.drain(last..end).collect();
    fs::write(&path, &text).unwrap();
    let r = env.index_corpus();
    assert_eq!(
        (
            n(&r, "articles_added"),
            n(&r, "articles_updated"),
            n(&r, "articles_removed"),
            n(&r, "articles_unchanged")
        ),
        (0, 0, 1, 1999),
        "{r}"
    );

    // Put it back at the top of the file: one added, the rest unchanged
    // although every record moved.
    let first = text.windows(8).position(|w| w == b"<REUTERS").unwrap();
    text.splice(first..first, removed.iter().chain(b"\n").copied());
    fs::write(&path, &text).unwrap();
    let out = env.run(&["index", "corpus"]);
    assert_status(&out, 0);
    assert!(
        stderr(&out)
            .contains("articles: 1 added, 0 updated, 0 removed, 1999 unchanged; 2000 in the index"),
        "{}",
        stderr(&out)
    );
}
