//! The page's `<meta>` tags, read once into a map that the title, date,
//! byline and site lookups query by name; and the section, which only meta
//! tags and JSON-LD give.

use std::collections::HashMap;
use std::sync::LazyLock;

use scraper::{Html, Selector};

use super::jsonld::JsonLd;
use super::tree::sel;
use crate::text::collapse_ws;

static META: LazyLock<Selector> = LazyLock::new(|| sel("meta[content]"));

/// Meta tags that may name the section, in order of preference.
const SECTION_METAS: &[&str] = &[
    "article:section",
    "section",
    "parsely-section",
    "sailthru.section",
    "dc.subject",
    "category",
];

/// The page's meta tags, keyed by lower-cased `property`, `name` or
/// `itemprop`; the first non-empty value of each key wins.
pub(super) struct Metas<'a> {
    map: HashMap<String, &'a str>,
}

impl<'a> Metas<'a> {
    pub(super) fn new(doc: &'a Html) -> Self {
        let mut map = HashMap::new();
        for el in doc.select(&META) {
            let Some(content) = el.attr("content").map(str::trim).filter(|c| !c.is_empty()) else {
                continue;
            };
            // `itemprop="datePublished dateCreated"` (the New York Times)
            // names two properties.
            for attr in ["property", "name", "itemprop"] {
                for key in el.attr(attr).into_iter().flat_map(str::split_whitespace) {
                    map.entry(key.to_ascii_lowercase()).or_insert(content);
                }
            }
        }
        Metas { map }
    }

    pub(super) fn get(&self, key: &str) -> Option<&'a str> {
        self.map.get(key).copied()
    }
}

/// The section: the first meta tag of [`SECTION_METAS`] that names one,
/// else JSON-LD `articleSection`. Cleaned (`/world/middle_east`,
/// `News, News`) with every format's section in `Article::from_draft`.
pub(super) fn section(metas: &Metas<'_>, ld: &JsonLd) -> Option<String> {
    SECTION_METAS
        .iter()
        .filter_map(|k| metas.get(k))
        .map(collapse_ws)
        .chain(ld.first_str("articleSection"))
        .find(|s| !s.is_empty() && s.chars().count() <= 60)
}
