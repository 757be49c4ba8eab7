//! Snippets worth citing: the passages of an article that match a query,
//! cut at sentence (else word) boundaries, with every match marked.
//!
//! tantivy's own snippet generator gives one fragment and marks phrase words
//! one by one (every "to" in the text for `"door to door"`). This module
//! tokenizes the article with the index's own analyzers, so that what it
//! marks is exactly what matched: stemmed words (`campaigning` for
//! `campaign`), whole phrases as one unit, prefixes, fuzzy matches, and any
//! extra spans the caller adds (person mentions).
//!
//! Fragments are chosen greedily by score (distinct query parts matched,
//! then number of matches), best first, without overlapping.

use std::cell::RefCell;
use std::collections::HashSet;
use std::ops::Range;

use serde::Serialize;
use tantivy::tokenizer::TextAnalyzer;

use crate::language::{is_bigrammed, script_of_word, Script, Stem};
use crate::query::Highlights;
use crate::schema;
use crate::schema::shared_prefix;

/// One passage of an article.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Fragment {
    /// The passage, white space collapsed; `…` marks a cut inside a sentence.
    pub text: String,
    /// Marked spans as `[start, end)` character offsets into `text`.
    pub highlights: Vec<[usize; 2]>,
    /// Character offset of the passage's first character in the article body.
    pub body_offset: usize,
    /// Byte range of the passage in the body (for locating it in the file).
    #[serde(skip)]
    pub body_bytes: Range<usize>,
}

/// A word of the text: its byte range, where its unstemmed form lies in
/// its [`Tokens`]' text, and its stem (empty when it cannot be one the
/// query wants).
#[derive(Debug, Clone)]
struct Token {
    start: usize,
    end: usize,
    exact: Range<usize>,
    stem: String,
}

/// The words of a text, their unstemmed forms one after another in one
/// string: a string each was an allocation a word of every hit shown.
#[derive(Debug, Default)]
struct Tokens {
    list: Vec<Token>,
    text: String,
}

impl Tokens {
    /// The unstemmed form of `t`.
    fn exact(&self, t: &Token) -> &str {
        &self.text[t.exact.clone()]
    }

    fn push(&mut self, start: usize, end: usize, exact: &str, stem: String) {
        let at = self.text.len();
        self.text.push_str(exact);
        self.list.push(Token {
            start,
            end,
            exact: at..self.text.len(),
            stem,
        });
    }
}

/// A marked span of the body: byte range and which query part it matched.
#[derive(Debug, Clone)]
struct Mark {
    range: Range<usize>,
    key: usize,
    weight: f32,
}

thread_local! {
    /// The unstemmed analyzer and a stem cache, kept for the thread's life
    /// so stems carry over from hit to hit (and search to search in a
    /// server). Each word is tokenized once and its stem looked up:
    /// running a second, stemming analyzer over every hit's text was over
    /// half the instructions of a one-word search on a million articles.
    static ANALYZERS: RefCell<(TextAnalyzer, schema::StemCache)> =
        RefCell::new((schema::exact_analyzer(), schema::StemCache::default()));
}

/// The hyphenated words among `words` (byte ranges into `text` and their
/// unstemmed forms, in order), joined as the index joins them: `e-mail`
/// gives `email` over the bytes of `e-mail`.
fn hyphen_joins<'a>(
    text: &str,
    words: impl IntoIterator<Item = (usize, usize, &'a str)>,
) -> Vec<(String, Range<usize>)> {
    let mut out = Vec::new();
    let mut run: Option<(String, usize)> = None;
    let mut expect = None;
    for (start, end, word) in words {
        if expect != Some(start) {
            run = None;
        }
        if let Some((joined, _)) = run.as_mut() {
            joined.push_str(word);
        }
        if schema::hyphen_follows(text, end) {
            if run.is_none() {
                run = Some((word.to_string(), start));
            }
            let hyphen = text[end..].chars().next().map_or(0, char::len_utf8);
            expect = Some(end + hyphen);
        } else {
            if let Some((joined, from)) = run.take() {
                out.push((joined, from..end));
            }
            expect = None;
        }
    }
    out
}

