//! The real corpora in `../shared/corpora/`. A test that reads one skips
//! with a note where it is absent, and fails instead under `CI`, which must
//! have them (the README's rule).

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Output;
use std::sync::OnceLock;

use serde_json::Value;

use super::json::json_lines;
use super::{newsdex_at, shared_path, Env};

/// Says that a test is skipped because `what` is absent; under `CI`, fails.
pub fn skip(what: &str) {
    assert!(std::env::var_os("CI").is_none(), "CI must have {what}");
    eprintln!("skipped: {what} is absent");
}

/// `../shared/corpora/<rel>`, or `None` after [`skip`].
pub fn corpus(rel: &str) -> Option<PathBuf> {
    let p = shared_path(&format!("corpora/{rel}"));
    if p.is_none() {
        skip(&format!("../shared/corpora/{rel}"));
    }
    p
}

/// A workspace with `files` of `../shared/corpora/<rel>` copied into
/// `corpus/`, or `None` after [`skip`].
pub fn with_files(rel: &str, files: &[&str]) -> Option<Env> {
    let dir = corpus(rel)?;
    let env = Env::empty();
    for f in files {
        fs::copy(dir.join(f), env.corpus().join(f)).unwrap();
    }
    Some(env)
}

/// [`with_files`], indexed.
pub fn indexed(rel: &str, files: &[&str]) -> Option<Env> {
    let env = with_files(rel, files)?;
    env.index_corpus();
    Some(env)
}

/// The five BBC section folders indexed once per test run (and kept between
/// runs under cargo's target tmp dir; the incremental index makes reuse
/// cheap), or `None` after [`skip`] when `../shared/corpora/bbc` is absent.
pub fn bbc_index() -> Option<&'static newsdex::store::Store> {
    static BBC: OnceLock<Option<newsdex::store::Store>> = OnceLock::new();
    let store = BBC
        .get_or_init(|| {
            let bbc = shared_path("corpora/bbc")?;
            let dirs: Vec<PathBuf> = ["business", "entertainment", "politics", "sport", "tech"]
                .iter()
                .map(|s| bbc.join(s))
                .collect();
            let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("bbc-index");
            let store = newsdex::store::Store::at(&dir);
            let build = |store: &newsdex::store::Store| {
                newsdex::index::update(
                    store,
                    &dirs,
                    &newsdex::index::Options::default(),
                    &newsdex::index::NoProgress,
                )
            };
            if build(&store).is_err() {
                // An index from an older schema: start again.
                let _ = fs::remove_dir_all(&dir);
                build(&store).expect("index the BBC corpus");
            }
            Some(store)
        })
        .as_ref();
    if store.is_none() {
        skip("../shared/corpora/bbc");
    }
    store
}

/// The five news corpora of issue #24 in `../shared/corpora/languages/`,
/// each indexed on its own as a user would point newsdex at it: (language,
/// the file or folder under `corpora/`).
pub const LANGUAGE_CORPORA: [(&str, &str); 5] = [
    ("de", "languages/de-10kgnad/test.csv"),
    ("ru", "languages/ru-factrueval2016"),
    ("ar", "languages/ar-saudinewsnet/2015-07-23.zip"),
    ("ja", "languages/ja-livedoor"),
    ("zh", "languages/zh-sogouca/news_tensite_xml.smarty.dat"),
];

/// The index of one of [`LANGUAGE_CORPORA`] (by its language code), built
/// once per test run and kept under cargo's target tmp dir like
/// [`bbc_index`], or `None` after [`skip`] when the corpus is absent.
pub fn language_index(lang: &str) -> Option<&'static newsdex::store::Store> {
    static INDEXES: [OnceLock<Option<newsdex::store::Store>>; 5] = [const { OnceLock::new() }; 5];
    let i = LANGUAGE_CORPORA
        .iter()
        .position(|(l, _)| *l == lang)
        .unwrap_or_else(|| panic!("no corpus for language {lang}"));
    let rel = LANGUAGE_CORPORA[i].1;
    let store = INDEXES[i]
        .get_or_init(|| {
            let root = shared_path(&format!("corpora/{rel}"))?;
            let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("lang-index-{lang}"));
            let store = newsdex::store::Store::at(&dir);
            let build = |store: &newsdex::store::Store| {
                newsdex::index::update(
                    store,
                    std::slice::from_ref(&root),
                    &newsdex::index::Options::default(),
                    &newsdex::index::NoProgress,
                )
            };
            if build(&store).is_err() {
                // An index from an older schema: start again.
                let _ = fs::remove_dir_all(&dir);
                build(&store).unwrap_or_else(|e| panic!("index {rel}: {e}"));
            }
            Some(store)
        })
        .as_ref();
    if store.is_none() {
        skip(&format!("../shared/corpora/{rel}"));
    }
    store
}

/// `newsdex --index <BBC index> ARGS...`, or `None` after [`skip`].
pub fn bbc(args: &[&str]) -> Option<Output> {
    let store = bbc_index()?;
    Some(
        newsdex_at(store.path(), args)
            .output()
            .expect("run newsdex"),
    )
}

/// The JSON lines of `--json search ARGS...` on the BBC index (hits, or the
/// one line that says there are none), or `None` after [`skip`].
pub fn bbc_json(args: &[&str]) -> Option<Vec<Value>> {
    let mut all = vec!["--json", "search"];
    all.extend_from_slice(args);
    Some(json_lines(&bbc(&all)?))
}

/// The `.json` files of a folder, parsed, by file name: (stem, record).
pub fn json_files(dir: &Path) -> Vec<(String, Value)> {
    let mut files: Vec<PathBuf> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    files
        .iter()
        .map(|p| {
            let text = fs::read_to_string(p).unwrap();
            let stem = p.file_stem().unwrap().to_string_lossy().into_owned();
            (stem, serde_json::from_str(&text).unwrap())
        })
        .collect()
}

/// The AllSides sample records (real articles, one JSON file each), by
/// file name, or `None` after [`skip`].
pub fn allsides_sample() -> Option<Vec<(String, Value)>> {
    Some(json_files(&corpus("allsides-article-bias/sample")?))
}
