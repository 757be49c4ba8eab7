//! Locating passages in their source files: the `file:line` a hit's text
//! output gives, so an editor opens the file at the match. Reads the
//! source files (decoded as the ingester decodes them), each once per
//! search.

use std::collections::HashMap;
use std::path::Path;

use crate::article::Article;
use crate::snippet::Fragment;

/// The largest source file read for line numbers: a search reads each
/// hit's file whole, which a multi-gigabyte web archive must not cost.
const MAX_SOURCE_BYTES: u64 = 64 << 20;

/// Whether a hit's source file can give line numbers: text as it lies on
/// disk (`ingest::text_on_disk`: not compressed, not an archive, a web
/// archive or a Word file, whose lines are not the text's) and of a size a
/// search reads at once. Other hits show the line their record starts at.
fn worth_reading(path: &Path) -> bool {
    crate::ingest::text_on_disk(path)
        && std::fs::metadata(path).is_ok_and(|m| m.len() <= MAX_SOURCE_BYTES)
}

/// Finds the source line of each passage by looking for its opening words
/// in the (decoded) source file; files are read once per search.
#[derive(Default)]
pub(super) struct SourceCache {
    files: HashMap<String, Option<Vec<(usize, u64)>>>,
    text: HashMap<String, String>,
}

impl SourceCache {
    pub(super) fn lines(&mut self, article: &Article, frags: &[Fragment]) -> Vec<u64> {
        if !self.files.contains_key(&article.path) {
            let path = Path::new(&article.path);
            let loaded = worth_reading(path)
                .then(|| std::fs::read(path).ok())
                .flatten()
                .and_then(|b| crate::ingest::decode::decode(&b, false).ok())
                .map(|d| normalise_with_lines(&d.text));
            match loaded {
                Some((text, map)) => {
                    self.text.insert(article.path.clone(), text);
                    self.files.insert(article.path.clone(), Some(map));
                }
                None => {
                    self.files.insert(article.path.clone(), None);
                }
            }
        }
        let (Some(Some(map)), Some(text)) =
            (self.files.get(&article.path), self.text.get(&article.path))
        else {
            return vec![article.line; frags.len()];
        };
        // Search from the article's own first line on (multi-article files).
        let from = map
            .iter()
            .find(|(_, line)| *line >= article.line)
            .map_or(0, |(at, _)| *at);
        frags
            .iter()
            .map(|fr| {
                let words: Vec<&str> = fr.text.trim_start_matches('…').split(' ').take(6).collect();
                let needle = words.join(" ");
                let needle = needle.trim_end_matches('…');
                if needle.len() < 8 {
                    return article.line;
                }
                match text[from..].find(needle) {
                    Some(at) => line_at(map, from + at),
                    None => article.line,
                }
            })
            .collect()
    }
}

/// Collapses white space in `text`, recording where each line starts in the
/// collapsed string.
fn normalise_with_lines(text: &str) -> (String, Vec<(usize, u64)>) {
    let mut out = String::with_capacity(text.len());
    let mut map = vec![(0usize, 1u64)];
    let mut line = 1u64;
    let mut pending_space = false;
    for c in text.chars() {
        if c == '\n' {
            line += 1;
            map.push((
                out.len() + usize::from(pending_space || !out.is_empty()),
                line,
            ));
        }
        if c.is_whitespace() {
            pending_space = !out.is_empty();
            continue;
        }
        if pending_space {
            out.push(' ');
            pending_space = false;
        }
        out.push(c);
    }
    (out, map)
}

/// The line holding byte `at` of the collapsed text.
fn line_at(map: &[(usize, u64)], at: usize) -> u64 {
    match map.binary_search_by(|(start, _)| start.cmp(&at)) {
        Ok(i) => map[i..]
            .iter()
            .take_while(|(s, _)| *s == at)
            .last()
            .map_or(1, |(_, l)| *l),
        Err(i) => map[i.saturating_sub(1)].1,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_are_found_in_collapsed_text() {
        let (text, map) = normalise_with_lines("Title\n\nFirst  para\ngoes on.\n\nSecond one.");
        assert_eq!(text, "Title First para goes on. Second one.");
        assert_eq!(line_at(&map, text.find("First").unwrap()), 3);
        assert_eq!(line_at(&map, text.find("goes").unwrap()), 4);
        assert_eq!(line_at(&map, text.find("Second").unwrap()), 6);
        assert_eq!(line_at(&map, 0), 1);
    }
}
