//! Corpus scaler for the benchmarks (issue #6); not part of the CLI.
//!
//! Reads the real corpora in `../shared/corpora/` (BBC text files, Reuters
//! SGML, AllSides JSON packed in a `.tar.zst`) with newsdex's own parsers,
//! then writes `FACTOR` copies of the archive as plain-text articles:
//!
//! - copy 0 is the real articles themselves;
//! - copy k > 0 has one new article per real one (the *template*): as many
//!   paragraphs as the template, each a real paragraph drawn from a random
//!   article of the same source and section; the headline and byline of the
//!   article that gave the first paragraph (so the headline matches the
//!   lead); a date near that of a random article of the section.
//!
//! So vocabulary, paragraph and article lengths stay those of real news,
//! while every article body is new. Each article is one file:
//!
//! ```text
//! <out>/<source>[-kNN]/<section>/<NNNNNN>.txt
//!
//! Headline
//!
//! Published 20 September 2016
//!
//! By Author Name
//!
//! First paragraph ...
//! ```
//!
//! the layout the plain-text ingester reads at full speed, with the section
//! as the folder name. Output is deterministic for a given `--seed`.
//!
//! ```sh
//! cargo bench --bench scale -- --out /tmp/newsdex-1x --factor 1
//! cargo bench --bench scale -- --out /tmp/newsdex-16x --factor 16 --seed 7
//! ```

use std::collections::BTreeMap;
use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::time::Instant;

use chrono::{DateTime, Datelike, Duration, TimeZone, Utc};
use newsdex::ingest::{self, Format};
use rayon::prelude::*;

/// One real article, split into paragraphs.
struct Source {
    title: String,
    byline: Option<String>,
    date: Option<DateTime<Utc>>,
    paragraphs: Vec<String>,
}

/// The articles of one source and section.
struct Pool {
    source: &'static str,
    section: String,
    articles: Vec<Source>,
}

struct Args {
    corpora: PathBuf,
    out: PathBuf,
    factor: usize,
    seed: u64,
}

fn parse_args() -> Result<Args, String> {
    let mut args = Args {
        corpora: PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/corpora")),
        out: PathBuf::new(),
        factor: 1,
        seed: 42,
    };
    let mut it = std::env::args().skip(1);
    while let Some(a) = it.next() {
        let mut value = || it.next().ok_or(format!("{a} needs a value"));
        match a.as_str() {
            "--out" => args.out = PathBuf::from(value()?),
            "--corpora" => args.corpora = PathBuf::from(value()?),
            "--factor" => args.factor = value()?.parse().map_err(|e| format!("--factor: {e}"))?,
            "--seed" => args.seed = value()?.parse().map_err(|e| format!("--seed: {e}"))?,
            // `cargo bench` passes `--bench` to every bench target.
            "--bench" => {}
            "-h" | "--help" => {
                return Err(
                    "usage: scale --out DIR [--factor N] [--seed S] [--corpora DIR]".to_string(),
                )
            }
            other => return Err(format!("unknown argument {other}")),
        }
    }
    if args.out.as_os_str().is_empty() {
        return Err("--out DIR is required (outside the repository)".to_string());
    }
    if args.factor == 0 {
        return Err("--factor must be at least 1".to_string());
    }
    Ok(args)
}

fn main() {
    let args = match parse_args() {
        Ok(a) => a,
        Err(e) => {
            eprintln!("scale: {e}");
            std::process::exit(2);
        }
    };
    if let Err(e) = run(&args) {
        eprintln!("scale: error: {e}");
        std::process::exit(2);
    }
}

fn run(args: &Args) -> Result<(), String> {
    let start = Instant::now();
    let pools = load(&args.corpora)?;
    let real: usize = pools.iter().map(|p| p.articles.len()).sum();
    eprintln!(
        "scale: {real} real articles in {} sections, read in {:.1}s",
        pools.len(),
        start.elapsed().as_secs_f64()
    );
    if args.out.exists() {
        fs::remove_dir_all(&args.out).map_err(|e| format!("{}: {e}", args.out.display()))?;
    }
    let mut files = 0u64;
    let mut bytes = 0u64;
    for copy in 0..args.factor {
        let (n, b) = write_copy(&pools, copy, args)?;
        files += n;
        bytes += b;
        eprintln!(
            "scale: copy {}/{} written ({files} files, {:.0} MB so far, {:.0}s)",
            copy + 1,
            args.factor,
            bytes as f64 / 1e6,
            start.elapsed().as_secs_f64()
        );
    }
    println!(
        "{{\"out\":{:?},\"factor\":{},\"seed\":{},\"files\":{files},\"bytes\":{bytes}}}",
        args.out.display().to_string(),
        args.factor,
        args.seed
    );
    Ok(())
}

