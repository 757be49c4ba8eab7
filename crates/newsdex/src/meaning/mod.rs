//! Meaning vectors: where an article or a query sits among topics, so that
//! relaxed matching can prefer the article that is *about* what the user
//! describes: for `court tennis star`, a Wimbledon report that mentions
//! Centre Court over a fraud trial that says `court` three times.
//!
//! A shipped table (`words.bin`, made by `tools/meaning/make_table.py`; how
//! and from what is in `tools/meaning/README.md`) gives 56,574 English words
//! a 64-number vector and a weight (rare words weigh more). An article's
//! vector is the weighted sum of the vectors of its headline (twice) and
//! the first [`BODY_WORDS`] words of its body, scaled to length 1 and
//! rounded to signed bytes; a query's, the same over its words. Words the
//! table does not have (names, most numbers) add nothing. The cosine of the
//! two says how close the article is to the query's topic.
//!
//! Computed by the ingester beside the people (`Article::from_draft`),
//! stored by the index packed in eight u64 fast columns, read by search
//! for the candidates of a relaxed query only.

use std::sync::LazyLock;

use crate::hashing::FastMap;

/// Numbers in a vector.
pub const DIMS: usize = 64;

/// Body words that count towards an article's vector: the lead carries the
/// topic, and a bound keeps indexing cost flat for long articles. Measured
/// on the paraphrase set: 200 words did worse than 400; all words no better.
pub const BODY_WORDS: usize = 400;

/// An article's or a query's meaning: a direction in 64 dimensions, as
/// signed bytes. All zeros when none of its words is in the table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Meaning(pub [i8; DIMS]);

impl Default for Meaning {
    fn default() -> Meaning {
        Meaning([0; DIMS])
    }
}

/// Words (u64) a [`Meaning`] packs into for the index's fast columns.
pub const PACKED: usize = DIMS / 8;

impl Meaning {
    /// Whether no word of the text was in the table.
    pub fn is_empty(&self) -> bool {
        self.0.iter().all(|&x| x == 0)
    }

    /// Cosine similarity, from -1 to 1; 0 when either is empty.
    pub fn cosine(&self, other: &Meaning) -> f32 {
        let (mut dot, mut a, mut b) = (0i32, 0i32, 0i32);
        for (&x, &y) in self.0.iter().zip(other.0.iter()) {
            let (x, y) = (i32::from(x), i32::from(y));
            dot += x * y;
            a += x * x;
            b += y * y;
        }
        if a == 0 || b == 0 {
            return 0.0;
        }
        dot as f32 / ((a as f32).sqrt() * (b as f32).sqrt())
    }

    /// Packs eight bytes into each u64, little-endian.
    pub fn pack(&self) -> [u64; PACKED] {
        let mut out = [0u64; PACKED];
        for (i, chunk) in self.0.chunks_exact(8).enumerate() {
            let bytes: [u8; 8] = std::array::from_fn(|j| chunk[j] as u8);
            out[i] = u64::from_le_bytes(bytes);
        }
        out
    }

    /// The inverse of [`Meaning::pack`].
    pub fn unpack(words: [u64; PACKED]) -> Meaning {
        let mut out = [0i8; DIMS];
        for (i, w) in words.iter().enumerate() {
            for (j, b) in w.to_le_bytes().into_iter().enumerate() {
                out[i * 8 + j] = b as i8;
            }
        }
        Meaning(out)
    }
}

/// The shipped word table, used in place: checking the header is all the
/// set-up a search pays.
struct Table {
    /// Number of words.
    count: usize,
    /// `count` little-endian f32 weights.
    weights: &'static [u8],
    /// `DIMS` signed bytes per word.
    vectors: &'static [u8],
    /// `count + 1` little-endian u32 offsets into `words`.
    offsets: &'static [u8],
    /// The words, sorted, back to back.
    words: &'static [u8],
}

impl Table {
    fn weight(&self, row: usize) -> f32 {
        let b = &self.weights[row * 4..row * 4 + 4];
        f32::from_le_bytes([b[0], b[1], b[2], b[3]])
    }

    fn offset(&self, i: usize) -> usize {
        let b = &self.offsets[i * 4..i * 4 + 4];
        u32::from_le_bytes([b[0], b[1], b[2], b[3]]) as usize
    }

