//! One person under every written form of a full name: `Donald J. Trump`,
//! `Donald J Trump` and `Donald Trump` are one name, `Martin Luther King
//! Jr.` and `Martin Luther King` too, while `George H. W. Bush` and
//! `George W. Bush` stay apart.
//!
//! A name is reduced to a [`Variant`]: its key (first word and surname,
//! normalised, no dots), the initials of its middle names and its
//! generational suffix. Two variants are one person when their keys are
//! equal and their middle initials, and their suffixes, are equal or
//! missing on one side: the archive gives no sign that they differ.
//!
//! The extractor uses the rule inside an article; the index stores
//! [`Variant::index_terms`] beside each canonical name and a `person:`
//! query looks up [`Variant::query_terms`], so a search for one form finds
//! every compatible form. Neither side needs the other's text.

use super::lexicon::{PARTICLES, SUFFIXES};
use super::normalise;
use crate::hashing::FastMap;

/// The index term of a name's key alone (`k|donald trump`, `k|blair`):
/// what every form of the name, and a one-word name, is found by.
pub fn key_term(key: &str) -> String {
    // `concat` rather than `format!` here and below: these run for every
    // name of every article indexed, and the formatting machinery was 1.3%
    // of indexing's instructions.
    ["k|", key].concat()
}

/// The index term of a name's key that an article shows to be no person
/// (`x|vera drake`, see `super::Extraction::things`).
pub fn thing_term(key: &str) -> String {
    ["x|", key].concat()
}

/// A surname without the Arabic article that some writers give it and
/// others leave out ("al-assad", "al assad" → "assad"; "el-sisi" →
/// "sisi"), so "Bashar al-Assad" and "Bashar Assad" are one key.
fn without_article(surname: &str) -> &str {
    for article in ["al-", "el-", "al ", "el "] {
        if let Some(rest) = surname.strip_prefix(article) {
            if !rest.is_empty() {
                return rest;
            }
        }
    }
    surname
}

/// Whether two marks (initials, suffixes) agree: equal, or missing on one
/// side.
fn agree(a: &str, b: &str) -> bool {
    a.is_empty() || b.is_empty() || a == b
}

/// The parts of a full name that decide whether two forms are one person.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Variant {
    /// First word and surname, normalised ("donald trump", "theo van
    /// gogh"); a one-word name is that word.
    pub key: String,
    /// Initials of the middle names, in order ("j" for "Donald J. Trump",
    /// "hw" for "George Herbert Walker Bush"); empty for none.
    pub initials: String,
    /// Generational suffix ("jr", "sr", "ii" ...), empty for none.
    pub suffix: String,
}

impl Variant {
    /// Reads a name as written or as canonical ("Donald J. Trump", "Martin
    /// Luther King Jr.", "King, Jr.").
    pub fn of(name: &str) -> Variant {
        let norm = normalise(name);
        let mut words: Vec<&str> = norm
            .split(|c: char| c.is_whitespace() || c == '.' || c == ',')
            .filter(|w| !w.is_empty())
            .collect();
        let mut suffix = String::new();
        if words.len() >= 3 {
            let last = words[words.len() - 1];
            // The suffix list alone, not the whole lexicon's table: a
            // search that shows names would otherwise build it (a quarter
            // of a one-word search's instructions).
            if SUFFIXES.contains(last) {
                suffix = last.to_string();
                words.pop();
            }
        }
        if words.len() < 2 {
            return Variant {
                key: without_article(&words.join(" ")).to_string(),
                initials: String::new(),
                suffix,
            };
        }
        // The surname takes the particles before it ("van Gogh").
        let mut s = words.len() - 1;
        while s > 1 && PARTICLES.contains(words[s - 1]) {
            s -= 1;
        }
        let initials = words[1..s]
            .iter()
            .filter_map(|w| w.chars().next())
            .collect();
        let mut surname = words[s..].join(" ");
        surname = without_article(&surname).to_string();
        let key = [words[0], " ", &surname].concat();
        Variant {
            key,
            initials,
            suffix,
        }
    }

