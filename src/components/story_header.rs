//! StoryHeader: the widget's headline, standfirst and the date and place it is true for.

use yew::prelude::*;

use crate::components::StoryRef;
use crate::text::long_date;

#[derive(Properties, PartialEq)]
pub struct StoryHeaderProps {
    /// Id for the headline, which labels the whole widget.
    pub title_id: AttrValue,
    pub story: StoryRef,
}

/// Tells readers what they are looking at before they meet the matrix.
#[component]
pub fn StoryHeader(props: &StoryHeaderProps) -> Html {
    let story = &props.story;
    html! {
        <header class="dm-header">
            <p class="dm-header__kicker" data-testid="dm-as-of">
                { "As of " }
                <time datetime={story.as_of.date.clone()}>{ long_date(&story.as_of.date) }</time>
                { ", " }{ &story.as_of.place }
            </p>
            <h2 class="dm-header__title" id={props.title_id.clone()}>{ &story.title }</h2>
            <p class="dm-header__standfirst">{ &story.standfirst }</p>
        </header>
    }
}
