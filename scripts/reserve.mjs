//! Release build step (scripts/build): lays out every built story's pages in headless Chromium at widths from 280 to 1400 px, in both densities, and writes each story's reserve.css, the space an embed holds before its content arrives, so the article does not move (docs/embedding.md "Reserving space").
//
//   node scripts/reserve.mjs dist
//
// For each story folder of the site (the built-in story at the root, each other story in its own
// folder) it writes reserve.css and a copy named by its content, reserve-<16 hex>.css, listed with
// its integrity in site.json's entries ("reserve.css", "<story>/reserve.css").
//
// What it reserves: at each width, the smallest height of any of the story's views, so a frame or
// element never holds more than the reader's view will take, whatever view it opens on; per
// density. A frame's height is its page's (what the page reports to its host), keyed by the
// frame's width; a direct embed's is the widget's own, keyed by the element's width. Heights fall
// as widths grow, so each band of widths holds the height at its widest, never more.
import { readdir, readFile, writeFile, stat } from "node:fs/promises";
import { createHash } from "node:crypto";
import { join } from "node:path";
import { serve } from "../tests/e2e/server.mjs";
import { launch } from "../tests/e2e/browser.mjs";

// Every 20 px where phones and article columns are, every 40 px above.
const WIDTHS = [...Array.from({ length: 27 }, (_, i) => 280 + i * 20), ...Array.from({ length: 15 }, (_, i) => 840 + i * 40)];
// Bands whose heights differ by less than this share one rule (holding the smaller height): the
// stylesheet stays small, and what the article may still move is a few pixels.
const MERGE = 0.03;
// Seconds a placeholder holds its space for a script that has not come: on a slow phone
// connection widget.js (13 kB) from another origin arrives well within it.
const GIVE_UP = 10;

/** The story folders of a built site: [name, folder], the built-in story's name being "". */
async function storyFolders(site) {
  const folders = [["", site]];
  for (const entry of await readdir(site, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    const folder = join(site, entry.name);
    const files = await readdir(folder);
    if (files.includes("index.html") && files.includes("widget.js")) folders.push([entry.name, folder]);
  }
  return folders;
}

/** Heights of one page at every width: { frame: [[width, px]], direct: [[width, px]] }. */
async function measure(page, url) {
  await page.setViewportSize({ width: WIDTHS[0], height: 900 });
  await page.goto(url);
  await page.waitForSelector('[data-testid="dm-root"][data-interactive]', { timeout: 30000 });
  const frame = [];
  const direct = [];
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 900 });
    const [html, mountWidth, mountHeight] = await page.evaluate(() => {
      const mount = document.querySelector(".dm-page__main > [data-demands-matrix]");
      const box = mount.getBoundingClientRect();
      return [Math.ceil(document.documentElement.getBoundingClientRect().height), Math.floor(box.width), Math.floor(box.height)];
    });
    frame.push([width, html]);
    direct.push([mountWidth, mountHeight]);
  }
  return { frame, direct };
}

/** Per width, the smallest height over the views; `tables` are [[width, px]] of equal widths. */
const smallest = (tables) => tables[0].map(([width], i) => [width, Math.min(...tables.map((t) => t[i][1]))]);

/**
 * Bands of widths with the height each holds: [[from, px]], from the narrowest. A band from one
 * measured width to the next holds the smaller of their heights; neighbours within MERGE of each
 * other merge, holding the smallest.
 */
export function bands(table) {
  const out = [];
  for (let i = 0; i < table.length; i++) {
    const [from, px] = table[i];
    const held = Math.min(px, (table[i + 1] ?? table[i])[1]);
    const last = out[out.length - 1];
    if (last && Math.abs(last.top - held) <= MERGE * last.top) {
      last.px = Math.min(last.px, held);
    } else {
      out.push({ from, px: held, top: held });
    }
  }
  return out.map(({ from, px }) => [from, px]);
}

/** The height `table`'s bands hold at width `at` (the band that starts at or before it). */
const heldAt = (table, at) => table.filter(([from]) => from <= at).pop()?.[1] ?? table[0][1];

