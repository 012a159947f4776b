//! The benchmark suite of issues 7 and 17: sizes, first paint, interaction, memory and scaling of
//! the widget, side by side with the floor, a naive build, a plain-JS peer and the same rows as
//! bare DOM, in one interleaved run; then where the main thread's time goes (Chromium traces) and
//! Lighthouse.
//
// Usage: node bench/suite.mjs   (scripts/bench builds the variants first, then runs this)
// Env: RUNS (default 15) runs per figure after one warm-up round; SCALING_RUNS (default 3);
//      PAINT_RUNS (default 40) for the first-paint ratio of widget and floor; TRACE_RUNS
//      (default 5) traced start-ups and switch rounds; LIGHTHOUSE_RUNS (default 5);
//      SKIP_SCALING=1 for quick checks. Writes docs/benchmarks.md and docs/scaling.svg.
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { join } from "node:path";
import { execSync } from "node:child_process";
import { serve } from "../tests/e2e/server.mjs";
import { launch } from "../tests/e2e/browser.mjs";
import { measure, pages } from "../scripts/sizes.mjs";
import { SIZES, story, storyFile } from "./gen-story.mjs";
import { probe } from "./probe.mjs";
import { plot } from "./plot.mjs";
import { whereBytesGo } from "./twiggy.mjs";
import { PARTS, breakdown, mark, record } from "./trace.mjs";
import * as lighthouse from "./lighthouse.mjs";
import * as ahead from "./views-ahead.mjs";

const RUNS = Number(process.env.RUNS ?? 15);
const TRACE_RUNS = Number(process.env.TRACE_RUNS ?? 5);
const LIGHTHOUSE_RUNS = Number(process.env.LIGHTHOUSE_RUNS ?? 5);
const PAINT_RUNS = Number(process.env.PAINT_RUNS ?? 40);
// A 1,000 × 8 run at 4× CPU takes about a minute per variant: 15 scaling runs would take over an hour.
const SCALING_RUNS = Number(process.env.SCALING_RUNS ?? Math.min(RUNS, 3));
const OUT = "bench/.out";
const CPU = [1, 4];
const DEFAULT_STORY = "static/stories/istanbul-2025-06-02.json";
const started = Date.now();
const log = (...a) => console.error(`[${((Date.now() - started) / 1000).toFixed(0)} s]`, ...a);

// ---- the variants' folders -------------------------------------------------------------------
for (const dir of ["widget", "naive"]) {
  if (!existsSync(join(OUT, dir, "index.html"))) throw new Error(`${OUT}/${dir} missing: run scripts/bench`);
}
// The floor: the widget's own pages with every script and preload removed.
rmSync(join(OUT, "floor"), { recursive: true, force: true });
cpSync(join(OUT, "widget"), join(OUT, "floor"), { recursive: true });
for (const page of readdirSync(join(OUT, "floor")).filter((f) => f.endsWith(".html"))) {
  const path = join(OUT, "floor", page);
  const html = readFileSync(path, "utf8")
    .replace(/<script\b[\s\S]*?<\/script>/g, "")
    .replace(/<link\b[^>]*\brel=["']?(modulepreload|preload)\b[^>]*>/g, "");
  writeFileSync(path, html);
}
// The peer as deployed: its two files, the widget's stylesheet, and the story it fetches.
rmSync(join(OUT, "peer"), { recursive: true, force: true });
cpSync("bench/peers/vanilla", join(OUT, "peer"), { recursive: true });
cpSync("static/demands-matrix.css", join(OUT, "peer/demands-matrix.css"));
cpSync(DEFAULT_STORY, join(OUT, "peer/istanbul-2025-06-02.json"));
// The browser's own floor for a switch: the peer's rows and moves with no stylesheet at all.
rmSync(join(OUT, "bare"), { recursive: true, force: true });
cpSync(join(OUT, "peer"), join(OUT, "bare"), { recursive: true });
rmSync(join(OUT, "bare/demands-matrix.css"));
writeFileSync(join(OUT, "bare/index.html"), readFileSync(join(OUT, "peer/index.html"), "utf8").replace(/<link rel="stylesheet"[^>]*>\s*/, ""));
// The next design's sketch for a switch within a frame: every view laid out in advance.
ahead.build(join(OUT, "widget"), join(OUT, "ahead"));
mkdirSync(join(OUT, "stories"), { recursive: true });
for (const size of SIZES) writeFileSync(join(OUT, "stories", storyFile(size)), JSON.stringify(story(size.issues, size.sides)));

const VARIANTS = ["widget", "floor", "naive", "peer"];
const LIVE = ["widget", "naive", "peer"]; // the ones with script: interaction, memory, scaling
const TRACED = ["widget", "peer", "bare"]; // switches broken down from traces
const LABEL = {
  widget: "widget (as shipped)",
  floor: "floor (no script)",
  naive: "naive build (client-rendered, Trunk defaults)",
  peer: "plain-JS peer",
  bare: "DOM floor (the peer with no stylesheet)",
};

// ---- sizes -----------------------------------------------------------------------------------
const sizes = {};
for (const v of VARIANTS) {
  const rows = measure(join(OUT, v));
  const page = pages(rows, join(OUT, v)).find((p) => p.page === "index.html");
  const html = readFileSync(join(OUT, v, "index.html"), "utf8");
  sizes[v] = { files: rows.filter((r) => r.file === "index.html" || html.includes(r.file)), total: page };
}
const bytes = existsSync(join(OUT, "names/opt.wasm")) ? whereBytesGo(join(OUT, "names/opt.wasm")) : null;

// ---- browser runs ----------------------------------------------------------------------------
const server = await serve({
  "/widget/": join(OUT, "widget"),
  "/floor/": join(OUT, "floor"),
  "/naive/": join(OUT, "naive"),
  "/peer/": join(OUT, "peer"),
  "/bare/": join(OUT, "bare"),
  "/ahead/": join(OUT, "ahead"),
  "/stories/": join(OUT, "stories"),
});
const browser = await launch();
const DEFAULT_ROWS = JSON.parse(readFileSync(DEFAULT_STORY, "utf8")).issues.length;
const DEFAULT_VIEWS = ["kyiv", "moscow", "west", "all"];

async function open({ variant, cpu, src, rows }) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: cpu });
  await cdp.send("Performance.enable");
  await page.addInitScript(probe, { rows });
  const query = src ? `?src=${encodeURIComponent(src)}` : "";
  await page.goto(`${server.url}/${variant}/index.html${query}`, { waitUntil: "load" });
  if (variant === "floor") await page.waitForFunction(() => window.__b.fcp !== null, null, { polling: 50 });
  else {
    await page.waitForFunction(() => window.__b.loaded !== null, null, { polling: 50, timeout: 120000 }).catch(async (err) => {
      const state = await page.evaluate(() => {
        const root = document.querySelector('[data-testid="dm-root"]');
        return `${root?.dataset.state ?? "no widget"}: ${(document.querySelector('[data-testid="dm-error"]')?.textContent ?? "").slice(0, 200)}`;
      }).catch(() => "page gone");
      await context.close();
      throw new Error(`${variant} did not finish loading (${state}): ${err.message.split("\n")[0]}`);
    });
  }
  // A quiet moment: late layout shifts and the load's long tasks are over before switching.
  await page.waitForTimeout(300);
  return { context, page, cdp };
}

