//! demands-matrix direct embed, the template of each story's widget.js: src/prerender/mod.rs fills in the build's data (the story's name, file names, integrities, the widget's stylesheet for shadow roots, the story and its locale's strings, the prerendered views, the texts) and the loader's crash handler.
//
// Every <demands-matrix> element and every [data-demands-matrix] element, present now or added
// later, becomes a widget inside its own shadow root: the host page's styles cannot reach in
// (only the documented --dm-* custom properties, set on the element, do), and the widget's
// cannot reach out. The story this file carries shows its prerendered matrix at once, before the
// WebAssembly, and stays readable if the WebAssembly never runs.
const BUILD = /* build data */ {};
const base = new URL(".", import.meta.url);
const SELECTOR = "demands-matrix, [data-demands-matrix]";
// The inner mount points, for the crash handler (it replaces each with a static message).
const mounts = [];
// The WebAssembly files that trapped: no widget starts in them again.
const dead = new Set();
// The mount points of the build whose WebAssembly file is in a trap's stack, taken out of the
// list: a page may run two builds (below), and a trap in one leaves the other's widgets working.
function dmRoots(stack) {
  const hit = mounts.filter((root) => root.dmFile && stack.includes(root.dmFile));
  hit.forEach((root) => {
    dead.add(root.dmFile);
    mounts.splice(mounts.indexOf(root), 1);
  });
  return hit;
}

/* crash handler */

// Pages that require Trusted Types (docs/embedding.md "Directly in the page", Trusted Types) allow this policy by name; it passes
// only the markup this build wrote (the prerendered views). A page that does not allow it keeps
// the widget working without that markup: the WebAssembly renders the matrix itself.
let policy = null;
let refused = false;
try {
  policy = globalThis.trustedTypes?.createPolicy("demands-matrix", { createHTML: (html) => html }) ?? null;
} catch {
  // The page names the policies it allows, and not this one: it requires Trusted Types.
  refused = true;
}

// One constructed stylesheet shared by every shadow root (allowed under a strict CSP, unlike a
// <style> element, which only browsers without constructed sheets get).
let sheet;
function style(shadow) {
  if ("adoptedStyleSheets" in shadow && "replaceSync" in CSSStyleSheet.prototype) {
    if (!sheet) {
      sheet = new CSSStyleSheet();
      sheet.replaceSync(BUILD.css);
    }
    shadow.adoptedStyleSheets = [sheet];
  } else {
    shadow.append(Object.assign(document.createElement("style"), { textContent: BUILD.css }));
  }
}

// A custom element takes plain attributes (view, src, theme); a placeholder takes data-*.
function setting(host, name) {
  return host.getAttribute(name) || host.getAttribute("data-" + name) || "";
}

// A static state in the widget's own classes: loading, or what failed.
function status(root, failed, reason) {
  const box = document.createElement("div");
  box.className = "dm dm--status";
  box.dataset.testid = "dm-root";
  box.dataset.state = failed ? "error" : "loading";
  const line = box.appendChild(document.createElement("div"));
  line.className = failed ? "dm-status dm-status--error" : "dm-status";
  line.setAttribute("role", failed ? "alert" : "status");
  if (failed) {
    line.appendChild(document.createElement("p")).textContent = BUILD.text.failed;
    const details = line.appendChild(document.createElement("ul"));
    details.className = "dm-status__details";
    details.appendChild(document.createElement("li")).textContent = reason;
  } else {
    const spinner = line.appendChild(document.createElement("span"));
    spinner.className = "dm-status__spinner";
    spinner.setAttribute("aria-hidden", "true");
    line.append(BUILD.text.loading);
  }
  root.replaceChildren(box);
}

// The prerendered markup of one view of the built-in story; the tabs link to the standalone
// pages beside this file (a link opened in a new tab still works).
function show(root, view) {
  const [html, shape] = BUILD.views[view];
  if (refused) {
    // Trusted Types required and our policy not allowed: no prerendered markup (the browser
    // would refuse it, with an error in the console), a loading state until the WebAssembly
    // renders the story.
    delete root.dataset.prerendered;
    return status(root, false);
  }
  root.innerHTML = policy ? policy.createHTML(html) : html;
  root.dataset.prerendered = view;
  root.dataset.shape = shape;
  for (const link of root.querySelectorAll("a.dm-tabs__tab")) {
    link.href = new URL(link.getAttribute("href"), base).href;
  }
}

