//! End-to-end tests of every story of the stories folder (`stories/`, the corpus of real
//! stories), each built into its own pages: readable with scripts off, with its own share card,
//! hydrated in place; its widget.js on an article page, beside another story's; and a page asked
//! for another story by address that never shows a word of its own.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { openPage, siteWithBrowser, waitForWidget } from "./browser.mjs";

const DIST = process.env.DIST ?? "dist";
const FOLDER = process.env.DM_STORIES ?? "stories";
export const STORIES = readdirSync(FOLDER)
  .filter((file) => file.endsWith(".json") && !file.endsWith(".schema.json"))
  .sort()
  .map((file) => ({ name: file.slice(0, -".json".length), story: JSON.parse(readFileSync(`${FOLDER}/${file}`, "utf8")) }));
const BUILT_IN = JSON.parse(readFileSync("static/stories/istanbul-2025-06-02.json", "utf8"));

const site = siteWithBrowser({ "/": DIST, "/fixtures/": "tests/fixtures/stories", "/corpus/": FOLDER }, {
  routes: {
    // An article with two stories' direct embeds: the built-in story's widget.js and the first
    // corpus story's, each element naming its story or taking the first file's.
    "/two-stories.html": (req, res) => {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      res.end(`<!doctype html><html lang="en"><head><title>Article</title><link rel="icon" href="data:,"></head><body><main><h1>Article</h1>
<demands-matrix id="corpus" story="${STORIES[0].name}"></demands-matrix>
<demands-matrix id="builtin"></demands-matrix>
<script type="module" src="/widget.js"></script><script type="module" src="/${STORIES[0].name}/widget.js"></script>
</main></body></html>`);
    },
  },
});

const byTestId = (id) => `[data-testid="${id}"]`;
const views = (story) => [["index.html", "all"], ...story.sides.map((side) => [`view-${side.id}.html`, side.id])];
/** Text as the HTML holds it: `&`, `<` and `>` escaped. */
const escaped = (text) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** Width and height of a PNG, from its header. */
function pngSize(bytes) {
  assert.deepEqual([...bytes.subarray(1, 4)], [0x50, 0x4e, 0x47], "a PNG");
  return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
}

