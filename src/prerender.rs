//! Rendering the widget to HTML ahead of time, so the page shows the whole matrix before (and
//! without) the WebAssembly; the browser then hydrates that markup instead of replacing it.

use yew::{AttrValue, LocalServerRenderer};

use crate::components::view_tabs::view_page;
use crate::components::{App, AppProps};
use crate::dom::Shape;
use crate::model::{parse_story, View, DEFAULT_STORY_JSON};

/// Element id prefix of the standalone page's widget: the first mount point gets `dm1`.
pub const PAGE_UID: &str = "dm1";

/// The built-in story's widget in one view, as HTML that needs no script to read, with the
/// markers Yew needs to hydrate it.
pub async fn render_view(view_id: &str) -> String {
    LocalServerRenderer::<App>::with_props(AppProps::prerendered(
        AttrValue::Static(PAGE_UID),
        AttrValue::from(view_id.to_owned()),
        None,
        false,
    ))
    .hydratable(true)
    .render()
    .await
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
/// data-page-params></div>`), marking which view it was rendered for and the markup's shape
/// ([`markup_shape`]), which the browser checks before it hydrates.
pub fn fill_page(page: &str, view_id: &str, markup: &str) -> Result<String, String> {
    // The whole tag, not the attribute alone: a dev build keeps the comment that names it.
    const TAG: &str = "<div data-demands-matrix data-page-params";
    let start = page
        .find(TAG)
        .ok_or("the page has no <div data-demands-matrix data-page-params> to fill")?;
    let at = start + TAG.len();
    let end = page[at..]
        .find("></div>")
        .map(|i| at + i + "></div>".len())
        .ok_or("the mount point must be empty: <div data-demands-matrix data-page-params></div>")?;
    Ok(format!(
        "{}<div data-demands-matrix data-page-params data-prerendered=\"{view_id}\" data-shape=\"{}\">{markup}</div>{}",
        &page[..start],
        markup_shape(markup),
        &page[end..]
    ))
}

/// The [`Shape`] of `markup`, which the browser checks before it hydrates. Yew's server
/// renderer escapes `<` in text and attribute values, so in its output a `<` opens a tag or a
/// comment and nothing else.
pub fn markup_shape(markup: &str) -> String {
    let mut shape = Shape::default();
    let mut rest = markup;
    while let Some(at) = rest.find('<') {
        rest = &rest[at + 1..];
        if let Some(comment) = rest.strip_prefix("!--") {
            shape.comment();
            rest = comment.find("-->").map_or("", |end| &comment[end + 3..]);
        } else if rest.starts_with(|c: char| c.is_ascii_alphabetic()) {
            let end = rest
                .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-'))
                .unwrap_or(rest.len());
            shape.element(&rest[..end].to_ascii_lowercase());
        }
    }
    shape.to_string()
}

/// What a page does when the WebAssembly traps (a Rust panic aborts at once in release builds):
/// every widget root becomes a static message with a reload link (static/loader.js explains).
/// widget.js takes the very code of the standalone page's loader, between its markers, so the
/// two cannot drift apart; it expects `wasmFile` to name the WebAssembly file.
pub fn crash_handler() -> Result<&'static str, String> {
    const LOADER: &str = include_str!("../static/loader.js");
    const START: &str = "// crash handler: start\n";
    let start = LOADER
        .find(START)
        .ok_or("static/loader.js lost its crash handler")?
        + START.len();
    let end = LOADER
        .find("// crash handler: end")
        .ok_or("static/loader.js: crash handler not closed")?;
    LOADER
        .get(start..end)
        .ok_or_else(|| "static/loader.js: crash handler markers out of order".to_owned())
}

/// The built-in story as compact JSON that is safe inside a `<script>` element: every `<` (which
/// JSON allows only inside strings) is written `\u003c`, so no `</script>` can end it early.
pub fn story_for_page() -> Result<String, String> {
    let story: serde_json::Value =
        serde_json::from_str(DEFAULT_STORY_JSON).map_err(|e| format!("built-in story: {e}"))?;
    Ok(story.to_string().replace('<', "\\u003c"))
}

