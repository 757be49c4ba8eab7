//! Stories: the copies of one news story, however many the archive holds.
//!
//! A wire story filed by several outlets, a page saved twice, an update
//! that changes two sentences and the headline: each is an article of its
//! own, and all share one *story*. At index time every body gets a MinHash
//! [`Sketch`](sketch::Sketch) over word shingles and its LSH band keys ([`sketch`]); the
//! [`Assigner`] finds an article's candidate copies through those keys
//! (never comparing all pairs) and gives it the story of the most similar
//! one at [`SAME_STORY`] or more. Search shows each story once at its
//! best-ranked member ([`collapse`], [`count`]); `newsdex duplicates`
//! lists the stories with copies ([`duplicates`]).
//!
//! The story is a number in a fast, indexed field; everything here reads
//! fast columns and postings, never the article files.

mod assign;
#[cfg(test)]
mod eval;

use std::collections::{HashMap, HashSet};
use std::sync::{Arc, Mutex};

use serde::Serialize;
use tantivy::collector::{Collector, DocSetCollector, SegmentCollector};
use tantivy::columnar::Column;
use tantivy::query::TermQuery;
use tantivy::schema::IndexRecordOption;
use tantivy::{
    DocAddress, DocId, Score, Searcher, SearcherGeneration, SegmentOrdinal, SegmentReader, Term,
};

pub use assign::{own_story, Assigner};

use crate::article::Article;
use crate::error::{Error, Result};
use crate::hashing::{FastMap, FastSet};
use crate::schema::{sketch_column, Fields, SKETCH_COLUMNS};
use crate::sketch::{self, HASHES};

/// Estimated share of shingles two bodies must have in common to be one
/// story. Copies with small edits, a new headline, furniture added or a
/// paragraph cut score 0.6 to 1.0; different reports of one event rarely
/// pass 0.1 (see `tests/data/stories/` and docs/STORIES.md).
pub const SAME_STORY: f32 = 0.5;

/// Most days between two dated copies that are not identical: an update
/// or another outlet's copy of a wire story comes within days.
pub const MAX_DAYS_APART: i64 = 3;

/// Below this many words of prose (figures not counted; the shorter of
/// two articles), an article is a brief: a results line, a price table, a
/// dividend notice.
pub const BRIEF_WORDS: u64 = 150;

/// What [`same_story`] weighs besides similarity.
#[derive(Debug, Clone, Copy)]
pub struct Pairing {
    /// Estimated similarity of the two texts.
    pub similarity: f32,
    /// Whether both give the same figures ([`Sketch::figures`](sketch::Sketch::figures), its high
    /// 48 bits as stored).
    pub same_figures: bool,
    /// Days between them, when both are dated.
    pub days_apart: Option<i64>,
    /// Words of prose in the shorter of the two ([`Sketch::prose`](sketch::Sketch::prose)).
    pub words: u64,
}

impl Pairing {
    /// The pairing of two articles from their estimated similarity and,
    /// for each, its stored facts ([`Sketch::facts`](sketch::Sketch::facts)) and day ([`day_of`]).
    pub fn new(similarity: f32, a: (u64, Option<i64>), b: (u64, Option<i64>)) -> Pairing {
        let ((facts_a, day_a), (facts_b, day_b)) = (a, b);
        Pairing {
            similarity,
            same_figures: facts_a >> 16 == facts_b >> 16,
            days_apart: day_a.zip(day_b).map(|(x, y)| x - y),
            words: (facts_a & 0xffff).min(facts_b & 0xffff),
        }
    }
}

/// Whether two articles are one story.
///
/// Identical texts are. Otherwise they must be similar enough and, when
/// both are dated, within [`MAX_DAYS_APART`]. Two dated briefs a day or
/// more apart must also give the same figures: the next issue of a price
/// table or weekly statistic (`FED ADDS RESERVES`, `FARMER-OWNED RESERVE`
/// prices) repeats its words with new figures, while an update or a
/// correction comes the same day, and a long story filed again the next
/// day keeps most of its words whatever figure it adds.
pub fn same_story(p: Pairing) -> bool {
    if p.similarity < SAME_STORY {
        return false;
    }
    if p.similarity >= 1.0 {
        return true;
    }
    match p.days_apart.map(i64::abs) {
        None => true,
        Some(d) => d <= MAX_DAYS_APART && (d == 0 || p.same_figures || p.words >= BRIEF_WORDS),
    }
}

/// Days since 1970 of a date, for [`same_story`].
pub fn day_of(seconds: i64) -> i64 {
    seconds.div_euclid(86_400)
}

/// Each segment's story column, opened once, to look up documents' stories.
pub struct Stories<'s> {
    searcher: &'s Searcher,
    columns: Vec<Option<Column<u64>>>,
}