/// The words of `body`. A word's stem is computed only when it could be
/// one of `wanted` (it starts with what every word of that stem shares);
/// otherwise it is left empty: stemming every word of every hit shown
/// cost more than the rest of a one-word search.
fn tokenize(body: &str, wanted: &HashSet<String>, latin: Stem) -> Tokens {
    // Short stems have irregular words ("dying" -> "die"): first letter.
    let prefixes: Vec<&str> = wanted
        .iter()
        .map(|s| match s.char_indices().nth(1) {
            Some((i, _)) if s.chars().count() <= 3 => &s[..i],
            _ => shared_prefix(s),
        })
        .collect();
    ANALYZERS.with_borrow_mut(|(exact, stems)| {
        let mut es = exact.token_stream(body);
        let mut out = Tokens {
            list: Vec::with_capacity(body.len() / 6),
            text: String::with_capacity(body.len()),
        };
        while let Some(e) = es.next() {
            let mut stem = String::new();
            // Arabic words lose a prefix when stemmed (`والرياض`): those
            // are always stemmed.
            if prefixes.iter().any(|p| e.text.starts_with(p))
                || (!e.text.is_ascii() && script_of_word(&e.text) == Script::Arabic)
            {
                stem.clone_from(&e.text);
                stems.stem_as(&mut stem, latin);
            }
            out.push(e.offset_from, e.offset_to, &e.text, stem);
        }
        out
    })
}

/// The stemmer for the Latin words of an article in `language` (English
/// when unknown), as the index stemmed them.
fn latin_stem(language: Option<&str>) -> Stem {
    language.and_then(Stem::latin).unwrap_or(Stem::English)
}

/// The joined forms of the hyphenated words among `tokens`, as tokens
/// spanning the whole word, stemmed.
fn joined_tokens(body: &str, tokens: &Tokens) -> Tokens {
    let words = tokens
        .list
        .iter()
        .map(|t| (t.start, t.end, tokens.exact(t)));
    let joins = hyphen_joins(body, words);
    let mut out = Tokens::default();
    if joins.is_empty() {
        return out;
    }
    ANALYZERS.with_borrow_mut(|(_, stems)| {
        for (exact, range) in joins {
            let mut stem = exact.clone();
            stems.stem_into(&mut stem);
            out.push(range.start, range.end, &exact, stem);
        }
    });
    out
}

/// The stems of every word of `texts` (through the same cached analyzer
/// as snippets).
pub fn stems_of<'a>(texts: impl IntoIterator<Item = &'a str>) -> HashSet<String> {
    ANALYZERS.with_borrow_mut(|(exact, stems)| {
        let mut present = HashSet::new();
        let mut stem = String::new();
        for text in texts {
            let mut stream = exact.token_stream(text);
            let mut words = Vec::new();
            while let Some(tok) = stream.next() {
                stem.clone_from(&tok.text);
                stems.stem_into(&mut stem);
                if !present.contains(&stem) {
                    present.insert(stem.clone());
                }
                words.push((tok.offset_from, tok.offset_to, tok.text.clone()));
            }
            // `e-mail` also has the word `email`.
            let words = words.iter().map(|(a, b, w)| (*a, *b, w.as_str()));
            for (mut joined, _) in hyphen_joins(text, words) {
                stems.stem_into(&mut joined);
                present.insert(joined);
            }
        }
        present
    })
}

