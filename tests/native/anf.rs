//! Native tests of the Apple News export: the component list's structure, every cell's stance
//! word against the story, the figure's address and captions, the view's row order, and the
//! `story export --anf` command (files, exit codes, unknown views, the same bytes every time).
#![cfg(not(target_arch = "wasm32"))]

use demands_matrix::i18n::{english, Strings};
use std::path::PathBuf;

use crate::support::story;

use demands_matrix::anf::{self, components, components_json, side_key, ISSUE_KEY};
use demands_matrix::model::describe::{image_description, source_credit};
use demands_matrix::model::{parse_story, Story, View, DEFAULT_STORY_JSON};
use serde_json::Value;

const ISTANBUL: &str = "static/stories/istanbul-2025-06-02.json";
const TWELVE: &str = "tests/fixtures/stories/twelve-sides-cyrillic.json";

fn istanbul() -> Story {
    parse_story(DEFAULT_STORY_JSON).expect("the built-in story is valid")
}

fn story_at(path: &str) -> Story {
    let text = std::fs::read_to_string(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(path))
        .expect("readable");
    parse_story(&text).expect("valid")
}

/// The component of `role` in a list; exactly one is expected.
fn role<'a>(list: &'a Value, role: &str) -> &'a Value {
    let found: Vec<&Value> = list
        .as_array()
        .expect("a component list is an array")
        .iter()
        .filter(|c| c["role"] == role)
        .collect();
    assert_eq!(found.len(), 1, "one {role} in {list}");
    found[0]
}

/// Checks a datatable against the story: descriptors, one record per issue in the view's
/// order, and in every cell the label of the story's stance for that issue and side.
fn assert_table_is_the_story(story: &Story, view: View, list: &Value) {
    // Apple News readers meet the story in its own language, the table's words included.
    let t = Strings::for_lang(&story.lang);
    let table = role(list, "datatable");
    assert_eq!(table["showDescriptorLabels"], true);
    assert!(
        table.get("sortBy").is_none(),
        "a sort would undo the view's order"
    );
    let descriptors = table["data"]["descriptors"]
        .as_array()
        .expect("descriptors");
    assert_eq!(descriptors.len(), story.sides.len() + 1);
    assert_eq!(descriptors[0]["key"], ISSUE_KEY);
    assert_eq!(descriptors[0]["label"], t.text("issue"));
    assert_eq!(descriptors[0]["dataType"], "text");
    for (d, side) in descriptors[1..].iter().zip(&story.sides) {
        assert_eq!(d["key"], side_key(&side.id).as_str());
        assert_eq!(
            d["identifier"],
            format!("id-{}", side_key(&side.id)).as_str()
        );
        assert_eq!(d["label"], side.name.as_str());
        assert_eq!(d["dataType"], "string");
    }
    let records = table["data"]["records"].as_array().expect("records");
    let order: Vec<usize> = view
        .groups(story)
        .iter()
        .flat_map(|g| g.issues.clone())
        .collect();
    assert_eq!(records.len(), story.issues.len(), "one record per issue");
    assert_eq!(order.len(), records.len());
    for (record, &issue) in records.iter().zip(&order) {
        let keys = record.as_object().expect("a record is an object");
        assert_eq!(keys.len(), story.sides.len() + 1, "{record}");
        assert_eq!(record[ISSUE_KEY], story.issues[issue].title.as_str());
        for (side, s) in story.sides.iter().enumerate() {
            assert_eq!(
                record[side_key(&s.id)],
                story.position(issue, side).stance.label(&t),
                "{} / {}",
                story.issues[issue].id,
                s.id
            );
        }
    }
}

#[test]
fn the_list_is_heading_table_caption_figure() {
    let story = istanbul();
    let list = components(&story, View::AllSides, "bundle://full-all.png");
    let roles: Vec<&str> = list
        .as_array()
        .expect("array")
        .iter()
        .map(|c| c["role"].as_str().expect("every component has a role"))
        .collect();
    assert_eq!(roles, ["heading2", "datatable", "caption", "figure"]);
    assert_eq!(role(&list, "heading2")["text"], story.title.as_str());
    let caption = role(&list, "caption")["text"].as_str().expect("text");
    assert!(caption.starts_with("As of 2 June 2025, Istanbul · Source: News report"));
    // Pasted twice into one article, the lists must not clash: no component identifiers.
    for component in list.as_array().expect("array") {
        assert!(component.get("identifier").is_none(), "{component}");
    }
}

