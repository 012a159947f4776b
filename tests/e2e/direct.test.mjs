//! End-to-end tests of direct embeds (widget.js): shadow-root isolation against a real CMS theme
//! (identical to a blank page, in both themes, at 375 and 1280 px), a hostile stylesheet, two
//! widgets with events, graphics added after load and the custom element, content before and
//! without the WebAssembly, blocked files and missing CORS, a panic. Screenshots for review.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { serve } from "./server.mjs";
import { armPanic, expectHeightFollows, launch, openPage } from "./browser.mjs";

const DIST = process.env.DIST ?? "dist";
const SHOTS = process.env.SCREENSHOTS ?? "test-results/screenshots";
const byTestId = (id) => `[data-testid="${id}"]`;
let newsSite; // host pages with a same-origin copy of the widget under /widget/
let widgetSite; // the widget on its own origin, with CORS on every file
let widgetOnlyCors; // the widget on another origin, with CORS on widget.js alone
let browser;

before(async () => {
  newsSite = await serve({ "/hosts/": "tests/hosts", "/widget/": DIST, "/fixtures/": "tests/fixtures/stories" });
  widgetSite = await serve({ "/widget/": DIST }, { headers: { "access-control-allow-origin": "*" } });
  widgetOnlyCors = await serve(
    { "/widget/": DIST },
    { headers: (path) => (path.endsWith("/widget.js") ? { "access-control-allow-origin": "*" } : {}) },
  );
  browser = await launch();
  mkdirSync(SHOTS, { recursive: true });
});

after(async () => {
  await browser?.close();
  for (const site of [newsSite, widgetSite, widgetOnlyCors]) await site?.close();
});

/** A host page, with widget.js taken from `widget` (an origin; cms.html only) when given. */
async function openHost(path, { widget, viewport = { width: 1280, height: 900 }, block } = {}) {
  const page = await openPage(browser, { viewport });
  page.uncaught = [];
  page.on("pageerror", (err) => page.uncaught.push(String(err)));
  if (block) await page.route(block, (route) => route.abort());
  // Not a rewritten response: Chromium treats a fulfilled document as public, and refuses it
  // loopback addresses; cms.html takes widget.js's origin from its address instead.
  await page.goto(`${newsSite.url}/hosts/${path}${widget ? `?widget=${encodeURIComponent(widget)}` : ""}`);
  return page;
}

const live = (host) => `#${host} ${byTestId("dm-root")}[data-interactive]`;

/** What a reader sees of the widget in host `id`: sizes, type and colours of its main parts. */
function looks(page, id) {
  return page.evaluate((id) => {
    const shadow = document.getElementById(id).shadowRoot;
    const parts = {
      root: '[data-testid="dm-root"]',
      title: ".dm-header__title",
      tab: '[role="tab"]',
      selectedTab: '[role="tab"][aria-selected="true"]',
      rowHeader: "tbody th",
      cell: "tbody td",
      summary: "tbody td p",
      legend: '[data-testid="dm-legend"] li',
      footer: "footer",
      link: "footer a",
    };
    const out = {};
    for (const [name, selector] of Object.entries(parts)) {
      const el = shadow.querySelector(selector);
      if (!el) {
        out[name] = "missing";
        continue;
      }
      const s = getComputedStyle(el);
      const box = el.getBoundingClientRect();
      out[name] = {
        width: Math.round(box.width),
        height: Math.round(box.height),
        font: `${s.fontSize} ${s.lineHeight} ${s.fontFamily} ${s.fontWeight}`,
        color: s.color,
        background: s.backgroundColor,
        border: `${s.borderTopWidth} ${s.borderTopStyle} ${s.borderTopColor}`,
        spacing: `${s.margin} | ${s.padding} | ${s.letterSpacing} ${s.wordSpacing}`,
        list: s.listStyleType,
        align: s.textAlign,
      };
    }
    return out;
  }, id);
}

