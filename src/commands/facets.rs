//! `newsdex people` and `newsdex timeline`.

use anyhow::Result;

use super::{Context, Outcome};
use crate::cli::{PeopleArgs, PeriodArg, TimelineArgs};
use crate::facets::{self, Period};
use crate::search::SearchRequest;

fn request(words: &[String]) -> Option<SearchRequest> {
    (!words.is_empty()).then(|| SearchRequest {
        query: words.join(" "),
        ..SearchRequest::default()
    })
}

/// Lists the most-mentioned people.
pub fn people(ctx: &Context, args: &PeopleArgs) -> Result<Outcome> {
    let opened = ctx.store.open_for_search()?;
    let req = request(&args.query);
    let (total, list) = facets::people(&opened, req.as_ref(), args.limit)?;
    let mut p = ctx.printer();
    if ctx.json {
        for person in &list {
            p.json_line(person)?;
        }
        p.flush()?;
    } else {
        p.people_text(&list, total)?;
    }
    Ok(if list.is_empty() {
        Outcome::NoMatch
    } else {
        Outcome::Success
    })
}

/// Prints matching articles per period.
pub fn timeline(ctx: &Context, args: &TimelineArgs) -> Result<Outcome> {
    let opened = ctx.store.open_for_search()?;
    let req = request(&args.query);
    let by = match args.by {
        PeriodArg::Week => Period::Week,
        PeriodArg::Month => Period::Month,
        PeriodArg::Year => Period::Year,
    };
    let t = facets::timeline(&opened, req.as_ref(), by)?;
    let mut p = ctx.printer();
    if ctx.json {
        for bucket in &t.buckets {
            p.json_line(bucket)?;
        }
        p.flush()?;
    } else {
        p.timeline_text(&t)?;
    }
    Ok(if t.total == 0 {
        Outcome::NoMatch
    } else {
        Outcome::Success
    })
}
