//! Lists of what the archive holds: the people (sources, bylines,
//! sections) with most articles, stories with their copies, a timeline as
//! a bar chart, and stored articles (in full, or one file's as a list to
//! pick from), as text for people or JSON Lines. Talks to
//! `newsdex::facets`, `newsdex::stories` and `newsdex::article`.

use std::io::{self, Write};

use super::{count, one_line, Output, Printer, DIM, META, TITLE};
use crate::hit_json::iso;
use newsdex::article::Article;
use newsdex::facets::{Facet, PersonCount, Timeline};
use newsdex::stories::Group;

impl Output {
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
}

impl<W: Write> Printer<W> {
    /// One article in full, for people.
    fn article_text(&mut self, a: &Article) -> io::Result<()> {
        self.styled(TITLE, &a.title)?;
        writeln!(self.out)?;
        let field = |name: &str, v: Option<&str>| v.map(|v| format!("{name:<8} {v}"));
        // As the source wrote it, offset and all, when it named a zone.
        let date = crate::hit_json::zoned_iso(a).or_else(|| a.date.map(iso));
        let crawled = a.crawled.map(iso);
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
            field("crawled", crawled.as_deref()),
            field("language", a.language.as_deref()),
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
                    (Facet::Language, 1) => "language",
                    (Facet::Language, _) => "languages",
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
}
