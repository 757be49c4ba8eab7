// People: a link to a person's page (for the sidebar, the hits and the
// article view), the people directory (`/people`) and a person's page
// (`/people/Tony%20Blair`), drawn from /api/people and
// /api/people/{name}. The server counts; this draws.

import { $, el, fmt, plural, list, svg, metaLine } from "./dom.js";
import { urlFor } from "./state.js";
import { getJSON, showError, networkError } from "./fetch.js";

export const personHref = (name) => "/people/" + encodeURIComponent(name);

// The small link beside a name that opens the person's page.
export function personLink(name) {
  const a = el("a", "person-page", "›");
  a.href = personHref(name);
  a.title = `${name}: person page`;
  a.setAttribute("aria-label", `${name}: person page`);
  return a;
}

// A search for articles naming every one of `people`.
const searchHref = (people, extra) => urlFor(Object.assign({
  q: "", person: people, section: [], lang: [], since: "", until: "", sort: "relevance", offset: 0, limit: 10, article: "",
}, extra || {}));

// `/people` or `/people/NAME`: which people view the path asks for, or
// null for the search page.
export function peopleRoute(path) {
  if (path === "/people" || path === "/people/") return { directory: true };
  if (!path.startsWith("/people/")) return null;
  try {
    return { name: decodeURIComponent(path.slice("/people/".length)) };
  } catch (_) {
    return { name: path.slice("/people/".length) };
  }
}

let shown = null;

export async function showPeople(route) {
  const view = $("people-view");
  const key = route.directory ? "/people" : "/people/" + route.name;
  if (shown === key && view.firstChild) return;
  shown = key;
  view.replaceChildren(el("p", "loading", route.directory ? "Loading people…" : "Loading…"));
  const url = route.directory
    ? "/api/people?limit=1000"
    : `/api/people/${encodeURIComponent(route.name)}?limit=10&alongside=20`;
  let res;
  try {
    res = await getJSON(url);
  } catch (e) {
    shown = null;
    view.replaceChildren();
    return networkError(e);
  }
  if (shown !== key) return;
  if (res.status === 200 && res.body) {
    if (route.directory) renderDirectory(view, res.body);
    else await renderPerson(view, res.body);
  } else if (res.status === 404 && !route.directory) renderUnknown(view, route.name, res.body);
  else {
    shown = null;
    view.replaceChildren();
    showError((res.body && res.body.error && res.body.error.message) || `The server answered ${res.status}.`);
  }
}

function heading(text, id) {
  const h = el("h2", "people-h2", text);
  h.id = id;
  return h;
}

function section(cls, title, id, ...content) {
  const s = el("section", cls);
  s.setAttribute("aria-labelledby", id);
  s.append(heading(title, id), ...content);
  return s;
}

