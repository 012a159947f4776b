//! End-to-end tests of the prerendered pages: the matrix is in the HTML, readable and switchable
//! without script or when the WebAssembly fails, hydrated without a layout shift (its first-paint
//! nodes kept), and rendered afresh when something changed the markup before hydration.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { openPage, siteWithBrowser, waitForWidget } from "./browser.mjs";

const DIST = process.env.DIST ?? "dist";
const STORY = JSON.parse(readFileSync("static/stories/istanbul-2025-06-02.json", "utf8"));

const site = siteWithBrowser({ "/": DIST, "/fixtures/": "tests/fixtures/stories" });

const byTestId = (id) => `[data-testid="${id}"]`;
const rowIds = (page) =>
  page.$$eval('[data-testid^="dm-row-"]', (rows) => rows.map((r) => r.dataset.testid.replace("dm-row-", "")));

describe("prerendered pages", () => {
  test("the built index.html holds the full matrix text", () => {
    const html = readFileSync(`${DIST}/index.html`, "utf8");
    for (const issue of STORY.issues) assert.ok(html.includes(issue.title), `missing ${issue.title}`);
    for (const side of STORY.sides) assert.ok(html.includes(side.name), `missing ${side.name}`);
    for (const p of STORY.positions) {
      if (p.summary) assert.ok(html.includes(p.summary), `missing summary of ${p.side} on ${p.issue}`);
      if (p.quote) assert.ok(html.includes(p.quote.text), `missing quote of ${p.side} on ${p.issue}`);
    }
  });

  test("with JavaScript off the matrix reads and the view tabs still work", async () => {
    const page = await openPage(site.browser, { javaScriptEnabled: false });
    await page.goto(site.url + "/");
    assert.equal((await rowIds(page)).length, STORY.issues.length);
    assert.equal(await page.getAttribute(byTestId("dm-root"), "data-interactive"), null);
    const quote = page.locator(`${byTestId("dm-cell-ceasefire-kyiv")} ${byTestId("dm-cell-quote")}`);
    await quote.locator("summary").click();
    assert.match(await quote.textContent(), /First–– a full and unconditional ceasefire\./);
    assert.match(await page.textContent(byTestId("dm-sources")), /Source:/);
    await page.click(byTestId("dm-tab-kyiv"));
    await page.waitForURL(/view-kyiv\.html$/);
    assert.deepEqual((await rowIds(page)).slice(0, 3), ["ceasefire", "prisoners", "children"]);
    assert.equal(await page.getAttribute(byTestId("dm-root"), "data-view"), "kyiv");
    await page.click(byTestId("dm-tab-all"));
    await page.waitForURL(/index\.html$/);
    await page.context().close();
  });

  test("when the WebAssembly cannot load, the page stays readable and switchable", async () => {
    const page = await openPage(site.browser);
    await page.route("**/*.wasm", (route) => route.abort());
    await page.goto(site.url + "/");
    await page.waitForLoadState("load");
    assert.equal((await rowIds(page)).length, STORY.issues.length);
    assert.equal(await page.getAttribute(byTestId("dm-root"), "data-interactive"), null);
    await page.click(byTestId("dm-tab-west"));
    await page.waitForURL(/view-west\.html$/);
    assert.equal(await page.getAttribute(byTestId("dm-root"), "data-view"), "west");
    await page.context().close();
  });

  test("the WebAssembly takes over without a layout shift, and switches in place", async () => {
    const page = await openPage(site.browser, { viewport: { width: 1280, height: 900 } });
    await page.addInitScript(() => {
      // Setting up a date formatter cost about 90 ms of start-up at 4× CPU: the page brings its
      // date in words, so none is made, at start-up or on a switch.
      window.__dateFormats = 0;
      const Original = Intl.DateTimeFormat;
      Intl.DateTimeFormat = function (...args) {
        window.__dateFormats += 1;
        return new Original(...args);
      };
      window.__shift = 0;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__shift += entry.value;
      }).observe({ type: "layout-shift", buffered: true });
    });
    await page.goto(site.url + "/");
    await page.waitForSelector(`${byTestId("dm-root")}[data-interactive="true"]`);
    await page.waitForTimeout(300);
    assert.equal(await page.evaluate(() => window.__shift), 0, "cumulative layout shift");
    await page.click(byTestId("dm-tab-moscow"));
    await page.waitForSelector(`${byTestId("dm-root")}[data-view="moscow"]`);
    assert.equal(new URL(page.url()).pathname, "/", "switched in place, no navigation");
    assert.equal(await page.evaluate(() => window.__dateFormats), 0, "date formatters set up");
    assert.match(await page.textContent(byTestId("dm-as-of")), /2 June 2025/);
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });

  test("the WebAssembly hydrates the first paint: its nodes stay through a view switch", async () => {
    const page = await openPage(site.browser, { viewport: { width: 1280, height: 900 } });
    // Nodes of the prerendered markup, taken before any script of the widget has run.
    await page.addInitScript(() => {
      document.addEventListener("DOMContentLoaded", () => {
        const q = (id) => document.querySelector(`[data-testid="${id}"]`);
        window.__first = {
          root: q("dm-root"),
          row: q("dm-row-nato"),
          cell: q("dm-cell-nato-moscow"),
          tab: q("dm-tab-moscow"),
          title: q("dm-view-title").firstChild,
        };
      });
    });
    await page.goto(site.url + "/");
    await page.waitForSelector(`${byTestId("dm-root")}[data-interactive="true"]`);
    await page.click(byTestId("dm-tab-moscow"));
    await page.waitForSelector(`${byTestId("dm-root")}[data-view="moscow"]`);
    await page.click(`${byTestId("dm-cell-nato-moscow")} button`);
    await page.waitForSelector(byTestId("dm-detail"));
    const kept = await page.evaluate(() => {
      const q = (id) => document.querySelector(`[data-testid="${id}"]`);
      const first = window.__first;
      return {
        root: first.root === q("dm-root"),
        row: first.row === q("dm-row-nato"),
        cell: first.cell === q("dm-cell-nato-moscow"),
        tab: first.tab === q("dm-tab-moscow"),
        title: first.title === q("dm-view-title").firstChild,
        titleText: first.title.textContent,
        firstRow: document.querySelector('[data-testid^="dm-row-"]').dataset.testid,
      };
    });
    assert.deepEqual(kept, {
      root: true,
      row: true,
      cell: true,
      tab: true,
      title: true,
      titleText: "Moscow’s view",
      firstRow: "dm-row-nato",
    });
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });

  for (const [change, edit] of [
    // What a browser's page translation does: text wrapped in <font> elements.
    ["translated", "const s = q('dm-cell-nato-moscow').querySelector('.dm-cell__summary'); const f = document.createElement('font'); f.append(...s.childNodes); s.append(f);"],
    // What an extension might do: one element swapped for another, the counts unchanged.
    ["with an element swapped", "const t = q('dm-row-nato').querySelector('.dm-row__title'); const b = document.createElement('b'); b.append(...t.childNodes); t.replaceWith(b);"],
    // What a CDN that strips comments does to Yew's component markers.
    ["stripped of comments", "const w = document.createTreeWalker(q('dm-root').parentNode, NodeFilter.SHOW_COMMENT); const c = []; while (w.nextNode()) c.push(w.currentNode); c.forEach((n) => n.remove());"],
  ]) {
    test(`markup ${change} before the WebAssembly starts is rendered afresh, not broken`, async () => {
      const page = await openPage(site.browser);
      const warnings = [];
      page.on("console", (msg) => msg.type() === "warning" && warnings.push(msg.text()));
      await page.addInitScript(`document.addEventListener("DOMContentLoaded", () => {
        const q = (id) => document.querySelector('[data-testid="' + id + '"]');
        ${edit}
        window.__firstRoot = q("dm-root");
      });`);
      await page.goto(site.url + "/");
      await page.waitForSelector(`${byTestId("dm-root")}[data-interactive="true"]`);
      assert.equal((await rowIds(page)).length, STORY.issues.length);
      assert.equal(await page.evaluate(() => window.__firstRoot.isConnected), false, "rendered afresh");
      await page.click(byTestId("dm-tab-moscow"));
      await page.waitForSelector(`${byTestId("dm-root")}[data-view="moscow"]`);
      assert.equal((await rowIds(page))[0], "nato");
      assert.deepEqual(page.errors, []);
      assert.ok(warnings.some((w) => w.includes("rendered afresh")), warnings.join("\n"));
      await page.context().close();
    });
  }

  test("a page asked for another view opens on it once live", async () => {
    const page = await openPage(site.browser);
    await page.goto(site.url + "/?view=moscow");
    await page.waitForSelector(`${byTestId("dm-root")}[data-interactive="true"][data-view="moscow"]`);
    assert.equal((await rowIds(page))[0], "nato");
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });

  test("a story from ?src= replaces the prerendered one", async () => {
    const page = await openPage(site.browser);
    await page.goto(site.url + "/?src=fixtures/two-sides.json");
    await waitForWidget(page);
    assert.deepEqual(await rowIds(page), ["water", "border"]);
    assert.equal(await page.$(byTestId("dm-tab-kyiv")), null);
    await page.context().close();
  });
});

