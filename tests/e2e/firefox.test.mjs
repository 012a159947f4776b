//! Accessibility and keyboard tests in Debian's Firefox ESR (WebDriver through geckodriver):
//! axe-core with WCAG 2.2 AA tags and target-size in every view and with a detail open, at 320
//! and 1280 px, light and dark; the keyboard-only walk; the prerendered pages parse into the shape
//! the build recorded for hydration; the roles and names Firefox computes (WebDriver's computed
//! role and label: its accessibility tree is not reachable here) for tabs, cells, headers and
//! quote toggles, and Space on a tab; a live story's versions control.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { serve } from "./server.mjs";
import { withFirefox } from "./firefox.mjs";
import { firefoxViolations } from "./axe.mjs";

const DIST = process.env.DIST ?? "dist";
let server;

before(async () => {
  server = await serve({ "/": DIST, "/fixtures/": "tests/fixtures/stories" });
});

after(async () => {
  await server?.close();
});

const live = () => !!document.querySelector('[data-testid="dm-root"][data-interactive]');

const axe = firefoxViolations;

describe("Firefox ESR", () => {
  for (const colorScheme of ["light", "dark"]) {
    test(`axe-core finds no violation in any view or the detail, 320 and 1280 px, ${colorScheme}`, async () => {
      await withFirefox({ colorScheme }, async (ff) => {
        const found = [];
        for (const width of [320, 1280]) {
          await ff.size(width, 900);
          // Light unless asked: ?theme=auto follows the emulated system theme.
          await ff.goto(`${server.url}/index.html?theme=auto`);
          await ff.until(live);
          const background = await ff.eval(
            () => getComputedStyle(document.querySelector('[data-testid="dm-root"]')).backgroundColor,
          );
          assert.equal(background, colorScheme === "dark" ? "rgb(22, 22, 22)" : "rgb(255, 255, 255)");
          for (const view of ["all", "kyiv", "moscow", "west"]) {
            await ff.eval((v) => document.querySelector(`[data-testid="dm-tab-${v}"]`).click(), view);
            await ff.until((v) => document.querySelector(`[data-testid="dm-root"][data-view="${v}"]`), view);
            found.push(...(await axe(ff)).map((v) => `${width}px ${view}: ${v}`));
          }
          await ff.eval(() => document.querySelector('[data-testid="dm-cell-prisoners-kyiv"] button').click());
          await ff.until(() => document.querySelector('[data-testid="dm-detail"]'));
          found.push(...(await axe(ff)).map((v) => `${width}px detail: ${v}`));
        }
        assert.deepEqual(found, []);
      });
    });
  }

  test("a live story's versions control and an earlier version: no violation, 320 and 1280 px, light and dark", async () => {
    for (const colorScheme of ["light", "dark"]) {
      await withFirefox({ colorScheme }, async (ff) => {
        const found = [];
        for (const width of [320, 1280]) {
          await ff.size(width, 900);
          await ff.goto(`${server.url}/index.html?theme=auto&src=/fixtures/history.json&live=60`);
          await ff.until(() => document.querySelector('[data-testid="dm-versions"]'));
          found.push(...(await axe(ff)).map((v) => `${colorScheme} ${width}px latest: ${v}`));
          await ff.eval(() => document.querySelector('[data-testid="dm-version-0"]').click());
          await ff.until(() => document.querySelector('[data-testid="dm-version-0"][aria-pressed="true"]'));
          assert.equal(
            await ff.eval(() => document.querySelector('[data-testid="dm-as-of"] time').textContent),
            "16 May 2025",
          );
          found.push(...(await axe(ff)).map((v) => `${colorScheme} ${width}px 16 May: ${v}`));
        }
        assert.deepEqual(found, []);
      });
    }
  });

  test("Firefox parses every prerendered page into the shape the build recorded, so it hydrates", async () => {
    await withFirefox({}, async (ff) => {
      await ff.goto(`${server.url}/index.html`);
      const shapes = await ff.eval(async (pages) => {
        const found = {};
        for (const name of pages) {
          const html = await (await fetch(name)).text();
          const root = new DOMParser().parseFromString(html, "text/html").querySelector("[data-demands-matrix]");
          // src/dom.rs `Shape`, written again: element and comment counts, FNV-1a of the names.
          const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_COMMENT);
          let [elements, comments, hash] = [0, 0, 0x811c9dc5];
          const feed = (text) => {
            for (const c of text) hash = Math.imul(hash ^ c.charCodeAt(0), 0x01000193) >>> 0;
          };
          while (walker.nextNode()) {
            if (walker.currentNode.nodeType === Node.COMMENT_NODE) (comments++, feed("!"));
            else (elements++, feed(walker.currentNode.localName + ">"));
          }
          found[name] = [root.dataset.shape, `${elements} ${comments} ${hash}`];
        }
        return found;
      }, ["index.html", "view-kyiv.html", "view-moscow.html", "view-west.html"]);
      for (const [name, [recorded, parsed]] of Object.entries(shapes)) assert.equal(parsed, recorded, name);
    });
  });

  test("axe-core finds no violation in the loading and error states", async () => {
    await withFirefox({}, async (ff) => {
      await ff.size(320, 700);
      await ff.goto(`${server.url}/index.html?src=hang/story.json`);
      await ff.until(() => document.querySelector('[data-testid="dm-loading"]'));
      const found = (await axe(ff)).map((v) => `loading: ${v}`);
      await ff.goto(`${server.url}/index.html?src=fixtures/broken-unknown-ids.json`);
      await ff.until(() => document.querySelector('[data-testid="dm-error"]'));
      found.push(...(await axe(ff)).map((v) => `error: ${v}`));
      assert.deepEqual(found, []);
    });
  });

  test("roles and names Firefox computes: links then tabs, cells, row and group headers, quotes", async () => {
    await withFirefox({}, async (ff) => {
      await ff.size(1280, 900);
      // The prerendered page as parsed, before any script: no tab role, no button, no aria-expanded.
      await ff.goto(`${server.url}/index.html`);
      const before = await ff.eval(async () => {
        const html = await (await fetch("view-kyiv.html")).text();
        const root = new DOMParser().parseFromString(html, "text/html").querySelector("[data-demands-matrix]");
        return {
          tabRoles: root.querySelectorAll('[role="tab"], [role="tablist"]').length,
          controls: root.querySelectorAll("button, [aria-expanded]").length,
          nav: root.querySelector('[data-testid="dm-tabs"]').getAttribute("role"),
          current: root.querySelector('[aria-current="page"]')?.dataset.testid,
        };
      });
      assert.deepEqual(before, { tabRoles: 0, controls: 0, nav: "navigation", current: "dm-tab-kyiv" });

      await ff.goto(`${server.url}/view-kyiv.html`);
      await ff.until(live);
      assert.deepEqual(await ff.computed('[data-testid="dm-tabs"]'), { role: "tablist", name: "Whose view to show" });
      assert.deepEqual(await ff.computed('[data-testid="dm-tab-kyiv"]'), { role: "tab", name: "Kyiv" });
      assert.deepEqual(await ff.computed('[data-testid="dm-cell-ceasefire-kyiv"] button'), {
        role: "button",
        name: "Kyiv on Full and unconditional ceasefire: Demands No. 1",
      });
      const rowHeader = await ff.computed('[data-testid="dm-row-ceasefire"] th');
      assert.equal(rowHeader.role, "rowheader");
      assert.match(rowHeader.name, /^Full and unconditional ceasefire\.\s+A halt to the fighting/);
      const group = await ff.computed('[data-testid="dm-group-demands"] th');
      assert.equal(group.role, "rowheader", "a group's heading heads rows");
      assert.deepEqual(await ff.computed('[data-testid="dm-col-kyiv"]'), { role: "columnheader", name: "Kyiv (this view)" });
      const names = await ff.eval(() =>
        [...document.querySelectorAll(".dm-cell__more-label")].map((s) => s.textContent),
      );
      assert.equal(new Set(names).size, names.length, "each quote toggle has words of its own");
      assert.ok(names.every((n) => /^Quote from \S.* on \S/.test(n)), names.join(" | "));
      assert.equal(
        (await ff.computed('[data-testid="dm-cell-ceasefire-kyiv"] .dm-cell__more-label')).name,
        "Quote from Kyiv on Full and unconditional ceasefire",
      );
      // Headings: the standalone page's one h1 is the widget's title.
      assert.deepEqual(
        await ff.eval(() => [...document.querySelectorAll("h1")].map((h) => h.className)),
        ["dm-header__title"],
      );
      // A screen reader's heading key reaches the table (docs/screen-reader.md).
      assert.equal((await ff.computed(".dm-matrix__heading")).role, "heading");
      // Space selects a focused tab and does not scroll the page.
      await ff.size(1280, 500);
      await ff.eval(() => document.querySelector('[data-testid="dm-tab-kyiv"]').focus());
      await ff.press("ArrowRight");
      await ff.until(() => document.querySelector('[data-testid="dm-root"]').dataset.view === "moscow");
      await ff.eval(() => document.querySelector('[data-testid="dm-tab-west"]').focus());
      await ff.press("Space");
      await ff.until(() => document.querySelector('[data-testid="dm-root"]').dataset.view === "west");
      assert.equal(await ff.eval(() => scrollY), 0, "Space did not scroll");
      assert.equal(
        await ff.eval(() => document.querySelector('[data-testid="dm-announce"]').textContent),
        "Now showing: The Western view",
      );
    });
  });

  test("keyboard only: Tab in, arrows through the views, open and close a detail, Tab out", async () => {
    await withFirefox({}, async (ff) => {
      await ff.size(1280, 900);
      await ff.goto(`${server.url}/index.html`);
      await ff.until(live);
      const focus = () =>
        ff.eval(() => {
          const el = document.activeElement;
          return el?.dataset.testid ?? el?.closest("td")?.dataset.testid ?? el?.tagName;
        });
      await ff.press("Tab");
      assert.equal(await focus(), "dm-tab-all");
      for (const view of ["kyiv", "moscow", "west", "all"]) {
        await ff.press("ArrowRight");
        assert.equal(await focus(), `dm-tab-${view}`);
        assert.equal(await ff.eval(() => document.querySelector('[data-testid="dm-root"]').dataset.view), view);
      }
      await ff.press("Tab");
      assert.equal(await focus(), "dm-skip", "the link that skips the table comes first");
      await ff.press("Tab");
      assert.equal(await focus(), "dm-cell-ceasefire-kyiv");
      await ff.press("Enter");
      await ff.until(() => document.activeElement?.dataset.testid === "dm-detail");
      // The detail describes itself by its stance and summary, which a screen reader says as
      // focus lands on it.
      const described = await ff.eval(() => {
        const said = document.getElementById(document.activeElement.getAttribute("aria-describedby"));
        return [...said.children].map((child) => child.className);
      });
      assert.equal(described[0], "dm-detail__stance");
      assert.ok(described.includes("dm-detail__summary"), described.join(" "));
      await ff.press("Escape");
      await ff.until(() => !document.querySelector('[data-testid="dm-detail"]'));
      assert.equal(await focus(), "dm-cell-ceasefire-kyiv");
      let left = false;
      for (let i = 0; i < 200 && !left; i++) {
        await ff.press("Tab");
        left = await ff.eval(() => !document.activeElement?.closest('[data-testid="dm-root"]'));
      }
      assert.ok(left, "Tab leaves the widget");
    });
  });
});
