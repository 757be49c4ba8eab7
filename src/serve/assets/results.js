// A search: the count, the hits with their marked passages, paging, and
// (through their modules) notices, timeline and sidebar.

import { E, el, button, fmt, plural, list, marked, metaLine } from "./dom.js";
import { ui, params, urlFor, isLanding, applyScroll } from "./state.js";
import { load, cancel, setBusy } from "./fetch.js";
import { renderExport } from "./export.js";
import { citeButton } from "./cite.js";
import { renderActiveFilters } from "./filters.js";
import { renderFacets } from "./facets.js";
import { renderTimeline, clearTimeline } from "./timeline.js";
import { renderNotices } from "./notices.js";
import { personLink } from "./people.js";

const MAX_CHIPS = 8;
let cache = { key: null, data: null };

function clearResults(status) {
  E.status.textContent = status;
  for (const n of [E.notices, E.results, E.chart, E.facets]) n.replaceChildren();
  E.timeline.hidden = E.pager.hidden = E.facets.hidden = true;
  renderExport(0);
  clearTimeline();
}

// The query the shown search searched for `q`: its spelling correction
// when it searched one instead (the article view marks what was searched).
export function searched(q) {
  const d = cache.data;
  return d && d.query === q && d.corrected ? d.corrected : q;
}

export async function showSearch() {
  const s = ui.state;
  document.title = s.q ? `${s.q} — newsdex` : "newsdex";
  renderActiveFilters();
  E.landing.hidden = !isLanding(s);
  E.status.hidden = isLanding(s);
  const url = "/api/search?" + params(s, true);
  if (isLanding(s) || cache.key === url) {
    cancel();
    setBusy(false);
    if (isLanding(s)) clearResults("");
    else renderResults(cache.data, s);
    return applyScroll();
  }
  setBusy(true);
  E.status.textContent = "Searching…";
  const body = await load(url, s.q);
  if (body === undefined) return;
  setBusy(false);
  if (!body) return clearResults("Search failed.");
  cache = { key: url, data: body };
  renderResults(body, s);
  applyScroll();
}

// The figures to quote, as `newsdex search` prints them: stories with
// every word, then how many more have some of them.
export function countLine(data) {
  const total = Number(data.stories) || 0, articles = Number(data.total) || 0;
  const strict = Number(data.strict_stories) || 0, words = list(data.words).length;
  const story = articles > total;
  const unit = (n) => (story ? plural(n, "story", "stories") : plural(n, "article"));
  let text;
  if (data.relaxed) {
    const all = words === 2 ? "both words" : words ? `all ${words} words` : "every word";
    text = `${unit(strict)} with ${all} · ${fmt(Math.max(0, total - strict))} more with some of them`;
  } else {
    text = unit(total).replace(" ", " matching ");
  }
  return text;
}

function renderResults(data, s) {
  const hits = list(data.hits);
  // Pages are cut from stories: copies of one story are shown once.
  const total = Number(data.stories) || 0, offset = Number(data.offset) || 0, limit = Number(data.limit) || s.limit;
  const articles = Number(data.total) || 0;
  const took = Number(data.took_ms) || 0;
  let status;
  if (!total) status = "No articles match. Try fewer words, check the spelling, or remove a filter.";
  else {
    status = countLine(data);
    status += hits.length ? ` · showing ${fmt(offset + 1)}–${fmt(offset + hits.length)}` : " · none on this page";
    if (articles > total) status += ` (${fmt(articles)} articles, copies shown once)`;
  }
  E.status.textContent = status + (total ? ` (took ${took < 1 ? "<1" : Math.round(took)} ms)` : "");
  renderExport(total, s);

  renderNotices(data);
  const facets = data.facets || {};
  renderTimeline(list(facets.months), facets.undated);

  const frag = document.createDocumentFragment();
  // The closest matches start here: the hits from it on lack a word.
  const divider = data.divider && Number.isInteger(data.divider.before) ? data.divider : null;
  hits.forEach((h, i) => {
    if (divider && divider.before === i) {
      const text = String(divider.text || "");
      frag.append(el("p", "relaxed-divider", text.charAt(0).toUpperCase() + text.slice(1)));
    }
    frag.append(renderHit(h, s));
  });
  E.results.replaceChildren(frag);

  E.pager.hidden = !total;
  E.pageInfo.textContent = `page ${fmt(Math.floor(offset / limit) + 1)} of ${fmt(Math.max(1, Math.ceil(total / limit)))}`;
  E.prev.disabled = offset <= 0;
  E.next.disabled = offset + limit >= total;
  renderFacets(facets, s);
}

function renderHit(h, s) {
  const art = el("article", "hit" + (h.relaxed ? " relaxed" : ""));
  art.dataset.id = h.id;
  const head = el("h2", "hit-head");
  const a = el("a", "hit-title internal", h.title || "(untitled)");
  a.dir = "auto";
  a.href = urlFor(Object.assign({}, s, { article: h.id }));
  a.dataset.id = h.id;
  head.append(el("span", "hit-rank", `${h.rank}.`), " ", a);
  const extra = h.relaxed || Array.isArray(h.matched)
    ? [el("span", "matched", "matches: " + (list(h.matched).join(" ") || "—"))] : [];
  art.append(head, metaLine("hit-meta", h, "", extra));

  const people = list(h.people);
  if (people.length) {
    const box = el("div", "hit-people");
    box.setAttribute("aria-label", "People mentioned — click a name to filter, › for the person's page");
    people.forEach((name, i) => {
      const b = button("person-chip" + (s.person.includes(name) ? " active" : ""), name, { value: name });
      b.title = `Only articles mentioning ${name}`;
      // The chip filters; the small link beside it opens the person's page.
      const pair = el("span", "chip-pair");
      pair.append(b, personLink(name));
      pair.hidden = i >= MAX_CHIPS && people.length > MAX_CHIPS + 1;
      box.append(pair);
    });
    if (people.length > MAX_CHIPS + 1) box.append(button("more-people", `+${people.length - MAX_CHIPS} more`));
    art.append(box);
  }
  const frags = list(h.fragments).length ? h.fragments : h.snippet ? [{ text: h.snippet, highlights: h.highlights }] : [];
  for (const f of frags) {
    const p = marked("p", "passage", f.text, f.highlights);
    p.dir = "auto";
    art.append(p);
  }
  const copies = list(h.copy_articles).length ? h.copy_articles : list(h.copies).map((id) => ({ id, title: id }));
  if (copies.length) art.append(renderCopies(copies, s));
  const tools = el("p", "hit-tools");
  tools.append(citeButton(h));
  art.append(tools);
  return art;
}

// Other copies of this story in the archive, shown once here: each by
// headline, source and date; more than three folded away.
function renderCopies(copies, s) {
  const ul = el("ul");
  for (const c of copies) {
    const li = el("li", "copy");
    const a = el("a", "internal", c.title || "(untitled)");
    a.dir = "auto";
    a.href = urlFor(Object.assign({}, s, { article: c.id }));
    a.dataset.id = c.id;
    li.append(a, metaLine("copy-meta", c, "", []));
    ul.append(li);
  }
  const label = `+${plural(copies.length, "copy", "copies")} of this story`;
  if (copies.length <= 3) {
    const box = el("div", "copies");
    box.append(el("p", "copies-label", label + ":"), ul);
    return box;
  }
  const box = el("details", "copies");
  box.append(el("summary", null, label), ul);
  return box;
}
