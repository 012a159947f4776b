//! One story as files of the built site: each view's page, its share cards and full images,
//! its `widget.js` for direct embeds and the words of every shipped language. The build writes
//! the built-in story at the site's root and every story of a stories folder into a folder of
//! its own (`src/bin/prerender.rs`), each with the same guarantees: painted from HTML and CSS
//! alone, readable without script, hydrated in place.

use std::rc::Rc;

use super::{
    embed_module, render_story_view, share_tags_html, site_images, story_data, story_page,
    story_pages, Embed, PageParts, ShareTags, IMAGES_DIR,
};
use crate::i18n::{direction, Strings, LOCALES_DIR, SHIPPED};
use crate::images::{file_name, Kind};
use crate::model::{parse_story, View};

/// What every story's pages share.
pub struct Build {
    /// The built page (Trunk's `index.html`) with its asset list complete (integrities, the live
    /// build), before any story is written into it.
    pub template: String,
    /// The names of the files in the built folder (the glue, the WebAssembly, the stylesheet).
    pub files: Vec<String>,
    /// The site's public address for share tags, with a final `/` (`super::public_base`), or
    /// `""` for addresses relative to each page.
    pub base: String,
}

/// One file of a story's part of the site, by its path in the story's folder.
#[derive(Debug)]
pub struct SiteFile {
    pub path: String,
    pub bytes: Vec<u8>,
}

/// Names a story's folder cannot take: the site's own folders beside it.
pub const RESERVED_NAMES: [&str; 4] = ["images", "locales", "stories", "fonts"];

/// The name of the folder the story in file `stem.json` is built into: the stem itself, when it
/// is a name an address can carry as it is (a–z, 0–9, `-` and `_`, not starting with `-` or `_`).
pub fn story_name(stem: &str) -> Result<String, String> {
    let plain = stem
        .chars()
        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_');
    let starts_well = stem
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_lowercase() || c.is_ascii_digit());
    if !plain || !starts_well {
        return Err(format!(
            "a story file's name becomes its pages' folder, so it may use only a–z, 0–9, - and _ (and start with a letter or digit): rename \"{stem}.json\""
        ));
    }
    if RESERVED_NAMES.contains(&stem) {
        return Err(format!(
            "\"{stem}\" is a folder the site uses already: rename \"{stem}.json\""
        ));
    }
    Ok(stem.to_owned())
}

/// Every file of the story in `json`, for the folder `name` of the built site (`""`: the site's
/// root, beside the shared files). `read` gives a built file's bytes by name.
pub async fn story_site(
    build: &Build,
    read: &dyn Fn(&str) -> Result<Vec<u8>, String>,
    json: &str,
    name: &str,
) -> Result<Vec<SiteFile>, String> {
    let story = Rc::new(parse_story(json).map_err(|errors| {
        errors
            .0
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join("; ")
    })?);
    let (up, base) = match (name, build.base.as_str()) {
        ("", base) => ("", base.to_owned()),
        (_, "") => ("../", String::new()),
        (name, base) => ("../", format!("{base}{name}/")),
    };
    let mut out = Vec::new();
    let (images, entries) = site_images(&story)?;
    for image in images {
        out.push(SiteFile {
            path: format!("{IMAGES_DIR}/{}", image.file),
            bytes: image.bytes,
        });
    }
    out.push(SiteFile {
        path: format!("{IMAGES_DIR}/images.json"),
        bytes: (serde_json::to_string_pretty(&entries).map_err(|e| e.to_string())? + "\n")
            .into_bytes(),
    });
    // Every shipped locale's strings, for a story from `?src=` or a host's `lang` in another
    // language than the page's (`loading::fetch_strings`, which looks beside the page).
    for tag in SHIPPED {
        out.push(SiteFile {
            path: format!("{LOCALES_DIR}/{tag}.json"),
            bytes: Strings::for_lang(tag).to_page_json(&[]).into_bytes(),
        });
    }
    let data = story_data(&story, json)?;
    let t = Strings::for_lang(&story.lang);
    let (loading, failed) = (t.text("loading"), t.text("no-program"));
    let mut views = Vec::new();
    for (file, view_id) in story_pages(&story) {
        let markup = render_story_view(&story, &view_id, false).await;
        let view = View::from_id(&story, Some(&view_id));
        let card = file_name(Kind::Card, &view_id, "png");
        let alt = entries
            .iter()
            .find(|entry| entry.png == card)
            .map(|entry| entry.alt.as_str())
            .ok_or_else(|| format!("no share card {card} was drawn for {file}"))?;
        let tags = ShareTags::for_view(&story, view, &base, &file, &card, alt);
        let page = story_page(
            &build.template,
            &PageParts {
                lang: &story.lang,
                dir: direction(&story.lang),
                title: &tags.title,
                description: &story.standfirst,
                head: &share_tags_html(&tags),
                data: &data,
                view_id: &view_id,
                markup: &markup,
                loading: &loading,
                failed: &failed,
                up,
            },
        )?;
        out.push(SiteFile {
            path: file,
            bytes: page.into_bytes(),
        });
        views.push((
            view_id.clone(),
            render_story_view(&story, &view_id, true).await,
        ));
    }
    let widget = embed_module(
        &build.files,
        read,
        &views,
        &Embed {
            story: &story,
            json,
            name,
            up,
        },
    )?;
    // The same module under a content-hashed name, for embed codes that carry its integrity
    // (docs/embedding.md "Integrity"); the plain name stays for those who want it.
    let hashed = super::Entry::of("widget", widget.as_bytes());
    out.push(SiteFile {
        path: hashed.file,
        bytes: widget.clone().into_bytes(),
    });
    out.push(SiteFile {
        path: WIDGET.to_owned(),
        bytes: widget.into_bytes(),
    });
    Ok(out)
}

/// The direct embed's entry file of every story folder (and of the site's root).
pub const WIDGET: &str = "widget.js";
