/* waishi dashboard: charts (plotly.js served by the app itself) and the legend toggles.
   Data come from <script type="application/json"> blocks that the server fills; nothing
   here builds HTML from strings. */
"use strict";

const TYPE_COLORS = {
  meet: "#4e79a7", visit: "#f28e2b", phone_call: "#76b7b2", sign: "#59a14f",
  attend: "#c9a227", host: "#b07aa1", congratulate: "#e15759", aid: "#9c755f",
};
const FONT = 'system-ui, -apple-system, "Segoe UI", "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif';
const CONFIG = { displaylogo: false, responsive: true, modeBarButtonsToRemove: ["lasso2d", "select2d"] };

function data(el) {
  const src = document.getElementById(el.dataset.src);
  return src ? JSON.parse(src.textContent) : null;
}

function base(extra) {
  return Object.assign({
    font: { family: FONT, size: 12, color: "#1d2330" },
    margin: { l: 48, r: 12, t: 30, b: 40 },  // room for the toolbar above the plot
    paper_bgcolor: "rgba(0,0,0,0)", plot_bgcolor: "rgba(0,0,0,0)",
    legend: { orientation: "h", y: -0.18 },
    hoverlabel: { font: { family: FONT } },
  }, extra || {});
}

function withParams(link, params) {
  const sep = link.includes("?") ? "&" : "?";
  return link + sep + new URLSearchParams(params).toString();
}

