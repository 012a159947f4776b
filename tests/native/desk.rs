//! Native tests of the story desk's logic: the reducer (problems, the last good story, evidence
//! against pasted sources, views), what it does with opened files, the embed code it offers, and
//! the desk rendered to HTML.
#![cfg(all(not(target_arch = "wasm32"), feature = "editor"))]

use std::rc::Rc;

use demands_matrix::components::{App, AppProps, StoryRef};
use demands_matrix::desk::embed_code::{snippets, Entries};
use demands_matrix::desk::open::{
    example, open_files, open_story_json, stem_of, OpenedFile, Opening,
};
use demands_matrix::desk::state::{DeskAction, DeskState, Problem, SourceText, Theme};
use demands_matrix::desk::{DeskApp, DeskAppProps};
use demands_matrix::model::Story;
use demands_matrix::model::DEFAULT_STORY_JSON;
use demands_matrix::prerender::Entry;
use yew::{AttrValue, LocalServerRenderer, Reducible};

const REPORT: &str = include_str!("../fixtures/istanbul-talks-report.txt");

fn reduce(state: DeskState, action: DeskAction) -> DeskState {
    (*Rc::new(state).reduce(action)).clone()
}

fn opened_example() -> DeskState {
    reduce(
        DeskState::default(),
        DeskAction::Opened {
            what: "the example".into(),
            stem: "my-story".into(),
            outcome: example(),
            texts: Vec::new(),
            rows: None,
        },
    )
}

#[test]
fn the_example_opens_with_no_problems() {
    let state = opened_example();
    assert!(state.problems.is_empty());
    assert!(!state.stale);
    assert_eq!(state.generation, 1);
    assert_eq!(state.story.as_ref().map(|s| s.sides.len()), Some(3));
    assert!(
        state.status.contains("no problems. 3 sides, 14 issues"),
        "{}",
        state.status
    );
}

#[test]
fn a_broken_file_keeps_the_last_good_story_and_lists_its_problems() {
    let good = opened_example();
    let broken = std::fs::read("tests/fixtures/stories/broken-editor-side-id.json").unwrap();
    let Opening { stem, outcome, .. } = open_files(&[OpenedFile {
        name: "broken-editor-side-id.json".into(),
        bytes: broken,
    }]);
    assert_eq!(stem, "broken-editor-side-id");
    let state = reduce(
        good.clone(),
        DeskAction::Opened {
            what: "broken-editor-side-id.json".into(),
            stem,
            outcome,
            texts: Vec::new(),
            rows: None,
        },
    );
    assert!(state.stale, "the preview still shows the example");
    assert!(Rc::ptr_eq(
        state.story.as_ref().unwrap(),
        good.story.as_ref().unwrap()
    ));
    assert_eq!(
        state.stem, "my-story",
        "downloads keep the good story's name"
    );
    assert_eq!(state.generation, good.generation);
    // One root cause, its follow-ons held back; placed by line, column and cell.
    assert_eq!(state.problems.len(), 1, "{:#?}", state.problems);
    let problem = &state.problems[0];
    assert!(
        problem.place.starts_with("line 18, column 13"),
        "{problem:?}"
    );
    assert!(problem.message.contains("held back"), "{problem:?}");
    assert!(
        state.status.contains("1 problem. Fix them"),
        "{}",
        state.status
    );
}

#[test]
fn story_files_get_line_column_and_cell() {
    let text =
        std::fs::read_to_string("tests/fixtures/stories/broken-editor-content.json").unwrap();
    let problems = open_story_json(&text).unwrap_err();
    assert!(
        problems
            .iter()
            .any(|p| p.place == "line 211, column 17, ukraine / summit"),
        "{problems:#?}"
    );
    let curly =
        std::fs::read_to_string("tests/fixtures/stories/broken-editor-curly-key.json").unwrap();
    let problems = open_story_json(&curly).unwrap_err();
    assert!(
        problems[0]
            .message
            .contains("a curly quote “ where JSON needs a straight quote"),
        "{problems:#?}"
    );
}

