//! The images of the matrix (src/images/): sizes, that every piece of text is really drawn, a
//! story in Cyrillic, the build failing on a character the bundled font lacks, and the files the
//! build writes.
#![cfg(not(target_arch = "wasm32"))]

use demands_matrix::images::{draw, file_name, png, ImageError, Kind, Picture, Theme};
use demands_matrix::model::describe::ALT_MAX_CHARS;
use demands_matrix::model::{parse_story, Story, View, DEFAULT_STORY_JSON};
use demands_matrix::prerender::site_images;
use resvg::tiny_skia::Pixmap;

fn istanbul() -> Story {
    parse_story(DEFAULT_STORY_JSON).expect("the built-in story is valid")
}

fn cyrillic() -> Story {
    let text = std::fs::read_to_string("tests/fixtures/stories/twelve-sides-cyrillic.json")
        .expect("fixture exists");
    parse_story(&text).expect("fixture is valid")
}

fn pixels(picture: &Picture) -> Pixmap {
    let bytes = png(picture).expect("draws");
    Pixmap::decode_png(&bytes).expect("a PNG")
}

/// The `<text>` elements of an SVG, as (start, end) byte ranges.
fn texts(svg: &str) -> Vec<(usize, usize)> {
    let mut found = Vec::new();
    let mut from = 0;
    while let Some(start) = svg[from..].find("<text ").map(|i| from + i) {
        let end = svg[start..]
            .find("</text>")
            .map(|i| start + i + "</text>".len());
        let end = end.expect("closed");
        found.push((start, end));
        from = end;
    }
    found
}

#[test]
fn cards_are_1200_by_630_and_full_images_drawn_at_twice_their_layout() {
    let story = istanbul();
    for view in View::all(&story) {
        let card = draw(&story, view, Kind::Card, Theme::Light).expect("draws");
        let image = pixels(&card);
        assert_eq!((image.width(), image.height()), (1200, 630));
        let full = draw(&story, view, Kind::Full, Theme::Light).expect("draws");
        let image = pixels(&full);
        assert_eq!(image.width(), 2000);
        assert_eq!(image.height(), full.height * 2);
        // Every row is in the full image: it is taller than the card's layout.
        assert!(full.height > 630, "{}", full.height);
    }
}

/// Removing any one `<text>` changes the picture: every label, title and credit is drawn in
/// glyphs, not left as an empty area (as text in a font the renderer cannot find would be).
fn assert_every_text_drawn(picture: &Picture) {
    let whole = pixels(picture);
    let spans = texts(&picture.svg);
    assert!(spans.len() > 10, "only {} texts", spans.len());
    for (start, end) in spans {
        let mut without = picture.clone();
        without.svg = format!("{}{}", &picture.svg[..start], &picture.svg[end..]);
        let other = pixels(&without);
        let changed = whole
            .pixels()
            .iter()
            .zip(other.pixels())
            .filter(|(a, b)| a != b)
            .count();
        assert!(
            changed > 20,
            "{} changes only {changed} pixels",
            &picture.svg[start..end]
        );
    }
}

#[test]
fn every_text_of_the_istanbul_card_is_drawn() {
    let story = istanbul();
    let card = draw(&story, View::Side(0), Kind::Card, Theme::Light).expect("draws");
    assert_every_text_drawn(&card);
}

#[test]
fn a_story_in_cyrillic_draws_every_glyph_in_every_view() {
    let story = cyrillic();
    for view in View::all(&story) {
        for kind in [Kind::Card, Kind::Full] {
            let picture = draw(&story, view, kind, Theme::Light)
                .unwrap_or_else(|err| panic!("{kind:?} of {}: {err}", view.id(&story)));
            assert!(picture.svg.contains("Стамбул"));
        }
    }
    let card = draw(&story, View::AllSides, Kind::Card, Theme::Light).expect("draws");
    assert_every_text_drawn(&card);
    let full = draw(&story, View::Side(3), Kind::Full, Theme::Light).expect("draws");
    assert_every_text_drawn(&full);
}

