//! Native tests that render the widget to HTML with Yew's server renderer and check what each
//! view shows: rows, their order, emphasised columns, the summary, the detail and the states.
#![cfg(not(target_arch = "wasm32"))]

use demands_matrix::model::{parse_story, DEFAULT_STORY_JSON};
use demands_matrix::{App, AppProps};
use yew::{AttrValue, LocalServerRenderer};

async fn render(view: Option<&str>) -> String {
    // As the build renders: nothing is a control before the WebAssembly runs.
    let mut props = props(None, false);
    props.view = view.map(|v| AttrValue::from(v.to_owned()));
    LocalServerRenderer::<App>::with_props(props).render().await
}

/// App's props for the built-in story (`story` `None`) or `story`, live or as the build renders.
fn props(story: Option<demands_matrix::components::StoryRef>, live: bool) -> AppProps {
    AppProps {
        uid: AttrValue::Static("dm"),
        src: None,
        view: None,
        then_view: None,
        live,
        pages: false,
        pages_base: None,
        story,
        lang: None,
        within: None,
        refresh: None,
    }
}

/// The `data-testid`s of rows, in document order.
/// The ids after each `data-testid="<prefix>`, in document order.
fn testids(html: &str, prefix: &str) -> Vec<String> {
    html.match_indices(&format!("data-testid=\"{prefix}"))
        .map(|(at, m)| {
            let rest = &html[at + m.len()..];
            rest[..rest.find('"').unwrap()].to_owned()
        })
        .collect()
}

fn row_order(html: &str) -> Vec<String> {
    testids(html, "dm-row-")
}

fn column_order(html: &str) -> Vec<String> {
    testids(html, "dm-col-")
}

/// The side whose column head is emphasised.
fn focused_column(html: &str) -> Option<String> {
    let mark = html.find("data-focus=\"true\"")?;
    let head = html[..mark].rfind("<th")?;
    testids(&html[head..], "dm-col-").into_iter().next()
}

#[tokio::test]
async fn all_sides_shows_every_issue_and_side_in_story_order() {
    let html = render(None).await;
    let story = parse_story(DEFAULT_STORY_JSON).unwrap();
    let ids: Vec<String> = story.issues.iter().map(|i| i.id.clone()).collect();
    assert_eq!(row_order(&html), ids);
    for issue in &story.issues {
        assert!(
            html.contains(&escape(&issue.title)),
            "missing {}",
            issue.title
        );
    }
    for side in ["kyiv", "moscow", "west"] {
        assert!(html.contains(&format!("data-testid=\"dm-col-{side}\"")));
        assert!(html.contains(&format!("data-testid=\"dm-tab-{side}\"")));
    }
    assert!(html.contains("data-view=\"all\""));
    assert!(html.contains("data-testid=\"dm-summary\""));
    assert!(html.contains("data-testid=\"dm-summary-clash\""));
    assert!(html.contains("data-testid=\"dm-summary-common\""));
    assert_eq!(
        html.matches("class=\"dm-cell\"").count(),
        story.issues.len() * 3
    );
    assert!(
        focused_column(&html).is_none(),
        "no column is emphasised in all sides"
    );
    // Rendered ahead of time (`live` false), nothing is live yet: the view switch is a
    // labelled set of links with the current one marked, and no tab roles.
    assert!(html.contains("role=\"navigation\" aria-label=\"Whose view to show\""));
    assert!(html.contains("aria-current=\"page\""));
    assert!(!html.contains("role=\"tab"));
    assert!(!html.contains("aria-selected"));
}

#[tokio::test]
async fn before_going_live_no_cell_is_a_button() {
    let html = render(Some("kyiv")).await;
    assert!(
        !html.contains("aria-expanded"),
        "no control before the widget is live"
    );
    assert_eq!(
        html.matches("<span class=\"dm-cell__button\">").count(),
        14 * 3
    );
    // The cell says what it shows, in the visible words: "Demands No. 1".
    assert!(html
        .contains("<span class=\"dm-sr-only\">Kyiv on Full and unconditional ceasefire: </span>"));
    assert!(html.contains(">No. 1</span>"));
    assert!(!html.contains("priority 1"));
}

