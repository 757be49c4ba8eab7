//! The search page's access and small truths (issue #25 items 4-8, 15-17)
//! in headless Chromium, on the sample corpus: the keyboard reaches the
//! first result in a few Tabs (the chart is one Tab stop, arrow keys move
//! in it), dates typed three ways, the advertised date syntax, undated
//! counts, notices in the page's words with links, section names as
//! words, the phone layout, and axe-core finding no violations on the
//! home, results and article pages. Uses `browser.rs`'s `Browser`.

use serde_json::{json, Value};

use crate::browser::{Browser, ELEMENT, SETTLED};
use crate::util::http::Server;
use crate::util::Env;

const TAB: &str = "\u{E004}";
const ENTER: &str = "\u{E007}";
const LEFT: &str = "\u{E012}";
const RIGHT: &str = "\u{E014}";
const END: &str = "\u{E010}";

impl Browser {
    /// Presses and releases `key` (a WebDriver key code) where focus is.
    fn press(&self, key: &str) {
        self.call(
            "POST",
            "/actions",
            Some(
                json!({"actions": [{"type": "key", "id": "keyboard", "actions": [
                {"type": "keyDown", "value": key}, {"type": "keyUp", "value": key}]}]}),
            ),
        );
    }

    /// Clears the field `css` and types `text` into it.
    fn type_into(&self, css: &str, text: &str) {
        let el = self.call(
            "POST",
            "/element",
            Some(json!({"using": "css selector", "value": css})),
        );
        let id = el[ELEMENT].as_str().expect("element").to_string();
        self.call("POST", &format!("/element/{id}/clear"), Some(json!({})));
        self.call(
            "POST",
            &format!("/element/{id}/value"),
            Some(json!({ "text": text })),
        );
    }

    /// What has focus: a short description.
    fn focused(&self) -> String {
        self.js(
            "const a = document.activeElement;
             if (!a) return '';
             if (a.matches('article.hit a.hit-title')) return 'first-hit:' + (a.closest('article') === document.querySelector('article.hit'));
             if (a.matches('rect.bar')) return 'bar:' + a.getAttribute('data-period');
             return a.tagName.toLowerCase() + '#' + (a.id || a.className || '');",
        )
        .as_str()
        .unwrap_or("")
        .to_string()
    }
}

fn start() -> Option<(Browser, Server)> {
    let browser = Browser::start()?;
    let server = Server::start(Env::indexed_sample(), &[]);
    Some((browser, server))
}

/// Item 15: from the search box, the first headline in under 10 Tabs;
/// the chart is one Tab stop whose bars the arrow keys move between;
/// "Skip to results" lands on the results list.
#[test]
fn the_keyboard_reaches_the_first_result_in_a_few_tabs() {
    let Some((browser, server)) = start() else {
        return;
    };
    browser.go(&format!("{}/?q=oil", server.url()));
    browser.wait("results", SETTLED);
    browser.wait(
        "the chart",
        "return !document.querySelector('#timeline').hidden && document.querySelectorAll('rect.bar[tabindex]').length",
    );
    browser.js("document.querySelector('#q').focus(); return true;");
    let mut seen = Vec::new();
    let mut tabs = 0;
    while tabs < 40 {
        browser.press(TAB);
        tabs += 1;
        let f = browser.focused();
        seen.push(f.clone());
        if f.starts_with("first-hit") {
            break;
        }
    }
    assert_eq!(
        seen.last().map(String::as_str),
        Some("first-hit:true"),
        "{seen:?}"
    );
    assert!(tabs < 10, "{tabs} Tabs: {seen:?}");
    eprintln!("first result after {tabs} Tabs: {seen:?}");
    let bars: Vec<&String> = seen.iter().filter(|f| f.starts_with("bar:")).collect();
    assert_eq!(bars.len(), 1, "the chart is one Tab stop: {seen:?}");

    // In the chart: the arrow keys move between months, Enter narrows.
    browser.js("document.querySelector('rect.bar[tabindex=\"0\"]').focus(); return true;");
    browser.press(END);
    let last = browser.focused();
    browser.press(LEFT);
    let before = browser.focused();
    assert!(
        last.starts_with("bar:") && before.starts_with("bar:") && last != before,
        "{last} {before}"
    );
    browser.press(RIGHT);
    assert_eq!(browser.focused(), last);
    let stops = browser.js("return document.querySelectorAll('rect.bar[tabindex=\"0\"]').length");
    assert_eq!(stops, 1, "one bar in the Tab order at a time");
    browser.press(ENTER);
    let month = last.trim_start_matches("bar:").to_string();
    browser.wait(
        "the month's results",
        &format!("return location.search.includes('since={month}&until={month}')"),
    );

    // "Skip to results" puts focus on the results list, past the chart.
    browser.go(&format!("{}/?q=oil", server.url()));
    browser.wait("results", SETTLED);
    browser.js("document.querySelector('.skip-link').focus(); return true;");
    browser.press(ENTER);
    assert_eq!(browser.focused(), "div#results");
    browser.press(TAB);
    assert_eq!(browser.focused(), "first-hit:true");
}

