//! Everything the command line prints: search hits, index summaries, stats,
//! articles, people and timelines, as text for people or JSON for tools.
//! The form is chosen once ([`Output`]: text or JSON, as ripgrep's
//! `Printer`), and notices ("did you mean", "showing closest matches",
//! warnings) all go through [`Output::notice`]. Only this module writes
//! results; the library returns data.
//!
//! Text output marks highlights with colour on a terminal and with `**`
//! when colour is off, so matches stay visible in a pipe or under NO_COLOR.

use std::io::{self, Write};
use std::path::Path;

use anstyle::{AnsiColor, Style};
use serde::Serialize;

use crate::hit_json::{iso, HitJson};
use newsdex::article::Article;
use newsdex::facets::{Facet, PersonCount, Timeline};
use newsdex::index::Report;
use newsdex::ingest::IgnoreReason;
use newsdex::search::{Notice, SearchResults};
use newsdex::stats::Stats;
use newsdex::stories::Group;

const TITLE: Style = Style::new().bold();
const META: Style = Style::new().fg_color(Some(anstyle::Color::Ansi(AnsiColor::Green)));
const MATCH: Style = Style::new()
    .bold()
    .fg_color(Some(anstyle::Color::Ansi(AnsiColor::Red)));
const DIM: Style = Style::new().dimmed();

/// The form results are printed in, chosen once from `--json` and
/// `--color`. Results go to stdout; notices and summaries for people go to
/// stderr, so a pipe gets results only.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Output {
    /// For people; `color` enables ANSI styles on stdout.
    Text {
        /// Colour stdout.
        color: bool,
    },
    /// JSON Lines on stdout.
    Json,
    /// CSV on stdout (search only; elsewhere as text): a header row, then
    /// one row a hit.
    Csv,
}

impl Output {
    fn stdout(self) -> Printer<io::StdoutLock<'static>> {
        let color = matches!(self, Output::Text { color: true });
        Printer::new(io::stdout().lock(), color)
    }

    /// Says something to the user, on stderr, as `newsdex: MESSAGE`.
    pub fn notice(self, message: impl std::fmt::Display) {
        eprintln!("newsdex: {message}");
    }

    /// A page of search hits with what to say about them.
    pub fn search(self, results: &SearchResults) -> io::Result<()> {
        let mut p = self.stdout();
        match self {
            Output::Json => return p.hits_json(results),
            Output::Csv => {
                p.hits_csv(results)?;
                for n in results.notices() {
                    self.notice(n);
                }
                return Ok(());
            }
            Output::Text { .. } => {}
        }
        let notices = results.notices();
        // A correction and closest matches are announced before the hits,
        // the rest after.
        let before = |n: &Notice| matches!(n, Notice::Corrected { .. } | Notice::Closest { .. });
        for n in notices.iter().filter(|n| before(n)) {
            match n {
                Notice::Closest { .. } => self.notice(format_args!("{n} (--all-words for exact)")),
                _ => self.notice(format_args!("{n} with --exact")),
            }
        }
        p.hits_text(results)?;
        if !results.hits.is_empty() {
            p.hits_footer(results)?;
        }
        for n in notices.iter().filter(|n| !before(n)) {
            self.notice(n);
        }
        Ok(())
    }

    /// The people (sources, bylines) with most articles, of `total`
    /// matching articles (`stories` when copies count once).
    pub fn people(
        self,
        list: &[PersonCount],
        total: u64,
        facet: Facet,
        stories: bool,
    ) -> io::Result<()> {
        let mut p = self.stdout();
        match self {
            Output::Json => p.json_lines(list),
            Output::Text { .. } | Output::Csv => p.people_text(list, total, facet, stories),
        }
    }

    /// Stories with copies (`listed` of `stories`, with `copies` copies
    /// beyond each story's first article in all).
    pub fn duplicates(self, listed: &[Group], stories: usize, copies: usize) -> io::Result<()> {
        let mut p = self.stdout();
        match self {
            Output::Json => p.json_lines(listed),
            Output::Text { .. } | Output::Csv => p.duplicates_text(listed, stories, copies),
        }
    }

    /// Matching articles (`stories` when copies count once) per period.
    pub fn timeline(self, t: &Timeline, stories: bool) -> io::Result<()> {
        let mut p = self.stdout();
        match self {
            Output::Json => p.json_lines(&t.buckets),
            Output::Text { .. } | Output::Csv => p.timeline_text(t, stories),
        }
    }

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

    /// Stored articles in full, a blank line between them as text.
    pub fn articles(self, articles: &[Article]) -> io::Result<()> {
        let mut p = self.stdout();
        match self {
            Output::Json => p.json_lines(articles),
            Output::Text { .. } | Output::Csv => {
                for (i, a) in articles.iter().enumerate() {
                    if i > 0 {
                        writeln!(p.out)?;
                    }
                    p.article_text(a)?;
                }
                p.flush()
            }
        }
    }

    /// Where the server listens: the URL on stdout (a first line a script
    /// can read), what it serves on stderr.
    pub fn serving(self, index: &Path, addr: std::net::SocketAddr) {
        let url = format!("http://{addr}/");
        match self {
            Output::Json => {
                let obj = serde_json::json!({"url": url, "index": index});
                println!("{obj}");
            }
            Output::Text { .. } | Output::Csv => println!("{url}"),
        }
        let _ = io::stdout().flush();
        self.notice(format_args!(
            "serving {} at {url} (the page, and the API under {url}api/); Ctrl-C stops",
            index.display()
        ));
    }

    /// The articles of one file, as a list to choose from (text), or in
    /// full (JSON).
    pub fn article_list(self, key: &str, articles: &[Article]) -> io::Result<()> {
        if self == Output::Json {
            return self.articles(articles);
        }
        let mut p = self.stdout();
        for a in articles {
            write!(p.out, "{}  ", one_line(&a.id))?;
            p.styled(TITLE, &a.title)?;
            writeln!(p.out)?;
        }
        p.flush()?;
        self.notice(format_args!(
            "{} holds {} articles; show one by its id, or --json for all of them",
            one_line(key),
            articles.len()
        ));
        Ok(())
    }

    /// A stream of values as JSON Lines whatever the form (`export`).
    pub fn json_stream(self) -> Printer<io::StdoutLock<'static>> {
        Printer::new(io::stdout().lock(), false)
    }
}

