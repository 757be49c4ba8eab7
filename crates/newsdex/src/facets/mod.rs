//! Counting over the articles a query matches: who is mentioned (`newsdex
//! people`), when (`newsdex timeline`), and, for the server's sidebar, in
//! which sections and sources ([`facets`]). All read fast fields only, so
//! they cost a pass over the matching doc ids, not over stored articles.
//! They take [`Criteria`] only, never a page: they count every match,
//! each story once (`crate::stories`) unless `Criteria::all_copies`.

use std::collections::{BTreeMap, HashMap};

use chrono::{DateTime, Datelike, Duration, NaiveDate, TimeZone, Utc};
use serde::Serialize;
use tantivy::collector::{Collector, SegmentCollector};
use tantivy::query::{AllQuery, Query};
use tantivy::{DocAddress, DocId, Score, Searcher, SegmentOrdinal, SegmentReader};

use crate::error::Result;
use crate::query::{self, Criteria};
use crate::schema::Fields;

/// A value (a person, a section, a source) and the number of matching
/// articles that have it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ValueCount {
    /// The value: a canonical name, a section, a source.
    pub name: String,
    /// Articles with it.
    pub articles: u64,
}

/// A person and the number of matching articles that mention them.
pub type PersonCount = ValueCount;

mod archive;

/// Doc ids by segment, in order.
type Matches = BTreeMap<u32, Vec<u32>>;

/// The doc ids the criteria match (every live article for `None`), by
/// segment: one per story (the first in index order) unless
/// `Criteria::all_copies`, so that copies of a story count once.
fn matching(searcher: &Searcher, fields: &Fields, criteria: Option<&Criteria>) -> Result<Matches> {
    let query: Box<dyn Query> = match criteria {
        Some(c) if !c.is_empty() => {
            query::build(fields, &query::Stemming::of_index(searcher, fields), c)?.query
        }
        _ => Box::new(AllQuery),
    };
    let mut docs: Matches = searcher.search(&*query, &DocIds)?.into_iter().collect();
    if !criteria.is_some_and(|c| c.all_copies) {
        archive::one_per_story(searcher, &mut docs)?;
    }
    Ok(docs)
}

/// Whether the criteria ask for the whole archive.
fn everything(criteria: Option<&Criteria>) -> bool {
    criteria.is_none_or(Criteria::is_empty)
}

/// Collects the matching doc ids of each segment, in order: a vector
/// where `DocSetCollector` hashed every address.
struct DocIds;

/// [`DocIds`] in one segment.
struct SegmentDocIds(u32, Vec<u32>);

impl Collector for DocIds {
    type Fruit = Vec<(u32, Vec<u32>)>;
    type Child = SegmentDocIds;

    fn for_segment(
        &self,
        segment: SegmentOrdinal,
        _reader: &SegmentReader,
    ) -> tantivy::Result<SegmentDocIds> {
        Ok(SegmentDocIds(segment, Vec::new()))
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, fruits: Vec<(u32, Vec<u32>)>) -> tantivy::Result<Self::Fruit> {
        Ok(fruits
            .into_iter()
            .filter(|(_, ids)| !ids.is_empty())
            .collect())
    }
}

impl SegmentCollector for SegmentDocIds {
    type Fruit = (u32, Vec<u32>);

    fn collect(&mut self, doc: DocId, _score: Score) {
        self.1.push(doc);
    }

    fn harvest(self) -> (u32, Vec<u32>) {
        (self.0, self.1)
    }
}

/// What to count articles by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Facet {
    /// The people mentioned (canonical names).
    Person,
    /// Sections (an article may have several).
    Section,
    /// Sources (publications, agencies).
    Source,
    /// Bylines.
    Byline,
    /// Languages (ISO 639-1 codes).
    Language,
}

impl Facet {
    fn column(self) -> &'static str {
        match self {
            Facet::Person => "person",
            Facet::Section => "section",
            Facet::Source => "source",
            Facet::Byline => "byline",
            Facet::Language => "language",
        }
    }
}

