//! The `Article`: the one value every format parser produces and the only
//! thing the index layer accepts.
//!
//! Parsers (`crate::ingest`) never see tantivy and the index (`crate::index`)
//! never sees file formats; this struct is the contract between them. A parser
//! fills in what the file says ([`Draft`]); the ingester then completes it into
//! an [`Article`] with the fields that depend on where the file lives (id,
//! path, section fallback) and the derived ones (word count, content hash,
//! the people mentioned, the meaning vector).

use crate::meaning::Meaning;
use crate::people::link_rule;
use crate::sketch::Sketch;
use crate::text::collapse_ws;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// What a format parser extracts from one record of a file.
///
/// Every field is optional except the body; missing metadata stays missing
/// and is never invented.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Draft {
    /// Headline, if the format has one.
    pub title: Option<String>,
    /// Article text, paragraphs separated by a blank line (`\n\n`).
    pub body: String,
    /// Publication date, normalised to UTC.
    pub date: Option<DateTime<Utc>>,
    /// Seconds east of UTC of the zone the source wrote `date` in, when it
    /// named one (`+09:00` is 32400): the article's own day is read at
    /// this offset ([`Article::local_date`]).
    pub utc_offset: Option<i32>,
    /// Author(s) as printed, without a leading "By".
    pub byline: Option<String>,
    /// Section or topic, when the format names one.
    pub section: Option<String>,
    /// Further sections or topics the record belongs to, after `section`
    /// (Reuters lists several `<TOPICS>`).
    pub other_sections: Vec<String>,
    /// Places the record is about (Reuters `<PLACES>`), when the format
    /// names them.
    pub places: Vec<String>,
    /// Publication or agency (e.g. "Reuters", "New York Times").
    pub source: Option<String>,
    /// Canonical URL of the article.
    pub url: Option<String>,
    /// 1-based line in the source file where this record starts.
    pub line: u64,
    /// The article's language as the source names it (an export's
    /// `LANGUAGE:` field, a page's `lang`, a JSON key), in any common form
    /// (`English`, `en-GB`, `FRANÇAIS`): [`language_code`] reads it.
    pub language: Option<String>,
    /// When a web crawler fetched the page (a WARC record's date): never
    /// the publication date, which is the page's own.
    pub crawled: Option<DateTime<Utc>>,
    /// For a record read from a zip or tar archive: the member it came
    /// from, which its id names. `None` for any other file.
    pub member: Option<MemberPlace>,
}

/// Where in a zip or tar archive a record was read: what its id names
/// after the archive's (`2015-07-23.zip#2015-07-23.json#12`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MemberPlace {
    /// The member's path inside the archive, `/`-separated
    /// (`jsons/0a1b.json`).
    pub path: String,
    /// The record's number within the member (from 0) when the member's
    /// format may hold several articles (JSON, CSV, a `<doc>` collection),
    /// as a file of that format would be numbered; `None` for a member
    /// that is one article (an HTML page, a text file).
    pub record: Option<u64>,
}

impl Draft {
    /// Sets the date and the offset of the zone it was written in.
    pub fn set_date(&mut self, date: Option<crate::dates::Dated>) {
        self.date = date.map(|d| d.instant);
        self.utc_offset = date.and_then(|d| d.utc_offset);
    }
}

