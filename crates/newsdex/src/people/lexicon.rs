//! Word lists the extractor consults: the first-name gazetteer (shipped in
//! `data/`, parsed once) and hand-written stop and cue lists.
//!
//! Every set holds lower-case words and is built once, on first use, behind
//! a `LazyLock`, so `extract` never parses or allocates a list per call.

use std::collections::HashMap;
use std::hash::Hasher;
use std::sync::LazyLock;

pub use crate::hashing::{FastMap, FastSet, FxHasher};

/// Class bits of a lower-case word, see [`class`].
pub mod bits {
    /// In [`super::STOP`].
    pub const STOP: u32 = 1;
    /// In [`super::ORG_WORDS`].
    pub const ORG: u32 = 1 << 1;
    /// In [`super::DIRECTIONS`].
    pub const DIRECTION: u32 = 1 << 2;
    /// In [`super::TITLES`].
    pub const TITLE: u32 = 1 << 3;
    /// In [`super::STRONG_TITLES`].
    pub const STRONG_TITLE: u32 = 1 << 4;
    /// In [`super::HONORIFICS`].
    pub const HONORIFIC: u32 = 1 << 5;
    /// In [`super::PARTY_WORDS`].
    pub const PARTY: u32 = 1 << 6;
    /// In [`super::FIRST_NAMES`].
    pub const FIRST: u32 = 1 << 7;
    /// In [`super::AMBIGUOUS_FIRST`].
    pub const AMBIGUOUS: u32 = 1 << 8;
    /// In [`super::MONTHS`].
    pub const MONTH: u32 = 1 << 9;
    /// In [`super::PARTICLES`].
    pub const PARTICLE: u32 = 1 << 10;
    /// In [`super::ROLE_NOUNS`].
    pub const ROLE: u32 = 1 << 11;
    /// In [`super::WEAK_ROLES`].
    pub const WEAK_ROLE: u32 = 1 << 12;
    /// In [`super::SPEECH_VERBS`].
    pub const SPEECH: u32 = 1 << 13;
    /// In [`super::DATE_PREPS`].
    pub const DATE_PREP: u32 = 1 << 14;
    /// First word of a listed place or firm of several words
    /// ([`super::PHRASES`]).
    pub const PHRASE_HEAD: u32 = 1 << 15;
    /// In [`super::FIRM_SUFFIXES`].
    pub const FIRM: u32 = 1 << 16;
    /// In [`super::FIRM_CUES`].
    pub const FIRM_CUE: u32 = 1 << 17;
    /// In [`super::LOCATIVES`].
    pub const LOCATIVE: u32 = 1 << 18;
    /// In [`super::WORKS`].
    pub const WORK: u32 = 1 << 19;
    /// In [`super::WORK_ROLES`].
    pub const WORK_ROLE: u32 = 1 << 20;
    /// In [`super::OFFICE_TITLES`].
    pub const OFFICE: u32 = 1 << 21;
    /// In [`super::SUFFIXES`].
    pub const SUFFIX: u32 = 1 << 22;
    /// In [`super::COMPOUND_TAILS`].
    pub const COMPOUND: u32 = 1 << 23;
    /// In [`super::ACTION_VERBS`].
    pub const ACTION: u32 = 1 << 24;
    /// In [`super::PERSONAL_VERBS`].
    pub const PERSONAL: u32 = 1 << 25;
    /// In [`super::FIRM_NOUNS`].
    pub const FIRM_NOUN: u32 = 1 << 26;
}

