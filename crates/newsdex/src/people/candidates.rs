//! Steps 2 and 3, candidates: one piece of a name run ([`super::runs`]) cut
//! down to its name's words, vetoed when they name an office, a firm or a
//! place, and weighed on its evidence into a [`Cand`] with a [`Status`]
//! and its given names and surname; and the types the steps share: the
//! field they read ([`FieldText`]) and the candidate.
//!
//! Reads the words of [`super::tokens`], the article's context
//! ([`super::Ctx`]: its vocabulary and line-ups) and the signs of
//! [`super::evidence`]; [`super::resolve`] turns the candidates into
//! people.

use super::evidence::{
    action_after, apposed, credit, cue_after, cue_before, org_signs, role_before, stat_after, Org,
    Prefix,
};
use super::lexicon::{self, bits};
use super::tokens::{first_name, is_hyphen, is_particle, joins, Word};
use super::{normalise, Ctx, Field};
use crate::text::collapse_ws;

/// One field of the article as the candidate steps read it: its text and
/// words, which field it is, and the article's context.
pub(super) struct FieldText<'a> {
    pub(super) ctx: &'a Ctx,
    pub(super) text: &'a str,
    pub(super) toks: &'a [Word],
    pub(super) field: Field,
}

/// How sure we are that a candidate is a person.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Status {
    /// A person in its own right.
    Person,
    /// Looks like a full name but lacks evidence; promoted by repetition
    /// or company, else dropped.
    Weak,
    /// A short form: counts only if it resolves to a person.
    Link,
}

#[derive(Debug, Clone)]
pub(super) struct Cand {
    pub(super) field: Field,
    /// Mention span (honorific included).
    pub(super) start: usize,
    pub(super) end: usize,
    /// The name as written, white space collapsed, in reading order
    /// ("Sadiq Khan" for "Khan, Sadiq").
    pub(super) name: String,
    /// Normalised given-name tokens (initials as one letter).
    pub(super) given: Vec<String>,
    /// Normalised surname (particles included: "van gogh").
    pub(super) surname: String,
    /// Normalised generational suffix ("jr" for "King Jr."), kept in `name`.
    pub(super) suffix: Option<String>,
    pub(super) prefix: Prefix,
    /// A speech cue, role noun or apposition next to it.
    pub(super) cue: bool,
    /// Signs that the name is a firm or a place ([`Org`]).
    pub(super) org: Org,
    pub(super) status: Status,
    /// Index of the candidate this one resolved to.
    pub(super) person: Option<usize>,
}

impl Cand {
    /// A candidate with no given names, no cue and no resolution yet: a
    /// short form or a marker.
    pub(super) fn short(
        f: &FieldText,
        start: usize,
        end: usize,
        name: String,
        prefix: Prefix,
    ) -> Cand {
        Cand {
            field: f.field,
            start,
            end,
            surname: normalise(&name),
            name,
            given: Vec::new(),
            suffix: None,
            prefix,
            cue: false,
            org: Org::None,
            status: Status::Link,
            person: None,
        }
    }
}

/// Whether the run `toks[a..b]` ends in a generational suffix.
pub(super) fn has_suffix(toks: &[Word], a: usize, b: usize) -> bool {
    b >= a + 2 && toks[b - 1].is(bits::SUFFIX) && toks[b - 1].cap
}

/// A stretch of a capitalised run between stop words, `toks[a..b]`, and
/// what stood before it.
pub(super) struct Piece {
    pub(super) a: usize,
    pub(super) b: usize,
    pub(super) prefix: Prefix,
    /// Where the mention starts when an honorific opens it.
    pub(super) mention_from: Option<usize>,
}

/// A piece cut down to its name's words, `toks[a..b]`.
struct NameWords<'a> {
    a: usize,
    b: usize,
    /// A generational suffix after the words ("Jr."), kept in the name.
    suffix: Option<&'a Word>,
    /// A capitalised role noun opened the piece ("Striker Thierry Henry").
    role_cap: bool,
}

/// One piece of a run as a candidate: cut to its name's words, dropped
/// when they name an office, a firm or a place, else weighed on its
/// evidence.
pub(super) fn piece(f: &FieldText, p: &Piece, out: &mut Vec<Cand>) {
    let nw = name_words(f, p);
    if nw.a >= nw.b {
        return;
    }
    if org_word(f, p, &nw, out) || office_or_place(f.toks, p, &nw) {
        return;
    }
    out.push(candidate(f, p, &nw));
}

