//! Zip and tar archives with the real binary (issue #23): every article
//! named by its member (`day.zip#2015-07-23.json#1`, `pages.tar#a.html`),
//! ids that `show` takes whole or cut at a `#`, and damaged archives
//! (cut short, a corrupt member, not an archive at all) keeping what can be
//! read, reported in one line naming the file and member, fatal under
//! `--strict`. Archives are built here, in the test's own folder.

use std::io::{Cursor, Write};

use serde_json::Value;

use crate::util::{assert_status, stderr, stdout, Env};

/// A JSON array of three articles, one of them about a harbour fire.
const DAY: &str = r#"[
{"title": "Flood warning for the valley", "content": "The river rose overnight in the valley."},
{"title": "Council budget approved", "content": "The council voted for the new budget."},
{"title": "Harbour fire contained", "content": "Firefighters contained the blaze at the harbour."}
]"#;

const PAGE: &str = "<html><head><title>Lighthouse keeper retires</title></head>\
    <body><article><p>The lighthouse keeper retired after forty years on the rock.</p>\
    </article></body></html>";

fn zip_of(files: &[(&str, &[u8])]) -> Vec<u8> {
    let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for (name, bytes) in files {
        w.start_file(*name, opts).unwrap();
        w.write_all(bytes).unwrap();
    }
    w.finish().unwrap().into_inner()
}

fn tar_of(files: &[(&str, &[u8])]) -> Vec<u8> {
    let mut b = tar::Builder::new(Vec::new());
    for (name, bytes) in files {
        let mut h = tar::Header::new_gnu();
        h.set_size(bytes.len() as u64);
        h.set_mode(0o644);
        h.set_cksum();
        b.append_data(&mut h, name, *bytes).unwrap();
    }
    b.into_inner().unwrap()
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    gz.write_all(bytes).unwrap();
    gz.finish().unwrap()
}

/// The one hit of a search, as JSON.
fn only_hit(env: &Env, query: &str) -> Value {
    let (code, hits) = env.search_json(&[query]);
    assert_eq!((code, hits.len()), (0, 1), "{query}: {hits:?}");
    hits.into_iter().next().unwrap()
}

