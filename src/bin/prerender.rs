//! Prerenders the site's stories: `prerender DIST_DIR` fills `index.html` with the built-in
//! story's all-sides view and writes `view-<side>.html` for each side's view, its share cards and
//! full images into `images/` and its `widget.js`; then does the same for every story file of
//! the stories folder (`DM_STORIES`, `stories/` by default), each into a folder named after its
//! file (`gaza-2025-10-09.json` → `gaza-2025-10-09/`). Share tags take `DM_PUBLIC_URL`.
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
    use std::path::{Path, PathBuf};
    use std::process::ExitCode;

    use demands_matrix::model::DEFAULT_STORY_JSON;
    use demands_matrix::prerender::{
        content_security_policy, live_assets, public_base, refresh_integrity, shared_files,
        story_name, story_site, with_integrity, with_live_assets, Build, Entry, Manifest, SiteFile,
        SITE_MANIFEST, WIDGET,
    };

    /// The host script for iframe embeds, as Trunk copies it into the site.
    const EMBED: &str = "embed.js";

    /// Where the stories folder is when `DM_STORIES` does not say (from the repository root,
    /// where the hook runs).
    const DEFAULT_STORIES: &str = "stories";

    pub fn main() -> ExitCode {
        let Some(dir) = std::env::args().nth(1) else {
            eprintln!("usage: prerender DIST_DIR (the folder holding the built index.html)");
            return ExitCode::from(2);
        };
        match run(Path::new(&dir)) {
            Ok(stories) => {
                println!(
                    "prerendered the built-in story and {stories} more from the stories folder in {dir}"
                );
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
        let files: Vec<String> = std::fs::read_dir(dir)
            .map_err(|e| format!("cannot list {}: {e}", dir.display()))?
            .filter_map(|entry| entry.ok()?.file_name().into_string().ok())
            .collect();
        // scripts/build-live wrote it before this step: a site without it would quietly never
        // follow a live story.
        let live = live_assets(&files, read)?
            .ok_or("the build has no live reader (live-*.js, live-*.wasm: scripts/build-live)")?;
        let template = with_live_assets(
            &with_integrity(&refresh_integrity(&page, read)?, read)?,
            Some(&live),
        )?;
        let build = Build {
            template,
            files,
            base: public_base(std::env::var("DM_PUBLIC_URL").ok().as_deref())?,
        };
        let runtime = tokio::runtime::Builder::new_current_thread()
            .build()
            .map_err(|e| format!("cannot start the renderer: {e}"))?;
        let stories = stories()?;
        // Every story is checked before anything is written: a bad file stops the build with
        // its own messages, never halfway through the site.
        let mut built = Vec::new();
        for (name, path, json) in &stories {
            let files = runtime
                .block_on(story_site(&build, &read, json, name))
                .map_err(|e| format!("{}: {e}", path.display()))?;
            built.push((name, files));
        }
        let root = runtime
            .block_on(story_site(&build, &read, DEFAULT_STORY_JSON, ""))
            .map_err(|e| format!("the built-in story: {e}"))?;
        write(dir, &root)?;
        // The host script under a content-hashed name too, beside its plain name (docs/embedding.md
        // "Integrity"); the desk's downloads carry it with the other shared files.
        let embed = read(EMBED)?;
        let hashed_embed = Entry::of("embed", &embed);
        std::fs::write(dir.join(&hashed_embed.file), &embed)
            .map_err(|e| format!("cannot write {}: {e}", hashed_embed.file))?;
        let mut files = shared_files(&build.template)?;
        files.push(hashed_embed.file.clone());
        let mut entries = std::collections::BTreeMap::from([(EMBED.to_owned(), hashed_embed)]);
        if let Some(widget) = root.iter().find(|f| f.path == WIDGET) {
            entries.insert(WIDGET.to_owned(), Entry::of("widget", &widget.bytes));
        }
        // For the desk, which makes a story's pages with this same code in the editor's browser.
        let manifest = Manifest {
            files,
            template: build.template.clone(),
            entries,
        };
        let manifest = serde_json::to_string(&manifest).map_err(|e| e.to_string())?;
        std::fs::write(dir.join(SITE_MANIFEST), manifest)
            .map_err(|e| format!("cannot write {SITE_MANIFEST}: {e}"))?;
        // The policy the site runs under, with the hash of the pages' one inline script, for a
        // server to send (docs/security.md).
        std::fs::write(dir.join("csp.txt"), content_security_policy() + "\n")
            .map_err(|e| format!("cannot write csp.txt: {e}"))?;
        for (name, files) in &built {
            let folder = dir.join(name);
            // A story removed from a page's folder since the last build must not linger in it.
            if folder.exists() {
                std::fs::remove_dir_all(&folder)
                    .map_err(|e| format!("cannot clear {}: {e}", folder.display()))?;
            }
            write(&folder, files)?;
        }
        Ok(stories.len())
    }

    /// The story files of the stories folder, sorted by name: each story's folder name, file
    /// and text. A folder named by `DM_STORIES` must exist; the default one may not.
    fn stories() -> Result<Vec<(String, PathBuf, String)>, String> {
        let (folder, named) = match std::env::var("DM_STORIES") {
            Ok(folder) if !folder.trim().is_empty() => (PathBuf::from(folder), true),
            _ => (PathBuf::from(DEFAULT_STORIES), false),
        };
        let entries = match std::fs::read_dir(&folder) {
            Ok(entries) => entries,
            Err(_) if !named => return Ok(Vec::new()),
            Err(e) => {
                return Err(format!(
                    "DM_STORIES names {}, which cannot be read: {e}",
                    folder.display()
                ))
            }
        };
        let mut paths: Vec<PathBuf> = entries
            .filter_map(|entry| Some(entry.ok()?.path()))
            // A schema beside the stories (`"$schema": "story.schema.json"`) is not a story.
            .filter(|path| {
                path.extension().is_some_and(|ext| ext == "json")
                    && !path.to_string_lossy().ends_with(".schema.json")
            })
            .collect();
        paths.sort();
        paths
            .into_iter()
            .map(|path| {
                let stem = path
                    .file_stem()
                    .and_then(|stem| stem.to_str())
                    .ok_or_else(|| format!("{}: the file name is not UTF-8", path.display()))?;
                let name = story_name(stem).map_err(|e| format!("{}: {e}", path.display()))?;
                let json = std::fs::read_to_string(&path)
                    .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
                Ok((name, path, json))
            })
            .collect()
    }

    fn write(folder: &Path, files: &[SiteFile]) -> Result<(), String> {
        for file in files {
            let path = folder.join(&file.path);
            if let Some(parent) = path.parent() {
                std::fs::create_dir_all(parent)
                    .map_err(|e| format!("cannot create {}: {e}", parent.display()))?;
            }
            std::fs::write(&path, &file.bytes)
                .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
        }
        Ok(())
    }
}
