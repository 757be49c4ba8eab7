//! What counting needs to know of the whole index, read once per index
//! generation (tantivy's `SearcherGeneration`: the same segments and
//! deletions) and kept until the next commit: each person's name once,
//! with its [`Variant`], and each article's people as numbers (read when
//! people are first counted: a timeline or a list of sources on the
//! command line does not wait for them); each article's story as a small
//! number (`crate::stories::numbers`); and, filled in as queries ask, which
//! articles a surname alone links to a full name
//! ([`crate::person_links::linked_docs`]), and the answers for the whole
//! archive (the landing page's sidebar, the people list without a query),
//! which only a commit changes. Which names are things is remembered by
//! [`crate::person_links::is_thing_kept`], for hits and lists alike.
//!
//! So a query's count is a pass over its matching doc ids adding ones in
//! arrays: on the 1x benchmark corpus (60,000 articles) the people of `the`
//! took 4.6 s when every count went through a hash map of names and every
//! name was read from the column's compressed dictionary on its own.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, MutexGuard, OnceLock};

use tantivy::{DocAddress, Searcher, SearcherGeneration};

use super::{Facets, Matches, ValueCount};
use crate::error::{Error, Result};
use crate::hashing::FastMap;
use crate::people::name_forms::{group_forms, group_sorted};
use crate::people::Variant;
use crate::schema::Fields;

/// How many generations are kept: a server has one live index, tests
/// several small ones at once.
const KEPT: usize = 4;

/// The archives of the last [`KEPT`] generations, most recent last.
static CACHE: Mutex<Vec<(SearcherGeneration, Arc<Archive>)>> = Mutex::new(Vec::new());

/// A lock that a panicking holder left poisoned still guards valid data:
/// every value is written whole.
fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

/// The full names a one-word name links to, each with its articles.
type Linked = Vec<(String, Vec<DocAddress>)>;

/// In [`Table::keys`]: a name whose key no other name has.
const ALONE: u32 = u32::MAX;

/// Answers for the whole archive, by the arguments that shape them.
#[derive(Default)]
struct Everything {
    /// `facets` with no criteria, by (all copies, limit).
    facets: HashMap<(bool, usize), Facets>,
    /// `people` with no criteria, by (all copies, limit): total and list.
    people: HashMap<(bool, usize), (u64, Vec<ValueCount>)>,
}

/// What the people list needs of every name and article, for one index
/// generation.
struct Table {
    /// The `person` column: each name once (its id is its place there) and
    /// each article's name ids; also what the facet count of people reads
    /// ([`Archive::values`]).
    names: Arc<Values>,
    /// Each name's [`Variant`], by name id.
    variants: Vec<Variant>,
    /// Name ids in alphabetical order.
    by_rank: Vec<u32>,
    // Arrays by name id, apart from the names so that a pass over every
    // name reads little memory.
    /// Place in the alphabetical order of every name: ties in a list are
    /// broken by name, and comparing numbers is cheaper than comparing
    /// strings.
    ranks: Vec<u32>,
    /// One word: a surname alone, which may link to a full name.
    bare: Vec<bool>,
    /// Index into `shared_keys` when other names share the key, else
    /// [`ALONE`].
    keys: Vec<u32>,
    /// Name ids by key, for the keys that more than one name has.
    shared_keys: Vec<Vec<u32>>,
    links: Mutex<FastMap<u32, Arc<Linked>>>,
}

/// The archive-wide tables for one index generation: the people's, read
/// when a count of people first needs them (a timeline or a list of
/// sources does not), and the answers for the whole archive.
pub(super) struct Archive {
    table: OnceLock<Table>,
    days: OnceLock<Days>,
    /// Keyword columns' [`Values`], by column name, read as counts ask.
    values: Mutex<FastMap<&'static str, Arc<Values>>>,
    everything: Mutex<Everything>,
}

/// Each article's values of one keyword column (people, sections,
/// sources, bylines, languages) as numbers, for one index generation: a count adds
/// ones in an array instead of reading each matching article's values from
/// the column (on the 1x corpus, a sixth of a broad search on the page).
pub(super) struct Values {
    /// The distinct values, as stored (folded).
    pub(super) values: Vec<String>,
    /// Each value's id (its place in `values`).
    by_value: FastMap<String, u32>,
    /// By segment: `ids[starts[doc]..starts[doc + 1]]` are the doc's
    /// values, as indexes into `values`.
    segments: Vec<(Vec<u32>, Vec<u32>)>,
}

