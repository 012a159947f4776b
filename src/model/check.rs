//! The checks editors get beyond the reader's: every problem placed at a line and column and
//! named by its cell, follow-on problems held back behind their root cause, curly quotes named
//! as such, and evidence compared word for word with the text of its source.
//!
//! Built on [`parse_story`] and its messages (which the reader shows and `tests/model.rs` pins)
//! rather than inside it, and only with the `editor` feature: the reader's WebAssembly is at its
//! size budget, and even unused, this module changed how its shared helpers were inlined (38
//! bytes); without the feature the reader's build is byte for byte what it was. Pure Rust, no
//! files: `story check` reads the files, the desk passes pasted text.

use std::collections::HashMap;
use std::fmt;

use serde_json::Value;

use super::json_path;
use super::story::Story;
use super::validate::{parse_story, StoryError};

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
    fn new(severity: Severity, path: String, message: String) -> Diagnostic {
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
            diagnostics: story_diagnostics(json, errors.0),
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

/// Which of a position's texts an [`EvidenceProblem`] is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EvidenceField {
    /// `evidence[n]`.
    Evidence(usize),
    /// `quote.text`.
    Quote,
}

/// Evidence or a quote that is not in its source word for word.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EvidenceProblem {
    pub issue: String,
    pub side: String,
    pub source: String,
    pub field: EvidenceField,
    /// The evidence sentence or quote as the story has it.
    pub text: String,
    /// The source's sentence most like it, to compare with.
    pub nearest: Option<String>,
    /// Where it departs from that sentence, when that is a few words: `the source has "only
    /// let" where this has "let"`.
    pub difference: Option<String>,
}

impl EvidenceProblem {
    /// The problem in a sentence, without place or cell.
    pub fn message(&self) -> String {
        let what = match self.field {
            EvidenceField::Evidence(_) => "this evidence",
            EvidenceField::Quote => "the quote",
        };
        let mut message = format!(
            "{what} is not in the text of source `{}` word for word",
            self.source
        );
        if let Some(difference) = &self.difference {
            message.push_str(": ");
            message.push_str(difference);
        }
        message
    }
}

/// Compares every evidence sentence and quote of `story` with the text of its source, for
/// stories that did not come from JSON (a workbook) as well as those that did. Quotes, dashes
/// and spacing may differ (“ ” and ", – — and -, runs of spaces and line breaks); letters, case
/// and punctuation may not. Positions whose source has no text here are skipped (see
/// [`unchecked_sources`]). Problems come in the story's position order.
pub fn check_evidence(story: &Story, sources: &[SourceText]) -> Vec<EvidenceProblem> {
    let prepared: Vec<Prepared> = sources.iter().map(Prepared::new).collect();
    let mut problems = Vec::new();
    for position in &story.positions {
        let Some(source) = prepared.iter().find(|p| p.id == position.source) else {
            continue;
        };
        let mut problem = |field: EvidenceField, text: &str| {
            if !source.text.contains(&normalise(text)) {
                let nearest = source.nearest(text, field == EvidenceField::Quote);
                problems.push(EvidenceProblem {
                    issue: position.issue.clone(),
                    side: position.side.clone(),
                    source: position.source.clone(),
                    field,
                    text: text.to_owned(),
                    difference: nearest.as_deref().and_then(|n| difference(text, n)),
                    nearest,
                });
            }
        };
        for (e, sentence) in position.evidence.iter().enumerate() {
            problem(EvidenceField::Evidence(e), sentence);
        }
        if let Some(quote) = &position.quote {
            problem(EvidenceField::Quote, &quote.text);
        }
    }
    problems
}

/// Ids of the story's sources that positions with evidence or a quote rest on but that have no
/// text in `sources`, in the order of the story's `sources`.
pub fn unchecked_sources(story: &Story, sources: &[SourceText]) -> Vec<String> {
    story
        .sources
        .iter()
        .filter(|source| !sources.iter().any(|s| s.source_id == source.id))
        .filter(|source| {
            story
                .positions
                .iter()
                .any(|p| p.source == source.id && (!p.evidence.is_empty() || p.quote.is_some()))
        })
        .map(|source| source.id.clone())
        .collect()
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
    place(json, &mut diagnostics);
    diagnostics.sort_by_key(|d| (d.line, d.column));
    diagnostics
}

fn text_at<'a>(value: &'a Value, key: &str) -> Option<&'a str> {
    value.get(key)?.as_str()
}

