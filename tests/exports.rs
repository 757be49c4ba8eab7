//! News-database exports (issue #23, item 1): the LexisNexis, Nexis Uni,
//! Lexis Advance, Factiva and Europresse samples of
//! `../shared/corpora/exports/`, copied and indexed with the real binary.
//! Each document is one article with a `file#n` id that `search` names
//! and `show` takes; a document without text is reported, not indexed;
//! an export is known by its content whatever its extension, and a plain
//! article is still one article; no cover page reaches `people`.

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

use serde_json::Value;

use crate::util::corpora::corpus;
use crate::util::json::{ids, json_lines, n};
use crate::util::{assert_status, copy_dir, stdout, Env};

/// A workspace holding a copy of the exports folder under
/// `corpus/exports/`, indexed, with the index summary; `None` (skipped)
/// where the shared corpora are absent.
fn indexed_exports() -> Option<(Env, Value)> {
    let dir = corpus("exports")?;
    let env = Env::empty();
    copy_dir(&dir, &env.corpus().join("exports"));
    let summary = env.index_corpus();
    Some((env, summary))
}

/// Every stored article, from `export`.
fn articles(env: &Env) -> Vec<Value> {
    let out = env.run(&["export"]);
    assert_status(&out, 0);
    json_lines(&out)
}

/// The file name of an article's path.
fn file_name(a: &Value) -> String {
    let path = a["path"].as_str().unwrap();
    Path::new(path)
        .file_name()
        .unwrap()
        .to_string_lossy()
        .into_owned()
}

#[test]
fn every_document_is_one_article() {
    let Some((env, summary)) = indexed_exports() else {
        return;
    };
    assert_eq!(n(&summary, "articles_total"), 64, "{summary}");
    let mut per_file: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for a in articles(&env) {
        per_file
            .entry(file_name(&a))
            .or_default()
            .push(a["id"].as_str().unwrap().to_string());
    }
    let counts: BTreeMap<&str, usize> = per_file
        .iter()
        .map(|(f, v)| (f.as_str(), v.len()))
        .collect();
    let want: BTreeMap<&str, usize> = [
        ("sample.TXT", 10),
        ("sample.DOCX", 10),
        ("test.DOCX", 1),
        ("lexisnexis_advance_test_en.docx", 2),
        ("lexisnexis_test_en.html", 2),
        ("lexisnexis_test_fr.html", 3),
        ("lexisnexis_test_date.html", 1),
        ("lexisnexis_test_copyright_error.html", 1),
        ("lexisnexis_test_extra_lines.html", 1),
        ("lexisnexis_test_multipart_main_texts.html", 1),
        ("lexisnexis_test_no_headings.html", 1),
        ("factiva_test.html", 2),
        ("factiva_test.xml", 3),
        ("reut21578-factiva.xml", 19),
        ("europresse_test1.html", 3),
        ("europresse_test2.html", 4),
    ]
    .into_iter()
    .collect();
    assert_eq!(counts, want);
    // Ids name the document within its file.
    let mut txt = per_file["sample.TXT"].clone();
    txt.sort_by_key(|id| id.rsplit('#').next().unwrap().parse::<u32>().unwrap());
    let want: Vec<String> = (0..10)
        .map(|i| format!("corpus/exports/lexisnexis/LexisNexisTools/sample.TXT#{i}"))
        .collect();
    assert_eq!(txt, want);
    // Two documents have no text: reported with the reason, not indexed.
    let skipped = summary["skipped"].as_array().unwrap();
    let reasons: Vec<&str> = skipped
        .iter()
        .map(|s| s["reason"].as_str().unwrap())
        .collect();
    assert_eq!(reasons.len(), 2, "{reasons:?}");
    assert!(
        reasons.iter().any(|r| r.contains("We are sorry")),
        "{reasons:?}"
    );
    assert!(
        reasons.iter().any(|r| r.contains("METROPOLIS BANK")),
        "{reasons:?}"
    );
}

