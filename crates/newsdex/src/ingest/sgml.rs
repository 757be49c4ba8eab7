//! Reuters-21578 SGML: many `<REUTERS ...>` records per file, each with a
//! `<DATE>`, category lists (`<TOPICS><D>cocoa</D></TOPICS>`) and a `<TEXT>`
//! holding `<TITLE>`, `<AUTHOR>`, `<DATELINE>` and `<BODY>`.
//!
//! Written by hand with plain string scanning rather than an SGML crate: the
//! markup is a fixed, shallow set of tags, the collection is 27 MB, and real
//! files break the DTD (records or bodies never closed), so the scanner is
//! lenient: a record ends at `</REUTERS>` or at the next `<REUTERS`, and an
//! element with no end tag ends where the next known tag starts.
//!
//! Text is cleaned the same way everywhere: `&lt;`-style and `&#NN;` entities
//! are decoded, control characters (the wire's `&#2;`, `&#3;`, `&#127;` ...)
//! dropped, the ` Reuter` / `REUTER` sign-off removed, and hard-wrapped lines
//! re-joined into paragraphs (a paragraph starts on an indented line),
//! separated by `\n\n`. The `<DATELINE>` (`SALVADOR, Feb 26 - `) is metadata
//! and never part of the body.

use super::{is_empty_record, ParsedFile, RecordProblem};
use crate::article::Draft;
use crate::dates;
use crate::text::collapse_ws;

/// Tags that may end an element whose own end tag is missing.
const TEXT_TAGS: &[&str] = &[
    "<TITLE",
    "</TITLE",
    "<AUTHOR",
    "</AUTHOR",
    "<DATELINE",
    "</DATELINE",
    "<BODY",
    "</BODY",
    "<TEXT",
    "</TEXT",
];

/// Parses every `<REUTERS>` record of one file.
pub fn parse(text: &str) -> Result<ParsedFile, String> {
    let starts = record_starts(text);
    if starts.is_empty() {
        return Err("no <REUTERS> records found".to_string());
    }
    let empty = "Reuters record with neither title nor body text";
    Ok(each_record(text, &starts, empty, |span| {
        let record = &text[span];
        let record = match record.find("</REUTERS>") {
            Some(end) => &record[..end],
            None => record,
        };
        parse_record(record)
    }))
}

/// The drafts of records starting at the byte offsets `starts` (in
/// order): `parse` gets each record's span, up to the next start, and
/// gives its draft, or `None` for a record reported with `empty` as the
/// reason. Each draft gets the line its record starts on. Shared with
/// the `<doc>` collections ([`super::trec`]).
pub(super) fn each_record(
    text: &str,
    starts: &[usize],
    empty: &str,
    mut parse: impl FnMut(std::ops::Range<usize>) -> Option<Draft>,
) -> ParsedFile {
    let mut parsed = ParsedFile::default();
    // Line numbers are counted incrementally so the whole file is scanned
    // once, not once per record.
    let mut line = 1u64;
    let mut counted_to = 0;
    for (i, &start) in starts.iter().enumerate() {
        line += count_newlines(&text[counted_to..start]);
        counted_to = start;
        let limit = starts.get(i + 1).copied().unwrap_or(text.len());
        match parse(start..limit) {
            Some(mut draft) => {
                draft.line = line;
                parsed.drafts.push(draft);
            }
            None => parsed.problems.push(RecordProblem {
                line,
                reason: empty.to_string(),
            }),
        }
    }
    parsed
}

/// Byte offsets of every `<REUTERS` start tag (not `<REUTERSX`).
fn record_starts(text: &str) -> Vec<usize> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(pos) = text[from..].find("<REUTERS") {
        let at = from + pos;
        let after = text.as_bytes().get(at + "<REUTERS".len()).copied();
        if matches!(after, Some(b'>' | b' ' | b'\t' | b'\r' | b'\n') | None) {
            out.push(at);
        }
        from = at + "<REUTERS".len();
    }
    out
}

fn count_newlines(s: &str) -> u64 {
    s.bytes().filter(|&b| b == b'\n').count() as u64
}

