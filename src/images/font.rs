//! The bundled font (DejaVu Sans, `fonts/`): text widths for laying out the images, and which
//! characters it can draw. The machine's fonts are never used, so every build draws the same.

use skrifa::instance::{LocationRef, Size};
use skrifa::{FontRef, MetadataProvider};

/// The family name written into the SVG: resvg finds it among the bundled faces only.
pub const FAMILY: &str = "DejaVu Sans";
/// What the SVG file asks for when opened elsewhere (an editor's browser or Illustrator): Verdana
/// has nearly DejaVu's widths, so lines laid out for DejaVu still fit.
pub const FAMILY_FALLBACKS: &str = "'DejaVu Sans', Verdana, sans-serif";

/// The faces' bytes: compiled into native programs; the desk fetches them (they would double its
/// WebAssembly) and hands them to [`install`] before its first drawing.
static FACES: std::sync::OnceLock<[&'static [u8]; 2]> = std::sync::OnceLock::new();

#[cfg(not(target_arch = "wasm32"))]
fn bundled() -> Option<[&'static [u8]; 2]> {
    Some([
        include_bytes!("../../fonts/DejaVuSans.ttf"),
        include_bytes!("../../fonts/DejaVuSans-Bold.ttf"),
    ])
}

#[cfg(target_arch = "wasm32")]
fn bundled() -> Option<[&'static [u8]; 2]> {
    None
}

/// Gives the drawing its font where it is not compiled in: DejaVu Sans regular and bold, as
/// `fonts/` holds them. Kept for the life of the page; a second call changes nothing.
pub fn install(regular: Vec<u8>, bold: Vec<u8>) -> Result<(), String> {
    for (bytes, name) in [(&regular, "regular"), (&bold, "bold")] {
        let font =
            FontRef::new(bytes).map_err(|e| format!("the {name} face is not a font: {e}"))?;
        if font.charmap().map('A').is_none() {
            return Err(format!("the {name} face has no Latin letters"));
        }
    }
    let leak = |bytes: Vec<u8>| -> &'static [u8] { Box::leak(bytes.into_boxed_slice()) };
    let _ = FACES.set([leak(regular), leak(bold)]);
    Ok(())
}

/// Both faces' bytes, for the renderer's font database; `None` until the font is there.
pub fn faces() -> Option<[&'static [u8]; 2]> {
    FACES.get().copied().or_else(bundled)
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Weight {
    Regular,
    Bold,
}

impl Weight {
    /// The SVG `font-weight` value.
    pub fn css(self) -> &'static str {
        match self {
            Weight::Regular => "400",
            Weight::Bold => "700",
        }
    }
}

/// A parsed face; `None` before [`install`] in the browser. Parsing reads only the table
/// directory, so it is done per call rather than kept.
fn face(weight: Weight) -> Option<FontRef<'static>> {
    let [regular, bold] = faces()?;
    FontRef::new(match weight {
        Weight::Regular => regular,
        Weight::Bold => bold,
    })
    .ok()
}

/// Width of `text` set in one line at `size` px, from the glyphs' advances (kerning is left out:
/// it moves DejaVu text by well under 1 %, and every layout keeps more slack than that).
pub fn width(text: &str, size: f32, weight: Weight) -> f32 {
    let Some(font) = face(weight) else {
        return text.chars().count() as f32 * size;
    };
    let charmap = font.charmap();
    let metrics = font.glyph_metrics(Size::new(size), LocationRef::default());
    text.chars()
        .map(|c| {
            if matches!(c, '\t' | '\n' | '\r') {
                ' '
            } else {
                c
            }
        })
        .map(|c| {
            charmap
                .map(c)
                .and_then(|glyph| metrics.advance_width(glyph))
                .unwrap_or(size)
        })
        .sum()
}

/// Whether the face draws `c`. Tabs and line breaks need no glyph (the layout makes them
/// spaces); every other character, spaces included, must be in the font.
pub fn has_glyph(c: char, weight: Weight) -> bool {
    matches!(c, '\t' | '\n' | '\r')
        || invisible(c)
        || face(weight).is_some_and(|font| font.charmap().map(c).is_some())
}

/// Format characters that are never drawn (zero-width spaces and joiners, direction marks and
/// embeddings, the soft hyphen, the byte-order mark): the shaper handles them without a glyph.
fn invisible(c: char) -> bool {
    matches!(c as u32, 0xAD | 0x200B..=0x200F | 0x202A..=0x202E | 0x2060..=0x2069 | 0xFEFF)
}
