//! demands-matrix host script for news pages without pym.js: turns every <div data-demands-matrix-frame data-src="…/index.html"> into a titled, lazily loaded iframe that keeps its height right.
//
// It accepts a height only from the iframe it made (event.source), only as a finite number,
// clamped to a sane range, and a view only from that iframe, only as a plain id, which it may
// write into this page's hash (data-reflect-view); there is no message that navigates or runs
// anything. README "As an iframe" has the protocol.
(() => {
  const MIN = 120;
  const MAX = 20000;
  const VIEW = /^[a-z0-9_-]{1,64}$/;
  const THEME = /^(dark|light|auto)$/;
  // The article's own link to a view (…#view=moscow) opens every frame on it.
  const linked = /^#view=[a-z0-9_-]{1,64}$/.exec(location.hash);

  // The colour scheme the host page declares (CSS color-scheme, else its meta tag), as a theme:
  // a page that follows the reader's system gets a frame that does too; nothing declared, light.
  const declared = (holder) => {
    const css = getComputedStyle(holder).colorScheme;
    const meta = document.querySelector('meta[name="color-scheme"]');
    const words = (css && css !== "normal" ? css : meta?.content || "").split(/\s+/);
    const dark = words.includes("dark");
    const light = words.includes("light");
    return dark && light ? "auto" : dark ? "dark" : light ? "light" : "";
  };

  for (const holder of document.querySelectorAll("[data-demands-matrix-frame]:not([data-dm-ready])")) {
    holder.setAttribute("data-dm-ready", "");
    const url = new URL(holder.dataset.src, location.href);
    // The publication's data-theme wins, then a theme already in data-src, then the page's scheme.
    const theme = THEME.test(holder.dataset.theme) ? holder.dataset.theme : url.searchParams.has("theme") ? "" : declared(holder);
    if (theme) url.searchParams.set("theme", theme);
    // The placeholder's density goes along as ?density= (the page ignores values it does not know).
    if (holder.dataset.density) url.searchParams.set("density", holder.dataset.density);
    if (linked) url.hash = linked[0];
    const reflect = holder.hasAttribute("data-reflect-view");
    const frame = document.createElement("iframe");
    frame.src = url.href;
    frame.title = holder.dataset.title || "Demands matrix: who demands what in the talks";
    frame.loading = "lazy";
    frame.setAttribute("scrolling", "no");
    frame.style.cssText = `display:block;width:100%;border:0;height:${Number(holder.dataset.height) || 800}px`;
    holder.append(frame);

    // As pym does: tell the frame its width whenever it changes, when it loads (a lazy frame off
    // screen may not be loaded yet) and when it comes into view; it answers with its height.
    // A frame off screen may skip its own resize callbacks, so its report alone can be stale.
    // Only once the frame has loaded: before that its window is about:blank, and a message for
    // the widget's origin is refused with a warning in the article's console.
    let width = -1;
    let loaded = false;
    const ask = () => {
      if (!loaded) return;
      width = frame.clientWidth;
      frame.contentWindow?.postMessage({ sentinel: "dm", type: "width", width }, url.origin === "null" ? "*" : url.origin);
    };
    frame.addEventListener("load", () => {
      loaded = true;
      ask();
    });
    new ResizeObserver(() => frame.clientWidth !== width && ask()).observe(frame);
    new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && ask()).observe(frame);

    addEventListener("message", (event) => {
      const data = event.data;
      if (event.source !== frame.contentWindow || !data) return;
      if (data.sentinel === "amp" && data.type === "embed-size" && typeof data.height === "number" && Number.isFinite(data.height)) {
        frame.style.height = `${Math.min(MAX, Math.max(MIN, Math.ceil(data.height)))}px`;
      } else if (reflect && data.sentinel === "dm" && data.type === "view" && typeof data.view === "string" && VIEW.test(data.view)) {
        // Same document, hash only: replaceState cannot navigate, and adds no history entry.
        history.replaceState(history.state, "", `#view=${data.view}`);
      }
    });
  }
})();
