//! Lighthouse's mobile performance audit of a page, run as its command line does, for the suite
//! (bench/suite.mjs): score, total blocking time and the paint figures of each run.
//
// Lighthouse 12.2.3 is installed into bench/lighthouse/ by `scripts/setup --bench` (13.x needs a
// newer Node than this machine's). Its default preset is a mid-range phone: 4× CPU slowdown and
// a simulated slow 4G, on the page as served (loopback, brotli).
import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CHROMIUM } from "../tests/e2e/browser.mjs";

const BIN = "bench/lighthouse/node_modules/.bin/lighthouse";

export const available = () => existsSync(BIN);

/** One Lighthouse run on `url`: its performance score (0–100) and the figures it comes from. */
export async function audit(url) {
  const dir = mkdtempSync(join(tmpdir(), "dm-lighthouse-"));
  const out = join(dir, "report.json");
  try {
    await new Promise((resolve, reject) =>
      execFile(
        BIN,
        [
          url,
          "--quiet",
          "--only-categories=performance",
          "--output=json",
          `--output-path=${out}`,
          "--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-background-networking",
        ],
        { env: { ...process.env, CHROME_PATH: CHROMIUM }, timeout: 180000 },
        (err, _stdout, stderr) => (err ? reject(new Error(`lighthouse: ${err.message}\n${stderr.slice(-500)}`)) : resolve()),
      ),
    );
    const report = JSON.parse(readFileSync(out, "utf8"));
    const value = (id) => report.audits[id]?.numericValue ?? null;
    return {
      score: Math.round(report.categories.performance.score * 100),
      tbt: value("total-blocking-time"),
      maxFid: value("max-potential-fid"),
      fcp: value("first-contentful-paint"),
      lcp: value("largest-contentful-paint"),
      si: value("speed-index"),
      cls: value("cumulative-layout-shift"),
      // The main thread's tasks over 50 ms as Lighthouse saw them (simulated 4× CPU).
      longTasks: (report.audits["long-tasks"]?.details?.items ?? []).map((t) => ({ url: t.url, ms: t.duration, start: t.startTime })),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
