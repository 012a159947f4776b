//! The checks editors get beyond the reader's: every problem placed at a line and column and
//! named by its cell, follow-on problems held back behind their root cause, curly quotes named
//! as such, and evidence compared word for word with the text of its source.
//!
//! Built on [`parse_story`] and its messages (which the reader shows and `tests/native/model.rs` pins)
//! rather than inside it, and only with the `editor` feature: the reader's WebAssembly is at its
//! size budget, and even unused, this module changed how its shared helpers were inlined (38
//! bytes); without the feature the reader's build is byte for byte what it was. Pure Rust, no
//! files: `story check` reads the files, the desk passes pasted text.
//!
//! Here: the types and the two entry points, and placing diagnostics in the text. `roots`
//! groups the reader's errors under their causes, `quotes` explains JSON errors made by word
//! processors, `evidence` compares evidence with the source.

use std::collections::HashMap;
use std::fmt;

use serde_json::Value;

use super::json_path;
use super::story::Story;
use super::validate::parse_story;

mod evidence;
mod quotes;
mod roots;

pub use evidence::{
    check_evidence, coverage, normalise, unchecked_sources, Coverage, EvidenceField,
    EvidenceProblem,
};

/// Whether a [`Diagnostic`] makes the check fail.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Severity {
    /// Something to fix before publishing.
    Error,
    /// Worth knowing, not wrong: evidence that could not be checked, for example.
    Note,
}

/// One problem (or note) about a story file, placed and named for an editor.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    pub severity: Severity,
    /// The field, as the reader names it (`positions[12].quote.text`); empty for the whole file.
    pub path: String,
    /// 1-based line of the value in the JSON text, where the text has it.
    pub line: Option<usize>,
    /// 1-based column in characters (not bytes), as editors count them.
    pub column: Option<usize>,
    /// The cell or entry the field belongs to: `kyiv / ceasefire` (side / issue) for a position,
    /// `side kyiv`, `issue nato`, `source report` for the lists.
    pub cell: Option<String>,
    pub message: String,
    /// For evidence or a quote not found in the source: the source's most similar sentence.
    pub nearest: Option<String>,
    /// How many follow-on problems this one explains and which are not listed separately.
    pub held_back: usize,
    /// Those follow-on problems, for a view that lets an editor unfold them.
    pub follow_ons: Vec<Diagnostic>,
}

impl Diagnostic {
    pub(super) fn new(severity: Severity, path: String, message: String) -> Diagnostic {
        Diagnostic {
            severity,
            path,
            line: None,
            column: None,
            cell: None,
            message,
            nearest: None,
            held_back: 0,
            follow_ons: Vec::new(),
        }
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

impl fmt::Display for Diagnostic {
    /// `LINE:COLUMN: PATH (CELL): MESSAGE`, the parts that are known; a note starts `note: `.
    /// Evidence problems add an indented second line with the source's nearest sentence.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let (Some(line), Some(column)) = (self.line, self.column) {
            write!(f, "{line}:{column}: ")?;
        }
        if self.severity == Severity::Note {
            f.write_str("note: ")?;
        }
        match (self.path.is_empty(), &self.cell) {
            (false, Some(cell)) => write!(f, "{} ({cell}): ", self.path)?,
            (false, None) => write!(f, "{}: ", self.path)?,
            (true, Some(cell)) => write!(f, "{cell}: ")?,
            (true, None) => {}
        }
        f.write_str(&self.message)?;
        if let Some(nearest) = &self.nearest {
            write!(f, "\n    nearest in the source: {nearest}")?;
        }
        Ok(())
    }
}

/// The text of one of a story's sources (from a file beside the story, or pasted in the desk).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SourceText {
    /// The `id` of the entry in the story's `sources`.
    pub source_id: String,
    pub text: String,
}

/// The outcome of [`check`]: the story if it is valid and its evidence is in its sources, and
/// every problem and note, errors first in file order.
#[derive(Clone, Debug, PartialEq)]
pub struct Checked {
    pub story: Option<Story>,
    pub diagnostics: Vec<Diagnostic>,
}

/// Checks a story file: the reader's checks, then its evidence and quotes against the texts of
/// its sources. Errors come with line, column and cell, root causes first with their follow-ons
/// held back; positions whose source has no text are not checked (a note says so).
pub fn check(json: &str, sources: &[SourceText]) -> Checked {
    match parse_story(json) {
        Ok(story) => {
            let mut diagnostics = evidence_diagnostics(json, &story, sources);
            let failed = !diagnostics.is_empty();
            diagnostics.extend(unchecked_sources(&story, sources).into_iter().map(|id| {
                Diagnostic::new(
                    Severity::Note,
                    String::new(),
                    format!("evidence not checked: no text for source `{id}`"),
                )
            }));
            Checked {
                story: (!failed).then_some(story),
                diagnostics,
            }
        }
        Err(errors) => Checked {
            story: None,
            diagnostics: roots::story_diagnostics(json, errors.0),
        },
    }
}

