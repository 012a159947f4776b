//! Runs axe-core (from npm) in a page with the WCAG 2.2 AA tag set and the target-size rule on.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
export const AXE_SOURCE = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
export const AXE_OPTIONS = {
  runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] },
  rules: { "target-size": { enabled: true } },
};

/** Violations in a Playwright page, as "rule: target" lines (empty when the page passes). */
export async function axeViolations(page) {
  await page.evaluate(AXE_SOURCE);
  const result = await page.evaluate((options) => window.axe.run(document, options), AXE_OPTIONS);
  return result.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(" ")} — ${n.failureSummary?.split("\n")[1] ?? v.help}`));
}

/** Violations in a Firefox page driven over WebDriver BiDi (firefox.mjs), as "rule: target" lines. */
export function firefoxViolations(ff) {
  return ff.eval(
    (source, options) => {
      if (!window.axe) (0, eval)(source);
      return window.axe
        .run(document, options)
        .then((r) => r.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(" ")}`)));
    },
    AXE_SOURCE,
    AXE_OPTIONS,
  );
}
