//! The query language: a hand-written lexer and recursive-descent parser
//! that turn any string into a [`Node`] tree or a [`QueryError`] pointing at
//! the problem. It never panics and runs in time linear in the input.
//!
//! Grammar (operators are upper case; lower-case `and`/`or` are words):
//!
//! ```text
//! query  := or
//! or     := and ( "OR" and )*
//! and    := unary ( ["AND"] unary )*          words side by side are ANDed
//! unary  := ("NOT" | "-") unary | "+" unary | atom
//! atom   := "(" query ")" | [field ":"] value
//! value  := '"' words '"' ["~" N]             phrase, or words within N
//!         | "[" from "TO" to "]"              range (dates)
//!         | word ["*" | "~" [N]]              word, prefix, fuzzy
//!         | period ".." period                dates (either end may be left out)
//! ```
//!
//! A date range may be written bare, without `date:`: `2016-05..` (from
//! May 2016 on), `..2016` (up to the end of 2016), `2015..2016`,
//! `2016-05-03..2016-06`. Each end is a year, month or day; the range
//! holds both ends whole, as `date:[2015 TO 2016]` and `--since 2015
//! --until 2016` do.
//!
//! Apostrophes and other punctuation inside a word are part of the word
//! (`children's`, `O'Neill`): the analyzer decides what they mean. Only the
//! known field names are operators: in a pasted headline such as
//! `Obituary: Dame Alicia Markova` the colon is punctuation, and `Obituary:`
//! a word ([`ParsedQuery::not_fields`] lists such words). A pasted URL
//! (`https://...`, `www....`) matches the article at that address or the
//! URL's words.

pub use crate::error::QueryError;

/// Fields a query may name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FieldName {
    /// Headline text.
    Title,
    /// Article text.
    Body,
    /// People mentioned.
    Person,
    /// Section (exact value; any of an article's sections).
    Section,
    /// Byline (words, or a quoted name).
    Byline,
    /// Source (words, or a quoted name).
    Source,
    /// Place (exact value; any of an article's places).
    Place,
    /// Publication date.
    Date,
    /// Article id.
    Id,
    /// URL.
    Url,
    /// Language (`lang:de`, `lang:German`).
    Lang,
}

impl FieldName {
    /// Every field name, for error hints.
    pub const ALL: [(&'static str, FieldName); 11] = [
        ("title", FieldName::Title),
        ("body", FieldName::Body),
        ("person", FieldName::Person),
        ("section", FieldName::Section),
        ("byline", FieldName::Byline),
        ("source", FieldName::Source),
        ("place", FieldName::Place),
        ("date", FieldName::Date),
        ("id", FieldName::Id),
        ("url", FieldName::Url),
        ("lang", FieldName::Lang),
    ];

    fn from_name(name: &str) -> Option<FieldName> {
        let lower = name.to_ascii_lowercase();
        let lower = match lower.as_str() {
            "headline" => "title",
            "text" => "body",
            "author" => "byline",
            "people" => "person",
            "places" => "place",
            "language" => "lang",
            other => other,
        };
        Self::ALL.iter().find(|(n, _)| *n == lower).map(|(_, f)| *f)
    }

    /// The name as written in queries.
    pub fn name(self) -> &'static str {
        Self::ALL
            .iter()
            .find(|(_, f)| *f == self)
            .map_or("?", |(n, _)| n)
    }
}

/// What kind of match a leaf asks for.
#[derive(Debug, Clone, PartialEq)]
pub enum Match {
    /// A word: stemmed on text fields.
    Word,
    /// A quoted phrase, exact words in order; `slop` > 0 allows that many
    /// other words in between (proximity search).
    Phrase {
        /// Allowed distance.
        slop: u32,
    },
    /// Words starting with the text.
    Prefix,
    /// Words within an edit distance of the text.
    Fuzzy {
        /// Edit distance, 1 or 2.
        distance: u8,
    },
    /// A range `[from TO to]`; `None` is open (`*`).
    Range {
        /// Lower end, as written.
        from: Option<String>,
        /// Upper end, as written.
        to: Option<String>,
    },
}