#[test]
fn every_cell_holds_the_storys_stance_in_every_view() {
    for story in [istanbul(), story_at(TWELVE)] {
        for view in View::all(&story) {
            let list = components(&story, view, &anf::default_image_url(&story, view));
            assert_table_is_the_story(&story, view, &list);
        }
    }
}

#[test]
fn a_sides_view_puts_its_demands_first() {
    let story = istanbul();
    let kyiv = View::Side(story.side_index("kyiv").expect("kyiv"));
    let list = components(&story, kyiv, "bundle://full-kyiv.png");
    assert_eq!(
        role(&list, "heading2")["text"],
        "Istanbul talks: who demands what — Kyiv’s view"
    );
    let records = role(&list, "datatable")["data"]["records"]
        .as_array()
        .expect("records")
        .clone();
    let column: Vec<&str> = records
        .iter()
        .map(|r| r["side-kyiv"].as_str().expect("a word"))
        .collect();
    let first_other = column
        .iter()
        .position(|w| *w != "Demands")
        .expect("answers");
    assert!(first_other > 0);
    assert!(column[first_other..].iter().all(|w| *w != "Demands"));
    assert_eq!(column.last(), Some(&"Not stated"));
    assert_eq!(records[0][ISSUE_KEY], "Full and unconditional ceasefire");
}

#[test]
fn the_figure_points_at_the_full_image_and_says_what_it_shows() {
    let story = istanbul();
    for view in View::all(&story) {
        let url = anf::default_image_url(&story, view);
        assert_eq!(url, format!("bundle://full-{}.png", view.id(&story)));
        let list = components(&story, view, &url);
        let figure = role(&list, "figure");
        assert_eq!(figure["URL"], url.as_str());
        assert_eq!(
            figure["caption"],
            format!(
                "Istanbul talks: who demands what · As of 2 June 2025, Istanbul · {}",
                source_credit(&english(), &story)
            )
            .as_str()
        );
        assert_eq!(
            figure["accessibilityCaption"],
            image_description(&english(), &story, view).as_str()
        );
    }
}

#[test]
fn image_addresses_are_http_https_or_bundle() {
    assert!(anf::is_image_url("https://example.org/full-all.png"));
    assert!(anf::is_image_url("bundle://full-kyiv.png"));
    assert!(!anf::is_image_url("bundle://"));
    assert!(!anf::is_image_url("ftp://example.org/a.png"));
    assert!(!anf::is_image_url("full-all.png"));
}

#[test]
fn the_file_is_the_same_bytes_every_time() {
    let story = istanbul();
    let a = components_json(&story, View::Side(1), "bundle://full-moscow.png");
    let b = components_json(&story, View::Side(1), "bundle://full-moscow.png");
    assert_eq!(a, b);
    assert!(a.ends_with("]\n"));
    let parsed: Value = serde_json::from_str(&a).expect("valid JSON");
    assert_eq!(
        parsed,
        components(&story, View::Side(1), "bundle://full-moscow.png")
    );
}

// The command.

fn scratch(test: &str) -> PathBuf {
    crate::support::scratch("anf", test)
}

#[test]
fn export_anf_writes_the_views_list_to_a_file() {
    let dir = scratch("file");
    let out = dir.join("components.json");
    let out_s = out.to_str().expect("utf-8 path");
    let (code, stdout, stderr) =
        story(&["export", ISTANBUL, "--anf", "--view", "kyiv", "-o", out_s]);
    assert_eq!(code, 0, "{stdout}{stderr}");
    assert!(
        stderr.contains("written (view kyiv, image bundle://full-kyiv.png)"),
        "{stderr}"
    );
    let text = std::fs::read_to_string(&out).expect("written");
    let story_ = istanbul();
    let kyiv = View::Side(0);
    assert_eq!(
        text,
        components_json(&story_, kyiv, "bundle://full-kyiv.png")
    );
    let list: Value = serde_json::from_str(&text).expect("JSON");
    assert_table_is_the_story(&story_, kyiv, &list);
    // Again: the same bytes.
    let (code, _, _) = story(&["export", "--anf", ISTANBUL, "-o", out_s, "--view", "kyiv"]);
    assert_eq!(code, 0);
    assert_eq!(std::fs::read_to_string(&out).expect("written"), text);
    std::fs::remove_dir_all(&dir).expect("clean up");
}

