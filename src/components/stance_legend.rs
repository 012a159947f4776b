//! StanceLegend: the key to the five stances, with their shapes and meanings.

use yew::prelude::*;

use crate::components::stance_mark::StanceMark;
use crate::model::Stance;

/// Readers meet the shapes in the matrix before any explanation; the key sits above it.
#[component]
pub fn StanceLegend() -> Html {
    html! {
        <ul class="dm-legend" aria-label="Key to stances" data-testid="dm-legend">
            { for Stance::ALL.iter().map(|&stance| html! {
                <li class="dm-legend__item" key={stance.id()}>
                    <StanceMark {stance} />
                    <span class="dm-legend__meaning">{ format!(": {}", stance.meaning()) }</span>
                </li>
            }) }
        </ul>
    }
}
