//! Turning a file's bytes into text.
//!
//! Archives mix UTF-8, UTF-16 with a byte-order mark, and old files in
//! Windows-1252 or Latin-1. Order of evidence: a BOM; for HTML, a declared
//! charset in the first 2 KB; valid UTF-8; UTF-8 with a few stray bytes
//! (a damaged or concatenated file: the stray bytes become U+FFFD and the
//! rest stays right); else Windows-1252 (a superset of Latin-1's printable
//! range, and what "Latin-1" files usually really are).
//! Files with NUL bytes that are not UTF-16 are binary and refused.

use encoding_rs::{Encoding, UTF_8, WINDOWS_1252};

/// Text decoded from a file, with the encoding that was used.
#[derive(Debug)]
pub struct Decoded {
    /// The text, with any BOM removed.
    pub text: String,
    /// Name of the encoding used, e.g. `UTF-8` or `windows-1252`.
    pub encoding: &'static str,
}

/// Decodes `bytes`; `html` enables the `<meta charset>` sniff.
pub fn decode(bytes: &[u8], html: bool) -> Result<Decoded, String> {
    if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
        let (text, _) = enc.decode_without_bom_handling(&bytes[bom_len..]);
        return Ok(Decoded {
            text: text.into_owned(),
            encoding: enc.name(),
        });
    }
    let head = &bytes[..bytes.len().min(8192)];
    if head.contains(&0) {
        return Err("binary file (contains NUL bytes)".to_string());
    }
    // Valid UTF-8 with non-ASCII bytes is almost never another encoding by
    // accident, so it wins over a page's (often stale) charset declaration.
    let utf8 = std::str::from_utf8(bytes).ok();
    if html && utf8.is_none_or(str::is_ascii) {
        if let Some(enc) = sniff_meta_charset(&bytes[..bytes.len().min(2048)]) {
            // A page that says UTF-8 but is not gets the fallback below.
            if enc != UTF_8 {
                let (text, _) = enc.decode_without_bom_handling(bytes);
                return Ok(Decoded {
                    text: text.into_owned(),
                    encoding: enc.name(),
                });
            }
        }
    }
    match utf8 {
        Some(s) => Ok(Decoded {
            text: s.to_string(),
            encoding: UTF_8.name(),
        }),
        None if mostly_utf8(bytes) => Ok(Decoded {
            text: String::from_utf8_lossy(bytes).into_owned(),
            encoding: UTF_8.name(),
        }),
        None => {
            let (text, _) = WINDOWS_1252.decode_without_bom_handling(bytes);
            Ok(Decoded {
                text: text.into_owned(),
                encoding: WINDOWS_1252.name(),
            })
        }
    }
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

/// Finds `charset=NAME` in the head of an HTML page.
fn sniff_meta_charset(head: &[u8]) -> Option<&'static Encoding> {
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    let pos = lower.windows(8).position(|w| w == b"charset=")?;
    let rest = &lower[pos + 8..];
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

    #[test]
    fn html_meta_charset_is_honoured() {
        let page = b"<html><head><meta charset=\"iso-8859-1\"></head><body>caf\xe9</body></html>";
        let d = decode(page, true).unwrap();
        assert!(d.text.contains("café"));
    }
}
