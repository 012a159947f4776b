//! End-to-end tests of bad stories and faults: every broken story ends in a readable error that
//! says what and where; hostile text stays text; failed fetches offer a working "Try again";
//! the site runs under a strict Content-Security-Policy with no violation.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { armPanic, openPage, siteWithBrowser, waitForWidget } from "./browser.mjs";
import { axeViolations } from "./axe.mjs";
import { CSP } from "./csp.mjs";

const DIST = process.env.DIST ?? "dist";
const site = siteWithBrowser(
  { "/": DIST, "/fixtures/": "tests/fixtures/stories" },
  { headers: { "content-security-policy": CSP } },
);

const byTestId = (id) => `[data-testid="${id}"]`;

async function errorFor(story, options) {
  const page = await openPage(site.browser, options);
  await page.goto(`${site.url}/index.html?src=fixtures/${story}`);
  await waitForWidget(page, "error");
  const text = await page.textContent(byTestId("dm-error"));
  assert.match(text, /could not be loaded/, "a short message for readers");
  await page.context().close();
  return text;
}

describe("bad stories end in an error that says what and where", () => {
  const cases = {
    "broken-trailing-comma.json": /line 7, column 3: as_of: trailing comma/,
    "broken-truncated.json": /line \d+, column \d+: positions\[0\]\.priority: EOF while parsing a value/,
    "broken-wrong-type.json": /issues\[0\]\.title: invalid type: integer `42`, expected a string/,
    "broken-missing-field.json": /sides\[1\]: missing field `name`/,
    "broken-duplicate-ids.json": /issues\[1\]\.id: duplicate id "water"/,
    "broken-unknown-side.json": /positions\[1\]\.side: unknown side "east"/,
    "broken-no-issues.json": /issues: a story needs at least one issue/,
    "broken-no-sides.json": /sides: a story needs at least one side/,
    "broken-unknown-stance.json": /positions\[2\]\.stance: unknown variant `maybe`/,
    "broken-javascript-url.json": /sources\[0\]\.url: "javascript:alert\(1\)" is not an http/,
    // Refused at the first level that cannot be a list; serde_json also stops at depth 128.
    "broken-deep-nesting.json": /line 1, column 10: title: invalid type: sequence, expected a string/,
  };
  for (const [story, expected] of Object.entries(cases)) {
    test(story, async () => {
      assert.match(await errorFor(story), expected);
    });
  }

  test("10,000 issues are refused clearly, and the page stays responsive", async () => {
    const page = await openPage(site.browser);
    const issues = Array.from({ length: 10_000 }, (_, i) => ({ id: `i${i}`, title: `Issue ${i}`, explainer: "x" }));
    const story = {
      title: "Huge", standfirst: "s", as_of: { date: "2025-01-01", place: "p" },
      sources: [{ id: "r", outlet: "o", title: "t" }], sides: [{ id: "a", name: "A", short: "A" }],
      issues, positions: issues.map((i) => ({ issue: i.id, side: "a", stance: "not_stated", source: "r" })),
    };
    await page.route("**/fixtures/huge.json", (route) => route.fulfill({ json: story }));
    await page.goto(`${site.url}/index.html?src=fixtures/huge.json`);
    await waitForWidget(page, "error");
    assert.match(await page.textContent(byTestId("dm-error")), /10000 issues; a story may have at most 1000/);
    assert.equal(await page.evaluate(() => 1 + 1), 2);
    await page.context().close();
  });
});