/// The status text, the error box's text and the hits' dates.
const SHOWN: &str = "return {status: document.querySelector('#status').textContent,
    error: document.querySelector('#error').hidden ? '' : document.querySelector('#error').textContent,
    notices: Array.from(document.querySelectorAll('#notices .notice')).map(n => n.textContent),
    dates: Array.from(document.querySelectorAll('article.hit time')).map(t => t.textContent),
    url: location.search};";

/// Item 6 and 5: From typed three ways is the same filter; a date the
/// server cannot read is said in the page's words; the bare range the
/// hint advertises filters; From after To is said as the page says it.
#[test]
fn dates_typed_three_ways_and_the_advertised_syntax() {
    let Some((browser, server)) = start() else {
        return;
    };
    let mut statuses = Vec::new();
    for typed in ["1987-03", "March 1987", "03/01/1987"] {
        browser.go(&format!("{}/?q=oil&until=1987-03", server.url()));
        browser.wait("results", SETTLED);
        browser.type_into("#since", typed);
        browser.type_into("#q", "oil\n");
        browser.wait(
            "the dated results",
            "return location.search.includes('since=') && !document.querySelector('#main[aria-busy=\"true\"]')",
        );
        browser.wait("results", SETTLED);
        let shown = browser.js(SHOWN);
        assert_eq!(shown["error"], "", "{typed}: {shown}");
        let dates = shown["dates"].as_array().unwrap();
        assert!(!dates.is_empty(), "{typed}: {shown}");
        assert!(
            dates
                .iter()
                .all(|d| d.as_str().unwrap().starts_with("1987-03")),
            "{typed}: {shown}"
        );
        let status = shown["status"].as_str().unwrap();
        statuses.push(status[..status.find(" (took").unwrap_or(status.len())].to_string());
    }
    assert!(statuses.windows(2).all(|w| w[0] == w[1]), "{statuses:?}");

    browser.type_into("#since", "sometime soon");
    browser.type_into("#q", "oil\n");
    let error = browser.wait(
        "the date error",
        "const e = document.querySelector('#error'); return !e.hidden && e.textContent;",
    );
    assert!(
        error
            .as_str()
            .unwrap()
            .contains("The From date “sometime soon” is not a date"),
        "{error}"
    );
    assert_eq!(
        browser.js("return document.querySelector('#since').getAttribute('aria-invalid')"),
        "true"
    );

    // The advertised syntax, typed in the box.
    browser.go(&format!("{}/?q=oil+1987-03..", server.url()));
    browser.wait("results", SETTLED);
    let shown = browser.js(SHOWN);
    let dates = shown["dates"].as_array().unwrap();
    assert!(
        !dates.is_empty()
            && dates
                .iter()
                .all(|d| d.as_str().unwrap().starts_with("1987-03")),
        "{shown}"
    );
    let hint = browser.js("return document.querySelector('#syntax-hint').textContent");
    assert!(hint.as_str().unwrap().contains("2016-05.."), "{hint}");

    // From after To: in the page's words, not the command line's.
    browser.go(&format!("{}/?q=budget&since=2005&until=2004", server.url()));
    let notices = browser.wait(
        "the notice",
        "const n = document.querySelectorAll('#notices .notice'); return n.length && Array.from(n).map(x => x.textContent).join(' | ');",
    );
    let notices = notices.as_str().unwrap();
    assert!(
        notices.contains("The From date (2005) is after the To date (2004)"),
        "{notices}"
    );
    assert!(!notices.contains("--since"), "{notices}");
}

