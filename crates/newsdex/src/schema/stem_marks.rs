//! What the body's one index stream adds to its unstemmed words so that a
//! stemmed query finds every word with its stem without a stemmed copy of
//! the body (issue #26: indexing the body a second time, stemmed, was over
//! a quarter of all indexing CPU).
//!
//! A stemmed query (`query::StemQuery`) finds the body's words with its
//! stem by scanning the term dictionary from the stem's first letters
//! ([`scan_starts`]): stemmers mostly cut suffixes, and Arabic's a few
//! known prefixes. The words that scan cannot find are indexed with their
//! stem behind [`STEM_MARK`], at the word's position: a word whose stem
//! rewrites more than its last letters (`dying` -> `die`, an Arabic word
//! whose letters the stemmer normalises), and the joined form of a
//! hyphenated word (`e-mail` -> `email`), which is no word of the text.
//! The filter here, [`StemMarks`], adds them; the mark keeps them out of
//! phrases, prefixes and the spelling suggestions, which never start with
//! it.

use tantivy::tokenizer::{Token, TokenFilter, TokenStream, Tokenizer};

use super::stem_cache::{marked_stem, stem_on_thread};
use crate::language::{script_of_word, Script, Stem};

/// The mark before a stem the index holds as such: a noncharacter no text
/// carries, no tokenizer takes for a letter, and no language mark
/// (`U+FDD0` ...) equals.
pub const STEM_MARK: char = '\u{FDEF}';

/// The term a stem is indexed as when a scan from its first letters
/// cannot find the word it came from.
pub fn stem_term(stem: &str) -> String {
    let mut t = String::with_capacity(stem.len() + STEM_MARK.len_utf8());
    t.push(STEM_MARK);
    t.push_str(stem);
    t
}

/// The first letters every word with this stem shares, as far as
/// stemmers go: they mostly cut suffixes, and at most rewrite the last
/// two letters of what they keep (`happy` -> `happi`).
pub fn shared_prefix(stem: &str) -> &str {
    let chars = stem.chars().count();
    let keep = chars.saturating_sub(2).max(chars.min(3));
    match stem.char_indices().nth(keep) {
        Some((i, _)) => &stem[..i],
        None => stem,
    }
}

/// What the Arabic stemmer takes off the front of a word (Snowball's
/// prefix steps): the conjunctions `و` and `ف`, the article and the
/// prepositions joined to it, the future `س`, and their combinations.
const ARABIC_PREFIXES: &[&str] = &[
    "و", "ف", "ال", "وال", "فال", "بال", "وبال", "فبال", "كال", "وكال", "لل", "ولل", "فلل", "ب",
    "وب", "فب", "ك", "وك", "ل", "ول", "فل", "س", "وس", "فس",
];

/// The first letters a word with this stem can start with, as far as a
/// scan of the term dictionary looks ([`StemMarks`] indexes the stem of
/// every word that starts with none of them): the stem's
/// [`shared_prefix`], and for an Arabic stem the same behind each prefix
/// the stemmer takes off (without them, 29% of the words of Arabic news
/// carried their stem, against 1% in English, German and Russian).
pub fn scan_starts(stem: &str) -> Vec<String> {
    let shared = shared_prefix(stem);
    let mut out = vec![shared.to_string()];
    if script_of_word(stem) == Script::Arabic {
        out.extend(ARABIC_PREFIXES.iter().map(|p| format!("{p}{shared}")));
    }
    out
}

/// Whether a scan from the stem's [`scan_starts`] finds `word`.
fn found_by_scan(word: &str, stem: &str) -> bool {
    let shared = shared_prefix(stem);
    if word.starts_with(shared) {
        return true;
    }
    script_of_word(stem) == Script::Arabic
        && ARABIC_PREFIXES.iter().any(|p| {
            word.strip_prefix(p)
                .is_some_and(|rest| rest.starts_with(shared))
        })
}

/// The token filter that adds, after each word a scan from its stem's
/// first letters would miss, its [`stem_term`] at the same position, and
/// turns a joined hyphenated word (which `HyphenJoin` gives behind
/// [`STEM_MARK`]) into its stem's term. Words are stemmed in the language
/// the text's `language_mark` names, as the stemmed fields stem them. Put
/// it after lower-casing and folding.
#[derive(Clone, Copy, Debug, Default)]
pub struct StemMarks;