/// A parsed query.
#[derive(Debug, Clone, PartialEq)]
pub enum Node {
    /// All children must match (negated children must not).
    And(Vec<Node>),
    /// At least one child must match.
    Or(Vec<Node>),
    /// The child must not match.
    Not(Box<Node>),
    /// A leaf.
    Leaf {
        /// The field, or `None` for title and body.
        field: Option<FieldName>,
        /// The text as written (without quotes or operators).
        text: String,
        /// The kind of match.
        kind: Match,
        /// Character position in the query, for error messages.
        pos: usize,
    },
}

/// Most leaves a query may have; longer queries are refused, not slowed to
/// a crawl.
pub const MAX_TERMS: usize = 256;
/// Deepest nesting of parentheses and negations.
pub const MAX_DEPTH: usize = 32;

#[derive(Debug, Clone, PartialEq)]
enum Tok {
    LParen,
    RParen,
    And,
    Or,
    Not,
    Minus,
    Plus,
    /// `field:` directly followed by a value.
    Field(FieldName),
    Word(String),
    /// A pasted web address.
    Url(String),
    Phrase {
        text: String,
        slop: Option<u32>,
    },
    Range {
        from: String,
        to: String,
    },
}

struct Lexed {
    tok: Tok,
    pos: usize,
}

/// A parsed query and what the parser noticed on the way.
#[derive(Debug, Clone, PartialEq)]
pub struct ParsedQuery {
    /// The query tree.
    pub node: Node,
    /// Words written like a field (`obituary:`) that name no field and
    /// were searched as words, lower-cased, in order, without repeats.
    pub not_fields: Vec<String>,
}

/// Whether a word is a pasted web address: `scheme://...` or `www.x.y`.
fn is_url(word: &str) -> bool {
    let lower = word.to_ascii_lowercase();
    if let Some((scheme, rest)) = lower.split_once("://") {
        return !scheme.is_empty()
            && scheme.chars().all(|c| c.is_ascii_alphabetic())
            && rest.contains(|c: char| c.is_alphanumeric());
    }
    lower.starts_with("www.") && lower[4..].contains('.')
}

fn err(pos: usize, message: impl Into<String>, hint: impl Into<String>) -> QueryError {
    QueryError {
        column: pos + 1,
        message: message.into(),
        hint: hint.into(),
    }
}

fn is_word_char(c: char) -> bool {
    !c.is_whitespace() && !matches!(c, '(' | ')' | '"')
}

fn lex(input: &str, not_fields: &mut Vec<String>) -> Result<Vec<Lexed>, QueryError> {
    // Control characters (and odd quotes) are white space to a user.
    let chars: Vec<char> = input
        .chars()
        .map(|c| match c {
            c if c.is_control() => ' ',
            '\u{201C}' | '\u{201D}' | '\u{201E}' => '"',
            '\u{2018}' | '\u{2019}' => '\'',
            c => c,
        })
        .collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let start = i;
        match c {
            c if c.is_whitespace() => i += 1,
            '(' => {
                out.push(Lexed {
                    tok: Tok::LParen,
                    pos: start,
                });
                i += 1;
            }
            ')' => {
                out.push(Lexed {
                    tok: Tok::RParen,
                    pos: start,
                });
                i += 1;
            }
            '"' => out.push(lex_phrase(&chars, &mut i)?),
            '-' | '+'
                if chars
                    .get(i + 1)
                    .is_none_or(|c| c.is_whitespace() || *c == ')') =>
            {
                return Err(err(
                    start,
                    format!("`{c}` with nothing after it"),
                    format!("attach it to a word, as in {c}word, or remove it"),
                ));
            }
            '-' => {
                out.push(Lexed {
                    tok: Tok::Minus,
                    pos: start,
                });
                i += 1;
            }
            '+' => {
                out.push(Lexed {
                    tok: Tok::Plus,
                    pos: start,
                });
                i += 1;
            }
            _ => {
                while i < chars.len() && is_word_char(chars[i]) {
                    // A range after `field:` may hold spaces: `[a TO b]`.
                    if chars[i] == '[' && i > start && chars[i - 1] == ':' {
                        break;
                    }
                    i += 1;
                }
                let word: String = chars[start..i].iter().collect();
                lex_word(&word, start, &chars, &mut i, &mut out, not_fields)?;
            }
        }
    }
    Ok(out)
}

