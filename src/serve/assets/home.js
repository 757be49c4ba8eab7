// The home page, before anything is typed: what the archive holds. The
// article count, dates and undated count from /api/stats; the
// sources, sections and languages (each story once) and the newest
// articles from /api/search?sort=newest, which with no query lists the
// whole archive; the most-mentioned people from /api/people, as the
// people directory lists them. Each item opens a search, a person's
// page or an article.

import { $, el, fmt, plural, list, day, languageName } from "./dom.js";
import { urlFor } from "./state.js";
import { getJSON } from "./fetch.js";
import { personHref, latestItem } from "./people.js";

const LISTED = 10;
let drawn = false;

const search = (patch) => urlFor(Object.assign({
  q: "", person: [], section: [], lang: [], since: "", until: "", sort: "relevance", offset: 0, limit: 10, article: "",
}, patch));

export async function showOverview() {
  const box = $("overview");
  if (!box || drawn) return;
  drawn = true;
  let stats, newest, people;
  try {
    [stats, newest, people] = await Promise.all([getJSON("/api/stats"), getJSON(`/api/search?sort=newest&limit=${LISTED}`),
      getJSON(`/api/people?limit=${LISTED}`)]);
  } catch (_) {
    // The search box works without the overview; try again next time.
    drawn = false;
    return;
  }
  if ([stats, newest, people].some((r) => r.status !== 200 || !r.body)) {
    drawn = false;
    return;
  }
  render(box, stats.body, newest.body, people.body);
}

function render(box, stats, newest, people) {
  const figures = el("p", "archive-figures");
  figures.id = "archive-figures";
  figures.append(el("strong", null, plural(stats.articles, "article")));
  const range = list(stats.date_range);
  const undated = Number(stats.undated) || 0;
  if (range.length === 2) {
    const from = el("time", null, day(range[0]));
    from.dateTime = range[0];
    const to = el("time", null, day(range[1]));
    to.dateTime = range[1];
    figures.append(" dated from ", from, " to ", to);
    if (undated) figures.append(`, and ${fmt(undated)} undated`);
  } else figures.append(undated ? ", none of them dated" : "");
  figures.append(".");

  const facets = newest.facets || {};
  const blocks = [];
  const block = (title, id, items, href, label, more) => {
    items = list(items).filter((x) => x && x.name).slice(0, LISTED);
    if (!items.length) return;
    const ul = el("ul", "overview-list");
    for (const it of items) {
      const a = el("a", href.internal ? "internal" : null, label ? label(it.name) : it.name);
      a.href = href(it.name);
      ul.appendChild(el("li")).append(a, " ", el("span", "count", fmt(it.articles)));
    }
    const sec = el("section", "overview-block");
    sec.setAttribute("aria-labelledby", id);
    const h = el("h2", null, title);
    h.id = id;
    sec.append(h, ul);
    if (more) sec.append(more);
    blocks.push(sec);
  };
  const allPeople = el("a", "more-link", "All people →");
  allPeople.href = "/people";
  const more = el("p");
  more.append(allPeople);
  // As the people directory lists them: forms of a name merged, a surname
  // alone counted under the full name it stands for.
  block("Most mentioned", "overview-people", people.people, personHref, null, more);
  const internal = (f) => Object.assign(f, { internal: true });
  block("Sources", "overview-sources", facets.sources,
    internal((n) => search({ q: `source:"${n.replace(/"/g, "")}"` })));
  block("Sections", "overview-sections", facets.sections, internal((n) => search({ section: [n] })));
  block("Languages", "overview-languages", facets.languages, internal((n) => search({ lang: [n] })), languageName);

  const grid = el("div", "overview-grid");
  grid.append(...blocks);
  const parts = [figures, grid];
  const hits = list(newest.hits);
  if (hits.length) {
    const ol = el("ol", "latest");
    for (const h of hits) ol.append(latestItem(h, search({ article: h.id })));
    const sec = el("section", "overview-latest");
    sec.setAttribute("aria-labelledby", "overview-latest-title");
    const h = el("h2", null, range.length === 2 ? "Latest articles" : "Articles (none dated)");
    h.id = "overview-latest-title";
    sec.append(h, ol);
    parts.push(sec);
  }
  parts.push(el("p", "hint", "Counts of people, sources, sections and languages are of articles, copies of a story counted once."));
  box.replaceChildren(...parts);
}
