// Building the page's DOM: elements, numbers and dates as text, marked
// spans. Article text is only ever inserted with textContent /
// createTextNode, never as HTML.

export const $ = (id) => document.getElementById(id);

// The page's fixed elements by camel-cased id (`search-form` → E.searchForm).
export const E = {};
for (const id of ["search-form", "q", "sort", "since", "until", "error", "landing", "active-filters", "status",
  "notices", "timeline", "chart", "timeline-caption", "results", "pager", "prev", "next", "page-info",
  "article-view", "facets", "main", "export"]) E[id.replace(/-(\w)/g, (_, c) => c.toUpperCase())] = $(id);

export function el(tag, cls, text) {
  const n = document.createElement(tag);
  if (cls) n.className = cls;
  if (text != null) n.textContent = String(text);
  return n;
}
export function button(cls, text, data) {
  const b = el("button", cls, text);
  b.type = "button";
  Object.assign(b.dataset, data || {});
  return b;
}
export function svg(tag, attrs, title) {
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
export const fmt = (n) => nf.format(Number(n) || 0);
export const plural = (n, w, many) => `${fmt(n)} ${Number(n) === 1 ? w : many || w + "s"}`;
export const uniq = (a) => [...new Set(a)];
export const day = (d) => (typeof d === "string" && d.length >= 10 ? d.slice(0, 10) : "undated");
export const reEscape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
export const list = (a) => (Array.isArray(a) ? a : []);

// Append cps[from, to) to parent, wrapping each range ([start, end, extra],
// code points, sorted, non-overlapping) in the element makeMark returns.
export function appendMarked(parent, cps, from, to, ranges, makeMark) {
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
export function cleanRanges(ranges, len, merge) {
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
export function marked(tag, cls, text, ranges) {
  const n = el(tag, cls);
  const cps = Array.from(text || "");
  appendMarked(n, cps, 0, cps.length, cleanRanges(ranges, cps.length, true), () => el("mark"));
  return n;
}

// The line under a headline: date, section, source, byline, length, extras.
export function metaLine(cls, o, by, extra) {
  const p = el("p", cls);
  const bits = [];
  if (o.date) {
    // The article's own day: its date where it was published.
    const t = el("time", "date", day(o.date_local || o.date));
    t.dateTime = o.date;
    bits.push(t);
  } else bits.push(el("span", "date undated", "undated"));
  if (o.section) {
    const sec = el("span", "section", sectionLabel(o.section));
    sec.dataset.value = o.section;
    bits.push(sec);
  }
  if (o.source) bits.push(el("span", "source", o.source));
  if (o.byline) bits.push(el("span", "byline", by + o.byline));
  if (o.word_count) bits.push(el("span", "words", plural(o.word_count, "word")));
  bits.concat(extra).forEach((b, i) => p.append(...(i ? [el("span", "sep", " · "), b] : [b])));
  return p;
}

// A section as words (`FOREIGN_POLICY`, `economy_and_jobs` → "Foreign
// policy", "Economy and jobs"); a name already written as words
// (`Business Day`) as it is. Filters use the value itself.
export function sectionLabel(value) {
  const v = String(value || "").trim();
  if (/^[A-Z]{1,3}$/.test(v)) return v; // an acronym: US, UK
  const slug = /[_]/.test(v) || v === v.toUpperCase() || v === v.toLowerCase();
  if (!slug) return v;
  const words = v.replace(/[_]+/g, " ").replace(/\s+/g, " ").trim().toLowerCase()
    .replace(/\b(us|uk|eu|un|usa|nhs|bbc)\b/g, (w) => w.toUpperCase());
  return words.charAt(0).toUpperCase() + words.slice(1);
}

// A language code as the browser names it in English (`ar` → Arabic);
// the code itself where it has no name.
const LANGUAGE_NAMES = typeof Intl !== "undefined" && Intl.DisplayNames
  ? new Intl.DisplayNames(["en"], { type: "language" }) : null;
export function languageName(code) {
  try {
    const name = LANGUAGE_NAMES && LANGUAGE_NAMES.of(code);
    return name && name !== code ? name : code;
  } catch (_) {
    return code;
  }
}
