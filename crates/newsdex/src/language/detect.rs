//! The language of an article, detected from its text: plain English prose
//! by its function words, Japanese, Chinese and Korean by their letters'
//! share, everything else with whatlang (trigram profiles of 69 languages,
//! no model files, about a million instructions an article): the ISO 639-1
//! code of what it finds, or, when it is not sure, of what the script
//! alone tells. Used when the source does not name the language.

use whatlang::{Lang, Script as WScript};

/// How much of an article is read to detect its language: the headline
/// and the body's opening. On the five language corpora and BBC, every
/// article given a language from this much was given the right one
/// (`docs/LANGUAGES.md`); whatlang's cost grows with the text.
const DETECT_BYTES: usize = 1_000;

/// Fewest letters a Latin-script text needs for its language to be told:
/// below, an earnings table (`Shr 25 cts vs 20 cts`) reads as French.
const LATIN_LETTERS: usize = 150;

/// The ISO 639-1 code of the language `title` and `body` are written in,
/// `None` when the text is too short or mixed to tell.
pub fn detect(title: &str, body: &str) -> Option<&'static str> {
    let mut end = DETECT_BYTES.min(body.len());
    while !body.is_char_boundary(end) {
        end -= 1;
    }
    let opening = &body[..end];
    if reads_as_english(title, opening) {
        return Some("en");
    }
    let text = format!("{title}\n{opening}");
    if let Some(code) = east_asian(&text) {
        return Some(code);
    }
    let info = whatlang::detect(&text)?;
    if info.script() == WScript::Latin {
        // Latin-script languages share letters: only a reliable answer on
        // enough text (a table of figures reads as French or Latin).
        let letters = text.chars().filter(|c| c.is_alphabetic()).count();
        let lang = code(info.lang());
        if !info.is_reliable() || letters < LATIN_LETTERS || !reads_as_prose(&text, lang) {
            return None;
        }
        return Some(lang);
    }
    if info.is_reliable() || info.confidence() >= 0.5 {
        return Some(code(info.lang()));
    }
    match info.script() {
        WScript::Hangul => Some("ko"),
        WScript::Hiragana | WScript::Katakana => Some("ja"),
        WScript::Mandarin if text.chars().any(is_kana) => Some("ja"),
        WScript::Mandarin => Some("zh"),
        WScript::Arabic if info.lang() == Lang::Ara => Some("ar"),
        WScript::Greek => Some("el"),
        WScript::Hebrew => Some("he"),
        WScript::Thai => Some("th"),
        WScript::Georgian => Some("ka"),
        WScript::Armenian => Some("hy"),
        _ => None,
    }
}

/// Common function words of the Latin-script languages newsdex stems:
/// prose in a language has several of them in any thousand bytes, a table
/// of figures none.
const FUNCTION_WORDS: &[(&str, &[&str])] = &[
    (
        "en",
        &[
            "the", "of", "and", "to", "in", "is", "was", "for", "that", "with", "or", "on",
        ],
    ),
    (
        "de",
        &[
            "der", "die", "das", "und", "ist", "nicht", "mit", "den", "von", "zu", "sich", "auf",
        ],
    ),
    (
        "fr",
        &[
            "le", "la", "les", "des", "et", "est", "une", "un", "du", "que", "pour", "dans",
        ],
    ),
    (
        "es",
        &[
            "el", "la", "los", "las", "del", "y", "que", "en", "una", "por", "para", "con",
        ],
    ),
    (
        "it",
        &[
            "il", "la", "di", "che", "e", "del", "della", "un", "una", "per", "non", "sono",
        ],
    ),
    (
        "pt",
        &[
            "o", "os", "as", "do", "da", "que", "e", "em", "um", "uma", "para", "não",
        ],
    ),
    (
        "nl",
        &[
            "de", "het", "een", "van", "en", "is", "dat", "op", "te", "met", "niet", "zijn",
        ],
    ),
    (
        "sv",
        &[
            "och", "att", "det", "som", "en", "på", "är", "för", "med", "av", "inte", "har",
        ],
    ),
    (
        "da",
        &[
            "og", "at", "det", "som", "en", "på", "er", "for", "med", "af", "ikke", "har",
        ],
    ),
    (
        "no",
        &[
            "og", "at", "det", "som", "en", "på", "er", "for", "med", "av", "ikke", "har",
        ],
    ),
    (
        "fi",
        &[
            "ja", "on", "ei", "että", "se", "hän", "oli", "kun", "mutta", "myös",
        ],
    ),
    (
        "hu",
        &[
            "a", "az", "és", "hogy", "nem", "is", "egy", "van", "meg", "volt",
        ],
    ),
    (
        "ro",
        &[
            "și", "de", "la", "în", "cu", "pe", "nu", "care", "este", "din",
        ],
    ),
    (
        "tr",
        &[
            "ve", "bir", "bu", "da", "de", "için", "ile", "olarak", "olan", "çok",
        ],
    ),
];