/// Sets line and column of every diagnostic (and follow-on) from its path, in one pass. A field
/// the file leaves out (an empty `summary` may be absent) is placed at the object that lacks it.
fn place(json: &str, diagnostics: &mut [Diagnostic]) {
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

// ---------------------------------------------------------------------------------------------
// The reader's errors, placed, named and grouped.

/// The lists whose entries have ids that positions refer to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
enum List {
    Sides,
    Issues,
    Sources,
}

impl List {
    const ALL: [List; 3] = [List::Sides, List::Issues, List::Sources];

    fn name(self) -> &'static str {
        match self {
            List::Sides => "sides",
            List::Issues => "issues",
            List::Sources => "sources",
        }
    }

    /// The field of a position that refers to this list, and the word for one entry.
    fn field(self) -> &'static str {
        match self {
            List::Sides => "side",
            List::Issues => "issue",
            List::Sources => "source",
        }
    }
}

/// What a reader's error is about, as far as grouping needs to know.
enum Kind {
    /// `sides[3].id` is malformed, empty or a repeat.
    Id {
        list: List,
        id: Option<String>,
    },
    /// `positions[i].side` (or issue, source) names no entry.
    Unknown {
        list: List,
        value: String,
    },
    /// No position for a side on an issue.
    Missing {
        side: String,
        issue: String,
    },
    Other,
}

/// The reader's errors as diagnostics: a JSON error explained (curly quotes), or validation
/// errors placed, named by cell, and grouped under their root causes.
fn story_diagnostics(json: &str, errors: Vec<StoryError>) -> Vec<Diagnostic> {
    let raw: Option<Value> = serde_json::from_str(json).ok();
    if let [error] = errors.as_slice() {
        if let Some((line, byte_column)) = error.location {
            return json_diagnostics(json, raw.as_ref(), error, line, byte_column);
        }
    }
    let kinds: Vec<Kind> = errors.iter().map(|e| kind_of(e, raw.as_ref())).collect();
    let mut diagnostics: Vec<Diagnostic> = errors
        .into_iter()
        .zip(&kinds)
        .map(|(error, kind)| {
            let cell = match kind {
                Kind::Missing { side, issue } => Some(format!("{side} / {issue}")),
                _ => raw.as_ref().and_then(|raw| cell_of(raw, &error.path)),
            };
            let mut diagnostic = Diagnostic::new(Severity::Error, error.path, error.message);
            diagnostic.cell = cell;
            diagnostic
        })
        .collect();
    let parents = root_causes(&kinds, raw.as_ref());
    let notes = hold_back_notes(&kinds, &parents);
    // Follow-ons move into their root, flat and in file order.
    let mut tops: Vec<Option<Diagnostic>> = diagnostics.drain(..).map(Some).collect();
    for i in 0..tops.len() {
        if let Some(root) = root_of(&parents, i).filter(|&r| r != i) {
            if let Some(follow_on) = tops[i].take() {
                if let Some(Some(top)) = tops.get_mut(root) {
                    top.follow_ons.push(follow_on);
                }
            }
        }
    }
    let mut diagnostics: Vec<Diagnostic> = tops
        .into_iter()
        .zip(notes)
        .filter_map(|(d, note)| {
            let mut d = d?;
            d.held_back = count(&d.follow_ons);
            d.message.push_str(&note);
            Some(d)
        })
        .collect();
    place(json, &mut diagnostics);
    // File order, as a compiler lists them; unplaced ones (the whole file) first.
    diagnostics.sort_by_key(|d| (d.line.unwrap_or(0), d.column.unwrap_or(0)));
    diagnostics
}

fn count(list: &[Diagnostic]) -> usize {
    list.iter().map(|d| 1 + count(&d.follow_ons)).sum()
}

fn root_of(parents: &[Option<usize>], mut i: usize) -> Option<usize> {
    // Bounded: parents always point at an earlier group head or a root, but a bound costs nothing.
    for _ in 0..parents.len() {
        match parents.get(i).copied().flatten() {
            Some(parent) if parent != i => i = parent,
            _ => return Some(i),
        }
    }
    None
}

fn kind_of(error: &StoryError, raw: Option<&Value>) -> Kind {
    let path = error.path.as_str();
    for list in List::ALL {
        let entry = path
            .strip_prefix(list.name())
            .and_then(|rest| rest.strip_prefix('['))
            .and_then(|rest| rest.strip_suffix("].id"))
            .and_then(|index| index.parse::<usize>().ok());
        if let Some(index) = entry {
            let id = raw
                .and_then(|raw| raw.get(list.name())?.get(index)?.get("id")?.as_str())
                .map(str::to_owned);
            return Kind::Id { list, id };
        }
        let field = format!("].{}", list.field());
        let unknown = format!("unknown {} ", list.field());
        if let Some(index) = position_index(path).filter(|_| path.ends_with(&field)) {
            if error.message.starts_with(&unknown) {
                let value = raw.and_then(|raw| {
                    raw.get("positions")?
                        .get(index)?
                        .get(list.field())?
                        .as_str()
                });
                if let Some(value) = value {
                    return Kind::Unknown {
                        list,
                        value: value.to_owned(),
                    };
                }
            }
        }
    }
    if path == "positions" {
        if let Some((side, issue)) = missing_cell(&error.message) {
            return Kind::Missing { side, issue };
        }
    }
    Kind::Other
}