/// The people most often mentioned in the matching articles, most first
/// (ties by name), and the number of matching articles.
///
/// One line per person, not per form of the name
/// (`crate::people::name_forms::group_forms`), without the names the
/// archive shows to be films, bands or firms
/// ([`crate::person_links::is_thing`]: "Vera Drake", "Franz Ferdinand").
/// Articles that name someone by surname alone are counted under the full
/// name the archive links the surname to (`crate::person_links`), for the
/// most frequent one-word names ([`LINKED_NAMES`]): `Trump` in an article
/// that never says "Donald Trump" counts for Donald Trump. The page's
/// sidebar (`facets`) lists its people the same way.
pub fn people(
    searcher: &Searcher,
    fields: &Fields,
    criteria: Option<&Criteria>,
    limit: usize,
) -> Result<(u64, Vec<PersonCount>)> {
    let archive = archive::of(searcher)?;
    let all_copies = criteria.is_some_and(|c| c.all_copies);
    let whole = everything(criteria);
    if let Some(kept) = archive.people_of_all(all_copies, limit).filter(|_| whole) {
        return Ok(kept);
    }
    let docs = matching(searcher, fields, criteria)?;
    let total = docs.values().map(|ids| ids.len() as u64).sum();
    let answer = (total, person_values(searcher, fields, &docs, limit, true)?);
    if whole {
        archive.keep_people_of_all(all_copies, limit, &answer);
    }
    Ok(answer)
}

/// The people of `docs`, most first: one line per person, not per form of
/// the name (`crate::people::name_forms::group_forms`), without the names
/// the archive shows to be no person; with `links`, surnames alone counted
/// under the full names they link to. Counted with the generation's
/// tables (`archive`).
fn person_values(
    searcher: &Searcher,
    fields: &Fields,
    docs: &Matches,
    limit: usize,
    links: bool,
) -> Result<Vec<ValueCount>> {
    archive::of(searcher)?.people(searcher, fields, docs, limit, links)
}

/// How many of the most frequent one-word names the `people` list looks up
/// links for: each costs a scan of the names with that surname and a query
/// the first time in an index generation.
pub const LINKED_NAMES: usize = 20;

/// What the archive's counts say about one person, over the articles a
/// `person:"NAME"` search finds (each story once): the `newsdex people
/// --person NAME` list without the person, and the forms the name is
/// found under.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PersonCounts {
    /// Articles that name the person (copies of a story counted once), as
    /// `search --person` counts stories.
    pub articles: u64,
    /// The names as the articles give them that this person's articles are
    /// found by, most articles first: every form of the full name
    /// (`crate::people::Variant`) and the surname alone where the archive
    /// links it to the person (`crate::person_links`).
    pub forms: Vec<ValueCount>,
    /// The people most often named in the same articles, most first, as
    /// the people list counts them (forms merged, linked surnames under
    /// the full name).
    pub alongside: Vec<ValueCount>,
    /// The person's articles per period.
    pub timeline: Timeline,
}

/// Counts over the articles that name `name` ([`PersonCounts`]): up to
/// `alongside` people named beside the person, and a timeline by `by`.
/// An unknown name gives no articles and nothing else.
pub fn person(
    searcher: &Searcher,
    fields: &Fields,
    name: &str,
    alongside: usize,
    by: Period,
) -> Result<PersonCounts> {
    let c = Criteria {
        people: vec![name.to_string()],
        ..Criteria::default()
    };
    let docs = matching(searcher, fields, Some(&c))?;
    let asked = query::PersonMatch::Name(crate::people::normalise(name));
    let mut forms: Vec<ValueCount> = raw_counts(searcher, &docs, Facet::Person)?
        .into_iter()
        .filter(|(n, _)| asked.matches(n) || asked.surname_alone(n))
        .map(|(name, (articles, _))| ValueCount { name, articles })
        .collect();
    forms.sort_by(|a, b| {
        b.articles
            .cmp(&a.articles)
            .then_with(|| a.name.cmp(&b.name))
    });
    let is_self = |n: &str| asked.matches(n) || forms.iter().any(|f| f.name == n);
    // The person heads their own list (with their forms): ask for enough
    // names that `alongside` others remain.
    let mut others = person_values(searcher, fields, &docs, alongside + forms.len() + 1, true)?;
    others.retain(|v| !is_self(&v.name));
    others.truncate(alongside);
    Ok(PersonCounts {
        articles: docs.values().map(|ids| ids.len() as u64).sum(),
        timeline: count_periods(searcher, &docs, by)?,
        forms,
        alongside: others,
    })
}

