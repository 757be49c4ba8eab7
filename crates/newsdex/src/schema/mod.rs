//! The tantivy schema, built in one place, and the conversion between
//! [`Article`](crate::article::Article) and tantivy documents.
//!
//! Article text is indexed once with positions, unstemmed: `title_exact`
//! and `body_exact` with the `exact` and `body` analyzers (split on
//! non-alphanumerics, lower-case, fold accents, so `cafe` finds `café`),
//! for quoted phrases, prefixes and fuzzy words. A stemmed word
//! (`campaigns` finds `campaign`) is answered from the same words: the
//! query looks up the body's words with its stem (`query::StemQuery`), and
//! the body's stream carries, at a word's position, the stems such a
//! lookup would miss (`stem_marks.rs`). The headline is also indexed
//! stemmed (`title`), and a bare word scores headline and body as one
//! BM25, the headline counted twice. Keyword fields (`section`, `source`,
//! `byline`) are whole
//! values, lower-cased and accent-folded, usable as exact filters
//! (`section:politics`) and as fast fields for counting; `section` holds
//! every section of an article (the first is the one shown), `place` every
//! place. Bylines and sources are also indexed as words (`byline_text`,
//! `source_text`: `byline:collinson`), URLs by host and prefix
//! (`url_parts`, [`url_keys`]).
//!
//! The stemmed headline also indexes the joined form of a hyphenated word
//! at the place of its last part (`e-mail` is `e`, `mail` and `email`),
//! and the body its stem behind [`STEM_MARK`], so `email` finds `e-mail`;
//! the headline's exact copy does not, so quoted phrases stay exact. The
//! article's meaning vector (`crate::meaning`) is packed into eight u64
//! fast columns, `meaning0` to `meaning7`.
//!
//! Bump [`SCHEMA_VERSION`] whenever a field or analyzer changes: an index
//! recorded with another version must be rebuilt.
//!
//! The files: this one holds the fields, how they are built and looked
//! up, and the index settings; `analyzers.rs` the text analyzers and their
//! registration, with their filters in `hyphen_join.rs` (joined
//! hyphenated words), `stem_cache.rs` (the cached stemmer) and
//! `stem_marks.rs` (the body's stems); `document.rs` the conversion
//! between articles and tantivy documents ([`ArticleDoc`],
//! [`from_document`]) and the URL keys.

use tantivy::schema::{
    DateOptions, DateTimePrecision, Field, IndexRecordOption, NumericOptions, Schema,
    TextFieldIndexing, TextOptions, FAST, INDEXED, STORED, STRING,
};
use tantivy::store::{Compressor, ZstdCompressor};
use tantivy::IndexSettings;

use crate::meaning::PACKED;

mod analyzers;
mod document;
mod forms;
mod hyphen_join;
mod stem_cache;
mod stem_marks;
mod words;

pub use analyzers::{
    body_index_analyzer, exact_analyzer, exact_query_analyzer, fold_keyword, index_text_analyzer,
    keyword_analyzer, register_analyzers, text_analyzer,
};
pub use document::{from_document, url_key, url_keys, ArticleDoc, DocValue};
pub use forms::LONGEST_WORD;
pub use hyphen_join::{hyphen_follows, HyphenJoin, HyphenJoinFilter, HyphenJoinStream};
pub use stem_cache::{
    language_mark, CachedStemmer, CachedStemmerFilter, CachedStemmerStream, StemCache,
};
pub use stem_marks::{scan_starts, shared_prefix, stem_term, StemMarks, STEM_MARK};
pub use words::Words;

/// Version of the schema and analyzers; stored in the index manifest. 14:
/// languages (detected, stemmed by language, character pairs); 15: an
/// archive member's articles have ids that name the member; 16: an
/// article's own day (`local_date`, `utc_offset`); 17: no stemmed copy of
/// the body (`all_text`), its stems a scan would miss in `body_exact`.
pub const SCHEMA_VERSION: u32 = 17;

