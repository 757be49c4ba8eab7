//! Russian rules: titles in any case form (`президент`, `премьер-министр`,
//! `глава`, `министра`, `лидер`, `депутат`, `губернатор`, `мэр` ...),
//! sentence adverbs and pronouns as stop words (`Ранее`, `Однако`), places
//! and organisations in any case form as things (`России`, `Единой`), given
//! names from a short hand-written list (`GIVEN`), patronymics and surname
//! endings (`-ов`, `-ин`, `-ский`, `-енко`, `-швили` ...) as shape evidence,
//! and case folding: [`Lang::stem`] strips case endings so that `Путина`,
//! `Путину`, `Путиным` and `Путине` share the stem of `Путин`, and
//! [`Lang::nominative`] writes the canonical name in the nominative.

use super::{Lang, Vocab};
use std::collections::HashSet;
use std::sync::LazyLock;

/// The Russian rule set.
pub(super) struct Russian;

/// Case endings stripped for a stem, longest first.
const ENDINGS: &[&str] = &[
    "ого", "его", "ому", "ему", "ыми", "ими", "ием", "ией", "еем", "ьей", "аем", "ым", "им", "ой",
    "ей", "ай", "ае", "аю", "ую", "юю", "ая", "яя", "ом", "ем", "ий", "ый", "ия", "ию", "ии", "ея",
    "ею", "ья", "ьи", "ье", "ью", "а", "я", "у", "ю", "е", "ы", "и", "ь",
];

/// Endings a title takes in its case forms.
const TITLE_ENDINGS: &[&str] = &[
    "", "ь", "а", "у", "ом", "е", "ы", "ой", "ю", "ем", "и", "я", "ей", "ам", "ами", "ах", "ов",
    "ям", "ях",
];

/// Title stems (a title is one of these plus a case ending). Written for
/// newsdex.
const TITLES: &str = "президент премьер министр глав лидер депутат губернатор мэр \
    председател спикер сенатор посол посл генсек секретар директор гендиректор руководител \
    заместител замглавы канцлер корол королев принц принцесс патриарх митрополит епископ \
    полковник генерал майор капитан лейтенант маршал адмирал судь прокурор генпрокурор \
    адвокат юрист эксперт аналитик политолог экономист журналист корреспондент редактор \
    главред писател поэт художник композитор режиссер режиссёр актер актёр актрис певец певц \
    певиц музыкант продюсер тренер игрок футболист хоккеист теннисист гонщик пилот чемпион \
    чемпионк основател владелец владельц бизнесмен предпринимател миллиардер олигарх банкир \
    ученый учёный профессор академик доктор представител госсекретар омбудсмен вдов жен муж \
    сын дочь дочер брат сестр отец отц мать матер коллег господин госпож сэр шейх эмир султан \
    аятолл блогер оппозиционер правозащитник активист командир командующ комиссар еврокомиссар \
    вице-премьер вице-президент экс-президент экс-премьер пресс-секретар спецпредставител \
    премьер-министр советник помощник губернатора депутатк мэра папа сопредседател \
    председательниц спикера писательниц поэтесс учител автор основательниц \
    главнокомандующ преемник предшественник кандидат архитектор";

/// Words never part of a name (lower case): prepositions, conjunctions,
/// pronouns, sentence adverbs and particles that open a sentence.
const STOP: &str = "в во на по с со к ко о об от до из за для при про через под над без у и а \
    но или что как так это этот эта эти этого этом этой он она они оно его ее её их мы вы я ты \
    ранее однако также кроме тем того более менее еще ещё уже сейчас сегодня вчера завтра \
    теперь тогда когда где если хотя поэтому впрочем между после перед вместе лишь только даже \
    именно всего все всё весь вся другие многие некоторые каждый напомним отметим кстати правда \
    видимо возможно наконец далее затем потом позже около почти свыше согласно среди вокруг \
    против вот там тут здесь один одна два две три первый второй не ни нет да бы ли же уж \
    понедельник вторник среда четверг пятница суббота воскресенье сам сама сами сразу зато \
    причем причём итак таким такой такие такая при этом впервые особенно обычно вероятно \
    по-прежнему по-видимому конечно кроме помимо благодаря несмотря вопреки однажды недавно \
    пока почему зачем сколько кто чем чего кому какой какая какие который которая которые \
    бог господи интернет";

