//! Between [`Article`] and tantivy documents: [`ArticleDoc`], the article
//! as the index writer takes it (every field value borrowed from the
//! article), [`from_document`], an article read back from its stored
//! fields, and the URL keys `url_parts` indexes. Talks to the schema's
//! [`Fields`] and to `crate::people` for the person terms.

use chrono::{DateTime, Utc};
use tantivy::schema::document::{Document, ReferenceValue, ReferenceValueLeaf};
use tantivy::schema::{Field, OwnedValue, Value};
use tantivy::{DateTime as TantivyDateTime, TantivyDocument};

use super::stem_cache::without_mark;
use super::{language_mark, Fields, SKETCH_COLUMNS};
use crate::article::Article;
use crate::meaning::PACKED;

/// An article as the index writer takes it: the [`Article`] itself, with
/// every field value borrowed from it when tantivy asks.
///
/// Building a [`TantivyDocument`] copied the body three times (stored,
/// a stemmed copy, `body_exact`) and the headline five, on the one thread that
/// feeds the writer, and tantivy queues up to 10,000 documents: on the 1x
/// benchmark corpus the copies were about 5% of indexing CPU and over a
/// hundred MB of queued text.
///
/// One pointer wide: tantivy's queue allocates its 10,000 slots up front,
/// each the size of four documents; with the article inline they were
/// 37 MB of the indexer's peak memory.
pub struct ArticleDoc(Box<Parts>);

/// What an [`ArticleDoc`] holds.
struct Parts {
    fields: Fields,
    article: Article,
    /// The URL's [`url_keys`], which the article does not hold.
    url_keys: Vec<String>,
    /// Each person's variant terms (`crate::people::Variant`), same order
    /// as the article's people.
    person_keys: Vec<[String; 4]>,
    /// Each person's terms for linking across articles
    /// (`crate::people::link_rule::index_terms`), indexed once.
    person_links: Vec<String>,
    /// The terms of the names the article shows to be no person
    /// (`crate::people::name_forms::thing_term`), indexed once.
    thing_terms: Vec<String>,
    /// Headline and body behind their [`language_mark`], for the stemmed
    /// fields of an article whose Latin words are not stemmed as English.
    marked: Option<[String; 2]>,
    /// Whatever the caller wants dropped with the document (the indexer's
    /// share of its memory budget, given back once tantivy has indexed it).
    _hold: Option<Box<dyn std::any::Any + Send + Sync>>,
}

impl ArticleDoc {
    /// Wraps an article for the writer.
    pub fn new(fields: Fields, article: Article) -> ArticleDoc {
        let url_keys = article.url.as_deref().map(url_keys).unwrap_or_default();
        let person_keys = article
            .people
            .iter()
            .map(|name| crate::people::Variant::of(name).index_terms())
            .collect();
        let person_links = article
            .people
            .iter()
            .enumerate()
            .flat_map(|(i, name)| {
                let cue = article.person_cues.get(i).copied().unwrap_or_default();
                crate::people::link_rule::index_terms(name, cue)
            })
            .collect();
        let thing_terms = article
            .things
            .iter()
            .map(|key| crate::people::name_forms::thing_term(key))
            .collect();
        let marked = article
            .language
            .as_deref()
            .and_then(language_mark)
            .map(|m| {
                [
                    format!("{m}{}", article.title),
                    format!("{m}{}", article.body),
                ]
            });
        ArticleDoc(Box::new(Parts {
            fields,
            article,
            url_keys,
            person_keys,
            person_links,
            thing_terms,
            marked,
            _hold: None,
        }))
    }

    /// The document, holding `hold` until it is dropped.
    pub fn holding(mut self, hold: Box<dyn std::any::Any + Send + Sync>) -> ArticleDoc {
        self.0._hold = Some(hold);
        self
    }
}

/// One field value of an [`ArticleDoc`].
#[derive(Clone, Debug)]
pub enum DocValue<'a> {
    /// Text, borrowed from the article.
    Str(&'a str),
    /// A number.
    U64(u64),
    /// A signed number.
    I64(i64),
    /// A date.
    Date(TantivyDateTime),
}

