//! End-to-end tests of live stories (`?live=` / `data-live`): a test server changes the story
//! while the page is open. The widget checks with conditional requests every 15 s (the least it
//! allows; these tests wait for real intervals, so their scenarios run side by side), updates in
//! place, marks what changed and says so once, keeps its story through failures with a quiet
//! note, asks nothing while the page is hidden, and stops at its limit.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, readFileSync } from "node:fs";
import { serve } from "./server.mjs";
import { armPanic, expectHeightFollows, launch, openPage, waitForWidget } from "./browser.mjs";
import { axeViolations } from "./axe.mjs";
import { CSP } from "./csp.mjs";

const DIST = process.env.DIST ?? "dist";
const SHOTS = process.env.SCREENSHOTS ?? "test-results/screenshots";
// Test data, not news: the small two-sided story the other tests use.
const STORY = JSON.parse(readFileSync("tests/fixtures/stories/two-sides.json", "utf8"));
const EVERY = 15;
/** One interval and the slack a busy two-core machine needs. */
const ONE_INTERVAL = (EVERY + 6) * 1000;

/**
 * A story file the test changes while the widget shows it, served at `/live/<name>.json` with an
 * ETag and Last-Modified, answering conditional requests with 304. `mode` makes it fail: "500",
 * "hang" (never answers) or "invalid" (a story that does not validate).
 */
class LiveStory {
  constructor(name) {
    this.path = `/live/${name}.json`;
    this.version = 1;
    this.story = structuredClone(STORY);
    this.mode = "ok";
    this.requests = [];
    this.modified = new Date(Date.now() - 60_000).toUTCString();
  }
  /** Sets `side`'s position on `issue`, a new version of the file. */
  change(issue, side, fields) {
    Object.assign(this.story.positions.find((p) => p.issue === issue && p.side === side), fields);
    this.version += 1;
    this.modified = new Date().toUTCString();
  }
  handle(req, res, hanging) {
    const etag = `"v${this.version}"`;
    const entry = {
      at: Date.now(),
      ifNoneMatch: req.headers["if-none-match"] ?? null,
      ifModifiedSince: req.headers["if-modified-since"] ?? null,
      status: 0,
    };
    this.requests.push(entry);
    if (this.mode === "hang") return void hanging.add(res);
    const answer = (status, headers, body) => {
      entry.status = status;
      res.writeHead(status, headers);
      res.end(body);
    };
    if (this.mode === "500") return answer(500, { "content-type": "text/plain" }, "server error");
    if (this.mode === "invalid") {
      return answer(200, { "content-type": "application/json", etag: '"broken"' }, '{"title": 42}');
    }
    const validators = { etag, "last-modified": this.modified, "cache-control": "no-cache" };
    if (entry.ifNoneMatch === etag) return answer(304, validators);
    answer(200, { ...validators, "content-type": "application/json" }, JSON.stringify(this.story));
  }
}

/** The server's routes: each LiveStory adds its own path as a test creates it. */
const routes = {
  // Three versions of the test story, as `story publish` wrote them (tests/fixtures/history/).
  "/live/history.json": (req, res) => {
    res.writeHead(200, { "content-type": "application/json", "cache-control": "no-cache" });
    res.end(readFileSync("tests/fixtures/stories/history.json"));
  },
  // An article with one direct embed of the story named by `?story=`.
  "/live-host.html": (req, res) => {
    const src = new URL(req.url, "http://host").searchParams.get("story");
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    res.end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>Live article</title></head>
<body><main><h1>Talks, live</h1><div id="live-widget" data-demands-matrix data-src="${src}" data-live="${EVERY}"></div></main>
<script type="module" src="/widget.js"></script></body></html>`);
  },
  // An article with the built-in story embedded directly, and no live widget as it loads.
  "/still-host.html": (req, res) => {
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    res.end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>Article</title></head>
<body><main id="column"><h1>Talks</h1><div id="still" data-demands-matrix></div></main>
<script type="module" src="/widget.js"></script></body></html>`);
  },
};
function live(name) {
  const story = new LiveStory(name);
  routes[story.path] = (req, res, hanging) => story.handle(req, res, hanging);
  return story;
}

