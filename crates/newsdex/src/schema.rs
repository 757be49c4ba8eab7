//! The tantivy schema, built in one place, and the conversion between
//! [`Article`] and tantivy documents.
//!
//! Article text is indexed twice: `all_text` (headline twice, then body)
//! and `title` with the `news` analyzer: split on non-alphanumerics,
//! lower-case, fold accents (so `cafe` finds `café`), and stem English (so
//! `campaigns` finds `campaign`); `title_exact` and `body_exact` with the
//! same analyzer minus the stemmer, with positions, for quoted phrases,
//! prefixes and fuzzy words. The body is indexed with positions only once:
//! positions are most of the cost of indexing. Keyword fields (`section`, `source`, `byline`) are whole
//! values, lower-cased and accent-folded, usable as exact filters
//! (`section:politics`) and as fast fields for counting; `section` holds
//! every section of an article (the first is the one shown), `place` every
//! place. Bylines and sources are also indexed as words (`byline_text`,
//! `source_text`: `byline:collinson`), URLs by host and prefix
//! (`url_parts`, [`url_keys`]).
//!
//! The stemmed fields (`title`, `all_text`) also index the joined form of a
//! hyphenated word at the place of its last part (`e-mail` is `e`, `mail`
//! and `email`), so `email` finds `e-mail`; the exact copies do not, so
//! quoted phrases stay exact. The article's
//! meaning vector (`crate::meaning`) is packed into eight u64 fast columns,
//! `meaning0` to `meaning7`.
//!
//! Bump [`SCHEMA_VERSION`] whenever a field or analyzer changes: an index
//! recorded with another version must be rebuilt.

use chrono::{DateTime, Utc};
use tantivy::schema::document::{Document, ReferenceValue, ReferenceValueLeaf};
use tantivy::schema::{
    DateOptions, DateTimePrecision, Field, IndexRecordOption, NumericOptions, OwnedValue, Schema,
    TextFieldIndexing, TextOptions, Value, FAST, INDEXED, STORED, STRING,
};
use tantivy::store::{Compressor, ZstdCompressor};
use tantivy::tokenizer::{
    AsciiFoldingFilter, LowerCaser, RawTokenizer, RemoveLongFilter, SimpleTokenizer, Stemmer,
    TextAnalyzer, Token, TokenFilter, TokenStream, Tokenizer,
};
use tantivy::{DateTime as TantivyDateTime, Index, IndexSettings, TantivyDocument};

use crate::article::Article;
use crate::hashing::FastMap;
use crate::meaning::PACKED;

/// Version of the schema and analyzers; stored in the index manifest.
pub const SCHEMA_VERSION: u32 = 12;

/// Name of the analyzer for article text.
pub const TEXT_ANALYZER: &str = "news";
/// Name of the analyzer for the unstemmed copies used by quoted phrases.
pub const EXACT_ANALYZER: &str = "exact";
/// Name of the analyzer for keyword fields.
pub const KEYWORD_ANALYZER: &str = "keyword";

