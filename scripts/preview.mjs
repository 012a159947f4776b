//! Serves dist/ with an editor's story under stories/ and prints where to see it (scripts/preview).
//!
//! Usage: node scripts/preview.mjs STORY.json [PORT]
import { mkdtempSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { serve } from "../tests/e2e/server.mjs";

const [story, port = "8090"] = process.argv.slice(2);
if (!story) throw new Error("usage: node scripts/preview.mjs STORY.json [PORT]");
const name = basename(story);
// Only the story itself, not its folder (often ~/Downloads): a folder holding a link to it.
const stories = mkdtempSync(join(tmpdir(), "dm-preview-"));
symlinkSync(story, join(stories, name));
const hosts = [`127.0.0.1:${port}`, `localhost:${port}`];
const { url } = await serve({ "/": process.env.DIST ?? "dist", "/stories/": stories }, { port: Number(port), hosts });
const page = `${url}/index.html?src=stories/${encodeURIComponent(name)}`;
console.log(`
Your story:   ${page}
One view:     ${page}&view=SIDE-ID
Dark theme:   ${page}&theme=dark
The desk:     ${url}/desk.html

The story is read afresh on every reload: edit, save, reload. Ctrl-C stops.`);
