//! The locales: every one has every key with the English placeholders and its language's plural
//! forms, plurals and dates come out right in each, and a story in each language renders with
//! none of the widget's English words. Native: the reader's WebAssembly carries English alone
//! and fetches the others.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeSet;

use demands_matrix::i18n::{category, english, shipped_tag, source, Strings, PSEUDO, SHIPPED};
use demands_matrix::model::{parse_story, DEFAULT_STORY_JSON};
use serde_json::Value;

#[path = "../support/plurals.rs"]
mod plurals;
use plurals::{CATEGORIES, DATES, NUMBERS};

fn file(tag: &str) -> serde_json::Map<String, Value> {
    let json = match tag {
        "notes" => include_str!("../../locales/notes.json").into(),
        tag => source(tag).unwrap_or_else(|| panic!("{tag} is shipped")),
    };
    match serde_json::from_str(&json) {
        Ok(Value::Object(map)) => map,
        _ => panic!("locales/{tag}.json is not a JSON object"),
    }
}

fn placeholders(text: &str) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    let mut rest = text;
    while let Some(start) = rest.find('{') {
        let after = &rest[start + 1..];
        let Some(end) = after.find('}') else { break };
        found.insert(after[..end].to_owned());
        rest = &after[end + 1..];
    }
    found
}

/// The placeholders of a message: a string's, or the "other" form's.
fn message_placeholders(value: &Value) -> BTreeSet<String> {
    match value {
        Value::String(text) => placeholders(text),
        Value::Object(forms) => forms
            .get("other")
            .and_then(Value::as_str)
            .map(placeholders)
            .unwrap_or_default(),
        _ => BTreeSet::new(),
    }
}

/// The plural categories a language uses, as CLDR gives them for whole numbers up to 1,000,000.
fn categories_of(tag: &str) -> BTreeSet<&'static str> {
    (0..=200)
        .chain([1_000, 1_000_000])
        .map(|n| category(tag, n))
        .collect()
}

#[test]
fn every_locale_has_every_key_with_the_english_placeholders() {
    let english = file("en");
    for tag in SHIPPED {
        let locale = file(tag);
        let keys: Vec<&String> = locale.keys().collect();
        let expected: Vec<&String> = english.keys().collect();
        assert_eq!(
            keys, expected,
            "locales/{tag}.json: keys differ from en.json"
        );
        for (key, value) in &locale {
            assert_eq!(
                message_placeholders(value),
                message_placeholders(&english[key]),
                "locales/{tag}.json: \"{key}\" has other placeholders than in English"
            );
            if let Value::Object(forms) = value {
                for (form, text) in forms {
                    let text = text.as_str().unwrap_or_default();
                    let mut wanted = message_placeholders(value);
                    let found = placeholders(text);
                    // A form for exactly one thing may say "one" in words ("{n}" left out).
                    if !found.contains("n") {
                        wanted.remove("n");
                    }
                    assert_eq!(found, wanted, "locales/{tag}.json: \"{key}\".{form}");
                }
            }
        }
    }
}

#[test]
fn plural_messages_have_exactly_their_language_s_forms() {
    for tag in SHIPPED {
        let language = if tag == PSEUDO { "en" } else { tag };
        let wanted = categories_of(language);
        for (key, value) in file(tag) {
            if let Value::Object(forms) = value {
                let found: BTreeSet<&str> = forms.keys().map(String::as_str).collect();
                // "other" is also what fractions take, so a language whose whole numbers never
                // reach it (Ukrainian, Russian) may still give it.
                let extra: Vec<&&str> = found.difference(&wanted).collect();
                assert!(
                    found.is_superset(&wanted) && extra.iter().all(|form| **form == "other"),
                    "locales/{tag}.json: \"{key}\" plural forms {found:?}, wanted {wanted:?}"
                );
            }
        }
    }
}

#[test]
fn plural_categories_follow_cldr_for_the_tested_numbers() {
    for (tag, expected) in CATEGORIES {
        let found: Vec<&str> = NUMBERS.iter().map(|&n| category(tag, n)).collect();
        assert_eq!(found, expected, "{tag}");
    }
}