let site;
let news;
let browser;
before(async () => {
  site = await serve({ "/": DIST }, { headers: { "content-security-policy": CSP }, routes });
  news = await serve({ "/hosts/": "tests/hosts", "/vendor/": "node_modules/pym.js/dist" });
  browser = await launch();
  mkdirSync(SHOTS, { recursive: true });
});
after(async () => {
  await browser?.close();
  await site?.close();
  await news?.close();
});

const byTestId = (id) => `[data-testid="${id}"]`;

async function openLive(story, { query = "", viewport = { width: 1280, height: 900 } } = {}) {
  const page = await openPage(browser, { viewport });
  page.messages = [];
  page.on("console", (msg) => page.messages.push(`${msg.type()}: ${msg.text()}`));
  await page.goto(`${site.url}/index.html?src=${story.path}&live=${EVERY}${query}`);
  await waitForWidget(page);
  return page;
}

/** Which reader builds the page fetched: "default" (`demands-matrix-…_bg.wasm`), "live" (`live-….wasm`). */
const programs = (page) =>
  page.evaluate(() =>
    performance
      .getEntriesByType("resource")
      .map((r) => new URL(r.name).pathname.split("/").pop())
      .filter((file) => file.endsWith(".wasm"))
      .map((file) => (file.startsWith("live-") ? "live" : "default")),
  );

/** Resolves once `selector` is on the page, failing after one interval and its slack. */
const within = (page, selector, ms = ONE_INTERVAL) => page.waitForSelector(selector, { timeout: ms });

