//! The byline: author meta tags, JSON-LD `author`, `rel=author` links,
//! then byline-looking markup outside comments, teasers and other
//! furniture. Each name is cleaned by [`byline::clean`], which also drops
//! the page's own names (site, source, host). Reads [`Metas`] and
//! [`JsonLd`].

use std::sync::LazyLock;

use regex::Regex;
use scraper::{ElementRef, Html, Selector};

use super::jsonld::JsonLd;
use super::meta::Metas;
use super::tree::{element_ancestors, element_text, sel};
use crate::ingest::byline::{self, looks_like_url};

static REL_AUTHOR: LazyLock<Selector> = LazyLock::new(|| sel(r#"[rel~="author" i]"#));
static BYLINE: LazyLock<Selector> = LazyLock::new(|| {
    sel(
        r#"[itemprop~="author"], [class*="byline" i], .author, [class*="author-name" i], [class*="authorname" i]"#,
    )
});

/// Containers whose author names are not the article's.
static NOT_BYLINE_AREA: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"comment|related|recirc|promo|more-?stories|sidebar|footer|outbrain|taboola|teaser")
        .expect("valid regex")
});

/// Meta tags that may name the author, in order of preference.
const BYLINE_METAS: &[&str] = &[
    "author",
    "byl",
    "article:author_name",
    "article:author",
    "parsely-author",
    "sailthru.author",
    "dc.creator",
    "dcterms.creator",
];

/// `outlets`: the page's own names, dropped from bylines
/// ([`byline::clean`]).
pub(super) fn find_byline(
    doc: &Html,
    metas: &Metas<'_>,
    ld: &JsonLd,
    outlets: &[&str],
) -> Option<String> {
    let clean_byline = |s: &str| byline::clean(s, outlets);
    if let Some(b) = BYLINE_METAS
        .iter()
        .filter_map(|k| metas.get(k))
        .filter(|a| !looks_like_url(a))
        .find_map(&clean_byline)
    {
        return Some(b);
    }
    let names: Vec<String> = ld
        .authors()
        .iter()
        .filter_map(|n| clean_byline(n))
        .collect();
    if !names.is_empty() {
        return Some(names.join(", "));
    }
    let mut names: Vec<String> = Vec::new();
    for el in doc.select(&REL_AUTHOR) {
        if let Some(n) = clean_byline(&element_text(el)) {
            if !names.contains(&n) {
                names.push(n);
            }
        }
    }
    if !names.is_empty() {
        return Some(names.join(", "));
    }
    doc.select(&BYLINE)
        .filter(|el| !inside_furniture(*el))
        .find_map(|el| {
            // Microdata authors often wrap the name in [itemprop=name].
            let text = el
                .attr("content")
                .map(str::to_string)
                .unwrap_or_else(|| element_text(el));
            clean_byline(&text)
        })
}

/// Whether an element sits in page furniture (nav, footer, comments...).
fn inside_furniture(el: ElementRef<'_>) -> bool {
    element_ancestors(*el).any(|a| {
        let v = a.value();
        matches!(v.name(), "nav" | "footer" | "aside")
            || v.attr("class")
                .is_some_and(|c| NOT_BYLINE_AREA.is_match(&c.to_ascii_lowercase()))
    })
}

#[cfg(test)]
mod tests {
    use crate::ingest::html::tests::draft;

    #[test]
    fn byline_cleaning() {
        let d = draft(
            r#"<html><head><meta name="author" content="Staff"><title>A b c d</title></head>
            <body><article><a rel="author" href="/ann">Ann Lee</a> and <a rel="author" href="/bo">Bo Chan</a><p>x</p></article></body></html>"#,
        );
        assert_eq!(d.byline.as_deref(), Some("Ann Lee, Bo Chan"));
    }

    #[test]
    fn bylines_lose_agencies_and_the_site_name_and_capitals() {
        let d = draft(
            r#"<html><head><meta property="og:site_name" content="Business Insider">
            <meta name="author" content="TANZA LOUDENBACK, Business Insider"><title>A b c d</title></head>
            <body><p>x</p></body></html>"#,
        );
        assert_eq!(d.byline.as_deref(), Some("Tanza Loudenback"));
        // The host name stands for the site when the page names none.
        let d = draft(
            r#"<html><head><link rel="canonical" href="https://futurism.com/x">
            <meta name="author" content="Victor Tangermann, Futurism"><title>A b c d</title></head>
            <body><p>x</p></body></html>"#,
        );
        assert_eq!(d.byline.as_deref(), Some("Victor Tangermann"));
        assert_eq!(d.source.as_deref(), Some("futurism.com"));
    }
}
