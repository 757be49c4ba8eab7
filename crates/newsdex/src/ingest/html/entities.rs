//! Decoding the HTML entities that survive in text html5ever does not
//! read: JSON-LD strings and plain-text exports. Used by [`super::jsonld`]
//! and by the plain-text parser ([`crate::ingest::text`]).

/// Decodes the HTML entities JSON-LD writers (notably WordPress plugins)
/// leave in strings, and plain-text exports leave in their text (22 BBC
/// files write `Jos&#233;`): numeric ones and the common named ones.
pub fn decode_entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        let decoded = rest[1..]
            .find(';')
            .filter(|&end| end <= 10)
            .and_then(|end| {
                let name = &rest[1..1 + end];
                let ch = if let Some(num) = name.strip_prefix('#') {
                    let code = match num.strip_prefix(['x', 'X']) {
                        Some(hex) => u32::from_str_radix(hex, 16).ok(),
                        None => num.parse().ok(),
                    };
                    code.and_then(char::from_u32)
                } else {
                    match name {
                        "amp" => Some('&'),
                        "lt" => Some('<'),
                        "gt" => Some('>'),
                        "quot" => Some('"'),
                        "apos" => Some('\''),
                        "nbsp" => Some('\u{a0}'),
                        "rsquo" => Some('’'),
                        "lsquo" => Some('‘'),
                        "rdquo" => Some('”'),
                        "ldquo" => Some('“'),
                        "mdash" => Some('—'),
                        "ndash" => Some('–'),
                        "hellip" => Some('…'),
                        _ => None,
                    }
                };
                ch.map(|c| (c, end + 2))
            });
        match decoded {
            Some((c, len)) => {
                out.push(c);
                rest = &rest[len..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::html::tests::draft;

    #[test]
    fn entities_are_decoded() {
        assert_eq!(
            decode_entities("Rock &amp; roll&#8217;s &#x41; &bogus; & done"),
            "Rock & roll’s A &bogus; & done"
        );
        let d = draft("<html><body><article><p>Fish &amp; chips &mdash; 5&nbsp;&pound;</p></article></body></html>");
        assert_eq!(d.body, "Fish & chips — 5 £");
    }
}