#[test]
fn export_anf_without_output_prints_the_all_sides_list() {
    let (code, stdout, stderr) = story(&["export", ISTANBUL, "--anf"]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(
        stdout,
        components_json(&istanbul(), View::AllSides, "bundle://full-all.png")
    );
    let (code, all, _) = story(&["export", ISTANBUL, "--anf", "--view", "all"]);
    assert_eq!(code, 0);
    assert_eq!(all, stdout);
}

#[test]
fn export_anf_takes_an_image_address() {
    let url = "https://example.org/istanbul/images/full-west.png";
    let (code, stdout, stderr) = story(&[
        "export", ISTANBUL, "--anf", "--view", "west", "--image", url,
    ]);
    assert_eq!(code, 0, "{stderr}");
    let list: Value = serde_json::from_str(&stdout).expect("JSON");
    assert_eq!(role(&list, "figure")["URL"], url);

    let (code, stdout, stderr) = story(&["export", ISTANBUL, "--anf", "--image", "full.png"]);
    assert_eq!(code, 2, "{stdout}");
    assert!(
        stderr.contains("https://, http:// or bundle://"),
        "{stderr}"
    );
}

#[test]
fn export_anf_names_the_views_when_one_is_unknown() {
    let (code, stdout, stderr) = story(&["export", ISTANBUL, "--anf", "--view", "kiev"]);
    assert_eq!(code, 2, "{stdout}");
    assert!(stdout.is_empty());
    assert!(
        stderr.contains("--view kiev: static/stories/istanbul-2025-06-02.json has no such view; its views are: all, kyiv, moscow, west"),
        "{stderr}"
    );
}

#[test]
fn export_anf_exit_codes_follow_the_other_commands() {
    // A broken story: its problems, exit 1, nothing written.
    let (code, stdout, _) = story(&[
        "export",
        "tests/fixtures/stories/broken-unknown-stance.json",
        "--anf",
    ]);
    assert_eq!(code, 1);
    assert!(stdout.contains("broken-unknown-stance.json: "), "{stdout}");
    // Wrong commands: exit 2.
    for args in [
        &["export", ISTANBUL, "--anf", "--view"][..],
        &["export", ISTANBUL, "--anf", "--csv", "dir"][..],
        &[
            "export", ISTANBUL, "--anf", "--view", "kyiv", "--view", "west",
        ][..],
        &["export", "--anf"][..],
        &["export", ISTANBUL, "--anf", "--colour"][..],
    ] {
        let (code, _, stderr) = story(args);
        assert_eq!(code, 2, "{args:?}: {stderr}");
    }
    // Never over the story itself.
    let (code, _, stderr) = story(&["export", ISTANBUL, "--anf", "-o", ISTANBUL]);
    assert_eq!(code, 2);
    assert!(stderr.contains("refusing to write over"), "{stderr}");
}

#[test]
fn export_anf_handles_twelve_sides_in_cyrillic() {
    let (code, stdout, stderr) = story(&["export", TWELVE, "--anf", "--view", "minsk"]);
    assert_eq!(code, 0, "{stderr}");
    let story_ = story_at(TWELVE);
    let list: Value = serde_json::from_str(&stdout).expect("JSON");
    assert_table_is_the_story(&story_, View::Side(11), &list);
    assert!(stdout.contains("\"label\": \"Минск\""), "{stdout}");
}

#[test]
fn a_conditional_cell_gives_its_condition_in_the_apple_news_table() {
    let text = std::fs::read_to_string("tests/fixtures/stories/istanbul-conditional.json").unwrap();
    let story = demands_matrix::model::parse_story(&text).unwrap();
    let issue = story
        .issues
        .iter()
        .position(|i| i.id == "ceasefire")
        .unwrap();
    let text = anf::cell_text(&demands_matrix::i18n::english(), &story, issue, 0).unwrap();
    assert_eq!(text, "Demands (Condition: if Moscow agrees to it too)");
}
