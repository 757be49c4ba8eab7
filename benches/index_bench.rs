//! Benchmark harness (issue #6): indexing and search on a generated corpus
//! (`benches/scale.rs`), newsdex side by side with a minimal tantivy program
//! (the *floor*, in `common/floor.rs`).
//!
//! `cargo bench --bench index_bench -- --corpus DIR` measures, in order:
//!
//! 1. the floor's full index (a separate process: wall, CPU, peak RSS, size);
//! 2. newsdex's full index (`newsdex index`, a separate process, same figures);
//! 3. a no-op re-index, then a re-index after changing 1% of the files (the
//!    files are restored afterwards);
//! 4. command-line query latency: whole `newsdex search` processes (start-up,
//!    open, search, snippets, output), median and p95 over the query set, and
//!    the same queries through the floor's search process;
//! 5. in-process latency of `newsdex::search::search` (with snippets) at
//!    top-10: p50/p95/p99 per query kind.
//!
//! It prints a markdown table and one JSON object (also written to
//! `--json-out FILE`), so runs can be compared. Child processes are measured
//! with `wait4`, which gives each one's CPU time and peak RSS.

#[path = "common/floor.rs"]
mod floor;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

use serde_json::{json, Value};

const NEWSDEX: &str = env!("CARGO_BIN_EXE_newsdex");

/// A query of the benchmark set: its kind, the newsdex arguments, and the
/// closest plain tantivy query for the floor.
struct BenchQuery {
    kind: &'static str,
    args: &'static [&'static str],
    floor: &'static str,
}

const QUERIES: &[BenchQuery] = &[
    BenchQuery {
        kind: "term",
        args: &["economy"],
        floor: "economy",
    },
    BenchQuery {
        kind: "term",
        args: &["football"],
        floor: "football",
    },
    BenchQuery {
        kind: "term",
        args: &["oil"],
        floor: "oil",
    },
    BenchQuery {
        kind: "and2",
        args: &["oil prices"],
        floor: "oil prices",
    },
    BenchQuery {
        kind: "and2",
        args: &["health care"],
        floor: "health care",
    },
    BenchQuery {
        kind: "phrase",
        args: &["\"prime minister\""],
        floor: "\"prime minister\"",
    },
    BenchQuery {
        kind: "phrase",
        args: &["\"interest rates\""],
        floor: "\"interest rates\"",
    },
    BenchQuery {
        kind: "person",
        args: &["person:\"Tony Blair\""],
        floor: "\"tony blair\"",
    },
    BenchQuery {
        kind: "person",
        args: &["person:\"Donald Trump\""],
        floor: "\"donald trump\"",
    },
    BenchQuery {
        kind: "date",
        args: &["oil", "--since", "1987-03-01", "--until", "1987-03-31"],
        floor: "oil",
    },
    BenchQuery {
        kind: "date",
        args: &["election", "--since", "2016"],
        floor: "election",
    },
    BenchQuery {
        kind: "or10",
        args: &["economy OR election OR oil OR football OR film OR internet OR tax OR war OR health OR court"],
        floor: "economy OR election OR oil OR football OR film OR internet OR tax OR war OR health OR court",
    },
];

struct Args {
    corpus: PathBuf,
    work: Option<PathBuf>,
    json_out: Option<PathBuf>,
    memory_mb: Option<u64>,
    cli_reps: usize,
    inproc_reps: usize,
    skip_floor: bool,
    keep: bool,
}

fn usage() -> ! {
    eprintln!(
        "usage: index_bench --corpus DIR [--work DIR] [--json-out FILE] [--memory MB]\n\
         \x20                  [--cli-reps N] [--inproc-reps N] [--skip-floor] [--keep]"
    );
    std::process::exit(2)
}

