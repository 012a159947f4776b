//! Reading a story file: JSON syntax and types first, then the rules that keep the matrix whole.
//!
//! Every problem becomes a [`StoryError`] naming the field (`positions[4].side`) and, for JSON
//! problems, the line and column, so an editor can find it; nothing here panics on bad input.

use std::fmt;

use super::stance::Stance;
use super::story::Story;

/// One thing wrong with a story file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StoryError {
    /// Where the problem is: a field path such as `issues[2].title`, or empty for the whole file.
    pub path: String,
    /// Line and column (1-based) in the JSON text, where the JSON parser knows them.
    pub location: Option<(usize, usize)>,
    pub message: String,
}

impl fmt::Display for StoryError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some((line, column)) = self.location {
            write!(f, "line {line}, column {column}: ")?;
        }
        if !self.path.is_empty() {
            write!(f, "{}: ", self.path)?;
        }
        f.write_str(&self.message)
    }
}

/// Everything wrong with a story file, in file order; never empty.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StoryErrors(pub Vec<StoryError>);

impl fmt::Display for StoryErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, error) in self.0.iter().enumerate() {
            if i > 0 {
                f.write_str("\n")?;
            }
            write!(f, "{error}")?;
        }
        Ok(())
    }
}

/// Parses and validates a story file. On success the positions are in issue-major order, so
/// [`Story::position`] can index them.
pub fn parse_story(json: &str) -> Result<Story, StoryErrors> {
    if let Some(message) = too_large(json.len() as u64) {
        return Err(StoryErrors(vec![StoryError {
            path: String::new(),
            location: None,
            message,
        }]));
    }
    let story = super::read::read_story(json).map_err(|error| StoryErrors(vec![error]))?;
    validate(story)
}

