//! Person names in an article: who it mentions, under one canonical name
//! each, with the byte spans of every mention.
//!
//! The steps below are the English rules. The article's language picks the
//! rules ([`extract_all`]): German and Russian have their own in `langs`,
//! and scripts without capitals (Arabic, Chinese, Japanese ...) get no
//! people.
//!
//! [`extract`] takes an article's title and body as plain text and knows
//! nothing of tantivy or file formats; the ingester calls it and the index
//! stores what it returns. It runs rules, not a model, in four steps:
//!
//! 1. **Tokens.** Words with their byte offsets; a possessive `'s` is cut
//!    off the name, the full stop of `Mr.` or of an initial kept with it.
//! 2. **Candidates.** Runs of capitalised words (with initials, particles
//!    such as `van` or `al-`, `O'`/`Mc` names, hyphens and diacritics),
//!    after cutting off honorifics (`Mr`, `Dr`, `Sir` ...) and titles
//!    (`President`, `Prime Minister`, `Reserve Bank Governor` ...) and
//!    splitting at stop words (days, dates, places, nationalities ...).
//! 3. **Evidence.** A run of two or more words is a person when it has an
//!    honorific or title, a known first name (US Census 1990 gazetteer plus
//!    a short hand list, see `data/README.md`), a speech cue (`said`,
//!    `told`, `according to`), a role noun (`analyst X`, `X, a lawyer`,
//!    `actor - X`, `rappers X`), a player's figures (`X 25 points`, `X
//!    made 25 saves`), or when its surname recurs with such evidence or it
//!    is listed beside other people. Words that name organisations or places (`Foundation`,
//!    `Stadium`, `Street`) veto a run. Listed places and firms named after
//!    people (`Hong Kong`, `Merrill Lynch`, see `data/README.md`) are never
//!    names, and neither is a name that some mention shows to be a firm or
//!    place: before a firm suffix (`Morgan Stanley and Co Inc`), in a
//!    Reuters company tag, before a firm's staff (`Smith Barney analysts`),
//!    after `in` or `at` without a known first name, or as a film
//!    (`Vera Drake star Imelda Staunton`). A lone word is a person only after
//!    an honorific or title (`Mr Blair`, `President Obama`, `Lord Justice
//!    May`), a specific role (`his wife, Sara`), in `the X administration`,
//!    before a verb or figures only a person has (`Henman withdrew`,
//!    `Tolivert 25 points`), or in a team line-up.
//! 4. **Resolution.** Full names with the same surname, compatible first
//!    names and the same middle initials where both give them merge
//!    (`Donald J. Trump` and `Donald Trump`, not `George H. W. Bush` and
//!    `George W. Bush`, see [`name_forms`]); the fullest form is canonical. A
//!    name with a generational suffix and the same name without one, both
//!    written out, are two people (`Donald Trump Jr.`). Short forms (`Mr Khan`,
//!    `Khan`, `Khan's`, and a unique first name such as `Sadiq`) link to the
//!    one person they fit, before or after the full name; a surname two
//!    people share stays unlinked. `Khan, Sadiq` (list order) is one person.
//!
//! Titles in headline case ("Bomb Suspect Changed After Trip Abroad") or in
//! capitals only link to people found in the body; they never add people.
//!
//! Everything is precomputed in statics (`lexicon`); a call allocates only
//! its token list and results.
//!
//! One file a step: `tokens.rs`; `runs.rs` and `candidates.rs`, with the
//! team line-ups of `lineups.rs`; `evidence.rs`; `resolve.rs`. This file
//! holds the public types, [`extract_all`] that runs the steps, and the
//! article's context (`Ctx`) that they share.

mod candidates;
mod evidence;
mod langs;
mod lexicon;
mod lineups;
pub mod link_rule;
pub mod name_forms;
mod resolve;
mod runs;
mod tokens;

#[cfg(test)]
mod eval;
#[cfg(test)]
mod eval_lang;

use crate::text::fold_char;
use candidates::FieldText;
use evidence::{a_group, Org, Prefix};
use lexicon::{bits, FastSet};
pub use name_forms::Variant;
use serde::Serialize;
use std::ops::Range;
use tokens::{is_headline, mark_phrases, tokenize, Word};

/// Which text of the article a mention is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub enum Field {
    /// The headline.
    Title,
    /// The article text.
    Body,
}

