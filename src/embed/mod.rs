//! The host-page glue: finding mount points, reading their settings, and mounting `App` in them.
//! It sits above the components; loading stories is below them (`crate::loading`).

use std::cell::RefCell;

use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::components::{App, AppProps};

thread_local! {
    /// Every widget mounted on the page, by its id: one a page takes off can be unmounted
    /// ([`unmount_in`]).
    static MOUNTED: RefCell<Vec<(AttrValue, yew::AppHandle<App>)>> = const { RefCell::new(Vec::new()) };
}

fn keep(uid: AttrValue, app: yew::AppHandle<App>) {
    MOUNTED.with(|mounted| mounted.borrow_mut().push((uid, app)));
}

/// Unmounts direct embed `number` ([`mount_in`]), whose host widget.js saw leave the page
/// (docs/embedding.md "Dynamic pages"): Yew's root and listeners, the live checks (their effect's cleanup)
/// and the lookups by id end, so nothing keeps its nodes alive.
pub fn unmount_in(number: u32) {
    let uid = format!("dm-e{number}");
    let found = MOUNTED.with(|mounted| {
        let mut mounted = mounted.borrow_mut();
        let at = mounted.iter().position(|(id, _)| *id == uid)?;
        Some(mounted.swap_remove(at).1)
    });
    if let Some(app) = found {
        app.destroy();
    }
    crate::dom::forget_removed_roots();
}

/// The attribute that marks an element as a widget mount point.
pub const MOUNT_ATTRIBUTE: &str = "data-demands-matrix";

/// Mounts a widget in every `[data-demands-matrix]` element of the page itself, except direct
/// embeds' hosts (`data-dm-host`), which widget.js mounts inside their shadow roots
/// ([`mount_in`]). Each reads `data-src` (a same-origin story file) and `data-view` (a side id);
/// an element that also has `data-page-params` (the standalone page) takes `?src=` and `?view=`
/// from the page address when it has no attribute of its own.
pub fn mount_all() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Ok(roots) =
        document.query_selector_all(&format!("[{MOUNT_ATTRIBUTE}]:not([data-dm-host])"))
    else {
        return;
    };
    let params = page_params();
    for i in 0..roots.length() {
        if let Some(root) = roots
            .item(i)
            .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
        {
            mount(
                root,
                AttrValue::from(format!("dm{}", i + 1)),
                params.as_ref(),
                None,
                None,
            );
        }
    }
}

/// Mounts one direct embed: `root` is the mount point widget.js made inside the host's shadow
/// root, carrying the host's settings (`data-src`, `data-view`) and, for widget.js's own story,
/// the prerendered markup it inserted (`data-prerendered`, `data-shape`). `number` makes the
/// widget's id (`dm-e<number>`) unique on the page; `base` is the address of the widget's
/// folder, which the tabs link to before the WebAssembly runs. Each widget.js carries its own
/// story and hands it over on the mount point (`data-dm-story`, and its locale's strings in
/// `data-dm-strings` with their tag in `data-dm-tag`), read and taken off here: two stories'
/// widgets can share a page and a WebAssembly.
pub fn mount_in(root: web_sys::Element, number: u32, base: String) {
    crate::dom::register_shadowed_root(&root);
    let take = |name: &str| {
        let value = root.get_attribute(name);
        let _ = root.remove_attribute(name);
        value
    };
    if let (Some(tag), Some(strings)) = (take("data-dm-tag"), take("data-dm-strings")) {
        crate::loading::take_strings(&tag, &strings);
    }
    let story = take("data-dm-story")
        .and_then(|json| crate::model::parse_story(&json).ok())
        .map(|story| crate::components::StoryRef(std::rc::Rc::new(story)));
    mount(
        root,
        AttrValue::from(format!("dm-e{number}")),
        None,
        Some(AttrValue::from(base)),
        story,
    );
}