/// Checks the rules serde cannot: ids, references, completeness, evidence. Sorts positions.
pub fn validate(mut story: Story) -> Result<Story, StoryErrors> {
    let mut errors = Vec::new();
    let mut report = |path: String, message: String| {
        errors.push(StoryError {
            path,
            location: None,
            message,
        })
    };

    not_empty(&mut report, "title", &story.title);
    not_empty(&mut report, "standfirst", &story.standfirst);
    not_empty(&mut report, "lang", &story.lang);
    not_empty(&mut report, "as_of.place", &story.as_of.place);
    if !is_iso_date(&story.as_of.date) {
        report(
            "as_of.date".into(),
            format!("\"{}\" is not a date written YYYY-MM-DD", story.as_of.date),
        );
    }

    if story.sources.is_empty() {
        report("sources".into(), "a story needs at least one source".into());
    }
    let source_ids = check_ids(
        &mut report,
        "sources",
        story.sources.iter().map(|s| s.id.as_str()),
    );
    for (i, source) in story.sources.iter().enumerate() {
        not_empty(&mut report, &format!("sources[{i}].outlet"), &source.outlet);
        not_empty(&mut report, &format!("sources[{i}].title"), &source.title);
        if let Some(url) = &source.url {
            if !is_web_url(url) {
                report(
                    format!("sources[{i}].url"),
                    format!("\"{url}\" is not an http:// or https:// address"),
                );
            }
        }
        if !WRITING_CHECKED {
            continue;
        }
        if let Some(date) = source.date.as_deref().filter(|date| !is_iso_date(date)) {
            report(
                format!("sources[{i}].date"),
                format!("\"{date}\" is not a date written YYYY-MM-DD"),
            );
        }
        if let Some(author) = &source.author {
            not_empty(&mut report, &format!("sources[{i}].author"), author);
        }
    }

    if story.sides.is_empty() {
        report("sides".into(), "a story needs at least one side".into());
    }
    let side_ids = check_ids(
        &mut report,
        "sides",
        story.sides.iter().map(|s| s.id.as_str()),
    );
    for (i, side) in story.sides.iter().enumerate() {
        not_empty(&mut report, &format!("sides[{i}].name"), &side.name);
        not_empty(&mut report, &format!("sides[{i}].short"), &side.short);
        if let Some(title) = &side.view_title {
            not_empty(&mut report, &format!("sides[{i}].view_title"), title);
        }
        for (m, member) in side.members.iter().enumerate() {
            not_empty(&mut report, &format!("sides[{i}].members[{m}]"), member);
        }
    }

    if story.issues.is_empty() {
        report("issues".into(), "a story needs at least one issue".into());
    }
    let issue_ids = check_ids(
        &mut report,
        "issues",
        story.issues.iter().map(|s| s.id.as_str()),
    );
    for (i, issue) in story.issues.iter().enumerate() {
        not_empty(&mut report, &format!("issues[{i}].title"), &issue.title);
        if let Some(short) = issue.short.as_deref().filter(|_| WRITING_CHECKED) {
            not_empty(&mut report, &format!("issues[{i}].short"), short);
        }
        not_empty(
            &mut report,
            &format!("issues[{i}].explainer"),
            &issue.explainer,
        );
    }

    // Which position fills each grid slot (issue-major), to sort them and find gaps and doubles.
    // Plain vectors rather than hash maps: the widget ships to phones, and hashing code costs.
    let sides = story.sides.len();
    let cells = story.issues.len() * sides;
    for (list, count, max) in [
        ("issues", story.issues.len(), MAX_ISSUES),
        ("sides", sides, MAX_SIDES),
    ] {
        if count > max {
            report(
                list.into(),
                format!("{count} {list}; a story may have at most {max}"),
            );
        }
    }
    if story.issues.len() > MAX_ISSUES || sides > MAX_SIDES {
        return Err(StoryErrors(errors));
    }
    let mut slots: Vec<Option<usize>> = vec![None; cells];
    // (side, rank, position index) of every ranked demand, checked for repeats below.
    let mut ranks: Vec<(usize, u32, usize)> = Vec::new();
    for (i, position) in story.positions.iter().enumerate() {
        let at = |field: &str| format!("positions[{i}].{field}");
        let (issue, side) = cell_of(
            &mut report,
            &at,
            position,
            &story,
            (&issue_ids, &side_ids, &source_ids),
        );
        if let (Some(issue), Some(side)) = (issue, side) {
            if let Some(first) = slots[issue * sides + side].replace(i) {
                report(
                    at("issue"),
                    format!(
                        "a second position for side \"{}\" on issue \"{}\" (the first is positions[{first}])",
                        position.side, position.issue
                    ),
                );
            }
        }

        position_rules(&mut report, &at, position);
        if let (Some(rank @ 1..), Stance::Demands, Some(side)) =
            (position.priority, position.stance, side)
        {
            ranks.push((side, rank, i));
        }
    }
    ranks.sort_unstable();
    for pair in ranks.windows(2) {
        let ((side, rank, first), (same_side, same_rank, i)) = (pair[0], pair[1]);
        if side == same_side && rank == same_rank {
            report(
                format!("positions[{i}].priority"),
                format!(
                    "side \"{}\" already has a demand ranked {rank} (positions[{first}])",
                    story.sides[side].id
                ),
            );
        }
    }

    for (i, issue) in story.issues.iter().enumerate() {
        for (s, side) in story.sides.iter().enumerate() {
            let both_ids_unique =
                issue_ids.get(&issue.id) == Some(i) && side_ids.get(&side.id) == Some(s);
            if both_ids_unique && slots[i * sides + s].is_none() {
                report(
                    "positions".into(),
                    format!(
                        "no position for side \"{}\" on issue \"{}\": add one (use \"stance\": \"not_stated\" when the source is silent)",
                        side.id, issue.id
                    ),
                );
            }
        }
    }

    if !errors.is_empty() {
        return Err(StoryErrors(errors));
    }
    let mut taken: Vec<Option<_>> = story.positions.drain(..).map(Some).collect();
    story.positions = slots
        .into_iter()
        .filter_map(|p| p.and_then(|p| taken.get_mut(p)).and_then(Option::take))
        .collect();
    // Only builds that show or write earlier versions check them: the reader's default build
    // reads a story's history but never shows it (docs/live-stories.md), and its code would
    // cost every reader 1.5 kB.
    if !HISTORY_SHOWN {
        return Ok(story);
    }
    // Against the sorted positions: a version's position is found by its cell.
    let mut report = |path: String, message: String| {
        errors.push(StoryError {
            path,
            location: None,
            message,
        })
    };
    check_history(&mut report, &story, (&issue_ids, &side_ids, &source_ids));
    if !errors.is_empty() {
        return Err(StoryErrors(errors));
    }
    Ok(story)
}

