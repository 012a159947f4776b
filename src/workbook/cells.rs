//! Sheets as the readers hand them over (cells typed as the file stored them), and how one cell
//! becomes the text, number, date or stance a story field needs, as an editor would expect.

use crate::model::{Role, Stance};

/// One cell's value as the file stored it. Empty cells are not kept.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    Text(String),
    /// Text that our CSV export guarded with an apostrophe ([`to_csv_text`]): the value exactly,
    /// not trimmed, so a field that begins with a tab reads back as it was written.
    Exact(String),
    Int(i64),
    Float(f64),
    Bool(bool),
    /// A date cell, already written `YYYY-MM-DD` (with ` HH:MM:SS` when it has a time).
    Date(String),
    /// An error cell (`#REF!`, `#N/A`): a formula that has no value.
    Error(String),
}

/// A row that has at least one non-empty cell.
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    /// 1-based, as the spreadsheet shows it.
    pub number: usize,
    /// `(column index, value)`, by column.
    pub cells: Vec<(usize, Value)>,
}

impl Row {
    pub fn get(&self, column: usize) -> Option<&Value> {
        self.cells
            .iter()
            .find(|(c, _)| *c == column)
            .map(|(_, value)| value)
    }
}

/// A sheet: its name as written, and its non-empty rows in order.
#[derive(Clone, Debug, PartialEq)]
pub struct Sheet {
    /// As the workbook writes it (for CSV, the file's name): what messages show.
    pub name: String,
    /// As compared: `positions`.
    pub key: String,
    pub rows: Vec<Row>,
}

/// Spreadsheet column letters: 0 → "A", 25 → "Z", 26 → "AA".
pub fn column_letter(mut index: usize) -> String {
    let mut letters = Vec::new();
    loop {
        letters.push(b'A' + (index % 26) as u8);
        if index < 26 {
            break;
        }
        index = index / 26 - 1;
    }
    letters.reverse();
    String::from_utf8(letters).unwrap_or_default()
}

