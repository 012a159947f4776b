//! Native tests of the images' text alternatives: every cell's stance in words, counts, the
//! view's row order, many sides and Cyrillic names, and the short alternative's length.
#![cfg(not(target_arch = "wasm32"))]

use demands_matrix::i18n::english;
use demands_matrix::model::describe::{
    image_alt, image_description, row, stance_counts, ALT_MAX_CHARS,
};
use demands_matrix::model::{parse_story, Stance, Story, View, DEFAULT_STORY_JSON};

fn istanbul() -> Story {
    parse_story(DEFAULT_STORY_JSON).expect("the built-in story is valid")
}

fn twelve_sides() -> Story {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/stories/twelve-sides-cyrillic.json"
    ))
    .expect("fixture");
    parse_story(&text).expect("the twelve-side fixture is valid")
}

/// The description's row for an issue: the line that starts with its title and a dash.
fn row_line<'a>(description: &'a str, title: &str) -> &'a str {
    let start = format!("{title} — ");
    let lines: Vec<&str> = description
        .lines()
        .filter(|line| line.starts_with(&start))
        .collect();
    assert_eq!(lines.len(), 1, "one row for {title}:\n{description}");
    lines[0]
}

/// Every cell of every issue, as "Side: Label" (with the rank after a demand that has one), is
/// in the description, in story column order, and nothing is said of silent sides but "Not stated".
fn assert_every_cell(story: &Story, view: View) {
    let description = image_description(&english(), story, view);
    for (issue, i) in story.issues.iter().enumerate() {
        let line = row_line(&description, &i.title);
        let cells: Vec<&str> = line
            .strip_prefix(&format!("{} — ", i.title))
            .and_then(|rest| rest.strip_suffix('.'))
            .expect("row shape")
            .split("; ")
            .collect();
        assert_eq!(cells.len(), story.sides.len(), "{line}");
        for (side, s) in story.sides.iter().enumerate() {
            let position = story.position(issue, side);
            let expected = match (position.stance, position.priority) {
                (Stance::Demands, Some(rank)) => format!("{}: Demands, No. {rank}", s.name),
                (stance, _) => format!("{}: {}", s.name, stance.label(&english())),
            };
            assert_eq!(cells[side], expected, "{line}");
        }
    }
}

#[test]
fn every_cell_of_istanbul_is_said_in_every_view() {
    let story = istanbul();
    for view in View::all(&story) {
        assert_every_cell(&story, view);
    }
}

#[test]
fn rows_come_in_the_order_of_the_views_groups() {
    let story = istanbul();
    for view in View::all(&story) {
        let description = image_description(&english(), &story, view);
        let expected: Vec<String> = view
            .groups(&story)
            .iter()
            .flat_map(|group| group.issues.clone())
            .map(|issue| row(&english(), &story, issue).expect("row"))
            .collect();
        let rows: Vec<String> = description
            .lines()
            .filter(|line| expected.iter().any(|row| row == line))
            .map(str::to_owned)
            .collect();
        assert_eq!(rows, expected, "view {}", view.id(&story));
    }
}

#[test]
fn a_sides_view_says_its_group_headings_before_their_rows() {
    let story = istanbul();
    let kyiv = View::Side(story.side_index("kyiv").expect("kyiv"));
    let description = image_description(&english(), &story, kyiv);
    let lines: Vec<&str> = description.lines().collect();
    assert_eq!(lines[0], "Istanbul talks: who demands what — Kyiv’s view.");
    assert_eq!(lines[1], "As of 2 June 2025, Istanbul.");
    assert_eq!(lines[2], "Kyiv: demands, and how the others answer:");
    assert!(lines[3].starts_with("Full and unconditional ceasefire — Kyiv: Demands, No. 1;"));
    let position = |needle: &str| {
        lines
            .iter()
            .position(|line| *line == needle)
            .unwrap_or_else(|| panic!("{needle} in\n{description}"))
    };
    let answers = position("Kyiv: positions on the other issues:");
    let silent = position("Kyiv: no position on record:");
    assert!(answers < silent);
    // Every row under the last heading is one where Kyiv has no stated position.
    for line in &lines[silent + 1..lines.len() - 1] {
        assert!(line.contains("— Kyiv: Not stated;"), "{line}");
    }
    // The all-sides view has no headings.
    let all = image_description(&english(), &story, View::AllSides);
    assert!(!all.contains("demands, and how"), "{all}");
    assert!(all.starts_with("Istanbul talks: who demands what — All sides.\n"));
}

#[test]
fn the_description_ends_with_the_source_credit() {
    let story = istanbul();
    let description = image_description(&english(), &story, View::AllSides);
    let last = description.lines().last().expect("lines");
    assert_eq!(
        last,
        "Source: News report (outlet not named in the text supplied), “Russian and Ukrainian officials are set to meet on Monday in Istanbul”. Every position rests on the words of its source; where no source says, the matrix shows “Not stated”."
    );
}

#[test]
fn counts_add_up_and_the_short_alt_says_them() {
    let story = istanbul();
    for side in 0..story.sides.len() {
        let counts = stance_counts(&story, side);
        assert_eq!(
            counts.iter().map(|(_, n)| n).sum::<usize>(),
            story.issues.len()
        );
        for (stance, n) in counts {
            let by_hand = (0..story.issues.len())
                .filter(|&i| story.position(i, side).stance == stance)
                .count();
            assert_eq!(n, by_hand);
        }
    }
    let alt = image_alt(&english(), &story, View::AllSides);
    assert!(
        alt.starts_with("Demands matrix: Istanbul talks: who demands what, All sides, as of 2 June 2025. 14 issues, 3 sides. Kyiv: Demands "),
        "{alt}"
    );
    for (side, s) in story.sides.iter().enumerate() {
        let said: Vec<String> = stance_counts(&story, side)
            .iter()
            .filter(|(_, n)| *n > 0)
            .map(|(stance, n)| format!("{} {n}", stance.label(&english())))
            .collect();
        let sentence = format!("{}: {}.", s.name, said.join(", "));
        assert!(alt.contains(&sentence), "{sentence} in {alt}");
    }
    assert!(alt.chars().count() <= ALT_MAX_CHARS, "{alt}");
}

