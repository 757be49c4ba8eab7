//! Step 2, name runs: the runs of capitalised words in one field (with
//! initials, particles and a generational suffix), cut after an honorific,
//! title or party word and split at stop words (days, months as dates,
//! places, nationalities, compound adjectives) into pieces, each of which
//! [`super::candidates`] makes a candidate; then `Khan, Sadiq` in a list
//! becomes one name, and a headline's candidates only link.
//!
//! Reads the words of [`super::tokens`] and the article's context;
//! [`super::extract_all`] calls [`candidates`] once a field.

use super::candidates::{has_suffix, piece, Cand, FieldText, Piece, Status};
use super::evidence::{apposed, cue_before, Prefix};
use super::lexicon::{self, bits};
use super::normalise;
use super::tokens::{first_name, is_hyphen, is_particle, joins, namelike, Word};

/// The name candidates of one field, appended to `out`; with `link_only`
/// (a title in headline case or capitals) they may only link to people
/// found elsewhere.
pub(super) fn candidates(f: &FieldText, link_only: bool, out: &mut Vec<Cand>) {
    let toks = f.toks;
    let first_new = out.len();
    let mut i = 0;
    while i < toks.len() {
        if !namelike(&toks[i]) {
            i += 1;
            continue;
        }
        let j = run_end(f, i);
        run(f, i, j, out);
        i = j;
    }
    merge_inverted(f, &mut out[first_new..]);
    if link_only {
        // A title in capitals has no name runs; each word may still be a
        // known person's surname ("CANADA'S WILSON SEEKS ...").
        for t in toks.iter().filter(|t| t.all_caps && !t.digit) {
            let w = &f.text[t.start..t.end];
            out.push(Cand::short(f, t.start, t.end, w.to_string(), Prefix::None));
        }
        for c in &mut out[first_new..] {
            c.status = Status::Link;
        }
    }
}

/// Where the run of name-like words starting at `i` ends.
fn run_end(f: &FieldText, i: usize) -> usize {
    let (text, toks) = (f.text, f.toks);
    // Grow the run.
    let mut j = i + 1;
    if !toks[i].possessive {
        while j < toks.len() {
            let t = &toks[j];
            // "King Jr.", "Holton, Jr.", "John Paul II": a suffix ends
            // the run.
            if suffix_after(text, &toks[j - 1], t) {
                j += 1;
                break;
            }
            if !joins(text, &toks[j - 1], t) {
                break;
            }
            let ok = namelike(t)
                || (is_particle(t)
                    && toks
                        .get(j + 1)
                        .is_some_and(|n| namelike(n) && joins(text, t, n)));
            if !ok {
                break;
            }
            j += 1;
            if t.possessive {
                break;
            }
        }
    }
    j
}

/// Whether `t` is a generational suffix closing the name that ends with
/// `prev`: right after it, or after a comma ("Holton, Jr.").
fn suffix_after(text: &str, prev: &Word, t: &Word) -> bool {
    if !t.is(bits::SUFFIX) || !t.cap || prev.possessive || !namelike(prev) || prev.initial {
        return false;
    }
    let gap = &text[prev.full_end..t.start];
    (gap.len() == 1 && gap == " ") || gap == ", "
}

/// Whether a capitalised month name here is a date ("in May", "May 5").
fn is_date_month(text: &str, toks: &[Word], i: usize) -> bool {
    if i > 0 && toks[i - 1].is(bits::DATE_PREP) {
        return true;
    }
    toks.get(i + 1)
        .is_some_and(|n| n.digit && joins(text, &toks[i], n))
}

