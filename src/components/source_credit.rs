//! source_credit: the widget's footer, naming its sources and who speaks for each side.
//!
//! A view function: it renders once per story and has no state of its own.

use yew::prelude::*;

use crate::components::matrix_table::after_table_id;
use crate::components::position_detail::source_html;
use crate::i18n::Strings;
use crate::model::describe::source_note;
use crate::model::Story;

/// Every source the story draws on, and each side's members as the source names them, so that
/// "Western allies" is never a mystery.
/// The footer is where the table's skip link lands, so it takes focus (`tabindex="-1"`). While
/// it has focus it is also in the Tab order (`tabindex="0"`, set and reset here, not rendered):
/// from an element outside the order, Chromium starts a frame's Tab order afresh at its first
/// control, so in an iframe "Skip the table" then Tab led back to the view tabs; from one inside
/// the order, Tab leaves the frame for the host page's next control, as it should.
pub fn source_credit(t: &Strings, story: &Story, uid: &str) -> Html {
    let (lead, end) = t.count_around(
        "sources",
        story.sources.len(),
        "sources",
        &[("note", &source_note(t))],
    );
    let id = after_table_id(uid);
    // Only the footer's own focus: Yew passes on its descendants' focus events too.
    let tab_stop = |index: &'static str| {
        let id = id.clone();
        Callback::from(move |event: FocusEvent| {
            if let Some(footer) = event
                .target_dyn_into::<web_sys::Element>()
                .filter(|target| target.id() == id)
            {
                let _ = footer.set_attribute("tabindex", index);
            }
        })
    };
    html! {
        <footer
            class="dm-footer"
            id={id.clone()}
            tabindex="-1"
            data-testid="dm-footer"
            onfocus={tab_stop("0")}
            onblur={tab_stop("-1")}
        >
            <dl class="dm-footer__sides">
                { for story.sides.iter().filter(|side| !side.members.is_empty()).map(|side| html! {
                    <div class="dm-footer__side">
                        <dt>{ format!("{}{}", side.name, t.text("term-sep")) }</dt>
                        <dd>{ side.members.join(&t.text("clause-sep")) }</dd>
                    </div>
                }) }
            </dl>
            <p class="dm-footer__sources" data-testid="dm-sources">
                { lead }
                { for story.sources.iter().enumerate().map(|(i, source)| html! {
                    <>
                        if i > 0 { { t.text("clause-sep") } }
                        { source_html(t, Some(source)) }
                    </>
                }) }
                { end }
            </p>
        </footer>
    }
}