/// Items 4, 7, 17: undated matches counted in the chart's caption and the
/// Years list and said when a year leaves them out; the correction's
/// "search instead" is a link; help for a `section:` typed in the box;
/// section names as words; one level-one heading; a long query's message.
#[test]
fn undated_counts_corrections_and_names_as_words() {
    let Some((browser, server)) = start() else {
        return;
    };
    let api = server.json("/api/search?q=oil", 200);
    let undated = api["facets"]["undated"].as_u64().unwrap();
    assert!(undated > 0);
    browser.go(&format!("{}/?q=oil", server.url()));
    browser.wait("results", SETTLED);
    let shown = browser.js(
        "return {caption: document.querySelector('#timeline-caption').textContent,
                 years: document.querySelector('.facet-group[data-facet=\"year\"]').textContent,
                 h1: Array.from(document.querySelectorAll('h1')).filter(h => !h.closest('[hidden]') && !h.hidden).map(h => h.textContent)};",
    );
    let n = undated.to_string();
    assert!(
        shown["caption"]
            .as_str()
            .unwrap()
            .contains(&format!("Undated: {n} of")),
        "{shown}"
    );
    assert!(
        shown["years"]
            .as_str()
            .unwrap()
            .contains(&format!("Undated {n}")),
        "{shown}"
    );
    assert_eq!(shown["h1"], json!(["Results for “oil”"]), "{shown}");
    browser.click("button.facet[data-facet=\"year\"]");
    let left_out = browser.wait(
        "the year's results",
        "const u = document.querySelector('.undated-count');
         return location.search.includes('since=1987') && !document.querySelector('#main[aria-busy=\"true\"]')
             && u && u.textContent.includes('left out') && u.textContent;",
    );
    assert_eq!(
        left_out,
        format!("{n} undated articles left out by the date filter"),
    );

    // The correction: "search instead" is a link to the query as typed.
    browser.go(&format!("{}/?q=gordan+brwon", server.url()));
    browser.wait("results", SETTLED);
    let link = browser.js(
        "const a = document.querySelector('#notices .notice[data-kind=\"corrected\"] a');
         return a ? {text: a.textContent, href: a.getAttribute('href')} : null;",
    );
    assert_eq!(link["text"], "gordan brwon", "{link}");
    browser.click("#notices .notice[data-kind=\"corrected\"] a");
    let shown = browser.wait(
        "the exact search",
        "return location.search.includes('exact=true') && !document.querySelector('#main[aria-busy=\"true\"]') && document.querySelector('#status').textContent;",
    );
    assert!(
        browser.js(
            "return document.querySelectorAll('#notices .notice[data-kind=\"corrected\"]').length"
        ) == 0,
        "{shown}"
    );

    // A section typed in the box that no article is in: what is near, as links.
    browser.go(&format!("{}/?q=section%3Apolitcs+budget", server.url()));
    let near = browser.wait(
        "the section help",
        "const a = document.querySelector('#notices .notice[data-kind=\"unknown_section\"] a'); return a && a.textContent;",
    );
    assert_eq!(near, "politics");
    browser.click("#notices .notice[data-kind=\"unknown_section\"] a");
    browser.wait("results", SETTLED);
    assert_eq!(
        browser.js("return new URLSearchParams(location.search).get('q')"),
        "section:politics budget"
    );

    // Section slugs as words, filtering on the value itself.
    browser.go(&format!("{}/?q=section%3Awhite_house", server.url()));
    browser.wait("results", SETTLED);
    let section = browser.js(
        "const s = document.querySelector('article.hit .section');
         const f = document.querySelector('button.facet[data-facet=\"section\"]');
         return {text: s.textContent, value: s.dataset.value, facet: f.textContent, facetValue: f.dataset.value};",
    );
    assert_eq!(section["text"], "White house", "{section}");
    assert_eq!(section["value"], "white_house", "{section}");
    assert!(
        section["facet"]
            .as_str()
            .unwrap()
            .starts_with("White house"),
        "{section}"
    );
    assert_eq!(section["facetValue"], "white_house", "{section}");

    // The article view names the section once.
    browser.click("article.hit a.hit-title");
    browser.wait(
        "the article",
        "return document.querySelector('#article-title') && !document.querySelector('#article-view').hidden",
    );
    let sections = browser.js(
        "return Array.from(document.querySelectorAll('#article-view header *')).filter(e => e.children.length === 0 && /white house/i.test(e.textContent)).length",
    );
    assert_eq!(sections, 1);

    // A query over the limit: the server's reason, in the page's words.
    let long = "a".repeat(1100);
    browser.go(&format!("{}/?q={long}", server.url()));
    let error = browser.wait(
        "the error",
        "const e = document.querySelector('#error'); return !e.hidden && e.textContent;",
    );
    assert!(
        error
            .as_str()
            .unwrap()
            .contains("The search is too long (1100 characters; at most 1000)"),
        "{error}"
    );
}

