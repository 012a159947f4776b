//! Generates the scaling benchmark's stories: n issues × k sides, valid, deterministic, with
//! text as long as the real story's, so larger stories cost what real ones of that size would.
//
// Usage: node bench/gen-story.mjs <out dir> [issues×sides ...]   (default: 10×3 100×3 ... 1000×8)
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const SIZES = [10, 100, 1000].flatMap((issues) => [3, 8].map((sides) => ({ issues, sides })));

/** A small seeded generator: the same story on every run and every machine. */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = "ceasefire prisoners children territory sanctions security guarantees elections treaty border monitoring exchange withdrawal talks reconstruction assets neutrality alliance referendum grain corridor energy nuclear plant humanitarian".split(" ");
const STANCES = ["demands", "supports", "open", "rejects", "not_stated"];

export function story(issues, sides) {
  const rnd = random(issues * 31 + sides);
  const pick = (list) => list[Math.floor(rnd() * list.length)];
  const words = (n) => Array.from({ length: n }, () => pick(WORDS)).join(" ");
  const sentence = (n) => {
    const s = words(n);
    return `${s[0].toUpperCase()}${s.slice(1)}.`;
  };
  const sideList = Array.from({ length: sides }, (_, s) => ({
    id: `side-${s}`,
    name: `Side number ${s + 1}`,
    short: `Side ${s + 1}`,
    members: [`Delegate ${s + 1}`],
  }));
  const issueList = Array.from({ length: issues }, (_, i) => ({
    id: `issue-${i}`,
    title: `Issue ${i + 1}: ${words(3)}`,
    explainer: sentence(16),
  }));
  const ranks = new Array(sides).fill(0);
  const positions = [];
  for (const issue of issueList) {
    sideList.forEach((side, s) => {
      const stance = pick(STANCES);
      const position = { issue: issue.id, side: side.id, stance, source: "report" };
      if (stance !== "not_stated") {
        const evidence = sentence(22);
        Object.assign(position, { summary: sentence(14), evidence: [evidence] });
        // Some cells carry a quote, as in the real story: a <details> element more per cell.
        if (rnd() < 0.25) position.quote = { text: evidence.slice(0, 40).trim(), speaker: side.members[0] };
        if (stance === "demands" && rnd() < 0.5) position.priority = ++ranks[s];
      }
      positions.push(position);
    });
  }
  return {
    lang: "en",
    title: `Generated story: ${issues} issues × ${sides} sides`,
    standfirst: sentence(30),
    as_of: { date: "2025-06-02", place: "Benchmark" },
    sources: [{ id: "report", outlet: "Generated", title: "A generated report" }],
    sides: sideList,
    issues: issueList,
    positions,
  };
}

export const storyFile = ({ issues, sides }) => `story-${issues}x${sides}.json`;

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const out = process.argv[2] ?? "bench/.out/stories";
  const sizes = process.argv.length > 3
    ? process.argv.slice(3).map((s) => { const [issues, sides] = s.split("x").map(Number); return { issues, sides }; })
    : SIZES;
  mkdirSync(out, { recursive: true });
  for (const size of sizes) writeFileSync(join(out, storyFile(size)), JSON.stringify(story(size.issues, size.sides)));
}
