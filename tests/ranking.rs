//! Ranking quality, measured on hand-written query sets over the BBC corpus
//! (`tests/data/search/`): success@1, success@10 and mean reciprocal rank,
//! with floors so a ranking change cannot silently make things worse.
//!
//! Print the figures with `cargo test --test tests ranking -- --nocapture`.

use newsdex::search::{self, Criteria, Page};

use crate::util::ranks::RankTally;

/// One evaluation query and the article it should find.
struct Case {
    query: String,
    target: String,
}

fn load(name: &str) -> Vec<Case> {
    let path = crate::util::repo_path("tests/data/search").join(name);
    std::fs::read_to_string(&path)
        .unwrap()
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| {
            let (query, target) = l.split_once('\t').expect("query<TAB>target");
            Case {
                query: query.to_string(),
                target: target.trim().to_string(),
            }
        })
        .collect()
}

/// success@1, success@10, MRR (over the top 10), and the misses.
fn evaluate(cases: &[Case], name: &str) -> Option<(f64, f64, f64)> {
    evaluate_with(cases, name, false)
}

fn evaluate_with(cases: &[Case], name: &str, all_words: bool) -> Option<(f64, f64, f64)> {
    let store = crate::util::corpora::bbc_index()?;
    let opened = store.open().unwrap();
    let mut tally = RankTally::default();
    for case in cases {
        let criteria = Criteria {
            all_words,
            ..Criteria::query(case.query.clone())
        };
        let page = Page {
            limit: 10,
            snippets: 1,
            locate_lines: false,
            ..Page::default()
        };
        let searcher = opened.searcher().unwrap();
        let results = search::search(&searcher, &opened.fields, &criteria, &page).unwrap();
        let rank = results
            .hits
            .iter()
            .position(|h| h.article.path.ends_with(&case.target))
            .map(|i| i + 1);
        tally.add(rank, &format!("{} -> {}", case.query, case.target));
    }
    let (s1, s10, mrr) = tally.figures();
    println!(
        "{name}: {} queries, success@1 {s1:.3}, success@10 {s10:.3}, MRR {mrr:.3}",
        cases.len()
    );
    for m in &tally.misses {
        println!("{m}");
    }
    Some((s1, s10, mrr))
}

/// Fails when success@1, success@10 or MRR is under its floor.
fn assert_floors(got: (f64, f64, f64), floor: (f64, f64, f64)) {
    for (what, g, f) in [
        ("success@1", got.0, floor.0),
        ("success@10", got.1, floor.1),
        ("MRR", got.2, floor.2),
    ] {
        assert!(g >= f, "{what} {g:.3} under the floor {f}");
    }
}

/// Issue #4: queries with names and exact phrases written from articles.
#[test]
fn known_item_queries() {
    let cases = load("known_items.tsv");
    assert!(cases.len() >= 30);
    let Some((s1, s10, mrr)) = evaluate(&cases, "known-item") else {
        return;
    };
    // Measured 1.000 / 1.000 / 1.000; one miss at rank 2 is tolerated.
    assert_floors((s1, s10, mrr), (0.97, 1.0, 0.98));
}

/// Issue #8: half-remembered descriptions in other words, typed as people
/// type them (no operators). Strict matching alone finds almost none of
/// them; the fallback to ranked partial matching is what finds them.
#[test]
fn paraphrase_queries() {
    let cases = load("paraphrase.tsv");
    assert!(cases.len() >= 40);
    let Some((_, _, strict_mrr)) = evaluate_with(&cases, "paraphrase, strict only", true) else {
        return;
    };
    let (s1, s10, mrr) = evaluate(&cases, "paraphrase, as typed").unwrap();
    // Measured: strict 0.110; as typed s@1 0.70, s@10 0.96, MRR 0.795
    // (words alone, without the meaning blend: 0.68 / 0.90 / 0.756; SQLite
    // FTS5 with the words joined by OR: MRR 0.743 on this set).
    assert!(
        strict_mrr < 0.2,
        "strict matching alone should find few: {strict_mrr:.3}"
    );
    assert_floors((s1, s10, mrr), (0.66, 0.92, 0.77));
}

/// Issue #8: paraphrase queries written after the meaning blend was tuned
/// on `paraphrase.tsv`, to see whether the tuning carries over.
#[test]
fn held_out_paraphrase_queries() {
    let cases = load("paraphrase_heldout.tsv");
    assert!(cases.len() >= 10);
    let Some(figures) = evaluate(&cases, "paraphrase, held out") else {
        return;
    };
    // Measured: s@1 0.79, s@10 0.86, MRR 0.79; by words alone, without the
    // meaning blend, 0.64 / 0.79 / 0.70.
    assert_floors(figures, (0.70, 0.78, 0.72));
}