async function memory(page, cdp) {
  await cdp.send("HeapProfiler.collectGarbage");
  const { usedSize } = await cdp.send("Runtime.getHeapUsage");
  const { metrics } = await cdp.send("Performance.getMetrics");
  const wasm = await page.evaluate(() => window.__b.wasm?.buffer.byteLength ?? 0);
  return { js: usedSize, wasm, nodes: metrics.find((m) => m.name === "Nodes")?.value ?? null };
}

/** One trusted click on a view tab, through the browser's input pipeline; its switch record. */
async function switchTo(page, view, { keyed = false } = {}) {
  if (keyed) {
    await page.evaluate(() => {
      window.__keep = new Set(document.querySelectorAll('[data-testid="dm-body"] tr.dm-row, [data-testid="dm-body"] td'));
    });
  }
  const box = await page.locator(`[data-testid="dm-tab-${view}"]`).boundingBox();
  const n = await page.evaluate(() => window.__b.switches.length);
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  await page.waitForFunction((n) => window.__b.switches.length > n, n, { polling: 20, timeout: 60000 });
  await page.waitForTimeout(120); // let Event Timing report and the main thread go idle
  const record = await page.evaluate((n) => window.__b.switches[n], n);
  if (keyed) {
    record.kept = await page.evaluate(() => {
      const now = [...document.querySelectorAll('[data-testid="dm-body"] tr.dm-row, [data-testid="dm-body"] td')];
      const kept = now.filter((e) => window.__keep.has(e)).length;
      window.__keep = null;
      return { kept, of: now.length };
    });
  }
  return record;
}

/** Event Timing's view of a switch: the longest event entry of the interaction (≥ 16 ms only). */
function eventTiming(events, t0) {
  const mine = events.filter((e) => e.start >= t0 - 50 && e.start <= t0 + 5);
  return mine.length ? Math.max(...mine.map((e) => e.duration)) : null;
}

async function loadRun(variant, cpu) {
  const { context, page, cdp } = await open({ variant, cpu, rows: DEFAULT_ROWS });
  const b = await page.evaluate(() => ({ ...window.__b, wasm: null, switches: null, events: null }));
  const result = { fcp: b.fcp, live: b.live, loaded: b.loaded, cls: b.cls, survived: b.survived, switches: [] };
  if (variant !== "floor") {
    if (cpu === 1) result.memLoad = await memory(page, cdp);
    for (let rep = 0; rep < 2; rep++) {
      for (const view of DEFAULT_VIEWS) result.switches.push(await switchTo(page, view, { keyed: rep === 0 && view === "kyiv" }));
    }
    const events = await page.evaluate(() => window.__b.events);
    for (const s of result.switches) s.et = eventTiming(events, s.t0);
    if (cpu === 1) {
      // 100 more switches, clicked from the page itself: memory must not grow.
      await page.evaluate(async (views) => {
        for (let i = 0; i < 100; i++) {
          const n = window.__b.switches.length;
          document.querySelector(`[data-testid="dm-tab-${views[i % views.length]}"]`).click();
          await new Promise((ok) => {
            const wait = () => (window.__b.switches.length > n ? ok() : setTimeout(wait, 2));
            wait();
          });
        }
        window.__b.switches.length = 0;
        window.__b.events.length = 0;
      }, DEFAULT_VIEWS);
      await page.waitForTimeout(200);
      result.memAfter = await memory(page, cdp);
    }
  }
  await context.close();
  return result;
}

// The method of issue 3's first-paint benchmark (its script since folded in here), kept: click
// "Kyiv" the moment the widget page reports its first contentful paint, and require Kyiv's view
// to show.
function clickAtPaint() {
  if (sessionStorage.getItem("clickAtPaint") === null) sessionStorage.setItem("clickAtPaint", "1");
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      if (e.name !== "first-contentful-paint") continue;
      if (sessionStorage.getItem("clickAtPaint") !== "1" || !location.pathname.endsWith("index.html")) continue;
      sessionStorage.setItem("clickAtPaint", "0");
      sessionStorage.setItem("origin0", String(performance.timeOrigin));
      sessionStorage.setItem("clickedAt", String(performance.now()));
      sessionStorage.setItem("liveAtClick", String(!!document.querySelector("[data-interactive], [data-testid='dm-root'][data-live]")));
      document.querySelector('[data-testid="dm-tab-kyiv"]')?.click();
    }
  }).observe({ type: "paint", buffered: true });
}

async function clickRun(cpu) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: cpu });
  await page.addInitScript(probe, { rows: 0 });
  await page.addInitScript(clickAtPaint);
  await page.goto(`${server.url}/widget/index.html`, { waitUntil: "load" });
  await page.waitForFunction(
    () => document.querySelector('[data-testid="dm-root"]')?.dataset.view === "kyiv" && window.__b.fcp !== null,
    null,
    { timeout: 15000, polling: 20 },
  );
  const k = await page.evaluate(() => ({
    origin: performance.timeOrigin,
    fcp: window.__b.fcp,
    origin0: Number(sessionStorage.getItem("origin0")),
    clickedAt: Number(sessionStorage.getItem("clickedAt")),
    liveAtClick: sessionStorage.getItem("liveAtClick") === "true",
  }));
  const navigated = page.url().includes("view-kyiv.html");
  await context.close();
  return { clickedAt: k.clickedAt, navigated, liveAtClick: k.liveAtClick, kyiv: navigated ? k.origin + k.fcp - k.origin0 : k.clickedAt };
}

