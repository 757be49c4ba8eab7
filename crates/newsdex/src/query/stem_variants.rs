//! A stemmed word (`campaigns`, `body:campaigns`): the articles with a word
//! of that stem, scored as one BM25 over headline and body.
//!
//! The body is indexed once, unstemmed (`body_exact`): a stemmed copy was
//! over a quarter of all indexing CPU (issue #26). A stemmed word is
//! answered from the unstemmed words that share its stem: [`StemQuery`]
//! looks them up once per search in each segment's term dictionary
//! ([`variants`]: a range scan over the words starting with the stem's
//! first letters, [`scan_starts`], each stemmed in the stem's language),
//! adds the stem's own term, under which the index holds the words such a
//! scan misses ([`stem_term`]), and, for a bare word, the stemmed
//! headline's term.
//!
//! A word found by a scan counts only in the articles whose language
//! stems it to the query's stem (an English article's `economy` is not
//! the French stem `economy`), as in the stemmed copy, where each article's
//! words were stemmed in its language (`stem_union.rs`).
//!
//! The score is the one BM25 a stemmed copy of headline and body gave
//! (`all_text`, schema 16 and before): the term frequencies of every
//! variant summed, the headline's counted twice; the length the body's
//! plus twice the headline's; the document frequency the number of
//! articles with any of the terms, counted once per search over their
//! postings (Lucene's `SynonymQuery` takes the largest of the terms'
//! instead: cheaper, but not the stemmed copy's figure).

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::sync::{Arc, Mutex, OnceLock};

use tantivy::query::{
    Bm25StatisticsProvider, Bm25Weight, EmptyScorer, EnableScoring, Explanation, Query, Scorer,
    Weight,
};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::{
    DocId, DocSet, Score, Searcher, SearcherGeneration, SegmentReader, TantivyError, Term,
};

use super::stem_union::{
    language_bit, DocLanguages, StemScorer, TermPostings, Union, EVERY_LANGUAGE,
};
use crate::language::{script_of_word, Script, Stem};
use crate::schema::{scan_starts, stem_term, Fields, StemCache};

/// How many times the headline counts in a bare word's score: the stemmed
/// copy held it twice, as a modest boost inside one BM25.
const HEADLINE_WEIGHT: u32 = 2;

/// Matches the articles with a word that stems to one of `stems`: in the
/// body (`body_exact`, unstemmed), and in the stemmed headline when one is
/// given. See the module doc.
#[derive(Clone, Debug)]
pub struct StemQuery {
    /// The stemmed headline, for a bare word; `None` for `body:`.
    title: Option<Field>,
    /// The body's unstemmed words.
    body: Field,
    /// The articles' language codes (indexed: each code's articles).
    language: Field,
    /// The word's stems, one per language it could be in, each with the
    /// stemmer of its Latin words (other scripts have their own). All of
    /// them are one word: an article scores once, with the occurrences of
    /// every variant that its language stems to one of them.
    stems: Vec<(String, Stem)>,
    /// The terms looked up, for the index state they were looked up in: a
    /// search weighs its query more than once (counts, the page), and the
    /// lookup was most of a two-word search's time.
    looked: Lookup,
}

/// A [`StemQuery`]'s terms, for the index state they were looked up in.
type Lookup = Arc<Mutex<Option<(SearcherGeneration, Arc<Looked>)>>>;

/// The lookups of one search's stemmed words, shared by the queries that
/// ask for the same word (the query and its closest-matches form): each
/// word's terms are looked up once.
#[derive(Clone, Debug, Default)]
pub(crate) struct Lookups(Arc<Mutex<HashMap<LookupKey, Lookup>>>);

/// Whether the headline counts, and the word's stems.
type LookupKey = (bool, Vec<(String, Stem)>);

impl Lookups {
    /// The lookup of a word's `stems`, with or without the headline.
    fn of(&self, title: bool, stems: &[(String, Stem)]) -> Lookup {
        let mut all = self.0.lock().unwrap_or_else(|e| e.into_inner());
        Arc::clone(all.entry((title, stems.to_vec())).or_default())
    }
}

/// What a [`StemQuery`] looked up in an index.
#[derive(Debug)]
struct Looked {
    terms: Vec<StemTerm>,
    /// How many articles the word is in, once asked.
    doc_freq: OnceLock<u64>,
}

/// A term of a [`StemQuery`], how many times its occurrences count, and
/// the languages it counts in (`stem_union::language_bit`).
#[derive(Clone, Debug)]
struct StemTerm {
    term: Term,
    weight: u32,
    languages: u64,
}

