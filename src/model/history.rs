//! Publishing a new version of a story over an old one: the old versions become the new one's
//! `history` (docs/live-stories.md), for `story publish` and the desk alike.
//!
//! Each earlier version is kept as the positions that differed from the story as it now stands,
//! so every version is rebuilt from the current story ([`Story::as_it_stood`]) and compared
//! again when a newer one is published: a cell that changed twice keeps each of its wordings.

use super::stance::Stance;
use super::story::{Position, Story, Version};

/// What publishing did besides writing the history, for the editor to read.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Published {
    /// One line per thing worth knowing: a version with no change of position left out, a
    /// source kept because an earlier version rests on it, a cell new since an earlier version.
    pub notes: Vec<String>,
}

/// `new` with the history of `previous` and `previous` itself as its earlier versions. Refused
/// (with the reason) when `new` is not dated after `previous`.
pub fn publish(mut new: Story, previous: &Story) -> Result<(Story, Published), String> {
    if new.as_of.date <= previous.as_of.date {
        return Err(format!(
            "the new version's as_of.date ({}) must be after the previous one's ({}): publish the newer file over the older",
            new.as_of.date, previous.as_of.date
        ));
    }
    let mut published = Published::default();
    // Every earlier version as it stood in full, oldest first, the previous file last.
    let mut stood: Vec<Story> = (0..previous.history.len())
        .filter_map(|v| previous.as_it_stood(v))
        .collect();
    stood.push(Story {
        history: Vec::new(),
        ..previous.clone()
    });
    new.history.clear();
    for then in &stood {
        let date = &then.as_of.date;
        let mut positions = Vec::new();
        for issue in &new.issues {
            for side in &new.sides {
                let Some(now) = new.find(&issue.id, &side.id) else {
                    continue;
                };
                let known = then.find(&issue.id, &side.id);
                let was = match known {
                    Some(was) => was.clone(),
                    // Not in the matrix then: the story recorded no position, and says so.
                    None => Position {
                        issue: issue.id.clone(),
                        side: side.id.clone(),
                        stance: Stance::NotStated,
                        priority: None,
                        summary: String::new(),
                        condition: String::new(),
                        quote: None,
                        source: now.source.clone(),
                        evidence: Vec::new(),
                    },
                };
                if was == *now {
                    continue;
                }
                if known.is_none() {
                    published.notes.push(format!(
                        "{date}: no position of \"{}\" on \"{}\" then; that version shows it as not stated",
                        side.id, issue.id
                    ));
                }
                // An earlier version rests on its own source, which the new one may have dropped.
                if new.sources.iter().all(|s| s.id != was.source) {
                    if let Some(source) = then.sources.iter().find(|s| s.id == was.source) {
                        published.notes.push(format!(
                            "source \"{}\" kept: the version of {date} rests on it",
                            source.id
                        ));
                        new.sources.push(source.clone());
                    }
                }
                positions.push(was);
            }
        }
        if positions.is_empty() {
            published.notes.push(format!(
                "{date}: no position differs from the new version's, so it is not kept as a version of the matrix"
            ));
            continue;
        }
        new.history.push(Version {
            as_of: then.as_of.clone(),
            positions,
        });
    }
    Ok((new, published))
}
