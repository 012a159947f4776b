//! Native tests of a story's history: publishing a new version over an old one (the model's
//! `history::publish` and `story publish`), the story as it stood at each version, and the
//! validator's located messages for a broken history.
#![cfg(not(target_arch = "wasm32"))]

use std::process::Command;

use demands_matrix::model::history::publish;
use demands_matrix::model::{parse_story, Stance, Story};
use serde_json::{json, Value};

fn story(path: &str) -> Story {
    let text = std::fs::read_to_string(path).unwrap();
    parse_story(&text).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn three_versions() -> Story {
    story("tests/fixtures/stories/history.json")
}

fn stance(story: &Story, issue: &str, side: &str) -> Stance {
    story.find(issue, side).unwrap().stance
}

#[test]
fn publishing_twice_gives_the_three_version_fixture() {
    let (v1, v2, v3) = (
        story("tests/fixtures/history/v1.json"),
        story("tests/fixtures/history/v2.json"),
        story("tests/fixtures/stories/two-sides.json"),
    );
    let (v2, notes) = publish(v2, &v1).unwrap();
    assert_eq!(notes.notes, Vec::<String>::new());
    let (v3, _) = publish(v3, &v2).unwrap();
    assert_eq!(v3, three_versions());
    assert_eq!(
        v3.to_canonical_json(),
        std::fs::read_to_string("tests/fixtures/stories/history.json").unwrap(),
        "the fixture is publish's canonical output"
    );
}

#[test]
fn each_version_stands_as_it_stood() {
    let story = three_versions();
    let dates: Vec<&str> = story
        .history
        .iter()
        .map(|v| v.as_of.date.as_str())
        .collect();
    assert_eq!(dates, ["2025-05-16", "2025-05-30"]);
    let first = story.as_it_stood(0).unwrap();
    assert_eq!(first.as_of.date, "2025-05-16");
    assert_eq!(stance(&first, "water", "north"), Stance::Open);
    assert_eq!(stance(&first, "border", "south"), Stance::Rejects);
    assert_eq!(
        stance(&first, "water", "south"),
        Stance::Rejects,
        "unchanged since"
    );
    assert!(first.history.is_empty());
    let second = story.as_it_stood(1).unwrap();
    assert_eq!(stance(&second, "water", "north"), Stance::Demands);
    assert_eq!(second.find("water", "north").unwrap().priority, Some(1));
    assert_eq!(stance(&second, "border", "south"), Stance::Open);
    assert_eq!(story.as_it_stood(2), None);
    // A version rebuilt is a whole, valid story.
    parse_story(&first.to_canonical_json()).unwrap();
}

#[test]
fn a_third_publication_keeps_each_wording_of_a_cell_that_changed_twice() {
    let old = three_versions();
    let mut new = old.clone();
    new.history.clear();
    new.as_of.date = "2025-06-10".into();
    let south = new
        .positions
        .iter_mut()
        .find(|p| p.issue == "border" && p.side == "south")
        .unwrap();
    south.stance = Stance::Supports;
    south.summary = "South opens the crossings.".into();
    south.evidence = vec!["South opened the crossings.".into()];
    let (new, _) = publish(new, &old).unwrap();
    let dates: Vec<&str> = new.history.iter().map(|v| v.as_of.date.as_str()).collect();
    assert_eq!(dates, ["2025-05-16", "2025-05-30", "2025-06-03"]);
    let border_south = |v: usize| stance(&new.as_it_stood(v).unwrap(), "border", "south");
    assert_eq!(
        [border_south(0), border_south(1), border_south(2)],
        [Stance::Rejects, Stance::Open, Stance::Demands]
    );
    parse_story(&new.to_canonical_json()).unwrap();
}

#[test]
fn publishing_says_what_it_kept_added_and_left_out() {
    let old = story("tests/fixtures/stories/two-sides.json");
    let mut new = old.clone();
    new.as_of.date = "2025-06-04".into();
    // A new issue, a new source for the positions that changed, the old source dropped.
    let mut value: Value = serde_json::from_str(&new.to_canonical_json()).unwrap();
    value["issues"]
        .as_array_mut()
        .unwrap()
        .push(json!({"id": "fish", "title": "Fishing", "explainer": "Who fishes where."}));
    value["sources"] = json!([{"id": "radio", "outlet": "Test Radio", "title": "A later report"}]);
    for position in value["positions"].as_array_mut().unwrap() {
        position["source"] = json!("radio");
    }
    for side in ["north", "south"] {
        value["positions"].as_array_mut().unwrap().push(json!({
            "issue": "fish", "side": side, "stance": "not_stated", "source": "radio"
        }));
    }
    let new = parse_story(&value.to_string()).unwrap();
    let (published, notes) = publish(new, &old).unwrap();
    let text = notes.notes.join("\n");
    assert!(
        text.contains("source \"wire\" kept: the version of 2025-06-03 rests on it"),
        "{text}"
    );
    assert!(published.sources.iter().any(|s| s.id == "wire"));
    // The new issue's cells were not stated then either, and with the source changed only
    // the source differs: the old positions are kept, citing the old source.
    let then = published.as_it_stood(0).unwrap();
    assert_eq!(then.find("water", "north").unwrap().source, "wire");
    assert_eq!(stance(&then, "fish", "north"), Stance::NotStated);
    parse_story(&published.to_canonical_json()).unwrap();

    // A version whose matrix is the new one's is no version of the matrix.
    let mut same = old.clone();
    same.as_of.date = "2025-06-05".into();
    same.title = "A new title".into();
    let (same, notes) = publish(same, &old).unwrap();
    assert!(same.history.is_empty());
    assert!(
        notes.notes[0].contains("2025-06-03: no position differs"),
        "{:?}",
        notes.notes
    );

    // Older over newer is refused.
    let err = publish(old.clone(), &same).unwrap_err();
    assert!(err.contains("must be after the previous one's"), "{err}");
}

/// The validator's messages for the fixture with `change` applied to its JSON.
fn problems(change: impl FnOnce(&mut Value)) -> Vec<String> {
    let text = std::fs::read_to_string("tests/fixtures/stories/history.json").unwrap();
    let mut value: Value = serde_json::from_str(&text).unwrap();
    change(&mut value);
    match parse_story(&serde_json::to_string_pretty(&value).unwrap()) {
        Ok(_) => vec![],
        Err(errors) => errors.0.iter().map(ToString::to_string).collect(),
    }
}

#[test]
fn the_validator_rejects_a_broken_history_with_located_messages() {
    type Edit = Box<dyn FnOnce(&mut Value)>;
    let cases: Vec<(Edit, &str)> = vec![
        (
            Box::new(|v| v["history"][1]["as_of"]["date"] = json!("2025-05-01")),
            "history[0].as_of.date: 2025-05-16 is not before 2025-05-01 (history[1]): versions go oldest first, each before the next",
        ),
        (
            Box::new(|v| v["history"][1]["as_of"]["date"] = json!("2025-06-03")),
            "history[1].as_of.date: 2025-06-03 is not before 2025-06-03 (the story's own as_of)",
        ),
        (
            Box::new(|v| v["history"][0]["as_of"]["date"] = json!("16 May")),
            "history[0].as_of.date: \"16 May\" is not a date written YYYY-MM-DD",
        ),
        (
            Box::new(|v| v["history"][0]["positions"][0]["issue"] = json!("rivers")),
            "history[0].positions[0].issue: unknown issue \"rivers\"; the story's issues are: border, water",
        ),
        (
            Box::new(|v| v["history"][0]["positions"][1]["side"] = json!("east")),
            "history[0].positions[1].side: unknown side \"east\"",
        ),
        (
            Box::new(|v| v["history"][1]["positions"][0]["source"] = json!("tv")),
            "history[1].positions[0].source: unknown source \"tv\"",
        ),
        (
            Box::new(|v| {
                let first = v["history"][0]["positions"][0].clone();
                v["history"][0]["positions"].as_array_mut().unwrap().push(first);
            }),
            "history[0].positions[2].issue: a second position for side \"north\" on issue \"water\" in this version (the first is history[0].positions[0])",
        ),
        (
            Box::new(|v| {
                let own = v["positions"][0].clone();
                v["history"][1]["positions"].as_array_mut().unwrap().push(own);
            }),
            "history[1].positions[1].issue: the same as the story's own position: a version lists only what differed then",
        ),
        (
            Box::new(|v| v["history"][1]["positions"] = json!([])),
            "history[1].positions: a version lists the positions that differed then; this one lists none",
        ),
        (
            Box::new(|v| v["history"][0]["positions"][0]["priority"] = json!(2)),
            "history[0].positions[0].priority: only a \"demands\" position can have a priority",
        ),
        (
            Box::new(|v| v["history"][0]["positions"][1]["summary"] = json!(" ")),
            "history[0].positions[1].summary: must not be empty",
        ),
        (
            Box::new(|v| v["history"][0]["as_of"]["place"] = json!("")),
            "history[0].as_of.place: must not be empty",
        ),
    ];
    for (change, expected) in cases {
        let found = problems(change);
        assert!(
            found.iter().any(|p| p.starts_with(expected)),
            "expected {expected:?}, found {found:?}"
        );
    }
    // Types are the reader's: a located JSON message.
    let found = problems(|v| v["history"][0]["as_of"] = json!("2025-05-16"));
    assert!(
        found[0].starts_with("line ")
            && found[0].contains(
                "history[0].as_of: invalid type: string \"2025-05-16\", expected struct AsOf"
            ),
        "{found:?}"
    );
    let found = problems(|v| v["history"][0]["when"] = json!("then"));
    assert!(
        found[0].contains("history[0].when: unknown field `when`, expected `as_of` or `positions`"),
        "{found:?}"
    );
    assert_eq!(
        problems(|_| {}),
        Vec::<String>::new(),
        "the fixture itself is valid"
    );
}

#[test]
fn story_publish_writes_the_history_in_place_and_refuses_wrong_orders() {
    let dir = std::env::temp_dir().join(format!("dm-publish-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let out = dir.join("v2.json");
    let run = |args: &[&str]| {
        let output = Command::new(env!("CARGO_BIN_EXE_story"))
            .arg("publish")
            .args(args)
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .output()
            .unwrap();
        (
            output.status.code().unwrap_or(-1),
            String::from_utf8_lossy(&output.stdout).into_owned(),
            String::from_utf8_lossy(&output.stderr).into_owned(),
        )
    };
    let out_s = out.to_str().unwrap();
    let (code, _, err) = run(&[
        "tests/fixtures/history/v2.json",
        "--previous",
        "tests/fixtures/history/v1.json",
        "-o",
        out_s,
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(
        err.contains("written, as of 2025-05-30, with 1 earlier version"),
        "{err}"
    );
    let (code, _, err) = run(&["tests/fixtures/stories/two-sides.json", "--previous", out_s]);
    assert_eq!(code, 0, "{err}");
    let (_, stdout, _) = run(&["tests/fixtures/stories/two-sides.json", "--previous", out_s]);
    assert_eq!(
        stdout,
        std::fs::read_to_string("tests/fixtures/stories/history.json").unwrap()
    );

    // Published in place, over the old version, which lives on in the history.
    let (code, _, err) = run(&[
        "tests/fixtures/stories/two-sides.json",
        "--previous",
        out_s,
        "-o",
        out_s,
    ]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        std::fs::read_to_string(&out).unwrap(),
        std::fs::read_to_string("tests/fixtures/stories/history.json").unwrap()
    );
    assert_eq!(
        std::fs::read_dir(&dir).unwrap().count(),
        1,
        "no partial file left"
    );
    let (code, out, _) = run(&[
        "tests/fixtures/history/v1.json",
        "--previous",
        "tests/fixtures/history/v2.json",
    ]);
    assert_eq!(code, 1);
    assert!(out.contains("must be after the previous one's"), "{out}");
    for wrong in [
        &["tests/fixtures/history/v1.json"][..],
        &["--previous", "a.json"],
        &["a.json", "--previous"],
        &["a", "b", "--previous", "c"],
    ] {
        assert_eq!(run(wrong).0, 2, "{wrong:?}");
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

/// The editors' check holds earlier versions to their sources too: every stance a reader can
/// step back to rests on a sentence of its source.
#[test]
fn the_editors_check_finds_an_earlier_versions_evidence_missing_from_its_source() {
    use demands_matrix::model::check::{check, SourceText};
    let json = std::fs::read_to_string("tests/fixtures/stories/history.json").unwrap();
    let mut text = "North demanded half of the river. South refused to share the river. \
        North said it backs opening the crossings. South demanded that the crossings open. \
        South said it might open the crossings. North said it was open to talks on the river."
        .to_owned();
    let sources = |text: &str| {
        vec![SourceText {
            source_id: "wire".into(),
            text: text.to_owned(),
        }]
    };
    let checked = check(&json, &sources(&text));
    assert_eq!(checked.diagnostics.len(), 1);
    let problem = &checked.diagnostics[0];
    assert_eq!(problem.path, "history[0].positions[1].evidence[0]");
    assert_eq!(
        problem.cell.as_deref(),
        Some("south / border as of 2025-05-16")
    );
    assert!(problem.line.is_some(), "placed in the file");
    assert!(checked.story.is_none());
    text.push_str(" South said the crossings stay shut.");
    let checked = check(&json, &sources(&text));
    assert_eq!(checked.diagnostics, vec![]);
    assert!(checked.story.is_some());
}