/// Whether `text` reads as prose in `lang` (a Latin-script language): at
/// least three of its function words; for a language without a list, not
/// three of English's (`Note: net includes ... of investment in` is no
/// Catalan).
fn reads_as_prose(text: &str, lang: &str) -> bool {
    let count = |list: &[&str]| {
        text.split(|c: char| !c.is_alphabetic())
            .filter(|w| !w.is_empty() && list.iter().any(|f| w.eq_ignore_ascii_case(f)))
            .count()
    };
    match FUNCTION_WORDS.iter().find(|(l, _)| *l == lang) {
        Some((_, words)) => count(words) >= 3,
        None => count(FUNCTION_WORDS[0].1) < 3,
    }
}

/// Whether a lower- or upper-case ASCII word is an English function word
/// no other language writes often (the ambiguous ones, `in`, `is`, `on`,
/// `a`, `die`, `was` in German ..., are left out).
fn is_english_word(w: &[u8]) -> bool {
    let mut buf = [0u8; 5];
    let Some(lower) = buf.get_mut(..w.len()) else {
        return false;
    };
    for (l, b) in lower.iter_mut().zip(w) {
        *l = b.to_ascii_lowercase();
    }
    matches!(
        &*lower,
        b"the"
            | b"of"
            | b"and"
            | b"to"
            | b"that"
            | b"for"
            | b"with"
            | b"said"
            | b"from"
            | b"by"
            | b"has"
            | b"have"
            | b"are"
            | b"were"
            | b"his"
            | b"her"
            | b"their"
            | b"which"
            | b"it"
            | b"be"
            | b"this"
            | b"would"
            | b"will"
    )
}

/// Whether the text is plainly English prose: its letters nearly all ASCII,
/// and at least eight of its words, and one in eight, English function
/// words no other language uses often (`is_english_word`). Read until that
/// holds, usually within the first fifty words. English is most of most
/// archives, and this test costs a fraction of whatlang's (a million
/// instructions an article): on BBC, detection went from a quarter of all
/// indexing work to almost nothing.
fn reads_as_english(title: &str, opening: &str) -> bool {
    let (mut ascii, mut other, mut words, mut english) = (0usize, 0usize, 0usize, 0usize);
    for text in [title, opening] {
        let bytes = text.as_bytes();
        let mut start = None;
        for i in 0..=bytes.len() {
            let b = bytes.get(i).copied().unwrap_or(b' ');
            if b.is_ascii_alphabetic() {
                ascii += 1;
                start.get_or_insert(i);
                continue;
            }
            // The first byte of a character outside ASCII.
            if b >= 0xC0 {
                other += 1;
            }
            let Some(s) = start.take() else { continue };
            words += 1;
            if is_english_word(&bytes[s..i]) {
                english += 1;
                if english >= 8 && english * 8 >= words && other * 10 <= ascii {
                    return true;
                }
            }
        }
    }
    false
}

/// Japanese, Chinese or Korean by their letters' share of the text: one
/// of these characters says more than one Latin letter, and whatlang,
/// which goes by the most frequent script, takes a Japanese article
/// full of product names (`Android 4.0 ICS搭載「ARROWS Z」`) for English.
fn east_asian(text: &str) -> Option<&'static str> {
    let (mut kana, mut han, mut hangul, mut letters) = (0usize, 0usize, 0usize, 0usize);
    for c in text.chars().filter(|c| c.is_alphabetic()) {
        letters += 1;
        match c as u32 {
            0x3041..=0x30FF => kana += 1,
            0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF => han += 1,
            0xAC00..=0xD7AF | 0x1100..=0x11FF | 0x3131..=0x318F => hangul += 1,
            _ => {}
        }
    }
    let share = |n: usize| n * 5 >= letters && n > 0;
    if share(hangul) {
        Some("ko")
    } else if kana >= 5 && share(kana + han) {
        Some("ja")
    } else if share(han) {
        Some("zh")
    } else {
        None
    }
}

fn is_kana(c: char) -> bool {
    matches!(c as u32, 0x3041..=0x30FF)
}

