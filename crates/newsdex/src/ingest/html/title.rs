//! The headline: `og:title` (unless it is just the site's name), JSON-LD
//! `headline`, an `<h1>` in the article or `<main>`, then the page's
//! `<title>` or any `<h1>`, with the site's name cut off titles that carry
//! it. Reads [`Metas`] and [`JsonLd`].

use std::sync::LazyLock;

use scraper::{Html, Selector};

use super::jsonld::JsonLd;
use super::meta::Metas;
use super::tree::{element_text, sel};
use crate::text::collapse_ws;

static TITLE: LazyLock<Selector> = LazyLock::new(|| sel("title"));
static H1_IN_MAIN: LazyLock<Selector> =
    LazyLock::new(|| sel("article h1, main h1, [role=main] h1"));
static H1: LazyLock<Selector> = LazyLock::new(|| sel("h1"));

pub(super) fn find_title(
    doc: &Html,
    metas: &Metas<'_>,
    ld: &JsonLd,
    site: Option<&str>,
) -> Option<String> {
    let html_title = doc
        .select(&TITLE)
        .next()
        .map(element_text)
        .filter(|t| !t.is_empty());
    // An og:title that is just the site's name (a generic page title) is
    // no headline.
    let is_site = |t: &str| site.is_some_and(|s| s.eq_ignore_ascii_case(t));
    if let Some(og) = metas
        .get("og:title")
        .map(collapse_ws)
        .filter(|t| !t.is_empty() && !is_site(t))
    {
        // An og:title identical to <title> carries the same site suffix; a
        // different one is usually the bare headline, so only strip a part
        // that is exactly the site name.
        let lenient = html_title.as_deref() == Some(og.as_str());
        return Some(strip_site_suffix(&og, site, lenient));
    }
    if let Some(h) = ld.str_field("headline").map(|h| collapse_ws(&h)) {
        return Some(h);
    }
    if let Some(h1) = doc
        .select(&H1_IN_MAIN)
        .map(element_text)
        .find(|t| is_headline_sized(t))
    {
        return Some(h1);
    }
    let page_title = html_title.map(|t| strip_site_suffix(&t, site, true));
    let h1 = doc
        .select(&H1)
        .map(element_text)
        .find(|t| is_headline_sized(t));
    match (h1, page_title) {
        // An <h1> outside any article that shares little with a full-length
        // <title> is a section banner ("Allergies Health Center").
        (Some(h1), Some(t)) if t.split_whitespace().count() >= 4 && word_overlap(&h1, &t) < 0.5 => {
            Some(t)
        }
        (Some(h1), _) => Some(h1),
        (None, t) => t,
    }
}

/// An `<h1>` long enough to say something and short enough to be a
/// headline rather than a caption some sites mark up as one.
fn is_headline_sized(t: &str) -> bool {
    !t.is_empty() && t.chars().count() <= 200
}

/// Share of `a`'s words (lower-cased) that also occur in `b`.
fn word_overlap(a: &str, b: &str) -> f64 {
    let b_words: Vec<String> = b.split_whitespace().map(str::to_lowercase).collect();
    let a_words: Vec<String> = a.split_whitespace().map(str::to_lowercase).collect();
    if a_words.is_empty() {
        return 0.0;
    }
    let shared = a_words.iter().filter(|w| b_words.contains(w)).count();
    shared as f64 / a_words.len() as f64
}

/// Separators between a headline and a site or section name in titles.
const TITLE_SEPARATORS: &[&str] = &[" | ", " - ", " — ", " – ", " :: ", " · ", " « ", " » "];

