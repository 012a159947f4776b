//! Everything that talks to the host page: finding mount points, reading their settings, and
//! fetching story files.

use std::cell::Cell;
use std::rc::Rc;

use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::components::{App, AppProps};
use crate::model::parse_story;
use crate::state::{Action, LoadFailure, State};

/// The attribute that marks an element as a widget mount point.
pub const MOUNT_ATTRIBUTE: &str = "data-demands-matrix";

/// Mounts a widget in every `[data-demands-matrix]` element on the page. Each reads `data-src`
/// (a same-origin story file) and `data-view` (a side id); an element that also has
/// `data-page-params` (the standalone page) takes `?src=` and `?view=` from the page address
/// when it has no attribute of its own.
pub fn mount_all() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Ok(roots) = document.query_selector_all(&format!("[{MOUNT_ATTRIBUTE}]")) else {
        return;
    };
    let params = page_params();
    for i in 0..roots.length() {
        let Some(root) = roots
            .item(i)
            .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
        else {
            continue;
        };
        let from_page = |name: &str| {
            root.has_attribute("data-page-params")
                .then(|| params.as_ref().and_then(|p| p.get(name)))
                .flatten()
                .filter(|value| !value.is_empty())
        };
        let attribute = |name: &str| root.get_attribute(name).filter(|v| !v.is_empty());
        let props = AppProps {
            uid: AttrValue::from(format!("dm{}", i + 1)),
            src: attribute("data-src")
                .or_else(|| from_page("src"))
                .map(AttrValue::from),
            view: attribute("data-view")
                .or_else(|| from_page("view"))
                .map(AttrValue::from),
        };
        yew::Renderer::<App>::with_root_and_props(root, props).render();
    }
}

fn page_params() -> Option<web_sys::UrlSearchParams> {
    let search = web_sys::window()?.location().search().ok()?;
    web_sys::UrlSearchParams::new_with_str(&search).ok()
}

/// Resolves `src` against the page and refuses other origins, so an embed attribute or a page
/// address cannot make the widget read files from elsewhere.
pub fn same_origin_url(src: &str) -> Result<String, String> {
    let location = web_sys::window().ok_or("no browser window")?.location();
    let base = location
        .href()
        .map_err(|_| "the page address cannot be read")?;
    let origin = location
        .origin()
        .map_err(|_| "the page origin cannot be read")?;
    let url = web_sys::Url::new_with_base(src, &base)
        .map_err(|_| format!("\"{src}\" is not a valid address"))?;
    if url.origin() != origin {
        return Err(format!(
            "stories can only be loaded from this site ({origin}), not from {}",
            url.origin()
        ));
    }
    Ok(url.href())
}

/// Starts fetching the story at `src` (when there is one) and reports the outcome to the
/// reducer. Returns the effect's cleanup, which makes a late answer for an old address or an
/// unmounted widget fall on the floor.
pub fn fetch_into(
    src: Option<AttrValue>,
    dispatcher: UseReducerDispatcher<State>,
) -> impl FnOnce() {
    let cancelled = Rc::new(Cell::new(false));
    if let Some(src) = src {
        let cancelled = cancelled.clone();
        wasm_bindgen_futures::spawn_local(async move {
            let outcome = fetch_story(&src).await;
            if cancelled.get() {
                return;
            }
            match outcome {
                Ok(story) => dispatcher.dispatch(Action::Loaded(Rc::new(story))),
                Err(details) => dispatcher.dispatch(Action::Failed(Rc::new(LoadFailure {
                    src: src.to_string(),
                    details,
                }))),
            }
        });
    }
    move || cancelled.set(true)
}

async fn fetch_story(src: &str) -> Result<crate::model::Story, Vec<String>> {
    let url = same_origin_url(src).map_err(|e| vec![e])?;
    let response = gloo_net::http::Request::get(&url)
        .send()
        .await
        .map_err(|e| vec![format!("the network request failed: {e}")])?;
    if !response.ok() {
        return Err(vec![format!(
            "the server answered {} {}",
            response.status(),
            response.status_text()
        )]);
    }
    let body = response
        .text()
        .await
        .map_err(|e| vec![format!("the response could not be read: {e}")])?;
    if body.trim_start().starts_with('<') {
        return Err(vec![
            "the server sent a web page, not a story file (is the address right?)".to_owned(),
        ]);
    }
    parse_story(&body).map_err(|errors| errors.0.iter().map(ToString::to_string).collect())
}