/// A quoted phrase opening at `chars[*i]`, maybe with `~N` after it;
/// moves `i` past it.
fn lex_phrase(chars: &[char], i: &mut usize) -> Result<Lexed, QueryError> {
    let start = *i;
    let close = chars[start + 1..].iter().position(|&c| c == '"');
    let Some(len) = close else {
        return Err(err(
            start,
            "unclosed quote",
            "add a closing \" or remove this one",
        ));
    };
    let text: String = chars[start + 1..start + 1 + len].iter().collect();
    let mut at = start + len + 2;
    let mut slop = None;
    if chars.get(at) == Some(&'~') {
        let digits: String = chars[at + 1..]
            .iter()
            .take_while(|c| c.is_ascii_digit())
            .collect();
        let n: u32 = digits.parse().map_err(|_| {
            err(
                at,
                "`~` after a phrase needs a number",
                "write \"corbyn khan\"~10 for words within 10 of each other",
            )
        })?;
        if n > 1000 {
            return Err(err(
                at,
                "proximity over 1000 words",
                "use a smaller number after ~",
            ));
        }
        slop = Some(n);
        at += 1 + digits.len();
    }
    *i = at;
    Ok(Lexed {
        tok: Tok::Phrase { text, slop },
        pos: start,
    })
}

/// Splits `field:value` words, recognises operators and ranges.
fn lex_word(
    word: &str,
    start: usize,
    chars: &[char],
    i: &mut usize,
    out: &mut Vec<Lexed>,
    not_fields: &mut Vec<String>,
) -> Result<(), QueryError> {
    let whole = match word {
        "AND" | "&&" => Some(Tok::And),
        "OR" | "||" => Some(Tok::Or),
        "NOT" => Some(Tok::Not),
        _ if is_url(word) => Some(Tok::Url(word.to_string())),
        _ => None,
    };
    if let Some(tok) = whole {
        out.push(Lexed { tok, pos: start });
        return Ok(());
    }
    if let Some(range) = period_range(word) {
        out.push(Lexed {
            tok: Tok::Field(FieldName::Date),
            pos: start,
        });
        out.push(Lexed {
            tok: range,
            pos: start,
        });
        return Ok(());
    }
    if let Some((name, rest)) = word.split_once(':') {
        let looks_like_field =
            !name.is_empty() && name.chars().all(|c| c.is_ascii_alphabetic() || c == '_');
        let field = looks_like_field
            .then(|| FieldName::from_name(name))
            .flatten();
        if looks_like_field && field.is_none() {
            // Not a field: the colon is punctuation (`Obituary: Dame ...`,
            // `Update:`), and the whole is a word like any other.
            let lower = name.to_lowercase();
            if !not_fields.contains(&lower) {
                not_fields.push(lower);
            }
        }
        if let Some(field) = field {
            let field_pos = start;
            out.push(Lexed {
                tok: Tok::Field(field),
                pos: field_pos,
            });
            let value_pos = start + name.chars().count() + 1;
            if rest.is_empty() {
                // `title:"..."`, `title:(...)`, `date:[... TO ...]` or nothing.
                match chars.get(*i) {
                    Some('"') | Some('(') => return Ok(()),
                    Some('[') => {
                        out.push(lex_range(chars, i)?);
                        return Ok(());
                    }
                    _ => {
                        return Err(err(
                            start,
                            format!("`{name}:` with no value"),
                            format!("write {name}:word or {name}:\"some words\""),
                        ))
                    }
                }
            }
            let tok = match period_range(rest) {
                Some(range) if field == FieldName::Date => range,
                _ => Tok::Word(rest.to_string()),
            };
            out.push(Lexed {
                tok,
                pos: value_pos,
            });
            return Ok(());
        }
    }
    out.push(Lexed {
        tok: Tok::Word(word.to_string()),
        pos: start,
    });
    Ok(())
}

