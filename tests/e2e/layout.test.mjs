//! End-to-end layout tests over the corpus of real stories (`stories/`) and the built-in one:
//! every view at every width an article may give it, light and dark, both densities, read as a
//! reader sees it: no word split across two lines (measured from the rendered text, not from CSS
//! rules), no sideways scroll; axe finds nothing; and the compact matrix on a phone is a grid that
//! fits the screen.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, readdirSync, readFileSync } from "node:fs";
import { openPage, siteWithBrowser, waitForWidget } from "./browser.mjs";
import { axeViolations } from "./axe.mjs";

const DIST = process.env.DIST ?? "dist";
const FOLDER = process.env.DM_STORIES ?? "stories";
const SHOTS = "target/screenshots/layout";
mkdirSync(SHOTS, { recursive: true });

const CORPUS = readdirSync(FOLDER)
  .filter((file) => file.endsWith(".json") && !file.endsWith(".schema.json"))
  .sort()
  .map((file) => ({ path: `/${file.slice(0, -".json".length)}/`, story: JSON.parse(readFileSync(`${FOLDER}/${file}`, "utf8")) }));
const ISTANBUL = { path: "/", story: JSON.parse(readFileSync("static/stories/istanbul-2025-06-02.json", "utf8")) };
const STORIES = [ISTANBUL, ...CORPUS];

export const WIDTHS = [280, 320, 375, 600, 680, 720, 768, 1024, 1400];
const THEMES = ["light", "dark"];
const DENSITIES = ["default", "compact"];

const site = siteWithBrowser({ "/": DIST });

/**
 * Words split across two lines, as the page shows them: every run of letters and digits in the
 * widget's rendered text whose boxes lie on more than one line. Text a reader cannot see (clipped
 * to a pixel for screen readers, or hidden) is left out.
 */
function splitWords() {
  const root = document.querySelector('[data-testid="dm-root"]');
  const hidden = new Map();
  const unseen = (element) => {
    if (!element || element === root.parentElement) return false;
    if (!hidden.has(element)) {
      const box = element.getBoundingClientRect();
      const style = getComputedStyle(element);
      hidden.set(element, !element.checkVisibility({ visibilityProperty: true }) || style.display === "none" || box.width <= 1 || box.height <= 1 || unseen(element.parentElement));
    }
    return hidden.get(element);
  };
  const found = [];
  const range = document.createRange();
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const element = node.parentElement;
    if (unseen(element)) continue;
    const vertical = getComputedStyle(element).writingMode.startsWith("vertical");
    for (const match of node.data.matchAll(/[\p{L}\p{N}\p{M}]{2,}/gu)) {
      range.setStart(node, match.index);
      range.setEnd(node, match.index + match[0].length);
      const boxes = [...range.getClientRects()].filter((box) => box.width > 0 && box.height > 0);
      const lines = new Set(boxes.map((box) => Math.round(vertical ? box.left : box.top)));
      if (lines.size > 1) found.push(`“${match[0]}” in .${element.className || element.localName}`);
    }
  }
  return found;
}

const overflow = () => document.scrollingElement.scrollWidth - document.scrollingElement.clientWidth;

/** Every view's page of a story: `index.html` and `view-<side>.html`. */
const pages = ({ path, story }) => [`${path}index.html`, ...story.sides.map((side) => `${path}view-${side.id}.html`)];

describe("layout of every story at every width", () => {
  for (const entry of STORIES) {
    test(`${entry.story.title}: no word split inside itself, no sideways scroll`, async () => {
      const page = await openPage(site.browser, { viewport: { width: 1400, height: 900 } });
      const problems = [];
      for (const view of pages(entry)) {
        for (const theme of THEMES) {
          for (const density of DENSITIES) {
            await page.goto(`${site.url}${view}?theme=${theme}${density === "compact" ? "&density=compact" : ""}`);
            await waitForWidget(page);
            for (const width of WIDTHS) {
              await page.setViewportSize({ width, height: 900 });
              // Every quote open, as a reader may leave them.
              await page.evaluate(() => {
                for (const details of document.querySelectorAll("details")) details.open = true;
                return new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
              });
              const where = `${view} ${theme} ${density} ${width} px`;
              for (const word of await page.evaluate(splitWords)) problems.push(`${where}: ${word}`);
              const sideways = await page.evaluate(overflow);
              if (sideways > 0) problems.push(`${where}: scrolls ${sideways} px sideways`);
            }
          }
        }
      }
      assert.deepEqual(problems, []);
      assert.deepEqual(page.errors, []);
      await page.context().close();
    });
  }

  test("axe finds nothing in any story, light and dark, both densities, in each layout (280, 375, 680, 1024 px)", async () => {
    const page = await openPage(site.browser, { viewport: { width: 375, height: 900 } });
    const problems = [];
    for (const entry of STORIES) {
      for (const width of [280, 375, 680, 1024]) {
        for (const theme of THEMES) {
          for (const density of DENSITIES) {
            await page.setViewportSize({ width, height: 900 });
            await page.goto(`${site.url}${entry.path}?theme=${theme}${density === "compact" ? "&density=compact" : ""}`);
            await waitForWidget(page);
            for (const v of await axeViolations(page)) problems.push(`${entry.path} ${width} ${theme} ${density}: ${v}`);
          }
        }
      }
    }
    assert.deepEqual(problems, []);
    await page.context().close();
  });
});

