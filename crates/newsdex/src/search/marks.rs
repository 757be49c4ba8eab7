//! What a search marks in one whole article, for reading it after a
//! search (the server's article view): the same words, phrases, prefixes,
//! fuzzy words and people the snippets mark (`crate::snippet::spans`),
//! stemmed as the snippets stem them, over the whole headline and body
//! rather than a few passages.

use serde::Serialize;
use tantivy::Searcher;

use super::hits::{matched_words, person_mentions};
use crate::article::Article;
use crate::error::Result;
use crate::query::{self, Criteria};
use crate::schema::Fields;
use crate::snippet;

/// The spans a query matches in an article, as `[start, end)` character
/// offsets (not bytes), in order and not overlapping.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Marks {
    /// Spans of the headline.
    pub title: Vec<[usize; 2]>,
    /// Spans of the body.
    pub body: Vec<[usize; 2]>,
}

/// The spans `criteria` (its query and its people; the other filters mark
/// nothing) matches in `article`. A phrase is one span, not its words
/// wherever they are. An article that lacks some word of a plain query
/// (a closest match) has only the words that made it match marked, as its
/// snippet does: not every `the`. Nothing asked: no marks.
pub fn marks(
    searcher: &Searcher,
    fields: &Fields,
    criteria: &Criteria,
    article: &Article,
) -> Result<Marks> {
    let asked = Criteria {
        query: criteria.query.clone(),
        people: criteria.people.clone(),
        ..Criteria::default()
    };
    if asked.is_empty() {
        return Ok(Marks::default());
    }
    let stemming = query::Stemming::of_index(searcher, fields);
    let compiled = query::build(fields, &stemming, &asked)?;
    let mut hl = compiled.highlights;
    if let Some(plan) = &compiled.relaxed {
        if matched_words(article, &plan.words).len() < plan.words.len() {
            super::closest_highlights(&mut hl, plan);
        }
    }
    let language = article.language.as_deref();
    let spans = |text: &str, field| {
        let people = person_mentions(article, &hl.people, field);
        let spans = snippet::spans(text, language, &hl, &people);
        chars(text, spans)
    };
    Ok(Marks {
        title: spans(&article.title, crate::people::Field::Title),
        body: spans(&article.body, crate::people::Field::Body),
    })
}

/// Byte ranges of `text` (in order) as character offsets.
fn chars(text: &str, spans: Vec<std::ops::Range<usize>>) -> Vec<[usize; 2]> {
    let (mut at, mut count) = (0, 0);
    let mut to_chars = |byte: usize| {
        count += text[at..byte].chars().count();
        at = byte;
        count
    };
    spans
        .into_iter()
        .map(|r| [to_chars(r.start), to_chars(r.end)])
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testdata::ram_index;

    fn marked(text: &str, spans: &[[usize; 2]]) -> Vec<String> {
        let cs: Vec<char> = text.chars().collect();
        spans
            .iter()
            .map(|[a, b]| cs[*a..*b].iter().collect())
            .collect()
    }

    #[test]
    fn phrases_words_and_character_offsets() {
        let articles: &[(&str, &str, &str)] = &[(
            "politics",
            "Café budget: door to door",
            "Canvassers went door to door. The door was shut; doors open. Budgets rose.",
        )];
        let (index, f) = ram_index(articles);
        let s = index.reader().unwrap().searcher();
        let doc: tantivy::TantivyDocument = s.doc(tantivy::DocAddress::new(0, 0)).unwrap();
        let a = crate::schema::from_document(&f, &doc);
        let m = marks(&s, &f, &Criteria::query("\"door to door\""), &a).unwrap();
        // The phrase, not each `door`; after `Café` the offsets are in
        // characters.
        assert_eq!(marked(&a.title, &m.title), ["door to door"]);
        assert_eq!(m.title, [[13, 25]]);
        assert_eq!(marked(&a.body, &m.body), ["door to door"]);
        let m = marks(&s, &f, &Criteria::query("budget doors"), &a).unwrap();
        assert_eq!(marked(&a.title, &m.title), ["budget", "door", "door"]);
        assert_eq!(
            marked(&a.body, &m.body),
            ["door", "door", "door", "doors", "Budgets"]
        );
        // A closest match (no `zebra`): the words that made it match, not
        // `the`; with every word, `the` too, as in its snippet.
        let m = marks(&s, &f, &Criteria::query("the budget zebra"), &a).unwrap();
        assert_eq!(marked(&a.body, &m.body), ["Budgets"]);
        let m = marks(&s, &f, &Criteria::query("the budget"), &a).unwrap();
        assert_eq!(marked(&a.body, &m.body), ["The", "Budgets"]);
        let m = marks(&s, &f, &Criteria::default(), &a).unwrap();
        assert_eq!(m, Marks::default());
    }
}
