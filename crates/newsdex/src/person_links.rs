//! Person links across articles, read from the index: which full name an
//! article's surname alone (`President Trump`) means, by the rule of
//! [`crate::people::link_rule`].
//!
//! Nothing is stored about links themselves. The indexer stores, for every
//! full name, a term under its surname (`n|trump|Donald J. Trump`), and for
//! a one-word name after a gendered title, the title's gender (`c|f|blair`,
//! see `crate::schema`). Here a range scan over `n|<surname>|` finds the
//! archive's full names with a surname and their postings give the number
//! of live articles and their years. So a link is computed from the index
//! as it is at search time: an incremental update that adds a second Trump,
//! or deletes the articles that made one dominant, changes it at once, and
//! `rebuild` gives the same links as the index it replaces.
//!
//! Three callers: a `person:"Full Name"` query adds the articles whose
//! surname alone links to it ([`linked_query`]), `show` says which of an
//! article's people are linked, and why ([`of_article`]), and the `people`
//! list counts linked articles under the full name ([`linked_docs`]).

use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::Mutex;

use chrono::{DateTime, Datelike, Utc};
use tantivy::collector::DocSetCollector;
use tantivy::query::{BooleanQuery, ConstScoreQuery, Occur, Query};
use tantivy::schema::IndexRecordOption;
use tantivy::termdict::TermStreamer;
use tantivy::{DocAddress, DocSet, InvertedIndexReader, Searcher, Term, TERMINATED};

use crate::article::Article;
use crate::error::{Error, Result};
use crate::people::link_rule::{self, Gender, Named, PersonLink, Support};
use crate::people::{name_forms, normalise, Variant};
use crate::schema::Fields;
use crate::terms::{date_range, term_query};

/// Every full name with this surname (normalised: "trump") in the index,
/// with its number of live articles, and by year when `years` is set.
///
/// Without years, a segment with no deletions gives the counts from its
/// term dictionary alone; the postings are walked (and dates read) only for
/// deletions and years: for `person:"Donald Trump"` on the 1x benchmark
/// corpus (12,000 articles name a Trump) walking every posting was a third
/// of the search's instructions.
pub fn names(searcher: &Searcher, f: &Fields, surname: &str, years: bool) -> Result<Vec<Named>> {
    let prefix = link_rule::names_prefix(surname);
    // name -> (articles, year -> articles)
    let mut found: BTreeMap<String, (u32, BTreeMap<i32, u32>)> = BTreeMap::new();
    for segment in searcher.segment_readers() {
        let inverted = segment.inverted_index(f.person_key)?;
        let dates = segment.fast_fields().date("date").map_err(Error::from)?;
        let walk = years || segment.has_deletes();
        let mut stream = with_prefix(&inverted, &prefix)?;
        while stream.advance() {
            let Some(name) = std::str::from_utf8(stream.key())
                .ok()
                .and_then(|k| k.strip_prefix(prefix.as_str()))
            else {
                continue;
            };
            let entry = found.entry(name.to_string()).or_default();
            if !walk {
                entry.0 += stream.value().doc_freq;
                continue;
            }
            let mut postings = inverted
                .read_postings_from_terminfo(stream.value(), IndexRecordOption::Basic)
                .map_err(Error::engine_io)?;
            let mut doc = postings.doc();
            while doc != TERMINATED {
                if !segment.is_deleted(doc) {
                    entry.0 += 1;
                    let year = years
                        .then(|| dates.first(doc))
                        .flatten()
                        .and_then(|d| DateTime::<Utc>::from_timestamp(d.into_timestamp_secs(), 0))
                        .map(|d| d.year());
                    if let Some(y) = year {
                        *entry.1.entry(y).or_default() += 1;
                    }
                }
                doc = postings.advance();
            }
        }
    }
    // A name the archive shows to be a film or a band is no one a surname
    // alone can mean ("Ferdinand" in a football report is not the band
    // Franz Ferdinand).
    let mut things: BTreeMap<String, u32> = BTreeMap::new();
    for name in found.keys() {
        let key = Variant::of(name).key;
        things.insert(
            name.clone(),
            term_articles(searcher, f, &name_forms::thing_term(&key))?,
        );
    }
    Ok(found
        .into_iter()
        .filter(|(_, (n, _))| *n > 0)
        .filter(|(name, (n, _))| !crate::people::mostly_thing(things[name], *n))
        .map(|(name, (articles, years))| Named {
            variant: Variant::of(&name),
            name,
            articles,
            years: years.into_iter().collect(),
        })
        .collect())
}

