//! Finds the field path (`positions[4].stance`) at a line and column of a JSON text, so that
//! errors from serde_json, which know only the place, can name the field too.
//!
//! A small scanner instead of a path-tracking deserializer: the widget ships to phones, and
//! wrapping every serde visitor to track paths cost about 27 kB of WebAssembly.

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
fn byte_offset(text: &str, line: usize, column: usize) -> usize {
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

#[cfg(test)]
mod tests {
    use super::path_at;

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

    #[test]
    fn top_level_is_empty_and_places_past_the_end_are_clamped() {
        assert_eq!(path_at("{}", 1, 1), "");
        assert_eq!(path_at("[1,", 9, 9), "[1]");
    }
}
