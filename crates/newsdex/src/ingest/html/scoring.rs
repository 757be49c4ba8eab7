//! Choosing the body container: paragraph-text totals and
//! readability-style scores for every element (paragraph text credited to
//! its parent and half to its grandparent, discounted by link density;
//! loose text in a `<div>` or `<td>` counts too), then the content root:
//! the best `<article>`, `[itemprop=articleBody]` or `<main>`, unless a
//! scored container holds far more text. Asks [`super::furniture`] which
//! elements to leave out; the body walk reads the totals back.

use std::collections::HashMap;
use std::sync::LazyLock;

use scraper::node::Element;
use scraper::{ElementRef, Html, Node, Selector};

use super::furniture::{skip_kind, Skip};
use super::paragraphs::MIN_LOOSE_TEXT;
use super::tree::{element_ancestors, key, sel, NodeRef};

static PARAGRAPH: LazyLock<Selector> = LazyLock::new(|| sel("p"));
static LINK: LazyLock<Selector> = LazyLock::new(|| sel("a"));
static ARTICLE: LazyLock<Selector> = LazyLock::new(|| sel("article"));
static ITEMPROP_BODY: LazyLock<Selector> = LazyLock::new(|| sel("[itemprop=articleBody]"));
static MAIN: LazyLock<Selector> = LazyLock::new(|| sel("main, [role=main]"));
static BODY: LazyLock<Selector> = LazyLock::new(|| sel("body"));

/// Inline elements: their text belongs to the enclosing block.
fn is_inline(name: &str) -> bool {
    matches!(
        name,
        "a" | "span"
            | "b"
            | "i"
            | "em"
            | "strong"
            | "u"
            | "font"
            | "small"
            | "big"
            | "sub"
            | "sup"
            | "abbr"
            | "cite"
            | "q"
            | "code"
            | "mark"
            | "time"
            | "s"
            | "strike"
            | "ins"
            | "del"
            | "tt"
            | "var"
            | "kbd"
            | "samp"
            | "bdi"
            | "bdo"
            | "wbr"
            | "nobr"
            | "acronym"
    )
}

/// Text length of an element, and the part of it inside links.
fn text_and_link_len(el: ElementRef<'_>) -> (usize, usize) {
    let text: usize = el.text().map(|t| t.trim().len()).sum();
    let links: usize = el
        .select(&LINK)
        .flat_map(|a| a.text())
        .map(|t| t.trim().len())
        .sum();
    (text, links.min(text))
}

/// Every text node with visible characters, and its trimmed length.
fn text_nodes(doc: &Html) -> impl Iterator<Item = (NodeRef<'_>, usize)> {
    doc.tree.nodes().filter_map(|node| {
        let Node::Text(t) = node.value() else {
            return None;
        };
        let len = t.trim().len();
        (len > 0).then_some((node, len))
    })
}

/// `chain` collected, unless one of its elements never holds text (a
/// script, an `<svg>`...): text inside such an element is not scored.
fn unhidden<'a>(chain: impl Iterator<Item = ElementRef<'a>>) -> Option<Vec<ElementRef<'a>>> {
    let chain: Vec<ElementRef<'a>> = chain.collect();
    (!chain.iter().any(|a| skip_kind(a.value()) == Skip::Hard)).then_some(chain)
}

/// Visible text length and link text length under every element, in one
/// pass over the text nodes (script and style text left out).
fn text_and_links(doc: &Html) -> HashMap<usize, (usize, usize)> {
    let mut out: HashMap<usize, (usize, usize)> = HashMap::new();
    let mut chain: Vec<(usize, bool)> = Vec::new();
    for (node, len) in text_nodes(doc) {
        chain.clear();
        let mut in_link = false;
        let mut hidden = false;
        for a in element_ancestors(node) {
            let el = a.value();
            if skip_kind(el) == Skip::Hard {
                hidden = true;
                break;
            }
            in_link |= el.name() == "a";
            chain.push((key(*a), in_link));
        }
        if hidden {
            continue;
        }
        for &(k, link) in &chain {
            let e = out.entry(k).or_default();
            e.0 += len;
            if link {
                e.1 += len;
            }
        }
    }
    out
}

