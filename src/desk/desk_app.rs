//! DeskApp: the desk's root; owns its one reducer and lays out opening, problems, source texts,
//! the preview and publishing. Everything happens in the editor's browser.

use yew::prelude::*;

use crate::components::StoryRef;

use super::embed_code::snippets;
use super::open_panel::OpenPanel;
use super::preview::Preview;
use super::problem_list::ProblemList;
use super::publish_panel::PublishPanel;
use super::source_panel::SourcePanel;
use super::state::{DeskAction, DeskState};

#[derive(Properties, PartialEq)]
pub struct DeskAppProps {
    /// Address of the widget's folder, which the embed code points to.
    #[prop_or_default]
    pub site_base: AttrValue,
}

#[component]
pub fn DeskApp(props: &DeskAppProps) -> Html {
    let state = use_reducer(DeskState::default);

    #[cfg(target_arch = "wasm32")]
    {
        let dispatcher = state.dispatcher();
        use_effect_with((), move |()| {
            if let Some(saved) = super::browser::restore() {
                dispatcher.dispatch(DeskAction::Restored {
                    opened: saved.opened,
                    stem: saved.stem,
                    story: saved.story,
                    sources: saved.sources,
                });
            }
        });
        // Work in progress survives a reload: saved whenever the story or a source text changes.
        let saved = (state.generation, state.sources.clone());
        let state = state.clone();
        use_effect_with(saved, move |_| {
            if let Some(story) = &state.story {
                let opened = state.opened.clone().unwrap_or_default();
                super::browser::save(&opened, &state.stem, story, &state.sources);
            }
        });
    }

    let on_files = {
        let dispatcher = state.dispatcher();
        Callback::from(move |files: Vec<web_sys::File>| {
            #[cfg(target_arch = "wasm32")]
            {
                let dispatcher = dispatcher.clone();
                wasm_bindgen_futures::spawn_local(async move {
                    match super::browser::read_files(files).await {
                        Ok(files) => {
                            let what = match files.as_slice() {
                                [one] => one.name.clone(),
                                many => format!("{} files", many.len()),
                            };
                            let (stem, outcome) = super::open::open_files(&files);
                            dispatcher.dispatch(DeskAction::Opened {
                                what,
                                stem,
                                outcome,
                            });
                        }
                        Err(message) => dispatcher.dispatch(DeskAction::Status(message)),
                    }
                });
            }
            #[cfg(not(target_arch = "wasm32"))]
            let _ = (files, &dispatcher);
        })
    };
    let on_template = {
        let dispatcher = state.dispatcher();
        Callback::from(move |()| {
            dispatcher.dispatch(DeskAction::Opened {
                what: "the template (the Istanbul story)".into(),
                stem: "my-story".into(),
                outcome: super::open::template(),
            })
        })
    };
    let on_paste = {
        let dispatcher = state.dispatcher();
        let story = state.story.clone();
        let stem = state.stem.clone();
        Callback::from(move |text: String| {
            if let Some(story) = &story {
                dispatcher.dispatch(DeskAction::Opened {
                    what: "the pasted positions".into(),
                    stem: stem.clone(),
                    outcome: super::open::paste(story, &text),
                });
            }
        })
    };
    let on_drop = {
        let on_files = on_files.clone();
        Callback::from(move |event: DragEvent| {
            event.prevent_default();
            if let Some(files) = event.data_transfer().and_then(|d| d.files()) {
                let files = super::open_panel::files_of(&files);
                if !files.is_empty() {
                    on_files.emit(files);
                }
            }
        })
    };
    let on_drag_over = Callback::from(|event: DragEvent| event.prevent_default());
    let on_source_text = to_action(&state, DeskAction::SourceText);
    let on_view = to_action(&state, DeskAction::View);
    let on_theme = to_action(&state, DeskAction::Theme);

    let snippets = state
        .story
        .as_ref()
        .map(|story| snippets(&props.site_base, &state.stem, &story.title))
        .unwrap_or_default();
    let download = |kind: &'static str| {
        let story = state.story.clone();
        let stem = state.stem.clone();
        let dispatcher = state.dispatcher();
        Callback::from(move |()| {
            let Some(story) = &story else { return };
            let result = super::publish::download(kind, &stem, story);
            if let Err(message) = result {
                dispatcher.dispatch(DeskAction::Status(message));
            }
        })
    };
    let on_copy = {
        let snippets = snippets.clone();
        let dispatcher = state.dispatcher();
        Callback::from(move |index: usize| {
            let Some(snippet) = snippets.get(index) else {
                return;
            };
            #[cfg(target_arch = "wasm32")]
            {
                let (code, title) = (snippet.code.clone(), snippet.title);
                let dispatcher = dispatcher.clone();
                wasm_bindgen_futures::spawn_local(async move {
                    let status = match super::browser::copy(&code).await {
                        Ok(()) => format!("Copied the {title} code."),
                        Err(message) => message,
                    };
                    dispatcher.dispatch(DeskAction::Status(status));
                });
            }
            #[cfg(not(target_arch = "wasm32"))]
            let _ = (snippet, &dispatcher);
        })
    };

    let sources = state
        .story
        .as_ref()
        .map(|story| story.sources.clone())
        .unwrap_or_default();
    html! {
        <div class="dmd" ondragover={on_drag_over} ondrop={on_drop}>
            <header class="dmd-header">
                <h1>{ "Story desk" }</h1>
                <p class="dmd-lede">
                    { "Build a demands matrix from a spreadsheet, check it against its source, see it as readers will, and download it. Nothing you open leaves this browser; your work is kept here until you open something else." }
                </p>
            </header>
            <p class="dmd-status" role="status" data-testid="dmd-status">{ &state.status }</p>
            <main class="dmd-main">
                <div class="dmd-columns">
                    <OpenPanel
                        on_files={on_files}
                        on_template={on_template}
                        on_paste={on_paste}
                        can_paste={state.story.is_some()}
                    />
                    <ProblemList
                        problems={state.problems.clone()}
                        evidence={state.evidence.clone()}
                        opened={state.opened.clone()}
                        stale={state.stale}
                    />
                    <SourcePanel
                        sources={sources}
                        texts={state.sources.clone()}
                        on_text={on_source_text}
                    />
                    <PublishPanel
                        stem={state.story.as_ref().map(|_| AttrValue::from(state.stem.clone()))}
                        snippets={snippets}
                        on_json={download("json")}
                        on_workbook={download("xlsx")}
                        on_copy={on_copy}
                    />
                </div>
                <Preview
                    story={state.story.clone().map(StoryRef)}
                    generation={state.generation}
                    view={AttrValue::from(state.view.clone())}
                    theme={state.theme}
                    on_view={on_view}
                    on_theme={on_theme}
                />
            </main>
        </div>
    }
}

/// A callback that dispatches the action `make` builds from its value.
fn to_action<T: 'static>(
    state: &UseReducerHandle<DeskState>,
    make: fn(T) -> DeskAction,
) -> Callback<T> {
    let dispatcher = state.dispatcher();
    Callback::from(move |value| dispatcher.dispatch(make(value)))
}