    fn word(&self, row: usize) -> &'static [u8] {
        &self.words[self.offset(row)..self.offset(row + 1)]
    }

    fn vector(&self, row: usize) -> &'static [u8] {
        &self.vectors[row * DIMS..(row + 1) * DIMS]
    }

    /// The row of a word, by binary search.
    fn find(&self, word: &str) -> Option<usize> {
        let (mut lo, mut hi) = (0, self.count);
        while lo < hi {
            let mid = (lo + hi) / 2;
            match self.word(mid).cmp(word.as_bytes()) {
                std::cmp::Ordering::Less => lo = mid + 1,
                std::cmp::Ordering::Greater => hi = mid,
                std::cmp::Ordering::Equal => return Some(mid),
            }
        }
        None
    }
}

static RAW: &[u8] = include_bytes!("words.bin");

static TABLE: LazyLock<Table> = LazyLock::new(|| parse(RAW).expect("words.bin is well formed"));

/// Word → row, for the many look-ups of indexing (a search's few words
/// use binary search, which needs nothing built).
static ROWS: LazyLock<FastMap<&'static str, u32>> = LazyLock::new(|| {
    let t = &*TABLE;
    (0..t.count)
        .filter_map(|row| {
            let word = std::str::from_utf8(t.word(row)).ok()?;
            Some((word, row as u32))
        })
        .collect()
});

/// Checks the header and splits the table into its parts.
fn parse(raw: &'static [u8]) -> Result<Table, &'static str> {
    let rest = raw.strip_prefix(b"NDXMEAN2").ok_or("bad magic")?;
    let u32_at = |i: usize| -> Result<usize, &'static str> {
        let b = rest.get(i..i + 4).ok_or("truncated header")?;
        Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]) as usize)
    };
    if u32_at(0)? != DIMS {
        return Err("dimension mismatch");
    }
    let count = u32_at(4)?;
    let rest = &rest[8..];
    let (weights, rest) = rest.split_at_checked(count * 4).ok_or("truncated")?;
    let (vectors, rest) = rest.split_at_checked(count * DIMS).ok_or("truncated")?;
    let (offsets, words) = rest.split_at_checked((count + 1) * 4).ok_or("truncated")?;
    let table = Table {
        count,
        weights,
        vectors,
        offsets,
        words,
    };
    if table.offset(count) != words.len() {
        return Err("word offsets do not match the header");
    }
    Ok(table)
}

/// Sums weighted word vectors.
struct Sum([f32; DIMS]);

impl Sum {
    fn new() -> Sum {
        Sum([0.0; DIMS])
    }

    fn add(&mut self, table: &Table, row: usize) {
        let w = table.weight(row);
        for (acc, &x) in self.0.iter_mut().zip(table.vector(row)) {
            *acc += w * f32::from(x as i8);
        }
    }

    fn finish(&self) -> Meaning {
        let norm = self.0.iter().map(|x| x * x).sum::<f32>().sqrt();
        if norm == 0.0 {
            return Meaning::default();
        }
        Meaning(std::array::from_fn(|i| {
            (self.0[i] / norm * 127.0).round().clamp(-127.0, 127.0) as i8
        }))
    }
}

/// Calls `f` with each word of `text` (runs of letters and digits), lower
/// case and without accents, at most `limit` of them.
fn each_word(text: &str, limit: usize, mut f: impl FnMut(&str)) {
    if limit == 0 {
        return;
    }
    let mut word = String::new();
    let mut seen = 0;
    // A trailing space ends the last word.
    for c in text.chars().chain([' ']) {
        if c.is_ascii_alphanumeric() {
            word.push(c.to_ascii_lowercase());
            continue;
        }
        // Accented Latin letters fold into the word (`café` → `cafe`);
        // anything else, letters outside the table's alphabet included,
        // ends it, as the table's own splitting did.
        if !c.is_ascii() {
            if let Some(folded) = crate::text::fold_char(c) {
                if folded.bytes().all(|b| b.is_ascii_alphanumeric()) {
                    word.push_str(folded);
                    continue;
                }
            }
        }
        if !word.is_empty() {
            f(&word);
            word.clear();
            seen += 1;
            if seen >= limit {
                return;
            }
        }
    }
}

