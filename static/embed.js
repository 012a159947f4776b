//! demands-matrix host script for news pages without pym.js: turns every <div data-demands-matrix-frame data-src="…/index.html">, present now or added later, into a titled, lazily loaded iframe that keeps its height right, forwards the widget's events, and is released when the placeholder leaves the page.
//
// It accepts a height only from the iframe it made (event.source), only as a finite number,
// clamped to a sane range; a view or a cell only from that iframe, only as plain ids, which it
// passes on as the direct embed's events and may write into this page's hash
// (data-reflect-view); there is no message that navigates or runs anything. docs/embedding.md "As an
// iframe" has the protocol.
(() => {
  const MIN = 120;
  const MAX = 20000;
  const ID = /^[a-z0-9_-]{1,64}$/;
  // A string id only: RegExp.test would take 5 (or an object's toString) for "5".
  const id = (value) => typeof value === "string" && ID.test(value);
  const THEME = /^(dark|light|auto)$/;
  const SELECTOR = "[data-demands-matrix-frame]";
  // The article's own link to a view (…#view=moscow) opens every frame on it.
  const linked = /^#view=[a-z0-9_-]{1,64}$/.exec(location.hash);
  // Every frame this script made that is still on the page: one message listener for all of them.
  const frames = new Set();

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

  // The widget's events, as the direct embed dispatches them (docs/embedding.md "Events"), on the
  // placeholder; `widget` is the placeholder's id.
  const emit = (holder, name, detail) =>
    holder.dispatchEvent(new CustomEvent(name, { bubbles: true, detail: { widget: holder.id, ...detail } }));

  function make(holder) {
    if (holder.hasAttribute("data-dm-ready") || !holder.dataset.src) return;
    holder.setAttribute("data-dm-ready", "");
    const url = new URL(holder.dataset.src, location.href);
    // The publication's data-theme wins, then a theme already in data-src, then the page's scheme.
    const theme = THEME.test(holder.dataset.theme) ? holder.dataset.theme : url.searchParams.has("theme") ? "" : declared(holder);
    if (theme) url.searchParams.set("theme", theme);
    // The placeholder's density goes along as ?density= (the page ignores values it does not know).
    if (holder.dataset.density) url.searchParams.set("density", holder.dataset.density);
    if (linked) url.hash = linked[0];
    const frame = document.createElement("iframe");
    frame.src = url.href;
    frame.title = holder.dataset.title || "Demands matrix: who demands what in the talks";
    frame.loading = "lazy";
    frame.setAttribute("scrolling", "no");
    // The space the story's reserve.css holds (docs/embedding.md "Reserving space") is the frame's until its
    // page reports: the article does not move as the frame arrives.
    const held = Math.round(holder.getBoundingClientRect().height);
    frame.style.cssText = `display:block;width:100%;border:0;height:${Number(holder.dataset.height) || (held >= MIN ? held : 800)}px`;
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
    const resized = new ResizeObserver(() => frame.clientWidth !== width && ask());
    resized.observe(frame);
    const shown = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && ask());
    shown.observe(frame);
    frames.add({
      holder,
      frame,
      reflect: holder.hasAttribute("data-reflect-view"),
      release() {
        resized.disconnect();
        shown.disconnect();
      },
    });
  }

  addEventListener("message", (event) => {
    // By the frame's window now: a placeholder moved in the page reloads its frame in a new one.
    const made = event.source && [...frames].find((made) => made.frame.contentWindow === event.source);
    const data = event.data;
    if (!made || !data) return;
    if (data.sentinel === "amp" && data.type === "embed-size" && typeof data.height === "number" && Number.isFinite(data.height)) {
      made.frame.style.height = `${Math.min(MAX, Math.max(MIN, Math.ceil(data.height)))}px`;
      // Sized now: the space reserve.css held gives way to the frame's own height.
      made.holder.setAttribute("data-dm-sized", "");
    } else if (data.sentinel === "dm" && data.type === "view" && id(data.view)) {
      emit(made.holder, "dm:viewchange", { view: data.view });
      // Same document, hash only: replaceState cannot navigate, and adds no history entry. The
      // address is written whole: a relative "#view=" would resolve against the page's <base>.
      if (made.reflect) history.replaceState(history.state, "", `${location.href.split("#")[0]}#view=${data.view}`);
    } else if (data.sentinel === "dm" && data.type === "cell" && id(data.issue) && id(data.side)) {
      emit(made.holder, "dm:cellopen", { issue: data.issue, side: data.side });
    }
  });

  // Placeholders added later (client-rendered pages, infinite scroll) become frames too, and a
  // placeholder taken off the page releases its frame's observers (the frame itself goes with it).
  const each = (nodes, act) => {
    for (const node of nodes) {
      if (node.nodeType !== 1) continue;
      if (node.matches(SELECTOR)) act(node);
      node.querySelectorAll(SELECTOR).forEach(act);
    }
  };
  const release = (holder) => {
    for (const made of frames) {
      if (made.holder === holder && !holder.isConnected) {
        made.release();
        frames.delete(made);
      }
    }
  };
  document.querySelectorAll(SELECTOR).forEach(make);
  new MutationObserver((records) => {
    for (const record of records) {
      each(record.removedNodes, release);
      each(record.addedNodes, make);
    }
  }).observe(document.documentElement, { childList: true, subtree: true });
})();
