//! The article text: JSON-LD `articleBody` (read as HTML when it carries
//! markup) when it is long enough, else the content root [`super::scoring`]
//! picks, walked in document order with furniture and teaser boxes left
//! out ([`super::furniture`]); [`super::paragraphs`] builds the paragraphs
//! and drops what is not text.

use std::sync::LazyLock;

use regex::Regex;
use scraper::node::Element;
use scraper::{ElementRef, Html, Node};

use super::furniture::{holds_most, skip_kind};
use super::jsonld::JsonLd;
use super::paragraphs::Collector;
use super::scoring::{content_root, Scores};
use super::tree::NodeRef;
use crate::text::collapse_ws;

/// JSON-LD `articleBody` shorter than this is likely a teaser, not the text.
const MIN_JSONLD_BODY: usize = 500;

/// The article text: JSON-LD `articleBody` when it is long enough to be
/// the whole text, else the paragraphs of the page's content root.
pub(super) fn page_body(doc: &Html, ld: &JsonLd) -> String {
    match ld.str_field("articleBody").map(json_ld_body) {
        Some(paras) if paras.chars().count() > MIN_JSONLD_BODY => paras,
        _ => extract_body(doc),
    }
}

/// Markup inside a JSON-LD `articleBody` (some CMSs put the stored HTML there).
static TAG: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"</?[a-zA-Z][a-zA-Z0-9]*(?:\s[^<>]*)?/?>").expect("valid regex"));

/// The text of a JSON-LD `articleBody`: plain text split into paragraphs at
/// line breaks, or, when it carries HTML tags, that HTML read like a page
/// body (line breaks still end paragraphs; images, embeds and captions go).
fn json_ld_body(s: String) -> String {
    if !TAG.is_match(&s) {
        return split_plain_text(s);
    }
    let html = s
        .lines()
        .filter(|l| !l.trim().is_empty())
        .collect::<Vec<_>>()
        .join("<br><br>");
    let frag = Html::parse_fragment(&html);
    let scores = Scores::new(&frag);
    collect_paragraphs(frag.root_element(), &scores, true).join("\n\n")
}

/// Splits plain text (JSON-LD `articleBody`) into paragraphs at line breaks.
fn split_plain_text(s: String) -> String {
    let mut paras: Vec<String> = Vec::new();
    for line in s.lines() {
        let p = collapse_ws(line);
        if !p.is_empty() && paras.last() != Some(&p) {
            paras.push(p);
        }
    }
    paras.join("\n\n")
}

/// The paragraphs of the page's content root.
fn extract_body(doc: &Html) -> String {
    let scores = Scores::new(doc);
    let Some(root) = content_root(doc, &scores) else {
        return String::new();
    };
    let paras = collect_paragraphs(root, &scores, false);
    if !paras.is_empty() {
        return paras.join("\n\n");
    }
    // Nothing reads like an article: a bare page whose text sits straight
    // in <body> (`<title>..</title>The river rose overnight.`). Keep any
    // text outside furniture, however short, rather than return nothing.
    collect_paragraphs(root, &scores, true).join("\n\n")
}

/// Elements that each become one paragraph (a table row: one line, its
/// cells separated by a space).
fn is_block(name: &str) -> bool {
    matches!(
        name,
        "p" | "h2" | "h3" | "h4" | "h5" | "h6" | "li" | "blockquote" | "pre" | "tr" | "dd" | "dt"
    )
}

/// Other elements that end a paragraph: text on either side never joins.
fn is_boundary(name: &str) -> bool {
    matches!(
        name,
        "div"
            | "section"
            | "article"
            | "main"
            | "table"
            | "tbody"
            | "thead"
            | "ul"
            | "ol"
            | "dl"
            | "h1"
            | "hr"
            | "address"
            | "details"
            | "summary"
            | "center"
            | "body"
            | "html"
            | "caption"
            | "fieldset"
            | "hgroup"
    )
}

/// Walks the root in document order (iteratively: pages can nest deeply)
/// and turns its block elements into paragraphs. `lenient` keeps short
/// text found outside paragraph elements too (see [`Collector::lenient`]).
fn collect_paragraphs(root: ElementRef<'_>, scores: &Scores, lenient: bool) -> Vec<String> {
    let mut walk = Walk {
        c: Collector::new(lenient),
        scores,
        root_total: scores.total(root),
        block_depth: 0,
        link_depth: 0,
        pre_depth: 0,
    };
    let root_node: NodeRef<'_> = *root;
    let Some(mut node) = root_node.first_child() else {
        return Vec::new();
    };
    'walk: loop {
        // Open `node`; descend into it when it is an element worth reading.
        if walk.open(node) {
            if let Some(child) = node.first_child() {
                node = child;
                continue;
            }
            walk.close(node);
        }
        // Move to the next sibling, closing finished ancestors on the way up.
        loop {
            if let Some(next) = node.next_sibling() {
                node = next;
                continue 'walk;
            }
            match node.parent() {
                Some(parent) if parent != root_node => {
                    node = parent;
                    walk.close(node);
                }
                _ => break 'walk,
            }
        }
    }
    walk.c.finish()
}

