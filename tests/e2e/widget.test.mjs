//! End-to-end tests: the built site (dist/) served on loopback, driven in real Chromium the way
//! readers use it: by mouse, by keyboard only, with another story, with a broken one.
import { before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, readFileSync } from "node:fs";
import { openPage, siteWithBrowser, waitForWidget } from "./browser.mjs";

const DIST = process.env.DIST ?? "dist";
const SHOTS = process.env.SCREENSHOTS ?? "test-results/screenshots";
const VIEWS = ["all", "kyiv", "moscow", "west"];

// A site's click-tracking redirect (`/out?url=…`): a story address must never be followed
// through one.
const routes = {
  "/out": (req, res) => {
    res.writeHead(302, { location: new URL(req.url, "http://x").searchParams.get("url") ?? "/" });
    res.end();
  },
  // A site's upload area: a valid story, served as the text file it was uploaded as.
  "/uploads/story.txt": (req, res) => {
    res.writeHead(200, { "content-type": "text/plain; charset=utf-8" });
    res.end(readFileSync("tests/fixtures/stories/two-sides.json"));
  },
};
const site = siteWithBrowser({ "/": DIST, "/fixtures/": "tests/fixtures/stories" }, { routes });

before(() => mkdirSync(SHOTS, { recursive: true }));

const byTestId = (id) => `[data-testid="${id}"]`;

async function rowIds(page) {
  return page.$$eval('[data-testid^="dm-row-"]', (rows) =>
    rows.map((r) => r.getAttribute("data-testid").replace("dm-row-", "")),
  );
}

/** Column order, and the column the view emphasises (its cells tinted, not just its head). */
async function columns(page) {
  return page.evaluate(() => {
    const heads = [...document.querySelectorAll('[data-testid^="dm-col-"]')];
    const order = heads.map((th) => th.getAttribute("data-testid").replace("dm-col-", ""));
    const row = document.querySelector('[data-testid^="dm-row-"]');
    const plain = getComputedStyle(row).backgroundColor;
    const tinted = [...row.querySelectorAll("td")].map((td, i) => getComputedStyle(td).backgroundColor !== plain && order[i]);
    return { order, focus: tinted.filter(Boolean) };
  });
}

async function open(path = "/", options) {
  const page = await openPage(site.browser, options);
  await page.goto(site.url + path);
  return page;
}