impl<'s> Stories<'s> {
    /// The story columns of `searcher`'s segments.
    pub fn new(searcher: &'s Searcher) -> Stories<'s> {
        Stories {
            searcher,
            columns: vec![None; searcher.segment_readers().len()],
        }
    }

    /// The story of the document at `at` (its own address as a number when
    /// the column has none, so that it is never merged with another).
    pub fn of(&mut self, at: DocAddress) -> Result<u64> {
        let slot = &mut self.columns[at.segment_ord as usize];
        let column = match slot {
            Some(c) => c,
            None => {
                let reader = self.searcher.segment_reader(at.segment_ord);
                slot.insert(reader.fast_fields().u64("story").map_err(Error::from)?)
            }
        };
        // Every article this schema indexes has a story; a document without
        // one would stand alone, under its own address.
        Ok(column
            .first(at.doc_id)
            .unwrap_or(u64::from(at.segment_ord) << 32 | u64::from(at.doc_id)))
    }
}

/// Keeps the first document of each story in `ranked` (best first),
/// skipping stories already in `seen`, which it extends.
pub fn collapse<T>(
    stories: &mut Stories<'_>,
    ranked: impl IntoIterator<Item = (T, DocAddress)>,
    seen: &mut HashSet<u64>,
) -> Result<Vec<(T, DocAddress)>> {
    let mut out = Vec::new();
    for (score, at) in ranked {
        if seen.insert(stories.of(at)?) {
            out.push((score, at));
        }
    }
    Ok(out)
}

/// The number of stories among the documents `query` matches: by the
/// generation's story numbers when they are kept (a server, once anything
/// has counted people or stories over the archive), else by hashing each
/// match's story, which costs less than reading every document's story
/// for one search (a command-line process: 12M instructions on the 1x
/// corpus, a quarter of a whole `newsdex search`).
pub fn count(searcher: &Searcher, query: &dyn tantivy::query::Query) -> Result<usize> {
    Ok(count_both(searcher, query)?.1)
}

/// The documents `query` matches and the stories among them, counted in
/// one pass (as [`count`] counts stories).
pub fn count_both(
    searcher: &Searcher,
    query: &dyn tantivy::query::Query,
) -> Result<(usize, usize)> {
    use tantivy::collector::Count;
    if let Some(numbers) = kept_numbers(searcher) {
        let (n, seen) = searcher.search(query, &(Count, StoryCount(numbers)))?;
        return Ok((n, seen.iter().map(|w| w.count_ones() as usize).sum()));
    }
    let (n, seen) = searcher.search(query, &(Count, HashedStoryCount))?;
    Ok((n, seen.len()))
}

/// Collects the distinct stories of the matching documents by their story
/// ids, for a count without [`Numbers`].
struct HashedStoryCount;

/// [`HashedStoryCount`] in one segment.
struct HashedSegmentStories {
    column: Column<u64>,
    seen: FastSet<u64>,
}

impl Collector for HashedStoryCount {
    type Fruit = FastSet<u64>;
    type Child = HashedSegmentStories;

    fn for_segment(
        &self,
        _segment: SegmentOrdinal,
        reader: &SegmentReader,
    ) -> tantivy::Result<HashedSegmentStories> {
        Ok(HashedSegmentStories {
            column: reader.fast_fields().u64("story")?,
            seen: FastSet::default(),
        })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, fruits: Vec<FastSet<u64>>) -> tantivy::Result<FastSet<u64>> {
        let mut all = FastSet::default();
        for f in fruits {
            all.extend(f);
        }
        Ok(all)
    }
}

impl SegmentCollector for HashedSegmentStories {
    type Fruit = FastSet<u64>;

    fn collect(&mut self, doc: DocId, _score: Score) {
        if let Some(s) = self.column.first(doc) {
            self.seen.insert(s);
        }
    }

