//! Issue #4: a quoted phrase returns exactly the articles in which the
//! phrase occurs, as `grep -i` would find it once punctuation and white
//! space are normalised: no stemming (`doors to doors` is not `door to
//! door`), no missed matches.

use std::collections::BTreeSet;

use newsdex::search::{self, Criteria, Page};

use crate::util::Rng;

/// Lower-cases and replaces every run of non-alphanumerics with one space,
/// as the index's tokenizer sees text.
fn normalise(text: &str) -> String {
    let mut out = String::from(" ");
    for c in text.chars() {
        if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
        } else if !out.ends_with(' ') {
            out.push(' ');
        }
    }
    if !out.ends_with(' ') {
        out.push(' ');
    }
    out
}

#[test]
fn phrase_results_equal_normalised_grep_on_bbc() {
    let Some(store) = crate::util::corpora::bbc_index() else {
        return;
    };
    let opened = store.open().unwrap();

    // Every article, normalised per field (a phrase never spans title and body).
    let mut docs: Vec<(String, String, String)> = Vec::new();
    opened
        .for_each_article(|a| -> newsdex::error::Result<()> {
            docs.push((a.id.clone(), normalise(&a.title), normalise(&a.body)));
            Ok(())
        })
        .unwrap();
    assert_eq!(docs.len(), 2225);

    // Phrases: 2-4 consecutive words from random articles, plus hand-picked
    // ones whose stemmed forms would also match other inflections.
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let mut phrases: Vec<String> = vec![
        "door to door".into(),
        "housing policy".into(),
        "general election".into(),
        "prime minister".into(),
        "interest rates".into(),
        "the chancellor said".into(),
        "record label".into(),
        "box office".into(),
    ];
    while phrases.len() < 240 {
        let (_, _, body) = &docs[rng.below(docs.len())];
        let words: Vec<&str> = body.split_whitespace().collect();
        let len = 2 + rng.below(3);
        if words.len() <= len {
            continue;
        }
        let start = rng.below(words.len() - len);
        let phrase = words[start..start + len].join(" ");
        if !phrases.contains(&phrase) {
            phrases.push(phrase);
        }
    }

    let mut mismatches = Vec::new();
    let mut checked_multi = 0;
    for phrase in &phrases {
        let needle = format!(" {phrase} ");
        let expected: BTreeSet<&str> = docs
            .iter()
            .filter(|(_, t, b)| t.contains(&needle) || b.contains(&needle))
            .map(|(id, _, _)| id.as_str())
            .collect();
        let page = Page {
            limit: 5000,
            snippets: 1,
            locate_lines: false,
            ..Page::default()
        };
        // grep finds every copy of a story.
        let criteria = Criteria {
            all_copies: true,
            ..Criteria::query(format!("\"{phrase}\""))
        };
        let searcher = opened.searcher().unwrap();
        let got = search::search(&searcher, &opened.fields, &criteria, &page).unwrap();
        let got: BTreeSet<String> = got.hits.into_iter().map(|h| h.article.id).collect();
        let got: BTreeSet<&str> = got.iter().map(String::as_str).collect();
        if expected.len() > 1 {
            checked_multi += 1;
        }
        if got != expected {
            mismatches.push(format!(
                "{phrase:?}: grep {} vs newsdex {} (only grep: {:?}; only newsdex: {:?})",
                expected.len(),
                got.len(),
                expected.difference(&got).take(3).collect::<Vec<_>>(),
                got.difference(&expected).take(3).collect::<Vec<_>>()
            ));
        }
    }
    println!(
        "phrase-equals-grep: {} phrases, {} with several articles, {} mismatches",
        phrases.len(),
        checked_multi,
        mismatches.len()
    );
    assert!(mismatches.is_empty(), "{}", mismatches.join("\n"));
    assert!(checked_multi >= 40, "sample should include common phrases");
}
