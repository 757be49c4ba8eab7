// What the search says besides its hits: corrections, "did you mean",
// why nothing matched. The API gives each notice as data
// (`notice_details`: `{kind, ...}`) beside the command line's sentence
// (`notices`); the page words the kinds it knows in its own terms (From
// and To, not --since and --until) and links what can be clicked, and
// says the sentence for any other kind.

import { E, el, list, reEscape } from "./dom.js";
import { ui, urlFor, withPatch } from "./state.js";

// A link to the search with `patch` applied.
function link(text, patch) {
  const a = el("a", "internal", text);
  a.href = urlFor(withPatch(patch));
  return a;
}

// `field:value` in the query (bare or quoted) replaced by `field:"to"`.
function replaceClause(q, field, value, to) {
  const re = new RegExp(`(^|\\s)${field}:(?:"${reEscape(value)}"|${reEscape(value)})(?=\\s|$)`, "i");
  const next = q.replace(re, (_, sp) => `${sp}${field}:${/\s/.test(to) ? `"${to}"` : to}`);
  return next === q ? null : next;
}

// The near names of an unknown section or person as links: in the
// filter it came from (`section=`/`person=`), or in the query's clause.
function nearLinks(p, field, name, near) {
  const s = ui.state;
  near.forEach((n, i) => {
    let patch = null;
    if (s[field].includes(name)) patch = { [field]: s[field].map((x) => (x === name ? n : x)) };
    else {
      const q = replaceClause(s.q, field, name, n);
      if (q !== null) patch = { q };
    }
    if (i) p.append(", ");
    p.append(patch ? link(n, patch) : el("strong", null, n));
  });
}

// One notice as a paragraph in the page's words; null when another part
// of the page already says it (the status line, the "Did you mean" link).
function worded(d, sentence) {
  const s = ui.state;
  const p = el("p", "notice");
  p.dataset.kind = d.kind || "";
  switch (d.kind) {
    case "corrected":
      p.append("Showing results for ", el("strong", null, d.searched), ". Search instead for ",
        link(d.typed, { q: d.typed, exact: true }), ".");
      return p;
    case "question":
      p.append("Searched for ", el("strong", null, list(d.searched).join(" ")),
        `: a question's ${list(d.left_out).map((w) => `“${w}”`).join(", ")} left out.`);
      return p;
    case "no_matches":
    case "past_the_end":
    case "did_you_mean":
      return null;
    case "empty_range":
      p.textContent = `The From date (${s.since}) is after the To date (${s.until}), so no article can be in between.`;
      return p;
    case "no_dates":
      p.textContent = "No article in this archive has a date, so a date filter leaves nothing.";
      return p;
    case "unknown_section": {
      p.append(`No article is in the section “${d.name}”.`);
      const near = list(d.near);
      if (near.length) {
        p.append(" Sections with a name near it: ");
        nearLinks(p, "section", d.name, near);
        p.append(".");
      }
      return p;
    }
    case "unknown_person": {
      p.append(`No article names “${d.name}” as a person.`);
      const near = list(d.near);
      if (near.length) {
        p.append(" Try ");
        nearLinks(p, "person", d.name, near);
        p.append(".");
      }
      return p;
    }
    case "not_a_field":
      p.textContent = `“${d.word}:” is not a field, so it was searched as a word. ` +
        "Fields are title, body, person, section, byline, source, place, date, id, url and lang.";
      return p;
    default:
      p.textContent = sentence || "";
      return sentence ? p : null;
  }
}

export function renderNotices(data) {
  const sentences = list(data.notices), details = list(data.notice_details);
  const shown = details.length === sentences.length
    ? details.map((d, i) => worded(d || {}, sentences[i]))
    : sentences.map((n) => el("p", "notice", n));
  E.notices.replaceChildren(...shown.filter(Boolean));
  if (data.suggestion) {
    const p = el("p", "notice suggestion", "Did you mean ");
    const a = el("a", "internal", data.suggestion);
    a.href = urlFor(withPatch({ q: data.suggestion }));
    p.append(a, "?");
    E.notices.append(p);
  }
}