#[tokio::test]
async fn rows_are_named_by_their_title_and_groups_head_rows() {
    let html = render(Some("kyiv")).await;
    // Named by its content (a header named by aria-labelledby is silent in Orca), the title
    // and the explainer kept apart by a heard-only full stop.
    assert!(html.contains(
        "<th scope=\"row\" class=\"dm-row__issue\"><span class=\"dm-row__title\">Full and unconditional ceasefire<span class=\"dm-row__stop\">.</span></span><span class=\"dm-row__explainer\"><span class=\"dm-row__stop\">\u{a0}</span>A halt"
    ));
    assert!(!html.contains("aria-labelledby=\"dm-issue-"));
    // A group's heading row heads rows, not columns.
    assert!(html.contains("<th scope=\"rowgroup\""));
    assert!(!html.contains("colgroup"));
    assert!(html.contains("<span class=\"dm-sr-only\"> (this view)</span>"));
}

#[tokio::test]
async fn every_quote_toggle_says_whose_quote_it_is() {
    let html = render(None).await;
    let toggles: Vec<&str> = html
        .match_indices("<summary class=\"dm-cell__more-label\">")
        .map(|(at, m)| {
            let rest = &html[at + m.len()..];
            &rest[..rest.find("</summary>").unwrap()]
        })
        .collect();
    assert!(toggles.len() >= 4, "{toggles:?}");
    let mut unique = toggles.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(
        unique.len(),
        toggles.len(),
        "each toggle has a name of its own"
    );
    assert!(toggles
        .iter()
        .all(|t| t.starts_with("Quote<span class=\"dm-sr-only\"> from ")));
}

#[tokio::test]
async fn headings_nest_under_the_host_pages_own() {
    // Embedded in an article: the title is an h2 under the article's h1, the view title an h3,
    // the summary's headings h4.
    let html = render(None).await;
    assert!(!html.contains("<h1"));
    assert!(html.contains("<h2 id=\"dm-title\" class=\"dm-header__title\""));
    assert!(html.contains("<h3 data-testid=\"dm-view-title\" class=\"dm-panel__title\""));
    assert!(html.contains("<h4 class=\"dm-summary__heading\""));
    // The standalone page (its tabs link to the view pages): the widget's title is the page's h1.
    let page = LocalServerRenderer::<App>::with_props(AppProps::prerendered(
        AttrValue::Static("dm"),
        AttrValue::Static("all"),
        None,
        false,
    ))
    .render()
    .await;
    assert_eq!(page.matches("<h1").count(), 1);
    assert!(page.contains("<h1 id=\"dm-title\" class=\"dm-header__title\""));
    assert!(page.contains("<h2 data-testid=\"dm-view-title\" class=\"dm-panel__title\""));
    assert!(page.contains("<h3 class=\"dm-summary__heading\""));
}

#[tokio::test]
async fn kyiv_view_puts_zelenskys_three_demands_first() {
    let html = render(Some("kyiv")).await;
    let rows = row_order(&html);
    assert_eq!(&rows[..3], ["ceasefire", "prisoners", "children"]);
    assert_eq!(rows.len(), 14, "a side's view still shows every issue");
    assert!(html.contains("data-view=\"kyiv\""));
    assert!(
        !html.contains("data-testid=\"dm-summary\""),
        "the summary belongs to all sides"
    );
    // Columns keep the story's order; Kyiv's is emphasised (its head and the table carry data-focus).
    assert_eq!(column_order(&html), ["kyiv", "moscow", "west"]);
    assert_eq!(focused_column(&html).as_deref(), Some("kyiv"));
    assert!(html.contains("data-focus=\"0\""));
    assert!(html.contains("data-testid=\"dm-group-demands\""));
    assert!(html.contains("data-testid=\"dm-group-not-stated\""));
    assert!(html.contains("Kyiv’s view"));
}

