//! The closed vocabulary of stances a side can take on an issue, and what each one means.

use serde::Serialize;

use crate::i18n::Strings;

/// Where a side stands on one issue. Editors choose one of these five words in a story file;
/// anything else is rejected at load with the list of allowed words.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Stance {
    /// The side asks for this, or acts to bring it about.
    Demands,
    /// The side backs it or has agreed to it, without being the one who asks.
    Supports,
    /// The side has signalled it could accept it, or has not decided.
    Open,
    /// The side refuses it.
    Rejects,
    /// The source says nothing about where the side stands.
    NotStated,
}

/// Which way a stance points, for finding common ground and clashes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Camp {
    For,
    Undecided,
    Against,
    Silent,
}

impl Stance {
    /// Every stance, in the order the legend lists them.
    pub const ALL: [Stance; 5] = [
        Stance::Demands,
        Stance::Supports,
        Stance::Open,
        Stance::Rejects,
        Stance::NotStated,
    ];

    /// The word used in story files and CSS modifiers.
    pub fn id(self) -> &'static str {
        match self {
            Stance::Demands => "demands",
            Stance::Supports => "supports",
            Stance::Open => "open",
            Stance::Rejects => "rejects",
            Stance::NotStated => "not_stated",
        }
    }

    /// The stance's key in the locale files (`not-stated`), and its meaning's with `-meaning`.
    pub fn key(self) -> &'static str {
        match self {
            Stance::Demands => "demands",
            Stance::Supports => "supports",
            Stance::Open => "open",
            Stance::Rejects => "rejects",
            Stance::NotStated => "not-stated",
        }
    }

    /// The label readers see next to the stance's shape ("Demands"). A label, not a verb, in
    /// every locale: it stands next to any side's name, singular or plural.
    pub fn label(self, t: &Strings) -> String {
        t.text(self.key())
    }

    /// One line for the legend: what the stance means.
    pub fn meaning(self, t: &Strings) -> String {
        t.text(&format!("{}-meaning", self.key()))
    }

    /// The stance's shape in a 16 × 16 box, as SVG path data, and the width of its stroke
    /// (`None`: filled), as the images draw it (src/images/). The widget's marks
    /// (components/stance_mark.rs) write the same shapes as static markup: drawn from this data
    /// they cost the reader 1.2 kB more WebAssembly (measured). tests/native/render.rs checks the two
    /// agree.
    pub fn mark(self) -> (&'static str, Option<f32>) {
        match self {
            Stance::Demands => ("M8 1.8 14.6 13.6H1.4Z", None),
            Stance::Supports => ("M2.6 8.6 6.3 12.2 13.4 3.8", Some(2.4)),
            Stance::Open => (
                "M8 2.8A5.2 5.2 0 1 1 8 13.2 5.2 5.2 0 1 1 8 2.8Z",
                Some(2.4),
            ),
            Stance::Rejects => ("M3.4 3.4 12.6 12.6M12.6 3.4 3.4 12.6", Some(2.4)),
            Stance::NotStated => ("M3 8H13", Some(2.0)),
        }
    }

    pub fn camp(self) -> Camp {
        match self {
            Stance::Demands | Stance::Supports => Camp::For,
            Stance::Open => Camp::Undecided,
            Stance::Rejects => Camp::Against,
            Stance::NotStated => Camp::Silent,
        }
    }

    pub fn is_stated(self) -> bool {
        self != Stance::NotStated
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_the_story_files_words_in_order() {
        let ids: Vec<&str> = Stance::ALL.iter().map(|s| s.id()).collect();
        assert_eq!(ids, crate::model::read::STANCE_IDS);
    }

    #[test]
    fn only_not_stated_is_silent() {
        for stance in Stance::ALL {
            assert_eq!(stance.camp() == Camp::Silent, !stance.is_stated());
        }
    }
}
