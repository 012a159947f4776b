//! Native tests of the story model: parsing, every validation error, traceability of the
//! default story to its source, the agreement summary and the order of rows in each view.
#![cfg(not(target_arch = "wasm32"))]

use demands_matrix::model::agreement::describe;
use demands_matrix::model::{
    parse_story, Agreement, GroupKind, Line, Outcome, Stance, Story, StoryErrors, View,
    DEFAULT_STORY_JSON,
};
use serde_json::{json, Value};

fn default_story() -> Story {
    parse_story(DEFAULT_STORY_JSON).expect("the built-in story is valid")
}

/// A small valid story as JSON, for tests to break one field at a time.
fn small() -> Value {
    json!({
        "title": "Talks",
        "standfirst": "Who wants what.",
        "as_of": { "date": "2025-06-02", "place": "Istanbul" },
        "sources": [{ "id": "report", "outlet": "Wire", "title": "Talks resume", "url": "https://example.org/a" }],
        "sides": [
            { "id": "a", "name": "Side A", "short": "A" },
            { "id": "b", "name": "Side B", "short": "B" }
        ],
        "issues": [
            { "id": "truce", "title": "Truce", "explainer": "Stop fighting." },
            { "id": "land", "title": "Land", "explainer": "Who holds what." }
        ],
        "positions": [
            { "issue": "truce", "side": "a", "stance": "demands", "priority": 1, "summary": "A wants a truce.", "source": "report", "evidence": ["A said: “truce now”."], "quote": { "text": "truce now", "speaker": "A's leader" } },
            { "issue": "truce", "side": "b", "stance": "rejects", "summary": "B says no.", "source": "report", "evidence": ["B refused."] },
            { "issue": "land", "side": "a", "stance": "not_stated", "source": "report" },
            { "issue": "land", "side": "b", "stance": "demands", "summary": "B wants land.", "source": "report", "evidence": ["B demanded land."] }
        ]
    })
}

fn errors_of(value: &Value) -> StoryErrors {
    parse_story(&value.to_string()).expect_err("the story should be rejected")
}

fn assert_error(value: &Value, path: &str, needle: &str) {
    let errors = errors_of(value);
    assert!(
        errors
            .0
            .iter()
            .any(|e| e.path == path && e.message.contains(needle)),
        "expected an error at {path} containing {needle:?}, got:\n{errors}"
    );
}

#[test]
fn small_story_parses_and_positions_are_issue_major() {
    let mut value = small();
    // Editors may list positions in any order; lookups must not care.
    value["positions"].as_array_mut().unwrap().reverse();
    let story = parse_story(&value.to_string()).expect("valid");
    assert_eq!(story.position(0, 1).summary, "B says no.");
    assert_eq!(story.position(1, 1).summary, "B wants land.");
    assert_eq!(story.lang, "en", "lang defaults to English");
}

#[test]
fn json_syntax_errors_give_line_and_column() {
    let text = "{\n  \"title\": \"Talks\",\n}";
    let errors = parse_story(text).expect_err("trailing comma");
    let error = &errors.0[0];
    assert_eq!(error.location, Some((3, 1)));
    assert!(
        error.to_string().starts_with("line 3, column 1: "),
        "{error}"
    );
    let truncated = &small().to_string()[..120];
    let errors = parse_story(truncated).expect_err("truncated");
    assert!(errors.0[0].message.contains("EOF"), "{errors}");
}

#[test]
fn wrong_types_and_missing_fields_name_the_field() {
    let mut value = small();
    value["issues"][1]["title"] = json!(7);
    assert_error(&value, "issues[1].title", "invalid type");
    let mut value = small();
    value["sides"][0].as_object_mut().unwrap().remove("name");
    assert_error(&value, "sides[0]", "missing field `name`");
}

