//! News in other languages searched as English is (issue #24): the five
//! corpora of `../shared/corpora/languages/` (German, Russian, Arabic,
//! Japanese, Chinese) indexed once with the real binary, and each finding
//! of the issue checked as a user would see it: how many articles a word
//! finds, in any of its forms and spellings, with `export QUERY` (every
//! article with every word).

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use serde_json::Value;

use crate::util::corpora::{corpus, skip};
use crate::util::json::json_lines;
use crate::util::{assert_status, newsdex_at, stdout};

/// The five corpora indexed once per test run, or `None` after the skip
/// note when `../shared` is absent.
fn languages_index() -> Option<&'static Path> {
    static INDEX: OnceLock<Option<PathBuf>> = OnceLock::new();
    let index = INDEX
        .get_or_init(|| {
            let languages = crate::util::shared_path("corpora/languages")?;
            let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("languages-index");
            let _ = std::fs::remove_dir_all(&dir);
            let out = newsdex_at(&dir, &["index", "-q", languages.to_str().unwrap()])
                .output()
                .unwrap();
            assert_status(&out, 0);
            Some(dir)
        })
        .as_deref();
    if index.is_none() {
        skip("../shared/corpora/languages");
    }
    index
}

/// The articles with every word of `query` (`export`, copies included).
fn articles(index: &Path, args: &[&str]) -> Vec<Value> {
    let mut all = vec!["export"];
    all.extend_from_slice(args);
    let out = newsdex_at(index, &all).output().unwrap();
    assert!(
        matches!(out.status.code(), Some(0 | 1)),
        "{}",
        crate::util::stderr(&out)
    );
    json_lines(&out)
}

fn count(index: &Path, query: &str) -> usize {
    articles(index, &[query]).len()
}

#[test]
fn chinese_and_japanese_words_are_found_inside_unspaced_text() {
    let Some(ix) = languages_index() else { return };
    // Each count is every article of the corpus with the word in it.
    for (word, n) in [("秋山", 2), ("金メダル", 5), ("公安部", 3), ("经济", 25)] {
        assert_eq!(count(ix, word), n, "{word}");
    }
    // One character: every word that has it.
    assert!(count(ix, "金") > count(ix, "金メダル"));
}

#[test]
fn a_chinese_headline_typed_as_a_query_finds_its_article() {
    let Some(ix) = languages_index() else { return };
    let headline = "张绍刚发道歉信网友不认可：他的问题是俯视他人";
    let out = newsdex_at(ix, &["search", "--json", "--limit", "1", headline])
        .output()
        .unwrap();
    assert_status(&out, 0);
    let hits = json_lines(&out);
    assert_eq!(
        hits[0]["id"],
        "languages/zh-sogouca/news_tensite_xml.smarty.dat#1",
        "{}",
        stdout(&out)
    );
}

#[test]
fn russian_words_are_found_in_every_case() {
    let Some(ix) = languages_index() else { return };
    // Путина, Путину, Путиным ...; Москвы, Москве, Москву ...
    assert_eq!(count(ix, "Путин"), 41);
    assert_eq!(count(ix, "Москва"), 55);
    assert_eq!(count(ix, "Путину"), 41);
    // ё and е are one letter.
    let yo = count(ix, "её");
    assert!(yo > 0);
    assert_eq!(count(ix, "ее"), yo);
}

#[test]
fn arabic_words_are_found_with_their_prefixes_and_without_hamza() {
    let Some(ix) = languages_index() else { return };
    // الرياض, والرياض, بالرياض, للرياض: 218 articles have one of them.
    assert!(count(ix, "الرياض") >= 218);
    assert_eq!(count(ix, "ارهاب"), count(ix, "إرهاب"));
    assert!(count(ix, "ارهاب") > 0);
    // A stop word never decides a match.
    assert_eq!(count(ix, "الرياض على"), count(ix, "الرياض"));
}

#[test]
fn german_words_are_found_in_every_form_and_umlaut_spelling() {
    let Some(ix) = languages_index() else { return };
    // Flüchtlinge, Flüchtlingen, Flüchtlings.
    assert_eq!(count(ix, "Flüchtling"), 114);
    assert_eq!(count(ix, "Fluechtling"), 114);
    // No English spelling help for German words.
    let out = newsdex_at(ix, &["search", "Flüchtling Grenze Ungarn"])
        .output()
        .unwrap();
    assert_status(&out, 0);
    let text = stdout(&out).to_lowercase() + &crate::util::stderr(&out).to_lowercase();
    assert!(!text.contains("fluchtlinge"), "{text}");
}

