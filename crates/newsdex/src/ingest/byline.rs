//! Bylines as pages print them, made into the names of the people who
//! wrote the article: `By TOM KRISHER, AP Auto Writer` → `Tom Krisher`.
//!
//! [`clean`] drops a leading `By` (or `Analysis by`, `Text:`), cuts where
//! the byline runs on into a date, a time, a weekday, `Updated` or a social
//! handle, rejects values that are no names (URLs, `Staff`, CMS user-name
//! slugs), drops comma-separated parts that are an agency or the site
//! (`Associated Press`, `AP Auto Writer`, `CNN Business`, the page's own
//! site name) or a credential (`MA`, `RDN`), a trailing agency or site
//! name without a comma (`Tom Davies Associated Press`), job titles
//! ([`strip_roles`]), and writes names printed in capitals in title case
//! (`NATALIYA VASILYEVA` → `Nataliya Vasilyeva`). A byline that is only an
//! agency (`Reuters`) is kept: it is the only credit the article has.
//!
//! Used by the HTML parser; lives apart from it because it is about names,
//! not markup.

use std::sync::LazyLock;

use regex::Regex;

use crate::text::collapse_ws;

/// Where a byline starts to be something else: a date, a time, a weekday,
/// a separator, a social handle.
static TAIL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\s*(?:\||•|·|\bupdated\b|\bpublished\b|\bposted\b|\blast modified\b|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}\b|\b\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\b|\b\d{4}-\d{2}-\d{2}|\b\d{1,2}:\d{2}|\b\d{1,2}/\d{1,2}/\d{2,4}|\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b|\bemail\b|\bfollow\b|\btwitter\b|@)",
    )
    .expect("valid regex")
});

/// What comes before the names: `By`, `Written by`, `Analysis by`, or a
/// label with a colon (`Text:`, `Texto:`, `Текст:`).
static HEAD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(?:(?:(?:written|words|story|reporting|text|analysis|commentary|opinion|review|interview)\s+)?by\b[:\s]*|(?:text|texto|texte|текст|words|reporting|author|autor|auteur)\s*:\s*)",
    )
    .expect("valid regex")
});

/// News agencies and wire services that follow a writer's name. Upper-case
/// acronyms match exactly (a writer may be called Ani), the rest
/// case-insensitively.
const AGENCIES: &[&str] = &[
    "AP",
    "The AP",
    "Associated Press",
    "The Associated Press",
    "Reuters",
    "Thomson Reuters",
    "AFP",
    "Agence France-Presse",
    "Agence France Presse",
    "Bloomberg",
    "Bloomberg News",
    "UPI",
    "United Press International",
    "PTI",
    "Press Trust of India",
    "IANS",
    "ANI",
    "dpa",
    "Xinhua",
    "EFE",
    "ANSA",
    "Kyodo",
    "Kyodo News",
    "PA",
    "PA Media",
    "Press Association",
    "CNN",
    "USA TODAY",
    "Tribune News Service",
    "TNS",
    "McClatchy",
];

/// Professional credentials printed after a name (`Rachael Link, MS, RD`).
const CREDENTIALS: &[&str] = &[
    "MA", "MS", "MSc", "MD", "PhD", "Ph.D.", "RD", "RDN", "LD", "RN", "MPH", "MBA", "JD", "DO",
    "CPT", "CDE", "MFA", "BSc",
];

/// Words that name a job rather than a person.
const ROLE_WORDS: &[&str] = &[
    "editor",
    "editors",
    "writer",
    "reporter",
    "correspondent",
    "columnist",
    "contributor",
    "producer",
    "analyst",
    "critic",
    "photographer",
    "intern",
    "fellow",
    "director",
    "chief",
    "senior",
    "staff",
    "freelance",
    "contributing",
    "associate",
    "editor-at-large",
];

/// Words that join names rather than being one.
const CONNECTORS: &[&str] = &["and", "&", "y", "et", "und", "e"];

