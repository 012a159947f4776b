//! Internationalisation end-to-end tests: a story in each shipped language (uk, ru, de, fr, es,
//! ar) shows no English word the widget adds, in any view or the detail, visible or in an
//! accessible name, and counts with the locale's plural forms; axe-core finds no violation in any
//! locale in Chromium (320 and 1280 px) and Firefox ESR; Arabic runs right to left, mirrored, with
//! the arrow keys following what readers see; screenshots of uk, ar and the pseudo-locale en-XA,
//! whose longer words must not be clipped.
import { before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, readFileSync } from "node:fs";
import { openPage, siteWithBrowser, waitForWidget } from "./browser.mjs";
import { axeViolations, firefoxViolations } from "./axe.mjs";
import { serve } from "./server.mjs";
import { withFirefox } from "./firefox.mjs";

const DIST = process.env.DIST ?? "dist";
const SHOTS = process.env.SCREENSHOTS ?? "test-results/screenshots";
const LOCALES = ["uk", "ru", "de", "fr", "es", "ar"];
// The fixtures' sides (tests/fixtures/stories/locale-*.json), in story order; "all" comes first.
const VIEWS = ["all", "north", "south", "union"];
// A cell of every fixture whose position has a quote, so its detail shows the most words.
const DETAIL_CELL = "ceasefire-north";
const MOUNTS = { "/": DIST, "/fixtures/": "tests/fixtures/stories" };

const site = siteWithBrowser(MOUNTS);

before(() => mkdirSync(SHOTS, { recursive: true }));

const byTestId = (id) => `[data-testid="${id}"]`;
const story = (tag) => `/index.html?src=fixtures/locale-${tag}.json`;
const dirOf = (tag) => (tag === "ar" ? "rtl" : "ltr");
const readLocale = (tag) => JSON.parse(readFileSync(`locales/${tag}.json`, "utf8"));

/** Every string of a locale file, plural forms included, as [key, text] pairs. */
function messages(locale) {
  return Object.entries(locale).flatMap(([key, value]) =>
    typeof value === "string" ? [[key, value]] : Object.values(value).map((form) => [key, form]),
  );
}

/** `text` holds `fragment` as whole words: no letter or digit touches it on either side. */
function wholeWords(fragment) {
  const escaped = fragment.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/\s+/g, "\\s+");
  return new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, "iu");
}

/**
 * The words English adds, from locales/en.json: every message and plural form cut at its
 * `{placeholders}`, trimmed of what is not a letter or digit, kept when it has three ASCII
 * letters or more. Each as { fragment, key, pattern }.
 */
const ENGLISH = (() => {
  const seen = new Map();
  for (const [key, text] of messages(readLocale("en"))) {
    for (const piece of text.split(/\{[^}]*\}/)) {
      const fragment = piece.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, "");
      if ((fragment.match(/[A-Za-z]/g) ?? []).length < 3 || seen.has(fragment.toLowerCase())) continue;
      seen.set(fragment.toLowerCase(), { fragment, key, pattern: wholeWords(fragment) });
    }
  }
  return [...seen.values()];
})();

/** The English fragments a locale would show if a string went untranslated (not its cognates). */
function foreignTo(tag) {
  // Its words only: a placeholder such as `{issue}` is not a cognate of "Issue".
  const own = messages(readLocale(tag)).map(([, text]) => text.replace(/\{[^}]*\}/g, " ")).join("\n");
  return ENGLISH.filter(({ pattern }) => !pattern.test(own));
}

/** `message` with `{name}` placeholders filled from `values`. */
const fill = (message, values) => message.replace(/\{([^}]+)\}/g, (whole, name) => values[name] ?? whole);

/**
 * What the widget shows and says: the root's visible text (every quote disclosure opened) and
 * the accessible names it sets (aria-label, aria-labelledby resolved, aria-describedby, title,
 * alt, aria-roledescription, placeholder), each with where it was found.
 */