/// A complete article, ready to be indexed, shown or exported.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Article {
    /// Stable identifier: `<root label>/<path relative to root>`, with
    /// `#<record>` appended for files that hold several articles; for an
    /// archive's member, `#<member path>`, then `#<record>` when the
    /// member holds several ([`article_id`]).
    pub id: String,
    /// Absolute path of the source file.
    pub path: String,
    /// Record number within the file (0 for one-article files; an
    /// archive's records are numbered across all its members).
    pub record: u64,
    /// 1-based line in the source file where the article starts.
    pub line: u64,
    /// Headline (falls back to the first words of the body).
    pub title: String,
    /// Article text, paragraphs separated by a blank line.
    pub body: String,
    /// Publication date in UTC, when known.
    pub date: Option<DateTime<Utc>>,
    /// Seconds east of UTC of the zone the source dated the article in,
    /// when it named one: `date` at this offset is the article's own day,
    /// which `--since`/`--until`, `date:` and the timeline go by. None for
    /// a date written without a zone (read as UTC).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub utc_offset: Option<i32>,
    /// Author(s), when known.
    pub byline: Option<String>,
    /// Section: from the format when it has one, else the parent folder
    /// name. The one shown; `section:` also finds `other_sections`.
    pub section: Option<String>,
    /// Further sections the article belongs to (every Reuters topic after
    /// the first); `section:x` and `--section x` find them all.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub other_sections: Vec<String>,
    /// Places the article is about (`place:usa`), when the format names them.
    #[serde(default)]
    pub places: Vec<String>,
    /// Publication or agency, when known.
    pub source: Option<String>,
    /// URL, when known.
    pub url: Option<String>,
    /// The language the source names, as a lower-case ISO 639-1 code
    /// (`en`, `de`) where [`language_code`] knows the name, else as given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    /// When a web crawler fetched the page, for pages read from a web
    /// archive: kept apart from `date`, the publication date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub crawled: Option<DateTime<Utc>>,
    /// Number of words in title and body.
    pub word_count: u64,
    /// Hash of title and body (hex), to spot duplicate wire stories.
    pub content_hash: String,
    /// Canonical names of the people the article mentions, in order of
    /// first mention (`crate::people`).
    #[serde(default)]
    pub people: Vec<String>,
    /// How often the article names each of `people` (same order; a
    /// headline mention counts twice): what ranks a `person:` search.
    /// Indexed, not stored, so not shown (`show`, `export`).
    #[serde(default, skip_serializing)]
    pub mentions: Vec<u32>,
    /// What the titles of each of `people` say (`Mrs Blair`), for the
    /// one-word names that may link to a full name elsewhere in the
    /// archive (`crate::people::link_rule`). Indexed, not stored.
    #[serde(skip)]
    pub person_cues: Vec<link_rule::Cue>,
    /// Names of two words or more that the article shows to be a firm, a
    /// place or a work, by their variant keys (`crate::people::Extraction`):
    /// across the archive they keep films and bands out of the `people`
    /// list. Indexed, not stored.
    #[serde(skip)]
    pub things: Vec<String>,
    /// Which of `people`, named by surname alone, the archive links to a
    /// full name (`crate::person_links`): filled in by `show` and the API's
    /// article, never stored (it changes as the archive does).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[serde(rename = "links")]
    pub person_links: Vec<link_rule::PersonLink>,
    /// Where the article sits among topics (`crate::meaning`), for
    /// relaxed matching. Indexed, not stored, so not shown.
    #[serde(skip)]
    pub meaning: Meaning,
    /// The story the article belongs to (`crate::stories`): set when it
    /// is indexed, the same for every copy of one story; 0 before.
    #[serde(skip)]
    pub story: u64,
    /// The text's near-duplicate sketch, `None` for an empty text. Boxed:
    /// tantivy's queue of documents reserves room for 40,000 articles up
    /// front, and 270 bytes more in each cost 34 MB of memory on every run.
    /// Indexed, not stored.
    #[serde(skip)]
    pub sketch: Option<Box<Sketch>>,
}

/// Where a record came from, as the ingester knows it.
#[derive(Debug, Clone)]
pub struct Origin<'a> {
    /// Label of the source root (its folder name, made unique in the manifest).
    pub root_label: &'a str,
    /// Path relative to the root, with `/` separators.
    pub rel_path: &'a str,
    /// Absolute path of the file.
    pub abs_path: &'a str,
    /// Name of the folder holding the file, the section fallback.
    pub parent_name: Option<&'a str>,
    /// Whether the file's format holds several articles (ids get `#n`).
    pub multi_record: bool,
}

impl Article {
    /// The publication date as wall-clock time where it was published,
    /// written as if it were UTC (`crate::dates::local_time`): its
    /// `date_naive()` is the article's own day. The UTC date itself when
    /// the source gave no zone.
    pub fn local_date(&self) -> Option<DateTime<Utc>> {
        self.date
            .map(|d| crate::dates::local_time(d, self.utc_offset))
    }

    /// The publication date as the source's zone writes it
    /// (`2012-08-12T08:00:00+09:00`), when the source gave a zone.
    pub fn zoned_date(&self) -> Option<DateTime<chrono::FixedOffset>> {
        crate::dates::with_offset(self.date?, self.utc_offset)
    }

