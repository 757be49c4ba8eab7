//! The near-duplicate signature of an article body: a MinHash sketch over
//! word shingles, and the LSH band keys that find candidates without
//! comparing every pair.
//!
//! Pure text in, numbers out: no tantivy, no file formats. The body is cut
//! into lower-cased runs of letters and digits (punctuation, case and
//! white space never make two copies differ), and every run of
//! [`SHINGLE`] consecutive words is hashed once. Each of the [`HASHES`]
//! slots keeps the smallest value of its own hash function over those
//! shingles; two bodies agree in a slot with probability equal to the
//! Jaccard similarity of their shingle sets, so the share of equal slots
//! estimates it ([`Sketch::similarity`]).
//!
//! Band keys: the slots in [`BANDS`] groups of [`ROWS`], each group hashed
//! to one key. Two bodies of similarity `s` share some key with
//! probability `1 - (1 - s^ROWS)^BANDS`: 0.64 at s = 0.5, 0.89 at 0.6,
//! 0.99 at 0.7, but 2e-6 at 0.05 (two reports of one event share a few
//! phrases, not whole runs of four words), so candidates stay few however
//! large the archive.

use xxhash_rust::xxh3::xxh3_64;

/// Words in one shingle.
pub const SHINGLE: usize = 4;
/// Slots of the sketch (hash functions).
pub const HASHES: usize = 64;
/// Slots hashed together into one band key.
pub const ROWS: usize = 4;
/// Band keys per article.
pub const BANDS: usize = HASHES / ROWS;
/// Bits of hash in a band key. Small keys share their high bytes, which
/// tantivy's term dictionary (an FST) stores once: full 64-bit keys made
/// building it a fifth of indexing time on the Reuters corpus. Two
/// different bands collide once in 16 million, so a million articles add
/// about one needless candidate each.
pub const BAND_KEY_BITS: u32 = 24;

/// The slot hash functions `(x ^ X) * M` (mod 2^32, `M` odd) of a
/// shingle's 32-bit hash `x`: each a permutation of the 32-bit values, and
/// their high bits, which decide a minimum, depend on every bit of `x`.
/// Drawn once from splitmix64; fixed forever, since sketches are stored in
/// the index. In 32-bit lanes over fixed-size arrays the compiler unrolls
/// and vectorises the loop ([`update`]): 64-bit products, one slot at a
/// time, cost 18 instructions a slot and a fifth of all indexing work.
const fn slot_constants() -> ([u32; HASHES], [u32; HASHES]) {
    let mut xor = [0u32; HASHES];
    let mut mul = [0u32; HASHES];
    let mut state: u64 = 0x6e65_7773_6465_7821; // "newsdex!"
    let mut i = 0;
    while i < HASHES {
        state = state.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = state;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^= z >> 31;
        xor[i] = z as u32;
        mul[i] = (z >> 32) as u32 | 1;
        i += 1;
    }
    (xor, mul)
}

const SLOTS: ([u32; HASHES], [u32; HASHES]) = slot_constants();

/// Lowers each slot's minimum to the shingle hash `x`'s value in it.
#[inline(always)]
fn update(mins: &mut [u32; HASHES], x: u32) {
    let (xor, mul) = (&SLOTS.0, &SLOTS.1);
    for i in 0..HASHES {
        let v = (x ^ xor[i]).wrapping_mul(mul[i]);
        mins[i] = mins[i].min(v);
    }
}

/// [`update`] for every shingle hash of `hashes`.
fn update_all(mins: &mut [u32; HASHES], hashes: &[u32]) {
    #[cfg(target_arch = "x86_64")]
    if std::arch::is_x86_feature_detected!("avx2") {
        // SAFETY: the CPU has AVX2, checked just above.
        unsafe { update_all_avx2(mins, hashes) };
        return;
    }
    hashes.iter().for_each(|&x| update(mins, x));
}