/// Places and organisations (any listed form: its stem covers the other
/// case forms), hand-written.
const THINGS: &str = "россия рф сша москва украина киев европа америка китай германия франция \
    англия великобритания британия италия испания япония турция польша белоруссия беларусь \
    грузия армения азербайджан казахстан израиль иран ирак сирия египет индия канада австралия \
    крым донбасс кремль госдума дума совет федерация партия единая единой справедливая \
    министерство правительство компания банк газпром роснефть нато оон евросоюз запад восток \
    петербург санкт-петербург подмосковье сибирь урал кавказ чечня вашингтон лондон париж \
    берлин пекин токио минск таллин рига вильнюс варшава прага вена рим брюссель женева \
    нью-йорк лос-анджелес штат штаты соединенные соединённые республика область край район \
    город площадь улица университет институт академия театр музей фонд агентство служба \
    комитет союз организация альянс ассоциация движение группа клуб команда сборная \
    церковь собор монастырь аэропорт вокзал интерфакс риа новости итар-тасс тасс \
    коммерсант ведомости известия рбк лента голос китая китае китаю корея остров герой \
    гран-при русский российский американский московский украинский китайский европейский \
    британский немецкий французский государственный федеральный национальный международный \
    центральный верховный южный северный западный восточный новый великий красный белый \
    советский православный исламский арабский народный демократический либеральный \
    объединенный генеральный общественный";

/// Places whose names end like surnames (`Киев`, `Берлин`): no lone
/// surname.
const SURNAME_LIKE_PLACES: &str = "киев львов харьков ростов саратов тамбов псков кишинев кишинёв \
    молдов берлин пекин таллин турин харбин дублин кремлин чернигов азов иванов бишкек";

/// Russian given names and common foreign ones as Russian writes them,
/// nominative, hand-written for newsdex from general knowledge of the
/// commonest names (not from the labelled articles; many of these names
/// do occur in them).
const GIVEN: &str = "александр алексей анатолий андрей антон аркадий арсений артем артём \
    борис вадим валентин валерий василий виктор виталий владимир владислав вячеслав геннадий \
    георгий марк глеб григорий даниил денис дмитрий евгений егор иван игорь илья иосиф кирилл \
    константин лев леонид максим матвей михаил никита николай олег павел петр пётр роман руслан \
    сергей станислав степан тимур федор фёдор филипп эдуард юрий яков ярослав рамзан ахмат \
    анна алла алена алёна алина александра анастасия ангелина валентина валерия вера \
    виктория галина дарья екатерина елена евгения елизавета жанна зинаида зоя инна ирина карина \
    клавдия кристина ксения лариса лидия любовь людмила маргарита марина мария надежда наталья \
    наталия нина оксана ольга полина раиса светлана софья софия таисия тамара татьяна ульяна \
    юлия яна эльвира эльмира наина \
    барак джон джордж джеймс дэвид майкл роберт ричард уильям томас чарльз джозеф дональд \
    хиллари ангела франсуа николя эммануэль жак тони гордон тереза борис реджеп тайип \
    хиллари мишель сильвио жозе мануэл педро хуан хосе карлос луис марко паоло марио \
    мухаммед мухаммад ахмед али хасан хусейн абдулла башар мустафа эрдоган ким";

static TITLE_SET: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| TITLES.split_whitespace().collect());
static STOP_SET: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| STOP.split_whitespace().collect());
static THING_STEMS: LazyLock<HashSet<String>> =
    LazyLock::new(|| THINGS.split_whitespace().map(stem).collect());
static PLACE_SET: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| SURNAME_LIKE_PLACES.split_whitespace().collect());
static GIVEN_SET: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| GIVEN.split_whitespace().collect());

/// Lower case with `ё` as `е`.
fn fold(word: &str) -> String {
    word.to_lowercase().replace('ё', "е")
}