/// The terms of a segment's field that start with `prefix`, in order.
fn with_prefix<'a>(inverted: &'a InvertedIndexReader, prefix: &str) -> Result<TermStreamer<'a>> {
    let mut upper = prefix.as_bytes().to_vec();
    upper.push(0xFF); // above every UTF-8 continuation of the prefix
    inverted
        .terms()
        .range()
        .ge(prefix.as_bytes())
        .lt(&upper)
        .into_stream()
        .map_err(Error::engine_io)
}

/// Whether deciding a link for `target` (`None`: whichever name dominates)
/// may need counts by year: some title gender it fits does not give it (or
/// any name) the whole archive.
fn needs_years(names: &[Named], target: Option<&Variant>) -> bool {
    [None, Some(Gender::Male), Some(Gender::Female)]
        .into_iter()
        .any(|cue| match target {
            Some(t) => link_rule::fits(t, cue) && link_rule::holds(t, names, cue, None).is_none(),
            None => link_rule::resolve(names, cue, None).is_none(),
        })
}

/// [`names`], with years only when [`needs_years`] says so.
fn names_for(
    searcher: &Searcher,
    f: &Fields,
    surname: &str,
    target: Option<&Variant>,
) -> Result<Vec<Named>> {
    let names = names(searcher, f, surname, false)?;
    if names.is_empty() || !needs_years(&names, target) {
        return Ok(names);
    }
    self::names(searcher, f, surname, true)
}

/// Whether the archive shows the full name `name` to be no person
/// ([`crate::people::mostly_thing`]): how many articles show it to be a
/// firm, place or work against how many name it, in any form, as a person
/// (`term_articles`). Two term lookups a segment; a one-word name is
/// never judged.
pub fn is_thing(searcher: &Searcher, f: &Fields, name: &str) -> Result<bool> {
    if !name.trim().contains(' ') {
        return Ok(false);
    }
    let key = Variant::of(name).key;
    let things = term_articles(searcher, f, &name_forms::thing_term(&key))?;
    let articles = term_articles(searcher, f, &name_forms::key_term(&key))?;
    Ok(crate::people::mostly_thing(things, articles))
}

/// Takes out of an article's people the names the archive shows to be no
/// person ([`is_thing`]), for a search hit, `show` and the API: the film
/// "Vera Drake" is not listed among the people of a review of it.
///
/// What was found is kept for the index generation: a server asks about
/// the same names hit after hit, search after search (a tenth of a broad
/// search's instructions went here).
pub fn drop_things(searcher: &Searcher, f: &Fields, people: &mut Vec<String>) -> Result<()> {
    let mut kept = Vec::with_capacity(people.len());
    for name in people.drain(..) {
        if !is_thing_kept(searcher, f, &name)? {
            kept.push(name);
        }
    }
    *people = kept;
    Ok(())
}

/// Names found to be things or not, for one index generation.
type KnownThings = Option<(tantivy::SearcherGeneration, HashMap<String, bool>)>;
static KNOWN_THINGS: Mutex<KnownThings> = Mutex::new(None);

/// [`is_thing`], remembered for `searcher`'s generation (one generation
/// at a time; a commit starts again): hits and the people lists
/// (`crate::facets`) ask about the same names again and again.
pub fn is_thing_kept(searcher: &Searcher, f: &Fields, name: &str) -> Result<bool> {
    let lock = || KNOWN_THINGS.lock().unwrap_or_else(|e| e.into_inner());
    let generation = searcher.generation();
    if let Some((g, known)) = lock().as_ref() {
        if let Some(&thing) = known.get(name).filter(|_| g == generation) {
            return Ok(thing);
        }
    }
    let thing = is_thing(searcher, f, name)?;
    let mut guard = lock();
    match guard.as_mut() {
        Some((g, known)) if g == generation => {
            known.insert(name.to_string(), thing);
        }
        _ => {
            *guard = Some((
                generation.clone(),
                HashMap::from([(name.to_string(), thing)]),
            ))
        }
    }
    Ok(thing)
}

