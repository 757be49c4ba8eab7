//! Across articles: a person an article names only by surname (`Mr Blair`,
//! `President Trump`) is the full name the archive gives that surname,
//! when the archive makes it unambiguous.
//!
//! The extractor works one article at a time, so an article that never
//! writes "Donald Trump" reports a person `Trump`. This module holds the
//! rule that joins such a surname to a full name, and the index terms it
//! reads; it knows nothing of tantivy (`crate::links` gathers the counts
//! from the index and applies the rule at search time, so the links follow
//! every incremental update and `rebuild` without a pass of their own).
//!
//! **The rule.** Among the archive's articles that name a full name with
//! that surname, the candidate (with every compatible form of its name,
//! see [`Variant::compatible`]) must be in at least [`MIN_ARTICLES`] and
//! in at least [`DOMINANCE`] of them ([`holds`]). When it is not over the whole
//! archive, the same test runs within the article's year, so "Bush" can be
//! one man in 1987 and his son in 2005.
//!
//! **Given names.** A one-word name after `King`, `Prince`, `Sir`, `Pope`
//! ... is a given name and never links; a word the archive uses more as a
//! first name than as a surname (`Hunter`) links only after `Mr`, `Mrs`,
//! `Lord` ... ([`may_link`]).
//!
//! **Gender.** A surname after `Mrs`, `Ms`, `Lady` ... only links to a full
//! name whose first name is not a man's (US Census 1990 first-name
//! frequencies, see `data/README.md`), and the competition is among such
//! names: "Mrs Blair" is Cherie Blair in an archive where Tony Blair is far
//! more often named.
//!
//! An article that also names a full name with that surname keeps its own
//! reading: the extractor already joined what it could, so its bare
//! surname is someone else or ambiguous there.

use super::lexicon::FastMap;
use super::{normalise, Field, Person, Variant};
use serde::{Deserialize, Serialize};
use std::sync::LazyLock;

/// The smallest share of the full-name articles with a surname that one
/// person must hold for the surname alone to mean them.
pub const DOMINANCE: f64 = 0.8;
/// The fewest articles that must name the person in full: fewer say too
/// little about who the archive's "Mr X" is.
pub const MIN_ARTICLES: u32 = 3;

/// A gender a title or a first name marks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Gender {
    /// `Mr`, `Sir`, `Lord` ...; a man's first name.
    Male,
    /// `Mrs`, `Ms`, `Lady` ...; a woman's first name.
    Female,
}

impl Gender {
    /// The letter used in index terms.
    fn letter(self) -> char {
        match self {
            Gender::Male => 'm',
            Gender::Female => 'f',
        }
    }

    /// The other gender.
    pub fn other(self) -> Gender {
        match self {
            Gender::Male => Gender::Female,
            Gender::Female => Gender::Male,
        }
    }
}

/// First names with a clear gender: at least nine in ten of the Census
/// 1990 frequency for one sex (names common for both are left out).
const GENDER_FIRST: &str = include_str!("data/gender_first.txt");

static FIRST_GENDER: LazyLock<FastMap<&'static str, Gender>> = LazyLock::new(|| {
    let mut genders = FastMap::with_capacity_and_hasher(6 << 10, Default::default());
    genders.extend(GENDER_FIRST.lines().filter_map(|l| {
        let (name, g) = l.split_once(' ')?;
        Some((
            name,
            if g == "f" {
                Gender::Female
            } else {
                Gender::Male
            },
        ))
    }));
    genders
});

/// The gender a first name marks, if the Census list is clear about it.
pub fn first_name_gender(first: &str) -> Option<Gender> {
    FIRST_GENDER.get(normalise(first).as_str()).copied()
}

/// What a title says of the one-word name after it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Cue {
    /// The gender the titles mark, when they agree.
    pub gender: Option<Gender>,
    /// A title that goes before a surname (`Mr`, `Mrs`, `Lord`): the word
    /// is a surname even if it is also a first name (`Mr Howard`).
    pub surname: bool,
    /// A title that goes before a given name (`King`, `Prince`, `Sir`,
    /// `Dame`, `Pope`): the word is not a surname (`Prince Charles`), so it
    /// never links.
    pub given: bool,
}

