//! The postings side of a stemmed word (`stem_variants.rs`): one segment's
//! articles with any of the word's terms ([`Union`]), each term counted
//! only in the articles whose language stems it to the word, and their
//! BM25 over headline and body ([`StemScorer`]).

use tantivy::fieldnorm::FieldNormReader;
use tantivy::postings::{Postings, SegmentPostings};
use tantivy::query::{Bm25Weight, Scorer};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::{DocId, DocSet, Score, SegmentReader, TERMINATED};

use crate::language::{Stem, LATIN};

/// A term's languages when it counts in every article: the headline's
/// stems and the body's stem terms, stemmed as each article's language
/// stems, and words of scripts with a stemmer of their own.
pub(super) const EVERY_LANGUAGE: u64 = u64::MAX;

/// The bit of a Latin-script stemmer in a term's languages.
pub(super) fn language_bit(latin: Stem) -> u64 {
    1 << LATIN.iter().position(|(_, s)| *s == latin).unwrap_or(0)
}

/// Which stemmer each article of a segment stemmed its Latin words with:
/// its language's, English for English and for languages without one.
/// Read from the `language` field's postings: the articles of the
/// languages with a stemmer of their own, in order, visited by a cursor as
/// the union moves on (a column read per article was a tenth of a
/// two-word search).
pub(super) struct DocLanguages {
    /// The articles not stemmed as English, with their stemmer's bit.
    others: Vec<(DocId, u64)>,
    /// The first of `others` not before the union's article.
    at: usize,
}

impl DocLanguages {
    /// The segment's languages from its `field` (language codes); `None`
    /// when every article there is stemmed as English.
    pub(super) fn of(reader: &SegmentReader, field: Field) -> tantivy::Result<Option<Self>> {
        let inverted = reader.inverted_index(field)?;
        let mut codes = inverted.terms().stream()?;
        let mut others = Vec::new();
        while codes.advance() {
            let Some(stem) = std::str::from_utf8(codes.key()).ok().and_then(Stem::latin) else {
                continue;
            };
            if stem == Stem::English {
                continue;
            }
            let bit = language_bit(stem);
            let mut postings =
                inverted.read_postings_from_terminfo(codes.value(), IndexRecordOption::Basic)?;
            let mut doc = postings.doc();
            while doc != TERMINATED {
                others.push((doc, bit));
                doc = postings.advance();
            }
        }
        if others.is_empty() {
            return Ok(None);
        }
        others.sort_unstable();
        Ok(Some(DocLanguages { others, at: 0 }))
    }

    /// The stemmer bits of the segment's articles, English's always.
    fn present(&self) -> u64 {
        self.others
            .iter()
            .fold(language_bit(Stem::English), |bits, &(_, bit)| bits | bit)
    }

    /// The stemmer bit of `doc`, which is never before the last asked.
    fn bit(&mut self, doc: DocId) -> u64 {
        while self.others.get(self.at).is_some_and(|&(d, _)| d < doc) {
            self.at += 1;
        }
        match self.others.get(self.at) {
            Some(&(d, bit)) if d == doc => bit,
            _ => language_bit(Stem::English),
        }
    }
}

/// One term's postings in a segment, how many times its occurrences count
/// and the languages it counts in (bits of [`language_bit`]).
pub(super) struct TermPostings {
    pub(super) postings: SegmentPostings,
    pub(super) weight: u32,
    pub(super) languages: u64,
}

/// The articles of one segment with any of the terms that count in their
/// language.
pub(super) struct Union {
    terms: Vec<TermPostings>,
    doc: DocId,
    /// `None` when every term counts in every article.
    languages: Option<DocLanguages>,
}

impl Union {
    /// The union of `terms` (at least one), positioned on its first
    /// article.
    pub(super) fn new(terms: Vec<TermPostings>, languages: Option<DocLanguages>) -> Union {
        // No need to ask an article's language when every term counts in
        // every language the segment has.
        let languages = languages.filter(|l| {
            let present = l.present();
            terms.iter().any(|t| t.languages & present != present)
        });
        let doc = terms
            .iter()
            .map(|t| t.postings.doc())
            .min()
            .unwrap_or(TERMINATED);
        let mut union = Union {
            terms,
            doc,
            languages,
        };
        if !union.counts_here() {
            union.advance();
        }
        union
    }

