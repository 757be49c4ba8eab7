//! The publication date: JSON-LD, meta tags, microdata and `<time>`
//! elements in order of trust, a time of day borrowed from a later source
//! on the same day, and the day in the URL path as the last resort. Every
//! date string goes through [`parse_dated`]. Reads [`Metas`] and [`JsonLd`].

use std::sync::LazyLock;

use regex::Regex;
use scraper::{ElementRef, Html, Selector};

use super::jsonld::JsonLd;
use super::meta::Metas;
use super::shown_date;
use super::tree::{element_text, sel};
use crate::dates::{date_in_url, parse_dated, Dated};

static ITEMPROP_DATE: LazyLock<Selector> = LazyLock::new(|| sel("[itemprop~=datePublished]"));
static TIME_PUBDATE: LazyLock<Selector> = LazyLock::new(|| sel("time[pubdate]"));
static TIME_IN_ARTICLE: LazyLock<Selector> =
    LazyLock::new(|| sel("article time[datetime], main time[datetime]"));
static TIME: LazyLock<Selector> = LazyLock::new(|| sel("time[datetime]"));

/// Meta tags (by `name`, `property` or `itemprop`, lower-cased) that may hold
/// the publication date, after `article:published_time` and JSON-LD.
const DATE_METAS: &[&str] = &[
    "article:published",
    "date",
    "pubdate",
    "publishdate",
    "publish-date",
    "publication_date",
    "dc.date",
    "dc.date.issued",
    "dc.date.created",
    "dcterms.date",
    "dcterms.created",
    "sailthru.date",
    "parsely-pub-date",
    "og:published_time",
    "article.published",
    "datepublished",
    "citation_publication_date",
    "citation_date",
    "bepress_citation_date",
];

/// The publication date: JSON-LD `datePublished` first (as Readability:
/// some sites put the last edit in `article:published_time`), then meta
/// tags, microdata, `<time pubdate>`, the `datePublished` of other JSON-LD
/// objects and of scripts too broken to parse, `<time>` elements, and last
/// a date in the URL path; with none of these, the date the page shows
/// ([`shown_date`]).
///
/// The first of these that parses gives the date. When it has no time of
/// day (`2019-11-19`, or a midnight that CMSs write for a bare date), the
/// first later source before the page-wide `<time>` elements that has one
/// on the same day gives the time: the New York Times' URL says the day,
/// its `datePublished` meta the time. The date keeps the offset of the zone
/// its markup names; the URL's day and the date the page shows have none.
pub(super) fn find_date(
    doc: &Html,
    metas: &Metas<'_>,
    ld: &JsonLd,
    url: Option<&str>,
) -> Option<Dated> {
    let (candidates, timed_sources) = date_candidates(doc, metas, ld);
    let mut parsed = candidates
        .iter()
        .enumerate()
        .filter_map(|(i, s)| parse_dated(s).map(|d| (i, d, has_time_of_day(s))));
    let Some((first_at, first, timed)) = parsed.next() else {
        // Nothing in the markup: the URL's day, else what the page shows.
        return url
            .and_then(date_in_url)
            .or_else(|| shown_date::marked_date(doc))
            .or_else(|| shown_date::text_date(doc))
            .or_else(|| linked_date(doc))
            .map(|instant| Dated {
                instant,
                utc_offset: None,
            });
    };
    if timed {
        return Some(first);
    }
    // The same day: as written when both say it as `2019-11-19`, else
    // where a time of that day may fall in UTC (UTC+14 to UTC-12).
    let written_day = |s: &str| ISO_DAY.find(s).map(|m| m.as_str().to_string());
    let first_day = written_day(&candidates[first_at]);
    let from = first.instant - chrono::Duration::hours(14);
    let to = first.instant + chrono::Duration::hours(36);
    let same_day = |i: usize, d: &Dated| match (&first_day, written_day(&candidates[i])) {
        (Some(a), Some(b)) => *a == b,
        _ => (from..to).contains(&d.instant),
    };
    parsed
        .take_while(|(i, _, _)| *i < timed_sources)
        .find(|(i, d, timed)| *timed && same_day(*i, d))
        .map_or(Some(first), |(_, d, _)| Some(d))
}

