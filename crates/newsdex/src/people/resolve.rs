//! Step 4, resolution: one canonical name per person. Candidates whose
//! mentions show a firm or a place are dropped, full names that lack
//! evidence are promoted by repetition or company, full names merge into
//! people, short forms (`Mr Khan`, `Khan`, `Sadiq`) link to the one person
//! they fit, and each person's mentions are listed in reading order.
//!
//! Reads the candidates of both fields ([`super::candidates`]), the
//! signs they carry ([`super::evidence`]) and the name-form rule of
//! [`super::name_forms`]; [`super::extract_all`] calls [`resolve`] and
//! [`finish`].

use super::candidates::{Cand, Status};
use super::evidence::{Org, Prefix};
use super::{normalise, Ctx, Field, Mention, Person, Variant};
use std::collections::HashMap;

/// A person under construction: index of the candidate holding the
/// canonical form, and the candidates that mention it.
pub(super) struct Cluster {
    canon: usize,
    members: Vec<usize>,
}

fn compatible(a: &[String], b: &[String]) -> bool {
    match (a.first(), b.first()) {
        (Some(x), Some(y)) => {
            x == y
                || (x.chars().count() == 1 && y.starts_with(x.as_str()))
                || (y.chars().count() == 1 && x.starts_with(y.as_str()))
        }
        _ => true,
    }
}

/// The people among the candidates, as clusters of candidates; sets each
/// candidate's `status` and `person`.
pub(super) fn resolve(ctx: &Ctx, cands: &mut [Cand], title: &str, body: &str) -> Vec<Cluster> {
    drop_orgs(cands);
    promote_by_surname(cands);
    promote_listed(cands, title, body);
    let mut order: Vec<usize> = (0..cands.len()).collect();
    order.sort_by_key(|&i| (cands[i].field == Field::Title, cands[i].start));
    let mut clusters = cluster_full_names(cands, &order);
    link_short_forms(ctx, cands, &order, &mut clusters);
    clusters.retain(|cl| !cl.members.is_empty());
    clusters
}

/// Full names that lack evidence whose surname recurs in short forms, or
/// has a cue or title there, are people.
fn promote_by_surname(cands: &mut [Cand]) {
    // Evidence about surnames from short forms: count and strong uses.
    let mut short_count: HashMap<&str, (usize, bool)> = HashMap::new();
    for c in cands.iter() {
        if c.given.is_empty() && c.end > c.start {
            let e = short_count.entry(c.surname.as_str()).or_default();
            e.0 += 1;
            e.1 |= c.cue || c.prefix != Prefix::None;
        }
    }
    let promote: Vec<usize> = cands
        .iter()
        .enumerate()
        .filter(|(_, c)| c.status == Status::Weak)
        .filter(|(_, c)| {
            short_count
                .get(c.surname.as_str())
                .is_some_and(|&(n, strong)| n >= 2 || strong)
        })
        .map(|(i, _)| i)
        .collect();
    for i in promote {
        cands[i].status = Status::Person;
    }
}

/// Names listed next to people are people ("Tobey Maguire, Kirsten
/// Dunst and Alfred Molina").
fn promote_listed(cands: &mut [Cand], title: &str, body: &str) {
    for _ in 0..2 {
        let mut order: Vec<usize> = (0..cands.len()).collect();
        order.sort_by_key(|&i| (cands[i].field, cands[i].start));
        for w in 0..order.len() {
            let i = order[w];
            if cands[i].status != Status::Weak {
                continue;
            }
            let near = |j: usize, left: bool| {
                let (x, y) = if left {
                    (&cands[j], &cands[i])
                } else {
                    (&cands[i], &cands[j])
                };
                x.field == y.field
                    && cands[j].status == Status::Person
                    && !cands[j].given.is_empty()
                    && y.start >= x.end
                    && listed(title, body, x, y)
            };
            let left = w > 0 && near(order[w - 1], true);
            let right = w + 1 < order.len() && near(order[w + 1], false);
            if left || right {
                cands[i].status = Status::Person;
            }
        }
    }
}

/// Full names, in `order`, into clusters: the same surname, compatible
/// given names and the same suffix make one person, the fullest form
/// canonical.
fn cluster_full_names(cands: &mut [Cand], order: &[usize]) -> Vec<Cluster> {
    let mut clusters: Vec<Cluster> = Vec::new();
    for &i in order {
        let c = &cands[i];
        if c.status != Status::Person || c.given.is_empty() {
            continue;
        }
        // "Donald Trump" and "Donald Trump Jr." both written out are two
        // people: the suffix is there to tell them apart.
        let found = clusters.iter().position(|cl| {
            let k = &cands[cl.canon];
            k.surname == c.surname
                && compatible(&k.given, &c.given)
                && Variant::given_compatible(&k.given, &c.given)
                && k.suffix == c.suffix
        });
        match found {
            Some(p) => {
                clusters[p].members.push(i);
                let k = &cands[clusters[p].canon];
                if c.given.len() > k.given.len()
                    || (c.given.len() == k.given.len() && c.name.len() > k.name.len())
                {
                    clusters[p].canon = i;
                }
            }
            None => clusters.push(Cluster {
                canon: i,
                members: vec![i],
            }),
        }
        cands[i].person = Some(i);
    }
    clusters
}