describe("live stories", { concurrency: true }, () => {
  test("a new version appears in place: view, open cell, focus, scroll and unchanged rows kept", async () => {
    const story = live("update");
    const page = await openLive(story, { viewport: { width: 375, height: 500 } });
    await page.click(byTestId("dm-tab-south"));
    await page.click(`${byTestId("dm-cell-water-south")} button`);
    await page.waitForSelector(byTestId("dm-detail"));
    // The reader moves on: focus on another row's cell, the page scrolled part way.
    await page.focus(`${byTestId("dm-cell-border-north")} button`);
    await page.evaluate(() => scrollTo(0, 200));
    const before = await page.evaluate(() => {
      // Expando marks: a rebuilt element would not carry them.
      document.querySelector('[data-testid="dm-row-border"]').dmMark = "kept";
      document.querySelector('[data-testid="dm-row-water"]').dmMark = "kept";
      const announce = document.querySelector('[data-testid="dm-announce"]');
      window.dmSaid = [];
      new MutationObserver(() => window.dmSaid.push(announce.textContent)).observe(announce, {
        childList: true,
        characterData: true,
        subtree: true,
      });
      return { focused: document.activeElement.id, scroll: scrollY };
    });
    assert.ok(before.focused, "a cell button has focus");
    assert.deepEqual(await programs(page), ["live"], "a live page loads the live build");

    story.change("water", "south", { stance: "open", summary: "South will now discuss sharing." });
    const changedAt = Date.now();
    await within(page, `${byTestId("dm-cell-water-south")} ${byTestId("dm-changed")}`);
    assert.ok(Date.now() - changedAt <= ONE_INTERVAL, "within one interval");

    const after = await page.evaluate(() => ({
      view: document.querySelector('[data-testid="dm-root"]').dataset.view,
      focused: document.activeElement.id,
      scroll: scrollY,
      border: document.querySelector('[data-testid="dm-row-border"]').dmMark,
      water: document.querySelector('[data-testid="dm-row-water"]').dmMark,
      stance: document.querySelector('[data-testid="dm-cell-water-south"]').dataset.stance,
      detail: document.querySelector('[data-testid="dm-detail-row-water"] [data-testid="dm-detail-summary"]')
        ?.textContent,
      before: document.querySelector('[data-testid="dm-detail-before"]')?.textContent,
      mark: document.querySelector('[data-testid="dm-changed"]').textContent,
      button: document.querySelector('[data-testid="dm-cell-water-south"] button').textContent,
    }));
    assert.equal(after.view, "south", "the reader's view");
    assert.equal(after.focused, before.focused, "keyboard focus");
    assert.equal(after.scroll, before.scroll, "scroll position");
    assert.equal(after.border, "kept", "an unchanged row is the same DOM node");
    assert.equal(after.water, "kept", "the changed row is updated, not rebuilt");
    assert.equal(after.stance, "open");
    assert.equal(after.detail, "South will now discuss sharing.", "the open detail shows the new version");
    assert.match(after.before, /^When this page loaded: Rejects\. South refuses\.$/);
    assert.match(after.mark, /^Changed \d\d:\d\d$/);
    assert.match(after.button, /Changed \d\d:\d\d/, "the cell button's name says it changed");
    await page.screenshot({ path: `${SHOTS}/live-change-375.png`, fullPage: true });

    // One more check: the server answers 304, and the live region does not speak again.
    const seen = story.requests.length;
    await page.waitForTimeout(ONE_INTERVAL);
    assert.ok(story.requests.length > seen, "checks go on");
    const later = story.requests.slice(seen);
    assert.ok(
      later.every((r) => r.ifNoneMatch === '"v2"' && r.ifModifiedSince),
      "conditional requests",
    );
    assert.ok(later.every((r) => r.status === 304), "nothing changed: 304");
    const said = await page.evaluate(() => window.dmSaid.filter((t) => t.trim()));
    assert.equal(said.length, 1, `the live region spoke once: ${JSON.stringify(said)}`);
    assert.match(said[0], /^1 position changed: South on Shared water\.$/);
    assert.equal(
      await page.evaluate(() => document.activeElement.id),
      before.focused,
      "the announcement took no focus",
    );

    // A new version that changes no position (the standfirst): the reader did nothing, and the
    // live region says nothing (it once said "Now showing: South's view" again).
    story.story.standfirst = "Talks resumed after a break.";
    story.version += 1;
    const asked = story.requests.length;
    await page.waitForTimeout(ONE_INTERVAL);
    assert.ok(story.requests.slice(asked).some((r) => r.status === 200), "the new version came");
    const spoken = await page.evaluate(() => window.dmSaid.filter((t) => t.trim()));
    assert.deepEqual(spoken, said, "nothing more was said");

    // The all-sides view lists the change.
    await page.click(byTestId("dm-tab-all"));
    const list = await page.textContent(byTestId("dm-changes"));
    assert.match(list, /What changed since this page loaded/);
    assert.match(list, /South on Shared water: was “Rejects”, now “Open” \(\d\d:\d\d\)/);
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });

  test("the what-changed list is hidden until something changes; a marked change at 1280 px", async () => {
    const story = live("list");
    const page = await openLive(story);
    assert.equal(await page.$(byTestId("dm-changes")), null, "no list while nothing changed");
    await page.waitForTimeout(ONE_INTERVAL);
    assert.equal(await page.$(byTestId("dm-changes")), null, "nor after an unchanged check");
    assert.ok(story.requests.some((r) => r.status === 304));
    story.change("border", "north", { summary: "North backs opening two crossings." });
    // Only a demand has a priority: the new version drops North's.
    story.change("water", "north", { stance: "open", priority: undefined, summary: "North will talk about the river." });
    await within(page, byTestId("dm-changes"));
    const items = await page.$$eval(`${byTestId("dm-changes")} li`, (lis) => lis.map((li) => li.textContent));
    assert.equal(items.length, 2);
    assert.ok(items.some((i) => /^North on Border crossings: new wording \(\d\d:\d\d\)$/.test(i)), items.join("|"));
    assert.ok(items.some((i) => /^North on Shared water: was “Demands”, now “Open” \(\d\d:\d\d\)$/.test(i)), items.join("|"));
    assert.match(
      await page.textContent(byTestId("dm-announce")),
      /^2 positions changed: North on (Shared water and North on Border crossings|Border crossings and North on Shared water)\.$/,
    );
    await page.click(`${byTestId("dm-cell-water-north")} button`);
    await page.waitForSelector(byTestId("dm-detail-before"));
    await page.screenshot({ path: `${SHOTS}/live-change-1280.png`, fullPage: true });
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });

  for (const [mode, reason, wait] of [
    ["500", /the server answered 500/, ONE_INTERVAL],
    ["hang", /no story within 10 seconds/, ONE_INTERVAL + 10_000],
    ["invalid", /title: invalid type: integer `42`, expected a string/, ONE_INTERVAL],
  ]) {
    test(`a failed check (${mode}) keeps the story and says since when, quietly`, async () => {
      const story = live(`fault-${mode}`);
      const page = await openLive(story);
      const title = await page.textContent(".dm-header__title");
      story.mode = mode;
      await within(page, byTestId("dm-stale"), wait);
      assert.match(
        await page.textContent(byTestId("dm-stale")),
        /^Could not update since \d\d:\d\d: this may not be the latest version\.$/,
      );
      assert.equal(await page.textContent(".dm-header__title"), title, "the story stays");
      assert.equal(await page.getAttribute(byTestId("dm-cell-water-north"), "data-stance"), "demands");
      assert.equal(await page.$(`${byTestId("dm-stale")}[role], ${byTestId("dm-stale")}[aria-live]`), null);
      assert.equal((await page.textContent(byTestId("dm-announce"))).trim(), "", "nothing is announced");
      const warning = page.messages.find((m) => m.startsWith("warning: demands-matrix: kept the story"));
      assert.match(warning ?? "", reason, "the editor's reason in the console");
      if (mode === "500") {
        // Back-off: the next check comes after two intervals, and a good answer clears the note.
        const failedAt = story.requests.at(-1).at;
        story.mode = "ok";
        await page.waitForSelector(byTestId("dm-stale"), { state: "detached", timeout: 2 * ONE_INTERVAL });
        const next = story.requests.at(-1).at;
        assert.ok(next - failedAt >= 2 * EVERY * 1000 - 1000, `backed off: ${next - failedAt} ms`);
      }
      assert.deepEqual(page.errors.filter((e) => !/status of 500|Failed to load resource/.test(e)), []);
      await page.context().close();
    });
  }

  test("a hidden page asks nothing; it catches up once visible again", async () => {
    const story = live("hidden");
    const page = await openLive(story);
    // Headless Chromium never hides a page by itself: this is what the browser reports when the
    // reader switches tabs.
    await page.evaluate(() => {
      window.dmHidden = true;
      Object.defineProperty(document, "hidden", { configurable: true, get: () => window.dmHidden });
    });
    const seen = story.requests.length;
    story.change("water", "south", { summary: "South refuses again." });
    await page.waitForTimeout(2 * ONE_INTERVAL);
    assert.equal(story.requests.length, seen, "no requests while hidden");
    await page.evaluate(() => (window.dmHidden = false));
    await within(page, byTestId("dm-changed"));
    assert.equal(story.requests.length, seen + 1);
    await page.context().close();
  });

  test("checks stop at the limit (live-for)", async () => {
    const story = live("limit");
    const page = await openLive(story, { query: "&live-for=20" });
    await page.waitForTimeout(2 * ONE_INTERVAL + 5000);
    // The first load, then one check at 15 s; the next would be at 30 s, after the limit.
    assert.equal(story.requests.length, 2, JSON.stringify(story.requests));
    assert.ok(page.messages.some((m) => /^info: demands-matrix: stopped checking .* after 20 s/.test(m)));
    await page.context().close();
  });

  test("a page that asks for no live story loads the default build, and never checks", async () => {
    const story = live("still");
    const page = await openPage(browser, { viewport: { width: 1280, height: 900 } });
    await page.goto(`${site.url}/index.html?src=${story.path}`);
    await waitForWidget(page);
    assert.deepEqual(await programs(page), ["default"]);
    story.change("water", "south", { summary: "South refuses again." });
    await page.waitForTimeout(ONE_INTERVAL);
    assert.equal(story.requests.length, 1, "the first load only");
    assert.equal(await page.$(byTestId("dm-changed")), null);
    await page.context().close();
  });

  test("a direct embed (widget.js) with data-live follows its story", async () => {
    const story = live("direct");
    const page = await openPage(browser, { viewport: { width: 1280, height: 900 } });
    await page.goto(`${site.url}/live-host.html?story=${story.path}`);
    const host = page.locator("#live-widget");
    await host.locator(`${byTestId("dm-root")}[data-interactive]`).waitFor({ timeout: 15000 });
    assert.deepEqual(await programs(page), ["live"]);
    story.change("water", "south", { stance: "open", summary: "South will now discuss sharing." });
    await host.locator(byTestId("dm-changed")).waitFor({ timeout: ONE_INTERVAL });
    assert.match(await host.locator(byTestId("dm-changed")).textContent(), /^Changed \d\d:\d\d$/);
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });

  /** Adds a live widget `#late-live` of `path`, as a client-rendered page adds its graphics (the
   *  CSP stops inline scripts, not this). */
  const addLateLive = (page, path, every) =>
    page.evaluate(
      ({ path, every }) =>
        document.getElementById("column").insertAdjacentHTML(
          "beforeend",
          `<div id="late-live" data-demands-matrix data-src="${path}" data-live="${every}"></div>`,
        ),
      { path, every },
    );

  test("a live widget added to a page that took the default build gets the live build besides", async () => {
    const story = live("late");
    const page = await openPage(browser, { viewport: { width: 1280, height: 900 } });
    await page.goto(`${site.url}/still-host.html`);
    const still = page.locator("#still");
    const ready = (host) => host.locator(`${byTestId("dm-root")}[data-interactive]`);
    await ready(still).waitFor({ timeout: 15000 });
    assert.deepEqual(await programs(page), ["default"]);
    await addLateLive(page, story.path, EVERY);
    const late = page.locator("#late-live");
    await ready(late).waitFor({ timeout: 15000 });
    assert.deepEqual(await programs(page), ["default", "live"]);
    story.change("water", "south", { stance: "open", summary: "South will now discuss sharing." });
    await late.locator(byTestId("dm-changed")).waitFor({ timeout: ONE_INTERVAL });
    assert.ok(story.requests.length >= 2, "it checked");
    for (const width of [375, 1280]) {
      await page.setViewportSize({ width, height: 900 });
      await late.screenshot({ path: `${SHOTS}/live-late-added-${width}.png` });
    }
    await page.setViewportSize({ width: 1280, height: 900 });
    // Each build runs its own widgets: the first still answers, and a trap in the live build
    // stops the live widget alone.
    await still.locator(byTestId("dm-tab-moscow")).click();
    await still.locator(`${byTestId("dm-root")}[data-view="moscow"]`).waitFor();
    await armPanic(page);
    await late.locator(byTestId("dm-tab-south")).click();
    await late.locator(`${byTestId("dm-root")}[data-state="crashed"]`).waitFor();
    await still.locator(byTestId("dm-tab-west")).click();
    await still.locator(`${byTestId("dm-root")}[data-view="west"]`).waitFor();
    assert.equal(await still.locator(`${byTestId("dm-root")}[data-state="crashed"]`).count(), 0);
    assert.equal(page.errors.length, 1, `only the panic itself: ${page.errors}`);
    await page.context().close();
  });

  test("a live widget taken off the page asks for its story no more", async () => {
    const story = live("removed");
    const page = await openPage(browser, { viewport: { width: 1280, height: 900 } });
    await page.goto(`${site.url}/still-host.html`);
    await page.locator(`#still ${byTestId("dm-root")}[data-interactive]`).waitFor({ timeout: 15000 });
    await addLateLive(page, story.path, EVERY);
    await page.locator(`#late-live ${byTestId("dm-root")}[data-interactive]`).waitFor({ timeout: 15000 });
    await page.evaluate(() => document.getElementById("late-live").remove());
    const asked = story.requests.length;
    await page.waitForTimeout(ONE_INTERVAL + 5000);
    assert.equal(story.requests.length, asked, "no request after it left the page");
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });

  test("a live widget added later whose build cannot be loaded shows its story in the page's build", async () => {
    const story = live("late-blocked");
    const page = await openPage(browser, { viewport: { width: 1280, height: 900 } });
    await page.route(/\/live-[^/]*\.wasm$/, (route) => route.abort());
    await page.goto(`${site.url}/still-host.html`);
    await page.locator(`#still ${byTestId("dm-root")}[data-interactive]`).waitFor({ timeout: 15000 });
    await addLateLive(page, story.path, 15);
    const late = page.locator("#late-live");
    await late.locator(`${byTestId("dm-root")}[data-interactive]`).waitFor({ timeout: 15000 });
    assert.equal(await late.locator(byTestId("dm-cell-water-south")).getAttribute("data-stance"), "rejects");
    // Shown, not followed: a change on the server stays unseen for longer than an interval.
    story.change("water", "south", { stance: "open", summary: "South will now discuss sharing." });
    await page.waitForTimeout(ONE_INTERVAL);
    assert.equal(story.requests.length, 1, "loaded once, never checked");
    assert.equal(await late.locator(byTestId("dm-cell-water-south")).getAttribute("data-stance"), "rejects");
    await page.context().close();
  });

  for (const width of [375, 1280]) {
    test(`a story's earlier versions, stepped back and forth in every view at ${width} px`, async () => {
      const page = await openPage(browser, { viewport: { width, height: 900 } });
      await page.goto(`${site.url}/index.html?src=/live/history.json&live=${EVERY}`);
      await waitForWidget(page);
      const steps = byTestId("dm-versions");
      const state = () =>
        page.evaluate(() => {
          const stance = (cell) => document.querySelector(`[data-testid="dm-cell-${cell}"]`).dataset.stance;
          return {
            buttons: [...document.querySelectorAll('[data-testid="dm-versions"] button')].map(
              (b) => `${b.textContent}${b.getAttribute("aria-pressed") === "true" ? " *" : ""}`,
            ),
            asOf: document.querySelector('[data-testid="dm-as-of"] time').textContent,
            view: document.querySelector('[data-testid="dm-root"]').dataset.view,
            waterNorth: stance("water-north"),
            borderSouth: stance("border-south"),
            said: document.querySelector('[data-testid="dm-announce"]').textContent,
            focused: document.activeElement.dataset.testid ?? "",
          };
        });
      assert.equal(await page.getAttribute(steps, "aria-label"), "Versions of this story");
      assert.deepEqual((await state()).buttons, ["16 May 2025", "30 May 2025", "3 June 2025 (latest) *"]);
      const expected = [
        { asOf: "16 May 2025", waterNorth: "open", borderSouth: "rejects" },
        { asOf: "30 May 2025", waterNorth: "demands", borderSouth: "open" },
        { asOf: "3 June 2025", waterNorth: "demands", borderSouth: "demands" },
      ];
      for (const view of ["all", "north", "south"]) {
        await page.click(byTestId(`dm-tab-${view}`));
        // Back, then forward, one version at a time.
        for (const n of [0, 1, 2, 1, 0, 2]) {
          await page.click(byTestId(`dm-version-${n}`));
          const now = await state();
          assert.equal(now.view, view, "the view stays");
          assert.equal(now.focused, `dm-version-${n}`, "focus stays on the button");
          assert.deepEqual(
            { asOf: now.asOf, waterNorth: now.waterNorth, borderSouth: now.borderSouth },
            expected[n],
            `${view}, version ${n}`,
          );
          assert.equal(now.buttons.filter((b) => b.endsWith(" *")).length, 1);
          assert.ok(now.buttons[n].endsWith(" *"), `version ${n} pressed`);
          assert.equal(now.said, `Now showing the story as of ${expected[n].asOf}.`);
        }
      }
      // Keyboard: the buttons are Tab stops, and Enter chooses.
      await page.focus(byTestId("dm-version-2"));
      await page.keyboard.press("Shift+Tab");
      await page.keyboard.press("Enter");
      assert.equal((await state()).asOf, "30 May 2025");
      await page.click(byTestId("dm-tab-all"));
      await page.click(byTestId("dm-version-0"));
      assert.deepEqual(await axeViolations(page), []);
      await page.screenshot({ path: `${SHOTS}/live-history-${width}.png`, fullPage: true });
      assert.deepEqual(page.errors, []);
      await page.context().close();
    });
  }

  test("in an iframe, the frame's height follows a new version", async () => {
    const story = live("iframe");
    const page = await openPage(browser, { viewport: { width: 375, height: 900 } });
    const widget = encodeURIComponent(`${site.url}/index.html?src=${story.path}&live=${EVERY}`);
    await page.goto(`${news.url}/hosts/iframe-article.html?widget=${widget}`);
    const frameEl = await page.waitForSelector("iframe[src*='index.html']");
    await frameEl.scrollIntoViewIfNeeded();
    const first = await expectHeightFollows(page, "after load", 15000);
    await first.frame.waitForSelector(`${byTestId("dm-root")}[data-interactive]`);
    story.change("water", "south", {
      stance: "open",
      summary: "South will now discuss sharing the river, in a long sentence that takes more lines on a phone.",
    });
    await first.frame.waitForSelector(byTestId("dm-changed"), { timeout: ONE_INTERVAL });
    const second = await expectHeightFollows(page, "after the update");
    assert.ok(second.outer > first.outer, `the frame grew: ${first.outer} → ${second.outer}`);
    await page.context().close();
  });
});
