//! `newsdex search`.

use anyhow::{anyhow, Result};

use super::{Context, Outcome};
use crate::cli::{SearchArgs, SortBy};
use crate::dates::parse_period;
use crate::search::{self, SearchRequest, Sort};

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
    let since = period("--since", &args.since)?.map(|(start, _)| start);
    let until = period("--until", &args.until)?.map(|(_, end)| end);
    let req = SearchRequest {
        query: args.query.join(" "),
        limit: args.limit,
        offset: args.offset,
        since,
        until,
        sections: args.section.clone(),
        people: args.person.clone(),
        snippet_chars: args.snippet_chars as usize,
        snippets: args.snippets as usize,
        sort: match args.sort {
            SortBy::Relevance => Sort::Relevance,
            SortBy::Newest => Sort::Newest,
            SortBy::Oldest => Sort::Oldest,
            SortBy::Recent => Sort::Recent,
        },
        locate_lines: true,
        all_words: args.all_words,
    };
    let opened = ctx.store.open_for_search()?;
    let results = search::search(&opened, &req)?;
    let mut p = ctx.printer();
    if ctx.json {
        p.hits_json(&results)?;
    } else {
        if results.relaxed {
            let n = results.words.len();
            let prefix = match results.strict_total {
                0 => format!("no article has all {n} words"),
                1 => format!("only 1 article has all {n} words"),
                k => format!("only {k} articles have all {n} words"),
            };
            eprintln!("newsdex: {prefix}; showing closest matches (--all-words for exact)");
        }
        p.hits_text(&results)?;
        if results.hits.is_empty() {
            eprintln!("newsdex: no matches for `{}`", req.query);
        } else {
            p.hits_footer(&results, args.offset)?;
        }
        if let Some(s) = &results.suggestion {
            eprintln!("newsdex: did you mean: {s}");
        }
    }
    Ok(if results.hits.is_empty() {
        Outcome::NoMatch
    } else {
        Outcome::Success
    })
}
