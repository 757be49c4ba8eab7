//! Queries typed as questions: `why did oil prices rise` asks about oil
//! prices rising, not about articles that say "why" and "did". In a plain
//! query that reads as a question (a question word first, and words left
//! once its function words are set aside), the function words are left out
//! of the search: they neither gate the matches nor score, so the search
//! is `oil prices rise`, and the results say which words were used.
//!
//! English only: the function words are English ones, and a query in
//! another language never starts with one of them.

use super::parse::{Match, Node};

/// Question words that make a query of three or more words a question.
const WH_WORDS: &[&str] = &[
    "how", "what", "when", "where", "which", "who", "whom", "whose", "why",
];

/// Auxiliaries that make a query a question when it has four or more
/// words (`did oil prices rise`) or ends with `?`: shorter ones are too
/// often names or phrases (`will smith`, `may day parade`).
const AUXILIARIES: &[&str] = &[
    "are", "can", "could", "did", "do", "does", "had", "has", "have", "is", "should", "was",
    "were", "will", "would",
];

/// Words a question carries that say nothing about its subject.
const FUNCTION_WORDS: &[&str] = &[
    "a", "about", "an", "and", "any", "are", "as", "at", "be", "been", "being", "by", "can",
    "could", "did", "do", "does", "for", "from", "had", "has", "have", "how", "i", "in", "into",
    "is", "it", "its", "of", "on", "or", "should", "so", "than", "that", "the", "their", "there",
    "these", "they", "this", "those", "to", "was", "were", "what", "when", "where", "which", "who",
    "whom", "whose", "why", "will", "with", "would", "you",
];

/// The words of `node` to leave out because the query is a question
/// (lower-cased, each once, in query order); empty when it is not one.
/// `input` is the query as typed; `plain` whether it is a plain query
/// (`super::parse::is_plain`).
pub(super) fn function_words(node: &Node, input: &str, plain: bool) -> Vec<String> {
    if !plain {
        return Vec::new();
    }
    let Node::And(children) = node else {
        return Vec::new();
    };
    let mut words = Vec::with_capacity(children.len());
    for child in children {
        match child {
            Node::Leaf {
                field: None,
                text,
                kind: Match::Word,
                ..
            } => words.push(text.to_lowercase()),
            _ => return Vec::new(),
        }
    }
    let first = words.first().map_or("", |w| w.as_str());
    let asked = input.trim_end().ends_with('?');
    let question = (WH_WORDS.contains(&first) && words.len() >= 3)
        || (AUXILIARIES.contains(&first) && (words.len() >= 4 || asked));
    if !question {
        return Vec::new();
    }
    let (function, content): (Vec<&String>, Vec<&String>) = words
        .iter()
        .partition(|w| FUNCTION_WORDS.contains(&w.as_str()));
    if content.is_empty() {
        return Vec::new();
    }
    let mut out: Vec<String> = Vec::new();
    for w in function {
        if !out.contains(w) {
            out.push(w.clone());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::parse::{is_plain, parse};
    use super::*;

    fn left_out(q: &str) -> Vec<String> {
        function_words(&parse(q).unwrap(), q, is_plain(q))
    }

    #[test]
    fn a_question_leaves_out_its_function_words() {
        assert_eq!(left_out("why did oil prices rise"), ["why", "did"]);
        assert_eq!(left_out("Who is Tony Blair"), ["who", "is"]);
        assert_eq!(
            left_out("what happened to the euro?"),
            ["what", "to", "the"]
        );
        assert_eq!(left_out("did oil prices rise"), ["did"]);
        assert_eq!(left_out("is brexit good?"), ["is"]);
    }

    #[test]
    fn other_queries_are_not_questions() {
        for q in [
            "oil prices rise",
            "doctor who",
            "will smith",
            "may day parade",
            "is brexit good",
            "why \"oil prices\" rose",
            "why did oil OR gas rise",
            "why title:oil rose",
            "what is it",
        ] {
            assert!(left_out(q).is_empty(), "{q}: {:?}", left_out(q));
        }
    }
}
