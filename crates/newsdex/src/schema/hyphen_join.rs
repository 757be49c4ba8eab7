//! The token filter that also indexes a hyphenated word joined (`e-mail`
//! is `e`, `mail` and `email`), for the stemmed fields, and the test for a
//! hyphen after a word that snippets share. Works on any tantivy tokenizer
//! that splits at the hyphen; `analyzers.rs` puts it in the index analyzer.

use tantivy::tokenizer::{Token, TokenFilter, TokenStream, Tokenizer};

/// Whether the word ending at byte `end` of `text` goes on after a hyphen
/// (`e` in `e-mail`): a hyphen directly followed by a letter or digit.
pub fn hyphen_follows(text: &str, end: usize) -> bool {
    let mut rest = text[end..].chars();
    matches!(rest.next(), Some('-' | '\u{2010}' | '\u{2011}'))
        && rest.next().is_some_and(char::is_alphanumeric)
}

/// A token filter that adds, after the last part of a hyphenated word, the
/// parts joined (`e-mail` → `e`, `mail`, `email`), at the last part's
/// position: `email` then finds `e-mail`, and a phrase over the parts
/// still matches. Put it right after the tokenizer, which splits at the
/// hyphen: it reads the text between tokens. [`HyphenJoin::MARKED`] puts
/// the joined word behind `STEM_MARK`, for the unstemmed body, where
/// `StemMarks` turns it into its stem's term (`stem_marks.rs`).
#[derive(Clone, Copy, Debug, Default)]
pub struct HyphenJoin {
    marked: bool,
}

impl HyphenJoin {
    /// The joined word as it is (`email`), for the stemmed fields.
    pub const PLAIN: HyphenJoin = HyphenJoin { marked: false };
    /// The joined word behind `STEM_MARK`, for the unstemmed body.
    pub const MARKED: HyphenJoin = HyphenJoin { marked: true };
}

impl TokenFilter for HyphenJoin {
    type Tokenizer<T: Tokenizer> = HyphenJoinFilter<T>;

    fn transform<T: Tokenizer>(self, tokenizer: T) -> HyphenJoinFilter<T> {
        HyphenJoinFilter {
            inner: tokenizer,
            marked: self.marked,
        }
    }
}

/// The tokenizer [`HyphenJoin`] makes.
#[derive(Clone)]
pub struct HyphenJoinFilter<T> {
    inner: T,
    marked: bool,
}

impl<T: Tokenizer> Tokenizer for HyphenJoinFilter<T> {
    type TokenStream<'a> = HyphenJoinStream<'a, T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        HyphenJoinStream {
            text,
            tail: self.inner.token_stream(text),
            marked: self.marked,
            run: None,
            pending: None,
            joined: None,
        }
    }
}

/// The token stream of a [`HyphenJoinFilter`].
pub struct HyphenJoinStream<'a, S> {
    text: &'a str,
    tail: S,
    /// Whether the joined word goes behind `STEM_MARK`.
    marked: bool,
    /// The hyphenated word being read: its parts so far, joined, and the
    /// byte where it starts.
    run: Option<(String, usize)>,
    /// The joined token, ready to follow the word's last part.
    pending: Option<Token>,
    /// The joined token, while it is the current one.
    joined: Option<Token>,
}

impl<S: TokenStream> TokenStream for HyphenJoinStream<'_, S> {
    fn advance(&mut self) -> bool {
        self.joined = None;
        if let Some(t) = self.pending.take() {
            self.joined = Some(t);
            return true;
        }
        if !self.tail.advance() {
            return false;
        }
        let t = self.tail.token();
        // The tokenizer splits at the hyphen, so a part follows the one
        // before it directly after that hyphen.
        if let Some((joined, _)) = self.run.as_mut() {
            joined.push_str(&t.text);
        }
        if hyphen_follows(self.text, t.offset_to) {
            if self.run.is_none() {
                let mut joined = String::new();
                if self.marked {
                    joined.push(super::STEM_MARK);
                }
                joined.push_str(&t.text);
                self.run = Some((joined, t.offset_from));
            }
        } else if let Some((joined, start)) = self.run.take() {
            let mut j = t.clone();
            j.text = joined;
            j.offset_from = start;
            self.pending = Some(j);
        }
        true
    }

    fn token(&self) -> &Token {
        self.joined.as_ref().unwrap_or_else(|| self.tail.token())
    }

    fn token_mut(&mut self) -> &mut Token {
        match self.joined.as_mut() {
            Some(t) => t,
            None => self.tail.token_mut(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::{index_text_analyzer, text_analyzer};

    #[test]
    fn hyphenated_words_are_also_indexed_joined() {
        let mut a = index_text_analyzer();
        let mut s = a.token_stream("Send e-mail, well-off co-op x-ray-ed. A- b -c");
        let mut got = Vec::new();
        while let Some(t) = s.next() {
            got.push((t.text.clone(), t.position, t.offset_from, t.offset_to));
        }
        let texts: Vec<&str> = got.iter().map(|t| t.0.as_str()).collect();
        assert_eq!(
            texts,
            [
                "send", "e", "mail", "email", "well", "off", "welloff", "co", "op", "coop", "x",
                "ray", "ed", "xray", "a", "b", "c"
            ]
        );
        // The joined word sits at its last part and spans the whole word.
        assert_eq!(got[3], ("email".into(), 2, 5, 11));
        // Without the joined tokens, the index analyzer is the query one.
        let mut plain = text_analyzer();
        let mut s = plain.token_stream("Send e-mail, well-off co-op x-ray-ed. A- b -c");
        let mut n = 0;
        while s.next().is_some() {
            n += 1;
        }
        assert_eq!(n, texts.len() - 4);
    }
}
