// Asking the server: one request in flight for the view shown, and its
// failures said in the page's error box.

import { E, el } from "./dom.js";

let controller = null, seq = 0;

export function clearError() {
  E.error.hidden = true;
  E.error.replaceChildren();
}
export function showError(message, extra) {
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
  showError(worded(err, q), extra);
}

// The server's message in the page's words where it names a field of the
// page; as the server wrote it otherwise.
function worded(err, q) {
  const field = { since: "From", until: "To" }[err.parameter];
  if (field && err.code === "bad_parameter") {
    E[err.parameter].setAttribute("aria-invalid", "true");
    const typed = E[err.parameter].value.trim();
    return `The ${field} date “${typed}” is not a date newsdex can read: write a year (2016), a month ` +
      "(2016-05 or May 2016) or a day (2016-05-03, 3 May 2016 or 05/03/2016, month first).";
  }
  if (err.parameter === "q" && err.code === "bad_parameter" && /over \d+ characters/.test(err.message || "")) {
    const most = (err.message.match(/over ([\d,]+)/) || [])[1] || "1000";
    return `The search is too long (${Array.from(q || "").length} characters; at most ${most}): shorten it.`;
  }
  return err.message || "The server rejected the request.";
}
const networkError = (e) =>
  showError(`Could not reach the newsdex server — is “newsdex serve” still running? (${(e && e.message) || e})`);

// Drops any request still in flight: its answer will not be drawn.
export function cancel() {
  if (controller) controller.abort();
  seq++;
}

// Fetch JSON for the current view, aborting any request still in flight. Resolves to
// undefined if a newer request superseded this one, null on failure (error shown), else the body.
export async function load(url, q) {
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
export function setBusy(on) {
  E.main.setAttribute("aria-busy", String(on));
  E.results.classList.toggle("busy", on);
}

// One GET outside the view's request (the home page's overview, a
// person's page): `{ status, body }`, `body` null when not JSON; throws
// when the server cannot be reached.
export async function getJSON(url) {
  const r = await fetch(url, { headers: { Accept: "application/json" } });
  return { status: r.status, body: await r.json().catch(() => null) };
}
export { networkError };
