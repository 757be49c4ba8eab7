//! Misspellings: "did you mean" where nothing matches, misspelt queries
//! corrected and searched instead (and the user told), `--exact`, correct
//! rare names left alone, the same through the HTTP API, and the spelling
//! evaluation on `tests/data/search/spelling.tsv` (issues #4 and #14).
//!
//! Most run the real binary on the BBC corpus (`../shared/corpora/bbc`).
//! The evaluation prints its figures with
//! `cargo test --test tests spelling -- --nocapture`.

use serde_json::Value;

use crate::util::corpora::{bbc, bbc_index, bbc_json};
use crate::util::{assert_status, stderr, stdout, Env};

#[test]
fn did_you_mean_on_stderr_and_in_json() {
    let env = Env::indexed_sample();
    let out = env.run(&["search", "corbin"]);
    assert_status(&out, 1);
    assert!(
        stderr(&out).contains("did you mean: corbyn"),
        "{}",
        stderr(&out)
    );
    // Strict, nothing matches: one line with the suggestion.
    let out = env.run(&["--json", "search", "--all-words", "sadiq kahn"]);
    assert_status(&out, 1);
    let v: Value = serde_json::from_str(stdout(&out).trim()).unwrap();
    assert_eq!(v["suggestion"], "sadiq khan");
    // As typed, the closest matches come back, each with the suggestion.
    let (code, hits) = env.search_json(&["sadiq kahn"]);
    assert_eq!(code, 0);
    assert!(hits
        .iter()
        .all(|h| h["suggestion"] == "sadiq khan" && h["relaxed"] == true));
    // A query that finds plenty gets no suggestion.
    let (_, hits) = env.search_json(&["government"]);
    assert!(hits.iter().all(|h| h.get("suggestion").is_none()));
}

#[test]
fn several_misspelt_words_are_corrected_and_the_user_is_told() {
    let Some(out) = bbc(&["search", "gordan", "brwon"]) else {
        return;
    };
    assert_status(&out, 0);
    let err = stderr(&out);
    assert!(
        err.contains(
            "showing results for gordon brown; search instead for gordan brwon with --exact"
        ),
        "{err}"
    );
    assert!(
        stdout(&out).contains("**Gordon Brown**"),
        "{}",
        stdout(&out)
    );
    // Both as JSON: what was typed and what was searched, on every hit.
    let lines = bbc_json(&["gordan brwon"]).unwrap();
    assert!(!lines.is_empty());
    for hit in &lines {
        assert_eq!(hit["query"], "gordan brwon", "{hit}");
        assert_eq!(hit["corrected"], "gordon brown", "{hit}");
    }
    // --exact keeps the query as typed: nothing, and a did-you-mean.
    let out = bbc(&["search", "--exact", "gordan brwon"]).unwrap();
    assert_status(&out, 1);
    assert!(
        stderr(&out).contains("did you mean: gordon brown"),
        "{}",
        stderr(&out)
    );
    let lines = bbc_json(&["--exact", "gordan brwon"]).unwrap();
    assert_eq!(lines.len(), 1, "{lines:?}");
    assert_eq!(lines[0]["total"], 0);
    assert_eq!(lines[0]["query"], "gordan brwon");
    assert_eq!(lines[0]["suggestion"], "gordon brown");
    assert!(lines[0].get("corrected").is_none());
    // So do quotes.
    let out = bbc(&["search", "\"gordan brwon\""]).unwrap();
    assert_status(&out, 1);
    assert!(!stderr(&out).contains("showing results for"));
}

#[test]
fn a_misspelling_beside_a_known_word_is_corrected_not_dropped() {
    // Was: 149 closest matches on `movie` alone, and no suggestion.
    let Some(lines) = bbc_json(&["shwarzenegger movie", "-n", "1000", "--all-copies"]) else {
        return;
    };
    assert_eq!(lines[0]["corrected"], "schwarzenegger movie");
    // No article has both: the ones with Schwarzenegger are among the
    // closest matches now (the movie ones rank first, closer in meaning).
    let with_name = lines
        .iter()
        .filter(|h| {
            h["matched"]
                .as_array()
                .is_some_and(|m| m.iter().any(|w| w == "schwarzenegger"))
        })
        .count();
    assert_eq!(with_name, 3, "the BBC has 3 articles with the name");
    // Was: an obituary marked on `governess`.
    let lines = bbc_json(&["goverment budjet"]).unwrap();
    assert_eq!(lines[0]["corrected"], "government budget");
    for hit in &lines {
        let marked = crate::util::marked(hit);
        assert!(
            marked
                .iter()
                .all(|m| !m.to_lowercase().starts_with("governess")),
            "{marked:?}"
        );
    }
}

#[test]
fn correctly_spelt_rare_names_are_left_alone() {
    // `kahn` (4 articles) is one edit from `khan` (9); `hoon` (5) from
    // `hook` (6); `browne` (5) from `brown` (126).
    for q in ["kahn", "geoff hoon", "des browne"] {
        let Some(out) = bbc(&["search", q]) else {
            return;
        };
        assert_status(&out, 0);
        let err = stderr(&out);
        assert!(
            !err.contains("showing results") && !err.contains("did you mean"),
            "{q}: {err}"
        );
    }
}

/// One row of `tests/data/search/spelling.tsv`.
struct Case {
    split: String,
    typed: String,
    wanted: String,
}

