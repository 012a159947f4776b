//! Starts Debian's headless Chromium through playwright-core, with the flags this machine needs
//! (no sandbox as root, no background network: only loopback is reachable).
import { after, before } from "node:test";
import assert from "node:assert/strict";
import { chromium } from "playwright-core";
import { serve } from "./server.mjs";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export function launch() {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

/** Opens a page that records console errors and page errors in `page.errors`. */
export async function openPage(browser, options = {}) {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  page.errors = [];
  page.on("console", (msg) => {
    if (msg.type() === "error") page.errors.push(msg.text());
  });
  page.on("pageerror", (err) => page.errors.push(String(err)));
  return page;
}

/**
 * Waits until the WebAssembly has rendered the widget in `state`: a ready widget must also be
 * live, since prerendered markup is "ready" from the first paint, before any script runs.
 */
export async function waitForWidget(page, state = "ready") {
  const live = state === "ready" ? "[data-interactive]" : "";
  await page.waitForSelector(`[data-testid="dm-root"][data-state="${state}"]${live}`, { timeout: 15000 });
}

/**
 * Makes the widget's next DOM call throw what a Rust panic throws in the release build (it aborts
 * with a WebAssembly trap), as if Rust had panicked mid-render. `target` is a page or a frame.
 */
export async function armPanic(target) {
  await target.evaluate(() => {
    const setAttribute = Element.prototype.setAttribute;
    let armed = true;
    Element.prototype.setAttribute = function (...args) {
      if (armed) {
        armed = false;
        throw new WebAssembly.RuntimeError("unreachable");
      }
      return setAttribute.apply(this, args);
    };
  });
}

/**
 * For one test file: serves `mounts` (see serve()) and launches Chromium before its tests, and
 * stops both after them. `site.url` and `site.browser` are set once the `before` hook has run.
 */
export function siteWithBrowser(mounts, options) {
  const site = {};
  before(async () => {
    site.server = await serve(mounts, options);
    site.url = site.server.url;
    site.browser = await launch();
  });
  after(async () => {
    await site.browser?.close();
    await site.server?.close();
  });
  return site;
}

/** The widget iframe's height on a host page and the widget document's own height. */
export async function frameHeights(page) {
  const frameEl = await page.waitForSelector("iframe[src*='index.html']");
  const frame = await frameEl.contentFrame();
  const outer = await frameEl.evaluate((el) => el.getBoundingClientRect().height);
  const inner = await frame.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));
  return { outer, inner, frame };
}

/** Waits up to `ms` for the widget iframe to be as tall as its document (within 3 px). */
export async function expectHeightFollows(page, when, ms = 4000) {
  let last;
  for (const start = Date.now(); Date.now() - start < ms; await page.waitForTimeout(100)) {
    last = await frameHeights(page);
    if (Math.abs(last.outer - last.inner) <= 3) return last;
  }
  assert.fail(`${when}: the iframe is ${last.outer}px, its content ${last.inner}px`);
}
