//! Prerenders the standalone page: `prerender DIST_DIR` fills `index.html` with the widget's
//! all-sides view, writes `view-<side>.html` for each side's view, draws every view's share card
//! and full image into `images/`, and gives each page its share tags (`DM_PUBLIC_URL`).
//!
//! Run by Trunk after each build (`Trunk.toml` hook, through `scripts/prerender-hook`).

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    native::main()
}

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use std::path::Path;
    use std::process::ExitCode;

    use demands_matrix::i18n::{Strings, LOCALES_DIR, SHIPPED};
    use demands_matrix::images::{file_name, Kind};
    use demands_matrix::model::{parse_story, View, DEFAULT_STORY_JSON};
    use demands_matrix::prerender::{
        embed_module, fill_page, live_assets, page_description, pages, public_base,
        refresh_integrity, render_embedded_view, render_view, site_images, with_integrity,
        with_live_assets, with_share_tags, with_story, ShareTags, IMAGES_DIR,
    };

    pub fn main() -> ExitCode {
        let Some(dir) = std::env::args().nth(1) else {
            eprintln!("usage: prerender DIST_DIR (the folder holding the built index.html)");
            return ExitCode::from(2);
        };
        match run(Path::new(&dir)) {
            Ok(written) => {
                println!("prerendered {written} pages and wrote widget.js in {dir}");
                ExitCode::SUCCESS
            }
            Err(err) => {
                eprintln!("prerender: {err}");
                ExitCode::FAILURE
            }
        }
    }

    fn run(dir: &Path) -> Result<usize, String> {
        let index = dir.join("index.html");
        let read = |name: &str| {
            let path = dir.join(name.trim_start_matches("./"));
            std::fs::read(&path).map_err(|e| format!("cannot read {}: {e}", path.display()))
        };
        let page = std::fs::read_to_string(&index)
            .map_err(|e| format!("cannot read {}: {e}", index.display()))?;
        let files = |dir: &Path| -> Result<Vec<String>, String> {
            Ok(std::fs::read_dir(dir)
                .map_err(|e| format!("cannot list {}: {e}", dir.display()))?
                .filter_map(|entry| entry.ok()?.file_name().into_string().ok())
                .collect())
        };
        // scripts/build-live wrote it before this step: a site without it would quietly never
        // follow a live story.
        let live = live_assets(&files(dir)?, read)?
            .ok_or("the build has no live reader (live-*.js, live-*.wasm: scripts/build-live)")?;
        let page = with_integrity(&refresh_integrity(&page, read)?, read)?;
        let page = with_story(&with_live_assets(&page, Some(&live))?)?;
        let runtime = tokio::runtime::Builder::new_current_thread()
            .build()
            .map_err(|e| format!("cannot start the renderer: {e}"))?;
        let story = parse_story(DEFAULT_STORY_JSON).map_err(|e| e.to_string())?;
        let base = public_base(std::env::var("DM_PUBLIC_URL").ok().as_deref())?;
        let (images, entries) = site_images(&story)?;
        let folder = dir.join(IMAGES_DIR);
        std::fs::create_dir_all(&folder)
            .map_err(|e| format!("cannot create {}: {e}", folder.display()))?;
        for image in &images {
            let path = folder.join(&image.file);
            std::fs::write(&path, &image.bytes)
                .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
        }
        // Every shipped locale's strings, for a story from `?src=` in another language than
        // the page's (`loading::fetch_strings`).
        let locales = dir.join(LOCALES_DIR);
        std::fs::create_dir_all(&locales)
            .map_err(|e| format!("cannot create {}: {e}", locales.display()))?;
        for tag in SHIPPED {
            let path = locales.join(format!("{tag}.json"));
            std::fs::write(&path, Strings::for_lang(tag).to_page_json(&[]))
                .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
        }
        let list = serde_json::to_string_pretty(&entries).map_err(|e| e.to_string())? + "\n";
        std::fs::write(folder.join("images.json"), list)
            .map_err(|e| format!("cannot write images.json: {e}"))?;
        let pages = pages()?;
        let mut views = Vec::with_capacity(pages.len());
        for (file, view_id) in &pages {
            let markup = runtime.block_on(render_view(view_id));
            let view = View::from_id(&story, Some(view_id));
            let card = file_name(Kind::Card, view_id, "png");
            let alt = entries
                .iter()
                .find(|entry| entry.png == card)
                .map(|entry| entry.alt.as_str())
                .ok_or_else(|| format!("no share card {card} was drawn for {file}"))?;
            let mut tags = ShareTags::for_view(&story, view, &base, file, &card, alt);
            if let Some(description) = page_description(&page) {
                tags.description = description;
            }
            let filled = with_share_tags(&fill_page(&page, view_id, &markup)?, &tags)?;
            let path = dir.join(file);
            std::fs::write(&path, filled)
                .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
            views.push((
                view_id.clone(),
                runtime.block_on(render_embedded_view(view_id)),
            ));
        }
        let widget = dir.join("widget.js");
        std::fs::write(&widget, embed_module(&files(dir)?, read, &views)?)
            .map_err(|e| format!("cannot write {}: {e}", widget.display()))?;
        Ok(pages.len())
    }
}