/// A header or sheet name as compared: trimmed, lower case, `_` and runs of spaces as one space.
pub fn normalize(name: &str) -> String {
    name.to_lowercase()
        .replace('_', " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// A value as a short quotation for messages: long cells cut, control characters shown escaped.
pub fn shown(value: &str) -> String {
    let mut out: String = value.chars().take(80).collect();
    if value.chars().count() > 80 {
        out.push('…');
    }
    out.escape_debug().to_string()
}

impl Value {
    /// The cell's text as the file stored it, for text cells.
    pub fn stored_text(&self) -> Option<&str> {
        match self {
            Value::Text(text) | Value::Exact(text) => Some(text),
            _ => None,
        }
    }

    /// The cell as text, the way a spreadsheet shows it: whole numbers without `.0` (an id typed
    /// as 2025 stays "2025"), booleans as TRUE/FALSE. Error cells have no text.
    pub fn text(&self) -> Result<String, String> {
        match self {
            Value::Text(text) => Ok(text.trim().to_owned()),
            Value::Exact(text) => Ok(text.clone()),
            Value::Int(n) => Ok(n.to_string()),
            Value::Float(x) => Ok(number_text(*x)),
            Value::Bool(true) => Ok("TRUE".into()),
            Value::Bool(false) => Ok("FALSE".into()),
            Value::Date(date) => Ok(date.clone()),
            Value::Error(error) => Err(format!(
                "the cell holds the error {error}: fix the formula or type the value"
            )),
        }
    }

    /// What the cell shows, for messages.
    pub fn shown(&self) -> String {
        match self {
            Value::Error(error) => error.clone(),
            other => shown(&other.text().unwrap_or_default()),
        }
    }
}

fn number_text(x: f64) -> String {
    if x.is_finite() && x.fract() == 0.0 && x.abs() < 1e15 {
        format!("{}", x as i64)
    } else {
        format!("{x}")
    }
}

/// A priority: a whole number from 1; `1.0` (how spreadsheets store 1) is 1, `1.5` is an error.
pub fn priority(value: &Value) -> Result<u32, String> {
    let number = match value {
        Value::Int(n) => *n as f64,
        Value::Float(x) => *x,
        Value::Text(text) | Value::Exact(text) => text.trim().parse::<f64>().map_err(|_| {
            format!(
                "\"{}\" is not a priority: write a whole number from 1",
                shown(text)
            )
        })?,
        Value::Error(_) => return value.text().map(|_| 0),
        Value::Bool(_) | Value::Date(_) => {
            return Err(format!(
                "{} is not a priority: write a whole number from 1",
                value.shown()
            ))
        }
    };
    if !number.is_finite() || number.fract() != 0.0 || !(1.0..=1_000_000.0).contains(&number) {
        return Err(format!(
            "{} is not a priority: write a whole number from 1",
            number_text(number)
        ));
    }
    Ok(number as u32)
}

/// The story's date: a date cell, an Excel date serial (45810 is 2025-06-02), or text.
pub fn date(value: &Value) -> Result<String, String> {
    match value {
        Value::Date(date) => Ok(date.get(..10).unwrap_or(date).to_owned()),
        Value::Int(n) => serial_date(*n as f64),
        Value::Float(x) => serial_date(*x),
        other => other.text(),
    }
}

/// An Excel serial day (1900 system) as `YYYY-MM-DD`; the time of day, if any, is dropped.
pub fn serial_date(serial: f64) -> Result<String, String> {
    if !serial.is_finite() || !(1.0..2_958_466.0).contains(&serial) {
        return Err(format!(
            "{} is not a date: write it YYYY-MM-DD",
            number_text(serial)
        ));
    }
    let (y, m, d, ..) =
        calamine::ExcelDateTime::new(serial, calamine::ExcelDateTimeType::DateTime, false)
            .to_ymd_hms_milli();
    Ok(format!("{y:04}-{m:02}-{d:02}"))
}

/// A stance word: the five of the story format, case and spaces aside ("Not stated" is
/// `not_stated`). Anything else is an error naming the nearest word.
pub fn stance(text: &str) -> Result<Stance, String> {
    let word = normalize(text).replace(' ', "_");
    if let Some(stance) = Stance::ALL.into_iter().find(|s| s.id() == word) {
        return Ok(stance);
    }
    let words: Vec<&str> = Stance::ALL.iter().map(|s| s.id()).collect();
    let nearest = Stance::ALL
        .into_iter()
        .map(|s| (distance(&word, s.id()), s.id()))
        .min();
    let list = words.join(", ");
    Err(match nearest {
        Some((d, id)) if d <= 3.max(word.chars().count() / 3) && !word.is_empty() => format!(
            "\"{}\" is not a stance; did you mean \"{id}\"? (the stances are {list})",
            shown(text)
        ),
        _ => format!(
            "\"{}\" is not a stance; the stances are {list}",
            shown(text)
        ),
    })
}

/// A side's role from its cell ("Mediator" is `mediator`); an empty cell is a party.
pub fn role(text: &str) -> Result<Role, String> {
    let word = normalize(text);
    if word.is_empty() {
        return Ok(Role::Party);
    }
    Role::ALL
        .into_iter()
        .find(|r| r.id() == word)
        .ok_or_else(|| {
            let list: Vec<&str> = Role::ALL.iter().map(|r| r.id()).collect();
            format!(
                "\"{}\" is not a role; the roles are {} (empty is party)",
                shown(text),
                list.join(", ")
            )
        })
}

/// A yes/no cell: empty, "no" or "false" is no; "yes", "true", "x" or "1" is yes.
pub fn flag(text: &str) -> Result<bool, String> {
    match normalize(text).as_str() {
        "" | "no" | "false" | "0" => Ok(false),
        "yes" | "true" | "x" | "1" => Ok(true),
        _ => Err(format!(
            "\"{}\" is not yes or no; write yes, or leave the cell empty for no",
            shown(text)
        )),
    }
}

/// Levenshtein distance, over at most the first 64 characters (stance words are short).
fn distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().take(64).collect();
    let b: Vec<char> = b.chars().collect();
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut current = vec![i + 1];
        for (j, cb) in b.iter().enumerate() {
            let substitute = previous[j] + usize::from(ca != cb);
            let best = substitute.min(previous[j + 1] + 1).min(current[j] + 1);
            current.push(best);
        }
        previous = current;
    }
    previous.last().copied().unwrap_or(0)
}

