//! Turning a file's bytes into text.
//!
//! Archives mix UTF-8, UTF-16 with a byte-order mark, and legacy encodings:
//! Windows-1252 and Latin-1 in old Western files, GBK in Chinese
//! collections, Shift_JIS, EUC-KR, Big5, Windows-1251 and KOI8-R,
//! Windows-1256 ... Order of evidence: a BOM; a declared charset (an HTML
//! page's `<meta charset>` in the first 2 KB, an XML declaration's
//! `encoding=`); valid UTF-8; UTF-8 with a few stray bytes (a damaged or
//! concatenated file: the stray bytes become U+FFFD and the rest stays
//! right); else the encoding `chardetng` (Firefox's detector for unlabelled
//! text) finds likeliest, decoded by `encoding_rs`. A detected encoding
//! under which the text still reads badly (more than 5% of its non-ASCII
//! characters invalid) is an error naming it, never silently wrong text.
//! Files with NUL bytes that are not UTF-16 are binary and refused.

use chardetng::{EncodingDetector, Iso2022JpDetection, Utf8Detection};
use encoding_rs::{Encoding, UTF_8};

/// Text decoded from a file, with the encoding that was used.
#[derive(Debug)]
pub struct Decoded {
    /// The text, with any BOM removed.
    pub text: String,
    /// Name of the encoding used, e.g. `UTF-8` or `windows-1252`.
    pub encoding: &'static str,
    /// Whether the encoding was guessed from the bytes ([`detect`]) rather
    /// than given by a BOM, a declaration, or the text being UTF-8.
    pub detected: bool,
}

impl Decoded {
    fn given(text: String, enc: &'static Encoding) -> Decoded {
        Decoded {
            text,
            encoding: enc.name(),
            detected: false,
        }
    }
}

/// How much of a file the detector reads: enough for a confident guess,
/// bounded for multi-megabyte collections.
const DETECT_BYTES: usize = 4 << 20;

/// Fewer non-ASCII bytes than this in a file of unknown encoding may be
/// read as Windows-1252 whatever the detector guesses ([`reads_as_western`]):
/// a Cyrillic, Greek or Arabic text has that many in its first sentence.
const FEW_NON_ASCII: usize = 16;

/// Whether a few non-ASCII bytes all read, in Windows-1252, as characters
/// Western news uses (currency, quotes, dashes, accented letters).
fn reads_as_western(sample: &[u8]) -> bool {
    let non_ascii: Vec<u8> = sample.iter().copied().filter(|b| !b.is_ascii()).collect();
    if non_ascii.is_empty() || non_ascii.len() >= FEW_NON_ASCII {
        return false;
    }
    let (text, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(&non_ascii);
    text.chars().all(|c| {
        "£€’‘“”–—…•°©®™«»´·½¼¾".contains(c)
            || (('\u{c0}'..='\u{ff}').contains(&c) && c != '×' && c != '÷')
    })
}

/// Decodes `bytes`; `html` enables the `<meta charset>` sniff.
pub fn decode(bytes: &[u8], html: bool) -> Result<Decoded, String> {
    if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
        let (text, _) = enc.decode_without_bom_handling(&bytes[bom_len..]);
        return Ok(Decoded::given(text.into_owned(), enc));
    }
    let head = &bytes[..bytes.len().min(8192)];
    if head.contains(&0) {
        return Err("binary file (contains NUL bytes)".to_string());
    }
    // Valid UTF-8 with non-ASCII bytes is almost never another encoding by
    // accident, so it wins over a page's (often stale) charset declaration.
    let utf8 = std::str::from_utf8(bytes).ok();
    if utf8.is_none_or(str::is_ascii) {
        if let Some(enc) = declared_charset(&bytes[..bytes.len().min(2048)], html) {
            // A file that says UTF-8 but is not gets the fallback below.
            if enc != UTF_8 {
                let (text, _) = enc.decode_without_bom_handling(bytes);
                return Ok(Decoded::given(text.into_owned(), enc));
            }
        }
    }
    match utf8 {
        Some(s) => Ok(Decoded::given(s.to_string(), UTF_8)),
        None if mostly_utf8(bytes) => Ok(Decoded::given(
            String::from_utf8_lossy(bytes).into_owned(),
            UTF_8,
        )),
        None => detect(bytes),
    }
}

