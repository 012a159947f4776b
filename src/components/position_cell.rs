//! PositionCell: one side's stance on one issue, as a table cell that opens its detail.

use yew::prelude::*;

use crate::components::stance_mark::StanceMark;
use crate::model::Position;

#[derive(Properties, PartialEq)]
pub struct PositionCellProps {
    /// Element id of the cell's button, so focus can come back to it when the detail closes.
    pub button_id: AttrValue,
    /// Element id of the detail this cell opens.
    pub detail_id: AttrValue,
    pub issue_id: AttrValue,
    pub issue_title: AttrValue,
    pub side_id: AttrValue,
    pub side_name: AttrValue,
    pub position: Position,
    /// The column of the side whose view is shown.
    pub focus: bool,
    /// This cell's detail is open.
    pub open: bool,
    pub on_toggle: Callback<()>,
}

/// Shows the stance (shape and word), the side's rank for its demand, and the one-line summary.
/// The button names side, issue and stance in full for screen readers, who meet it out of the
/// table's visual grid.
#[component]
pub fn PositionCell(props: &PositionCellProps) -> Html {
    let position = &props.position;
    let onclick = {
        let on_toggle = props.on_toggle.clone();
        Callback::from(move |_: MouseEvent| on_toggle.emit(()))
    };
    let summary = if position.summary.trim().is_empty() {
        "The report does not say.".to_owned()
    } else {
        position.summary.clone()
    };
    html! {
        <td
            class={classes!(
                "dm-cell",
                format!("dm-cell--{}", position.stance.id()),
                props.focus.then_some("dm-cell--focus"),
                props.open.then_some("dm-cell--open"),
            )}
            data-testid={format!("dm-cell-{}-{}", props.issue_id, props.side_id)}
            data-stance={position.stance.id()}
        >
            <span class="dm-cell__side" aria-hidden="true">{ &props.side_name }</span>
            <button
                type="button"
                class="dm-cell__button"
                id={props.button_id.clone()}
                aria-expanded={if props.open { "true" } else { "false" }}
                aria-controls={props.open.then(|| props.detail_id.clone())}
                {onclick}
            >
                <span class="dm-sr-only">{ format!("{} on {}: ", props.side_name, props.issue_title) }</span>
                <StanceMark stance={position.stance} />
                if let Some(rank) = position.priority {
                    <span class="dm-cell__rank" data-testid="dm-rank">
                        <span class="dm-sr-only">{ ", priority " }</span>
                        <span aria-hidden="true">{ "No. " }</span>{ rank }
                    </span>
                }
                <span class="dm-sr-only">{ if props.open { ". Hide details" } else { ". Show details" } }</span>
            </button>
            <p class="dm-cell__summary">{ summary }</p>
        </td>
    }
}