#[test]
fn search_names_documents_and_show_takes_their_ids() {
    let Some((env, _)) = indexed_exports() else {
        return;
    };
    let (code, hits) = env.search_json(&["prisoner cabinet"]);
    assert_eq!(code, 0);
    let id = hits[0]["id"].as_str().unwrap().to_string();
    assert_eq!(id, "corpus/exports/lexisnexis/LexisNexisTools/sample.TXT#7");
    let out = env.run(&["--json", "show", &id]);
    assert_status(&out, 0);
    let a: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(a["title"], "PRISONER OF HIS OWN CABINET");
    assert_eq!(a["source"], "MAIL ON SUNDAY (London)");
    assert_eq!(a["byline"], "Stephen Pollard");
    assert_eq!(a["date"], "2010-01-10T00:00:00Z");
    assert_eq!(a["line"], 704);
    let body = a["body"].as_str().unwrap();
    assert!(
        body.starts_with("In publishing and graphic design"),
        "{body}"
    );
    for label in ["BYLINE:", "LENGTH:", "LOAD-DATE:", "Copyright", "DOCUMENTS"] {
        assert!(!body.contains(label), "{label}");
    }
    let text = stdout(&env.run(&["show", &id]));
    assert!(text.starts_with("PRISONER OF HIS OWN CABINET"), "{text}");

    // A Factiva XML record, a Nexis Uni document, a Europresse article.
    for (query, want, title) in [
        (
            "\"Diamond Shamrock\"",
            "reut21578-factiva.xml#0",
            "DIAMOND SHAMROCK (DIA) CUTS CRUDE PRICES",
        ),
        ("byline:Kibasi", "sample.DOCX#9", "What is Wikipedia"),
        (
            "byline:\"Ariane Chemin\"",
            "europresse_test2.html#1",
            "Title",
        ),
    ] {
        let (_, hits) = env.search_json(&[query]);
        let got = ids(&hits);
        assert!(got.iter().any(|id| id.ends_with(want)), "{query}: {got:?}");
        let id = got.iter().find(|id| id.ends_with(want)).unwrap();
        let out = env.run(&["--json", "show", id]);
        assert_status(&out, 0);
        let a: Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(a["title"], title, "{id}");
    }
    // Covers and field codes are not text.
    for furniture in [
        "\"Download Request\"",
        "\"Numéro de document\"",
        "\"Job Number\"",
    ] {
        let (code, hits) = env.search_json(&[furniture]);
        assert_eq!((code, hits.len()), (1, 0), "{furniture}: {:?}", ids(&hits));
    }
}

#[test]
fn exports_are_known_by_content_and_plain_articles_stay_plain() {
    let (Some(ln), Some(factiva)) = (
        corpus("exports/lexisnexis/LexisNexisTools"),
        corpus("exports/factiva"),
    ) else {
        return;
    };
    let env = Env::empty();
    fs::copy(ln.join("sample.TXT"), env.corpus().join("batch.txt")).unwrap();
    fs::copy(
        factiva.join("factiva_test.html"),
        env.corpus().join("saved.txt"),
    )
    .unwrap();
    fs::copy(
        factiva.join("factiva_test.xml"),
        env.corpus().join("feed.XML"),
    )
    .unwrap();
    env.write(
        "plain.txt",
        "Council approves budget\n\nBy Jane Doe\n\nThe council voted 7-2 on Monday.\n",
    );
    env.write(
        "page.html",
        "<html><head><title>Flood warning</title></head><body><p>The river rose.</p></body></html>",
    );
    let summary = env.index_corpus();
    assert_eq!(n(&summary, "articles_total"), 10 + 2 + 3 + 2, "{summary}");
    let got: Vec<String> = articles(&env)
        .iter()
        .map(|a| a["id"].as_str().unwrap().to_string())
        .collect();
    let count = |file: &str| got.iter().filter(|id| id.contains(file)).count();
    assert_eq!(
        (count("batch.txt#"), count("saved.txt#"), count("feed.XML#")),
        (10, 2, 3)
    );
    assert!(got.contains(&"corpus/plain.txt".to_string()), "{got:?}");
    assert!(got.contains(&"corpus/page.html".to_string()), "{got:?}");
}

#[test]
fn people_lists_no_cover_page() {
    let Some((env, _)) = indexed_exports() else {
        return;
    };
    let out = env.run(&["--json", "people", "-n", "1000"]);
    assert_status(&out, 0);
    let names: Vec<String> = json_lines(&out)
        .iter()
        .map(|p| p["name"].as_str().unwrap().to_string())
        .collect();
    for cover in [
        "Download Request",
        "Time Of Request",
        "Send To",
        "Job Number",
        "Search Terms",
    ] {
        assert!(!names.iter().any(|n| n == cover), "{cover} in {names:?}");
    }
    // Nor the licence the R article names ("the GNU General Public
    // License"): a licence is a thing, not a person.
    assert!(!names.iter().any(|n| n.contains("License")), "{names:?}");
}
