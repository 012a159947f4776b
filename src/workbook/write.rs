//! A story written out as the workbook editors fill in: xlsx for spreadsheets, CSV for the rest.
//! What is written here is what `build` reads back, cell for cell (the round-trip tests pin it).

use rust_xlsxwriter::{DataValidation, DocProperties, ExcelDateTime, Format, Workbook, Worksheet};

use crate::model::check::SourceText;
use crate::model::{Role, Stance, Story};

/// One sheet as text cells: its name, headers, widths (in characters) and rows. A `None` cell is
/// left empty; a number is written as a number so spreadsheets treat it as one.
struct Grid {
    name: &'static str,
    headers: Vec<&'static str>,
    widths: Vec<f64>,
    rows: Vec<Vec<Cell>>,
}

enum Cell {
    Text(String),
    Number(u32),
    Empty,
}

fn text(value: &str) -> Cell {
    if value.is_empty() {
        Cell::Empty
    } else {
        Cell::Text(value.to_owned())
    }
}

fn join<'a>(lines: impl Iterator<Item = &'a str>) -> String {
    lines.collect::<Vec<_>>().join("\n")
}

fn grids(story: &Story, texts: &[SourceText]) -> Vec<Grid> {
    let mut grids = vec![
        Grid {
            name: "story",
            headers: vec!["field", "value"],
            widths: vec![14.0, 80.0],
            rows: vec![
                vec![text("title"), text(&story.title)],
                vec![text("standfirst"), text(&story.standfirst)],
                vec![text("date"), text(&story.as_of.date)],
                vec![text("place"), text(&story.as_of.place)],
                vec![text("language"), text(&story.lang)],
            ],
        },
        Grid {
            name: "sources",
            headers: vec!["id", "outlet", "title", "url", "date", "author", "excerpt"],
            widths: vec![14.0, 24.0, 50.0, 50.0, 12.0, 24.0, 9.0],
            rows: story
                .sources
                .iter()
                .map(|s| {
                    vec![
                        text(&s.id),
                        text(&s.outlet),
                        text(&s.title),
                        text(s.url.as_deref().unwrap_or_default()),
                        text(s.date.as_deref().unwrap_or_default()),
                        text(s.author.as_deref().unwrap_or_default()),
                        text(if s.excerpt { "yes" } else { "" }),
                    ]
                })
                .collect(),
        },
        Grid {
            name: "sides",
            headers: vec!["id", "name", "short", "view title", "members", "role"],
            widths: vec![14.0, 24.0, 14.0, 24.0, 50.0, 12.0],
            rows: story
                .sides
                .iter()
                .map(|s| {
                    vec![
                        text(&s.id),
                        text(&s.name),
                        text(&s.short),
                        text(s.view_title.as_deref().unwrap_or_default()),
                        text(&s.members.join("\n")),
                        text(s.role.id()),
                    ]
                })
                .collect(),
        },
        Grid {
            name: "issues",
            headers: vec!["id", "title", "explainer", "short title"],
            widths: vec![18.0, 40.0, 70.0, 24.0],
            rows: story
                .issues
                .iter()
                .map(|i| {
                    vec![
                        text(&i.id),
                        text(&i.title),
                        text(&i.explainer),
                        text(i.short.as_deref().unwrap_or_default()),
                    ]
                })
                .collect(),
        },
        Grid {
            name: "positions",
            headers: vec![
                "issue",
                "side",
                "stance",
                "priority",
                "summary",
                "quote",
                "speaker",
                "source",
                "evidence",
                "condition",
                "evidence sources",
            ],
            widths: vec![
                18.0, 12.0, 12.0, 9.0, 50.0, 40.0, 22.0, 12.0, 70.0, 40.0, 16.0,
            ],
            rows: story
                .positions
                .iter()
                .map(|p| {
                    vec![
                        text(&p.issue),
                        text(&p.side),
                        text(p.stance.id()),
                        p.priority.map_or(Cell::Empty, Cell::Number),
                        text(&p.summary),
                        text(p.quote.as_ref().map_or("", |q| q.text.as_str())),
                        text(p.quote.as_ref().map_or("", |q| q.speaker.as_str())),
                        text(&p.source),
                        text(&join(p.evidence.iter().map(|e| e.text.as_str()))),
                        text(&p.condition),
                        // Filled in only where a sentence is another source's: then one id per
                        // line of evidence, the row's own source included.
                        text(&if p.evidence.iter().any(|e| e.source.is_some()) {
                            join(p.evidence.iter().map(|e| e.source_in(p)))
                        } else {
                            String::new()
                        }),
                    ]
                })
                .collect(),
        },
    ];
    if !texts.is_empty() {
        grids.push(Grid {
            name: "source texts",
            headers: vec!["source", "text"],
            widths: vec![14.0, 100.0],
            rows: texts
                .iter()
                .flat_map(|t| text_rows(&t.text).map(|line| vec![text(&t.source_id), text(line)]))
                .collect(),
        });
    }
    grids
}