fn spelling_cases() -> Vec<Case> {
    let path = crate::util::repo_path("tests/data/search/spelling.tsv");
    std::fs::read_to_string(path)
        .unwrap()
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| {
            let cols: Vec<&str> = l.split('\t').collect();
            assert_eq!(cols.len(), 3, "split<TAB>typed<TAB>wanted: {l:?}");
            Case {
                split: cols[0].to_string(),
                typed: cols[1].to_string(),
                wanted: cols[2].to_string(),
            }
        })
        .collect()
}

/// Figures for one half: misspelt queries corrected (searched instead),
/// corrected or suggested, and correct ones left alone (neither).
#[derive(Debug, Default)]
struct Scores {
    misspelt: usize,
    corrected: usize,
    corrected_or_suggested: usize,
    correct: usize,
    left_alone: usize,
    wrongly_corrected: usize,
}

fn score(split: &str) -> Option<Scores> {
    use newsdex::search::{self, Criteria, Page};
    let store = bbc_index()?;
    let opened = store.open().unwrap();
    let searcher = opened.searcher().unwrap();
    let page = Page {
        limit: 1,
        snippets: 1,
        locate_lines: false,
        ..Page::default()
    };
    let mut s = Scores::default();
    for case in spelling_cases().iter().filter(|c| c.split == split) {
        let r = search::search(
            &searcher,
            &opened.fields,
            &Criteria::query(case.typed.clone()),
            &page,
        )
        .unwrap();
        let corrected = r.corrected.as_deref();
        let suggested = r.suggestion.as_deref();
        if case.typed == case.wanted {
            s.correct += 1;
            if corrected.is_none() && suggested.is_none() {
                s.left_alone += 1;
            } else {
                eprintln!(
                    "  {split}: {:?} changed: {corrected:?} {suggested:?}",
                    case.typed
                );
            }
            s.wrongly_corrected += usize::from(corrected.is_some());
        } else {
            s.misspelt += 1;
            let want = Some(case.wanted.as_str());
            s.corrected += usize::from(corrected == want);
            s.corrected_or_suggested += usize::from(corrected == want || suggested == want);
            if corrected != want {
                eprintln!(
                    "  {split}: {:?} → {corrected:?} / did you mean {suggested:?}, wanted {:?}",
                    case.typed, case.wanted
                );
            }
        }
    }
    eprintln!(
        "spelling {split}: {}/{} misspelt corrected, {}/{} corrected or suggested; \
         {}/{} correct left alone, {} wrongly corrected",
        s.corrected,
        s.misspelt,
        s.corrected_or_suggested,
        s.misspelt,
        s.left_alone,
        s.correct,
        s.wrongly_corrected
    );
    Some(s)
}

#[test]
fn spelling_evaluation_on_both_halves() {
    let cases = spelling_cases();
    for split in ["dev", "heldout"] {
        let misspelt = cases
            .iter()
            .filter(|c| c.split == split && c.typed != c.wanted)
            .count();
        let correct = cases
            .iter()
            .filter(|c| c.split == split && c.typed == c.wanted)
            .count();
        assert!(misspelt >= 15 && correct >= 15, "{split}: too few cases");
    }
    let Some(dev) = score("dev") else {
        return;
    };
    let held = score("heldout").unwrap();
    // Floors a little under the figures measured when the weights were
    // set (see docs/GUIDE.md, `search`): dev 23/24 corrected, 24/24 with suggestions,
    // 18/18 left alone.
    let rate = |a: usize, b: usize| a as f64 / b as f64;
    assert!(rate(dev.corrected, dev.misspelt) >= 0.9, "{dev:?}");
    assert!(
        rate(dev.corrected_or_suggested, dev.misspelt) >= 0.95,
        "{dev:?}"
    );
    assert_eq!(dev.left_alone, dev.correct, "{dev:?}");
    assert!(
        rate(held.corrected, held.misspelt) >= HELDOUT_CORRECTED,
        "{held:?}"
    );
    assert!(
        rate(held.left_alone, held.correct) >= HELDOUT_LEFT_ALONE,
        "{held:?}"
    );
    assert_eq!(held.wrongly_corrected, 0, "{held:?}");
}

/// Held-out floors, a little below its one run after tuning: 23/23
/// corrected, 18/18 left alone (one miss in either would still pass).
const HELDOUT_CORRECTED: f64 = 0.9;

const HELDOUT_LEFT_ALONE: f64 = 0.94;

#[test]
fn the_api_reports_the_correction_and_takes_exact() {
    use crate::util::http::Server;
    let env = Env::indexed_sample();
    let server = Server::start(env, &[]);
    let v = server.json("/api/search?q=goverment+budjet", 200);
    assert_eq!(v["query"], "goverment budjet", "{v}");
    assert_eq!(v["corrected"], "government budget", "{v}");
    assert!(v["total"].as_u64().unwrap() > 0);
    let said = "showing results for government budget; search instead for goverment budjet";
    assert!(
        v["notices"].as_array().unwrap().iter().any(|n| n == said),
        "{v}"
    );
    let v = server.json("/api/search?q=goverment+budjet&exact=true", 200);
    assert_eq!(v["corrected"], Value::Null, "{v}");
    assert_eq!(v["strict_total"], 0);
    assert_eq!(v["suggestion"], "government budget");
    let v = server.json("/api/search?q=goverment+budjet&exact=maybe", 400);
    assert!(v.to_string().contains("exact"), "{v}");
}
