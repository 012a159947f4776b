//! Rendering the widget to HTML ahead of time, so the page shows the whole matrix before (and
//! without) the WebAssembly; the browser then hydrates that markup instead of replacing it.

use std::rc::Rc;

use yew::{AttrValue, LocalServerRenderer};

use crate::components::view_tabs::view_page;
use crate::components::{App, AppProps, StoryRef};
use crate::dom::Shape;
use crate::model::{parse_story, Story, View, DEFAULT_STORY_JSON};
use page::attr_text;

pub mod page;
#[cfg(feature = "images")]
mod site;
#[cfg(feature = "images")]
pub use site::{story_name, story_site, Build, SiteFile, RESERVED_NAMES, WIDGET};

pub use page::{content_security_policy, head_script, head_script_hash, story_page, PageParts};

/// Element id prefix of the standalone page's widget: the first mount point gets `dm1`.
pub const PAGE_UID: &str = "dm1";

/// The built-in story's widget in one view, as HTML that needs no script to read, with the
/// markers Yew needs to hydrate it.
pub async fn render_view(view_id: &str) -> String {
    render_story_view(&builtin_story(), view_id, false).await
}

/// The built-in story's widget in one view as a direct embed shows it before its WebAssembly
/// runs (widget.js carries it): as [`render_view`], but inside an article (its title an `h2`),
/// with tabs linking to the standalone pages, which widget.js points at the widget's folder.
pub async fn render_embedded_view(view_id: &str) -> String {
    render_story_view(&builtin_story(), view_id, true).await
}

/// `story`'s widget in one view, as the page shows it (`embedded` false) or as a direct embed
/// does before its WebAssembly runs (inside an article, its title an `h2`, its tabs linking to
/// the story's pages beside widget.js). The browser hydrates it with the same props but `live`
/// (`AppProps::prerendered`) and the same story, which the page or widget.js hands it.
pub async fn render_story_view(story: &Rc<Story>, view_id: &str, embedded: bool) -> String {
    let mut props = AppProps::prerendered(
        AttrValue::Static(PAGE_UID),
        AttrValue::from(view_id.to_owned()),
        None,
        false,
    );
    props.story = Some(StoryRef(story.clone()));
    if embedded {
        props.pages_base = Some(AttrValue::Static(""));
    }
    LocalServerRenderer::<App>::with_props(props)
        .hydratable(true)
        .render()
        .await
}

fn builtin_story() -> Rc<Story> {
    // The build refuses an invalid built-in story before it renders (`pages`), and the tests
    // render only the valid one: an invalid one renders as its error, never as a panic.
    Rc::new(parse_story(DEFAULT_STORY_JSON).unwrap_or_else(|_| Story::empty()))
}

/// One static page per view: file name and view id, all sides first.
pub fn pages() -> Result<Vec<(String, String)>, String> {
    let story = parse_story(DEFAULT_STORY_JSON).map_err(|e| e.to_string())?;
    Ok(story_pages(&story))
}