/// The values of `facet` most often found in the matching articles, most
/// first (ties by name), and the number of matching articles.
pub fn count(
    searcher: &Searcher,
    fields: &Fields,
    criteria: Option<&Criteria>,
    facet: Facet,
    limit: usize,
) -> Result<(u64, Vec<ValueCount>)> {
    if facet == Facet::Person {
        return people(searcher, fields, criteria, limit);
    }
    let docs = matching(searcher, fields, criteria)?;
    let total = docs.values().map(|ids| ids.len() as u64).sum();
    Ok((total, top_values(searcher, fields, &docs, facet, limit)?))
}

/// The articles per value of `facet` as stored (folded), with one
/// article that has it.
fn raw_counts(
    searcher: &Searcher,
    docs: &Matches,
    facet: Facet,
) -> Result<HashMap<String, (u64, DocAddress)>> {
    let table = archive::of(searcher)?.values(searcher, facet.column())?;
    // By value id: (articles, the first of them).
    let mut per_value: Vec<(u64, DocAddress)> =
        vec![(0, DocAddress::new(0, 0)); table.values.len()];
    for (&segment_ord, ids) in docs {
        for &doc in ids {
            for &id in table.of(segment_ord, doc) {
                let slot = &mut per_value[id as usize];
                if slot.0 == 0 {
                    slot.1 = DocAddress::new(segment_ord, doc);
                }
                slot.0 += 1;
            }
        }
    }
    Ok(table
        .values
        .iter()
        .zip(per_value)
        .filter(|(_, (n, _))| *n > 0)
        .map(|(value, count)| (value.clone(), count))
        .collect())
}

/// The values of a facet's string fast column most often found in `docs`,
/// most first (ties by name).
///
/// Sections, sources and bylines are counted on their folded form (`BBC
/// News` and `bbc news` are one source) and shown as one article stores
/// them. Not for people: they are counted by [`people`].
fn top_values(
    searcher: &Searcher,
    fields: &Fields,
    docs: &Matches,
    facet: Facet,
    limit: usize,
) -> Result<Vec<ValueCount>> {
    let counts = raw_counts(searcher, docs, facet)?;
    let mut list: Vec<(ValueCount, DocAddress)> = counts
        .into_iter()
        .filter(|(name, _)| !name.is_empty())
        .map(|(name, (articles, at))| (ValueCount { name, articles }, at))
        .collect();
    list.sort_by(|(a, _), (b, _)| {
        b.articles
            .cmp(&a.articles)
            .then_with(|| a.name.cmp(&b.name))
    });
    list.truncate(limit);
    let mut out = Vec::with_capacity(list.len());
    for (mut value, at) in list {
        value.name = shown_value(searcher, fields, facet, at, &value.name)?;
        out.push(value);
    }
    Ok(out)
}

/// A folded value as one article that has it stores it (`bbc news` →
/// `BBC News`); the folded value when none matches.
fn shown_value(
    searcher: &Searcher,
    fields: &Fields,
    facet: Facet,
    at: DocAddress,
    folded: &str,
) -> Result<String> {
    let doc: tantivy::TantivyDocument = searcher.doc(at)?;
    let a = crate::schema::from_document(fields, &doc);
    let stored = match facet {
        Facet::Section => a.section,
        Facet::Source => a.source,
        Facet::Byline => a.byline,
        Facet::Person | Facet::Language => None,
    };
    Ok(stored
        .filter(|v| crate::schema::fold_keyword(v) == folded)
        .unwrap_or_else(|| folded.to_string()))
}