/// The cell a position is about (indices of its issue and side), with its issue, side and
/// source each reported when the story has no such id. `at` makes a field's path.
fn cell_of(
    report: &mut impl FnMut(String, String),
    at: &dyn Fn(&str) -> String,
    position: &super::story::Position,
    story: &Story,
    ids: (&IdIndex<'_>, &IdIndex<'_>, &IdIndex<'_>),
) -> (Option<usize>, Option<usize>) {
    let (issue_ids, side_ids, source_ids) = ids;
    let issue = issue_ids.get(&position.issue);
    let side = side_ids.get(&position.side);
    if issue.is_none() {
        report(
            at("issue"),
            unknown("issue", &position.issue, &story.issues, |x| &x.id),
        );
    }
    if side.is_none() {
        report(
            at("side"),
            unknown("side", &position.side, &story.sides, |x| &x.id),
        );
    }
    if source_ids.get(&position.source).is_none() {
        report(
            at("source"),
            unknown("source", &position.source, &story.sources, |x| &x.id),
        );
    }
    for (e, evidence) in position.evidence.iter().enumerate() {
        if let Some(source) = evidence.source.as_deref() {
            if source_ids.get(source).is_none() {
                report(
                    at(&format!("evidence[{e}].source")),
                    unknown("source", source, &story.sources, |x| &x.id),
                );
            }
        }
    }
    (issue, side)
}

/// What a position must hold whatever its place (the story's own or an earlier version's):
/// words for a stated stance, a quote only with the sentence it comes from, a priority only on a
/// demand. `at` makes a field's path.
fn position_rules(
    report: &mut impl FnMut(String, String),
    at: &dyn Fn(&str) -> String,
    position: &super::story::Position,
) {
    let stated = position.stance.is_stated();
    if stated {
        not_empty(report, &at("summary"), &position.summary);
        if position.evidence.is_empty() {
            report(
                at("evidence"),
                format!(
                    "a \"{}\" position needs the sentence of the source it rests on",
                    position.stance.id()
                ),
            );
        }
    } else if position.quote.is_some() {
        report(
            at("quote"),
            "a \"not_stated\" position cannot carry a quote: if the source quotes the side, choose its stance".into(),
        );
    }
    if !stated && position.is_conditional() {
        report(
            at("condition"),
            "a \"not_stated\" position has no condition: a condition belongs to a stance the source states".into(),
        );
    }
    for (e, sentence) in position.evidence.iter().enumerate() {
        let field = match sentence.source {
            Some(_) => format!("evidence[{e}].text"),
            None => format!("evidence[{e}]"),
        };
        not_empty(report, &at(&field), &sentence.text);
    }
    if let Some(quote) = &position.quote {
        not_empty(report, &at("quote.text"), &quote.text);
        not_empty(report, &at("quote.speaker"), &quote.speaker);
        if !quote.text.trim().is_empty()
            && !position
                .evidence
                .iter()
                .any(|sentence| sentence.text.contains(quote.text.trim()))
        {
            report(
                at("quote.text"),
                "the quote must appear word for word in one of the position's evidence sentences"
                    .into(),
            );
        }
    }
    if let Some(rank) = position.priority {
        if position.stance != Stance::Demands {
            report(
                at("priority"),
                "only a \"demands\" position can have a priority".into(),
            );
        } else if rank == 0 {
            report(at("priority"), "priorities start at 1".into());
        }
    }
}

/// The story's earlier versions (`history`, oldest first): each dated before the next and
/// before the story's own date, each position about an issue, a side and a source the story
/// has, at most one per cell, and not the story's own (a version lists what differed).
/// Positions must be in issue-major order already.
fn check_history(
    report: &mut impl FnMut(String, String),
    story: &Story,
    ids: (&IdIndex<'_>, &IdIndex<'_>, &IdIndex<'_>),
) {
    for (v, version) in story.history.iter().enumerate() {
        let path = |field: &str| format!("history[{v}].{field}");
        not_empty(report, &path("as_of.place"), &version.as_of.place);
        let date = &version.as_of.date;
        let next = story
            .history
            .get(v + 1)
            .map_or(&story.as_of.date, |n| &n.as_of.date);
        if !is_iso_date(date) {
            report(
                path("as_of.date"),
                format!("\"{date}\" is not a date written YYYY-MM-DD"),
            );
        } else if date >= next {
            let later = match v + 1 < story.history.len() {
                true => format!("history[{}]", v + 1),
                false => "the story's own as_of".to_owned(),
            };
            report(
                path("as_of.date"),
                format!("{date} is not before {next} ({later}): versions go oldest first, each before the next"),
            );
        }
        if version.positions.is_empty() {
            report(
                path("positions"),
                "a version lists the positions that differed then; this one lists none".into(),
            );
        }
        let mut cells: Vec<(usize, usize, usize)> = Vec::new();
        for (i, position) in version.positions.iter().enumerate() {
            let at = |field: &str| path(&format!("positions[{i}].{field}"));
            let (issue, side) = cell_of(report, &at, position, story, ids);
            position_rules(report, &at, position);
            let (Some(issue), Some(side)) = (issue, side) else {
                continue;
            };
            if let Some(&(.., first)) = cells.iter().find(|c| (c.0, c.1) == (issue, side)) {
                report(
                    at("issue"),
                    format!(
                        "a second position for side \"{}\" on issue \"{}\" in this version (the first is history[{v}].positions[{first}])",
                        position.side, position.issue
                    ),
                );
            }
            cells.push((issue, side, i));
            if story.positions.get(issue * story.sides.len() + side) == Some(position) {
                report(
                    at("issue"),
                    "the same as the story's own position: a version lists only what differed then"
                        .into(),
                );
            }
        }
    }
}

/// Whether this build uses a story's `history`: the editors' tools (`story check`, `story
/// publish`, the desk) and the reader's live build, which steps through it.
pub const HISTORY_SHOWN: bool = cfg!(any(feature = "editor", feature = "live"));

/// Whether this build checks the rules that guard only how a story is written, not what a reader
/// can be shown: a source's date written YYYY-MM-DD, an author or a short title left empty. The
/// build, `story check`, the workbook and the desk do; the readers' WebAssembly does not (it
/// shows such a date as written, leaves an empty author out and never shows a short title), which
/// saves every reader 0.3 kB (docs/size.md).
pub const WRITING_CHECKED: bool = cfg!(any(feature = "editor", not(target_arch = "wasm32")));

fn not_empty(report: &mut impl FnMut(String, String), path: &str, value: &str) {
    if value.trim().is_empty() {
        report(path.to_owned(), "must not be empty".into());
    }
}

/// The most issues a story may have: far beyond any real talks, low enough that the matrix stays
/// usable on a phone (a larger file is refused with this limit in the message, not rendered).
pub const MAX_ISSUES: usize = 1_000;
/// Largest story file, in bytes (8 MiB): 400 times the Istanbul story, room for 1,000 issues ×
/// 12 sides with long quotes, and still parsed in well under a second on a phone.
pub const MAX_STORY_BYTES: u64 = 8 << 20;

/// The message for a file of `bytes` bytes when that is over [`MAX_STORY_BYTES`]. Also used on
/// a server's `Content-Length`, so an oversized file is refused before it is downloaded.
pub fn too_large(bytes: u64) -> Option<String> {
    (bytes > MAX_STORY_BYTES).then(|| {
        format!("the file is {bytes} bytes; a story file may be at most {MAX_STORY_BYTES} bytes (8 MiB)")
    })
}

/// The most sides a story may have.
pub const MAX_SIDES: usize = 12;

/// Ids of one list, sorted for lookup; each id maps to the index of its first occurrence.
struct IdIndex<'a>(Vec<(&'a str, usize)>);