/// The date strings of [`find_date`]'s sources, most trusted first, and
/// how many of them come before the page-wide `<time>` elements.
fn date_candidates(doc: &Html, metas: &Metas<'_>, ld: &JsonLd) -> (Vec<String>, usize) {
    let attr_or_text = |e: ElementRef<'_>| {
        e.attr("datetime")
            .or_else(|| e.attr("content"))
            // `<abbr class="published" itemprop="datePublished" title=..>`
            .or_else(|| e.attr("title"))
            .map(str::to_string)
            .or_else(|| Some(element_text(e)).filter(|t| t.chars().count() <= 60))
    };
    let mut candidates: Vec<String> = Vec::new();
    candidates.extend(ld.str_field("datePublished"));
    candidates.extend(metas.get("article:published_time").map(str::to_string));
    candidates.extend(
        DATE_METAS
            .iter()
            .filter_map(|k| metas.get(k))
            .map(str::to_string),
    );
    candidates.extend(doc.select(&ITEMPROP_DATE).filter_map(attr_or_text));
    candidates.extend(doc.select(&TIME_PUBDATE).filter_map(attr_or_text));
    candidates.extend(ld.other_dates());
    candidates.extend(
        doc.select(&TIME_IN_ARTICLE)
            .filter_map(|e| e.attr("datetime"))
            .map(str::to_string),
    );
    // Sources after this one may give the day, not the time: any <time>
    // on the page may be a sidebar story's.
    let timed_sources = candidates.len();
    candidates.extend(
        doc.select(&TIME)
            .filter_map(|e| e.attr("datetime"))
            .map(str::to_string),
    );
    (candidates, timed_sources)
}

/// A time of day in a date string (`T11:00`, ` 9:42:20`), not preceded by
/// a digit.
static TIME_OF_DAY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|[^\d])(\d{1,2}):(\d{2})(?::(\d{2}))?").expect("valid regex")
});

/// A day written as `2019-11-19`.
static ISO_DAY: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\d{4}-\d{2}-\d{2}").expect("valid regex"));

/// Whether a date string says the time of day: `2019-11-19T11:00:09Z`
/// does, `2019-11-19` and `2019-11-19T00:00:00Z` do not.
fn has_time_of_day(s: &str) -> bool {
    TIME_OF_DAY.captures(s).is_some_and(|c| {
        let n = |i: usize| {
            c.get(i)
                .map_or(0, |m| m.as_str().parse::<u32>().unwrap_or(0))
        };
        n(1) + n(2) + n(3) > 0
    })
}