describe("hostile text", () => {
  test("markup, bidi overrides and a 10,000-character word are shown as text at 320 px", async () => {
    const page = await openPage(site.browser, { viewport: { width: 320, height: 800 } });
    const dialogs = [];
    page.on("dialog", (d) => {
      dialogs.push(d.message());
      d.dismiss();
    });
    await page.goto(`${site.url}/index.html?src=fixtures/hostile-strings.json`);
    await waitForWidget(page);
    assert.match(await page.textContent(".dm-header__title"), /<script>window.__pwned = 1<\/script>Hostile title/);
    await page.click(`${byTestId("dm-cell-water-north")} button`);
    await page.waitForSelector(byTestId("dm-detail"));
    assert.equal(await page.evaluate(() => window.__pwned), undefined, "no hostile string ran");
    assert.equal(await page.$$eval("img, svg[onload], body script:not([src]):not([type])", (n) => n.length), 0);
    assert.deepEqual(dialogs, []);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
    assert.ok(overflow <= 0, `the page scrolls sideways by ${overflow}px`);
    await page.screenshot({ path: "test-results/screenshots/hostile-320.png", fullPage: true });
    await page.context().close();
  });
});

describe("faults while fetching a story", () => {
  test("a server error, then a network error, then Try again succeeds", async () => {
    const page = await openPage(site.browser);
    let calls = 0;
    await page.route("**/fixtures/flaky.json", (route) => {
      calls += 1;
      if (calls === 1) return route.fulfill({ status: 500, body: "oops" });
      if (calls === 2) return route.abort("connectionrefused");
      return route.continue({ url: `${site.url}/fixtures/two-sides.json` });
    });
    await page.goto(`${site.url}/index.html?src=fixtures/flaky.json`);
    await waitForWidget(page, "error");
    assert.match(await page.textContent(byTestId("dm-error")), /the server answered 500/);
    await page.click(byTestId("dm-retry"));
    await page.waitForFunction(() => /network request failed/.test(document.body.textContent));
    await page.click(byTestId("dm-retry"));
    await waitForWidget(page);
    assert.equal(calls, 3);
    assert.ok(await page.isVisible(byTestId("dm-row-water")));
    await page.context().close();
  });
});

describe("slow, oversized and tampered files", () => {
  test("a story slower than 10 s ends in the error state; its late answer is ignored; Try again works", async () => {
    const page = await openPage(site.browser);
    let slow = true;
    await page.route("**/fixtures/slow.json", async (route) => {
      if (!slow) return route.continue({ url: `${site.url}/fixtures/two-sides.json` });
      // Answers after the widget's timeout: the answer must not replace the error.
      await new Promise((resolve) => setTimeout(resolve, 12_000));
      await route.continue({ url: `${site.url}/fixtures/two-sides.json` }).catch(() => {});
    });
    const started = Date.now();
    await page.goto(`${site.url}/index.html?src=fixtures/slow.json`);
    await page.waitForSelector(`${byTestId("dm-root")}[data-state="error"]`, { timeout: 15_000 });
    const waited = Date.now() - started;
    assert.ok(waited >= 9_500 && waited < 12_000, `gave up after ${waited} ms`);
    assert.match(await page.textContent(byTestId("dm-error")), /the server sent no story within 10 seconds/);
    await page.waitForTimeout(Math.max(0, 13_000 - (Date.now() - started)));
    assert.equal(await page.getAttribute(byTestId("dm-root"), "data-state"), "error", "the late answer is ignored");
    slow = false;
    await page.click(byTestId("dm-retry"));
    await waitForWidget(page);
    assert.ok(await page.isVisible(byTestId("dm-row-water")));
    await page.context().close();
  });

  test("a story over 8 MiB is refused by its Content-Length, before its body arrives", async () => {
    const page = await openPage(site.browser);
    const started = Date.now();
    // Headers announce 9,000,013 bytes; the body never comes, so only the header check can answer.
    await page.goto(`${site.url}/index.html?src=announce/9000013/story.json`);
    await waitForWidget(page, "error");
    assert.ok(Date.now() - started < 5_000, "refused at once, not at the timeout");
    assert.match(
      await page.textContent(byTestId("dm-error")),
      /the file is 9000013 bytes; a story file may be at most 8388608 bytes \(8 MiB\)/,
    );
    await page.context().close();
  });

  test("a story over 8 MiB without a Content-Length is refused by its body", async () => {
    const page = await openPage(site.browser);
    // A streamed (chunked) answer has no Content-Length: the parser's check must catch it.
    await page.goto(`${site.url}/index.html?src=stream/9000013/story.json`);
    await waitForWidget(page, "error");
    assert.match(await page.textContent(byTestId("dm-error")), /the file is 9000013 bytes; a story file may be at most/);
    await page.context().close();
  });

  for (const [what, pattern] of [["WebAssembly", /_bg\.wasm$/], ["JS glue", /demands-matrix-[0-9a-f]+\.js$/]]) {
    test(`a tampered ${what} never runs; the prerendered matrix stays readable`, async () => {
      const page = await openPage(site.browser);
      await page.route(pattern, async (route) => {
        const response = await route.fetch();
        const bytes = Buffer.from(await response.body());
        bytes[bytes.length - 1] ^= 1;
        await route.fulfill({ response, body: bytes });
      });
      const refused = page.waitForEvent("console", { predicate: (msg) => /integrity/i.test(msg.text()) });
      await page.goto(`${site.url}/index.html`);
      await refused;
      // Whatever else the page does now, the widget must not start.
      await page.waitForLoadState("networkidle");
      assert.equal(await page.$(`${byTestId("dm-root")}[data-interactive]`), null, "the widget did not start");
      assert.equal((await page.$$('[data-testid^="dm-row-"]')).length, 14, "the prerendered rows are still there");
      await page.context().close();
    });
  }
});

