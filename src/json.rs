//! A small pull reader of JSON text, for the files the widget reads: the story and the locales.
//!
//! Why by hand: serde_json and the visitors serde instantiates for every type made up about a
//! sixth of the reader's WebAssembly (docs/size.md). A reader that knows a file's shape reads
//! it with a short function per type (`model::read` for stories), and knows the path of the value
//! being read at every step.
//!
//! What editors see is serde_json's behaviour, kept on purpose:
//! - the same strict JSON (RFC 8259);
//! - the same syntax messages at the same line and column (`tests/native/read.rs` compares the two on
//!   thousands of broken files);
//! - serde's wording for a wrong type and an unknown, missing or repeated field, placed where
//!   serde_json placed them.
//!
//! The differences are deliberate: matching them would cost the bytes this saves, or accept a
//! form no editor writes.
//! - a wrong number quotes the file ("floating point `1e2`") where serde_json rewrites it
//!   ("`100.0`");
//! - a number too large for a float is a wrong type here. serde_json says "number out of
//!   range", at the same place (for an exponent past 2^31, at the digit where it overflows).
//!   No field the widget reads can hold such a number;
//! - a stance written as an object (`{"demands": null}`, which serde_json read as a stance) is
//!   refused, and a string quoted in a message escapes fewer invisible characters (`quoted`).

/// What is wrong with a JSON file, and where.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Error {
    /// The path of the value being read (`positions[4].side`); empty at the top level.
    pub path: String,
    /// Line and column (1-based line; the column counts bytes, as serde_json's does).
    pub line: usize,
    pub column: usize,
    pub message: String,
}

pub type Read<T> = Result<T, Error>;

/// Where in the file's nesting the reader is, for the path of an error (`positions[4].side`).
enum Frame {
    /// In an object, with the last key read.
    Object(Option<String>),
    /// In an array, at this element.
    Array(usize),
}

pub struct Reader<'a> {
    text: &'a str,
    /// Bytes read so far.
    at: usize,
    frames: Vec<Frame>,
}

/// Reads the value of field number `n` of an object; see [`Reader::object`].
pub type Field<'f, 'a> = &'f mut dyn FnMut(&mut Reader<'a>, usize) -> Read<()>;

impl<'a> Reader<'a> {
    pub fn new(text: &'a str) -> Self {
        Reader {
            text,
            at: 0,
            frames: Vec::new(),
        }
    }

    /// After the top-level value: nothing but whitespace may follow.
    pub fn end(&mut self) -> Read<()> {
        match self.blank() {
            Some(_) => Err(self.peek_fail("trailing characters")),
            None => Ok(()),
        }
    }

    fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.at).copied()
    }

    /// Skips whitespace; the next byte, not read.
    pub fn blank(&mut self) -> Option<u8> {
        while let Some(b' ' | b'\n' | b'\t' | b'\r') = self.peek() {
            self.at += 1;
        }
        self.peek()
    }

    /// An error after the bytes read so far (serde_json's `error`).
    pub fn fail(&self, message: impl Into<String>) -> Error {
        self.fail_at(self.at, message.into())
    }

    /// An error at the next byte, not yet read (serde_json's `peek_error`). At a closing
    /// bracket the error is the enclosing value's ("as_of: trailing comma").
    pub fn peek_fail(&self, message: &str) -> Error {
        let closes = matches!(self.peek(), Some(b'}' | b']'));
        let mut error = self.fail_at((self.at + 1).min(self.text.len()), message.into());
        if closes {
            error.path = self.path(self.frames.len().saturating_sub(1));
        }
        error
    }

    /// Line and column as serde_json counts them: the column is the bytes since the line began.
    fn fail_at(&self, at: usize, message: String) -> Error {
        let before = &self.text.as_bytes()[..at];
        let start = before
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |newline| newline + 1);
        let line = 1 + before[..start].iter().filter(|&&b| b == b'\n').count();
        Error {
            path: self.path(self.frames.len()),
            line,
            column: at - start,
            message,
        }
    }

    /// The path of the value the first `depth` frames lead to.
    fn path(&self, depth: usize) -> String {
        let mut path = String::new();
        for frame in &self.frames[..depth] {
            match frame {
                Frame::Object(Some(key)) => {
                    if !path.is_empty() {
                        path.push('.');
                    }
                    path.push_str(key);
                }
                Frame::Object(None) => {}
                Frame::Array(index) => {
                    path.push('[');
                    path.push_str(&index.to_string());
                    path.push(']');
                }
            }
        }
        path
    }

    /// Reads `word` (`null`, `true`, `false`), whose first byte is next.
    fn word(&mut self, word: &str) -> Read<()> {
        for &expected in word.as_bytes() {
            let Some(byte) = self.peek() else {
                return Err(self.fail("EOF while parsing a value"));
            };
            self.at += 1;
            if byte != expected {
                return Err(self.fail("expected ident"));
            }
        }
        Ok(())
    }

    /// The rest of a string whose opening quote has been read, escapes resolved.
    fn string_rest(&mut self) -> Read<String> {
        let mut text = String::new();
        let mut start = self.at;
        loop {
            let Some(byte) = self.peek() else {
                return Err(self.fail("EOF while parsing a string"));
            };
            self.at += 1;
            match byte {
                b'"' | b'\\' => {
                    // Both are ASCII, so the slice ends on a character boundary.
                    text.push_str(&self.text[start..self.at - 1]);
                    if byte == b'"' {
                        return Ok(text);
                    }
                    self.escape(&mut text)?;
                    start = self.at;
                }
                0..=0x1f => {
                    return Err(self
                        .fail("control character (\\u0000-\\u001F) found while parsing a string"))
                }
                _ => {}
            }
        }
    }

    /// The escape after a backslash.
    fn escape(&mut self, text: &mut String) -> Read<()> {
        let Some(byte) = self.peek() else {
            return Err(self.fail("EOF while parsing a string"));
        };
        self.at += 1;
        text.push(match byte {
            b'"' => '"',
            b'\\' => '\\',
            b'/' => '/',
            b'b' => '\x08',
            b'f' => '\x0c',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'u' => {
                let high = self.hex()?;
                let code = match high {
                    0xDC00..=0xDFFF => {
                        return Err(self.fail("lone leading surrogate in hex escape"))
                    }
                    0xD800..=0xDBFF => {
                        for expected in [b'\\', b'u'] {
                            match self.peek() {
                                None => return Err(self.fail("EOF while parsing a string")),
                                Some(byte) => {
                                    self.at += 1;
                                    if byte != expected {
                                        return Err(self.fail("unexpected end of hex escape"));
                                    }
                                }
                            }
                        }
                        let low = self.hex()?;
                        if !(0xDC00..=0xDFFF).contains(&low) {
                            return Err(self.fail("lone leading surrogate in hex escape"));
                        }
                        0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)
                    }
                    _ => high,
                };
                char::from_u32(code).unwrap_or(char::REPLACEMENT_CHARACTER)
            }
            _ => return Err(self.fail("invalid escape")),
        });
        Ok(())
    }

    /// The four hex digits of a `\u` escape.
    fn hex(&mut self) -> Read<u32> {
        let Some(digits) = self.text.as_bytes().get(self.at..self.at + 4) else {
            self.at = self.text.len();
            return Err(self.fail("EOF while parsing a string"));
        };
        self.at += 4;
        let mut code = 0;
        for &digit in digits {
            match (digit as char).to_digit(16) {
                Some(value) => code = code * 16 + value,
                None => return Err(self.fail("invalid escape")),
            }
        }
        Ok(code)
    }

    /// Reads a number, which starts at the next byte; whether it is an integer serde would
    /// read as one (no fraction or exponent, not `-0`, within 64 bits). The text is read.
    fn number(&mut self) -> Read<bool> {
        let start = self.at;
        let digits = |reader: &mut Self| {
            let from = reader.at;
            while let Some(b'0'..=b'9') = reader.peek() {
                reader.at += 1;
            }
            reader.at - from
        };
        if self.peek() == Some(b'-') {
            self.at += 1;
        }
        match self.peek() {
            None => return Err(self.fail("EOF while parsing a value")),
            Some(b'0') => {
                self.at += 1;
                if let Some(b'0'..=b'9') = self.peek() {
                    return Err(self.peek_fail("invalid number"));
                }
            }
            Some(b'1'..=b'9') => {
                digits(self);
            }
            Some(_) => {
                self.at += 1;
                return Err(self.fail("invalid number"));
            }
        }
        let mut integer = true;
        if self.peek() == Some(b'.') {
            self.at += 1;
            integer = false;
            if digits(self) == 0 {
                return Err(match self.peek() {
                    Some(_) => self.peek_fail("invalid number"),
                    None => self.peek_fail("EOF while parsing a value"),
                });
            }
        }
        if let Some(b'e' | b'E') = self.peek() {
            self.at += 1;
            integer = false;
            if let Some(b'+' | b'-') = self.peek() {
                self.at += 1;
            }
            match self.peek() {
                None => return Err(self.fail("EOF while parsing a value")),
                Some(b'0'..=b'9') => {
                    digits(self);
                }
                Some(_) => {
                    self.at += 1;
                    return Err(self.fail("invalid number"));
                }
            }
        }
        let text = &self.text[start..self.at];
        Ok(integer
            && match text.strip_prefix('-') {
                Some(magnitude) => magnitude != "0" && text.parse::<i64>().is_ok(),
                None => text.parse::<u64>().is_ok(),
            })
    }

    /// serde's "invalid type" error for the value that starts at the next byte: a string, a
    /// number or a word is read first, so the error sits after it, where serde_json puts it.
    pub fn invalid_type(&mut self, expected: &str) -> Error {
        let start = self.at;
        let found = match self.peek() {
            None => return self.peek_fail("EOF while parsing a value"),
            Some(b'n') => self.word("null").map(|()| "null".to_owned()),
            Some(b't') => self.word("true").map(|()| "boolean `true`".to_owned()),
            Some(b'f') => self.word("false").map(|()| "boolean `false`".to_owned()),
            Some(b'-' | b'0'..=b'9') => self.number().map(|integer| {
                let kind = if integer { "integer" } else { "floating point" };
                format!("{kind} `{}`", &self.text[start..self.at])
            }),
            Some(b'"') => {
                self.at += 1;
                self.string_rest()
                    .map(|text| format!("string {}", quoted(&text)))
            }
            Some(b'[') => Ok("sequence".to_owned()),
            Some(b'{') => Ok("map".to_owned()),
            Some(_) => return self.peek_fail("expected value"),
        };
        match found {
            Ok(found) => self.fail(format!("invalid type: {found}, expected {expected}")),
            Err(error) => error,
        }
    }

    /// A string value.
    pub fn text(&mut self) -> Read<String> {
        if self.blank() != Some(b'"') {
            return Err(self.invalid_type("a string"));
        }
        self.at += 1;
        self.string_rest()
    }

    /// `true` or `false`.
    pub fn flag(&mut self) -> Read<bool> {
        match self.blank() {
            Some(b't') => self.word("true").map(|()| true),
            Some(b'f') => self.word("false").map(|()| false),
            _ => Err(self.invalid_type("a boolean")),
        }
    }

    /// `null`, or what `read` reads.
    pub fn optional<T>(&mut self, read: fn(&mut Self) -> Read<T>) -> Read<Option<T>> {
        if self.blank() == Some(b'n') {
            return self.word("null").map(|()| None);
        }
        read(self).map(Some)
    }

    /// A whole number that fits 32 bits.
    pub fn u32(&mut self) -> Read<u32> {
        if !matches!(self.blank(), Some(b'-' | b'0'..=b'9')) {
            return Err(self.invalid_type("u32"));
        }
        let start = self.at;
        let integer = self.number()?;
        let text = &self.text[start..self.at];
        match text.parse::<u32>() {
            Ok(rank) => Ok(rank),
            Err(_) if integer => {
                Err(self.fail(format!("invalid value: integer `{text}`, expected u32")))
            }
            Err(_) => Err(self.fail(format!(
                "invalid type: floating point `{text}`, expected u32"
            ))),
        }
    }

    /// An array; `each` reads one element.
    pub fn list(&mut self, each: &mut dyn FnMut(&mut Self) -> Read<()>) -> Read<()> {
        if self.blank() != Some(b'[') {
            return Err(self.invalid_type("a sequence"));
        }
        self.at += 1;
        self.frames.push(Frame::Array(0));
        let mut first = true;
        loop {
            match self.blank() {
                None => return Err(self.peek_fail("EOF while parsing a list")),
                Some(b']') => break,
                Some(_) if first => first = false,
                Some(b',') => {
                    self.at += 1;
                    if let Some(Frame::Array(index)) = self.frames.last_mut() {
                        *index += 1;
                    }
                    match self.blank() {
                        Some(b']') => return Err(self.peek_fail("trailing comma")),
                        Some(_) => {}
                        None => return Err(self.peek_fail("EOF while parsing a value")),
                    }
                }
                Some(_) => return Err(self.peek_fail("expected `,` or `]`")),
            }
            each(self)?;
        }
        self.at += 1;
        self.frames.pop();
        Ok(())
    }

    /// An array of strings.
    pub fn texts(&mut self) -> Read<Vec<String>> {
        let mut texts = Vec::new();
        self.list(&mut |reader| {
            texts.push(reader.text()?);
            Ok(())
        })?;
        Ok(texts)
    }

    /// An error about a whole object: serde_json places it after looking for the object's
    /// end, and past the `}` if that is next.
    fn object_fail(&mut self, message: String) -> Error {
        if self.blank() == Some(b'}') {
            self.at += 1;
            self.frames.pop();
        }
        self.fail(message)
    }

    /// An object with any keys: `each` is given each key as it is read and must read the `:`
    /// and the value. `expected` names the value for a "invalid type" error.
    pub fn entries(
        &mut self,
        expected: &str,
        each: &mut dyn FnMut(&mut Self, String) -> Read<()>,
    ) -> Read<()> {
        if self.blank() != Some(b'{') {
            return Err(self.invalid_type(expected));
        }
        self.at += 1;
        self.frames.push(Frame::Object(None));
        let mut first = true;
        loop {
            match self.blank() {
                None => return Err(self.peek_fail("EOF while parsing an object")),
                Some(b'}') => break,
                Some(byte) if first => {
                    first = false;
                    if byte != b'"' {
                        return Err(self.peek_fail("key must be a string"));
                    }
                }
                Some(b',') => {
                    self.at += 1;
                    match self.blank() {
                        Some(b'"') => {}
                        Some(b'}') => return Err(self.peek_fail("trailing comma")),
                        Some(_) => return Err(self.peek_fail("key must be a string")),
                        None => return Err(self.peek_fail("EOF while parsing a value")),
                    }
                }
                Some(_) => return Err(self.peek_fail("expected `,` or `}`")),
            }
            self.at += 1;
            let key = self.string_rest()?;
            if let Some(Frame::Object(last)) = self.frames.last_mut() {
                *last = Some(key.clone());
            }
            each(self, key)?;
        }
        self.at += 1;
        self.frames.pop();
        Ok(())
    }

    /// An object of the struct `name`: each key is one of `fields` (or `"$schema"`, whose value
    /// is read as a string and dropped), given once; `field` reads the value of field number n.
    /// The fields whose bit is set in `required` must be there.
    pub fn object(
        &mut self,
        name: &str,
        fields: &[&str],
        required: u32,
        field: Field<'_, 'a>,
    ) -> Read<()> {
        if self.blank() == Some(b'[') {
            // serde_json reports this after looking past the bracket for the array's end.
            self.at += 1;
            match self.blank() {
                Some(b']') => self.at += 1,
                Some(b',') => {
                    self.at += 1;
                    self.blank();
                }
                _ => {}
            }
            return Err(self.fail(format!("invalid type: sequence, expected struct {name}")));
        }
        if self.blank() != Some(b'{') {
            return Err(self.invalid_type(&format!("struct {name}")));
        }
        let mut seen = 0u32;
        self.entries("", &mut |reader, key| {
            let n = match fields.iter().position(|name| *name == key) {
                Some(n) if seen & 1 << n == 0 => n,
                Some(n) => {
                    return Err(reader.object_fail(format!("duplicate field `{}`", fields[n])))
                }
                None if key == "$schema" => {
                    reader.colon()?;
                    return reader.text().map(drop);
                }
                None => {
                    return Err(reader.object_fail(format!(
                        "unknown field `{key}`, expected {}",
                        one_of(fields)
                    )))
                }
            };
            seen |= 1 << n;
            reader.colon()?;
            field(reader, n)
        })?;
        // Read past the `}`, where serde_json places this.
        match (0..fields.len()).find(|n| required & !seen & 1 << n != 0) {
            Some(n) => Err(self.fail(format!("missing field `{}`", fields[n]))),
            None => Ok(()),
        }
    }

    pub fn colon(&mut self) -> Read<()> {
        match self.blank() {
            Some(b':') => {
                self.at += 1;
                Ok(())
            }
            Some(_) => Err(self.peek_fail("expected `:`")),
            None => Err(self.peek_fail("EOF while parsing an object")),
        }
    }
}

/// serde's list of what was expected: "`a`", "`a` or `b`", "one of `a`, `b`, `c`".
pub fn one_of(names: &[&str]) -> String {
    let quoted: Vec<String> = names.iter().map(|name| format!("`{name}`")).collect();
    match quoted.len() {
        2 => quoted.join(" or "),
        1 => quoted.concat(),
        _ => format!("one of {}", quoted.join(", ")),
    }
}

/// A string as serde quotes it in a message: in double quotes, with quotes, backslashes and
/// ASCII control characters escaped. serde (Rust's `{:?}`) also escapes invisible Unicode
/// characters such as U+200F; its tables would cost the bytes this reader saves.
fn quoted(text: &str) -> String {
    let mut out = String::from("\"");
    for c in text.chars() {
        match c {
            '"' | '\\' => {
                out.push('\\');
                out.push(c);
            }
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\0'..='\x1f' | '\x7f' => out.push_str(&format!("\\u{{{:x}}}", c as u32)),
            _ => out.push(c),
        }
    }
    out.push('"');
    out
}