/// Writes to one stream, with or without colour.
pub struct Printer<W: Write> {
    out: W,
    color: bool,
}

impl<W: Write> Printer<W> {
    /// A printer on `out`; `color` enables ANSI styles.
    pub fn new(out: W, color: bool) -> Self {
        Printer { out, color }
    }

    /// Values as JSON Lines.
    fn json_lines<T: Serialize>(&mut self, values: &[T]) -> io::Result<()> {
        for v in values {
            self.json_line(v)?;
        }
        self.out.flush()
    }

    fn styled(&mut self, style: Style, text: &str) -> io::Result<()> {
        if self.color {
            write!(
                self.out,
                "{}{}{}",
                style.render(),
                text,
                style.render_reset()
            )
        } else {
            write!(self.out, "{text}")
        }
    }

    /// Search hits as JSON Lines; with a spelling correction each carries
    /// the `query` as typed and the one `corrected` (searched). With no
    /// hits, one object `{"total", "stories", "strict_total", "offset", "query",
    /// "corrected"?, "suggestion"?, "notices"}`, so a search always prints
    /// a line.
    fn hits_json(&mut self, results: &SearchResults) -> io::Result<()> {
        let corrected = results.corrected.as_deref();
        for hit in &results.hits {
            let mut json = HitJson::from(hit);
            json.suggestion = results.suggestion.as_deref();
            json.corrected = corrected;
            json.query = corrected.map(|_| results.query.as_str());
            serde_json::to_writer(&mut self.out, &json)?;
            writeln!(self.out)?;
        }
        if results.hits.is_empty() {
            let notices: Vec<String> = results.notices().iter().map(ToString::to_string).collect();
            let mut obj = serde_json::json!({
                "total": results.total,
                "stories": results.stories,
                "strict_total": results.strict_total,
                "offset": results.offset,
                "query": results.query,
                "notices": notices,
            });
            if let Some(c) = corrected {
                obj["corrected"] = c.into();
            }
            if let Some(s) = &results.suggestion {
                obj["suggestion"] = s.as_str().into();
            }
            serde_json::to_writer(&mut self.out, &obj)?;
            writeln!(self.out)?;
        }
        self.out.flush()
    }

