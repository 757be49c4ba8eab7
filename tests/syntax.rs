//! Issue #4 through the CLI: exact phrases, words users really type,
//! errors that point at the problem, citable passages, date sorting, the
//! README's query examples, closest matches (issue #8); a pasted headline
//! or URL and hyphenated words (issue #14).

use serde_json::Value;

use crate::util::corpora::bbc;
use crate::util::json::{hits_of, id_set};
use crate::util::{assert_status, marked, stderr, stdout, strs, Env};

const SEED: &str = "000_12938842849ca153.txt";

fn seed_found(hits: &[Value]) -> bool {
    hits.iter()
        .any(|h| h["path"].as_str().unwrap().ends_with(SEED))
}

#[test]
fn quoted_phrases_are_exact_and_bare_words_are_stemmed() {
    let env = Env::indexed_sample();
    assert!(seed_found(&env.search_json(&["\"door to door\""]).1));
    assert!(!seed_found(&env.search_json(&["\"doors to doors\""]).1));
    assert!(seed_found(&env.search_json(&["\"housing policy\""]).1));
    assert!(!seed_found(&env.search_json(&["\"housing policies\""]).1));
    // Bare words keep stemming: the seed says "campaign" and "campaigning".
    assert!(seed_found(&env.search_json(&["campaigns", "Corbyn"]).1));
    // A quoted single word is exact too.
    assert!(!seed_found(
        &env.search_json(&["\"campaigns\"", "Corbyn"]).1
    ));
}

#[test]
fn words_with_apostrophes_just_work() {
    let env = Env::indexed_sample();
    let (code, hits) = env.search_json(&["children's"]);
    assert_eq!(code, 0);
    assert!(hits
        .iter()
        .any(|h| h["snippet"].as_str().unwrap().contains("children's")));
    for q in ["Critics'", "O'Neill", "Corbyn's man", "d'Artagnan"] {
        let out = env.run(&["search", q]);
        assert!(
            matches!(out.status.code(), Some(0 | 1)),
            "{q}: {}",
            stderr(&out)
        );
    }
    assert!(seed_found(&env.search_json(&["\"Corbyn's man\""]).1));
}

#[test]
fn bad_queries_get_one_line_with_position_and_hint() {
    let env = Env::indexed_sample();
    for (q, needle) in [
        ("\"door to", "column 1: unclosed quote"),
        ("(corbyn OR khan", "unclosed `(`"),
        ("corbyn AND AND khan", "AND needs a term on each side"),
        ("😀", "no searchable words"),
    ] {
        let out = env.run(&["search", "--", q]);
        assert_status(&out, 2);
        let err = stderr(&out);
        assert_eq!(err.lines().count(), 1, "{q}: {err}");
        assert!(err.contains(needle), "{q}: {err}");
    }
}

#[test]
fn passages_carry_offsets_and_source_lines() {
    let env = Env::indexed_sample();
    let (_, hits) = env.search_json(&["\"door to door\"", "--snippets", "3"]);
    let hit = &hits[0];
    let frags = hit["fragments"].as_array().unwrap();
    assert!(!frags.is_empty() && frags.len() <= 3);
    let first = &frags[0];
    let text = first["text"].as_str().unwrap();
    let [a, b] = [0, 1].map(|i| first["highlights"][0][i].as_u64().unwrap() as usize);
    let marked: String = text.chars().skip(a).take(b - a).collect();
    assert_eq!(marked, "door to door");
    // The line number opens the source file at the passage.
    let line = first["line"].as_u64().unwrap() as usize;
    let source = std::fs::read_to_string(hit["path"].as_str().unwrap()).unwrap();
    let at_line = source.lines().nth(line - 1).unwrap();
    let opening: String = text.trim_start_matches('…').chars().take(30).collect();
    assert!(
        at_line.contains(&opening),
        "line {line}: {at_line:?} vs {opening:?}"
    );
    // body_offset points into the stored body.
    let id = hit["id"].as_str().unwrap();
    let article: Value = serde_json::from_slice(&env.run(&["--json", "show", id]).stdout).unwrap();
    let body: String = article["body"]
        .as_str()
        .unwrap()
        .chars()
        .skip(first["body_offset"].as_u64().unwrap() as usize)
        .take(20)
        .collect();
    assert!(opening.starts_with(&body[..10]), "{body:?} vs {opening:?}");
}