impl StemQuery {
    /// A bare word: the stemmed headline and the body's unstemmed words,
    /// as one BM25 (`f.title`, `f.body_exact`, `f.language`).
    pub(crate) fn headline_and_body(
        f: &Fields,
        stems: &[(String, Stem)],
        lookups: &Lookups,
    ) -> Self {
        StemQuery {
            title: Some(f.title),
            body: f.body_exact,
            language: f.language,
            stems: stems.to_vec(),
            looked: lookups.of(true, stems),
        }
    }

    /// `body:word`: the body's unstemmed words alone.
    pub(crate) fn body(f: &Fields, stems: &[(String, Stem)], lookups: &Lookups) -> Self {
        StemQuery {
            title: None,
            body: f.body_exact,
            language: f.language,
            stems: stems.to_vec(),
            looked: lookups.of(false, stems),
        }
    }

    /// The terms in `searcher`'s index, looked up once per index state.
    fn looked(&self, searcher: &Searcher) -> tantivy::Result<Arc<Looked>> {
        let mut cached = self.looked.lock().unwrap_or_else(|e| e.into_inner());
        if let Some((generation, looked)) = cached.as_ref() {
            if generation == searcher.generation() {
                return Ok(Arc::clone(looked));
            }
        }
        let looked = Arc::new(Looked {
            terms: self.terms(searcher)?,
            doc_freq: OnceLock::new(),
        });
        *cached = Some((searcher.generation().clone(), Arc::clone(&looked)));
        Ok(looked)
    }

    /// The headline's stems, the body's variants (each in the languages
    /// that stem it to the word) and the body's stem terms.
    fn terms(&self, searcher: &Searcher) -> tantivy::Result<Vec<StemTerm>> {
        let mut title = BTreeSet::new();
        let mut body: BTreeMap<String, u64> = BTreeMap::new();
        for (stem, latin) in &self.stems {
            title.insert(stem.clone());
            for word in variants(searcher, self.body, stem, *latin)? {
                let languages = match script_of_word(&word) {
                    Script::Latin => language_bit(*latin),
                    _ => EVERY_LANGUAGE,
                };
                *body.entry(word).or_default() |= languages;
            }
            body.insert(stem_term(stem), EVERY_LANGUAGE);
        }
        let mut terms = Vec::with_capacity(title.len() + body.len());
        if let Some(field) = self.title {
            for stem in &title {
                terms.push(StemTerm {
                    term: Term::from_field_text(field, stem),
                    weight: HEADLINE_WEIGHT,
                    languages: EVERY_LANGUAGE,
                });
            }
        }
        for (word, languages) in body {
            terms.push(StemTerm {
                term: Term::from_field_text(self.body, &word),
                weight: 1,
                languages,
            });
        }
        Ok(terms)
    }
}

/// Every word of `field`, over all segments, that stems to `stem` (its
/// Latin words by `latin`) and starts with one of its [`scan_starts`].
pub fn variants(
    searcher: &Searcher,
    field: Field,
    stem: &str,
    latin: Stem,
) -> tantivy::Result<Vec<String>> {
    let mut stems = StemCache::default();
    let mut stemmed = String::new();
    let mut found = BTreeSet::new();
    // Words already stemmed (segments share most of their words).
    let mut seen: HashSet<Vec<u8>> = HashSet::new();
    for start in scan_starts(stem) {
        let mut upper = start.as_bytes().to_vec();
        upper.push(0xFF); // above every UTF-8 continuation of the start
        for segment in searcher.segment_readers() {
            let inverted = segment.inverted_index(field)?;
            let mut stream = inverted
                .terms()
                .range()
                .ge(&start)
                .lt(&upper)
                .into_stream()?;
            while stream.advance() {
                if !seen.insert(stream.key().to_vec()) {
                    continue;
                }
                let Ok(word) = std::str::from_utf8(stream.key()) else {
                    continue;
                };
                // The field's words are already lower-cased and folded.
                stemmed.clear();
                stemmed.push_str(word);
                stems.stem_as(&mut stemmed, latin);
                if stemmed == stem {
                    found.insert(word.to_string());
                }
            }
        }
    }
    Ok(found.into_iter().collect())
}

impl Query for StemQuery {
    fn weight(&self, enable_scoring: EnableScoring<'_>) -> tantivy::Result<Box<dyn Weight>> {
        let searcher = enable_scoring.searcher().ok_or_else(|| {
            TantivyError::InvalidArgument("a stemmed word needs the index's words".into())
        })?;
        let mut weight = StemWeight {
            looked: self.looked(searcher)?,
            title: self.title,
            body: self.body,
            language: self.language,
            bm25: None,
        };
        if enable_scoring.is_scoring_enabled() {
            weight.bm25 = Some(weight.bm25(searcher)?);
        }
        Ok(Box::new(weight))
    }
}

