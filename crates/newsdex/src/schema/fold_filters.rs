//! Two token filters of the word analyzers: [`CutLong`], which cuts a word
//! too long to be useful to its first [`LONGEST_WORD`] bytes rather than
//! dropping it (so a long compound, or a run of text no tokenizer could
//! split, is still found by its own spelling), and [`ScriptFold`], which
//! folds the letters a language writes in several ways
//! ([`crate::language::fold_word`]: Russian `ё`, Arabic alef forms).

use tantivy::tokenizer::{Token, TokenFilter, TokenStream, Tokenizer};

use crate::language::fold_word;

/// Longest word the index holds, in bytes; longer ones are cut to it (at a
/// character boundary), in the index and in queries alike.
pub const LONGEST_WORD: usize = 100;

/// Cuts words longer than [`LONGEST_WORD`] bytes.
#[derive(Clone, Copy, Debug, Default)]
pub struct CutLong;

/// Folds the letters of Russian and Arabic words ([`fold_word`]).
#[derive(Clone, Copy, Debug, Default)]
pub struct ScriptFold;

/// The tokenizer either filter makes: its inner tokenizer and what to do
/// to each token.
#[derive(Clone)]
pub struct EachToken<T> {
    inner: T,
    step: fn(&mut String),
}

/// The token stream of [`EachToken`].
pub struct EachTokenStream<S> {
    tail: S,
    step: fn(&mut String),
}

fn cut(word: &mut String) {
    if word.len() > LONGEST_WORD {
        let mut end = LONGEST_WORD;
        while !word.is_char_boundary(end) {
            end -= 1;
        }
        word.truncate(end);
    }
}

fn fold(word: &mut String) {
    // Only Cyrillic and Arabic words fold: their first byte is 0xD0-0xDB.
    if !word
        .as_bytes()
        .first()
        .is_some_and(|b| (0xD0..=0xDB).contains(b))
    {
        return;
    }
    if let std::borrow::Cow::Owned(folded) = fold_word(word) {
        *word = folded;
    }
}

impl TokenFilter for CutLong {
    type Tokenizer<T: Tokenizer> = EachToken<T>;

    fn transform<T: Tokenizer>(self, inner: T) -> EachToken<T> {
        EachToken { inner, step: cut }
    }
}

impl TokenFilter for ScriptFold {
    type Tokenizer<T: Tokenizer> = EachToken<T>;

    fn transform<T: Tokenizer>(self, inner: T) -> EachToken<T> {
        EachToken { inner, step: fold }
    }
}

impl<T: Tokenizer> Tokenizer for EachToken<T> {
    type TokenStream<'a> = EachTokenStream<T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        EachTokenStream {
            tail: self.inner.token_stream(text),
            step: self.step,
        }
    }
}

impl<S: TokenStream> TokenStream for EachTokenStream<S> {
    fn advance(&mut self) -> bool {
        if !self.tail.advance() {
            return false;
        }
        (self.step)(&mut self.tail.token_mut().text);
        true
    }

    fn token(&self) -> &Token {
        self.tail.token()
    }

    fn token_mut(&mut self) -> &mut Token {
        self.tail.token_mut()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_words_are_cut_at_a_character() {
        let mut w = "ж".repeat(60);
        cut(&mut w);
        assert_eq!(w.len(), 100);
        let mut w = "a".repeat(101);
        cut(&mut w);
        assert_eq!(w.len(), 100);
        let mut w = "€".repeat(40);
        cut(&mut w);
        assert_eq!(w.chars().count(), 33);
        let mut w = "ёлка".to_string();
        fold(&mut w);
        assert_eq!(w, "елка");
    }
}