describe("the stories folder, each story built into its own pages", () => {
  test("the corpus has the stories the issues ask for", () => {
    assert.ok(STORIES.length >= 5, `${STORIES.length} stories`);
    const sides = STORIES.map(({ story }) => story.sides.length);
    assert.ok(sides.includes(2) && sides.includes(8), `sides per story: ${sides}`);
    assert.ok(STORIES.some(({ story }) => story.issues.length >= 20), "one story with 20 issues or more");
    assert.ok(STORIES.some(({ story }) => story.sources.length >= 2), "two sources or more");
    assert.ok(STORIES.some(({ story }) => (story.lang ?? "en") !== "en"), "one story not in English");
  });

  for (const { name, story } of STORIES) {
    test(`${name}: every view's page holds the story, in its language, with its own share card`, () => {
      for (const [file, view] of views(story)) {
        const html = readFileSync(`${DIST}/${name}/${file}`, "utf8");
        assert.match(html, new RegExp(`<html lang="${story.lang ?? "en"}"`), file);
        assert.ok(html.includes(`data-prerendered="${view}"`), file);
        for (const issue of story.issues) assert.ok(html.includes(escaped(issue.title)), `${file}: ${issue.title}`);
        for (const side of story.sides) assert.ok(html.includes(escaped(side.name)), `${file}: ${side.name}`);
        assert.ok(!html.includes(BUILT_IN.title), `${file} carries no word of the built-in story`);
        const card = /<meta property="og:image" content="([^"]+)">/.exec(html)?.[1];
        assert.equal(card, `images/card-${view}.png`, file);
        assert.deepEqual(pngSize(readFileSync(`${DIST}/${name}/${card}`)), [1200, 630], card);
      }
      assert.ok(readFileSync(`${DIST}/${name}/index.html`, "utf8").includes(`<title>${escaped(story.title)}</title>`), "its title");
      const widget = readFileSync(`${DIST}/${name}/widget.js`, "utf8");
      assert.ok(widget.includes(story.issues[0].id), "widget.js carries the story");
    });
  }

  test("what real talks say: a mediator or host is labelled beside its name and left out of the parties' agreement; a conditional stance shows its condition in its cell, its detail and the summary", async () => {
    const page = await openPage(site.browser, { viewport: { width: 1280, height: 900 } });
    for (const { name, story } of STORIES.filter(({ story }) => story.sides.some((s) => s.role && s.role !== "party"))) {
      await page.goto(`${site.url}/${name}/`);
      await waitForWidget(page);
      for (const side of story.sides.filter((s) => s.role && s.role !== "party")) {
        const head = page.locator(byTestId(`dm-col-${side.id}`));
        assert.equal((await head.locator(".dm-matrix__side-name").textContent()).trim(), side.name, `${name}: the name stays the name`);
        assert.ok(((await head.locator(".dm-role").textContent()) ?? "").trim().length > 0, `${name}: ${side.id}'s role is labelled`);
        const items = await page.$$eval(`${byTestId("dm-summary")} li`, (items) => items.map((li) => [li.dataset.issue, li.textContent]));
        for (const [issue, item] of items) {
          // The finding, without the issue's own title (which may name the side: "México como sede").
          const finding = item.replace(story.issues.find((i) => i.id === issue).title, "");
          assert.ok(!finding.includes(side.name), `${name}: ${side.name} is not counted in "${item}"`);
        }
      }
      assert.equal(await page.locator(byTestId("dm-summary-not-parties")).count(), 1, `${name}: the summary says whom it leaves out`);
    }
    const conditional = STORIES.flatMap(({ name, story }) => story.positions.filter((p) => p.condition).map((p) => ({ name, story, p })));
    assert.ok(conditional.length >= 2, "the corpus has conditional stances");
    for (const { name, story, p } of conditional) {
      await page.goto(`${site.url}/${name}/`);
      await waitForWidget(page);
      const cell = page.locator(byTestId(`dm-cell-${p.issue}-${p.side}`));
      assert.equal((await cell.locator(byTestId("dm-conditional")).textContent()).trim(), "with conditions", `${name}: ${p.side} on ${p.issue}`);
      await cell.locator("button").click();
      assert.match(await page.textContent(byTestId("dm-detail-condition")), new RegExp(`Condition: ${p.condition}`));
      const side = story.sides.find((s) => s.id === p.side).name;
      const summary = await page.textContent(byTestId("dm-summary"));
      const title = story.issues.find((i) => i.id === p.issue).title;
      if (summary.includes(title)) assert.ok(summary.includes(`${side} (with conditions)`), `${name}: ${side} on ${title} in the summary`);
    }
    await page.screenshot({ path: "test-results/screenshots/stories-conditional-1280.png" });
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });

  test("a story of several sources never calls them \"the report\"; a cell no source speaks to shows its stance alone", async () => {
    const page = await openPage(site.browser, { viewport: { width: 680, height: 900 } });
    for (const { name, story } of STORIES.filter(({ story }) => story.sources.length > 1 && (story.lang ?? "en") === "en")) {
      await page.goto(`${site.url}/${name}/`);
      await waitForWidget(page);
      // Every view, and a silent cell's detail opened: the words a reader can meet.
      for (const side of [null, ...story.sides]) {
        if (side) await page.click(byTestId(`dm-tab-${side.id}`));
        const text = await page.evaluate(() => document.querySelector('[data-testid="dm-root"]').textContent);
        assert.doesNotMatch(text, /\bthe report\b/i, `${name} ${side?.id ?? "all"}`);
      }
      const silent = story.positions.filter((p) => p.stance === "not_stated" && !p.summary);
      assert.ok(silent.length > 0, name);
      for (const p of silent) {
        const cell = (await page.textContent(byTestId(`dm-cell-${p.issue}-${p.side}`))).replace(/\s+/g, " ");
        const { name: side, role } = story.sides.find((s) => s.id === p.side);
        const issue = story.issues.find((i) => i.id === p.issue).title;
        // The side's name and role (for cards), the button's hidden name, and the stance word:
        // no more.
        const label = role && role !== "party" ? `${side} ${role}` : side;
        assert.equal(cell.replace(label, "").replace(`${side} on ${issue}: `, "").trim(), "Not stated", `${name}: ${p.side} on ${p.issue}`);
      }
      const [first] = silent;
      await page.click(`${byTestId(`dm-cell-${first.issue}-${first.side}`)} button`);
      const detail = await page.textContent(byTestId("dm-detail"));
      assert.match(detail, /No source says where this side stands on this issue/);
      assert.doesNotMatch(detail, /Source:/, "a silence names no source");
      await page.keyboard.press("Escape");
    }
    await page.context().close();
  });

  test("with scripts off every story reads, and its tabs lead to its own views", async () => {
    const page = await openPage(site.browser, { javaScriptEnabled: false, viewport: { width: 680, height: 900 } });
    for (const { name, story } of STORIES) {
      await page.goto(`${site.url}/${name}/`);
      const rows = await page.$$eval('[data-testid^="dm-row-"]', (rows) => rows.length);
      assert.equal(rows, story.issues.length, name);
      assert.equal(await page.getAttribute(byTestId("dm-root"), "data-interactive"), null);
      const side = story.sides.at(-1);
      await page.click(byTestId(`dm-tab-${side.id}`));
      await page.waitForURL(new RegExp(`/${name}/view-${side.id}\\.html$`));
      assert.equal(await page.getAttribute(byTestId("dm-root"), "data-view"), side.id, name);
    }
    await page.context().close();
  });

  test("the WebAssembly takes over each story's first paint in place", async () => {
    for (const { name, story } of STORIES) {
      const page = await openPage(site.browser, { viewport: { width: 680, height: 900 } });
      const warnings = [];
      page.on("console", (msg) => msg.type() === "warning" && warnings.push(msg.text()));
      await page.addInitScript(() => {
        document.addEventListener("DOMContentLoaded", () => {
          window.__firstCell = document.querySelector('[data-testid^="dm-cell-"]');
        });
      });
      await page.goto(`${site.url}/${name}/`);
      await waitForWidget(page);
      assert.equal(await page.evaluate(() => window.__firstCell === document.querySelector('[data-testid^="dm-cell-"]')), true, `${name}: first paint's cell kept`);
      const side = story.sides[1];
      await page.click(byTestId(`dm-tab-${side.id}`));
      await page.locator(`${byTestId("dm-root")}[data-view="${side.id}"]`).waitFor();
      assert.equal(new URL(page.url()).pathname, `/${name}/`, "switched in place");
      assert.deepEqual(page.errors, [], name);
      assert.deepEqual(warnings.filter((w) => w.includes("demands-matrix")), [], name);
      await page.context().close();
    }
  });
});