impl<'a> Value<'a> for DocValue<'a> {
    type ArrayIter = std::iter::Empty<DocValue<'a>>;
    type ObjectIter = std::iter::Empty<(&'a str, DocValue<'a>)>;

    fn as_value(&self) -> ReferenceValue<'a, Self> {
        ReferenceValue::Leaf(match *self {
            DocValue::Str(s) => ReferenceValueLeaf::Str(s),
            DocValue::U64(n) => ReferenceValueLeaf::U64(n),
            DocValue::I64(n) => ReferenceValueLeaf::I64(n),
            DocValue::Date(d) => ReferenceValueLeaf::Date(d),
        })
    }
}

impl Document for ArticleDoc {
    type Value<'a> = DocValue<'a>;
    type FieldsValuesIter<'a> = std::vec::IntoIter<(Field, DocValue<'a>)>;

    fn iter_fields_and_values(&self) -> Self::FieldsValuesIter<'_> {
        let (f, a) = (&self.0.fields, &self.0.article);
        fn text(field: Field, s: &str) -> (Field, DocValue<'_>) {
            (field, DocValue::Str(s))
        }
        let mentions: u32 = a.mentions.iter().sum();
        let mut v = Vec::with_capacity(
            23 + PACKED + 2 * SKETCH_COLUMNS + 3 * a.people.len() + 5 * mentions as usize,
        );
        v.push(text(f.id, &a.id));
        v.push(text(f.path, &a.path));
        v.push((f.record, DocValue::U64(a.record)));
        v.push((f.line, DocValue::U64(a.line)));
        // The stemmed headline and the body's words take the text behind
        // its language's mark (the stored headline keeps it:
        // [`from_document`] takes it off).
        let (title, body) = match &self.0.marked {
            Some([t, b]) => (t.as_str(), b.as_str()),
            None => (a.title.as_str(), a.body.as_str()),
        };
        v.push(text(f.title, title));
        v.push(text(f.body, &a.body));
        v.push(text(f.title_exact, &a.title));
        // Marked too: its stems are the language's (`StemMarks`).
        v.push(text(f.body_exact, body));
        if let Some(d) = a.date {
            let d = TantivyDateTime::from_timestamp_secs(d.timestamp());
            v.push((f.date, DocValue::Date(d)));
        }
        if let Some(d) = a.local_date() {
            let d = TantivyDateTime::from_timestamp_secs(d.timestamp());
            v.push((f.local_date, DocValue::Date(d)));
        }
        if let (Some(_), Some(offset)) = (a.date, a.utc_offset) {
            v.push((f.utc_offset, DocValue::I64(i64::from(offset))));
        }
        if let Some(d) = a.crawled {
            let d = TantivyDateTime::from_timestamp_secs(d.timestamp());
            v.push((f.crawled, DocValue::Date(d)));
        }
        for (field, value) in [
            (f.byline, &a.byline),
            (f.byline_text, &a.byline),
            (f.section, &a.section),
            (f.source, &a.source),
            (f.source_text, &a.source),
            (f.url, &a.url),
            (f.language, &a.language),
        ] {
            if let Some(s) = value {
                v.push(text(field, s));
            }
        }
        for s in &a.other_sections {
            v.push(text(f.section, s));
        }
        for s in &a.places {
            v.push(text(f.place, s));
        }
        for key in &self.0.url_keys {
            v.push(text(f.url_parts, key));
        }
        v.push((f.word_count, DocValue::U64(a.word_count)));
        v.push(text(f.content_hash, &a.content_hash));
        for (field, word) in f.meaning.iter().zip(a.meaning.pack()) {
            v.push((*field, DocValue::U64(word)));
        }
        v.push((f.story, DocValue::U64(a.story)));
        if let Some(sketch) = &a.sketch {
            for key in sketch.bands {
                v.push((f.story_keys, DocValue::U64(key)));
            }
            for (field, word) in f.sketch.iter().zip(sketch.pack()) {
                v.push((*field, DocValue::U64(word)));
            }
            v.push((f.story_facts, DocValue::U64(sketch.facts())));
        }
        for (i, name) in a.people.iter().enumerate() {
            v.push(text(f.person, name));
            // Once per mention: tantivy's term frequency is the count.
            for _ in 0..a.mentions.get(i).copied().unwrap_or(1).max(1) {
                for key in &self.0.person_keys[i] {
                    v.push(text(f.person_key, key));
                }
                v.push(text(f.person_text, name));
            }
        }
        for t in &self.0.person_links {
            v.push(text(f.person_key, t));
        }
        for t in &self.0.thing_terms {
            v.push(text(f.person_key, t));
        }
        v.into_iter()
    }
}

