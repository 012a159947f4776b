//! From sheets to a [`Story`]: headers matched to fields, cells converted, then the model's own
//! validation, whose field paths (`positions[12].side`) are traced back to the cell they came from.

use std::collections::BTreeSet;

use crate::model::check::SourceText;
use crate::model::{
    validate::validate, AsOf, Evidence, Issue, Position, Quote, Role, Side, Source, Stance, Story,
};

use super::cells::{self, column_letter, normalize, Row, Sheet, Value};
use super::read::{SHEETS, SOURCE_TEXTS};
use super::{Place, Problem};

/// A sheet's columns: the header as compared, and whether the sheet is unusable without it.
pub type Spec = &'static [(&'static str, bool)];

pub const SOURCES: Spec = &[
    ("id", true),
    ("outlet", true),
    ("title", true),
    ("url", false),
    ("date", false),
    ("author", false),
    ("excerpt", false),
];
pub const SIDES: Spec = &[
    ("id", true),
    ("name", true),
    ("short", true),
    ("view title", false),
    ("members", false),
    ("role", false),
];
pub const ISSUES: Spec = &[
    ("id", true),
    ("title", true),
    ("explainer", true),
    ("short title", false),
];
pub const POSITIONS: Spec = &[
    ("issue", true),
    ("side", true),
    ("stance", true),
    ("priority", false),
    ("summary", false),
    ("quote", false),
    ("speaker", false),
    ("source", true),
    ("evidence", false),
    ("condition", false),
    ("evidence sources", false),
];
pub const TEXTS: Spec = &[("source", true), ("text", true)];
/// The rows of the `story` sheet (column A the key, column B the value), and the story field
/// each one fills, as validation names it.
pub const STORY_KEYS: [(&str, &str); 5] = [
    ("title", "title"),
    ("standfirst", "standfirst"),
    ("date", "as_of.date"),
    ("place", "as_of.place"),
    ("language", "lang"),
];

/// Where one list's values came from, to place validation's messages.
#[derive(Default)]
struct Located {
    sheet: String,
    /// `(header as compared, column index, header as written)`.
    columns: Vec<(&'static str, usize, String)>,
    /// Row number of each item, in item order.
    rows: Vec<usize>,
}

/// Where a workbook's positions are: its positions sheet, the row of each position (in the
/// story's order), and the evidence and quote columns (letter, header as written), so what is
/// found wrong with a position later (its evidence against its source) is placed at its cell.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PositionRows {
    pub sheet: String,
    pub rows: Vec<usize>,
    pub evidence: Option<(String, String)>,
    pub quote: Option<(String, String)>,
}

/// A sheet with its headers read.
struct Table<'a> {
    sheet: &'a Sheet,
    /// Per data column: the spec header it fills, or `None` (unknown, reported once).
    columns: Vec<(usize, Option<&'static str>, String)>,
    /// Data rows (the header row excluded).
    rows: &'a [Row],
    usable: bool,
}

#[derive(Default)]
struct Builder {
    problems: Vec<Problem>,
    /// Paths whose validation messages would only repeat a problem already reported.
    quiet: BTreeSet<String>,
    lists: Vec<(&'static str, Located)>,
    /// Story keys: (validation path, key, sheet, row).
    keys: Vec<(&'static str, &'static str, String, usize)>,
}

fn place(sheet: &str, row: Option<usize>, column: Option<usize>, header: Option<&str>) -> Place {
    Place {
        sheet: sheet.to_owned(),
        row,
        column: column.map(column_letter),
        header: header.map(str::to_owned),
    }
}

impl Builder {
    fn at(&mut self, place: Place, value: Option<String>, message: String) {
        self.problems.push(Problem {
            place: Some(place),
            value,
            message,
        });
    }

