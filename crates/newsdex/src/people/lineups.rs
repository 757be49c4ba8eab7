//! Team line-ups in an article's body ("Everton: Martyn, Hibbert, ...",
//! "Subs not used: Rice, Todd."): the byte ranges where every item is a
//! player, whom sports reports name by surname alone.
//!
//! Reads the plain text only, no tokens; [`super::extract_all`] keeps the
//! ranges in the article's context, where [`super::candidates`] asks
//! whether a name lies in one.

use std::ops::Range;

/// Team line-ups: after a colon, or as a paragraph of their own, up to the
/// next full stop, colon or line break, eight or more items (five after
/// "Subs:") separated by commas, semicolons or "and", each one to three
/// capitalised words, with bracketed notes allowed ("Everton: Martyn,
/// Hibbert, Yobo (capt), ...", "Subs: Wright, Pistone, Weir, Plessis,
/// Vaughan.", a side named the day before "Cech, Ferreira, Carvalho, ...").
/// Every item is a person: sports reports name players by surname alone
/// there.
pub(super) fn lineups(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    for (colon, _) in text.match_indices(':') {
        lineup_at(text, colon + 1, min_items(&text[..colon]), &mut out);
    }
    let mut from = 0;
    for line in text.split_inclusive('\n') {
        lineup_at(text, from, 8, &mut out);
        from += line.len();
    }
    out
}

/// How many items a line-up after a colon needs, by what stands before the
/// colon.
fn min_items(before_colon: &str) -> usize {
    // A side has eleven or fifteen players; five or more only after
    // "Subs:" and the like (a list of five clubs is common too), and
    // two after "Subs not used:", which only ever lists players.
    let before = before_colon.trim_end();
    // Only the end of the text before the colon: lower-casing all of
    // it at every colon was quadratic in a transcript's "Q:" and "A:".
    let tail = "subs not used";
    let unused = before
        .get(before.len().saturating_sub(tail.len())..)
        .is_some_and(|end| end.eq_ignore_ascii_case(tail));
    let subs = ["Subs", "Replacements", "Substitutes"]
        .iter()
        .any(|w| before.ends_with(w));
    if unused {
        2
    } else if subs {
        5
    } else {
        8
    }
}

/// The line-up starting at `from`, if the text there is one of at least
/// `min` items ([`lineups`]); its name ranges, without bracketed notes,
/// go to `out`.
fn lineup_at(text: &str, from: usize, min: usize, out: &mut Vec<Range<usize>>) {
    let rest = &text[from..];
    let len = rest.find(['.', '\n', ':']).unwrap_or(rest.len());
    let seg = &rest[..len];
    if !is_lineup(seg, min) {
        return;
    }
    // Without the bracketed notes: "Serge Betsen (Biarritz)" names a club
    // there; but a substitute and his minute, "Taylor (Martin 89)", are
    // kept.
    let mut depth = 0usize;
    let mut open = Some(from);
    for (i, c) in seg.char_indices() {
        match c {
            '(' => {
                if let Some(s) = open.take() {
                    out.push(s..from + i);
                }
                depth += 1;
                if depth == 1 {
                    if let Some(name) = substitute(&seg[i + 1..]) {
                        out.push(from + i + 1..from + i + 1 + name);
                    }
                }
            }
            ')' => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    open = Some(from + i + 1);
                }
            }
            _ => {}
        }
    }
    if let Some(s) = open {
        out.push(s..from + len);
    }
}

/// Whether `seg` lists at least `min` items, each one to three capitalised
/// words besides bracketed notes.
fn is_lineup(seg: &str, min: usize) -> bool {
    // Most lines are prose with few commas: counted before splitting.
    let seps = seg.bytes().filter(|&b| b == b',' || b == b';').count();
    if seps + seg.matches(" and ").count() + 1 < min {
        return false;
    }
    let items: Vec<&str> = seg
        .split([',', ';'])
        .flat_map(|it| it.split(" and "))
        .collect();
    if items.len() < min {
        return false;
    }
    let name_like = |it: &&str| {
        let words: Vec<&str> = it
            .split_whitespace()
            .filter(|w| !w.starts_with('(') && !w.ends_with(')'))
            .collect();
        (1..=3).contains(&words.len())
            && words
                .iter()
                .all(|w| w.chars().next().is_some_and(char::is_uppercase))
    };
    items.iter().all(name_like)
}

/// The length of the name that opens a line-up's bracketed substitution
/// ("Martin 89)", "Van Persie 70)"): capitalised words then a minute.
fn substitute(note: &str) -> Option<usize> {
    let inner = &note[..note.find(')')?];
    let (name, minute) = inner.trim_end().rsplit_once(' ')?;
    let minute = minute.trim_end_matches('\'');
    let minute_ok =
        !minute.is_empty() && minute.len() <= 3 && minute.bytes().all(|b| b.is_ascii_digit());
    let words_ok = (1..=3).contains(&name.split_whitespace().count())
        && name
            .split_whitespace()
            .all(|w| w.chars().next().is_some_and(char::is_uppercase));
    (minute_ok && words_ok && !name.starts_with(' ')).then_some(name.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn substitutes_keep_their_name_not_their_minute() {
        assert_eq!(substitute("Van Persie 70) rest"), Some(10));
        assert_eq!(substitute("Biarritz) rest"), None);
        assert_eq!(substitute("2004 season)"), None);
    }

    #[test]
    fn items_needed_after_a_colon() {
        assert_eq!(min_items("Exeter"), 8);
        assert_eq!(min_items("Subs "), 5);
        assert_eq!(min_items("Subs Not Used"), 2);
        let text = "Subs not used: Rice (Exeter), Todd.";
        let got: Vec<&str> = lineups(text).into_iter().map(|r| &text[r]).collect();
        assert_eq!(got, [" Rice ", ", Todd"]);
    }
}