fn parse_args(mut it: impl Iterator<Item = String>) -> Args {
    let mut args = Args {
        corpus: PathBuf::new(),
        work: None,
        json_out: None,
        memory_mb: None,
        cli_reps: 5,
        inproc_reps: 30,
        skip_floor: false,
        keep: false,
    };
    while let Some(a) = it.next() {
        let mut value = || it.next().unwrap_or_else(|| usage());
        match a.as_str() {
            "--corpus" => args.corpus = PathBuf::from(value()),
            "--work" => args.work = Some(PathBuf::from(value())),
            "--json-out" => args.json_out = Some(PathBuf::from(value())),
            "--memory" => args.memory_mb = Some(value().parse().unwrap_or_else(|_| usage())),
            "--cli-reps" => args.cli_reps = value().parse().unwrap_or_else(|_| usage()),
            "--inproc-reps" => args.inproc_reps = value().parse().unwrap_or_else(|_| usage()),
            "--skip-floor" => args.skip_floor = true,
            "--keep" => args.keep = true,
            "--bench" => {}
            _ => usage(),
        }
    }
    if args.corpus.as_os_str().is_empty() {
        usage();
    }
    args
}

fn main() {
    let mut argv = std::env::args().skip(1).peekable();
    // Internal sub-commands: the floor runs as its own process so that its
    // wall time, CPU and peak RSS are measured like newsdex's.
    match argv.peek().map(String::as_str) {
        Some("floor-index") => {
            let v: Vec<String> = argv.skip(1).collect();
            let heap = v.get(2).and_then(|s| s.parse().ok()).unwrap_or(256);
            floor::index(Path::new(&v[0]), Path::new(&v[1]), heap << 20);
            return;
        }
        Some("floor-search") => {
            let v: Vec<String> = argv.skip(1).collect();
            floor::search(Path::new(&v[0]), &v[1]);
            return;
        }
        _ => {}
    }
    let args = parse_args(argv);
    run(&args);
}

/// What `wait4` says about a finished child.
#[derive(Debug, Clone, Copy)]
struct Usage {
    wall: f64,
    cpu: f64,
    max_rss_mb: f64,
    ok: bool,
}

/// Runs a command to completion and measures it.
// The child is reaped by `wait4`, not `Child::wait`, which clippy cannot see.
#[allow(clippy::zombie_processes)]
fn measure(cmd: &mut Command) -> Usage {
    let start = Instant::now();
    let child = cmd.spawn().expect("spawn benchmark child");
    let mut status = 0;
    // SAFETY: `rusage` is plain data; wait4 fills it for the child we
    // spawned, which nothing else waits for.
    let mut ru: libc::rusage = unsafe { std::mem::zeroed() };
    let r = unsafe { libc::wait4(child.id() as libc::pid_t, &mut status, 0, &mut ru) };
    let wall = start.elapsed().as_secs_f64();
    assert!(r > 0, "wait4 failed: {}", std::io::Error::last_os_error());
    let secs = |t: libc::timeval| t.tv_sec as f64 + t.tv_usec as f64 / 1e6;
    Usage {
        wall,
        cpu: secs(ru.ru_utime) + secs(ru.ru_stime),
        max_rss_mb: ru.ru_maxrss as f64 / 1024.0,
        // Exit 1 is "no hits" for search: still a completed run.
        ok: libc::WIFEXITED(status) && libc::WEXITSTATUS(status) <= 1,
    }
}

fn dir_size(dir: &Path) -> u64 {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .flatten()
        .filter_map(|e| e.metadata().ok())
        .filter(|m| m.is_file())
        .map(|m| m.len())
        .sum()
}

/// The article files of the corpus, sorted, with their total size.
fn corpus_files(corpus: &Path) -> (Vec<PathBuf>, u64) {
    let mut files: Vec<(PathBuf, u64)> = walkdir::WalkDir::new(corpus)
        .into_iter()
        .flatten()
        .filter(|e| e.file_type().is_file())
        .filter(|e| e.path().extension().is_some_and(|x| x == "txt"))
        .map(|e| {
            let len = e.metadata().map_or(0, |m| m.len());
            (e.into_path(), len)
        })
        .collect();
    files.sort();
    let bytes = files.iter().map(|f| f.1).sum();
    (files.into_iter().map(|f| f.0).collect(), bytes)
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    if sorted.is_empty() {
        return f64::NAN;
    }
    let rank = (p / 100.0 * (sorted.len() - 1) as f64).round() as usize;
    sorted[rank.min(sorted.len() - 1)]
}

fn sorted(mut v: Vec<f64>) -> Vec<f64> {
    v.sort_by(|a, b| a.total_cmp(b));
    v
}

/// The newsdex binary: `NEWSDEX_BENCH_BIN` if set (a copy, so that a
/// rebuild in a shared target folder cannot change it mid-run), else the
/// one cargo built with this bench.
fn newsdex_bin() -> PathBuf {
    std::env::var_os("NEWSDEX_BENCH_BIN").map_or_else(|| PathBuf::from(NEWSDEX), PathBuf::from)
}