/// Writes the built-in story into the page, right after its asset list, as the data the
/// WebAssembly starts from (`embed::page_story`): the WebAssembly itself does not carry it, and
/// next to the prerendered text it compresses to little.
pub fn with_story(page: &str) -> Result<String, String> {
    let end = asset_list(page)?.end + "</script>".len();
    Ok(format!(
        r#"{}<script type="application/json" id="dm-story">{}</script>{}"#,
        &page[..end],
        story_for_page()?,
        &page[end..]
    ))
}

/// Subresource integrity value (`sha384-…`) of a file's bytes.
pub fn integrity(bytes: &[u8]) -> String {
    use base64::Engine;
    use sha2::Digest;
    let digest = sha2::Sha384::digest(bytes);
    format!(
        "sha384-{}",
        base64::engine::general_purpose::STANDARD.encode(digest)
    )
}

/// The value of attribute `name` in `tag` (the text of one start tag), quoted or not, with its
/// byte range in `tag`.
fn attribute<'a>(tag: &'a str, name: &str) -> Option<(&'a str, std::ops::Range<usize>)> {
    let mut from = 0;
    while let Some(found) = tag[from..].find(name) {
        let at = from + found;
        from = at + name.len();
        let before = tag[..at].chars().next_back();
        if !before.is_some_and(char::is_whitespace) || !tag[from..].starts_with('=') {
            continue;
        }
        let start = from + 1;
        let (start, end) = match tag[start..].chars().next() {
            Some(quote @ ('"' | '\'')) => {
                let end = tag[start + 1..].find(quote)? + start + 1;
                (start + 1, end)
            }
            _ => {
                let end = tag[start..]
                    .find(|c: char| c.is_whitespace() || c == '>')
                    .map_or(tag.len(), |e| start + e);
                (start, end)
            }
        };
        return Some((&tag[start..end], start..end));
    }
    None
}

/// Recomputes every `integrity` attribute of the page's `<script src>` and `<link href>` tags
/// from the built files: the hook minifies the loader after Trunk hashed it.
pub fn refresh_integrity(
    page: &str,
    read: impl Fn(&str) -> Result<Vec<u8>, String>,
) -> Result<String, String> {
    let mut out = String::with_capacity(page.len());
    let mut rest = page;
    while let Some(open) = rest.find('<') {
        let close = rest[open..].find('>').map_or(rest.len(), |c| open + c + 1);
        let tag = &rest[open..close];
        out.push_str(&rest[..open]);
        let file = attribute(tag, "src").or_else(|| attribute(tag, "href"));
        match (attribute(tag, "integrity"), file) {
            // Another site's file: its hash is its author's to give.
            (Some(_), Some((file, _))) if file.contains("//") => out.push_str(tag),
            (Some((_, range)), Some((file, _))) => {
                out.push_str(&tag[..range.start]);
                out.push_str(&integrity(&read(file)?));
                out.push_str(&tag[range.end..]);
            }
            // A hash that cannot be checked would break the page once a file changed.
            (Some(_), None) => return Err(format!("cannot tell which file {tag} hashes")),
            _ => out.push_str(tag),
        }
        rest = &rest[close..];
    }
    out.push_str(rest);
    Ok(out)
}

/// Where the JSON of the page's asset list (`<script type="application/json" id="dm-assets">`,
/// written by Trunk) starts and ends; its `</script>` follows at the end.
fn asset_list(page: &str) -> Result<std::ops::Range<usize>, String> {
    // Trunk may have minified the tag (`<script id=dm-assets type=application/json>`).
    let tag = page
        .find("id=dm-assets")
        .or_else(|| page.find("id=\"dm-assets\""))
        .ok_or("the page has no dm-assets list")?;
    let start = tag
        + page[tag..]
            .find('>')
            .ok_or("the dm-assets tag is not closed")?
        + 1;
    let end = start
        + page[start..]
            .find("</script>")
            .ok_or("the dm-assets list is not closed")?;
    Ok(start..end)
}

