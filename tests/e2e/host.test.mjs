//! End-to-end tests of embeds in the host pages newsrooms really have (issue 34): an article laid
//! out by a WordPress theme's rules with the widget on another origin, at 375 and 1280 px. The
//! host owns the box (a class that hides, a closed accordion, the theme's column); a page that
//! requires Trusted Types; widgets added and removed 40 times; the host script's late
//! placeholders, forwarded events and a page with <base href>; pym's events; no layout shift
//! with the graphic in view at load, each way; and not one console message on any of those
//! pages. Screenshots for review.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, readFileSync } from "node:fs";
import { createHash } from "node:crypto";
import { join } from "node:path";
import { serve } from "./server.mjs";
import { expectHeightFollows, launch, openPage } from "./browser.mjs";

const DIST = process.env.DIST ?? "dist";
const SHOTS = process.env.SCREENSHOTS ?? "test-results/screenshots";
const byTestId = (id) => `[data-testid="${id}"]`;
const TT = "require-trusted-types-for 'script'; trusted-types host demands-matrix";
let newsSite; // the articles, with a same-origin copy of the widget under /widget/
let trustedSite; // the same, served requiring Trusted Types (the widget's policy allowed)
let strictSite; // the same, requiring Trusted Types without allowing the widget's policy
let widgetSite; // the widget on its own origin, CORS on every file
let browser;

before(async () => {
  const mounts = {
    "/hosts/": "tests/hosts",
    "/widget/": DIST,
    "/fixtures/": "tests/fixtures/stories",
    "/vendor/": "node_modules/pym.js/dist",
  };
  newsSite = await serve(mounts);
  const policy = (csp) => (path) => (path.endsWith(".html") ? { "content-security-policy": csp } : {});
  trustedSite = await serve(mounts, { headers: policy(TT) });
  strictSite = await serve(mounts, { headers: policy("require-trusted-types-for 'script'; trusted-types host") });
  widgetSite = await serve({ "/widget/": DIST, "/": DIST }, { headers: { "access-control-allow-origin": "*" } });
  browser = await launch();
  mkdirSync(SHOTS, { recursive: true });
});

after(async () => {
  await browser?.close();
  for (const site of [newsSite, trustedSite, strictSite, widgetSite]) await site?.close();
});

/** A page that records every console message of the article and its frames in `page.said`. */
async function quietPage(viewport = { width: 1280, height: 900 }) {
  const page = await openPage(browser, { viewport });
  page.said = [];
  page.on("console", (msg) => page.said.push(`${msg.type()}: ${msg.text()}`));
  page.on("pageerror", (err) => page.said.push(`uncaught: ${err}`));
  return page;
}

/** Waits until the direct embed `id` has been taken over by the WebAssembly. */
function interactive(page, id) {
  return page.waitForFunction(
    // A boolean, not the element: a handle to it would keep a removed widget's nodes alive.
    (id) => !!document.getElementById(id)?.shadowRoot?.querySelector('[data-testid="dm-root"][data-interactive]'),
    id,
    { timeout: 20000 },
  );
}

const theme = (site, query = `?widget=${encodeURIComponent(widgetSite.url)}`) => `${site.url}/hosts/theme.html${query}`;

