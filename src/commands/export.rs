//! `newsdex export`: every stored article as JSON Lines.

use anyhow::Result;

use super::{Context, Outcome};

/// Writes every article, one JSON object per line, to stdout.
pub fn run(ctx: &Context) -> Result<Outcome> {
    let opened = ctx.store.open()?;
    let mut p = ctx.out.json_stream();
    opened.for_each_article(|a| -> Result<()> {
        p.json_line(&a)?;
        Ok(())
    })?;
    p.flush()?;
    Ok(Outcome::Success)
}
