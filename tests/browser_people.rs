//! People and the home page in headless Chromium (issue #25, items 11 and
//! 13): a person's page shows the count, a timeline, the forms of the
//! name, who appears alongside and the latest articles, as
//! `/api/people/{name}` gives them; names in the hits, the sidebar and the
//! article view link to it; the directory filters; the home page tells
//! what the archive holds before anything is typed. Screenshots
//! `serve-person.png` and `serve-home.png` go to cargo's target tmp dir.

use serde_json::Value;

use crate::browser::{Browser, SETTLED};
use crate::util::http::url_encode;
use crate::util::http::Server;
use crate::util::Env;

fn strings(v: &Value) -> Vec<String> {
    v.as_array()
        .unwrap_or_else(|| panic!("an array: {v}"))
        .iter()
        .map(|x| x.as_str().unwrap().to_string())
        .collect()
}

fn names(v: &Value, key: &str) -> Vec<String> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|x| x[key].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn a_persons_page_shows_count_timeline_alongside_and_latest() {
    let Some(browser) = Browser::start() else {
        return;
    };
    let env = Env::indexed_sample();
    let server = Server::start(env, &[]);
    let name = "Ronald Reagan";
    let api = server.json(&format!("/api/people/{}", url_encode(name)), 200);
    browser.go(&format!("{}/people/{}", server.url(), url_encode(name)));
    browser.wait(
        "the person's page",
        "return document.querySelectorAll('#people-view .latest-title').length > 0
            && document.querySelector('#person-undated');",
    );
    let page = browser.js(
        "const all = (css) => Array.from(document.querySelectorAll(css)).map(n => n.textContent);
         return {h1: document.querySelector('#person-name').textContent,
                 count: document.querySelector('.person-count').textContent,
                 title: document.title,
                 forms: all('.forms .form-name'),
                 bars: document.querySelectorAll('.person-chart rect.bar').length,
                 caption: document.querySelector('.person-chart-box figcaption').textContent,
                 undated: document.querySelector('#person-undated').textContent,
                 alongside: all('.alongside .alongside-name'),
                 latest: all('.latest .latest-title'),
                 search: document.querySelector('#search-all').getAttribute('href'),
                 results_hidden: document.querySelector('#results').hidden,
                 landing_hidden: document.querySelector('#landing').hidden};",
    );
    assert_eq!(page["h1"], name);
    assert_eq!(page["title"], format!("{name} — newsdex"));
    assert_eq!(page["count"], format!("{} articles", api["articles"]));
    assert_eq!(strings(&page["forms"]), names(&api["forms"], "name"));
    assert!(
        strings(&page["forms"]).contains(&"Reagan".to_string()),
        "{page}"
    );
    // 1987 to 2012 in months is too many bars: drawn by year.
    assert!(page["bars"].as_u64().unwrap() >= 2, "{page}");
    assert!(
        page["caption"]
            .as_str()
            .unwrap()
            .starts_with("Articles per year, 1987 to 2012"),
        "{page}"
    );
    assert_eq!(
        page["undated"],
        format!("Undated: {} articles.", api["timeline"]["undated"])
    );
    assert_eq!(
        strings(&page["alongside"]),
        names(&api["alongside"], "name")
    );
    assert_eq!(strings(&page["latest"]), names(&api["latest"], "title"));
    assert_eq!(page["results_hidden"], true);
    assert_eq!(page["landing_hidden"], true);
    browser.screenshot("serve-person.png");

    // A latest article opens in the article view, and Back returns here.
    browser.click("#people-view .latest-title");
    browser.wait(
        "the article",
        "const h = document.querySelector('#article-title'); return h && h.textContent;",
    );
    assert!(browser
        .js("return location.search")
        .as_str()
        .unwrap()
        .contains("article="));
    browser.click("#back-link");
    browser.wait(
        "the person's page again",
        "return location.pathname.startsWith('/people/')
            && !document.querySelector('#people-view').hidden
            && document.querySelector('#person-name').textContent;",
    );

    // "Search all" runs the `person:` search: the same count of stories.
    assert_eq!(
        page["search"],
        format!("/?person={}", name.replace(' ', "+"))
    );
    browser.click("#search-all");
    browser.wait("results", SETTLED);
    let status = browser.js("return document.querySelector('#status').textContent");
    assert!(
        status
            .as_str()
            .unwrap()
            .starts_with(&format!("{} matching", api["articles"])),
        "{status}"
    );
}