/// Everything a results page's sidebar counts over the articles that match
/// the whole query (not only the page shown).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Facets {
    /// Matching articles (not serialised: a search answer has its own total).
    #[serde(skip)]
    pub total: u64,
    /// Most-mentioned people.
    pub people: Vec<ValueCount>,
    /// Sections, most articles first.
    pub sections: Vec<ValueCount>,
    /// Sources (publications), most articles first.
    pub sources: Vec<ValueCount>,
    /// Languages (ISO 639-1 codes), most articles first.
    pub languages: Vec<ValueCount>,
    /// Matching articles per month, first to last dated match.
    pub months: Vec<Bucket>,
    /// Matching articles without a date, in no month (a page that counts
    /// by date says how many it cannot place).
    pub undated: u64,
}

/// Counts people (as [`people`] lists them), sections, sources (each up
/// to `limit` values) and months over the articles the criteria match, in
/// one query. The whole archive's (no criteria: the landing page) is
/// counted once per index generation.
pub fn facets(
    searcher: &Searcher,
    fields: &Fields,
    criteria: Option<&Criteria>,
    limit: usize,
) -> Result<Facets> {
    let archive = archive::of(searcher)?;
    let all_copies = criteria.is_some_and(|c| c.all_copies);
    let whole = everything(criteria);
    if let Some(kept) = archive.facets_of_all(all_copies, limit).filter(|_| whole) {
        return Ok(kept);
    }
    let docs = matching(searcher, fields, criteria)?;
    let months = count_periods(searcher, &docs, Period::Month)?;
    let answer = Facets {
        total: docs.values().map(|ids| ids.len() as u64).sum(),
        people: person_values(searcher, fields, &docs, limit, true)?,
        sections: top_values(searcher, fields, &docs, Facet::Section, limit)?,
        sources: top_values(searcher, fields, &docs, Facet::Source, limit)?,
        languages: top_values(searcher, fields, &docs, Facet::Language, limit)?,
        months: months.buckets,
        undated: months.undated,
    };
    if whole {
        archive.keep_facets_of_all(all_copies, limit, &answer);
    }
    Ok(answer)
}

/// Width of a timeline bucket.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Period {
    /// ISO weeks, Monday to Sunday.
    Week,
    /// Calendar months.
    Month,
    /// Calendar years.
    Year,
}

/// One bar of a timeline.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Bucket {
    /// Label: `2016`, `2016-05` or `2016-W18`.
    pub period: String,
    /// First instant of the period.
    pub start: DateTime<Utc>,
    /// Matching articles dated in it.
    pub articles: u64,
}

/// Matching articles counted per period.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Timeline {
    /// Every period from the first to the last dated match, empty ones too.
    pub buckets: Vec<Bucket>,
    /// Matching articles without a date.
    pub undated: u64,
    /// All matching articles.
    pub total: u64,
}

fn period_start(d: NaiveDate, by: Period) -> NaiveDate {
    match by {
        Period::Year => NaiveDate::from_ymd_opt(d.year(), 1, 1).expect("valid"),
        Period::Month => NaiveDate::from_ymd_opt(d.year(), d.month(), 1).expect("valid"),
        Period::Week => d - Duration::days(d.weekday().num_days_from_monday() as i64),
    }
}

fn next_start(d: NaiveDate, by: Period) -> NaiveDate {
    match by {
        Period::Year => NaiveDate::from_ymd_opt(d.year() + 1, 1, 1).expect("valid"),
        Period::Month if d.month() == 12 => {
            NaiveDate::from_ymd_opt(d.year() + 1, 1, 1).expect("valid")
        }
        Period::Month => NaiveDate::from_ymd_opt(d.year(), d.month() + 1, 1).expect("valid"),
        Period::Week => d + Duration::days(7),
    }
}

