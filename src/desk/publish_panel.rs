//! PublishPanel: downloads of the story (JSON, and the workbook back) and the code for each way
//! to embed it, with the story's file name filled in.

use yew::prelude::*;

use super::embed_code::Snippet;

#[derive(Properties, PartialEq)]
pub struct PublishPanelProps {
    /// Base of the file names (`<stem>.json`); `None` while there is no story to publish.
    pub stem: Option<AttrValue>,
    pub snippets: Vec<Snippet>,
    /// Where the widget is published (the embed code points there).
    pub base: AttrValue,
    pub on_base: Callback<String>,
    pub on_json: Callback<()>,
    pub on_workbook: Callback<()>,
    /// Downloads the story's pages (`<stem>-pages.zip`).
    pub on_pages: Callback<()>,
    /// Copies a snippet's code (by its index).
    pub on_copy: Callback<usize>,
    /// The version readers have now, chosen to publish this story as its next version.
    pub on_previous: Callback<web_sys::File>,
    /// Whether the embed code makes widgets that check for new versions.
    pub live: bool,
    pub on_live: Callback<bool>,
    /// What is wrong with the story's evidence (not all checked, or not found in its source),
    /// said beside the downloads and the embed code, where an editor publishes.
    #[prop_or_default]
    pub warning: Option<AttrValue>,
}

#[component]
pub fn PublishPanel(props: &PublishPanelProps) -> Html {
    let Some(stem) = &props.stem else {
        return html! {
            <section class="dmd-panel dmd-publish" aria-labelledby="dmd-publish-title">
                <h2 id="dmd-publish-title">{ "Download and embed" }</h2>
                <p class="dmd-hint">{ "Downloads and embed code appear once a story opens without problems." }</p>
            </section>
        };
    };
    let on_previous = {
        let on_previous = props.on_previous.clone();
        Callback::from(move |event: Event| {
            let input: web_sys::HtmlInputElement = event.target_unchecked_into();
            let file = input.files().and_then(|list| list.item(0));
            // The same file chosen again must fire `change` again.
            input.set_value("");
            if let Some(file) = file {
                on_previous.emit(file);
            }
        })
    };
    html! {
        <section class="dmd-panel dmd-publish" aria-labelledby="dmd-publish-title" data-testid="dmd-publish">
            <h2 id="dmd-publish-title">{ "Download and embed" }</h2>
            if let Some(warning) = &props.warning {
                <p class="dmd-warning" data-testid="dmd-publish-warning">{ warning }</p>
            }
            <p class="dmd-actions">
                <button type="button" class="dmd-button dmd-button--primary" onclick={props.on_json.reform(|_| ())} data-testid="dmd-download-json">
                    { format!("Download {stem}.json") }
                </button>
                <button type="button" class="dmd-button" onclick={props.on_workbook.reform(|_| ())} data-testid="dmd-download-xlsx">
                    { format!("Download {stem}.xlsx") }
                </button>
            </p>
            <div class="dmd-field">
                <p class="dmd-actions">
                    <button type="button" class="dmd-button dmd-button--primary" onclick={props.on_pages.reform(|_| ())} aria-describedby="dmd-pages-note" data-testid="dmd-download-pages">
                        { format!("Download the story's pages ({})", super::pages::zip_name(stem)) }
                    </button>
                </p>
                <p class="dmd-hint" id="dmd-pages-note">
                    { format!("What readers get, ready to publish without a developer: each view's page, prerendered (it shows at once, and without JavaScript), its share cards and images, and its widget.js, in the folder {stem}/, with the widget's own files beside it. Unpack it into the widget's published folder (below), or into any folder of a web server. The embed code below points at these pages.") }
                </p>
            </div>
            <div class="dmd-field">
                <label for="dmd-previous" class="dmd-label">{ format!("Or download {stem}.json as a new version of a published story: choose the version readers have now (its .json)") }</label>
                <input
                    id="dmd-previous"
                    class="dmd-file"
                    type="file"
                    accept=".json"
                    aria-describedby="dmd-previous-note"
                    onchange={on_previous}
                    data-testid="dmd-previous"
                />
                <p class="dmd-hint" id="dmd-previous-note">
                    { "The download then carries that version, and the versions before it, as this story's history, as the command line's publish writes it: readers of a live widget can step back through them. This story must be dated after it." }
                </p>
            </div>
            <div class="dmd-field">
                <label for="dmd-base" class="dmd-label">{ "Address of the published widget folder" }</label>
                <input
                    id="dmd-base"
                    class="dmd-input"
                    type="url"
                    value={props.base.clone()}
                    aria-describedby="dmd-base-note"
                    oninput={props.on_base.reform(|event: InputEvent| {
                        event.target_unchecked_into::<web_sys::HtmlInputElement>().value()
                    })}
                    data-testid="dmd-base"
                />
                <p class="dmd-hint" id="dmd-base-note">
                    if props.base.contains("://127.0.0.1") || props.base.contains("://localhost") {
                        { "This is the address the desk runs at on your computer: change it to where the widget's folder is published, or the embed code will not work for readers." }
                    } else {
                        { "Where dist/ is published; the embed code below points there." }
                    }
                </p>
            </div>
            <div class="dmd-field">
                <label class="dmd-check">
                    <input
                        type="checkbox"
                        checked={props.live}
                        aria-describedby="dmd-live-note"
                        onchange={props.on_live.reform(|event: Event| {
                            event.target_unchecked_into::<web_sys::HtmlInputElement>().checked()
                        })}
                        data-testid="dmd-live"
                    />
                    { " A live story: readers' widgets check for a new version every minute" }
                </label>
                <p class="dmd-hint" id="dmd-live-note">
                    { "For a story you will republish while the talks go on. Each new version appears in open articles, its changes marked, and readers can step back through its earlier versions." }
                </p>
            </div>
            if let Some(warning) = &props.warning {
                <p class="dmd-warning" data-testid="dmd-embed-warning">{ format!("Before you embed it: {warning}") }</p>
            }
            { for props.snippets.iter().enumerate().map(|(i, snippet)| {
                let id = format!("dmd-embed-{}", snippet.id);
                html! {
                    <div class="dmd-field">
                        <label for={id.clone()} class="dmd-label">{ format!("Embed code: {}", snippet.title) }</label>
                        <p class="dmd-hint" id={format!("{id}-note")}>{ &snippet.note }</p>
                        <textarea
                            id={id.clone()}
                            class="dmd-textarea dmd-code"
                            rows="4"
                            readonly=true
                            spellcheck="false"
                            aria-describedby={format!("{id}-note")}
                            value={snippet.code.clone()}
                            data-testid={id.clone()}
                        />
                        <button type="button" class="dmd-button" onclick={props.on_copy.reform(move |_| i)}>
                            { format!("Copy the {} code", snippet.title) }
                        </button>
                    </div>
                }
            }) }
        </section>
    }
}