#[test]
fn evidence_is_checked_against_the_pasted_source() {
    let state = reduce(
        opened_example(),
        DeskAction::SourceText(SourceText {
            source: "report".into(),
            text: REPORT.into(),
            address: String::new(),
        }),
    );
    assert_eq!(state.evidence, Vec::<Problem>::new());
    let changed = REPORT.replace(
        "Kyiv continues to advocate for a full and unconditional ceasefire",
        "Kyiv keeps pressing for a complete and unconditional ceasefire",
    );
    let state = reduce(
        state,
        DeskAction::SourceText(SourceText {
            source: "report".into(),
            text: changed,
            address: String::new(),
        }),
    );
    assert_eq!(state.evidence.len(), 1, "{:#?}", state.evidence);
    let problem = &state.evidence[0];
    assert_eq!(problem.place, "kyiv / ceasefire, evidence 2");
    assert!(
        problem
            .message
            .contains("not in the text of source `report` word for word"),
        "{problem:?}"
    );
    assert!(
        problem
            .nearest
            .as_deref()
            .is_some_and(|n| n.starts_with("Kyiv keeps pressing")),
        "{problem:?}"
    );
    // Clearing the text stops the check: nothing to check against is not a problem.
    let state = reduce(
        state,
        DeskAction::SourceText(SourceText {
            source: "report".into(),
            text: "  ".into(),
            address: String::new(),
        }),
    );
    assert!(state.evidence.is_empty() && state.sources.is_empty());
}

#[test]
fn source_texts_go_with_their_source_not_with_a_file_name() {
    let pasted = reduce(
        opened_example(),
        DeskAction::SourceText(SourceText {
            source: "report".into(),
            text: REPORT.into(),
            address: String::new(),
        }),
    );
    assert!(!pasted.sources[0].address.is_empty());
    let opened = |state: &DeskState, what: &str, stem: &str, story: Story| {
        reduce(
            state.clone(),
            DeskAction::Opened {
                what: what.into(),
                stem: stem.into(),
                outcome: Ok(story),
                texts: Vec::new(),
                rows: None,
            },
        )
    };
    let istanbul = example().unwrap();
    // A renamed copy, as browsers save a second download: the text stays, and is checked.
    let copy = opened(&pasted, "my-story (1).xlsx", "my-story-1", istanbul.clone());
    assert_eq!(copy.sources.len(), 1);
    assert_eq!(copy.coverage.unchecked, vec![]);
    assert!(copy.coverage.sentences > 20, "{:?}", copy.coverage);
    // The source under another id in the next version: the text follows its source.
    let mut renamed = istanbul.clone();
    renamed.sources[0].id = "reuters".into();
    for p in &mut renamed.positions {
        p.source = "reuters".into();
    }
    let renamed = opened(&pasted, "v2.xlsx", "v2", renamed);
    assert_eq!(renamed.sources[0].source, "reuters");
    assert!(renamed.evidence.is_empty());
    // Another story with a source of the same id but another address: nothing is carried over,
    // and the status says its evidence is not checked.
    let mut other = istanbul;
    other.sources[0].url = Some("https://example.org/another-report".into());
    let other = opened(&pasted, "other.json", "other", other);
    assert!(other.sources.is_empty() && other.evidence.is_empty());
    assert!(
        other.status.contains("of source \"report\"") && other.status.contains("not checked"),
        "{}",
        other.status
    );
    let (whole, said) = other.evidence_said().unwrap();
    assert!(!whole, "{said}");
}