/// The name's words of a piece: without a generational suffix, trailing
/// particles and initials, and the words before the name (an ordinary
/// word opening a sentence, a place word, a role noun, a word before a
/// known first name).
fn name_words<'a>(f: &FieldText<'a>, p: &Piece) -> NameWords<'a> {
    let toks = f.toks;
    let (mut a, mut b) = (p.a, p.b);
    // A generational suffix stays in the name, out of its words.
    let suffix = has_suffix(toks, a, b).then(|| {
        b -= 1;
        &toks[b]
    });
    // Trailing particles and initials are not a name's end ("the U.S.").
    while b > a && (is_particle(&toks[b - 1]) || toks[b - 1].initial) {
        b -= 1;
    }
    if p.prefix == Prefix::None {
        a = skip_opening_words(f, a, b);
    }
    // A place word before the name ("North", "Greater"); and a non-name
    // word before a known first name ("State George Shultz", "Staff Howard
    // Baker").
    if a < b && toks[a].is(bits::DIRECTION) {
        a += 1;
    }
    // "Striker Thierry Henry": a capitalised role noun opening the run;
    // before a lone first name only at a sentence's start ("Newcomer Ciara
    // - who recently beat ...", not the show "Wife Swap").
    let role_cap = p.prefix == Prefix::None
        && (b - a >= 3 || (b - a == 2 && toks[a].sent_start && first_name(&toks[a + 1])))
        && toks[a].is(bits::ROLE)
        && !toks[a].is(bits::WEAK_ROLE)
        && !first_name(&toks[a]);
    if role_cap {
        a += 1;
    }
    // Not after a role noun: "composer Johann Sebastian Bach".
    let after_role =
        a > 0 && toks[a - 1].lower_case && toks[a - 1].is(bits::ROLE | bits::WORK_ROLE);
    while b - a >= 3
        && !first_name(&toks[a])
        && !toks[a].initial
        && !after_role
        && first_name(&toks[a + 1])
    {
        a += 1;
    }
    NameWords {
        a,
        b,
        suffix,
        role_cap,
    }
}

/// Where a piece with no honorific or title, `toks[a..b]`, starts once
/// the ordinary words opening its sentence are cut off.
fn skip_opening_words(f: &FieldText, mut a: usize, b: usize) -> usize {
    let (text, toks) = (f.text, f.toks);
    // A sentence-opening word that the article also uses in lower case is
    // a word ("Speaking", "Imagine"), unless it is a known first name; so
    // is one shaped like an adverb or a participle ("Eventually Asimo",
    // "Following Assange's arrest"), and an age ("Seventeen-year-old
    // Stone"). A dotted initial before a name is no word ("A. Sanger 2
    // saves").
    while a < b && toks[a].sent_start && {
        let initial = toks[a].initial && toks[a].dotted && a + 1 < b;
        !toks[a].is(bits::FIRST)
            && !initial
            && (f.ctx.wordish(&toks[a], text)
                || (word_shaped(&text[toks[a].start..toks[a].end])
                    && (a + 1 < b || !stat_after(text, toks, a, false))))
    } {
        a += 1;
    }
    a
}

/// Whether a capitalised word that is no known first name reads as a word
/// by its shape alone: an adverb or a participle of six letters or more
/// ("Eventually", "Following"; not "Bean-Laing"), or an age
/// ("Seventeen-year-old"). Alone before a player's figures it is a name
/// ("Blakely 15 points").
fn word_shaped(w: &str) -> bool {
    lexicon::with_lower(w, |low| {
        let plain = !low.contains(is_hyphen);
        (plain && low.len() >= 6 && (low.ends_with("ly") || low.ends_with("ing")))
            || low.ends_with("year-old")
    })
}