#[test]
fn a_character_the_font_lacks_stops_the_drawing_and_names_it() {
    let mut story = istanbul();
    story.issues[2].title = "Talks in 談判 form".to_owned();
    let err = draw(&story, View::AllSides, Kind::Full, Theme::Light).expect_err("must fail");
    let ImageError::MissingGlyphs(missing) = &err else {
        panic!("{err}");
    };
    let chars: Vec<char> = missing.iter().map(|m| m.ch).collect();
    assert_eq!(chars, ['談', '判']);
    let message = err.to_string();
    assert!(message.contains("U+8AC7"), "{message}");
    assert!(message.contains("Talks in 談判 form"), "{message}");
    // The build's step fails the same way, so no page ships a card with empty boxes.
    let err = site_images(&story).err().expect("the build fails");
    assert!(err.contains("U+8AC7"), "{err}");
}

#[test]
fn the_card_says_what_it_leaves_out_in_pixels_and_in_words() {
    let story = istanbul();
    let card = draw(&story, View::AllSides, Kind::Card, Theme::Light).expect("draws");
    assert!(card.svg.contains("and 7 more issues"), "{}", card.svg);
    assert!(
        card.alt.ends_with(
            "A table of 14 issues, one column per side: Kyiv, Moscow and Western allies. \
             The card shows the first 7."
        ),
        "{}",
        card.alt
    );
    let full = draw(&story, View::AllSides, Kind::Full, Theme::Light).expect("draws");
    for issue in &story.issues {
        let title = issue.title.replace('&', "&amp;");
        assert!(full.svg.contains(&format!(">{title}<")), "{title}");
    }
    assert!(!full.alt.contains("the card shows"));
}