async function scaleRun(variant, size) {
  const sides = Array.from({ length: size.sides }, (_, s) => `side-${s}`);
  // Large stories: two switches, each takes seconds at 4× CPU.
  const views = size.issues >= 1000 ? [sides[0], "all"] : [sides[0], sides[1], sides.at(-1), "all"];
  const { context, page, cdp } = await open({ variant, cpu: 4, src: `/stories/${storyFile(size)}`, rows: size.issues });
  const b = await page.evaluate(() => ({ loaded: window.__b.loaded, fcp: window.__b.fcp }));
  const mem = await memory(page, cdp);
  const switches = [];
  for (const view of views) switches.push(await switchTo(page, view, { keyed: view === sides[0] }));
  const events = await page.evaluate(() => window.__b.events);
  for (const s of switches) s.et = eventTiming(events, s.t0);
  await context.close();
  return { loaded: b.loaded, mem, switches };
}

/** A page's first contentful paint, and nothing else (the browser is not kept waiting after it). */
async function paintRun(variant, cpu) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: cpu });
  await page.addInitScript(probe, { rows: DEFAULT_ROWS });
  await page.goto(`${server.url}/${variant}/index.html`, { waitUntil: "load" });
  await page.waitForFunction(() => window.__b.fcp !== null, null, { polling: 50 });
  const fcp = await page.evaluate(() => window.__b.fcp);
  await context.close();
  return fcp;
}

// ---- traces (issue 17): where the main thread's time goes -------------------------------------
/** The trace's navigation start (µs), from the page's own user-timing instant. */
function navigationStart(events) {
  const nav = events.filter((e) => e.name === "navigationStart" && e.args?.data?.isLoadingMainFrame !== false);
  return nav.length ? Math.min(...nav.map((e) => e.ts)) : null;
}

/** Each long task with the part that took most of it. */
function classify(events, tasks) {
  return tasks.map((t) => {
    const inside = breakdown(events, t.ts, t.ts + t.ms * 1000);
    const part = Object.entries(inside.parts).sort((a, b) => b[1] - a[1])[0][0];
    return { ms: t.ms, part };
  });
}

/** Start-up at 4× CPU, traced: navigation to the widget's first frame live with every row (the
 * floor: to a quiet moment after its first paint). */
async function traceStartRun(variant) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
  await page.addInitScript(probe, { rows: DEFAULT_ROWS });
  const { events } = await record(cdp, async () => {
    await page.goto(`${server.url}/${variant}/index.html`, { waitUntil: "load" });
    const floor = variant === "floor";
    await page.waitForFunction((floor) => (floor ? window.__b.fcp !== null : window.__b.loaded !== null), floor, { polling: 50, timeout: 60000 });
    await page.waitForTimeout(floor ? 500 : 100);
  });
  await context.close();
  const from = navigationStart(events);
  const to = mark(events, "dm:loaded") ?? Infinity;
  const b = breakdown(events, from ?? -Infinity, to);
  return { parts: b.parts, total: b.total, long: classify(events, b.longTasks), span: to === Infinity ? null : (to - from) / 1000 };
}

/** View switches at 4× CPU, each traced on its own: click to the frame painted with the view. */
async function traceSwitchRun(variant, { src, rows, views }) {
  const { context, page, cdp } = await open({ variant, cpu: 4, src, rows });
  const out = [];
  for (const view of views) {
    const { events, result } = await record(cdp, () => switchTo(page, view));
    const b = breakdown(events, mark(events, "dm:click"), mark(events, "dm:painted"));
    out.push({ view, ms: result.ms, parts: b.parts, total: b.total, longest: Math.max(0, ...b.tasks.map((t) => t.ms)) });
  }
  await context.close();
  return out;
}

let load = {}; // load[cpu][variant] = [results]
let clicks = {}; // clicks[cpu] = [results]
let scaling = {}; // scaling[story file][variant] = [results]
let paint = {}; // paint[cpu][widget|floor] = [first contentful paint]
let traces = { start: {}, switches: {}, scaling: {} };
let lighthouseRuns = [];
let aheadRuns = { kept: [], dropped: [] };
const SCALE = process.env.SKIP_SCALING ? [] : SIZES;
// REPORT_ONLY=1 rewrites the report from the last run's raw results (bench/.out/results.json).
const REPORT_ONLY = !!process.env.REPORT_ONLY;
if (REPORT_ONLY) ({ load, clicks, scaling, paint, traces, lighthouseRuns, aheadRuns = aheadRuns } = JSON.parse(readFileSync(join(OUT, "results.json"), "utf8")));
else {
for (const cpu of CPU) {
  load[cpu] = Object.fromEntries(VARIANTS.map((v) => [v, []]));
  clicks[cpu] = [];
}
for (let i = 0; i <= RUNS; i++) {
  for (const cpu of CPU) {
    for (const v of VARIANTS) {
      const r = await loadRun(v, cpu);
      if (i > 0) load[cpu][v].push(r);
    }
    const c = await clickRun(cpu);
    if (i > 0) clicks[cpu].push(c);
  }
  log(`load and interaction: round ${i}/${RUNS}${i === 0 ? " (warm-up)" : ""}`);
}
// First paint alone, widget against floor, in alternating order: one page's paint time varies by
// a third from run to run on this machine (raster threads share two cores with everything
// else), so the paint ratio the issue sets gets a sample of its own, larger than the rounds above.
for (const cpu of CPU) paint[cpu] = { widget: [], floor: [] };
for (let i = 0; i <= PAINT_RUNS; i++) {
  for (const cpu of CPU) {
    for (const v of i % 2 ? ["widget", "floor"] : ["floor", "widget"]) {
      const fcp = await paintRun(v, cpu);
      if (i > 0) paint[cpu][v].push(fcp);
    }
  }
  if (i % 10 === 0) log(`first paint: round ${i}/${PAINT_RUNS}${i === 0 ? " (warm-up)" : ""}`);
}
writeFileSync(join(OUT, "results.json"), JSON.stringify({ load, clicks, scaling, paint }));

for (const size of SCALE) scaling[storyFile(size)] = Object.fromEntries(LIVE.map((v) => [v, []]));
for (let i = 0; i <= (SCALE.length ? SCALING_RUNS : -1); i++) {
  // Warm-up with the smallest story only: the browser is already warm from the rounds above.
  for (const size of i === 0 ? SCALE.slice(0, 1) : SCALE) {
    for (const v of LIVE) {
      // A variant that fails on a story is reported as failing, not allowed to stop the suite.
      const r = await scaleRun(v, size).catch((err) => ({ error: err.message }));
      if (r.error) log(`${v} ${storyFile(size)}: ${r.error}`);
      if (i > 0) scaling[storyFile(size)][v].push(r);
    }
  }
  log(`scaling: round ${i}/${SCALING_RUNS}${i === 0 ? " (warm-up)" : ""}`);
}
writeFileSync(join(OUT, "results.json"), JSON.stringify({ load, clicks, scaling, paint }));

// Traces slow the page down (the trace's own overhead), so they run apart from the figures above.
traces.start = { widget: [], floor: [] };
traces.switches = Object.fromEntries(TRACED.map((v) => [v, []]));
for (let i = 0; i < TRACE_RUNS; i++) {
  for (const v of ["widget", "floor"]) traces.start[v].push(await traceStartRun(v));
  for (const v of TRACED) traces.switches[v].push(...(await traceSwitchRun(v, { rows: DEFAULT_ROWS, views: DEFAULT_VIEWS })));
  log(`traces: round ${i + 1}/${TRACE_RUNS}`);
}
for (const size of SCALE) {
  const sides = Array.from({ length: size.sides }, (_, s) => `side-${s}`);
  const views = size.issues >= 1000 ? [sides[0], "all"] : [sides[0], sides[1], sides.at(-1), "all"];
  traces.scaling[storyFile(size)] = {};
  for (const v of TRACED) {
    traces.scaling[storyFile(size)][v] = await traceSwitchRun(v, { src: `/stories/${storyFile(size)}`, rows: size.issues, views }).catch((err) => {
      log(`trace ${v} ${storyFile(size)}: ${err.message}`);
      return [];
    });
  }
  log(`traces: ${storyFile(size)}`);
}
if (lighthouse.available()) {
  for (let i = 0; i < LIGHTHOUSE_RUNS; i++) lighthouseRuns.push(await lighthouse.audit(`${server.url}/widget/index.html`));
  log(`lighthouse: ${lighthouseRuns.map((r) => r.score).join(", ")}`);
} else log("lighthouse: not installed (scripts/setup --bench)");
for (let i = 0; i < 2; i++) for (const mode of ["kept", "dropped"]) aheadRuns[mode].push(...(await ahead.measure(browser, `${server.url}/ahead/index.html`, mode)));
log(`views laid out in advance: ${quantile(aheadRuns.kept, 0.5)?.toFixed(0)} ms kept, ${quantile(aheadRuns.dropped, 0.5)?.toFixed(0)} ms dropped`);
writeFileSync(join(OUT, "results.json"), JSON.stringify({ load, clicks, scaling, paint, traces, lighthouseRuns, aheadRuns }));
}
await browser.close();
await server.close();

