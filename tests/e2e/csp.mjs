//! The Content-Security-Policy the built site must run under with no violation: the build writes
//! it to `csp.txt` (src/prerender/page.rs), with the hash of the pages' one inline script.
import { readFileSync } from "node:fs";

const DIST = process.env.DIST ?? "dist";
export const CSP = readFileSync(`${DIST}/csp.txt`, "utf8").trim();
