//! IssueRow: one issue of the matrix, with each side's cell and, when opened, a cell's detail.

use yew::prelude::*;

use crate::components::position_cell::{position_cell, PositionCellProps};
use crate::components::position_detail::{position_detail, PositionDetailProps};
use crate::components::StoryRef;
use crate::state::CellRef;

#[derive(Properties, PartialEq)]
pub struct IssueRowProps {
    pub uid: AttrValue,
    pub story: StoryRef,
    pub issue: usize,
    /// The side whose cell in this row is open, if any.
    pub open_side: Option<usize>,
    pub on_toggle: Callback<CellRef>,
    pub on_close: Callback<CellRef>,
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
    html! {
        <>
            <tr key="row" class="dm-row" data-testid={format!("dm-row-{}", issue.id)}>
                <th scope="row" class="dm-row__issue">
                    <span class="dm-row__title">{ &issue.title }</span>
                    <span class="dm-row__explainer">{ &issue.explainer }</span>
                </th>
                { for (0..story.sides.len()).map(|side| position_cell(&PositionCellProps {
                    uid: &props.uid,
                    story,
                    cell: cell(side),
                    open: props.open_side == Some(side),
                    on_toggle: &props.on_toggle,
                })) }
            </tr>
            if let Some(side) = props.open_side {
                <tr key="detail" class="dm-detail-row" data-testid={format!("dm-detail-row-{}", issue.id)}>
                    <td colspan={(story.sides.len() + 1).to_string()}>
                        { position_detail(&PositionDetailProps {
                            uid: &props.uid,
                            story,
                            cell: cell(side),
                            on_close: &props.on_close,
                        }) }
                    </td>
                </tr>
            }
        </>
    }
}
