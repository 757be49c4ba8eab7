//! German rules: titles and functions (`Vizekanzler`, `Bundeskanzlerin`,
//! `ÖVP-Chef`, `Landeshauptmann`, `Herr`, `Dr.`) found by their endings, so
//! compounds (`Außenminister`, `Valve-Gründer`) count too; stop words
//! (determiners, pronouns, prepositions, sentence adverbs, months) and
//! words that name things (`Stadt`, `Millionen`, `Euro`, nouns ending in
//! `-ung`, `-heit`, `-schaft` ...); given names from the US Census lists of
//! the English rules plus a short hand-written list of German and Austrian
//! ones (see `GIVEN`). Every German noun is capitalised, so a run of
//! capitalised words is a person only with evidence ([`super`]).

use super::{Lang, Vocab};
use crate::hashing::FastMap;
use crate::people::lexicon::{self, bits};
use std::cell::RefCell;
use std::collections::HashSet;
use std::sync::LazyLock;

/// Most words whose answers one [`remember`] cache keeps per thread.
const MEMO_WORDS: usize = 100_000;

thread_local! {
    /// `title` and `thing` answers by word: both try every ending of a
    /// list, and the extractor asks them of the same words many times (two
    /// thirds of German extraction's cost before).
    static MEMO: RefCell<[FastMap<String, bool>; 2]> = RefCell::new(Default::default());
}

/// `test(word)`, remembered in cache `which` (0 titles, 1 things).
fn remember(which: usize, word: &str, test: impl FnOnce(&str) -> bool) -> bool {
    if let Some(known) = MEMO.with_borrow(|m| m[which].get(word).copied()) {
        return known;
    }
    let answer = test(word);
    MEMO.with_borrow_mut(|m| {
        if m[which].len() >= MEMO_WORDS {
            m[which].clear();
        }
        m[which].insert(word.to_string(), answer);
    });
    answer
}

/// The German rule set.
pub(super) struct German;

/// Endings of German titles, offices, roles and kin words, masculine; the
/// feminine `-in`, the genitive `-s`/`-en` and the plural `-innen` are
/// accepted too. Written for newsdex.
const TITLE_ENDINGS: &str = "kanzler minister präsident chef obmann obfrau sprecher direktor \
    vorsitzender vorsitzende bürgermeister landeshauptmann landeshauptfrau kommissar sekretär \
    leiter trainer manager kapitän schauspieler sänger regisseur autor abgeordneter abgeordnete \
    bundesrichter verfassungsrichter richterin kandidat anwalt anwältin experte forscher wissenschafter wissenschaftler professor \
    gründer boss premier premierminister königin prinz prinzessin papst kardinal \
    pfarrer fotograf künstler komponist maler musiker rapper journalist moderator produzent \
    musikproduzent dirigent pianist schriftsteller dichter philosoph historiker ökonom analyst \
    generalsekretär staatssekretär botschafter diplomat oberst kommandant feldherr \
    staatschef regierungschef parteichef klubobmann geschäftsführer vorstand vorstandschef \
    spieler stürmer verteidiger torhüter tormann angreifer mittelfeldspieler coach teamchef \
    weltmeister olympiasieger europameister rennfahrer pilot fahrer sohn tochter vater mutter \
    bruder schwester ehefrau ehemann witwe witwer gattin gatte enkel onkel tante mogul \
    medienmogul mitglied vorgänger vorgängerin nachfolger nachfolgerin kollege kollegin herr herrn frau \
    dr prof mag ing dipl kaiserin fürstin erzherzog gräfin \
    sheriff senator senatorin gouverneur abt rabbiner imam ayatollah scheich emir \
    staatsanwalt verteidigungsminister ministerpräsident vizepräsident hochkommissar \
    landesrat landesrätin stadtrat stadträtin gemeinderat bezirksvorsteher nationalratspräsident \
    ombudsmann volksanwalt rektor dekan intendant kurator galerist verleger herausgeber \
    chefredakteur redakteur korrespondent reporter kolumnist blogger youtuber influencer \
    model designer architekt unternehmer investor milliardär millionär bankier banker \
    lehrer arzt ärztin chirurg psychologe psychiater sprecherin";

/// Honorific abbreviations whose full stop ends no sentence.
const ABBREVIATIONS: &[&str] = &[
    "dr", "prof", "mag", "ing", "dipl", "st", "hl", "mr", "mrs", "ms",
];

/// Whether a lower-case word is an abbreviation whose full stop ends no
/// sentence (`Dr.`, `Prof.`).
pub(super) fn abbreviation(lower: &str) -> bool {
    ABBREVIATIONS.contains(&lower)
}

