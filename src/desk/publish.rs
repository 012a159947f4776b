//! The files the desk offers for download: the story file, and the workbook back.

use crate::model::Story;

/// Offers the story as `kind` (`json` or `xlsx`), named `<stem>.<kind>`.
pub fn download(kind: &str, stem: &str, story: &Story) -> Result<(), String> {
    let (bytes, mime) = file(kind, story)?;
    #[cfg(target_arch = "wasm32")]
    return super::browser::download(&format!("{stem}.{kind}"), mime, &bytes);
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = (stem, bytes, mime);
        Ok(())
    }
}

/// The bytes of the story as `kind`, and their media type.
pub fn file(kind: &str, story: &Story) -> Result<(Vec<u8>, &'static str), String> {
    match kind {
        "xlsx" => crate::workbook::export_xlsx(story).map(|bytes| {
            (
                bytes,
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            )
        }),
        _ => Ok((story.to_canonical_json().into_bytes(), "application/json")),
    }
}