describe("share tags and images", () => {
  /** Width and height from a PNG's header (IHDR). */
  const pngSize = (bytes) => [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
  const list = JSON.parse(readFileSync(`${DIST}/images/images.json`, "utf8"));
  const views = ["all", ...STORY.sides.map((side) => side.id)];

  test("the build wrote a share card and a full image of every view, as listed", () => {
    assert.equal(list.length, views.length * 2);
    for (const view of views) {
      for (const kind of ["card", "full"]) {
        const entry = list.find((e) => e.view === view && e.kind === kind);
        assert.ok(entry, `${kind} of ${view} listed`);
        const png = readFileSync(`${DIST}/images/${entry.png}`);
        assert.deepEqual(pngSize(png), [entry.width, entry.height], entry.png);
        if (kind === "card") assert.deepEqual(pngSize(png), [1200, 630]);
        else assert.equal(entry.width, 2000);
        assert.match(readFileSync(`${DIST}/images/${entry.svg}`, "utf8"), /^<svg xmlns=/);
        assert.match(entry.alt, /^Demands matrix: /);
      }
    }
  });

  test("every page's share tags name its view's card, which the site serves at that size", async () => {
    const page = await openPage(site.browser, { javaScriptEnabled: false });
    for (const view of views) {
      const file = view === "all" ? "index.html" : `view-${view}.html`;
      await page.goto(`${site.url}/${file}`);
      const pairs = await page.$$eval("head meta[property], head meta[name]", (metas) =>
        metas.map((m) => [m.getAttribute("property") ?? m.getAttribute("name"), m.content]),
      );
      const names = pairs.map(([name]) => name);
      assert.equal(new Set(names).size, names.length, `a tag twice in ${file}: ${names.join(", ")}`);
      const tags = Object.fromEntries(pairs);
      const card = list.find((e) => e.view === view && e.kind === "card");
      assert.equal(tags["twitter:card"], "summary_large_image", file);
      assert.ok(tags["og:title"].startsWith(STORY.title), tags["og:title"]);
      // The page's own description, repeated (it compresses to nothing next to the first copy).
      assert.equal(tags["og:description"], tags["description"]);
      assert.match(tags["og:description"], /Istanbul/);
      // No DM_PUBLIC_URL in this build: addresses are relative to the page (docs/images.md).
      assert.equal(tags["og:url"], file);
      assert.equal(tags["og:image"], `images/${card.png}`);
      assert.equal(tags["og:image:alt"], card.alt);
      const served = await fetch(new URL(tags["og:image"], `${site.url}/${file}`));
      assert.equal(served.status, 200);
      assert.equal(served.headers.get("content-type"), "image/png");
      const size = pngSize(Buffer.from(await served.arrayBuffer()));
      assert.deepEqual(size, [Number(tags["og:image:width"]), Number(tags["og:image:height"])]);
    }
    await page.context().close();
  });
});
