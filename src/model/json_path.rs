//! Places in a JSON text for the editors' checks: the field path (`positions[4].stance`) at a
//! line and column, byte and character columns, and where given values are written.
//!
//! The story reader (`super::read`) knows its own path; this scanner serves the checks that look
//! at text the reader has not read, such as a copy with a stray curly quote patched over.

enum Frame {
    /// In an object: the last key read, if any, and whether the next string is a key.
    Object(Option<String>, bool),
    /// In an array; the index of the current element.
    Array(usize),
}

/// The path of the value being read at 1-based `line` and `column`, as far as the text up to
/// there allows; empty at the top level.
pub fn path_at(text: &str, line: usize, column: usize) -> String {
    let end = byte_offset(text, line, column);
    let bytes = &text.as_bytes()[..end];
    let mut stack: Vec<Frame> = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'{' => stack.push(Frame::Object(None, true)),
            b'[' => stack.push(Frame::Array(0)),
            b'}' | b']' => {
                stack.pop();
            }
            b',' => match stack.last_mut() {
                Some(Frame::Array(index)) => *index += 1,
                Some(Frame::Object(_, expect_key)) => *expect_key = true,
                None => {}
            },
            b'"' => {
                let start = i + 1;
                i = start;
                while i < bytes.len() && bytes[i] != b'"' {
                    i += if bytes[i] == b'\\' { 2 } else { 1 };
                }
                if let Some(Frame::Object(key, expect_key @ true)) = stack.last_mut() {
                    *key = Some(text[start..i.min(bytes.len())].to_owned());
                    *expect_key = false;
                }
            }
            _ => {}
        }
        i += 1;
    }
    let mut path = String::new();
    for frame in &stack {
        match frame {
            Frame::Object(Some(key), _) => {
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(key);
            }
            Frame::Object(None, _) => {}
            Frame::Array(index) => {
                path.push('[');
                path.push_str(&index.to_string());
                path.push(']');
            }
        }
    }
    path
}

/// Byte offset of a 1-based line and column (serde_json counts columns in bytes), clamped to
/// the text and to a character boundary.
pub(crate) fn byte_offset(text: &str, line: usize, column: usize) -> usize {
    let mut offset = 0;
    for (n, content) in text.split_inclusive('\n').enumerate() {
        if n + 1 == line {
            let mut at = (offset + column).min(text.len());
            while !text.is_char_boundary(at) {
                at -= 1;
            }
            return at;
        }
        offset += content.len();
    }
    text.len()
}

/// Line and column (1-based; columns in characters, as editors count them) of the value at
/// each of `wanted` (paths as [`path_at`] writes them, `""` for the whole text), in one pass
/// over the text; `None` for a path the text does not have. A syntax error ends the scan, so
/// values after it are not found.
///
/// The reverse of [`path_at`], for the editors' checks (`super::check`). It and the helpers
/// below are built only with the `editor` feature: placed above `path_at`, or compiled for the
/// reader, they would shift its panic locations or its inlining, and the reader pays in bytes.
#[cfg(feature = "editor")]
pub(crate) fn places(text: &str, wanted: &[&str]) -> Vec<Option<(usize, usize)>> {
    // Sorted, so each value read costs a binary search rather than a scan of the wanted list.
    let mut order: Vec<usize> = (0..wanted.len()).collect();
    order.sort_by_key(|&i| wanted[i]);
    let mut found: Vec<Option<(usize, usize)>> = vec![None; wanted.len()];
    let mut record = |path: &str, line: usize, column: usize| {
        let mut at = order.partition_point(|&i| wanted[i] < path);
        while let Some(&i) = order.get(at) {
            if wanted[i] != path {
                break;
            }
            found[i].get_or_insert((line, column));
            at += 1;
        }
    };

    /// A container being read, and the length of `path` when it opened (its own path).
    enum Open {
        /// The next string is a key.
        Object { base: usize, expect_key: bool },
        /// Index of the current element.
        Array { base: usize, index: usize },
    }
    let mut stack: Vec<Open> = Vec::new();
    let mut path = String::new();
    // Whether the next non-blank character starts a value (after `[`, `,` in an array, `:`).
    let mut awaiting = true;
    let (mut line, mut column) = (1, 0);
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        column += 1;
        if c == '\n' {
            (line, column) = (line + 1, 0);
            continue;
        }
        if c.is_ascii_whitespace() {
            continue;
        }
        if awaiting && c != ']' {
            awaiting = false;
            if let Some(Open::Array { base, index }) = stack.last() {
                path.truncate(*base);
                path.push('[');
                path.push_str(&index.to_string());
                path.push(']');
            }
            record(&path, line, column);
        }
        match c {
            '{' => stack.push(Open::Object {
                base: path.len(),
                expect_key: true,
            }),
            '[' => {
                stack.push(Open::Array {
                    base: path.len(),
                    index: 0,
                });
                awaiting = true;
            }
            '}' | ']' => {
                stack.pop();
            }
            ',' => match stack.last_mut() {
                Some(Open::Array { index, .. }) => {
                    *index += 1;
                    awaiting = true;
                }
                Some(Open::Object { expect_key, .. }) => *expect_key = true,
                None => return found,
            },
            ':' => awaiting = true,
            '"' => {
                let mut key = String::new();
                let mut escaped = false;
                loop {
                    let Some(c) = chars.next() else {
                        return found;
                    };
                    column += 1;
                    if c == '\n' {
                        // Not valid JSON; keep counting lines so later places stay right.
                        (line, column) = (line + 1, 0);
                    }
                    if escaped {
                        escaped = false;
                    } else if c == '\\' {
                        escaped = true;
                    } else if c == '"' {
                        break;
                    }
                    key.push(c);
                }
                if let Some(Open::Object {
                    base,
                    expect_key: expect_key @ true,
                }) = stack.last_mut()
                {
                    *expect_key = false;
                    path.truncate(*base);
                    if *base > 0 {
                        path.push('.');
                    }
                    path.push_str(&key);
                }
            }
            _ => {}
        }
    }
    found
}

