//! End-to-end tests of embedding in iframes: through the real pym.js parent and through our host
//! script (on another origin, as in a newsroom), the view in the address, and themes.
//! Screenshots of each host page for review. Direct embeds: direct.test.mjs.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { serve } from "./server.mjs";
import { armPanic, expectHeightFollows, launch, openPage } from "./browser.mjs";

const DIST = process.env.DIST ?? "dist";
const SHOTS = process.env.SCREENSHOTS ?? "test-results/screenshots";
let widgetSite; // the widget's own origin
let newsSite; // the news site: host pages, pym.js, and a copy of the widget for direct embeds
let browser;

before(async () => {
  widgetSite = await serve({ "/": DIST, "/fixtures/": "tests/fixtures/stories" });
  newsSite = await serve({
    "/hosts/": "tests/hosts",
    "/vendor/": "node_modules/pym.js/dist",
    "/widget/": DIST,
    "/fixtures/": "tests/fixtures/stories",
  });
  browser = await launch();
  mkdirSync(SHOTS, { recursive: true });
});

after(async () => {
  await browser?.close();
  await widgetSite?.close();
  await newsSite?.close();
});

const byTestId = (id) => `[data-testid="${id}"]`;

async function frameHeightChecks(page, name) {
  const first = await expectHeightFollows(page, "after load");
  await first.frame.waitForSelector(`${byTestId("dm-root")}[data-interactive]`);
  await first.frame.click(byTestId("dm-tab-moscow"));
  await expectHeightFollows(page, "after a view switch");
  await first.frame.click(`${byTestId("dm-cell-nato-moscow")} button`);
  await expectHeightFollows(page, "after opening a detail");
  await page.setViewportSize({ width: 352, height: 800 });
  const narrow = await expectHeightFollows(page, "after the column narrows to 320 px");
  const frameWidth = await narrow.frame.evaluate(() => innerWidth);
  assert.ok(frameWidth <= 320, `the iframe is ${frameWidth}px wide`);
  const tabRows = await narrow.frame.$$eval('[data-testid^="dm-tab-"]', (tabs) => new Set(tabs.map((t) => t.getBoundingClientRect().top)).size);
  assert.equal(tabRows, 1, "the four tabs fit on one line");
  await page.screenshot({ path: `${SHOTS}/host-${name}-320.png`, fullPage: true });
  await page.setViewportSize({ width: 1280, height: 800 });
  await expectHeightFollows(page, "after widening again");
  await page.screenshot({ path: `${SHOTS}/host-${name}-1280.png`, fullPage: true });
}

describe("iframe embeds", () => {
  test("the real pym.js parent sizes the iframe to the content", async () => {
    const page = await openPage(browser, { viewport: { width: 1280, height: 800 } });
    await page.goto(`${newsSite.url}/hosts/pym.html?widget=${encodeURIComponent(widgetSite.url + "/index.html")}`);
    await frameHeightChecks(page, "pym");
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });

  test("our host script sizes a titled, lazy iframe to the content", async () => {
    const page = await openPage(browser, { viewport: { width: 1280, height: 800 } });
    await page.goto(`${newsSite.url}/hosts/host-script.html?widget=${encodeURIComponent(widgetSite.url + "/index.html")}`);
    const frame = await page.waitForSelector("iframe[src*='index.html']");
    assert.equal(await frame.getAttribute("title"), "Istanbul talks: who demands what");
    assert.equal(await frame.getAttribute("loading"), "lazy");
    await frameHeightChecks(page, "host-script");
    await page.context().close();
  });

  test("after a panic the iframe shows the static message, sized to it", async () => {
    const page = await openPage(browser, { viewport: { width: 1280, height: 800 } });
    await page.goto(`${newsSite.url}/hosts/pym.html?widget=${encodeURIComponent(widgetSite.url + "/index.html")}`);
    const { frame } = await expectHeightFollows(page, "after load");
    await frame.waitForSelector(`${byTestId("dm-root")}[data-interactive]`);
    await armPanic(frame);
    await frame.click(byTestId("dm-tab-moscow"));
    await frame.waitForSelector(`${byTestId("dm-root")}[data-state="crashed"]`);
    const after = await expectHeightFollows(page, "after the panic");
    assert.ok(after.outer < 300, `the iframe shrank to the message: ${after.outer}px`);
    await page.context().close();
  });

  test("hostile messages are ignored or clamped and never navigate", async () => {
    const page = await openPage(browser, { viewport: { width: 1280, height: 800 } });
    const url = `${newsSite.url}/hosts/host-script.html?widget=${encodeURIComponent(widgetSite.url + "/index.html")}`;
    await page.goto(url);
    const { frame } = await expectHeightFollows(page, "after load");
    await frame.waitForSelector(`${byTestId("dm-root")}[data-interactive]`);
    const iframeHeight = () => page.$eval("iframe[src*='index.html']", (el) => el.style.height);
    const before = await iframeHeight();

    // Another frame on the page claims to be the widget.
    await page.frameLocator("#stranger").locator("p").evaluate(() =>
      parent.postMessage({ sentinel: "amp", type: "embed-size", height: 5 }, "*"),
    );
    // The widget's frame sends nonsense (as a compromised or buggy child might).
    for (const height of ["100px;position:fixed", Number.NaN, Infinity, "javascript:alert(1)", null]) {
      await frame.evaluate((h) => parent.postMessage({ sentinel: "amp", type: "embed-size", height: h }, "*"), height);
    }
    await frame.evaluate(() => parent.postMessage("pymxPYMxdmxPYMxnavigateToxPYMxjavascript:alert(1)", "*"));
    await page.waitForTimeout(300);
    assert.equal(await iframeHeight(), before, "nothing changed the height");
    await frame.evaluate(() => parent.postMessage({ sentinel: "amp", type: "embed-size", height: 1e9 }, "*"));
    await page.waitForFunction(() => document.querySelector("iframe[src*='index.html']").style.height === "20000px");
    await frame.evaluate(() => parent.postMessage({ sentinel: "amp", type: "embed-size", height: -50 }, "*"));
    await page.waitForFunction(() => document.querySelector("iframe[src*='index.html']").style.height === "120px");
    assert.equal(page.url(), url, "the host page never navigated");
    await page.context().close();
  });
});

describe("the standalone page's address", () => {
  test("the view is kept in the hash and a shared link opens on it", async () => {
    const page = await openPage(browser);
    await page.goto(`${widgetSite.url}/index.html`);
    await page.waitForSelector(`${byTestId("dm-root")}[data-interactive]`);
    await page.click(byTestId("dm-tab-moscow"));
    await page.waitForFunction(() => location.hash === "#view=moscow");
    const shared = page.url();
    const other = await openPage(browser);
    await other.goto(shared);
    await other.waitForSelector(`${byTestId("dm-root")}[data-interactive][data-view="moscow"]`);
    await other.context().close();
    await page.context().close();
  });

  test("?theme=dark and ?theme=light override the reader's preference", async () => {
    for (const [scheme, theme, background] of [
      ["light", "dark", "rgb(22, 22, 22)"],
      ["dark", "light", "rgb(255, 255, 255)"],
    ]) {
      const page = await openPage(browser, { colorScheme: scheme });
      await page.goto(`${widgetSite.url}/index.html?theme=${theme}`);
      await page.waitForSelector(`${byTestId("dm-root")}[data-interactive]`);
      const actual = await page.$eval(byTestId("dm-root"), (el) => getComputedStyle(el).backgroundColor);
      assert.equal(actual, background, `?theme=${theme} with a ${scheme} preference`);
      await page.context().close();
    }
  });
});
