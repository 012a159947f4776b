//! position_cell: one side's stance on one issue, as a table cell that opens its detail.
//!
//! A view function: its row (IssueRow) is the component that diffs; thousands of cell
//! components would cost memory in large stories and bytes in every story.

use yew::prelude::*;

use crate::components::matrix_table::role_label;
use crate::components::stance_mark::stance_mark;
use crate::components::{StoryRef, Words};
use crate::model::Stance;
use crate::state::CellRef;

/// One cell and how it looks.
pub struct PositionCellProps<'a> {
    pub uid: &'a str,
    pub story: &'a StoryRef,
    pub t: &'a Words,
    pub cell: CellRef,
    /// This cell's detail is open.
    pub open: bool,
    /// The widget is live: the cell is a button that opens its detail. Before that (prerendered,
    /// WebAssembly not yet running or never) the same content is plain text: no control that
    /// promises what it cannot do.
    pub live: bool,
    pub on_toggle: &'a Callback<CellRef>,
    /// In a live story, when this cell's position last changed since the page loaded.
    pub changed: Option<&'a str>,
}

/// Element id of a cell's button, so focus can be sent back to it when its detail closes.
pub fn cell_button_id(uid: &str, cell: CellRef) -> String {
    format!("{uid}-cell-{}-{}", cell.issue, cell.side)
}

/// Element id of the (single) open detail of a widget.
pub fn detail_id(uid: &str) -> String {
    format!("{uid}-detail")
}

/// Shows the stance (shape and word), the side's rank for its demand, and the one-line summary.
/// The button names side, issue and stance in full for screen readers, who meet it out of the
/// table's visual grid; its name holds the visible words in their order ("Demands No. 1").
pub fn position_cell(props: &PositionCellProps<'_>) -> Html {
    let story = props.story;
    let cell = props.cell;
    let Some((issue, side, position)) = story.cell(cell.issue, cell.side) else {
        return Html::default();
    };
    let live = props.live;
    let onclick = live.then(|| props.on_toggle.reform(move |_: MouseEvent| cell));
    let t = props.t;
    // A cell the sources are silent on shows its stance only ("Not stated"): the words that say
    // so, and which source, are in its detail, not repeated down the matrix.
    let quiet = position.stance == Stance::NotStated && position.summary.trim().is_empty();
    let summary = if position.summary.trim().is_empty() {
        t.text("not-said")
    } else {
        position.summary.clone()
    };
    let stance = position.stance;
    let names = [
        ("side", side.name.as_str()),
        ("issue", issue.title.as_str()),
    ];
    html! {
        <td
            key={cell.side}
            // State lives in attributes (data-stance here, aria-controls on the button), not in
            // class names: a computed class goes through Yew's `Classes` set, ~1 kB of WebAssembly.
            class="dm-cell"
            data-testid={format!("dm-cell-{}-{}", issue.id, side.id)}
            data-stance={stance.id()}
        >
            <span class="dm-cell__side" aria-hidden="true">{ &side.name }{ role_label(t, side) }</span>
            // Live, this one element is a button (`embed::hydrate` swaps the prerendered span for
            // it before hydrating); the rest of the cell is the same either way.
            <@{if live { "button" } else { "span" }}
                type={live.then_some("button")}
                // A literal: a `class={…}` expression goes through Yew's `Classes` set (+2 kB raw).
                class="dm-cell__button"
                id={live.then(|| cell_button_id(props.uid, cell))}
                // No `aria-expanded`: an expandable button switches Orca to focus mode, where
                // its table navigation stops working (docs/screen-reader.md). Opening moves focus
                // into the detail, which is announced; `aria-controls` marks the open cell.
                aria-controls={props.open.then(|| detail_id(props.uid))}
                {onclick}
            >
                <span class="dm-sr-only">{ t.fill("cell", &names) }</span>
                { stance_mark(t, stance) }
                if let Some(rank) = position.priority {
                    <span class="dm-cell__rank" data-testid="dm-rank">{ t.fill("rank", &[("rank", &rank.to_string())]) }</span>
                }
                // A stance that holds on a condition says so beside it: in words, and in the
                // compact density as a short "if" (the words stay for screen readers).
                if position.is_conditional() {
                    <span class="dm-cell__condition" data-testid="dm-conditional">{ t.text("conditional") }</span>
                    <span class="dm-cell__if" aria-hidden="true">{ t.text("conditional-short") }</span>
                }
                // In the button, so its name says it too.
                if let Some(time) = props.changed {
                    <span class="dm-cell__changed" data-testid="dm-changed">{ t.fill("changed", &[("time", time)]) }</span>
                }
            </@>
            if !quiet {
                <p class="dm-cell__summary">{ summary }</p>
            }
            // Quotes and sources readable without script: a native disclosure, no WebAssembly.
            if let Some(quote) = &position.quote {
                <details class="dm-cell__more" data-testid="dm-cell-quote">
                    <summary class="dm-cell__more-label">
                        { t.text("quote") }
                        <span class="dm-sr-only">{ t.fill("quote-context", &names) }</span>
                    </summary>
                    <blockquote class="dm-cell__quote" lang={story.lang.clone()}>
                        <p>{ t.fill("quoted", &[("text", &quote.text)]) }</p>
                    </blockquote>
                    <p class="dm-cell__speaker">{ t.fill("speaker", &[("speaker", &quote.speaker)]) }</p>
                </details>
            }
            if story.sources.len() > 1 && !quiet {
                if let Some(source) = story.source_of(position) {
                    <p class="dm-cell__source">{ t.fill("cell-source", &[("outlet", &source.outlet)]) }</p>
                }
            }
        </td>
    }
}