describe("the host page owns the widget's box", () => {
  for (const width of [375, 1280]) {
    test(`a WordPress theme's column, a hiding class and a closed accordion at ${width} px`, async () => {
      const page = await quietPage({ width, height: 900 });
      await page.goto(theme(newsSite));
      for (const id of ["shown", "hidden", "collapsed"]) await interactive(page, id);
      const boxes = await page.evaluate(() => {
        const box = (id) => {
          const r = document.getElementById(id).getBoundingClientRect();
          return { x: Math.round(r.x), width: Math.round(r.width), height: Math.round(r.height) };
        };
        return { text: box("text"), shown: box("shown"), hidden: box("hidden"), collapsed: box("collapsed") };
      });
      // The theme's column rule (58rem, less 4rem on a phone, centred) applies to the element.
      assert.deepEqual({ x: boxes.shown.x, width: boxes.shown.width }, { x: boxes.text.x, width: boxes.text.width });
      assert.ok(boxes.shown.height > 500, `the widget shows: ${JSON.stringify(boxes.shown)}`);
      assert.deepEqual({ width: boxes.hidden.width, height: boxes.hidden.height }, { width: 0, height: 0 }, "display:none by class");
      // The closed panel keeps its place (visibility), and nothing in it shows or takes focus.
      const seen = await page.evaluate(() =>
        [...document.getElementById("collapsed").shadowRoot.querySelectorAll("a, button, [tabindex]")].filter(
          (el) => getComputedStyle(el).visibility !== "hidden",
        ).length,
      );
      assert.equal(seen, 0, "no control of the closed panel is visible");
      await page.focus("#before-panel");
      await page.keyboard.press("Tab");
      assert.equal(await page.evaluate(() => document.activeElement.id), "after-panel", "Tab skips the closed panel");
      await page.screenshot({ path: `${SHOTS}/host-theme-${width}.png`, fullPage: true });

      // Opened, the panel's widget shows and takes focus like any other.
      await page.evaluate(() => delete document.getElementById("panel").dataset.closed);
      await page.focus("#before-panel");
      await page.keyboard.press("Tab");
      assert.equal(await page.evaluate(() => document.activeElement.id), "collapsed", "Tab enters the open panel's widget");
      await page.screenshot({ path: `${SHOTS}/host-theme-open-${width}.png` });
      assert.deepEqual(page.said, []);
      await page.context().close();
    });
  }
});

describe("a sticky site header", () => {
  test("at 375 px, Escape brings focus back to the cell clear of the header (the page's scroll-padding-top)", async () => {
    const page = await quietPage({ width: 375, height: 700 });
    await page.goto(theme(newsSite));
    await interactive(page, "shown");
    const shown = page.locator("#shown");
    const cell = shown.locator(`${byTestId("dm-cell-ceasefire-kyiv")} button`);
    await cell.click();
    await shown.locator(byTestId("dm-detail")).waitFor();
    // The reader reads on: the cell goes up under the header.
    await page.evaluate(() => {
      const button = document.getElementById("shown").shadowRoot.querySelector('[data-testid="dm-cell-ceasefire-kyiv"] button');
      scrollBy(0, button.getBoundingClientRect().top - 20);
    });
    await page.keyboard.press("Escape");
    await page.waitForFunction(() => {
      const active = document.getElementById("shown").shadowRoot.activeElement;
      return active?.closest('[data-testid="dm-cell-ceasefire-kyiv"]');
    });
    const { top, header } = await page.evaluate(() => ({
      top: document.getElementById("shown").shadowRoot.activeElement.getBoundingClientRect().top,
      header: document.querySelector(".site-header").getBoundingClientRect().bottom,
    }));
    // Within a pixel: the browser aligns it to the padding in fractions of a pixel.
    assert.ok(top >= header - 1, `the focused cell's top ${top} is under the header's bottom ${header}`);
    await page.screenshot({ path: `${SHOTS}/host-sticky-escape-375.png` });
    assert.deepEqual(page.said, []);
    await page.context().close();
  });
});

describe("Trusted Types", () => {
  test("a page that requires them and allows the widget's policy shows the direct embed, with no message", async () => {
    const page = await quietPage({ width: 680, height: 900 });
    await page.goto(theme(trustedSite, ""));
    await interactive(page, "shown");
    const shown = page.locator("#shown");
    await shown.locator(byTestId("dm-tab-moscow")).click();
    await shown.locator(`${byTestId("dm-root")}[data-view="moscow"]`).waitFor();
    assert.equal(await shown.locator(byTestId("dm-row-ceasefire")).count(), 1);
    await page.screenshot({ path: `${SHOTS}/host-trusted-types-680.png` });
    assert.deepEqual(page.said, []);
    await page.context().close();
  });

  test("a page that does not allow the widget's policy still gets a working widget and no uncaught error", async () => {
    const page = await quietPage({ width: 680, height: 900 });
    await page.goto(theme(strictSite, ""));
    await interactive(page, "shown");
    assert.equal(await page.locator(`#shown ${byTestId("dm-row-ceasefire")}`).count(), 1);
    assert.deepEqual(
      page.said.filter((line) => !line.includes("TrustedTypePolicy named 'demands-matrix'")),
      [],
      "only the browser's own report of the refused policy",
    );
    await page.context().close();
  });
});

