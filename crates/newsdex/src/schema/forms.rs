//! What the [`Words`](super::Words) tokenizer does to each word it cuts
//! out, before lower-casing: a word too long to be useful is cut to its
//! first [`LONGEST_WORD`] bytes rather than dropped (so a long compound, or
//! a run of text no tokenizer could split, is still found by its own
//! spelling), and the letters a language writes in several ways are folded
//! ([`crate::language::fold_word`]: Russian `ё`, Arabic alef forms). Done
//! in the tokenizer rather than as two more token filters: a filter layer
//! costs every token of every field, and these change one word in many
//! thousands.

use crate::language::fold_word;

/// Longest word the index holds, in bytes; longer ones are cut to it (at a
/// character boundary), in the index and in queries alike.
pub const LONGEST_WORD: usize = 100;

/// Cuts a word longer than [`LONGEST_WORD`] bytes, at a character.
pub(super) fn cut(word: &mut String) {
    if word.len() > LONGEST_WORD {
        let mut end = LONGEST_WORD;
        while !word.is_char_boundary(end) {
            end -= 1;
        }
        word.truncate(end);
    }
}

/// Folds the letters of a Russian or Arabic word ([`fold_word`]); `Ё`
/// becomes `Е`, which lower-casing then makes `е`.
pub(super) fn fold(word: &mut String) {
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