/// `story`'s static pages: file name and view id, all sides first.
pub fn story_pages(story: &Story) -> Vec<(String, String)> {
    View::all(story)
        .into_iter()
        .map(|view| {
            let id = view.id(story).to_owned();
            (view_page(&id), id)
        })
        .collect()
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
/// every widget root of the build that trapped becomes a static message with a reload link
/// (static/loader.js explains).
/// widget.js takes the very code of the standalone page's loader, between its markers, so the
/// two cannot drift apart; widget.js defines `dmRoots(stack)`, the mount points of the build that
/// trapped, where the page's loader names its one WebAssembly file in `wasmFile`.
pub fn crash_handler() -> Result<&'static str, String> {
    const LOADER: &str = include_str!("../../static/loader.js");
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

/// The built-in story as compact JSON that is safe inside a `<script>` element
/// ([`story_json_for_page`]).
pub fn story_for_page() -> Result<String, String> {
    story_json_for_page(DEFAULT_STORY_JSON)
}

/// A story file as compact JSON that is safe inside a `<script>` element: every `<` (which JSON
/// allows only inside strings) is written `\u003c`, so no `</script>` can end it early.
pub fn story_json_for_page(json: &str) -> Result<String, String> {
    let story: serde_json::Value = serde_json::from_str(json).map_err(|e| format!("story: {e}"))?;
    Ok(story.to_string().replace('<', "\\u003c"))
}

/// The data a page carries for its story, as HTML: the story's JSON, which the WebAssembly starts
/// from (`loading::page_story`; the WebAssembly itself does not carry it, and next to the
/// prerendered text it compresses to little), and the strings of its locale ([`page_strings`]).
pub fn story_data(story: &Story, json: &str) -> Result<String, String> {
    Ok(format!(
        r#"<script type="application/json" id="{}">{}</script>{}"#,
        crate::loading::STORY_ELEMENT_ID,
        story_json_for_page(json)?,
        page_strings(story)
    ))
}

/// Writes the built-in story into the page, right after its asset list ([`story_data`]), and
/// sets the page's language to the story's.
pub fn with_story(page: &str) -> Result<String, String> {
    let story = parse_story(DEFAULT_STORY_JSON).map_err(|e| e.to_string())?;
    let end = asset_list(page)?.end + "</script>".len();
    let page = format!(
        "{}{}{}",
        &page[..end],
        story_data(&story, DEFAULT_STORY_JSON)?,
        &page[end..]
    );
    Ok(with_page_language(&page, &story.lang))
}

/// The strings of the story's locale as the page carries them, with its date already in words
/// (`i18n::STRINGS_ELEMENT_ID`, its `data-tag` naming the locale). For English, which the
/// WebAssembly has compiled in, the date alone: the browser then sets up no date formatter.
pub fn page_strings(story: &crate::model::Story) -> String {
    let (tag, json) = strings_for(story);
    format!(
        r#"<script type="application/json" id="{}" data-tag="{tag}">{}</script>"#,
        crate::i18n::STRINGS_ELEMENT_ID,
        json.replace('<', "\\u003c")
    )
}

/// The tag of the story's shipped locale and the JSON its page strings hold ([`page_strings`]);
/// widget.js carries the same, so a direct embed neither fetches them nor formats the date.
pub fn strings_for(story: &crate::model::Story) -> (&'static str, String) {
    let tag = crate::i18n::shipped_tag(&story.lang).unwrap_or("en");
    let strings = crate::i18n::Strings::for_lang(tag);
    let dates = [story.as_of.date.as_str()];
    let json = if tag == "en" {
        strings.to_page_dates_json(&dates)
    } else {
        strings.to_page_json(&dates)
    };
    (tag, json)
}

/// The page's `<html lang>` (and `dir` for a right-to-left language) set to the story's, minified
/// or not.
pub fn with_page_language(page: &str, lang: &str) -> String {
    let rewritten = lol_html::rewrite_str(
        page,
        lol_html::RewriteStrSettings::new().append_element_content_handler(lol_html::element!(
            "html",
            |el| {
                el.set_attribute("lang", lang)?;
                if crate::i18n::direction(lang) == "rtl" {
                    el.set_attribute("dir", "rtl")?;
                }
                Ok(())
            }
        )),
    );
    rewritten.unwrap_or_else(|_| page.to_owned())
}

/// What the desk needs to make a story's pages as the build does (`site.json` in the built
/// site, [`SITE_MANIFEST`]): the built page they are made from, and the names of the files
/// every story's pages share, which its download carries beside them.
#[derive(serde::Serialize, serde::Deserialize)]
pub struct Manifest {
    pub template: String,
    pub files: Vec<String>,
    /// The content-hashed entries of the site's root (`embed.js`, and `widget.js`, the built-in
    /// story's, which a live direct embed loads), by the unhashed name; the desk's embed codes
    /// name them with their integrity.
    #[serde(default)]
    pub entries: std::collections::BTreeMap<String, Entry>,
}

/// The built site's manifest for the desk ([`Manifest`]).
pub const SITE_MANIFEST: &str = "site.json";

/// The files of the built site that every story's pages use: what the built page names (its
/// script, stylesheet and loader, the glue and WebAssembly of both reader builds) and the host
/// script for iframe embeds (`embed.js`).
pub fn shared_files(template: &str) -> Result<Vec<String>, String> {
    let names = std::cell::RefCell::new(Vec::new());
    let add = |value: &str| {
        if let Some(file) = value.strip_prefix("./") {
            let mut names = names.borrow_mut();
            if !names.iter().any(|name| name == file) {
                names.push(file.to_owned());
            }
        }
    };
    lol_html::rewrite_str(
        template,
        lol_html::RewriteStrSettings::new().append_element_content_handler(lol_html::element!(
            "script[src], link[href]",
            |el| {
                for name in ["src", "href"] {
                    if let Some(value) = el.get_attribute(name) {
                        add(&value);
                    }
                }
                Ok(())
            }
        )),
    )
    .map_err(|e| e.to_string())?;
    let std::ops::Range { start, end } = asset_list(template)?;
    let assets: serde_json::Value =
        serde_json::from_str(&template[start..end]).map_err(|e| format!("dm-assets: {e}"))?;
    for list in [&assets, &assets["live"]] {
        for key in ["js", "wasm"] {
            if let Some(name) = list[key].as_str() {
                add(name);
            }
        }
    }
    add("./embed.js");
    Ok(names.into_inner())
}

/// The page's shared files addressed from a folder below them: every `./` name in the asset list
/// (`js`, `wasm` and the live build's) becomes `up` + name. Tags are `page::story_page`'s.
pub fn with_asset_prefix(page: &str, up: &str) -> Result<String, String> {
    if up.is_empty() {
        return Ok(page.to_owned());
    }
    let std::ops::Range { start, end } = asset_list(page)?;
    let mut assets: serde_json::Value =
        serde_json::from_str(&page[start..end]).map_err(|e| format!("dm-assets: {e}"))?;
    fn prefix(list: &mut serde_json::Value, up: &str) {
        if let Some(map) = list.as_object_mut() {
            for (key, value) in map.iter_mut() {
                match value {
                    serde_json::Value::String(name) if key == "js" || key == "wasm" => {
                        if let Some(file) = name.strip_prefix("./") {
                            *name = format!("{up}{file}");
                        }
                    }
                    serde_json::Value::Object(_) => prefix(value, up),
                    _ => {}
                }
            }
        }
    }
    prefix(&mut assets, up);
    Ok(format!("{}{assets}{}", &page[..start], &page[end..]))
}

/// An embed way's entry file under a content-hashed name, with its integrity, for embed codes
/// that name both (docs/embedding.md "Integrity"): `file` is `<stem>-<16 hex digits>.js`.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Entry {
    pub file: String,
    pub integrity: String,
}

