// newsdex serve: the search page's entry point. Plain ES2020 modules, no
// dependencies: this one draws the view the URL asks for and wires the
// page's events; each other module does one job (state.js the URL state,
// fetch.js requests, results.js a search, notices.js what it says,
// filters.js and facets.js narrowing, timeline.js the chart, article.js
// the article view, export.js the download links, cite.js citations and
// copying, dom.js building elements). The whole state lives in
// the URL query string. Article text is only ever inserted with
// textContent / createTextNode, never as HTML.

import { $, E, uniq } from "./dom.js";
import { ui, SORTS, parseState, navigate, go, onRender, isLanding } from "./state.js";
import { clearError } from "./fetch.js";
import { showSearch } from "./results.js";
import { showArticle } from "./article.js";
import { copyFrom } from "./cite.js";
import { clickFacet, removeFilter, clearFilters } from "./filters.js";
import { narrowTo } from "./timeline.js";
import { peopleRoute, showPeople } from "./people.js";
import { showOverview } from "./home.js";

function render() {
  const state = ui.state;
  if (document.activeElement !== E.q || E.q.value.trim() !== state.q) E.q.value = state.q;
  E.sort.value = state.sort;
  for (const k of ["since", "until"]) {
    E[k].value = state[k];
    E[k].removeAttribute("aria-invalid");
  }
  clearError();
  // `/people` and `/people/NAME` are the people views; every other state
  // is in the query string.
  const people = peopleRoute(location.pathname);
  const reading = !!state.article || !!people;
  // The results page's level-one heading (the landing page, the article
  // view and the people views have their own).
  const heading = $("page-heading");
  heading.hidden = reading || isLanding(state);
  heading.textContent = state.q.trim() ? `Results for “${state.q.trim()}”` : "Filtered articles";
  $("to-facets").hidden = true;
  for (const n of [E.activeFilters, E.status, E.notices, E.results]) n.hidden = reading;
  if (reading) E.export.hidden = true;
  if (reading) E.timeline.hidden = E.pager.hidden = E.facets.hidden = E.landing.hidden = true;
  E.articleView.hidden = !state.article || !!people;
  $("people-view").hidden = !people;
  document.body.classList.toggle("reading", reading);
  if (people) showPeople(people);
  else if (state.article) showArticle(state.article);
  else {
    showSearch();
    if (isLanding(state)) showOverview();
  }
}

// ---------- the form ----------
// The From and To fields go to the server as typed: it reads every common
// date form (2016, May 2016, 3 May 2016, 05/03/2016 ...) and names the
// field it cannot read (fetch.js words that).
function submitForm() {
  clearError();
  go({
    q: E.q.value.trim(), sort: SORTS.includes(E.sort.value) ? E.sort.value : "relevance",
    since: E.since.value.trim(), until: E.until.value.trim(), exact: false,
  });
}
// On a phone the sort and date fields fold away behind a button.
const filtersToggle = $("filters-toggle");
filtersToggle.addEventListener("click", () => {
  const open = filtersToggle.getAttribute("aria-expanded") !== "true";
  filtersToggle.setAttribute("aria-expanded", String(open));
  E.searchForm.classList.toggle("filters-open", open);
});
E.searchForm.addEventListener("submit", (e) => {
  e.preventDefault();
  submitForm();
});
E.sort.addEventListener("change", submitForm);
for (const inp of [E.since, E.until]) {
  inp.addEventListener("change", () => {
    if (inp.value.trim() !== ui.state[inp.id]) submitForm();
  });
}
E.prev.addEventListener("click", () => navigate(Object.assign({}, ui.state, { offset: Math.max(0, ui.state.offset - ui.state.limit) })));
E.next.addEventListener("click", () => navigate(Object.assign({}, ui.state, { offset: ui.state.offset + ui.state.limit })));

// ---------- clicks and keys, delegated ----------
document.addEventListener("click", (e) => {
  const t = e.target;
  if (!(t instanceof Element)) return;
  const state = ui.state;
  const bar = t.closest("rect[data-period]");
  if (bar) return narrowTo(bar);
  // Jumps within the page move focus there without touching the URL (a
  // changed hash would redraw the view and scroll to the top).
  const jump = t.closest("a.skip-link, a.jump-link");
  if (jump) {
    const target = $(jump.getAttribute("href").slice(1));
    if (!target) return;
    e.preventDefault();
    target.focus({ preventScroll: true });
    target.scrollIntoView({ block: "start" });
    return;
  }
  const b = t.closest("button");
  const c = b ? b.classList : null;
  if (!b) {
    const a = t.closest("a.internal");
    if (!a || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey || a.origin !== location.origin) return;
    e.preventDefault();
    const next = parseState(a.search);
    // "Back to results" after opening an article from the results: a real Back keeps the history tidy
    if (!next.article && state.article && history.state && history.state.fromResults) return history.back();
    navigate(next, next.article ? { fromResults: !state.article } : null);
  } else if (c.contains("person-chip")) clickFacet("person", b.dataset.value, false);
  else if (c.contains("facet")) clickFacet(b.dataset.facet, b.dataset.value, true);
  else if (c.contains("filter-chip")) removeFilter(b.dataset.filter, b.dataset.value);
  else if (c.contains("person-toggle")) go({ person: uniq(state.person.concat(b.dataset.value)) });
  else if (c.contains("more-people")) {
    for (const x of b.parentElement.children) x.hidden = false;
    b.remove();
  } else if (b.id === "clear-filters") {
    clearFilters();
  } else if (c.contains("copy-text")) copyFrom(b);
});

document.addEventListener("keydown", (e) => {
  const t = e.target;
  const typing = t instanceof HTMLElement && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName));
  if (typing || e.ctrlKey || e.metaKey || e.altKey) return;
  if (e.key === "/") {
    e.preventDefault();
    E.q.focus();
    E.q.select();
  } else if (e.key === "Escape" && ui.state.article && $("back-link")) {
    $("back-link").click();
  } else if ((e.key === "Enter" || e.key === " ") && t instanceof Element && t.matches("rect.bar[data-period]")) {
    e.preventDefault();
    narrowTo(t);
  }
});

if ("scrollRestoration" in history) history.scrollRestoration = "manual";
onRender(render);
ui.state = parseState(location.search);
render();
