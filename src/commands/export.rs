//! `newsdex export [QUERY]`: stored articles as JSON Lines.

use anyhow::Result;

use super::{criteria, Context, Outcome};
use crate::cli::ExportArgs;

/// Writes every article, or those the query and filters match, one JSON
/// object per line, to stdout.
pub fn run(ctx: &Context, args: &ExportArgs) -> Result<Outcome> {
    let c = criteria(&args.query, &args.filters)?;
    let opened = ctx.store.open()?;
    let mut p = ctx.out.json_stream();
    let mut n = 0u64;
    let mut visit = |a| -> Result<()> {
        p.json_line(&a)?;
        n += 1;
        Ok(())
    };
    if c.is_empty() {
        opened.for_each_article(&mut visit)?;
    } else {
        let searcher = opened.searcher()?;
        let stemming = newsdex::query::Stemming::of_index(&searcher, &opened.fields);
        let compiled = newsdex::query::build(&opened.fields, &stemming, &c)?;
        opened.for_each_matching(&*compiled.query, &mut visit)?;
    }
    p.flush()?;
    Ok(if n == 0 {
        Outcome::NoMatch
    } else {
        Outcome::Success
    })
}
