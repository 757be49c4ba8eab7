//! Everything the command line prints: search hits, index summaries, stats,
//! articles, people and timelines, as text for people or JSON for tools.
//! The form is chosen once ([`Output`]: text or JSON, as ripgrep's
//! `Printer`), and notices ("did you mean", "showing closest matches",
//! warnings) all go through [`Output::notice`]. Only this module writes
//! results; the library returns data.
//!
//! Text output marks highlights with colour on a terminal and with `**`
//! when colour is off, so matches stay visible in a pipe or under NO_COLOR.
//!
//! This file holds the choice and what every form shares (the styles, a
//! [`Printer`] on one stream, JSON Lines, counted nouns, names kept on one
//! line); each other file prints one kind of result in each form:
//! `hits.rs` (search hits), `report.rs` (index and rebuild summaries,
//! index figures), `lists.rs` (people, stories with copies, timelines,
//! articles).

mod hits;
mod lists;
mod report;

use std::io::{self, Write};
use std::path::Path;

use anstyle::{AnsiColor, Style};
use serde::Serialize;

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
    /// A printer on stdout, buffered: every printing method flushes when
    /// it is done (a line-buffered stdout made a system call a line).
    fn stdout(self) -> Printer<io::BufWriter<io::StdoutLock<'static>>> {
        let color = matches!(self, Output::Text { color: true });
        Printer::new(io::BufWriter::new(io::stdout().lock()), color)
    }

    /// Says something to the user, on stderr, as `newsdex: MESSAGE`.
    pub fn notice(self, message: impl std::fmt::Display) {
        eprintln!("newsdex: {message}");
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

    /// Any serialisable value as one line of JSON.
    pub fn json_line<T: Serialize>(&mut self, value: &T) -> io::Result<()> {
        serde_json::to_writer(&mut self.out, value)?;
        writeln!(self.out)
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_in_names_are_escaped() {
        assert_eq!(one_line("a\nb\tc.txt"), "a\\nb\\tc.txt");
        assert_eq!(one_line("café.txt"), "café.txt");
    }
}