fn label(d: NaiveDate, by: Period) -> String {
    match by {
        Period::Year => d.format("%Y").to_string(),
        Period::Month => d.format("%Y-%m").to_string(),
        Period::Week => {
            let w = d.iso_week();
            format!("{}-W{:02}", w.year(), w.week())
        }
    }
}

/// Counts the articles the criteria match per period.
pub fn timeline(
    searcher: &Searcher,
    fields: &Fields,
    criteria: Option<&Criteria>,
    by: Period,
) -> Result<Timeline> {
    let docs = matching(searcher, fields, criteria)?;
    count_periods(searcher, &docs, by)
}

fn count_periods(searcher: &Searcher, docs: &Matches, by: Period) -> Result<Timeline> {
    // By day first, through the generation's table of each article's own
    // day (its date where it was published): a number per article, an
    // array entry per day.
    let archive = archive::of(searcher)?;
    let table = archive.days(searcher)?;
    let mut per_day = vec![0u64; table.days.len()];
    let (mut undated, mut total) = (0u64, 0u64);
    for (&segment_ord, ids) in docs {
        let by_doc = &table.by_doc[segment_ord as usize];
        for &doc in ids {
            total += 1;
            match by_doc.get(doc as usize) {
                Some(&day) if day != archive::UNDATED => per_day[day as usize] += 1,
                _ => undated += 1,
            }
        }
    }
    let days = table
        .days
        .iter()
        .zip(per_day)
        .filter(|&(_, n)| n > 0)
        .map(|(&day, n)| (day, n));
    let mut counts: BTreeMap<NaiveDate, u64> = BTreeMap::new();
    for (day, n) in days {
        if let Some(d) = DateTime::<Utc>::from_timestamp(day * 86_400, 0) {
            *counts.entry(period_start(d.date_naive(), by)).or_default() += n;
        }
    }
    let mut buckets = Vec::new();
    if let (Some(&first), Some(&last)) = (counts.keys().next(), counts.keys().next_back()) {
        let mut at = first;
        while at <= last {
            buckets.push(Bucket {
                period: label(at, by),
                start: Utc.from_utc_datetime(&at.and_hms_opt(0, 0, 0).expect("midnight")),
                articles: counts.get(&at).copied().unwrap_or(0),
            });
            at = next_start(at, by);
        }
    }
    Ok(Timeline {
        buckets,
        undated,
        total,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn facets_count_every_match_by_value() {
        let (index, f) = crate::testdata::ram_index(&[
            ("politics", "Budget", "Gordon Brown presented the budget."),
            (
                "business",
                "Budget cheers",
                "Markets liked the budget, Gordon Brown said.",
            ),
            (
                "politics",
                "Tony Blair speaks",
                "Tony Blair spoke on the budget.",
            ),
            ("sport", "Final", "The final was tense."),
        ]);
        let s = index.reader().unwrap().searcher();
        let c = Criteria::query("budget");
        let got = facets(&s, &f, Some(&c), 10).unwrap();
        assert_eq!(got.total, 3);
        let pairs = |v: &[ValueCount]| -> Vec<(String, u64)> {
            v.iter().map(|c| (c.name.clone(), c.articles)).collect()
        };
        assert_eq!(
            pairs(&got.sections),
            [("politics".to_string(), 2), ("business".to_string(), 1)]
        );
        assert_eq!(
            got.people[0],
            ValueCount {
                name: "Gordon Brown".into(),
                articles: 2
            }
        );
        assert!(got.months.is_empty(), "undated articles have no month");
        assert_eq!(got.undated, 3, "and are counted apart");
        // No criteria: the whole archive.
        assert_eq!(facets(&s, &f, None, 10).unwrap().total, 4);
        assert_eq!(people(&s, &f, Some(&c), 1).unwrap().1.len(), 1);
    }

    /// Issue #15: a name that some articles show to be a film is not in
    /// the people list, though others read it as a person; a person whom
    /// one article names beside a film title stays.
    #[test]
    fn people_list_leaves_out_names_shown_to_be_works() {
        let (index, f) = crate::testdata::ram_index(&[
            (
                "film",
                "Awards",
                "Vera Drake scored best director for Mike Leigh, said Imelda Staunton.",
            ),
            (
                "film",
                "Baftas",
                "The drama Vera Drake has seven nominations.",
            ),
            ("film", "Oscars", "Vera Drake star Imelda Staunton arrived."),
            ("film", "Review", "Vera Drake won praise, Mike Leigh said."),
            (
                "film",
                "Hughes",
                "Howard Hughes flew. Howard Hughes said it.",
            ),
            ("film", "Hughes 2", "Howard Hughes landed, said Mike Leigh."),
        ]);
        let s = index.reader().unwrap().searcher();
        assert!(crate::person_links::is_thing(&s, &f, "Vera Drake").unwrap());
        assert!(!crate::person_links::is_thing(&s, &f, "Howard Hughes").unwrap());
        // Nor among an article's people, in a hit or `show`.
        let mut named = vec!["Vera Drake".to_string(), "Mike Leigh".to_string()];
        crate::person_links::drop_things(&s, &f, &mut named).unwrap();
        assert_eq!(named, ["Mike Leigh"]);
        // What drop_things remembers is its index's: in another archive
        // Vera Drake is a person, and stays one.
        let (other, of) = crate::testdata::ram_index(&[
            ("news", "Mayor", "Vera Drake said the council would vote."),
            (
                "news",
                "Vote",
                "Mayor Vera Drake spoke, and Vera Drake won.",
            ),
        ]);
        let os = other.reader().unwrap().searcher();
        for (searcher, fields, kept) in [(&os, &of, 2), (&s, &f, 1), (&os, &of, 2)] {
            let mut named = vec!["Vera Drake".to_string(), "Mike Leigh".to_string()];
            crate::person_links::drop_things(searcher, fields, &mut named).unwrap();
            assert_eq!(named.len(), kept, "{named:?}");
        }
        let listed: Vec<String> = people(&s, &f, None, 10)
            .unwrap()
            .1
            .into_iter()
            .map(|c| c.name)
            .collect();
        assert_eq!(listed, ["Mike Leigh", "Howard Hughes", "Imelda Staunton"]);
        let sidebar = facets(&s, &f, None, 10).unwrap().people;
        assert!(
            sidebar.iter().all(|c| c.name != "Vera Drake"),
            "{sidebar:?}"
        );
        // The list is cut after the names left out: still `limit` long.
        assert_eq!(people(&s, &f, None, 2).unwrap().1.len(), 2);
    }

    /// Issue #25: the sidebar lists people as the people list does: the
    /// articles that name Tony Blair by surname alone ("Mr Blair") count
    /// for him, not for a "Blair" of their own, and the forms of one name
    /// are one line. It counted names as written before.
    #[test]
    fn sidebar_people_are_the_people_list() {
        let (index, f) = crate::testdata::ram_index(&[
            ("politics", "Visit", "Tony Blair visited Paris on Monday."),
            ("politics", "Talks", "Tony Blair met the French president."),
            ("politics", "Speech", "Tony Blair spoke about schools."),
            ("politics", "Schools", "Mr Blair said the plan would work."),
            ("politics", "Budget", "Mr Blair answered questions on tax."),
            ("politics", "Press", "Barack Obama spoke to the press."),
            ("politics", "Trip", "Barack H. Obama flew to Berlin."),
            ("politics", "Rally", "Barack Obama held a rally."),
        ]);
        let s = index.reader().unwrap().searcher();
        let pairs = |v: &[ValueCount]| -> Vec<(String, u64)> {
            v.iter().map(|c| (c.name.clone(), c.articles)).collect()
        };
        let listed = pairs(&people(&s, &f, None, 10).unwrap().1);
        assert_eq!(
            listed,
            [
                ("Tony Blair".to_string(), 5),
                ("Barack Obama".to_string(), 3)
            ]
        );
        assert_eq!(pairs(&facets(&s, &f, None, 10).unwrap().people), listed);
        // A query's sidebar too, and the second time (kept for the
        // index generation) the same.
        let c = Criteria::query("said OR spoke OR visited");
        let once = facets(&s, &f, Some(&c), 10).unwrap();
        assert_eq!(
            pairs(&once.people),
            [
                ("Tony Blair".to_string(), 3),
                ("Barack Obama".to_string(), 1)
            ]
        );
        assert_eq!(
            pairs(&people(&s, &f, Some(&c), 10).unwrap().1),
            pairs(&once.people)
        );
        assert_eq!(facets(&s, &f, None, 10).unwrap().people.len(), 2);
    }

    /// Issue #24: an article counts in the month of its own day. Dated
    /// 01:00 on 1 June in Tokyo (31 May in UTC), it is in June for the
    /// timeline and for `date:`; one dated 31 May 23:00 without a zone
    /// stays in May.
    #[test]
    fn articles_count_in_the_month_of_their_own_day() {
        use crate::article::{Article, Draft, Origin};
        use crate::schema::ArticleDoc;
        let (schema, f) = crate::schema::build();
        let index = tantivy::Index::create_in_ram(schema);
        crate::schema::register_analyzers(&index);
        let mut w: tantivy::IndexWriter<ArticleDoc> = index.writer(15_000_000).unwrap();
        let mut stories = crate::stories::Assigner::new(&f, None).unwrap();
        for (i, date) in ["2016-06-01T01:00:00+09:00", "2016-05-31 23:00"]
            .iter()
            .enumerate()
        {
            let rel = format!("{i}.txt");
            let origin = Origin {
                root_label: "news",
                rel_path: &rel,
                abs_path: &rel,
                parent_name: None,
                multi_record: false,
            };
            let mut draft = Draft {
                title: Some(["Dam opens", "Bridge closes"][i].into()),
                body: [
                    "The new dam opened at dawn.",
                    "The old bridge closed for repairs.",
                ][i]
                    .into(),
                ..Draft::default()
            };
            draft.set_date(crate::dates::parse_dated(date));
            let mut a = Article::from_draft(draft, &origin, 0);
            crate::annotate::annotate(&mut a);
            stories.assign(&mut a).unwrap();
            w.add_document(ArticleDoc::new(f.clone(), a)).unwrap();
        }
        w.commit().unwrap();
        let s = index.reader().unwrap().searcher();
        let months: Vec<(String, u64)> = timeline(&s, &f, None, Period::Month)
            .unwrap()
            .buckets
            .into_iter()
            .map(|b| (b.period, b.articles))
            .collect();
        assert_eq!(months, [("2016-05".into(), 1), ("2016-06".into(), 1)]);
        let june = Criteria {
            query: "date:2016-06".into(),
            ..Criteria::default()
        };
        let t = timeline(&s, &f, Some(&june), Period::Month).unwrap();
        assert_eq!((t.total, t.buckets[0].period.as_str()), (1, "2016-06"));
    }

    #[test]
    fn periods_start_and_label() {
        let d = NaiveDate::from_ymd_opt(2016, 5, 5).unwrap(); // a Thursday
        assert_eq!(
            label(period_start(d, Period::Week), Period::Week),
            "2016-W18"
        );
        assert_eq!(period_start(d, Period::Week).to_string(), "2016-05-02");
        assert_eq!(
            label(period_start(d, Period::Month), Period::Month),
            "2016-05"
        );
        assert_eq!(
            next_start(NaiveDate::from_ymd_opt(2016, 12, 1).unwrap(), Period::Month).to_string(),
            "2017-01-01"
        );
        assert_eq!(label(d, Period::Year), "2016");
    }
}
