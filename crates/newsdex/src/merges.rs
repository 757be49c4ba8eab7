//! Which segments the index writer merges, and when.
//!
//! tantivy's merger reads the segments it merges through memory maps, and
//! every page it touches counts in the process's resident memory until the
//! merge ends. Its log merge policy merges a whole "level" of similar
//! segments at once (eight or more), and later levels again: on a
//! million-article run one merge mapped about 850 MB, on top of the
//! writer's own memory. [`BoundedMerges`] keeps tantivy's levels of
//! similar-sized segments but caps what one merge reads at
//! [`MAX_MERGE_DOCS`] articles, and a merged segment of at least half that
//! is final, so every article is rewritten about once.

use tantivy::index::SegmentMeta;
use tantivy::indexer::{MergeCandidate, MergePolicy};

/// The most articles (deleted ones included) one merge reads: about
/// 380 MB of index on news text. With the default `--memory` the writer
/// flushes segments of about 16,000 articles, which merge four at a time.
pub const MAX_MERGE_DOCS: u32 = 80_000;

/// The fewest segments worth merging while together they are small (as
/// tantivy's log policy): a few re-index runs of a handful of files each
/// add small segments that are not worth rewriting every time.
const MIN_SEGMENTS: usize = 8;

/// A segment more than this much smaller (in log2 of its articles) than
/// the largest of a level starts the next level (tantivy's log policy).
const LEVEL_LOG_SIZE: f64 = 0.75;

/// Segments under this many articles all count as this size for levels.
const MIN_LEVEL_DOCS: u32 = 10_000;

/// A segment with at least this share of its articles deleted is rewritten
/// even when it is large.
const DELETED_SHARE: f32 = 0.5;

/// Merges small segments in groups that read at most `max_docs` articles.
#[derive(Debug, Clone)]
pub struct BoundedMerges {
    max_docs: u32,
    min_segments: usize,
}

impl Default for BoundedMerges {
    fn default() -> Self {
        BoundedMerges {
            max_docs: MAX_MERGE_DOCS,
            min_segments: MIN_SEGMENTS,
        }
    }
}

impl MergePolicy for BoundedMerges {
    fn compute_merge_candidates(&self, segments: &[SegmentMeta]) -> Vec<MergeCandidate> {
        let sizes: Vec<(u32, u32)> = segments
            .iter()
            .map(|s| (s.max_doc(), s.num_deleted_docs()))
            .collect();
        self.plan(&sizes)
            .into_iter()
            .map(|group| MergeCandidate(group.into_iter().map(|i| segments[i].id()).collect()))
            .collect()
    }
}

impl BoundedMerges {
    /// The merges to start, as groups of indexes into `sizes`, which gives
    /// each segment's articles and deleted articles.
    fn plan(&self, sizes: &[(u32, u32)]) -> Vec<Vec<usize>> {
        let mut merges = Vec::new();
        let mut small: Vec<usize> = Vec::new();
        for (i, &(max_doc, deleted)) in sizes.iter().enumerate() {
            if max_doc < self.max_docs / 2 {
                small.push(i);
            } else if deleted as f32 >= DELETED_SHARE * max_doc as f32 {
                // Large, but mostly deleted: rewrite it alone.
                merges.push(vec![i]);
            }
        }
        // Levels of similar size, as in tantivy's log policy: a small
        // segment from a re-index run must not tip two large ones into a
        // merge that rewrites them for one segment less.
        small.sort_by_key(|&i| std::cmp::Reverse(sizes[i].0));
        let mut levels: Vec<Vec<usize>> = Vec::new();
        let mut top = f64::MAX;
        for i in small {
            let log = f64::from(sizes[i].0.max(MIN_LEVEL_DOCS)).log2();
            if levels.is_empty() || log < top - LEVEL_LOG_SIZE {
                top = log;
                levels.push(Vec::new());
            }
            levels.last_mut().expect("pushed").push(i);
        }
        for mut level in levels {
            // Smallest first, so groups fill up with the segments that
            // cost the most to keep apart.
            level.reverse();
            self.group(sizes, &level, &mut merges);
        }
        merges
    }

