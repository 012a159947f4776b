//! The desk's browser side: reading opened files, downloads, the clipboard, and the work saved in
//! this browser. Nothing here sends anything anywhere: files are read and written in the page.

use js_sys::{Array, Uint8Array};
use serde_json::{json, Value};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use crate::model::{parse_story, Story};

use super::open::OpenedFile;
use super::state::{Problem, SourceText};

/// The largest file the desk reads into memory (the importer refuses far smaller ones itself,
/// with a located message; this only keeps a mistaken drop of a video from filling the tab).
pub const MAX_READ_BYTES: f64 = 64.0 * 1024.0 * 1024.0;

/// Reads the files opened together (from the picker or a drop).
pub async fn read_files(list: Vec<web_sys::File>) -> Result<Vec<OpenedFile>, String> {
    let mut files = Vec::new();
    for file in list {
        let name = file.name();
        if file.size() > MAX_READ_BYTES {
            return Err(format!(
                "{name} is {:.0} MB: far larger than any story workbook (the desk reads files of up to 64 MB)",
                file.size() / 1_048_576.0
            ));
        }
        let buffer = JsFuture::from(file.array_buffer())
            .await
            .map_err(|_| format!("{name} could not be read"))?;
        files.push(OpenedFile {
            name,
            bytes: Uint8Array::new(&buffer).to_vec(),
        });
    }
    Ok(files)
}

/// The bytes of a file of this site (the images' font, fetched when first needed).
pub async fn fetch_bytes(url: &str) -> Result<Vec<u8>, String> {
    let failed = |_| format!("{url} could not be downloaded from the desk's site");
    let window = web_sys::window().ok_or("no window")?;
    let response: web_sys::Response = JsFuture::from(window.fetch_with_str(url))
        .await
        .map_err(failed)?
        .unchecked_into();
    if !response.ok() {
        return Err(format!(
            "{url} could not be downloaded from the desk's site (HTTP {})",
            response.status()
        ));
    }
    let buffer = JsFuture::from(response.array_buffer().map_err(failed)?)
        .await
        .map_err(failed)?;
    Ok(Uint8Array::new(&buffer).to_vec())
}

/// The images' font (DejaVu Sans, `fonts/` of the built site), loaded once per page.
pub async fn load_image_fonts() -> Result<(), String> {
    if crate::images::fonts_ready() {
        return Ok(());
    }
    let regular = fetch_bytes("fonts/DejaVuSans.ttf").await?;
    let bold = fetch_bytes("fonts/DejaVuSans-Bold.ttf").await?;
    crate::images::install_fonts(regular, bold)
}

/// Offers `bytes` to the editor as a download named `name`.
pub fn download(name: &str, mime: &str, bytes: &[u8]) -> Result<(), String> {
    let failed = |_| format!("{name} could not be offered for download");
    let parts = Array::of1(&Uint8Array::from(bytes));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob =
        web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options).map_err(failed)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(failed)?;
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("no document")?;
    let link: web_sys::HtmlAnchorElement = document
        .create_element("a")
        .map_err(failed)?
        .unchecked_into();
    link.set_href(&url);
    link.set_download(name);
    link.click();
    // The browser has taken the file by the time the click returns; the address can go later.
    let revoke = wasm_bindgen::closure::Closure::once_into_js(move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    });
    if let Some(window) = web_sys::window() {
        let _ = window
            .set_timeout_with_callback_and_timeout_and_arguments_0(revoke.unchecked_ref(), 10_000);
    }
    Ok(())
}

/// Calls `last` when the page is left (a reload, a closed tab, a link followed): `pagehide`,
/// which browsers fire in each case, before the next page reads the saved work.
pub fn on_leave(last: impl Fn() + 'static) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let listener = wasm_bindgen::closure::Closure::<dyn Fn()>::new(last);
    let _ = window.add_event_listener_with_callback("pagehide", listener.as_ref().unchecked_ref());
    // The desk lives as long as its page, and so does the listener.
    listener.forget();
}

