//! The browser entry point Trunk builds: mounts every widget on the page.

// A TLSF allocator: constant-time like dlmalloc, with less code (README "Size").
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: rlsf::SmallGlobalTlsf = rlsf::SmallGlobalTlsf::new();

fn main() {
    #[cfg(target_arch = "wasm32")]
    demands_matrix::start();
}
