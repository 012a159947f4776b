//! Release-build step (scripts/prerender-hook): gives the WebAssembly's imports and exports short
//! names, in the module and in its wasm-bindgen glue alike.
//!
//! wasm-bindgen names every import after the function and a hash (`__wbg_setAttribute_f753…`),
//! and each name is written twice, in the module and in the glue. The hashes do not compress:
//! short names take about 2 kB off what a page loads (README "Size"). binaryen renames the
//! module's side (`--minify-imports-and-exports-and-modules`) and prints the mapping; this script
//! applies it to the glue and refuses to write anything it cannot account for, so a changed
//! wasm-bindgen fails the build instead of shipping a module that cannot link.
//!
//! Usage: node scripts/shorten-names.mjs DIR (the staged site: one `*_bg.wasm` and its glue).
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const dir = process.argv[2];
if (!dir) throw new Error("usage: node scripts/shorten-names.mjs DIR");
const files = readdirSync(dir);
const only = (what, test) => {
  const found = files.filter(test);
  if (found.length !== 1) throw new Error(`expected one ${what} in ${dir}, found ${found.length}: ${found.join(", ")}`);
  return join(dir, found[0]);
};
const wasmPath = only("WebAssembly module", (f) => f.endsWith("_bg.wasm"));
const gluePath = only("wasm-bindgen glue", (f) => f.startsWith("demands-matrix-") && f.endsWith(".js"));

const mapping = JSON.parse(
  // binaryen from node_modules (scripts/setup), the version Trunk's own pass uses.
  execFileSync(fileURLToPath(new URL("../node_modules/.bin/wasm-opt", import.meta.url)), ["--minify-imports-and-exports-and-modules", wasmPath, "-o", wasmPath], {
    encoding: "utf8",
  }),
);
let glue = readFileSync(gluePath, "utf8");

const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
// A name as a whole token: not part of a longer identifier.
const token = (name) => new RegExp(`(?<![\\w$])${escape(name)}(?![\\w$])`, "g");
const replace = (pattern, by, what) => {
  const count = (glue.match(pattern) ?? []).length;
  if (count === 0) throw new Error(`the glue never names ${what}: is it wasm-bindgen's output for this module?`);
  // A function, not a string: minified names may hold `$`, which a replacement string reads
  // as a pattern (`$$`, `$&`).
  glue = glue.replace(pattern, () => by);
};

// The import object: `{ "./demands-matrix_bg.js": import0 }` holding `__wbg_…: function …`.
const modules = new Set(mapping.imports.map(([module]) => module));
if (modules.size !== 1) throw new Error(`expected imports from one module, found: ${[...modules].join(", ")}`);
const [module] = modules;
const newModule = moduleName(readFileSync(wasmPath));
replace(new RegExp(`(["'])${escape(module)}\\1`, "g"), JSON.stringify(newModule), `the module ${module}`);
for (const [, from, to] of mapping.imports) replace(token(from), to, `the import ${from}`);
// Exports are read as properties of the instance's exports, `wasm.<name>`; some (the start
// function's helpers) the glue never reads. The glue also has local functions named like the
// exports they wrap: those are its own names (terser shortens them), left as they are.
for (const [from, to] of mapping.exports) {
  glue = glue.replace(new RegExp(`(?<![\\w$])wasm\\.${escape(from)}(?![\\w$])`, "g"), () => `wasm.${to}`);
  const elsewhere = new RegExp(`\\.${escape(from)}(?![\\w$])|(["'])${escape(from)}\\1`);
  if (elsewhere.test(glue)) throw new Error(`the glue reads the export ${from} other than as wasm.${from}`);
}
writeFileSync(gluePath, glue);

/** The one module name in the import section of a WebAssembly binary. */
function moduleName(bytes) {
  let at = 8;
  const leb = () => {
    let value = 0;
    for (let shift = 0; ; shift += 7) {
      const byte = bytes[at++];
      value += (byte & 0x7f) * 2 ** shift;
      if (byte < 0x80) return value;
    }
  };
  while (at < bytes.length) {
    const id = bytes[at++];
    const size = leb();
    if (id === 2) {
      leb(); // the number of imports; the first one's module is every import's (checked above)
      const length = leb();
      return new TextDecoder().decode(bytes.subarray(at, at + length));
    }
    at += size;
  }
  throw new Error("the module has no import section");
}
