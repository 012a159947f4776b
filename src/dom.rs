//! The few direct DOM calls components need (focus moves, events for the host page), and the
//! shape of prerendered markup that both the build and the browser compute, kept in one place.

#[cfg(target_arch = "wasm32")]
thread_local! {
    /// Widget roots inside shadow roots (direct embeds): `document.getElementById` cannot see
    /// into those, so lookups by id search them too.
    static SHADOWED: std::cell::RefCell<Vec<web_sys::Element>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// Makes elements under `root`, a widget's mount point inside a shadow root, findable by id.
#[cfg(target_arch = "wasm32")]
pub fn register_shadowed_root(root: &web_sys::Element) {
    SHADOWED.with(|roots| roots.borrow_mut().push(root.clone()));
}

/// Forgets the mount points registered above that have left the page (their widgets unmounted).
#[cfg(target_arch = "wasm32")]
pub fn forget_removed_roots() {
    SHADOWED.with(|roots| roots.borrow_mut().retain(|root| root.is_connected()));
}

/// The element with this id, in the document or in a widget's shadow root.
#[cfg(target_arch = "wasm32")]
fn find_element(id: &str) -> Option<web_sys::Element> {
    let in_document = web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| document.get_element_by_id(id));
    in_document.or_else(|| {
        // Ids are built from story ids (a–z, 0–9, `-`, `_`) and the widget's prefix, so they
        // are valid selectors as they are.
        SHADOWED.with(|roots| {
            roots
                .borrow()
                .iter()
                .find_map(|root| root.query_selector(&format!("#{id}")).ok().flatten())
        })
    })
}

/// Moves keyboard focus to the element with this id, if the page has it. Does nothing outside a
/// browser, so components stay renderable to strings.
pub fn focus_element(id: &str) {
    #[cfg(target_arch = "wasm32")]
    {
        use wasm_bindgen::JsCast;
        let element =
            find_element(id).and_then(|element| element.dyn_into::<web_sys::HtmlElement>().ok());
        if let Some(element) = element {
            let _ = element.focus();
        }
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = id;
}

/// Moves keyboard focus to the element with this id without letting the browser scroll it to
/// its middle (what `focus()` does with an element taller than the window, at 400 % zoom or in
/// a phone's landscape view), then scrolls it the least that shows it: all of it when it fits,
/// else its top (`block: "nearest"` aligns the start of an element taller than the window), so
/// the reader starts reading where it starts.
pub fn focus_and_reveal(id: &str) {
    #[cfg(target_arch = "wasm32")]
    {
        use wasm_bindgen::JsCast;
        let Some(element) =
            find_element(id).and_then(|element| element.dyn_into::<web_sys::HtmlElement>().ok())
        else {
            return;
        };
        let options = web_sys::FocusOptions::new();
        options.set_prevent_scroll(true);
        let _ = element.focus_with_options(&options);
        let scroll = web_sys::ScrollIntoViewOptions::new();
        scroll.set_block(web_sys::ScrollLogicalPosition::Nearest);
        element.scroll_into_view_with_scroll_into_view_options(&scroll);
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = id;
}

/// Tells the host page what the reader did: a bubbling, composed `CustomEvent` named `name` on the
/// element with id `root_id` (the widget's root), with string fields in `detail` (docs/embedding.md "Events").
/// Does nothing outside a browser.
pub fn emit(root_id: &str, name: &str, detail: &[(&str, &str)]) {
    #[cfg(target_arch = "wasm32")]
    {
        let Some(root) = find_element(root_id) else {
            return;
        };
        let object = js_sys::Object::new();
        for (key, value) in detail {
            let _ = js_sys::Reflect::set(&object, &(*key).into(), &(*value).into());
        }
        let init = web_sys::CustomEventInit::new();
        init.set_bubbles(true);
        // Out of a direct embed's shadow root to the host page (the target becomes the host).
        init.set_composed(true);
        init.set_detail(&object);
        if let Ok(event) = web_sys::CustomEvent::new_with_event_init_dict(name, &init) {
            let _ = root.dispatch_event(&event);
        }
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = (root_id, name, detail);
}

/// The shape of prerendered markup: how many elements and comments it holds, and a hash of their
/// tag names (`!` for a comment) in document order. The build computes it from its HTML
/// (`prerender::markup_shape`), the browser from the DOM under the mount point before
/// hydrating (`embed`); text is left out, which hydration overwrites anyway.
///
/// Hydration meets a node it does not expect as a fatal error, and things outside the page can
/// change the markup before the WebAssembly starts: a browser translating the page wraps text in
/// `<font>`, extensions insert or swap nodes, a CDN strips comments (which hold Yew's component
/// markers). A different shape makes the widget render afresh instead.
pub struct Shape {
    elements: u32,
    comments: u32,
    /// FNV-1a, 32 bits: tiny, and a swapped element changes it.
    hash: u32,
}

impl Default for Shape {
    fn default() -> Shape {
        Shape {
            elements: 0,
            comments: 0,
            hash: 0x811c_9dc5,
        }
    }
}

impl Shape {
    /// An element, by its lower-case tag name.
    pub fn element(&mut self, name: &str) {
        self.elements += 1;
        self.feed(name.as_bytes());
        self.feed(b">");
    }

    pub fn comment(&mut self) {
        self.comments += 1;
        self.feed(b"!");
    }

    fn feed(&mut self, bytes: &[u8]) {
        for &byte in bytes {
            self.hash = (self.hash ^ u32::from(byte)).wrapping_mul(0x0100_0193);
        }
    }
}

impl std::fmt::Display for Shape {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} {} {}", self.elements, self.comments, self.hash)
    }
}