/// Every list above folded into one table: a word's class is one lookup.
static CLASSES: LazyLock<FastMap<&'static str, u32>> = LazyLock::new(|| {
    // Sized for every list at once: growing it step by step was most of
    // the time a search that shows people spends building it.
    let mut m: FastMap<&'static str, u32> =
        FastMap::with_capacity_and_hasher(8 << 10, Default::default());
    let lists: [(&LazyLock<FastSet<&'static str>>, u32); 27] = [
        (&STOP, bits::STOP),
        (&ORG_WORDS, bits::ORG),
        (&DIRECTIONS, bits::DIRECTION),
        (&TITLES, bits::TITLE),
        (&STRONG_TITLES, bits::STRONG_TITLE),
        (&HONORIFICS, bits::HONORIFIC),
        (&PARTY_WORDS, bits::PARTY),
        (&FIRST_NAMES, bits::FIRST),
        (&AMBIGUOUS_FIRST, bits::AMBIGUOUS),
        (&MONTHS, bits::MONTH),
        (&PARTICLES, bits::PARTICLE),
        (&ROLE_NOUNS, bits::ROLE),
        (&WEAK_ROLES, bits::WEAK_ROLE),
        (&SPEECH_VERBS, bits::SPEECH),
        (&DATE_PREPS, bits::DATE_PREP),
        (&LISTED_WORDS, bits::STOP),
        (&FIRM_SUFFIXES, bits::FIRM),
        (&FIRM_CUES, bits::FIRM_CUE),
        (&LOCATIVES, bits::LOCATIVE),
        (&WORKS, bits::WORK),
        (&WORK_ROLES, bits::WORK_ROLE),
        (&OFFICE_TITLES, bits::OFFICE),
        (&SUFFIXES, bits::SUFFIX),
        (&COMPOUND_TAILS, bits::COMPOUND),
        (&ACTION_VERBS, bits::ACTION),
        (&PERSONAL_VERBS, bits::PERSONAL),
        (&FIRM_NOUNS, bits::FIRM_NOUN),
    ];
    for (list, bit) in lists {
        for w in list.iter() {
            *m.entry(*w).or_default() |= bit;
        }
    }
    for head in PHRASES.keys() {
        *m.entry(head).or_default() |= bits::PHRASE_HEAD;
    }
    // Mined given names count only where no list above says what the
    // word is ("Labour", "Hong" of "Hong Kong" stay what they were).
    for w in entries(MINED_FIRST) {
        m.entry(w).or_insert(bits::FIRST);
    }
    m
});

/// The class bits of a word, lower-casing it on the stack when it is
/// short ASCII (nearly always).
pub fn class(word: &str) -> u32 {
    with_lower(word, |w| CLASSES.get(w).copied().unwrap_or(0))
}

/// A 64-bit hash of a word, for sets of the article's own words (a
/// collision only makes one capitalised word look like a common word).
pub fn word_hash(w: &str) -> u64 {
    let mut h = FxHasher::default();
    h.write(w.as_bytes());
    h.finish()
}

/// The class bits of a word already in lower case.
pub fn class_lower(word: &str) -> u32 {
    CLASSES.get(word).copied().unwrap_or(0)
}

/// Calls `f` with the lower-case form of `word`, without allocating for
/// short ASCII words.
pub fn with_lower<R>(word: &str, f: impl FnOnce(&str) -> R) -> R {
    let mut buf = [0u8; 32];
    if word.len() <= buf.len() && word.is_ascii() {
        let b = &mut buf[..word.len()];
        b.copy_from_slice(word.as_bytes());
        b.make_ascii_lowercase();
        // ASCII stays valid UTF-8 after lower-casing.
        f(std::str::from_utf8(b).unwrap_or_default())
    } else {
        f(&word.to_lowercase())
    }
}

/// US Census 1990 first names (male and female lists, public domain; see
/// `data/README.md`), lower-cased, one a line.
const CENSUS_FIRST: &str = include_str!("data/first_names.txt");
/// Hand-written additions for given names the census lists lack.
const EXTRA_FIRST: &str = include_str!("data/extra_first_names.txt");
/// Given names the census lists lack, mined from the shared corpora with
/// spaCy as a teacher (`tools/people/mine_given.py`, see `data/README.md`).
const MINED_FIRST: &str = include_str!("data/mined_first_names.txt");