/// A source text as rows: a line on each, blank lines left out, and a line longer than a cell
/// holds (Excel: 32,767 characters) cut at a space. Reading joins the rows with line breaks,
/// which the evidence check counts as spaces.
fn text_rows(text: &str) -> impl Iterator<Item = &str> {
    const MOST: usize = 30_000;
    text.lines()
        .filter(|line| !line.trim().is_empty())
        .flat_map(|mut line| {
            let mut parts = Vec::new();
            while line.len() > MOST {
                let mut cut = MOST;
                while !line.is_char_boundary(cut) {
                    cut -= 1;
                }
                let cut = line[..cut].rfind(' ').filter(|&c| c > 0).unwrap_or(cut);
                parts.push(&line[..cut]);
                line = &line[cut..];
            }
            parts.push(line);
            parts
        })
}

/// Rows the stance list is offered on: the positions written, and room for more.
const VALIDATED_ROWS: u32 = 20_000;

pub fn xlsx(story: &Story, texts: &[SourceText]) -> Result<Vec<u8>, String> {
    write_xlsx(story, texts).map_err(|err| format!("the workbook could not be written: {err}"))
}

fn write_xlsx(story: &Story, texts: &[SourceText]) -> Result<Vec<u8>, rust_xlsxwriter::XlsxError> {
    let mut workbook = Workbook::new();
    // A fixed creation time: the same story gives the same bytes, so exported templates diff.
    let created = ExcelDateTime::from_ymd(2025, 1, 1)?;
    workbook.set_properties(
        &DocProperties::new()
            .set_title(&story.title)
            .set_creation_datetime(&created),
    );
    let bold = Format::new().set_bold();
    let wrap = Format::new()
        .set_text_wrap()
        .set_align(rust_xlsxwriter::FormatAlign::Top);
    let top = Format::new().set_align(rust_xlsxwriter::FormatAlign::Top);
    let read_me = Grid {
        name: "read me",
        headers: vec!["sheet", "column", "required", "what goes in it", "example"],
        widths: vec![14.0, 16.0, 9.0, 90.0, 50.0],
        rows: super::readme::rows()
            .into_iter()
            .map(|row| row.into_iter().map(|cell| text(&cell)).collect())
            .collect(),
    };
    for grid in std::iter::once(read_me).chain(grids(story, texts)) {
        let sheet: &mut Worksheet = workbook.add_worksheet();
        sheet.set_name(grid.name)?;
        for (c, (header, width)) in grid.headers.iter().zip(&grid.widths).enumerate() {
            let c = c as u16;
            sheet.write_string_with_format(0, c, *header, &bold)?;
            sheet.set_column_width(c, *width)?;
        }
        sheet.set_freeze_panes(1, 0)?;
        for (r, row) in grid.rows.iter().enumerate() {
            let r = r as u32 + 1;
            for (c, cell) in row.iter().enumerate() {
                let c = c as u16;
                let long = grid.widths.get(c as usize).is_some_and(|w| *w >= 40.0);
                let format = if long { &wrap } else { &top };
                match cell {
                    Cell::Text(value) => {
                        sheet.write_string_with_format(r, c, value, format)?;
                    }
                    Cell::Number(n) => {
                        sheet.write_number_with_format(r, c, f64::from(*n), format)?;
                    }
                    Cell::Empty => {}
                }
            }
        }
        if grid.name == "positions" {
            let words: Vec<&str> = Stance::ALL.iter().map(|s| s.id()).collect();
            let list = DataValidation::new()
                .allow_list_strings(&words)?
                .set_error_title("Not a stance")?
                .set_error_message(
                    "Choose one of: demands, supports, open, rejects, not_stated.",
                )?;
            sheet.add_data_validation(1, 2, VALIDATED_ROWS, 2, &list)?;
        }
        if grid.name == "sides" {
            let words: Vec<&str> = Role::ALL.iter().map(|r| r.id()).collect();
            let list = DataValidation::new()
                .allow_list_strings(&words)?
                .set_error_title("Not a role")?
                .set_error_message("Choose one of: party, mediator, host, observer.")?;
            sheet.add_data_validation(1, 5, 1_000, 5, &list)?;
        }
    }
    workbook.save_to_buffer()
}

pub fn csv(story: &Story, texts: &[SourceText]) -> Vec<(String, String)> {
    grids(story, texts)
        .into_iter()
        .map(|grid| {
            let mut writer = csv::Writer::from_writer(Vec::new());
            let mut rows: Vec<Vec<String>> =
                vec![grid.headers.iter().map(|h| (*h).to_owned()).collect()];
            rows.extend(grid.rows.iter().map(|row| {
                row.iter()
                    .map(|cell| match cell {
                        Cell::Text(value) => super::cells::to_csv_text(value),
                        Cell::Number(n) => n.to_string(),
                        Cell::Empty => String::new(),
                    })
                    .collect()
            }));
            for row in rows {
                // Writing to memory cannot fail.
                let _ = writer.write_record(&row);
            }
            let bytes = writer.into_inner().unwrap_or_default();
            (
                format!("{}.csv", grid.name.replace(' ', "_")),
                String::from_utf8(bytes).unwrap_or_default(),
            )
        })
        .collect()
}