    /// Reads the header row of `sheet` against `spec`.
    fn table<'a>(&mut self, sheet: &'a Sheet, spec: Spec) -> Table<'a> {
        let Some((header, rows)) = sheet.rows.split_first() else {
            self.at(
                place(&sheet.name, None, None, None),
                None,
                format!(
                    "the sheet is empty: its first row should name the columns {}",
                    names(spec)
                ),
            );
            return Table {
                sheet,
                columns: Vec::new(),
                rows: &[],
                usable: false,
            };
        };
        let mut columns: Vec<(usize, Option<&'static str>, String)> = Vec::new();
        for (column, value) in &header.cells {
            let here = |header: Option<&str>| {
                place(&sheet.name, Some(header_row(sheet)), Some(*column), header)
            };
            let written = match value.text() {
                Ok(text) => text,
                Err(message) => {
                    self.at(here(None), Some(value.shown()), message);
                    continue;
                }
            };
            let known = spec
                .iter()
                .map(|(name, _)| *name)
                .find(|name| *name == normalize(&written));
            match known {
                Some(name) if columns.iter().any(|(_, n, _)| *n == Some(name)) => {
                    let first = columns
                        .iter()
                        .find(|(_, n, _)| *n == Some(name))
                        .map(|(c, ..)| column_letter(*c))
                        .unwrap_or_default();
                    self.at(
                        here(Some(&written)),
                        Some(cells::shown(&written)),
                        format!(
                            "a second \"{name}\" column (the first is column {first}); remove one"
                        ),
                    );
                    columns.push((*column, None, written));
                }
                Some(name) => columns.push((*column, Some(name), written)),
                None => {
                    self.at(
                        here(Some(&written)),
                        Some(cells::shown(&written)),
                        format!(
                            "\"{}\" is not a column of this sheet; its columns are {}",
                            cells::shown(&written),
                            names(spec)
                        ),
                    );
                    columns.push((*column, None, written));
                }
            }
        }
        let mut usable = true;
        let header_problems = columns.iter().any(|(_, n, _)| n.is_none());
        for (name, required) in spec {
            let present = columns.iter().any(|(_, n, _)| n == &Some(*name));
            if !present && header_problems {
                // Most likely the column is there under a misspelt or doubled header: its
                // cells would all be reported empty; the header problem says it once.
                let field = match *name {
                    "view title" => "view_title",
                    "speaker" => "quote.speaker",
                    other => other,
                };
                self.quiet.insert(format!("{}[].{field}", sheet.key));
            }
            if *required && !present {
                usable = false;
                self.at(
                    place(&sheet.name, Some(header_row(sheet)), None, Some(name)),
                    None,
                    format!("the sheet has no \"{name}\" column; add it to the header row"),
                );
            }
        }
        let table = Table {
            sheet,
            columns,
            rows,
            usable,
        };
        for row in rows {
            for (column, value) in &row.cells {
                if !table.columns.iter().any(|(c, ..)| c == column) {
                    self.at(
                        place(&sheet.name, Some(row.number), Some(*column), None),
                        Some(value.shown()),
                        "a value in a column without a header: name the column or clear the cell"
                            .into(),
                    );
                }
            }
        }
        table
    }

