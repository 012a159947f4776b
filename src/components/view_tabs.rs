//! ViewTabs: the switch between all sides and each side's view, as WAI-ARIA tabs.

use yew::prelude::*;

use crate::components::StoryRef;
use crate::dom::focus_element;
use crate::model::View;

#[derive(Properties, PartialEq)]
pub struct ViewTabsProps {
    /// Prefix that keeps element ids unique when a page holds several widgets.
    pub uid: AttrValue,
    /// Id of the panel the tabs control.
    pub panel_id: AttrValue,
    pub story: StoryRef,
    pub current: View,
    pub on_select: Callback<View>,
}

/// Id of the tab element for a view, shared with the panel's `aria-labelledby`.
pub fn tab_element_id(uid: &str, view_id: &str) -> String {
    format!("{uid}-tab-{view_id}")
}

/// Tabs with a roving tabindex: Tab reaches the selected tab only; arrow keys, Home and End move
/// between tabs and select as they go, so a keyboard reader switches views without hunting.
/// "All sides" comes first, then each side by its short label.
#[component]
pub fn ViewTabs(props: &ViewTabsProps) -> Html {
    let story = &props.story;
    let views = View::all(story);
    let count = views.len();
    let current_index = views.iter().position(|v| *v == props.current).unwrap_or(0);

    let onkeydown = {
        let story = story.clone();
        let uid = props.uid.clone();
        let on_select = props.on_select.clone();
        Callback::from(move |event: KeyboardEvent| {
            let next = match event.key().as_str() {
                "ArrowRight" | "ArrowDown" => (current_index + 1) % count,
                "ArrowLeft" | "ArrowUp" => (current_index + count - 1) % count,
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
    };

    html! {
        <div class="dm-tabs" role="tablist" aria-label="Whose view to show" data-testid="dm-tabs" {onkeydown}>
            { for views.into_iter().map(|view| {
                let selected = view == props.current;
                let id = view.id(story);
                let label = match view {
                    View::AllSides => "All sides",
                    View::Side(side) => story.sides[side].short.as_str(),
                };
                html! {
                    <button
                        type="button"
                        role="tab"
                        class={if selected { "dm-tabs__tab dm-tabs__tab--selected" } else { "dm-tabs__tab" }}
                        id={tab_element_id(&props.uid, id)}
                        aria-selected={if selected { "true" } else { "false" }}
                        aria-controls={props.panel_id.clone()}
                        tabindex={if selected { "0" } else { "-1" }}
                        data-testid={format!("dm-tab-{id}")}
                        onclick={props.on_select.reform(move |_: MouseEvent| view)}
                    >
                        { label }
                    </button>
                }
            }) }
        </div>
    }
}
