//! Snowball stemmers for every language newsdex stems, with a cache of the
//! stems already computed, and the rule that picks the stemmer for a word:
//! its script first (Cyrillic is stemmed as Russian, Greek as Greek,
//! Arabic as Arabic after its prefix is stripped), the article's language
//! for Latin words (English when unknown), none for the scripts cut into
//! character pairs.

use frostem::{Algorithm, Stemmer};

use super::fold::strip_arabic_prefix;
use super::script::{script_of_word, Script};
use crate::hashing::FastMap;

/// Most distinct words one cache remembers per language. News vocabulary
/// is Zipfian: the 200,000 most frequent words cover nearly every token,
/// and a cache stays near 10 MB.
const CACHE_WORDS: usize = 200_000;

/// A stemmer newsdex uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Stem {
    /// English (the default for Latin words).
    English,
    /// German.
    German,
    /// French.
    French,
    /// Spanish.
    Spanish,
    /// Italian.
    Italian,
    /// Portuguese.
    Portuguese,
    /// Dutch.
    Dutch,
    /// Swedish.
    Swedish,
    /// Danish.
    Danish,
    /// Norwegian.
    Norwegian,
    /// Finnish.
    Finnish,
    /// Hungarian.
    Hungarian,
    /// Romanian.
    Romanian,
    /// Turkish.
    Turkish,
    /// Russian (every Cyrillic word).
    Russian,
    /// Arabic (every Arabic-script word).
    Arabic,
    /// Greek (every Greek word).
    Greek,
}

/// The Latin-script languages with a stemmer of their own, by ISO 639-1
/// code, English first.
pub const LATIN: &[(&str, Stem)] = &[
    ("en", Stem::English),
    ("de", Stem::German),
    ("fr", Stem::French),
    ("es", Stem::Spanish),
    ("it", Stem::Italian),
    ("pt", Stem::Portuguese),
    ("nl", Stem::Dutch),
    ("sv", Stem::Swedish),
    ("da", Stem::Danish),
    ("no", Stem::Norwegian),
    ("fi", Stem::Finnish),
    ("hu", Stem::Hungarian),
    ("ro", Stem::Romanian),
    ("tr", Stem::Turkish),
];

/// Every stemmer, in [`Stem`] order (the cache's slots).
const ALL: [Stem; 17] = [
    Stem::English,
    Stem::German,
    Stem::French,
    Stem::Spanish,
    Stem::Italian,
    Stem::Portuguese,
    Stem::Dutch,
    Stem::Swedish,
    Stem::Danish,
    Stem::Norwegian,
    Stem::Finnish,
    Stem::Hungarian,
    Stem::Romanian,
    Stem::Turkish,
    Stem::Russian,
    Stem::Arabic,
    Stem::Greek,
];

impl Stem {
    /// The stemmer for Latin words of the language with this ISO 639-1
    /// code; `None` for English's default and for languages without one.
    pub fn latin(code: &str) -> Option<Stem> {
        LATIN.iter().find(|(c, _)| *c == code).map(|&(_, s)| s)
    }

    /// The language's ISO 639-1 code.
    pub fn code(self) -> &'static str {
        match self {
            Stem::Russian => "ru",
            Stem::Arabic => "ar",
            Stem::Greek => "el",
            latin => LATIN
                .iter()
                .find(|(_, s)| *s == latin)
                .map_or("en", |(c, _)| c),
        }
    }

    fn algorithm(self) -> Algorithm {
        match self {
            Stem::English => Algorithm::English,
            Stem::German => Algorithm::German,
            Stem::French => Algorithm::French,
            Stem::Spanish => Algorithm::Spanish,
            Stem::Italian => Algorithm::Italian,
            Stem::Portuguese => Algorithm::Portuguese,
            Stem::Dutch => Algorithm::Dutch,
            Stem::Swedish => Algorithm::Swedish,
            Stem::Danish => Algorithm::Danish,
            Stem::Norwegian => Algorithm::Norwegian,
            Stem::Finnish => Algorithm::Finnish,
            Stem::Hungarian => Algorithm::Hungarian,
            Stem::Romanian => Algorithm::Romanian,
            Stem::Turkish => Algorithm::Turkish,
            Stem::Russian => Algorithm::Russian,
            Stem::Arabic => Algorithm::Arabic,
            Stem::Greek => Algorithm::Greek,
        }
    }

    fn slot(self) -> usize {
        ALL.iter().position(|&s| s == self).unwrap_or(0)
    }
}

