//! Text blocks: what the export parsers read once the markup is gone. A
//! block is a run of lines that belong together, in document order: a
//! headline, a `LABEL: value` field, a date line with its edition, a
//! paragraph. Plain text gives them between blank lines
//! ([`text_blocks`]); HTML gives one per paragraph-like element, a `<br>`
//! ending a line and an empty line (`<br>&nbsp;<br>`) ending the block
//! ([`html_blocks`]). Lines are trimmed, their white space (non-breaking
//! spaces too) collapsed, and never empty.

use std::ops::Deref;

use scraper::node::Element;
use scraper::{ElementRef, Node, Selector};

use crate::text::collapse_ws;

/// The lines of one block.
pub type Block = Vec<String>;

/// A node of a parsed page (ego-tree's `NodeRef`, which scraper does not
/// re-export by name).
type NodeRef<'a> = <ElementRef<'a> as Deref>::Target;

/// A CSS selector the parsers hold as a constant (a typo is a programming
/// error the unit tests catch on first use).
pub fn selector(css: &str) -> Selector {
    Selector::parse(css).expect("valid CSS selector")
}

/// The text of an element, white space collapsed (inline markup such as
/// `<span>`s inside a headline runs on).
pub fn text_of(el: ElementRef<'_>) -> String {
    collapse_ws(&el.text().collect::<String>())
}

/// The paragraphs of an element: its blocks, each on one line.
pub fn paragraphs_of(el: ElementRef<'_>) -> Vec<String> {
    html_blocks(el, |_| None)
        .into_iter()
        .map(|b| b.join(" "))
        .collect()
}

/// Splits plain-text lines into blocks at blank lines (white space only,
/// `\r` and non-breaking spaces included).
pub fn text_blocks<'a>(lines: impl IntoIterator<Item = &'a str>) -> Vec<Block> {
    let mut out = Vec::new();
    let mut block = Block::new();
    for line in lines {
        let line = collapse_ws(line);
        if line.is_empty() {
            if !block.is_empty() {
                out.push(std::mem::take(&mut block));
            }
        } else {
            block.push(line);
        }
    }
    if !block.is_empty() {
        out.push(block);
    }
    out
}

/// What [`html_blocks`] does with an element.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Visit {
    /// Leave it and everything in it out.
    Skip,
    /// Its text is a block of its own.
    Block,
    /// Its text runs on with the text around it.
    Inline,
}

/// How an element is read when the caller has no say: scripts, styles
/// and media are skipped, paragraph-like and structural elements are
/// blocks, the rest runs inline.
fn default_visit(name: &str) -> Visit {
    match name {
        "script" | "style" | "noscript" | "template" | "head" | "title" | "img" | "svg"
        | "iframe" | "object" | "input" | "button" | "select" | "textarea" | "meta" | "link" => {
            Visit::Skip
        }
        "p" | "div" | "table" | "tbody" | "thead" | "tr" | "li" | "ul" | "ol" | "dl" | "dd"
        | "dt" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "blockquote" | "pre" | "section"
        | "article" | "header" | "footer" | "aside" | "main" | "nav" | "center" | "form"
        | "body" | "html" | "hr" | "address" | "caption" | "figure" | "figcaption" => Visit::Block,
        _ => Visit::Inline,
    }
}