/// The stem of a name word: lower case, `ё` as `е`, one case ending
/// stripped when at least three letters stay.
fn stem(word: &str) -> String {
    let w = fold(word);
    for e in ENDINGS {
        if let Some(b) = w.strip_suffix(e) {
            if b.chars().count() >= 3 || (e.chars().count() == 1 && b.chars().count() >= 2) {
                return b.to_string();
            }
        }
    }
    w
}

/// Whether a lower-case word is a title in some case form.
fn title_word(lower: &str) -> bool {
    let w = lower.replace('ё', "е");
    let head = w.rsplit('-').next().unwrap_or(&w).to_string();
    [w.as_str(), head.as_str()].iter().any(|w| {
        TITLE_ENDINGS
            .iter()
            .any(|e| w.strip_suffix(e).is_some_and(|b| TITLE_SET.contains(b)))
    })
}

/// The nominative candidates of a given name's form, in the order tried.
fn given_nominative(lower: &str) -> Option<String> {
    let w = lower.replace('ё', "е");
    if GIVEN_SET.contains(w.as_str()) {
        return Some(w);
    }
    const SWAPS: &[(&str, &str)] = &[
        ("ом", ""),
        ("ым", ""),
        ("а", ""),
        ("у", ""),
        ("е", ""),
        ("ия", "ий"),
        ("ию", "ий"),
        ("ием", "ий"),
        ("ии", "ий"),
        ("я", "й"),
        ("ю", "й"),
        ("ем", "й"),
        ("ы", "а"),
        ("е", "а"),
        ("у", "а"),
        ("ой", "а"),
        ("и", "а"),
        ("ии", "ия"),
        ("ию", "ия"),
        ("ией", "ия"),
        ("и", "я"),
        ("ю", "я"),
        ("ей", "я"),
        ("е", "я"),
        ("я", "ь"),
        ("ю", "ь"),
        ("ем", "ь"),
        ("е", "ь"),
    ];
    SWAPS.iter().find_map(|(from, to)| {
        let b = w.strip_suffix(from)?;
        let cand = format!("{b}{to}");
        GIVEN_SET.contains(cand.as_str()).then_some(cand)
    })
}

/// Whether a word (as written) ends like a Russian surname in some case:
/// `-ов`, `-ев`, `-ин`, `-ын` with a stem of at least five letters, `-енко`,
/// `-швили`, `-дзе`, `-ович`/`-евич`.
fn surname_ending(word: &str) -> bool {
    let w = fold(word);
    if PLACE_SET.contains(w.as_str()) {
        return false;
    }
    if ["енко", "швили", "дзе", "ович", "евич", "овича", "евича"]
        .iter()
        .any(|e| w.ends_with(e))
    {
        return true;
    }
    ["", "а", "у", "ым", "ом", "е", "ой", "ую"].iter().any(|e| {
        w.strip_suffix(e).is_some_and(|b| {
            b.chars().count() >= 5
                && ["ов", "ев", "ин", "ын"].iter().any(|s| b.ends_with(s))
                && !PLACE_SET.contains(b)
        })
    })
}

/// Whether a word is a patronymic in some case (`Владимирович`,
/// `Николаевна`, `Иосифовной`).
fn patronymic(word: &str) -> bool {
    let w = fold(word);
    ["ович", "евич", "овн", "евн", "ичн"].iter().any(|p| {
        w.rfind(p)
            .is_some_and(|at| w.len() - at - p.len() <= 4 && at >= 4)
    })
}

/// Whether a word has an adjective's ending (`Единой`, `Северная`).
fn adjective(word: &str) -> bool {
    let w = fold(word);
    [
        "ая", "яя", "ое", "ее", "ые", "ие", "ых", "их", "ую", "юю", "ой", "ого", "ому", "ыми", "ый",
    ]
    .iter()
    .any(|e| w.ends_with(e))
}

