//! The story file editors write: its types, and the lookups the widget needs once it is valid.
//!
//! Read from JSON by `super::read` (unknown fields refused; which fields are optional is listed
//! there), written back by `Serialize` for the pages the build prerenders and in canonical form
//! ([`Story::to_canonical_json`]). With the `schema` feature the types also describe
//! `story.schema.json`; the `schemars` attributes below repeat what `read` accepts (defaults,
//! optional fields, unknown fields refused) and the simplest of `validate`'s rules.

use serde::Serialize;

#[cfg(feature = "schema")]
use schemars::JsonSchema;

use super::stance::Stance;

/// One demands matrix: the sides at the table, the issues between them, and where each side stands
/// on each issue. Build one with [`crate::model::parse_story`], which validates it; a `Story` that
/// exists has a position for every issue × side pair, in issue-major order.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema), schemars(deny_unknown_fields))]
pub struct Story {
    /// BCP 47 language of the story's text (`en` when absent); the widget root carries it as `lang`.
    #[cfg_attr(
        feature = "schema",
        schemars(length(min = 1), default = "default_lang")
    )]
    pub lang: String,
    #[cfg_attr(feature = "schema", schemars(length(min = 1)))]
    pub title: String,
    #[cfg_attr(feature = "schema", schemars(length(min = 1)))]
    pub standfirst: String,
    pub as_of: AsOf,
    #[cfg_attr(feature = "schema", schemars(length(min = 1)))]
    pub sources: Vec<Source>,
    #[cfg_attr(feature = "schema", schemars(length(min = 1, max = 12)))]
    pub sides: Vec<Side>,
    #[cfg_attr(feature = "schema", schemars(length(min = 1, max = 1000)))]
    pub issues: Vec<Issue>,
    pub positions: Vec<Position>,
    /// Earlier versions of the story, oldest first (docs/live-stories.md): written by
    /// `story publish` when a new version replaces an old one, never by hand-made dates.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(feature = "schema", schemars(default))]
    pub history: Vec<Version>,
}

/// The story as it stood at an earlier date: that date, and each position that said something
/// else then than the story says now (the others were as they are).
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema), schemars(deny_unknown_fields))]
pub struct Version {
    pub as_of: AsOf,
    #[cfg_attr(feature = "schema", schemars(length(min = 1)))]
    pub positions: Vec<Position>,
}

/// When and where the matrix was true: the widget says "As of 2 June 2025, Istanbul".
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema), schemars(deny_unknown_fields))]
pub struct AsOf {
    /// ISO date, `YYYY-MM-DD`.
    #[cfg_attr(
        feature = "schema",
        schemars(regex(pattern = r"^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$"))
    )]
    pub date: String,
    #[cfg_attr(feature = "schema", schemars(length(min = 1)))]
    pub place: String,
}

/// A publication a position is taken from.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema), schemars(deny_unknown_fields))]
pub struct Source {
    #[cfg_attr(
        feature = "schema",
        schemars(length(min = 1), regex(pattern = r"^[a-z0-9_-]+$"))
    )]
    pub id: String,
    #[cfg_attr(feature = "schema", schemars(length(min = 1)))]
    pub outlet: String,
    #[cfg_attr(feature = "schema", schemars(length(min = 1)))]
    pub title: String,
    /// Only `http:` and `https:` addresses are accepted; without one the source is shown as text.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(
        feature = "schema",
        schemars(default, regex(pattern = r"^[Hh][Tt][Tt][Pp][Ss]?://."))
    )]
    pub url: Option<String>,
    /// When the source was published (`YYYY-MM-DD`), shown beside it.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(
        feature = "schema",
        schemars(
            default,
            regex(pattern = r"^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$")
        )
    )]
    pub date: Option<String>,
    /// Who wrote it, as the outlet credits them.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(default, length(min = 1)))]
    pub author: Option<String>,
    /// The text the newsroom holds of this source is part of it only, so evidence missing from
    /// that text may still be in the source: the desk says "checked against an excerpt".
    #[serde(skip_serializing_if = "is_false")]
    #[cfg_attr(feature = "schema", schemars(default))]
    pub excerpt: bool,
}

fn is_false(value: &bool) -> bool {
    !value
}

