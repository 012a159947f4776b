//! From bytes or text to [`Sheet`]s: telling the kind of file by its content, measuring a zip
//! before calamine opens it, and reading cells within the caps of [`super::limits`].

use std::io::{Cursor, Read};

use calamine::{Data, DataRef, Reader};

use super::cells::{column_letter, normalize, shown, Row, Sheet, Value};
use super::limits::*;
use super::{Place, Problem};

/// What a file turned out to hold.
pub enum Content {
    Json(String),
    Sheets(Vec<Sheet>),
}

/// The sheets a story workbook has, in order, by their compared names.
pub const SHEETS: [&str; 5] = ["story", "sources", "sides", "issues", "positions"];

/// The sheet, read when a workbook has it, that carries the texts of the story's sources, so the
/// evidence check travels with the workbook.
pub const SOURCE_TEXTS: &str = "source texts";

enum Kind {
    Xlsx,
    Ods(Vec<u8>),
}

/// Reads one file of any kind `import` takes.
pub fn spreadsheet(file_name: &str, bytes: &[u8]) -> Result<Content, Vec<Problem>> {
    if bytes.len() > MAX_FILE_BYTES {
        return Err(vec![Problem::file(format!(
            "{file_name} is {} bytes; a workbook may be at most {MAX_FILE_BYTES} bytes (10 MiB)",
            bytes.len()
        ))]);
    }
    if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06") {
        return match zip_kind(file_name, bytes)? {
            Kind::Xlsx => xlsx(file_name, bytes).map(Content::Sheets),
            Kind::Ods(content) => {
                ods_repeats(file_name, &content)?;
                ods(file_name, bytes).map(Content::Sheets)
            }
        };
    }
    if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        return Err(vec![Problem::file(format!(
            "{file_name} is an old Excel (.xls) or other Office file: save it as .xlsx and import that"
        ))]);
    }
    let text = std::str::from_utf8(bytes).ok();
    let trimmed = text.map(|t| t.trim_start_matches('\u{feff}').trim_start());
    if let (Some(text), Some(true)) = (text, trimmed.map(|t| t.starts_with('{'))) {
        return Ok(Content::Json(
            text.trim_start_matches('\u{feff}').to_owned(),
        ));
    }
    let what = if bytes.starts_with(b"\x89PNG") {
        "a PNG image".to_owned()
    } else if bytes.starts_with(b"%PDF") {
        "a PDF".to_owned()
    } else if bytes.is_empty() {
        "empty".to_owned()
    } else if text.is_some() && file_name.to_ascii_lowercase().ends_with(".csv") {
        "one CSV file, and a CSV file holds one sheet: import the folder of CSV files (story.csv, sources.csv, sides.csv, issues.csv, positions.csv) instead".to_owned()
    } else if text.is_some() {
        "text, not a workbook (a folder of CSV files is imported as a folder, one file per sheet)"
            .to_owned()
    } else {
        "neither a workbook nor a story file".to_owned()
    };
    let advice = if what.ends_with("instead") {
        String::new()
    } else {
        ": import an .xlsx or .ods workbook, or a .json story file".to_owned()
    };
    Err(vec![Problem::file(format!(
        "{file_name} is {what}{advice}"
    ))])
}