#[test]
fn the_status_counts_the_evidence_checked() {
    let state = opened_example();
    let (whole, said) = state.evidence_said().unwrap();
    assert!(!whole);
    assert!(said.contains("not checked: paste its text"), "{said}");
    let state = reduce(
        state,
        DeskAction::SourceText(SourceText {
            source: "report".into(),
            text: REPORT.into(),
            address: String::new(),
        }),
    );
    let (whole, said) = state.evidence_said().unwrap();
    assert!(whole, "{said}");
    let story = state.story.as_ref().unwrap();
    let sentences: usize = story.positions.iter().map(|p| p.evidence.len()).sum();
    let quotes = story.positions.iter().filter(|p| p.quote.is_some()).count();
    assert_eq!(
        said,
        format!("Evidence: {sentences} evidence sentences and {quotes} quotes checked against the text of 1 source: all found word for word.")
    );
}

#[test]
fn a_workbook_carrying_its_source_texts_is_checked_on_opening() {
    let story = example().unwrap();
    let texts = [demands_matrix::model::check::SourceText {
        source_id: "report".into(),
        text: REPORT.replace(
            "Kyiv continues to advocate for a full and unconditional ceasefire",
            "Kyiv keeps pressing for a complete and unconditional ceasefire",
        ),
    }];
    let bytes = demands_matrix::workbook::export_xlsx_with_texts(&story, &texts).unwrap();
    let Opening {
        stem,
        outcome,
        texts,
        rows,
    } = open_files(&[OpenedFile {
        name: "story (1).xlsx".into(),
        bytes,
    }]);
    assert_eq!(texts.len(), 1);
    let state = reduce(
        DeskState::default(),
        DeskAction::Opened {
            what: "story (1).xlsx".into(),
            stem,
            outcome,
            texts,
            rows,
        },
    );
    assert_eq!(state.evidence.len(), 1, "{:#?}", state.evidence);
    // Placed where the editor fixes it: the sheet, the row and the line of the cell.
    let row = 2 + state
        .story
        .as_ref()
        .unwrap()
        .positions
        .iter()
        .position(|p| p.side == "kyiv" && p.issue == "ceasefire")
        .unwrap();
    assert_eq!(
        state.evidence[0].place,
        format!("positions, row {row}, column I (evidence), line 2 (kyiv / ceasefire)")
    );
    assert!(
        state.status.contains("1 not found word for word"),
        "{}",
        state.status
    );
}

#[test]
fn a_reload_after_a_broken_file_lists_its_problems() {
    let problems = vec![Problem {
        place: "positions, row 9, column B (side)".into(),
        message: "no such side".into(),
        nearest: None,
    }];
    let state = reduce(
        DeskState::default(),
        DeskAction::Restored {
            opened: "broken.xlsx".into(),
            stem: "broken".into(),
            story: Some(example().unwrap()),
            sources: Vec::new(),
            problems: problems.clone(),
        },
    );
    assert_eq!(state.problems, problems);
    assert!(state.stale);
    assert!(
        state.status.contains("broken.xlsx, has 1 problem"),
        "{}",
        state.status
    );
    // Nothing good opened before it: its problems still come back.
    let state = reduce(
        DeskState::default(),
        DeskAction::Restored {
            opened: "broken.xlsx".into(),
            stem: "broken".into(),
            story: None,
            sources: Vec::new(),
            problems: problems.clone(),
        },
    );
    assert_eq!(state.problems, problems);
    assert!(!state.stale && state.story.is_none());
}

#[test]
fn a_view_that_the_new_story_lacks_falls_back_to_all_sides() {
    let state = reduce(opened_example(), DeskAction::View("moscow".into()));
    assert_eq!(state.view, "moscow");
    let two = std::fs::read_to_string("tests/fixtures/stories/two-sides.json").unwrap();
    let state = reduce(
        state,
        DeskAction::Opened {
            what: "two-sides.json".into(),
            stem: "two-sides".into(),
            outcome: open_story_json(&two),
            texts: Vec::new(),
            rows: None,
        },
    );
    assert_eq!(state.view, "all");
    assert_eq!(
        reduce(state, DeskAction::Theme(Theme::Dark)).theme,
        Theme::Dark
    );
}