/// A party to the talks: a column of the matrix and one of the views.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema), schemars(deny_unknown_fields))]
pub struct Side {
    #[cfg_attr(
        feature = "schema",
        schemars(length(min = 1), regex(pattern = r"^[a-z0-9_-]+$"))
    )]
    pub id: String,
    /// Full name, used in sentences and column headings ("Western allies").
    #[cfg_attr(feature = "schema", schemars(length(min = 1)))]
    pub name: String,
    /// Short label for tabs and narrow screens ("West").
    #[cfg_attr(feature = "schema", schemars(length(min = 1)))]
    pub short: String,
    /// Heading of this side's view ("Kyiv's view"); defaults to the locale's ("Kyiv: their view").
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(default, length(min = 1)))]
    pub view_title: Option<String>,
    /// Who speaks or acts for the side in the source.
    #[cfg_attr(feature = "schema", schemars(default))]
    pub members: Vec<String>,
    /// What the side is at the table: a party (the default), or a mediator, host or observer,
    /// which the widget labels beside its name and leaves out of where the parties agree.
    #[serde(skip_serializing_if = "Role::is_party")]
    #[cfg_attr(feature = "schema", schemars(default))]
    pub role: Role,
}

/// A side's part in the talks.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// One of those whose demands the talks are about.
    #[default]
    Party,
    /// Brings the parties together and carries proposals (Qatar, Malaysia).
    Mediator,
    /// Holds the talks on its soil without mediating them.
    Host,
    /// Attends without a stake of its own in the outcome.
    Observer,
}

impl Role {
    pub const ALL: [Role; 4] = [Role::Party, Role::Mediator, Role::Host, Role::Observer];

    /// The word story files and workbooks use.
    pub fn id(self) -> &'static str {
        ROLE_IDS[self as usize]
    }

    pub fn is_party(&self) -> bool {
        *self == Role::Party
    }
}

/// The role words of story files, in the order of [`Role::ALL`].
pub const ROLE_IDS: [&str; 4] = ["party", "mediator", "host", "observer"];

impl Side {
    pub fn view_title(&self, t: &crate::i18n::Strings) -> String {
        match &self.view_title {
            Some(title) => title.clone(),
            None => t.fill("side-view", &[("side", &self.name)]),
        }
    }
}

/// A matter on the table: a row of the matrix.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema), schemars(deny_unknown_fields))]
pub struct Issue {
    #[cfg_attr(
        feature = "schema",
        schemars(length(min = 1), regex(pattern = r"^[a-z0-9_-]+$"))
    )]
    pub id: String,
    #[cfg_attr(feature = "schema", schemars(length(min = 1)))]
    pub title: String,
    /// A shorter title for where space is short (share cards, images), instead of cutting the
    /// title with an ellipsis.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(default, length(min = 1)))]
    pub short: Option<String>,
    /// One line that tells a reader what the issue is about.
    #[cfg_attr(feature = "schema", schemars(length(min = 1)))]
    pub explainer: String,
}

/// Where one side stands on one issue, and the words of the source that say so.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema), schemars(deny_unknown_fields))]
pub struct Position {
    pub issue: String,
    pub side: String,
    pub stance: Stance,
    /// The side's own rank for its demand (1 = first), where the side ranks its demands.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(default, range(min = 1)))]
    pub priority: Option<u32>,
    /// One sentence a reader can take in at a glance. Optional only for `not_stated`.
    #[serde(skip_serializing_if = "String::is_empty")]
    #[cfg_attr(feature = "schema", schemars(default))]
    pub summary: String,
    /// What the stance depends on, in the story's words ("if the end of the war is
    /// guaranteed"): shown wherever the stance is, and never counted as plain agreement.
    #[serde(skip_serializing_if = "String::is_empty")]
    #[cfg_attr(feature = "schema", schemars(default))]
    pub condition: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(default))]
    pub quote: Option<Quote>,
    /// Id of the entry in `sources` this position rests on, and the source of every evidence
    /// sentence that names none of its own.
    pub source: String,
    /// The sentences of the sources, word for word, that the position rests on.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(feature = "schema", schemars(default))]
    pub evidence: Vec<Evidence>,
}

/// One evidence sentence: in a story file a plain string when it is from the position's source,
/// or `{"text": …, "source": …}` when another source says it (the same demand in two reports).
#[derive(Clone, Debug, PartialEq)]
pub struct Evidence {
    pub text: String,
    /// Id of the entry in `sources` the sentence is from, when not the position's own.
    pub source: Option<String>,
}

impl Evidence {
    /// The id of the source this sentence is from.
    pub fn source_in<'a>(&'a self, position: &'a Position) -> &'a str {
        self.source.as_deref().unwrap_or(&position.source)
    }
}

