//! Europresse (Cedrom-SNI) HTML exports, in both of their layouts.
//!
//! The current one gives each document an `<article>` (newer exports
//! wrap the fields in `rdp__` divs, give the authors in `.docAuthors` and
//! may put the date on a `.sm-margin-bottom` line instead):
//!
//! ```text
//! <header>
//!   <span class="DocPublicationName">Le Monde</span>       → source
//!   <span class="DocHeader">Politique, mardi 14 mars 2006, p. 12</span>
//!                                    section before the date → section, date
//!   <div class="titreArticle"><p class="titreArticleVisu">Title</p></div>
//!   <div>Ariane Chemin</div>                                 → byline
//! </header>
//! <section>paragraphs</section>                              → body
//! <aside>illustrations, notes</aside>  <footer>© ..., Numéro de document</footer>
//! ```
//!
//! The older one (`TitreArticleVisu`) runs each document as lines in a
//! table cell: the publication, the header line, an optional surtitle,
//! the title, an optional author line, the text, then `© ...` and
//! `Numéro de document : ...` and a certificate table, all dropped. The
//! author line is the first line after the title when it reads as a name
//! (a few capitalised words, no sentence punctuation).
//!
//! Europresse writes dates in French (`mardi 14 mars 2006`), read by
//! `super::export_date`; it names no language.

use std::sync::LazyLock;

use scraper::node::Element;
use scraper::{CaseSensitivity, ElementRef, Html, Selector};

use super::blocks::{html_blocks, paragraphs_of, selector, text_of, Block, Visit};
use super::fields::byline_of;
use super::{body_of, export_date, is_copyright, push_document};
use crate::article::Draft;
use crate::ingest::ParsedFile;
use crate::text::collapse_ws;

static ARTICLE: LazyLock<Selector> = LazyLock::new(|| selector("article"));
static PUBLICATION: LazyLock<Selector> = LazyLock::new(|| selector(".DocPublicationName"));
static HEADER_LINE: LazyLock<Selector> = LazyLock::new(|| selector(".DocHeader"));
static TITLE: LazyLock<Selector> =
    LazyLock::new(|| selector(".titreArticleVisu, .TitreArticleVisu"));
static HEADER: LazyLock<Selector> = LazyLock::new(|| selector("header"));
static TEXT: LazyLock<Selector> = LazyLock::new(|| selector("section, .DocText"));
static AUTHORS: LazyLock<Selector> =
    LazyLock::new(|| selector(".docAuthors, .sm-margin-bottomNews"));
/// Lines under the publication in some exports: its name again, the date
/// and the length (`14 mars 2006 - 523 mots`).
static MARGIN_LINES: LazyLock<Selector> = LazyLock::new(|| selector("header .sm-margin-bottom"));

/// Parses a Europresse export: one draft per document, `line` at its
/// publication name.
pub fn parse(text: &str) -> Result<ParsedFile, String> {
    let page = Html::parse_document(text);
    let articles: Vec<ElementRef<'_>> = page
        .select(&ARTICLE)
        .filter(|a| a.select(&PUBLICATION).next().is_some())
        .collect();
    let drafts: Vec<Draft> = if articles.is_empty() {
        table_documents(&page)
    } else {
        articles.into_iter().map(article_document).collect()
    };
    if drafts.is_empty() {
        return Err("no Europresse documents (no DocPublicationName)".to_string());
    }
    let lines = publication_lines(text);
    let mut parsed = ParsedFile::default();
    for (k, mut draft) in drafts.into_iter().enumerate() {
        draft.line = lines.get(k).copied().unwrap_or(1);
        push_document(&mut parsed, draft, k + 1, "Europresse");
    }
    Ok(parsed)
}

/// The 1-based line of each `DocPublicationName` in the page source.
fn publication_lines(text: &str) -> Vec<u64> {
    let mut lines = super::LineCounter::new(text);
    text.match_indices("DocPublicationName")
        .map(|(at, _)| lines.line_of(at))
        .collect()
}

/// Source, section and date from the publication name and header line:
/// the section is what the header line says before its date (`Politique,
/// mardi 14 mars 2006, p. 12` → `Politique`).
fn publication(doc: ElementRef<'_>, draft: &mut Draft) {
    draft.source = doc.select(&PUBLICATION).next().map(text_of);
    let header: Vec<String> = doc.select(&HEADER_LINE).map(text_of).collect();
    let header = collapse_ws(&header.join(" "));
    draft.date = export_date(&header);
    let parts: Vec<&str> = header.split(',').map(str::trim).collect();
    if parts.len() > 1 && export_date(parts[0]).is_none() && !parts[0].is_empty() {
        draft.section = Some(parts[0].to_string());
    }
}