describe("dynamic pages", () => {
  test("40 widgets added and removed leave nodes and listeners as they were; each is unmounted", async () => {
    const page = await quietPage({ width: 1280, height: 900 });
    await page.goto(theme(newsSite));
    for (const id of ["shown", "hidden", "collapsed"]) await interactive(page, id);
    const cdp = await page.context().newCDPSession(page);
    const counters = async () => {
      await cdp.send("HeapProfiler.collectGarbage");
      await page.waitForTimeout(100);
      await cdp.send("HeapProfiler.collectGarbage");
      const { nodes, jsEventListeners } = await cdp.send("Memory.getDOMCounters");
      return { nodes, listeners: jsEventListeners };
    };
    // One widget, alternately the custom element and a placeholder, added and taken off again.
    const cycle = async (i) => {
      await page.evaluate((i) => {
        const element = document.createElement(i % 2 ? "div" : "demands-matrix");
        if (i % 2) element.setAttribute("data-demands-matrix", "");
        element.id = "cycled";
        element.setAttribute(i % 2 ? "data-view" : "view", "west");
        document.getElementById("content").append(element);
      }, i);
      await interactive(page, "cycled");
      await page.evaluate(() => document.getElementById("cycled").remove());
    };
    // The first one loads nothing new (the program is in memory): the page as it is before them.
    await cycle(1);
    const before = await counters();
    for (let i = 0; i < 40; i++) await cycle(i);
    const after = await counters();
    console.log(`before ${JSON.stringify(before)}, after 40 cycles ${JSON.stringify(after)}`);
    assert.ok(after.nodes <= before.nodes * 1.1, `nodes ${before.nodes} → ${after.nodes}`);
    assert.ok(after.listeners <= before.listeners * 1.1, `listeners ${before.listeners} → ${after.listeners}`);
    // Put back later, a widget starts again.
    await page.evaluate(() => {
      const shown = document.getElementById("shown");
      shown.remove();
      setTimeout(() => document.getElementById("content").append(shown), 50);
    });
    await page.waitForTimeout(200);
    await interactive(page, "shown");
    assert.deepEqual(page.said, []);
    await page.context().close();
  });
});

describe("a live direct embed", () => {
  test("loads its story from the article's site and follows it without a console message", async () => {
    const page = await quietPage({ width: 1280, height: 900 });
    await page.goto(theme(newsSite));
    await page.evaluate(() => {
      const live = document.createElement("demands-matrix");
      live.id = "live";
      live.setAttribute("src", "/fixtures/two-sides.json");
      live.setAttribute("live", "15");
      document.getElementById("content").append(live);
    });
    await interactive(page, "live");
    assert.equal(await page.locator(`#live ${byTestId("dm-row-water")}`).count(), 1);
    await page.waitForTimeout(1000);
    assert.deepEqual(page.said, []);
    await page.context().close();
  });
});

