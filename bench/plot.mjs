//! Draws docs/scaling.svg from the scaling results: view switch, load and memory against the
//! number of cells, log–log, one line per variant. Hand-written SVG, no plotting library.

const COLORS = { widget: "#c0392b", naive: "#7f8c8d", peer: "#2471a3" };
const NAMES = { widget: "widget", naive: "naive build", peer: "plain-JS peer" };
const PANELS = [
  { key: "switch", title: "View switch, click → next paint (median, 4× CPU)", unit: "ms", targets: [[16, "16 ms"], [50, "50 ms"]] },
  { key: "load", title: "Load: navigation → story painted (median, 4× CPU)", unit: "ms", targets: [] },
  { key: "memory", title: "JS heap + WebAssembly memory after load", unit: "MB", scale: 1e-6, targets: [] },
];

const esc = (s) => String(s).replace(/&/g, "&amp;").replace(/</g, "&lt;");
const fmt = (v) => (v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(0) : v >= 1 ? v.toFixed(1) : v.toFixed(2));

/** points[variant] = [{ cells, switch, load, memory }], variants in legend order. */
export function plot(points, variants) {
  const W = 420, H = 330, M = { l: 58, r: 16, t: 40, b: 48 };
  const out = [];
  PANELS.forEach((panel, p) => {
    const x0 = p * W;
    const scale = panel.scale ?? 1;
    const all = variants.flatMap((v) => points[v].map((pt) => pt[panel.key] * scale)).concat(panel.targets.map((t) => t[0]));
    const cells = variants.flatMap((v) => points[v].map((pt) => pt.cells));
    // Axis limits at powers of ten (and halves in between) around the data.
    const lo = 10 ** Math.floor(Math.log10(Math.min(...all)));
    const hi = 10 ** Math.ceil(Math.log10(Math.max(...all)));
    const cx0 = 10, cx1 = 10 ** Math.ceil(Math.log10(Math.max(...cells)));
    const X = (c) => x0 + M.l + ((Math.log10(c) - Math.log10(cx0)) / (Math.log10(cx1) - Math.log10(cx0))) * (W - M.l - M.r);
    const Y = (v) => M.t + (1 - (Math.log10(v) - Math.log10(lo)) / (Math.log10(hi) - Math.log10(lo))) * (H - M.t - M.b);
    out.push(`<text x="${x0 + M.l}" y="22" font-size="13" font-weight="bold">${esc(panel.title)}</text>`);
    for (let d = lo; d <= hi * 1.001; d *= 10) {
      for (const m of [1, 2, 5]) {
        const v = d * m;
        if (v > hi * 1.001) continue;
        out.push(`<line x1="${X(cx0)}" x2="${X(cx1)}" y1="${Y(v)}" y2="${Y(v)}" stroke="#ddd"/>`);
        out.push(`<text x="${x0 + M.l - 6}" y="${Y(v) + 4}" font-size="11" text-anchor="end">${fmt(v)}</text>`);
      }
    }
    for (let c = cx0; c <= cx1; c *= 10) {
      out.push(`<line x1="${X(c)}" x2="${X(c)}" y1="${M.t}" y2="${H - M.b}" stroke="#ddd"/>`);
      out.push(`<text x="${X(c)}" y="${H - M.b + 16}" font-size="11" text-anchor="middle">${c.toLocaleString("en")}</text>`);
    }
    out.push(`<text x="${x0 + M.l + (W - M.l - M.r) / 2}" y="${H - 10}" font-size="11" text-anchor="middle">cells (issues × sides), log scale</text>`);
    out.push(`<text transform="translate(${x0 + 14} ${M.t + (H - M.t - M.b) / 2}) rotate(-90)" font-size="11" text-anchor="middle">${panel.unit}, log scale</text>`);
    out.push(`<rect x="${X(cx0)}" y="${M.t}" width="${X(cx1) - X(cx0)}" height="${H - M.t - M.b}" fill="none" stroke="#888"/>`);
    for (const [v, label] of panel.targets) {
      out.push(`<line x1="${X(cx0)}" x2="${X(cx1)}" y1="${Y(v)}" y2="${Y(v)}" stroke="#000" stroke-dasharray="5 4"/>`);
      out.push(`<text x="${X(cx0) + 4}" y="${Y(v) - 4}" font-size="10">target ${label}</text>`);
    }
    // Drawn in reverse legend order, so the first variant (the widget) lies on top.
    for (const v of [...variants].reverse()) {
      const pts = [...points[v]].sort((a, b) => a.cells - b.cells);
      const d = pts.map((pt, i) => `${i ? "L" : "M"}${X(pt.cells).toFixed(1)} ${Y(pt[panel.key] * scale).toFixed(1)}`).join(" ");
      out.push(`<path d="${d}" fill="none" stroke="${COLORS[v]}" stroke-width="2"/>`);
      for (const pt of pts) out.push(`<circle cx="${X(pt.cells).toFixed(1)}" cy="${Y(pt[panel.key] * scale).toFixed(1)}" r="3" fill="${COLORS[v]}"/>`);
    }
  });
  const legend = variants.map((v, i) => `<g transform="translate(${M.l + i * 140} ${H + 14})"><line x1="0" x2="22" y1="-4" y2="-4" stroke="${COLORS[v]}" stroke-width="2"/><circle cx="11" cy="-4" r="3" fill="${COLORS[v]}"/><text x="28" y="0" font-size="12">${esc(NAMES[v])}</text></g>`);
  const note = `<text x="${M.l + variants.length * 140 + 20}" y="${H + 14}" font-size="11" fill="#555">Stories of 10, 100 and 1,000 issues × 3 and 8 sides (bench/gen-story.mjs); docs/benchmarks.md has the numbers.</text>`;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${W * PANELS.length}" height="${H + 28}" viewBox="0 0 ${W * PANELS.length} ${H + 28}" font-family="sans-serif">
<rect width="100%" height="100%" fill="#fff"/>
${out.join("\n")}
${legend.join("\n")}
${note}
</svg>
`;
}
