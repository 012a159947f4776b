//! The content model: stories, their validation, and the facts derived from them.

pub mod agreement;
mod json_path;
pub mod stance;
pub mod story;
pub mod validate;
pub mod view;

pub use agreement::{Agreement, Finding, Outcome};
pub use stance::{Camp, Stance};
pub use story::{AsOf, Issue, Position, Quote, Side, Source, Story};
pub use validate::{is_web_url, parse_story, too_large, StoryError, StoryErrors};
pub use view::{GroupKind, RowGroup, View};

/// The story compiled into the widget: the Istanbul talks of 2 June 2025.
pub const DEFAULT_STORY_JSON: &str = include_str!("../../static/stories/istanbul-2025-06-02.json");