/// [`update_all`] compiled for AVX2, whose 32-bit multiply and unsigned
/// minimum take eight slots an instruction. The baseline x86-64 target
/// (SSE2) has neither: there the loop cost 350 instructions a shingle,
/// with AVX2 about 70.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
fn update_all_avx2(mins: &mut [u32; HASHES], hashes: &[u32]) {
    hashes.iter().for_each(|&x| update(mins, x));
}

/// The MinHash sketch of a body and its band keys.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sketch {
    /// Low 16 bits of each slot's minimum: what the index stores and
    /// [`Sketch::similarity`] compares. Two different minima agree in 16
    /// bits once in 65,536, which moves an estimate over 64 slots by
    /// 0.001 at most in expectation.
    pub slots: [u16; HASHES],
    /// Band keys (from the full 32-bit minima): the band's number, then
    /// [`BAND_KEY_BITS`] bits of the hash of its slots.
    pub bands: [u64; BANDS],
    /// Hash of the set of figures the text gives (words with a digit, and
    /// the number words `one` to `billion`), 0 for none: two copies of a
    /// story give the same figures, two issues of a daily price table or
    /// a weekly statistic do not.
    pub figures: u64,
    /// Words that are not figures: how much prose the text has.
    pub prose: u64,
}

impl Sketch {
    /// The sketch of an article's headline and body, or `None` when they
    /// have no word. Text shorter than one shingle is one shingle: only
    /// the same few words match it.
    ///
    /// The headline counts: on a story of 300 words a new headline changes
    /// a few shingles in a hundred, but two one-line wire items (`Qtly div
    /// 10 cts vs 10 cts prior`) differ only in the company their headline
    /// names.
    pub fn of(title: &str, body: &str) -> Option<Sketch> {
        let mut mins = [u32::MAX; HASHES];
        let mut window = [0u64; SHINGLE];
        let mut words = 0usize;
        // Order-free: a set, as a sum of mixed hashes of distinct figures.
        let mut figures: Vec<u64> = Vec::new();
        let mut prose = 0u64;
        // Shingle hashes first, then the slots in one pass (see
        // `update_all`).
        let mut hashes: Vec<u32> = Vec::with_capacity(body.len() / 5 + 8);
        let fold = |h: u64| (h ^ (h >> 32)) as u32;
        for_each_word(title, body, |w, figure| {
            if figure {
                figures.push(w);
            } else {
                prose += 1;
            }
            window[words % SHINGLE] = w;
            words += 1;
            if words >= SHINGLE {
                hashes.push(fold(shingle(&window, words)));
            }
        });
        if words == 0 {
            return None;
        }
        if words < SHINGLE {
            hashes.push(fold(shingle(&window, words)));
        }
        update_all(&mut mins, &hashes);
        let mut bands = [0u64; BANDS];
        for (i, band) in bands.iter_mut().enumerate() {
            let mut bytes = [0u8; 4 * ROWS + 1];
            bytes[0] = i as u8;
            for (r, m) in mins[i * ROWS..(i + 1) * ROWS].iter().enumerate() {
                bytes[1 + 4 * r..5 + 4 * r].copy_from_slice(&m.to_le_bytes());
            }
            *band = (i as u64) << BAND_KEY_BITS | xxh3_64(&bytes) & ((1 << BAND_KEY_BITS) - 1);
        }
        figures.sort_unstable();
        figures.dedup();
        let figures = figures.iter().fold(0u64, |acc, &f| {
            acc.wrapping_add(f.wrapping_mul(0x9e37_79b9_7f4a_7c15) ^ f)
        });
        Some(Sketch {
            slots: mins.map(|m| m as u16),
            bands,
            figures,
            prose,
        })
    }

    /// Estimated Jaccard similarity of the two bodies' shingle sets: the
    /// share of slots that agree, 0.0 to 1.0.
    pub fn similarity(&self, other: &Sketch) -> f32 {
        similarity(&self.slots, &other.slots)
    }

