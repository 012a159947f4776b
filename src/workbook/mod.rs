//! The story workbook: a story as a spreadsheet editors own (xlsx, ods, a folder of CSV files, or
//! rows pasted from a sheet), read into a [`Story`] with every problem located by sheet, row and
//! column, and written back out (docs/workbook.md).
//!
//! Free of Yew and of the browser, and of the filesystem: it takes bytes and text and gives bytes
//! and text, so the native CLI (`story import`, `story export`) and the desk's WebAssembly share
//! it. Nothing here panics on any input; every size it reads is capped first ([`limits`]).

use std::fmt;

use crate::model::check::SourceText;
use crate::model::Story;

mod build;
mod cells;
pub mod limits;
mod read;
pub mod readme;
mod write;

/// Where a problem is: a sheet, and where known the row (1-based, as the spreadsheet shows it)
/// and the column (its letter and its header).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Place {
    /// The sheet's name as the workbook writes it (or the CSV file's name).
    pub sheet: String,
    pub row: Option<usize>,
    /// Column letter, "C".
    pub column: Option<String>,
    /// The column's header, "stance".
    pub header: Option<String>,
}

/// One thing wrong with a workbook.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// `None` for the whole file (not a spreadsheet, too large); the message then names the file.
    pub place: Option<Place>,
    /// The offending cell's value, as read.
    pub value: Option<String>,
    pub message: String,
}

impl Problem {
    pub(crate) fn file(message: impl Into<String>) -> Problem {
        Problem {
            place: None,
            value: None,
            message: message.into(),
        }
    }
}

impl fmt::Display for Place {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.sheet)?;
        if let Some(row) = self.row {
            write!(f, ", row {row}")?;
        }
        match (&self.column, &self.header) {
            (Some(column), Some(header)) => write!(f, ", column {column} ({header})"),
            (Some(column), None) => write!(f, ", column {column}"),
            (None, Some(header)) => write!(f, ", column {header}"),
            (None, None) => Ok(()),
        }
    }
}

impl fmt::Display for Problem {
    /// `positions, row 12, column C (stance): "demand" is not a stance; did you mean "demands"?`
    /// The message names the value itself where it matters; the value is not repeated.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(place) = &self.place {
            write!(f, "{place}: ")?;
        }
        f.write_str(&self.message)
    }
}

/// Reads a story from one file: an `.xlsx` workbook (Excel, or what Google Sheets downloads), an
/// `.ods` workbook (LibreOffice), or a `.json` story file. The kind is told by the content, not by
/// `file_name`, which only words the messages. A single `.csv` holds one sheet and cannot make a
/// story: give the folder's files to [`import_csv`]. Old `.xls` and `.xlsb` are refused with a
/// message to save as `.xlsx`.
pub fn import(file_name: &str, bytes: &[u8]) -> Result<Story, Vec<Problem>> {
    import_with_texts(file_name, bytes).map(|imported| imported.story)
}

/// A story read from a workbook, and the texts of its sources that the workbook carries on its
/// "source texts" sheet (none for a story file or a workbook without that sheet).
#[derive(Clone, Debug, PartialEq)]
pub struct Imported {
    pub story: Story,
    pub texts: Vec<SourceText>,
    /// Where each position was read (not for a story file).
    pub rows: Option<PositionRows>,
}

pub use build::PositionRows;

/// [`import`], with the source texts the workbook carries. A source text naming a source the
/// story does not have is a problem, placed on its sheet.
pub fn import_with_texts(file_name: &str, bytes: &[u8]) -> Result<Imported, Vec<Problem>> {
    let sheets = read::spreadsheet(file_name, bytes)?;
    match sheets {
        read::Content::Json(text) => crate::model::parse_story(&text)
            .map(|story| Imported {
                story,
                texts: Vec::new(),
                rows: None,
            })
            .map_err(|errors| {
                errors
                    .0
                    .into_iter()
                    .map(|error| Problem::file(format!("{file_name}: {error}")))
                    .collect()
            }),
        read::Content::Sheets(sheets) => with_texts(&sheets),
    }
}

fn with_texts(sheets: &[cells::Sheet]) -> Result<Imported, Vec<Problem>> {
    let (story, rows) = build::story(sheets)?;
    let texts = build::source_texts(sheets, &story)?;
    Ok(Imported { story, texts, rows })
}

/// Reads a story from one CSV file per sheet, each named after its sheet (`story.csv`,
/// `sources.csv`, `sides.csv`, `issues.csv`, `positions.csv`; case and spaces ignored), as UTF-8
/// text (a byte-order mark is allowed). Row numbers in messages count records, as a spreadsheet
/// shows them, not lines (a quoted cell may span lines).
pub fn import_csv(files: &[(String, String)]) -> Result<Story, Vec<Problem>> {
    import_csv_with_texts(files).map(|imported| imported.story)
}

/// [`import_csv`], with the source texts of a `source_texts.csv` among the files.
pub fn import_csv_with_texts(files: &[(String, String)]) -> Result<Imported, Vec<Problem>> {
    with_texts(&read::csv_files(files)?)
}

/// Replaces the positions of `story` with rows pasted from a spreadsheet: tab-separated, the
/// first row the headers of the `positions` sheet. The rest of the story is kept; the result is
/// validated as a whole, and problems name the pasted rows (row 1 is the header row).
pub fn paste_positions(story: &Story, text: &str) -> Result<Story, Vec<Problem>> {
    let sheet = read::pasted(text)?;
    build::with_positions(story, &sheet)
}

/// The story as an `.xlsx` workbook in the shape [`import`] reads, after a "read me" sheet that
/// explains every sheet and column ([`readme`]), which import skips: bold, frozen header rows,
/// wrapped long text, a list of the five stances on the stance column. The same story gives the
/// same bytes (the creation time is fixed). Fails only if the writer does (a cell over Excel's
/// 32,767 characters).
pub fn export_xlsx(story: &Story) -> Result<Vec<u8>, String> {
    write::xlsx(story, &[])
}

/// [`export_xlsx`], with a "source texts" sheet carrying `texts` (a line of a source's text on each
/// row), which [`import_with_texts`] reads back; the story's sheets are the same.
pub fn export_xlsx_with_texts(story: &Story, texts: &[SourceText]) -> Result<Vec<u8>, String> {
    write::xlsx(story, texts)
}

/// The workbook an editor starts a story from: the "read me" sheet, then every sheet of a story
/// with its headers, drop-downs and no rows (no news: `story` lists its keys, language `en`).
pub fn template_xlsx() -> Result<Vec<u8>, String> {
    write::xlsx(&Story::empty(), &[])
}

/// The story as one CSV file per sheet, `(file name, text)`, in the shape [`import_csv`] reads.
pub fn export_csv(story: &Story) -> Vec<(String, String)> {
    write::csv(story, &[])
}

/// [`export_csv`], with a `source_texts.csv` carrying `texts` when there are any.
pub fn export_csv_with_texts(story: &Story, texts: &[SourceText]) -> Vec<(String, String)> {
    write::csv(story, texts)
}
