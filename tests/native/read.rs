//! The story reader against serde_json: broken story files get the same JSON syntax messages at
//! the same line and column as serde_json gives, and serde's messages for wrong types and
//! fields, placed where editors look for them.
#![cfg(not(target_arch = "wasm32"))]

use demands_matrix::model::{parse_story, StoryError, DEFAULT_STORY_JSON};
use serde_json::{json, Value};

/// A story using every field, every optional form, escapes and a character outside the BMP.
fn sample() -> Value {
    json!({
        "$schema": "./story.schema.json",
        "lang": "en",
        "title": "Talks", "standfirst": "Who wants what.",
        "as_of": { "date": "2025-06-02", "place": "Istanbul" },
        "sources": [{ "id": "report", "outlet": "Wire", "title": "Talks \"resume\" \u{1F54A}", "url": "https://example.org/a", "date": "2025-06-01", "author": "A. Writer", "excerpt": true }, { "id": "wire2", "outlet": "Wire 2", "title": "Later", "date": null, "author": null, "excerpt": false }],
        "sides": [
            { "id": "a", "name": "Side A", "short": "A", "members": ["x", "y"], "view_title": null },
            { "id": "b", "name": "Side B", "short": "B", "view_title": "B's view" }
        ],
        "issues": [{ "id": "truce", "title": "Truce", "short": "Truce", "explainer": "Stop\nfighting\t/ now." }],
        "positions": [
            { "issue": "truce", "side": "a", "stance": "demands", "priority": 1, "summary": "A wants a truce.", "source": "report", "evidence": ["A said: “truce now”."], "quote": { "text": "truce now", "speaker": "A's leader" } },
            { "issue": "truce", "side": "b", "stance": "rejects", "priority": null, "quote": null, "summary": "B says no.", "source": "report", "evidence": ["B refused.", { "text": "B said no again.", "source": "wire2" }] }
        ]
    })
}

fn first_error(text: &str) -> Option<StoryError> {
    parse_story(text).err().map(|errors| errors.0[0].clone())
}

/// Messages of serde's data model, which a JSON value parser never gives.
fn is_type_error(message: &str) -> bool {
    [
        "invalid type",
        "invalid value",
        "unknown ",
        "missing field",
        "duplicate field",
    ]
    .iter()
    .any(|start| message.starts_with(start))
}

/// Where serde_json's own syntax check stops, as (message, line, column).
fn serde_syntax(text: &str) -> Option<(String, usize, usize)> {
    let err = serde_json::from_str::<Value>(text).err()?;
    let message = err.to_string();
    let cut = message.rfind(" at line ").unwrap_or(message.len());
    Some((message[..cut].to_owned(), err.line(), err.column()))
}

/// Checks one broken text; returns whether the reader stopped at a syntax error.
fn agrees_with_serde_json(text: &str) -> bool {
    let Some(ours) = first_error(text) else {
        assert!(serde_syntax(text).is_none(), "read, but not JSON: {text}");
        return false;
    };
    // A story that reads but breaks a rule: serde_json must read it too.
    // serde_json's word for a stance that is not a string, not a JSON syntax error.
    let stance = ours.path.ends_with(".stance") && ours.message == "expected value";
    let Some((line, column)) = ours.location else {
        assert!(serde_syntax(text).is_none(), "{ours} in {text}");
        return false;
    };
    match serde_syntax(text) {
        Some((message, l, c)) if !is_type_error(&ours.message) && !stance => {
            assert_eq!(
                (ours.message.as_str(), line, column),
                (message.as_str(), l, c),
                "{text}"
            );
            true
        }
        // A wrong type or field comes before any syntax error serde_json finds.
        Some((_, l, c)) => {
            assert!(is_type_error(&ours.message) || stance, "{ours} in {text}");
            assert!((line, column) <= (l, c), "{ours} before {l}:{c} in {text}");
            false
        }
        None => {
            assert!(
                is_type_error(&ours.message) || stance,
                "{ours} in valid JSON {text}"
            );
            false
        }
    }
}