describe("a Rust panic", () => {
  test("the widget becomes a static message with a reload link, and nothing calls into it again", async () => {
    const page = await openPage(site.browser);
    await page.goto(`${site.url}/index.html#view=all`);
    await waitForWidget(page);
    await armPanic(page);
    await page.click(byTestId("dm-tab-kyiv"));
    await page.waitForSelector(`${byTestId("dm-root")}[data-state="crashed"]`);
    const crashed = page.locator(byTestId("dm-root"));
    assert.match(await crashed.textContent(), /Sorry, this graphic stopped working\./);
    assert.match(await page.getAttribute(`${byTestId("dm-root")} a`, "href"), /\/index\.html#view=(all|kyiv)$/);
    assert.equal(await page.getAttribute(byTestId("dm-root"), "lang"), "en");
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), "Reload the page", "focus was in the widget");
    assert.deepEqual(await axeViolations(page), [], "the static message passes axe (contrast of its link too)");
    assert.equal(await page.$$eval('[data-testid^="dm-tab-"], [data-testid^="dm-row-"]', (n) => n.length), 0);
    // Clicks on the widget no longer reach the dead module: no further errors.
    const errors = page.errors.length;
    await page.click(`${byTestId("dm-root")} p`);
    assert.equal(page.errors.length, errors);
    const view = await page.evaluate(() => location.hash.replace("#view=", ""));
    await page.click(`${byTestId("dm-root")} a`);
    await page.waitForSelector(`${byTestId("dm-root")}[data-interactive]`);
    assert.equal(await page.getAttribute(byTestId("dm-root"), "data-view"), view, "the reload keeps the reader's view");
    await page.context().close();
  });
});

describe("Content-Security-Policy", () => {
  test("the site runs under the strict policy with zero violations", async () => {
    const page = await openPage(site.browser);
    await page.addInitScript(() => {
      window.__violations = [];
      document.addEventListener("securitypolicyviolation", (e) =>
        window.__violations.push(`${e.violatedDirective}: ${e.blockedURI}`),
      );
    });
    await page.goto(`${site.url}/index.html`);
    await waitForWidget(page);
    await page.click(byTestId("dm-tab-kyiv"));
    await page.click(`${byTestId("dm-cell-ceasefire-kyiv")} button`);
    await page.goto(`${site.url}/index.html?src=fixtures/two-sides.json`);
    await waitForWidget(page);
    assert.deepEqual(await page.evaluate(() => window.__violations), []);
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });
});