// In a row of tabs that scrolls sideways (many sides, a phone), the current view's tab scrolled
// into view, clear of the row's end cue (1.75rem).
function reveal(root) {
  const tab = root.querySelector(".dm-tabs__tab[aria-current]");
  if (!tab) return;
  const tabBox = tab.getBoundingClientRect(), rowBox = tab.parentNode.getBoundingClientRect();
  tab.parentNode.scrollLeft += tabBox.left < rowBox.left + 32 ? tabBox.left - rowBox.left - 32 : Math.max(0, tabBox.right - rowBox.right + 32);
}

let chosen; // the build the page took as it loaded (below)

function start(root, module) {
  root.dmStarted = true;
  // Numbered across every widget.js on the page (two stories may share it): element ids stay unique.
  const number = (globalThis.dmWidgets = (globalThis.dmWidgets || 0) + 1);
  // The story this file carries, with its locale's strings and date in words, handed over on the
  // mount point (the WebAssembly reads and removes them): it does not carry the story, and
  // another story's widget.js on the same page carries its own.
  root.setAttribute("data-dm-story", BUILD.story);
  root.setAttribute("data-dm-tag", BUILD.strings.tag);
  root.setAttribute("data-dm-strings", BUILD.strings.json);
  root.dmUnmount = () => module.unmountIn?.(number);
  module.mountIn(root, number, base.href);
}

function fail(root) {
  root.dmStarted = true;
  root.dmBroken = true;
  // The prerendered matrix stays: readable, and its tabs keep switching (below).
  if (!root.dataset.prerendered) status(root, true, BUILD.text.noProgram);
}