#[test]
fn counted_issues_read_correctly_in_every_locale() {
    let expected: [(&str, [&str; 8]); 7] = [
        (
            "en",
            [
                "0 issues",
                "1 issue",
                "2 issues",
                "5 issues",
                "11 issues",
                "21 issues",
                "22 issues",
                "101 issues",
            ],
        ),
        (
            "de",
            [
                "0 Themen",
                "1 Thema",
                "2 Themen",
                "5 Themen",
                "11 Themen",
                "21 Themen",
                "22 Themen",
                "101 Themen",
            ],
        ),
        (
            "es",
            [
                "0 cuestiones",
                "1 cuestión",
                "2 cuestiones",
                "5 cuestiones",
                "11 cuestiones",
                "21 cuestiones",
                "22 cuestiones",
                "101 cuestiones",
            ],
        ),
        (
            "fr",
            [
                "0 question",
                "1 question",
                "2 questions",
                "5 questions",
                "11 questions",
                "21 questions",
                "22 questions",
                "101 questions",
            ],
        ),
        (
            "uk",
            [
                "0 питань",
                "1 питання",
                "2 питання",
                "5 питань",
                "11 питань",
                "21 питання",
                "22 питання",
                "101 питання",
            ],
        ),
        (
            "ru",
            [
                "0 вопросов",
                "1 вопрос",
                "2 вопроса",
                "5 вопросов",
                "11 вопросов",
                "21 вопрос",
                "22 вопроса",
                "101 вопрос",
            ],
        ),
        (
            "ar",
            [
                "0 قضية",
                "1 قضية",
                "2 قضيتان",
                "5 قضايا",
                "11 قضية",
                "21 قضية",
                "22 قضية",
                "101 قضية",
            ],
        ),
    ];
    for (tag, words) in expected {
        let t = Strings::for_lang(tag);
        for (n, wanted) in NUMBERS.iter().zip(words) {
            let found = t.count("issues", *n, &[]);
            assert_eq!(found, wanted, "{tag}: {n}");
        }
    }
}