function widgetWords(page) {
  return page.evaluate(() => {
    const root = document.querySelector('[data-testid="dm-root"]');
    for (const details of root.querySelectorAll("details")) details.open = true;
    const where = (el) => el.dataset.testid ?? el.closest("[data-testid]")?.dataset.testid ?? el.localName;
    const words = [{ where: "visible text", text: root.innerText }];
    for (const el of [root, ...root.querySelectorAll("*")]) {
      for (const name of ["aria-label", "title", "alt", "aria-roledescription", "placeholder"]) {
        const value = el.getAttribute(name);
        if (value) words.push({ where: `${name} of ${el.localName} in ${where(el)}`, text: value });
      }
      for (const name of ["aria-labelledby", "aria-describedby"]) {
        const ids = el.getAttribute(name);
        if (!ids) continue;
        const text = ids
          .split(/\s+/)
          .map((id) => document.getElementById(id)?.textContent ?? "")
          .join(" ");
        words.push({ where: `${name} of ${el.localName} in ${where(el)}`, text });
      }
    }
    for (const details of root.querySelectorAll("details")) details.open = false;
    return words;
  });
}

/** Lines "<where>: "<fragment>" (en.json <key>) in "…context…"" for every English fragment found. */
function englishIn(words, fragments) {
  const found = [];
  for (const { where, text } of words) {
    for (const { fragment, key, pattern } of fragments) {
      const match = pattern.exec(text);
      if (!match) continue;
      const context = text.slice(Math.max(0, match.index - 30), match.index + match[0].length + 30).replace(/\s+/g, " ");
      found.push(`${where}: "${fragment}" (en.json "${key}") in "…${context}…"`);
    }
  }
  return found;
}

/**
 * A page showing `path` in `tag`'s words: this waits for the root's `lang` to say `tag` (and goes
 * on without it after 5 s, for the caller's assertion to say what is wrong).
 */
async function openStory(tag, width, path = story(tag)) {
  const page = await openPage(site.browser, { viewport: { width, height: 900 } });
  await page.goto(site.url + path);
  await waitForWidget(page);
  await page.waitForSelector(`${byTestId("dm-root")}[lang="${tag}"]`, { timeout: 5000 }).catch(() => {});
  return page;
}

async function showView(page, view) {
  await page.click(byTestId(`dm-tab-${view}`));
  await page.waitForSelector(`${byTestId("dm-root")}[data-view="${view}"]`);
}

async function openDetail(page, cell = DETAIL_CELL) {
  await page.click(`${byTestId(`dm-cell-${cell}`)} button`);
  await page.waitForSelector(byTestId("dm-detail"));
}

describe("every word the widget adds is in the story's language", () => {
  for (const tag of LOCALES) {
    test(`${tag}: no English in any view or the detail, visible or in a name; lang, dir and plurals`, async () => {
      const page = await openStory(tag, 1280);
      const root = byTestId("dm-root");
      assert.equal(await page.getAttribute(root, "lang"), tag);
      assert.equal(await page.getAttribute(root, "dir"), dirOf(tag));

      const fragments = foreignTo(tag);
      assert.ok(fragments.length > 50, `${fragments.length} English fragments to look for`);
      const found = [];
      for (const view of VIEWS) {
        await showView(page, view);
        found.push(...englishIn(await widgetWords(page), fragments).map((f) => `${view}: ${f}`));
      }
      await showView(page, "all");
      await openDetail(page);
      found.push(...englishIn(await widgetWords(page), fragments).map((f) => `detail: ${f}`));
      assert.deepEqual(found, []);

      // Counted headings and the caption take the CLDR form the locale's rules pick for their number.
      const locale = readLocale(tag);
      const rules = new Intl.PluralRules(tag);
      const counted = await page.$$eval('[data-testid^="dm-summary-"]', (blocks) =>
        blocks.map((b) => [b.dataset.kind, b.querySelector(".dm-summary__heading").textContent.trim()]),
      );
      counted.push(["caption", (await page.textContent(".dm-matrix__caption")).trim()]);
      assert.ok(counted.length >= 2, "the summary has a counted heading");
      for (const [key, heading] of counted) {
        const n = Number(/\d+/.exec(heading)?.[0]);
        const forms = locale[key];
        const expected = fill(forms[rules.select(n)] ?? forms.other, { n: String(n) });
        assert.equal(heading, expected, `${tag} "${key}" for ${n} (${rules.select(n)})`);
      }
      assert.deepEqual(page.errors, []);
      await page.context().close();
    });
  }
});

