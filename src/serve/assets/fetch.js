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
  if (err.parameter === "since" || err.parameter === "until") E[err.parameter].setAttribute("aria-invalid", "true");
  showError(err.message || "The server rejected the request.", extra);
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
