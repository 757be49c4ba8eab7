//! The tokenizer under every word analyzer: words are runs of letters and
//! digits, as tantivy's `SimpleTokenizer` cuts them (and, for text without
//! Chinese, Japanese, Korean or Thai, long words or letters to fold, token
//! for token the same), except
//! that a run of characters from a script written without spaces
//! ([`crate::language::is_bigrammed`]) is cut into overlapping pairs,
//! as Lucene's CJK analyzer does, so that every word in it can be found
//! without a dictionary: `金メダルを` gives `金メ`, `メダ`, `ダル`, `ルを`
//! and, at the last position, `を` alone.
//!
//! The last character alone lets a one-character query (`金`) find every
//! occurrence as a prefix (`金*`: the pair it starts, or itself at a run's
//! end). A query leaves it out at the end of its text, so that `金メダル`
//! is the phrase `金メ メダ ダル`, found inside any longer run; between
//! runs it stays, so a phrase spanning two runs keeps its positions.
//!
//! Each word is cut to `LONGEST_WORD` bytes and its Russian and Arabic
//! letters folded as it is cut (`forms.rs`). ASCII bytes are judged
//! without decoding a character: most text of most archives.

use tantivy::tokenizer::{Token, TokenStream, Tokenizer};

use crate::language::is_bigrammed;

/// Words and character pairs; `query` leaves out the single character at
/// the end of the text's last pair run (see the module doc).
#[derive(Clone, Default)]
pub struct Words {
    token: Token,
    query: bool,
}

impl Words {
    /// The tokenizer for a query's text.
    pub fn for_query() -> Words {
        Words {
            token: Token::default(),
            query: true,
        }
    }
}

/// The token stream of [`Words`].
pub struct WordsStream<'a> {
    text: &'a str,
    /// Byte offset where scanning resumes.
    at: usize,
    /// The character boundaries of the pair run being emitted, and the
    /// index of the next token's first character in them.
    run: Vec<usize>,
    next_in_run: usize,
    query: bool,
    token: &'a mut Token,
}

impl Tokenizer for Words {
    type TokenStream<'a> = WordsStream<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> WordsStream<'a> {
        self.token.reset();
        WordsStream {
            text,
            at: 0,
            run: Vec::new(),
            next_in_run: 0,
            query: self.query,
            token: &mut self.token,
        }
    }
}

impl WordsStream<'_> {
    fn emit(&mut self, from: usize, to: usize) -> bool {
        self.token.offset_from = from;
        self.token.offset_to = to;
        self.token.text.push_str(&self.text[from..to]);
        super::forms::cut(&mut self.token.text);
        super::forms::fold(&mut self.token.text);
        true
    }

    /// Where the next word or pair run starts from `self.at`, and whether it
    /// is a pair run. ASCII bytes are judged without decoding a character.
    fn next_start(&self) -> Option<(usize, bool)> {
        let bytes = self.text.as_bytes();
        let mut i = self.at;
        while i < bytes.len() {
            let b = bytes[i];
            if b < 0x80 {
                if b.is_ascii_alphanumeric() {
                    return Some((i, false));
                }
                i += 1;
                continue;
            }
            let c = self.text[i..].chars().next()?;
            if is_bigrammed(c) {
                return Some((i, true));
            }
            if c.is_alphanumeric() {
                return Some((i, false));
            }
            i += c.len_utf8();
        }
        None
    }

    /// Where the word or pair run starting at `start` ends.
    fn run_end(&self, start: usize, paired: bool) -> usize {
        let bytes = self.text.as_bytes();
        let mut i = start;
        while i < bytes.len() {
            let b = bytes[i];
            if b < 0x80 {
                if paired || !b.is_ascii_alphanumeric() {
                    return i;
                }
                i += 1;
                continue;
            }
            let Some(c) = self.text[i..].chars().next() else {
                break;
            };
            let goes_on = if paired {
                is_bigrammed(c)
            } else {
                c.is_alphanumeric() && !is_bigrammed(c)
            };
            if !goes_on {
                return i;
            }
            i += c.len_utf8();
        }
        bytes.len()
    }

    /// The next token of the current pair run, if any is left.
    fn next_pair(&mut self) -> Option<bool> {
        let chars = self.run.len().checked_sub(1)?;
        let i = self.next_in_run;
        if i >= chars {
            return None;
        }
        self.next_in_run += 1;
        if i + 1 < chars {
            return Some(self.emit(self.run[i], self.run[i + 2]));
        }
        // The last character alone: always in a one-character run; in a
        // query, only when more words follow.
        let more = self.text[self.at..].chars().any(char::is_alphanumeric);
        if chars == 1 || !self.query || more {
            return Some(self.emit(self.run[i], self.run[i + 1]));
        }
        None
    }
}

