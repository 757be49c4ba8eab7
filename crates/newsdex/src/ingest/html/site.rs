//! Which site a page belongs to and where it lives: the site's name (meta
//! tags, else the JSON-LD publisher or `WebSite`), the page's absolute URL,
//! the article's source, and the host names bylines drop. Reads [`Metas`]
//! and [`JsonLd`]; hosts come from [`crate::article::url_host`].

use std::sync::LazyLock;

use scraper::{Html, Selector};

use super::jsonld::JsonLd;
use super::meta::Metas;
use super::tree::sel;
use crate::ingest::byline::looks_like_url;
use crate::text::collapse_ws;

static CANONICAL: LazyLock<Selector> = LazyLock::new(|| sel(r#"link[rel~="canonical" i][href]"#));

/// The site's name as the page gives it: `og:site_name` or
/// `application-name`, else the JSON-LD publisher, else the JSON-LD
/// `WebSite`'s name.
pub(super) fn site_name(metas: &Metas<'_>, ld: &JsonLd) -> Option<String> {
    metas
        .get("og:site_name")
        .or_else(|| metas.get("application-name"))
        .map(collapse_ws)
        .filter(|s| !s.is_empty())
        .or_else(|| ld.publisher())
        .or_else(|| ld.site_name())
}

/// The page's URL: the canonical link, `og:url`, then the JSON-LD `url` or
/// `mainEntityOfPage`. Only an absolute URL is worth keeping: a relative
/// canonical link gives way to og:url or the JSON-LD url.
pub(super) fn page_url(doc: &Html, metas: &Metas<'_>, ld: &JsonLd) -> Option<String> {
    doc.select(&CANONICAL)
        .filter_map(|e| e.attr("href"))
        .chain(metas.get("og:url"))
        .map(str::trim)
        .map(str::to_string)
        .chain(ld.first_str("url"))
        .chain(ld.first_str("mainEntityOfPage"))
        .find(|h| h.starts_with("http://") || h.starts_with("https://"))
}

/// The article's source: the site's name, never a URL. A name given as a
/// URL (`http://www.tmz.com`) becomes its host (`tmz.com`); a name with a
/// tagline (`Yahoo News - Latest News & Headlines`) loses the tagline;
/// with no name, the host of the page's URL without `www.`.
pub(super) fn site_source(site_name: Option<&str>, url: Option<&str>) -> Option<String> {
    match site_name {
        Some(name) if looks_like_url(name) || name.contains("://") => host(name),
        Some(name) => Some(without_tagline(name).to_string()),
        None => url.and_then(host),
    }
    .filter(|s| !s.is_empty())
}

/// `Aktuálně.cz - Víte, co se právě děje` → `Aktuálně.cz`: a site name
/// followed by a tagline of three words or more.
fn without_tagline(name: &str) -> &str {
    for sep in [" - ", " | ", " – ", " — "] {
        if let Some((head, tail)) = name.split_once(sep) {
            if !head.trim().is_empty() && tail.split_whitespace().count() >= 3 {
                return head.trim();
            }
        }
    }
    name
}

/// The host of a URL, lower-cased, without `www.` or a port:
/// `https://www.NYTimes.com:443/x` → `nytimes.com`.
fn host(url: &str) -> Option<String> {
    let host = crate::article::url_host(url)?;
    let host = host.strip_prefix("www.").unwrap_or(&host);
    (host.contains('.') && !host.contains(char::is_whitespace)).then(|| host.to_string())
}

/// A URL's host without `www.` and its last part, the name a byline may
/// sign with: `https://www.futurism.com/x` → `futurism`.
pub(super) fn host_name(url: &str) -> Option<String> {
    host(url).map(|h| {
        let h = h.rsplit_once('.').map_or(h.as_str(), |(name, _tld)| name);
        h.to_string()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn source_is_a_site_name_not_a_url() {
        assert_eq!(
            site_source(Some("http://www.tmz.com"), None).as_deref(),
            Some("tmz.com")
        );
        assert_eq!(
            site_source(None, Some("https://www.nytimes.com/2019/11/19/x.html")).as_deref(),
            Some("nytimes.com")
        );
        assert_eq!(
            site_source(Some("Yahoo News - Latest News & Headlines"), None).as_deref(),
            Some("Yahoo News")
        );
        assert_eq!(
            site_source(Some("BBC News"), Some("https://bbc.co.uk/x")).as_deref(),
            Some("BBC News")
        );
        assert_eq!(site_source(None, None), None);
        assert_eq!(
            host("https://user@WWW.Example.com:8080/a?b").as_deref(),
            Some("example.com")
        );
        assert_eq!(host("not a url"), None);
    }
}
