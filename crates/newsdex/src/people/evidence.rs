//! Step 3, evidence: the signs next to a name that it is a person (an
//! honorific or title before it, a speech cue, a role noun, an apposition,
//! a player's verb or figures, a photo credit) and the signs that it is a
//! firm, a place or a work ([`Org`]: a firm suffix, a company tag, a
//! preposition of place, a film's or a firm's noun).
//!
//! Each test reads the words of one field ([`super::tokens`]) around a
//! name; [`super::candidates`] weighs them into a candidate's status and
//! [`super::resolve`] drops the names a mention shows to be no person.

use super::lexicon::{self, bits};
use super::tokens::{first_name, joins, namelike, Word};

/// What stood before a name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Prefix {
    None,
    /// Mr, Dr, Sir ... (included in the mention).
    Honorific,
    /// President, Senator, Judge ...; `strong` when it may stand before a
    /// lone surname.
    Title {
        strong: bool,
    },
    /// Republican, Labour ...
    Party,
}

/// Signs, next to one mention, that a name is a firm or a place; they count
/// for every mention of the same name in the article.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum Org {
    None,
    /// After "in", "at", "from" or "to" and not before a speech verb ("in
    /// Santa Ana", "an analyst at Smith Barney"), before a firm's staff or
    /// shares ("Merrill Lynch economist"), or named as a work ("the drama
    /// Vera Drake", "Vera Drake star Imelda Staunton"; not "John Wayne
    /// films", where the name is a person's): a full name
    /// is then no person unless another mention has a title, honorific or
    /// speech cue.
    Weak,
    /// Before a firm suffix ("Merrill Lynch and Co Inc", "Morgan Stanley
    /// Group") or inside a Reuters company tag (`<Dean Witter Reynolds>`):
    /// not a person unless the mention itself has an honorific.
    Strong,
}

/// A specific role noun right before a lone name ("frontman Bono").
/// Also after a comma or dash ("the prime minister's wife, Sara"), and in
/// the plural ("rappers Ludacris & Lil Jon").
pub(super) fn role_before(text: &str, toks: &[Word], a: usize) -> bool {
    let Some(p) = a.checked_sub(1) else {
        return false;
    };
    let t = &toks[p];
    let gap = &text[t.full_end..toks[a].start];
    let apposed = matches!(gap.trim(), "," | "-" | "–" | "—") && !gap.contains('\n');
    t.lower_case && (joins(text, t, &toks[a]) || apposed) && role_noun(text, t, false)
}

/// A role noun ([`bits::ROLE`]), or the plural of a specific one
/// ("rappers", "actors"; not "stars Duran Duran", "analysts Gartner" or
/// "leaders Chelsea": a band, a firm, a club); `weak` admits the vague
/// ones ([`bits::WEAK_ROLE`]: "star", "head").
fn role_noun(text: &str, t: &Word, weak: bool) -> bool {
    if t.is(bits::ROLE) {
        return weak || !t.is(bits::WEAK_ROLE);
    }
    let w = &text[t.start..t.end];
    let class = match w.strip_suffix('s') {
        Some(one) if t.lower_case && one.len() >= 3 => lexicon::class_lower(one),
        _ => 0,
    };
    class & bits::ROLE != 0 && class & (bits::WEAK_ROLE | bits::FIRM_CUE | bits::TITLE) == 0
}

/// A cue right before the run: "said X", "analyst X", "according to X",
/// "president, X".
pub(super) fn cue_before(text: &str, toks: &[Word], a: usize, prefix: Prefix) -> bool {
    if prefix != Prefix::None {
        return false;
    }
    let Some(p) = a.checked_sub(1) else {
        return false;
    };
    let pt = &toks[p];
    let gap = &text[pt.full_end..toks[a].start];
    let plain = gap.chars().all(char::is_whitespace);
    let role = role_noun(text, pt, true);
    if plain && (pt.is(bits::SPEECH) || role) {
        return !pt.possessive || role;
    }
    // "spokesman, Jim Smith"; in lists of awards "actor - Don Cheadle".
    if matches!(gap.trim(), "," | "-" | "–" | "—") && !gap.contains('\n') && role {
        return true;
    }
    plain
        && &text[pt.start..pt.end] == "to"
        && p >= 1
        && &text[toks[p - 1].start..toks[p - 1].end] == "according"
}

/// A verb of sport or of a life right after the full name ending at
/// `last` ("Zach Parise scored", "Srebotnik withdrew").
pub(super) fn action_after(text: &str, toks: &[Word], last: usize) -> bool {
    let Some(nt) = toks.get(last + 1) else {
        return false;
    };
    nt.lower_case
        && nt.is(bits::ACTION)
        && !toks[last].possessive
        && text[toks[last].full_end..nt.start]
            .chars()
            .all(char::is_whitespace)
}

