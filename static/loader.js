//! Starts the widget's WebAssembly after the first paint (README "Loading"; Trunk.toml pattern_script).
const assets = JSON.parse(document.getElementById("dm-assets").textContent);
const start = () => import(assets.js).then((glue) => glue.default({ module_or_path: assets.wasm }));
requestAnimationFrame(() => setTimeout(start, 0));
