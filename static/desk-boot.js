// Starts the story desk (desk.html); scripts/build-desk fills in the hashed file names.
import init from "@GLUE@";

init({ module_or_path: new URL("@WASM@", import.meta.url) }).catch((error) => {
  const root = document.getElementById("dmd-root");
  if (root) root.textContent = `The desk could not start in this browser (${error}). It needs a browser from 2021 or later with WebAssembly enabled.`;
  console.warn("demands-matrix desk:", error);
});
