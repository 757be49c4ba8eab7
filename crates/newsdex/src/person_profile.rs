//! *What does the archive say about this person?* One call for a person's
//! page: how many articles name them, when, under which forms of the name,
//! who is named beside them (`crate::facets::person`), and their latest
//! articles (`crate::search::search` with `person:` criteria, newest
//! first). Every figure is one the command line gives too: `newsdex
//! people --person NAME` and `newsdex search --person NAME --sort newest`.
//!
//! A name no article gives is answered with the people of the same
//! surname ([`Lookup::Unknown`]), as the search's notice names them.

use tantivy::Searcher;

use crate::error::Result;
use crate::facets::{self, Period, PersonCounts};
use crate::query::Criteria;
use crate::schema::Fields;
use crate::search::{self, Notice, Page, SearchResults, Sort};

/// How much of a person's page to gather.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Options {
    /// People named alongside, at most.
    pub alongside: usize,
    /// Latest articles, at most.
    pub latest: usize,
    /// Width of the timeline's periods.
    pub by: Period,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            alongside: 20,
            latest: 10,
            by: Period::Month,
        }
    }
}

/// A person's page.
#[derive(Debug, Clone)]
pub struct Profile {
    /// The name as asked.
    pub name: String,
    /// Counts over the person's articles.
    pub counts: PersonCounts,
    /// The latest of them (undated ones last), one passage each: a search
    /// for `person:"NAME"` sorted newest first, so `latest.stories` is
    /// `counts.articles`.
    pub latest: SearchResults,
}

/// The answer for a name.
#[derive(Debug, Clone)]
pub enum Lookup {
    /// Some article names the person.
    Found(Box<Profile>),
    /// No article does.
    Unknown {
        /// People with the name's last word (`Mr Blair` → Tony Blair), most
        /// articles first: the notice a search gives.
        near: Vec<String>,
    },
}

/// Gathers the page of the person `name` (a name as the people list or an
/// article gives it; any form of it finds the others).
pub fn profile(searcher: &Searcher, fields: &Fields, name: &str, opts: Options) -> Result<Lookup> {
    let criteria = Criteria {
        people: vec![name.to_string()],
        ..Criteria::default()
    };
    let page = Page {
        limit: opts.latest.max(1),
        offset: 0,
        sort: Sort::Newest,
        snippets: 1,
        snippet_chars: 200,
        locate_lines: false,
    };
    let mut latest = search::search(searcher, fields, &criteria, &page)?;
    if latest.total == 0 {
        let near = latest
            .notices()
            .into_iter()
            .find_map(|n| match n {
                Notice::UnknownPerson { near, .. } => Some(near),
                _ => None,
            })
            .unwrap_or_default();
        return Ok(Lookup::Unknown { near });
    }
    latest.hits.truncate(opts.latest);
    let counts = facets::person(searcher, fields, name, opts.alongside, opts.by)?;
    Ok(Lookup::Found(Box::new(Profile {
        name: name.to_string(),
        counts,
        latest,
    })))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::facets::ValueCount;
    use crate::testdata::ram_index;

    const ARTICLES: &[(&str, &str, &str)] = &[
        (
            "politics",
            "Blair on schools",
            "Tony Blair visited a school with Ruth Kelly. Mr Blair said pupils need trips.",
        ),
        (
            "politics",
            "Election date",
            "Tony Blair and Gordon Brown met. Gordon Brown spoke of the budget.",
        ),
        (
            "politics",
            "Budget row",
            "Gordon Brown presented the budget; Michael Howard attacked it.",
        ),
        (
            "politics",
            "Iraq",
            "Prime Minister Tony Blair defended the war. Ruth Kelly agreed.",
        ),
        (
            "politics",
            "Campaign trail",
            "Mr Blair toured the north. Blair said the economy was strong, \
             and Gordon Brown agreed.",
        ),
        (
            "sport",
            "Final",
            "The final was tense; Alex Ferguson watched.",
        ),
    ];

    fn names(v: &[ValueCount]) -> Vec<(&str, u64)> {
        v.iter().map(|c| (c.name.as_str(), c.articles)).collect()
    }

    #[test]
    fn a_profile_counts_what_the_people_list_and_search_count() {
        let (index, f) = ram_index(ARTICLES);
        let s = index.reader().unwrap().searcher();
        let Lookup::Found(p) = profile(&s, &f, "Tony Blair", Options::default()).unwrap() else {
            panic!("Tony Blair is named");
        };
        // The people list counts him in the same articles.
        let (_, listed) = facets::people(&s, &f, None, 10).unwrap();
        let in_list = listed.iter().find(|c| c.name == "Tony Blair").unwrap();
        assert_eq!(p.counts.articles, in_list.articles);
        assert_eq!(p.latest.stories as u64, p.counts.articles);
        assert_eq!(p.latest.hits.len() as u64, p.counts.articles);
        // `Blair` alone, in the article that never says "Tony Blair", is
        // one of his forms: the archive links it to him.
        assert_eq!(p.counts.articles, 4, "{:?}", p.counts);
        assert_eq!(names(&p.counts.forms), [("Tony Blair", 3), ("Blair", 1)]);
        // Who appears alongside, as `people --person` lists them, without
        // him.
        assert_eq!(
            names(&p.counts.alongside),
            [("Gordon Brown", 2), ("Ruth Kelly", 2)]
        );
        assert_eq!(p.counts.timeline.undated, 4);
        assert!(p.counts.timeline.buckets.is_empty());
        // Limits hold.
        let few = Options {
            alongside: 1,
            latest: 2,
            by: Period::Year,
        };
        let Lookup::Found(p) = profile(&s, &f, "Tony Blair", few).unwrap() else {
            panic!("Tony Blair is named");
        };
        assert_eq!((p.counts.alongside.len(), p.latest.hits.len()), (1, 2));
    }

    #[test]
    fn an_unknown_name_gives_the_people_near_it() {
        let (index, f) = ram_index(ARTICLES);
        let s = index.reader().unwrap().searcher();
        match profile(&s, &f, "Cherie Blair", Options::default()).unwrap() {
            Lookup::Unknown { near } => assert!(near.contains(&"Tony Blair".to_string())),
            Lookup::Found(p) => panic!("no article names Cherie Blair: {:?}", p.counts),
        }
        match profile(&s, &f, "Nobody Atall", Options::default()).unwrap() {
            Lookup::Unknown { near } => assert!(near.is_empty(), "{near:?}"),
            Lookup::Found(p) => panic!("no article names Nobody Atall: {:?}", p.counts),
        }
    }
}