/// German determiners and possessives before a noun.
const DETERMINERS: &str = "der die das den dem des ein eine einen einem einer eines kein keine \
    keinen keinem keiner dieser diese dieses diesen diesem jeder jede jedes jeden jedem \
    sein seine seinen seinem seiner ihr ihre ihren ihrem ihrer unser unsere unseren im am \
    vom zum zur beim ins ans aufs";

static DETERMINER_SET: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| DETERMINERS.split_whitespace().collect());

/// Whether a lower-case word is a German determiner (`die`, `zum`).
pub(super) fn determiner(lower: &str) -> bool {
    DETERMINER_SET.contains(lower)
}

/// Parties in brackets after a name (`Michael Häupl (SPÖ)`).
const PARTIES: &[&str] = &[
    "SPÖ",
    "ÖVP",
    "FPÖ",
    "Grüne",
    "NEOS",
    "Neos",
    "BZÖ",
    "KPÖ",
    "CDU",
    "CSU",
    "SPD",
    "FDP",
    "AfD",
    "Linke",
    "Grünen",
    "Piraten",
    "SVP",
    "FDP",
    "CVP",
    "Team Stronach",
    "Liste Pilz",
    "D",
    "R",
];

/// Whether the text in brackets after a name is a party.
pub(super) fn party(inner: &str) -> bool {
    PARTIES.contains(&inner)
}

/// Stop words: never part of a name. Determiners, pronouns, prepositions,
/// conjunctions, sentence adverbs, weekdays, months, numbers and the
/// commonest capitalised nouns of news (`Millionen Euro`).
const STOP: &str = "der die das den dem des ein eine einen einem einer eines kein keine \
    ich du er sie es wir ihr ihnen ihm ihn man wer was wo wie wann warum welche welcher welches \
    mein meine dein deine sein seine ihre unser unsere euer eure dieser diese dieses jener jene \
    und oder aber doch denn sondern sowie auch noch nur schon bereits dann da so als wenn weil \
    dass ob nach vor bei mit von zu aus auf in im am an um für gegen ohne über unter durch zwischen \
    seit bis laut trotz wegen während statt neben hinter zum zur vom beim ins \
    nicht kein nein ja alle alles viele mehrere einige andere beide jeder jede jedes \
    dabei damit dazu davon darauf daher deshalb deswegen dennoch jedoch zudem außerdem allerdings \
    inzwischen mittlerweile derzeit heute gestern morgen bisher zunächst zuletzt später danach \
    hier dort immer nie oft gerade vielleicht wohl sogar etwa rund knapp mehr weniger fast \
    insgesamt gleichzeitig vorerst bislang künftig erstmals offenbar angeblich tatsächlich \
    montag dienstag mittwoch donnerstag freitag samstag sonntag wochenende \
    januar jänner februar feber märz april mai juni juli august september oktober november dezember \
    millionen million milliarden milliarde mio mrd euro dollar franken pfund rubel prozent \
    jahr jahre jahren jahres monat monate woche wochen tag tage tagen uhr stunde stunden minuten \
    mal zeit ende anfang mitte beginn hälfte teil seite frage antwort grund fall fälle \
    mann frau männer frauen kind kinder menschen leute eltern familie bürger bürgerin \
    nord süd ost west nordosten nordwesten südosten südwesten norden süden osten westen \
    denn wieso weshalb wobei wonach woran somit sodass ebenso ebenfalls zwar nun jetzt \
    eins zwei drei vier fünf sechs sieben acht neun zehn hundert tausend erste ersten zweite \
    dritte letzte letzten neue neuen große großen kleine alte gute \
    gott herrgott internet facebook twitter google youtube instagram apple \
    nachdem obwohl während sobald solange bevor damit falls sofern indem \
    the a an of and or for with that this you your my his her our their its is are was \
    we i to on at by from new not no all one it be as los las san santa monte daten";

/// Words that name places, organisations and things: they end a run and
/// are never a person.
const THINGS: &str = "stadt land staat bund länder gemeinde bezirk region provinz kanton \
    regierung parlament nationalrat bundesrat landtag bundestag kongress senat kabinett \
    partei verein verband bank konzern gruppe firma unternehmen holding aktie aktien \
    zeitung magazin agentur sender fernsehen radio times journal news post \
    universität uni institut akademie schule hochschule klinik spital krankenhaus \
    ministerium amt behörde gericht gerichtshof polizei armee militär \
    kommission union rat club klub team liga bundesliga cup open festival preis award \
    haus straße gasse platz kirche dom hotel museum theater oper galerie halle stadion \
    flughafen bahnhof hafen see berg fluss insel tal wald park kreuz \
    euro dollar prozent millionen milliarden \
    deutschland österreich schweiz frankreich italien spanien russland amerika china \
    europa afrika asien wien berlin paris london moskau brüssel";