/// A document of the current layout.
fn article_document(article: ElementRef<'_>) -> Draft {
    let mut draft = Draft::default();
    publication(article, &mut draft);
    draft.title = article.select(&TITLE).next().map(text_of);
    if draft.date.is_none() {
        draft.date = article
            .select(&MARGIN_LINES)
            .find_map(|l| export_date(&text_of(l)));
    }
    let byline = match article.select(&AUTHORS).next() {
        Some(a) => Some(text_of(a)),
        None => article.select(&HEADER).next().and_then(header_author),
    };
    draft.byline = byline.and_then(|b| byline_of(&b, draft.source.as_deref()));
    let paragraphs = article
        .select(&TEXT)
        .next()
        .map(paragraphs_of)
        .unwrap_or_default();
    draft.body = body_of(&paragraphs);
    draft
}

/// The author line of a `<header>`: the first `<div>` with text after the
/// title's.
fn header_author(header: ElementRef<'_>) -> Option<String> {
    header
        .children()
        .filter_map(ElementRef::wrap)
        .filter(|e| e.value().name() == "div")
        .skip_while(|e| {
            !e.value()
                .has_class("titreArticle", CaseSensitivity::AsciiCaseInsensitive)
        })
        .skip(1)
        .map(text_of)
        .find(|t| !t.is_empty())
}

/// The documents of the older layout: each table cell that holds a
/// publication name is one document.
fn table_documents(page: &Html) -> Vec<Draft> {
    let cells = selector("td");
    page.select(&cells)
        .filter(|td| {
            td.children().filter_map(ElementRef::wrap).any(|c| {
                c.value()
                    .has_class("DocPublicationName", CaseSensitivity::AsciiCaseInsensitive)
            })
        })
        .map(table_document)
        .collect()
}

/// How the older layout's cell is read: the marked spans are blocks of
/// their own, nested tables (logos, the certificate) are left out.
fn table_visit(el: &Element) -> Option<Visit> {
    let marked = ["DocPublicationName", "TitreArticleVisu", "titreArticleVisu"]
        .iter()
        .any(|c| el.has_class(c, CaseSensitivity::CaseSensitive));
    if marked {
        Some(Visit::Block)
    } else if el.name() == "table" {
        Some(Visit::Skip)
    } else {
        None
    }
}

/// A document of the older layout.
fn table_document(cell: ElementRef<'_>) -> Draft {
    let mut draft = Draft::default();
    publication(cell, &mut draft);
    draft.title = cell.select(&TITLE).next().map(text_of);
    let blocks = html_blocks(cell, table_visit);
    let title_at = draft
        .title
        .as_deref()
        .and_then(|t| blocks.iter().position(|b| b.join(" ") == t));
    let after_title = title_at.map_or(blocks.len().min(2), |t| t + 1);
    let mut lines: Vec<String> = blocks[after_title..]
        .iter()
        .flat_map(|b: &Block| b.iter().cloned())
        .take_while(|l| !is_copyright(l) && !l.starts_with("Numéro de document"))
        .collect();
    if lines.first().is_some_and(|l| reads_as_name(l)) {
        let author = lines.remove(0);
        draft.byline = byline_of(&author, draft.source.as_deref());
    }
    draft.body = body_of(&lines);
    draft
}

/// A line that reads as a name rather than text: two to six words, each
/// capitalised, with no sentence punctuation.
fn reads_as_name(line: &str) -> bool {
    let words: Vec<&str> = line.split_whitespace().collect();
    (2..=6).contains(&words.len())
        && !line.contains(['.', ',', ':', ';', '!', '?'])
        && words
            .iter()
            .all(|w| w.chars().next().is_some_and(char::is_uppercase))
}

#[cfg(test)]
mod tests {
    use super::*;

