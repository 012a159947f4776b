//! End-to-end tests of the iframe embeds' parity with pym and their defaults: the host script's
//! width handshake (a frame resized off screen), tab links before the WebAssembly keeping pym's
//! childId, the light default and the host page's colour scheme, and deep links into and out of
//! the article's address. Host pages (tests/hosts/iframe-*.html) on another origin than the
//! widget.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { serve } from "./server.mjs";
import { expectHeightFollows, launch, openPage } from "./browser.mjs";

const DIST = process.env.DIST ?? "dist";
const SHOTS = process.env.SCREENSHOTS ?? "test-results/screenshots";
const LIGHT = "rgb(255, 255, 255)";
const DARK = "rgb(22, 22, 22)";
let widgetSite;
let newsSite;
let browser;

before(async () => {
  widgetSite = await serve({ "/": DIST });
  newsSite = await serve({ "/hosts/": "tests/hosts", "/vendor/": "node_modules/pym.js/dist" });
  browser = await launch();
  mkdirSync(SHOTS, { recursive: true });
});

after(async () => {
  await browser?.close();
  await widgetSite?.close();
  await newsSite?.close();
});

const byTestId = (id) => `[data-testid="${id}"]`;
const widget = () => encodeURIComponent(`${widgetSite.url}/index.html`);
/** A host page of tests/hosts with the widget's address and `query` (e.g. "&reflect"). */
const host = (name, query = "", hash = "") => `${newsSite.url}/hosts/${name}?widget=${widget()}${query}${hash}`;

const background = (target) =>
  target.$eval(byTestId("dm-root"), (el) => getComputedStyle(el).backgroundColor);

describe("the host script's width handshake", () => {
  test("a frame narrowed while off screen has the right height when the reader scrolls to it", async () => {
    const page = await openPage(browser, { viewport: { width: 1280, height: 800 } });
    await page.goto(host("iframe-article.html", "&below"));
    const frameEl = await page.waitForSelector("iframe[src*='index.html']");
    // Scroll to it so it loads and settles, then away, then turn the phone.
    await frameEl.scrollIntoViewIfNeeded();
    const wide = await expectHeightFollows(page, "after load");
    await wide.frame.waitForSelector(`${byTestId("dm-root")}[data-interactive]`);
    // Chromium skips an off-screen cross-origin frame's rendering steps, its ResizeObserver
    // among them: without the host's width message the frame reports only once in view, and the
    // article jumps by thousands of pixels under the reader as the graphic arrives.
    for (const width of [375, 1280]) {
      await page.evaluate(() => scrollTo(0, 0));
      await page.waitForTimeout(300);
      await page.setViewportSize({ width, height: 800 });
      const offScreen = await expectHeightFollows(page, `at ${width} px, still off screen`, 2000);
      assert.ok(
        await frameEl.evaluate((el) => el.getBoundingClientRect().top > innerHeight),
        "the frame is below the fold",
      );
      if (width === 375) assert.ok(offScreen.inner > wide.inner + 200, `narrower, taller: ${wide.inner} → ${offScreen.inner}px`);
      await frameEl.scrollIntoViewIfNeeded();
      await expectHeightFollows(page, `at ${width} px, scrolled into view`);
    }
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });

  test("the article's console stays quiet: no message is posted to a frame before it has loaded", async () => {
    const page = await openPage(browser, { viewport: { width: 375, height: 800 } });
    const said = [];
    page.on("console", (msg) => said.push(`${msg.type()}: ${msg.text()}`));
    await page.goto(host("iframe-article.html"));
    await expectHeightFollows(page, "after load");
    await page.setViewportSize({ width: 1280, height: 800 });
    await expectHeightFollows(page, "wider");
    assert.deepEqual(said.filter((line) => /postMessage|target origin/i.test(line)), []);
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });

  test("a lazy frame resized before it ever loaded has the right height once it loads", async () => {
    const page = await openPage(browser, { viewport: { width: 1280, height: 800 } });
    await page.goto(host("iframe-article.html", "&below"));
    const frameEl = await page.waitForSelector("iframe[src*='index.html']");
    await page.setViewportSize({ width: 375, height: 800 });
    await page.waitForTimeout(300);
    await frameEl.scrollIntoViewIfNeeded();
    await expectHeightFollows(page, "at 375 px, loaded when scrolled to");
    await page.context().close();
  });
});