    fn harvest(self) -> FastSet<u64> {
        self.seen
    }
}

/// In [`Numbers`]: a document without a story.
pub const NO_STORY: u32 = u32::MAX;

/// Every document's story as a small number, by segment and doc id
/// ([`NO_STORY`] for none): what counting stories needs, read once per
/// index generation ([`numbers`]), so that a count marks bits where it
/// hashed the story of every match (a tenth of `the` on the 1x benchmark
/// corpus).
pub struct Numbers {
    /// By segment ordinal, by doc id.
    pub segments: Vec<Vec<u32>>,
    /// How many stories there are: the numbers are below it.
    pub stories: usize,
}

/// The [`Numbers`] of the last few index generations.
static NUMBERS: Mutex<Vec<(SearcherGeneration, Arc<Numbers>)>> = Mutex::new(Vec::new());

/// The story numbers of `searcher`'s generation if they are kept.
fn kept_numbers(searcher: &Searcher) -> Option<Arc<Numbers>> {
    let kept = NUMBERS.lock().unwrap_or_else(|e| e.into_inner());
    kept.iter()
        .find(|(g, _)| g == searcher.generation())
        .map(|(_, n)| n.clone())
}

/// The story numbers of `searcher`'s generation, read now if they are not
/// kept (the last four generations are: a server has one live index,
/// tests several small ones at once).
pub fn numbers(searcher: &Searcher) -> Result<Arc<Numbers>> {
    let mut kept = NUMBERS.lock().unwrap_or_else(|e| e.into_inner());
    if let Some((_, n)) = kept.iter().find(|(g, _)| g == searcher.generation()) {
        return Ok(n.clone());
    }
    let mut ids: FastMap<u64, u32> = FastMap::default();
    let mut segments = Vec::new();
    for segment in searcher.segment_readers() {
        let column = segment.fast_fields().u64("story").map_err(Error::from)?;
        segments.push(
            (0..segment.max_doc())
                .map(|doc| match column.first(doc) {
                    None => NO_STORY,
                    Some(story) => {
                        let next = ids.len() as u32;
                        *ids.entry(story).or_insert(next)
                    }
                })
                .collect(),
        );
    }
    let numbers = Arc::new(Numbers {
        segments,
        stories: ids.len(),
    });
    if kept.len() == 4 {
        kept.remove(0);
    }
    kept.push((searcher.generation().clone(), numbers.clone()));
    Ok(numbers)
}

/// Collects the distinct stories of the matching documents, as bits by
/// story number ([`Numbers`]); documents without a story count for none.
pub struct StoryCount(Arc<Numbers>);

/// [`StoryCount`] in one segment.
pub struct SegmentStories {
    numbers: Arc<Numbers>,
    segment: usize,
    seen: Vec<u64>,
}

impl Collector for StoryCount {
    type Fruit = Vec<u64>;
    type Child = SegmentStories;

    fn for_segment(
        &self,
        segment: SegmentOrdinal,
        _reader: &SegmentReader,
    ) -> tantivy::Result<SegmentStories> {
        Ok(SegmentStories {
            numbers: self.0.clone(),
            segment: segment as usize,
            seen: vec![0; self.0.stories.div_ceil(64)],
        })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, fruits: Vec<Vec<u64>>) -> tantivy::Result<Vec<u64>> {
        let mut all = vec![0u64; self.0.stories.div_ceil(64)];
        for f in fruits {
            for (a, b) in all.iter_mut().zip(f) {
                *a |= b;
            }
        }
        Ok(all)
    }
}

impl SegmentCollector for SegmentStories {
    type Fruit = Vec<u64>;

    fn collect(&mut self, doc: DocId, _score: Score) {
        let story = self.numbers.segments[self.segment][doc as usize];
        if story != NO_STORY {
            self.seen[story as usize / 64] |= 1 << (story % 64);
        }
    }

    fn harvest(self) -> Vec<u64> {
        self.seen
    }
}

/// Every live document of story `story`, in index order.
pub fn members(searcher: &Searcher, fields: &Fields, story: u64) -> Result<Vec<DocAddress>> {
    let q = TermQuery::new(
        Term::from_field_u64(fields.story, story),
        IndexRecordOption::Basic,
    );
    let mut docs: Vec<DocAddress> = searcher.search(&q, &DocSetCollector)?.into_iter().collect();
    docs.sort_unstable();
    Ok(docs)
}

/// The other live copies of the story of the document at `at`, in index
/// order: their stored fields, so a list of copies can tell them apart by
/// headline, source and date (the body is left empty to keep them light).
pub fn copies(
    searcher: &Searcher,
    fields: &Fields,
    stories: &mut Stories<'_>,
    at: DocAddress,
) -> Result<Vec<Article>> {
    let story = stories.of(at)?;
    let mut out = Vec::new();
    for other in members(searcher, fields, story)? {
        if other == at {
            continue;
        }
        let doc: tantivy::TantivyDocument = searcher.doc(other)?;
        let mut article = crate::schema::from_document(fields, &doc);
        article.body = String::new();
        out.push(article);
    }
    Ok(out)
}

/// A segment's MinHash sketch columns, opened once.
pub(crate) struct SketchColumns(Vec<Column<u64>>);

impl SketchColumns {
    /// The sketch columns of the segment `reader` reads.
    pub(crate) fn open(reader: &SegmentReader) -> Result<SketchColumns> {
        let fast = reader.fast_fields();
        let columns = (0..SKETCH_COLUMNS)
            .map(|i| fast.u64(&sketch_column(i)))
            .collect::<tantivy::Result<Vec<_>>>()
            .map_err(Error::from)?;
        Ok(SketchColumns(columns))
    }