fn set(words: &'static str) -> FastSet<&'static str> {
    words.split_whitespace().collect()
}

/// Known given names.
pub static FIRST_NAMES: LazyLock<FastSet<&'static str>> = LazyLock::new(|| {
    let mut names = FastSet::with_capacity_and_hasher(6 << 10, Default::default());
    names.extend(
        CENSUS_FIRST
            .lines()
            .chain(EXTRA_FIRST.lines())
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#')),
    );
    names
});

/// Given names that are also everyday words ("Will", "May", "Grant"): a
/// first token from this set only counts when the next one is no word.
pub static AMBIGUOUS_FIRST: LazyLock<FastSet<&'static str>> = LazyLock::new(|| {
    set(
        "aide ami an angle art autumn bill brain buck carry chance charity chase clay \
         crystal dean del desire destiny diamond don dot drew echo else era eve fairy faith \
         forest foster frank gala gay glory golden grace grant guy hang hope hung in joy junior \
         king kit lady lane liberty loan long love major man manual many marine mark marry \
         marvel may miles miss my numbers page pat patience peg penny precious prince ray rich \
         rose rosy royal sang season see so son song soon spring star sterling sue summer sun \
         sung tiny van victor von ward will winter yen young april june august justice \
         le la de du da di el den der dos das ter ten \
         christian dick",
    )
});

/// Places that look like people's names ("Hong Kong", "Santa Fe"), hand
/// written; see `data/README.md`.
const PLACES: &str = include_str!("data/places.txt");
/// Firms named after people ("Merrill Lynch", "Goldman Sachs"), hand
/// written; see `data/README.md`.
const FIRMS: &str = include_str!("data/firms.txt");

/// The lines of a data file without comments and blank lines.
fn entries(list: &'static str) -> impl Iterator<Item = &'static str> {
    list.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// The lower-case words of a listed name: letters and digits, split at
/// anything else ("E.F. Hutton" → `e f hutton`, "Marks & Spencer" →
/// `marks spencer`).
fn phrase_words(entry: &str) -> Vec<String> {
    entry
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(super::normalise)
        .collect()
}

/// Listed places and firms of several words, by first word: each entry is
/// the remaining words.
pub static PHRASES: LazyLock<HashMap<String, Vec<Vec<String>>>> = LazyLock::new(|| {
    let mut m: HashMap<String, Vec<Vec<String>>> = HashMap::new();
    for e in entries(PLACES).chain(entries(FIRMS)) {
        let mut words = phrase_words(e);
        if words.len() < 2 {
            continue;
        }
        let head = words.remove(0);
        m.entry(head).or_default().push(words);
    }
    m
});

/// Listed one-word places and firms, and the hyphenated forms of listed
/// phrases ("rolls-royce", "guinea-bissau"): stop words. A one-word place
/// that is also a known given name is left out.
pub static LISTED_WORDS: LazyLock<FastSet<&'static str>> = LazyLock::new(|| {
    let mut s = FastSet::default();
    for e in entries(PLACES).chain(entries(FIRMS)) {
        let words = phrase_words(e);
        if words.len() == 1 {
            if !FIRST_NAMES.contains(words[0].as_str()) {
                s.insert(&*Box::leak(words[0].clone().into_boxed_str()));
            }
        } else if !words.iter().any(|w| w == "and") {
            s.insert(&*Box::leak(words.join("-").into_boxed_str()));
        }
    }
    s
});

/// Words that, right after a name, make it a firm ("Merrill Lynch Inc",
/// "Morgan Stanley Group", "Salomon Brothers"), capitalised or not.
pub static FIRM_SUFFIXES: LazyLock<FastSet<&'static str>> = LazyLock::new(|| {
    set(
        "inc corp corporation co cos company companies ltd plc llc lp ag sa nv bv gmbh spa \
         group holdings securities bank banking brothers bros partners associates capital \
         investments investment asset management markets futures finance financial \
         brokers brokerage stockbrokers trust sons",
    )
});

