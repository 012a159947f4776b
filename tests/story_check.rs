//! Native tests of `story check`, the editors' validator: the same messages as the widget, exit codes.
#![cfg(not(target_arch = "wasm32"))]

use std::process::Command;

fn validate(args: &[&str]) -> (i32, String) {
    let output = Command::new(env!("CARGO_BIN_EXE_story"))
        .arg("check")
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("the validator runs");
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stdout).into_owned(),
    )
}

#[test]
fn a_valid_story_is_reported_ok() {
    let (code, out) = validate(&["static/stories/istanbul-2025-06-02.json"]);
    assert_eq!(code, 0, "{out}");
    assert!(
        out.contains("ok (3 sides, 14 issues, 42 positions)"),
        "{out}"
    );
}

#[test]
fn a_broken_story_prints_every_problem_with_its_place() {
    let (code, out) = validate(&["tests/fixtures/stories/broken-unknown-ids.json"]);
    assert_eq!(code, 1);
    // FILE:LINE:COLUMN: like a compiler, then the path and the cell (side / issue).
    assert!(
        out.contains(
            "broken-unknown-ids.json:44:23: positions[0].stance (north / water): unknown variant `maybe`"
        ),
        "{out}"
    );
    let (code, out) = validate(&["tests/fixtures/stories/broken-syntax.json"]);
    assert_eq!(code, 1);
    assert!(
        out.contains("broken-syntax.json:31:31: issues[0].title: key must be a string"),
        "{out}"
    );
}

#[test]
fn missing_files_and_no_arguments_are_usage_errors() {
    let (code, out) = validate(&["no/such/story.json"]);
    assert_eq!(code, 1);
    assert!(out.contains("cannot read"), "{out}");
    let (code, _) = validate(&[]);
    assert_eq!(code, 2);
}

#[test]
fn a_file_over_the_size_cap_is_refused_with_the_widgets_message() {
    let dir = std::env::temp_dir().join(format!("dm-validate-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("huge.json");
    let huge = format!("{{\"title\": \"{}\"}}", "x".repeat(9_000_000));
    std::fs::write(&path, &huge).unwrap();
    let (code, out) = validate(&[path.to_str().unwrap()]);
    std::fs::remove_dir_all(&dir).unwrap();
    assert_eq!(code, 1);
    // The widget shows this same sentence (tests/e2e/faults.test.mjs).
    assert!(
        out.contains(
            "the file is 9000013 bytes; a story file may be at most 8388608 bytes (8 MiB)"
        ),
        "{out}"
    );
}
