//! `newsdex people`, `sources`, `bylines` and `timeline`.

use anyhow::Result;

use super::{criteria, Context, Outcome};
use crate::cli::{PeopleArgs, PeriodArg, TimelineArgs};
use newsdex::facets::{self, Facet, Period};

/// Lists the people (sources, bylines) with most matching articles.
pub fn count(ctx: &Context, args: &PeopleArgs, facet: Facet) -> Result<Outcome> {
    let c = criteria(&args.query, &args.filters)?;
    let opened = ctx.store.open_for_search()?;
    let searcher = opened.searcher()?;
    let (total, list) = facets::count(&searcher, &opened.fields, Some(&c), facet, args.limit)?;
    ctx.out.people(&list, total, facet, !c.all_copies)?;
    Ok(if list.is_empty() {
        Outcome::NoMatch
    } else {
        Outcome::Success
    })
}

/// Prints matching articles per period.
pub fn timeline(ctx: &Context, args: &TimelineArgs) -> Result<Outcome> {
    let c = criteria(&args.query, &args.filters)?;
    let opened = ctx.store.open_for_search()?;
    let searcher = opened.searcher()?;
    let by = match args.by {
        PeriodArg::Week => Period::Week,
        PeriodArg::Month => Period::Month,
        PeriodArg::Year => Period::Year,
    };
    let t = facets::timeline(&searcher, &opened.fields, Some(&c), by)?;
    ctx.out.timeline(&t, !c.all_copies)?;
    Ok(if t.total == 0 {
        Outcome::NoMatch
    } else {
        Outcome::Success
    })
}
