//! The gallery of the stories the site built (docs/gallery.md): every story of the stories folder,
//! and the built-in one, as readers see them on a phone (375 px, compact: the glance) and in an
//! article column (680 px, the default density), light; screenshots in docs/gallery/.
//
// Usage: node scripts/gallery.mjs [SITE]   (SITE: a built site, default dist; scripts/build first)
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import { execSync } from "node:child_process";
import { serve } from "../tests/e2e/server.mjs";
import { launch } from "../tests/e2e/browser.mjs";

const SITE = process.argv[2] ?? "dist";
const OUT = "docs/gallery";
const FOLDER = process.env.DM_STORIES ?? "stories";
// An article column's first screens: the matrix's top, not every card below it.
const COLUMN_HEIGHT = 2400;

const stories = [{ name: "istanbul-2025-06-02", path: "/", file: "static/stories/istanbul-2025-06-02.json" }];
for (const file of readdirSync(FOLDER).filter((f) => f.endsWith(".json") && !f.endsWith(".schema.json")).sort()) {
  const name = file.slice(0, -".json".length);
  if (!existsSync(join(SITE, name, "index.html"))) throw new Error(`${SITE}/${name}/ missing: build the site with the stories folder first`);
  stories.push({ name, path: `/${name}/`, file: join(FOLDER, file) });
}

rmSync(OUT, { recursive: true, force: true });
mkdirSync(OUT, { recursive: true });
const server = await serve({ "/": SITE });
const browser = await launch();
const sections = [];
for (const { name, path, file } of stories) {
  const story = JSON.parse(readFileSync(file, "utf8"));
  const shots = [];
  for (const [width, density] of [[375, "compact"], [680, "default"]]) {
    const context = await browser.newContext({ viewport: { width, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${server.url}${path}${density === "compact" ? "?density=compact" : ""}`);
    await page.waitForSelector('[data-testid="dm-root"][data-state="ready"][data-interactive]', { timeout: 30000 });
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    const image = `${name}-${width}.jpg`;
    await page.screenshot({
      path: join(OUT, image),
      type: "jpeg",
      quality: 80,
      fullPage: true,
      clip: density === "compact" ? undefined : { x: 0, y: 0, width, height: Math.min(height, COLUMN_HEIGHT) },
    });
    shots.push({ image, width, density, height });
    await context.close();
  }
  const sources = story.sources.length;
  sections.push(`## ${story.title}

${story.sides.length} sides (${story.sides.map((s) => s.name).join(", ")}), ${story.issues.length} issues, ${sources} source${sources === 1 ? "" : "s"}, in \`${story.lang ?? "en"}\`; as of ${story.as_of.date}, ${story.as_of.place}. Pages: \`${path === "/" ? "dist/" : `dist${path}`}\`; story file: \`${file}\`.

| 375 px, compact (the whole page, ${shots[0].height} px) | 680 px, default (its first ${Math.min(shots[1].height, COLUMN_HEIGHT)} of ${shots[1].height} px) |
| --- | --- |
| ![${story.title} at 375 px, compact](gallery/${shots[0].image}) | ![${story.title} at 680 px](gallery/${shots[1].image}) |
`);
}
await browser.close();
await server.close();

const commit = execSync("git rev-parse --short HEAD").toString().trim();
writeFileSync(
  "docs/gallery.md",
  `# Gallery: every story the site builds

The built-in story and every story of \`stories/\` (real negotiations, built from the published
reports whose text lies beside each story), as readers see them: on a phone (375 px) in compact
density, the glance, and in an article column (680 px) in the default density. Made by
\`node scripts/gallery.mjs\` from a built site (\`scripts/build\` first), ${new Date().toISOString().slice(0, 10)}, at ${commit}.

${sections.join("\n")}`,
);
console.log(`docs/gallery.md: ${stories.length} stories`);
