//! Text alternatives for pictures of the matrix: what a share card or a full image shows, in words.
//!
//! Images of a view (the share card, the full image, the Apple News figure) are drawn from the
//! same story and view as the widget, so their words come from here, in the widget's order: rows
//! as [`View::groups`] gives them, columns in story order, stances by [`Stance::label`]. Phrases
//! live in `locales/`, where a translator finds them, and come in through [`Strings`]. No Yew and no browser: the build and the
//! editors' command line call it natively.

use super::stance::Stance;
use super::story::{Side, Story};
use super::view::{Line, View};
use crate::i18n::Strings;

/// The longest short text alternative, in characters: long enough for the title, the view, the
/// date and the counts of a few sides, short enough for an `alt` and `og:image:alt`, which
/// readers hear in one go (social networks cut theirs at a few hundred characters).
pub const ALT_MAX_CHARS: usize = 300;

/// The view's name as the widget's tabs give it: "All sides", or the side's view title.
pub fn view_title(t: &Strings, story: &Story, view: View) -> String {
    match view {
        View::AllSides => t.text("all-sides"),
        View::Side(side) => story
            .sides
            .get(side)
            .map_or_else(|| t.text("all-sides"), |s| s.view_title(t)),
    }
}

/// The title of a view where it stands alone (a share card's `og:title`, an Apple News heading):
/// the story's title, with the view's after it for a side's view.
pub fn headline(t: &Strings, story: &Story, view: View) -> String {
    match view {
        View::AllSides => story.title.clone(),
        View::Side(_) => titled_view(t, story, view),
    }
}

/// "Istanbul talks — Kyiv’s view": the title with the view's name after it.
fn titled_view(t: &Strings, story: &Story, view: View) -> String {
    t.fill(
        "titled-view",
        &[
            ("title", &story.title),
            ("view", &view_title(t, story, view)),
        ],
    )
}

/// "As of 2 June 2025, Istanbul", as the widget's header says it.
pub fn as_of_line(t: &Strings, story: &Story) -> String {
    t.fill(
        "as-of",
        &[
            ("date", &t.date(&story.as_of.date)),
            ("place", &story.as_of.place),
        ],
    )
}

/// "Source: outlet, “title”. Every position rests on the words of its source; …": the widget's footer
/// credit as one line of text.
pub fn source_credit(t: &Strings, story: &Story) -> String {
    let sources: Vec<String> = story
        .sources
        .iter()
        .map(|source| {
            t.fill(
                "source",
                &[("outlet", &source.outlet), ("title", &source.title)],
            )
        })
        .collect();
    t.count(
        "sources",
        story.sources.len(),
        &[
            ("sources", &sources.join(&t.text("clause-sep"))),
            ("note", &source_note(t)),
        ],
    )
}