/// `i` of a path `positions[i]…`.
fn position_index(path: &str) -> Option<usize> {
    let rest = path.strip_prefix("positions[")?;
    rest[..rest.find(']')?].parse().ok()
}

/// Side and issue of the reader's "no position for side "S" on issue "I": …".
fn missing_cell(message: &str) -> Option<(String, String)> {
    let rest = message.strip_prefix("no position for side \"")?;
    let (side, rest) = rest.split_once("\" on issue \"")?;
    let (issue, _) = rest.rsplit_once("\": add one")?;
    Some((side.to_owned(), issue.to_owned()))
}

/// `kyiv / ceasefire` for a path in a position; `side kyiv` (issue, source) for one in a list.
fn cell_of(raw: &Value, path: &str) -> Option<String> {
    if let Some(index) = position_index(path) {
        let position = raw.get("positions")?.get(index)?;
        let (side, issue) = (text_at(position, "side"), text_at(position, "issue"));
        if side.is_none() && issue.is_none() {
            return None;
        }
        return Some(format!(
            "{} / {}",
            side.unwrap_or("?"),
            issue.unwrap_or("?")
        ));
    }
    for list in List::ALL {
        if let Some(rest) = path
            .strip_prefix(list.name())
            .and_then(|r| r.strip_prefix('['))
        {
            let index: usize = rest[..rest.find(']')?].parse().ok()?;
            let id = text_at(raw.get(list.name())?.get(index)?, "id")?;
            return Some(format!("{} {id}", list.field()));
        }
    }
    None
}

/// For each error, the error it follows from (`None` for a root cause or one on its own):
/// repeats of an unknown id follow its first use; an unknown id that is a misspelt entry
/// (`ukraine` for a side whose id `Ukraine` is malformed) follows that entry's error; an empty
/// cell follows the unknown id of a position meant for it; and empty cells of one side (or
/// issue) follow the first of them.
fn root_causes(kinds: &[Kind], raw: Option<&Value>) -> Vec<Option<usize>> {
    // Maps, not scans: a story may have 12,000 positions, all naming one misspelt side.
    let mut parents: Vec<Option<usize>> = vec![None; kinds.len()];
    // The first error of every unknown id, by list and id.
    let mut heads: HashMap<(List, &str), usize> = HashMap::new();
    for (i, kind) in kinds.iter().enumerate() {
        if let Kind::Unknown { list, value } = kind {
            match heads.get(&(*list, value.as_str())) {
                Some(&head) => parents[i] = Some(head),
                None => {
                    heads.insert((*list, value), i);
                }
            }
        }
    }
    let mut malformed: HashMap<(List, String), usize> = HashMap::new();
    for (i, kind) in kinds.iter().enumerate() {
        if let Kind::Id { list, id: Some(id) } = kind {
            malformed.entry((*list, id_key(id))).or_insert(i);
        }
    }
    for (&(list, value), &head) in &heads {
        if let Some(&root) = malformed.get(&(list, id_key(value))) {
            parents[head] = Some(root);
        }
    }
    // A cell is empty because a position meant for it names an unknown side (on its issue) or
    // an unknown issue (for its side): the first such unknown id, by issue and by side.
    let positions = raw
        .and_then(|raw| raw.get("positions")?.as_array())
        .map_or(&[][..], Vec::as_slice);
    let mut on_issue: HashMap<&str, usize> = HashMap::new();
    let mut for_side: HashMap<&str, usize> = HashMap::new();
    for p in positions {
        let (Some(side), Some(issue)) = (text_at(p, "side"), text_at(p, "issue")) else {
            continue;
        };
        if let Some(&head) = heads.get(&(List::Sides, side)) {
            on_issue.entry(issue).or_insert(head);
        }
        if let Some(&head) = heads.get(&(List::Issues, issue)) {
            for_side.entry(side).or_insert(head);
        }
    }
    let mut missing: Vec<usize> = Vec::new();
    for (i, kind) in kinds.iter().enumerate() {
        let Kind::Missing { side, issue } = kind else {
            continue;
        };
        let cause = on_issue
            .get(issue.as_str())
            .or_else(|| for_side.get(side.as_str()));
        match cause {
            Some(&head) => parents[i] = Some(head),
            None => missing.push(i),
        }
    }
    // The rest: a side with no positions at all, an issue nobody has filled in yet. Group along
    // the line with more gaps, so a new row or column is one line.
    let cell = |i: usize| match &kinds[i] {
        Kind::Missing { side, issue } => (side.as_str(), issue.as_str()),
        _ => ("", ""),
    };
    let mut by_side: HashMap<&str, Vec<usize>> = HashMap::new();
    let mut by_issue: HashMap<&str, Vec<usize>> = HashMap::new();
    for &m in &missing {
        by_side.entry(cell(m).0).or_default().push(m);
        by_issue.entry(cell(m).1).or_default().push(m);
    }
    let mut taken = vec![false; kinds.len()];
    for &m in &missing {
        if taken[m] {
            continue;
        }
        let (side, issue) = cell(m);
        let open = |list: Option<&Vec<usize>>| -> Vec<usize> {
            list.map_or(Vec::new(), |list| {
                list.iter().copied().filter(|&b| !taken[b]).collect()
            })
        };
        let (along_side, along_issue) = (open(by_side.get(side)), open(by_issue.get(issue)));
        let group = if along_side.len() >= along_issue.len() {
            along_side
        } else {
            along_issue
        };
        for b in group {
            taken[b] = true;
            if b != m {
                parents[b] = Some(m);
            }
        }
    }
    parents
}

