//! Story clusters (issue #16): copies of one story share a story, search
//! shows each story once with its copies, `people` and `timeline` count
//! stories, `duplicates` lists them, and stories stay right as files are
//! added, deleted and changed.

use std::collections::{HashMap, HashSet};

use serde_json::Value;

use crate::util::corpora::{bbc_index, corpus};
use crate::util::http::Server;
use crate::util::{assert_status, stdout, strs, Env};

const STORY: &str = "The city council voted on Tuesday to build a tram line \
from the railway station to the university, ending a decade of argument \
over how to ease traffic on the ring road.\n\n\
Council leader Margaret Oduya said the line would carry its first \
passengers in 2029 and cost 310 million pounds, most of it from a \
government transport fund.\n\n\
Shopkeepers on the route warned that two years of roadworks would keep \
customers away, and asked for help with business rates while the rails \
are laid.\n\n\
The opposition group said it supported the tram but feared the final \
bill would be far higher, pointing to lines elsewhere that ran years \
late and over budget.";

const OTHER: &str = "Bus fares in the city will rise by ten pence in April, \
the transport authority said, blaming the cost of fuel and drivers' pay.\n\n\
Council leader Margaret Oduya said she regretted the rise but that the \
authority had no choice if services were to keep running in the evenings.\n\n\
Passenger groups said the increase would hit students and pensioners \
hardest, and called for a fares freeze until the new tram line opens.";

fn article(title: &str, body: &str) -> String {
    format!("{title}\n\n{body}\n")
}

/// `duplicates --json`: each story's member ids.
fn groups(env: &Env) -> Vec<Vec<String>> {
    let out = env.run(&["--json", "duplicates"]);
    stdout(&out)
        .lines()
        .map(|l| {
            let g: Value = serde_json::from_str(l).unwrap();
            let mut ids: Vec<String> = g["members"]
                .as_array()
                .unwrap()
                .iter()
                .map(|m| m["id"].as_str().unwrap().to_string())
                .collect();
            ids.sort();
            ids
        })
        .collect()
}

