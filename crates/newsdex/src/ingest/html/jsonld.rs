//! The page's schema.org JSON-LD: every object in its
//! `application/ld+json` scripts (arrays, `@graph` and `mainEntity`
//! flattened), the article among them, and the fields the metadata
//! lookups ask of it (headline, dates, authors, publisher, site name),
//! `{"@id": ...}` references resolved and entities decoded. Scripts are
//! read by [`parse_json_lenient`].

use std::sync::LazyLock;

use regex::Regex;
use scraper::{Html, Selector};
use serde_json::Value;

use super::entities::decode_entities;
use super::lenient_json::parse_json_lenient;
use super::tree::sel;
use crate::ingest::byline::looks_like_url;
use crate::text::collapse_ws;

static JSON_LD: LazyLock<Selector> =
    LazyLock::new(|| sel(r#"script[type="application/ld+json" i]"#));

/// The page's schema.org JSON-LD: the article object, if any, plus every
/// object seen (to resolve `{"@id": ...}` references such as Yoast's).
pub(super) struct JsonLd {
    objects: Vec<Value>,
    /// Index into `objects` of the article.
    article: Option<usize>,
    /// `datePublished` values found by pattern in scripts that would not
    /// parse even leniently (an unescaped quote in a description).
    loose_dates: Vec<String>,
}

/// A `datePublished` value, found by pattern in broken JSON.
static LOOSE_DATE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r#""datePublished"\s*:\s*"([^"\\]{6,40})""#).expect("valid regex"));

impl JsonLd {
    pub(super) fn new(doc: &Html) -> Self {
        let mut objects = Vec::new();
        let mut loose_dates = Vec::new();
        for script in doc.select(&JSON_LD) {
            let raw: String = script.text().collect();
            let values = parse_json_lenient(&raw);
            if values.is_empty() {
                loose_dates.extend(LOOSE_DATE.captures_iter(&raw).map(|c| c[1].to_string()));
            }
            for v in values {
                flatten_json_ld(v, &mut objects);
            }
        }
        let article = objects
            .iter()
            .position(|o| is_article_type(o) && o.get("headline").is_some())
            .or_else(|| objects.iter().position(is_article_type))
            .or_else(|| {
                objects
                    .iter()
                    .position(|o| o.get("headline").is_some() && o.get("datePublished").is_some())
            });
        JsonLd {
            objects,
            article,
            loose_dates,
        }
    }

    /// `datePublished` of the objects other than the article (a Yoast
    /// `WebPage`), then those found in broken scripts.
    pub(super) fn other_dates(&self) -> Vec<String> {
        self.objects
            .iter()
            .enumerate()
            .filter(|(i, _)| Some(*i) != self.article)
            .filter_map(|(_, o)| o.get("datePublished")?.as_str())
            .map(str::to_string)
            .chain(self.loose_dates.iter().cloned())
            .collect()
    }

    fn article(&self) -> Option<&Value> {
        self.article.and_then(|i| self.objects.get(i))
    }

    /// An object by its `@id`, for `{"@id": "..."}` references.
    fn resolve<'v>(&'v self, v: &'v Value) -> &'v Value {
        let Some(obj) = v.as_object() else {
            return v;
        };
        if obj.len() != 1 {
            return v;
        }
        let Some(id) = obj.get("@id").and_then(Value::as_str) else {
            return v;
        };
        self.objects
            .iter()
            .find(|o| {
                o.get("@id").and_then(Value::as_str) == Some(id)
                    && o.as_object().is_some_and(|m| m.len() > 1)
            })
            .unwrap_or(v)
    }

    /// A string field of the article, entities decoded, white space trimmed.
    pub(super) fn str_field(&self, key: &str) -> Option<String> {
        let s = self.article()?.get(key)?.as_str()?;
        let s = decode_entities(s.trim());
        (!s.is_empty()).then_some(s)
    }

    /// A field that may be a string or an array of strings: the first one.
    pub(super) fn first_str(&self, key: &str) -> Option<String> {
        let v = self.article()?.get(key)?;
        let s = match v {
            Value::Array(a) => a.iter().find_map(Value::as_str)?,
            other => other.as_str()?,
        };
        let s = collapse_ws(&decode_entities(s));
        (!s.is_empty()).then_some(s)
    }

    /// The name of the schema.org `WebSite` object, for pages whose
    /// article names no publisher.
    pub(super) fn site_name(&self) -> Option<String> {
        let site = self.objects.iter().find(|o| {
            o.get("@type").and_then(Value::as_str) == Some("WebSite") && o.get("name").is_some()
        })?;
        let name = collapse_ws(&decode_entities(site.get("name")?.as_str()?));
        (!name.is_empty()).then_some(name)
    }

    pub(super) fn publisher(&self) -> Option<String> {
        let p = self.resolve(self.article()?.get("publisher")?);
        let p = match p {
            Value::Array(a) => a.first()?,
            other => other,
        };
        let p = self.resolve(p);
        let name = p
            .get("name")
            .and_then(Value::as_str)
            .or_else(|| p.as_str())?;
        let name = collapse_ws(&decode_entities(name));
        (!name.is_empty()).then_some(name)
    }

    /// Author names: a string, an object with `name`, or an array of those.
    pub(super) fn authors(&self) -> Vec<String> {
        let Some(a) = self.article().and_then(|a| a.get("author")) else {
            return Vec::new();
        };
        let items: Vec<&Value> = match a {
            Value::Array(items) => items.iter().collect(),
            other => vec![other],
        };
        let mut names: Vec<String> = Vec::new();
        for item in items {
            let item = self.resolve(item);
            let name = match item {
                Value::String(s) => Some(s.as_str()),
                Value::Object(o) => o.get("name").and_then(|n| match n {
                    Value::Array(a) => a.iter().find_map(Value::as_str),
                    other => other.as_str(),
                }),
                _ => None,
            };
            if let Some(n) = name.map(|n| collapse_ws(&decode_entities(n))) {
                if !n.is_empty() && !looks_like_url(&n) && !names.contains(&n) {
                    names.push(n);
                }
            }
        }
        names
    }
}

/// Collects every object in a JSON-LD value: array items, `@graph` members
/// and `mainEntity` objects included. Iterative, so depth cannot overflow.
fn flatten_json_ld(v: Value, out: &mut Vec<Value>) {
    let mut stack = vec![v];
    while let Some(v) = stack.pop() {
        match v {
            Value::Array(items) => stack.extend(items.into_iter().rev()),
            Value::Object(mut obj) => {
                let graph = obj.remove("@graph");
                let main = obj
                    .get("mainEntity")
                    .filter(|m| m.get("@type").is_some())
                    .cloned();
                if !obj.is_empty() {
                    out.push(Value::Object(obj));
                }
                if let Some(m) = main {
                    stack.push(m);
                }
                if let Some(g) = graph {
                    stack.push(g);
                }
            }
            _ => {}
        }
    }
}

/// Whether a JSON-LD object is a news article, blog post or the like.
fn is_article_type(v: &Value) -> bool {
    let matches = |t: &str| {
        let t = t.rsplit(['/', ':']).next().unwrap_or(t);
        t.ends_with("Article") || t.ends_with("BlogPosting") || t == "Report"
    };
    match v.get("@type") {
        Some(Value::String(t)) => matches(t),
        Some(Value::Array(ts)) => ts.iter().filter_map(Value::as_str).any(matches),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use crate::ingest::html::tests::draft;

    #[test]
    fn json_ld_news_article() {
        let body = "First paragraph of the wire story, which is long. ".repeat(8)
            + "\n\n"
            + &"Second paragraph, also quite long indeed. ".repeat(6);
        let ld = serde_json::json!({
            "@context": "https://schema.org",
            "@graph": [
                {"@type": "WebSite", "@id": "https://ex.com/#site", "name": "Example"},
                {"@type": "Person", "@id": "https://ex.com/#ann", "name": "Ann Lee"},
                {
                    "@type": ["NewsArticle"],
                    "headline": "Rates rise &amp; markets fall",
                    "datePublished": "2019-11-20T08:02:00Z",
                    "author": [{"@id": "https://ex.com/#ann"}, {"@type": "Person", "name": "Bo Chan"}, "Cy Diaz"],
                    "publisher": {"@type": "Organization", "name": "Example Times"},
                    "articleSection": ["Business", "Markets"],
                    "articleBody": body,
                }
            ]
        });
        let html = format!(
            r#"<html><head><script type="application/ld+json">{ld}</script></head>
            <body><article><p>Teaser only.</p></article></body></html>"#
        );
        let d = draft(&html);
        assert_eq!(d.title.as_deref(), Some("Rates rise & markets fall"));
        assert_eq!(d.byline.as_deref(), Some("Ann Lee, Bo Chan, Cy Diaz"));
        assert_eq!(d.date.unwrap().to_rfc3339(), "2019-11-20T08:02:00+00:00");
        assert_eq!(d.source.as_deref(), Some("Example Times"));
        assert_eq!(d.section.as_deref(), Some("Business"));
        let paras: Vec<&str> = d.body.split("\n\n").collect();
        assert_eq!(paras.len(), 2);
        assert!(paras[0].starts_with("First paragraph"));
        assert!(paras[1].ends_with("indeed."));
    }

    #[test]
    fn json_ld_short_body_and_lenient_json() {
        // A short articleBody is a teaser: the page text wins. The raw
        // newline inside the string is invalid JSON that pages still ship.
        let html = "<html><head><script type=\"application/ld+json\">\n<!--\n[{\"@type\": \"BlogPosting\", \"headline\": \"A post\nabout bees\", \"articleBody\": \"Short.\", \"author\": {\"name\": \"Di Eng\"}}]\n-->\n</script></head><body><article><p>The real text about bees.</p></article></body></html>";
        let d = draft(html);
        assert_eq!(d.title.as_deref(), Some("A post about bees"));
        assert_eq!(d.byline.as_deref(), Some("Di Eng"));
        assert_eq!(d.body, "The real text about bees.");
    }
}