/// Lower-case nouns that, right before a name, make it a firm's ("investment
/// firm Grant Samuel", "parts maker Robert Bosch", "record label Big
/// Machine"); not "company" or "group", which stand before their people
/// ("group chairman ...") too often.
pub static FIRM_NOUNS: LazyLock<FastSet<&'static str>> = LazyLock::new(|| {
    set(
        "firm maker carmaker automaker retailer insurer label brand lender chain \
         conglomerate brokerage consultancy manufacturer airline publisher supermarket \
         bank",
    )
});

/// Lower-case words that, right after a name, make it a firm: its staff,
/// shares and offshoots ("Merrill Lynch economist", "Dow Jones index").
pub static FIRM_CUES: LazyLock<FastSet<&'static str>> = LazyLock::new(|| {
    set(
        "analyst analysts economist economists strategist strategists stock stocks unit \
         units subsidiary subsidiaries affiliate index average news agency newspaper",
    )
});

/// Prepositions of place: before a name not followed by a speech verb,
/// they suggest a place or a firm ("in Santa Ana", "at Smith Barney").
/// "from" and "to" were tried and left out: in sports and politics reports
/// they precede people far more often ("a penalty from Ronan O'Gara", "wrote
/// to Tony Blair").
pub static LOCATIVES: LazyLock<FastSet<&'static str>> = LazyLock::new(|| set("in at"));

/// Titles that are never surnames: at the end of a capitalised run with no
/// name after them they name an office ("the Treasury Secretary said"),
/// unlike "Mervyn King" or "Mike Judge"; alone after an honorific or a
/// title they are an office too ("Mr. President", "Lord Chancellor",
/// "Inspector General"), never a person.
pub static OFFICE_TITLES: LazyLock<FastSet<&'static str>> = LazyLock::new(|| {
    set(
        "secretary minister president undersecretary under-secretary commissioner \
         chairman chairwoman spokesman spokeswoman governor senator director ambassador \
         premier treasurer vice-president chancellor general speaker leader whip \
         secretary-general attorney-general taoiseach consort officer",
    )
});

/// Last parts of compound adjectives: a capitalised word ending in one is
/// no name ("Republican-led House", "London-based", "Labour-run").
pub static COMPOUND_TAILS: LazyLock<FastSet<&'static str>> = LazyLock::new(|| {
    set(
        "led based backed born owned run controlled style era made funded dominated held \
         sponsored linked allied aligned appointed bound focused oriented leaning friendly \
         minded inspired themed produced listed registered nominated winning \
         award-winning",
    )
});

/// Generational suffixes: they end a name ("Martin Luther King Jr.",
/// "Donald Trump Jr", "Pope John Paul II") and are kept in it, but are
/// neither a surname nor a title's name.
pub static SUFFIXES: LazyLock<FastSet<&'static str>> = LazyLock::new(|| set("jr sr ii iii iv"));

/// Kinds of work: before a name they make it a title ("the drama Vera
/// Drake").
pub static WORKS: LazyLock<FastSet<&'static str>> = LazyLock::new(|| {
    set(
        "film films movie movies drama comedy thriller biopic documentary sitcom musical \
         novel novels book books series franchise sequel album theme adaptation \
         remake spin-off game games show",
    )
});

/// People who make or play in a work, between its title and their name
/// ("Vera Drake star Imelda Staunton", "Harry Potter director Alfonso
/// Cuaron").
pub static WORK_ROLES: LazyLock<FastSet<&'static str>> = LazyLock::new(|| {
    set("star co-star director author creator producer actor actress writer composer")
});

/// Honorifics: not part of the name, but proof that a person follows.
pub static HONORIFICS: LazyLock<FastSet<&'static str>> = LazyLock::new(|| {
    set("mr mrs ms miss mx dr sir dame lord lady baroness baron prof professor rev reverend")
});