    /// The stored slots of the document `doc`, if it has a sketch.
    pub(crate) fn slots(&self, doc: DocId) -> Option<[u16; HASHES]> {
        let mut packed = [0u64; SKETCH_COLUMNS];
        for (w, col) in packed.iter_mut().zip(&self.0) {
            *w = col.first(doc)?;
        }
        Some(sketch::unpack(&packed))
    }
}

/// One article of a story with copies.
#[derive(Debug, Clone, Serialize)]
pub struct StoryMember {
    /// Article id.
    pub id: String,
    /// Source path.
    pub path: String,
    /// 1-based line where it starts in its file.
    pub line: u64,
    /// Headline.
    pub title: String,
    /// Estimated similarity of its body to the first member's (1.0 for the
    /// first member itself and for exact copies).
    pub similarity: f32,
}

/// A story that has copies: its first member, then the others.
#[derive(Debug, Clone, Serialize)]
pub struct Group {
    /// The story number, in hex.
    pub story: String,
    /// The first member (the one that started the story while it is in
    /// the index, else the first by id) and its copies, most similar first.
    pub members: Vec<StoryMember>,
}

/// Every story with two or more live members whose copies are at least
/// `min_similarity` like its first member, largest first (ties by the
/// first member's id). Copies below `min_similarity` are left out, and a
/// story left with one member with them.
pub fn duplicates(searcher: &Searcher, fields: &Fields, min_similarity: f32) -> Result<Vec<Group>> {
    let mut by_story: HashMap<u64, Vec<DocAddress>> = HashMap::new();
    let mut sketches = Vec::new();
    for (ord, reader) in searcher.segment_readers().iter().enumerate() {
        sketches.push(SketchColumns::open(reader)?);
        let column = reader.fast_fields().u64("story").map_err(Error::from)?;
        for doc in reader.doc_ids_alive() {
            if let Some(s) = column.first(doc) {
                by_story
                    .entry(s)
                    .or_default()
                    .push(DocAddress::new(ord as SegmentOrdinal, doc));
            }
        }
    }
    let mut groups = Vec::new();
    for (story, docs) in by_story {
        if docs.len() < 2 {
            continue;
        }
        let mut arts = Vec::with_capacity(docs.len());
        for at in docs {
            let doc: tantivy::TantivyDocument = searcher.doc(at)?;
            arts.push((crate::schema::from_document(fields, &doc), at));
        }
        arts.sort_by(|(a, _), (b, _)| a.id.cmp(&b.id));
        let first = arts
            .iter()
            .position(|(a, _)| own_story(a) == story)
            .unwrap_or(0);
        let head = arts.remove(first);
        let slots_at = |at: DocAddress| sketches[at.segment_ord as usize].slots(at.doc_id);
        let head_slots = slots_at(head.1);
        let mut members = vec![copy_of(&head.0, 1.0)];
        let mut rest = Vec::new();
        for (a, at) in &arts {
            let sim = match (&head_slots, slots_at(*at)) {
                (Some(x), Some(y)) => sketch::similarity(x, &y),
                _ => f32::from(u8::from(a.content_hash == head.0.content_hash)),
            };
            if sim >= min_similarity {
                rest.push(copy_of(a, sim));
            }
        }
        if rest.is_empty() {
            continue;
        }
        rest.sort_by(|a, b| b.similarity.total_cmp(&a.similarity).then(a.id.cmp(&b.id)));
        members.extend(rest);
        groups.push(Group {
            story: format!("{story:016x}"),
            members,
        });
    }
    groups.sort_by(|a, b| {
        b.members
            .len()
            .cmp(&a.members.len())
            .then_with(|| a.members[0].id.cmp(&b.members[0].id))
    });
    Ok(groups)
}

fn copy_of(a: &crate::article::Article, similarity: f32) -> StoryMember {
    StoryMember {
        id: a.id.clone(),
        path: a.path.clone(),
        line: a.line,
        title: a.title.clone(),
        similarity,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A count gives the same number by hashing story ids (nothing kept
    /// yet: a command-line process) and by the kept story numbers (a
    /// server).
    #[test]
    fn a_count_is_the_same_with_or_without_the_kept_numbers() {
        let body = "Gordon Brown spoke to the party conference in Brighton about the economy.";
        let mut articles = vec![("politics", "Brown speech", body); 5];
        articles.push((
            "business",
            "Budget",
            "The budget cut tax for savers this year.",
        ));
        articles.push(("sport", "Final", "The cup final went to penalties."));
        let (index, _) = crate::testdata::ram_index(&articles);
        let s = index.reader().unwrap().searcher();
        let all = tantivy::query::AllQuery;
        assert!(kept_numbers(&s).is_none());
        let hashed = count(&s, &all).unwrap();
        numbers(&s).unwrap();
        assert!(kept_numbers(&s).is_some());
        assert_eq!((hashed, count(&s, &all).unwrap()), (3, 3));
    }
}
