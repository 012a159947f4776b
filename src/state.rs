//! The widget's one state and its reducer: which story is shown, which view, which cell is open,
//! and, for a live story, what changed since the page loaded.

use std::rc::Rc;

use yew::Reducible;

use crate::model::{Position, Story, View};

/// A cell of the matrix: an issue and a side, as indices into the story.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct CellRef {
    pub issue: usize,
    pub side: usize,
}

/// Why a story could not be shown: a short line for readers, the details for editors. The
/// address is not kept: the widget never shows it (a link can fill it with any words), and the
/// console has it (`loading::fetch_into`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LoadFailure {
    /// Each thing that went wrong, in words an editor can act on.
    pub details: Vec<String>,
}

/// A cell whose position changed since the reader's page loaded, found by ids: a new version
/// may add, drop or reorder issues and sides.
#[derive(Clone, Debug, PartialEq)]
pub struct Change {
    pub issue: String,
    pub side: String,
    /// What the cell said when the page loaded (not at the version before the last one: the
    /// reader saw the first).
    pub before: Position,
    /// When the widget saw it change last, `14:05`.
    pub at: String,
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
    /// Cells changed since the page loaded, in the order they changed.
    pub changes: Rc<Vec<Change>>,
    /// The cells (issue id, side id) the latest new version changed, for the live region; empty
    /// once the reader picks a view, whose announcement replaces it.
    pub latest: Rc<Vec<(String, String)>>,
    /// The time of the last good check when the latest one failed: the story may be out of date.
    pub stale: Option<String>,
    /// The earlier version of the story the reader stepped back to (an index into its
    /// `history`), `None` for the story as it stands.
    pub version: Option<usize>,
    /// That version rebuilt ([`Story::as_it_stood`]), which the matrix shows instead.
    pub shown: Option<Rc<Story>>,
    /// The reader just chose a version: the live region says which.
    pub version_said: bool,
}

impl State {
    /// A widget showing `story` at once, on the requested view (by side id) or all sides.
    pub fn ready(story: Rc<Story>, requested_view: Option<String>) -> State {
        let view = View::from_id(&story, requested_view.as_deref());
        State::new(Load::Ready(story), view, requested_view)
    }

    /// A widget waiting for the story at `src`.
    pub fn loading(src: String, requested_view: Option<String>) -> State {
        State::new(Load::Loading { src }, View::AllSides, requested_view)
    }

    /// Nothing chosen, open or changed yet.
    fn new(load: Load, view: View, requested_view: Option<String>) -> State {
        State {
            load,
            view,
            open: None,
            view_chosen: false,
            requested_view,
            changes: Rc::default(),
            latest: Rc::default(),
            stale: None,
            version: None,
            shown: None,
            version_said: false,
        }
    }

    /// The story as it stands (the latest version).
    pub fn story(&self) -> Option<&Rc<Story>> {
        match &self.load {
            Load::Ready(story) => Some(story),
            _ => None,
        }
    }

    /// The story the matrix shows: the version the reader stepped back to, or the latest.
    pub fn shown_story(&self) -> Option<&Rc<Story>> {
        self.shown.as_ref().or_else(|| self.story())
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
    /// A live check found a new version, at this time of day.
    Updated(Rc<Story>, String),
    /// A live check found the story unchanged.
    Unchanged,
    /// A live check failed; the story was last confirmed at this time of day.
    Stale(String),
    SelectView(View),
    /// Show an earlier version of the story (an index into its `history`), or with `None` the
    /// story as it stands.
    SelectVersion(Option<usize>),
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
            // Without the `live` feature nothing sends these: the constant lets the compiler
            // drop their code from the reader's default WebAssembly.
            Action::Updated(..)
            | Action::Unchanged
            | Action::Stale(_)
            | Action::SelectVersion(_)
                if !crate::LIVE =>
            {
                return self;
            }
            Action::Updated(story, at) => {
                let Some(old) = self.story() else {
                    return self;
                };
                next = self.updated(old, story, at);
            }
            Action::Unchanged => {
                if self.stale.is_none() {
                    return self;
                }
                next.stale = None;
            }
            Action::Stale(since) => {
                if self.stale.as_ref() == Some(&since) {
                    return self;
                }
                next.stale = Some(since);
            }
            Action::SelectVersion(version) => {
                let Some(story) = self.story() else {
                    return self;
                };
                if version == self.version {
                    return self;
                }
                let shown = match version.map(|v| story.as_it_stood(v)) {
                    Some(Some(then)) => Some(Rc::new(then)),
                    Some(None) => return self,
                    None => None,
                };
                next.version = version;
                next.shown = shown;
                next.version_said = true;
                next.latest = Rc::default();
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
                next.latest = Rc::default();
                next.version_said = false;
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

impl State {
    /// This state with `story`, a new version of `old`, in place: the same view and open cell,
    /// found again by ids, and the cells whose position changed marked.
    fn updated(&self, old: &Story, story: Rc<Story>, at: String) -> State {
        let mut changes = (*self.changes).clone();
        let mut latest = Vec::new();
        for issue in &story.issues {
            for side in &story.sides {
                let (Some(now), Some(was)) = (
                    story.find(&issue.id, &side.id),
                    old.find(&issue.id, &side.id),
                ) else {
                    continue;
                };
                if now.says_same(was) {
                    continue;
                }
                latest.push((issue.id.clone(), side.id.clone()));
                match changes
                    .iter_mut()
                    .find(|c| c.issue == issue.id && c.side == side.id)
                {
                    Some(change) => change.at.clone_from(&at),
                    None => changes.push(Change {
                        issue: issue.id.clone(),
                        side: side.id.clone(),
                        before: was.clone(),
                        at: at.clone(),
                    }),
                }
            }
        }
        // A cell that says again what it said at first, or is gone, is no longer a change.
        changes.retain(|c| {
            story
                .find(&c.issue, &c.side)
                .is_some_and(|now| !now.says_same(&c.before))
        });
        let side_id = |side: usize| old.sides.get(side).map(|s| s.id.as_str());
        let view = match self.view {
            View::Side(side) => View::from_id(&story, side_id(side)),
            View::AllSides => View::AllSides,
        };
        let open = self.open.and_then(|cell| {
            Some(CellRef {
                issue: story.issue_index(&old.issues.get(cell.issue)?.id)?,
                side: story.side_index(side_id(cell.side)?)?,
            })
        });
        // The earlier version the reader was looking at, found again by its date: the new
        // version's history holds it, and one more.
        let version = self
            .version
            .and_then(|v| old.history.get(v))
            .and_then(|then| {
                story
                    .history
                    .iter()
                    .position(|h| h.as_of.date == then.as_of.date)
            });
        let shown = version.and_then(|v| story.as_it_stood(v)).map(Rc::new);
        State {
            load: Load::Ready(story),
            view,
            open,
            // The view was announced when the reader chose it; a new version that changes no
            // position must leave the live region silent, not say the view again.
            view_chosen: false,
            requested_view: self.requested_view.clone(),
            changes: Rc::new(changes),
            latest: Rc::new(latest),
            stale: None,
            version,
            shown,
            version_said: false,
        }
    }
}
