//! Issue #3: search by person, `people` and `timeline`.

use serde_json::Value;

use crate::util::json::file_names;
use crate::util::{assert_status, marked, stdout, strs, Env};

const SEED: &str = "000_12938842849ca153.txt";

#[test]
fn person_query_finds_the_seed_and_marks_short_forms() {
    let env = Env::indexed_sample();
    let (code, hits) = env.search_json(&["person:\"Sadiq Khan\"", "--snippets", "3"]);
    assert_eq!(code, 0);
    assert!(hits[0]["path"].as_str().unwrap().ends_with(SEED));
    let people = strs(&hits[0]["people"]);
    assert_eq!(people, ["Jeremy Corbyn", "Sadiq Khan"]);
    let marks = marked(&hits[0]);
    assert!(marks.iter().any(|m| m == "Mr Khan"), "{marks:?}");
    assert!(
        !marks.iter().any(|m| m.contains("Corbyn")),
        "only the person asked for: {marks:?}"
    );

    // Case and accents do not matter; the flag does the same as the field.
    let (_, lower) = env.search_json(&["person:\"sadiq khan\""]);
    assert_eq!(lower.len(), hits.len());
    let (_, flag) = env.search_json(&["--person", "Sadiq Khan"]);
    assert_eq!(flag.len(), hits.len());
    let (_, flag_and_words) = env.search_json(&["--person", "Sadiq Khan", "door"]);
    assert_eq!(flag_and_words.len(), 1);
}

#[test]
fn surname_finds_every_khan_and_people_lists_co_mentions() {
    let env = Env::indexed_sample();
    let (_, khans) = env.search_json(&["person:khan", "--limit", "100"]);
    let (_, sadiq) = env.search_json(&["person:\"Sadiq Khan\"", "--limit", "100"]);
    assert!(khans.len() > sadiq.len(), "another Khan is in the sample");
    for hit in &khans {
        let names = hit["people"].as_array().unwrap();
        assert!(
            names.iter().any(|n| n.as_str().unwrap().ends_with("Khan")),
            "{hit}"
        );
    }

    let out = env.run(&["--json", "people", "person:\"Sadiq Khan\""]);
    assert_status(&out, 0);
    let listed: Vec<Value> = stdout(&out)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let names: Vec<&str> = listed.iter().map(|p| p["name"].as_str().unwrap()).collect();
    assert!(
        names.contains(&"Jeremy Corbyn") && names.contains(&"Sadiq Khan"),
        "{names:?}"
    );
    assert!(!names
        .iter()
        .any(|n| ["London", "Labour", "Arsenal", "Tory"].contains(n)));

    // The whole archive: most mentioned first.
    let out = env.run(&["--json", "people", "--limit", "5"]);
    let top: Vec<Value> = stdout(&out)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(top.len(), 5);
    let counts: Vec<u64> = top
        .iter()
        .map(|p| p["articles"].as_u64().unwrap())
        .collect();
    assert!(counts.windows(2).all(|w| w[0] >= w[1]), "{counts:?}");
    let text = stdout(&env.run(&["people", "--limit", "3"]));
    assert!(text.contains("Tony Blair"), "{text}");
}

#[test]
fn timeline_counts_per_period() {
    let env = Env::indexed_sample();
    let out = env.run(&["--json", "timeline", "oil", "--by", "week"]);
    assert_status(&out, 0);
    let buckets: Vec<Value> = stdout(&out)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert!(buckets.len() >= 2);
    assert!(buckets
        .iter()
        .all(|b| b["period"].as_str().unwrap().starts_with("1987-W")));
    let dated: u64 = buckets
        .iter()
        .map(|b| b["articles"].as_u64().unwrap())
        .sum();
    let (_, hits) = env.search_json(&["oil", "date:[* TO *]", "--limit", "1000"]);
    assert_eq!(dated as usize, hits.len());
    let text = stdout(&env.run(&["timeline", "oil"]));
    assert!(text.contains("1987-03") && text.contains('█'), "{text}");
    assert_status(&env.run(&["timeline", "xylophonequux"]), 1);
}