/// Handles to every field of the schema.
#[derive(Debug, Clone)]
pub struct Fields {
    /// Stable article id (exact).
    pub id: Field,
    /// Absolute source path (exact); the key used to delete a file's articles.
    pub path: Field,
    /// Record number within the file.
    pub record: Field,
    /// 1-based line of the source file where the article starts.
    pub line: Field,
    /// Headline (stemmed, positions).
    pub title: Field,
    /// Article text, stored only: `all_text` and `body_exact` index it.
    pub body: Field,
    /// Headline and body as one stemmed text (headline twice, as a boost),
    /// for one BM25 over the whole article in relaxed matching.
    pub all_text: Field,
    /// Unstemmed copy of the headline, for exact phrases, prefixes, fuzzy.
    pub title_exact: Field,
    /// Unstemmed copy of the body, for exact phrases, prefixes, fuzzy.
    pub body_exact: Field,
    /// Publication date (fast, range-searchable).
    pub date: Field,
    /// Author(s) (keyword).
    pub byline: Field,
    /// Section (keyword, fast).
    pub section: Field,
    /// Publication (keyword, fast).
    pub source: Field,
    /// URL (exact).
    pub url: Field,
    /// The URL's hosts and scheme-less prefixes, lower-cased ([`url_keys`]):
    /// `url:nytimes.com`, `url:https://www.nytimes.com/2016/`.
    pub url_parts: Field,
    /// Byline words (unstemmed, positions): `byline:collinson`.
    pub byline_text: Field,
    /// Source words (unstemmed, positions): `source:cnn`.
    pub source_text: Field,
    /// Places the article is about (keyword, every one).
    pub place: Field,
    /// Words in title and body.
    pub word_count: Field,
    /// Hash of title and body.
    pub content_hash: Field,
    /// Canonical names of people mentioned (stored, fast; not indexed).
    pub person: Field,
    /// The same names as variant keys ([`crate::people::Variant`]), once
    /// per mention (a headline mention counts twice), so that
    /// `person:"Donald Trump"` finds `Donald J. Trump` too; the term
    /// frequency scores it. Once per person, the terms that link a surname
    /// alone to a full name across articles (`crate::people::link`):
    /// `n|trump`, `n|trump|Donald J. Trump`, `c|f|blair`; and once per
    /// name the article shows to be no person, `x|vera drake`.
    pub person_key: Field,
    /// The same names as words, once per mention, so `person:khan` finds
    /// every Khan and scores like `person_key`.
    pub person_text: Field,
    /// The article's meaning vector (`crate::meaning`), eight bytes per
    /// column (fast only): read for the candidates of a relaxed query.
    pub meaning: [Field; PACKED],
    /// The article's story (`crate::stories`): the same number for every
    /// copy of one story (indexed, fast, stored).
    pub story: Field,
    /// The body's LSH band keys (`crate::sketch::Sketch::bands`, indexed
    /// only): the terms that find an article's candidate copies.
    pub story_keys: Field,
    /// The body's MinHash slots, four to a column (fast only): read to
    /// compare a candidate with an article.
    pub sketch: [Field; SKETCH_COLUMNS],
    /// The text's figures and prose words (`crate::sketch::Sketch::facts`,
    /// fast).
    pub story_facts: Field,
}

/// Fast columns holding an article's MinHash slots.
pub const SKETCH_COLUMNS: usize = crate::sketch::HASHES / 4;

