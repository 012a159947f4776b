//! The four ways to read the matrix, and which rows each one shows in which order.

use super::stance::Stance;
use super::story::Story;
use crate::i18n::Strings;

/// What the reader is looking at: the whole matrix, or one side's demands first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum View {
    #[default]
    AllSides,
    /// Index into the story's sides.
    Side(usize),
}

impl View {
    /// The view an embed asks for by side id (`data-view="kyiv"`); `all` or unknown ids give
    /// the all-sides view, because a wrong attribute must not hide the story.
    pub fn from_id(story: &Story, id: Option<&str>) -> View {
        id.and_then(|id| story.side_index(id))
            .map(View::Side)
            .unwrap_or(View::AllSides)
    }

    /// The id used in `data-view`, `?view=` and `data-testid`s.
    pub fn id(self, story: &Story) -> &str {
        match self {
            View::AllSides => "all",
            View::Side(side) => story.sides.get(side).map_or("all", |s| s.id.as_str()),
        }
    }

    /// Every view in tab order: all sides first, then the sides in story order.
    pub fn all(story: &Story) -> Vec<View> {
        std::iter::once(View::AllSides)
            .chain((0..story.sides.len()).map(View::Side))
            .collect()
    }

    /// Rows in display order, grouped. The all-sides view is one group in story order; a side's
    /// view puts its demands first (ranked ones by rank, then the rest in story order), then its
    /// answers to other issues, then the issues on which the source records no position of it
    /// (when there are any).
    pub fn groups(self, story: &Story) -> Vec<RowGroup> {
        let View::Side(side) = self else {
            return vec![RowGroup {
                kind: GroupKind::Everything,
                issues: (0..story.issues.len()).collect(),
            }];
        };
        let stance = |issue: usize| story.position(issue, side).stance;
        let mut demands: Vec<usize> = (0..story.issues.len())
            .filter(|&i| stance(i) == Stance::Demands)
            .collect();
        // Stable sort: unranked demands keep story order after the ranked ones.
        demands.sort_by_key(|&i| story.position(i, side).priority.unwrap_or(u32::MAX));
        let answers = (0..story.issues.len())
            .filter(|&i| stance(i).is_stated() && stance(i) != Stance::Demands)
            .collect();
        let silent: Vec<usize> = (0..story.issues.len())
            .filter(|&i| !stance(i).is_stated())
            .collect();
        let mut groups = vec![
            RowGroup {
                kind: GroupKind::Demands,
                issues: demands,
            },
            RowGroup {
                kind: GroupKind::Answers,
                issues: answers,
            },
        ];
        // A side on record on every issue has no such group: a heading over nothing would read
        // as if something were missing. Empty demands or answers are said in a note instead.
        if !silent.is_empty() {
            groups.push(RowGroup {
                kind: GroupKind::NotStated,
                issues: silent,
            });
        }
        groups
    }
}

/// One line of a view as the widget's table lays it out (components/matrix_table.rs): a group's
/// heading (in a side's view, also over an empty group of demands or answers), the note of such
/// an empty group, or an issue's row. The images and their text alternatives follow it, so that
/// pictures, words and widget agree.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Line {
    Heading(GroupKind),
    Note(GroupKind),
    Issue(usize),
}

impl View {
    /// The view's lines in order.
    pub fn lines(self, story: &Story) -> Vec<Line> {
        let mut lines = Vec::with_capacity(story.issues.len() + 6);
        for group in self.groups(story) {
            if group.kind != GroupKind::Everything {
                lines.push(Line::Heading(group.kind));
                if group.issues.is_empty() {
                    lines.push(Line::Note(group.kind));
                }
            }
            lines.extend(group.issues.into_iter().map(Line::Issue));
        }
        lines
    }
}

/// Why rows are together in a side's view.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GroupKind {
    Everything,
    Demands,
    Answers,
    NotStated,
}

impl GroupKind {
    pub fn id(self) -> &'static str {
        match self {
            GroupKind::Everything => "all",
            GroupKind::Demands => "demands",
            GroupKind::Answers => "answers",
            GroupKind::NotStated => "not-stated",
        }
    }

    /// The group's heading in a side's view ("Kyiv: demands, and how the others answer"); the
    /// all-sides view has none. The name stands alone in every locale, never inflected.
    pub fn heading(self, t: &Strings, side_name: &str) -> String {
        let key = match self {
            GroupKind::Everything => return String::new(),
            GroupKind::Demands => "group-demands",
            GroupKind::Answers => "group-answers",
            GroupKind::NotStated => "group-not-stated",
        };
        t.fill(key, &[("side", side_name)])
    }

    /// What an empty group says, so that a side without demands is said to have none.
    pub fn empty_note(self, t: &Strings, side_name: &str) -> String {
        let key = match self {
            GroupKind::Demands => "empty-demands",
            GroupKind::Answers => "empty-answers",
            _ => return String::new(),
        };
        t.fill(key, &[("side", side_name)])
    }
}

/// Rows shown together under one heading.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RowGroup {
    pub kind: GroupKind,
    pub issues: Vec<usize>,
}
