//! Text helpers every layer uses: white space and letter folding. The
//! bottom layer: it imports nothing from the crate.

/// Collapses runs of white space to one space and trims the ends.
pub fn collapse_ws(s: &str) -> String {
    // Most strings (names, headlines) have nothing to collapse: copy them.
    if !s.contains(|c: char| c.is_whitespace() && c != ' ')
        && !s.contains("  ")
        && !s.starts_with(' ')
        && !s.ends_with(' ')
    {
        return s.to_string();
    }
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The unaccented lower-case form of common Latin letters with diacritics.
pub fn fold_char(c: char) -> Option<&'static str> {
    Some(match c {
        'À'..='Å' | 'à'..='å' | 'Ā'..='ą' => "a",
        'Æ' | 'æ' => "ae",
        'Ç' | 'ç' | 'Ć'..='č' => "c",
        'Ď'..='đ' => "d",
        'È'..='Ë' | 'è'..='ë' | 'Ē'..='ě' => "e",
        'Ĝ'..='ģ' => "g",
        'Ĥ'..='ħ' => "h",
        'Ì'..='Ï' | 'ì'..='ï' | 'Ĩ'..='ı' => "i",
        'Ĵ' | 'ĵ' => "j",
        'Ķ' | 'ķ' => "k",
        'Ĺ'..='ł' => "l",
        'Ñ' | 'ñ' | 'Ń'..='ň' => "n",
        'Ò'..='Ö' | 'Ø' | 'ò'..='ö' | 'ø' | 'Ō'..='ő' => "o",
        'Œ' | 'œ' => "oe",
        'Ŕ'..='ř' => "r",
        'Ś'..='š' | 'ß' => "s",
        'Ţ'..='ŧ' => "t",
        'Ù'..='Ü' | 'ù'..='ü' | 'Ũ'..='ų' => "u",
        'Ŵ' | 'ŵ' => "w",
        'Ý' | 'ý' | 'ÿ' | 'Ŷ' | 'ŷ' | 'Ÿ' => "y",
        'Ź'..='ž' => "z",
        '’' | '‘' => "'",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn collapse_ws_trims_and_joins() {
        assert_eq!(collapse_ws("  a \n\t b  "), "a b");
        assert_eq!(collapse_ws("a b"), "a b");
        assert_eq!(collapse_ws(" a"), "a");
        assert_eq!(collapse_ws("a "), "a");
        assert_eq!(collapse_ws(""), "");
    }

    #[test]
    fn fold_char_strips_accents() {
        assert_eq!(fold_char('é'), Some("e"));
        assert_eq!(fold_char('’'), Some("'"));
        assert_eq!(fold_char('x'), None);
    }
}