/// [`check`] as a `Result`: the story, or every diagnostic (notes included) when anything is
/// wrong.
pub fn check_story(json: &str, sources: &[SourceText]) -> Result<Story, Vec<Diagnostic>> {
    let checked = check(json, sources);
    match checked.story {
        Some(story) => Ok(story),
        None => Err(checked.diagnostics),
    }
}

/// Evidence problems of a valid story as diagnostics, placed in the JSON text. The story's
/// positions are sorted; the file's are not, so paths are found by cell in the file's list.
fn evidence_diagnostics(json: &str, story: &Story, sources: &[SourceText]) -> Vec<Diagnostic> {
    let raw: Option<Value> = serde_json::from_str(json).ok();
    // Each cell's index in the file (a valid story has one position per cell).
    let mut listed: HashMap<(&str, &str), usize> = HashMap::new();
    let positions = raw
        .as_ref()
        .and_then(|raw| raw.get("positions")?.as_array());
    for (i, p) in positions.into_iter().flatten().enumerate() {
        if let (Some(side), Some(issue)) = (text_at(p, "side"), text_at(p, "issue")) {
            listed.entry((side, issue)).or_insert(i);
        }
    }
    let mut diagnostics: Vec<Diagnostic> = check_evidence(story, sources)
        .into_iter()
        .map(|problem| {
            let cell = (problem.side.as_str(), problem.issue.as_str());
            let index = listed.get(&cell).copied().unwrap_or(0);
            let path = match problem.field {
                EvidenceField::Evidence(e) => format!("positions[{index}].evidence[{e}]"),
                EvidenceField::Quote => format!("positions[{index}].quote.text"),
            };
            let mut diagnostic = Diagnostic::new(Severity::Error, path, problem.message());
            diagnostic.cell = Some(format!("{} / {}", problem.side, problem.issue));
            diagnostic.nearest = problem.nearest;
            diagnostic
        })
        .collect();
    // Earlier versions rest on their sources as much as the story does (docs/live-stories.md); their positions keep the file's order.
    for (v, version) in story.history.iter().enumerate() {
        let then = Story {
            positions: version.positions.clone(),
            history: Vec::new(),
            ..story.clone()
        };
        for problem in check_evidence(&then, sources) {
            let index = version
                .positions
                .iter()
                .position(|p| p.issue == problem.issue && p.side == problem.side)
                .unwrap_or(0);
            let at = format!("history[{v}].positions[{index}]");
            let path = match problem.field {
                EvidenceField::Evidence(e) => format!("{at}.evidence[{e}]"),
                EvidenceField::Quote => format!("{at}.quote.text"),
            };
            let mut diagnostic = Diagnostic::new(Severity::Error, path, problem.message());
            diagnostic.cell = Some(format!(
                "{} / {} as of {}",
                problem.side, problem.issue, version.as_of.date
            ));
            diagnostic.nearest = problem.nearest;
            diagnostics.push(diagnostic);
        }
    }
    place(json, &mut diagnostics);
    diagnostics.sort_by_key(|d| (d.line, d.column));
    diagnostics
}

pub(super) fn text_at<'a>(value: &'a Value, key: &str) -> Option<&'a str> {
    value.get(key)?.as_str()
}

/// Sets line and column of every diagnostic (and follow-on) from its path, in one pass. A field
/// the file leaves out (an empty `summary` may be absent) is placed at the object that lacks it.
pub(super) fn place(json: &str, diagnostics: &mut [Diagnostic]) {
    /// Each diagnostic's path and its ancestors, nearest first, in the order `set` walks them.
    fn chains(list: &[Diagnostic], out: &mut Vec<Vec<String>>) {
        for d in list {
            let mut path = d.path.as_str();
            let mut chain = vec![path.to_owned()];
            while let Some(cut) = path.rfind(['.', '[']).filter(|&cut| cut > 0) {
                path = &path[..cut];
                chain.push(path.to_owned());
            }
            out.push(chain);
            chains(&d.follow_ons, out);
        }
    }
    fn set(list: &mut [Diagnostic], places: &mut impl Iterator<Item = Option<(usize, usize)>>) {
        for d in list {
            if let (Some(Some((line, column))), None) = (places.next(), d.line) {
                (d.line, d.column) = (Some(line), Some(column));
            }
            set(&mut d.follow_ons, places);
        }
    }
    let mut all = Vec::new();
    chains(diagnostics, &mut all);
    let wanted: Vec<&str> = all.iter().flatten().map(String::as_str).collect();
    let mut found = json_path::places(json, &wanted).into_iter();
    let firsts: Vec<Option<(usize, usize)>> = all
        .iter()
        .map(|chain| {
            // Take the whole chain, so the next diagnostic starts at its own.
            let places: Vec<_> = found.by_ref().take(chain.len()).collect();
            places.into_iter().flatten().next()
        })
        .collect();
    set(diagnostics, &mut firsts.into_iter());
}
