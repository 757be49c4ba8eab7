//! Which writing system a character belongs to, as far as analysis cares:
//! the scripts with a stemmer of their own (Cyrillic, Greek, Arabic), the
//! scripts written without spaces between words, which are cut into
//! overlapping pairs of characters ([`is_bigrammed`]), and Latin.

/// A script, as analysis sees it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Script {
    /// Latin letters and digits: stemmed as the article's language says.
    Latin,
    /// Cyrillic: stemmed as Russian.
    Cyrillic,
    /// Greek: stemmed as Greek.
    Greek,
    /// Arabic script: normalised and stemmed as Arabic.
    Arabic,
    /// Chinese, Japanese, Korean, Thai and other scripts without spaces
    /// between words: cut into pairs of characters, never stemmed.
    Bigram,
    /// Anything else (Hebrew, Devanagari, ...): words as they are.
    Other,
}

/// The script of a character.
pub fn script_of(c: char) -> Script {
    match c as u32 {
        0..=0x24F | 0x1E00..=0x1EFF | 0xFF10..=0xFF19 | 0xFF21..=0xFF3A | 0xFF41..=0xFF5A => {
            Script::Latin
        }
        0x370..=0x3FF | 0x1F00..=0x1FFF => Script::Greek,
        0x400..=0x52F | 0x1C80..=0x1C8F | 0x2DE0..=0x2DFF | 0xA640..=0xA69F => Script::Cyrillic,
        0x600..=0x6FF | 0x750..=0x77F | 0x8A0..=0x8FF | 0xFB50..=0xFDFF | 0xFE70..=0xFEFF => {
            Script::Arabic
        }
        _ if is_bigrammed(c) => Script::Bigram,
        _ => Script::Other,
    }
}

/// Whether `c` belongs to a script written without spaces between words
/// (Han, Hiragana, Katakana, Hangul, Thai, Lao, Khmer, Myanmar), so that a
/// run of such characters is indexed as overlapping pairs, as Lucene's
/// CJK analyzer does. Marks and the iteration marks (`々`, `ー`) belong to
/// the run; the Katakana middle dot `・` and CJK punctuation do not.
#[inline]
pub fn is_bigrammed(c: char) -> bool {
    // Every letter below Thai is written with spaces: one comparison for
    // nearly every character of Latin, Cyrillic and Arabic text.
    if (c as u32) < 0x0E00 {
        return false;
    }
    matches!(c as u32,
        0x0E00..=0x0E7F // Thai
        | 0x0E80..=0x0EFF // Lao
        | 0x1000..=0x109F // Myanmar
        | 0x1100..=0x11FF // Hangul Jamo
        | 0x1780..=0x17FF // Khmer
        | 0x3005..=0x3007 // 々 〆 〇
        | 0x3041..=0x309F // Hiragana
        | 0x30A1..=0x30FA | 0x30FC..=0x30FF // Katakana without ・
        | 0x3105..=0x312F // Bopomofo
        | 0x3131..=0x318F // Hangul compatibility Jamo
        | 0x31F0..=0x31FF // Katakana phonetic extensions
        | 0x3400..=0x4DBF // CJK extension A
        | 0x4E00..=0x9FFF // CJK unified ideographs
        | 0xA960..=0xA97F // Hangul Jamo extended A
        | 0xAC00..=0xD7FF // Hangul syllables, Jamo extended B
        | 0xF900..=0xFAFF // CJK compatibility ideographs
        | 0xFF66..=0xFF9F // half-width Katakana
        | 0x20000..=0x323AF // CJK extensions B to H
    )
}

/// Whether the text has any character of a bigrammed script.
pub fn has_bigrammed(text: &str) -> bool {
    text.chars().any(is_bigrammed)
}

/// The script of a word: that of its first letter that is not a digit
/// (`2016年` is a Han word), else Latin.
pub fn script_of_word(word: &str) -> Script {
    word.chars()
        .find(|c| !c.is_ascii_digit())
        .map_or(Script::Latin, script_of)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scripts_of_news_letters() {
        assert_eq!(script_of('é'), Script::Latin);
        assert_eq!(script_of('ß'), Script::Latin);
        assert_eq!(script_of('ё'), Script::Cyrillic);
        assert_eq!(script_of('ا'), Script::Arabic);
        assert_eq!(script_of('λ'), Script::Greek);
        for c in ['经', '秋', 'の', 'メ', 'ー', '々', '한', 'ก'] {
            assert_eq!(script_of(c), Script::Bigram, "{c}");
        }
        for c in ['。', '、', '・', '「', 'א'] {
            assert!(!is_bigrammed(c), "{c}");
        }
        assert_eq!(script_of_word("2016年"), Script::Bigram);
        assert_eq!(script_of_word("2016"), Script::Latin);
    }
}
