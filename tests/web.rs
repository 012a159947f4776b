//! Browser tests (wasm-bindgen-test, headless Chromium and Firefox): mount the widget, switch
//! views by click and by arrow keys, open and close a cell's detail, and read the DOM.
#![cfg(target_arch = "wasm32")]

use demands_matrix::{App, AppProps};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, KeyboardEvent, KeyboardEventInit};
use yew::AttrValue;

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

/// Gives the test page the built-in story, as the build writes it into every page (the
/// WebAssembly reads it from there instead of carrying it).
fn page_with_story() {
    if document().get_element_by_id("dm-story").is_none() {
        let story = document().create_element("script").unwrap();
        story.set_attribute("type", "application/json").unwrap();
        story.set_id("dm-story");
        story.set_text_content(Some(demands_matrix::model::DEFAULT_STORY_JSON));
        document().head().unwrap().append_child(&story).unwrap();
    }
}

/// Mounts a widget in a fresh element and waits for it to render.
async fn mount(view: Option<&'static str>) -> Element {
    page_with_story();
    let root = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&root).unwrap();
    let uid = format!("t{}", js_sys_random());
    yew::Renderer::<App>::with_root_and_props(
        root.clone(),
        AppProps {
            uid: AttrValue::from(uid),
            src: None,
            view: view.map(AttrValue::Static),
            then_view: None,
            live: true,
            pages: false,
            pages_base: None,
            story: None,
            lang: None,
            within: None,
            refresh: None,
        },
    )
    .render();
    yew::scheduler::flush().await;
    root
}

fn js_sys_random() -> u32 {
    // Unique ids per mounted widget, as on a page with several embeds.
    use std::sync::atomic::{AtomicU32, Ordering};
    static NEXT: AtomicU32 = AtomicU32::new(1);
    NEXT.fetch_add(1, Ordering::Relaxed)
}

fn find(root: &Element, testid: &str) -> HtmlElement {
    root.query_selector(&format!("[data-testid=\"{testid}\"]"))
        .unwrap()
        .unwrap_or_else(|| panic!("no element with data-testid {testid}"))
        .dyn_into()
        .unwrap()
}

fn button_in(cell: &Element) -> HtmlElement {
    cell.query_selector("button")
        .unwrap()
        .expect("a cell holds a button")
        .dyn_into()
        .unwrap()
}

fn maybe(root: &Element, testid: &str) -> Option<Element> {
    root.query_selector(&format!("[data-testid=\"{testid}\"]"))
        .unwrap()
}

fn row_ids(root: &Element) -> Vec<String> {
    let rows = root
        .query_selector_all("[data-testid^=\"dm-row-\"]")
        .unwrap();
    (0..rows.length())
        .filter_map(|i| rows.item(i))
        .filter_map(|n| n.dyn_into::<Element>().ok())
        .filter_map(|e| e.get_attribute("data-testid"))
        .map(|id| id.trim_start_matches("dm-row-").to_owned())
        .collect()
}

fn view_of(root: &Element) -> String {
    find(root, "dm-root").get_attribute("data-view").unwrap()
}

fn press(target: &HtmlElement, key: &str) {
    let init = KeyboardEventInit::new();
    init.set_key(key);
    init.set_bubbles(true);
    init.set_cancelable(true);
    let event = KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    target.dispatch_event(&event).unwrap();
}

fn active_testid() -> Option<String> {
    document()
        .active_element()
        .and_then(|e| e.get_attribute("data-testid"))
}

#[wasm_bindgen_test]
async fn opens_on_all_sides_with_the_summary() {
    let root = mount(None).await;
    assert_eq!(view_of(&root), "all");
    assert!(maybe(&root, "dm-summary").is_some());
    assert_eq!(row_ids(&root).len(), 14);
    assert_eq!(
        find(&root, "dm-tab-all")
            .get_attribute("aria-selected")
            .as_deref(),
        Some("true")
    );
}

#[wasm_bindgen_test]
async fn clicking_a_tab_switches_the_view() {
    let root = mount(None).await;
    find(&root, "dm-tab-kyiv").click();
    yew::scheduler::flush().await;
    assert_eq!(view_of(&root), "kyiv");
    assert_eq!(&row_ids(&root)[..3], ["ceasefire", "prisoners", "children"]);
    assert!(maybe(&root, "dm-summary").is_none());
    assert_eq!(
        find(&root, "dm-tab-kyiv")
            .get_attribute("tabindex")
            .as_deref(),
        Some("0")
    );
    assert_eq!(
        find(&root, "dm-tab-all")
            .get_attribute("tabindex")
            .as_deref(),
        Some("-1")
    );
    assert!(find(&root, "dm-announce")
        .text_content()
        .unwrap()
        .contains("Kyiv’s view"));
    find(&root, "dm-tab-moscow").click();
    yew::scheduler::flush().await;
    assert_eq!(row_ids(&root)[0], "nato");
}

