//! `newsdex stats`.

use anyhow::Result;

use super::{Context, Outcome};

/// Prints figures about the index.
pub fn run(ctx: &Context) -> Result<Outcome> {
    let opened = ctx.store.open()?;
    let stats = crate::stats::stats(&ctx.store, &opened)?;
    let mut p = ctx.printer();
    if ctx.json {
        p.json_line(&stats)?;
    } else {
        p.stats_text(&stats)?;
    }
    Ok(Outcome::Success)
}
