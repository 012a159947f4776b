//! "Where the bytes go" for docs/benchmarks.md: twiggy's item sizes of a names-kept build of the
//! shipped WebAssembly (scripts/bench makes bench/.out/names/opt.wasm), summed by crate.
import { execFileSync } from "node:child_process";

const CRATE = /([a-z_][a-z0-9_]*)\[[0-9a-f]{16}\]/g;

export function whereBytesGo(wasm) {
  const items = JSON.parse(execFileSync("twiggy", ["top", "-n", "1000000", "-f", "json", wasm], { maxBuffer: 1 << 28 }));
  // The name section exists only in this build: the shipped file has none.
  const code = items.filter((i) => !/^"(function|local|data|global|type|table|elem|memory|module)[^"]*"\s+subsection/.test(i.name) && !i.name.startsWith('"name"'));
  const total = code.reduce((sum, i) => sum + i.shallow_size, 0);
  const by = new Map();
  for (const item of code) {
    const crates = [...item.name.matchAll(CRATE)].map((m) => m[1]);
    let crate;
    if (crates.includes("demands_matrix")) crate = "demands_matrix (our code, and generic code instantiated for our types)";
    else if (crates.length) crate = crates[0];
    else if (item.name.startsWith("data segment")) crate = "data segments (string literals, tables)";
    else crate = "other (imports, exports, tables, unnamed)";
    if (["core", "alloc", "std"].includes(crate)) crate = "Rust standard library (core, alloc, std)";
    by.set(crate, (by.get(crate) ?? 0) + item.shallow_size);
  }
  const rows = [...by].map(([crate, bytes]) => ({ crate, bytes })).sort((a, b) => b.bytes - a.bytes);
  const major = rows.filter((r) => r.bytes >= total * 0.01);
  const minor = rows.filter((r) => r.bytes < total * 0.01);
  const byCrate = [...major, { crate: `${minor.length} more crates under 1 % each (${minor.slice(0, 6).map((r) => r.crate).join(", ")}, …)`, bytes: minor.reduce((s, r) => s + r.bytes, 0) }];
  const top = code
    .sort((a, b) => b.shallow_size - a.shallow_size)
    .slice(0, 12)
    .map((i) => ({ name: i.name.replace(/\[[0-9a-f]{16}\]/g, "").slice(0, 160), bytes: i.shallow_size }));
  return { total, byCrate, top };
}
