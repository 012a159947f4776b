//! Benchmark: first paint and first working view switch of the widget page, side by side with
//! the floor (the same HTML with every script removed), in headless Chromium at 4x CPU slowdown.
//
// Usage: node bench/first-paint.mjs [dist] [runs]   (scripts/bench builds first, then runs this)
// Writes docs/benchmarks.md. Each run uses a fresh browser context (cold cache); the variants
// are interleaved; one warm-up round is discarded. Served on loopback with brotli.
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir, cpus } from "node:os";
import { join } from "node:path";
import { execSync } from "node:child_process";
import { serve } from "../tests/e2e/server.mjs";
import { launch } from "../tests/e2e/browser.mjs";

const DIST = process.argv[2] ?? "dist";
const RUNS = Number(process.argv[3] ?? 15);
const CPU_SLOWDOWN = 4;

// The floor: the widget's own pages with every script and preload removed.
const root = join(tmpdir(), `dm-bench-${process.pid}`);
rmSync(root, { recursive: true, force: true });
mkdirSync(root);
cpSync(DIST, join(root, "widget"), { recursive: true });
cpSync(DIST, join(root, "floor"), { recursive: true });
for (const page of ["index.html", "view-kyiv.html"]) {
  const path = join(root, "floor", page);
  const html = readFileSync(path, "utf8")
    .replace(/<script\b[\s\S]*?<\/script>/g, "")
    .replace(/<link\b[^>]*\brel=["']?(modulepreload|preload)\b[^>]*>/g, "");
  writeFileSync(path, html);
}

const server = await serve({ "/widget/": join(root, "widget"), "/floor/": join(root, "floor") });
const browser = await launch();

// Recorded in every page: first contentful paint, when the widget went live, and (on request)
// a click on the Kyiv tab made right after the first paint, to show the switcher already works.
function probe() {
  const t = (window.__t = { fcp: null, live: null });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      if (e.name !== "first-contentful-paint") continue;
      t.fcp = e.startTime;
      if (sessionStorage.getItem("clickAtPaint") === "1" && location.pathname.endsWith("index.html")) {
        sessionStorage.setItem("clickAtPaint", "0");
        const tab = document.querySelector('[data-testid="dm-tab-kyiv"]');
        sessionStorage.setItem("origin0", String(performance.timeOrigin));
        sessionStorage.setItem("clickedAt", String(performance.now()));
        sessionStorage.setItem("liveAtClick", String(!!document.querySelector("[data-live]")));
        tab?.click();
      }
    }
  }).observe({ type: "paint", buffered: true });
  new MutationObserver(() => {
    if (t.live === null && document.querySelector("[data-live]")) t.live = performance.now();
  }).observe(document, { subtree: true, attributes: true, childList: true });
}

async function run(variant, { clickAtPaint = false } = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: CPU_SLOWDOWN });
  await page.addInitScript(probe);
  if (clickAtPaint) await page.addInitScript(() => sessionStorage.getItem("clickAtPaint") ?? sessionStorage.setItem("clickAtPaint", "1"));
  await page.goto(`${server.url}/${variant}/index.html`, { waitUntil: "load" });
  const result = {};
  if (clickAtPaint) {
    // The click either navigated to Kyiv's page (the WebAssembly had not run yet) or switched in
    // place (it had): wait for Kyiv's view either way.
    await page.waitForFunction(
      () => document.querySelector('[data-testid="dm-root"]')?.dataset.view === "kyiv" && window.__t.fcp !== null,
      null,
      { timeout: 15000 },
    );
    const kyiv = await page.evaluate(() => ({
      origin: performance.timeOrigin,
      fcp: window.__t.fcp,
      origin0: Number(sessionStorage.getItem("origin0")),
      clickedAt: Number(sessionStorage.getItem("clickedAt")),
      liveAtClick: sessionStorage.getItem("liveAtClick") === "true",
      view: document.querySelector('[data-testid="dm-root"]')?.dataset.view,
    }));
    if (kyiv.view !== "kyiv") throw new Error(`clicked Kyiv at first paint, got view ${kyiv.view}`);
    result.clickedAt = kyiv.clickedAt;
    result.navigated = page.url().endsWith("view-kyiv.html");
    result.kyivPainted = result.navigated ? kyiv.origin + kyiv.fcp - kyiv.origin0 : kyiv.clickedAt;
    result.liveAtClick = kyiv.liveAtClick;
  } else {
    if (variant === "widget") await page.waitForFunction(() => window.__t.live !== null, null, { timeout: 15000 });
    await page.waitForFunction(() => window.__t.fcp !== null);
    const t = await page.evaluate(() => ({ ...window.__t, origin: performance.timeOrigin }));
    result.fcp = t.fcp;
    result.live = t.live;
  }
  await context.close();
  return result;
}

