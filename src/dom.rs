//! The few direct DOM calls components need (focus moves, events for the host page), kept in one
//! place.

/// Moves keyboard focus to the element with this id, if the page has it. Does nothing outside a
/// browser, so components stay renderable to strings.
pub fn focus_element(id: &str) {
    #[cfg(target_arch = "wasm32")]
    {
        use wasm_bindgen::JsCast;
        let element = web_sys::window()
            .and_then(|window| window.document())
            .and_then(|document| document.get_element_by_id(id))
            .and_then(|element| element.dyn_into::<web_sys::HtmlElement>().ok());
        if let Some(element) = element {
            let _ = element.focus();
        }
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = id;
}

/// Tells the host page what the reader did: a bubbling `CustomEvent` named `name` on the element
/// with id `root_id` (the widget's root), with string fields in `detail` (README "Events").
/// Does nothing outside a browser.
pub fn emit(root_id: &str, name: &str, detail: &[(&str, &str)]) {
    #[cfg(target_arch = "wasm32")]
    {
        let Some(root) = web_sys::window()
            .and_then(|window| window.document())
            .and_then(|document| document.get_element_by_id(root_id))
        else {
            return;
        };
        let object = js_sys::Object::new();
        for (key, value) in detail {
            let _ = js_sys::Reflect::set(&object, &(*key).into(), &(*value).into());
        }
        let init = web_sys::CustomEventInit::new();
        init.set_bubbles(true);
        init.set_detail(&object);
        if let Ok(event) = web_sys::CustomEvent::new_with_event_init_dict(name, &init) {
            let _ = root.dispatch_event(&event);
        }
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = (root_id, name, detail);
}
