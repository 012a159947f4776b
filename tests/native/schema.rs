//! The published JSON Schema of a story file: fresh (generated from the types), and in agreement
//! with the validator on every fixture, so editors' tools never flag a story the widget accepts.
#![cfg(all(not(target_arch = "wasm32"), feature = "schema"))]

use std::path::{Path, PathBuf};

use demands_matrix::model::parse_story;
use demands_matrix::model::schema::story_schema_json;
use serde_json::Value;

const SCHEMA_PATH: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/static/stories/story.schema.json"
);

#[test]
fn the_published_schema_is_generated_from_the_types() {
    let fresh = story_schema_json();
    if std::env::var_os("DM_WRITE_SCHEMA").is_some() {
        std::fs::write(SCHEMA_PATH, &fresh).expect("write the schema");
    }
    let published = std::fs::read_to_string(SCHEMA_PATH).unwrap_or_default();
    assert!(
        published == fresh,
        "static/stories/story.schema.json is stale: the story types changed. Regenerate it with\n  DM_WRITE_SCHEMA=1 cargo test --test native schema::\nand commit it."
    );
}

fn validator() -> jsonschema::Validator {
    let schema: Value = serde_json::from_str(&story_schema_json()).expect("the schema is JSON");
    jsonschema::validator_for(&schema).expect("the schema is a valid JSON Schema")
}

fn story_files() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files: Vec<PathBuf> = std::fs::read_dir(root.join("tests/fixtures/stories"))
        .expect("fixtures")
        .filter_map(|entry| Some(entry.ok()?.path()))
        .filter(|path| path.extension().is_some_and(|e| e == "json"))
        .collect();
    files.push(root.join("static/stories/istanbul-2025-06-02.json"));
    files.sort();
    files
}

/// Fixtures the validator refuses but the schema accepts: what only the validator can check
/// (docs/writing-stories.md lists these rules). Every other broken fixture fails both.
const ONLY_THE_VALIDATOR_CATCHES: &[&str] = &[
    "broken-duplicate-ids.json",        // ids unique within their list
    "broken-unknown-side.json",         // positions refer to existing sides, issues and sources
    "broken-editor-unknown-issue.json", // the same, for an issue
    "broken-editor-missing-side.json",  // a position for every issue × side
    "broken-editor-content.json",       // a quote appears in its evidence
];

#[test]
fn the_schema_and_the_validator_agree_on_every_fixture() {
    let schema = validator();
    let mut report = Vec::new();
    for path in story_files() {
        let name = path
            .file_name()
            .unwrap_or_default()
            .to_string_lossy()
            .into_owned();
        let text = std::fs::read_to_string(&path).expect("read fixture");
        let accepted = parse_story(&text).is_ok();
        let schema_ok = serde_json::from_str::<Value>(&text)
            .map(|value| schema.is_valid(&value))
            .unwrap_or(false);
        let expected_schema_ok = accepted || ONLY_THE_VALIDATOR_CATCHES.contains(&name.as_str());
        if schema_ok != expected_schema_ok {
            let errors: Vec<String> = serde_json::from_str::<Value>(&text)
                .map(|value| schema.iter_errors(&value).map(|e| e.to_string()).collect())
                .unwrap_or_default();
            report.push(format!(
                "{name}: validator {}, schema {} (expected {}) {errors:?}",
                if accepted { "accepts" } else { "refuses" },
                if schema_ok { "accepts" } else { "refuses" },
                if expected_schema_ok {
                    "accepts"
                } else {
                    "refuses"
                },
            ));
        }
    }
    assert!(report.is_empty(), "{}", report.join("\n"));
}

#[test]
fn a_story_may_name_its_schema() {
    let mut story: Value =
        serde_json::from_str(demands_matrix::model::DEFAULT_STORY_JSON).expect("JSON");
    story["$schema"] = Value::from("story.schema.json");
    assert!(validator().is_valid(&story));
    let text = story.to_string();
    assert!(parse_story(&text).is_ok(), "{:?}", parse_story(&text).err());
    // Only as a string; anything else is a mistake worth a message.
    story["$schema"] = Value::from(3);
    assert!(parse_story(&story.to_string()).is_err());
}

#[test]
fn the_schema_describes_fields_for_editors() {
    let schema: Value = serde_json::from_str(&story_schema_json()).expect("JSON");
    let text = schema.to_string();
    // Doc comments become descriptions an editor sees on hover.
    assert!(
        text.contains("The side's own rank for its demand"),
        "{text}"
    );
    assert!(text.contains("\"not_stated\""));
    assert_eq!(schema["additionalProperties"], Value::Bool(false));
}