#[test]
fn unknown_stance_lists_the_allowed_words() {
    let mut value = small();
    value["positions"][1]["stance"] = json!("maybe");
    let errors = errors_of(&value);
    let error = &errors.0[0];
    assert_eq!(error.path, "positions[1].stance");
    assert!(error.message.contains("unknown variant `maybe`"), "{error}");
    assert!(error.message.contains("not_stated"), "{error}");
    assert!(error.location.is_some());
}

#[test]
fn unknown_fields_are_typos_not_silence() {
    let mut value = small();
    value["positions"][0]["stanse"] = json!("demands");
    assert_error(&value, "positions[0].stanse", "unknown field `stanse`");
}

#[test]
fn a_field_given_twice_is_named_not_overwritten() {
    // serde_json::Value cannot hold a repeated key: write it into the text.
    let text = small().to_string().replacen(
        "\"standfirst\":",
        "\"standfirst\":\"First\",\"standfirst\":",
        1,
    );
    let errors = parse_story(&text).expect_err("a repeated key");
    assert_eq!(errors.0[0].path, "standfirst");
    assert!(
        errors.0[0].message.contains("duplicate field `standfirst`"),
        "{errors}"
    );
}

#[test]
fn structs_are_objects_and_optional_fields_may_be_left_out() {
    let mut value = small();
    value["as_of"] = json!(["2025-06-02", "Istanbul"]);
    assert_error(
        &value,
        "as_of",
        "invalid type: sequence, expected struct AsOf",
    );
    let mut value = small();
    value["sources"][0].as_object_mut().unwrap().remove("url");
    value["sides"][0]["view_title"] = Value::Null;
    let story = parse_story(&value.to_string()).expect("url, view_title and members are optional");
    assert_eq!(story.sources[0].url, None);
    assert!(story.sides[0].members.is_empty());
    assert_eq!(
        story.sides[0].view_title(&demands_matrix::i18n::english()),
        "Side A: their view"
    );
}

#[test]
fn unknown_side_issue_and_source_ids_are_named() {
    let mut value = small();
    value["positions"][1]["side"] = json!("kiev");
    assert_error(
        &value,
        "positions[1].side",
        "unknown side \"kiev\"; the story's sides are: a, b",
    );
    let mut value = small();
    value["positions"][1]["issue"] = json!("peace");
    assert_error(&value, "positions[1].issue", "unknown issue \"peace\"");
    let mut value = small();
    value["positions"][1]["source"] = json!("tv");
    assert_error(&value, "positions[1].source", "unknown source \"tv\"");
}

#[test]
fn duplicate_ids_are_rejected() {
    let mut value = small();
    value["sides"][1]["id"] = json!("a");
    assert_error(
        &value,
        "sides[1].id",
        "duplicate id \"a\" (also sides[0].id)",
    );
    let mut value = small();
    value["issues"][1]["id"] = json!("truce");
    assert_error(&value, "issues[1].id", "duplicate id \"truce\"");
}

#[test]
fn malformed_ids_are_rejected() {
    let mut value = small();
    value["issues"][0]["id"] = json!("Truce Now");
    assert_error(&value, "issues[0].id", "may use only");
}

#[test]
fn a_missing_position_is_named_by_side_and_issue() {
    let mut value = small();
    value["positions"].as_array_mut().unwrap().remove(2);
    assert_error(
        &value,
        "positions",
        "no position for side \"a\" on issue \"land\"",
    );
}

#[test]
fn a_doubled_position_is_rejected() {
    let mut value = small();
    let copy = value["positions"][1].clone();
    value["positions"].as_array_mut().unwrap().push(copy);
    assert_error(
        &value,
        "positions[4].issue",
        "a second position for side \"b\" on issue \"truce\"",
    );
}

#[test]
fn empty_titles_and_texts_are_rejected() {
    let mut value = small();
    value["title"] = json!("  ");
    value["issues"][0]["title"] = json!("");
    value["sides"][1]["short"] = json!("");
    let errors = errors_of(&value);
    for path in ["title", "issues[0].title", "sides[1].short"] {
        assert!(
            errors
                .0
                .iter()
                .any(|e| e.path == path && e.message == "must not be empty"),
            "no error for {path}: {errors}"
        );
    }
}