function attach(host) {
  if (host.hasAttribute("data-dm-host")) return;
  // An element naming a story (story="gaza-2025-10-09") is that story's widget.js's to take;
  // one naming none, the first widget.js's on the page.
  const story = setting(host, "story");
  if (story && story !== BUILD.name) return;
  host.setAttribute("data-dm-host", "");
  const shadow = host.shadowRoot || host.attachShadow({ mode: "open" });
  style(shadow);
  // Sizes are multiples of --dm-rem, the reader's default text size (the host is font-size:
  // medium), never of the host page's root size.
  host.style.setProperty("--dm-rem", getComputedStyle(host).fontSize);
  const root = document.createElement("div");
  root.className = "dm-mount";
  root.setAttribute("data-demands-matrix", "");
  const themed = host.closest("[data-theme]");
  const theme = setting(host, "theme") || (themed ? themed.dataset.theme : "");
  if (theme) root.dataset.theme = theme;
  // Compact density is CSS keyed on this attribute (docs/architecture.md "Layout"); values it does not know
  // leave the default density.
  const density = setting(host, "density");
  if (density) root.dataset.density = density;
  const src = setting(host, "src");
  const view = setting(host, "view");
  const lang = setting(host, "lang");
  if (lang) root.dataset.lang = lang;
  if (src) {
    root.dataset.src = src;
    if (view) root.dataset.view = view;
    // A live story (docs/live-stories.md): the WebAssembly reads these from the mount point.
    for (const name of ["live", "live-for"]) {
      const value = setting(host, name);
      if (value) root.setAttribute("data-" + name, value);
    }
    status(root, false);
  } else {
    show(root, Object.hasOwn(BUILD.views, view) ? view : "all");
  }
  // Before the WebAssembly (or without it) a tab shows its view's prerendered markup in place.
  root.addEventListener("click", (event) => {
    const tab = event.target.closest("a.dm-tabs__tab");
    if (!tab || root.dmStarted && !root.dmBroken || !root.dataset.prerendered || event.button) return;
    if (event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    const view = tab.dataset.testid.replace("dm-tab-", "");
    if (Object.hasOwn(BUILD.views, view)) {
      show(root, view);
      reveal(root);
      root.querySelector('.dm-tabs__tab[aria-current="page"]')?.focus();
    }
  });
  // In-widget fragment links (skip link): the document cannot see ids in a shadow root.
  shadow.addEventListener("click", (event) => {
    const link = event.target.closest('a[href^="#"]');
    const target = link && shadow.getElementById(link.getAttribute("href").slice(1));
    if (!target) return;
    event.preventDefault();
    target.focus();
  });
  shadow.append(root);
  host.dmRoot = root;
  reveal(root);
  mounts.push(root);
  if (chosen) begin(root);
}

// A widget whose element left the page (docs/embedding.md "Dynamic pages") is unmounted: its Yew root,
// listeners and live checks end, and its mount point goes. Checked a moment later, as a page
// that moves the element takes it out and puts it back in one go; put back later, it starts
// again.
function detach(host) {
  queueMicrotask(() => {
    const root = host.dmRoot;
    if (host.isConnected || !root) return;
    host.dmRoot = null;
    host.removeAttribute("data-dm-host");
    if (mounts.includes(root)) mounts.splice(mounts.indexOf(root), 1);
    root.remove();
    root.dmUnmount?.();
  });
}

// Escape where nothing has focus (a screen reader's browse mode leaves it on the page as it
// reads on through a detail) closes the open detail as Escape in it does (docs/screen-reader.md);
// a detail sits in its widget's shadow root.
addEventListener("keydown", (event) => {
  if (event.key !== "Escape" || document.activeElement !== document.body) return;
  for (const root of mounts) root.querySelector(".dm-detail")?.dispatchEvent(new KeyboardEvent("keydown", { key: "Escape", bubbles: true }));
});

customElements.get("demands-matrix") ||
  customElements.define(
    "demands-matrix",
    class extends HTMLElement {
      connectedCallback() {
        attach(this);
      }
      disconnectedCallback() {
        detach(this);
      }
    },
  );
document.querySelectorAll(SELECTOR).forEach(attach);
// Client-rendered pages and infinite scroll add placeholders after this module ran.
const each = (nodes, act) => {
  for (const node of nodes) {
    if (node.nodeType !== 1) continue;
    if (node.matches(SELECTOR)) act(node);
    node.querySelectorAll(SELECTOR).forEach(act);
  }
};
new MutationObserver((records) => {
  for (const record of records) {
    each(record.removedNodes, detach);
    each(record.addedNodes, attach);
  }
}).observe(document.documentElement, { childList: true, subtree: true });

// The builds, each started at most once (by WebAssembly file), and every file fetched with its
// integrity: a tampered copy never runs.
const DEFAULT = { wasm: BUILD.wasm, wasmi: BUILD.wasmIntegrity, js: BUILD.glue, jsi: BUILD.glueIntegrity };
const programs = new Map();
function program(build) {
  if (!programs.has(build.wasm)) programs.set(build.wasm, load(build));
  return programs.get(build.wasm);
}
async function load(build) {
  const wasm = fetch(new URL(build.wasm, base), { integrity: build.wasmi });
  wasm.catch(() => {}); // its failure is handled where the glue takes it
  const glueUrl = new URL(build.js, base).href;
  try {
    // import() cannot carry an integrity; a module preload of the same file can, and the import
    // then uses what it fetched. Browsers without modulepreload (Safari < 17) import unchecked.
    const preload = document.createElement("link");
    if (preload.relList.supports("modulepreload")) {
      await new Promise((loaded, failed) => {
        preload.rel = "modulepreload";
        preload.href = glueUrl;
        preload.integrity = build.jsi;
        preload.onload = loaded;
        preload.onerror = () => failed(new Error(`${glueUrl} could not be loaded`));
        document.head.append(preload);
      });
    }
    const module = await import(glueUrl);
    await module.default({ module_or_path: wasm });
    return module;
  } catch (error) {
    console.warn(`demands-matrix: the widget's program could not start (${error}); is every file of the widget served with CORS? The prerendered matrix stays.`);
    throw error;
  }
}

// A page with a live story (docs/live-stories.md) takes the build that follows it, for every
// widget on it. A live widget added later to a page that took the default build gets the live
// build besides, for itself and any live widget after it; if that build cannot start (or has
// trapped), the widget shows its story in the page's build, without refreshing.
async function begin(root) {
  for (const build of new Set([(root.dataset.live > 0 && BUILD.live) || chosen, chosen])) {
    const file = build.wasm.split("/").pop();
    if (dead.has(file)) continue;
    const module = await program(build).catch(() => null);
    // Taken off the page while its program loaded: nothing to start.
    if (!root.isConnected) return;
    if (!module || dead.has(file)) continue;
    root.dmFile = file;
    return start(root, module);
  }
  fail(root);
}
chosen = (mounts.some((root) => root.dataset.live > 0) && BUILD.live) || DEFAULT;
mounts.forEach(begin);