/// The [`StemQuery`]'s terms and statistics, for every segment.
struct StemWeight {
    looked: Arc<Looked>,
    title: Option<Field>,
    body: Field,
    /// The articles' language codes.
    language: Field,
    /// `None` when the search does not score.
    bm25: Option<Bm25Weight>,
}

impl StemWeight {
    /// The BM25 weight of the word over headline (counted twice) and body.
    fn bm25(&self, searcher: &Searcher) -> tantivy::Result<Bm25Weight> {
        let docs = searcher.total_num_docs()?;
        let mut tokens = searcher.total_num_tokens(self.body)?;
        if let Some(title) = self.title {
            tokens += u64::from(HEADLINE_WEIGHT) * searcher.total_num_tokens(title)?;
        }
        let df = self.doc_freq(searcher)?;
        let average = if docs == 0 {
            1.0
        } else {
            tokens as Score / docs as Score
        };
        Ok(Bm25Weight::for_one_term(
            df.min(docs),
            docs,
            average.max(1.0),
        ))
    }

    /// How many articles the word is in (deleted ones too, as tantivy's own
    /// document frequencies count them): what a stemmed field's one term
    /// for the stem counted.
    fn doc_freq(&self, searcher: &Searcher) -> tantivy::Result<u64> {
        if let Some(&df) = self.looked.doc_freq.get() {
            return Ok(df);
        }
        let terms = &self.looked.terms;
        let mut df = 0;
        let mut found = 0;
        for t in terms {
            let n = Bm25StatisticsProvider::doc_freq(searcher, &t.term)?;
            if n > 0 {
                found += 1;
                df = n;
            }
        }
        let one_everywhere = found == 1 && terms.iter().all(|t| t.languages == EVERY_LANGUAGE);
        if found > 1 || (found == 1 && !one_everywhere) {
            df = 0;
            for reader in searcher.segment_readers() {
                // Documents only: no frequencies decoded.
                if let Some(mut union) = self.union(reader, IndexRecordOption::Basic)? {
                    df += u64::from(union.count_including_deleted());
                }
            }
        }
        Ok(*self.looked.doc_freq.get_or_init(|| df))
    }

    /// The terms' postings in one segment (frequencies too as `record`
    /// says), `None` when none is in it.
    fn union(
        &self,
        reader: &SegmentReader,
        record: IndexRecordOption,
    ) -> tantivy::Result<Option<Union>> {
        let mut terms = Vec::with_capacity(self.looked.terms.len());
        for t in &self.looked.terms {
            let inverted = reader.inverted_index(t.term.field())?;
            if let Some(postings) = inverted.read_postings(&t.term, record)? {
                terms.push(TermPostings {
                    postings,
                    weight: t.weight,
                    languages: t.languages,
                });
            }
        }
        if terms.is_empty() {
            return Ok(None);
        }
        let languages = DocLanguages::of(reader, self.language)?;
        Ok(Some(Union::new(terms, languages)))
    }

    /// The scorer over one segment, `None` when no term is in it.
    fn stem_scorer(
        &self,
        reader: &SegmentReader,
        boost: Score,
    ) -> tantivy::Result<Option<StemScorer>> {
        let Some(union) = self.union(reader, IndexRecordOption::WithFreqs)? else {
            return Ok(None);
        };
        let title_norms = match self.title {
            Some(title) => Some(reader.get_fieldnorms_reader(title)?),
            None => None,
        };
        Ok(Some(StemScorer {
            union,
            title_norms,
            headline_weight: HEADLINE_WEIGHT,
            body_norms: reader.get_fieldnorms_reader(self.body)?,
            bm25: self.bm25.as_ref().map(|w| w.boost_by(boost)),
        }))
    }
}

impl Weight for StemWeight {
    fn scorer(&self, reader: &SegmentReader, boost: Score) -> tantivy::Result<Box<dyn Scorer>> {
        Ok(match self.stem_scorer(reader, boost)? {
            Some(s) => Box::new(s),
            None => Box::new(EmptyScorer),
        })
    }