/// The sentence each root adds about what it holds back (empty for the rest).
fn hold_back_notes(kinds: &[Kind], parents: &[Option<usize>]) -> Vec<String> {
    let mut notes = vec![String::new(); kinds.len()];
    let mut held_under: Vec<Vec<usize>> = vec![Vec::new(); kinds.len()];
    for i in 0..kinds.len() {
        if let Some(root) = root_of(parents, i).filter(|&r| r != i) {
            held_under[root].push(i);
        }
    }
    for ((r, kind), under) in kinds.iter().enumerate().zip(held_under) {
        if under.is_empty() {
            continue;
        }
        let held = under.len();
        let problems = if held == 1 { "problem" } else { "problems" };
        let empty = under
            .iter()
            .filter(|&&i| matches!(kinds[i], Kind::Missing { .. }))
            .count();
        let mut values: Vec<&str> = Vec::new();
        let mut uses = 0;
        for &i in under.iter().chain([r].iter()) {
            if let Kind::Unknown { value, .. } = &kinds[i] {
                uses += 1;
                if !values.contains(&value.as_str()) {
                    values.push(value);
                }
            }
        }
        let quoted = values
            .iter()
            .map(|v| format!("\"{v}\""))
            .collect::<Vec<_>>()
            .join(" or ");
        let cells = match empty {
            0 => String::new(),
            1 => ", leaving 1 cell empty".to_owned(),
            n => format!(", leaving {n} cells empty"),
        };
        let (positions, refer) = match uses {
            1 => ("position", "refers"),
            _ => ("positions", "refer"),
        };
        notes[r] = match kind {
            Kind::Id { .. } if uses > 0 => format!(
                "; {uses} {positions} {refer} to it as {quoted}{cells} ({held} follow-on {problems} held back: fix this first)"
            ),
            Kind::Unknown { .. } if uses == 1 => format!(
                "; this leaves {} ({held} follow-on {problems} held back: fix this first)",
                cells.trim_start_matches(", leaving ")
            ),
            Kind::Unknown { .. } => format!(
                "; {uses} {positions} use {quoted}{cells} ({held} follow-on {problems} held back: fix this first)"
            ),
            Kind::Missing { side, .. } => {
                let same_side = under.iter().all(|&i| {
                    matches!(&kinds[i], Kind::Missing { side: s, .. } if s == side)
                });
                let others: Vec<&str> = under
                    .iter()
                    .filter_map(|&i| match &kinds[i] {
                        Kind::Missing { side: s, issue: x } => {
                            Some(if same_side { x.as_str() } else { s.as_str() })
                        }
                        _ => None,
                    })
                    .collect();
                let shown = others.iter().take(10).copied().collect::<Vec<_>>().join(", ");
                let more = if others.len() > 10 { ", …" } else { "" };
                if same_side {
                    let issues = if held == 1 { "issue" } else { "issues" };
                    format!("; nor on {held} more {issues}: {shown}{more} (held back)")
                } else {
                    let sides = if held == 1 { "side" } else { "sides" };
                    format!("; nor for {held} more {sides}: {shown}{more} (held back)")
                }
            }
            _ => format!(" ({held} follow-on {problems} held back: fix this first)"),
        };
    }
    notes
}

/// An id as an editor probably meant it: `Ukraine`, ` ukraine` and `UKRAINE` are one side.
fn id_key(id: &str) -> String {
    let mut key = String::with_capacity(id.len());
    for c in id.trim().chars().flat_map(char::to_lowercase) {
        let c = if c.is_alphanumeric() { c } else { '-' };
        if !(c == '-' && key.ends_with('-')) {
            key.push(c);
        }
    }
    key.trim_matches('-').to_owned()
}