describe("axe-core finds no WCAG 2.2 AA violation in any locale, Chromium", () => {
  for (const tag of LOCALES) {
    test(`${tag}: every view and an open detail, 320 and 1280 px`, async () => {
      const found = [];
      for (const width of [320, 1280]) {
        const page = await openStory(tag, width);
        for (const view of VIEWS) {
          await showView(page, view);
          found.push(...(await axeViolations(page)).map((v) => `${width}px ${view}: ${v}`));
        }
        await showView(page, "all");
        await openDetail(page);
        found.push(...(await axeViolations(page)).map((v) => `${width}px detail: ${v}`));
        await page.context().close();
      }
      assert.deepEqual(found, []);
    });
  }
});

describe("Firefox ESR", () => {
  test("axe-core finds no violation in any locale, every view and the detail, 1280 px (and 320 px in ar)", async () => {
    const server = await serve(MOUNTS);
    try {
      await withFirefox({}, async (ff) => {
        const found = [];
        const runs = [...LOCALES.map((tag) => [tag, 1280]), ["ar", 320]];
        for (const [tag, width] of runs) {
          await ff.size(width, 900);
          await ff.goto(server.url + story(tag));
          await ff.until((t) => document.querySelector(`[data-testid="dm-root"][data-interactive][lang="${t}"]`), tag);
          const root = await ff.eval(() => {
            const el = document.querySelector('[data-testid="dm-root"]');
            return [el.getAttribute("lang"), el.getAttribute("dir")];
          });
          assert.deepEqual(root, [tag, dirOf(tag)]);
          for (const view of VIEWS) {
            await ff.eval((v) => document.querySelector(`[data-testid="dm-tab-${v}"]`).click(), view);
            await ff.until((v) => document.querySelector(`[data-testid="dm-root"][data-view="${v}"]`), view);
            found.push(...(await firefoxViolations(ff)).map((v) => `${tag} ${width}px ${view}: ${v}`));
          }
          await ff.eval(() => document.querySelector('[data-testid="dm-tab-all"]').click());
          await ff.eval((cell) => document.querySelector(`[data-testid="dm-cell-${cell}"] button`).click(), DETAIL_CELL);
          await ff.until(() => document.querySelector('[data-testid="dm-detail"]'));
          found.push(...(await firefoxViolations(ff)).map((v) => `${tag} ${width}px detail: ${v}`));
        }
        assert.deepEqual(found, []);
      });
    } finally {
      await server.close();
    }
  });
});

/**
 * Where things sit, in px from the left: the tabs, the column heads, and the first row's title
 * (its words' first line: the element itself is a block as wide as its cell) and cells (each
 * cell's side name and stance button, as cards show them side by side).
 */
function layout(page) {
  return page.evaluate(() => {
    const box = (el) => {
      const r = el.getBoundingClientRect();
      return { left: Math.round(r.left), right: Math.round(r.right), width: Math.round(r.width) };
    };
    const q = (selector) => document.querySelector(selector);
    const row = q('[data-testid="dm-row-ceasefire"]');
    return {
      tabs: [...document.querySelectorAll('[data-testid^="dm-tab-"]')].map((t) => [t.dataset.testid, box(t).left]),
      corner: box(q(".dm-matrix__corner")),
      columns: [...document.querySelectorAll('[data-testid^="dm-col-"]')].map(box),
      card: box(row),
      th: box(row.querySelector("th")),
      title: (() => {
        const words = document.createRange();
        words.selectNodeContents(row.querySelector(".dm-row__title"));
        return box({ getBoundingClientRect: () => words.getClientRects()[0] });
      })(),
      cells: [...row.querySelectorAll("td")].map(box),
      sides: [...row.querySelectorAll(".dm-cell__side")].map(box),
      buttons: [...row.querySelectorAll(".dm-cell__button")].map(box),
      overflow: document.documentElement.scrollWidth - innerWidth,
    };
  });
}

