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
import { ui, SORTS, parseState, navigate, go, onRender } from "./state.js";
import { clearError, showError } from "./fetch.js";
import { showSearch } from "./results.js";
import { showArticle } from "./article.js";
import { copyFrom } from "./cite.js";
import { clickFacet, removeFilter, clearFilters } from "./filters.js";
import { narrowTo } from "./timeline.js";

const DATE_RE = /^\d{4}(-\d{2}(-\d{2})?)?$/;

function render() {
  const state = ui.state;
  if (document.activeElement !== E.q || E.q.value.trim() !== state.q) E.q.value = state.q;
  E.sort.value = state.sort;
  for (const k of ["since", "until"]) {
    E[k].value = state[k];
    E[k].removeAttribute("aria-invalid");
  }
  clearError();
  const reading = !!state.article;
  for (const n of [E.activeFilters, E.status, E.notices, E.results]) n.hidden = reading;
  if (reading) E.export.hidden = true;
  if (reading) E.timeline.hidden = E.pager.hidden = E.facets.hidden = E.landing.hidden = true;
  E.articleView.hidden = !reading;
  document.body.classList.toggle("reading", reading);
  if (reading) showArticle(state.article);
  else showSearch();
}

// ---------- the form ----------
function readDate(input) {
  const raw = input.value.trim(), v = raw.replace(/[/.]/g, "-");
  if (!v || DATE_RE.test(v)) return v;
  input.setAttribute("aria-invalid", "true");
  showError(`“${raw}” is not a date: write a year (2016), a month (2016-05) or a day (2016-05-03).`);
  input.focus();
  return null;
}
function submitForm() {
  clearError();
  const since = readDate(E.since);
  const until = since === null ? null : readDate(E.until);
  if (until === null) return;
  go({ q: E.q.value.trim(), sort: SORTS.includes(E.sort.value) ? E.sort.value : "relevance", since, until });
}
E.searchForm.addEventListener("submit", (e) => {
  e.preventDefault();
  submitForm();
});
E.sort.addEventListener("change", submitForm);
for (const inp of [E.since, E.until]) {
  inp.addEventListener("change", () => {
    if (inp.value.trim().replace(/[/.]/g, "-") !== ui.state[inp.id]) submitForm();
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