    /// [`Sketch::figures`] and [`Sketch::prose`] in one `u64`, as the index
    /// stores them: the hash's high 48 bits, the words (at most 65,535) in
    /// the low 16.
    pub fn facts(&self) -> u64 {
        (self.figures & !0xffff) | self.prose.min(0xffff)
    }

    /// The slots packed four to a `u64`, as the index stores them.
    pub fn pack(&self) -> [u64; HASHES / 4] {
        pack(&self.slots)
    }
}

/// [`Sketch::similarity`] of stored slots.
pub fn similarity(a: &[u16; HASHES], b: &[u16; HASHES]) -> f32 {
    let same = a.iter().zip(b).filter(|(x, y)| x == y).count();
    same as f32 / HASHES as f32
}

/// Slots packed four to a `u64` (little end first).
pub fn pack(slots: &[u16; HASHES]) -> [u64; HASHES / 4] {
    std::array::from_fn(|i| {
        slots[i * 4..i * 4 + 4]
            .iter()
            .rev()
            .fold(0u64, |acc, &s| (acc << 16) | u64::from(s))
    })
}

/// The slots of [`pack`]ed words.
pub fn unpack(words: &[u64; HASHES / 4]) -> [u16; HASHES] {
    std::array::from_fn(|i| (words[i / 4] >> (16 * (i % 4))) as u16)
}

/// Hash of the shingle ending at word `n` (1-based) held in the ring
/// `window`, order-sensitive.
fn shingle(window: &[u64; SHINGLE], n: usize) -> u64 {
    let k = n.min(SHINGLE);
    let mut h: u64 = k as u64;
    for j in 0..k {
        let w = window[(n - k + j) % SHINGLE];
        h = (h.rotate_left(23) ^ w).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    }
    h ^ (h >> 29)
}

/// Number words that count as figures (`six ships were waiting`).
const NUMBER_WORDS: [&str; 27] = [
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
    "thirty",
    "forty",
    "fifty",
    "hundred",
    "thousand",
    "million",
    "billion",
];

/// The finalizer of MurmurHash3: every output bit depends on every input
/// bit.
fn mix(mut h: u64) -> u64 {
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^= h >> 33;
    h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    h ^ (h >> 33)
}

/// Hash of a lower-cased word, one character at a time (FxHash steps; the
/// word is never built as a string).
#[derive(Clone, Copy)]
struct WordHash {
    h: u64,
    len: u32,
    digit: bool,
}

impl WordHash {
    const EMPTY: WordHash = WordHash {
        h: 0,
        len: 0,
        digit: false,
    };

    fn push(&mut self, c: char) {
        self.h = (self.h.rotate_left(5) ^ u64::from(c)).wrapping_mul(0x517c_c1b7_2722_0a95);
        self.len += 1;
        self.digit |= c.is_ascii_digit();
    }

    fn finish(self) -> u64 {
        mix(self.h ^ u64::from(self.len))
    }
}

/// Hashes of [`NUMBER_WORDS`], as [`WordHash::finish`] gives them.
fn number_words() -> &'static [u64; NUMBER_WORDS.len()] {
    static HASHES: std::sync::OnceLock<[u64; NUMBER_WORDS.len()]> = std::sync::OnceLock::new();
    HASHES.get_or_init(|| {
        std::array::from_fn(|i| {
            let mut w = WordHash::EMPTY;
            NUMBER_WORDS[i].chars().for_each(|c| w.push(c));
            w.finish()
        })
    })
}