#[test]
fn names_link_to_person_pages_and_chips_still_filter() {
    let Some(browser) = Browser::start() else {
        return;
    };
    let env = Env::indexed_sample();
    let server = Server::start(env, &[]);
    browser.go(&format!("{}/?q=budget", server.url()));
    browser.wait("results", SETTLED);
    let links = browser.js(
        "const hit = document.querySelector('.hit-people .chip-pair');
         const side = document.querySelector('.facet-group[data-facet=\"person\"] li');
         return {chip: hit.querySelector('button.person-chip').dataset.value,
                 chip_link: hit.querySelector('a.person-page').getAttribute('href'),
                 chip_label: hit.querySelector('a.person-page').getAttribute('aria-label'),
                 side: side.querySelector('button.facet').dataset.value,
                 side_link: side.querySelector('a.person-page').getAttribute('href')};",
    );
    let chip = links["chip"].as_str().unwrap();
    assert_eq!(links["chip_link"], format!("/people/{}", url_encode(chip)));
    assert_eq!(links["chip_label"], format!("{chip}: person page"));
    let side = links["side"].as_str().unwrap();
    assert_eq!(links["side_link"], format!("/people/{}", url_encode(side)));

    // The chip itself still filters.
    browser.click(".hit-people button.person-chip");
    browser.wait(
        "the person filter",
        "return new URLSearchParams(location.search).getAll('person').length === 1;",
    );
    browser.wait("results", SETTLED);

    // The article view's people link to their pages too.
    browser.click("article.hit .hit-title");
    browser.wait(
        "the article's people",
        "return document.querySelector('.article-people a.person-page');",
    );
    let href = browser
        .js("return document.querySelector('.article-people a.person-page').getAttribute('href')");
    assert!(href.as_str().unwrap().starts_with("/people/"), "{href}");
    browser.click(".article-people a.person-page");
    browser.wait(
        "a person's page",
        "const h = document.querySelector('#person-name');
         return location.pathname.startsWith('/people/') && h && h.textContent;",
    );

    // A name no article gives: the names near it, as links.
    browser.go(&format!("{}/people/Mr%20Blair", server.url()));
    let near = browser.wait(
        "the near names",
        "const a = document.querySelector('#people-view .near a');
         return a && [a.textContent, a.getAttribute('href')];",
    );
    assert_eq!(
        near,
        serde_json::json!(["Tony Blair", "/people/Tony%20Blair"])
    );
    // The search box works from a people page: the results replace it.
    browser.js("document.querySelector('#q').value = 'budget';
         document.querySelector('#search-form').requestSubmit();");
    browser.wait("results", SETTLED);
    assert_eq!(browser.js("return location.pathname"), "/");
    assert_eq!(
        browser.js("return document.querySelector('#people-view').hidden"),
        true
    );

    // The directory: most-mentioned first, and a box that filters.
    browser.go(&format!("{}/people", server.url()));
    browser.wait(
        "the directory",
        "return document.querySelectorAll('#directory li').length > 0;",
    );
    let listed = server.json("/api/people?limit=3", 200);
    let first = browser.js(
        "return Array.from(document.querySelectorAll('#directory .directory-name')).slice(0, 3).map(a => a.textContent)",
    );
    assert_eq!(strings(&first), names(&listed["people"], "name"));
    let filtered = browser.js(
        "const i = document.querySelector('#people-filter');
         i.value = 'blair';
         i.dispatchEvent(new Event('input'));
         return Array.from(document.querySelectorAll('#directory .directory-name')).map(a => a.textContent)",
    );
    let filtered = strings(&filtered);
    assert!(filtered.contains(&"Tony Blair".to_string()), "{filtered:?}");
    assert!(
        filtered.iter().all(|n| n.to_lowercase().contains("blair")),
        "{filtered:?}"
    );
}

#[test]
fn the_home_page_describes_the_archive() {
    let Some(browser) = Browser::start() else {
        return;
    };
    let env = Env::indexed_sample();
    let server = Server::start(env, &[]);
    let stats = server.json("/api/stats", 200);
    let newest = server.json("/api/search?sort=newest&limit=10", 200);
    let people = server.json("/api/people?limit=10", 200);
    browser.go(&format!("{}/", server.url()));
    browser.wait(
        "the overview",
        "return document.querySelector('#archive-figures')
            && document.querySelectorAll('.overview-latest .latest-title').length > 0;",
    );
    let page = browser.js(
        "const all = (css) => Array.from(document.querySelectorAll(css));
         const block = (id) => all('#' + id + ' + ul a').map(a => a.textContent);
         return {figures: document.querySelector('#archive-figures').textContent,
                 people: block('overview-people'),
                 hrefs: all('#overview-people + ul a').map(a => a.getAttribute('href')),
                 sources: block('overview-sources'),
                 sections: block('overview-sections'),
                 languages: block('overview-languages'),
                 latest: all('.overview-latest .latest-title').map(a => a.textContent),
                 syntax: all('table.syntax tr').length};",
    );
    let figures = page["figures"].as_str().unwrap();
    let range = stats["date_range"].as_array().unwrap();
    for part in [
        "1,341 articles".to_string(),
        range[0].as_str().unwrap()[..10].to_string(),
        range[1].as_str().unwrap()[..10].to_string(),
        format!("{} undated", stats["undated"]),
    ] {
        assert!(figures.contains(&part), "{part} in {figures}");
    }
    assert_eq!(stats["articles"], 1341);
    assert_eq!(strings(&page["people"]), names(&people["people"], "name"));
    assert_eq!(page["hrefs"][0], "/people/Tony%20Blair");
    assert!(!strings(&page["sources"]).is_empty(), "{page}");
    assert!(strings(&page["sections"]).contains(&"politics".to_string()));
    assert!(strings(&page["languages"]).contains(&"English".to_string()));
    assert_eq!(strings(&page["latest"]), names(&newest["hits"], "title"));
    assert!(
        page["syntax"].as_u64().unwrap() >= 8,
        "the syntax table stays"
    );
    browser.screenshot("serve-home.png");

    // A section opens its search; the home link comes back to the overview.
    browser.click("#overview-sections + ul a");
    browser.wait("results", SETTLED);
    assert!(browser
        .js("return location.search")
        .as_str()
        .unwrap()
        .contains("section="));
    browser.click("#home");
    browser.wait(
        "the overview again",
        "return !document.querySelector('#landing').hidden
            && document.querySelector('#archive-figures');",
    );
}