/// A JSON syntax or type error, placed in characters and named by cell; when a word
/// processor's curly quote (or a non-breaking space) is the cause, that is said instead, and
/// every other such character is found too: each is patched over in a copy of the text and the
/// copy read again, so an editor fixes them all in one round.
fn json_diagnostics(
    json: &str,
    raw: Option<&Value>,
    error: &StoryError,
    line: usize,
    byte_column: usize,
) -> Vec<Diagnostic> {
    let Some(first) = explain(json, json, &error.message, line, byte_column) else {
        let mut diagnostic =
            Diagnostic::new(Severity::Error, error.path.clone(), error.message.clone());
        diagnostic.cell = raw.and_then(|raw| cell_of(raw, &error.path));
        diagnostic.line = Some(line);
        diagnostic.column = Some(json_path::char_column(json, line, byte_column));
        return vec![diagnostic];
    };
    // Patches keep every byte where it was, so offsets, lines and columns stay the original's.
    let mut patched = json.to_owned();
    let mut found = vec![first];
    let mut rest: Option<Diagnostic> = None;
    while let Some(last) = found.last() {
        if found.len() > 100 || !patch(&mut patched, last.offset, last.opens) {
            break;
        }
        let Err(err) = serde_json::from_str::<Story>(&patched) else {
            break;
        };
        let message = err.to_string();
        let message = message
            .rfind(" at line ")
            .map_or(message.as_str(), |cut| &message[..cut]);
        match explain(&patched, json, message, err.line(), err.column()) {
            Some(next) if next.offset > last.offset => found.push(next),
            // Something else is wrong too: list it, as the reader will once the quotes are fixed.
            _ => {
                let path = json_path::path_at(&patched, err.line(), err.column());
                let mut diagnostic = Diagnostic::new(Severity::Error, path, message.to_owned());
                diagnostic.line = Some(err.line());
                diagnostic.column = Some(json_path::char_column(json, err.line(), err.column()));
                rest = Some(diagnostic);
                break;
            }
        }
    }
    let raw: Option<Value> = serde_json::from_str(&patched).ok();
    let mut diagnostics: Vec<Diagnostic> = found
        .into_iter()
        .map(|stray| {
            let path = stray.path;
            let (line, column) = line_column(json, stray.offset);
            let mut diagnostic = Diagnostic::new(Severity::Error, path, stray.message);
            diagnostic.cell = raw.as_ref().and_then(|raw| cell_of(raw, &diagnostic.path));
            (diagnostic.line, diagnostic.column) = (Some(line), Some(column));
            diagnostic
        })
        .collect();
    if let Some(mut rest) = rest {
        rest.cell = raw.as_ref().and_then(|raw| cell_of(raw, &rest.path));
        diagnostics.push(rest);
    }
    diagnostics
}

/// 1-based line and character column of a byte offset.
fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &text[..offset];
    let start = before.rfind('\n').map_or(0, |n| n + 1);
    (
        before.matches('\n').count() + 1,
        before[start..].chars().count() + 1,
    )
}

/// A word processor's character found behind a JSON error.
struct Stray {
    /// Byte offset of the character.
    offset: usize,
    /// The field the reader was in when it stopped.
    path: String,
    /// Whether it stands where a string should open (outside any string), not where one ends.
    opens: bool,
    message: String,
}

/// The stray character behind the JSON reader's error at `line`, `byte_column` of `json` (the
/// file, or a patched copy of it with the same byte offsets), if any. Only the first error is
/// where the reader stops; later ones are where the patched copy stops, so need no mention.
fn explain(
    json: &str,
    original: &str,
    message: &str,
    line: usize,
    byte_column: usize,
) -> Option<Stray> {
    // A key closed with a curly quote swallows the colon and reads as an unknown field.
    let in_key = message
        .strip_prefix("unknown field `")
        .and_then(|rest| rest.split('`').next())
        .is_some_and(|key| key.contains(['“', '”', '‘', '’']));
    if !is_syntax_error(message) && !in_key {
        return None;
    }
    let at = json_path::byte_offset(json, line, byte_column.saturating_sub(1));
    let (offset, explanation, opens) = explain_syntax(json, at)?;
    let message = if std::ptr::eq(json, original) {
        let column = json_path::char_column(original, line, byte_column);
        // The list of allowed fields says nothing useful about a mistyped quote.
        let said = message.split(", expected one of").next().unwrap_or("");
        format!("{explanation} (the JSON reader stopped at {line}:{column}: {said})")
    } else {
        explanation
    };
    Some(Stray {
        offset,
        path: stray_path(json, offset, opens),
        opens,
        message,
    })
}