impl Values {
    fn read(searcher: &Searcher, column: &str) -> Result<Values> {
        let mut values = Vec::new();
        let mut by_value: FastMap<String, u32> = FastMap::default();
        let segments = column_numbers(searcher, column, |text| {
            *by_value.entry(text).or_insert_with_key(|text| {
                values.push(text.clone());
                values.len() as u32 - 1
            })
        })?;
        Ok(Values {
            values,
            by_value,
            segments,
        })
    }

    /// The id of `value`, if an article has it.
    fn id(&self, value: &str) -> Option<u32> {
        self.by_value.get(value).copied()
    }

    /// How many documents segment `segment` has (deleted ones included).
    fn docs(&self, segment: u32) -> usize {
        self.segments[segment as usize].0.len() - 1
    }

    /// The value ids of `doc` in segment `segment`.
    pub(super) fn of(&self, segment: u32, doc: u32) -> &[u32] {
        let (starts, ids) = &self.segments[segment as usize];
        match (starts.get(doc as usize), starts.get(doc as usize + 1)) {
            (Some(&from), Some(&to)) => &ids[from as usize..to as usize],
            _ => &[],
        }
    }
}

/// In [`Days::by_doc`]: an article with no date (or one out of range).
pub(super) const UNDATED: u32 = u32::MAX;

/// Each article's own day (`local_date`) as a small number, for one index
/// generation: a timeline adds ones in an array instead of reading each
/// matching article's date and hashing its day (on the 1x corpus, a tenth
/// of a broad search on the page).
pub(super) struct Days {
    /// By segment, by doc: the index of the article's day in `days`, or
    /// [`UNDATED`].
    pub(super) by_doc: Vec<Vec<u32>>,
    /// The distinct days, as days since 1970.
    pub(super) days: Vec<i64>,
}

impl Days {
    fn read(searcher: &Searcher) -> Result<Days> {
        // The seconds a date can have (chrono's range).
        let valid = chrono::DateTime::<chrono::Utc>::MIN_UTC.timestamp()
            ..=chrono::DateTime::<chrono::Utc>::MAX_UTC.timestamp();
        let mut index: FastMap<i64, u32> = FastMap::default();
        let mut days = Vec::new();
        let mut by_doc = Vec::new();
        for segment in searcher.segment_readers() {
            let dates = segment
                .fast_fields()
                .date("local_date")
                .map_err(Error::from)?;
            let ids = (0..segment.max_doc())
                .map(|doc| {
                    let secs = dates.first(doc).map(|d| d.into_timestamp_secs());
                    match secs.filter(|s| valid.contains(s)) {
                        Some(s) => *index
                            .entry(s.div_euclid(86_400))
                            .or_insert_with_key(|&day| {
                                days.push(day);
                                days.len() as u32 - 1
                            }),
                        None => UNDATED,
                    }
                })
                .collect();
            by_doc.push(ids);
        }
        Ok(Days { by_doc, days })
    }
}

/// The archive of `searcher`'s generation, read now if it is not kept.
pub(super) fn of(searcher: &Searcher) -> Result<Arc<Archive>> {
    let mut cache = lock(&CACHE);
    if let Some(i) = cache.iter().position(|(g, _)| g == searcher.generation()) {
        let entry = cache.remove(i);
        let archive = entry.1.clone();
        cache.push(entry);
        return Ok(archive);
    }
    let archive = Arc::new(Archive {
        table: OnceLock::new(),
        days: OnceLock::new(),
        values: Mutex::default(),
        everything: Mutex::default(),
    });
    if cache.len() == KEPT {
        cache.remove(0);
    }
    cache.push((searcher.generation().clone(), archive.clone()));
    Ok(archive)
}

/// Keeps the first document of each story in `docs` (in index order),
/// by the story numbers of the generation (`crate::stories::numbers`).
pub(super) fn one_per_story(searcher: &Searcher, docs: &mut Matches) -> Result<()> {
    let numbers = crate::stories::numbers(searcher)?;
    let mut seen = vec![false; numbers.stories];
    for (&segment, ids) in docs.iter_mut() {
        let stories = &numbers.segments[segment as usize];
        // A document without a story stands alone.
        ids.retain(|&doc| match stories[doc as usize] {
            crate::stories::NO_STORY => true,
            story => !std::mem::replace(&mut seen[story as usize], true),
        });
    }
    Ok(())
}