// ---- report ----------------------------------------------------------------------------------
function quantile(xs, q) {
  const s = xs.filter((x) => x !== null && x !== undefined).sort((a, b) => a - b);
  if (!s.length) return null;
  const at = (s.length - 1) * q;
  const lo = Math.floor(at);
  return s[lo] + (s[Math.ceil(at)] - s[lo]) * (at - lo);
}
const median = (xs) => quantile(xs, 0.5);
const p90 = (xs) => quantile(xs, 0.9);
const ms = (x) => (x === null ? "—" : x < 10 ? `${x.toFixed(1)} ms` : `${x.toFixed(0)} ms`);
const kB = (n) => `${(n / 1000).toFixed(1)} kB`;
const MB = (n) => `${(n / 1e6).toFixed(2)} MB`;
const et = (xs) => {
  const m = median(xs.map((x) => x ?? 0));
  return m < 16 ? "< 16 ms" : ms(m);
};

const chromium = execSync("/usr/bin/chromium --version", { stdio: ["ignore", "pipe", "ignore"] }).toString().trim();
let commit = "unknown";
try {
  commit = execSync("git rev-parse --short HEAD").toString().trim();
  if (execSync("git status --porcelain -- src static Cargo.toml Cargo.lock Trunk.toml index.html").toString().trim()) commit += " with uncommitted changes to the widget";
} catch {}
// A rewritten report keeps the duration of the run it comes from.
const minutes = REPORT_ONLY
  ? (readFileSync("docs/benchmarks.md", "utf8").match(/The whole suite took (\d+) minutes/)?.[1] ?? "?")
  : ((Date.now() - started) / 60000).toFixed(0);
const verdicts = [];
const verdict = (target, value, met) => verdicts.push(`| ${target} | ${value} | ${met ? "met" : "**not met**"} |`);

const md = [];
md.push(`# Benchmarks

Measured ${new Date().toISOString().slice(0, 10)} on this project's machine (${cpus().length} cores, ${cpus()[0].model.trim()},
${(totalmem() / 2 ** 30).toFixed(0)} GiB, shared with other work), ${chromium}, headless, cold cache (a new browser
context per run, HTTP cache disabled), pages served on loopback with brotli (tests/e2e/server.mjs), at 1×
and 4× CPU slowdown (DevTools CPU throttling). ${RUNS} runs per figure after one warm-up round${SCALE.length ? ` (scaling: ${SCALING_RUNS}, see below)` : ""}, all
variants interleaved in every round. Widget at commit ${commit}. The whole suite took ${minutes} minutes.
Reproduce: \`scripts/bench\` (builds the variants into bench/.out/, then \`node bench/suite.mjs\`; \`RUNS=3\` for a quick look).

The four variants:

1. **widget**: the site as shipped (\`scripts/build\`): the matrix prerendered into the HTML, the WebAssembly
   started after the first paint.
2. **floor**: the same HTML with every script and preload removed: nothing can paint sooner.
3. **naive build**: the same widget client-rendered only (empty root in the HTML), built with stable Rust,
   Cargo's default release profile and Trunk's default release settings (its inline loader, default
   wasm-opt pass, no minification): bench/naive/, \`bench/build-naive\`.
4. **plain-JS peer**: bench/peers/vanilla/, a hand-written vanilla-JavaScript rendition of the same matrix
   and view switch from the same story JSON (no detail panel, no agreement summary, no keyboard model):
   the interaction floor.
`);