/// Reads the three corpora into pools by source and section.
fn load(corpora: &Path) -> Result<Vec<Pool>, String> {
    let mut pools: BTreeMap<(&'static str, String), Vec<Source>> = BTreeMap::new();
    let mut add = |source: &'static str, section: Option<String>, d: newsdex::article::Draft| {
        let paragraphs: Vec<String> = d
            .body
            .split("\n\n")
            .map(|p| p.split_whitespace().collect::<Vec<_>>().join(" "))
            .filter(|p| !p.is_empty())
            .collect();
        let title = d
            .title
            .as_deref()
            .map(|t| t.split_whitespace().collect::<Vec<_>>().join(" "))
            .filter(|t| !t.is_empty())
            // Short Reuters items have no headline: their opening words.
            .or_else(|| {
                let words: Vec<&str> = paragraphs.first()?.split(' ').take(10).collect();
                Some(words.join(" "))
            })
            .unwrap_or_default();
        if paragraphs.is_empty() || title.is_empty() {
            return;
        }
        let section = folder_name(section.or(d.section).as_deref().unwrap_or("general"));
        pools.entry((source, section)).or_default().push(Source {
            title,
            byline: d.byline,
            date: d.date,
            paragraphs,
        });
    };

    // BBC: five section folders of text files (undated; see `write_copy`).
    let bbc = corpora.join("bbc");
    for section in ["business", "entertainment", "politics", "sport", "tech"] {
        let dir = bbc.join(section);
        let mut names: Vec<PathBuf> = fs::read_dir(&dir)
            .map_err(|e| format!("{}: {e}", dir.display()))?
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x == "txt"))
            .collect();
        names.sort();
        for path in names {
            let bytes = fs::read(&path).map_err(|e| format!("{}: {e}", path.display()))?;
            if let Ok(parsed) = ingest::parse_bytes(&bytes, Format::Text) {
                for d in parsed.drafts {
                    add("bbc", Some(section.to_string()), d);
                }
            }
        }
    }

    // Reuters-21578: 22 SGML files; the first topic is the section.
    let reuters = corpora.join("reuters21578");
    for i in 0..22 {
        let path = reuters.join(format!("reut2-{i:03}.sgm"));
        let bytes = fs::read(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        if let Ok(parsed) = ingest::parse_bytes(&bytes, Format::Sgml) {
            for d in parsed.drafts {
                let section = d.section.clone().or(Some("wire".to_string()));
                add("reuters", section, d);
            }
        }
    }

    // AllSides: one JSON file per article inside jsons.tar.zst.
    let archive = corpora.join("allsides-article-bias/jsons.tar.zst");
    let file = fs::File::open(&archive).map_err(|e| format!("{}: {e}", archive.display()))?;
    let mut tar = Vec::new();
    zstd::stream::read::Decoder::new(file)
        .and_then(|mut d| d.read_to_end(&mut tar))
        .map_err(|e| format!("{}: {e}", archive.display()))?;
    let entries = tar_entries(&tar);
    let parsed: Vec<Vec<newsdex::article::Draft>> = entries
        .par_iter()
        .filter(|(name, _)| name.ends_with(".json"))
        .map(|(_, data)| {
            ingest::parse_bytes(data, Format::Json)
                .map(|p| p.drafts)
                .unwrap_or_default()
        })
        .collect();
    for drafts in parsed {
        for d in drafts {
            add("allsides", None, d);
        }
    }

    Ok(pools
        .into_iter()
        .map(|((source, section), articles)| Pool {
            source,
            section,
            articles,
        })
        .collect())
}

/// The regular files of a ustar archive, as (name, bytes).
fn tar_entries(tar: &[u8]) -> Vec<(String, &[u8])> {
    let mut out = Vec::new();
    let mut pos = 0;
    while pos + 512 <= tar.len() {
        let header = &tar[pos..pos + 512];
        if header.iter().all(|&b| b == 0) {
            break;
        }
        let field = |r: std::ops::Range<usize>| {
            let f = &header[r];
            let end = f.iter().position(|&b| b == 0).unwrap_or(f.len());
            String::from_utf8_lossy(&f[..end]).trim().to_string()
        };
        let name = field(0..100);
        let size = usize::from_str_radix(&field(124..136), 8).unwrap_or(0);
        let kind = header[156];
        let data_start = pos + 512;
        let data_end = (data_start + size).min(tar.len());
        if kind == b'0' || kind == 0 {
            out.push((name, &tar[data_start..data_end]));
        }
        pos = data_start + size.div_ceil(512) * 512;
    }
    out
}

