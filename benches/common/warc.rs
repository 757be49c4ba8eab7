//! Building large web archives for the WARC benchmarks (`warc_ingest`,
//! `warc_index`): every readable record of the samples in
//! `../shared/corpora/warc`, written over and over as plain WARC, each copy
//! with `?copy=N` added to its target URI so no two captures share a URL.

use std::fs::{self, File};
use std::io::{BufReader, BufWriter, Write};
use std::path::{Path, PathBuf};

use newsdex::ingest::warc::{Reader, Record};

/// The samples repeated: the 73-page htmldate news crawl first (the main
/// source of articles), then Common Crawl, Heritrix and warcio files (their
/// requests, metadata, redirects and images, as real crawls hold).
pub const SAMPLES: &[&str] = &[
    "generated-htmldate-news-sample.warc.gz",
    "resiliparse-testdata/warcfile.warc.gz",
    "commoncrawl-whirlwind/whirlwind.warc.gz",
    "aut-testdata/example.warc.gz",
    "warcio-testdata/example.warc.gz",
];

/// The bench's command line (after cargo's own arguments).
pub struct Args(Vec<String>);

impl Args {
    /// This process's arguments.
    pub fn read() -> Args {
        Args(std::env::args().skip(1).collect())
    }

    /// The value after `name`, if given.
    pub fn flag(&self, name: &str) -> Option<String> {
        self.0
            .iter()
            .position(|a| a == name)
            .and_then(|i| self.0.get(i + 1))
            .cloned()
    }

    /// Whether the switch `name` is given (`warc_index --keep`; each bench
    /// compiles this file on its own, and `warc_ingest` has no switch).
    #[allow(dead_code)]
    pub fn has(&self, name: &str) -> bool {
        self.0.iter().any(|a| a == name)
    }

    /// `--sizes` in MB (256 and 1,024 unless given).
    pub fn sizes(&self) -> Vec<u64> {
        self.flag("--sizes")
            .unwrap_or_else(|| "256,1024".to_string())
            .split(',')
            .map(|s| s.trim().parse().expect("--sizes: MB, comma-separated"))
            .collect()
    }
}

/// Where the WARC files go (`--out`, or a temporary folder the returned
/// guard removes), and every sample record to build them from.
pub fn setup(args: &Args) -> (tempfile::TempDir, PathBuf, Vec<Record>) {
    let temp = tempfile::tempdir().expect("temp dir");
    let out = args
        .flag("--out")
        .map_or_else(|| temp.path().to_path_buf(), PathBuf::from);
    fs::create_dir_all(&out).expect("--out folder");
    let shared = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpora/warc");
    let records = sample_records(&shared);
    eprintln!("{} sample records", records.len());
    (temp, out, records)
}

/// Every readable record of the [`SAMPLES`] in `dir`.
pub fn sample_records(dir: &Path) -> Vec<Record> {
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
pub fn build(path: &Path, records: &[Record], bytes: u64) -> (u64, u64) {
    let mut w = BufWriter::new(File::create(path).expect("create the WARC"));
    let (mut size, mut count) = (0u64, 0u64);
    'copies: for copy in 0.. {
        for r in records {
            if size >= bytes {
                break 'copies;
            }
            // An ARC record's version written as WARC's (a WARC version,
            // `WARC/1.0`, kept: it holds `ARC/1` too).
            let version = match r.version.strip_prefix("ARC/") {
                Some(_) => "WARC/1.0",
                None => r.version.as_str(),
            };
            let mut head = format!("{version}\r\n");
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

/// This process's peak resident set (`VmHWM`), in kB.
pub fn peak_rss_kb() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.split_whitespace().next())
        .and_then(|v| v.parse().ok())
        .unwrap_or(0)
}