/// Cleans a byline ([module docs](self)). `outlets` are the page's own
/// names (site name, publisher, host name without `www.` and its
/// top-level domain) to drop like an agency. `None` when nothing that
/// looks like a name is left.
pub fn clean(raw: &str, outlets: &[&str]) -> Option<String> {
    let s = collapse_ws(raw);
    let s = HEAD.replace(&s, "");
    let s = match TAIL.find(&s) {
        Some(m) => &s[..m.start()],
        None => &s[..],
    };
    let s = cut_at_sentence_end(s);
    let s = s
        .trim()
        .trim_end_matches(|c: char| {
            c == ',' || c == ';' || c == ':' || c == '-' || c == '—' || c.is_whitespace()
        })
        .trim_end_matches(" and")
        .trim_end_matches(" on")
        .trim();
    if s.is_empty()
        || looks_like_url(s)
        || s.chars().count() > 100
        || s.split_whitespace().count() > 12
    {
        return None;
    }
    let junk = s.split_whitespace().all(|w| {
        matches!(
            w.to_lowercase()
                .trim_matches(|c: char| !c.is_alphanumeric()),
            "staff"
                | "writer"
                | "writers"
                | "reporter"
                | "reporters"
                | "the"
                | "admin"
                | "editor"
                | "editors"
                | "web"
                | "desk"
                | "newsroom"
                | "wire"
                | "wires"
                | "author"
                | "unknown"
                | ""
                | "and"
        )
    });
    // A user name slug ("devindra", "jsmith") from a CMS field.
    let slug = !s.contains(char::is_whitespace)
        && !s.chars().any(char::is_uppercase)
        && s.chars().any(char::is_lowercase);
    if junk || slug {
        return None;
    }
    let s = drop_outlets(s, outlets);
    let s = strip_roles(&s);
    let s = s
        .split(", ")
        .map(title_case_if_capitals)
        .collect::<Vec<_>>()
        .join(", ");
    (!s.is_empty()).then_some(s)
}

/// Whether text starts like a web address (`http://`, `https://`, `www.`,
/// `//`): not a name, a byline or a site name. Shared with `html`.
pub(crate) fn looks_like_url(s: &str) -> bool {
    let s = s.trim_start().to_ascii_lowercase();
    s.starts_with("http://")
        || s.starts_with("https://")
        || s.starts_with("www.")
        || s.starts_with("//")
}

/// Titles written with a full stop that do not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "mrs", "sen", "rep", "gov", "gen", "col", "capt", "sgt", "prof", "rev", "hon", "lt", "maj",
];

/// Cuts at `. ` after a word of three letters or more that is no title
/// (`Finian Cunningham. Sputnik International`), keeping initials and
/// abbreviations (`Nelson D. Schwartz`, `Martin Luther King Jr. Smith`).
fn cut_at_sentence_end(s: &str) -> &str {
    for (i, _) in s.match_indices(". ") {
        let word: String = s[..i]
            .chars()
            .rev()
            .take_while(|c| c.is_alphabetic())
            .collect();
        let word: String = word.chars().rev().collect();
        if word.chars().count() >= 3
            && word.chars().any(char::is_lowercase)
            && !ABBREVIATIONS.contains(&word.to_lowercase().as_str())
        {
            return &s[..i];
        }
    }
    s
}

/// Whether `part` is exactly `name`: exact for an upper-case acronym,
/// case-insensitive otherwise.
fn same_name(part: &str, name: &str) -> bool {
    if name.len() <= 5 && name.chars().all(|c| c.is_ascii_uppercase()) {
        part == name
    } else {
        part.eq_ignore_ascii_case(name) || part.to_lowercase() == name.to_lowercase()
    }
}

/// Whether a comma-separated part is an outlet rather than a person: an
/// agency or one of the page's `outlets`, alone or followed by a desk or a
/// job (`AP Auto Writer`, `CNN Business`, `CNN Editor-at-large`), or a
/// credential.
fn is_outlet_part(part: &str, outlets: &[&str]) -> bool {
    if CREDENTIALS.contains(&part) {
        return true;
    }
    let names = AGENCIES.iter().copied().chain(outlets.iter().copied());
    for name in names {
        if name.is_empty() {
            continue;
        }
        if same_name(part, name) {
            return true;
        }
        // `AP Auto Writer`: the agency, then capitalised words (a desk,
        // a job title).
        let n = name.split_whitespace().count();
        let words: Vec<&str> = part.split_whitespace().collect();
        if words.len() > n
            && same_name(&words[..n].join(" "), name)
            && words[n..]
                .iter()
                .all(|w| w.starts_with(|c: char| c.is_uppercase()))
        {
            return true;
        }
    }
    false
}

/// Drops agency, outlet and credential parts, and a trailing agency or
/// outlet name without a comma (`Tom Davies Associated Press`, `Kevin
/// Johnson and Kevin McCoy USA TODAY`), unless that would leave nothing.
fn drop_outlets(s: &str, outlets: &[&str]) -> String {
    let parts: Vec<&str> = s
        .split(',')
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    let kept: Vec<String> = parts
        .iter()
        .filter(|p| !is_outlet_part(p, outlets))
        .map(|p| strip_outlet_suffix(p, outlets))
        .collect();
    if kept.is_empty() {
        return parts.join(", ");
    }
    kept.join(", ")
}

