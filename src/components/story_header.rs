//! StoryHeader: the widget's headline, standfirst and the date and place it is true for.

use yew::prelude::*;

use crate::model::AsOf;
use crate::text::long_date;

#[derive(Properties, PartialEq)]
pub struct StoryHeaderProps {
    /// Id for the headline, which labels the whole widget.
    pub title_id: AttrValue,
    pub title: AttrValue,
    pub standfirst: AttrValue,
    pub as_of: AsOf,
}

/// Tells readers what they are looking at before they meet the matrix.
#[component]
pub fn StoryHeader(props: &StoryHeaderProps) -> Html {
    html! {
        <header class="dm-header">
            <p class="dm-header__kicker" data-testid="dm-as-of">
                { "As of " }
                <time datetime={props.as_of.date.clone()}>{ long_date(&props.as_of.date) }</time>
                { ", " }{ &props.as_of.place }
            </p>
            <h2 class="dm-header__title" id={props.title_id.clone()}>{ &props.title }</h2>
            <p class="dm-header__standfirst">{ &props.standfirst }</p>
        </header>
    }
}