/// The score of a form as a nominative: higher is likelier.
fn nominative_score(form: &str) -> u8 {
    let w = fold(form);
    let last = w.chars().last().unwrap_or(' ');
    if w.ends_with("ая") || w.ends_with("яя") {
        3
    } else if w.ends_with("ой") {
        1
    } else if matches!(last, 'й' | 'ь') || (last.is_alphabetic() && !"аеёиоуыэюя".contains(last))
    {
        if ["ом", "ем", "ым", "им"].iter().any(|e| w.ends_with(e)) {
            0
        } else {
            3
        }
    } else if matches!(last, 'а' | 'я') {
        2
    } else {
        0
    }
}

/// A nominative made from an oblique form by rule, when no nominative was
/// seen (`Путину` → `Путин`, `Вертинского` → `Вертинский`, `Обамы` →
/// `Обама`).
fn made_nominative(form: &str, feminine: bool) -> String {
    let consonant_stem = |b: &str| {
        b.chars()
            .last()
            .is_some_and(|c| c.is_alphabetic() && !"аеёиоуыэюяйь".contains(c))
    };
    let soft = |b: &str| b.chars().last().is_some_and(|c| "кгхжшчщ".contains(c));
    let keep_case = |s: &str| s.to_string();
    for adj in ["ого", "ому", "ым", "ом"] {
        if let Some(b) = form.strip_suffix(adj) {
            // `Путиным`, `Лужковом`; never `-ого` (`Первозванного`).
            if matches!(adj, "ым" | "ом") && surname_ending(b) {
                return keep_case(b);
            }
            if adj == "ом" {
                return keep_case(b);
            }
            return format!("{b}{}", if soft(b) { "ий" } else { "ый" });
        }
    }
    for (end, to) in [("ой", "а"), ("ую", "а"), ("ы", "а")] {
        if let Some(b) = form.strip_suffix(end) {
            return format!("{b}{to}");
        }
    }
    for end in ["у", "е", "а"] {
        if let Some(b) = form.strip_suffix(end) {
            let ov = ["ов", "ев", "ин", "ын"].iter().any(|s| b.ends_with(s));
            if end == "а" && (feminine || !ov) {
                return form.to_string();
            }
            if consonant_stem(b) {
                return if feminine && ov {
                    format!("{b}а")
                } else {
                    keep_case(b)
                };
            }
        }
    }
    form.to_string()
}

/// The case of a mention.
#[derive(Clone, Copy, PartialEq)]
enum Case {
    Nominative,
    Oblique,
    Unknown,
}

/// Whether a word ends in a consonant letter (`й` and `ь` count).
fn consonant_final(w: &str) -> bool {
    w.chars()
        .last()
        .is_some_and(|c| c.is_alphabetic() && !"аеиоуыэюя".contains(c))
}

/// Whether a word is a consonant stem plus one of `endings`.
fn consonant_plus(w: &str, endings: &[&str]) -> bool {
    endings.iter().any(|e| {
        w.strip_suffix(e).is_some_and(|b| {
            b.chars().count() >= 2 && consonant_final(b) && !b.ends_with(['й', 'ь'])
        })
    })
}

