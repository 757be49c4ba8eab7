// What the search says besides its hits: corrections, "did you mean",
// why nothing matched.

import { E, el, list } from "./dom.js";
import { urlFor, withPatch } from "./state.js";

export function renderNotices(data) {
  E.notices.replaceChildren(...list(data.notices).map((n) => el("p", "notice", n)));
  if (data.suggestion) {
    const p = el("p", "notice suggestion", "Did you mean ");
    const a = el("a", "internal", data.suggestion);
    a.href = urlFor(withPatch({ q: data.suggestion }));
    p.append(a, "?");
    E.notices.append(p);
  }
}
