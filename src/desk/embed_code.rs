//! The embed code the desk offers for a story, one snippet per way to embed
//! (docs/embedding.md), with the story's file name and the widget's address filled in.

use crate::prerender::Entry;

/// One way to embed, and its code.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Snippet {
    pub id: &'static str,
    pub title: &'static str,
    /// What the newsroom must do besides pasting the code.
    pub note: String,
    pub code: String,
}

/// The content-hashed entry files the embed codes can name with their integrity (docs/embedding.md
/// "Integrity"): the site's host script and built-in widget (`site.json`), and the story's own
/// widget once the desk has made its pages. Each that is missing leaves its code on the plain
/// name (`embed.js`, `widget.js`), without integrity.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Entries {
    pub embed: Option<Entry>,
    pub site_widget: Option<Entry>,
    pub story_widget: Option<Entry>,
}

/// `<script … src="{folder}{file}"…>`: the hashed file with its integrity (and
/// `crossorigin="anonymous"`, which a file on another origin needs for the check) when known.
fn script(folder: &str, plain: &str, entry: Option<&Entry>) -> String {
    match entry {
        Some(entry) => format!(
            "src=\"{folder}{}\" integrity=\"{}\" crossorigin=\"anonymous\"",
            entry.file, entry.integrity
        ),
        None => format!("src=\"{folder}{plain}\""),
    }
}

/// How often a live story's widgets check for a new version, in the desk's embed code: a
/// minute, as Datawrapper's live charts do (docs/live-stories.md).
pub const LIVE_EVERY_S: u32 = 60;

/// The snippets for a story whose pages (`<stem>-pages.zip`, unpacked) are in the folder `<stem>/`
/// of the widget's folder at `base` (an address ending in `/`), titled `title`. Each way embeds
/// the story's own pages: prerendered, so readers see the story at once, and without script.
/// With `live`, widgets that check for new versions every [`LIVE_EVERY_S`] seconds read the
/// story from its file, published as `stories/<stem>.json` in the widget's folder, since the
/// pages cannot change once built; they show a placeholder until it arrives.
pub fn snippets(
    base: &str,
    stem: &str,
    title: &str,
    live: bool,
    entries: &Entries,
) -> Vec<Snippet> {
    let base = if base.ends_with('/') {
        base.to_owned()
    } else {
        format!("{base}/")
    };
    let story = format!("stories/{stem}.json");
    let folder = format!("{base}{stem}/");
    let page = if live {
        format!("{base}index.html?src={story}&live={LIVE_EVERY_S}")
    } else {
        folder.clone()
    };
    let upload = if live {
        format!("Upload the story file to {base}{story}. Publish each new version under the same address (the desk's \"download it as a new version\", or story publish): open articles show it within a minute.")
    } else {
        format!("Unpack {stem}-pages.zip into {base} (its pages go to {folder}).")
    };
    // In a script element entities are not decoded: the title and address are JS strings there,
    // with every `<` escaped so that neither `</script>` nor `<!--` can change how the HTML
    // parser reads the element.
    let js = |text: &str| {
        serde_json::to_string(text)
            .unwrap_or_default()
            .replace('<', "\\u003c")
    };
    let js_title = js(title);
    let title = attribute(title);
    let page_attribute = attribute(&page);
    let id = format!("dm-{stem}");
    let direct = if live {
        Snippet {
            id: "direct",
            title: "directly in the page",
            note: format!("Upload the story file to /{story} on the article's own site (a direct embed reads stories from the page's origin only), and to {base}{story} for the link readers without JavaScript follow; serve {base} with CORS if it is on another site. Publish each new version under the same addresses: open articles show it within a minute."),
            code: format!(
                "<demands-matrix src=\"/{story}\" live=\"{LIVE_EVERY_S}\">\n  <a href=\"{page_attribute}\">{title}</a>\n</demands-matrix>\n<script type=\"module\" {}></script>",
                script(&base, "widget.js", entries.site_widget.as_ref())
            ),
        }
    } else {
        Snippet {
            id: "direct",
            title: "directly in the page",
            note: format!(
                "{upload} The story comes with its widget.js; serve {base} with CORS if it is on another site than the article.{}",
                if entries.story_widget.is_some() {
                    " The code names the widget.js of the pages you downloaded, by its content: download them again after a change."
                } else {
                    " Download the story's pages for the code that names its widget.js with its integrity."
                }
            ),
            code: format!(
                "<demands-matrix story=\"{stem}\">\n  <a href=\"{page_attribute}\">{title}</a>\n</demands-matrix>\n<script type=\"module\" {}></script>",
                script(&folder, "widget.js", entries.story_widget.as_ref())
            ),
        }
    };
    vec![
        Snippet {
            id: "pym",
            title: "iframe with pym.js",
            note: format!("{upload} For CMSs that already load pym.js; the frame keeps its height."),
            code: format!(
                "<div id=\"{id}\"></div>\n<script src=\"https://pym.nprapps.org/pym.v1.min.js\"></script>\n<script>new pym.Parent(\"{id}\", {js_page}, {{title: {js_title}}});</script>",
                js_page = js(&page),
            ),
        },
        Snippet {
            id: "host",
            title: "iframe with our host script",
            note: format!("{upload} No other script needed."),
            code: format!(
                "<div data-demands-matrix-frame data-src=\"{page_attribute}\"\n     data-title=\"{title}\" data-reflect-view></div>\n<script {} defer></script>",
                script(&base, "embed.js", entries.embed.as_ref())
            ),
        },
        direct,
    ]
}

/// Text made safe inside a double-quoted HTML attribute or element.
fn attribute(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}
