//! The desk's one state and its reducer: the story being edited, its problems, the source texts
//! its evidence is checked against, and how the preview is shown. Free of the browser, so native
//! tests drive it.

use std::rc::Rc;

use yew::Reducible;

use crate::model::check::Coverage;
use crate::model::{Source, Story};
use crate::workbook::PositionRows;

/// One problem as the desk lists it: where (sheet, row and column; or line and column of a story
/// file; or the cell of the matrix), what is wrong, and for evidence, the source's nearest
/// sentence.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// Where, in the editor's terms ("positions, row 12, column C (stance)"); empty for the file
    /// as a whole.
    pub place: String,
    pub message: String,
    /// For evidence that is not in the source word for word: the source's nearest sentence.
    pub nearest: Option<String>,
}

impl Problem {
    pub fn whole_file(message: impl Into<String>) -> Problem {
        Problem {
            place: String::new(),
            message: message.into(),
            nearest: None,
        }
    }
}

/// The preview's colours.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Theme {
    Light,
    Dark,
}

impl Theme {
    pub fn id(self) -> &'static str {
        match self {
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }
}

/// The text of one of the story's sources, pasted by the editor (or carried by the workbook) to
/// check evidence against.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SourceText {
    pub source: String,
    pub text: String,
    /// Which source it is the text of, whatever file the story comes from next: the source's
    /// [`address`] when the text was given; empty when not known (work saved before).
    pub address: String,
}

/// What tells one source from another across files and renames: its address, or without one its
/// outlet and title.
pub fn address(source: &Source) -> String {
    match &source.url {
        Some(url) => url.clone(),
        None => format!("{}: {}", source.outlet, source.title),
    }
}

/// The texts of `texts` that are the texts of `story`'s sources, each under the id it has there.
/// A text goes with its source's address, not with a file name or an id, so it survives a renamed
/// copy ("story (1).xlsx"), a reload and a new version, and never checks another story's
/// evidence.
fn kept_for(story: &Story, texts: Vec<SourceText>) -> Vec<SourceText> {
    texts
        .into_iter()
        .filter_map(|text| {
            let source = story.sources.iter().find(|s| {
                if text.address.is_empty() {
                    s.id == text.source
                } else {
                    address(s) == text.address
                }
            })?;
            Some(SourceText {
                source: source.id.clone(),
                ..text
            })
        })
        .collect()
}

#[derive(Clone, Debug, PartialEq)]
pub struct DeskState {
    /// Name of what the editor opened last ("istanbul.xlsx", "2 CSV files", "the example").
    pub opened: Option<String>,
    /// Base of the names the story downloads under (`<stem>.json`, `<stem>.xlsx`).
    pub stem: String,
    /// The last story without problems: what the preview shows and what downloads.
    pub story: Option<Rc<Story>>,
    /// The last thing opened had problems, so the preview shows an earlier story (or none).
    pub stale: bool,
    /// Problems of the last thing opened (file, paste), in file order.
    pub problems: Vec<Problem>,
    /// Evidence and quotes of `story` not found word for word in its sources' texts.
    pub evidence: Vec<Problem>,
    pub sources: Vec<SourceText>,
    /// How much of the story's evidence the texts at hand let the desk check.
    pub coverage: Coverage,
    /// Where the story's positions are in the workbook it was opened from, if it was.
    pub rows: Option<PositionRows>,
    /// Bumped whenever the story changes, so the preview's widgets start afresh.
    pub generation: u32,
    /// Side id of the preview's view, or `all`.
    pub view: String,
    pub theme: Theme,
    /// A sentence for the status line (read out politely by screen readers).
    pub status: String,
}

impl Default for DeskState {
    fn default() -> Self {
        DeskState {
            opened: None,
            stem: "story".into(),
            story: None,
            stale: false,
            problems: Vec::new(),
            evidence: Vec::new(),
            sources: Vec::new(),
            coverage: Coverage::default(),
            rows: None,
            generation: 0,
            view: "all".into(),
            theme: Theme::Light,
            status: "Open a workbook, CSV files or a story file, or the example story.".into(),
        }
    }
}

