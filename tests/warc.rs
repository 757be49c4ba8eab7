//! Web archives with the real binary (issue #23): WARC, ARC and WET
//! samples indexed as they come, a page found and shown with its own URL
//! and publication date, a damaged archive keeping its good records
//! (and `--strict` making the damage fatal), and copies of one crawl
//! grouped as stories.

use std::fs;

use serde_json::Value;

use crate::util::corpora::{corpus, with_files};
use crate::util::{assert_status, stderr, stdout, Env};

const NEWS: &str = "generated-htmldate-news-sample.warc.gz";

fn n(v: &Value, key: &str) -> u64 {
    v[key].as_u64().unwrap_or_else(|| panic!("{key} in {v}"))
}

#[test]
fn web_archives_index_their_pages() {
    let Some(env) = with_files("warc", &[NEWS]) else {
        return;
    };
    let dir = corpus("warc").unwrap();
    for f in [
        "commoncrawl-whirlwind/whirlwind.warc.wet.gz",
        "commoncrawl-whirlwind/whirlwind.warc.wat.gz",
        "warcio-testdata/example.arc",
    ] {
        let name = f.rsplit('/').next().unwrap();
        fs::copy(dir.join(f), env.corpus().join(name)).unwrap();
    }
    let r = env.index_corpus();
    // 73 news pages, the WET page, the ARC page; the WAT file has none.
    assert_eq!(n(&r, "articles_total"), 75, "{r}");
    assert!(r["skipped"].as_array().unwrap().is_empty(), "{r}");
    // What is not a page is counted by kind, not dropped without a word.
    let passed = &r["records_passed_over"];
    assert!(passed.as_object().is_some_and(|m| !m.is_empty()), "{r}");

    let (code, hits) = env.search_json(&["KEmulator"]);
    assert_eq!(code, 0);
    let id = hits[0]["id"].as_str().unwrap();
    assert!(id.contains(NEWS) && id.contains('#'), "{id}");
    let out = env.run(&["--json", "show", id]);
    assert_status(&out, 0);
    let a: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        a["url"],
        "http://blog.todamax.net/2018/midp-emulator-kemulator-und-brick-challenge/"
    );
    // The page's own date, not the crawl's (2025-01-01 in every record).
    let date = a["date"].as_str().unwrap();
    assert!(date.starts_with("2018-02-15"), "{date}");
}

#[test]
fn a_damaged_archive_keeps_its_good_records() {
    let Some(dir) = corpus("warc/warcio-testdata") else {
        return;
    };
    // A response whose length is 2 bytes short, then good records.
    let mut bytes = fs::read(dir.join("example-trunc.warc")).unwrap();
    bytes.extend(fs::read(dir.join("example.warc")).unwrap());
    let env = Env::empty();
    env.write("crawl.warc", &bytes);
    let r = env.index_corpus();
    assert_eq!(n(&r, "articles_total"), 1, "{r}");
    let skipped = serde_json::to_string(&r["skipped"]).unwrap();
    assert!(
        skipped.contains("crawl.warc") && skipped.contains("WARC record at byte 1197"),
        "{skipped}"
    );
    let (code, hits) = env.search_json(&["illustrative examples"]);
    assert_eq!((code, hits.len()), (0, 1));
    // --strict: the same damage is fatal, the good record still indexed.
    let out = env.run(&["index", "--strict", "corpus"]);
    assert_status(&out, 2);
    let said = format!("{}{}", stdout(&out), stderr(&out));
    assert!(
        said.contains("crawl.warc:31: WARC record at byte 1197"),
        "{said}"
    );
    assert_eq!(env.search_json(&["illustrative examples"]).1.len(), 1);
}

#[test]
fn copies_of_a_crawl_are_one_story_each_page() {
    let Some(dir) = corpus("warc") else {
        return;
    };
    let env = Env::empty();
    fs::copy(dir.join(NEWS), env.corpus().join("crawl-2025.warc.gz")).unwrap();
    fs::copy(dir.join(NEWS), env.corpus().join("crawl-2026.warc.gz")).unwrap();
    let r = env.index_corpus();
    assert_eq!(n(&r, "articles_total"), 146, "{r}");
    let out = env.run(&["--json", "duplicates"]);
    assert_status(&out, 0);
    let groups: Vec<Value> = stdout(&out)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let pairs = groups
        .iter()
        .filter(|g| {
            let mut ids: Vec<&str> = g["members"]
                .as_array()
                .unwrap()
                .iter()
                .map(|m| m["id"].as_str().unwrap())
                .collect();
            ids.sort();
            ids.len() == 2
                && ids[0].contains("crawl-2025")
                && ids[1].contains("crawl-2026")
                && ids[0].split('#').nth(1) == ids[1].split('#').nth(1)
        })
        .count();
    eprintln!("{} story groups, {pairs} pairs of one page", groups.len());
    assert!(pairs >= 70, "{pairs} of 73 pages paired");
}

/// A web archive larger than `--max-file-size` is read as a stream, the
/// limit holding for each record; re-indexing after a record is appended
/// adds that record once and keeps the rest (issue #23: memory does not
/// grow with the file).
#[test]
fn a_web_archive_over_the_file_size_limit_is_streamed() {
    let Some(env) = with_files("warc", &[NEWS]) else {
        return;
    };
    let index = |extra: &[&str]| -> Value {
        let mut args = vec!["--json", "index", "--max-file-size", "1"];
        args.extend_from_slice(extra);
        args.push("corpus");
        let out = env.run(&args);
        assert_status(&out, 0);
        serde_json::from_slice(&out.stdout).unwrap()
    };
    let size = fs::metadata(env.corpus().join(NEWS)).unwrap().len();
    assert!(size > 1 << 20, "the sample must be over the 1 MB limit");
    let r = index(&[]);
    assert_eq!(n(&r, "articles_total"), 73, "{r}");
    assert!(r["skipped"].as_array().unwrap().is_empty(), "{r}");

    // Unchanged: nothing read again.
    let r = index(&[]);
    assert_eq!(n(&r, "files_unchanged"), 1, "{r}");
    assert_eq!(n(&r, "articles_unchanged"), 73, "{r}");

    // One more page appended: 74 articles, none twice.
    let dir = corpus("warc").unwrap();
    let mut bytes = fs::read(env.corpus().join(NEWS)).unwrap();
    bytes.extend(fs::read(dir.join("warcio-testdata/example.warc.gz")).unwrap());
    fs::write(env.corpus().join(NEWS), bytes).unwrap();
    let r = index(&[]);
    assert_eq!(n(&r, "articles_added"), 1, "{r}");
    assert_eq!(n(&r, "articles_unchanged"), 73, "{r}");
    assert_eq!(n(&r, "articles_total"), 74, "{r}");
    let (_, hits) = env.search_json(&["--all-copies", "--limit", "200", "KEmulator"]);
    let ids: Vec<&str> = hits.iter().map(|h| h["id"].as_str().unwrap()).collect();
    let mut unique = ids.clone();
    unique.dedup();
    assert_eq!(ids.len(), unique.len(), "{ids:?}");
}
