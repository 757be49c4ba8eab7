//! Step 1, tokens: the words of one field (title or body) with their byte
//! offsets and the shape facts the rules read ([`Word`]), listed places and
//! firms marked as stop words, and the shape tests on one or two words that
//! every later step shares (whether a word can be part of a name, whether
//! two words join, a known first name, a title in headline case).
//!
//! Reads the word lists of [`super::lexicon`]; [`super::candidates`] and
//! [`super::evidence`] read the words it makes.

use super::lexicon::{self, bits, ABBREV_DOT, PARTICLES};
use super::normalise;

/// A word with its offsets and the shape facts the rules need.
#[derive(Debug, Clone)]
pub(super) struct Word {
    pub(super) start: usize,
    /// End of the word proper (before a possessive `'s`).
    pub(super) end: usize,
    /// End including a possessive or an abbreviation's full stop.
    pub(super) full_end: usize,
    /// Starts with an upper-case letter.
    pub(super) cap: bool,
    /// Entirely lower case (goes into the article's vocabulary).
    pub(super) lower_case: bool,
    /// Two or more letters, all upper case ("IBM", "MP").
    pub(super) all_caps: bool,
    /// Contains a digit.
    pub(super) digit: bool,
    /// Ends in `'s` or `s'`.
    pub(super) possessive: bool,
    /// Took a following full stop (`Mr.`, `J.`).
    pub(super) dotted: bool,
    /// A single capital letter (with or without its full stop).
    pub(super) initial: bool,
    /// Lower-case particle prefix fused to a capitalised name (`al-Assad`).
    pub(super) prefixed: bool,
    /// First word of a sentence (only computed for capitalised words).
    pub(super) sent_start: bool,
    /// Class bits of the lower-cased word ([`lexicon::bits`]).
    pub(super) class: u32,
}

impl Word {
    pub(super) fn is(&self, bit: u32) -> bool {
        self.class & bit != 0
    }
}

fn is_apos(c: char) -> bool {
    c == '\'' || c == '’'
}

pub(super) fn is_hyphen(c: char) -> bool {
    c == '-' || c == '‐'
}

fn char_at(text: &str, i: usize) -> Option<char> {
    text[i..].chars().next()
}

/// The words of `text`, in order, with their shapes and classes.
pub(super) fn tokenize(text: &str) -> Vec<Word> {
    let mut toks: Vec<Word> = Vec::with_capacity(text.len() / 6);
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b < 0x80 {
            if !b.is_ascii_alphanumeric() {
                i += 1;
                continue;
            }
        } else {
            let c = char_at(text, i).unwrap_or(' ');
            if !c.is_alphanumeric() {
                i += c.len_utf8();
                continue;
            }
        }
        i = push_word(text, i, &mut toks);
    }
    // Cue words, particles and date words only matter next to a
    // capitalised word ("said X", "X, who", "X has said", "in May").
    for k in 0..toks.len() {
        if toks[k].cap || toks[k].class != 0 {
            continue;
        }
        let near = toks[k.saturating_sub(2)..(k + 2).min(toks.len())]
            .iter()
            .any(|t| t.cap);
        if near {
            toks[k].class = lexicon::class_lower(&text[toks[k].start..toks[k].end]);
        }
    }
    toks
}

/// What one pass over a word finds.
struct Shape {
    end: usize,
    /// End past a possessive; set only when `possessive`.
    full_end: usize,
    upper: usize,
    lower: usize,
    chars: usize,
    digit: bool,
    possessive: bool,
}