    /// Completes a parser's [`Draft`] into an [`Article`]: id, headline
    /// (or its fallback), section, word count and content hash. Plain data:
    /// the analysis (people, meaning, sketch) is `crate::annotate`'s.
    pub fn from_draft(draft: Draft, origin: &Origin<'_>, record: u64) -> Article {
        let id = article_id(origin, draft.member.as_ref(), record);
        let body = draft.body;
        let title = match draft
            .title
            .map(|t| collapse_ws(&t))
            .filter(|t| !t.is_empty())
        {
            Some(t) => t,
            None => fallback_title(&body),
        };
        let word_count = count_words(&title) + count_words(&body);
        let content_hash = content_hash(&title, &body);
        let section = draft
            .section
            .as_deref()
            .and_then(clean_section)
            .or_else(|| {
                origin
                    .parent_name
                    .map(str::to_string)
                    .filter(|s| !s.is_empty())
            });
        let other_sections = clean_list(draft.other_sections)
            .into_iter()
            .filter(|s| Some(s) != section.as_ref())
            .collect();
        Article {
            id,
            path: origin.abs_path.to_string(),
            record,
            line: draft.line.max(1),
            title,
            body,
            date: draft.date,
            utc_offset: draft.date.and(draft.utc_offset),
            byline: clean_opt(draft.byline),
            section,
            other_sections,
            places: clean_list(draft.places),
            source: clean_opt(draft.source),
            url: clean_opt(draft.url),
            language: clean_opt(draft.language).map(|l| language_code(&l)),
            crawled: draft.crawled,
            word_count,
            content_hash,
            people: Vec::new(),
            mentions: Vec::new(),
            person_cues: Vec::new(),
            things: Vec::new(),
            person_links: Vec::new(),
            meaning: Meaning::default(),
            story: 0,
            sketch: None,
        }
    }
}

/// An article's id: `<root label>/<path>` for a file that is one article;
/// `#<record>` after it for a file whose format holds several (`#0` even
/// when it holds one, so that ids stay put as records are added); for an
/// archive's member, `#<member path>` after the archive's, and then
/// `#<record within the member>` when the member's format holds several:
/// `corpus/2015-07-23.zip#2015-07-23.json#12`,
/// `corpus/pages.tar.gz#2019/flood.html`. `newsdex show` takes an id
/// without its last `#` part for all the records under it.
pub fn article_id(origin: &Origin<'_>, member: Option<&MemberPlace>, record: u64) -> String {
    let file = format!("{}/{}", origin.root_label, origin.rel_path);
    match member {
        Some(MemberPlace {
            path,
            record: Some(n),
        }) => format!("{file}#{path}#{n}"),
        Some(MemberPlace { path, record: None }) => format!("{file}#{path}"),
        None if origin.multi_record => format!("{file}#{record}"),
        None => file,
    }
}

/// A language as the sources name it, made a lower-case ISO 639-1 code
/// where it is one of the common names or tags: `English`, `ENGLISH`,
/// `en-GB`, `eng`, `Deutsch`, `Français` → `en`, `en`, `en`, `en`, `de`,
/// `fr`. Anything else is kept as given, trimmed and lower-cased, so a
/// `lang:` filter can still match it.
pub fn language_code(name: &str) -> String {
    let lower = name.trim().to_lowercase();
    // A tag (`en-GB`, `pt_BR`): its primary subtag.
    let primary = lower.split(['-', '_']).next().unwrap_or(&lower);
    const NAMES: &[(&str, &[&str])] = &[
        ("en", &["english", "eng", "anglais", "englisch"]),
        ("de", &["german", "deutsch", "ger", "deu", "allemand"]),
        ("fr", &["french", "français", "francais", "fre", "fra"]),
        ("es", &["spanish", "español", "espanol", "spa", "espagnol"]),
        ("it", &["italian", "italiano", "ita", "italien"]),
        ("pt", &["portuguese", "português", "portugues", "por"]),
        ("nl", &["dutch", "nederlands", "nld", "dut", "néerlandais"]),
        ("ru", &["russian", "русский", "rus", "russe"]),
        ("ar", &["arabic", "العربية", "ara", "arabe"]),
        ("zh", &["chinese", "中文", "zho", "chi", "chinois"]),
        ("ja", &["japanese", "日本語", "jpn", "japonais"]),
        ("ko", &["korean", "한국어", "kor"]),
        ("sv", &["swedish", "svenska", "swe"]),
        ("da", &["danish", "dansk", "dan"]),
        ("no", &["norwegian", "norsk", "nor", "nb", "nn"]),
        ("fi", &["finnish", "suomi", "fin"]),
        ("pl", &["polish", "polski", "pol"]),
        ("tr", &["turkish", "türkçe", "tur"]),
        ("el", &["greek", "ελληνικά", "ell", "gre"]),
        ("he", &["hebrew", "עברית", "heb"]),
        ("uk", &["ukrainian", "українська", "ukr"]),
    ];
    for (code, names) in NAMES {
        if primary == *code || names.contains(&primary) {
            return (*code).to_string();
        }
    }
    if primary.len() == 2 && primary.chars().all(|c| c.is_ascii_lowercase()) {
        return primary.to_string();
    }
    lower
}