/// Levenshtein distance with transpositions (optimal string alignment),
/// giving up above `max`.
pub fn within_distance(a: &str, b: &str, max: u8) -> bool {
    let max = max as usize;
    // Cheap rejection before any allocation: lengths too far apart.
    if a.len().abs_diff(b.len()) > max * 4 {
        return false;
    }
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a.len().abs_diff(b.len()) > max {
        return false;
    }
    let mut prev2: Vec<usize> = vec![0; b.len() + 1];
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for i in 1..=a.len() {
        let mut cur = vec![i; b.len() + 1];
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            cur[j] = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                cur[j] = cur[j].min(prev2[j - 2] + 1);
            }
        }
        if cur.iter().min().copied().unwrap_or(0) > max {
            return false;
        }
        prev2 = std::mem::replace(&mut prev, cur);
    }
    prev[b.len()] <= max
}

/// Finds every span of `tokens` the query matches.
fn marks(all: &Tokens, joined: &Tokens, hl: &Highlights) -> Vec<Mark> {
    let tokens = &all.list[..];
    let mut out = Vec::new();
    // Keys: 0.. for phrases, then stems, prefixes, fuzzy words.
    let stems: Vec<&String> = hl.stems.iter().collect();
    // `e-mail` for `email`: the whole hyphenated word.
    for t in &joined.list {
        if let Some(k) = stems.iter().position(|s| **s == t.stem) {
            out.push(Mark {
                range: t.start..t.end,
                key: 1000 + k,
                weight: 1.0,
            });
        }
    }
    for (i, t) in tokens.iter().enumerate() {
        let exact = all.exact(t);
        if let Some(k) = stems.iter().position(|s| **s == t.stem) {
            out.push(Mark {
                range: t.start..t.end,
                key: 1000 + k,
                weight: 1.0,
            });
        }
        for (k, p) in hl.prefixes.iter().enumerate() {
            if exact.starts_with(p.as_str()) {
                // One Chinese or Japanese character matches the pair it
                // starts: mark the character, not the pair.
                let one_char = p.chars().count() == 1 && p.chars().all(is_bigrammed);
                let end = match one_char {
                    true => (t.start + p.len()).min(t.end),
                    false => t.end,
                };
                out.push(Mark {
                    range: t.start..end,
                    key: 2000 + k,
                    weight: 1.0,
                });
            }
        }
        for (k, (w, d)) in hl.fuzzy.iter().enumerate() {
            if within_distance(exact, w, *d) {
                out.push(Mark {
                    range: t.start..t.end,
                    key: 3000 + k,
                    weight: 1.0,
                });
            }
        }
        for (k, (words, slop)) in hl.phrases.iter().enumerate() {
            if words.is_empty() || exact != words[0] {
                continue;
            }
            if *slop == 0 {
                let n = words.len();
                if i + n <= tokens.len()
                    && tokens[i..i + n]
                        .iter()
                        .zip(words)
                        .all(|(t, w)| all.exact(t) == *w)
                {
                    out.push(Mark {
                        range: t.start..tokens[i + n - 1].end,
                        key: k,
                        weight: 2.0,
                    });
                }
            } else {
                // Proximity: the words in order within the window; mark each.
                let window = words.len() + *slop as usize;
                let mut found = vec![i];
                let mut next = 1;
                for (j, u) in tokens.iter().enumerate().skip(i + 1).take(window - 1) {
                    if next < words.len() && all.exact(u) == words[next] {
                        found.push(j);
                        next += 1;
                    }
                }
                if next == words.len() {
                    for j in found {
                        out.push(Mark {
                            range: tokens[j].start..tokens[j].end,
                            key: k,
                            weight: 2.0,
                        });
                    }
                }
            }
        }
    }
    out
}