async function renderPerson(view, p) {
  const name = p.name;
  document.title = `${name} — newsdex`;
  const nav = el("nav", "people-nav");
  const dir = el("a", null, "← People");
  dir.href = "/people";
  nav.append(dir);
  const h1 = el("h1", "person-name", name);
  h1.id = "person-name";
  h1.tabIndex = -1;
  const summary = el("p", "person-summary");
  const n = el("strong", "person-count", plural(p.articles, "article"));
  summary.append(n, " name this person");
  if (Number(p.articles_with_copies) > Number(p.articles)) {
    summary.append(` (${fmt(p.articles_with_copies)} counting every copy of a story)`);
  }
  summary.append(" · ");
  const all = el("a", "search-all", `Search all ${plural(p.articles, "article")} →`);
  all.id = "search-all";
  all.href = searchHref([name]);
  summary.append(all);
  view.replaceChildren(nav, h1, summary);

  const forms = list(p.forms);
  if (forms.length) {
    const ul = el("ul", "forms");
    for (const f of forms) {
      const li = el("li");
      li.append(el("span", "form-name", f.name));
      if (!/\s/.test(f.name.trim())) li.append(" ", el("span", "form-note", "(surname alone, linked to this person)"));
      li.append(" ", el("span", "count", fmt(f.articles)));
      ul.append(li);
    }
    view.append(section("person-forms", "Written as", "forms-title", ul,
      el("p", "hint", "The forms of the name found in the articles, with the articles that use each; one article may use several.")));
  }

  const timeline = await yearsIfLong(name, p.timeline);
  view.append(section("person-timeline", "When", "when-title", ...renderChart(timeline)));

  const along = list(p.alongside);
  if (along.length) {
    const ol = el("ol", "alongside");
    for (const o of along) {
      const li = el("li");
      const a = el("a", "alongside-name", o.name);
      a.href = personHref(o.name);
      const both = el("a", "count both", fmt(o.articles));
      both.href = searchHref([name, o.name]);
      both.title = `${plural(o.articles, "article")} naming both ${name} and ${o.name}`;
      both.setAttribute("aria-label", both.title);
      li.append(a, " ", both);
      ol.append(li);
    }
    view.append(section("person-alongside", "Appears alongside", "alongside-title", ol,
      el("p", "hint", "People named in the same articles. A name opens that person's page; a count, the articles naming both.")));
  }

  const latest = list(p.latest);
  if (latest.length) {
    const ol = el("ol", "latest");
    for (const h of latest) ol.append(latestItem(h, searchHref([name], { article: h.id })));
    view.append(section("person-latest", "Latest articles", "latest-title", ol));
  }
  h1.focus({ preventScroll: true });
}

// One of the latest articles: headline (to the article view), date,
// section, source.
export function latestItem(h, href) {
  const li = el("li", "latest-item");
  const a = el("a", "latest-title internal", h.title || "(untitled)");
  a.dir = "auto";
  a.href = href;
  a.dataset.id = h.id;
  li.append(a, metaLine("latest-meta", h, "", []));
  return li;
}

// A timeline of many months is drawn by year: asks again for years.
async function yearsIfLong(name, t) {
  if (list(t && t.buckets).length <= 72) return t;
  try {
    const res = await getJSON(`/api/people/${encodeURIComponent(name)}?by=year&limit=1&alongside=1`);
    if (res.status === 200 && res.body) return res.body.timeline;
  } catch (_) { /* keep the months */ }
  return t;
}

// Bars per period (not focusable: one figure, described by its caption),
// and how many are undated.
function renderChart(t) {
  const buckets = list(t && t.buckets), undated = Number(t && t.undated) || 0;
  const out = [];
  if (buckets.length) {
    const byYear = String(buckets[0].period || "").length === 4;
    const W = 640, H = 110, top = 6, plotH = H - top - 20, base = top + plotH;
    const step = (W - 4) / buckets.length;
    const max = Math.max(1, ...buckets.map((b) => Number(b.articles) || 0));
    const peak = buckets.reduce((a, b) => ((Number(b.articles) || 0) > (Number(a.articles) || 0) ? b : a));
    const caption = `Articles per ${byYear ? "year" : "month"}, ${buckets[0].period} to ${buckets[buckets.length - 1].period}` +
      ` (busiest: ${peak.period}, ${plural(peak.articles, "article")})`;
    const root = svg("svg", { viewBox: `0 0 ${W} ${H}`, class: "chart person-chart", role: "img", "aria-label": caption });
    root.append(svg("line", { x1: 0, x2: W, y1: base + 0.5, y2: base + 0.5, class: "baseline" }));
    let lastLabel = -1e9;
    buckets.forEach((b, i) => {
      const x = 2 + i * step, count = Number(b.articles) || 0;
      const h = count ? Math.max(3, (count / max) * plotH) : 0;
      const gap = step >= 5 ? Math.min(3, step * 0.2) : 0;
      root.append(svg("rect", { x: x + gap / 2, y: base - h, width: Math.max(0.5, step - gap), height: h, class: "bar", "data-period": b.period },
        `${b.period}: ${plural(count, "article")}`));
      const period = String(b.period || "");
      if ((i === 0 || byYear || period.endsWith("-01")) && x - lastLabel >= 36) {
        lastLabel = x;
        const label = svg("text", { x: x + 1, y: H - 4, class: "year-label" });
        label.textContent = period.slice(0, 4);
        root.append(label);
      }
    });
    const fig = el("figure", "person-chart-box");
    fig.append(root, el("figcaption", null, caption));
    out.push(fig);
  }
  const p = el("p", "undated-count");
  p.id = "person-undated";
  p.textContent = buckets.length
    ? `Undated: ${plural(undated, "article")}.`
    : `No dates: all ${plural(undated, "article")} are undated.`;
  out.push(p);
  return out;
}