#[test]
fn articles_that_name_the_person_more_often_rank_first() {
    let env = Env::empty();
    let corpus = env.corpus();
    std::fs::create_dir_all(&corpus).unwrap();
    let write = |name: &str, text: &str| std::fs::write(corpus.join(name), text).unwrap();
    write(
        "once.txt",
        "Transport budget agreed\n\nThe transport budget was agreed on Monday after a long \
         debate. Sadiq Khan was among those who spoke. Bus fares will rise in March.\n",
    );
    write(
        "often.txt",
        "Housing plan unveiled\n\nSadiq Khan unveiled a housing plan on Monday. Mr Khan said \
         the plan would build homes. Critics said Mr Khan had promised as much before.\n\n\
         Mr Khan replied that this time the money was there.\n",
    );
    write(
        "nobody.txt",
        "Weather turns cold\n\nThe weather turned cold across the south on Monday.\n",
    );
    assert_status(&env.run(&["index", "corpus"]), 0);
    let (code, hits) = env.search_json(&["person:\"Sadiq Khan\""]);
    assert_eq!(code, 0);
    let order: Vec<&str> = hits
        .iter()
        .map(|h| h["path"].as_str().unwrap().rsplit('/').next().unwrap())
        .collect();
    assert_eq!(order, ["often.txt", "once.txt"]);
    let (_, by_surname) = env.search_json(&["person:khan"]);
    assert_eq!(by_surname[0]["path"], hits[0]["path"]);
}

/// Issue #15: `person:"Donald Trump"` and `--person` find every form of the
/// name (middle initial, dots, suffix) and mark it; other middle initials
/// are someone else.
#[test]
fn person_query_finds_every_form_of_a_name() {
    let env = Env::empty();
    let corpus = env.corpus();
    std::fs::create_dir_all(&corpus).unwrap();
    let write = |name: &str, text: &str| std::fs::write(corpus.join(name), text).unwrap();
    write(
        "plain.txt",
        "Tariffs announced\n\nDonald Trump announced tariffs on Monday. Mr. Trump said \
         steel would be first.\n",
    );
    write(
        "initial.txt",
        "Order signed\n\nDonald J. Trump signed an order on Tuesday, aides said.\n",
    );
    write(
        "nodot.txt",
        "Speech given\n\nDonald J Trump gave a speech on Wednesday, his office said.\n",
    );
    write(
        "elder.txt",
        "Library opened\n\nGeorge H. W. Bush opened a library on Thursday, aides said.\n",
    );
    write(
        "younger.txt",
        "Ranch visit\n\nGeorge W. Bush visited his ranch on Friday, aides said. George W \
         Bush then left.\n",
    );
    assert_status(&env.run(&["index", "corpus"]), 0);
    let files = |hits: &[Value]| file_names(hits, "path");
    let trumps = ["initial.txt", "nodot.txt", "plain.txt"];
    for q in [
        "Donald Trump",
        "Donald J. Trump",
        "Donald J Trump",
        "donald trump",
    ] {
        let (code, hits) = env.search_json(&[&format!("person:\"{q}\""), "--snippets", "3"]);
        assert_eq!(code, 0, "{q}");
        assert_eq!(files(&hits), trumps, "{q}");
        for hit in &hits {
            let marks = marked(hit);
            assert!(
                marks.iter().any(|m| m.starts_with("Donald")),
                "{q}: the name is marked in {hit}"
            );
        }
        let (_, flag) = env.search_json(&["--person", q]);
        assert_eq!(files(&flag), trumps, "--person {q}");
    }
    let (_, younger) = env.search_json(&["person:\"George W. Bush\""]);
    assert_eq!(files(&younger), ["younger.txt"]);
    let (_, elder) = env.search_json(&["person:\"George H.W. Bush\""]);
    assert_eq!(files(&elder), ["elder.txt"]);
    let (_, both) = env.search_json(&["person:\"George Bush\""]);
    assert_eq!(files(&both), ["elder.txt", "younger.txt"]);

    // `people` lists each person once, under one form of the name.
    let out = env.run(&["--json", "people"]);
    assert_status(&out, 0);
    let listed: Vec<(String, u64)> = stdout(&out)
        .lines()
        .map(|l| serde_json::from_str::<Value>(l).unwrap())
        .map(|p| {
            (
                p["name"].as_str().unwrap().to_string(),
                p["articles"].as_u64().unwrap(),
            )
        })
        .collect();
    let trumps: Vec<&(String, u64)> = listed.iter().filter(|(n, _)| n.contains("Trump")).collect();
    assert_eq!(trumps.len(), 1, "{listed:?}");
    assert_eq!(trumps[0].1, 3, "{listed:?}");
    let bushes = listed.iter().filter(|(n, _)| n.contains("Bush")).count();
    assert_eq!(bushes, 2, "{listed:?}");
}