impl Entry {
    /// The entry for `bytes`, a file named `<stem>.js` (`widget`, `embed`).
    pub fn of(stem: &str, bytes: &[u8]) -> Entry {
        use sha2::Digest;
        let digest = sha2::Sha256::digest(bytes);
        let hex: String = digest[..8].iter().map(|b| format!("{b:02x}")).collect();
        Entry {
            file: format!("{stem}-{hex}.js"),
            integrity: integrity(bytes),
        }
    }
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

/// The second reader build, with live stories (`scripts/build-live`: `live-<hash>.js` and
/// `live-<hash>.wasm` among `files`), as the loaders take it: names and integrities, `None` when
/// the build has neither file. docs/live-stories.md: only a page that asks for a live story
/// loads it.
pub fn live_assets(
    files: &[String],
    read: impl Fn(&str) -> Result<Vec<u8>, String>,
) -> Result<Option<serde_json::Value>, String> {
    let find = |ext: &str| {
        files
            .iter()
            .find(|f| f.starts_with("live-") && f.ends_with(ext))
    };
    match (find(".js"), find(".wasm")) {
        (None, None) => Ok(None),
        (Some(js), Some(wasm)) => Ok(Some(serde_json::json!({
            "js": format!("./{js}"),
            "jsi": integrity(&read(js)?),
            "wasm": format!("./{wasm}"),
            "wasmi": integrity(&read(wasm)?),
        }))),
        _ => Err("the live build has its JS glue or its WebAssembly, not both".to_owned()),
    }
}

/// Adds the live build's assets ([`live_assets`]) to the page's asset list as `live`, for the
/// loader to take instead of the default build's when the page asks for a live story.
pub fn with_live_assets(page: &str, live: Option<&serde_json::Value>) -> Result<String, String> {
    let Some(live) = live else {
        return Ok(page.to_owned());
    };
    let std::ops::Range { start, end } = asset_list(page)?;
    let mut assets: serde_json::Map<String, serde_json::Value> =
        serde_json::from_str(&page[start..end]).map_err(|e| format!("dm-assets: {e}"))?;
    assets.insert("live".to_owned(), live.clone());
    let list = serde_json::to_string(&assets).map_err(|e| e.to_string())?;
    Ok(format!("{}{list}{}", &page[..start], &page[end..]))
}

/// Which story a `widget.js` carries, and where it sits in the site.
pub struct Embed<'a> {
    pub story: &'a Story,
    /// The story's file, as [`story_json_for_page`] takes it.
    pub json: &'a str,
    /// The story's name (its folder), which `<demands-matrix story="…">` names; `""` for the
    /// built-in story at the site's root.
    pub name: &'a str,
    /// The path from widget.js's folder to the build's shared files (`""` or `"../"`).
    pub up: &'a str,
}