pub enum DeskAction {
    /// Something was opened or pasted: `what` names it, `stem` names downloads.
    Opened {
        what: String,
        stem: String,
        outcome: Result<Story, Vec<Problem>>,
        /// Source texts the opened workbook carries (its "source texts" sheet).
        texts: Vec<SourceText>,
        /// Where the opened workbook's positions are.
        rows: Option<PositionRows>,
    },
    /// Work restored from the browser's storage at start: the last good story, if any, and the
    /// problems of the last thing opened, if it had any.
    Restored {
        opened: String,
        stem: String,
        story: Option<Story>,
        sources: Vec<SourceText>,
        problems: Vec<Problem>,
    },
    SourceText(SourceText),
    View(String),
    Theme(Theme),
    /// Something outside the story went wrong (a file could not be read, a download failed).
    Status(String),
}

impl DeskState {
    /// Recomputes the evidence problems of the current story against the pasted texts.
    fn recheck(&mut self) {
        (self.evidence, self.coverage) = match &self.story {
            Some(story) => (
                super::open::evidence_problems(story, &self.sources, self.rows.as_ref()),
                super::open::coverage(story, &self.sources),
            ),
            None => (Vec::new(), Coverage::default()),
        };
    }

    /// How far the story's evidence is checked, in a sentence, and whether that is all of it and
    /// all found; `None` for a story with no evidence or quotes.
    pub fn evidence_said(&self) -> Option<(bool, String)> {
        let c = &self.coverage;
        let story = self.story.as_ref()?;
        if c.sentences + c.quotes == 0 && c.unchecked.is_empty() {
            return None;
        }
        let mut said = Vec::new();
        if c.sentences + c.quotes > 0 {
            let found = if self.evidence.is_empty() {
                "all found word for word".to_owned()
            } else {
                format!("{} not found word for word", self.evidence.len())
            };
            said.push(format!(
                "{} checked against the {} of {}: {found}",
                counted(c.sentences, c.quotes),
                if c.sources == 1 { "text" } else { "texts" },
                plural(c.sources, "source", "sources"),
            ));
        }
        // A text marked as an excerpt (`excerpt` in the story) cannot show that a sentence is
        // not in the article: the status says so, naming the texts unless they all are.
        match c.excerpts.len() {
            0 => {}
            n if n == c.sources && n > 1 => said.push(format!(
                "{} texts are excerpts of their articles, so a sentence not found in one may still be in its article",
                if n == 2 { "both".to_owned() } else { format!("all {n}") }
            )),
            _ => {
                let names: Vec<String> =
                    c.excerpts.iter().map(|id| format!("\"{id}\"")).collect();
                said.push(format!(
                    "the text of {} {} an excerpt of the article, so a sentence not found in it may still be in the article",
                    plural_names(&names),
                    if names.len() == 1 { "is" } else { "are" },
                ));
            }
        }
        if !c.unchecked.is_empty() {
            let missing: Vec<String> = c
                .unchecked
                .iter()
                .map(|(id, sentences, quotes)| {
                    let title = story
                        .sources
                        .iter()
                        .find(|s| s.id == *id)
                        .map_or(String::new(), |s| format!(" ({})", s.title));
                    format!("{} of source \"{id}\"{title}", counted(*sentences, *quotes))
                })
                .collect();
            said.push(format!(
                "{} not checked: paste {} under Source texts",
                plural_names(&missing),
                if missing.len() == 1 {
                    "its text"
                } else {
                    "their texts"
                },
            ));
        }
        let whole = c.unchecked.is_empty() && self.evidence.is_empty();
        Some((whole, format!("Evidence: {}.", said.join("; "))))
    }