/// A player's figures right after the name ending at `last`: "Tolivert 25
/// points", "Osas Osaro 3 goals, 1 assist", and with `verb` also "Tuukka
/// Rask made 25 saves", "Evgenii Dadonov had two assists" (results
/// pages list players so, 30 of the 99 misses on the web pages of the
/// second round). Teams have figures too ("Wild 4, Sabres 1"), but not
/// these nouns right after a number.
pub(super) fn stat_after(text: &str, toks: &[Word], last: usize, verb: bool) -> bool {
    if toks[last].possessive {
        return false;
    }
    let word = |k: usize| toks.get(k).map(|t| &text[t.start..t.end]);
    let joined = |k: usize| {
        toks.get(k).is_some_and(|t| {
            text[toks[k - 1].full_end..t.start]
                .chars()
                .all(char::is_whitespace)
        })
    };
    let mut k = last + 1;
    if verb
        && joined(k)
        && matches!(
            word(k),
            Some("had" | "made" | "added" | "stopped" | "recorded" | "collected")
        )
    {
        k += 1;
    }
    let number = joined(k)
        && toks[k].digit
        && text[toks[k].start..toks[k].end]
            .bytes()
            .all(|b| b.is_ascii_digit())
        || (verb && k > last + 1 && joined(k) && word(k).is_some_and(lexicon::is_count_word));
    if !number {
        return false;
    }
    joined(k + 1) && word(k + 1).is_some_and(lexicon::is_stat_noun)
}

/// A credit or handle around the name at `start..end`: a photo credit
/// ("Photo: X", "AP Photo/X", "X/AP"), a tweet's signature ("X
/// (@handle)") or an age ("17-year-old X").
pub(super) fn credit(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].trim_end();
    let after = text[end..].trim_start();
    let tail = |s: &str, n: usize| {
        let mut k = s.len().saturating_sub(n);
        while !s.is_char_boundary(k) {
            k += 1;
        }
        s[k..].to_ascii_lowercase()
    };
    let b = tail(before, 12);
    b.ends_with("photo/")
        || b.ends_with("photo:")
        || b.ends_with("photo by")
        || b.ends_with("photograph:")
        || b.ends_with("year-old")
        || after.starts_with("(@")
        || after.starts_with("/AP")
        || after.starts_with("/Getty")
        || after.starts_with("/Reuters")
        || after.starts_with("/AFP")
}

/// A cue right after the run: "X said", "X, who", "X, a lawyer", "X, 32,"
/// or "X - the ...".
pub(super) fn cue_after(text: &str, toks: &[Word], last: usize) -> bool {
    let Some(nt) = toks.get(last + 1) else {
        return false;
    };
    if toks[last].possessive {
        return false;
    }
    let gap = &text[toks[last].full_end..nt.start];
    let w = &text[nt.start..nt.end];
    if gap.chars().all(char::is_whitespace) {
        if nt.is(bits::SPEECH) {
            return true;
        }
        // "X has said", "X also told"
        if matches!(w, "has" | "had" | "also" | "later" | "then" | "earlier") {
            return toks.get(last + 2).is_some_and(|t| t.is(bits::SPEECH));
        }
        return false;
    }
    let g = gap.trim();
    let apposition = matches!(
        w,
        "who" | "a" | "an" | "the" | "his" | "her" | "aged" | "whose" | "himself" | "herself"
    ) || nt.is(bits::ROLE);
    if g == "," {
        return apposition || nt.digit || (nt.cap && nt.is(bits::TITLE));
    }
    if g == "-" || g == "–" || g == "—" {
        return apposition;
    }
    false
}

/// An apposition after the name ending at `last` ("X, a lawyer", "X, 32,",
/// "X - the ..."): a [`cue_after`] that is no bare speech verb, which
/// firms have too ("Emerson Electric said").
pub(super) fn apposed(text: &str, toks: &[Word], last: usize) -> bool {
    cue_after(text, toks, last)
        && toks
            .get(last + 1)
            .is_some_and(|t| !text[toks[last].full_end..t.start].trim().is_empty())
}

/// Whether the name starting at `text[start..]` follows "band" or "group"
/// ("Glasgow group Franz Ferdinand"). Evidence for [`super::Extraction::things`]
/// only: it does not unmake a person in its article ("the group's leader"
/// is written otherwise, but "group chairman Paul Smith" is not rare).
pub(super) fn a_group(text: &str, start: usize) -> bool {
    let word_before = text[..start]
        .trim_end()
        .rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("");
    matches!(word_before, "band" | "group" | "duo" | "trio" | "quartet")
}