/** The stylesheet for one story (docs/embedding.md "Reserving space"). */
export function stylesheet(name, heights) {
  const scope = name ? `:is([story="${name}"],[data-story="${name}"])` : ":not([story],[data-story])";
  const compact = ":is([density=compact],[data-density=compact])";
  // A direct embed until widget.js has drawn it (data-dm-host), unless it reads a story address;
  // a frame's placeholder (our host script's, or pym.js's container) until its page reported its
  // height (data-dm-sized).
  const direct = `:is(demands-matrix,[data-demands-matrix])${scope}:not([data-dm-host],[src],[data-src])`;
  const frame = `:is([data-demands-matrix-frame],[data-demands-matrix-pym])${scope}:not([data-dm-sized])`;
  const any = `:is(demands-matrix,[data-demands-matrix],[data-demands-matrix-frame],[data-demands-matrix-pym])${scope}`;
  // One custom property per way and density, set per band of the element's width below.
  const tables = {
    d: bands(heights.direct.default),
    dc: bands(heights.direct.compact),
    f: bands(heights.frame.default),
    fc: bands(heights.frame.compact),
  };
  const lines = [
    `/* demands-matrix: the space ${name ? `the story ${name}` : "the built-in story"} takes, held before it arrives (docs/embedding.md "Reserving space"). Written by scripts/reserve.mjs. */`,
    // Zero specificity throughout: any display, height or visibility the page sets wins. The
    // element is a container (which also contains the float) so the float can ask its width.
    `:where(demands-matrix${scope}){display:block}`,
    `:where(${direct},${frame}){container-type:inline-size}`,
    // A script that never comes (blocked, offline) must not leave a tall empty box: after
    // GIVE_UP the space goes, and the element's fallback link is all there is.
    `:where(${direct},${frame})::before{content:"";float:left;width:0;animation:dm-give-up 0s ${GIVE_UP}s forwards}`,
    `@keyframes dm-give-up{to{height:0}}`,
    `:where(${direct}:not(${compact}))::before{height:var(--dm-d)}`,
    `:where(${direct}${compact})::before{height:var(--dm-dc)}`,
    `:where(${frame}:not(${compact}))::before{height:var(--dm-f)}`,
    `:where(${frame}${compact})::before{height:var(--dm-fc)}`,
  ];
  const starts = [...new Set(Object.values(tables).flatMap((t) => t.map(([from]) => from)))].sort((a, b) => a - b);
  let before = {};
  for (const [i, at] of starts.entries()) {
    const held = Object.fromEntries(Object.entries(tables).map(([key, table]) => [key, heldAt(table, at)]));
    const changed = Object.entries(held).filter(([key, px]) => before[key] !== px);
    before = held;
    const rule = `:where(${any})::before{${changed.map(([key, px]) => `--dm-${key}:${px}px`).join(";")}}`;
    lines.push(i === 0 ? rule : `@container (min-width:${at}px){${rule}}`);
  }
  return lines.join("\n") + "\n";
}

async function main(site) {
  if (!site) throw new Error("usage: node scripts/reserve.mjs SITE_FOLDER");
  await stat(join(site, "site.json"));
  const server = await serve({ "/": site });
  const browser = await launch();
  const manifestPath = join(site, "site.json");
  const manifest = JSON.parse(await readFile(manifestPath, "utf8"));
  try {
    // Two pages at once: a build machine has two cores or more.
    const context = await browser.newContext();
    const tabs = [await context.newPage(), await context.newPage()];
    for (const [name, folder] of await storyFolders(site)) {
      const pages = (await readdir(folder)).filter((f) => f === "index.html" || /^view-[a-z0-9_-]+\.html$/.test(f));
      const jobs = ["default", "compact"].flatMap((density) => pages.map((file) => ({ density, file })));
      const queue = [...jobs];
      await Promise.all(
        tabs.map(async (tab) => {
          for (let job; (job = queue.shift()); ) {
            const query = job.density === "compact" ? "?density=compact" : "";
            job.heights = await measure(tab, `${server.url}/${name ? name + "/" : ""}${job.file}${query}`);
          }
        }),
      );
      const heights = { frame: {}, direct: {} };
      for (const density of ["default", "compact"]) {
        const measured = jobs.filter((job) => job.density === density).map((job) => job.heights);
        heights.frame[density] = smallest(measured.map((m) => m.frame));
        heights.direct[density] = smallest(measured.map((m) => m.direct));
      }
      const css = stylesheet(name, heights);
      const hash = createHash("sha256").update(css).digest("hex").slice(0, 16);
      const file = `reserve-${hash}.css`;
      await writeFile(join(folder, "reserve.css"), css);
      await writeFile(join(folder, file), css);
      const integrity = "sha384-" + createHash("sha384").update(css).digest("base64");
      manifest.entries[name ? `${name}/reserve.css` : "reserve.css"] = { file: name ? `${name}/${file}` : file, integrity };
      console.log(`reserve: ${name || "built-in story"}: ${pages.length} views, ${css.length} bytes`);
    }
    await writeFile(manifestPath, JSON.stringify(manifest));
  } finally {
    await browser.close();
    await server.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main(process.argv[2]).catch((error) => {
    console.error(`reserve: ${error.message}`);
    process.exit(1);
  });
}