/// Each segment's values of the keyword column `column` as numbers,
/// `(starts, ids)`: `ids[starts[doc]..starts[doc + 1]]` are the doc's
/// values, numbered by `id_of` (given each distinct value of a segment
/// once, in the dictionary's order).
fn column_numbers(
    searcher: &Searcher,
    column: &str,
    mut id_of: impl FnMut(String) -> u32,
) -> Result<Vec<(Vec<u32>, Vec<u32>)>> {
    let mut segments = Vec::new();
    for segment in searcher.segment_readers() {
        let max = segment.max_doc();
        let mut starts = Vec::with_capacity(max as usize + 1);
        let mut ids = Vec::new();
        starts.push(0);
        if let Some(col) = segment.fast_fields().str(column).map_err(Error::from)? {
            // One pass over the dictionary: looking up each ordinal
            // decompresses its block again.
            let mut of_ord = Vec::with_capacity(col.num_terms());
            let mut stream = col.dictionary().stream().map_err(Error::engine_io)?;
            while stream.advance() {
                of_ord.push(id_of(String::from_utf8_lossy(stream.key()).into_owned()));
            }
            for doc in 0..max {
                ids.extend(col.term_ords(doc).map(|o| of_ord[o as usize]));
                starts.push(ids.len() as u32);
            }
        } else {
            starts.resize(max as usize + 1, 0);
        }
        segments.push((starts, ids));
    }
    Ok(segments)
}

impl Table {
    fn read(searcher: &Searcher) -> Result<Table> {
        let names = Arc::new(Values::read(searcher, "person")?);
        let variants: Vec<Variant> = names.values.iter().map(|t| Variant::of(t)).collect();
        let texts = &names.values;
        let mut order: Vec<u32> = (0..texts.len() as u32).collect();
        order.sort_unstable_by(|&a, &b| texts[a as usize].cmp(&texts[b as usize]));
        let mut ranks = vec![0u32; texts.len()];
        for (rank, &id) in order.iter().enumerate() {
            ranks[id as usize] = rank as u32;
        }
        let mut by_key: FastMap<&str, Vec<u32>> = FastMap::default();
        for (id, variant) in variants.iter().enumerate() {
            by_key.entry(&variant.key).or_default().push(id as u32);
        }
        let shared_keys: Vec<Vec<u32>> = by_key.into_values().filter(|ids| ids.len() > 1).collect();
        let mut keys = vec![ALONE; texts.len()];
        for (k, ids) in shared_keys.iter().enumerate() {
            for &id in ids {
                keys[id as usize] = k as u32;
            }
        }
        let bare = texts.iter().map(|t| !t.trim().contains(' ')).collect();
        Ok(Table {
            names,
            variants,
            by_rank: order,
            ranks,
            bare,
            keys,
            shared_keys,
            links: Mutex::default(),
        })
    }
}

impl Archive {
    /// The values of the keyword column `column` ([`Values`]), read now if
    /// this generation has not read them.
    pub(super) fn values(&self, searcher: &Searcher, column: &'static str) -> Result<Arc<Values>> {
        // The people table holds the person column already.
        if column == "person" {
            return Ok(self.table(searcher)?.names.clone());
        }
        if let Some(values) = lock(&self.values).get(column) {
            return Ok(values.clone());
        }
        // Read without the lock: another column's count need not wait.
        let read = Arc::new(Values::read(searcher, column)?);
        Ok(lock(&self.values).entry(column).or_insert(read).clone())
    }

    /// The articles' days ([`Days`]), read now if this generation has not
    /// read them.
    pub(super) fn days(&self, searcher: &Searcher) -> Result<&Days> {
        if let Some(days) = self.days.get() {
            return Ok(days);
        }
        let read = Days::read(searcher)?;
        Ok(self.days.get_or_init(|| read))
    }

    /// The people's table, read now if it is not yet.
    fn table(&self, searcher: &Searcher) -> Result<&Table> {
        if let Some(table) = self.table.get() {
            return Ok(table);
        }
        // Two requests may read it at once: one keeps its copy.
        let _ = self.table.set(Table::read(searcher)?);
        Ok(self.table.get().expect("just set"))
    }

    /// The people of `docs`, most first ([`Table::people`]).
    pub(super) fn people(
        &self,
        searcher: &Searcher,
        fields: &Fields,
        docs: &Matches,
        limit: usize,
        links: bool,
    ) -> Result<Vec<ValueCount>> {
        self.table(searcher)?
            .people(searcher, fields, docs, limit, links)
    }

    /// The `facets` answer for the whole archive, when kept.
    pub(super) fn facets_of_all(&self, all_copies: bool, limit: usize) -> Option<Facets> {
        lock(&self.everything)
            .facets
            .get(&(all_copies, limit))
            .cloned()
    }

    /// Keeps the `facets` answer for the whole archive.
    pub(super) fn keep_facets_of_all(&self, all_copies: bool, limit: usize, facets: &Facets) {
        lock(&self.everything)
            .facets
            .insert((all_copies, limit), facets.clone());
    }