/// The direct-embed module, `widget.js`: a host page loads it once (`<script type="module">`)
/// and every `<demands-matrix>` and `[data-demands-matrix]` element, now or later, becomes a
/// widget in its own shadow root (`static/widget.template.js` is the code). It carries what a
/// widget needs before the WebAssembly: the stylesheet made for shadow roots ([`shadow_css`]),
/// its story, that story's locale's page strings ([`strings_for`]) and its prerendered `views`
/// (view id and markup, as the pages hold them), and names the build's hashed glue and
/// WebAssembly relative to itself, with their integrity. `files` are the names in the built
/// folder.
pub fn embed_module(
    files: &[String],
    read: impl Fn(&str) -> Result<Vec<u8>, String>,
    views: &[(String, String)],
    embed: &Embed,
) -> Result<String, String> {
    const TEMPLATE: &str = include_str!("../../static/widget.template.js");
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
    let wasm = find("WebAssembly", &|f| {
        f.starts_with("demands-matrix-") && f.ends_with("_bg.wasm")
    })?;
    let glue = find("JS glue", &|f| {
        f.starts_with("demands-matrix-") && f.ends_with(".js") && !f.ends_with("_bg.js")
    })?;
    let css = String::from_utf8(read(&css)?).map_err(|_| format!("{css} is not UTF-8"))?;
    let t = crate::i18n::Strings::for_lang(&embed.story.lang);
    let (strings_tag, strings) = strings_for(embed.story);
    let views: serde_json::Map<String, serde_json::Value> = views
        .iter()
        .map(|(id, markup)| {
            (
                id.clone(),
                serde_json::json!([markup, markup_shape(markup)]),
            )
        })
        .collect();
    let up = embed.up;
    let live = live_assets(files, &read)?.map(|mut live| {
        for key in ["js", "wasm"] {
            if let Some(serde_json::Value::String(name)) = live.get_mut(key) {
                *name = format!("{up}{}", name.trim_start_matches("./"));
            }
        }
        live
    });
    let build = serde_json::json!({
        "name": embed.name,
        "live": live,
        "wasm": format!("{up}{wasm}"),
        "wasmIntegrity": integrity(&read(&wasm)?),
        "glue": format!("{up}{glue}"),
        "glueIntegrity": integrity(&read(&glue)?),
        "css": shadow_css(&css)?,
        "story": story_json_for_page(embed.json)?,
        "strings": { "tag": strings_tag, "json": strings },
        "views": views,
        "text": {
            "loading": t.text("loading"),
            "failed": t.text("not-loaded"),
            "noProgram": t.text("no-program"),
        },
    });
    let build = build.to_string();
    let fill = |template: &str, marker: &str, with: &str| {
        template
            .contains(marker)
            .then(|| template.replacen(marker, with, 1))
            .ok_or(format!(
                "static/widget.template.js lost its {marker} marker"
            ))
    };
    let module = fill(TEMPLATE, "/* build data */ {}", &build)?;
    let module = fill(&module, "/* crash handler */", crash_handler()?)?;
    Ok(without_comment_lines(&module))
}

