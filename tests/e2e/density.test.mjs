//! End-to-end tests of compact density (`?density=compact`, `data-density="compact"`) and of the
//! view switcher with many sides: a 4-side and a 12-side story keep their tabs on one line at
//! 320 px in both densities, the last tab is reached by keyboard and scrolled into view, the
//! Istanbul matrix in compact density fits a 1280 × 800 screen in every view, a compact page
//! hydrates, direct embeds and our host script's frames take the setting from their elements,
//! and axe finds nothing in either density, in Chromium and in Firefox ESR.
import { before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { openPage, siteWithBrowser, waitForWidget } from "./browser.mjs";
import { axeViolations, firefoxViolations, AXE_OPTIONS, AXE_SOURCE } from "./axe.mjs";
import { withFirefox } from "./firefox.mjs";

const DIST = process.env.DIST ?? "dist";
const SHOTS = process.env.SCREENSHOTS ?? "test-results/screenshots";
const VIEWS = ["all", "kyiv", "moscow", "west"];
const DENSITIES = ["default", "compact"];
const MANY = { 4: "fixtures/four-sides.json", 12: "fixtures/twelve-sides.json" };

const site = siteWithBrowser({ "/": DIST, "/widget/": DIST, "/hosts/": "tests/hosts", "/fixtures/": "tests/fixtures/stories" });

before(() => mkdirSync(SHOTS, { recursive: true }));

const query = (density) => (density === "compact" ? "density=compact" : "");

async function open(path, options) {
  const page = await openPage(site.browser, options);
  page.warnings = [];
  page.on("console", (msg) => msg.type() === "warning" && page.warnings.push(msg.text()));
  await page.goto(site.url + path);
  await waitForWidget(page);
  return page;
}

/** The tab row's geometry: every tab's top, the row's inner height, and the page's width. */
function tabRow() {
  const list = document.querySelector('[data-testid="dm-tabs"]');
  const tabs = [...list.querySelectorAll(".dm-tabs__tab")];
  return {
    tops: [...new Set(tabs.map((t) => t.offsetTop))],
    rowHeight: list.clientHeight,
    tabHeight: tabs[0].offsetHeight,
    pageWidth: document.documentElement.scrollWidth,
    count: tabs.length,
  };
}

/** Whether the focused element is the selected tab and lies wholly inside the visible row. */
function focusedTabInView() {
  const tab = document.activeElement;
  const list = tab.closest('[data-testid="dm-tabs"]');
  const [t, l] = [tab.getBoundingClientRect(), list.getBoundingClientRect()];
  return {
    id: tab.dataset.testid,
    selected: tab.getAttribute("aria-selected"),
    inView: t.left >= l.left - 0.5 && t.right <= l.right + 0.5,
  };
}

/** The table's bottom edge, in CSS px from the top of the page (not scrolled). */
const tableBottom = () => document.querySelector(".dm-matrix__table").getBoundingClientRect().bottom;

describe("many sides at 320 px", () => {
  for (const density of DENSITIES) {
    for (const [sides, src] of Object.entries(MANY)) {
      test(`${sides} sides, ${density}: the tabs stay on one line and End reaches the last, in view`, async () => {
        const page = await open(`/index.html?src=${src}&${query(density)}`, { viewport: { width: 320, height: 700 } });
        const row = await page.evaluate(tabRow);
        assert.equal(row.count, Number(sides) + 1);
        assert.equal(row.tops.length, 1, `tabs on ${row.tops.length} lines`);
        assert.ok(Math.abs(row.rowHeight - row.tabHeight) <= 1, `row ${row.rowHeight}px, tab ${row.tabHeight}px`);
        assert.ok(row.pageWidth <= 320, `the page is ${row.pageWidth}px wide`);
        await page.focus('[data-testid="dm-tab-all"]');
        await page.keyboard.press("End");
        const last = await page.evaluate(focusedTabInView);
        assert.equal(last.selected, "true");
        assert.notEqual(last.id, "dm-tab-all");
        assert.ok(last.inView, `${last.id} is focused but scrolled out of view`);
        // And back to the first by wrapping with the arrow keys.
        await page.keyboard.press("ArrowRight");
        assert.deepEqual(await page.evaluate(focusedTabInView), { id: "dm-tab-all", selected: "true", inView: true });
        await page.keyboard.press("ArrowLeft");
        assert.equal((await page.evaluate(focusedTabInView)).id, last.id);
        assert.equal((await page.evaluate(tabRow)).pageWidth <= 320, true);
        if (sides === "12") await page.screenshot({ path: `${SHOTS}/density-12-sides-320-${density}.png` });
        assert.deepEqual(page.errors, []);
        await page.context().close();
      });
    }
  }
});

describe("compact density", () => {
  test("the Istanbul matrix fits a 1280 × 800 screen in every view, below the header", async () => {
    const page = await open(`/index.html?${query("compact")}`, { viewport: { width: 1280, height: 800 } });
    const bottoms = {};
    for (const view of VIEWS) {
      await page.click(`[data-testid="dm-tab-${view}"]`);
      await page.waitForSelector(`[data-testid="dm-root"][data-view="${view}"]`);
      bottoms[view] = Math.ceil(await page.evaluate(tableBottom));
      assert.equal(await page.evaluate(() => scrollY), 0);
    }
    console.log("compact table bottom at 1280 × 800:", bottoms);
    for (const [view, bottom] of Object.entries(bottoms)) assert.ok(bottom <= 800, `${view}: the table ends at ${bottom}px`);
    assert.equal((await page.$$('[data-testid^="dm-row-"]')).length, 14);
    await page.context().close();
  });

  test("a cell shows its mark and word; its summary is in the detail it opens", async () => {
    const page = await open(`/index.html?${query("compact")}`, { viewport: { width: 1280, height: 800 } });
    const cell = '[data-testid="dm-cell-prisoners-kyiv"]';
    assert.equal(await page.isVisible(`${cell} .dm-cell__summary`), false);
    assert.equal(await page.isVisible(`${cell} .dm-stance__label`), true);
    // The explainer stays for screen readers only: in the row header's cell, one pixel wide.
    const explainer = await page.$eval('[data-testid="dm-row-prisoners"] .dm-row__explainer', (e) => e.getBoundingClientRect().width);
    assert.ok(explainer <= 1, `explainer ${explainer}px wide`);
    // The name still says side, issue and the stance in words, and holds the visible label.
    const named = page.getByRole("button", { name: "Kyiv on Release of prisoners: Demands No. 2", exact: true });
    assert.equal(await named.count(), 1);
    await page.click(`${cell} button`);
    await page.waitForSelector('[data-testid="dm-detail"]');
    assert.ok(await page.isVisible('[data-testid="dm-detail-summary"]'));
    assert.ok(await page.isVisible(".dm-detail__explainer"));
    assert.equal(await page.evaluate(() => document.activeElement.dataset.testid), "dm-detail");
    await page.keyboard.press("Escape");
    assert.equal(await page.evaluate(() => document.activeElement.closest("td").dataset.testid), "dm-cell-prisoners-kyiv");
    // Every cell opens its detail, by keyboard as by mouse.
    const cells = await page.$$eval(".dm-cell button", (b) => b.length);
    assert.equal(cells, 42);
    await page.focus('[data-testid="dm-cell-nato-west"] button');
    await page.keyboard.press("Enter");
    await page.waitForSelector('[data-testid="dm-detail-row-nato"]');
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });

  test("the default density is unchanged: summaries in the cells, no explainer in the detail", async () => {
    const page = await open("/index.html?density=wide", { viewport: { width: 1280, height: 800 } });
    assert.equal(await page.getAttribute("[data-demands-matrix]", "data-density"), null);
    assert.ok(await page.isVisible('[data-testid="dm-cell-prisoners-kyiv"] .dm-cell__summary'));
    await page.click('[data-testid="dm-cell-prisoners-kyiv"] button');
    await page.waitForSelector('[data-testid="dm-detail"]');
    assert.equal(await page.isVisible(".dm-detail__explainer"), false);
    assert.ok((await page.evaluate(tableBottom)) > 2000);
    await page.context().close();
  });

  test("a compact page hydrates its prerendered default markup, compact from the first paint", async () => {
    for (const file of ["index.html", "view-kyiv.html"]) {
      const page = await openPage(site.browser, { viewport: { width: 1280, height: 800 }, javaScriptEnabled: true });
      const warnings = [];
      page.on("console", (msg) => msg.type() === "warning" && warnings.push(msg.text()));
      // Hold the WebAssembly back, to see the page before it runs.
      let release;
      const held = new Promise((resolve) => (release = resolve));
      await page.route(/_bg\.wasm$/, async (route) => {
        await held;
        await route.continue();
      });
      await page.goto(`${site.url}/${file}?density=compact`);
      await page.waitForSelector("[data-demands-matrix][data-density=compact]");
      const before = await page.evaluate(() => {
        window.firstCell = document.querySelector('[data-testid="dm-cell-prisoners-kyiv"]');
        return getComputedStyle(window.firstCell.querySelector(".dm-cell__summary")).display;
      });
      assert.equal(before, "none", `${file}: compact before the WebAssembly`);
      // A tab link before the WebAssembly keeps the density (the loader carries the query).
      assert.match(await page.getAttribute('[data-testid="dm-tab-moscow"]', "href"), /density=compact/);
      release();
      await waitForWidget(page);
      const after = await page.evaluate(() => ({
        kept: window.firstCell === document.querySelector('[data-testid="dm-cell-prisoners-kyiv"]'),
        density: document.querySelector("[data-demands-matrix]").dataset.density,
        buttons: document.querySelectorAll(".dm-cell button").length,
      }));
      assert.deepEqual(after, { kept: true, density: "compact", buttons: 42 }, file);
      assert.deepEqual(warnings, [], `${file}: hydrated, not rendered afresh`);
      assert.deepEqual(page.errors, []);
      await page.context().close();
    }
  });

  test("a direct embed takes data-density (or density) from its element; others stay default", async () => {
    const page = await openPage(site.browser, { viewport: { width: 1280, height: 900 } });
    await page.goto(`${site.url}/hosts/blank.html`);
    await page.evaluate(() => {
      const main = document.querySelector("main");
      main.insertAdjacentHTML(
        "beforeend",
        '<div id="compact-div" data-demands-matrix data-density="compact"></div><demands-matrix id="compact-el" density="compact"></demands-matrix><div id="odd" data-demands-matrix data-density="tiny"></div>',
      );
    });
    const summaryDisplay = (id) =>
      page.waitForFunction((id) => {
        const root = document.getElementById(id).shadowRoot?.querySelector('[data-testid="dm-root"][data-interactive]');
        return root && getComputedStyle(root.querySelector(".dm-cell__summary")).display;
      }, id, { timeout: 15000 }).then((handle) => handle.jsonValue());
    assert.equal(await summaryDisplay("compact-div"), "none");
    assert.equal(await summaryDisplay("compact-el"), "none");
    assert.equal(await summaryDisplay("odd"), "block");
    assert.equal(await summaryDisplay("light"), "block");
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });

  test("the host script passes a placeholder's data-density to the frame as ?density=", async () => {
    const page = await openPage(site.browser, { viewport: { width: 1280, height: 900 } });
    // The placeholder gets its attribute as it is parsed, before the host script runs.
    await page.addInitScript(() => {
      new MutationObserver(() => document.getElementById("holder")?.setAttribute("data-density", "compact")).observe(document, {
        childList: true,
        subtree: true,
      });
    });
    await page.goto(`${site.url}/hosts/host-script.html?widget=${encodeURIComponent(`${site.url}/index.html`)}`);
    const frameEl = await page.waitForSelector("iframe[src*='index.html']");
    assert.match(await frameEl.getAttribute("src"), /[?&]density=compact/);
    await frameEl.scrollIntoViewIfNeeded();
    const frame = await frameEl.contentFrame();
    await waitForWidget(frame);
    assert.equal(await frame.getAttribute("[data-demands-matrix]", "data-density"), "compact");
    await page.context().close();
  });

  for (const colorScheme of ["light", "dark"]) {
    test(`axe-core finds no violation in either density, ${colorScheme}, 320 and 1280 px`, async () => {
      const found = [];
      for (const density of DENSITIES) {
        for (const width of [320, 1280]) {
          const page = await open(`/index.html?theme=auto&${query(density)}`, { viewport: { width, height: 800 }, colorScheme });
          for (const view of VIEWS) {
            await page.click(`[data-testid="dm-tab-${view}"]`);
            await page.waitForSelector(`[data-testid="dm-root"][data-view="${view}"]`);
            found.push(...(await axeViolations(page)).map((v) => `${density} ${width}px ${view}: ${v}`));
          }
          await page.click('[data-testid="dm-cell-prisoners-kyiv"] button');
          await page.waitForSelector('[data-testid="dm-detail"]');
          found.push(...(await axeViolations(page)).map((v) => `${density} ${width}px detail: ${v}`));
          await page.screenshot({ path: `${SHOTS}/density-${density}-${width}-${colorScheme}.png`, fullPage: width === 1280 });
          await page.context().close();
          for (const src of Object.values(MANY)) {
            const many = await open(`/index.html?theme=auto&src=${src}&${query(density)}`, { viewport: { width, height: 800 }, colorScheme });
            await many.focus(".dm-tabs__tab[tabindex='0']");
            await many.keyboard.press("End");
            found.push(...(await axeViolations(many)).map((v) => `${density} ${width}px ${src}: ${v}`));
            await many.context().close();
          }
        }
      }
      assert.deepEqual(found, []);
    });
  }
});

describe("Firefox ESR", () => {
  const axe = firefoxViolations;
  const live = () => !!document.querySelector('[data-testid="dm-root"][data-interactive]');

  /** Runs `fn(arg)` inside the test frame (same origin), as `ff.eval` runs it in the page. */
  const inFrame = (ff, fn, arg) =>
    ff.eval((src, a) => document.querySelector("iframe").contentWindow.eval(`(${src})`)(a), String(fn), arg ?? null);

  test("both densities: one tab row at 320 px, End in view, compact fits 1280 × 800, axe finds nothing", async () => {
    await withFirefox({}, async (ff) => {
      const found = [];
      await ff.size(1280, 800);
      for (const density of DENSITIES) {
        for (const src of Object.values(MANY)) {
          // Firefox's window does not get narrower than about 450 px: the page goes in a frame
          // 320 px wide, on a document of the same origin (the server's plain-text "not found").
          await ff.goto(`${site.url}/not-a-page`);
          await ff.eval((url) => {
            document.body.innerHTML = "";
            const frame = document.body.appendChild(document.createElement("iframe"));
            frame.style.cssText = "width:320px;height:700px;border:0";
            frame.src = url;
          }, `${site.url}/index.html?src=${src}&${query(density)}`);
          await ff.until(() => document.querySelector("iframe").contentDocument?.querySelector('[data-testid="dm-root"][data-interactive]'));
          const row = await inFrame(ff, tabRow);
          assert.equal(row.tops.length, 1, `${density} ${src}: tabs on ${row.tops.length} lines`);
          assert.ok(row.pageWidth <= 320, `${density} ${src}: the page is ${row.pageWidth}px wide`);
          // End on the focused tab (a synthetic key: WebDriver's keys go to the top document).
          await inFrame(ff, () => {
            const tab = document.querySelector(".dm-tabs__tab[tabindex='0']");
            tab.focus();
            tab.dispatchEvent(new KeyboardEvent("keydown", { key: "End", bubbles: true }));
          });
          await new Promise((ok) => setTimeout(ok, 300));
          const last = await inFrame(ff, focusedTabInView);
          assert.equal(last.selected, "true");
          assert.ok(last.inView, `${density} ${src}: ${last.id} is scrolled out of view`);
          found.push(
            ...(await inFrame(
              ff,
              ([source, options]) => {
                if (!window.axe) (0, eval)(source);
                return window.axe
                  .run(document, options)
                  .then((r) => r.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(" ")}`)));
              },
              [AXE_SOURCE, AXE_OPTIONS],
            )).map((v) => `${density} 320px ${src}: ${v}`),
          );
        }
        await ff.goto(`${site.url}/index.html?${query(density)}`);
        await ff.until(live);
        for (const view of VIEWS) {
          await ff.eval((v) => document.querySelector(`[data-testid="dm-tab-${v}"]`).click(), view);
          await ff.until((v) => document.querySelector(`[data-testid="dm-root"][data-view="${v}"]`), view);
          found.push(...(await axe(ff)).map((v) => `${density} 1280px ${view}: ${v}`));
          if (density === "compact") {
            const bottom = await ff.eval(tableBottom);
            assert.ok(bottom <= 800, `Firefox, ${view}: the compact table ends at ${bottom}px`);
          }
        }
        await ff.eval(() => document.querySelector('[data-testid="dm-cell-prisoners-kyiv"] button').click());
        await ff.until(() => document.querySelector('[data-testid="dm-detail"]'));
        found.push(...(await axe(ff)).map((v) => `${density} 1280px detail: ${v}`));
      }
      assert.deepEqual(found, []);
    });
  });
});