/// How a title reads: its gender, and whether it goes before a surname
/// (`true`) or a given name (`false`).
fn title_kind(word: &str) -> Option<(Option<Gender>, bool)> {
    use Gender::{Female as F, Male as M};
    let w = normalise(word.trim_end_matches('.'));
    Some(match w.as_str() {
        "mr" | "mister" | "monsieur" | "herr" | "senor" | "signor" | "lord" | "baron" => {
            (Some(M), true)
        }
        "mrs" | "ms" | "miss" | "madame" | "mme" | "frau" | "senora" | "signora" | "lady"
        | "baroness" => (Some(F), true),
        "sir" | "king" | "prince" | "duke" | "pope" | "sheikh" | "emperor" => (Some(M), false),
        "dame" | "queen" | "princess" | "duchess" | "empress" => (Some(F), false),
        "saint" | "st" => (None, false),
        _ => return None,
    })
}

/// What the titles of an article's mentions of a person say: the first
/// word of a mention (`Mrs Blair`) or the word just before it (`Prince`
/// in `Prince Charles` when the span starts at the name).
pub fn cue(title: &str, body: &str, person: &Person) -> Cue {
    let mut out = Cue::default();
    let mut genders = (false, false);
    for m in &person.mentions {
        let text = match m.field {
            Field::Title => title,
            Field::Body => body,
        };
        let Some(span) = text.get(m.start..m.end) else {
            continue;
        };
        let before = text.get(..m.start).unwrap_or("");
        let words = [
            span.split_whitespace().next(),
            before.split_whitespace().next_back(),
        ];
        for (gender, surname) in words.into_iter().flatten().filter_map(title_kind) {
            match gender {
                Some(Gender::Male) => genders.0 = true,
                Some(Gender::Female) => genders.1 = true,
                None => {}
            }
            if surname {
                out.surname = true;
            } else {
                out.given = true;
            }
        }
    }
    out.gender = match genders {
        (true, false) => Some(Gender::Male),
        (false, true) => Some(Gender::Female),
        _ => None,
    };
    out
}

/// The surname of a full name's variant (the key without its first word:
/// "trump", "van gogh"); `None` for a one-word name.
pub fn surname(v: &Variant) -> Option<&str> {
    v.key.split_once(' ').map(|(_, s)| s)
}

/// Prefix of the index term that marks an article naming a full name with
/// a surname: `n|trump`.
pub fn surname_term(surname: &str) -> String {
    ["n|", surname].concat()
}

/// Prefix of the terms that list the full names with a surname
/// (`n|trump|Donald J. Trump`): a range scan over it finds them all.
pub fn names_prefix(surname: &str) -> String {
    ["n|", surname, "|"].concat()
}

/// The index term of a one-word name after a gendered title: `c|f|blair`.
pub fn cue_term(gender: Gender, key: &str) -> String {
    ["c|", gender.letter().encode_utf8(&mut [0; 4]), "|", key].concat()
}

/// The index term of a one-word name after a title that goes before a
/// surname (`Mr Howard`): `c|s|howard`.
pub fn surname_title_term(key: &str) -> String {
    ["c|s|", key].concat()
}

/// The index term of a one-word name after a title that goes before a
/// given name (`Prince Charles`): `c|g|charles`.
pub fn given_title_term(key: &str) -> String {
    ["c|g|", key].concat()
}

/// The prefix of the variant keys of full names whose first word is this
/// one (`k|hunter `): how often the archive uses a word as a given name.
pub fn given_prefix(word: &str) -> String {
    format!("{} ", super::name_forms::key_term(word))
}

/// The extra index terms of one of an article's people: for a full name,
/// its surname mark and its name under the surname; for a one-word name,
/// what its titles say ([`Cue`]).
pub fn index_terms(name: &str, cue: Cue) -> Vec<String> {
    let v = Variant::of(name);
    if let Some(s) = surname(&v) {
        return vec![surname_term(s), names_prefix(s) + name];
    }
    let mut out: Vec<String> = cue
        .gender
        .map(|g| cue_term(g, &v.key))
        .into_iter()
        .collect();
    if cue.surname {
        out.push(surname_title_term(&v.key));
    }
    if cue.given {
        out.push(given_title_term(&v.key));
    }
    out
}

/// Whether a one-word name may be read as a surname at all: not after a
/// title that goes before given names, and, when the archive uses the word
/// more often as a first name than as a surname (`Hunter` for Hunter
/// Biden, `Giuseppe`), only after a title that goes before surnames.
pub fn may_link(cue: Cue, given_uses: u32, surname_uses: u32) -> bool {
    !cue.given && (cue.surname || given_uses < surname_uses)
}

