//! DeskApp: the desk's root; owns its one reducer and lays out opening, problems, source texts,
//! the preview and publishing. Everything happens in the editor's browser.

use yew::prelude::*;

use crate::components::StoryRef;

use crate::images::Kind;
use crate::model::describe::{image_alt, view_title};
use crate::model::View;

use super::embed_code::{snippets, Entries};
use super::images_panel::ImagesPanel;
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
                    problems: saved.problems,
                });
            }
        });
        // Work in progress survives a reload: saved whenever the story, a source text or the
        // problems of what was opened change.
        let saved = (
            state.generation,
            state.sources.clone(),
            state.problems.clone(),
        );
        let save = |state: &DeskState| match &state.opened {
            Some(opened) => super::browser::save(
                opened,
                &state.stem,
                state.story.as_deref(),
                &state.sources,
                &state.problems,
            ),
            None => Ok(()),
        };
        {
            let state = state.clone();
            use_effect_with(saved, move |_| {
                if let Err(message) = save(&state) {
                    state.dispatch(DeskAction::Status(message));
                }
            });
        }
        // The effect runs after the page shows what was opened, and can come too late for an
        // editor who reloads at once (measured: 5 reloads in 12 right after "Opened" found no
        // saved work); the page's last moment saves the latest state too.
        let latest = use_mut_ref(|| None::<UseReducerHandle<DeskState>>);
        *latest.borrow_mut() = Some(state.clone());
        use_effect_with((), move |()| {
            super::browser::on_leave(move || {
                if let Some(state) = &*latest.borrow() {
                    let _ = save(state);
                }
            });
        });
    }

    // Reads finish in any order: only the last thing the editor opened may land.
    let latest = use_mut_ref(|| 0u32);
    let on_files = {
        let dispatcher = state.dispatcher();
        let latest = latest.clone();
        Callback::from(move |files: Vec<web_sys::File>| {
            *latest.borrow_mut() += 1;
            #[cfg(target_arch = "wasm32")]
            {
                let ticket = *latest.borrow();
                let latest = latest.clone();
                let dispatcher = dispatcher.clone();
                let what = match files.as_slice() {
                    [one] => one.name(),
                    many => format!("{} files", many.len()),
                };
                dispatcher.dispatch(DeskAction::Status(format!("Reading {what}…")));
                wasm_bindgen_futures::spawn_local(async move {
                    let read = super::browser::read_files(files).await;
                    if *latest.borrow() != ticket {
                        return;
                    }
                    match read {
                        Ok(files) => {
                            let opening = super::open::open_files(&files);
                            dispatcher.dispatch(DeskAction::Opened {
                                what,
                                stem: opening.stem,
                                outcome: opening.outcome,
                                texts: opening.texts,
                                rows: opening.rows,
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
    let on_example = {
        let dispatcher = state.dispatcher();
        let latest = latest.clone();
        Callback::from(move |()| {
            *latest.borrow_mut() += 1;
            dispatcher.dispatch(DeskAction::Opened {
                what: "the example (the Istanbul story)".into(),
                stem: "istanbul-2025-06-02".into(),
                outcome: super::open::example(),
                texts: super::open::example_texts(),
                rows: None,
            })
        })
    };
    let on_paste = {
        let dispatcher = state.dispatcher();
        let story = state.story.clone();
        let stem = state.stem.clone();
        Callback::from(move |text: String| {
            *latest.borrow_mut() += 1;
            if let Some(story) = &story {
                dispatcher.dispatch(DeskAction::Opened {
                    what: "the pasted positions".into(),
                    stem: stem.clone(),
                    outcome: super::open::paste(story, &text),
                    texts: Vec::new(),
                    rows: None,
                });
            }
        })
    };
    // Files dropped anywhere on the page open; text dropped into a text box stays the browser's.
    let on_drop = {
        let on_files = on_files.clone();
        Callback::from(move |event: DragEvent| {
            let Some(files) = event.data_transfer().and_then(|d| d.files()) else {
                return;
            };
            let files = super::open_panel::files_of(&files);
            if !files.is_empty() {
                event.prevent_default();
                on_files.emit(files);
            }
        })
    };
    let on_drag_over = Callback::from(|event: DragEvent| {
        let carries_files = event
            .data_transfer()
            .is_some_and(|d| d.types().includes(&"Files".into(), 0));
        if carries_files {
            event.prevent_default();
        }
    });
    let base = use_state(|| props.site_base.to_string());
    let live = use_state(|| false);
    let on_live = {
        let live = live.clone();
        Callback::from(move |on: bool| live.set(on))
    };
    let on_base = {
        let base = base.clone();
        Callback::from(move |value: String| base.set(value))
    };
    let on_source_text = to_action(&state, DeskAction::SourceText);
    let on_view = to_action(&state, DeskAction::View);
    let on_theme = to_action(&state, DeskAction::Theme);

    // The hashed entries the embed codes name with their integrity: the site's, from its
    // manifest once fetched; the story's widget.js, from the last pages download of this very
    // story (keyed by its JSON: any change to the story makes another file).
    let site_entries = use_state(Entries::default);
    let story_widget = use_state(|| None::<(String, crate::prerender::Entry)>);
    #[cfg(target_arch = "wasm32")]
    {
        let site_entries = site_entries.clone();
        use_effect_with((), move |()| {
            wasm_bindgen_futures::spawn_local(async move {
                // Without the manifest (a desk opened from a file) the codes name plain files.
                if let Ok(manifest) = super::pages::site_manifest().await {
                    site_entries.set(Entries {
                        embed: manifest.entries.get("embed.js").cloned(),
                        site_widget: manifest.entries.get(crate::prerender::WIDGET).cloned(),
                        story_widget: None,
                    });
                }
            });
        });
    }
    let entries = Entries {
        story_widget: (*story_widget).as_ref().and_then(|(made_from, entry)| {
            let story = state.story.as_ref()?;
            (story.to_canonical_json() == *made_from).then(|| entry.clone())
        }),
        ..(*site_entries).clone()
    };
    let snippets = state
        .story
        .as_ref()
        .map(|story| snippets(&base, &state.stem, &story.title, *live, &entries))
        .unwrap_or_default();
    let download = |kind: &'static str| {
        let story = state.story.clone();
        let stem = state.stem.clone();
        let texts = state.sources.clone();
        let dispatcher = state.dispatcher();
        Callback::from(move |()| {
            let Some(story) = &story else { return };
            let result = super::publish::download(kind, &stem, story, &texts);
            if let Err(message) = result {
                dispatcher.dispatch(DeskAction::Status(message));
            }
        })
    };
    let on_previous = {
        let story = state.story.clone();
        let stem = state.stem.clone();
        let dispatcher = state.dispatcher();
        Callback::from(move |file: web_sys::File| {
            let Some(story) = story.clone() else { return };
            #[cfg(target_arch = "wasm32")]
            {
                let (stem, dispatcher) = (stem.clone(), dispatcher.clone());
                wasm_bindgen_futures::spawn_local(async move {
                    let result = async {
                        let read = super::browser::read_files(vec![file]).await?;
                        let previous = read.first().ok_or("nothing was read")?;
                        let (new, said) = super::publish::as_new_version(
                            &story,
                            &previous.name,
                            &previous.bytes,
                        )?;
                        super::publish::download("json", &stem, &new, &[])?;
                        Ok::<_, String>(format!("Downloaded {stem}.json {said}."))
                    }
                    .await;
                    dispatcher.dispatch(DeskAction::Status(match result {
                        Ok(status) | Err(status) => status,
                    }));
                });
            }
            #[cfg(not(target_arch = "wasm32"))]
            let _ = (story, &stem, &dispatcher, file);
        })
    };
    // The story's pages, made with the build's code and zipped with the widget's files.
    let on_pages = {
        let story = state.story.clone();
        let stem = state.stem.clone();
        let base = (*base).clone();
        let dispatcher = state.dispatcher();
        let story_widget = story_widget.clone();
        Callback::from(move |()| {
            let Some(story) = story.clone() else { return };
            #[cfg(target_arch = "wasm32")]
            {
                let (stem, base, dispatcher) = (stem.clone(), base.clone(), dispatcher.clone());
                let story_widget = story_widget.clone();
                dispatcher.dispatch(DeskAction::Status("Making the story's pages…".into()));
                wasm_bindgen_futures::spawn_local(async move {
                    let name = super::pages::zip_name(&stem);
                    let result = async {
                        let json = story.to_canonical_json();
                        let (zip, widget) = super::pages::pages_zip(&stem, &json, &base).await?;
                        super::browser::download(&name, "application/zip", &zip)?;
                        story_widget.set(Some((json, widget)));
                        Ok::<_, String>(())
                    }
                    .await;
                    dispatcher.dispatch(DeskAction::Status(match result {
                        Ok(()) => format!("Downloaded {name}: unpack it into the widget's published folder ({base}); the story's pages are in its folder {stem}/, beside the widget's files."),
                        Err(message) => message,
                    }));
                });
            }
            #[cfg(not(target_arch = "wasm32"))]
            let _ = (story, &stem, &base, &dispatcher, &story_widget);
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

    // The images follow the preview: its view and its colours. The text alternative shown is
    // the last drawn picture's (a card's says how many rows it shows) until the story, the view
    // or the colours change; before that, the full image's.
    let drawn_alt = use_state(|| None::<(String, String)>);
    {
        let drawn_alt = drawn_alt.clone();
        let shown = (state.generation, state.view.clone(), state.theme);
        use_effect_with(shown, move |_| drawn_alt.set(None));
    }
    let on_image = {
        let story = state.story.clone();
        let (stem, view, theme) = (state.stem.clone(), state.view.clone(), state.theme);
        let dispatcher = state.dispatcher();
        let drawn_alt = drawn_alt.clone();
        Callback::from(move |(kind, png): (Kind, bool)| {
            let Some(story) = story.clone() else { return };
            #[cfg(target_arch = "wasm32")]
            {
                let (stem, view, dispatcher) = (stem.clone(), view.clone(), dispatcher.clone());
                let drawn_alt = drawn_alt.clone();
                dispatcher.dispatch(DeskAction::Status("Drawing the image…".into()));
                wasm_bindgen_futures::spawn_local(async move {
                    let result = async {
                        super::browser::load_image_fonts().await?;
                        let file = super::publish::image(&stem, &story, &view, kind, png, theme)?;
                        super::browser::download(&file.name, file.mime, &file.bytes)?;
                        Ok::<_, String>(file)
                    }
                    .await;
                    dispatcher.dispatch(DeskAction::Status(match result {
                        Ok(file) => {
                            let status = format!("Downloaded {}.", file.name);
                            drawn_alt.set(Some((file.name, file.alt)));
                            status
                        }
                        Err(message) => message,
                    }));
                });
            }
            #[cfg(not(target_arch = "wasm32"))]
            let _ = (
                story,
                &stem,
                &view,
                theme,
                &dispatcher,
                kind,
                png,
                &drawn_alt,
            );
        })
    };
    let image_view = state
        .story
        .as_ref()
        .map(|story| (story, View::from_id(story, Some(&state.view))));
    let words = |story: &crate::model::Story| crate::i18n::Strings::for_lang(&story.lang);
    let image_title =
        image_view.map(|(story, view)| AttrValue::from(view_title(&words(story), story, view)));
    let (alt_of, alt) = match (&*drawn_alt, image_view) {
        (Some((name, alt)), _) => (Some(AttrValue::from(name.clone())), alt.clone()),
        (None, Some((story, view))) => (None, image_alt(&words(story), story, view)),
        (None, None) => (None, String::new()),
    };

    let sources = state
        .story
        .as_ref()
        .map(|story| story.sources.clone())
        .unwrap_or_default();
    let checked = state
        .evidence_said()
        .map(|(whole, said)| (whole, AttrValue::from(said)));
    // Beside the downloads and the embed code: what was not checked, and what was not found.
    let warning = match &checked {
        Some((false, said)) if state.evidence.is_empty() => Some(said.clone()),
        Some((false, _)) => Some(AttrValue::from(format!(
            "Evidence not in its source word for word: {} (listed under Problems).{}",
            state.evidence.len(),
            if state.coverage.unchecked.is_empty() {
                ""
            } else {
                " Some evidence is not checked at all: paste the missing source texts."
            }
        ))),
        _ => None,
    };
    html! {
        <div class="dmd-drop-area" ondragover={on_drag_over} ondrop={on_drop}>
        <div class="dmd">
            <header class="dmd-header">
                <h1>{ "Story desk" }</h1>
                <p class="dmd-lede">
                    { "Build a demands matrix from a spreadsheet, check it against its source, see it as readers will, and download it. Nothing you open leaves this browser; your work is kept here, in this browser, until you open another story." }
                </p>
            </header>
            <p class="dmd-status" role="status" data-testid="dmd-status">{ &state.status }</p>
            <main class="dmd-main">
                <div class="dmd-columns">
                    <OpenPanel
                        on_files={on_files}
                        on_example={on_example}
                        on_paste={on_paste}
                        can_paste={state.story.is_some()}
                        work={state.story.as_ref().map(|_| AttrValue::from(state.opened.clone().unwrap_or_else(|| "your story".into())))}
                    />
                    <ProblemList
                        problems={state.problems.clone()}
                        evidence={state.evidence.clone()}
                        opened={state.opened.clone()}
                        stale={state.stale}
                        checked={checked}
                    />
                    <SourcePanel
                        sources={sources}
                        texts={state.sources.clone()}
                        on_text={on_source_text}
                    />
                    <PublishPanel
                        stem={state.story.as_ref().map(|_| AttrValue::from(state.stem.clone()))}
                        snippets={snippets}
                        base={AttrValue::from((*base).clone())}
                        on_base={on_base}
                        on_json={download("json")}
                        on_workbook={download("xlsx")}
                        on_pages={on_pages}
                        on_copy={on_copy}
                        on_previous={on_previous}
                        live={*live}
                        on_live={on_live}
                        warning={warning}
                    />
                    <ImagesPanel
                        view_title={image_title}
                        theme={state.theme.id()}
                        alt={AttrValue::from(alt)}
                        alt_of={alt_of}
                        on_download={on_image}
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