/// Capitalised titles and offices that may stand before a name
/// ("Prime Minister Tony Blair", "Reserve Bank Governor Spencer Russell").
pub static TITLES: LazyLock<FastSet<&'static str>> = LazyLock::new(|| {
    set(
        "president vice prime minister chancellor senator sen rep representative \
         congressman congresswoman gov governor judge justice chief executive secretary \
         treasurer mayor chairman chairwoman chair director gen col lt adm maj capt sgt cpl \
         commander admiral king queen prince princess princes pope archbishop bishop cardinal sheikh emir \
         ayatollah speaker deputy commissioner ambassador attorney inspector detective \
         superintendent coach captain spokesman spokeswoman councillor constable envoy \
         premier chairperson sultan imam rabbi pastor father brother sister general \
         undersecretary under-secretary leader whip adviser advisor taoiseach \
         secretary-general attorney-general justices judges senators lords counsel",
    )
});

/// Titles strong enough to make a single following word a person
/// ("President Obama", "Judge Sabraw").
pub static STRONG_TITLES: LazyLock<FastSet<&'static str>> = LazyLock::new(|| {
    set(
        "president senator sen rep representative congressman congresswoman gov governor \
         judge chancellor minister secretary mayor king queen prince princess pope sheikh \
         ayatollah gen col lt adm maj capt sgt coach cardinal archbishop bishop commissioner \
         ambassador inspector detective premier sultan speaker leader taoiseach",
    )
});

/// Party words that, before a full name, mark a politician
/// ("Republican Mitt Romney"); they are cut off like titles.
pub static PARTY_WORDS: LazyLock<FastSet<&'static str>> = LazyLock::new(|| {
    set(
        "republican republicans democrat democrats democratic labour tory tories \
         conservative conservatives liberal unionist nationalist socialist",
    )
});

/// Abbreviations whose full stop belongs to the word, not the sentence.
pub static ABBREV_DOT: LazyLock<FastSet<&'static str>> = LazyLock::new(|| {
    set(
        "mr mrs ms dr prof rev sen rep gov gen col lt adm maj capt sgt cpl st jr sr mt ft \
         messrs hon supt insp det",
    )
});

/// Name particles written in lower case inside a name ("Theo van Gogh").
pub static PARTICLES: LazyLock<FastSet<&'static str>> = LazyLock::new(|| {
    set("de van von der den da di du del della la le bin ibn bint al el dos das ter ten st")
});