    /// Search hits as CSV (RFC 4180 quoting), a header row first.
    fn hits_csv(&mut self, results: &SearchResults) -> io::Result<()> {
        let mut w = csv::Writer::from_writer(&mut self.out);
        w.write_record([
            "rank", "date", "section", "source", "byline", "title", "id", "path", "url", "snippet",
        ])?;
        for hit in &results.hits {
            let a = &hit.article;
            let rank = hit.rank.to_string();
            let date = a.date.map(iso).unwrap_or_default();
            let text = |v: &Option<String>| v.clone().unwrap_or_default();
            w.write_record([
                rank.as_str(),
                &date,
                &text(&a.section),
                &text(&a.source),
                &text(&a.byline),
                &a.title,
                &a.id,
                &a.path,
                &text(&a.url),
                &hit.snippet.text,
            ])?;
        }
        w.flush()
    }

    /// Search hits for people to read.
    fn hits_text(&mut self, results: &SearchResults) -> io::Result<()> {
        let cwd = std::env::current_dir().ok();
        for hit in &results.hits {
            let a = &hit.article;
            write!(self.out, "{:>2}. ", hit.rank)?;
            self.styled(TITLE, &a.title)?;
            writeln!(self.out)?;
            let mut meta: Vec<String> = Vec::new();
            meta.push(
                a.date
                    .map_or("undated".to_string(), |d| d.format("%Y-%m-%d").to_string()),
            );
            meta.extend(
                [&a.section, &a.source, &a.byline]
                    .into_iter()
                    .flatten()
                    .map(|v| one_line(v)),
            );
            if let Some(words) = &hit.matched {
                meta.push(format!("matches {}", words.join(" ")));
            }
            write!(self.out, "    ")?;
            self.styled(META, &meta.join(" · "))?;
            writeln!(self.out)?;
            // Where it is: `file:line` of the best passage (an editor opens
            // the file there, and `show` takes it), after the id when the
            // id says something else (a record of a multi-article file).
            let path = display_path(&a.path, cwd.as_deref());
            let line = hit.passages.first().map_or(a.line, |p| p.line);
            let mut place = if line > 1 {
                format!("{path}:{line}")
            } else {
                path.clone()
            };
            if a.id != path {
                place = format!("{} · {place}", a.id);
            }
            write!(self.out, "    ")?;
            self.styled(DIM, &one_line(&place))?;
            writeln!(self.out)?;
            if !hit.copies.is_empty() {
                write!(self.out, "    ")?;
                let n = hit.copies.len();
                let listed: Vec<&str> = hit.copies.iter().take(3).map(String::as_str).collect();
                let more = if n > 3 {
                    format!(" and {} more", n - 3)
                } else {
                    String::new()
                };
                self.styled(
                    DIM,
                    &one_line(&format!(
                        "+{} ({}{more}; --all-copies shows them)",
                        count(n as u64, "copy", "copies"),
                        listed.join(", ")
                    )),
                )?;
                writeln!(self.out)?;
            }
            for passage in &hit.passages {
                write!(self.out, "    ")?;
                self.snippet(&passage.text, &passage.highlights)?;
                writeln!(self.out)?;
            }
            writeln!(self.out)?;
        }
        self.out.flush()
    }

    fn snippet(&mut self, text: &str, highlights: &[[usize; 2]]) -> io::Result<()> {
        let chars: Vec<char> = text.chars().collect();
        let mut pos = 0;
        for &[start, end] in highlights {
            let (start, end) = (start.min(chars.len()), end.min(chars.len()));
            if start < pos {
                continue;
            }
            let before: String = chars[pos..start].iter().collect();
            let hit: String = chars[start..end].iter().collect();
            write!(self.out, "{before}")?;
            if self.color {
                self.styled(MATCH, &hit)?;
            } else {
                write!(self.out, "**{hit}**")?;
            }
            pos = end;
        }
        let rest: String = chars[pos..].iter().collect();
        write!(self.out, "{rest}")
    }