    fn explain(&self, reader: &SegmentReader, doc: DocId) -> tantivy::Result<Explanation> {
        let not_found = || TantivyError::InvalidArgument(format!("document {doc} does not match"));
        let mut scorer = self.stem_scorer(reader, 1.0)?.ok_or_else(not_found)?;
        if scorer.seek(doc) != doc {
            return Err(not_found());
        }
        let (norm, tf) = scorer.norm_and_frequency();
        let mut e = Explanation::new("stem over headline (twice) and body", scorer.score());
        if let Some(bm25) = &scorer.bm25 {
            e.add_detail(bm25.explain(norm, tf));
        }
        Ok(e)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tantivy::collector::{Count, TopDocs};
    use tantivy::doc;

    /// An empty index in memory with the schema's fields and a writer.
    fn ram_index() -> (tantivy::Index, Fields, tantivy::IndexWriter) {
        let (schema, f) = crate::schema::build();
        let index = tantivy::Index::create_in_ram(schema);
        crate::schema::register_analyzers(&index);
        let w = index.writer(15_000_000).unwrap();
        (index, f, w)
    }

    #[test]
    fn finds_every_word_with_the_stem_in_every_segment() {
        let (index, f, mut w) = ram_index();
        w.add_document(doc!(f.body_exact => "She campaigned for years."))
            .unwrap();
        w.commit().unwrap();
        w.add_document(doc!(f.body_exact => "The campaigns, a camp and campaigning."))
            .unwrap();
        w.add_document(doc!(f.body_exact => "Happy people; happiness."))
            .unwrap();
        w.add_document(doc!(f.body_exact => "Nothing here; dying, e-mail."))
            .unwrap();
        w.commit().unwrap();
        let searcher = index.reader().unwrap().searcher();
        let en = Stem::English;
        assert_eq!(
            variants(&searcher, f.body_exact, "campaign", en).unwrap(),
            ["campaigned", "campaigning", "campaigns"]
        );
        assert_eq!(
            variants(&searcher, f.body_exact, "happi", en).unwrap(),
            ["happiness", "happy"]
        );
        let count = |stem: &str| {
            let q = StemQuery::body(&f, &[(stem.to_string(), en)], &Lookups::default());
            searcher.search(&q, &Count).unwrap()
        };
        assert_eq!(count("campaign"), 2);
        assert_eq!(count("zebra"), 0);
        // Found through the stems the index holds, not the scan.
        assert_eq!(count("die"), 1);
        assert_eq!(count("email"), 1);
    }

    #[test]
    fn scores_like_one_stemmed_field_with_the_headline_twice() {
        let (index, f, mut w) = ram_index();
        let long = "word ".repeat(40);
        for (title, body) in [
            ("Campaign news", format!("campaigns {long}")),
            ("Other news", format!("campaigns {long}")),
            ("Other news", format!("campaigns campaigning {long}")),
            ("Other news", long.clone()),
        ] {
            w.add_document(doc!(f.title => title, f.body_exact => body))
                .unwrap();
        }
        w.commit().unwrap();
        let searcher = index.reader().unwrap().searcher();
        let stems = vec![("campaign".to_string(), Stem::English)];
        let q = StemQuery::headline_and_body(&f, &stems, &Lookups::default());
        let top = searcher
            .search(&q, &TopDocs::with_limit(10).order_by_score())
            .unwrap();
        let order: Vec<u32> = top.iter().map(|(_, a)| a.doc_id).collect();
        // The headline counts twice, two variants count as two mentions.
        assert_eq!(order, [0, 2, 1]);
        let e = q
            .weight(EnableScoring::enabled_from_searcher(&searcher))
            .unwrap();
        let why = e.explain(searcher.segment_reader(0), 0).unwrap();
        assert!((why.value() - top[0].0).abs() < 1e-6);
        assert!(e.explain(searcher.segment_reader(0), 3).is_err());
    }

    #[test]
    fn a_variant_counts_in_the_articles_of_its_language_only() {
        let (index, f, mut w) = ram_index();
        w.add_document(doc!(f.body_exact => "The Hauser family.", f.language => "en"))
            .unwrap();
        w.add_document(doc!(f.body_exact => "Die Häuser der Stadt.", f.language => "de"))
            .unwrap();
        w.commit().unwrap();
        let searcher = index.reader().unwrap().searcher();
        let count = |stems: &[(&str, Stem)]| {
            let stems: Vec<_> = stems.iter().map(|(s, l)| (s.to_string(), *l)).collect();
            let q = StemQuery::body(&f, &stems, &Lookups::default());
            searcher.search(&q, &Count).unwrap()
        };
        // German stems `hauser` to `haus`; the English article's `Hauser`
        // is no German word.
        assert_eq!(count(&[("haus", Stem::German)]), 1);
        assert_eq!(count(&[("hauser", Stem::English)]), 1);
        assert_eq!(
            count(&[("hauser", Stem::English), ("haus", Stem::German)]),
            2
        );
    }
}
