//! Standalone page script (docs/loading.md and docs/embedding.md): ?density=, #view=, height reports to the embedding page, then the WebAssembly after the first paint (static/head.js has set ?theme= and marked a page asked for another story before it).
var params = new URLSearchParams(location.search);
var html = document.documentElement;
var mount = document.querySelector("[data-demands-matrix]");
// Compact density is CSS keyed on the mount element's data-density (docs/architecture.md "Layout"): set here,
// before the first paint and outside what the WebAssembly hydrates, so hydration meets the
// markup the build wrote. Any other value leaves the default density.
if (mount && params.get("density") == "compact") mount.dataset.density = "compact";
var hashView = /^#view=([a-z0-9_-]+)$/.exec(location.hash);
if (hashView && mount) mount.dataset.view = hashView[1];
// In a row of tabs that scrolls sideways (many sides, a phone), the tab of the page's view, or of
// the view #view= asks for, is scrolled into view, clear of the row's end cue (1.75rem).
var shown = mount && mount.querySelector(hashView ? '[data-testid="dm-tab-' + hashView[1] + '"]' : ".dm-tabs__tab[aria-current]");
if (shown) {
  var tabBox = shown.getBoundingClientRect(), rowBox = shown.parentNode.getBoundingClientRect();
  shown.parentNode.scrollLeft += tabBox.left < rowBox.left + 32 ? tabBox.left - rowBox.left - 32 : Math.max(0, tabBox.right - rowBox.right + 32);
}
var id = params.get("childId");
// Until the WebAssembly runs, a tab is a link to another page: it must take pym's childId and the
// theme along, or the parent loses the frame. The view comes from the link, never from here.
params.delete("view");
var query = String(params);
if (query) document.querySelectorAll("a.dm-tabs__tab").forEach(function (a) {
  a.setAttribute("href", a.getAttribute("href").split(/[?#]/)[0] + "?" + query);
});
// The widget's events go to the page around the frame (docs/embedding.md "As an iframe"): our host script
// dispatches them on its placeholder, and may reflect the view into the article's address; a
// pym.js parent gets them as pym messages named after the event, its detail as JSON.
function tell(e, type) {
  var detail = e.detail;
  if (parent === window) return;
  parent.postMessage(Object.assign({ sentinel: "dm", type: type }, detail), "*");
  if (id) parent.postMessage("pymxPYMx" + id + "xPYMx" + e.type + "xPYMx" + JSON.stringify(detail), "*");
}
addEventListener("dm:cellopen", function (e) {
  tell(e, "cell");
});
// After the switch has painted: replaceState costs milliseconds a reader would wait for.
addEventListener("dm:viewchange", function (e) {
  tell(e, "view");
  requestAnimationFrame(function () {
    setTimeout(function () {
      history.replaceState(null, "", "#view=" + e.detail.view);
    });
  });
});

// Escape where nothing has focus (a screen reader's browse mode leaves it on the page as it
// reads on through a detail) closes the open detail as Escape in it does (docs/screen-reader.md).
addEventListener("keydown", function (e) {
  var detail = e.key == "Escape" && document.activeElement == document.body && document.querySelector(".dm-detail");
  if (detail) detail.dispatchEvent(new KeyboardEvent("keydown", { key: "Escape", bubbles: true }));
});

var sent = -1;
function report(force) {
  var height = Math.ceil(html.getBoundingClientRect().height);
  if (parent === window || (height === sent && !force)) return;
  sent = height;
  if (id) parent.postMessage("pymxPYMx" + id + "xPYMxheightxPYMx" + height, "*");
  parent.postMessage({ sentinel: "amp", type: "embed-size", height: height }, "*");
}
new ResizeObserver(function () {
  report(false);
}).observe(html);
if (document.fonts) document.fonts.ready.then(function () {
  report(false);
});
// The parent's width message (pym's, or our host script's) asks for the height now: a frame off
// screen may skip its own resize callbacks, so the parent asks whenever its width changes.
addEventListener("message", function (e) {
  var data = e.data;
  if (e.source !== parent) return;
  if ((id && String(data).indexOf("pymxPYMx" + id + "xPYMxwidthxPYMx") === 0) || (data && data.sentinel === "dm" && data.type === "width")) report(true);
});

// The glue and the WebAssembly are fetched with the integrity the build wrote (jsi, wasmi): a
// tampered file never runs, and the prerendered matrix stays.
var assets = JSON.parse(document.getElementById("dm-assets").textContent);
// A live story (docs/live-stories.md) takes the build that follows it; every other page the
// default one, without that code.
if (params.get("src") && params.get("live") > 0 && assets.live) assets = assets.live;
var wasmFile = assets.wasm.split("/").pop();

// A Rust panic traps the WebAssembly (release builds abort at once): each widget becomes a static
// message with a reload link, and its old root, which holds Yew's listeners, leaves the page, so
// nothing calls into the dead module again. Only a trap in our module counts (its file is in the
// stack). The build copies this part, between the markers, into widget.js (src/prerender/).
// crash handler: start
var crashed = false;
function crash(event) {
  var error = event.reason || event.error;
  if (!(error instanceof WebAssembly.RuntimeError)) return;
  var stack = String(error.stack);
  // widget.js lists the mount points of the build in the stack itself: they sit in shadow roots
  // the document cannot see, and its page may run two builds.
  var roots = typeof dmRoots == "function" ? dmRoots(stack) : crashed || stack.indexOf(wasmFile) < 0 ? [] : document.querySelectorAll("[data-demands-matrix]");
  if (!roots.length) return;
  crashed = true;
  roots.forEach(function (root) {
    var focused = root.contains(root.getRootNode().activeElement);
    var box = document.createElement("div");
    box.className = "dm";
    box.lang = "en";
    box.dataset.testid = "dm-root";
    box.dataset.state = "crashed";
    var status = box.appendChild(document.createElement("div"));
    status.className = "dm-status dm-status--error";
    status.setAttribute("role", "alert");
    status.appendChild(document.createElement("p")).textContent = "Sorry, this graphic stopped working.";
    var reload = status.appendChild(document.createElement("a"));
    reload.className = "dm-link";
    reload.href = location.href;
    reload.textContent = "Reload the page";
    // reload() keeps the reader's view (the hash) and works in srcdoc frames too.
    reload.addEventListener("click", function (e) {
      e.preventDefault();
      location.reload();
    });
    // A shallow copy keeps the host's id and attributes but none of the listeners.
    var fresh = root.cloneNode(false);
    fresh.appendChild(box);
    root.replaceWith(fresh);
    if (focused) reload.focus();
  });
}
addEventListener("error", crash);
addEventListener("unhandledrejection", crash);
// crash handler: end

// Requested now, while the page renders (one download in every browser; a preload link with a
// different integrity made Firefox fetch it twice), and compiled after the first paint.
var wasm = fetch(assets.wasm, { integrity: assets.wasmi || "" });
// The page's own story stays readable when the program cannot start; a page asked for another
// story says, in its own words, that the program that would show it did not arrive.
function failed(error) {
  var pending = document.querySelector(".dm-page__pending .dm-status");
  if (pending && html.hasAttribute("data-dm-src")) {
    pending.className = "dm-status dm-status--error";
    pending.setAttribute("role", "alert");
    pending.textContent = pending.dataset.failed;
  }
  console.warn("demands-matrix: the widget's program could not start (" + error + ")");
}
function start() {
  function run() {
    import(assets.js)
      .then(function (glue) {
        return glue.default({ module_or_path: wasm });
      })
      .catch(function (error) {
        // A trap is the crash handler's (above): rethrown, it stays an unhandled rejection.
        if (error instanceof WebAssembly.RuntimeError) throw error;
        failed(error);
      });
  }
  // import() cannot carry an integrity; a module preload of the same file can, and the import
  // then uses what it fetched. Browsers without modulepreload (Safari < 17) import unchecked.
  var preload = document.createElement("link");
  if (!preload.relList.supports("modulepreload")) return run();
  preload.rel = "modulepreload";
  preload.href = assets.js;
  preload.integrity = assets.jsi || "";
  preload.onload = run;
  // Never imported unchecked: a file that fails its integrity must not run.
  preload.onerror = function () {
    failed(assets.js + " could not be loaded");
  };
  document.head.append(preload);
}
requestAnimationFrame(function () {
  setTimeout(start, 0);
});