describe("tab links before the WebAssembly", () => {
  test("a tab clicked in a pym frame keeps childId and the theme, and pym gets the new height", async () => {
    const page = await openPage(browser, { viewport: { width: 1280, height: 800 } });
    await page.context().route("**/*.wasm", (route) => route.abort());
    await page.goto(`${newsSite.url}/hosts/pym.html?widget=${encodeURIComponent(`${widgetSite.url}/index.html?theme=dark`)}`);
    const { frame } = await expectHeightFollows(page, "after load");
    const href = await frame.getAttribute(byTestId("dm-tab-kyiv"), "href");
    assert.match(href, /^view-kyiv\.html/, "the tab still links to the view's page");
    await frame.click(byTestId("dm-tab-kyiv"));
    await frame.waitForURL(/view-kyiv\.html/);
    await frame.waitForSelector(`${byTestId("dm-root")}[data-view="kyiv"]`);
    const query = new URL(frame.url()).searchParams;
    assert.equal(query.get("childId"), "dm-graphic");
    assert.equal(query.get("theme"), "dark");
    assert.equal(await background(frame), DARK, "the view page keeps the theme");
    const after = await expectHeightFollows(page, "on the view page");
    // And back to all sides, whose page is taller.
    await frame.click(byTestId("dm-tab-all"));
    await frame.waitForURL(/index\.html\?/);
    const back = await expectHeightFollows(page, "back on all sides");
    assert.notEqual(after.inner, back.inner, "the two pages differ in height");
    await page.context().close();
  });

  test("?view= and #view= do not travel with the tab links", async () => {
    const page = await openPage(browser);
    await page.route("**/*.wasm", (route) => route.abort());
    await page.goto(`${widgetSite.url}/index.html?view=moscow&theme=light#view=west`);
    await page.waitForLoadState("load");
    assert.equal(await page.getAttribute(byTestId("dm-tab-kyiv"), "href"), "view-kyiv.html?theme=light");
    assert.equal(await page.getAttribute(byTestId("dm-tab-all"), "href"), "index.html?theme=light");
    await page.context().close();
  });
});

describe("theme", () => {
  test("light by default, whatever the reader's system; ?theme=auto follows it", async () => {
    for (const [query, scheme, expected] of [
      ["", "dark", LIGHT],
      ["?theme=auto", "dark", DARK],
      ["?theme=auto", "light", LIGHT],
      ["?theme=dark", "light", DARK],
      ["?theme=light", "dark", LIGHT],
    ]) {
      const page = await openPage(browser, { colorScheme: scheme });
      await page.goto(`${widgetSite.url}/index.html${query}`);
      await page.waitForSelector(`${byTestId("dm-root")}[data-interactive]`);
      assert.equal(await background(page), expected, `index.html${query} with a ${scheme} system`);
      const body = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      assert.equal(body, expected, `the page around the widget, ${query}, ${scheme}`);
      await page.context().close();
    }
  });

  test("the host script passes the article's colour scheme, unless the placeholder says", async () => {
    for (const [name, query, scheme, theme, expected] of [
      ["iframe-article.html", "", "dark", null, LIGHT],
      ["iframe-dark.html", "", "light", "dark", DARK],
      ["iframe-dark.html", "&theme=light", "dark", "light", LIGHT],
      ["iframe-article.html", "&theme=auto", "dark", "auto", DARK],
      ["iframe-article.html", "&theme=auto", "light", "auto", LIGHT],
    ]) {
      const page = await openPage(browser, { colorScheme: scheme, viewport: { width: 1280, height: 800 } });
      await page.goto(host(name, query));
      const { frame } = await expectHeightFollows(page, "after load");
      await frame.waitForSelector(`${byTestId("dm-root")}[data-interactive]`);
      const src = new URL(await page.getAttribute("iframe[src*='index.html']", "src"));
      assert.equal(src.searchParams.get("theme"), theme, `${name}${query}: the frame's ?theme=`);
      assert.equal(await background(frame), expected, `${name}${query} with a ${scheme} system`);
      await page.context().close();
    }
  });

  test("a host page whose root declares color-scheme: light dark gets a frame that follows the system", async () => {
    const page = await openPage(browser, { colorScheme: "dark" });
    await page.goto(host("iframe-article.html", "&scheme=light%20dark"));
    const frameEl = await page.waitForSelector("iframe[src*='index.html']");
    assert.equal(new URL(await frameEl.getAttribute("src")).searchParams.get("theme"), "auto");
    const frame = await frameEl.contentFrame();
    await frame.waitForSelector(`${byTestId("dm-root")}[data-interactive]`);
    assert.equal(await background(frame), DARK);
    await page.context().close();
  });

  test("screenshots of the host pages, light and dark, 375 and 1280 px", async () => {
    // Each against the reader's system theme: the article decides, not the reader's system.
    for (const [name, shot, colorScheme] of [
      ["iframe-article.html", "light", "dark"],
      ["iframe-dark.html", "dark", "light"],
    ]) {
      for (const width of [375, 1280]) {
        const page = await openPage(browser, { viewport: { width, height: 900 }, colorScheme });
        await page.goto(host(name));
        const { frame } = await expectHeightFollows(page, "after load");
        await frame.waitForSelector(`${byTestId("dm-root")}[data-interactive]`);
        await page.waitForTimeout(200);
        await page.screenshot({ path: `${SHOTS}/host-iframe-${shot}-${width}.png`, fullPage: true });
        // The first screen alone, legible at a glance (the whole page is thousands of px tall).
        await page.screenshot({ path: `${SHOTS}/host-iframe-${shot}-${width}-top.png` });
        assert.deepEqual(page.errors, []);
        await page.context().close();
      }
    }
  });
});

