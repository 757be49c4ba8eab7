//! `newsdex search`.

use anyhow::{anyhow, Result};

use super::{Context, Outcome};
use crate::cli::{SearchArgs, SortBy};
use newsdex::dates::parse_period;
use newsdex::search::{self, Criteria, Page, Sort};

/// Runs a search and prints the hits.
pub fn run(ctx: &Context, args: &SearchArgs) -> Result<Outcome> {
    let period = |flag: &str, value: &Option<String>| -> Result<Option<_>> {
        value
            .as_deref()
            .map(|v| {
                parse_period(v).ok_or_else(|| {
                    anyhow!(
                        "invalid {flag} value `{v}`: give a date like 2016-05-03, 2016-05 or 2016"
                    )
                })
            })
            .transpose()
    };
    let criteria = Criteria {
        query: args.query.join(" "),
        since: period("--since", &args.since)?.map(|(start, _)| start),
        until: period("--until", &args.until)?.map(|(_, end)| end),
        sections: args.section.clone(),
        people: args.person.clone(),
        all_words: args.all_words,
        exact: args.exact,
    };
    let page = Page {
        limit: args.limit,
        offset: args.offset,
        sort: match args.sort {
            SortBy::Relevance => Sort::Relevance,
            SortBy::Newest => Sort::Newest,
            SortBy::Oldest => Sort::Oldest,
            SortBy::Recent => Sort::Recent,
        },
        snippets: args.snippets as usize,
        snippet_chars: args.snippet_chars as usize,
        locate_lines: true,
    };
    let opened = ctx.store.open_for_search()?;
    let searcher = opened.searcher()?;
    let results = search::search(&searcher, &opened.fields, &criteria, &page)?;
    ctx.out.search(&results)?;
    Ok(if results.hits.is_empty() {
        Outcome::NoMatch
    } else {
        Outcome::Success
    })
}