#[test]
fn the_svg_carries_its_text_alternatives() {
    let story = istanbul();
    let card = draw(&story, View::Side(1), Kind::Card, Theme::Light).expect("draws");
    assert!(card
        .svg
        .starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
    assert!(card.svg.contains("role=\"img\""));
    assert!(card
        .svg
        .contains(r#"aria-labelledby="dm-card-moscow-title dm-card-moscow-desc""#));
    assert!(card
        .svg
        .contains("<title id=\"dm-card-moscow-title\">Demands matrix: "));
    assert!(card.svg.contains("<desc id=\"dm-card-moscow-desc\">"));
    assert!(card.alt.chars().count() <= ALT_MAX_CHARS, "{}", card.alt);
}

#[test]
fn dark_images_have_the_dark_background() {
    let story = istanbul();
    let dark = draw(&story, View::AllSides, Kind::Card, Theme::Dark).expect("draws");
    let image = pixels(&dark);
    let corner = image.pixel(4, 620).expect("inside");
    assert!(corner.red() < 40 && corner.green() < 40 && corner.blue() < 40);
    let light = pixels(&draw(&story, View::AllSides, Kind::Card, Theme::Light).expect("draws"));
    let corner = light.pixel(4, 620).expect("inside");
    assert!(corner.red() > 240);
}

#[test]
fn the_build_writes_a_card_and_a_full_image_of_every_view() {
    let story = istanbul();
    let (files, entries) = site_images(&story).expect("draws");
    assert_eq!(entries.len(), 2 * View::all(&story).len());
    for view in View::all(&story) {
        let id = view.id(&story);
        for kind in [Kind::Card, Kind::Full] {
            let name = file_name(kind, id, "png");
            let file = files.iter().find(|f| f.file == name).expect("written");
            let image = Pixmap::decode_png(&file.bytes).expect("a PNG");
            let entry = entries.iter().find(|e| e.png == name).expect("listed");
            assert_eq!((image.width(), image.height()), (entry.width, entry.height));
            assert_eq!(entry.svg, file_name(kind, id, "svg"));
            assert!(files.iter().any(|f| f.file == entry.svg));
            assert!(entry.alt.starts_with("Demands matrix: "), "{}", entry.alt);
            assert!(entry.alt.chars().count() <= ALT_MAX_CHARS, "{}", entry.alt);
            assert!(entry.description.len() > entry.alt.len() / 2);
        }
    }
}

fn story_file(path: &str) -> Story {
    parse_story(&std::fs::read_to_string(path).expect("fixture exists")).expect("valid")
}

/// Nothing is drawn in the left- or right-hand margin: every line of text was fitted or wrapped
/// (and in a right-to-left image, whose lines run out to the left, mirrored).
fn assert_margin_clear(picture: &Picture, pad: u32) {
    let image = pixels(picture);
    let background = image
        .pixel(image.width() - 1, image.height() - 1)
        .expect("inside");
    let scale = picture.scale as u32;
    let left = (pad - 2) * scale;
    let right = (picture.width - pad + 2) * scale;
    for y in (16 * scale)..image.height() {
        for x in (0..left).chain(right..image.width()) {
            assert_eq!(image.pixel(x, y), Some(background), "ink at {x}, {y}");
        }
    }
}

/// The leftmost and rightmost column (layout px) with ink of `colour` between `rows` (layout px).
fn ink_extent(picture: &Picture, colour: [u8; 3], rows: (u32, u32)) -> Option<(u32, u32)> {
    let image = pixels(picture);
    let scale = picture.scale as u32;
    let mut extent: Option<(u32, u32)> = None;
    for y in rows.0 * scale..rows.1 * scale {
        for x in 0..image.width() {
            let p = image.pixel(x, y).expect("inside");
            if [p.red(), p.green(), p.blue()] == colour {
                let (lo, hi) = extent.unwrap_or((x, x));
                extent = Some((lo.min(x), hi.max(x)));
            }
        }
    }
    extent.map(|(lo, hi)| (lo / scale, hi / scale))
}

#[test]
fn an_arabic_story_is_drawn_right_to_left_in_the_png_and_the_svg() {
    let arabic = story_file("tests/fixtures/stories/locale-ar.json");
    let accent = [0x0a, 0x4f, 0x99];
    for kind in [Kind::Card, Kind::Full] {
        let picture = draw(&arabic, View::AllSides, kind, Theme::Light).expect("draws");
        // The view's name (in the accent colour, under the accent bar) starts at the right edge's
        // padding and runs left; in English it starts at the left.
        let (lo, hi) = ink_extent(&picture, accent, (30, 100)).expect("the view's name");
        let width = picture.width;
        assert!(
            lo > width / 2 && hi > width - 70,
            "{kind:?}: {lo}..{hi} of {width}"
        );
        let english = draw(&istanbul(), View::AllSides, kind, Theme::Light).expect("draws");
        let (lo, hi) = ink_extent(&english, accent, (30, 100)).expect("the view's name");
        assert!(lo < 70 && hi < width / 2, "{kind:?} in English: {lo}..{hi}");
        // Every line is anchored at its right end and isolated as right-to-left text, so a cut
        // line's "…" and closing punctuation sit at its left end; browsers showing the SVG
        // agree with the PNG (the root's `direction` keeps an inline SVG's anchors).
        let spans = texts(&picture.svg);
        assert!(spans.iter().all(|&(start, end)| {
            let text = &picture.svg[start..end];
            text.contains(r#"text-anchor="end""#) && text.contains('\u{2067}')
        }));
        assert!(picture.svg.contains(r#"lang="ar" direction="ltr""#));
        assert!(!english.svg.contains('\u{2067}') && !english.svg.contains("direction="));
        assert_every_text_drawn(&picture);
    }
    // The words about the image join their lists with the locale's own separators.
    let full = draw(&arabic, View::AllSides, Kind::Full, Theme::Light).expect("draws");
    assert!(full.alt.contains("مطلب 2، انفتاح 1"), "{}", full.alt);
    // A side's view: its column is shaded where the side's column is, mirrored.
    let side = draw(&arabic, View::Side(0), Kind::Card, Theme::Light).expect("draws");
    assert_margin_clear(&side, 56);
}

#[test]
fn long_titles_places_names_and_credits_stay_inside_the_image() {
    let mut story = istanbul();
    story.title = "An unusually long headline about the talks that goes on and on ".repeat(3);
    story.as_of.place =
        "The Dolmabahçe Palace Conference Centre, on the European shore of the Bosphorus, Istanbul"
            .into();
    story.sides[2].name = "The Western allies and their many partners".into();
    story.issues[0].title = "A".repeat(300);
    story.sources[0].title = "A very long headline of the source ".repeat(6);
    // Right to left, lines run out to the left: the same limits, mirrored.
    let mut arabic = story_file("tests/fixtures/stories/locale-ar.json");
    arabic.title = "عنوان طويل جدا عن المفاوضات يستمر ويستمر ".repeat(3);
    arabic.issues[0].title = "ب".repeat(300);
    arabic.sources[0].title = "عنوان طويل للمصدر ".repeat(8);
    for story in [&story, &arabic] {
        for view in View::all(story) {
            assert_margin_clear(
                &draw(story, view, Kind::Card, Theme::Light).expect("draws"),
                56,
            );
            assert_margin_clear(
                &draw(story, view, Kind::Full, Theme::Light).expect("draws"),
                40,
            );
        }
    }
}

#[test]
fn hostile_text_stays_text_and_characters_xml_forbids_do_not_break_the_svg() {
    let mut story = story_file("tests/fixtures/stories/hostile-strings.json");
    story.issues[0].title =
        "Soft\u{b}break, form\u{c}feed & \"quotes\" </text><script>x</script>".into();
    for view in View::all(&story) {
        for kind in [Kind::Card, Kind::Full] {
            let picture = draw(&story, view, kind, Theme::Light).expect("draws");
            assert!(!picture.svg.contains("<script"), "{}", picture.svg);
            assert!(!picture.svg.contains(['\u{b}', '\u{c}']));
            // The PNG comes from parsing the SVG: it must be well-formed.
            assert!(png(&picture).is_ok());
        }
    }
}

#[test]
fn a_card_shows_every_issue_or_says_how_many_more_there_are() {
    let full = istanbul();
    let mut fitted_all = 0;
    for count in 1..=full.issues.len() {
        let mut story = full.clone();
        let kept: Vec<String> = story
            .issues
            .iter()
            .take(count)
            .map(|i| i.id.clone())
            .collect();
        story.issues.truncate(count);
        story.positions.retain(|p| kept.contains(&p.issue));
        let story = parse_story(&story.to_canonical_json()).expect("still valid");
        let card = draw(&story, View::AllSides, Kind::Card, Theme::Light).expect("draws");
        let rows = texts(&card.svg)
            .iter()
            .filter(|(start, end)| {
                story
                    .issues
                    .iter()
                    .any(|i| card.svg[*start..*end].contains(&format!(">{}<", i.title)))
            })
            .count();
        if card.svg.contains(" more issue") {
            let more = count - rows;
            let words = if more == 1 {
                "and 1 more issue<".to_owned()
            } else {
                format!("and {more} more issues<")
            };
            assert!(
                card.svg.contains(&words),
                "{count} issues: {rows} rows, no “{words}”"
            );
            assert!(
                more >= 2,
                "“and 1 more” wastes the row it takes ({count} issues)"
            );
        } else {
            assert_eq!(rows, count, "{count} issues");
            fitted_all = count;
        }
    }
    assert!(fitted_all >= 7, "a card fits {fitted_all} rows");
}

/// Where a card has no room for an issue's title, the editor's short title stands instead of a
/// title cut with "…"; a story without short titles still cuts.
#[test]
fn a_card_uses_the_short_title_where_the_title_would_be_cut() {
    let json = std::fs::read_to_string("stories/ukraine-geneva-2025-11-24.json").unwrap();
    let story = parse_story(&json).unwrap();
    let card = draw(&story, View::AllSides, Kind::Card, Theme::Light).expect("draws");
    let labels: Vec<&str> = story
        .issues
        .iter()
        .take(5)
        .map(|i| i.short.as_deref().unwrap_or(&i.title))
        .collect();
    for label in &labels {
        assert!(
            card.svg.contains(&format!(">{label}<")),
            "{label} not on the card"
        );
    }
    assert!(!card.svg.contains("for…<"), "a title cut short");
    let mut without = story.clone();
    for issue in &mut without.issues {
        issue.short = None;
    }
    let card = draw(&without, View::AllSides, Kind::Card, Theme::Light).expect("draws");
    assert!(
        card.svg.contains("The US plan as the basis for…<"),
        "{}",
        card.svg
    );
}
