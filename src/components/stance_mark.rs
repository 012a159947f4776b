//! stance_mark: a stance's shape and its label, so that no stance is told by colour alone.
//!
//! A view function rather than a component: it has no state, renders once per cell (8,000 times
//! in a large story), and each Yew component type costs about 2 kB of WebAssembly.

use yew::prelude::*;

use crate::i18n::Strings;
use crate::model::Stance;

/// The shape (triangle, tick, ring, cross, dash) and the word for a stance. The shape is
/// decoration for sighted readers (hidden from screen readers); the word carries the meaning.
pub fn stance_mark(t: &Strings, stance: Stance) -> Html {
    let shape = match stance {
        Stance::Demands => html! { <path d="M8 1.8 14.6 13.6H1.4Z" class="dm-stance__fill" /> },
        Stance::Supports => {
            html! { <path d="M2.6 8.6 6.3 12.2 13.4 3.8" class="dm-stance__stroke" /> }
        }
        Stance::Open => html! { <circle cx="8" cy="8" r="5.2" class="dm-stance__stroke" /> },
        Stance::Rejects => {
            html! { <path d="M3.4 3.4 12.6 12.6M12.6 3.4 3.4 12.6" class="dm-stance__stroke" /> }
        }
        Stance::NotStated => {
            html! { <path d="M3 8H13" class="dm-stance__stroke dm-stance__stroke--thin" /> }
        }
    };
    html! {
        <span class="dm-stance" data-stance={stance.id()}>
            <svg class="dm-stance__icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
                { shape }
            </svg>
            <span class="dm-stance__label">{ stance.label(t) }</span>
        </span>
    }
}