/// Decodes text that is not UTF-8 and says nothing of its encoding in the
/// encoding `chardetng` finds likeliest. `Err` names that encoding when
/// the text still reads badly in it: over 5% of its non-ASCII characters
/// are U+FFFD (byte sequences invalid in it) or C1 control characters
/// (which no text holds).
pub fn detect(bytes: &[u8]) -> Result<Decoded, String> {
    let sample = &bytes[..bytes.len().min(DETECT_BYTES)];
    let mut detector = EncodingDetector::new(Iso2022JpDetection::Deny);
    detector.feed(sample, true);
    let mut enc = detector.guess(None, Utf8Detection::Deny);
    // A few stray legacy bytes in English text (one `£` in a BBC story)
    // are too little evidence for a single-byte guess: chardetng may read
    // 0xA3 as ISO-8859-2's `Ł`. When every one of them reads as a common
    // Western character, such a file keeps the Western default it always
    // had; CJK guesses, and Polish or Czech text (whose `ą`, `ł` read as
    // `±`, `³`), keep the detector's.
    if enc.is_single_byte() && enc != encoding_rs::WINDOWS_1252 && reads_as_western(sample) {
        enc = encoding_rs::WINDOWS_1252;
    }
    let (text, _) = enc.decode_without_bom_handling(bytes);
    let (mut non_ascii, mut bad) = (0usize, 0usize);
    for c in text.chars().filter(|c| !c.is_ascii()) {
        non_ascii += 1;
        bad += usize::from(c == '\u{fffd}' || ('\u{80}'..='\u{9f}').contains(&c));
    }
    if bad * 20 > non_ascii {
        return Err(format!(
            "not UTF-8 and no charset declared; read as {} (the likeliest encoding), \
             {bad} of its {non_ascii} non-ASCII characters are invalid",
            enc.name()
        ));
    }
    Ok(Decoded {
        text: text.into_owned(),
        encoding: enc.name(),
        detected: true,
    })
}

/// Whether invalid UTF-8 is really UTF-8 with some stray bytes: it has more
/// well-formed non-ASCII characters than broken sequences. Windows-1252 text
/// almost never forms a valid multi-byte sequence by accident (`Ã©`), so it
/// has none and fails this.
fn mostly_utf8(bytes: &[u8]) -> bool {
    let (mut good, mut bad) = (0usize, 0usize);
    for chunk in bytes.utf8_chunks() {
        good += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        bad += usize::from(!chunk.invalid().is_empty());
    }
    good > bad
}

/// The charset a file declares in its head: an HTML page's
/// `charset=NAME` (when `html`), or the `encoding="NAME"` of an XML
/// declaration opening the file (any format: TREC and export files are
/// XML-like).
fn declared_charset(head: &[u8], html: bool) -> Option<&'static Encoding> {
    if html {
        if let Some(enc) = sniff_label(head, b"charset=") {
            return Some(enc);
        }
    }
    let decl = head.strip_prefix(b"<?xml")?;
    let end = decl.windows(2).position(|w| w == b"?>")?;
    sniff_label(&decl[..end], b"encoding=")
}

/// The encoding named after `key` (`charset=NAME`, `encoding="NAME"`).
fn sniff_label(head: &[u8], key: &[u8]) -> Option<&'static Encoding> {
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    let pos = lower.windows(key.len()).position(|w| w == key)?;
    let rest = &lower[pos + key.len()..];
    let rest = rest
        .strip_prefix(b"\"")
        .or_else(|| rest.strip_prefix(b"'"))
        .unwrap_or(rest);
    let end = rest
        .iter()
        .position(|b| !(b.is_ascii_alphanumeric() || *b == b'-' || *b == b'_'))
        .unwrap_or(rest.len());
    Encoding::for_label(&rest[..end])
}

#[cfg(test)]
mod tests {
    #[test]
    fn one_pound_sign_stays_a_pound_sign() {
        // BBC sport/199.txt: English with one Windows-1252 byte (0xA3).
        let bytes = b"Chelsea sack Mutu\n\nA \xa315.8m signing from Parma in 2003.\n";
        let d = super::decode(bytes, false).unwrap();
        assert!(d.text.contains("\u{a3}15.8m"), "{}", d.text);
        assert_eq!(d.encoding, "windows-1252");
    }

    use super::*;

    #[test]
    fn utf8_passes_through() {
        let d = decode("café £1,400".as_bytes(), false).unwrap();
        assert_eq!(d.text, "café £1,400");
        assert_eq!(d.encoding, "UTF-8");
    }

    #[test]
    fn windows_1252_fallback() {
        // "café £1,400 “quoted”" in Windows-1252.
        let bytes = b"caf\xe9 \xa31,400 \x93quoted\x94";
        let d = decode(bytes, false).unwrap();
        assert_eq!(d.text, "café £1,400 “quoted”");
        assert_eq!(d.encoding, "windows-1252");
        assert!(d.detected);
    }

