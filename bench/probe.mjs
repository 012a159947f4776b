//! The in-page half of the benchmarks: an init script that records paint, layout shift, Event
//! Timing, takeover, WebAssembly memory and every view switch's click-to-next-paint time.
//
// Runs in the page before any of its scripts (page.addInitScript(probe, { rows })), so it sees
// the first paint and the WebAssembly instantiation. Everything lands in window.__b.

export function probe({ rows }) {
  const b = (window.__b = { fcp: null, live: null, loaded: null, cls: 0, survived: null, wasm: null, switches: [], events: [] });
  const body = () => document.querySelector('[data-testid="dm-body"]');
  const root = () => document.querySelector('[data-testid="dm-root"]');
  // The frame after `ready` has been painted: rAF runs before that frame's paint, a message
  // posted from it is handled after the paint. Used for load and for every view switch.
  const afterPaint = (then) =>
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => then(performance.now());
      channel.port2.postMessage(0);
    });

  // Hydration test: does a prerendered row (parsed before the first paint, which comes before
  // the WebAssembly starts) still stand after the WebAssembly took over?
  let firstRow = null;
  document.addEventListener("DOMContentLoaded", () => (firstRow = body()?.querySelector("tr") ?? null));
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (e.name === "first-contentful-paint") b.fcp = e.startTime;
  }).observe({ type: "paint", buffered: true });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (!e.hadRecentInput) b.cls += e.value;
  }).observe({ type: "layout-shift", buffered: true });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      if (e.interactionId) b.events.push({ name: e.name, id: e.interactionId, start: e.startTime, duration: e.duration });
    }
  }).observe({ type: "event", durationThreshold: 16, buffered: true });

  // wasm-bindgen's glue instantiates through one of these; keep the instance's memory.
  for (const name of ["instantiateStreaming", "instantiate"]) {
    const original = WebAssembly[name];
    if (!original) continue;
    WebAssembly[name] = async function (...args) {
      const result = await original.apply(this, args);
      const instance = result instanceof WebAssembly.Instance ? result : result.instance;
      b.wasm = instance.exports.memory ?? Object.values(instance.exports).find((x) => x instanceof WebAssembly.Memory) ?? null;
      return result;
    };
  }

  // Load: the widget is live and shows all `rows` of the story in its first view.
  const ready = () => {
    const r = root();
    return r && r.dataset.state === "ready" && (r.hasAttribute("data-interactive") || r.hasAttribute("data-live")) && (!rows || body()?.rows.length === rows);
  };
  const watch = () => {
    if (b.live === null && (root()?.hasAttribute("data-interactive") || root()?.hasAttribute("data-live"))) {
      b.live = performance.now();
      if (firstRow) b.survived = firstRow.isConnected;
    }
    if (ready())
      afterPaint((t) => {
        b.loaded = t;
        performance.mark("dm:loaded", { startTime: t });
      });
    else requestAnimationFrame(watch);
  };
  requestAnimationFrame(watch);

  // A view switch: from the click's event time to the first paint showing the new view.
  addEventListener(
    "click",
    (e) => {
      const tab = e.target.closest?.('[data-testid^="dm-tab-"]');
      if (!tab) return;
      const view = tab.dataset.testid.slice("dm-tab-".length);
      const t0 = e.timeStamp;
      // For a trace of the switch (bench/trace.mjs): where it starts and where it was painted.
      performance.mark("dm:click", { startTime: t0 });
      const check = () => {
        if (root()?.dataset.view === view)
          afterPaint((t) => {
            performance.mark("dm:painted", { startTime: t });
            b.switches.push({ view, t0, ms: t - t0 });
          });
        else requestAnimationFrame(check);
      };
      requestAnimationFrame(check);
    },
    { capture: true },
  );
}
