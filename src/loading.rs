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

use crate::model::Story;
#[cfg(target_arch = "wasm32")]
use crate::model::{parse_story, too_large};

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
    // The messages name no part of the address: they show in the widget's own box, where text
    // a link put there would read as the newsroom's (the console gets the address).
    let url = web_sys::Url::new_with_base(src, &base).map_err(|_| "the address is not valid")?;
    if url.origin() != origin {
        return Err(format!(
            "stories can only be loaded from this site ({origin})"
        ));
    }
    Ok(url.href())
}

/// How often a live widget asks for its story again, and for how long (`data-live`,
/// `data-live-for`; docs/live-stories.md).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Refresh {
    /// Seconds between two checks while they succeed.
    pub every: u32,
    /// Seconds after the page loaded when the widget stops checking.
    pub stop_after: u32,
}

/// No story is asked for more often than this: a newsroom's server answers every open article.
pub const MIN_REFRESH_S: u32 = 15;
/// Checks stop a day after the page loaded, as Datawrapper's live charts do: an article left
/// open in a tab for a week should not ask for ever.
pub const DEFAULT_STOP_AFTER_S: u32 = 86_400;
/// The longest wait between checks however many have failed.
pub const MAX_BACKOFF_S: u32 = 3_600;

impl Refresh {
    /// Reads `data-live` (seconds, at least [`MIN_REFRESH_S`]) and `data-live-for` (seconds, a
    /// day when absent). Off when `every` is absent, not a number, or 0.
    pub fn parse(every: Option<&str>, stop_after: Option<&str>) -> Option<Refresh> {
        let every: u32 = every?.trim().parse().ok().filter(|&s| s > 0)?;
        Some(Refresh {
            every: every.max(MIN_REFRESH_S),
            stop_after: stop_after
                .and_then(|s| s.trim().parse().ok())
                .unwrap_or(DEFAULT_STOP_AFTER_S),
        })
    }

    /// Milliseconds to wait before the next check after `failures` failed ones in a row: the
    /// interval, doubled for each failure, at most an hour (or the interval, if longer).
    pub fn delay_ms(self, failures: u32) -> u32 {
        let backoff = self.every.saturating_mul(1 << failures.min(8));
        backoff
            .min(MAX_BACKOFF_S.max(self.every))
            .saturating_mul(1000)
    }
}

/// What a fetch of the story came to, for the widget's reducer.
#[derive(Debug)]
pub enum Fetched {
    /// The first load succeeded.
    Loaded(Story),
    /// The first load failed: each reason, for editors.
    Failed(Vec<String>),
    /// A check found a new version, at this time of day (`hh:mm`).
    Updated(Story, String),
    /// A check found the story as it was.
    Unchanged,
    /// A check failed; the widget keeps its story, last confirmed at this time of day.
    Stale(String),
}

#[cfg(target_arch = "wasm32")]
/// Starts fetching the story at `src` (when there is one) and hands the outcome to `done`; with
/// `refresh`, keeps checking for new versions after a first success. Returns the effect's
/// cleanup, which makes a late answer for an old address or an unmounted widget fall on the
/// floor and ends the checks.
pub fn fetch_into(
    src: Option<AttrValue>,
    refresh: Option<Refresh>,
    done: yew::Callback<Fetched>,
) -> impl FnOnce() {
    let cancelled = Rc::new(Cell::new(false));
    if let Some(src) = src {
        let cancelled = cancelled.clone();
        wasm_bindgen_futures::spawn_local(async move {
            let mut known = Known::default();
            let outcome = fetch_story(&src, &known).await;
            if cancelled.get() {
                return;
            }
            match outcome {
                Ok(Some((story, now))) => {
                    known = now;
                    done.emit(Fetched::Loaded(story));
                }
                Ok(None) => done.emit(Fetched::Failed(vec!["the server sent no story".into()])),
                Err(reasons) => {
                    // The address for the editor, here only (the widget's box never shows it).
                    web_sys::console::warn_1(&format!("demands-matrix: not loaded: {src}").into());
                    return done.emit(Fetched::Failed(reasons));
                }
            }
            // A `cfg`, not `if LIVE`: the loop's future would stay in this one's state machine.
            #[cfg(feature = "live")]
            if let Some(refresh) = refresh {
                keep_checking(&src, refresh, known, &cancelled, &done).await;
            }
            #[cfg(not(feature = "live"))]
            let _ = (refresh, known);
        });
    }
    move || cancelled.set(true)
}