#[test]
fn zero_sides_or_issues_are_rejected() {
    let mut value = small();
    value["sides"] = json!([]);
    assert_error(&value, "sides", "at least one side");
    let mut value = small();
    value["issues"] = json!([]);
    value["positions"] = json!([]);
    assert_error(&value, "issues", "at least one issue");
}

#[test]
fn stated_positions_need_summary_and_evidence() {
    let mut value = small();
    value["positions"][1]["summary"] = json!("");
    value["positions"][1]["evidence"] = json!([]);
    assert_error(&value, "positions[1].summary", "must not be empty");
    assert_error(
        &value,
        "positions[1].evidence",
        "needs the sentence of the source",
    );
}

#[test]
fn quotes_must_be_in_the_evidence_and_not_on_silence() {
    let mut value = small();
    value["positions"][0]["quote"]["text"] = json!("peace at once");
    assert_error(&value, "positions[0].quote.text", "word for word");
    let mut value = small();
    value["positions"][2]["quote"] = json!({ "text": "x", "speaker": "y" });
    assert_error(&value, "positions[2].quote", "cannot carry a quote");
}

#[test]
fn priorities_belong_to_demands_and_do_not_repeat() {
    let mut value = small();
    value["positions"][1]["priority"] = json!(1);
    assert_error(
        &value,
        "positions[1].priority",
        "only a \"demands\" position",
    );
    let mut value = small();
    value["positions"][3]["priority"] = json!(0);
    assert_error(&value, "positions[3].priority", "start at 1");
    let mut value = small();
    value["positions"][2] = json!({ "issue": "land", "side": "a", "stance": "demands", "priority": 1, "summary": "A wants land.", "source": "report", "evidence": ["A asked."] });
    assert_error(
        &value,
        "positions[2].priority",
        "already has a demand ranked 1",
    );
}

#[test]
fn only_web_addresses_are_accepted_for_sources() {
    let mut value = small();
    value["sources"][0]["url"] = json!("javascript:alert(1)");
    assert_error(
        &value,
        "sources[0].url",
        "not an http:// or https:// address",
    );
}

#[test]
fn dates_must_be_iso() {
    let mut value = small();
    value["as_of"]["date"] = json!("2 June 2025");
    assert_error(&value, "as_of.date", "YYYY-MM-DD");
}

#[test]
fn every_error_is_reported_at_once() {
    let mut value = small();
    value["title"] = json!("");
    value["positions"][1]["side"] = json!("c");
    value["sources"][0]["url"] = json!("ftp://x");
    assert!(errors_of(&value).0.len() >= 3);
}

#[test]
fn shipped_fixtures_are_valid_or_broken_as_named() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/stories");
    let mut seen = 0;
    for entry in std::fs::read_dir(dir).expect("fixtures folder") {
        let path = entry.expect("entry").path();
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        let text = std::fs::read_to_string(&path).expect("readable");
        let result = parse_story(&text);
        if name.starts_with("broken-") {
            assert!(result.is_err(), "{name} should be rejected");
        } else {
            assert!(result.is_ok(), "{name}: {}", result.unwrap_err());
        }
        seen += 1;
    }
    assert!(seen >= 2);
}

// The default story: accuracy is the product.

const REPORT: &str = include_str!("../fixtures/istanbul-talks-report.txt");

#[test]
fn the_report_fixture_is_the_shared_source() {
    // CI and developers have ../shared beside the checkout; the fixture must be that text.
    let shared = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../shared/source/istanbul-talks-report.txt"
    );
    if let Ok(text) = std::fs::read_to_string(shared) {
        assert_eq!(
            text, REPORT,
            "tests/fixtures/istanbul-talks-report.txt differs from {shared}"
        );
    }
}

