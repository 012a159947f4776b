//! Rendering the widget to HTML ahead of time, so the page shows the whole matrix before (and
//! without) the WebAssembly; the browser then hydrates that markup instead of replacing it.

use yew::{AttrValue, LocalServerRenderer};

use crate::components::view_tabs::view_page;
use crate::components::{App, AppProps};
use crate::model::{parse_story, View, DEFAULT_STORY_JSON};

/// Element id prefix of the standalone page's widget: the first mount point gets `dm1`.
pub const PAGE_UID: &str = "dm1";

/// The built-in story's widget in one view, as HTML that needs no script to read (with the
/// markers Yew needs to hydrate it when the `hydrate` feature is on).
pub async fn render_view(view_id: &str) -> String {
    LocalServerRenderer::<App>::with_props(page_props(view_id, false))
        .hydratable(cfg!(feature = "hydrate"))
        .render()
        .await
}

/// The props of the standalone page's widget for a view; `live` is false when rendering ahead of
/// time and true when the browser hydrates, and nothing else may differ between the two.
pub fn page_props(view_id: &str, live: bool) -> AppProps {
    AppProps {
        uid: AttrValue::Static(PAGE_UID),
        src: None,
        view: Some(AttrValue::from(view_id.to_owned())),
        then_view: None,
        live,
        pages: true,
    }
}

/// One static page per view: file name and view id, all sides first.
pub fn pages() -> Result<Vec<(String, String)>, String> {
    let story = parse_story(DEFAULT_STORY_JSON).map_err(|e| e.to_string())?;
    Ok(View::all(&story)
        .into_iter()
        .map(|view| {
            let id = view.id(&story).to_owned();
            (view_page(&id), id)
        })
        .collect())
}

/// Writes `markup` into the mount point of a built page (`<div data-demands-matrix
/// data-page-params></div>`), marking which view it was rendered for.
pub fn fill_page(page: &str, view_id: &str, markup: &str) -> Result<String, String> {
    const ATTRIBUTE: &str = "data-page-params";
    let at = page
        .find(ATTRIBUTE)
        .ok_or("the page has no <div data-demands-matrix data-page-params> to fill")?;
    let start = page[..at]
        .rfind("<div")
        .ok_or("the mount point is not a <div>")?;
    let end = page[at..]
        .find("></div>")
        .map(|i| at + i + "></div>".len())
        .ok_or("the mount point must be empty: <div data-demands-matrix data-page-params></div>")?;
    Ok(format!(
        "{}<div data-demands-matrix data-page-params data-prerendered=\"{view_id}\">{markup}</div>{}",
        &page[..start],
        &page[end..]
    ))
}

/// The direct-embed module, `widget.js`: a host page loads it once (`<script type="module">`)
/// and every `[data-demands-matrix]` element on the page becomes a widget. It adds the widget's
/// stylesheet and starts the WebAssembly, naming the build's hashed files relative to itself.
/// `files` are the names in the built folder.
pub fn embed_module(files: &[String]) -> Result<String, String> {
    let find = |what: &str, test: &dyn Fn(&str) -> bool| {
        files
            .iter()
            .find(|f| test(f))
            .cloned()
            .ok_or(format!("the build has no {what}"))
    };
    let css = find("stylesheet", &|f| {
        f.starts_with("demands-matrix-") && f.ends_with(".css")
    })?;
    let wasm = find("WebAssembly", &|f| f.ends_with("_bg.wasm"))?;
    let glue = find("JS glue", &|f| {
        f.starts_with("demands-matrix-") && f.ends_with(".js") && !f.ends_with("_bg.js")
    })?;
    Ok(format!(
        r#"//! demands-matrix direct embed (generated at build time): every [data-demands-matrix] element becomes a widget.
const base = new URL(".", import.meta.url);
const link = document.createElement("link");
link.rel = "stylesheet";
link.href = new URL("{css}", base).href;
document.head.append(link);
const glue = await import(new URL("{glue}", base).href);
await glue.default({{ module_or_path: new URL("{wasm}", base) }});
"#
    ))
}
