//! tantivy's English stemmer with a cache of the stems already computed:
//! the token filter the stemmed analyzers use, and the cache itself, which
//! snippets and stem-variant queries use on single words. Talks to
//! tantivy's tokenizer traits only.

use tantivy::tokenizer::{
    RawTokenizer, Stemmer, TextAnalyzer, Token, TokenFilter, TokenStream, Tokenizer,
};

use crate::hashing::FastMap;

/// Most distinct words one [`CachedStemmer`] remembers. News vocabulary is
/// Zipfian: the 200,000 most frequent words cover nearly every token, and
/// the cache stays near 10 MB per analyzer (tantivy keeps one per field per
/// indexing thread).
const STEM_CACHE_WORDS: usize = 200_000;

/// tantivy's English [`Stemmer`], with a cache of the stems already computed.
///
/// The Snowball stemmer was the largest single cost of indexing after the
/// postings themselves (about 12% of CPU on the 1x benchmark corpus), spent
/// re-stemming the same few thousand words. Stems come from tantivy's own
/// stemmer on a miss, so the output is identical, token for token, and
/// queries analysed without the cache still match.
#[derive(Clone, Copy, Debug, Default)]
pub struct CachedStemmer;

impl TokenFilter for CachedStemmer {
    type Tokenizer<T: Tokenizer> = CachedStemmerFilter<T>;

    fn transform<T: Tokenizer>(self, tokenizer: T) -> CachedStemmerFilter<T> {
        CachedStemmerFilter {
            inner: tokenizer,
            cache: StemCache::default(),
        }
    }
}

/// The tokenizer [`CachedStemmer`] makes; owns its cache.
pub struct CachedStemmerFilter<T> {
    inner: T,
    cache: StemCache,
}

impl<T: Clone> Clone for CachedStemmerFilter<T> {
    /// A clone starts with an empty cache: clones go to other threads, and
    /// copying a large map there would cost more than refilling it.
    fn clone(&self) -> Self {
        CachedStemmerFilter {
            inner: self.inner.clone(),
            cache: StemCache::default(),
        }
    }
}

/// English stems of single words, remembered. Words given to it must
/// already be lower-cased and accent-folded (tokens of
/// [`exact_analyzer`](super::exact_analyzer)); it gives the same stems as
/// [`text_analyzer`](super::text_analyzer).
#[derive(Default)]
pub struct StemCache {
    stems: FastMap<String, String>,
    /// tantivy's stemmer over a whole token, built on the first miss.
    stemmer: Option<TextAnalyzer>,
}

impl StemCache {
    /// Replaces `text` by its stem.
    pub fn stem_into(&mut self, text: &mut String) {
        // The English stemmer leaves words under three letters and numbers
        // as they are; they are a third of all tokens.
        if text.len() <= 2 || text.bytes().all(|b| b.is_ascii_digit()) {
            return;
        }
        if let Some(stem) = self.stems.get(text.as_str()) {
            text.clear();
            text.push_str(stem);
            return;
        }
        let stemmer = self.stemmer.get_or_insert_with(|| {
            TextAnalyzer::builder(RawTokenizer::default())
                .filter(Stemmer::new(tantivy::tokenizer::Language::English))
                .build()
        });
        let stem = {
            let mut stream = stemmer.token_stream(text);
            if stream.advance() {
                stream.token().text.clone()
            } else {
                text.clone()
            }
        };
        if self.stems.len() < STEM_CACHE_WORDS {
            self.stems.insert(std::mem::take(text), stem.clone());
        }
        *text = stem;
    }
}

impl<T: Tokenizer> Tokenizer for CachedStemmerFilter<T> {
    type TokenStream<'a> = CachedStemmerStream<'a, T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        CachedStemmerStream {
            tail: self.inner.token_stream(text),
            cache: &mut self.cache,
        }
    }
}

/// The token stream of a [`CachedStemmerFilter`].
pub struct CachedStemmerStream<'a, S> {
    tail: S,
    cache: &'a mut StemCache,
}

impl<S: TokenStream> TokenStream for CachedStemmerStream<'_, S> {
    fn advance(&mut self) -> bool {
        if !self.tail.advance() {
            return false;
        }
        self.cache.stem_into(&mut self.tail.token_mut().text);
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
    use tantivy::tokenizer::{AsciiFoldingFilter, LowerCaser, RemoveLongFilter, SimpleTokenizer};

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