static TITLE_SET: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| TITLE_ENDINGS.split_whitespace().collect());
static STOP_SET: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| STOP.split_whitespace().collect());
static THING_SET: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| THINGS.split_whitespace().collect());

/// Given names of Germany and Austria that the US Census lists lack or
/// that are spelt differently there, hand-written for newsdex from general
/// knowledge of the commonest German given names (not from the labelled
/// articles; some of these names do occur in them).
const GIVEN: &str = "andreas angelika annegret anneliese bernd bernhard birgit burkhard \
    christoph christa dieter dietmar dirk doris egon elfriede elke erwin friedrich fritz \
    gerd gerhard gernot gertrud gisela götz günter günther gudrun hannelore hans-jürgen \
    hans-peter harald heidi heike heinrich heinz-christian helga helmut helmuth herwig \
    hildegard horst ilse ingeborg ingrid irmgard jens joachim johanna jörg josef jürgen karl-heinz \
    klaus-dieter lothar lukas manfred margit marianne markus matthias michaela monika norbert \
    ottmar otto reinhard reinhold renate rüdiger sabine sigmar sigrid silke stefan stefanie \
    steffen susanne sylvia thomas torsten udo ulrich ulrike ursula uwe volker waltraud werner \
    wilfried wolfgang heinz walter franz-josef johann sepp hannes wendelin alois anton \
    ferdinand florian georg gregor jakob kurt leopold ludwig maximilian niklas reinhold \
    rupert sebastian sieglinde theresia christian nico mark valentin vinzenz veronika wilhelm ernst hermann \
    sergej wladimir dmitri alexej michail viktor juri boris nikolai iwan jewgeni";

static GIVEN_SET: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| GIVEN.split_whitespace().collect());

/// Whether a lower-case word ends like a German title (after its last
/// hyphen: `övp-chef`, `us-schauspielerin`).
fn title_word(lower: &str) -> bool {
    let w = lower.rsplit(['-', '‐']).next().unwrap_or(lower);
    if STOP_SET.contains(w) && !matches!(w, "frau" | "mann") {
        return false;
    }
    TITLE_SET.iter().any(|t| {
        let Some(rest) = w.strip_suffix(t) else {
            return ["in", "innen", "s", "en", "n", "es"].iter().any(|e| {
                w.strip_suffix(e).is_some_and(|b| {
                    b.ends_with(t)
                        && (b.len() == t.len() || (t.len() >= 4 && b.len() >= t.len() + 2))
                })
            });
        };
        // A compound's head, or the title itself (`Außenminister`, not
        // `Leiterwagen`); short titles only alone.
        rest.is_empty() || (t.len() >= 4 && rest.len() >= 2)
    })
}

/// Whether a lower-case word looks like a German common noun by its ending.
fn noun_ending(lower: &str) -> bool {
    let n = lower.chars().count();
    const LONG: &[&str] = &[
        "ung", "heit", "keit", "schaft", "tion", "sion", "tät", "ismus", "nis", "ium", "ment",
        "enz", "anz", "kunft", "hof", "hofs", "ungen", "heiten", "keiten", "schaften", "tionen",
    ];
    (n >= 6 && LONG.iter().any(|e| lower.ends_with(e)))
        || (n >= 7
            && ["ei", "ik", "ur", "ien", "land", "reich", "stadt", "straße"]
                .iter()
                .any(|e| lower.ends_with(e)))
}

/// Whether a lower-case word names a thing: a thing word, a compound
/// ending in one, or a common noun by its ending.
fn thing_word(lower: &str) -> bool {
    let head = lower.rsplit(['-', '‐']).next().unwrap_or(lower);
    THING_SET.contains(lower)
        || THING_SET.contains(head)
        || noun_ending(head)
        || THING_SET
            .iter()
            .any(|t| t.chars().count() >= 5 && head.len() >= t.len() + 3 && head.ends_with(t))
}

