//! Precision and recall of [`extract`](super::extract) on the labelled set
//! in `tests/data/people/eval.jsonl`, and its speed on the BBC corpus.
//!
//! Article texts are not copied into the repository: each label names a
//! file under the shared corpora (`../shared` beside the crate), which the
//! tests read; without it they print a note and pass. See
//! `tests/data/people/README.md` for the labelling and matching rules.

use super::{extract, normalise};
use std::path::{Path, PathBuf};
use std::time::Instant;

const LABELS: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/data/people/eval.jsonl"
));

/// Precision floor asserted by the evaluation (a little under what the
/// extractor reaches, so regressions fail).
const MIN_PRECISION: f64 = 0.94;
/// Recall floor.
const MIN_RECALL: f64 = 0.92;

fn shared() -> Option<PathBuf> {
    let p = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../shared"));
    p.is_dir().then(|| p.to_path_buf())
}

#[derive(serde::Deserialize)]
struct Label {
    source: String,
    newid: Option<u64>,
    people: Vec<String>,
}

/// Title and body of a labelled article.
fn load(root: &Path, label: &Label) -> (String, String) {
    let path = root.join(&label.source);
    if let Some(id) = label.newid {
        let bytes = std::fs::read(&path).expect("reading Reuters file");
        // Reuters-21578 is Latin-1.
        let text: String = bytes.iter().map(|&b| b as char).collect();
        return reuters_record(&text, id).expect("NEWID in Reuters file");
    }
    let raw = std::fs::read_to_string(&path).expect("reading labelled article");
    if label.source.ends_with(".json") {
        let v: serde_json::Value = serde_json::from_str(&raw).expect("allsides JSON");
        let s = |k: &str| v[k].as_str().unwrap_or_default().to_string();
        return (s("title"), s("content_original"));
    }
    let (title, body) = raw.split_once('\n').unwrap_or((&raw, ""));
    (title.trim().to_string(), body.trim_start().to_string())
}

fn reuters_record(text: &str, id: u64) -> Option<(String, String)> {
    let at = text.find(&format!("NEWID=\"{id}\""))?;
    let rec = &text[at..text[at..].find("</REUTERS>").map_or(text.len(), |e| at + e)];
    let tag = |name: &str| {
        let open = format!("<{name}>");
        let s = rec.find(&open)? + open.len();
        let e = rec[s..].find(&format!("</{name}>"))? + s;
        Some(
            rec[s..e]
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&amp;", "&")
                .replace("&#3;", ""),
        )
    };
    Some((tag("TITLE").unwrap_or_default(), tag("BODY")?))
}

/// The matching rule: equal after [`normalise`], or the same surname (last
/// word) with both sides giving a first name, the first ones equal or one
/// an initial of the other ("Sam R. Hall" ~ "Sam Hall", "J. Smith" ~
/// "John Smith"). A bare surname only matches a bare surname.
fn same_person(label: &str, found: &str) -> bool {
    let (a, b) = (normalise(label), normalise(found));
    if a == b {
        return true;
    }
    let words = |s: &str| -> Vec<String> {
        s.split([' ', '.'])
            .filter(|w| !w.is_empty())
            .map(str::to_string)
            .collect()
    };
    let (wa, wb) = (words(&a), words(&b));
    if wa.len() < 2 || wb.len() < 2 || wa.last() != wb.last() {
        return false;
    }
    let (x, y) = (&wa[0], &wb[0]);
    x == y
        || (x.len() == 1 && y.starts_with(x.as_str()))
        || (y.len() == 1 && x.starts_with(y.as_str()))
}

#[test]
fn people_eval_precision_recall() {
    let Some(root) = shared() else {
        println!("people eval: skipped, ../shared is absent");
        return;
    };
    let (mut tp, mut fp, mut fneg, mut articles) = (0usize, 0usize, 0usize, 0usize);
    let mut errors = Vec::new();
    for line in LABELS.lines().filter(|l| !l.trim().is_empty()) {
        let label: Label = serde_json::from_str(line).expect("label line");
        let (title, body) = load(&root, &label);
        articles += 1;
        let found: Vec<String> = extract(&title, &body).into_iter().map(|p| p.name).collect();
        let mut used = vec![false; found.len()];
        let id = match label.newid {
            Some(n) => format!("{}#{n}", label.source),
            None => label.source.clone(),
        };
        for want in &label.people {
            let hit = (0..found.len()).find(|&i| !used[i] && same_person(want, &found[i]));
            match hit {
                Some(i) => {
                    used[i] = true;
                    tp += 1;
                }
                None => {
                    fneg += 1;
                    errors.push(format!("  FN {id}: {want}"));
                }
            }
        }
        for (i, f) in found.iter().enumerate() {
            if !used[i] {
                fp += 1;
                errors.push(format!("  FP {id}: {f}"));
            }
        }
    }
    let precision = tp as f64 / (tp + fp).max(1) as f64;
    let recall = tp as f64 / (tp + fneg).max(1) as f64;
    let f1 = 2.0 * precision * recall / (precision + recall).max(f64::EPSILON);
    println!(
        "people eval: articles={articles} precision={precision:.2} recall={recall:.2} f1={f1:.2} \
         (tp={tp} fp={fp} fn={fneg})"
    );
    for e in &errors {
        println!("{e}");
    }
    assert!(articles >= 40, "evaluation set too small: {articles}");
    assert!(
        precision >= MIN_PRECISION,
        "precision {precision:.3} < {MIN_PRECISION}"
    );
    assert!(recall >= MIN_RECALL, "recall {recall:.3} < {MIN_RECALL}");
}