    /// The `people` answer for the whole archive, when kept.
    pub(super) fn people_of_all(
        &self,
        all_copies: bool,
        limit: usize,
    ) -> Option<(u64, Vec<ValueCount>)> {
        lock(&self.everything)
            .people
            .get(&(all_copies, limit))
            .cloned()
    }

    /// Keeps the `people` answer for the whole archive.
    pub(super) fn keep_people_of_all(
        &self,
        all_copies: bool,
        limit: usize,
        people: &(u64, Vec<ValueCount>),
    ) {
        lock(&self.everything)
            .people
            .insert((all_copies, limit), people.clone());
    }
}

impl Table {
    /// The people of `docs`, most first: one line per person (the forms
    /// of a name together, `group_forms`), without the names the archive
    /// shows to be no person; with `links`, surnames alone counted under
    /// the full names they link to.
    fn people(
        &self,
        searcher: &Searcher,
        fields: &Fields,
        docs: &Matches,
        limit: usize,
        links: bool,
    ) -> Result<Vec<ValueCount>> {
        let mut counts = vec![0u64; self.names.values.len()];
        for (&segment, ids) in docs {
            for &doc in ids {
                for &id in self.names.of(segment, doc) {
                    counts[id as usize] += 1;
                }
            }
        }
        if let Some(empty) = self.names.id("") {
            counts[empty as usize] = 0;
        }
        let mut extra: Vec<(String, u64)> = Vec::new();
        if links {
            self.fold_links(searcher, fields, docs, &mut counts, &mut extra)?;
        }
        if !extra.is_empty() {
            // A linked full name no article writes: rare enough for the
            // plain way.
            let named = (0..self.names.values.len())
                .filter(|&id| counts[id] > 0)
                .map(|id| (self.names.values[id].clone(), counts[id]))
                .chain(extra)
                .collect();
            let grouped = group_forms(named);
            return self.without_things(searcher, fields, grouped, limit);
        }
        // Only the head of the list is sorted, deeper while names in it
        // are left out.
        let mut head = limit.saturating_mul(4).saturating_add(32);
        loop {
            let (groups, complete) = self.groups(&counts, head);
            // Most articles first, ties by name, as one number each.
            let mut groups: Vec<u64> = groups
                .into_iter()
                .map(|(id, n)| self.order_key(id, n))
                .collect();
            if head >= groups.len() {
                groups.sort_unstable();
            } else {
                groups.select_nth_unstable(head);
                groups[..head].sort_unstable();
            }
            let shown = groups[..head.min(groups.len())]
                .iter()
                .map(|&key| {
                    let (id, n) = self.of_order_key(key);
                    (self.names.values[id as usize].clone(), n)
                })
                .collect();
            let kept = self.without_things(searcher, fields, shown, limit)?;
            if (complete && head >= groups.len()) || kept.len() == limit {
                return Ok(kept);
            }
            head = head.saturating_mul(4);
        }
    }

    /// A number that orders (name, articles) most articles first, ties by
    /// name: the count's complement above the name's rank.
    fn order_key(&self, id: u32, articles: u64) -> u64 {
        let n = articles.min(u64::from(u32::MAX) - 1);
        (u64::from(u32::MAX) - n) << 32 | u64::from(self.ranks[id as usize])
    }

    /// The name id and count an [`Table::order_key`] stands for.
    fn of_order_key(&self, key: u64) -> (u32, u64) {
        let id = self.by_rank[(key & u64::from(u32::MAX)) as usize];
        (id, u64::from(u32::MAX) - (key >> 32))
    }

