//! Every native test, one crate: each test file was its own crate, and each linked Yew, resvg and
//! calamine again; as modules of one crate they are compiled and linked once (issue 36).
//!
//! Run one file's tests by its module name, e.g. `cargo test --test native i18n::`. The browser
//! tests are their own crate (tests/web.rs: `cargo test --target wasm32-unknown-unknown --test web`).
#![cfg(not(target_arch = "wasm32"))]

#[path = "../support/mod.rs"]
mod support;

mod anf;
mod check;
mod describe;
mod desk;
mod history;
mod i18n;
mod images;
mod model;
mod prerender;
mod read;
mod render;
mod schema;
mod state;
mod story_check;
mod story_cli;
mod workbook;
