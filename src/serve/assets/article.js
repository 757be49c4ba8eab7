// The article view: the stored article with every mention of each
// person marked, what was searched marked as the snippets mark it (the
// server says where), its file and stored text, a citation to copy, and
// a way back to the results.

import { E, el, button, fmt, plural, list, appendMarked, cleanRanges, metaLine } from "./dom.js";
import { searched } from "./results.js";
import { citeButton } from "./cite.js";
import { ui, urlFor, applyScroll } from "./state.js";
import { load } from "./fetch.js";
import { personLink } from "./people.js";

export async function showArticle(id) {
  const view = E.articleView;
  view.replaceChildren(backLink(), el("p", "loading", "Loading article…"));
  // What the search searched (its correction, if it searched one) and its
  // people: the server finds them in the article.
  const p = new URLSearchParams();
  const q = searched(ui.state.q);
  if (q) p.set("q", q);
  for (const x of ui.state.person) p.append("person", x);
  const qs = p.toString();
  const body = await load("/api/articles/" + encodeURIComponent(id) + (qs ? "?" + qs : ""), q);
  if (body) renderArticle(body, q);
  else if (body === null) view.replaceChildren(backLink());
}

function backLink() {
  const a = el("a", "back-link internal", "← Back to results");
  a.href = urlFor(Object.assign({}, ui.state, { article: "" }));
  return a;
}

// Search matches ([start, end, {match}]) with the people marks of one
// field: a mention inside a match is shown as the match, its person named
// on it.
function withMatches(people, matches) {
  const out = matches.slice();
  for (const r of people) {
    const over = out.find((m) => m[2].match && m[0] < r[1] && r[0] < m[1]);
    if (!over) out.push(r);
    else if (!over[2].name) Object.assign(over[2], r[2]);
  }
  return out;
}

function renderArticle(a, q) {
  const view = E.articleView;
  document.title = `${a.title || "Article"} — newsdex`;
  const people = list(a.people).filter((p) => p && p.name);
  const marks = { title: [], body: [] }, counts = new Map();
  people.forEach((p, i) => {
    counts.set(p.name, list(p.mentions).length);
    for (const m of list(p.mentions)) if (marks[m.field]) marks[m.field].push([m.start, m.end, { name: p.name, i }]);
  });
  const matches = list(a.matches).filter((m) => m && marks[m.field]);
  for (const f of ["title", "body"]) {
    const mine = matches.filter((m) => m.field === f).map((m) => [m.start, m.end, { match: true }]);
    marks[f] = withMatches(marks[f], mine);
  }
  let shown = 0;
  const markFor = (r) => {
    if (r[2].match) {
      // Search matches look like the snippets' marks; the first is where
      // "jump to first match" goes.
      const m = el("mark", "match");
      m.dataset.match = String(++shown);
      if (shown === 1) {
        m.id = "first-match";
        m.tabIndex = -1;
      }
      if (r[2].name) m.dataset.person = m.title = r[2].name;
      return m;
    }
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
    // The file as the index knows it (a browser cannot open file:// from
    // a page), its path to copy, and the stored text the server gives by id.
    const fp = el("p", "article-file", "File: ");
    const path = el("code", null, a.path);
    path.id = "source-path";
    fp.append(path);
    if (a.line > 1) fp.append(` (line ${a.line})`);
    const where = a.line > 1 ? `${a.path}:${a.line}` : a.path;
    const cp = button("secondary small copy-text", "Copy path", { copy: where, label: "Copy path" });
    cp.id = "copy-path";
    const text = el("a", "stored-text", "stored text");
    text.id = "stored-text";
    text.href = "/api/text/" + encodeURIComponent(a.id);
    text.target = "_blank";
    text.rel = "noopener";
    fp.append(" ", cp, " · ", text);
    header.append(fp);
  }
  const tools = el("p", "article-tools");
  const cite = citeButton(a);
  cite.id = "copy-citation";
  tools.append(cite);
  header.append(tools);
  view.replaceChildren(nav, header);
  const found = q || ui.state.person.length ? matchLine(matches.length, q) : null;
  if (found) view.append(found);

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
  const first = h1.querySelector("#first-match") || body.querySelector("#first-match");
  const jump = found && found.querySelector("a");
  if (jump && first) {
    jump.addEventListener("click", (e) => {
      e.preventDefault();
      first.scrollIntoView({ block: "center" });
      first.focus({ preventScroll: true });
    });
  }
  const foot = backLink();
  foot.classList.add("bottom");
  view.append(body, foot);
  applyScroll();
  if (ui.focusHeading) h1.focus({ preventScroll: true });
  ui.focusHeading = false;
}

// "3 matches for “gordon brown” · jump to the first", or that the search
// matched no words in the text.
function matchLine(n, q) {
  const p = el("p", "article-matches");
  p.id = "article-matches";
  p.setAttribute("role", "status");
  const what = q ? [" for ", el("code", null, q)] : [];
  if (!n) {
    p.append("The search", ...what, " marks nothing in this text (it matched other fields, or a copy).");
    return p;
  }
  const a = el("a", "jump", "jump to the first");
  a.href = "#first-match";
  a.id = "jump-to-match";
  p.append(plural(n, "match", "matches"), ...what, " marked ", el("mark", "match", "like this"), " · ", a);
  return p;
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
