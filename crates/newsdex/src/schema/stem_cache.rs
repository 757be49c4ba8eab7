//! Snowball stemmers with a cache of the stems already computed: the token
//! filter the stemmed analyzers use, the cache itself, which snippets and
//! stem-variant queries use on single words, and the mark that tells the
//! filter a text's language. Talks to tantivy's tokenizer traits and
//! `crate::language` only.

use tantivy::tokenizer::{Token, TokenFilter, TokenStream, Tokenizer};

use crate::language::{Stem, Stemmers, LATIN};

/// The first code point of the language marks: U+FDD0 plus a language's
/// place in [`LATIN`] (U+FDD1 German, U+FDD2 French, ...). Noncharacters,
/// which no text carries and no tokenizer takes for a letter.
const MARK_BASE: u32 = 0xFDD0;

/// The mark that, put before a text, has [`CachedStemmer`] stem its Latin
/// words as `code`'s language (`de`, `fr`, ...); `None` for English, the
/// default, and for languages without a Latin stemmer. The index puts it
/// before the stemmed copies of an article's text; queries put it before a
/// word to stem it as each language the index holds.
pub fn language_mark(code: &str) -> Option<char> {
    let i = LATIN.iter().position(|(c, _)| *c == code)?;
    (i > 0).then(|| char::from_u32(MARK_BASE + i as u32))?
}

/// The text without its [`language_mark`], if it has one.
pub fn without_mark(text: &str) -> &str {
    let mut chars = text.chars();
    match chars.next() {
        Some(c) if (MARK_BASE..MARK_BASE + LATIN.len() as u32).contains(&(c as u32)) => {
            chars.as_str()
        }
        _ => text,
    }
}

/// The stemmer for Latin words a text asks for with its [`language_mark`],
/// English without one.
pub(super) fn marked_stem(text: &str) -> Stem {
    text.chars()
        .next()
        .and_then(|c| (c as u32).checked_sub(MARK_BASE))
        .and_then(|i| LATIN.get(i as usize))
        .map_or(Stem::English, |&(_, s)| s)
}

/// Snowball stemming for every language ([`crate::language::stemmer_for`]:
/// by script, Latin words as the text's [`language_mark`] says), with a
/// cache of the stems already computed.
///
/// The Snowball stemmer was the largest single cost of indexing after the
/// postings themselves (about 12% of CPU on the 1x benchmark corpus), spent
/// re-stemming the same few thousand words. Stems come from the same
/// Snowball code tantivy's `Stemmer` runs, so English output is identical,
/// token for token.
#[derive(Clone, Copy, Debug, Default)]
pub struct CachedStemmer;

impl TokenFilter for CachedStemmer {
    type Tokenizer<T: Tokenizer> = CachedStemmerFilter<T>;

    fn transform<T: Tokenizer>(self, tokenizer: T) -> CachedStemmerFilter<T> {
        CachedStemmerFilter { inner: tokenizer }
    }
}

thread_local! {
    /// The stems every [`CachedStemmerFilter`] on this thread has computed:
    /// tantivy gives each field of each segment its own analyzer, and a
    /// table each (8 MB once grown) was 32 MB of an indexer's memory for
    /// two threads' headlines and bodies, which share most of their words.
    static STEMS: std::cell::RefCell<StemCache> = std::cell::RefCell::new(StemCache::default());
}

/// Replaces `text` (lower-cased, folded) by its stem, Latin words stemmed
/// by `latin`, through this thread's cache.
pub(super) fn stem_on_thread(text: &mut String, latin: Stem) {
    STEMS.with(|stems| stems.borrow_mut().stem_as(text, latin));
}

/// The tokenizer [`CachedStemmer`] makes; its cache is its thread's.
#[derive(Clone)]
pub struct CachedStemmerFilter<T> {
    inner: T,
}

/// Stems of single words, remembered. Words given to it must already be
/// lower-cased and folded (tokens of
/// [`exact_analyzer`](super::exact_analyzer)); it gives the same stems as
/// [`text_analyzer`](super::text_analyzer).
#[derive(Default)]
pub struct StemCache {
    stems: Stemmers,
}

impl StemCache {
    /// Replaces `text` by its stem, Latin words stemmed as English.
    pub fn stem_into(&mut self, text: &mut String) {
        self.stems.stem_into(text, Stem::English);
    }

    /// Replaces `text` by its stem, Latin words stemmed by `latin`.
    pub fn stem_as(&mut self, text: &mut String, latin: Stem) {
        self.stems.stem_into(text, latin);
    }
}

impl<T: Tokenizer> Tokenizer for CachedStemmerFilter<T> {
    type TokenStream<'a> = CachedStemmerStream<T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        CachedStemmerStream {
            latin: marked_stem(text),
            tail: self.inner.token_stream(text),
        }
    }
}

/// The token stream of a [`CachedStemmerFilter`].
pub struct CachedStemmerStream<S> {
    tail: S,
    latin: Stem,
}

impl<S: TokenStream> TokenStream for CachedStemmerStream<S> {
    fn advance(&mut self) -> bool {
        if !self.tail.advance() {
            return false;
        }
        let (text, latin) = (&mut self.tail.token_mut().text, self.latin);
        stem_on_thread(text, latin);
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
    use super::super::text_analyzer;
    use super::*;
    use tantivy::tokenizer::{
        AsciiFoldingFilter, LowerCaser, RemoveLongFilter, SimpleTokenizer, Stemmer, TextAnalyzer,
    };

    #[test]
    fn cached_stems_equal_the_stemmers_own() {
        let mut plain = TextAnalyzer::builder(SimpleTokenizer::default())
            .filter(LowerCaser)
            .filter(AsciiFoldingFilter)
            .filter(Stemmer::new(tantivy::tokenizer::Language::English))
            .build();
        let mut cached = text_analyzer();
        let text = "A is as us by ox so we ski skis dying news 2016 1980s 7 \
                    campaigns campaigning happiness generously Café owners' \
                    relational 42nd y ys ies sky";
        let all = |a: &mut TextAnalyzer| -> Vec<String> {
            let mut out = Vec::new();
            // Twice: the second pass answers from the cache.
            for _ in 0..2 {
                let mut s = a.token_stream(text);
                while s.advance() {
                    out.push(s.token().text.clone());
                }
            }
            out
        };
        assert_eq!(all(&mut cached), all(&mut plain));
    }

    #[test]
    fn cached_stemmer_matches_tantivy_stemmer() {
        let plain = || {
            TextAnalyzer::builder(SimpleTokenizer::default())
                .filter(RemoveLongFilter::limit(40))
                .filter(LowerCaser)
                .filter(AsciiFoldingFilter)
                .filter(Stemmer::new(tantivy::tokenizer::Language::English))
                .build()
        };
        let tokens = |mut a: TextAnalyzer, text: &str| {
            let mut out = Vec::new();
            let mut s = a.token_stream(text);
            while let Some(t) = s.next() {
                out.push((t.text.clone(), t.position, t.offset_from, t.offset_to));
            }
            out
        };
        let text = "Campaigners campaigned; the campaigns' CAMPAIGNING café owners \
                    ran, running, runs. Generously generous generalisation a I";
        let mut cached = text_analyzer();
        // Twice through one analyzer: the second pass is served by the cache.
        for _ in 0..2 {
            let mut got = Vec::new();
            let mut s = cached.token_stream(text);
            while let Some(t) = s.next() {
                got.push((t.text.clone(), t.position, t.offset_from, t.offset_to));
            }
            assert_eq!(got, tokens(plain(), text));
        }
    }
}