#[wasm_bindgen_test]
async fn arrow_keys_move_between_tabs_and_select() {
    let root = mount(None).await;
    let all = find(&root, "dm-tab-all");
    all.focus().unwrap();
    press(&all, "ArrowRight");
    yew::scheduler::flush().await;
    assert_eq!(view_of(&root), "kyiv");
    assert_eq!(active_testid().as_deref(), Some("dm-tab-kyiv"));
    press(&find(&root, "dm-tab-kyiv"), "End");
    yew::scheduler::flush().await;
    assert_eq!(view_of(&root), "west");
    press(&find(&root, "dm-tab-west"), "ArrowRight");
    yew::scheduler::flush().await;
    assert_eq!(view_of(&root), "all", "arrows wrap around");
    press(&find(&root, "dm-tab-all"), "ArrowLeft");
    yew::scheduler::flush().await;
    assert_eq!(view_of(&root), "west");
    press(&find(&root, "dm-tab-west"), "Home");
    yew::scheduler::flush().await;
    assert_eq!(view_of(&root), "all");
}

#[wasm_bindgen_test]
async fn space_selects_a_focused_tab_and_does_not_scroll() {
    let root = mount(None).await;
    let kyiv = find(&root, "dm-tab-kyiv");
    kyiv.focus().unwrap();
    let init = KeyboardEventInit::new();
    init.set_key(" ");
    init.set_bubbles(true);
    init.set_cancelable(true);
    let event = KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    kyiv.dispatch_event(&event).unwrap();
    yew::scheduler::flush().await;
    assert_eq!(view_of(&root), "kyiv");
    assert!(
        event.default_prevented(),
        "Space would scroll the page otherwise"
    );
}

#[wasm_bindgen_test]
async fn a_details_heading_is_one_level_below_the_view_title() {
    // Mounted in an article (no standalone page): title h2, view title h3, detail h4.
    let root = mount(None).await;
    assert!(root.query_selector("h1").unwrap().is_none());
    assert_eq!(find(&root, "dm-view-title").tag_name(), "H3");
    button_in(&find(&root, "dm-cell-ceasefire-kyiv")).click();
    yew::scheduler::flush().await;
    let title = find(&root, "dm-detail")
        .query_selector(".dm-detail__title")
        .unwrap()
        .unwrap();
    assert_eq!(title.tag_name(), "H4");
    assert!(!find(&root, "dm-detail")
        .text_content()
        .unwrap()
        .contains("Demand no."));
}

#[wasm_bindgen_test]
async fn a_cell_opens_its_detail_and_closes_back_to_the_cell() {
    let root = mount(None).await;
    let cell = find(&root, "dm-cell-ceasefire-kyiv");
    let button = button_in(&cell);
    let row = find(&root, "dm-row-ceasefire");
    button.click();
    yew::scheduler::flush().await;
    let detail = find(&root, "dm-detail");
    assert!(
        button.is_connected(),
        "the cell button survives the re-render"
    );
    assert_eq!(
        row.query_selector("th")
            .unwrap()
            .map(|th| th.text_content().unwrap_or_default().contains("ceasefire")),
        Some(true),
        "the row keeps its own DOM"
    );
    // The open cell points at its detail; no aria-expanded (an expandable button traps Orca in
    // focus mode, docs/screen-reader.md).
    assert_eq!(
        button.get_attribute("aria-controls"),
        detail.get_attribute("id")
    );
    assert!(button.get_attribute("aria-expanded").is_none());
    assert_eq!(
        active_testid().as_deref(),
        Some("dm-detail"),
        "focus moves to the detail"
    );
    let quote = find(&root, "dm-detail-quote").text_content().unwrap();
    assert!(quote.contains("First–– a full and unconditional ceasefire."));
    assert!(quote.contains("Volodymyr Zelensky"));
    assert!(find(&root, "dm-detail-source")
        .text_content()
        .unwrap()
        .contains("Source:"));
    press(&detail, "Escape");
    yew::scheduler::flush().await;
    assert!(maybe(&root, "dm-detail").is_none());
    assert!(button.get_attribute("aria-controls").is_none());
    assert_eq!(
        document()
            .active_element()
            .and_then(|e| e.get_attribute("id")),
        button.get_attribute("id"),
        "focus returns to the cell"
    );
}

