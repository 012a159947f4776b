//! JSON errors made by word processors: a curly quote where JSON needs a straight one, a
//! non-breaking space, a byte-order mark. The JSON reader only says where it stopped ("key must
//! be a string", "control character found" on the next line); this names the character, at
//! its own place, and finds every other one in the same run.

use serde_json::Value;

use super::roots::cell_of;
use super::{Diagnostic, Severity};
use crate::model::json_path;
use crate::model::read::read_story;
use crate::model::validate::StoryError;

/// A JSON syntax or type error, placed in characters and named by cell; when a word
/// processor's curly quote (or a non-breaking space) is the cause, that is said instead, and
/// every other such character is found too: each is patched over in a copy of the text and the
/// copy read again, so an editor fixes them all in one round.
pub(super) fn json_diagnostics(
    json: &str,
    raw: Option<&Value>,
    error: &StoryError,
    line: usize,
    byte_column: usize,
) -> Vec<Diagnostic> {
    let Some(first) = explain(json, json, &error.message, line, byte_column) else {
        let mut diagnostic =
            Diagnostic::new(Severity::Error, error.path.clone(), error.message.clone());
        diagnostic.cell = raw.and_then(|raw| cell_of(raw, &error.path));
        diagnostic.line = Some(line);
        diagnostic.column = Some(json_path::char_column(json, line, byte_column));
        return vec![diagnostic];
    };
    // Patches keep every byte where it was, so offsets, lines and columns stay the original's.
    let mut patched = json.to_owned();
    let mut found = vec![first];
    let mut rest: Option<Diagnostic> = None;
    while let Some(last) = found.last() {
        if found.len() > 100 || !patch(&mut patched, last.offset, last.opens) {
            break;
        }
        let Err(err) = read_story(&patched) else {
            break;
        };
        let (line, column) = err.location.unwrap_or((1, 0));
        match explain(&patched, json, &err.message, line, column) {
            Some(next) if next.offset > last.offset => found.push(next),
            // Something else is wrong too: list it, as the reader will once the quotes are fixed.
            _ => {
                let mut diagnostic = Diagnostic::new(Severity::Error, err.path, err.message);
                diagnostic.line = Some(line);
                diagnostic.column = Some(json_path::char_column(json, line, column));
                rest = Some(diagnostic);
                break;
            }
        }
    }
    let raw: Option<Value> = serde_json::from_str(&patched).ok();
    let mut diagnostics: Vec<Diagnostic> = found
        .into_iter()
        .map(|stray| {
            let path = stray.path;
            let (line, column) = line_column(json, stray.offset);
            let mut diagnostic = Diagnostic::new(Severity::Error, path, stray.message);
            diagnostic.cell = raw.as_ref().and_then(|raw| cell_of(raw, &diagnostic.path));
            (diagnostic.line, diagnostic.column) = (Some(line), Some(column));
            diagnostic
        })
        .collect();
    if let Some(mut rest) = rest {
        rest.cell = raw.as_ref().and_then(|raw| cell_of(raw, &rest.path));
        diagnostics.push(rest);
    }
    diagnostics
}

/// 1-based line and character column of a byte offset.
fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &text[..offset];
    let start = before.rfind('\n').map_or(0, |n| n + 1);
    (
        before.matches('\n').count() + 1,
        before[start..].chars().count() + 1,
    )
}

/// A word processor's character found behind a JSON error.
struct Stray {
    /// Byte offset of the character.
    offset: usize,
    /// The field the reader was in when it stopped.
    path: String,
    /// Whether it stands where a string should open (outside any string), not where one ends.
    opens: bool,
    message: String,
}

/// The stray character behind the JSON reader's error at `line`, `byte_column` of `json` (the
/// file, or a patched copy of it with the same byte offsets), if any. Only the first error is
/// where the reader stops; later ones are where the patched copy stops, so need no mention.
fn explain(
    json: &str,
    original: &str,
    message: &str,
    line: usize,
    byte_column: usize,
) -> Option<Stray> {
    // A key closed with a curly quote swallows the colon and reads as an unknown field.
    let in_key = message
        .strip_prefix("unknown field `")
        .and_then(|rest| rest.split('`').next())
        .is_some_and(|key| key.contains(['“', '”', '‘', '’']));
    if !is_syntax_error(message) && !in_key {
        return None;
    }
    let at = json_path::byte_offset(json, line, byte_column.saturating_sub(1));
    let (offset, explanation, opens) = explain_syntax(json, at)?;
    let message = if std::ptr::eq(json, original) {
        let column = json_path::char_column(original, line, byte_column);
        // The list of allowed fields says nothing useful about a mistyped quote.
        let said = message.split(", expected one of").next().unwrap_or("");
        format!("{explanation} (the JSON reader stopped at {line}:{column}: {said})")
    } else {
        explanation
    };
    Some(Stray {
        offset,
        path: stray_path(json, offset, opens),
        opens,
        message,
    })
}