/// Builds the schema and returns it with its field handles.
pub fn build() -> (Schema, Fields) {
    let mut b = Schema::builder();
    let text = TextOptions::default().set_stored().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer(TEXT_ANALYZER)
            .set_index_option(IndexRecordOption::WithFreqsAndPositions),
    );
    // Not stored: the stored title and body serve both.
    let exact = TextOptions::default().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer(EXACT_ANALYZER)
            .set_index_option(IndexRecordOption::WithFreqsAndPositions),
    );
    let keyword = TextOptions::default()
        .set_stored()
        .set_fast(KEYWORD_ANALYZER)
        .set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer(KEYWORD_ANALYZER)
                .set_index_option(IndexRecordOption::Basic),
        );
    let stored_u64 = NumericOptions::default().set_stored();
    let place = TextOptions::default().set_stored().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer(KEYWORD_ANALYZER)
            .set_index_option(IndexRecordOption::Basic),
    );
    // Shown and counted case-preserving; matched case- and
    // accent-insensitively through `person_key` and `person_text`.
    let person = TextOptions::default().set_stored().set_fast("raw");
    // Already normalised by `Variant`: indexed as is.
    let person_key = TextOptions::default().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer("raw")
            .set_index_option(IndexRecordOption::WithFreqs),
    );
    let person_text = TextOptions::default().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer(EXACT_ANALYZER)
            .set_index_option(IndexRecordOption::WithFreqs),
    );
    let fields = Fields {
        id: b.add_text_field("id", STRING | STORED),
        path: b.add_text_field("path", STRING | STORED),
        record: b.add_u64_field("record", stored_u64.clone()),
        line: b.add_u64_field("line", stored_u64),
        title: b.add_text_field("title", text),
        // Indexing the body a third time (stemmed, with positions) cost
        // about a third of all indexing work; `all_text` serves stemmed
        // words, `body_exact` phrases, and `body:word` expands to the
        // unstemmed words with that stem (query::StemVariantsQuery).
        body: b.add_text_field("body", STORED),
        all_text: b.add_text_field(
            "all_text",
            TextOptions::default().set_indexing_options(
                TextFieldIndexing::default()
                    .set_tokenizer(TEXT_ANALYZER)
                    .set_index_option(IndexRecordOption::WithFreqs),
            ),
        ),
        title_exact: b.add_text_field("title_exact", exact.clone()),
        body_exact: b.add_text_field("body_exact", exact.clone()),
        date: b.add_date_field(
            "date",
            DateOptions::default()
                .set_stored()
                .set_indexed()
                .set_fast()
                .set_precision(DateTimePrecision::Seconds),
        ),
        byline: b.add_text_field("byline", keyword.clone()),
        section: b.add_text_field("section", keyword.clone()),
        source: b.add_text_field("source", keyword),
        url: b.add_text_field("url", STRING | STORED),
        url_parts: b.add_text_field("url_parts", STRING),
        byline_text: b.add_text_field("byline_text", exact.clone()),
        source_text: b.add_text_field("source_text", exact),
        place: b.add_text_field("place", place),
        word_count: b.add_u64_field("word_count", STORED | FAST),
        content_hash: b.add_text_field("content_hash", STRING | STORED),
        person: b.add_text_field("person", person),
        person_key: b.add_text_field("person_key", person_key),
        person_text: b.add_text_field("person_text", person_text),
        meaning: std::array::from_fn(|i| b.add_u64_field(&meaning_column(i), FAST)),
        story: b.add_u64_field("story", INDEXED | FAST | STORED),
        story_keys: b.add_u64_field("story_keys", INDEXED),
        sketch: std::array::from_fn(|i| b.add_u64_field(&sketch_column(i), FAST)),
        story_facts: b.add_u64_field("story_facts", FAST),
    };
    (b.build(), fields)
}

/// Looks up the field handles in an opened index's schema.
pub fn fields_of(schema: &Schema) -> tantivy::Result<Fields> {
    let f = |name: &str| schema.get_field(name);
    Ok(Fields {
        id: f("id")?,
        path: f("path")?,
        record: f("record")?,
        line: f("line")?,
        title: f("title")?,
        body: f("body")?,
        all_text: f("all_text")?,
        title_exact: f("title_exact")?,
        body_exact: f("body_exact")?,
        date: f("date")?,
        byline: f("byline")?,
        section: f("section")?,
        source: f("source")?,
        url: f("url")?,
        url_parts: f("url_parts")?,
        byline_text: f("byline_text")?,
        source_text: f("source_text")?,
        place: f("place")?,
        word_count: f("word_count")?,
        content_hash: f("content_hash")?,
        person: f("person")?,
        person_key: f("person_key")?,
        person_text: f("person_text")?,
        meaning: numbered(schema, meaning_column)?,
        story: f("story")?,
        story_keys: f("story_keys")?,
        sketch: numbered(schema, sketch_column)?,
        story_facts: f("story_facts")?,
    })
}

/// The fields of a group of numbered fast columns (`meaning0` ...,
/// `sketch0` ...), named by `name`.
fn numbered<const N: usize>(
    schema: &Schema,
    name: fn(usize) -> String,
) -> tantivy::Result<[Field; N]> {
    let mut columns = [Field::from_field_id(0); N];
    for (i, column) in columns.iter_mut().enumerate() {
        *column = schema.get_field(&name(i))?;
    }
    Ok(columns)
}

/// Name of the `i`th fast column of the MinHash sketch.
pub fn sketch_column(i: usize) -> String {
    format!("sketch{i}")
}

/// Name of the `i`th fast column of the meaning vector.
pub fn meaning_column(i: usize) -> String {
    format!("meaning{i}")
}

