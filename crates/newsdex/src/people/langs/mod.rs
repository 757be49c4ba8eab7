//! People in German and Russian articles, and the languages that get none.
//!
//! The English rules of the parent module read capitalised runs, English
//! titles and speech verbs; in German every noun is capitalised (`Millionen
//! Euro`, `Die Regierung`) and in Russian a name changes its ending with its
//! case (`Путина`, `Путину`). Each of the two languages has a rule set
//! ([`de`], [`ru`]) that one small engine here runs:
//!
//! 1. **Tokens**: words with byte offsets, capitalisation, and whether
//!    punctuation or a sentence end stands before them.
//! 2. **Runs**: capitalised words joined by spaces (an initial's full stop
//!    and name particles such as `van der` or `аль` kept), split at stop
//!    words (`Die`, `Ранее`), at words naming places or things (`Stadt`,
//!    `России`) and at titles; a title (`Vizekanzler`, `ÖVP-Chef`,
//!    `президент`) before a run is cut off and counts as evidence.
//! 3. **Evidence**: a run of two words or more is a person when a title or
//!    honorific stands before it, when its first word is a known given name,
//!    when a speech cue, a party or an age in brackets stands beside it, or
//!    when the language's own shape rules say so (a Russian patronymic or
//!    surname ending; a German run of no noun-like word whose last word recurs
//!    alone). A lone word is a person only after a title (or, in Russian,
//!    with a surname's ending), else it only links to a full name.
//! 4. **Resolution**: words are compared by their language's stem, so case
//!    forms of one name merge (`Владимира Путина` and `Путину` → `Владимир
//!    Путин`), a lone surname or given name links to the one full name that
//!    fits, and the canonical name is written in the nominative.
//!
//! [`Rules::for_code`] says which languages get which rules.

mod de;
mod ru;

use super::{Extraction, Field, Mention, Person};
use std::collections::HashMap;

