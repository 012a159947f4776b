//! First paint of every story the build built (the built-in one and each story folder's) against
//! its own script-free floor, at 4× CPU: the same pages with every script and preload removed,
//! loaded in a shuffled order, cache off. Writes the "Every story's first paint" section of
//! docs/benchmarks.md (between its markers) and prints the table.
//
// Usage: node bench/stories.mjs [SITE]   (SITE: a built site, default bench/.out/widget, which
//        scripts/bench builds; `scripts/build` then `node bench/stories.mjs dist` works too)
// Env: PAINT_RUNS (default 40) rounds after one warm-up round.
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { execSync } from "node:child_process";
import { serve } from "../tests/e2e/server.mjs";
import { launch } from "../tests/e2e/browser.mjs";

const SITE = process.argv[2] ?? "bench/.out/widget";
const RUNS = Number(process.env.PAINT_RUNS ?? 40);
const CPU = 4;
const FLOOR = "bench/.out/stories-floor";
const DOC = "docs/benchmarks.md";
const START = "<!-- stories: start -->";
const END = "<!-- stories: end -->";

if (!existsSync(join(SITE, "index.html"))) throw new Error(`${SITE}/index.html missing: build the site first (scripts/bench, or scripts/build)`);
// Every page of the site, with every script and preload taken out: nothing can paint sooner.
rmSync(FLOOR, { recursive: true, force: true });
cpSync(SITE, FLOOR, { recursive: true });
const strip = (folder) => {
  for (const entry of readdirSync(folder)) {
    const path = join(folder, entry);
    if (statSync(path).isDirectory()) strip(path);
    else if (entry.endsWith(".html")) {
      const html = readFileSync(path, "utf8")
        .replace(/<script\b[\s\S]*?<\/script>/g, "")
        .replace(/<link\b[^>]*\brel=["']?(modulepreload|preload)\b[^>]*>/g, "");
      writeFileSync(path, html);
    }
  }
};
strip(FLOOR);

// The stories: the built-in one at the root, and every folder with a prerendered index.html.
const stories = [{ name: "built-in (Istanbul)", path: "/" }];
for (const entry of readdirSync(SITE).sort()) {
  const index = join(SITE, entry, "index.html");
  if (existsSync(index) && readFileSync(index, "utf8").includes("data-prerendered")) stories.push({ name: entry, path: `/${entry}/` });
}

const server = await serve({ "/widget/": SITE, "/floor/": FLOOR });
const browser = await launch();

// One page in one context for every load, each load after a blank page and a quiet pause: a
// fresh context per load started a renderer process each time, and on two shared cores that
// start, and the last page's teardown (a widget still compiling its WebAssembly), moved one
// load's paint by ±30 % (quartiles of two identical pages' ratio 0.74–1.28); reused, 0.93–1.04.
const QUIET = Number(process.env.PAINT_QUIET ?? 300);
const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
const page = await context.newPage();
const cdp = await context.newCDPSession(page);
await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
await cdp.send("Emulation.setCPUThrottlingRate", { rate: CPU });
await page.addInitScript(() => {
  window.__fcp = null;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (e.name === "first-contentful-paint") window.__fcp = e.startTime;
  }).observe({ type: "paint", buffered: true });
});

/** First contentful paint of one load, in ms from navigation. */
async function paint(variant, path) {
  await page.goto("about:blank");
  await new Promise((resolve) => setTimeout(resolve, QUIET));
  await page.goto(`${server.url}/${variant}${path}index.html`, { waitUntil: "load" });
  await page.waitForFunction(() => window.__fcp !== null, null, { polling: 50, timeout: 60000 });
  return page.evaluate(() => window.__fcp);
}

