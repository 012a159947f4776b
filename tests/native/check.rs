//! Native tests of the editors' checks (`model::check`): evidence against the source text,
//! places and cells of content errors, root causes with their follow-ons held back, and curly
//! quotes named as such. The fixtures are the mistakes an outside editor made.
#![cfg(all(not(target_arch = "wasm32"), feature = "editor"))]

use std::time::Instant;

use demands_matrix::model::check::{
    check, check_evidence, check_story, Diagnostic, EvidenceField, Severity, SourceText,
};
use demands_matrix::model::{parse_story, DEFAULT_STORY_JSON};

const GENEVA_REPORT: &str = include_str!("../fixtures/editor-geneva-report.txt");
const ISTANBUL_REPORT: &str = include_str!("../fixtures/istanbul-talks-report.txt");

fn fixture(name: &str) -> String {
    let path = format!(
        "{}/tests/fixtures/stories/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read_to_string(&path).unwrap_or_else(|err| panic!("{path}: {err}"))
}

fn wire(text: &str) -> Vec<SourceText> {
    vec![SourceText {
        source_id: "wire".into(),
        text: text.into(),
    }]
}

/// The diagnostics of a fixture checked against the Geneva report; they must fail the check.
fn problems(name: &str) -> Vec<Diagnostic> {
    check_story(&fixture(name), &wire(GENEVA_REPORT)).expect_err("the check should fail")
}

fn listing(diagnostics: &[Diagnostic]) -> String {
    diagnostics
        .iter()
        .map(|d| d.to_string())
        .collect::<Vec<_>>()
        .join("\n")
}

fn at<'a>(diagnostics: &'a [Diagnostic], path: &str) -> &'a Diagnostic {
    diagnostics
        .iter()
        .find(|d| d.path == path)
        .unwrap_or_else(|| panic!("no diagnostic at {path}:\n{}", listing(diagnostics)))
}

// Evidence against the source.

#[test]
fn a_paraphrased_evidence_sentence_is_caught_with_the_sources_nearest_sentence() {
    let found = problems("editor-paraphrased.json");
    let d = at(&found, "positions[1].evidence[0]");
    assert_eq!(d.severity, Severity::Error);
    assert_eq!(d.cell.as_deref(), Some("russia / ceasefire"));
    assert_eq!((d.line, d.column), (Some(116), Some(9)));
    assert_eq!(
        d.message,
        "this evidence is not in the text of source `wire` word for word: the source has \
         \"would only let\" where this has \"would let\""
    );
    assert_eq!(
        d.nearest.as_deref(),
        Some(
            "Russia rejected an immediate ceasefire, saying a truce would only let Ukraine rearm."
        )
    );
    assert_eq!(
        d.to_string(),
        "116:9: positions[1].evidence[0] (russia / ceasefire): this evidence is not in the text \
         of source `wire` word for word: the source has \"would only let\" where this has \
         \"would let\"\n    nearest in the source: Russia rejected an immediate \
         ceasefire, saying a truce would only let Ukraine rearm."
    );
}

#[test]
fn a_paraphrased_quote_is_caught_too() {
    let found = problems("editor-paraphrased.json");
    let d = at(&found, "positions[8].quote.text");
    assert_eq!(d.cell.as_deref(), Some("ukraine / children"));
    assert_eq!(d.line, Some(178));
    assert_eq!(
        d.message,
        "the quote is not in the text of source `wire` word for word: the source has \"matter\" \
         where this has \"question\""
    );
    assert!(
        d.nearest
            .as_deref()
            .is_some_and(|s| s.contains("“a matter of basic humanity.”")),
        "{d}"
    );
    // Errors in file order; only the two changed positions are reported.
    assert_eq!(found.len(), 3, "{}", listing(&found));
    assert!(found.windows(2).all(|w| w[0].line <= w[1].line));
}

#[test]
fn quotes_dashes_and_spacing_may_differ_but_not_words_or_case() {
    // editor-geneva.json writes one sentence with straight quotes and `--` where the report has
    // curly quotes and an em dash.
    let story = check_story(&fixture("editor-geneva.json"), &wire(GENEVA_REPORT))
        .unwrap_or_else(|d| panic!("{}", listing(&d)));
    assert_eq!(story.positions.len(), 40);
    let mut story = story;
    story.positions[0].evidence[0].text =
        story.positions[0].evidence[0].text.replace("Kyiv", "kyiv");
    assert_eq!(check_evidence(&story, &wire(GENEVA_REPORT)).len(), 1);
    story.positions[0].evidence[0] = "Ukraine’s  chief\nnegotiator said".into();
    assert!(check_evidence(&story, &wire(GENEVA_REPORT)).is_empty());
}

