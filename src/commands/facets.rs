//! `newsdex people` and `newsdex timeline`.

use anyhow::Result;

use super::{Context, Outcome};
use crate::cli::{PeopleArgs, PeriodArg, TimelineArgs};
use newsdex::facets::{self, Period};
use newsdex::query::Criteria;

fn criteria(words: &[String]) -> Option<Criteria> {
    (!words.is_empty()).then(|| Criteria::query(words.join(" ")))
}

/// Lists the most-mentioned people.
pub fn people(ctx: &Context, args: &PeopleArgs) -> Result<Outcome> {
    let opened = ctx.store.open_for_search()?;
    let searcher = opened.searcher()?;
    let c = criteria(&args.query);
    let (total, list) = facets::people(&searcher, &opened.fields, c.as_ref(), args.limit)?;
    ctx.out.people(&list, total)?;
    Ok(if list.is_empty() {
        Outcome::NoMatch
    } else {
        Outcome::Success
    })
}

/// Prints matching articles per period.
pub fn timeline(ctx: &Context, args: &TimelineArgs) -> Result<Outcome> {
    let opened = ctx.store.open_for_search()?;
    let searcher = opened.searcher()?;
    let c = criteria(&args.query);
    let by = match args.by {
        PeriodArg::Week => Period::Week,
        PeriodArg::Month => Period::Month,
        PeriodArg::Year => Period::Year,
    };
    let t = facets::timeline(&searcher, &opened.fields, c.as_ref(), by)?;
    ctx.out.timeline(&t)?;
    Ok(if t.total == 0 {
        Outcome::NoMatch
    } else {
        Outcome::Success
    })
}
