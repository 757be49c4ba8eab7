//! Queries in any language: the languages an index holds ([`Stemming`]),
//! read from its `language` field, and what the compiler does with them.
//! A query word is stemmed as each Latin-script language of the index
//! would stem it (English always; German, French, ... when the index has
//! articles in them), and the variants are alternatives, so a query finds
//! articles in its own language without the user naming it; Cyrillic,
//! Greek and Arabic words have one stemmer each, Chinese and Japanese
//! none. A German word written with `ue` for `ü` gets its umlaut spelling
//! too. Stop words of the index's languages (`على`, `и`, `der`) never
//! decide whether an article matches.

use tantivy::tokenizer::{Language, RawTokenizer, StopWordFilter, TextAnalyzer};
use tantivy::Searcher;

use super::compiler::{tokens, Compiler};
use crate::language::{fold_word, german_umlaut_form, script_of_word, Script, Stem};
use crate::schema::{self, Fields};

/// The languages whose words an index stems otherwise than English.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Stemming {
    /// Latin-script languages with their own stemmer among the index's
    /// articles (never English: Latin words are always stemmed as English
    /// too).
    pub latin: Vec<Stem>,
    /// Whether some articles are in English or in no known language, so
    /// that English stop words are words like any other.
    pub english: bool,
}

impl Stemming {
    /// English only: an index of English articles, or none.
    pub fn english() -> Stemming {
        Stemming {
            latin: Vec::new(),
            english: true,
        }
    }

    /// The languages of the articles a searcher sees (the terms of the
    /// `language` field; a few per segment).
    pub fn of_index(searcher: &Searcher, f: &Fields) -> Stemming {
        let mut s = Stemming::default();
        let mut total = 0u64;
        let mut known = 0u64;
        for reader in searcher.segment_readers() {
            // Deleted articles too: the term counts below include them.
            total += u64::from(reader.max_doc());
            let Ok(inverted) = reader.inverted_index(f.language) else {
                continue;
            };
            let Ok(mut terms) = inverted.terms().stream() else {
                continue;
            };
            while terms.advance() {
                let code = String::from_utf8_lossy(terms.key()).into_owned();
                known += u64::from(terms.value().doc_freq);
                match Stem::latin(&code) {
                    Some(Stem::English) => s.english = true,
                    Some(stem) if !s.latin.contains(&stem) => s.latin.push(stem),
                    _ => {}
                }
            }
        }
        // Articles of no known language, which are analysed as English.
        s.english |= known < total || total == 0;
        s
    }

    /// Whether `word` (as typed, one word) is a stop word in every language
    /// it could be in here: Cyrillic words Russian, Arabic words Arabic,
    /// Latin words each of the index's Latin languages (never while English
    /// is one of them: English queries keep every word they have).
    pub fn is_stop_word(&self, word: &str) -> bool {
        let lower = word.to_lowercase();
        match script_of_word(&lower) {
            Script::Cyrillic => stop_in(Language::Russian, &fold_word(&lower)),
            Script::Arabic => ARABIC_STOP_WORDS.contains(&fold_word(&lower).as_ref()),
            Script::Latin if !self.english && !self.latin.is_empty() => self
                .latin
                .iter()
                .all(|&stem| tantivy_language(stem).is_some_and(|lang| stop_in(lang, &lower))),
            _ => false,
        }
    }
}

/// Common Arabic function words (prepositions, conjunctions, pronouns,
/// demonstratives), folded as the index folds them.
const ARABIC_STOP_WORDS: &[&str] = &[
    "في",
    "من",
    "علي",
    "الي",
    "عن",
    "مع",
    "هذا",
    "هذه",
    "ذلك",
    "تلك",
    "التي",
    "الذي",
    "الذين",
    "ان",
    "او",
    "ام",
    "لا",
    "ما",
    "لم",
    "لن",
    "قد",
    "ثم",
    "كان",
    "كانت",
    "هو",
    "هي",
    "هم",
    "كما",
    "بين",
    "بعد",
    "قبل",
    "حتي",
    "عند",
    "منذ",
    "خلال",
    "حيث",
    "اي",
    "كل",
    "بعض",
    "غير",
    "ولا",
    "وقد",
    "و",
];

fn tantivy_language(stem: Stem) -> Option<Language> {
    Some(match stem {
        Stem::German => Language::German,
        Stem::French => Language::French,
        Stem::Spanish => Language::Spanish,
        Stem::Italian => Language::Italian,
        Stem::Portuguese => Language::Portuguese,
        Stem::Dutch => Language::Dutch,
        Stem::Swedish => Language::Swedish,
        Stem::Danish => Language::Danish,
        Stem::Norwegian => Language::Norwegian,
        Stem::Finnish => Language::Finnish,
        Stem::Hungarian => Language::Hungarian,
        Stem::Russian => Language::Russian,
        _ => return None,
    })
}

/// Whether tantivy's (Snowball's) stop word list of `lang` has `word`.
fn stop_in(lang: Language, word: &str) -> bool {
    let Some(filter) = StopWordFilter::new(lang) else {
        return false;
    };
    let mut a = TextAnalyzer::builder(RawTokenizer::default())
        .filter(filter)
        .build();
    let mut stream = a.token_stream(word);
    stream.next().is_none()
}

impl Compiler<'_> {
    /// The stems of a query word in every language it could be in here,
    /// each a token list with the stemmer of its Latin words, English's
    /// first, no two alike. The same stems in two languages are two
    /// entries: a stemmed word's variants are looked up in each language
    /// (`StemQuery`).
    pub(super) fn stems_in_languages(&mut self, text: &str) -> Vec<(Vec<String>, Stem)> {
        let mut out = vec![(tokens(&mut self.text, text), Stem::English)];
        let latin = self.stemming.latin.clone();
        let mut push = |toks: Vec<String>, stem: Stem| {
            if !toks.is_empty() && !out.iter().any(|(t, s)| *t == toks && *s == stem) {
                out.push((toks, stem));
            }
        };
        for &stem in &latin {
            if let Some(mark) = schema::language_mark(stem.code()) {
                push(tokens(&mut self.text, &format!("{mark}{text}")), stem);
            }
        }
        if latin.contains(&Stem::German) {
            let exact = tokens(&mut self.exact, text);
            if let [one] = exact.as_slice() {
                if let (Some(umlaut), Some(mark)) =
                    (german_umlaut_form(one), schema::language_mark("de"))
                {
                    push(
                        tokens(&mut self.text, &format!("{mark}{umlaut}")),
                        Stem::German,
                    );
                }
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stop_words_of_the_index_languages_only() {
        let german = Stemming {
            latin: vec![Stem::German],
            english: false,
        };
        assert!(german.is_stop_word("und"));
        assert!(german.is_stop_word("Über"));
        assert!(!german.is_stop_word("Grenze"));
        let mixed = Stemming {
            latin: vec![Stem::German],
            english: true,
        };
        assert!(!mixed.is_stop_word("die"));
        assert!(!Stemming::english().is_stop_word("the"));
        assert!(mixed.is_stop_word("على"));
        assert!(mixed.is_stop_word("и"));
        assert!(!mixed.is_stop_word("Путин"));
    }
}