#[tokio::test]
async fn moscow_view_leads_with_moscows_demands() {
    let html = render(Some("moscow")).await;
    let rows = row_order(&html);
    assert_eq!(
        &rows[..8],
        [
            "nato",
            "military-limits",
            "territory",
            "western-support",
            "legitimacy",
            "root-causes",
            "sumy-buffer",
            "prisoners"
        ],
        "Moscow's seven demands in story order, then its answers"
    );
    assert_eq!(column_order(&html), ["kyiv", "moscow", "west"]);
    assert_eq!(focused_column(&html).as_deref(), Some("moscow"));
    assert!(html.contains("data-focus=\"1\""));
}

#[tokio::test]
async fn the_western_view_says_the_report_records_no_western_demands() {
    let html = render(Some("west")).await;
    assert!(html.contains("Western allies: no demands on record."));
    let rows = row_order(&html);
    assert_eq!(
        &rows[..4],
        ["nato", "military-limits", "territory", "root-causes"]
    );
}

#[tokio::test]
async fn every_cell_shows_a_shape_and_a_word() {
    let html = render(None).await;
    let cells = html.matches("class=\"dm-cell\"").count();
    assert_eq!(
        html.matches("class=\"dm-stance__icon\"").count() - 5,
        cells,
        "one icon per cell, plus the legend's five"
    );
    assert!(html.contains(">Not stated<"));
    assert!(html.contains(">Demands<"));
    assert!(html.contains(">Rejects<"));
}