/// Reads an article back from a stored document.
pub fn from_document(f: &Fields, doc: &TantivyDocument) -> Article {
    let text = |field: Field| -> Option<String> {
        doc.get_first(field)
            .and_then(|v| v.as_str())
            .map(str::to_string)
    };
    let num = |field: Field| doc.get_first(field).and_then(|v| v.as_u64()).unwrap_or(0);
    let date_of = |field: Field| {
        doc.get_first(field)
            .and_then(|v| match OwnedValue::from(v) {
                OwnedValue::Date(d) => DateTime::<Utc>::from_timestamp(d.into_timestamp_secs(), 0),
                _ => None,
            })
    };
    let all = |field: Field| -> Vec<String> {
        doc.get_all(field)
            .filter_map(|v| v.as_str().map(str::to_string))
            .collect()
    };
    let mut sections = all(f.section).into_iter();
    Article {
        id: text(f.id).unwrap_or_default(),
        path: text(f.path).unwrap_or_default(),
        record: num(f.record),
        line: num(f.line),
        title: text(f.title)
            .map(|t| without_mark(&t).to_string())
            .unwrap_or_default(),
        body: text(f.body).unwrap_or_default(),
        date: date_of(f.date),
        utc_offset: doc
            .get_first(f.utc_offset)
            .and_then(|v| v.as_i64())
            .and_then(|n| i32::try_from(n).ok()),
        byline: text(f.byline),
        section: sections.next(),
        other_sections: sections.collect(),
        places: all(f.place),
        source: text(f.source),
        url: text(f.url),
        language: text(f.language),
        crawled: date_of(f.crawled),
        word_count: num(f.word_count),
        content_hash: text(f.content_hash).unwrap_or_default(),
        people: all(f.person),
        mentions: Vec::new(),
        person_cues: Vec::new(),
        things: Vec::new(),
        person_links: Vec::new(),
        meaning: Default::default(),
        story: num(f.story),
        sketch: None,
    }
}

/// What `url_parts` indexes for a URL, lower-cased: its host and each
/// parent domain of two labels or more (`www.nytimes.com`,
/// `nytimes.com`), and the URL without its scheme, with and without a
/// leading `www.` (`www.nytimes.com/2016/...`, `nytimes.com/2016/...`).
/// `url:` looks a host up whole and anything longer as a prefix of these.
pub fn url_keys(url: &str) -> Vec<String> {
    let rest = url_key(url);
    let host_end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let host = crate::article::url_host(&rest).unwrap_or_default();
    let host = host.as_str();
    let mut keys = Vec::new();
    let mut domain = host;
    while domain.contains('.') {
        keys.push(domain.to_string());
        domain = &domain[domain.find('.').map_or(domain.len(), |i| i + 1)..];
    }
    if host_end < rest.len() || keys.is_empty() {
        keys.push(rest.clone());
        if let Some(bare) = rest.strip_prefix("www.") {
            keys.push(bare.to_string());
        }
    }
    keys.retain(|k| !k.is_empty());
    keys.dedup();
    keys
}

/// A URL or URL prefix as `url_parts` holds it: trimmed, lower-cased,
/// without its scheme (`https://`).
pub fn url_key(url: &str) -> String {
    let url = url.trim().to_lowercase();
    match url.split_once("://") {
        Some((scheme, rest))
            if !scheme.is_empty()
                && scheme
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '+' || c == '-' || c == '.') =>
        {
            rest.to_string()
        }
        _ => url,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn url_keys_are_hosts_and_prefixes() {
        assert_eq!(
            url_keys("HTTPS://www.NYTimes.com/2016/09/a.html"),
            [
                "www.nytimes.com",
                "nytimes.com",
                "www.nytimes.com/2016/09/a.html",
                "nytimes.com/2016/09/a.html"
            ]
        );
        assert_eq!(url_keys("http://bbc.co.uk"), ["bbc.co.uk", "co.uk"]);
        assert_eq!(
            url_key(" https://www.nytimes.com/2016/ "),
            "www.nytimes.com/2016/"
        );
        assert_eq!(url_key("nytimes.com"), "nytimes.com");
        // The host, not the user, of a URL with one.
        assert_eq!(url_keys("http://me@bbc.co.uk:80")[0], "bbc.co.uk");
    }
}
