//! Release-build step (scripts/prerender-hook): gives the WebAssembly's imports and exports short
//! names, in the module and in its wasm-bindgen glue alike.
//!
//! wasm-bindgen names every import after the function and a hash (`__wbg_setAttribute_f753…`),
//! and each name is written twice, in the module and in the glue. The hashes do not compress:
//! short names take about 3 kB off what a page loads (docs/size.md). binaryen renames the
//! module's side (`--minify-imports-and-exports-and-modules`) and prints the mapping; this script
//! applies it to the glue, then checks the result against the compiled module (every import
//! provided, every export the glue reads present), so a changed wasm-bindgen fails the build
//! instead of shipping a module that cannot link.
//!
//! A second wasm-opt run then optimises the renamed module once more (`-Oz --converge`): Trunk's
//! pass is one round, and a second, run to a fixed point, took another 0.76 kB (brotli) off. It
//! also drops the `producers` and `target_features` custom sections (the toolchain's names and
//! the features it enabled, 0.25 kB raw): browsers ignore them, and the features are given here.
//!
//! Both rounds (Trunk's, by index.html's parameters, and this one) pass `--low-memory-unused`:
//! wasm-opt may then fold constant offsets into loads and stores, assuming the program never
//! touches the lowest 1 KiB of memory (−0.5 kB brotli). Rust's wasm32 module puts its stack there,
//! growing down from 1 MiB to 0, with its data above 1 MiB: only a stack nearly 1 MiB deep would
//! reach that kibibyte, which overflows into address 0 either way.
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

// The features index.html's `data-wasm-opt-params` enable for Trunk's pass.
const FEATURES = ["--enable-bulk-memory", "--enable-nontrapping-float-to-int", "--enable-sign-ext", "--enable-mutable-globals", "--enable-reference-types", "--enable-multivalue"];
const mapping = JSON.parse(
  // binaryen from node_modules (scripts/setup), the version Trunk's own pass uses.
  execFileSync(fileURLToPath(new URL("../node_modules/.bin/wasm-opt", import.meta.url)), ["--minify-imports-and-exports-and-modules", wasmPath, "-o", wasmPath], {
    encoding: "utf8",
  }),
);
execFileSync(fileURLToPath(new URL("../node_modules/.bin/wasm-opt", import.meta.url)), [...FEATURES, "--low-memory-unused", "-Oz", "--converge", "--strip-producers", "--strip-target-features", wasmPath, "-o", wasmPath]);
let glue = readFileSync(gluePath, "utf8");
const bytes = readFileSync(wasmPath);
const compiled = new WebAssembly.Module(bytes);

const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
/** Renames every name of `map` found by `around(names)` in one pass, so a new name can never be
 * renamed again; a function rather than a replacement string, as minified names may hold `$`. */
const renameAll = (map, around) => {
  const pattern = new RegExp(around([...map.keys()].map(escape).join("|")), "g");
  glue = glue.replace(pattern, (...match) => {
    const { prefix, name } = match.at(-1);
    return prefix + map.get(name);
  });
};

// The import object: `{ "./demands-matrix_bg.js": import0 }` holding `__wbg_…: function …`.
// Every import name is a whole token there (not part of a longer identifier).
const modules = new Set(mapping.imports.map(([module]) => module));
if (modules.size !== 1) throw new Error(`expected imports from one module, found: ${[...modules].join(", ")}`);
const [module] = modules;
const newModule = WebAssembly.Module.imports(compiled)[0].module;
renameAll(new Map([[module, newModule]]), (names) => `(?<prefix>["'])(?<name>${names})(?=["'])`);
renameAll(new Map(mapping.imports.map(([, from, to]) => [from, to])), (names) => `(?<prefix>)(?<![\\w$])(?<name>${names})(?![\\w$])`);
// Exports are read as properties of the instance's exports, `wasm.<name>`. The glue also has
// local functions named like the exports they wrap: its own names (terser shortens them).
renameAll(new Map(mapping.exports), (names) => `(?<prefix>(?<![\\w$])wasm\\.)(?<name>${names})(?![\\w$])`);

// The proof: what the new module imports is what the glue provides, and what the glue reads is
// what the module exports.
if (!new RegExp(`["']${escape(newModule)}["']\\s*:`).test(glue)) throw new Error(`the glue does not provide the module "${newModule}"`);
for (const { name } of WebAssembly.Module.imports(compiled)) {
  if (!new RegExp(`(?<![\\w$])${escape(name)}\\s*:`).test(glue)) throw new Error(`the glue does not provide the import ${name}`);
}
const exported = new Set(WebAssembly.Module.exports(compiled).map((e) => e.name));
for (const [, name] of glue.matchAll(/(?<![\w$])wasm\.([\w$]+)/g)) {
  if (!exported.has(name)) throw new Error(`the glue reads wasm.${name}, which the module does not export`);
}
writeFileSync(gluePath, glue);
