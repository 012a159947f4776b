//! One story's page made from the built page (Trunk's `index.html`): its language, title,
//! description and share tags, the story and its words as data, the prerendered widget in the
//! mount point, the placeholder a page asked for another story shows, and the shared files'
//! addresses from the folder the page is in. The page is read as HTML (lol_html), so a minified
//! release page (`<html lang=en>`) and a dev page are edited alike.

use std::cell::RefCell;

use lol_html::html_content::ContentType;
use lol_html::{element, rewrite_str, RewriteStrSettings};

/// Everything of one story's page that is not the built page itself.
pub struct PageParts<'a> {
    /// The story's language (`<html lang>`) and its direction (`rtl` sets `<html dir>`).
    pub lang: &'a str,
    pub dir: &'a str,
    /// `<title>` and `<meta name="description">`.
    pub title: &'a str,
    pub description: &'a str,
    /// HTML put after the title: the share tags (`super::with_share_tags` makes them).
    pub head: &'a str,
    /// HTML put at the end of the body: the story and its words as JSON data.
    pub data: &'a str,
    /// The view the widget is prerendered for, and its markup.
    pub view_id: &'a str,
    pub markup: &'a str,
    /// What the page says, in its language, while another story it was asked for (`?src=`) is
    /// on its way, and when the program that would show it cannot start.
    pub loading: &'a str,
    pub failed: &'a str,
    /// The path from the page's folder to the build's shared files: `""` beside them, `"../"`
    /// in a story's own folder.
    pub up: &'a str,
}

/// What [`story_page`] fills in the built page.
const PARTS: [&str; 5] = [
    "<title>",
    "<meta name=\"description\">",
    "asset list (<script id=\"dm-assets\">)",
    "mount point (<div data-demands-matrix data-page-params></div>)",
    "</body>",
];

/// The built page `template` made into the page of one story's view.
pub fn story_page(template: &str, parts: &PageParts) -> Result<String, String> {
    let page = super::with_asset_prefix(template, parts.up)?;
    // What the built page must have, in the order of `PARTS`.
    let found = RefCell::new([false; 5]);
    // Set by the end tag's own handler, which must own what it holds.
    let body_closed = std::rc::Rc::new(std::cell::Cell::new(false));
    let seen = |part: usize| found.borrow_mut()[part] = true;
    let up = parts.up;
    let shape = super::markup_shape(parts.markup);
    // Shown only on a page asked for another story (`?src=`; static/head.js marks the page and
    // the stylesheet hides the prerendered one), in the page's language.
    let pending = format!(
        r#"<div class="dm dm-page__pending" data-testid="dm-pending"><p class="dm-status" role="status" data-failed="{}"><span class="dm-status__spinner" aria-hidden="true"></span>{}</p></div>"#,
        attr_text(parts.failed),
        text_content(parts.loading)
    );
    let rewritten = rewrite_str(
        &page,
        RewriteStrSettings::new()
            .append_element_content_handler(element!("html", |el| {
                el.set_attribute("lang", parts.lang)?;
                if parts.dir == "rtl" {
                    el.set_attribute("dir", "rtl")?;
                } else {
                    el.remove_attribute("dir");
                }
                Ok(())
            }))
            .append_element_content_handler(element!("title", |el| {
                seen(0);
                el.set_inner_content(parts.title, ContentType::Text);
                el.after(&head_script_element(), ContentType::Html);
                el.after(parts.head, ContentType::Html);
                Ok(())
            }))
            .append_element_content_handler(element!("meta[name=description]", |el| {
                seen(1);
                el.set_attribute("content", parts.description)?;
                Ok(())
            }))
            // The shared files, addressed from the page's folder.
            .append_element_content_handler(element!("script[src], link[href]", |el| {
                if up.is_empty() {
                    return Ok(());
                }
                for name in ["src", "href"] {
                    if let Some(value) = el.get_attribute(name) {
                        if let Some(file) = value.strip_prefix("./") {
                            el.set_attribute(name, &format!("{up}{file}"))?;
                        }
                    }
                }
                Ok(())
            }))
            .append_element_content_handler(element!("script#dm-assets", |_| {
                seen(2);
                Ok(())
            }))
            // The story and its words at the end of the body: the WebAssembly reads them once the
            // page has loaded, and the first paint need not wait for the parser to get through
            // them (20 kB of a non-English story's page).
            .append_element_content_handler(element!("body", |el| {
                let (data, closed) = (parts.data.to_owned(), body_closed.clone());
                let handler: lol_html::EndTagHandler<'static> = Box::new(move |end| {
                    end.before(&data, ContentType::Html);
                    closed.set(true);
                    Ok(())
                });
                el.on_end_tag(handler)
            }))
            .append_element_content_handler(element!(
                "[data-demands-matrix][data-page-params]",
                |el| {
                    if found.borrow()[3] {
                        return Err("the page has two mount points".into());
                    }
                    seen(3);
                    el.set_attribute("data-prerendered", parts.view_id)?;
                    el.set_attribute("data-shape", &shape)?;
                    el.set_inner_content(parts.markup, ContentType::Html);
                    el.after(&pending, ContentType::Html);
                    Ok(())
                }
            )),
    )
    .map_err(|e| e.to_string())?;
    let mut found = found.into_inner();
    found[4] = body_closed.get();
    for (seen, what) in found.iter().zip(PARTS) {
        if !seen {
            return Err(format!("the built page has no {what} to fill"));
        }
    }
    Ok(rewritten)
}

/// The page's one inline script (`static/head.js` without its comment lines): a script file
/// before the stylesheet held the parser up until it arrived, and after it until the stylesheet
/// did, each time costing the first paint the parsing of the page's body (measured 28–44 ms of
/// about 290 at 4× CPU); inline it costs nothing measurable. A Content-Security-Policy allows it
/// by its hash ([`head_script_hash`]).
pub fn head_script() -> String {
    include_str!("../../static/head.js")
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with("//"))
        .collect::<Vec<_>>()
        .join("")
}

fn head_script_element() -> String {
    format!("<script>{}</script>", head_script())
}

/// The hash a Content-Security-Policy allows [`head_script`] by: `'sha256-…'`.
pub fn head_script_hash() -> String {
    use base64::Engine;
    use sha2::Digest;
    let digest = sha2::Sha256::digest(head_script().as_bytes());
    format!(
        "'sha256-{}'",
        base64::engine::general_purpose::STANDARD.encode(digest)
    )
}

/// The Content-Security-Policy the built site runs under with no violation (docs/security.md), written by the build to `csp.txt` for servers to send.
pub fn content_security_policy() -> String {
    format!(
        "default-src 'none'; script-src 'self' 'wasm-unsafe-eval' {}; connect-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; base-uri 'none'; object-src 'none'; form-action 'none'",
        head_script_hash()
    )
}

/// An attribute value in double quotes: `&`, `"` and `<` escaped.
pub fn attr_text(value: &str) -> String {
    value
        .replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
}

/// Text as element content: `&`, `<` and `>` escaped.
pub fn text_content(value: &str) -> String {
    value
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}