/// One place where a person is named.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Mention {
    /// Title or body.
    pub field: Field,
    /// Byte offset of the first byte of the name as written in that field
    /// (an honorific such as `Mr` is included).
    pub start: usize,
    /// Byte offset just past the name (a possessive `'s` is excluded).
    pub end: usize,
}

/// A person the article mentions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Person {
    /// Canonical name: the fullest form in the article, without honorifics
    /// or titles ("Sadiq Khan", "J. K. Rowling"); just the surname when the
    /// article never gives more ("Blair" for an article that only says
    /// "Mr Blair").
    pub name: String,
    /// Every mention, in reading order (title first).
    pub mentions: Vec<Mention>,
}

/// Finds the people named in an article's title and body, sorted by their
/// first mention. `lang` is the article's language as an ISO 639-1 code
/// ([`crate::article::Article::language`]); see [`extract_all`] for what
/// each language gets.
pub fn extract(title: &str, body: &str, lang: Option<&str>) -> Vec<Person> {
    extract_all(title, body, lang).people
}

/// What [`extract_all`] finds in an article.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Extraction {
    /// The people, as [`extract`] returns them.
    pub people: Vec<Person>,
    /// Names of two words or more that some mention in this article shows
    /// to be a firm, a place or a work ("Nortel Networks Corp", "the film
    /// Vera Drake", "in Santa Ana"), whether or not the article's other
    /// mentions outweighed that evidence, normalised and sorted. Across
    /// an archive they tell a film or a band that often behaves like a
    /// person from a person (`crate::facets::people`).
    pub things: Vec<String>,
}

/// Whether a name that [`Extraction::things`] lists in `things` articles,
/// and that `articles` articles give as a person, is no person: shown to
/// be a thing in at least two articles and in at least a quarter as many
/// as name it as a person, or in three and a tenth as many ("Vera Drake",
/// the film, 13 of 12 on BBC; "Franz Ferdinand", the band, 3 of 18; not
/// "Howard Hughes", the subject of the film "The Aviator", 2 of 12). What
/// the `people` list leaves out.
pub fn mostly_thing(things: u32, articles: u32) -> bool {
    (things >= 2 && things.saturating_mul(4) >= articles)
        || (things >= 3 && things.saturating_mul(10) >= articles)
}

/// [`extract`], with the names the article shows to be no person.
///
/// The rules depend on the article's language (`lang`, an ISO 639-1 code):
/// English and an unknown language (`None`), and the other languages
/// written in the Latin alphabet, get the English rules below; German and
/// Russian their own (module `langs`); a language whose script has no capital
/// letters for the rules to read, or that no rule set was measured on
/// (Arabic, Chinese, Japanese, other Cyrillic languages ...), gets no
/// people at all rather than guesses (`langs::Rules::for_code`).
pub fn extract_all(title: &str, body: &str, lang: Option<&str>) -> Extraction {
    match langs::Rules::for_code(lang) {
        langs::Rules::English => english(title, body),
        langs::Rules::Other(rules) => langs::extract(rules, title, body),
        langs::Rules::None => Extraction::default(),
    }
}

/// The English rules: steps 1 to 4 of the module comment.
fn english(title: &str, body: &str) -> Extraction {
    let mut title_toks = tokenize(title);
    let mut body_toks = tokenize(body);
    mark_phrases(title, &mut title_toks);
    mark_phrases(body, &mut body_toks);
    let ctx = Ctx::new(title, &title_toks, body, &body_toks);
    let mut cands = Vec::new();
    let headline = is_headline(title, &title_toks);
    let fields = [
        (body, &body_toks, Field::Body, false),
        (title, &title_toks, Field::Title, headline),
    ];
    for (text, toks, field, link_only) in fields {
        let f = FieldText {
            ctx: &ctx,
            text,
            toks,
            field,
        };
        runs::candidates(&f, link_only, &mut cands);
    }
    let clusters = resolve::resolve(&ctx, &mut cands, title, body);
    let things = things(&cands, title, body);
    let people = resolve::finish(&clusters, &cands);
    Extraction { people, things }
}

/// [`Extraction::things`]: the names of two words or more that some
/// candidate shows to be a firm, a place, a work or a band.
fn things(cands: &[candidates::Cand], title: &str, body: &str) -> Vec<String> {
    let mut things: Vec<String> = cands
        .iter()
        .filter(|c| c.name.contains(' '))
        .filter(|c| {
            let text = if c.field == Field::Title { title } else { body };
            c.org != Org::None || (c.prefix == Prefix::None && a_group(text, c.start))
        })
        .map(|c| normalise(&c.name))
        .collect();
    things.sort_unstable();
    things.dedup();
    things
}