// Sizes.
md.push(`## Bytes on the wire

What \`index.html\` loads (the HTML and every file it names), brotli at quality 11 and gzip at level 9, as a
CDN serving pre-compressed files would. The widget and the naive build carry the default story as JSON in their
HTML (the WebAssembly does not); the peer fetches it as JSON (counted).

| variant | file | raw | gzip | brotli |
| --- | --- | ---: | ---: | ---: |`);
for (const v of VARIANTS) {
  for (const f of sizes[v].files) md.push(`| ${v} | ${f.file} | ${kB(f.raw)} | ${kB(f.gzip)} | ${kB(f.brotli)} |`);
  md.push(`| **${v}** | **total** | **${kB(sizes[v].total.raw)}** | **${kB(sizes[v].total.gzip)}** | **${kB(sizes[v].total.brotli)}** |`);
}
const widgetBr = sizes.widget.total.brotli;
verdict("brotli total of the widget page ≤ 70 kB (CI's hard limit: 100 kB, tests/e2e/size.test.mjs)", kB(widgetBr), widgetBr <= 70000);
md.push(`
The naive build loads ${kB(sizes.naive.total.brotli)} brotli, ${(sizes.naive.total.brotli / widgetBr).toFixed(1)} × the widget's
${kB(widgetBr)}: that is what the size work bought (docs/size.md lists each lever and its cost).`);
if (bytes) {
  md.push(`
### Where the WebAssembly's bytes go

\`twiggy\` on the shipped WebAssembly rebuilt with its names kept (the release build's own output run through
the same wasm-bindgen and wasm-opt passes, plus \`-g\`), ${kB(bytes.total)} of code and data without the name
section. By crate, with generic code counted where its type comes from (\`Vec<Position>\`'s deserializer is
ours, not serde's when it is instantiated for our types):

| crate | bytes | share |
| --- | ---: | ---: |
${bytes.byCrate.map((c) => `| ${c.crate} | ${kB(c.bytes)} | ${((100 * c.bytes) / bytes.total).toFixed(1)} % |`).join("\n")}

The largest items:

| item | bytes |
| --- | ---: |
${bytes.top.map((t) => `| \`${t.name.replaceAll("|", "\\|")}\` | ${kB(t.bytes)} |`).join("\n")}`);
}

// First paint.
md.push(`
## First paint, first working view switch, layout shift

Default story (${DEFAULT_ROWS} issues × 3 sides). “First switch works”: for the widget and the floor, the
tabs are links to the prerendered view pages, so a click works from the first paint (proven below); for
the naive build and the peer, when the script has rendered the tabs and attached their handlers.`);
for (const cpu of CPU) {
  const L = load[cpu];
  const floor = median(L.floor.map((r) => r.fcp));
  const works = (v) => L[v].map((r) => (v === "widget" || v === "floor" ? r.fcp : r.live));
  md.push(`
### ${cpu}× CPU

| variant | first contentful paint (median / p90) | × floor | first switch works (median / p90) | × floor's paint | script took over (median) | layout shift (median / max) |
| --- | ---: | ---: | ---: | ---: | ---: | ---: |`);
  for (const v of VARIANTS) {
    const f = L[v].map((r) => r.fcp);
    const w = works(v);
    const cls = L[v].map((r) => r.cls);
    md.push(`| ${LABEL[v]} | ${ms(median(f))} / ${ms(p90(f))} | ${(median(f) / floor).toFixed(2)} × | ${ms(median(w))} / ${ms(p90(w))} | ${(median(w) / floor).toFixed(2)} × | ${v === "floor" ? "—" : ms(median(L[v].map((r) => r.live)))} | ${median(cls).toFixed(3)} / ${Math.max(...cls).toFixed(3)} |`);
  }
  const c = clicks[cpu];
  const nav = c.filter((r) => r.navigated).length;
  md.push(`
A click on “Kyiv” made by script at the widget page's first contentful paint, until Kyiv's view is painted:
${ms(median(c.map((r) => r.kyiv)))} median, ${ms(p90(c.map((r) => r.kyiv)))} p90 (click at ${ms(median(c.map((r) => r.clickedAt)))}); ${nav} of
${c.length} clicks came before the WebAssembly and opened the prerendered Kyiv page, ${c.length - nav} switched in place. Every
run checks that Kyiv's view shows, so the switcher works from the first paint.`);
  if (cpu === 4) {
    const P = paint[cpu];
    const ratio = median(P.widget) / median(P.floor);
    verdict("first contentful paint ≤ 1.1 × the floor's (4× CPU)", `${ratio.toFixed(2)} × (${ms(median(P.widget))} vs ${ms(median(P.floor))}, ${P.widget.length} runs each, see "First paint alone")`, ratio <= 1.1);
    const wr = median(works("widget")) / floor;
    verdict("first working view switch ≤ 1.5 × the floor's first paint (4× CPU)", `${wr.toFixed(2)} × (tabs are links to prerendered views; ${c.length - nav} of ${c.length} clicks at first paint switched in place)`, wr <= 1.5);
  }
}
md.push(`
### First paint alone

Only the widget page and the floor, one page load each per round in alternating order, ${paint[4]?.widget.length ?? 0} rounds
after a warm-up: the first-paint ratio comes from this larger sample, as a single page's paint time varies by a
third from run to run here (the table above shows the same medians from ${RUNS} runs).

| CPU | widget: first contentful paint (median, quartiles, p90) | floor | widget × floor (medians) |
| --- | ---: | ---: | ---: |
${CPU.map((cpu) => {
  const q = (xs) => `${ms(median(xs))} (${ms(quantile(xs, 0.25))}–${ms(quantile(xs, 0.75))}, ${ms(p90(xs))})`;
  const P = paint[cpu];
  return `| ${cpu}× | ${q(P.widget)} | ${q(P.floor)} | ${(median(P.widget) / median(P.floor)).toFixed(2)} × |`;
}).join("\n")}`);
const survived = load[1].widget.concat(load[4].widget).map((r) => r.survived);
md.push(`
Does the widget hydrate? A prerendered table row (taken at DOMContentLoaded, before the first paint) was still in the document
after the WebAssembly took over in ${survived.filter((s) => s === true).length} of ${survived.length} runs (not established in ${survived.filter((s) => s === null).length}): ${survived.every((s) => s !== true) ? "**no**, the widget rendered afresh over the prerendered markup (it does so when the markup changed before the WebAssembly started: docs/loading.md; its console says so)" : survived.every((s) => s !== false) ? "**yes**, the prerendered nodes are kept (Yew's \`Renderer::hydrate\`)" : "mixed"}.`);