function renderUnknown(view, name, body) {
  document.title = `${name} — newsdex`;
  const err = (body && body.error) || {};
  const h1 = el("h1", "person-name", name);
  h1.id = "person-name";
  const p = el("p", "notice", `No article names “${name}” as a person.`);
  view.replaceChildren(h1, p);
  const near = list(err.near);
  if (near.length) {
    const q = el("p", "near", "Try ");
    near.forEach((n, i) => {
      const a = el("a", null, n);
      a.href = personHref(n);
      q.append(...(i ? [i === near.length - 1 ? " or " : ", ", a] : [a]));
    });
    q.append(".");
    view.append(q);
  }
  const dir = el("a", null, "See the people the archive names");
  dir.href = "/people";
  const p2 = el("p");
  p2.append(dir);
  view.append(p2);
}

// How many names the directory lists at once.
const SHOWN = 100;

function renderDirectory(view, data) {
  document.title = "People — newsdex";
  const people = list(data.people).filter((p) => p && p.name);
  const h1 = el("h1", "person-name", "People in the archive");
  h1.tabIndex = -1;
  const intro = el("p", "people-intro",
    `The ${plural(people.length, "most-mentioned person", "most-mentioned people")}, with the articles that name each ` +
    "(copies of a story counted once). A name opens the person's page.");
  const form = el("form", "people-filter");
  form.setAttribute("role", "search");
  form.setAttribute("aria-label", "Filter the people listed");
  const label = el("label", null, "Filter names");
  label.htmlFor = "people-filter";
  const input = el("input");
  input.type = "search";
  input.id = "people-filter";
  input.autocomplete = "off";
  input.spellcheck = false;
  input.placeholder = "e.g. blair";
  form.append(label, " ", input);
  const status = el("p", "people-status");
  status.id = "people-status";
  status.setAttribute("aria-live", "polite");
  const ol = el("ol", "directory");
  ol.id = "directory";
  view.replaceChildren(h1, intro, form, status, ol);
  const fold = (s) => s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  const keyed = people.map((p) => ({ p, key: fold(p.name) }));
  const draw = () => {
    const want = fold(input.value.trim());
    const found = want ? keyed.filter((k) => k.key.includes(want)) : keyed;
    ol.replaceChildren(...found.slice(0, SHOWN).map(({ p }) => {
      const li = el("li");
      const a = el("a", "directory-name", p.name);
      a.href = personHref(p.name);
      li.append(a, " ", el("span", "count", fmt(p.articles)));
      return li;
    }));
    status.textContent = !found.length
      ? `No name among these contains “${input.value.trim()}”; press Enter to open its page anyway.`
      : found.length > SHOWN
        ? `Showing ${fmt(SHOWN)} of ${plural(found.length, "name")}; type to narrow.`
        : `${plural(found.length, "name")}.`;
  };
  input.addEventListener("input", draw);
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    const typed = input.value.trim();
    if (!typed) return;
    const exact = keyed.find((k) => k.key === fold(typed));
    location.assign(personHref(exact ? exact.p.name : typed));
  });
  draw();
  h1.focus({ preventScroll: true });
}