/// Copies `text` to the clipboard.
pub async fn copy(text: &str) -> Result<(), String> {
    let refused = || "the browser did not allow copying: select the code and copy it".to_owned();
    let navigator = web_sys::window().ok_or_else(refused)?.navigator();
    // Only secure pages (https, localhost) have a clipboard; elsewhere the property is missing.
    if !js_sys::Reflect::has(&navigator, &"clipboard".into()).unwrap_or(false) {
        return Err(refused());
    }
    let clipboard = navigator.clipboard();
    JsFuture::from(clipboard.write_text(text))
        .await
        .map(|_| ())
        .map_err(|_| refused())
}

/// The address of the folder the desk is served from: the widget's folder.
pub fn site_base() -> String {
    web_sys::window()
        .and_then(|w| w.location().href().ok())
        .map(|href| {
            let href = href.split(['?', '#']).next().unwrap_or_default().to_owned();
            match href.rfind('/') {
                Some(cut) => href[..=cut].to_owned(),
                None => href,
            }
        })
        .unwrap_or_default()
}

const SAVED_KEY: &str = "demands-matrix-desk";

/// Work in progress, as saved in this browser.
pub struct Saved {
    pub opened: String,
    pub stem: String,
    /// The last story without problems, if there was one.
    pub story: Option<Story>,
    pub sources: Vec<SourceText>,
    /// Problems of the last thing opened, so a reload lists them again.
    pub problems: Vec<Problem>,
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok()?
}

/// Saves the story, the source texts and the problems of the last thing opened, so a reload (or
/// a crash of the tab) loses nothing. When the browser refuses (storage full or off), the older
/// save is removed, so that a reload cannot quietly bring back an earlier story; the error says
/// so.
pub fn save(
    opened: &str,
    stem: &str,
    story: Option<&Story>,
    sources: &[SourceText],
    problems: &[Problem],
) -> Result<(), String> {
    let saved = json!({
        "opened": opened,
        "stem": stem,
        "story": story.map(Story::to_canonical_json),
        "sources": sources.iter().map(|s| json!({"source": s.source, "text": s.text, "address": s.address})).collect::<Vec<_>>(),
        "problems": problems.iter().map(|p| json!({"place": p.place, "message": p.message, "nearest": p.nearest})).collect::<Vec<_>>(),
    });
    let storage = storage().ok_or("this browser keeps no saved work here (private mode?)")?;
    if storage.set_item(SAVED_KEY, &saved.to_string()).is_err() {
        let _ = storage.remove_item(SAVED_KEY);
        return Err("This browser's storage is full: your work is on screen, but a reload would lose it. Download the story now.".into());
    }
    Ok(())
}

/// The work saved by [`save`], if there is any and it still reads as a valid story.
pub fn restore() -> Option<Saved> {
    let text = storage()?.get_item(SAVED_KEY).ok()??;
    let saved: Value = serde_json::from_str(&text).ok()?;
    let field = |name: &str| saved.get(name).and_then(Value::as_str).map(str::to_owned);
    let story = field("story").and_then(|json| parse_story(&json).ok());
    let list = |name: &str| {
        saved
            .get(name)
            .and_then(Value::as_array)
            .cloned()
            .unwrap_or_default()
    };
    let problems: Vec<Problem> = list("problems")
        .iter()
        .filter_map(|p| {
            Some(Problem {
                place: p.get("place")?.as_str()?.to_owned(),
                message: p.get("message")?.as_str()?.to_owned(),
                nearest: p.get("nearest").and_then(Value::as_str).map(str::to_owned),
            })
        })
        .collect();
    if story.is_none() && problems.is_empty() {
        return None;
    }
    let sources = saved
        .get("sources")
        .and_then(Value::as_array)
        .map(|list| {
            list.iter()
                .filter_map(|s| {
                    Some(SourceText {
                        source: s.get("source")?.as_str()?.to_owned(),
                        text: s.get("text")?.as_str()?.to_owned(),
                        address: s
                            .get("address")
                            .and_then(Value::as_str)
                            .unwrap_or_default()
                            .to_owned(),
                    })
                })
                .collect()
        })
        .unwrap_or_default();
    Some(Saved {
        opened: field("opened").unwrap_or_else(|| "your story".into()),
        stem: super::open::stem_of(&field("stem").unwrap_or_default()),
        story,
        sources,
        problems,
    })
}

/// Logs to the console, for the rare failure with nothing on screen to say it.
pub fn warn(message: &str) {
    web_sys::console::warn_1(&JsValue::from_str(message));
}