/// The case and gender of a mention `given … surname`, read from the given
/// name when a list knows it, else from a Russian surname's ending, else
/// from the shapes of both.
fn case_of(given: &str, surname: &str) -> (Case, bool) {
    let g = fold(given);
    let s = fold(surname);
    // A given name that does not decline (`Тони`, `Жозе`) tells no case.
    let indeclinable = g.ends_with(['и', 'е', 'о', 'у', 'ю', 'э'])
        && given_nominative(&g).is_none_or(|nom| nom == g);
    if let Some(nom) = given_nominative(&g).filter(|_| !indeclinable) {
        let fem = nom.ends_with(['а', 'я'])
            && !matches!(nom.as_str(), "илья" | "никита" | "фома" | "кузьма" | "лука");
        // `Александра Мишарин`: a masculine surname in the nominative makes
        // the given name masculine.
        let masc_surname = surname_ending(&s) && consonant_final(&s) && !s.ends_with(['й', 'ь']);
        if fem && masc_surname && given_nominative(g.trim_end_matches('а')).is_some() {
            return (Case::Nominative, false);
        }
        // `Евгения Лукина`, `Александра Бенуа`: a woman's name that is also
        // a man's in the genitive reads as the man's beside a surname in
        // `-а` or one that does not decline.
        let male = g
            .strip_suffix('а')
            .map(str::to_string)
            .or_else(|| g.strip_suffix('я').map(|b| format!("{b}й")));
        let genitive = fem
            && male
                .as_deref()
                .is_some_and(|m| given_nominative(m).is_some_and(|n| n == m))
            && (s.ends_with('а') || (!consonant_final(&s) && !s.ends_with('я')));
        if genitive {
            return (Case::Oblique, false);
        }
        let case = if nom == g {
            Case::Nominative
        } else {
            Case::Oblique
        };
        return (case, fem);
    }
    let invariant = ["енко", "швили", "дзе", "ко"]
        .iter()
        .any(|e| s.ends_with(e));
    if surname_ending(&s) && !invariant && (s.ends_with("ой") || s.ends_with("ую")) {
        return (Case::Oblique, true);
    }
    if surname_ending(&s) && !invariant {
        let nominative = consonant_final(&s) && !["ом", "ым", "ем"].iter().any(|e| s.ends_with(e));
        return (
            if nominative {
                Case::Nominative
            } else {
                Case::Oblique
            },
            false,
        );
    }
    if consonant_final(&g) && !["ом", "ым", "ем"].iter().any(|e| g.ends_with(e)) {
        return (Case::Nominative, false);
    }
    // `Исаака Ньютона`: both words in an oblique case.
    if consonant_plus(&g, &["а", "у", "ом", "ым", "ем"])
        && consonant_plus(&s, &["а", "у", "ом", "ым", "ем", "е"])
    {
        return (Case::Oblique, false);
    }
    if consonant_plus(&s, &["ом", "ым", "ем"]) {
        return (Case::Oblique, false);
    }
    // `Генриха Семирадского`, `Ольги Вертинской`.
    if ["ск", "цк"].iter().any(|k| s.contains(k)) {
        if ["ого", "ому", "им"].iter().any(|e| s.ends_with(e)) {
            return (Case::Oblique, false);
        }
        if ["ой", "ую"].iter().any(|e| s.ends_with(e)) {
            return (Case::Oblique, true);
        }
    }
    if consonant_final(&s) && !invariant {
        return (Case::Nominative, false);
    }
    // `Кими Райкконена`, `Мэтью Брайза`: a foreign given name that does not
    // decline, before a surname in the genitive.
    if !consonant_final(&g) && !g.ends_with(['а', 'я', 'е']) && consonant_plus(&s, &["а"]) {
        return (Case::Oblique, false);
    }
    (Case::Unknown, false)
}

/// The nominative of one word of a mention in an oblique case.
fn word_nominative(form: &str, feminine: bool, given: bool) -> String {
    if given {
        // A man's name in the genitive that is also a woman's (`Евгения`).
        if !feminine {
            let f = fold(form);
            let male = f
                .strip_suffix('а')
                .map(str::to_string)
                .or_else(|| f.strip_suffix('я').map(|b| format!("{b}й")));
            if let Some(m) = male.filter(|m| given_nominative(m).is_some_and(|n| &n == m)) {
                return capitalised(&m, form);
            }
        }
        if let Some(nom) = given_nominative(&fold(form)) {
            return capitalised(&nom, form);
        }
        if feminine {
            for (end, to) in [
                ("ой", "а"),
                ("ей", "я"),
                ("ы", "а"),
                ("и", "я"),
                ("у", "а"),
                ("ю", "я"),
                ("е", "а"),
            ] {
                if let Some(b) = form.strip_suffix(end) {
                    return format!("{b}{to}");
                }
            }
            return form.to_string();
        }
        for end in ["ом", "ым", "ем", "а", "у", "е"] {
            if let Some(b) = form.strip_suffix(end) {
                if consonant_final(b) {
                    return b.to_string();
                }
            }
        }
        return form.to_string();
    }
    if feminine {
        for end in ["ой", "ую", "у", "е", "ы", "и"] {
            if let Some(b) = form.strip_suffix(end) {
                if b.chars().count() >= 3 {
                    return if b.ends_with("ск") || b.ends_with("цк") {
                        format!("{b}ая")
                    } else {
                        format!("{b}а")
                    };
                }
            }
        }
        return form.to_string();
    }
    let lower = fold(form);
    if [
        "дзе",
        "швили",
        "ко",
        "ых",
        "их",
        "ни",
        "ли",
        "ри",
        "ти",
        "зе",
    ]
    .iter()
    .any(|e| lower.ends_with(e))
    {
        return form.to_string();
    }
    if ["ого", "ому", "его", "ему"]
        .iter()
        .any(|e| lower.ends_with(e))
    {
        return made_nominative(form, false);
    }
    for end in ["а", "у", "е", "ом", "ым"] {
        if let Some(b) = form.strip_suffix(end) {
            // `-е` only after a Russian surname (`Путине`, not `Рютте`).
            let plain =
                !matches!(end, "ым" | "е") && consonant_final(b) && !b.ends_with(['й', 'ь']);
            if surname_ending(b) || plain {
                return b.to_string();
            }
        }
    }
    made_nominative(form, false)
}

