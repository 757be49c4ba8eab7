// Citations and copying: the one line a reporter pastes (headline,
// source, date, and the URL or else the file and line), and copying any
// text, through the clipboard where the browser allows it, else into a
// selected text box to copy by hand.

import { el, button, day } from "./dom.js";

// “Headline”, Source, 2016-05-03, https://… (or file /path:line).
export function citation(o) {
  const bits = [`“${String(o.title || "(untitled)").trim()}”`];
  if (o.source) bits.push(String(o.source).trim());
  bits.push(o.date ? day(o.date_local || o.date) : "undated");
  if (typeof o.url === "string" && o.url.trim()) bits.push(o.url.trim());
  else if (o.path) bits.push(`file ${o.path}${Number(o.line) > 1 ? ":" + o.line : ""}`);
  return bits.join(", ");
}

// A "Copy citation" button for an article or hit.
export function citeButton(o) {
  const b = button("secondary small copy-text cite", "Copy citation", { copy: citation(o), label: "Copy citation" });
  b.title = "Copy headline, source, date and link";
  return b;
}

// Copies the button's `data-copy` text; says whether it worked on the
// button. Without a clipboard (a page served over plain HTTP to another
// machine), or when the browser refuses, the text is shown selected in a
// box beside the button, to copy with Ctrl+C.
export function copyFrom(b) {
  const text = b.dataset.copy || "";
  const label = b.dataset.label || b.textContent;
  const said = (what) => {
    b.textContent = what;
    setTimeout(() => { b.textContent = label; }, 2000);
  };
  const byHand = () => {
    let box = b.nextElementSibling;
    if (!box || !box.classList.contains("copy-box")) {
      box = el("textarea", "copy-box");
      box.readOnly = true;
      box.rows = 2;
      box.setAttribute("aria-label", "Text to copy: press Ctrl+C (⌘C)");
      b.after(box);
    }
    box.value = text;
    box.focus();
    box.select();
    said("Press Ctrl+C to copy");
  };
  if (navigator.clipboard && window.isSecureContext) {
    navigator.clipboard.writeText(text).then(() => said("Copied"), byHand);
  } else byHand();
}
