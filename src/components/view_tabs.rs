//! view_tabs: the switch between all sides and each side's view, as WAI-ARIA tabs.
//!
//! A view function: it holds no state of its own (App's reducer knows the view), and a component
//! type of its own would only cost WebAssembly bytes.

use yew::prelude::*;

use crate::components::StoryRef;
use crate::dom::focus_element;
use crate::i18n::Strings;
use crate::model::View;

/// The views to offer, the current one, and where a choice goes.
pub struct ViewTabsProps<'a> {
    /// Prefix that keeps element ids unique when a page holds several widgets.
    pub uid: &'a AttrValue,
    /// Id of the panel the tabs control.
    pub panel_id: &'a str,
    pub story: &'a StoryRef,
    pub t: &'a Strings,
    pub current: View,
    /// Script is running and the widget is hydrated: tabs with a roving tabindex and arrow keys.
    /// Otherwise links to the view pages, every one a Tab stop.
    pub live: bool,
    /// Tabs are links to the static page of each view (see `AppProps::pages`).
    pub pages: bool,
    /// Where those pages are, when not beside the page (`AppProps::pages_base`).
    pub pages_base: Option<&'a str>,
    pub on_select: &'a Callback<View>,
}

/// The static page of a view, relative to the standalone page: what a tab links to.
pub fn view_page(view_id: &str) -> String {
    if view_id == "all" {
        "index.html".to_owned()
    } else {
        format!("view-{view_id}.html")
    }
}

/// Id of the tab element for a view, shared with the panel's `aria-labelledby`.
pub fn tab_element_id(uid: &str, view_id: &str) -> String {
    format!("{uid}-tab-{view_id}")
}

/// Tabs with a roving tabindex: Tab reaches the selected tab only; arrow keys, Home and End move
/// between tabs and select as they go, so a keyboard reader switches views without hunting; Space
/// selects too (on a link tab it would scroll the page). Right to left, the arrows follow what
/// readers see: ArrowLeft goes to the next tab, as the WAI-ARIA tabs pattern asks. "All sides" comes first, then each side
/// by its short label.
///
/// Until the widget is live (before the WebAssembly, or without it) nothing answers arrow keys,
/// so the same elements are what they are then: links to the view pages in a labelled
/// navigation, the current one `aria-current="page"`. Going live changes attributes only, so the
/// prerendered nodes (and a focused link) stay.
pub fn view_tabs(props: &ViewTabsProps<'_>) -> Html {
    let story = props.story;
    let live = props.live;
    let views = View::all(story);
    let count = views.len();
    let current_index = views.iter().position(|v| *v == props.current).unwrap_or(0);

    let t = props.t;
    let rtl = t.dir() == "rtl";
    let onkeydown = live.then(|| {
        let story = story.clone();
        let uid = props.uid.clone();
        let on_select = props.on_select.clone();
        Callback::from(move |event: KeyboardEvent| {
            let forward = (current_index + 1) % count;
            let back = (current_index + count - 1) % count;
            let next = match event.key().as_str() {
                "ArrowRight" => {
                    if rtl {
                        back
                    } else {
                        forward
                    }
                }
                "ArrowLeft" => {
                    if rtl {
                        forward
                    } else {
                        back
                    }
                }
                "ArrowDown" => forward,
                "ArrowUp" => back,
                "Home" => 0,
                "End" => count - 1,
                _ => return,
            };
            event.prevent_default();
            let view = if next == 0 {
                View::AllSides
            } else {
                View::Side(next - 1)
            };
            on_select.emit(view);
            focus_element(&tab_element_id(&uid, view.id(&story)));
        })
    });

    html! {
        <div
            class="dm-tabs"
            role={if live { "tablist" } else { "navigation" }}
            aria-label={t.text("view-switch")}
            data-testid="dm-tabs"
            {onkeydown}
        >
            { for views.into_iter().map(|view| {
                let selected = view == props.current;
                let id = view.id(story);
                let label = match view {
                    View::AllSides => t.text("all-sides"),
                    View::Side(side) => story.sides[side].short.clone(),
                };
                let onclick = props.on_select.reform(move |event: MouseEvent| {
                    // A link tab would navigate to the view's static page; live, we switch in place.
                    event.prevent_default();
                    view
                });
                // A tab is activated by Space as well as Enter; a link knows only Enter, and
                // Space would scroll the page.
                let onkeydown = live.then(|| {
                    let on_select = props.on_select.clone();
                    Callback::from(move |event: KeyboardEvent| {
                        if event.key() == " " {
                            event.prevent_default();
                            on_select.emit(view);
                        }
                    })
                });
                let tabindex = live.then_some(if selected { "0" } else { "-1" });
                html! {
                    <@{if props.pages { "a" } else { "button" }}
                        type={(!props.pages).then_some("button")}
                        href={props.pages.then(|| format!("{}{}", props.pages_base.unwrap_or(""), view_page(id)))}
                        role={live.then_some("tab")}
                        class="dm-tabs__tab"
                        id={tab_element_id(props.uid, id)}
                        aria-selected={live.then_some(if selected { "true" } else { "false" })}
                        aria-current={(!live && selected).then_some("page")}
                        aria-controls={live.then(|| props.panel_id.to_owned())}
                        {tabindex}
                        data-testid={format!("dm-tab-{id}")}
                        {onclick}
                        {onkeydown}
                    >
                        { label }
                    </@>
                }
            }) }
        </div>
    }
}