    #[test]
    fn utf8_with_a_stray_byte_stays_utf8() {
        let d = decode(b"caf\xc3\xa9 \xff na\xc3\xafve", false).unwrap();
        assert_eq!(d.text, "café \u{fffd} naïve");
        assert_eq!(d.encoding, "UTF-8");
    }

    #[test]
    fn utf16_with_bom() {
        let mut bytes = vec![0xFF, 0xFE];
        for u in "Hello £".encode_utf16() {
            bytes.extend_from_slice(&u.to_le_bytes());
        }
        assert_eq!(decode(&bytes, false).unwrap().text, "Hello £");
    }

    #[test]
    fn binary_is_refused() {
        assert!(decode(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR", false).is_err());
    }

    #[test]
    fn valid_utf8_beats_a_wrong_declaration() {
        let page = "<html><head><meta charset=\"gb2312\"></head><body>café</body></html>";
        let d = decode(page.as_bytes(), true).unwrap();
        assert!(d.text.contains("café"));
        assert_eq!(d.encoding, "UTF-8");
    }

    /// Each legacy encoding issue #23 names, written without a BOM or a
    /// declaration, comes back as the same text.
    #[test]
    fn legacy_encodings_are_detected() {
        let samples: &[(&str, &str, &str)] = &[
            ("GBK", "GBK", "公安机关销毁十余万非法枪支，跨国武器走私渐起。中广网唐山六月十二日消息，据中国之声报道，今天上午公安机关统一销毁非法枪爆物品。"),
            ("Big5", "Big5", "公安機關銷毀十餘萬非法槍支，跨國武器走私漸起。據中國之聲報道，今天上午公安機關統一銷毀非法槍爆物品。"),
            ("Shift_JIS", "Shift_JIS", "東京都は十二日、新型の防災計画を発表した。知事は記者会見で、地震への備えを強化すると述べた。"),
            ("EUC-KR", "EUC-KR", "서울시는 12일 새로운 방재 계획을 발표했다. 시장은 기자회견에서 지진 대비를 강화하겠다고 말했다."),
            ("windows-1251", "windows-1251", "Правительство Москвы объявило о новом плане защиты от наводнений. Мэр заявил журналистам, что работы начнутся весной."),
            // KOI8-U is KOI8-R with a few Ukrainian letters more.
            ("KOI8-R", "KOI8-U", "Правительство Москвы объявило о новом плане защиты от наводнений. Мэр заявил журналистам, что работы начнутся весной."),
            ("windows-1256", "windows-1256", "أعلنت الحكومة السعودية اليوم عن خطة جديدة لمواجهة الفيضانات، وقال الوزير إن العمل سيبدأ في الربيع."),
            // windows-1253 reads every ISO-8859-7 letter the same.
            ("ISO-8859-7", "windows-1253", "Η κυβέρνηση ανακοίνωσε σήμερα νέο σχέδιο για την αντιμετώπιση των πλημμυρών στην Αθήνα."),
            ("ISO-8859-2", "ISO-8859-2", "Rząd ogłosił dziś nowy plan ochrony przeciwpowodziowej. Minister powiedział, że prace zaczną się wiosną w Łodzi."),
        ];
        for (written, read, text) in samples {
            let enc = Encoding::for_label(written.as_bytes()).unwrap();
            let (bytes, _, unmappable) = enc.encode(text);
            assert!(!unmappable, "{written}");
            let d = decode(&bytes, false).unwrap();
            assert_eq!(d.text, *text, "{written}");
            assert_eq!(d.encoding, *read, "{written}");
            assert!(d.detected, "{written}");
        }
    }

    #[test]
    fn text_that_reads_badly_in_every_guess_is_an_error() {
        // Bytes Windows-1252 leaves undefined (C1 controls), between words.
        let bytes = b"x\x81\x8d\x8f\x90\x9d ".repeat(50);
        let err = decode(&bytes, false).unwrap_err();
        assert_eq!(
            err,
            "not UTF-8 and no charset declared; read as windows-1252 (the likeliest \
             encoding), 250 of its 250 non-ASCII characters are invalid"
        );
    }

    #[test]
    fn an_xml_declaration_is_a_declared_charset() {
        let (bytes, _, _) =
            encoding_rs::GBK.encode("<?xml version=\"1.0\" encoding=\"gb2312\"?><doc>新闻</doc>");
        let d = decode(&bytes, false).unwrap();
        assert!(d.text.ends_with("<doc>新闻</doc>"), "{}", d.text);
        assert_eq!((d.encoding, d.detected), ("GBK", false));
    }

    #[test]
    fn html_meta_charset_is_honoured() {
        let page = b"<html><head><meta charset=\"iso-8859-1\"></head><body>caf\xe9</body></html>";
        let d = decode(page, true).unwrap();
        assert!(d.text.contains("café"));
    }
}