describe("the default story", () => {
  test("opens on all sides with every issue, the summary and no errors", async () => {
    const page = await open();
    await waitForWidget(page);
    assert.equal(await page.getAttribute(byTestId("dm-root"), "data-view"), "all");
    assert.equal((await rowIds(page)).length, 14);
    assert.ok(await page.isVisible(byTestId("dm-summary")));
    const clashes = await page.textContent(byTestId("dm-summary-clash"));
    assert.match(clashes, /Keeping Ukraine out of NATO: Demands: Moscow; Rejects: Kyiv and Western allies\./);
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });

  test("switch every view by mouse", async () => {
    const page = await open();
    await waitForWidget(page);
    const expectations = {
      kyiv: { first: ["ceasefire", "prisoners", "children"], focus: ["kyiv"] },
      moscow: { first: ["nato", "military-limits", "territory"], focus: ["moscow"] },
      west: { first: ["nato", "military-limits", "territory"], focus: ["west"] },
      all: { first: ["ceasefire", "prisoners", "children"], focus: [] },
    };
    for (const view of ["kyiv", "moscow", "west", "all"]) {
      await page.click(byTestId(`dm-tab-${view}`));
      await page.waitForSelector(`${byTestId("dm-root")}[data-view="${view}"]`);
      assert.equal(await page.getAttribute(byTestId(`dm-tab-${view}`), "aria-selected"), "true");
      assert.deepEqual((await rowIds(page)).slice(0, 3), expectations[view].first, view);
      // Columns keep their place in every view; only the emphasis moves.
      assert.deepEqual(await columns(page), { order: ["kyiv", "moscow", "west"], focus: expectations[view].focus }, view);
      assert.equal(await page.isVisible(byTestId("dm-summary")), view === "all");
    }
    assert.match(await page.textContent(byTestId("dm-view-title")), /All sides/);
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });

  test("a view switch keeps every row and cell: rows move, nothing is rebuilt", async () => {
    const page = await open();
    await waitForWidget(page);
    // Remember each row's and cell's DOM node and record every change inside the table body,
    // then switch through every view and back.
    await page.evaluate(() => {
      window.kept = [...document.querySelectorAll('tr[data-testid^="dm-row-"], td[data-testid^="dm-cell-"]')];
      window.changed = new Set();
      new MutationObserver((records) => {
        for (const record of records) {
          const row = (record.target.nodeType === 1 ? record.target : record.target.parentElement).closest(".dm-row");
          if (row) window.changed.add(row.dataset.testid);
        }
      }).observe(document.querySelector('[data-testid="dm-body"]'), { subtree: true, childList: true, attributes: true, characterData: true });
    });
    for (const view of ["kyiv", "moscow", "west", "all"]) {
      await page.click(byTestId(`dm-tab-${view}`));
      await page.waitForSelector(`${byTestId("dm-root")}[data-view="${view}"]`);
    }
    const lost = await page.evaluate(() => window.kept.filter((node) => !node.isConnected).map((node) => node.dataset.testid));
    assert.equal(await page.evaluate(() => window.kept.length), 14 + 14 * 3);
    assert.deepEqual(lost, [], "rows and cells that were replaced");
    // Rows only move (a change of the tbody's children); nothing inside an issue row changes.
    assert.deepEqual(await page.evaluate(() => [...window.changed]), [], "issue rows whose content changed");
    await page.context().close();
  });

  test("switch every view and open a detail by keyboard only", async () => {
    const page = await open();
    await waitForWidget(page);
    const focused = () => page.evaluate(() => document.activeElement?.getAttribute("data-testid") ?? document.activeElement?.id);
    await page.keyboard.press("Tab");
    assert.equal(await focused(), "dm-tab-all", "Tab lands on the selected tab");
    for (const view of ["kyiv", "moscow", "west"]) {
      await page.keyboard.press("ArrowRight");
      assert.equal(await focused(), `dm-tab-${view}`);
      assert.equal(await page.getAttribute(byTestId("dm-root"), "data-view"), view);
    }
    await page.keyboard.press("Home");
    assert.equal(await page.getAttribute(byTestId("dm-root"), "data-view"), "all");
    await page.keyboard.press("End");
    assert.equal(await page.getAttribute(byTestId("dm-root"), "data-view"), "west");
    await page.keyboard.press("ArrowLeft");
    assert.equal(await page.getAttribute(byTestId("dm-root"), "data-view"), "moscow");

    // Tab leaves the tab list for the skip link, then the first cell; Enter opens it, Escape
    // closes it again.
    await page.keyboard.press("Tab");
    assert.equal(await focused(), "dm-skip");
    await page.keyboard.press("Tab");
    const cellButton = await page.evaluate(() => document.activeElement.closest("td")?.getAttribute("data-testid"));
    assert.equal(cellButton, "dm-cell-nato-kyiv", "Moscow's first demand; columns keep the story's order");
    await page.keyboard.press("Enter");
    await page.waitForSelector(byTestId("dm-detail"));
    assert.equal(await focused(), "dm-detail", "focus moves into the detail");
    assert.match(await page.textContent(byTestId("dm-detail")), /Kyiv on Keeping Ukraine out of NATO/);
    await page.keyboard.press("Escape");
    await page.waitForSelector(byTestId("dm-detail"), { state: "detached" });
    assert.equal(
      await page.evaluate(() => document.activeElement.closest("td")?.getAttribute("data-testid")),
      "dm-cell-nato-kyiv",
      "focus returns to the cell",
    );
    // A screen reader's browse mode leaves focus on the page's body as it reads on through a
    // detail (docs/screen-reader.md): Escape from there closes it too, and finds the cell.
    await page.keyboard.press("Enter");
    await page.waitForSelector(byTestId("dm-detail"));
    await page.evaluate(() => document.activeElement.blur());
    assert.equal(await page.evaluate(() => document.activeElement === document.body), true);
    await page.keyboard.press("Escape");
    await page.waitForSelector(byTestId("dm-detail"), { state: "detached" });
    assert.equal(await page.evaluate(() => document.activeElement.closest("td")?.getAttribute("data-testid")), "dm-cell-nato-kyiv");
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });

  test("open a cell's detail with the report's own words", async () => {
    const page = await open();
    await waitForWidget(page);
    await page.click(`${byTestId("dm-cell-leaders-meeting-kyiv")} button`);
    const detail = page.locator(byTestId("dm-detail"));
    await detail.waitFor();
    assert.match(await detail.textContent(), /The key issues can only be resolved by the leaders\./);
    assert.match(await detail.textContent(), /Volodymyr Zelensky/);
    assert.match(await detail.textContent(), /What the source says/);
    assert.match(await page.textContent(byTestId("dm-detail-source")), /^Source: /);
    await page.click(`${byTestId("dm-cell-leaders-meeting-moscow")} button`);
    assert.match(await detail.textContent(), /Kremlin has dismissed the idea of a direct summit/);
    await page.click(byTestId("dm-detail-close"));
    await page.waitForSelector(byTestId("dm-detail"), { state: "detached" });
    await page.context().close();
  });
});