// View switch.
md.push(`
## View-switch latency

Default story. A trusted click (Playwright's mouse, through Chromium's input pipeline) on each view's tab,
twice per run in the order Kyiv, Moscow, West, All sides. Measured from the click event's timestamp to the
first frame painted with the new view in the document (a \`requestAnimationFrame\` that sees the view, then a
\`MessageChannel\` message, which runs after that frame's paint). Event Timing's duration of the same
interaction (the interaction-to-next-paint entry; Chromium reports only those ≥ 16 ms) is given for
comparison.

| variant | CPU | view | click → next paint (median / p90) | Event Timing (median) |
| --- | ---: | --- | ---: | ---: |`);
for (const cpu of CPU) {
  for (const v of LIVE) {
    for (const view of DEFAULT_VIEWS) {
      const s = load[cpu][v].flatMap((r) => r.switches.filter((x) => x.view === view));
      md.push(`| ${v} | ${cpu}× | ${view} | ${ms(median(s.map((x) => x.ms)))} / ${ms(p90(s.map((x) => x.ms)))} | ${et(s.map((x) => x.et))} |`);
    }
    const s = load[cpu][v].flatMap((r) => r.switches);
    md.push(`| **${v}** | **${cpu}×** | **every view** | **${ms(median(s.map((x) => x.ms)))} / ${ms(p90(s.map((x) => x.ms)))}** | **${et(s.map((x) => x.et))}** |`);
  }
}
const sw4 = (v) => load[4][v].flatMap((r) => r.switches.map((x) => x.ms));
verdict("view switch ≤ 16 ms to next paint, default story, 4× CPU (median; p90 in brackets)", `${ms(median(sw4("widget")))} (${ms(p90(sw4("widget")))})`, median(sw4("widget")) <= 16);
const kept = (rs) => {
  const k = rs.flatMap((r) => r.switches.filter((x) => x.kept).map((x) => x.kept));
  return k.length ? `${median(k.map((x) => x.kept))} of ${median(k.map((x) => x.of))}` : "—";
};
md.push(`
Keyed rows: of the rows and cells in the table after the switch from All sides to Kyiv's view, the nodes that
were already in the table before it (median): widget ${kept(load[1].widget)}, naive ${kept(load[1].naive)}, peer ${kept(load[1].peer)}.`);

// Memory.
md.push(`
## Memory

1× CPU, default story, after a forced garbage collection: after load, and after 100 more view switches
(clicked from the page, cycling through the four views). JS heap from DevTools' \`Runtime.getHeapUsage\`;
WebAssembly memory is the instance's \`memory.buffer.byteLength\` (it never shrinks, so any growth shows).

| variant | JS heap after load | after 100 switches | WebAssembly memory after load | after 100 switches | DOM nodes after load | after |
| --- | ---: | ---: | ---: | ---: | ---: | ---: |`);
const growth = {};
for (const v of LIVE) {
  const L = load[1][v];
  const a = (k, f) => median(L.map((r) => r[k][f]));
  md.push(`| ${v} | ${MB(a("memLoad", "js"))} | ${MB(a("memAfter", "js"))} | ${v === "peer" ? "—" : MB(a("memLoad", "wasm"))} | ${v === "peer" ? "—" : MB(a("memAfter", "wasm"))} | ${a("memLoad", "nodes")} | ${a("memAfter", "nodes")} |`);
  growth[v] = [a("memAfter", "js") - a("memLoad", "js"), a("memAfter", "wasm") - a("memLoad", "wasm")];
}
// The peer keeps no state between switches, so its JS heap change is the browser's and the
// harness's own (Event Timing records, compiled evaluate code): the widget is judged against it.
const own = growth.widget[0] - growth.peer[0];
md.push(`
JS heap change over the 100 switches: widget ${(growth.widget[0] / 1000).toFixed(0)} kB, naive ${(growth.naive[0] / 1000).toFixed(0)} kB, peer
${(growth.peer[0] / 1000).toFixed(0)} kB. The peer holds nothing between switches, so its change is the browser's and this
harness's own; the widget's beyond it is ${(own / 1000).toFixed(0)} kB.`);
verdict("memory: no growth after 100 view switches (widget: JS heap beyond the peer's change / WebAssembly memory)", `${(own / 1000).toFixed(0)} kB / ${(growth.widget[1] / 1000).toFixed(0)} kB`, own < 100000 && growth.widget[1] <= 0);

// Scaling.
if (SCALE.length) {
  md.push(`
## Scaling

Generated stories (bench/gen-story.mjs: deterministic, text as long as the real story's, a quote in about
a quarter of the cells) of 10, 100 and 1,000 issues × 3 and 8 sides, loaded with \`?src=\` into the widget
page, the naive page and the peer, at 4× CPU. Load: navigation start to the first frame painted with every
row of the story in the table. Switches: one trusted click each to the first, second and last side's view
and back to All sides (1,000-issue stories: the first side's view and back). ${SCALING_RUNS} runs per figure after a
warm-up with the smallest story: a 1,000 × 8 run takes about a minute per variant at 4× CPU. Memory after load (forced GC). Plot: [scaling.svg](scaling.svg).

| story | cells | variant | load (median / p90) | view switch (median / p90) | × peer's switch | Event Timing (median) | JS heap | WebAssembly memory | rows and cells kept on switch |
| --- | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |`);
  const points = {};
  const within = [];
  for (const size of SCALE) {
    const S = scaling[storyFile(size)];
    const peerSw = median(S.peer.filter((r) => !r.error).flatMap((r) => r.switches.map((x) => x.ms)));
    for (const v of LIVE) {
      const failed = S[v].filter((r) => r.error);
      const rs = S[v].filter((r) => !r.error);
      if (failed.length) md.push(`| ${size.issues} × ${size.sides} | ${size.issues * size.sides} | ${v} | **failed in ${failed.length} of ${S[v].length} runs**: ${failed[0].error.replaceAll("|", "/").slice(0, 300)} | | | | | | |`);
      if (!rs.length) continue;
      const sw = rs.flatMap((r) => r.switches.map((x) => x.ms));
      const loadMs = rs.map((r) => r.loaded);
      const k = rs.flatMap((r) => r.switches.filter((x) => x.kept).map((x) => x.kept));
      md.push(`| ${size.issues} × ${size.sides} | ${size.issues * size.sides} | ${v} | ${ms(median(loadMs))} / ${ms(p90(loadMs))} | ${ms(median(sw))} / ${ms(p90(sw))} | ${(median(sw) / peerSw).toFixed(1)} × | ${et(rs.flatMap((r) => r.switches.map((x) => x.et)))} | ${MB(median(rs.map((r) => r.mem.js)))} | ${v === "peer" ? "—" : MB(median(rs.map((r) => r.mem.wasm)))} | ${median(k.map((x) => x.kept))} of ${median(k.map((x) => x.of))} |`);
      (points[v] ??= []).push({ cells: size.issues * size.sides, load: median(loadMs), switch: median(sw), memory: median(rs.map((r) => r.mem.js + r.mem.wasm)) });
      if (v === "widget") within.push({ size, ratio: median(sw) / peerSw });
    }
  }
  // Growth exponent: slope of log(cost) over log(cells), least squares over the six sizes.
  const slope = (pts, key) => {
    const xs = pts.map((p) => Math.log(p.cells));
    const ys = pts.map((p) => Math.log(p[key]));
    const mx = xs.reduce((a, b) => a + b) / xs.length;
    const my = ys.reduce((a, b) => a + b) / ys.length;
    return xs.reduce((a, x, i) => a + (x - mx) * (ys[i] - my), 0) / xs.reduce((a, x) => a + (x - mx) ** 2, 0);
  };
  md.push(`
How cost grows with the number of cells n (slope of log cost over log n across the six stories; 1 is linear):

| variant | load | view switch | JS heap + WebAssembly memory |
| --- | ---: | ---: | ---: |
${LIVE.map((v) => `| ${v} | n^${slope(points[v], "load").toFixed(2)} | n^${slope(points[v], "switch").toFixed(2)} | n^${slope(points[v], "memory").toFixed(2)} |`).join("\n")}`);
  const big = scaling[storyFile({ issues: 1000, sides: 8 })];
  if (big) {
    const bigSw = median(big.widget.filter((r) => !r.error).flatMap((r) => r.switches.map((x) => x.ms)));
    verdict("view switch ≤ 50 ms, 1,000 issues × 8 sides, 4× CPU (median)", bigSw === null ? "failed to load" : ms(bigSw), bigSw !== null && bigSw <= 50);
  }
  const defaultRatio = median(sw4("widget")) / median(sw4("peer"));
  const worst = within.reduce((a, b) => (b.ratio > a.ratio ? b : a), { ratio: defaultRatio, size: { issues: DEFAULT_ROWS, sides: 3 } });
  verdict("view switch within 2 × the plain-JS peer at every size (4× CPU, medians)", `${within.map((w) => `${w.size.issues}×${w.size.sides}: ${w.ratio.toFixed(1)} ×`).join(", ")}; default story: ${defaultRatio.toFixed(1)} ×; worst ${worst.ratio.toFixed(1)} ×`, worst.ratio <= 2);
  writeFileSync("docs/scaling.svg", plot(points, LIVE));
}

