//! End-to-end tests of the story desk (desk.html) in Chromium, as an editor uses it: the example
//! in every view, width and theme; workbooks saved by spreadsheet programs we did not write;
//! every problem located; evidence checked against the source; downloads equal to the command
//! line's import; work kept across a reload; a keyboard-only path; axe in Chromium and Firefox
//! ESR; the strict Content-Security-Policy; and readers never loading any of it.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync, spawn } from "node:child_process";
import { request } from "node:http";
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { createHash } from "node:crypto";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openPage, siteWithBrowser } from "./browser.mjs";
import { serve } from "./server.mjs";
import { axeViolations, AXE_OPTIONS, AXE_SOURCE } from "./axe.mjs";
import { withFirefox } from "./firefox.mjs";
import { CSP } from "./csp.mjs";

const DIST = process.env.DIST ?? "dist";
const site = siteWithBrowser({ "/": DIST }, { headers: { "content-security-policy": CSP } });
const WORKBOOKS = "tests/fixtures/workbooks";
const REPORT = "tests/fixtures/istanbul-talks-report.txt";

const byTestId = (id) => `[data-testid="${id}"]`;
const VIEWS = ["all", "kyiv", "moscow", "west"];

/** The desk, ready, with CSP violations recorded in `window.__violations`. */
async function openDesk(options = {}) {
  const page = await openPage(site.browser, { viewport: { width: 1280, height: 900 }, acceptDownloads: true, ...options });
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener("securitypolicyviolation", (e) => window.__violations.push(`${e.violatedDirective}: ${e.blockedURI}`));
  });
  await page.goto(`${site.url}/desk.html`);
  await page.waitForSelector(byTestId("dmd-status"), { timeout: 30000 });
  return page;
}

async function status(page) {
  return (await page.textContent(byTestId("dmd-status"))).trim();
}

/** Opens `files` with the file picker and waits for the desk to say it opened them. */
async function open(page, ...files) {
  const names = files.map((f) => (typeof f === "string" ? f.split("/").pop() : f.name));
  const said = `Opened ${names.length === 1 ? names[0] : `${names.length} files`}:`;
  await page.setInputFiles(byTestId("dmd-file"), files);
  await page.waitForFunction((said) => (document.querySelector('[data-testid="dmd-status"]')?.textContent ?? "").startsWith(said), said, { timeout: 30000 });
}

async function problems(page) {
  return page.$$eval(`${byTestId("dmd-problems")} li`, (items) => items.map((li) => li.textContent.trim()));
}

async function previewViews(page) {
  return page.$$eval(`${byTestId("dmd-preview")} ${byTestId("dm-root")}`, (roots) => roots.map((r) => r.getAttribute("data-view")));
}

async function download(page, testId) {
  const [file] = await Promise.all([page.waitForEvent("download"), page.click(byTestId(testId))]);
  return { name: file.suggestedFilename(), bytes: readFileSync(await file.path()) };
}

/** What `story import` writes for `file` (the CLI is built by `cargo test` before this runs). */
function cliImport(file) {
  return execFileSync("cargo", ["run", "--quiet", "--locked", "--bin", "story", "--", "import", file], { encoding: "utf8" });
}

