//! Prerenders the standalone page: `prerender DIST_DIR` fills `index.html` with the widget's
//! all-sides view and writes `view-<side>.html` for each side's view.
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

    use demands_matrix::prerender::{
        embed_module, fill_page, pages, refresh_integrity, render_embedded_view, render_view,
        with_integrity, with_story,
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
        let page = with_story(&with_integrity(&refresh_integrity(&page, read)?, read)?)?;
        let runtime = tokio::runtime::Builder::new_current_thread()
            .build()
            .map_err(|e| format!("cannot start the renderer: {e}"))?;
        let pages = pages()?;
        let mut views = Vec::with_capacity(pages.len());
        for (file, view_id) in &pages {
            let markup = runtime.block_on(render_view(view_id));
            let filled = fill_page(&page, view_id, &markup)?;
            let path = dir.join(file);
            std::fs::write(&path, filled)
                .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
            views.push((
                view_id.clone(),
                runtime.block_on(render_embedded_view(view_id)),
            ));
        }
        let files: Vec<String> = std::fs::read_dir(dir)
            .map_err(|e| format!("cannot list {}: {e}", dir.display()))?
            .filter_map(|entry| entry.ok()?.file_name().into_string().ok())
            .collect();
        let widget = dir.join("widget.js");
        std::fs::write(&widget, embed_module(&files, read, &views)?)
            .map_err(|e| format!("cannot write {}: {e}", widget.display()))?;
        Ok(pages.len())
    }
}