#[test]
fn copies_are_shown_once_with_their_ids_and_counted_once() {
    let env = Env::empty();
    env.write(
        "wire/tram.txt",
        article("Council approves new tram line", STORY),
    );
    // Another outlet's copy: its own headline, page furniture, one
    // paragraph cut.
    let cut = STORY.replace(
        "\n\nShopkeepers on the route warned that two years of roadworks would keep \
customers away, and asked for help with business rates while the rails \
are laid.",
        "",
    );
    env.write(
        "paper/tram-copy.txt",
        article(
            "Tram line gets the go-ahead",
            &format!("{cut}\n\nAdvertisement\n\nShare this article"),
        ),
    );
    env.write(
        "paper/fares.txt",
        article("Council tram fares warning", OTHER),
    );
    let report = env.index_corpus();
    assert_eq!(report["articles_joined_stories"], 1, "{report}");

    let (code, hits) = env.search_json(&["tram", "council"]);
    assert_eq!(code, 0);
    assert_eq!(hits.len(), 2, "one story shown once: {hits:?}");
    let story = hits
        .iter()
        .find(|h| h["id"].as_str().unwrap().contains("tram"))
        .unwrap();
    let copies = strs(&story["copies"]);
    assert_eq!(copies.len(), 1);
    assert_ne!(copies[0], story["id"].as_str().unwrap());
    assert!(copies[0].contains("tram"), "{copies:?}");
    let other = hits
        .iter()
        .find(|h| h["id"].as_str().unwrap().contains("fares"));
    assert_eq!(other.unwrap()["copies"].as_array().unwrap().len(), 0);

    // Text: the copy is named, and the total counts stories and articles.
    let out = env.run(&["search", "tram", "council"]);
    let text = stdout(&out);
    assert!(text.contains("+1 copy ("), "{text}");
    assert!(
        text.contains("2 matching stories · showing 1-2 (3 articles, copies shown once)"),
        "{text}"
    );

    // Every copy when asked.
    let (_, all) = env.search_json(&["tram", "council", "--all-copies"]);
    assert_eq!(all.len(), 3);
    assert!(all
        .iter()
        .all(|h| h["copies"].as_array().unwrap().is_empty()));

    // Paging cuts stories: the second page of one holds the other story.
    let (_, p1) = env.search_json(&["tram", "council", "-n", "1"]);
    let (_, p2) = env.search_json(&["tram", "council", "-n", "1", "--offset", "1"]);
    assert_eq!(p1[0]["id"], hits[0]["id"]);
    assert_eq!(p2[0]["id"], hits[1]["id"]);
    let (code, p3) = env.search_json(&["tram", "council", "-n", "1", "--offset", "2"]);
    assert_eq!((code, p3.len()), (1, 0), "past the last story");

    // people and timeline count the story once.
    let people = |extra: &[&str]| -> u64 {
        let mut args = vec!["--json", "people"];
        args.extend_from_slice(extra);
        let out = env.run(&args);
        let first: Value = serde_json::from_str(stdout(&out).lines().next().unwrap()).unwrap();
        assert_eq!(first["name"], "Margaret Oduya");
        first["articles"].as_u64().unwrap()
    };
    assert_eq!(people(&[]), 2);
    assert_eq!(people(&["--all-copies"]), 3);
    let out = env.run(&["people"]);
    assert!(stdout(&out).contains("from 2 stories"), "{}", stdout(&out));

    // duplicates: the story and its two members, exit 0; none at 1.0.
    let out = env.run(&["duplicates"]);
    assert_status(&out, 0);
    let text = stdout(&out);
    assert!(text.contains("(2 articles)"), "{text}");
    assert!(text.contains("1 story has copies"), "{text}");
    let out = env.run(&["duplicates", "--min-similarity", "1"]);
    assert_status(&out, 1);
    let out = env.run(&["duplicates", "--min-similarity", "2"]);
    assert_status(&out, 2);
    assert!(crate::util::stderr(&out).contains("between 0 and 1"));
}

#[test]
fn stories_follow_new_deleted_and_changed_files() {
    let env = Env::empty();
    env.write("a.txt", article("Council approves new tram line", STORY));
    env.index_corpus();
    assert!(groups(&env).is_empty());
    // A new copy joins the story of the one already indexed.
    env.write("b.txt", article("Tram line approved", STORY));
    let report = env.index_corpus();
    assert_eq!(report["articles_joined_stories"], 1);
    env.write(
        "c.txt",
        article("Trams approved", &STORY.replace("Tuesday", "Monday")),
    );
    env.index_corpus();
    let ids = |names: &[&str]| -> Vec<String> {
        let mut v: Vec<String> = names.iter().map(|n| format!("corpus/{n}")).collect();
        v.sort();
        v
    };
    assert_eq!(groups(&env), vec![ids(&["a.txt", "b.txt", "c.txt"])]);
    // Deleting the first member keeps the story for the rest.
    std::fs::remove_file(env.corpus().join("a.txt")).unwrap();
    env.index_corpus();
    assert_eq!(groups(&env), vec![ids(&["b.txt", "c.txt"])]);
    // A changed file that is no longer a copy leaves its story.
    env.write("c.txt", article("Bus fares to rise", OTHER));
    env.index_corpus();
    assert!(groups(&env).is_empty(), "{:?}", groups(&env));
    // A rebuild gives the same stories; a copy again joins again.
    env.write("c.txt", article("Tram line approved", STORY));
    env.index_corpus();
    let before = groups(&env);
    assert_eq!(before, vec![ids(&["b.txt", "c.txt"])]);
    assert_status(&env.run(&["rebuild", "-q"]), 0);
    assert_eq!(groups(&env), before);
}

