//! Known-item search in German, Russian, Arabic, Japanese and Chinese
//! (issue #24): the query sets of `tests/data/lang_eval/` (see its
//! README) run against each language's corpus from `../shared/corpora/`,
//! indexed once per run. Each language prints success@1, success@10 and
//! MRR over the top 10 for its development and held-out parts, the
//! development misses, and fails when a figure drops under its floor.
//!
//! The same sets run through Lucene in `bench/lucene/` (the issue's
//! yardstick); both tables are in `docs/BENCHMARKS.md`, "Languages".
//!
//! Print the figures with `cargo test --test tests languages -- --nocapture`.

use newsdex::article::Article;
use newsdex::search::{self, Criteria, Page};

use crate::util::corpora::language_index;
use crate::util::ranks::RankTally;

/// Which part of a query set a query belongs to.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Split {
    /// Tuned on.
    Dev,
    /// Scored only to report; never looked at while tuning.
    HeldOut,
}

/// One query and the article it should find.
struct Case {
    split: Split,
    query: String,
    /// The source file, relative to `../shared/corpora/`.
    path: String,
    /// Which article of that file: `file` (the file is one article),
    /// `record:N` or `url:URL`.
    key: String,
}

impl Case {
    /// Whether `a` is this case's target article.
    fn is_target(&self, a: &Article) -> bool {
        if !a.path.ends_with(&format!("/{}", self.path)) {
            return false;
        }
        if let Some(record) = self.key.strip_prefix("record:") {
            return a.record.to_string() == record;
        }
        if let Some(url) = self.key.strip_prefix("url:") {
            return a.url.as_deref() == Some(url);
        }
        assert_eq!(self.key, "file", "unknown target key {}", self.key);
        true
    }
}

/// The cases of `tests/data/lang_eval/<lang>.tsv`: split, query, path, key.
fn load(lang: &str) -> Vec<Case> {
    let path = crate::util::repo_path("tests/data/lang_eval").join(format!("{lang}.tsv"));
    let text = std::fs::read_to_string(&path).unwrap();
    text.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| {
            let cols: Vec<&str> = l.split('\t').collect();
            assert_eq!(cols.len(), 4, "split<TAB>query<TAB>path<TAB>key: {l}");
            let split = match cols[0] {
                "dev" => Split::Dev,
                "heldout" => Split::HeldOut,
                other => panic!("unknown split {other}: {l}"),
            };
            Case {
                split,
                query: cols[1].to_string(),
                path: cols[2].to_string(),
                key: cols[3].to_string(),
            }
        })
        .collect()
}

/// success@1, success@10 and MRR over the top 10.
#[derive(Debug, Clone, Copy)]
struct Figures {
    at1: f64,
    at10: f64,
    mrr: f64,
}

/// Runs `cases` on `lang`'s index, prints the figures (and, for the
/// development part, the misses) and returns them; `None` after a skip.
fn evaluate(lang: &str, split: Split, cases: &[&Case]) -> Option<Figures> {
    let store = language_index(lang)?;
    let opened = store.open().unwrap();
    let searcher = opened.searcher().unwrap();
    let page = Page {
        limit: 10,
        snippets: 0,
        locate_lines: false,
        ..Page::default()
    };
    let mut tally = RankTally::default();
    for case in cases {
        // Every copy is listed, as Lucene lists them: a target whose story
        // has another copy is not hidden behind it.
        let criteria = Criteria {
            all_copies: true,
            ..Criteria::query(case.query.clone())
        };
        let rank = match search::search(&searcher, &opened.fields, &criteria, &page) {
            Ok(results) => results
                .hits
                .iter()
                .position(|h| case.is_target(&h.article))
                .map(|i| i + 1),
            Err(e) => {
                tally.failed(&case.query, e);
                continue;
            }
        };
        tally.add(rank, &case.query);
    }
    let (at1, at10, mrr) = tally.figures();
    let f = Figures { at1, at10, mrr };
    let name = match split {
        Split::Dev => "dev",
        Split::HeldOut => "heldout",
    };
    println!(
        "{lang} {name}: {} queries, success@1 {:.3}, success@10 {:.3}, MRR {:.3}",
        cases.len(),
        f.at1,
        f.at10,
        f.mrr
    );
    if split == Split::Dev {
        for m in &tally.misses {
            println!("{m}");
        }
    }
    Some(f)
}