/// A full name the archive gives a surname, with the number of articles
/// that name it, overall and by year.
#[derive(Debug, Clone, PartialEq)]
pub struct Named {
    /// The name as the articles write it ("Donald J. Trump").
    pub name: String,
    /// Its variant.
    pub variant: Variant,
    /// Articles that name it.
    pub articles: u32,
    /// Articles that name it, by year of publication (dated ones only).
    pub years: Vec<(i32, u32)>,
}

/// Why a surname means a full name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Support {
    /// Articles naming the person in full (any compatible form).
    pub articles: u32,
    /// Articles naming another person with the surname in full.
    pub others: u32,
    /// The year the test held in, when it did not hold over the archive.
    pub year: Option<i32>,
}

/// Whether a name's gender fits a gender cue: a man's first name does not
/// fit `Mrs`, a woman's not `Mr`; a name of unclear gender fits both.
pub fn fits(v: &Variant, cue: Option<Gender>) -> bool {
    let (Some(cue), Some(first)) = (cue, v.key.split(' ').next()) else {
        return true;
    };
    first_name_gender(first) != Some(cue.other())
}

/// How many articles name `n` in a scope: the whole archive, or a year.
fn count(n: &Named, year: Option<i32>) -> u32 {
    match year {
        None => n.articles,
        Some(y) => n
            .years
            .iter()
            .find(|(ny, _)| *ny == y)
            .map_or(0, |(_, c)| *c),
    }
}

/// Whether the surname alone means `target` among `names` (every full name
/// with that surname in the archive) within one scope: the whole archive
/// (`None`) or a year, for an article with this gender cue.
pub fn holds(
    target: &Variant,
    names: &[Named],
    cue: Option<Gender>,
    year: Option<i32>,
) -> Option<Support> {
    if !fits(target, cue) {
        return None;
    }
    let (mut mine, mut others) = (0u32, 0u32);
    for n in names.iter().filter(|n| fits(&n.variant, cue)) {
        if n.variant.compatible(target) {
            mine += count(n, year);
        } else {
            others += count(n, year);
        }
    }
    let total = f64::from(mine + others);
    (mine >= MIN_ARTICLES && f64::from(mine) >= DOMINANCE * total).then_some(Support {
        articles: mine,
        others,
        year,
    })
}

/// The full name a surname alone means, for an article with this gender
/// cue and year: over the archive, else within the year, the name whose
/// compatible forms are in the most articles (then the form most written),
/// if it [`holds`] there.
pub fn resolve(
    names: &[Named],
    cue: Option<Gender>,
    year: Option<i32>,
) -> Option<(String, Support)> {
    let best_in = |scope: Option<i32>| -> Option<(String, Support)> {
        let support = |t: &Variant| -> u32 {
            names
                .iter()
                .filter(|n| n.variant.compatible(t))
                .map(|n| count(n, scope))
                .sum()
        };
        let best = names
            .iter()
            .filter(|n| fits(&n.variant, cue) && count(n, scope) > 0)
            .max_by(|a, b| {
                (support(&a.variant), count(a, scope))
                    .cmp(&(support(&b.variant), count(b, scope)))
                    .then_with(|| b.name.cmp(&a.name))
            })?;
        holds(&best.variant, names, cue, scope).map(|s| (best.name.clone(), s))
    };
    best_in(None).or_else(|| year.and_then(|y| best_in(Some(y))))
}

