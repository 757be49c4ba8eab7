//! Published datasets indexed as they are downloaded (issue #23, items 3
//! and 4): the 10kGNAD CSV (German, `;`-separated, no header), the
//! SaudiNewsNet zip (Arabic, one JSON array) and the SogouCA `<doc>`
//! collection (Chinese, GBK, a `.dat` file), copied from
//! `../shared/corpora/languages/` and indexed with the real binary.

use std::fs;

use serde_json::Value;

use crate::util::corpora::corpus;
use crate::util::{assert_status, Env};

const FILES: &[&str] = &[
    "de-10kgnad/test.csv",
    "ar-saudinewsnet/2015-07-23.zip",
    "zh-sogouca/news_tensite_xml.smarty.dat",
];

/// A workspace with the three samples side by side in `corpus/`.
fn datasets() -> Option<Env> {
    let languages = corpus("languages")?;
    let env = Env::empty();
    for rel in FILES {
        let name = rel.rsplit('/').next().unwrap();
        fs::copy(languages.join(rel), env.corpus().join(name)).unwrap();
    }
    Some(env)
}

fn show(env: &Env, id: &str) -> Value {
    let out = env.run(&["--json", "show", id]);
    assert_status(&out, 0);
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn the_text_summary_says_what_was_guessed_and_what_was_passed_over() {
    let Some(env) = corpus("languages").map(|languages| {
        let env = Env::empty();
        fs::copy(
            languages.join("de-10kgnad/test.csv"),
            env.corpus().join("test.csv"),
        )
        .unwrap();
        fs::write(env.corpus().join("scan.pdf"), b"%PDF-1.4").unwrap();
        env
    }) else {
        return;
    };
    let out = env.run(&["index", "--verbose", "corpus"]);
    assert_status(&out, 0);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("1 not an article format (.pdf 1)"), "{err}");
    assert!(err.contains("guessed 2:"), "{err}");
    assert!(
        err.contains("test.csv: no header row: body from column 2, section from column 1"),
        "{err}"
    );
}

#[test]
fn csv_zip_and_doc_collection_index_with_their_counts() {
    let Some(env) = datasets() else {
        return;
    };
    let r = env.index_corpus();
    // 1,028 German rows, 1,316 Arabic articles (of 1,318 records), 200
    // Chinese documents.
    assert_eq!(r["articles_total"], 1028 + 1316 + 200, "{r}");
    assert_eq!(r["ignored"].as_array().unwrap().len(), 0, "{r}");
    // What was guessed about the headerless CSV is in the report.
    let notes: Vec<&str> = r["notes"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|n| n["path"].as_str().unwrap().ends_with("test.csv"))
        .map(|n| n["note"].as_str().unwrap())
        .collect();
    assert!(
        notes.contains(&"no header row: body from column 2, section from column 1"),
        "{notes:?}"
    );
    // The two empty SaudiNewsNet records are named, with their member.
    let skipped = r["skipped"].as_array().unwrap();
    assert_eq!(skipped.len(), 2, "{r}");
    for s in skipped {
        assert!(
            s["path"].as_str().unwrap().ends_with("2015-07-23.zip"),
            "{s}"
        );
        let reason = s["reason"].as_str().unwrap();
        assert!(
            reason.starts_with("member 2015-07-23.json, line ")
                && reason.ends_with("JSON object with neither title nor body text"),
            "{reason}"
        );
    }

    // A German word finds German articles, in their 10kGNAD sections.
    let (code, hits) = env.search_json(&["Gewerkschaft", "--limit", "50"]);
    assert_eq!(code, 0);
    assert!(hits.len() >= 5, "{hits:?}");
    for h in &hits {
        assert!(
            h["id"].as_str().unwrap().starts_with("corpus/test.csv#"),
            "{h}"
        );
    }
    let first = show(&env, "corpus/test.csv#0");
    assert_eq!(first["section"], "Wirtschaft");
    assert_eq!(first["line"], 1);
    assert!(first["body"]
        .as_str()
        .unwrap()
        .starts_with("Die Gewerkschaft GPA-djp lanciert"));
    let stats: Value = serde_json::from_slice(&env.run(&["--json", "stats"]).stdout).unwrap();
    // Sections are counted by their keyword (lower case), all nine.
    let sections = stats["sections"].as_object().unwrap();
    assert_eq!(sections.len(), 9, "{stats}");
    for (section, n) in [("web", 168), ("panorama", 168), ("etat", 67)] {
        assert_eq!(stats["sections"][section], n, "{section}: {stats}");
    }

    // Readable Chinese from the GBK file, its date from the URL.
    let doc = show(&env, "corpus/news_tensite_xml.smarty.dat#0");
    assert_eq!(
        doc["title"],
        "公安机关销毁１０余万非法枪支 跨国武器走私渐起"
    );
    assert_eq!(doc["date"], "2012-06-12T00:00:00Z");
    assert_eq!(doc["line"], 2);
    // 114 of the 200 URLs carry a date; nothing else in the file does.
    assert_eq!(stats["undated"], 1028 + 1316 + 200 - 114, "{stats}");

    // Arabic from inside the zip.
    let saudi = show(&env, "corpus/2015-07-23.zip#2015-07-23.json#0");
    assert_eq!(saudi["title"], "المالكي ونصيحة سعود الفيصل");
    assert_eq!(saudi["source"], "aawsat");
}
