//! Giving each article its story as the index takes it in.
//!
//! An [`Assigner`] sees every article of a run on the writer's thread, in
//! the order they are added. It looks for the article's candidate copies
//! through its band keys, in two places: the index as last committed (the
//! `story_keys` postings, with each candidate's sketch and story read from
//! fast columns) and the articles added earlier in this run (a map of band
//! keys held in memory, since tantivy shows nothing before the commit).
//! The candidate most similar to the article, at [`SAME_STORY`](super::SAME_STORY) or more,
//! gives it its story; without one the article starts a story of its own.
//!
//! A story is a number, never rewritten: when its first member is deleted
//! the others keep it, and a changed file is sketched again, so it stays
//! only while it is still a copy.

use std::collections::HashMap;

use tantivy::columnar::Column;
use tantivy::schema::IndexRecordOption;
use tantivy::{DocId, DocSet, Searcher, SegmentReader, Term, TERMINATED};
use xxhash_rust::xxh3::Xxh3;

use super::{day_of, same_story, Pairing, SketchColumns};
use crate::article::Article;
use crate::error::{Error, Result};
use crate::hashing::FastMap;
use crate::schema::Fields;
use crate::sketch::{similarity, BANDS, BAND_KEY_BITS, HASHES};

// Band keys fit in the `u32`s of `Assigner::keys`.
const _: () = assert!((BANDS as u64) << BAND_KEY_BITS <= 1 << 32);

/// Candidates from the committed index verified per article, those
/// sharing the most band keys first. Copies share most keys; a template
/// (results tables, price reports) can make hundreds of articles share
/// one, and checking them all would make indexing quadratic in them.
const MAX_CANDIDATES: usize = 32;

/// The story of an article that starts one: a hash of its id and content,
/// so that a changed file that leaves its story does not take the old
/// number with it.
pub fn own_story(a: &Article) -> u64 {
    let mut h = Xxh3::new();
    h.update(a.id.as_bytes());
    h.update(b"\0");
    h.update(a.content_hash.as_bytes());
    // 0 means "not assigned".
    h.digest().max(1)
}

/// One segment of the index as last committed.
struct Segment {
    reader: SegmentReader,
    postings: std::sync::Arc<tantivy::InvertedIndexReader>,
    story: Column<u64>,
    date: Column<tantivy::DateTime>,
    facts: Column<u64>,
    sketch: SketchColumns,
}

impl Segment {
    /// What the assigner compares of the document `doc`, if it has a sketch.
    fn member(&self, doc: DocId) -> Option<Member> {
        Some(Member {
            story: self.story.first(doc)?,
            slots: self.sketch.slots(doc)?,
            day: self
                .date
                .first(doc)
                .map(|d| day_of(d.into_timestamp_secs())),
            facts: self.facts.first(doc).unwrap_or(0),
        })
    }
}

/// An article added earlier in this run.
struct Member {
    story: u64,
    slots: [u16; HASHES],
    day: Option<i64>,
    /// [`Sketch::facts`](crate::sketch::Sketch::facts).
    facts: u64,
}

/// Assigns stories to the articles of one indexing run.
pub struct Assigner {
    field: tantivy::schema::Field,
    old: Vec<Segment>,
    /// Band key → first article of this run with it. Keys fit in 32 bits
    /// (the band's number above [`BAND_KEY_BITS`] bits of hash): half the
    /// memory of a map of `u64`s, which for a million-article first run is
    /// 16 million entries.
    keys: FastMap<u32, u32>,
    members: Vec<Member>,
    /// Articles that joined a story (rather than starting one).
    pub joined: u64,
}

impl Assigner {
    /// An assigner over the index `committed` shows (`None`: an empty
    /// index, as in a first run or a rebuild).
    pub fn new(fields: &Fields, committed: Option<&Searcher>) -> Result<Assigner> {
        let mut old = Vec::new();
        for reader in committed.map_or(&[][..], |s| s.segment_readers()) {
            let fast = reader.fast_fields();
            old.push(Segment {
                postings: reader
                    .inverted_index(fields.story_keys)
                    .map_err(Error::from)?,
                story: fast.u64("story").map_err(Error::from)?,
                date: fast.date("date").map_err(Error::from)?,
                facts: fast.u64("story_facts").map_err(Error::from)?,
                sketch: SketchColumns::open(reader)?,
                reader: reader.clone(),
            });
        }
        Ok(Assigner {
            field: fields.story_keys,
            old,
            keys: FastMap::default(),
            members: Vec::new(),
            joined: 0,
        })
    }

    /// Sets `a.story`: the story of its most similar earlier copy, or a
    /// story of its own.
    pub fn assign(&mut self, a: &mut Article) -> Result<()> {
        let own = own_story(a);
        let Some(sketch) = &a.sketch else {
            a.story = own;
            return Ok(());
        };
        let day = a.date.map(|d| day_of(d.timestamp()));
        let mut best: Option<(f32, u64)> = None;
        let facts = sketch.facts();
        let mut consider = |sim: f32, other: &Member| {
            let same = same_story(Pairing::new(sim, (facts, day), (other.facts, other.day)));
            if same && best.is_none_or(|(s, _)| sim > s) {
                best = Some((sim, other.story));
            }
        };
        // Earlier in this run.
        let mut checked: Vec<u32> = Vec::new();
        for &key in &sketch.bands {
            if let Some(&m) = self.keys.get(&(key as u32)) {
                if !checked.contains(&m) {
                    checked.push(m);
                    let member = &self.members[m as usize];
                    consider(similarity(&sketch.slots, &member.slots), member);
                }
            }
        }
        // In the committed index.
        for seg in &self.old {
            let mut shared: HashMap<DocId, u8> = HashMap::new();
            for &key in &sketch.bands {
                let term = Term::from_field_u64(self.field, key);
                let Some(mut p) = seg
                    .postings
                    .read_postings(&term, IndexRecordOption::Basic)
                    .map_err(Error::engine_io)?
                else {
                    continue;
                };
                let mut doc = p.doc();
                while doc != TERMINATED {
                    if !seg.reader.is_deleted(doc) {
                        *shared.entry(doc).or_default() += 1;
                    }
                    doc = p.advance();
                }
            }
            let mut cands: Vec<(u8, DocId)> = shared.into_iter().map(|(d, n)| (n, d)).collect();
            cands.sort_unstable_by(|a, b| b.cmp(a));
            for &(_, doc) in cands.iter().take(MAX_CANDIDATES) {
                if let Some(other) = seg.member(doc) {
                    consider(similarity(&sketch.slots, &other.slots), &other);
                }
            }
        }
        a.story = match best {
            Some((_, story)) => {
                self.joined += 1;
                story
            }
            None => own,
        };
        let at = self.members.len() as u32;
        for &key in &sketch.bands {
            self.keys.entry(key as u32).or_insert(at);
        }
        self.members.push(Member {
            story: a.story,
            slots: sketch.slots,
            day,
            facts,
        });
        Ok(())
    }
}
