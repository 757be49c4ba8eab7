//! TREC-style collections: many `<DOC>` (or `<doc>`) records per file, as
//! TREC, CLEF, NTCIR and SogouCA ship them, each a flat list of tagged
//! fields: `<DOCNO>`, `<HEADLINE>`, `<DATE>`, `<TEXT>` ... or SogouCA's
//! `<url>`, `<docno>`, `<contenttitle>`, `<content>`.
//!
//! Recognised by content, whatever the file is called (`.dat`, `.xml`,
//! `.sgml`, `la010189` with no extension): the first element is `<doc>`,
//! or a wrapper such as `<doclist>` whose first child is ([`looks_like`]).
//! Reuters-21578 (`<REUTERS>` records) has its own parser, [`super::sgml`],
//! whose cleaning of text this one shares.
//!
//! Fields come from the usual tags, case-insensitively: the headline from
//! `HEADLINE`, `TITLE`, `contenttitle`, `HEAD`, `HL`; the body from every
//! `LP` (lead paragraph), `TEXT`, `content` and `BODY` in order, with
//! `<P>` elements as paragraphs; the date from `DATE`, `DATE_TIME` or
//! `PUBDATE`, else from a date in the `URL`'s path (sohu's `/20120612/`);
//! the byline, section and publication from `BYLINE`/`AUTHOR`,
//! `SECTION`/`CATEGORY` and `SOURCE`/`PUB`. `DOCNO` is an identifier, never
//! the headline. Other tags (`FILEID`, `PROFILE`, `PAGE` ...) are skipped.

use super::fields::{byline_text, looks_like_url};
use super::sgml::{clean_body, clean_inline, each_record};
use super::{is_empty_record, ParsedFile};
use crate::article::Draft;
use crate::dates;

const TITLE_TAGS: &[&str] = &["headline", "title", "contenttitle", "head", "hl"];
const BODY_TAGS: &[&str] = &["lp", "text", "content", "body"];
const DATE_TAGS: &[&str] = &["date", "date_time", "pubdate"];
const BYLINE_TAGS: &[&str] = &["byline", "author"];
const SECTION_TAGS: &[&str] = &["section", "category"];
const SOURCE_TAGS: &[&str] = &["source", "pub", "publication"];
const URL_TAGS: &[&str] = &["url"];

/// Whether a file's head opens a `<doc>` collection: after any XML
/// declaration, comments and doctype, the first element is `<doc>`, or
/// the first child of the first element is.
pub fn looks_like(head: &str) -> bool {
    let mut rest = head.trim_start_matches('\u{feff}');
    for _ in 0..2 {
        rest = skip_prolog(rest);
        match tag_name(rest) {
            Some(name) if name.eq_ignore_ascii_case("doc") => return true,
            Some(_) => match rest.find('>') {
                Some(end) => rest = &rest[end + 1..],
                None => return false,
            },
            None => return false,
        }
    }
    false
}

/// `s` past leading white space, `<?xml ...?>`, `<!-- -->` and
/// `<!DOCTYPE ...>`.
fn skip_prolog(mut s: &str) -> &str {
    loop {
        s = s.trim_start();
        let end = if s.starts_with("<?") {
            s.find("?>").map(|e| e + 2)
        } else if s.starts_with("<!--") {
            s.find("-->").map(|e| e + 3)
        } else if s.starts_with("<!") {
            s.find('>').map(|e| e + 1)
        } else {
            return s;
        };
        match end {
            Some(e) => s = &s[e..],
            None => return "",
        }
    }
}

/// The name of the start tag `s` opens with (`<doc>` → `doc`).
fn tag_name(s: &str) -> Option<&str> {
    let rest = s.strip_prefix('<')?;
    let end = rest
        .find(|c: char| !(c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | ':' | '.')))
        .unwrap_or(rest.len());
    let after = rest[end..].chars().next();
    (end > 0 && matches!(after, Some('>' | '/') | Some(' ' | '\t' | '\r' | '\n')))
        .then(|| &rest[..end])
}

