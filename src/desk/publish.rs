//! The files the desk offers for download: the story file, the workbook back, and the images.

use crate::images::{self, Kind};
use crate::model::{Story, View};

use super::state::{SourceText, Theme};

/// Offers the story as `kind` (`json` or `xlsx`), named `<stem>.<kind>`; the workbook carries
/// the source texts at hand, so the evidence check travels with it.
pub fn download(kind: &str, stem: &str, story: &Story, texts: &[SourceText]) -> Result<(), String> {
    let (bytes, mime) = file(kind, story, texts)?;
    #[cfg(target_arch = "wasm32")]
    return super::browser::download(&format!("{stem}.{kind}"), mime, &bytes);
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = (stem, bytes, mime);
        Ok(())
    }
}

/// `story` as the next version of `previous` (the text of the file readers have now): the story
/// file with its history, and what the editor should read (docs/live-stories.md). Every
/// problem of the old file comes back as a line naming it.
pub fn as_new_version(
    story: &Story,
    previous_name: &str,
    previous: &[u8],
) -> Result<(Story, String), String> {
    let text = std::str::from_utf8(previous)
        .map_err(|_| format!("{previous_name} is not a story file (not UTF-8 text)"))?;
    let old = crate::model::parse_story(text)
        .map_err(|errors| format!("{previous_name} is not a valid story file: {errors}"))?;
    let (new, published) = crate::model::history::publish(story.clone(), &old)
        .map_err(|reason| format!("{previous_name}: {reason}"))?;
    let count = new.history.len();
    let mut said = format!(
        "as a new version of {previous_name} ({}), with {count} earlier version{}",
        old.as_of.date,
        if count == 1 { "" } else { "s" }
    );
    for note in &published.notes {
        said.push_str("; ");
        said.push_str(note);
    }
    Ok((new, said))
}

/// The bytes of the story as `kind`, and their media type.
pub fn file(
    kind: &str,
    story: &Story,
    texts: &[SourceText],
) -> Result<(Vec<u8>, &'static str), String> {
    let texts: Vec<crate::model::check::SourceText> = texts
        .iter()
        .map(|t| crate::model::check::SourceText {
            source_id: t.source.clone(),
            text: t.text.clone(),
        })
        .collect();
    match kind {
        "xlsx" => crate::workbook::export_xlsx_with_texts(story, &texts).map(|bytes| {
            (
                bytes,
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            )
        }),
        _ => Ok((story.to_canonical_json().into_bytes(), "application/json")),
    }
}

/// An image of the story, ready to download.
pub struct ImageFile {
    /// `<stem>-card-kyiv.png`
    pub name: String,
    pub mime: &'static str,
    pub bytes: Vec<u8>,
    /// The text alternative of this very picture (a card's says how many rows it shows).
    pub alt: String,
}

/// One image of the story for download. The font must be loaded first
/// (`browser::load_image_fonts`).
pub fn image(
    stem: &str,
    story: &Story,
    view_id: &str,
    kind: Kind,
    png: bool,
    theme: Theme,
) -> Result<ImageFile, String> {
    let view = View::from_id(story, Some(view_id));
    let theme = match theme {
        Theme::Light => images::Theme::Light,
        Theme::Dark => images::Theme::Dark,
    };
    let picture = images::draw(story, view, kind, theme).map_err(|e| e.to_string())?;
    let extension = if png { "png" } else { "svg" };
    let name = format!(
        "{stem}-{}",
        images::file_name(kind, view.id(story), extension)
    );
    let (mime, bytes) = if png {
        (
            "image/png",
            images::png(&picture).map_err(|e| e.to_string())?,
        )
    } else {
        ("image/svg+xml", picture.svg.into_bytes())
    };
    Ok(ImageFile {
        name,
        mime,
        bytes,
        alt: picture.alt,
    })
}