/// The field a stray character belongs to: the value's path, or the object's for a key's quote.
fn stray_path(json: &str, offset: usize, opens: bool) -> String {
    let offset = offset.min(json.len());
    let line_start = json[..offset].rfind('\n').map_or(0, |n| n + 1);
    let line = json[..offset].matches('\n').count() + 1;
    let path = json_path::path_at(json, line, offset - line_start);
    let width = json[offset..].chars().next().map_or(0, char::len_utf8);
    let key = if opens {
        json[..offset].trim_end().ends_with(',') && !path.ends_with(']')
            || json[..offset].trim_end().ends_with('{')
    } else {
        json[offset + width..]
            .trim_start_matches([' ', '\t'])
            .starts_with(':')
    };
    match (key, opens) {
        // After `{` the path is already the object's.
        (true, true) if json[..offset].trim_end().ends_with('{') => path,
        (true, _) => path
            .rsplit_once('.')
            .map_or(String::new(), |(object, _)| object.to_owned()),
        (false, _) => path,
    }
}

/// Puts a straight quote (or spaces, for a space-like character) over the character at
/// `offset`, padded with spaces to its length outside the string it opens or closes (inside, a
/// key would change); false if there is nothing to patch there.
fn patch(text: &mut String, offset: usize, opens: bool) -> bool {
    let Some(c) = text.get(offset..).and_then(|rest| rest.chars().next()) else {
        return false;
    };
    let width = c.len_utf8();
    let with = match c {
        '“' | '”' | '„' | '‟' | '«' | '»' | '‘' | '’' | '‚' | '‛' | '\'' => "\"",
        _ => "",
    };
    let pad = " ".repeat(width - with.len());
    let padded = match opens {
        true => format!("{pad}{with}"),
        false => format!("{with}{pad}"),
    };
    text.replace_range(offset..offset + width, &padded);
    true
}

/// serde_json's messages for text that is not JSON, as opposed to JSON of the wrong shape.
fn is_syntax_error(message: &str) -> bool {
    [
        "expected ",
        "key must be a string",
        "control character",
        "EOF while parsing",
        "trailing c",
        "invalid escape",
    ]
    .iter()
    .any(|start| message.starts_with(start))
}

/// What a word processor puts where JSON needs something else, and what to say about it.
fn stray(c: char) -> Option<String> {
    Some(match c {
        '“' | '”' | '„' | '‟' | '«' | '»' | '‘' | '’' | '‚' | '‛' => {
            format!("a curly quote {c} where JSON needs a straight quote \"")
        }
        '\'' => "a single quote ' where JSON needs a double quote \"".to_owned(),
        '\u{a0}' => "a non-breaking space (U+00A0) where JSON allows only plain spaces".to_owned(),
        '\u{feff}' => "a byte-order mark (U+FEFF): save the file as UTF-8 without one".to_owned(),
        '\u{200b}' | '\u{2028}' | '\u{2029}' | '\u{2009}' | '\u{202f}' => format!(
            "an invisible character (U+{:04X}) where JSON allows only plain spaces",
            c as u32
        ),
        _ => return None,
    })
}

/// Byte offset and explanation of the word-processor character behind a syntax error at byte
/// `at`: one outside any string up to the error; or, when a string runs on into the error (or
/// ends just before it), a curly quote in it that sits where the string should have ended.
fn explain_syntax(json: &str, at: usize) -> Option<(usize, String, bool)> {
    let mut string: Option<usize> = None;
    let mut last_string: Option<(usize, usize)> = None;
    let mut escaped = false;
    for (offset, c) in json.char_indices() {
        if offset > at {
            break;
        }
        if let Some(start) = string {
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == '"' {
                last_string = Some((start, offset));
                string = None;
            }
            continue;
        }
        if c == '"' {
            string = Some(offset + c.len_utf8());
        } else if let Some(explanation) = stray(c) {
            return Some((offset, explanation, true));
        }
    }
    let (start, end) = match (string, last_string) {
        (Some(start), _) => (start, at.min(json.len())),
        // Only a string just before the error: the reader stopped right after it.
        (None, Some((start, end)))
            if json
                .get(end + 1..at.max(end + 1))
                .is_some_and(|gap| gap.chars().all(|c| c == ' ' || c == '\t')) =>
        {
            (start, end)
        }
        _ => return None,
    };
    let content = json.get(start..end)?;
    let mut found = None;
    for (offset, c) in content.char_indices() {
        if !matches!(c, '“' | '”' | '„' | '‟' | '‘' | '’') {
            continue;
        }
        let after = content[offset + c.len_utf8()..].trim_start_matches([' ', '\t']);
        // The first that could end the string: a string that runs on holds the rest after it.
        if after.is_empty() || after.starts_with([',', ':', '}', ']', '\n', '\r']) {
            found = Some((start + offset, c));
            break;
        }
    }
    let (offset, c) = found?;
    Some((offset, stray(c)?, false))
}

