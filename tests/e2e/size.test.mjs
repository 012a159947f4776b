//! The size budget: everything the widget page loads, brotli-compressed, must stay within 100 kB.
import { test } from "node:test";
import assert from "node:assert/strict";
import { measure, pages, table } from "../../scripts/sizes.mjs";

const DIST = process.env.DIST ?? "dist";
export const BUDGET_BYTES = 100_000;

test("every page loads at most 100 kB, brotli-compressed", () => {
  const rows = measure(DIST);
  console.log(table(rows, DIST));
  assert.ok(rows.some((r) => r.file.endsWith(".wasm")), "dist/ holds the WebAssembly");
  const all = pages(rows, DIST);
  assert.ok(all.every((p) => p.brotli > 80_000), "each page names its WebAssembly");
  assert.ok(all.length >= 1, "dist/ holds at least one page");
  for (const page of all) {
    assert.ok(page.brotli <= BUDGET_BYTES, `${page.page} loads ${page.brotli} B brotli, over the ${BUDGET_BYTES} B budget`);
  }
});

/**
 * A page showing a live story loads the live build instead (docs/live-stories.md). Issue 18
 * allowed it 2 kB over the 98.2 kB page before it, and the budget holds it to 100 kB: the
 * tighter of the two (98.2 kB measured, docs/size.md).
 */
export const LIVE_CEILING_BYTES = 100_000;

/**
 * The widget page itself: issue 16 allowed the widget in every language 1.5 kB over the 90.9 kB
 * page before it (docs/size.md, its paragraph "What languages cost"; 91.6 kB measured).
 */
export const PAGE_CEILING_BYTES = 92_400;

test("the widget page stays within what languages were allowed to add", () => {
  const plain = pages(measure(DIST), DIST).find((p) => p.page === "index.html");
  assert.ok(
    plain.brotli <= PAGE_CEILING_BYTES,
    `index.html loads ${plain.brotli} B brotli, over its ${PAGE_CEILING_BYTES} B ceiling`,
  );
});

test("a live story's page loads the live build instead, within the budget", () => {
  const rows = measure(DIST);
  assert.ok(rows.some((r) => /^live-.*\.wasm$/.test(r.file)), "dist/ holds the live build");
  const live = pages(rows, DIST, "live").find((p) => p.page === "index.html");
  const plain = pages(rows, DIST).find((p) => p.page === "index.html");
  assert.ok(live.brotli > plain.brotli, "the live build is the larger");
  assert.ok(
    live.brotli <= LIVE_CEILING_BYTES,
    `a live page loads ${live.brotli} B brotli, over its ${LIVE_CEILING_BYTES} B ceiling`,
  );
});
