//! The widget's one state and its reducer: which story is shown, which view, which cell is open.

use std::rc::Rc;

use yew::Reducible;

use crate::model::{Story, View};

/// A cell of the matrix: an issue and a side, as indices into the story.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct CellRef {
    pub issue: usize,
    pub side: usize,
}

/// Why a story could not be shown: a short line for readers, the details for editors.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LoadFailure {
    /// Which file was asked for.
    pub src: String,
    /// Each thing that went wrong, in words an editor can act on.
    pub details: Vec<String>,
}

/// Where the story is in its life.
#[derive(Clone, Debug, PartialEq)]
pub enum Load {
    Loading { src: String },
    Ready(Rc<Story>),
    Failed(Rc<LoadFailure>),
}

#[derive(Clone, Debug, PartialEq)]
pub struct State {
    pub load: Load,
    pub view: View,
    pub open: Option<CellRef>,
    /// The reader has chosen a view: only then does the live region announce it, not on load.
    pub view_chosen: bool,
    /// The side id the embed asked to open on, applied when a story arrives.
    pub requested_view: Option<String>,
}

impl State {
    /// A widget showing `story` at once, on the requested view (by side id) or all sides.
    pub fn ready(story: Rc<Story>, requested_view: Option<String>) -> State {
        let view = View::from_id(&story, requested_view.as_deref());
        State {
            load: Load::Ready(story),
            view,
            open: None,
            view_chosen: false,
            requested_view,
        }
    }

    /// A widget waiting for the story at `src`.
    pub fn loading(src: String, requested_view: Option<String>) -> State {
        State {
            load: Load::Loading { src },
            view: View::AllSides,
            open: None,
            view_chosen: false,
            requested_view,
        }
    }

    pub fn story(&self) -> Option<&Rc<Story>> {
        match &self.load {
            Load::Ready(story) => Some(story),
            _ => None,
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// A story arrived and passed validation.
    Loaded(Rc<Story>),
    /// The story could not be fetched or did not pass validation.
    Failed(Rc<LoadFailure>),
    /// A new fetch of `src` began (first load or retry).
    Reload {
        src: String,
    },
    SelectView(View),
    /// Open a cell's detail, or close it if it is the one open.
    ToggleCell(CellRef),
    CloseCell,
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            Action::Loaded(story) => {
                next = State::ready(story, self.requested_view.clone());
            }
            Action::Failed(failure) => {
                next.load = Load::Failed(failure);
                next.open = None;
            }
            Action::Reload { src } => {
                next.load = Load::Loading { src };
                next.open = None;
            }
            Action::SelectView(view) => {
                let valid = match (&self.load, view) {
                    (Load::Ready(story), View::Side(side)) => side < story.sides.len(),
                    (Load::Ready(_), View::AllSides) => true,
                    _ => false,
                };
                if !valid || view == self.view {
                    return self;
                }
                next.view = view;
                next.view_chosen = true;
                // A detail belongs to the row the reader clicked; in a new order it would jump.
                next.open = None;
            }
            Action::ToggleCell(cell) => {
                let valid = self
                    .story()
                    .is_some_and(|s| cell.issue < s.issues.len() && cell.side < s.sides.len());
                if !valid {
                    return self;
                }
                next.open = if self.open == Some(cell) {
                    None
                } else {
                    Some(cell)
                };
            }
            Action::CloseCell => {
                if self.open.is_none() {
                    return self;
                }
                next.open = None;
            }
        }
        Rc::new(next)
    }
}
