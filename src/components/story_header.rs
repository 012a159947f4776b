//! story_header: the widget's headline, standfirst and the date and place it is true for.
//!
//! A view function: it renders once per story and has no state of its own.

use yew::prelude::*;

use crate::components::app::heading;
use crate::model::Story;
use crate::text::long_date;

/// Tells readers what they are looking at before they meet the matrix. `title_id` labels the
/// whole widget; `level` is the title's heading level (the page's `h1` on the standalone page).
pub fn story_header(story: &Story, title_id: &str, level: u8) -> Html {
    html! {
        <header class="dm-header">
            <p class="dm-header__kicker" data-testid="dm-as-of">
                { "As of " }
                <time datetime={story.as_of.date.clone()}>{ long_date(&story.as_of.date) }</time>
                { ", " }{ &story.as_of.place }
            </p>
            <@{heading(level)} class="dm-header__title" id={title_id.to_owned()}>{ &story.title }</@>
            <p class="dm-header__standfirst">{ &story.standfirst }</p>
        </header>
    }
}