#[test]
fn people_matching_rule_is_strict() {
    assert!(same_person("Sam R. Hall", "Sam Hall"));
    assert!(same_person("José Mourinho", "Jose Mourinho"));
    assert!(same_person("John Smith", "J. Smith"));
    assert!(!same_person("John Smith", "Smith"));
    assert!(!same_person("Walter Smith", "Clive Smith"));
    assert!(!same_person("Diane Abbot", "Abbott"));
}

/// Time to extract people from every BBC article; run in release mode for
/// the figure that matters (`cargo test --release people -- --nocapture`).
#[test]
fn people_speed_on_bbc() {
    let Some(root) = shared() else {
        println!("people speed: skipped, ../shared is absent");
        return;
    };
    let bbc = root.join("corpora/bbc");
    let mut docs = Vec::new();
    for section in ["business", "entertainment", "politics", "sport", "tech"] {
        let Ok(dir) = std::fs::read_dir(bbc.join(section)) else {
            continue;
        };
        for entry in dir.flatten() {
            let bytes = std::fs::read(entry.path()).expect("reading BBC article");
            let raw: String = String::from_utf8(bytes.clone())
                .unwrap_or_else(|_| bytes.iter().map(|&b| b as char).collect());
            let (t, b) = raw.split_once('\n').unwrap_or((&raw, ""));
            docs.push((t.to_string(), b.to_string()));
        }
    }
    let kb = docs.iter().map(|(t, b)| t.len() + b.len()).sum::<usize>() as f64 / 1024.0;
    let clock = Instant::now();
    let mut people = 0;
    for (t, b) in &docs {
        people += extract(t, b).len();
    }
    let secs = clock.elapsed().as_secs_f64();
    println!(
        "people speed: articles={} size={kb:.0}KB people={people} time={:.1}ms per_kb={:.4}ms",
        docs.len(),
        secs * 1000.0,
        secs * 1000.0 / kb
    );
}

/// Diagnostic, not a check: the most-mentioned people in a `newsdex export`
/// file, by article count, with where a chosen name was found.
/// `PEOPLE_EXPORT=/tmp/x.jsonl PEOPLE_TOP=60 PEOPLE_WHY="Hong Kong" cargo test
/// --release --lib people_corpus_top -- --ignored --nocapture`
#[test]
#[ignore]
fn people_corpus_top() {
    let Ok(path) = std::env::var("PEOPLE_EXPORT") else {
        println!("people top: set PEOPLE_EXPORT to a `newsdex export` file");
        return;
    };
    let top: usize = std::env::var("PEOPLE_TOP")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(60);
    let why = std::env::var("PEOPLE_WHY").ok();
    // Articles that contain this name but where it was not found.
    let miss = std::env::var("PEOPLE_MISS").ok().filter(|m| !m.is_empty());
    let raw = std::fs::read_to_string(&path).expect("reading export");
    let mut counts: std::collections::HashMap<String, usize> = Default::default();
    let mut shown = 0;
    for line in raw.lines().filter(|l| !l.trim().is_empty()) {
        let v: serde_json::Value = serde_json::from_str(line).expect("export line");
        let title = v["title"].as_str().unwrap_or_default();
        let body = v["body"].as_str().unwrap_or_default();
        let people = extract(title, body);
        if let Some(m) = &miss {
            let text = format!("{title}\n{body}");
            if let Some(at) = text.find(m.as_str()) {
                if !people.iter().any(|p| &p.name == m) {
                    let mut s = at.saturating_sub(80);
                    let mut e = (at + m.len() + 80).min(text.len());
                    while !text.is_char_boundary(s) {
                        s -= 1;
                    }
                    while !text.is_char_boundary(e) {
                        e += 1;
                    }
                    println!("  WHY miss {}: {}", v["id"], text[s..e].replace('\n', " "));
                }
            }
        }
        for p in people {
            *counts.entry(p.name.clone()).or_default() += 1;
            if why.as_deref() == Some(p.name.as_str()) && shown < 12 {
                shown += 1;
                for m in p.mentions.iter().take(3) {
                    let text = if m.field == super::Field::Title {
                        title
                    } else {
                        body
                    };
                    let (mut a, mut b) = (m.start.saturating_sub(60), (m.end + 60).min(text.len()));
                    while !text.is_char_boundary(a) {
                        a -= 1;
                    }
                    while !text.is_char_boundary(b) {
                        b += 1;
                    }
                    println!("  WHY {}: {}", v["id"], text[a..b].replace('\n', " "));
                }
            }
        }
    }
    let mut list: Vec<(String, usize)> = counts.into_iter().collect();
    list.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    for (i, (name, n)) in list.iter().take(top).enumerate() {
        println!("{:4}. {n:6}  {name}", i + 1);
    }
}