    fn show(&mut self, story: Story) {
        if !story.sides.iter().any(|side| side.id == self.view) {
            self.view = "all".into();
        }
        self.story = Some(Rc::new(story));
        self.generation += 1;
        self.stale = false;
    }
}

impl Reducible for DeskState {
    type Action = DeskAction;

    fn reduce(self: Rc<Self>, action: DeskAction) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            DeskAction::Opened {
                what,
                stem,
                outcome,
                texts,
                rows,
            } => {
                next.status = match &outcome {
                    Ok(story) => format!(
                        "Opened {what}: no problems. {} sides, {} issues.",
                        story.sides.len(),
                        story.issues.len()
                    ),
                    Err(problems) => format!(
                        "Opened {what}: {} {}. Fix them and open it again.",
                        problems.len(),
                        if problems.len() == 1 {
                            "problem"
                        } else {
                            "problems"
                        }
                    ),
                };
                next.opened = Some(what);
                match outcome {
                    Ok(story) => {
                        let mut sources = kept_for(&story, std::mem::take(&mut next.sources));
                        // What the workbook carries is the latest word on its sources.
                        for text in texts {
                            let Some(source) = story.sources.iter().find(|s| s.id == text.source)
                            else {
                                continue;
                            };
                            let text = SourceText {
                                address: address(source),
                                ..text
                            };
                            match sources.iter_mut().find(|s| s.source == text.source) {
                                Some(slot) => *slot = text,
                                None => sources.push(text),
                            }
                        }
                        next.sources = sources;
                        next.rows = rows;
                        next.stem = stem;
                        next.problems.clear();
                        next.show(story);
                    }
                    Err(problems) => {
                        next.problems = problems;
                        next.stale = next.story.is_some();
                    }
                }
                next.recheck();
                if let (true, Some((_, said))) = (next.problems.is_empty(), next.evidence_said()) {
                    next.status = format!("{} {said}", next.status);
                }
            }
            DeskAction::Restored {
                opened,
                stem,
                story,
                sources,
                problems,
            } => {
                next.status = if problems.is_empty() {
                    format!("Restored your work on {opened} from this browser.")
                } else {
                    format!(
                        "Restored your work from this browser. The last file opened, {opened}, has {}: fix them and open it again.",
                        plural(problems.len(), "problem", "problems")
                    )
                };
                next.opened = Some(opened);
                next.stem = stem;
                next.sources = sources;
                next.stale = story.is_some() && !problems.is_empty();
                next.problems = problems;
                next.rows = None;
                if let Some(story) = story {
                    next.show(story);
                    next.stale = !next.problems.is_empty();
                }
                next.recheck();
            }
            DeskAction::SourceText(mut text) => {
                let source = next
                    .story
                    .as_ref()
                    .and_then(|story| story.sources.iter().find(|s| s.id == text.source));
                if let Some(source) = source {
                    text.address = address(source);
                }
                match next.sources.iter_mut().find(|s| s.source == text.source) {
                    Some(slot) => *slot = text,
                    None => next.sources.push(text),
                }
                next.sources.retain(|s| !s.text.trim().is_empty());
                next.recheck();
            }
            DeskAction::View(view) => next.view = view,
            DeskAction::Theme(theme) => next.theme = theme,
            DeskAction::Status(status) => next.status = status,
        }
        Rc::new(next)
    }
}

/// "1 problem", "3 problems".
pub fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// "12 evidence sentences and 1 quote", "1 evidence sentence".
fn counted(sentences: usize, quotes: usize) -> String {
    match (sentences, quotes) {
        (s, 0) => plural(s, "evidence sentence", "evidence sentences"),
        (0, q) => plural(q, "quote", "quotes"),
        (s, q) => format!(
            "{} and {}",
            plural(s, "evidence sentence", "evidence sentences"),
            plural(q, "quote", "quotes")
        ),
    }
}

/// "a", "a and b", "a, b and c".
fn plural_names(names: &[String]) -> String {
    match names {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}
