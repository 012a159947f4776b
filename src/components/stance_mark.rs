//! stance_mark: a stance's shape and its label, so that no stance is told by colour alone.
//!
//! A view function rather than a component: it has no state, renders once per cell (8,000 times
//! in a large story), and each Yew component type costs about 2 kB of WebAssembly.

use yew::prelude::*;

use crate::model::Stance;

/// The shape (triangle, tick, ring, cross, dash) and the word for a stance. The shape is
/// decoration for sighted readers (hidden from screen readers); the word carries the meaning.
pub fn stance_mark(stance: Stance) -> Html {
    // The stroke widths themselves are the stylesheet's (a host may restyle them).
    let (path, stroke) = stance.mark();
    let class = match stroke {
        None => "dm-stance__fill",
        Some(width) if width < 2.4 => "dm-stance__stroke dm-stance__stroke--thin",
        Some(_) => "dm-stance__stroke",
    };
    html! {
        <span class="dm-stance" data-stance={stance.id()}>
            <svg class="dm-stance__icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
                <path d={path} {class} />
            </svg>
            <span class="dm-stance__label">{ stance.label() }</span>
        </span>
    }
}