/// Settings for a new index: how the document store is laid out.
///
/// The store (headline, body, ids, paths, metadata) was 44% of the index
/// with tantivy's default of lz4 over 16 KB blocks: 171 MB of 396 MB on the
/// 1x benchmark corpus (252 MB of text). zstd at level 3 over 32 KB blocks
/// makes it 112 MB, and the index 1.34x the raw text instead of 1.57x.
/// Compression runs on tantivy's dedicated store thread; a search
/// decompresses one 32 KB block per hit shown. The settings are recorded in
/// the index, so an index made with other settings stays readable.
pub fn index_settings() -> IndexSettings {
    IndexSettings {
        docstore_compression: Compressor::Zstd(ZstdCompressor {
            compression_level: Some(3),
        }),
        docstore_blocksize: 32 << 10,
        ..IndexSettings::default()
    }
}

/// Registers the analyzers the schema names; call on every opened index.
pub fn register_analyzers(index: &Index) {
    index
        .tokenizers()
        .register(TEXT_ANALYZER, index_text_analyzer());
    index
        .tokenizers()
        .register(EXACT_ANALYZER, exact_analyzer());
    index
        .tokenizers()
        .register(KEYWORD_ANALYZER, keyword_analyzer());
    index
        .fast_field_tokenizer()
        .register(KEYWORD_ANALYZER, keyword_analyzer());
}

/// The analyzer the index runs over the stemmed fields: [`text_analyzer`]
/// plus the joined form of each hyphenated word ([`HyphenJoin`]).
pub fn index_text_analyzer() -> TextAnalyzer {
    TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(HyphenJoin)
        .filter(RemoveLongFilter::limit(40))
        .filter(LowerCaser)
        .filter(AsciiFoldingFilter)
        .filter(CachedStemmer)
        .build()
}

/// Words of article text, lower-cased, accent-folded and English-stemmed,
/// as queries are analysed (without [`HyphenJoin`]'s extra tokens).
pub fn text_analyzer() -> TextAnalyzer {
    TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(40))
        .filter(LowerCaser)
        .filter(AsciiFoldingFilter)
        .filter(CachedStemmer)
        .build()
}

/// Words of article text, lower-cased and accent-folded, not stemmed. It
/// yields the same token sequence as [`text_analyzer`], position for
/// position, which the snippet code relies on.
pub fn exact_analyzer() -> TextAnalyzer {
    TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(40))
        .filter(LowerCaser)
        .filter(AsciiFoldingFilter)
        .build()
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

/// Whether the word ending at byte `end` of `text` goes on after a hyphen
/// (`e` in `e-mail`): a hyphen directly followed by a letter or digit.
pub fn hyphen_follows(text: &str, end: usize) -> bool {
    let mut rest = text[end..].chars();
    matches!(rest.next(), Some('-' | '\u{2010}' | '\u{2011}'))
        && rest.next().is_some_and(char::is_alphanumeric)
}

/// A token filter that adds, after the last part of a hyphenated word, the
/// parts joined (`e-mail` → `e`, `mail`, `email`), at the last part's
/// position: `email` then finds `e-mail`, and a phrase over the parts
/// still matches. Put it right after the tokenizer, which splits at the
/// hyphen: it reads the text between tokens.
#[derive(Clone, Copy, Debug, Default)]
pub struct HyphenJoin;

impl TokenFilter for HyphenJoin {
    type Tokenizer<T: Tokenizer> = HyphenJoinFilter<T>;

    fn transform<T: Tokenizer>(self, tokenizer: T) -> HyphenJoinFilter<T> {
        HyphenJoinFilter { inner: tokenizer }
    }
}

/// The tokenizer [`HyphenJoin`] makes.
#[derive(Clone)]
pub struct HyphenJoinFilter<T> {
    inner: T,
}

impl<T: Tokenizer> Tokenizer for HyphenJoinFilter<T> {
    type TokenStream<'a> = HyphenJoinStream<'a, T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        HyphenJoinStream {
            text,
            tail: self.inner.token_stream(text),
            run: None,
            pending: None,
            joined: None,
        }
    }
}