/// Where the walk is: the paragraphs so far, and how many block, link and
/// `<pre>` elements it is inside.
struct Walk<'s> {
    c: Collector,
    scores: &'s Scores,
    /// Paragraph text of the root, which furniture must outweigh to stay.
    root_total: usize,
    block_depth: usize,
    link_depth: usize,
    pre_depth: usize,
}

impl Walk<'_> {
    /// Meets a node: text goes to the collector; says whether to descend
    /// into it (an element worth reading).
    fn open(&mut self, node: NodeRef<'_>) -> bool {
        match node.value() {
            Node::Text(t) => {
                self.c.text(
                    t,
                    self.block_depth > 0,
                    self.link_depth > 0,
                    self.pre_depth > 0,
                );
                false
            }
            Node::Element(el) => self.open_element(node, el),
            _ => false,
        }
    }

    fn open_element(&mut self, node: NodeRef<'_>, el: &Element) -> bool {
        let name = el.name();
        let total = self.scores.node_total(node);
        let skip = skip_kind(el).applies(total, self.root_total)
            || (!holds_most(total, self.root_total) && self.scores.is_teaser_box(node, el));
        if name == "br" {
            self.c.line_break();
            return false;
        }
        if skip {
            return false;
        }
        // A table row is one line, its cells apart.
        if matches!(name, "td" | "th") {
            self.c.cell();
        }
        if is_block(name) || is_boundary(name) {
            self.c.flush();
        }
        if is_block(name) {
            self.block_depth += 1;
        }
        match name {
            "a" => self.link_depth += 1,
            "pre" => self.pre_depth += 1,
            _ => {}
        }
        true
    }

    /// Leaves an element the walk descended into.
    fn close(&mut self, node: NodeRef<'_>) {
        let Node::Element(el) = node.value() else {
            return;
        };
        let name = el.name();
        if is_block(name) || is_boundary(name) {
            self.c.flush();
        }
        if is_block(name) {
            self.block_depth = self.block_depth.saturating_sub(1);
        }
        match name {
            "a" => self.link_depth = self.link_depth.saturating_sub(1),
            "pre" => self.pre_depth = self.pre_depth.saturating_sub(1),
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::ingest::html::tests::draft;

    #[test]
    fn line_breaks_inside_paragraphs() {
        let d = draft(
            "<html><body><article><p>Line one<br>Line two<br/></p>\
             <p>Verse a<br><br>\n<br>Verse b</p><pre>code  line 1\ncode line 2</pre></article></body></html>",
        );
        assert_eq!(
            d.body,
            "Line one\nLine two\n\nVerse a\n\nVerse b\n\ncode line 1\ncode line 2"
        );
    }

    #[test]
    fn bare_page_text_without_paragraphs() {
        // Issue #7: text straight in <body>, no <p>, used to give no body.
        let d = draft("<html><head><title>Flood warning issued</title></head>The river rose overnight.</html>");
        assert_eq!(d.title.as_deref(), Some("Flood warning issued"));
        assert_eq!(d.body, "The river rose overnight.");
    }

    #[test]
    fn link_lists_and_datelines_inside_the_story_are_dropped() {
        let para = "The council voted on Tuesday to close the bridge for repairs. ".repeat(4);
        let para2 = "Work is expected to take two years and cost four million. ".repeat(4);
        let html = format!(
            r#"<html><body><article><h1>Bridge closes</h1>
            <div class="meta">Nov 18, 2019 at 9:24 pm ET • 2 min read</div>
            <p>{para}</p>
            <div><ul><li><a href="/a">Another headline here</a></li>
              <li><a href="/b">And one more headline</a></li></ul></div>
            <p>https://example.com/some/link</p>
            <p>Updated: 18 Nov 2019, 19:11</p>
            <p>{para2}</p></article></body></html>"#
        );
        let d = draft(&html);
        assert_eq!(d.body, format!("{}\n\n{}", para.trim(), para2.trim()));
    }

    #[test]
    fn table_rows_are_lines() {
        let d = draft(
            "<html><body><article><p>Standings after the race:</p><table>\
             <tr><th>Pos.</th><th>Driver</th><th>Points</th></tr>\
             <tr><td>1</td><td>Kyle Busch</td><td>5040</td></tr></table></article></body></html>",
        );
        assert_eq!(
            d.body,
            "Standings after the race:\n\nPos. Driver Points\n\n1 Kyle Busch 5040"
        );
    }

    #[test]
    fn json_ld_body_with_markup() {
        let text = "First paragraph of the review, which is long enough to count. ".repeat(9);
        let body = format!(
            "{text}\n<div align=\"center\"><img src=\"a.jpg\" />\n<span class=\"caption\">A caption</span></div>\n\
             Second <a href=\"/x\">paragraph</a> &amp; more.\n<h2>Keyboard</h2>\nThird one."
        );
        let ld =
            serde_json::json!({"@type": "NewsArticle", "headline": "Review", "articleBody": body});
        let d = draft(&format!(
            r#"<html><head><script type="application/ld+json">{ld}</script></head><body></body></html>"#
        ));
        assert_eq!(
            d.body,
            format!(
                "{}\n\nSecond paragraph & more.\n\nKeyboard\n\nThird one.",
                text.trim()
            )
        );
    }
}