/// The rules an article's language gets.
pub(super) enum Rules {
    /// The English rules (English, unknown, other Latin-alphabet languages).
    English,
    /// German or Russian rules run by this module's engine.
    Other(&'static dyn Lang),
    /// No people: a script without capitals or a language not measured.
    None,
}

/// Languages whose articles get no people: scripts without capital
/// letters (Arabic, Hebrew, Persian, Chinese, Japanese, Korean, Thai, the
/// Indic scripts ...) and alphabets with capitals that no rule set here was
/// measured on (Greek, the Cyrillic languages other than Russian,
/// Georgian, Armenian). The English rules would report junk or nothing there.
const NO_PEOPLE: &[&str] = &[
    "ar", "fa", "ur", "ps", "he", "yi", "zh", "ja", "ko", "th", "lo", "km", "my", "hi", "bn", "ta",
    "te", "ml", "kn", "mr", "gu", "pa", "si", "ne", "am", "ti", "dv", "bo", "el", "uk", "be", "bg",
    "sr", "mk", "kk", "ky", "tg", "mn", "tt", "ba", "ka", "hy",
];

impl Rules {
    /// The rules for an ISO 639-1 code (case-insensitive; a region such as
    /// `de-AT` is ignored). `None` and codes no list here names get the
    /// English rules, as every article did before languages were known.
    pub(super) fn for_code(lang: Option<&str>) -> Rules {
        let Some(code) = lang else {
            return Rules::English;
        };
        let code = code.trim().to_ascii_lowercase();
        let base = code.split(['-', '_']).next().unwrap_or_default();
        match base {
            "de" => Rules::Other(&de::German),
            "ru" => Rules::Other(&ru::Russian),
            b if NO_PEOPLE.contains(&b) => Rules::None,
            _ => Rules::English,
        }
    }
}

/// A language's word lists and shape rules, as the engine asks for them.
/// Words are passed lower-cased unless a method says otherwise.
pub(super) trait Lang: Sync {
    /// A title, office, role or honorific that stands before a name
    /// (`vizekanzler`, `övp-chef`, `frau`, `президента`).
    fn title(&self, lower: &str) -> bool;
    /// A word that is never part of a name: determiners, pronouns,
    /// sentence adverbs, months, common nouns (`die`, `millionen`, `ранее`).
    fn stop(&self, lower: &str) -> bool;
    /// A word that names a place, an organisation or a thing, never a person
    /// (`stadt`, `regierung`, `россии`).
    fn thing(&self, lower: &str) -> bool;
    /// A lower-case particle inside a name (`van`, `der` after `van`, `аль`).
    fn particle(&self, lower: &str, prev_lower: &str) -> bool;
    /// A known given name, in any case form (`reinhold`, `владимира`).
    fn given(&self, lower: &str) -> bool;
    /// A word right before a name that shows it is a person (`sagte`, `laut`).
    fn cue_before(&self, lower: &str) -> bool;
    /// A word right after a name that shows it is a person (`sagte`,
    /// `заявил`).
    fn cue_after(&self, lower: &str) -> bool;
    /// Shape evidence of a run that has no other (a Russian patronymic or
    /// surname ending, or two or three proper nouns inside a sentence;
    /// German: none). `words` as written; `sent_start` when the run opens a
    /// sentence.
    fn shape(&self, words: &[&str], sent_start: bool) -> bool;
    /// Whether a lone word after a title must recur in the field to be a
    /// person (German, where `der Musiker Gewalt` is a title and a noun).
    fn recurrence_counts(&self) -> bool;
    /// How far back (in words) a title still counts for a run: one in
    /// German (`Außenminister Sergej Lawrow`), more in Russian (`министр
    /// иностранных дел России Сергей Лавров`).
    fn title_reach(&self) -> usize;
    /// Whether a word is common, not name-like, given the article's own
    /// vocabulary (`vocab`: words the article writes in lower case, and in
    /// German words it writes after a determiner).
    fn wordish(&self, lower: &str, vocab: &Vocab) -> bool;
    /// A lone capitalised word that is a person on its own shape (a
    /// Russian surname ending, or a given name inside a sentence); German:
    /// never. `sent_start` when it opens a sentence.
    fn lone_surname(&self, word: &str, sent_start: bool) -> bool;
    /// Whether a run is cut before a given name that follows `prev` (`России
    /// Владимир Путин`, `Ельцина Наина Иосифовна`).
    fn split_before_given(&self, prev_lower: &str, vocab: &Vocab) -> bool;
    /// Whether a sentence's capitalised first word is an ordinary word
    /// before the name `next` (`Песенки Вертинского`, `Старик Козлодоев`).
    fn opener(&self, first_lower: &str, next: &str) -> bool;
    /// A surname whose ending no plural noun has, a person even when named
    /// once (`Ющенко`); German: none.
    fn distinct_surname(&self, word: &str) -> bool;
    /// A lower-case noun after which a capitalised word names a place
    /// (`штата Аризона`, `города Тусон`).
    fn place_noun(&self, lower: &str) -> bool;
    /// Whether a lone word after a title is a person (`мэр Лужков`, not
    /// `президент Болгарии`); `title_plain` when the title is in its
    /// dictionary form.
    fn lone_titled(&self, word: &str, title_plain: bool) -> bool;
    /// A full name as one mention writes it, made canonical (the Russian
    /// nominative), with a rank: 2 when the form is surely canonical, 1 as
    /// written, 0 derived by rule.
    /// `last_forms` are the forms the article gives the last word, alone
    /// or in full names (`Kern` beside `Christian Kerns`).
    fn full_name(&self, words: &[&str], last_forms: &[&str]) -> (String, u8);
    /// Whether a title is in its dictionary form (`мэр`, not `мэра`).
    fn title_plain(&self, lower: &str) -> bool;
    /// The stem two case forms of one name share (`путин` for `Путина`).
    fn stem(&self, word: &str) -> String;
    /// The nominative of a name word seen only in the forms `forms` (as
    /// written), `given` when it stands first in a full name.
    fn nominative(&self, forms: &[&str], given: bool) -> String;
}

/// What the article itself says about its words.
pub(super) struct Vocab {
    /// Words the article writes in lower case.
    lower: std::collections::HashSet<String>,
    /// Capitalised words the article writes right after a determiner (German
    /// nouns: `die Regierung`).
    after_det: std::collections::HashSet<String>,
}

impl Vocab {
    /// Whether the article writes `lower` in lower case somewhere.
    pub(super) fn has_lower(&self, lower: &str) -> bool {
        self.lower.contains(lower)
    }
    /// Whether the article writes the word after a determiner somewhere.
    pub(super) fn after_det(&self, lower: &str) -> bool {
        self.after_det.contains(lower)
    }
}

/// One word of a field.
#[derive(Debug, Clone)]
struct Tok {
    start: usize,
    end: usize,
    lower: String,
    /// Starts with an upper-case letter.
    cap: bool,
    /// Two or more letters, all upper case (`SPÖ`, `МИД`).
    all_caps: bool,
    digit: bool,
    /// One letter.
    initial: bool,
    /// A full stop follows right after.
    dotted: bool,
    /// Only white space between this word and the one before (or the full
    /// stop of an initial).
    joined: bool,
    /// A sentence starts here.
    sent_start: bool,
    /// A comma right before (an apposition: `Bürgermeister von Palermo,
    /// Leoluca Orlando`).
    comma_before: bool,
    /// For a capitalised word, its stem by the language's rules (filled
    /// once by [`with_stems`]: comparing every candidate with every word
    /// re-stemmed each word, most of German extraction's cost).
    stem: String,
}

/// Particles fused to a name by a hyphen (`al-Assad`, `аль-Хадж`).
const PREFIXES: &[&str] = &[
    "al", "el", "ad", "as", "ash", "ibn", "bin", "ben", "аль", "эль", "ад", "ас", "ибн", "бин",
    "бен",
];

fn word_char(c: char) -> bool {
    c.is_alphanumeric()
}

fn inner_joiner(c: char) -> bool {
    matches!(c, '-' | '‐' | '\'' | '’')
}

/// The words of a field.
fn tokenize(text: &str) -> Vec<Tok> {
    let mut toks: Vec<Tok> = Vec::new();
    let mut chars = text.char_indices().peekable();
    let mut gap_start = 0;
    while let Some((i, c)) = chars.next() {
        if !word_char(c) {
            continue;
        }
        let start = i;
        let mut end = i + c.len_utf8();
        while let Some(&(j, d)) = chars.peek() {
            if word_char(d) {
                end = j + d.len_utf8();
                chars.next();
            } else if inner_joiner(d)
                && text[j + d.len_utf8()..]
                    .chars()
                    .next()
                    .is_some_and(word_char)
            {
                chars.next();
            } else {
                break;
            }
        }
        let word = &text[start..end];
        let gap = &text[gap_start..start];
        gap_start = end;
        let letters = word.chars().filter(|c| c.is_alphabetic()).count();
        let first = word.chars().next().unwrap_or(' ');
        let prev = toks.last();
        let after_initial = prev.is_some_and(|p| p.initial || de::abbreviation(&p.lower));
        let trimmed = gap.trim();
        let joined = prev.is_some()
            && (trimmed.is_empty() || (after_initial && trimmed == "."))
            && !gap.contains("\n\n");
        let sent_start = prev.is_none()
            || gap.contains('\n')
            || (!after_initial && gap.contains(['.', '!', '?', ':', ';', '–', '—', '…']))
            || gap.contains(['"', '„', '“', '«', '»', '(']);
        let lower = word.to_lowercase();
        // `al-Assad`, `аль-Хадж`: a lower-case particle fused to a name.
        let prefixed = lower.split_once(['-', '‐']).is_some_and(|(p, rest)| {
            PREFIXES.contains(&p)
                && word[p.len()..]
                    .chars()
                    .nth(1)
                    .is_some_and(char::is_uppercase)
                && !rest.is_empty()
        });
        toks.push(Tok {
            start,
            end,
            lower,
            cap: first.is_uppercase() || prefixed,
            all_caps: letters >= 2 && word.chars().all(|c| !c.is_lowercase()),
            digit: word.chars().any(|c| c.is_ascii_digit()),
            initial: letters == 1 && first.is_uppercase(),
            dotted: text[end..].starts_with('.'),
            joined,
            sent_start,
            comma_before: trimmed == ",",
            stem: String::new(),
        });
    }
    toks
}

/// Words the article writes in lower case, and capitalised words right
/// after a determiner.
fn vocab(rules: &dyn Lang, fields: &[Vec<Tok>]) -> Vocab {
    let mut v = Vocab {
        lower: Default::default(),
        after_det: Default::default(),
    };
    for toks in fields {
        for (i, t) in toks.iter().enumerate() {
            if !t.cap {
                v.lower.insert(t.lower.clone());
            } else if i > 0
                && t.joined
                && de::determiner(&toks[i - 1].lower)
                && !rules.given(&t.lower)
            {
                v.after_det.insert(t.lower.clone());
            }
        }
    }
    v
}

/// A stretch of name words found in one field.
#[derive(Debug, Clone)]
struct Cand {
    field: Field,
    /// Token range in the field.
    from: usize,
    to: usize,
    /// The words as written.
    words: Vec<String>,
    /// Evidence that this is a person.
    person: bool,
    /// A speech cue stands beside it (`sagte`, `заявил`).
    cue: bool,
}

/// Whether a token can be part of a name.
fn name_word(rules: &dyn Lang, t: &Tok) -> bool {
    // An initial with its full stop is never a stop word (`А.Н.`, `В.`).
    let stop = rules.stop(&t.lower) && !(t.initial && t.dotted);
    t.cap && !t.all_caps && !t.digit && !stop && !rules.title(&t.lower)
}

/// The candidate names of one field.
fn candidates(
    rules: &dyn Lang,
    text: &str,
    toks: &[Tok],
    field: Field,
    voc: &Vocab,
    out: &mut Vec<Cand>,
) {
    let mut i = 0;
    while i < toks.len() {
        if !name_word(rules, &toks[i]) || rules.thing(&toks[i].lower) {
            i += 1;
            continue;
        }
        // A sentence's first word that is an ordinary word starts no name
        // ("Ранее Меркель", "Denken Sie").
        if toks[i].sent_start && !rules.given(&toks[i].lower) && rules.wordish(&toks[i].lower, voc)
        {
            i += 1;
            continue;
        }
        if toks[i].sent_start
            && toks
                .get(i + 1)
                .is_some_and(|n| n.joined && name_word(rules, n))
            && rules.opener(&toks[i].lower, &text[toks[i + 1].start..toks[i + 1].end])
        {
            i += 1;
            continue;
        }
        // `штата Аризона Гэбриэль Гиффордс`: a place after its kind.
        if i > 0
            && toks[i].joined
            && !toks[i - 1].cap
            && rules.place_noun(&toks[i - 1].lower)
            && !rules.given(&toks[i].lower)
        {
            i += 1;
            continue;
        }
        let from = i;
        let mut to = i + 1;
        while to < toks.len() && toks[to].joined {
            let t = &toks[to];
            // Only before a given name that a surname follows (`Leoluca
            // Orlando` stays whole).
            let cut = rules.given(&t.lower)
                && !rules.given(&toks[to - 1].lower)
                && toks
                    .get(to + 1)
                    .is_some_and(|n| n.joined && name_word(rules, n))
                && rules.split_before_given(&toks[to - 1].lower, voc);
            // A compound after a full name ends it (`Tom Hanks Regie-Debüt`).
            let prefixed = t
                .lower
                .split_once('-')
                .is_some_and(|(p, _)| PREFIXES.contains(&p));
            let compound = to - from >= 2 && t.lower.contains(['-', '‐']) && !prefixed;
            let name =
                name_word(rules, t) && !rules.thing(&t.lower) && !t.sent_start && !cut && !compound;
            let particle = !t.cap
                && rules.particle(&t.lower, &toks[to - 1].lower)
                && toks
                    .get(to + 1)
                    .is_some_and(|n| n.joined && name_word(rules, n));
            if !(name || particle) {
                break;
            }
            to += 1;
        }
        // A run never ends in a particle.
        while to > from + 1 && !toks[to - 1].cap {
            to -= 1;
        }
        let words: Vec<String> = (from..to)
            .map(|k| text[toks[k].start..toks[k].end].to_string())
            .collect();
        let person = evidence(rules, text, toks, from, to, &words);
        let cue = speech_cue(rules, toks, from, to);
        out.push(Cand {
            field,
            from,
            to,
            words,
            person,
            cue,
        });
        i = to;
    }
}

/// Whether a title stands before token `from` within the language's reach,
/// with only white space, lower-case words or place words between.
fn title_before(rules: &dyn Lang, toks: &[Tok], from: usize) -> bool {
    let mut k = from;
    for _ in 0..rules.title_reach() {
        if k == 0 || !toks[k].joined {
            return false;
        }
        k -= 1;
        let t = &toks[k];
        if rules.title(&t.lower) {
            return true;
        }
        if t.cap && !t.all_caps && !rules.thing(&t.lower) && !rules.stop(&t.lower) {
            return false;
        }
    }
    false
}

/// Whether an apposition names a title: `<title> …, X Y` within a few
/// words before the comma.
fn title_apposition(rules: &dyn Lang, toks: &[Tok], from: usize) -> bool {
    if !toks[from].comma_before {
        return false;
    }
    let mut k = from;
    for _ in 0..5 {
        if k == 0 {
            return false;
        }
        k -= 1;
        if rules.title(&toks[k].lower) {
            return true;
        }
        if k < from - 1 && !toks[k + 1].joined {
            return false;
        }
    }
    false
}

/// What follows the run in brackets: a party (`(SPÖ)`) or an age (`(26)`).
fn bracket_after(text: &str, end: usize) -> bool {
    let rest = text[end..].trim_start();
    let Some(inner) = rest.strip_prefix('(') else {
        return false;
    };
    let inner: String = inner.chars().take_while(|&c| c != ')').take(12).collect();
    let inner = inner.trim();
    (inner.len() <= 3 && !inner.is_empty() && inner.chars().all(|c| c.is_ascii_digit()))
        || de::party(inner)
}

/// Whether a speech cue stands right before or after the run `from..to`.
fn speech_cue(rules: &dyn Lang, toks: &[Tok], from: usize, to: usize) -> bool {
    (from > 0 && toks[from].joined && rules.cue_before(&toks[from - 1].lower))
        || toks
            .get(to)
            .is_some_and(|t| t.joined && rules.cue_after(&t.lower))
}

/// Whether the run `from..to` is a person.
fn evidence(
    rules: &dyn Lang,
    text: &str,
    toks: &[Tok],
    from: usize,
    to: usize,
    words: &[String],
) -> bool {
    let titled = title_before(rules, toks, from) || title_apposition(rules, toks, from);
    let cue = speech_cue(rules, toks, from, to);
    let lone = to - from == 1;
    if lone {
        let plain = from > 0
            && rules.title(&toks[from - 1].lower)
            && rules.title_plain(&toks[from - 1].lower);
        // German: a lone word after a title must recur (`Musiker Gewalt`);
        // a lone word that is a person by its shape alone must too (`страна
        // Советов`, `Нидерландов`).
        let own;
        let stem = if toks[from].cap {
            &toks[from].stem
        } else {
            own = rules.stem(&toks[from].lower);
            &own
        };
        let mentioned_twice = toks.iter().filter(|t| t.cap && t.stem == *stem).count() >= 2;
        let recurs = !rules.recurrence_counts() || mentioned_twice;
        return (titled && recurs && rules.lone_titled(&words[0], plain))
            || (rules.lone_surname(&words[0], toks[from].sent_start)
                && (mentioned_twice || rules.distinct_surname(&words[0])));
    }
    let last = toks[to - 1].lower.as_str();
    // A name never ends in an initial (`Christopher B`, `Teddy Z`).
    // … nor stands before a thing it names (`Gerry Weber Open`) or a kind
    // of place (`Мариуполе Донецкой области`).
    if toks[to - 1].initial
        || toks.get(to).is_some_and(|t| {
            t.joined && (t.cap && rules.thing(&t.lower) || !t.cap && rules.place_noun(&t.lower))
        })
    {
        return false;
    }
    if words
        .iter()
        .any(|w| w.chars().count() < 2 && !w.chars().all(char::is_uppercase))
        || rules.title(last)
    {
        return false;
    }
    if titled || cue || bracket_after(text, toks[to - 1].end) {
        return true;
    }
    if rules.given(&toks[from].lower) {
        return true;
    }
    let refs: Vec<&str> = words.iter().map(String::as_str).collect();
    rules.shape(&refs, toks[from].sent_start)
}

/// The tokens with the stems of their capitalised words filled in.
fn with_stems(rules: &dyn Lang, mut toks: Vec<Tok>) -> Vec<Tok> {
    for t in toks.iter_mut().filter(|t| t.cap) {
        t.stem = rules.stem(&t.lower);
    }
    toks
}

/// People found in the article by `rules`.
pub(super) fn extract(rules: &dyn Lang, title: &str, body: &str) -> Extraction {
    let title_toks = with_stems(rules, tokenize(title));
    let body_toks = with_stems(rules, tokenize(body));
    let voc = vocab(rules, &[title_toks.clone(), body_toks.clone()]);
    let mut cands = Vec::new();
    candidates(rules, title, &title_toks, Field::Title, &voc, &mut cands);
    candidates(rules, body, &body_toks, Field::Body, &voc, &mut cands);
    let people = resolve(rules, &cands, [&title_toks, &body_toks]);
    Extraction {
        people,
        things: Vec::new(),
    }
}

/// A person being assembled from its mentions.
struct Cluster {
    /// Stems of the fullest form's words.
    stems: Vec<String>,
    /// Forms seen for each word position of the fullest form.
    forms: Vec<Vec<String>>,
    /// The words of each full mention.
    full: Vec<Vec<String>>,
    mentions: Vec<Mention>,
}

/// Whether two stem lists name the same person: the same last stem, and
/// first stems equal or one an initial of the other.
fn compatible(a: &[String], b: &[String]) -> bool {
    let (long, short) = if a.len() >= b.len() { (a, b) } else { (b, a) };
    if short.len() >= 2
        && long.len() > short.len()
        && (long.ends_with(short) || long.starts_with(short))
    {
        return true;
    }
    if a.last() != b.last() {
        return false;
    }
    if a.len() < 2 || b.len() < 2 {
        return true;
    }
    let (x, y) = (&a[0], &b[0]);
    let initial = |s: &str, of: &str| s.chars().count() == 1 && of.starts_with(s);
    x == y || initial(x, y) || initial(y, x)
}

/// Merges the candidates into people, links lone words, writes the
/// canonical names.
fn resolve(rules: &dyn Lang, cands: &[Cand], toks: [&Vec<Tok>; 2]) -> Vec<Person> {
    let stems_of = |c: &Cand| -> Vec<String> { c.words.iter().map(|w| rules.stem(w)).collect() };
    let span = |c: &Cand| {
        let t = if c.field == Field::Title {
            toks[0]
        } else {
            toks[1]
        };
        Mention {
            field: c.field,
            start: t[c.from].start,
            end: t[c.to - 1].end,
        }
    };
    let mut clusters: Vec<Cluster> = Vec::new();
    // Full names first, the longest first, so shorter forms join them.
    // A full name with no evidence of its own whose surname speaks alone
    // elsewhere (`Arabella Kiesbauers neues Format` … `sagt Kiesbauer`).
    let speaking: Vec<String> = cands
        .iter()
        .filter(|c| c.cue && c.words.len() == 1)
        .map(|c| rules.stem(&c.words[0]))
        .collect();
    let promoted: Vec<Cand> = cands
        .iter()
        .map(|c| {
            let mut c = c.clone();
            if !c.person && c.words.len() >= 2 {
                let last = rules.stem(c.words.last().map(String::as_str).unwrap_or_default());
                c.person = speaking.contains(&last);
            }
            c
        })
        .collect();
    let cands = &promoted[..];
    let mut order: Vec<&Cand> = cands
        .iter()
        .filter(|c| c.person && c.words.len() >= 2)
        .collect();
    order.sort_by_key(|c| std::cmp::Reverse(c.words.len()));
    for c in order {
        let stems = stems_of(c);
        match clusters.iter_mut().find(|k| compatible(&k.stems, &stems)) {
            Some(k) => {
                let off = k.stems.len().saturating_sub(stems.len());
                for (i, w) in c.words.iter().enumerate() {
                    let pos = if i + 1 == c.words.len() {
                        k.stems.len() - 1
                    } else {
                        (i + off).min(k.stems.len() - 1)
                    };
                    k.forms[pos].push(w.clone());
                }
                k.mentions.push(span(c));
                k.full.push(c.words.clone());
            }
            None => clusters.push(Cluster {
                forms: c.words.iter().map(|w| vec![w.clone()]).collect(),
                stems,
                full: vec![c.words.clone()],
                mentions: vec![span(c)],
            }),
        }
    }
    link_lone_words(rules, cands, &mut clusters, &span);
    let mut people: Vec<Person> = clusters
        .into_iter()
        .map(|mut k| {
            k.mentions.sort_by_key(|m| (m.field, m.start));
            k.mentions.dedup();
            let name = canonical(rules, &k);
            Person {
                name,
                mentions: k.mentions,
            }
        })
        .collect();
    people.sort_by_key(|p| p.mentions.first().map(|m| (m.field, m.start)));
    people
}

/// The canonical name of a cluster: of its full mentions made canonical,
/// the one with most words, then the best rank, then the commonest, then
/// the shortest; a lone name in its nominative.
fn canonical(rules: &dyn Lang, k: &Cluster) -> String {
    if k.full.is_empty() {
        let refs: Vec<&str> = k.forms[0].iter().map(String::as_str).collect();
        return rules.nominative(&refs, false);
    }
    let last_forms: Vec<&str> = k
        .forms
        .last()
        .map(|f| f.iter().map(String::as_str).collect())
        .unwrap_or_default();
    let named: Vec<(String, u8, usize)> = k
        .full
        .iter()
        .map(|w| {
            let refs: Vec<&str> = w.iter().map(String::as_str).collect();
            let (name, rank) = rules.full_name(&refs, &last_forms);
            (name, rank, w.len())
        })
        .collect();
    let count = |n: &str| named.iter().filter(|(m, _, _)| m == n).count();
    named
        .iter()
        .max_by_key(|(n, rank, len)| (*len, *rank, count(n), std::cmp::Reverse(n.len())))
        .map(|(n, _, _)| n.clone())
        .unwrap_or_default()
}

/// Lone words and short forms: each links to the one full name whose last
/// (or, for a given name, first) stem it shares; a lone word with a
/// person's own evidence and no full name becomes a person by itself.
fn link_lone_words(
    rules: &dyn Lang,
    cands: &[Cand],
    clusters: &mut Vec<Cluster>,
    span: &dyn Fn(&Cand) -> Mention,
) {
    let full = clusters.len();
    let mut lone: HashMap<String, usize> = HashMap::new();
    for c in cands {
        if c.words.len() >= 2 && c.person {
            continue;
        }
        // A run without evidence may still be a short form of a known name
        // ("Van der Bellens"); try its last word, then its first.
        let last = rules.stem(c.words.last().map(String::as_str).unwrap_or_default());
        let by_last: Vec<usize> = (0..full)
            .filter(|&k| clusters[k].stems.last() == Some(&last))
            .collect();
        if by_last.len() == 1 {
            let k = &mut clusters[by_last[0]];
            k.mentions.push(span(c));
            if let (Some(f), Some(w)) = (k.forms.last_mut(), c.words.last()) {
                f.push(w.clone());
            }
            continue;
        }
        if by_last.len() > 1 {
            continue;
        }
        if c.words.len() == 1 {
            let first: Vec<usize> = (0..full)
                .filter(|&k| clusters[k].stems.len() >= 2 && clusters[k].stems[0] == last)
                .collect();
            if first.len() == 1 {
                clusters[first[0]].mentions.push(span(c));
                continue;
            }
            let any_given = (0..full).any(|k| clusters[k].stems[0] == last);
            if c.person && !any_given {
                let k = *lone.entry(last.clone()).or_insert_with(|| {
                    clusters.push(Cluster {
                        stems: vec![last.clone()],
                        forms: vec![Vec::new()],
                        full: Vec::new(),
                        mentions: Vec::new(),
                    });
                    clusters.len() - 1
                });
                clusters[k].forms[0].push(c.words[0].clone());
                clusters[k].mentions.push(span(c));
            }
        }
    }
    // Lone words seen only without evidence but also with it: their other
    // mentions link too.
    for c in cands.iter().filter(|c| c.words.len() == 1 && !c.person) {
        let st = rules.stem(&c.words[0]);
        if let Some(&k) = lone.get(&st) {
            clusters[k].mentions.push(span(c));
            clusters[k].forms[0].push(c.words[0].clone());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::extract;

    fn names(title: &str, body: &str, lang: &str) -> Vec<String> {
        extract(title, body, Some(lang))
            .into_iter()
            .map(|p| p.name)
            .collect()
    }

    #[test]
    fn scripts_without_capitals_get_no_people() {
        for lang in ["ar", "zh", "ja", "zh-Hans", "JA"] {
            assert!(
                names("", "Barack Obama said so. 奥巴马说。", lang).is_empty(),
                "{lang}"
            );
        }
        // Unknown and Latin-alphabet languages keep the English rules.
        assert_eq!(names("", "Barack Obama said so.", "fr"), ["Barack Obama"]);
        assert_eq!(names("", "Barack Obama said so.", "xx"), ["Barack Obama"]);
    }
}