/// A date range written with two dots (`2016-05..`, `..2016`,
/// `2015..2016`), as a range token with `*` for an open end; `None` for
/// anything else. Each end is shaped like a period (`2016`, `2016-05`,
/// `2016-05-03`): whether it is a real date is the compiler's question, so
/// `2016-13..` is an error pointing at it, not two words.
fn period_range(word: &str) -> Option<Tok> {
    let (from, to) = word.split_once("..")?;
    let period = |s: &str| {
        let mut parts = s.split('-');
        let year = parts.next().unwrap_or("");
        let rest: Vec<&str> = parts.collect();
        year.len() == 4
            && year.bytes().all(|b| b.is_ascii_digit())
            && rest.len() <= 2
            && rest
                .iter()
                .all(|p| (1..=2).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit()))
    };
    let end = |s: &str| match s {
        "" => Some("*".to_string()),
        s if period(s) => Some(s.to_string()),
        _ => None,
    };
    if from.is_empty() && to.is_empty() {
        return None;
    }
    Some(Tok::Range {
        from: end(from)?,
        to: end(to)?,
    })
}

/// A range `[FROM TO TO]` opening at `chars[*i]`; moves `i` past it.
fn lex_range(chars: &[char], i: &mut usize) -> Result<Lexed, QueryError> {
    let start = *i;
    let close = chars[start..].iter().position(|&c| c == ']');
    let Some(len) = close else {
        return Err(err(
            start,
            "unclosed range",
            "write date:[2016-01-01 TO 2016-05-05]",
        ));
    };
    let inner: String = chars[start + 1..start + len].iter().collect();
    let parts: Vec<&str> = inner.split_whitespace().collect();
    if parts.len() != 3 || parts[1] != "TO" {
        return Err(err(
            start,
            "a range needs `FROM TO TO`",
            "write date:[2016-01-01 TO 2016-05-05], with * for an open end",
        ));
    }
    *i += len + 1;
    Ok(Lexed {
        tok: Tok::Range {
            from: parts[0].to_string(),
            to: parts[2].to_string(),
        },
        pos: start,
    })
}

struct Parser {
    toks: Vec<Lexed>,
    at: usize,
    leaves: usize,
    end: usize,
}

impl Parser {
    fn peek(&self) -> Option<&Tok> {
        self.toks.get(self.at).map(|l| &l.tok)
    }

    fn pos(&self) -> usize {
        self.toks.get(self.at).map_or(self.end, |l| l.pos)
    }

    fn or(&mut self, depth: usize) -> Result<Node, QueryError> {
        let mut parts = vec![self.and(depth)?];
        while self.peek() == Some(&Tok::Or) {
            let pos = self.pos();
            self.at += 1;
            if self.starts_unary() {
                parts.push(self.and(depth)?);
            } else {
                return Err(err(
                    pos,
                    "OR needs a term on each side",
                    "write a OR b, or remove OR",
                ));
            }
        }
        Ok(if parts.len() == 1 {
            parts.remove(0)
        } else {
            Node::Or(parts)
        })
    }

    fn starts_unary(&self) -> bool {
        matches!(
            self.peek(),
            Some(
                Tok::LParen
                    | Tok::Not
                    | Tok::Minus
                    | Tok::Plus
                    | Tok::Field(_)
                    | Tok::Word(_)
                    | Tok::Url(_)
                    | Tok::Phrase { .. }
                    | Tok::Range { .. }
            )
        )
    }

    fn and(&mut self, depth: usize) -> Result<Node, QueryError> {
        if !self.starts_unary() {
            return Err(self.unexpected());
        }
        let mut parts = vec![self.unary(depth)?];
        loop {
            match self.peek() {
                Some(Tok::And) => {
                    let pos = self.pos();
                    self.at += 1;
                    if !self.starts_unary() {
                        return Err(err(
                            pos,
                            "AND needs a term on each side",
                            "write a AND b, or remove AND",
                        ));
                    }
                    parts.push(self.unary(depth)?);
                }
                _ if self.starts_unary() => parts.push(self.unary(depth)?),
                _ => break,
            }
        }
        Ok(if parts.len() == 1 {
            parts.remove(0)
        } else {
            Node::And(parts)
        })
    }

