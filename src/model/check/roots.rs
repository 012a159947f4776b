//! The reader's errors placed, named by cell, and grouped: one mistake that makes many others
//! (a malformed side id, an unknown issue id, a side with no positions) is one diagnostic, with
//! what follows from it held back inside it.

use std::collections::HashMap;

use serde_json::Value;

use super::quotes::json_diagnostics;
use super::{place, text_at, Diagnostic, Severity};
use crate::model::validate::StoryError;

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
pub(super) fn story_diagnostics(json: &str, errors: Vec<StoryError>) -> Vec<Diagnostic> {
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
pub(super) fn cell_of(raw: &Value, path: &str) -> Option<String> {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_as_meant() {
        assert_eq!(id_key(" Ukraine "), "ukraine");
        assert_eq!(id_key("Side A"), id_key("side-a"));
    }
}