/// One record (from `<REUTERS` to just before `</REUTERS>`) to a draft, or
/// `None` when it has neither a title nor body text.
fn parse_record(record: &str) -> Option<Draft> {
    let date = element(record, "DATE", &["<TOPICS", "<PLACES", "<TEXT"])
        .and_then(|d| dates::parse_date(&clean_inline(d)));
    // An article belongs to every topic it lists; the first is the one shown.
    let mut topics = element(record, "TOPICS", &["<PLACES", "<TEXT"])
        .map(categories)
        .unwrap_or_default()
        .into_iter();
    let section = topics.next();
    let places = element(
        record,
        "PLACES",
        &["<PEOPLE", "<ORGS", "<EXCHANGES", "<TEXT"],
    )
    .map(categories)
    .unwrap_or_default();

    let (text_attrs, text) = match open_tag(record, "TEXT") {
        Some((attrs, content_start)) => {
            let rest = &record[content_start..];
            let end = rest.find("</TEXT>").unwrap_or(rest.len());
            (attrs, &rest[..end])
        }
        None => ("", ""),
    };
    let kind = attr_value(text_attrs, "TYPE").unwrap_or("NORM");

    let title = element(text, "TITLE", TEXT_TAGS)
        .map(clean_inline)
        .filter(|t| !t.is_empty());
    let byline = element(text, "AUTHOR", TEXT_TAGS)
        .map(|a| clean_byline(&clean_inline(a)))
        .filter(|a| !a.is_empty());
    let body = if let Some(body) = element(text, "BODY", TEXT_TAGS) {
        clean_body(body)
    } else if kind.eq_ignore_ascii_case("BRIEF") {
        // A brief is a headline only; what follows it is filler such as
        // "Blah blah blah.", not text.
        String::new()
    } else {
        // UNPROC (and any other text without a BODY tag): the raw text is
        // the body, minus the elements that are metadata.
        clean_body(&strip_elements(text, &["TITLE", "AUTHOR", "DATELINE"]))
    };

    if is_empty_record(title.as_deref(), &body) {
        return None;
    }
    Some(Draft {
        title,
        body,
        date,
        byline,
        section,
        other_sections: topics.collect(),
        places,
        source: Some("Reuters".to_string()),
        url: None,
        line: 0,
        ..Draft::default()
    })
}

/// The `<D>` values of a category list (`<D>wheat</D><D>grain</D>`), in
/// order, cleaned, empty ones left out.
fn categories(list: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = list;
    while let Some(span) = find_element(rest, "D", &["<D>"]) {
        let value = clean_inline(&rest[span.start..span.end]);
        if !value.is_empty() {
            out.push(value);
        }
        // `close` is past the `<D>` just found: the loop always advances.
        rest = &rest[span.close..];
    }
    out
}

/// Finds `<NAME ...>` in `s`: returns its attribute text and the offset just
/// after the `>`. The name must be followed by `>` or white space, so
/// `<D>` does not match `<DATE>`.
fn open_tag<'a>(s: &'a str, name: &str) -> Option<(&'a str, usize)> {
    let mut from = 0;
    loop {
        let at = from + s[from..].find('<')?;
        let rest = &s[at + 1..];
        if let Some(after) = rest.strip_prefix(name) {
            match after.as_bytes().first() {
                Some(b'>') => return Some(("", at + 1 + name.len() + 1)),
                Some(b' ' | b'\t' | b'\r' | b'\n') => {
                    let close = after.find('>')?;
                    return Some((&after[..close], at + 1 + name.len() + close + 1));
                }
                _ => {}
            }
        }
        from = at + 1;
    }
}

/// Where an element sits in a string: `<NAME ...>` starts at `open`, its
/// content is `start..end`, and the element (end tag included) ends at `close`.
struct Span {
    open: usize,
    start: usize,
    end: usize,
    close: usize,
}