/// Tells xlsx from ods (and from other zips), and unpacks every part to a sink to measure it:
/// the sizes a zip declares can lie, what comes out of the decompressor cannot.
fn zip_kind(file_name: &str, bytes: &[u8]) -> Result<Kind, Vec<Problem>> {
    let damaged = |err: &dyn std::fmt::Display| {
        vec![Problem::file(format!(
            "{file_name} is not a readable workbook: {err}"
        ))]
    };
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| damaged(&e))?;
    if archive.len() > MAX_ZIP_ENTRIES {
        return Err(damaged(&format!(
            "it has {} parts; a workbook may have at most {MAX_ZIP_ENTRIES}",
            archive.len()
        )));
    }
    let too_big = || {
        vec![Problem::file(format!(
            "{file_name} unpacks to more than {MAX_UNPACKED_BYTES} bytes (64 MiB); a workbook may unpack to at most that (is it a zip bomb?)"
        ))]
    };
    let (mut total, mut xlsx, mut xlsb, mut ods, mut content) = (0u64, false, false, false, None);
    for i in 0..archive.len() {
        let mut entry = archive.by_index(i).map_err(|e| damaged(&e))?;
        let name = entry.name().map(|n| n.into_owned()).unwrap_or_default();
        let left = MAX_UNPACKED_BYTES - total;
        if entry.size() > left {
            return Err(too_big());
        }
        let mut limited = (&mut entry).take(left + 1);
        let keep = name == "mimetype" || name == "content.xml";
        let read = if keep {
            let mut data = Vec::new();
            let read = limited.read_to_end(&mut data).map_err(|e| damaged(&e))?;
            if name == "mimetype" {
                ods = data.starts_with(b"application/vnd.oasis.opendocument.spreadsheet");
            } else if content.replace(data).is_some() {
                // Which copy calamine would read is not ours to guess.
                return Err(damaged(&"it holds content.xml twice"));
            }
            read as u64
        } else {
            std::io::copy(&mut limited, &mut std::io::sink()).map_err(|e| damaged(&e))?
        };
        total += read;
        if total > MAX_UNPACKED_BYTES {
            return Err(too_big());
        }
        xlsx |= name == "xl/workbook.xml";
        xlsb |= name == "xl/workbook.bin";
    }
    match (xlsx, xlsb, ods, content) {
        (true, ..) => Ok(Kind::Xlsx),
        (_, true, ..) => Err(vec![Problem::file(format!(
            "{file_name} is a binary Excel workbook (.xlsb): save it as .xlsx and import that"
        ))]),
        (_, _, true, Some(content)) => Ok(Kind::Ods(content)),
        _ => Err(vec![Problem::file(format!(
            "{file_name} is a zip file but not an .xlsx or .ods workbook"
        ))]),
    }
}

/// calamine expands an ods's repeat counts (`table:number-rows-repeated`) into a dense grid;
/// a few bytes can ask for a hundred million cells. This walks the tags and refuses a grid
/// larger than [`MAX_ODS_CELLS`] up to the last cell with content, before calamine sees it.
fn ods_repeats(file_name: &str, xml: &[u8]) -> Result<(), Vec<Problem>> {
    let (mut rows_before, mut row_repeat, mut column) = (0u64, 1u64, 0u64);
    let (mut last_row, mut width) = (0u64, 0u64);
    let mut at = 0;
    while let Some(open) = xml
        .get(at..)
        .and_then(|rest| rest.iter().position(|&b| b == b'<'))
    {
        let start = at + open + 1;
        let Some(close) = xml
            .get(start..)
            .and_then(|rest| rest.iter().position(|&b| b == b'>'))
        else {
            break;
        };
        let tag = xml.get(start..start + close).unwrap_or_default();
        at = start + close + 1;
        if is_tag(tag, b"table:table-row") {
            rows_before = rows_before.saturating_add(row_repeat);
            row_repeat = attribute(tag, b"table:number-rows-repeated").max(1);
            column = 0;
        } else if is_tag(tag, b"table:table-cell") || is_tag(tag, b"table:covered-table-cell") {
            let repeat = attribute(tag, b"table:number-columns-repeated").max(1);
            column = column.saturating_add(repeat);
            let empty = tag.ends_with(b"/") && !contains(tag, b"office:value-type");
            if !empty {
                width = width.max(column);
                last_row = last_row.max(rows_before.saturating_add(row_repeat));
            }
        } else if is_tag(tag, b"table:table") {
            (rows_before, row_repeat, column) = (0, 0, 0);
        }
        if last_row.saturating_mul(width) > MAX_ODS_CELLS {
            return Err(vec![Problem::file(format!(
                "{file_name}: a sheet repeats its cells to more than {MAX_ODS_CELLS} cells; a story sheet has at most {} rows of {MAX_COLUMNS} columns",
                MAX_ROWS - 1
            ))]);
        }
    }
    Ok(())
}