/// The character column (1-based) of serde_json's byte column on a 1-based line, so editors
/// land on the right character in lines with Cyrillic or curly quotes.
#[cfg(feature = "editor")]
pub(crate) fn char_column(text: &str, line: usize, byte_column: usize) -> usize {
    let start = line_start(text, line);
    let line_end = text[start..].find('\n').map_or(text.len(), |at| start + at);
    let end = byte_offset(text, line, byte_column.saturating_sub(1)).clamp(start, line_end);
    text[start..end].chars().count() + 1
}

/// Byte offset where 1-based `line` starts (the text's end if it has fewer lines).
#[cfg(feature = "editor")]
pub(crate) fn line_start(text: &str, line: usize) -> usize {
    if line <= 1 {
        return 0;
    }
    text.match_indices('\n')
        .nth(line - 2)
        .map_or(text.len(), |(at, _)| at + 1)
}

#[cfg(test)]
mod tests {
    use super::path_at;
    #[cfg(feature = "editor")]
    use super::{char_column, places};

    #[test]
    fn finds_nested_keys_and_indices() {
        let text = "{\n \"a\": [1, {\"b\": [\"x\", \"y\", tru]}]\n}";
        let column = text.lines().nth(1).unwrap().find("tru").unwrap() + 1;
        assert_eq!(path_at(text, 2, column), "a[1].b[2]");
    }

    #[test]
    fn strings_with_brackets_and_escapes_do_not_confuse_it() {
        let text = r#"{"t": "[{\"", "k": 5}"#;
        assert_eq!(path_at(text, 1, text.find('5').unwrap() + 1), "k");
    }

    #[cfg(feature = "editor")]
    #[test]
    fn places_are_the_values_of_paths_in_characters() {
        let text = "{\n  \"a\": [1, {\"b\": \"Ж\", \"c\": [\"x\"]}],\n  \"d\": {}\n}";
        let wanted = ["a[1].c[0]", "a", "d", "a[1].b", "", "a[2]", "a[1].c"];
        let found = places(text, &wanted);
        assert_eq!(
            found,
            [
                Some((2, 29)),
                Some((2, 8)),
                Some((3, 8)),
                Some((2, 18)),
                Some((1, 1)),
                None,
                Some((2, 28)),
            ]
        );
    }

    #[cfg(feature = "editor")]
    #[test]
    fn char_columns_count_characters_not_bytes() {
        let text = "{\"Ж\": x}";
        // serde_json's column for the `x` counts bytes: `{"Ж": ` is 7 bytes, 6 characters.
        assert_eq!(char_column(text, 1, 8), 7);
        assert_eq!(char_column(text, 9, 9), 1);
    }

    #[test]
    fn top_level_is_empty_and_places_past_the_end_are_clamped() {
        assert_eq!(path_at("{}", 1, 1), "");
        assert_eq!(path_at("[1,", 9, 9), "[1]");
    }
}