    /// Whether two forms may name one person.
    pub fn compatible(&self, other: &Variant) -> bool {
        self.key == other.key
            && agree(&self.initials, &other.initials)
            && agree(&self.suffix, &other.suffix)
    }

    /// Whether the middle initials of two lists of given names agree
    /// (`["george", "h", "w"]` and `["george", "w"]` do not).
    pub fn given_compatible(a: &[String], b: &[String]) -> bool {
        let marks = |g: &[String]| -> String {
            g.iter().skip(1).filter_map(|w| w.chars().next()).collect()
        };
        agree(&marks(a), &marks(b))
    }

    /// The terms the index stores for a canonical name: the key alone, the
    /// key with its initials, with its suffix, and with both.
    pub fn index_terms(&self) -> [String; 4] {
        let k = &self.key;
        [
            key_term(k),
            ["i|", k, "|", &self.initials].concat(),
            ["s|", k, "|", &self.suffix].concat(),
            ["v|", k, "|", &self.initials, "|", &self.suffix].concat(),
        ]
    }

    /// The terms of which an indexed name must have one to be compatible
    /// with this form: the key alone when the form has no initials and no
    /// suffix, else its marks or none for each.
    pub fn query_terms(&self) -> Vec<String> {
        let k = &self.key;
        let (i, s) = (&self.initials, &self.suffix);
        let mut out = match (i.is_empty(), s.is_empty()) {
            (true, true) => vec![key_term(k)],
            (false, true) => vec![format!("i|{k}|{i}"), format!("i|{k}|")],
            (true, false) => vec![format!("s|{k}|{s}"), format!("s|{k}|")],
            (false, false) => [i.as_str(), ""]
                .iter()
                .flat_map(|i| [s.as_str(), ""].map(|s| format!("v|{k}|{i}|{s}")))
                .collect(),
        };
        out.dedup();
        out
    }
}

/// Merges the forms of one name in a list of (name, count), for `newsdex
/// people`: a form joins the single, more frequent form it agrees with
/// (same suffix, middle initials agreeing with every initialled form
/// already in it), which names the group. A form that fits two groups
/// (`George Bush` beside `George W.` and `George H. W. Bush`) stays apart,
/// and so does a suffix (`Donald Trump Jr.` is listed on its own: in a
/// list the suffix is worth telling apart).
pub fn group_forms(mut names: Vec<(String, u64)>) -> Vec<(String, u64)> {
    names.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    let variants: Vec<Variant> = names.iter().map(|(n, _)| Variant::of(n)).collect();
    let mut out = group_sorted(
        names
            .into_iter()
            .zip(&variants)
            .map(|((name, count), v)| (name, count, v)),
    );
    out.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    out
}