/// Adds the word starting at `start` to `toks`, with its shape, its class
/// and whether it opens a sentence; returns where the next one may start.
fn push_word(text: &str, start: usize, toks: &mut Vec<Word>) -> usize {
    let bytes = text.as_bytes();
    let mut s = scan(text, start);
    split_run_together(bytes, start, &mut s);
    let end = s.end;
    let mut full_end = if s.possessive { s.full_end } else { end };
    let word = &text[start..end];
    let first_upper = word.chars().next().is_some_and(char::is_uppercase);
    let letters = s.upper + s.lower;
    let initial = first_upper && s.chars == 1;
    let mut dotted = false;
    // Lower-case words are classified later, and only near a
    // capitalised one (see [`tokenize`]): most never need it.
    let class = if first_upper { lexicon::class(word) } else { 0 };
    if !s.possessive
        && bytes.get(end) == Some(&b'.')
        && (initial
            || ABBREV_DOT.contains(word)
            || (first_upper && lexicon::with_lower(word, |w| ABBREV_DOT.contains(w))))
    {
        dotted = true;
        full_end = end + 1;
    }
    let prefixed = !first_upper
        && word.len() > 3
        && matches!(bytes[start + 2..start + 4], [b'-', _] | [_, b'-'])
        && word.find(is_hyphen).is_some_and(|h| {
            PARTICLES.contains(&word[..h])
                && word[h..].chars().nth(1).is_some_and(char::is_uppercase)
        });
    let sent_start = (first_upper || prefixed) && is_sentence_start(text, start, toks.last());
    toks.push(Word {
        start,
        end,
        full_end,
        cap: first_upper,
        lower_case: s.upper == 0 && letters > 0,
        all_caps: letters >= 2 && s.lower == 0,
        digit: s.digit,
        possessive: s.possessive,
        dotted,
        initial,
        prefixed,
        sent_start,
        class,
    });
    full_end.max(end).max(start + 1)
}

/// One pass over the word at `start`, noting its shape as it goes: up to
/// the first character that is no letter or digit, taking in apostrophes
/// and hyphens followed by a letter, and stopping at a possessive.
fn scan(text: &str, start: usize) -> Shape {
    let bytes = text.as_bytes();
    let mut s = Shape {
        end: start,
        full_end: 0,
        upper: 0,
        lower: 0,
        chars: 0,
        digit: false,
        possessive: false,
    };
    while s.end < bytes.len() {
        let byte = bytes[s.end];
        if byte < 0x80 {
            if byte.is_ascii_lowercase() {
                s.lower += 1;
                s.chars += 1;
                s.end += 1;
                continue;
            }
            if byte.is_ascii_uppercase() {
                s.upper += 1;
                s.chars += 1;
                s.end += 1;
                continue;
            }
            if byte.is_ascii_digit() {
                s.digit = true;
                s.chars += 1;
                s.end += 1;
                continue;
            }
        }
        let c = if byte < 0x80 {
            byte as char
        } else {
            char_at(text, s.end).unwrap_or(' ')
        };
        if c.is_alphanumeric() {
            if c.is_uppercase() {
                s.upper += 1;
            } else if c.is_lowercase() {
                s.lower += 1;
            } else if c.is_numeric() {
                s.digit = true;
            }
            s.chars += 1;
            s.end += c.len_utf8();
            continue;
        }
        if is_apos(c) || is_hyphen(c) {
            let after = s.end + c.len_utf8();
            let next = char_at(text, after);
            if is_apos(c)
                && next == Some('s')
                && !char_at(text, after + 1).is_some_and(char::is_alphanumeric)
            {
                s.possessive = true;
                s.full_end = after + 1;
                break;
            }
            if next.is_some_and(char::is_alphabetic) {
                s.end = after;
                continue;
            }
            if is_apos(c) && text[start..s.end].ends_with('s') {
                s.possessive = true;
                s.full_end = after;
            }
        }
        break;
    }
    s
}

/// "TrumpGOP": text run together from a caption; the capitals after the
/// name are a word of their own.
fn split_run_together(bytes: &[u8], start: usize, s: &mut Shape) {
    if s.upper >= 3 && s.lower > 0 && !s.possessive {
        let w = &bytes[start..s.end];
        let caps = w
            .iter()
            .rev()
            .take_while(|b| b.is_ascii_uppercase())
            .count();
        if caps >= 2 && caps < w.len() && w[w.len() - caps - 1].is_ascii_lowercase() {
            s.end -= caps;
            s.upper -= caps;
            s.chars -= caps;
        }
    }
}