const median = (xs) => quantile(xs, 0.5);
function quantile(xs, q) {
  const s = [...xs].sort((a, b) => a - b);
  const at = (s.length - 1) * q;
  const lo = Math.floor(at);
  return s[lo] + (s[Math.ceil(at)] - s[lo]) * (at - lo);
}

const samples = { floor: [], widget: [], live: [], click: [], kyiv: [] };
for (let i = 0; i <= RUNS; i++) {
  const floor = await run("floor");
  const widget = await run("widget");
  const click = await run("widget", { clickAtPaint: true });
  if (i === 0) continue; // warm-up
  samples.floor.push(floor.fcp);
  samples.widget.push(widget.fcp);
  samples.live.push(widget.live);
  // The click happened at the widget page's first paint, before the WebAssembly ran.
  samples.click.push(click.clickedAt);
  samples.kyiv.push(click.kyivPainted);
  samples.navigated = (samples.navigated ?? 0) + (click.navigated ? 1 : 0);
}
await browser.close();
await server.close();
rmSync(root, { recursive: true, force: true });

const floorFcp = median(samples.floor);
const fmt = (ms) => `${ms.toFixed(0)} ms`;
const row = (name, xs, note = "") =>
  `| ${name} | ${fmt(median(xs))} | ${fmt(quantile(xs, 0.9))} | ${(median(xs) / floorFcp).toFixed(2)} × | ${note} |`;
const chromium = execSync("/usr/bin/chromium --version").toString().trim();
const report = `# Benchmarks

## First paint and first working view switch (issue 3)

Measured ${new Date().toISOString().slice(0, 10)} on this project's machine (${cpus().length} cores,
${cpus()[0].model.trim()}), ${chromium}, headless, CPU slowed down ${CPU_SLOWDOWN}×, cold cache, pages
served on loopback with brotli. ${RUNS} runs per figure after one warm-up round, variants
interleaved. Reproduce: \`scripts/bench\` (builds the release site, then \`node bench/first-paint.mjs dist ${RUNS}\`).

| figure | median | p90 | × floor's first paint | |
| --- | ---: | ---: | ---: | --- |
| floor: the same HTML with every script removed, first contentful paint | ${fmt(floorFcp)} | ${fmt(quantile(samples.floor, 0.9))} | 1.00 × | nothing can paint sooner |
${row("widget page, first contentful paint", samples.widget, "target ≤ 1.1 ×")}
${row("widget page, a click on a view tab first works", samples.widget, "target ≤ 1.5 ×: the tabs are links to prerendered view pages, working from the first paint")}
${row("widget page, WebAssembly has taken over (in-place switching)", samples.live, "for information")}
${row("a click on “Kyiv” made at the first paint, until Kyiv’s view is painted", samples.kyiv, `${samples.navigated} of ${RUNS} clicks came before the WebAssembly and opened the prerendered Kyiv page; ${RUNS - samples.navigated} switched in place`)}

How “a click first works” is established: in every run of a third series, a script clicks the
“Kyiv” tab the moment the page reports its first contentful paint, and the run fails unless
Kyiv’s view then shows, whether the WebAssembly had run (in-place switch) or not (the tab is a
link to the prerendered Kyiv page). So the switcher works from the first paint, and its “first
works” time is the first paint itself.
`;
mkdirSync("docs", { recursive: true });
writeFileSync("docs/benchmarks.md", report);
console.log(report);
