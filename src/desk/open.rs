//! What the desk does with what an editor opens: workbooks, CSV files, story files, a pasted
//! table, the example. Pure functions over bytes, so native tests cover them.

use crate::model::check::{self, EvidenceField};
use crate::model::Story;
use crate::workbook;

use super::state::{Problem, SourceText};

/// A file the editor opened: its name and its bytes, as read in the browser.
pub struct OpenedFile {
    pub name: String,
    pub bytes: Vec<u8>,
}

/// What opening files gave: the name downloads take, the story or every problem, and the texts of
/// its sources that a workbook carries.
pub struct Opening {
    pub stem: String,
    pub outcome: Result<Story, Vec<Problem>>,
    pub texts: Vec<SourceText>,
    /// Where a workbook's positions are, to place evidence problems at their cells.
    pub rows: Option<workbook::PositionRows>,
}

impl Opening {
    fn of(stem: String, result: Result<workbook::Imported, Vec<workbook::Problem>>) -> Opening {
        match result {
            Ok(imported) => Opening {
                stem,
                outcome: Ok(imported.story),
                rows: imported.rows,
                texts: imported
                    .texts
                    .into_iter()
                    .map(|t| SourceText {
                        source: t.source_id,
                        text: t.text,
                        address: String::new(),
                    })
                    .collect(),
            },
            Err(problems) => Opening::failed(stem, located(problems)),
        }
    }

    fn failed(stem: String, problems: Vec<Problem>) -> Opening {
        Opening {
            stem,
            outcome: Err(problems),
            texts: Vec::new(),
            rows: None,
        }
    }
}

/// Reads the files opened together: one workbook (`.xlsx`, `.ods`), one story file (`.json`),
/// or one CSV file per sheet.
pub fn open_files(files: &[OpenedFile]) -> Opening {
    let Some(first) = files.first() else {
        return Opening::failed(
            "story".into(),
            vec![Problem::whole_file("no file was opened")],
        );
    };
    let stem = stem_of(&first.name);
    let csv = |name: &str| extension(name) == "csv";
    if files.len() > 1 || csv(&first.name) {
        if let Some(other) = files.iter().find(|f| !csv(&f.name)) {
            return Opening::failed(
                stem,
                vec![Problem::whole_file(format!(
                    "{} is not a CSV file: open several files only as one CSV file per sheet (story.csv, sources.csv, sides.csv, issues.csv, positions.csv), or one workbook or story file alone",
                    other.name
                ))],
            );
        }
        let texts: Vec<(String, String)> = files
            .iter()
            .map(|f| {
                (
                    f.name.clone(),
                    String::from_utf8_lossy(&f.bytes).into_owned(),
                )
            })
            .collect();
        return Opening::of("story".into(), workbook::import_csv_with_texts(&texts));
    }
    if extension(&first.name) == "json" {
        return Opening {
            stem,
            outcome: open_story_json(&String::from_utf8_lossy(&first.bytes)),
            texts: Vec::new(),
            rows: None,
        };
    }
    Opening::of(stem, workbook::import_with_texts(&first.name, &first.bytes))
}

/// A story file's problems, each with its line and column and the cell it is about, root causes
/// first and what follows from them held back (`model::check`).
pub fn open_story_json(json: &str) -> Result<Story, Vec<Problem>> {
    let checked = check::check(json, &[]);
    let errors: Vec<Problem> = checked
        .diagnostics
        .iter()
        .filter(|d| d.is_error())
        .map(|d| {
            let mut place = match (d.line, d.column) {
                (Some(line), Some(column)) => format!("line {line}, column {column}"),
                _ => String::new(),
            };
            if let Some(cell) = &d.cell {
                if !place.is_empty() {
                    place.push_str(", ");
                }
                place.push_str(cell);
            }
            let message = if d.path.is_empty() {
                d.message.clone()
            } else {
                format!("{}: {}", d.path, d.message)
            };
            Problem {
                place,
                message,
                nearest: d.nearest.clone(),
            }
        })
        .collect();
    match checked.story {
        Some(story) if errors.is_empty() => Ok(story),
        _ if errors.is_empty() => Err(vec![Problem::whole_file("the story could not be read")]),
        _ => Err(errors),
    }
}

/// Positions pasted from a spreadsheet (tab-separated, a header row first) in place of the
/// story's own.
pub fn paste(story: &Story, text: &str) -> Result<Story, Vec<Problem>> {
    workbook::paste_positions(story, text).map_err(located)
}

/// The built-in Istanbul story, the desk's example.
pub fn example() -> Result<Story, Vec<Problem>> {
    open_story_json(crate::model::DEFAULT_STORY_JSON)
}