/// Capitalised words that are never part of a person's name; a span is
/// split at them. Function words, sentence openers, days, directions,
/// nationalities, places and other capitalised non-names.
pub static STOP: LazyLock<FastSet<&'static str>> = LazyLock::new(|| {
    set(concat!(
        // function words and frequent sentence openers
        "the a an and or but if when while as at by for from in into of on onto to with \
         without this that these those there then than so yet also after before during since \
         beyond unfortunately fortunately
         until because although though however meanwhile moreover indeed still even just only \
         now here where what which who whom whose why how all any each every some many most \
         more much few both either neither no not nor our your their his her its my we you \
         they he she it i i've i'm i'll i'd i’ve i’m i’ll i’d us them me him yes oh ok mrs among under over about against between \
         through across around like unlike despite whether such other another one two three \
         four five six seven eight nine ten first second third last next new old former late \
         is are was were be been being have has had do does did will would can could should \
         may might must shall let lets please thanks thank dear today tonight yesterday \
         tomorrow every nobody everyone someone anyone something nothing everything \
         read watch see click sign share follow subscribe advertisement updated update photo \
         photos video file image caption enlarge toggle story continued below related replay \
         analysis opinion comment editorial exclusive breaking live latest forwards backs \
         replacements substitutes subs ",
        // days, seasons, holidays
        "monday tuesday wednesday thursday friday saturday sunday christmas easter \
         ramadan eid diwali hanukkah thanksgiving halloween valentine ",
        // nationalities, religions and other adjectives of origin
        "british english scottish welsh irish american americans european african asian \
         chinese japanese russian french german italian spanish indian pakistani afghan iraqi \
         iranian israeli palestinian arab arabic muslim muslims christians jewish catholic \
         protestant islamic canadian australian mexican brazilian argentine argentinian dutch \
         swiss swedish danish norwegian finnish greek turkish egyptian nigerian korean \
         indonesian filipino saudi syrian lebanese kenyan zimbabwean polish ukrainian \
         hungarian czech portuguese belgian austrian deutsche lankan nepali nepalese vietnamese thai \
         malaysian latin latino latinos latina hispanic cuban venezuelan colombian chilean \
         peruvian south-african kurdish sunni shia shiite hindu sikh buddhist western \
         soviet communist nazi ",
        // countries, regions and large cities that are not also common surnames
        "britain england scotland wales ireland uk usa us america europe africa asia china \
         japan russia france germany italy spain india pakistan afghanistan iraq iran israel \
         palestine gaza canada australia mexico brazil argentina netherlands holland \
         switzerland sweden denmark norway finland greece turkey egypt nigeria korea \
         indonesia philippines syria lebanon kenya zimbabwe poland ukraine hungary portugal \
         belgium austria nepal vietnam thailand malaysia cuba venezuela colombia chile peru \
         kathmandu zambia sudan darfur tibet beijing moscow paris berlin rome madrid tokyo \
         delhi mumbai karachi lahore kabul baghdad tehran jerusalem cairo dubai riyadh \
         london manchester liverpool birmingham glasgow edinburgh cardiff belfast dublin \
         leeds bristol newcastle oxford cambridge brussels geneva amsterdam vienna athens \
         istanbul ottawa toronto sydney melbourne jakarta manila seoul shanghai \
         texas california florida ohio virginia georgia carolina alabama mississippi \
         louisiana tennessee kentucky michigan illinois iowa arizona nevada utah colorado \
         oregon alaska hawaii maryland massachusetts pennsylvania jersey wisconsin minnesota \
         missouri arkansas oklahoma kansas nebraska dakota montana wyoming idaho indiana \
         connecticut vermont maine delaware manhattan brooklyn chicago boston miami atlanta \
         angeles francisco diego seattle detroit philadelphia baltimore orleans vegas \
         hollywood westminster whitehall kremlin wall ",
        // organisations, media and other capitalised non-names seen in news
        "bbc itv cnn nbc cbs abc fox reuters ap afp nato eu opec imf fbi cia nasa \
         labour tory tories conservative conservatives republican republicans democrat \
         democrats democratic liberal liberals green greens gop parliament congress senate \
         government ministry cabinet commons lords whitehall downing internet web google \
         microsoft apple facebook twitter youtube amazon ibm intel sony nintendo \
         god allah jesus lord oscar oscars grammy grammys emmy bafta nobel olympic \
         olympics premiership premier world international national federal royal \
         hurricane storm typhoon cyclone tropical tsunami virus covid coronavirus aids hiv \
         qaeda qaida taliban nhs pepper administration dlrs dlr cents stg hk nz lib \
         dems dem dc"
    ))
});

/// Words that make a capitalised sequence an organisation, building,
/// place or event rather than a person ("Jack Kemp Foundation").
pub static ORG_WORDS: LazyLock<FastSet<&'static str>> = LazyLock::new(|| {
    set(
        "party committee council association assembly society union university college \
         school academy institute foundation trust agency department ministry office \
         commission bank group company corporation corp co inc ltd plc llc club team fc \
         united city county state states republic kingdom empire government court \
         parliament congress senate street road avenue lane square park bridge station \
         airport stadium arena centre center museum theatre theater gallery hospital church \
         cathedral abbey palace castle river lake mountain mount island islands bay sea \
         ocean gulf valley coast beach prize award awards cup league championship \
         championships games olympics festival report news times post journal herald \
         telegraph guardian mail express press network channel radio tv television magazine \
         review service services project programme program fund system authority board \
         force army navy police corps brigade regiment rifles guard guards bureau laboratory \
         labs forum summit conference convention exchange market index fair show series \
         tour film album records studios studio entertainment interactive media holdings \
         partners capital securities motors airlines airways energy oil gas petroleum \
         industries systems technologies software labs pharmaceuticals shelter community \
         memorial cemetery district province region territory commonwealth federation \
         alliance coalition movement campaign initiative act bill law amendment treaty \
         accord agreement declaration plan budget day week year month era age war wars \
         crisis scandal affair revolution cross challenge trophy open masters grand prix \
         aid live rock band orchestra choir quartet trio ballet opera musical \
         hotel hotels departments ministries committees companies banque banco banca societe \
         compagnie credit caisse house institution library blog photography leadership \
         amphitheatre amphitheater pavilion electric power babes boys girls fans loyalists \
         supporters twins insider organization organisation rights \
         research chamber operation networks broadcasting productions equities design \
         desk unit centers centres works falls springs heights daily weekly operations \
         motor real license licence",
    )
});

