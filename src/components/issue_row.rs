//! IssueRow: one issue of the matrix, with each side's cell and, when opened, a cell's detail.

use yew::prelude::*;

use crate::components::position_cell::{position_cell, PositionCellProps};
use crate::components::position_detail::{position_detail, PositionDetailProps};
use crate::components::{ChangesRef, StoryRef, Words};
use crate::state::CellRef;

#[derive(Properties, PartialEq)]
pub struct IssueRowProps {
    pub uid: AttrValue,
    pub story: StoryRef,
    pub t: Words,
    pub issue: usize,
    /// Cells are buttons that open a detail (App's `live`); before that they are text.
    pub live: bool,
    /// Level of the detail's heading.
    pub heading_level: u8,
    /// The side whose cell in this row is open, if any.
    pub open_side: Option<usize>,
    pub on_toggle: Callback<CellRef>,
    pub on_close: Callback<CellRef>,
    /// Cells changed since the page loaded (a live story), to mark this row's.
    pub changes: ChangesRef,
}

/// The issue's title and one-line explainer head the row; the detail, when open, follows the row
/// it belongs to, so on a phone it appears right under the tapped cell's card.
///
/// Nothing here depends on the view: columns keep the story's order and the table's
/// `data-focus` emphasises the side's column in CSS, so a view switch re-renders no row, it
/// only moves them (DOM moves and restyles dominate the cost of a switch in large stories).
///
/// Both rows are keyed: Yew matches unkeyed siblings from the end, so without keys an opening
/// detail would take over the row's DOM and rebuild every cell (losing focus).
#[component]
pub fn IssueRow(props: &IssueRowProps) -> Html {
    let story = &props.story;
    let Some(issue) = story.issues.get(props.issue) else {
        return Html::default();
    };
    let cell = |side| CellRef {
        issue: props.issue,
        side,
    };
    let t = &props.t;
    let change = |side: usize| {
        if !crate::LIVE {
            return None;
        }
        let side = &story.sides.get(side)?.id;
        props
            .changes
            .0
            .iter()
            .find(|c| c.issue == issue.id && c.side == *side)
    };
    html! {
        <>
            <tr key="row" class="dm-row" data-testid={format!("dm-row-{}", issue.id)}>
                // Named by its content, not by `aria-labelledby` (a named header is silent in
                // Orca: "row header."), with a heard-only full stop between the title and the
                // explainer, which Orca would otherwise run together. The space after it is a
                // no-break one opening the explainer: Orca drops an ordinary space at either
                // edge of a block ("ceasefire.A halt"). Both are text of size 0, not
                // `dm-sr-only`: browsers put a space before an element taken out of the flow,
                // "ceasefire . A halt" (docs/screen-reader.md).
                <th scope="row" class="dm-row__issue">
                    <span class="dm-row__title">{ &issue.title }<span class="dm-row__stop">{ t.text("title-sep") }</span></span>
                    <span class="dm-row__explainer"><span class="dm-row__stop">{ "\u{a0}" }</span>{ &issue.explainer }</span>
                </th>
                { for (0..story.sides.len()).map(|side| position_cell(&PositionCellProps {
                    uid: &props.uid,
                    story,
                    t: &props.t,
                    cell: cell(side),
                    open: props.open_side == Some(side),
                    live: props.live,
                    on_toggle: &props.on_toggle,
                    changed: change(side).map(|c| c.at.as_str()),
                })) }
            </tr>
            // Not a row of the table to assistive technology (`role="none"`): as one, it shifted
            // every later row's number and the row count, and a screen reader announced the
            // detail as "Issue column header, row 3" (docs/screen-reader.md).
            if let Some(side) = props.open_side {
                <tr key="detail" class="dm-detail-row" role="none" data-testid={format!("dm-detail-row-{}", issue.id)}>
                    <td role="none" colspan={(story.sides.len() + 1).to_string()}>
                        { position_detail(&PositionDetailProps {
                            uid: &props.uid,
                            story,
                            t: &props.t,
                            cell: cell(side),
                            heading_level: props.heading_level,
                            on_close: &props.on_close,
                            before: change(side).map(|c| &c.before),
                        }) }
                    </td>
                </tr>
            }
        </>
    }
}