/// Parses every `<doc>` record of one file.
pub fn parse(text: &str) -> Result<ParsedFile, String> {
    // Tags are matched in a lower-case copy: ASCII lower-casing keeps
    // every byte offset, so spans found there slice the original.
    let lower = text.to_ascii_lowercase();
    let starts = record_starts(&lower);
    if starts.is_empty() {
        return Err("no <DOC> records found".to_string());
    }
    let empty = "document with neither title nor body text";
    Ok(each_record(text, &starts, empty, |span| {
        let end = lower[span.clone()]
            .find("</doc>")
            .map_or(span.end, |e| span.start + e);
        record(&text[span.start..end], &lower[span.start..end])
    }))
}

/// Byte offsets of every `<doc` start tag (not `<docno>`, `<doclist>`).
fn record_starts(lower: &str) -> Vec<usize> {
    lower
        .match_indices("<doc")
        .map(|(at, _)| at)
        .filter(|&at| tag_name(&lower[at..]) == Some("doc"))
        .collect()
}

/// One record (its `<doc>` start tag to just before `</doc>`) to a draft;
/// `None` when it has neither title nor body.
fn record(text: &str, lower: &str) -> Option<Draft> {
    let fields = elements(text, lower);
    let first = |tags: &[&str], clean: fn(&str) -> Option<String>| {
        fields
            .iter()
            .filter(|(name, _)| tags.contains(name))
            .find_map(|(_, raw)| clean(raw))
    };
    let title = first(TITLE_TAGS, inline);
    let body: Vec<String> = fields
        .iter()
        .filter(|(name, _)| BODY_TAGS.contains(name))
        .map(|(_, raw)| clean_body(&strip_tags(raw)))
        .filter(|b| !b.is_empty())
        .collect();
    let body = body.join("\n\n");
    if is_empty_record(title.as_deref(), &body) {
        return None;
    }
    let url = first(URL_TAGS, |raw| inline(raw).filter(|u| looks_like_url(u)));
    let dated = first(DATE_TAGS, inline).and_then(|d| dates::parse_dated(&d));
    let date = dated
        .map(|d| d.instant)
        .or_else(|| url.as_deref().and_then(dates::date_in_url));
    Some(Draft {
        title,
        body,
        date,
        utc_offset: dated.and_then(|d| d.utc_offset),
        byline: first(BYLINE_TAGS, |raw| inline(raw).and_then(|b| byline_text(&b))),
        section: first(SECTION_TAGS, inline),
        source: first(SOURCE_TAGS, inline),
        url,
        ..Draft::default()
    })
}

/// A one-line field: markup removed, entities decoded, white space
/// collapsed; `None` when blank.
fn inline(raw: &str) -> Option<String> {
    Some(clean_inline(&strip_tags(raw))).filter(|s| !s.is_empty())
}

/// The elements directly inside a record, as (lower-case tag name, raw
/// content), in order. An element whose end tag is missing ends where the
/// next start tag of a field this parser reads begins.
fn elements<'a>(text: &'a str, lower: &'a str) -> Vec<(&'a str, &'a str)> {
    let mut out = Vec::new();
    // Past the record's own `<doc ...>` tag.
    let mut at = lower.find('>').map_or(lower.len(), |e| e + 1);
    while let Some(lt) = lower[at..].find('<').map(|i| at + i) {
        let Some(name) = tag_name(&lower[lt..]) else {
            at = lt + 1;
            continue;
        };
        let Some(open_end) = lower[lt..].find('>').map(|e| lt + e + 1) else {
            break;
        };
        if lower[..open_end].ends_with("/>") {
            at = open_end;
            continue;
        }
        let close = format!("</{name}");
        let (end, next) = match lower[open_end..].find(&close) {
            Some(c) => {
                let c = open_end + c;
                (c, lower[c..].find('>').map_or(lower.len(), |e| c + e + 1))
            }
            None => {
                let stop = next_field(lower, open_end).unwrap_or(lower.len());
                (stop, stop)
            }
        };
        out.push((name, &text[open_end..end]));
        at = next;
    }
    out
}