/// The token stream of a [`HyphenJoinFilter`].
pub struct HyphenJoinStream<'a, S> {
    text: &'a str,
    tail: S,
    /// The hyphenated word being read: its parts so far, joined, and the
    /// byte where it starts.
    run: Option<(String, usize)>,
    /// The joined token, ready to follow the word's last part.
    pending: Option<Token>,
    /// The joined token, while it is the current one.
    joined: Option<Token>,
}

impl<S: TokenStream> TokenStream for HyphenJoinStream<'_, S> {
    fn advance(&mut self) -> bool {
        self.joined = None;
        if let Some(t) = self.pending.take() {
            self.joined = Some(t);
            return true;
        }
        if !self.tail.advance() {
            return false;
        }
        let t = self.tail.token();
        // The tokenizer splits at the hyphen, so a part follows the one
        // before it directly after that hyphen.
        if let Some((joined, _)) = self.run.as_mut() {
            joined.push_str(&t.text);
        }
        if hyphen_follows(self.text, t.offset_to) {
            if self.run.is_none() {
                self.run = Some((t.text.clone(), t.offset_from));
            }
        } else if let Some((joined, start)) = self.run.take() {
            let mut j = t.clone();
            j.text = joined;
            j.offset_from = start;
            self.pending = Some(j);
        }
        true
    }

    fn token(&self) -> &Token {
        self.joined.as_ref().unwrap_or_else(|| self.tail.token())
    }

    fn token_mut(&mut self) -> &mut Token {
        match self.joined.as_mut() {
            Some(t) => t,
            None => self.tail.token_mut(),
        }
    }
}

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
/// already be lower-cased and accent-folded (tokens of [`exact_analyzer`]);
/// it gives the same stems as [`text_analyzer`].
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

/// An article as the index writer takes it: the [`Article`] itself, with
/// every field value borrowed from it when tantivy asks.
///
/// Building a [`TantivyDocument`] copied the body three times (stored,
/// `all_text`, `body_exact`) and the headline five, on the one thread that
/// feeds the writer, and tantivy queues up to 10,000 documents: on the 1x
/// benchmark corpus the copies were about 5% of indexing CPU and over a
/// hundred MB of queued text.
pub struct ArticleDoc {
    fields: Fields,
    article: Article,
    /// The URL's [`url_keys`], which the article does not hold.
    url_keys: Vec<String>,
    /// Each person's variant terms (`crate::people::Variant`), same order
    /// as the article's people.
    person_keys: Vec<[String; 4]>,
    /// Each person's terms for linking across articles
    /// (`crate::people::link_rule::index_terms`), indexed once.
    person_links: Vec<String>,
    /// The terms of the names the article shows to be no person
    /// (`crate::people::name_forms::thing_term`), indexed once.
    thing_terms: Vec<String>,
}

impl ArticleDoc {
    /// Wraps an article for the writer.
    pub fn new(fields: Fields, article: Article) -> ArticleDoc {
        let url_keys = article.url.as_deref().map(url_keys).unwrap_or_default();
        let person_keys = article
            .people
            .iter()
            .map(|name| crate::people::Variant::of(name).index_terms())
            .collect();
        let person_links = article
            .people
            .iter()
            .enumerate()
            .flat_map(|(i, name)| {
                let cue = article.person_cues.get(i).copied().unwrap_or_default();
                crate::people::link_rule::index_terms(name, cue)
            })
            .collect();
        let thing_terms = article
            .things
            .iter()
            .map(|key| crate::people::name_forms::thing_term(key))
            .collect();
        ArticleDoc {
            fields,
            article,
            url_keys,
            person_keys,
            person_links,
            thing_terms,
        }
    }
}

/// One field value of an [`ArticleDoc`].
#[derive(Clone, Debug)]
pub enum DocValue<'a> {
    /// Text, borrowed from the article.
    Str(&'a str),
    /// A number.
    U64(u64),
    /// A date.
    Date(TantivyDateTime),
}

