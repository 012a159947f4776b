//! First paint of every story the build built (the built-in one and each story folder's) against
//! its own script-free floor, at 4× CPU: the same pages with every script and preload removed,
//! loaded in alternating order, cache off. Writes the "Every story's first paint" section of
//! docs/benchmarks.md (between its markers) and prints the table.
//
// Usage: node bench/stories.mjs [SITE]   (SITE: a built site, default bench/.out/widget, which
//        scripts/bench builds; `scripts/build` then `node bench/stories.mjs dist` works too)
// Env: PAINT_RUNS (default 30) loads of each page per variant after one warm-up round.
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { execSync } from "node:child_process";
import { serve } from "../tests/e2e/server.mjs";
import { launch } from "../tests/e2e/browser.mjs";

const SITE = process.argv[2] ?? "bench/.out/widget";
const RUNS = Number(process.env.PAINT_RUNS ?? 30);
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

/** First contentful paint of one load, in ms from navigation. */
async function paint(variant, path) {
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
  await page.goto(`${server.url}/${variant}${path}index.html`, { waitUntil: "load" });
  await page.waitForFunction(() => window.__fcp !== null, null, { polling: 50, timeout: 60000 });
  const fcp = await page.evaluate(() => window.__fcp);
  await context.close();
  return fcp;
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const results = [];
for (const story of stories) {
  const times = { widget: [], floor: [] };
  for (let i = 0; i <= RUNS; i++) {
    for (const variant of i % 2 ? ["widget", "floor"] : ["floor", "widget"]) {
      const fcp = await paint(variant, story.path);
      if (i > 0) times[variant].push(fcp);
    }
  }
  const ratio = median(times.widget) / median(times.floor);
  results.push({ ...story, widget: median(times.widget), floor: median(times.floor), ratio });
  console.error(`${story.name}: ${median(times.widget).toFixed(0)} vs ${median(times.floor).toFixed(0)} ms, ${ratio.toFixed(2)} ×`);
}
await browser.close();
await server.close();

const commit = execSync("git rev-parse --short HEAD").toString().trim();
const rows = results.map((r) => `| ${r.name} | ${r.widget.toFixed(0)} ms | ${r.floor.toFixed(0)} ms | ${r.ratio.toFixed(2)} × | ${r.ratio <= 1.1 ? "yes" : "**no**"} |`);
const section = `${START}
## Every story's first paint

Each story the build built (\`scripts/build\`: the built-in story and every story of \`stories/\`),
its all-sides page against the same page with every script and preload removed, at ${CPU}× CPU,
cache off, ${RUNS} loads of each in alternating order after a warm-up round; medians of first
contentful paint. Measured ${new Date().toISOString().slice(0, 10)} at ${commit} (\`node bench/stories.mjs\`,
which \`scripts/bench\` runs).

| story | widget | floor (no script) | widget × floor | within 1.1 × |
| --- | --- | --- | --- | --- |
${rows.join("\n")}
${END}`;
console.log(section);
const doc = existsSync(DOC) ? readFileSync(DOC, "utf8") : "";
const at = doc.indexOf(START);
const updated = at >= 0 ? doc.slice(0, at) + section + doc.slice(doc.indexOf(END) + END.length) : `${doc.trimEnd()}\n\n${section}\n`;
writeFileSync(DOC, updated);