/// How many articles hold a `person_key` term, over every segment
/// (deleted articles included until their segment is merged).
fn term_articles(searcher: &Searcher, f: &Fields, text: &str) -> Result<u32> {
    let term = Term::from_field_text(f.person_key, text);
    let mut n = 0u32;
    for segment in searcher.segment_readers() {
        let inverted = segment.inverted_index(f.person_key)?;
        n = n.saturating_add(inverted.doc_freq(&term).map_err(Error::engine_io)?);
    }
    Ok(n)
}

/// How many articles name a full name whose first word is `word`: how
/// often the archive uses it as a given name (deleted articles included,
/// until their segment is merged).
pub fn given_uses(searcher: &Searcher, f: &Fields, word: &str) -> Result<u32> {
    let prefix = link_rule::given_prefix(word);
    let mut n = 0u32;
    for segment in searcher.segment_readers() {
        let inverted = segment.inverted_index(f.person_key)?;
        let mut stream = with_prefix(&inverted, &prefix)?;
        while stream.advance() {
            n = n.saturating_add(stream.value().doc_freq);
        }
    }
    Ok(n)
}

fn term(f: &Fields, text: &str) -> Box<dyn Query> {
    term_query(f.person_key, text, IndexRecordOption::WithFreqs)
}

/// The articles whose surname alone links to `target` (a full name), as a
/// query: the articles that name a one-word person with the surname, name
/// no full name with it, and carry a title's gender and a year for which
/// `target` dominates the surname. `None` when no article can link.
pub fn linked_query(
    searcher: &Searcher,
    f: &Fields,
    target: &Variant,
) -> Result<Option<Box<dyn Query>>> {
    let Some(surname) = link_rule::surname(target) else {
        return Ok(None);
    };
    let names = names_for(searcher, f, surname, Some(target))?;
    if names.is_empty() {
        return Ok(None);
    }
    let surname_uses: u32 = names.iter().map(|n| n.articles).sum();
    let first_name_like = !link_rule::may_link(
        link_rule::Cue::default(),
        given_uses(searcher, f, surname)?,
        surname_uses,
    );
    let years: Vec<i32> = {
        let mut y: Vec<i32> = names
            .iter()
            .flat_map(|n| n.years.iter().map(|(y, _)| *y))
            .collect();
        y.sort_unstable();
        y.dedup();
        y
    };
    let mut scopes: Vec<Box<dyn Query>> = Vec::new();
    for cue in [None, Some(Gender::Male), Some(Gender::Female)] {
        let when: Option<Box<dyn Query>> = if link_rule::holds(target, &names, cue, None).is_some()
        {
            None
        } else {
            let ranges: Vec<(Occur, Box<dyn Query>)> = years
                .iter()
                .filter(|&&y| link_rule::holds(target, &names, cue, Some(y)).is_some())
                .map(|&y| (Occur::Should, year_range(f, y)))
                .collect();
            if ranges.is_empty() {
                continue;
            }
            Some(Box::new(BooleanQuery::new(ranges)))
        };
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = vec![
            (Occur::Must, term(f, &name_forms::key_term(surname))),
            (Occur::MustNot, term(f, &link_rule::surname_term(surname))),
            (
                Occur::MustNot,
                term(f, &link_rule::given_title_term(surname)),
            ),
        ];
        if first_name_like {
            clauses.push((
                Occur::Must,
                filter(term(f, &link_rule::surname_title_term(surname))),
            ));
        }
        match cue {
            None => {
                for g in [Gender::Male, Gender::Female] {
                    clauses.push((Occur::MustNot, term(f, &link_rule::cue_term(g, surname))));
                }
            }
            Some(g) => clauses.push((
                Occur::Must,
                filter(term(f, &link_rule::cue_term(g, surname))),
            )),
        }
        if let Some(q) = when {
            clauses.push((Occur::Must, filter(q)));
        }
        scopes.push(Box::new(BooleanQuery::new(clauses)));
    }
    Ok(match scopes.len() {
        0 => None,
        1 => scopes.pop(),
        _ => Some(Box::new(BooleanQuery::new(
            scopes.into_iter().map(|q| (Occur::Should, q)).collect(),
        ))),
    })
}