/// Byte offsets where sentences start (0, and after `. ` `? ` `! ` or a
/// paragraph break; after Chinese and Japanese `。` `！` `？`, space or
/// not; after Arabic `؟ ` and `۔ `).
fn sentence_starts(body: &str) -> Vec<usize> {
    let mut starts = vec![0];
    let bytes = body.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b >= 0x80 {
            if let Some(next) = wide_sentence_end(body, i) {
                if next < body.len() {
                    starts.push(next);
                }
                i = next;
                continue;
            }
        }
        // "U.K." and "J. K. Rowling": a dot after a lone letter ends no sentence.
        let initial = b == b'.'
            && i > 0
            && bytes[i - 1].is_ascii_alphabetic()
            && (i < 2 || !bytes[i - 2].is_ascii_alphanumeric());
        let ends = (matches!(b, b'.' | b'?' | b'!') && !initial)
            || (b == b'\n' && bytes.get(i + 1) == Some(&b'\n'));
        if ends {
            let mut j = i + 1;
            // Closing quotes and brackets stay with the sentence.
            while j < bytes.len() && matches!(bytes[j], b'"' | b'\'' | b')') {
                j += 1;
            }
            if body[j..].starts_with('\u{201D}') || body[j..].starts_with('\u{2019}') {
                j += 3;
            }
            let ws = body[j..].len() - body[j..].trim_start().len();
            if ws > 0 && j + ws < body.len() {
                let next = body[j + ws..].chars().next().unwrap_or(' ');
                if !next.is_lowercase() {
                    starts.push(j + ws);
                }
            }
            i = j.max(i + 1);
        } else {
            i += 1;
        }
    }
    starts.dedup();
    starts
}

/// Where the sentence ended by a wide stop at byte `i` (`。` `！` `？`,
/// with the closing brackets and quotes after it; `؟` `۔` before white
/// space) goes on, or `None` when there is none at `i`.
fn wide_sentence_end(body: &str, i: usize) -> Option<usize> {
    if !body.is_char_boundary(i) {
        return None;
    }
    let c = body[i..].chars().next()?;
    let mut j = i + c.len_utf8();
    match c {
        '。' | '！' | '？' => {
            while let Some(close) = body[j..]
                .chars()
                .next()
                .filter(|c| matches!(c, '」' | '』' | '）' | '】' | '”' | '’' | ')' | '"'))
            {
                j += close.len_utf8();
            }
            let ws = body[j..].len() - body[j..].trim_start().len();
            Some(j + ws)
        }
        '\u{061F}' | '\u{06D4}' => {
            let ws = body[j..].len() - body[j..].trim_start().len();
            j += ws;
            (ws > 0).then_some(j)
        }
        _ => None,
    }
}

/// Whether a passage may be cut before or after `c`: at white space, and
/// between any two characters of a script written without spaces.
fn cuts_at(c: char) -> bool {
    c.is_whitespace() || is_bigrammed(c)
}

/// Moves `pos` back to a char boundary preceded by white space, or inside
/// unspaced Chinese or Japanese (or 0).
fn word_start(body: &str, mut pos: usize) -> usize {
    while pos > 0 && !body.is_char_boundary(pos) {
        pos -= 1;
    }
    while pos > 0 {
        let prev = body[..pos].chars().next_back().unwrap();
        if cuts_at(prev) {
            break;
        }
        pos -= prev.len_utf8();
    }
    pos
}

/// Moves `pos` forward to a char boundary followed by white space, or
/// inside unspaced Chinese or Japanese (or end).
fn word_end(body: &str, mut pos: usize) -> usize {
    while pos < body.len() && !body.is_char_boundary(pos) {
        pos += 1;
    }
    while pos < body.len() {
        let c = body[pos..].chars().next().unwrap();
        if cuts_at(c) {
            break;
        }
        pos += c.len_utf8();
    }
    pos
}

/// Byte length of `max_chars` characters starting at `from`.
fn advance_chars(body: &str, from: usize, max_chars: usize) -> usize {
    body[from..]
        .char_indices()
        .nth(max_chars)
        .map_or(body.len(), |(i, _)| from + i)
}