#[test]
fn the_api_counts_stories_and_lists_copies() {
    let env = Env::empty();
    env.write("a.txt", article("Council approves new tram line", STORY));
    env.write("b.txt", article("Tram line approved", STORY));
    env.write("c.txt", article("Bus fares to rise", OTHER));
    env.index_corpus();
    let server = Server::start(&env, &[]);
    let v = server.json("/api/search?q=tram", 200);
    assert_eq!(v["total"], 3, "{v}");
    assert_eq!(v["stories"], 2, "{v}");
    let hits = v["hits"].as_array().unwrap();
    assert_eq!(hits.len(), 2);
    let copies: usize = hits
        .iter()
        .map(|h| h["copies"].as_array().unwrap().len())
        .sum();
    assert_eq!(copies, 1);
    assert_eq!(v["facets"]["people"][0]["articles"], 2, "{v}");
    let all = server.json("/api/search?q=tram&all_copies=true", 200);
    assert_eq!(all["stories"], 3);
    assert_eq!(all["hits"].as_array().unwrap().len(), 3);
    assert_eq!(all["facets"]["people"][0]["articles"], 3);
    let bad = server.get("/api/search?q=tram&all_copies=yes");
    assert_eq!(bad.status, 400, "{}", bad.body);
}

/// The BBC corpus: `duplicates` lists every byte-identical pair of files
/// as one story, and no search shows one story twice in its top 10.
#[test]
fn bbc_identical_pairs_are_one_story_and_never_shown_twice() {
    let (Some(store), Some(bbc)) = (bbc_index(), corpus("bbc")) else {
        return;
    };
    let index = store.path().to_str().unwrap();
    let run = |args: &[&str]| -> String {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_newsdex"))
            .arg("--index")
            .arg(index)
            .args(args)
            .output()
            .unwrap();
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    // Identical files, found here by content.
    let mut by_content: HashMap<Vec<u8>, Vec<String>> = HashMap::new();
    for e in walkdir::WalkDir::new(&bbc).sort_by_file_name() {
        let e = e.unwrap();
        if e.path().extension().is_some_and(|x| x == "txt") && e.path().parent() != Some(&bbc) {
            let path = std::fs::canonicalize(e.path()).unwrap();
            by_content
                .entry(std::fs::read(e.path()).unwrap())
                .or_default()
                .push(path.to_string_lossy().into_owned());
        }
    }
    let pairs: Vec<(String, String)> = by_content
        .values()
        .filter(|v| v.len() > 1)
        .flat_map(|v| v[1..].iter().map(|p| (v[0].clone(), p.clone())))
        .collect();
    assert_eq!(pairs.len(), 98, "the BBC corpus holds 98 identical pairs");
    // Story of every path that has copies, from `duplicates --json`.
    let mut story_of: HashMap<String, usize> = HashMap::new();
    let mut id_story: HashMap<String, usize> = HashMap::new();
    for (i, line) in run(&["--json", "duplicates"]).lines().enumerate() {
        let g: Value = serde_json::from_str(line).unwrap();
        for m in g["members"].as_array().unwrap() {
            story_of.insert(m["path"].as_str().unwrap().to_string(), i);
            id_story.insert(m["id"].as_str().unwrap().to_string(), i);
        }
    }
    for (a, b) in &pairs {
        assert!(
            story_of.contains_key(a) && story_of.get(a) == story_of.get(b),
            "{a} and {b} are identical but not one story"
        );
    }
    // Searches for the copied stories' own headlines, and common words.
    let mut queries: Vec<String> = ["budget", "election", "film", "mobile phone", "champion"]
        .iter()
        .map(|s| s.to_string())
        .collect();
    for (a, _) in pairs.iter().take(40) {
        let text = std::fs::read_to_string(a).unwrap();
        queries.push(text.lines().next().unwrap().replace(['"', ':', '\''], " "));
    }
    for q in &queries {
        let mut seen = HashSet::new();
        for line in run(&["--json", "search", "-n", "10", "--snippets", "0", q]).lines() {
            let hit: Value = serde_json::from_str(line).unwrap();
            let Some(id) = hit["id"].as_str() else {
                continue;
            };
            if let Some(&s) = id_story.get(id) {
                assert!(
                    seen.insert(s),
                    "`{q}` shows the story of {id} twice in its top 10"
                );
            }
        }
    }
}
