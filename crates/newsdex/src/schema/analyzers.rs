//! The text analyzers the schema names, built and registered on an index:
//! `news` (stemmed, with joined hyphenated words, for the index), its query
//! form without the joined words, `exact` (unstemmed) and its query form,
//! `body` (unstemmed, with the stems a scan would miss, `stem_marks.rs`),
//! `keyword` (whole values), and folding a keyword value as the index
//! holds it. Built from the [`Words`] tokenizer (`words.rs`: words, and
//! character pairs for Chinese, Japanese, Korean and Thai), tantivy's
//! lower-casing and accent folding, and the filters of `hyphen_join.rs`
//! and `stem_cache.rs`; the callers are the schema, queries and snippets.

use tantivy::tokenizer::{
    AsciiFoldingFilter, LowerCaser, RawTokenizer, TextAnalyzer, TextAnalyzerBuilder, Tokenizer,
};
use tantivy::Index;

use super::hyphen_join::HyphenJoin;
use super::stem_cache::CachedStemmer;
use super::stem_marks::StemMarks;
use super::words::Words;
use super::{BODY_ANALYZER, EXACT_ANALYZER, KEYWORD_ANALYZER, TEXT_ANALYZER};

/// Registers the analyzers the schema names; call on every opened index.
pub fn register_analyzers(index: &Index) {
    let tokenizers = index.tokenizers();
    tokenizers.register(TEXT_ANALYZER, index_text_analyzer());
    tokenizers.register(EXACT_ANALYZER, exact_analyzer());
    tokenizers.register(BODY_ANALYZER, body_index_analyzer());
    tokenizers.register(KEYWORD_ANALYZER, keyword_analyzer());
    index
        .fast_field_tokenizer()
        .register(KEYWORD_ANALYZER, keyword_analyzer());
}

/// The analyzer the index runs over the stemmed fields: [`text_analyzer`]
/// plus the joined form of each hyphenated word ([`HyphenJoin`]).
pub fn index_text_analyzer() -> TextAnalyzer {
    folded(TextAnalyzer::builder(Words::default()).filter(HyphenJoin::PLAIN))
        .filter(CachedStemmer)
        .build()
}

/// The analyzer the index runs over the body (`body_exact`): its words
/// unstemmed, with positions, plus the stems a stemmed query's scan of the
/// words would miss ([`StemMarks`]: joined hyphenated words, stems that
/// rewrite more than a word's last letters), in the language the text's
/// [`language_mark`](super::language_mark) names. Gives the
/// [`exact_analyzer`]'s words at the same positions.
pub fn body_index_analyzer() -> TextAnalyzer {
    folded(TextAnalyzer::builder(Words::default()).filter(HyphenJoin::MARKED))
        .filter(StemMarks)
        .build()
}

/// Words of a query, lower-cased, folded and stemmed (Latin words as
/// English unless a [`language_mark`](super::language_mark) comes
/// first), as the index's stemmed fields hold them (without
/// [`HyphenJoin`]'s extra tokens).
pub fn text_analyzer() -> TextAnalyzer {
    folded(TextAnalyzer::builder(Words::for_query()))
        .filter(CachedStemmer)
        .build()
}

/// Words of article text, lower-cased and folded, not stemmed: the exact
/// fields, and the snippet code, which relies on its giving the same token
/// sequence as the index's stemmed analyzer, position for position.
pub fn exact_analyzer() -> TextAnalyzer {
    folded(TextAnalyzer::builder(Words::default())).build()
}

/// [`exact_analyzer`] for a query's text: the same words, without the
/// last single character of a character-pair run at its end
/// (`words.rs`).
pub fn exact_query_analyzer() -> TextAnalyzer {
    folded(TextAnalyzer::builder(Words::for_query())).build()
}

/// The steps the word analyzers share after their tokenizer (which has
/// cut long words and folded Russian and Arabic letters, `forms.rs`):
/// lower-cased, accent-folded.
fn folded<T: Tokenizer>(words: TextAnalyzerBuilder<T>) -> TextAnalyzerBuilder<impl Tokenizer> {
    words.filter(LowerCaser).filter(AsciiFoldingFilter)
}

/// Whole values, lower-cased and accent-folded.
pub fn keyword_analyzer() -> TextAnalyzer {
    TextAnalyzer::builder(RawTokenizer::default())
        .filter(LowerCaser)
        .filter(AsciiFoldingFilter)
        .build()
}

/// A keyword value as the index holds it (lower-cased, accents folded):
/// what `section:`, `source:` and `byline:` match and facets count.
pub fn fold_keyword(value: &str) -> String {
    let mut analyzer = keyword_analyzer();
    let mut stream = analyzer.token_stream(value);
    match stream.next() {
        Some(tok) => tok.text.clone(),
        None => value.to_string(),
    }
}