#[test]
fn syntax_errors_match_serde_json_at_every_byte() {
    let value = sample();
    let compact = value.to_string();
    let pretty = serde_json::to_string_pretty(&value).unwrap();
    let inserts = [
        ",", "}", "]", "\"", "\\", ":", "x", "1", " ", "\n", "{", "[", "\u{1}", "“", "-", ".", "e",
        "n", "t", "\\u", "\\ud800", "\\udc00", "0", "01", "1.", "1e", "1e+", "\u{a0}",
    ];
    let mut syntax = 0;
    for text in [&compact, &pretty] {
        for cut in (0..=text.len()).filter(|&cut| text.is_char_boundary(cut)) {
            let next = (cut + 1..=text.len())
                .find(|&n| text.is_char_boundary(n))
                .unwrap_or(cut);
            let mut variants = vec![
                text[..cut].to_owned(),
                format!("{}{}", &text[..cut], &text[next..]),
            ];
            variants.extend(
                inserts
                    .iter()
                    .map(|insert| format!("{}{insert}{}", &text[..cut], &text[cut..])),
            );
            for variant in &variants {
                syntax += usize::from(agrees_with_serde_json(variant));
            }
        }
    }
    assert!(syntax > 10_000, "only {syntax} syntax errors were compared");
}

#[test]
fn the_valid_sample_and_every_story_fixture_read_as_serde_json_reads_them() {
    let story = parse_story(&sample().to_string()).expect("the sample is valid");
    assert_eq!(story.sources[0].title, "Talks \"resume\" \u{1F54A}");
    assert_eq!(story.issues[0].explainer, "Stop\nfighting\t/ now.");
    assert_eq!(story.sides[0].members, ["x", "y"]);
    assert_eq!(story.sides[1].view_title.as_deref(), Some("B's view"));
    assert_eq!(story.position(0, 0).priority, Some(1));
    let escaped = r#"{"title":"\u0054alks \ud83d\udd4a \/ \b\f\r"}"#;
    let error = first_error(escaped).unwrap();
    assert_eq!(error.message, "missing field `standfirst`");
    parse_story(DEFAULT_STORY_JSON).expect("the built-in story");
    for entry in std::fs::read_dir("tests/fixtures/stories").unwrap() {
        let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
        for cut in (0..text.len()).step_by(61) {
            if text.is_char_boundary(cut) {
                agrees_with_serde_json(&text[..cut]);
            }
        }
    }
}

/// Replaces the value at a JSON pointer and returns the first error.
fn with(pointer: &str, replacement: Value) -> StoryError {
    let mut value = sample();
    *value.pointer_mut(pointer).unwrap() = replacement;
    first_error(&value.to_string()).expect("rejected")
}

#[test]
fn wrong_types_are_named_as_serde_names_them() {
    let cases = [
        ("/title", json!(7), "title", "invalid type: integer `7`, expected a string"),
        ("/title", json!(-3), "title", "invalid type: integer `-3`, expected a string"),
        ("/title", json!(1.5), "title", "invalid type: floating point `1.5`, expected a string"),
        ("/title", json!(true), "title", "invalid type: boolean `true`, expected a string"),
        ("/title", json!(null), "title", "invalid type: null, expected a string"),
        ("/title", json!([]), "title", "invalid type: sequence, expected a string"),
        ("/title", json!({}), "title", "invalid type: map, expected a string"),
        ("/sides", json!("x\"y\n"), "sides", "invalid type: string \"x\\\"y\\n\", expected a sequence"),
        ("/as_of", json!(["2025-06-02"]), "as_of", "invalid type: sequence, expected struct AsOf"),
        ("/as_of", json!([]), "as_of", "invalid type: sequence, expected struct AsOf"),
        ("/as_of", json!(5), "as_of", "invalid type: integer `5`, expected struct AsOf"),
        ("/sources/0/url", json!(5), "sources[0].url", "invalid type: integer `5`, expected a string"),
        ("/sides/0/members/1", json!(false), "sides[0].members[1]", "invalid type: boolean `false`, expected a string"),
        ("/positions/0/priority", json!(-1), "positions[0].priority", "invalid value: integer `-1`, expected u32"),
        ("/positions/0/priority", json!(5_000_000_000u64), "positions[0].priority", "invalid value: integer `5000000000`, expected u32"),
        ("/positions/0/priority", json!(2.5), "positions[0].priority", "invalid type: floating point `2.5`, expected u32"),
        ("/positions/0/priority", json!("1"), "positions[0].priority", "invalid type: string \"1\", expected u32"),
        ("/positions/0/quote", json!("words"), "positions[0].quote", "invalid type: string \"words\", expected struct Quote"),
        ("/positions/1/stance", json!("maybe"), "positions[1].stance", "unknown variant `maybe`, expected one of `demands`, `supports`, `open`, `rejects`, `not_stated`"),
        ("/positions/1/stance", json!(3), "positions[1].stance", "expected value"),
        // serde_json read this as `demands`; no editor writes it, and the reader refuses it.
        ("/positions/1/stance", json!({"demands": null}), "positions[1].stance", "invalid type: map, expected enum Stance"),
    ];
    for (pointer, replacement, path, message) in cases {
        let error = with(pointer, replacement);
        assert_eq!(
            (error.path.as_str(), error.message.as_str()),
            (path, message)
        );
        // The place is right after the value (serde_json's), on its line.
        assert!(error.location.is_some(), "{error}");
    }
}