    /// The raw cell of `row` under header `name`, with its place.
    fn cell<'a>(table: &Table<'a>, row: &'a Row, name: &str) -> (Option<&'a Value>, Place) {
        match table.columns.iter().find(|(_, n, _)| *n == Some(name)) {
            Some((column, _, written)) => (
                row.get(*column),
                place(
                    &table.sheet.name,
                    Some(row.number),
                    Some(*column),
                    Some(written),
                ),
            ),
            None => (
                None,
                place(&table.sheet.name, Some(row.number), None, Some(name)),
            ),
        }
    }

    /// The cell's text ("" when empty); a cell with no text is reported and `path` kept quiet.
    fn text(&mut self, table: &Table, row: &Row, name: &str, path: String) -> String {
        match Self::cell(table, row, name) {
            (None, _) => String::new(),
            (Some(value), at) => match value.text() {
                Ok(text) => text,
                Err(message) => {
                    self.at(at, Some(value.shown()), message);
                    self.quiet.insert(path);
                    String::new()
                }
            },
        }
    }

    /// A yes/no column: empty is no.
    fn flag(&mut self, table: &Table, row: &Row, name: &str, path: String) -> bool {
        let word = self.text(table, row, name, path);
        cells::flag(&word).unwrap_or_else(|message| {
            let (_, at) = Self::cell(table, row, name);
            self.at(at, Some(cells::shown(&word)), message);
            false
        })
    }

    /// The evidence cell's lines, each with its source from the same line of the `evidence
    /// sources` cell when that is filled in (a line naming the row's own source is that source's,
    /// as in a story file where the sentence is plain).
    fn evidence(
        &mut self,
        table: &Table,
        row: &Row,
        evidence: &str,
        source: &str,
        path: String,
    ) -> Vec<Evidence> {
        let sentences = cells::lines(evidence, false);
        let ids = self.text(table, row, "evidence sources", format!("{path}[].source"));
        let ids = cells::lines(&ids, false);
        if !ids.is_empty() && ids.len() != sentences.len() {
            let (value, at) = Self::cell(table, row, "evidence sources");
            self.at(
                at,
                value.map(|v| v.shown()),
                format!(
                    "{} source {} for {} {} of evidence: give one source id per line of the evidence cell, in the same order (or leave the cell empty when all are from the row's source)",
                    ids.len(),
                    if ids.len() == 1 { "id" } else { "ids" },
                    sentences.len(),
                    if sentences.len() == 1 { "line" } else { "lines" }
                ),
            );
        }
        let mut ids = ids.into_iter();
        sentences
            .into_iter()
            .map(|text| Evidence {
                text,
                source: ids.next().filter(|id| id != source),
            })
            .collect()
    }

    fn optional(&mut self, table: &Table, row: &Row, name: &str, path: String) -> Option<String> {
        Some(self.text(table, row, name, path)).filter(|text| !text.is_empty())
    }

    fn locate(&mut self, list: &'static str, table: &Table) {
        let located = Located {
            sheet: table.sheet.name.clone(),
            columns: table
                .columns
                .iter()
                .filter_map(|(c, n, w)| n.map(|n| (n, *c, w.clone())))
                .collect(),
            rows: table.rows.iter().map(|row| row.number).collect(),
        };
        self.lists.push((list, located));
    }

    /// Where the positions were read, once the positions sheet has been.
    fn position_rows(&self) -> Option<PositionRows> {
        let (_, located) = self.lists.iter().find(|(list, _)| *list == "positions")?;
        let column = |name: &str| {
            located
                .columns
                .iter()
                .find(|(n, ..)| *n == name)
                .map(|(_, c, written)| (column_letter(*c), written.clone()))
        };
        Some(PositionRows {
            sheet: located.sheet.clone(),
            rows: located.rows.clone(),
            evidence: column("evidence"),
            quote: column("quote"),
        })
    }

    fn sources(&mut self, table: &Table) -> Vec<Source> {
        self.locate("sources", table);
        let mut out = Vec::new();
        for (i, row) in table.rows.iter().enumerate() {
            let p = |f: &str| format!("sources[{i}].{f}");
            out.push(Source {
                id: self.text(table, row, "id", p("id")),
                outlet: self.text(table, row, "outlet", p("outlet")),
                title: self.text(table, row, "title", p("title")),
                url: self.optional(table, row, "url", p("url")),
                date: self.optional(table, row, "date", p("date")),
                author: self.optional(table, row, "author", p("author")),
                excerpt: self.flag(table, row, "excerpt", p("excerpt")),
            });
        }
        out
    }

    fn sides(&mut self, table: &Table) -> Vec<Side> {
        self.locate("sides", table);
        let mut out = Vec::new();
        for (i, row) in table.rows.iter().enumerate() {
            let p = |f: &str| format!("sides[{i}].{f}");
            let members = self.text(table, row, "members", p("members"));
            let word = self.text(table, row, "role", p("role"));
            let role = cells::role(&word).unwrap_or_else(|message| {
                let (_, at) = Self::cell(table, row, "role");
                self.at(at, Some(cells::shown(&word)), message);
                Role::Party
            });
            out.push(Side {
                id: self.text(table, row, "id", p("id")),
                name: self.text(table, row, "name", p("name")),
                short: self.text(table, row, "short", p("short")),
                view_title: self.optional(table, row, "view title", p("view_title")),
                members: cells::lines(&members, true),
                role,
            });
        }
        out
    }

    fn issues(&mut self, table: &Table) -> Vec<Issue> {
        self.locate("issues", table);
        let mut out = Vec::new();
        for (i, row) in table.rows.iter().enumerate() {
            let p = |f: &str| format!("issues[{i}].{f}");
            out.push(Issue {
                id: self.text(table, row, "id", p("id")),
                title: self.text(table, row, "title", p("title")),
                short: self.optional(table, row, "short title", p("short")),
                explainer: self.text(table, row, "explainer", p("explainer")),
            });
        }
        out
    }

    fn positions(&mut self, table: &Table) -> Vec<Position> {
        self.locate("positions", table);
        let mut out = Vec::new();
        for (i, row) in table.rows.iter().enumerate() {
            let p = |f: &str| format!("positions[{i}].{f}");
            let word = self.text(table, row, "stance", p("stance"));
            let stance = match cells::stance(&word) {
                Ok(stance) => stance,
                Err(message) => {
                    let (value, at) = Self::cell(table, row, "stance");
                    // An error cell has been reported by `text` already.
                    if value.is_none_or(|v| v.text().is_ok()) {
                        let message = if word.is_empty() {
                            "the stance is missing; the stances are demands, supports, open, rejects, not_stated".to_owned()
                        } else {
                            message
                        };
                        self.at(at, Some(cells::shown(&word)), message);
                    }
                    // The other fields' rules depend on the stance: say nothing about them.
                    for field in ["priority", "summary", "quote", "evidence", "condition"] {
                        self.quiet.insert(p(field));
                    }
                    Stance::NotStated
                }
            };
            let priority = match Self::cell(table, row, "priority") {
                (None, _) => None,
                (Some(value), at) => match cells::priority(value) {
                    Ok(rank) => Some(rank),
                    Err(message) => {
                        self.at(at, Some(value.shown()), message);
                        self.quiet.insert(p("priority"));
                        None
                    }
                },
            };
            let text = self.text(table, row, "quote", p("quote.text"));
            let speaker = self.text(table, row, "speaker", p("quote.speaker"));
            let evidence = self.text(table, row, "evidence", p("evidence"));
            let source = self.text(table, row, "source", p("source"));
            let evidence = self.evidence(table, row, &evidence, &source, p("evidence"));
            out.push(Position {
                issue: self.text(table, row, "issue", p("issue")),
                side: self.text(table, row, "side", p("side")),
                stance,
                priority,
                summary: self.text(table, row, "summary", p("summary")),
                condition: self.text(table, row, "condition", p("condition")),
                quote: (!text.is_empty() || !speaker.is_empty()).then_some(Quote { text, speaker }),
                source,
                evidence,
            });
        }
        out
    }

    /// The `story` sheet: one row per key, the key in column A and its value in column B; a
    /// first row reading `field`/`key` is a header row and skipped.
    fn story_sheet(&mut self, sheet: &Sheet) -> [String; 5] {
        let mut values: [Option<String>; 5] = Default::default();
        for row in &sheet.rows {
            let key_cell = row.get(0);
            let key = key_cell.and_then(|v| v.text().ok()).unwrap_or_default();
            let key = normalize(&key);
            if row.number == header_row(sheet) && (key == "field" || key == "key") {
                continue;
            }
            for (column, value) in &row.cells {
                if *column > 1 {
                    self.at(
                        place(&sheet.name, Some(row.number), Some(*column), None),
                        Some(value.shown()),
                        "the story sheet has a key in column A and its value in column B; nothing goes further right".into(),
                    );
                }
            }
            let Some(k) = STORY_KEYS
                .iter()
                .position(|(name, _)| *name == key || (key == "lang" && *name == "language"))
            else {
                let keys: Vec<&str> = STORY_KEYS.iter().map(|(name, _)| *name).collect();
                if key.is_empty() {
                    self.at(
                        place(&sheet.name, Some(row.number), Some(0), None),
                        None,
                        format!(
                            "a value without a key: write one of {} in column A",
                            keys.join(", ")
                        ),
                    );
                    continue;
                }
                self.at(
                    place(&sheet.name, Some(row.number), Some(0), None),
                    key_cell.map(Value::shown),
                    format!(
                        "\"{}\" is not a story key; the keys are {}",
                        key_cell.map(Value::shown).unwrap_or_default(),
                        keys.join(", ")
                    ),
                );
                continue;
            };
            let (name, path) = STORY_KEYS[k];
            if values[k].is_some() {
                self.at(
                    place(&sheet.name, Some(row.number), Some(0), None),
                    Some(name.to_owned()),
                    format!("a second \"{name}\" row; keep one"),
                );
                continue;
            }
            self.keys.push((path, name, sheet.name.clone(), row.number));
            let at = place(&sheet.name, Some(row.number), Some(1), Some(name));
            let value = match row.get(1) {
                None => Ok(String::new()),
                Some(value) if name == "date" => cells::date(value).map_err(|e| (value, e)),
                Some(value) => value.text().map_err(|e| (value, e)),
            };
            values[k] = Some(match value {
                Ok(text) => text,
                Err((value, message)) => {
                    self.at(at, Some(value.shown()), message);
                    self.quiet.insert(path.to_owned());
                    String::new()
                }
            });
        }
        let mut out: [String; 5] = Default::default();
        for (k, (name, path)) in STORY_KEYS.iter().enumerate() {
            match values[k].take() {
                Some(value) => out[k] = value,
                None if *name == "language" => out[k] = "en".to_owned(),
                None => {
                    self.at(
                        place(&sheet.name, None, None, None),
                        None,
                        format!("no \"{name}\" row: add one with the {name} in column B"),
                    );
                    self.quiet.insert((*path).to_owned());
                }
            }
        }
        out
    }

    /// Validation's problems, each placed at the cell its path came from.
    fn validated(mut self, story: Story) -> Result<Story, Vec<Problem>> {
        match validate(story) {
            Ok(story) if self.problems.is_empty() => Ok(story),
            Ok(_) => Err(self.problems),
            Err(errors) => {
                // One root cause, one message: the same problem in the same column of many rows
                // (a side the sides sheet lacks, on every row of it) is said once, its rows listed.
                let mut found: Vec<(Option<Place>, String, Vec<usize>)> = Vec::new();
                for error in errors.0 {
                    if self.is_quiet(&error.path) {
                        continue;
                    }
                    let place = self.place_of(&error.path);
                    let row = place.as_ref().and_then(|p| p.row);
                    let same = |(p, m, _): &&mut (Option<Place>, String, Vec<usize>)| {
                        *m == error.message
                            && row.is_some()
                            && p.as_ref().map(|p| (&p.sheet, &p.column))
                                == place.as_ref().map(|p| (&p.sheet, &p.column))
                    };
                    match (found.iter_mut().find(same), row) {
                        (Some((_, _, rows)), Some(row)) => rows.push(row),
                        _ => found.push((place, error.message, row.into_iter().collect())),
                    }
                }
                for (place, mut message, rows) in merge_gaps(found) {
                    if let Some(fix) = unknown_fix(&message) {
                        message = format!("{message}: {fix}");
                    }
                    if rows.len() > 1 {
                        message = format!(
                            "{message} (the same in {} rows: {})",
                            rows.len(),
                            rows_list(&rows)
                        );
                    }
                    self.problems.push(Problem {
                        place,
                        value: None,
                        message,
                    });
                }
                Err(self.problems)
            }
        }
    }

    /// Whether `path` is at or under a quiet path; `list[].field` stands for that field of
    /// every item. A set and a walk over the path's own prefixes, not a scan of the quiet list
    /// per message: a sheet of thousands of bad rows has thousands of both (found by fuzzing).
    fn is_quiet(&self, path: &str) -> bool {
        let generic = path.split_once('[').and_then(|(list, rest)| {
            let (_, field) = rest.split_once(']')?;
            Some(format!("{list}[]{field}"))
        });
        let quiet = [Some(path), generic.as_deref()]
            .into_iter()
            .flatten()
            .any(|p| {
                self.quiet.contains(p)
                    || p.char_indices().any(|(i, c)| {
                        (c == '.' || c == '[') && p.get(..i).is_some_and(|q| self.quiet.contains(q))
                    })
            });
        quiet
    }

    fn place_of(&self, path: &str) -> Option<Place> {
        let head_end = path.find(['.', '[']).unwrap_or(path.len());
        let head = &path[..head_end];
        if let Some((_, key, sheet, row)) = self.keys.iter().find(|(p, ..)| *p == path) {
            return Some(place(sheet, Some(*row), Some(1), Some(key)));
        }
        let Some((_, located)) = self.lists.iter().find(|(list, _)| *list == head) else {
            // A story key with no row, or a list with no sheet: the sheet it belongs on.
            let sheet = if SHEETS.contains(&head) {
                head
            } else {
                "story"
            };
            return Some(place(sheet, None, None, None));
        };
        let rest = &path[head_end..];
        let Some(index_end) = rest.strip_prefix('[').and_then(|r| r.find(']')) else {
            return Some(place(&located.sheet, None, None, None));
        };
        let row = rest
            .get(1..=index_end)
            .and_then(|i| i.parse::<usize>().ok())
            .and_then(|i| located.rows.get(i).copied());
        let field = rest.get(index_end + 2..).unwrap_or_default();
        let field = field.strip_prefix('.').unwrap_or(field);
        let header = match field.split(['.', '[']).next().unwrap_or_default() {
            "quote" if field == "quote.speaker" => "speaker",
            "evidence" if field.ends_with(".source") => "evidence sources",
            "short" if head == "issues" => "short title",
            "view_title" => "view title",
            other => other,
        };
        match located.columns.iter().find(|(n, ..)| *n == header) {
            Some((_, column, written)) => {
                Some(place(&located.sheet, row, Some(*column), Some(written)))
            }
            None if header.is_empty() => Some(place(&located.sheet, row, None, None)),
            None => Some(place(&located.sheet, row, None, Some(header))),
        }
    }
}

