//! The size budget: everything the widget page loads, brotli-compressed, must stay within 100 kB.
import { test } from "node:test";
import assert from "node:assert/strict";
import { measure, table, totals } from "../../scripts/sizes.mjs";

const DIST = process.env.DIST ?? "dist";
export const BUDGET_BYTES = 100_000;

test("the built site is within the 100 kB brotli budget", () => {
  const rows = measure(DIST);
  console.log(table(rows));
  const { brotli } = totals(rows);
  assert.ok(rows.some((r) => r.file.endsWith(".wasm")), "dist/ holds the WebAssembly");
  assert.ok(brotli <= BUDGET_BYTES, `brotli total ${brotli} B is over the ${BUDGET_BYTES} B budget`);
});