#[test]
fn evidence_of_a_story_built_in_code_is_checked_by_cell() {
    // A workbook import builds a Story without JSON: problems name issue, side and field.
    let mut story = parse_story(&fixture("editor-geneva.json")).expect("valid");
    let cell = story
        .positions
        .iter_mut()
        .find(|p| p.issue == "summit" && p.side == "russia")
        .expect("cell");
    cell.evidence
        .push("The Kremlin said a summit was not yet due.".into());
    let problems = check_evidence(&story, &wire(GENEVA_REPORT));
    assert_eq!(problems.len(), 1, "{problems:?}");
    let problem = &problems[0];
    assert_eq!(
        (problem.issue.as_str(), problem.side.as_str()),
        ("summit", "russia")
    );
    assert_eq!(problem.field, EvidenceField::Evidence(1));
    assert_eq!(problem.text, "The Kremlin said a summit was not yet due.");
    assert_eq!(
        problem.nearest.as_deref(),
        Some("The Kremlin said a summit was premature.")
    );
}

#[test]
fn positions_without_source_text_are_noted_not_failed() {
    let checked = check(&fixture("editor-geneva.json"), &[]);
    assert!(checked.story.is_some());
    assert_eq!(checked.diagnostics.len(), 1);
    let note = &checked.diagnostics[0];
    assert_eq!(note.severity, Severity::Note);
    assert_eq!(
        note.to_string(),
        "note: evidence not checked: no text for source `wire`"
    );
    // Text for another source checks nothing here and changes nothing.
    let other = vec![SourceText {
        source_id: "tv".into(),
        text: "Nothing.".into(),
    }];
    assert!(check_story(&fixture("editor-geneva.json"), &other).is_ok());
}

#[test]
fn the_istanbul_story_passes_with_its_report() {
    let checked = check(DEFAULT_STORY_JSON, &wire_as("report", ISTANBUL_REPORT));
    assert!(
        checked.diagnostics.is_empty(),
        "{}",
        listing(&checked.diagnostics)
    );
    assert!(checked.story.is_some());
    // The copy beside the story, which `story check` finds by itself, is the same text.
    let beside = include_str!("../../static/stories/istanbul-2025-06-02.source.txt");
    assert_eq!(beside, ISTANBUL_REPORT);
}

fn wire_as(id: &str, text: &str) -> Vec<SourceText> {
    vec![SourceText {
        source_id: id.into(),
        text: text.into(),
    }]
}

#[test]
fn a_20_kb_source_and_100_sentences_are_checked_quickly() {
    // Twenty variants of the report (about 22 kB), each sentence changed slightly.
    let source: String = (0..20)
        .map(|n| GENEVA_REPORT.replace("Geneva", &format!("Geneva{n}")))
        .collect();
    assert!(source.len() > 20_000);
    let mut story = parse_story(&fixture("editor-geneva.json")).expect("valid");
    let mut sentences = 0;
    for (n, position) in story.positions.iter_mut().enumerate() {
        for k in 0..3 {
            position
                .evidence
                .push(format!("Sentence {n}.{k}: delegations met in Geneva on a Tuesday.").into());
            sentences += 1;
        }
    }
    assert!(sentences >= 100);
    let start = Instant::now();
    let problems = check_evidence(&story, &wire(&source));
    let took = start.elapsed();
    assert_eq!(problems.len(), sentences);
    assert!(problems.iter().all(|p| p.nearest.is_some()));
    // Milliseconds in a release build; the bound leaves room for debug builds on busy machines.
    assert!(took.as_secs_f64() < 2.0, "took {took:?}");
}

// Content errors: place and cell.

#[test]
fn a_content_error_has_line_column_and_cell() {
    let found = problems("broken-editor-content.json");
    assert_eq!(found.len(), 1, "{}", listing(&found));
    assert_eq!(
        found[0].to_string(),
        "211:17: positions[12].quote.text (ukraine / summit): the quote must appear word for \
         word in one of the position's evidence sentences"
    );
}

