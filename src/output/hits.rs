//! Search hits, in the form [`Output`] chose: for people (the headline,
//! date and labels, where the article is, its copies, the passages with
//! the matches marked, then a footer with the counts), JSON Lines (one
//! [`HitJson`] a hit, as the HTTP API gives them) or CSV. The search's
//! notices ("did you mean", closest matches) are said around the hits.
//! Talks to `newsdex::search` for the results and `crate::hit_json`.

use std::io::{self, Write};
use std::path::Path;

use super::{count, one_line, Output, Printer, DIM, MATCH, META, TITLE};
use crate::hit_json::HitJson;
use crate::hit_rows::{Form, HitRow};
use newsdex::ingest::archive;
use newsdex::search::{Notice, SearchResults};

impl Output {
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
        // A correction is announced before the hits, the rest after; the
        // closest matches where they start (`hits_text`).
        let before = |n: &Notice| matches!(n, Notice::Corrected { .. } | Notice::Question { .. });
        for n in notices.iter().filter(|n| before(n)) {
            match n {
                Notice::Corrected { .. } => self.notice(format_args!("{n} with --exact")),
                _ => self.notice(n),
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
}

impl<W: Write> Printer<W> {
    /// Search hits as JSON Lines; with a spelling correction each carries
    /// the `query` as typed and the one `corrected` (searched). With no
    /// hits, one object `{"total", "stories", "strict_total", "offset", "query",
    /// "corrected"?, "suggestion"?, "notices", "notice_details"}`, so a
    /// search always prints a line (`notice_details`: the notices as data,
    /// as the API gives them).
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
                "strict_stories": results.strict_stories,
                "offset": results.offset,
                "query": results.query,
                "notices": notices,
                "notice_details": results.notices(),
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

    /// Search hits as CSV (RFC 4180 quoting), a header row first: the
    /// columns the page's export has (`crate::hit_rows`), then the snippet.
    fn hits_csv(&mut self, results: &SearchResults) -> io::Result<()> {
        let csv = Form::Csv;
        csv.header(&mut self.out, &["snippet"])?;
        for hit in &results.hits {
            let row = HitRow::new(hit);
            csv.row(&mut self.out, &row, &[hit.snippet.text.as_str()])?;
        }
        self.out.flush()
    }

    /// Search hits for people to read, with a line where the closest
    /// matches start.
    fn hits_text(&mut self, results: &SearchResults) -> io::Result<()> {
        let cwd = std::env::current_dir().ok();
        let divider = results.divider();
        for (i, hit) in results.hits.iter().enumerate() {
            if let Some((_, notice)) = divider.as_ref().filter(|(at, _)| *at == i) {
                self.styled(DIM, &format!("-- {notice} (--all-words for exact) --"))?;
                writeln!(self.out)?;
                writeln!(self.out)?;
            }
            let a = &hit.article;
            write!(self.out, "{:>2}. ", hit.rank)?;
            self.styled(TITLE, &a.title)?;
            writeln!(self.out)?;
            let mut meta: Vec<String> = Vec::new();
            meta.push(crate::hit_json::local_day(a));
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
            // An archive member's lines are the member's, not the file's:
            // its id, which names the member, says where it is.
            let path = display_path(&a.path, cwd.as_deref());
            let line = hit.passages.first().map_or(a.line, |p| p.line);
            let in_archive = archive::Kind::from_path(Path::new(&a.path)).is_some();
            let mut place = if line > 1 && !in_archive {
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
                let listed: Vec<&str> = hit.copies.iter().take(3).map(|c| c.id.as_str()).collect();
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

    /// A line for the end of a page of hits: how many stories have every
    /// word, how many more some of them, and which are shown.
    fn hits_footer(&mut self, results: &SearchResults) -> io::Result<()> {
        let text = count_line(results);
        self.styled(DIM, &text)?;
        writeln!(self.out)?;
        self.out.flush()
    }
}

/// The figures to quote: `86 stories with both words · 276 more with some
/// of them · showing 1-10 (389 articles, copies shown once)`; without
/// closest matches, `362 matching stories · showing 1-10`.
pub fn count_line(r: &SearchResults) -> String {
    let stories = r.stories < r.total;
    let unit = |n: usize| {
        let (one, many) = if stories {
            ("story", "stories")
        } else {
            ("article", "articles")
        };
        count(n as u64, one, many)
    };
    let mut text = if r.relaxed {
        let all = match r.words.len() {
            2 => "both words".to_string(),
            n => format!("all {n} words"),
        };
        format!(
            "{} with {all} · {} more with some of them",
            unit(r.strict_stories),
            r.stories - r.strict_stories.min(r.stories)
        )
    } else {
        let n = unit(r.stories);
        match n.split_once(' ') {
            Some((figure, noun)) => format!("{figure} matching {noun}"),
            None => n,
        }
    };
    if !r.hits.is_empty() {
        text.push_str(&format!(
            " · showing {}-{}",
            r.offset + 1,
            r.offset + r.hits.len()
        ));
    }
    if stories {
        text.push_str(&format!(" ({} articles, copies shown once)", r.total));
    }
    text
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
    fn highlights_are_coloured_on_request() {
        let mut buf = Vec::new();
        let mut p = Printer::new(&mut buf, true);
        p.snippet("café owners", &[[5, 11]]).unwrap();
        let s = String::from_utf8(buf).unwrap();
        assert!(s.starts_with("café \u{1b}["), "{s:?}");
        assert!(!s.contains("**"));
    }
}
