//! App: the widget's root; owns the one reducer and lays out header, views, matrix and footer.

use std::rc::Rc;

use yew::prelude::*;

use crate::components::agreement_summary::agreement_summary;
use crate::components::change_list::{change_list, update_said};
use crate::components::load_status::load_status;
use crate::components::matrix_table::{matrix_table, MatrixTableProps};
use crate::components::position_cell::{cell_button_id, detail_id};
use crate::components::source_credit::source_credit;
use crate::components::stance_legend::stance_legend;
use crate::components::story_header::story_header;
use crate::components::version_steps::version_steps;
use crate::components::view_tabs::{tab_element_id, view_tabs, ViewTabsProps};
use crate::components::StoryRef;
use crate::components::Words;
use crate::dom::{emit, focus_and_reveal};
use crate::i18n::Strings;
use crate::model::{parse_story, View};
use crate::state::{Action, CellRef, Load, LoadFailure, State};

#[derive(Properties, PartialEq, Clone)]
pub struct AppProps {
    /// Prefix for element ids, unique per widget on a page.
    #[prop_or(AttrValue::Static("dm"))]
    pub uid: AttrValue,
    /// Same-origin address of a story file; without it the built-in story is shown.
    #[prop_or_default]
    pub src: Option<AttrValue>,
    /// Side id of the view to open on (`kyiv`); all sides when absent or unknown.
    #[prop_or_default]
    pub view: Option<AttrValue>,
    /// Side id of a view to switch to right after the first render: when hydrating markup
    /// prerendered for `view`, the page can still ask for another view without a mismatch.
    #[prop_or_default]
    pub then_view: Option<AttrValue>,
    /// Running in a browser with the WebAssembly: cells are buttons and the view links are
    /// tabs. False only when rendering to HTML ahead of time, where nothing would answer them;
    /// `crate::embed::hydrate` readies such markup for a live widget to take over.
    #[prop_or(true)]
    pub live: bool,
    /// The views exist as static pages (`index.html`, `view-<side>.html`) that the tabs link to,
    /// so the view switcher works before, and without, the WebAssembly.
    #[prop_or_default]
    pub pages: bool,
    /// Address of the folder holding those pages when it is not the page's own (a direct embed
    /// links its tabs to the widget's standalone pages).
    #[prop_or_default]
    pub pages_base: Option<AttrValue>,
    /// A story handed over already validated (the desk's preview): shown instead of `src` or
    /// the built-in story. A new story needs a new widget (a new `key`), as a new `src` does.
    #[prop_or_default]
    pub story: Option<StoryRef>,
    /// A language to speak instead of the story's (`data-lang`, `?lang=`): a BCP 47 tag; the
    /// story's own `lang` when absent.
    #[prop_or_default]
    pub lang: Option<AttrValue>,
    /// The id of an element that names where this widget is one of several (a frame of the
    /// desk's preview, "320 px (phone)"): it leads the widget's accessible name, and the
    /// widget's headings start a level lower, under that place's own heading.
    #[prop_or_default]
    pub within: Option<AttrValue>,
    /// Keep checking `src` for new versions (`data-live`; docs/live-stories.md).
    #[prop_or_default]
    pub refresh: Option<crate::loading::Refresh>,
}

impl AppProps {
    /// A widget showing the built-in story on a page the build prerendered for `view`, with its
    /// tabs linking to the view pages. The build renders with `live` false and the browser
    /// hydrates with `live` true (through `crate::embed::hydrate`, which makes the markup live
    /// first); nothing else may differ between the two, or hydration would meet markup it does
    /// not expect.
    /// `then_view` is a view to switch to once hydrated. With `pages`, the widget is the page:
    /// its title is the page's `h1` (see `heading_base`).
    pub fn prerendered(
        uid: AttrValue,
        view: AttrValue,
        then_view: Option<AttrValue>,
        live: bool,
    ) -> AppProps {
        AppProps {
            uid,
            src: None,
            view: Some(view),
            then_view,
            live,
            pages: true,
            pages_base: None,
            story: None,
            lang: None,
            within: None,
            refresh: None,
        }
    }

    /// The language the widget speaks with `story`: the host's choice, or the story's.
    pub fn lang_for<'a>(&'a self, story: &'a crate::model::Story) -> &'a str {
        self.lang.as_deref().unwrap_or(&story.lang)
    }
}