#[test]
fn a_field_left_out_is_placed_at_its_object() {
    let mut value: serde_json::Value =
        serde_json::from_str(&fixture("editor-geneva.json")).expect("json");
    // positions[3] is silent (not_stated) and so has no summary or evidence in the file.
    value["positions"][3]["stance"] = serde_json::json!("open");
    let text = serde_json::to_string_pretty(&value).expect("json");
    let found = check_story(&text, &[]).expect_err("an open stance needs evidence");
    let summary = at(&found, "positions[3].summary");
    let evidence = at(&found, "positions[3].evidence");
    assert_eq!(summary.cell.as_deref(), Some("eu / ceasefire"));
    assert!(summary.line.is_some());
    assert_eq!(
        (summary.line, summary.column),
        (evidence.line, evidence.column)
    );
    let line = summary.line.unwrap_or(0);
    assert_eq!(
        text.lines().nth(line - 1).map(str::trim),
        Some("{"),
        "placed at the position's opening brace"
    );
    let next: Vec<&str> = text.lines().skip(line).take(2).map(str::trim).collect();
    assert_eq!(next, ["\"issue\": \"ceasefire\",", "\"side\": \"eu\","]);
}

#[test]
fn list_entries_are_named_by_id() {
    let found = check_story(&fixture("broken-javascript-url.json"), &[]).expect_err("broken");
    let d = at(&found, "sources[0].url");
    assert_eq!(d.cell.as_deref(), Some("source wire"));
    assert_eq!((d.line, d.column), (Some(13), Some(14)));
}

#[test]
fn json_errors_are_placed_in_characters_not_bytes() {
    let text = "{\"title\": \"Переговоры\", \"standfirst\": 5}";
    let reader = parse_story(text).expect_err("wrong type");
    let (line, byte_column) = reader.0[0].location.expect("placed");
    let found = check_story(text, &[]).expect_err("wrong type");
    assert_eq!(found[0].line, Some(line));
    // Ten Cyrillic letters take twenty bytes.
    assert_eq!(found[0].column, Some(byte_column - 10));
    assert_eq!(found[0].path, "standfirst");
}

// Root causes.

#[test]
fn a_malformed_side_id_is_reported_once_with_its_follow_ons_held_back() {
    let found = problems("broken-editor-side-id.json");
    assert_eq!(found.len(), 1, "{}", listing(&found));
    let root = &found[0];
    assert_eq!(root.path, "sides[0].id");
    assert_eq!(root.cell.as_deref(), Some("side Ukraine"));
    assert_eq!(root.held_back, 20);
    assert_eq!(root.follow_ons.len(), 20);
    assert_eq!(
        root.to_string(),
        "18:13: sides[0].id (side Ukraine): \"Ukraine\" may use only a–z, 0–9, - and _; 10 \
         positions refer to it as \"ukraine\", leaving 10 cells empty (20 follow-on problems \
         held back: fix this first)"
    );
    // The follow-ons keep their own places, for a view that unfolds them.
    assert!(root.follow_ons.iter().all(|d| d.line.is_some()));
}

#[test]
fn an_unknown_issue_used_many_times_is_one_line() {
    let found = problems("broken-editor-unknown-issue.json");
    assert_eq!(found.len(), 1, "{}", listing(&found));
    let d = &found[0];
    assert_eq!(d.path, "positions[12].issue");
    assert_eq!(d.cell.as_deref(), Some("ukraine / leaders-meeting"));
    assert_eq!(d.held_back, 7);
    assert!(
        d.message
            .starts_with("unknown issue \"leaders-meeting\"; the story's issues are:")
            && d.message.ends_with(
                "; 4 positions use \"leaders-meeting\", leaving 4 cells empty (7 follow-on \
                 problems held back: fix this first)"
            ),
        "{d}"
    );
}

#[test]
fn a_side_with_no_positions_is_one_line() {
    let found = problems("broken-editor-missing-side.json");
    assert_eq!(found.len(), 1, "{}", listing(&found));
    let d = &found[0];
    assert_eq!(d.cell.as_deref(), Some("eu / ceasefire"));
    assert_eq!(d.held_back, 9);
    assert!(
        d.message.ends_with(
            "; nor on 9 more issues: prisoners, children, summit, nato, territory, guarantees, \
             sanctions, reconstruction, elections (held back)"
        ),
        "{d}"
    );
}

#[test]
fn a_new_issue_with_no_positions_is_one_line() {
    let mut value: serde_json::Value =
        serde_json::from_str(&fixture("editor-geneva.json")).expect("json");
    value["issues"]
        .as_array_mut()
        .expect("issues")
        .push(serde_json::json!({ "id": "energy", "title": "Energy", "explainer": "Gas." }));
    let found = check_story(&value.to_string(), &[]).expect_err("four empty cells");
    assert_eq!(found.len(), 1, "{}", listing(&found));
    assert!(
        found[0]
            .message
            .ends_with("; nor for 3 more sides: russia, us, eu (held back)"),
        "{}",
        found[0]
    );
}

#[test]
fn unrelated_errors_are_all_listed() {
    let found = check_story(&fixture("broken-duplicate-ids.json"), &[]).expect_err("broken");
    assert!(found.len() >= 2, "{}", listing(&found));
}

