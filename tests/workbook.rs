//! Native tests of the story workbook (src/workbook/): round trips through xlsx and CSV, files
//! changed by real spreadsheet programs (tests/fixtures/workbooks/), and bad input, each problem
//! checked for its place.
#![cfg(not(target_arch = "wasm32"))]

use std::time::Instant;

use demands_matrix::model::{parse_story, Stance, Story, DEFAULT_STORY_JSON};
use demands_matrix::workbook::{
    export_csv, export_xlsx, import, import_csv, paste_positions, Problem,
};

fn istanbul() -> Story {
    parse_story(DEFAULT_STORY_JSON).expect("the built-in story is valid")
}

fn fixture_story(name: &str) -> Story {
    let path = format!(
        "{}/tests/fixtures/stories/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    parse_story(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn workbook(name: &str) -> Vec<u8> {
    let path = format!(
        "{}/tests/fixtures/workbooks/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn lines(problems: &[Problem]) -> String {
    problems
        .iter()
        .map(|p| p.to_string())
        .collect::<Vec<_>>()
        .join("\n")
}

/// The problems of a failed import, as lines; panics if it succeeded.
fn problems(result: Result<Story, Vec<Problem>>) -> String {
    match result {
        Ok(_) => panic!("expected problems, the import succeeded"),
        Err(problems) => {
            assert!(!problems.is_empty());
            lines(&problems)
        }
    }
}

fn ok(result: Result<Story, Vec<Problem>>) -> Story {
    result.unwrap_or_else(|problems| panic!("{}", lines(&problems)))
}

#[test]
fn stories_round_trip_through_xlsx_byte_for_byte() {
    for story in [
        istanbul(),
        fixture_story("two-sides.json"),
        fixture_story("hostile-strings.json"),
    ] {
        let bytes = export_xlsx(&story).unwrap();
        let back = ok(import("story.xlsx", &bytes));
        assert_eq!(back.to_canonical_json(), story.to_canonical_json());
    }
}

#[test]
fn stories_round_trip_through_csv_byte_for_byte() {
    for story in [
        istanbul(),
        fixture_story("two-sides.json"),
        fixture_story("hostile-strings.json"),
    ] {
        let files = export_csv(&story);
        let names: Vec<&str> = files.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(
            names,
            [
                "story.csv",
                "sources.csv",
                "sides.csv",
                "issues.csv",
                "positions.csv"
            ]
        );
        let back = ok(import_csv(&files));
        assert_eq!(back.to_canonical_json(), story.to_canonical_json());
    }
}

#[test]
fn export_is_deterministic() {
    let story = istanbul();
    assert_eq!(export_xlsx(&story).unwrap(), export_xlsx(&story).unwrap());
}

#[test]
fn json_is_imported_too() {
    let story = ok(import("story.json", DEFAULT_STORY_JSON.as_bytes()));
    assert_eq!(story, istanbul());
}
