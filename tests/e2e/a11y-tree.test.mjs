//! Accessibility beyond axe, in Chromium: what the accessibility tree says (Playwright's
//! ariaSnapshot and CDP's Accessibility.getFullAXTree), not only what the markup holds. Names
//! and roles of tabs, cells, row and group headers, quote toggles and the live region; what a screen reader hears on
//! opening a cell, the table's heading and words' case; no
//! control before the WebAssembly runs; Space on a tab; heading levels on the standalone page
//! and in an article; the selected tab in forced colours; an opened detail at 400 % zoom; the
//! skip link inside an iframe (skipping, then Tab, reaches the host page's next control). Screenshots land in test-results/screenshots/a11y-tree-*.png.
import { before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { openPage, siteWithBrowser, waitForWidget } from "./browser.mjs";

const DIST = process.env.DIST ?? "dist";
const SHOTS = process.env.SCREENSHOTS ?? "test-results/screenshots";
const site = siteWithBrowser({ "/": DIST });

before(() => mkdirSync(SHOTS, { recursive: true }));

const byTestId = (id) => `[data-testid="${id}"]`;

/** Every node of the page's accessibility tree that is not ignored: { role, name, level, … }. */
async function axTree(page) {
  const cdp = await page.context().newCDPSession(page);
  const { nodes } = await cdp.send("Accessibility.getFullAXTree");
  await cdp.detach();
  return nodes
    .filter((n) => !n.ignored)
    .map((n) => {
      const node = { role: n.role?.value, name: n.name?.value ?? "" };
      for (const p of n.properties ?? []) node[p.name] = p.value?.value;
      return node;
    });
}

/** The accessible name of the element `selector` finds, from the accessibility tree. */
async function axName(page, selector) {
  const cdp = await page.context().newCDPSession(page);
  const { root } = await cdp.send("DOM.getDocument", { depth: 0 });
  const { nodeId } = await cdp.send("DOM.querySelector", { nodeId: root.nodeId, selector });
  const { nodes } = await cdp.send("Accessibility.getPartialAXTree", { nodeId, fetchRelatives: false });
  await cdp.detach();
  return { role: nodes[0].role?.value, name: nodes[0].name?.value ?? "", description: nodes[0].description?.value };
}

const squash = (text) => text.replace(/\s+/g, " ").trim();

async function livePage(options = {}, path = "/") {
  const page = await openPage(site.browser, { viewport: { width: 1280, height: 900 }, ...options });
  await page.goto(site.url + path);
  await waitForWidget(page);
  return page;
}

describe("before the WebAssembly runs, nothing promises what it cannot do", () => {
  test("cells are text and the view switch is links in a navigation, until the widget is live", async () => {
    const page = await openPage(site.browser, { viewport: { width: 1280, height: 900 } });
    await page.route(/\.wasm$/, (route) => route.abort());
    await page.goto(site.url + "/view-kyiv.html");
    const tabs = await page.locator(byTestId("dm-tabs")).ariaSnapshot();
    assert.match(tabs, /^- navigation "Whose view to show":/);
    assert.match(tabs, /- link "Kyiv"/);
    assert.doesNotMatch(tabs, /tab/);
    assert.equal(await page.getAttribute(byTestId("dm-tab-kyiv"), "aria-current"), "page");
    assert.equal(await page.locator("[aria-expanded], button").count(), 0, "no button, no aria-expanded");
    const buttons = (await axTree(page)).filter((n) => n.role === "button");
    assert.deepEqual(buttons, [], "no button in the accessibility tree");
    // Arrow keys were promised by role=tab; now they are not, and Tab walks the links.
    await page.keyboard.press("Tab");
    await page.keyboard.press("Tab");
    assert.equal(await page.evaluate(() => document.activeElement.dataset.testid), "dm-tab-kyiv");
    await page.context().close();
  });

  test("once live, the same nodes are tabs and buttons; a link focused before stays focused", async () => {
    const page = await openPage(site.browser, { viewport: { width: 1280, height: 900 } });
    // Hold the WebAssembly until a link has focus, then let it run.
    let release;
    const held = new Promise((ok) => (release = ok));
    await page.route(/\.wasm$/, async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(site.url + "/");
    await page.focus(byTestId("dm-tab-moscow"));
    const tab = await page.$(byTestId("dm-tab-moscow"));
    release();
    await waitForWidget(page);
    assert.equal(await page.evaluate((t) => t.isConnected && document.activeElement === t, tab), true);
    const tabs = await page.locator(byTestId("dm-tabs")).ariaSnapshot();
    assert.match(tabs, /^- tablist "Whose view to show":/);
    assert.match(tabs, /- tab "All sides" \[selected\]/);
    assert.equal(await page.locator("button.dm-cell__button:not([aria-expanded])").count(), 42);
    await page.context().close();
  });
});

describe("names and roles in Chromium's accessibility tree", () => {
  test("Space and Enter select a focused tab, and Space does not scroll the page", async () => {
    const page = await livePage({ viewport: { width: 1280, height: 500 } });
    await page.focus(byTestId("dm-tab-kyiv"));
    await page.keyboard.press("Space");
    await page.waitForSelector(`${byTestId("dm-root")}[data-view="kyiv"]`);
    assert.equal(await page.evaluate(() => scrollY), 0, "Space did not scroll");
    await page.focus(byTestId("dm-tab-moscow"));
    await page.keyboard.press("Enter");
    await page.waitForSelector(`${byTestId("dm-root")}[data-view="moscow"]`);
    assert.equal(await page.evaluate(() => scrollY), 0);
    await page.context().close();
  });

  test("a cell button's name holds its visible words in order, with side and issue before them", async () => {
    const page = await livePage({}, "/view-kyiv.html");
    const name = await axName(page, `${byTestId("dm-cell-ceasefire-kyiv")} button`);
    assert.equal(name.role, "button");
    assert.equal(name.name, "Kyiv on Full and unconditional ceasefire: Demands No. 1");
    // Every cell: the visible text (case aside: CSS upper-cases the stance) is in the name.
    const cells = await page.$$eval(".dm-cell__button", (buttons) => buttons.map((b) => b.id));
    assert.equal(cells.length, 42);
    for (const id of cells) {
      const { name } = await axName(page, `#${id}`);
      const visible = squash(await page.innerText(`#${id}`)).toLowerCase();
      assert.ok(name.toLowerCase().includes(visible), `${name} holds "${visible}"`);
      assert.doesNotMatch(name, / [,.:;]/, `no stray space before punctuation: ${name}`);
    }
    await page.context().close();
  });

  test("row headers are named by their content: the title, a full stop, the explainer; group rows head rows, not columns", async () => {
    const page = await livePage({}, "/view-kyiv.html");
    const tree = await axTree(page);
    const rowHeaders = tree.filter((n) => n.role === "rowheader").map((n) => n.name.replace(/\s+/g, " ").trim());
    // What Orca reads in browse mode is the content: a header named by aria-labelledby was
    // silent there ("row header."), docs/screen-reader.md.
    const ceasefire = rowHeaders.find((name) => name.startsWith("Full and unconditional ceasefire"));
    assert.match(ceasefire ?? "", /^Full and unconditional ceasefire\. A halt to the fighting with no conditions attached, which Kyiv wants before any talks on a long-term settlement\.$/);
    assert.equal(await page.locator(".dm-row__issue[aria-labelledby], .dm-row__issue[aria-label]").count(), 0);
    const groups = await page.$$eval(".dm-matrix__group-head th", (ths) => ths.map((th) => th.textContent));
    assert.ok(groups.length >= 2);
    // (Small capitals by CSS; "words cased by CSS" below holds the case.)
    const lower = rowHeaders.map((name) => name.toLowerCase());
    for (const group of groups) assert.ok(lower.includes(group.toLowerCase()), `group "${group}" is a row header`);
    const columnHeaders = tree.filter((n) => n.role === "columnheader").map((n) => n.name);
    assert.deepEqual(columnHeaders, ["Issue", "Kyiv (this view)", "Moscow", "Western allies"]);
    await page.context().close();
  });

  test("each quote toggle has a name of its own, starting with its visible label", async () => {
    const page = await livePage();
    const toggles = (await axTree(page)).filter((n) => n.role === "DisclosureTriangle").map((n) => n.name);
    assert.ok(toggles.length >= 4, toggles.join(" | "));
    assert.equal(new Set(toggles).size, toggles.length, toggles.join(" | "));
    for (const name of toggles) assert.match(name, /^Quote from \S.* on \S/);
    await page.context().close();
  });

  test("the live region reads naturally for every view title; no name has a stray space", async () => {
    const page = await livePage();
    const said = [];
    for (const view of ["kyiv", "west", "all"]) {
      await page.click(byTestId(`dm-tab-${view}`));
      await page.waitForSelector(`${byTestId("dm-root")}[data-view="${view}"]`);
      said.push(await page.textContent(byTestId("dm-announce")));
    }
    assert.deepEqual(said, ["Now showing: Kyiv’s view", "Now showing: The Western view", "Now showing: All sides"]);
    await page.click(byTestId("dm-tab-kyiv"));
    await page.click(`${byTestId("dm-cell-ceasefire-kyiv")} button`);
    await page.waitForSelector(byTestId("dm-detail"));
    const names = (await axTree(page)).map((n) => n.name).filter(Boolean);
    assert.deepEqual(names.filter((n) => / [,.:;]/.test(n)), [], "no space before punctuation");
    const detail = squash(await page.innerText(`${byTestId("dm-detail")} .dm-detail__stance`));
    assert.doesNotMatch(detail, /demands?\s+demand/i, `no repetition: ${detail}`);
    await page.context().close();
  });
});

describe("what a screen reader hears (docs/screen-reader.md)", () => {
  test("opening a cell lands on its detail, whose description is its stance, summary and quote: heard at once", async () => {
    const page = await livePage();
    // A cell whose position has a quote.
    const cell = await page.$eval(".dm-cell__more-label", (label) => label.closest("td").dataset.testid);
    await page.focus(`${byTestId(cell)} button`);
    await page.keyboard.press("Enter");
    await page.waitForFunction(() => document.activeElement?.dataset.testid === "dm-detail");
    const detail = await axName(page, byTestId("dm-detail"));
    assert.equal(detail.role, "region");
    assert.match(detail.name, /^\S.* on \S/);
    const said = squash(detail.description ?? "");
    for (const part of [".dm-detail__stance", ".dm-detail__summary", ".dm-detail__quote"]) {
      const words = squash(await page.innerText(`${byTestId("dm-detail")} ${part}`));
      assert.ok(words && said.toLowerCase().includes(words.toLowerCase()), `"${words}" in the description: ${said}`);
    }
    // Not the sources: those are read on, after.
    assert.doesNotMatch(said, /Source:/);
    await page.context().close();
  });

  test("a heading leads to the table, one level below the view's title", async () => {
    const page = await livePage();
    const headings = (await axTree(page)).filter((n) => n.role === "heading").map((n) => [n.level, squash(n.name)]);
    const view = headings.find(([, name]) => name === "All sides")[0];
    const caption = squash(await page.textContent(".dm-matrix__caption"));
    assert.deepEqual(headings.find(([, name]) => name === caption), [view + 1, caption]);
    // The table keeps its caption as its name.
    assert.equal((await axName(page, ".dm-matrix__table")).name, caption);
    await page.context().close();
  });

  test("words cased by CSS reach the tree in their own case, never in capitals", async () => {
    const page = await livePage({}, "/view-kyiv.html");
    const groups = await page.$$eval(".dm-matrix__group-head th", (ths) => ths.map((th) => th.textContent));
    const rowHeaders = (await axTree(page)).filter((n) => n.role === "rowheader").map((n) => squash(n.name));
    for (const group of groups) assert.ok(rowHeaders.includes(group), `"${group}" as written: ${rowHeaders.join(" | ")}`);
    await page.click(`${byTestId("dm-cell-ceasefire-kyiv")} button`);
    await page.waitForSelector(".dm-detail__label");
    const texts = (await axTree(page)).map((n) => n.name).filter((n) => /what the source says/i.test(n));
    assert.ok(texts.length > 0);
    assert.ok(texts.every((n) => n.includes("What the source says")), texts.join(" | "));
    await page.context().close();
  });
});

describe("headings", () => {
  /** Levels of the page's headings in document order, from the accessibility tree. */
  const levels = async (page) =>
    (await axTree(page)).filter((n) => n.role === "heading").map((n) => [n.level, n.name]);

  test("the standalone page: the widget's title is its one h1, and every level nests", async () => {
    const page = await livePage();
    await page.click(`${byTestId("dm-cell-ceasefire-kyiv")} button`);
    await page.waitForSelector(byTestId("dm-detail"));
    const found = await levels(page);
    assert.deepEqual(found.filter(([level]) => level === 1).map(([, name]) => name), [
      await page.textContent(".dm-header__title"),
    ]);
    let previous = 0;
    for (const [level, name] of found) {
      assert.ok(level <= previous + 1, `"${name}" (h${level}) after an h${previous}`);
      previous = level;
    }
    const panel = found.find(([, name]) => name === "All sides")[0];
    const detail = found.find(([, name]) => name.startsWith("Kyiv on"))[0];
    assert.equal(detail, panel + 1, "the detail's heading is one below the view title's");
    await page.context().close();
  });

  test("embedded directly in an article, the widget's title is an h2 under the article's h1", async () => {
    const page = await openPage(site.browser, { viewport: { width: 1280, height: 900 } });
    await page.route(`${site.url}/article.html`, (route) =>
      route.fulfill({
        contentType: "text/html",
        body: `<!doctype html><html lang="en"><title>Article</title><main><h1>An article</h1>
          <p>Text.</p><div data-demands-matrix></div></main>
          <script type="module" src="widget.js"></script></html>`,
      }),
    );
    await page.goto(`${site.url}/article.html`);
    await waitForWidget(page);
    const found = await levels(page);
    assert.deepEqual(found.filter(([level]) => level === 1).map(([, name]) => name), ["An article"]);
    const title = await page.textContent(".dm-header__title");
    assert.deepEqual(found.find(([, name]) => name === title), [2, title], JSON.stringify(found));
    let previous = 0;
    for (const [level, name] of found) {
      assert.ok(level <= previous + 1, `"${name}" (h${level}) after an h${previous}`);
      previous = level;
    }
    await page.context().close();
  });
});

describe("forced colours and zoom, with screenshots for review", () => {
  for (const colorScheme of ["light", "dark"]) {
    test(`the selected tab stands apart in forced colours (${colorScheme})`, async () => {
      const page = await livePage({ forcedColors: "active", colorScheme, viewport: { width: 800, height: 400 } });
      await page.click(byTestId("dm-tab-kyiv"));
      const look = (id) =>
        page.$eval(byTestId(id), (tab) => {
          const style = getComputedStyle(tab);
          return { background: style.backgroundColor, color: style.color, border: style.borderTopWidth };
        });
      const [selected, other] = [await look("dm-tab-kyiv"), await look("dm-tab-moscow")];
      assert.notEqual(selected.background, other.background, "a filled selected tab");
      assert.notEqual(selected.color, other.color);
      assert.equal(selected.border, "2px");
      await page.locator(byTestId("dm-tabs")).screenshot({ path: `${SHOTS}/a11y-tree-forced-colors-${colorScheme}.png` });
      await page.context().close();
    });
  }

  test("at 400 % zoom (320 × 200 px) an opened detail shows its top, with focus on it", async () => {
    const page = await livePage({ viewport: { width: 320, height: 200 } });
    await page.click(`${byTestId("dm-cell-territory-moscow")} button`);
    await page.waitForSelector(byTestId("dm-detail"));
    await page.waitForFunction(() => document.activeElement?.dataset.testid === "dm-detail");
    await page.waitForTimeout(100);
    const box = await page.$eval(byTestId("dm-detail"), (d) => {
      const r = d.getBoundingClientRect();
      return { top: r.top, height: r.height };
    });
    assert.ok(box.height > 200, `the detail is taller than the window (${box.height} px)`);
    assert.ok(box.top >= -1 && box.top < 10, `its top is at the window's top, not above it (${box.top} px)`);
    await page.screenshot({ path: `${SHOTS}/a11y-tree-zoom-400-detail.png` });
    await page.context().close();
  });
});

describe("the skip link inside an iframe", () => {
  test("skipping the table, then Tab, leaves the widget for the host page's next control", async () => {
    const page = await openPage(site.browser, { viewport: { width: 1280, height: 900 } });
    await page.route(`${site.url}/host.html`, (route) =>
      route.fulfill({
        contentType: "text/html",
        body: `<!doctype html><html lang="en"><title>Host</title><main><h1>An article</h1>
          <p><a href="#top" id="before">Before the graphic</a></p>
          <iframe src="index.html" title="Demands matrix" style="width:100%;height:1600px;border:0"></iframe>
          <p><a href="#end" id="after">After the graphic</a></p></main></html>`,
      }),
    );
    await page.goto(`${site.url}/host.html`);
    const frame = page.frameLocator("iframe");
    await frame.locator('[data-testid="dm-root"][data-interactive]').waitFor();
    await frame.locator(byTestId("dm-skip")).focus();
    await page.keyboard.press("Enter");
    const inFrame = page.frames()[1];
    assert.equal(await inFrame.evaluate(() => document.activeElement?.dataset.testid), "dm-footer");
    // Chromium restarted the frame's Tab order at the view tabs here, before the footer joined
    // the Tab order while focused.
    await page.keyboard.press("Tab");
    assert.equal(await page.evaluate(() => document.activeElement?.id), "after", "out of the frame, to the host's next link");
    assert.equal(await inFrame.evaluate(() => document.querySelector('[data-testid="dm-footer"]').tabIndex), -1, "out of the Tab order again");
    await page.context().close();
  });
});
