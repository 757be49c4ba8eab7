// The sidebar: people, sections, languages, sources and years of the
// matching articles, each a filter on click.

import { E, el, button, fmt, plural, list, languageName, sectionLabel } from "./dom.js";
import { sourceClauses } from "./filters.js";
import { personLink } from "./people.js";

// The undated matches of the last search without a date filter, by what
// else it asked (its query and other filters).
let lastUndated = { key: "", undated: 0 };
const undatedKey = (s) => JSON.stringify([s.q, s.person, s.section, s.lang, s.exact]);

export function renderFacets(f, s) {
  const groups = [];
  const group = (title, kind, items, isActive, describe) => {
    items = items.filter((x) => x && x.name);
    if (!items.length) return;
    const sec = el("section", "facet-group");
    sec.dataset.facet = kind;
    const ul = el("ul");
    for (const it of items) {
      const on = isActive(it.name);
      const b = button("facet" + (on ? " active" : ""), null, { facet: kind, value: it.name });
      b.setAttribute("aria-pressed", String(on));
      const shown = kind === "lang" ? languageName(it.name) : kind === "section" ? sectionLabel(it.name) : it.name;
      b.append(shown + " ", el("span", "count", fmt(it.articles)));
      if (describe) b.title = describe(it.name);
      const li = ul.appendChild(el("li"));
      li.append(b);
      if (kind === "person") li.append(personLink(it.name));
    }
    sec.append(el("h2", null, title), ul);
    groups.push(sec);
    return sec;
  };
  group("People", "person", list(f.people), (n) => s.person.includes(n));
  group("Sections", "section", list(f.sections), (n) => s.section.includes(n));
  group("Languages", "lang", list(f.languages), (n) => s.lang.includes(n));
  const src = new Set(sourceClauses(s.q).map((c) => c.value.toLowerCase()));
  group("Sources", "source", list(f.sources), (n) => src.has(n.toLowerCase()));
  const years = new Map();
  for (const m of list(f.months)) {
    const y = String(m.period || "").slice(0, 4);
    if (y.length === 4) years.set(y, (years.get(y) || 0) + (Number(m.articles) || 0));
  }
  const ys = [...years].filter((y) => y[1] > 0).sort((a, b) => (a[0] < b[0] ? 1 : -1))
    .map(([name, articles]) => ({ name, articles }));
  // Undated matches are in no year: said under the years, and by each
  // year's button, which leaves them out; once a date filter is on, how
  // many it left out (known from the search before it).
  const undated = Number(f.undated) || 0;
  const key = undatedKey(s);
  if (!s.since && !s.until) lastUndated = { key, undated };
  const drops = undated ? ` (leaves out the ${plural(undated, "undated article")})` : "";
  const yearGroup = group("Years", "year", ys, (y) => s.since === y && s.until === y, (y) => `Only ${y}${drops}`);
  const dropped = (s.since || s.until) && lastUndated.key === key ? lastUndated.undated : 0;
  const line = undated
    ? el("li", "undated-count", `Undated `)
    : dropped ? el("li", "undated-count", `${plural(dropped, "undated article")} left out by the date filter`) : null;
  if (line) {
    if (undated) {
      line.append(el("span", "count", fmt(undated)));
      line.title = "Articles without a date are in no year: a year or date filter leaves them out";
    }
    if (yearGroup) yearGroup.querySelector("ul").append(line);
    else {
      const sec = el("section", "facet-group");
      sec.dataset.facet = "year";
      sec.append(el("h2", null, "Years"), el("ul"));
      sec.querySelector("ul").append(line);
      groups.push(sec);
    }
  }
  E.facets.replaceChildren(...groups);
  E.facets.hidden = !groups.length;
  // On a phone the sidebar comes after the results: a link jumps there.
  document.getElementById("to-facets").hidden = !groups.length;
}
