//! Why a search found nothing, when a filter is the reason: a section no
//! article is in (with the sections near that name), a person no article
//! names (with the people of that surname), dates asked of an index whose
//! articles have none, or a date range that ends before it starts. Each is
//! a [`Notice`] the front ends print after "no matches". A `section:` or
//! `person:` clause typed in the query is explained as the `--section` or
//! `--person` filter is.

use tantivy::collector::Count;
use tantivy::query::ExistsQuery;
use tantivy::Searcher;

use super::Notice;
use crate::error::Result;
use crate::facets::{self, Facet};
use crate::query::{self, Criteria, FieldName, Match, Node};
use crate::schema::{self, Fields};
use crate::snippet;

/// Most near names given in one notice.
const NEAR: usize = 3;

/// The filters of `c` that match no article on their own, explained:
/// the `--section`/`--person` filters and the `section:`/`person:`
/// clauses of the query alike.
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
    let (mut sections, mut people) = (c.sections.clone(), Vec::new());
    for name in &c.people {
        // `--person NAME` means the whole name, as a quoted `person:`.
        people.push((
            name.clone(),
            format!("person:\"{}\"", name.replace('"', " ")),
        ));
    }
    for (field, text, kind) in query_clauses(&c.query) {
        match (field, kind) {
            (FieldName::Section, _) if !sections.contains(&text) => sections.push(text),
            (FieldName::Person, Match::Word) => {
                people.push((text.clone(), format!("person:{text}")))
            }
            (FieldName::Person, _) => {
                let q = format!("person:\"{}\"", text.replace('"', " "));
                people.push((text, q));
            }
            _ => {}
        }
    }
    people.dedup_by(|a, b| a.0 == b.0);
    if !sections.is_empty() {
        let (_, known) = facets::count(searcher, f, None, Facet::Section, usize::MAX)?;
        out.extend(sections.iter().filter_map(|s| unknown_section(&known, s)));
    }
    for (name, alone) in people {
        if let Some(n) = unknown_person(searcher, f, &name, &alone)? {
            out.push(n);
        }
    }
    Ok(out)
}

/// The `section:` and `person:` clauses of a query that ask for a whole
/// value or a word of it (not negated, not a prefix or fuzzy match), as
/// written; none when the query does not parse.
fn query_clauses(q: &str) -> Vec<(FieldName, String, Match)> {
    fn walk(node: &Node, out: &mut Vec<(FieldName, String, Match)>) {
        match node {
            Node::And(v) | Node::Or(v) => v.iter().for_each(|n| walk(n, out)),
            Node::Not(_) => {}
            Node::Leaf {
                field: Some(field @ (FieldName::Section | FieldName::Person)),
                text,
                kind: kind @ (Match::Word | Match::Phrase { .. }),
                ..
            } if !text.trim().is_empty() => {
                out.push((*field, text.trim().to_string(), kind.clone()))
            }
            Node::Leaf { .. } => {}
        }
    }
    let mut out = Vec::new();
    if let Ok(node) = query::parse(q) {
        walk(&node, &mut out);
    }
    out
}

/// A section no article is in, with the sections near its name; `None`
/// when some article is in it.
fn unknown_section(known: &[facets::ValueCount], wanted: &str) -> Option<Notice> {
    let folded = schema::fold_keyword(wanted);
    if known
        .iter()
        .any(|k| schema::fold_keyword(&k.name) == folded)
    {
        return None;
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
    Some(Notice::UnknownSection {
        name: wanted.to_string(),
        near: near.into_iter().take(NEAR).map(|n| n.2).collect(),
    })
}

/// A person no article names (`alone`: the `person:` query that asks for
/// them), with the people who share the name's last word; `None` when
/// some article names them.
fn unknown_person(
    searcher: &Searcher,
    f: &Fields,
    wanted: &str,
    alone: &str,
) -> Result<Option<Notice>> {
    // A count alone: no need to tally the names of those it finds.
    let Ok(q) = query::build(
        f,
        &query::Stemming::of_index(searcher, f),
        &Criteria::query(alone),
    ) else {
        return Ok(None);
    };
    if q.query.count(searcher)? > 0 {
        return Ok(None);
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
    Ok(Some(Notice::UnknownPerson {
        name: wanted.to_string(),
        near,
    }))
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

    /// Issue #25 item 7: the same help for clauses typed in the query.
    #[test]
    fn query_clauses_are_explained_as_the_filters_are() {
        let (index, f) = ram_index(&[
            ("sport", "Final", "Tony Blair watched the final."),
            ("sports", "Cup", "The cup was won."),
        ]);
        let s = index.reader().unwrap().searcher();
        let got = explain(
            &s,
            &f,
            &Criteria::query("final section:sprot person:\"Mr Blair\" -person:nobody"),
        )
        .unwrap();
        assert_eq!(
            got,
            [
                Notice::UnknownSection {
                    name: "sprot".into(),
                    near: vec!["sport".into(), "sports".into()]
                },
                Notice::UnknownPerson {
                    name: "Mr Blair".into(),
                    near: vec!["Tony Blair".into()]
                }
            ]
        );
        let fine = Criteria::query("section:sport person:blair person:\"Tony Blair\"");
        assert!(explain(&s, &f, &fine).unwrap().is_empty());
        // A query that does not parse explains nothing more.
        assert!(explain(&s, &f, &Criteria::query("section:("))
            .unwrap()
            .is_empty());
    }
}