    /// A line for the end of a page of hits: how many matched in all, and
    /// how many of those have every word when some do not.
    fn hits_footer(&mut self, results: &SearchResults) -> io::Result<()> {
        let offset = results.offset;
        let shown = results.hits.len();
        let mut text = if results.stories < results.total {
            format!(
                "{}-{} of {} matching stories ({} articles, copies shown once)",
                offset + 1,
                offset + shown,
                results.stories,
                results.total
            )
        } else {
            format!(
                "{}-{} of {} matching articles",
                offset + 1,
                offset + shown,
                results.total
            )
        };
        if results.strict_total < results.total {
            text.push_str(&format!(
                "; {} {} every word",
                results.strict_total,
                if results.strict_total == 1 {
                    "has"
                } else {
                    "have"
                }
            ));
        }
        self.styled(DIM, &text)?;
        writeln!(self.out)?;
        self.out.flush()
    }

    /// Any serialisable value as one line of JSON.
    pub fn json_line<T: Serialize>(&mut self, value: &T) -> io::Result<()> {
        serde_json::to_writer(&mut self.out, value)?;
        writeln!(self.out)
    }

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
        self.out.flush()
    }

    /// One article in full, for people.
    fn article_text(&mut self, a: &Article) -> io::Result<()> {
        self.styled(TITLE, &a.title)?;
        writeln!(self.out)?;
        let field = |name: &str, v: Option<&str>| v.map(|v| format!("{name:<8} {v}"));
        let date = a.date.map(iso);
        let words = a.word_count.to_string();
        let line = a.line.to_string();
        let places = a.places.join(", ");
        let people = a
            .people
            .iter()
            .map(|p| match a.person_links.iter().find(|l| &l.name == p) {
                Some(l) => format!("{p} (inferred: {})", l.person),
                None => p.clone(),
            })
            .collect::<Vec<_>>()
            .join(", ");
        let rows = [
            field("id", Some(&a.id)),
            field("path", Some(&a.path)),
            field("line", (a.line > 1).then_some(line.as_str())),
            field("date", date.as_deref()),
            field("byline", a.byline.as_deref()),
            field("section", a.section.as_deref()),
            field("source", a.source.as_deref()),
            field("url", a.url.as_deref()),
            field("places", (!places.is_empty()).then_some(places.as_str())),
            field("people", (!people.is_empty()).then_some(people.as_str())),
            field("words", Some(&words)),
        ];
        for row in rows.into_iter().flatten() {
            self.styled(META, &row)?;
            writeln!(self.out)?;
        }
        writeln!(self.out)?;
        writeln!(self.out, "{}", a.body)?;
        self.out.flush()
    }

    /// People (sources, bylines) and their article counts, most first.
    fn people_text(
        &mut self,
        list: &[PersonCount],
        total: u64,
        facet: Facet,
        stories: bool,
    ) -> io::Result<()> {
        for (i, p) in list.iter().enumerate() {
            write!(self.out, "{:>3}. {:>6}  ", i + 1, p.articles)?;
            self.styled(TITLE, &p.name)?;
            writeln!(self.out)?;
        }
        self.styled(
            DIM,
            &format!(
                "{} {} listed, from {total} {}",
                list.len(),
                match (facet, list.len()) {
                    (Facet::Person, 1) => "person",
                    (Facet::Person, _) => "people",
                    (Facet::Source, 1) => "source",
                    (Facet::Source, _) => "sources",
                    (Facet::Byline, 1) => "byline",
                    (Facet::Byline, _) => "bylines",
                    (Facet::Section, 1) => "section",
                    (Facet::Section, _) => "sections",
                },
                if stories {
                    "stories (copies counted once)"
                } else {
                    "articles"
                }
            ),
        )?;
        writeln!(self.out)?;
        self.out.flush()
    }

    /// Each story: its first article, then its copies with their
    /// similarity to it.
    fn duplicates_text(
        &mut self,
        listed: &[Group],
        stories: usize,
        copies: usize,
    ) -> io::Result<()> {
        for g in listed {
            let first = &g.members[0];
            self.styled(TITLE, &one_line(&first.title))?;
            writeln!(self.out, "  ({} articles)", g.members.len())?;
            for (i, m) in g.members.iter().enumerate() {
                let mark = if i == 0 {
                    "first".to_string()
                } else {
                    format!("{:.2}", m.similarity)
                };
                write!(self.out, "  {mark:>5}  ")?;
                self.styled(META, &format!("{}:{}", one_line(&m.path), m.line))?;
                if m.title != first.title {
                    write!(self.out, "  {}", one_line(&m.title))?;
                }
                writeln!(self.out)?;
            }
            writeln!(self.out)?;
        }
        self.styled(
            DIM,
            &format!(
                "{} {} copies{}; {} in all",
                count(stories as u64, "story", "stories"),
                if stories == 1 { "has" } else { "have" },
                if listed.len() < stories {
                    format!(", {} listed", listed.len())
                } else {
                    String::new()
                },
                count(copies as u64, "extra copy", "extra copies"),
            ),
        )?;
        writeln!(self.out)?;
        self.out.flush()
    }

    /// A timeline as a bar chart, one line per period.
    fn timeline_text(&mut self, t: &Timeline, stories: bool) -> io::Result<()> {
        const WIDTH: u64 = 50;
        let max = t
            .buckets
            .iter()
            .map(|b| b.articles)
            .max()
            .unwrap_or(0)
            .max(1);
        let label_width = t.buckets.iter().map(|b| b.period.len()).max().unwrap_or(4);
        for b in &t.buckets {
            // Eighths of a block, so small counts still show.
            let eighths = (b.articles * WIDTH * 8).div_ceil(max);
            let mut bar = "█".repeat((eighths / 8) as usize);
            if eighths % 8 > 0 {
                bar.push(['▏', '▎', '▍', '▌', '▋', '▊', '▉'][(eighths % 8 - 1) as usize]);
            }
            write!(self.out, "{:<label_width$} ", b.period)?;
            self.styled(META, &bar)?;
            writeln!(self.out, " {}", b.articles)?;
        }
        let mut footer = if stories {
            format!("{} matching stories (copies counted once)", t.total)
        } else {
            format!("{} matching articles", t.total)
        };
        if t.undated > 0 {
            footer.push_str(&format!(", {} undated (not shown)", t.undated));
        }
        self.styled(DIM, &footer)?;
        writeln!(self.out)?;
        self.out.flush()
    }

    /// Flushes the output.
    pub fn flush(&mut self) -> io::Result<()> {
        self.out.flush()
    }
}

