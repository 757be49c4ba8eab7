//! Languages: which one an article is written in ([`detect()`]), and how
//! the words of each are made comparable before indexing: the writing
//! system of a word ([`script_of`]; scripts without spaces are indexed as
//! pairs of characters), letters one language writes in several ways
//! ([`fold_word`]), and the Snowball stemmer for its language
//! ([`Stemmers`], [`Stem`]). Plain functions over strings: the schema's
//! tokenizers, the query compiler and the snippet code call them, so that
//! a word is analysed the same way everywhere.

mod detect;
mod fold;
mod script;
mod stem;

pub use detect::detect;
pub use fold::{fold_word, german_umlaut_form, strip_arabic_prefix};
pub use script::{has_bigrammed, is_bigrammed, script_of, script_of_word, Script};
pub use stem::{stemmer_for, Stem, Stemmers, LATIN};
