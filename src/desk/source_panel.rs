//! SourcePanel: the text of each of the story's sources, pasted by the editor, which every
//! evidence sentence and quote must appear in word for word.

use yew::prelude::*;

use crate::model::Source;

use super::state::SourceText;

#[derive(Properties, PartialEq)]
pub struct SourcePanelProps {
    pub sources: Vec<Source>,
    pub texts: Vec<SourceText>,
    pub on_text: Callback<SourceText>,
}

#[component]
pub fn SourcePanel(props: &SourcePanelProps) -> Html {
    html! {
        <section class="dmd-panel dmd-sources" aria-labelledby="dmd-sources-title">
            <h2 id="dmd-sources-title">{ "Source texts" }</h2>
            <p class="dmd-hint">
                { "Paste the text of each source: every evidence sentence and quote is then checked against it, word for word." }
            </p>
            if props.sources.is_empty() {
                <p class="dmd-hint">{ "Open a story to see its sources." }</p>
            }
            { for props.sources.iter().map(|source| {
                let id = format!("dmd-source-{}", source.id);
                let text = props
                    .texts
                    .iter()
                    .find(|t| t.source == source.id)
                    .map(|t| t.text.clone())
                    .unwrap_or_default();
                let on_text = props.on_text.clone();
                let source_id = source.id.clone();
                let on_input = Callback::from(move |event: InputEvent| {
                    let area: web_sys::HtmlTextAreaElement = event.target_unchecked_into();
                    on_text.emit(SourceText { source: source_id.clone(), text: area.value(), address: String::new() });
                });
                html! {
                    <div class="dmd-field">
                        <label for={id.clone()} class="dmd-label">
                            { format!("{} ({}): {}", source.outlet, source.id, source.title) }
                        </label>
                        <textarea
                            id={id}
                            class="dmd-textarea"
                            rows="5"
                            value={text}
                            oninput={on_input}
                            data-testid={format!("dmd-source-{}", source.id)}
                        />
                    </div>
                }
            }) }
        </section>
    }
}
