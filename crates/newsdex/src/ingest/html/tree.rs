//! Helpers over the parsed tree that the other parts of the HTML parser
//! share: node keys, the depth-capped walk up to an element's ancestors,
//! element text, and building the constant CSS selectors. Talks only to
//! `scraper`.

use std::ops::Deref;

use scraper::{ElementRef, Selector};

use crate::text::collapse_ws;

/// A node of the parsed tree (ego-tree's `NodeRef`, which scraper does not
/// re-export by name).
pub(super) type NodeRef<'a> = <ElementRef<'a> as Deref>::Target;

/// How far up the tree the scoring looks. Real pages nest a few dozen
/// levels; the cap keeps pathological nesting (100,000 unclosed `<div>`s)
/// from making the scoring quadratic.
const MAX_DEPTH: usize = 256;

pub(super) fn sel(css: &str) -> Selector {
    // The selectors below are constants; a typo is a programming error that
    // the unit tests catch on first use.
    Selector::parse(css).expect("valid CSS selector")
}

/// The elements above a node, nearest first, at most [`MAX_DEPTH`] levels
/// up (the document node above `<html>` is not an element).
pub(super) fn element_ancestors(node: NodeRef<'_>) -> impl Iterator<Item = ElementRef<'_>> {
    node.ancestors()
        .take(MAX_DEPTH)
        .filter_map(ElementRef::wrap)
}

/// All text under an element, white space collapsed.
pub(super) fn element_text(el: ElementRef<'_>) -> String {
    let mut s = String::new();
    for t in el.text() {
        s.push_str(t);
        s.push(' ');
    }
    collapse_ws(&s)
}

/// A stable key for a node within one parsed document.
pub(super) fn key(n: NodeRef<'_>) -> usize {
    std::ptr::from_ref(n.value()) as usize
}