impl From<&str> for Evidence {
    fn from(text: &str) -> Self {
        Evidence {
            text: text.to_owned(),
            source: None,
        }
    }
}

impl From<String> for Evidence {
    fn from(text: String) -> Self {
        Evidence { text, source: None }
    }
}

impl Serialize for Evidence {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        match &self.source {
            None => serializer.serialize_str(&self.text),
            Some(source) => {
                let mut object = serializer.serialize_struct("Evidence", 2)?;
                object.serialize_field("text", &self.text)?;
                object.serialize_field("source", source)?;
                object.end()
            }
        }
    }
}

/// The two forms of [`Evidence`] as the schema describes them.
#[cfg(feature = "schema")]
impl JsonSchema for Evidence {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Evidence".into()
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        #[derive(JsonSchema)]
        #[schemars(deny_unknown_fields)]
        #[allow(dead_code)]
        struct FromAnotherSource {
            /// The sentence, word for word.
            #[schemars(length(min = 1))]
            text: String,
            /// Id of the entry in `sources` it is from.
            source: String,
        }
        #[derive(JsonSchema)]
        #[serde(untagged)]
        #[allow(dead_code)]
        enum Form {
            /// A sentence of the position's own source, word for word.
            Sentence(String),
            FromAnotherSource(FromAnotherSource),
        }
        Form::json_schema(generator)
    }
}

impl Position {
    /// What a reader sees at a glance is the same: the stance, its condition and the one-line
    /// summary. A new quote or source alone is not a change of position.
    pub fn says_same(&self, other: &Position) -> bool {
        self.stance == other.stance
            && self.summary == other.summary
            && self.condition == other.condition
    }

    /// Whether the stance holds only on a condition.
    pub fn is_conditional(&self) -> bool {
        !self.condition.trim().is_empty()
    }
}

/// Words quoted exactly from the source, and who said them.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema), schemars(deny_unknown_fields))]
pub struct Quote {
    #[cfg_attr(feature = "schema", schemars(length(min = 1)))]
    pub text: String,
    #[cfg_attr(feature = "schema", schemars(length(min = 1)))]
    pub speaker: String,
}

#[cfg(feature = "schema")]
fn default_lang() -> String {
    "en".to_owned()
}

impl Story {
    /// A story in English with nothing in it: the empty template's, and what a page renders
    /// in place of a built-in story that does not read.
    pub fn empty() -> Story {
        Story {
            lang: "en".into(),
            title: String::new(),
            standfirst: String::new(),
            as_of: AsOf {
                date: String::new(),
                place: String::new(),
            },
            sources: Vec::new(),
            sides: Vec::new(),
            issues: Vec::new(),
            positions: Vec::new(),
            history: Vec::new(),
        }
    }

    /// The story as a file: JSON indented by two spaces, fields in the order of the types, absent
    /// optional fields left out, positions issue-major (as validation leaves them), and a final
    /// newline. Two equal stories give the same bytes, so files compare and diff cleanly.
    pub fn to_canonical_json(&self) -> String {
        let mut json = serde_json::to_string_pretty(self).unwrap_or_default();
        json.push('\n');
        json
    }

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

    pub fn issue_index(&self, id: &str) -> Option<usize> {
        self.issues.iter().position(|issue| issue.id == id)
    }

    /// The position of the side with id `side` on the issue with id `issue`: how a cell is
    /// found again in a new version of the story, where indices may have moved.
    pub fn find(&self, issue: &str, side: &str) -> Option<&Position> {
        Some(self.position(self.issue_index(issue)?, self.side_index(side)?))
    }

    /// The story as it stood at `history[version]`: its date and place, and its positions where
    /// they differed; `None` when there is no such version.
    pub fn as_it_stood(&self, version: usize) -> Option<Story> {
        let then = self.history.get(version)?;
        let mut story = Story {
            as_of: then.as_of.clone(),
            history: Vec::new(),
            ..self.clone()
        };
        for position in &then.positions {
            let (Some(issue), Some(side)) = (
                self.issue_index(&position.issue),
                self.side_index(&position.side),
            ) else {
                continue;
            };
            story.positions[issue * self.sides.len() + side] = position.clone();
        }
        Some(story)
    }

    pub fn source_of(&self, position: &Position) -> Option<&Source> {
        self.sources
            .iter()
            .find(|source| source.id == position.source)
    }
}