/// A candidate window around the mark at `anchor`.
fn window(body: &str, starts: &[usize], anchor: &Range<usize>, max_chars: usize) -> Range<usize> {
    // Start at the sentence holding the mark, if the mark fits in budget.
    let sent = match starts.binary_search(&anchor.start) {
        Ok(i) => starts[i],
        Err(i) => starts[i.saturating_sub(1)],
    };
    // Bytes bound characters from above: skip counting a long lead.
    let fits = |r: Range<usize>| {
        r.len() <= max_chars * 2 / 3 || body[r].chars().count() <= max_chars * 2 / 3
    };
    let start = if anchor.start - sent <= max_chars * 8 && fits(sent..anchor.end) {
        sent
    } else {
        // Long sentence: begin a few words before the mark.
        let back = anchor.start.saturating_sub(max_chars / 3);
        word_start(body, back.max(sent))
    };
    let mut end = advance_chars(body, start, max_chars);
    if end < body.len() {
        // Prefer ending at a sentence end inside the budget, past the mark.
        // The last sentence start within the budget, if past the mark
        // (`starts` is in order).
        let within = starts.partition_point(|&s| s <= end);
        let sentence_end = within
            .checked_sub(1)
            .map(|i| starts[i])
            .filter(|&s| s > anchor.end);
        end = match sentence_end {
            Some(s) => s,
            None => word_end(body, end).min(body.len()),
        };
        if end <= anchor.end {
            end = word_end(body, anchor.end);
        }
    }
    start..end
}

/// Renders `body[range]` with white space collapsed and the marks inside it
/// as character offsets; adjacent marks separated only by spaces merge.
fn render(body: &str, range: Range<usize>, marks: &[Range<usize>], starts: &[usize]) -> Fragment {
    let cut_start = range.start > 0 && starts.binary_search(&range.start).is_err();
    let cut_end = range.end < body.len()
        && starts
            .binary_search(&word_skip_ws(body, range.end))
            .is_err();
    let mut text = String::new();
    let mut chars = 0usize;
    if cut_start {
        text.push('…');
        chars += 1;
    }
    let mut spans: Vec<[usize; 2]> = Vec::new();
    let mut open: Option<usize> = None;
    let mut pending_space = false;
    // `marks` are sorted and do not overlap: walk them with a cursor.
    let mut next = 0;
    let slice = &body[range.clone()];
    for (i, c) in slice.char_indices() {
        let at = range.start + i;
        if let Some(s) = open {
            if marks[next].end <= at {
                spans.push([s, chars]);
                open = None;
                next += 1;
            }
        }
        while open.is_none() && next < marks.len() && marks[next].end <= at {
            next += 1;
        }
        if c.is_whitespace() {
            pending_space = chars > usize::from(cut_start);
            continue;
        }
        if pending_space {
            text.push(' ');
            chars += 1;
            pending_space = false;
        }
        if open.is_none() && next < marks.len() && marks[next].start <= at {
            open = Some(chars);
        }
        text.push(c);
        chars += 1;
    }
    if let Some(s) = open {
        spans.push([s, chars]);
    }
    if cut_end {
        text.push('…');
    }
    let all: Vec<char> = text.chars().collect();
    let mut merged: Vec<[usize; 2]> = Vec::new();
    for h in spans {
        if let Some(last) = merged.last_mut() {
            if h[0] >= last[1] && all[last[1]..h[0]].iter().all(|c| *c == ' ') {
                last[1] = last[1].max(h[1]);
                continue;
            }
        }
        merged.push(h);
    }
    Fragment {
        text,
        highlights: merged,
        body_offset: body[..range.start].chars().count(),
        body_bytes: range,
    }
}

fn word_skip_ws(body: &str, pos: usize) -> usize {
    pos + (body[pos..].len() - body[pos..].trim_start().len())
}

