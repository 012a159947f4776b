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
    // The report beside the story (STEM.source.txt) is found, and every sentence is in it.
    assert!(
        out.contains(
            "; evidence found word for word in static/stories/istanbul-2025-06-02.source.txt (source `report`)"
        ),
        "{out}"
    );
}

#[test]
fn paraphrased_evidence_is_reported_with_the_nearest_sentence_of_the_source() {
    let (code, out) = validate(&[
        "tests/fixtures/stories/editor-paraphrased.json",
        "--source",
        "tests/fixtures/editor-geneva-report.txt",
    ]);
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains(
            "tests/fixtures/stories/editor-paraphrased.json:116:9: positions[1].evidence[0] (russia / ceasefire): this evidence is not in the text of source `wire` word for word: the source has \"would only let\" where this has \"would let\"\n    nearest in the source: Russia rejected an immediate ceasefire, saying a truce would only let Ukraine rearm.\n"
        ),
        "{out}"
    );
    assert!(
        out.contains(
            "editor-paraphrased.json:178:17: positions[8].quote.text (ukraine / children): the quote is not in the text of source `wire` word for word"
        ),
        "{out}"
    );
    // The same with the source named.
    let (code, named) = validate(&[
        "tests/fixtures/stories/editor-paraphrased.json",
        "--source",
        "wire=tests/fixtures/editor-geneva-report.txt",
    ]);
    assert_eq!((code, &named), (1, &out));
}

#[test]
fn a_source_text_beside_the_story_is_found() {
    let dir = std::env::temp_dir().join(format!("dm-beside-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let story = dir.join("geneva.json");
    std::fs::copy("tests/fixtures/stories/editor-paraphrased.json", &story).unwrap();
    let run = |text_file: &str| {
        let text = dir.join(text_file);
        std::fs::copy("tests/fixtures/editor-geneva-report.txt", &text).unwrap();
        let result = validate(&[story.to_str().unwrap()]);
        std::fs::remove_file(&text).unwrap();
        result
    };
    let (code, by_id) = run("geneva.wire.txt");
    let (_, by_source) = run("geneva.source.txt");
    let (bare, none) = validate(&[story.to_str().unwrap()]);
    std::fs::remove_dir_all(&dir).unwrap();
    assert_eq!(code, 1);
    assert!(by_id.contains("nearest in the source: "), "{by_id}");
    assert_eq!(by_id, by_source);
    // Without one the check passes, saying what it could not check and how to provide it.
    assert_eq!(bare, 0, "{none}");
    assert!(
        none.contains(&format!(
            "geneva.json: note: evidence not checked: no text for source `wire` (put it in {} beside the story, or pass --source wire=FILE)",
            dir.join("geneva.wire.txt").display()
        )),
        "{none}"
    );
}

#[test]
fn one_mistake_is_one_line() {
    let (code, out) = validate(&["tests/fixtures/stories/broken-editor-side-id.json"]);
    assert_eq!(code, 1);
    assert_eq!(
        out,
        "tests/fixtures/stories/broken-editor-side-id.json:18:13: sides[0].id (side Ukraine): \"Ukraine\" may use only a–z, 0–9, - and _; 10 positions refer to it as \"ukraine\", leaving 10 cells empty (20 follow-on problems held back: fix this first)\n"
    );
    // --all lists them too, each marked.
    let (_, all) = validate(&["tests/fixtures/stories/broken-editor-side-id.json", "--all"]);
    assert_eq!(all.lines().count(), 21, "{all}");
    assert!(
        all.contains(
            "broken-editor-side-id.json:96:15:   held back: positions[0].side (ukraine / ceasefire): unknown side \"ukraine\""
        ),
        "{all}"
    );
    let (_, out) = validate(&["tests/fixtures/stories/broken-editor-unknown-issue.json"]);
    assert_eq!(out.lines().count(), 1, "{out}");
    let (_, out) = validate(&["tests/fixtures/stories/broken-editor-missing-side.json"]);
    assert_eq!(out.lines().count(), 1, "{out}");
}

#[test]
fn curly_quotes_are_named_at_their_place() {
    let (code, out) = validate(&["tests/fixtures/stories/broken-editor-curly-key.json"]);
    assert_eq!(code, 1);
    assert!(
        out.starts_with(
            "tests/fixtures/stories/broken-editor-curly-key.json:3:3: a curly quote “ where JSON needs a straight quote \""
        ),
        "{out}"
    );
    let (_, out) = validate(&["tests/fixtures/stories/broken-editor-curly-value.json"]);
    assert!(
        out.starts_with(
            "tests/fixtures/stories/broken-editor-curly-value.json:287:18: positions[21].summary (russia / territory): a curly quote “"
        ),
        "{out}"
    );
}

#[test]
fn source_options_that_do_not_fit_are_usage_errors() {
    let story = "tests/fixtures/stories/editor-geneva.json";
    let report = "tests/fixtures/editor-geneva-report.txt";
    let (code, out) = validate(&[story, "--source", &format!("tv={report}")]);
    assert_eq!(code, 2, "{out}");
    assert!(
        out.contains("the story has no source `tv`; its sources are: wire"),
        "{out}"
    );
    let (code, out) = validate(&[story, "--source", "no/such/report.txt"]);
    assert_eq!(code, 2);
    assert!(out.contains("cannot read"), "{out}");
    let (code, _) = validate(&[story, "--source"]);
    assert_eq!(code, 2);
    let (code, _) = validate(&[story, "--sauce", report]);
    assert_eq!(code, 2);
    let (code, out) = validate(&[story, &format!("--source={report}")]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("evidence found word for word in"), "{out}");
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