/// A section as one name: a path (`/world/middle_east`, `news/world/`)
/// gives its first segment, a list (`News, News`, `Smart News, Smart News
/// Science`) its first item, a name repeated around ` - ` or ` | `
/// (`News - News`) one copy. Case is kept: `section:` and `--section`
/// match case-insensitively. `None` when nothing is left.
pub fn clean_section(s: &str) -> Option<String> {
    let s = collapse_ws(s);
    let s = if s.contains('/') && !s.contains(' ') {
        s.split('/')
            .find(|p| !p.is_empty())
            .unwrap_or("")
            .to_string()
    } else {
        s
    };
    let s = s
        .split(',')
        .map(str::trim)
        .find(|p| !p.is_empty())
        .unwrap_or("")
        .to_string();
    for sep in [" - ", " | ", " > ", " / "] {
        let parts: Vec<&str> = s.split(sep).map(str::trim).collect();
        if parts.len() > 1 && parts.iter().all(|p| p.eq_ignore_ascii_case(parts[0])) {
            return Some(parts[0].to_string()).filter(|p| !p.is_empty());
        }
    }
    Some(s).filter(|s| !s.is_empty())
}

/// Trims an optional string and drops it when empty.
fn clean_opt(s: Option<String>) -> Option<String> {
    s.map(|s| collapse_ws(&s)).filter(|s| !s.is_empty())
}

/// Trims every string of a list and drops the empty ones and repeats.
fn clean_list(list: Vec<String>) -> Vec<String> {
    let mut out: Vec<String> = Vec::with_capacity(list.len());
    for s in list.into_iter().filter_map(|s| clean_opt(Some(s))) {
        if !out.contains(&s) {
            out.push(s);
        }
    }
    out
}

/// The host of a URL, lower-cased, without scheme, user or port
/// (`https://user@WWW.Example.com:8080/a` → `www.example.com`); the
/// parsers' site names and the index's `url:` keys both start here.
pub fn url_host(url: &str) -> Option<String> {
    let rest = url.trim();
    let rest = rest.split_once("://").map_or(rest, |(_, r)| r);
    let rest = rest.strip_prefix("//").unwrap_or(rest);
    let host = rest.split(['/', '?', '#']).next()?;
    let host = host.rsplit_once('@').map_or(host, |(_, h)| h);
    Some(host.split(':').next()?.to_lowercase())
}

/// Counts words as runs of alphanumeric characters.
pub fn count_words(s: &str) -> u64 {
    // One pass over the bytes, decoding only characters beyond ASCII: this
    // ran over every article's text and cost about 3% of indexing as a
    // split-and-filter, and 1.6% decoding every character.
    let bytes = s.as_bytes();
    let mut words = 0;
    let mut in_word = false;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let word_char = if b < 0x80 {
            i += 1;
            b.is_ascii_alphanumeric()
        } else {
            let c = s[i..].chars().next().unwrap_or(' ');
            i += c.len_utf8();
            c.is_alphanumeric()
        };
        words += u64::from(word_char && !in_word);
        in_word = word_char;
    }
    words
}