const CHARTS = {
  timeline(el, d) {
    // A real time axis: months without events show as gaps. Events dated only to a year
    // (or month, in a day timeline) are no January events: they stand in a pale band over
    // their whole year, apart from the stacked bars (issue 12).
    const fine = d.buckets.filter(b => !b.coarse), coarse = d.buckets.filter(b => b.coarse);
    const types = [...new Set(fine.map(b => b.type))];
    const periods = [...new Set(fine.map(b => b.period))].sort();
    const len = (periods[0] || (coarse[0] || {}).period || "").length;
    const period = len === 4 ? "M12" : len === 7 ? "M1" : 86400000;
    const fmt = len === 4 ? "%Y" : len === 7 ? "%Y-%m" : "%Y-%m-%d";
    // bars as wide as their period (plotly would size them by the closest two: 2021 and 2025
    // would each cover four years)
    const barw = (len === 4 ? 300 : len === 7 ? 25 : 0.8) * 86400000;
    const traces = types.map(t => {
      const by = new Map(fine.filter(b => b.type === t).map(b => [b.period, b.count]));
      return { type: "bar", name: t, x: periods, y: periods.map(p => by.get(p) || 0), customdata: periods,
               xperiod: period, xperiodalignment: "middle", width: periods.map(() => barw),
               marker: { color: TYPE_COLORS[t] || "#888" },
               hovertemplate: "%{x|" + fmt + "}: %{y} " + t + "<extra></extra>" };
    });
    if (coarse.length) {
      const spans = [...new Set(coarse.map(b => b.period))].sort();
      const n = new Map();
      coarse.forEach(b => n.set(b.period, (n.get(b.period) || 0) + b.count));
      traces.push({ type: "bar", name: "dated to the " + (spans[0].length === 4 ? "year" : "month") + " only",
                    x: spans, y: spans.map(p => n.get(p)), customdata: spans, yaxis: "y2",
                    xperiod: spans[0].length === 4 ? "M12" : "M1", xperiodalignment: "middle",
                    width: spans.map(p => (p.length === 4 ? 360 : 29) * 86400000),
                    marker: { color: "rgba(120,120,120,0.25)", line: { color: "rgba(90,90,90,0.6)", width: 1 } },
                    hovertemplate: "%{customdata}: %{y} events dated only to this period<extra></extra>" });
    }
    const layout = base({ barmode: "stack", xaxis: { type: "date", automargin: true, hoverformat: fmt },
      yaxis: { title: { text: "events" }, rangemode: "tozero", domain: coarse.length ? [0.28, 1] : [0, 1] } });
    if (coarse.length) {
      layout.yaxis2 = { domain: [0, 0.2], rangemode: "tozero", title: { text: "year only", font: { size: 10 } },
                        nticks: 3 };
    }
    Plotly.newPlot(el, traces, layout, CONFIG);
    if (el.dataset.link) {
      el.on("plotly_click", ev => {
        const pt = ev.points[0];
        const t = traces[pt.curveNumber].name;
        const p = pt.customdata;  // the period as dated: a month or a year means all of it
        const params = types.includes(t) ? { type: t, since: p, until: p } : { since: p, until: p };
        window.location = withParams(el.dataset.link, params);
      });
    }
  },

  hbars(el, d) {
    const n = d.labels.length;
    const trace = { type: "bar", orientation: "h", x: d.values.slice().reverse(),
                    y: d.labels.map((l, i) => l + " " + d.codes[i]).reverse(),
                    marker: { color: "#6f8fc7" }, hovertemplate: "%{y}: %{x} events<extra></extra>" };
    const h = Math.max(160, 22 * n + 40);
    el.style.height = h + "px";
    Plotly.newPlot(el, [trace], base({ margin: { l: 110, r: 12, t: 4, b: 28 }, height: h,
      yaxis: { automargin: true } }), CONFIG);
    if (el.dataset.link) {
      el.on("plotly_click", ev => {
        const i = n - 1 - ev.points[0].pointIndex;
        window.location = el.dataset.link + encodeURIComponent(d.codes[i]);
      });
    }
  },

  figures(el, d) {
    const names = Object.keys(d);
    const traces = names.map(name => ({
      type: "scatter", mode: "lines+markers", name: name,
      x: d[name].map(p => p.x), y: d[name].map(p => p.y), customdata: d[name].map(p => p.doc),
      text: d[name].map(p => p.text), hovertemplate: "%{x}: %{text}<extra>" + name + "</extra>",
    }));
    const ys = names.flatMap(n => d[n].map(p => p.y)).filter(v => v > 0);
    const log = ys.length && Math.max(...ys) / Math.min(...ys) > 100;
    // years on a real time axis: 2015, 2018 and 2020 are not neighbours
    Plotly.newPlot(el, traces, base({ xaxis: { type: "date", hoverformat: "%Y", dtick: "M12", tickformat: "%Y" },
      yaxis: { type: log ? "log" : "linear", title: { text: log ? "value (log scale)" : "value" } } }), CONFIG);
    el.on("plotly_click", ev => { window.location = "/documents/" + ev.points[0].customdata; });
  },

  titles(el, d) {
    const traces = d.map((r, i) => ({
      type: "scatter", mode: "lines+markers", name: r.title, showlegend: false,
      x: [r.first, r.last || r.first], y: [r.title, r.title],
      line: { width: 10, color: ["#4e79a7", "#f28e2b", "#59a14f", "#b07aa1", "#e15759"][i % 5] },
      marker: { size: 12 }, hovertemplate: r.title + ": %{x}<extra>" + r.n + " docs</extra>",
    }));
    const h = Math.max(140, 40 * d.length + 70);
    el.style.height = h + "px";
    Plotly.newPlot(el, traces, base({ margin: { l: 160, r: 20, t: 8, b: 36 }, height: h,
      xaxis: { type: "date", tickformat: "%Y-%m-%d" }, yaxis: { automargin: true, type: "category" } }), CONFIG);
  },

  graph(el, d) {
    const nodes = d.nodes, links = d.links;
    if (!nodes.length) { el.textContent = "No links for these filters."; return; }
    const pos = layout(nodes, links, d.kind === "person" ? 0.06 : 0.01);
    const labelled = new Set(nodes.slice().sort((a, b) => b.weight - a.weight).slice(0, 30).map(n => n.id));
    const maxW = Math.max(...links.map(l => l.weight));
    const groups = [[], [], [], []];
    links.forEach(l => groups[Math.min(3, Math.floor(4 * Math.sqrt(l.weight / maxW)))].push(l));
    const traces = groups.filter(g => g.length).map(g => {
      const x = [], y = [];
      g.forEach(l => { x.push(pos[l.source][0], pos[l.target][0], null); y.push(pos[l.source][1], pos[l.target][1], null); });
      const w = 1 + 6 * Math.sqrt(Math.max(...g.map(l => l.weight)) / maxW);
      return { type: "scatter", mode: "lines", x, y, hoverinfo: "skip", showlegend: false,
               line: { width: w, color: "rgba(80,100,140,0.35)" } };
    });
    const maxN = Math.max(...nodes.map(n => n.weight));
    traces.push({
      type: "scatter", mode: "markers+text", showlegend: false,
      x: nodes.map(n => pos[n.id][0]), y: nodes.map(n => pos[n.id][1]),
      text: nodes.map(n => labelled.has(n.id) ? n.label : ""), textposition: "top center", customdata: nodes.map(n => n.href),
      hovertext: nodes.map(n => n.label + (n.country && d.kind === "person" ? " (" + n.country + ")" : "") + ": " + n.weight + " events"),
      hoverinfo: "text",
      marker: { size: nodes.map(n => 10 + 30 * Math.sqrt(n.weight / maxN)), color: "#6f8fc7",
                line: { color: "#fff", width: 1.5 } },
    });
    Plotly.newPlot(el, traces, base({ margin: { l: 10, r: 10, t: 10, b: 10 }, hovermode: "closest",
      xaxis: { visible: false }, yaxis: { visible: false, scaleanchor: "x" } }), CONFIG);
    el.on("plotly_click", ev => {
      const href = ev.points[0].customdata;
      if (typeof href === "string" && href.startsWith("/")) window.location = href;
    });
  },
};