impl IdIndex<'_> {
    fn get(&self, id: &str) -> Option<usize> {
        self.0
            .binary_search_by(|(probe, _)| (*probe).cmp(id))
            .ok()
            .map(|at| self.0[at].1)
    }
}

/// Checks that ids are well formed and unique; returns the index of each id's first occurrence.
fn check_ids<'a>(
    report: &mut impl FnMut(String, String),
    list: &str,
    ids: impl Iterator<Item = &'a str>,
) -> IdIndex<'a> {
    let mut sorted: Vec<(&'a str, usize)> = ids.enumerate().map(|(i, id)| (id, i)).collect();
    for &(id, i) in &sorted {
        let path = format!("{list}[{i}].id");
        if id.is_empty() {
            report(path, "must not be empty".into());
        } else if !id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_')
        {
            report(path, format!("\"{id}\" may use only a–z, 0–9, - and _"));
        }
    }
    // Stable sort: equal ids keep file order, so the first of a run is the original.
    sorted.sort_by(|a, b| a.0.cmp(b.0));
    // (index, id, index of the first occurrence) of every repeat, reported in file order.
    let mut duplicates: Vec<(usize, &str, usize)> = Vec::new();
    let mut run_start = 0;
    for k in 1..sorted.len() {
        if sorted[k].0 != sorted[run_start].0 {
            run_start = k;
        } else if !sorted[k].0.is_empty() {
            duplicates.push((sorted[k].1, sorted[k].0, sorted[run_start].1));
        }
    }
    duplicates.sort_unstable_by_key(|d| d.0);
    for (i, id, first) in duplicates {
        report(
            format!("{list}[{i}].id"),
            format!("duplicate id \"{id}\" (also {list}[{first}].id)"),
        );
    }
    sorted.dedup_by(|later, first| later.0 == first.0);
    IdIndex(sorted)
}

fn unknown<T>(kind: &str, id: &str, known: &[T], id_of: impl Fn(&T) -> &String) -> String {
    let mut names: Vec<&str> = known.iter().map(|x| id_of(x).as_str()).collect();
    names.sort_unstable();
    names.dedup();
    format!(
        "unknown {kind} \"{id}\"; the story's {kind}s are: {}",
        names.join(", ")
    )
}

fn is_iso_date(text: &str) -> bool {
    let bytes = text.as_bytes();
    bytes.len() == 10
        && bytes[4] == b'-'
        && bytes[7] == b'-'
        && bytes
            .iter()
            .enumerate()
            .all(|(i, b)| i == 4 || i == 7 || b.is_ascii_digit())
        && (1..=12).contains(&text[5..7].parse::<u8>().unwrap_or(0))
        && (1..=31).contains(&text[8..10].parse::<u8>().unwrap_or(0))
}

/// Whether a source address may become a link: only the web's own schemes, never `javascript:`.
pub fn is_web_url(url: &str) -> bool {
    let lower = url.trim_start().to_ascii_lowercase();
    (lower.starts_with("https://") || lower.starts_with("http://"))
        && lower.len() > "https://".len()
}