#[test]
fn sort_by_date() {
    let env = Env::indexed_sample();
    for (order, newest_first) in [("newest", true), ("oldest", false)] {
        let (code, hits) = env.search_json(&["oil", "--sort", order, "--limit", "30"]);
        assert_eq!(code, 0);
        let dates: Vec<&str> = hits.iter().map(|h| h["date"].as_str().unwrap()).collect();
        let mut sorted = dates.clone();
        sorted.sort();
        if newest_first {
            sorted.reverse();
        }
        assert_eq!(dates, sorted);
    }
    let (code, _) = env.search_json(&["oil", "--sort", "recent"]);
    assert_eq!(code, 0);
}

/// Every example in the README's query syntax table runs and finds
/// something in the sample corpus.
#[test]
fn readme_query_examples_work() {
    let readme = std::fs::read_to_string(crate::util::repo_path("README.md")).unwrap();
    let section = readme
        .split("### Query syntax")
        .nth(1)
        .expect("README has a query syntax section");
    let table: Vec<&str> = section
        .lines()
        .skip_while(|l| !l.starts_with('|'))
        .take_while(|l| l.starts_with('|'))
        .skip(2)
        .collect();
    assert!(table.len() >= 12, "syntax table rows: {}", table.len());
    let env = Env::indexed_sample();
    for row in table {
        let example = row
            .split('`')
            .nth(1)
            .expect("each row starts with an example");
        let out = env.run(&["--json", "search", "--", example]);
        assert_status(&out, 0);
        assert!(stdout(&out).lines().count() >= 1, "{example}");
    }
}

/// Issue #8: a plain query whose words no article has all of falls back to
/// the closest matches, says so, and tells which words each hit matched;
/// explicit syntax or --all-words stays strict.
#[test]
fn plain_queries_fall_back_to_closest_matches() {
    let env = Env::indexed_sample();
    let q = "mayoral campaign xylophone zeppelin";
    let out = env.run(&["search", q]);
    assert_status(&out, 0);
    // The list starts with the line saying none has every word.
    let text = stdout(&out);
    assert!(
        text.starts_with(
            "-- no article has all of mayoral, campaign, xylophone, zeppelin; \
             closest matches, with some of them (--all-words for exact) --\n"
        ),
        "{text}"
    );
    assert!(text.contains("0 articles with all 4 words · "), "{text}");
    assert!(
        stdout(&out).contains("matches mayoral campaign"),
        "{}",
        stdout(&out)
    );

    let (code, hits) = env.search_json(&[q]);
    assert_eq!(code, 0);
    assert!(
        seed_found(&hits[..1]),
        "the article with most of the words comes first"
    );
    assert_eq!(hits[0]["relaxed"], true);
    let most = hits
        .iter()
        .map(|h| h["matched"].as_array().unwrap().len())
        .max();
    assert_eq!(Some(hits[0]["matched"].as_array().unwrap().len()), most);
    let matched = strs(&hits[0]["matched"]);
    assert_eq!(matched, ["mayoral", "campaign"]);

    // Stop words count for nothing in closest matches, and are not marked.
    let (_, hits) = env.search_json(&["the mayoral campaign of a xylophone"]);
    assert_eq!(hits[0]["relaxed"], true);
    for hit in &hits {
        let words: Vec<String> = marked(hit).iter().map(|w| w.to_lowercase()).collect();
        assert!(!words.is_empty(), "{hit}");
        assert!(
            words
                .iter()
                .all(|w| !["the", "of", "a"].contains(&w.as_str())),
            "{words:?}"
        );
    }

    // Every page is cut from the same ordered list, past the blended
    // first hundred too.
    let ids = |args: &[&str]| -> Vec<String> {
        // Every copy: the sample corpus holds one text in several formats.
        let mut args = args.to_vec();
        args.push("--all-copies");
        let (code, hits) = env.search_json(&args);
        assert_eq!(code, 0, "{args:?}");
        hits.iter()
            .map(|h| h["id"].as_str().unwrap().to_string())
            .collect()
    };
    let wide = "government campaign xylophone zeppelin";
    let all = ids(&["--limit", "130", wide]);
    assert_eq!(all.len(), 130);
    let mut paged = ids(&["--limit", "65", wide]);
    paged.extend(ids(&["--limit", "65", "--offset", "65", wide]));
    assert_eq!(paged, all);

    for strict in [
        vec!["--all-words", q],
        vec!["mayoral AND campaign AND xylophone"],
        vec!["\"mayoral campaign\" xylophone"],
    ] {
        let (code, hits) = env.search_json(&strict);
        assert_eq!(code, 1, "{strict:?}: {hits:?}");
    }
    // Full matches keep their place and carry no `relaxed` mark.
    let (_, hits) = env.search_json(&["government", "plans"]);
    assert!(hits.iter().all(|h| h.get("relaxed").is_none()));
}

