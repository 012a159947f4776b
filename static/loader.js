//! Standalone page script (README "Loading" and "Embedding"): ?theme=, #view=, height reports to the embedding page, then the WebAssembly after the first paint.
const params = new URLSearchParams(location.search);
const html = document.documentElement;
const mount = document.querySelector("[data-demands-matrix]");
const theme = params.get("theme");
if (theme === "dark" || theme === "light") html.dataset.theme = theme;
const hashView = /^#view=([a-z0-9_-]+)$/.exec(location.hash);
if (hashView && mount) mount.dataset.view = hashView[1];
addEventListener("dm:viewchange", (e) => history.replaceState(null, "", "#view=" + e.detail.view));

const id = params.get("childId");
let sent = -1;
function report(force) {
  const height = Math.ceil(html.getBoundingClientRect().height);
  if (parent === window || (height === sent && !force)) return;
  sent = height;
  if (id) parent.postMessage(`pymxPYMx${id}xPYMxheightxPYMx${height}`, "*");
  parent.postMessage({ sentinel: "amp", type: "embed-size", height }, "*");
}
new ResizeObserver(() => report()).observe(html);
document.fonts?.ready.then(() => report());
addEventListener("message", (e) => {
  if (e.source === parent && id && `${e.data}`.startsWith(`pymxPYMx${id}xPYMxwidthxPYMx`)) report(true);
});

const assets = JSON.parse(document.getElementById("dm-assets").textContent);
const start = () => import(assets.js).then((glue) => glue.default({ module_or_path: assets.wasm }));
requestAnimationFrame(() => setTimeout(start, 0));