/// Offset of the next start tag of a field this parser reads, from `from`.
fn next_field(lower: &str, from: usize) -> Option<usize> {
    let all = [
        TITLE_TAGS,
        BODY_TAGS,
        DATE_TAGS,
        BYLINE_TAGS,
        SECTION_TAGS,
        SOURCE_TAGS,
        URL_TAGS,
        &["docno"],
    ];
    lower[from..]
        .match_indices('<')
        .map(|(i, _)| from + i)
        .find(|&i| tag_name(&lower[i..]).is_some_and(|n| all.iter().any(|t| t.contains(&n))))
}

/// Markup inside a field removed: `<P>` and `</P>` become paragraph
/// breaks, other tags go, a CDATA section keeps its text.
fn strip_tags(raw: &str) -> String {
    let raw = raw.trim();
    let raw = raw
        .strip_prefix("<![CDATA[")
        .and_then(|r| r.strip_suffix("]]>"))
        .unwrap_or(raw);
    let mut out = String::with_capacity(raw.len());
    let mut rest = raw;
    while let Some(lt) = rest.find('<') {
        out.push_str(&rest[..lt]);
        let tag = &rest[lt..];
        let is_tag = tag[1..].starts_with(|c: char| c.is_ascii_alphabetic() || c == '/');
        match tag.find('>').filter(|_| is_tag) {
            Some(gt) => {
                let name = tag[1..gt].trim_start_matches('/');
                let name = name.split_whitespace().next().unwrap_or("");
                if name.eq_ignore_ascii_case("p") || name.eq_ignore_ascii_case("br") {
                    out.push_str("\n\n");
                }
                rest = &tag[gt + 1..];
            }
            None => {
                out.push('<');
                rest = &tag[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const SOGOU: &str = "<doclist>\n<doc>\n<url>http://news.sohu.com/20120612/n345428229.shtml</url>\n\
        <docno>c172394d49da2142-69713306c0bb3300</docno>\n\
        <contenttitle>公安机关销毁１０余万非法枪支</contenttitle>\n\
        <content>中广网唐山６月１２日消息　据中国之声报道。</content>\n</doc>\n\
        <doc>\n<url>http://roll.sohu.com/x.shtml</url>\n<docno>2</docno>\n\
        <contenttitle>标题二</contenttitle>\n<content></content>\n</doc>\n\
        <doc>\n<docno>3</docno>\n<contenttitle></contenttitle>\n<content></content>\n</doc>\n</doclist>\n";

    #[test]
    fn sogou_layout() {
        let p = parse(SOGOU).unwrap();
        assert_eq!(p.drafts.len(), 2);
        let d = &p.drafts[0];
        assert_eq!(d.line, 2);
        assert_eq!(d.title.as_deref(), Some("公安机关销毁１０余万非法枪支"));
        assert_eq!(d.body, "中广网唐山６月１２日消息　据中国之声报道。");
        assert_eq!(d.date.unwrap().format("%F").to_string(), "2012-06-12");
        assert_eq!(
            d.url.as_deref(),
            Some("http://news.sohu.com/20120612/n345428229.shtml")
        );
        // A title without text is an article; no date in its URL, none.
        assert_eq!(p.drafts[1].body, "");
        assert_eq!(p.drafts[1].date, None);
        assert_eq!(p.problems.len(), 1);
        assert_eq!(p.problems[0].line, 14);
    }

    #[test]
    fn trec_newswire_layouts() {
        let text = "<DOC>\n<DOCNO> LA010189-0001 </DOCNO>\n<DOCID> 1 </DOCID>\n\
            <DATE>\n<P>\nJanuary 1, 1989, Sunday, Home Edition \n</P>\n</DATE>\n\
            <SECTION>\n<P>\nMetro; Part 2; Page 1\n</P>\n</SECTION>\n\
            <HEADLINE>\n<P>\nCITY &amp; COUNTY BUDGET\n</P>\n</HEADLINE>\n\
            <BYLINE>\n<P>\nBy ANN LEE, Times Staff Writer\n</P>\n</BYLINE>\n\
            <TEXT>\n<P>\nThe council met on a wet\nmorning.\n</P>\n<P>\nIt voted.\n</P>\n</TEXT>\n</DOC>\n\
            <DOC>\n<DOCNO> AP880212-0001 </DOCNO>\n<HEAD>Officials Released</HEAD>\n\
            <TEXT>\n   The first paragraph\nwraps here.\n   The second.\n</TEXT>\n</DOC>\n";
        let p = parse(text).unwrap();
        assert_eq!(p.drafts.len(), 2);
        let d = &p.drafts[0];
        assert_eq!(d.title.as_deref(), Some("CITY & COUNTY BUDGET"));
        assert_eq!(d.date.unwrap().format("%F").to_string(), "1989-01-01");
        assert_eq!(d.section.as_deref(), Some("Metro; Part 2; Page 1"));
        assert_eq!(d.byline.as_deref(), Some("ANN LEE, Times Staff Writer"));
        assert_eq!(d.body, "The council met on a wet morning.\n\nIt voted.");
        let d = &p.drafts[1];
        assert_eq!(d.title.as_deref(), Some("Officials Released"));
        assert_eq!(d.body, "The first paragraph wraps here.\n\nThe second.");
        assert_eq!(d.line, 34);
    }

    #[test]
    fn detection_by_content() {
        assert!(looks_like("<doc>\n<url>"));
        assert!(looks_like(
            "\u{feff}<?xml version=\"1.0\"?>\n<DOC id=\"1\">"
        ));
        assert!(looks_like("<doclist>\n<doc>\n"));
        assert!(looks_like("<!-- c -->\n<root><DOC>"));
        assert!(!looks_like(
            "<!DOCTYPE lewis SYSTEM \"lewis.dtd\">\n<REUTERS TOPICS"
        ));
        assert!(!looks_like("<html><head>"));
        assert!(!looks_like("<docno>1</docno>"));
        assert!(!looks_like("Headline\n\n<doc>"));
        assert!(parse("<document>x</document>").is_err());
    }

    #[test]
    fn unclosed_fields_end_at_the_next_field() {
        let p = parse("<doc><title>Storm<text>Wind & rain <b>hit</b>.\n</doc>").unwrap();
        let d = &p.drafts[0];
        assert_eq!(d.title.as_deref(), Some("Storm"));
        assert_eq!(d.body, "Wind & rain hit.");
    }

    /// The SogouCA sample: 200 `<doc>`s in GBK with the corpus's known
    /// byte damage, its dates only in the URLs; read through `parse_file`
    /// as `index` reads it (the `.dat` name says nothing).
    #[test]
    fn real_sogouca_collection() {
        let rel = "corpora/languages/zh-sogouca/news_tensite_xml.smarty.dat";
        let Some((format, p)) = crate::testdata::parse_shared(rel) else {
            return;
        };
        assert_eq!(format, crate::ingest::Format::Trec);
        assert_eq!(p.drafts.len(), 200);
        assert!(p.problems.is_empty(), "{:?}", p.problems);
        assert_eq!(
            p.notes,
            ["no BOM or declared charset: decoded as GBK (detected)"]
        );
        let d = &p.drafts[0];
        assert_eq!(
            d.title.as_deref(),
            Some("公安机关销毁１０余万非法枪支 跨国武器走私渐起")
        );
        assert!(
            d.body
                .starts_with("中广网唐山６月１２日消息（记者汤一亮　庄胜春）"),
            "{}",
            d.body
        );
        assert_eq!(d.date.unwrap().format("%F").to_string(), "2012-06-12");
        assert_eq!(d.line, 2);
        // Every headline is Chinese text, none mojibake.
        for d in &p.drafts {
            let t = d.title.as_deref().unwrap();
            assert!(
                t.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
                "{t}"
            );
            assert!(!t.contains('\u{fffd}'), "{t}");
        }
        let dated = p.drafts.iter().filter(|d| d.date.is_some()).count();
        let with_text = p.drafts.iter().filter(|d| !d.body.is_empty()).count();
        assert_eq!((dated, with_text), (114, 166));
    }
}
