// newsdex serve: browser front-end. Plain ES2020, no dependencies.
// The whole state lives in the URL query string. Article text is only ever
// inserted with textContent / createTextNode, never as HTML.
"use strict";
(() => {
  const PAGE = 10, MAX_CHIPS = 8;
  const SORTS = ["relevance", "recent", "newest", "oldest"];
  const DATE_RE = /^\d{4}(-\d{2}(-\d{2})?)?$/;
  const $ = (id) => document.getElementById(id);
  const E = {};
  for (const id of ["search-form", "q", "sort", "since", "until", "error", "landing", "active-filters", "status",
    "notices", "timeline", "chart", "timeline-caption", "results", "pager", "prev", "next", "page-info",
    "article-view", "facets", "main"]) E[id.replace(/-(\w)/g, (_, c) => c.toUpperCase())] = $(id);

  let state, controller = null, seq = 0, months = null, pendingScroll = null, focusHeading = false;
  let cache = { key: null, data: null };

  // ---------- helpers ----------
  function el(tag, cls, text) {
    const n = document.createElement(tag);
    if (cls) n.className = cls;
    if (text != null) n.textContent = String(text);
    return n;
  }
  function button(cls, text, data) {
    const b = el("button", cls, text);
    b.type = "button";
    Object.assign(b.dataset, data || {});
    return b;
  }
  function svg(tag, attrs, title) {
    const n = document.createElementNS("http://www.w3.org/2000/svg", tag);
    for (const [k, v] of Object.entries(attrs)) n.setAttribute(k, String(v));
    if (title) {
      const t = document.createElementNS(n.namespaceURI, "title");
      t.textContent = title;
      n.append(t);
    }
    return n;
  }
  const nf = new Intl.NumberFormat("en");
  const fmt = (n) => nf.format(Number(n) || 0);
  const plural = (n, w, many) => `${fmt(n)} ${Number(n) === 1 ? w : many || w + "s"}`;
  const uniq = (a) => [...new Set(a)];
  const day = (d) => (typeof d === "string" && d.length >= 10 ? d.slice(0, 10) : "undated");
  const reEscape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const list = (a) => (Array.isArray(a) ? a : []);

  // ---------- URL state ----------
  function parseState(search) {
    const p = new URLSearchParams(search);
    const g = (k) => p.get(k) || "";
    const off = parseInt(g("offset"), 10), lim = parseInt(g("limit"), 10);
    return {
      q: g("q"), person: uniq(p.getAll("person").filter(Boolean)), section: uniq(p.getAll("section").filter(Boolean)),
      lang: uniq(p.getAll("lang").filter(Boolean)),
      since: g("since"), until: g("until"), sort: SORTS.includes(g("sort")) ? g("sort") : "relevance",
      offset: off > 0 ? off : 0, limit: lim >= 1 && lim <= 100 ? lim : PAGE, article: g("article"),
    };
  }
  function params(s, api) {
    const p = new URLSearchParams();
    if (s.q) p.set("q", s.q);
    for (const x of s.person) p.append("person", x);
    for (const x of s.section) p.append("section", x);
    for (const x of s.lang) p.append("lang", x);
    if (s.since) p.set("since", s.since);
    if (s.until) p.set("until", s.until);
    if (s.sort !== "relevance") p.set("sort", s.sort);
    if (api || s.offset) p.set("offset", String(s.offset));
    if (api || s.limit !== PAGE) p.set("limit", String(s.limit));
    if (!api && s.article) p.set("article", s.article);
    return p.toString();
  }
  const urlFor = (s) => { const qs = params(s, false); return "/" + (qs ? "?" + qs : ""); };
  const withPatch = (patch) => Object.assign({}, state, { offset: 0, article: "" }, patch);
  const isLanding = (s) => !s.q.trim() && !s.person.length && !s.section.length && !s.lang.length && !s.since && !s.until;

  function navigate(next, hs) {
    history.replaceState(Object.assign({}, history.state, { scrollY: window.scrollY }), "");
    state = next;
    const url = urlFor(next);
    history[url === location.pathname + location.search ? "replaceState" : "pushState"](hs || null, "", url);
    pendingScroll = 0;
    focusHeading = !!next.article;
    render();
  }
  const go = (patch) => navigate(withPatch(patch));

  window.addEventListener("popstate", (e) => {
    state = parseState(location.search);
    pendingScroll = (e.state && e.state.scrollY) || 0;
    focusHeading = false;
    render();
  });

  function render() {
    if (document.activeElement !== E.q || E.q.value.trim() !== state.q) E.q.value = state.q;
    E.sort.value = state.sort;
    for (const k of ["since", "until"]) {
      E[k].value = state[k];
      E[k].removeAttribute("aria-invalid");
    }
    clearError();
    const reading = !!state.article;
    for (const n of [E.activeFilters, E.status, E.notices, E.results]) n.hidden = reading;
    if (reading) E.timeline.hidden = E.pager.hidden = E.facets.hidden = E.landing.hidden = true;
    E.articleView.hidden = !reading;
    document.body.classList.toggle("reading", reading);
    if (reading) showArticle(state.article);
    else showSearch();
  }

  function applyScroll() {
    if (pendingScroll !== null) window.scrollTo(0, pendingScroll);
    pendingScroll = null;
  }

  // ---------- errors and fetching ----------
  function clearError() {
    E.error.hidden = true;
    E.error.replaceChildren();
  }
  function showError(message, extra) {
    E.error.replaceChildren(el("p", "error-message", message));
    if (extra) E.error.append(extra);
    E.error.hidden = false;
  }
  function apiError(res, q) {
    const err = res.body && res.body.error;
    if (!err) return showError(`The server answered ${res.status} ${res.statusText || ""}`.trim() + ".");
    let extra = null;
    if (err.code === "query_syntax" && q) {
      extra = el("pre", "syntax-caret", q + "\n" + " ".repeat(Math.max(1, parseInt(err.column, 10) || 1) - 1) + "^");
      extra.setAttribute("aria-hidden", "true");
    }
    if (err.parameter === "since" || err.parameter === "until") E[err.parameter].setAttribute("aria-invalid", "true");
    showError(err.message || "The server rejected the request.", extra);
  }
  const networkError = (e) =>
    showError(`Could not reach the newsdex server — is “newsdex serve” still running? (${(e && e.message) || e})`);

  // Fetch JSON for the current view, aborting any request still in flight. Resolves to
  // undefined if a newer request superseded this one, null on failure (error shown), else the body.
  async function load(url, q) {
    const my = ++seq;
    if (controller) controller.abort();
    controller = new AbortController();
    let res;
    try {
      const r = await fetch(url, { signal: controller.signal, headers: { Accept: "application/json" } });
      res = { ok: r.ok, status: r.status, statusText: r.statusText, body: await r.json().catch(() => null) };
    } catch (e) {
      res = e;
    }
    if (my !== seq || res.name === "AbortError") return undefined;
    if (res instanceof Error) networkError(res);
    else if (!res.ok || !res.body) apiError(res, q);
    else return res.body;
    return null;
  }
  function setBusy(on) {
    E.main.setAttribute("aria-busy", String(on));
    E.results.classList.toggle("busy", on);
  }
  function clearResults(status) {
    E.status.textContent = status;
    for (const n of [E.notices, E.results, E.chart, E.facets]) n.replaceChildren();
    E.timeline.hidden = E.pager.hidden = E.facets.hidden = true;
    months = null;
  }

  // ---------- search ----------
  async function showSearch() {
    const s = state;
    document.title = s.q ? `${s.q} — newsdex` : "newsdex";
    renderActiveFilters();
    E.landing.hidden = !isLanding(s);
    E.status.hidden = isLanding(s);
    const url = "/api/search?" + params(s, true);
    if (isLanding(s) || cache.key === url) {
      if (controller) controller.abort();
      seq++;
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

  function renderResults(data, s) {
    const hits = list(data.hits);
    // Pages are cut from stories: copies of one story are shown once.
    const total = Number(data.stories) || 0, offset = Number(data.offset) || 0, limit = Number(data.limit) || s.limit;
    const articles = Number(data.total) || 0;
    const story = articles > total;
    const unit = (n) => story ? plural(n, "matching story", "matching stories") : plural(n, "matching article");
    const took = Number(data.took_ms) || 0;
    let status;
    if (!total) status = "No articles match. Try fewer words, check the spelling, or remove a filter.";
    else if (!hits.length) status = `No results on this page: ${unit(total)} in all.`;
    else {
      status = `${fmt(offset + 1)}–${fmt(offset + hits.length)} of ` + (data.relaxed
        ? `${unit(total)}: ${fmt(data.strict_total)} articles with every word, ${fmt(articles)} with some`
        : unit(total));
      if (articles > total) status += ` (${fmt(articles)} articles, copies shown once)`;
    }
    E.status.textContent = status + (total ? ` (took ${took < 1 ? "<1" : Math.round(took)} ms)` : "");

    E.notices.replaceChildren(...list(data.notices).map((n) => el("p", "notice", n)));
    if (data.suggestion) {
      const p = el("p", "notice suggestion", "Did you mean ");
      const a = el("a", "internal", data.suggestion);
      a.href = urlFor(withPatch({ q: data.suggestion }));
      p.append(a, "?");
      E.notices.append(p);
    }

    const facets = data.facets || {};
    renderTimeline(list(facets.months));

    const frag = document.createDocumentFragment();
    let divided = false;
    for (const h of hits) {
      if (h.relaxed && data.relaxed && !divided) {
        divided = true;
        frag.append(el("p", "relaxed-divider", "Closest matches — not every word appears in these"));
      }
      frag.append(renderHit(h, s));
    }
    E.results.replaceChildren(frag);

    E.pager.hidden = !total;
    E.pageInfo.textContent = `page ${fmt(Math.floor(offset / limit) + 1)} of ${fmt(Math.max(1, Math.ceil(total / limit)))}`;
    E.prev.disabled = offset <= 0;
    E.next.disabled = offset + limit >= total;
    renderFacets(facets, s);
  }

  // Append cps[from, to) to parent, wrapping each range ([start, end, extra],
  // code points, sorted, non-overlapping) in the element makeMark returns.
  function appendMarked(parent, cps, from, to, ranges, makeMark) {
    let pos = from;
    const text = (a, b) => document.createTextNode(cps.slice(a, b).join(""));
    for (const r of ranges) {
      const a = Math.max(r[0], from), b = Math.min(r[1], to);
      if (b <= a) continue;
      if (a > pos) parent.append(text(pos, a));
      const m = makeMark(r);
      m.append(text(a, b));
      parent.append(m);
      pos = b;
    }
    if (pos < to) parent.append(text(pos, to));
  }
  function cleanRanges(ranges, len, merge) {
    const out = [];
    const clamp = (x) => Math.max(0, Math.min(len, x));
    const rs = list(ranges).filter((r) => Array.isArray(r) && Number.isFinite(r[0]) && Number.isFinite(r[1]))
      .map((r) => [clamp(r[0]), clamp(r[1]), r[2]]).filter((r) => r[1] > r[0])
      .sort((x, y) => x[0] - y[0] || y[1] - x[1]);
    for (const r of rs) {
      const last = out[out.length - 1];
      if (!last || r[0] >= last[1]) out.push(r);
      else if (merge) last[1] = Math.max(last[1], r[1]);
    }
    return out;
  }
  function marked(tag, cls, text, ranges) {
    const n = el(tag, cls);
    const cps = Array.from(text || "");
    appendMarked(n, cps, 0, cps.length, cleanRanges(ranges, cps.length, true), () => el("mark"));
    return n;
  }

  function metaLine(cls, o, by, extra) {
    const p = el("p", cls);
    const bits = [];
    if (o.date) {
      // The article's own day: its date where it was published.
      const t = el("time", "date", day(o.date_local || o.date));
      t.dateTime = o.date;
      bits.push(t);
    } else bits.push(el("span", "date undated", "undated"));
    if (o.section) bits.push(el("span", "section", o.section));
    if (o.source) bits.push(el("span", "source", o.source));
    if (o.byline) bits.push(el("span", "byline", by + o.byline));
    if (o.word_count) bits.push(el("span", "words", plural(o.word_count, "word")));
    bits.concat(extra).forEach((b, i) => p.append(...(i ? [el("span", "sep", " · "), b] : [b])));
    return p;
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
      box.setAttribute("aria-label", "People mentioned — click to filter");
      people.forEach((name, i) => {
        const b = button("person-chip" + (s.person.includes(name) ? " active" : ""), name, { value: name });
        b.title = `Only articles mentioning ${name}`;
        b.hidden = i >= MAX_CHIPS && people.length > MAX_CHIPS + 1;
        box.append(b);
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
    const copies = list(h.copies);
    if (copies.length) {
      // Other copies of this story in the archive, shown once here.
      const p = el("p", "copies", `+${plural(copies.length, "copy", "copies")}: `);
      copies.forEach((id, i) => {
        const c = el("a", "copy internal", id);
        c.href = urlFor(Object.assign({}, s, { article: id }));
        c.dataset.id = id;
        p.append(...(i ? [", ", c] : [c]));
      });
      art.append(p);
    }
    return art;
  }

  // ---------- active filters ----------
  function sourceClauses(q) {
    const out = [], re = /(^|\s)source:(?:"([^"]*)"|(\S+))/gi;
    for (let m; (m = re.exec(q));) out.push({ value: m[2] !== undefined ? m[2] : m[3], text: m[0].trim() });
    return out;
  }
  const removeClause = (q, clause) =>
    q.replace(new RegExp("(^|\\s)" + reEscape(clause) + "(?=\\s|$)"), " ").replace(/\s+/g, " ").trim();

  function renderActiveFilters() {
    const s = state, chips = [];
    const chip = (filter, value, label) => {
      const b = button("filter-chip", null, { filter, value });
      b.append(el("span", "chip-label", label), el("span", "chip-x", "×"));
      b.setAttribute("aria-label", `Remove filter ${label}`);
      b.title = "Remove this filter";
      chips.push(b);
    };
    for (const p of s.person) chip("person", p, `Person: ${p}`);
    for (const x of s.section) chip("section", x, `Section: ${x}`);
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

  function removeFilter(kind, value) {
    const s = state;
    if (kind === "person" || kind === "section" || kind === "lang") go({ [kind]: s[kind].filter((x) => x !== value) });
    else if (kind === "date") go({ since: "", until: "" });
    else if (kind === "since" || kind === "until") go({ [kind]: "" });
    else if (kind === "source") go({ q: removeClause(s.q, value) });
  }

  // A language code as the browser names it in English (`ar` → Arabic);
  // the code itself where it has no name.
  const LANGUAGE_NAMES = typeof Intl !== "undefined" && Intl.DisplayNames
    ? new Intl.DisplayNames(["en"], { type: "language" }) : null;
  function languageName(code) {
    try {
      const name = LANGUAGE_NAMES && LANGUAGE_NAMES.of(code);
      return name && name !== code ? name : code;
    } catch (_) {
      return code;
    }
  }

  // ---------- facets ----------
  function renderFacets(f, s) {
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

  // person / section / language / year / source: add the filter, or (toggle) remove it if already on
  function clickFacet(kind, value, toggle) {
    const s = state;
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

  // ---------- timeline ----------
  function renderTimeline(ms) {
    months = ms.length >= 2 ? ms : null;
    E.chart.replaceChildren();
    E.timeline.hidden = !months;
    if (!months) return;
    const peak = months.reduce((a, m) => ((Number(m.articles) || 0) > (Number(a.articles) || 0) ? m : a));
    E.timelineCaption.textContent = `Matching articles per month, ${months[0].period} to ${months[months.length - 1].period} ` +
      `(busiest: ${peak.period}, ${plural(peak.articles, "article")}). Click a bar to narrow to that month.`;
    drawChart();
  }

  function drawChart() {
    if (!months || E.timeline.hidden) return;
    const W = Math.max(240, Math.floor(E.chart.clientWidth || 600));
    const H = 110, top = 6, plotH = H - top - 20, base = top + plotH;
    const step = (W - 4) / months.length;
    const gap = step >= 5 ? Math.min(3, step * 0.2) : 0;
    const max = Math.max(1, ...months.map((m) => Number(m.articles) || 0));
    const sel = state.since && state.since === state.until ? state.since : "";
    const root = svg("svg", { width: W, height: H, viewBox: `0 0 ${W} ${H}`, class: "chart", role: "group", "aria-label": "Articles per month" });
    root.append(svg("line", { x1: 0, x2: W, y1: base + 0.5, y2: base + 0.5, class: "baseline" }));
    const every = [1, 2, 5, 10, 20, 25, 50, 100].find((k) => k * step * 12 >= 36) || 100;
    let lastLabel = -1e9;
    months.forEach((m, i) => {
      const x = 2 + i * step, period = String(m.period || ""), count = Number(m.articles) || 0;
      const h = count ? Math.max(3, (count / max) * plotH) : 0;
      const label = `${period}: ${plural(count, "article")}`;
      // an invisible column above each bar makes thin bars easier to hit
      if (count) root.append(svg("rect", { x, y: top, width: Math.max(step, 1), height: plotH - h, class: "bar-hit", "data-period": period }, label));
      const r = svg("rect", { x: x + gap / 2, y: base - h, width: Math.max(0.5, step - gap), height: h, class: "bar", "data-period": period, "data-count": count }, label);
      if (sel && period.startsWith(sel)) r.classList.add("selected");
      if (count) {
        r.setAttribute("tabindex", "0");
        r.setAttribute("role", "button");
      }
      root.append(r);
      const y = parseInt(period, 10);
      if ((i === 0 || (period.endsWith("-01") && y % every === 0)) && x - lastLabel >= 36) {
        lastLabel = x;
        root.append(svg("line", { x1: x + 0.5, x2: x + 0.5, y1: base, y2: base + 4, class: "tick" }));
        const t = svg("text", { x: x + 1, y: H - 4, class: "year-label" });
        t.textContent = String(y);
        root.append(t);
      }
    });
    E.chart.replaceChildren(root);
  }
  let resizeTimer = 0;
  window.addEventListener("resize", () => {
    clearTimeout(resizeTimer);
    resizeTimer = setTimeout(drawChart, 150);
  });

  // ---------- article view ----------
  async function showArticle(id) {
    const view = E.articleView;
    view.replaceChildren(backLink(), el("p", "loading", "Loading article…"));
    const body = await load("/api/articles/" + encodeURIComponent(id), "");
    if (body) renderArticle(body);
    else if (body === null) view.replaceChildren(backLink());
  }

  function backLink() {
    const a = el("a", "back-link internal", "← Back to results");
    a.href = urlFor(Object.assign({}, state, { article: "" }));
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
    if (a.section) header.append(el("p", "kicker", a.section));
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
          ul.appendChild(el("li")).append(b);
        });
      sec.append(h2, ul, el("p", "hint", "Every mention is marked in the text. Click a name to search for articles mentioning that person."));
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
    if (focusHeading) h1.focus({ preventScroll: true });
    focusHeading = false;
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

  // ---------- events ----------
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
      if (inp.value.trim().replace(/[/.]/g, "-") !== state[inp.id]) submitForm();
    });
  }
  E.prev.addEventListener("click", () => navigate(Object.assign({}, state, { offset: Math.max(0, state.offset - state.limit) })));
  E.next.addEventListener("click", () => navigate(Object.assign({}, state, { offset: state.offset + state.limit })));
  const narrowTo = (bar) => {
    const p = bar.getAttribute("data-period");
    go({ since: p, until: p });
  };

  document.addEventListener("click", (e) => {
    const t = e.target;
    if (!(t instanceof Element)) return;
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
      go({ q: sourceClauses(state.q).reduce((q, x) => removeClause(q, x.text), state.q), person: [], section: [], lang: [], since: "", until: "" });
    } else if (b.id === "copy-path") {
      navigator.clipboard.writeText(b.dataset.path).then(() => {
        b.textContent = "Copied";
        setTimeout(() => { b.textContent = "Copy path"; }, 2000);
      }, () => { b.textContent = "Could not copy"; });
    }
  });

  document.addEventListener("keydown", (e) => {
    const t = e.target;
    const typing = t instanceof HTMLElement && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName));
    if (typing || e.ctrlKey || e.metaKey || e.altKey) return;
    if (e.key === "/") {
      e.preventDefault();
      E.q.focus();
      E.q.select();
    } else if (e.key === "Escape" && state.article && $("back-link")) {
      $("back-link").click();
    } else if ((e.key === "Enter" || e.key === " ") && t instanceof Element && t.matches("rect.bar[data-period]")) {
      e.preventDefault();
      narrowTo(t);
    }
  });

  if ("scrollRestoration" in history) history.scrollRestoration = "manual";
  state = parseState(location.search);
  render();
})();
