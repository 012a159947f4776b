//! stance_legend: the key to the five stances, with their shapes and meanings.
//!
//! A view function: static content needs no component of its own (each costs WebAssembly bytes).

use yew::prelude::*;

use crate::components::stance_mark::stance_mark;
use crate::i18n::Strings;
use crate::model::Stance;

/// Readers meet the shapes in the matrix before any explanation; the key sits above it.
pub fn stance_legend(t: &Strings) -> Html {
    html! {
        <ul class="dm-legend" aria-label={t.text("legend")} data-testid="dm-legend">
            { for Stance::ALL.iter().map(|&stance| html! {
                <li class="dm-legend__item">
                    { stance_mark(t, stance) }
                    <span class="dm-legend__meaning">{ t.around("legend-entry", "label", &[("meaning", &stance.meaning(t))]).1 }</span>
                </li>
            }) }
        </ul>
    }
}