/// The state a widget starts in: the built-in story at once, or loading one from `src`.
pub fn initial_state(props: &AppProps) -> State {
    let requested = props.view.as_ref().map(|v| v.to_string());
    if let Some(story) = &props.story {
        return State::ready(story.0.clone(), requested);
    }
    match &props.src {
        Some(src) => State::loading(src.to_string(), requested),
        None => {
            let parsed = match crate::loading::builtin_story_json() {
                Some(json) => parse_story(&json)
                    .map_err(|errors| errors.0.iter().map(ToString::to_string).collect()),
                None => Err(vec![
                    "the page carries no built-in story (<script id=\"dm-story\">)".to_owned(),
                ]),
            };
            match parsed {
                Ok(story) => {
                    // The page's strings for its story, before the first render: hydration
                    // must meet the words the build wrote.
                    #[cfg(target_arch = "wasm32")]
                    crate::loading::page_strings(props.lang_for(&story));
                    State::ready(Rc::new(story), requested)
                }
                Err(details) => {
                    let mut state = State::loading("built-in story".into(), requested);
                    state.load = Load::Failed(Rc::new(LoadFailure { details }));
                    state
                }
            }
        }
    }
}

/// The demands matrix widget. Readers switch between all sides and each side's view, and open any
/// cell for the source's own words.
#[component]
pub fn App(props: &AppProps) -> Html {
    let state = {
        let props = props.clone();
        use_reducer(move || initial_state(&props))
    };
    // Bumped by "Try again" so the fetch effect runs once more for the same address.
    let attempt = use_state(|| 0u32);

    // Controls only once they work: the build renders cells as text and tabs as links, and the
    // browser renders them live from its first render (hydration included: `embed::hydrate`).
    let live = props.live;

    #[cfg(target_arch = "wasm32")]
    {
        let dispatcher = state.dispatcher();
        use_effect_with(
            (props.src.clone(), *attempt, props.refresh),
            move |(src, _, refresh)| {
                use crate::loading::Fetched;
                let done = Callback::from(move |outcome| {
                    dispatcher.dispatch(match outcome {
                        Fetched::Loaded(story) => Action::Loaded(Rc::new(story)),
                        Fetched::Failed(details) => {
                            Action::Failed(Rc::new(LoadFailure { details }))
                        }
                        Fetched::Updated(story, at) => Action::Updated(Rc::new(story), at),
                        Fetched::Unchanged => Action::Unchanged,
                        Fetched::Stale(since) => Action::Stale(since),
                    })
                });
                crate::loading::fetch_into(src.clone(), *refresh, done)
            },
        );
    }

    // The words of a language the page did not bring (a story from `src` in another language,
    // or a host's `lang`): fetched once, then the widget renders again in them. Until a first
    // such fetch is over the widget says it is loading, rather than show the story with English
    // words for a moment (after a failed fetch it shows it in English).
    let strings_arrived = use_state(|| 0u32);
    #[cfg(target_arch = "wasm32")]
    {
        let wanted = state
            .story()
            .map(|story| props.lang_for(story).to_owned())
            .or_else(|| props.lang.as_ref().map(|l| l.to_string()));
        let base = props.pages_base.as_ref().map(|b| b.to_string());
        let arrived = strings_arrived.clone();
        use_effect_with(wanted, move |wanted| {
            if let Some(lang) = wanted.clone() {
                crate::loading::page_strings(&lang);
                if !crate::i18n::known(&lang) {
                    wasm_bindgen_futures::spawn_local(async move {
                        crate::loading::fetch_strings(base, lang).await;
                        arrived.set(*arrived + 1);
                    });
                }
            }
        });
    }

    {
        let state = state.clone();
        use_effect_with(props.then_view.clone(), move |then_view| {
            if let (Some(id), Some(story)) = (then_view, state.story()) {
                state.dispatch(Action::SelectView(View::from_id(story, Some(id))));
            }
        });
    }

    // An opened detail takes focus, so keyboard and screen-reader users land on it, with its
    // top in view rather than its middle (`focus_and_reveal`: at 400 % zoom a detail is taller
    // than the window). Effects run once the rows have rendered, so the detail is there by then.
    // Keyed by ids, not indices: a new version of a live story that moves the open cell's row
    // must not take the reader's focus.
    let open_ids = state.open.and_then(|cell| {
        let (issue, side, _) = state.story()?.cell(cell.issue, cell.side)?;
        Some((issue.id.clone(), side.id.clone()))
    });
    use_effect_with((open_ids, props.uid.clone()), |(open, uid)| {
        if open.is_some() {
            focus_and_reveal(&detail_id(uid));
        }
    });

    // Reader actions also become events for the host page (docs/embedding.md "Events").
    let story_ref = state.story().map(|story| StoryRef(story.clone()));
    let on_select = {
        let state_now = (state.view, story_ref.clone(), props.uid.clone());
        let state = state.dispatcher();
        use_callback(state_now, move |view: View, (current, story, uid)| {
            if let (true, Some(story)) = (view != *current, story) {
                emit(
                    uid,
                    "dm:viewchange",
                    &[("widget", uid), ("view", view.id(story))],
                );
            }
            state.dispatch(Action::SelectView(view));
        })
    };
    let on_toggle = {
        let state_now = (state.open, story_ref, props.uid.clone());
        let state = state.dispatcher();
        use_callback(state_now, move |cell: CellRef, (open, story, uid)| {
            let opening = story
                .as_ref()
                .filter(|_| *open != Some(cell))
                .and_then(|story| story.cell(cell.issue, cell.side));
            if let Some((issue, side, _)) = opening {
                emit(
                    uid,
                    "dm:cellopen",
                    &[("widget", uid), ("issue", &issue.id), ("side", &side.id)],
                );
            }
            state.dispatch(Action::ToggleCell(cell))
        })
    };
    let on_close = {
        let state = state.dispatcher();
        let uid = props.uid.clone();
        use_callback(uid, move |cell: CellRef, uid| {
            state.dispatch(Action::CloseCell);
            // Scrolled the least that shows it, which keeps it clear of a host page's sticky
            // header when the page says how tall that is (`scroll-padding-top`, docs/embedding.md).
            focus_and_reveal(&cell_button_id(uid, cell));
        })
    };
    // Not a hook: made only where the control is, so the default build has none of it.
    let on_version = || {
        let state = state.dispatcher();
        Callback::from(move |version| state.dispatch(Action::SelectVersion(version)))
    };
    let on_retry = {
        let state = state.dispatcher();
        let attempt = attempt.clone();
        let src = props.src.clone();
        Callback::from(move |()| {
            if let Some(src) = &src {
                state.dispatch(Action::Reload {
                    src: src.to_string(),
                });
                attempt.set(*attempt + 1);
            }
        })
    };

    let uid = &props.uid;
    // A story whose words are still on their way shows as loading (see `strings_arrived`).
    let words_due = |story: &crate::model::Story| {
        cfg!(target_arch = "wasm32")
            && *strings_arrived == 0
            && !crate::i18n::known(props.lang_for(story))
    };
    let (story, current) = match &state.load {
        // The matrix shows the version the reader stepped back to; the control knows them all.
        Load::Ready(story) if !words_due(story) => (
            StoryRef(match state.shown.as_ref().filter(|_| crate::LIVE) {
                Some(then) => then.clone(),
                None => story.clone(),
            }),
            story,
        ),
        Load::Failed(failure) => {
            return load_status(&status_words(props), Some(failure.clone()), on_retry)
        }
        _ => return load_status(&status_words(props), None, on_retry),
    };
    let t = Words(Strings::for_lang(props.lang_for(&story)));

    let view = state.view;
    let title_id = format!("{uid}-title");
    let panel_id = format!("{uid}-panel");
    let view_id = view.id(&story).to_owned();
    let view_name = crate::model::describe::view_title(&t, &story, view);
    let lede = t.text(match view {
        View::AllSides => "lede-all",
        View::Side(_) => "lede-side",
    });

    let level = heading_base(props);
    html! {
        <section
            id={uid.clone()}
            class="dm"
            // The story's language, which most of the words are in; a host's choice of another
            // language for the widget's own words (`lang`) names those instead.
            lang={if props.lang.is_some() { t.tag().to_owned() } else { story.lang.clone() }}
            dir={t.dir()}
            aria-labelledby={match &props.within {
                Some(place) => format!("{place} {title_id}"),
                None => title_id.clone(),
            }}
            data-testid="dm-root"
            data-state="ready"
            data-view={view_id.clone()}
            data-interactive={live.then_some("true")}
        >
            { story_header(&t, &story, &title_id, level) }
            if crate::LIVE && !current.history.is_empty() {
                { version_steps(&t, current, state.version, &on_version()) }
            }
            if let Some(since) = state.stale.as_ref().filter(|_| crate::LIVE) {
                <p class="dm-stale" data-testid="dm-stale">{ t.fill("stale", &[("time", since)]) }</p>
            }
            { view_tabs(&ViewTabsProps {
                uid,
                panel_id: &panel_id,
                story: &story,
                t: &t,
                current: view,
                live,
                pages: props.pages,
                pages_base: props.pages_base.as_deref(),
                on_select: &on_select,
            }) }
            <div
                class="dm-panel"
                role={live.then_some("tabpanel")}
                id={panel_id}
                aria-labelledby={live.then(|| tab_element_id(uid, &view_id))}
                data-testid="dm-panel"
            >
                <@{heading(level + 1)} class="dm-panel__title" data-testid="dm-view-title">{ &view_name }</@>
                <p class="dm-panel__lede">{ lede }</p>
                if view == View::AllSides {
                    { agreement_summary(&t, &story, level + 2) }
                    if crate::LIVE && state.version.is_none() {
                        { change_list(&t, &story, &state.changes, level + 2) }
                    }
                }
                { stance_legend(&t) }
                { matrix_table(&MatrixTableProps {
                    uid: uid.clone(),
                    story: story.clone(),
                    t: t.clone(),
                    view,
                    live,
                    heading_level: level + 2,
                    open: state.open,
                    on_toggle,
                    on_close,
                    // Marks of what changed belong to the story as it stands.
                    changes: match state.version.filter(|_| crate::LIVE) {
                        None => crate::components::ChangesRef(state.changes.clone()),
                        Some(_) => crate::components::ChangesRef::default(),
                    },
                }) }
            </div>
            <p class="dm-sr-only" aria-live="polite" data-testid="dm-announce">
                if crate::LIVE && !state.latest.is_empty() {
                    { update_said(&t, &story, &state.latest) }
                } else if crate::LIVE && state.version_said {
                    { t.fill("version-shown", &[("date", &t.date(&story.as_of.date))]) }
                } else if state.view_chosen {
                    { t.fill("now-showing", &[("view", &view_name)]) }
                }
            </p>
            { source_credit(&t, &story, uid) }
        </section>
    }
}