#[cfg(all(target_arch = "wasm32", feature = "live"))]
/// The live loop: checks `src` every `refresh.every` seconds (longer after failures) while the
/// page is visible, until `refresh.stop_after` seconds after it started.
async fn keep_checking(
    src: &str,
    refresh: Refresh,
    mut known: Known,
    cancelled: &Cell<bool>,
    done: &yew::Callback<Fetched>,
) {
    let started = js_sys::Date::now();
    let mut failures = 0;
    let mut confirmed = clock();
    loop {
        sleep(refresh.delay_ms(failures)).await;
        if cancelled.get() {
            return;
        }
        if js_sys::Date::now() - started >= f64::from(refresh.stop_after) * 1000.0 {
            web_sys::console::info_1(
                &format!(
                    "demands-matrix: stopped checking {src} for new versions after {} s (data-live-for)",
                    refresh.stop_after
                )
                .into(),
            );
            return;
        }
        // A hidden page asks nothing: its reader is elsewhere, and the next check after they
        // come back brings the story up to date.
        let hidden = web_sys::window()
            .and_then(|w| w.document())
            .is_some_and(|d| d.hidden());
        if hidden {
            continue;
        }
        let outcome = fetch_story(src, &known).await;
        if cancelled.get() {
            return;
        }
        match outcome {
            Ok(found) => {
                failures = 0;
                confirmed = clock();
                done.emit(match found {
                    Some((story, now)) => {
                        known = now;
                        Fetched::Updated(story, confirmed.clone())
                    }
                    None => Fetched::Unchanged,
                });
            }
            Err(reasons) => {
                failures += 1;
                web_sys::console::warn_1(
                    &format!(
                        "demands-matrix: kept the story as it was at {confirmed}: the new version of {src} could not be used: {}",
                        reasons.join("; ")
                    )
                    .into(),
                );
                done.emit(Fetched::Stale(confirmed.clone()));
            }
        }
    }
}

#[cfg(all(target_arch = "wasm32", feature = "live"))]
/// The time of day as readers' clocks show it on every shipped locale, `14:05`.
fn clock() -> String {
    let now = js_sys::Date::new_0();
    format!("{:02}:{:02}", now.get_hours(), now.get_minutes())
}

#[cfg(all(target_arch = "wasm32", feature = "live"))]
async fn sleep(ms: u32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(window) = web_sys::window() {
            let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(
                &resolve,
                i32::try_from(ms).unwrap_or(i32::MAX),
            );
        }
    });
    let _ = JsFuture::from(promise).await;
}

#[cfg(target_arch = "wasm32")]
/// What the widget knows of the version it shows: the server's validators, for a conditional
/// request, and the file itself, for servers that send none.
#[derive(Default)]
struct Known {
    etag: Option<String>,
    modified: Option<String>,
    body: String,
}

/// How long a story may take to arrive, headers and body, before the widget gives up. The
/// request is aborted then, so a late answer can never replace the error a reader has seen.
pub const FETCH_TIMEOUT_MS: u32 = 10_000;

