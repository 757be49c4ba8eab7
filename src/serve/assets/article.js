// The article view: the stored article with every mention of each
// person marked, its file, and a way back to the results.

import { E, el, button, fmt, list, appendMarked, cleanRanges, metaLine } from "./dom.js";
import { ui, urlFor, applyScroll } from "./state.js";
import { load } from "./fetch.js";
import { personLink } from "./people.js";

export async function showArticle(id) {
  const view = E.articleView;
  view.replaceChildren(backLink(), el("p", "loading", "Loading article…"));
  const body = await load("/api/articles/" + encodeURIComponent(id), "");
  if (body) renderArticle(body);
  else if (body === null) view.replaceChildren(backLink());
}

function backLink() {
  const a = el("a", "back-link internal", "← Back to results");
  a.href = urlFor(Object.assign({}, ui.state, { article: "" }));
  return a;
}

function fileHref(path) {
  let p = String(path).replace(/\\/g, "/");
  if (!p.startsWith("/")) p = "/" + p;
  return "file://" + encodeURI(p).replace(/#/g, "%23").replace(/\?/g, "%3F");
}

function renderArticle(a) {
  const view = E.articleView;
  document.title = `${a.title || "Article"} — newsdex`;
  const people = list(a.people).filter((p) => p && p.name);
  const marks = { title: [], body: [] }, counts = new Map();
  people.forEach((p, i) => {
    counts.set(p.name, list(p.mentions).length);
    for (const m of list(p.mentions)) if (marks[m.field]) marks[m.field].push([m.start, m.end, { name: p.name, i }]);
  });
  const markFor = (r) => {
    const m = el("mark", `person p${r[2].i % 6}`);
    m.dataset.person = m.title = r[2].name;
    return m;
  };
  const markInto = (node, text, field) => {
    const cps = Array.from(text);
    appendMarked(node, cps, 0, cps.length, cleanRanges(marks[field], cps.length, false), markFor);
  };

  const nav = el("nav", "article-nav");
  const back = backLink();
  back.id = "back-link";
  nav.append(back);

  const header = el("header", "article-head");
  const h1 = el("h1");
  h1.dir = "auto";
  h1.id = "article-title";
  h1.tabIndex = -1;
  if (a.title) markInto(h1, a.title, "title");
  else h1.textContent = "(untitled)";
  const extra = [];
  if (typeof a.url === "string" && /^https?:\/\//i.test(a.url)) {
    const u = el("a", "article-url", "original ↗");
    u.href = a.url;
    u.rel = "noopener noreferrer";
    u.target = "_blank";
    try { u.textContent = `original at ${new URL(a.url).host} ↗`; } catch (_) { /* keep text */ }
    extra.push(u);
  } else if (a.url) extra.push(el("span", "url-text", a.url));
  header.append(h1, metaLine("article-meta", a, "By ", extra));

  if (a.path) {
    const fp = el("p", "article-file", "File: ");
    const link = el("a", null, a.path);
    link.id = "source-link";
    link.href = fileHref(a.path);
    fp.append(link);
    if (a.line > 1) fp.append(` (line ${a.line})`);
    if (navigator.clipboard && window.isSecureContext) {
      const cp = button("secondary small", "Copy path", { path: a.path });
      cp.id = "copy-path";
      fp.append(" ", cp);
    }
    header.append(fp);
  }
  view.replaceChildren(nav, header);

  if (people.length) {
    const sec = el("section", "article-people");
    sec.setAttribute("aria-labelledby", "people-title");
    const h2 = el("h2", null, "People mentioned");
    h2.id = "people-title";
    const ul = el("ul");
    people.map((p, i) => ({ p, i }))
      .sort((x, y) => counts.get(y.p.name) - counts.get(x.p.name) || x.i - y.i)
      .forEach(({ p, i }) => {
        // A surname alone that the archive links to a full name: search
        // for the full name, and say that the link is inferred.
        const target = p.linked ? p.linked.person : p.name;
        const b = button("person-toggle", null, { value: target });
        b.title = p.linked
          ? `The article says only “${p.name}”; ${fmt(p.linked.articles)} articles of the archive name ${target} in full` +
            ` and ${fmt(p.linked.others)} another ${p.name}. Search for articles mentioning ${target}`
          : `Search for articles mentioning ${p.name}`;
        const inferred = p.linked ? [el("span", "inferred", `→ ${target} (inferred)`), " "] : [];
        b.append(el("span", `swatch p${i % 6}`), p.name + " ", ...inferred, el("span", "count", fmt(counts.get(p.name))));
        const li = ul.appendChild(el("li"));
        li.className = "chip-pair";
        li.append(b, personLink(target));
      });
    sec.append(h2, ul, el("p", "hint", "Every mention is marked in the text. Click a name to search for articles mentioning that person, › for the person's page."));
    view.append(sec);
  }

  const body = el("div", "article-body");
  body.dir = "auto";
  const cps = Array.from(a.body || "");
  const ranges = cleanRanges(marks.body, cps.length, false);
  for (const [from, to] of paragraphs(cps)) {
    const p = el("p");
    appendMarked(p, cps, from, to, ranges, markFor);
    body.append(p);
  }
  if (!body.firstChild) body.append(el("p", "empty", "(This article has no body text.)"));
  const foot = backLink();
  foot.classList.add("bottom");
  view.append(body, foot);
  applyScroll();
  if (ui.focusHeading) h1.focus({ preventScroll: true });
  ui.focusHeading = false;
}

// [start, end) code-point spans of the paragraphs (split on blank lines)
function paragraphs(cps) {
  const out = [], blank = (c) => c === " " || c === "\t" || c === "\r";
  let start = 0, i = 0;
  while (i < cps.length) {
    let j = i + 1;
    if (cps[i] === "\n") {
      while (j < cps.length && blank(cps[j])) j++;
      if (cps[j] === "\n") {
        out.push([start, i]);
        while (j < cps.length && (blank(cps[j]) || cps[j] === "\n")) j++;
        start = j;
      } else j = i + 1;
    }
    i = j;
  }
  out.push([start, cps.length]);
  return out.filter(([a, b]) => cps.slice(a, b).join("").trim());
}