/// Drops a site-name suffix (and a site-name prefix) from a page title.
///
/// A part is dropped when it equals the site name or, when `lenient`, when it
/// is short (at most four words) and what remains is the longer part and at
/// least two words. Further trailing parts are dropped only with the same
/// separator, so `Mayor resigns - again | Site` keeps its dash.
fn strip_site_suffix(title: &str, site: Option<&str>, lenient: bool) -> String {
    let site = site
        .map(|s| s.trim().to_lowercase())
        .filter(|s| !s.is_empty());
    let is_site = |part: &str| {
        let p = part.trim().to_lowercase();
        site.as_ref().is_some_and(|s| {
            // "Aktuálně.cz" for a site named "Aktuálně.cz - Víte, co se děje".
            let site_head = TITLE_SEPARATORS
                .iter()
                .filter_map(|sep| s.split_once(sep).map(|(h, _)| h))
                .min_by_key(|h| h.len())
                .unwrap_or(s);
            p == *s
                || p == site_head
                || p.trim_start_matches("the ") == s.trim_start_matches("the ")
                || (p.len() <= s.len() + 12 && p.contains(s.as_str()))
        })
    };
    let words = |s: &str| s.split_whitespace().count();
    let mut t = title.trim().to_string();
    let mut used_sep: Option<&str> = None;
    loop {
        let cut = TITLE_SEPARATORS
            .iter()
            .filter(|sep| used_sep.is_none_or(|u| u == **sep))
            .filter_map(|sep| t.rfind(sep).map(|i| (i, *sep)))
            .max_by_key(|&(i, _)| i);
        let Some((i, sep)) = cut else { break };
        let (head, tail) = (&t[..i], &t[i + sep.len()..]);
        let droppable = is_site(tail)
            || (lenient && words(tail) <= 4 && words(head) >= 2 && head.len() > tail.len());
        if !droppable || head.trim().is_empty() {
            break;
        }
        t = head.trim().to_string();
        used_sep = Some(sep);
    }
    // "Site | Headline" or "Site - Headline".
    if let Some((i, sep)) = TITLE_SEPARATORS
        .iter()
        .filter_map(|sep| t.find(sep).map(|i| (i, *sep)))
        .min_by_key(|&(i, _)| i)
    {
        let (head, tail) = (&t[..i], &t[i + sep.len()..]);
        if is_site(head) && words(tail) >= 2 {
            t = tail.trim().to_string();
        }
    }
    t
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::html::tests::draft;

    #[test]
    fn title_suffix_rules() {
        let strip = |t, site, lenient| strip_site_suffix(t, site, lenient);
        assert_eq!(
            strip(
                "US service members killed in helicopter crash | Afghanistan News | Al Jazeera",
                None,
                true
            ),
            "US service members killed in helicopter crash"
        );
        assert_eq!(
            strip(
                "Halibut season opens | The Seattle Times",
                Some("The Seattle Times"),
                false
            ),
            "Halibut season opens"
        );
        // A different og:title keeps a short dashed part unless it is the site.
        assert_eq!(
            strip("Mayor resigns - again", Some("Hosted"), false),
            "Mayor resigns - again"
        );
        assert_eq!(
            strip("Sondland faces questions | Hosted", Some("Hosted"), false),
            "Sondland faces questions"
        );
        // Only the trailing separator kind is stripped repeatedly, and a
        // one-word head is never what remains.
        assert_eq!(
            strip("Mayor resigns - again | Daily Post", None, true),
            "Mayor resigns - again"
        );
        assert_eq!(
            strip("Trump - the man who would be king", None, true),
            "Trump - the man who would be king"
        );
        assert_eq!(
            strip("BBC News - Mayor wins vote", Some("BBC News"), false),
            "Mayor wins vote"
        );
        assert_eq!(
            strip(
                "West Ham wins | Aktuálně.cz",
                Some("Aktuálně.cz - Víte, co se děje"),
                false
            ),
            "West Ham wins"
        );
    }

    #[test]
    fn title_fallbacks() {
        let d = draft("<html><head><title>Flood waters rise in the valley | Hosted</title></head><body><h1>Site Banner</h1><p>Text of the story.</p></body></html>");
        assert_eq!(d.title.as_deref(), Some("Flood waters rise in the valley"));
        let d = draft("<html><head><title>Daily Post</title></head><body><main><h1>Flood waters rise</h1><p>Text.</p></main></body></html>");
        assert_eq!(d.title.as_deref(), Some("Flood waters rise"));
        // A title but no text: still one draft, with an empty body.
        let d = draft("<html><head><title>Only a headline here</title></head><body></body></html>");
        assert_eq!(d.title.as_deref(), Some("Only a headline here"));
        assert_eq!(d.body, "");
    }
}