/// A clause that selects without scoring: only the surname's mentions
/// rank a linked article.
fn filter(q: Box<dyn Query>) -> Box<dyn Query> {
    Box::new(ConstScoreQuery::new(q, 0.0))
}

/// Articles dated in one year.
fn year_range(f: &Fields, year: i32) -> Box<dyn Query> {
    let start = |y: i32| {
        chrono::NaiveDate::from_ymd_opt(y, 1, 1)
            .and_then(|d| d.and_hms_opt(0, 0, 0))
            .map(|d| d.and_utc())
    };
    date_range(f.date, start(year), start(year + 1))
}

/// The full names a one-word name (`Trump`, as an article's people list
/// it) links to across the archive, each with the articles that name it
/// so: one per title gender that links elsewhere (`Mr Blair`, `Mrs
/// Blair`), sorted, each article under the first full name only. For the
/// `people` list (`crate::facets::people`), which keeps them for the index
/// generation (they depend on the index alone) and counts the ones each
/// query matches.
pub fn linked_docs(
    searcher: &Searcher,
    f: &Fields,
    name: &str,
) -> Result<Vec<(String, Vec<DocAddress>)>> {
    let key = Variant::of(name).key;
    if key.is_empty() || key.contains(' ') {
        return Ok(Vec::new());
    }
    let names = names(searcher, f, &key, false)?;
    let mut targets: Vec<String> = Vec::new();
    for cue in [None, Some(Gender::Male), Some(Gender::Female)] {
        if let Some((person, _)) = link_rule::resolve(&names, cue, None) {
            if !targets.contains(&person) {
                targets.push(person);
            }
        }
    }
    let mut seen: HashSet<DocAddress> = HashSet::new();
    let mut out = Vec::new();
    for person in targets {
        let Some(q) = linked_query(searcher, f, &Variant::of(&person))? else {
            continue;
        };
        let mut docs: Vec<DocAddress> = searcher
            .search(&*q, &DocSetCollector)?
            .into_iter()
            .filter(|d| seen.insert(*d))
            .collect();
        docs.sort_unstable();
        if !docs.is_empty() {
            out.push((person, docs));
        }
    }
    Ok(out)
}

/// Fills in which of the article's one-word people the archive links to
/// a full name ([`of_article`]), for `show` and the API, and leaves out
/// the names the archive shows to be films, bands or firms
/// ([`drop_things`]).
pub fn complete(searcher: &Searcher, f: &Fields, article: &mut Article) -> Result<()> {
    drop_things(searcher, f, &mut article.people)?;
    article.person_links = of_article(searcher, f, article)?;
    Ok(())
}

/// Which of an article's one-word people link to a full name elsewhere in
/// the archive. The article's own full names keep their surnames: a
/// surname it also gives in full is not linked.
pub fn of_article(searcher: &Searcher, f: &Fields, article: &Article) -> Result<Vec<PersonLink>> {
    let own: Vec<Variant> = article.people.iter().map(|n| Variant::of(n)).collect();
    let people = crate::people::extract(&article.title, &article.body, article.language.as_deref());
    let year = article.date.map(|d| d.year());
    let mut out = Vec::new();
    for (name, v) in article.people.iter().zip(&own) {
        if v.key.contains(' ') || v.key.is_empty() {
            continue;
        }
        if own
            .iter()
            .any(|o| link_rule::surname(o) == Some(v.key.as_str()))
        {
            continue;
        }
        let cue = people
            .iter()
            .find(|p| normalise(&p.name) == v.key)
            .map(|p| link_rule::cue(&article.title, &article.body, p))
            .unwrap_or_default();
        let names = names_for(searcher, f, &v.key, None)?;
        let surname_uses = names.iter().map(|n| n.articles).sum();
        if !link_rule::may_link(cue, given_uses(searcher, f, &v.key)?, surname_uses) {
            continue;
        }
        if let Some((
            person,
            Support {
                articles,
                others,
                year,
            },
        )) = link_rule::resolve(&names, cue.gender, year)
        {
            out.push(PersonLink {
                name: name.clone(),
                person,
                inferred: true,
                articles,
                others,
                year,
            });
        }
    }
    Ok(out)
}