/// The blocks of the HTML under `root`, in document order. `visit` may
/// decide how an element is read (`None`: by its name). A table row is
/// one line, its cells apart by a space (the paragraphs inside a cell run
/// on). Walked with an explicit stack: exports can nest deeply.
pub fn html_blocks(root: ElementRef<'_>, visit: impl Fn(&Element) -> Option<Visit>) -> Vec<Block> {
    enum Step<'a> {
        Open(NodeRef<'a>),
        CloseBlock,
        CloseCell,
    }
    let mut w = Writer::default();
    // How many table cells the walk is in.
    let mut cells = 0usize;
    let root_node: NodeRef<'_> = *root;
    let mut stack: Vec<Step<'_>> = root_node.children().rev().map(Step::Open).collect();
    while let Some(step) = stack.pop() {
        let node = match step {
            Step::CloseBlock => {
                w.end_block();
                continue;
            }
            Step::CloseCell => {
                cells -= 1;
                w.line.push(' ');
                continue;
            }
            Step::Open(node) => node,
        };
        let el = match node.value() {
            Node::Text(t) => {
                w.line.push_str(t);
                continue;
            }
            Node::Element(el) => el,
            _ => continue,
        };
        let name = el.name();
        let in_row = cells > 0 && !matches!(name, "table" | "tr");
        match visit(el).unwrap_or_else(|| default_visit(name)) {
            Visit::Skip => continue,
            _ if name == "br" => {
                w.end_line();
                continue;
            }
            _ if matches!(name, "td" | "th") => {
                cells += 1;
                w.line.push(' ');
                stack.push(Step::CloseCell);
            }
            // A paragraph inside a cell runs on in the row's line.
            Visit::Block if in_row => w.line.push(' '),
            Visit::Block => {
                w.end_block();
                stack.push(Step::CloseBlock);
            }
            Visit::Inline => {}
        }
        stack.extend(node.children().rev().map(Step::Open));
    }
    w.end_block();
    w.blocks
}

/// The blocks so far, the lines of the open block and the open line.
#[derive(Default)]
struct Writer {
    blocks: Vec<Block>,
    lines: Block,
    line: String,
}

impl Writer {
    /// Ends the open line; an empty one ends the block.
    fn end_line(&mut self) {
        let line = collapse_ws(&self.line);
        self.line.clear();
        if line.is_empty() {
            self.end_block();
        } else {
            self.lines.push(line);
        }
    }

    /// Ends the open line and the open block.
    fn end_block(&mut self) {
        let line = collapse_ws(&self.line);
        self.line.clear();
        if !line.is_empty() {
            self.lines.push(line);
        }
        if !self.lines.is_empty() {
            self.blocks.push(std::mem::take(&mut self.lines));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use scraper::Html;

    #[test]
    fn plain_text_blocks_end_at_blank_lines() {
        let text = "  Guardian\r\n\r\n January 11, 2010 Monday\r\n  Edition 1;\r\n \u{a0}\r\nText";
        assert_eq!(
            text_blocks(text.lines()),
            vec![
                vec!["Guardian".to_string()],
                vec!["January 11, 2010 Monday".into(), "Edition 1;".into()],
                vec!["Text".into()],
            ]
        );
        assert!(text_blocks("\n \n".lines()).is_empty());
    }

    #[test]
    fn html_blocks_follow_paragraphs_and_breaks() {
        let html = "<div><p><span>July</span> 26, 2008&nbsp;<br>1<sup>ST</sup> Edition</p></div>\
            <style>.c1 {}</style><div><p>A list:<br>&nbsp;<br>Category 1</p><p>Blah.</p></div>\
            <table><tr><td><p>Rank</p></td><td><p>Bank</p><p>Name</p></td></tr>\
            <tr><td>1</td><td>Megabank</td></tr></table><img alt=\"logo\">";
        let doc = Html::parse_fragment(html);
        let got = html_blocks(doc.root_element(), |_| None);
        let want: Vec<Block> = vec![
            vec!["July 26, 2008".into(), "1ST Edition".into()],
            vec!["A list:".into()],
            vec!["Category 1".into()],
            vec!["Blah.".into()],
            vec!["Rank Bank Name".into()],
            vec!["1 Megabank".into()],
        ];
        assert_eq!(got, want);
        // The caller's say: a span as a block, a class left out.
        let doc = Html::parse_fragment(
            "<p><span class=\"t\">Title</span>Text <b class=\"x\">gone</b>here</p>",
        );
        let got = html_blocks(doc.root_element(), |el| match el.attr("class") {
            Some("t") => Some(Visit::Block),
            Some("x") => Some(Visit::Skip),
            _ => None,
        });
        assert_eq!(
            got,
            vec![vec!["Title".to_string()], vec!["Text here".into()]]
        );
    }

    #[test]
    fn deep_nesting_does_not_overflow() {
        let html = format!(
            "{}deep{}",
            "<div><span>".repeat(20_000),
            "</span></div>".repeat(20_000)
        );
        let doc = Html::parse_fragment(&html);
        let got = html_blocks(doc.root_element(), |_| None);
        assert_eq!(got, vec![vec!["deep".to_string()]]);
    }
}