/// The first `<NAME>` element in `s`. Without its end tag, the content stops
/// at the first of `stops` (or the end of `s`). An end tag that comes after
/// one of `stops` belongs to a later element and does not count.
fn find_element(s: &str, name: &str, stops: &[&str]) -> Option<Span> {
    let (_, start) = open_tag(s, name)?;
    let open = s[..start].rfind('<')?;
    let rest = &s[start..];
    let end_tag = format!("</{name}>");
    let (end, close) = match rest.find(&end_tag) {
        Some(e) => match first_of(&rest[..e], stops, name) {
            Some(stop) => (stop, stop),
            None => (e, e + end_tag.len()),
        },
        None => {
            let stop = first_of(rest, stops, name).unwrap_or(rest.len());
            (stop, stop)
        }
    };
    Some(Span {
        open,
        start,
        end: start + end,
        close: start + close,
    })
}

/// The content of the first `<NAME>` element in `s` (see [`find_element`]).
fn element<'a>(s: &'a str, name: &str, stops: &[&str]) -> Option<&'a str> {
    find_element(s, name, stops).map(|sp| &s[sp.start..sp.end])
}

/// Offset of the first of `tags` in `s`, ignoring this element's own end
/// tag. One pass over the `<`s rather than one search per tag.
fn first_of(s: &str, tags: &[&str], name: &str) -> Option<usize> {
    s.match_indices('<').map(|(i, _)| i).find(|&i| {
        let rest = &s[i..];
        tags.iter()
            .any(|t| rest.starts_with(t) && !(t.starts_with("</") && &t[2..] == name))
    })
}

/// The value of `NAME="value"` in a start tag's attribute text.
fn attr_value<'a>(attrs: &'a str, name: &str) -> Option<&'a str> {
    let mut from = 0;
    while let Some(pos) = attrs[from..].find(name) {
        let at = from + pos;
        let before_ok = at == 0 || attrs.as_bytes()[at - 1].is_ascii_whitespace();
        let rest = attrs[at + name.len()..].trim_start();
        if before_ok {
            if let Some(value) = rest.strip_prefix('=') {
                let value = value.trim_start();
                return Some(match value.strip_prefix('"') {
                    Some(v) => &v[..v.find('"').unwrap_or(v.len())],
                    None => value.split_whitespace().next().unwrap_or(""),
                });
            }
        }
        from = at + name.len();
    }
    None
}

/// `s` with the first `<NAME>...</NAME>` element of each of `names` removed.
fn strip_elements(s: &str, names: &[&str]) -> String {
    let mut out = s.to_string();
    for name in names {
        if let Some(span) = find_element(&out, name, TEXT_TAGS) {
            out.replace_range(span.open..span.close, "\n");
        }
    }
    out
}