    /// Splits one level (ascending sizes) into merges of at most the cap.
    fn group(&self, sizes: &[(u32, u32)], level: &[usize], merges: &mut Vec<Vec<usize>>) {
        let mut group: Vec<usize> = Vec::new();
        let mut docs = 0u32;
        let mut close = |group: &mut Vec<usize>, docs: u32| {
            // Enough small segments, or a few that make a final one. Not
            // as soon as they reach half the cap: segments arrive one by
            // one, and waiting for three quarters makes fewer, fuller ones.
            if group.len() >= self.min_segments
                || (group.len() >= 2 && docs >= self.max_docs / 4 * 3)
            {
                merges.push(std::mem::take(group));
            }
            group.clear();
        };
        for &i in level {
            if docs + sizes[i].0 > self.max_docs {
                close(&mut group, docs);
                docs = 0;
            }
            docs += sizes[i].0;
            group.push(i);
        }
        close(&mut group, docs);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The sizes (articles) of the segments each merge reads, sorted.
    fn merges(sizes: &[(u32, u32)]) -> Vec<Vec<u32>> {
        let mut out: Vec<Vec<u32>> = BoundedMerges::default()
            .plan(sizes)
            .into_iter()
            .map(|g| {
                let mut s: Vec<u32> = g.into_iter().map(|i| sizes[i].0).collect();
                s.sort_unstable();
                s
            })
            .collect();
        out.sort();
        out
    }

    #[test]
    fn no_merge_reads_more_than_the_cap() {
        let sizes: Vec<(u32, u32)> = (0..40).map(|i| (9_000 + i * 100, 0)).collect();
        let groups = merges(&sizes);
        // All but the last few merge.
        assert!(groups.iter().map(Vec::len).sum::<usize>() > 40 - MIN_SEGMENTS);
        for g in &groups {
            let docs = g.iter().sum::<u32>();
            assert!(docs <= MAX_MERGE_DOCS, "{g:?}");
            assert!(
                g.len() >= MIN_SEGMENTS || docs >= MAX_MERGE_DOCS / 4 * 3,
                "{g:?}"
            );
        }
    }

    #[test]
    fn few_small_segments_wait_and_large_ones_are_final() {
        let seven: Vec<(u32, u32)> = (1..=7).rev().map(|i| (i * 100, 0)).collect();
        assert!(merges(&seven).is_empty());
        let eight = [seven, vec![(50, 0)]].concat();
        assert_eq!(
            merges(&eight),
            vec![vec![50, 100, 200, 300, 400, 500, 600, 700]]
        );
        // Final segments are never merged again, however many.
        assert!(merges(&[(MAX_MERGE_DOCS / 2, 0); 10]).is_empty());
    }

    #[test]
    fn two_middling_segments_merge_into_a_final_one() {
        let half = MAX_MERGE_DOCS / 2;
        assert_eq!(
            merges(&[(half - 10, 0), (half - 20, 0)]),
            vec![vec![half - 20, half - 10]]
        );
    }

    #[test]
    fn segments_flushed_one_by_one_merge_when_they_fill_a_final_one() {
        // The default writer flushes about 16,500 articles at a time.
        assert!(merges(&[(16_500, 0); 3]).is_empty());
        assert_eq!(merges(&[(16_500, 0); 4]), vec![vec![16_500; 4]]);
    }

    #[test]
    fn a_small_new_segment_does_not_tip_large_ones_into_a_merge() {
        // A full run of 60,000 articles, then a re-index of 600 files.
        assert!(merges(&[(27_000, 50), (27_500, 40), (3_000, 0), (2_700, 0), (600, 0)]).is_empty());
        // Eight small ones still merge, apart from the large.
        let mut sizes = vec![(27_000, 0), (27_500, 0)];
        sizes.extend([(600, 0); 8]);
        assert_eq!(merges(&sizes), vec![vec![600; 8]]);
    }

    #[test]
    fn a_mostly_deleted_segment_is_rewritten_alone() {
        let big = MAX_MERGE_DOCS;
        assert_eq!(merges(&[(big, big / 2)]), vec![vec![big]]);
        assert!(merges(&[(big, big / 4)]).is_empty());
    }
}