/// The module without its whole-line `//` comments (the first line, `//!`, which says what the
/// file is, stays). They are for the project's readers; the content-hashed `widget-….js`, which
/// no minifier touches (docs/embedding.md "Integrity"), would carry them to every reader. Only whole lines
/// go: the template's code and the build's data (one line each) never start with `//`.
fn without_comment_lines(module: &str) -> String {
    let mut lines = module.lines();
    let first = lines.next().unwrap_or_default();
    let mut out = String::with_capacity(module.len());
    out.push_str(first);
    out.push('\n');
    for line in lines.filter(|line| !line.trim_start().starts_with("//")) {
        out.push_str(line);
        out.push('\n');
    }
    out
}

/// The widget's stylesheet as a shadow root needs it. The host element is reset to a plain block
/// at the reader's default text size (`:host`); only the text size is important: the page's own
/// rules on the element win for its box (display, visibility, width, margins, position), and
/// what they set that the widget's insides would inherit (word spacing, alignment) stops at the
/// mount point (`.dm-mount`, reset again), while a hidden ancestor still hides it (`inherit`);
/// every `rem` becomes a multiple of `--dm-rem`, which widget.js sets to that size, so a host
/// page's `html { font-size: 62.5% }` cannot shrink the widget (in container query conditions,
/// which take no custom properties, `em` of the widget's root stands in); and the `--dm-*`
/// tokens move from `.dm` to `:host`, where a host page's rule on the element overrides them:
/// the only way in for theming (docs/embedding.md "Theming").
pub fn shadow_css(css: &str) -> Result<String, String> {
    let css = strip_comments(css);
    let css = rem_to_custom_unit(&css);
    let (rule, body) = root_rule(&css).ok_or("the stylesheet has no `.dm { … }` rule")?;
    let (mut tokens, mut rest) = (String::new(), String::new());
    for declaration in split_declarations(&css[body.clone()]) {
        let out = if declaration.trim_start().starts_with("--dm-") {
            &mut tokens
        } else {
            &mut rest
        };
        out.push_str(declaration.trim());
        out.push(';');
    }
    Ok(format!(
        ":host{{all:initial;display:block;visibility:inherit;font-size:medium!important;--dm-rem:16px;{tokens}}}:host([hidden]){{display:none!important}}.dm-mount{{all:initial;display:block;visibility:inherit}}{}.dm{{{rest}}}{}",
        &css[..rule.start],
        &css[rule.end..]
    ))
}

fn strip_comments(css: &str) -> String {
    let mut out = String::with_capacity(css.len());
    let mut rest = css;
    while let Some(at) = rest.find("/*") {
        out.push_str(&rest[..at]);
        rest = rest[at + 2..]
            .find("*/")
            .map_or("", |end| &rest[at + 2 + end + 2..]);
    }
    out.push_str(rest);
    out
}

/// `0.5rem` → `calc(0.5*var(--dm-rem))`, and `40rem` → `40em` in an `@container` condition.
fn rem_to_custom_unit(css: &str) -> String {
    let bytes = css.as_bytes();
    let mut out = String::with_capacity(css.len() * 2);
    let mut in_container_condition = false;
    let mut copied = 0;
    let mut at = 0;
    while at < bytes.len() {
        if bytes[at..].starts_with(b"@container") {
            in_container_condition = true;
        } else if bytes[at] == b'{' {
            in_container_condition = false;
        }
        let number_starts = (bytes[at].is_ascii_digit() || bytes[at] == b'.')
            && !at
                .checked_sub(1)
                .is_some_and(|b| bytes[b].is_ascii_alphanumeric() || bytes[b] == b'.');
        if !number_starts {
            at += 1;
            continue;
        }
        let end = at
            + css[at..]
                .find(|c: char| !(c.is_ascii_digit() || c == '.'))
                .unwrap_or(css.len() - at);
        let unit_ends = end + 3;
        let is_rem = css[end..].starts_with("rem")
            && !bytes
                .get(unit_ends)
                .is_some_and(|b| b.is_ascii_alphanumeric() || *b == b'-' || *b == b'_');
        if !is_rem {
            at = end;
            continue;
        }
        // A sign written against the number belongs to it.
        let start = if at > 0
            && bytes[at - 1] == b'-'
            && (at < 2 || !bytes[at - 2].is_ascii_alphanumeric() && bytes[at - 2] != b'-')
        {
            at - 1
        } else {
            at
        };
        out.push_str(&css[copied..start]);
        let number = &css[start..end];
        if in_container_condition {
            out.push_str(number);
            out.push_str("em");
        } else {
            out.push_str(&format!("calc({number}*var(--dm-rem))"));
        }
        copied = unit_ends;
        at = unit_ends;
    }
    out.push_str(&css[copied..]);
    out
}

