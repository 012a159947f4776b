//! The story desk's browser entry point (desk.html): mounts the desk. docs/desk.md.

fn main() {
    #[cfg(target_arch = "wasm32")]
    demands_matrix::desk::start();
}