impl<'a> Value<'a> for DocValue<'a> {
    type ArrayIter = std::iter::Empty<DocValue<'a>>;
    type ObjectIter = std::iter::Empty<(&'a str, DocValue<'a>)>;

    fn as_value(&self) -> ReferenceValue<'a, Self> {
        ReferenceValue::Leaf(match *self {
            DocValue::Str(s) => ReferenceValueLeaf::Str(s),
            DocValue::U64(n) => ReferenceValueLeaf::U64(n),
            DocValue::Date(d) => ReferenceValueLeaf::Date(d),
        })
    }
}

impl Document for ArticleDoc {
    type Value<'a> = DocValue<'a>;
    type FieldsValuesIter<'a> = std::vec::IntoIter<(Field, DocValue<'a>)>;

    fn iter_fields_and_values(&self) -> Self::FieldsValuesIter<'_> {
        let (f, a) = (&self.fields, &self.article);
        fn text(field: Field, s: &str) -> (Field, DocValue<'_>) {
            (field, DocValue::Str(s))
        }
        let mentions: u32 = a.mentions.iter().sum();
        let mut v = Vec::with_capacity(
            21 + PACKED + 2 * SKETCH_COLUMNS + 3 * a.people.len() + 5 * mentions as usize,
        );
        v.push(text(f.id, &a.id));
        v.push(text(f.path, &a.path));
        v.push((f.record, DocValue::U64(a.record)));
        v.push((f.line, DocValue::U64(a.line)));
        v.push(text(f.title, &a.title));
        v.push(text(f.body, &a.body));
        // The headline twice: a modest headline boost inside one BM25.
        v.push(text(f.all_text, &a.title));
        v.push(text(f.all_text, &a.title));
        v.push(text(f.all_text, &a.body));
        v.push(text(f.title_exact, &a.title));
        v.push(text(f.body_exact, &a.body));
        if let Some(d) = a.date {
            let d = TantivyDateTime::from_timestamp_secs(d.timestamp());
            v.push((f.date, DocValue::Date(d)));
        }
        for (field, value) in [
            (f.byline, &a.byline),
            (f.byline_text, &a.byline),
            (f.section, &a.section),
            (f.source, &a.source),
            (f.source_text, &a.source),
            (f.url, &a.url),
        ] {
            if let Some(s) = value {
                v.push(text(field, s));
            }
        }
        for s in &a.other_sections {
            v.push(text(f.section, s));
        }
        for s in &a.places {
            v.push(text(f.place, s));
        }
        for key in &self.url_keys {
            v.push(text(f.url_parts, key));
        }
        v.push((f.word_count, DocValue::U64(a.word_count)));
        v.push(text(f.content_hash, &a.content_hash));
        for (field, word) in f.meaning.iter().zip(a.meaning.pack()) {
            v.push((*field, DocValue::U64(word)));
        }
        v.push((f.story, DocValue::U64(a.story)));
        if let Some(sketch) = &a.sketch {
            for key in sketch.bands {
                v.push((f.story_keys, DocValue::U64(key)));
            }
            for (field, word) in f.sketch.iter().zip(sketch.pack()) {
                v.push((*field, DocValue::U64(word)));
            }
            v.push((f.story_facts, DocValue::U64(sketch.facts())));
        }
        for (i, name) in a.people.iter().enumerate() {
            v.push(text(f.person, name));
            // Once per mention: tantivy's term frequency is the count.
            for _ in 0..a.mentions.get(i).copied().unwrap_or(1).max(1) {
                for key in &self.person_keys[i] {
                    v.push(text(f.person_key, key));
                }
                v.push(text(f.person_text, name));
            }
        }
        for t in &self.person_links {
            v.push(text(f.person_key, t));
        }
        for t in &self.thing_terms {
            v.push(text(f.person_key, t));
        }
        v.into_iter()
    }
}