/// A one-word name of an article joined to a full name elsewhere in the
/// archive (`show --json`'s `links`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PersonLink {
    /// The name as the article gives it ("Trump").
    pub name: String,
    /// The full name it means ("Donald Trump").
    pub person: String,
    /// Always true: the article does not say it; the archive does.
    pub inferred: bool,
    /// Articles of the archive that name the person in full.
    pub articles: u32,
    /// Articles that name another person with that surname in full.
    pub others: u32,
    /// The year the link holds in, when it does not hold over the whole
    /// archive.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub year: Option<i32>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn named(name: &str, articles: u32, years: &[(i32, u32)]) -> Named {
        Named {
            name: name.into(),
            variant: Variant::of(name),
            articles,
            years: years.to_vec(),
        }
    }

    #[test]
    fn a_dominant_full_name_is_what_the_surname_means() {
        let names = [
            named("Donald Trump", 40, &[]),
            named("Ivanka Trump", 4, &[]),
        ];
        let (name, s) = resolve(&names, None, None).unwrap();
        assert_eq!(name, "Donald Trump");
        assert_eq!((s.articles, s.others, s.year), (40, 4, None));
        assert!(holds(&Variant::of("Donald J. Trump"), &names, None, None).is_some());
        assert!(holds(&Variant::of("Ivanka Trump"), &names, None, None).is_none());
    }

    #[test]
    fn two_well_known_people_with_one_surname_link_neither() {
        let names = [named("Tony Blair", 30, &[]), named("Cherie Blair", 12, &[])];
        assert_eq!(resolve(&names, None, None), None);
        // A title's gender decides.
        let (name, _) = resolve(&names, Some(Gender::Female), None).unwrap();
        assert_eq!(name, "Cherie Blair");
        let (name, _) = resolve(&names, Some(Gender::Male), None).unwrap();
        assert_eq!(name, "Tony Blair");
    }

    #[test]
    fn a_title_of_the_other_gender_never_links() {
        let names = [named("Tony Blair", 30, &[])];
        assert!(resolve(&names, Some(Gender::Female), None).is_none());
        assert!(resolve(&names, Some(Gender::Male), None).is_some());
    }

    #[test]
    fn too_few_articles_link_nothing() {
        let names = [named("Jane Hogg", 2, &[])];
        assert!(resolve(&names, None, None).is_none());
    }

    #[test]
    fn the_year_decides_when_the_archive_does_not() {
        let names = [
            named("George H. W. Bush", 20, &[(1987, 18), (2004, 2)]),
            named("George W. Bush", 25, &[(2004, 25)]),
        ];
        let (name, s) = resolve(&names, None, Some(2004)).unwrap();
        assert_eq!(name, "George W. Bush");
        assert_eq!((s.articles, s.others, s.year), (25, 2, Some(2004)));
        let (name, _) = resolve(&names, None, Some(1987)).unwrap();
        assert_eq!(name, "George H. W. Bush");
        // Undated: neither holds the archive.
        assert!(resolve(&names, None, None).is_none());
        assert!(holds(&Variant::of("George W. Bush"), &names, None, Some(1987)).is_none());
        assert!(holds(&Variant::of("George W. Bush"), &names, None, Some(2004)).is_some());
    }

    #[test]
    fn gendered_titles_are_read_from_the_mention_or_the_word_before() {
        let body = "Mrs Blair said she was pleased. Blair added that it was a good day.";
        let people = super::super::extract("", body, None);
        let blair = people.iter().find(|p| p.name == "Blair").unwrap();
        assert_eq!(cue("", body, blair).gender, Some(Gender::Female));
        assert!(cue("", body, blair).surname);
        let body = "President Trump said he was pleased. Trump added that it was a good day.";
        let people = super::super::extract("", body, None);
        let trump = people.iter().find(|p| p.name == "Trump").unwrap();
        assert_eq!(cue("", body, trump), Cue::default());
        let body = "Prince Charles said he was pleased. Charles added that it was a good day.";
        let people = super::super::extract("", body, None);
        if let Some(charles) = people.iter().find(|p| p.name == "Charles") {
            let c = cue("", body, charles);
            assert!(c.given && !c.surname, "{c:?}");
            assert!(!may_link(c, 0, 10));
        }
        let mr = Cue {
            gender: Some(Gender::Male),
            surname: true,
            given: false,
        };
        assert!(may_link(mr, 40, 3));
        assert!(!may_link(Cue::default(), 40, 3));
        assert!(may_link(Cue::default(), 3, 40));
        assert_eq!(first_name_gender("Hillary"), Some(Gender::Female));
        assert_eq!(first_name_gender("Donald"), Some(Gender::Male));
        assert_eq!(first_name_gender("Leslie"), None);
    }

    #[test]
    fn index_terms_list_full_names_under_their_surname() {
        assert_eq!(
            index_terms("Donald J. Trump", Cue::default()),
            ["n|trump", "n|trump|Donald J. Trump"]
        );
        let mrs = Cue {
            gender: Some(Gender::Female),
            surname: true,
            given: false,
        };
        assert_eq!(index_terms("Blair", mrs), ["c|f|blair", "c|s|blair"]);
        assert!(index_terms("Blair", Cue::default()).is_empty());
        assert_eq!(
            index_terms("Vincent van Gogh", Cue::default()),
            ["n|van gogh", "n|van gogh|Vincent van Gogh"]
        );
    }
}
