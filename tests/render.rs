//! Native tests that render the widget to HTML with Yew's server renderer and check what each
//! view shows: rows, their order, emphasised columns, the summary, the detail and the states.
#![cfg(not(target_arch = "wasm32"))]

use demands_matrix::model::{parse_story, DEFAULT_STORY_JSON};
use demands_matrix::{App, AppProps};
use yew::{AttrValue, LocalServerRenderer};

async fn render(view: Option<&str>) -> String {
    LocalServerRenderer::<App>::with_props(AppProps {
        uid: AttrValue::Static("dm"),
        src: None,
        view: view.map(|v| AttrValue::from(v.to_owned())),
        then_view: None,
        live: true,
        pages: false,
        pages_base: None,
    })
    .render()
    .await
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
    assert!(html.contains("role=\"tablist\""));
    assert!(html.contains("aria-selected=\"true\""));
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
    assert!(html.contains("The report records no demands by Western allies."));
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
