//! IssueRow: one issue of the matrix, with each side's cell and, when opened, a cell's detail.

use yew::prelude::*;

use crate::components::position_cell::PositionCell;
use crate::components::position_detail::PositionDetail;
use crate::components::StoryRef;
use crate::state::CellRef;

#[derive(Properties, PartialEq)]
pub struct IssueRowProps {
    pub uid: AttrValue,
    pub story: StoryRef,
    pub issue: usize,
    /// Sides in display order.
    pub columns: Vec<usize>,
    /// The side whose view is shown, if any: its column is emphasised.
    pub focus: Option<usize>,
    /// The side whose cell in this row is open, if any.
    pub open_side: Option<usize>,
    pub on_toggle: Callback<CellRef>,
    pub on_close: Callback<CellRef>,
}

/// Element id of a cell's button, so focus can be sent back to it.
pub fn cell_button_id(uid: &str, cell: CellRef) -> String {
    format!("{uid}-cell-{}-{}", cell.issue, cell.side)
}

/// Both rows are keyed: Yew matches unkeyed siblings from the end, so without keys an opening
/// detail would take over the row's DOM and rebuild every cell (losing focus).
///
/// The issue's title and one-line explainer head the row; the detail, when open, follows the row
/// it belongs to, so on a phone it appears right under the tapped cell's card.
#[component]
pub fn IssueRow(props: &IssueRowProps) -> Html {
    let story = &props.story;
    let Some(issue) = story.issues.get(props.issue) else {
        return Html::default();
    };
    let detail_id = format!("{}-detail", props.uid);
    let cells = props.columns.iter().filter_map(|&side_index| {
        let side = story.sides.get(side_index)?;
        let cell = CellRef {
            issue: props.issue,
            side: side_index,
        };
        let on_toggle = {
            let on_toggle = props.on_toggle.clone();
            Callback::from(move |()| on_toggle.emit(cell))
        };
        Some(html! {
            <PositionCell
                key={side.id.clone()}
                button_id={cell_button_id(&props.uid, cell)}
                detail_id={detail_id.clone()}
                issue_id={issue.id.clone()}
                issue_title={issue.title.clone()}
                side_id={side.id.clone()}
                side_name={side.name.clone()}
                position={story.position(props.issue, side_index).clone()}
                focus={props.focus == Some(side_index)}
                open={props.open_side == Some(side_index)}
                {on_toggle}
            />
        })
    });
    let detail = props.open_side.and_then(|side_index| {
        let side = story.sides.get(side_index)?;
        let position = story.position(props.issue, side_index);
        let cell = CellRef {
            issue: props.issue,
            side: side_index,
        };
        let on_close = {
            let on_close = props.on_close.clone();
            Callback::from(move |()| on_close.emit(cell))
        };
        Some(html! {
            <tr key="detail" class="dm-detail-row" data-testid={format!("dm-detail-row-{}", issue.id)}>
                <td colspan={(props.columns.len() + 1).to_string()}>
                    <PositionDetail
                        id={detail_id.clone()}
                        lang={story.lang.clone()}
                        side_name={side.name.clone()}
                        issue_title={issue.title.clone()}
                        position={position.clone()}
                        source={story.source_of(position).cloned()}
                        {on_close}
                    />
                </td>
            </tr>
        })
    });
    html! {
        <>
            <tr key="row" class="dm-row" data-testid={format!("dm-row-{}", issue.id)}>
                <th scope="row" class="dm-row__issue">
                    <span class="dm-row__title">{ &issue.title }</span>
                    <span class="dm-row__explainer">{ &issue.explainer }</span>
                </th>
                { for cells }
            </tr>
            { for detail }
        </>
    }
}
