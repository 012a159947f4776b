//! Text alternatives for pictures of the matrix: what a share card or a full image shows, in words.
//!
//! Images of a view (the share card, the full image, the Apple News figure) are drawn from the
//! same story and view as the widget, so their words come from here, in the widget's order: rows
//! as [`View::groups`] gives them, columns in story order, stances by [`Stance::label`]. Phrases
//! live in `crate::text`, where a translator finds them. No Yew and no browser: the build and the
//! editors' command line call it natively.

use super::stance::Stance;
use super::story::Story;
use super::view::{Line, View};
use crate::text;

/// The longest short text alternative, in characters: long enough for the title, the view, the
/// date and the counts of a few sides, short enough for an `alt` and `og:image:alt`, which
/// readers hear in one go (social networks cut theirs at a few hundred characters).
pub const ALT_MAX_CHARS: usize = 300;

/// The view's name as the widget's tabs give it: "All sides", or the side's view title.
pub fn view_title(story: &Story, view: View) -> String {
    match view {
        View::AllSides => text::ALL_SIDES.to_owned(),
        View::Side(side) => story
            .sides
            .get(side)
            .map_or_else(|| text::ALL_SIDES.to_owned(), |s| s.view_title()),
    }
}

/// The title of a view where it stands alone (a share card's `og:title`, an Apple News heading):
/// the story's title, with the view's after it for a side's view.
pub fn headline(story: &Story, view: View) -> String {
    match view {
        View::AllSides => story.title.clone(),
        View::Side(_) => text::titled_view(&story.title, &view_title(story, view)),
    }
}

/// "As of 2 June 2025, Istanbul", as the widget's header says it.
pub fn as_of_line(story: &Story) -> String {
    text::as_of(&text::long_date(&story.as_of.date), &story.as_of.place)
}

/// "Source: outlet, “title”. Every position is taken from the source; …": the widget's footer
/// credit as one line of text.
pub fn source_credit(story: &Story) -> String {
    let sources: Vec<String> = story
        .sources
        .iter()
        .map(|source| text::source_entry(&source.outlet, &source.title))
        .collect();
    format!(
        "{}{}. {}",
        text::sources_lead(story.sources.len()),
        sources.join("; "),
        text::SOURCE_NOTE
    )
}

/// How many of a side's cells hold each stance, in [`Stance::ALL`] order.
pub fn stance_counts(story: &Story, side: usize) -> [(Stance, usize); 5] {
    Stance::ALL.map(|stance| {
        let count = (0..story.issues.len())
            .filter_map(|issue| story.cell(issue, side))
            .filter(|(_, _, position)| position.stance == stance)
            .count();
        (stance, count)
    })
}

/// The sides in the order an image's words name them: the view's side first (it is what the
/// reader chose), then the others in story order, which is the order of the columns.
fn sides_for(story: &Story, view: View) -> Vec<usize> {
    let focus = match view {
        View::Side(side) if side < story.sides.len() => Some(side),
        _ => None,
    };
    focus
        .into_iter()
        .chain((0..story.sides.len()).filter(|&s| Some(s) != focus))
        .collect()
}

/// "Kyiv: Demands 9, Supports 2, Not stated 3.": stances that no cell holds are left out.
fn side_counts(story: &Story, side: usize) -> Option<String> {
    let name = &story.sides.get(side)?.name;
    let counts: Vec<String> = stance_counts(story, side)
        .iter()
        .filter(|(_, count)| *count > 0)
        .map(|(stance, count)| text::stance_count(stance.label(), *count))
        .collect();
    Some(text::side_counts(name, &counts))
}

/// The short text alternative of an image of `view` (its `alt`, its `og:image:alt`): what the
/// image is, the size of the matrix, and each side's stances counted, as many sides as fit in
/// [`ALT_MAX_CHARS`], then how many sides are left (the long description counts every cell).
pub fn image_alt(story: &Story, view: View) -> String {
    image_alt_within(story, view, ALT_MAX_CHARS)
}