/// Lower-cases a name and strips accents, for case- and accent-insensitive
/// matching ("José Mourinho" → "jose mourinho"). Curly apostrophes become
/// straight ones.
pub fn normalise(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for c in name.chars() {
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
            continue;
        }
        match fold_char(c) {
            Some(s) => out.push_str(s),
            None => out.extend(c.to_lowercase()),
        }
    }
    out
}

/// Per-call context.
struct Ctx {
    /// Words the article writes in lower case somewhere: a capitalised
    /// form of one of them is more likely a word than a name.
    vocab: FastSet<u64>,
    /// Byte ranges of the body that are team line-ups
    /// ([`lineups::lineups`]).
    lineups: Vec<Range<usize>>,
}

impl Ctx {
    /// The context of an article with these title and body words.
    fn new(title: &str, title_toks: &[Word], body: &str, body_toks: &[Word]) -> Ctx {
        let mut vocab = FastSet::with_capacity_and_hasher(
            (title_toks.len() + body_toks.len()) / 2,
            Default::default(),
        );
        for (text, toks) in [(title, title_toks), (body, body_toks)] {
            for t in toks.iter() {
                if t.lower_case {
                    vocab.insert(lexicon::word_hash(&text[t.start..t.end]));
                }
            }
        }
        Ctx {
            vocab,
            lineups: lineups::lineups(body),
        }
    }

    /// Whether a body offset lies in a team line-up.
    fn in_lineup(&self, field: Field, at: usize) -> bool {
        field == Field::Body && self.lineups.iter().any(|r| r.contains(&at))
    }

    /// Whether a capitalised word is an ordinary word in this article.
    fn wordish(&self, t: &Word, text: &str) -> bool {
        t.is(bits::STOP) || self.wordish_str(&text[t.start..t.end])
    }

    fn wordish_str(&self, w: &str) -> bool {
        lexicon::with_lower(w, |low| {
            self.vocab.contains(&lexicon::word_hash(low)) || lexicon::class(low) & bits::STOP != 0
        })
    }