    fn unexpected(&self) -> QueryError {
        match self.peek() {
            None => err(
                self.end,
                "the query ends too early",
                "finish the expression or remove the last operator",
            ),
            Some(Tok::RParen) => err(self.pos(), "unmatched `)`", "remove it or add a matching ("),
            Some(Tok::And) => err(
                self.pos(),
                "AND needs a term on each side",
                "write a AND b, or remove AND",
            ),
            Some(Tok::Or) => err(
                self.pos(),
                "OR needs a term on each side",
                "write a OR b, or remove OR",
            ),
            Some(other) => err(
                self.pos(),
                format!("unexpected {other:?}"),
                "check the query syntax in the README",
            ),
        }
    }

    fn unary(&mut self, depth: usize) -> Result<Node, QueryError> {
        if depth > MAX_DEPTH {
            return Err(err(
                self.pos(),
                "query nested too deeply",
                format!("use at most {MAX_DEPTH} levels of parentheses and negation"),
            ));
        }
        match self.peek() {
            Some(Tok::Not) | Some(Tok::Minus) => {
                let pos = self.pos();
                self.at += 1;
                if !self.starts_unary() {
                    return Err(err(
                        pos,
                        "NOT needs a term after it",
                        "write NOT word or -word",
                    ));
                }
                Ok(Node::Not(Box::new(self.unary(depth + 1)?)))
            }
            Some(Tok::Plus) => {
                self.at += 1;
                self.unary(depth + 1)
            }
            _ => self.atom(None, depth),
        }
    }

    fn atom(&mut self, field: Option<FieldName>, depth: usize) -> Result<Node, QueryError> {
        let pos = self.pos();
        let Some(tok) = self.peek().cloned() else {
            return Err(self.unexpected());
        };
        self.at += 1;
        let leaf = |text: String, kind: Match| Node::Leaf {
            field,
            text,
            kind,
            pos,
        };
        let node = match tok {
            Tok::LParen => self.group(field, pos, depth)?,
            Tok::Field(f) => {
                if field.is_some() {
                    return Err(err(
                        pos,
                        "a field inside a field",
                        "write title:word, not title:body:word",
                    ));
                }
                if self.peek().is_none() {
                    return Err(err(
                        pos,
                        format!("`{}:` with no value", f.name()),
                        format!("write {}:word", f.name()),
                    ));
                }
                return self.atom(Some(f), depth + 1);
            }
            Tok::Phrase { text, slop } => {
                self.leaves += 1;
                leaf(
                    text,
                    Match::Phrase {
                        slop: slop.unwrap_or(0),
                    },
                )
            }
            Tok::Range { from, to } => {
                self.leaves += 1;
                let open = |s: String| (s != "*").then_some(s);
                leaf(
                    String::new(),
                    Match::Range {
                        from: open(from),
                        to: open(to),
                    },
                )
            }
            Tok::Word(w) => {
                self.leaves += 1;
                word_leaf(&w, field, pos)?
            }
            Tok::Url(u) => {
                self.leaves += 2;
                url_leaf(u, field, pos)
            }
            Tok::RParen | Tok::And | Tok::Or | Tok::Not | Tok::Minus | Tok::Plus => {
                self.at -= 1;
                return Err(self.unexpected());
            }
        };
        if self.leaves > MAX_TERMS {
            return Err(err(
                pos,
                format!("more than {MAX_TERMS} search terms"),
                "shorten the query",
            ));
        }
        Ok(node)
    }

    /// A group in parentheses, its `(` just read at `pos`, with the field
    /// written before it applied to every leaf.
    fn group(
        &mut self,
        field: Option<FieldName>,
        pos: usize,
        depth: usize,
    ) -> Result<Node, QueryError> {
        let inner = self.or(depth + 1);
        let inner = inner?;
        if self.peek() != Some(&Tok::RParen) {
            return Err(err(
                pos,
                "unclosed `(`",
                "add a matching ) or remove this one",
            ));
        }
        self.at += 1;
        Ok(if let Some(f) = field {
            with_field(inner, f)
        } else {
            inner
        })
    }
}

