//! A sketch of the next design for a switch within one frame (docs/benchmarks.md, issue 17): all
//! four views laid out in advance in one page, the hidden ones kept laid out by
//! `content-visibility: hidden`, against the same page hiding them with `display: none`.
//
// The page is made from the built site's four prerendered view pages (their panels, without any
// script: a switch here is an attribute toggled from the test, not the widget's own), so it shows
// what the browser needs to show a view that is already laid out. Used by bench/suite.mjs.
import { mkdirSync, readFileSync, writeFileSync, cpSync, rmSync } from "node:fs";
import { join } from "node:path";

const PAGES = [
  ["all", "index.html"],
  ["kyiv", "view-kyiv.html"],
  ["moscow", "view-moscow.html"],
  ["west", "view-west.html"],
];
export const VIEWS = PAGES.map(([view]) => view);

/** The view panel of a prerendered page: from the panel's element to the live region after it. */
function panel(html, file) {
  const from = html.indexOf('<div id="dm1-panel"');
  const to = html.indexOf('<p aria-live="polite"', from);
  if (from < 0 || to < 0) throw new Error(`views-ahead: no view panel found in ${file}`);
  return html.slice(from, to);
}

/** Writes into `out` the widget's site from `site` with index.html holding all four panels. */
export function build(site, out) {
  rmSync(out, { recursive: true, force: true });
  cpSync(site, out, { recursive: true });
  const index = readFileSync(join(site, "index.html"), "utf8");
  const panels = PAGES.map(([view, file]) =>
    panel(readFileSync(join(site, file), "utf8"), file).replace('id="dm1-panel"', `data-ahead="${view}"${view === "all" ? " data-shown" : ""}`),
  ).join("");
  const style = `<style>
.dm-ahead{position:relative}
.dm-ahead[data-mode=kept]>.dm-panel:not([data-shown]){content-visibility:hidden;visibility:hidden;position:absolute;inset-inline:0;top:0}
.dm-ahead[data-mode=dropped]>.dm-panel:not([data-shown]){display:none}
</style>`;
  const from = index.indexOf('<div id="dm1-panel"');
  const to = index.indexOf('<p aria-live="polite"', from);
  const html = (index.slice(0, from) + `<div class="dm-ahead" data-mode="kept">${panels}</div>` + index.slice(to))
    .replace(/<script\b[\s\S]*?<\/script>/g, "")
    .replace(/<link\b[^>]*\brel=["']?(modulepreload|preload)\b[^>]*>/g, "")
    .replace(/<meta http-equiv="?Content-Security-Policy"?[^>]*>/i, "")
    .replace("</head>", `${style}</head>`);
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, "index.html"), html);
}

/** Switch times (ms, toggle to the next frame painted) in one mode, `kept` or `dropped`, at 4×
 * CPU: `cycles` rounds through every view, the first one not counted (it lays each view out). */
export async function measure(browser, url, mode, cycles = 6) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
  await page.goto(url, { waitUntil: "load" });
  await page.evaluate((mode) => (document.querySelector(".dm-ahead").dataset.mode = mode), mode);
  await page.waitForTimeout(500);
  const times = [];
  for (let c = 0; c < cycles; c++) {
    for (const view of [...VIEWS.slice(1), VIEWS[0]]) {
      const ms = await page.evaluate(
        (view) =>
          new Promise((resolve) => {
            const t0 = performance.now();
            for (const p of document.querySelectorAll(".dm-ahead>.dm-panel")) p.toggleAttribute("data-shown", p.dataset.ahead === view);
            requestAnimationFrame(() => {
              const channel = new MessageChannel();
              channel.port1.onmessage = () => resolve(performance.now() - t0);
              channel.port2.postMessage(0);
            });
          }),
        view,
      );
      if (c > 0) times.push(ms);
      await page.waitForTimeout(150);
    }
  }
  await context.close();
  return times;
}
