//! change_list: in a live story, what changed since the reader's page loaded (all-sides view),
//! and the sentence the live region speaks when a new version arrives.

use yew::prelude::*;

use crate::components::app::heading;
use crate::i18n::Strings;
use crate::model::Story;
use crate::state::Change;

/// "Kyiv on Ceasefire": a changed cell named as its detail's title names it.
fn cell_name(t: &Strings, story: &Story, issue: &str, side: &str) -> Option<String> {
    let issue = story.issues.get(story.issue_index(issue)?)?;
    let side = story.sides.get(story.side_index(side)?)?;
    Some(t.fill(
        "detail-title",
        &[("side", &side.name), ("issue", &issue.title)],
    ))
}

/// One item: the stance before and now, or that only the summary's words changed.
fn change_item(t: &Strings, story: &Story, change: &Change) -> Option<String> {
    let now = story.find(&change.issue, &change.side)?;
    let cell = cell_name(t, story, &change.issue, &change.side)?;
    let args = [("cell", cell.as_str()), ("time", change.at.as_str())];
    Some(if now.stance == change.before.stance {
        t.fill("change-wording", &args)
    } else {
        let (before, now) = (change.before.stance.label(t), now.stance.label(t));
        t.fill(
            "change-item",
            &[args[0], args[1], ("before", &before), ("now", &now)],
        )
    })
}

/// The list, under its heading at `level`; nothing at all while nothing has changed.
pub fn change_list(t: &Strings, story: &Story, changes: &[Change], level: u8) -> Html {
    if changes.is_empty() {
        return Html::default();
    }
    html! {
        <section class="dm-changes" data-testid="dm-changes">
            <@{heading(level)} class="dm-changes__title">{ t.text("changes-title") }</@>
            <ul class="dm-changes__list">
                { for changes.iter().filter_map(|change| change_item(t, story, change)).map(|item| html! { <li>{ item }</li> }) }
            </ul>
        </section>
    }
}

/// What the live region says of a new version: "2 positions changed: Kyiv on Ceasefire and …".
pub fn update_said(t: &Strings, story: &Story, cells: &[(String, String)]) -> String {
    let names: Vec<String> = cells
        .iter()
        .filter_map(|(issue, side)| cell_name(t, story, issue, side))
        .collect();
    let names: Vec<&str> = names.iter().map(String::as_str).collect();
    t.count("changes-said", names.len(), &[("list", &t.list(&names))])
}
