//! The text analyzers the schema names, built and registered on an index:
//! `news` (stemmed, with joined hyphenated words, for the index), its query
//! form without the joined words, `exact` (unstemmed) and `keyword` (whole
//! values), and folding a keyword value as the index holds it. Built from
//! tantivy's tokenizers plus the two filters of `hyphen_join.rs` and
//! `stem_cache.rs`; the callers are the schema, queries and snippets.

use tantivy::tokenizer::{
    AsciiFoldingFilter, LowerCaser, RawTokenizer, RemoveLongFilter, SimpleTokenizer, TextAnalyzer,
    TextAnalyzerBuilder, Tokenizer,
};
use tantivy::Index;

use super::hyphen_join::HyphenJoin;
use super::stem_cache::CachedStemmer;
use super::{EXACT_ANALYZER, KEYWORD_ANALYZER, TEXT_ANALYZER};

/// Registers the analyzers the schema names; call on every opened index.
pub fn register_analyzers(index: &Index) {
    let tokenizers = index.tokenizers();
    tokenizers.register(TEXT_ANALYZER, index_text_analyzer());
    tokenizers.register(EXACT_ANALYZER, exact_analyzer());
    tokenizers.register(KEYWORD_ANALYZER, keyword_analyzer());
    index
        .fast_field_tokenizer()
        .register(KEYWORD_ANALYZER, keyword_analyzer());
}

/// The analyzer the index runs over the stemmed fields: [`text_analyzer`]
/// plus the joined form of each hyphenated word ([`HyphenJoin`]).
pub fn index_text_analyzer() -> TextAnalyzer {
    folded(TextAnalyzer::builder(SimpleTokenizer::default()).filter(HyphenJoin))
        .filter(CachedStemmer)
        .build()
}

/// Words of article text, lower-cased, accent-folded and English-stemmed,
/// as queries are analysed (without [`HyphenJoin`]'s extra tokens).
pub fn text_analyzer() -> TextAnalyzer {
    folded(TextAnalyzer::builder(SimpleTokenizer::default()))
        .filter(CachedStemmer)
        .build()
}

/// Words of article text, lower-cased and accent-folded, not stemmed. It
/// yields the same token sequence as [`text_analyzer`], position for
/// position, which the snippet code relies on.
pub fn exact_analyzer() -> TextAnalyzer {
    folded(TextAnalyzer::builder(SimpleTokenizer::default())).build()
}

/// The steps the three word analyzers share after their tokenizer: words
/// of 40 bytes or more dropped, the rest lower-cased and accent-folded.
fn folded<T: Tokenizer>(words: TextAnalyzerBuilder<T>) -> TextAnalyzerBuilder<impl Tokenizer> {
    words
        .filter(RemoveLongFilter::limit(40))
        .filter(LowerCaser)
        .filter(AsciiFoldingFilter)
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
