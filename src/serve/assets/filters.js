// The filters a search has (chips above the results) and adding or
// removing one: people, sections, languages, dates, sources.

import { E, el, button, reEscape, languageName, sectionLabel } from "./dom.js";
import { ui, go } from "./state.js";

export function sourceClauses(q) {
  const out = [], re = /(^|\s)source:(?:"([^"]*)"|(\S+))/gi;
  for (let m; (m = re.exec(q));) out.push({ value: m[2] !== undefined ? m[2] : m[3], text: m[0].trim() });
  return out;
}
export const removeClause = (q, clause) =>
  q.replace(new RegExp("(^|\\s)" + reEscape(clause) + "(?=\\s|$)"), " ").replace(/\s+/g, " ").trim();

export function renderActiveFilters() {
  const s = ui.state, chips = [];
  const chip = (filter, value, label) => {
    const b = button("filter-chip", null, { filter, value });
    b.append(el("span", "chip-label", label), el("span", "chip-x", "×"));
    b.setAttribute("aria-label", `Remove filter ${label}`);
    b.title = "Remove this filter";
    chips.push(b);
  };
  for (const p of s.person) chip("person", p, `Person: ${p}`);
  for (const x of s.section) chip("section", x, `Section: ${sectionLabel(x)}`);
  for (const x of s.lang) chip("lang", x, `Language: ${languageName(x)}`);
  if (s.since && s.since === s.until) chip("date", s.since, `Date: ${s.since}`);
  else {
    if (s.since) chip("since", s.since, `From ${s.since}`);
    if (s.until) chip("until", s.until, `Until ${s.until}`);
  }
  for (const c of sourceClauses(s.q)) chip("source", c.text, `Source: ${c.value}`);
  E.activeFilters.hidden = !chips.length;
  E.activeFilters.replaceChildren(...(chips.length ? [el("span", "filters-title", "Filtered by"), ...chips] : []));
  if (chips.length > 1) {
    const c = button("clear-filters", "Clear all");
    c.id = "clear-filters";
    E.activeFilters.append(c);
  }
}

export function removeFilter(kind, value) {
  const s = ui.state;
  if (kind === "person" || kind === "section" || kind === "lang") go({ [kind]: s[kind].filter((x) => x !== value) });
  else if (kind === "date") go({ since: "", until: "" });
  else if (kind === "since" || kind === "until") go({ [kind]: "" });
  else if (kind === "source") go({ q: removeClause(s.q, value) });
}

export function clearFilters() {
  const s = ui.state;
  go({ q: sourceClauses(s.q).reduce((q, x) => removeClause(q, x.text), s.q), person: [], section: [], lang: [], since: "", until: "" });
}

// person / section / language / year / source: add the filter, or (toggle) remove it if already on
export function clickFacet(kind, value, toggle) {
  const s = ui.state;
  if (kind === "person" || kind === "section" || kind === "lang") {
    if (!s[kind].includes(value)) go({ [kind]: s[kind].concat(value) });
    else if (toggle) removeFilter(kind, value);
  } else if (kind === "year") {
    if (s.since !== value || s.until !== value) go({ since: value, until: value });
    else if (toggle) removeFilter("date");
  } else if (kind === "source") {
    const found = sourceClauses(s.q).find((c) => c.value.toLowerCase() === value.toLowerCase());
    if (!found) go({ q: `${s.q.trim()} source:"${value.replace(/"/g, "")}"`.trim() });
    else if (toggle) removeFilter("source", found.text);
  }
}