/// Lower-case nouns for roles and relations that, right before a name or
/// after it in apposition, mark a person ("analyst Dmitry Lukashov").
pub static ROLE_NOUNS: LazyLock<FastSet<&'static str>> = LazyLock::new(|| {
    set(
        "spokesman spokeswoman spokesperson chairman chairwoman chair chief executive \
         director manager boss coach analyst economist lawyer attorney solicitor barrister \
         actor actress singer star player striker midfielder defender goalkeeper keeper \
         winger forward captain skipper minister secretary president leader founder \
         co-founder editor writer author reporter correspondent journalist official officer \
         professor lecturer teacher student chancellor mayor governor senator judge \
         presenter host comedian producer designer artist photographer musician guitarist \
         drummer bassist keyboardist composer conductor pianist violinist frontman frontwoman vocalist rapper champion winner \
         rival colleague partner wife husband son daughter father mother brother sister \
         uncle aunt cousin nephew niece grandson granddaughter grandfather grandmother \
         widow widower fiancee fiance girlfriend boyfriend friend candidate mp mep msp \
         adviser advisor aide assistant consultant researcher scientist expert engineer \
         owner investor banker trader broker strategist critic veteran legend hopeful hero \
         opponent counterpart successor predecessor deputy heir commissioner agent driver \
         worker resident citizen victim suspect defendant prosecutor ambassador envoy \
         diplomat general commander soldier businessman businesswoman tycoon billionaire \
         millionaire entrepreneur pundit holder jumper runner sprinter athlete cyclist \
         golfer boxer bowler batsman fielder jockey trainer swimmer skier novelist \
         playwright poet blogger anchor commentator head creator inventor programmer \
         developer hacker maker filmmaker dancer model designer chef priest vicar bishop \
         cleric imam rabbi activist campaigner protester organiser organizer negotiator \
         treasurer chancellor economist accountant auditor investigator detective \
         inspector constable sergeant superintendent psychologist psychiatrist doctor \
         surgeon nurse dentist pharmacist physicist chemist biologist historian \
         philosopher archaeologist architect lawmaker legislator congressman congresswoman \
         politician statesman premier monarch princess prince heiress confidant manager \
         administrator regulator supervisor controller economist vice-president \
         vice-chairman ceo cfo coo center centre guard tackle quarterback receiver rusher \
         linebacker pitcher catcher shortstop outfielder infielder diver seed talisman \
         prop hooker flanker fly-half scrum-half full-back lock wing goalscorer playmaker \
         rookie teammate team-mate nominee contender challenger incumbent pollster newcomer \
         newcomers compatriot compatriots",
    )
});

/// Verbs of speech and thought that, right after a name, mark a person
/// ("Dmitry Lukashov said"); before a name ("said Todd Stitzer") too.
pub static SPEECH_VERBS: LazyLock<FastSet<&'static str>> = LazyLock::new(|| {
    set(
        "said says say told tells added adds explained explains insisted insists argued \
         argues claimed claims believes believed thinks thought wrote writes tweeted warned \
         warns noted notes admitted admits denied denies stressed stresses continued replied \
         asked asks announced announces commented urged urges suggested suggests \
         acknowledged described declared declares confirmed confirms revealed reveals \
         recalled recalls predicted conceded concedes maintained agreed agrees disagreed \
         responded answered concluded pointed observed remarked testified joked laughed \
         smiled shouted whispered hopes hoped wants wanted feels felt knows knew",
    )
});