/// A part without a trailing agency or outlet name, when at least two
/// words of name are left before it.
fn strip_outlet_suffix(part: &str, outlets: &[&str]) -> String {
    let words: Vec<&str> = part.split_whitespace().collect();
    // A one-word agency that is also a surname (Bloomberg) is only
    // dropped after a comma: `Mary Ann Bloomberg` is a name.
    let acronym = |n: &str| n.chars().all(|c| c.is_ascii_uppercase());
    let names = AGENCIES
        .iter()
        .copied()
        .filter(|n| n.contains(' ') || acronym(n))
        .chain(outlets.iter().copied());
    for name in names {
        let n = name.split_whitespace().count();
        if n == 0 || words.len() < n + 2 {
            continue;
        }
        let (head, tail) = words.split_at(words.len() - n);
        // "Lisa Kaczke and", not a name: only cut after a name word.
        let ends_in_name = head
            .last()
            .is_some_and(|w| !CONNECTORS.contains(&w.to_lowercase().as_str()));
        if ends_in_name && same_name(&tail.join(" "), name) {
            return head.join(" ");
        }
    }
    part.to_string()
}

/// Drops job titles after names: `Ben Silverman Games Editor` → `Ben
/// Silverman`, `Ann Lee, Senior Reporter` → `Ann Lee`. Each comma- or
/// `and`-separated part is cut at its first role word; words between the
/// name and the role word (`Games`) go too, a name being taken as two
/// words plus any initials or particles (`Nelson D. Schwartz`).
pub fn strip_roles(s: &str) -> String {
    let is_role = |w: &str| {
        let w = w
            .trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase();
        ROLE_WORDS.contains(&w.as_str())
    };
    let is_filler_word = |w: &str| {
        let bare = w.trim_end_matches('.');
        (bare.chars().count() == 1 && bare.chars().all(char::is_uppercase))
            || matches!(
                w.to_lowercase().as_str(),
                "de" | "da" | "del" | "der" | "van" | "von" | "le" | "la" | "al" | "bin" | "ibn"
            )
    };
    let mut parts: Vec<String> = Vec::new();
    for part in s.split(',') {
        let words: Vec<&str> = part.split_whitespace().collect();
        let Some(role_at) = words.iter().position(|w| is_role(w)) else {
            if !words.is_empty() {
                parts.push(words.join(" "));
            }
            continue;
        };
        if role_at == 0 {
            // "Chief Political Correspondent Jane Doe": the name follows
            // the title; a part that is only a title goes.
            let last = words.iter().rposition(|w| is_role(w)).unwrap_or(0);
            if last + 1 < words.len() {
                parts.push(words[last + 1..].join(" "));
            }
            continue;
        }
        let mut keep = 0;
        let mut names = 0;
        for w in &words[..role_at] {
            if *w == "and" || *w == "&" {
                break;
            }
            keep += 1;
            if !is_filler_word(w) {
                names += 1;
                if names == 2 {
                    break;
                }
            }
        }
        if keep > 0 && names >= 1 {
            parts.push(words[..keep].join(" "));
        }
    }
    parts.join(", ")
}

