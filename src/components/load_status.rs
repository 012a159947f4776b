//! LoadStatus: what the widget shows while a story loads, or when it cannot be shown.

use yew::prelude::*;

use crate::state::LoadFailure;

#[derive(Properties, PartialEq)]
pub struct LoadStatusProps {
    /// `None` while loading; the failure once loading gave up.
    pub failure: Option<std::rc::Rc<LoadFailure>>,
    pub src: AttrValue,
    pub on_retry: Callback<()>,
}

/// Never a blank box: a polite status while loading, and on failure a plain sentence for
/// readers, the details an editor needs, and a way to try again.
#[component]
pub fn LoadStatus(props: &LoadStatusProps) -> Html {
    let Some(failure) = &props.failure else {
        return html! {
            <div class="dm-status" role="status" data-testid="dm-loading">
                <span class="dm-status__spinner" aria-hidden="true"></span>
                { "Loading the graphic…" }
            </div>
        };
    };
    let retry = {
        let on_retry = props.on_retry.clone();
        Callback::from(move |_: MouseEvent| on_retry.emit(()))
    };
    html! {
        <div class="dm-status dm-status--error" role="alert" data-testid="dm-error">
            <p class="dm-status__headline">{ "Sorry, this graphic could not be loaded." }</p>
            <p class="dm-status__file">{ "File: " }<code>{ &failure.src }</code></p>
            <ul class="dm-status__details" data-testid="dm-error-details">
                { for failure.details.iter().map(|detail| html! { <li>{ detail }</li> }) }
            </ul>
            <button type="button" class="dm-status__retry" data-testid="dm-retry" onclick={retry}>
                { "Try again" }
            </button>
        </div>
    }
}