/// Issue #8: among closest matches, the article about what the query
/// describes (tennis, on Centre Court) beats one that only shares a word
/// with it (a court of law), though that one uses the word more (a higher
/// BM25; it ranks first without the blend): relaxed matching blends in how
/// close each article's meaning is to the query's (`newsdex::meaning`).
#[test]
fn closest_matches_prefer_the_article_about_the_query() {
    let env = Env::empty();
    env.write(
        "sport/tennis.txt",
        "Top seed through to Wimbledon semi-final\n\n\
         The top seed won in straight sets on Centre Court, serving eleven \
         aces. Her forehand and backhand were too strong, and she saved a set \
         point in the tiebreak before clinching the match with a volley at \
         the net.\n",
    );
    env.write(
        "crime/trial.txt",
        "Judge adjourns fraud case\n\n\
         The court heard that the trial would resume next week. Lawyers told \
         the court the defendant denied the charges, and the court granted \
         bail.\n",
    );
    env.index_corpus();
    let q = "court tennis star";
    // Strictly, nothing has every word: the fallback ranks the two.
    let (code, hits) = env.search_json(&["--all-words", q]);
    assert_eq!((code, hits.len()), (1, 0), "{hits:?}");
    let (code, hits) = env.search_json(&[q]);
    assert_eq!(code, 0);
    let paths: Vec<&str> = hits.iter().map(|h| h["path"].as_str().unwrap()).collect();
    assert_eq!(paths.len(), 2, "{paths:?}");
    assert!(paths[0].ends_with("tennis.txt"), "{paths:?}");
    assert!(hits.iter().all(|h| h["relaxed"] == true));
    assert!(hits[0]["score"].as_f64().unwrap() > hits[1]["score"].as_f64().unwrap());

    // An article with every word stays first, and the text says how many.
    env.write(
        "sport/profile.txt",
        "Profile\n\nThe star of British tennis trains on a grass court.\n",
    );
    env.index_corpus();
    let out = env.run(&["search", q]);
    assert_status(&out, 0);
    let text = stdout(&out);
    assert!(
        text.contains("1 article with all 3 words · 2 more with some of them · showing 1-3"),
        "{text}"
    );
    // The line saying where the closest matches start comes after the
    // first hit, which has every word.
    let divider = text
        .find("-- closest matches, with only some of court, tennis, star")
        .unwrap();
    assert!(text.find(" 1. ").unwrap() < divider && divider < text.find(" 2. ").unwrap());
    let (_, hits) = env.search_json(&[q]);
    // Only the hits that lack a word are marked `relaxed`.
    let marks: Vec<bool> = hits.iter().map(|h| h["relaxed"] == true).collect();
    assert_eq!(marks, [false, true, true]);
    let paths: Vec<&str> = hits.iter().map(|h| h["path"].as_str().unwrap()).collect();
    assert_eq!(paths.len(), 3, "{paths:?}");
    assert!(paths[0].ends_with("profile.txt"), "{paths:?}");
    assert!(paths[1].ends_with("tennis.txt"), "{paths:?}");
    // Explicit syntax stays strict.
    let (code, _) = env.search_json(&["court AND fraud AND tennis"]);
    assert_eq!(code, 1);
}