/// `show --json KEY`: the articles it prints, one JSON object a line.
fn show(env: &Env, key: &str) -> Vec<Value> {
    let out = env.run(&["--json", "show", key]);
    assert_status(&out, 0);
    stdout(&out)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

#[test]
fn archive_articles_are_named_by_their_member() {
    let env = Env::empty();
    env.write(
        "day.zip",
        zip_of(&[
            ("2015-07-23.json", DAY.as_bytes()),
            ("pages/lighthouse.html", PAGE.as_bytes()),
        ]),
    );
    env.write(
        "pages.tar.gz",
        gzip(&tar_of(&[("a.html", PAGE.as_bytes())])),
    );
    // Files beside them keep the ids they always had.
    env.write("plain.json", DAY);
    env.write(
        "note.txt",
        "Tram line reopens\n\nThe tram line reopened today.",
    );
    let r = env.index_corpus();
    assert_eq!(r["articles_total"], 3 + 1 + 1 + 3 + 1, "{r}");
    assert!(r["skipped"].as_array().unwrap().is_empty(), "{r}");

    // A record of a member holding several: `#member#n`, n within it.
    // (The copy in plain.json is the same story: --all-copies shows both.)
    let (_, hits) = env.search_json(&["Council budget approved", "--all-copies"]);
    let mut ids: Vec<&str> = hits.iter().map(|h| h["id"].as_str().unwrap()).collect();
    ids.sort();
    assert_eq!(
        ids,
        ["corpus/day.zip#2015-07-23.json#1", "corpus/plain.json#1"],
        "{hits:?}"
    );
    let a = show(&env, "corpus/day.zip#2015-07-23.json#1");
    assert_eq!(a.len(), 1);
    assert_eq!(a[0]["title"], "Council budget approved");
    assert_eq!(a[0]["id"], "corpus/day.zip#2015-07-23.json#1");
    // A member that is one article: `#member`, no number.
    let (_, hits) = env.search_json(&["lighthouse keeper", "--all-copies"]);
    let mut ids: Vec<&str> = hits.iter().map(|h| h["id"].as_str().unwrap()).collect();
    ids.sort();
    assert_eq!(
        ids,
        [
            "corpus/day.zip#pages/lighthouse.html",
            "corpus/pages.tar.gz#a.html"
        ]
    );
    let a = show(&env, "corpus/pages.tar.gz#a.html");
    assert_eq!(a[0]["title"], "Lighthouse keeper retires");

    // An id cut at a `#`: the member's records, the archive's articles.
    assert_eq!(show(&env, "corpus/day.zip#2015-07-23.json").len(), 3);
    assert_eq!(show(&env, "corpus/day.zip").len(), 4);
    let out = env.run(&["show", "corpus/day.zip"]);
    assert_status(&out, 0);
    assert!(
        stdout(&out).contains("corpus/day.zip#2015-07-23.json#2  Harbour fire contained"),
        "{}",
        stdout(&out)
    );
    // Old ids of other files are unchanged.
    assert_eq!(
        show(&env, "corpus/plain.json#2")[0]["title"],
        "Harbour fire contained"
    );
    assert_eq!(
        show(&env, "corpus/note.txt")[0]["title"],
        "Tram line reopens"
    );

    // The text output names the member too, without the member's line
    // passed off as the archive file's.
    let out = env.run(&["search", "Harbour fire", "--all-copies"]);
    assert_status(&out, 0);
    let text = stdout(&out);
    assert!(
        text.contains("corpus/day.zip#2015-07-23.json#2 · corpus/day.zip\n"),
        "{text}"
    );
}

/// A JSON article whose headline and text carry `word`, a little under
/// 512 bytes: one tar block of data.
fn story(word: &str) -> String {
    format!(
        r#"{{"title": "{word} story", "content": "{}"}}"#,
        format!("{word} ").repeat(40)
    )
}

fn find(hay: &[u8], needle: &[u8]) -> usize {
    hay.windows(needle.len()).position(|w| w == needle).unwrap()
}

#[test]
fn a_damaged_archive_keeps_its_readable_members() {
    let env = Env::empty();
    // A tar cut short in the data of its third member.
    let tar = tar_of(&[
        ("a.json", story("alpha").as_bytes()),
        ("b.json", story("bravo").as_bytes()),
        ("c.json", story("charlie").as_bytes()),
    ]);
    env.write("cut.tar", &tar[..2 * 1024 + 512 + 100]);
    // A zip cut short in its third member: no directory left.
    let zip = zip_of(&[
        ("d.json", story("delta").as_bytes()),
        ("e.json", story("echo").as_bytes()),
        ("f.json", story("foxtrot").as_bytes()),
    ]);
    env.write("cut.zip", &zip[..find(&zip, b"f.json") + 20]);
    // A zip whose second member's deflated data is damaged.
    let mut bad = zip_of(&[
        ("g.json", story("golf").as_bytes()),
        ("h.json", story("hotel").as_bytes()),
        ("i.json", story("india").as_bytes()),
    ]);
    let at = find(&bad, b"h.json") + 6 + 4;
    for byte in &mut bad[at..at + 8] {
        *byte ^= 0x5a;
    }
    env.write("bad.zip", &bad);
    // Not a zip at all.
    env.write("fake.zip", "These are my notes, not an archive.\n");

    let r = env.index_corpus();
    assert_eq!(r["skipped"].as_array().unwrap().len(), 5, "{r}");
    // Whole members before and around the damage are indexed.
    for word in ["alpha", "bravo", "delta", "echo", "golf", "india"] {
        only_hit(&env, word);
    }
    assert_eq!(r["articles_total"], 6, "{r}");
    let skipped = r["skipped"].as_array().unwrap();
    let said: Vec<String> = skipped
        .iter()
        .map(|s| format!("{}: {}", s["path"].as_str().unwrap(), s["reason"]))
        .collect();
    let has = |file: &str, what: &str| {
        said.iter()
            .any(|s| s.contains(&format!("/corpus/{file}: ")) && s.contains(what))
    };
    assert!(
        has("cut.tar", "member c.json: cannot unpack: member cut short"),
        "{said:#?}"
    );
    assert!(has("cut.zip", "zip directory unreadable"), "{said:#?}");
    assert!(has("cut.zip", "member f.json"), "{said:#?}");
    assert!(has("bad.zip", "member h.json: cannot unpack"), "{said:#?}");
    assert!(has("fake.zip", "not a readable zip archive"), "{said:#?}");
    // No line number: a member's problem is not at a line of the archive.
    assert!(skipped.iter().all(|s| s["line"].is_null()), "{r}");

    // The text summary: one line for each, naming the file and member.
    let out = env.run(&["index", "--strict", "corpus"]);
    // Nothing changed: the recorded problems still fail --strict.
    assert_status(&out, 2);
    let text = format!("{}{}", stdout(&out), stderr(&out));
    assert!(text.contains("--strict"), "{text}");
    let problems: Vec<&str> = text
        .lines()
        .filter(|l| l.contains("/corpus/") && (l.contains(".zip: ") || l.contains(".tar: ")))
        .collect();
    assert_eq!(problems.len(), 5, "{text}");
    assert!(
        problems.iter().any(|l| l.ends_with(
            "/corpus/cut.tar: member c.json: cannot unpack: member cut short: 100 of 361 bytes (the archive ends early)"
        )),
        "{text}"
    );

    // Without --strict the same run succeeds, the problems in its summary.
    let out = env.run(&["index", "corpus"]);
    assert_status(&out, 0);
    let text = format!("{}{}", stdout(&out), stderr(&out));
    assert!(text.contains("skipped 5:"), "{text}");
    assert!(!text.contains("--strict"), "{text}");
}