impl TokenStream for WordsStream<'_> {
    fn advance(&mut self) -> bool {
        self.token.text.clear();
        self.token.position = self.token.position.wrapping_add(1);
        if !self.run.is_empty() {
            if let Some(emitted) = self.next_pair() {
                return emitted;
            }
            self.run.clear();
        }
        let Some((start, paired)) = self.next_start() else {
            self.at = self.text.len();
            return false;
        };
        let end = self.run_end(start, paired);
        self.at = end;
        if !paired {
            return self.emit(start, end);
        }
        self.run.clear();
        self.run
            .extend(self.text[start..end].char_indices().map(|(i, _)| start + i));
        self.run.push(end);
        self.next_in_run = 0;
        self.next_pair().unwrap_or(false)
    }

    fn token(&self) -> &Token {
        self.token
    }

    fn token_mut(&mut self) -> &mut Token {
        self.token
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tantivy::tokenizer::SimpleTokenizer;

    fn tokens(mut t: impl Tokenizer, text: &str) -> Vec<(usize, String, usize, usize)> {
        let mut s = t.token_stream(text);
        let mut out = Vec::new();
        while let Some(tok) = s.next() {
            out.push((
                tok.position,
                tok.text.clone(),
                tok.offset_from,
                tok.offset_to,
            ));
        }
        out
    }

    fn texts(t: impl Tokenizer, text: &str) -> Vec<String> {
        tokens(t, text).into_iter().map(|t| t.1).collect()
    }

    #[test]
    fn latin_and_cyrillic_text_is_cut_as_simple_tokenizer_cuts_it() {
        for text in [
            "Hello, happy tax-payer! £5.2bn in 2016; naïve café",
            "Владимир Путин согласился занять пост",
            "والرياض: وزير",
            "",
            "  ...  ",
        ] {
            assert_eq!(
                tokens(Words::default(), text),
                tokens(SimpleTokenizer::default(), text),
                "{text}"
            );
        }
    }

    #[test]
    fn long_words_are_cut_and_letters_folded_as_they_are_cut() {
        let long = "x".repeat(150);
        assert_eq!(texts(Words::default(), &long), ["x".repeat(100)]);
        assert_eq!(texts(Words::default(), "Ёлка أعلنت"), ["Елка", "اعلنت"]);
    }

    #[test]
    fn pair_runs_overlap_and_end_with_their_last_character() {
        assert_eq!(
            texts(Words::default(), "秋山が金メダル。"),
            ["秋山", "山が", "が金", "金メ", "メダ", "ダル", "ル"]
        );
        assert_eq!(texts(Words::default(), "金"), ["金"]);
        assert_eq!(
            texts(Words::default(), "iPhone5の発売"),
            ["iPhone5", "の発", "発売", "売"]
        );
        let t = tokens(Words::default(), "经济 发展");
        assert_eq!(
            t,
            [
                (0, "经济".to_string(), 0, 6),
                (1, "济".to_string(), 3, 6),
                (2, "发展".to_string(), 7, 13),
                (3, "展".to_string(), 10, 13),
            ]
        );
    }

    #[test]
    fn a_query_leaves_out_the_last_single_character() {
        assert_eq!(
            texts(Words::for_query(), "金メダル"),
            ["金メ", "メダ", "ダル"]
        );
        assert_eq!(texts(Words::for_query(), "金"), ["金"]);
        assert_eq!(
            texts(Words::for_query(), "秋山、金メダル"),
            ["秋山", "山", "金メ", "メダ", "ダル"]
        );
    }
}