/// A unit of text: a `<p>`, or the text sitting loose in a container.
struct Unit<'a> {
    /// The elements credited with its length, nearest first: a `<p>`'s
    /// ancestors, or the container and its ancestors.
    chain: Vec<ElementRef<'a>>,
    /// Where in `chain` the score goes in full (the next one gets half).
    offset: usize,
    /// Text length.
    len: usize,
    /// Link text length.
    links: usize,
}

/// Paragraph-text totals per element (every ancestor of a `<p>` is credited
/// with its length) and readability-style scores (parent full, grandparent
/// half, discounted by link density).
pub(super) struct Scores {
    totals: HashMap<usize, usize>,
    scores: HashMap<usize, f64>,
    /// Visible text length and link text length under each element.
    text_links: HashMap<usize, (usize, usize)>,
}

impl Scores {
    pub(super) fn new(doc: &Html) -> Self {
        let mut totals: HashMap<usize, usize> = HashMap::new();
        let mut units = Vec::new();
        paragraph_units(doc, &mut units, &mut totals);
        loose_text_units(doc, &mut units);
        for unit in &units {
            for a in &unit.chain {
                *totals.entry(key(**a)).or_default() += unit.len;
            }
        }
        let doc_total = doc
            .select(&BODY)
            .next()
            .and_then(|b| totals.get(&key(*b)).copied())
            .unwrap_or(0);
        let scores = readability_scores(&units, &totals, doc_total);
        Scores {
            totals,
            scores,
            text_links: text_and_links(doc),
        }
    }

    pub(super) fn total(&self, el: ElementRef<'_>) -> usize {
        self.node_total(*el)
    }

    /// [`Scores::total`] of an element met as a tree node.
    pub(super) fn node_total(&self, node: NodeRef<'_>) -> usize {
        self.totals.get(&key(node)).copied().unwrap_or(0)
    }

    /// Paragraph text of an element outside the `<article>`s nested in it.
    fn own_total(&self, el: ElementRef<'_>) -> usize {
        let nested: usize = el
            .select(&ARTICLE)
            .filter(|inner| *inner != el)
            // Only the outermost nested ones: their own nested ones are
            // already inside their totals.
            .filter(|inner| {
                element_ancestors(**inner)
                    .take_while(|a| *a != el)
                    .all(|a| a.value().name() != "article")
            })
            .map(|inner| self.total(inner))
            .sum();
        self.total(el).saturating_sub(nested)
    }

    /// Whether an element inside the content root is a box of teasers
    /// rather than article text: a nested `<article>` (a story card), or a
    /// container whose text is mostly link text (a list of headlines).
    /// The caller keeps it anyway when it holds most of the root's text.
    pub(super) fn is_teaser_box(&self, node: NodeRef<'_>, el: &Element) -> bool {
        let name = el.name();
        if name == "article" {
            return true;
        }
        if !matches!(
            name,
            "div" | "section" | "ul" | "ol" | "dl" | "table" | "center"
        ) {
            return false;
        }
        let Some(&(text, links)) = self.text_links.get(&key(node)) else {
            return false;
        };
        text > 0 && links * 2 > text
    }
}

/// Every `<p>` with text, as a unit crediting its ancestors; the `<p>`'s
/// own total gets its length here.
fn paragraph_units<'a>(
    doc: &'a Html,
    units: &mut Vec<Unit<'a>>,
    totals: &mut HashMap<usize, usize>,
) {
    for p in doc.select(&PARAGRAPH) {
        let Some(ancestors) = unhidden(element_ancestors(*p)) else {
            continue;
        };
        let (len, links) = text_and_link_len(p);
        if len == 0 {
            continue;
        }
        *totals.entry(key(*p)).or_default() += len;
        units.push(Unit {
            chain: ancestors,
            offset: 0,
            len,
            links,
        });
    }
}