fn header_row(sheet: &Sheet) -> usize {
    sheet.rows.first().map_or(1, |row| row.number)
}

fn names(spec: Spec) -> String {
    spec.iter()
        .map(|(name, _)| format!("\"{name}\""))
        .collect::<Vec<_>>()
        .join(", ")
}

fn missing(builder: &mut Builder, name: &str) {
    builder.at(
        place(name, None, None, None),
        None,
        format!(
            "the workbook has no \"{name}\" sheet; a story workbook has the sheets {}",
            SHEETS.join(", ")
        ),
    );
}

/// Builds and validates a story from a workbook's sheets, with where each position came from.
pub fn story(sheets: &[Sheet]) -> Result<(Story, Option<PositionRows>), Vec<Problem>> {
    let mut b = Builder::default();
    for (i, sheet) in sheets.iter().enumerate() {
        if let Some(first) = sheets.iter().take(i).find(|s| s.key == sheet.key) {
            b.at(
                place(&sheet.name, None, None, None),
                None,
                format!(
                    "a second \"{}\" sheet (the first is \"{}\"); keep one",
                    sheet.key, first.name
                ),
            );
        }
    }
    let find = |key: &str| sheets.iter().find(|s| s.key == key);
    let keys = match find("story") {
        Some(sheet) => b.story_sheet(sheet),
        None => {
            missing(&mut b, "story");
            b.quiet
                .extend(STORY_KEYS.iter().map(|(_, p)| (*p).to_owned()));
            Default::default()
        }
    };
    let read = |b: &mut Builder, key: &'static str, spec: Spec| -> Option<Table<'_>> {
        match find(key) {
            Some(sheet) => {
                let table = b.table(sheet, spec);
                if !table.usable {
                    b.quiet.insert(key.to_owned());
                }
                Some(table)
            }
            None => {
                missing(b, key);
                b.quiet.insert(key.to_owned());
                None
            }
        }
    };
    let sources_t = read(&mut b, "sources", SOURCES);
    let sides_t = read(&mut b, "sides", SIDES);
    let issues_t = read(&mut b, "issues", ISSUES);
    let positions_t = read(&mut b, "positions", POSITIONS);
    let usable = |t: &Option<Table>| t.as_ref().is_some_and(|t| t.usable);
    if !usable(&sides_t) || !usable(&issues_t) {
        b.quiet.insert("positions".into());
    }
    if !usable(&sources_t) {
        b.quiet.insert("positions[].source".into());
    }
    let sources = sources_t
        .filter(|t| t.usable)
        .map(|t| b.sources(&t))
        .unwrap_or_default();
    let sides = sides_t
        .filter(|t| t.usable)
        .map(|t| b.sides(&t))
        .unwrap_or_default();
    let issues = issues_t
        .filter(|t| t.usable)
        .map(|t| b.issues(&t))
        .unwrap_or_default();
    let positions = positions_t
        .filter(|t| t.usable)
        .map(|t| b.positions(&t))
        .unwrap_or_default();
    let [title, standfirst, date, place, lang] = keys;
    let rows = b.position_rows();
    let story = Story {
        lang,
        title,
        standfirst,
        as_of: AsOf { date, place },
        sources,
        sides,
        issues,
        positions,
        // Workbooks carry the story as it stands; its earlier versions live in the story file
        // (`story publish`).
        history: Vec::new(),
    };
    b.validated(story).map(|story| (story, rows))
}

