//! Load benchmark for `newsdex serve` (issue #13): many clients at once
//! against a real server on loopback, on a real corpus.
//!
//! `cargo bench --bench serve_load -- [--corpus DIR | --index DIR] [--mix
//! all|broad] [--requests N] [--clients N] [--newsdex PATH]` (defaults:
//! `../shared/corpora/bbc`, the `all` mix, 2,000 requests, 16 clients). It
//! indexes the corpus into cargo's target tmp dir (incrementally, so a
//! second run reuses it), or serves the index `--index` names as it is
//! (built beforehand, e.g. `newsdex --index DIR index /tmp/newsdex-1x`),
//! starts `newsdex serve` on an ephemeral port, and has each client thread
//! send requests from a fixed mix one connection at a time: `all` is
//! searches of every kind, paging, filters, misspellings, article fetches,
//! people, timeline, stats; `broad` is the requests that match most of the
//! archive (issue #25: `the`, the landing page's empty search, the people
//! list, `obama`), whose cost is counting the sidebar over every match.
//! `--newsdex` serves with another build of `newsdex` (an older one, to
//! compare). It prints requests/s, latency
//! percentiles overall and per endpoint, and the count of errors (any
//! status other than 200, or a failed connection), and exits non-zero if
//! there was any.

#[path = "../tests/util/client.rs"]
mod client;

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Instant;

/// The `newsdex` this build made; `--newsdex PATH` serves with another
/// (an older build, for a before-and-after table).
const NEWSDEX: &str = env!("CARGO_BIN_EXE_newsdex");

/// The request mix: searches as people type them, with the page's
/// parameters, and the other endpoints the page calls.
const MIX: &[&str] = &[
    "/api/search?q=economy",
    "/api/search?q=oil+prices",
    "/api/search?q=%22prime+minister%22",
    "/api/search?q=person%3A%22Tony+Blair%22",
    "/api/search?q=election&section=politics",
    "/api/search?q=film+award&sort=newest",
    "/api/search?q=mobile+phone&offset=10",
    "/api/search?q=goverment+budjet",
    "/api/search?q=world+cup+final+penalty+shootout",
    "/api/search?q=chelsea+OR+arsenal&limit=20",
    "/api/search?q=tax&since=2004&until=2005",
    "/api/search?person=Gordon+Brown",
    "/api/search?q=music+-rock",
    "/api/search?q=title%3Airaq",
    "/api/search?q=broadband&sort=recent",
    "/api/search?q=cabinet+reshuffle+minister+resigns",
    "/api/people?q=election",
    "/api/timeline?q=iraq&by=month",
    "/api/stats",
    "/api/search?q=microsoft&snippets=1",
];

/// The broad mix (`--mix broad`): searches that match most of the archive,
/// so that counting the sidebar's people, sections and months over every
/// match is most of their cost.
const BROAD: &[&str] = &[
    "/api/search?q=the",
    "/api/search",
    "/api/people",
    "/api/search?q=obama",
    "/api/search?q=the&offset=10",
];

fn arg(args: &[String], name: &str) -> Option<String> {
    args.iter()
        .position(|a| a == name)
        .and_then(|i| args.get(i + 1).cloned())
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i]
}

