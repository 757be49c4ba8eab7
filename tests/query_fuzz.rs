//! Issue #4: the query language never breaks. Thousands of random and
//! adversarial strings go through parsing, compiling and searching; each
//! gives results or a one-line query error, never a panic, in bounded time.

use std::time::{Duration, Instant};

use newsdex::error::Error;
use newsdex::index::{self, Options};
use newsdex::search::{self, Criteria, Page};

use crate::util::Rng;
use newsdex::store::Store;

const PIECES: &[&str] = &[
    "corbyn",
    "khan",
    "Sadiq",
    "door",
    "to",
    "\"",
    "\"",
    "(",
    ")",
    "-",
    "+",
    "*",
    "~",
    "~2",
    ":",
    "AND",
    "OR",
    "NOT",
    "&&",
    "||",
    "title:",
    "body:",
    "section:",
    "date:",
    "person:",
    "foo:",
    "byline:",
    "[",
    "]",
    " TO ",
    "2016-05",
    "1987",
    "children's",
    "O'Neill",
    "Critics'",
    "café",
    "£1,400",
    "😀",
    "\u{0}",
    "\u{7}",
    "\t",
    "\n",
    "\u{202E}",
    "\u{FEFF}",
    "日本",
    "ß",
    "İ",
    " ",
    " ",
    " ",
    "camp*",
    "corbin~1",
    "\\",
    "/",
    "'",
    "^2",
    "{",
    "}",
    "!",
    "?",
    "%",
    "_",
    "x",
    "a",
];

fn generate(rng: &mut Rng) -> String {
    match rng.below(10) {
        // Random bytes as text (lossy), including control characters.
        0 => {
            let bytes: Vec<u8> = (0..rng.below(40)).map(|_| rng.next() as u8).collect();
            String::from_utf8_lossy(&bytes).into_owned()
        }
        // Long queries.
        1 => (0..rng.below(3000))
            .map(|_| PIECES[rng.below(PIECES.len())])
            .collect::<Vec<_>>()
            .join(" "),
        // Deep nesting.
        2 => {
            let n = rng.below(200);
            format!("{}corbyn{}", "(".repeat(n), ")".repeat(rng.below(200)))
        }
        _ => {
            let n = 1 + rng.below(12);
            (0..n)
                .map(|_| PIECES[rng.below(PIECES.len())])
                .collect::<String>()
        }
    }
}

#[test]
fn thousands_of_odd_queries_never_panic_or_hang() {
    let tmp = tempfile::tempdir().unwrap();
    let corpus = tmp.path().join("corpus");
    std::fs::create_dir_all(corpus.join("politics")).unwrap();
    std::fs::write(
        corpus.join("politics/a.txt"),
        "Corbyn and Khan campaign\n\nJeremy Corbyn and Sadiq Khan went door to door. Critics' views on children's services; O'Neill said café prices hit £1,400.\n",
    )
    .unwrap();
    std::fs::write(
        corpus.join("politics/b.txt"),
        "Budget\n\nThe chancellor's budget.\n",
    )
    .unwrap();
    let store = Store::at(tmp.path().join("index"));
    index::update(&store, &[corpus], &Options::default(), &index::NoProgress).unwrap();
    let opened = store.open().unwrap();

    let mut rng = Rng(42);
    let mut fixed: Vec<String> = [
        "\"",
        "\"\"",
        "(",
        ")",
        "()",
        "-",
        "--",
        "+",
        "AND",
        "AND AND",
        "OR OR OR",
        "NOT",
        "a AND",
        "OR a",
        "title:",
        "title:()",
        "date:[",
        "date:[2016 TO",
        "date:[* TO *]",
        "foo:bar",
        "*",
        "**",
        "a*b",
        "~",
        "a~9",
        "\"a b\"~",
        "\"a b\"~99999",
        "😀",
        "\u{0}",
        "children's",
        "Critics'",
        "O'Neill",
        "d'Artagnan",
        "rock'n'roll",
        "'",
        "''",
        "\\\"",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    fixed.push("a ".repeat(5000));
    fixed.push("x".repeat(10_000));
    fixed.push("(".repeat(10_000));
    fixed.push("-".repeat(10_000) + "a");
    fixed.push("\"".repeat(10_001));

    let mut worst = Duration::ZERO;
    let (mut ok, mut rejected) = (0, 0);
    let total = 4000;
    for i in 0..total {
        let q = if i < fixed.len() {
            fixed[i].clone()
        } else {
            generate(&mut rng)
        };
        let criteria = Criteria::query(q.clone());
        let page = Page {
            limit: 5,
            ..Page::default()
        };
        let start = Instant::now();
        let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            let searcher = opened.searcher()?;
            search::search(&searcher, &opened.fields, &criteria, &page)
        }));
        let took = start.elapsed();
        worst = worst.max(took);
        match result {
            Err(_) => panic!("query {q:?} panicked"),
            Ok(Ok(_)) => ok += 1,
            Ok(Err(err @ Error::Query { .. })) => {
                let msg = err.to_string();
                assert!(!msg.contains('\n'), "one-line error for {q:?}: {msg}");
                assert!(
                    msg.contains("column"),
                    "error for {q:?} names a position: {msg}"
                );
                rejected += 1;
            }
            Ok(Err(other)) => panic!("query {q:?} gave a non-query error: {other}"),
        }
        assert!(took < Duration::from_secs(2), "query {q:?} took {took:?}");
    }
    println!("query fuzz: {total} queries, {ok} ran, {rejected} rejected with a message, slowest {worst:?}");
    assert!(
        ok > 500 && rejected > 500,
        "both paths exercised: {ok} ok, {rejected} rejected"
    );
}