const quantile = (xs, q) => {
  const s = [...xs].sort((a, b) => a - b);
  const at = (s.length - 1) * q;
  return s[Math.floor(at)] + (s[Math.ceil(at)] - s[Math.floor(at)]) * (at - Math.floor(at));
};
const median = (xs) => quantile(xs, 0.5);
// Every round loads every story's page and its floor one right after the other (which goes first
// alternates by round), so the two loads of a pair meet the same state of the machine, and the
// stories come in a shuffled order (a fixed seed, so reruns load alike). The first round warms up.
// A control pair, the built-in story's floor against itself, shows how far two identical pages'
// ratios part on this machine: the noise any ratio here carries.
const times = Object.fromEntries(stories.map((s) => [s.path, { widget: [], floor: [] }]));
const control = { a: [], b: [] };
let seed = 20251207;
const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
const shuffled = (list) => {
  const out = [...list];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
};
for (let i = 0; i <= RUNS; i++) {
  const pairs = stories.map((story) => ({ story }));
  pairs.push({ control: true });
  for (const pair of shuffled(pairs)) {
    const loads = pair.control
      ? [["floor", "/", control.a], ["floor", "/", control.b]]
      : [["widget", pair.story.path, times[pair.story.path].widget], ["floor", pair.story.path, times[pair.story.path].floor]];
    if (i % 2) loads.reverse();
    for (const [variant, path, into] of loads) {
      const fcp = await paint(variant, path);
      if (i > 0) into.push(fcp);
    }
  }
  if (i % 10 === 0) console.error(`round ${i}/${RUNS}${i === 0 ? " (warm-up)" : ""}`);
}
await browser.close();
await server.close();
// The ratio is taken pair by pair (the page and its floor loaded one after the other) and its
// median reported: a machine that slows down for a while slows both loads of a pair, so the
// paired ratio carries less of that drift than the ratio of the two medians.
const ratios = (a, b) => a.map((x, i) => x / b[i]);
const paired = (a, b) => median(ratios(a, b));
const results = stories.map((story) => {
  const { widget, floor } = times[story.path];
  return { ...story, widget: median(widget), floor: median(floor), ratio: paired(widget, floor), rq: [quantile(ratios(widget, floor), 0.25), quantile(ratios(widget, floor), 0.75)], q: [quantile(widget, 0.25), quantile(widget, 0.75), quantile(floor, 0.25), quantile(floor, 0.75)] };
});
const noise = Math.abs(paired(control.a, control.b) - 1);
const controlQ = [0.25, 0.75].map((q) => quantile(ratios(control.a, control.b), q));

const commit = execSync("git rev-parse --short HEAD").toString().trim();
const ms = (x) => `${x.toFixed(0)} ms`;
const rows = results.map((r) => `| ${r.name} | ${ms(r.widget)} (${ms(r.q[0])}–${ms(r.q[1])}) | ${ms(r.floor)} (${ms(r.q[2])}–${ms(r.q[3])}) | ${r.ratio.toFixed(2)} × (${r.rq[0].toFixed(2)}–${r.rq[1].toFixed(2)}) | ${r.ratio <= 1.1 ? "yes" : "**no**"} |`);
const section = `${START}
## Every story's first paint

Each story the build built (\`scripts/build\`: the built-in story and every story of \`stories/\`),
its all-sides page against the same page with every script and preload removed, at ${CPU}× CPU,
cache off, ${RUNS} rounds after a warm-up round, each loading every story's page and its floor one
after the other (stories in a shuffled order, one page reused, ${QUIET} ms quiet before each
load); medians of first contentful paint, quartiles in brackets, and the median of each pair's
ratio of the page's first paint to its floor's (paired, so drift of the machine cancels), with
its quartiles. Measured
${new Date().toISOString().slice(0, 10)} at ${commit} (\`node bench/stories.mjs\`, which \`scripts/bench\` runs;
\`PAINT_RUNS\` sets the rounds). The noise: in the same rounds, the built-in story's floor loaded
twice, two identical pages, had a paired ratio ${(noise * 100).toFixed(1)} % off 1, its quartiles
${controlQ.map((x) => x.toFixed(2)).join("–")}: one pair's ratio is that loose, and a median of ${RUNS} pairs is good to a
few per cent, no better.

| story | widget | floor (no script) | widget × floor | within 1.1 × |
| --- | --- | --- | --- | --- |
${rows.join("\n")}
${END}`;
console.log(section);
const doc = existsSync(DOC) ? readFileSync(DOC, "utf8") : "";
const at = doc.indexOf(START);
const updated = at >= 0 ? doc.slice(0, at) + section + doc.slice(doc.indexOf(END) + END.length) : `${doc.trimEnd()}\n\n${section}\n`;
writeFileSync(DOC, updated);
