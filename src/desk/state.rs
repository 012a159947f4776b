//! The desk's one state and its reducer: the story being edited, its problems, the source texts
//! its evidence is checked against, and how the preview is shown. Free of the browser, so native
//! tests drive it.

use std::rc::Rc;

use yew::Reducible;

use crate::model::Story;

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

/// The text of one of the story's sources, pasted by the editor to check evidence against.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SourceText {
    pub source: String,
    pub text: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct DeskState {
    /// Name of what the editor opened last ("istanbul.xlsx", "2 CSV files", "the template").
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
            generation: 0,
            view: "all".into(),
            theme: Theme::Light,
            status: "Open a workbook, CSV files or a story file, or start from the template."
                .into(),
        }
    }
}

pub enum DeskAction {
    /// Something was opened or pasted: `what` names it, `stem` names downloads.
    Opened {
        what: String,
        stem: String,
        outcome: Result<Story, Vec<Problem>>,
    },
    /// Work restored from the browser's storage at start.
    Restored {
        opened: String,
        stem: String,
        story: Story,
        sources: Vec<SourceText>,
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
        self.evidence = match &self.story {
            Some(story) => super::open::evidence_problems(story, &self.sources),
            None => Vec::new(),
        };
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
                        // Pasted source texts belong to the story they were pasted for: kept
                        // when the same story is opened again (fixed and reloaded), never
                        // checked against another story's evidence.
                        if stem != next.stem {
                            next.sources.clear();
                        }
                        next.sources
                            .retain(|text| story.sources.iter().any(|s| s.id == text.source));
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
            }
            DeskAction::Restored {
                opened,
                stem,
                story,
                sources,
            } => {
                next.status = format!("Restored your work on {opened} from this browser.");
                next.opened = Some(opened);
                next.stem = stem;
                next.sources = sources;
                next.show(story);
                next.recheck();
            }
            DeskAction::SourceText(text) => {
                match next.sources.iter_mut().find(|s| s.source == text.source) {
                    Some(slot) => slot.text = text.text,
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