/** The mirrored layout, or with `rtl` false the plain one: a list of what is on the wrong side. */
function wrongSide(l, width, rtl) {
  // `a` is before `b` in reading order: right of it in RTL, left of it in LTR.
  const before = (a, b) => (rtl ? a.right >= b.right && a.left >= b.left : a.left <= b.left && a.right <= b.right);
  const wrong = [];
  const tabLefts = l.tabs.map(([, left]) => left);
  const sorted = [...tabLefts].sort((a, b) => (rtl ? b - a : a - b));
  if (tabLefts.join() !== sorted.join()) wrong.push(`tabs in this order from the left: ${JSON.stringify(l.tabs)}`);
  if (l.overflow > 0) wrong.push(`scrolls sideways by ${l.overflow}px`);
  if (width >= 1280) {
    // A table: the issue column is the first, so the rightmost in RTL; the sides follow it.
    for (const [i, cell] of l.cells.entries()) {
      if (!before(l.th, cell)) wrong.push(`row title ${JSON.stringify(l.th)} is not before cell ${i} ${JSON.stringify(cell)}`);
    }
    for (const [i, col] of l.columns.entries()) {
      if (!before(l.corner, col)) wrong.push(`"Issue" head ${JSON.stringify(l.corner)} is not before column ${i} ${JSON.stringify(col)}`);
      if (i > 0 && !before(l.columns[i - 1], col)) wrong.push(`column ${i - 1} is not before column ${i}`);
    }
  } else {
    // Cards: in each cell the side's name comes before the stance.
    for (const [i, side] of l.sides.entries()) {
      if (!before(side, l.buttons[i])) wrong.push(`cell ${i}: side name ${JSON.stringify(side)} is not before its stance ${JSON.stringify(l.buttons[i])}`);
    }
  }
  // The title's words start at their cell's start edge (the card's, in cards).
  const gap = rtl ? l.th.right - l.title.right : l.title.left - l.th.left;
  const far = rtl ? l.title.left - l.th.left : l.th.right - l.title.right;
  if (!(gap >= 0 && gap < 24 && far > gap)) wrong.push(`title words ${JSON.stringify(l.title)} are not at the start of their cell ${JSON.stringify(l.th)}`);
  return wrong;
}

describe("Arabic runs right to left", () => {
  for (const width of [320, 1280]) {
    test(`${width} px: dir="rtl" and the layout is mirrored (Ukrainian, left to right, is not)`, async () => {
      const found = [];
      for (const tag of ["ar", "uk"]) {
        const page = await openStory(tag, width);
        assert.equal(await page.getAttribute(byTestId("dm-root"), "dir"), dirOf(tag));
        found.push(...wrongSide(await layout(page), width, tag === "ar").map((w) => `${tag}: ${w}`));
        await page.context().close();
      }
      assert.deepEqual(found, []);
    });
  }

  test("keyboard only: ArrowLeft goes to the next tab, ArrowRight back; a cell's detail opens and closes", async () => {
    const page = await openStory("ar", 1280);
    const focus = () =>
      page.evaluate(() => {
        const el = document.activeElement;
        return el?.dataset.testid ?? el?.closest("td")?.dataset.testid ?? el?.tagName;
      });
    const view = () => page.getAttribute(byTestId("dm-root"), "data-view");
    const showing = readLocale("ar")["now-showing"].split("{view}")[0];
    await page.keyboard.press("Tab");
    assert.equal(await focus(), "dm-tab-all");
    // ArrowLeft: the next tab, which in RTL is the one to the left; it wraps round to "all".
    for (const next of ["north", "south", "union", "all"]) {
      await page.keyboard.press("ArrowLeft");
      assert.equal(await focus(), `dm-tab-${next}`, "ArrowLeft moves to the next tab");
      assert.equal(await view(), next, "and selects it");
      assert.ok((await page.textContent(byTestId("dm-announce"))).startsWith(showing), "announced in Arabic");
    }
    for (const back of ["union", "south", "north", "all"]) {
      await page.keyboard.press("ArrowRight");
      assert.equal(await focus(), `dm-tab-${back}`, "ArrowRight moves back");
      assert.equal(await view(), back);
    }
    await page.keyboard.press("Tab");
    assert.equal(await focus(), "dm-skip");
    await page.keyboard.press("Tab");
    assert.equal(await focus(), "dm-cell-ceasefire-north");
    await page.keyboard.press("Enter");
    assert.equal(await focus(), "dm-detail", "Enter opens the detail");
    await page.keyboard.press("Escape");
    await page.waitForSelector(byTestId("dm-detail"), { state: "detached" });
    assert.equal(await focus(), "dm-cell-ceasefire-north", "Escape returns focus to the cell");
    await page.keyboard.press("Space");
    await page.waitForSelector(byTestId("dm-detail"));
    assert.equal(await focus(), "dm-detail", "Space opens the detail");
    await page.keyboard.press("Tab");
    assert.equal(await focus(), "dm-detail-close");
    await page.keyboard.press("Enter");
    await page.waitForSelector(byTestId("dm-detail"), { state: "detached" });
    assert.equal(await focus(), "dm-cell-ceasefire-north", "focus is back on the cell");
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });
});