fn mount(
    root: web_sys::Element,
    uid: AttrValue,
    params: Option<&web_sys::UrlSearchParams>,
    pages_base: Option<AttrValue>,
    carried: Option<crate::components::StoryRef>,
) {
    let from_page = |name: &str| {
        root.has_attribute("data-page-params")
            .then(|| params.and_then(|p| p.get(name)))
            .flatten()
            .filter(|value| !value.is_empty())
    };
    let attribute = |name: &str| root.get_attribute(name).filter(|v| !v.is_empty());
    let src = attribute("data-src")
        .or_else(|| from_page("src"))
        .map(AttrValue::from);
    let view = attribute("data-view")
        .or_else(|| from_page("view"))
        .map(AttrValue::from);
    let lang = attribute("data-lang")
        .or_else(|| from_page("lang"))
        .map(AttrValue::from);
    let shape = attribute("data-shape");
    let refresh = crate::LIVE
        .then(|| {
            crate::loading::Refresh::parse(
                attribute("data-live")
                    .or_else(|| from_page("live"))
                    .as_deref(),
                attribute("data-live-for")
                    .or_else(|| from_page("live-for"))
                    .as_deref(),
            )
        })
        .flatten();
    match (attribute("data-prerendered"), src) {
        // The built-in story, prerendered for one view: take over that markup in place. Not
        // when the host asks for another language: hydration would meet words it does not
        // expect, so that is a rendering afresh, as another story is.
        (Some(rendered_view), None) if lang.is_none() => {
            let mut props = AppProps::prerendered(uid, AttrValue::from(rendered_view), view, true);
            props.pages_base = pages_base;
            props.story = carried;
            take_over(root, props, shape);
        }
        (rendered, src) => {
            // Without an address, the story widget.js carries (the page's otherwise).
            let story = if src.is_some() { None } else { carried };
            // Another story or language than the prerendered one: its markup must go, not be
            // matched.
            let wanted = lang.as_ref().map(|lang| lang.to_string());
            let base = pages_base.as_ref().map(|base| base.to_string());
            let props = AppProps {
                uid,
                src,
                view,
                then_view: None,
                live: true,
                pages: false,
                // Not for links (`pages` is off): where the widget's locale files are.
                pages_base,
                story,
                lang,
                within: None,
                refresh,
            };
            let start = move || {
                if rendered.is_some() {
                    // Not innerHTML: a page that requires Trusted Types refuses even "" there.
                    root.set_text_content(None);
                    // Out of the page's placeholder state (static/head.js, the stylesheet).
                    let _ = root.remove_attribute("data-prerendered");
                }
                keep(
                    props.uid.clone(),
                    yew::Renderer::<App>::with_root_and_props(root, props).render(),
                );
            };
            // A language the page does not carry: its words come first, and the first paint
            // stays until then, so readers never see the widget change language under them.
            // Without them (a network failure) the widget speaks English.
            match wanted {
                Some(lang) if !crate::i18n::known(&lang) => {
                    wasm_bindgen_futures::spawn_local(async move {
                        crate::loading::fetch_strings(base, lang).await;
                        start();
                    });
                }
                _ => start(),
            }
        }
    }
}

/// Takes over prerendered markup: hydrates it in place, so the nodes of the first paint stay
/// (and with them focus, selection and scroll positions inside the widget). If the markup is no
/// longer what the build wrote (`dom::Shape` explains how that happens), hydrating
/// it would stop the widget; it renders the same widget afresh over it instead, in one
/// synchronous pass (no frame shows it empty), giving keyboard focus back to the element that
/// had it.
fn take_over(root: web_sys::Element, props: AppProps, shape: Option<String>) {
    if shape.is_some() && shape == shape_of(&root) {
        hydrate(root, props);
        return;
    }
    web_sys::console::warn_1(
        &"demands-matrix: the prerendered widget changed before it started (a translation?); rendered afresh".into(),
    );
    let focused = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.active_element())
        .filter(|e| root.contains(Some(e)))
        .map(|e| e.id())
        .filter(|id| !id.is_empty());
    root.set_text_content(None);
    keep(
        props.uid.clone(),
        yew::Renderer::<App>::with_root_and_props(root, props).render(),
    );
    if let Some(id) = focused {
        // Yew renders in a microtask queued just before this one.
        wasm_bindgen_futures::spawn_local(async move { crate::dom::focus_element(&id) });
    }
}

/// Takes over markup the build prerendered (`AppProps::prerendered`, rendered with `live`
/// false) with a widget that is live from its first render, in one pass.
///
/// The markup only differs from a live render where going live changes it, and this makes
/// those changes first, so that hydration meets the live markup: each cell's stance becomes a
/// button (the same children, moved), and the current view's link loses `aria-current`, which
/// hydration would never remove (it sets the attributes a render has, and leaves the others).
/// The rest (roles, `tabindex`, `aria-*`, listeners) hydration applies as it goes. Going live
/// in a render after hydration instead cost a second long task at start-up, as long as the
/// hydration's own in Lighthouse (docs/loading.md).
pub fn hydrate(root: web_sys::Element, props: AppProps) {
    // Markup without cells or a current link (a story with no issues) is live as it is.
    let _ = make_controls_live(&root);
    keep(
        props.uid.clone(),
        yew::Renderer::<App>::with_root_and_props(root, props).hydrate(),
    );
}

fn make_controls_live(root: &web_sys::Element) -> Option<()> {
    let document = root.owner_document()?;
    // The classes `position_cell` and `view_tabs` write; the browser tests hydrate every view,
    // which fails on any cell left a `span`.
    let stances = root.query_selector_all("span.dm-cell__button").ok()?;
    for i in 0..stances.length() {
        let stance: web_sys::Element = stances.get(i)?.unchecked_into();
        let button = document.create_element("button").ok()?;
        button.set_class_name("dm-cell__button");
        while let Some(child) = stance.first_child() {
            button.append_child(&child).ok()?;
        }
        stance.replace_with_with_node_1(&button).ok()?;
    }
    let current = root.query_selector(".dm-tabs__tab[aria-current]").ok()??;
    current.remove_attribute("aria-current").ok()
}

/// The [`crate::dom::Shape`] of what is under `root` now, as the build computed it for its markup.
fn shape_of(root: &web_sys::Element) -> Option<String> {
    let mut shape = crate::dom::Shape::default();
    // NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_COMMENT, in document order.
    let walker = root
        .owner_document()?
        .create_tree_walker_with_what_to_show(root, 0x81)
        .ok()?;
    while let Ok(Some(node)) = walker.next_node() {
        match node.dyn_ref::<web_sys::Element>() {
            Some(element) => shape.element(&element.local_name()),
            None => shape.comment(),
        }
    }
    Some(shape.to_string())
}

fn page_params() -> Option<web_sys::UrlSearchParams> {
    let search = web_sys::window()?.location().search().ok()?;
    web_sys::UrlSearchParams::new_with_str(&search).ok()
}