/// `1 file`, `2 files`.
fn count(n: u64, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
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
                IgnoreReason::NotArticleFormat => format!("{n} {reason}"),
            }
        })
        .collect();
    format!("; {} ignored: {}", r.ignored.len(), parts.join(", "))
}

/// A file name with control characters (a newline in a name) escaped, so
/// that each reported file stays on one line.
fn one_line(s: &str) -> String {
    s.chars()
        .flat_map(|c| {
            if c.is_control() {
                c.escape_default().collect::<Vec<_>>()
            } else {
                vec![c]
            }
        })
        .collect()
}

/// A path relative to the working directory when it lies inside it.
fn display_path(path: &str, cwd: Option<&Path>) -> String {
    if let Some(cwd) = cwd {
        if let Ok(rel) = Path::new(path).strip_prefix(cwd) {
            return rel.display().to_string();
        }
    }
    path.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn highlights_are_marked_without_colour() {
        let mut buf = Vec::new();
        let mut p = Printer::new(&mut buf, false);
        p.snippet("go door to door now", &[[3, 15]]).unwrap();
        assert_eq!(String::from_utf8(buf).unwrap(), "go **door to door** now");
    }

    #[test]
    fn control_characters_in_names_are_escaped() {
        assert_eq!(one_line("a\nb\tc.txt"), "a\\nb\\tc.txt");
        assert_eq!(one_line("café.txt"), "café.txt");
    }

    #[test]
    fn highlights_are_coloured_on_request() {
        let mut buf = Vec::new();
        let mut p = Printer::new(&mut buf, true);
        p.snippet("café owners", &[[5, 11]]).unwrap();
        let s = String::from_utf8(buf).unwrap();
        assert!(s.starts_with("café \u{1b}["), "{s:?}");
        assert!(!s.contains("**"));
    }
}
