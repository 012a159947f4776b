//! story_header: the widget's headline, standfirst and the date and place it is true for.
//!
//! A view function: it renders once per story and has no state of its own.

use yew::prelude::*;

use crate::components::app::heading;
use crate::i18n::Strings;
use crate::model::Story;

/// Tells readers what they are looking at before they meet the matrix. `title_id` labels the
/// whole widget; `level` is the title's heading level (the page's `h1` on the standalone page).
pub fn story_header(t: &Strings, story: &Story, title_id: &str, level: u8) -> Html {
    let (before, after) = t.around("as-of", "date", &[("place", &story.as_of.place)]);
    html! {
        <header class="dm-header">
            <p class="dm-header__kicker" data-testid="dm-as-of">
                { before }
                <time datetime={story.as_of.date.clone()}>{ t.date(&story.as_of.date) }</time>
                { after }
            </p>
            <@{heading(level)} class="dm-header__title" id={title_id.to_owned()}>{ &story.title }</@>
            <p class="dm-header__standfirst">{ &story.standfirst }</p>
        </header>
    }
}
