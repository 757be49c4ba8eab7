//! Factiva exports, HTML and XML.
//!
//! **HTML** ("Save as HTML"): one `<div class="article xxArticle">` per
//! document, its fields in a table of two-letter codes:
//!
//! ```text
//! HD  headline → title          BY  byline          SN  source name → source
//! PD  publication date → date   ET  time of day     SE  section
//! LA  language (as given)       LP  lead paragraphs  TD  text → body
//! WC, PG, SC, CY, ED, CO, IN, NS, RE, IPC, IPD, PUB, AN ...: dropped
//! ```
//!
//! The page's own furniture (the Factiva logo, the footer's copyright)
//! lies outside the articles. Pages saved in Factiva's article format
//! (no code table) give the headline from `.xxHeadline`, the byline from
//! `.author`, the body from `p.articleParagraph`, the date from the first
//! dated line among the article's other lines and the source from the
//! line after it.
//!
//! **XML** (Factiva's `ppsArticleResponse`, also as Reuters-21578 was
//! converted): one `<article>` element per document: `headline`,
//! `byline`, `sourceName`, `sectionName`, `publicationDate/date` or
//! `dateTime`, `baseLanguage`, and the body from `leadParagraph` and
//! `tailParagraphs`, each as `<paragraph>` elements or as raw wrapped text
//! (a paragraph starting on an indented line); `copyright`, codes and
//! notes are dropped. Read as a stream of events (quick-xml): a file that
//! breaks off keeps the documents read before the break.

use std::collections::HashMap;
use std::sync::LazyLock;

use quick_xml::events::Event;
use quick_xml::Reader;
use regex::Regex;
use scraper::{ElementRef, Html, Selector};

use super::blocks::{paragraphs_of, selector, text_of};
use super::fields::byline_of;
use super::{body_of, export_date, push_document, xml_reference, LineCounter};
use crate::article::Draft;
use crate::dates;
use crate::ingest::sgml::paragraphs;
use crate::ingest::ParsedFile;
use crate::text::collapse_ws;

static ARTICLE: LazyLock<Selector> = LazyLock::new(|| selector("div.article"));
static ROW: LazyLock<Selector> = LazyLock::new(|| selector("tr"));
static CELL: LazyLock<Selector> = LazyLock::new(|| selector("td"));
static HEADLINE: LazyLock<Selector> =
    LazyLock::new(|| selector("#hd, [class$=Headline], [class$=headline]"));
static AUTHOR: LazyLock<Selector> = LazyLock::new(|| selector(".author"));
static PARAGRAPH: LazyLock<Selector> = LazyLock::new(|| selector("p.articleParagraph"));

/// Where each `div.article` opens in the page source, for its `line`.
static ARTICLE_TAG: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"(?i)<div[^>]*\sclass\s*=\s*["']article[\s"']"#).expect("valid regex")
});

/// Parses a Factiva HTML page: one draft per `div.article`.
pub fn parse_html(text: &str) -> Result<ParsedFile, String> {
    let page = Html::parse_document(text);
    let articles: Vec<ElementRef<'_>> = page.select(&ARTICLE).collect();
    if articles.is_empty() {
        return Err("no Factiva articles (no div.article) in the page".to_string());
    }
    let mut lines = LineCounter::new(text);
    let mut offsets = ARTICLE_TAG.find_iter(text).map(|m| m.start());
    let mut parsed = ParsedFile::default();
    for (k, article) in articles.into_iter().enumerate() {
        let mut draft = match code_table(article) {
            Some(codes) => from_codes(&codes),
            None => from_article_format(article),
        };
        draft.line = offsets.next().map_or(1, |at| lines.line_of(at));
        push_document(&mut parsed, draft, k + 1, "Factiva");
    }
    Ok(parsed)
}

/// The code table of an article: each row's code (`HD`) with its value
/// cell, in order. `None` when the article has no such rows.
fn code_table(article: ElementRef<'_>) -> Option<Vec<(String, ElementRef<'_>)>> {
    let mut out = Vec::new();
    for row in article.select(&ROW) {
        let mut cells = row.select(&CELL);
        let (Some(code), Some(value)) = (cells.next(), cells.next()) else {
            continue;
        };
        let code = collapse_ws(&code.text().collect::<String>());
        let is_code = (2..=4).contains(&code.len()) && code.chars().all(|c| c.is_ascii_uppercase());
        if is_code {
            out.push((code, value));
        }
    }
    (!out.is_empty()).then_some(out)
}