impl Lang for German {
    fn title(&self, lower: &str) -> bool {
        remember(0, lower, title_word)
    }
    fn stop(&self, lower: &str) -> bool {
        const DAYS: &[&str] = &[
            "montag",
            "dienstag",
            "mittwoch",
            "donnerstag",
            "freitag",
            "samstag",
            "sonntag",
        ];
        // `Montagmittag`, `Freitagabend`.
        DAYS.iter().any(|d| lower.starts_with(d))
            || STOP_SET.contains(lower)
            || lower
                .rsplit(['-', '‐'])
                .next()
                .is_some_and(|h| h != lower && STOP_SET.contains(h) && !GIVEN_SET.contains(h))
    }
    fn thing(&self, lower: &str) -> bool {
        remember(1, lower, thing_word)
    }
    fn particle(&self, lower: &str, prev_lower: &str) -> bool {
        matches!(
            lower,
            "von"
                | "van"
                | "de"
                | "da"
                | "di"
                | "del"
                | "zu"
                | "bin"
                | "ibn"
                | "al"
                | "el"
                | "la"
                | "le"
        ) || (lower == "der" && matches!(prev_lower, "van" | "von"))
            || (lower == "den" && prev_lower == "van")
    }
    fn given(&self, lower: &str) -> bool {
        if STOP_SET.contains(lower) || THING_SET.contains(lower) {
            return false;
        }
        GIVEN_SET.contains(lower)
            || (lexicon::class_lower(lower) & bits::FIRST != 0
                && !lexicon::AMBIGUOUS_FIRST.contains(lower))
    }
    fn cue_before(&self, lower: &str) -> bool {
        matches!(
            lower,
            "sagte"
                | "sagt"
                | "so"
                | "erklärte"
                | "meinte"
                | "betonte"
                | "laut"
                | "namens"
                | "bestätigte"
        )
    }
    fn cue_after(&self, lower: &str) -> bool {
        matches!(
            lower,
            "sagte"
                | "sagt"
                | "erklärte"
                | "meinte"
                | "betonte"
                | "kritisierte"
                | "zufolge"
                | "warnte"
                | "schrieb"
                | "twitterte"
                | "sagten"
        )
    }
    fn shape(&self, _words: &[&str], _sent_start: bool) -> bool {
        false
    }
    fn recurrence_counts(&self) -> bool {
        true
    }
    fn title_reach(&self) -> usize {
        1
    }
    fn wordish(&self, lower: &str, vocab: &Vocab) -> bool {
        STOP_SET.contains(lower)
            || self.thing(lower)
            || vocab.has_lower(lower)
            || (vocab.after_det(lower) && !self.given(lower))
    }
    fn lone_surname(&self, _word: &str, _sent_start: bool) -> bool {
        false
    }
    fn split_before_given(&self, _prev_lower: &str, _vocab: &Vocab) -> bool {
        true
    }
    fn distinct_surname(&self, _word: &str) -> bool {
        false
    }
    fn opener(&self, _first_lower: &str, _next: &str) -> bool {
        false
    }
    fn place_noun(&self, _lower: &str) -> bool {
        // German place nouns are capitalised and end a run as things.
        false
    }
    fn lone_titled(&self, _word: &str, _title_plain: bool) -> bool {
        true
    }
    fn title_plain(&self, _lower: &str) -> bool {
        true
    }
    fn full_name(&self, words: &[&str], last_forms: &[&str]) -> (String, u8) {
        // A genitive (`Christian Kerns`) where the article also writes the
        // name without its `-s` (`Kern`).
        let mut out: Vec<&str> = words.to_vec();
        if let Some(last) = out.last_mut() {
            if let Some(bare) = last.strip_suffix('s') {
                if last_forms.contains(&bare) {
                    *last = bare;
                }
            }
        }
        (out.join(" "), 1)
    }
    fn stem(&self, word: &str) -> String {
        let lower = word.to_lowercase();
        // The genitive `-s` (`Kerns`, `Van der Bellens`).
        match lower.strip_suffix('s') {
            Some(b) if b.chars().count() >= 4 && !b.ends_with('s') => b.to_string(),
            _ => lower,
        }
    }
    fn nominative(&self, forms: &[&str], _given: bool) -> String {
        // The shortest form seen: `Kern` rather than `Kerns`.
        forms
            .iter()
            .min_by_key(|f| (f.chars().count(), **f))
            .map(|f| f.to_string())
            .unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use crate::people::extract;

    fn names(body: &str) -> Vec<String> {
        extract("", body, Some("de"))
            .into_iter()
            .map(|p| p.name)
            .collect()
    }

    #[test]
    fn titles_are_cut_off_and_nouns_are_no_people() {
        let body = "Wien – Vizekanzler Reinhold Mitterlehner (ÖVP) kritisiert die Pläne. \
            Die Regierung will 30 Millionen Euro ausgeben, sagte Mitterlehner. \
            Denken Sie nur an die Stadt Wien. ÖVP-Chef Mitterlehner blieb dabei.";
        assert_eq!(names(body), ["Reinhold Mitterlehner"]);
        let p = &extract("", body, Some("de"))[0];
        assert_eq!(p.mentions.len(), 3, "{:?}", p.mentions);
        assert_eq!(
            &body[p.mentions[0].start..p.mentions[0].end],
            "Reinhold Mitterlehner"
        );
    }

    #[test]
    fn genitive_and_compound_titles() {
        let body = "Bundeskanzlerin Angela Merkel traf Außenminister Sergej Lawrow. \
            Merkels Sprecher schwieg; Lawrow forderte Gespräche.";
        assert_eq!(names(body), ["Angela Merkel", "Sergej Lawrow"]);
    }
}