// ---------------------------------------------------------------------------------------------
// Evidence against the source.

/// A source text ready for comparisons: normalised for containment, and split into sentences
/// with their words for the nearest-sentence search.
struct Prepared {
    id: String,
    text: String,
    sentences: Vec<(String, Vec<String>)>,
}

impl Prepared {
    fn new(source: &SourceText) -> Prepared {
        Prepared {
            id: source.source_id.clone(),
            text: normalise(&source.text),
            sentences: sentences(&source.text)
                .into_iter()
                .map(|s| {
                    let text = s.split_whitespace().collect::<Vec<_>>().join(" ");
                    let words = words(&text);
                    (text, words)
                })
                .collect(),
        }
    }

    /// The sentence sharing most words with `text` (Dice coefficient over distinct words). For a
    /// quote, a few words of a longer sentence, the share of the quote's words counts first.
    fn nearest(&self, text: &str, fragment: bool) -> Option<String> {
        let wanted = words(text);
        let mut best: Option<((usize, usize), &str)> = None;
        for (sentence, words) in &self.sentences {
            let shared = shared(&wanted, words);
            if shared == 0 {
                continue;
            }
            // Integer scores, scaled, so ties and rounding are the same everywhere.
            let dice = 2_000_000 * shared / (wanted.len() + words.len()).max(1);
            let share = 1_000_000 * shared / wanted.len().max(1);
            let score = if fragment {
                (share, dice)
            } else {
                (dice, share)
            };
            if best.is_none_or(|(b, _)| score > b) {
                best = Some((score, sentence));
            }
        }
        best.map(|(_, sentence)| sentence.to_owned())
    }
}

/// Where `text` departs from `sentence`, in words, when the two agree around a short change:
/// the part of the sentence that matches `text` best (a quote is a piece of a sentence) is
/// lined up from both ends, and what is left between is the difference.
fn difference(text: &str, sentence: &str) -> Option<String> {
    let (text, sentence) = (normalise(text), normalise(sentence));
    let ours: Vec<&str> = text.split(' ').collect();
    let theirs: Vec<&str> = sentence.split(' ').collect();
    // Words compared without the punctuation around them, so a quote lines up with `“a matter`.
    let bare = |w: &&str| w.trim_matches(|c: char| !c.is_alphanumeric()).to_owned();
    let common = |a: &mut dyn Iterator<Item = (&&str, &&str)>| {
        a.take_while(|(x, y)| bare(x) == bare(y)).count()
    };
    // Where in the sentence the text starts: the longest run of words in common from its start.
    let (start, prefix) = (0..theirs.len())
        .map(|k| (k, common(&mut ours.iter().zip(&theirs[k..]))))
        .max_by_key(|&(k, n)| (n, std::cmp::Reverse(k)))?;
    let theirs = &theirs[start..];
    // Where it ends: the longest run in common at its end, not overlapping the start's run.
    let (end, suffix) = (prefix..=theirs.len())
        .map(|j| {
            let room = (ours.len() - prefix).min(j - prefix);
            let n = common(&mut ours.iter().rev().zip(theirs[..j].iter().rev())).min(room);
            (j, n)
        })
        .max_by_key(|&(j, n)| (n, std::cmp::Reverse(j)))?;
    let ours_middle = &ours[prefix..ours.len() - suffix];
    let theirs_middle = &theirs[prefix..end - suffix];
    let agreed = prefix + suffix;
    if agreed * 2 < ours.len()
        || agreed < 2
        || ours_middle.len() > 10
        || theirs_middle.len() > 10
        || ours_middle
            .iter()
            .map(bare)
            .eq(theirs_middle.iter().map(bare))
    {
        return None;
    }
    // A word on each side when something was only added or left out, so it can be found.
    let (before, after) = match ours_middle.is_empty() || theirs_middle.is_empty() {
        true => (
            prefix.checked_sub(1).map(|i| ours[i]),
            (suffix > 0).then(|| ours[ours.len() - suffix]),
        ),
        false => (None, None),
    };
    let show = |middle: &[&str]| {
        before
            .into_iter()
            .chain(middle.iter().copied())
            .chain(after)
            .collect::<Vec<_>>()
            .join(" ")
    };
    Some(format!(
        "the source has \"{}\" where this has \"{}\"",
        show(theirs_middle),
        show(ours_middle)
    ))
}

