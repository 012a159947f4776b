//! Accessibility end-to-end tests in Chromium: axe-core with WCAG 2.2 AA tags and target-size,
//! in every view, with a detail open, loading and error states, at 320 and 1280 px, light and
//! dark; a keyboard-only walk through the widget; screenshots at four widths in both themes.
import { before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { openPage, siteWithBrowser, waitForWidget } from "./browser.mjs";
import { axeViolations } from "./axe.mjs";

const DIST = process.env.DIST ?? "dist";
const SHOTS = process.env.SCREENSHOTS ?? "test-results/screenshots";
const site = siteWithBrowser({ "/": DIST, "/fixtures/": "tests/fixtures/stories" });

before(() => mkdirSync(SHOTS, { recursive: true }));

const byTestId = (id) => `[data-testid="${id}"]`;

describe("axe-core finds no WCAG 2.2 AA violation", () => {
  for (const colorScheme of ["light", "dark"]) {
    for (const width of [320, 1280]) {
      test(`every view and an open detail, ${width} px, ${colorScheme}`, async () => {
        // Light unless asked: ?theme=auto follows the emulated system theme.
        const page = await openPage(site.browser, { viewport: { width, height: 900 }, colorScheme });
        await page.goto(site.url + "/?theme=auto");
        await waitForWidget(page);
        const found = [];
        for (const view of ["all", "kyiv", "moscow", "west"]) {
          await page.click(byTestId(`dm-tab-${view}`));
          await page.waitForSelector(`${byTestId("dm-root")}[data-view="${view}"]`);
          found.push(...(await axeViolations(page)).map((v) => `${view}: ${v}`));
        }
        await page.click(`${byTestId("dm-cell-prisoners-kyiv")} button`);
        await page.waitForSelector(byTestId("dm-detail"));
        found.push(...(await axeViolations(page)).map((v) => `detail: ${v}`));
        assert.deepEqual(found, []);
        await page.context().close();
      });
    }
  }

  test("the loading and error states", async () => {
    const page = await openPage(site.browser, { viewport: { width: 320, height: 700 } });
    await page.goto(site.url + "/?src=hang/story.json");
    await waitForWidget(page, "loading");
    assert.deepEqual(await axeViolations(page), []);
    await page.goto(site.url + "/?src=fixtures/broken-unknown-ids.json");
    await waitForWidget(page, "error");
    assert.deepEqual(await axeViolations(page), []);
    await page.context().close();
  });
});

describe("keyboard only", () => {
  test("Tab in, switch every view, open and close a detail, Tab out", async () => {
    const page = await openPage(site.browser, { viewport: { width: 1280, height: 900 } });
    await page.goto(site.url + "/");
    await waitForWidget(page);
    const focus = () =>
      page.evaluate(() => {
        const el = document.activeElement;
        return el?.dataset.testid ?? el?.closest("td")?.dataset.testid ?? el?.tagName;
      });
    await page.keyboard.press("Tab");
    assert.equal(await focus(), "dm-tab-all");
    for (const view of ["kyiv", "moscow", "west", "all"]) {
      await page.keyboard.press("ArrowRight");
      assert.equal(await focus(), `dm-tab-${view}`);
      assert.equal(await page.getAttribute(byTestId("dm-root"), "data-view"), view);
      assert.match(await page.textContent(byTestId("dm-announce")), /^Now showing: /);
    }
    // Next comes the link that skips the table, shown while it has focus; then the first cell.
    await page.keyboard.press("Tab");
    assert.equal(await focus(), "dm-skip");
    assert.ok((await page.locator(byTestId("dm-skip")).boundingBox()).width > 40, "the skip link shows when focused");
    await page.keyboard.press("Tab");
    assert.equal(await focus(), "dm-cell-ceasefire-kyiv");
    await page.keyboard.press("Enter");
    assert.equal(await focus(), "dm-detail");
    await page.keyboard.press("Tab");
    assert.equal(await focus(), "dm-detail-close");
    await page.keyboard.press("Enter");
    await page.waitForSelector(byTestId("dm-detail"), { state: "detached" });
    assert.equal(await focus(), "dm-cell-ceasefire-kyiv", "focus is back on the cell");
    // Leave the widget: Tab until focus is outside it, and it must get there.
    for (let i = 0; i < 200; i++) {
      await page.keyboard.press("Tab");
      const inside = await page.evaluate(() => !!document.activeElement?.closest('[data-testid="dm-root"]'));
      if (!inside) return page.context().close();
    }
    assert.fail("Tab never left the widget");
  });

  test("the skip link jumps past every cell of the table", async () => {
    const page = await openPage(site.browser, { viewport: { width: 1280, height: 900 } });
    await page.goto(site.url + "/");
    await waitForWidget(page);
    assert.equal((await page.locator(byTestId("dm-skip")).boundingBox()).width <= 1, true, "hidden until focused");
    await page.focus(byTestId("dm-skip"));
    await page.keyboard.press("Enter");
    assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), "dm-footer");
    await page.keyboard.press("Tab");
    assert.equal(await page.evaluate(() => !!document.activeElement?.closest("table")), false, "the next Tab is past the table");
    await page.context().close();
  });
});

describe("screenshots for review", () => {
  for (const colorScheme of ["light", "dark"]) {
    test(`320, 375, 768 and 1280 px, ${colorScheme}`, async () => {
      for (const width of [320, 375, 768, 1280]) {
        // Light unless asked: ?theme=auto follows the emulated system theme.
        const page = await openPage(site.browser, { viewport: { width, height: 900 }, colorScheme });
        await page.goto(site.url + "/?theme=auto");
        await waitForWidget(page);
        await page.click(`${byTestId("dm-cell-ceasefire-kyiv")} button`);
        await page.screenshot({ path: `${SHOTS}/a11y-${colorScheme}-${width}.png`, fullPage: true });
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
        assert.ok(overflow <= 0, `${width}px ${colorScheme}: scrolls sideways by ${overflow}px`);
        await page.context().close();
      }
    });
  }
});

describe("forced colours and print, for review by eye", () => {
  test("a forced-colours screenshot and a print PDF of the whole matrix", async () => {
    const page = await openPage(site.browser, { viewport: { width: 1280, height: 900 }, forcedColors: "active" });
    await page.goto(site.url + "/");
    await waitForWidget(page);
    await page.click(byTestId("dm-tab-kyiv"));
    await page.focus(byTestId("dm-tab-kyiv"));
    await page.screenshot({ path: `${SHOTS}/forced-colors.png` });
    await page.emulateMedia({ media: "print", forcedColors: "none" });
    const rows = await page.$$eval('[data-testid^="dm-row-"]', (r) => r.filter((e) => e.offsetHeight > 0).length);
    assert.equal(rows, 14, "every issue prints");
    assert.equal(await page.isVisible(byTestId("dm-tabs")), false, "the controls do not print");
    await page.pdf({ path: "test-results/print.pdf", format: "A4" });
    await page.context().close();
  });
});
