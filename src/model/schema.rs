//! The JSON Schema of a story file (`story.schema.json`), generated from the model types, so that
//! any JSON-aware editor completes and checks a story's fields.
//!
//! The schema says what a file must look like; `super::validate` stays the authority on what
//! only a program can check (docs/writing-stories.md lists those rules).

use serde_json::{json, Value};

use super::story::Story;

/// Where the published schema lives, relative to a story in the site's `stories/` folder.
pub const SCHEMA_FILE: &str = "story.schema.json";

/// The schema as written to `story.schema.json`: pretty JSON with a final newline.
pub fn story_schema_json() -> String {
    let mut schema = serde_json::to_value(schemars::schema_for!(Story)).unwrap_or(Value::Null);
    if let Some(root) = schema.as_object_mut() {
        root.insert("title".into(), json!("demands-matrix story"));
        root.insert(
            "description".into(),
            json!("One demands matrix of peace talks: the sides, the issues, and where each side stands on each issue, with the source's own words. Checked in full by `cargo run --bin story -- check`."),
        );
        // Story files may name their schema; the reader ignores the key (model::read).
        if let Some(properties) = root.get_mut("properties").and_then(Value::as_object_mut) {
            properties.insert(
                "$schema".into(),
                json!({
                    "description": "Address of this schema, for editors that complete and check fields.",
                    "type": "string"
                }),
            );
        }
    }
    let mut text = serde_json::to_string_pretty(&schema).unwrap_or_default();
    text.push('\n');
    text
}