/// How many of two sorted lists' entries they share.
fn shared(a: &[String], b: &[String]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

/// Distinct lower-case words, sorted.
fn words(text: &str) -> Vec<String> {
    let mut words: Vec<String> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    words.sort_unstable();
    words.dedup();
    words
}

/// Text with what a word processor changes made equal: curly quotes straight, every dash (and a
/// run of them) one `-`, any run of spaces and line breaks one space, ends trimmed.
pub fn normalise(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    for c in text.chars() {
        let c = match c {
            '“' | '”' | '„' | '‟' | '«' | '»' | '″' => '"',
            '‘' | '’' | '‚' | '‛' | '′' => '\'',
            '‐' | '‑' | '‒' | '–' | '—' | '―' | '−' => '-',
            c => c,
        };
        if c.is_whitespace() {
            space = !out.is_empty();
            continue;
        }
        if c == '-' && !space && out.ends_with('-') {
            continue;
        }
        if space {
            out.push(' ');
            space = false;
        }
        out.push(c);
    }
    out
}

/// Words that end in a full stop without ending a sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "st", "gen", "col", "lt", "sgt", "sen", "rep", "gov", "jr",
    "sr", "no", "vs", "etc", "approx", "inc", "ltd", "co", "corp", "dept", "jan", "feb", "mar",
    "apr", "aug", "sept", "oct", "nov", "dec", "e.g", "i.e",
];

/// The source's sentences: each line is a paragraph, split after `.`, `!`, `?` or `…` (and any
/// closing quotes) when a space and a word that is not lower case follow, except after initials
/// and common abbreviations (`U.S.`, `Mr.`).
fn sentences(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    for paragraph in text.lines() {
        let chars: Vec<(usize, char)> = paragraph.char_indices().collect();
        let mut start = 0;
        for k in 0..chars.len() {
            let (at, c) = chars[k];
            if !matches!(c, '.' | '!' | '?' | '…') {
                continue;
            }
            let mut j = k + 1;
            while j < chars.len() && matches!(chars[j].1, '"' | '\'' | '”' | '’' | '»' | ')') {
                j += 1;
            }
            let Some(&(end, next)) = chars.get(j) else {
                continue;
            };
            let following = paragraph[end..].trim_start().chars().next();
            if !next.is_whitespace() || following.is_none_or(char::is_lowercase) {
                continue;
            }
            if c == '.' {
                let word = paragraph[start..at]
                    .rsplit(char::is_whitespace)
                    .next()
                    .unwrap_or("")
                    .trim_start_matches(['"', '“', '(']);
                let initial = word.chars().count() == 1 && word.chars().all(char::is_uppercase);
                let dotted = word.contains('.') && word.chars().count() <= 4;
                if initial || dotted || ABBREVIATIONS.contains(&word.to_lowercase().as_str()) {
                    continue;
                }
            }
            let sentence = paragraph[start..end].trim();
            if !sentence.is_empty() {
                out.push(sentence);
            }
            start = end;
        }
        let rest = paragraph[start..].trim();
        if !rest.is_empty() {
            out.push(rest);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentences_split_after_stops_but_not_after_initials() {
        let text = "Prompted by U.S. President Donald Trump, they met. “No,” he said. It rained.\nNext line";
        assert_eq!(
            sentences(text),
            [
                "Prompted by U.S. President Donald Trump, they met.",
                "“No,” he said.",
                "It rained.",
                "Next line"
            ]
        );
    }

    #[test]
    fn normalising_keeps_case_and_letters() {
        assert_eq!(
            normalise("  “First–– a  full\n ceasefire” — it’s "),
            "\"First- a full ceasefire\" - it's"
        );
        assert_ne!(normalise("Full"), normalise("full"));
    }

    #[test]
    fn differences_are_shown_when_they_are_a_few_words() {
        let source =
            "Russia rejected an immediate ceasefire, saying a truce would only let Ukraine rearm.";
        let cases = [
            (
                "Russia rejected an immediate ceasefire, saying a truce would let Ukraine rearm.",
                Some("the source has \"would only let\" where this has \"would let\""),
            ),
            (
                "Russia rejected an immediate ceasefire, saying a truce would only help Ukraine rearm.",
                Some("the source has \"let\" where this has \"help\""),
            ),
            // A piece of the sentence, apart from its punctuation: nothing to point at in words.
            ("Russia rejected an immediate ceasefire.", None),
            // A quote is a piece of a sentence: lined up where it starts.
            (
                "a truce would really let",
                Some("the source has \"only\" where this has \"really\""),
            ),
            (
                "a truce would let Ukraine",
                Some("the source has \"would only let\" where this has \"would let\""),
            ),
            ("Moscow said no to everything on the table today.", None),
            ("Russia rejected an immediate ceasefire, saying a truce would only let Ukraine rearm!", None),
        ];
        for (text, expected) in cases {
            assert_eq!(difference(text, source).as_deref(), expected, "{text}");
        }
        assert_eq!(difference("", ""), None);
        assert_eq!(difference("x", ""), None);
    }

    #[test]
    fn ids_as_meant() {
        assert_eq!(id_key(" Ukraine "), "ukraine");
        assert_eq!(id_key("Side A"), id_key("side-a"));
    }
}