/// A list written in one cell, one item per line (or, for `members`, also separated by `;`):
/// items trimmed, empty ones dropped.
pub fn lines(text: &str, semicolons: bool) -> Vec<String> {
    text.split(|c| c == '\n' || c == '\r' || (semicolons && c == ';'))
        .map(str::trim)
        .filter(|item| !item.is_empty())
        .map(str::to_owned)
        .collect()
}

/// What a spreadsheet program takes for a formula when a CSV cell begins with it (`=`, `+`, `-`,
/// `@`, and the tab and carriage return some programs skip before looking again).
const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// A text cell as a CSV file should hold it so that no spreadsheet program evaluates it: behind
/// the apostrophe spreadsheets show as "this is text" (OWASP's advice for CSV injection). A cell
/// that already begins with an apostrophe gets one more, so [`from_csv_text`] can tell them apart
/// and the round trip holds for every value.
pub fn to_csv_text(value: &str) -> String {
    if value.starts_with(FORMULA_STARTS) || value.starts_with('\'') {
        format!("'{value}")
    } else {
        value.to_owned()
    }
}

/// Undoes [`to_csv_text`]: one apostrophe is taken off a cell that then begins with a formula
/// character or another apostrophe, and the rest is kept exactly. Other cells, "'Tis" among
/// them, are text as they are.
pub fn from_csv_text(field: &str) -> Value {
    match field.strip_prefix('\'') {
        Some(rest) if rest.starts_with(FORMULA_STARTS) || rest.starts_with('\'') => {
            Value::Exact(rest.to_owned())
        }
        _ => Value::Text(field.to_owned()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn letters() {
        assert_eq!(column_letter(0), "A");
        assert_eq!(column_letter(25), "Z");
        assert_eq!(column_letter(26), "AA");
        assert_eq!(column_letter(701), "ZZ");
        assert_eq!(column_letter(702), "AAA");
    }

    #[test]
    fn stances_and_suggestions() {
        assert_eq!(stance(" Not Stated "), Ok(Stance::NotStated));
        assert_eq!(stance("DEMANDS"), Ok(Stance::Demands));
        let err = stance("demand").unwrap_err();
        assert!(err.contains("did you mean \"demands\""), "{err}");
        let err = stance("rejected").unwrap_err();
        assert!(err.contains("did you mean \"rejects\""), "{err}");
        let err = stance("banana split sundae").unwrap_err();
        assert!(!err.contains("did you mean"), "{err}");
    }

    #[test]
    fn numbers_priorities_dates() {
        assert_eq!(Value::Float(2025.0).text().unwrap(), "2025");
        assert_eq!(Value::Float(1.5).text().unwrap(), "1.5");
        assert_eq!(priority(&Value::Float(1.0)), Ok(1));
        assert_eq!(priority(&Value::Text("2".into())), Ok(2));
        assert!(priority(&Value::Float(1.5)).is_err());
        assert!(priority(&Value::Float(-1.0)).is_err());
        assert!(priority(&Value::Float(f64::NAN)).is_err());
        assert_eq!(date(&Value::Float(45810.0)).unwrap(), "2025-06-02");
        assert!(date(&Value::Float(-3.0)).is_err());
    }
}