// Curly quotes and other word-processor characters.

#[test]
fn curly_quotes_around_a_key_are_named() {
    let found = problems("broken-editor-curly-key.json");
    assert_eq!(
        listing(&found),
        "3:3: a curly quote “ where JSON needs a straight quote \" (the JSON reader stopped at \
         3:3: key must be a string)\n3:14: a curly quote ” where JSON needs a straight quote \""
    );
}

#[test]
fn curly_quotes_around_a_value_are_named_with_the_cell() {
    let found = problems("broken-editor-curly-value.json");
    assert_eq!(found.len(), 2, "{}", listing(&found));
    assert_eq!(
        found[0].to_string(),
        "287:18: positions[21].summary (russia / territory): a curly quote “ where JSON needs a \
         straight quote \" (the JSON reader stopped at 287:18: expected value)"
    );
    assert_eq!((found[1].line, found[1].column), (Some(287), Some(45)));
}

#[test]
fn a_curly_closing_quote_is_found_where_the_string_should_end() {
    // The reader only sees a string running on into the next line.
    let found = problems("broken-editor-curly-close.json");
    assert_eq!(found.len(), 1, "{}", listing(&found));
    assert_eq!(
        found[0].to_string(),
        "6:21: as_of.place: a curly quote ” where JSON needs a straight quote \" (the JSON \
         reader stopped at 7:1: control character (\\u0000-\\u001F) found while parsing a string)"
    );
}

#[test]
fn single_quotes_non_breaking_spaces_and_byte_order_marks_are_named() {
    let cases = [
        (
            "{\n  'title': \"x\"\n}",
            "2:3: a single quote ' where JSON needs a double quote \"",
        ),
        (
            "{\n  \"title\":\u{a0}\"x\"\n}",
            "2:11: title: a non-breaking space (U+00A0)",
        ),
        ("\u{feff}{}", "1:1: a byte-order mark (U+FEFF)"),
        (
            "{\"title\": ‘x’}",
            "1:11: title: a curly quote ‘ where JSON needs a straight quote",
        ),
    ];
    for (text, start) in cases {
        let found = check_story(text, &[]).expect_err("not JSON");
        assert!(
            found[0].to_string().starts_with(start),
            "{}",
            listing(&found)
        );
    }
}

#[test]
fn curly_quotes_inside_strings_are_text_not_mistakes() {
    // A missing comma after a string with curly quotes in it is a missing comma.
    let text = "{\"title\": \"He said “no”.\" \"standfirst\": \"x\"}";
    let found = check_story(text, &[]).expect_err("missing comma");
    assert_eq!(found.len(), 1);
    assert!(
        found[0].message.starts_with("expected `,` or `}`"),
        "{}",
        found[0]
    );
}

// Robustness.

#[test]
fn the_largest_story_with_one_mistake_everywhere_is_checked_quickly() {
    // 1,000 issues × 12 sides, the first side's id in capitals: 2,000 follow-on problems.
    let sides: Vec<serde_json::Value> = (0..12)
        .map(|s| {
            let id = if s == 0 {
                "Side0".to_owned()
            } else {
                format!("side{s}")
            };
            serde_json::json!({ "id": id, "name": "Side", "short": "S" })
        })
        .collect();
    let issues: Vec<serde_json::Value> = (0..1000)
        .map(|i| serde_json::json!({ "id": format!("issue{i}"), "title": "T", "explainer": "E" }))
        .collect();
    let positions: Vec<serde_json::Value> = (0..1000)
        .flat_map(|i| {
            (0..12).map(move |s| {
                serde_json::json!({ "issue": format!("issue{i}"), "side": format!("side{s}"),
                    "stance": "not_stated", "source": "wire" })
            })
        })
        .collect();
    let story = serde_json::json!({
        "title": "T", "standfirst": "S", "as_of": { "date": "2025-01-01", "place": "P" },
        "sources": [{ "id": "wire", "outlet": "W", "title": "T" }],
        "sides": sides, "issues": issues, "positions": positions,
    });
    let text = serde_json::to_string_pretty(&story).expect("json");
    let start = Instant::now();
    let found = check_story(&text, &[]).expect_err("one mistake");
    let took = start.elapsed();
    assert_eq!(found.len(), 1, "{}", found[0]);
    assert_eq!(found[0].held_back, 2000);
    assert!(took.as_secs_f64() < 10.0, "took {took:?}");
}