/// Adds the integrity of the JS glue (`jsi`) and of the WebAssembly (`wasmi`) to the page's
/// asset list (`<script type="application/json" id="dm-assets">`, written by Trunk), so the
/// loader fetches both with `integrity`: a tampered file on a CDN then never runs.
/// `read` gives the bytes of a built file by its name in the page (`./demands-matrix-….js`).
pub fn with_integrity(
    page: &str,
    read: impl Fn(&str) -> Result<Vec<u8>, String>,
) -> Result<String, String> {
    let std::ops::Range { start, end } = asset_list(page)?;
    let mut assets: serde_json::Map<String, serde_json::Value> =
        serde_json::from_str(&page[start..end]).map_err(|e| format!("dm-assets: {e}"))?;
    for (file, key) in [("js", "jsi"), ("wasm", "wasmi")] {
        let name = assets
            .get(file)
            .and_then(|v| v.as_str())
            .ok_or(format!("dm-assets has no \"{file}\""))?;
        let hash = integrity(&read(name)?);
        assets.insert(key.to_owned(), hash.into());
    }
    let list = serde_json::to_string(&assets).map_err(|e| e.to_string())?;
    Ok(format!("{}{list}{}", &page[..start], &page[end..]))
}

/// The direct-embed module, `widget.js`: a host page loads it once (`<script type="module">`)
/// and every `[data-demands-matrix]` element on the page becomes a widget. It adds the widget's
/// stylesheet and starts the WebAssembly, naming the build's hashed files relative to itself.
/// `files` are the names in the built folder.
pub fn embed_module(
    files: &[String],
    read: impl Fn(&str) -> Result<Vec<u8>, String>,
) -> Result<String, String> {
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
    let story = serde_json::to_string(&story_for_page()?).map_err(|e| e.to_string())?;
    let crash = crash_handler()?;
    let (css_integrity, glue_integrity, wasm_integrity) = (
        integrity(&read(&css)?),
        integrity(&read(&glue)?),
        integrity(&read(&wasm)?),
    );
    Ok(format!(
        r#"//! demands-matrix direct embed (generated at build time): every [data-demands-matrix] element becomes a widget.
// Every file is fetched with its integrity: a tampered copy never applies or runs.
const base = new URL(".", import.meta.url);
const link = document.createElement("link");
link.rel = "stylesheet";
link.crossOrigin = "anonymous";
link.integrity = "{css_integrity}";
link.href = new URL("{css}", base).href;
document.head.append(link);
const wasmFile = "{wasm}";
{crash}
// The built-in story, for widgets without data-src (the WebAssembly does not carry it).
if (!document.getElementById("dm-story")) {{
  const story = document.createElement("script");
  story.type = "application/json";
  story.id = "dm-story";
  story.textContent = {story};
  document.head.append(story);
}}
const wasm = fetch(new URL(wasmFile, base), {{ integrity: "{wasm_integrity}" }});
// import() cannot carry an integrity; a module preload of the same file can, and the import then
// uses what it fetched. Browsers without modulepreload (Safari < 17) import unchecked.
const glueUrl = new URL("{glue}", base).href;
const preload = document.createElement("link");
if (preload.relList.supports("modulepreload")) {{
  await new Promise((loaded, failed) => {{
    preload.rel = "modulepreload";
    preload.href = glueUrl;
    preload.integrity = "{glue_integrity}";
    preload.onload = loaded;
    preload.onerror = failed;
    document.head.append(preload);
  }});
}}
const glue = await import(glueUrl);
await glue.default({{ module_or_path: wasm }});
"#
    ))
}
