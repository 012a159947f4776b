//! position_detail: everything the source says about one side on one issue, word for word.
//!
//! A view function: its row (IssueRow) is the component that diffs, and App moves focus here
//! when a detail opens; a component type of its own would only cost WebAssembly bytes.

use yew::prelude::*;

use crate::components::app::heading;
use crate::components::position_cell::detail_id;
use crate::components::stance_mark::stance_mark;
use crate::components::{StoryRef, Words};
use crate::i18n::Strings;
use crate::model::{is_web_url, Position, Source, Stance};
use crate::state::CellRef;

/// The open cell, and where its close actions go.
pub struct PositionDetailProps<'a> {
    pub uid: &'a str,
    pub story: &'a StoryRef,
    pub t: &'a Words,
    pub cell: CellRef,
    /// Level of the detail's heading: one below the view title's.
    pub heading_level: u8,
    pub on_close: &'a Callback<CellRef>,
    /// In a live story, what the cell said when the page loaded, if it has changed since.
    pub before: Option<&'a Position>,
}

/// The position in a sentence, the quote and its speaker, the report's own sentences and the
/// source. Focus moves here when it opens (App does that), so keyboard and screen-reader users
/// land on it; Escape or the close button hand focus back to the cell (App's `on_close`).
pub fn position_detail(props: &PositionDetailProps<'_>) -> Html {
    let story = props.story;
    let cell = props.cell;
    let Some((issue, side, position)) = story.cell(cell.issue, cell.side) else {
        return Html::default();
    };
    let id = detail_id(props.uid);
    let t = props.t;
    let title = t.fill(
        "detail-title",
        &[("side", &side.name), ("issue", &issue.title)],
    );
    let close = props.on_close.reform(move |_: MouseEvent| cell);
    let onkeydown = {
        let on_close = props.on_close.clone();
        Callback::from(move |event: KeyboardEvent| {
            if event.key() == "Escape" {
                event.prevent_default();
                on_close.emit(cell);
            }
        })
    };
    let summary = if position.summary.trim().is_empty() {
        t.text("detail-not-said")
    } else {
        position.summary.clone()
    };

    let source = t.around("detail-source", "source", &[]);
    // What a screen reader says as focus lands here, the moment the cell opens: the stance, its
    // condition, the summary, in a live story what the cell said when the page loaded, and the
    // quote, so one key (Enter) is enough to hear them (docs/screen-reader.md); reading on goes
    // through the same words, then the sources.
    let said_id = format!("{id}-said");
    html! {
        <div
            class="dm-detail"
            id={id.clone()}
            role="region"
            aria-label={title.clone()}
            aria-describedby={said_id.clone()}
            tabindex="-1"
            data-testid="dm-detail"
            {onkeydown}
        >
            <div class="dm-detail__head">
                <@{heading(props.heading_level)} class="dm-detail__title">
                    { title }
                </@>
                <button type="button" class="dm-detail__close" data-testid="dm-detail-close" onclick={close}>
                    <span aria-hidden="true">{ "×" }</span>
                    <span class="dm-sr-only">{ t.text("close") }</span>
                </button>
            </div>
            // Shown in compact density only (CSS), where the row keeps the title alone.
            <p class="dm-detail__explainer">{ &issue.explainer }</p>
            <div id={said_id}>
                <p class="dm-detail__stance">
                    { stance_mark(t, position.stance) }
                    if let Some(rank) = position.priority {
                        <span class="dm-detail__rank">{ t.fill("priority", &[("rank", &rank.to_string())]) }</span>
                    }
                </p>
                if position.is_conditional() {
                    <p class="dm-detail__condition" data-testid="dm-detail-condition">
                        { t.fill("condition", &[("condition", &position.condition)]) }
                    </p>
                }
                <p class="dm-detail__summary" data-testid="dm-detail-summary">{ summary }</p>
                if let Some(before) = props.before {
                    <p class="dm-detail__before" data-testid="dm-detail-before">
                        { t.fill("before", &[
                            ("stance", &before.stance.label(t)),
                            ("summary", &if before.summary.trim().is_empty() { t.text("not-said") } else { before.summary.clone() }),
                        ]) }
                    </p>
                }
                if let Some(quote) = &position.quote {
                    <figure class="dm-detail__quote" data-testid="dm-detail-quote">
                        <blockquote class="dm-detail__quote-text" lang={story.lang.clone()}>
                            <p>{ t.fill("quoted", &[("text", &quote.text)]) }</p>
                        </blockquote>
                        <figcaption class="dm-detail__speaker">{ t.fill("speaker", &[("speaker", &quote.speaker)]) }</figcaption>
                    </figure>
                }
            </div>
            if !position.evidence.is_empty() {
                <div class="dm-detail__evidence" data-testid="dm-detail-evidence">
                    <p class="dm-detail__label">{ t.text("evidence") }</p>
                    <ul class="dm-detail__sentences">
                        { for position.evidence.iter().map(|sentence| html! {
                            <li>
                                { &sentence.text }
                                // Another source's sentence says whose it is; the rest are the
                                // position's, named below.
                                if let Some(id) = &sentence.source {
                                    <span class="dm-detail__from">
                                        { source.0.clone() }
                                        { source_html(t, story.sources.iter().find(|s| s.id == *id)) }
                                        { source.1.clone() }
                                    </span>
                                }
                            </li>
                        }) }
                    </ul>
                </div>
            }
            // A silence is no source's: naming one beside "No source says" would contradict it.
            if position.stance != Stance::NotStated || !position.evidence.is_empty() {
                <p class="dm-detail__source" data-testid="dm-detail-source">
                    { source.0 }
                    { source_html(t, story.source_of(position)) }
                    { source.1 }
                </p>
            }
        </div>
    }
}

/// A source as a link only when its address is http(s); anything else stays plain text.
pub fn source_html(t: &Strings, source: Option<&Source>) -> Html {
    let Some(source) = source else {
        return html! { { t.text("no-source") } };
    };
    let mut text = t.fill(
        "source",
        &[("outlet", &source.outlet), ("title", &source.title)],
    );
    // The readers' build does not check for an empty author (`WRITING_CHECKED`): it leaves one out.
    if let Some(author) = source.author.as_deref().filter(|a| !a.trim().is_empty()) {
        text = t.fill("source-by", &[("source", &text), ("author", author)]);
    }
    if let Some(date) = &source.date {
        text = t.fill("source-on", &[("source", &text), ("date", &t.date(date))]);
    }
    match &source.url {
        Some(url) if is_web_url(url) => html! {
            <a class="dm-link" href={url.clone()} rel="noopener noreferrer" target="_blank">{ text }</a>
        },
        _ => html! { { text } },
    }
}