#[test]
fn no_input_makes_it_panic() {
    let texts = [
        fixture("editor-paraphrased.json"),
        fixture("hostile-strings.json"),
        fixture("broken-editor-curly-value.json"),
    ];
    let sources = wire(GENEVA_REPORT);
    for text in &texts {
        // Every prefix cut at a character boundary, and each with a word processor's quote put in.
        let boundaries: Vec<usize> = text.char_indices().map(|(i, _)| i).step_by(61).collect();
        for &cut in &boundaries {
            let _ = check(&text[..cut], &sources);
            let mut curly = text.clone();
            curly.insert(cut, '”');
            let _ = check(&curly, &sources);
            let mut nbsp = text.clone();
            nbsp.insert(cut, '\u{a0}');
            let _ = check(&nbsp, &sources);
        }
    }
    // Random edits with the characters that matter to JSON and to the scanners.
    let alphabet = [
        '"', '“', '”', '‘', '’', '\\', '{', '}', '[', ']', ',', ':', 'Ж', '🙂', '\n', '\u{a0}',
        '\'',
    ];
    let base = fixture("editor-geneva.json");
    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut next = |below: usize| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        (seed % below.max(1) as u64) as usize
    };
    for _ in 0..100 {
        let mut text = base.clone();
        for _ in 0..1 + next(4) {
            let chars: Vec<(usize, char)> = text.char_indices().collect();
            let (at, c) = chars[next(chars.len())];
            let with = alphabet[next(alphabet.len())];
            text.replace_range(at..at + c.len_utf8(), &with.to_string());
        }
        let _ = check(&text, &sources);
    }
    let odd_sources = [
        "",
        "…",
        ".",
        "“",
        "U.S.",
        "Ж. ",
        "\n\n",
        "a.b.c.d.e.",
        "🙂. 🙂! 🙂?",
    ];
    let story = fixture("editor-geneva.json");
    for text in odd_sources {
        let _ = check(&story, &wire(text));
    }
}

/// The Putrajaya corpus story with the texts of its seven sources beside it.
fn putrajaya() -> (demands_matrix::model::Story, Vec<SourceText>) {
    let root = format!("{}/stories", env!("CARGO_MANIFEST_DIR"));
    let stem = "thailand-cambodia-putrajaya-2025-07-28";
    let story = parse_story(&std::fs::read_to_string(format!("{root}/{stem}.json")).unwrap())
        .expect("the corpus story is valid");
    let texts = story
        .sources
        .iter()
        .map(|s| SourceText {
            source_id: s.id.clone(),
            text: std::fs::read_to_string(format!("{root}/{stem}.{}.txt", s.id)).unwrap(),
        })
        .collect();
    (story, texts)
}

#[test]
fn a_sentence_naming_its_own_source_is_checked_against_that_source() {
    use demands_matrix::model::check::coverage;
    let (story, texts) = putrajaya();
    assert_eq!(check_evidence(&story, &texts), Vec::new());
    let (p, e) = story
        .positions
        .iter()
        .enumerate()
        .find_map(|(p, pos)| Some((p, pos.evidence.iter().position(|e| e.source.is_some())?)))
        .expect("the story cites another source's sentence");
    let own = story.positions[p].evidence[e].source.clone().unwrap();
    // Without the text of the sentence's own source, only that sentence goes unchecked, and the
    // position's source is not blamed for it.
    let without: Vec<SourceText> = texts
        .iter()
        .filter(|t| t.source_id != own)
        .cloned()
        .collect();
    assert_eq!(check_evidence(&story, &without), Vec::new());
    let covered = coverage(&story, &without);
    assert!(
        covered
            .unchecked
            .iter()
            .any(|(id, n, _)| *id == own && *n >= 1),
        "{covered:?}"
    );
    // The sentence is looked for in its own source: checked against the position's source text
    // instead (the other source's words), it is not found there.
    let mut moved = story.clone();
    moved.positions[p].evidence[e].source = None;
    let problems = check_evidence(&moved, &texts);
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert_eq!(problems[0].source, moved.positions[p].source);
    assert_eq!(problems[0].field, EvidenceField::Evidence(e));
    // Every source's text here is an excerpt of its article, and the coverage says so.
    assert_eq!(coverage(&story, &texts).excerpts.len(), story.sources.len());
}

#[test]
fn an_evidence_source_that_is_not_a_source_of_the_story_is_placed() {
    let (story, _) = putrajaya();
    let json = story.to_canonical_json().replacen(
        "\"source\": \"tna\"\n",
        "\"source\": \"tna-wire\"\n",
        1,
    );
    let errors = parse_story(&json).expect_err("an unknown source id").0;
    assert!(
        errors.iter().any(|e| e.path.contains(".evidence[")
            && e.path.ends_with("].source")
            && e.message.contains("tna-wire")),
        "{errors:?}"
    );
}