describe("the compact matrix on a phone", () => {
  /** The height of the all-sides table, and whether it is still a grid (a row of cells side by side). */
  async function compact(page, path, width = 375) {
    await page.setViewportSize({ width, height: 800 });
    await page.goto(`${site.url}${path}?density=compact`);
    await waitForWidget(page);
    return page.evaluate(() => {
      const table = document.querySelector(".dm-matrix__table");
      const row = document.querySelector(".dm-row");
      const cells = [...row.querySelectorAll(".dm-cell")].map((cell) => cell.getBoundingClientRect());
      return {
        height: Math.round(table.getBoundingClientRect().height),
        grid: cells.every((cell) => Math.abs(cell.top - cells[0].top) < 1) && getComputedStyle(table).display === "table",
        heads: getComputedStyle(document.querySelector("thead")).position !== "absolute",
      };
    });
  }

  test("the Istanbul table fits in about one and a half screens, and every corpus story stays a grid", async () => {
    const page = await openPage(site.browser);
    const istanbul = await compact(page, "/");
    assert.ok(istanbul.grid && istanbul.heads, "a grid with its column heads");
    assert.ok(istanbul.height <= 1200, `Istanbul's table is ${istanbul.height} px tall`);
    await page.screenshot({ path: `${SHOTS}/compact-istanbul-375.png`, fullPage: true });
    for (const entry of CORPUS) {
      const { grid, height } = await compact(page, entry.path);
      assert.ok(grid, `${entry.path} is a grid at 375 px`);
      // A story of 7 issues and 4 sides (the Putrajaya talks) in at most 700 px.
      if (entry.story.issues.length === 7 && entry.story.sides.length === 4) assert.ok(height <= 700, `${entry.path}: ${height} px`);
      await page.screenshot({ path: `${SHOTS}/compact${entry.path.replaceAll("/", "-")}375.png`, fullPage: true });
    }
    const eight = CORPUS.find((entry) => entry.story.sides.length === 8);
    assert.ok(eight, "the corpus has a story of eight sides");
    assert.ok((await compact(page, eight.path)).grid, "eight sides stay a grid at 375 px");
    await page.context().close();
  });

  test("to a screen reader the grid of marks is the whole table: full side names, issues, every cell's stance in words", async () => {
    const page = await openPage(site.browser);
    for (const entry of [ISTANBUL, CORPUS.find((e) => e.story.sides.length === 8)]) {
      await compact(page, entry.path);
      const cdp = await page.context().newCDPSession(page);
      const { nodes } = await cdp.send("Accessibility.getFullAXTree");
      await cdp.detach();
      const seen = nodes.filter((n) => !n.ignored).map((n) => ({ role: n.role?.value, name: (n.name?.value ?? "").replace(/\s+/g, " ").trim() }));
      const { story } = entry;
      assert.equal(seen.filter((n) => n.role === "table").length, 1, `${entry.path}: one table`);
      const heads = seen.filter((n) => n.role === "columnheader").map((n) => n.name);
      for (const side of story.sides) assert.ok(heads.some((h) => h.startsWith(side.name)), `${entry.path}: column head ${side.name} in ${heads}`);
      assert.ok(!heads.some((h) => story.sides.some((side) => side.short !== side.name && h.includes(` ${side.short}`))), `${entry.path}: the short labels are not read: ${heads}`);
      const rows = seen.filter((n) => n.role === "rowheader").map((n) => n.name);
      for (const issue of story.issues) assert.ok(rows.some((row) => row.startsWith(`${issue.title}. `)), `${entry.path}: row ${issue.title}`);
      const words = { demands: "Demands", supports: "Supports", open: "Open", rejects: "Rejects", not_stated: "Not stated" };
      const buttons = seen.filter((n) => n.role === "button" && / on .*: /.test(n.name));
      assert.equal(buttons.length, story.issues.length * story.sides.length, `${entry.path}: a button for every cell`);
      for (const position of story.positions) {
        const side = story.sides.find((s) => s.id === position.side).name;
        const issue = story.issues.find((i) => i.id === position.issue).title;
        assert.ok(buttons.some((b) => b.name.startsWith(`${side} on ${issue}: ${words[position.stance]}`)), `${entry.path}: ${side} on ${issue}`);
      }
    }
    await page.context().close();
  });
});