/// Signs around the name `toks[a..b]` that it names a firm or a place.
pub(super) fn org_signs(text: &str, toks: &[Word], a: usize, b: usize, prefix: Prefix) -> Org {
    if prefix != Prefix::None {
        return Org::None;
    }
    if let Some(org) = firm_in_run(text, toks, a, b) {
        return org;
    }
    if let Some(org) = sign_after(text, toks, a, b) {
        return org;
    }
    sign_before(text, toks, a, b)
}

/// A company tag around the name `toks[a..b]`, or a firm suffix among the
/// capitalised words after it.
fn firm_in_run(text: &str, toks: &[Word], a: usize, b: usize) -> Option<Org> {
    // A Reuters company tag: "<Merrill Lynch and Co Inc>".
    if text[..toks[a].start].ends_with('<') {
        return Some(Org::Strong);
    }
    // The rest of the capitalised run, past stop words: "Nomura
    // International Ltd", "Cheung Kong Holdings".
    // Not past a possessive: "Rupert Murdoch's News Corp".
    let mut k = b;
    while k < toks.len()
        && k < b + 4
        && toks[k].cap
        && !toks[k - 1].possessive
        && joins(text, &toks[k - 1], &toks[k])
    {
        if toks[k].is(bits::FIRM) {
            return Some(Org::Strong);
        }
        k += 1;
    }
    None
}

/// Signs in the word after the name `toks[a..b]`: a firm's suffix, staff or
/// shares, or a work it names.
fn sign_after(text: &str, toks: &[Word], a: usize, b: usize) -> Option<Org> {
    let last = &toks[b - 1];
    if let Some(next) = toks
        .get(b)
        .filter(|n| !last.possessive && joins(text, last, n))
    {
        return sign_in_next(text, toks, a, b, next);
    }
    let next = toks.get(b)?;
    let gap = &text[last.full_end..next.start];
    (gap.trim() == "&" && next.is(bits::FIRM)).then_some(Org::Strong)
}

/// [`sign_after`] where the next word, `next` (`toks[b]`), joins the name.
fn sign_in_next(text: &str, toks: &[Word], a: usize, b: usize, next: &Word) -> Option<Org> {
    let w = &text[next.start..next.end];
    // "Salomon Brothers and Co"; a capitalised suffix right after the
    // name was caught above ("Morgan Stanley Group"), and a lower-case
    // one is no sign ("a T. Boone Pickens investment fund").
    if w == "and" {
        if let Some(after) = toks.get(b + 1) {
            if after.cap && after.is(bits::FIRM) && joins(text, next, after) {
                return Some(Org::Strong);
            }
        }
    }
    if next.lower_case && next.is(bits::FIRM_CUE) {
        return Some(Org::Weak);
    }
    // "Harry Potter and the Half-Blood Prince": a title of a work (not
    // "Fox News' Chad Pergram and The Associated Press", a firm).
    if w == "and" && and_the_work(text, toks, b, next) {
        return Some(Org::Weak);
    }
    // "the first Harry Potter film", "the James Bond films" (not "John
    // Wayne films" without an article).
    if next.lower_case && next.is(bits::WORK) && a > 0 {
        let det = toks[..a]
            .iter()
            .rev()
            .take(2)
            .any(|t| matches!(&text[t.start..t.end], "the" | "a" | "an"));
        if det {
            return Some(Org::Weak);
        }
    }
    // "Vera Drake star Imelda Staunton", "Harry Potter author JK
    // Rowling"
    if next.lower_case
        && next.is(bits::WORK_ROLE)
        && toks
            .get(b + 1)
            .is_some_and(|n| n.cap && (namelike(n) || n.all_caps) && joins(text, next, n))
    {
        return Some(Org::Weak);
    }
    None
}

/// Whether "and" (`and`, `toks[b]`) after a name goes on with "the" and
/// capitalised words that name no firm or office: the rest of a work's
/// title.
fn and_the_work(text: &str, toks: &[Word], b: usize, and: &Word) -> bool {
    let the = toks
        .get(b + 1)
        .is_some_and(|t| text[t.start..t.end].eq_ignore_ascii_case("the") && joins(text, and, t));
    if !the {
        return false;
    }
    // The capitalised words that follow "the" (up to four).
    let words: Vec<&Word> = toks[b + 2..]
        .iter()
        .zip(&toks[b + 1..])
        .take(4)
        .take_while(|(n, p)| n.cap && joins(text, p, n))
        .map(|(n, _)| n)
        .collect();
    words
        .first()
        .is_some_and(|w| !w.is(bits::STOP | bits::TITLE))
        && !words.iter().any(|w| w.is(bits::ORG | bits::FIRM))
}