static LINKED: LazyLock<Selector> =
    LazyLock::new(|| sel(r#"meta[property="og:image"][content], img[src], [data-permalink]"#));

/// The last resort: a day in the path of the page's image or of a
/// permalink on it (`/files/2016/05/04/report.png`), which a CMS files
/// by the day the page went up.
fn linked_date(doc: &Html) -> Option<chrono::DateTime<chrono::Utc>> {
    doc.select(&LINKED).find_map(|e| {
        ["content", "src", "data-permalink"]
            .iter()
            .filter_map(|a| e.attr(a))
            .find_map(date_in_url)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::html::tests::draft;

    #[test]
    fn time_element_inside_article_preferred() {
        let d = draft(
            r#"<html><body><header><time datetime="2020-01-01">Today</time></header>
            <article><h1>Storm</h1><time datetime="2016-05-03T10:04:00Z">May 3</time>
            <p>Wind.</p></article></body></html>"#,
        );
        assert_eq!(d.date.unwrap().to_rfc3339(), "2016-05-03T10:04:00+00:00");
        assert_eq!(d.title.as_deref(), Some("Storm"));
    }

    #[test]
    fn meta_date_names() {
        let d = draft(
            r#"<html><head><meta name="DC.date.issued" content="3 May 2016 10:04 BST"><title>X y z</title></head><body><p>a</p></body></html>"#,
        );
        assert_eq!(d.date.unwrap().to_rfc3339(), "2016-05-03T09:04:00+00:00");
        assert_eq!(d.utc_offset, Some(3600), "the zone the page names is kept");
        let d = draft(
            r#"<html><head><meta property="article:published_time" content="2016-05-03T01:00:00+09:00"><title>X y z</title></head><body><p>a</p></body></html>"#,
        );
        assert_eq!(d.utc_offset, Some(9 * 3600));
        assert_eq!(d.date.unwrap().to_rfc3339(), "2016-05-02T16:00:00+00:00");
    }

    #[test]
    fn url_dates_canonical_site_and_section() {
        let d = draft(
            r#"<html><head><title>Storm hits coast | Daily Post</title>
            <link rel="canonical" href="/2019/04/28/storm-hits-coast/">
            <meta property="og:url" content="https://example.com/2019/04/28/storm-hits-coast/">
            <meta name="application-name" content="Daily Post">
            <meta name="parsely-section" content="Weather">
            </head><body><p>Wind.</p></body></html>"#,
        );
        assert_eq!(
            d.url.as_deref(),
            Some("https://example.com/2019/04/28/storm-hits-coast/")
        );
        assert_eq!(d.date.unwrap().to_rfc3339(), "2019-04-28T00:00:00+00:00");
        assert_eq!(d.source.as_deref(), Some("Daily Post"));
        assert_eq!(d.section.as_deref(), Some("Weather"));
        assert_eq!(d.title.as_deref(), Some("Storm hits coast"));
        assert_eq!(
            date_in_url("https://x.com/news/20190428-storm"),
            crate::dates::parse_date("2019-04-28")
        );
        assert_eq!(date_in_url("https://x.com/2019/13/40/x"), None);
        assert_eq!(date_in_url("https://x.com/a?d=/2019/04/28/"), None);
        assert_eq!(
            date_in_url("https://p.com/s/2019/nov/18/x/"),
            crate::dates::parse_date("2019-11-18")
        );
    }

    #[test]
    fn dates_keep_their_time_of_day() {
        // The New York Times: `itemprop="datePublished dateCreated"` on a
        // meta tag, and only the day in the URL.
        let d = draft(
            r#"<html><head><meta property="article:published" itemprop="datePublished dateCreated" content="2019-11-19T11:00:09.000Z">
            <meta name="pdate" content="20191119">
            <link rel="canonical" href="https://www.nytimes.com/2019/11/19/opinion/x.html">
            <title>A b c d</title></head><body><p>x</p></body></html>"#,
        );
        assert_eq!(d.date.unwrap().to_rfc3339(), "2019-11-19T11:00:09+00:00");
        // A bare day in JSON-LD takes the time from a later source.
        let d = draft(
            r#"<html><head><script type="application/ld+json">{"@type": "NewsArticle", "headline": "H", "datePublished": "2014-09-15"}</script>
            <meta property="article:published_time" content="2014-09-15T14:22:02+00:00">
            </head><body><p>x</p></body></html>"#,
        );
        assert_eq!(d.date.unwrap().to_rfc3339(), "2014-09-15T14:22:02+00:00");
        // ...but not from another day.
        let d = draft(
            r#"<html><head><script type="application/ld+json">{"@type": "NewsArticle", "headline": "H", "datePublished": "2014-09-15"}</script>
            <meta property="article:published_time" content="2014-09-18T14:22:02+00:00">
            </head><body><p>x</p></body></html>"#,
        );
        assert_eq!(d.date.unwrap().to_rfc3339(), "2014-09-15T00:00:00+00:00");
        // Microdata as element text, and <time pubdate>.
        let d = draft(
            r#"<html><body><div itemprop="datePublished">2019-11-13T23:06:00+01:00</div><p>x</p></body></html>"#,
        );
        assert_eq!(d.date.unwrap().to_rfc3339(), "2019-11-13T22:06:00+00:00");
        let d = draft(
            r#"<html><body><time>Yesterday</time><time pubdate datetime="2012-02-01T09:30:00Z">1 Feb</time><p>x</p></body></html>"#,
        );
        assert_eq!(d.date.unwrap().to_rfc3339(), "2012-02-01T09:30:00+00:00");
        // A time written without seconds, and a later <time pubdate> of
        // another story (the next day) that must not lend its time.
        let d = draft(
            r#"<html><head><meta itemprop="datePublished" content="2019-11-19T13:16+0000"></head><body>
            <time datetime="2019-11-20T09:42:20" itemprop="datePublished" pubdate="">x</time><p>x</p></body></html>"#,
        );
        assert_eq!(d.date.unwrap().to_rfc3339(), "2019-11-19T13:16:00+00:00");
        assert!(has_time_of_day("2019-11-19T11:00:09Z"));
        assert!(has_time_of_day("2019-11-19T13:16+0000"));
        assert!(!has_time_of_day("2019-11-19T00:00:00Z"));
        assert!(!has_time_of_day("2019-11-19"));
    }
}