/// A mention's full name in the nominative, with its rank ([`Lang::full_name`]).
fn full_name(words: &[&str]) -> (String, u8) {
    let (Some(first), Some(last)) = (words.first(), words.last()) else {
        return (String::new(), 0);
    };
    let (case, fem) = case_of(first, last);
    match case {
        Case::Nominative => {
            let mut out: Vec<String> = words.iter().map(|w| w.to_string()).collect();
            if let Some(nom) = given_nominative(&fold(first)) {
                if !fem
                    && nom.ends_with('а')
                    && given_nominative(fold(first).trim_end_matches('а')).is_some()
                {
                    out[0] = first.trim_end_matches('а').to_string();
                }
            }
            (out.join(" "), 2)
        }
        Case::Unknown => (words.join(" "), 1),
        Case::Oblique => {
            let n = words.len();
            let out: Vec<String> = words
                .iter()
                .enumerate()
                .map(|(i, w)| {
                    if i + 1 < n && patronymic(w) {
                        patronymic_nominative(w, fem)
                    } else {
                        word_nominative(w, fem, i == 0 && n > 1)
                    }
                })
                .collect();
            (out.join(" "), 0)
        }
    }
}

/// A patronymic in the nominative (`Владимировича` → `Владимирович`).
fn patronymic_nominative(form: &str, feminine: bool) -> String {
    let w = fold(form);
    let at = ["вич", "вн", "ичн"]
        .iter()
        .filter_map(|p| w.rfind(p).map(|a| a + p.len()))
        .max()
        .unwrap_or(w.len());
    let head: String = form.chars().take(w[..at].chars().count()).collect();
    if feminine {
        format!("{head}а")
    } else {
        head
    }
}

/// Writes a lower-case nominative with the capitals of `like`.
fn capitalised(nom: &str, like: &str) -> String {
    let mut out = String::with_capacity(nom.len());
    let mut cap = like.chars().next().is_some_and(char::is_uppercase);
    for c in nom.chars() {
        if cap {
            out.extend(c.to_uppercase());
        } else {
            out.push(c);
        }
        cap = c == '-';
    }
    out
}

