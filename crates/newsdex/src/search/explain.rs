//! Why a search found nothing, when a filter is the reason: a section no
//! article is in (with the sections near that name), a person no article
//! names (with the people of that surname), dates asked of an index whose
//! articles have none, or a date range that ends before it starts. Each is
//! a [`Notice`] the front ends print after "no matches".

use tantivy::collector::Count;
use tantivy::query::ExistsQuery;
use tantivy::Searcher;

use super::Notice;
use crate::error::Result;
use crate::facets::{self, Facet};
use crate::query::{self, Criteria};
use crate::schema::{self, Fields};
use crate::snippet;

/// Most near names given in one notice.
const NEAR: usize = 3;

/// The filters of `c` that match no article on their own, explained.
pub(super) fn explain(searcher: &Searcher, f: &Fields, c: &Criteria) -> Result<Vec<Notice>> {
    let mut out = Vec::new();
    if let (Some(since), Some(until)) = (c.since, c.until) {
        if since >= until {
            out.push(Notice::EmptyRange);
        }
    }
    if (c.since.is_some() || c.until.is_some())
        && searcher.search(&ExistsQuery::new("date".to_string(), false), &Count)? == 0
    {
        out.push(Notice::NoDates);
    }
    if !c.sections.is_empty() {
        let (_, known) = facets::count(searcher, f, None, Facet::Section, usize::MAX)?;
        for wanted in &c.sections {
            let folded = schema::fold_keyword(wanted);
            if known
                .iter()
                .any(|k| schema::fold_keyword(&k.name) == folded)
            {
                continue;
            }
            let mut near: Vec<(u8, u64, String)> = known
                .iter()
                .filter_map(|k| {
                    let name = schema::fold_keyword(&k.name);
                    // One edit for short names, two for longer, as for words.
                    let most = if folded.chars().count() <= 4 { 1 } else { 2 };
                    let dist = (1..=most).find(|&d| snippet::within_distance(&name, &folded, d));
                    let related = folded.chars().count() >= 3
                        && (name.starts_with(&folded) || folded.starts_with(&name));
                    dist.or(related.then_some(3))
                        .map(|d| (d, k.articles, k.name.clone()))
                })
                .collect();
            near.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
            out.push(Notice::UnknownSection {
                name: wanted.clone(),
                near: near.into_iter().take(NEAR).map(|n| n.2).collect(),
            });
        }
    }
    for wanted in &c.people {
        let alone = Criteria {
            people: vec![wanted.clone()],
            ..Criteria::default()
        };
        // A count alone: no need to tally the names of those it finds.
        if query::build(f, &query::Stemming::of_index(searcher, f), &alone)?
            .query
            .count(searcher)?
            > 0
        {
            continue;
        }
        // People who share the name's last word (`Mr Blair` → Tony Blair).
        let surname = wanted
            .split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '-')
            .rfind(|w| !w.is_empty())
            .unwrap_or("");
        let near = if surname.is_empty() {
            Vec::new()
        } else {
            let by_word = Criteria::query(format!("person:{}", surname.replace('"', "")));
            match facets::count(searcher, f, Some(&by_word), Facet::Person, 50) {
                Ok((_, list)) => {
                    let word = crate::people::normalise(surname);
                    list.into_iter()
                        .filter(|p| {
                            crate::people::normalise(&p.name)
                                .split_whitespace()
                                .any(|w| w == word)
                        })
                        .take(NEAR)
                        .map(|p| p.name)
                        .collect()
                }
                Err(_) => Vec::new(),
            }
        };
        out.push(Notice::UnknownPerson {
            name: wanted.clone(),
            near,
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testdata::ram_index;

    #[test]
    fn empty_filters_are_named_with_what_is_near() {
        let (index, f) = ram_index(&[
            ("politics", "Budget", "Tony Blair spoke on the budget."),
            ("business", "Markets", "Markets rose."),
        ]);
        let s = index.reader().unwrap().searcher();
        let c = Criteria {
            sections: vec!["politcs".into()],
            people: vec!["Mr Blair".into()],
            since: crate::dates::parse_period("2005").map(|p| p.0),
            until: crate::dates::parse_period("2004").map(|p| p.1),
            ..Criteria::default()
        };
        let got = explain(&s, &f, &c).unwrap();
        assert!(got.contains(&Notice::EmptyRange), "{got:?}");
        assert!(got.contains(&Notice::NoDates), "{got:?}");
        assert!(got.contains(&Notice::UnknownSection {
            name: "politcs".into(),
            near: vec!["politics".into()]
        }));
        assert!(got.contains(&Notice::UnknownPerson {
            name: "Mr Blair".into(),
            near: vec!["Tony Blair".into()]
        }));
        // Filters that match something are not mentioned.
        let fine = Criteria {
            sections: vec!["Business".into()],
            people: vec!["Tony Blair".into()],
            ..Criteria::default()
        };
        assert!(explain(&s, &f, &fine).unwrap().is_empty());
    }
}