describe("the host script and pym", () => {
  const frameHost = (name) => `${newsSite.url}/hosts/${name}?widget=${encodeURIComponent(`${widgetSite.url}/index.html`)}`;

  test("a placeholder added after load becomes a frame; events reach the article; not one console message", async () => {
    const page = await quietPage({ width: 1280, height: 900 });
    await page.goto(frameHost("host-script.html"));
    const { frame } = await expectHeightFollows(page, "after load");
    await frame.waitForSelector(`${byTestId("dm-root")}[data-interactive]`);
    await page.evaluate(() => {
      window.heard = [];
      for (const name of ["dm:viewchange", "dm:cellopen"]) {
        document.addEventListener(name, (e) => window.heard.push({ name, target: e.target.id, ...e.detail }));
      }
    });
    await frame.click(byTestId("dm-tab-kyiv"));
    await frame.click(`${byTestId("dm-cell-ceasefire-kyiv")} button`);
    await page.waitForFunction(() => window.heard.length === 2);
    assert.deepEqual(await page.evaluate(() => window.heard), [
      { name: "dm:viewchange", target: "holder", widget: "holder", view: "kyiv" },
      { name: "dm:cellopen", target: "holder", widget: "holder", issue: "ceasefire", side: "kyiv" },
    ]);
    // Another frame cannot make the placeholder fire events.
    await page.frameLocator("#stranger").locator("p").evaluate(() =>
      parent.postMessage({ sentinel: "dm", type: "cell", issue: "ceasefire", side: "moscow" }, "*"),
    );

    // A client-rendered page adds a graphic later.
    await page.evaluate(() => {
      const late = document.createElement("div");
      late.id = "late";
      late.dataset.demandsMatrixFrame = "";
      late.dataset.src = document.getElementById("holder").dataset.src;
      late.dataset.title = "Added later";
      document.querySelector("main").append(late);
    });
    const late = await page.waitForSelector("#late iframe[title='Added later']", { timeout: 5000 });
    await late.scrollIntoViewIfNeeded();
    const lateFrame = await late.contentFrame();
    await lateFrame.waitForSelector(`${byTestId("dm-root")}[data-interactive]`, { timeout: 20000 });
    await page.waitForTimeout(300);
    assert.equal(await page.evaluate(() => window.heard.length), 2, "the stranger's message was ignored");
    assert.deepEqual(page.said, []);
    await page.context().close();
  });

  test("pym.js parents get the same events as pym messages, and no console message", async () => {
    const page = await quietPage({ width: 1280, height: 900 });
    await page.goto(frameHost("pym.html"));
    await page.evaluate(() => {
      window.heard = [];
      for (const name of ["dm:viewchange", "dm:cellopen"]) {
        window.pymParent.onMessage(name, (json) => window.heard.push({ name, ...JSON.parse(json) }));
      }
    });
    const frame = await (await page.waitForSelector("#dm-graphic iframe")).contentFrame();
    await frame.waitForSelector(`${byTestId("dm-root")}[data-interactive]`, { timeout: 20000 });
    await frame.click(byTestId("dm-tab-west"));
    await frame.click(`${byTestId("dm-cell-ceasefire-west")} button`);
    await page.waitForFunction(() => window.heard.length === 2);
    assert.deepEqual(await page.evaluate(() => window.heard), [
      { name: "dm:viewchange", widget: "dm1", view: "west" },
      { name: "dm:cellopen", widget: "dm1", issue: "ceasefire", side: "west" },
    ]);
    assert.deepEqual(page.said, []);
    await page.context().close();
  });

  test("with <base href=\"/\"> the reflected view keeps the article's own address", async () => {
    const page = await quietPage({ width: 1280, height: 900 });
    const url = `${frameHost("host-script.html")}&base`;
    await page.goto(url);
    const { frame } = await expectHeightFollows(page, "after load");
    await frame.waitForSelector(`${byTestId("dm-root")}[data-interactive]`);
    await frame.click(byTestId("dm-tab-moscow"));
    await page.waitForFunction(() => location.hash === "#view=moscow");
    assert.equal(page.url(), `${url}#view=moscow`);
    assert.deepEqual(page.said, []);
    await page.context().close();
  });
});