/// A pasted web address.
fn url_leaf(u: String, field: Option<FieldName>, pos: usize) -> Node {
    let leaf = |field: Option<FieldName>, text: String| Node::Leaf {
        field,
        text,
        kind: Match::Word,
        pos,
    };
    match field {
        // `url:www.x.com` is the address, `title:www.x.com`
        // its words in the headline.
        Some(_) => leaf(field, u),
        // Pasted bare: the article at that address, or one
        // whose text has the address's words.
        None => Node::Or(vec![leaf(Some(FieldName::Url), u.clone()), leaf(None, u)]),
    }
}

/// Applies a field to every leaf of a group: `title:(a OR b)`.
fn with_field(node: Node, f: FieldName) -> Node {
    match node {
        Node::And(v) => Node::And(v.into_iter().map(|n| with_field(n, f)).collect()),
        Node::Or(v) => Node::Or(v.into_iter().map(|n| with_field(n, f)).collect()),
        Node::Not(n) => Node::Not(Box::new(with_field(*n, f))),
        Node::Leaf {
            field,
            text,
            kind,
            pos,
        } => Node::Leaf {
            field: field.or(Some(f)),
            text,
            kind,
            pos,
        },
    }
}

/// A bare word, maybe with a `*` or `~N` suffix.
fn word_leaf(w: &str, field: Option<FieldName>, pos: usize) -> Result<Node, QueryError> {
    let leaf = |text: &str, kind: Match| Node::Leaf {
        field,
        text: text.to_string(),
        kind,
        pos,
    };
    if let Some(stem) = w.strip_suffix('*') {
        if stem.contains('*') || stem.chars().filter(|c| c.is_alphanumeric()).count() < 2 {
            return Err(err(
                pos,
                format!("`{w}` is too wide a prefix"),
                "give at least two letters before a single trailing *, as in camp*",
            ));
        }
        return Ok(leaf(stem, Match::Prefix));
    }
    if w.contains('*') {
        return Err(err(
            pos,
            format!("`{w}`: only a trailing * is supported"),
            "write camp* for words starting with camp",
        ));
    }
    if let Some((stem, n)) = w.rsplit_once('~') {
        if !stem.is_empty() && n.chars().all(|c| c.is_ascii_digit()) {
            let distance = if n.is_empty() {
                1
            } else {
                n.parse::<u8>().unwrap_or(u8::MAX)
            };
            if !(1..=2).contains(&distance) {
                return Err(err(
                    pos,
                    format!("`{w}`: fuzzy distance must be 1 or 2"),
                    "write corbin~1 or corbin~2",
                ));
            }
            return Ok(leaf(stem, Match::Fuzzy { distance }));
        }
    }
    Ok(leaf(w, Match::Word))
}

/// Whether a query is typed as a person types prose: words side by side,
/// maybe field filters, but no operators, quotes, signs, prefixes or fuzzy
/// marks. Only such queries may fall back to partial matching; any explicit
/// syntax means the user asked for exactly that.
pub fn is_plain(input: &str) -> bool {
    let Ok(toks) = lex(input, &mut Vec::new()) else {
        return false;
    };
    toks.iter().all(|l| match &l.tok {
        Tok::Word(w) => !w.ends_with('*') && !w.contains('~'),
        Tok::Field(_) | Tok::Range { .. } => true,
        _ => false,
    })
}

/// Parses a query string.
pub fn parse(input: &str) -> Result<Node, QueryError> {
    parse_query(input).map(|p| p.node)
}