fn newsdex_cmd(index: &Path) -> Command {
    let mut cmd = Command::new(newsdex_bin());
    cmd.arg("--index")
        .arg(index)
        .arg("--color")
        .arg("never")
        .env_remove("NEWSDEX_INDEX")
        .stdin(Stdio::null())
        .stdout(Stdio::null());
    cmd
}

fn index_figures(u: Usage, files: usize, bytes: u64, size: u64) -> Value {
    json!({
        "wall_s": u.wall,
        "cpu_s": u.cpu,
        "articles_per_s": files as f64 / u.wall,
        "mb_per_s": bytes as f64 / 1e6 / u.wall,
        "peak_rss_mb": u.max_rss_mb,
        "index_mb": size as f64 / 1e6,
        "index_ratio": size as f64 / bytes as f64,
        "ok": u.ok,
    })
}

fn run(args: &Args) {
    let corpus = fs::canonicalize(&args.corpus).expect("corpus folder exists");
    let work = args.work.clone().unwrap_or_else(|| {
        std::env::temp_dir().join(format!("newsdex-bench-{}", std::process::id()))
    });
    let _ = fs::remove_dir_all(&work);
    fs::create_dir_all(&work).expect("create work folder");
    let (files, bytes) = corpus_files(&corpus);
    eprintln!(
        "bench: corpus {} — {} files, {:.0} MB",
        corpus.display(),
        files.len(),
        bytes as f64 / 1e6
    );
    let memory = args.memory_mb;
    let mut report = json!({
        "newsdex": newsdex_bin().display().to_string(),
        "corpus": corpus.display().to_string(),
        "files": files.len(),
        "corpus_mb": bytes as f64 / 1e6,
        "cores": std::thread::available_parallelism().map_or(1, |n| n.get()),
        "memory_mb": memory,
    });

    // 1. The floor: a minimal tantivy program over the same files.
    let floor_dir = work.join("floor");
    if !args.skip_floor {
        eprintln!("bench: floor index ...");
        let me = std::env::current_exe().expect("own path");
        let u = measure(
            Command::new(&me)
                .arg("floor-index")
                .arg(&corpus)
                .arg(&floor_dir)
                .arg(memory.unwrap_or(256).to_string())
                .stdout(Stdio::null()),
        );
        report["floor_index"] = index_figures(u, files.len(), bytes, dir_size(&floor_dir));
        eprintln!("bench: floor index {:.2}s", u.wall);
    }

    // 2. newsdex full index.
    let nd = work.join("newsdex");
    let index_run = || {
        let mut cmd = newsdex_cmd(&nd);
        cmd.arg("index").arg("--quiet");
        if let Some(m) = memory {
            cmd.arg("--memory").arg(m.to_string());
        }
        cmd.arg(&corpus);
        measure(&mut cmd)
    };
    eprintln!("bench: newsdex index ...");
    let full = index_run();
    assert!(full.ok, "newsdex index failed");
    report["newsdex_index"] = index_figures(full, files.len(), bytes, dir_size(&nd));
    eprintln!("bench: newsdex index {:.2}s", full.wall);

    // 3. Re-index: nothing changed, then 1% of the files changed.
    let noop = index_run();
    report["reindex_noop"] =
        json!({"wall_s": noop.wall, "cpu_s": noop.cpu, "peak_rss_mb": noop.max_rss_mb});
    eprintln!("bench: no-op re-index {:.2}s", noop.wall);
    let changed: Vec<&PathBuf> = files.iter().step_by(100).collect();
    let originals: Vec<Vec<u8>> = changed.iter().map(|p| fs::read(p).unwrap()).collect();
    for (p, orig) in changed.iter().zip(&originals) {
        let mut text = orig.clone();
        text.extend_from_slice(
            b"\n\nThis article was updated with corrections from the newsroom archive.\n",
        );
        fs::write(p, text).unwrap();
    }
    let one_pct = index_run();
    for (p, orig) in changed.iter().zip(&originals) {
        fs::write(p, orig).unwrap();
    }
    report["reindex_1pct"] = json!({
        "files_changed": changed.len(),
        "wall_s": one_pct.wall,
        "cpu_s": one_pct.cpu,
        "peak_rss_mb": one_pct.max_rss_mb,
        "share_of_full": one_pct.wall / full.wall,
    });
    eprintln!(
        "bench: 1% re-index {:.2}s ({} files)",
        one_pct.wall,
        changed.len()
    );
    report["newsdex_index_mb_after_updates"] = json!(dir_size(&nd) as f64 / 1e6);

    // 4. Command-line latency, whole processes.
    eprintln!("bench: command-line queries ...");
    let mut nd_times = Vec::new();
    let mut fl_times = Vec::new();
    let mut per_kind_cli: Vec<(&str, f64)> = Vec::new();
    for q in QUERIES {
        // One warm-up run each, so all runs see a warm page cache.
        for rep in 0..=args.cli_reps {
            let mut cmd = newsdex_cmd(&nd);
            cmd.arg("search").args(q.args);
            let u = measure(&mut cmd);
            assert!(u.ok, "newsdex search {:?} failed", q.args);
            if rep > 0 {
                nd_times.push(u.wall * 1e3);
                per_kind_cli.push((q.kind, u.wall * 1e3));
            }
            if !args.skip_floor {
                let me = std::env::current_exe().expect("own path");
                let u = measure(
                    Command::new(me)
                        .arg("floor-search")
                        .arg(&floor_dir)
                        .arg(q.floor)
                        .stdout(Stdio::null()),
                );
                if rep > 0 {
                    fl_times.push(u.wall * 1e3);
                }
            }
        }
    }
    let nd_sorted = sorted(nd_times);
    let fl_sorted = sorted(fl_times);
    let mut cli_kinds = serde_json::Map::new();
    for kind in kinds() {
        let v = sorted(
            per_kind_cli
                .iter()
                .filter(|(k, _)| *k == kind)
                .map(|(_, t)| *t)
                .collect(),
        );
        cli_kinds.insert(
            kind.to_string(),
            json!({"median_ms": percentile(&v, 50.0), "p95_ms": percentile(&v, 95.0)}),
        );
    }
    report["cli_query"] = json!({
        "runs": nd_sorted.len(),
        "median_ms": percentile(&nd_sorted, 50.0),
        "p95_ms": percentile(&nd_sorted, 95.0),
        "by_kind": cli_kinds,
    });
    if !args.skip_floor {
        report["floor_cli_query"] = json!({
            "runs": fl_sorted.len(),
            "median_ms": percentile(&fl_sorted, 50.0),
            "p95_ms": percentile(&fl_sorted, 95.0),
        });
    }

    // 5. In-process latency, snippets included.
    eprintln!("bench: in-process queries ...");
    report["inproc_query"] = inproc(&nd, args.inproc_reps);

    if !args.keep {
        let _ = fs::remove_dir_all(&work);
    }
    let text = serde_json::to_string(&report).expect("report serialises");
    if let Some(path) = &args.json_out {
        fs::write(path, format!("{text}\n")).expect("write --json-out");
    }
    print_table(&report);
    println!("\n```json\n{text}\n```");
}