#[tokio::test]
async fn a_story_from_an_address_starts_in_the_loading_state() {
    let html = LocalServerRenderer::<App>::with_props(AppProps {
        uid: AttrValue::Static("dm"),
        src: Some(AttrValue::Static("stories/other.json")),
        view: None,
        then_view: None,
        live: true,
        pages: false,
        pages_base: None,
        story: None,
        lang: None,
        within: None,
        refresh: None,
    })
    .render()
    .await;
    assert!(html.contains("data-testid=\"dm-loading\""));
    assert!(html.contains("role=\"status\""));
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The images and their text alternatives follow `View::lines`: it must be the table's own
/// layout, heading for heading, note for note, row for row.
#[tokio::test]
async fn view_lines_are_the_tables_layout_in_every_view() {
    use demands_matrix::model::{Line, View};
    let story = parse_story(DEFAULT_STORY_JSON).unwrap();
    for view in View::all(&story) {
        let html = render(Some(view.id(&story))).await;
        let mut shown: Vec<(usize, String)> = Vec::new();
        for (prefix, what) in [
            ("data-testid=\"dm-group-", "group-"),
            ("data-testid=\"dm-row-", "row-"),
        ] {
            for (at, m) in html.match_indices(prefix) {
                let rest = &html[at + m.len()..];
                shown.push((at, format!("{what}{}", &rest[..rest.find('"').unwrap()])));
            }
        }
        shown.extend(
            html.match_indices("class=\"dm-matrix__empty\"")
                .map(|(at, _)| (at, "empty".to_owned())),
        );
        shown.sort();
        let shown: Vec<String> = shown.into_iter().map(|(_, what)| what).collect();
        let expected: Vec<String> = view
            .lines(&story)
            .into_iter()
            .map(|line| match line {
                Line::Heading(kind) => format!("group-{}", kind.id()),
                Line::Note(_) => "empty".to_owned(),
                Line::Issue(issue) => format!("row-{}", story.issues[issue].id),
            })
            .collect();
        assert_eq!(shown, expected, "{}", view.id(&story));
    }
}

/// The images draw the marks from `Stance::mark`; the widget writes them as static markup (which
/// costs the reader less): the two must be the same shapes.
#[tokio::test]
async fn the_widgets_marks_are_the_shapes_the_images_draw() {
    use demands_matrix::components::stance_mark::stance_mark;
    use demands_matrix::model::Stance;
    use yew::prelude::*;
    #[derive(Properties, PartialEq)]
    struct Props {
        stance: Stance,
    }
    #[component]
    fn Mark(props: &Props) -> Html {
        stance_mark(&demands_matrix::i18n::english(), props.stance)
    }
    for stance in Stance::ALL {
        let html = LocalServerRenderer::<Mark>::with_props(Props { stance })
            .render()
            .await;
        let (path, stroke) = stance.mark();
        match stance {
            // The widget's ring is a circle element; the images' the same ring as a path.
            Stance::Open => {
                assert!(
                    html.contains(r#"<circle cx="8" cy="8" r="5.2" class="dm-stance__stroke""#),
                    "{html}"
                );
                assert_eq!(path, "M8 2.8A5.2 5.2 0 1 1 8 13.2 5.2 5.2 0 1 1 8 2.8Z");
            }
            _ => assert!(
                html.contains(&format!(r#"<path d="{path}""#)),
                "{stance:?}: {html}"
            ),
        }
        let class = match stroke {
            None => "dm-stance__fill",
            Some(width) if width < 2.4 => "dm-stance__stroke dm-stance__stroke--thin",
            Some(_) => "dm-stance__stroke",
        };
        assert!(
            html.contains(&format!(r#"class="{class}""#)),
            "{stance:?}: {html}"
        );
    }
}

/// The detail of one cell of the built-in story, as App shows it when the cell is opened.
#[yew::component]
fn OpenDetail() -> yew::Html {
    use demands_matrix::components::position_detail::{position_detail, PositionDetailProps};
    use demands_matrix::components::StoryRef;
    use demands_matrix::state::CellRef;
    let story = StoryRef(std::rc::Rc::new(parse_story(DEFAULT_STORY_JSON).unwrap()));
    let t = demands_matrix::components::Words(demands_matrix::i18n::english());
    position_detail(&PositionDetailProps {
        uid: "dm",
        story: &story,
        t: &t,
        cell: CellRef { issue: 0, side: 1 },
        heading_level: 3,
        before: None,
        on_close: &yew::Callback::noop(),
    })
}

/// The detail of Putrajaya's ceasefire cell for Thailand: evidence from two reports, each
/// source with its date where the story gives one.
#[yew::component]
fn TwoSourceDetail() -> yew::Html {
    use demands_matrix::components::position_detail::{position_detail, PositionDetailProps};
    use demands_matrix::components::StoryRef;
    use demands_matrix::state::CellRef;
    let json =
        std::fs::read_to_string("stories/thailand-cambodia-putrajaya-2025-07-28.json").unwrap();
    let story = parse_story(&json).unwrap();
    let cell = CellRef {
        issue: story.issue_index("ceasefire").unwrap(),
        side: story.side_index("thailand").unwrap(),
    };
    let story = StoryRef(std::rc::Rc::new(story));
    let t = demands_matrix::components::Words(demands_matrix::i18n::english());
    position_detail(&PositionDetailProps {
        uid: "dm",
        story: &story,
        t: &t,
        cell,
        heading_level: 3,
        before: None,
        on_close: &yew::Callback::noop(),
    })
}

#[tokio::test]
async fn a_sentence_from_another_source_names_it_and_a_source_shows_its_date() {
    let html = LocalServerRenderer::<TwoSourceDetail>::new().render().await;
    // The Star's sentence says whose it is, with the date the story gives for it; the position's
    // own source (Just the News, no date) is named once, under the evidence.
    let from = html
        .split("<span class=\"dm-detail__from\">")
        .nth(1)
        .expect("a sentence names its own source");
    let from = &from[..from.find("</span>").unwrap()];
    assert!(
        from.contains("The Star (Malaysia), “A full stop to border row”, 29 July 2025"),
        "{from}"
    );
    assert_eq!(html.matches("dm-detail__from").count(), 1, "{html}");
    assert!(
        html.contains("Just the News (citing The Associated Press)"),
        "{html}"
    );
}

/// Compact density is CSS on the mount element's `data-density` (docs/architecture.md "Densities and the view switcher"): the markup
/// is the default's, so these check what that CSS relies on.
#[tokio::test]
async fn compact_density_keeps_the_stance_word_in_every_cell_name() {
    let html = render(Some("kyiv")).await;
    let buttons: Vec<&str> = html
        .match_indices("<span class=\"dm-cell__button\">")
        .map(|(at, m)| {
            let rest = &html[at + m.len()..];
            // A button ends where the span opened for it closes (a quiet cell has no summary).
            &rest[..rest
                .find("</span></td>")
                .or_else(|| rest.find("<p class=\"dm-cell__"))
                .unwrap()]
        })
        .collect();
    assert_eq!(buttons.len(), 14 * 3);
    for button in buttons {
        // The name: side and issue (visually hidden), then the stance's word, visible or not.
        assert!(
            button.starts_with("<span class=\"dm-sr-only\">"),
            "{button}"
        );
        assert!(
            ["Demands", "Supports", "Open", "Rejects", "Not stated"]
                .iter()
                .any(|word| button
                    .contains(&format!("<span class=\"dm-stance__label\">{word}</span>"))),
            "{button}"
        );
    }
}

#[tokio::test]
async fn the_detail_holds_the_summary_and_the_explainer_compact_density_moves_there() {
    let story = parse_story(DEFAULT_STORY_JSON).unwrap();
    let html = LocalServerRenderer::<OpenDetail>::new().render().await;
    let (issue, _, position) = story.cell(0, 1).unwrap();
    assert!(html.contains(&format!(
        "class=\"dm-detail__summary\">{}</p>",
        escape(&position.summary)
    )));
    assert!(html.contains(&format!(
        "<p class=\"dm-detail__explainer\">{}</p>",
        escape(&issue.explainer)
    )));
}

/// Every class the compact rules of the stylesheet name is one the widget renders: a renamed
/// class would silently leave compact density half applied.
#[tokio::test]
async fn compact_rules_name_classes_the_widget_renders() {
    let css = std::fs::read_to_string("static/demands-matrix.css").unwrap();
    // The built-in story has no conditional stance: the fixture that has one is rendered too.
    let conditional =
        std::fs::read_to_string("tests/fixtures/stories/istanbul-conditional.json").unwrap();
    let conditional = props(
        Some(demands_matrix::components::StoryRef(std::rc::Rc::new(
            parse_story(&conditional).unwrap(),
        ))),
        false,
    );
    let rendered = format!(
        "{}{}{}{}",
        render(None).await,
        render(Some("kyiv")).await,
        LocalServerRenderer::<OpenDetail>::new().render().await,
        LocalServerRenderer::<App>::with_props(conditional)
            .render()
            .await
    );
    let mut named: Vec<&str> = css
        .lines()
        .filter(|line| line.contains("[data-density=\"compact\"]"))
        .flat_map(|line| line.split(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '_')))
        .filter(|word| word.starts_with("dm-"))
        .collect();
    named.sort_unstable();
    named.dedup();
    assert!(named.len() > 10, "{named:?}");
    for class in named {
        // A source line shows only in stories with several sources; the built-in has one.
        if class == "dm-cell__source" {
            continue;
        }
        assert!(
            rendered.contains(&format!("class=\"{class}\""))
                || rendered.contains(&format!("class=\"{class} "))
                || rendered.contains(&format!(" {class}\"")),
            "the compact rules name .{class}, which the widget does not render"
        );
    }
}

/// The fixtures with four and twelve sides (the most a story may have) are valid stories, and
/// every side has its tab in the one row of tabs.
#[tokio::test]
async fn four_and_twelve_sides_each_have_a_tab() {
    for (file, sides) in [("four-sides.json", 4), ("twelve-sides.json", 12)] {
        let json = std::fs::read_to_string(format!("tests/fixtures/stories/{file}")).unwrap();
        let story = parse_story(&json).unwrap_or_else(|e| panic!("{file}: {e:?}"));
        assert_eq!(story.sides.len(), sides);
        let html = LocalServerRenderer::<App>::with_props(AppProps {
            uid: AttrValue::Static("dm"),
            src: None,
            view: None,
            then_view: None,
            live: true,
            pages: false,
            pages_base: None,
            story: Some(demands_matrix::components::StoryRef(std::rc::Rc::new(
                story,
            ))),
            lang: None,
            within: None,
            refresh: None,
        })
        .render()
        .await;
        assert_eq!(testids(&html, "dm-tab-").len(), sides + 1, "{file}");
        assert_eq!(html.matches("class=\"dm-tabs\"").count(), 1, "{file}");
    }
}

/// A story with earlier versions gets the control that steps through them (the live build's;
/// natively the `live` feature is on): one button per version, oldest first, the latest pressed.
#[tokio::test]
async fn a_story_with_history_offers_its_versions_latest_pressed() {
    let text = std::fs::read_to_string("tests/fixtures/stories/history.json").unwrap();
    let story = demands_matrix::components::StoryRef(std::rc::Rc::new(parse_story(&text).unwrap()));
    let html = LocalServerRenderer::<App>::with_props(props(Some(story), true))
        .render()
        .await;
    let at = html
        .find("data-testid=\"dm-versions\"")
        .expect("the control");
    let group = &html[html[..at].rfind("<div").unwrap()..];
    let group = &group[..group.find("</div>").unwrap()];
    assert!(
        group.contains("aria-label=\"Versions of this story\""),
        "{group}"
    );
    let buttons: Vec<&str> = group
        .split("<button")
        .skip(1)
        .map(|b| &b[b.find('>').unwrap() + 1..b.find("</button>").unwrap()])
        .collect();
    assert_eq!(
        buttons,
        ["16 May 2025", "30 May 2025", "3 June 2025 (latest)"]
    );
    assert_eq!(group.matches("aria-pressed=\"true\"").count(), 1);
    assert!(group.rfind("aria-pressed=\"true\"") > group.find("30 May 2025"));
    // The built-in story has one version: no control.
    assert!(!render(None).await.contains("dm-versions"));
}

/// A mediator's role is a label beside its name in the column head and in its cells, never part
/// of the name, and the summary says the mediator is not counted.
#[tokio::test]
async fn a_mediator_is_labelled_beside_its_name_and_left_out_of_the_summary() {
    let mut story = parse_story(DEFAULT_STORY_JSON).unwrap();
    let west = story.sides.iter().position(|s| s.id == "west").unwrap();
    story.sides[west].role = demands_matrix::model::Role::Mediator;
    let mut props = props(
        Some(demands_matrix::components::StoryRef(std::rc::Rc::new(
            story,
        ))),
        false,
    );
    props.view = Some(AttrValue::from("all"));
    let html = LocalServerRenderer::<App>::with_props(props).render().await;
    let head = html
        .split("data-testid=\"dm-col-west\"")
        .nth(1)
        .and_then(|rest| rest.split("</th>").next())
        .unwrap();
    assert!(
        head.contains("<span class=\"dm-matrix__side-name\">Western allies</span>")
            && head.contains("<span class=\"dm-role\">mediator</span>"),
        "{head}"
    );
    assert!(
        html.contains("Not counted here, as not a party to the talks: Western allies."),
        "the summary says who it leaves out"
    );
}

/// A conditional stance says so in its cell, beside the stance (the e2e test opens its detail).
#[tokio::test]
async fn a_conditional_stance_says_so_in_its_cell() {
    // The built-in story with Kyiv's ceasefire demand made conditional.
    let text = std::fs::read_to_string("tests/fixtures/stories/istanbul-conditional.json").unwrap();
    let story = parse_story(&text).unwrap();
    let props = props(
        Some(demands_matrix::components::StoryRef(std::rc::Rc::new(
            story,
        ))),
        false,
    );
    let html = LocalServerRenderer::<App>::with_props(props).render().await;
    let cell = html
        .split("data-testid=\"dm-cell-ceasefire-kyiv\"")
        .nth(1)
        .and_then(|rest| rest.split("</td>").next())
        .unwrap();
    assert!(
        cell.contains("class=\"dm-cell__condition\">with conditions</span>"),
        "{cell}"
    );
}