/// Parses a query string, with what the parser noticed on the way.
pub fn parse_query(input: &str) -> Result<ParsedQuery, QueryError> {
    let mut not_fields = Vec::new();
    let toks = lex(input, &mut not_fields)?;
    if toks.is_empty() {
        return Err(err(
            0,
            "the query is empty",
            "give some words to search for",
        ));
    }
    let mut p = Parser {
        toks,
        at: 0,
        leaves: 0,
        end: input.chars().count(),
    };
    let node = p.or(0)?;
    if p.at < p.toks.len() {
        return Err(p.unexpected());
    }
    Ok(ParsedQuery { node, not_fields })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn word(text: &str, pos: usize) -> Node {
        Node::Leaf {
            field: None,
            text: text.into(),
            kind: Match::Word,
            pos,
        }
    }

    #[test]
    fn words_are_anded_and_or_binds_looser() {
        assert_eq!(
            parse("a b").unwrap(),
            Node::And(vec![word("a", 0), word("b", 2)])
        );
        assert_eq!(
            parse("a b OR c").unwrap(),
            Node::Or(vec![
                Node::And(vec![word("a", 0), word("b", 2)]),
                word("c", 7)
            ])
        );
        assert_eq!(
            parse("a AND b").unwrap(),
            Node::And(vec![word("a", 0), word("b", 6)])
        );
        assert_eq!(parse("(a)").unwrap(), word("a", 1));
    }

    #[test]
    fn negation_phrases_fields_and_suffixes() {
        assert_eq!(parse("-a").unwrap(), Node::Not(Box::new(word("a", 1))));
        assert_eq!(parse("NOT a").unwrap(), Node::Not(Box::new(word("a", 4))));
        let Node::Leaf { kind, text, .. } = parse("\"door to door\"~3").unwrap() else {
            panic!()
        };
        assert_eq!(
            (kind, text.as_str()),
            (Match::Phrase { slop: 3 }, "door to door")
        );
        let Node::Leaf { field, kind, .. } = parse("title:camp*").unwrap() else {
            panic!()
        };
        assert_eq!((field, kind), (Some(FieldName::Title), Match::Prefix));
        let Node::Leaf { kind, text, .. } = parse("corbin~").unwrap() else {
            panic!()
        };
        assert_eq!(
            (kind, text.as_str()),
            (Match::Fuzzy { distance: 1 }, "corbin")
        );
        let Node::Leaf { kind, .. } = parse("date:[2016-01-01 TO *]").unwrap() else {
            panic!()
        };
        assert_eq!(
            kind,
            Match::Range {
                from: Some("2016-01-01".into()),
                to: None
            }
        );
        let Node::Or(parts) = parse("section:(sport OR politics)").unwrap() else {
            panic!()
        };
        assert!(parts.iter().all(|p| matches!(
            p,
            Node::Leaf {
                field: Some(FieldName::Section),
                ..
            }
        )));
    }

    #[test]
    fn apostrophes_and_odd_characters_are_words() {
        for q in [
            "children's",
            "Critics'",
            "O'Neill",
            "café",
            "£1,400",
            "covid-19",
            "😀",
            "a\u{0}b",
        ] {
            assert!(parse(q).is_ok(), "{q}");
        }
        // Curly quotes are quotes.
        assert!(matches!(
            parse("\u{201C}door to door\u{201D}").unwrap(),
            Node::Leaf {
                kind: Match::Phrase { .. },
                ..
            }
        ));
    }

    #[test]
    fn errors_point_at_the_problem() {
        for (q, column, needle) in [
            ("\"door to", 1, "unclosed quote"),
            ("(a b", 1, "unclosed `(`"),
            ("a b)", 4, "unmatched `)`"),
            ("a - b", 3, "nothing after it"),
            ("a AND AND b", 3, "AND needs"),
            ("OR a", 1, "OR needs"),
            ("a OR", 3, "OR needs"),
            ("title:", 1, "no value"),
            ("*", 1, "too wide"),
            ("c*p", 1, "trailing"),
            ("corbin~5", 1, "1 or 2"),
            ("date:[2016 2017]", 6, "range"),
            ("", 1, "empty"),
        ] {
            let e = parse(q).expect_err(q);
            assert_eq!(e.column, column, "{q}: {e}");
            assert!(e.to_string().contains(needle), "{q}: {e}");
        }
    }

    #[test]
    fn unknown_fields_and_urls_are_text() {
        let p = parse_query("Obituary: Dame Alicia Markova").unwrap();
        assert_eq!(p.not_fields, vec!["obituary".to_string()]);
        let Node::And(parts) = p.node else { panic!() };
        assert_eq!(parts[0], word("Obituary:", 0));
        let p = parse_query("foo:bar title:x FOO:baz").unwrap();
        assert_eq!(p.not_fields, vec!["foo".to_string()]);
        assert!(is_plain("Obituary: Dame Alicia Markova"));
        // A known field is still an operator.
        assert!(parse("title: x").is_err());
        let Node::Or(parts) = parse("https://www.bbc.co.uk/news/uk-politics-123").unwrap() else {
            panic!()
        };
        assert!(matches!(
            &parts[0],
            Node::Leaf { field: Some(FieldName::Url), text, .. } if text.starts_with("https://")
        ));
        assert!(matches!(&parts[1], Node::Leaf { field: None, .. }));
        assert!(parse_query("https://x.com/a")
            .unwrap()
            .not_fields
            .is_empty());
        assert!(matches!(
            parse("url:https://www.nytimes.com/2016/").unwrap(),
            Node::Leaf {
                field: Some(FieldName::Url),
                ..
            }
        ));
        assert!(matches!(parse("www.bbc.co.uk").unwrap(), Node::Or(_)));
        assert!(matches!(
            parse("e.g.").unwrap(),
            Node::Leaf { field: None, .. }
        ));
    }

    #[test]
    fn plain_queries_are_words_and_filters_only() {
        assert!(is_plain("portable games console gets video add-on"));
        assert!(is_plain("won't stop section:sport date:2005"));
        for q in [
            "a AND b", "a OR b", "-a b", "+a", "\"a b\"", "camp*", "corbin~1", "(a b)", "NOT a",
        ] {
            assert!(!is_plain(q), "{q}");
        }
    }

    /// Issue #25: the bare date ranges the page advertises are ranges on
    /// `date:`, with the same ends as `date:[A TO B]`.
    #[test]
    fn bare_date_ranges_are_date_ranges() {
        let range = |q: &str| match parse(q).unwrap() {
            Node::Leaf {
                field: Some(FieldName::Date),
                kind: Match::Range { from, to },
                ..
            } => (from, to),
            other => panic!("{q}: {other:?}"),
        };
        let s = |v: &str| Some(v.to_string());
        assert_eq!(range("2016-05.."), (s("2016-05"), None));
        assert_eq!(range("..2016"), (None, s("2016")));
        assert_eq!(range("2015..2016"), (s("2015"), s("2016")));
        assert_eq!(
            range("2016-05-03..2016-06"),
            (s("2016-05-03"), s("2016-06"))
        );
        assert_eq!(range("date:2016-05.."), (s("2016-05"), None));
        assert_eq!(range("date:[2015 TO 2016]"), range("2015..2016"));
        // Beside words, negated, and still a plain query.
        let Node::And(parts) = parse("obama 2016-05..").unwrap() else {
            panic!()
        };
        assert_eq!(parts[0], word("obama", 0));
        assert!(matches!(
            &parts[1],
            Node::Leaf {
                field: Some(FieldName::Date),
                kind: Match::Range { .. },
                pos: 6,
                ..
            }
        ));
        assert!(is_plain("obama 2016-05.."));
        assert!(matches!(parse("-..2010").unwrap(), Node::Not(_)));
        // Two dots elsewhere are words.
        for q in [
            "..",
            "e.g..",
            "2016..x",
            "16..17",
            "2016-5-3-1..",
            "title:2016..",
        ] {
            assert!(
                !matches!(
                    parse(q).unwrap(),
                    Node::Leaf {
                        kind: Match::Range { .. },
                        ..
                    }
                ),
                "{q}"
            );
        }
    }

    #[test]
    fn size_and_depth_are_bounded() {
        let long = "word ".repeat(2000);
        assert!(parse(&long).unwrap_err().message.contains("more than"));
        let deep = "(".repeat(100) + "a" + &")".repeat(100);
        assert!(parse(&deep).unwrap_err().message.contains("nested"));
        let negs = "-".repeat(100) + "a";
        assert!(parse(&negs).is_err());
    }
}