/// Reads an article back from a stored document.
pub fn from_document(f: &Fields, doc: &TantivyDocument) -> Article {
    let text = |field: Field| -> Option<String> {
        doc.get_first(field)
            .and_then(|v| v.as_str())
            .map(str::to_string)
    };
    let num = |field: Field| doc.get_first(field).and_then(|v| v.as_u64()).unwrap_or(0);
    let date = doc
        .get_first(f.date)
        .and_then(|v| match OwnedValue::from(v) {
            OwnedValue::Date(d) => DateTime::<Utc>::from_timestamp(d.into_timestamp_secs(), 0),
            _ => None,
        });
    let all = |field: Field| -> Vec<String> {
        doc.get_all(field)
            .filter_map(|v| v.as_str().map(str::to_string))
            .collect()
    };
    let mut sections = all(f.section).into_iter();
    Article {
        id: text(f.id).unwrap_or_default(),
        path: text(f.path).unwrap_or_default(),
        record: num(f.record),
        line: num(f.line),
        title: text(f.title).unwrap_or_default(),
        body: text(f.body).unwrap_or_default(),
        date,
        byline: text(f.byline),
        section: sections.next(),
        other_sections: sections.collect(),
        places: all(f.place),
        source: text(f.source),
        url: text(f.url),
        word_count: num(f.word_count),
        content_hash: text(f.content_hash).unwrap_or_default(),
        people: all(f.person),
        mentions: Vec::new(),
        person_cues: Vec::new(),
        things: Vec::new(),
        person_links: Vec::new(),
        meaning: Default::default(),
        story: num(f.story),
        sketch: None,
    }
}

/// What `url_parts` indexes for a URL, lower-cased: its host and each
/// parent domain of two labels or more (`www.nytimes.com`,
/// `nytimes.com`), and the URL without its scheme, with and without a
/// leading `www.` (`www.nytimes.com/2016/...`, `nytimes.com/2016/...`).
/// `url:` looks a host up whole and anything longer as a prefix of these.
pub fn url_keys(url: &str) -> Vec<String> {
    let rest = url_key(url);
    let host_end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let host = crate::article::url_host(&rest).unwrap_or_default();
    let host = host.as_str();
    let mut keys = Vec::new();
    let mut domain = host;
    while domain.contains('.') {
        keys.push(domain.to_string());
        domain = &domain[domain.find('.').map_or(domain.len(), |i| i + 1)..];
    }
    if host_end < rest.len() || keys.is_empty() {
        keys.push(rest.clone());
        if let Some(bare) = rest.strip_prefix("www.") {
            keys.push(bare.to_string());
        }
    }
    keys.retain(|k| !k.is_empty());
    keys.dedup();
    keys
}