#[test]
fn each_article_has_its_language_to_filter_and_count() {
    let Some(ix) = languages_index() else { return };
    for (code, n) in [("ja", 900), ("zh", 200)] {
        assert_eq!(articles(ix, &["--lang", code]).len(), n, "{code}");
        assert_eq!(count(ix, &format!("lang:{code}")), n, "lang:{code}");
    }
    // Two of the 1,028 German articles are one short line each: too little
    // to tell a Latin-script language by.
    let german = articles(ix, &["--lang", "German"]).len();
    assert!((1_020..=1_028).contains(&german), "{german}");
    assert_eq!(count(ix, "lang:de"), german);
    // Arabic: one of the 1,316 records is empty of text to tell by.
    assert!(articles(ix, &["--lang", "ar"]).len() >= 1_300);
    let out = newsdex_at(ix, &["stats"]).output().unwrap();
    let text = stdout(&out);
    let langs = text.split("languages:").nth(1).unwrap_or_default();
    assert!(langs.contains(&format!("{german}  de")), "{text}");
    assert!(langs.contains("900  ja"), "{text}");
}

#[test]
fn index_lang_overrides_detection_and_rebuild_keeps_it() {
    let Some(ru) = corpus("languages/ru-factrueval2016/devset") else {
        return;
    };
    let env = crate::util::Env::empty();
    let dir = env.corpus();
    for entry in std::fs::read_dir(&ru).unwrap().take(40) {
        let p = entry.unwrap().path();
        if p.extension().is_some_and(|e| e == "txt") {
            std::fs::copy(&p, dir.join(p.file_name().unwrap())).unwrap();
        }
    }
    let corpus = dir.to_str().unwrap();
    assert_status(&env.run(&["index", "-q", "--lang", "uk", corpus]), 0);
    let n = json_lines(&env.run(&["export"])).len();
    assert!(n > 0);
    assert_eq!(json_lines(&env.run(&["export", "--lang", "uk"])).len(), n);
    assert_status(&env.run(&["rebuild", "-q"]), 0);
    assert_eq!(json_lines(&env.run(&["export", "--lang", "uk"])).len(), n);
    // Another language: every file is read again under it.
    assert_status(&env.run(&["index", "-q", "--lang", "ru", corpus]), 0);
    assert_eq!(json_lines(&env.run(&["export", "--lang", "ru"])).len(), n);
    // A folder inside a recorded one cannot have a language of its own.
    std::fs::create_dir(dir.join("sub")).unwrap();
    let out = env.run(&["index", "--lang", "de", dir.join("sub").to_str().unwrap()]);
    assert_status(&out, 2);
    assert!(crate::util::stderr(&out).contains("--lang applies to a whole source folder"));
    let out = env.run(&["index", "--lang", "klingon", corpus]);
    assert_status(&out, 2);
    assert!(crate::util::stderr(&out).contains("not a language newsdex knows"));
}

#[test]
fn korean_and_thai_words_are_found_inside_their_text() {
    let env = crate::util::Env::empty();
    env.write(
        "ko/seoul.txt",
        "서울시 새 교통 정책 발표\n\n서울시는 오늘 새로운 교통 정책을 발표했다. 시장은 버스 요금을 동결한다고 밝혔다.\n",
    );
    env.write(
        "th/bangkok.txt",
        "กรุงเทพฯ ประกาศนโยบายใหม่\n\nกรุงเทพมหานครประกาศนโยบายการขนส่งใหม่วันนี้ ผู้ว่าราชการกล่าวว่าค่าโดยสารรถเมล์จะไม่ขึ้น\n",
    );
    env.index_corpus();
    // A Korean word with its particle attached (정책을), a Thai word in
    // unspaced text (นโยบาย, "policy"; ค่าโดยสาร, "fare").
    for (query, lang) in [
        ("정책", "ko"),
        ("요금", "ko"),
        ("นโยบาย", "th"),
        ("ค่าโดยสาร", "th"),
    ] {
        let hits = json_lines(&env.run(&["export", query]));
        assert_eq!(hits.len(), 1, "{query}");
        assert_eq!(hits[0]["language"], lang, "{query}");
    }
    assert!(json_lines(&env.run(&["export", "สนามบิน"])).is_empty());
}