/**
 * Elements in the root that hide overflow yet hold more text than they show: "<testid> tag.class:
 * scroll > client" lines, as `cut`. Visually hidden text (1 px, clipped to nothing) is meant to
 * be hidden; its elements' tag.class are returned apart, as `hidden`.
 */
function clipped(page) {
  return page.evaluate(() => {
    const root = document.querySelector('[data-testid="dm-root"]');
    const cut = [];
    const hidden = [];
    for (const el of [root, ...root.querySelectorAll("*")]) {
      const style = getComputedStyle(el);
      const hides = (o) => o === "hidden" || o === "clip";
      if (!el.textContent.trim() || !(hides(style.overflowX) || hides(style.overflowY) || style.textOverflow === "ellipsis")) continue;
      const name = `${el.closest("[data-testid]")?.dataset.testid ?? ""} ${el.localName}.${[...el.classList].join(".")}`;
      const over = [];
      if ((hides(style.overflowX) || style.textOverflow === "ellipsis") && el.scrollWidth > el.clientWidth + 1) over.push(`width ${el.scrollWidth} > ${el.clientWidth}`);
      if (hides(style.overflowY) && el.scrollHeight > el.clientHeight + 1) over.push(`height ${el.scrollHeight} > ${el.clientHeight}`);
      if (!over.length) continue;
      const srOnly = el.clientWidth <= 1 || el.clientHeight <= 1 || /rect\(0(px)?,? 0(px)?,? 0(px)?,? 0(px)?\)/.test(style.clip);
      if (srOnly) hidden.push(`${el.localName}.${[...el.classList].join(".")}`);
      else cut.push(`${name}: ${over.join(", ")} "${el.textContent.trim().slice(0, 60)}"`);
    }
    return { cut, hidden };
  });
}