/// "Every position rests on the words of its source; where no source says, the matrix shows “Not
/// stated”.": after the sources, so that "Not stated" is never read as a position.
pub fn source_note(t: &Strings) -> String {
    t.fill(
        "source-note",
        &[("not-stated", &Stance::NotStated.label(t))],
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

/// A side's name as image descriptions and tables give it: with its role when it is not a party
/// ("Qatar (mediator)"), so no reader takes a mediator's stance for a party's.
pub fn side_label(t: &Strings, side: &Side) -> String {
    if side.role.is_party() {
        return side.name.clone();
    }
    t.fill(
        "side-role",
        &[
            ("side", &side.name),
            ("role", &t.text(&format!("role-{}", side.role.id()))),
        ],
    )
}

/// "Kyiv: Demands 9, Supports 2, Not stated 3.": stances that no cell holds are left out.
fn side_counts(t: &Strings, story: &Story, side: usize) -> Option<String> {
    let name = &side_label(t, story.sides.get(side)?);
    let counts: Vec<String> = stance_counts(story, side)
        .iter()
        .filter(|(_, count)| *count > 0)
        .map(|(stance, count)| {
            t.fill(
                "stance-count",
                &[("label", &stance.label(t)), ("n", &count.to_string())],
            )
        })
        .collect();
    Some(t.fill(
        "side-counts",
        &[
            ("side", name),
            ("counts", &counts.join(&t.text("list-sep"))),
        ],
    ))
}

/// "Demands matrix: Istanbul talks, All sides, as of 2 June 2025.": what an image is.
fn image_alt_head(t: &Strings, story: &Story, view: View) -> String {
    t.fill(
        "image-alt",
        &[
            ("title", &story.title),
            ("view", &view_title(t, story, view)),
            ("date", &t.date(&story.as_of.date)),
        ],
    )
}

/// The short text alternative of an image of `view` (its `alt`, its `og:image:alt`): what the
/// image is, the size of the matrix, and each side's stances counted, as many sides as fit in
/// [`ALT_MAX_CHARS`], then how many sides are left (the long description counts every cell).
pub fn image_alt(t: &Strings, story: &Story, view: View) -> String {
    image_alt_within(t, story, view, ALT_MAX_CHARS)
}

/// [`image_alt`] in at most `limit` characters, for an image that adds a sentence of its own
/// (a share card says how many rows it shows) within [`ALT_MAX_CHARS`].
fn image_alt_within(t: &Strings, story: &Story, view: View, limit: usize) -> String {
    let size = t.fill(
        "size",
        &[
            ("issues", &t.count("issues", story.issues.len(), &[])),
            ("sides", &t.count("sides", story.sides.len(), &[])),
        ],
    );
    let head = format!("{} {size}", image_alt_head(t, story, view));
    let mut alt = clip(&head, limit);
    let sides = sides_for(story, view);
    for (done, &side) in sides.iter().enumerate() {
        let Some(counts) = side_counts(t, story, side) else {
            continue;
        };
        let left = sides.len() - done - 1;
        // Room for this side, and for the note on the sides after it if any remain.
        let tail = if left > 0 {
            t.count("more-sides", left, &[]).chars().count() + 1
        } else {
            0
        };
        if len(&alt) + 1 + len(&counts) + tail > limit {
            let rest = t.count("more-sides", sides.len() - done, &[]);
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
pub fn card_alt(t: &Strings, story: &Story, view: View, shown: usize) -> String {
    let head = image_alt_head(t, story, view);
    let labels: Vec<String> = sides_for(story, view)
        .into_iter()
        .filter_map(|side| story.sides.get(side).map(|s| side_label(t, s)))
        .collect();
    let names: Vec<&str> = labels.iter().map(String::as_str).collect();
    let total = story.issues.len();
    let issues = t.count("issues", total, &[]);
    let shows = if shown < total {
        format!(" {}", t.count("card-shows", shown, &[]))
    } else {
        String::new()
    };
    let table = |sides: &str| t.fill("card-table", &[("issues", &issues), ("sides", sides)]);
    // Sides whose stance on a shown issue holds only on a condition: the card cannot show the
    // condition, so its text alternative says that there is one.
    let conditional: Vec<&str> = story
        .sides
        .iter()
        .enumerate()
        .filter(|&(side, _)| {
            (0..shown.min(total)).any(|row| {
                view.groups(story)
                    .iter()
                    .flat_map(|group| group.issues.iter().copied())
                    .nth(row)
                    .and_then(|issue| story.cell(issue, side))
                    .is_some_and(|(_, _, position)| position.is_conditional())
            })
        })
        .map(|(_, s)| s.name.as_str())
        .collect();
    let shows = if conditional.is_empty() {
        shows
    } else {
        format!(
            "{shows} {}",
            t.fill("card-conditions", &[("sides", &t.list(&conditional))])
        )
    };
    let alt = format!("{head} {}{shows}", table(&t.list(&names)));
    if len(&alt) <= ALT_MAX_CHARS {
        return alt;
    }
    let all = t.count("sides", names.len(), &[]);
    clip(&format!("{head} {}{shows}", table(&all)), ALT_MAX_CHARS)
}

/// The long text alternative of an image of `view`: the title, the view, the date, every row of
/// the matrix in the view's order under the view's group headings, each side's stance in the
/// widget's words, and the source credit. One line per sentence.
pub fn image_description(t: &Strings, story: &Story, view: View) -> String {
    let mut lines = vec![
        format!("{}.", titled_view(t, story, view)),
        format!("{}.", as_of_line(t, story)),
    ];
    let focus_name = match view {
        View::Side(side) => story.sides.get(side).map_or("", |s| s.name.as_str()),
        View::AllSides => "",
    };
    for line in view.lines(story) {
        match line {
            Line::Heading(kind) => {
                lines.push(t.fill("group-lead", &[("heading", &kind.heading(t, focus_name))]))
            }
            Line::Note(kind) => lines.push(kind.empty_note(t, focus_name)),
            Line::Issue(issue) => lines.extend(row(t, story, issue)),
        }
    }
    lines.push(source_credit(t, story));
    lines.join("\n")
}

/// "Ceasefire — Kyiv: Demands, No. 1; Moscow: Rejects; Western allies: Supports.": columns in
/// story order, as the widget keeps them in every view.
pub fn row(t: &Strings, story: &Story, issue: usize) -> Option<String> {
    let title = &story.issues.get(issue)?.title;
    let cells: Vec<String> = (0..story.sides.len())
        .filter_map(|side| story.cell(issue, side))
        .map(
            |(_, side, position)| match (position.stance, position.priority) {
                (Stance::Demands, Some(rank)) => t.fill(
                    "ranked-cell-words",
                    &[
                        ("side", &side.name),
                        ("label", &position.stance.label(t)),
                        ("rank", &t.fill("rank", &[("rank", &rank.to_string())])),
                    ],
                ),
                (stance, _) => t.fill(
                    "cell-words",
                    &[("side", &side.name), ("label", &stance.label(t))],
                ),
            },
        )
        .zip(story.sides.iter().enumerate())
        .map(|(words, (side, _))| match story.cell(issue, side) {
            Some((_, _, position)) if position.is_conditional() => t.fill(
                "side-role",
                &[
                    ("side", &words),
                    (
                        "role",
                        &t.fill("condition", &[("condition", &position.condition)]),
                    ),
                ],
            ),
            _ => words,
        })
        .collect();
    Some(t.fill(
        "row",
        &[
            ("issue", title),
            ("cells", &cells.join(&t.text("clause-sep"))),
        ],
    ))
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
