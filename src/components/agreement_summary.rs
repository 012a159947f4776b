//! agreement_summary: common ground and clashes across all sides, computed from the positions.
//!
//! A view function: it has no state, and each component type costs WebAssembly bytes.

use yew::prelude::*;

use crate::components::app::heading;
use crate::i18n::Strings;
use crate::model::agreement::describe;
use crate::model::{Agreement, Outcome, Story};

/// The all-sides view's reading of the matrix for readers who never switch views: where the
/// sides agree, where they clash, and which demands have no answer on record. Nothing here is
/// written by an editor; it all follows from the stances.
/// `level` is its headings' level, one below the view title's.
pub fn agreement_summary(t: &Strings, story: &Story, level: u8) -> Html {
    // Computed on each render of the all-sides view: linear in the cells, and cheaper in bytes
    // than a memo.
    let agreement = Agreement::of(story);
    let parties = crate::model::agreement::parties(story);
    let left_out: Vec<&str> = (0..story.sides.len())
        .filter(|side| !parties.contains(side))
        .map(|side| story.sides[side].name.as_str())
        .collect();

    html! {
        <div class="dm-summary" data-testid="dm-summary">
            <div class="dm-summary__blocks">
                { for BLOCKS.iter().map(|(outcome, id)| block(t, story, &agreement, *outcome, id, level)) }
            </div>
            // Where the parties agree is theirs: a mediator's, host's or observer's stance is in
            // the matrix, not counted here, and the reader is told so.
            if !left_out.is_empty() {
                <p class="dm-summary__note" data-testid="dm-summary-not-parties">
                    { t.fill("not-parties", &[("sides", &t.list(&left_out))]) }
                </p>
            }
        </div>
    }
}

/// The summary's blocks, in reading order: outcome, and id (also the key of its heading in the
/// locale files, counted, and with `-intro` of its one-line explanation).
const BLOCKS: [(Outcome, &str); 4] = [
    (Outcome::Clash, "clash"),
    (Outcome::CommonGround, "common"),
    (Outcome::Unanswered, "unanswered"),
    (Outcome::Unsettled, "unsettled"),
];

/// One block of findings with the same outcome; nothing when there are none.
fn block(
    t: &Strings,
    story: &Story,
    agreement: &Agreement,
    outcome: Outcome,
    id: &'static str,
    level: u8,
) -> Html {
    let findings: Vec<_> = agreement.with_outcome(outcome).collect();
    if findings.is_empty() {
        return Html::default();
    }
    html! {
        <section class="dm-summary__block" data-kind={id} data-testid={format!("dm-summary-{id}")}>
            <@{heading(level)} class="dm-summary__heading">
                { t.count(id, findings.len(), &[]) }
            </@>
            <p class="dm-summary__intro">{ t.text(&format!("{id}-intro")) }</p>
            <ul class="dm-summary__list">
                { for findings.iter().filter_map(|finding| {
                    let issue = story.issues.get(finding.issue)?;
                    let (before, after) = t.around(
                        "finding-item",
                        "issue",
                        &[("finding", &describe(t, story, finding))],
                    );
                    Some(html! {
                        <li key={issue.id.clone()} data-issue={issue.id.clone()}>
                            { before }<span class="dm-summary__issue">{ &issue.title }</span>{ after }
                        </li>
                    })
                }) }
            </ul>
        </section>
    }
}