/// The strings for a widget that has no story yet (loading, or failed): the host's language
/// when it chose one, else English, which the page always has.
fn status_words(props: &AppProps) -> std::rc::Rc<Strings> {
    Strings::for_lang(props.lang.as_deref().unwrap_or("en"))
}

/// Level of the widget's title: 1 when the widget is the page (the standalone page, which is
/// also the iframe's document), so the page has one `h1`; 2 in an article, under the article's
/// own `h1`, which is where a direct embed is (its tabs link to the pages at `pages_base`). The
/// build renders the standalone page with `pages`, and the browser hydrates it
/// with the same props, so both agree; a story from `?src=` on that page is rendered afresh
/// and finds the page's body class. Headings inside follow one level per step (view title,
/// then the summary's and a detail's headings).
fn heading_base(props: &AppProps) -> u8 {
    if props.within.is_some() {
        return 3;
    }
    #[cfg(target_arch = "wasm32")]
    let standalone_page = || {
        web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.body())
            .is_some_and(|body| body.class_name().split_whitespace().any(|c| c == "dm-page"))
    };
    #[cfg(not(target_arch = "wasm32"))]
    let standalone_page = || false;
    // Tabs that link to pages elsewhere (`pages_base`) mean a direct embed in an article.
    if props.pages && props.pages_base.is_none() || standalone_page() {
        1
    } else {
        2
    }
}

/// The element name of a heading of `level` (1 to 6).
pub fn heading(level: u8) -> &'static str {
    ["h1", "h2", "h3", "h4", "h5", "h6"][usize::from(level.clamp(1, 6)) - 1]
}
