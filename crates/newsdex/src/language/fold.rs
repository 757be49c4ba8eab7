//! Letters that one language writes in several ways, made one: Russian
//! `ё` as `е`; Arabic alef with hamza or madda as bare alef, alef maqsura
//! as yeh, taa marbuta as heh, without tatweel or short vowels (Lucene's
//! Arabic normalisation). Applied to every word, exact or stemmed, after
//! lower-casing, so `ارهاب` finds `إرهاب` and `елка` finds `ёлка`. Also the
//! Arabic prefixes a light stemmer strips (`و`, `ال`, `بال`, ...), and the
//! second spelling of German umlauts (`ue` for `ü`).

use std::borrow::Cow;

/// Whether `c` is a letter [`fold_word`] changes or drops.
fn folds(c: char) -> bool {
    matches!(
        c,
        'ё' | 'Ё'
        | '\u{0622}' | '\u{0623}' | '\u{0625}' | '\u{0671}' // alef forms
        | '\u{0649}' // alef maqsura
        | '\u{0629}' // taa marbuta
        | '\u{0640}' // tatweel
        | '\u{064B}'..='\u{065F}' | '\u{0670}' // short vowels, shadda, sukun
    )
}

/// The word with its letters folded (see the module doc); borrowed when
/// nothing changes, which is every ASCII word.
pub fn fold_word(word: &str) -> Cow<'_, str> {
    if word.is_ascii() || !word.chars().any(folds) {
        return Cow::Borrowed(word);
    }
    let mut out = String::with_capacity(word.len());
    for c in word.chars() {
        match c {
            'ё' => out.push('е'),
            'Ё' => out.push('Е'),
            '\u{0622}' | '\u{0623}' | '\u{0625}' | '\u{0671}' => out.push('\u{0627}'),
            '\u{0649}' => out.push('\u{064A}'),
            '\u{0629}' => out.push('\u{0647}'),
            '\u{0640}' | '\u{064B}'..='\u{065F}' | '\u{0670}' => {}
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// Arabic prefixes a light stemmer strips, longest first (Larkey's light10,
/// as Lucene's ArabicStemmer): the article `ال` with `و`, `ب`, `ك`, `ف`
/// before it, `لل`, and `و` alone.
const ARABIC_PREFIXES: &[&str] = &["وال", "بال", "كال", "فال", "لل", "ال"];

/// A folded Arabic word without its prefix: `والرياض` → `رياض`, while at
/// least two letters remain (`و` alone: while three remain).
pub fn strip_arabic_prefix(word: &str) -> &str {
    let letters = word.chars().count();
    for p in ARABIC_PREFIXES {
        if let Some(rest) = word.strip_prefix(p) {
            if letters - p.chars().count() >= 2 {
                return rest;
            }
        }
    }
    match word.strip_prefix('و') {
        Some(rest) if letters > 3 => rest,
        _ => word,
    }
}

/// A lower-case Latin word written with `ae`, `oe` or `ue` for an umlaut
/// (`fluechtling`), as the index holds its umlaut spelling once accents
/// are folded (`fluchtling`); `None` when it has none. `ue` after `q`
/// (`quelle`) and `ae`/`oe`/`ue` after another vowel (`feuer`) are not
/// umlauts. An extra spelling to search, never the only one: `aktuell`
/// gives `aktull` too, which matches nothing.
pub fn german_umlaut_form(word: &str) -> Option<String> {
    let b = word.as_bytes();
    let mut out = String::with_capacity(word.len());
    let mut changed = false;
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        let prev = i.checked_sub(1).map(|j| b[j]);
        let vowel_before = prev.is_some_and(|p| b"aeiouy".contains(&p)) || prev == Some(b'q');
        if matches!(c, b'a' | b'o' | b'u') && b.get(i + 1) == Some(&b'e') && !vowel_before {
            out.push(c as char);
            i += 2;
            changed = true;
            continue;
        }
        // Byte by byte is safe: only ASCII bytes are ever matched above.
        let ch = word[i..].chars().next().unwrap_or(' ');
        out.push(ch);
        i += ch.len_utf8();
    }
    changed.then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn russian_and_arabic_letters_fold() {
        assert_eq!(fold_word("ёлка"), "елка");
        assert_eq!(fold_word("إرهاب"), "ارهاب");
        assert_eq!(fold_word("الإرهاب"), "الارهاب");
        assert_eq!(fold_word("مدرسة"), "مدرسه");
        assert_eq!(fold_word("مُدَرِّسَة"), "مدرسه");
        assert_eq!(fold_word("الـسعودية"), "السعوديه");
        assert_eq!(fold_word("على"), "علي");
        assert!(matches!(fold_word("campaign"), Cow::Borrowed(_)));
        assert!(matches!(fold_word("москва"), Cow::Borrowed(_)));
    }

    #[test]
    fn arabic_prefixes_strip_while_a_word_remains() {
        assert_eq!(strip_arabic_prefix("والرياض"), "رياض");
        assert_eq!(strip_arabic_prefix("بالرياض"), "رياض");
        assert_eq!(strip_arabic_prefix("للرياض"), "رياض");
        assert_eq!(strip_arabic_prefix("الرياض"), "رياض");
        assert_eq!(strip_arabic_prefix("وزير"), "زير");
        assert_eq!(strip_arabic_prefix("ولد"), "ولد");
        assert_eq!(strip_arabic_prefix("الم"), "الم");
    }

    #[test]
    fn german_second_spellings_of_umlauts() {
        assert_eq!(
            german_umlaut_form("fluechtling").as_deref(),
            Some("fluchtling")
        );
        assert_eq!(german_umlaut_form("moeglich").as_deref(), Some("moglich"));
        assert_eq!(german_umlaut_form("quelle"), None);
        assert_eq!(german_umlaut_form("feuer"), None);
        assert_eq!(german_umlaut_form("ungarn"), None);
        assert_eq!(german_umlaut_form("oel").as_deref(), Some("ol"));
        assert_eq!(
            german_umlaut_form("uebersicht").as_deref(),
            Some("ubersicht")
        );
    }
}