/// Whether a word of the name is an organisation's or a firm's word, which
/// makes it no person. The words before a firm suffix are kept as an
/// empty candidate that marks the firm.
fn org_word(f: &FieldText, p: &Piece, nw: &NameWords, out: &mut Vec<Cand>) -> bool {
    let (text, toks) = (f.text, f.toks);
    let (a, b) = (nw.a, nw.b);
    let n = b - a;
    let words = &toks[a..b];
    let Some(k) = words
        .iter()
        .enumerate()
        // "Bill Clinton": a first name that is also an org word ("the
        // Finance Bill") opens a name.
        .position(|(k, t)| {
            t.is(bits::ORG | bits::FIRM) && !t.initial && !(k == 0 && n >= 2 && t.is(bits::FIRST))
        })
        // "Yukos spokesman Mike Lake told", "Dan Lane, a text message
        // guru": a surname that is an org word, after a first name and
        // with a cue before it or an apposition ("Emerson Electric said"
        // is a firm).
        .filter(|&k| {
            let apposition = apposed(text, toks, b - 1);
            !(n == 2
                && k == 1
                && first_name(&words[0])
                && !words[1].is(bits::FIRM)
                && (cue_before(text, toks, a, p.prefix) || apposition))
        })
    else {
        return false;
    };
    // "Merrill Lynch Capital Markets": the words before a firm suffix
    // name a firm wherever else they occur. Kept as an empty
    // candidate, which resolution reads and drops.
    if k > 0 && words[k].is(bits::FIRM) && !words[..k].iter().any(|t| t.is(bits::ORG | bits::FIRM))
    {
        let name = collapse_ws(&text[words[0].start..words[k - 1].end]);
        let mut firm = Cand::short(f, words[0].start, words[0].start, name, p.prefix);
        firm.org = Org::Strong;
        out.push(firm);
    }
    true
}

/// Whether the name's words name an office or a place, not a person.
fn office_or_place(toks: &[Word], p: &Piece, nw: &NameWords) -> bool {
    let words = &toks[nw.a..nw.b];
    let n = words.len();
    // "The Treasury Secretary said", "Chief Strategy Officer": a title
    // with no name after it is an office, not a person ("Stephen King"
    // keeps his first name).
    if p.prefix != Prefix::Honorific
        && n >= 2
        && words[n - 1].is(bits::OFFICE)
        && !first_name(&words[n - 2])
        && !words[n - 2].initial
    {
        return true;
    }
    // "Big Brother", "Celebrity Big Brother": a title after words that are
    // no first name is no person ("Stephen King", "B. B. King" are).
    if p.prefix == Prefix::None
        && n >= 2
        && words[n - 1].is(bits::TITLE)
        && !words[n - 1].is(bits::FIRST)
        && !first_name(&words[0])
        && !words[0].initial
        && nw.suffix.is_none()
    {
        return true;
    }
    // "Mr. President", "Lord Chancellor", "Inspector General": an office
    // alone is no person.
    if n == 1 && words[0].is(bits::OFFICE) && nw.suffix.is_none() {
        return true;
    }
    // "Islington North" is a place; "Oliver North" a person.
    (1..n).any(|k| words[k].is(bits::DIRECTION) && !first_name(&words[k - 1]))
}

/// The candidate for a piece's name's words: its parts, its cues and signs
/// and how sure we are that it is a person.
fn candidate(f: &FieldText, p: &Piece, nw: &NameWords) -> Cand {
    let text = f.text;
    let words = &f.toks[nw.a..nw.b];
    let particle_first =
        words[0].prefixed || (words[0].is(bits::PARTICLE) && !first_name(&words[0]));
    let (surname, given) = surname_and_given(text, words, particle_first);
    let cue = has_cue(f, p, nw);
    let org = org_signs(text, f.toks, nw.a, nw.b, p.prefix);
    let status = status(f, p, nw, cue, particle_first);
    let (name, end) = written_name(text, words, nw.suffix);
    Cand {
        field: f.field,
        start: p.mention_from.unwrap_or(words[0].start),
        end,
        name,
        given,
        surname,
        suffix: nw.suffix.map(|t| normalise(&text[t.start..t.end])),
        prefix: p.prefix,
        cue,
        org,
        status,
        person: None,
    }
}

/// The normalised surname (from the first particle on, "van gogh") and
/// given names of a name's words.
fn surname_and_given(text: &str, words: &[Word], particle_first: bool) -> (String, Vec<String>) {
    let n = words.len();
    let surname_at = (1..n)
        .find(|&k| words[k].is(bits::PARTICLE) || words[k].prefixed)
        .filter(|_| !particle_first)
        .unwrap_or(if particle_first { 0 } else { n - 1 });
    let surname = normalise(&collapse_ws(
        &text[words[surname_at].start..words[n - 1].end],
    ));
    let given: Vec<String> = words[..surname_at]
        .iter()
        .map(|t| normalise(&text[t.start..t.end]))
        .collect();
    (surname, given)
}