impl TokenFilter for StemMarks {
    type Tokenizer<T: Tokenizer> = StemMarksFilter<T>;

    fn transform<T: Tokenizer>(self, tokenizer: T) -> StemMarksFilter<T> {
        StemMarksFilter { inner: tokenizer }
    }
}

/// The tokenizer [`StemMarks`] makes.
#[derive(Clone)]
pub struct StemMarksFilter<T> {
    inner: T,
}

impl<T: Tokenizer> Tokenizer for StemMarksFilter<T> {
    type TokenStream<'a> = StemMarksStream<T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        StemMarksStream {
            latin: marked_stem(text),
            tail: self.inner.token_stream(text),
            stem: Token::default(),
            pending: false,
            current: false,
        }
    }
}

/// The token stream of a [`StemMarksFilter`].
pub struct StemMarksStream<S> {
    tail: S,
    latin: Stem,
    /// The stem token that follows the current word, once made.
    stem: Token,
    /// Whether `stem` is still to come.
    pending: bool,
    /// Whether `stem` is the current token.
    current: bool,
}

impl<S: TokenStream> StemMarksStream<S> {
    /// Makes the current word's stem token if a scan would miss the word.
    fn mark(&mut self) {
        let word = self.tail.token_mut();
        if let Some(joined) = word.text.strip_prefix(STEM_MARK) {
            let mut stem = joined.to_string();
            stem_on_thread(&mut stem, self.latin);
            word.text = stem_term(&stem);
            return;
        }
        // Stemmers leave words of one or two letters alone.
        if word.text.len() <= 2 {
            return;
        }
        let stem = &mut self.stem.text;
        stem.clear();
        stem.push_str(&word.text);
        stem_on_thread(stem, self.latin);
        if found_by_scan(&word.text, stem) {
            return;
        }
        stem.insert(0, STEM_MARK);
        let text = std::mem::take(&mut self.stem.text);
        self.stem.clone_from(word);
        self.stem.text = text;
        self.pending = true;
    }
}

impl<S: TokenStream> TokenStream for StemMarksStream<S> {
    fn advance(&mut self) -> bool {
        self.current = std::mem::take(&mut self.pending);
        if self.current {
            return true;
        }
        if !self.tail.advance() {
            return false;
        }
        self.mark();
        true
    }

    fn token(&self) -> &Token {
        if self.current {
            &self.stem
        } else {
            self.tail.token()
        }
    }

    fn token_mut(&mut self) -> &mut Token {
        if self.current {
            &mut self.stem
        } else {
            self.tail.token_mut()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tokens(text: &str) -> Vec<(String, usize)> {
        let mut a = super::super::body_index_analyzer();
        let mut s = a.token_stream(text);
        let mut out = Vec::new();
        while let Some(t) = s.next() {
            out.push((t.text.replace(STEM_MARK, "^"), t.position));
        }
        out
    }

    #[test]
    fn prefix_keeps_what_the_stemmer_does_not_rewrite() {
        assert_eq!(shared_prefix("campaign"), "campai");
        assert_eq!(shared_prefix("happi"), "hap");
        assert_eq!(shared_prefix("war"), "war");
        assert_eq!(shared_prefix("ox"), "ox");
        assert_eq!(shared_prefix("café"), "caf");
    }

    #[test]
    fn words_a_scan_would_miss_carry_their_stem() {
        let got = tokens("Dying campaigners e-mail happily");
        let want = [
            ("dying", 0),
            ("^die", 0),
            ("campaigners", 1),
            ("e", 2),
            ("mail", 3),
            ("^email", 3),
            ("happily", 4),
        ];
        let want: Vec<(String, usize)> = want.iter().map(|(t, p)| (t.to_string(), *p)).collect();
        assert_eq!(got, want);
    }

    #[test]
    fn stems_follow_the_text_language() {
        let de = super::super::language_mark("de").unwrap();
        // German: `häuser` (folded `hauser`) is `haus`, found by a scan.
        let got = tokens(&format!("{de}Häuser"));
        assert_eq!(got, [("hauser".to_string(), 0)]);
        // Arabic strips the article: `الكتاب` is `كتاب`, found by a scan
        // behind `ال`.
        assert_eq!(tokens("الكتاب").len(), 1);
        assert!(scan_starts("كتاب").contains(&"الكتا".to_string()));
    }
}
