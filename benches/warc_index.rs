//! The indexing pipeline on one large web archive (issue #23): what
//! `newsdex index` does with a multi-gigabyte WARC, timed, and its peak
//! memory at two file sizes.
//!
//! `cargo bench --bench warc_index -- [--out DIR] [--sizes 256,1024] [--memory MB] [--keep]`
//!
//! Builds a plain WARC of each size (MB) in a folder of its own under a
//! temporary folder (or `--out`) by repeating the records of the samples
//! in `../shared/corpora/warc` (`common/warc.rs`: the 73-page htmldate news
//! crawl and four others, each copy with its own target URIs), then, in a
//! child process, indexes that folder into a fresh index with the
//! library's entry point, `newsdex::index::update`, with `newsdex index`'s
//! default options (256 MB writer budget, 64 MB per record): the file read
//! as a stream, every HTML page extracted and annotated (people, meaning
//! vector, near-duplicate sketch), given its story, written to tantivy and
//! committed. The child reports wall time, CPU time and its peak RSS
//! (`VmHWM`), and the peaks of its heap (`RssAnon`) and of the index files
//! it maps (`RssFile`), sampled every 50 ms; a flat heap across sizes is
//! the streaming pipeline's promise.
//! The WARC and the index are deleted after each size (unless `--keep`).
//! Prints a markdown table.

#[path = "common/warc.rs"]
mod warc;

use std::fs;
use std::path::Path;
use std::process::Command;
use std::time::Instant;

use newsdex::index::{self, NoProgress, Options};
use newsdex::store::Store;
use warc::{build, peak_rss_kb, setup, Args};

fn main() {
    let args = Args::read();
    let memory: u64 = args
        .flag("--memory")
        .map_or(256, |m| m.parse().expect("--memory: MB"));
    if let Some(dir) = args.flag("--measure") {
        measure(Path::new(&dir), memory);
        return;
    }
    let sizes = args.sizes();
    let (_temp, out, records) = setup(&args);
    println!(
        "| WARC size | records | articles | index (wall) | CPU | MB/s | pages/s | peak RSS | heap / mapped |"
    );
    println!("| --- | --- | --- | --- | --- | --- | --- | --- | --- |");
    for mb in sizes {
        let run = out.join(format!("warc-index-{mb}mb"));
        let corpus = run.join("corpus");
        fs::create_dir_all(&corpus).expect("corpus folder");
        let written = build(&corpus.join("crawl.warc"), &records, mb << 20);
        let child = Command::new(std::env::current_exe().unwrap())
            .args(["--memory", &memory.to_string()])
            .args(["--measure", run.to_str().unwrap()])
            .output()
            .expect("run the measuring child");
        if !args.has("--keep") {
            let _ = fs::remove_dir_all(&run);
        }
        assert!(
            child.status.success(),
            "{}",
            String::from_utf8_lossy(&child.stderr)
        );
        eprint!("{}", String::from_utf8_lossy(&child.stderr));
        let line = String::from_utf8_lossy(&child.stdout);
        let f: Vec<f64> = line
            .split_whitespace()
            .map(|x| x.parse().unwrap())
            .collect();
        let (secs, cpu, articles, hwm_kb) = (f[0], f[1], f[2], f[3]);
        let (anon_kb, file_kb) = (f[4], f[5]);
        let size_mb = written.0 as f64 / 1048576.0;
        println!(
            "| {size_mb:.0} MB | {} | {articles} | {secs:.1} s | {cpu:.1} s | {:.1} | {:.0} | {:.0} MB | {:.0} / {:.0} MB |",
            written.1,
            size_mb / secs,
            articles / secs,
            hwm_kb / 1024.0,
            anon_kb / 1024.0,
            file_kb / 1024.0
        );
    }
}

/// The child: indexes `run/corpus` into `run/index` as `newsdex index`
/// does; prints wall seconds, CPU seconds, articles and VmHWM (kB).
fn measure(run: &Path, memory: u64) {
    let opts = Options {
        memory_bytes: (memory as usize) << 20,
        ..Options::default()
    };
    let store = Store::at(run.join("index"));
    let start = Instant::now();
    let peaks = Peaks::sample();
    let report = index::update(&store, &[run.join("corpus")], &opts, &NoProgress)
        .unwrap_or_else(|e| panic!("index: {e}"));
    let secs = start.elapsed().as_secs_f64();
    let (anon, file) = peaks.stop();
    assert!(report.skipped.is_empty(), "{:?}", report.skipped);
    eprintln!(
        "  {} articles, {} joined stories, passed over {:?}",
        report.articles_total, report.articles_joined_stories, report.records_passed_over
    );
    println!(
        "{secs} {} {} {} {anon} {file}",
        cpu_secs(),
        report.articles_total,
        peak_rss_kb()
    );
}

/// The largest anonymous (heap) and file-backed (memory-mapped index
/// files) resident sets seen, sampled every 50 ms on a thread of their own:
/// `VmHWM` alone does not tell the two apart.
struct Peaks {
    stop: std::sync::Arc<std::sync::atomic::AtomicBool>,
    thread: std::thread::JoinHandle<(u64, u64)>,
}

impl Peaks {
    fn sample() -> Peaks {
        let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
        let done = stop.clone();
        let thread = std::thread::spawn(move || {
            let (mut anon, mut file) = (0, 0);
            while !done.load(std::sync::atomic::Ordering::Relaxed) {
                let status = fs::read_to_string("/proc/self/status").unwrap_or_default();
                let kb = |key: &str| {
                    status
                        .lines()
                        .find_map(|l| l.strip_prefix(key))
                        .and_then(|v| v.split_whitespace().next())
                        .and_then(|v| v.parse::<u64>().ok())
                        .unwrap_or(0)
                };
                anon = anon.max(kb("RssAnon:"));
                file = file.max(kb("RssFile:"));
                std::thread::sleep(std::time::Duration::from_millis(50));
            }
            (anon, file)
        });
        Peaks { stop, thread }
    }

    /// The peaks, in kB.
    fn stop(self) -> (u64, u64) {
        self.stop.store(true, std::sync::atomic::Ordering::Relaxed);
        self.thread.join().unwrap()
    }
}

/// User plus system CPU time of this process so far.
fn cpu_secs() -> f64 {
    // SAFETY: getrusage fills the struct it is given; zeroed is a valid
    // starting value for it.
    let usage = unsafe {
        let mut u: libc::rusage = std::mem::zeroed();
        libc::getrusage(libc::RUSAGE_SELF, &mut u);
        u
    };
    let secs = |t: libc::timeval| t.tv_sec as f64 + t.tv_usec as f64 / 1e6;
    secs(usage.ru_utime) + secs(usage.ru_stime)
}
