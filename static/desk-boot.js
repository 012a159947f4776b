// Starts the story desk (desk.html); scripts/build-desk fills in the hashed file names and the
// WebAssembly's integrity.
import init from "@GLUE@";

const say = (message) => {
  const root = document.getElementById("dmd-root");
  if (root) root.textContent = message;
};

// A Rust panic stops the WebAssembly with a trap: say so rather than leave a frozen page. The
// work saved in this browser is still there after a reload.
addEventListener("error", (event) => {
  if (event.error instanceof WebAssembly.RuntimeError) {
    say("The desk stopped on an error. Reload the page: your last story without problems is kept in this browser.");
  }
});

// Fetched with its integrity: a changed copy never runs.
const wasm = fetch(new URL("@WASM@", import.meta.url), { integrity: "@WASM_SRI@" });
init({ module_or_path: wasm }).catch((error) => {
  say(`The desk could not start in this browser (${error}). It needs a browser from 2021 or later with WebAssembly enabled.`);
  console.warn("demands-matrix desk:", error);
});
