//! WARC ingest benchmark (issue #23): reader plus HTML extraction
//! throughput and peak memory on web archives of growing size.
//!
//! `cargo bench --bench warc_ingest -- [--out DIR] [--sizes 256,1024]`
//!
//! Builds plain WARC files of each size (MB) in a temporary folder (or
//! `--out`, kept) by repeating the records of the samples in
//! `../shared/corpora/warc` (every record, with `?copy=N` added to its
//! target URI so no two captures share a URL), then reads each file in a
//! child process, as a stream (`File` → `BufReader` →
//! `newsdex::ingest::warc::Articles`): every HTML response through the
//! extractor. The child reports MB/s, pages/s and its peak RSS
//! (`VmHWM`); a flat peak across sizes is the streaming reader's promise.
//! Prints a markdown table.

#[path = "common/warc.rs"]
mod warc;

use std::fs::{self, File};
use std::io::BufReader;
use std::path::Path;
use std::process::Command;
use std::time::Instant;

use newsdex::ingest::warc::Articles;
use warc::{build, peak_rss_kb, setup, Args};

fn main() {
    let args = Args::read();
    if let Some(path) = args.flag("--measure") {
        measure(Path::new(&path));
        return;
    }
    let sizes = args.sizes();
    let (_temp, out, records) = setup(&args);
    println!("| WARC size | records | pages | read + extract | MB/s | pages/s | peak RSS |");
    println!("| --- | --- | --- | --- | --- | --- | --- |");
    for mb in sizes {
        let path = out.join(format!("bench-{mb}mb.warc"));
        let written = build(&path, &records, mb << 20);
        let child = Command::new(std::env::current_exe().unwrap())
            .args(["--measure", path.to_str().unwrap()])
            .output()
            .expect("run the measuring child");
        assert!(
            child.status.success(),
            "{}",
            String::from_utf8_lossy(&child.stderr)
        );
        let line = String::from_utf8_lossy(&child.stdout);
        let f: Vec<f64> = line
            .split_whitespace()
            .map(|x| x.parse().unwrap())
            .collect();
        let (secs, pages, hwm_kb) = (f[0], f[1], f[2]);
        println!(
            "| {:.0} MB | {} | {} | {:.1} s | {:.1} | {:.0} | {:.0} MB |",
            written.0 as f64 / 1048576.0,
            written.1,
            pages,
            secs,
            written.0 as f64 / 1048576.0 / secs,
            pages / secs,
            hwm_kb / 1024.0
        );
        if args.flag("--out").is_none() {
            let _ = fs::remove_file(&path);
        }
    }
}

/// The child: reads one file as a stream; prints seconds, pages, VmHWM (kB).
fn measure(path: &Path) {
    let start = Instant::now();
    let file = File::open(path).expect("open the WARC");
    let mut articles = Articles::new(BufReader::with_capacity(1 << 20, file));
    let mut pages = 0u64;
    let mut words = 0usize;
    let mut damaged = 0u64;
    for item in articles.by_ref() {
        match item {
            Ok(d) => {
                pages += 1;
                words += d.body.len();
            }
            Err(_) => damaged += 1,
        }
    }
    // The samples repeated here have no damaged record: one would be the
    // builder's fault.
    assert_eq!(damaged, 0, "damaged records in {}", path.display());
    let secs = start.elapsed().as_secs_f64();
    eprintln!("{} records, {words} body bytes", articles.records());
    println!("{secs} {pages} {}", peak_rss_kb());
}
