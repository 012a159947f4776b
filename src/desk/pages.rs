//! The story's pages as one download (`<stem>-pages.zip`): made in the editor's browser by the
//! build's own code (`prerender::story_site`), from the built page and the widget's files the
//! desk fetches from its own site (`site.json`, written by the build), and zipped with those
//! files. Unpacked into the widget's published folder, or into any folder of a plain static
//! server, it serves the story's pages as `scripts/build` would have built them.

use std::collections::HashMap;
use std::io::Write;

use crate::prerender::{story_site, Build, Entry, Manifest, SITE_MANIFEST, WIDGET};

/// What the download is called.
pub fn zip_name(stem: &str) -> String {
    format!("{stem}-pages.zip")
}

/// The zip: the story's files under `<stem>/`, the shared files beside that folder. Share tags
/// point at `base` when it is a web address (where the widget's folder is published), else they
/// stay relative to each page, as in a build without `DM_PUBLIC_URL`.
/// With the zip, the entry of the story's widget.js in it (its hashed name and integrity), for
/// the embed code.
#[cfg(target_arch = "wasm32")]
pub async fn pages_zip(
    stem: &str,
    story_json: &str,
    base: &str,
) -> Result<(Vec<u8>, Entry), String> {
    use super::browser::{fetch_bytes, load_image_fonts};
    load_image_fonts().await?;
    let manifest = site_manifest().await?;
    let mut shared = HashMap::new();
    for file in &manifest.files {
        shared.insert(file.clone(), fetch_bytes(file).await?);
    }
    let base = crate::prerender::public_base(Some(base)).unwrap_or_default();
    zip_story(stem, story_json, manifest, shared, base).await
}

/// The desk's site's manifest (`site.json`, written by the build).
#[cfg(target_arch = "wasm32")]
pub async fn site_manifest() -> Result<Manifest, String> {
    serde_json::from_slice(&super::browser::fetch_bytes(SITE_MANIFEST).await?).map_err(|e| {
        format!("{SITE_MANIFEST} of the desk's site could not be read ({e}): build the site again")
    })
}

/// [`pages_zip`] once every shared file is at hand: `shared` holds their bytes by name.
pub async fn zip_story(
    stem: &str,
    story_json: &str,
    manifest: Manifest,
    shared: HashMap<String, Vec<u8>>,
    base: String,
) -> Result<(Vec<u8>, Entry), String> {
    let name = crate::prerender::story_name(stem)?;
    let read = |file: &str| {
        let file = file.trim_start_matches("./");
        shared
            .get(file)
            .cloned()
            .ok_or_else(|| format!("{file} is not among the widget's files ({SITE_MANIFEST})"))
    };
    let build = Build {
        template: manifest.template,
        files: manifest.files.clone(),
        base,
    };
    let story = story_site(&build, &read, story_json, &name).await?;
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    let fail = |e: &dyn std::fmt::Display| format!("the zip could not be written: {e}");
    let mut add = |path: &str, bytes: &[u8]| -> Result<(), String> {
        zip.start_file(path, options).map_err(|e| fail(&e))?;
        zip.write_all(bytes).map_err(|e| fail(&e))
    };
    for file in &manifest.files {
        add(file, &read(file)?)?;
    }
    for file in &story {
        add(&format!("{name}/{}", file.path), &file.bytes)?;
    }
    let widget = story
        .iter()
        .find(|file| file.path == WIDGET)
        .map(|file| Entry::of("widget", &file.bytes))
        .ok_or("the story's pages have no widget.js")?;
    Ok((zip.finish().map_err(|e| fail(&e))?.into_inner(), widget))
}