#[test]
fn every_position_is_traceable_to_a_sentence_of_the_report() {
    let story = default_story();
    for position in &story.positions {
        let at = format!("{} / {}", position.side, position.issue);
        if position.stance.is_stated() {
            assert!(
                !position.evidence.is_empty(),
                "{at}: a stated stance without evidence"
            );
        }
        for sentence in position.evidence.iter().map(|e| &e.text) {
            assert!(
                REPORT.contains(sentence.as_str()),
                "{at}: not in the report: {sentence}"
            );
            assert!(
                sentence.len() > 20,
                "{at}: evidence must be a sentence: {sentence}"
            );
        }
        if let Some(quote) = &position.quote {
            assert!(
                REPORT.contains(quote.text.as_str()),
                "{at}: quote not in the report"
            );
        }
    }
}

#[test]
fn the_default_story_covers_every_issue_the_report_raises() {
    let story = default_story();
    let ids: Vec<&str> = story.issues.iter().map(|i| i.id.as_str()).collect();
    for id in [
        "ceasefire",
        "prisoners",
        "children",
        "leaders-meeting",
        "legitimacy",
        "nato",
        "military-limits",
        "territory",
        "security-guarantees",
        "western-support",
        "sumy-buffer",
        "root-causes",
        "memorandum",
    ] {
        assert!(ids.contains(&id), "missing issue {id}");
    }
    let sides: Vec<&str> = story.sides.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(sides, ["kyiv", "moscow", "west"]);
    let west = &story.sides[2];
    for member in ["United States", "Germany", "France", "United Kingdom"] {
        assert!(
            west.members.iter().any(|m| m == member),
            "west lacks {member}"
        );
    }
    assert_eq!(story.as_of.date, "2025-06-02");
}

#[test]
fn the_default_story_says_what_the_report_says() {
    let story = default_story();
    let stance = |issue: &str, side: &str| {
        let i = story.issues.iter().position(|x| x.id == issue).unwrap();
        let s = story.side_index(side).unwrap();
        story.position(i, s)
    };
    // Zelensky's "First… Second… Third…"
    for (issue, rank) in [("ceasefire", 1), ("prisoners", 2), ("children", 3)] {
        assert_eq!(stance(issue, "kyiv").stance, Stance::Demands);
        assert_eq!(stance(issue, "kyiv").priority, Some(rank));
    }
    assert_eq!(stance("leaders-meeting", "moscow").stance, Stance::Rejects);
    assert_eq!(
        stance("security-guarantees", "moscow").stance,
        Stance::Rejects
    );
    for issue in ["nato", "military-limits", "territory"] {
        assert_eq!(stance(issue, "moscow").stance, Stance::Demands);
        assert_eq!(stance(issue, "kyiv").stance, Stance::Rejects);
        assert_eq!(stance(issue, "west").stance, Stance::Rejects);
    }
    // The report is silent on these: the matrix must not guess.
    for (issue, side) in [
        ("ceasefire", "moscow"),
        ("children", "moscow"),
        ("legitimacy", "kyiv"),
        ("security-guarantees", "west"),
    ] {
        assert_eq!(
            stance(issue, side).stance,
            Stance::NotStated,
            "{side} on {issue}"
        );
    }
}

// Derived facts.