describe("direct embeds in a CMS article", () => {
  for (const width of [375, 1280]) {
    test(`at ${width} px, the CMS theme changes nothing in either theme`, async () => {
      const viewport = { width, height: 900 };
      const blank = await openHost("blank.html", { viewport });
      const cms = await openHost("cms.html", { viewport });
      for (const page of [blank, cms]) {
        await page.locator(live("light")).waitFor();
        await page.locator(live("dark")).waitFor();
      }
      for (const id of ["light", "dark"]) {
        const expected = await looks(blank, id);
        assert.deepEqual(await looks(cms, id), expected, `${id} widget at ${width} px`);
      }
      // The dark widget is dark and its title readable; the light one is light.
      const dark = await looks(cms, "dark");
      assert.equal(dark.root.background, "rgb(22, 22, 22)");
      assert.notEqual(dark.title.color, "rgb(18, 18, 18)");
      assert.equal((await looks(cms, "light")).root.background, "rgb(255, 255, 255)");
      // The widget's styles do not leak out either.
      assert.equal(await cms.$eval("#host-button", (b) => getComputedStyle(b).backgroundColor), "rgb(18, 18, 18)");
      for (const [name, page] of [["blank", blank], ["cms", cms]]) {
        await page.screenshot({ path: `${SHOTS}/direct-${name}-${width}.png`, fullPage: true });
        assert.deepEqual(page.uncaught, []);
        assert.deepEqual(page.errors, []);
        await page.context().close();
      }
    });
  }

  test("tabs, cells and the skip link work inside the shadow root, by mouse and keyboard", async () => {
    const page = await openHost("cms.html");
    await page.locator(live("light")).waitFor();
    await page.click(`#light ${byTestId("dm-tab-moscow")}`);
    await page.locator(`#light ${byTestId("dm-root")}[data-view="moscow"]`).waitFor();
    await page.keyboard.press("ArrowRight");
    await page.locator(`#light ${byTestId("dm-root")}[data-view="west"]`).waitFor();
    const focused = await page.evaluate(() => document.getElementById("light").shadowRoot.activeElement?.dataset.testid);
    assert.equal(focused, "dm-tab-west", "focus follows the arrow key inside the shadow root");
    await page.click(`#light ${byTestId("dm-cell-nato-moscow")} button`);
    const detail = await page.evaluate(() => document.getElementById("light").shadowRoot.activeElement?.getAttribute("role"));
    assert.equal(detail, "region", "an opened detail takes focus");
    // Escape with focus left on the article's body (a screen reader's browse mode) closes it.
    await page.evaluate(() => document.getElementById("light").shadowRoot.activeElement.blur());
    await page.keyboard.press("Escape");
    await page.waitForFunction(() => !document.getElementById("light").shadowRoot.querySelector(".dm-detail"));
    const back = await page.evaluate(() => document.getElementById("light").shadowRoot.activeElement?.closest("td")?.dataset.testid);
    assert.equal(back, "dm-cell-nato-moscow", "focus back on its cell");
    await page.click(`#light ${byTestId("dm-cell-nato-moscow")} button`);
    assert.equal(new URL(page.url()).pathname, "/hosts/cms.html", "nothing navigated");
    // Inside an article, under its h1: the widget's title is an h2 and the page keeps one h1.
    const headings = await page.evaluate(() => {
      const shadow = document.getElementById("light").shadowRoot;
      return [shadow.querySelector(".dm-header__title").localName, shadow.querySelectorAll("h1").length];
    });
    assert.deepEqual(headings, ["h2", 0]);
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });
});

describe("what widget.js brings", () => {
  test("the story's strings and its date in words: no locale request, no date formatter", async () => {
    const page = await openPage(browser, { viewport: { width: 1280, height: 900 } });
    await page.addInitScript(() => {
      // Setting up a date formatter cost about 90 ms of start-up at 4× CPU (docs/loading.md).
      window.__dateFormats = 0;
      const Original = Intl.DateTimeFormat;
      Intl.DateTimeFormat = function (...args) {
        window.__dateFormats += 1;
        return new Original(...args);
      };
    });
    const asked = [];
    page.on("request", (request) => asked.push(new URL(request.url()).pathname));
    await page.goto(`${newsSite.url}/hosts/cms.html`);
    await page.locator(live("light")).waitFor();
    await page.click(`#light ${byTestId("dm-tab-kyiv")}`);
    await page.locator(`#light ${byTestId("dm-root")}[data-view="kyiv"]`).waitFor();
    // widget.js hands its story and strings to the WebAssembly itself: the article's document
    // gets no elements of ours (another story's widget.js on the page carries its own).
    assert.deepEqual(await page.evaluate(() => [document.getElementById("dm-story"), document.getElementById("dm-strings")]), [null, null]);
    assert.match(await page.textContent(`#light ${byTestId("dm-as-of")}`), /2 June 2025/);
    assert.equal(await page.evaluate(() => window.__dateFormats), 0, "date formatters set up");
    assert.deepEqual(asked.filter((path) => path.includes("/locales/")), [], "no locale fetched");
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });
});