#[test]
fn a_pasted_headline_or_url_is_searched_not_refused() {
    let Some(out) = bbc(&["--json", "search", "Obituary: Dame Alicia Markova"]) else {
        return;
    };
    assert_status(&out, 0);
    let hits = hits_of(&out);
    assert_eq!(hits[0]["title"], "Obituary: Dame Alicia Markova");
    assert!(hits[0]["id"]
        .as_str()
        .unwrap()
        .ends_with("entertainment/021.txt"));

    // Nothing found: the notice says the word was not a field.
    let out = bbc(&["search", "Flibbertigibbet: qwxzvv"]).unwrap();
    assert_status(&out, 1);
    assert!(
        stderr(&out).contains(
            "`flibbertigibbet:` is not a field; searched it as a word (fields: title, body,"
        ),
        "{}",
        stderr(&out)
    );
    // Found: no such notice.
    let out = bbc(&["search", "Obituary: Markova"]).unwrap();
    assert_status(&out, 0);
    assert!(!stderr(&out).contains("not a field"), "{}", stderr(&out));

    // A URL is no error, whether or not an article has it.
    let out = bbc(&["search", "https://www.bbc.co.uk/news/uk-politics-123"]).unwrap();
    assert_status(&out, 1);
    assert!(!stderr(&out).contains("error"), "{}", stderr(&out));
}

#[test]
fn hyphenated_and_joined_words_find_the_same_articles() {
    let Some(email) = bbc(&[
        "--json",
        "search",
        "--all-words",
        "--all-copies",
        "--limit",
        "1000",
        "email",
    ]) else {
        return;
    };
    let e_mail = bbc(&[
        "--json",
        "search",
        "--all-words",
        "--all-copies",
        "--limit",
        "1000",
        "e-mail",
    ])
    .unwrap();
    let (email, e_mail) = (hits_of(&email), hits_of(&e_mail));
    assert_eq!(id_set(&email), id_set(&e_mail));
    // Both at least find every article with either spelling as an exact word.
    let exact = |q: &str| {
        let out = bbc(&["--json", "search", "--all-copies", "--limit", "1000", q]).unwrap();
        id_set(&hits_of(&out))
    };
    let (joined, hyphenated) = (exact("\"email\""), exact("\"e-mail\""));
    assert!(joined.len() >= 10 && hyphenated.len() >= 50);
    assert!(joined
        .union(&hyphenated)
        .all(|id| id_set(&email).contains(id)));
    assert!(email.len() > hyphenated.len().max(joined.len()));
    // `email` marks `e-mail` where that is how the article spells it.
    let only_hyphenated = email
        .iter()
        .find(|h| {
            let id = h["id"].as_str().unwrap();
            !joined.contains(id) && crate::util::marked(h).iter().any(|m| m.contains('-'))
        })
        .expect("a hit spelling it e-mail");
    let marked = crate::util::marked(only_hyphenated);
    assert!(
        marked
            .iter()
            .any(|m| m.eq_ignore_ascii_case("e-mail") || m.eq_ignore_ascii_case("e-mails")),
        "{marked:?}"
    );
}