/// The stemmer for a word (lower-cased and folded) of an article whose
/// Latin words are stemmed by `latin`: by the word's script, `None` for
/// words never stemmed (character pairs, other scripts).
#[inline]
pub fn stemmer_for(word: &str, latin: Stem) -> Option<Stem> {
    // Most words of most archives: an ASCII letter first.
    if word.as_bytes().first().is_some_and(u8::is_ascii_alphabetic) {
        return Some(latin);
    }
    match script_of_word(word) {
        Script::Latin => Some(latin),
        Script::Cyrillic => Some(Stem::Russian),
        Script::Arabic => Some(Stem::Arabic),
        Script::Greek => Some(Stem::Greek),
        Script::Bigram | Script::Other => None,
    }
}

/// Stems, remembered per language. Words given to it must already be
/// lower-cased and folded, as the index's analyzers leave them.
#[derive(Default)]
pub struct Stemmers {
    caches: [FastMap<String, String>; ALL.len()],
}

impl Stemmers {
    /// Replaces `word` by its stem in the language its script and `latin`
    /// give ([`stemmer_for`]); leaves it when no stemmer applies.
    pub fn stem_into(&mut self, word: &mut String, latin: Stem) {
        if let Some(stem) = stemmer_for(word, latin) {
            self.stem_with(word, stem);
        }
    }

    /// Replaces `word` by its stem under `stem`.
    pub fn stem_with(&mut self, word: &mut String, stem: Stem) {
        // Stemmers leave short words and numbers as they are; they are a
        // third of all tokens. (English counts bytes, as it always has.)
        let short = match stem {
            Stem::English => word.len() <= 2,
            _ => word.chars().nth(2).is_none(),
        };
        if short || word.bytes().all(|b| b.is_ascii_digit()) {
            return;
        }
        let cache = &mut self.caches[stem.slot()];
        if let Some(s) = cache.get(word.as_str()) {
            word.clear();
            word.push_str(s);
            return;
        }
        let input = match stem {
            Stem::Arabic => strip_arabic_prefix(word),
            _ => word.as_str(),
        };
        let stemmed = Stemmer::new(stem.algorithm()).stem(input).into_owned();
        if cache.len() < CACHE_WORDS {
            cache.insert(std::mem::take(word), stemmed.clone());
        }
        *word = stemmed;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stem(word: &str, latin: Stem) -> String {
        let mut w = word.to_string();
        Stemmers::default().stem_into(&mut w, latin);
        w
    }

    #[test]
    fn each_script_has_its_stemmer() {
        assert_eq!(stem("campaigns", Stem::English), "campaign");
        assert_eq!(stem("fluchtlingen", Stem::German), "fluchtling");
        assert_eq!(stem("путину", Stem::English), "путин");
        assert_eq!(stem("москвы", Stem::German), "москв");
        assert_eq!(stem("والرياض", Stem::English), "رياض");
        assert_eq!(stem("بالرياض", Stem::English), "رياض");
        assert_eq!(stem("経済", Stem::English), "経済");
        assert_eq!(stem("2016", Stem::German), "2016");
        assert_eq!(Stem::latin("de"), Some(Stem::German));
        assert_eq!(Stem::latin("ja"), None);
        assert_eq!(Stem::German.code(), "de");
        assert_eq!(Stem::Russian.code(), "ru");
    }

    #[test]
    fn the_cache_gives_what_the_stemmer_gives() {
        let mut s = Stemmers::default();
        for _ in 0..2 {
            let mut w = "nationalities".to_string();
            s.stem_into(&mut w, Stem::English);
            assert_eq!(w, "nation");
        }
    }
}