/// The byte range of the top-level rule whose selector is exactly `.dm`, and of its body.
fn root_rule(css: &str) -> Option<(std::ops::Range<usize>, std::ops::Range<usize>)> {
    let mut depth = 0usize;
    let mut selector_start = 0;
    for (at, c) in css.char_indices() {
        match c {
            '{' => {
                if depth == 0 && css[selector_start..at].trim() == ".dm" {
                    let close = at + css[at..].find('}')?;
                    let start = selector_start
                        + (css[selector_start..at].len()
                            - css[selector_start..at].trim_start().len());
                    return Some((start..close + 1, at + 1..close));
                }
                depth += 1;
            }
            '}' => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    selector_start = at + 1;
                }
            }
            ';' if depth == 0 => selector_start = at + 1,
            _ => {}
        }
    }
    None
}

/// The declarations of a rule's body, split at semicolons outside parentheses and quotes.
fn split_declarations(body: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let (mut depth, mut quote, mut start) = (0i32, None, 0);
    for (at, c) in body.char_indices() {
        match (c, quote) {
            ('"' | '\'', None) => quote = Some(c),
            (q, Some(open)) if q == open => quote = None,
            (_, Some(_)) => {}
            ('(', None) => depth += 1,
            (')', None) => depth -= 1,
            (';', None) if depth == 0 => {
                out.push(&body[start..at]);
                start = at + 1;
            }
            _ => {}
        }
    }
    out.push(&body[start..]);
    out.retain(|d| !d.trim().is_empty());
    out
}

/// The site's public address from the build setting `DM_PUBLIC_URL` (docs/images.md), with
/// a final `/`: share tags need absolute addresses, since a social network reads them on its own
/// servers. Unset or empty gives `""`, and the tags are relative to the page (useful for a
/// preview; networks will not show the card until the setting is given).
pub fn public_base(setting: Option<&str>) -> Result<String, String> {
    let Some(url) = setting.map(str::trim).filter(|url| !url.is_empty()) else {
        return Ok(String::new());
    };
    // A folder's address: scheme, host, path; no query or fragment (the file names are
    // appended to it), nothing an HTML attribute or a crawler would read otherwise.
    let host = url
        .split_once("://")
        .map_or("", |(_, rest)| rest.split('/').next().unwrap_or(""));
    let odd = |c: char| c.is_whitespace() || c.is_control() || "\"'<>?#\\".contains(c);
    if !crate::model::is_web_url(url) || host.is_empty() || url.contains(odd) {
        return Err(format!(
            "DM_PUBLIC_URL must be the http(s) address of the site's folder, with no query or fragment, such as https://graphics.example.org/talks/; got {url:?}"
        ));
    }
    Ok(if url.ends_with('/') {
        url.to_owned()
    } else {
        format!("{url}/")
    })
}

/// What a page's share tags (Open Graph, and X's large card) say.
#[cfg(feature = "images")]
#[derive(Clone, Debug, PartialEq)]
pub struct ShareTags {
    pub title: String,
    pub description: String,
    /// The page's own address.
    pub url: String,
    /// The share card's address, its size in pixels and its text alternative.
    pub image: String,
    pub width: u32,
    pub height: u32,
    pub alt: String,
}