    /// The languages that count in the current article.
    fn language_here(&mut self) -> u64 {
        match &mut self.languages {
            Some(l) => l.bit(self.doc),
            None => EVERY_LANGUAGE,
        }
    }

    /// Whether a term counts in the current article.
    fn counts_here(&mut self) -> bool {
        if self.doc == TERMINATED || self.languages.is_none() {
            return true;
        }
        let here = self.language_here();
        self.terms
            .iter()
            .any(|t| t.postings.doc() == self.doc && t.languages & here != 0)
    }

    /// The current article's occurrences of the terms, each times its
    /// weight.
    pub(super) fn frequency(&mut self) -> u32 {
        let here = self.language_here();
        self.terms
            .iter()
            .filter(|t| t.postings.doc() == self.doc && t.languages & here != 0)
            .fold(0u32, |n, t| {
                n.saturating_add(t.weight * t.postings.term_freq())
            })
    }

    /// Moves every term at the current article on; the next article any
    /// is on.
    fn step(&mut self) -> DocId {
        let current = self.doc;
        let mut next = TERMINATED;
        for t in &mut self.terms {
            let p = &mut t.postings;
            let d = if p.doc() == current {
                p.advance()
            } else {
                p.doc()
            };
            next = next.min(d);
        }
        self.doc = next;
        next
    }
}

impl DocSet for Union {
    fn advance(&mut self) -> DocId {
        loop {
            let doc = self.step();
            if self.counts_here() {
                return doc;
            }
        }
    }

    fn seek(&mut self, target: DocId) -> DocId {
        let mut next = TERMINATED;
        for t in &mut self.terms {
            let p = &mut t.postings;
            let d = if p.doc() < target {
                p.seek(target)
            } else {
                p.doc()
            };
            next = next.min(d);
        }
        self.doc = next;
        if self.counts_here() {
            next
        } else {
            self.advance()
        }
    }

    fn doc(&self) -> DocId {
        self.doc
    }

    fn size_hint(&self) -> u32 {
        self.terms
            .iter()
            .fold(0u32, |n, t| n.saturating_add(t.postings.size_hint()))
    }
}

/// The articles of one segment with any of the terms, and their BM25 over
/// the body and the headline counted `headline_weight` times.
pub(super) struct StemScorer {
    pub(super) union: Union,
    pub(super) title_norms: Option<FieldNormReader>,
    pub(super) headline_weight: u32,
    pub(super) body_norms: FieldNormReader,
    pub(super) bm25: Option<Bm25Weight>,
}

impl StemScorer {
    /// The current article's combined length (as a field norm id) and
    /// term frequency.
    pub(super) fn norm_and_frequency(&mut self) -> (u8, u32) {
        let doc = self.union.doc;
        let mut length = self.body_norms.fieldnorm(doc);
        if let Some(title) = &self.title_norms {
            length = length.saturating_add(self.headline_weight * title.fieldnorm(doc));
        }
        (
            FieldNormReader::fieldnorm_to_id(length),
            self.union.frequency(),
        )
    }
}

impl DocSet for StemScorer {
    fn advance(&mut self) -> DocId {
        self.union.advance()
    }

    fn seek(&mut self, target: DocId) -> DocId {
        self.union.seek(target)
    }

    fn doc(&self) -> DocId {
        self.union.doc
    }

    fn size_hint(&self) -> u32 {
        self.union.size_hint()
    }
}

impl Scorer for StemScorer {
    fn score(&mut self) -> Score {
        if self.bm25.is_none() {
            return 1.0;
        }
        let (norm, tf) = self.norm_and_frequency();
        self.bm25.as_ref().map_or(1.0, |bm25| bm25.score(norm, tf))
    }
}
