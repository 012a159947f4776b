//! The story file editors write: its types, and the lookups the widget needs once it is valid.
//!
//! Read from JSON by `super::de` (unknown fields refused; which fields are optional is listed
//! there), written back by `Serialize` for the pages the build prerenders.

use serde::Serialize;

use super::stance::Stance;

/// One demands matrix: the sides at the table, the issues between them, and where each side stands
/// on each issue. Build one with [`crate::model::parse_story`], which validates it; a `Story` that
/// exists has a position for every issue × side pair, in issue-major order.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Story {
    /// BCP 47 language of the story's text (`en` when absent); the widget root carries it as `lang`.
    pub lang: String,
    pub title: String,
    pub standfirst: String,
    pub as_of: AsOf,
    pub sources: Vec<Source>,
    pub sides: Vec<Side>,
    pub issues: Vec<Issue>,
    pub positions: Vec<Position>,
}

/// When and where the matrix was true: the widget says "As of 2 June 2025, Istanbul".
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct AsOf {
    /// ISO date, `YYYY-MM-DD`.
    pub date: String,
    pub place: String,
}

/// A publication a position is taken from.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Source {
    pub id: String,
    pub outlet: String,
    pub title: String,
    /// Only `http:` and `https:` addresses are accepted; without one the source is shown as text.
    pub url: Option<String>,
}

/// A party to the talks: a column of the matrix and one of the views.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Side {
    pub id: String,
    /// Full name, used in sentences and column headings ("Western allies").
    pub name: String,
    /// Short label for tabs and narrow screens ("West").
    pub short: String,
    /// Heading of this side's view ("Kyiv's view"); defaults to "Seen from {name}".
    pub view_title: Option<String>,
    /// Who speaks or acts for the side in the source.
    pub members: Vec<String>,
}

impl Side {
    pub fn view_title(&self) -> String {
        match &self.view_title {
            Some(title) => title.clone(),
            None => format!("Seen from {}", self.name),
        }
    }
}

/// A matter on the table: a row of the matrix.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Issue {
    pub id: String,
    pub title: String,
    /// One line that tells a reader what the issue is about.
    pub explainer: String,
}

/// Where one side stands on one issue, and the words of the source that say so.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Position {
    pub issue: String,
    pub side: String,
    pub stance: Stance,
    /// The side's own rank for its demand (1 = first), where the side ranks its demands.
    pub priority: Option<u32>,
    /// One sentence a reader can take in at a glance. Optional only for `not_stated`.
    pub summary: String,
    pub quote: Option<Quote>,
    /// Id of the entry in `sources` this position rests on.
    pub source: String,
    /// The sentences of the source, word for word, that the position rests on.
    pub evidence: Vec<String>,
}

/// Words quoted exactly from the source, and who said them.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Quote {
    pub text: String,
    pub speaker: String,
}

impl Story {
    /// The position of side `side` on issue `issue` (indices into `sides` and `issues`).
    ///
    /// Validation sorts positions issue-major, so this is an index, not a search.
    pub fn position(&self, issue: usize, side: usize) -> &Position {
        &self.positions[issue * self.sides.len() + side]
    }

    /// Issue, side and position of one cell, or `None` if the indices are out of range.
    pub fn cell(&self, issue: usize, side: usize) -> Option<(&Issue, &Side, &Position)> {
        let (i, s) = (self.issues.get(issue)?, self.sides.get(side)?);
        Some((i, s, self.position(issue, side)))
    }

    pub fn side_index(&self, id: &str) -> Option<usize> {
        self.sides.iter().position(|side| side.id == id)
    }

    pub fn source_of(&self, position: &Position) -> Option<&Source> {
        self.sources
            .iter()
            .find(|source| source.id == position.source)
    }
}