/// Signs in the words before the name `toks[a..b]`: an article, a work's
/// or a firm's noun, a preposition of place.
fn sign_before(text: &str, toks: &[Word], a: usize, b: usize) -> Org {
    let Some(p) = a.checked_sub(1) else {
        return Org::None;
    };
    if thing_before(text, toks, p, a, b) || place_before(text, toks, p, a, b) {
        Org::Weak
    } else {
        Org::None
    }
}

/// Whether the words before the name `toks[a..b]`, ending at `p`, make it a
/// thing: an article, a role in a work, a firm's or a work's noun.
fn thing_before(text: &str, toks: &[Word], p: usize, a: usize, b: usize) -> bool {
    let pt = &toks[p];
    // "The Shawshank Redemption", "the Beige Book", "the East Kent Hunt":
    // an article before words that open with no known first name names a
    // thing ("the Tony Blair government" is left to the words after it).
    if b - a >= 2
        && !first_name(&toks[a])
        && !toks[a].initial
        && text[pt.start..pt.end].eq_ignore_ascii_case("the")
        && joins(text, pt, &toks[a])
    {
        return true;
    }
    // "her role in Vera Drake", "his performance in Ray": a known first
    // name does not outweigh it, as it does "in" alone.
    if b - a >= 2 && p > 0 && &text[pt.start..pt.end] == "in" && joins(text, pt, &toks[a]) {
        let noun = &text[toks[p - 1].start..toks[p - 1].end];
        if matches!(
            noun,
            "role" | "roles" | "performance" | "performances" | "appearance" | "starring"
        ) {
            return true;
        }
    }
    // "investment firm Grant Samuel", "parts maker Robert Bosch"
    if pt.lower_case && pt.is(bits::FIRM_NOUN) && joins(text, pt, &toks[a]) {
        return true;
    }
    // "the drama Vera Drake"
    // (not "to film Tony Blair").
    let verb = p > 0 && matches!(&text[toks[p - 1].start..toks[p - 1].end], "to" | "will");
    pt.lower_case && pt.is(bits::WORK) && !verb && joins(text, pt, &toks[a])
}

/// Whether a preposition of place, `toks[p]`, stands before the name
/// `toks[a..b]`.
fn place_before(text: &str, toks: &[Word], p: usize, a: usize, b: usize) -> bool {
    // "in Santa Ana", "at Smith Barney", unless a speech verb follows.
    let pt = &toks[p];
    let last = &toks[b - 1];
    let speech_after = toks.get(b).is_some_and(|t| {
        t.is(bits::SPEECH)
            && text[last.full_end..t.start]
                .chars()
                .all(char::is_whitespace)
    });
    let according = &text[pt.start..pt.end] == "to"
        && p > 0
        && &text[toks[p - 1].start..toks[p - 1].end] == "according";
    // A known first name outweighs the preposition ("wrote to Tony Blair",
    // "trust in Tony Blair").
    let given_name = b - a >= 2 && (first_name(&toks[a]) || toks[a].initial);
    pt.lower_case
        && pt.is(bits::LOCATIVE)
        && !according
        && !given_name
        && !last.possessive
        && !speech_after
        && text[pt.full_end..toks[a].start]
            .chars()
            .all(char::is_whitespace)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::people::tokens::tokenize;

    #[test]
    fn firm_place_and_work_signs() {
        for (text, name, want) in [
            (
                "<Dale Burdett Inc> faces claims.",
                "Dale Burdett",
                Org::Strong,
            ),
            (
                "Laurie Milbank and Co raised its stake.",
                "Laurie Milbank",
                Org::Strong,
            ),
            ("Sales in Boca Raton fell.", "Boca Raton", Org::Weak),
            ("The drama Vera Drake won.", "Vera Drake", Org::Weak),
            ("Voters lost trust in Tony Blair.", "Tony Blair", Org::None),
        ] {
            let toks = tokenize(text);
            let start = text.find(name).unwrap();
            let a = toks.iter().position(|t| t.start == start).unwrap();
            let b = toks
                .iter()
                .position(|t| t.end == start + name.len())
                .unwrap()
                + 1;
            assert_eq!(org_signs(text, &toks, a, b, Prefix::None), want, "{text}");
        }
    }
}