/// Item 16: on a phone (375x812) the masthead is compact, the sidebar
/// has a jump link, and the chart's last label is not cut.
#[test]
fn a_phone_gets_a_compact_header_and_a_jump_to_the_filters() {
    let Some((browser, server)) = start() else {
        return;
    };
    browser.call(
        "POST",
        "/window/rect",
        Some(json!({"width": 375, "height": 812})),
    );
    // Articles from 1987 to 2023: a long chart with several year labels.
    browser.go(&format!("{}/?q=said", server.url()));
    browser.wait("results", SETTLED);
    browser.wait(
        "the chart",
        "return document.querySelectorAll('#chart text').length > 1",
    );
    let layout = browser.js(
        "const svg = document.querySelector('#chart svg');
         const labels = Array.from(svg.querySelectorAll('text')).map(t => t.getBBox());
         const last = labels[labels.length - 1];
         return {width: window.innerWidth,
                 header: document.querySelector('#masthead').getBoundingClientRect().height,
                 jump: !document.querySelector('#to-facets').hidden && document.querySelector('#to-facets').getBoundingClientRect().height > 0,
                 facetsTop: document.querySelector('#facets').getBoundingClientRect().top + scrollY,
                 labelEnd: last.x + last.width, svgWidth: svg.width.baseVal.value,
                 overlap: labels.some((b, i) => i > 0 && b.x < labels[i - 1].x + labels[i - 1].width),
                 dates: getComputedStyle(document.querySelector('#filters-row')).display};",
    );
    assert!(
        layout["width"].as_f64().unwrap() <= 400.0,
        "a phone-sized window: {layout}"
    );
    assert!(
        layout["header"].as_f64().unwrap() < 160.0,
        "masthead {layout}"
    );
    assert_eq!(layout["dates"], "none", "{layout}");
    assert_eq!(layout["jump"], true, "{layout}");
    assert!(
        layout["labelEnd"].as_f64().unwrap() <= layout["svgWidth"].as_f64().unwrap(),
        "{layout}"
    );
    assert_eq!(layout["overlap"], false, "{layout}");
    browser.screenshot("serve-phone-results.png");
    // The jump link moves focus to the sidebar.
    browser.click("#to-facets");
    assert_eq!(browser.focused(), "aside#facets");
    // The sort and date fields open behind their button.
    browser.click("#filters-toggle");
    let open =
        browser.js("return getComputedStyle(document.querySelector('#filters-row')).display");
    assert_ne!(open, "none");
    browser.screenshot("serve-phone-filters.png");
}

/// The vendored axe-core (`tests/vendor/axe-core`), injected over
/// WebDriver, on the page as it stands; its violations, each with the
/// first few elements.
fn axe_violations(browser: &Browser) -> Value {
    let axe = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/vendor/axe-core/axe.min.js"
    ))
    .expect("tests/vendor/axe-core/axe.min.js");
    browser.js(&format!("{axe}\n;window.__axe = axe; return true;"));
    run_axe(browser)
}

fn run_axe(browser: &Browser) -> Value {
    browser.call(
        "POST",
        "/execute/async",
        Some(json!({"script": "const done = arguments[arguments.length - 1];
            window.__axe.run(document, {resultTypes: ['violations']})
              .then(r => done(r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
                 nodes: v.nodes.slice(0, 4).map(n => n.target.join(' ') + ' ' + (n.failureSummary || '').slice(0, 160))}))))
              .catch(e => done('axe failed: ' + e));", "args": []})),
    )
}

/// axe-core: no violations on the home, results, article and people pages.
#[test]
fn axe_finds_no_violations_on_home_results_and_article() {
    let Some((browser, server)) = start() else {
        return;
    };
    browser.go(&format!("{}/", server.url()));
    browser.wait(
        "the home page and its overview of the archive",
        "return !document.querySelector('#landing').hidden
            && document.querySelector('#archive-figures')
            && document.querySelector('#overview-latest-title')",
    );
    let home = axe_violations(&browser);
    // The check can fail: an image without a text alternative is found.
    browser.js("const i = document.createElement('img'); i.id = 'axe-probe'; i.src = '/favicon.ico'; document.body.append(i); return true;");
    let probe = run_axe(&browser);
    assert!(
        probe
            .as_array()
            .is_some_and(|v| v.iter().any(|x| x["id"] == "image-alt")),
        "axe did not run: {probe}"
    );
    browser.go(&format!("{}/?q=oil", server.url()));
    browser.wait("results", SETTLED);
    browser.wait(
        "the chart",
        "return !document.querySelector('#timeline').hidden",
    );
    let results = axe_violations(&browser);
    browser.click("article.hit a.hit-title");
    browser.wait(
        "the article",
        "return document.querySelector('#article-title') && !document.querySelector('#article-view').hidden && !document.querySelector('.loading')",
    );
    let article = axe_violations(&browser);
    browser.go(&format!("{}/people", server.url()));
    browser.wait(
        "the people directory",
        "return document.querySelectorAll('#directory li').length > 0",
    );
    let directory = axe_violations(&browser);
    browser.click("#directory li a");
    browser.wait(
        "a person's page",
        "return document.querySelector('#person-name')
            && document.querySelector('#person-undated')",
    );
    let person = axe_violations(&browser);
    for (page, v) in [
        ("home", &home),
        ("results", &results),
        ("article", &article),
        ("people", &directory),
        ("person", &person),
    ] {
        assert!(v.is_array(), "{page}: {v}");
        assert_eq!(v, &json!([]), "{page}: {v:#}");
    }
}
