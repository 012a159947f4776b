//! The story desk's browser entry point (desk.html): mounts the desk. README "The story desk".

fn main() {
    #[cfg(target_arch = "wasm32")]
    demands_matrix::desk::start();
}
