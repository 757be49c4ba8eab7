//! `newsdex duplicates`.

use anyhow::Result;

use super::{Context, Outcome};
use crate::cli::DuplicatesArgs;

/// Lists the stories with copies, largest first.
pub fn run(ctx: &Context, args: &DuplicatesArgs) -> Result<Outcome> {
    let opened = ctx.store.open_for_search()?;
    let searcher = opened.searcher()?;
    let mut groups = newsdex::stories::duplicates(&searcher, &opened.fields, args.min_similarity)?;
    let stories = groups.len();
    let copies: usize = groups.iter().map(|g| g.members.len() - 1).sum();
    if let Some(n) = args.limit {
        groups.truncate(n);
    }
    ctx.out.duplicates(&groups, stories, copies)?;
    Ok(if groups.is_empty() {
        Outcome::NoMatch
    } else {
        Outcome::Success
    })
}
