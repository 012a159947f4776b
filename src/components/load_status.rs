//! load_status: what the widget shows while a story loads, or when it cannot be shown.
//!
//! A view function: the root renders it in place of the matrix, with the root's own callback.

use std::rc::Rc;

use yew::prelude::*;

use crate::i18n::Strings;
use crate::state::LoadFailure;

/// Never a blank box: a polite status while loading (`failure` is `None`), and on failure a plain
/// sentence for readers, the details an editor needs (never the address, which a link can fill
/// with any words; the console has it), and a way to try again. Both sit in the
/// root element a story would use, with `data-state` for tests and styles.
pub fn load_status(t: &Strings, failure: Option<Rc<LoadFailure>>, on_retry: Callback<()>) -> Html {
    let Some(failure) = failure else {
        return html! {
            <div class="dm dm--status" data-testid="dm-root" data-state="loading">
                <div class="dm-status" role="status" data-testid="dm-loading">
                    <span class="dm-status__spinner" aria-hidden="true"></span>
                    { t.text("loading") }
                </div>
            </div>
        };
    };
    html! {
        <div class="dm dm--status" data-testid="dm-root" data-state="error">
            <div class="dm-status dm-status--error" role="alert" data-testid="dm-error">
                <p class="dm-status__headline">{ t.text("not-loaded") }</p>
                <ul class="dm-status__details" data-testid="dm-error-details">
                    { for failure.details.iter().map(|detail| html! { <li>{ detail }</li> }) }
                </ul>
                <button
                    type="button"
                    class="dm-status__retry"
                    data-testid="dm-retry"
                    onclick={on_retry.reform(|_: MouseEvent| ())}
                >
                    { t.text("try-again") }
                </button>
            </div>
        </div>
    }
}