#[wasm_bindgen_test]
async fn a_silent_cell_shows_its_stance_and_says_no_source_says_in_its_detail() {
    let root = mount(Some("west")).await;
    let cell = find(&root, "dm-cell-ceasefire-west");
    assert_eq!(
        cell.get_attribute("data-stance").as_deref(),
        Some("not_stated")
    );
    // Quiet in the matrix: the stance word alone, no boilerplate under it.
    assert!(cell.text_content().unwrap().contains("Not stated"));
    assert!(!cell.text_content().unwrap().contains("says"));
    let button = button_in(&cell);
    button.click();
    yew::scheduler::flush().await;
    let summary = find(&root, "dm-detail-summary").text_content().unwrap();
    assert!(summary.contains("No source says"), "{summary}");
    assert!(maybe(&root, "dm-detail-quote").is_none());
    find(&root, "dm-detail-close").click();
    yew::scheduler::flush().await;
    assert!(maybe(&root, "dm-detail").is_none());
}

#[wasm_bindgen_test]
async fn two_widgets_on_one_page_keep_their_own_state() {
    let first = mount(None).await;
    let second = mount(Some("moscow")).await;
    find(&first, "dm-tab-kyiv").click();
    yew::scheduler::flush().await;
    assert_eq!(view_of(&first), "kyiv");
    assert_eq!(view_of(&second), "moscow");
}

/// Renders the widget to HTML in the browser, as the build does, for hydration tests.
async fn server_markup(view: &'static str) -> String {
    page_with_story();
    yew::LocalServerRenderer::<App>::with_props(AppProps::prerendered(
        AttrValue::Static("h1"),
        AttrValue::Static(view),
        None,
        false,
    ))
    .hydratable(true)
    .render()
    .await
}

#[wasm_bindgen_test]
async fn hydration_keeps_the_prerendered_dom_and_makes_it_live() {
    let root = document().create_element("div").unwrap();
    root.set_inner_html(&server_markup("all").await);
    document().body().unwrap().append_child(&root).unwrap();
    let first_paint_tab = find(&root, "dm-tab-kyiv");
    let first_paint_cell = find(&root, "dm-cell-ceasefire-kyiv");
    let first_paint_heading = root.query_selector("h1").unwrap().unwrap();
    assert_eq!(first_paint_tab.get_attribute("tabindex"), None);
    assert_eq!(
        first_paint_tab.get_attribute("role"),
        None,
        "a link until live"
    );
    assert!(
        root.query_selector("[aria-expanded]").unwrap().is_none(),
        "no cell promises a detail before the widget is live"
    );

    let first_paint_words = first_paint_cell
        .query_selector(".dm-cell__button .dm-sr-only")
        .unwrap()
        .unwrap();

    // A mismatch between server and client markup panics here, failing the test.
    demands_matrix::embed::hydrate(
        root.clone(),
        AppProps::prerendered(
            AttrValue::Static("h1"),
            AttrValue::Static("all"),
            None,
            true,
        ),
    );
    yew::scheduler::flush().await;

    assert_eq!(
        find(&root, "dm-root")
            .get_attribute("data-interactive")
            .as_deref(),
        Some("true")
    );
    assert!(
        first_paint_tab.is_same_node(Some(&find(&root, "dm-tab-kyiv"))),
        "the tab from the first paint is still in the page"
    );
    assert!(first_paint_cell.is_connected() && first_paint_heading.is_connected());
    assert_eq!(
        first_paint_tab.get_attribute("tabindex").as_deref(),
        Some("-1"),
        "hydration applied the live attributes"
    );
    assert_eq!(
        first_paint_tab.get_attribute("role").as_deref(),
        Some("tab")
    );
    assert_eq!(
        root.query_selector_all("button.dm-cell__button")
            .unwrap()
            .length(),
        14 * 3,
        "once live, every cell is a button"
    );
    assert!(root.query_selector("[aria-expanded]").unwrap().is_none());
    assert!(
        first_paint_words.is_connected()
            && first_paint_words
                .parent_element()
                .is_some_and(|control| control.local_name() == "button"),
        "a cell's words from the first paint moved into its button"
    );
    assert!(
        root.query_selector("[aria-current]").unwrap().is_none(),
        "no link's aria-current is left among live tabs"
    );
    first_paint_tab.click();
    yew::scheduler::flush().await;
    assert_eq!(
        view_of(&root),
        "kyiv",
        "a hydrated link tab switches in place"
    );
}

#[wasm_bindgen_test]
async fn every_view_page_hydrates_without_a_mismatch() {
    for view in ["all", "kyiv", "moscow", "west"] {
        let root = document().create_element("div").unwrap();
        root.set_inner_html(&server_markup(view).await);
        document().body().unwrap().append_child(&root).unwrap();
        demands_matrix::embed::hydrate(
            root.clone(),
            AppProps::prerendered(AttrValue::Static("h1"), AttrValue::Static(view), None, true),
        );
        yew::scheduler::flush().await;
        assert_eq!(view_of(&root), view);
        root.remove();
    }
}

