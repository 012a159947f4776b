//! Native tests of `story import` and `story export`: files written and read back, problems one
//! per line with their place, exit codes, and the input never overwritten.
#![cfg(not(target_arch = "wasm32"))]

use std::path::{Path, PathBuf};

use crate::support::story;

const ISTANBUL: &str = "static/stories/istanbul-2025-06-02.json";

fn scratch(test: &str) -> PathBuf {
    crate::support::scratch("story-cli", test)
}

fn s(path: &Path) -> &str {
    path.to_str().unwrap()
}

fn canonical_istanbul() -> String {
    let text =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(ISTANBUL)).unwrap();
    demands_matrix::model::parse_story(&text)
        .unwrap()
        .to_canonical_json()
}

#[test]
fn export_then_import_gives_the_story_back_through_xlsx_and_csv() {
    let dir = scratch("round-trip");
    let xlsx = dir.join("story.xlsx");
    let (code, out, err) = story(&["export", ISTANBUL, "-o", s(&xlsx)]);
    assert_eq!(code, 0, "{out}{err}");
    let json = dir.join("story.json");
    let (code, out, err) = story(&["import", s(&xlsx), "-o", s(&json)]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(
        err.contains("written (3 sides, 14 issues, 42 positions)"),
        "{err}"
    );
    assert_eq!(
        std::fs::read_to_string(&json).unwrap(),
        canonical_istanbul()
    );

    let csv = dir.join("csv");
    let (code, out, err) = story(&["export", ISTANBUL, "--csv", s(&csv)]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(csv.join("positions.csv").is_file());
    // Without -o the story goes to standard output.
    let (code, out, err) = story(&["import", s(&csv)]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(out, canonical_istanbul());
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn import_prints_every_problem_located_and_exits_1() {
    let (code, out, _) = story(&["import", "tests/fixtures/workbooks/mistakes.xlsx"]);
    assert_eq!(code, 1);
    assert!(
        out.lines().any(|l| l == "tests/fixtures/workbooks/mistakes.xlsx: positions, row 2, column C (stance): \"demand\" is not a stance; did you mean \"demands\"? (the stances are demands, supports, open, rejects, not_stated)"),
        "{out}"
    );
    assert!(out.lines().count() >= 5, "{out}");
    let (code, out, _) = story(&["import", "tests/fixtures/workbooks/not-a-spreadsheet.xlsx"]);
    assert_eq!(code, 1);
    assert_eq!(
        out.trim(),
        "tests/fixtures/workbooks/not-a-spreadsheet.xlsx is a PNG image: import an .xlsx or .ods workbook, or a .json story file"
    );
    let (code, out, _) = story(&["import", "no/such/file.xlsx"]);
    assert_eq!(code, 1);
    assert!(out.contains("cannot read"), "{out}");
}

#[test]
fn export_refuses_an_invalid_story_with_its_problems() {
    let (code, out, _) = story(&[
        "export",
        "tests/fixtures/stories/broken-unknown-side.json",
        "-o",
        "/dev/null",
    ]);
    assert_eq!(code, 1);
    assert!(
        out.contains("broken-unknown-side.json: positions["),
        "{out}"
    );
}

#[test]
fn the_input_is_never_overwritten() {
    let dir = scratch("overwrite");
    let xlsx = dir.join("story.xlsx");
    assert_eq!(story(&["export", ISTANBUL, "-o", s(&xlsx)]).0, 0);
    let before = std::fs::read(&xlsx).unwrap();
    let (code, _, err) = story(&["import", s(&xlsx), "-o", s(&xlsx)]);
    assert_eq!(code, 2);
    assert!(err.contains("refusing"), "{err}");
    assert_eq!(std::fs::read(&xlsx).unwrap(), before);
    // The same file by another name.
    let other = format!("{}/./story.xlsx", s(&dir));
    assert_eq!(story(&["import", s(&xlsx), "-o", &other]).0, 2);
    let json = dir.join("story.json");
    std::fs::copy(Path::new(env!("CARGO_MANIFEST_DIR")).join(ISTANBUL), &json).unwrap();
    assert_eq!(story(&["export", s(&json), "-o", s(&json)]).0, 2);
    assert_eq!(
        std::fs::read_to_string(&json).unwrap().len(),
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(ISTANBUL))
            .unwrap()
            .len()
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn wrong_commands_are_usage_errors() {
    for args in [
        &["import"][..],
        &["import", "a.xlsx", "b.xlsx"],
        &["import", "a.xlsx", "-o"],
        &["import", "a.xlsx", "--csv", "dir"],
        &["export", ISTANBUL],
        &["export", ISTANBUL, "--bogus"],
        &["frobnicate"],
    ] {
        let (code, out, err) = story(args);
        assert_eq!(code, 2, "{args:?}: {out}{err}");
        assert!(err.contains("usage: story check"), "{err}");
        assert!(
            err.contains("story import") && err.contains("story export"),
            "{err}"
        );
    }
}

#[test]
fn help_lists_the_apple_news_export() {
    let (code, out, _) = story(&["--help"]);
    assert_eq!(code, 0);
    assert!(
        out.contains(
            "story export STORY.json --anf [--view ID] [--image URL] [-o COMPONENTS.json]"
        ),
        "{out}"
    );
}

#[test]
fn render_draws_a_view_and_refuses_views_and_options_it_does_not_know() {
    let dir = scratch("render");
    let png = dir.join("card.png");
    let (code, out, err) = story(&["render", ISTANBUL, "--view", "kyiv", "-o", s(&png)]);
    assert_eq!(code, 0, "{out}{err}");
    // The text alternative is printed, to go with the image.
    assert!(
        out.starts_with("Demands matrix: Istanbul talks: who demands what, Kyiv’s view"),
        "{out}"
    );
    assert!(err.contains("1200 × 630"), "{err}");
    let bytes = std::fs::read(&png).expect("written");
    assert_eq!(&bytes[1..4], b"PNG");
    let svg = dir.join("full.svg");
    let args = [
        "render",
        ISTANBUL,
        "--kind",
        "full",
        "--format",
        "svg",
        "--theme",
        "dark",
        "-o",
        s(&svg),
    ];
    let (code, out, err) = story(&args);
    assert_eq!(code, 0, "{out}{err}");
    let text = std::fs::read_to_string(&svg).expect("written");
    assert!(text.starts_with("<svg") && text.contains("#161616"));
    let (code, _, err) = story(&["render", ISTANBUL, "--view", "kiev"]);
    assert_eq!(code, 2);
    assert!(err.contains("all, kyiv, moscow, west"), "{err}");
    for wrong in [
        &["render", ISTANBUL, "--format", "gif"][..],
        &["render"],
        &["render", ISTANBUL, "--kind"],
    ] {
        assert_eq!(story(wrong).0, 2, "{wrong:?}");
    }
    let (code, out, _) = story(&["render", "tests/fixtures/stories/broken-syntax.json"]);
    assert_eq!(code, 1);
    assert!(out.contains("broken-syntax.json"), "{out}");
}
