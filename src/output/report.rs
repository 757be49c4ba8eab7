//! What an index or rebuild run did ([`Report`]: files seen, parsed and
//! ignored, articles added and removed, warnings, the time taken) and the
//! index's figures ([`Stats`]), for people as text or as JSON Lines.
//! A run's summary for people goes to stderr, so that a pipe gets results
//! only. Talks to `newsdex::index`, `newsdex::ingest` (why a file was
//! ignored) and `newsdex::stats`.

use std::io::{self, Write};

use super::{count, one_line, Output, Printer};
use crate::hit_json::iso;
use newsdex::index::Report;
use newsdex::ingest::IgnoreReason;
use newsdex::stats::Stats;

impl Output {
    /// An index or rebuild summary: JSON on stdout (every ignored file
    /// listed), or text on stderr unless `quiet` (ignored files counted by
    /// reason, and listed when `verbose`).
    pub fn report(self, r: &Report, verb: &str, quiet: bool, verbose: bool) -> io::Result<()> {
        match self {
            Output::Json => self.stdout().json_lines(std::slice::from_ref(r)),
            Output::Text { .. } | Output::Csv if quiet => Ok(()),
            Output::Text { .. } | Output::Csv => {
                Printer::new(io::stderr().lock(), false).report_text(r, verb, verbose)
            }
        }
    }

    /// Figures about the index.
    pub fn stats(self, s: &Stats) -> io::Result<()> {
        let mut p = self.stdout();
        match self {
            Output::Json => p.json_lines(std::slice::from_ref(s)),
            Output::Text { .. } | Output::Csv => p.stats_text(s),
        }
    }
}

impl<W: Write> Printer<W> {
    /// An index or rebuild summary for people.
    fn report_text(&mut self, r: &Report, verb: &str, verbose: bool) -> io::Result<()> {
        writeln!(
            self.out,
            "{verb}: {} seen: {} parsed, {} unchanged, {} removed{}",
            count(r.files_seen, "file", "files"),
            r.files_parsed,
            r.files_unchanged,
            r.files_removed,
            ignored_summary(r),
        )?;
        writeln!(
            self.out,
            "articles: {} added, {} updated, {} removed, {} unchanged; {} in the index",
            r.articles_added,
            r.articles_updated,
            r.articles_removed,
            r.articles_unchanged,
            r.articles_total
        )?;
        if r.articles_joined_stories > 0 {
            writeln!(
                self.out,
                "stories: {} of the articles read are copies of another article (`newsdex duplicates` lists them)",
                r.articles_joined_stories
            )?;
        }
        for root in &r.missing_roots {
            writeln!(
                self.out,
                "warning: source folder {} no longer exists; its articles are kept (use --prune to drop them)",
                one_line(&root.display().to_string())
            )?;
        }
        for root in &r.pruned_roots {
            writeln!(
                self.out,
                "source folder {} no longer exists: forgotten with its articles (--prune)",
                one_line(&root.display().to_string())
            )?;
        }
        if !r.records_passed_over.is_empty() {
            let mut kinds: Vec<(&String, &u64)> = r.records_passed_over.iter().collect();
            kinds.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
            let kinds: Vec<String> = kinds.iter().map(|(k, n)| format!("{n} {k}")).collect();
            writeln!(
                self.out,
                "records passed over inside files (not articles): {}",
                kinds.join(", ")
            )?;
        }
        if verbose && !r.notes.is_empty() {
            writeln!(self.out, "guessed {}:", r.notes.len())?;
            for n in &r.notes {
                let path = one_line(&n.path.display().to_string());
                writeln!(self.out, "  {path}: {}", one_line(&n.note))?;
            }
        }
        if verbose && !r.ignored.is_empty() {
            writeln!(self.out, "ignored {}:", r.ignored.len())?;
            for i in &r.ignored {
                let path = one_line(&i.path.display().to_string());
                writeln!(self.out, "  {path}: {}", i.reason)?;
            }
        }
        if !r.skipped.is_empty() {
            writeln!(self.out, "skipped {}:", r.skipped.len())?;
            for s in &r.skipped {
                let path = one_line(&s.path.display().to_string());
                match s.line {
                    Some(line) => writeln!(self.out, "  {path}:{line}: {}", s.reason)?,
                    None => writeln!(self.out, "  {path}: {}", s.reason)?,
                }
            }
        }
        if r.interrupted {
            writeln!(
                self.out,
                "interrupted: what was indexed is committed; {} left for the next run (`newsdex index` again)",
                count(r.files_left, "file", "files")
            )?;
        }
        // A rate over a fraction of a second or a few kilobytes says
        // nothing: the time alone then.
        if r.elapsed_secs >= 0.5 && r.bytes_read >= 1_000_000 {
            writeln!(
                self.out,
                "took {:.2}s ({:.1} MB/s)",
                r.elapsed_secs,
                r.mb_per_sec()
            )?;
        } else {
            writeln!(self.out, "took {:.2}s", r.elapsed_secs)?;
        }
        self.out.flush()
    }