/// A name printed in capitals in title case: `NATALIYA VASILYEVA` →
/// `Nataliya Vasilyeva`, `MEG KINNARD and ERRIN HAINES` → `Meg Kinnard and
/// Errin Haines`, `SHAUN O'BRIEN-MCDONALD` → `Shaun O'Brien-McDonald`.
/// Only when every word of at least two (connectors aside) is in capitals:
/// a lone acronym (`PTI`) or a mixed-case name stays as printed.
fn title_case_if_capitals(part: &str) -> String {
    let words: Vec<&str> = part.split_whitespace().collect();
    let names: Vec<&&str> = words
        .iter()
        .filter(|w| !CONNECTORS.contains(&w.to_lowercase().as_str()))
        .collect();
    let capitals =
        |w: &str| w.chars().any(char::is_alphabetic) && !w.chars().any(char::is_lowercase);
    let has_word = names
        .iter()
        .any(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 2);
    if names.len() < 2 || !has_word || !names.iter().all(|w| capitals(w)) {
        return part.to_string();
    }
    words
        .iter()
        .map(|w| {
            if CONNECTORS.contains(&w.to_lowercase().as_str()) || is_initials(w) {
                w.to_string()
            } else {
                title_case_word(w)
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// `J.R.` or `D.`: initials stay in capitals.
fn is_initials(w: &str) -> bool {
    w.contains('.')
        && w.split('.')
            .all(|seg| seg.chars().filter(|c| c.is_alphabetic()).count() <= 1)
}

/// `O'BRIEN-MCDONALD` → `O'Brien-McDonald`: a capital after the start, an
/// apostrophe or a hyphen, and after a leading `Mc`.
fn title_case_word(w: &str) -> String {
    let lower = w.to_lowercase();
    let mut out = String::with_capacity(w.len());
    let mut upper_next = true;
    let mut segment = String::new();
    for c in lower.chars() {
        if upper_next && c.is_alphabetic() {
            out.extend(c.to_uppercase());
            segment.clear();
            segment.push(c);
            upper_next = false;
            continue;
        }
        out.push(c);
        segment.push(c);
        upper_next = matches!(c, '\'' | '’' | '-') || (segment == "mc");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn c(s: &str) -> Option<String> {
        clean(s, &[])
    }

    #[test]
    fn leading_by_and_trailing_dates_go() {
        assert_eq!(
            c("  by: Ann Lee\n  November 3, 2019 ").as_deref(),
            Some("Ann Lee")
        );
        assert_eq!(c("Written by Bo Chan and").as_deref(), Some("Bo Chan"));
        assert_eq!(c("Jeff Foust Monday").as_deref(), Some("Jeff Foust"));
        assert_eq!(
            c("Analysis by Chris Cillizza, CNN Editor-at-large").as_deref(),
            Some("Chris Cillizza")
        );
        assert_eq!(c("Текст: Лида Буслаева").as_deref(), Some("Лида Буслаева"));
        assert_eq!(
            c("Finian Cunningham. Sputnik International").as_deref(),
            Some("Finian Cunningham")
        );
        assert_eq!(
            c("Nelson D. Schwartz").as_deref(),
            Some("Nelson D. Schwartz")
        );
    }

    #[test]
    fn non_names_are_rejected() {
        assert_eq!(c("Staff"), None);
        assert_eq!(c("By Staff Writer"), None);
        assert_eq!(c("https://twitter.com/someone"), None);
        assert_eq!(c("devindra"), None);
        assert_eq!(c("Senior Editor"), None);
    }

    #[test]
    fn agencies_jobs_and_credentials_go() {
        for (raw, want) in [
            ("TOM KRISHER, AP Auto Writer", "Tom Krisher"),
            ("By Jane Doe, Staff Writer", "Jane Doe"),
            ("By JANE DOE, Reuters", "Jane Doe"),
            (
                "STEVE PEOPLES, AP National Politics Writer",
                "Steve Peoples",
            ),
            (
                "MEG KINNARD and ERRIN HAINES, Associated Press",
                "Meg Kinnard and Errin Haines",
            ),
            ("Tom Davies Associated Press", "Tom Davies"),
            (
                "Kevin Johnson and Kevin McCoy USA TODAY",
                "Kevin Johnson and Kevin McCoy",
            ),
            ("Sandee LaMotte, CNN", "Sandee LaMotte"),
            ("Jill Disis, CNN Business", "Jill Disis"),
            ("Rachael Link, MS, RD", "Rachael Link"),
            ("Ben Silverman Games Editor", "Ben Silverman"),
            ("By Ann Lee, Senior Reporter", "Ann Lee"),
            ("Chief Political Correspondent Jane Doe", "Jane Doe"),
            ("Stella Kim, Jennifer Jett", "Stella Kim, Jennifer Jett"),
        ] {
            assert_eq!(c(raw).as_deref(), Some(want), "{raw}");
        }
        // An agency alone is the credit.
        assert_eq!(c("Reuters").as_deref(), Some("Reuters"));
        assert_eq!(c("Associated Press").as_deref(), Some("Associated Press"));
        // The page's own site name, with or without a comma.
        let outlets = ["Business Insider", "Florida Today"];
        assert_eq!(
            clean("Tanza Loudenback, Business Insider", &outlets).as_deref(),
            Some("Tanza Loudenback")
        );
        assert_eq!(
            clean("Elliot Brownstein Florida Today", &outlets).as_deref(),
            Some("Elliot Brownstein")
        );
        // A writer called Ani is not the agency ANI, nor is a
        // Bloomberg without a comma the agency.
        assert_eq!(
            c("Jane Doe, Ani Smith").as_deref(),
            Some("Jane Doe, Ani Smith")
        );
        assert_eq!(
            c("Mary Ann Bloomberg").as_deref(),
            Some("Mary Ann Bloomberg")
        );
    }

    #[test]
    fn names_in_capitals_get_title_case() {
        assert_eq!(
            c("NATALIYA VASILYEVA").as_deref(),
            Some("Nataliya Vasilyeva")
        );
        assert_eq!(c("By GILLIAN MOHNEY").as_deref(), Some("Gillian Mohney"));
        assert_eq!(
            c("SHAUN O'BRIEN-MCDONALD").as_deref(),
            Some("Shaun O'Brien-McDonald")
        );
        assert_eq!(c("J.R. SMITH").as_deref(), Some("J.R. Smith"));
        // Acronyms and mixed case stay.
        assert_eq!(c("PTI").as_deref(), Some("PTI"));
        assert_eq!(
            c("Sarah E. Needleman").as_deref(),
            Some("Sarah E. Needleman")
        );
        assert_eq!(c("Marcus De Guzman").as_deref(), Some("Marcus De Guzman"));
    }
}