describe("stories from an address", () => {
  test("load a story via ?src= and open it on the view ?view= asks for", async () => {
    const page = await open("/?src=fixtures/two-sides.json&view=south");
    await waitForWidget(page);
    assert.equal(await page.getAttribute(byTestId("dm-root"), "data-view"), "south");
    assert.deepEqual(await rowIds(page), ["border", "water"]);
    assert.match(await page.textContent(".dm-header__title"), /Test story: two sides/);
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });

  test("a broken story shows what is wrong, and where", async () => {
    const page = await open("/?src=fixtures/broken-unknown-ids.json");
    await waitForWidget(page, "error");
    const text = await page.textContent(byTestId("dm-error"));
    assert.match(text, /could not be loaded/);
    assert.match(text, /positions\[0\]\.stance: unknown variant `maybe`/);
    assert.equal(await page.getAttribute(byTestId("dm-error"), "role"), "alert");
    await page.context().close();
  });

  test("a JSON syntax error names its line and column", async () => {
    const page = await open("/?src=fixtures/broken-syntax.json");
    await waitForWidget(page, "error");
    assert.match(await page.textContent(byTestId("dm-error")), /line \d+, column \d+: /);
    await page.context().close();
  });

  test("a missing file shows the server's answer, and Try again tries again", async () => {
    const page = await open("/?src=fixtures/missing.json");
    await waitForWidget(page, "error");
    assert.match(await page.textContent(byTestId("dm-error")), /404/);
    let requests = 0;
    page.on("request", (req) => req.url().endsWith("/fixtures/missing.json") && requests++);
    await page.click(byTestId("dm-retry"));
    await waitForWidget(page, "error");
    await page.waitForTimeout(200);
    assert.equal(requests, 1, "Try again fetches the file once more");
    await page.context().close();
  });

  test("a story on another site is refused", async () => {
    const page = await open("/?src=http://localhost:9/story.json");
    await waitForWidget(page, "error");
    assert.match(await page.textContent(byTestId("dm-error")), /only be loaded from this site/);
    await page.context().close();
  });

  test("a story address that redirects is refused, even to a story of this site", async () => {
    for (const [src, message] of [
      ["/out?url=/fixtures/two-sides.json", /redirects elsewhere/],
      ["/out?url=http://localhost:9/story.json", /redirects elsewhere/],
    ]) {
      const page = await open(`/?src=${encodeURIComponent(src)}`);
      await waitForWidget(page, "error");
      assert.match(await page.textContent(byTestId("dm-error")), message, src);
      assert.equal(await page.$(byTestId("dm-matrix")), null, `${src}: no story is shown`);
      await page.context().close();
    }
  });

  test("a web page or a text file of this site served for a story is refused: a story is JSON", async () => {
    for (const src of ["index.html", "/uploads/story.txt"]) {
      const page = await open(`/?src=${encodeURIComponent(src)}`);
      await waitForWidget(page, "error");
      assert.match(await page.textContent(byTestId("dm-error")), /not a story file \(the server does not send it as JSON\)/, src);
      assert.equal(await page.$(byTestId("dm-matrix")), null, `${src}: no story is shown`);
      await page.context().close();
    }
  });

  test("the error box shows no words taken from the address; the console has the address", async () => {
    const words = "CORRECTION: This graphic has been withdrawn";
    for (const src of [`stories/ ${words}`, `http://localhost:9/${words}`, `http://[${words}`]) {
      const page = await openPage(site.browser);
      const logged = [];
      page.on("console", (msg) => logged.push(msg.text()));
      await page.goto(`${site.url}/?src=${encodeURIComponent(src)}`);
      await waitForWidget(page, "error");
      const shown = await page.textContent(byTestId("dm-root"));
      for (const word of ["CORRECTION", "withdrawn", "graphic has been", "localhost:9"]) {
        assert.ok(!shown.includes(word), `${src}: the box shows "${word}": ${shown}`);
      }
      await page.waitForTimeout(100);
      assert.ok(logged.some((line) => line.includes("demands-matrix:")), `${src}: the console names it: ${logged}`);
      await page.screenshot({ path: `${SHOTS}/error-no-address-${src.length}.png` });
      await page.context().close();
    }
  });
});

describe("screenshots for review", () => {
  for (const width of [375, 1280]) {
    test(`every view at ${width} px`, async () => {
      const page = await open("/", { viewport: { width, height: 900 } });
      await waitForWidget(page);
      for (const view of VIEWS) {
        await page.click(byTestId(`dm-tab-${view}`));
        await page.waitForSelector(`${byTestId("dm-root")}[data-view="${view}"]`);
        await page.screenshot({ path: `${SHOTS}/${view}-${width}.png`, fullPage: true });
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        assert.ok(overflow <= 0, `${view} at ${width}px scrolls sideways by ${overflow}px`);
        // Cards below a 40 rem column, a table above.
        const layout = await page.$eval(".dm-matrix__table", (table) => getComputedStyle(table).display);
        assert.equal(layout, width < 640 ? "block" : "table", `${view} at ${width}px`);
      }
      await page.click(byTestId("dm-tab-kyiv"));
      await page.click(`${byTestId("dm-cell-ceasefire-kyiv")} button`);
      await page.screenshot({ path: `${SHOTS}/kyiv-detail-${width}.png`, fullPage: true });
      await page.context().close();
    });
  }
});