/// A cue next to the name: speech, a role, a line-up, a credit, a
/// player's verb or figures.
fn has_cue(f: &FieldText, p: &Piece, nw: &NameWords) -> bool {
    let (text, toks) = (f.text, f.toks);
    let (a, b) = (nw.a, nw.b);
    let n = b - a;
    let words = &toks[a..b];
    cue_before(text, toks, a, p.prefix)
        || cue_after(text, toks, b - 1)
        || nw.role_cap
        || f.ctx.in_lineup(f.field, words[0].start)
        || credit(text, words[0].start, words[n - 1].end)
        || (n >= 2 && (action_after(text, toks, b - 1) || stat_after(text, toks, b - 1, true)))
}

/// How sure we are that the name is a person, from what stands before
/// it, its cues and its first name.
fn status(f: &FieldText, p: &Piece, nw: &NameWords, cue: bool, particle_first: bool) -> Status {
    let text = f.text;
    let words = &f.toks[nw.a..nw.b];
    // A place as a first name is no sign on its own ("Carolina Panthers").
    let first_known =
        words[0].initial || (words[0].is(bits::FIRST) && !words[0].is(bits::STOP)) || {
            let w = &text[words[0].start..words[0].end];
            // "Jean-Claude", not "Star-Spangled".
            w.find(is_hyphen).is_some_and(|h| {
                let c = lexicon::class(&w[..h]);
                c & bits::FIRST != 0 && c & bits::AMBIGUOUS == 0
            })
        };
    let ambiguous = words[0].is(bits::AMBIGUOUS);
    if particle_first && p.prefix != Prefix::Honorific {
        Status::Link
    } else if words.len() == 1 {
        lone_status(f, p, nw)
    } else if p.prefix != Prefix::None || cue || (first_known && !ambiguous) {
        // An honorific, title or party word, a cue, or a first name that
        // is no everyday word.
        Status::Person
    } else {
        Status::Weak
    }
}

/// [`status`] of a lone word: a person only after an honorific or a
/// strong title, in "the X administration", in a line-up, before a
/// person's verb or a player's figures, or after a specific role noun.
fn lone_status(f: &FieldText, p: &Piece, nw: &NameWords) -> Status {
    let (ctx, text, toks) = (f.ctx, f.text, f.toks);
    let (a, b) = (nw.a, nw.b);
    let w = &toks[a];
    // Lower case only: "the Reagan Administration" links to a Reagan
    // named elsewhere, but "the Financial Administration Act" is no one.
    let administration = toks
        .get(b)
        .is_some_and(|t| &text[t.start..t.end] == "administration" && joins(text, w, t));
    match p.prefix {
        Prefix::Honorific => Status::Person,
        // Not "Lord Chief Justice".
        Prefix::Title { strong: true } if !ctx.wordish(w, text) && !w.is(bits::TITLE) => {
            Status::Person
        }
        _ if administration && !ctx.wordish(w, text) && !w.sent_start => Status::Person,
        // "Everton: Martyn, Hibbert, Yobo, ..."
        _ if ctx.in_lineup(f.field, w.start) && !w.is(bits::STOP) => Status::Person,
        // "Ronaldinho netted", "Henman withdrew"
        _ if action_after(text, toks, b - 1)
            && toks[b].is(bits::PERSONAL)
            && !ctx.wordish(w, text) =>
        {
            Status::Person
        }
        // "frontman Bono", "father Giuseppe"
        _ if role_before(text, toks, a) && !ctx.wordish(w, text) && !w.sent_start => Status::Person,
        // "Newcomer Ciara", "Striker Henry"
        _ if nw.role_cap && !ctx.wordish(w, text) => Status::Person,
        // "Tolivert 25 points." in a results list: a figure, with no
        // verb, that only a player scores.
        _ if stat_after(text, toks, b - 1, false) && !ctx.wordish(w, text) => Status::Person,
        _ => Status::Link,
    }
}

/// The name as written, white space collapsed, with its generational
/// suffix; and the end of its mention.
fn written_name(text: &str, words: &[Word], suffix: Option<&Word>) -> (String, usize) {
    let n = words.len();
    let mut name = collapse_ws(&text[words[0].start..words[n - 1].end]);
    let mut end = words[n - 1].end;
    if let Some(t) = suffix.filter(|t| t.start >= words[n - 1].end) {
        name.push(' ');
        name.push_str(&text[t.start..t.end]);
        if t.dotted {
            name.push('.');
        }
        end = t.end;
    }
    (name, end)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_shaped_like_adverbs_participles_or_ages() {
        assert!(word_shaped("Eventually") && word_shaped("Following"));
        assert!(word_shaped("Seventeen-year-old"));
        assert!(!word_shaped("Bean-Laing") && !word_shaped("Emily"));
    }
}