/// The text of the example's one source, so that opening the example shows the evidence check
/// at work, as a workbook carrying its source texts does.
pub fn example_texts() -> Vec<super::state::SourceText> {
    vec![super::state::SourceText {
        source: "report".into(),
        text: include_str!("../../static/stories/istanbul-2025-06-02.source.txt").into(),
        address: String::new(),
    }]
}

/// How much of `story`'s evidence these texts let the desk check.
pub fn coverage(story: &Story, sources: &[SourceText]) -> check::Coverage {
    check::coverage(story, &check_texts(sources))
}

fn check_texts(sources: &[SourceText]) -> Vec<check::SourceText> {
    sources
        .iter()
        .map(|s| check::SourceText {
            source_id: s.source.clone(),
            text: s.text.clone(),
        })
        .collect()
}

/// Evidence sentences and quotes of `story` that its sources' texts do not contain word for word,
/// each placed at its cell: by sheet, row and column when the story came from a workbook
/// (`rows`), else by side and issue ("kyiv / ceasefire, evidence 2").
pub fn evidence_problems(
    story: &Story,
    sources: &[SourceText],
    rows: Option<&workbook::PositionRows>,
) -> Vec<Problem> {
    check::check_evidence(story, &check_texts(sources))
        .into_iter()
        .map(|problem| {
            let cell = format!("{} / {}", problem.side, problem.issue);
            let row = rows.and_then(|rows| {
                let at = story
                    .positions
                    .iter()
                    .position(|p| p.side == problem.side && p.issue == problem.issue)?;
                Some((rows, *rows.rows.get(at)?))
            });
            let place = match (row, problem.field) {
                (Some((rows, row)), field) => {
                    let column = match field {
                        EvidenceField::Evidence(_) => &rows.evidence,
                        EvidenceField::Quote => &rows.quote,
                    };
                    let mut place = format!("{}, row {row}", rows.sheet);
                    if let Some((letter, header)) = column {
                        place.push_str(&format!(", column {letter} ({header})"));
                    }
                    if let EvidenceField::Evidence(i) = field {
                        place.push_str(&format!(", line {}", i + 1));
                    }
                    format!("{place} ({cell})")
                }
                (None, EvidenceField::Evidence(i)) => format!("{cell}, evidence {}", i + 1),
                (None, EvidenceField::Quote) => format!("{cell}, quote"),
            };
            Problem {
                place,
                message: format!("{}: \"{}\"", problem.message(), problem.text),
                nearest: problem.nearest,
            }
        })
        .collect()
}

/// Workbook problems in the order an editor goes through the workbook: sheet by sheet (in the
/// template's order), row by row.
fn located(mut problems: Vec<workbook::Problem>) -> Vec<Problem> {
    const SHEETS: [&str; 5] = ["story", "sources", "sides", "issues", "positions"];
    problems.sort_by_key(|problem| match &problem.place {
        Some(place) => (
            SHEETS
                .iter()
                .position(|sheet| place.sheet.eq_ignore_ascii_case(sheet))
                .unwrap_or(SHEETS.len()),
            place.row.unwrap_or(usize::MAX),
        ),
        None => (0, 0),
    });
    problems
        .into_iter()
        .map(|problem| {
            let place = problem
                .place
                .as_ref()
                .map(|place| {
                    let mut text = place.sheet.clone();
                    if let Some(row) = place.row {
                        text.push_str(&format!(", row {row}"));
                    }
                    match (&place.column, &place.header) {
                        (Some(column), Some(header)) => {
                            text.push_str(&format!(", column {column} ({header})"))
                        }
                        (Some(column), None) => text.push_str(&format!(", column {column}")),
                        (None, Some(header)) => text.push_str(&format!(", {header}")),
                        (None, None) => {}
                    }
                    text
                })
                .unwrap_or_default();
            let message = match &problem.value {
                Some(value) if !problem.message.contains(value.as_str()) => {
                    format!("{} (the cell holds \"{value}\")", problem.message)
                }
                _ => problem.message,
            };
            Problem {
                place,
                message,
                nearest: None,
            }
        })
        .collect()
}

fn extension(name: &str) -> String {
    name.rsplit_once('.')
        .map(|(_, ext)| ext.to_ascii_lowercase())
        .unwrap_or_default()
}

/// A file name without its folder and extension, kept to characters safe in any file name.
pub fn stem_of(name: &str) -> String {
    let base = name.rsplit(['/', '\\']).next().unwrap_or(name);
    let base = base.rsplit_once('.').map_or(base, |(stem, _)| stem);
    let safe: String = base
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '-'
            }
        })
        .collect();
    let safe = safe.trim_matches('-');
    if safe.is_empty() {
        "story".into()
    } else {
        safe.chars().take(80).collect()
    }
}
