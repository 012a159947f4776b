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