// Where the time goes (issue 17).
const partsRow = (runs) => PARTS.map((p) => ms(median(runs.map((r) => r.parts[p])))).join(" | ");
if (traces.start?.widget?.length) {
  const S = traces.start;
  const longest = (runs) => median(runs.map((r) => Math.max(0, ...r.long.map((t) => t.ms))));
  const longList = (runs) => {
    const all = runs.flatMap((r) => r.long);
    const byPart = {};
    for (const t of all) (byPart[t.part] ??= []).push(t.ms);
    return Object.entries(byPart).map(([part, xs]) => `${part}: ${(xs.length / runs.length).toFixed(1)} per run, median ${ms(median(xs))}`).join("; ") || "none";
  };
  md.push(`
## Where the main thread's time goes (issue 17)

Chromium traces (bench/trace.mjs: the \`devtools.timeline\` categories, self time of each event on the page's
main thread, summed by kind as DevTools' Summary does; “other” is the browser's own task work outside them).
A trace slows the page it records, so these runs are apart from the figures above and their totals are higher;
they say where the time goes, the sections above say how long it takes. 4× CPU, ${TRACE_RUNS} runs, medians.

### Start-up

Navigation to the first frame painted with the widget live and every row shown (the floor: its whole load,
to a quiet moment after its first paint). Tasks over 50 ms are given with the kind of work that took most
of each.

| variant | script | style | layout | paint | parse | other | busy in all | longest task | tasks over 50 ms |
| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |
| ${LABEL.widget} | ${partsRow(S.widget)} | ${ms(median(S.widget.map((r) => r.total)))} | ${ms(longest(S.widget))} | ${longList(S.widget)} |
| ${LABEL.floor} | ${partsRow(S.floor)} | ${ms(median(S.floor.map((r) => r.total)))} | ${ms(longest(S.floor))} | ${longList(S.floor)} |`);
  const scriptTasks = S.widget.flatMap((r) => r.long.filter((t) => t.part === "script").map((t) => t.ms));
  verdict(
    "no main-thread task over 50 ms from navigation to live, 4× CPU (issue 17)",
    `longest ${ms(longest(S.widget))} (the floor, with no script: ${ms(longest(S.floor))}); script tasks over 50 ms: ${scriptTasks.length ? `${(scriptTasks.length / S.widget.length).toFixed(1)} per run, median ${ms(median(scriptTasks))}` : "none"}`,
    longest(S.widget) <= 50,
  );

  md.push(`
### View switch

Each switch traced on its own, from the click to the frame painted with the new view (the probe's marks).
The DOM floor is the peer's rows and moves with no stylesheet: what the browser needs to move the same rows
and paint them unstyled.

| story | variant | click → next paint (traced) | script | style | layout | paint | parse | other | longest task |
| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |`);
  const rowsOf = (label, T) => {
    for (const v of TRACED) {
      const runs = T[v] ?? [];
      if (!runs.length) continue;
      md.push(`| ${label} | ${v} | ${ms(median(runs.map((r) => r.ms)))} | ${partsRow(runs)} | ${ms(median(runs.map((r) => r.longest)))} |`);
    }
  };
  rowsOf(`Istanbul (${DEFAULT_ROWS} × 3)`, traces.switches);
  for (const size of SCALE) if (traces.scaling?.[storyFile(size)]) rowsOf(`${size.issues} × ${size.sides}`, traces.scaling[storyFile(size)]);
}
if (SCALE.length) {
  const sw = (issues, sides) => {
    const S = scaling[storyFile({ issues, sides })];
    return S ? median(S.widget.filter((r) => !r.error).flatMap((r) => r.switches.map((x) => x.ms))) : null;
  };
  verdict("view switch ≤ 100 ms, 100 issues × 8 sides, 4× CPU (median; issue 17)", ms(sw(100, 8)), sw(100, 8) !== null && sw(100, 8) <= 100);
  verdict("view switch ≤ 300 ms, 1,000 issues × 8 sides, 4× CPU (median; issue 17)", ms(sw(1000, 8)), sw(1000, 8) !== null && sw(1000, 8) <= 300);
}
if (lighthouseRuns?.length) {
  const L = lighthouseRuns;
  md.push(`
## Lighthouse

Lighthouse 12.2.3 (bench/lighthouse.mjs; \`scripts/setup --bench\` installs it), its default mobile preset (a
mid-range phone: 4× CPU and slow 4G, simulated), performance only, on the widget page as served above
(loopback, brotli), ${L.length} runs.

| run | performance | total blocking time | max potential first input delay | first contentful paint | largest contentful paint | layout shift | tasks over 50 ms |
| ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |
${L.map((r, i) => `| ${i + 1} | ${r.score} | ${ms(r.tbt)} | ${ms(r.maxFid)} | ${ms(r.fcp)} | ${ms(r.lcp)} | ${r.cls.toFixed(3)} | ${r.longTasks.map((t) => `${ms(t.ms)} (${t.url.split("/").pop().replace(/-[0-9a-f]{16}/, "")})`).join(", ") || "none"} |`).join("\n")}`);
  const hundreds = L.filter((r) => r.score === 100).length;
  verdict(`Lighthouse mobile performance 100 in 5 of 5 runs (issue 17)`, `${hundreds} of ${L.length} (scores ${L.map((r) => r.score).join(", ")}; total blocking time median ${ms(median(L.map((r) => r.tbt)))})`, hundreds === L.length && L.length >= 5);
}