/// An article's meaning: its headline twice and the first [`BODY_WORDS`]
/// words of its body.
pub fn of_article(title: &str, body: &str) -> Meaning {
    let table = &*TABLE;
    let rows = &*ROWS;
    let mut sum = Sum::new();
    let mut add = |w: &str| {
        if let Some(&row) = rows.get(w) {
            sum.add(table, row as usize);
        }
    };
    for _ in 0..2 {
        each_word(title, usize::MAX, &mut add);
    }
    each_word(body, BODY_WORDS, &mut add);
    sum.finish()
}

/// A query's meaning, from its words as typed.
pub fn of_query<'a>(words: impl IntoIterator<Item = &'a str>) -> Meaning {
    let table = &*TABLE;
    let mut sum = Sum::new();
    for text in words {
        each_word(text, usize::MAX, |w| {
            if let Some(row) = table.find(w) {
                sum.add(table, row);
            }
        });
    }
    sum.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_table_is_well_formed() {
        let t = &*TABLE;
        assert!(t.count > 50_000);
        assert_eq!(t.weights.len(), t.count * 4);
        assert_eq!(t.vectors.len(), t.count * DIMS);
        // Sorted, distinct, folded words: binary search and the map agree.
        for row in 1..t.count {
            assert!(t.word(row - 1) < t.word(row), "row {row}");
        }
        for row in (0..t.count).step_by(97) {
            let word = std::str::from_utf8(t.word(row)).unwrap();
            assert!(word
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit()));
            assert_eq!(t.find(word), Some(row));
            assert_eq!(ROWS.get(word), Some(&(row as u32)));
        }
        assert_eq!(ROWS.len(), t.count);
        assert_eq!(t.find("zzzzzzzzzz"), None);
        assert_eq!(t.find(""), None);
        // Rare words weigh more than common ones.
        let w = |s: &str| t.weight(t.find(s).unwrap());
        assert!(
            w("the") < 0.1 && w("reinsurance") > 0.5,
            "{} {}",
            w("the"),
            w("reinsurance")
        );
        assert!(parse(b"NDXMEAN2").is_err());
        assert!(parse(b"NDXMEAN2\x40\0\0\0\xff\xff\0\0").is_err());
        assert!(parse(b"nonsense").is_err());
    }

    #[test]
    fn related_words_are_closer_than_unrelated_ones() {
        let q = |s: &str| of_query([s]);
        let resign = q("resign");
        assert!(resign.cosine(&q("quit")) > resign.cosine(&q("football")));
        let economy = q("economy");
        assert!(economy.cosine(&q("recession")) > economy.cosine(&q("guitar")));
    }

    #[test]
    fn articles_land_near_queries_about_them() {
        let football = of_article(
            "Striker signs for new club",
            "The forward scored twice in the league match and the manager praised his goals.",
        );
        let markets = of_article(
            "Shares fall on rate fears",
            "Stock markets dropped as investors worried the central bank would raise interest rates.",
        );
        let q = of_query(["footballer", "transfer"]);
        assert!(q.cosine(&football) > q.cosine(&markets));
        let q = of_query(["equities", "slump"]);
        assert!(q.cosine(&markets) > q.cosine(&football));
    }

    #[test]
    fn words_are_folded_and_bounded() {
        let mut seen = Vec::new();
        each_word("Café DÉJÀ-vu, naïve 2016 x", 4, |w| {
            seen.push(w.to_string())
        });
        assert_eq!(seen, ["cafe", "deja", "vu", "naive"]);
        assert!(of_query(["Zzyzx", "Qwghlm"]).is_empty());
        assert_eq!(of_query(["Zzyzx"]).cosine(&of_query(["economy"])), 0.0);
    }

    #[test]
    fn packing_round_trips() {
        let m = of_query(["election", "campaign"]);
        assert!(!m.is_empty());
        assert_eq!(Meaning::unpack(m.pack()), m);
        let n = Meaning(std::array::from_fn(|i| (i as i8).wrapping_mul(7)));
        assert_eq!(Meaning::unpack(n.pack()), n);
    }

    #[test]
    fn cosine_of_a_vector_with_itself_is_one() {
        let m = of_article("Budget", "The chancellor set out tax and spending plans.");
        assert!((m.cosine(&m) - 1.0).abs() < 1e-3);
    }
}
