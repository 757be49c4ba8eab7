// The export links beside the results count: every result of the search
// shown (not the page) as CSV or JSON Lines, from /api/export with the
// same query, filters and order.

import { E, el, fmt } from "./dom.js";
import { params } from "./state.js";

// The most rows one export holds (the server's `export::MAX_ROWS`).
const MAX_ROWS = 100000;

export function exportUrl(s, format) {
  const p = new URLSearchParams(params(Object.assign({}, s, { offset: 0, limit: 10 }), false));
  p.delete("offset");
  p.delete("limit");
  p.delete("article");
  return `/api/export?format=${format}&${p.toString()}`;
}

export function renderExport(total, s) {
  const box = E.export;
  if (!box) return;
  box.replaceChildren();
  box.hidden = !total;
  if (!total) return;
  const link = (format, text) => {
    const a = el("a", "export-link", text);
    a.href = exportUrl(s, format);
    a.setAttribute("download", "");
    a.id = `export-${format}`;
    return a;
  };
  const all = total > MAX_ROWS ? `the first ${fmt(MAX_ROWS)} of ${fmt(total)} results` : total === 1 ? "this result" : `all ${fmt(total)} results`;
  box.append(`Download ${all}: `, link("csv", "CSV"), " · ", link("jsonl", "JSON Lines"));
}