fn is_tag(tag: &[u8], name: &[u8]) -> bool {
    tag.starts_with(name)
        && matches!(
            tag.get(name.len()),
            None | Some(b' ' | b'\t' | b'\n' | b'\r' | b'/')
        )
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

/// A numeric attribute of a tag, 0 when absent or unreadable.
fn attribute(tag: &[u8], name: &[u8]) -> u64 {
    let Some(at) = tag.windows(name.len()).position(|w| w == name) else {
        return 0;
    };
    let rest = tag.get(at + name.len()..).unwrap_or_default();
    let digits: Vec<u8> = rest
        .iter()
        .skip_while(|&&b| b == b'=' || b == b'"' || b == b'\'' || b == b' ')
        .take_while(|b| b.is_ascii_digit())
        .copied()
        .collect();
    std::str::from_utf8(&digits)
        .ok()
        .and_then(|d| d.parse::<u64>().ok())
        .unwrap_or(u64::MAX)
}

/// Collects a sheet's cells within the caps; the problems it meets are located.
struct Collector {
    sheet: String,
    cells: Vec<(usize, usize, Value)>,
    problems: Vec<Problem>,
    stopped: bool,
}

impl Collector {
    fn new(sheet: &str) -> Collector {
        Collector {
            sheet: sheet.to_owned(),
            cells: Vec::new(),
            problems: Vec::new(),
            stopped: false,
        }
    }

    fn place(&self, row: usize, column: Option<usize>) -> Option<Place> {
        Some(Place {
            sheet: self.sheet.clone(),
            row: Some(row + 1),
            column: column.map(column_letter),
            header: None,
        })
    }

    /// Adds one cell; false once the sheet is over a cap (the rest is not read).
    fn add(&mut self, row: usize, column: usize, value: Value, text_budget: &mut usize) -> bool {
        if let Some(text) = value.stored_text() {
            if text.trim().is_empty() {
                return true;
            }
        }
        if row >= MAX_ROWS {
            self.problems.push(Problem {
                place: self.place(row, None),
                value: None,
                message: format!(
                    "the sheet goes on past row {MAX_ROWS}; a sheet may have at most {} rows of data",
                    MAX_ROWS - 1
                ),
            });
            self.stopped = true;
            return false;
        }
        if column >= MAX_COLUMNS {
            self.problems.push(Problem {
                place: self.place(row, Some(column)),
                value: Some(value.shown()),
                message: format!(
                    "a value in column {}; a sheet may use at most {MAX_COLUMNS} columns",
                    column_letter(column)
                ),
            });
            self.stopped = true;
            return false;
        }
        if self.cells.len() >= MAX_ROWS * MAX_COLUMNS {
            self.problems.push(Problem {
                place: self.place(row, Some(column)),
                value: None,
                message: format!(
                    "more than {} cells; a sheet may have at most that many",
                    MAX_ROWS * MAX_COLUMNS
                ),
            });
            self.stopped = true;
            return false;
        }
        if let Some(text) = value.stored_text() {
            let chars = text.chars().count();
            if chars > MAX_CELL_CHARS {
                self.problems.push(Problem {
                    place: self.place(row, Some(column)),
                    value: Some(shown(text)),
                    message: format!(
                        "the cell has {chars} characters; a cell may have at most {MAX_CELL_CHARS}"
                    ),
                });
                return true;
            }
            if chars > *text_budget {
                self.problems.push(Problem::file(format!(
                    "the workbook holds more than {MAX_TEXT_CHARS} characters of text; a story workbook may hold at most that"
                )));
                self.stopped = true;
                return false;
            }
            *text_budget -= chars;
        }
        self.cells.push((row, column, value));
        true
    }

    fn finish(mut self, problems: &mut Vec<Problem>) -> Sheet {
        problems.append(&mut self.problems);
        // Stable: a cell written twice keeps its first value.
        self.cells.sort_by_key(|(row, column, _)| (*row, *column));
        self.cells
            .dedup_by(|later, first| (later.0, later.1) == (first.0, first.1));
        let mut rows: Vec<Row> = Vec::new();
        for (row, column, value) in self.cells {
            match rows.last_mut() {
                Some(last) if last.number == row + 1 => last.cells.push((column, value)),
                _ => rows.push(Row {
                    number: row + 1,
                    cells: vec![(column, value)],
                }),
            }
        }
        Sheet {
            key: normalize(&self.sheet),
            name: self.sheet,
            rows,
        }
    }
}

fn wanted(name: &str) -> bool {
    let name = normalize(name);
    SHEETS.contains(&name.as_str()) || name == SOURCE_TEXTS
}

fn date_text(date: &calamine::ExcelDateTime) -> Value {
    if date.is_datetime() {
        let (y, m, d, h, min, s, _) = date.to_ymd_hms_milli();
        if (h, min, s) == (0, 0, 0) {
            Value::Date(format!("{y:04}-{m:02}-{d:02}"))
        } else {
            Value::Date(format!("{y:04}-{m:02}-{d:02} {h:02}:{min:02}:{s:02}"))
        }
    } else {
        Value::Float(date.as_f64())
    }
}

fn from_ref(data: &DataRef<'_>) -> Option<Value> {
    Some(match data {
        DataRef::Int(n) => Value::Int(*n),
        DataRef::Float(x) => Value::Float(*x),
        DataRef::String(s) => Value::Text(s.clone()),
        DataRef::SharedString(s) => Value::Text((*s).to_owned()),
        DataRef::Bool(b) => Value::Bool(*b),
        DataRef::DateTime(date) => date_text(date),
        DataRef::DateTimeIso(s) => Value::Date(s.replace('T', " ")),
        DataRef::DurationIso(s) => Value::Text(s.clone()),
        DataRef::Error(e) => Value::Error(e.to_string()),
        DataRef::Empty => return None,
    })
}

fn from_data(data: &Data) -> Option<Value> {
    Some(match data {
        Data::Int(n) => Value::Int(*n),
        Data::Float(x) => Value::Float(*x),
        Data::String(s) => Value::Text(s.clone()),
        Data::Bool(b) => Value::Bool(*b),
        Data::DateTime(date) => date_text(date),
        Data::DateTimeIso(s) => Value::Date(s.replace('T', " ")),
        Data::DurationIso(s) => Value::Text(s.clone()),
        Data::Error(e) => Value::Error(e.to_string()),
        Data::Empty => return None,
    })
}

fn unreadable(file_name: &str, err: &dyn std::fmt::Display) -> Vec<Problem> {
    vec![Problem::file(format!(
        "{file_name} could not be read as a workbook: {err}"
    ))]
}

/// Reads an xlsx cell by cell (calamine's streaming reader): a sheet whose few cells sit far
/// apart is never made into a dense grid.
fn xlsx(file_name: &str, bytes: &[u8]) -> Result<Vec<Sheet>, Vec<Problem>> {
    let mut workbook =
        calamine::Xlsx::new(Cursor::new(bytes)).map_err(|e| unreadable(file_name, &e))?;
    let (mut sheets, mut problems) = (Vec::new(), Vec::new());
    let mut budget = MAX_TEXT_CHARS;
    for name in workbook.sheet_names() {
        if !wanted(&name) {
            continue;
        }
        let mut reader = match workbook.worksheet_cells_reader(&name) {
            Ok(reader) => reader,
            Err(err) => {
                problems.push(sheet_problem(&name, &err));
                continue;
            }
        };
        let mut collector = Collector::new(&name);
        loop {
            match reader.next_cell() {
                Ok(Some(cell)) => {
                    let (row, column) = cell.get_position();
                    if let Some(value) = from_ref(cell.get_value()) {
                        if !collector.add(row as usize, column as usize, value, &mut budget) {
                            break;
                        }
                    }
                }
                Ok(None) => break,
                Err(err) => {
                    collector.problems.push(sheet_problem(&name, &err));
                    break;
                }
            }
        }
        sheets.push(collector.finish(&mut problems));
    }
    if problems.is_empty() {
        Ok(sheets)
    } else {
        Err(problems)
    }
}

fn sheet_problem(name: &str, err: &dyn std::fmt::Display) -> Problem {
    Problem {
        place: Some(Place {
            sheet: name.to_owned(),
            row: None,
            column: None,
            header: None,
        }),
        value: None,
        message: format!("the sheet could not be read: {err}"),
    }
}

fn ods(file_name: &str, bytes: &[u8]) -> Result<Vec<Sheet>, Vec<Problem>> {
    let mut workbook =
        calamine::Ods::new(Cursor::new(bytes)).map_err(|e| unreadable(file_name, &e))?;
    let (mut sheets, mut problems) = (Vec::new(), Vec::new());
    let mut budget = MAX_TEXT_CHARS;
    for name in workbook.sheet_names() {
        if !wanted(&name) {
            continue;
        }
        let range = match workbook.worksheet_range(&name) {
            Ok(range) => range,
            Err(err) => {
                problems.push(sheet_problem(&name, &err));
                continue;
            }
        };
        let (top, left) = range.start().unwrap_or((0, 0));
        let mut collector = Collector::new(&name);
        for (row, column, data) in range.used_cells() {
            if let Some(value) = from_data(data) {
                let (row, column) = (top as usize + row, left as usize + column);
                if !collector.add(row, column, value, &mut budget) {
                    break;
                }
            }
        }
        sheets.push(collector.finish(&mut problems));
    }
    if problems.is_empty() {
        Ok(sheets)
    } else {
        Err(problems)
    }
}

/// One CSV text as a sheet named `sheet`.
fn csv_sheet(
    sheet: &str,
    text: &str,
    delimiter: u8,
    budget: &mut usize,
    problems: &mut Vec<Problem>,
) -> Sheet {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(text.as_bytes());
    let mut collector = Collector::new(sheet);
    'records: for (row, record) in reader.records().enumerate() {
        match record {
            Ok(record) => {
                for (column, field) in record.iter().enumerate() {
                    // Rows pasted from a spreadsheet hold what it showed, never the apostrophe
                    // that our CSV export puts before a would-be formula.
                    let value = if delimiter == b',' {
                        super::cells::from_csv_text(field)
                    } else {
                        Value::Text(field.to_owned())
                    };
                    if !collector.add(row, column, value, budget) {
                        break 'records;
                    }
                }
            }
            Err(err) => {
                collector.problems.push(Problem {
                    place: collector.place(row, None),
                    value: None,
                    message: format!("the row could not be read: {err}"),
                });
                break;
            }
        }
    }
    collector.finish(problems)
}