/// Picks up to `count` fragments of about `max_chars` characters each,
/// best first. `extra` are further spans to mark (e.g. person mentions),
/// as byte ranges into `body`. With no match at all, returns the opening
/// of the article.
pub fn fragments(
    body: &str,
    language: Option<&str>,
    hl: &Highlights,
    extra: &[Range<usize>],
    max_chars: usize,
    count: usize,
) -> Vec<Fragment> {
    if body.trim().is_empty() || count == 0 {
        return Vec::new();
    }
    let starts = sentence_starts(body);
    let kept = marks_in(body, language, hl, extra);
    if kept.is_empty() {
        let end = advance_chars(body, 0, max_chars);
        let end = if end < body.len() {
            word_start(body, end).max(1)
        } else {
            end
        };
        let end = if end <= 1 {
            advance_chars(body, 0, max_chars)
        } else {
            end
        };
        return vec![render(body, 0..end, &[], &starts)];
    }
    // Score a window per mark; pick greedily. A huge article can have
    // thousands of marks: look at most at MAX_CANDIDATES of them, spread
    // evenly, and count the marks inside a window by binary search.
    const MAX_CANDIDATES: usize = 400;
    let step = kept.len().div_ceil(MAX_CANDIDATES).max(1);
    let mut candidates: Vec<(f32, Range<usize>)> = Vec::new();
    // The keys seen in one window, reused from window to window.
    let mut seen: Vec<usize> = Vec::new();
    for m in kept.iter().step_by(step) {
        let w = window(body, &starts, &m.range, max_chars);
        let first = kept.partition_point(|k| k.range.start < w.start);
        let last = kept.partition_point(|k| k.range.start < w.end);
        seen.clear();
        let mut inside = 0usize;
        let mut distinct_weight = 0.0;
        for k in kept[first..last].iter().filter(|k| k.range.end <= w.end) {
            inside += 1;
            if !seen.contains(&k.key) {
                seen.push(k.key);
                distinct_weight += k.weight;
            }
        }
        let score = distinct_weight * 10.0 + inside as f32 - (w.start as f32 / body.len() as f32);
        candidates.push((score, w));
    }
    candidates.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.start.cmp(&b.1.start)));
    let mut chosen: Vec<Range<usize>> = Vec::new();
    for (_, w) in candidates {
        if chosen.len() >= count {
            break;
        }
        if chosen.iter().any(|c| w.start < c.end && c.start < w.end) {
            continue;
        }
        chosen.push(w);
    }
    chosen
        .into_iter()
        .map(|w| {
            let first = kept.partition_point(|k| k.range.end <= w.start);
            let last = kept.partition_point(|k| k.range.start < w.end);
            let inside: Vec<Range<usize>> =
                kept[first..last].iter().map(|m| m.range.clone()).collect();
            render(body, w, &inside, &starts)
        })
        .collect()
}

/// Every span of `text` the query matches, in order and not overlapping,
/// as byte ranges: what the snippets mark, over the whole text (an
/// article's headline or body, in `language`). `extra` are further spans
/// to mark (person mentions), as byte ranges into `text`.
pub fn spans(
    text: &str,
    language: Option<&str>,
    hl: &Highlights,
    extra: &[Range<usize>],
) -> Vec<Range<usize>> {
    marks_in(text, language, hl, extra)
        .into_iter()
        .map(|m| m.range)
        .collect()
}

/// The marks of `body` in order, those nested inside an earlier, longer
/// one left out (a stem inside a phrase).
fn marks_in(
    body: &str,
    language: Option<&str>,
    hl: &Highlights,
    extra: &[Range<usize>],
) -> Vec<Mark> {
    let tokens = if hl.is_empty() {
        Tokens::default()
    } else {
        tokenize(body, &hl.stems, latin_stem(language))
    };
    let joined = if hl.stems.is_empty() {
        Tokens::default()
    } else {
        joined_tokens(body, &tokens)
    };
    let mut found = marks(&tokens, &joined, hl);
    found.extend(extra.iter().map(|r| Mark {
        range: r.clone(),
        key: 5000,
        weight: 1.0,
    }));
    found.sort_by_key(|m| (m.range.start, std::cmp::Reverse(m.range.end)));
    let mut kept: Vec<Mark> = Vec::new();
    for m in found {
        if kept.last().is_some_and(|k| m.range.start < k.range.end) {
            continue;
        }
        kept.push(m);
    }
    kept
}

