//! The browser entry point Trunk builds: mounts every widget on the page, and lets widget.js
//! mount direct embeds inside their shadow roots.

// A TLSF allocator: constant-time like dlmalloc, with less code (docs/size.md).
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: rlsf::SmallGlobalTlsf = rlsf::SmallGlobalTlsf::new();

fn main() {
    #[cfg(target_arch = "wasm32")]
    demands_matrix::start();
}

/// Called by widget.js for each direct embed (`static/widget.template.js`):
/// `demands_matrix::embed::mount_in` explains the arguments.
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen(js_name = mountIn)]
pub fn mount_in(root: web_sys::Element, number: u32, base: String) {
    demands_matrix::embed::mount_in(root, number, base);
}

/// Called by widget.js when a direct embed leaves the page (`static/widget.template.js`):
/// `demands_matrix::embed::unmount_in` explains it.
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen(js_name = unmountIn)]
pub fn unmount_in(number: u32) {
    demands_matrix::embed::unmount_in(number);
}