/// Verbs that, right after a full name, mark a person in sports and
/// results text ("Zach Parise scored twice", "Katarina Srebotnik
/// withdrew"); firms rarely do these, and a lone word never counts.
pub static ACTION_VERBS: LazyLock<FastSet<&'static str>> = LazyLock::new(|| {
    set(
        "scored scores netted nets beat beats defeated saved stopped kicked struck threw \
         rushed caught homered pitched clocked withdrew retired resigned died starred \
         sang married captained finished equalised equalized converted tackled",
    )
});

/// The verbs of [`ACTION_VERBS`] that teams, firms and bodies do not do:
/// after a lone word they make it a person ("Ronaldinho netted", "Henman
/// withdrew"), where "Arsenal scored" would not.
pub static PERSONAL_VERBS: LazyLock<FastSet<&'static str>> = LazyLock::new(|| {
    set("netted homered pitched clocked withdrew retired died married starred sang captained")
});

/// Directions and size words that open or close place names ("Islington
/// North", "Greater London") but end some surnames ("Oliver North").
/// A day of the week or a feast, which follows names in news copy
/// ("met John Kerry Tuesday").
pub fn is_day(w: &str) -> bool {
    with_lower(w, |w| {
        matches!(
            w,
            "monday"
                | "tuesday"
                | "wednesday"
                | "thursday"
                | "friday"
                | "saturday"
                | "sunday"
                | "christmas"
                | "easter"
        )
    })
}

/// Figures only a player has, after a number ("25 points", "two assists").
pub fn is_stat_noun(w: &str) -> bool {
    matches!(
        w,
        "point"
            | "points"
            | "goal"
            | "goals"
            | "save"
            | "saves"
            | "assist"
            | "assists"
            | "rebound"
            | "rebounds"
            | "steal"
            | "steals"
            | "tackles"
            | "wickets"
            | "touchdowns"
            | "yards"
            | "strikeouts"
            | "aces"
            | "birdies"
            | "kills"
            | "digs"
            | "tries"
    )
}

/// A small count written as a word ("had two assists", "had a goal").
pub fn is_count_word(w: &str) -> bool {
    matches!(
        w,
        "a" | "an"
            | "one"
            | "two"
            | "three"
            | "four"
            | "five"
            | "six"
            | "seven"
            | "eight"
            | "nine"
            | "ten"
            | "eleven"
            | "twelve"
    )
}

pub static DIRECTIONS: LazyLock<FastSet<&'static str>> = LazyLock::new(|| {
    set(
        "north south east west northern southern eastern western central upper lower \
         greater great little mid middle",
    )
});

/// Role nouns too vague to make a lone word a person ("head X").
pub static WEAK_ROLES: LazyLock<FastSet<&'static str>> = LazyLock::new(|| {
    set(
        "head chief general star partner member friend hero legend veteran maker model \
         owner holder winner rival champion worker resident citizen victim suspect agent \
         driver executive candidate regulator watchdog supervisor controller \
         administrator developer investor broker trader auditor designer operator \
         center centre guard tackle receiver seed diver talisman prop hooker lock wing \
         rookie nominee contender challenger incumbent",
    )
});

/// Months: a name only when they are clearly not a date ("Theresa May"
/// but "in May", "May 5").
pub static MONTHS: LazyLock<FastSet<&'static str>> = LazyLock::new(|| {
    set(
        "january february march april may june july august september october november \
         december jan feb mar apr jun jul aug sep sept oct nov dec",
    )
});

/// Words that, before a month, make it a date.
pub static DATE_PREPS: LazyLock<FastSet<&'static str>> = LazyLock::new(|| {
    set(
        "in on since until till by last next early late mid from through during of \
         between before after this each every",
    )
});

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gazetteer_loads_both_lists() {
        assert!(FIRST_NAMES.contains("jeremy"));
        assert!(FIRST_NAMES.contains("sadiq"));
        assert!(FIRST_NAMES.len() > 5000);
        assert!(!FIRST_NAMES.iter().any(|n| n.starts_with('#')));
    }
}