/// Fails unless every case names exactly one indexed article, so that a
/// mistyped or stale target is an error, not a silent miss.
fn assert_targets_exist(lang: &str, store: &newsdex::store::Store, cases: &[Case]) {
    let mut found = vec![0usize; cases.len()];
    let opened = store.open().unwrap();
    opened
        .for_each_article(|a| -> newsdex::error::Result<()> {
            for (i, c) in cases.iter().enumerate() {
                found[i] += usize::from(c.is_target(&a));
            }
            Ok(())
        })
        .unwrap();
    let bad: Vec<String> = cases
        .iter()
        .zip(&found)
        .filter(|(_, &n)| n != 1)
        .map(|(c, n)| format!("{n} articles for {} {} ({})", c.path, c.key, c.query))
        .collect();
    assert!(
        bad.is_empty(),
        "{lang}: targets that name no single article: {bad:#?}"
    );
}

/// Evaluates both parts of `lang`'s set and asserts each figure is at least
/// its floor: `(success@1, success@10, MRR)` for dev, then held out. The
/// floors sit a little under what the per-language analysis reached when
/// it landed (#24: stemming by language, character pairs); tuning looked
/// at development misses only. Lucene's figures on the same sets are in
/// `docs/BENCHMARKS.md`.
fn check(lang: &str, dev_floor: (f64, f64, f64), held_out_floor: (f64, f64, f64)) {
    let cases = load(lang);
    let part = |s: Split| -> Vec<&Case> { cases.iter().filter(|c| c.split == s).collect() };
    let (dev, held_out) = (part(Split::Dev), part(Split::HeldOut));
    assert!(
        dev.len() >= 30 && held_out.len() >= 15,
        "{lang}: too few queries"
    );
    let Some(store) = language_index(lang) else {
        return;
    };
    assert_targets_exist(lang, store, &cases);
    let d = evaluate(lang, Split::Dev, &dev).unwrap();
    let h = evaluate(lang, Split::HeldOut, &held_out).unwrap();
    for (part, got, floor) in [("dev", d, dev_floor), ("held out", h, held_out_floor)] {
        for (what, g, f) in [
            ("success@1", got.at1, floor.0),
            ("success@10", got.at10, floor.1),
            ("MRR", got.mrr, floor.2),
        ] {
            assert!(g >= f, "{lang} {part}: {what} {g:.3} under the floor {f}");
        }
    }
}

/// German, 10kGNAD (DER STANDARD): inflected forms and compound parts.
#[test]
fn german_known_items() {
    // Measured dev 0.860 / 0.940 / 0.893, held out 0.920 / 1.000 / 0.953.
    check("de", (0.86, 0.96, 0.92), (0.88, 0.96, 0.92));
}

/// Russian, factRuEval-2016: case and number forms, ё typed as е and back.
#[test]
fn russian_known_items() {
    // Measured dev 0.882 / 0.980 / 0.928, held out 0.880 / 1.000 / 0.930.
    check("ru", (0.94, 0.98, 0.96), (0.96, 0.98, 0.97));
}

/// Arabic, SaudiNewsNet: words with and without و ب ل ال and hamza.
#[test]
fn arabic_known_items() {
    // Measured dev 0.686 / 1.000 / 0.805, held out 0.520 / 0.920 / 0.664.
    check("ar", (0.76, 0.96, 0.83), (0.68, 0.96, 0.78));
}

/// Japanese, livedoor news: unspaced words as users type them.
#[test]
fn japanese_known_items() {
    // Measured dev 0.569 / 0.647 / 0.592, held out 0.360 / 0.600 / 0.473.
    check("ja", (0.92, 0.96, 0.94), (0.76, 0.96, 0.85));
}

/// Chinese, SogouCA: unspaced words, ASCII digits for full-width ones.
#[test]
fn chinese_known_items() {
    // Measured dev 0.078 / 0.098 / 0.088, held out 0.040 / 0.040 / 0.040.
    check("zh", (0.94, 0.98, 0.96), (0.96, 0.98, 0.97));
}