/* Force-directed layout (Fruchterman-Reingold), deterministic: nodes start on a circle. */
function layout(nodes, links, gravity) {
  const n = nodes.length, k = 1 / Math.sqrt(n), pos = {}, index = {};
  nodes.forEach((nd, i) => {
    index[nd.id] = i;
    const a = 2 * Math.PI * i / n;
    pos[nd.id] = [Math.cos(a) * (0.3 + 0.7 * (i % 2)), Math.sin(a) * (0.3 + 0.7 * (i % 2))];
  });
  const maxW = Math.max(...links.map(l => l.weight));
  let t = 0.1;
  for (let it = 0; it < 300; it++) {
    const disp = nodes.map(() => [0, 0]);
    for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) {
      const a = pos[nodes[i].id], b = pos[nodes[j].id];
      let dx = a[0] - b[0], dy = a[1] - b[1];
      const dist = Math.max(1e-3, Math.hypot(dx, dy)), f = k * k / dist;
      dx /= dist; dy /= dist;
      disp[i][0] += dx * f; disp[i][1] += dy * f; disp[j][0] -= dx * f; disp[j][1] -= dy * f;
    }
    links.forEach(l => {
      const i = index[l.source], j = index[l.target];
      const a = pos[l.source], b = pos[l.target];
      let dx = a[0] - b[0], dy = a[1] - b[1];
      const dist = Math.max(1e-3, Math.hypot(dx, dy)), f = dist * dist / k * (0.3 + Math.sqrt(l.weight / maxW));
      dx /= dist; dy /= dist;
      disp[i][0] -= dx * f; disp[i][1] -= dy * f; disp[j][0] += dx * f; disp[j][1] += dy * f;
    });
    nodes.forEach((nd, i) => {
      const d = Math.max(1e-9, Math.hypot(disp[i][0], disp[i][1])), s = Math.min(d, t) / d;
      const p = pos[nd.id];
      // gravity keeps separate pairs (common among people) from drifting to a ring
      p[0] += disp[i][0] * s - gravity * p[0]; p[1] += disp[i][1] * s - gravity * p[1];
    });
    t *= 0.985;
  }
  return pos;
}

function drawCharts() {
  document.querySelectorAll(".chart[data-chart]").forEach(el => {
    const draw = CHARTS[el.dataset.chart], d = data(el);
    if (!draw || d === null) return;
    if (typeof Plotly === "undefined") { el.textContent = "Charts need /vendor/plotly.min.js."; return; }
    draw(el, d);
    el.dataset.drawn = "1";
  });
}

function legendToggles() {
  const text = document.getElementById("text");
  if (!text) return;
  document.querySelectorAll("input[data-toggle]").forEach(box => {
    box.addEventListener("change", () => text.classList.toggle("hide-" + box.dataset.toggle, !box.checked));
  });
}

/* Filter forms leave their empty fields out of the URL (?country=LAO, not ?type=&country=LAO&...). */
function tidyForms() {
  document.querySelectorAll("form.filters").forEach(form => {
    form.addEventListener("submit", () => {
      form.querySelectorAll("input, select").forEach(f => { if (f.name && f.value === "") f.disabled = true; });
    });
  });
}

document.addEventListener("DOMContentLoaded", () => { legendToggles(); tidyForms(); drawCharts(); });