describe("two direct widgets under a hostile stylesheet", () => {
  test("they switch independently and send events to the host page", async () => {
    const page = await openPage(browser, { viewport: { width: 1280, height: 900 } });
    await page.addInitScript(() => {
      window.__events = [];
      for (const name of ["dm:viewchange", "dm:cellopen"]) {
        document.addEventListener(name, (e) => window.__events.push({ name, target: e.target.id, ...e.detail }));
      }
    });
    await page.goto(`${newsSite.url}/hosts/direct.html`);
    const first = page.locator(live("first"));
    const second = page.locator(live("second"));
    await first.waitFor();
    await second.waitFor();
    assert.equal(await first.getAttribute("data-view"), "kyiv");
    assert.equal(await second.getAttribute("data-view"), "all");
    const ids = [await first.getAttribute("id"), await second.getAttribute("id")];
    assert.equal(new Set(ids).size, 2, `unique ids per widget: ${ids}`);

    await page.click(`#second ${byTestId("dm-tab-south")}`);
    await page.locator(`#second ${byTestId("dm-root")}[data-view="south"]`).waitFor();
    assert.equal(await first.getAttribute("data-view"), "kyiv", "the first widget kept its view");
    await page.click(`#first ${byTestId("dm-cell-ceasefire-kyiv")} button`);
    const events = await page.evaluate(() => window.__events);
    // Composed events leave the shadow root; the host page sees the host element as the target.
    assert.deepEqual(events, [
      { name: "dm:viewchange", target: "second", widget: ids[1], view: "south" },
      { name: "dm:cellopen", target: "first", widget: ids[0], issue: "ceasefire", side: "kyiv" },
    ]);
    const style = (selector, property) => page.locator(selector).first().evaluate((el, p) => getComputedStyle(el)[p], property);
    const tab = `#first ${byTestId("dm-tab-all")}`;
    assert.notEqual(await style(tab, "fontFamily"), '"Comic Sans MS", cursive');
    assert.notEqual(await style(tab, "textTransform"), "uppercase");
    assert.equal(await style(`#first td`, "borderTopStyle"), "none");
    assert.equal(await style(`#first header`, "display"), "block");
    assert.equal(await style(`#first ${byTestId("dm-legend")} li`, "letterSpacing"), "normal");
    assert.equal(await style("#host-button", "fontFamily"), '"Comic Sans MS", cursive');
    assert.equal(await style("#host-text", "textTransform"), "uppercase");
    assert.equal(await style(`#second ${byTestId("dm-root")}`, "backgroundColor"), "rgb(22, 22, 22)");
    assert.equal(await style(`#first ${byTestId("dm-root")}`, "backgroundColor"), "rgb(255, 255, 255)");
    await page.screenshot({ path: `${SHOTS}/host-direct-1280.png`, fullPage: true });
    await page.setViewportSize({ width: 375, height: 900 });
    await page.screenshot({ path: `${SHOTS}/host-direct-375.png`, fullPage: true });
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });

  test("a panic turns every widget into the static message; the host page is untouched", async () => {
    const page = await openHost("direct.html");
    await page.locator(live("first")).waitFor();
    await page.locator(live("second")).waitFor();
    await armPanic(page);
    await page.click(`#second ${byTestId("dm-tab-south")}`);
    for (const host of ["first", "second"]) {
      const crashed = page.locator(`#${host} ${byTestId("dm-root")}[data-state="crashed"]`);
      await crashed.waitFor();
      assert.match(await crashed.textContent(), /Sorry, this graphic stopped working\./);
      // Still styled by the widget's stylesheet: the message is not bare text.
      assert.equal(await page.locator(`#${host} .dm-link`).evaluate((a) => getComputedStyle(a).textDecorationLine), "underline");
    }
    assert.equal(await page.locator('[data-testid^="dm-tab-"]').count(), 0);
    assert.equal(await page.textContent("#host-text"), "The article's own paragraph.");
    assert.equal(page.errors.length, 1, `only the panic itself: ${page.errors}`);
    await page.context().close();
  });
});