/// The CSV files of a folder, one per sheet, named after it; other files are ignored.
pub fn csv_files(files: &[(String, String)]) -> Result<Vec<Sheet>, Vec<Problem>> {
    let (mut sheets, mut problems): (Vec<Sheet>, Vec<Problem>) = (Vec::new(), Vec::new());
    let total: usize = files.iter().map(|(_, text)| text.len()).sum();
    if total > MAX_FILE_BYTES {
        return Err(vec![Problem::file(format!(
            "the CSV files are {total} bytes together; a workbook may be at most {MAX_FILE_BYTES} bytes (10 MiB)"
        ))]);
    }
    let mut budget = MAX_TEXT_CHARS;
    for (file_name, text) in files {
        let base = file_name
            .rsplit(['/', '\\'])
            .next()
            .unwrap_or(file_name.as_str());
        let stem = base
            .len()
            .checked_sub(4)
            .and_then(|cut| Some((base.get(..cut)?, base.get(cut..)?)))
            .filter(|(_, ext)| ext.eq_ignore_ascii_case(".csv"))
            .map_or(base, |(stem, _)| stem);
        if !wanted(stem) {
            continue;
        }
        if sheets.iter().any(|s| s.key == normalize(stem)) {
            problems.push(Problem::file(format!(
                "{base}: a second file for the sheet \"{}\"",
                normalize(stem)
            )));
            continue;
        }
        let mut sheet = csv_sheet(base, text, b',', &mut budget, &mut problems);
        sheet.key = normalize(stem);
        sheets.push(sheet);
    }
    if problems.is_empty() {
        Ok(sheets)
    } else {
        Err(problems)
    }
}

/// Name of the sheet that pasted rows are reported against.
pub const PASTED: &str = "pasted rows";

/// Rows pasted from a spreadsheet: tab-separated, cells with line breaks in double quotes.
pub fn pasted(text: &str) -> Result<Sheet, Vec<Problem>> {
    if text.len() > MAX_FILE_BYTES {
        return Err(vec![Problem::file(format!(
            "the pasted text is {} bytes; at most {MAX_FILE_BYTES} bytes (10 MiB) can be pasted",
            text.len()
        ))]);
    }
    let (mut problems, mut budget) = (Vec::new(), MAX_TEXT_CHARS);
    let sheet = csv_sheet(PASTED, text, b'\t', &mut budget, &mut problems);
    if problems.is_empty() {
        Ok(sheet)
    } else {
        Err(problems)
    }
}
