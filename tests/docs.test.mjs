//! Every file and section that code, scripts and docs cite exists, and the README stays a front page.
//
// Run: node --test tests/docs.test.mjs (scripts/test runs it; it needs no build).
// What counts as a citation:
//   - a Markdown link to a file of the repository, with or without `#anchor` (the anchor must be
//     a heading of that file, slugged as GitHub does);
//   - a file named with a section in quotes, as comments do: docs/embedding.md "Integrity",
//     docs/size.md's "Size", docs/architecture.md "Layout" (the section must be a heading of that file, or the
//     start of one);
//   - a path of the repository in any tracked text file: src/…, scripts/…, tests/…, docs/… and the
//     other top folders (it must exist; globs, placeholders and generated folders are skipped).
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, statSync } from "node:fs";
import { dirname, join, normalize } from "node:path";

const root = join(dirname(new URL(import.meta.url).pathname), "..");
const tracked = execFileSync("git", ["ls-files", "-z"], { cwd: root })
  .toString()
  .split("\0")
  .filter((f) => f && !f.startsWith("vendor/yew-") && existsSync(join(root, f)));
const text = (f) => readFileSync(join(root, f), "utf8");
const isText = (f) => /\.(rs|mjs|js|md|toml|html|css|json|sh|txt|keys)$/.test(f) || f.startsWith("scripts/") || f.startsWith(".ci/");
const sources = tracked.filter(isText).filter((f) => !f.endsWith(".json") || f.startsWith("locales/") || f.endsWith("schema.json"));

/** The headings of a Markdown file, outside code fences. */
function headings(file) {
  const out = [];
  let fence = false;
  for (const line of text(file).split("\n")) {
    if (line.startsWith("```")) fence = !fence;
    const m = !fence && /^#{1,6} (.*)$/.exec(line);
    if (m) out.push(m[1].trim());
  }
  return out;
}
/** GitHub's anchor for a heading. */
const slug = (h) => h.toLowerCase().replace(/[^\p{L}\p{N}\- _]/gu, "").replace(/ /g, "-");

test("the README is a front page: at most 250 lines, the two commands within the first 40", () => {
  const lines = text("README.md").split("\n");
  assert.ok(lines.length <= 250, `README.md has ${lines.length} lines`);
  const first = lines.slice(0, 40).join("\n");
  assert.match(first, /^scripts\/serve\b/m);
  assert.match(first, /^scripts\/test\b/m);
});

test("every Markdown link to a file of the repository finds the file and its heading", () => {
  const broken = [];
  for (const file of tracked.filter((f) => f.endsWith(".md"))) {
    let fence = false;
    text(file)
      .split("\n")
      .forEach((line, i) => {
        if (line.startsWith("```")) fence = !fence;
        if (fence) return;
        for (const m of line.matchAll(/\]\(([^)\s]+)\)/g)) {
          const target = m[1];
          if (/^[a-z]+:/.test(target)) continue;
          const [path, anchor] = target.split("#");
          const to = path ? normalize(join(dirname(file), path)) : file;
          if (!existsSync(join(root, to))) broken.push(`${file}:${i + 1}: ${target}: no file ${to}`);
          else if (anchor && to.endsWith(".md") && !headings(to).some((h) => slug(h) === anchor)) broken.push(`${file}:${i + 1}: ${target}: no heading #${anchor} in ${to}`);
        }
      });
  }
  assert.deepEqual(broken, []);
});

test("every section cited by name is a heading of the file named", () => {
  const broken = [];
  let count = 0;
  // A file, then one or two section names in quotes; a name may run over a comment's line break.
  const cite = /\b((?:docs|vendor|stories)\/[\w-]+\.md|README(?:\.md)?)(?:'s|,)? "([^"]+)"(?: and "([^"]+)")?/g;
  for (const file of sources) {
    const body = text(file);
    for (const m of body.matchAll(cite)) {
      const target = m[1].startsWith("README") ? "README.md" : m[1];
      const line = body.slice(0, m.index).split("\n").length;
      for (const raw of [m[2], m[3]].filter(Boolean)) {
        const name = raw.replace(/\s*\n\s*(?:\/\/[!/]?|#|\*)?\s*/g, " ").trim();
        count++;
        if (!existsSync(join(root, target))) {
          broken.push(`${file}:${line}: ${target} does not exist`);
          continue;
        }
        const ok = headings(target).some((h) => h === name || (h.startsWith(name) && /^[ ,:]/.test(h.slice(name.length))));
        if (!ok) broken.push(`${file}:${line}: ${target} has no section "${name}"`);
      }
    }
  }
  assert.ok(count > 20, `only ${count} citations found: is the pattern right?`);
  assert.deepEqual(broken, []);
});

test("every path of the repository named in code, scripts and docs exists", () => {
  // Folders the build, the tests and the benchmarks make, which a clean clone does not have.
  const generated = /^(dist|target|node_modules|tools|bench\/\.out|bench\/lighthouse\/node_modules|test-results)(\/|$)/;
  const top = "src|scripts|tests|docs|bench|static|stories|vendor|locales|fonts|fuzz|\\.ci";
  const path = new RegExp(`(?<![\\w./-])((?:${top})/[\\w./-]*[\\w/])`, "g");
  // Names that look like paths of the repository and are not, each for a reason.
  const notFiles = new Map([
    ["stories/story.schema.json", "the schema's address in the built site (static/stories/ in the repository)"],
    ["locales/en-XA.json", "the pseudo-locale, made by the build into the site"],
    ["stories/other.json", "an example file name in a command"],
    ["stories/round-2.json", "an example file name in a command"],
    ["stories/gaza-2025-10-09.json", "an example file name in a command"],
    ["stories/STEM.json", "the pattern of a story's file name"],
    ["stories/geneva.json", "a file a test writes"],
    ["stories/two-sides.json", "a file a test writes"],
  ]);
  const missing = [];
  for (const file of sources) {
    text(file)
      .split("\n")
      .forEach((line, i) => {
        for (const m of line.matchAll(path)) {
          const p = m[1].replace(/\/$/, "");
          const after = line.slice(m.index + m[0].length);
          // Globs, placeholders (`<story>`, `{id}`, `…`) and names cut by a line break.
          if (/^[-*<{…]/.test(after) || /[*]/.test(p) || generated.test(p) || notFiles.has(p)) continue;
          // vendor/README.md names files inside the vendored crate by the crate's own paths.
          const bases = file.startsWith("vendor/") ? [root, join(root, "vendor/yew-0.23.0")] : [root, join(root, dirname(file))];
          if (!bases.some((b) => existsSync(join(b, p)))) missing.push(`${file}:${i + 1}: ${p}`);
        }
      });
  }
  assert.deepEqual(missing, []);
});

test("docs/ holds no orphan: every doc is linked from the README or from another doc", () => {
  const docs = tracked.filter((f) => /^docs\/[^/]+\.md$/.test(f));
  const linked = new Set();
  for (const file of tracked.filter((f) => f.endsWith(".md"))) {
    for (const m of text(file).matchAll(/\]\(([^)#\s]+)[^)]*\)/g)) linked.add(normalize(join(dirname(file), m[1])));
  }
  assert.deepEqual(docs.filter((d) => !linked.has(d) && statSync(join(root, d)).isFile()), []);
});