#[test]
fn a_page_s_dates_in_words_win_and_are_kept_for_their_locale_only() {
    // The build writes an English page's date in words, and only that: the browser sets up no
    // date formatter, and shows the build's words.
    let story = parse_story(DEFAULT_STORY_JSON).expect("valid");
    let element = demands_matrix::prerender::page_strings(&story);
    assert_eq!(
        element,
        r#"<script type="application/json" id="dm-strings" data-tag="en">{"$dates":{"2025-06-02":"2 June 2025"}}</script>"#
    );
    Strings::parse("en", r#"{"$dates": {"2025-06-02": "the second of June"}}"#).expect("reads");
    assert_eq!(
        Strings::for_lang("en").date("2025-06-02"),
        "the second of June"
    );
    assert_eq!(
        Strings::for_lang("en-GB").date("2025-06-02"),
        "the second of June"
    );
    assert_eq!(Strings::for_lang("de").date("2025-06-02"), "2. Juni 2025");
    assert_eq!(Strings::for_lang("en").date("2025-06-03"), "3 June 2025");
    // Another locale's page carries its messages too.
    let uk =
        parse_story(&std::fs::read_to_string("tests/fixtures/stories/locale-uk.json").unwrap())
            .expect("valid");
    let element = demands_matrix::prerender::page_strings(&uk);
    assert!(
        element.contains(r#"data-tag="uk""#)
            && element.contains(r#""loading":"Завантаження графіки…""#)
    );
    // widget.js carries the same strings for its direct embeds.
    let (tag, json) = demands_matrix::prerender::strings_for(&uk);
    assert_eq!(tag, "uk");
    let strings = Strings::parse(tag, &json).expect("widget.js's strings read back");
    assert_eq!(strings.text("loading"), "Завантаження графіки…");
}

#[test]
fn dates_are_written_as_each_locale_writes_them() {
    for (tag, wanted) in DATES {
        assert_eq!(Strings::for_lang(tag).date("2025-06-02"), wanted, "{tag}");
        assert_eq!(Strings::for_lang(tag).date("soon"), "soon");
    }
}

#[test]
fn languages_find_their_locale_and_direction() {
    assert_eq!(Strings::for_lang("uk-UA").tag(), "uk");
    assert_eq!(Strings::for_lang("ar").dir(), "rtl");
    assert_eq!(Strings::for_lang("de").dir(), "ltr");
    // Hebrew is not shipped: English words, laid out right to left.
    let hebrew = Strings::for_lang("he");
    assert_eq!((hebrew.tag(), hebrew.dir()), ("en", "rtl"));
    assert_eq!(shipped_tag("pt"), None);
    assert_eq!(english().text("all-sides"), "All sides");
}

#[test]
fn the_pseudo_locale_is_longer_and_accented_everywhere() {
    let english = file("en");
    for (key, value) in file(PSEUDO) {
        let (Value::String(pseudo), Value::String(plain)) = (&value, &english[&key]) else {
            continue;
        };
        let (pseudo_len, plain_len) = (pseudo.trim().chars().count(), plain.trim().chars().count());
        assert!(
            pseudo_len * 10 >= plain_len * 13,
            "{key}: \"{pseudo}\" is not about 40 % longer than \"{plain}\""
        );
        assert!(pseudo.trim().starts_with('['), "{key}: {pseudo}");
    }
}

/// The words of every English message, cut at placeholders, that would give English away:
/// fragments with three letters or more.
fn english_fragments() -> Vec<String> {
    let mut fragments = BTreeSet::new();
    let mut add = |text: &str| {
        for part in text.split(['{', '}']).step_by(2) {
            let part = part.trim_matches(|c: char| !c.is_alphanumeric());
            if part.chars().filter(|c| c.is_ascii_alphabetic()).count() >= 3 {
                fragments.insert(part.to_owned());
            }
        }
    };
    for value in file("en").values() {
        match value {
            Value::String(text) => add(text),
            Value::Object(forms) => forms.values().filter_map(Value::as_str).for_each(&mut add),
            _ => {}
        }
    }
    fragments.into_iter().collect()
}

/// Every message of a locale in one text: a word the translator chose (French "Source") is not
/// English left behind.
fn all_text(tag: &str) -> String {
    let mut out = String::new();
    for value in file(tag).values() {
        match value {
            Value::String(text) => out.push_str(text),
            Value::Object(forms) => forms.values().filter_map(Value::as_str).for_each(|text| {
                out.push(' ');
                out.push_str(text);
            }),
            _ => {}
        }
        out.push(' ');
    }
    out
}

/// Whether `fragment` stands in `text` as whole words ("and" is not in "Verhandlungen").
fn has_word(text: &str, fragment: &str) -> bool {
    text.match_indices(fragment).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + fragment.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

/// What a reader meets in rendered markup: its text, and the names given in `aria-label`.
fn reader_text(html: &str) -> String {
    let mut out = String::new();
    let mut rest = html;
    while let Some(start) = rest.find('<') {
        out.push_str(&rest[..start]);
        let Some(end) = rest[start..].find('>') else {
            break;
        };
        let tag = &rest[start..start + end];
        if let Some(label) = tag.split("aria-label=\"").nth(1) {
            out.push(' ');
            out.push_str(label.split('"').next().unwrap_or_default());
        }
        out.push(' ');
        rest = &rest[start + end + 1..];
    }
    out.push_str(rest);
    out
}

/// The test stories, one per locale (invented test data, not news).
pub const LOCALE_STORIES: [(&str, &str); 6] = [
    ("uk", include_str!("../fixtures/stories/locale-uk.json")),
    ("ru", include_str!("../fixtures/stories/locale-ru.json")),
    ("de", include_str!("../fixtures/stories/locale-de.json")),
    ("fr", include_str!("../fixtures/stories/locale-fr.json")),
    ("es", include_str!("../fixtures/stories/locale-es.json")),
    ("ar", include_str!("../fixtures/stories/locale-ar.json")),
];

#[tokio::test]
async fn a_story_in_each_language_renders_without_the_widget_s_english() {
    use std::rc::Rc;

    use demands_matrix::components::StoryRef;
    use demands_matrix::model::{parse_story, View};
    use demands_matrix::{App, AppProps};
    use yew::{AttrValue, LocalServerRenderer};

    let fragments = english_fragments();
    for (tag, json) in LOCALE_STORIES {
        let story = Rc::new(parse_story(json).unwrap_or_else(|e| panic!("{tag}: {e}")));
        assert_eq!(story.lang, tag);
        for view in View::all(&story) {
            let view_id = view.id(&story).to_owned();
            let mut props = AppProps::prerendered(
                AttrValue::Static("dm"),
                AttrValue::from(view_id.clone()),
                None,
                false,
            );
            props.story = Some(StoryRef(story.clone()));
            let html = LocalServerRenderer::<App>::with_props(props)
                .hydratable(true)
                .render()
                .await;
            let text = reader_text(&html);
            let own = all_text(tag);
            let english: Vec<&String> = fragments
                .iter()
                .filter(|fragment| has_word(&text, fragment) && !has_word(&own, fragment))
                .collect();
            assert!(
                english.is_empty(),
                "{tag} / {view_id}: English {english:?} in\n{text}"
            );
            let dir = if tag == "ar" { "rtl" } else { "ltr" };
            assert!(html.contains(&format!("dir=\"{dir}\"")), "{tag}: dir {dir}");
            assert!(html.contains(&format!("lang=\"{tag}\"")), "{tag}: lang");
        }
    }
}

const REVIEW_TABLE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/docs/locales.md");

/// A message for a table cell: a plain string, or its plural forms one per line.
fn cell(value: Option<&Value>) -> String {
    let text = match value {
        Some(Value::String(text)) => format!("`{text}`"),
        Some(Value::Object(forms)) => forms
            .iter()
            .map(|(form, text)| format!("{form}: `{}`", text.as_str().unwrap_or_default()))
            .collect::<Vec<_>>()
            .join("<br>"),
        _ => "—".to_owned(),
    };
    text.replace('|', "\\|")
}

/// The review table: every key, what it is for, and its words in every locale.
fn review_table() -> String {
    let english = file("en");
    let notes = file("notes");
    let locales: Vec<(&str, serde_json::Map<String, Value>)> = SHIPPED
        .iter()
        .filter(|tag| **tag != PSEUDO)
        .map(|tag| (*tag, file(tag)))
        .collect();
    let mut out = String::from(
        "<!-- Generated from locales/*.json by `DM_WRITE_DOCS=1 cargo test --test native i18n::`: edit the \
         locale files, not this table. -->\n\n# The widget's words in every locale\n\n\
         Every string the widget adds to a story, by key, with the note translators read \
         (`locales/notes.json`) and its words in each shipped locale. Placeholders are `{name}`; \
         plural messages give one line per CLDR category. The pseudo-locale `en-XA` is made from \
         English and not listed. docs/languages.md says how to add or change a locale.\n\n",
    );
    out.push_str("| key | what it is for |");
    for (tag, _) in &locales {
        out.push_str(&format!(" {tag} |"));
    }
    out.push_str("\n| --- | --- |");
    for _ in &locales {
        out.push_str(" --- |");
    }
    out.push('\n');
    for key in english.keys() {
        let note = notes.get(key).and_then(Value::as_str).unwrap_or_default();
        out.push_str(&format!("| `{key}` | {} |", note.replace('|', "\\|")));
        for (_, messages) in &locales {
            out.push_str(&format!(" {} |", cell(messages.get(key))));
        }
        out.push('\n');
    }
    out
}

#[test]
fn the_review_table_in_the_docs_is_current() {
    let fresh = review_table();
    if std::env::var_os("DM_WRITE_DOCS").is_some() {
        std::fs::write(REVIEW_TABLE, &fresh).expect("write docs/locales.md");
    }
    let published = std::fs::read_to_string(REVIEW_TABLE).unwrap_or_default();
    assert!(
        published == fresh,
        "docs/locales.md is stale: a locale changed. Regenerate it with\n  DM_WRITE_DOCS=1 cargo test --test native i18n::\nand commit it."
    );
}

#[test]
fn every_key_has_a_note_for_translators() {
    let notes = file("notes");
    for key in file("en").keys() {
        assert!(
            notes
                .get(key)
                .and_then(Value::as_str)
                .is_some_and(|n| !n.is_empty()),
            "locales/notes.json has no note for \"{key}\""
        );
    }
}

#[test]
fn a_broken_locale_file_is_refused_with_its_line_column_and_key() {
    let error = Strings::parse("uk", "{\n  \"tab-all\": 5\n}").unwrap_err();
    assert_eq!(
        error.to_string(),
        "the strings of \"uk\", line 2, column 14: tab-all: invalid type: integer `5`, expected a string"
    );
    let error = Strings::parse("uk", "[]").unwrap_err();
    assert_eq!(
        error.to_string(),
        "the strings of \"uk\", line 1, column 0: invalid type: sequence, expected an object of strings and plural forms"
    );
    let error = Strings::parse("uk", "{\"issues\": {\"one\": \"x\",}}").unwrap_err();
    assert!(
        error.to_string().ends_with("issues: trailing comma"),
        "{error}"
    );
    let forms = Strings::parse("uk", "{\"issues\": {\"one\": \"{n} питання\"}}").expect("valid");
    assert_eq!(forms.keys().next(), Some(("issues", Some(vec!["one"]))));
}
