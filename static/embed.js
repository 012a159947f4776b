//! demands-matrix host script for news pages without pym.js: turns every <div data-demands-matrix-frame data-src="…/index.html"> into a titled, lazily loaded iframe that keeps its height right.
//
// It accepts a height only from the iframe it made (event.source), only as a finite number,
// clamped to a sane range; there is no message that navigates or runs anything.
(() => {
  const MIN = 120;
  const MAX = 20000;
  for (const holder of document.querySelectorAll("[data-demands-matrix-frame]:not([data-dm-ready])")) {
    holder.setAttribute("data-dm-ready", "");
    const frame = document.createElement("iframe");
    frame.src = holder.dataset.src;
    frame.title = holder.dataset.title || "Demands matrix: who demands what in the talks";
    frame.loading = "lazy";
    frame.setAttribute("scrolling", "no");
    frame.style.cssText = `display:block;width:100%;border:0;height:${Number(holder.dataset.height) || 800}px`;
    holder.append(frame);
    addEventListener("message", (event) => {
      const data = event.data;
      if (event.source !== frame.contentWindow || !data || data.sentinel !== "amp") return;
      if (data.type !== "embed-size" || typeof data.height !== "number" || !Number.isFinite(data.height)) return;
      frame.style.height = `${Math.min(MAX, Math.max(MIN, Math.ceil(data.height)))}px`;
    });
  }
})();