#[test]
fn agreement_is_computed_from_the_stances() {
    let story = default_story();
    let agreement = Agreement::of(&story);
    let ids = |outcome| {
        agreement
            .with_outcome(outcome)
            .map(|f| story.issues[f.issue].id.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(ids(Outcome::CommonGround), ["prisoners", "direct-talks"]);
    assert_eq!(
        ids(Outcome::Clash),
        [
            "leaders-meeting",
            "security-guarantees",
            "nato",
            "military-limits",
            "territory",
            "root-causes",
            "memorandum"
        ]
    );
    assert_eq!(
        ids(Outcome::Unanswered),
        [
            "ceasefire",
            "children",
            "western-support",
            "legitimacy",
            "sumy-buffer"
        ]
    );
    let nato = agreement
        .findings
        .iter()
        .find(|f| story.issues[f.issue].id == "nato")
        .unwrap();
    let t = demands_matrix::i18n::english();
    assert_eq!(
        describe(&t, &story, nato),
        "Demands: Moscow; Rejects: Kyiv and Western allies"
    );
    let talks = agreement
        .findings
        .iter()
        .find(|f| story.issues[f.issue].id == "direct-talks")
        .unwrap();
    assert_eq!(describe(&t, &story, talks), "Supports: all sides");
}

#[test]
fn agreement_follows_a_changed_stance() {
    let mut value = small();
    value["positions"][1]["stance"] = json!("supports");
    let story = parse_story(&value.to_string()).unwrap();
    let agreement = Agreement::of(&story);
    assert_eq!(agreement.findings[0].outcome, Outcome::CommonGround);
    value["positions"][1]["stance"] = json!("open");
    let story = parse_story(&value.to_string()).unwrap();
    assert_eq!(
        Agreement::of(&story).findings[0].outcome,
        Outcome::Unsettled
    );
}

#[test]
fn a_side_view_puts_its_ranked_demands_first() {
    let story = default_story();
    let kyiv = story.side_index("kyiv").unwrap();
    let groups = View::Side(kyiv).groups(&story);
    assert_eq!(groups[0].kind, GroupKind::Demands);
    let demands: Vec<&str> = groups[0]
        .issues
        .iter()
        .map(|&i| story.issues[i].id.as_str())
        .collect();
    assert_eq!(
        demands,
        [
            "ceasefire",
            "prisoners",
            "children",
            "leaders-meeting",
            "security-guarantees",
            "memorandum"
        ]
    );
    let answers: Vec<&str> = groups[1]
        .issues
        .iter()
        .map(|&i| story.issues[i].id.as_str())
        .collect();
    assert_eq!(
        answers,
        [
            "nato",
            "military-limits",
            "territory",
            "root-causes",
            "direct-talks"
        ]
    );
    assert_eq!(groups[2].kind, GroupKind::NotStated);
    let total: usize = groups.iter().map(|g| g.issues.len()).sum();
    assert_eq!(
        total,
        story.issues.len(),
        "every issue appears exactly once"
    );
    let west = story.side_index("west").unwrap();
    assert!(
        View::Side(west).groups(&story)[0].issues.is_empty(),
        "the report gives no Western demands"
    );
}

/// Side B is on record on both issues of the small story: its view has no group of issues the
/// source is silent on, not even a heading (side A, silent on one, has it); empty demands or
/// answers keep their heading and note.
#[test]
fn a_side_on_record_everywhere_has_no_silent_group() {
    let story = parse_story(&small().to_string()).unwrap();
    let kinds = |side| -> Vec<GroupKind> {
        View::Side(side)
            .groups(&story)
            .iter()
            .map(|g| g.kind)
            .collect()
    };
    assert_eq!(kinds(1), [GroupKind::Demands, GroupKind::Answers]);
    assert_eq!(
        kinds(0),
        [GroupKind::Demands, GroupKind::Answers, GroupKind::NotStated]
    );
    assert!(!View::Side(1)
        .lines(&story)
        .contains(&Line::Heading(GroupKind::NotStated)));
    assert!(View::Side(0)
        .lines(&story)
        .contains(&Line::Note(GroupKind::Answers)));
}

#[test]
fn views_come_from_side_ids() {
    let story = default_story();
    assert_eq!(View::from_id(&story, Some("moscow")), View::Side(1));
    assert_eq!(View::from_id(&story, Some("all")), View::AllSides);
    assert_eq!(View::from_id(&story, Some("nonsense")), View::AllSides);
    assert_eq!(View::Side(1).id(&story), "moscow");
}

#[test]
fn too_many_issues_or_sides_are_refused_clearly() {
    let mut value = small();
    let issue = value["issues"][0].clone();
    let issues = value["issues"].as_array_mut().unwrap();
    for i in 0..10_000 {
        let mut copy = issue.clone();
        copy["id"] = json!(format!("extra-{i}"));
        issues.push(copy);
    }
    assert_error(
        &value,
        "issues",
        "10002 issues; a story may have at most 1000",
    );
    let mut value = small();
    let side = value["sides"][0].clone();
    for i in 0..12 {
        let mut copy = side.clone();
        copy["id"] = json!(format!("s{i}"));
        value["sides"].as_array_mut().unwrap().push(copy);
    }
    assert_error(&value, "sides", "14 sides; a story may have at most 12");
}

#[test]
fn a_side_has_a_role_and_only_parties_make_common_ground() {
    use demands_matrix::model::Role;
    let mut value = small();
    value["sides"][1]["role"] = json!("mediator");
    let story = parse_story(&value.to_string()).unwrap();
    assert_eq!(story.sides[1].role, Role::Mediator);
    assert_eq!(
        story.sides[0].role,
        Role::Party,
        "a party unless the story says"
    );
    // The role is written only when it is not the default: old stories stay byte for byte.
    assert!(story.to_canonical_json().contains("\"role\": \"mediator\""));
    let plain = parse_story(&small().to_string()).unwrap();
    assert!(!plain.to_canonical_json().contains("\"role\""));
    // An unknown role names the allowed words, at its place.
    let mut wrong = small();
    wrong["sides"][0]["role"] = json!("broker");
    assert_error(
        &wrong,
        "sides[0].role",
        "expected one of `party`, `mediator`, `host`, `observer`",
    );
    // The Istanbul story with the West as an observer: where Kyiv and Moscow alone clash or
    // agree is the finding, and a finding never names the observer.
    let mut istanbul = default_story();
    let west = istanbul.sides.iter().position(|s| s.id == "west").unwrap();
    istanbul.sides[west].role = Role::Observer;
    let agreement = Agreement::of(&istanbul);
    for finding in &agreement.findings {
        assert!(
            finding
                .by_stance
                .iter()
                .all(|(_, sides)| !sides.contains(&west)),
            "{finding:?}"
        );
    }
    let with_west = Agreement::of(&default_story());
    assert_ne!(
        agreement, with_west,
        "leaving the West out changes some outcome"
    );
}

#[test]
fn a_condition_belongs_to_a_stated_stance_and_is_never_plain_agreement() {
    let mut value = small();
    let at = value["positions"]
        .as_array()
        .unwrap()
        .iter()
        .position(|p| p["stance"] == "not_stated")
        .expect("the small story has a silent cell");
    value["positions"][at]["condition"] = json!("if asked");
    assert_error(
        &value,
        &format!("positions[{at}].condition"),
        "a \"not_stated\" position has no condition",
    );
    // The Istanbul story: Kyiv and the West both reject Moscow's demand on NATO; the West's
    // rejection made conditional is no longer said as plain agreement.
    let mut story = default_story();
    let t = demands_matrix::i18n::english();
    let plain: Vec<String> = Agreement::of(&story)
        .findings
        .iter()
        .map(|f| describe(&t, &story, f))
        .collect();
    let west = story.sides.iter().position(|s| s.id == "west").unwrap();
    let issue = Agreement::of(&story)
        .findings
        .iter()
        .find(|f| {
            f.by_stance
                .iter()
                .any(|(s, sides)| s.is_stated() && sides.contains(&west))
        })
        .unwrap()
        .issue;
    let at = issue * story.sides.len() + west;
    story.positions[at].condition = "if the end of the war is guaranteed".into();
    assert!(!story.positions[at].says_same(&default_story().positions[at]));
    let found = Agreement::of(&story);
    let said = describe(&t, &story, &found.findings[issue]);
    assert_ne!(said, plain[issue]);
    assert!(said.contains("Western allies (with conditions)"), "{said}");
}
