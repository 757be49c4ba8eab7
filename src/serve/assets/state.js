// The page's state, which lives whole in the URL's query string, and
// moving between states (history, scroll, focus).

import { uniq } from "./dom.js";

export const PAGE = 10;
export const SORTS = ["relevance", "recent", "newest", "oldest"];

// What is shown (`ui.state`) and what to do once it is drawn.
export const ui = { state: null, pendingScroll: null, focusHeading: false };

let renderView = () => {};
// The function that draws `ui.state` (app.js sets it).
export function onRender(fn) {
  renderView = fn;
}

export function parseState(search) {
  const p = new URLSearchParams(search);
  const g = (k) => p.get(k) || "";
  const off = parseInt(g("offset"), 10), lim = parseInt(g("limit"), 10);
  return {
    q: g("q"), person: uniq(p.getAll("person").filter(Boolean)), section: uniq(p.getAll("section").filter(Boolean)),
    lang: uniq(p.getAll("lang").filter(Boolean)),
    since: g("since"), until: g("until"), sort: SORTS.includes(g("sort")) ? g("sort") : "relevance",
    offset: off > 0 ? off : 0, limit: lim >= 1 && lim <= 100 ? lim : PAGE, article: g("article"),
    // Search the query as typed, not a spelling correction of it.
    exact: g("exact") === "true",
  };
}
export function params(s, api) {
  const p = new URLSearchParams();
  if (s.q) p.set("q", s.q);
  for (const x of s.person) p.append("person", x);
  for (const x of s.section) p.append("section", x);
  for (const x of s.lang) p.append("lang", x);
  if (s.since) p.set("since", s.since);
  if (s.until) p.set("until", s.until);
  if (s.sort !== "relevance") p.set("sort", s.sort);
  if (s.exact) p.set("exact", "true");
  if (api || s.offset) p.set("offset", String(s.offset));
  if (api || s.limit !== PAGE) p.set("limit", String(s.limit));
  if (!api && s.article) p.set("article", s.article);
  return p.toString();
}
export const urlFor = (s) => { const qs = params(s, false); return "/" + (qs ? "?" + qs : ""); };
export const withPatch = (patch) => Object.assign({}, ui.state, { offset: 0, article: "" }, patch);
export const isLanding = (s) =>
  !s.q.trim() && !s.person.length && !s.section.length && !s.lang.length && !s.since && !s.until;

export function navigate(next, hs) {
  history.replaceState(Object.assign({}, history.state, { scrollY: window.scrollY }), "");
  ui.state = next;
  const url = urlFor(next);
  history[url === location.pathname + location.search ? "replaceState" : "pushState"](hs || null, "", url);
  ui.pendingScroll = 0;
  ui.focusHeading = !!next.article;
  renderView();
}
export const go = (patch) => navigate(withPatch(patch));

export function applyScroll() {
  if (ui.pendingScroll !== null) window.scrollTo(0, ui.pendingScroll);
  ui.pendingScroll = null;
}

window.addEventListener("popstate", (e) => {
  ui.state = parseState(location.search);
  ui.pendingScroll = (e.state && e.state.scrollY) || 0;
  ui.focusHeading = false;
  renderView();
});