/// Old and hand-made pages put text straight into a `<div>` or `<td>`,
/// separated by `<br>`: count such text as a paragraph of its container.
fn loose_text_units<'a>(doc: &'a Html, units: &mut Vec<Unit<'a>>) {
    for (el, len, links) in loose_text(doc).into_values() {
        // A <div> with no block children is a paragraph in all but name
        // (readability's view): credit its parent like a <p>'s. Text
        // mixed with blocks is credited to its own element.
        let para_like = !el.child_elements().any(|c| {
            let n = c.value().name();
            !is_inline(n) && n != "br" && n != "img"
        });
        let min = if para_like { 25 } else { MIN_LOOSE_TEXT };
        if len < min || el.value().name() == "body" {
            continue;
        }
        let Some(chain) = unhidden(std::iter::once(el).chain(element_ancestors(*el))) else {
            continue;
        };
        units.push(Unit {
            chain,
            offset: usize::from(para_like),
            len,
            links,
        });
    }
}

/// Text outside paragraph elements, summed per container (its nearest
/// element that is not inline): the container, the text length, the link
/// text length.
fn loose_text(doc: &Html) -> HashMap<usize, (ElementRef<'_>, usize, usize)> {
    let mut loose: HashMap<usize, (ElementRef<'_>, usize, usize)> = HashMap::new();
    for (node, len) in text_nodes(doc) {
        let mut in_link = false;
        let container = element_ancestors(node).find(|a| {
            let name = a.value().name();
            in_link |= name == "a";
            !is_inline(name)
        });
        let Some(container) = container else {
            continue;
        };
        let name = container.value().name();
        if matches!(name, "p" | "li" | "h2" | "h3" | "h4" | "h5" | "h6" | "pre")
            || skip_kind(container.value()) == Skip::Hard
        {
            continue;
        }
        let entry = loose.entry(key(*container)).or_insert((container, 0, 0));
        entry.1 += len;
        if in_link {
            entry.2 += len;
        }
    }
    loose
}

/// The readability-style score of each element: a unit's text, discounted
/// by its link density, in full to `chain[offset]` and half to the next.
fn readability_scores(
    units: &[Unit<'_>],
    totals: &HashMap<usize, usize>,
    doc_total: usize,
) -> HashMap<usize, f64> {
    let mut scores: HashMap<usize, f64> = HashMap::new();
    for unit in units {
        // A paragraph inside a boilerplate-looking container does not
        // count, unless that container holds most of the page's text
        // (an article body wrapped in class="commentary", say).
        let in_boilerplate = unit.chain.iter().any(|a| {
            skip_kind(a.value()).applies(totals.get(&key(**a)).copied().unwrap_or(0), doc_total)
        });
        if in_boilerplate {
            continue;
        }
        let score = unit.len as f64 * (1.0 - unit.links as f64 / unit.len as f64);
        if let Some(parent) = unit.chain.get(unit.offset) {
            *scores.entry(key(**parent)).or_default() += score;
        }
        if let Some(grand) = unit.chain.get(unit.offset + 1) {
            *scores.entry(key(**grand)).or_default() += score / 2.0;
        }
    }
    scores
}

/// Picks the element holding the article text.
pub(super) fn content_root<'a>(doc: &'a Html, scores: &Scores) -> Option<ElementRef<'a>> {
    let best_in = |sel: &Selector| {
        doc.select(sel)
            .filter(|e| skip_kind(e.value()) != Skip::Hard)
            .max_by_key(|e| scores.total(*e))
            .filter(|e| scores.total(*e) > 0)
    };
    // An <article> is judged by its own text, not that of <article>s nested
    // in it: a "you may also like" box is often an <article> of teaser
    // <article>s, longer in total than the story before it.
    let best_article = doc
        .select(&ARTICLE)
        .filter(|e| skip_kind(e.value()) != Skip::Hard)
        .map(|e| (e, scores.own_total(e)))
        .filter(|&(_, own)| own > 0)
        .max_by_key(|&(_, own)| own)
        .map(|(e, _)| e);
    let structural = best_article
        .or_else(|| best_in(&ITEMPROP_BODY))
        .or_else(|| best_in(&MAIN));
    let scored = scored_elements(doc, scores)
        .max_by(|a, b| a.1.total_cmp(&b.1))
        .map(|(e, s)| widen(e, s, doc, scores));
    match (structural, scored) {
        // A teaser <article> or a small <main> loses to a container with
        // far more paragraph text elsewhere on the page.
        // Text in <article>s nested in the scored container (teaser
        // cards) does not count for it.
        (Some(s), Some(r)) if scores.own_total(s) * 2 < scores.own_total(r) => Some(r),
        (Some(s), _) => Some(s),
        (None, Some(r)) => Some(r),
        (None, None) => doc.select(&BODY).next(),
    }
}