// The targets this design misses (issue 17): for each, where its time goes, why it cannot go
// lower here, and the design that could. The figures come from this run's traces.
{
  const S = traces.start ?? {};
  const flat = (runs) => (runs ?? []).flat();
  const part = (runs, p) => median(flat(runs).map((r) => r.parts[p]));
  const total = (runs) => median(flat(runs).map((r) => r.ms));
  const longestOf = (runs) => median((runs ?? []).map((r) => Math.max(0, ...r.long.map((t) => t.ms))));
  const longOfKind = (runs, kind) => (runs ?? []).flatMap((r) => r.long.filter((t) => t.part === kind).map((t) => t.ms));
  const out = [];
  if (S.widget?.length && S.floor?.length) {
    const script = longOfKind(S.widget, "script");
    const floorLayout = longOfKind(S.floor, "layout");
    out.push(`
**Start-up without a task over 50 ms, and Lighthouse 100.** The longest task from navigation to a live widget
is ${ms(longestOf(S.widget))} (traced, 4× CPU, median of ${S.widget.length} loads). Two kinds of task pass 50 ms:

- The first layout of the prerendered page. The floor, which has no script at all, has it too: its longest task is
  ${ms(longestOf(S.floor))}, its layout tasks over 50 ms ${ms(median(floorLayout))} (median). No script can shorten it;
  only a smaller first screen could, at the cost of the whole matrix in the first paint.
- The WebAssembly's: ${script.length ? `${(script.length / S.widget.length).toFixed(1)} script tasks over 50 ms per load, median ${ms(median(script))}` : "none over 50 ms"}.
  The long one compiles the module and hydrates the widget. Yew 0.23 hydrates in one pass: its scheduler yields to
  the browser every 16 ms, but only when no render is pending (\`can_yield\` in yew's scheduler.rs), and a hydration
  keeps its children's first renders pending until the last one is done. This is also the task Lighthouse counts
  (see below), and nearly all of its total blocking time.

Next design: hydrate in islands. The shell (title, tabs, legend) is one root; each group of rows is its own root,
hydrated one per task, or when it is first scrolled into view or touched. Their shared state lives in a store
outside Yew rather than in the root component's reducer. Each task is then the hydration of a few rows.`);
  }
  const sw = traces.switches ?? {};
  if (sw.widget?.length && sw.bare?.length) {
    out.push(`
**A view switch within one frame (16 ms), Istanbul story.** Traced, a switch is ${ms(total(sw.widget))}: script
${ms(part(sw.widget, "script"))}, style ${ms(part(sw.widget, "style"))}, layout ${ms(part(sw.widget, "layout"))}, paint
${ms(part(sw.widget, "paint"))}. The same rows moved with no stylesheet at all take ${ms(total(sw.bare))}
(layout ${ms(part(sw.bare, "layout"))}, paint ${ms(part(sw.bare, "paint"))}). That is the browser's own floor here,
and it is over 16 ms at 4× CPU. A switch puts the rows in another order, so the table is laid out again,
whether the rows are moved or reordered by CSS; any design that does so stays above the target (laying the rows
out as grids instead of a table was measured no faster, docs/loading.md). The widget's share above that floor
is its stylesheet's layout and its script (Yew's diff and the keyed moves).

Next design: lay the four views out in advance and keep them laid out. Each view is a panel; the hidden ones
have \`content-visibility: hidden\`, which keeps their layout and keeps them out of the accessibility tree,
as hidden content should be. A switch then shows a panel that needs no layout. The cost is four tables in
the page: four times the nodes and memory.${aheadRuns.kept?.length ? ` A sketch of it (bench/views-ahead.mjs: the four
prerendered panels in one page, a switch toggling which one shows, no script of the widget's, 4× CPU, ${aheadRuns.kept.length}
switches each) paints a switch in ${ms(median(aheadRuns.kept))} (p90 ${ms(quantile(aheadRuns.kept, 0.9))}) with the hidden views
kept laid out, against ${ms(median(aheadRuns.dropped))} (p90 ${ms(quantile(aheadRuns.dropped, 0.9))}) when they are \`display: none\`.
The widget would add its own script and the input's path to that.` : ""}`);
  }
  const big = (issues, sides) => traces.scaling?.[storyFile({ issues, sides })];
  const lines = [
    [100, 8],
    [1000, 8],
  ]
    .filter(([i, n]) => big(i, n)?.widget?.length && big(i, n)?.bare?.length)
    .map(([i, n]) => {
      const T = big(i, n);
      return `${i.toLocaleString("en")} × ${n}: ${ms(total(T.widget))} traced, of which layout ${ms(part(T.widget, "layout"))}; the rows with no stylesheet ${ms(total(T.bare))} (layout ${ms(part(T.bare, "layout"))})`;
    });
  if (lines.length) {
    out.push(`
**Large stories: 100 × 8 within 100 ms, 1,000 × 8 within 300 ms.** ${lines.join("; ")}. Layout is most of it, and
the bare floor is already over both targets: every row of the table is laid out again after a switch. Rows
that are not on screen must cost nothing for a switch to be fast. \`content-visibility: auto\` does that
(measured: 1,000 × 8 in about 1.0 s), but our Chromium then drops the skipped rows from the accessibility
tree, so screen readers would lose them (docs/loading.md). It is not shipped.

Next design: render only the rows near the screen. The table keeps its full height, and
\`aria-rowcount\` and \`aria-rowindex\` tell screen readers what is there. Find-in-page would need a search
of its own.`);
  }
  if (out.length) md.push(`
## The targets not met: where the time goes, and what could go lower (issue 17)
${out.join("\n")}`);
}

md.splice(1, 0, `
## Targets (issues 7 and 17)

| target | measured | |
| --- | --- | --- |
${verdicts.join("\n")}

Sizes are deterministic and CI checks the 100 kB limit; timings are not, so they are reported here and never
asserted in CI.`);
mkdirSync("docs", { recursive: true });
writeFileSync("docs/benchmarks.md", md.join("\n") + "\n");
log(`wrote docs/benchmarks.md${SCALE.length ? " and docs/scaling.svg" : ""}`);
console.log(md.join("\n"));