#[cfg(feature = "images")]
impl ShareTags {
    /// The tags of the page `file` showing `view`, whose card is `images/<card>`.
    pub fn for_view(
        story: &crate::model::Story,
        view: View,
        base: &str,
        file: &str,
        card: &str,
        alt: &str,
    ) -> ShareTags {
        let t = crate::i18n::Strings::for_lang(&story.lang);
        let title = crate::model::describe::headline(&t, story, view);
        // The all-sides page is the folder's index: its address is the folder's.
        let url = match (file, base.is_empty()) {
            ("index.html", false) => base.to_owned(),
            _ => format!("{base}{file}"),
        };
        ShareTags {
            title,
            description: story.standfirst.clone(),
            url,
            image: format!("{base}{IMAGES_DIR}/{card}"),
            width: crate::images::CARD_WIDTH,
            height: crate::images::CARD_HEIGHT,
            alt: alt.to_owned(),
        }
    }
}

/// The folder of the built site that holds the images ([`site_images`]).
pub const IMAGES_DIR: &str = "images";

/// Writes the share tags into a built page, after its `<title>`: `og:title`, `og:description`,
/// `og:url`, `og:image` with its width, height and alt, and `twitter:card`. Only these: every
/// byte of the page is one a reader downloads.
#[cfg(feature = "images")]
pub fn with_share_tags(page: &str, tags: &ShareTags) -> Result<String, String> {
    let at = page
        .find("</title>")
        .ok_or("the page has no <title> to put its share tags after")?
        + "</title>".len();
    Ok(format!(
        "{}{}{}",
        &page[..at],
        share_tags_html(tags),
        &page[at..]
    ))
}

/// The share tags as HTML ([`with_share_tags`]).
#[cfg(feature = "images")]
pub fn share_tags_html(tags: &ShareTags) -> String {
    let property = |name: &str, value: &str| {
        format!(r#"<meta property="{name}" content="{}">"#, attr_text(value))
    };
    [
        property("og:title", &tags.title),
        property("og:description", &tags.description),
        property("og:url", &tags.url),
        property("og:image", &tags.image),
        property("og:image:width", &tags.width.to_string()),
        property("og:image:height", &tags.height.to_string()),
        property("og:image:alt", &tags.alt),
        r#"<meta name="twitter:card" content="summary_large_image">"#.to_owned(),
    ]
    .concat()
}

/// One file of the built site's `images/` folder.
#[cfg(feature = "images")]
pub struct SiteImage {
    pub file: String,
    pub bytes: Vec<u8>,
}

/// One entry of `images/images.json`, the list a newsroom's CMS or the Apple News export reads.
#[cfg(feature = "images")]
#[derive(serde::Serialize)]
pub struct ImageEntry {
    pub view: String,
    pub kind: &'static str,
    pub png: String,
    pub svg: String,
    /// The PNG's size in pixels.
    pub width: u32,
    pub height: u32,
    pub alt: String,
    pub description: String,
}

/// Every view's share card and full image, PNG and SVG, and the list of them
/// (`images.json`). Fails when the bundled font lacks a character of the story, so a build
/// never ships a card with empty boxes.
#[cfg(feature = "images")]
pub fn site_images(
    story: &crate::model::Story,
) -> Result<(Vec<SiteImage>, Vec<ImageEntry>), String> {
    use crate::images::{draw, file_name, png, Kind, Theme};
    let mut files = Vec::new();
    let mut entries = Vec::new();
    for view in View::all(story) {
        let id = view.id(story).to_owned();
        for kind in [Kind::Card, Kind::Full] {
            let picture = draw(story, view, kind, Theme::Light).map_err(|e| e.to_string())?;
            let (width, height) = picture.png_size();
            let (png_name, svg_name) = (file_name(kind, &id, "png"), file_name(kind, &id, "svg"));
            files.push(SiteImage {
                file: png_name.clone(),
                bytes: png(&picture).map_err(|e| e.to_string())?,
            });
            files.push(SiteImage {
                file: svg_name.clone(),
                bytes: picture.svg.clone().into_bytes(),
            });
            entries.push(ImageEntry {
                view: id.clone(),
                kind: kind.id(),
                png: png_name,
                svg: svg_name,
                width,
                height,
                alt: picture.alt,
                description: picture.description,
            });
        }
    }
    Ok((files, entries))
}
