//! `newsdex show ID|PATH`.

use anyhow::Result;

use super::{Context, Outcome};

/// Prints the stored article(s) with that id or source path.
pub fn run(ctx: &Context, key: &str) -> Result<Outcome> {
    let opened = ctx.store.open()?;
    let articles = opened.find_article(key)?;
    ctx.out.articles(&articles)?;
    Ok(Outcome::Success)
}