describe("deep links", () => {
  test("the article's #view= opens the frame on that view", async () => {
    const page = await openPage(browser, { viewport: { width: 1280, height: 800 } });
    await page.goto(host("iframe-article.html", "", "#view=moscow"));
    const { frame } = await expectHeightFollows(page, "after load");
    await frame.waitForSelector(`${byTestId("dm-root")}[data-interactive][data-view="moscow"]`);
    assert.equal(await page.evaluate(() => location.hash), "#view=moscow");
    await page.context().close();
  });

  test("with data-reflect-view the reader's view goes into the article's address; hostile views do not", async () => {
    const page = await openPage(browser, { viewport: { width: 1280, height: 800 } });
    const url = host("iframe-article.html", "&reflect");
    await page.goto(url);
    const { frame } = await expectHeightFollows(page, "after load");
    await frame.waitForSelector(`${byTestId("dm-root")}[data-interactive]`);
    const historyLength = await page.evaluate(() => history.length);
    await frame.click(byTestId("dm-tab-kyiv"));
    await page.waitForFunction(() => location.hash === "#view=kyiv");
    assert.equal(await page.evaluate(() => history.length), historyLength, "no new history entry");

    // Another frame claims a view; the widget's frame sends what a compromised child might.
    await page.frameLocator("#stranger").locator("p").evaluate(() =>
      parent.postMessage({ sentinel: "dm", type: "view", view: "west" }, "*"),
    );
    for (const view of ["javascript:alert(1)", "kyiv#x", "../../evil", "WEST", "", null, 5, { toString: null }, "a".repeat(200)]) {
      await frame.evaluate((v) => parent.postMessage({ sentinel: "dm", type: "view", view: v }, "*"), view);
    }
    await frame.evaluate(() => parent.postMessage({ sentinel: "dm", type: "navigate", url: "javascript:alert(1)" }, "*"));
    await page.waitForTimeout(300);
    assert.equal(page.url(), `${url}#view=kyiv`, "only the reader's own choice reached the address");
    assert.deepEqual(page.errors, []);

    // A shared link opens on that view.
    const other = await openPage(browser, { viewport: { width: 1280, height: 800 } });
    await other.goto(page.url());
    const shared = await expectHeightFollows(other, "the shared link");
    await shared.frame.waitForSelector(`${byTestId("dm-root")}[data-interactive][data-view="kyiv"]`);
    await other.context().close();
    await page.context().close();
  });

  test("without data-reflect-view the article's address stays as it is", async () => {
    const page = await openPage(browser, { viewport: { width: 1280, height: 800 } });
    const url = host("iframe-article.html");
    await page.goto(url);
    const { frame } = await expectHeightFollows(page, "after load");
    await frame.waitForSelector(`${byTestId("dm-root")}[data-interactive]`);
    await frame.click(byTestId("dm-tab-west"));
    await frame.waitForFunction(() => location.hash === "#view=west");
    await page.waitForTimeout(200);
    assert.equal(page.url(), url);
    await page.context().close();
  });
});
