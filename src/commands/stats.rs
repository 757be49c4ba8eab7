//! `newsdex stats`.

use anyhow::Result;

use super::{Context, Outcome};

/// Prints figures about the index.
pub fn run(ctx: &Context) -> Result<Outcome> {
    let opened = ctx.store.open()?;
    let stats = newsdex::stats::stats(&ctx.store, &opened)?;
    ctx.out.stats(&stats)?;
    Ok(Outcome::Success)
}