/// Short forms, in `order`: by surname, then (uniquely) by first name; an
/// honorific or strong title with no full name makes a surname-only
/// person.
fn link_short_forms(ctx: &Ctx, cands: &mut [Cand], order: &[usize], clusters: &mut Vec<Cluster>) {
    let full = clusters.len();
    for pass in 0..2 {
        for &i in order {
            let c = &cands[i];
            if c.person.is_some() || c.end <= c.start {
                continue;
            }
            if c.status == Status::Weak && pass == 0 {
                continue;
            }
            let by_surname = by_surname(cands, clusters, c);
            let target = match by_surname.len() {
                1 => Some(by_surname[0]),
                0 if c.given.is_empty() && !ctx.wordish_str(&c.name) => {
                    by_first_name(cands, &clusters[..full], c)
                }
                _ => None,
            };
            match target {
                Some(p) => {
                    clusters[p].members.push(i);
                    cands[i].person = Some(p);
                }
                None if pass == 0 && c.status == Status::Person && by_surname.is_empty() => {
                    clusters.push(Cluster {
                        canon: i,
                        members: vec![i],
                    });
                    cands[i].person = Some(clusters.len() - 1);
                }
                None => {}
            }
        }
    }
}

/// The clusters whose canonical name the short form `c` fits by surname.
fn by_surname(cands: &[Cand], clusters: &[Cluster], c: &Cand) -> Vec<usize> {
    let by_surname: Vec<usize> = (0..clusters.len())
        .filter(|&p| {
            let k = &cands[clusters[p].canon];
            k.surname == c.surname
                && compatible(&k.given, &c.given)
                && Variant::given_compatible(&k.given, &c.given)
        })
        .collect();
    // "Trump" is the Trump without a suffix, "Trump Jr." the one
    // with it.
    if by_surname.len() > 1 {
        let same: Vec<usize> = by_surname
            .iter()
            .copied()
            .filter(|&p| cands[clusters[p].canon].suffix == c.suffix)
            .collect();
        if same.len() == 1 {
            return same;
        }
    }
    by_surname
}

/// The one cluster of a full name whose first name is the lone word `c`
/// ("Sadiq"), if only one has it.
fn by_first_name(cands: &[Cand], full: &[Cluster], c: &Cand) -> Option<usize> {
    let by_first: Vec<usize> = (0..full.len())
        .filter(|&p| cands[full[p].canon].given.first() == Some(&c.surname))
        .collect();
    (by_first.len() == 1).then(|| by_first[0])
}

/// Drops every mention of a name that some mention shows to be a firm or a
/// place ([`Org`]), unless the evidence for a person outweighs it.
fn drop_orgs(cands: &mut [Cand]) {
    if cands.iter().all(|c| c.org == Org::None) {
        return;
    }
    let keys: Vec<String> = cands.iter().map(|c| normalise(&c.name)).collect();
    // Names, and their surnames, with a title, honorific or speech cue at
    // a mention that is not itself after "in", "at" ...
    // A speech cue is evidence only for a full name: firms and agencies
    // "say" things too ("Tanjug said").
    let mut personal: Vec<&str> = Vec::new();
    for (c, k) in cands.iter().zip(&keys) {
        let evidence = c.prefix != Prefix::None || (c.cue && !c.given.is_empty());
        if c.org == Org::None && c.end > c.start && evidence {
            personal.push(k);
            personal.push(&c.surname);
        }
    }
    let mut strong: Vec<&str> = Vec::new();
    let mut weak: Vec<&str> = Vec::new();
    for (c, k) in cands.iter().zip(&keys) {
        match c.org {
            Org::Strong => strong.push(k),
            // A lone word after "from" may still be a surname ("take over
            // from Vogts"): only full names, and lone words taken for a
            // person ("official Tanjug news agency"), are dropped on this
            // evidence.
            Org::Weak
                if (!c.given.is_empty() || c.status == Status::Person)
                    && !personal.contains(&k.as_str())
                    && !personal.contains(&c.surname.as_str()) =>
            {
                weak.push(k)
            }
            _ => {}
        }
    }
    let drop: Vec<bool> = cands
        .iter()
        .zip(&keys)
        .map(|(c, k)| {
            c.prefix != Prefix::Honorific
                && (strong.contains(&k.as_str()) || weak.contains(&k.as_str()))
        })
        .collect();
    for (c, d) in cands.iter_mut().zip(drop) {
        if d {
            c.status = Status::Link;
            c.end = c.start;
        }
    }
}

/// Whether `y` follows `x` as the next item of a list of names
/// ("A, B and C").
fn listed(title: &str, body: &str, x: &Cand, y: &Cand) -> bool {
    let text = if x.field == Field::Title { title } else { body };
    let gap = text[x.end..y.start].trim_start_matches(['\'', '’', 's']);
    let g = gap.trim();
    gap.len() <= 6 && matches!(g, "," | "and" | ", and" | "&")
}

/// Turns clusters into people, mentions in reading order.
pub(super) fn finish(clusters: &[Cluster], cands: &[Cand]) -> Vec<Person> {
    let mut out: Vec<Person> = clusters
        .iter()
        .map(|cl| {
            let mut mentions: Vec<Mention> = cl
                .members
                .iter()
                .map(|&m| &cands[m])
                .filter(|c| c.end > c.start)
                .map(|c| Mention {
                    field: c.field,
                    start: c.start,
                    end: c.end,
                })
                .collect();
            mentions.sort_by_key(|m| (m.field, m.start));
            mentions.dedup();
            Person {
                name: cands[cl.canon].name.clone(),
                mentions,
            }
        })
        .filter(|p| !p.mentions.is_empty())
        .collect();
    out.sort_by_key(|p| (p.mentions[0].field, p.mentions[0].start));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_initial_fits_the_given_names_it_opens() {
        let v = |s: &[&str]| s.iter().map(|x| x.to_string()).collect::<Vec<_>>();
        assert!(compatible(&v(&["j"]), &v(&["john"])));
        assert!(compatible(&v(&[]), &v(&["john"])));
        assert!(!compatible(&v(&["jane"]), &v(&["john"])));
    }
}
