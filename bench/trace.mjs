//! Where the main thread's time goes, from a Chromium trace: script, style, layout, paint and
//! the rest, as self time (DevTools' "Summary" method), and the long tasks among them.
//
// `record(cdp, action)` traces while `action()` runs; `breakdown(events, from, to)` sums one
// window of it. Timestamps are the trace's own clock (µs); `marks` lets the page's
// performance.mark() calls (in the "blink.user_timing" category) delimit the window.

const CATEGORIES = [
  "devtools.timeline",
  "disabled-by-default-devtools.timeline",
  "v8.execute",
  "blink.user_timing",
  "toplevel",
  "loading",
];

/** Which of the five parts an event's self time belongs to, by the event's name. */
const PART = new Map([
  ...[
    "EvaluateScript",
    "FunctionCall",
    "EventDispatch",
    "TimerFire",
    "FireAnimationFrame",
    "RunMicrotasks",
    "v8.compile",
    "v8.compileModule",
    "v8.evaluateModule",
    "v8.produceCache",
    "v8.wasm.streamFromResponseCallback",
    "v8.wasm.compiledModule",
    "v8.wasm.cachedModule",
    "v8.wasm.moduleCacheHit",
    "wasm.CompileLazy",
    "V8.Execute",
    "MajorGC",
    "MinorGC",
    "V8.GCScavenger",
    "V8.GCCompactor",
    "BlinkGC.AtomicPhase",
  ].map((name) => [name, "script"]),
  ...["UpdateLayoutTree", "ParseAuthorStyleSheet", "ScheduleStyleRecalculation", "InvalidateLayout"].map((name) => [name, "style"]),
  ...["Layout", "UpdateLayerTree", "PrePaint", "IntersectionObserverController::computeIntersections"].map((name) => [name, "layout"]),
  ...["Paint", "PaintImage", "Layerize", "UpdateLayer", "CompositeLayers", "Commit", "Decode Image", "ImageDecodeTask"].map((name) => [name, "paint"]),
  ...["ParseHTML"].map((name) => [name, "parse"]),
]);
export const PARTS = ["script", "style", "layout", "paint", "parse", "other"];

/** Traces the page of `cdp` while `action` runs; the trace's events. */
export async function record(cdp, action) {
  const events = [];
  const collect = ({ value }) => events.push(...value);
  cdp.on("Tracing.dataCollected", collect);
  await cdp.send("Tracing.start", { traceConfig: { includedCategories: CATEGORIES }, transferMode: "ReportEvents" });
  let result;
  try {
    result = await action();
  } finally {
    const done = new Promise((resolve) => cdp.once("Tracing.tracingComplete", resolve));
    await cdp.send("Tracing.end");
    await done;
    cdp.off("Tracing.dataCollected", collect);
  }
  return { events, result };
}

/** The renderer main thread's (pid, tid): the thread named CrRendererMain that ran the most. */
function mainThread(events) {
  const names = events.filter((e) => e.ph === "M" && e.name === "thread_name" && e.args?.name === "CrRendererMain");
  let best = null;
  let most = -1;
  for (const t of names) {
    const busy = events.filter((e) => e.pid === t.pid && e.tid === t.tid && e.ph === "X").length;
    if (busy > most) [best, most] = [t, busy];
  }
  return best && { pid: best.pid, tid: best.tid };
}

/** The timestamp (µs) of the page's `performance.mark(name)`, if it made one. */
export function mark(events, name) {
  const found = events.find((e) => e.name === name && e.cat?.includes("blink.user_timing") && (e.ph === "R" || e.ph === "I" || e.ph === "n"));
  return found ? found.ts : null;
}

/**
 * Self time per part (ms) of the main thread's work between `from` and `to` (µs, trace clock;
 * the whole trace when absent), and its tasks over 50 ms: `{ parts, total, longTasks, tasks }`.
 */
export function breakdown(events, from = -Infinity, to = Infinity) {
  const main = mainThread(events);
  if (!main) return null;
  const mine = events
    .filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === "X" && e.dur !== undefined)
    .filter((e) => e.ts + e.dur > from && e.ts < to)
    .sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  const parts = Object.fromEntries(PARTS.map((p) => [p, 0]));
  const tasks = [];
  // A stack of open events; each event's self time is its duration less its children's, clipped
  // to the window.
  const stack = [];
  const clip = (e) => Math.max(0, Math.min(e.ts + e.dur, to) - Math.max(e.ts, from));
  const close = (e) => {
    const self = clip(e) - e.childTime;
    const part = PART.get(e.name) ?? (e.parentPart ?? "other");
    parts[part] += Math.max(0, self) / 1000;
  };
  for (const e of mine) {
    while (stack.length && stack.at(-1).ts + stack.at(-1).dur <= e.ts) close(stack.pop());
    const node = { ...e, childTime: 0, parentPart: stack.length ? (PART.get(stack.at(-1).name) ?? stack.at(-1).parentPart) : undefined };
    if (stack.length) stack.at(-1).childTime += clip(e);
    // Work inside a script event that names no part of its own (a V8 callback) is script.
    stack.push(node);
    if (e.name === "RunTask" || e.name === "ThreadControllerImpl::RunTask") tasks.push({ ts: e.ts, ms: e.dur / 1000 });
  }
  while (stack.length) close(stack.pop());
  const total = Object.values(parts).reduce((a, b) => a + b, 0);
  const top = tasks.filter((t) => !tasks.some((o) => o !== t && o.ts <= t.ts && o.ts + o.ms * 1000 >= t.ts + t.ms * 1000 && o.ms > t.ms));
  return { parts, total, tasks: top, longTasks: top.filter((t) => t.ms > 50) };
}
