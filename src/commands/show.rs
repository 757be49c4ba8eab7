//! `newsdex show ID|PATH`.

use anyhow::Result;

use super::{Context, Outcome};

/// Prints the stored article(s) with that id or source path.
pub fn run(ctx: &Context, key: &str) -> Result<Outcome> {
    let opened = ctx.store.open()?;
    let articles = crate::search::find_article(&opened, key)?;
    let mut p = ctx.printer();
    for (i, a) in articles.iter().enumerate() {
        if ctx.json {
            p.json_line(a)?;
        } else {
            if i > 0 {
                println!();
            }
            p.article_text(a)?;
        }
    }
    p.flush()?;
    Ok(Outcome::Success)
}