    /// Whether the article writes a word in lower case somewhere.
    fn in_vocab(&self, w: &str) -> bool {
        lexicon::with_lower(w, |low| self.vocab.contains(&lexicon::word_hash(low)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SEED: &str = include_str!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../sample_corpus/seed/politics/000_12938842849ca153.txt"
    ));

    fn names(people: &[Person]) -> Vec<&str> {
        people.iter().map(|p| p.name.as_str()).collect()
    }

    /// The text of each body mention of the person called `name`.
    fn said_as<'a>(people: &[Person], name: &str, body: &'a str) -> Vec<&'a str> {
        people
            .iter()
            .find(|p| p.name == name)
            .map(|p| {
                p.mentions
                    .iter()
                    .filter(|m| m.field == Field::Body)
                    .map(|m| &body[m.start..m.end])
                    .collect()
            })
            .unwrap_or_default()
    }

    #[test]
    fn seed_article_yields_corbyn_and_khan_only() {
        let (title, body) = SEED.split_once('\n').unwrap();
        let people = extract(title, body, None);
        assert_eq!(names(&people), ["Jeremy Corbyn", "Sadiq Khan"]);
        let khan = said_as(&people, "Sadiq Khan", body);
        assert!(
            khan.contains(&"Mr Khan") && khan.contains(&"Sadiq Khan"),
            "{khan:?}"
        );
        assert!(khan.contains(&"Sadiq"), "first name alone links: {khan:?}");
        let corbyn = said_as(&people, "Jeremy Corbyn", body);
        assert!(corbyn.contains(&"Mr Corbyn"), "{corbyn:?}");
        // "Corbyn's man": the mention stops before the possessive.
        let at = body.find("Corbyn's man").unwrap();
        assert!(people[0]
            .mentions
            .iter()
            .any(|m| m.start == at && m.end == at + 6));
        // Both are named in the title too.
        assert!(people.iter().all(|p| p.mentions[0].field == Field::Title));
        for not in [
            "London",
            "Labour",
            "Islington North",
            "Arsenal",
            "Emirates Stadium",
            "Liverpool",
            "City Hall",
            "Greater London Assembly",
            "Tory",
            "Times",
        ] {
            assert!(!names(&people).contains(&not), "{not}");
        }
    }

    #[test]
    fn honorific_resolves_to_full_name_before_and_after() {
        let body = "Ms Hewitt spoke first. Later Patricia Hewitt, the health secretary, \
                    said more. Ms Hewitt's aides agreed.";
        let people = extract("Health plans", body, None);
        assert_eq!(names(&people), ["Patricia Hewitt"]);
        assert_eq!(
            said_as(&people, "Patricia Hewitt", body),
            ["Ms Hewitt", "Patricia Hewitt", "Ms Hewitt"]
        );
    }

    #[test]
    fn shared_surname_stays_unlinked() {
        let body = "John Smith, a lawyer, met Adam Smith, an economist. Smith said nothing. \
                    Mr Smith left.";
        let people = extract("", body, None);
        assert_eq!(names(&people), ["John Smith", "Adam Smith"]);
        assert!(people.iter().all(|p| p.mentions.len() == 1));
    }

    #[test]
    fn surname_only_person_with_honorific() {
        let people = extract(
            "",
            "Mr Blair came in unannounced, staff said. Mr Blair smiled.",
            None,
        );
        assert_eq!(names(&people), ["Blair"]);
        assert_eq!(people[0].mentions.len(), 2);
    }

    #[test]
    fn initials_particles_and_irish_names() {
        let body = "J. K. Rowling said the book was done. Ms Rowling smiled. \
                    The killing of film maker Theo van Gogh shocked many; Mr van Gogh's body \
                    was found later. President Bashar al-Assad spoke, and al-Assad's aides \
                    followed. Martin O'Neill, the Celtic manager, said O'Neill was happy. \
                    Trevor McDonald told viewers McDonald would stay.";
        let people = extract("", body, None);
        assert_eq!(
            names(&people),
            [
                "J. K. Rowling",
                "Theo van Gogh",
                "Bashar al-Assad",
                "Martin O'Neill",
                "Trevor McDonald"
            ]
        );
        assert_eq!(
            said_as(&people, "Theo van Gogh", body),
            ["Theo van Gogh", "Mr van Gogh"]
        );
        assert_eq!(
            said_as(&people, "Bashar al-Assad", body),
            ["Bashar al-Assad", "al-Assad"]
        );
        assert_eq!(said_as(&people, "Trevor McDonald", body).len(), 2);
        let squeezed = extract("", "J.K. Rowling said so.", None);
        assert_eq!(names(&squeezed), ["J.K. Rowling"]);
    }

    #[test]
    fn hyphens_and_diacritics() {
        let body = "Daniel Day-Lewis starred. Day-Lewis won. José Mourinho said \
                    Mourinho's side would win. Jean-Claude Juncker told MEPs.";
        let people = extract("", body, None);
        assert_eq!(
            names(&people),
            ["Daniel Day-Lewis", "José Mourinho", "Jean-Claude Juncker"]
        );
        assert_eq!(said_as(&people, "Daniel Day-Lewis", body).len(), 2);
        assert_eq!(said_as(&people, "José Mourinho", body).len(), 2);
        assert_eq!(normalise("José Mourinho"), "jose mourinho");
        assert_eq!(
            normalise("Łukasz Żewłakow O’Neill"),
            "lukasz zewlakow o'neill"
        );
    }

    #[test]
    fn surname_comma_forename_is_one_person() {
        let body = "Signatories: Khan, Sadiq; Corbyn, Jeremy.";
        let people = extract("", body, None);
        assert_eq!(names(&people), ["Sadiq Khan", "Jeremy Corbyn"]);
        assert_eq!(said_as(&people, "Sadiq Khan", body), ["Khan, Sadiq"]);
    }

    #[test]
    fn sentence_openers_and_headlines_are_not_people() {
        let title = "Bomb Suspect Changed After Trip Abroad, Friends Say";
        let body = "Speaking to reporters, officials said the speaking tour was over. \
                    Imagine a city without cars, they imagine. Labour said Arsenal would win.";
        assert!(extract(title, body, None).is_empty());
    }

    #[test]
    fn headline_links_only_to_people_in_the_body() {
        let title = "CANADA'S WILSON SEEKS TEMPORARY BORROWING";
        let body = "Canadian Finance Minister Michael Wilson said he will borrow more.";
        let people = extract(title, body, None);
        assert_eq!(names(&people), ["Michael Wilson"]);
        assert_eq!(people[0].mentions[0].field, Field::Title);
    }

    #[test]
    fn theresa_may_is_not_the_month() {
        let body = "Theresa May said the vote would be held in May. Mrs May said on May 5 \
                    that since May the plan was ready.";
        let people = extract("", body, None);
        assert_eq!(names(&people), ["Theresa May"]);
        assert_eq!(
            said_as(&people, "Theresa May", body),
            ["Theresa May", "Mrs May"]
        );
    }

    #[test]
    fn listed_places_and_firms_are_not_people() {
        let body = "Trade with Hong Kong rose, and Sri Lanka's exports fell. Merrill Lynch \
                    said the E.F. Hutton deal, led by Goldman, Sachs and Co, was done on \
                    Wall Street. Officials in Rio de Janeiro and the White House agreed, \
                    Hong Kong-based traders said. Paul Volcker said so too.";
        let people = extract("", body, None);
        assert_eq!(names(&people), ["Paul Volcker"]);
    }

    #[test]
    fn firm_and_place_cues_apply_to_every_mention() {
        // Unlisted names: a firm suffix, a company tag, staff of a firm, a
        // place after "in" or "at" mark every mention of the name.
        let body = "Laurie Milbank and Co raised its stake. Laurie Milbank said prices \
                    would rise. <Dale Burdett Inc> faces claims. Dale Burdett said it \
                    would fight. Prices at Hambro Lyall fell, Hambro Lyall analysts said. \
                    Nomura International Ltd was lead manager. Sales in Boca Raton fell, \
                    and a Boca Raton store closed, analyst Jane Doyle said.";
        let people = extract("", body, None);
        assert_eq!(names(&people), ["Jane Doyle"]);
        // A known first name outweighs "in" or "at"; a title or speech cue
        // elsewhere outweighs a weak sign.
        let body = "Voters lost trust in Tony Blair. Mr Blair said nothing. Sales at \
                    Gary Mills rose; Gary Mills said so.";
        let people = extract("", body, None);
        assert_eq!(names(&people), ["Tony Blair", "Gary Mills"]);
    }

    #[test]
    fn offices_and_works_are_not_people() {
        let body = "The Treasury Secretary said rates would fall, and Bank of England \
                    governor Mervyn King agreed. Vera Drake star Imelda Staunton won; the \
                    drama Vera Drake was made by Mike Leigh, and the Reagan Administration \
                    was not amused.";
        let people = extract("", body, None);
        assert_eq!(
            names(&people),
            ["Mervyn King", "Imelda Staunton", "Mike Leigh"]
        );
    }

    /// Issue #15: US and UK titles and offices are cues, cut off the name.
    #[test]
    fn titles_are_cues_never_part_of_names() {
        let body = "Senate Majority Leader Mitch McConnell met House Minority Leader \
                    Nancy Pelosi. Sen. Ted Cruz, Rep. Adam Schiff and Gov. Andrew Cuomo \
                    came. Speaker Paul Ryan and Secretary of State Mike Pompeo spoke, and \
                    Attorney General Jeff Sessions left. White House press secretary \
                    Sarah Sanders said so. In London, Chancellor Gordon Brown and Home \
                    Secretary Charles Clarke agreed. Later Speaker Ryan said more.";
        let people = extract("", body, None);
        assert_eq!(
            names(&people),
            [
                "Mitch McConnell",
                "Nancy Pelosi",
                "Ted Cruz",
                "Adam Schiff",
                "Andrew Cuomo",
                "Paul Ryan",
                "Mike Pompeo",
                "Jeff Sessions",
                "Sarah Sanders",
                "Gordon Brown",
                "Charles Clarke"
            ]
        );
        assert_eq!(said_as(&people, "Paul Ryan", body), ["Paul Ryan", "Ryan"]);
        // A title alone, or after an honorific, is an office.
        let body = "\"Mr. President,\" Mr. Schumer said. The Lord Chancellor and the \
                    Inspector General agreed with Madam Speaker.";
        assert_eq!(names(&extract("", body, None)), ["Schumer"]);
    }

    /// Issue #15: a generational suffix stays in the name and is no
    /// title's name; written out, "X" and "X Jr." are two people.
    #[test]
    fn suffixes_end_names() {
        let body = "Dr. Martin Luther King Jr. spoke. King was 39. Then A. Linwood \
                    Holton, Jr. won.";
        let people = extract("", body, None);
        assert_eq!(
            names(&people),
            ["Martin Luther King Jr.", "A. Linwood Holton Jr."]
        );
        assert_eq!(said_as(&people, "Martin Luther King Jr.", body).len(), 2);
        let body = "Donald Trump Jr. met Donald Trump. Trump said little; Trump Jr. \
                    talked.";
        let people = extract("", body, None);
        assert_eq!(names(&people), ["Donald Trump Jr.", "Donald Trump"]);
        assert_eq!(
            said_as(&people, "Donald Trump", body),
            ["Donald Trump", "Trump"]
        );
    }

    /// Issue #15: offices, bodies, firms, products, works, groups and a
    /// sentence's first word glued to a name are not people (sentences as
    /// the AllSides and BBC corpora write them).
    #[test]
    fn only_people_issue_15_examples() {
        // Text run together: "TrumpGOP".
        assert_eq!(
            names(&extract(
                "",
                "Donald John TrumpGOP presidential nominee",
                None
            )),
            ["Donald John Trump"]
        );
        // A compound adjective with a three-byte hyphen.
        assert!(extract("", "The Labour\u{2010}led Council met.", None).is_empty());
        let body = "\u{201c}My staff asked, \u{201c}Mr. President, the White House \
                    Correspondents\u{2019} Dinner is coming up.\u{201d} A report by the \
                    Justice Department\u{2019}s Office of Inspector General found that \
                    former FBI Deputy Director Andrew McCabe erred. The Republican-led \
                    House offered its latest gambit on Tuesday night. Kneeling during \
                    \"The Star-Spangled Banner\" offends many people. My kids learned \
                    about Dr. Martin Luther King Jr., and Rosa Parks.\n\n\
                    The Lord Chancellor has defended the plans, and Chancellor Gordon \
                    Brown agreed. Telecommunications regulator Ofcom has declared 056 to \
                    be the area code. Apple showed forthcoming products, including the Mac \
                    Mini. But Deutsche Boerse told news agency Reuters such a move would \
                    wait. Barbara Follett, one of the so-called \"Blair Babes\" elected \
                    in 1997, told researchers that Tony Blair was right. Members of the \
                    Young Conservatives disagreed. Meanwhile Blair said nothing.";
        let people = extract("", body, None);
        assert_eq!(
            names(&people),
            [
                "Andrew McCabe",
                "Martin Luther King Jr.",
                "Rosa Parks",
                "Gordon Brown",
                "Barbara Follett",
                "Tony Blair"
            ]
        );
        let blair = said_as(&people, "Tony Blair", body);
        assert_eq!(blair, ["Tony Blair", "Blair"], "not \"Meanwhile Blair\"");
    }

    /// Issue #15: an article before a name with no known first name makes
    /// it a title ("The Shawshank Redemption", "the Beige Book"); a name
    /// shown to be a work, firm or band in some mention is listed in
    /// `things` even when the article's other mentions make it a person,
    /// and "X and The Associated Press" is no title of a work.
    #[test]
    fn things_are_listed_apart() {
        let body = "The audience voted for The Shawshank Redemption, the 1994 tale. \
                    The US Federal Reserve said in its latest Beige Book report that \
                    growth was modest.";
        assert!(
            extract("", body, None).is_empty(),
            "{:?}",
            names(&extract("", body, None))
        );
        let body = "British movie Vera Drake won three awards. Vera Drake scored best \
                    director for Mike Leigh. Glasgow group Franz Ferdinand played. \
                    Fox News' Chad Pergram and The Associated Press contributed.";
        let found = extract_all("", body, None);
        assert_eq!(found.things, ["franz ferdinand", "vera drake"]);
        assert!(names(&found.people).contains(&"Chad Pergram"));
        assert!(mostly_thing(2, 8) && mostly_thing(13, 12) && mostly_thing(3, 18));
        assert!(!mostly_thing(2, 12) && !mostly_thing(1, 1) && !mostly_thing(3, 40));
    }

    /// Issue #15: forms of one name are one person in an article; other
    /// middle initials are someone else.
    #[test]
    fn name_variants_in_one_article() {
        let body = "Donald J. Trump signed it. Donald Trump said so, and Mr. Trump left. \
                    George H. W. Bush and George W. Bush met; George W Bush spoke.";
        let people = extract("", body, None);
        assert_eq!(
            names(&people),
            ["Donald J. Trump", "George H. W. Bush", "George W. Bush"]
        );
        assert_eq!(said_as(&people, "Donald J. Trump", body).len(), 3);
        assert_eq!(said_as(&people, "George W. Bush", body).len(), 2);
    }

    /// Issue #15: people in results text, captions and tweets.
    #[test]
    fn results_credits_and_signatures_are_cues() {
        let body = "Jets 2, Predators 1: Patrik Laine and Nikolaj Ehlers scored. Striker \
                    Thierry Henry was rested. Pittsburgh center Maurkice Pouncey was \
                    suspended. (AP Photo/Czarek Sokolowski) A great honour \u{2014} Reince \
                    Priebus (@Reince) March 6, 2016. Katarina Srebotnik withdrew.";
        let people = extract("", body, None);
        assert_eq!(
            names(&people),
            [
                "Patrik Laine",
                "Nikolaj Ehlers",
                "Thierry Henry",
                "Maurkice Pouncey",
                "Czarek Sokolowski",
                "Reince Priebus",
                "Katarina Srebotnik"
            ]
        );
        // A lone word needs a verb that only people do: teams score too.
        assert!(extract("", "Everton scored twice.", None).is_empty());
        assert_eq!(
            names(&extract("", "Ronaldinho netted twice.", None)),
            ["Ronaldinho"]
        );
        // A first name that is also an org word still opens a name.
        let body = "Former President Bill Clinton was condemned. The Finance Bill passed.";
        assert_eq!(names(&extract("", body, None)), ["Bill Clinton"]);
    }

    /// Issue #15: players named by surname alone in a line-up.
    #[test]
    fn lineups_name_people() {
        let body = "Everton: Martyn, Hibbert, Yobo, Stubbs, Naysmith, Osman, Carsley, \
                    Arteta, Kilbane, McFadden, Bent. Subs: Wright, Pistone, Weir, Plessis, \
                    Vaughan.\n\nForwards: Ross Beattie (Northampton Saints), Gordon \
                    Bulloch (Glasgow), Bruce Douglas (The Borders), Jon Dunbar (Leeds \
                    Tykes), Iain Fullarton (Saracens), Stuart Grimes (Newcastle Falcons), \
                    Allister Hogg (Edinburgh Rugby), Nathan Hines (Edinburgh Rugby).\n\n\
                    Last eight: Leicester, Bath, Wasps, Saracens, Gloucester.";
        let people = extract("", body, None);
        let got = names(&people);
        for want in [
            "Martyn",
            "Yobo",
            "McFadden",
            "Pistone",
            "Vaughan",
            "Ross Beattie",
        ] {
            assert!(got.contains(&want), "{want}: {got:?}");
        }
        assert_eq!(got.len(), 16 + 8, "{got:?}");
        for club in [
            "Northampton Saints",
            "Saracens",
            "Leicester",
            "Bath",
            "Wasps",
        ] {
            assert!(!got.contains(&club), "{club}: {got:?}");
        }
    }

    /// Issue #15: players in results pages, by surname or full name, with
    /// their figures; teams with figures are no players.
    #[test]
    fn figures_after_a_name_are_cues() {
        let body = "Palm Bay (1-0): Tolivert 25 points. Davis 17 points.\n\nViera (4-0): \
                    A. Sanger 2 saves. Osas Osaro 3 goals, 1 assist.\n\nWild 4, Sabres 1: \
                    Tuukka Rask made 25 saves and Evgenii Dadonov had two assists; Valtteri \
                    Filppula had a goal. Rockledge 14 11 6 15 - 44.";
        assert_eq!(
            names(&extract("", body, None)),
            [
                "Tolivert",
                "Davis",
                "A. Sanger",
                "Osas Osaro",
                "Tuukka Rask",
                "Evgenii Dadonov",
                "Valtteri Filppula"
            ]
        );
        // A lone word needs the figure right after it, with no verb.
        assert!(extract("", "Then Everton had two goals ruled out.", None).is_empty());
    }

    /// Issue #15: a side named on a line of its own, and "Carvalho, Terry"
    /// there is two players, not "Terry Carvalho".
    #[test]
    fn lineup_paragraph_without_a_colon() {
        let body = "Mourinho named his side.\n\nCech, Ferreira, Carvalho, Terry, Gallas, \
                    Tiago, Makelele, Lampard, Cole, Drogba, Gudjohnsen.\n\nIt was a win.";
        let people = extract("", body, None);
        let got = names(&people);
        for want in ["Cech", "Carvalho", "Terry", "Lampard", "Gudjohnsen"] {
            assert!(got.contains(&want), "{want}: {got:?}");
        }
        assert!(!got.contains(&"Terry Carvalho"), "{got:?}");
        // Five clubs on a line are no side.
        let body = "The draw:\n\nLeicester, Bath, Wasps, Saracens, Gloucester.";
        assert!(extract("", body, None).is_empty());
    }

    /// Issue #15, fifth round: substitutes in brackets with their minute,
    /// and the unused ones after "Subs not used:".
    #[test]
    fn substitutes_in_a_lineup() {
        let body = "Exeter: Jones, Hiley, Sawyer, Gaia, Jeannin, Moxey, Taylor (Martin \
                    89), Ampadu (Afful 69), Clay, Flack (Edwards 74), Devine. Subs Not \
                    Used: Rice, Todd.";
        let got = names(&extract("", body, None)).join(",");
        for want in ["Martin", "Afful", "Edwards", "Rice", "Todd", "Devine"] {
            assert!(got.split(',').any(|n| n == want), "{want}: {got}");
        }
        assert!(!got.contains("Todd Rice"), "{got}");
    }

    /// Issue #15, fifth round: words that open a sentence by their shape,
    /// an age, a firm's noun before its name, and firm or office words that
    /// end a name.
    #[test]
    fn opening_words_firms_and_offices() {
        let body = "Eventually Asimo could find work. Previously married, she leaves a son. \
                    Seventeen-year-old Stone won two awards. A report from investment firm \
                    Grant Samuel said so. The pump came from parts maker Robert Bosch. \
                    He joined as Chief Strategy Officer. Nortel Networks fell. She was \
                    praised for her role in Vera Drake. He left for Real Sociedad.";
        assert!(
            extract("", body, None).is_empty(),
            "{:?}",
            names(&extract("", body, None))
        );
        let people = extract("", "Harry Potter author JK Rowling spoke.", None);
        assert!(!names(&people).contains(&"Harry Potter"));
        // Before a player's figures a lone word of that shape is a name.
        assert_eq!(
            names(&extract("", "Rockledge (0-1): Blakely 15 points.", None)),
            ["Blakely"]
        );
    }

    /// Issue #15: cues that name a lone person or cut a word off a name.
    #[test]
    fn roles_lords_and_opening_words() {
        let body = "The appeal was heard by Lord Justice May and Mr Justice Harrison, \
                    and Lord Chief Justice Woolf. Baroness Amos spoke. Best actor - Don \
                    Cheadle; director - Clint Eastwood. He dined with the prime minister's \
                    wife, Sara. His work with rappers Ludacris won praise.\n\n\
                    Newcomer Ciara has four nominations. C.E.O. Mark Zuckerberg said \
                    Special Counsel Robert Mueller spoke in Washington, D.C. Shares fell.";
        let people = extract("", body, None);
        assert_eq!(
            names(&people),
            [
                "Harrison",
                "Woolf",
                "Amos",
                "Don Cheadle",
                "Clint Eastwood",
                "Sara",
                "Ludacris",
                "Ciara",
                "Mark Zuckerberg",
                "Robert Mueller"
            ]
        );
        // "May" is also a word of this article; plural roles of clubs,
        // bands and firms name none ("leaders Chelsea").
        let body = "Leaders Chelsea won, and leaders Barcelona drew. Chart stars Duran \
                    Duran played, said analysts Gartner. \"Going forward, I've asked.\"";
        assert!(
            extract("", body, None).is_empty(),
            "{:?}",
            extract("", body, None)
        );
    }

    /// Issue #15: surnames that are places or org words, and places as
    /// first names, with a cue; without one they stay places.
    #[test]
    fn places_and_org_words_in_names_need_cues() {
        let body = "Cyber attacks are hard to trace, said Rick Holland, a researcher. \
                    GOP strategist Ken Spain agreed, and Yukos spokesman Mike Lake told \
                    AFP. He found Dan Lane, a text message guru.";
        assert_eq!(
            names(&extract("", body, None)),
            ["Rick Holland", "Ken Spain", "Mike Lake", "Dan Lane"]
        );
        let body = "The British and Irish Lions toured. Al Qaeda claimed it. The Roman \
                    Catholic Archbishop spoke. She faces German Marlene Weingartner. \
                    Emerson Electric said sales rose, Bell Canada said, and the official \
                    China Daily said. Diplomats met John Kerry Tuesday.";
        assert_eq!(
            names(&extract("", body, None)),
            ["Marlene Weingartner", "John Kerry"]
        );
    }

    #[test]
    fn lone_words_need_evidence() {
        let people = extract(
            "",
            "Cadbury said profits rose. Rosneft and VEB declined to comment.",
            None,
        );
        assert!(people.is_empty(), "{people:?}");
        let people = extract(
            "",
            "U2 frontman Bono sang. The Obama administration agreed.",
            None,
        );
        assert_eq!(names(&people), ["Bono", "Obama"]);
    }
}