#[test]
fn fields_unknown_missing_and_repeated_name_the_object() {
    let mut value = sample();
    value["positions"][0]["stanse"] = json!("demands");
    let error = first_error(&value.to_string()).unwrap();
    assert_eq!(error.path, "positions[0].stanse");
    assert_eq!(
        error.message,
        "unknown field `stanse`, expected one of `issue`, `side`, `stance`, `priority`, `summary`, `quote`, `source`, `evidence`, `condition`"
    );
    let mut value = sample();
    value["as_of"]["when"] = json!(1);
    let error = first_error(&value.to_string()).unwrap();
    assert_eq!(
        error.message,
        "unknown field `when`, expected `date` or `place`"
    );

    let mut value = sample();
    value["sides"][1].as_object_mut().unwrap().remove("short");
    let error = first_error(&serde_json::to_string_pretty(&value).unwrap()).unwrap();
    assert_eq!(
        (error.path.as_str(), error.message.as_str()),
        ("sides[1]", "missing field `short`")
    );
    // Placed after the object's closing brace, as serde_json places it.
    let (line, column) = error.location.unwrap();
    let pretty = serde_json::to_string_pretty(&value).unwrap();
    let text = pretty.lines().nth(line - 1).unwrap();
    assert_eq!(&text[..column].trim_start(), &"}");

    let text = r#"{"title": "A", "title": "B"}"#;
    let error = first_error(text).unwrap();
    assert_eq!(
        (error.path.as_str(), error.message.as_str()),
        ("title", "duplicate field `title`")
    );
    assert_eq!(
        error.location,
        Some((1, 22)),
        "after the key's closing quote"
    );

    // Optional fields may be left out; `$schema` may appear in any object.
    let mut value = sample();
    value["positions"][0]["$schema"] = json!("x");
    for (pointer, key) in [
        ("/sources/0", "url"),
        ("/sides/0", "members"),
        ("/positions/1", "priority"),
        ("/positions/1", "quote"),
        ("", "lang"),
    ] {
        value
            .pointer_mut(pointer)
            .unwrap()
            .as_object_mut()
            .unwrap()
            .remove(key);
    }
    let story = parse_story(&value.to_string()).expect("optional fields left out");
    assert_eq!(story.lang, "en");
    assert_eq!(story.sources[0].url, None);
}

#[test]
fn broken_fixtures_name_the_place_an_editor_looks_at() {
    // The same files and lines as the reader's error state in tests/e2e/faults.test.mjs.
    let cases = [
        (
            "broken-trailing-comma.json",
            "line 7, column 3: as_of: trailing comma",
        ),
        (
            "broken-wrong-type.json",
            "issues[0].title: invalid type: integer `42`, expected a string",
        ),
        (
            "broken-missing-field.json",
            "sides[1]: missing field `name`",
        ),
        (
            "broken-unknown-stance.json",
            "positions[2].stance: unknown variant `maybe`",
        ),
        (
            "broken-deep-nesting.json",
            "line 1, column 10: title: invalid type: sequence, expected a string",
        ),
    ];
    for (file, expected) in cases {
        let text = std::fs::read_to_string(format!("tests/fixtures/stories/{file}")).unwrap();
        let error = first_error(&text).expect("rejected").to_string();
        assert!(error.contains(expected), "{file}: {error}");
    }
    let text = std::fs::read_to_string("tests/fixtures/stories/broken-truncated.json").unwrap();
    let error = first_error(&text).unwrap();
    assert_eq!(
        (error.path.as_str(), error.message.as_str()),
        ("positions[0].priority", "EOF while parsing a value")
    );
}
