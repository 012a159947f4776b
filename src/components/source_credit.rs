//! source_credit: the widget's footer, naming its sources and who speaks for each side.
//!
//! A view function: it renders once per story and has no state of its own.

use yew::prelude::*;

use crate::components::matrix_table::after_table_id;
use crate::components::position_detail::source_html;
use crate::model::Story;

/// Every source the story draws on, and each side's members as the source names them, so that
/// "Western allies" is never a mystery.
/// The footer is where the table's skip link lands, so it takes focus (`tabindex="-1"`).
pub fn source_credit(story: &Story, uid: &str) -> Html {
    html! {
        <footer class="dm-footer" id={after_table_id(uid)} tabindex="-1" data-testid="dm-footer">
            <dl class="dm-footer__sides">
                { for story.sides.iter().filter(|side| !side.members.is_empty()).map(|side| html! {
                    <div class="dm-footer__side">
                        <dt>{ &side.name }</dt>
                        <dd>{ side.members.join("; ") }</dd>
                    </div>
                }) }
            </dl>
            <p class="dm-footer__sources" data-testid="dm-sources">
                { if story.sources.len() == 1 { "Source: " } else { "Sources: " } }
                { for story.sources.iter().enumerate().map(|(i, source)| html! {
                    <>
                        if i > 0 { { "; " } }
                        { source_html(Some(source)) }
                    </>
                }) }
                { ". Every position is taken from the source; where it is silent, the matrix says “Not stated”." }
            </p>
        </footer>
    }
}