describe("a story from ?src= in another language", () => {
  /** Records each state the widget root passes through once it has shown "loading", with the
   *  label of its "all sides" tab: what a reader sees between the story and its words arriving. */
  const recordStates = (page) =>
    page.addInitScript(() => {
      window.__states = [];
      new MutationObserver(() => {
        const root = document.querySelector('[data-testid="dm-root"]');
        if (!root) return;
        const state = `${root.dataset.state}:${root.querySelector('[data-testid="dm-tab-all"]')?.textContent ?? ""}`;
        const seen = window.__states;
        if ((seen.length || root.dataset.state === "loading") && seen.at(-1) !== state) seen.push(state);
      }).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
    });

  test("shows as loading until its words arrive, never with English words first", async () => {
    const page = await openPage(site.browser, { viewport: { width: 1280, height: 900 } });
    let release;
    const held = new Promise((ok) => (release = ok));
    await page.route("**/locales/de.json", async (route) => {
      await held;
      await route.continue();
    });
    await recordStates(page);
    await page.goto(site.url + story("de"));
    await page.waitForSelector(`${byTestId("dm-root")}[data-state="loading"]`);
    // The story itself has arrived by now; its words are held back.
    await page.waitForTimeout(700);
    assert.equal(await page.getAttribute(byTestId("dm-root"), "data-state"), "loading");
    release();
    await waitForWidget(page);
    assert.equal(await page.textContent(byTestId("dm-tab-all")), "Alle Seiten");
    const states = await page.evaluate(() => window.__states);
    assert.ok(!states.some((s) => s.startsWith("ready:All sides")), states.join(" → "));
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });

  test("in English when its words cannot be had", async () => {
    const page = await openPage(site.browser, { viewport: { width: 1280, height: 900 } });
    await page.route("**/locales/fr.json", (route) => route.abort());
    await page.goto(site.url + story("fr"));
    await waitForWidget(page);
    assert.equal(await page.textContent(byTestId("dm-tab-all")), "All sides");
    assert.equal(await page.getAttribute(byTestId("dm-root"), "lang"), "fr", "the story's own words are French");
    await page.context().close();
  });
});

describe("a language the host picks (?lang=)", () => {
  test("the widget goes live in it, never in English first, the first paint kept until then", async () => {
    const page = await openPage(site.browser, { viewport: { width: 1280, height: 900 } });
    await page.addInitScript(() => {
      window.__liveLangs = [];
      new MutationObserver(() => {
        const root = document.querySelector('[data-testid="dm-root"][data-interactive]');
        if (root) window.__liveLangs.push(root.getAttribute("lang"));
      }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ["data-interactive", "lang"] });
    });
    await page.goto(site.url + "/index.html?lang=uk");
    await page.waitForSelector(`${byTestId("dm-root")}[data-interactive][lang="uk"]`);
    assert.deepEqual(await page.evaluate(() => [...new Set(window.__liveLangs)]), ["uk"]);
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });
});

describe("screenshots for review, and the pseudo-locale's longer words fit", () => {
  const shots = [
    ["uk", story("uk"), "ceasefire-north"],
    ["ar", story("ar"), "ceasefire-north"],
    ["en-XA", "/index.html?lang=en-XA", "ceasefire-kyiv"],
  ];
  for (const [tag, path, cell] of shots) {
    test(`${tag}: 320 and 1280 px${tag === "en-XA" ? ", no text clipped in any view" : ""}`, async (t) => {
      for (const width of [320, 1280]) {
        const page = await openStory(tag, width, path);
        assert.equal(await page.getAttribute(byTestId("dm-root"), "lang"), tag);
        if (tag === "en-XA") {
          const cut = [];
          const hidden = new Map();
          const views = await page.$$eval('[data-testid^="dm-tab-"]', (tabs) => tabs.map((tab) => tab.dataset.testid.slice(7)));
          for (const view of views) {
            await showView(page, view);
            const found = await clipped(page);
            cut.push(...found.cut.map((c) => `${width}px ${view}: ${c}`));
            for (const h of found.hidden) hidden.set(h, (hidden.get(h) ?? 0) + 1);
          }
          await showView(page, "all");
          await openDetail(page, cell);
          const found = await clipped(page);
          cut.push(...found.cut.map((c) => `${width}px detail: ${c}`));
          for (const h of found.hidden) hidden.set(h, (hidden.get(h) ?? 0) + 1);
          const counts = [...hidden].map(([name, n]) => `${name} ×${n}`).join(", ");
          t.diagnostic(`${width}px: visually hidden text, clipped on purpose (every view and the detail): ${counts}`);
          assert.deepEqual(cut, []);
        } else {
          await openDetail(page, cell);
        }
        await page.screenshot({ path: `${SHOTS}/i18n-${tag}-${width}.png`, fullPage: true });
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
        assert.ok(overflow <= 0, `${tag} ${width}px: scrolls sideways by ${overflow}px`);
        assert.deepEqual(page.errors, []);
        await page.context().close();
      }
    });
  }
});
