//! The browser entry point Trunk builds: mounts every widget on the page.

fn main() {
    #[cfg(target_arch = "wasm32")]
    demands_matrix::start();
}
