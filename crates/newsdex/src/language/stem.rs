//! Snowball stemmers for every language newsdex stems, with a cache of the
//! stems already computed, and the rule that picks the stemmer for a word:
//! its script first (Cyrillic is stemmed as Russian, Greek as Greek,
//! Arabic as Arabic after its prefix is stripped), the article's language
//! for Latin words (English when unknown), none for the scripts cut into
//! character pairs.

use frostem::{Algorithm, Stemmer};

use std::hash::Hasher;

use super::fold::strip_arabic_prefix;
use super::script::{script_of_word, Script};
use crate::hashing::FxHasher;

/// Most slots of a [`Stemmers`]' table (a power of two): 131,072 words,
/// 8 MB. News vocabulary is Zipfian: the most frequent hundred thousand
/// words cover nearly every token.
const SLOTS: usize = 1 << 17;

/// Slots of a new table: 64 KB, enough for a query's words and a
/// snippet's; an index's table grows from it.
const FIRST_SLOTS: usize = 1 << 10;

/// Bytes of one slot: one cache line, holding a word and its stem.
const SLOT: usize = 64;

/// Bytes a slot has for a word and its stem together, after its three
/// bytes of lengths and stemmer.
const ROOM: usize = SLOT - 3;

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

/// Stems, remembered. Words given to it must already be lower-cased and
/// folded, as the index's analyzers leave them.
///
/// The memory is one table of cache-line slots (131,072 at most, 8 MB),
/// each a word, its stem and the stemmer, found by the word's hash; a new
/// word takes its slot from the one there (a word and stem longer than 61
/// bytes are stemmed every time). A map of strings cost two or three cache
/// misses a lookup (its slot, the key's bytes, the stem's), and lookups
/// were 8% of indexing on the 1x corpus; a slot is one. The table starts
/// at 64 KB and is replaced by one four times larger (empty) once half its
/// slots have been filled, up to the most: a query's stemmer never zeroes
/// 8 MB.
#[derive(Default)]
pub struct Stemmers {
    table: Vec<u8>,
    /// Slots filled since the table was made.
    filled: usize,
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
        let slots = self.table.len() / SLOT;
        if slots == 0 || (self.filled > slots / 2 && slots < SLOTS) {
            let slots = if slots == 0 { FIRST_SLOTS } else { slots * 4 };
            self.table = vec![0; slots.min(SLOTS) * SLOT];
            self.filled = 0;
        }
        let slots = self.table.len() / SLOT;
        // The stemmer's number plus one: a zeroed slot is empty.
        let id = stem as u8 + 1;
        let mut h = FxHasher::default();
        h.write(word.as_bytes());
        h.write_u8(id);
        let at = (h.finish() >> (64 - slots.trailing_zeros())) as usize * SLOT;
        let slot = &mut self.table[at..at + SLOT];
        let len = word.len();
        if slot[0] == id && usize::from(slot[1]) == len && &slot[3..3 + len] == word.as_bytes() {
            let stem_len = usize::from(slot[2]);
            let stemmed = &slot[3 + len..3 + len + stem_len];
            word.clear();
            // The slot holds what the stemmer gave, which was a `String`.
            word.push_str(std::str::from_utf8(stemmed).unwrap_or_default());
            return;
        }
        let input = match stem {
            Stem::Arabic => strip_arabic_prefix(word),
            _ => word.as_str(),
        };
        let stemmed = Stemmer::new(stem.algorithm()).stem(input);
        if len + stemmed.len() <= ROOM {
            if slot[0] == 0 {
                self.filled += 1;
            }
            slot[0] = id;
            slot[1] = len as u8;
            slot[2] = stemmed.len() as u8;
            slot[3..3 + len].copy_from_slice(word.as_bytes());
            slot[3 + len..3 + len + stemmed.len()].copy_from_slice(stemmed.as_bytes());
        }
        let stemmed = stemmed.into_owned();
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

    #[test]
    fn the_table_gives_each_stemmer_its_own_stems_when_words_crowd_it() {
        // Twice the table's slots, in several stemmers, each looked up twice:
        // slots taken by other words, and a word in two languages, still give
        // the stemmer's own stem.
        let mut s = Stemmers::default();
        let suffixes = ["ations", "ing", "ungen", "ement", "ies", "ности", "ные"];
        let mut words = Vec::new();
        for i in 0..(SLOTS / 3) {
            for (k, suffix) in suffixes.iter().enumerate() {
                let stem = [Stem::English, Stem::German, Stem::French][(i + k) % 3];
                words.push((format!("w{i}{suffix}"), stem));
            }
        }
        words.push(("x".repeat(40) + "ationalities", Stem::English));
        for pass in 0..2 {
            for (word, latin) in &words {
                let mut cached = word.clone();
                s.stem_into(&mut cached, *latin);
                let Some(with) = stemmer_for(word, *latin) else {
                    continue;
                };
                let plain = Stemmer::new(with.algorithm()).stem(word).into_owned();
                assert_eq!(cached, plain, "{word} {latin:?}, pass {pass}");
            }
        }
    }
}