    /// Index figures for people.
    fn stats_text(&mut self, s: &Stats) -> io::Result<()> {
        writeln!(self.out, "index:        {}", s.index.display())?;
        writeln!(
            self.out,
            "articles:     {} (from {} files)",
            s.articles, s.files
        )?;
        match &s.date_range {
            Some([a, b]) => writeln!(
                self.out,
                "dates:        {} to {} ({} undated)",
                a.format("%Y-%m-%d"),
                b.format("%Y-%m-%d"),
                s.undated
            )?,
            None => writeln!(self.out, "dates:        none")?,
        }
        writeln!(
            self.out,
            "size on disk: {:.1} MB",
            s.index_bytes as f64 / 1e6
        )?;
        match s.last_indexed {
            Some(t) => writeln!(self.out, "last indexed: {}", iso(t))?,
            None => writeln!(self.out, "last indexed: never")?,
        }
        writeln!(self.out, "sources:")?;
        for r in &s.roots {
            writeln!(self.out, "  {}", r.display())?;
        }
        writeln!(self.out, "sections:")?;
        let mut by_count: Vec<_> = s.sections.iter().collect();
        by_count.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
        for (name, n) in by_count {
            writeln!(self.out, "  {n:>8}  {name}")?;
        }
        if !s.languages.is_empty() {
            writeln!(self.out, "languages:")?;
            let mut by_count: Vec<_> = s.languages.iter().collect();
            by_count.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
            for (code, n) in by_count {
                writeln!(self.out, "  {n:>8}  {code}")?;
            }
        }
        self.out.flush()
    }
}

/// The extensions of the files passed over for `reason`, most common
/// first: `.pdf 12, .md 3, …`.
fn by_extension(r: &Report, reason: IgnoreReason) -> String {
    const NAMED: usize = 5;
    let groups = newsdex::ingest::ignored_by_extension(&r.ignored);
    let Some((_, exts)) = groups.into_iter().find(|(g, _)| *g == reason) else {
        return String::new();
    };
    let mut parts: Vec<String> = exts
        .iter()
        .take(NAMED)
        .map(|(ext, n)| format!("{ext} {n}"))
        .collect();
    if exts.len() > NAMED {
        parts.push("…".to_string());
    }
    parts.join(", ")
}

/// How many project files the summary names before `…`.
const PROJECT_FILES_NAMED: usize = 3;

/// `; 2 ignored: 1 project file (README.md), 1 not an article format`, or
/// nothing when no file was passed over. Project files are named (by file
/// name): they are the ones a reader might not expect to be left out.
fn ignored_summary(r: &Report) -> String {
    if r.ignored.is_empty() {
        return String::new();
    }
    let parts: Vec<String> = r
        .ignored_by_reason()
        .into_iter()
        .map(|(reason, paths)| {
            let n = paths.len();
            match reason {
                IgnoreReason::ProjectFile => {
                    let mut names: Vec<String> = paths
                        .iter()
                        .take(PROJECT_FILES_NAMED)
                        .map(|p| {
                            one_line(&p.file_name().unwrap_or(p.as_os_str()).to_string_lossy())
                        })
                        .collect();
                    if n > PROJECT_FILES_NAMED {
                        names.push("…".to_string());
                    }
                    let s = if n == 1 { "" } else { "s" };
                    format!("{n} project file{s} ({})", names.join(", "))
                }
                IgnoreReason::NotArticleFormat => {
                    format!("{n} {reason} ({})", by_extension(r, reason))
                }
            }
        })
        .collect();
    format!("; {} ignored: {}", r.ignored.len(), parts.join(", "))
}