describe("graphics added after the page loaded", () => {
  test("a placeholder and a custom element added 5 s after load both mount", async () => {
    const page = await openHost("late.html");
    await page.waitForFunction(() => window.__added, null, { timeout: 15000 });
    await page.locator(live("late")).waitFor();
    await page.locator(live("late-element")).waitFor();
    assert.equal(await page.locator(`#late ${byTestId("dm-root")}`).getAttribute("data-view"), "west");
    assert.equal(await page.locator(`#late-element ${byTestId("dm-root")}`).getAttribute("data-view"), "kyiv");
    await page.click(`#late-element ${byTestId("dm-tab-all")}`);
    await page.locator(`#late-element ${byTestId("dm-root")}[data-view="all"]`).waitFor();
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });
});

describe("never an empty box", () => {
  /** The built-in widget shows the matrix, styled, and its tabs switch the prerendered views. */
  async function readableWithoutProgram(page, host) {
    const root = page.locator(`#${host} ${byTestId("dm-root")}`);
    await page.locator(`#${host} tbody tr`).first().waitFor();
    const height = await page.locator(`#${host}`).evaluate((el) => el.getBoundingClientRect().height);
    assert.ok(height > 800, `the prerendered matrix is there (${height}px)`);
    assert.equal(await page.locator(`#${host} .dm-header__title`).evaluate((el) => getComputedStyle(el).fontWeight), "700");
    await page.click(`#${host} ${byTestId("dm-tab-all")}`);
    await page.locator(`#${host} ${byTestId("dm-root")}[data-view="all"]`).waitFor();
    assert.equal(await root.getAttribute("data-interactive"), null, "switched without the WebAssembly");
  }

  test("with the WebAssembly blocked: the matrix stays, a story from an address says what failed", async () => {
    const page = await openHost("direct.html", { block: "**/*.wasm" });
    await readableWithoutProgram(page, "first");
    const error = page.locator(`#second ${byTestId("dm-root")}[data-state="error"]`);
    await error.waitFor();
    assert.match(await error.textContent(), /could not be loaded.*program could not be downloaded/s);
    assert.equal(await page.locator(`#second [role="alert"]`).count(), 1);
    assert.deepEqual(page.uncaught, [], "no uncaught error");
    await page.context().close();
  });

  test("with CORS on widget.js alone: the matrix stays, styled, and the failure is plain", async () => {
    const page = await openHost("cms.html", { widget: widgetOnlyCors.url });
    await readableWithoutProgram(page, "light");
    await readableWithoutProgram(page, "dark");
    assert.deepEqual(page.uncaught, []);
    await page.context().close();
  });

  test("from another origin with CORS on every file, it runs", async () => {
    const page = await openHost("cms.html", { widget: widgetSite.url });
    await page.locator(live("light")).waitFor();
    await page.locator(live("dark")).waitFor();
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });

  test("a missing story says so in plain words", async () => {
    const page = await openPage(browser);
    await page.goto(`${newsSite.url}/hosts/blank.html`);
    await page.evaluate(() => {
      const host = document.createElement("demands-matrix");
      host.id = "missing";
      host.setAttribute("src", "/fixtures/no-such-story.json");
      document.body.append(host);
    });
    const error = page.locator(`#missing ${byTestId("dm-error")}`);
    await error.waitFor();
    assert.match(await error.textContent(), /could not be loaded.*404/s);
    await page.context().close();
  });
});

describe("never an empty box in an iframe either", () => {
  async function framed(widgetUrl, block) {
    const page = await openPage(browser, { viewport: { width: 1280, height: 900 } });
    if (block) await page.route(block, (route) => route.abort());
    await page.goto(`${newsSite.url}/hosts/host-script.html?widget=${encodeURIComponent(widgetUrl)}`);
    const frameEl = await page.waitForSelector("#holder iframe");
    const frame = await frameEl.contentFrame();
    return { page, frameEl, frame };
  }

  test("with the WebAssembly blocked, the frame shows the matrix at its height", async () => {
    const { page, frameEl, frame } = await framed(`${widgetSite.url}/widget/index.html`, "**/*.wasm");
    await frame.waitForSelector("tbody tr");
    await page.waitForFunction((el) => el.getBoundingClientRect().height > 1000, frameEl);
    await frame.click(byTestId("dm-tab-kyiv"));
    await frame.waitForSelector(`${byTestId("dm-root")}[data-view="kyiv"]`);
    await page.context().close();
  });

  test("a missing story says so in the frame, sized to the message", async () => {
    const { page, frame } = await framed(`${widgetSite.url}/widget/index.html?src=no-such-story.json`);
    const error = await frame.waitForSelector(byTestId("dm-error"));
    assert.match(await error.textContent(), /could not be loaded.*404/s);
    await expectHeightFollows(page, "with the error message");
    await page.context().close();
  });
});