/// Widens the best-scored container to take in its twins: bodies split
/// into sections (around figures, pull quotes or ads) score per section,
/// but the article is all of them. A twin has the same tag and the same
/// non-empty class and scores at least 20% of the best; the root becomes
/// the lowest common ancestor of the best container and its twins, unless
/// that is the whole page. Teaser cards rarely share the body's class.
fn widen<'a>(
    best: ElementRef<'a>,
    best_score: f64,
    doc: &'a Html,
    scores: &Scores,
) -> ElementRef<'a> {
    let min = (best_score * 0.2).max(100.0);
    let Some(class) = best.value().attr("class").filter(|c| !c.trim().is_empty()) else {
        return best;
    };
    let name = best.value().name();
    let twins = scored_elements(doc, scores).filter(|&(e, s)| {
        s >= min && e.value().name() == name && e.value().attr("class") == Some(class)
    });
    let mut root = best;
    for (other, _) in twins {
        if other == root || element_ancestors(*other).any(|a| a == root) {
            continue;
        }
        // The document node above <html> is common to all, but no element.
        let Some(common) =
            element_ancestors(*root).find(|a| element_ancestors(*other).any(|b| b == *a))
        else {
            return best;
        };
        if matches!(common.value().name(), "body" | "html") {
            return best;
        }
        root = common;
    }
    root
}

/// Every element with a readability score, in document order.
fn scored_elements<'a, 's>(
    doc: &'a Html,
    scores: &'s Scores,
) -> impl Iterator<Item = (ElementRef<'a>, f64)> + use<'a, 's> {
    doc.root_element()
        .descendent_elements()
        .filter_map(|e| scores.scores.get(&key(*e)).map(|s| (e, *s)))
}

#[cfg(test)]
mod tests {
    use crate::ingest::html::tests::draft;

    #[test]
    fn readability_fallback_finds_div_text() {
        // No <article> with real text, no <main>: the container with the
        // most paragraph text wins, and a teaser <article> does not.
        let para = "This sentence is part of a long paragraph of the story. ".repeat(5);
        let para2 = "And this one belongs to the second paragraph of it. ".repeat(5);
        let html = format!(
            r#"<html><head><title>Old site story about harbours</title></head><body>
            <div id="menu"><a href="/a">A</a> <a href="/b">B</a></div>
            <article class="teaser"><p>Teaser text.</p></article>
            <table><tr><td class="content">{para}<br><br>{para2}<br><br>
              <span>Photo: Someone</span></td></tr></table>
            <div class="links"><p><a href="/x">Link one</a> <a href="/y">Link two</a></p></div>
            </body></html>"#
        );
        let d = draft(&html);
        let paras: Vec<&str> = d.body.split("\n\n").collect();
        // The photo credit is a label, not prose.
        assert_eq!(paras.len(), 2, "{:?}", paras);
        assert_eq!(paras[0], para.trim());
        assert_eq!(paras[1], para2.trim());
    }

    #[test]
    fn teaser_articles_inside_an_article_are_left_out() {
        // The story is one <article>; "you may also like" is another
        // <article> of teaser <article>s, longer in total than the story.
        let teaser = |n: u32| {
            format!(
                "<article class=\"post\"><h2><a href=\"/{n}\">Other story {n}</a></h2>\
                 <p>A teaser paragraph that runs on for a while about story {n} and more \
                 words to make it long enough to count as text in the scoring.</p></article>"
            )
        };
        let teasers: String = (1..=6).map(teaser).collect();
        // Longer than any one teaser, shorter than all of them.
        let story =
            "The real story is this paragraph, shorter than the teasers together. ".repeat(3);
        let story = story.trim();
        let html = format!(
            "<html><body><div id=\"primary\"><article class=\"post\"><h1>Only those who love</h1>\
             <p>{story}</p>\
             <p><a href=\"/tag\">Tag one</a>, <a href=\"/tag2\">Tag two</a></p></article>\
             <article class=\"post\"><h3>You may also like</h3>{teasers}</article></div></body></html>"
        );
        let d = draft(&html);
        assert_eq!(d.body, story);
    }
}
