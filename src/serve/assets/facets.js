// The sidebar: people, sections, languages, sources and years of the
// matching articles, each a filter on click.

import { E, el, button, fmt, list, languageName } from "./dom.js";
import { sourceClauses } from "./filters.js";

export function renderFacets(f, s) {
  const groups = [];
  const group = (title, kind, items, isActive) => {
    items = items.filter((x) => x && x.name);
    if (!items.length) return;
    const sec = el("section", "facet-group");
    sec.dataset.facet = kind;
    const ul = el("ul");
    for (const it of items) {
      const on = isActive(it.name);
      const b = button("facet" + (on ? " active" : ""), null, { facet: kind, value: it.name });
      b.setAttribute("aria-pressed", String(on));
      b.append((kind === "lang" ? languageName(it.name) : it.name) + " ", el("span", "count", fmt(it.articles)));
      ul.appendChild(el("li")).append(b);
    }
    sec.append(el("h2", null, title), ul);
    groups.push(sec);
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
  group("Years", "year", ys, (y) => s.since === y && s.until === y);
  E.facets.replaceChildren(...groups);
  E.facets.hidden = !groups.length;
}