#[test]
fn files_opened_together_must_be_csv_sheets() {
    let Opening { outcome, .. } = open_files(&[
        OpenedFile {
            name: "positions.csv".into(),
            bytes: b"issue,side\n".to_vec(),
        },
        OpenedFile {
            name: "story.xlsx".into(),
            bytes: b"PK".to_vec(),
        },
    ]);
    let problems = outcome.unwrap_err();
    assert!(
        problems[0].message.contains("story.xlsx is not a CSV file"),
        "{problems:?}"
    );
    let Opening { outcome, .. } = open_files(&[]);
    assert!(outcome.is_err());
}

#[test]
fn download_names_are_safe_file_names() {
    assert_eq!(
        stem_of("C:\\Users\\ed\\Istanbul talks (v2).xlsx"),
        "Istanbul-talks--v2"
    );
    assert_eq!(stem_of("../../etc/passwd"), "passwd");
    assert_eq!(stem_of(".xlsx"), "story");
    assert_eq!(stem_of("переговоры.ods"), "переговоры");
}

#[test]
fn embed_code_names_the_story_and_escapes_its_title() {
    let title = "Talks \"now\" </script><b> <!--<script>";
    let plain = Entries::default();
    let all = snippets(
        "https://example.org/istanbul",
        "geneva",
        title,
        false,
        &plain,
    );
    let ids: Vec<&str> = all.iter().map(|s| s.id).collect();
    assert_eq!(ids, ["pym", "host", "direct"]);
    // The story's own pages, which its pages download unpacks into geneva/.
    for snippet in &all {
        assert!(
            snippet
                .code
                .contains("https://example.org/istanbul/geneva/"),
            "{}",
            snippet.code
        );
        assert!(!snippet.code.contains("src=stories"), "{}", snippet.code);
        assert!(!snippet.code.contains("</script><b>"), "{}", snippet.code);
        assert!(!snippet.code.contains("<!--"), "{}", snippet.code);
        assert!(
            snippet.note.contains("geneva-pages.zip"),
            "{}",
            snippet.note
        );
    }
    assert!(all[0]
        .code
        .contains("\"https://example.org/istanbul/geneva/\""));
    assert!(
        all[0]
            .code
            .contains(r#"{title: "Talks \"now\" \u003c/script>\u003cb> \u003c!--\u003cscript>"}"#),
        "{}",
        all[0].code
    );
    assert!(all[1].code.contains(
        "data-title=\"Talks &quot;now&quot; &lt;/script&gt;&lt;b&gt; &lt;!--&lt;script&gt;\""
    ));
    assert!(all[2].code.contains("<demands-matrix story=\"geneva\">"));
    assert!(all[2]
        .code
        .contains("src=\"https://example.org/istanbul/geneva/widget.js\""));
    assert!(all.iter().all(|s| !s.code.contains("live")));

    // A live story: every way to embed checks every minute, and the notes say how to republish.
    let live = snippets(
        "https://example.org/istanbul",
        "geneva",
        "Talks",
        true,
        &plain,
    );
    assert!(live[0]
        .code
        .contains("\"https://example.org/istanbul/index.html?src=stories/geneva.json&live=60\""));
    assert!(live[1].code.contains(
        "data-src=\"https://example.org/istanbul/index.html?src=stories/geneva.json&amp;live=60\""
    ));
    assert!(live[2]
        .code
        .contains("<demands-matrix src=\"/stories/geneva.json\" live=\"60\">"));
    assert!(live.iter().all(|s| s
        .note
        .contains("Publish each new version under the same address")));

    // With the hashed entries known, the host script and both widgets are named by content,
    // with their integrity, and fetched in CORS mode so the check can run on another origin.
    let entry = |file: &str| Entry {
        file: file.to_owned(),
        integrity: format!("sha384-{file}"),
    };
    let hashed = Entries {
        embed: Some(entry("embed-0123456789abcdef.js")),
        site_widget: Some(entry("widget-aaaaaaaaaaaaaaaa.js")),
        story_widget: Some(entry("widget-bbbbbbbbbbbbbbbb.js")),
    };
    let all = snippets(
        "https://example.org/istanbul",
        "geneva",
        "Talks",
        false,
        &hashed,
    );
    assert!(all[1].code.contains(r#"<script src="https://example.org/istanbul/embed-0123456789abcdef.js" integrity="sha384-embed-0123456789abcdef.js" crossorigin="anonymous" defer></script>"#), "{}", all[1].code);
    assert!(all[2].code.contains(r#"<script type="module" src="https://example.org/istanbul/geneva/widget-bbbbbbbbbbbbbbbb.js" integrity="sha384-widget-bbbbbbbbbbbbbbbb.js" crossorigin="anonymous"></script>"#), "{}", all[2].code);
    let live = snippets(
        "https://example.org/istanbul",
        "geneva",
        "Talks",
        true,
        &hashed,
    );
    assert!(live[2].code.contains(r#"src="https://example.org/istanbul/widget-aaaaaaaaaaaaaaaa.js" integrity="sha384-widget-aaaaaaaaaaaaaaaa.js""#), "{}", live[2].code);
}

#[tokio::test]
async fn the_desk_renders_its_panels_with_labels() {
    let html = LocalServerRenderer::<DeskApp>::with_props(DeskAppProps {
        site_base: AttrValue::Static("https://example.org/istanbul/"),
    })
    .render()
    .await;
    for needle in [
        "<h1>Story desk</h1>",
        "<label for=\"dmd-file\"",
        "id=\"dmd-file\"",
        "role=\"status\"",
        "Open the example story",
        "story-example.xlsx",
        "story-template.xlsx",
        "Nothing opened yet.",
    ] {
        assert!(html.contains(needle), "{needle} in {html}");
    }
}

#[tokio::test]
async fn the_preview_is_the_readers_widget_given_a_story() {
    let story = demands_matrix::model::parse_story(DEFAULT_STORY_JSON).unwrap();
    let html = LocalServerRenderer::<App>::with_props(AppProps {
        uid: AttrValue::Static("dmp320"),
        src: None,
        view: Some(AttrValue::Static("kyiv")),
        then_view: None,
        live: true,
        pages: false,
        pages_base: None,
        story: Some(StoryRef(Rc::new(story))),
        lang: None,
        within: Some(AttrValue::Static("dmd-caption-320")),
        refresh: None,
    })
    .render()
    .await;
    assert!(html.contains("data-view=\"kyiv\""));
    assert!(html.contains("id=\"dmp320\""));
    // Named by its frame first ("320 px (phone): Istanbul talks…"), its title under the
    // preview's own heading.
    assert!(
        html.contains("aria-labelledby=\"dmd-caption-320 dmp320-title\""),
        "{html}"
    );
    assert!(
        html.contains("<h3 id=\"dmp320-title\" class=\"dm-header__title\""),
        "{html}"
    );
}

#[test]
fn workbook_problems_come_sheet_by_sheet_and_row_by_row() {
    let bytes = std::fs::read("tests/fixtures/workbooks/mistakes.xlsx").unwrap();
    let Opening { stem, outcome, .. } = open_files(&[OpenedFile {
        name: "mistakes.xlsx".into(),
        bytes,
    }]);
    assert_eq!(stem, "mistakes");
    let places: Vec<String> = outcome.unwrap_err().into_iter().map(|p| p.place).collect();
    assert_eq!(
        places,
        [
            "issues, row 3, column C (explainer)",
            "positions, row 2, column C (stance)",
            "positions, row 3, column K",
            "positions, row 5, column D (priority)",
            "positions, row 9, column B (side)",
            "positions",
        ]
    );
}

/// The desk's "new version of a published story": the download carries the old file and its
/// own history as the story's, as `story publish` writes them; the editor reads what happened.
#[test]
fn the_desk_publishes_a_story_as_the_next_version_of_the_file_readers_have() {
    use demands_matrix::desk::publish::as_new_version;
    let story = demands_matrix::model::parse_story(
        &std::fs::read_to_string("tests/fixtures/stories/two-sides.json").unwrap(),
    )
    .unwrap();
    // v2 published over v1 first, as the file readers would have now.
    let v1 = demands_matrix::model::parse_story(
        &std::fs::read_to_string("tests/fixtures/history/v1.json").unwrap(),
    )
    .unwrap();
    let v2 = demands_matrix::model::parse_story(
        &std::fs::read_to_string("tests/fixtures/history/v2.json").unwrap(),
    )
    .unwrap();
    let (v2, _) = demands_matrix::model::history::publish(v2, &v1).unwrap();
    let (new, said) =
        as_new_version(&story, "round.json", v2.to_canonical_json().as_bytes()).unwrap();
    assert_eq!(
        new.to_canonical_json(),
        std::fs::read_to_string("tests/fixtures/stories/history.json").unwrap()
    );
    assert_eq!(
        said,
        "as a new version of round.json (2025-05-30), with 2 earlier versions"
    );

    let err = as_new_version(&v1, "round.json", v2.to_canonical_json().as_bytes()).unwrap_err();
    assert!(
        err.starts_with("round.json: the new version's as_of.date (2025-05-16) must be after"),
        "{err}"
    );
    let err = as_new_version(&story, "notes.json", b"{\"title\": 1}").unwrap_err();
    assert!(
        err.starts_with("notes.json is not a valid story file: line 1, column 11: title"),
        "{err}"
    );
    let err = as_new_version(&story, "photo.json", &[0xff, 0xfe]).unwrap_err();
    assert_eq!(err, "photo.json is not a story file (not UTF-8 text)");
}

/// A story of ten sources: those without text are named in one sentence with one fix, and texts
/// marked as excerpts are said to be excerpts.
#[test]
fn the_status_names_sources_without_text_once_and_says_when_texts_are_excerpts() {
    let root = env!("CARGO_MANIFEST_DIR");
    let stem = "ukraine-geneva-2025-11-24";
    let json = std::fs::read_to_string(format!("{root}/stories/{stem}.json")).unwrap();
    let story = open_story_json(&json).unwrap();
    let texts: Vec<SourceText> = story
        .sources
        .iter()
        .take(2)
        .map(|s| SourceText {
            source: s.id.clone(),
            text: std::fs::read_to_string(format!("{root}/stories/{stem}.{}.txt", s.id)).unwrap(),
            address: String::new(),
        })
        .collect();
    let open = |texts: Vec<SourceText>| {
        reduce(
            DeskState::default(),
            DeskAction::Opened {
                what: "geneva.xlsx".into(),
                stem: stem.into(),
                outcome: Ok(story.clone()),
                texts,
                rows: None,
            },
        )
    };
    let (whole, said) = open(texts.clone()).evidence_said().unwrap();
    assert!(!whole, "{said}");
    assert_eq!(said.matches("paste").count(), 1, "{said}");
    assert!(
        said.contains("not checked: paste their texts under Source texts"),
        "{said}"
    );
    assert!(
        said.contains("all found word for word; both texts are excerpts"),
        "{said}"
    );
    let all: Vec<SourceText> = story
        .sources
        .iter()
        .map(|s| SourceText {
            source: s.id.clone(),
            text: std::fs::read_to_string(format!("{root}/stories/{stem}.{}.txt", s.id)).unwrap(),
            address: String::new(),
        })
        .collect();
    let (whole, said) = open(all).evidence_said().unwrap();
    assert!(whole, "{said}");
    assert!(
        said.contains("all found word for word; all 10 texts are excerpts"),
        "{said}"
    );
}
