//! Starts Debian's headless Chromium through playwright-core, with the flags this machine needs
//! (no sandbox as root, no background network: only loopback is reachable).
import { chromium } from "playwright-core";

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

/** Waits until the widget has rendered the story (the WebAssembly has run). */
export async function waitForWidget(page, state = "ready") {
  await page.waitForSelector(`[data-testid="dm-root"][data-state="${state}"]`, { timeout: 15000 });
}
