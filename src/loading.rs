//! Loading stories, below the components and free of their state: the built-in story a page
//! carries, and story files fetched from the same site.

#[cfg(target_arch = "wasm32")]
use std::cell::Cell;
#[cfg(target_arch = "wasm32")]
use std::rc::Rc;

#[cfg(target_arch = "wasm32")]
use wasm_bindgen::JsCast;
#[cfg(target_arch = "wasm32")]
use wasm_bindgen_futures::JsFuture;
#[cfg(target_arch = "wasm32")]
use yew::AttrValue;

#[cfg(target_arch = "wasm32")]
use crate::model::{parse_story, too_large, Story};

/// The built-in story's JSON: from the page in the browser (the build writes it there, and
/// widget.js adds it to host pages), compiled in everywhere else.
pub fn builtin_story_json() -> Option<std::borrow::Cow<'static, str>> {
    #[cfg(target_arch = "wasm32")]
    return page_story().map(std::borrow::Cow::Owned);
    #[cfg(not(target_arch = "wasm32"))]
    Some(std::borrow::Cow::Borrowed(crate::model::DEFAULT_STORY_JSON))
}

/// Id of the element that carries the built-in story's JSON in a page (`prerender::with_story`).
pub const STORY_ELEMENT_ID: &str = "dm-story";

#[cfg(target_arch = "wasm32")]
/// The built-in story's JSON, from the page's `<script type="application/json" id="dm-story">`.
pub fn page_story() -> Option<String> {
    web_sys::window()?
        .document()?
        .get_element_by_id(STORY_ELEMENT_ID)?
        .text_content()
}

#[cfg(target_arch = "wasm32")]
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

#[cfg(target_arch = "wasm32")]
/// Starts fetching the story at `src` (when there is one) and hands the outcome to `done`.
/// Returns the effect's cleanup, which makes a late answer for an old address or an unmounted
/// widget fall on the floor.
pub fn fetch_into(
    src: Option<AttrValue>,
    done: yew::Callback<Result<Story, Vec<String>>>,
) -> impl FnOnce() {
    let cancelled = Rc::new(Cell::new(false));
    if let Some(src) = src {
        let cancelled = cancelled.clone();
        wasm_bindgen_futures::spawn_local(async move {
            let outcome = fetch_story(&src).await;
            if !cancelled.get() {
                done.emit(outcome);
            }
        });
    }
    move || cancelled.set(true)
}

/// How long a story may take to arrive, headers and body, before the widget gives up. The
/// request is aborted then, so a late answer can never replace the error a reader has seen.
pub const FETCH_TIMEOUT_MS: u32 = 10_000;

#[cfg(target_arch = "wasm32")]
async fn fetch_story(src: &str) -> Result<Story, Vec<String>> {
    let url = same_origin_url(src).map_err(|e| vec![e])?;
    let signal = web_sys::AbortSignal::timeout_with_u32(FETCH_TIMEOUT_MS);
    let failed = |what: &str| {
        vec![if signal.aborted() {
            "the server sent no story within 10 seconds".to_owned()
        } else {
            what.to_owned()
        }]
    };
    let network = || failed("the network request failed (offline, or the server did not answer)");
    let window = web_sys::window().ok_or_else(network)?;
    let init = web_sys::RequestInit::new();
    init.set_signal(Some(&signal));
    let response: web_sys::Response = JsFuture::from(window.fetch_with_str_and_init(&url, &init))
        .await
        .map_err(|_| network())?
        .dyn_into()
        .map_err(|_| network())?;
    if !response.ok() {
        return Err(vec![format!(
            "the server answered {} {}",
            response.status(),
            response.status_text()
        )]);
    }
    // Refused before the download when the server says the size (cancelling the body, which
    // would otherwise stream on until the timeout); the parser checks the body itself.
    let announced = response.headers().get("content-length").ok().flatten();
    if let Some(message) = announced
        .and_then(|length| length.parse().ok())
        .and_then(too_large)
    {
        if let Some(body) = response.body() {
            let _ = body.cancel();
        }
        return Err(vec![message]);
    }
    let unreadable = || failed("the response could not be read");
    let body = JsFuture::from(response.text().map_err(|_| unreadable())?)
        .await
        .map_err(|_| unreadable())?
        .as_string()
        .ok_or_else(unreadable)?;
    if body.trim_start().starts_with('<') {
        return Err(vec![
            "the server sent a web page, not a story file (is the address right?)".to_owned(),
        ]);
    }
    parse_story(&body).map_err(|errors| errors.0.iter().map(ToString::to_string).collect())
}

#[cfg(target_arch = "wasm32")]
/// Reads the strings a page carries for its built-in story (`<script type="application/json"
/// id="dm-strings" data-tag="uk">`, written by the build): a locale's messages, registered
/// once, and the story's date in words, remembered so that no date formatter is set up.
pub fn page_strings(lang: &str) {
    use crate::i18n::{known, register, shipped_tag, Strings, STRINGS_ELEMENT_ID};
    let tag = shipped_tag(lang).unwrap_or("en");
    // English is compiled in; its page element brings the date in words only. Another locale
    // is read once.
    if tag != "en" && known(lang) {
        return;
    }
    // Only the page's own locale: a host's `lang` may ask for another one than the page carries.
    let json = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(STRINGS_ELEMENT_ID))
        .filter(|element| element.get_attribute("data-tag").as_deref() == Some(tag))
        .and_then(|element| element.text_content());
    if let Some(Ok(strings)) = json.map(|json| Strings::parse(tag, &json)) {
        if tag != "en" {
            register(strings);
        }
    }
}

#[cfg(target_arch = "wasm32")]
/// Fetches and registers the strings of the shipped locale for `lang` from `locales/<tag>.json`
/// in the widget's folder (`base`, else beside the page), unless they are known already. On
/// failure the widget keeps speaking English, which is compiled in.
pub async fn fetch_strings(base: Option<String>, lang: String) {
    use crate::i18n::{known, register, shipped_tag, Strings, LOCALES_DIR};
    let Some(tag) = shipped_tag(&lang).filter(|_| !known(&lang)) else {
        return;
    };
    let url = format!("{}{LOCALES_DIR}/{tag}.json", base.unwrap_or_default());
    let Some(window) = web_sys::window() else {
        return;
    };
    let Ok(response) = JsFuture::from(window.fetch_with_str(&url)).await else {
        return;
    };
    let Ok(response) = response.dyn_into::<web_sys::Response>() else {
        return;
    };
    if !response.ok() {
        return;
    }
    let Ok(text) = response.text() else {
        return;
    };
    if let Some(json) = JsFuture::from(text).await.ok().and_then(|t| t.as_string()) {
        if let Ok(strings) = Strings::parse(tag, &json) {
            register(strings);
        }
    }
}
