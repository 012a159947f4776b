//! OpenPanel: where an editor opens a workbook, CSV files or a story file (picker or drop),
//! opens the example story, downloads the template or the example workbook, or pastes a positions
//! table.

use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct OpenPanelProps {
    /// Files chosen in the picker.
    pub on_files: Callback<Vec<web_sys::File>>,
    /// Open the example story (Istanbul, with its source's text).
    pub on_example: Callback<()>,
    /// A positions table pasted from a spreadsheet.
    pub on_paste: Callback<String>,
    /// Whether there is a story the pasted positions can go into.
    pub can_paste: bool,
    /// What opening the example would replace ("istanbul.xlsx"); `None` when nothing is
    /// open. The desk asks before replacing it.
    #[prop_or_default]
    pub work: Option<AttrValue>,
}

#[component]
pub fn OpenPanel(props: &OpenPanelProps) -> Html {
    let pasted = use_state(String::new);
    // Opening the example replaces the story and its pasted texts: asked first.
    let asking = use_state(|| false);
    let keep_ref = use_node_ref();
    {
        let keep_ref = keep_ref.clone();
        use_effect_with(*asking, move |asking| {
            if *asking {
                if let Some(button) = keep_ref.cast::<web_sys::HtmlElement>() {
                    let _ = button.focus();
                }
            }
        });
    }
    let on_example = {
        let (asking, work) = (asking.clone(), props.work.is_some());
        let on_example = props.on_example.clone();
        Callback::from(move |_| {
            if work {
                asking.set(true);
            } else {
                on_example.emit(());
            }
        })
    };
    let on_replace = {
        let asking = asking.clone();
        let on_example = props.on_example.clone();
        Callback::from(move |_| {
            asking.set(false);
            on_example.emit(());
        })
    };
    let on_keep = {
        let asking = asking.clone();
        Callback::from(move |_| asking.set(false))
    };
    let on_change = {
        let on_files = props.on_files.clone();
        Callback::from(move |event: Event| {
            let input: web_sys::HtmlInputElement = event.target_unchecked_into();
            // Taken out of the list now: clearing the input below empties the live list.
            // An empty choice (the picker cancelled) opens nothing.
            if let Some(files) = input.files().map(|list| files_of(&list)) {
                if !files.is_empty() {
                    on_files.emit(files);
                }
            }
            // The same file chosen again (after fixing it) must fire `change` again.
            input.set_value("");
        })
    };
    let on_input = {
        let pasted = pasted.clone();
        Callback::from(move |event: InputEvent| {
            let area: web_sys::HtmlTextAreaElement = event.target_unchecked_into();
            pasted.set(area.value());
        })
    };
    let on_use_paste = {
        let pasted = pasted.clone();
        let on_paste = props.on_paste.clone();
        Callback::from(move |_| on_paste.emit((*pasted).clone()))
    };
    html! {
        <section class="dmd-panel dmd-open" aria-labelledby="dmd-open-title">
            <h2 id="dmd-open-title">{ "Open a story" }</h2>
            <div class="dmd-drop" data-testid="dmd-drop">
                <label for="dmd-file" class="dmd-label">
                    { "A workbook (.xlsx from Excel or Google Sheets, .ods from LibreOffice), a story file (.json), or one CSV file per sheet" }
                </label>
                <input
                    id="dmd-file"
                    class="dmd-file"
                    type="file"
                    multiple=true
                    accept=".xlsx,.ods,.json,.csv"
                    aria-describedby="dmd-drop-hint"
                    onchange={on_change}
                    data-testid="dmd-file"
                />
                <p id="dmd-drop-hint" class="dmd-hint">
                    { "Or drop files anywhere on this page. Files are read in this browser and never uploaded; the file you open is never changed." }
                </p>
            </div>
            <p class="dmd-actions">
                <button type="button" class="dmd-button" onclick={on_example} aria-expanded={props.work.is_some().then(|| asking.to_string())} data-testid="dmd-example">
                    { "Open the example story" }
                </button>
            </p>
            <ul class="dmd-downloads">
                <li>
                    <a class="dmd-link" href="story-template.xlsx" download="story-template.xlsx" data-testid="dmd-template-link">
                        { "Download the template workbook" }
                    </a>
                    { ": empty sheets for a new story, and a \"read me\" sheet on every column" }
                </li>
                <li>
                    <a class="dmd-link" href="story-example.xlsx" download="story-example.xlsx" data-testid="dmd-example-link">
                        { "Download the example workbook" }
                    </a>
                    { ": the Istanbul talks of 2 June 2025, filled in, with its source's text" }
                </li>
            </ul>
            if let (true, Some(work)) = (*asking, &props.work) {
                <div class="dmd-ask" role="group" aria-labelledby="dmd-ask-text" data-testid="dmd-example-ask">
                    <p id="dmd-ask-text">
                        { format!("Replace the story open now ({work}), and the source texts pasted for it, with the example story? Only what you have downloaded of it is kept.") }
                    </p>
                    <p class="dmd-actions">
                        <button type="button" class="dmd-button" onclick={on_replace} data-testid="dmd-example-confirm">
                            { "Replace it with the example" }
                        </button>
                        <button type="button" class="dmd-button dmd-button--primary" onclick={on_keep} ref={keep_ref} data-testid="dmd-example-keep">
                            { format!("Keep {work}") }
                        </button>
                    </p>
                </div>
            }
            <details class="dmd-paste">
                <summary>{ "Paste the positions table from a spreadsheet" }</summary>
                <label for="dmd-paste-text" class="dmd-label">
                    { "Copy the positions sheet with its header row (issue, side, stance, …) and paste it here; it replaces the story's positions." }
                </label>
                <textarea
                    id="dmd-paste-text"
                    class="dmd-textarea"
                    rows="6"
                    spellcheck="false"
                    value={(*pasted).clone()}
                    oninput={on_input}
                    data-testid="dmd-paste-text"
                />
                <button
                    type="button"
                    class="dmd-button"
                    disabled={!props.can_paste || pasted.trim().is_empty()}
                    aria-describedby={(!props.can_paste).then_some("dmd-paste-hint")}
                    onclick={on_use_paste}
                    data-testid="dmd-paste"
                >
                    { "Use the pasted positions" }
                </button>
                if !props.can_paste {
                    <p class="dmd-hint" id="dmd-paste-hint">{ "Open a story or the example first: the pasted positions go into it." }</p>
                }
            </details>
        </section>
    }
}

/// The files of a file list (from the picker or a drop), as they are now.
pub fn files_of(list: &web_sys::FileList) -> Vec<web_sys::File> {
    (0..list.length()).filter_map(|i| list.item(i)).collect()
}
