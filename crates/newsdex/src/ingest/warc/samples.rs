//! The web archives in `../shared/corpora/warc`: what each gives.

use std::path::Path;

use super::{Articles, Skipped};
use crate::article::Draft;

struct Got {
    drafts: Vec<Draft>,
    problems: Vec<super::Problem>,
    skipped: Skipped,
}

fn read(path: &Path) -> Got {
    let file = std::fs::File::open(path).unwrap();
    let mut articles = Articles::new(std::io::BufReader::new(file));
    let (mut drafts, mut problems) = (Vec::new(), Vec::new());
    for item in articles.by_ref() {
        match item {
            Ok(d) => drafts.push(d),
            Err(p) => problems.push(p),
        }
    }
    Got {
        drafts,
        problems,
        skipped: articles.skipped().clone(),
    }
}

/// Each sample: path under `corpora/warc`, articles, records skipped,
/// and the offsets of its damaged records (file offsets; for a gzipped
/// file, the offset of the gzip member).
const SAMPLES: &[(&str, usize, u64, &[u64])] = &[
    ("aut-testdata/example.arc.gz", 94, 206, &[]),
    ("aut-testdata/example.docs.warc.gz", 0, 21, &[]),
    ("aut-testdata/example.warc.gz", 94, 728, &[]),
    ("aut-testdata/issue-493.warc", 4, 28, &[]),
    ("commoncrawl-whirlwind/whirlwind.warc.gz", 1, 3, &[]),
    ("commoncrawl-whirlwind/whirlwind.warc.wat.gz", 0, 2, &[]),
    ("commoncrawl-whirlwind/whirlwind.warc.wet.gz", 1, 1, &[]),
    ("generated-htmldate-news-sample.warc.gz", 73, 1, &[]),
    (
        "resiliparse-testdata/block-sized-records.warc.gz",
        0,
        3,
        &[],
    ),
    // One response, cut off inside its gzip member.
    ("resiliparse-testdata/clipped.warc.gz", 0, 0, &[0]),
    ("resiliparse-testdata/clueweb-quirk.warc.gz", 29, 1, &[]),
    ("resiliparse-testdata/warcfile.warc.gz", 16, 34, &[]),
    // Lengths of -1 and `abc`; the one good record is plain text.
    ("warcio-testdata/bad.arc", 0, 1, &[0, 134, 262]),
    ("warcio-testdata/example-bad-non-chunked.warc.gz", 1, 5, &[]),
    ("warcio-testdata/example-bad.warc.gz.bad", 1, 5, &[]),
    ("warcio-testdata/example-digest.warc", 0, 4, &[]),
    ("warcio-testdata/example-iana.org-chunked.warc", 1, 2, &[]),
    ("warcio-testdata/example-resource.warc.gz", 1, 2, &[]),
    (
        "warcio-testdata/example-space-in-target-uri.warc.gz",
        0,
        2,
        &[],
    ),
    // Its last record is 12 bytes shorter than its length says.
    ("warcio-testdata/example-space-in-url.arc", 0, 1, &[151]),
    // A response 2 bytes longer than its Content-Length, then the file
    // ends after the next record.
    ("warcio-testdata/example-trunc.warc", 0, 3, &[1197]),
    (
        "warcio-testdata/example-wget-bad-target-uri.warc.gz",
        1,
        5,
        &[],
    ),
    // Gzip members that do not follow record boundaries.
    ("warcio-testdata/example-wrong-chunks.warc.gz", 1, 1, &[]),
    ("warcio-testdata/example.arc", 1, 1, &[]),
    ("warcio-testdata/example.arc.gz", 1, 1, &[]),
    ("warcio-testdata/example.warc", 1, 5, &[]),
    ("warcio-testdata/example.warc.gz", 1, 5, &[]),
    ("warcio-testdata/post-test.warc.gz", 0, 6, &[]),
];

#[test]
fn every_sample_gives_its_articles_and_reports_its_damage() {
    let Some(shared) = crate::testdata::shared() else {
        return;
    };
    let dir = shared.join("corpora/warc");
    let mut wrong = Vec::new();
    for &(name, articles, skipped, damaged) in SAMPLES {
        let got = read(&dir.join(name));
        let offsets: Vec<u64> = got
            .problems
            .iter()
            .map(|p| p.at.member.unwrap_or(p.at.offset))
            .collect();
        let figures = (got.drafts.len(), got.skipped.total(), offsets.as_slice());
        if figures != (articles, skipped, damaged) {
            wrong.push(format!(
                "{name}: got {figures:?}, want {:?}",
                (articles, skipped, damaged)
            ));
        }
        for d in &got.drafts {
            assert!(
                d.url.is_some() && d.crawled.is_some() || name.contains("clueweb"),
                "{name}: {d:?}"
            );
            assert!(
                d.date.is_none() || d.date != d.crawled,
                "{name}: {:?}",
                d.url
            );
        }
        for p in &got.problems {
            assert!(
                p.reason.contains(&format!("byte {}", offsets[0])) || offsets.len() > 1,
                "{}",
                p.reason
            );
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// The htmldate news crawl: its pages, their original URLs, and the
/// publication dates htmldate's test suite expects (by day).
#[test]
fn the_news_crawl_keeps_urls_and_publication_dates() {
    let Some(shared) = crate::testdata::shared() else {
        return;
    };
    let dir = shared.join("corpora/warc");
    let got = read(&dir.join("generated-htmldate-news-sample.warc.gz"));
    let truth =
        std::fs::read_to_string(dir.join("generated-htmldate-news-sample.groundtruth.jsonl"))
            .unwrap();
    let (mut pages, mut urls, mut dates, mut misses) = (0, 0, 0, Vec::new());
    for line in truth.lines() {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        let url = v["url"].as_str().unwrap();
        let want = v["expected_pubdate"].as_str().unwrap();
        pages += 1;
        let Some(d) = got.drafts.iter().find(|d| d.url.as_deref() == Some(url)) else {
            misses.push(format!("no page for {url}"));
            continue;
        };
        urls += 1;
        let day = d.date.map(|x| x.format("%Y-%m-%d").to_string());
        if day.as_deref() == Some(want) {
            dates += 1;
        } else {
            misses.push(format!("{url}: want {want}, got {day:?}"));
        }
    }
    eprintln!(
        "htmldate news crawl: {} pages read, {urls}/{pages} URLs, {dates}/{pages} dates ({:.1}%)\n  {}",
        got.drafts.len(),
        100.0 * dates as f64 / pages as f64,
        misses.join("\n  ")
    );
    assert_eq!(pages, 73);
    assert!(got.drafts.len() >= 70 && urls >= 70, "{urls} URLs");
    assert!(dates * 5 >= pages * 4, "{dates}/{pages} dates, below 80%");
}