/// Name of the analyzer for article text.
pub const TEXT_ANALYZER: &str = "news";
/// Name of the analyzer for the unstemmed copies used by quoted phrases.
pub const EXACT_ANALYZER: &str = "exact";
/// Name of the analyzer for the body: [`EXACT_ANALYZER`]'s words and the
/// stems a stemmed query's lookup would miss ([`StemMarks`]).
pub const BODY_ANALYZER: &str = "body";
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
    /// Article text, stored only: `body_exact` indexes it.
    pub body: Field,
    /// Unstemmed copy of the headline, for exact phrases, prefixes, fuzzy.
    pub title_exact: Field,
    /// The body's words, unstemmed, with positions: exact phrases,
    /// prefixes, fuzzy words, and stemmed words through their variants
    /// (`query::StemQuery`), with the stems those would miss behind
    /// [`STEM_MARK`].
    pub body_exact: Field,
    /// Publication date (fast, range-searchable): the instant, in UTC.
    pub date: Field,
    /// The publication date as wall-clock time where the article was
    /// published, written as if UTC (`Article::local_date`; fast,
    /// range-searchable, not stored): what `--since`/`--until`, `date:`, the
    /// timeline and the months facet go by, so an article is on its own
    /// day. The same as `date` when the source gave no zone.
    pub local_date: Field,
    /// Seconds east of UTC of the zone the source dated the article in
    /// (stored i64), when it named one.
    pub utc_offset: Field,
    /// Author(s) (keyword).
    pub byline: Field,
    /// Section (keyword, fast).
    pub section: Field,
    /// Publication (keyword, fast).
    pub source: Field,
    /// URL (exact).
    pub url: Field,
    /// Language as an ISO 639-1 code when known (keyword, fast).
    pub language: Field,
    /// When a crawler fetched the page (stored; web archives only).
    pub crawled: Field,
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
    /// alone to a full name across articles (`crate::people::link_rule`):
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
    let text = indexed(TEXT_ANALYZER, IndexRecordOption::WithFreqsAndPositions).set_stored();
    // Not stored: the stored title and body serve both.
    let exact = indexed(EXACT_ANALYZER, IndexRecordOption::WithFreqsAndPositions);
    let body_words = indexed(BODY_ANALYZER, IndexRecordOption::WithFreqsAndPositions);
    let keyword = indexed(KEYWORD_ANALYZER, IndexRecordOption::Basic)
        .set_stored()
        .set_fast(KEYWORD_ANALYZER);
    let stored_u64 = NumericOptions::default().set_stored();
    let place = indexed(KEYWORD_ANALYZER, IndexRecordOption::Basic).set_stored();
    // Shown and counted case-preserving; matched case- and
    // accent-insensitively through `person_key` and `person_text`.
    let person = TextOptions::default().set_stored().set_fast("raw");
    // Already normalised by `Variant`: indexed as is.
    let person_key = indexed("raw", IndexRecordOption::WithFreqs);
    let person_text = indexed(EXACT_ANALYZER, IndexRecordOption::WithFreqs);
    let fields = Fields {
        id: b.add_text_field("id", STRING | STORED),
        path: b.add_text_field("path", STRING | STORED),
        record: b.add_u64_field("record", stored_u64.clone()),
        line: b.add_u64_field("line", stored_u64),
        title: b.add_text_field("title", text),
        // Indexed once, unstemmed, in `body_exact`: a stemmed copy (first
        // with positions, then without) cost a third, then a quarter, of
        // all indexing work (issue #26).
        body: b.add_text_field("body", STORED),
        title_exact: b.add_text_field("title_exact", exact.clone()),
        body_exact: b.add_text_field("body_exact", body_words),
        date: b.add_date_field(
            "date",
            DateOptions::default()
                .set_stored()
                .set_indexed()
                .set_fast()
                .set_precision(DateTimePrecision::Seconds),
        ),
        local_date: b.add_date_field(
            "local_date",
            DateOptions::default()
                .set_indexed()
                .set_fast()
                .set_precision(DateTimePrecision::Seconds),
        ),
        utc_offset: b.add_i64_field("utc_offset", STORED),
        byline: b.add_text_field("byline", keyword.clone()),
        section: b.add_text_field("section", keyword.clone()),
        source: b.add_text_field("source", keyword),
        url: b.add_text_field("url", STRING | STORED),
        language: b.add_text_field("language", STRING | STORED | FAST),
        crawled: b.add_date_field(
            "crawled",
            DateOptions::default()
                .set_stored()
                .set_precision(DateTimePrecision::Seconds),
        ),
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

/// Text indexed by `analyzer` with `record` (frequencies, positions),
/// neither stored nor fast unless the caller adds it.
fn indexed(analyzer: &str, record: IndexRecordOption) -> TextOptions {
    TextOptions::default().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer(analyzer)
            .set_index_option(record),
    )
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
        title_exact: f("title_exact")?,
        body_exact: f("body_exact")?,
        date: f("date")?,
        local_date: f("local_date")?,
        utc_offset: f("utc_offset")?,
        byline: f("byline")?,
        section: f("section")?,
        source: f("source")?,
        url: f("url")?,
        language: f("language")?,
        crawled: f("crawled")?,
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
/// Level 1 instead of 3 (issue #26): 4% more store bytes (2.39 -> 2.49 MB
/// on BBC, the whole index 1% larger) for 27% fewer compression
/// instructions (355M -> 225M of 6.0G for the BBC index). Blocks of 16 KB
/// instead of 32: a search decompresses one block per hit shown, and that
/// was a fifth of a one-phrase search's instructions (`"prime minister"`
/// on 1x: 19.2M -> 17.3M), for a store 3% larger (118 -> 122 MB on 1x).
/// Compression runs on tantivy's dedicated store thread. The settings are
/// recorded in the index, so an index made with other settings stays
/// readable.
pub fn index_settings() -> IndexSettings {
    IndexSettings {
        docstore_compression: Compressor::Zstd(ZstdCompressor {
            compression_level: Some(1),
        }),
        docstore_blocksize: 16 << 10,
        ..IndexSettings::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::Article;
    use chrono::DateTime;
    use tantivy::schema::document::Document;
    use tantivy::{Index, TantivyDocument};

    /// A plain tantivy document with the values the indexer's
    /// [`ArticleDoc`] gives.
    fn to_document(f: &Fields, a: &Article) -> TantivyDocument {
        ArticleDoc::new(f.clone(), a.clone()).into_tantivy_document()
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
            utc_offset: Some(9 * 3600),
            byline: Some("Jane Smith".into()),
            section: Some("Politics".into()),
            other_sections: vec!["Economy".into()],
            places: vec!["uk".into()],
            source: Some("CNN (Web News)".into()),
            url: Some("https://www.example.com/2016/a".into()),
            language: Some("en".into()),
            crawled: DateTime::from_timestamp(1_462_240_000, 0),
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
        let qp = QueryParser::for_index(&index, vec![f.title, f.body_exact]);
        for (q, n) in [
            ("cafe", 1),
            ("campaign", 1),
            ("body_exact:campaigns", 0),
            ("body_exact:\"cafe owners\"", 1),
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
            ("title:email", 0),
            ("body_exact:email", 0),
            ("body_exact:ee", 0),
            ("title_exact:email", 0),
            ("person_key:\"k|jose mourinho\"", 1),
            ("person_text:khan", 1),
            ("person_key:khan", 0),
        ] {
            let query = qp.parse_query(q).unwrap();
            assert_eq!(searcher.search(&query, &Count).unwrap(), n, "{q}");
        }
        // The joined hyphenated word is in the body as its stem's term.
        let email = tantivy::query::TermQuery::new(
            tantivy::Term::from_field_text(f.body_exact, &stem_term("email")),
            IndexRecordOption::Basic,
        );
        assert_eq!(searcher.search(&email, &Count).unwrap(), 1);
    }
}