impl Lang for Russian {
    fn title(&self, lower: &str) -> bool {
        title_word(lower)
    }
    fn stop(&self, lower: &str) -> bool {
        // Names in the Latin alphabet inside Russian text are firms and
        // titles far more often than people (`Red Bull`, `Michelin`).
        STOP_SET.contains(lower) || lower.chars().any(|c| c.is_ascii_alphabetic())
    }
    fn thing(&self, lower: &str) -> bool {
        // Countries and regions in `-ия` (`Австрии`, `Малайзию`).
        let region =
            !lower.contains('-') && ["ии", "ию", "ией", "ия"].iter().any(|e| lower.ends_with(e));
        (THING_STEMS.contains(&stem(lower)) || region) && given_nominative(lower).is_none()
    }
    fn particle(&self, lower: &str, _prev: &str) -> bool {
        matches!(
            lower,
            "фон"
                | "ван"
                | "де"
                | "ди"
                | "да"
                | "дер"
                | "ибн"
                | "бен"
                | "бин"
                | "аль"
                | "эль"
                | "ле"
                | "ля"
        )
    }
    fn given(&self, lower: &str) -> bool {
        given_nominative(lower).is_some()
    }
    fn cue_before(&self, lower: &str) -> bool {
        matches!(
            lower,
            "заявил"
                | "заявила"
                | "сказал"
                | "сказала"
                | "отметил"
                | "отметила"
                | "считает"
                | "словам"
                | "сообщил"
                | "сообщила"
                | "пишет"
                | "подчеркнул"
                | "подчеркнула"
        )
    }
    fn cue_after(&self, lower: &str) -> bool {
        const VERBS: &[&str] = &[
            "заявил",
            "сказал",
            "отметил",
            "сообщил",
            "подчеркнул",
            "добавил",
            "пояснил",
            "рассказал",
            "написал",
            "уточнил",
            "признал",
            "назвал",
            "предложил",
            "потребовал",
            "ответил",
            "объяснил",
            "заметил",
            "выступил",
            "посетил",
            "встретился",
            "подписал",
            "поручил",
            "считает",
            "говорит",
            "призвал",
            "напомнил",
            "обвинил",
            "пообещал",
            "родился",
            "умер",
            "скончался",
        ];
        let w = lower.strip_suffix('а').unwrap_or(lower);
        VERBS.contains(&w) || VERBS.contains(&lower)
    }
    fn shape(&self, words: &[&str], sent_start: bool) -> bool {
        let last = words.last().copied().unwrap_or_default();
        let folded = fold(last);
        words.len() >= 2
            && !adjective(words[0])
            && (words[1..].iter().any(|w| patronymic(w))
                || surname_ending(last)
                || folded.ends_with("ский")
                || folded.ends_with("цкий")
                || (!sent_start && words.len() <= 3))
    }
    fn recurrence_counts(&self) -> bool {
        false
    }
    fn title_reach(&self) -> usize {
        4
    }
    fn wordish(&self, lower: &str, vocab: &Vocab) -> bool {
        STOP_SET.contains(lower) || vocab.has_lower(lower) || self.thing(lower)
    }
    fn lone_surname(&self, word: &str, sent_start: bool) -> bool {
        if sent_start {
            // `Путин также подпишет …`: a surname in the nominative.
            return surname_ending(word) && consonant_final(&fold(word));
        }
        surname_ending(word) || given_nominative(&fold(word)).is_some()
    }
    fn distinct_surname(&self, word: &str) -> bool {
        // Endings no plural noun has (`Ющенко`, `Саакашвили`).
        let w = fold(word);
        ["енко", "швили", "дзе"].iter().any(|e| w.ends_with(e))
    }
    fn split_before_given(&self, _prev_lower: &str, _vocab: &Vocab) -> bool {
        true
    }
    fn opener(&self, first_lower: &str, next: &str) -> bool {
        let n = fold(next);
        // Only before a name in an oblique case, which no name's first
        // word governs (`Песенки Вертинского`, `Бегство Льва`).
        let oblique = given_nominative(&n).is_some_and(|nom| nom != n)
            || (surname_ending(&n) && !consonant_final(&n) && !self.distinct_surname(&n))
            || ["ого", "ому", "ским", "цким"]
                .iter()
                .any(|e| n.ends_with(e));
        given_nominative(first_lower).is_none() && !surname_ending(first_lower) && oblique
    }
    fn place_noun(&self, lower: &str) -> bool {
        const KINDS: &[&str] = &[
            "штат",
            "город",
            "област",
            "республик",
            "провинци",
            "район",
            "поселк",
            "посёлк",
            "сел",
            "деревн",
            "остров",
            "рек",
            "озер",
            "стран",
            "столиц",
            "улиц",
            "площад",
            "проспект",
            "округ",
            "регион",
            "станци",
            "аэропорт",
            "порт",
            "кра",
            "княжеств",
            "королевств",
            "графств",
            "земл",
        ];
        let w = fold(lower);
        KINDS.iter().any(|k| {
            w.strip_prefix(k)
                .is_some_and(|e| e.chars().count() <= 3 && !e.contains(' '))
        })
    }
    fn lone_titled(&self, word: &str, title_plain: bool) -> bool {
        let last = fold(word).chars().last().unwrap_or(' ');
        surname_ending(word)
            || (title_plain
                && (last == 'ь' || !"аеиоуыэюяй".contains(last))
                && !self.thing(&fold(word)))
    }
    fn title_plain(&self, lower: &str) -> bool {
        let w = fold(lower);
        let head = w.rsplit('-').next().unwrap_or(&w).to_string();
        TITLE_SET.contains(w.as_str()) || TITLE_SET.contains(head.as_str())
    }
    fn full_name(&self, words: &[&str], last_forms: &[&str]) -> (String, u8) {
        let (name, rank) = full_name(words);
        if rank == 2 || words.len() < 2 {
            return (name, rank);
        }
        // A form of the surname seen elsewhere that is surely nominative
        // (`Райкконен` beside `Кими Райкконена`).
        let last = words[words.len() - 1];
        let better = last_forms
            .iter()
            .filter(|f| {
                stem(f) == stem(last)
                    && nominative_score(f) == 3
                    && f.chars().count() < last.chars().count()
            })
            .min_by_key(|f| f.chars().count());
        match better {
            Some(b) => {
                let mut out: Vec<String> = name.split(' ').map(str::to_string).collect();
                if let Some(l) = out.last_mut() {
                    *l = b.to_string();
                }
                (out.join(" "), rank)
            }
            None => (name, rank),
        }
    }
    fn stem(&self, word: &str) -> String {
        stem(word)
    }
    fn nominative(&self, forms: &[&str], given: bool) -> String {
        // A lone given name (`Даниила` → `Даниил`).
        if !given && forms.iter().all(|f| !surname_ending(f)) {
            if let Some((nom, like)) = forms
                .iter()
                .find_map(|f| given_nominative(&fold(f)).map(|n| (n, *f)))
            {
                return capitalised(&nom, like);
            }
        }
        let Some(best) = forms.iter().max_by_key(|f| {
            (
                nominative_score(f),
                forms.iter().filter(|g| g == f).count(),
                std::cmp::Reverse(f.chars().count()),
            )
        }) else {
            return String::new();
        };
        if given {
            if let Some(nom) = forms.iter().find_map(|f| given_nominative(&fold(f))) {
                return capitalised(&nom, best);
            }
        }
        if nominative_score(best) >= 2 && !(best.ends_with('а') && surname_ending(best) && !given)
        {
            return best.to_string();
        }
        made_nominative(best, false)
    }
}

#[cfg(test)]
mod tests {
    use crate::people::extract;

    fn names(body: &str) -> Vec<String> {
        extract("", body, Some("ru"))
            .into_iter()
            .map(|p| p.name)
            .collect()
    }

    #[test]
    fn case_forms_merge_into_the_nominative() {
        let body = "Президент России Владимир Путин провел встречу. Ранее Путина критиковали, \
            а Путину звонили. Встреча с Владимиром Путиным прошла в Кремле.";
        let people = extract("", body, Some("ru"));
        assert_eq!(people.len(), 1, "{people:?}");
        assert_eq!(people[0].name, "Владимир Путин");
        assert_eq!(people[0].mentions.len(), 4);
    }

    #[test]
    fn organisations_and_adverbs_are_no_people() {
        let body = "Лидер партии Единая Россия Дмитрий Медведев выступил. Ранее Меркель \
            говорила с журналистами. Однако Медведев промолчал.";
        assert_eq!(names(body), ["Дмитрий Медведев"]);
    }

    #[test]
    fn oblique_only_names_get_a_nominative() {
        assert_eq!(
            names("Встреча с министром Сергеем Лавровым прошла."),
            ["Сергей Лавров"]
        );
    }
}