/// Splits one capitalised run into name candidates.
fn run(f: &FieldText, a: usize, b: usize, out: &mut Vec<Cand>) {
    let toks = f.toks;
    // Honorific or title: the last one that still has words after it.
    let mut name_from = a;
    let mut prefix = Prefix::None;
    let mut mention_from = None;
    // A title needs a name after it, and a suffix alone is none ("Martin
    // Luther King Jr." is no King called Jr).
    let core = if has_suffix(toks, a, b) { b - 1 } else { b };
    for (k, t) in toks.iter().enumerate().take(core.saturating_sub(1)).skip(a) {
        if t.possessive {
            break;
        }
        if t.is(bits::HONORIFIC) {
            prefix = Prefix::Honorific;
            mention_from = Some(t.start);
            name_from = k + 1;
        } else if t.is(bits::TITLE) {
            // "Lord Justice May", "Lord Chief Justice Woolf": after an
            // honorific any title stands before a lone surname.
            let honoured = k > a
                && (toks[k - 1].is(bits::HONORIFIC)
                    || (toks[k - 1].is(bits::TITLE) && prefix == Prefix::Title { strong: true }));
            prefix = Prefix::Title {
                strong: t.is(bits::STRONG_TITLE) || honoured,
            };
            mention_from = None;
            name_from = k + 1;
        } else if t.is(bits::PARTY) && k + 2 < b {
            prefix = Prefix::Party;
            mention_from = None;
            name_from = k + 1;
        }
    }
    // The words before the title are not the name; the rest is split at
    // stop words.
    let mut k = name_from;
    let mut piece_prefix = prefix;
    let mut piece_mention = mention_from;
    while k < b {
        let mut e = k;
        while e < b && !is_stop(f, e) {
            e += 1;
        }
        if e > k {
            let p = Piece {
                a: k,
                b: e,
                prefix: piece_prefix,
                mention_from: piece_mention,
            };
            piece(f, &p, out);
        }
        piece_prefix = Prefix::None;
        piece_mention = None;
        k = e + 1;
    }
}

fn is_stop(f: &FieldText, i: usize) -> bool {
    let (text, toks) = (f.text, f.toks);
    if toks[i].initial {
        // "U.S.", "U.K.": a chain of initials with nothing between them
        // that spells a stop word.
        let mut a = i;
        while a > 0 && toks[a - 1].initial && toks[a - 1].full_end == toks[a].start {
            a -= 1;
        }
        let mut b = i + 1;
        while b < toks.len() && toks[b].initial && toks[b - 1].full_end == toks[b].start {
            b += 1;
        }
        // "C.E.O. Mark Zuckerberg": or a role ("M.P.").
        if b - a >= 2 {
            let letters: String = toks[a..b].iter().map(|t| &text[t.start..t.end]).collect();
            return lexicon::class(&letters) & (bits::STOP | bits::ROLE) != 0;
        }
    }
    let t = &toks[i];
    // "Republican-led House", "London-based": a compound adjective.
    if t.cap && !t.prefixed {
        let w = &text[t.start..t.end];
        let mut parts = w.rsplit(is_hyphen);
        if let (Some(tail), Some(_)) = (parts.next(), parts.next()) {
            if lexicon::class(tail) & bits::COMPOUND != 0 {
                return true;
            }
        }
    }
    // "A. Linwood Holton": a dotted initial before a name is no article.
    if t.initial && t.dotted && toks.get(i + 1).is_some_and(|n| n.cap && !n.is(bits::STOP)) {
        return false;
    }
    if t.is(bits::MONTH) {
        return is_date_month(text, toks, i) || !t.is(bits::FIRST);
    }
    if t.is(bits::STOP) && place_in_name(f, i) {
        return false;
    }
    t.is(bits::STOP)
}