/// [`group_forms`] on names already sorted (most first, ties by name),
/// each with its [`Variant`]; the groups in the order they start. A name
/// joins only a group of its own key, so the names of each key can be
/// grouped apart, in the same order, with the same groups: the people
/// list (`crate::facets`) groups only the keys with more than one name.
pub fn group_sorted<'v, T>(
    names: impl IntoIterator<Item = (T, u64, &'v Variant)>,
) -> Vec<(T, u64)> {
    struct Group<'v, T> {
        name: T,
        count: u64,
        variant: &'v Variant,
        initials: Vec<&'v str>,
    }
    let mut groups: Vec<Group<T>> = Vec::new();
    // Groups by key: only names with one key can join. Scanning every group
    // for every name made `newsdex people` on the 1x benchmark corpus
    // (about 100,000 distinct names) take 48 s.
    let mut by_key: FastMap<&str, Vec<usize>> = FastMap::default();
    for (name, count, v) in names {
        let same_key = by_key.get(v.key.as_str()).map(Vec::as_slice).unwrap_or(&[]);
        let fits: Vec<usize> = same_key
            .iter()
            .copied()
            .filter(|&k| {
                let g = &groups[k];
                g.variant.key.contains(' ')
                    && g.variant.suffix == v.suffix
                    && (v.initials.is_empty() || g.initials.iter().all(|i| *i == v.initials))
            })
            .collect();
        match fits.as_slice() {
            [k] => {
                let g = &mut groups[*k];
                g.count += count;
                if !v.initials.is_empty() && !g.initials.contains(&v.initials.as_str()) {
                    g.initials.push(&v.initials);
                }
            }
            _ => {
                by_key.entry(&v.key).or_default().push(groups.len());
                groups.push(Group {
                    name,
                    count,
                    initials: (!v.initials.is_empty())
                        .then_some(v.initials.as_str())
                        .into_iter()
                        .collect(),
                    variant: v,
                });
            }
        }
    }
    groups.into_iter().map(|g| (g.name, g.count)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn same(a: &str, b: &str) -> bool {
        Variant::of(a).compatible(&Variant::of(b))
    }

    #[test]
    fn forms_of_one_name_agree() {
        for (a, b) in [
            ("Donald J. Trump", "Donald Trump"),
            ("Donald J Trump", "Donald J. Trump"),
            ("Martin Luther King Jr.", "Martin Luther King"),
            ("Martin Luther King, Jr.", "Martin L. King Jr"),
            ("George W Bush", "George W. Bush"),
            ("George Bush", "George H. W. Bush"),
            ("José Mourinho", "Jose Mourinho"),
            ("Theo van Gogh", "Theo van Gogh"),
            ("Bashar al-Assad", "Bashar Assad"),
            ("Bashar al Assad", "Bashar Assad"),
            ("Abdel Fattah el-Sisi", "Abdel Fattah Sisi"),
        ] {
            assert!(same(a, b), "{a} ~ {b}");
        }
        assert_eq!(Variant::of("al-Assad").key, "assad");
        assert_eq!(Variant::of("Theo van Gogh").key, "theo van gogh");
    }

    #[test]
    fn different_marks_stay_apart() {
        for (a, b) in [
            ("George H. W. Bush", "George W. Bush"),
            ("Ken Griffey Jr.", "Ken Griffey Sr."),
            ("Donald Trump", "Melania Trump"),
            ("Theo van Gogh", "Theo Gogh"),
        ] {
            assert!(!same(a, b), "{a} !~ {b}");
        }
        assert_eq!(Variant::of("George Herbert Walker Bush").initials, "hw");
        assert_eq!(Variant::of("Blair").key, "blair");
    }

    #[test]
    fn a_list_shows_each_person_once() {
        let list = |v: &[(&str, u64)]| v.iter().map(|(n, c)| (n.to_string(), *c)).collect();
        let grouped = group_forms(list(&[
            ("Donald J. Trump", 96),
            ("Donald Trump", 869),
            ("Donald J Trump", 3),
            ("Donald Trump Jr", 25),
            ("George W. Bush", 164),
            ("George W Bush", 9),
            ("George H.W. Bush", 31),
            ("Trump", 344),
        ]));
        assert_eq!(
            grouped,
            list(&[
                ("Donald Trump", 968),
                ("Trump", 344),
                ("George W. Bush", 173),
                ("George H.W. Bush", 31),
                ("Donald Trump Jr", 25),
            ])
        );
    }

    /// The index and query terms implement [`Variant::compatible`]: a
    /// query finds a name exactly when the two forms agree.
    #[test]
    fn terms_follow_the_rule() {
        let names = [
            "Donald Trump",
            "Donald J. Trump",
            "Donald Trump Jr.",
            "Donald J. Trump Jr.",
            "Donald K. Trump Sr.",
            "George H. W. Bush",
            "George W. Bush",
            "George Bush",
        ];
        for q in names {
            for n in names {
                let (vq, vn) = (Variant::of(q), Variant::of(n));
                let hit = vq
                    .query_terms()
                    .iter()
                    .any(|t| vn.index_terms().contains(t));
                assert_eq!(hit, vq.compatible(&vn), "query {q} on {n}");
            }
        }
    }
}
