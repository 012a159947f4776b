//! matrix_table: the demands matrix itself, a data table of issues × sides in the current view.
//!
//! A view function: its rows (IssueRow) are the components that keep state and diff by key;
//! a component type of its own would only cost WebAssembly bytes.

use yew::prelude::*;

use crate::components::issue_row::IssueRow;
use crate::components::{ChangesRef, StoryRef, Words};
use crate::i18n::Strings;
use crate::model::{GroupKind, Side, View};
use crate::state::CellRef;

/// Element id of what follows the table, where its skip link leads.
pub fn after_table_id(uid: &str) -> String {
    format!("{uid}-after")
}

/// What the matrix shows: the story, the view, the open cell, and where readers' actions go.
pub struct MatrixTableProps {
    pub uid: AttrValue,
    pub story: StoryRef,
    pub t: Words,
    pub view: View,
    /// Cells are buttons (App's `live`); before that they are text.
    pub live: bool,
    /// Level of a detail's heading, one below the view title's.
    pub heading_level: u8,
    pub open: Option<CellRef>,
    pub on_toggle: Callback<CellRef>,
    pub on_close: Callback<CellRef>,
    /// Cells changed since the page loaded, in a live story.
    pub changes: ChangesRef,
}

/// A real table (caption, scoped headers) so screen readers announce issue and side for every
/// cell. In a side's view the rows come in groups, each under a heading row: the side's demands
/// in its own order first, then its answers to the others, then what the report leaves unsaid.
/// Rows are keyed by issue id, so a view switch moves rows instead of rebuilding them.
pub fn matrix_table(props: &MatrixTableProps) -> Html {
    let story = &props.story;
    let focus = match props.view {
        View::Side(side) => Some(side),
        View::AllSides => None,
    };
    let focus_name = focus
        .and_then(|side| story.sides.get(side))
        .map(|side| side.name.clone())
        .unwrap_or_default();
    let t = &props.t;
    let count = story.issues.len();
    let caption = match focus.and_then(|side| story.sides.get(side)) {
        Some(side) => t.count("caption-side", count, &[("view", &side.view_title(t))]),
        None => t.count("caption", count, &[]),
    };
    let span = (story.sides.len() + 1).to_string();

    // One flat, fully keyed list in one tbody: a view switch then moves rows (and their DOM)
    // instead of rebuilding them, as it would if they changed tbody. Heading keys start with "#",
    // which issue ids cannot, so the keys never collide.
    let mut rows: Vec<Html> = Vec::with_capacity(story.issues.len() + 6);
    for group in props.view.groups(story) {
        let kind = group.kind.id();
        if group.kind != GroupKind::Everything {
            rows.push(html! {
                <tr key={format!("#head-{kind}")} class="dm-matrix__group-head" data-testid={format!("dm-group-{kind}")}>
                    // A heading for the rows below it, not a column header: `rowgroup` makes it
                    // a row header (the group's rows share the table's one keyed tbody, so a
                    // view switch moves rows instead of rebuilding them; docs/accessibility.md).
                    <th scope="rowgroup" colspan={span.clone()}>{ group.kind.heading(t, &focus_name) }</th>
                </tr>
            });
        }
        if group.issues.is_empty() {
            rows.push(html! {
                <tr key={format!("#empty-{kind}")} class="dm-matrix__empty">
                    <td colspan={span.clone()}>{ group.kind.empty_note(t, &focus_name) }</td>
                </tr>
            });
        }
        rows.extend(group.issues.iter().filter_map(|&issue| {
            let id = story.issues.get(issue)?.id.clone();
            Some(html! {
                <IssueRow
                    key={id}
                    uid={props.uid.clone()}
                    story={story.clone()}
                    t={t.clone()}
                    {issue}
                    live={props.live}
                    heading_level={props.heading_level}
                    open_side={props.open.filter(|cell| cell.issue == issue).map(|cell| cell.side)}
                    on_toggle={props.on_toggle.clone()}
                    on_close={props.on_close.clone()}
                    changes={props.changes.clone()}
                />
            })
        }));
    }

    html! {
        // The side count sizes the matrix's own measure (the stylesheet turns it into cards, or
        // in compact density into a grid of marks, when the sides' columns would be too narrow
        // for their words).
        <div class="dm-matrix" data-testid="dm-matrix" data-sides={story.sides.len().to_string()}>
            // Every cell is a Tab stop: keyboard readers may jump past them all (to the footer,
            // which `source_credit` makes a fragment target), with or without script.
            <a class="dm-skip" href={format!("#{}", after_table_id(&props.uid))} data-testid="dm-skip">
                { t.text("skip-table") }
            </a>
            // Columns keep the story's order in every view (readers keep their bearings); the
            // side's column is emphasised by CSS from `data-focus`, so no row re-renders.
            <table class="dm-matrix__table" data-focus={focus.map(|side| side.to_string())}>
                // A heading in the caption: the heading key reaches the table, whose name stays
                // the caption's text (docs/screen-reader.md).
                <caption class="dm-matrix__caption">
                    <span class="dm-matrix__heading" role="heading" aria-level={props.heading_level.to_string()}>{ caption }</span>
                </caption>
                <thead>
                    <tr>
                        <th scope="col" class="dm-matrix__corner">{ t.text("issue") }</th>
                        { for story.sides.iter().enumerate().map(|(side, s)| {
                            html! {
                                <th
                                    key={s.id.clone()}
                                    scope="col"
                                    class="dm-matrix__side"
                                    data-focus={(focus == Some(side)).then_some("true")}
                                    data-testid={format!("dm-col-{}", s.id)}
                                >
                                    <span class="dm-matrix__side-name">{ &s.name }</span>
                                    // A grid of marks on a phone heads its columns with the short
                                    // labels the tabs use; the full name stays for screen readers.
                                    if s.short != s.name {
                                        <span class="dm-matrix__side-short" aria-hidden="true">{ &s.short }</span>
                                    }
                                    // A mediator, host or observer: said beside the name, never
                                    // inside it (the name stays the name in every sentence).
                                    { role_label(t, s) }
                                    // The tint is visual only: the column head says it in words.
                                    if focus == Some(side) {
                                        <span class="dm-sr-only">{ t.text("this-view") }</span>
                                    }
                                </th>
                            }
                        }) }
                    </tr>
                </thead>
                <tbody data-testid="dm-body">{ for rows }</tbody>
            </table>
        </div>
    }
}

/// The label of a side that is not a party ("mediator"), with a space before it for screen
/// readers; nothing for a party.
pub fn role_label(t: &Strings, side: &Side) -> Html {
    if side.role.is_party() {
        return Html::default();
    }
    html! {
        <>{ " " }<span class="dm-role">{ t.text(&format!("role-{}", side.role.id())) }</span></>
    }
}