/// A draft from an article's code table.
fn from_codes(codes: &[(String, ElementRef<'_>)]) -> Draft {
    let get = |code: &str| {
        codes
            .iter()
            .find(|(c, _)| c == code)
            .map(|(_, v)| text_of(*v))
            .filter(|v| !v.is_empty())
    };
    let mut body: Vec<String> = Vec::new();
    for (code, value) in codes {
        if code == "LP" || code == "TD" {
            body.extend(paragraphs_of(*value));
        }
    }
    let source = get("SN");
    let when = [get("PD"), get("ET")]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>();
    Draft {
        title: get("HD"),
        byline: get("BY").and_then(|b| byline_of(&b, source.as_deref())),
        date: export_date(&when.join(" ")),
        section: get("SE"),
        language: get("LA"),
        source,
        body: body_of(&body),
        ..Draft::default()
    }
}

/// A draft from an article saved in Factiva's article format.
fn from_article_format(article: ElementRef<'_>) -> Draft {
    let title = article.select(&HEADLINE).next().map(text_of);
    let byline = article.select(&AUTHOR).next().map(text_of);
    let body: Vec<String> = article.select(&PARAGRAPH).map(text_of).collect();
    // The other lines: word count, date, (time,) source, source code,
    // language, copyright.
    let lines: Vec<String> = article
        .children()
        .filter_map(ElementRef::wrap)
        .filter(|d| d.value().name() == "div")
        .filter(|d| d.select(&PARAGRAPH).next().is_none())
        .filter(|d| d.select(&HEADLINE).next().is_none() && d.select(&AUTHOR).next().is_none())
        .map(text_of)
        .filter(|t| !t.is_empty())
        .collect();
    let dated = lines.iter().position(|l| export_date(l).is_some());
    let is_time = |l: &&String| l.split_whitespace().next().is_some_and(|w| w.contains(':'));
    let source = dated.and_then(|d| lines[d + 1..].iter().find(|l| !is_time(l)).cloned());
    Draft {
        title,
        byline: byline.and_then(|b| byline_of(&b, source.as_deref())),
        date: dated.and_then(|d| export_date(&lines[d])),
        source,
        body: body_of(&body),
        ..Draft::default()
    }
}

/// The elements directly under `<article>` whose text is the body.
fn is_body_field(name: &str) -> bool {
    name == "leadParagraph" || name == "tailParagraphs"
}

/// One `<article>` being read.
#[derive(Default)]
struct XmlArticle {
    line: u64,
    /// Text of the elements directly under `<article>`, by name.
    fields: HashMap<String, String>,
    /// Body paragraphs so far.
    body: Vec<String>,
    /// Raw text of the body element being read (not in a `<paragraph>`).
    raw: String,
    /// The `<paragraph>` of the body being read.
    paragraph: Option<String>,
}

impl XmlArticle {
    /// Text met inside `field`, the element under `<article>` it is in
    /// (none: between those elements).
    fn text(&mut self, field: Option<&String>, s: &str) {
        let Some(field) = field else { return };
        if let Some(p) = self.paragraph.as_mut() {
            p.push_str(s);
        } else if is_body_field(field) {
            self.raw.push_str(s);
        } else {
            self.fields.entry(field.clone()).or_default().push_str(s);
        }
    }

    /// Ends the body's open `<paragraph>`.
    fn end_paragraph(&mut self) {
        if let Some(p) = self.paragraph.take() {
            self.body.push(p);
        }
    }

    /// The raw text of a body element, re-wrapped into paragraphs.
    fn flush_raw(&mut self) {
        let raw = std::mem::take(&mut self.raw);
        let lines: Vec<&str> = raw.lines().collect();
        let text = paragraphs(&lines);
        self.body.extend(text.split("\n\n").map(str::to_string));
    }

    fn into_draft(self) -> Draft {
        let get = |k: &str| {
            self.fields
                .get(k)
                .map(|v| collapse_ws(v))
                .filter(|v| !v.is_empty())
        };
        let source = get("sourceName");
        Draft {
            title: get("headline"),
            byline: get("byline").and_then(|b| byline_of(&b, source.as_deref())),
            date: get("publicationDate").and_then(|d| dates::parse_date(&d)),
            section: get("sectionName"),
            language: get("baseLanguage"),
            source,
            body: body_of(&self.body),
            line: self.line,
            ..Draft::default()
        }
    }
}

/// Parses a Factiva XML export: one draft per `<article>`.
pub fn parse_xml(text: &str) -> Result<ParsedFile, String> {
    let mut reader = Reader::from_str(text);
    let config = reader.config_mut();
    config.check_end_names = false;
    config.allow_unmatched_ends = true;
    let mut lines = LineCounter::new(text);
    let mut parsed = ParsedFile::default();
    let mut count = 0;
    // The article being read and the element names open inside it.
    let mut current: Option<(XmlArticle, Vec<String>)> = None;
    loop {
        let event = match reader.read_event() {
            Ok(Event::Eof) | Err(_) => break,
            Ok(e) => e,
        };
        let Some((a, open)) = current.as_mut() else {
            if matches!(&event, Event::Start(e) if e.local_name().as_ref() == "article") {
                let line = lines.line_of(reader.buffer_position() as usize);
                let article = XmlArticle {
                    line,
                    ..XmlArticle::default()
                };
                current = Some((article, Vec::new()));
            }
            continue;
        };
        let in_body = open.first().is_some_and(|f| is_body_field(f));
        match event {
            Event::Start(e) => {
                let name = e.local_name().as_ref().to_string();
                if name == "paragraph" && in_body {
                    a.paragraph = Some(String::new());
                }
                open.push(name);
            }
            Event::End(_) => match open.pop() {
                Some(name) if name == "paragraph" && in_body => a.end_paragraph(),
                Some(name) if open.is_empty() && is_body_field(&name) => a.flush_raw(),
                Some(_) => {}
                // `</article>`.
                None => {
                    count += 1;
                    if let Some((a, _)) = current.take() {
                        push_document(&mut parsed, a.into_draft(), count, "Factiva");
                    }
                }
            },
            Event::Text(t) => a.text(open.first(), &t.xml10_content()),
            Event::CData(t) => a.text(open.first(), &t.xml10_content()),
            Event::GeneralRef(r) => {
                if let Some(s) = xml_reference(&r) {
                    a.text(open.first(), &s);
                }
            }
            _ => {}
        }
    }
    // A file cut short inside an article: what was read of it.
    if let Some((mut a, _)) = current {
        a.end_paragraph();
        a.flush_raw();
        push_document(&mut parsed, a.into_draft(), count + 1, "Factiva");
    } else if count == 0 {
        return Err("no Factiva <article> elements".to_string());
    }
    Ok(parsed)
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = r#"<html><head><title>Factiva</title><style>.x{}</style></head><body>
<div id="navcontainer"><table><tr><td class="factivalogo"><h1>Factiva</h1></td></tr></table></div>
<div class="article enArticle">
<table>
<tr><td class="index"><b>SE</b>&nbsp;</td><td>Business</td></tr>
<tr><td class="index"><b>HD</b>&nbsp;</td><td><b class='enHeadline'>Council approves budget</b></td></tr>
<tr><td class="index"><b>BY</b>&nbsp;</td><td>By Jane Doe</td></tr>
<tr><td class="index"><b>WC</b>&nbsp;</td><td>295 words</td></tr>
<tr><td class="index"><b>PD</b>&nbsp;</td><td>29 décembre 2011</td></tr>
<tr><td class="index"><b>ET</b>&nbsp;</td><td>15:32</td></tr>
<tr><td class="index"><b>SN</b>&nbsp;</td><td>Daily Post</td></tr>
<tr><td class="index"><b>LA</b>&nbsp;</td><td>English</td></tr>
<tr><td class="index"><b>CY</b>&nbsp;</td><td>(c) Daily Post.</td></tr>
<tr><td class="index"><p><b>LP</b>&nbsp;</p></td><td><p class="articleParagraph">The council voted.</p></td></tr>
<tr><td class="index"><p><b>TD</b>&nbsp;</p></td><td><p class="articleParagraph">It passed 7-2.</p></td></tr>
<tr><td class="index"><b>AN</b>&nbsp;</td><td>Document DP0000020111229e7ct0001r</td></tr>
</table></div>
<div class="article enArticle"><table><tr><td class="index"><b>HD</b></td><td>Empty</td></tr></table></div>
<div id="pageFooter"><span class="copyright">&copy; 2011 Factiva, Inc.</span></div>
</body></html>"#;

    #[test]
    fn html_code_tables() {
        let p = parse_html(PAGE).unwrap();
        assert_eq!(p.drafts.len(), 1);
        let d = &p.drafts[0];
        assert_eq!(d.line, 3);
        assert_eq!(d.title.as_deref(), Some("Council approves budget"));
        assert_eq!(d.source.as_deref(), Some("Daily Post"));
        assert_eq!(d.byline.as_deref(), Some("Jane Doe"));
        assert_eq!(d.section.as_deref(), Some("Business"));
        assert_eq!(d.language.as_deref(), Some("English"));
        assert_eq!(d.date.unwrap().to_rfc3339(), "2011-12-29T15:32:00+00:00");
        assert_eq!(d.body, "The council voted.\n\nIt passed 7-2.");
        assert_eq!(p.problems.len(), 1);
        assert_eq!(p.problems[0].line, 18);
        assert!(parse_html("<html><body><p>Factiva</p></body></html>").is_err());
    }

    #[test]
    fn html_article_format() {
        let page = r#"<div class="article enArticle"><div id="hd"><span class="enHeadline">Dam opens</span></div>
            <div class="author">By Ann Lee</div><div>512 words</div><div>28 April 2019</div>
            <div>10:04 GMT</div><div>The Wire</div><div>WIRE</div><div>English</div>
            <p class="articleParagraph enarticleParagraph">The dam opened.</p>
            <div>Document WIRE000020190428</div></div>"#;
        let d = &parse_html(page).unwrap().drafts[0];
        assert_eq!(d.title.as_deref(), Some("Dam opens"));
        assert_eq!(d.byline.as_deref(), Some("Ann Lee"));
        assert_eq!(d.date.unwrap().to_rfc3339(), "2019-04-28T00:00:00+00:00");
        assert_eq!(d.source.as_deref(), Some("The Wire"));
        assert_eq!(d.body, "The dam opened.");
    }

    const XML: &str = r#"<?xml version="1.0" encoding="utf-8"?>
<PPSResponse><ppsArticleResponse xmlns="http://global.factiva.com/pps/2.0"><ppsarticleResultSet count="3">
<ppsarticle><article>
  <baseLanguage>EN</baseLanguage>
  <copyright>(c) 2012 Company</copyright>
  <headline><paragraph lang="EN">
     <hlt>TEST</hlt> - first &amp; best</paragraph></headline>
  <byline>By Jane Doe</byline>
  <leadParagraph><paragraph>Lead one.</paragraph></leadParagraph>
  <publicationDate><dateTime>2012-01-09T01:35:58Z</dateTime></publicationDate>
  <sourceName>My Newspaper</sourceName>
  <tailParagraphs><paragraph>Body <hlt>two</hlt>.</paragraph><paragraph>Three.</paragraph></tailParagraphs>
</article></ppsarticle>
<ppsarticle><article>
  <headline><paragraph>WIRE STORY</paragraph></headline>
  <leadParagraph>
Diamond Shamrock said that
effective today it cut prices.
    The reduction brings its price
to 16.00 dlrs.
           </leadParagraph>
  <publicationDate><date>1987-02-26</date></publicationDate>
</article></ppsarticle>
<ppsarticle><article><headline><paragraph>No body</paragraph></headline></article></ppsarticle>
<ppsarticle><article><headline><paragraph>Cut</paragraph></headline><tailParagraphs><paragraph>Half"#;

    #[test]
    fn xml_articles() {
        let p = parse_xml(XML).unwrap();
        assert_eq!(p.drafts.len(), 3);
        let d = &p.drafts[0];
        assert_eq!(d.line, 3);
        assert_eq!(d.title.as_deref(), Some("TEST - first & best"));
        assert_eq!(d.byline.as_deref(), Some("Jane Doe"));
        assert_eq!(d.source.as_deref(), Some("My Newspaper"));
        assert_eq!(d.language.as_deref(), Some("EN"));
        assert_eq!(d.date.unwrap().to_rfc3339(), "2012-01-09T01:35:58+00:00");
        assert_eq!(d.body, "Lead one.\n\nBody two.\n\nThree.");
        let d = &p.drafts[1];
        assert_eq!(d.date.unwrap().to_rfc3339(), "1987-02-26T00:00:00+00:00");
        assert_eq!(
            d.body,
            "Diamond Shamrock said that effective today it cut prices.\n\n\
             The reduction brings its price to 16.00 dlrs."
        );
        assert_eq!(p.drafts[2].title.as_deref(), Some("Cut"));
        assert_eq!(p.problems.len(), 1);
        assert!(parse_xml("<rss><item>x</item></rss>").is_err());
    }
}