fn kinds() -> Vec<&'static str> {
    let mut k: Vec<&str> = QUERIES.iter().map(|q| q.kind).collect();
    k.dedup();
    k
}

/// Opens the index once and runs each query `reps` times (after one
/// warm-up), as `newsdex search` would: top-10 with snippets.
fn inproc(index: &Path, reps: usize) -> Value {
    use newsdex::search::{self, Criteria, Page};
    let start = Instant::now();
    let opened = newsdex::store::Store::at(index)
        .open_for_search()
        .expect("open index");
    let open_ms = start.elapsed().as_secs_f64() * 1e3;
    let mut by_kind = serde_json::Map::new();
    for kind in kinds() {
        let mut times = Vec::new();
        for q in QUERIES.iter().filter(|q| q.kind == kind) {
            let mut req = Criteria::query(q.args[0]);
            let mut rest = q.args[1..].iter();
            while let Some(flag) = rest.next() {
                let value = rest.next().expect("flag value");
                let (from, to) = newsdex::dates::parse_period(value).expect("valid date");
                match *flag {
                    "--since" => req.since = Some(from),
                    "--until" => req.until = Some(to),
                    _ => unreachable!("only date flags in the set"),
                }
            }
            for rep in 0..=reps {
                let t = Instant::now();
                let searcher = opened.searcher().expect("searcher");
                let res = search::search(&searcher, &opened.fields, &req, &Page::default())
                    .expect("search");
                let ms = t.elapsed().as_secs_f64() * 1e3;
                std::hint::black_box(&res);
                if rep > 0 {
                    times.push(ms);
                }
            }
        }
        let v = sorted(times);
        by_kind.insert(
            kind.to_string(),
            json!({
                "p50_ms": percentile(&v, 50.0),
                "p95_ms": percentile(&v, 95.0),
                "p99_ms": percentile(&v, 99.0),
            }),
        );
    }
    json!({"open_ms": open_ms, "by_kind": by_kind})
}