// Only the dates table is used here; the native tests use the rest.
#[allow(dead_code)]
#[path = "support/plurals.rs"]
mod plurals;

/// The test stories, one per shipped locale but English (invented test data, not news), with
/// the locale's strings.
const LOCALE_STORIES: [(&str, &str, &str); 6] = [
    (
        "uk",
        include_str!("fixtures/stories/locale-uk.json"),
        include_str!("../locales/uk.json"),
    ),
    (
        "ru",
        include_str!("fixtures/stories/locale-ru.json"),
        include_str!("../locales/ru.json"),
    ),
    (
        "de",
        include_str!("fixtures/stories/locale-de.json"),
        include_str!("../locales/de.json"),
    ),
    (
        "fr",
        include_str!("fixtures/stories/locale-fr.json"),
        include_str!("../locales/fr.json"),
    ),
    (
        "es",
        include_str!("fixtures/stories/locale-es.json"),
        include_str!("../locales/es.json"),
    ),
    (
        "ar",
        include_str!("fixtures/stories/locale-ar.json"),
        include_str!("../locales/ar.json"),
    ),
];

/// Every locale's page hydrates without a mismatch. The strings come in as the build writes
/// them into a page: with the story's date in the build's (ICU's) words, which may differ from
/// the browser's `Intl` by a space; the page's words win, so both renders agree.
#[wasm_bindgen_test]
async fn a_story_in_every_locale_hydrates_without_a_mismatch() {
    use demands_matrix::components::StoryRef;
    use demands_matrix::i18n::{register, Strings};
    use demands_matrix::model::parse_story;
    use std::rc::Rc;

    for (tag, story_json, strings_json) in LOCALE_STORIES {
        let story = Rc::new(parse_story(story_json).unwrap());
        let built_date = plurals::DATES
            .iter()
            .find(|(t, _)| *t == tag)
            .map(|(_, words)| *words)
            .unwrap();
        let mut page: serde_json::Value = serde_json::from_str(strings_json).unwrap();
        page["$dates"] = serde_json::json!({ story.as_of.date.clone(): built_date });
        register(Strings::parse(tag, &page.to_string()).unwrap());
        let props = |live: bool| {
            let mut props = AppProps::prerendered(
                AttrValue::Static("h1"),
                AttrValue::Static("all"),
                None,
                live,
            );
            props.story = Some(StoryRef(story.clone()));
            props
        };
        let html = yew::LocalServerRenderer::<App>::with_props(props(false))
            .hydratable(true)
            .render()
            .await;
        let root = document().create_element("div").unwrap();
        root.set_inner_html(&html);
        document().body().unwrap().append_child(&root).unwrap();
        let first_paint_tab = root.query_selector("[role], a[data-testid]").unwrap();
        // A mismatch between server and client markup panics here, failing the test.
        demands_matrix::embed::hydrate(root.clone(), props(true));
        yew::scheduler::flush().await;
        let widget = find(&root, "dm-root");
        assert_eq!(
            widget.get_attribute("data-interactive").as_deref(),
            Some("true"),
            "{tag}"
        );
        assert_eq!(widget.get_attribute("lang").as_deref(), Some(tag));
        let dir = if tag == "ar" { "rtl" } else { "ltr" };
        assert_eq!(widget.get_attribute("dir").as_deref(), Some(dir), "{tag}");
        assert!(
            first_paint_tab.is_some_and(|tab| tab.is_connected()),
            "{tag}: the first paint's nodes are kept"
        );
        let date = find(&root, "dm-as-of").text_content().unwrap_or_default();
        assert!(date.contains(built_date), "{tag}: {date}");
        root.remove();
    }
}

/// The browser's dates in words: a date in its locale's words, and anything that is not a date
/// (31 April, which `Date` would roll over into May; a month 13; a word) as it is written.
#[wasm_bindgen_test]
fn dates_in_words_come_from_the_browser_and_non_dates_stay_as_written() {
    use demands_matrix::i18n::Strings;
    let german = Strings::for_lang("de");
    assert_eq!(german.date("2025-06-02"), "2. Juni 2025");
    for not_a_date in [
        "2025-04-31",
        "2025-02-29",
        "2025-13-02",
        "2025-6-2",
        "soon",
        "",
    ] {
        assert_eq!(german.date(not_a_date), not_a_date);
    }
    assert_eq!(german.date("2024-02-29"), "29. Februar 2024");
}