    const CURRENT: &str = r#"<!DOCTYPE html><html><head><meta charset="utf-8"><style>a{}</style></head><body>
<article> <header> <img src="lm_small.gif" />
  <div> <span class="DocPublicationName">Le Monde   </span> </div>
  <div> <span class="DocHeader">Politique, mardi 14 mars 2006, p. 12</span> </div>
  <div><p>POLITIQUE</p></div>
  <div class="titreArticle"> <p class="titreArticleVisu">Le budget est voté</p> </div>
  <div>Ariane Chemin</div>
</header>
<section> <div class="DocText"> <div class='docOcurrContainer'> <p>Le conseil a voté.</p> <p>Par 7 voix <mark>contre</mark> 2.</p> </div> </div> </section>
<aside> <div> <b>Note(s) : </b><p>Une note</p> </div> </aside>
<footer> <small>© 2006 Le Monde. Tous droits réservés.</small> <p>Numéro de document : news·20060314·LM·1</p> </footer>
</article>
<article> <header> <div> <span class="DocPublicationName">Le Monde</span> </div>
  <div> <span class="DocHeader">lundi 13 mars 2006</span> </div>
  <div class="titreArticle"> <p class="titreArticleVisu">Photo</p> </div> </header>
<section></section></article>
</body></html>"#;

    #[test]
    fn current_layout() {
        let p = parse(CURRENT).unwrap();
        assert_eq!(p.drafts.len(), 1);
        let d = &p.drafts[0];
        assert_eq!(d.line, 3);
        assert_eq!(d.title.as_deref(), Some("Le budget est voté"));
        assert_eq!(d.source.as_deref(), Some("Le Monde"));
        assert_eq!(d.section.as_deref(), Some("Politique"));
        assert_eq!(d.date.unwrap().to_rfc3339(), "2006-03-14T00:00:00+00:00");
        assert_eq!(d.byline.as_deref(), Some("Ariane Chemin"));
        assert_eq!(d.body, "Le conseil a voté.\n\nPar 7 voix contre 2.");
        assert_eq!(p.problems.len(), 1);
        assert_eq!(p.problems[0].line, 13);
    }

    #[test]
    fn newer_exports_authors_and_date_lines() {
        let page = r#"<html><body><article><header>
            <div class="rdp__DocPublicationName"><span class="DocPublicationName">Libération</span></div>
            <div class="sm-margin-bottom">Libération</div>
            <div class="sm-margin-bottom">5 février 2021 - 523 mots</div>
            <div class="titreArticle"><p class="titreArticleVisu">Le titre</p></div>
            <div class="docAuthors">Jean Dupont</div></header>
            <section><div class="DocText clearfix"><p>Le texte.</p></div></section></article></body></html>"#;
        let d = &parse(page).unwrap().drafts[0];
        assert_eq!(d.source.as_deref(), Some("Libération"));
        assert_eq!(d.date.unwrap().to_rfc3339(), "2021-02-05T00:00:00+00:00");
        assert_eq!(d.byline.as_deref(), Some("Jean Dupont"));
        assert_eq!(d.body, "Le texte.");
    }

    #[test]
    fn table_layout() {
        let page = r#"<html><body><table><tr><td><table id="tbHeaderImages"><tr><td><img src="x.gif"><br></td></tr></table>
<span class="DocPublicationName">Magazine 1, no. 5968</span><br><span class="DocHeader">Éditorial, </span><span class="DocHeader">jeudi </span><span class="DocHeader">4 octobre 2012</span><span class="DocHeader">, p. 03</span><br><br>Subtitle<br><span class="TitreArticleVisu">Heading</span><br><br>Author Name<br><p></p>This is a test: <span style="color:red">a</span> test<p></p>Second.<p></p><b><i>© 2012 Magazine 1.</i></b><p></p>Numéro de document : news·1<br><table><tr><td>certificate</td></tr></table></td></tr></table>
<table><tr><td><span class="DocPublicationName">Mag</span><br><span class="DocHeader">mercredi </span><span class="DocHeader">3 octobre 2012</span><br><br><span class="TitreArticleVisu">Another</span><br><br>Some text, and more.<p></p>Numéro de document : news·2</td></tr></table></body></html>"#;
        let p = parse(page).unwrap();
        assert_eq!(p.drafts.len(), 2);
        let d = &p.drafts[0];
        assert_eq!(d.title.as_deref(), Some("Heading"));
        assert_eq!(d.source.as_deref(), Some("Magazine 1, no. 5968"));
        assert_eq!(d.section.as_deref(), Some("Éditorial"));
        assert_eq!(d.date.unwrap().to_rfc3339(), "2012-10-04T00:00:00+00:00");
        assert_eq!(d.byline.as_deref(), Some("Author Name"));
        assert_eq!(d.body, "This is a test: a test\n\nSecond.");
        let d = &p.drafts[1];
        assert_eq!(d.byline, None);
        assert_eq!(d.section, None);
        assert_eq!(d.body, "Some text, and more.");
        assert!(parse("<html><body><p>Hello</p></body></html>").is_err());
    }
}
