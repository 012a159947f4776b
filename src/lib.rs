//! demands-matrix: an embeddable news widget showing who demands what in peace talks.
//!
//! The library holds the whole widget: the story model ([`model`]), the reducer ([`state`]),
//! the components ([`components`]) and, in the browser, the code that talks to the host page
//! ([`embed`]). Binaries only call into it.

/// Whether this build follows live stories (`data-live`, docs/live-stories.md): the `live`
/// feature. The standalone page's default WebAssembly is built without it, so a reader of a story
/// that never changes does not download the code; the loader fetches the build with it when a
/// page asks for a live story. Tested as a constant (`if LIVE`), so the compiler drops that code.
pub const LIVE: bool = cfg!(feature = "live");

// The Apple News export: the editors' tools only, never in the reader's WebAssembly.
#[cfg(feature = "editor")]
pub mod anf;
pub mod components;
#[cfg(feature = "editor")]
pub mod desk;
pub mod dom;
pub mod i18n;
#[cfg(feature = "images")]
pub mod images;
pub mod json;
pub mod loading;
pub mod model;
pub mod state;
#[cfg(feature = "editor")]
pub mod workbook;

#[cfg(target_arch = "wasm32")]
pub mod embed;

// The build's pages, made natively by the build and in the desk's WebAssembly alike.
#[cfg(feature = "site")]
pub mod prerender;

pub use components::{App, AppProps};

/// Starts every widget on the page. The standalone page and direct embeds both call this.
#[cfg(target_arch = "wasm32")]
pub fn start() {
    embed::mount_all();
}