/// The ISO 639-1 code of a whatlang language (639-3 where there is none).
fn code(lang: Lang) -> &'static str {
    match lang {
        Lang::Epo => "eo",
        Lang::Eng => "en",
        Lang::Rus => "ru",
        Lang::Cmn => "zh",
        Lang::Spa => "es",
        Lang::Por => "pt",
        Lang::Ita => "it",
        Lang::Ben => "bn",
        Lang::Fra => "fr",
        Lang::Deu => "de",
        Lang::Ukr => "uk",
        Lang::Kat => "ka",
        Lang::Ara => "ar",
        Lang::Hin => "hi",
        Lang::Jpn => "ja",
        Lang::Heb => "he",
        Lang::Yid => "yi",
        Lang::Pol => "pl",
        Lang::Amh => "am",
        Lang::Jav => "jv",
        Lang::Kor => "ko",
        Lang::Nob => "no",
        Lang::Dan => "da",
        Lang::Swe => "sv",
        Lang::Fin => "fi",
        Lang::Tur => "tr",
        Lang::Nld => "nl",
        Lang::Hun => "hu",
        Lang::Ces => "cs",
        Lang::Ell => "el",
        Lang::Bul => "bg",
        Lang::Bel => "be",
        Lang::Mar => "mr",
        Lang::Kan => "kn",
        Lang::Ron => "ro",
        Lang::Slv => "sl",
        Lang::Hrv => "hr",
        Lang::Srp => "sr",
        Lang::Mkd => "mk",
        Lang::Lit => "lt",
        Lang::Lav => "lv",
        Lang::Est => "et",
        Lang::Tam => "ta",
        Lang::Vie => "vi",
        Lang::Urd => "ur",
        Lang::Tha => "th",
        Lang::Guj => "gu",
        Lang::Uzb => "uz",
        Lang::Pan => "pa",
        Lang::Aze => "az",
        Lang::Ind => "id",
        Lang::Tel => "te",
        Lang::Pes => "fa",
        Lang::Mal => "ml",
        Lang::Ori => "or",
        Lang::Mya => "my",
        Lang::Nep => "ne",
        Lang::Sin => "si",
        Lang::Khm => "km",
        Lang::Tuk => "tk",
        Lang::Aka => "ak",
        Lang::Zul => "zu",
        Lang::Sna => "sn",
        Lang::Afr => "af",
        Lang::Lat => "la",
        Lang::Slk => "sk",
        Lang::Cat => "ca",
        Lang::Tgl => "tl",
        Lang::Hye => "hy",
        Lang::Cym => "cy",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn news_languages_are_told_apart() {
        let cases = [
            ("en", "Labour launches its election campaign", "The party leader said on Monday that the campaign would focus on schools and hospitals across the country."),
            ("de", "Regierung beschließt neue Regeln", "Die Regierung hat am Montag beschlossen, dass die Flüchtlinge an der Grenze zu Ungarn warten müssen."),
            ("ru", "Путин согласился", "Владимир Путин согласился занять пост премьер-министра, сообщили в понедельник в Москве."),
            ("ar", "الرياض", "أعلنت وزارة الداخلية في الرياض اليوم عن القبض على عدد من المطلوبين في قضايا الإرهاب."),
            ("ja", "秋山が金メダル", "秋山選手が決勝で勝ち、金メダルを獲得した。"),
            ("zh", "经济发展", "中国经济发展很快，公安部今天表示将继续打击犯罪。"),
            ("ko", "경제", "한국 경제가 빠르게 성장하고 있다고 정부가 밝혔다."),
        ];
        for (want, title, body) in cases {
            let body = format!("{body} {body}");
            assert_eq!(detect(title, &body), Some(want), "{title}");
        }
        assert_eq!(detect("", ""), None);
        let table = "Shr 25 cts vs 20 cts\n\nNet 801,000 vs 703,000\n\nRevs 6,2 mln vs 5,8 mln";
        assert_eq!(
            detect("IDB COMMUNICATIONS GROUP INC <IDBX> YEAR NET", table),
            None
        );
        let francs = "Parent Company net profit 12.8 mln Swiss francs vs 7.5 mln.\n\nOrders received 2.21 billion francs vs 2.61 billion.\n\nSales 2.25 billion francs vs 2.49 billion.\n\nGroup sales 13.83 billion francs vs 13.88";
        assert_eq!(
            detect("BBC AG BROWN BOVERI UND CIE <BBCZ.Z> 1986 YEAR", francs),
            None
        );
        // Product names in Latin letters do not make it English.
        let ja = "KDDI、au向けWiMAX対応Android 4.0 ICS搭載「ARROWS Z ISW13F」を発表！クアッドコアCPUや4.6インチHD液晶、おサイフ、ワンセグ、赤外線、防水・防塵などに対応";
        assert_eq!(detect("", ja), Some("ja"));
    }
}