/// Issue #24: people in German and Russian news. The corpora are written
/// as LexisNexis text exports whose `LANGUAGE:` field names the language,
/// so the language reaches the extractor from the source (as it will from
/// language detection too); each document's text is one paragraph.
fn lexisnexis_export(language: &str, docs: &[(String, String)]) -> String {
    let mut out = String::new();
    let n = docs.len();
    for (i, (title, body)) in docs.iter().enumerate() {
        out.push_str(&format!(
            "                {} of {n} DOCUMENTS\n\n\n                  Test Source\n\n\
             \x20         January 4, 2016 Monday\n\n{title}\n\nLENGTH: 100 words\n\n\
             {body}\n\nLANGUAGE: {language}\n\n",
            i + 1
        ));
    }
    out
}

/// The people listed for the whole archive, most mentioned first.
fn people_names(env: &Env) -> Vec<String> {
    let out = env.run(&["--json", "people", "--limit", "300"]);
    assert_status(&out, 0);
    stdout(&out)
        .lines()
        .map(|l| {
            serde_json::from_str::<Value>(l).unwrap()["name"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect()
}

#[test]
fn german_people_lose_titles_and_nouns() {
    let Some(csv) = crate::util::corpora::corpus("languages/de-10kgnad/test.csv") else {
        return;
    };
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .delimiter(b';')
        .quote(b'\'')
        .from_path(&csv)
        .unwrap();
    let docs: Vec<(String, String)> = reader
        .records()
        .enumerate()
        .map(|(i, r)| {
            let r = r.unwrap();
            (format!("{} {i}", &r[0]), r[1].replace(['\r', '\n'], " "))
        })
        .collect();
    let mitterlehner = docs
        .iter()
        .filter(|(_, b)| b.contains("Reinhold Mitterlehner"))
        .count();
    let env = Env::empty();
    env.write("standard.txt", lexisnexis_export("GERMAN", &docs));
    env.index_corpus();
    let names = people_names(&env);
    for junk in [
        "Millionen Euro",
        "Milliarden Euro",
        "Die Regierung",
        "Stadt Wien",
        "Denken Sie",
    ] {
        assert!(!names.iter().any(|n| n == junk), "{junk} in {names:?}");
    }
    assert!(
        !names.iter().any(|n| n.starts_with("Vizekanzler ")),
        "{names:?}"
    );
    assert!(
        names.iter().take(10).any(|n| n == "Reinhold Mitterlehner"),
        "{names:?}"
    );
    let (code, hits) = env.search_json(&["--person", "Reinhold Mitterlehner", "--limit", "100"]);
    assert_eq!(code, 0);
    assert!(
        hits.len() >= mitterlehner,
        "{} of {mitterlehner}",
        hits.len()
    );
}

#[test]
fn russian_case_forms_merge_into_one_person() {
    let Some(dir) = crate::util::corpora::corpus("languages/ru-factrueval2016") else {
        return;
    };
    let mut docs = Vec::new();
    for part in ["devset", "testset"] {
        let mut files: Vec<_> = std::fs::read_dir(dir.join(part))
            .unwrap()
            .flatten()
            .map(|e| e.path())
            .collect();
        files.sort();
        for f in files
            .iter()
            .filter(|f| f.extension().is_some_and(|e| e == "txt"))
        {
            let raw = std::fs::read_to_string(f).unwrap();
            let (title, body) = raw.split_once('\n').unwrap_or((&raw, ""));
            let body = body.split_whitespace().collect::<Vec<_>>().join(" ");
            docs.push((title.trim().to_string(), body));
        }
    }
    let putina = docs
        .iter()
        .filter(|(t, b)| t.contains("Путина") || b.contains("Путина"))
        .count();
    let env = Env::empty();
    env.write("factrueval.txt", lexisnexis_export("RUSSIAN", &docs));
    env.index_corpus();
    let names = people_names(&env);
    assert_eq!(
        names.first().map(String::as_str),
        Some("Владимир Путин"),
        "{names:?}"
    );
    for junk in [
        "Путина",
        "Путину",
        "России Владимир Путин",
        "Единой России",
        "Ранее Меркель",
    ] {
        assert!(!names.iter().any(|n| n == junk), "{junk} in {names:?}");
    }
    // Every article that writes `Путина` is found under the one name.
    let (code, hits) = env.search_json(&["--person", "Владимир Путин", "--limit", "200"]);
    assert_eq!(code, 0);
    assert!(hits.len() >= putina, "{} of {putina}", hits.len());
}