    /// The groups of forms of the counted names, each under the id of the
    /// name that names it ([`group_sorted`], key by key), with whether
    /// they are all of them: those that may be among the `head` most
    /// counted, at least. A name no other shares a key with is a group
    /// of its own, and a shared key has a group at least as large as its
    /// most counted name: `head` of these set a floor, and a key whose
    /// names add up to less has no group above it. The most mentioned
    /// people of `the` on the 1x corpus are among 81,000 groups; grouping
    /// every key took longer than counting.
    fn groups(&self, counts: &[u64], head: usize) -> (Vec<(u32, u64)>, bool) {
        let mut sure: Vec<u64> = Vec::new();
        let (mut best, mut sum) = (
            vec![0u64; self.shared_keys.len()],
            vec![0u64; self.shared_keys.len()],
        );
        for (id, &n) in counts.iter().enumerate() {
            match self.keys[id] {
                _ if n == 0 => {}
                ALONE => sure.push(n),
                k => {
                    best[k as usize] = best[k as usize].max(n);
                    sum[k as usize] += n;
                }
            }
        }
        sure.extend(best.iter().copied().filter(|&n| n > 0));
        let floor = match head.checked_sub(1) {
            Some(nth) if nth < sure.len() => *sure.select_nth_unstable_by(nth, |a, b| b.cmp(a)).1,
            _ => 0,
        };
        let mut out: Vec<(u32, u64)> = counts
            .iter()
            .enumerate()
            .filter(|&(id, &n)| n > 0 && n >= floor && self.keys[id] == ALONE)
            .map(|(id, &n)| (id as u32, n))
            .collect();
        for (k, ids) in self.shared_keys.iter().enumerate() {
            if sum[k] == 0 || sum[k] < floor {
                continue;
            }
            let mut named: Vec<(u32, u64)> = ids
                .iter()
                .filter(|&&id| counts[id as usize] > 0)
                .map(|&id| (id, counts[id as usize]))
                .collect();
            if let [one] = named.as_slice() {
                out.push(*one);
                continue;
            }
            named.sort_unstable_by_key(|&(id, n)| self.order_key(id, n));
            out.extend(group_sorted(
                named
                    .into_iter()
                    .map(|(id, n)| (id, n, &self.variants[id as usize])),
            ));
        }
        (out, floor <= 1)
    }

    /// Moves the counts of the [`super::LINKED_NAMES`] most counted
    /// one-word names to the full names they link to, article by article
    /// (to `extra` for a full name no article writes).
    fn fold_links(
        &self,
        searcher: &Searcher,
        fields: &Fields,
        docs: &Matches,
        counts: &mut [u64],
        extra: &mut Vec<(String, u64)>,
    ) -> Result<()> {
        let mut bare: Vec<u32> = (0..self.names.values.len() as u32)
            .filter(|&id| counts[id as usize] > 0 && self.bare[id as usize])
            .collect();
        let key = |id: &u32| self.order_key(*id, counts[*id as usize]);
        if bare.len() > super::LINKED_NAMES {
            bare.select_nth_unstable_by_key(super::LINKED_NAMES, key);
            bare.truncate(super::LINKED_NAMES);
        }
        bare.sort_unstable_by_key(key);
        let matched: Vec<Vec<bool>> = (0..self.names.segments.len() as u32)
            .map(|s| {
                let mut m = vec![false; self.names.docs(s)];
                for &doc in docs.get(&s).map(Vec::as_slice).unwrap_or(&[]) {
                    m[doc as usize] = true;
                }
                m
            })
            .collect();
        for id in bare {
            for (person, linked) in self.links(searcher, fields, id)?.iter() {
                let moved = linked
                    .iter()
                    .filter(|d| matched[d.segment_ord as usize][d.doc_id as usize])
                    .count() as u64;
                if moved == 0 {
                    continue;
                }
                let c = &mut counts[id as usize];
                *c -= moved.min(*c);
                match self.names.id(person) {
                    Some(to) => counts[to as usize] += moved,
                    None => match extra.iter_mut().find(|(n, _)| n == person) {
                        Some((_, n)) => *n += moved,
                        None => extra.push((person.clone(), moved)),
                    },
                }
            }
        }
        Ok(())
    }

    /// The articles in which the one-word name `id` links to full names
    /// ([`crate::person_links::linked_docs`]), looked up once.
    fn links(&self, searcher: &Searcher, fields: &Fields, id: u32) -> Result<Arc<Linked>> {
        if let Some(found) = lock(&self.links).get(&id) {
            return Ok(found.clone());
        }
        let text = &self.names.values[id as usize];
        let found = Arc::new(crate::person_links::linked_docs(searcher, fields, text)?);
        lock(&self.links).insert(id, found.clone());
        Ok(found)
    }

    /// The first `limit` of a list of people, most articles first, without
    /// the names the archive shows to be films, bands or firms
    /// ([`crate::person_links::is_thing_kept`], looked up once a name and
    /// generation).
    fn without_things(
        &self,
        searcher: &Searcher,
        fields: &Fields,
        grouped: Vec<(String, u64)>,
        limit: usize,
    ) -> Result<Vec<ValueCount>> {
        let mut kept = Vec::with_capacity(limit.min(grouped.len()));
        for (name, articles) in grouped {
            if kept.len() == limit {
                break;
            }
            if !crate::person_links::is_thing_kept(searcher, fields, &name)? {
                kept.push(ValueCount { name, articles });
            }
        }
        Ok(kept)
    }
}