/// A title for an article whose format gave none: its first sentence,
/// cut at a word boundary to at most 100 characters.
fn fallback_title(body: &str) -> String {
    let first = body
        .split("\n\n")
        .map(collapse_ws)
        .find(|p| !p.is_empty())
        .unwrap_or_default();
    let sentence_end = first
        .char_indices()
        .find(|&(i, c)| c == '.' && first[i + 1..].starts_with(' ') && i > 20)
        .map(|(i, _)| i + 1);
    let sentence = &first[..sentence_end.unwrap_or(first.len())];
    if sentence.chars().count() <= 100 {
        return sentence.to_string();
    }
    let mut out = String::new();
    for word in sentence.split(' ') {
        if out.chars().count() + word.chars().count() + 1 > 100 {
            break;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out.push('…');
    out
}

/// Hash of the normalised title and body, as 16 hex digits. Two copies of a
/// wire story that differ only in white space get the same hash.
///
/// The words are gathered, each followed by one space, and hashed at once:
/// the same digest as feeding them to a streaming hasher word by word
/// (`xxh3` is defined over the bytes, not the calls), for a third of the
/// instructions (two `update` calls a word cost 3.6% of indexing BBC).
pub fn content_hash(title: &str, body: &str) -> String {
    let mut bytes = Vec::with_capacity(title.len() + body.len() + 2);
    for text in [title, body] {
        push_words(text, &mut bytes);
    }
    format!("{:016x}", xxhash_rust::xxh3::xxh3_64(&bytes))
}

/// Appends each of `text`'s words (as `split_whitespace` cuts them) and a
/// space after it, a byte at a time, decoding only characters beyond
/// ASCII (which may be Unicode spaces).
fn push_words(text: &str, out: &mut Vec<u8>) {
    let bytes = text.as_bytes();
    // Where the word being read started, if one is.
    let mut word: Option<usize> = None;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let (space, len) = if b < 0x80 {
            (matches!(b, b' ' | b'\t' | b'\n' | 0x0B | 0x0C | b'\r'), 1)
        } else {
            let c = text[i..].chars().next().unwrap_or(' ');
            (c.is_whitespace(), c.len_utf8())
        };
        match (space, word) {
            (true, Some(start)) => {
                out.extend_from_slice(&bytes[start..i]);
                out.push(b' ');
                word = None;
            }
            (false, None) => word = Some(i),
            _ => {}
        }
        i += len;
    }
    if let Some(start) = word {
        out.extend_from_slice(&bytes[start..]);
        out.push(b' ');
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_runs_of_letters_and_digits() {
        for text in [
            "",
            "  ",
            "one",
            "Mr Khan's 2016 win, door-to-door.",
            "café, naïve — Zürich… 東京 x",
            "a\tb\nc  d\u{a0}e",
        ] {
            let split = text
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .count() as u64;
            assert_eq!(count_words(text), split, "{text:?}");
        }
        assert_eq!(count_words("Mr Khan's 2016 win"), 5);
    }

    #[test]
    fn language_names_and_tags_become_codes() {
        for (given, code) in [
            ("English", "en"),
            ("ENGLISH", "en"),
            ("en-GB", "en"),
            ("pt_BR", "pt"),
            ("Deutsch", "de"),
            ("Français", "fr"),
            ("FRENCH", "fr"),
            (" ru ", "ru"),
            ("中文", "zh"),
            ("Klingon", "klingon"),
        ] {
            assert_eq!(language_code(given), code, "{given}");
        }
    }

    #[test]
    fn the_source_language_and_crawl_date_carry_over() {
        let crawled = chrono::DateTime::parse_from_rfc3339("2016-05-04T10:00:00Z")
            .unwrap()
            .with_timezone(&Utc);
        let draft = Draft {
            title: Some("Vote".into()),
            body: "Text.".into(),
            language: Some(" GERMAN ".into()),
            crawled: Some(crawled),
            ..Draft::default()
        };
        let a = Article::from_draft(draft, &origin(false), 0);
        assert_eq!(a.language.as_deref(), Some("de"));
        assert_eq!(a.crawled, Some(crawled));
        assert_eq!(a.date, None, "a crawl date is never the publication date");
    }

    fn origin<'a>(multi: bool) -> Origin<'a> {
        Origin {
            root_label: "corpus",
            rel_path: "politics/001.txt",
            abs_path: "/data/corpus/politics/001.txt",
            parent_name: Some("politics"),
            multi_record: multi,
        }
    }

    #[test]
    fn completes_draft_with_ids_section_and_counts() {
        let draft = Draft {
            title: Some("  Mayor  wins ".into()),
            body: "One two three.\n\nFour five.".into(),
            ..Draft::default()
        };
        let a = Article::from_draft(draft.clone(), &origin(false), 0);
        assert_eq!(a.id, "corpus/politics/001.txt");
        assert_eq!(a.title, "Mayor wins");
        assert_eq!(a.section.as_deref(), Some("politics"));
        assert_eq!(a.word_count, 7);
        assert_eq!(a.line, 1);
        let b = Article::from_draft(draft, &origin(true), 3);
        assert_eq!(b.id, "corpus/politics/001.txt#3");
        assert_eq!(a.content_hash, b.content_hash);
    }

    #[test]
    fn an_archive_members_records_are_named_by_member() {
        let zip = Origin {
            rel_path: "2015-07-23.zip",
            multi_record: true,
            ..origin(true)
        };
        let place = |path: &str, record| MemberPlace {
            path: path.into(),
            record,
        };
        let many = place("2015-07-23.json", Some(12));
        assert_eq!(
            article_id(&zip, Some(&many), 40),
            "corpus/2015-07-23.zip#2015-07-23.json#12"
        );
        let one = place("pages/flood.html", None);
        assert_eq!(
            article_id(&zip, Some(&one), 41),
            "corpus/2015-07-23.zip#pages/flood.html"
        );
        // The archive-wide record number stays the article's `record`.
        let draft = Draft {
            body: "Text.".into(),
            member: Some(many),
            ..Draft::default()
        };
        let a = Article::from_draft(draft, &zip, 40);
        assert_eq!(a.id, "corpus/2015-07-23.zip#2015-07-23.json#12");
        assert_eq!(a.record, 40);
    }

    #[test]
    fn format_section_beats_folder_and_empty_fields_vanish() {
        let draft = Draft {
            body: "Text".into(),
            section: Some("cocoa".into()),
            byline: Some("   ".into()),
            ..Draft::default()
        };
        let a = Article::from_draft(draft, &origin(false), 0);
        assert_eq!(a.section.as_deref(), Some("cocoa"));
        assert_eq!(a.byline, None);
        let draft = Draft {
            body: "Text".into(),
            section: Some("wheat".into()),
            other_sections: vec![" grain ".into(), "".into(), "grain".into()],
            places: vec!["usa".into(), " ".into()],
            ..Draft::default()
        };
        let a = Article::from_draft(draft, &origin(false), 0);
        assert_eq!(a.other_sections, vec!["grain".to_string()]);
        assert_eq!(a.places, vec!["usa".to_string()]);
    }

    #[test]
    fn sections_are_one_name() {
        for (raw, want) in [
            ("/news/world/", Some("news")),
            ("/world/middle_east", Some("world")),
            ("news/world", Some("news")),
            ("News, News", Some("News")),
            (
                "Smart News, Smart News Science, Smart News Science",
                Some("Smart News"),
            ),
            ("News - News", Some("News")),
            (
                "Blog Briefing Room - News",
                Some("Blog Briefing Room - News"),
            ),
            ("Science & Health", Some("Science & Health")),
            ("  Politics ", Some("Politics")),
            ("/", None),
            (" , ", None),
        ] {
            assert_eq!(clean_section(raw).as_deref(), want, "{raw:?}");
        }
    }

    #[test]
    fn missing_title_falls_back_to_first_sentence() {
        let draft = Draft {
            body: "Shares in the company rose sharply on Monday. Analysts were surprised.".into(),
            ..Draft::default()
        };
        let a = Article::from_draft(draft, &origin(false), 0);
        assert_eq!(a.title, "Shares in the company rose sharply on Monday.");
        let long = "word ".repeat(60);
        let a = Article::from_draft(
            Draft {
                body: long,
                ..Draft::default()
            },
            &origin(false),
            0,
        );
        assert!(a.title.chars().count() <= 101, "{}", a.title);
        assert!(a.title.ends_with('…'));
    }

    #[test]
    fn content_hash_ignores_whitespace_only_differences() {
        assert_eq!(content_hash("A  b", "c\n\nd"), content_hash("A b", "c d"));
        assert_ne!(content_hash("A b", "c d"), content_hash("A b", "c e"));
    }

    /// The hashes stored in existing indexes stay valid: the same digest as
    /// the word-by-word streaming hash it replaced.
    #[test]
    fn content_hash_is_the_streaming_hash_of_its_words() {
        use xxhash_rust::xxh3::Xxh3;
        let long = "word ".repeat(300) + "Zürich\u{a0}東京 end";
        let spaces = " \t lead\u{b}vt\u{c}ff\r\n x\u{85}nel\u{2003}em\u{3000}ideo\u{202f}y\u{feff}z trail \u{a0}";
        for (title, body) in [
            ("", ""),
            ("A  b", "c\n\nd"),
            ("Headline", long.as_str()),
            (" Ünï  ", spaces),
        ] {
            let mut h = Xxh3::new();
            for word in title.split_whitespace().chain(body.split_whitespace()) {
                h.update(word.as_bytes());
                h.update(b" ");
            }
            assert_eq!(content_hash(title, body), format!("{:016x}", h.digest()));
        }
    }
}
