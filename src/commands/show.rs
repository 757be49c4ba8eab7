//! `newsdex show ID|PATH|PATH:LINE`.

use anyhow::Result;

use super::{Context, Outcome};
use newsdex::article::Article;
use newsdex::error::Error;
use newsdex::person_links;

/// Prints the stored article with that id, the article of that file (at
/// that line, for `PATH:LINE` as search prints it), or the list of a
/// multi-article file's articles.
pub fn run(ctx: &Context, key: &str) -> Result<Outcome> {
    let opened = ctx.store.open()?;
    let articles = match opened.find_article(key) {
        Err(Error::NotFound(_)) => match split_line(key) {
            Some((path, line)) => vec![at_line(opened.find_article(path)?, line)],
            None => return Err(Error::NotFound(key.to_string()).into()),
        },
        other => other?,
    };
    if articles.len() > 1 {
        ctx.out.article_list(key, &articles)?;
        return Ok(Outcome::Success);
    }
    let mut articles = articles;
    let searcher = opened.searcher()?;
    for a in &mut articles {
        person_links::complete(&searcher, &opened.fields, a)?;
    }
    ctx.out.articles(&articles)?;
    Ok(Outcome::Success)
}

/// `PATH:LINE` split in two, when the key ends in `:digits`.
fn split_line(key: &str) -> Option<(&str, u64)> {
    let (path, line) = key.rsplit_once(':')?;
    let line = line.parse().ok()?;
    (!path.is_empty()).then_some((path, line))
}

/// The article of a file that holds `line`: the last one starting at or
/// before it (articles are in file order).
fn at_line(mut articles: Vec<Article>, line: u64) -> Article {
    articles.sort_by_key(|a| a.line);
    let i = articles.iter().rposition(|a| a.line <= line).unwrap_or(0);
    articles.swap_remove(i)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn path_and_line_are_split_only_at_a_trailing_number() {
        assert_eq!(split_line("a/b.sgm:699"), Some(("a/b.sgm", 699)));
        assert_eq!(split_line("C:/x.txt"), None);
        assert_eq!(split_line("a.txt"), None);
        assert_eq!(split_line(":12"), None);
    }
}
