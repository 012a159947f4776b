//! The content model: stories, their validation, and the facts derived from them.

pub mod agreement;
// The editors' checks: only with the `editor` feature, so the reader's build does not even
// compile them (shared helpers with more callers are inlined differently, which costs bytes).
#[cfg(feature = "editor")]
pub mod check;
/// Text alternatives of the matrix's images, in the widget's words and order.
pub mod describe;
/// Publishing a new version of a story: the old versions become its history.
pub mod history;
// Places in JSON text for the editors' checks (stray quotes, cells of paths).
#[cfg(feature = "editor")]
mod json_path;
mod read;
#[cfg(feature = "schema")]
pub mod schema;
pub mod stance;
pub mod story;
pub mod validate;
pub mod view;

pub use agreement::{Agreement, Finding, Outcome};
pub use stance::{Camp, Stance};
pub use story::{AsOf, Evidence, Issue, Position, Quote, Role, Side, Source, Story, Version};
pub use validate::{is_web_url, parse_story, too_large, StoryError, StoryErrors};
pub use view::{GroupKind, Line, RowGroup, View};

/// The built-in story: the Istanbul talks of 2 June 2025. Native code (the prerender, the
/// validator, tests) reads it from here; the browser build reads the copy the build writes into
/// each page (`loading::page_story`), so the WebAssembly does not carry it.
pub const DEFAULT_STORY_JSON: &str = include_str!("../../static/stories/istanbul-2025-06-02.json");
