//! Issue #5 (Reliability), part 1 and 4: messy input and broken indexes.
//!
//! Every nasty file is built here, in a temporary folder. The promise each
//! test checks: no panic, every good article indexed, every skipped file or
//! record listed with its path and reason (JSON and text summary), exit 0
//! unless `--strict`; a broken index gives one line naming `newsdex rebuild`.

use std::fs;
use std::path::Path;

use serde_json::Value;

use crate::util::{assert_status, stderr, stdout, Env};

fn n(v: &Value, key: &str) -> u64 {
    v[key]
        .as_u64()
        .unwrap_or_else(|| panic!("{key} missing in {v}"))
}

/// The skipped entries of a summary as (file name, line, reason).
fn skipped(r: &Value) -> Vec<(String, Option<u64>, String)> {
    r["skipped"]
        .as_array()
        .unwrap_or_else(|| panic!("no skipped list in {r}"))
        .iter()
        .map(|s| {
            let path = s["path"].as_str().unwrap();
            let name = Path::new(path)
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            (
                name,
                s["line"].as_u64(),
                s["reason"].as_str().unwrap().into(),
            )
        })
        .collect()
}

/// Asserts that `name` was skipped with a reason containing `why`.
fn assert_skipped(r: &Value, name: &str, why: &str) {
    let list = skipped(r);
    assert!(
        list.iter()
            .any(|(f, _, reason)| f == name && reason.to_lowercase().contains(why)),
        "{name} not skipped for `{why}`: {list:?}"
    );
}

/// Indexes `corpus/` with `--json`, checks exit 0, no panic, and returns the
/// summary.
fn index(env: &Env, extra: &[&str]) -> Value {
    let mut args = vec!["--json", "index"];
    args.extend_from_slice(extra);
    args.push("corpus");
    let out = env.run(&args);
    assert_status(&out, 0);
    assert!(!stderr(&out).contains("panicked"), "{}", stderr(&out));
    serde_json::from_slice(&out.stdout).expect("one JSON summary")
}

fn good(env: &Env, rel: &str, word: &str) {
    env.write(
        rel,
        format!("Good article about {word}\n\nA proper body mentioning {word} twice: {word}.\n"),
    );
}

fn hits(env: &Env, query: &str) -> Vec<Value> {
    // Every copy: these tests index one text several ways on purpose.
    let (code, hits) = env.search_json(&[query, "--all-copies"]);
    assert!(code == 0 || code == 1, "search {query} exit {code}");
    hits
}

