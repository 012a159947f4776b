//! The story desk: editors open a workbook, CSV files or a story file, read its problems,
//! check its evidence against the source, preview the widget readers get, and download the
//! story with its embed code. It has its own WebAssembly (`src/bin/desk.rs`, `desk.html`):
//! readers never download it. It sits beside the reader's host glue, above the components
//! and the model it shares with them.

pub mod desk_app;
pub mod embed_code;
pub mod images_panel;
pub mod open;
pub mod open_panel;
pub mod pages;
pub mod preview;
pub mod problem_list;
pub mod publish;
pub mod publish_panel;
pub mod source_panel;
pub mod state;

#[cfg(target_arch = "wasm32")]
pub mod browser;

pub use desk_app::{DeskApp, DeskAppProps};

/// The id of the element desk.html mounts the desk in.
pub const MOUNT_ID: &str = "dmd-root";

/// Mounts the desk in desk.html.
#[cfg(target_arch = "wasm32")]
pub fn start() {
    let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(MOUNT_ID))
    else {
        browser::warn("demands-matrix desk: no element with id dmd-root to mount in");
        return;
    };
    root.set_inner_html("");
    let props = DeskAppProps {
        site_base: yew::AttrValue::from(browser::site_base()),
    };
    yew::Renderer::<DeskApp>::with_root_and_props(root, props).render();
}