/// Listed places and firms of several words ("Hong Kong", "Rio de
/// Janeiro", "E.F. Hutton", "Marks & Spencer") are never names: their
/// words become stop words.
pub(super) fn mark_phrases(text: &str, toks: &mut [Word]) {
    for i in 0..toks.len() {
        if !toks[i].is(bits::PHRASE_HEAD) {
            continue;
        }
        let head = lexicon::with_lower(&text[toks[i].start..toks[i].end], normalise);
        let Some(tails) = lexicon::PHRASES.get(&head) else {
            continue;
        };
        let matched = tails.iter().find(|tail| {
            tail.len() < toks.len() - i
                && tail.iter().enumerate().all(|(k, w)| {
                    let (p, t) = (&toks[i + k], &toks[i + k + 1]);
                    let gap = &text[p.full_end.max(p.end)..t.start];
                    // "Goldman, Sachs and Co" is the old style of a firm.
                    gap.len() <= 3
                        && !gap.contains([';', ':', '(', ')', '"'])
                        && !p.possessive
                        && lexicon::with_lower(&text[t.start..t.end], |l| {
                            // "Hong Kong-based"
                            let l = if k + 1 == tail.len() {
                                l.split_once('-').map_or(l, |(h, _)| h)
                            } else {
                                l
                            };
                            l == w.as_str() || normalise(l) == *w
                        })
                })
        });
        if let Some(tail) = matched {
            for t in &mut toks[i..=i + tail.len()] {
                t.class |= bits::STOP;
            }
        }
    }
}

/// Whether the word at `start` opens a sentence: nothing before it but
/// white space, quotes and brackets since a sentence end or paragraph
/// break.
fn is_sentence_start(text: &str, start: usize, prev: Option<&Word>) -> bool {
    let before = &text[..start];
    let mut newlines = 0;
    for (i, c) in before.char_indices().rev() {
        match c {
            '\n' => newlines += 1,
            c if c.is_whitespace() => {}
            '"' | '“' | '”' | '‘' | '\'' | '(' | '[' | '’' | '-' | '–' | '—' | '►' | '•' =>
                {}
            '.' | '!' | '?' | ':' | ';' => {
                // The full stop of "Mr." or of an initial ends no sentence.
                return !prev.is_some_and(|p| p.dotted && p.full_end == i + 1);
            }
            _ => return newlines >= 2,
        }
    }
    true
}

/// Whether a title is written in headline case or in capitals, where
/// capitals say nothing about names.
pub(super) fn is_headline(text: &str, toks: &[Word]) -> bool {
    let words: Vec<&Word> = toks.iter().filter(|t| !t.digit).collect();
    if words.is_empty() {
        return false;
    }
    let caps = words.iter().filter(|t| t.all_caps).count();
    if caps * 10 >= words.len() * 6 {
        return true;
    }
    let long: Vec<&&Word> = words
        .iter()
        .filter(|t| !t.sent_start && text[t.start..t.end].chars().count() >= 4)
        .collect();
    long.len() >= 2 && long.iter().filter(|t| t.cap).count() * 4 >= long.len() * 3
}

/// Whether a token can be part of a name run.
pub(super) fn namelike(t: &Word) -> bool {
    (t.cap && !t.all_caps && !t.digit) || t.initial || t.prefixed
}

pub(super) fn is_particle(t: &Word) -> bool {
    !t.cap && t.is(bits::PARTICLE)
}

/// A known first name that is not also an everyday word.
pub(super) fn first_name(t: &Word) -> bool {
    t.is(bits::FIRST) && !t.is(bits::AMBIGUOUS)
}

/// Joinable gap between two tokens of one name: white space with at most
/// one line break, or nothing after an initial ("J.K.").
pub(super) fn joins(text: &str, a: &Word, b: &Word) -> bool {
    let gap = &text[a.full_end..b.start];
    if gap.is_empty() {
        return a.dotted;
    }
    gap.chars().all(char::is_whitespace) && gap.matches('\n').count() <= 1
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts<'a>(text: &'a str, toks: &[Word]) -> Vec<&'a str> {
        toks.iter().map(|t| &text[t.start..t.end]).collect()
    }

    #[test]
    fn possessives_dots_and_run_together_capitals() {
        let text = "Mr. Khan's J.K. Rowling TrumpGOP al-Assad";
        let toks = tokenize(text);
        assert_eq!(
            texts(text, &toks),
            ["Mr", "Khan", "J", "K", "Rowling", "Trump", "GOP", "al-Assad"]
        );
        assert!(toks[0].dotted && toks[0].full_end == 3);
        assert!(toks[1].possessive && &text[toks[1].end..toks[1].full_end] == "'s");
        assert!(toks[2].initial && toks[2].dotted && joins(text, &toks[2], &toks[3]));
        assert!(toks[7].prefixed && !toks[7].cap);
        // "Mr." ends no sentence: "Khan" does not open one.
        assert!(toks[0].sent_start && !toks[1].sent_start);
    }
}