describe("no layout shift", () => {
  // The article of tests/hosts/shift.html: the graphic in view as it loads, the text going on
  // below it, the story's reserve.css in the head. CLS as Chromium reports it to the article
  // (its layout-shift entries, none after input), from navigation until the widget is live.
  const shift = (page, query) =>
    page.goto(`${newsSite.url}/hosts/shift.html?${query}&widget=${encodeURIComponent(widgetSite.url)}`);
  async function measured(viewport, way, query = "", late = null) {
    const page = await quietPage(viewport);
    if (late) await page.route(late, (route) => setTimeout(() => route.continue(), 1500));
    await page.addInitScript(() => {
      window.dmShift = 0;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.dmShift += entry.value;
      }).observe({ type: "layout-shift", buffered: true });
    });
    await shift(page, `way=${way}${query}`);
    if (way === "direct") {
      await interactive(page, "graphic");
    } else {
      const frame = await (await page.waitForSelector("#graphic iframe")).contentFrame();
      await frame.waitForSelector(`${byTestId("dm-root")}[data-interactive]`, { timeout: 15000 });
    }
    // The frame's last height report, and anything the WebAssembly's start would move.
    await page.waitForTimeout(600);
    return { page, cls: await page.evaluate(() => window.dmShift) };
  }

  for (const viewport of [
    { width: 375, height: 667 },
    { width: 1280, height: 800 },
  ]) {
    for (const way of ["host", "pym", "direct"]) {
      test(`${viewport.width} px, ${way === "host" ? "our host script's frame" : way === "pym" ? "pym.js" : "the direct embed"}: CLS ≤ 0.1 with the graphic in view at load, no message`, async () => {
        const { page, cls } = await measured(viewport, way);
        assert.ok(cls <= 0.1, `CLS ${cls}`);
        // In view as it loaded: it fills the first screen from its top down.
        const top = (await page.locator("#graphic").boundingBox()).y;
        assert.ok(top < viewport.height - 250, `the graphic starts at ${top} px`);
        assert.deepEqual(page.said, []);
        await page.screenshot({ path: `${SHOTS}/host-shift-${way}-${viewport.width}.png` });
        await page.context().close();
      });
    }
  }

  test("what reserve.css holds: without it the same article moves (CLS over 0.1)", async () => {
    for (const way of ["host", "direct"]) {
      // The script arrives after the article's first paint, as over a real network: served at
      // once, it could run before the first paint on a fast machine, and nothing would move.
      const { page, cls } = await measured({ width: 375, height: 667 }, way, "&reserve=0", /\/(embed|widget)\.js$/);
      assert.ok(cls > 0.1, `${way}: CLS ${cls} without reserve.css`);
      await page.context().close();
    }
  });

  test("a script that never comes (blocked) gives the space back after 10 s: no tall empty box", async () => {
    await Promise.all(
      [
        ["direct", "**/widget.js"],
        ["host", "**/embed.js"],
      ].map(async ([way, script]) => {
        const page = await quietPage({ width: 375, height: 667 });
        await page.route(script, (route) => route.abort());
        await shift(page, `way=${way}`);
        const height = () => page.evaluate(() => document.getElementById("graphic").getBoundingClientRect().height);
        assert.ok((await height()) > 5000, `${way}: held at first (${await height()} px)`);
        await page.waitForFunction(() => document.getElementById("graphic").getBoundingClientRect().height < 100, null, { timeout: 12000 });
        await page.context().close();
      }),
    );
  });

  test("a short story of the stories folder, compact, wholly on screen (1280 × 1800 px): CLS ≤ 0.1 each way", async () => {
    for (const way of ["host", "pym", "direct"]) {
      const story = "&story=us-china-geneva-2025-05-12&density=compact";
      const { page, cls } = await measured({ width: 1280, height: 1800 }, way, story);
      const box = await page.locator("#graphic").boundingBox();
      assert.ok(box.y + box.height < 1800, `${way}: the whole graphic is on screen (${box.y + box.height} px)`);
      assert.ok(cls <= 0.1, `${way}: CLS ${cls}`);
      assert.deepEqual(page.said, []);
      await page.context().close();
    }
  });
});

describe("integrity", () => {
  test("every script and stylesheet the desk loads names its integrity, and the desk starts with them", async () => {
    const html = readFileSync(join(DIST, "desk.html"), "utf8");
    const tags = html.match(/<(script|link)\b[^>]*>/g).filter((tag) => /\b(src|href)="(?!data:)/.test(tag));
    assert.ok(tags.length >= 4, tags.join("\n"));
    for (const tag of tags) {
      const [, file] = /\b(?:src|href)="([^"]+)"/.exec(tag);
      const [, integrity] = /\bintegrity="([^"]+)"/.exec(tag) ?? [];
      const digest = `sha384-${createHash("sha384").update(readFileSync(join(DIST, file))).digest("base64")}`;
      assert.equal(integrity, digest, tag);
    }
    // The boot script fetches the WebAssembly with its integrity too.
    const boot = /src="(desk-boot-[^"]+)"/.exec(html)[1];
    const [, wasm, wasmIntegrity] = /new URL\("\.\/([^"]+)", import\.meta\.url\), \{ integrity: "([^"]+)" \}/.exec(readFileSync(join(DIST, boot), "utf8"));
    assert.equal(wasmIntegrity, `sha384-${createHash("sha384").update(readFileSync(join(DIST, wasm))).digest("base64")}`);
    const page = await quietPage();
    await page.goto(`${newsSite.url}/widget/desk.html`);
    await page.waitForSelector('[data-testid="dmd-example"]', { timeout: 30000 });
    assert.deepEqual(page.said.filter((line) => !line.startsWith("log:") && !line.startsWith("info:")), []);
    await page.context().close();
  });
});