/// Calls `f` with the hash of each lower-cased word (run of letters and
/// digits) of `title`, then of `body`, and whether it is a figure.
///
/// Built as a string and hashed with xxh3, with the number words looked up
/// by string, a word cost 400 instructions; hashed as it is read, under 100.
fn for_each_word(title: &str, body: &str, mut f: impl FnMut(u64, bool)) {
    let numbers = number_words();
    let mut flush = |w: &mut WordHash| {
        if w.len > 0 {
            let h = w.finish();
            let figure = w.digit || (3..=8).contains(&w.len) && numbers.contains(&h);
            f(h, figure);
            *w = WordHash::EMPTY;
        }
    };
    let mut word = WordHash::EMPTY;
    for text in [title, body] {
        for c in text.chars() {
            if c.is_ascii() {
                if c.is_ascii_alphanumeric() {
                    word.push(c.to_ascii_lowercase());
                } else {
                    flush(&mut word);
                }
            } else if c.is_alphanumeric() {
                c.to_lowercase().for_each(|l| word.push(l));
            } else {
                flush(&mut word);
            }
        }
        flush(&mut word);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const STORY: &str = "The chancellor set out plans on Wednesday to cut the \
        basic rate of income tax by a penny, paid for by higher duty on \
        tobacco and a freeze on public sector pay. Opposition parties said \
        the sums did not add up and that the cut would be reversed within a \
        year. Business groups welcomed the move but warned that the pay \
        freeze could make it harder to recruit nurses and teachers in the \
        south east, where house prices have risen fastest.";

    #[test]
    fn copies_agree_and_case_or_punctuation_never_matter() {
        let a = Sketch::of("", STORY).unwrap();
        let shouted = STORY.to_uppercase().replace(',', " ;");
        let b = Sketch::of("", &shouted).unwrap();
        assert_eq!(a, b);
        assert_eq!(a.similarity(&b), 1.0);
        assert_eq!(unpack(&a.pack()), a.slots);
    }

    #[test]
    fn small_edits_stay_close_and_other_stories_far() {
        let a = Sketch::of("", STORY).unwrap();
        let edited = STORY
            .replace("Wednesday", "Tuesday")
            .replace(" Business groups", " Advertisement\n\nBusiness groups");
        let b = Sketch::of("", &edited).unwrap();
        let s = a.similarity(&b);
        assert!(s > 0.6 && s < 1.0, "{s}");
        assert!(a.bands.iter().any(|k| b.bands.contains(k)));
        let other = Sketch::of(
            "",
            "The chancellor was asked on Wednesday about income tax and \
             said that tobacco duty would not rise this year, whatever the \
             opposition parties said about public sector pay and nurses.",
        )
        .unwrap();
        assert!(a.similarity(&other) < 0.15, "{}", a.similarity(&other));
    }

    #[test]
    fn a_headline_counts_for_little_but_figures_are_kept() {
        // Two notices with one body: the headline alone keeps them from
        // being identical (then dates and figures decide, `same_story`).
        let body = "Qtly div 10 cts vs 10 cts prior Pay April 1 Record March 15";
        let a = Sketch::of("ACME CORP SETS QUARTERLY", body).unwrap();
        let b = Sketch::of("ZENITH INC SETS QUARTERLY", body).unwrap();
        assert!(a.similarity(&b) < 1.0);
        assert_eq!(a.facts() >> 16, b.facts() >> 16, "same figures");
        assert_eq!(a.prose, 14, "headline and body words, figures left out");
        let c = Sketch::of(
            "ACME CORP SETS QUARTERLY",
            &body.replace("10 cts prior", "9 cts prior"),
        )
        .unwrap();
        assert_ne!(a.facts() >> 16, c.facts() >> 16, "a figure changed");
        // On a story of some length a new headline changes little.
        let long = STORY.repeat(3);
        let c = Sketch::of("Penny off income tax", &long).unwrap();
        let d = Sketch::of("Chancellor's budget gamble", &long).unwrap();
        assert!(c.similarity(&d) > 0.8, "{}", c.similarity(&d));
    }

    #[test]
    fn short_and_empty_bodies() {
        assert_eq!(Sketch::of("", " \n,. "), None);
        let a = Sketch::of("", "Shr 10 cts").unwrap();
        assert_eq!(a, Sketch::of("", "shr 10 cts.").unwrap());
        assert!(a.similarity(&Sketch::of("", "Shr 12 cts").unwrap()) < 0.1);
    }
}
