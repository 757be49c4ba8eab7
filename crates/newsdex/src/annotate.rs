//! The analysis step between ingest and index: an [`Article`] as the
//! parser and [`Article::from_draft`] left it gets its language when the
//! source did not name it ([`crate::language::detect`]), the people it names
//! ([`crate::people`]), its place among topics ([`crate::meaning`]) and its
//! near-duplicate sketch ([`crate::sketch`]). The indexer calls
//! [`annotate`] once per article, on the parse threads; the article type
//! itself runs no analysis.

use crate::article::Article;
use crate::people::{self, link_rule};

/// Fills in the article's people (with their mention weights, title cues
/// and the names it shows to be things), meaning vector and sketch, from
/// its title and body.
pub fn annotate(article: &mut Article) {
    if article.language.is_none() {
        article.language = crate::language::detect(&article.title, &article.body).map(String::from);
    }
    let (title, body) = (&article.title, &article.body);
    let mut names = Vec::new();
    let mut mentions = Vec::new();
    let mut person_cues = Vec::new();
    let found = people::extract_all(title, body, article.language.as_deref());
    let things = found
        .things
        .iter()
        .map(|n| people::Variant::of(n).key)
        .collect();
    for p in found.people {
        let weight = |m: &people::Mention| match m.field {
            people::Field::Title => 2,
            people::Field::Body => 1,
        };
        mentions.push(p.mentions.iter().map(weight).sum());
        // Only a one-word name needs its title's gender: what it may
        // link to across articles (`link_rule`).
        let one_word = !p.name.trim().contains(' ');
        person_cues.push(if one_word {
            link_rule::cue(title, body, &p)
        } else {
            link_rule::Cue::default()
        });
        names.push(p.name);
    }
    let meaning = crate::meaning::of_article(title, body);
    let sketch = crate::sketch::Sketch::of(title, body).map(Box::new);
    article.people = names;
    article.mentions = mentions;
    article.person_cues = person_cues;
    article.things = things;
    article.meaning = meaning;
    article.sketch = sketch;
}
