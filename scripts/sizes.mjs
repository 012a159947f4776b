//! Prints every file of a built site with its raw, gzip and brotli size, and the total.
//
// Usage: node scripts/sizes.mjs [dist]   (scripts/sizes builds first, then runs this)
// Brotli at quality 11 and gzip at level 9, as a CDN serving pre-compressed files would.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import { fileURLToPath } from "node:url";

/** Every file under `dir` (Trunk's .stage folder excluded), with its three sizes in bytes. */
export function measure(dir) {
  const files = [];
  const walk = (at) => {
    for (const name of readdirSync(at).sort()) {
      const path = join(at, name);
      if (name === ".stage") continue;
      if (statSync(path).isDirectory()) walk(path);
      else files.push(path);
    }
  };
  walk(dir);
  return files.map((path) => {
    const bytes = readFileSync(path);
    return {
      file: relative(dir, path),
      raw: bytes.length,
      gzip: gzipSync(bytes, { level: 9 }).length,
      brotli: brotliCompressSync(bytes, {
        params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
      }).length,
    };
  });
}

export function totals(rows) {
  return rows.reduce(
    (sum, r) => ({ raw: sum.raw + r.raw, gzip: sum.gzip + r.gzip, brotli: sum.brotli + r.brotli }),
    { raw: 0, gzip: 0, brotli: 0 },
  );
}

/**
 * What one page loads: its HTML plus every file of `dir` that the HTML names (stylesheet,
 * loader, and the JS glue and WebAssembly listed in its asset data). Files no page names, such
 * as the direct-embed module, count for no page. One entry per page, heaviest first. Readers'
 * pages only, unless `which` is "desk": the editors' desk.html (and the module it imports) is
 * not a page readers load. With "live", a reader's page as it loads for a live story
 * (`?src=…&live=…`, docs/live-stories.md): the live build's glue and WebAssembly (`live-*`)
 * instead of the default build's; other pages never load those.
 */
export function pages(rows, dir, which = "readers") {
  // Share images are named in a page's meta tags for social networks to fetch; no reader's
  // browser loads them.
  const swapped = (file) =>
    which === "live" ? /^demands-matrix-.*\.(js|wasm)$/.test(file) : file.startsWith("live-");
  const assets = rows.filter(
    (r) => !r.file.endsWith(".html") && !r.file.startsWith("images/") && !swapped(r.file),
  );
  const desk = (file) => file === "desk.html";
  return rows
    .filter((r) => r.file.endsWith(".html") && desk(r.file) === (which === "desk"))
    .map((page) => {
      const html = readFileSync(join(dir, page.file), "utf8");
      const loaded = assets.filter((a) => html.includes(a.file));
      return { page: page.file, ...totals([page, ...loaded]) };
    })
    .sort((a, b) => b.brotli - a.brotli);
}

export function table(rows, dir) {
  const kb = (n) => (n / 1000).toFixed(1).padStart(8);
  const width = Math.max(5, ...rows.map((r) => r.file.length));
  const line = (name, r) => `${name.padEnd(width)} ${kb(r.raw)} ${kb(r.gzip)} ${kb(r.brotli)}`;
  return [
    `${"file".padEnd(width)} ${"raw kB".padStart(8)} ${"gzip kB".padStart(8)} ${"br kB".padStart(8)}`,
    ...rows.map((r) => line(r.file, r)),
    line("all files", totals(rows)),
    "",
    "what each page loads (its HTML and the files it names):",
    ...pages(rows, dir).map((p) => line(p.page, p)),
    "",
    "a live story's page (the live build's glue and WebAssembly instead of the default's):",
    ...pages(rows, dir, "live")
      .filter((p) => p.page === "index.html")
      .map((p) => line("index.html?live=…", p)),
    "",
    "the editors' desk (its HTML, the files it names, and the glue and WebAssembly its boot script imports):",
    ...pages(rows, dir, "desk").map((p) => {
      const named = readFileSync(join(dir, p.page), "utf8");
      const boot = rows.find((r) => /^desk-boot-.*\.js$/.test(r.file) && named.includes(r.file));
      const imported = boot ? readFileSync(join(dir, boot.file), "utf8") : "";
      const more = rows.filter((r) => r.file.startsWith("desk-") && !r.file.startsWith("desk-boot") && imported.includes(r.file));
      return line(p.page, totals([p, ...more]));
    }),
  ].join("\n");
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dir = process.argv[2] ?? "dist";
  console.log(table(measure(dir), dir));
}