/// Decodes the entities the collection uses (`&lt; &gt; &amp; &quot;` and
/// numeric references) and drops control characters other than line breaks
/// and tabs. `\r` goes too: line ends are `\n` from here on.
fn decode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(amp) = rest.find('&') {
        push_clean(&mut out, &rest[..amp]);
        rest = &rest[amp..];
        let semi = rest[..rest.len().min(12)].find(';');
        let decoded = semi.and_then(|semi| {
            let name = &rest[1..semi];
            let c = match name {
                "lt" => Some('<'),
                "gt" => Some('>'),
                "amp" => Some('&'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                _ => name
                    .strip_prefix('#')
                    .and_then(|n| match n.strip_prefix(['x', 'X']) {
                        Some(hex) => u32::from_str_radix(hex, 16).ok(),
                        None => n.parse().ok(),
                    })
                    .and_then(char::from_u32),
            };
            c.map(|c| (c, semi + 1))
        });
        match decoded {
            Some((c, len)) => {
                push_clean(&mut out, c.encode_utf8(&mut [0; 4]));
                rest = &rest[len..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    push_clean(&mut out, rest);
    out
}

fn push_clean(out: &mut String, s: &str) {
    let mut rest = s;
    while let Some((i, c)) = rest
        .char_indices()
        .find(|&(_, c)| c.is_control() && c != '\n' && c != '\t')
    {
        out.push_str(&rest[..i]);
        rest = &rest[i + c.len_utf8()..];
    }
    out.push_str(rest);
}

/// A one-line value (title, date, topic, author): decoded, white space
/// collapsed.
pub(super) fn clean_inline(s: &str) -> String {
    collapse_ws(&decode(s))
}

/// `by Janie Gabbett, Reuters` to `Janie Gabbett`: the agency is the source,
/// not part of the author's name.
fn clean_byline(s: &str) -> String {
    let s = s.trim();
    let s = match s.get(..3) {
        Some(by) if by.eq_ignore_ascii_case("by ") => &s[3..],
        _ => s,
    };
    let s = s.trim();
    for suffix in [", Reuters", ", Reuter"] {
        let cut = s.len().saturating_sub(suffix.len());
        if s.get(cut..)
            .is_some_and(|tail| tail.eq_ignore_ascii_case(suffix))
        {
            return s[..cut].trim().to_string();
        }
    }
    s.to_string()
}

/// Body text: decoded, sign-off removed, wrapped lines re-joined.
pub(super) fn clean_body(raw: &str) -> String {
    let text = decode(raw);
    let mut lines: Vec<&str> = text
        .split('\n')
        // Some stories carry a visible carriage return, the two characters
        // `^M`, at line ends.
        .map(|l| l.trim_end().strip_suffix("^M").unwrap_or(l).trim_end())
        .collect();
    while lines.last().is_some_and(|l| l.trim().is_empty()) {
        lines.pop();
    }
    if let Some(last) = lines.last_mut() {
        *last = strip_sign_off(last);
    }
    paragraphs(&lines)
}

/// Removes the `Reuter` sign-off that ends wire stories: the whole last line
/// (`Reuter`, `REUTER...`), or its last word after a full stop
/// (`NIL. REUTER`). `he told Reuters.` is text and stays.
fn strip_sign_off(line: &str) -> &str {
    let trimmed = line.trim_end().trim_end_matches('.');
    let lower = trimmed.to_ascii_lowercase();
    for word in ["reuters", "reuter"] {
        if let Some(head) = lower.strip_suffix(word) {
            let head = &trimmed[..head.len()];
            let before = head.trim_end();
            if before.is_empty() {
                return "";
            }
            if head.len() > before.len() && before.ends_with('.') {
                return before;
            }
        }
    }
    line
}

/// Re-joins hard-wrapped lines. A paragraph starts on an indented line or
/// after a blank line; a line ending in a hyphen after a letter
/// (`English-` / `language`) joins the next without a space. The export
/// readers (`exports`) re-join their wrapped lines with it too.
pub(super) fn paragraphs(lines: &[&str]) -> String {
    let mut out: Vec<String> = Vec::new();
    let mut current = String::new();
    for line in lines {
        let starts_paragraph = line.starts_with([' ', '\t']);
        let line = line.trim();
        if line.is_empty() || starts_paragraph {
            if !current.is_empty() {
                out.push(std::mem::take(&mut current));
            }
            if line.is_empty() {
                continue;
            }
        }
        if !current.is_empty() && !ends_with_word_hyphen(&current) {
            current.push(' ');
        }
        current.push_str(line);
    }
    if !current.is_empty() {
        out.push(current);
    }
    out.join("\n\n")
}

fn ends_with_word_hyphen(s: &str) -> bool {
    let mut rev = s.chars().rev();
    rev.next() == Some('-') && rev.next().is_some_and(char::is_alphabetic)
}

#[cfg(test)]
mod tests {
    use super::*;

    const TWO: &str = r#"<!DOCTYPE lewis SYSTEM "lewis.dtd">
<REUTERS TOPICS="YES" LEWISSPLIT="TRAIN" CGISPLIT="TRAINING-SET" OLDID="5544" NEWID="1">
<DATE>26-FEB-1987 15:01:01.79</DATE>
<TOPICS><D>cocoa</D><D>coffee</D></TOPICS>
<PLACES><D>el-salvador</D></PLACES>
<UNKNOWN> 
&#5;&#5;&#5;C T
&#22;&#22;&#1;f0704&#31;reute
u f BC-BAHIA-COCOA-REVIEW   02-26 0105</UNKNOWN>
<TEXT>&#2;
<TITLE>STANDARD OIL &lt;SRD> TO FORM UNIT</TITLE>
<AUTHOR>    by Janie Gabbett, Reuters</AUTHOR>
<DATELINE>    SALVADOR, Feb 26 - </DATELINE><BODY>Showers continued throughout the week in
the Bahia cocoa zone, said Smith &amp; Co.
    The dry period means the English-
language temporao will be late.
 Reuter
&#3;</BODY></TEXT>
</REUTERS>
<REUTERS TOPICS="NO" NEWID="2">
<DATE>26-FEB-1987 15:02:20.00</DATE>
<TOPICS></TOPICS>
<TEXT TYPE="BRIEF">&#2;
******<TITLE>ASSETS OF MONEY MARKET FUNDS ROSE
</TITLE>Blah blah blah.
&#3;

</TEXT>
</REUTERS>
"#;

    #[test]
    fn parses_normal_record_and_brief() {
        let p = parse(TWO).unwrap();
        assert!(p.problems.is_empty());
        assert_eq!(p.drafts.len(), 2);
        let a = &p.drafts[0];
        assert_eq!(a.line, 2);
        assert_eq!(a.title.as_deref(), Some("STANDARD OIL <SRD> TO FORM UNIT"));
        assert_eq!(
            a.body,
            "Showers continued throughout the week in the Bahia cocoa zone, said Smith & Co.\n\n\
             The dry period means the English-language temporao will be late."
        );
        assert_eq!(a.section.as_deref(), Some("cocoa"));
        assert_eq!(a.other_sections, vec!["coffee".to_string()]);
        assert_eq!(a.places, vec!["el-salvador".to_string()]);
        assert_eq!(a.source.as_deref(), Some("Reuters"));
        assert_eq!(a.byline.as_deref(), Some("Janie Gabbett"));
        assert_eq!(a.date.unwrap().to_rfc3339(), "1987-02-26T15:01:01+00:00");
        let b = &p.drafts[1];
        assert_eq!(b.line, 20);
        assert_eq!(
            b.title.as_deref(),
            Some("ASSETS OF MONEY MARKET FUNDS ROSE")
        );
        assert_eq!(b.body, "");
        assert_eq!(b.section, None);
        assert!(b.other_sections.is_empty() && b.places.is_empty());
    }

    #[test]
    fn unclosed_body_and_record_do_not_lose_the_next_records() {
        let text = "<REUTERS NEWID=\"1\">\n<DATE>1-MAR-1987 10:00:00.00</DATE>\n\
            <TEXT>\n<TITLE>FIRST</TITLE>\n<BODY>Text with no end tag\nwrapped here.\n\
            </TEXT>\n</REUTERS>\n\
            <REUTERS NEWID=\"2\">\n<TEXT>\n<TITLE>SECOND</TITLE>\n<BODY>Never closed\n\
            <REUTERS NEWID=\"3\">\n<TEXT>\n<TITLE>THIRD</TITLE><BODY>Last &#127;one.&#3;</BODY>\
            </TEXT></REUTERS>";
        let p = parse(text).unwrap();
        let titles: Vec<_> = p
            .drafts
            .iter()
            .map(|d| d.title.as_deref().unwrap())
            .collect();
        assert_eq!(titles, ["FIRST", "SECOND", "THIRD"]);
        assert_eq!(p.drafts[0].body, "Text with no end tag wrapped here.");
        assert_eq!(p.drafts[1].body, "Never closed");
        assert_eq!(p.drafts[2].body, "Last one.");
        assert_eq!(
            p.drafts.iter().map(|d| d.line).collect::<Vec<_>>(),
            [1, 9, 13]
        );
    }

    #[test]
    fn unproc_text_is_the_body_and_empty_records_are_problems() {
        let text = "<REUTERS NEWID=\"1\">\n<TEXT TYPE=\"UNPROC\">&#2;\n\
            FEDERAL RESERVE WEEKLY REPORT\n    Two weeks ended Feb 25\n \
            Net free reserves....644 vs 1,337\n\n REUTER\n&#3;\n\n</TEXT>\n</REUTERS>\n\
            <REUTERS NEWID=\"2\">\n<TEXT>&#2;\n</TEXT>\n</REUTERS>\n";
        let p = parse(text).unwrap();
        assert_eq!(p.drafts.len(), 1);
        assert_eq!(p.drafts[0].title, None);
        assert_eq!(
            p.drafts[0].body,
            "FEDERAL RESERVE WEEKLY REPORT\n\nTwo weeks ended Feb 25\n\n\
             Net free reserves....644 vs 1,337"
        );
        assert_eq!(p.problems.len(), 1);
        assert_eq!(p.problems[0].line, 12);
    }

    #[test]
    fn sign_off_variants() {
        assert_eq!(strip_sign_off(" Reuter"), "");
        assert_eq!(strip_sign_off("REUTER..."), "");
        assert_eq!(strip_sign_off(" NIL. REUTER"), " NIL.");
        assert_eq!(strip_sign_off("he told Reuters."), "he told Reuters.");
        assert_eq!(clean_body("Total.\nREUTER...^M\n&#3;"), "Total.");
        assert_eq!(clean_byline("BY TED D'AFFLISIO, Reuter"), "TED D'AFFLISIO");
        assert_eq!(clean_byline("by Zoë"), "Zoë");
    }

    #[test]
    fn dates_with_trailing_wire_codes_still_parse() {
        let text = "<REUTERS>\n<DATE>5-MAR-1987 09:12:41.23&#9;&#9;&#9;C T</DATE>\n\
            <TEXT><TITLE>T</TITLE></TEXT></REUTERS>";
        let d = parse(text).unwrap().drafts[0].date.unwrap();
        assert_eq!(d.to_rfc3339(), "1987-03-05T09:12:41+00:00");
    }

    #[test]
    fn no_records_is_an_error() {
        assert_eq!(
            parse("<!DOCTYPE lewis>\nnothing").unwrap_err(),
            "no <REUTERS> records found"
        );
        assert!(parse("<REUTERSX>").is_err());
    }

    /// The real collection: 21,578 records in 22 files.
    #[test]
    fn real_reuters_collection() {
        let dir = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../../shared/corpora/reuters21578"
        );
        let Ok(entries) = std::fs::read_dir(dir) else {
            eprintln!("skipped: {dir} not found");
            return;
        };
        let mut paths: Vec<_> = entries
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|e| e == "sgm"))
            .collect();
        paths.sort();
        let (mut drafts, mut empty, mut problems, mut dated) = (0, 0, 0, 0);
        let started = std::time::Instant::now();
        let mut parse_time = std::time::Duration::ZERO;
        for path in &paths {
            let bytes = std::fs::read(path).unwrap();
            let text = String::from_utf8_lossy(&bytes);
            let t0 = std::time::Instant::now();
            let p = parse(&text).unwrap();
            parse_time += t0.elapsed();
            drafts += p.drafts.len();
            empty += p.drafts.iter().filter(|d| d.body.is_empty()).count();
            dated += p.drafts.iter().filter(|d| d.date.is_some()).count();
            problems += p.problems.len();
            for pr in &p.problems {
                eprintln!("{}:{}: {}", path.display(), pr.line, pr.reason);
            }
            let lines: Vec<&str> = text.lines().collect();
            for d in &p.drafts {
                assert!(lines[d.line as usize - 1].starts_with("<REUTERS "));
                assert!(!d.body.contains('\u{3}'), "{}", d.body);
                assert!(!d.body.contains("&lt;"), "{}", d.body);
            }
        }
        eprintln!(
            "{} files: {drafts} drafts, {empty} empty bodies, {dated} dated, {problems} problems, parse {parse_time:?} of {:?}",
            paths.len(),
            started.elapsed()
        );
        assert_eq!(paths.len(), 22);
        assert_eq!(drafts + problems, 21_578);
    }
}