#[test]
fn a_sides_alt_names_that_side_first() {
    let story = istanbul();
    let moscow = View::Side(story.side_index("moscow").expect("moscow"));
    let alt = image_alt(&english(), &story, moscow);
    assert!(alt.contains("Moscow’s view, as of 2 June 2025."), "{alt}");
    let (m, k) = (alt.find("Moscow: "), alt.find("Kyiv: "));
    assert!(m.is_some() && k.is_some() && m < k, "{alt}");
}

#[test]
fn twelve_sides_in_cyrillic_keep_every_cell_and_the_alt_short() {
    let story = twelve_sides();
    assert_eq!(story.sides.len(), 12);
    for view in View::all(&story) {
        assert_every_cell(&story, view);
        let alt = image_alt(&english(), &story, view);
        assert!(alt.chars().count() <= ALT_MAX_CHARS, "{alt}");
        assert!(alt.contains("6 issues, 12 sides."), "{alt}");
        // Not every side fits: the alt says where the rest are, with a true count.
        let named = story
            .sides
            .iter()
            .filter(|s| alt.contains(&format!("{}: ", s.name)))
            .count();
        assert!(named >= 1, "{alt}");
        if named < 12 {
            assert!(
                alt.ends_with(&format!("And {} more sides.", 12 - named)),
                "{alt}"
            );
        }
    }
    let kyiv = image_alt(&english(), &story, View::Side(0));
    assert!(kyiv.contains("Киев: Demands 2"), "{kyiv}");
}

#[test]
fn a_very_long_title_is_cut_not_the_limit() {
    let mut story = istanbul();
    story.title = "Очень длинный заголовок ".repeat(40);
    let alt = image_alt(&english(), &story, View::AllSides);
    assert_eq!(alt.chars().count(), ALT_MAX_CHARS, "{alt}");
    assert!(alt.ends_with('…'));
    // The long description keeps the whole title.
    assert!(image_description(&english(), &story, View::AllSides).contains(story.title.trim_end()));
}

#[test]
fn the_texts_are_the_same_every_time() {
    let story = istanbul();
    for view in View::all(&story) {
        assert_eq!(
            image_alt(&english(), &story, view),
            image_alt(&english(), &story, view)
        );
        assert_eq!(
            image_description(&english(), &story, view),
            image_description(&english(), &story, view)
        );
    }
}

#[test]
fn a_cards_alt_says_whose_stances_its_table_shows_within_the_limit() {
    use demands_matrix::model::describe::{card_alt, ALT_MAX_CHARS};
    let story = parse_story(DEFAULT_STORY_JSON).expect("valid");
    assert_eq!(
        card_alt(&english(), &story, View::Side(1), 7),
        "Demands matrix: Istanbul talks: who demands what, Moscow’s view, as of 2 June 2025. \
         A table of 14 issues, one column per side: Moscow, Kyiv and Western allies. \
         The card shows the first 7."
    );
    assert!(card_alt(&english(), &story, View::AllSides, 14)
        .ends_with("one column per side: Kyiv, Moscow and Western allies."));
    let mut many = story.clone();
    for side in &mut many.sides {
        side.name = format!(
            "{} and all of its partners, envoys and observers",
            side.name
        );
    }
    let alt = card_alt(&english(), &many, View::AllSides, 7);
    assert!(alt.chars().count() <= ALT_MAX_CHARS, "{alt}");
    assert!(
        alt.contains("A table of 14 issues, one column per side: 3 sides."),
        "{alt}"
    );
}

#[test]
fn a_mediator_is_named_with_its_role_in_the_text_alternatives() {
    let mut story = istanbul();
    story.sides[2].role = demands_matrix::model::Role::Mediator;
    let alt = image_alt(&english(), &story, View::AllSides);
    assert!(alt.contains("Western allies (mediator): "), "{alt}");
    let card = demands_matrix::model::describe::card_alt(&english(), &story, View::AllSides, 7);
    assert!(
        card.contains("Kyiv, Moscow and Western allies (mediator)"),
        "{card}"
    );
}

#[test]
fn a_condition_is_in_the_row_description_and_the_card_says_there_is_one() {
    let mut story = istanbul();
    let at = story
        .positions
        .iter()
        .position(|p| p.side == "kyiv" && p.issue == "ceasefire")
        .unwrap();
    story.positions[at].condition = "if Moscow agrees to it too".into();
    let issue = story
        .issues
        .iter()
        .position(|i| i.id == "ceasefire")
        .unwrap();
    let line = row(&english(), &story, issue).unwrap();
    assert!(
        line.contains("Kyiv: Demands, No. 1 (Condition: if Moscow agrees to it too)")
            || line.contains("(Condition: if Moscow agrees to it too)"),
        "{line}"
    );
    let card = demands_matrix::model::describe::card_alt(&english(), &story, View::AllSides, 7);
    assert!(
        card.ends_with("Stances that hold only on conditions: Kyiv."),
        "{card}"
    );
}