describe("the story desk", () => {
  test("readers never load desk code: no reader page names a desk file", () => {
    const pages = readdirSync(DIST).filter((f) => f.endsWith(".html") && f !== "desk.html");
    assert.ok(pages.includes("index.html"));
    for (const page of pages) assert.doesNotMatch(readFileSync(`${DIST}/${page}`, "utf8"), /desk/, page);
    assert.doesNotMatch(readFileSync(`${DIST}/widget.js`, "utf8"), /desk-/);
  });

  test("the example opens and the preview shows it in every view at 320, 680 and 1280 px, light and dark", async () => {
    const page = await openDesk();
    await page.click(byTestId("dmd-example"));
    await page.waitForSelector(`${byTestId("dmd-preview")} ${byTestId("dm-root")}[data-interactive]`);
    assert.match(await status(page), /no problems\. 3 sides, 14 issues/);
    const widths = await page.$$eval(".dmd-frame__widget", (frames) => frames.map((f) => Math.round(f.getBoundingClientRect().width)));
    assert.deepEqual(widths, [320, 680, 1280]);
    for (const view of VIEWS) {
      await page.click(`#dmd-view-${view}`);
      await page.waitForFunction((v) => [...document.querySelectorAll('[data-testid="dmd-preview"] [data-testid="dm-root"]')].every((r) => r.dataset.view === v && r.dataset.interactive), view);
      assert.deepEqual(await previewViews(page), [view, view, view]);
      const titles = await page.$$eval(`${byTestId("dmd-preview")} ${byTestId("dm-view-title")}`, (t) => t.map((x) => x.textContent));
      assert.equal(new Set(titles).size, 1, titles.join(" | "));
    }
    const background = () => page.$$eval(`${byTestId("dmd-preview")} ${byTestId("dm-root")}`, (roots) => roots.map((r) => getComputedStyle(r).backgroundColor));
    assert.deepEqual(await background(), Array(3).fill("rgb(255, 255, 255)"));
    await page.click("#dmd-theme-dark");
    await page.waitForFunction(() => getComputedStyle(document.querySelector('[data-testid="dmd-preview"] [data-testid="dm-root"]')).backgroundColor === "rgb(22, 22, 22)");
    assert.deepEqual(await background(), Array(3).fill("rgb(22, 22, 22)"));
    // The preview is the reader's widget: a cell opens its detail there too.
    await page.click(`${byTestId("dmd-frame-1280")} ${byTestId("dm-cell-ceasefire-kyiv")} button`);
    await page.waitForSelector(`${byTestId("dmd-frame-1280")} ${byTestId("dm-detail")}`);
    assert.deepEqual(await page.evaluate(() => window.__violations), []);
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });

  test("the images of the preview's view download as PNG and SVG, the SVG as `story render` draws it", async () => {
    const page = await openDesk();
    await page.click(byTestId("dmd-example"));
    await page.waitForSelector(`${byTestId("dmd-preview")} ${byTestId("dm-root")}[data-interactive]`);
    await page.click("#dmd-view-kyiv");
    assert.match(await page.inputValue(byTestId("dmd-image-alt")), /^Demands matrix: Istanbul talks: who demands what, Kyiv’s view, as of 2 June 2025\./);
    const pngSize = (bytes) => [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
    const card = await download(page, "dmd-image-card-png");
    assert.equal(card.name, "istanbul-2025-06-02-card-kyiv.png");
    assert.deepEqual(pngSize(card.bytes), [1200, 630]);
    assert.match(await status(page), /Downloaded istanbul-2025-06-02-card-kyiv\.png\./);
    // The text alternative shown is now the card's own, which says what the card leaves out.
    assert.match(await page.textContent('label[for="dmd-image-alt"]'), /Text alternative of istanbul-2025-06-02-card-kyiv\.png/);
    assert.match(await page.inputValue(byTestId("dmd-image-alt")), /A table of 14 issues, one column per side: [^.]+\. The card shows the first 7\.$/);
    const svg = await download(page, "dmd-image-card-svg");
    assert.equal(svg.name, "istanbul-2025-06-02-card-kyiv.svg");
    const out = join(mkdtempSync(join(tmpdir(), "dm-render-")), "card.svg");
    execFileSync("cargo", ["run", "--quiet", "--locked", "--bin", "story", "--", "render", "static/stories/istanbul-2025-06-02.json", "--view", "kyiv", "--format", "svg", "-o", out], { stdio: "pipe" });
    assert.equal(svg.bytes.toString("utf8"), readFileSync(out, "utf8"));
    // The full image takes the preview's colours.
    await page.click("#dmd-theme-dark");
    const full = await download(page, "dmd-image-full-png");
    assert.equal(full.name, "istanbul-2025-06-02-full-kyiv.png");
    assert.equal(pngSize(full.bytes)[0], 2000);
    const dark = await download(page, "dmd-image-full-svg");
    assert.match(dark.bytes.toString("utf8"), /<rect width="100%" height="100%" fill="#161616"\/>/);
    assert.deepEqual(await page.evaluate(() => window.__violations), []);
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });

  test("the example workbook opens with no problems and its evidence checked; the template, with no news, says what to fill in", async () => {
    const page = await openDesk();
    await open(page, `${DIST}/story-example.xlsx`);
    // The example carries its source's text: the check runs on opening, with nothing pasted.
    assert.match(await status(page), /Opened story-example\.xlsx: no problems\..*Evidence: \d+ evidence sentences and \d+ quotes checked against the text of 1 source: all found word for word\./);
    assert.deepEqual(await problems(page), []);
    await open(page, `${DIST}/story-template.xlsx`);
    const listed = (await problems(page)).join("\n");
    assert.match(listed, /title/);
    assert.match(listed, /a story needs at least one source/);
    assert.match(listed, /a story needs at least one side/);
    assert.doesNotMatch(listed, /Istanbul|Kyiv/, "the template holds no news");
    // A corpus story saved by LibreOffice as .ods with the texts of its ten sources: sentences
    // citing a second source are checked against that source, and the excerpts are said to be.
    await open(page, `${WORKBOOKS}/ukraine-geneva-libreoffice.ods`);
    assert.match(await status(page), /no problems\..*checked against the texts of 10 sources: all found word for word; all 10 texts are excerpts of their articles/);
    await page.context().close();
  });

  test("a workbook edited by openpyxl imports with its change, and the downloaded JSON equals the command line's import", async () => {
    const page = await openDesk();
    const file = `${WORKBOOKS}/istanbul-openpyxl-edited.xlsx`;
    await open(page, file);
    assert.match(await status(page), /no problems/, await status(page));
    // The two edits openpyxl made (tests/fixtures/workbooks/make-fixtures.py) are in the preview.
    const frame = byTestId("dmd-frame-1280");
    assert.match(await page.textContent(`${frame} ${byTestId("dm-cell-prisoners-moscow")}`), /Moscow agreed to swap prisoners\./);
    assert.equal(await page.getAttribute(`${frame} ${byTestId("dm-cell-leaders-meeting-moscow")}`, "data-stance"), "open");
    const json = await download(page, "dmd-download-json");
    assert.equal(json.name, "istanbul-openpyxl-edited.json");
    assert.equal(json.bytes.toString("utf8"), cliImport(file));
    const xlsx = await download(page, "dmd-download-xlsx");
    assert.equal(xlsx.name, "istanbul-openpyxl-edited.xlsx");
    assert.equal(xlsx.bytes.subarray(0, 2).toString("latin1"), "PK");
    await page.context().close();
  });

  test("a LibreOffice .ods imports, and equals the command line's import", async () => {
    const page = await openDesk();
    const file = `${WORKBOOKS}/istanbul-libreoffice.ods`;
    await open(page, file);
    assert.match(await status(page), /no problems/, await status(page));
    const json = await download(page, "dmd-download-json");
    assert.equal(json.bytes.toString("utf8"), cliImport(file));
    await page.context().close();
  });

  test("a broken workbook lists every problem with its sheet, row and column; the preview keeps the last good story", async () => {
    const page = await openDesk();
    await page.click(byTestId("dmd-example"));
    await page.waitForSelector(`${byTestId("dmd-preview")} ${byTestId("dm-root")}[data-interactive]`);
    await open(page, `${WORKBOOKS}/mistakes.xlsx`);
    assert.match(await status(page), /problems?\. Fix them/);
    const listed = await problems(page);
    assert.ok(listed.length >= 2, listed.join("\n"));
    assert.ok(listed.every((p) => /^[a-z ]+, row \d+/.test(p) || /^[a-z]+:/.test(p)), listed.join("\n"));
    assert.ok(listed.some((p) => /did you mean/.test(p)), listed.join("\n"));
    assert.match(await page.textContent(byTestId("dmd-problems")), /still shows the last version/);
    assert.deepEqual(await previewViews(page), ["all", "all", "all"]);
    await page.context().close();
  });

  test("the desk never scrolls sideways, from 1280 to 1920 px and on a phone: only the row of preview frames does", async () => {
    const page = await openDesk();
    await page.click(byTestId("dmd-example"));
    await page.waitForSelector(`${byTestId("dmd-preview")} ${byTestId("dm-root")}[data-interactive]`);
    for (const width of [1280, 1440, 1920, 375]) {
      await page.setViewportSize({ width, height: 900 });
      const { scroll, client } = await page.evaluate(() => ({ scroll: document.scrollingElement.scrollWidth, client: document.scrollingElement.clientWidth }));
      assert.ok(scroll <= client, `${width} px: the page is ${scroll} px wide`);
    }
    await page.context().close();
  });

  test("a file that is not a spreadsheet gets a clear message and the desk stays usable", async () => {
    const page = await openDesk();
    await open(page, { name: "photo.xlsx", mimeType: "image/png", buffer: Buffer.from("\x89PNG\r\n\x1a\nnot a workbook at all") });
    const listed = await problems(page);
    assert.equal(listed.length, 1, listed.join("\n"));
    await page.click(byTestId("dmd-example"));
    await page.waitForSelector(`${byTestId("dmd-preview")} ${byTestId("dm-root")}[data-interactive]`);
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });

  test("bad files (a zip bomb, a sheet that repeats itself 2 million times, 20 MB of noise, no story sheets) each get a message and the desk stays usable", async () => {
    const page = await openDesk();
    await page.click(byTestId("dmd-example"));
    await page.waitForSelector(`${byTestId("dmd-preview")} ${byTestId("dm-root")}[data-interactive]`);
    const cases = [
      [`${WORKBOOKS}/zip-bomb.xlsx`, /zip bomb/],
      [`${WORKBOOKS}/ods-repeat-bomb.ods`, /repeats its cells/],
      [{ name: "huge.xlsx", mimeType: "application/octet-stream", buffer: Buffer.alloc(20 * 1024 * 1024, 7) }, /MiB|MB/],
      [`${WORKBOOKS}/no-story-sheets.xlsx`, /^story: the workbook has no "story" sheet/],
    ];
    for (const [file, message] of cases) {
      const started = Date.now();
      await open(page, file);
      assert.ok(Date.now() - started < 30000, `${file.name ?? file} took ${Date.now() - started} ms`);
      const listed = await problems(page);
      assert.ok(listed.some((p) => message.test(p)), `${file.name ?? file}: ${listed.join("\n")}`);
      assert.deepEqual(await previewViews(page), ["all", "all", "all"], "the last good story stays");
    }
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });

  test("evidence not in the pasted source, word for word, is listed with the source's nearest sentence", async () => {
    const page = await openDesk();
    await page.click(byTestId("dmd-example"));
    await page.waitForSelector(byTestId("dmd-source-report"));
    const report = readFileSync(REPORT, "utf8");
    await page.fill(byTestId("dmd-source-report"), report);
    await page.waitForFunction(() => document.querySelector('[data-testid="dmd-problem-count"]').textContent.includes("(0)"));
    // The editor's copy of the report words one sentence differently.
    const sentence = "Kyiv continues to advocate for a full and unconditional ceasefire";
    assert.ok(report.includes(sentence), "the fixture holds the sentence this test changes");
    await page.fill(byTestId("dmd-source-report"), report.replace(sentence, "Kyiv keeps pressing for a complete and unconditional ceasefire"));
    await page.waitForSelector(byTestId("dmd-evidence-list"));
    const listed = await page.$$eval(`${byTestId("dmd-evidence-list")} li`, (items) => items.map((li) => li.textContent));
    assert.ok(listed.length >= 1);
    assert.ok(listed.every((p) => p.includes("Nearest sentence in the source")), listed.join("\n"));
    await page.context().close();
  });

  test("source texts belong to the story: a renamed copy is still checked, its paraphrase caught; the count of checked sentences is said beside the downloads", async () => {
    const page = await openDesk();
    await page.click(byTestId("dmd-example"));
    await page.waitForSelector(byTestId("dmd-source-report"));
    // The example comes with its source's text, checked at once.
    assert.match(await page.textContent(byTestId("dmd-evidence-status")), /checked against the text of 1 source: all found word for word/);
    assert.ok((await page.inputValue(byTestId("dmd-source-report"))).length > 1000, "the example's text is in place");
    // The text taken away: the desk says what is not checked, beside the downloads and the embed code.
    await page.fill(byTestId("dmd-source-report"), "");
    await page.waitForFunction(() => /not checked/.test(document.querySelector('[data-testid="dmd-evidence-status"]')?.textContent ?? ""));
    assert.match(await page.textContent(byTestId("dmd-evidence-status")), /of source "report" .* not checked: paste its text/);
    assert.match(await page.textContent(byTestId("dmd-publish-warning")), /not checked/);
    assert.match(await page.textContent(byTestId("dmd-embed-warning")), /^Before you embed it: /);
    assert.doesNotMatch(await page.textContent(byTestId("dmd-problems")), /ready to download/);
    const report = readFileSync(REPORT, "utf8");
    await page.fill(byTestId("dmd-source-report"), report);
    await page.waitForFunction(() => /all found word for word/.test(document.querySelector('[data-testid="dmd-evidence-status"]')?.textContent ?? ""));
    const story = JSON.parse(readFileSync("static/stories/istanbul-2025-06-02.json", "utf8"));
    const sentences = story.positions.reduce((n, p) => n + (p.evidence ?? []).length, 0);
    const quotes = story.positions.filter((p) => p.quote).length;
    assert.equal(
      (await page.textContent(byTestId("dmd-evidence-status"))).trim(),
      `Evidence: ${sentences} evidence sentences and ${quotes} quotes checked against the text of 1 source: all found word for word.`,
    );
    assert.equal(await page.$(byTestId("dmd-publish-warning")), null);
    // A copy saved again by the browser ("my-story (1).json"), one evidence sentence paraphrased.
    const sentence = "Kyiv continues to advocate for a full and unconditional ceasefire";
    const paraphrase = "Kyiv keeps pressing for a complete and unconditional ceasefire";
    const text = JSON.stringify(story, null, 2);
    assert.ok(text.includes(sentence), "the story cites the sentence this test changes");
    await open(page, { name: "my-story (1).json", mimeType: "application/json", buffer: Buffer.from(text.replace(sentence, paraphrase)) });
    assert.match(await status(page), /Evidence: .* checked against the text of 1 source: 1 not found word for word\./, await status(page));
    assert.equal(await page.inputValue(byTestId("dmd-source-report")), report, "the pasted text stays with its source");
    const listed = await page.$$eval(`${byTestId("dmd-evidence-list")} li`, (items) => items.map((li) => li.textContent));
    assert.equal(listed.length, 1, listed.join("\n"));
    assert.match(listed[0], new RegExp(`Nearest sentence in the source: ${sentence}`));
    assert.match(await page.textContent(byTestId("dmd-publish-warning")), /Evidence not in its source word for word: 1/);
    // The workbook downloaded now carries the source text: opened in another browser, it is
    // checked at once.
    const xlsx = await download(page, "dmd-download-xlsx");
    const other = await openDesk();
    await open(other, { name: "my-story-1.xlsx", mimeType: "application/octet-stream", buffer: xlsx.bytes });
    assert.match(await status(other), /1 not found word for word/, await status(other));
    assert.equal((await other.inputValue(byTestId("dmd-source-report"))).split(/\s+/).join(" "), report.split(/\s+/).filter(Boolean).join(" "));
    assert.deepEqual([...page.errors, ...other.errors], []);
    await other.context().close();
    await page.context().close();
  });

  test("opening the example asks before it replaces the story, and a reload after a broken file lists that file's problems", async () => {
    const page = await openDesk({ viewport: { width: 375, height: 800 } });
    await open(page, "tests/fixtures/stories/two-sides.json");
    await page.click(byTestId("dmd-example"));
    await page.waitForSelector(byTestId("dmd-example-ask"));
    assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), "dmd-example-keep", "the safe choice has the focus");
    assert.deepEqual(await axeViolations(page), []);
    await page.keyboard.press("Enter");
    assert.equal(await page.$(byTestId("dmd-example-ask")), null);
    assert.match(await status(page), /^Opened two-sides\.json/);
    await page.click(byTestId("dmd-example"));
    await page.click(byTestId("dmd-example-confirm"));
    await page.waitForFunction(() => /^Opened the example/.test(document.querySelector('[data-testid="dmd-status"]')?.textContent ?? ""));
    // A broken workbook, then a reload: its problems are listed again, not "Problems (0)".
    await open(page, `${WORKBOOKS}/mistakes.xlsx`);
    const before = await problems(page);
    assert.ok(before.length > 0);
    await page.reload();
    await page.waitForFunction(() => /^Restored /.test(document.querySelector('[data-testid="dmd-status"]')?.textContent ?? ""));
    assert.match(await status(page), /mistakes\.xlsx, has \d+ problems/);
    assert.deepEqual(await problems(page), before);
    assert.match(await page.textContent(byTestId("dmd-problems")), /still shows the last version/);
    assert.deepEqual(await axeViolations(page), []);
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });

  test("a positions table pasted from a spreadsheet replaces the story's positions", async () => {
    const page = await openDesk();
    await page.click(byTestId("dmd-example"));
    await page.waitForSelector(`${byTestId("dmd-preview")} ${byTestId("dm-root")}[data-interactive]`);
    // What a spreadsheet puts on the clipboard: tabs between cells, a cell with line breaks quoted.
    const story = JSON.parse(readFileSync("static/stories/istanbul-2025-06-02.json", "utf8"));
    const cell = (text) => (/[\t\n"]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text);
    const table = (change) =>
      ["Issue\tSide\tStance\tPriority\tSummary\tQuote\tSpeaker\tSource\tEvidence"]
        .concat(
          story.positions.map((original) => {
            const p = { ...original };
            change(p);
            return [p.issue, p.side, p.stance, p.priority ?? "", p.summary ?? "", p.quote?.text ?? "", p.quote?.speaker ?? "", p.source, (p.evidence ?? []).join("\n")]
              .map((v) => cell(String(v)))
              .join("\t");
          }),
        )
        .join("\n");
    const west = story.positions.find((p) => p.issue === "ceasefire" && p.side === "west");
    assert.equal(west.stance, "not_stated", "the example has the West silent on the ceasefire");
    const paste = async (text) => {
      await page.fill(byTestId("dmd-paste-text"), text);
      await page.evaluate(() => (window.__before = document.querySelector('[data-testid="dmd-status"]').textContent));
      await page.click(byTestId("dmd-paste"));
      await page.waitForFunction(() => {
        const now = document.querySelector('[data-testid="dmd-status"]').textContent;
        return now !== window.__before && now.startsWith("Opened the pasted positions");
      });
      return status(page);
    };
    await page.click(".dmd-paste summary");
    // "supports" needs a summary and evidence: the paste is checked as a whole, its rows named.
    let said = await paste(table((p) => p.issue !== "ceasefire" || p.side !== "west" || (p.stance = "supports")));
    assert.match(said, /problems?\. Fix them/, said);
    const listed = await problems(page);
    assert.ok(listed.some((p) => /^pasted rows, row \d+/.test(p) && /evidence/i.test(p)), listed.join("\n"));
    said = await paste(table((p) => p.issue !== "ceasefire" || p.side !== "kyiv" || (p.summary = "A summary changed in the spreadsheet.")));
    assert.match(said, /no problems/, said);
    assert.match(await page.textContent(byTestId("dmd-frame-1280")), /A summary changed in the spreadsheet\./);
    await page.context().close();
  });

  test("work in progress survives a reload", async () => {
    const page = await openDesk();
    await open(page, `${WORKBOOKS}/istanbul-openpyxl-edited.xlsx`);
    await page.reload();
    await page.waitForFunction(() => /^Restored /.test(document.querySelector('[data-testid="dmd-status"]')?.textContent ?? ""));
    await page.waitForSelector(`${byTestId("dmd-preview")} ${byTestId("dm-root")}[data-interactive]`);
    assert.match(await page.textContent(byTestId("dmd-download-json")), /istanbul-openpyxl-edited\.json/);
    await page.context().close();
  });

  test("the embed code points at the story's own pages, for each way to embed", async () => {
    const page = await openDesk();
    await open(page, `${WORKBOOKS}/istanbul-openpyxl-edited.xlsx`);
    for (const way of ["pym", "host", "direct"]) {
      const code = await page.inputValue(byTestId(`dmd-embed-${way}`));
      assert.match(code, /\/istanbul-openpyxl-edited\//, way);
      assert.doesNotMatch(code, /\?src=/, way);
    }
    assert.match(await page.inputValue(byTestId("dmd-embed-pym")), /new pym\.Parent\(/);
    // The host script by its content-hashed name, with its integrity (from the site's site.json).
    assert.match(await page.inputValue(byTestId("dmd-embed-host")), /src="[^"]+\/embed-[0-9a-f]{16}\.js" integrity="sha384-[^"]+" crossorigin="anonymous" defer/);
    assert.match(await page.inputValue(byTestId("dmd-embed-direct")), /<demands-matrix story="istanbul-openpyxl-edited">/);
    assert.match(await page.inputValue(byTestId("dmd-embed-direct")), /istanbul-openpyxl-edited\/widget\.js/);
    // The desk runs on this machine: it says so, and takes the published address instead.
    assert.match(await page.textContent("#dmd-base-note"), /on your computer/);
    await page.fill(byTestId("dmd-base"), "https://graphics.example.org/istanbul/");
    assert.match(await page.inputValue(byTestId("dmd-embed-host")), /data-src="https:\/\/graphics\.example\.org\/istanbul\/istanbul-openpyxl-edited\/"/);
    assert.doesNotMatch(await page.textContent("#dmd-base-note"), /on your computer/);
    await page.context().close();
  });

  test("the story's pages download as one zip that, unpacked on a plain static server, serves the pages as built; its embed codes, pasted into an article elsewhere, work with their integrity", async (t) => {
    const [name] = readdirSync("stories").filter((f) => f.endsWith(".json")).sort();
    const stem = name.slice(0, -".json".length);
    // The widget's published folder: a plain static server on its own origin, with CORS.
    const folder = mkdtempSync(join(tmpdir(), "dm-pages-"));
    mkdirSync(join(folder, "site"));
    const server = await serve({ "/": join(folder, "site") }, { headers: { "access-control-allow-origin": "*" } });
    // Closed whatever happens: an open server would keep the test runner waiting.
    t.after(() => server.close());
    const page = await openDesk();
    await open(page, `stories/${name}`);
    await page.fill(byTestId("dmd-base"), `${server.url}/`);
    assert.doesNotMatch(await page.inputValue(byTestId("dmd-embed-direct")), /integrity/, "before the pages are made");
    const zip = await download(page, "dmd-download-pages");
    assert.equal(zip.name, `${stem}-pages.zip`);
    assert.match(await status(page), new RegExp(`Downloaded ${stem}-pages\\.zip`));
    // The codes now name the hashed entries with their integrity.
    const codes = { direct: await page.inputValue(byTestId("dmd-embed-direct")), host: await page.inputValue(byTestId("dmd-embed-host")) };
    assert.match(codes.direct, new RegExp(`src="${server.url}/${stem}/widget-[0-9a-f]{16}\\.js" integrity="sha384-[^"]+" crossorigin="anonymous"`));
    assert.match(codes.host, new RegExp(`src="${server.url}/embed-[0-9a-f]{16}\\.js" integrity="sha384-[^"]+" crossorigin="anonymous" defer`));
    await page.context().close();
    // Unpacked with a tool the project did not write, served by a plain static server.
    const file = join(folder, "pages.zip");
    writeFileSync(file, zip.bytes);
    execFileSync("python3", ["-m", "zipfile", "-e", file, join(folder, "site")]);
    for (const [way, code] of Object.entries(codes)) {
      const [, src, integrity] = /src="([^"]+)" integrity="([^"]+)"/.exec(code);
      const path = src.slice(`${server.url}/`.length);
      const bytes = readFileSync(join(folder, "site", path));
      assert.equal(integrity, `sha384-${createHash("sha384").update(bytes).digest("base64")}`, way);
    }
    const built = readdirSync(`${DIST}/${stem}`, { recursive: true }).filter((f) => /\.(html|js|png|svg|json)$/.test(f)).sort();
    const unpacked = readdirSync(join(folder, "site", stem), { recursive: true }).filter((f) => /\.(html|js|png|svg|json)$/.test(f)).sort();
    assert.deepEqual(unpacked, built, "the same files as the build's");
    // The pages as the build wrote them, but for their share tags' addresses, which the desk
    // takes from the published folder's address. (Its widget.js is the build's before terser.)
    const withoutShareTags = (html) => html.replace(/<meta property="og:(url|image)" content="[^"]*">/g, "");
    for (const page of built.filter((f) => f.endsWith(".html"))) {
      assert.equal(withoutShareTags(readFileSync(join(folder, "site", stem, page), "utf8")), withoutShareTags(readFileSync(`${DIST}/${stem}/${page}`, "utf8")), page);
    }
    // An article on another site with both codes pasted as the desk gives them.
    const article = await serve({}, {
      routes: {
        "/article.html": (req, res) => {
          res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
          res.end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>Article</title></head><body><main><h1>The article</h1>\n${codes.direct}\n<p>Between.</p>\n${codes.host}\n</main></body></html>`);
        },
      },
    });
    try {
      const reader = await openPage(site.browser, { viewport: { width: 680, height: 900 } });
      await reader.goto(`${server.url}/${stem}/`);
      await reader.waitForSelector('[data-testid="dm-root"][data-state="ready"][data-interactive]', { timeout: 15000 });
      const story = JSON.parse(readFileSync(`stories/${name}`, "utf8"));
      assert.equal(await reader.textContent(".dm-header__title"), story.title);
      assert.deepEqual(reader.errors, []);
      await reader.goto(`${article.url}/article.html`);
      await reader.waitForFunction(() => !!document.querySelector("demands-matrix")?.shadowRoot?.querySelector('[data-testid="dm-root"][data-interactive]'), null, { timeout: 20000 });
      // The frame loads lazily: it is far below the direct embed.
      const frameElement = await reader.waitForSelector("[data-demands-matrix-frame] iframe");
      await frameElement.scrollIntoViewIfNeeded();
      const frame = await frameElement.contentFrame();
      await frame.waitForSelector('[data-testid="dm-root"][data-interactive]', { timeout: 20000 });
      assert.equal(await reader.locator("demands-matrix .dm-header__title").textContent(), story.title);
      assert.deepEqual(reader.errors, []);
      await reader.screenshot({ path: `${process.env.SCREENSHOTS ?? "test-results/screenshots"}/desk-codes-pasted-680.png`, fullPage: true });
      await reader.context().close();
    } finally {
      await article.close();
    }
  });

  test("a story downloaded as a new version of the published file carries its history, as `story publish` writes it; live embed code", async () => {
    const page = await openDesk();
    await open(page, "tests/fixtures/stories/two-sides.json");
    // The file readers have now: the 30 May version, published over the 16 May one.
    const dir = mkdtempSync(join(tmpdir(), "dm-desk-previous-"));
    const previous = join(dir, "round.json");
    execFileSync("cargo", ["run", "--quiet", "--locked", "--bin", "story", "--", "publish", "tests/fixtures/history/v2.json",
      "--previous", "tests/fixtures/history/v1.json", "-o", previous], { stdio: "ignore" });
    const [file] = await Promise.all([page.waitForEvent("download"), page.setInputFiles(byTestId("dmd-previous"), previous)]);
    assert.equal(file.suggestedFilename(), "two-sides.json");
    assert.equal(readFileSync(await file.path(), "utf8"), readFileSync("tests/fixtures/stories/history.json", "utf8"));
    assert.equal(await status(page), "Downloaded two-sides.json as a new version of round.json (2025-05-30), with 2 earlier versions.");
    // The embed code for a live story: widgets that check every minute.
    assert.doesNotMatch(await page.inputValue(byTestId("dmd-embed-direct")), /live/);
    await page.check(byTestId("dmd-live"));
    assert.match(await page.inputValue(byTestId("dmd-embed-direct")), /<demands-matrix src="\/stories\/two-sides\.json" live="60">/);
    assert.match(await page.inputValue(byTestId("dmd-embed-host")), /index\.html\?src=stories\/two-sides\.json&amp;live=60"/);
    assert.match(await page.inputValue(byTestId("dmd-embed-pym")), /index\.html\?src=stories\/two-sides\.json&live=60"/);
    assert.deepEqual(await axeViolations(page), []);
    // An older story over a newer file is refused, and says why.
    await page.setInputFiles(byTestId("dmd-previous"), "tests/fixtures/stories/history.json");
    await page.waitForFunction(() => /must be after/.test(document.querySelector('[data-testid="dmd-status"]').textContent));
    assert.match(await status(page), /^history\.json: the new version's as_of\.date \(2025-06-03\) must be after the previous one's \(2025-06-03\)/);
    await page.context().close();
  });

  test("keyboard only: open a file, read its problems, open the example, download the story", async () => {
    const page = await openDesk();
    // Playwright turns on Chromium's file-chooser interception when someone listens for it,
    // in a message that can arrive after a key press sent at once: then the picker opens
    // natively and no event ever comes (CI, 30 s timeout). Listen first, before the first Tab.
    const choosing = page.waitForEvent("filechooser", { timeout: 60000 });
    // Tab to the file picker and open it with Space, as a keyboard user does.
    let tabs = 0;
    while (!(await page.evaluate(() => document.activeElement?.id === "dmd-file")) && tabs++ < 10) await page.keyboard.press("Tab");
    assert.equal(await page.evaluate(() => document.activeElement?.id), "dmd-file", "Tab reaches the file picker");
    await page.keyboard.press("Space");
    const chooser = await choosing;
    await chooser.setFiles(`${WORKBOOKS}/mistakes.xlsx`);
    await page.waitForFunction(() => /^Opened /.test(document.querySelector('[data-testid="dmd-status"]')?.textContent ?? ""));
    assert.ok((await problems(page)).length > 0);
    await page.keyboard.press("Tab");
    assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), "dmd-example");
    await page.keyboard.press("Enter");
    await page.waitForSelector(byTestId("dmd-download-json"));
    while (!(await page.evaluate(() => document.activeElement?.dataset.testid === "dmd-download-json")) && tabs++ < 40) await page.keyboard.press("Tab");
    const [file] = await Promise.all([page.waitForEvent("download"), page.keyboard.press("Enter")]);
    assert.equal(file.suggestedFilename(), "istanbul-2025-06-02.json");
    await page.context().close();
  });

  test("axe-core finds no violation: empty, with the example at 1280 and 375 px in both themes, with a broken workbook", async () => {
    const found = [];
    for (const width of [1280, 375]) {
      const page = await openDesk({ viewport: { width, height: 900 } });
      found.push(...(await axeViolations(page)).map((v) => `${width} empty: ${v}`));
      await page.click(byTestId("dmd-example"));
      await page.waitForSelector(`${byTestId("dmd-preview")} ${byTestId("dm-root")}[data-interactive]`);
      found.push(...(await axeViolations(page)).map((v) => `${width} example: ${v}`));
      // Three widgets on one page: each region named apart, headings in order (axe's
      // best-practice rules, beyond the WCAG set).
      const practice = await page.evaluate(() =>
        window.axe
          .run(document, { runOnly: { type: "rule", values: ["landmark-unique", "heading-order"] } })
          .then((r) => r.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(" ")}`))),
      );
      found.push(...practice.map((v) => `${width} example (best practice): ${v}`));
      await page.click("#dmd-theme-dark");
      found.push(...(await axeViolations(page)).map((v) => `${width} dark: ${v}`));
      await open(page, `${WORKBOOKS}/mistakes.xlsx`);
      found.push(...(await axeViolations(page)).map((v) => `${width} broken: ${v}`));
      // For people to look at: the desk's top and the problem list with a broken workbook open.
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: `test-results/desk-broken-${width}.png` });
      await page.locator(byTestId("dmd-problems")).screenshot({ path: `test-results/desk-problems-${width}.png` });
      await page.context().close();
    }
    assert.deepEqual(found, []);
  });

  test("axe-core finds no violation in Firefox ESR, with the example open", async () => {
    await withFirefox({}, async (ff) => {
      await ff.size(1280, 900);
      await ff.goto(`${site.url}/desk.html`);
      await ff.until(() => document.querySelector('[data-testid="dmd-example"]'));
      await ff.eval(() => document.querySelector('[data-testid="dmd-example"]').click());
      await ff.until(() => document.querySelector('[data-testid="dmd-preview"] [data-testid="dm-root"][data-interactive]'));
      const violations = await ff.eval(
        (source, options) => {
          if (!window.axe) (0, eval)(source);
          return window.axe.run(document, options).then((r) => r.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(" ")}`)));
        },
        AXE_SOURCE,
        AXE_OPTIONS,
      );
      assert.deepEqual(violations, []);
    });
  });
});

describe("scripts/preview", () => {
  test("serves the built site with an editor's story, that file only, to this machine only", async () => {
    const port = 18000 + Math.floor(Math.random() * 2000);
    const child = spawn("node", ["scripts/preview.mjs", `${process.cwd()}/tests/fixtures/stories/two-sides.json`, String(port)], {
      env: { ...process.env, DIST },
    });
    try {
      let printed = "";
      child.stdout.on("data", (chunk) => (printed += chunk));
      for (let i = 0; i < 100 && !printed.includes("The desk:"); i++) await new Promise((ok) => setTimeout(ok, 100));
      const address = /Your story:\s+(\S+)/.exec(printed)?.[1];
      assert.equal(address, `http://127.0.0.1:${port}/index.html?src=stories/two-sides.json`, printed);
      assert.match(printed, new RegExp(`The desk:\\s+http://127\\.0\\.0\\.1:${port}/desk\\.html`));
      const get = (path, host = `127.0.0.1:${port}`) =>
        new Promise((ok, fail) =>
          request({ host: "127.0.0.1", port, path, headers: { host } }, (res) => {
            let body = "";
            res.on("data", (c) => (body += c));
            res.on("end", () => ok({ status: res.statusCode, body }));
          }).on("error", fail).end(),
        );
      const story = await get("/stories/two-sides.json");
      assert.equal(story.status, 200);
      assert.equal(JSON.parse(story.body).title, "Test story: two sides");
      assert.equal((await get("/stories/hostile-strings.json")).status, 404, "a file beside the story is not served");
      assert.equal((await get("/stories/two-sides.json", `attacker.example:${port}`)).status, 403, "another host name is refused");
      const page = await openPage(site.browser);
      await page.goto(address);
      await page.waitForSelector('[data-testid="dm-root"][data-state="ready"][data-interactive]');
      assert.match(await page.textContent('[data-testid="dm-root"]'), /Test story: two sides/);
      await page.context().close();
    } finally {
      child.kill();
    }
  });
});