/// Indexes `corpus` into `index` (incrementally: a second run reuses it).
fn index_corpus(corpus: &Path, index: &Path) {
    assert!(corpus.exists(), "no corpus at {}", corpus.display());
    eprintln!("indexing {} into {}", corpus.display(), index.display());
    let build = || {
        Command::new(NEWSDEX)
            .arg("--index")
            .arg(index)
            .args(["index", "--quiet"])
            .arg(corpus)
            .status()
            .expect("run newsdex index")
            .success()
    };
    if !build() {
        // An index from an older schema: start again.
        let _ = std::fs::remove_dir_all(index);
        assert!(build(), "newsdex index failed");
    }
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let corpus = arg(&args, "--corpus")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/corpora/bbc"));
    let requests: usize =
        arg(&args, "--requests").map_or(2000, |v| v.parse().expect("--requests N"));
    let clients: usize = arg(&args, "--clients").map_or(16, |v| v.parse().expect("--clients N"));
    let broad = match arg(&args, "--mix").as_deref() {
        None | Some("all") => false,
        Some("broad") => true,
        Some(other) => panic!("--mix {other}: use all or broad"),
    };
    let given = arg(&args, "--index").map(PathBuf::from);
    let index = given
        .clone()
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("serve-load-index"));
    if given.is_some() {
        assert!(index.exists(), "no index at {}", index.display());
        eprintln!("serving {} as it is", index.display());
    } else {
        index_corpus(&corpus, &index);
    }
    let shown = if given.is_some() { &index } else { &corpus };

    let newsdex = arg(&args, "--newsdex").unwrap_or_else(|| NEWSDEX.to_string());
    let mut server = Command::new(&newsdex)
        .arg("--index")
        .arg(&index)
        .args(["serve", "--addr", "127.0.0.1:0", "--quiet"])
        .stdout(Stdio::piped())
        .spawn()
        .expect("start newsdex serve");
    let mut line = String::new();
    BufReader::new(server.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    let addr = line
        .trim()
        .trim_start_matches("http://")
        .trim_end_matches('/')
        .to_string();
    assert!(!addr.is_empty(), "newsdex serve printed no URL");

    // One article id to fetch, as the page does after a click.
    let hit = client::request(&addr, "GET", "/api/search?q=economy&limit=1", &[], None).json();
    let id = hit["hits"][0]["id"]
        .as_str()
        .expect("an article")
        .to_string();
    let article_path = format!("/api/articles/{}", id.replace('/', "%2F"));

    let mix: Vec<String> = if broad {
        BROAD.iter().map(|s| s.to_string()).collect()
    } else {
        MIX.iter()
            .map(|s| s.to_string())
            .chain([article_path])
            .collect()
    };
    let next = Arc::new(AtomicUsize::new(0));
    let results: Arc<Mutex<Vec<(usize, f64, bool)>>> = Arc::new(Mutex::new(Vec::new()));
    let started = Instant::now();
    std::thread::scope(|s| {
        for _ in 0..clients {
            let (next, results, mix, addr) = (next.clone(), results.clone(), &mix, &addr);
            s.spawn(move || loop {
                let n = next.fetch_add(1, Ordering::Relaxed);
                if n >= requests {
                    break;
                }
                let which = n % mix.len();
                let t = Instant::now();
                let ok = std::panic::catch_unwind(|| {
                    client::request(addr, "GET", &mix[which], &[], None).status
                })
                .is_ok_and(|status| status == 200);
                let ms = t.elapsed().as_secs_f64() * 1e3;
                results.lock().unwrap().push((which, ms, ok));
            });
        }
    });
    let wall = started.elapsed().as_secs_f64();
    let _ = server.kill();
    let _ = server.wait();

    let results = results.lock().unwrap();
    let errors = results.iter().filter(|r| !r.2).count();
    let mut all: Vec<f64> = results.iter().map(|r| r.1).collect();
    all.sort_by(f64::total_cmp);
    println!(
        "newsdex serve, {} requests from {clients} clients on {}",
        results.len(),
        shown.display()
    );
    println!("| figure | value |\n| --- | --- |");
    println!("| requests/s | {:.0} |", results.len() as f64 / wall);
    println!("| errors | {errors} |");
    println!("| p50 latency | {:.1} ms |", percentile(&all, 0.5));
    println!("| p90 latency | {:.1} ms |", percentile(&all, 0.9));
    println!("| p99 latency | {:.1} ms |", percentile(&all, 0.99));
    println!(
        "| max latency | {:.1} ms |",
        all.last().copied().unwrap_or(0.0)
    );
    println!("| wall time | {wall:.2} s |");
    println!("\n| request | n | p50 ms | p99 ms |\n| --- | --- | --- | --- |");
    for (i, path) in mix.iter().enumerate() {
        let mut times: Vec<f64> = results.iter().filter(|r| r.0 == i).map(|r| r.1).collect();
        times.sort_by(f64::total_cmp);
        let label = if path.starts_with("/api/articles/") {
            "/api/articles/{id}"
        } else {
            path
        };
        println!(
            "| `{label}` | {} | {:.1} | {:.1} |",
            times.len(),
            percentile(&times, 0.5),
            percentile(&times, 0.99)
        );
    }
    if errors > 0 {
        eprintln!("{errors} request(s) failed");
        std::process::exit(1);
    }
}