/// A section name as a folder name: lower-case letters, digits and `-`.
fn folder_name(s: &str) -> String {
    let mut out = String::new();
    for c in s.trim().chars().flat_map(char::to_lowercase) {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') {
            out.push('-');
        }
    }
    let out = out.trim_matches('-').to_string();
    if out.is_empty() {
        "general".to_string()
    } else {
        out
    }
}

/// splitmix64: small, fast and deterministic, which is all this needs.
struct Rng(u64);

impl Rng {
    fn new(seed: u64, a: u64, b: u64) -> Rng {
        let mut r = Rng(seed ^ a.wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ b.rotate_left(32));
        r.next();
        r
    }
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// Writes copy `copy` of every pool; returns (files, bytes).
fn write_copy(pools: &[Pool], copy: usize, args: &Args) -> Result<(u64, u64), String> {
    let results: Vec<Result<(u64, u64), String>> = pools
        .par_iter()
        .enumerate()
        .map(|(pool_no, pool)| {
            let folder = if copy == 0 {
                pool.source.to_string()
            } else {
                format!("{}-k{copy:02}", pool.source)
            };
            let dir = args.out.join(folder).join(&pool.section);
            fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
            let dated: Vec<&Source> = pool.articles.iter().filter(|a| a.date.is_some()).collect();
            let mut files = 0;
            let mut bytes = 0;
            for (i, template) in pool.articles.iter().enumerate() {
                let mut rng = Rng::new(args.seed, (copy as u64) << 32 | pool_no as u64, i as u64);
                let text = if copy == 0 {
                    let date = template.date.or_else(|| bbc_date(&mut rng));
                    render(template, &template.paragraphs, date)
                } else {
                    let n = template.paragraphs.len();
                    let lead = &pool.articles[rng.below(pool.articles.len())];
                    let mut paragraphs = vec![lead.paragraphs[0].clone()];
                    for _ in 1..n {
                        let other = &pool.articles[rng.below(pool.articles.len())];
                        paragraphs
                            .push(other.paragraphs[rng.below(other.paragraphs.len())].clone());
                    }
                    let date = if dated.is_empty() {
                        bbc_date(&mut rng)
                    } else {
                        let base = dated[rng.below(dated.len())].date.expect("dated");
                        Some(base + Duration::days(rng.below(61) as i64 - 30))
                    };
                    render(lead, &paragraphs, date)
                };
                let path = dir.join(format!("{i:06}.txt"));
                fs::write(&path, &text).map_err(|e| format!("{}: {e}", path.display()))?;
                files += 1;
                bytes += text.len() as u64;
            }
            Ok((files, bytes))
        })
        .collect();
    let mut total = (0, 0);
    for r in results {
        let (f, b) = r?;
        total.0 += f;
        total.1 += b;
    }
    Ok(total)
}

/// A date in 2004-2005, when the BBC articles (which carry none) appeared.
fn bbc_date(rng: &mut Rng) -> Option<DateTime<Utc>> {
    let start = Utc.with_ymd_and_hms(2004, 1, 1, 0, 0, 0).single()?;
    Some(start + Duration::days(rng.below(730) as i64))
}

/// One article as a plain-text file.
fn render(head: &Source, paragraphs: &[String], date: Option<DateTime<Utc>>) -> String {
    let mut out =
        String::with_capacity(paragraphs.iter().map(|p| p.len() + 2).sum::<usize>() + 200);
    out.push_str(&head.title);
    out.push_str("\n\n");
    if let Some(d) = date.filter(|d| (1900..2100).contains(&d.year())) {
        out.push_str(&format!("Published {}\n\n", d.format("%-d %B %Y")));
    }
    if let Some(by) = head.byline.as_deref().filter(|b| !b.trim().is_empty()) {
        out.push_str("By ");
        out.push_str(&by.split_whitespace().collect::<Vec<_>>().join(" "));
        out.push_str("\n\n");
    }
    for p in paragraphs {
        out.push_str(p);
        out.push_str("\n\n");
    }
    out
}
