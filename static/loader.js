//! Standalone page script (README "Loading" and "Embedding"): ?theme=, #view=, height reports to the embedding page, then the WebAssembly after the first paint.
var params = new URLSearchParams(location.search);
var html = document.documentElement;
var mount = document.querySelector("[data-demands-matrix]");
var theme = params.get("theme");
if (theme === "dark" || theme === "light") html.dataset.theme = theme;
var hashView = /^#view=([a-z0-9_-]+)$/.exec(location.hash);
if (hashView && mount) mount.dataset.view = hashView[1];
// After the switch has painted: replaceState costs milliseconds a reader would wait for.
addEventListener("dm:viewchange", function (e) {
  requestAnimationFrame(function () {
    setTimeout(function () {
      history.replaceState(null, "", "#view=" + e.detail.view);
    });
  });
});

var id = params.get("childId");
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
addEventListener("message", function (e) {
  if (e.source === parent && id && String(e.data).indexOf("pymxPYMx" + id + "xPYMxwidthxPYMx") === 0) report(true);
});

var assets = JSON.parse(document.getElementById("dm-assets").textContent);
function start() {
  import(assets.js).then(function (glue) {
    glue.default({ module_or_path: assets.wasm });
  });
}
requestAnimationFrame(function () {
  setTimeout(start, 0);
});