/// `story` with its positions replaced by the rows of `sheet` (pasted), validated as a whole.
pub fn with_positions(story: &Story, sheet: &Sheet) -> Result<Story, Vec<Problem>> {
    let mut b = Builder::default();
    let table = b.table(sheet, POSITIONS);
    if !table.usable {
        return Err(b.problems);
    }
    let positions = b.positions(&table);
    let mut story = story.clone();
    story.positions = positions;
    b.validated(story)
}

/// The texts of `story`'s sources that the workbook carries on its "source texts" sheet: a
/// source's id and a line of its text on each row, the lines of one source joined in row order.
/// None when the workbook has no such sheet.
pub fn source_texts(sheets: &[Sheet], story: &Story) -> Result<Vec<SourceText>, Vec<Problem>> {
    let Some(sheet) = sheets.iter().find(|s| s.key == SOURCE_TEXTS) else {
        return Ok(Vec::new());
    };
    let mut b = Builder::default();
    let table = b.table(sheet, TEXTS);
    let mut texts: Vec<SourceText> = Vec::new();
    let mut unknown: Vec<(String, Vec<usize>)> = Vec::new();
    for row in table.rows.iter().filter(|_| table.usable) {
        let source = b.text(&table, row, "source", String::new());
        let line = b.text(&table, row, "text", String::new());
        if source.is_empty() {
            let (_, at) = Builder::cell(&table, row, "source");
            b.at(at, None, "which source is this line of? Write the source's id (as on the sources sheet) in this column".into());
            continue;
        }
        if !story.sources.iter().any(|s| s.id == source) {
            match unknown.iter_mut().find(|(id, _)| *id == source) {
                Some((_, rows)) => rows.push(row.number),
                None => unknown.push((source, vec![row.number])),
            }
            continue;
        }
        match texts.iter_mut().find(|t| t.source_id == source) {
            Some(text) => {
                text.text.push('\n');
                text.text.push_str(&line);
            }
            None => texts.push(SourceText {
                source_id: source,
                text: line,
            }),
        }
    }
    // One message for each unknown id, however many lines carry it.
    let known = story
        .sources
        .iter()
        .map(|s| format!("\"{}\"", s.id))
        .collect::<Vec<_>>()
        .join(", ");
    for (id, rows) in unknown {
        let column = table
            .columns
            .iter()
            .find(|(_, n, _)| *n == Some("source"))
            .map(|(c, ..)| *c);
        let rows_said = match rows.as_slice() {
            [one] => format!("row {one}"),
            many => format!("rows {}", rows_list(many)),
        };
        b.at(
            place(&sheet.name, rows.first().copied(), column, Some("source")),
            Some(id.clone()),
            format!("\"{id}\" is not a source of the story ({rows_said}): write one of {known}, or add \"{id}\" to the sources sheet"),
        );
    }
    if b.problems.is_empty() {
        Ok(texts)
    } else {
        Err(b.problems)
    }
}