fn f(v: &Value) -> String {
    match v.as_f64() {
        Some(x) if x >= 100.0 => format!("{x:.0}"),
        Some(x) if x >= 10.0 => format!("{x:.1}"),
        Some(x) => format!("{x:.2}"),
        None => "–".to_string(),
    }
}

fn print_table(r: &Value) {
    println!(
        "\n### newsdex benchmark: {} files, {} MB, {} cores\n",
        r["files"],
        f(&r["corpus_mb"]),
        r["cores"]
    );
    println!("| full index | wall s | CPU s | articles/s | MB/s | peak RSS MB | index MB | index / raw |");
    println!("| --- | --- | --- | --- | --- | --- | --- | --- |");
    for (name, key) in [
        ("newsdex", "newsdex_index"),
        ("floor (minimal tantivy)", "floor_index"),
    ] {
        let x = &r[key];
        if x.is_null() {
            continue;
        }
        println!(
            "| {name} | {} | {} | {} | {} | {} | {} | {} |",
            f(&x["wall_s"]),
            f(&x["cpu_s"]),
            f(&x["articles_per_s"]),
            f(&x["mb_per_s"]),
            f(&x["peak_rss_mb"]),
            f(&x["index_mb"]),
            f(&x["index_ratio"])
        );
    }
    if let (Some(a), Some(b)) = (
        r["newsdex_index"]["wall_s"].as_f64(),
        r["floor_index"]["wall_s"].as_f64(),
    ) {
        println!("\nnewsdex / floor wall time: {:.2}x", a / b);
    }
    println!("\n| re-index | wall s | share of full index |\n| --- | --- | --- |");
    println!(
        "| no-op | {} | {} |",
        f(&r["reindex_noop"]["wall_s"]),
        f(&json!(
            r["reindex_noop"]["wall_s"].as_f64().unwrap_or(0.0)
                / r["newsdex_index"]["wall_s"].as_f64().unwrap_or(1.0)
        ))
    );
    println!(
        "| 1% changed ({} files) | {} | {} |",
        r["reindex_1pct"]["files_changed"],
        f(&r["reindex_1pct"]["wall_s"]),
        f(&r["reindex_1pct"]["share_of_full"])
    );
    println!("\n| command-line search (whole process) | median ms | p95 ms |\n| --- | --- | --- |");
    println!(
        "| newsdex, all {} runs | {} | {} |",
        r["cli_query"]["runs"],
        f(&r["cli_query"]["median_ms"]),
        f(&r["cli_query"]["p95_ms"])
    );
    if let Some(kinds) = r["cli_query"]["by_kind"].as_object() {
        for (k, v) in kinds {
            println!(
                "| newsdex, {k} | {} | {} |",
                f(&v["median_ms"]),
                f(&v["p95_ms"])
            );
        }
    }
    if !r["floor_cli_query"].is_null() {
        println!(
            "| floor (minimal tantivy) | {} | {} |",
            f(&r["floor_cli_query"]["median_ms"]),
            f(&r["floor_cli_query"]["p95_ms"])
        );
    }
    println!(
        "\n| in-process search, top-10 + snippets (open {} ms) | p50 ms | p95 ms | p99 ms |\n| --- | --- | --- | --- |",
        f(&r["inproc_query"]["open_ms"])
    );
    if let Some(kinds) = r["inproc_query"]["by_kind"].as_object() {
        for (k, v) in kinds {
            println!(
                "| {k} | {} | {} | {} |",
                f(&v["p50_ms"]),
                f(&v["p95_ms"]),
                f(&v["p99_ms"])
            );
        }
    }
}