/// [`image_alt`] in at most `limit` characters, for an image that adds a sentence of its own
/// (a share card says how many rows it shows) within [`ALT_MAX_CHARS`].
fn image_alt_within(story: &Story, view: View, limit: usize) -> String {
    let head = format!(
        "{} {}",
        text::image_alt_head(
            &story.title,
            &view_title(story, view),
            &text::long_date(&story.as_of.date)
        ),
        text::matrix_size(story.issues.len(), story.sides.len())
    );
    let mut alt = clip(&head, limit);
    let sides = sides_for(story, view);
    for (done, &side) in sides.iter().enumerate() {
        let Some(counts) = side_counts(story, side) else {
            continue;
        };
        let left = sides.len() - done - 1;
        // Room for this side, and for the note on the sides after it if any remain.
        let tail = if left > 0 {
            text::more_sides(left).chars().count() + 1
        } else {
            0
        };
        if len(&alt) + 1 + len(&counts) + tail > limit {
            let rest = text::more_sides(sides.len() - done);
            if len(&alt) + 1 + len(&rest) <= limit {
                alt = format!("{alt} {rest}");
            }
            break;
        }
        alt = format!("{alt} {counts}");
    }
    alt
}

/// The short text alternative of a share card that shows the first `shown` issues of the view:
/// what it is and what its table holds. Shorter than [`image_alt`], without the counts: every
/// standalone page carries it (`og:image:alt`), and readers download those bytes.
pub fn card_alt(story: &Story, view: View, shown: usize) -> String {
    let head = text::image_alt_head(
        &story.title,
        &view_title(story, view),
        &text::long_date(&story.as_of.date),
    );
    let names: Vec<&str> = sides_for(story, view)
        .into_iter()
        .filter_map(|side| story.sides.get(side).map(|s| s.name.as_str()))
        .collect();
    let total = story.issues.len();
    let table = text::card_table(&super::agreement::join_names(&names), shown, total);
    let alt = format!("{head} {table}");
    if len(&alt) <= ALT_MAX_CHARS {
        return alt;
    }
    let table = text::card_table(&text::all_sides(names.len()), shown, total);
    clip(&format!("{head} {table}"), ALT_MAX_CHARS)
}

/// The long text alternative of an image of `view`: the title, the view, the date, every row of
/// the matrix in the view's order under the view's group headings, each side's stance in the
/// widget's words, and the source credit. One line per sentence.
pub fn image_description(story: &Story, view: View) -> String {
    let mut lines = vec![
        format!(
            "{}.",
            text::titled_view(&story.title, &view_title(story, view))
        ),
        format!("{}.", as_of_line(story)),
    ];
    let focus_name = match view {
        View::Side(side) => story.sides.get(side).map_or("", |s| s.name.as_str()),
        View::AllSides => "",
    };
    for line in view.lines(story) {
        match line {
            Line::Heading(kind) => lines.push(text::group_lead(&kind.heading(focus_name))),
            Line::Note(kind) => lines.push(kind.empty_note(focus_name)),
            Line::Issue(issue) => lines.extend(row(story, issue)),
        }
    }
    lines.push(source_credit(story));
    lines.join("\n")
}

/// "Ceasefire — Kyiv: Demands, No. 1; Moscow: Rejects; Western allies: Supports.": columns in
/// story order, as the widget keeps them in every view.
pub fn row(story: &Story, issue: usize) -> Option<String> {
    let title = &story.issues.get(issue)?.title;
    let cells: Vec<String> = (0..story.sides.len())
        .filter_map(|side| story.cell(issue, side))
        .map(
            |(_, side, position)| match (position.stance, position.priority) {
                (Stance::Demands, Some(rank)) => {
                    text::ranked_cell_words(&side.name, position.stance.label(), rank)
                }
                (stance, _) => text::cell_words(&side.name, stance.label()),
            },
        )
        .collect();
    Some(text::row_words(title, &cells))
}

fn len(text: &str) -> usize {
    text.chars().count()
}

/// `text` cut to at most `max` characters, ending in "…" when cut: an editor's very long title
/// must not make the short alternative long.
fn clip(text: &str, max: usize) -> String {
    if len(text) <= max {
        return text.to_owned();
    }
    let mut cut: String = text.chars().take(max.saturating_sub(1)).collect();
    cut.push('…');
    cut
}
