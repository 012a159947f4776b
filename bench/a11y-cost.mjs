//! What the accessibility work costs at 4× CPU: time from the WebAssembly's instantiation to a
//! live widget (hydration, plus the render that makes cells buttons and links tabs), and a view
//! switch's click-to-next-paint on the default story, for two builds of the site side by side.
//
// Usage: node bench/a11y-cost.mjs BEFORE_DIST AFTER_DIST   (RUNS, default 15, interleaved loads)
// Prints medians and p90s; docs/testing.md quotes them.
import { serve } from "../tests/e2e/server.mjs";
import { launch } from "../tests/e2e/browser.mjs";
import { probe } from "./probe.mjs";

const [before, after] = process.argv.slice(2);
if (!before || !after) throw new Error("usage: node bench/a11y-cost.mjs BEFORE_DIST AFTER_DIST");
const RUNS = Number(process.env.RUNS ?? 15);
const server = await serve({ "/before/": before, "/after/": after });
const browser = await launch();

async function run(variant) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
  await page.addInitScript(probe, { rows: 14 });
  // When the glue's instantiation resolves: the WebAssembly starts right after.
  await page.addInitScript(() => {
    for (const name of ["instantiateStreaming", "instantiate"]) {
      const original = WebAssembly[name];
      WebAssembly[name] = async function (...args) {
        const result = await original.apply(this, args);
        window.__instantiated = performance.now();
        return result;
      };
    }
    // When the widget turns live: observed as it happens (after the render that set it), not
    // at the next frame.
    new MutationObserver((records, observer) => {
      // `data-interactive`; builds before 2026-12-06 said `data-live`.
      if (records.some((r) => r.target.hasAttribute?.("data-interactive") || r.target.hasAttribute?.("data-live"))) {
        window.__live = performance.now();
        observer.disconnect();
      }
    }).observe(document, { subtree: true, attributes: true, attributeFilter: ["data-interactive", "data-live"] });
  });
  await page.goto(`${server.url}/${variant}/index.html`, { waitUntil: "load" });
  await page.waitForFunction(() => window.__b.loaded !== null, null, { polling: 20, timeout: 60000 });
  await page.waitForTimeout(300);
  const load = await page.evaluate(() => ({ instantiated: window.__instantiated, live: window.__live }));
  const switches = [];
  for (const view of ["kyiv", "moscow", "west", "all"]) {
    const n = await page.evaluate(() => window.__b.switches.length);
    const box = await page.locator(`[data-testid="dm-tab-${view}"]`).boundingBox();
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await page.waitForFunction((n) => window.__b.switches.length > n, n, { polling: 20 });
    await page.waitForTimeout(150);
    switches.push(await page.evaluate((n) => window.__b.switches[n].ms, n));
  }
  await context.close();
  return { takeover: load.live - load.instantiated, switches };
}

const quantile = (xs, q) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))];
};
const results = { before: { takeover: [], switch: [] }, after: { takeover: [], switch: [] } };
await run("before");
await run("after"); // warm-up
for (let i = 0; i < RUNS; i++) {
  for (const variant of i % 2 ? ["after", "before"] : ["before", "after"]) {
    const r = await run(variant);
    results[variant].takeover.push(r.takeover);
    results[variant].switch.push(...r.switches);
  }
}
await browser.close();
await server.close();
for (const [variant, r] of Object.entries(results)) {
  const f = (xs) => `median ${quantile(xs, 0.5).toFixed(1)} ms, p90 ${quantile(xs, 0.9).toFixed(1)} ms (n=${xs.length})`;
  console.log(`${variant}: instantiated → live ${f(r.takeover)}; view switch click → paint ${f(r.switch)}`);
}
