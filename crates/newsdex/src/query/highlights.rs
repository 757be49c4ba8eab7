//! What the snippet code should mark in an article's text for a query:
//! stemmed words, exact phrases, prefixes, fuzzy words and people.
//! The compiler fills it leaf by leaf (`text_fields.rs`, `person.rs`),
//! leaving negated leaves out; `crate::snippet` reads it.

use std::collections::HashSet;

use super::PersonMatch;

/// What the snippet code should mark in an article's text.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Highlights {
    /// Stemmed words: any word with the same stem is marked.
    pub stems: HashSet<String>,
    /// Exact word sequences (lower-cased, accent-folded), with the number of
    /// other words allowed between them (0 for a plain phrase).
    pub phrases: Vec<(Vec<String>, u32)>,
    /// Word prefixes.
    pub prefixes: Vec<String>,
    /// Words and the edit distance within which others match them.
    pub fuzzy: Vec<(String, u8)>,
    /// People asked for: mentions of these are marked.
    pub people: Vec<PersonMatch>,
}

impl Highlights {
    /// Whether there is nothing to mark.
    pub fn is_empty(&self) -> bool {
        self.stems.is_empty()
            && self.phrases.is_empty()
            && self.prefixes.is_empty()
            && self.fuzzy.is_empty()
            && self.people.is_empty()
    }
}
