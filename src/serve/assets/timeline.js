// The chart of matching articles per month; a bar narrows the search to
// its month. The chart is one Tab stop: the arrow keys (and Home, End)
// move between the bars with articles (a roving tabindex), Enter or Space
// narrows to the bar's month. Undated matches are in no bar: the caption
// says how many there are.

import { E, svg, plural, fmt } from "./dom.js";
import { ui, go } from "./state.js";

let months = null, undated = 0, current = "";

export function renderTimeline(ms, undatedCount) {
  undated = Number(undatedCount) || 0;
  // One month is a chart worth showing when undated matches stand beside it.
  months = ms.length >= 2 || (ms.length === 1 && undated > 0) ? ms : null;
  E.chart.replaceChildren();
  E.timeline.hidden = !months;
  if (!months) return;
  const peak = months.reduce((a, m) => ((Number(m.articles) || 0) > (Number(a.articles) || 0) ? m : a));
  const span = months.length > 1 ? `${months[0].period} to ${months[months.length - 1].period}` : months[0].period;
  const dated = months.reduce((n, m) => n + (Number(m.articles) || 0), 0);
  let caption = `Matching articles per month, ${span} (busiest: ${peak.period}, ${plural(peak.articles, "article")}).`;
  if (undated) caption += ` Undated: ${fmt(undated)} of ${fmt(dated + undated)}, in no month.`;
  E.timelineCaption.textContent = caption + " A bar (click, or arrow keys and Enter) narrows to its month" +
    (undated ? ", leaving out the undated." : ".");
  const sel = ui.state.since && ui.state.since === ui.state.until ? ui.state.since : "";
  const busiest = String(peak.period || "");
  current = months.some((m) => m.period === sel && Number(m.articles)) ? sel : busiest;
  drawChart();
}

export function clearTimeline() {
  months = null;
  undated = 0;
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
  const root = svg("svg", { width: W, height: H, viewBox: `0 0 ${W} ${H}`, class: "chart", role: "group", "aria-label": "Articles per month: arrow keys move between months, Enter narrows to one" });
  root.append(svg("line", { x1: 0, x2: W, y1: base + 0.5, y2: base + 0.5, class: "baseline" }));
  const every = [1, 2, 5, 10, 20, 25, 50, 100].find((k) => k * step * 12 >= 36) || 100;
  const LABEL = 28; // a year's width at the labels' 11px
  let lastEnd = -1e9;
  months.forEach((m, i) => {
    const x = 2 + i * step, period = String(m.period || ""), count = Number(m.articles) || 0;
    const h = count ? Math.max(3, (count / max) * plotH) : 0;
    const label = `${period}: ${plural(count, "article")}`;
    // an invisible column above each bar makes thin bars easier to hit
    if (count) root.append(svg("rect", { x, y: top, width: Math.max(step, 1), height: plotH - h, class: "bar-hit", "data-period": period }, label));
    const r = svg("rect", { x: x + gap / 2, y: base - h, width: Math.max(0.5, step - gap), height: h, class: "bar", "data-period": period, "data-count": count }, label);
    if (sel && period.startsWith(sel)) r.classList.add("selected");
    if (count) {
      r.setAttribute("tabindex", period === current ? "0" : "-1");
      r.setAttribute("role", "button");
      r.setAttribute("aria-label", label);
    }
    root.append(r);
    const y = parseInt(period, 10);
    // A label near the right edge ends at its tick, so it is not cut.
    const near = x + LABEL + 2 > W, start = near ? x - LABEL : x + 1;
    if ((i === 0 || (period.endsWith("-01") && y % every === 0)) && start >= lastEnd + 8) {
      lastEnd = start + LABEL;
      root.append(svg("line", { x1: x + 0.5, x2: x + 0.5, y1: base, y2: base + 4, class: "tick" }));
      const t = svg("text", { x: near ? x : x + 1, y: H - 4, class: "year-label", "text-anchor": near ? "end" : "start" });
      t.textContent = String(y);
      root.append(t);
    }
  });
  const focused = E.chart.contains(document.activeElement);
  E.chart.replaceChildren(root);
  if (focused) focusBar(current);
}

function focusBar(period) {
  const bars = [...E.chart.querySelectorAll("rect.bar[tabindex]")];
  const bar = bars.find((b) => b.getAttribute("data-period") === period) || bars[0];
  if (!bar) return;
  for (const b of bars) b.setAttribute("tabindex", b === bar ? "0" : "-1");
  current = bar.getAttribute("data-period");
  bar.focus();
}

// The arrow keys move between the bars with articles.
E.chart.addEventListener("keydown", (e) => {
  const t = e.target;
  if (!(t instanceof Element) || !t.matches("rect.bar[tabindex]") || e.ctrlKey || e.metaKey || e.altKey) return;
  const bars = [...E.chart.querySelectorAll("rect.bar[tabindex]")];
  const i = bars.indexOf(t);
  const to = { ArrowLeft: i - 1, ArrowDown: i - 1, ArrowRight: i + 1, ArrowUp: i + 1, Home: 0, End: bars.length - 1 }[e.key];
  if (to === undefined) return;
  e.preventDefault();
  const bar = bars[Math.max(0, Math.min(bars.length - 1, to))];
  if (bar) focusBar(bar.getAttribute("data-period"));
});

export function narrowTo(bar) {
  const p = bar.getAttribute("data-period");
  go({ since: p, until: p });
}

let resizeTimer = 0;
window.addEventListener("resize", () => {
  clearTimeout(resizeTimer);
  resizeTimer = setTimeout(drawChart, 150);
});