/// Row numbers for a message: "4-9, 12".
fn rows_list(rows: &[usize]) -> String {
    let mut spans: Vec<(usize, usize)> = Vec::new();
    for &row in rows {
        match spans.last_mut() {
            Some((_, end)) if *end + 1 == row => *end = row,
            _ => spans.push((row, row)),
        }
    }
    spans
        .iter()
        .map(|(a, b)| {
            if a == b {
                a.to_string()
            } else {
                format!("{a}-{b}")
            }
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// For an id no sheet defines, the two ways to fix it.
fn unknown_fix(message: &str) -> Option<String> {
    ["issue", "side", "source"].iter().find_map(|kind| {
        let rest = message.strip_prefix(&format!("unknown {kind} \""))?;
        let id = rest.split('"').next()?;
        Some(if id.is_empty() {
            format!("fill in the {kind}'s id")
        } else {
            format!("correct the cell, or add \"{id}\" to the {kind}s sheet")
        })
    })
}

/// A side with no position on many issues (a side whose rows all name it wrongly) is said once,
/// with the issues listed.
fn merge_gaps(
    found: Vec<(Option<Place>, String, Vec<usize>)>,
) -> Vec<(Option<Place>, String, Vec<usize>)> {
    let gap = |message: &str| -> Option<(String, String, String)> {
        let rest = message.strip_prefix("no position for side \"")?;
        let (side, rest) = rest.split_once("\" on issue \"")?;
        let (issue, fix) = rest.split_once("\": ")?;
        Some((side.to_owned(), issue.to_owned(), fix.to_owned()))
    };
    let mut out: Vec<(Option<Place>, String, Vec<usize>)> = Vec::new();
    let mut sides: Vec<(usize, String, Vec<String>, String)> = Vec::new();
    for (place, message, rows) in found {
        match gap(&message) {
            Some((side, issue, fix)) => match sides.iter_mut().find(|(_, s, ..)| *s == side) {
                Some((_, _, issues, _)) => issues.push(issue),
                None => {
                    sides.push((out.len(), side, vec![issue], fix));
                    out.push((place, message, rows));
                }
            },
            None => out.push((place, message, rows)),
        }
    }
    for (at, side, issues, fix) in sides {
        if issues.len() > 1 {
            let listed = issues
                .iter()
                .map(|i| format!("\"{i}\""))
                .collect::<Vec<_>>()
                .join(", ");
            out[at].1 = format!(
                "no position for side \"{side}\" on {} issues ({listed}): {fix}",
                issues.len()
            );
        }
    }
    out
}
