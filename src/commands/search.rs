//! `newsdex search`.

use anyhow::{anyhow, Result};

use super::{Context, Outcome};
use crate::cli::{SearchArgs, SortBy};
use crate::output::Output;
use newsdex::search::{self, Criteria, Page, Sort};

/// Runs a search and prints the hits.
pub fn run(ctx: &Context, args: &SearchArgs) -> Result<Outcome> {
    if args.query.is_empty() && !args.filters.any() {
        return Err(anyhow!(
            "give a query, or a filter (--person, --section, --since, --until): e.g. newsdex search budget"
        ));
    }
    let criteria = Criteria {
        all_words: args.all_words,
        exact: args.exact,
        ..super::criteria(&args.query, &args.filters)?
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
    let out = match (args.csv, ctx.out) {
        (false, out) => out,
        (true, Output::Json) => {
            return Err(anyhow!("--csv and --json both given: choose one form"));
        }
        (true, _) => Output::Csv,
    };
    let opened = ctx.store.open_for_search()?;
    let searcher = opened.searcher()?;
    let results = search::search(&searcher, &opened.fields, &criteria, &page)?;
    out.search(&results)?;
    if results.hits.is_empty() && searcher.num_docs() == 0 && ctx.store.is_being_written() {
        out.notice(
            "the index is still being built (the first `newsdex index` is running): search again when it finishes",
        );
    }
    Ok(if results.hits.is_empty() {
        Outcome::NoMatch
    } else {
        Outcome::Success
    })
}