/// The field a stray character belongs to: the value's path, or the object's for a key's quote.
fn stray_path(json: &str, offset: usize, opens: bool) -> String {
    let offset = offset.min(json.len());
    let line_start = json[..offset].rfind('\n').map_or(0, |n| n + 1);
    let line = json[..offset].matches('\n').count() + 1;
    let path = json_path::path_at(json, line, offset - line_start);
    let width = json[offset..].chars().next().map_or(0, char::len_utf8);
    let key = if opens {
        json[..offset].trim_end().ends_with(',') && !path.ends_with(']')
            || json[..offset].trim_end().ends_with('{')
    } else {
        json[offset + width..]
            .trim_start_matches([' ', '\t'])
            .starts_with(':')
    };
    match (key, opens) {
        // After `{` the path is already the object's.
        (true, true) if json[..offset].trim_end().ends_with('{') => path,
        (true, _) => path
            .rsplit_once('.')
            .map_or(String::new(), |(object, _)| object.to_owned()),
        (false, _) => path,
    }
}

/// Puts a straight quote (or spaces, for a space-like character) over the character at
/// `offset`, padded with spaces to its length outside the string it opens or closes (inside, a
/// key would change); false if there is nothing to patch there.
fn patch(text: &mut String, offset: usize, opens: bool) -> bool {
    let Some(c) = text.get(offset..).and_then(|rest| rest.chars().next()) else {
        return false;
    };
    let width = c.len_utf8();
    let with = match c {
        '“' | '”' | '„' | '‟' | '«' | '»' | '‘' | '’' | '‚' | '‛' | '\'' => "\"",
        _ => "",
    };
    let pad = " ".repeat(width - with.len());
    let padded = match opens {
        true => format!("{pad}{with}"),
        false => format!("{with}{pad}"),
    };
    text.replace_range(offset..offset + width, &padded);
    true
}

/// serde_json's messages for text that is not JSON, as opposed to JSON of the wrong shape.
fn is_syntax_error(message: &str) -> bool {
    [
        "expected ",
        "key must be a string",
        "control character",
        "EOF while parsing",
        "trailing c",
        "invalid escape",
    ]
    .iter()
    .any(|start| message.starts_with(start))
}

/// What a word processor puts where JSON needs something else, and what to say about it.
fn stray(c: char) -> Option<String> {
    Some(match c {
        '“' | '”' | '„' | '‟' | '«' | '»' | '‘' | '’' | '‚' | '‛' => {
            format!("a curly quote {c} where JSON needs a straight quote \"")
        }
        '\'' => "a single quote ' where JSON needs a double quote \"".to_owned(),
        '\u{a0}' => "a non-breaking space (U+00A0) where JSON allows only plain spaces".to_owned(),
        '\u{feff}' => "a byte-order mark (U+FEFF): save the file as UTF-8 without one".to_owned(),
        '\u{200b}' | '\u{2028}' | '\u{2029}' | '\u{2009}' | '\u{202f}' => format!(
            "an invisible character (U+{:04X}) where JSON allows only plain spaces",
            c as u32
        ),
        _ => return None,
    })
}

/// Byte offset and explanation of the word-processor character behind a syntax error at byte
/// `at`: one outside any string up to the error; or, when a string runs on into the error (or
/// ends just before it), a curly quote in it that sits where the string should have ended.
fn explain_syntax(json: &str, at: usize) -> Option<(usize, String, bool)> {
    let mut string: Option<usize> = None;
    let mut last_string: Option<(usize, usize)> = None;
    let mut escaped = false;
    for (offset, c) in json.char_indices() {
        if offset > at {
            break;
        }
        if let Some(start) = string {
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == '"' {
                last_string = Some((start, offset));
                string = None;
            }
            continue;
        }
        if c == '"' {
            string = Some(offset + c.len_utf8());
        } else if let Some(explanation) = stray(c) {
            return Some((offset, explanation, true));
        }
    }
    let (start, end) = match (string, last_string) {
        (Some(start), _) => (start, at.min(json.len())),
        // Only a string just before the error: the reader stopped right after it.
        (None, Some((start, end)))
            if json
                .get(end + 1..at.max(end + 1))
                .is_some_and(|gap| gap.chars().all(|c| c == ' ' || c == '\t')) =>
        {
            (start, end)
        }
        _ => return None,
    };
    let content = json.get(start..end)?;
    let mut found = None;
    for (offset, c) in content.char_indices() {
        if !matches!(c, '“' | '”' | '„' | '‟' | '‘' | '’') {
            continue;
        }
        let after = content[offset + c.len_utf8()..].trim_start_matches([' ', '\t']);
        // The first that could end the string: a string that runs on holds the rest after it.
        if after.is_empty() || after.starts_with([',', ':', '}', ']', '\n', '\r']) {
            found = Some((start + offset, c));
            break;
        }
    }
    let (offset, c) = found?;
    Some((offset, stray(c)?, false))
}
