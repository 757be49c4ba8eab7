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

use std::fs::{self, File};
use std::io::{BufReader, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use newsdex::ingest::warc::{Articles, Reader, Record};

const SAMPLES: &[&str] = &[
    "generated-htmldate-news-sample.warc.gz",
    "resiliparse-testdata/warcfile.warc.gz",
    "commoncrawl-whirlwind/whirlwind.warc.gz",
    "aut-testdata/example.warc.gz",
    "warcio-testdata/example.warc.gz",
];

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let flag = |name: &str| {
        args.iter()
            .position(|a| a == name)
            .and_then(|i| args.get(i + 1))
            .cloned()
    };
    if let Some(path) = flag("--measure") {
        measure(Path::new(&path));
        return;
    }
    let sizes: Vec<u64> = flag("--sizes")
        .unwrap_or_else(|| "256,1024".to_string())
        .split(',')
        .map(|s| s.trim().parse().expect("--sizes: MB, comma-separated"))
        .collect();
    let temp = tempfile::tempdir().expect("temp dir");
    let out = flag("--out").map_or_else(|| temp.path().to_path_buf(), PathBuf::from);
    fs::create_dir_all(&out).expect("--out folder");
    let shared = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpora/warc");
    let records = sample_records(&shared);
    eprintln!("{} sample records", records.len());
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
        if flag("--out").is_none() {
            let _ = fs::remove_file(&path);
        }
    }
}

/// Every readable record of the samples.
fn sample_records(dir: &Path) -> Vec<Record> {
    let mut out = Vec::new();
    for name in SAMPLES {
        let path = dir.join(name);
        let file = File::open(&path)
            .unwrap_or_else(|e| panic!("{} (the shared corpora are needed): {e}", path.display()));
        out.extend(Reader::new(BufReader::new(file)).filter_map(Result::ok));
    }
    out
}

/// Writes the records over and over, each copy with its own URI, until
/// the file reaches `bytes`. Returns its size and record count.
fn build(path: &Path, records: &[Record], bytes: u64) -> (u64, u64) {
    let mut w = BufWriter::new(File::create(path).expect("create the WARC"));
    let (mut size, mut count) = (0u64, 0u64);
    'copies: for copy in 0.. {
        for r in records {
            if size >= bytes {
                break 'copies;
            }
            let mut head = format!("{}\r\n", r.version.replace("ARC/1", "WARC/1.0"));
            for (k, v) in &r.headers {
                if k.eq_ignore_ascii_case("WARC-Target-URI") {
                    let sep = if v.contains('?') { '&' } else { '?' };
                    head.push_str(&format!("{k}: {v}{sep}copy={copy}\r\n"));
                } else if !k.eq_ignore_ascii_case("Content-Length") {
                    head.push_str(&format!("{k}: {v}\r\n"));
                }
            }
            head.push_str(&format!("Content-Length: {}\r\n\r\n", r.block.len()));
            w.write_all(head.as_bytes()).unwrap();
            w.write_all(&r.block).unwrap();
            w.write_all(b"\r\n\r\n").unwrap();
            size += (head.len() + r.block.len() + 4) as u64;
            count += 1;
        }
    }
    w.flush().unwrap();
    (size, count)
}

/// The child: reads one file as a stream; prints seconds, pages, VmHWM (kB).
fn measure(path: &Path) {
    let start = Instant::now();
    let file = File::open(path).expect("open the WARC");
    let mut articles = Articles::new(BufReader::with_capacity(1 << 20, file));
    let mut pages = 0u64;
    let mut words = 0usize;
    // The samples repeated here have no damaged record.
    for d in articles.by_ref().flatten() {
        pages += 1;
        words += d.body.len();
    }
    let secs = start.elapsed().as_secs_f64();
    eprintln!("{} records, {words} body bytes", articles.records());
    let status = fs::read_to_string("/proc/self/status").unwrap_or_default();
    let hwm = status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.split_whitespace().next())
        .unwrap_or("0");
    println!("{secs} {pages} {hwm}");
}
