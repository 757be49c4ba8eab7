// The chart of matching articles per month; a bar narrows the search to
// its month.

import { E, svg, plural } from "./dom.js";
import { ui, go } from "./state.js";

let months = null;

export function renderTimeline(ms) {
  months = ms.length >= 2 ? ms : null;
  E.chart.replaceChildren();
  E.timeline.hidden = !months;
  if (!months) return;
  const peak = months.reduce((a, m) => ((Number(m.articles) || 0) > (Number(a.articles) || 0) ? m : a));
  E.timelineCaption.textContent = `Matching articles per month, ${months[0].period} to ${months[months.length - 1].period} ` +
    `(busiest: ${peak.period}, ${plural(peak.articles, "article")}). Click a bar to narrow to that month.`;
  drawChart();
}

export function clearTimeline() {
  months = null;
}

function drawChart() {
  if (!months || E.timeline.hidden) return;
  const W = Math.max(240, Math.floor(E.chart.clientWidth || 600));
  const H = 110, top = 6, plotH = H - top - 20, base = top + plotH;
  const step = (W - 4) / months.length;
  const gap = step >= 5 ? Math.min(3, step * 0.2) : 0;
  const max = Math.max(1, ...months.map((m) => Number(m.articles) || 0));
  const state = ui.state;
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

export function narrowTo(bar) {
  const p = bar.getAttribute("data-period");
  go({ since: p, until: p });
}

let resizeTimer = 0;
window.addEventListener("resize", () => {
  clearTimeout(resizeTimer);
  resizeTimer = setTimeout(drawChart, 150);
});