#[test]
fn binary_files_are_reported_not_indexed() {
    let env = Env::empty();
    good(&env, "good.txt", "harbour");
    env.write("nul.txt", b"Headline\n\nBody\0with a NUL byte\0\0\0");
    env.write("photo.txt", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01\0");
    env.write("scan.html", b"\xff\xd8\xff\xe0\0\x10JFIF\0\x01\x01\0\0\x01");
    env.write("data.json", b"\0\0\0\x01\x02garbage");
    let r = index(&env, &[]);
    assert_eq!(n(&r, "articles_total"), 1, "{r}");
    for name in ["nul.txt", "photo.txt", "scan.html", "data.json"] {
        assert_skipped(&r, name, "binary");
    }
    assert_eq!(hits(&env, "harbour").len(), 1);
}

#[test]
fn invalid_utf8_keeps_the_good_text() {
    let env = Env::empty();
    // UTF-8 with one stray byte: decoded as UTF-8, the bad byte replaced.
    env.write(
        "stray.txt",
        b"Caf\xc3\xa9 owners protest\n\nThe caf\xc3\xa9 owners \xff marched on Tuesday.\n",
    );
    let r = index(&env, &[]);
    assert_eq!(n(&r, "articles_total"), 1, "{r}");
    let h = hits(&env, "marched");
    assert_eq!(h.len(), 1);
    assert_eq!(h[0]["title"], "Café owners protest");
}

#[test]
fn windows_1252_and_latin1_are_decoded() {
    let env = Env::empty();
    env.write(
        "cp1252.txt",
        b"Caf\xe9 rents rise\n\nRent is now \xa31,400 a month, \x93too much\x94, the owner said \x96 again.\n",
    );
    // Latin-1 proper (no 0x80-0x9F bytes).
    env.write(
        "latin1.txt",
        b"Na\xefve r\xe9sum\xe9 in Z\xfcrich\n\nThe gar\xe7on read the r\xe9sum\xe9.\n",
    );
    let r = index(&env, &[]);
    assert_eq!(n(&r, "articles_total"), 2, "{r}");
    assert!(skipped(&r).is_empty(), "{r}");

    let out = env.run(&["export"]);
    assert_status(&out, 0);
    let all = stdout(&out);
    assert!(all.contains("Café rents rise"), "{all}");
    assert!(all.contains("£1,400"), "{all}");
    assert!(all.contains("“too much”"), "{all}");
    assert!(all.contains("Naïve résumé in Zürich"), "{all}");
    assert!(all.contains("garçon"), "{all}");
    // Accent-folded search finds the decoded words.
    assert_eq!(hits(&env, "cafe").len(), 1);
    assert_eq!(hits(&env, "zurich").len(), 1);
}

#[test]
fn utf16_with_a_bom_is_decoded() {
    let env = Env::empty();
    let text = "Pound hits £2 record\n\nSterling traded at a record, café owners said.\n";
    let mut le = vec![0xFF, 0xFE];
    let mut be = vec![0xFE, 0xFF];
    for u in text.encode_utf16() {
        le.extend_from_slice(&u.to_le_bytes());
        be.extend_from_slice(&u.to_be_bytes());
    }
    env.write("le.txt", le);
    env.write("be.txt", be);
    let mut bom8 = b"\xef\xbb\xbf".to_vec();
    bom8.extend_from_slice(text.replace("Pound", "Euro").as_bytes());
    env.write("bom8.txt", bom8);
    let r = index(&env, &[]);
    assert_eq!(n(&r, "articles_total"), 3, "{r}");
    let titles: Vec<String> = hits(&env, "sterling")
        .iter()
        .map(|h| h["title"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(titles.len(), 3, "{titles:?}");
    assert!(titles.contains(&"Pound hits £2 record".to_string()));
    assert!(titles.contains(&"Euro hits £2 record".to_string()));
}

#[test]
fn empty_and_whitespace_only_files_are_reported() {
    let env = Env::empty();
    good(&env, "good.txt", "lighthouse");
    env.write("empty.txt", "");
    env.write("blank.txt", " \n\t\n   \r\n");
    env.write("empty.json", "");
    env.write("blank.jsonl", "\n\n   \n");
    env.write("empty.html", "");
    env.write("empty.sgm", "   ");
    let r = index(&env, &[]);
    assert_eq!(n(&r, "articles_total"), 1, "{r}");
    for name in [
        "empty.txt",
        "blank.txt",
        "empty.json",
        "blank.jsonl",
        "empty.html",
        "empty.sgm",
    ] {
        assert_skipped(&r, name, "empty");
    }
}

#[test]
fn headline_without_body_is_indexed_by_its_headline() {
    let env = Env::empty();
    env.write("only.txt", "Volcano erupts on remote island\n");
    let r = index(&env, &[]);
    assert_eq!(n(&r, "articles_total"), 1, "{r}");
    let h = hits(&env, "volcano");
    assert_eq!(h.len(), 1);
    assert_eq!(h[0]["title"], "Volcano erupts on remote island");
}

/// A 200 MB file (sparse, so it costs no disk) is skipped at the default
/// `--max-file-size` of 64 MB, and a 2 MB one at `--max-file-size 1`.
#[test]
fn oversized_files_are_skipped_at_max_file_size() {
    let env = Env::empty();
    good(&env, "good.txt", "glacier");
    let big = env.write("huge.txt", "Huge headline\n\nBody.\n");
    let f = fs::File::options().write(true).open(&big).unwrap();
    f.set_len(200 << 20).unwrap();
    drop(f);
    let r = index(&env, &[]);
    assert_eq!(n(&r, "articles_total"), 1, "{r}");
    assert_skipped(&r, "huge.txt", "200 mb, over --max-file-size 64 mb");

    let mut two_mb = b"Two megabytes\n\n".to_vec();
    two_mb.resize(2 << 20, b'x');
    env.write("two.txt", two_mb);
    let r = index(&env, &["--max-file-size", "1"]);
    assert_skipped(&r, "two.txt", "over --max-file-size 1 mb");
    assert_skipped(&r, "huge.txt", "over --max-file-size 1 mb");
    assert_eq!(n(&r, "articles_total"), 1, "{r}");
    // Over the limit after a change: skipped, and what was indexed is kept.
    let r = index(&env, &["--max-file-size", "3"]);
    assert_eq!(n(&r, "articles_total"), 2, "{r}");
    let mut three_mb = b"Two megabytes\n\n".to_vec();
    three_mb.resize(4 << 20, b'y');
    env.write("two.txt", three_mb);
    let r = index(&env, &["--max-file-size", "3"]);
    assert_skipped(&r, "two.txt", "4 mb, over --max-file-size 3 mb");
    assert_eq!(n(&r, "articles_total"), 2, "{r}");
    fs::remove_file(&big).unwrap();
}

#[test]
fn very_long_lines_are_indexed_with_a_bounded_title() {
    let env = Env::empty();
    // 4 MB on one line, no line break anywhere.
    let mut line = String::new();
    while line.len() < 4 << 20 {
        line.push_str("the tribunal heard evidence about quarry blasting ");
    }
    env.write("oneline.txt", &line);
    env.write("longbody.txt", format!("Quarry inquiry opens\n\n{line}\n"));
    let record = serde_json::json!({"title": "Quarry ruling", "body": line});
    env.write("long.jsonl", format!("{record}\n{record}\n"));
    good(&env, "short.txt", "gravel");
    let r = index(&env, &[]);
    assert_eq!(n(&r, "articles_total"), 5, "{r}");
    // Checked through `export`: snippet-making over 4 MB bodies is the
    // search module's concern, not this one's.
    let out = env.run(&["export"]);
    assert_status(&out, 0);
    let mut long = 0;
    for line in stdout(&out).lines() {
        let a: Value = serde_json::from_str(line).unwrap();
        let title = a["title"].as_str().unwrap();
        assert!(
            title.chars().count() <= 300,
            "title of {} chars",
            title.len()
        );
        if a["body"].as_str().unwrap().len() >= 4 << 20 {
            long += 1;
        }
    }
    assert!(long >= 3, "the long text is kept in full");
    assert_eq!(hits(&env, "gravel").len(), 1);
}

#[test]
fn deeply_nested_folders_are_walked() {
    let env = Env::empty();
    let mut rel = String::new();
    for i in 0..100 {
        rel.push_str(&format!("d{i}/"));
    }
    good(&env, &format!("{rel}deep.txt"), "abyss");
    good(&env, "shallow.txt", "surface");
    let r = index(&env, &[]);
    assert_eq!(n(&r, "articles_total"), 2, "{r}");
    let h = hits(&env, "abyss");
    assert_eq!(h.len(), 1);
    // The folder holding the file gives the section.
    assert_eq!(h[0]["section"], "d99");
}

#[cfg(unix)]
#[test]
fn symlink_loops_and_dangling_links_are_reported() {
    use std::os::unix::fs::symlink;
    let env = Env::empty();
    good(&env, "news/a.txt", "meteor");
    symlink(env.corpus(), env.corpus().join("news/loop")).unwrap();
    symlink(
        env.corpus().join("gone.txt"),
        env.corpus().join("dangling.txt"),
    )
    .unwrap();
    // A link to a good file is followed (the file counts once).
    symlink(
        env.corpus().join("news/a.txt"),
        env.corpus().join("alias.txt"),
    )
    .unwrap();
    let r = index(&env, &[]);
    assert_skipped(&r, "loop", "loop");
    assert_skipped(&r, "dangling.txt", "broken symbolic link");
    assert_eq!(hits(&env, "meteor").len(), 2, "{r}");

    // Re-running is stable: nothing re-parsed, the same problems listed.
    let again = index(&env, &[]);
    assert_eq!(n(&again, "files_parsed"), 0, "{again}");
    assert_eq!(skipped(&again).len(), skipped(&r).len(), "{again}");
}

#[cfg(unix)]
#[test]
fn odd_file_names_are_indexed_and_not_confused() {
    use std::ffi::OsStr;
    use std::os::unix::ffi::OsStrExt;
    let env = Env::empty();
    good(&env, "with space.txt", "otter");
    good(&env, "new\nline.txt", "badger");
    // Two Latin-1 names that differ only in a byte that is not UTF-8:
    // `café.txt` and `cafè.txt`. A lossy conversion makes them one name.
    for (byte, word) in [(0xe9u8, "walrus"), (0xe8u8, "narwhal")] {
        let name = [b"caf".as_slice(), &[byte], b".txt"].concat();
        let path = env.corpus().join(OsStr::from_bytes(&name));
        fs::write(&path, format!("Story about a {word}\n\nThe {word} swam.\n")).unwrap();
    }
    let r = index(&env, &[]);
    assert_eq!(n(&r, "articles_total"), 4, "{r}");
    assert!(skipped(&r).is_empty(), "{r}");
    for word in ["otter", "badger", "walrus", "narwhal"] {
        assert_eq!(hits(&env, word).len(), 1, "{word}");
    }
    let ids: Vec<String> = ["walrus", "narwhal"]
        .iter()
        .map(|w| hits(&env, w)[0]["id"].as_str().unwrap().to_string())
        .collect();
    assert_ne!(ids[0], ids[1], "two files, two ids");

    // A second run re-parses nothing; deleting one keeps the other.
    let again = index(&env, &[]);
    assert_eq!(n(&again, "files_parsed"), 0, "{again}");
    assert_eq!(n(&again, "files_unchanged"), 4, "{again}");
    fs::remove_file(env.corpus().join(OsStr::from_bytes(b"caf\xe9.txt"))).unwrap();
    let after = index(&env, &[]);
    assert_eq!(n(&after, "articles_total"), 3, "{after}");
    assert_eq!(hits(&env, "walrus").len(), 0);
    assert_eq!(hits(&env, "narwhal").len(), 1);
}

#[test]
fn truncated_json_is_reported() {
    let env = Env::empty();
    good(&env, "good.txt", "pelican");
    env.write(
        "cut.json",
        r#"{"title": "Cut off", "body": "The text stops in the midd"#,
    );
    env.write(
        "cutarray.json",
        r#"[{"title": "First", "body": "Fine."}, {"title": "Second", "bo"#,
    );
    let r = index(&env, &[]);
    assert_eq!(n(&r, "articles_total"), 1, "{r}");
    assert_skipped(&r, "cut.json", "invalid json");
    assert_skipped(&r, "cutarray.json", "invalid json");
}

#[test]
fn jsonl_bad_line_is_reported_with_its_number() {
    let env = Env::empty();
    let lines = [
        r#"{"title": "Dam opens", "body": "The dam opened."}"#,
        r#"{"title": "Broken", "body": "no closing"#,
        r#"{"title": "Dam closes", "body": "The dam closed."}"#,
        r#"[1, 2, 3]"#,
        r#"{"title": "Dam repaired", "body": "The dam was repaired."}"#,
    ];
    env.write("feed.jsonl", lines.join("\n"));
    let r = index(&env, &[]);
    assert_eq!(n(&r, "articles_total"), 3, "{r}");
    let list = skipped(&r);
    assert_eq!(list.len(), 2, "{list:?}");
    assert_eq!(list[0].0, "feed.jsonl");
    assert_eq!(list[0].1, Some(2), "{list:?}");
    assert_eq!(list[1].1, Some(4), "{list:?}");
    assert_eq!(hits(&env, "dam").len(), 3);

    // The text summary names the file, the line and the reason.
    let out = env.run(&["index", "--strict", "corpus"]);
    let err = stderr(&out);
    assert!(err.contains("feed.jsonl"), "{err}");
    assert!(err.contains('2'), "{err}");
}

#[test]
fn html_without_a_body_is_handled() {
    let env = Env::empty();
    env.write(
        "nobody.html",
        "<html><head><title>Only a title</title></head></html>",
    );
    env.write(
        "bare.html",
        "<html><head><title>Flood warning issued</title></head>The river rose overnight.</html>",
    );
    env.write(
        "fragment.html",
        "<p>Ferry <b>strike</b> ends</p><p>Ferries sail again.",
    );
    let r = index(&env, &[]);
    let total = n(&r, "articles_total");
    // Each file is either indexed or listed; none vanishes silently.
    assert_eq!(total + skipped(&r).len() as u64, 3, "{r}");
    assert_eq!(hits(&env, "flood").len(), 1, "{r}");
    assert_eq!(hits(&env, "ferries").len(), 1, "{r}");
}

#[test]
fn sgml_with_missing_closing_tags_keeps_its_articles() {
    let env = Env::empty();
    let sgm = "<!DOCTYPE lewis SYSTEM \"lewis.dtd\">\n\
<REUTERS NEWID=\"1\"><DATE>26-FEB-1987 15:01:01.79</DATE><TOPICS><D>crude</D></TOPICS>\n\
<TEXT><TITLE>OIL PRICES RISE<DATELINE>HOUSTON, Feb 26 -<BODY>Crude oil prices rose sharply today.\n\
<REUTERS NEWID=\"2\"><TEXT><TITLE>COCOA TALKS STALL\n<BODY>Cocoa producers failed to agree.\n\
</TEXT></REUTERS>\n\
<REUTERS NEWID=\"3\"><TEXT><BODY>Zinc output fell in January.\n";
    env.write("reut2-000.sgm", sgm);
    let r = index(&env, &[]);
    assert_eq!(n(&r, "articles_total"), 3, "{r}");
    assert_eq!(hits(&env, "crude").len(), 1);
    assert_eq!(hits(&env, "cocoa").len(), 1);
    assert_eq!(hits(&env, "zinc").len(), 1);
}

#[cfg(unix)]
#[test]
fn unreadable_file_is_reported_or_read() {
    use std::os::unix::fs::PermissionsExt;
    let env = Env::empty();
    let path = env.write("secret.txt", "Secret memo\n\nNot for you.\n");
    fs::set_permissions(&path, fs::Permissions::from_mode(0o000)).unwrap();
    // Root reads anything, so the outcome depends on who runs the test.
    let readable = fs::read(&path).is_ok();
    let r = index(&env, &[]);
    if readable {
        assert_eq!(n(&r, "articles_total"), 1, "{r}");
    } else {
        assert_eq!(n(&r, "articles_total"), 0, "{r}");
        assert_skipped(&r, "secret.txt", "permission denied");
    }
    fs::set_permissions(&path, fs::Permissions::from_mode(0o644)).unwrap();
}

/// All the bad cases in one corpus: the summary lists each (JSON and
/// text), exit 0, and `--strict` turns it into exit 2.
#[test]
fn summary_lists_every_skip_and_strict_fails() {
    let env = Env::empty();
    good(&env, "good.txt", "albatross");
    env.write("nul.txt", b"a\0b");
    env.write("empty.txt", "");
    env.write("cut.json", "{\"title\": ");
    env.write("feed.jsonl", "{\"title\":\"ok\",\"body\":\"fine\"}\n{bad\n");
    let r = index(&env, &[]);
    let names: Vec<String> = skipped(&r).into_iter().map(|s| s.0).collect();
    assert_eq!(names, ["cut.json", "empty.txt", "feed.jsonl", "nul.txt"]);

    let out = env.run(&["index", "corpus"]);
    assert_status(&out, 0);
    let err = stderr(&out);
    for name in &names {
        assert!(err.contains(name.as_str()), "{name} missing from\n{err}");
    }

    let out = env.run(&["--json", "index", "--strict", "corpus"]);
    assert_status(&out, 2);
    let r: Value = serde_json::from_slice(&out.stdout).expect("summary still printed");
    assert_eq!(skipped(&r).len(), 4);
}

// ---- Broken or foreign indexes (part 4) ----

/// The live generation's tantivy folder.
fn tantivy_dir(env: &Env) -> std::path::PathBuf {
    let current = fs::read_to_string(env.index().join("CURRENT")).unwrap();
    env.index().join(current.trim()).join("tantivy")
}

fn segment_file(env: &Env, ext: &str) -> std::path::PathBuf {
    fs::read_dir(tantivy_dir(env))
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .find(|p| p.extension().is_some_and(|e| e == ext))
        .unwrap_or_else(|| panic!("no .{ext} file"))
}

/// Every reading and writing command fails with one line naming
/// `newsdex rebuild`; then `rebuild` repairs the index.
fn assert_rebuild_repairs(env: &Env, what: &str) {
    for args in [
        &["search", "bridge"][..],
        &["stats"],
        &["export"],
        &["index", "corpus"],
    ] {
        let out = env.run(args);
        assert_status(&out, 2);
        let err = stderr(&out);
        assert_eq!(err.lines().count(), 1, "{what}, {args:?}: {err}");
        assert!(
            err.contains("newsdex rebuild") && !err.contains("panicked"),
            "{what}, {args:?}: {err}"
        );
    }
    let out = env.run(&["--json", "rebuild"]);
    assert_status(&out, 0);
    let r: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(n(&r, "articles_total"), 2, "{what}: {r}");
    assert_eq!(hits(env, "bridge").len(), 1, "{what}");
}

fn two_articles() -> Env {
    let env = Env::empty();
    good(&env, "a.txt", "bridge");
    good(&env, "b.txt", "tunnel");
    index(&env, &[]);
    env
}

#[test]
fn missing_index_says_how_to_make_one() {
    let env = Env::empty();
    for args in [
        &["search", "x"][..],
        &["stats"],
        &["export"],
        &["show", "x"],
    ] {
        let out = env.run(args);
        assert_status(&out, 2);
        let err = stderr(&out);
        assert!(
            err.contains("no index at") && err.contains("newsdex index DIR"),
            "{err}"
        );
    }
}

#[test]
fn truncated_segment_file_asks_for_rebuild() {
    for ext in ["store", "term", "idx", "pos", "fast", "fieldnorm"] {
        let env = two_articles();
        let f = fs::File::options()
            .write(true)
            .open(segment_file(&env, ext))
            .unwrap();
        let len = f.metadata().unwrap().len();
        f.set_len(len / 2).unwrap();
        drop(f);
        assert_rebuild_repairs(&env, &format!("truncated .{ext}"));
    }
}

#[test]
fn deleted_segment_file_asks_for_rebuild() {
    for ext in ["store", "term", "pos"] {
        let env = two_articles();
        fs::remove_file(segment_file(&env, ext)).unwrap();
        assert_rebuild_repairs(&env, &format!("deleted .{ext}"));
    }
}

#[test]
fn garbage_tantivy_meta_asks_for_rebuild() {
    let env = two_articles();
    fs::write(tantivy_dir(&env).join("meta.json"), "garbage{").unwrap();
    assert_rebuild_repairs(&env, "garbage meta.json");
    let env = two_articles();
    fs::remove_file(tantivy_dir(&env).join("meta.json")).unwrap();
    assert_rebuild_repairs(&env, "missing meta.json");
}

#[test]
fn garbage_current_file_asks_for_rebuild_or_reindex() {
    let env = two_articles();
    fs::write(env.index().join("CURRENT"), "../../etc\n").unwrap();
    let out = env.run(&["search", "bridge"]);
    assert_status(&out, 2);
    let err = stderr(&out);
    assert!(err.contains("damaged") && err.contains("CURRENT"), "{err}");
}

#[test]
fn damaged_manifest_says_what_to_do() {
    let env = two_articles();
    let gen = tantivy_dir(&env).parent().unwrap().to_path_buf();
    fs::write(gen.join("manifest.json"), "{\"schema_version\": ").unwrap();
    for args in [&["search", "bridge"][..], &["index", "corpus"]] {
        let out = env.run(args);
        assert_status(&out, 2);
        let err = stderr(&out);
        assert!(err.contains("manifest.json"), "{err}");
        assert!(err.contains("newsdex index DIR"), "{err}");
    }
    // Rebuild cannot know the source folders, and says so in one line.
    let out = env.run(&["rebuild"]);
    assert_status(&out, 2);
    let err = stderr(&out);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("newsdex index DIR"), "{err}");
    // Doing what it says works.
    fs::remove_dir_all(env.index()).unwrap();
    index(&env, &[]);
    assert_eq!(hits(&env, "bridge").len(), 1);
}

#[test]
fn older_schema_version_asks_for_rebuild() {
    let env = two_articles();
    let gen = tantivy_dir(&env).parent().unwrap().to_path_buf();
    let path = gen.join("manifest.json");
    let mut m: Value = serde_json::from_slice(&fs::read(&path).unwrap()).unwrap();
    m["schema_version"] = 0.into();
    fs::write(&path, serde_json::to_vec(&m).unwrap()).unwrap();
    for args in [&["search", "bridge"][..], &["index", "corpus"]] {
        let out = env.run(args);
        assert_status(&out, 2);
        let err = stderr(&out);
        assert!(
            err.contains("schema v0") && err.contains("newsdex rebuild"),
            "{err}"
        );
    }
    let out = env.run(&["rebuild"]);
    assert_status(&out, 0);
    assert_eq!(hits(&env, "bridge").len(), 1);
}

#[test]
fn vanished_source_folder_keeps_its_articles_unless_pruned() {
    let env = Env::empty();
    good(&env, "a.txt", "bridge");
    let other = env.root().join("other");
    fs::create_dir_all(&other).unwrap();
    fs::write(other.join("o.txt"), "Canal news\n\nThe canal froze.\n").unwrap();
    let out = env.run(&["index", "corpus", "other"]);
    assert_status(&out, 0);
    fs::rename(&other, env.root().join("moved")).unwrap();

    // `index` with no folder updates every recorded one and warns.
    let out = env.run(&["--json", "index"]);
    assert_status(&out, 0);
    let r: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(n(&r, "articles_total"), 2, "{r}");
    let missing = r["missing_roots"].as_array().unwrap();
    assert!(missing[0].as_str().unwrap().ends_with("other"), "{r}");
    let out = env.run(&["index"]);
    assert!(stderr(&out).contains("other"), "{}", stderr(&out));
    assert_eq!(hits(&env, "canal").len(), 1, "articles kept");

    // `rebuild` refuses rather than drop them.
    let out = env.run(&["rebuild"]);
    assert_status(&out, 2);
    assert!(stderr(&out).contains("--prune"), "{}", stderr(&out));
    assert_eq!(hits(&env, "canal").len(), 1);

    // --prune forgets the folder and its articles.
    let out = env.run(&["--json", "index", "--prune"]);
    assert_status(&out, 0);
    let r: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(n(&r, "articles_total"), 1, "{r}");
    assert_eq!(hits(&env, "canal").len(), 0);
    assert_eq!(hits(&env, "bridge").len(), 1);
}

/// A full disk mid-run: the write fails with one clear line, the index keeps
/// its last committed state, and the next run (with space) completes.
/// Simulated with a file-size limit (`ulimit -f`), which makes writes fail
/// the way ENOSPC does, without needing a small filesystem.
#[cfg(target_os = "linux")]
#[test]
fn full_disk_fails_cleanly_and_keeps_the_old_index() {
    let env = Env::empty();
    good(&env, "a.txt", "bridge");
    index(&env, &[]);
    crate::util::copy_dir(
        &crate::util::repo_path("sample_corpus"),
        &env.corpus().join("s"),
    );

    let out = std::process::Command::new("sh")
        .arg("-c")
        // Ignore SIGXFSZ (inherited through exec) so writes past the limit
        // fail with an error instead of killing the process.
        .arg("trap '' XFSZ; ulimit -f 200; exec \"$@\"")
        .arg("sh")
        .arg(env!("CARGO_BIN_EXE_newsdex"))
        .arg("--index")
        .arg(env.index())
        .args(["index", "corpus"])
        .current_dir(env.root())
        .env_remove("NEWSDEX_INDEX")
        .output()
        .unwrap();
    assert_status(&out, 2);
    let err = stderr(&out);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.contains("could not write the index") && err.contains("disk"),
        "{err}"
    );
    // The old state still answers, with nothing from the failed run.
    assert_eq!(hits(&env, "bridge").len(), 1);
    let (_, labour) = env.search_json(&["labour"]);
    assert!(labour.is_empty());
    // With room again, the run completes.
    let r = index(&env, &[]);
    assert!(n(&r, "articles_total") > 1300, "{r}");
}
