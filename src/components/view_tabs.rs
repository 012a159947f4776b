//! ViewTabs: the switch between all sides and each side's view, as WAI-ARIA tabs.

use yew::prelude::*;

use crate::dom::focus_element;
use crate::model::View;

/// One tab: the view it opens and the words on it.
#[derive(Clone, PartialEq)]
pub struct TabItem {
    pub view: View,
    /// Stable id for `data-testid` and element ids (`all`, or the side id).
    pub id: AttrValue,
    pub label: AttrValue,
}

#[derive(Properties, PartialEq)]
pub struct ViewTabsProps {
    /// Prefix that keeps element ids unique when a page holds several widgets.
    pub uid: AttrValue,
    /// Id of the panel the tabs control.
    pub panel_id: AttrValue,
    pub tabs: Vec<TabItem>,
    pub current: View,
    pub on_select: Callback<View>,
}

/// Id of the tab element for a view, shared with the panel's `aria-labelledby`.
pub fn tab_element_id(uid: &str, tab_id: &str) -> String {
    format!("{uid}-tab-{tab_id}")
}

/// Tabs with a roving tabindex: Tab reaches the selected tab only; arrow keys, Home and End move
/// between tabs and select as they go, so a keyboard reader switches views without hunting.
#[component]
pub fn ViewTabs(props: &ViewTabsProps) -> Html {
    let count = props.tabs.len();
    let current_index = props
        .tabs
        .iter()
        .position(|tab| tab.view == props.current)
        .unwrap_or(0);

    let onkeydown = {
        let tabs = props.tabs.clone();
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
            let Some(tab) = tabs.get(next) else { return };
            on_select.emit(tab.view);
            focus_element(&tab_element_id(&uid, &tab.id));
        })
    };

    html! {
        <div class="dm-tabs" role="tablist" aria-label="Whose view to show" data-testid="dm-tabs" {onkeydown}>
            { for props.tabs.iter().map(|tab| {
                let selected = tab.view == props.current;
                let onclick = {
                    let on_select = props.on_select.clone();
                    let view = tab.view;
                    Callback::from(move |_: MouseEvent| on_select.emit(view))
                };
                html! {
                    <button
                        type="button"
                        role="tab"
                        class={if selected { "dm-tabs__tab dm-tabs__tab--selected" } else { "dm-tabs__tab" }}
                        id={tab_element_id(&props.uid, &tab.id)}
                        aria-selected={if selected { "true" } else { "false" }}
                        aria-controls={props.panel_id.clone()}
                        tabindex={if selected { "0" } else { "-1" }}
                        data-testid={format!("dm-tab-{}", tab.id)}
                        {onclick}
                    >
                        { &tab.label }
                    </button>
                }
            }) }
        </div>
    }
}