/// A URL or URL prefix as `url_parts` holds it: trimmed, lower-cased,
/// without its scheme (`https://`).
pub fn url_key(url: &str) -> String {
    let url = url.trim().to_lowercase();
    match url.split_once("://") {
        Some((scheme, rest))
            if !scheme.is_empty()
                && scheme
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '+' || c == '-' || c == '.') =>
        {
            rest.to_string()
        }
        _ => url,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A plain tantivy document with the values the indexer's
    /// [`ArticleDoc`] gives.
    fn to_document(f: &Fields, a: &Article) -> TantivyDocument {
        ArticleDoc::new(f.clone(), a.clone()).into_tantivy_document()
    }

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

    fn sample() -> Article {
        Article {
            id: "c/politics/1.txt".into(),
            path: "/c/politics/1.txt".into(),
            record: 0,
            line: 1,
            title: "Mayor wins".into(),
            body: "Café owners campaign by e-mail.".into(),
            date: DateTime::from_timestamp(1_462_233_600, 0),
            byline: Some("Jane Smith".into()),
            section: Some("Politics".into()),
            other_sections: vec!["Economy".into()],
            places: vec!["uk".into()],
            source: Some("CNN (Web News)".into()),
            url: Some("https://www.example.com/2016/a".into()),
            word_count: 5,
            content_hash: "00ff".into(),
            people: vec!["José Mourinho".into(), "Sadiq Khan".into()],
            mentions: vec![3, 1],
            person_cues: vec![Default::default(); 2],
            things: Vec::new(),
            person_links: Vec::new(),
            meaning: Default::default(),
            story: 7,
            sketch: None,
        }
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

    #[test]
    fn hyphenated_words_are_also_indexed_joined() {
        let mut a = index_text_analyzer();
        let mut s = a.token_stream("Send e-mail, well-off co-op x-ray-ed. A- b -c");
        let mut got = Vec::new();
        while let Some(t) = s.next() {
            got.push((t.text.clone(), t.position, t.offset_from, t.offset_to));
        }
        let texts: Vec<&str> = got.iter().map(|t| t.0.as_str()).collect();
        assert_eq!(
            texts,
            [
                "send", "e", "mail", "email", "well", "off", "welloff", "co", "op", "coop", "x",
                "ray", "ed", "xray", "a", "b", "c"
            ]
        );
        // The joined word sits at its last part and spans the whole word.
        assert_eq!(got[3], ("email".into(), 2, 5, 11));
        // Without the joined tokens, the index analyzer is the query one.
        let mut plain = text_analyzer();
        let mut s = plain.token_stream("Send e-mail, well-off co-op x-ray-ed. A- b -c");
        let mut n = 0;
        while s.next().is_some() {
            n += 1;
        }
        assert_eq!(n, texts.len() - 4);
    }

    #[test]
    fn url_keys_are_hosts_and_prefixes() {
        assert_eq!(
            url_keys("HTTPS://www.NYTimes.com/2016/09/a.html"),
            [
                "www.nytimes.com",
                "nytimes.com",
                "www.nytimes.com/2016/09/a.html",
                "nytimes.com/2016/09/a.html"
            ]
        );
        assert_eq!(url_keys("http://bbc.co.uk"), ["bbc.co.uk", "co.uk"]);
        assert_eq!(
            url_key(" https://www.nytimes.com/2016/ "),
            "www.nytimes.com/2016/"
        );
        assert_eq!(url_key("nytimes.com"), "nytimes.com");
        // The host, not the user, of a URL with one.
        assert_eq!(url_keys("http://me@bbc.co.uk:80")[0], "bbc.co.uk");
    }

    #[test]
    fn round_trips_through_a_document() {
        let (schema, f) = build();
        let a = sample();
        let doc = to_document(&f, &a);
        let back = from_document(&f, &doc);
        // Mention counts are indexed, not stored.
        assert_eq!(
            back,
            Article {
                mentions: Vec::new(),
                person_cues: Vec::new(),
                things: Vec::new(),
                meaning: Default::default(),
                ..a
            }
        );
        assert_eq!(fields_of(&schema).unwrap().body, f.body);
    }

    #[test]
    fn analyzers_stem_fold_and_keep_keywords_whole() {
        use tantivy::collector::Count;
        use tantivy::query::QueryParser;
        let (schema, f) = build();
        let index = Index::create_in_ram(schema);
        register_analyzers(&index);
        let mut w: tantivy::IndexWriter = index.writer(15_000_000).unwrap();
        w.add_document(to_document(&f, &sample())).unwrap();
        w.commit().unwrap();
        let searcher = index.reader().unwrap().searcher();
        let qp = QueryParser::for_index(&index, vec![f.title, f.all_text]);
        for (q, n) in [
            ("cafe", 1),
            ("campaigns", 1),
            ("body_exact:\"cafe owners\"", 1),
            ("body_exact:campaigns", 0),
            ("body_exact:campaign", 1),
            ("section:politics", 1),
            ("section:Politics", 1),
            ("byline:\"jane smith\"", 1),
            ("section:sport", 0),
            ("section:economy", 1),
            ("place:uk", 1),
            ("byline_text:smith", 1),
            ("source_text:cnn", 1),
            ("source:cnn", 0),
            ("url_parts:example.com", 1),
            ("url_parts:\"example.com/2016/a\"", 1),
            ("url_parts:com", 0),
            ("all_text:email", 1),
            ("all_text:ee", 0),
            ("title_exact:email", 0),
            ("person_key:\"k|jose mourinho\"", 1),
            ("person_text:khan", 1),
            ("person_key:khan", 0),
        ] {
            let query = qp.parse_query(q).unwrap();
            assert_eq!(searcher.search(&query, &Count).unwrap(), n, "{q}");
        }
    }
}