describe("a page asked for another story by address", () => {
  /** Loads `path` at 4× CPU and reads the page's visible text on every frame from the first. */
  async function sampled(path, words) {
    const page = await openPage(site.browser, { viewport: { width: 680, height: 900 } });
    const cdp = await page.context().newCDPSession(page);
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
    await page.addInitScript((words) => {
      window.__frames = [];
      const sample = () => {
        const text = document.body?.innerText ?? "";
        window.__frames.push({ at: performance.now(), seen: words.filter((word) => text.includes(word)), pending: text.length > 0 && !!document.querySelector('[data-testid="dm-pending"]')?.offsetHeight });
        requestAnimationFrame(sample);
      };
      requestAnimationFrame(sample);
    }, words);
    await page.goto(site.url + path);
    return page;
  }

  test("never shows a word of its own story, at any point of loading (4× CPU)", async () => {
    const other = STORIES[0];
    const cases = [
      // The built-in story's page, asked for a corpus story.
      [`/index.html?src=/corpus/${other.name}.json`, [BUILT_IN.title, BUILT_IN.issues[0].title, BUILT_IN.sides[0].name], other.story],
      // A corpus story's page, asked for a fixture.
      [`/${other.name}/index.html?src=/fixtures/four-sides.json`, [other.story.title, other.story.issues[0].title], JSON.parse(readFileSync("tests/fixtures/stories/four-sides.json", "utf8"))],
    ];
    for (const [path, words, wanted] of cases) {
      const page = await sampled(path, words);
      await page.waitForFunction((title) => document.querySelector('[data-testid="dm-root"][data-state="ready"]')?.textContent.includes(title), wanted.title, { timeout: 30000 });
      const frames = await page.evaluate(() => window.__frames);
      assert.ok(frames.length >= 3, `${path}: ${frames.length} frames sampled`);
      assert.deepEqual(frames.filter((f) => f.seen.length), [], `${path}: its own story's words on screen`);
      assert.ok(frames.some((f) => f.pending), `${path}: the placeholder showed while the story came`);
      assert.deepEqual(page.errors, []);
      await page.context().close();
    }
  });

  test("says the program did not arrive when it cannot start, and still shows none of its own", async () => {
    const page = await openPage(site.browser, { viewport: { width: 680, height: 900 } });
    await page.route("**/*.wasm", (route) => route.abort());
    await page.goto(`${site.url}/index.html?src=/fixtures/four-sides.json`);
    const pending = page.locator(`${byTestId("dm-pending")} [role="alert"]`);
    await pending.waitFor();
    assert.match(await pending.textContent(), /program could not be downloaded/);
    assert.ok(!(await page.evaluate(() => document.body.innerText)).includes(BUILT_IN.title));
    await page.context().close();
  });
});

describe("two stories' direct embeds on one article", () => {
  test("each element shows the story its widget.js carries, live, with ids unique on the page", async () => {
    const page = await openPage(site.browser, { viewport: { width: 680, height: 900 } });
    await page.goto(`${site.url}/two-stories.html`);
    const root = (host) => `#${host} ${byTestId("dm-root")}[data-interactive]`;
    await page.locator(root("corpus")).waitFor({ timeout: 15000 });
    await page.locator(root("builtin")).waitFor({ timeout: 15000 });
    const [first] = STORIES;
    assert.equal(await page.locator(`#corpus ${".dm-header__title"}`).textContent(), first.story.title);
    assert.equal(await page.locator(`#builtin ${".dm-header__title"}`).textContent(), BUILT_IN.title);
    assert.equal(await page.getAttribute(`#corpus ${byTestId("dm-root")}`, "lang"), first.story.lang ?? "en");
    const ids = await page.evaluate(() => [...document.querySelectorAll("demands-matrix")].map((host) => host.shadowRoot.querySelector('[data-testid="dm-root"]').id));
    assert.equal(new Set(ids).size, 2, `ids ${ids}`);
    // A tab of each switches its own widget only.
    const side = first.story.sides.at(-1).id;
    await page.click(`#corpus ${byTestId(`dm-tab-${side}`)}`);
    await page.locator(`#corpus ${byTestId("dm-root")}[data-view="${side}"]`).waitFor();
    assert.equal(await page.getAttribute(`#builtin ${byTestId("dm-root")}`, "data-view"), "all");
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });
});