/// Joins fragments into one snippet string with `…` between them, and
/// shifts their highlights accordingly.
pub fn join(fragments: &[Fragment]) -> (String, Vec<[usize; 2]>) {
    let mut text = String::new();
    let mut highlights = Vec::new();
    let mut chars = 0;
    for (i, f) in fragments.iter().enumerate() {
        if i > 0 {
            let sep = if text.ends_with('…') || f.text.starts_with('…') {
                " "
            } else {
                " … "
            };
            text.push_str(sep);
            chars += sep.chars().count();
        }
        for h in &f.highlights {
            highlights.push([h[0] + chars, h[1] + chars]);
        }
        text.push_str(&f.text);
        chars += f.text.chars().count();
    }
    (text, highlights)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hl(stems: &[&str], phrases: &[&[&str]]) -> Highlights {
        Highlights {
            stems: stems.iter().map(|s| s.to_string()).collect(),
            phrases: phrases
                .iter()
                .map(|p| (p.iter().map(|s| s.to_string()).collect(), 0))
                .collect(),
            ..Highlights::default()
        }
    }

    fn marked(f: &Fragment) -> Vec<String> {
        f.highlights
            .iter()
            .map(|h| f.text.chars().skip(h[0]).take(h[1] - h[0]).collect())
            .collect()
    }

    const BODY: &str = "The mayor spoke first. He told activists: \"We are going to go door to door, street to street.\" Then he left.\n\nDoors to doors campaigning followed in May. Nobody was campaigning in June.";

    #[test]
    fn phrase_is_one_mark_and_other_words_are_not() {
        let f = fragments(
            BODY,
            None,
            &hl(&[], &[&["door", "to", "door"]]),
            &[],
            200,
            3,
        );
        assert_eq!(f.len(), 1);
        assert_eq!(marked(&f[0]), vec!["door to door"]);
        assert!(f[0].text.starts_with("He told activists"), "{}", f[0].text);
        assert_eq!(f[0].body_offset, BODY.find("He told").unwrap());
    }

    #[test]
    fn stems_match_inflections_and_best_fragment_comes_first() {
        let f = fragments(BODY, None, &hl(&["campaign", "may"], &[]), &[], 60, 3);
        // The passage holding both words wins over ones with only one.
        let first = marked(&f[0]);
        assert!(
            first.contains(&"campaigning".to_string()) && first.contains(&"May".to_string()),
            "{f:?}"
        );
        // With room for only one word per passage, several passages come back.
        let f = fragments(BODY, None, &hl(&["mayor", "campaign"], &[]), &[], 25, 3);
        assert!(f.len() >= 2, "{f:?}");
        assert!(f
            .windows(2)
            .all(|w| w[0].body_bytes.end <= w[1].body_bytes.start
                || w[1].body_bytes.end <= w[0].body_bytes.start));
    }

    #[test]
    fn long_sentences_are_cut_at_words_with_ellipses() {
        let body = format!("{} needle {}", "word ".repeat(100), "word ".repeat(100));
        let f = fragments(&body, None, &hl(&["needl"], &[]), &[], 80, 1);
        let t = &f[0].text;
        assert!(t.starts_with('…') && t.ends_with('…'), "{t}");
        assert!(t.chars().count() <= 90, "{t}");
        assert_eq!(marked(&f[0]), vec!["needle"]);
    }

    #[test]
    fn no_match_gives_the_opening_and_extra_spans_are_marked() {
        let f = fragments(BODY, None, &Highlights::default(), &[], 30, 3);
        assert_eq!(f.len(), 1);
        assert!(f[0].text.starts_with("The mayor spoke first."));
        let at = BODY.find("mayor").unwrap();
        let mention: Range<usize> = at..at + 5;
        let f = fragments(
            BODY,
            None,
            &Highlights::default(),
            std::slice::from_ref(&mention),
            200,
            1,
        );
        assert_eq!(marked(&f[0]), vec!["mayor"]);
    }

    #[test]
    fn hyphenated_and_joined_forms_mark_each_other() {
        let body = "Send an e-mail today. The email arrived. An e mail is not one.";
        let f = fragments(body, None, &hl(&["email"], &[]), &[], 400, 1);
        assert_eq!(marked(&f[0]), ["e-mail", "email"]);
        assert!(stems_of([body]).contains("email"));
        assert!(!stems_of(["e mail"]).contains("email"));
    }

    #[test]
    fn fuzzy_and_prefix() {
        let h = Highlights {
            prefixes: vec!["activ".into()],
            fuzzy: vec![("streat".into(), 1)],
            ..Highlights::default()
        };
        let f = fragments(BODY, None, &h, &[], 200, 1);
        assert_eq!(marked(&f[0]), vec!["activists", "street", "street"]);
        assert!(within_distance("kahn", "khan", 1));
        assert!(!within_distance("corbyn", "carbon", 1));
    }

    #[test]
    fn initials_and_abbreviations_do_not_end_sentences() {
        let starts = sentence_starts("BP Oil Ltd, the U.K. unit, rose. J. K. Rowling wrote. Next.");
        assert_eq!(starts.len(), 3, "{starts:?}");
    }

    #[test]
    fn huge_articles_stay_fast() {
        // 4 MB of text with a match every few words, and no sentence breaks.
        let body = "quarry workers dig stone and ".repeat(140_000);
        let start = std::time::Instant::now();
        let f = fragments(&body, None, &hl(&["quarri"], &[]), &[], 200, 3);
        assert_eq!(f.len(), 3);
        assert!(marked(&f[0]).iter().all(|m| m == "quarry"));
        assert!(
            start.elapsed() < std::time::Duration::from_secs(20),
            "{:?}",
            start.elapsed()
        );
    }

    #[test]
    fn join_shifts_offsets() {
        let f = fragments(BODY, None, &hl(&["campaign", "mayor"], &[]), &[], 40, 3);
        let (text, hls) = join(&f);
        for h in hls {
            let s: String = text.chars().skip(h[0]).take(h[1] - h[0]).collect();
            assert!(
                s.to_lowercase().starts_with("campaign") || s == "mayor",
                "{s}"
            );
        }
    }

    #[test]
    fn unspaced_text_is_cut_at_its_sentence_ends_within_the_length_asked() {
        // One paragraph of Japanese, no spaces; the word twice, far apart.
        let mut body = String::from("秋山選手は今日の決勝で勝ち、金メダルを獲得した。");
        for i in 0..40 {
            body.push_str(&format!("大会{i}日目の試合は雨のため午後に延期された。"));
        }
        body.push_str("二枚目の金メダルも期待される。");
        for i in 0..40 {
            body.push_str(&format!("会場{i}には多くの観客が集まった。"));
        }
        let phrase = (
            vec!["金メ".to_string(), "メダ".to_string(), "ダル".to_string()],
            0,
        );
        let h = Highlights {
            phrases: vec![phrase],
            ..Highlights::default()
        };
        let f = fragments(&body, Some("ja"), &h, &[], 60, 2);
        assert_eq!(f.len(), 2);
        for frag in &f {
            assert!(frag.text.chars().count() <= 62, "{}", frag.text);
            assert_eq!(marked(frag), vec!["金メダル"], "{}", frag.text);
            assert!(frag.text.ends_with('。'), "{}", frag.text);
        }
        assert!(f.iter().any(|x| x.text.starts_with("秋山選手")));
        assert!(f.iter().any(|x| x.text.starts_with("二枚目")));
        // One character, a prefix of the pairs it starts: that character
        // is marked, not its pair.
        let one = Highlights {
            prefixes: vec!["金".to_string()],
            ..Highlights::default()
        };
        let f = fragments(&body, Some("ja"), &one, &[], 60, 1);
        assert_eq!(marked(&f[0]), vec!["金"], "{}", f[0].text);
    }
}