#[cfg(target_arch = "wasm32")]
/// Fetches the story at `src`: `None` when it is the version `known` already (a 304, or the same
/// bytes), else the story and what is known of it now.
async fn fetch_story(src: &str, known: &Known) -> Result<Option<(Story, Known)>, Vec<String>> {
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
    // A story address names the story file itself. Followed, a redirect (a site's
    // click-tracking `/out?url=…`) could put another site's "story" under the newsroom's
    // address; unfollowed, it comes back as an opaque answer and is refused below.
    let _ = js_sys::Reflect::set(&init, &"redirect".into(), &"manual".into());
    // A request with validators bypasses the browser's cache (Fetch standard), so a 304 comes
    // to the widget itself and costs the server no body.
    if crate::LIVE && (known.etag.is_some() || known.modified.is_some()) {
        let headers = web_sys::Headers::new().map_err(|_| network())?;
        if let Some(etag) = &known.etag {
            let _ = headers.set("if-none-match", etag);
        }
        if let Some(modified) = &known.modified {
            let _ = headers.set("if-modified-since", modified);
        }
        init.set_headers(&headers);
    }
    let response: web_sys::Response = JsFuture::from(window.fetch_with_str_and_init(&url, &init))
        .await
        .map_err(|_| network())?
        .dyn_into()
        .map_err(|_| network())?;
    if crate::LIVE && response.status() == 304 && !known.body.is_empty() {
        return Ok(None);
    }
    // An unfollowed redirect comes back as an opaque answer with status 0 (a same-origin
    // request's other failures reject the fetch instead).
    if !response.ok() {
        return Err(vec![match response.status() {
            0 => "the address redirects elsewhere".to_owned(),
            status => format!("the server answered {status} {}", response.status_text()),
        }]);
    }
    let header = |name| response.headers().get(name).ok().flatten();
    // Refused before the download when the server says the size (cancelling the body, which
    // would otherwise stream on until the timeout); the parser checks the body itself.
    if let Some(message) = header("content-length")
        .and_then(|length| length.parse().ok())
        .and_then(too_large)
    {
        if let Some(body) = response.body() {
            let _ = body.cancel();
        }
        return Err(vec![message]);
    }
    // A story file is JSON, and says so: an upload area's text file or a web page is refused
    // before its body is read.
    // `application/json`, `…+json`, `text/json`, with or without parameters (not `contains`: a
    // substring search is 0.3 kB more in readers' WebAssembly).
    let json = |kind: String| {
        let kind = kind.split_once(';').map_or(kind.as_str(), |(kind, _)| kind);
        kind.trim_end().ends_with("json")
    };
    if !header("content-type").is_some_and(json) {
        return Err(vec![
            "the address is not a story file (the server does not send it as JSON)".to_owned(),
        ]);
    }
    let unreadable = || failed("the response could not be read");
    let body = JsFuture::from(response.text().map_err(|_| unreadable())?)
        .await
        .map_err(|_| unreadable())?
        .as_string()
        .ok_or_else(unreadable)?;
    if crate::LIVE && body == known.body {
        return Ok(None);
    }
    let story = parse_story(&body)
        .map_err(|errors| errors.0.iter().map(ToString::to_string).collect::<Vec<_>>())?;
    let now = if crate::LIVE {
        Known {
            etag: header("etag"),
            modified: header("last-modified"),
            body,
        }
    } else {
        Known::default()
    };
    Ok(Some((story, now)))
}

#[cfg(target_arch = "wasm32")]
/// Reads the strings a page carries for its built-in story (`<script type="application/json"
/// id="dm-strings" data-tag="uk">`, written by the build): a locale's messages, registered
/// once, and the story's date in words, remembered so that no date formatter is set up.
pub fn page_strings(lang: &str) {
    use crate::i18n::{known, shipped_tag, STRINGS_ELEMENT_ID};
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
    if let Some(json) = json {
        take_strings(tag, &json);
    }
}

/// Takes the strings of locale `tag` that a page or widget.js brought with its story: their
/// dates in words are remembered (so hydration meets the build's words), and the locale is
/// registered unless it is known already.
pub fn take_strings(tag: &str, json: &str) {
    use crate::i18n::{known, register, Strings};
    if let Ok(strings) = Strings::parse(tag, json) {
        if tag != "en" && !known(tag) {
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