/// Whether the stop word at `i`, a place or nationality, is a surname
/// here: after a first name, with a speech or role cue before or an
/// apposition after ("said Rick Holland", "GOP strategist Ken Spain";
/// not "Al Qaeda", "Roman Catholic Archbishop", "Reagan Administration",
/// "Bell Canada said"), when the article never writes it in lower case and
/// it is no day ("John Kerry Tuesday"). Places as first names ("Carolina
/// Kluft") are left alone: "the official China Daily said" looks the same.
fn place_in_name(f: &FieldText, i: usize) -> bool {
    let (text, toks) = (f.text, f.toks);
    let t = &toks[i];
    // Cheap shape tests first: most stop words follow no first name.
    let Some(p) = i.checked_sub(1).map(|k| &toks[k]) else {
        return false;
    };
    if !first_name(p) || !t.cap || t.all_caps || t.sent_start {
        return false;
    }
    let w = &text[t.start..t.end];
    if lexicon::class(w) & bits::STOP == 0 || lexicon::is_day(w) || f.ctx.in_vocab(w) {
        return false;
    }
    !p.is(bits::STOP | bits::PARTICLE)
        && !p.possessive
        && joins(text, p, t)
        && !toks.get(i + 1).is_some_and(|n| n.cap && joins(text, t, n))
        && (cue_before(text, toks, i - 1, Prefix::None) || apposed(text, toks, i))
}

/// "Khan, Sadiq" in a list is one person, "Sadiq Khan".
fn merge_inverted(f: &FieldText, cands: &mut [Cand]) {
    let (ctx, text, toks) = (f.ctx, f.text, f.toks);
    for k in 0..cands.len().saturating_sub(1) {
        let (l, r) = cands.split_at_mut(k + 1);
        let (a, b) = (&mut l[k], &mut r[0]);
        // A line-up lists surnames: "Carvalho, Terry, Gallas" is three
        // players.
        if ctx.in_lineup(f.field, a.start) {
            continue;
        }
        if a.prefix != Prefix::None || b.prefix != Prefix::None {
            continue;
        }
        if !a.given.is_empty()
            || !b.given.is_empty()
            || a.name.contains(' ')
            || b.name.contains(' ')
        {
            continue;
        }
        if text[a.end..b.start].trim() != "," || !text[a.end..b.start].starts_with(',') {
            continue;
        }
        let first = lexicon::class(&b.name);
        if first & bits::FIRST == 0 || first & bits::AMBIGUOUS != 0 {
            continue;
        }
        if lexicon::class(&a.name) & bits::FIRST != 0 {
            continue;
        }
        // B must close a list item.
        let after = text[b.end..].trim_start_matches(['\'', '’', 's']);
        let closes = after.is_empty()
            || after.starts_with([';', ')', '\n', '.', ','])
            || after.starts_with(" and ")
            || after.starts_with(" &");
        // and A must open one.
        let before_ok = toks
            .iter()
            .rev()
            .find(|t| t.full_end <= a.start)
            .is_none_or(|t| {
                let gap = text[t.full_end..a.start].trim();
                gap.ends_with([';', ',', '(', ':'])
                    || matches!(&text[t.start..t.end], "and" | "with")
            })
            || text[..a.start].trim_end().is_empty();
        if !closes || !before_ok {
            continue;
        }
        b.given = vec![normalise(&b.name)];
        b.name = format!("{} {}", b.name, a.name);
        b.surname = normalise(&a.name);
        b.start = a.start;
        b.status = Status::Person;
        a.status = Status::Link;
        a.start = b.start;
        a.end = b.start; // empty: dropped later
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::people::tokens::tokenize;
    use crate::people::{Ctx, Field};

    /// The names of the body candidates that are people in their own right.
    fn people(text: &str) -> Vec<String> {
        let toks = tokenize(text);
        let ctx = Ctx::new("", &[], text, &toks);
        let f = FieldText {
            ctx: &ctx,
            text,
            toks: &toks,
            field: Field::Body,
        };
        let mut out = Vec::new();
        candidates(&f, false, &mut out);
        out.iter()
            .filter(|c| c.status == Status::Person)
            .map(|c| c.name.clone())
            .collect()
    }

    #[test]
    fn runs_end_at_dates_and_list_order_is_undone() {
        assert_eq!(people("Theresa May said so in May."), ["Theresa May"]);
        assert_eq!(
            people("Signatories: Khan, Sadiq; Corbyn, Jeremy."),
            ["Sadiq Khan", "Jeremy Corbyn"]
        );
    }
}
